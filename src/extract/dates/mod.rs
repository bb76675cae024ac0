//! The date engine: dates, periods and durations as TIMEX3 values, resolved against
//! the publication date.
//!
//! * [`token`]: words, numbers and punctuation with byte offsets;
//! * [`lexicon`]: the per-language vocabulary (`src/lang/<code>/dates.toml`);
//! * [`grammar`]: the expressions, recognized over tokens;
//! * [`resolve`]: their values against the anchor.
//!
//! A cheap prefilter (digits, and month, weekday and relative words found with aho-corasick)
//! picks the regions of the text worth tokenizing; the rest is never looked at twice.

pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod tense;
pub mod token;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, MatchKind};
use serde::Serialize;

pub use lexicon::{DateLexicon, TimexMod};

use super::{Context, FactValue, Mention};
use crate::article::Country;
use grammar::{Parser, ParserBuffers};
use lexicon::{Phrases, Unit};

/// A normalized date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DateValue {
    /// TIMEX3 value (`2015`, `2020-11`, `2020-03-03`, `2023-Q3`, `P5Y`), an interval
    /// `2014-01-01/2018-01-01`, a yearless date without publication date (`XXXX-12-15`),
    /// or `None` when a relative expression cannot be resolved (no publication date, or
    /// one not precise enough).
    pub value: Option<String>,
    /// The precision of `value`.
    pub granularity: Granularity,
    /// The TIMEX3 `mod` of a qualified period: `sinds 2015` is 2015 with `ON_OR_AFTER`,
    /// `eind 2025` is 2025 with `END`.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// The dates a duration or interval covers (`de komende vijf jaar`: from the
    /// publication date to five years later), at the anchor's precision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<DateRange>,
}

/// The start and end of a period, as TIMEX3 dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct DateRange {
    /// The first day (or month, year).
    pub start: String,
    /// The end: for durations the day the period reaches; for intervals the first day of
    /// the closing point, as Recognizers-Text writes them.
    pub end: String,
}

/// The precision of a TIMEX3 value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// A calendar day.
    Day,
    /// An ISO week.
    Week,
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// A half year.
    Half,
    /// A year.
    Year,
    /// A duration (`P5Y`).
    Duration,
    /// An interval between two points (`2014-01-01/2018-01-01`).
    Interval,
    /// A season (`2016-SU`, or `SU` unanchored).
    Season,
}

/// Bytes of context kept before and after a prefilter hit: the words of a phrase before
/// its trigger and the word before those, which some rules read (`teruggaan voor het eind
/// van dit jaar`); the corpus's facts are the same with 48 and 64, 40 and 40 parse less
/// text. 32 before loses that word.
const CONTEXT_BEFORE: usize = 40;
const CONTEXT_AFTER: usize = 40;

/// The compiled date engine for one language.
pub struct DateEngine {
    phrases: Phrases,
    triggers: Triggers,
    /// The tense cues for yearless dates.
    tense: tense::TenseCues,
    /// See [`DateLexicon::lowercase_calendar_names`].
    lowercase_calendar_names: bool,
    /// See [`DateLexicon::end_of_week_is_weekend_in`].
    weekend_countries: Vec<Country>,
}

impl DateEngine {
    /// Compiles the engine from a language's lexicon; `common_words` are the language's
    /// most frequent words, which should not open regions to parse.
    pub fn new(lexicon: &DateLexicon, common_words: &[&str]) -> Result<Self, String> {
        let phrases = Phrases::compile(lexicon)?;
        let triggers = Triggers::new(&phrases.trigger_words(common_words))?;
        let tense = tense::TenseCues::new(&lexicon.tense);
        Ok(DateEngine {
            phrases,
            triggers,
            tense,
            lowercase_calendar_names: lexicon.lowercase_calendar_names,
            weekend_countries: lexicon
                .end_of_week_is_weekend_in
                .iter()
                .map(|code| {
                    Country::parse(code).ok_or_else(|| format!("bad country code {code:?}"))
                })
                .collect::<Result<_, _>>()?,
        })
    }

