//! The money engine: amounts with an exact value and an ISO 4217 currency.
//!
//! How it works:
//! 1. A prefilter (one Aho-Corasick scan) finds currency words and symbols on word
//!    boundaries; text without them is skipped, which is most of any article.
//! 2. Around each hit, a window is tokenized ([`tokens`]) and the grammar ([`grammar`]) reads
//!    `amount [scale] [de] currency`, `currency amount [scale]`, ranges, qualifiers,
//!    cents (`5 euro 50`) and amounts whose currency is elided in an enumeration.
//!
//! The vocabulary is data: symbols and ISO codes in `common.toml` beside this file, words,
//! scale abbreviations and grammar words per language in `src/lang/<code>/money.toml`,
//! number words in `src/lang/<code>/numbers.toml`.

mod grammar;
mod prefilter;
mod tokens;

use grammar::Home;

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::numbers::{serialize_decimal, serialize_opt_decimal, NumberWords};
use super::Mention;
use crate::article::Country;

/// A normalized amount of money.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Money {
    /// The amount (the lower bound of a range), exact.
    #[serde(serialize_with = "serialize_decimal")]
    #[schemars(with = "f64")]
    pub amount: Decimal,
    /// The upper bound of a range (`tussen 2 en 3 miljard euro`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_opt_decimal"
    )]
    #[schemars(with = "Option<f64>")]
    pub amount_max: Option<Decimal>,
    /// ISO 4217 code, or `None` when the text names no currency or an ambiguous one
    /// (`francs`), or counts a subunit (`25 cent`).
    pub currency: Option<String>,
    /// `true` when the currency was elided and taken from neighbouring amounts.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub currency_inferred: bool,
    /// An approximation or bound word kept outside the value (`ruim`, `plus de`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Set when `amount` counts something other than whole currency units: a subunit
    /// (`cent`, `pence`), a coin (`kwartje`), or an ambiguous currency name (`francs`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// One range pattern: `tussen X en Y` (opener `tussen`, connector `en`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RangePattern {
    /// The word before the lower bound, or `""` for none.
    #[serde(default)]
    pub opener: String,
    /// The word or symbol between the bounds.
    pub connector: String,
    /// Whether the opener says where a change starts after a verb of change (`steeg van 3
    /// tot 5 miljard`: two amounts, a before and an after); `tussen` and `entre` never do
    /// (`geraamd op tussen 80 en 100 miljoen`, where `op` is a particle of change too).
    #[serde(default)]
    pub from: bool,
}

/// Grammar words of one language's money expressions.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MoneyGrammar {
    /// Bound and approximation words before an amount (`ruim`, `plus de`).
    #[serde(default)]
    pub qualifiers: Vec<String>,
    /// Range patterns.
    #[serde(default)]
    pub ranges: Vec<RangePattern>,
    /// Words joining cents to an amount (`3 euro en 50 cent`).
    #[serde(default)]
    pub tail_joiners: Vec<String>,
    /// Words after a bare scaled amount that mark it as part of an enumeration.
    #[serde(default)]
    pub enumeration_followers: Vec<String>,
    /// Followers that join only scaled amounts (`à`: `95 à 1,21 euro` is a fuel grade
    /// and a price, `1,2 milliard à 1,5 milliard d'euros` is money twice).
    #[serde(default)]
    pub enumeration_followers_scaled_only: Vec<String>,
    /// Words before a bare scaled amount that compare it with an amount in a currency
    /// (`812 miljoen euro, tegen 640 miljoen een jaar eerder`).
    #[serde(default)]
    pub comparison_before: Vec<String>,
    /// Words after a bare scaled amount that show it is a sum, not a count of what
    /// follows (`voor 2 miljoen had gekocht`, `45 millions dans`, `1 miljard extra`): in a
    /// sentence with an amount in a currency it takes that currency.
    #[serde(default)]
    pub sum_followers: Vec<String>,
    /// Adverbs after a bare scaled amount that show a sum only before a word of
    /// `sum_followers` or a punctuation mark (`1 miljard extra uit`, not `5 miljoen extra
    /// bomen`).
    #[serde(default)]
    pub sum_adverbs: Vec<String>,
    /// Words after a scale that add half of it (`et demi` in `un milliard et demi`).
    #[serde(default)]
    pub scale_halves: Vec<String>,
    /// Words that make a following amount in words vague (`een paar honderd euro`).
    #[serde(default)]
    pub vague_before: Vec<String>,
    /// Currency names that are also adjectives before a noun (`un franc succès`): after
    /// the number word for one and before another word they are not money.
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Verbs of change before a range opener: `steeg van 3 tot 5 miljard euro` and
    /// `est passé de 3 à 5 millions` name two amounts, a before and an after, not a range.
    #[serde(default)]
    pub change_verbs: Vec<String>,
}

