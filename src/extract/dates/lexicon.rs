//! One language's date vocabulary (`src/lang/<code>/dates.toml`) and its compiled phrase
//! table: every phrase tokenized once, looked up by its first token.

use std::collections::{BTreeMap, HashSet};

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::token::{tokenize, Token};

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Weekends (Saturday and Sunday of an ISO week).
    Weekend,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Half years.
    Half,
    /// Years.
    Year,
    /// Decades, as amounts of time only (`het afgelopen decennium` = `P1DE`).
    Decade,
}

/// How a shift word moves a weekday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeekdayShift {
    /// The day in the previous week (`vorige dinsdag`).
    PreviousWeek,
    /// The day in the next week (`volgende dinsdag`).
    NextWeek,
    /// The most recent such day before the anchor (`afgelopen dinsdag`, `mardi dernier`).
    Last,
    /// The first such day after the anchor (`komende dinsdag`, `mardi prochain`).
    Next,
    /// The day in the anchor's week (`deze dinsdag`).
    ThisWeek,
}

/// A TIMEX3 `mod`: how an expression qualifies the period it names.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    /// Before the period (`voor 2010`, `avant 2000`).
    Before,
    /// After the period (`na 2018`, `après 2018`).
    After,
    /// Up to and including the period (`tot 2025`, `jusqu'en 2023`, `d'ici 2025`).
    OnOrBefore,
    /// From the period on (`sinds 2015`, `depuis 2015`).
    OnOrAfter,
    /// The beginning of the period (`begin 2020`, `début 2020`).
    Start,
    /// The middle of the period (`medio 2020`, `mi-2020`).
    Mid,
    /// The end of the period (`eind 2025`, `fin octobre`).
    End,
}

