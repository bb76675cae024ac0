//! Resolution of recognized expressions against the anchor (the publication date) and their
//! TIMEX3 values.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use super::grammar::{
    needs_tense, valid_day, with_tense, Base, Bound, Edge, Expr, From, MonthRef, YearRef, LAST,
};
use super::lexicon::{Holiday, Season, TimexMod, Unit, WeekdayShift};
use super::tense::Tense;
use super::{DateRange, DateValue, Granularity};
use crate::article::PubDate;

/// A resolved calendar point or period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// A year.
    Year(i32),
    /// A half year (1-2).
    Half(i32, u32),
    /// A quarter (1-4).
    Quarter(i32, u32),
    /// A month (1-12).
    Month(i32, u32),
    /// An ISO week.
    Week(i32, u32),
    /// The weekend of an ISO week.
    Weekend(i32, u32),
    /// A day.
    Day(NaiveDate),
    /// A season, in a year or unanchored.
    Season(Option<i32>, Season),
}

impl Point {
    /// The TIMEX3 value: `2015`, `2024-H1`, `2023-Q3`, `2020-11`, `2024-W19`, `2020-03-03`.
    pub fn timex(&self) -> String {
        match *self {
            Point::Year(y) => format!("{y:04}"),
            Point::Half(y, h) => format!("{y:04}-H{h}"),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
            Point::Season(Some(y), s) => format!("{y:04}-{}", s.code()),
            Point::Season(None, s) => s.code().to_string(),
        }
    }

    /// The middle of the period: the 16th of a month, the 1st of July of a year.
    pub fn middle(&self) -> Option<NaiveDate> {
        match *self {
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 7, 1),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 16),
            _ => self.first_day(),
        }
    }

    /// The first day after the period.
    pub fn end_exclusive(&self) -> Option<NaiveDate> {
        let first = self.first_day()?;
        match *self {
            Point::Year(_) => add(first, Unit::Year, 1),
            Point::Half(..) => add(first, Unit::Half, 1),
            Point::Quarter(..) => add(first, Unit::Quarter, 1),
            Point::Month(..) => add(first, Unit::Month, 1),
            Point::Week(..) => add(first, Unit::Week, 1),
            Point::Weekend(..) => add(first, Unit::Day, 2),
            Point::Day(_) => add(first, Unit::Day, 1),
            Point::Season(..) => None,
        }
    }

    /// The first day of the period.
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Half(y, h) => NaiveDate::from_ymd_opt(y, 6 * (h - 1) + 1, 1),
            Point::Quarter(y, q) => NaiveDate::from_ymd_opt(y, 3 * (q - 1) + 1, 1),
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Week(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Mon),
            Point::Weekend(y, w) => NaiveDate::from_isoywd_opt(y, w, Weekday::Sat),
            Point::Day(d) => Some(d),
            Point::Season(..) => None,
        }
    }
}

/// The months before winter in which a next winter is the coming one.
const AUTUMN_MONTHS: std::ops::RangeInclusive<i32> = 9..=11;

/// The granularity of a base expression, known even when it cannot be resolved.
pub fn granularity(base: &Base) -> Granularity {
    match base {
        Base::Year(_) => Granularity::Year,
        Base::Half(..) => Granularity::Half,
        Base::Quarter(..) => Granularity::Quarter,
        Base::Month(..) | Base::MonthShift(..) | Base::MonthOfPrevious(_) => Granularity::Month,
        Base::Week(..) | Base::WeekOfMonth(..) | Base::WeekOfDay(..) => Granularity::Week,
        Base::RelativeUnit(unit, _) => unit_granularity(*unit),
        Base::Offset(_, unit, From::Anchor) if coarse_offset(*unit) => unit_granularity(*unit),
        Base::Offset(_, _, From::AnchorInYears) => Granularity::Year,
        Base::Season(..) | Base::SeasonOfPrevious(_) => Granularity::Season,
        Base::Day(..)
        | Base::DayOfMonth(..)
        | Base::DayOfMonthOn(..)
        | Base::DayOnWeekday(..)
        | Base::NthWeekday(..)
        | Base::RelativeDay(_)
        | Base::AfterPrevious(..)
        | Base::AfterPreviousInYears(_)
        | Base::PeriodOfPrevious(..)
        | Base::DayOfPrevious(..)
        | Base::WeekdayOfPrevious(..)
        | Base::Weekday(..)
        | Base::Offset(..)
        | Base::Holiday(..)
        | Base::HolidayShift(..) => Granularity::Day,
    }
}

/// Whether an offset from the anchor by this unit names the unit's period, not a day:
/// `drie maanden geleden` is the month (`2025-08`), `over tien jaar` the year, as TimeML
/// and news annotation have it; `twee weken geleden` keeps the day.
fn coarse_offset(unit: Unit) -> bool {
    !matches!(unit, Unit::Day | Unit::Week | Unit::Weekend)
}

fn unit_granularity(unit: Unit) -> Granularity {
    match unit {
        Unit::Day => Granularity::Day,
        Unit::Week | Unit::Weekend => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::Quarter,
        Unit::Half => Granularity::Half,
        Unit::Year | Unit::Decade => Granularity::Year,
    }
}

/// The anchor: the publication date at whatever precision it has.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<NaiveDate>,
}

