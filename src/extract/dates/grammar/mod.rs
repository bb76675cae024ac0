//! The date grammar: recognizes expressions over tokens, without resolving them.
//!
//! One parser serves every language: the words come from the lexicon, and both orders of
//! shift and unit (`vorig jaar`, `l'an dernier`) and of day and month are accepted.
//!
//! This file holds the expression types, the parser with its entry points and shared
//! token and number helpers; each rule family has its own file: absolute days (`days`),
//! months and years (`months`), numeric dates (`numeric`), weekdays (`weekdays`),
//! relative words and offsets (`relative`), periods (`periods`), holidays (`holidays`),
//! durations (`durations`), intervals (`intervals`), modifiers and parts (`modifiers`),
//! names that are not dates (`names`), and placing an expression in its text (`placing`).

use super::lexicon::{
    Holiday, Kinds, Phrases, Season, Sense, TimexMod, Unit, WeekdayShift, NO_WORD,
};
use super::token::{Kind, Token};
use std::cell::Cell;

mod days;
mod durations;
mod holidays;
mod intervals;
mod modifiers;
mod months;
mod names;
mod numeric;
mod periods;
mod placing;
mod relative;
mod weekdays;

use intervals::Endpoint;
pub use placing::{
    counts_back, from_previous, in_month_of, in_year, is_bare_weekday, is_bound_before,
    is_deadline, is_weekday_pair, is_yearless_day, is_yearless_period, needs_tense, stated_year,
    with_tense,
};

/// Which year a period belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Written out (`2020`).
    Abs(i32),
    /// Relative to the anchor's year (`vorig jaar` = -1, `dit jaar` = 0).
    Rel(i32),
    /// Not said: the anchor's year (`23 januari`).
    Implicit,
    /// Not said, but in the past: the latest such date up to the anchor (`sinds 17 november`).
    Past,
    /// Not said, but in the future: the first such date after the anchor
    /// (`le 3 mars prochain`).
    Next,
    /// A season shifted from the one of the anchor (`vorige zomer` = -1, `cet hiver` = 0):
    /// unlike a year, counted from the latest season of that name begun.
    Seasons(i32),
}

/// A point or period, before resolution against the anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// A year.
    Year(YearRef),
    /// A half year, 1 or 2.
    Half(YearRef, u32),
    /// A quarter, 1-4.
    Quarter(YearRef, u32),
    /// A month, 1-12.
    Month(YearRef, u32),
    /// A month moved to the previous, same or next such month (`décembre dernier`).
    MonthShift(u32, i32),
    /// An ISO week.
    Week(YearRef, u32),
    /// A day: year, month, day.
    Day(YearRef, u32, u32),
    /// A day of the anchor's month, or of a month relative to it (`de 5e`,
    /// `de 20e van volgende maand`).
    DayOfMonth(u32, i32),
    /// A yearless day named with its weekday (`dimanche 3 mars`): month, day, weekday.
    DayOnWeekday(u32, u32, u32),
    /// A day of the month named with its weekday (`woensdag de 27e`): day, weekday.
    DayOfMonthOn(u32, u32),
    /// The n-th week of a month (`de eerste week van juli`); n may be [`LAST`].
    WeekOfMonth(u32, MonthRef),
    /// The week around a day (`de week van 10 april`, `la semaine du 3 mars`).
    WeekOfDay(YearRef, u32, u32),
    /// The n-th weekday of a month (`de eerste vrijdag van juli`); n may be [`LAST`].
    NthWeekday(u32, u32, MonthRef),
    /// A day relative to the anchor (`gisteren` = -1).
    RelativeDay(i32),
    /// Units after the last day named before it (`le lendemain` = 1 day, `trois ans plus
    /// tard` = 3 years).
    AfterPrevious(i32, Unit),
    /// Half-years after the last month or day named before it, read as a year, as a
    /// half-year offset from the anchor is (`anderhalf jaar later` = 3).
    AfterPreviousInYears(i32),
    /// The period of a unit around the last day named before it, shifted by whole units
    /// (`dezelfde week`, `le même mois` = 0, `het jaar daarop` = 1, `l'année précédente` =
    /// -1); see [`crate::extract::dates::lexicon::DateLexicon::periods_of_previous`].
    PeriodOfPrevious(i32, Unit),
    /// The first such weekday after (1) or before (-1) the last day named before it (`le
    /// jeudi 12 mars ; ... le dimanche suivant`, `le samedi précédent`): weekday, side.
    WeekdayOfPrevious(u32, i32),
    /// A month in the year of the last date named before it (`juni van datzelfde jaar`).
    MonthOfPrevious(u32),
    /// A day in the year of the last date named before it (`29 oktober van dat jaar`):
    /// month, day.
    DayOfPrevious(u32, u32),
    /// A season in the year of the last date named before it (`de herfst van dat jaar`).
    SeasonOfPrevious(Season),
    /// A whole unit relative to the anchor's (`vorige maand`, `volgende week`).
    RelativeUnit(Unit, i32),
    /// A weekday, 1 = Monday.
    Weekday(u32, Option<WeekdayShift>),
    /// A day some amount of time from another (`over twee weken`, `drie dagen na dinsdag`).
    Offset(i32, Unit, From),
    /// A holiday in a year (`Pasen 2018`, `Kerstmis`).
    Holiday(Holiday, YearRef),
    /// The previous or next occurrence of a holiday (`vorige koningsdag`); 0: the one
    /// nearest the anchor.
    HolidayShift(Holiday, i32),
    /// A season, in a year or unanchored (`deze zomer`, `zomer`).
    Season(Season, Option<YearRef>),
}

