//! Language routing through the real binary: fallback, caller-given languages, headline
//! help for short bodies, and secondary languages in the record.

mod common;

use std::process::Command;

use common::process::run_with_stdin;
use serde_json::Value;

/// Runs `newsfacts extract --input-format jsonl - ARGS` on `lines` and returns the records.
fn extract(lines: &[Value], args: &[&str]) -> Vec<Value> {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsfacts"));
    command
        .args(["extract", "--input-format", "jsonl", "-"])
        .args(args);
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let output = run_with_stdin(command, input.as_bytes());
    String::from_utf8(output.stdout)
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record"))
        .collect()
}

fn record(text: &str) -> Value {
    serde_json::json!({ "id": 1, "text": text })
}

#[test]
fn undecidable_text_is_und_unless_a_fallback_is_given() {
    let input = [record("Q3: 12,5%")];
    let plain = extract(&input, &[]);
    assert_eq!(plain[0]["lang"], "und");
    let confidence = plain[0]["lang_confidence"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&confidence));

    let with_fallback = extract(&input, &["--lang-fallback", "fr"]);
    assert_eq!(with_fallback[0]["lang"], "fr");
    assert_eq!(
        with_fallback[0]["lang_confidence"].as_f64(),
        Some(confidence)
    );
}

#[test]
fn fallback_does_not_override_a_detected_language() {
    let input = [record(
        "De gemeente wil het plein voor de zomer opnieuw laten inrichten, zegt de wethouder.",
    )];
    let records = extract(&input, &["--lang-fallback", "fr"]);
    assert_eq!(records[0]["lang"], "nl");
}

#[test]
fn caller_languages_win_over_detection() {
    let text = "De gemeente wil het plein voor de zomer opnieuw laten inrichten.";
    let forced = extract(&[record(text)], &["--lang", "fr"]);
    assert_eq!(forced[0]["lang"], "fr");
    assert_eq!(forced[0]["lang_confidence"].as_f64(), Some(1.0));

    let given = extract(
        &[serde_json::json!({"id": 2, "text": text, "lang": "fr"})],
        &[],
    );
    assert_eq!(given[0]["lang"], "fr");
}

#[test]
fn headline_helps_a_body_too_short_to_decide() {
    let input = [serde_json::json!({
        "id": 3,
        "title": "Le gouvernement annonce une hausse des impôts",
        "text": "12 %",
    })];
    let records = extract(&input, &[]);
    assert_eq!(records[0]["lang"], "fr");
}

#[test]
fn secondary_languages_are_listed_only_when_present() {
    let mixed = "De Franse minister sprak dinsdag in Brussel met zijn Europese collega's over \
        de landbouw. \"Nous ne laisserons pas tomber nos agriculteurs, c'est une question de \
        survie pour les campagnes\", zei hij na afloop. De onderhandelingen gaan volgende week \
        verder, maar een akkoord is volgens diplomaten nog niet in zicht.";
    let plain = "De gemeente wil het plein voor de zomer opnieuw laten inrichten. De wethouder \
        verwacht dat de werkzaamheden in september beginnen en een half jaar duren.";
    let records = extract(&[record(mixed), record(plain)], &[]);
    assert_eq!(records[0]["lang"], "nl");
    assert_eq!(records[0]["lang_secondary"], serde_json::json!(["fr"]));
    assert_eq!(records[1]["lang"], "nl");
    assert!(records[1].get("lang_secondary").is_none());
}