impl Anchor {
    fn new(published: Option<PubDate>) -> Anchor {
        Anchor {
            year: published.map(|p| p.year),
            month: published.and_then(|p| p.month),
            day: published.and_then(|p| p.to_naive()),
        }
    }

    /// The year of a yearless span from month `first` to month `last` (numbered from
    /// January as 1; `last` may run past 12) that the tense places: in the past the latest
    /// one begun by the anchor's month, in the future the first one not yet over (`In het
    /// vierde kwartaal steeg de omzet`, said in March: the quarter before). Otherwise, or
    /// without the anchor's month, as [`Anchor::year_of`].
    fn year_of_months(&self, r: YearRef, first: u32, last: u32) -> Option<i32> {
        let (year, month) = match (self.year, self.month) {
            (Some(year), Some(month)) => (year, month),
            _ => return self.year_of(r),
        };
        match r {
            YearRef::Past if first > month => Some(year - 1),
            YearRef::Next if last < month => Some(year + 1),
            _ => self.year_of(r),
        }
    }

    /// The year of the `k`th period of `months` months (a quarter, a half, a third) that
    /// the tense places.
    fn year_of_period(&self, r: YearRef, months: u32, k: u32) -> Option<i32> {
        let before = months.saturating_mul(k.saturating_sub(1));
        self.year_of_months(r, before.saturating_add(1), months.saturating_mul(k))
    }

    /// The year of a season the tense places. Winter (`2024-WI`) runs from December into
    /// the next year, so in January a coming winter is the one under way.
    fn year_of_season(&self, r: YearRef, season: Season) -> Option<i32> {
        let (year, month) = (self.year?, self.month?);
        let first = match season {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        };
        if matches!(r, YearRef::Next) && season == Season::Winter && month <= 2 {
            return Some(year - 1);
        }
        self.year_of_months(r, first, first + 2)
    }

    /// The year of `vorige zomer`, `cet hiver`, `l'été prochain` (`n` = -1, 0, 1): the
    /// last one is the latest season of that name begun by the anchor's month once it is
    /// over (`l'été dernier`, said in November: this year's), else the one before; this
    /// one is the latest begun while under way (`cet hiver`, said in January: the one
    /// begun in December), else the anchor year's; a next one is in the year after it,
    /// but for a next winter said in the autumn, the one about to begin (`l'hiver
    /// prochain`, said in October: this December's, which runs into the next year).
    fn year_of_shifted_season(&self, season: Season, n: i32) -> Option<i32> {
        let (year, month) = (self.year?, self.month? as i32);
        let first = match season {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        };
        if n == 1 && season == Season::Winter && AUTUMN_MONTHS.contains(&month) {
            return Some(year);
        }
        let begun = if month >= first { year } else { year - 1 };
        let months_in = (year - begun) * 12 + month - first;
        let over = months_in > 2;
        Some(match n {
            ..=-1 if over => begun + n + 1,
            ..=-1 => begun + n,
            _ if !over => begun + n,
            _ => year + n,
        })
    }

    fn year_of(&self, r: YearRef) -> Option<i32> {
        match r {
            YearRef::Abs(y) => Some(y),
            YearRef::Rel(n) | YearRef::Seasons(n) => Some(self.year? + n),
            YearRef::Implicit | YearRef::Past | YearRef::Next => self.year,
        }
    }
}

/// The year a year reference names against the publication date (`vorig jaar`: the
/// year before it), or `None` without one.
pub fn year_of(year: YearRef, published: Option<PubDate>) -> Option<i32> {
    Anchor::new(published).year_of(year)
}