/// A month named by an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthRef {
    /// A month of a year.
    Month(YearRef, u32),
    /// A month relative to the anchor's.
    Relative(i32),
}

/// The day an offset counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    /// The anchor.
    Anchor,
    /// The anchor, the result read as its year: an offset in half-years counted from a
    /// half-number of years (`anderhalf jaar geleden` said in May 2026 is 2024, as `twee
    /// jaar geleden` is a year).
    AnchorInYears,
    /// A day relative to the anchor (`gisteren`).
    RelativeDay(i32),
    /// The most recent such weekday.
    Weekday(u32),
    /// A calendar day.
    Day(YearRef, u32, u32),
}

/// Where an interval meets a period: `van het midden van maart`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Its first day.
    Start,
    /// Its middle.
    Mid,
    /// The day after it.
    End,
    /// Its last day (`de rest van de week` runs to Sunday).
    Last,
}

/// One end of an interval: the start of a period, or its end (`tot het einde van 2008`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bound {
    /// The period.
    pub base: Base,
    /// Which part of the period the interval meets.
    pub edge: Edge,
}

/// A recognized expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// A point or period.
    Point(Base),
    /// A period with a TIMEX3 `mod` (`sinds 2015`, `eind 2025`).
    Modified(TimexMod, Base),
    /// From one point to another (`van 2014 tot 2018`).
    Interval(Bound, Bound),
    /// An amount of time from the anchor on (`de komende vijf jaar`; negative: back to it,
    /// `depuis trois ans`).
    Duration(i32, Unit),
    /// An amount of time not placed on the calendar (`pendant dix jours`, `vijf jaar cel`).
    Length(u32, Unit),
    /// An amount and half a unit more, not placed (`deux mois et demi`, `une semaine et
    /// demie`): half a month or week has no exact calendar length, so it has no range.
    LengthAndAHalf(u32, Unit),
    /// An unknown amount of units (`de komende weken`, `de voorbije maanden`): `PXW`.
    Units(Unit),
}

/// A parse: the token index after the expression, and the expression.
pub type Parse = (usize, Expr);

/// The parser over one tokenized region.
pub struct Parser<'a> {
    phrases: &'a Phrases,
    toks: &'a [Token],
    /// The phrase-word id of each token ([`Phrases::word_ids`]).
    ids: Vec<u32>,
    /// The lexicon senses of the phrases starting at each token, looked up once into one
    /// arena: token `i`'s are `senses[sense_starts[i]..sense_starts[i + 1]]`.
    senses: Vec<(usize, Sense)>,
    sense_starts: Vec<usize>,
    /// Per token, the kinds of its senses ([`Sense::kind_bit`]): most lookups ask for a
    /// kind the token lacks, and are answered with one AND.
    sense_kinds: Vec<Kinds>,
    /// The kinds of every sense of the region: a rule that needs a rare word (`dat` of
    /// `29 oktober van dat jaar`) is not tried in a region without one.
    region_kinds: Kinds,
    /// [`Parser::point_alternatives`] and [`Parser::endpoint`] at each token, filled on
    /// first use: the interval, modifier and plain-point alternatives of a token and its
    /// neighbours ask for the same ones again.
    point_memo: PointMemo,
    endpoint_memo: EndpointMemo,
}

/// The vectors of a [`Parser`] (word ids, senses, sense starts, sense kinds and the two
/// memos, in the order of its fields), kept from one region to the next so that a
/// text's regions share their allocations.
#[derive(Default)]
pub struct ParserBuffers(
    Vec<u32>,
    Vec<(usize, Sense)>,
    Vec<usize>,
    Vec<Kinds>,
    PointMemo,
    EndpointMemo,
);

type PointMemo = Vec<Memo<[Option<Point>; 2]>>;
type EndpointMemo = Vec<Memo<Option<(usize, Endpoint)>>>;

/// A point or period and the token index after it.
type Point = (usize, Base);

/// A sub-parse at one token, once computed.
type Memo<T> = Cell<Option<T>>;

/// How many tokens `every` may stand before a recurring month (`chaque dernier week-end
/// de novembre`).
const EVERY_REACH: usize = 8;

/// Whether a sense links a unit to a month (`de`, `en`, `in`, an article).
fn is_link(s: Sense) -> bool {
    matches!(s, Sense::Of | Sense::YearCue | Sense::Article)
}

/// The memoized `compute()`: `memo` holds it once known (no memo: computed every time).
fn memoized<T: Copy>(memo: Option<&Memo<T>>, compute: impl FnOnce() -> T) -> T {
    let Some(memo) = memo else {
        return compute();
    };
    if let Some(known) = memo.get() {
        return known;
    }
    let found = compute();
    memo.set(Some(found));
    found
}