    /// Finds the dates in `text`, resolving relative ones against `ctx.published`.
    pub fn extract(&self, text: &str, ctx: &Context) -> Vec<Mention> {
        let mut mentions = Vec::new();
        // One token vector and one set of parser vectors for all the regions of the text.
        let mut tokens = Vec::new();
        let mut buffers = ParserBuffers::default();
        let mut discourse = Discourse::default();
        for (start, end) in self.regions(text) {
            token::tokenize_into(&text[start..end], start, &mut tokens);
            let parser = Parser::with_buffers(&self.phrases, &tokens, buffers);
            let mut i = 0;
            while i < tokens.len() {
                if !parser.can_start(i) {
                    i += 1;
                    continue;
                }
                match parser.parse(i) {
                    Some((j, expr))
                        if j > i
                            && !parser.names_place(i)
                            && !self.opens_with_verb(text, &tokens[i], &expr)
                            && !self.names_someone(text, tokens[i].start, &expr)
                            && !self.names_event(
                                text,
                                (tokens[i].start, tokens[j - 1].end),
                                &expr,
                            ) =>
                    {
                        let (start, end) = (tokens[i].start, tokens[j - 1].end);
                        // An offset with nothing precise enough named before: after what,
                        // is unknown.
                        let expr = self.as_the_country_reads(expr, ctx);
                        let joined = i > 1 && parser.follows_and(i);
                        let paired = joined
                            .then(|| discourse.after_paired_weekday(tokens[i - 2].end, expr))
                            .flatten();
                        let expr = paired.map_or(expr, |(second, _)| second);
                        // `kondigden acties aan voor 3 maart en 14 april`: both set by the plan.
                        let after_scheduled = joined
                            && mentions.last().is_some_and(|m: &Mention| {
                                m.end == tokens[i - 2].end
                                    && self.tense.scheduled_for(text, m.start, m.end)
                            });
                        if let Some(expr) = discourse.place(text, start, expr) {
                            let dated = Dated {
                                span: (start, end),
                                expr: &expr,
                                after_scheduled,
                            };
                            let value = self.value_of(text, &dated, ctx, &discourse);
                            discourse.remember(self, text, (start, end), &expr, &value, ctx);
                            if let Some((_, first)) = paired {
                                discourse.pair_first = Some((first, end));
                            }
                            mentions.push(Mention {
                                start,
                                end,
                                value: FactValue::Date(value),
                            });
                        }
                        i = j;
                    }
                    _ => i += 1,
                }
            }
            buffers = parser.into_buffers();
        }
        mentions
    }

    /// `expr` as the article's country reads it: the end of a week is its weekend where
    /// [`DateLexicon::end_of_week_is_weekend_in`] says so (Québec's `fin de semaine`).
    fn as_the_country_reads(&self, expr: grammar::Expr, ctx: &Context) -> grammar::Expr {
        use grammar::{Base, Expr};
        match expr {
            Expr::Modified(lexicon::TimexMod::End, Base::RelativeUnit(Unit::Week, n))
                if ctx
                    .country
                    .is_some_and(|c| self.weekend_countries.contains(&c)) =>
            {
                Expr::Point(Base::RelativeUnit(Unit::Weekend, weekends_ahead(n, ctx)))
            }
            other => other,
        }
    }

    /// The value of `expr` at `span`: in the year stated before it in its sentence when
    /// that fits its tense, else resolved in its tense.
    fn value_of(
        &self,
        text: &str,
        dated: &Dated<'_>,
        ctx: &Context,
        discourse: &Discourse,
    ) -> DateValue {
        let (start, expr) = (dated.span.0, dated.expr);
        let tense = || self.tense_at(text, dated, ctx);
        match self.in_sentence_year(text, start, expr, discourse.sentence_year) {
            Some((placed, year)) if fits_tense(year, ctx, tense()) => {
                resolve::resolve(&placed, ctx.published)
            }
            _ => resolve::resolve_in_tense(expr, ctx.published, tense),
        }
    }

