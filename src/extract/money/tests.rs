//! Unit tests of the money engine; most cases live in `src/lang/<code>/money.examples.txt`.

use rust_decimal::Decimal;

use crate::extract::FactValue;
use crate::lang;

/// `(surface, money)` for each amount found in `text` by the `lang` rules.
fn money(lang: &str, text: &str) -> Vec<(String, super::Money)> {
    let rules = lang::rules(lang).expect("language has rules");
    rules
        .engines
        .money
        .extract(text)
        .into_iter()
        .map(|m| match m.value {
            FactValue::Money(v) => (text[m.start..m.end].to_string(), v),
            other => panic!("not money: {other:?}"),
        })
        .collect()
}

fn dec(s: &str) -> Decimal {
    s.parse().expect("decimal literal")
}

#[test]
fn smoke() {
    let found = money(
        "nl",
        "Alibaba ziet een omzet van 2 miljard dollar (1,7 miljard euro).",
    );
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "2 miljard dollar");
    assert_eq!(found[0].1.amount, dec("2000000000"));
}