/// The raw date vocabulary of one language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateLexicon {
    /// Tense cues that pick the year of a yearless date.
    #[serde(default)]
    pub tense: super::tense::TenseLexicon,
    /// Month names, 1-12; they are dates on their own.
    #[serde(default)]
    pub months: BTreeMap<String, u32>,
    /// Abbreviated month names: dates only next to a day or a year.
    #[serde(default)]
    pub month_abbreviations: BTreeMap<String, u32>,
    /// Weekday names, 1 = Monday.
    #[serde(default)]
    pub weekdays: BTreeMap<String, u32>,
    /// Whether month and weekday names are written in lower case, so that one alone with
    /// a capital inside a sentence is a name (`keizer Augustus`, `De Zondag`), not a date.
    #[serde(default)]
    pub lowercase_calendar_names: bool,
    /// Countries (ISO 3166-1 alpha-2 codes) whose usage makes the end of the week its
    /// weekend (Québec's `fin de semaine`): in an article from one, `fin de semaine`, `la
    /// fin de semaine prochaine` are the weekend, elsewhere the week's last days.
    #[serde(default)]
    pub end_of_week_is_weekend_in: Vec<String>,
    /// Whether two bare weekdays that follow each other, joined by `and`, are one stretch of
    /// days (`zaterdag en zondag` = Saturday to Sunday) rather than two dates.
    #[serde(default)]
    pub joins_weekday_pairs: bool,
    /// Whether two numbers joined by a dash after a weekday are a score (`jeudi soir 5-2
    /// contre Boston`), not a day and month (`dinsdag 12-4` where the language writes them
    /// so).
    #[serde(default)]
    pub scores_after_weekdays: bool,
    /// Parts of the day glued to a weekday name (`zaterdagavond`): still that weekday.
    #[serde(default)]
    pub day_part_suffixes: Vec<String>,
    /// Abbreviated weekday names: only before a day and month (`mer. 10 juin`).
    #[serde(default)]
    pub weekday_abbreviations: BTreeMap<String, u32>,
    /// Days relative to the anchor (`gisteren` = -1).
    #[serde(default)]
    pub relative_days: BTreeMap<String, i32>,
    /// Days counted from the last day named before them (`le lendemain` = 1, `la veille` = -1).
    #[serde(default)]
    pub days_after_previous: BTreeMap<String, i32>,
    /// Words after an amount of time that count it from the last day named before, forward
    /// (1) or back (-1): `trois jours plus tard`, `un an plus tôt`.
    #[serde(default)]
    pub offsets_from_previous: BTreeMap<String, i32>,
    /// Words that make a unit the period of the last date named before, shifted by -1, 0 or
    /// 1: before the unit (`dezelfde week`, `dat jaar`, `le même mois` = 0) or after it with
    /// an article (`de dag erna`, `het jaar daarop` = 1, `l'année précédente` = -1). With
    /// none named, a shift of one counts from the publication date (`l'exercice précédent`)
    /// and the same unit is unknown.
    #[serde(default)]
    pub periods_of_previous: BTreeMap<String, i32>,
    /// Unit words, singular and plural.
    #[serde(default)]
    pub units: BTreeMap<String, Unit>,
    /// Period words too ambiguous without a year (`de tweede helft` of a match).
    #[serde(default)]
    pub units_needing_year: Vec<String>,
    /// Plural unit words: with a shift they are vague (`de afgelopen jaren`), not a period.
    #[serde(default)]
    pub plural_units: Vec<String>,
    /// Words that move a unit by whole units (`vorig` = -1, `dit` = 0).
    #[serde(default)]
    pub shifts: BTreeMap<String, i32>,
    /// How shift words move a weekday.
    #[serde(default)]
    pub weekday_shifts: BTreeMap<String, WeekdayShift>,
    /// Cardinal number words (to move to the shared numbers engine).
    #[serde(default)]
    pub numbers: BTreeMap<String, u32>,
    /// Words for the last of a series of periods (`laatste`, `dernier`).
    #[serde(default)]
    pub last: Vec<String>,
    /// Ordinal words (to move to the shared numbers engine).
    #[serde(default)]
    pub ordinals: BTreeMap<String, u32>,
    /// Suffixes that make a number an ordinal (`4e`, `1er`).
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// Prepositions that open or close a period and belong to the expression.
    #[serde(default)]
    pub modifiers: BTreeMap<String, TimexMod>,
    /// Words for the start, middle or end of a period (`begin`, `fin`).
    #[serde(default)]
    pub parts: BTreeMap<String, TimexMod>,
    /// Words before a bare year that make it a year, left out of the span (`in`, `en`).
    #[serde(default)]
    pub year_cues: Vec<String>,
    /// Words that introduce a fiscal year (`boekjaar`, `l'exercice`).
    #[serde(default)]
    pub fiscal_years: Vec<String>,
    /// Periods named by two consecutive years, one period each (`la saison 2024-2025`,
    /// `l'année scolaire 2025-2026`): the noun belongs to the span.
    #[serde(default)]
    pub two_year_periods: Vec<String>,
    /// Words after an ordinal period that make it a count, not a date (`le troisième
    /// trimestre consécutif`).
    #[serde(default)]
    pub consecutive: Vec<String>,
    /// Words after an ago-offset that make it the time something has lasted (`voilà deux
    /// ans que le chantier est à l'arrêt`): a duration. After an offset from the last date
    /// named they make it a comparison, no date (`une semaine plus tôt qu'à Bruxelles`).
    #[serde(default)]
    pub lasting_links: Vec<String>,
    /// Words after an offset in years or months that make it the same day (`il y a
    /// cinquante ans jour pour jour`: that very day, not the year).
    #[serde(default)]
    pub to_the_day: Vec<String>,
    /// Articles that belong to the span of a named period (`het derde kwartaal`).
    #[serde(default)]
    pub articles: Vec<String>,
    /// Articles that belong to the span of a relative period (`la semaine prochaine`).
    #[serde(default)]
    pub relative_articles: Vec<String>,
    /// Articles that make the weekend alone the nearest one (`het weekend`).
    #[serde(default)]
    pub weekend_articles: Vec<String>,
    /// A night named by the two days it joins, before the first (`de nacht van`) and
    /// between them (`op`): `de nacht van 3 op 4 augustus` is the evening's day, the 3rd.
    #[serde(default)]
    pub nights_of: Vec<String>,
    #[serde(default)]
    pub night_links: Vec<String>,
    /// `of` between a part and its period (`eind van`, `fin de`).
    #[serde(default)]
    pub of: Vec<String>,
    /// Interval openers (`van`, `de`, `du`).
    #[serde(default)]
    pub range_from: Vec<String>,
    /// Interval openers with a closing `and` (`tussen`, `entre`).
    #[serde(default)]
    pub range_between: Vec<String>,
    /// Interval closers after `from` (`tot`, `à`, `au`).
    #[serde(default)]
    pub range_to: Vec<String>,
    /// Interval closers after `between` (`en`, `et`).
    #[serde(default)]
    pub range_and: Vec<String>,
    /// Words after an amount of time that count back from the anchor (`geleden`).
    #[serde(default)]
    pub ago_after: Vec<String>,
    /// Words before an amount of time that count back from the anchor (`il y a`).
    #[serde(default)]
    pub ago_before: Vec<String>,
    /// Words before an amount of time that count forward from the anchor (`over`, `dans`).
    #[serde(default)]
    pub later_before: Vec<String>,
    /// Words before an amount of time that make a period from the anchor on (`binnen`).
    #[serde(default)]
    pub within: Vec<String>,
    /// Letters before a quarter number (`Q3`, `K3`, `T3`).
    #[serde(default)]
    pub quarter_prefixes: Vec<String>,
    /// Letters before a half-year number (`H1`, `S1`).
    #[serde(default)]
    pub half_prefixes: Vec<String>,
    /// Words after a number that make it a quantity, never a year (`euro`, `%`).
    #[serde(default)]
    pub quantity_words: Vec<String>,
    /// Possessive determiners: before a `last` word and a unit they name someone's own
    /// period, no date (`in zijn laatste jaar als topman`, `sa dernière année`).
    #[serde(default)]
    pub possessives: Vec<String>,
    /// Words before which a relative day that is also a noun (`noun_relative_days`) is that
    /// noun (`de morgen`, `zondag morgen`: the morning).
    #[serde(default)]
    pub not_before_relative_days: Vec<String>,
    /// Relative days that are also nouns (`morgen`: tomorrow, and the morning). Others stay
    /// days after those words: `die gisteren de cijfers toelichtte` is yesterday.
    #[serde(default)]
    pub noun_relative_days: Vec<String>,
    /// Words that make what follows a recurring set, not a date (`elke maandag`).
    #[serde(default)]
    pub every: Vec<String>,
    /// Adverbs of habit before `op` and a weekday (`de markt vindt voortaan op woensdag
    /// plaats`): a weekday of a habit, not a date.
    #[serde(default)]
    pub habitual_before: Vec<String>,
    /// Opening hours' states after a weekday named with `op` or a range of weekdays (`op
    /// zondag gesloten`, `van dinsdag tot zondag open`): a weekday of a habit, not a date.
    #[serde(default)]
    pub habitual_after: Vec<String>,
    /// Words before an amount of time that leave its value as said (`ruim twee jaar
    /// geleden`, `il y a près de deux ans`).
    #[serde(default)]
    pub approximations: Vec<String>,
    /// Words before a bare amount of time that make it a duration (`gedurende drie
    /// maanden`, `pendant dix jours`, `la grève dure trois ans`).
    #[serde(default)]
    pub duration_cues: Vec<String>,
    /// Hedges that may stand between a duration cue and its amount, leaving both as said
    /// (`duurt vermoedelijk drie maanden`): alone they cue nothing (`verdient vermoedelijk
    /// drie miljoen`, `is waarschijnlijk drie jaar geleden`).
    #[serde(default)]
    pub cue_hedges: Vec<String>,
    /// Words between `een` + a unit and a number that make the whole an approximate count
    /// (Dutch `een jaar of zestig`, about sixty years): the unit is then no amount of one.
    #[serde(default)]
    pub approximate_counts: Vec<String>,
    /// Words after a bare amount of time that make it a duration (`twee jaar lang`, `vijf
    /// jaar cel`, `cinq ans de prison`).
    #[serde(default)]
    pub duration_closers: Vec<String>,
    /// Words after an amount of years that add half a year (`deux ans et demi`: `P2.5Y`).
    #[serde(default)]
    pub and_a_half: Vec<String>,
    /// Number words with a half, by their whole part (`anderhalf` 1, `tweeënhalf` 2, `een
    /// half` 0): before a unit of years, a length in decimal years (`anderhalf jaar`: `P1.5Y`).
    #[serde(default)]
    pub half_numbers: BTreeMap<String, u32>,
    /// Places whose postcode reads like a year (`in 2000 Antwerpen`, `1930 Zaventem`).
    #[serde(default)]
    pub postcode_places: Vec<String>,
    /// Words of forecasts and targets (`verwacht`, `mikt`, `prognose`): in their sentence a
    /// "before" that is also "for" before a year says what it is for (`verwacht voor 2026
    /// een tekort`), not a deadline.
    #[serde(default)]
    pub forecast_words: Vec<String>,
    /// Verbs that set the date after `voor` ("for", not "before"), only right before it
    /// (`kondigde voor 1 juli een hervorming aan`): unlike [`Self::forecast_words`] they say
    /// nothing of the rest of their sentence (`kondigde aan dat de wet voor 2027 ingaat`).
    #[serde(default)]
    pub for_verbs: Vec<String>,
    /// Participles that set the date before them, after a `voor` (`was voor 14 september
    /// gepland`): the verb stands last in a Dutch clause.
    #[serde(default)]
    pub for_participles: Vec<String>,
    /// Particles of separable [`Self::for_verbs`] right before `voor`, their verb earlier in
    /// the clause with its object between (`kondigde een staking aan voor 16 december`).
    #[serde(default)]
    pub for_particles: Vec<String>,
    /// Singular verbs a year opening a sentence is the subject of (`2024 was het warmste
    /// jaar`, `2023 a été une année record`).
    #[serde(default)]
    pub year_subject_verbs: Vec<String>,
    /// Nouns of streets and places after which `du`, `de la` and a date name the place,
    /// not a day (`rue du 4-Septembre`, `place du 8 mai 1945`).
    #[serde(default)]
    pub place_nouns: Vec<String>,
    /// Words right after a holiday that make it another calendar's (`Nouvel An chinois`).
    #[serde(default)]
    pub holiday_qualifiers: Vec<String>,
    /// Words right before a holiday that make it someone's own or a kind (`sa fête
    /// nationale`: the country's, not the lexicon's; `les vacances de Noël`).
    #[serde(default)]
    pub holiday_owners: Vec<String>,
    /// Links after which a bare season is a kind, not a date (`les vacances de printemps`,
    /// `les Jeux d'hiver`), and before which `le lendemain` is an event's (`le lendemain des
    /// élections`).
    #[serde(default)]
    pub kind_links: Vec<String>,
    /// Modifiers after a period (`2018 of later`, `1-1-2016 en daarna`).
    #[serde(default)]
    pub modifiers_after: BTreeMap<String, TimexMod>,
    /// Words between an amount of time and the day it counts from (`na` = +1, `voor` = -1).
    #[serde(default)]
    pub offset_links: BTreeMap<String, i32>,
    /// Words between a week and its weekday (`volgende week op dinsdag`).
    #[serde(default)]
    pub day_links: Vec<String>,
    /// Modifiers meaning "since": a yearless date after them has begun (`sinds 17 november`).
    #[serde(default)]
    pub since: Vec<String>,
    /// The rest of a period, up to its unit (`rest van`, `reste de`).
    #[serde(default)]
    pub rest: Vec<String>,
    /// Words between a part and the current period it divides (`later in het jaar`).
    #[serde(default)]
    pub part_links: Vec<String>,
    /// Words between a week and the day it starts on (`de week beginnend op 4 februari`).
    #[serde(default)]
    pub week_starts: Vec<String>,
    /// `now`, only as the end of an interval (`tussen januari en nu`).
    #[serde(default)]
    pub now: Vec<String>,
    /// Holidays: `MM-DD`, or `easter` with an optional day offset (`easter+1`).
    #[serde(default)]
    pub holidays: BTreeMap<String, String>,
    /// Holidays named like a person (`Sinterklaas`): days only right after one of
    /// [`Self::holiday_cues`] (`met Sinterklaas`, not `Sinterklaas komt aan`).
    #[serde(default)]
    pub cued_holidays: BTreeMap<String, String>,
    /// The words before such a holiday that make it the day (`met`, `rond`, `na`).
    #[serde(default)]
    pub holiday_cues: Vec<String>,
    /// Seasons as TIMEX3 codes (`SP`, `SU`, `FA`, `WI`).
    #[serde(default)]
    pub seasons: BTreeMap<String, String>,
    /// Words before a decade (`jaren 1990`, `les années 1990`).
    #[serde(default)]
    pub decades: Vec<String>,
    /// Words after an ordinal for a century (`21e eeuw`).
    #[serde(default)]
    pub centuries: Vec<String>,
    /// Articles before a bare day number that make it the day of the anchor's month (`le 23`).
    #[serde(default)]
    pub day_articles: Vec<String>,
    /// Words that may follow such a bare day number (`le 17 pour`).
    #[serde(default)]
    pub after_bare_day: Vec<String>,
}

