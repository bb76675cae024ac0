//! The per-language statement tables (`src/lang/<code>/statements.toml`) and the engine
//! compiled from them.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use super::cues::CueScanner;
use super::Metric;

/// One language's statement vocabulary, read from `src/lang/<code>/statements.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementLexicon {
    /// Cue words per metric.
    pub metrics: BTreeMap<Metric, MetricCues>,
    /// Function words that show clause structure.
    pub clause: ClauseWords,
}

/// The words that announce one metric.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricCues {
    /// Words and phrases; `...` is a gap of up to eight words.
    #[serde(default)]
    pub words: Vec<String>,
    /// Heads of compounds: `omzet` also matches `jaaromzet` and `cloud-omzet`.
    #[serde(default)]
    pub compounds: Vec<String>,
}

/// Function words, all compared in lower case.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseWords {
    /// Conjunctions that may open a new clause.
    pub conjunctions: Vec<String>,
    /// Relative pronouns: their clause belongs to the noun before.
    pub relatives: Vec<String>,
    /// Words before a company that make it a news source.
    pub sources: Vec<String>,
    /// Prepositions of possession after a metric noun.
    pub genitive: Vec<String>,
    /// Prepositions of the agent of a passive.
    pub agent: Vec<String>,
    /// Other prepositions: a company right after one is rarely the subject.
    pub prepositions: Vec<String>,
    /// Phrases before an amount that make it a change or a comparison.
    pub blockers: Vec<String>,
    /// Words between an old and a new amount.
    pub change_to: Vec<String>,
    /// Verbs of change: a range right after one (`passer de 3 à 4 milliards`) is an old and
    /// a new value, and the figure is the new one.
    pub change_verbs: Vec<String>,
    /// Words before a date that make it a starting point.
    pub since: Vec<String>,
    /// Abbreviations whose full stop does not end a sentence.
    pub abbreviations: Vec<String>,
    /// Compound heads naming a unit of a company (`cloudtak`).
    pub unit_suffixes: Vec<String>,
    /// Nouns naming a unit of a company, followed by the unit's name (`filiale cloud`).
    pub unit_nouns: Vec<String>,
}

/// A set of lower-case words.
pub(super) type WordSet = HashSet<String>;

/// The compiled statement linker for one language.
#[derive(Debug)]
pub struct StatementEngine {
    pub(super) cues: CueScanner,
    pub(super) conjunctions: WordSet,
    pub(super) relatives: WordSet,
    pub(super) sources: WordSet,
    pub(super) genitive: WordSet,
    pub(super) agent: WordSet,
    pub(super) prepositions: WordSet,
    /// Each blocker as its lower-case words.
    pub(super) blockers: Vec<Vec<String>>,
    pub(super) change_to: WordSet,
    pub(super) change_verbs: WordSet,
    pub(super) since: WordSet,
    pub(super) abbreviations: WordSet,
    pub(super) unit_suffixes: Vec<String>,
    pub(super) unit_nouns: WordSet,
}

impl StatementEngine {
    /// Compiles the engine from a language's lexicon.
    pub fn new(lexicon: &StatementLexicon) -> Result<Self, String> {
        let cues = CueScanner::new(lexicon.metrics.iter().map(|(&m, cues)| (m, cues)))?;
        let c = &lexicon.clause;
        if let Some(empty) = c.blockers.iter().find(|b| words_of(b).is_empty()) {
            return Err(format!("blocker {empty:?} has no words"));
        }
        Ok(StatementEngine {
            cues,
            conjunctions: word_set(&c.conjunctions),
            relatives: word_set(&c.relatives),
            sources: word_set(&c.sources),
            genitive: word_set(&c.genitive),
            agent: word_set(&c.agent),
            prepositions: word_set(&c.prepositions),
            blockers: c.blockers.iter().map(|b| words_of(b)).collect(),
            change_to: word_set(&c.change_to),
            change_verbs: word_set(&c.change_verbs),
            since: word_set(&c.since),
            abbreviations: word_set(&c.abbreviations),
            unit_suffixes: c.unit_suffixes.iter().map(|s| s.to_lowercase()).collect(),
            unit_nouns: word_set(&c.unit_nouns),
        })
    }
}

fn word_set(words: &[String]) -> WordSet {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// The lower-case words of a phrase, split like the linker splits text.
fn words_of(phrase: &str) -> Vec<String> {
    super::text::words(phrase)
        .map(|(s, e)| phrase[s..e].to_lowercase())
        .collect()
}