    /// The tense around a date; a bare weekday (or a pair) in a sentence without cues takes a present
    /// as announcing it (see [`tense::TenseCues::reads_as_present`]), so does a day or month
    /// early next year said late in the year (see [`resolve::early_next_year`]), and a
    /// quarter or half reported on has ended (see [`tense::TenseCues::reports_on`]).
    fn tense_at(&self, text: &str, dated: &Dated<'_>, ctx: &Context) -> tense::Tense {
        let ((start, end), expr) = (dated.span, dated.expr);
        if grammar::is_yearless_period(expr) && self.tense.reports_on(text, start, end) {
            return tense::Tense::Past;
        }
        if self.tense.postponed_to(text, start) {
            return tense::Tense::Future;
        }
        let told = if dated.after_scheduled || self.tense.scheduled_for(text, start, end) {
            // A date set by a past act (`a fixé l'audience au 9 décembre`) is not past: it
            // lies ahead of the setting, told soon after, so a month well gone is next
            // year's (`kondigde in november acties aan voor 3 maart`). Not under a past
            // auxiliary: `had de zaak voor 14 september gepland` tells of a plan then.
            let ahead = !self.tense.past_auxiliary_in_clause(text, start, end)
                && resolve::early_next_year(
                    expr,
                    ctx.published,
                    self.tense.scheduled_next_year_months(),
                );
            if ahead {
                tense::Tense::Future
            } else {
                tense::Tense::Unknown
            }
        } else if (grammar::is_bare_weekday(expr) || grammar::is_weekday_pair(expr))
            && self.tense.targeted(text, start, end)
        {
            tense::Tense::Future
        } else if let Some(announced) = self.tense.announced_tense(text, start, end) {
            announced
        } else if (grammar::is_deadline(expr) || grammar::is_bound_before(expr))
            && self.tense.ahead_of_telling(text, start, end)
        {
            tense::Tense::Future
        } else if grammar::is_deadline(expr)
            && self.tense.purpose_follows(text, end)
            && !self.tense.past_auxiliary_in_clause(text, start, end)
        {
            // Time given for something to be done lies ahead of the giving, whatever its
            // tense, and news tells the giving soon after: `l'entreprise a jusqu'à vendredi
            // pour présenter un plan`, `gaf de curatoren tijd tot eind maart om een koper te
            // vinden` (said in November: the coming March). A stated year stays as stated.
            // Not before a past auxiliary: `hadden tot eind oktober de tijd gekregen om`
            // tells of time that ran out.
            tense::Tense::Future
        } else if self.tense.planned_in_present(text, start, end)
            || (grammar::is_bare_weekday(expr) || grammar::is_weekday_pair(expr))
                && (self.tense.reads_as_timed_listing(text, start, end)
                    || self.tense.announced_from(text, start, end))
        {
            tense::Tense::Future
        } else {
            match self.tense.tense_at(text, start, end) {
                // `Exposition : jusqu'au 5 janvier`: a deadline in a sentence with no
                // word that may be past is ahead.
                tense::Tense::Unknown
                    if grammar::is_deadline(expr)
                        && !self.tense.may_tell_past(text, start, end) =>
                {
                    tense::Tense::Future
                }
                told => told,
            }
        };
        // A part set off by `;` with no word that may be a past tells its own time: the past
        // of the other part does not reach its dates (`De rechtbank behandelt de zaak op 23
        // en 24 november; de blokkade was in januari`, said in October: this November).
        // So is a future's in the other part (`speelt zaterdag; de heenmatch eindigde op 14
        // september`, said in December: the September past, by the nearest reading).
        let own_part = |reads: fn(&tense::TenseCues, &str, usize, usize) -> bool| {
            grammar::needs_tense(expr) && reads(&self.tense, text, start, end)
        };
        let told = match told {
            tense::Tense::Past if own_part(tense::TenseCues::part_reads_as_present) => {
                tense::Tense::Unknown
            }
            // Not a weekday, which a listing's clock time announces (`Concert jeudi à 20 h ;
            // répétition la veille`).
            tense::Tense::Future
                if !(grammar::is_bare_weekday(expr) || grammar::is_weekday_pair(expr))
                    && own_part(tense::TenseCues::part_may_tell_past) =>
            {
                tense::Tense::Unknown
            }
            told => told,
        };
        match told {
            _ if grammar::is_bare_weekday(expr)
                && self.tense.names_past_day(text, start, end, true) =>
            {
                tense::Tense::Past
            }
            _ if grammar::is_yearless_day(expr)
                && self.tense.names_past_day(text, start, end, false) =>
            {
                tense::Tense::Past
            }
            tense::Tense::Unknown
                if (grammar::is_bare_weekday(expr) || grammar::is_weekday_pair(expr))
                    && (self.tense.announced(text, start)
                        || self.tense.reads_as_present(text, start, end)
                        || self.tense.part_reads_as_present(text, start, end))
                    && !self.tense.in_own_participle_clause(text, start, end) =>
            {
                tense::Tense::Future
            }
            tense::Tense::Unknown
                if resolve::early_next_year(expr, ctx.published, self.tense.next_year_months()) =>
            {
                tense::Tense::Future
            }
            tense::Tense::Unknown
                if resolve::late_last_year(expr, ctx.published, self.tense.last_year_months()) =>
            {
                tense::Tense::Past
            }
            told => told,
        }
    }

    /// Whether a lone month or weekday at `start` is a name: capitalized inside a sentence
    /// in a language that writes them in lower case (`keizer Augustus`, `De Zondag`).
    /// Whether a point in time or an amount of time begins with a participle right after
    /// its auxiliary: a verb (`a été passé`, `ce qu'a été ce mouvement`), not a season, and
    /// not a shift (`a passé deux ans et demi en prison`: the verb is the length's cue, the
    /// length is read from its amount).
    fn opens_with_verb(&self, text: &str, first: &token::Token, expr: &grammar::Expr) -> bool {
        matches!(
            expr,
            grammar::Expr::Point(_) | grammar::Expr::Modified(..) | grammar::Expr::Duration(..)
        ) && self
            .tense
            .is_participle_after_auxiliary(text, first.start, first.end)
    }

    fn names_someone(&self, text: &str, start: usize, expr: &grammar::Expr) -> bool {
        use grammar::{Base, Expr, YearRef};
        let lone = matches!(
            expr,
            Expr::Point(Base::Month(YearRef::Implicit, _) | Base::Weekday(_, None))
        );
        if !self.lowercase_calendar_names || !lone {
            return false;
        }
        let capital = text[start..].chars().next().is_some_and(char::is_uppercase);
        capital && !opens_sentence(text, start)
    }