/// One language's money vocabulary, read from `src/lang/<code>/money.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MoneyLexicon {
    /// Words between a scale word and the currency (`de`, `d'`).
    #[serde(default)]
    pub linkers: Vec<String>,
    /// Currency names written after the number, with their ISO code (`""`: ambiguous).
    #[serde(default)]
    pub currencies: HashMap<String, String>,
    /// Names that count as money only with a scale word.
    #[serde(default)]
    pub weak: Vec<String>,
    /// Subunit and coin names, with the unit reported.
    #[serde(default)]
    pub subunits: HashMap<String, String>,
    /// Names of a hundredth of one currency, with its ISO code (`eurocent` = `EUR`): the
    /// amount is reported in whole units (`20 eurocent` = 0.20 EUR).
    #[serde(default)]
    pub hundredths: HashMap<String, String>,
    /// Plain names of a currency that several countries use, with their family in
    /// `common.toml`'s `[local]` (`dollars` = `dollar`, `centimes` = `cent`).
    #[serde(default)]
    pub families: HashMap<String, String>,
    /// Place names that say an article is about a country (`CH`: `Suisse`, `Genève`), by
    /// ISO 3166-1 code: without a known home, a plain name with no usual sense (`francs`)
    /// takes the currency of the countries the article names, when they agree.
    #[serde(default)]
    pub countries: HashMap<String, Vec<String>>,
    /// Adjectives of nationality that say the same (`CH`: `Zwitserse`, `suisse`): `De
    /// Noorse staat ontving 80 miljard kroon` is about Norway. Forms that are also the
    /// name of a language the article may be written in (`français`) are left out.
    #[serde(default)]
    pub demonyms: HashMap<String, Vec<String>>,
    /// Scale abbreviations (`mln`, `Mds`, `k`), matched ignoring case.
    #[serde(default)]
    pub scale_abbreviations: HashMap<String, Decimal>,
    /// Qualifiers, ranges, cents and enumeration words.
    #[serde(default)]
    pub grammar: MoneyGrammar,
}

/// The language-independent symbols and codes (`common.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
struct CommonTable {
    codes: Vec<String>,
    /// Codes of currencies the euro replaced (`BEF`): read as codes, and outranked by a
    /// current currency when named countries disagree.
    #[serde(default)]
    replaced: Vec<String>,
    /// Families whose plain name's usual code is only the more frequent of equals (`cfa`):
    /// named countries may override it.
    #[serde(default)]
    regional: Vec<String>,
    symbols: HashMap<String, String>,
    /// Symbols that are the plain name of a family (`$` = `dollar`).
    #[serde(default)]
    families: HashMap<String, String>,
    /// Each family's currency by country (`dollar`: `CA` = `CAD`).
    #[serde(default)]
    local: HashMap<String, HashMap<String, String>>,
}

impl CommonTable {
    /// The family of `name`, from the language's families or the common ones.
    fn family_of<'t>(
        &'t self,
        name: &str,
        families: &'t HashMap<String, String>,
    ) -> Option<&'t String> {
        families.get(name).or_else(|| self.families.get(name))
    }

    /// Whether `name` belongs to a family whose usual code is a guess (`regional`).
    fn is_regional(&self, name: &str, families: &HashMap<String, String>) -> bool {
        self.family_of(name, families)
            .is_some_and(|family| self.regional.contains(family))
    }

    /// The currencies by country of the family of `name`, from the language's families
    /// or the common ones.
    fn local_codes(
        &self,
        name: &str,
        families: &HashMap<String, String>,
    ) -> Result<Vec<(Country, String)>, String> {
        let Some(family) = self.family_of(name, families) else {
            return Ok(Vec::new());
        };
        let by_country = self
            .local
            .get(family)
            .ok_or_else(|| format!("family {family:?} of {name:?} is not in [local]"))?;
        by_country
            .iter()
            .map(|(country, code)| {
                Country::parse(country)
                    .map(|c| (c, code.clone()))
                    .ok_or_else(|| format!("[local.{family}]: bad country {country:?}"))
            })
            .collect()
    }
}