/// A holiday's date rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// Days after Easter Sunday (Gregorian).
    Easter(i32),
    /// The `n`-th weekday (1 = Monday) of a month: `month, weekday, n` (`Prinsjesdag`, the
    /// third Tuesday of September, is written `09-w2-3`).
    NthWeekday(u32, u32, u32),
}

impl Holiday {
    fn parse(rule: &str) -> Result<Holiday, String> {
        if let Some(rest) = rule.strip_prefix("easter") {
            let offset = if rest.is_empty() {
                0
            } else {
                rest.trim_start_matches('+')
                    .parse()
                    .map_err(|_| format!("bad holiday rule {rule:?}"))?
            };
            return Ok(Holiday::Easter(offset));
        }
        if let Some((m, rest)) = rule.split_once("-w") {
            let numbers = rest
                .split_once('-')
                .and_then(|(wd, n)| Some((m.parse().ok()?, wd.parse().ok()?, n.parse().ok()?)));
            return match numbers {
                Some((m, wd, n))
                    if (1..=12).contains(&m) && (1..=7).contains(&wd) && (1..=4).contains(&n) =>
                {
                    Ok(Holiday::NthWeekday(m, wd, n))
                }
                _ => Err(format!("bad holiday rule {rule:?}")),
            };
        }
        let (m, d) = rule
            .split_once('-')
            .ok_or_else(|| format!("bad holiday rule {rule:?}"))?;
        let (m, d): (u32, u32) = (
            m.parse().map_err(|_| format!("bad month in {rule:?}"))?,
            d.parse().map_err(|_| format!("bad day in {rule:?}"))?,
        );
        if chrono::NaiveDate::from_ymd_opt(2000, m, d).is_none() {
            return Err(format!("no such day {rule:?}"));
        }
        Ok(Holiday::Fixed(m, d))
    }
}