    /// Whether a month and a two-digit year at `span` name an event (`Mai 68`), in a
    /// language that writes months in lower case: capitalized, even opening a sentence.
    /// News writes such a date `mai 1968` or `05/68`; a capitalized month with four digits
    /// is a date too (`Décrets de Mars 1963`, timeline headings).
    fn names_event(&self, text: &str, (start, end): (usize, usize), expr: &grammar::Expr) -> bool {
        use grammar::{Base, Expr, YearRef};
        if !self.lowercase_calendar_names
            || !matches!(expr, Expr::Point(Base::Month(YearRef::Abs(_), _)))
        {
            return false;
        }
        let span = &text[start..end];
        let short_year = span
            .rsplit_once(' ')
            .is_some_and(|(_, year)| year.len() == 2 && year.bytes().all(|b| b.is_ascii_digit()));
        short_year && span.chars().next().is_some_and(char::is_uppercase)
    }

    /// `expr` placed in the year stated before it in its sentence, if it is yearless and
    /// one was (`Vorig jaar stemde de Kamer in maart in`).
    fn in_sentence_year(
        &self,
        text: &str,
        start: usize,
        expr: &grammar::Expr,
        stated: Option<(usize, i32)>,
    ) -> Option<(grammar::Expr, i32)> {
        let (after, year) = stated?;
        let placed = grammar::in_year(*expr, year)?;
        tense::TenseCues::same_sentence(text, after, start).then_some((placed, year))
    }

    /// The year `expr` (at `start`) states for the rest of its sentence, if any.
    fn stated_year(
        &self,
        text: &str,
        start: usize,
        expr: &grammar::Expr,
        ctx: &Context,
    ) -> Option<i32> {
        let year = resolve::year_of(grammar::stated_year(expr)?, ctx.published)?;
        self.tense.states_sentence_year(text, start).then_some(year)
    }

    /// The merged byte ranges around prefilter hits, cut at whitespace.
    fn regions(&self, text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut hits: Vec<(usize, usize)> = Vec::new();
        let mut i = 0;
        while let Some(start) = next_digit(bytes, i) {
            i = start;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            // Days, months and years have 1, 2 or 4 digits (8 in `20200303`): other
            // runs (`300`, `12345`) can only be counts and amounts.
            if matches!(i - start, 1 | 2 | 4 | 8) {
                hits.push((start, i));
            }
        }
        self.triggers.scan(text, |start, end| {
            // A hit inside a longer word (`mai` in `mais`, `déc` in `décision`) is no
            // phrase word: lexicon words match whole tokens (`zaterdagavond` is a word of
            // its own), and `-` ends a word (`maart-april`).
            // And a participle after its auxiliary (`a été`) is a verb, not the season.
            if is_word_boundary(text, start)
                && is_word_boundary(text, end)
                && !self.tense.is_participle_after_auxiliary(text, start, end)
            {
                hits.push((start, end));
            }
        });
        hits.sort_unstable();
        let mut regions: Vec<(usize, usize)> = Vec::new();
        // The furthest context end cut into the last region: `cut_forward` never moves
        // back as its argument grows, so a hit ending before it cannot extend the region.
        let mut furthest = 0;
        for (s, e) in hits {
            let to = (e + CONTEXT_AFTER).min(text.len());
            match regions.last_mut() {
                // Inside the last region: the cut start would be before its end anyway.
                Some(last) if s <= last.1 => {
                    if to > furthest {
                        last.1 = last.1.max(cut_forward(text, to));
                        furthest = to;
                    }
                }
                last => {
                    let start = cut_back(text, s.saturating_sub(CONTEXT_BEFORE), s);
                    let end = cut_forward(text, to);
                    match last {
                        Some(last) if start <= last.1 => last.1 = last.1.max(end),
                        _ => regions.push((start, end)),
                    }
                    furthest = furthest.max(to);
                }
            }
        }
        regions
    }
}

/// A date found: its span, what it says, and whether it is joined (`en`) to one set by a
/// plan right before it (see [`tense::TenseCues::scheduled_for`]).
struct Dated<'e> {
    span: (usize, usize),
    expr: &'e grammar::Expr,
    after_scheduled: bool,
}

/// What the dates read so far tell the later ones of a text.
#[derive(Default)]
struct Discourse {
    /// The year stated last, and where: yearless dates after it in its sentence take it.
    sentence_year: Option<(usize, i32)>,
    /// The last day, month or year named (its first day, its unit) and where it ends:
    /// `le lendemain` is the day after it, and `le 12` in its sentence a day of its month.
    previous: Option<(chrono::NaiveDate, Unit, usize)>,
    /// The last day named, and where it ends: `een week later` counts from it when a
    /// quarter or half, which names no day, was named since (`op 4 november de cijfers
    /// over het derde kwartaal; een week later`).
    previous_day: Option<(chrono::NaiveDate, usize)>,
    /// The first day of the pair of weekdays (`mardi et mercredi`) or the range of days
    /// (`du 3 au 5 juillet`) named last, and where it ends: an offset back (`la veille`, `deux jours plus tôt`) counts from the
    /// start of what the pair names, as an offset forward counts from its end.
    pair_first: Option<(chrono::NaiveDate, usize)>,
}

