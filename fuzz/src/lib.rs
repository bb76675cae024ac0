//! Invariant checks shared by the fuzz targets. A broken invariant panics, which
//! libFuzzer reports as a crash and saves the input under `fuzz/artifacts/<target>/`.

use newsfacts::article::{Country, PubDate};
use newsfacts::extract::{Context, FactValue, Mention};
use newsfacts::lang::Language;
use rust_decimal::Decimal;

/// The languages with rules, fuzzed on every input.
pub const LANGS: [&str; 2] = ["nl", "fr"];

/// The compiled rules of `code`; the built-in languages always exist.
pub fn language(code: &str) -> &'static Language {
    match newsfacts::lang::rules(code) {
        Some(language) => language,
        None => panic!("no rules for built-in language {code}"),
    }
}

/// Fuzz bytes as text: invalid UTF-8 is replaced rather than skipped so that every
/// input reaches the engines.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The anchors relative dates are resolved against: none, and each precision.
pub fn contexts() -> [Context; 4] {
    let day = |year, month, day| PubDate { year, month, day };
    [
        Context {
            published: None,
            ..Default::default()
        },
        Context {
            published: Some(day(2026, None, None)),
            ..Default::default()
        },
        Context {
            published: Some(day(2024, Some(2), None)),
            ..Default::default()
        },
        Context {
            published: Some(day(2024, Some(2), Some(29))),
            country: Country::parse("CA"),
        },
    ]
}

/// Checks the span and value invariants of an engine's mentions over `text`.
pub fn check_mentions(text: &str, mentions: &[Mention]) {
    for m in mentions {
        assert!(
            m.start < m.end && m.end <= text.len(),
            "bad span {}..{} in a text of {} bytes",
            m.start,
            m.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
            "span {}..{} not on char boundaries",
            m.start,
            m.end
        );
        check_value(&text[m.start..m.end], &m.value);
    }
}

/// Checks a normalized value against its surface text: amounts are non-negative unless
/// the text writes a minus sign (`€ -12`), ranges ordered; date values are non-empty.
pub fn check_value(surface: &str, value: &FactValue) {
    match value {
        FactValue::Money(money) => {
            assert!(
                money.amount >= Decimal::ZERO || surface.contains(['-', '\u{2212}']),
                "negative amount {} without a sign in {surface:?}",
                money.amount
            );
            if let Some(max) = money.amount_max {
                assert!(
                    max >= money.amount,
                    "range {}..{} upside down",
                    money.amount,
                    max
                );
            }
            if let Some(currency) = &money.currency {
                assert!(
                    currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase()),
                    "currency {currency:?} is not an ISO 4217 code"
                );
            }
        }
        FactValue::Date(date) => {
            if let Some(v) = &date.value {
                assert!(!v.is_empty(), "empty TIMEX3 value");
            }
        }
        FactValue::Company(_) => {}
    }
}
