//! The company engine: a gazetteer of known companies plus patterns for unknown ones.

use serde::{Deserialize, Serialize};

use super::Mention;

/// A company mention's normalized value.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Company {
    /// The canonical name (`Amazon Web Services` for `AWS`).
    pub name: String,
    /// Stock ticker, when the gazetteer knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ticker: Option<String>,
    /// ISO 3166 country code, when the gazetteer knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// One language's company cues, read from `src/lang/<code>/companies.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CompanyLexicon {}

/// The compiled company engine for one language.
pub struct CompanyEngine {}

impl CompanyEngine {
    /// Compiles the engine from the shared gazetteer and a language's cues.
    pub fn new(_gazetteer: &str, _lexicon: &CompanyLexicon) -> Result<Self, String> {
        Ok(CompanyEngine {})
    }

    /// Finds the companies in `text`.
    pub fn extract(&self, _text: &str) -> Vec<Mention> {
        Vec::new()
    }
}