impl Discourse {
    /// `expr` (at `start`) put in place from the date named before it, if it counts from
    /// one; `None` for an offset with no date close and precise enough before it.
    fn place(&self, text: &str, start: usize, expr: grammar::Expr) -> Option<grammar::Expr> {
        // An offset counts from a date of its story: one named in its sentence or the few
        // before, not paragraphs back.
        let reach = if opens_sentence(text, start) {
            ANCHOR_SENTENCES_OPENING
        } else {
            ANCHOR_SENTENCES
        };
        let near = |at| tense::TenseCues::within_sentences(text, at, start, reach);
        let back = grammar::counts_back(&expr);
        let named = self
            .previous
            .filter(|&(_, _, at)| near(at))
            .map(|(day, unit, at)| {
                let first = self.pair_first.filter(|&(_, end)| back && end == at);
                (first.map_or(day, |(first, _)| first), unit)
            });
        let expr = match grammar::from_previous(expr, named) {
            None => expr,
            Some(Some(placed)) => placed,
            // A quarter or half last, too coarse: the last day named, if near.
            Some(None) => {
                let quarter = named.is_some_and(|(_, u)| matches!(u, Unit::Quarter | Unit::Half));
                let day = self
                    .previous_day
                    .filter(|&(_, at)| quarter && near(at))
                    .map(|(day, _)| (day, Unit::Day));
                grammar::from_previous(expr, day).flatten()?
            }
        };
        // `le match aller le 5 mars, le retour le 12`
        Some(
            self.previous
                .filter(|&(_, unit, at)| {
                    matches!(unit, Unit::Day | Unit::Month)
                        && tense::TenseCues::same_sentence(text, at, start)
                })
                .and_then(|(day, _, _)| grammar::in_month_of(expr, day))
                .unwrap_or(expr),
        )
    }

    /// `expr` as the second of a pair of weekdays that follow each other (`mardi et
    /// mercredi`, `zaterdag en zondag`), joined by `et` to the day named last, which
    /// ends at `at`: the day after that one, whatever the tense read for each. Said on a
    /// Wednesday, `se réunira mardi et mercredi` is next week's pair, not next Tuesday and
    /// today. Returns that day and the pair's first; `None` when `expr` pairs with nothing.
    fn after_paired_weekday(
        &self,
        at: usize,
        expr: grammar::Expr,
    ) -> Option<(grammar::Expr, chrono::NaiveDate)> {
        use chrono::Datelike;
        use grammar::{Base, Expr, YearRef};
        let Expr::Point(Base::Weekday(wd, None)) = expr else {
            return None;
        };
        let (first, _) = self
            .previous_day
            .filter(|&(day, end)| end == at && day.weekday().number_from_monday() % 7 + 1 == wd)?;
        let d = first.succ_opt()?;
        Some((
            Expr::Point(Base::Day(YearRef::Abs(d.year()), d.month(), d.day())),
            first,
        ))
    }

    /// Notes what the date `expr` at `span`, worth `value`, tells the dates after it.
    fn remember(
        &mut self,
        engine: &DateEngine,
        text: &str,
        (start, end): (usize, usize),
        expr: &grammar::Expr,
        value: &DateValue,
        ctx: &Context,
    ) {
        if grammar::stated_year(expr).is_some() {
            // A later year in the sentence ends the first one's reach.
            self.sentence_year = engine
                .stated_year(text, start, expr, ctx)
                .map(|year| (end, year));
        }
        if let Some((day, unit)) = named_point(value) {
            self.previous = Some((day, unit, end));
            if unit == Unit::Day {
                self.previous_day = Some((day, end));
            }
        } else if let Some((first, last)) = day_range(value) {
            // `du 3 au 5 juillet, puis une semaine plus tard`: an offset forward counts from
            // the range's last day, one back (`la veille`) from its first, as for a pair.
            self.previous = Some((last, Unit::Day, end));
            self.previous_day = Some((last, end));
            self.pair_first = Some((first, end));
        } else if hides_anchor(value) {
            self.previous = None;
            self.previous_day = None;
        }
    }
}

/// Whether the word at `start` may open a sentence: what comes before, past spaces, is
/// nothing, a line break, or a sentence or quote mark.
fn opens_sentence(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t', '\u{a0}']);
    before
        .chars()
        .next_back()
        .is_none_or(|c| ".!?:;…\"'‘’“”«»(-–—•\n\r".contains(c))
}

/// How many sentence ends may come between an offset (`le lendemain`, `deux ans plus
/// tard`) and the date it counts from: its own sentence and the three before. Further
/// back, the corpus's anchors were mostly dates of another episode.
const ANCHOR_SENTENCES: usize = 3;

