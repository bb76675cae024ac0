//! The date grammar: recognizes expressions over tokens, without resolving them.
//!
//! One parser serves every language: the words come from the lexicon, and both orders of
//! shift and unit (`vorig jaar`, `l'an dernier`) and of day and month are accepted.

use chrono::{Datelike, NaiveDate};

use super::lexicon::{Holiday, Phrases, Season, Sense, TimexMod, Unit, WeekdayShift, NO_WORD};
use super::tense::Tense;
use super::token::{Kind, Token};
use std::cell::Cell;

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
    sense_kinds: Vec<u64>,
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
    Vec<u64>,
    PointMemo,
    EndpointMemo,
);

type PointMemo = Vec<Memo<[Option<Point>; 2]>>;
type EndpointMemo = Vec<Memo<Option<(usize, Endpoint)>>>;

/// A point or period and the token index after it.
type Point = (usize, Base);

/// A sub-parse at one token, once computed.
type Memo<T> = Cell<Option<T>>;

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
    sense_kinds: &mut Vec<u64>,
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
    use super::{Holiday, Season, Sense, TimexMod, Unit, WeekdayShift};

    pub const ARTICLE: u64 = Sense::kinds(&[Sense::Article, Sense::RelativeArticle]);
    pub const WEEKDAY: u64 = Sense::kinds(&[
        Sense::WeekdayShift(WeekdayShift::Next),
        Sense::Weekday(0),
        Sense::WeekdayAbbr(0),
    ]);
    pub const RELATIVE_DAY: u64 = Sense::kinds(&[Sense::RelativeDay(0), Sense::AfterPrevious(0)]);
    pub const RELATIVE_UNIT: u64 =
        Sense::kinds(&[Sense::Shift(0), Sense::Unit(Unit::Day), Sense::Month(0)]);
    pub const OFFSET: u64 = Sense::kinds(&[
        Sense::LaterBefore,
        Sense::AgoBefore,
        Sense::Approximation,
        Sense::Number(0),
    ]);
    /// Only numbers and words with a digit.
    pub const NUMBER: u64 = 0;
    pub const DAY: u64 = Sense::kinds(&[Sense::Ordinal(0), Sense::Number(0)]);
    pub const MONTH: u64 = Sense::kinds(&[Sense::Month(0), Sense::MonthAbbr(0)]);
    pub const ORDINAL: u64 = Sense::kinds(&[Sense::Ordinal(0), Sense::Last]);
    pub const UNIT: u64 = Sense::kinds(&[Sense::Article, Sense::Unit(Unit::Day)]);
    pub const WEEK: u64 = RELATIVE_UNIT | Sense::kinds(&[Sense::DayLink]);
    pub const HOLIDAY: u64 = Sense::kinds(&[
        Sense::Shift(0),
        Sense::Holiday(Holiday::Fixed(1, 1)),
        Sense::CuedHoliday(Holiday::Fixed(1, 1)),
    ]);
    pub const SEASON: u64 = Sense::kinds(&[Sense::Shift(0), Sense::Season(Season::Spring)]);
    pub const NTH_WEEKDAY: u64 = Sense::kinds(&[Sense::Article, Sense::Ordinal(0), Sense::Last]);
    pub const SHIFT: u64 = Sense::kinds(&[Sense::Shift(0)]);

    /// Any point.
    pub const POINT: u64 = ARTICLE
        | WEEKDAY
        | RELATIVE_DAY
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
    pub const LEADS: u64 = Sense::kinds(&[
        Sense::Article,
        Sense::RelativeArticle,
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
    /// An chinois`, `vacances de printemps`): to the rest of the grammar, plain words.
    pub const CONTEXT: u64 = Sense::kinds(&[Sense::PlaceNoun, Sense::HolidayQualifier]);

    /// Articles: no expression ends with one, so an expression that reaches one goes on
    /// after it with a number, a word with a digit or a lexicon word, as after
    /// [`LEADS`] ([`Parser::can_start`] looks through one after a leading token: `de la
    /// France`, `dans les rues`).
    pub const ARTICLES: u64 =
        Sense::kinds(&[Sense::Article, Sense::RelativeArticle, Sense::DayArticle]);

    /// Any expression: a point, an interval's opener or endpoint, a modifier, a part, a
    /// duration, a fiscal year, a decade or a rest. `de`, `à`, `et`, `pour` (cue, `of`
    /// and `to` words only) begin none.
    pub const EXPRESSION: u64 = POINT
        | Sense::kinds(&[
            Sense::From,
            Sense::Between,
            Sense::Part(TimexMod::Start),
            Sense::Now,
            Sense::DayArticle,
            Sense::Modifier(TimexMod::Start),
            Sense::Within,
            Sense::Fiscal,
            Sense::Decade,
            Sense::Rest,
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
        if !may_start || (i > 0 && self.has(i - 1, Sense::Every)) {
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

    /// Whether an expression found at `i` names a street or place: it is the link after a
    /// place noun, or comes after one (`rue du 4-Septembre`, `place de la Libération`).
    pub fn names_place(&self, i: usize) -> bool {
        // `rue du 4-Septembre`, `avenue du 8-Mai-1945`, `boulevard du 11 Novembre`: the name
        // goes on through hyphens and from its day to its month.
        let mut i = i;
        loop {
            if i >= 2 && self.punct(i - 1, "-") && self.attached(i) && self.attached(i - 1) {
                i -= 2;
            } else if i >= 1 && self.num(i - 1).is_some() && self.month(i, false).is_some() {
                i -= 1;
            } else {
                break;
            }
        }
        let after_noun = |at: usize| {
            (at.saturating_sub(2)..at).any(|k| self.is(k, Sense::PlaceNoun) == Some(at))
        };
        if self.has(i, Sense::Of) && after_noun(i) {
            return true;
        }
        (i.saturating_sub(3)..i).any(|k| {
            let Some(of_end) = self.is(k, Sense::Of) else {
                return false;
            };
            let article_end = self.is(of_end, Sense::Article);
            (of_end == i || article_end == Some(i)) && after_noun(k)
        })
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
    fn only_leads_to(&self, i: usize, kinds: u64, ends_nowhere: impl Fn(usize) -> bool) -> bool {
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
    fn may_start(&self, i: usize, kinds: u64) -> bool {
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

    /// `het voorbije kwartaal`, `de vorige zomer`: an article before a quarter, half or
    /// season named by a shift word belongs to it, as to `het derde kwartaal`.
    fn article_shifted(&self, i: usize) -> Option<Parse> {
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

    /// `2018 of later`: a modifier after the period.
    fn modifier_after(&self, j: usize, base: Base) -> Parse {
        match self.sense(j, |s| match s {
            Sense::ModifierAfter(m) => Some(m),
            _ => None,
        }) {
            Some((k, m)) => (k, Expr::Modified(m, base)),
            None => (j, Expr::Point(base)),
        }
    }

    /// `de rest van het jaar`, `le reste de la semaine`: from the anchor to the period's
    /// last day.
    fn rest(&self, i: usize) -> Option<Parse> {
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

    /// `jaren 1990`, `de jaren '90`, `les années 1990`, `21e eeuw`.
    fn decade(&self, i: usize) -> Option<Parse> {
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
        self.sense(i, |s| match s {
            Sense::Number(n) => Some(n),
            _ => None,
        })
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
        (allow_short && digits == 2 && !self.in_number_group(i)).then(|| {
            (
                i + 1,
                if n < 50 {
                    2000 + n as i32
                } else {
                    1900 + n as i32
                },
            )
        })
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

    /// `van A tot B`, `tussen A en B`, `A - B`, `A tot B`.
    fn interval(&self, i: usize) -> Option<Parse> {
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
            .or_else(|| self.season_years(i))
    }

    /// `2019/2020`, `2019-20`, `2020/21`: a season or fiscal year over two consecutive
    /// years, written as the interval between them like `2019-2020`.
    fn season_years(&self, i: usize) -> Option<Parse> {
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
    fn day_pair(&self, i: usize) -> Option<Parse> {
        // `samedi 8 et dimanche 9 décembre`: each day may carry its weekday.
        let weekday = |k: usize| {
            self.sense(k, |s| match s {
                Sense::Weekday(_) => Some(()),
                _ => None,
            })
            .map_or(k, |(e, ())| e)
        };
        let i = weekday(i);
        let (d, digits) = self.num(i)?;
        if digits > 2 || self.in_number_group(i) {
            return None;
        }
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

    /// `sinds 2015`, `jusqu'en 2023`, `d'ici à la fin de 2021`.
    fn modified(&self, i: usize) -> Option<Parse> {
        let (j, m) = self.sense(i, |s| match s {
            Sense::Modifier(m) => Some(m),
            _ => None,
        })?;
        let part_follows = self.is(j, Sense::Article).is_some_and(|a| {
            self.sense(a, |s| matches!(s, Sense::Part(_)).then_some(()))
                .is_some()
        });
        // `depuis le 17 novembre`, `avant le 3 mars`
        let dated_day = self
            .is(j, Sense::DayArticle)
            .filter(|&k| self.day_month(k).is_some());
        if m == TimexMod::Before
            && self.has(j, Sense::Article)
            && !part_follows
            && dated_day.is_none()
        {
            // `voor de komende week`: "for", not "before".
            return None;
        }
        let j = dated_day.unwrap_or(j);
        // `sinds de zomer`, `depuis l'automne`: a season takes its article.
        let season = || self.is(j, Sense::Article).and_then(|a| self.season(a));
        let found = match self.part(j) {
            Some((k, _, base)) => (k, base),
            None => self.point(j, true).or_else(season)?,
        };
        // `vanaf 2021 of later`: the modifier after the period says it (but `avant Noël ou
        // avant le débat` is two alternatives).
        let modifier_after = m == TimexMod::OnOrAfter
            && self.has(found.0, Sense::ModifierAfter(TimexMod::OnOrAfter));
        // `Voor volgend jaar verwacht de bank ...`, `Voor dit jaar wordt gerekend op ...`: a
        // sentence that opens with a "before" that is also "for" (a duration cue: `voor
        // twee weken`) and a year counted from now says what it is for. A year by number
        // is as often a deadline or a limit (`Voor 2025 moeten de platen vervangen zijn`,
        // `Voor 2010 kwam dat nooit voor`).
        // So does one before a year by number in a sentence of forecasts (`De Commissie
        // verwacht voor 2026 een tekort`, `Voor 2027 mikt de regering op ...`).
        let opens_sentence = i == 0 || self.punct(i - 1, ".!?");
        let for_year = m == TimexMod::Before
            && self.has(i, Sense::DurationCue)
            && match found.1 {
                Base::RelativeUnit(Unit::Year, _) => opens_sentence,
                Base::Year(YearRef::Abs(_)) => self.sentence_has(i, Sense::Forecast),
                _ => false,
            };
        if matches!(found.1, Base::Offset(..))
            || modifier_after
            || for_year
            || self.interval(j).is_some_and(|(e, _)| e > found.0)
        {
            return None;
        }
        let base = if self.has(i, Sense::Since) {
            in_the_past(found.1)
        } else {
            found.1
        };
        Some((found.0, Expr::Modified(m, base)))
    }

    /// `begin 2020`, `eind dit jaar`, `la fin de 2021`, `mi-2020`.
    fn part(&self, i: usize) -> Option<(usize, TimexMod, Base)> {
        let i = self.is(i, Sense::Article).unwrap_or(i);
        let (mut j, m) = self.sense(i, |s| match s {
            Sense::Part(m) => Some(m),
            _ => None,
        })?;
        let mut of_taken = false;
        if self.punct(j, "-") && self.attached(j) {
            j += 1;
        } else if let Some(k) = self.is(j, Sense::Of) {
            j = k;
            of_taken = true;
        }
        // `later in het jaar`: only the current period follows the link.
        let linked = self.is(j, Sense::PartLink);
        let after_link = linked.unwrap_or(j);
        // The article may be dropped or merged into the link: `fin du mois`, `fin de l'année`.
        let current = self
            .is(after_link, Sense::Article)
            .or_else(|| of_taken.then_some(after_link))
            .filter(|&a| !self.has(a, Sense::Plural))
            .and_then(|a| self.unit(a))
            .filter(|&(_, u)| u != Unit::Day && u != Unit::Decade)
            .map(|(k, u)| (k, current_period(u)));
        let (k, base) = match linked {
            Some(_) => current?,
            None => self.point(j, true).or(current)?,
        };
        let periodic = matches!(
            base,
            Base::Year(_)
                | Base::Month(..)
                | Base::MonthShift(..)
                | Base::Quarter(..)
                | Base::Half(..)
                | Base::RelativeUnit(..)
                | Base::Season(..)
        );
        periodic.then_some((k, m, base))
    }

    /// `de komende vijf jaar`, `les trois prochaines années`, `afgelopen 5 jaren`, `binnen 9 maanden`.
    fn duration(&self, i: usize) -> Option<Parse> {
        // Spans counted in parts of a year or month, which read like durations.
        if let Some(found) = self.months_of_year(i).or_else(|| self.half_month(i)) {
            return Some(found);
        }
        if let Some(found) = self.bare_duration(i) {
            return Some(found);
        }
        if let Some(j) = self.is(i, Sense::Within) {
            let j = self.is(j, Sense::Article).unwrap_or(j);
            if let Some(found) = self.duration(j) {
                return Some(found);
            }
            let (k, n) = self.amount(j)?;
            let (end, unit) = self.unit(k)?;
            return Some((end, Expr::Duration(n as i32, unit)));
        }
        let shift = |i| {
            self.sense(i, |s| match s {
                Sense::Shift(n) if n != 0 => Some(n),
                _ => None,
            })
        };
        // shift amount unit | amount shift unit
        let (end, sign, n, unit, shift_at, unit_at) = if let Some((j, sign)) = shift(i) {
            let Some((k, n)) = self.amount(j) else {
                return self.some_units(j, sign, self.has(i, Sense::Plural));
            };
            let (end, unit) = self.unit(k)?;
            (end, sign, n, unit, i, k)
        } else {
            let (j, n) = self.amount(i)?;
            let (k, sign) = shift(j)?;
            let (end, unit) = self.unit(k)?;
            (end, sign, n, unit, j, k)
        };
        // `23 volgende maand` is a day of next month, not 23 months: several units are
        // plural in the unit or the shift (`drie maanden`, `trois prochains mois`), but
        // Dutch counts years in the singular (`vijf jaar`).
        let plural = self.has(shift_at, Sense::Plural) || self.has(unit_at, Sense::Plural);
        if n > 1 && !plural && unit != Unit::Year {
            return None;
        }
        Some((end, Expr::Duration(sign * n as i32, unit)))
    }

    /// `sinds drie jaar`, `pendant dix jours`, `na amper vijf maanden`, `nog geen twee jaar`,
    /// `vijf jaar cel`: an amount of time after a duration cue or a hedge, or before a
    /// closer, without them (TIMEX3 leaves such signals out). Elsewhere a bare amount is as often an age (`à 87 ans`) or a
    /// count.
    fn bare_duration(&self, i: usize) -> Option<Parse> {
        let (j, n) = self.amount(i)?;
        let (end, unit) = self.unit(j)?;
        // A cue phrase of up to three words that ends right before the amount, or a hedge
        // (after a cue or alone); a hedge alone before many years sets an age limit (`les
        // moins de 25 ans`, `chômeurs de plus de 50 ans`).
        let phrase_before = |at: usize, wants: &[Sense]| {
            (at.saturating_sub(3)..at).find(|&k| wants.iter().any(|&w| self.is(k, w) == Some(at)))
        };
        let cues = [Sense::DurationCue, Sense::Since];
        // `sinds drie jaar`, `depuis trois ans`: the time up to the anchor.
        let since = phrase_before(i, &[Sense::Since]).is_some();
        let cued = phrase_before(i, &cues).is_some()
            || self.has(end, Sense::DurationCloser)
            || phrase_before(i, &[Sense::Approximation]).is_some_and(|hedge| {
                phrase_before(hedge, &cues).is_some() || unit != Unit::Year || n < 12
            });
        if !cued {
            return None;
        }
        // `après une année 2016 difficile`, `après un mois de janvier doux`: a period named.
        // (The cue makes a count of units a duration, plural or not: `après cinq mois`.)
        let names_period = self.year_in(end, &YEARS).is_some()
            || self
                .is(end, Sense::Of)
                .is_some_and(|k| self.month(k, false).is_some());
        if self.quantity_after(end) || names_period {
            return None;
        }
        Some((
            end,
            match since {
                true => Expr::Duration(-(n as i32), unit),
                false => Expr::Length(n, unit),
            },
        ))
    }

    /// `(de komende) weken`, `(de voorbije) maanden`, `(ces derniers) mois`: a plural unit
    /// (or one after a plural shift word, `shift_plural`) after a shift word, an unknown
    /// amount of time, but for a plural read otherwise (`jaren negentig`); `(het afgelopen)
    /// decennium`: one decade, moved by `sign`.
    fn some_units(&self, j: usize, sign: i32, shift_plural: bool) -> Option<Parse> {
        let (end, unit) = self.unit(j)?;
        if !self.has(j, Sense::Plural) && !shift_plural {
            return (unit == Unit::Decade).then_some((end, Expr::Duration(sign, unit)));
        }
        let names_period = self.has(end, Sense::Of) || self.has(end, Sense::Decade);
        (!names_period && !self.quantity_after(end)).then_some((end, Expr::Units(unit)))
    }

    /// `de eerste negen maanden van 2024`, `les six premiers mois de l'année`, `de laatste
    /// drie maanden van 2023`, `les deux premiers trimestres`: months counted from the
    /// start or back from the end of a year. Without a year, or `of the year`, the year
    /// is left to the tense; after another `van`, `de` (`les six premiers mois de son
    /// mandat`) or without an article (`zijn eerste negen maanden`), not a year's months.
    fn months_of_year(&self, i: usize) -> Option<Parse> {
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
    fn half_month(&self, i: usize) -> Option<Parse> {
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

    /// `boekjaar 2023`, `l'exercice 2021`.
    fn fiscal(&self, i: usize) -> Option<Parse> {
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

    fn unit(&self, i: usize) -> Option<(usize, Unit)> {
        self.sense(i, |s| match s {
            Sense::Unit(u) => Some(u),
            _ => None,
        })
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
            ]),
            longest(&[
                self.gated(i, first::NUMBER, || self.year_month(i)),
                self.gated(i, first::UNIT, || self.unit_year(i)),
                self.gated(i, first::WEEK, || self.week_weekday(i)),
                self.gated(i, first::HOLIDAY, || self.holiday(i)),
                self.gated(i, first::SEASON, || self.season(i)),
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
        kinds: u64,
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

    /// Article + period: `het derde kwartaal`, `la semaine prochaine`, `de 5e`.
    fn with_article(&self, i: usize) -> Option<(usize, Base)> {
        let relative = self
            .is(i, Sense::RelativeArticle)
            .and_then(|j| self.relative_unit(j));
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
    fn day_of_relative_month(&self, i: usize, cued: bool) -> Option<(usize, Base)> {
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

    /// Whether `d/m` at `i` is a date rather than a fraction or score: after a date word,
    /// zero-padded (`22/04`), or alone.
    fn dated_fraction(&self, i: usize) -> bool {
        let padded = [i, i + 2]
            .iter()
            .any(|&k| self.toks.get(k).is_some_and(|t| t.folded.starts_with('0')));
        let alone = i == 0 && self.toks.len() == i + 3;
        padded || alone || (self.date_word_before(i) && !self.fraction_after_of(i))
    }

    /// `une note de 8/10`, `een meerderheid van 2/3`, `les 3/4`: a proper fraction after a
    /// bare `of` word (or an article) is a share or a rating, unless an interval goes on after it
    /// (`van 4/6 tot 8/6`). `van 29/2` cannot be a proper fraction.
    fn fraction_after_of(&self, i: usize) -> bool {
        let weak_cue = self.weak_cue_before(i);
        let proper = match (self.num(i), self.num(i + 2)) {
            (Some((a, _)), Some((b, _))) => a < b,
            _ => false,
        };
        let continues = self.has(i + 3, Sense::To) || self.punct(i + 3, "-");
        weak_cue && proper && !continues
    }

    /// Whether the token before `i` is only an `of` word, year or duration cue or article
    /// (`de`, `van`, `en`, `pour`), which also comes before amounts.
    fn weak_cue_before(&self, i: usize) -> bool {
        i > 0
            && self.senses_at(i - 1).iter().all(|&(_, s)| {
                matches!(
                    s,
                    Sense::Of
                        | Sense::KindLink
                        | Sense::DurationCue
                        | Sense::YearCue
                        | Sense::From
                        | Sense::Article
                        | Sense::RelativeArticle
                )
            })
    }

    /// Whether the token before `i` is a date word (`op`, `van`, `le`, `sinds`, a weekday).
    fn date_word_before(&self, i: usize) -> bool {
        i > 0
            && self.senses_at(i - 1).iter().any(|&(_, s)| {
                matches!(
                    s,
                    Sense::YearCue
                        | Sense::DayLink
                        | Sense::DayArticle
                        | Sense::Article
                        | Sense::Of
                        | Sense::Modifier(_)
                        | Sense::From
                        | Sense::To
                        | Sense::Between
                        | Sense::And
                        | Sense::Weekday(_)
                        | Sense::WeekdayAbbr(_)
                        | Sense::WeekdayShift(_)
                        | Sense::Shift(_)
                        | Sense::OffsetLink(_)
                )
            })
    }

    /// Whether a bare day number may end at `k`: at the end, before punctuation that
    /// does not continue a number, or before a word that may follow a date.
    fn closes_bare_day(&self, k: usize) -> bool {
        match self.toks.get(k) {
            None => true,
            Some(t) if t.kind == Kind::Punct => {
                !self.punct(k, "%-/.,:") || self.toks.get(k + 1).is_none_or(|n| n.space_before)
            }
            Some(_) => {
                self.has(k, Sense::AfterBareDay) || self.sense_kinds[k] & !first::CONTEXT != 0
            }
        }
    }

    /// `van juli`, `van de volgende maand`, `van deze maand`: the month after an ordinal.
    fn month_ref(&self, i: usize) -> Option<(usize, MonthRef)> {
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
    fn shifted_day(&self, i: usize) -> Option<(usize, Base)> {
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

    /// `volgend jaar juni`.
    fn relative_year_month(&self, i: usize) -> Option<(usize, Base)> {
        let (j, Base::RelativeUnit(Unit::Year, n)) = self.relative_unit(i)? else {
            return None;
        };
        let (k, m) = self.month(j, false)?;
        Some((k, Base::Month(YearRef::Rel(n), m)))
    }

    /// `de eerste vrijdag van juli`, `de laatste zondag van de maand`.
    fn nth_weekday(&self, i: usize) -> Option<(usize, Base)> {
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

    /// `de 9e van mei`, `tweede van augustus`.
    fn ordinal_day_month(&self, i: usize) -> Option<(usize, Base)> {
        let (j, d) = self.ordinal(i)?;
        let k = self.is(j, Sense::Of)?;
        let (end, m) = self.month(k, true)?;
        self.finish_day(end, d, m)
    }

    /// `dinsdag`, `vorige dinsdag`, `mardi prochain`, `vendredi 3 février 2023`.
    fn weekday_date(&self, i: usize) -> Option<(usize, Base)> {
        // `le huitième samedi de mobilisation`: a count of weekdays, not the latest one;
        // `tombe un samedi`, `op een zondag`: any such day.
        let one_before = i > 0
            && self.toks.get(i - 1).is_some_and(|t| !t.has_digit)
            && self.has(i - 1, Sense::Number(1));
        if i > 0 && (self.ordinal(i - 1).is_some() || one_before) {
            return None;
        }
        let shift_before = self.sense(i, |s| match s {
            Sense::WeekdayShift(w) => Some(w),
            _ => None,
        });
        let start = shift_before.map_or(i, |(j, _)| j);
        let (full, (j, wd)) = match self.sense(start, |s| match s {
            Sense::Weekday(d) => Some(d),
            _ => None,
        }) {
            Some(found) => (true, found),
            None => (
                false,
                self.sense(start, |s| match s {
                    Sense::WeekdayAbbr(d) => Some(d),
                    _ => None,
                })?,
            ),
        };
        let j = if full { j } else { self.skip_dot(j) };
        let k = if self.punct(j, ",") { j + 1 } else { j };
        let dated = [
            self.day_month(k),
            self.numeric_date(k),
            self.day_month_numeric(k),
        ];
        // `ce lundi 2 novembre`: a date after the weekday names the day, whatever the shift.
        match dated.into_iter().flatten().max_by_key(|&(e, _)| e) {
            // `dimanche 3 mars`: the weekday tells the year.
            Some((e, Base::Day(YearRef::Implicit, m, d))) => {
                Some((e, Base::DayOnWeekday(m, d, wd)))
            }
            Some(found) => Some(found),
            None => self.weekday_rest(j, wd, full, shift_before),
        }
    }

    /// The weekday not followed by a date: its shift or its day of the month.
    fn weekday_rest(
        &self,
        j: usize,
        wd: u32,
        full: bool,
        shift_before: Option<(usize, WeekdayShift)>,
    ) -> Option<(usize, Base)> {
        if !full {
            return None;
        }
        if let Some((_, w)) = shift_before {
            return Some((j, Base::Weekday(wd, Some(w))));
        }
        if let Some((e, Base::RelativeUnit(Unit::Week, n))) = self.relative_unit(j) {
            // `vrijdag volgende week`, `vrijdag deze week`
            return Some((e, Base::Weekday(wd, Some(week_shift(n)))));
        }
        // `samedi dernier`; but `ce`, `cette` only come before (`lundi cette manifestation`).
        if let Some((e, w)) = self.sense(j, |s| match s {
            Sense::WeekdayShift(w) if w != WeekdayShift::ThisWeek => Some(w),
            _ => None,
        }) {
            return Some((e, Base::Weekday(wd, Some(w))));
        }
        // `mardi le 3`, `maandag de elfde`; a spelled ordinal before a plain word, and a
        // spelled first or second anywhere, are mostly a noun's (`a déclaré mardi soir le
        // premier ministre`, `devenu jeudi le cinquième président`, `het was zaterdag de
        // achttiende keer`).
        if let Some((e, d)) = self.is(j, Sense::Article).and_then(|a| {
            let spelled = self.toks.get(a).is_some_and(|t| !t.has_digit);
            self.ordinal(a).filter(|&(e, d)| {
                let noun_after = self
                    .toks
                    .get(e)
                    .is_some_and(|t| t.kind == Kind::Word && !t.has_digit)
                    && !self.has(e, Sense::AfterBareDay);
                (1..=31).contains(&d) && !(spelled && (d <= 2 || noun_after))
            })
        }) {
            return Some((e, Base::DayOfMonthOn(d, wd)));
        }
        if let Some((d, digits)) = self.num(j) {
            // A full stop ends the sentence, not a number (`28.05`).
            let sentence_end =
                self.punct(j + 1, ".") && self.toks.get(j + 2).is_none_or(|t| t.space_before);
            // `du lundi 2 au vendredi 6 novembre`: a range goes on.
            let range_goes_on = self.has(j + 1, Sense::To) || self.has(j + 1, Sense::And);
            let closed = sentence_end
                || range_goes_on
                || self
                    .toks
                    .get(j + 1)
                    .is_none_or(|t| t.kind == Kind::Punct && !self.punct(j + 1, "%-/.:"));
            if digits <= 2 && (1..=31).contains(&d) && closed {
                return Some((j + 1, Base::DayOfMonthOn(d, wd)));
            }
        }
        // `du lundi 1er au mercredi 3 décembre`, `van maandag 1e tot woensdag 3 december`.
        if let Some((e, d)) = self
            .ordinal(j)
            .filter(|&(e, d)| (1..=31).contains(&d) && e == j + 1 && self.toks[j].has_digit)
            .filter(|&(e, _)| self.has(e, Sense::To) || self.has(e, Sense::And))
        {
            return Some((e, Base::DayOfMonthOn(d, wd)));
        }
        // `vrijdag van volgende week`, `vendredi de la semaine prochaine`
        let of = self.is(j, Sense::Of).unwrap_or(j);
        let week = [of, self.is(of, Sense::Article).unwrap_or(of)]
            .into_iter()
            .filter(|&k| k > j)
            .find_map(|k| match self.relative_unit(k) {
                Some((e, Base::RelativeUnit(Unit::Week, n))) => Some((e, n)),
                _ => None,
            });
        if let Some((e, n)) = week {
            return Some((e, Base::Weekday(wd, Some(week_shift(n)))));
        }
        // `le Journal du Dimanche`, `le travail du dimanche`: after `du` (a link that is no
        // year cue, unlike `de samedi`, `van zondag`) a bare weekday names a kind of day,
        // unless a range goes on (`du lundi au vendredi`).
        let generic = shift_before.is_none()
            && j >= 2
            && self.has(j - 2, Sense::Of)
            && !self.has(j - 2, Sense::YearCue)
            && !self.has(j, Sense::To);
        // `le musée est fermé le lundi`: after a day's article alone, every such day.
        let every = shift_before.is_none()
            && j >= 2
            && self.has(j - 2, Sense::DayArticle)
            && !self.has(j, Sense::To);
        (!generic && !every).then_some((j, Base::Weekday(wd, None)))
    }

    /// `12-4` or `12/4` after a weekday.
    fn day_month_numeric(&self, i: usize) -> Option<(usize, Base)> {
        let (d, _) = self.num(i)?;
        if !self.punct(i + 1, "-/.") || !self.attached(i + 1) || !self.attached(i + 2) {
            return None;
        }
        let (m, _) = self.num(i + 2)?;
        valid_day(None, m, d).then_some((i + 3, Base::Day(YearRef::Implicit, m, d)))
    }

    /// `gisteren`, `aujourd'hui`, `le lendemain`.
    fn relative_day(&self, i: usize) -> Option<(usize, Base)> {
        if let Some((j, n)) = self.sense(i, |s| match s {
            Sense::AfterPrevious(n) => Some(n),
            _ => None,
        }) {
            // `la veille de Noël`, `au lendemain du scrutin`: the day of an event named after.
            let of_event = self.has(j, Sense::Of) || self.has(j, Sense::KindLink);
            return (!of_event).then_some((j, Base::AfterPrevious(n, Unit::Day)));
        }
        let (j, n) = self.sense(i, |s| match s {
            Sense::RelativeDay(n) => Some(n),
            _ => None,
        })?;
        let blocked = i > 0 && self.has(i - 1, Sense::NotBeforeRelativeDay);
        // `ce soir-là`, `cette nuit là`: that evening, not the anchor's.
        let that_one = self.toks.get(j).is_some_and(|t| t.folded == "là");
        let j = self.skip_ci(j)?;
        (!blocked && !that_one).then_some((j, Base::RelativeDay(n)))
    }

    /// `vorig jaar`, `deze week`, `l'année dernière`, `aanstaande september`, `décembre dernier`.
    fn relative_unit(&self, i: usize) -> Option<(usize, Base)> {
        let shift = |i| {
            self.sense(i, |s| match s {
                Sense::Shift(n) => Some(n),
                _ => None,
            })
        };
        if let Some((j, n)) = shift(i) {
            if let Some((k, u)) = self.unit(j) {
                let plural = self.has(i, Sense::Plural) || self.has(j, Sense::Plural);
                // `cette année du changement` names a year by its event, but `cette année
                // du 4 au 6 juillet` is this year before a range.
                let of_event = self.has(k, Sense::Of) && self.interval(k).is_none();
                if !of_event && !plural && u != Unit::Day && u != Unit::Decade {
                    return self.skip_ci(k).map(|e| (e, Base::RelativeUnit(u, n)));
                }
            }
            if let Some((k, m)) = self.sense(j, |s| match s {
                Sense::Month(m) => Some(m),
                _ => None,
            }) {
                return Some((k, Base::MonthShift(m, n)));
            }
        }
        if let Some((j, u)) = self
            .unit(i)
            .filter(|&(_, u)| u != Unit::Day && !self.has(i, Sense::Plural))
        {
            if let Some((k, n)) = shift(j).filter(|&(k, _)| !self.has(k - 1, Sense::Plural)) {
                return Some((k, Base::RelativeUnit(u, n)));
            }
        }
        let (j, m) = self.sense(i, |s| match s {
            Sense::Month(m) => Some(m),
            _ => None,
        })?;
        let (k, n) = shift(j)?;
        (n != 0).then_some((k, Base::MonthShift(m, n)))
    }

    /// French `ce mois-ci`; `None` for `ce mois-là`, which is not the anchor's.
    fn skip_ci(&self, i: usize) -> Option<usize> {
        let suffix = self
            .toks
            .get(i + 1)
            .filter(|_| self.punct(i, "-"))
            .map(|t| t.folded.as_str());
        match suffix {
            Some("ci") => Some(i + 2),
            Some("là") => None,
            _ => Some(i),
        }
    }

    /// `over twee weken`, `drie jaar geleden`, `il y a deux ans`, `twee dagen na vandaag`.
    fn offset(&self, i: usize) -> Option<(usize, Base)> {
        let amount_unit = |i| {
            // `ruim twee jaar geleden`: the span holds the hedge, the value the amount.
            let i = self.is(i, Sense::Approximation).unwrap_or(i);
            let (j, n) = self.amount(i)?;
            let (k, u) = self.unit(j)?;
            // `in vijf jaar tijd` is a duration.
            (!self.quantity_after(k)).then_some((k, n as i32, u))
        };
        if let Some(j) = self.is(i, Sense::LaterBefore) {
            if let Some((k, n, u)) = amount_unit(j) {
                let linked = self
                    .sense(k, |s| matches!(s, Sense::OffsetLink(_)).then_some(()))
                    .is_some();
                return (!linked).then_some((k, Base::Offset(n, u, From::Anchor)));
            }
        }
        if let Some(j) = self.is(i, Sense::AgoBefore) {
            if let Some((k, n, u)) = amount_unit(j) {
                return Some((k, Base::Offset(-n, u, From::Anchor)));
            }
        }
        let (j, n, u) = amount_unit(i)?;
        // `trois jours plus tard`: from the day named before; not the end of a number
        // (`deux cent trente ans plus tard`).
        let in_number = i > 0
            && self
                .sense(i - 1, |s| matches!(s, Sense::Number(_)).then_some(()))
                .is_some();
        if let Some((k, sign)) = self.sense(j, |s| match s {
            Sense::PreviousLink(sign) if !in_number => Some(sign),
            _ => None,
        }) {
            return Some((k, Base::AfterPrevious(sign * n, u)));
        }
        if let Some(k) = self.is(j, Sense::AgoAfter) {
            return Some((k, Base::Offset(-n, u, From::Anchor)));
        }
        let (k, sign) = self.sense(j, |s| match s {
            Sense::OffsetLink(sign) => Some(sign),
            _ => None,
        })?;
        let k = self.is(k, Sense::Article).unwrap_or(k);
        let now = self.is(k, Sense::Now).map(|e| (e, Base::RelativeDay(0)));
        let from = [
            self.relative_day(k),
            self.weekday_date(k),
            self.day_month(k),
            now,
        ];
        let (end, from) = from.into_iter().flatten().max_by_key(|&(e, _)| e)?;
        let from = match from {
            Base::RelativeDay(d) => From::RelativeDay(d),
            Base::Weekday(wd, None) => From::Weekday(wd),
            Base::Day(y, m, d) => From::Day(y, m, d),
            _ => return None,
        };
        Some((end, Base::Offset(sign * n, u, from)))
    }

    /// `volgende week dinsdag`, `vorige week - maandag`, `volgende week op dinsdag`.
    fn week_weekday(&self, i: usize) -> Option<(usize, Base)> {
        // `op volgende week maandag`: the preposition belongs to this compound.
        let i = self.is(i, Sense::DayLink).unwrap_or(i);
        let (j, Base::RelativeUnit(Unit::Week, n)) = self.relative_unit(i)? else {
            return None;
        };
        let k = if self.punct(j, "-,") {
            j + 1
        } else {
            self.is(j, Sense::DayLink).unwrap_or(j)
        };
        let (end, wd) = self.sense(k, |s| match s {
            Sense::Weekday(d) => Some(d),
            _ => None,
        })?;
        Some((end, Base::Weekday(wd, Some(week_shift(n)))))
    }

    /// `Pasen 2018`, `Kerstmis`, `vorige koningsdag`, `le 14 juillet`.
    fn holiday(&self, i: usize) -> Option<(usize, Base)> {
        let holiday_at = |i| {
            self.sense(i, |s| match s {
                Sense::Holiday(h) => Some(h),
                _ => None,
            })
        };
        if let Some((j, n)) = self.sense(i, |s| match s {
            Sense::Shift(n) if n != 0 => Some(n),
            _ => None,
        }) {
            if let Some((k, h)) =
                holiday_at(j).filter(|&(k, _)| !self.has(k, Sense::HolidayQualifier))
            {
                return Some((k, Base::HolidayShift(h, n)));
            }
        }
        let cued = || {
            let (j, h) = self.sense(i, |s| match s {
                Sense::CuedHoliday(h) => Some(h),
                _ => None,
            })?;
            (i > 0 && self.has(i - 1, Sense::HolidayCue)).then_some((j, h))
        };
        let (j, h) = holiday_at(i).or_else(cued)?;
        // `le Nouvel An chinois`; `la gare de Courtrai-Saint-Nicolas`.
        if self.has(j, Sense::HolidayQualifier) || self.ends_compound_name(i) {
            return None;
        }
        match self.year_in(j, &YEARS) {
            Some((k, y)) => Some((k, Base::Holiday(h, YearRef::Abs(y)))),
            None => Some((j, Base::Holiday(h, YearRef::Implicit))),
        }
    }

    /// `zomer`, `deze zomer`, `zomer 2020`, `l'été dernier`.
    fn season(&self, i: usize) -> Option<(usize, Base)> {
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

    /// `le 23`: a bare day number of the anchor's month after a day article.
    fn bare_day(&self, i: usize) -> Option<(usize, Base)> {
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

    /// A day, a month name and a year glued by one separator, in any order (`2020/Sep/23`,
    /// `septembre-2020-23`), or a day and a month name (`Oct/2`).
    fn glued_named_date(&self, i: usize) -> Option<(usize, Base)> {
        let sep = self
            .toks
            .get(i + 1)
            .filter(|t| t.kind == Kind::Punct && !t.space_before)?;
        if !"-/".contains(sep.folded.as_str()) || !self.attached(i + 2) {
            return None;
        }
        let three = self.punct(i + 3, &sep.folded) && self.attached(i + 3) && self.attached(i + 4);
        let all = [i, i + 2, i + 4];
        let parts = if three { &all[..] } else { &all[..2] };
        let (mut day, mut month, mut year) = (None, None, None);
        for &k in parts {
            if let Some((m_end, m)) = self.month(k, true) {
                if m_end != k + 1 || month.replace(m).is_some() {
                    return None;
                }
            } else if let Some((y, 4)) = self.num(k) {
                if !YEARS.contains(&y) || year.replace(y as i32).is_some() {
                    return None;
                }
            } else if let Some((d, 1 | 2)) = self.num(k) {
                if day.replace(d).is_some() {
                    return None;
                }
            } else {
                return None;
            }
        }
        let end = parts[parts.len() - 1] + 1;
        if self.punct(end, "-/") && self.attached(end) {
            return None;
        }
        let (d, m) = (day?, month?);
        match year {
            Some(y) => valid_day(Some(y), m, d).then_some((end, Base::Day(YearRef::Abs(y), m, d))),
            None if !three && (sep.folded == "/" || self.num(i).is_some()) => {
                valid_day(None, m, d).then_some((end, Base::Day(YearRef::Implicit, m, d)))
            }
            None => None,
        }
    }

    /// `18 08 1978`, `2 4 2009`: day, month and year separated by spaces.
    fn spaced_date(&self, i: usize) -> Option<(usize, Base)> {
        let (d, dd) = self.num(i)?;
        let (m, md) = self.num(i + 1)?;
        let (y, yd) = self.num(i + 2)?;
        let spaced = (i + 1..=i + 2).all(|k| self.toks[k].space_before);
        let before_ok = i == 0 || self.num(i - 1).is_none();
        let after_ok = self.num(i + 3).is_none() && !self.quantity_after(i + 3);
        let year = match yd {
            4 if YEARS.contains(&y) => y as i32,
            2 => {
                if y < 50 {
                    2000 + y as i32
                } else {
                    1900 + y as i32
                }
            }
            _ => return None,
        };
        (spaced && before_ok && after_ok && dd <= 2 && md <= 2 && valid_day(Some(year), m, d))
            .then_some((i + 3, Base::Day(YearRef::Abs(year), m, d)))
    }

    /// `3/3/2020`, `2020-03-03`, `15.05.99`, `22/04`, `2015-3`, `12-2015`.
    fn numeric_date(&self, i: usize) -> Option<(usize, Base)> {
        if i > 0
            && self.punct(i - 1, "-/.+")
            && self.attached(i)
            && i >= 2
            && self.num(i - 2).is_some()
        {
            return None;
        }
        self.numeric_date_at(i)
    }

    /// A numeric date at `i`, whatever precedes it (the end of `10/1-11/2/2017`).
    fn numeric_date_at(&self, i: usize) -> Option<(usize, Base)> {
        let (a, a_digits) = self.num(i)?;
        let sep_at = |k: usize| -> Option<&str> {
            let t = self.toks.get(k)?;
            (t.kind == Kind::Punct
                && "/-.".contains(t.folded.as_str())
                && !t.space_before
                && self.attached(k + 1))
            .then_some(t.folded.as_str())
        };
        let sep1 = sep_at(i + 1)?;
        let (b, b_digits) = self.num(i + 2)?;
        let sep2 = sep_at(i + 3).filter(|s| *s == sep1);
        let third = sep2.and_then(|_| self.num(i + 4));
        let trailing_code = |k: usize| sep_at(k).is_some() && self.num(k + 1).is_some();
        if let Some((c, c_digits)) = third {
            if trailing_code(i + 5) {
                return None;
            }
            let end = i + 5;
            if a_digits == 4 {
                let (y, m, d) = (a as i32, b, c);
                return (c_digits <= 2 && valid_day(Some(y), m, d))
                    .then_some((end, Base::Day(YearRef::Abs(y), m, d)));
            }
            let y = match c_digits {
                4 if YEARS.contains(&c) => c as i32,
                2 => {
                    if c < 50 {
                        2000 + c as i32
                    } else {
                        1900 + c as i32
                    }
                }
                _ => return None,
            };
            let (d, m) = (a, b);
            // `29/2/2019`: a leap day in the wrong year is still written as a date.
            return (a_digits <= 2 && b_digits <= 2 && valid_day(None, m, d))
                .then_some((end, Base::Day(YearRef::Abs(y), m, d)));
        }
        if trailing_code(i + 3) || self.quantity_after(i + 3) {
            return None;
        }
        let end = i + 3;
        match (a_digits, b_digits) {
            (4, 1 | 2) if sep1 != "." && (1..=12).contains(&b) && YEARS.contains(&a) => {
                Some((end, Base::Month(YearRef::Abs(a as i32), b)))
            }
            (1 | 2, 4) if sep1 != "." && (1..=12).contains(&a) && YEARS.contains(&b) => {
                Some((end, Base::Month(YearRef::Abs(b as i32), a)))
            }
            // `2/3 van de leden`, `24/7`, `8/10`: without a year, only after a date word.
            (1 | 2, 1 | 2) if sep1 == "/" && valid_day(None, b, a) && self.dated_fraction(i) => {
                Some((end, Base::Day(YearRef::Implicit, b, a)))
            }
            _ => None,
        }
    }

    /// `3 maart 2020`, `1er janvier`, `4e jan 2019`, `05-aug-2016`, `vierde juli van 1995`.
    fn day_month(&self, i: usize) -> Option<(usize, Base)> {
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

    /// A month name; abbreviations when `abbr`, with their dot.
    fn month(&self, i: usize, abbr: bool) -> Option<(usize, u32)> {
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

    /// Whether token `i` goes on a hyphenated name after a plain word (`Champ-de-Mars`,
    /// `Gand-Saint-Nicolas`), not a part or another date word (`mi-mars`, `mars-avril`).
    fn ends_compound_name(&self, i: usize) -> bool {
        const DATE_WORDS: u64 = Sense::kinds(&[
            Sense::Part(TimexMod::Start),
            Sense::Month(0),
            Sense::MonthAbbr(0),
            Sense::Weekday(0),
            Sense::Number(0),
            Sense::Ordinal(0),
        ]);
        i >= 2
            && self.punct(i - 1, "-")
            && self.attached(i)
            && self.attached(i - 1)
            && self.toks[i - 2].kind == Kind::Word
            && !self.toks[i - 2].has_digit
            && self.sense_kinds[i - 2] & DATE_WORDS == 0
    }

    /// `april 2020`, `juni van 1992`, `dec-2018`, `juillet 98`, `mei`, `Sep-23-2020`.
    fn month_first(&self, i: usize) -> Option<(usize, Base)> {
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
            .or_else(|| {
                self.is(j, Sense::YearCue)
                    .and_then(|c| self.year_in(c, &YEARS))
            })
        {
            return Some((k, Base::Month(YearRef::Abs(y), m)));
        }
        if let Some((n, 2)) = self.num(j) {
            if n > 31 && !self.in_number_group(j) {
                let y = if n < 50 {
                    2000 + n as i32
                } else {
                    1900 + n as i32
                };
                return Some((j + 1, Base::Month(YearRef::Abs(y), m)));
            }
        }
        // `januari en februari 2024`: a month in a list shares the last one's year.
        if let Some(y) = full.and_then(|_| self.month_list_year(j)) {
            return Some((j, Base::Month(YearRef::Abs(y), m)));
        }
        full.map(|_| (j, Base::Month(YearRef::Implicit, m)))
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
    fn year_month(&self, i: usize) -> Option<(usize, Base)> {
        let (j, y) = self.year_in(i, &YEARS)?;
        let (k, m) = self.month(j, false)?;
        if self.day(k).is_some() && self.num(k).is_some() {
            return None;
        }
        Some((k, Base::Month(YearRef::Abs(y), m)))
    }

    /// `jaar 2008`, `l'année 2019`, `week 31`, `de maand mei`, `au mois de mars`,
    /// `de week van 10 april`.
    fn unit_year(&self, i: usize) -> Option<(usize, Base)> {
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

    /// `derde kwartaal (van) 2020`, `premier semestre`, `eerste helft van vorig jaar`.
    fn ordinal_period(&self, i: usize) -> Option<(usize, Base)> {
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
        if year == YearRef::Implicit && self.has(j, Sense::NeedsYear) {
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

    /// `Q3 2020`, `K3`, `T3 2020`, `H1`, `S1 2024`.
    fn coded_period(&self, i: usize) -> Option<(usize, Base)> {
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

    /// A year in words of at least two words (`tweeduizend twintig`, `negentienhonderd
    /// zesennegentig`): a round `tweeduizend` alone is as often an amount.
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
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

    /// A year on its own: only after a cue word (`in 2021`, `en 2019`) or when `cued`. A
    /// year of an earlier century needs the cue word right before it (`opgericht in 1891`,
    /// `fondée en 1891`).
    fn bare_year(&self, i: usize, cued: bool) -> Option<(usize, Base)> {
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
        let parenthesized = i > 0 && self.punct(i - 1, "(") && self.punct(j, ")");
        // `2024 was het warmste jaar`: a year opening a sentence as the subject of its verb.
        let subject = (i == 0 || self.punct(i - 1, ".!?")) && self.has(j, Sense::YearVerb);
        (cued || cue_before || parenthesized || subject).then_some((j, Base::Year(YearRef::Abs(y))))
    }
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endpoint {
    Base(Base),
    Part(TimexMod, Base),
    /// A bare day number (`tussen 3 en 12 sept`).
    Day(u32),
}

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

/// The expression counted from the last day, month or year named before it (`le lendemain`,
/// `depuis la veille`, `trois ans plus tard`) put in place from that one, `previous` (its
/// first day and unit), at its own unit's precision; `None` for other expressions, and
/// `Some(None)` when nothing precise enough was named before (a month for days).
pub fn from_previous(expr: Expr, previous: Option<(NaiveDate, Unit)>) -> Option<Option<Expr>> {
    let (n, unit, modifier) = match expr {
        Expr::Point(Base::AfterPrevious(n, unit)) => (n, unit, None),
        Expr::Modified(m, Base::AfterPrevious(n, unit)) => (n, unit, Some(m)),
        _ => return None,
    };
    let coarseness = |u: Unit| match u {
        Unit::Day | Unit::Week | Unit::Weekend => 0,
        Unit::Month | Unit::Quarter | Unit::Half => 1,
        Unit::Year | Unit::Decade => 2,
    };
    let day = previous
        .filter(|&(_, named)| coarseness(named) <= coarseness(unit))
        .and_then(|(d, _)| super::resolve::add(d, unit, n));
    Some(day.map(|d| {
        let year = YearRef::Abs(d.year());
        let base = match unit {
            Unit::Day | Unit::Week | Unit::Weekend => Base::Day(year, d.month(), d.day()),
            Unit::Month | Unit::Quarter | Unit::Half => Base::Month(year, d.month()),
            Unit::Year | Unit::Decade => Base::Year(year),
        };
        match modifier {
            Some(m) => Expr::Modified(m, base),
            None => Expr::Point(base),
        }
    }))
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

/// The period a part names without a shift word (`fin d'année`, `aan het eind van het
/// jaar`): the anchor's, but a year without `dit`/`cette` takes the sentence's tense.
fn current_period(unit: Unit) -> Base {
    match unit {
        Unit::Year => Base::Year(YearRef::Implicit),
        other => Base::RelativeUnit(other, 0),
    }
}

/// A yearless day, month or season after `sinds`, `depuis`: one that has begun.
fn in_the_past(base: Base) -> Base {
    match base {
        Base::Day(YearRef::Implicit, m, d) => Base::Day(YearRef::Past, m, d),
        Base::Month(YearRef::Implicit, m) => Base::Month(YearRef::Past, m),
        // `depuis l'automne`: the latest autumn begun, whatever the tense.
        Base::Season(season, None) => Base::Season(season, Some(YearRef::Past)),
        // `depuis lundi`: the most recent Monday (or today), even in a sentence about the
        // future; as an offset of no days, which the tense leaves alone.
        Base::Weekday(wd, None) => Base::Offset(0, Unit::Day, From::Weekday(wd)),
        other => other,
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

/// The edge of a period a part word names.
fn edge(m: TimexMod) -> Edge {
    match m {
        TimexMod::End => Edge::End,
        TimexMod::Mid => Edge::Mid,
        _ => Edge::Start,
    }
}

/// The weekday shift of a week shifted by `n`.
fn week_shift(n: i32) -> WeekdayShift {
    match n.signum() {
        -1 => WeekdayShift::PreviousWeek,
        1 => WeekdayShift::NextWeek,
        _ => WeekdayShift::ThisWeek,
    }
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

/// Whether day `d` exists in month `m` of `year` (any leap year when unknown).
pub fn valid_day(year: Option<i32>, m: u32, d: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(year.unwrap_or(2000), m, d).is_some()
}
