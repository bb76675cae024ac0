//! The money extractor through the real binary: JSON Lines in, money facts out, with
//! code-point offsets, exact amounts, qualifiers, ranges and inferred currencies.

mod common;

use std::process::Command;

use common::process::run_with_stdin;
use serde_json::Value;

/// Runs `newsfacts extract --input-format jsonl -` on `records` and returns the output records.
fn extract(records: &[Value]) -> Vec<Value> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsfacts"));
    command.args(["extract", "--input-format", "jsonl", "-"]);
    let input: String = records.iter().map(|r| format!("{r}\n")).collect();
    let out = run_with_stdin(command, input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn money_facts(record: &Value) -> Vec<&Value> {
    record["facts"]
        .as_array()
        .expect("facts")
        .iter()
        .filter(|f| f["type"] == "money")
        .collect()
}

#[test]
fn dutch_article_with_enumeration_and_conversion() {
    let text = "Één ding is zeker: de chipmaker boekte 3 miljard dollar (2,6 miljard euro) \
                omzet. Concurrent A haalde 4,1 miljard dollar, concurrent B ruim 1,2 miljard \
                en de rest bleef achter. De stad telt 2,1 miljoen inwoners.";
    let out = extract(&[serde_json::json!({"id": "nl-1", "lang": "nl", "text": text})]);
    let facts = money_facts(&out[0]);
    let got: Vec<(&str, i64, &str)> = facts
        .iter()
        .map(|f| {
            (
                f["text"].as_str().unwrap_or(""),
                f["amount"].as_i64().unwrap_or(-1),
                f["currency"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("3 miljard dollar", 3_000_000_000, "USD"),
            ("2,6 miljard euro", 2_600_000_000, "EUR"),
            ("4,1 miljard dollar", 4_100_000_000, "USD"),
            ("1,2 miljard", 1_200_000_000, "USD"),
        ]
    );
    assert_eq!(facts[3]["currency_inferred"], true);
    assert_eq!(facts[3]["qualifier"], "ruim");
    assert!(facts[0].get("currency_inferred").is_none());
    // Offsets are code points: `Één` counts three, not five bytes.
    let chars: Vec<char> = text.chars().collect();
    for f in &facts {
        let (s, e) = (
            f["start"].as_u64().unwrap_or(0),
            f["end"].as_u64().unwrap_or(0),
        );
        let surface: String = chars[s as usize..e as usize].iter().collect();
        assert_eq!(surface, f["text"].as_str().unwrap_or(""));
    }
}

#[test]
fn french_ranges_compact_forms_and_non_money() {
    let text = "Le chantier coûtera de 8 à 10 millions d'euros, contre 13,4 Mds€ pour \
                l'autre. Le chômage a baissé de 7% et la ville compte 2,1 millions d'habitants.";
    let out = extract(&[serde_json::json!({"id": "fr-1", "lang": "fr", "text": text})]);
    let facts = money_facts(&out[0]);
    assert_eq!(facts.len(), 2, "{facts:?}");
    assert_eq!(facts[0]["text"], "8 à 10 millions d'euros");
    assert_eq!(facts[0]["amount"], 8_000_000);
    assert_eq!(facts[0]["amount_max"], 10_000_000);
    assert_eq!(facts[0]["currency"], "EUR");
    assert_eq!(facts[1]["text"], "13,4 Mds€");
    assert_eq!(facts[1]["amount"], 13_400_000_000_i64);
}

#[test]
fn decimal_amounts_are_exact_json_numbers() {
    let out = extract(&[serde_json::json!({
        "id": "nl-2", "lang": "nl", "text": "Een broodje kost € 2,20 en een koffie 3 euro 40."
    })]);
    let facts = money_facts(&out[0]);
    assert_eq!(facts.len(), 2);
    assert_eq!(facts[0]["amount"].as_f64(), Some(2.2));
    assert_eq!(facts[1]["text"], "3 euro 40");
    assert_eq!(facts[1]["amount"].as_f64(), Some(3.4));
}

/// `(currency, amount)` of each money fact of `record`, as JSON text.
fn currencies(record: &Value) -> Vec<(String, String)> {
    money_facts(record)
        .iter()
        .map(|f| (f["currency"].to_string(), f["amount"].to_string()))
        .collect()
}

#[test]
fn the_articles_country_decides_what_a_plain_dollar_or_franc_means() {
    let text = "Il payait 14,99 $, il paiera 17,23 $ US et 50 cents de plus.";
    let out = extract(&[
        serde_json::json!({"id": "given", "lang": "fr", "country": "ca", "text": text}),
        serde_json::json!({"id": "url", "lang": "fr", "url": "https://www.lapresse.ca/affaires/x", "text": text}),
        serde_json::json!({"id": "generic domain", "lang": "fr", "url": "https://www.ledevoir.com/x", "text": text}),
        serde_json::json!({"id": "none", "lang": "fr", "text": text}),
        serde_json::json!({"id": "swiss", "lang": "fr", "url": "https://www.tdg.ch/suisse/x",
            "text": "La France versera 41 millions de francs à Genève."}),
    ]);
    let canadian = vec![
        ("\"CAD\"".to_string(), "14.99".to_string()),
        ("\"USD\"".to_string(), "17.23".to_string()),
        ("\"CAD\"".to_string(), "0.5".to_string()),
    ];
    assert_eq!(out[0]["country"], "CA");
    assert_eq!(currencies(&out[0]), canadian);
    assert_eq!(out[1]["country"], "CA");
    assert_eq!(currencies(&out[1]), canadian);
    // Without a country, `$` keeps its usual sense and the plain `cents` are those of the
    // US dollars named before them.
    for plain in &out[2..4] {
        assert!(plain.get("country").is_none(), "{plain}");
        assert_eq!(
            currencies(plain),
            vec![
                ("\"USD\"".to_string(), "14.99".to_string()),
                ("\"USD\"".to_string(), "17.23".to_string()),
                ("\"USD\"".to_string(), "0.5".to_string()),
            ]
        );
    }
    assert_eq!(out[4]["country"], "CH");
    assert_eq!(
        currencies(&out[4]),
        vec![("\"CHF\"".to_string(), "41000000".to_string())]
    );
}

#[test]
fn country_from_the_command_line_and_the_page_locale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("article.html");
    std::fs::write(
        &page,
        "<html lang=\"fr-CA\"><head><title>Budget</title></head><body><article><p>Le \
         gouvernement du Québec consacrera 5 milliards de dollars aux routes, a annoncé le \
         ministre des Finances lors de la présentation du budget devant l'Assemblée nationale \
         à Québec. Le reste ira aux hôpitaux et aux écoles de la province.</p></article></body></html>",
    )
    .expect("write page");
    let page = page.to_str().expect("utf-8 path");
    let run = |args: &[&str]| -> Value {
        let out = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
            .args(args)
            .output()
            .expect("run newsfacts");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("one JSON record")
    };
    let from_locale = run(&["extract", page]);
    assert_eq!(from_locale["country"], "CA");
    assert_eq!(money_facts(&from_locale)[0]["currency"], "CAD");
    let forced = run(&["extract", "--country", "us", page]);
    assert_eq!(forced["country"], "US");
    assert_eq!(money_facts(&forced)[0]["currency"], "USD");

    let bad = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(["extract", "--country", "Canada", page])
        .output()
        .expect("run newsfacts");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a country code"));
}

#[test]
fn a_bad_country_field_is_an_error_record() {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsfacts"));
    command.args(["extract", "--input-format", "jsonl", "-"]);
    let out = run_with_stdin(
        command,
        b"{\"id\": \"a\", \"country\": \"Canada\", \"text\": \"Il paie 5 $.\"}\n{\"id\": \"b\", \"text\": \"Il paie 5 $.\"}\n",
    );
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("\"country\" is not a country code")));
    assert_eq!(lines[1]["id"], "b");
    assert_eq!(out.status.code(), Some(1));
}
