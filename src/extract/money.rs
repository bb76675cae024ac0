//! The money engine: amounts with an exact value and an ISO 4217 currency.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::numbers::{serialize_decimal, serialize_opt_decimal};
use super::Mention;

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
    /// ISO 4217 code, or `None` when the text names no currency.
    pub currency: Option<String>,
    /// `true` when the currency was elided and taken from neighbouring amounts.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub currency_inferred: bool,
    /// An approximation or bound word kept outside the value (`ruim`, `plus de`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
}

/// One language's money vocabulary, read from `src/lang/<code>/money.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MoneyLexicon {}

/// The compiled money engine for one language.
pub struct MoneyEngine {}

impl MoneyEngine {
    /// Compiles the engine from a language's lexicon.
    pub fn new(_lexicon: &MoneyLexicon) -> Result<Self, String> {
        Ok(MoneyEngine {})
    }

    /// Finds the amounts in `text`.
    pub fn extract(&self, _text: &str) -> Vec<Mention> {
        Vec::new()
    }
}