/// The same for an offset opening its sentence (`La veille, le ministre…`): a narrative
/// link to the last episode told, which may lie a paragraph back; inside a clause an
/// offset is more often habitual (`pouvait le lendemain…`).
const ANCHOR_SENTENCES_OPENING: usize = 6;

/// Whether a date that names no day, month or year makes the date an offset counts from
/// unknown: a span (`(2015-2016)`) or a date left unresolved (`aujourd'hui` without a
/// publication date). Durations (`25 ans de réclusion`) name no time and leave it.
fn hides_anchor(value: &DateValue) -> bool {
    match value.granularity {
        Granularity::Duration => false,
        Granularity::Interval => true,
        _ => value.value.as_deref().is_none_or(|v| v.contains('X')),
    }
}

/// The first and last days of a range of days (`2026-07-03/2026-07-05`); `None` for other
/// values. A span of years (`(2015-2016)`, `la saison 2025-2026`) is written from one 1
/// January to the next and names no day to count from.
fn day_range(value: &DateValue) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::Datelike;
    if value.granularity != Granularity::Interval {
        return None;
    }
    let (from, to) = value.value.as_deref()?.split_once('/')?;
    let day = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    let (first, last) = (day(from)?, day(to)?);
    let new_year = |d: chrono::NaiveDate| d.ordinal() == 1;
    (first <= last && !(new_year(first) && new_year(last))).then_some((first, last))
}

/// The first day of the day, week, month, quarter, half or year a date value names
/// (`2025-03-04`, `2025-W15`, `2025-03`, `2025-Q3`, `2025-H2`, `2025`), and which of them.
fn named_point(value: &DateValue) -> Option<(chrono::NaiveDate, Unit)> {
    let unit = match value.granularity {
        Granularity::Day => Unit::Day,
        Granularity::Month => Unit::Month,
        Granularity::Quarter => Unit::Quarter,
        Granularity::Half => Unit::Half,
        Granularity::Year => Unit::Year,
        Granularity::Week => Unit::Week,
        _ => return None,
    };
    let text = value.value.as_deref()?;
    // Read by hand: a format parser costs more than the rest of a mention.
    let field = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    let year = i32::try_from(field(0..4)?).ok()?;
    if unit == Unit::Week {
        // `2026-W15`, its Monday (`la semaine dernière ; la semaine d'avant`); not a
        // weekend (`2026-W15-WE`), which no offset counts from.
        if text.len() != 8 {
            return None;
        }
        let week = field(6..8)?;
        return chrono::NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)
            .map(|d| (d, unit));
    }
    let month = match unit {
        Unit::Year => 1,
        // `2025-Q3`: its first month is 7; `2025-H2`: 7.
        Unit::Quarter => field(6..7)?.checked_sub(1)? * 3 + 1,
        Unit::Half => field(6..7)?.checked_sub(1)? * 6 + 1,
        _ => field(5..7)?,
    };
    let day = if unit == Unit::Day { field(8..10)? } else { 1 };
    chrono::NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, unit))
}

/// Whether a year stated earlier fits the tense of a later date: a future one is not
/// in a year before the publication's, a past one not in a year after it.
fn fits_tense(year: i32, ctx: &Context, tense: tense::Tense) -> bool {
    let Some(now) = ctx.published.map(|p| p.year) else {
        return true;
    };
    match tense {
        tense::Tense::Future => year >= now,
        tense::Tense::Past => year <= now,
        tense::Tense::Unknown => true,
    }
}

/// The prefilter's trigger words, found case-insensitively (ASCII) in one pass over the
/// text: this scan reads every byte of every article.
enum Triggers {
    /// Leftmost-longest, walked by [`Triggers::scan`] itself: the generic search loop of
    /// `aho_corasick` costs about 1.5 times the instructions per byte.
    Leftmost(Box<DFA>),
    /// Every hit, for word lists where one may hide another ([`hidden_triggers_possible`]).
    Overlapping(AhoCorasick),
}

impl Triggers {
    fn new(words: &[String]) -> Result<Triggers, String> {
        if hidden_triggers_possible(words) {
            let all = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(words)
                .map_err(|e| e.to_string())?;
            return Ok(Triggers::Overlapping(all));
        }
        DFA::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            // Without a prefilter only dead and match states are special.
            .prefilter(false)
            .build(words)
            .map(|dfa| Triggers::Leftmost(Box::new(dfa)))
            .map_err(|e| e.to_string())
    }

    /// Calls `hit(start, end)` for each trigger found in `text`, in order.
    fn scan(&self, text: &str, mut hit: impl FnMut(usize, usize)) {
        let dfa = match self {
            Triggers::Leftmost(dfa) => dfa,
            Triggers::Overlapping(all) => {
                for m in all.find_overlapping_iter(text) {
                    hit(m.start(), m.end());
                }
                return;
            }
        };
        let Ok(start) = dfa.start_state(Anchored::No) else {
            return;
        };
        let bytes = text.as_bytes();
        let mut from = 0;
        // One leftmost-longest search per hit, resumed at its end, as `find_iter` does.
        while let Some((start, end)) = leftmost_longest(dfa, start, bytes, from) {
            hit(start, end);
            from = end.max(start + 1);
        }
    }
}

