//! The examples beside the cue tables (`src/lang/<code>/statements.examples.txt`), run
//! through the linker on the mentions they mark.

use std::str::FromStr;
use std::sync::OnceLock;

use regex::Regex;
use rust_decimal::Decimal;

use super::{Statement, StatementEngine, StatementLexicon};
use crate::article::PubDate;
use crate::extract::companies::Company;
use crate::extract::dates::{DateValue, Granularity};
use crate::extract::money::Money;
use crate::extract::{FactValue, Mention};

/// One example: a sentence with its mentions, and the statements expected.
struct Example {
    line: usize,
    text: String,
    mentions: Vec<Mention>,
    expected: Vec<Expected>,
}

#[derive(Debug, Clone, PartialEq)]
struct Expected {
    core: String,
    counterparty: Option<String>,
    period: Option<String>,
}

/// The engine for `code`, compiled once for all tests.
fn engine(code: &str) -> &'static StatementEngine {
    static ENGINES: OnceLock<Vec<(&'static str, StatementEngine)>> = OnceLock::new();
    let engines = ENGINES.get_or_init(|| {
        crate::lang::TABLES
            .iter()
            .map(|raw| {
                let lexicon: StatementLexicon = toml::from_str(raw.statements).unwrap();
                (raw.code, StatementEngine::new(&lexicon).unwrap())
            })
            .collect()
    });
    &engines.iter().find(|(c, _)| *c == code).unwrap().1
}

fn published() -> Option<PubDate> {
    PubDate::parse("2024-05-15")
}

/// `company | metric | amount currency`, the tuple the statements are scored on.
fn core(s: &Statement) -> String {
    format!(
        "{} | {} | {} {}",
        s.company,
        s.metric.as_str(),
        s.amount.normalize(),
        s.currency.as_deref().unwrap_or("-")
    )
}

fn parse_mention(surface: &str, spec: &str, start: usize) -> Mention {
    let (kind, arg) = spec.split_once(':').unwrap_or((spec, ""));
    let value = match kind {
        "c" => FactValue::Company(Company {
            name: if arg.is_empty() { surface } else { arg }.to_string(),
            ticker: None,
            country: None,
        }),
        "m" => {
            let (value, qualifier) = match arg.split_once(" q=") {
                Some((v, q)) => (v, Some(q.to_string())),
                None => (arg, None),
            };
            let (amount, currency) = value.split_once(' ').unwrap();
            let (amount, amount_max) = match amount.split_once('-') {
                Some((low, high)) => (low, Some(Decimal::from_str(high).unwrap())),
                None => (amount, None),
            };
            FactValue::Money(Money {
                amount: Decimal::from_str(amount).unwrap(),
                amount_max,
                currency: Some(currency.trim_end_matches('~').to_string()),
                currency_inferred: currency.ends_with('~'),
                qualifier,
                unit: None,
            })
        }
        "d" => {
            let (value, granularity) = arg.split_once(' ').unwrap();
            let granularity = serde_json::from_value::<String>(granularity.into())
                .ok()
                .and_then(|g| granularity_named(&g))
                .unwrap();
            FactValue::Date(DateValue {
                value: Some(value.to_string()),
                granularity,
                modifier: None,
                range: None,
            })
        }
        other => panic!("unknown mention kind {other}"),
    };
    Mention {
        start,
        end: start + surface.len(),
        value,
    }
}

fn granularity_named(name: &str) -> Option<Granularity> {
    Some(match name {
        "day" => Granularity::Day,
        "week" => Granularity::Week,
        "month" => Granularity::Month,
        "quarter" => Granularity::Quarter,
        "half" => Granularity::Half,
        "year" => Granularity::Year,
        "duration" => Granularity::Duration,
        _ => return None,
    })
}

fn parse_expected(line: &str) -> Option<Expected> {
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    if fields == ["none"] {
        return None;
    }
    let amount_currency = fields[2];
    let (amount, currency) = amount_currency.split_once(' ').unwrap();
    let core = format!(
        "{} | {} | {} {}",
        fields[0],
        fields[1],
        Decimal::from_str(amount).unwrap().normalize(),
        currency
    );
    let field = |key: &str| {
        fields[3..]
            .iter()
            .find_map(|f| f.strip_prefix(key))
            .map(str::to_string)
    };
    Some(Expected {
        core,
        counterparty: field("counterparty="),
        period: field("period="),
    })
}