/// A season, as its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    /// `SP`.
    Spring,
    /// `SU`.
    Summer,
    /// `FA`.
    Fall,
    /// `WI`.
    Winter,
}

impl Season {
    fn parse(code: &str) -> Result<Season, String> {
        match code {
            "SP" => Ok(Season::Spring),
            "SU" => Ok(Season::Summer),
            "FA" => Ok(Season::Fall),
            "WI" => Ok(Season::Winter),
            _ => Err(format!("unknown season code {code:?}")),
        }
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// What a phrase means to the grammar. A phrase may have several senses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Sense {
    Month(u32),
    MonthAbbr(u32),
    Weekday(u32),
    WeekdayAbbr(u32),
    RelativeDay(i32),
    Unit(Unit),
    Shift(i32),
    WeekdayShift(WeekdayShift),
    Number(u32),
    Ordinal(u32),
    Modifier(TimexMod),
    Part(TimexMod),
    YearCue,
    Fiscal,
    Article,
    NeedsYear,
    Last,
    Plural,
    RelativeArticle,
    Of,
    From,
    Between,
    To,
    And,
    AgoAfter,
    AgoBefore,
    LaterBefore,
    Within,
    Quantity,
    Possessive,
    NotBeforeRelativeDay,
    Every,
    Approximation,
    ModifierAfter(TimexMod),
    OffsetLink(i32),
    DayLink,
    PartLink,
    Rest,
    Since,
    WeekStart,
    Now,
    Holiday(Holiday),
    Season(Season),
    Decade,
    Century,
    DayArticle,
    AfterBareDay,
    DurationCue,
    YearVerb,
    DurationCloser,
    PostcodePlace,
    Forecast,
    PlaceNoun,
    HolidayQualifier,
    HolidayOwner,
    KindLink,
    AfterPrevious(i32),
    CuedHoliday(Holiday),
    HolidayCue,
    PreviousLink(i32),
    PreviousPeriod(i32),
    TwoYearPeriod,
    WeekendArticle,
    NightOf,
    NightLink,
    Consecutive,
    LastingLink,
    ToTheDay,
    AndAHalf,
    HalfNumber(u32),
    /// A verb setting the date of a `voor` ("for"): `false` right before `voor`
    /// (`kondigde voor 1 juli ... aan`), `true` right after the date (`voor 14 september
    /// gepland`).
    SetsDateFor(bool),
    /// A hedge between a duration cue and its amount (`duurt vermoedelijk drie maanden`).
    CueHedge,
    /// The particle of a separable verb setting a date, right before `voor` (`kondigde een
    /// staking aan voor 16 december`).
    ForParticle,
    /// The link of an approximate count after a unit (`of` in `een jaar of zestig`).
    ApproximateCount,
    /// A relative day that is also a noun (`morgen`, the morning).
    NounRelativeDay,
    /// An adverb of habit before `op` and a weekday (`voortaan op woensdag`).
    HabitualBefore,
    /// An opening hours' state after a weekday (`op zondag gesloten`).
    HabitualAfter,
}

/// A set of sense kinds, one bit each ([`Sense::kind_bit`]): wide enough for every kind.
pub type Kinds = u128;

impl Sense {
    /// This sense's kind as one bit of a [`Kinds`] (the variant, whatever its value): a
    /// token's senses fold into one mask, so a lookup of a kind the token lacks costs
    /// one AND. Always inlined: for the constant sense of a caller it folds to a constant.
    #[inline(always)]
    pub const fn kind_bit(&self) -> Kinds {
        let index: u32 = match self {
            Sense::Month(_) => 0,
            Sense::MonthAbbr(_) => 1,
            Sense::Weekday(_) => 2,
            Sense::WeekdayAbbr(_) => 3,
            Sense::RelativeDay(_) => 4,
            Sense::Unit(_) => 5,
            Sense::Shift(_) => 6,
            Sense::WeekdayShift(_) => 7,
            Sense::Number(_) => 8,
            Sense::Ordinal(_) => 9,
            Sense::Modifier(_) => 10,
            Sense::Part(_) => 11,
            Sense::YearCue => 12,
            Sense::Fiscal => 13,
            Sense::Article => 14,
            Sense::NeedsYear => 15,
            Sense::Last => 16,
            Sense::Plural => 17,
            Sense::RelativeArticle => 18,
            Sense::Of => 19,
            Sense::From => 20,
            Sense::Between => 21,
            Sense::To => 22,
            Sense::And => 23,
            Sense::AgoAfter => 24,
            Sense::AgoBefore => 25,
            Sense::LaterBefore => 26,
            Sense::Within => 27,
            Sense::Quantity => 28,
            Sense::NotBeforeRelativeDay => 29,
            Sense::Every => 30,
            Sense::Approximation => 31,
            Sense::ModifierAfter(_) => 32,
            Sense::OffsetLink(_) => 33,
            Sense::DayLink => 34,
            Sense::PartLink => 35,
            Sense::Rest => 36,
            Sense::Since => 37,
            Sense::WeekStart => 38,
            Sense::Now => 39,
            Sense::Holiday(_) => 40,
            Sense::Season(_) => 41,
            Sense::Decade => 42,
            Sense::Century => 43,
            Sense::DayArticle => 44,
            Sense::AfterBareDay => 45,
            Sense::DurationCue => 46,
            Sense::YearVerb => 47,
            Sense::DurationCloser => 48,
            Sense::PostcodePlace => 49,
            Sense::Forecast => 50,
            Sense::PlaceNoun => 53,
            Sense::HolidayQualifier => 54,
            Sense::KindLink => 55,
            Sense::AfterPrevious(_) => 56,
            Sense::CuedHoliday(_) => 51,
            Sense::HolidayCue => 52,
            Sense::PreviousLink(_) => 57,
            Sense::PreviousPeriod(_) => 58,
            Sense::TwoYearPeriod => 60,
            Sense::WeekendArticle => 61,
            Sense::NightOf => 62,
            Sense::NightLink => 63,
            Sense::Consecutive => 64,
            Sense::LastingLink => 65,
            Sense::HolidayOwner => 66,
            Sense::ToTheDay => 67,
            Sense::AndAHalf => 68,
            Sense::HalfNumber(_) => 59,
            Sense::SetsDateFor(_) => 69,
            Sense::CueHedge => 70,
            Sense::ForParticle => 71,
            Sense::ApproximateCount => 72,
            Sense::NounRelativeDay => 73,
            Sense::Possessive => 74,
            Sense::HabitualBefore => 75,
            Sense::HabitualAfter => 76,
        };
        // Each kind has its own bit; a kind past the last would share it (a superset, never
        // a miss), and the unit test `kinds_have_their_own_bits` says when to widen.
        1 << if index > 127 { 127 } else { index }
    }

