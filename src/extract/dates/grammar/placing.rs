//! Placing a recognized expression in its text: the tense of its sentence, the year the
//! sentence states, and the date named before it.

use chrono::{Datelike, NaiveDate};

use super::{valid_day, Base, Bound, Expr, From, YearRef};
use crate::extract::dates::lexicon::{TimexMod, Unit, WeekdayShift};
use crate::extract::dates::resolve;
use crate::extract::dates::tense::Tense;

/// Whether an expression holds a yearless day, month, quarter or half whose year the sentence's
/// tense may decide.
pub fn needs_tense(expr: &Expr) -> bool {
    match expr {
        Expr::Point(base) | Expr::Modified(_, base) => {
            tensed(*base, Tense::Past) != *base || tensed(*base, Tense::Future) != *base
        }
        Expr::Interval(a, b) => yearless_span(a, b),
        _ => false,
    }
}

/// Whether both ends of an interval lack a year (`du 4 au 8 décembre`, `van mei tot
/// februari`): the first end takes the tense, and the second follows its year.
fn yearless_span(a: &Bound, b: &Bound) -> bool {
    let first = matches!(
        a.base,
        Base::Day(YearRef::Implicit, ..) | Base::Month(YearRef::Implicit, _)
    );
    let second = matches!(
        b.base,
        Base::Day(YearRef::Implicit | YearRef::Rel(1), ..)
            | Base::Month(YearRef::Implicit | YearRef::Rel(1), _)
    );
    first && second && tensed(a.base, Tense::Past) != a.base
}

/// Whether an expression is a quarter, half or span of months without its year (`het
/// derde kwartaal`, `van januari tot september`).
pub fn is_yearless_period(expr: &Expr) -> bool {
    match expr {
        Expr::Point(Base::Quarter(YearRef::Implicit, _) | Base::Half(YearRef::Implicit, _)) => true,
        Expr::Interval(a, b) => matches!(
            (a.base, b.base),
            (
                Base::Month(YearRef::Implicit, _),
                Base::Month(YearRef::Implicit, _)
            )
        ),
        _ => false,
    }
}

/// Whether an expression is a weekday alone (`vrijdag`, `dinsdagavond`), which the tense
/// places before or after the anchor.
pub fn is_bare_weekday(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Point(Base::Weekday(_, None)) | Expr::Modified(_, Base::Weekday(_, None))
    )
}

/// Whether an expression is a day without its year (`9 juni`, `le 3 mars`): named by an event
/// over (`sinds de verkiezingen van 9 juni`), it is the one past, as a weekday is.
pub fn is_yearless_day(expr: &Expr) -> bool {
    matches!(expr, Expr::Point(Base::Day(YearRef::Implicit, ..)))
}

/// Whether an expression is a pair of bare weekdays (`de mardi à jeudi`, `dans la nuit
/// de samedi à dimanche`): like a bare weekday, announced by a present sentence.
pub fn is_weekday_pair(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Interval(a, b)
            if matches!((a.base, b.base), (Base::Weekday(_, None), Base::Weekday(_, None)))
    )
}

/// Whether an expression is bounded before its date (`vóór 1 maart`, `avant le 1er mars`).
pub fn is_bound_before(expr: &Expr) -> bool {
    matches!(expr, Expr::Modified(TimexMod::Before, _))
}

/// Whether an expression is a deadline (`tot eind februari`, `uiterlijk 31 maart`).
pub fn is_deadline(expr: &Expr) -> bool {
    matches!(expr, Expr::Modified(TimexMod::OnOrBefore, _))
}

/// The expression with its yearless day or month in the past or the future of the
/// anchor, as the tense says (`In december daalde de omzet`: the December before).
pub fn with_tense(expr: Expr, tense: Tense) -> Expr {
    match expr {
        Expr::Point(base) => Expr::Point(tensed(base, tense)),
        Expr::Modified(m, base) => Expr::Modified(m, tensed(base, tense)),
        Expr::Interval(a, b) if yearless_span(&a, &b) => Expr::Interval(
            Bound {
                base: tensed(a.base, tense),
                edge: a.edge,
            },
            b,
        ),
        other => other,
    }
}

