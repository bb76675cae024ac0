//! Intervals and ranges: `van A tot B`, `tussen A en B`, `A - B`, and the rest of a period.

use super::{
    memoized, modifiers::edge, valid_day, Base, Bound, Edge, Expr, Parse, Parser, YearRef,
    BARE_YEARS,
};
use crate::extract::dates::lexicon::{Sense, TimexMod, Unit};

impl Parser<'_> {
    /// `de rest van het jaar`, `le reste de la semaine`: from the anchor to the period's
    /// last day.
    pub(super) fn rest(&self, i: usize) -> Option<Parse> {
        let j = self.is(i, Sense::Rest)?;
        let (k, unit) = match self.relative_unit(j) {
            Some((k, Base::RelativeUnit(u, 0))) => (k, u),
            _ => {
                let a = self.is(j, Sense::Article).unwrap_or(j);
                self.unit(a).filter(|_| !self.has(a, Sense::Plural))?
            }
        };
        (unit != Unit::Day && unit != Unit::Decade).then_some((
            k,
            Expr::Interval(
                Bound {
                    base: Base::RelativeDay(0),
                    edge: Edge::Start,
                },
                Bound {
                    base: Base::RelativeUnit(unit, 0),
                    edge: Edge::Last,
                },
            ),
        ))
    }

    /// `van A tot B`, `tussen A en B`, `A - B`, `A tot B`.
    pub(super) fn interval(&self, i: usize) -> Option<Parse> {
        if let Some(j) = self.is(i, Sense::From) {
            if let Some(found) = self.interval_body(j, Sense::To) {
                return Some(found);
            }
        }
        if let Some(j) = self.is(i, Sense::Between) {
            // `tussen 4 tot en met 8 september`: `to` also closes after `between`.
            if let Some(found) = self
                .interval_body(j, Sense::And)
                .or_else(|| self.interval_body(j, Sense::To))
            {
                return Some(found);
            }
        }
        self.interval_body(i, Sense::To)
            .or_else(|| self.month_day_span(i))
            .or_else(|| self.day_pair(i))
            .or_else(|| self.weekday_pair(i))
            .or_else(|| self.season_years(i))
    }

    /// `zaterdag en zondag`, `mercredi et jeudi`: two bare weekdays that follow each other
    /// are one stretch of days, from the first to the second (two days apart, as `maandag en
    /// woensdag`, stay two dates). Only in a language whose table says so.
    fn weekday_pair(&self, i: usize) -> Option<Parse> {
        if !self.phrases.joins_weekday_pairs {
            return None;
        }
        // The weekday sense first: most tokens have none, and a point is parsed only then.
        let bare_weekday = |k: usize| {
            if !self.has_kind(k, Sense::Weekday(1)) {
                return None;
            }
            match self.point(k, true) {
                Some((e, Base::Weekday(wd, None))) => Some((e, wd)),
                _ => None,
            }
        };
        let (j, first) = bare_weekday(i)?;
        let k = self.is(j, Sense::And)?;
        let (end, second) = bare_weekday(k)?;
        if second != first % 7 + 1 {
            return None;
        }
        let day = |wd| Bound {
            base: Base::Weekday(wd, None),
            edge: Edge::Start,
        };
        Some((end, Expr::Interval(day(first), day(second))))
    }

    /// `2019/2020`, `2019-20`, `2020/21`: a season or fiscal year over two consecutive
    /// years, written as the interval between them like `2019-2020`.
    pub(super) fn season_years(&self, i: usize) -> Option<Parse> {
        let (j, y) = self.year_in(i, &BARE_YEARS)?;
        if !self.punct(j, "-/") || !self.attached(j) || !self.attached(j + 1) {
            return None;
        }
        let (n, digits) = self.num(j + 1)?;
        let next = y + 1;
        let consecutive = match digits {
            2 => n as i32 == next % 100,
            4 => n as i32 == next,
            _ => false,
        };
        let code_before = i > 0 && self.punct(i - 1, "-+/") && self.attached(i);
        let code_after = self.punct(j + 2, "-/") && self.attached(j + 2);
        let year = |y| Bound {
            base: Base::Year(YearRef::Abs(y)),
            edge: Edge::Start,
        };
        (consecutive && !code_before && !code_after && !self.quantity_after(j + 2))
            .then_some((j + 2, Expr::Interval(year(y), year(next))))
    }

    /// `3 en 4 december`, `les 3, 4 et 5 décembre`: days of one month, as the interval
    /// from the first to the last.
    pub(super) fn day_pair(&self, i: usize) -> Option<Parse> {
        // `samedi 8 et dimanche 9 décembre`: each day may carry its weekday.
        let weekday = |k: usize| {
            self.sense(k, |s| match s {
                Sense::Weekday(_) => Some(()),
                _ => None,
            })
            .map_or(k, |(e, ())| e)
        };
        let i = weekday(i);
        // `1er et 2 janvier`: a first day with an ordinal suffix only before the next day
        // (`les 1er et 8 décembre` are two days).
        let (d, next_only) = match self.num(i) {
            Some((d, digits)) if digits <= 2 && !self.in_number_group(i) => (d, false),
            Some(_) => return None,
            None => self
                .ordinal(i)
                .filter(|_| {
                    self.toks[i]
                        .folded
                        .starts_with(|c: char| c.is_ascii_digit())
                })
                .map(|(_, d)| (d, true))?,
        };
        // `12, 13 et 14 novembre`: more days may come between, after commas.
        let mut j = i + 1;
        while self.punct(j, ",") && self.num(j + 1).is_some_and(|(_, n)| n <= 2) {
            j += 2;
        }
        let j = self.is(j, Sense::And)?;
        let (end, second) = [
            self.weekday_date(j),
            self.day_month(j),
            self.day_of_relative_month(j, true),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|&(e, _)| e)?;
        let second_day = match second {
            Base::Day(_, _, n) | Base::DayOnWeekday(_, n, _) | Base::DayOfMonth(n, _) => Some(n),
            _ => None,
        };
        if next_only && (j != i + 2 || second_day != Some(d + 1)) {
            return None;
        }
        let (a, b) = merge(Endpoint::Day(d), Endpoint::Base(second))?;
        Some((end, Expr::Interval(a, b)))
    }

    /// `november 19-20`: a month, then a span of its days.
    fn month_day_span(&self, i: usize) -> Option<Parse> {
        let (j, m) = self.month(i, false)?;
        let (d1, _) = self.num(j).filter(|&(_, digits)| digits <= 2)?;
        if !self.punct(j + 1, "-") || !self.attached(j + 1) || !self.attached(j + 2) {
            return None;
        }
        let (d2, _) = self.num(j + 2).filter(|&(_, digits)| digits <= 2)?;
        let day = |d| Bound {
            base: Base::Day(YearRef::Implicit, m, d),
            edge: Edge::Start,
        };
        (d1 < d2 && valid_day(None, m, d2)).then_some((j + 3, Expr::Interval(day(d1), day(d2))))
    }

    fn interval_body(&self, i: usize, closer: Sense) -> Option<Parse> {
        let (j, first) = self.endpoint(i)?;
        let dash = self.punct(j, "-~–");
        let k = match self.is(j, closer) {
            Some(k) => k,
            None if dash => j + 1,
            None => return None,
        };
        let glued_date = self
            .numeric_date_at(k)
            .filter(|_| dash)
            .map(|(e, b)| (e, Endpoint::Base(b)));
        let (end, second) = [self.endpoint(k), glued_date]
            .into_iter()
            .flatten()
            .max_by_key(|&(e, _)| e)?;
        let (end, second) = self.with_year_after(end, second);
        let turn = matches!(
            (first, second),
            (
                Endpoint::Part(TimexMod::End, _),
                Endpoint::Part(TimexMod::Start, _)
            )
        );
        let (a, b) = merge(first, second)?;
        if turn {
            // `tussen eind 2019 en begin 2020`: two periods around a turn, each its own
            // date (`eind 2019` END, `begin 2020` START), not an interval from the day
            // after the first.
            return None;
        }
        if dash
            && matches!((a.base, b.base), (Base::Year(_), Base::Year(_)))
            && !self.plausible_year_span(i, j, k, end)
        {
            return None;
        }
        Some((end, Expr::Interval(a, b)))
    }

    /// A yearless day closing an interval, completed by a year after it (`1-5 - 7-5, 2020`).
    fn with_year_after(&self, end: usize, second: Endpoint) -> (usize, Endpoint) {
        let Endpoint::Base(Base::Day(YearRef::Implicit, m, d)) = second else {
            return (end, second);
        };
        let after_comma = if self.punct(end, ",") { end + 1 } else { end };
        match self.year_after_date(after_comma, false) {
            Some((e, y)) if valid_day(Some(y), m, d) => {
                (e, Endpoint::Base(Base::Day(YearRef::Abs(y), m, d)))
            }
            _ => (end, second),
        }
    }

    /// `2014-2018`: glued, increasing, and not inside a longer code (`138-2010-2015`).
    fn plausible_year_span(&self, i: usize, dash: usize, k: usize, end: usize) -> bool {
        let (Some((a, _)), Some((b, _))) = (self.num(i), self.num(k)) else {
            return true;
        };
        let code_before = i > 0 && self.punct(i - 1, "-+/");
        let code_after = self.punct(end, "-/") && self.attached(end);
        a < b
            && b - a <= 100
            && self.attached(dash) == self.attached(k)
            && !code_before
            && !code_after
    }

    /// An interval endpoint: a point, or a bare day to be completed by the other end.
    fn endpoint(&self, i: usize) -> Option<(usize, Endpoint)> {
        memoized(self.endpoint_memo.get(i), || self.endpoint_uncached(i))
    }

    fn endpoint_uncached(&self, i: usize) -> Option<(usize, Endpoint)> {
        let point = self.point(i, true).map(|(j, b)| (j, Endpoint::Base(b)));
        let article_day = self
            .is(i, Sense::Article)
            .and_then(|a| self.day_month(a))
            .or_else(|| {
                self.is(i, Sense::DayArticle)
                    .and_then(|a| self.day_of_relative_month(a, true))
            })
            .map(|(j, b)| (j, Endpoint::Base(b)));
        let part = self.part(i).map(|(j, m, b)| (j, Endpoint::Part(m, b)));
        // Not before a month name: `5-6 december` is two days of December.
        let numeric = self
            .day_month_numeric(i)
            .filter(|&(j, _)| self.month(j, false).is_none())
            .map(|(j, b)| (j, Endpoint::Base(b)));
        let abbreviated = self
            .month(i, true)
            .map(|(j, m)| (j, Endpoint::Base(Base::Month(YearRef::Implicit, m))));
        let now = self
            .is(i, Sense::Now)
            .map(|j| (j, Endpoint::Base(Base::RelativeDay(0))));
        let best = [point, article_day, part, numeric, abbreviated, now]
            .into_iter()
            .flatten()
            .max_by_key(|&(j, _)| j);
        best.or_else(|| {
            // `entre le 2 et le 9 décembre`
            let i = self.is(i, Sense::DayArticle).unwrap_or(i);
            let (j, d) = self.day(i)?;
            (self.num(i).is_some_and(|(_, digits)| digits <= 2) || self.ordinal(i).is_some())
                .then_some((j, Endpoint::Day(d)))
        })
    }
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Endpoint {
    Base(Base),
    Part(TimexMod, Base),
    /// A bare day number (`tussen 3 en 12 sept`).
    Day(u32),
}