/// Resolves a base expression, or `None` when the anchor is not precise enough.
pub fn resolve_base(base: &Base, published: Option<PubDate>) -> Option<Point> {
    let anchor = Anchor::new(published);
    match *base {
        Base::Year(r) => Some(Point::Year(anchor.year_of(r)?)),
        Base::Half(r, h) => Some(Point::Half(anchor.year_of_period(r, 6, h)?, h)),
        Base::Quarter(r, q) => Some(Point::Quarter(anchor.year_of_period(r, 3, q)?, q)),
        Base::Month(YearRef::Past, m) => {
            let y = anchor.year?;
            Some(Point::Month(if m > anchor.month? { y - 1 } else { y }, m))
        }
        Base::Month(YearRef::Next, m) => {
            let y = anchor.year?;
            Some(Point::Month(if m < anchor.month? { y + 1 } else { y }, m))
        }
        Base::Day(YearRef::Past, m, d) => {
            let today = anchor.day?;
            let this_year = NaiveDate::from_ymd_opt(today.year(), m, d);
            match this_year.filter(|day| *day <= today) {
                Some(day) => Some(Point::Day(day)),
                None => NaiveDate::from_ymd_opt(today.year() - 1, m, d).map(Point::Day),
            }
        }
        Base::Day(YearRef::Next, m, d) => {
            let today = anchor.day?;
            let this_year = NaiveDate::from_ymd_opt(today.year(), m, d);
            // `il se prononcera dans son allocution du 31 décembre`, said that day: today.
            match this_year.filter(|day| *day >= today) {
                Some(day) => Some(Point::Day(day)),
                None => NaiveDate::from_ymd_opt(today.year() + 1, m, d).map(Point::Day),
            }
        }
        Base::Month(r, m) => Some(Point::Month(anchor.year_of(r)?, m)),
        Base::Week(r, w) => {
            let y = anchor.year_of(r)?;
            NaiveDate::from_isoywd_opt(y, w, Weekday::Mon).map(|_| Point::Week(y, w))
        }
        Base::Day(YearRef::Implicit, 2, 29) => {
            // A leap day without a year: the latest leap year up to the anchor's.
            let y = anchor.year?;
            (0..8)
                .find_map(|back| NaiveDate::from_ymd_opt(y - back, 2, 29))
                .map(Point::Day)
        }
        Base::Day(r, m, d) => NaiveDate::from_ymd_opt(anchor.year_of(r)?, m, d).map(Point::Day),
        Base::MonthShift(m, n) => {
            let (ay, am) = (anchor.year?, anchor.month?);
            let y = match n.signum() {
                -1 if m < am => ay,
                -1 => ay - 1,
                1 if m > am => ay,
                1 => ay + 1,
                _ => ay,
            };
            Some(Point::Month(y, m))
        }
        Base::DayOfMonth(d, n) => {
            let first = NaiveDate::from_ymd_opt(anchor.year?, anchor.month?, 1)?;
            let month = add(first, Unit::Month, n)?;
            NaiveDate::from_ymd_opt(month.year(), month.month(), d).map(Point::Day)
        }
        Base::DayOnWeekday(m, d, wd) => year_on_weekday(&anchor, m, d, wd).map(Point::Day),
        Base::DayOfMonthOn(d, wd) => day_on_weekday(&anchor, d, wd).map(Point::Day),
        Base::NthWeekday(n, wd, month) => {
            nth_weekday(first_of_month(&anchor, month)?, n, wd).map(Point::Day)
        }
        Base::WeekOfMonth(n, month) => {
            let first = first_of_month(&anchor, month)?;
            let day = if n == LAST {
                add(first, Unit::Month, 1)?.pred_opt()?
            } else {
                first.checked_add_signed(Duration::weeks(i64::from(n) - 1))?
            };
            (day.month() == first.month()).then(|| iso_week(day))
        }
        Base::WeekOfDay(r, m, d) => NaiveDate::from_ymd_opt(anchor.year_of(r)?, m, d).map(iso_week),
        Base::RelativeDay(n) => Some(Point::Day(anchor.day? + Duration::days(n.into()))),
        // Resolved by the engine, which knows the days named before.
        Base::AfterPrevious(..)
        | Base::AfterPreviousInYears(_)
        | Base::PeriodOfPrevious(..)
        | Base::MonthOfPrevious(_)
        | Base::DayOfPrevious(..)
        | Base::WeekdayOfPrevious(..)
        | Base::SeasonOfPrevious(_) => None,
        Base::RelativeUnit(unit, n) => relative_unit(&anchor, unit, n),
        Base::Weekday(wd, shift) => Some(Point::Day(weekday(anchor.day?, wd, shift)?)),
        Base::Offset(n, unit, From::Anchor) if coarse_offset(unit) => {
            relative_unit(&anchor, unit, n)
        }
        Base::Offset(n, unit, From::AnchorInYears) => match relative_unit(&anchor, unit, n)? {
            Point::Half(y, _) | Point::Quarter(y, _) | Point::Month(y, _) => Some(Point::Year(y)),
            point => Some(point),
        },
        Base::Offset(n, unit, from) => {
            let day = match from {
                From::Anchor | From::AnchorInYears => anchor.day?,
                From::RelativeDay(d) => anchor.day? + Duration::days(d.into()),
                From::Weekday(wd) => weekday(anchor.day?, wd, None)?,
                // A yearless day the tense placed takes its year as a day alone does.
                From::Day(r, m, d) => match resolve_base(&Base::Day(r, m, d), published)? {
                    Point::Day(day) => day,
                    _ => return None,
                },
            };
            Some(Point::Day(add(day, unit, n)?))
        }
        Base::Holiday(h, r) => holiday(h, anchor.year_of(r)?).map(Point::Day),
        Base::HolidayShift(h, n) => {
            let today = anchor.day?;
            let y = today.year();
            let found = if n == 0 {
                [y - 1, y, y + 1]
                    .into_iter()
                    .filter_map(|y| holiday(h, y))
                    .min_by_key(|d| (*d - today).num_days().abs())
            } else if n < 0 {
                [y, y - 1]
                    .into_iter()
                    .filter_map(|y| holiday(h, y))
                    .find(|d| *d < today)
            } else {
                [y, y + 1]
                    .into_iter()
                    .filter_map(|y| holiday(h, y))
                    .find(|d| *d > today)
            };
            found.map(Point::Day)
        }
        Base::Season(s, None) => Some(Point::Season(None, s)),
        Base::Season(s, Some(r @ (YearRef::Past | YearRef::Next))) => {
            Some(Point::Season(Some(anchor.year_of_season(r, s)?), s))
        }
        Base::Season(s, Some(YearRef::Seasons(n))) => {
            Some(Point::Season(Some(anchor.year_of_shifted_season(s, n)?), s))
        }
        Base::Season(s, Some(r)) => Some(Point::Season(Some(anchor.year_of(r)?), s)),
    }
}

