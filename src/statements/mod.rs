//! Statements: the facts analysts query, built by linking the mentions the engines found.
//!
//! A statement says that a company reported an amount for a metric (revenue, profit, an
//! investment, an acquisition price, ...) over a period. The linker reads one sentence
//! at a time, splits it into clauses, finds metric cues from the language's
//! `statements.toml`, and links each cue to its amount, its subject company and a date,
//! by word order and cue position. Precision comes first: when a link is not clear,
//! no statement is made and the mentions stay in `facts` alone.

mod cues;
mod lexicon;
mod link;
mod text;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::extract::numbers::{serialize_decimal, serialize_opt_decimal};

pub use lexicon::{StatementEngine, StatementLexicon};

/// What a statement measures. The same names in every language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Turnover, sales (`omzet`, `chiffre d'affaires`).
    Revenue,
    /// Net or operating profit (`winst`, `bénéfice`).
    Profit,
    /// A loss (`verlies`, `perte`).
    Loss,
    /// Money a company invests (`investeert`, `investissement`).
    Investment,
    /// The price of an acquisition; the target is the `counterparty`.
    Acquisition,
    /// A fine or a settlement (`boete`, `schikking`, `amende`).
    Fine,
    /// Capital raised (`haalt op`, `lève`).
    Funding,
    /// Market capitalisation or valuation (`beurswaarde`, `capitalisation`).
    MarketValue,
    /// A dividend, in total or per share.
    Dividend,
    /// Money spent (`besteedt`, `dépenses`).
    Spending,
    /// Money saved (`bespaart`, `économies`).
    Savings,
}

impl Metric {
    /// The name used in the output (`revenue`, `market_value`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Revenue => "revenue",
            Metric::Profit => "profit",
            Metric::Loss => "loss",
            Metric::Investment => "investment",
            Metric::Acquisition => "acquisition",
            Metric::Fine => "fine",
            Metric::Funding => "funding",
            Metric::MarketValue => "market_value",
            Metric::Dividend => "dividend",
            Metric::Spending => "spending",
            Metric::Savings => "savings",
        }
    }
}

/// One linked fact: a company's amount for a metric over a period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Statement {
    /// Canonical name of the company the figure belongs to (the acquirer, for acquisitions).
    pub company: String,
    /// What the amount measures.
    pub metric: Metric,
    /// The amount, exact (the lower bound of a range).
    #[serde(serialize_with = "serialize_decimal")]
    #[schemars(with = "f64")]
    pub amount: Decimal,
    /// The upper bound when the amount is a range.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_opt_decimal"
    )]
    #[schemars(with = "Option<f64>")]
    pub amount_max: Option<Decimal>,
    /// ISO 4217 code, or null when the text names none.
    pub currency: Option<String>,
    /// `true` when the currency was elided in the text and taken from neighbouring amounts.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub currency_inferred: bool,
    /// TIMEX3 value of the period (`2020`, `2023-Q3`, `P3Y`), or null.
    pub period: Option<String>,
    /// First date of the period, when the date fact gives a range (`2020-04`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_start: Option<String>,
    /// Last date of the period, when the date fact gives a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period_end: Option<String>,
    /// `true` when no date in the sentence gave the period and it is the publication year.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub period_inferred: bool,
    /// Approximation or bound word from the amount (`ruim`, `plus de`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The other company: the target of an acquisition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counterparty: Option<String>,
    /// The same amount given in other currencies (`2 miljard dollar (1,7 miljard euro)`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub equivalents: Vec<Equivalent>,
    /// The text span the statement was read from, in code points.
    pub evidence: Evidence,
    /// Indices into the record's `facts` of the mentions linked (company, amount, date, ...).
    pub facts: Vec<usize>,
}

/// An amount restated in another currency.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Equivalent {
    /// The amount, exact.
    #[serde(serialize_with = "serialize_decimal")]
    #[schemars(with = "f64")]
    pub amount: Decimal,
    /// ISO 4217 code, or null.
    pub currency: Option<String>,
    /// Index into the record's `facts`.
    pub fact: usize,
}

/// A span of the article text in Unicode code points, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Evidence {
    /// Offset of the first character.
    pub start: usize,
    /// Offset after the last character.
    pub end: usize,
}

#[cfg(test)]
mod tests;
