//! Absolute days: a day with its month and year (`3 maart 2020`, `le 1er janvier`), days of
//! the anchor's month (`de 5e`, `le 23`) and n-th days and weekdays of a month.

use super::{valid_day, Base, MonthRef, Parser, YearRef, LAST, YEARS};
use crate::extract::dates::lexicon::{Sense, Unit};
use crate::extract::dates::token::Kind;

impl Parser<'_> {
    /// Article + period: `het derde kwartaal`, `la semaine prochaine`, `de 5e`.
    pub(super) fn with_article(&self, i: usize) -> Option<(usize, Base)> {
        let relative = self
            .is(i, Sense::RelativeArticle)
            .and_then(|j| self.relative_unit(j))
            .or_else(|| self.weekend(i));
        let Some(j) = self.is(i, Sense::Article) else {
            return relative;
        };
        // `de 9e van mei`, but `tweede van augustus` without its article.
        let numeric = self
            .toks
            .get(j)
            .is_some_and(|t| t.folded.starts_with(|c: char| c.is_ascii_digit()));
        // `het najaar van 2023` takes its article as `het derde kwartaal van 2023` does; a
        // season without `van` keeps it outside, as the gold has it (`l'été 2016`).
        let season_of_year = self
            .season(j)
            .filter(|&(k, _)| (j + 1..k).any(|m| self.has(m, Sense::Of)));
        let candidates = [
            self.ordinal_period(j),
            self.day_of_month(j),
            self.ordinal_day_month(j).filter(|_| numeric),
            relative,
            season_of_year,
        ];
        candidates.into_iter().flatten().max_by_key(|&(k, _)| k)
    }

    /// `het weekend`: the nearest weekend (the tense picks the one past or to come); not
    /// one named by its days (`het weekend van 14 en 15 maart`). With a shift word the
    /// article belongs to it too (`het voorbije weekend`).
    fn weekend(&self, i: usize) -> Option<(usize, Base)> {
        let j = self.is(i, Sense::WeekendArticle)?;
        let shifted = self
            .relative_unit(j)
            .filter(|&(_, base)| matches!(base, Base::RelativeUnit(Unit::Weekend, _)));
        if shifted.is_some() {
            return shifted;
        }
        let (k, unit) = self.unit(j)?;
        let single = unit == Unit::Weekend && !self.has(j, Sense::Plural);
        (single && !self.has(k, Sense::Of)).then_some((k, Base::RelativeUnit(Unit::Weekend, 0)))
    }

    /// `de nacht van 3 op 4 augustus`, `de nacht van vrijdag op zaterdag`: the day whose
    /// evening the night begins.
    pub(super) fn night(&self, i: usize) -> Option<(usize, Base)> {
        let j = self.is(i, Sense::NightOf)?;
        let weekday = |k| {
            self.sense(k, |s| match s {
                Sense::Weekday(wd) => Some(wd),
                _ => None,
            })
        };
        if let Some((k, wd)) = weekday(j) {
            let l = self.is(k, Sense::NightLink)?;
            let (end, _) = weekday(l)?;
            return Some((end, Base::Weekday(wd, None)));
        }
        // `3 op 4 augustus`: the first day takes the month and year of the second.
        let (k, first) = match self.day_month(j) {
            Some((k, base)) => (k, Some(base)),
            None => (self.day(j)?.0, None),
        };
        let l = self.is(k, Sense::NightLink)?;
        let (end, Base::Day(year, m, next)) = self.day_month(l)? else {
            return None;
        };
        let base = match first {
            Some(base @ Base::Day(..)) => base,
            Some(_) => return None,
            None => {
                let d = self.day(j)?.1;
                (d + 1 == next).then_some(Base::Day(year, m, d))?
            }
        };
        Some((end, base))
    }

    /// `de 5e`: an ordinal day of the anchor's month.
    fn day_of_month(&self, i: usize) -> Option<(usize, Base)> {
        // Only written with digits: `de eerste` is far more often "the first one".
        let (j, d) = self.ordinal(i).filter(|_| {
            self.toks[i]
                .folded
                .starts_with(|c: char| c.is_ascii_digit())
        })?;
        if !(1..=31).contains(&d)
            || self.month(j, true).is_some()
            || self.unit(j).is_some()
            || self.has(j, Sense::Century)
            // `pour la 23e fois`: a count.
            || self.quantity_after(j)
            // `les 1er et 2 janvier`: one span of days, read from the number.
            || self.has(j, Sense::And) && self.day_pair(i).is_some()
        {
            return None;
        }
        match self.relative_month(j) {
            Some((k, n)) => Some((k, Base::DayOfMonth(d, n))),
            // `De 3e plaats`: an ordinal before a noun, unless a preposition says date.
            // `op de 1e verdieping`: not even after a preposition.
            _ => self
                .closes_bare_day(j)
                .then(|| (j, self.day_before_and(j, d))),
        }
    }

    /// Day `d` of the anchor's month, or of the month of the date after `et` at `j` (`les
    /// 1er et 8 décembre`, `le 3 et le 10 mars`).
    fn day_before_and(&self, j: usize, d: u32) -> Base {
        let named = self.is(j, Sense::And).and_then(|k| {
            let k = self.is(k, Sense::Article).unwrap_or(k);
            match self.day_month(k) {
                Some((_, Base::Day(year, m, _))) if valid_day(None, m, d) => {
                    Some(Base::Day(year, m, d))
                }
                _ => None,
            }
        });
        named.unwrap_or(Base::DayOfMonth(d, 0))
    }

    /// The month after a day: `van volgende maand`, `du mois prochain`, `de ce mois`,
    /// `volgende maand`; as its shift from the anchor's month.
    fn relative_month(&self, i: usize) -> Option<(usize, i32)> {
        if let Some((k, MonthRef::Relative(n))) = self.month_ref(i) {
            return Some((k, n));
        }
        match self.relative_unit(i)? {
            (k, Base::RelativeUnit(Unit::Month, n)) => Some((k, n)),
            _ => None,
        }
    }

    /// `23 volgende maand`, `le 20 du mois prochain`, `de 4 de ce mois`: a day number
    /// of a month named relative to the anchor's.
    pub(super) fn day_of_relative_month(&self, i: usize, cued: bool) -> Option<(usize, Base)> {
        let (d, digits) = self.num(i)?;
        // After a date word only: `al 5 deze maand` counts things.
        if digits > 2
            || !(1..=31).contains(&d)
            || self.in_number_group(i)
            || !(cued || self.date_word_before(i) && !self.weak_cue_before(i))
        {
            return None;
        }
        let (k, n) = self.relative_month(i + 1)?;
        Some((k, Base::DayOfMonth(d, n)))
    }

    /// `van juli`, `van de volgende maand`, `van deze maand`: the month after an ordinal.
    pub(super) fn month_ref(&self, i: usize) -> Option<(usize, MonthRef)> {
        let j = self.is(i, Sense::Of)?;
        let k = self.is(j, Sense::Article).unwrap_or(j);
        if let Some((e, Base::RelativeUnit(Unit::Month, n))) = self.relative_unit(k) {
            return Some((e, MonthRef::Relative(n)));
        }
        if k > j {
            if let Some((e, Unit::Month)) = self.unit(k) {
                return Some((e, MonthRef::Relative(0)));
            }
        }
        match self.month_first(j) {
            Some((e, Base::Month(y, m))) => Some((e, MonthRef::Month(y, m))),
            Some(_) => None,
            // `de 3e week van jan`: after `van`, an abbreviation is a month.
            None => self
                .month(j, true)
                .map(|(e, m)| (e, MonthRef::Month(YearRef::Implicit, m))),
        }
    }

    /// `komende 17 maart`, `ce 12 janvier`, `volgende 12/5`: a shift before a yearless day
    /// picks its side of the anchor.
    pub(super) fn shifted_day(&self, i: usize) -> Option<(usize, Base)> {
        let (j, n) = self.sense(i, |s| match s {
            Sense::Shift(n) => Some(n),
            _ => None,
        })?;
        let dated = [self.day_month(j), self.numeric_date(j)];
        let (k, base) = dated.into_iter().flatten().max_by_key(|&(e, _)| e)?;
        let Base::Day(YearRef::Implicit, m, d) = base else {
            return None;
        };
        let year = match n.signum() {
            -1 => YearRef::Past,
            1 => YearRef::Next,
            _ => YearRef::Implicit,
        };
        Some((k, Base::Day(year, m, d)))
    }

    /// `de eerste vrijdag van juli`, `de laatste zondag van de maand`.
    pub(super) fn nth_weekday(&self, i: usize) -> Option<(usize, Base)> {
        let i = self.is(i, Sense::Article).unwrap_or(i);
        let (j, n) = self.period_ordinal(i)?;
        let (k, wd) = self.sense(j, |s| match s {
            Sense::Weekday(d) => Some(d),
            _ => None,
        })?;
        // Without its month, `le quatrième samedi` counts occurrences (of a protest), and is
        // no date.
        let (end, month) = self.month_ref(k)?;
        (n == LAST || (1..=5).contains(&n)).then_some((end, Base::NthWeekday(n, wd, month)))
    }

    /// `de 9e van mei`, `tweede van augustus`, `de 15e dag van juni`.
    fn ordinal_day_month(&self, i: usize) -> Option<(usize, Base)> {
        let (j, d) = self.ordinal(i)?;
        let j = self.is(j, Sense::Unit(Unit::Day)).unwrap_or(j);
        let k = self.is(j, Sense::Of)?;
        let (end, m) = self.month(k, true)?;
        self.finish_day(end, d, m)
    }

    /// `le 23`: a bare day number of the anchor's month after a day article.
    pub(super) fn bare_day(&self, i: usize) -> Option<(usize, Base)> {
        if i == 0 || !self.has(i - 1, Sense::DayArticle) {
            return None;
        }
        let Some((d, digits)) = self.num(i) else {
            // `le vingt-cinq, mardi`: a number word only with its weekday.
            let (j, d) = self.day(i).filter(|_| self.ordinal(i).is_none())?;
            return self.weekday_after_day(j, d);
        };
        if !(digits <= 2 && (1..=31).contains(&d)) {
            return None;
        }
        if let Some(found) = self.weekday_after_day(i + 1, d) {
            return Some(found);
        }
        let next_ok = match self.toks.get(i + 1) {
            Some(t) if t.kind == Kind::Word => self.has(i + 1, Sense::AfterBareDay),
            _ => self.closes_bare_day(i + 1),
        };
        next_ok.then(|| (i + 1, self.day_before_and(i + 1, d)))
    }

    /// `le 25, mardi`, `le 25 mardi`: the weekday a bare day number falls on.
    fn weekday_after_day(&self, j: usize, d: u32) -> Option<(usize, Base)> {
        let k = if self.punct(j, ",") { j + 1 } else { j };
        let (e, wd) = self.sense(k, |s| match s {
            Sense::Weekday(wd) => Some(wd),
            _ => None,
        })?;
        Some((e, Base::DayOfMonthOn(d, wd)))
    }

    /// `3 maart 2020`, `1er janvier`, `4e jan 2019`, `05-aug-2016`, `vierde juli van 1995`.
    pub(super) fn day_month(&self, i: usize) -> Option<(usize, Base)> {
        let (j, d) = self.day(i)?;
        if self.num(i).is_some() && self.in_number_group(i) {
            return None;
        }
        if let Some(sep) = self
            .toks
            .get(j)
            .filter(|t| t.kind == Kind::Punct && "-/".contains(t.folded.as_str()))
        {
            // 05-aug-2016, 23/sep/2020
            let (k, m) = self.month(j + 1, true)?;
            if !sep.space_before
                && self.attached(j + 1)
                && self.punct(k, &sep.folded)
                && self.attached(k)
            {
                let (end, y) = self.year_after_date(k + 1, false)?;
                return valid_day(Some(y), m, d).then_some((end, Base::Day(YearRef::Abs(y), m, d)));
            }
            // 2/okt
            let plain = sep.folded == "/" && !sep.space_before && self.attached(j + 1);
            return (plain && valid_day(None, m, d))
                .then_some((k, Base::Day(YearRef::Implicit, m, d)));
        }
        let j = self
            .is(j, Sense::Of)
            .filter(|&k| self.month(k, true).is_some())
            .unwrap_or(j);
        let (k, m) = self.month(j, true)?;
        self.finish_day(k, d, m)
    }

    /// The optional year after a day and month: `, 2016`, `van 1995`, `de 1987`.
    fn finish_day(&self, k: usize, d: u32, m: u32) -> Option<(usize, Base)> {
        let after_comma = if self.punct(k, ",") { k + 1 } else { k };
        let after_of = self.is(after_comma, Sense::Of).unwrap_or(after_comma);
        let year = self
            .year_after_date(after_comma, false)
            .or_else(|| self.year_after_date(after_of, false))
            .or_else(|| {
                self.is(k, Sense::YearCue)
                    .and_then(|c| self.year_in(c, &YEARS))
            })
            .or_else(|| {
                // `1er avril 78`: two digits that cannot be a day.
                self.year_after_date(k, true)
                    .filter(|_| self.num(k).is_some_and(|(n, _)| n > 31))
            });
        // With a month name, a day the calendar lacks (`30 februari`) is still a date.
        let named_day = (1..=31).contains(&d);
        match year {
            Some((end, y)) => named_day.then_some((end, Base::Day(YearRef::Abs(y), m, d))),
            None => {
                let (end, year) = self.relative_year_after(k).unwrap_or(self.day_shift(k));
                named_day.then_some((end, Base::Day(year, m, d)))
            }
        }
    }

    /// `26 juni vorig jaar`, `3 mars de l'année dernière`: a relative year after a day.
    fn relative_year_after(&self, k: usize) -> Option<(usize, YearRef)> {
        let after_of = self.is(k, Sense::Of).unwrap_or(k);
        [k, after_of].into_iter().find_map(|j| {
            let j = self.is(j, Sense::RelativeArticle).unwrap_or(j);
            match self.relative_unit(j)? {
                (e, Base::RelativeUnit(Unit::Year, n)) => Some((e, YearRef::Rel(n))),
                _ => None,
            }
        })
    }

    /// `le 15 octobre dernier`, `12 oktober jl.`: a shift after a yearless day says which
    /// side of the anchor it lies on. Not before a unit (`3 maart volgende week`).
    fn day_shift(&self, k: usize) -> (usize, YearRef) {
        let shift = self.sense(k, |s| match s {
            Sense::Shift(n @ (1 | -1)) => Some(n),
            _ => None,
        });
        match shift {
            Some((e, n)) if self.unit(e).is_none() && self.month(e, false).is_none() => {
                (e, if n < 0 { YearRef::Past } else { YearRef::Next })
            }
            _ => (k, YearRef::Implicit),
        }
    }
}
