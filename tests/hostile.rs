//! Hostile inputs: each yields the right record or an error record with a clear kind, the
//! run goes on, memory stays bounded and nothing hangs. Small cases live in
//! `tests/hostile/`; large ones are generated here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn hostile(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name)
}

fn extract(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .arg("extract")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run newsfacts")
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn one(args: &[&str]) -> Value {
    let out = extract(args);
    let mut recs = records(&out);
    assert_eq!(recs.len(), 1, "{}", String::from_utf8_lossy(&out.stderr));
    recs.remove(0)
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn empty_file_is_an_article_without_facts() {
    let rec = one(&["--include-text", path(&hostile("empty.txt"))]);
    assert_eq!(rec["text"], "");
    assert_eq!(rec["lang"], "und");
    assert_eq!(rec["facts"], serde_json::json!([]));
}

#[test]
fn binaries_are_rejected_as_binary() {
    for name in ["image.png", "program"] {
        let rec = one(&[path(&hostile(name))]);
        assert_eq!(rec["error"]["kind"], "binary", "{name}");
    }
}

#[test]
fn legacy_and_broken_encodings_are_decoded() {
    let text = |name: &str| one(&["--include-text", path(&hostile(name))])["text"].clone();
    assert_eq!(
        text("windows-1252-fr.txt"),
        "Le marché a reculé de 3 % à la clôture, selon l’AFP.\n"
    );
    assert_eq!(
        text("latin1-fr.txt"),
        "La société française a été rachetée.\n"
    );
    assert_eq!(
        text("utf16-bom.txt"),
        "De omzet van het concern steeg met 4 procent."
    );
    // Not UTF-8 as a whole: read as Windows-1252, nothing dropped.
    assert_eq!(
        text("invalid-utf8.txt"),
        "Omzet ÿþ€ gestegen Ã met één procent."
    );
}

#[test]
fn html_without_body_gives_an_empty_article() {
    let rec = one(&["--include-text", path(&hostile("no-body.html"))]);
    assert_eq!(rec["text"], "");
    assert!(rec.get("error").is_none());
}

#[test]
fn broken_json_lines_are_reported_one_by_one() {
    let out = extract(&[path(&hostile("broken.jsonl"))]);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let summary: Vec<(String, &str)> = recs
        .iter()
        .map(|r| {
            let id = match &r["id"] {
                Value::String(s) => s.rsplit('/').next().unwrap_or(s).to_string(),
                other => other.to_string(),
            };
            (id, r["error"]["kind"].as_str().unwrap_or("ok"))
        })
        .collect();
    let expected: Vec<(String, &str)> = vec![
        ("ok-1".into(), "ok"),
        ("broken.jsonl:2".into(), "bad_record"),
        ("broken.jsonl:3".into(), "ok"),
        ("wrong-text".into(), "bad_record"),
        ("wrong-lang".into(), "bad_record"),
        ("broken.jsonl:6".into(), "bad_record"),
        ("1.2345678901234568e+29".into(), "ok"),
        ("broken.jsonl:8".into(), "bad_record"),
        ("broken.jsonl:9".into(), "bad_record"),
        ("broken.jsonl:10".into(), "bad_record"),
        ("ok-2".into(), "ok"),
    ];
    assert_eq!(summary, expected);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("11 inputs: 4 articles, 7 errors"),
        "{stderr}"
    );
}

#[test]
fn a_100_mb_single_line_is_rejected_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("one-line.txt");
    let mut file = std::fs::File::create(&big).unwrap();
    let chunk = "woord ".repeat(1 << 16);
    while file.metadata().unwrap().len() < 100 * 1024 * 1024 {
        file.write_all(chunk.as_bytes()).unwrap();
    }
    drop(file);
    let rec = one(&[path(&big)]);
    assert_eq!(rec["error"]["kind"], "too_large");
    let jsonl = dir.path().join("one-line.jsonl");
    std::fs::rename(&big, &jsonl).unwrap();
    let rec = one(&[path(&jsonl)]);
    assert_eq!(rec["error"]["kind"], "too_large");
}

#[test]
fn gzip_bombs_are_stopped() {
    let dir = tempfile::tempdir().unwrap();
    // One gzip member of 1 MiB of zeros, repeated: a multi-member stream of 2 GiB.
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(&vec![b'0'; 1 << 20]).unwrap();
    let member = enc.finish().unwrap();
    let bomb = member.repeat(2048);
    assert!(bomb.len() < 4 * 1024 * 1024);
    for name in ["bomb.txt.gz", "bomb.jsonl.gz"] {
        let file = dir.path().join(name);
        std::fs::write(&file, &bomb).unwrap();
        let rec = one(&[path(&file)]);
        let kind = rec["error"]["kind"].as_str().unwrap_or("ok");
        assert!(kind == "too_large" || kind == "bad_gzip", "{name}: {rec}");
    }
}

#[test]
fn deeply_nested_html_does_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("nested.html");
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>Le groupe a levé 5 millions d'euros.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    std::fs::write(&page, html).unwrap();
    let out = extract(&[path(&page)]);
    assert!(
        out.status.code().is_some_and(|c| c <= 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(records(&out).len(), 1);
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_io_errors() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret.txt");
    std::fs::write(&file, "Geheim.").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&file).is_ok() {
        return; // running as root: permissions do not apply
    }
    let rec = one(&[path(&file)]);
    assert_eq!(rec["error"]["kind"], "io");
}

#[test]
fn every_input_is_accounted_for() {
    let out = extract(&[path(&hostile("")), "/nonexistent/x.txt"]);
    let recs = records(&out);
    let errors = recs.iter().filter(|r| r.get("error").is_some()).count();
    let articles = recs.len() - errors;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected = format!(
        "{} inputs: {articles} articles, {errors} errors",
        recs.len()
    );
    assert!(stderr.contains(&expected), "{expected} in {stderr}");
    assert_eq!(out.status.code(), Some(1));
}