/// The leftmost-longest match of `dfa` (started in `start`) in `bytes[from..]`. Not
/// inlined: in its own frame the per-byte loop keeps its values in registers.
#[inline(never)]
fn leftmost_longest(
    dfa: &DFA,
    start: aho_corasick::automaton::StateID,
    bytes: &[u8],
    from: usize,
) -> Option<(usize, usize)> {
    let mut state = start;
    let mut found = None;
    for (at, &b) in bytes.iter().enumerate().skip(from) {
        state = dfa.next_state(Anchored::No, state, b);
        if dfa.is_special(state) {
            if dfa.is_dead(state) {
                break;
            }
            if dfa.is_match(state) {
                let len = dfa.pattern_len(dfa.match_pattern(state, 0));
                found = Some((at + 1 - len, at + 1));
            }
        }
    }
    found
}

/// Whether a non-overlapping leftmost-longest scan could miss a trigger hit that the
/// overlapping scan of [`DateEngine::regions`] keeps. It keeps the hits that start at a
/// word boundary, and of those starting at one byte only the longest counts (a region
/// reaches past the furthest end). Leftmost-longest finds that one, and skips only hits
/// starting inside the match it found; such a hit starts at a word boundary only next to
/// a char of the match that is no letter or digit (`aujourd'hui`). So the scans agree
/// unless a trigger may start at or just after such a char of another trigger.
fn hidden_triggers_possible(words: &[String]) -> bool {
    let inner_starts = words.iter().flat_map(|word| {
        word.char_indices()
            .filter(|(_, c)| !c.is_alphanumeric())
            .flat_map(move |(at, c)| [&word[at..], &word[at + c.len_utf8()..]])
    });
    let lowered: Vec<String> = words.iter().map(|w| w.to_ascii_lowercase()).collect();
    let inner_starts = inner_starts.filter(|rest| !rest.is_empty());
    inner_starts.map(str::to_ascii_lowercase).any(|rest| {
        lowered
            .iter()
            .any(|w| w.starts_with(rest.as_str()) || rest.starts_with(w.as_str()))
    }) || words.iter().any(|w| w.is_empty())
}

/// The index of the first ASCII digit in `bytes` at or after `from`. Text is mostly
/// letters: eight bytes at a time are tested for a digit in one word.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        // Digits become bytes below 10, every other byte 10 or more; a byte below 10
        // leaves its high bit set after the subtraction (exact for "is there one").
        let x = u64::from_ne_bytes(word) ^ (ONES * u64::from(b'0'));
        if x.wrapping_sub(ONES * 10) & !x & HIGHS != 0 {
            break;
        }
        at += 8;
    }
    (at..bytes.len()).find(|&i| bytes[i].is_ascii_digit())
}

/// Whether `at` is a char boundary with no letter or digit on both sides. ASCII neighbours
/// (most) are classified without decoding a char.
fn is_word_boundary(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let before = match at.checked_sub(1).map(|i| bytes[i]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric),
    };
    let after = match bytes.get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[at..].chars().next().is_some_and(char::is_alphanumeric),
    };
    !(before && after)
}