const COMMON: &str = include_str!("common.toml");

/// How a currency name may be used.
#[derive(Debug, Clone, PartialEq)]
enum Form {
    /// An ISO code, written in capitals (`EUR`; `try` is a word): before or after the number.
    Code,
    /// A symbol: before or after the number.
    Symbol,
    /// A word: after the number.
    Word,
    /// A word that is money only after a scale word (`361 millions de livres`).
    Weak,
    /// A subunit or coin, reported as a unit without currency.
    Subunit(String),
    /// A hundredth of the name's currency (`eurocent`).
    Hundredth,
}

/// One currency name as a sequence of token keys.
#[derive(Debug, Clone)]
struct CurrencyName {
    keys: Vec<String>,
    code: Option<String>,
    form: Form,
    /// What the name means in an article from one of these countries (`$` in Canada).
    local: Vec<(Country, String)>,
    /// Whether the usual `code` is only the more frequent of a family's equals (the CFA
    /// franc), so that the countries an article names may override it.
    regional: bool,
}

/// The compiled money engine for one language.
pub struct MoneyEngine {
    prefilter: prefilter::Prefilter,
    /// Names by their first key, longest first.
    names: HashMap<String, Vec<CurrencyName>, BuildHasherDefault<prefilter::Fnv>>,
    numbers: NumberWords,
    scale_abbreviations: HashMap<String, Decimal>,
    linkers: Vec<Vec<String>>,
    qualifiers: Vec<(Vec<String>, String)>,
    ranges: Vec<(Vec<String>, Vec<String>)>,
    /// The openers of ranges that name where a change starts (`van`, `de`).
    change_openers: Vec<Vec<String>>,
    tail_joiners: HashSet<String>,
    followers: HashSet<String>,
    followers_scaled_only: HashSet<String>,
    comparisons: HashSet<String>,
    sum_followers: HashSet<String>,
    sum_adverbs: HashSet<String>,
    scale_halves: Vec<Vec<String>>,
    vague_before: HashSet<String>,
    change_verbs: HashSet<String>,
    adjectives: HashSet<String>,
    /// Codes of currencies the euro replaced (`common.toml`'s `replaced`).
    replaced: HashSet<String>,
    /// Place names, and the country of each pattern.
    places: Option<AhoCorasick>,
    place_countries: Vec<Country>,
}

/// Bytes of context read before a currency hit.
const WINDOW_BEFORE: usize = 120;
// After a hit, far enough for a sum that takes its currency later in a long sentence
// (`12,5 miljoen euro ..., die Feyenoord twee jaar geleden voor 2 miljoen had gekocht`).
const WINDOW_AFTER: usize = 160;
/// Merged windows stop growing at this size, which bounds the grammar's work on text
/// that is one long list of amounts.
const MAX_WINDOW: usize = 4096;

