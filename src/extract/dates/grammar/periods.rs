//! Periods: quarters, halves, seasons, fiscal years, decades and centuries, and counts of a
//! year's months (`het derde kwartaal`, `Q3 2020`, `l'été dernier`, `de jaren '90`).

use super::{Base, Bound, Edge, Expr, Parse, Parser, YearRef, LAST, YEARS};
use crate::extract::dates::lexicon::{Sense, TimexMod, Unit};

impl Parser<'_> {
    /// `het voorbije kwartaal`, `de vorige zomer`: an article before a quarter, half or
    /// season named by a shift word belongs to it, as to `het derde kwartaal`.
    pub(super) fn article_shifted(&self, i: usize) -> Option<Parse> {
        let j = self.is(i, Sense::Article)?;
        self.sense(j, |s| matches!(s, Sense::Shift(n) if n != 0).then_some(()))?;
        let (k, base) = self.relative_unit(j).or_else(|| self.season(j))?;
        let named = matches!(
            base,
            Base::RelativeUnit(Unit::Quarter | Unit::Half, _) | Base::Season(..)
        );
        named.then_some((k, Expr::Point(base)))
    }

    /// `XIXe` before `siècle`: a Roman ordinal, only where a century follows.
    fn roman_ordinal(&self, i: usize) -> Option<(usize, u32)> {
        if !self.has(i + 1, Sense::Century) {
            return None;
        }
        let word = self.toks[i].folded.as_str();
        let numeral = self
            .phrases
            .ordinal_suffixes
            .iter()
            .filter_map(|suffix| word.strip_suffix(suffix.as_str()))
            .min_by_key(|rest| rest.len())?;
        roman_value(numeral).map(|n| (i + 1, n))
    }

    /// `jaren 1990`, `de jaren '90`, `les années 1990`, `21e eeuw`.
    pub(super) fn decade(&self, i: usize) -> Option<Parse> {
        let years = |from: i32, to: i32| {
            let bound = |y| Bound {
                base: Base::Year(YearRef::Abs(y)),
                edge: Edge::Start,
            };
            Expr::Interval(bound(from), bound(to))
        };
        let after_article = self.is(i, Sense::Article).unwrap_or(i);
        let ordinal = self
            .ordinal(after_article)
            .or_else(|| self.roman_ordinal(after_article));
        if let Some((j, n)) = ordinal {
            let k = self.is(j, Sense::Century)?;
            let n = n as i32;
            return (1..=30)
                .contains(&n)
                .then(|| (k, years((n - 1) * 100, n * 100)));
        }
        // `sinds midden jaren negentig`, `eind de jaren tachtig`: a part of a decade (and
        // `since` before it) belongs to its span; the value stays the decade's.
        let i = self.is(i, Sense::Since).unwrap_or(i);
        let i = if self.has_kind(i, Sense::Part(TimexMod::Mid)) {
            self.sense(i, |s| matches!(s, Sense::Part(_)).then_some(()))
                .map_or(i, |(j, ())| j)
        } else {
            i
        };
        let i = self.is(i, Sense::Article).unwrap_or(i);
        let j = self.is(i, Sense::Decade)?;
        let (y, end) = match self.num(j) {
            Some((y, 4)) => (y as i32, j + 1),
            Some((y, 2)) => (1900 + y as i32, j + 1),
            _ if self.punct(j, "'") => match self.num(j + 1) {
                Some((y, 2)) => (1900 + y as i32, j + 2),
                _ => return None,
            },
            // `de jaren tachtig`
            _ => match self.sense(j, |s| match s {
                Sense::Number(n) if (20..=90).contains(&n) => Some(n),
                _ => None,
            }) {
                Some((e, n)) => (1900 + n as i32, e),
                None => return None,
            },
        };
        (y % 10 == 0 && (1000..=2990).contains(&y)).then(|| (end, years(y, y + 10)))
    }

    /// `de eerste negen maanden van 2024`, `les six premiers mois de l'année`, `de laatste
    /// drie maanden van 2023`, `les deux premiers trimestres`: months counted from the
    /// start or back from the end of a year. Without a year, or `of the year`, the year
    /// is left to the tense; after another `van`, `de` (`les six premiers mois de son
    /// mandat`) or without an article (`zijn eerste negen maanden`), not a year's months.
    pub(super) fn months_of_year(&self, i: usize) -> Option<Parse> {
        let article = self.is(i, Sense::Article);
        let i = article.unwrap_or(i);
        // `eerste negen` (ordinal first) or `neuf premiers` (amount first).
        let (k, which, n) = match self.year_edge(i) {
            Some((j, which)) => {
                let (k, n) = self.amount(j)?;
                (k, which, n)
            }
            None => {
                let (j, n) = self.amount(i)?;
                let (k, which) = self.year_edge(j)?;
                (k, which, n)
            }
        };
        let (after_unit, months) = match self.unit(k)? {
            (e, Unit::Month) => (e, 1),
            (e, Unit::Quarter) => (e, 3),
            _ => return None,
        };
        let count = n * months;
        if n < 2 || count > 11 || (months == 3 && !self.has(k, Sense::Plural)) {
            return None;
        }
        let (end, year) = match self.of_the_year(after_unit) {
            Some(e) => (e, YearRef::Implicit),
            None => match self.period_year(after_unit) {
                (_, YearRef::Implicit)
                    if article.is_none() || which == LAST || self.has(after_unit, Sense::Of) =>
                {
                    return None
                }
                found => found,
            },
        };
        let (from, to) = if which == LAST {
            (13 - count, 12)
        } else {
            (1, count)
        };
        let bound = |m, edge| Bound {
            base: Base::Month(year, m),
            edge,
        };
        Some((
            end,
            Expr::Interval(bound(from, Edge::Start), bound(to, Edge::End)),
        ))
    }

    /// `de tweede helft van maart`, `la première quinzaine de décembre 2024`: the days
    /// 1-15 or 16-end of a month.
    pub(super) fn half_month(&self, i: usize) -> Option<Parse> {
        let i = self.is(i, Sense::Article).unwrap_or(i);
        let (j, n) = self.ordinal(i).filter(|&(_, n)| n == 1 || n == 2)?;
        let of = self
            .is(j, Sense::NeedsYear)
            .and_then(|k| self.is(k, Sense::Of))?;
        let (after_month, m) = self.month(of, false)?;
        let (end, year) = match self.year_in(after_month, &YEARS) {
            Some((e, y)) => (e, YearRef::Abs(y)),
            None => (after_month, YearRef::Implicit),
        };
        let day = |d| Bound {
            base: Base::Day(year, m, d),
            edge: Edge::Start,
        };
        let span = if n == 1 {
            Expr::Interval(day(1), day(16))
        } else {
            let month_end = Bound {
                base: Base::Month(year, m),
                edge: Edge::End,
            };
            Expr::Interval(day(16), month_end)
        };
        Some((end, span))
    }

    /// The first or last (`LAST`) of a count of periods: `eerste`, `premiers`, `laatste`,
    /// `derniers`.
    fn year_edge(&self, j: usize) -> Option<(usize, u32)> {
        self.sense(j, |s| match s {
            Sense::Ordinal(1) => Some(1),
            Sense::Last => Some(LAST),
            // `les trois derniers mois`
            Sense::Shift(-1) if self.has(j, Sense::Plural) => Some(LAST),
            _ => None,
        })
    }

    /// `van het jaar`, `de l'année`: the year of the sentence, not named.
    fn of_the_year(&self, k: usize) -> Option<usize> {
        let of = self.is(k, Sense::Of)?;
        let a = self.is(of, Sense::Article).unwrap_or(of);
        match self.unit(a) {
            Some((e, Unit::Year))
                if !self.has(a, Sense::Plural) && self.year_in(e, &YEARS).is_none() =>
            {
                Some(e)
            }
            _ => None,
        }
    }

    /// `boekjaar 2023`, `l'exercice 2021`; `la saison 2024-2025`.
    pub(super) fn fiscal(&self, i: usize) -> Option<Parse> {
        if let Some(j) = self.is(i, Sense::TwoYearPeriod) {
            return self.season_years(j);
        }
        let shift = |k| {
            self.sense(k, |s| match s {
                Sense::Shift(n) => Some(n),
                _ => None,
            })
        };
        let relative = |(k, n)| Some((k, Expr::Point(Base::Year(YearRef::Rel(n)))));
        // `vorig boekjaar`, `het lopende boekjaar`; but `cet exercice` is mostly "this
        // exercise", so a demonstrative alone is not enough.
        let article = self.is(i, Sense::Article);
        if let Some((j, n)) =
            shift(article.unwrap_or(i)).filter(|&(_, n)| n != 0 || article.is_some())
        {
            let k = self.is(j, Sense::Fiscal)?;
            return relative((k, n));
        }
        let j = self.is(i, Sense::Fiscal)?;
        // `l'exercice précédent`, `l'exercice en cours`
        if let Some(found) = shift(j) {
            return relative(found);
        }
        if let Some(found) = self.season_years(j) {
            return Some(found);
        }
        let (k, y) = self.year_in(j, &YEARS)?;
        Some((k, Expr::Point(Base::Year(YearRef::Abs(y)))))
    }

    /// `zomer`, `deze zomer`, `zomer 2020`, `l'été dernier`.
    pub(super) fn season(&self, i: usize) -> Option<(usize, Base)> {
        let season_at = |i| {
            self.sense(i, |s| match s {
                Sense::Season(season) => Some(season),
                _ => None,
            })
        };
        let shift = |i| {
            self.sense(i, |s| match s {
                Sense::Shift(n) => Some(n),
                _ => None,
            })
        };
        if let Some((j, n)) = shift(i) {
            if let Some((k, season)) = season_at(j) {
                return Some((k, Base::Season(season, Some(YearRef::Seasons(n)))));
            }
        }
        let (j, season) = season_at(i)?;
        // `les vacances de printemps`, `les Jeux d'hiver de 2030`: a kind, not a time; but
        // `fin d'hiver` is a part of one.
        let kind = i > 0
            && self.is(i - 1, Sense::KindLink) == Some(i)
            && !(i > 1
                && self
                    .sense(i - 2, |s| matches!(s, Sense::Part(_)).then_some(()))
                    .is_some());
        if kind {
            return None;
        }
        // `zomer 2020`, `het najaar van vorig jaar`, `l'été de l'année dernière`.
        let (k, year) = self.period_year(j);
        if let YearRef::Abs(first) = year {
            // `de winter van 2025 op 2026`: the season begun in the first year.
            let next = self
                .is(k, Sense::NightLink)
                .and_then(|l| self.year_in(l, &YEARS))
                .filter(|&(_, y)| y == first + 1);
            if let Some((end, _)) = next {
                return Some((end, Base::Season(season, Some(year))));
            }
        }
        if year != YearRef::Implicit {
            return Some((k, Base::Season(season, Some(year))));
        }
        if let Some((k, n)) = shift(j) {
            return Some((k, Base::Season(season, Some(YearRef::Seasons(n)))));
        }
        // A bare season is unanchored (`SU`), and only a season after an article or a
        // preposition (French `a été` is a verb).
        let cued = i > 0
            && [Sense::Article, Sense::YearCue, Sense::Of]
                .iter()
                .any(|&s| self.has(i - 1, s));
        cued.then_some((j, Base::Season(season, None)))
    }

    /// `derde kwartaal (van) 2020`, `premier semestre`, `eerste helft van vorig jaar`.
    pub(super) fn ordinal_period(&self, i: usize) -> Option<(usize, Base)> {
        let (j, n) = self.period_ordinal(i)?;
        // A compound of `last` and a unit names the last period alone (`slotkwartaal`).
        let compound = || self.unit(i).filter(|_| n == LAST);
        let (k, u) = self.unit(j).or_else(compound)?;
        if u == Unit::Week {
            if let Some((end, month)) = self.month_ref(k) {
                return (n == LAST || (1..=5).contains(&n))
                    .then_some((end, Base::WeekOfMonth(n, month)));
            }
        }
        let (end, year) = self.period_year(k);
        if year == YearRef::Implicit
            && (self.has(j, Sense::NeedsYear)
                || self.has(k, Sense::Consecutive)
                || self.predicate_of_date(i))
        {
            return None;
        }
        let n = match (n, u) {
            (LAST, Unit::Quarter) => 4,
            (LAST, Unit::Half) => 2,
            (LAST, Unit::Week) => match year {
                YearRef::Abs(y) => chrono::NaiveDate::from_ymd_opt(y, 12, 28)
                    .map(|d| chrono::Datelike::iso_week(&d).week())?,
                _ => return None,
            },
            (n, _) => n,
        };
        match u {
            Unit::Week if (1..=53).contains(&n) && year != YearRef::Implicit => {
                Some((end, Base::Week(year, n)))
            }
            Unit::Quarter if (1..=4).contains(&n) => Some((end, Base::Quarter(year, n))),
            Unit::Half if (1..=2).contains(&n) => Some((end, Base::Half(year, n))),
            _ => None,
        }
    }

    /// Whether the ordinal at `i` (after its article, if any) opens the predicate of a date
    /// before a copula: `Q1 2026 was het eerste kwartaal met een daling`, `Het derde kwartaal
    /// werd het tweede kwartaal op rij met verlies` say which one in a row the date was, not a
    /// second date. (`Voor de groep was het derde kwartaal het beste ooit` has no date before
    /// its copula: there the quarter is the subject.)
    fn predicate_of_date(&self, i: usize) -> bool {
        let i = match i.checked_sub(1) {
            Some(a) if self.is(a, Sense::Article) == Some(i) => a,
            _ => i,
        };
        let Some(verb) = i.checked_sub(1) else {
            return false;
        };
        let Some(subject_end) = verb.checked_sub(1) else {
            return false;
        };
        // A date after a preposition is no subject: `In 2025 was het derde kwartaal het
        // zwakste` is that quarter.
        let after_cue = subject_end
            .checked_sub(1)
            .is_some_and(|c| self.is(c, Sense::YearCue) == Some(subject_end));
        self.is(verb, Sense::YearVerb) == Some(i)
            && !after_cue
            && (self.year_in(subject_end, &YEARS).is_some()
                || self
                    .sense(subject_end, |s| {
                        matches!(s, Sense::Unit(_) | Sense::Month(_)).then_some(())
                    })
                    .is_some())
    }

    /// `Q3 2020`, `K3`, `T3 2020`, `H1`, `S1 2024`.
    pub(super) fn coded_period(&self, i: usize) -> Option<(usize, Base)> {
        let tok = self.toks.get(i)?;
        let mut chars = tok.folded.chars();
        let (Some(letter), Some(digit), None) = (chars.next(), chars.next(), chars.next()) else {
            return None;
        };
        let n = digit.to_digit(10)?;
        let prefix = letter.to_string();
        let prefix = prefix.as_str();
        let is_quarter = self.phrases.quarter_prefixes.iter().any(|p| p == prefix);
        let is_half = self.phrases.half_prefixes.iter().any(|p| p == prefix);
        let (end, year) = self.period_year(i + 1);
        let cued = i > 0 && (self.has(i - 1, Sense::YearCue) || self.has(i - 1, Sense::Article));
        if year == YearRef::Implicit && !cued {
            return None;
        }
        if is_quarter && (1..=4).contains(&n) {
            Some((end, Base::Quarter(year, n)))
        } else if is_half && (1..=2).contains(&n) {
            Some((end, Base::Half(year, n)))
        } else {
            None
        }
    }

    /// The year after a period: `2020`, `van 2020`, `van dit jaar`, `de l'année prochaine`,
    /// `de l'année 2018`.
    fn period_year(&self, k: usize) -> (usize, YearRef) {
        if let Some((e, y)) = self.year_in(k, &YEARS) {
            return (e, YearRef::Abs(y));
        }
        let Some(of) = self.is(k, Sense::Of) else {
            return (k, YearRef::Implicit);
        };
        // `het derde kwartaal van tweeduizend twintig`
        if let Some((e, y)) = self.year_in(of, &YEARS).or_else(|| self.spelled_year(of)) {
            return (e, YearRef::Abs(y));
        }
        let after_article = self.is(of, Sense::Article).unwrap_or(of);
        // `le premier trimestre de l'exercice 2024`, `het derde kwartaal van boekjaar 2023`
        if let Some(fiscal) = self.is(after_article, Sense::Fiscal) {
            if let Some((e, y)) = self.year_in(fiscal, &YEARS) {
                return (e, YearRef::Abs(y));
            }
        }
        if let Some((e, Base::RelativeUnit(Unit::Year, n))) = self.relative_unit(after_article) {
            return (e, YearRef::Rel(n));
        }
        if let Some((e, Unit::Year)) = self.unit(after_article) {
            // `de l'année 2024`, `van het jaar 2024`: the year named; `van het jaar`: this one.
            match self.year_in(e, &YEARS) {
                Some((e, y)) => return (e, YearRef::Abs(y)),
                None if after_article > of => return (e, YearRef::Rel(0)),
                None => {}
            }
        }
        (k, YearRef::Implicit)
    }
}

/// The value of a Roman numeral up to 39 (`xix` = 19), or `None`.
fn roman_value(numeral: &str) -> Option<u32> {
    let digit = |c| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        _ => None,
    };
    let values: Vec<i32> = numeral.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, &v) in values.iter().enumerate() {
        match values.get(k + 1) {
            Some(&next) if next > v => total -= v,
            _ => total += v,
        }
    }
    u32::try_from(total).ok().filter(|n| (1..40).contains(n))
}
