//! Unit tests of the money engine. Most cases live beside the rules, in
//! `src/lang/<code>/money.examples.txt`; the tests here cover the rest.

use rust_decimal::Decimal;

use super::Money;
use crate::article::Country;
use crate::extract::FactValue;
use crate::lang;

/// `(surface, money)` for each amount found in `text` by the `lang` rules.
fn money(lang: &str, text: &str) -> Vec<(String, Money)> {
    money_in(lang, text, None)
}

/// As [`money`], in an article from `country`.
fn money_in(lang: &str, text: &str, country: Option<Country>) -> Vec<(String, Money)> {
    let rules = lang::rules(lang).expect("language has rules");
    rules
        .engines
        .money
        .extract_in(text, country)
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

/// One expectation line: `surface | amount CUR | extras`, rendered back the same way.
fn render(surface: &str, m: &Money) -> String {
    let mut line = format!(
        "{surface} | {} {}",
        m.amount.normalize(),
        m.currency.as_deref().unwrap_or("-")
    );
    let mut extras = Vec::new();
    if let Some(q) = &m.qualifier {
        extras.push(format!("qualifier={q}"));
    }
    if let Some(x) = m.amount_max {
        extras.push(format!("max={}", x.normalize()));
    }
    if let Some(u) = &m.unit {
        extras.push(format!("unit={u}"));
    }
    if m.currency_inferred {
        extras.push("inferred".to_string());
    }
    if !extras.is_empty() {
        line.push_str(" | ");
        line.push_str(&extras.join(" | "));
    }
    line
}

/// Normalizes an expectation line written by hand (`12,50`-style amounts are not allowed;
/// amounts are written with a decimal point and compared as decimals).
fn normalize_expected(line: &str) -> String {
    let mut parts: Vec<String> = line.split(" | ").map(str::to_string).collect();
    if let Some(value) = parts.get_mut(1) {
        if let Some((amount, cur)) = value.split_once(' ') {
            *value = format!("{} {cur}", dec(amount).normalize());
        }
    }
    for part in parts.iter_mut().skip(2) {
        if let Some(x) = part.strip_prefix("max=") {
            *part = format!("max={}", dec(x).normalize());
        }
    }
    parts.join(" | ")
}

/// Checks every case of an examples file; reports all failures at once. A sentence line
/// may start with `@CC ` (`@CA Il payait 14,99 $.`): it is read as an article from CC.
fn check_examples(lang: &str, file: &str) {
    let mut failures = Vec::new();
    let mut cases = 0;
    let mut sentence: Option<&str> = None;
    let mut expected: Vec<String> = Vec::new();
    let mut check = |line: &str, expected: &[String]| {
        let (country, sentence) = match line.strip_prefix('@').and_then(|l| l.split_once(' ')) {
            Some((code, rest)) => (Some(Country::parse(code).expect("country code")), rest),
            None => (None, line),
        };
        let got: Vec<String> = money_in(lang, sentence, country)
            .iter()
            .map(|(s, m)| render(s, m))
            .collect();
        if got != expected {
            failures.push(format!(
                "{line}\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    };
    for line in file.lines().map(str::trim_end) {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(exp) = line.strip_prefix("= ") {
            if exp != "none" {
                expected.push(normalize_expected(exp));
            }
            continue;
        }
        if let Some(s) = sentence.replace(line) {
            check(s, &expected);
            cases += 1;
            expected.clear();
        }
    }
    if let Some(s) = sentence {
        check(s, &expected);
        cases += 1;
    }
    assert!(cases >= 30, "only {cases} examples");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn dutch_examples() {
    check_examples("nl", include_str!("../../lang/nl/money.examples.txt"));
}

#[test]
fn french_examples() {
    check_examples("fr", include_str!("../../lang/fr/money.examples.txt"));
}

#[test]
fn values_are_exact_decimals() {
    let found = money("nl", "De omzet was 1,7 miljard euro.");
    assert_eq!(found[0].1.amount, dec("1700000000"));
    let json = serde_json::to_string(&found[0].1).expect("serializes");
    assert!(json.contains("\"amount\":1700000000"), "{json}");
    let found = money("fr", "Il a payé 0,1 million d'euros.");
    assert_eq!(found[0].1.amount, dec("100000"));
}

#[test]
fn offsets_are_byte_ranges_of_the_surface() {
    let text = "Één ding: de boete van € 2,5 mln werd betaald.";
    let rules = lang::rules("nl").expect("nl");
    let found = rules.engines.money.extract(text);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].start..found[0].end], "€ 2,5 mln");
}

#[test]
fn no_bleeding_into_a_new_line() {
    let found = money("nl", "De prijs is 40\neuro is de munt van Europa.");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn iso_codes_need_capitals() {
    assert!(money("nl", "Ze willen een try en buy winkel.").is_empty());
    assert_eq!(
        money("nl", "Het kost 300 CHF.")[0].1.currency.as_deref(),
        Some("CHF")
    );
}

#[test]
fn canadian_dollar_suffix_is_not_a_word_start() {
    let found = money("fr", "Il a payé 1 000 $ c'est trop.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "1 000 $");
    assert_eq!(found[0].1.currency.as_deref(), Some("USD"));
    let found = money("fr", "Il a payé 1 000 $ CA cette année.");
    assert_eq!(found[0].0, "1 000 $ CA");
    assert_eq!(found[0].1.currency.as_deref(), Some("CAD"));
}

#[test]
fn negative_amount_after_a_symbol() {
    let found = money("nl", "Het saldo is € -12 na de boeking.");
    assert_eq!(found[0].0, "€ -12");
    assert_eq!(found[0].1.amount, dec("-12"));
}

#[test]
fn nothing_panics_on_odd_input() {
    let inputs = [
        "€",
        "$$$$",
        "€ -",
        "1,",
        "1.000.",
        "€ 1.000.000.000.000.000.000.000.000.000.000",
        "99999999999999999999999999999999 miljard euro",
        "één\u{a0}€",
        "€\u{202f}5",
        "de 8 à",
        "tussen en euro",
        "- € -",
        "vingt-",
        "-vingt euros",
        "’€’",
    ];
    for lang in ["nl", "fr"] {
        for text in inputs {
            let _ = money(lang, text);
        }
    }
    let long = "5 miljard ".repeat(5000) + "euro";
    assert!(money("nl", &long).len() <= 2);
}

proptest::proptest! {
    /// Any mix of numbers, currency words, scale words, separators and odd characters
    /// yields well-formed mentions and never panics.
    #[test]
    fn random_token_soup_never_panics(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "1", "2,5", "1.500", "12 500", "\u{a0}", "\u{2009}", " ", "-", "–", ",", ".", "'",
            "’", "(", ")", "\n", "€", "$", "£", "¥", "元", "US", "EUR", "euro", "euros", "dollar",
            "dollars", "cent", "cents", "miljard", "miljoen", "milliards", "millions", "mld",
            "Mds", "M", "k", "de", "d'", "d’", "en", "et", "à", "tot", "tussen", "entre", "ruim",
            "plus de", "een", "un", "vingt", "huit", "vijfenveertig", "demi", "half", "%", "é",
            "😀", "livres", "sterling", "c", "CA", "x",
        ]),
        0..40,
    )) {
        let text: String = parts.concat();
        for lang in ["nl", "fr"] {
            let rules = lang::rules(lang).expect("rules");
            for m in rules.engines.money.extract(&text) {
                proptest::prop_assert!(m.start < m.end && m.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            }
        }
    }
}

#[test]
fn a_long_list_of_amounts_takes_linear_time() {
    let text = "Post 5 euro, post 7,5 miljoen dollar; ".repeat(20_000);
    let start = std::time::Instant::now();
    let found = money("nl", &text);
    assert_eq!(found.len(), 40_000);
    assert!(found.windows(2).all(|w| w[0].1.amount != w[1].1.amount));
    // Generous even for a debug build on a loaded machine; quadratic work takes minutes.
    assert!(start.elapsed().as_secs() < 60);
}
