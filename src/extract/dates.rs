//! The date engine: dates, periods and durations as TIMEX3 values, resolved against
//! the publication date.

use serde::{Deserialize, Serialize};

use super::{Context, Mention};

/// A normalized date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct DateValue {
    /// TIMEX3 value (`2015`, `2020-11`, `2020-03-03`, `2023-Q3`, `P5Y`), or `None` when a
    /// relative expression cannot be resolved (no publication date).
    pub value: Option<String>,
    /// The precision of `value`.
    pub granularity: Granularity,
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
}

/// One language's date vocabulary, read from `src/lang/<code>/dates.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DateLexicon {}

/// The compiled date engine for one language.
pub struct DateEngine {}

impl DateEngine {
    /// Compiles the engine from a language's lexicon.
    pub fn new(_lexicon: &DateLexicon) -> Result<Self, String> {
        Ok(DateEngine {})
    }

    /// Finds the dates in `text`, resolving relative ones against `ctx.published`.
    pub fn extract(&self, _text: &str, _ctx: &Context) -> Vec<Mention> {
        Vec::new()
    }
}