    /// The union of the kinds of `senses` (their values do not matter).
    pub const fn kinds(senses: &[Sense]) -> Kinds {
        let mut mask = 0;
        let mut k = 0;
        while k < senses.len() {
            mask |= senses[k].kind_bit();
            k += 1;
        }
        mask
    }

    /// Whether the phrase alone is worth looking at the text around it (prefilter).
    pub fn is_trigger(&self) -> bool {
        matches!(
            self,
            Sense::Month(_)
                | Sense::MonthAbbr(_)
                | Sense::Weekday(_)
                | Sense::RelativeDay(_)
                | Sense::AfterPrevious(_)
                | Sense::Unit(_)
                | Sense::Fiscal
                | Sense::Holiday(_)
                | Sense::CuedHoliday(_)
                | Sense::Season(_)
                | Sense::Century
                // `tweeduizend twintig`, `deux mille douze`: a year in words.
                | Sense::Number(1000..)
        )
    }
}

/// A phrase as tokens.
#[derive(Debug, Clone)]
struct Phrase {
    tokens: Vec<String>,
    sense: Sense,
}

/// The compiled vocabulary: phrases by first token, and the prefilter words.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    /// Keyed with FxHash: every token of a region is looked up, and the keys are lexicon
    /// words, not attacker-chosen.
    by_first: FxHashMap<String, Vec<Phrase>>,
    /// The first bytes of the keys of `by_first`, as a bit set: most tokens (numbers,
    /// punctuation, most words) are rejected before hashing.
    first_bytes: [u64; 4],
    /// Ordinal suffixes, folded.
    pub ordinal_suffixes: Vec<String>,
    /// Quarter prefixes, folded.
    pub quarter_prefixes: Vec<String>,
    /// Half-year prefixes, folded.
    pub half_prefixes: Vec<String>,
    /// See [`DateLexicon::joins_weekday_pairs`].
    pub joins_weekday_pairs: bool,
    /// See [`DateLexicon::scores_after_weekdays`].
    pub scores_after_weekdays: bool,
    /// Every word of every phrase, numbered, so that a region's tokens are hashed once
    /// and phrases match by comparing numbers.
    word_ids: FxHashMap<String, u32>,
    /// The ids of the words of `word_ids` up to 7 bytes (most), by [`short_key`]: a
    /// number hashes with one multiplication and compares without `memcmp`.
    short_word_ids: FxHashMap<u64, u32>,
    /// By first byte, the lengths (up to 63) of the keys of `word_ids` starting with it,
    /// as bits (bit 63: longer): most words are turned away before hashing.
    word_shapes: Vec<u64>,
    /// By the id of their first word, the phrases as in `by_first` (same order): the ids
    /// of their other words, and their sense.
    by_first_id: Vec<Vec<(Vec<u32>, Sense)>>,
}

/// The word id of a token that is no phrase word.
pub const NO_WORD: u32 = u32::MAX;

/// Sets the bit of `word`'s first byte in `set`.
fn add_first_byte(set: &mut [u64; 4], word: &str) {
    if let Some(&b) = word.as_bytes().first() {
        set[usize::from(b >> 6)] |= 1 << (b & 63);
    }
}

/// A word of up to 7 bytes as one number: its bytes, and its length in the top byte
/// (so no two words share a key); `None` for longer words.
pub(super) fn short_key(word: &[u8]) -> Option<u64> {
    let mut key = [0u8; 8];
    key.get_mut(..word.len())
        .filter(|_| word.len() < 8)?
        .copy_from_slice(word);
    key[7] = word.len() as u8;
    Some(u64::from_le_bytes(key))
}