impl MoneyEngine {
    /// Compiles the engine from a language's lexicon and number words.
    pub fn new(lexicon: &MoneyLexicon, numbers: &NumberWords) -> Result<Self, String> {
        let common: CommonTable =
            toml::from_str(COMMON).map_err(|e| format!("money/common.toml: {e}"))?;
        let mut all: Vec<CurrencyName> = Vec::new();
        let mut add = |phrase: &str, code: Option<String>, form: Form| -> Result<(), String> {
            let keys = tokens::phrase_keys(phrase);
            if keys.is_empty() {
                return Err(format!("empty currency name for {code:?}"));
            }
            let local = common.local_codes(phrase, &lexicon.families)?;
            let regional = common.is_regional(phrase, &lexicon.families);
            all.push(CurrencyName {
                keys,
                code,
                form,
                local,
                regional,
            });
            Ok(())
        };
        for code in common.codes.iter().chain(&common.replaced) {
            add(code, Some(code.clone()), Form::Code)?;
        }
        for (symbol, code) in &common.symbols {
            add(symbol, Some(code.clone()), Form::Symbol)?;
        }
        let weak: HashSet<String> = lexicon.weak.iter().map(|w| w.to_lowercase()).collect();
        for (name, code) in &lexicon.currencies {
            let form = if weak.contains(&name.to_lowercase()) {
                Form::Weak
            } else {
                Form::Word
            };
            let code = (!code.is_empty()).then(|| code.clone());
            add(name, code, form)?;
        }
        for w in &weak {
            if !lexicon.currencies.contains_key(w) {
                return Err(format!("weak name {w:?} is not in [currencies]"));
            }
        }
        for (name, unit) in &lexicon.subunits {
            add(name, None, Form::Subunit(unit.clone()))?;
        }
        for (name, code) in &lexicon.hundredths {
            add(name, Some(code.clone()), Form::Hundredth)?;
        }
        let prefilter = build_prefilter(&all);
        let mut names: HashMap<String, Vec<CurrencyName>, BuildHasherDefault<prefilter::Fnv>> =
            HashMap::default();
        for name in all {
            names.entry(name.keys[0].clone()).or_default().push(name);
        }
        for list in names.values_mut() {
            list.sort_by_key(|n| std::cmp::Reverse(n.keys.len()));
        }
        let g = &lexicon.grammar;
        let mut qualifiers: Vec<(Vec<String>, String)> = g
            .qualifiers
            .iter()
            .map(|q| (tokens::phrase_keys(q), q.clone()))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        qualifiers.sort_by_key(|q| std::cmp::Reverse(q.0.len()));
        let mut ranges: Vec<(Vec<String>, Vec<String>)> = g
            .ranges
            .iter()
            .map(|r| {
                (
                    tokens::phrase_keys(&r.opener),
                    tokens::phrase_keys(&r.connector),
                )
            })
            .collect();
        ranges.sort_by_key(|r| std::cmp::Reverse(r.0.len()));
        let change_openers = g
            .ranges
            .iter()
            .filter(|r| r.from)
            .map(|r| tokens::phrase_keys(&r.opener))
            .filter(|keys| !keys.is_empty())
            .collect();
        if ranges.iter().any(|(_, c)| c.is_empty()) {
            return Err("range with an empty connector".into());
        }
        let lower = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect();
        let (places, place_countries) = compile_places(&lexicon.countries, &lexicon.demonyms)?;
        Ok(MoneyEngine {
            prefilter,
            names,
            numbers: numbers.clone(),
            scale_abbreviations: lexicon
                .scale_abbreviations
                .iter()
                .map(|(k, v)| (k.to_lowercase(), *v))
                .collect(),
            linkers: lexicon
                .linkers
                .iter()
                .map(|l| tokens::phrase_keys(l))
                .collect(),
            qualifiers,
            ranges,
            change_openers,
            tail_joiners: lower(&g.tail_joiners),
            followers: lower(&g.enumeration_followers),
            followers_scaled_only: lower(&g.enumeration_followers_scaled_only),
            comparisons: lower(&g.comparison_before),
            sum_followers: lower(&g.sum_followers),
            sum_adverbs: lower(&g.sum_adverbs),
            scale_halves: g
                .scale_halves
                .iter()
                .map(|h| tokens::phrase_keys(h))
                .collect(),
            vague_before: lower(&g.vague_before),
            change_verbs: lower(&g.change_verbs),
            adjectives: lower(&g.adjectives),
            replaced: common.replaced.iter().cloned().collect(),
            places,
            place_countries,
        })
    }

    /// Finds the amounts in `text`, reading plain shared names (`$`, `francs`) in their
    /// most common sense (`USD`, none).
    pub fn extract(&self, text: &str) -> Vec<Mention> {
        self.extract_in(text, None)
    }

    /// Finds the amounts in `text` of an article from `country`: there a plain shared name
    /// means the home currency (`$` in Canada is `CAD`, `francs` in Switzerland `CHF`).
    /// Without a country, a plain name with no usual sense (`francs`, `dinars`) takes the
    /// currency of the countries the article names, when they agree (`Genève`: CHF).
    pub fn extract_in(&self, text: &str, country: Option<Country>) -> Vec<Mention> {
        let home = country.map_or(Home::Unknown, Home::Country);
        let (mentions, unplaced) = self.read_text(text, home);
        if !unplaced {
            return mentions;
        }
        let named = self.countries_named(text);
        if named.is_empty() {
            return mentions;
        }
        self.read_text(text, Home::Named(&named)).0
    }

    /// The countries whose place names `text` contains, as whole words.
    fn countries_named(&self, text: &str) -> Vec<Country> {
        let Some(places) = &self.places else {
            return Vec::new();
        };
        let mut named: Vec<Country> = places
            .find_iter(text)
            .filter(|m| is_whole_word(text, m.start(), m.end()))
            .filter_map(|m| self.place_countries.get(m.pattern().as_usize()).copied())
            .collect();
        named.sort_unstable();
        named.dedup();
        named
    }

