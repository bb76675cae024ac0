//! The shared extraction engines. Each engine is compiled once per language from that
//! language's tables ([`crate::lang`]) and finds one type of fact in article text.
//!
//! Engines report [`Mention`]s with byte offsets into the text; the pipeline converts
//! them to the code-point offsets of the output contract.

pub mod anchored;
pub mod companies;
pub mod dates;
pub mod money;
pub mod numbers;

use serde::Serialize;

use crate::article::{Country, PubDate};

/// What an engine knows about the article besides its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// The publication date, the anchor for relative dates.
    pub published: Option<PubDate>,
    /// The country the article is from: a plain `$` or `francs` means its currency.
    pub country: Option<Country>,
}

/// A fact found in a text: a byte range and the normalized value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Byte offset of the first byte (inclusive).
    #[serde(skip)]
    pub start: usize,
    /// Byte offset after the last byte (exclusive).
    #[serde(skip)]
    pub end: usize,
    /// The normalized value, tagged with the fact type.
    #[serde(flatten)]
    pub value: FactValue,
}

/// A normalized fact value; serialized with a `type` tag (`money`, `company`, `date`).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum FactValue {
    /// An amount of money.
    Money(money::Money),
    /// A company name.
    Company(companies::Company),
    /// A date, period or duration.
    Date(dates::DateValue),
}

impl FactValue {
    /// The `type` name of this fact.
    pub fn type_name(&self) -> &'static str {
        match self {
            FactValue::Money(_) => "money",
            FactValue::Company(_) => "company",
            FactValue::Date(_) => "date",
        }
    }
}

/// The compiled engines for one language.
pub struct Engines {
    /// Money amounts.
    pub money: money::MoneyEngine,
    /// Dates and periods.
    pub dates: dates::DateEngine,
    /// Company names.
    pub companies: companies::CompanyEngine,
}

impl Engines {
    /// Runs every engine over `text` and returns the mentions sorted by position.
    ///
    /// Money amounts take precedence over dates: a number inside an amount is never a year.
    pub fn extract(&self, text: &str, ctx: &Context) -> Vec<Mention> {
        let money = self.money.extract_in(text, ctx.country);
        let mut dates = self.dates.extract(text, ctx);
        dates.retain(|d| !money.iter().any(|m| overlaps(m, d)));
        let companies = self.companies.extract_in(text, ctx.country);
        let mut all = money;
        all.extend(dates);
        all.extend(companies);
        all.sort_by_key(|m| (m.start, m.end));
        all
    }
}

/// Whether two mentions share at least one byte.
pub fn overlaps(a: &Mention, b: &Mention) -> bool {
    a.start < b.end && b.start < a.end
}