/// The bit of a word length in [`Phrases`]'s `word_shapes` (63: 63 bytes or more).
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Whether `word`'s first byte is in `set`.
fn has_first_byte(set: &[u64; 4], word: &[u8]) -> bool {
    word.first()
        .is_some_and(|&b| set[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
}

impl Phrases {
    /// Compiles a lexicon; an error names the offending entry.
    pub fn compile(lex: &DateLexicon) -> Result<Phrases, String> {
        let mut phrases = Phrases {
            ordinal_suffixes: fold_all(&lex.ordinal_suffixes),
            quarter_prefixes: fold_all(&lex.quarter_prefixes),
            half_prefixes: fold_all(&lex.half_prefixes),
            joins_weekday_pairs: lex.joins_weekday_pairs,
            scores_after_weekdays: lex.scores_after_weekdays,
            ..Phrases::default()
        };
        for (word, &m) in &lex.months {
            check_range(word, m, 1, 12)?;
            phrases.add(word, Sense::Month(m))?;
        }
        for (word, &m) in &lex.month_abbreviations {
            check_range(word, m, 1, 12)?;
            phrases.add(word, Sense::MonthAbbr(m))?;
        }
        for (word, &d) in &lex.weekdays {
            check_range(word, d, 1, 7)?;
            phrases.add(word, Sense::Weekday(d))?;
            for suffix in &lex.day_part_suffixes {
                phrases.add(&format!("{word}{suffix}"), Sense::Weekday(d))?;
            }
        }
        for (word, &d) in &lex.weekday_abbreviations {
            check_range(word, d, 1, 7)?;
            phrases.add(word, Sense::WeekdayAbbr(d))?;
        }
        for (word, &n) in &lex.relative_days {
            phrases.add(word, Sense::RelativeDay(n))?;
        }
        for (word, &n) in &lex.days_after_previous {
            phrases.add(word, Sense::AfterPrevious(n))?;
        }
        for (word, &n) in &lex.offsets_from_previous {
            phrases.add(word, Sense::PreviousLink(n))?;
        }
        for (word, &n) in &lex.periods_of_previous {
            if !(-1..=1).contains(&n) {
                return Err(format!("{word:?}: {n} is not in -1..=1"));
            }
            phrases.add(word, Sense::PreviousPeriod(n))?;
        }
        for (word, &u) in &lex.units {
            phrases.add(word, Sense::Unit(u))?;
        }
        for (word, &n) in &lex.shifts {
            phrases.add(word, Sense::Shift(n))?;
        }
        for (word, &s) in &lex.weekday_shifts {
            phrases.add(word, Sense::WeekdayShift(s))?;
        }
        for (word, &n) in &lex.numbers {
            phrases.add(word, Sense::Number(n))?;
        }
        for (word, &n) in &lex.half_numbers {
            phrases.add(word, Sense::HalfNumber(n))?;
        }
        for (word, &n) in &lex.ordinals {
            phrases.add(word, Sense::Ordinal(n))?;
        }
        for (word, &m) in &lex.modifiers {
            phrases.add(word, Sense::Modifier(m))?;
        }
        for (word, &m) in &lex.parts {
            phrases.add(word, Sense::Part(m))?;
        }
        for (word, &m) in &lex.modifiers_after {
            phrases.add(word, Sense::ModifierAfter(m))?;
        }
        for (word, &n) in &lex.offset_links {
            phrases.add(word, Sense::OffsetLink(n))?;
        }
        for (word, rule) in &lex.holidays {
            phrases.add(word, Sense::Holiday(Holiday::parse(rule)?))?;
        }
        for (word, rule) in &lex.cued_holidays {
            phrases.add(word, Sense::CuedHoliday(Holiday::parse(rule)?))?;
        }
        for (word, code) in &lex.seasons {
            phrases.add(word, Sense::Season(Season::parse(code)?))?;
        }
        let lists: [(&Vec<String>, Sense); 57] = [
            (&lex.rest, Sense::Rest),
            (&lex.since, Sense::Since),
            (&lex.part_links, Sense::PartLink),
            (&lex.week_starts, Sense::WeekStart),
            (&lex.units_needing_year, Sense::NeedsYear),
            (&lex.last, Sense::Last),
            (&lex.plural_units, Sense::Plural),
            (&lex.relative_articles, Sense::RelativeArticle),
            (&lex.weekend_articles, Sense::WeekendArticle),
            (&lex.nights_of, Sense::NightOf),
            (&lex.night_links, Sense::NightLink),
            (&lex.day_links, Sense::DayLink),
            (&lex.now, Sense::Now),
            (&lex.decades, Sense::Decade),
            (&lex.centuries, Sense::Century),
            (&lex.day_articles, Sense::DayArticle),
            (&lex.after_bare_day, Sense::AfterBareDay),
            (&lex.year_cues, Sense::YearCue),
            (&lex.fiscal_years, Sense::Fiscal),
            (&lex.two_year_periods, Sense::TwoYearPeriod),
            (&lex.consecutive, Sense::Consecutive),
            (&lex.lasting_links, Sense::LastingLink),
            (&lex.to_the_day, Sense::ToTheDay),
            (&lex.articles, Sense::Article),
            (&lex.of, Sense::Of),
            (&lex.range_from, Sense::From),
            (&lex.range_between, Sense::Between),
            (&lex.range_to, Sense::To),
            (&lex.range_and, Sense::And),
            (&lex.ago_after, Sense::AgoAfter),
            (&lex.ago_before, Sense::AgoBefore),
            (&lex.later_before, Sense::LaterBefore),
            (&lex.within, Sense::Within),
            (&lex.quantity_words, Sense::Quantity),
            (&lex.possessives, Sense::Possessive),
            (&lex.not_before_relative_days, Sense::NotBeforeRelativeDay),
            (&lex.every, Sense::Every),
            (&lex.approximations, Sense::Approximation),
            (&lex.duration_cues, Sense::DurationCue),
            (&lex.cue_hedges, Sense::CueHedge),
            (&lex.for_particles, Sense::ForParticle),
            (&lex.approximate_counts, Sense::ApproximateCount),
            (&lex.noun_relative_days, Sense::NounRelativeDay),
            (&lex.habitual_before, Sense::HabitualBefore),
            (&lex.habitual_after, Sense::HabitualAfter),
            (&lex.year_subject_verbs, Sense::YearVerb),
            (&lex.duration_closers, Sense::DurationCloser),
            (&lex.and_a_half, Sense::AndAHalf),
            (&lex.postcode_places, Sense::PostcodePlace),
            (&lex.forecast_words, Sense::Forecast),
            (&lex.for_verbs, Sense::SetsDateFor(false)),
            (&lex.for_participles, Sense::SetsDateFor(true)),
            (&lex.place_nouns, Sense::PlaceNoun),
            (&lex.holiday_qualifiers, Sense::HolidayQualifier),
            (&lex.holiday_owners, Sense::HolidayOwner),
            (&lex.kind_links, Sense::KindLink),
            (&lex.holiday_cues, Sense::HolidayCue),
        ];
        for (words, sense) in lists {
            for word in words {
                phrases.add(word, sense)?;
            }
        }
        for list in phrases.by_first.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        }
        for key in phrases.by_first.keys() {
            add_first_byte(&mut phrases.first_bytes, key);
        }
        phrases.number_words();
        Ok(phrases)
    }

    /// Fills `word_ids`, `word_bytes` and `by_first_id` from `by_first`.
    fn number_words(&mut self) {
        fn id_of(word: &str, ids: &mut FxHashMap<String, u32>) -> u32 {
            let next = ids.len() as u32;
            *ids.entry(word.to_string()).or_insert(next)
        }
        let mut ids = FxHashMap::default();
        let mut by_first_id: Vec<Vec<(Vec<u32>, Sense)>> = Vec::new();
        for (first, list) in &self.by_first {
            let first = id_of(first, &mut ids) as usize;
            if by_first_id.len() <= first {
                by_first_id.resize_with(first + 1, Vec::new);
            }
            by_first_id[first] = list
                .iter()
                .map(|p| {
                    let rest = p.tokens[1..].iter().map(|w| id_of(w, &mut ids)).collect();
                    (rest, p.sense)
                })
                .collect();
        }
        by_first_id.resize_with(ids.len(), Vec::new);
        self.word_shapes = vec![0; 256];
        for word in ids.keys() {
            if let Some(&b) = word.as_bytes().first() {
                self.word_shapes[usize::from(b)] |= length_bit(word.len());
            }
        }
        self.short_word_ids = ids
            .iter()
            .filter_map(|(word, &id)| Some((short_key(word.as_bytes())?, id)))
            .collect();
        self.word_ids = ids;
        self.by_first_id = by_first_id;
    }

    /// The phrase-word id of each token ([`NO_WORD`] for the others), for
    /// [`Phrases::at_ids`].
    pub fn word_ids(&self, tokens: &[Token]) -> Vec<u32> {
        let mut ids = Vec::new();
        self.word_ids_into(tokens, &mut ids);
        ids
    }

    /// [`Phrases::word_ids`] into `ids` (cleared first), reusing its allocation. Not
    /// inlined: inside the engine's big loop its values would spill to the stack.
    #[inline(never)]
    pub fn word_ids_into(&self, tokens: &[Token], ids: &mut Vec<u32>) {
        ids.clear();
        ids.extend(tokens.iter().map(|t| {
            let word = t.folded.as_str();
            let shapes = word
                .as_bytes()
                .first()
                .and_then(|&b| self.word_shapes.get(usize::from(b)));
            if shapes.is_none_or(|&lengths| lengths & length_bit(word.len()) == 0) {
                return NO_WORD;
            }
            let found = match short_key(word.as_bytes()) {
                Some(key) => self.short_word_ids.get(&key),
                None => self.word_ids.get(word),
            };
            found.copied().unwrap_or(NO_WORD)
        }));
    }

    /// The phrases whose first word has id `id` ([`NO_WORD`]: none), longest first: the
    /// ids of their other words, and their sense.
    pub fn phrases_of(&self, id: u32) -> &[(Vec<u32>, Sense)] {
        self.by_first_id.get(id as usize).map_or(&[], Vec::as_slice)
    }

    /// [`Phrases::at`] over the tokens' [`Phrases::word_ids`]: the same senses, in the
    /// same order.
    pub fn at_ids<'a>(
        &'a self,
        ids: &'a [u32],
        i: usize,
    ) -> impl Iterator<Item = (usize, Sense)> + 'a {
        ids.get(i)
            .and_then(|&id| self.by_first_id.get(id as usize))
            .into_iter()
            .flatten()
            .filter(move |(rest, _)| {
                rest.len() < ids.len() - i && rest.iter().zip(&ids[i + 1..]).all(|(a, b)| a == b)
            })
            .map(move |(rest, sense)| (i + 1 + rest.len(), *sense))
    }

    fn add(&mut self, phrase: &str, sense: Sense) -> Result<(), String> {
        let tokens: Vec<String> = tokenize(phrase, 0)
            .into_iter()
            .map(|t| t.folded.to_string())
            .collect();
        let Some(first) = tokens.first().cloned() else {
            return Err(format!("empty phrase for {sense:?}"));
        };
        self.by_first
            .entry(first)
            .or_default()
            .push(Phrase { tokens, sense });
        Ok(())
    }

    /// Every sense of every phrase starting at token `i`, with the index after the phrase.
    pub fn at<'a>(
        &'a self,
        tokens: &'a [Token],
        i: usize,
    ) -> impl Iterator<Item = (usize, Sense)> + 'a {
        tokens
            .get(i)
            .filter(|t| self.may_start_phrase(t.folded.as_bytes()))
            .and_then(|t| self.by_first.get(t.folded.as_str()))
            .into_iter()
            .flatten()
            .filter(move |p| {
                p.tokens.len() <= tokens.len() - i
                    && p.tokens
                        .iter()
                        .zip(&tokens[i..])
                        .all(|(a, t)| a.as_str() == t.folded.as_str())
            })
            .map(move |p| (i + p.tokens.len(), p.sense))
    }

    /// Whether a phrase may start with `token`: its first byte starts some phrase.
    fn may_start_phrase(&self, token: &[u8]) -> bool {
        has_first_byte(&self.first_bytes, token)
    }

    /// The words whose presence makes the text around them worth parsing: one word of
    /// each phrase that can start a date, chosen to be rare in text, since every hit costs
    /// a region to tokenize and parse. `common` lists the language's most frequent words.
    pub fn trigger_words(&self, common: &[&str]) -> Vec<String> {
        let phrases: Vec<&Phrase> = self
            .by_first
            .values()
            .flatten()
            .filter(|p| p.sense.is_trigger())
            .collect();
        // A phrase with a word that is a trigger phrase of its own (`avant-hier`, `année
        // fiscale`) is found by that word.
        let alone: HashSet<&str> = phrases
            .iter()
            .filter_map(|p| match p.tokens.as_slice() {
                [word] => Some(word.as_str()),
                _ => None,
            })
            .collect();
        let common: HashSet<&str> = common.iter().copied().collect();
        let is_common = |word: &&String| common.contains(word.as_str());
        let long = |word: &&String| word.chars().count() >= 2;
        let mut words: Vec<String> = phrases
            .iter()
            .filter(|p| p.tokens.len() == 1 || !p.tokens.iter().any(|t| alone.contains(t.as_str())))
            // Else by its longest word that is not among the most common ones: `cette
            // nuit` by `nuit`, `l'an dernier` by `dernier`; elisions and articles (`l'`,
            // `ce`), which are everywhere, never open a region. The context kept before a
            // hit holds the phrase's first words.
            .filter_map(|p| {
                let rare = p.tokens.iter().filter(long).filter(|t| !is_common(t));
                longest(rare).or_else(|| longest(p.tokens.iter()))
            })
            .filter(long)
            .flat_map(|word| [word.clone(), word.replace('\'', "\u{2019}")])
            .collect();
        words.sort();
        words.dedup();
        words
    }
}