fn examples(file: &str) -> Vec<Example> {
    let markup = Regex::new(r"\[([^\]]+)\]\{([^}]+)\}").unwrap();
    let mut out: Vec<Example> = Vec::new();
    for (n, line) in file.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('=') {
            let example = out.last_mut().expect("statement before its sentence");
            example.expected.extend(parse_expected(rest.trim()));
            continue;
        }
        let mut text = String::new();
        let mut mentions = Vec::new();
        let mut last = 0;
        for cap in markup.captures_iter(line) {
            let whole = cap.get(0).unwrap();
            text.push_str(&line[last..whole.start()]);
            mentions.push(parse_mention(&cap[1], &cap[2], text.len()));
            text.push_str(&cap[1]);
            last = whole.end();
        }
        text.push_str(&line[last..]);
        mentions.sort_by_key(|m| (m.start, m.end));
        out.push(Example {
            line: n + 1,
            text,
            mentions,
            expected: Vec::new(),
        });
    }
    out
}

/// Runs a language's examples; returns (true positives, false positives, false negatives)
/// on the scored tuple, and the failures.
fn run(code: &str, file: &str) -> ((usize, usize, usize), Vec<String>) {
    let engine = engine(code);
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut failures = Vec::new();
    for ex in examples(file) {
        let got = engine.link(&ex.text, &ex.mentions, published());
        let mut missing: Vec<&Expected> = ex.expected.iter().collect();
        for s in &got {
            let c = core(s);
            match missing.iter().position(|e| e.core == c) {
                Some(i) => {
                    let e = missing.remove(i);
                    tp += 1;
                    let details_ok = e
                        .counterparty
                        .as_ref()
                        .is_none_or(|x| s.counterparty.as_ref() == Some(x))
                        && e.period
                            .as_ref()
                            .is_none_or(|x| s.period.as_ref() == Some(x));
                    if !details_ok {
                        failures.push(format!(
                            "{code}:{}: {c}: counterparty {:?}, period {:?}",
                            ex.line, s.counterparty, s.period
                        ));
                    }
                }
                None => {
                    fp += 1;
                    failures.push(format!("{code}:{}: unexpected {c}", ex.line));
                }
            }
        }
        for e in missing {
            fn_ += 1;
            failures.push(format!("{code}:{}: missing {}", ex.line, e.core));
        }
    }
    ((tp, fp, fn_), failures)
}

#[test]
fn dutch_examples() {
    let ((tp, fp, fn_), failures) = run("nl", include_str!("../lang/nl/statements.examples.txt"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(tp >= 25 && fp == 0 && fn_ == 0);
}

#[test]
fn french_examples() {
    let ((tp, fp, fn_), failures) = run("fr", include_str!("../lang/fr/statements.examples.txt"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(tp >= 15 && fp == 0 && fn_ == 0);
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    fn mention(kind: u8, start: usize, end: usize) -> Mention {
        let value = match kind % 3 {
            0 => FactValue::Money(Money {
                amount: Decimal::ONE,
                amount_max: None,
                currency: None,
                currency_inferred: false,
                qualifier: None,
                unit: None,
            }),
            1 => FactValue::Company(Company {
                name: "X".into(),
                ticker: None,
                country: None,
            }),
            _ => FactValue::Date(DateValue {
                value: Some("2020".into()),
                granularity: Granularity::Year,
                modifier: None,
                range: None,
            }),
        };
        Mention { start, end, value }
    }

    proptest! {
        /// Any text with any well-formed mentions links without panicking.
        #[test]
        fn linking_never_panics(
            text in "[a-zA-Zéï’' ,;:.()\n0-9]{0,300}",
            spans in proptest::collection::vec((0u8..3, 0usize..300, 0usize..40), 0..12),
        ) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let mut mentions: Vec<Mention> = spans
                .into_iter()
                .map(|(kind, a, len)| {
                    let start = bounds[a % bounds.len()];
                    let end = bounds[(a + len).min(bounds.len() - 1)].max(start);
                    mention(kind, start, end)
                })
                .collect();
            mentions.sort_by_key(|m| (m.start, m.end));
            for code in ["nl", "fr"] {
                let _ = engine(code).link(&text, &mentions, published());
            }
        }
    }
}