/// The year an expression states for the rest of its sentence: written out or relative
/// (`2019`, `maart 2020`, `vorig jaar`, `eind 2022`), not one bounding a span (`sinds
/// 2015`, `tot 2025`).
pub fn stated_year(expr: &Expr) -> Option<YearRef> {
    let base = match expr {
        Expr::Point(base)
        | Expr::Modified(TimexMod::Start | TimexMod::Mid | TimexMod::End, base) => base,
        _ => return None,
    };
    match *base {
        Base::Year(year)
        | Base::Half(year, _)
        | Base::Quarter(year, _)
        | Base::Month(year, _)
        | Base::Day(year, ..)
            if matches!(year, YearRef::Abs(_) | YearRef::Rel(_)) =>
        {
            Some(year)
        }
        Base::RelativeUnit(Unit::Year, n) => Some(YearRef::Rel(n)),
        _ => None,
    }
}

/// Whether the expression counts back from the date named before it (`la veille`, `deux
/// jours plus tôt`, `de dag ervoor`).
pub fn counts_back(expr: &Expr) -> bool {
    match expr {
        Expr::Point(Base::AfterPrevious(n, _)) | Expr::Modified(_, Base::AfterPrevious(n, _)) => {
            *n < 0
        }
        _ => false,
    }
}

/// The expression counted from the last day, month or year named before it (`le lendemain`,
/// `depuis la veille`, `trois ans plus tard`, `dezelfde week`, `juni van dat jaar`,
/// `l'année précédente`) put in place from that one, `previous` (its first day and unit), at
/// its own unit's precision; `None` for other expressions, and `Some(None)` when nothing
/// precise enough was named before (a month for days).
pub fn from_previous(expr: Expr, previous: Option<(NaiveDate, Unit)>) -> Option<Option<Expr>> {
    let (base, modifier) = match expr {
        Expr::Point(base) => (base, None),
        Expr::Modified(m, base) => (base, Some(m)),
        _ => return None,
    };
    if let Base::WeekdayOfPrevious(wd, side) = base {
        // With no day named before, from the anchor (`contre 84 000 le samedi précédent`,
        // told of the last Saturday, is the one before).
        let from_anchor = if side < 0 {
            WeekdayShift::Last
        } else {
            WeekdayShift::Next
        };
        let placed = previous
            .filter(|&(_, named)| named == Unit::Day)
            .and_then(|(d, _)| weekday_beside(d, wd, side))
            .map_or(Base::Weekday(wd, Some(from_anchor)), |d| {
                Base::Day(YearRef::Abs(d.year()), d.month(), d.day())
            });
        return Some(Some(match modifier {
            Some(m) => Expr::Modified(m, placed),
            None => Expr::Point(placed),
        }));
    }
    let (n, unit, whole) = match base {
        Base::AfterPrevious(n, unit) => (n, unit, false),
        Base::AfterPreviousInYears(halves) => (halves, Unit::Half, false),
        Base::PeriodOfPrevious(n, unit) => (n, unit, true),
        Base::MonthOfPrevious(_) | Base::DayOfPrevious(..) | Base::SeasonOfPrevious(_) => {
            (0, Unit::Year, true)
        }
        _ => return None,
    };
    let coarseness = |u: Unit| match u {
        Unit::Day | Unit::Week | Unit::Weekend => 0,
        Unit::Month | Unit::Quarter | Unit::Half => 1,
        Unit::Year | Unit::Decade => 2,
    };
    let day = previous
        .filter(|&(_, named)| coarseness(named) <= coarseness(unit))
        .and_then(|(d, _)| resolve::add(d, unit, n));
    let placed = match day {
        Some(d) => {
            let year = YearRef::Abs(d.year());
            match base {
                Base::MonthOfPrevious(m) => Base::Month(year, m),
                Base::DayOfPrevious(m, day) if valid_day(Some(d.year()), m, day) => {
                    Base::Day(year, m, day)
                }
                Base::DayOfPrevious(..) => return Some(None),
                Base::SeasonOfPrevious(season) => Base::Season(season, Some(year)),
                Base::AfterPreviousInYears(_) => Base::Year(year),
                _ => placed_unit(unit, whole, year, d),
            }
        }
        // `l'exercice précédent` with no year named: the one before the publication's.
        None if matches!(base, Base::PeriodOfPrevious(..)) && n != 0 && unit != Unit::Day => {
            Base::RelativeUnit(unit, n)
        }
        None => return Some(None),
    };
    Some(Some(match modifier {
        Some(m) => Expr::Modified(m, placed),
        None => Expr::Point(placed),
    }))
}

/// The first day after `d` (`side` 1) or before it (-1) that is weekday `wd` (1 = Monday).
fn weekday_beside(d: NaiveDate, wd: u32, side: i32) -> Option<NaiveDate> {
    let step = chrono::Duration::days(i64::from(side.signum()));
    let mut day = d;
    for _ in 0..7 {
        day = day.checked_add_signed(step)?;
        if day.weekday().number_from_monday() == wd {
            return Some(day);
        }
    }
    None
}