/// The longest of `words` (the last of equally long ones).
fn longest<'a>(words: impl Iterator<Item = &'a String>) -> Option<&'a String> {
    words.max_by_key(|w| w.chars().count())
}

fn fold_all(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

fn check_range(word: &str, n: u32, lo: u32, hi: u32) -> Result<(), String> {
    if (lo..=hi).contains(&n) {
        Ok(())
    } else {
        Err(format!("{word:?}: {n} is not in {lo}..={hi}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_have_their_own_bits() {
        // Kinds from the 64th on shared one bit while the mask was a u64; each has its own
        // now, below the last bit that a kind past 127 would share.
        let late = [
            Sense::NightLink,
            Sense::Consecutive,
            Sense::LastingLink,
            Sense::NounRelativeDay,
            Sense::Possessive,
            Sense::HabitualBefore,
            Sense::HabitualAfter,
        ];
        assert_eq!(Sense::kinds(&late).count_ones() as usize, late.len());
        assert!(late.iter().all(|s| s.kind_bit() < 1 << 127));
    }

    #[test]
    fn short_words_have_the_ids_of_their_strings() {
        for lang in ["nl", "fr"] {
            let rules = crate::lang::rules(lang).expect("language has rules");
            let phrases = &rules.engines.dates.phrases;
            let short = phrases.word_ids.keys().filter(|w| w.len() < 8).count();
            assert_eq!(phrases.short_word_ids.len(), short, "{lang}");
            for (word, &id) in &phrases.word_ids {
                let tokens = tokenize(word, 0);
                let ids = phrases.word_ids(&tokens);
                if tokens.len() == 1 {
                    assert_eq!(ids, [id], "{lang} {word:?}");
                }
            }
        }
        assert_eq!(
            short_key(b"abcdefg"),
            Some(u64::from_le_bytes(*b"abcdefg\x07"))
        );
        assert_eq!(short_key(b"abcdefgh"), None);
        assert_ne!(short_key(b"a"), short_key(b"a\0"));
    }

    #[test]
    fn each_phrase_is_found_by_its_rarest_word() {
        let lexicon = DateLexicon {
            relative_days: [
                ("hier".to_string(), -1),
                ("avant-hier".to_string(), -2),
                ("cette nuit".to_string(), 0),
                ("aujourd'hui".to_string(), 0),
            ]
            .into(),
            units: [("mois".to_string(), Unit::Month)].into(),
            shifts: [("prochain".to_string(), 1)].into(),
            ..DateLexicon::default()
        };
        let phrases = Phrases::compile(&lexicon).unwrap();
        // `avant-hier` by `hier`, a trigger of its own; `cette nuit` by `nuit`, `cette` being
        // common; `prochain` shifts a unit that opens the region, so it opens none; both
        // apostrophes of `aujourd'hui`.
        assert_eq!(
            phrases.trigger_words(&["cette", "avant"]),
            ["aujourd'hui", "aujourd\u{2019}hui", "hier", "mois", "nuit"]
        );
        // With no common words the longest word stands for a phrase.
        assert!(phrases.trigger_words(&[]).contains(&"cette".to_string()));
    }

    #[test]
    fn phrases_match_by_word_ids_as_by_strings() {
        let lexicon = DateLexicon {
            relative_days: [("overmorgen".to_string(), 2)].into(),
            units: [("week".to_string(), Unit::Week)].into(),
            shifts: [("volgende".to_string(), 1)].into(),
            range_to: vec!["tot en met".to_string(), "tot".to_string()],
            articles: vec!["de".to_string()],
            ..DateLexicon::default()
        };
        let phrases = Phrases::compile(&lexicon).unwrap();
        let tokens = tokenize("Tot en met de volgende week, tot overmorgen en tot", 0);
        let ids = phrases.word_ids(&tokens);
        for i in 0..tokens.len() {
            let by_ids: Vec<_> = phrases.at_ids(&ids, i).collect();
            assert_eq!(
                by_ids,
                phrases.at(&tokens, i).collect::<Vec<_>>(),
                "token {i}"
            );
        }
        // The longer phrase first; `en` is a phrase word but starts none, `,` is none;
        // a phrase cut off by the end of the region does not match.
        assert_eq!(
            phrases.at_ids(&ids, 0).collect::<Vec<_>>(),
            [(3, Sense::To), (1, Sense::To)]
        );
        assert_ne!(ids[1], NO_WORD);
        assert_eq!(phrases.at_ids(&ids, 1).count(), 0);
        assert_eq!(ids[6], NO_WORD);
        assert_eq!(
            phrases.at_ids(&ids, 10).collect::<Vec<_>>(),
            [(11, Sense::To)]
        );
        assert_eq!(phrases.at_ids(&ids, 11).count(), 0);
    }

    #[test]
    fn holiday_rules_read_fixed_days_easter_offsets_and_nth_weekdays() {
        assert_eq!(Holiday::parse("12-25"), Ok(Holiday::Fixed(12, 25)));
        assert_eq!(Holiday::parse("easter+39"), Ok(Holiday::Easter(39)));
        assert_eq!(Holiday::parse("09-w2-3"), Ok(Holiday::NthWeekday(9, 2, 3)));
        for bad in ["09-w8-3", "13-w2-3", "09-w2-5", "09-w2", "02-30"] {
            assert!(Holiday::parse(bad).is_err(), "{bad}");
        }
    }
}