/// The senses of the phrases at each token of a region ([`Parser`]'s arena). Not inlined:
/// inside the engine's big loop its values would spill to the stack.
#[inline(never)]
fn fill_senses(
    phrases: &Phrases,
    ids: &[u32],
    senses: &mut Vec<(usize, Sense)>,
    sense_starts: &mut Vec<usize>,
    sense_kinds: &mut Vec<Kinds>,
) {
    senses.clear();
    senses.reserve(ids.len());
    sense_starts.clear();
    sense_starts.resize(ids.len() + 1, 0);
    sense_kinds.clear();
    sense_kinds.resize(ids.len(), 0);
    // `Phrases::at_ids` at each token, written out: most tokens are no phrase word, and
    // only their arena end is written.
    let ends = sense_starts.iter_mut().skip(1);
    for (i, ((&id, kinds), end)) in ids.iter().zip(sense_kinds.iter_mut()).zip(ends).enumerate() {
        if id != NO_WORD {
            let after = &ids[i + 1..];
            for (rest, sense) in phrases.phrases_of(id) {
                if rest.len() <= after.len() && rest.iter().zip(after).all(|(a, b)| a == b) {
                    *kinds |= sense.kind_bit();
                    senses.push((i + 1 + rest.len(), *sense));
                }
            }
        }
        *end = senses.len();
    }
}

/// The sense kinds the first token of each alternative of [`Parser::point`] asks for
/// (besides a number or a word with a digit, which any may begin with): the
/// alternatives a token cannot begin are not tried. Debug builds check this against
/// the alternatives at every token turned away.
mod first {
    use super::{Holiday, Kinds, Season, Sense, TimexMod, Unit, WeekdayShift};

    pub const ARTICLE: Kinds = Sense::kinds(&[
        Sense::Article,
        Sense::RelativeArticle,
        Sense::WeekendArticle,
    ]);
    pub const WEEKDAY: Kinds = Sense::kinds(&[
        Sense::WeekdayShift(WeekdayShift::Next),
        Sense::Weekday(0),
        Sense::WeekdayAbbr(0),
    ]);
    pub const RELATIVE_DAY: Kinds = Sense::kinds(&[Sense::RelativeDay(0), Sense::AfterPrevious(0)]);
    pub const PREVIOUS_PERIOD: Kinds = ARTICLE
        | Sense::kinds(&[
            Sense::PreviousPeriod(0),
            Sense::Shift(0),
            Sense::Unit(Unit::Day),
        ]);
    pub const NIGHT: Kinds = Sense::kinds(&[Sense::NightOf]);
    pub const OF_PREVIOUS_YEAR: Kinds = Sense::kinds(&[
        Sense::Article,
        Sense::Month(0),
        Sense::Season(Season::Spring),
        Sense::Ordinal(0),
        Sense::Number(0),
    ]);
    pub const RELATIVE_UNIT: Kinds =
        Sense::kinds(&[Sense::Shift(0), Sense::Unit(Unit::Day), Sense::Month(0)]);
    pub const OFFSET: Kinds = Sense::kinds(&[
        Sense::LaterBefore,
        Sense::AgoBefore,
        Sense::Approximation,
        Sense::Number(0),
        // `anderhalf jaar geleden`.
        Sense::HalfNumber(0),
    ]);
    /// Only numbers and words with a digit.
    pub const NUMBER: Kinds = 0;
    pub const DAY: Kinds = Sense::kinds(&[Sense::Ordinal(0), Sense::Number(0)]);
    pub const MONTH: Kinds = Sense::kinds(&[Sense::Month(0), Sense::MonthAbbr(0)]);
    pub const ORDINAL: Kinds = Sense::kinds(&[Sense::Ordinal(0), Sense::Last]);
    pub const UNIT: Kinds = Sense::kinds(&[Sense::Article, Sense::Unit(Unit::Day)]);
    pub const WEEK: Kinds = RELATIVE_UNIT | Sense::kinds(&[Sense::DayLink]);
    pub const HOLIDAY: Kinds = Sense::kinds(&[
        Sense::Shift(0),
        Sense::Holiday(Holiday::Fixed(1, 1)),
        Sense::CuedHoliday(Holiday::Fixed(1, 1)),
    ]);
    pub const SEASON: Kinds = Sense::kinds(&[Sense::Shift(0), Sense::Season(Season::Spring)]);
    pub const NTH_WEEKDAY: Kinds = Sense::kinds(&[Sense::Article, Sense::Ordinal(0), Sense::Last]);
    pub const SHIFT: Kinds = Sense::kinds(&[Sense::Shift(0)]);

    /// Any point.
    pub const POINT: Kinds = ARTICLE
        | WEEKDAY
        | RELATIVE_DAY
        | PREVIOUS_PERIOD
        | NIGHT
        | RELATIVE_UNIT
        | OFFSET
        | NUMBER
        | DAY
        | MONTH
        | ORDINAL
        | UNIT
        | WEEK
        | HOLIDAY
        | SEASON
        | NTH_WEEKDAY
        | SHIFT;

    /// Articles, prepositions, shifts, modifiers and number words: every expression
    /// beginning with one goes on, after it, with a number, a word with a digit or a
    /// lexicon word ([`Parser::can_start`] relies on this; debug builds check it).
    pub const LEADS: Kinds = Sense::kinds(&[
        Sense::Article,
        Sense::RelativeArticle,
        Sense::WeekendArticle,
        Sense::DayArticle,
        Sense::From,
        Sense::Between,
        Sense::Of,
        Sense::YearCue,
        Sense::PartLink,
        Sense::LaterBefore,
        Sense::AgoBefore,
        Sense::Approximation,
        Sense::Within,
        Sense::DayLink,
        Sense::NotBeforeRelativeDay,
        Sense::PreviousPeriod(0),
        Sense::Number(0),
        Sense::Shift(0),
        Sense::WeekdayShift(WeekdayShift::Next),
        Sense::Modifier(TimexMod::Start),
        Sense::Since,
        // No expression begins with these: after `de`, `en` before a plain word, none does.
        Sense::KindLink,
        Sense::DurationCue,
    ]);

