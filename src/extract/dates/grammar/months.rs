//! Months and years: `april 2020`, `juillet 98`, `2017 april`, `l'année 2019`, `in 2021`.

use super::{full_year, valid_day, Base, Parser, YearRef, BARE_YEARS, HISTORIC_YEARS, YEARS};
use crate::extract::dates::lexicon::{Sense, Unit};

impl Parser<'_> {
    /// A month name; abbreviations when `abbr`, with their dot.
    pub(super) fn month(&self, i: usize, abbr: bool) -> Option<(usize, u32)> {
        if let Some(found) = self.sense(i, |s| match s {
            Sense::Month(m) => Some(m),
            _ => None,
        }) {
            return (!self.ends_compound_name(i)).then_some(found);
        }
        if !abbr {
            return None;
        }
        let (j, m) = self.sense(i, |s| match s {
            Sense::MonthAbbr(m) => Some(m),
            _ => None,
        })?;
        Some((self.skip_dot(j), m))
    }

    /// `april 2020`, `juni van 1992`, `dec-2018`, `juillet 98`, `mei`, `Sep-23-2020`.
    pub(super) fn month_first(&self, i: usize) -> Option<(usize, Base)> {
        let full = self.month(i, false);
        let (j, m) = full.or_else(|| self.month(i, true))?;
        // november de 15e
        if let Some((k, d)) = self.is(j, Sense::Article).and_then(|a| self.ordinal(a)) {
            if valid_day(None, m, d) {
                return Some((k, Base::Day(YearRef::Implicit, m, d)));
            }
        }
        // novembre 23 de 1987, May 23, 2020
        if let Some((k, d)) = self.day(j).filter(|_| self.num(j).is_some()) {
            let after = if self.punct(k, ",") {
                k + 1
            } else {
                self.is(k, Sense::Of).unwrap_or(k)
            };
            if let Some((e, y)) = self.year_in(after, &YEARS) {
                if valid_day(Some(y), m, d) {
                    return Some((e, Base::Day(YearRef::Abs(y), m, d)));
                }
            }
        }
        // Sep-23-2020
        if self.punct(j, "-/") && self.attached(j) {
            if let Some((k, y)) = self
                .year_after_date(j + 1, false)
                .filter(|_| self.attached(j + 1))
            {
                return Some((k, Base::Month(YearRef::Abs(y), m)));
            }
            if let Some((k, d)) = self.day(j + 1) {
                if self.punct(k, "-/") && self.attached(k) {
                    let (end, y) = self.year_after_date(k + 1, false)?;
                    return valid_day(Some(y), m, d)
                        .then_some((end, Base::Day(YearRef::Abs(y), m, d)));
                }
            }
        }
        // april volgend jaar, maart van dit jaar
        let after_of = self.is(j, Sense::Of).unwrap_or(j);
        let relative_year = [j, after_of]
            .into_iter()
            .find_map(|k| match self.relative_unit(k) {
                Some((e, Base::RelativeUnit(Unit::Year, n))) => Some((e, n)),
                _ => None,
            });
        if let Some((k, n)) = relative_year {
            return Some((k, Base::Month(YearRef::Rel(n), m)));
        }
        let after_comma = if self.punct(j, ",") { j + 1 } else { j };
        if let Some((k, y)) = self
            .year_after_date(after_comma, false)
            .or_else(|| self.year_after_date(after_of, false))
            .or_else(|| self.year_after_plain_cue(j))
        {
            return Some((k, Base::Month(YearRef::Abs(y), m)));
        }
        if let Some((n, 2)) = self.num(j) {
            // `april 35 banen` counts jobs: a quantity word after the number.
            if n > 31 && !self.in_number_group(j) && !self.quantity_after(j + 1) {
                return Some((j + 1, Base::Month(YearRef::Abs(full_year(n)), m)));
            }
        }
        // `januari en februari 2024`: a month in a list shares the last one's year.
        if let Some(y) = full.and_then(|_| self.month_list_year(j)) {
            return Some((j, Base::Month(YearRef::Abs(y), m)));
        }
        // `les vacances de février`: a school holiday named by its month, not the month.
        if self.owned(i) {
            return None;
        }
        full.map(|_| (j, Base::Month(YearRef::Implicit, m)))
    }

    /// The year after a cue that only places it (`juni in 2017`, `juin en 2017`); not after a
    /// bound or a range word, which starts a date of its own (`prolongé en janvier jusqu'en
    /// 2029`, `april tot 2019`).
    fn year_after_plain_cue(&self, j: usize) -> Option<(usize, i32)> {
        let c = self.is(j, Sense::YearCue)?;
        let bound = self
            .sense(j, |s| matches!(s, Sense::Modifier(_)).then_some(()))
            .is_some()
            || self.has(j, Sense::To)
            || self.has(j, Sense::And)
            || self.has(j, Sense::Between);
        if bound {
            return None;
        }
        self.year_in(c, &YEARS)
    }

    /// The year after the last month of a list going on at `k` (`, juni en juli 2023`,
    /// `et février 2024`).
    fn month_list_year(&self, mut k: usize) -> Option<i32> {
        // A list of months is at most twelve long.
        for _ in 0..12 {
            let (next, last) = match self.is(k, Sense::And) {
                Some(next) => (next, true),
                None if self.punct(k, ",") => (k + 1, false),
                None => return None,
            };
            let (end, _) = self.month(next, false)?;
            if last {
                let after_of = self.is(end, Sense::Of).unwrap_or(end);
                return [end, after_of]
                    .into_iter()
                    .find_map(|e| self.year_in(e, &YEARS))
                    .map(|(_, y)| y);
            }
            k = end;
        }
        None
    }

    /// `2017 april`.
    pub(super) fn year_month(&self, i: usize) -> Option<(usize, Base)> {
        let (j, y) = self.year_in(i, &YEARS)?;
        let (k, m) = self.month(j, false)?;
        if self.day(k).is_some() && self.num(k).is_some() {
            return None;
        }
        Some((k, Base::Month(YearRef::Abs(y), m)))
    }

    /// `jaar 2008`, `l'année 2019`, `week 31`, `de maand mei`, `au mois de mars`,
    /// `de week van 10 april`.
    pub(super) fn unit_year(&self, i: usize) -> Option<(usize, Base)> {
        // The article belongs to `de maand mei`, not to `het jaar 2008`.
        let unit_after_article = self
            .is(i, Sense::Article)
            .and_then(|a| self.unit(a).map(|found| (a, found)))
            .filter(|&(_, (_, u))| matches!(u, Unit::Month | Unit::Week));
        let (i, (j, u)) = match unit_after_article {
            Some(found) => found,
            None => (i, self.unit(i)?),
        };
        if self.has(i, Sense::Plural) {
            return None;
        }
        let after_of = self
            .is(j, Sense::Of)
            .or_else(|| self.is(j, Sense::WeekStart).filter(|_| u == Unit::Week))
            .unwrap_or(j);
        match u {
            Unit::Month => match self.month_first(after_of)? {
                (k, month @ Base::Month(..)) => Some((k, month)),
                _ => None,
            },
            Unit::Week if after_of > j => {
                let (k, day) = [self.day_month(after_of), self.numeric_date(after_of)]
                    .into_iter()
                    .flatten()
                    .max_by_key(|&(k, _)| k)?;
                match day {
                    Base::Day(y, m, d) => Some((k, Base::WeekOfDay(y, m, d))),
                    _ => None,
                }
            }
            Unit::Year => {
                let (k, y) = self.year_in(j, &YEARS)?;
                Some((k, Base::Year(YearRef::Abs(y))))
            }
            Unit::Week if unit_after_article.is_none() => {
                let (n, digits) = self.num(j)?;
                ((1..=53).contains(&n) && digits <= 2)
                    .then_some((j + 1, Base::Week(YearRef::Implicit, n)))
            }
            _ => None,
        }
    }

    /// A year in words of at least two words (`tweeduizend twintig`, `negentienhonderd
    /// zesennegentig`): a round `tweeduizend` alone is as often an amount.
    pub(super) fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        let (j, y) = self.year_in_words(i)?;
        // Not a larger amount: `deux mille cinq cents`, `tweeduizend vijf honderd`.
        let number_goes_on = self
            .sense(j, |s| matches!(s, Sense::Number(_)).then_some(()))
            .is_some();
        (j > i + 1
            && BARE_YEARS.contains(&(y as u32))
            && !number_goes_on
            && !self.quantity_after(j))
        .then_some((j, y))
    }

    /// Whether a street follows the number ending at `j`: a house number written first (`au
    /// 2030 de la rue Sherbrooke`, `au 1250, boulevard René-Lévesque`), not a year.
    /// The link is needed: a place noun right after a year may open the next sentence
    /// (`un déficit de 3,2 % en 2019 Cité dans le communiqué`).
    fn street_follows(&self, j: usize) -> bool {
        let linked = if self.punct(j, ",") {
            Some(j + 1)
        } else {
            self.is(j, Sense::Of)
                .map(|k| self.is(k, Sense::Article).unwrap_or(k))
        };
        linked.is_some_and(|k| self.has(k, Sense::PlaceNoun))
    }

    /// A year on its own: only after a cue word (`in 2021`, `en 2019`) or when `cued`. A
    /// year of an earlier century needs the cue word right before it (`opgericht in 1891`,
    /// `fondée en 1891`).
    pub(super) fn bare_year(&self, i: usize, cued: bool) -> Option<(usize, Base)> {
        let cue_before = i > 0 && self.has(i - 1, Sense::YearCue);
        // Not after `tot` (`dateert terug tot 1865` is no deadline) nor `et` (`1 200 fichés
        // et 1704 radicalisés`); a round hundred is mostly a count (`plus de 1700 débats`).
        let historic = || {
            self.year_in(i, &HISTORIC_YEARS).filter(|&(_, y)| {
                cue_before
                    && y % 100 != 0
                    && !self.has(i - 1, Sense::To)
                    && !self.has(i - 1, Sense::And)
            })
        };
        let (j, y) = self
            .year_in(i, &BARE_YEARS)
            .or_else(|| self.spelled_year(i))
            .or_else(historic)?;
        // `aan de Meir in 2000 Antwerpen`: a postcode before its place.
        if !cued && self.has(j, Sense::PostcodePlace) {
            return None;
        }
        if self.street_follows(j) {
            return None;
        }
        let parenthesized = i > 0 && self.punct(i - 1, "(") && self.punct(j, ")");
        // `2024 was het warmste jaar`: a year opening a sentence as the subject of its verb.
        let subject = (i == 0 || self.punct(i - 1, ".!?")) && self.has(j, Sense::YearVerb);
        (cued || cue_before || parenthesized || subject).then_some((j, Base::Year(YearRef::Abs(y))))
    }
}