/// The byte offset in `text` of its first whitespace char, read by byte where ASCII.
fn find_whitespace(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b.is_ascii() {
            // `char::is_whitespace` of ASCII: space, tab, line feed, vertical tab, form
            // feed, carriage return.
            if matches!(b, b' ' | b'\t'..=b'\r') {
                return Some(at);
            }
            at += 1;
        } else {
            let c = text[at..].chars().next()?;
            if c.is_whitespace() {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// The start of the first whole word at or after `from` (never past `limit`).
fn cut_back(text: &str, from: usize, limit: usize) -> usize {
    if from == 0 {
        return 0;
    }
    let mut at = from;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    match find_whitespace(&text[at..limit]) {
        Some(ws) => at + ws,
        None => limit,
    }
}

/// The end of the word containing `to` (bounded, for text without spaces).
fn cut_forward(text: &str, to: usize) -> usize {
    let mut at = to;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    let mut limit = (at + CONTEXT_AFTER).min(text.len());
    while !text.is_char_boundary(limit) {
        limit += 1;
    }
    match find_whitespace(&text[at..limit]) {
        Some(ws) => at + ws,
        None => limit,
    }
}

/// How many weekends ahead the end of the week `weeks` ahead is, counted as
/// [`Unit::Weekend`] counts them (from the first to come, which on a weekday is this
/// week's): `la fin de semaine prochaine`, said on a Wednesday, is the end of next week,
/// the second weekend to come; said on a Saturday, the next one.
fn weekends_ahead(weeks: i32, ctx: &Context) -> i32 {
    use chrono::Datelike;
    let on_weekday = ctx
        .published
        .and_then(|p| chrono::NaiveDate::from_ymd_opt(p.year, p.month?, p.day?))
        .is_some_and(|d| d.weekday().number_from_monday() < 6);
    if weeks > 0 && on_weekday {
        weeks + 1
    } else {
        weeks
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod scan_tests {
    use super::{find_whitespace, hidden_triggers_possible, is_word_boundary, next_digit};

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn the_leftmost_scan_finds_what_aho_corasick_finds() {
        use aho_corasick::{AhoCorasick, MatchKind};
        let list = words(&["week", "weekend", "maart", "mars", "Été", "aujourd'hui"]);
        let triggers = super::Triggers::new(&list).unwrap();
        let reference = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&list)
            .unwrap();
        for text in [
            "",
            "weekend",
            "Het WEEKEND van 3 maart, de week erna; weekweekend maartmars",
            "en été, l'ÉTÉ, aujourd'hui et AUJOURD'HUI, weeken",
        ] {
            let mut hits = Vec::new();
            triggers.scan(text, |s, e| hits.push((s, e)));
            let expected: Vec<_> = reference
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(hits, expected, "{text:?}");
        }
    }

    #[test]
    fn regions_open_at_whole_trigger_words_only() {
        let rules = crate::lang::rules("fr").expect("language has rules");
        let engine = &rules.engines.dates;
        // `mai` in `mais`, `déc` in `décision`; the season after its auxiliary is a verb.
        let none = "Il a pris une décision, mais la réforme a été votée.";
        assert_eq!(engine.regions(none), []);
        let text = "La réforme a été votée en mai, mais pas l'été.";
        let regions = engine.regions(text);
        assert_eq!(regions.len(), 1, "{regions:?}");
        let (start, end) = regions[0];
        assert!(text[start..end].contains("en mai") && text[start..end].contains("l'été"));
    }

    #[test]
    fn triggers_hide_each_other_only_after_a_sign() {
        // Letters only: a hit inside another starts inside a word.
        assert!(!hidden_triggers_possible(&words(&[
            "week", "weekend", "maart"
        ])));
        // `hui` may start after the apostrophe of `aujourd'hui`, in any case.
        assert!(hidden_triggers_possible(&words(&["aujourd'hui", "HUI"])));
        assert!(hidden_triggers_possible(&words(&["aujourd'hui", "huis"])));
        assert!(hidden_triggers_possible(&words(&["aujourd'huis", "hui"])));
        assert!(hidden_triggers_possible(&words(&["mi-mars", "-mars"])));
        assert!(!hidden_triggers_possible(&words(&[
            "aujourd'hui",
            "demain"
        ])));
        // A sign at the end hides nothing.
        assert!(!hidden_triggers_possible(&words(&["jusqu'", "mars"])));
    }

    #[test]
    fn the_languages_scan_their_triggers_leftmost_longest() {
        for lang in ["nl", "fr"] {
            let rules = crate::lang::rules(lang).expect("language has rules");
            let triggers = &rules.engines.dates.triggers;
            assert!(matches!(triggers, super::Triggers::Leftmost(_)), "{lang}");
        }
    }

    #[test]
    fn byte_scans_find_what_char_scans_find() {
        let texts = [
            "",
            "a b",
            "l'été\u{a0}2024",
            "x\u{2009}y\u{85}z\u{b}",
            "3–5 maart\r\n",
            "日本 x",
        ];
        for text in texts {
            assert_eq!(
                find_whitespace(text),
                text.find(char::is_whitespace),
                "{text:?}"
            );
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                let before = text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after = text[at..].chars().next().is_some_and(char::is_alphanumeric);
                assert_eq!(
                    is_word_boundary(text, at),
                    !(before && after),
                    "{text:?} {at}"
                );
            }
        }
        for b in 0..128u8 {
            let text = char::from(b).to_string();
            let expected = char::from(b).is_whitespace().then_some(0);
            assert_eq!(find_whitespace(&text), expected, "{b}");
        }
    }

    #[test]
    fn next_digit_finds_what_a_byte_loop_finds() {
        let texts = [
            "",
            "7",
            "geen cijfers hier, alleen letters en tekens!",
            "op 3 maart",
            "abcdefgh9",
            "abcdefghijklmnop:/;0",
            "é€’«»ÿ\u{7f}\u{80}1 en 2",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                let expected = (from..bytes.len()).find(|&i| bytes[i].is_ascii_digit());
                assert_eq!(next_digit(bytes, from), expected, "{text:?} from {from}");
            }
        }
        // Every byte value next to a digit and alone, at every offset of a chunk.
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'x'; 16];
                bytes[at] = b;
                let expected = b.is_ascii_digit().then_some(at);
                assert_eq!(next_digit(&bytes, 0), expected, "byte {b} at {at}");
            }
        }
    }
}