/// The first day of a month named absolutely or relative to the anchor.
fn first_of_month(anchor: &Anchor, month: MonthRef) -> Option<NaiveDate> {
    match month {
        MonthRef::Month(r, m) => NaiveDate::from_ymd_opt(anchor.year_of(r)?, m, 1),
        MonthRef::Relative(k) => add(
            NaiveDate::from_ymd_opt(anchor.year?, anchor.month?, 1)?,
            Unit::Month,
            k,
        ),
    }
}

/// The ISO week of a day.
fn iso_week(day: NaiveDate) -> Point {
    let week = day.iso_week();
    Point::Week(week.year(), week.week())
}

/// Month `m`, day `d` in the anchor's year, or in the year next to it nearest the anchor
/// where it falls on weekday `wd`.
fn year_on_weekday(anchor: &Anchor, m: u32, d: u32, wd: u32) -> Option<NaiveDate> {
    let y = anchor.year?;
    let in_year = NaiveDate::from_ymd_opt(y, m, d)?;
    let on_weekday = |day: &NaiveDate| day.weekday().number_from_monday() == wd;
    if on_weekday(&in_year) {
        return Some(in_year);
    }
    let reference = anchor.day.unwrap_or(in_year);
    [y - 1, y + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .filter(on_weekday)
        .min_by_key(|day| (*day - reference).num_days().abs())
        .or(Some(in_year))
}

/// Day `d` of the month nearest the anchor on which it falls on weekday `wd`
/// (`zondag 31`): the anchor's month when it fits, else the closest one, the past first.
fn day_on_weekday(anchor: &Anchor, d: u32, wd: u32) -> Option<NaiveDate> {
    let this_month = NaiveDate::from_ymd_opt(anchor.year?, anchor.month?, 1)?;
    let fits = |k: i32| {
        let month = add(this_month, Unit::Month, k)?;
        NaiveDate::from_ymd_opt(month.year(), month.month(), d)
            .filter(|day| day.weekday().number_from_monday() == wd)
    };
    (0..=14).find_map(|k| fits(-k).or_else(|| fits(k)))
}

/// The `n`-th weekday `wd` of the month starting on `first` ([`LAST`]: the last one).
fn nth_weekday(first: NaiveDate, n: u32, wd: u32) -> Option<NaiveDate> {
    let offset = (i64::from(wd) - i64::from(first.weekday().number_from_monday())).rem_euclid(7);
    let first_match = first + Duration::days(offset);
    let mut candidates = (0..5)
        .map(|k| first_match + Duration::weeks(k))
        .take_while(|d| d.month() == first.month());
    if n == LAST {
        candidates.last()
    } else {
        candidates.nth(n as usize - 1)
    }
}

/// The date of holiday `h` in year `y`.
fn holiday(h: Holiday, y: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Holiday::Easter(offset) => easter(y)?.checked_add_signed(Duration::days(offset.into())),
        Holiday::NthWeekday(m, wd, n) => nth_weekday(NaiveDate::from_ymd_opt(y, m, 1)?, n, wd),
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let (b, c) = (y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

fn relative_unit(anchor: &Anchor, unit: Unit, n: i32) -> Option<Point> {
    match unit {
        Unit::Year => Some(Point::Year(anchor.year? + n)),
        Unit::Half | Unit::Quarter | Unit::Month => {
            let months = anchor.year? * 12 + anchor.month? as i32 - 1;
            let size = match unit {
                Unit::Half => 6,
                Unit::Quarter => 3,
                _ => 1,
            };
            let index = months.div_euclid(size) + n;
            let per_year = 12 / size;
            let (y, k) = (index.div_euclid(per_year), index.rem_euclid(per_year) + 1);
            Some(match unit {
                Unit::Half => Point::Half(y, k as u32),
                Unit::Quarter => Point::Quarter(y, k as u32),
                _ => Point::Month(y, k as u32),
            })
        }
        Unit::Week | Unit::Weekend => {
            // `komend weekend`, `le week-end prochain`, said on a weekday: the weekend of
            // that week, the first to come.
            let weekday = anchor.day?.weekday().number_from_monday();
            let n = if unit == Unit::Weekend && n > 0 && weekday < 6 {
                n - 1
            } else {
                n
            };
            let day = anchor.day? + Duration::weeks(n.into());
            let week = day.iso_week();
            Some(if unit == Unit::Week {
                Point::Week(week.year(), week.week())
            } else {
                Point::Weekend(week.year(), week.week())
            })
        }
        Unit::Day => Some(Point::Day(anchor.day? + Duration::days(n.into()))),
        // `twee decennia geleden`: the year, as for years.
        Unit::Decade => Some(Point::Year(anchor.year? + n.checked_mul(10)?)),
    }
}

/// The weekday `wd` (1 = Monday) relative to `anchor` as news reports mean it.
fn weekday(anchor: NaiveDate, wd: u32, shift: Option<WeekdayShift>) -> Option<NaiveDate> {
    let today = anchor.weekday().number_from_monday() as i64;
    let wd = i64::from(wd);
    let monday = anchor - Duration::days(today - 1);
    let day = match shift {
        // The most recent such day, or the anchor itself.
        None => anchor - Duration::days((today - wd).rem_euclid(7)),
        Some(WeekdayShift::Last) => anchor - Duration::days((today - wd - 1).rem_euclid(7) + 1),
        Some(WeekdayShift::Next) => anchor + Duration::days((wd - today - 1).rem_euclid(7) + 1),
        Some(WeekdayShift::PreviousWeek) => monday + Duration::days(wd - 1 - 7),
        Some(WeekdayShift::NextWeek) => monday + Duration::days(wd - 1 + 7),
        Some(WeekdayShift::ThisWeek) => monday + Duration::days(wd - 1),
    };
    Some(day)
}

/// `day` moved by `n` units (calendar-aware for months and years).
pub fn add(day: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    let months = |k: i32| {
        if k >= 0 {
            day.checked_add_months(Months::new(k as u32))
        } else {
            day.checked_sub_months(Months::new(k.unsigned_abs()))
        }
    };
    match unit {
        Unit::Day => day.checked_add_signed(Duration::days(n.into())),
        Unit::Week | Unit::Weekend => day.checked_add_signed(Duration::weeks(n.into())),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Half => months(n.checked_mul(6)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
    }
}

/// The ISO 8601 duration: `P3Y`, `P6M`, `P2W`, `P10D`; an odd count of half-years in
/// decimal years (`deux ans et demi`: `P2.5Y`, `een half jaar`: `P0.5Y`, as the
/// Recognizers-Text gold writes `halfjaarlijks`).
fn duration_value(n: u32, unit: Unit) -> String {
    match unit {
        Unit::Half if n % 2 == 1 => format!("P{}.5Y", n / 2),
        Unit::Day => format!("P{n}D"),
        Unit::Week | Unit::Weekend => format!("P{n}W"),
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => format!("P{}M", n * 3),
        Unit::Half => format!("P{}M", n * 6),
        Unit::Year => format!("P{n}Y"),
        Unit::Decade => format!("P{n}DE"),
    }
}

/// The ISO 8601 duration of `n` days, weeks or months and a half, a fraction of the last
/// unit (`P2.5M`, `P1.5W`, `P3.5D`); other units are never halved this way.
fn half_more_value(n: u32, unit: Unit) -> String {
    match unit {
        Unit::Day => format!("P{n}.5D"),
        Unit::Week => format!("P{n}.5W"),
        Unit::Month => format!("P{n}.5M"),
        _ => duration_value(n, unit),
    }
}

/// Resolves an expression whose yearless day or month takes its year from the tense
/// of the sentence (asked only when needed); the anchor's year stays when the tense is
/// unknown or the anchor too vague for it.
pub fn resolve_in_tense(
    expr: &Expr,
    published: Option<PubDate>,
    tense: impl FnOnce() -> Tense,
) -> DateValue {
    if let Expr::Point(Base::RelativeUnit(Unit::Weekend, 0)) = expr {
        // `Ce week-end, la neige est tombée` on a weekday: the weekend just past.
        let on_weekday = published
            .and_then(|p| p.to_naive())
            .is_some_and(|day| day.weekday().number_from_monday() < 6);
        if on_weekday && tense() == Tense::Past {
            return resolve(
                &Expr::Point(Base::RelativeUnit(Unit::Weekend, -1)),
                published,
            );
        }
        return resolve(expr, published);
    }
    if let Expr::Modified(TimexMod::Start, Base::RelativeUnit(Unit::Week, 0)) = expr {
        // `Les négociations reprendront en début de semaine`, said at the weekend: this
        // week's start is over, the next one's is meant.
        let at_weekend = published
            .and_then(|p| p.to_naive())
            .is_some_and(|day| day.weekday().number_from_monday() >= 6);
        if at_weekend && tense() == Tense::Future {
            return resolve(
                &Expr::Modified(TimexMod::Start, Base::RelativeUnit(Unit::Week, 1)),
                published,
            );
        }
        return resolve(expr, published);
    }
    if let Some(span) = whole_months(expr) {
        return resolve(&span.in_tense(published, tense()), published);
    }
    if let Some(days) = weekday_span(expr, published) {
        if tense() == Tense::Future {
            return resolve(&days, published);
        }
        return resolve(expr, published);
    }
    if let Some(day) = near_anchor_day(expr, published) {
        // A day named without its year lies near the article's date: `ont annoncé une
        // grève le 25 juin` (said on 4 June) is the coming one, whatever the tense says.
        return resolve(&day, published);
    }
    if needs_tense(expr) {
        let tense = match tense() {
            Tense::Unknown if announces(expr) => Tense::Future,
            told => told,
        };
        if tense == Tense::Future && names_anchor_weekday(expr, published) {
            // `Le conseil se réunit jeudi`, said on a Thursday: that day.
            return resolve(expr, published);
        }
        if tense == Tense::Future && matches!(expr, Expr::Interval(..)) {
            // `se déroulera du 15 décembre au 1er mars`: an interval still under way
            // when the article appears is the one meant.
            let untensed = resolve(expr, published);
            if still_running(expr, &untensed, published) {
                return untensed;
            }
        }
        let tensed = resolve(&with_tense(*expr, tense), published);
        if tensed.value.is_some() {
            return tensed;
        }
    }
    resolve(expr, published)
}

/// Whether a yearless season in a sentence without tense cues is the coming one (or the
/// one under way): such a sentence is in the present, which in news announces (`In het
/// voorjaar worden de dijken versterkt`), and a season needs a year to be a value at all.
/// Days and months stay in the anchor's year: on real news a missed past cue (`sleepten
/// aan tot eind april`) or a chronology (`7 janvier : ...`) is as common as an
/// announcement.
fn announces(expr: &Expr) -> bool {
    let (Expr::Point(base) | Expr::Modified(_, base)) = expr else {
        return false;
    };
    matches!(base, Base::Season(_, None))
}

/// Whether a yearless day or month (alone or modified) falls in the first `months`
/// months of the next year, said late in the year (`De burgemeester legt in januari de
/// eed af`, said in December): without a tense cue the coming one is meant, not the one
/// nearly a year back.
pub fn early_next_year(expr: &Expr, published: Option<PubDate>, months: u32) -> bool {
    yearless_and_now(expr, published)
        .is_some_and(|(month, now)| month < now && month + 12 - now <= months)
}

/// Whether a yearless day or month (alone or modified) falls in the last `months` months
/// of the year before, said early in the year (`Fin décembre, la dette atteint…`, said in
/// January): without a tense cue the one just past is meant, not the one nearly a year on.
pub fn late_last_year(expr: &Expr, published: Option<PubDate>, months: u32) -> bool {
    yearless_and_now(expr, published)
        .is_some_and(|(month, now)| month > now && now + 12 - month <= months)
}

/// The month of a yearless day or month (alone or modified, or the first end of a yearless
/// span: `van januari tot april`, `du 12 février au 30 mai`, `de la mi-janvier au 1er mars`)
/// and the publication's. Not a count of a year's months (`les neuf premiers mois de
/// l'année`, from a month's start up to the end of its last month): a report on the year so far.
fn yearless_and_now(expr: &Expr, published: Option<PubDate>) -> Option<(u32, u32)> {
    let base = match expr {
        Expr::Point(base) | Expr::Modified(_, base) => base,
        Expr::Interval(first, last)
            if matches!(first.base, Base::Day(..))
                || first.edge == Edge::Mid
                || (last.edge != Edge::End && needs_tense(expr)) =>
        {
            &first.base
        }
        _ => return None,
    };
    let month = match *base {
        Base::Day(YearRef::Implicit, m, _) | Base::Month(YearRef::Implicit, m) => m,
        _ => return None,
    };
    Some((month, published?.month?))
}

/// `van dinsdag tot donderdag`, `de mardi à jeudi` in a sentence about the future: those
/// days of the publication week when they have not all passed, else of the next week
/// (the default, in other tenses, is the most recent ones). `None` for other expressions.
fn weekday_span(expr: &Expr, published: Option<PubDate>) -> Option<Expr> {
    let Expr::Interval(a, b) = expr else {
        return None;
    };
    let (Base::Weekday(first, None), Base::Weekday(last, None)) = (a.base, b.base) else {
        return None;
    };
    let today = published?.to_naive()?.weekday().number_from_monday();
    let shift = if first <= last && last < today {
        WeekdayShift::NextWeek
    } else {
        WeekdayShift::ThisWeek
    };
    let shifted = |bound: &Bound, wd| Bound {
        base: Base::Weekday(wd, Some(shift)),
        edge: bound.edge,
    };
    Some(Expr::Interval(shifted(a, first), shifted(b, last)))
}

/// How many days from the publication day a yearless day may lie, on either side, and
/// keep the publication year whatever the tense: the tense cue is often another
/// clause's, and a day nearly a year away would carry its year.
const NEAR_ANCHOR_DAYS: i64 = 31;

/// A single yearless day or holiday, or a span of days from one, as the one of that name
/// within [`NEAR_ANCHOR_DAYS`] of the publication day (`20 januari`, said on 28 December:
/// the coming one; `Nouvel An : les feux d'artifice interdits`, said on 20 December), if
/// there is one.
fn near_anchor_day(expr: &Expr, published: Option<PubDate>) -> Option<Expr> {
    let today = published?.to_naive()?;
    let year = today.year();
    let near = |day: NaiveDate| (day - today).num_days().abs() <= NEAR_ANCHOR_DAYS;
    match *expr {
        Expr::Point(Base::Day(YearRef::Implicit, m, d)) => {
            [year, year - 1, year + 1].into_iter().find_map(|y| {
                let day = NaiveDate::from_ymd_opt(y, m, d)?;
                near(day).then_some(Expr::Point(Base::Day(YearRef::Abs(y), m, d)))
            })
        }
        Expr::Point(Base::Holiday(h, YearRef::Implicit)) => {
            [year, year - 1, year + 1].into_iter().find_map(|y| {
                let day = holiday(h, y)?;
                near(day).then_some(Expr::Point(Base::Holiday(h, YearRef::Abs(y))))
            })
        }
        // `ont déposé un préavis de grève du 6 au 10 octobre` (said on 12 September): a
        // yearless span of days from a day near the anchor, its end in the same year or the
        // next.
        Expr::Interval(
            a @ Bound {
                base: Base::Day(YearRef::Implicit, m, d),
                ..
            },
            b @ Bound {
                base: Base::Day(YearRef::Implicit | YearRef::Rel(1), m2, d2),
                ..
            },
        ) => [year, year - 1, year + 1].into_iter().find_map(|y| {
            let day = NaiveDate::from_ymd_opt(y, m, d)?;
            let end_year = if (m2, d2) < (m, d) { y + 1 } else { y };
            near(day).then_some(Expr::Interval(
                Bound {
                    base: Base::Day(YearRef::Abs(y), m, d),
                    ..a
                },
                Bound {
                    base: Base::Day(YearRef::Abs(end_year), m2, d2),
                    ..b
                },
            ))
        }),
        _ => None,
    }
}

/// Whether an expression is a bare weekday that is the publication day's.
fn names_anchor_weekday(expr: &Expr, published: Option<PubDate>) -> bool {
    let (Expr::Point(Base::Weekday(wd, None)) | Expr::Modified(_, Base::Weekday(wd, None))) = expr
    else {
        return false;
    };
    published
        .and_then(|p| p.to_naive())
        .is_some_and(|day| day.weekday().number_from_monday() == *wd)
}

/// A yearless span of whole months (`les neuf premiers mois de l'année`, `van begin
/// maart tot eind juni`, `van januari tot maart`): first and last month, and the edge
/// of the last.
struct WholeMonths(u32, u32, Edge);

fn whole_months(expr: &Expr) -> Option<WholeMonths> {
    let Expr::Interval(a, b) = expr else {
        return None;
    };
    match (a.base, a.edge, b.base, b.edge) {
        (
            Base::Month(YearRef::Implicit, first),
            Edge::Start,
            Base::Month(YearRef::Implicit, last),
            edge @ (Edge::End | Edge::Start),
        ) if first <= last => Some(WholeMonths(first, last, edge)),
        _ => None,
    }
}

impl WholeMonths {
    /// The span in the year the tense says: in the past, the latest one over or under
    /// way by the anchor's month is a year back unless its last month has passed
    /// (`sur les onze premiers mois de l'année`, said in January: the year before); in
    /// the future, the next one not yet over.
    fn in_tense(&self, published: Option<PubDate>, tense: Tense) -> Expr {
        let anchor = Anchor::new(published);
        let year = match (anchor.year, anchor.month, tense) {
            (Some(y), Some(m), Tense::Past) if self.1 >= m => YearRef::Abs(y - 1),
            (Some(y), Some(m), Tense::Future) if self.1 < m => YearRef::Abs(y + 1),
            _ => YearRef::Implicit,
        };
        let bound = |m, edge| Bound {
            base: Base::Month(year, m),
            edge,
        };
        Expr::Interval(bound(self.0, Edge::Start), bound(self.1, self.2))
    }
}

/// Whether an interval ends on or after the publication day; a closing month
/// (`van mei tot september`) lasts to its end.
fn still_running(expr: &Expr, value: &DateValue, published: Option<PubDate>) -> bool {
    let (Some(range), Some(day)) = (&value.range, published.and_then(|p| p.to_naive())) else {
        return false;
    };
    let month_end = matches!(expr, Expr::Interval(_, b) if matches!(b.base, Base::Month(..)));
    let Ok(end) = NaiveDate::parse_from_str(&range.end, "%Y-%m-%d") else {
        return false;
    };
    if month_end {
        add(end, Unit::Month, 1).is_some_and(|after| after > day)
    } else {
        end >= day
    }
}

/// The value of a recognized expression.
pub fn resolve(expr: &Expr, published: Option<PubDate>) -> DateValue {
    match expr {
        Expr::Point(base) => DateValue {
            value: point_value(base, published),
            granularity: granularity(base),
            modifier: None,
            range: None,
        },
        Expr::Modified(m, base) => DateValue {
            value: year_part_value(*m, base, published).or_else(|| point_value(base, published)),
            granularity: granularity(base),
            modifier: Some(*m),
            range: None,
        },
        Expr::Interval(a, b) => {
            let b = &same_year_end(a, b, published);
            let bound = |b: &Bound| {
                let point = resolve_base(&b.base, published)?;
                match b.edge {
                    Edge::Start => point.first_day(),
                    Edge::End => point.end_exclusive(),
                    Edge::Last => point.end_exclusive()?.pred_opt(),
                    Edge::Mid => point.middle(),
                }
            };
            let ends = bound(a).zip(bound(b)).map(|(start, end)| {
                // `de mardi à mercredi`: the second weekday follows the first; `tussen
                // Kerstmis en Nieuwjaar`: so does the second holiday, in the next year.
                let end = match b.base {
                    Base::Weekday(..) if end < start => end + Duration::days(7),
                    Base::Holiday(h, YearRef::Implicit) if end < start => {
                        holiday(h, start.year() + 1).unwrap_or(end)
                    }
                    _ => end,
                };
                (start, end)
            });
            // `hier - hier`: an interval that does not move forward is its first point.
            if ends.is_some_and(|(start, end)| end <= start) {
                return resolve(&Expr::Point(a.base), published);
            }
            let range = ends.map(|(s, e)| DateRange {
                start: s.format("%Y-%m-%d").to_string(),
                end: e.format("%Y-%m-%d").to_string(),
            });
            DateValue {
                value: range.as_ref().map(|r| format!("{}/{}", r.start, r.end)),
                granularity: Granularity::Interval,
                modifier: None,
                range,
            }
        }
        Expr::Units(unit) => DateValue {
            value: Some(duration_value(0, *unit).replacen('0', "X", 1)),
            granularity: Granularity::Duration,
            modifier: None,
            range: None,
        },
        Expr::Length(n, unit) => DateValue {
            value: Some(duration_value(*n, *unit)),
            granularity: Granularity::Duration,
            modifier: None,
            range: None,
        },
        Expr::LengthAndAHalf(n, unit) => DateValue {
            value: Some(half_more_value(*n, *unit)),
            granularity: Granularity::Duration,
            modifier: None,
            range: None,
        },
        Expr::Duration(n, unit) => DateValue {
            value: Some(duration_value(n.unsigned_abs(), *unit)),
            granularity: Granularity::Duration,
            modifier: None,
            range: duration_range(*n, *unit, published),
        },
    }
}

/// The year of a tensed year part (`en fin d'année, le groupe a recruté`): the year is
/// cut in thirds, and in the past the part must have begun by the anchor's month, in
/// the future not yet be over (said in March, the end of the year before).
fn year_part_value(m: TimexMod, base: &Base, published: Option<PubDate>) -> Option<String> {
    let Base::Year(r @ (YearRef::Past | YearRef::Next)) = *base else {
        return None;
    };
    let third = match m {
        TimexMod::Start => 1,
        TimexMod::Mid => 2,
        TimexMod::End => 3,
        _ => return None,
    };
    let year = Anchor::new(published).year_of_period(r, 4, third)?;
    Some(Point::Year(year).timex())
}

/// A day the calendar does not have (`30 februari`, `29/2/2019`), as written: no anchor
/// can place it, and the text still names it.
fn impossible_day(base: &Base) -> Option<String> {
    let (written, m, d) = match *base {
        Base::Day(YearRef::Abs(y), m, d) => (Some(y), m, d),
        Base::Day(_, m, d) | Base::DayOnWeekday(m, d, _) => (None, m, d),
        _ => return None,
    };
    if valid_day(written, m, d) {
        return None;
    }
    Some(match written {
        Some(y) => format!("{y:04}-{m:02}-{d:02}"),
        None => format!("XXXX-{m:02}-{d:02}"),
    })
}

/// The TIMEX3 value of a point; a yearless date without an anchor year keeps `XXXX`
/// (`15 décembre` = `XXXX-12-15`).
fn point_value(base: &Base, published: Option<PubDate>) -> Option<String> {
    if let Some(literal) = impossible_day(base) {
        return Some(literal);
    }
    if let Some(point) = resolve_base(base, published) {
        return Some(point.timex());
    }
    if published.is_some() {
        return None;
    }
    match *base {
        Base::Day(YearRef::Implicit | YearRef::Past | YearRef::Next, m, d)
        | Base::DayOnWeekday(m, d, _) => Some(format!("XXXX-{m:02}-{d:02}")),
        Base::Holiday(Holiday::Fixed(m, d), YearRef::Implicit) => {
            Some(format!("XXXX-{m:02}-{d:02}"))
        }
        Base::Month(YearRef::Implicit | YearRef::Past | YearRef::Next, m) => {
            Some(format!("XXXX-{m:02}"))
        }
        _ => None,
    }
}

/// The end of an interval of two yearless days or months, in the year of its start
/// (`du 20 au 25 décembre` in the past tense), or the year after when it rolled over
/// (`van december tot februari`).
fn same_year_end(a: &Bound, b: &Bound, published: Option<PubDate>) -> Bound {
    let later = match b.base {
        Base::Day(YearRef::Implicit, ..) | Base::Month(YearRef::Implicit, _) => 0,
        Base::Day(YearRef::Rel(1), ..) | Base::Month(YearRef::Rel(1), _) => 1,
        _ => return *b,
    };
    let yearless = |y| matches!(y, YearRef::Implicit | YearRef::Past | YearRef::Next);
    let first_yearless = match a.base {
        Base::Day(y, ..) | Base::Month(y, _) => yearless(y),
        _ => false,
    };
    let year = match resolve_base(&a.base, published).filter(|_| first_yearless) {
        Some(Point::Day(start)) => start.year(),
        Some(Point::Month(y, _)) => y,
        _ => return *b,
    };
    let year = YearRef::Abs(year + later);
    let base = match b.base {
        Base::Day(_, m, d) => Base::Day(year, m, d),
        Base::Month(_, m) => Base::Month(year, m),
        other => other,
    };
    Bound { base, edge: b.edge }
}

/// The period a duration covers from the anchor, at the anchor's precision.
fn duration_range(n: i32, unit: Unit, published: Option<PubDate>) -> Option<DateRange> {
    let p = published?;
    let (start, end) = match (p.to_naive(), p.month) {
        (Some(day), _) => {
            let other = add(day, unit, n)?;
            let fmt = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
            (fmt(day), fmt(other))
        }
        (None, Some(m)) if unit != Unit::Day && unit != Unit::Week => {
            let first = NaiveDate::from_ymd_opt(p.year, m, 1)?;
            let other = add(first, unit, n)?;
            let fmt = |d: NaiveDate| d.format("%Y-%m").to_string();
            (fmt(first), fmt(other))
        }
        (None, None) if unit == Unit::Year => {
            (format!("{:04}", p.year), format!("{:04}", p.year + n))
        }
        _ => return None,
    };
    Some(if n < 0 {
        DateRange {
            start: end,
            end: start,
        }
    } else {
        DateRange { start, end }
    })
}
