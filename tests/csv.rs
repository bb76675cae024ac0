//! `--format csv`: one row per fact or statement, with the article columns on each row,
//! consistent with the JSON Lines output of the same input.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// The statement fixtures (also used by tests/duckdb.rs).
const INPUTS: [&str; 4] = [
    "fixtures/nl/jaarcijfers-tech.txt",
    "fixtures/nl/cloudmarkt.txt",
    "fixtures/fr/resultats-annuels.txt",
    "fixtures/fr/premier-trimestre.txt",
];

fn run(extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .arg("extract")
        .args(extra)
        .args(INPUTS)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn records() -> Vec<Value> {
    run(&[])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn rows(kind: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let text = run(&["--format", "csv", "--rows", kind]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

fn column(header: &csv::StringRecord, name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

/// Every fact and every statement of the JSON output is one CSV row, in order, with its
/// article's id, language and publication date.
fn check(kind: &str, field: &str, key: &str) {
    let records = records();
    let (header, rows) = rows(kind);
    assert_eq!(
        &header.iter().take(5).collect::<Vec<_>>(),
        &[
            "article_id",
            "source",
            "lang",
            "published",
            "article_country"
        ]
    );
    let expected: Vec<(String, String, String, String)> = records
        .iter()
        .flat_map(|r| {
            r[field].as_array().unwrap().iter().map(move |item| {
                let value = match &item[key] {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (
                    r["id"].as_str().unwrap().to_string(),
                    r["lang"].as_str().unwrap().to_string(),
                    r["published"].as_str().unwrap_or("").to_string(),
                    value,
                )
            })
        })
        .collect();
    let (id, lang, published, value) = (
        column(&header, "article_id"),
        column(&header, "lang"),
        column(&header, "published"),
        column(&header, key),
    );
    let got: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|r| {
            (
                r[id].into(),
                r[lang].into(),
                r[published].into(),
                r[value].into(),
            )
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn fact_rows_match_the_json_facts() {
    check("facts", "facts", "text");
}

#[test]
fn statement_rows_match_the_json_statements() {
    check("statements", "statements", "amount");
}

#[test]
fn date_modifiers_and_ranges_have_columns() {
    let (header, rows) = rows("facts");
    let text = column(&header, "text");
    let find = |surface: &str| rows.iter().find(|r| &r[text] == surface).unwrap();
    let duration = find("komende twee jaar");
    assert_eq!(&duration[column(&header, "value")], "P2Y");
    assert_eq!(&duration[column(&header, "range_start")], "2024-02-14");
    assert_eq!(&duration[column(&header, "range_end")], "2026-02-14");
    assert_eq!(&duration[column(&header, "mod")], "");
    assert_eq!(&find("début d'année")[column(&header, "mod")], "START");
}

#[test]
fn csv_articles_have_dates_and_languages() {
    let records = records();
    assert_eq!(records.len(), 4);
    for r in &records {
        assert!(r["published"].as_str().unwrap().starts_with("2024-"));
        assert!(["nl", "fr"].contains(&r["lang"].as_str().unwrap()), "{r}");
    }
}

#[test]
fn rows_carry_the_articles_country_beside_a_companys_own() {
    let text = run(&["--format", "csv", "--rows", "facts", "--country", "BE"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let forced: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let (article, own, kind) = (
        column(&header, "article_country"),
        column(&header, "country"),
        column(&header, "type"),
    );
    assert!(!forced.is_empty());
    assert!(forced.iter().all(|r| &r[article] == "BE"));
    // A company's own country stays in `country` (the gazetteer's, not the article's).
    assert!(forced
        .iter()
        .any(|r| &r[kind] == "company" && !r[own].is_empty() && &r[own] != "BE"));
    // Without a country the column is empty.
    let (header, rows) = rows("facts");
    let article = column(&header, "article_country");
    assert!(rows.iter().all(|r| r[article].is_empty()));
}
