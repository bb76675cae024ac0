//! The language tables. Everything language-specific is data in `src/lang/<code>/`,
//! one TOML file per dimension (money, dates, companies), compiled into the binary and
//! fed to the shared engines in [`crate::extract`]. Adding a language means adding a folder
//! of tables and one line to [`TABLES`].

use std::sync::OnceLock;

use crate::extract::companies::{CompanyEngine, CompanyLexicon};
use crate::extract::dates::{DateEngine, DateLexicon};
use crate::extract::money::{MoneyEngine, MoneyLexicon};
use crate::extract::numbers::{NumberLexicon, NumberWords};
use crate::extract::Engines;
use crate::statements::{StatementEngine, StatementLexicon};

/// The raw tables of one language, as compiled into the binary.
pub struct RawTables {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// `money.toml`.
    pub money: &'static str,
    /// `dates.toml`.
    pub dates: &'static str,
    /// `companies.toml`.
    pub companies: &'static str,
    /// `numbers.toml`: number words, shared by the engines.
    pub numbers: &'static str,
    /// `statements.toml`.
    pub statements: &'static str,
}

macro_rules! tables {
    ($code:literal) => {
        RawTables {
            code: $code,
            money: include_str!(concat!($code, "/money.toml")),
            dates: include_str!(concat!($code, "/dates.toml")),
            companies: include_str!(concat!($code, "/companies.toml")),
            numbers: include_str!(concat!($code, "/numbers.toml")),
            statements: include_str!(concat!($code, "/statements.toml")),
        }
    };
}

/// Every language with extraction rules.
pub const TABLES: &[RawTables] = &[tables!("nl"), tables!("fr")];

/// The company gazetteer shared by all languages: `canonical<TAB>aliases<TAB>country<TAB>ticker`.
pub const GAZETTEER: &str = include_str!("gazetteer.tsv");

/// A language's compiled engines.
pub struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// The engines fed with this language's tables.
    pub engines: Engines,
    /// The statement linker fed with this language's cues.
    pub statements: StatementEngine,
}

/// The languages newsfacts has rules for (ISO 639-1 codes).
pub fn supported() -> impl Iterator<Item = &'static str> {
    TABLES.iter().map(|t| t.code)
}

/// The compiled rules for `code`, or `None` for a language without rules.
///
/// Each language is compiled on its first use, once per process: a run over Dutch text
/// never pays for the French tables.
pub fn rules(code: &str) -> Option<&'static Language> {
    static COMPILED: [OnceLock<Language>; TABLES.len()] = [const { OnceLock::new() }; TABLES.len()];
    let index = TABLES.iter().position(|t| t.code == code)?;
    let raw = &TABLES[index];
    Some(
        COMPILED[index]
            .get_or_init(|| compile(raw).unwrap_or_else(|e| panic!("built-in tables: {e}"))),
    )
}

/// Compiles one language's tables; an error names the file and the problem.
///
/// The company engine, the largest part (its tables, the gazetteer shared by all
/// languages and the anchored automata: about half the instructions of a language),
/// compiles on a second thread while this one builds the others: on two or more cores,
/// start-up waits for the longer of the two instead of their sum, and every worker
/// thread waits on it for the first article of the language.
pub fn compile(raw: &RawTables) -> Result<Language, String> {
    let code = raw.code;
    let (companies, others) = std::thread::scope(|scope| {
        let companies = scope.spawn(|| compile_companies(raw));
        let others = compile_others(raw);
        let companies = companies
            .join()
            .unwrap_or_else(|_| Err(format!("{code}/companies.toml: compiling panicked")));
        (companies, others)
    });
    let (money, dates, statements) = others?;
    Ok(Language {
        code,
        engines: Engines {
            money,
            dates,
            companies: companies?,
        },
        statements,
    })
}

/// The company engine of one language.
fn compile_companies(raw: &RawTables) -> Result<CompanyEngine, String> {
    let code = raw.code;
    let companies: CompanyLexicon = parse(code, "companies", raw.companies)?;
    CompanyEngine::new(GAZETTEER, &companies).map_err(|e| format!("{code}/companies.toml: {e}"))
}

/// The money and date engines and the statement linker of one language.
fn compile_others(raw: &RawTables) -> Result<(MoneyEngine, DateEngine, StatementEngine), String> {
    let code = raw.code;
    let money: MoneyLexicon = parse(code, "money", raw.money)?;
    let dates: DateLexicon = parse(code, "dates", raw.dates)?;
    let numbers: NumberLexicon = parse(code, "numbers", raw.numbers)?;
    let numbers = NumberWords::new(&numbers).map_err(|e| format!("{code}/numbers.toml: {e}"))?;
    let statements: StatementLexicon = parse(code, "statements", raw.statements)?;
    Ok((
        MoneyEngine::new(&money, &numbers).map_err(|e| format!("{code}/money.toml: {e}"))?,
        DateEngine::new(&dates, &crate::langid::common_words(code))
            .map_err(|e| format!("{code}/dates.toml: {e}"))?,
        StatementEngine::new(&statements).map_err(|e| format!("{code}/statements.toml: {e}"))?,
    ))
}

fn parse<T: serde::de::DeserializeOwned>(code: &str, file: &str, text: &str) -> Result<T, String> {
    toml::from_str(text).map_err(|e| format!("{code}/{file}.toml: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_compiles() {
        for raw in TABLES {
            if let Err(e) = compile(raw) {
                panic!("{e}");
            }
        }
        assert!(rules("nl").is_some());
        assert!(rules("fr").is_some());
        assert!(rules("de").is_none());
    }

    #[test]
    fn each_language_is_compiled_once() {
        let (first, again) = (rules("fr"), rules("fr"));
        assert!(first.zip(again).is_some_and(|(a, b)| std::ptr::eq(a, b)));
        assert_eq!(first.map(|l| l.code), Some("fr"));
        assert_eq!(rules("nl").map(|l| l.code), Some("nl"));
    }
}