    /// The amounts in `text`, and whether a plain name with no usual sense was read
    /// without a home.
    fn read_text(&self, text: &str, home: Home) -> (Vec<Mention>, bool) {
        let mut out = Vec::new();
        let mut unplaced = false;
        for (from, to) in self.windows(text) {
            let toks = tokens::tokenize(text, from, to);
            let reader = grammar::Reader::new(self, &toks, home);
            let found_all = reader.read();
            unplaced |= reader.read_unplaced();
            for found in found_all {
                // Windows cut at MAX_WINDOW may overlap: keep the first reading.
                let start = toks[found.first].start;
                if out.last().is_some_and(|m: &Mention| start < m.end) {
                    continue;
                }
                out.push(Mention {
                    start: toks[found.first].start,
                    end: toks[found.last].end,
                    value: super::FactValue::Money(found.money),
                });
            }
        }
        (out, unplaced)
    }

    /// Merged byte windows around possible amounts, on char boundaries.
    fn windows(&self, text: &str) -> Vec<(usize, usize)> {
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for at in self.prefilter.candidates(text, &self.numbers) {
            let from = window_start(text, at.saturating_sub(WINDOW_BEFORE));
            let to = char_floor(text, (at + WINDOW_AFTER).min(text.len()));
            match windows.last_mut() {
                Some(last) if from <= last.1 && last.1 - last.0 < MAX_WINDOW => {
                    last.1 = last.1.max(to);
                }
                _ => windows.push((from, to)),
            }
        }
        windows
    }
}

/// The prefilter. A name is found by its currency-bearing key: the key that is a name
/// by itself (`$` in `A$`, `dollar` in `amerikaanse dollar`), else its first key.
/// ISO codes count only in capitals (`ILS`, not `ils`).
fn build_prefilter(names: &[CurrencyName]) -> prefilter::Prefilter {
    let singles: HashSet<&str> = names
        .iter()
        .filter(|n| n.keys.len() == 1 && n.form != Form::Code)
        .map(|n| n.keys[0].as_str())
        .collect();
    let mut keys = HashSet::new();
    let mut codes = HashSet::new();
    // Amounts in words come with currency words (`twee miljard euro`), never symbols.
    let mut words = HashSet::new();
    for name in names {
        if name.form == Form::Code {
            codes.insert(name.keys[0].to_uppercase());
            continue;
        }
        let key = name
            .keys
            .iter()
            .find(|k| singles.contains(k.as_str()))
            .unwrap_or(&name.keys[0]);
        keys.insert(key.clone());
        if name.form != Form::Symbol
            && key.chars().count() >= 3
            && key.chars().all(char::is_alphabetic)
        {
            words.insert(key.clone());
        }
    }
    let words: Vec<String> = words.into_iter().collect();
    prefilter::Prefilter::new(keys, codes, &words)
}

/// The matcher of place names and demonyms, and the country of each pattern.
fn compile_places(
    countries: &HashMap<String, Vec<String>>,
    demonyms: &HashMap<String, Vec<String>>,
) -> Result<(Option<AhoCorasick>, Vec<Country>), String> {
    let mut names = Vec::new();
    let mut owners = Vec::new();
    for (code, places) in countries.iter().chain(demonyms) {
        let country =
            Country::parse(code).ok_or_else(|| format!("[countries]: bad code {code:?}"))?;
        for place in places {
            names.push(place.as_str());
            owners.push(country);
        }
    }
    if names.is_empty() {
        return Ok((None, owners));
    }
    // Searched only in the rare text with a plain `francs` or `dinars`: a contiguous NFA
    // builds at a tenth of a DFA's cost.
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&names)
        .map_err(|e| format!("[countries]: {e}"))?;
    Ok((Some(matcher), owners))
}

/// Whether `text[start..end]` stands between non-alphanumeric characters.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The largest char boundary at or before `i`.
fn char_floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A window start at or before `i` that does not cut a word or number in two.
fn window_start(text: &str, i: usize) -> usize {
    let mut i = char_floor(text, i);
    let limit = i.saturating_sub(48);
    while i > limit {
        let Some(prev) = text[..i].chars().next_back() else {
            break;
        };
        let next = text[i..].chars().next();
        if prev.is_whitespace() && !next.is_some_and(|c| c.is_ascii_digit()) {
            break;
        }
        i -= prev.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests;