/// Completes the ends of an interval from each other: `3 en 12 sept`, `jan-feb 2017`,
/// `mei tot maart` (into the next year).
fn merge(first: Endpoint, second: Endpoint) -> Option<(Bound, Bound)> {
    let (second_base, second_end) = match second {
        Endpoint::Base(b) => (b, Edge::Start),
        Endpoint::Part(m, b) => (b, edge(m)),
        Endpoint::Day(_) => return None,
    };
    // `entre le 1er et le 15 décembre`: the first day is of the second's month.
    let first = match (first, second_base) {
        (
            Endpoint::Base(Base::DayOfMonth(d, 0) | Base::DayOfMonthOn(d, _)),
            Base::Day(..) | Base::DayOfMonth(..) | Base::DayOnWeekday(..),
        ) => Endpoint::Day(d),
        (first, _) => first,
    };
    let (first_base, first_end) = match first {
        Endpoint::Base(b) => (b, Edge::Start),
        Endpoint::Part(m, b) => (b, edge(m)),
        Endpoint::Day(d) => match second_base {
            Base::Day(y, m, d2) if d < d2 => (Base::Day(y, m, d), Edge::Start),
            Base::DayOfMonth(d2, n) if d < d2 => (Base::DayOfMonth(d, n), Edge::Start),
            // `du lundi 2 au vendredi 6 novembre`: the weekday of the end gives the year;
            // the first day's weekday follows from it.
            Base::DayOnWeekday(m, d2, wd) if d < d2 => {
                let first_weekday = (wd + 6 - (d2 - d) % 7) % 7 + 1;
                (Base::DayOnWeekday(m, d, first_weekday), Edge::Start)
            }
            _ => return None,
        },
    };
    let earlier = |m1: u32, m2: u32, y: i32| if m1 > m2 { y - 1 } else { y };
    let first_base = match (first_base, second_base) {
        (Base::Month(YearRef::Implicit, m1), Base::Month(YearRef::Abs(y), m2)) => {
            Base::Month(YearRef::Abs(earlier(m1, m2, y)), m1)
        }
        (Base::Day(YearRef::Implicit, m1, d1), Base::Day(YearRef::Abs(y), m2, _)) => {
            Base::Day(YearRef::Abs(earlier(m1, m2, y)), m1, d1)
        }
        (Base::Month(YearRef::Implicit, m1), Base::Day(YearRef::Abs(y), m2, _)) => {
            Base::Month(YearRef::Abs(earlier(m1, m2, y)), m1)
        }
        (Base::Day(YearRef::Implicit, m1, d1), Base::Month(YearRef::Abs(y), m2)) => {
            Base::Day(YearRef::Abs(earlier(m1, m2, y)), m1, d1)
        }
        (a, _) => a,
    };
    let second_base = match (first_base, second_base) {
        (Base::Weekday(_, Some(shift)), Base::Weekday(wd, None)) => Base::Weekday(wd, Some(shift)),
        (Base::Month(YearRef::Implicit, m1), Base::Month(YearRef::Implicit, m2)) if m2 < m1 => {
            Base::Month(YearRef::Rel(1), m2)
        }
        (Base::Day(YearRef::Implicit, m1, _), Base::Day(YearRef::Implicit, m2, d2)) if m2 < m1 => {
            Base::Day(YearRef::Rel(1), m2, d2)
        }
        (_, b) => b,
    };
    let compatible = !matches!(
        (first_base, second_base),
        (Base::Offset(..), _)
            | (_, Base::Offset(..))
            // `van 2015 tot 5 mei 2017` only with the day's year written out.
            | (Base::Year(_), Base::Day(YearRef::Implicit | YearRef::Rel(_), ..))
            | (Base::Day(YearRef::Implicit | YearRef::Rel(_), ..), Base::Year(_))
    );
    compatible.then_some((
        Bound {
            base: first_base,
            edge: first_end,
        },
        Bound {
            base: second_base,
            edge: second_end,
        },
    ))
}