/// The period of `unit` around day `d` (in `year`): the day itself when not `whole`, for
/// a week (`twee weken later`), else the week, quarter or half (`dezelfde week`).
fn placed_unit(unit: Unit, whole: bool, year: YearRef, d: NaiveDate) -> Base {
    match unit {
        // `dezelfde week`: the week itself, not a day of it.
        Unit::Week | Unit::Weekend if whole => Base::WeekOfDay(year, d.month(), d.day()),
        Unit::Quarter if whole => Base::Quarter(year, (d.month() - 1) / 3 + 1),
        Unit::Half if whole => Base::Half(year, (d.month() - 1) / 6 + 1),
        Unit::Day | Unit::Week | Unit::Weekend => Base::Day(year, d.month(), d.day()),
        Unit::Month | Unit::Quarter | Unit::Half => Base::Month(year, d.month()),
        Unit::Year | Unit::Decade => Base::Year(year),
    }
}

/// A bare day number of the anchor's month (`le 12`) put in the month of `day`, named
/// before it in its sentence (`le match aller le 5 mars, le retour le 12`).
pub fn in_month_of(expr: Expr, day: NaiveDate) -> Option<Expr> {
    let (y, m) = (day.year(), day.month());
    let place = |base| match base {
        Base::DayOfMonth(d, 0) if valid_day(Some(y), m, d) => {
            Some(Base::Day(YearRef::Abs(y), m, d))
        }
        _ => None,
    };
    match expr {
        Expr::Point(base) => place(base).map(Expr::Point),
        Expr::Modified(modifier, base) => place(base).map(|b| Expr::Modified(modifier, b)),
        _ => None,
    }
}

/// The expression with its yearless day, month, quarter or half put in `year`, stated
/// earlier in the sentence (`In 2022 steeg de omzet, in april daalde ze`); `None` when it
/// has none.
pub fn in_year(expr: Expr, year: i32) -> Option<Expr> {
    let placed = |base| match base {
        Base::Day(YearRef::Implicit, m, d) => Some(Base::Day(YearRef::Abs(year), m, d)),
        Base::Month(YearRef::Implicit, m) => Some(Base::Month(YearRef::Abs(year), m)),
        Base::Quarter(YearRef::Implicit, q) => Some(Base::Quarter(YearRef::Abs(year), q)),
        Base::Half(YearRef::Implicit, h) => Some(Base::Half(YearRef::Abs(year), h)),
        _ => None,
    };
    match expr {
        Expr::Point(base) => placed(base).map(Expr::Point),
        Expr::Modified(m, base) => placed(base).map(|b| Expr::Modified(m, b)),
        _ => None,
    }
}

fn tensed(base: Base, tense: Tense) -> Base {
    let year = match tense {
        Tense::Past => YearRef::Past,
        Tense::Future => YearRef::Next,
        Tense::Unknown => return base,
    };
    match base {
        // A leap day keeps its own rule: the latest leap year.
        Base::Day(YearRef::Implicit, 2, 29) => base,
        Base::Day(YearRef::Implicit, m, d) => Base::Day(year, m, d),
        Base::Month(YearRef::Implicit, m) => Base::Month(year, m),
        Base::Quarter(YearRef::Implicit, q) => Base::Quarter(year, q),
        Base::Half(YearRef::Implicit, h) => Base::Half(year, h),
        Base::Year(YearRef::Implicit) => Base::Year(year),
        // `drie dagen na 12 januari` in a sentence about the future: after the coming 12 January.
        Base::Offset(n, unit, From::Day(YearRef::Implicit, m, d)) if (m, d) != (2, 29) => {
            Base::Offset(n, unit, From::Day(year, m, d))
        }
        // `à Pâques, le magasin ouvrira`: the next Easter. In the past tense the nearest
        // one, not the last: a holiday is mostly a noun's modifier and means the one of
        // the season (`le marché de Noël a fermé`, said on 1 December).
        Base::Holiday(h, YearRef::Implicit) => {
            Base::HolidayShift(h, if tense == Tense::Past { 0 } else { 1 })
        }
        // `In het najaar volgt een besluit`: this autumn, or the next.
        Base::Season(season, None) => Base::Season(season, Some(year)),
        // `Le conseil se réunira jeudi`: the coming Thursday; in the past tense or without
        // one, the most recent (the default).
        Base::Weekday(wd, None) if tense == Tense::Future => {
            Base::Weekday(wd, Some(WeekdayShift::Next))
        }
        other => other,
    }
}