    /// Words that only say what a date next to them is not (`rue du 4-Septembre`, `Nouvel
    /// An chinois`, `vacances de printemps`), or name a period only before a year pair
    /// (`la 2e saison`): to the rest of the grammar, plain words.
    pub const CONTEXT: Kinds = Sense::kinds(&[
        Sense::PlaceNoun,
        Sense::HolidayQualifier,
        Sense::HolidayOwner,
        Sense::TwoYearPeriod,
        Sense::Consecutive,
        Sense::LastingLink,
        Sense::ToTheDay,
        Sense::CueHedge,
        Sense::ForParticle,
        Sense::ApproximateCount,
        Sense::NounRelativeDay,
        Sense::HabitualBefore,
        Sense::HabitualAfter,
    ]);

    /// Articles: no expression ends with one, so an expression that reaches one goes on
    /// after it with a number, a word with a digit or a lexicon word, as after
    /// [`LEADS`] ([`Parser::can_start`] looks through one after a leading token: `de la
    /// France`, `dans les rues`).
    pub const ARTICLES: Kinds =
        Sense::kinds(&[Sense::Article, Sense::RelativeArticle, Sense::DayArticle]);

    /// Any expression: a point, an interval's opener or endpoint, a modifier, a part, a
    /// duration, a fiscal year, a decade or a rest. `de`, `à`, `et`, `pour` (cue, `of`
    /// and `to` words only) begin none.
    pub const EXPRESSION: Kinds = POINT
        | Sense::kinds(&[
            Sense::From,
            Sense::Between,
            Sense::Part(TimexMod::Start),
            Sense::Now,
            Sense::DayArticle,
            Sense::Modifier(TimexMod::Start),
            Sense::Within,
            Sense::Fiscal,
            Sense::TwoYearPeriod,
            Sense::Decade,
            Sense::Rest,
            // `anderhalf jaar`.
            Sense::HalfNumber(0),
        ]);
}

/// How many tokens on each side of a date a look at its sentence reads.
const SENTENCE_TOKENS: usize = 40;

/// The ordinal `last` (`de laatste week van 2016`).
pub const LAST: u32 = u32::MAX;

/// Years a bare number may be without a month next to it.
const BARE_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;
/// Years of earlier centuries a year cue word may introduce (`in 1833`).
const HISTORIC_YEARS: std::ops::RangeInclusive<u32> = 1600..=1899;
/// Years a number may be next to a month or in a numeric date.
const YEARS: std::ops::RangeInclusive<u32> = 1000..=2999;

impl<'a> Parser<'a> {
    /// A parser over `toks`.
    pub fn new(phrases: &'a Phrases, toks: &'a [Token]) -> Self {
        Self::with_buffers(phrases, toks, ParserBuffers::default())
    }

    /// A parser over `toks` in the vectors of an earlier one ([`Parser::into_buffers`]).
    pub fn with_buffers(phrases: &'a Phrases, toks: &'a [Token], buffers: ParserBuffers) -> Self {
        let ParserBuffers(
            mut ids,
            mut senses,
            mut sense_starts,
            mut sense_kinds,
            mut point_memo,
            mut endpoint_memo,
        ) = buffers;
        phrases.word_ids_into(toks, &mut ids);
        fill_senses(
            phrases,
            &ids,
            &mut senses,
            &mut sense_starts,
            &mut sense_kinds,
        );
        let region_kinds = sense_kinds.iter().fold(0, |all, k| all | k);
        point_memo.clear();
        point_memo.resize_with(toks.len(), Default::default);
        endpoint_memo.clear();
        endpoint_memo.resize_with(toks.len(), Default::default);
        Parser {
            phrases,
            toks,
            ids,
            senses,
            sense_starts,
            sense_kinds,
            region_kinds,
            point_memo,
            endpoint_memo,
        }
    }

    /// The parser's vectors, for the next region's [`Parser::with_buffers`].
    pub fn into_buffers(self) -> ParserBuffers {
        ParserBuffers(
            self.ids,
            self.senses,
            self.sense_starts,
            self.sense_kinds,
            self.point_memo,
            self.endpoint_memo,
        )
    }

    /// The senses of the phrases starting at token `i`.
    fn senses_at(&self, i: usize) -> &[(usize, Sense)] {
        match (self.sense_starts.get(i), self.sense_starts.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.senses[start..end],
            _ => &[],
        }
    }

