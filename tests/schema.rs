//! Real output of the binary validates against the schema that `newsfacts schema` prints.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

fn newsfacts(args: &[&str], stdin: &str) -> (String, bool) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

fn schema() -> Value {
    let (text, ok) = newsfacts(&["schema"], "");
    assert!(ok);
    serde_json::from_str(&text).unwrap()
}

#[test]
fn schema_is_versioned() {
    let schema = schema();
    assert_eq!(schema["version"], 1);
    assert_eq!(schema["$id"], "urn:newsfacts:record:v1");
    assert!(schema["$schema"].as_str().unwrap().contains("2020-12"));
}

#[test]
fn real_output_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let jsonl = concat!(
        r#"{"id": 1, "text": "Shell verdiende vorig jaar 28 miljard dollar.", "lang": "nl", "published": "2024-03-01"}"#,
        "\n",
        r#"{"id": "b", "text": "Danone a réalisé un chiffre d'affaires de 27,6 milliards d'euros.", "lang": "fr"}"#,
        "\n",
        r#"{"id": "c", "text": "The board met on Tuesday.", "lang": "en"}"#,
        "\n",
        "not json\n",
    );
    let (stdin_out, _) = newsfacts(
        &["extract", "--input-format", "jsonl", "--include-text", "-"],
        jsonl,
    );
    let (files_out, _) = newsfacts(
        &["extract", "fixtures/nl", "fixtures/fr", "no-such-file.txt"],
        "",
    );
    let lines: Vec<&str> = stdin_out.lines().chain(files_out.lines()).collect();
    assert!(lines.len() >= 9, "{lines:?}");
    let mut errors = 0;
    for line in &lines {
        let record: Value = serde_json::from_str(line).unwrap();
        errors += usize::from(record.get("error").is_some());
        let problems: Vec<String> = validator
            .iter_errors(&record)
            .map(|e| e.to_string())
            .collect();
        assert!(problems.is_empty(), "{line}\n{problems:#?}");
    }
    assert_eq!(errors, 2, "the bad JSON line and the missing file");
}

#[test]
fn the_schema_rejects_broken_records() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let (out, _) = newsfacts(&["extract", "fixtures/nl/cloudmarkt.txt"], "");
    let good: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(validator.is_valid(&good));
    let mut broken = [good.clone(), good.clone(), good.clone()];
    broken[0]["schema_version"] = 2.into();
    broken[1]["statements"] = "none".into();
    broken[2].as_object_mut().unwrap().remove("facts");
    for b in &broken {
        assert!(!validator.is_valid(b), "{b}");
    }
    let statement = serde_json::json!({"company": "X", "metric": "revenue", "amount": "12",
        "currency": "EUR", "period": null, "evidence": {"start": 0, "end": 1}, "facts": []});
    let mut with_bad_statement = good;
    with_bad_statement["statements"] = Value::Array(vec![statement]);
    assert!(
        !validator.is_valid(&with_bad_statement),
        "amount as a string"
    );
}