    /// Whether an expression may start at token `i`: a number, a lexicon word, or a word
    /// with a digit (`3e`, `Q3`). Saves parsing at every other word.
    pub fn can_start(&self, i: usize) -> bool {
        let Some(tok) = self.toks.get(i) else {
            return false;
        };
        let may_start = self.may_start(i, first::EXPRESSION) || self.has(i + 1, Sense::Century);
        debug_assert!(
            may_start
                || tok.kind == Kind::Punct
                || self.sense_kinds[i] == 0
                || self.parse(i).is_none_or(|(j, _)| j <= i),
            "an expression starts at {:?}, outside first::EXPRESSION",
            tok.folded
        );
        // `elke maandag`, `chaque lundi`: a recurring set, not a date. Asked after
        // `may_start`, which turns most tokens away.
        if !may_start
            || (i > 0 && self.has(i - 1, Sense::Every))
            || self.second_of_every(i)
            || self.month_of_every(i)
            || self.opens_habitual_weekday(i)
        {
            return false;
        }
        if self.leads_nowhere(i) {
            debug_assert!(
                self.parse(i).is_none_or(|(j, _)| j <= i),
                "an expression starts at {:?} before a word that continues none",
                tok.folded
            );
            return false;
        }
        may_start
    }

    /// Whether token `i` is the second weekday of a recurring pair (`elke maandag en
    /// donderdag`, `chaque lundi et jeudi`), as recurring as the first.
    fn second_of_every(&self, i: usize) -> bool {
        i >= 3
            && self.has(i - 1, Sense::And)
            && self.has_kind(i - 2, Sense::Weekday(0))
            && self.has(i - 3, Sense::Every)
            && self.has_kind(i, Sense::Weekday(0))
    }

    /// Whether token `i` is a weekday of a habit, or the `op`, `van` or `tot` before one: after
    /// `op` and an adverb of habit (`voortaan op woensdag`), or before an opening hours'
    /// state, with `op` or in a range (`op maandag en woensdag gesloten`, `van dinsdag tot
    /// zondag open`). `De tekst werd op dinsdag goedgekeurd` keeps its date.
    fn opens_habitual_weekday(&self, i: usize) -> bool {
        // Asked at every token that may start: the region test (one AND) goes first.
        if self.region_kinds & Sense::kinds(&[Sense::HabitualBefore, Sense::HabitualAfter]) == 0 {
            return false;
        }
        let links =
            self.has(i, Sense::DayLink) || self.has(i, Sense::From) || self.has(i, Sense::To);
        self.habitual_weekday(i) || (links && self.habitual_weekday(i + 1))
    }

    /// Whether token `w` is a weekday of a habit (see [`Self::opens_habitual_weekday`]).
    fn habitual_weekday(&self, w: usize) -> bool {
        let weekday = |k: usize| self.has_kind(k, Sense::Weekday(0));
        let is = |k: Option<usize>, sense: Sense| k.is_some_and(|k| self.has(k, sense));
        let before = |n: usize| w.checked_sub(n);
        let state_after = |k: usize| self.has(k, Sense::HabitualAfter);
        if !weekday(w) {
            return false;
        }
        // The second of a pair (`op maandag en woensdag`): read from the first.
        let (first, last) = if is(before(1), Sense::And) && before(2).is_some_and(weekday) {
            (w - 2, w)
        } else if self.has(w + 1, Sense::And) && weekday(w + 2) {
            (w, w + 2)
        } else {
            (w, w)
        };
        let prev = first.checked_sub(1);
        if is(prev, Sense::DayLink) {
            return is(first.checked_sub(2), Sense::HabitualBefore) || state_after(last + 1);
        }
        // A range of weekdays before a state: `van dinsdag tot zondag open`.
        if is(prev, Sense::From) && self.has(w + 1, Sense::To) && weekday(w + 2) {
            return state_after(w + 3);
        }
        is(before(1), Sense::To)
            && before(2).is_some_and(weekday)
            && is(before(3), Sense::From)
            && state_after(w + 1)
    }

    /// Whether token `i` is a month (or a preposition before one) after `every` and a
    /// recurring unit (`chaque année en novembre`, `elk jaar in november`, `chaque dernier
    /// week-end de novembre`): the month of a recurring set, not a date.
    fn month_of_every(&self, i: usize) -> bool {
        // Asked at every token that may start: the region test (one AND) goes first.
        if !self.region_has_kind(Sense::Every) {
            return false;
        }
        let is_month = |k: usize| self.has_kind(k, Sense::Month(0));
        let before_month = || {
            self.senses_at(i)
                .iter()
                .any(|&(j, s)| is_link(s) && is_month(j))
        };
        if !(is_month(i) || before_month()) {
            return false;
        }
        (i.saturating_sub(EVERY_REACH)..i.saturating_sub(1))
            .any(|e| self.has(e, Sense::Every) && self.unit_phrase_reaches(e + 1, i))
    }

    /// Whether phrases of units, ordinals and links lead from token `from` to token `to`.
    fn unit_phrase_reaches(&self, from: usize, to: usize) -> bool {
        let mut reached = [false; EVERY_REACH + 1];
        reached[0] = true;
        for k in from..to {
            if !reached[k - from] {
                continue;
            }
            for &(j, s) in self.senses_at(k) {
                let recurring = matches!(s, Sense::Unit(_) | Sense::Last | Sense::Ordinal(_));
                if (recurring || is_link(s)) && j > k && j <= to {
                    reached[j - from] = true;
                }
            }
        }
        reached[to - from]
    }

    /// Whether token `i` has only senses that lead on ([`first::LEADS`]) and every
    /// phrase of it ends before a word with no sense and no digit (or the region's end),
    /// which no expression goes on with: `de`, `van`, `het` before most words; or
    /// before an article that leads nowhere in turn (`de la France`).
    fn leads_nowhere(&self, i: usize) -> bool {
        self.only_leads_to(i, first::LEADS, |j| {
            self.is_plain_word(j)
                || self.only_leads_to(j, first::ARTICLES, |k| self.is_plain_word(k))
        })
    }

    /// Whether token `i` is a word without digit whose senses are all of `kinds`, and
    /// every phrase of it ends at a token `ends_nowhere` accepts, bar a century after it.
    #[inline]
    fn only_leads_to(&self, i: usize, kinds: Kinds, ends_nowhere: impl Fn(usize) -> bool) -> bool {
        let Some(&own) = self.sense_kinds.get(i) else {
            return false;
        };
        if own == 0 || own & !kinds != 0 {
            return false;
        }
        let word = self
            .toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && !t.has_digit);
        // `le XIXe siècle`: a Roman ordinal is a word without sense before the century.
        word && self
            .senses_at(i)
            .iter()
            .all(|&(j, _)| ends_nowhere(j) && !self.has(j + 1, Sense::Century))
    }

    /// Whether token `j` is a word with no sense and no digit, or past the region's end.
    fn is_plain_word(&self, j: usize) -> bool {
        self.toks.get(j).is_none_or(|t| {
            t.kind == Kind::Word && self.sense_kinds[j] & !first::CONTEXT == 0 && !t.has_digit
        })
    }

    /// Whether token `i` is a number, a word with a digit (`3e`, `Q3`), or has a sense
    /// of a kind in `kinds`.
    fn may_start(&self, i: usize, kinds: Kinds) -> bool {
        self.toks.get(i).is_some_and(|tok| match tok.kind {
            Kind::Num { .. } => true,
            Kind::Punct => false,
            Kind::Word => self.sense_kinds[i] & kinds != 0 || tok.has_digit,
        })
    }

    /// The longest expression starting at token `i`.
    pub fn parse(&self, i: usize) -> Option<Parse> {
        let candidates = [
            self.interval(i),
            self.modified(i),
            self.part(i).map(|(j, m, b)| (j, Expr::Modified(m, b))),
            self.duration(i),
            self.fiscal(i),
            self.point(i, false).map(|(j, b)| self.modifier_after(j, b)),
            self.decade(i),
            self.rest(i),
            self.article_shifted(i),
        ];
        candidates.into_iter().flatten().max_by_key(|&(j, _)| j)
    }

    // ---- token helpers ----

    fn sense<T>(&self, i: usize, f: impl Fn(Sense) -> Option<T>) -> Option<(usize, T)> {
        self.senses_at(i)
            .iter()
            .find_map(|&(j, s)| f(s).map(|v| (j, v)))
    }

    // Inlined: the mask test folds to one AND for the constant `want` of each caller.
    #[inline(always)]
    fn is(&self, i: usize, want: Sense) -> Option<usize> {
        if self
            .sense_kinds
            .get(i)
            .is_none_or(|k| k & want.kind_bit() == 0)
        {
            return None;
        }
        self.find_sense(i, want)
    }

    /// Whether the token before token `i` is a word joining two dates (`et`, `en`):
    /// `mardi et mercredi`.
    pub fn follows_and(&self, i: usize) -> bool {
        i > 0 && self.is(i - 1, Sense::And) == Some(i)
    }

    /// The scan behind [`Parser::is`], out of line: it runs far less often than the test.
    #[inline(never)]
    fn find_sense(&self, i: usize, want: Sense) -> Option<usize> {
        self.sense(i, |s| (s == want).then_some(()))
            .map(|(j, ())| j)
    }

    #[inline(always)]
    fn has(&self, i: usize, want: Sense) -> bool {
        self.is(i, want).is_some()
    }

    /// Whether a token of the region has a sense of `want`'s kind.
    fn region_has_kind(&self, want: Sense) -> bool {
        self.region_kinds & want.kind_bit() != 0
    }

    /// Whether token `i` has a sense of `want`'s kind, whatever its value (one AND).
    fn has_kind(&self, i: usize, want: Sense) -> bool {
        self.sense_kinds
            .get(i)
            .is_some_and(|k| k & want.kind_bit() != 0)
    }

    /// Whether a token of the sentence around token `i` (up to [`SENTENCE_TOKENS`] each
    /// side) has the sense `want`.
    fn sentence_has(&self, i: usize, want: Sense) -> bool {
        let ends = |k: usize| self.punct(k, ".!?");
        let before = (i.saturating_sub(SENTENCE_TOKENS)..i)
            .rev()
            .take_while(|&k| !ends(k))
            .any(|k| self.has(k, want));
        before
            || (i..self.toks.len().min(i + SENTENCE_TOKENS))
                .take_while(|&k| !ends(k))
                .any(|k| self.has(k, want))
    }

    fn num(&self, i: usize) -> Option<(u32, u8)> {
        self.toks.get(i).and_then(Token::num)
    }

    fn punct(&self, i: usize, chars: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && chars.contains(t.folded.as_str()))
    }

    /// Whether token `i` follows the previous one without a space.
    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// Skips a `.` glued to an abbreviation.
    fn skip_dot(&self, i: usize) -> usize {
        if self.punct(i, ".") && self.attached(i) {
            i + 1
        } else {
            i
        }
    }

    // ---- numbers ----

    /// A small amount: digits or a number word.
    fn amount(&self, i: usize) -> Option<(usize, u32)> {
        if let Some((n, digits)) = self.num(i) {
            return (digits <= 3 && n > 0 && !self.in_number_group(i)).then_some((i + 1, n));
        }
        // The longest number phrase: `een paar` (two), not `een`.
        self.senses_at(i)
            .iter()
            .filter_map(|&(j, s)| match s {
                Sense::Number(n) => Some((j, n)),
                _ => None,
            })
            .max_by_key(|&(j, _)| j)
    }

    /// An ordinal of a period, where `LAST` stands for `laatste`, `dernier`.
    fn period_ordinal(&self, i: usize) -> Option<(usize, u32)> {
        self.ordinal(i)
            .or_else(|| self.is(i, Sense::Last).map(|j| (j, LAST)))
    }

    /// An ordinal: `derde`, `3e`, `1er`.
    fn ordinal(&self, i: usize) -> Option<(usize, u32)> {
        if let Some(found) = self.sense(i, |s| match s {
            Sense::Ordinal(n) => Some(n),
            _ => None,
        }) {
            // `les premiers jalons`: a plural ordinal only counts periods (`year_edge`).
            return (!self.has(i, Sense::Plural)).then_some(found);
        }
        let tok = self.toks.get(i)?;
        let digits = tok.folded.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            return None;
        }
        let suffix = &tok.folded[digits..];
        self.phrases
            .ordinal_suffixes
            .iter()
            .any(|s| s == suffix)
            .then(|| tok.folded[..digits].parse().ok())
            .flatten()
            .map(|n| (i + 1, n))
    }

    /// A day of the month: `3`, `03`, `3e`, `1er`, `derde`.
    fn day(&self, i: usize) -> Option<(usize, u32)> {
        let (j, d) = match self.num(i) {
            Some((n, digits)) if digits <= 2 => (i + 1, n),
            Some(_) => return None,
            None => self.ordinal(i).or_else(|| {
                self.sense(i, |s| match s {
                    Sense::Number(n) => Some(n),
                    _ => None,
                })
            })?,
        };
        (1..=31).contains(&d).then_some((j, d))
    }

    /// A four-digit year within `range`.
    fn year_in(&self, i: usize, range: &std::ops::RangeInclusive<u32>) -> Option<(usize, i32)> {
        let (n, digits) = self.num(i)?;
        (digits == 4
            && range.contains(&n)
            && !self.in_number_group(i)
            && !self.quantity_after(i + 1))
        .then_some((i + 1, n as i32))
    }

    /// A year after a month or day: four digits, or two (`juillet 98`, `15.05.99`).
    fn year_after_date(&self, i: usize, allow_short: bool) -> Option<(usize, i32)> {
        if let Some(found) = self.year_in(i, &YEARS) {
            return Some(found);
        }
        let Some((n, digits)) = self.num(i) else {
            return self.year_in_words(i);
        };
        (allow_short && digits == 2 && !self.in_number_group(i) && !self.quantity_after(i + 1))
            .then(|| (i + 1, full_year(n)))
    }

    /// A year in words after a day or month: `tweeduizend (en) achttien`, `negentien
    /// zevenentachtig`, `deux mille dix-huit`, or `tweeduizend` before punctuation.
    fn year_in_words(&self, i: usize) -> Option<(usize, i32)> {
        let number = |k: usize| {
            self.sense(k, |s| match s {
                Sense::Number(n) => Some(n),
                _ => None,
            })
        };
        let (j, head) = number(i)?;
        let after_and = self.is(j, Sense::And).unwrap_or(j);
        let tail = number(after_and).filter(|&(_, n)| (1..100).contains(&n));
        let year = match (head, tail) {
            // `tweeduizend achttien`, `negentienhonderd en één`
            (1000..=2999, Some((e, n))) if head % 100 == 0 => (e, head + n),
            // `tweeduizend.`: a round thousand alone only before punctuation or the end.
            (1000..=2999, None) if head % 1000 == 0 => {
                let closed = self.toks.get(j).is_none_or(|t| t.kind == Kind::Punct);
                closed.then_some((j, head))?
            }
            // `negentien zevenentachtig`: century and year, without `en`.
            (10..=29, Some((e, n))) if after_and == j && n >= 10 => (e, head * 100 + n),
            _ => return None,
        };
        Some((year.0, year.1 as i32))
    }

    /// Whether the number at `i` is part of a larger number (`1.500`, `2 000`, `3,5`).
    fn in_number_group(&self, i: usize) -> bool {
        let glued_number = |sep: usize, num: usize| {
            self.punct(sep, ".,")
                && self.attached(sep)
                && self.attached(num)
                && self.num(num).is_some()
        };
        let after = glued_number(i + 1, i + 2);
        let before = i >= 2 && glued_number(i - 1, i) && self.attached(i - 1);
        let grouped_by_space = self.num(i + 1).is_some_and(|(_, d)| d == 3)
            || (i >= 1 && self.num(i - 1).is_some() && self.num(i).is_some_and(|(_, d)| d == 3));
        after || before || grouped_by_space
    }

    /// Whether a quantity word (`euro`, `%`, `banen`) follows.
    fn quantity_after(&self, i: usize) -> bool {
        self.has(i, Sense::Quantity)
    }

    // ---- productions ----

    fn unit(&self, i: usize) -> Option<(usize, Unit)> {
        let (end, unit) = self.sense(i, |s| match s {
            Sense::Unit(u) => Some(u),
            _ => None,
        })?;
        // `een jaar of zestig` is about sixty years, not one: no amount of this unit. A
        // second amount of time is an alternative (`over een week of een jaar`).
        let approximate = self.is(end, Sense::ApproximateCount).is_some_and(|k| {
            self.amount(k)
                .is_some_and(|(j, n)| n >= 2 && !self.has_kind(j, Sense::Unit(Unit::Day)))
        });
        (!approximate).then_some((end, unit))
    }

    /// A point or period; `cued` when a preposition already marks it as a date.
    pub fn point(&self, i: usize, cued: bool) -> Option<(usize, Base)> {
        if !self.may_start(i, first::POINT) {
            debug_assert!(
                self.point_alternatives(i) == [None, None] && self.bare_year(i, cued).is_none(),
                "a point starts at token {i}, outside first::POINT"
            );
            return None;
        }
        // Computed once for both values of `cued`: `parse` asks for the plain point, and
        // the interval alternative for the cued one, at every token.
        let [before, after] = memoized(self.point_memo.get(i), || self.point_alternatives(i));
        let candidates = [
            before,
            self.bare_year(i, cued),
            after,
            self.day_of_relative_month(i, cued),
            // `tegen Jan`: an abbreviation alone is a name unless its dot says otherwise.
            self.month(i, true)
                .filter(|&(j, _)| {
                    cued && (self.month(i, false).is_some() || self.punct(j - 1, "."))
                })
                .map(|(j, m)| (j, Base::Month(YearRef::Implicit, m))),
        ];
        candidates.into_iter().flatten().max_by_key(|&(j, _)| j)
    }

    /// The alternatives of [`Parser::point`] that do not depend on `cued`: the longest of
    /// those listed before `bare_year`, and of those after it (the order breaks ties).
    fn point_alternatives(&self, i: usize) -> [Option<Point>; 2] {
        let longest =
            |found: &[Option<Point>]| found.iter().flatten().copied().max_by_key(|&(j, _)| j);
        [
            longest(&[
                self.gated(i, first::ARTICLE, || self.with_article(i)),
                self.gated(i, first::WEEKDAY, || self.weekday_date(i)),
                self.gated(i, first::RELATIVE_DAY, || self.relative_day(i)),
                self.gated(i, first::RELATIVE_UNIT, || self.relative_unit(i)),
                self.gated(i, first::OFFSET, || self.offset(i)),
                self.gated(i, first::NUMBER, || self.numeric_date(i)),
                self.gated(i, first::DAY, || self.day_month(i)),
                self.gated(i, first::MONTH, || self.month_first(i)),
                self.gated(i, first::ORDINAL, || self.ordinal_period(i)),
                self.gated(i, first::NUMBER, || self.coded_period(i)),
                // Last: it wins the tie with the same words read from the anchor.
                self.gated(i, first::PREVIOUS_PERIOD, || self.period_of_previous(i)),
                self.gated(i, first::ARTICLE | first::WEEKDAY, || {
                    self.weekday_of_previous(i)
                }),
            ]),
            longest(&[
                self.gated(i, first::NUMBER, || self.year_month(i)),
                self.gated(i, first::UNIT, || self.unit_year(i)),
                self.gated(i, first::WEEK, || self.week_weekday(i)),
                self.gated(i, first::HOLIDAY, || self.holiday(i)),
                self.gated(i, first::SEASON, || self.season(i)),
                self.gated(i, first::OF_PREVIOUS_YEAR, || self.of_previous_year(i)),
                self.gated(i, first::NIGHT, || self.night(i)),
                self.gated(i, first::DAY, || self.bare_day(i)),
                self.gated(i, first::NUMBER, || self.spaced_date(i)),
                self.gated(i, first::MONTH, || self.glued_named_date(i)),
                self.gated(i, first::NTH_WEEKDAY, || self.nth_weekday(i)),
                self.gated(i, first::SHIFT, || self.shifted_day(i)),
                self.gated(i, first::RELATIVE_UNIT, || self.relative_year_month(i)),
            ]),
        ]
    }

    /// `alternative()` of a point at token `i`, tried only when the token may begin it:
    /// a number, a word with a digit, or a word with a sense of one of `kinds`.
    fn gated(
        &self,
        i: usize,
        kinds: Kinds,
        alternative: impl FnOnce() -> Option<Point>,
    ) -> Option<Point> {
        if self.may_start(i, kinds) {
            return alternative();
        }
        debug_assert!(
            alternative().is_none(),
            "a point alternative starts at token {i}, outside its first kinds"
        );
        None
    }
}

/// The year a two-digit year stands for: `24` is 2024, `98` is 1998 (the pivot is 50).
fn full_year(two_digits: u32) -> i32 {
    let n = two_digits as i32;
    if n < 50 {
        2000 + n
    } else {
        1900 + n
    }
}

/// Whether day `d` exists in month `m` of `year` (any leap year when unknown).
pub fn valid_day(year: Option<i32>, m: u32, d: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(year.unwrap_or(2000), m, d).is_some()
}
