//! Integration tests of `newsfacts extract` that drive the real binary: inputs, formats,
//! records, errors, exit codes and output files. Extraction quality has its own tests.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::process::run_with_stdin;
use serde_json::Value;

fn newsfacts() -> Command {
    Command::new(env!("CARGO_BIN_EXE_newsfacts"))
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut command = newsfacts();
    command.args(args);
    run_with_stdin(command, stdin)
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("utf-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn write(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write file");
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip finish")
}

#[test]
fn folders_are_walked_recursively_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("b.txt"), b"Tweede artikel over de beurs.");
    write(&dir.path().join("a.txt"), b"Eerste artikel over de beurs.");
    write(&dir.path().join("a/c.txt"), b"Een artikel in een map.");
    write(&dir.path().join(".hidden.txt"), b"Verborgen.");
    let root = dir.path().to_str().unwrap();
    let out = run(&["extract", root], b"");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sources: Vec<String> = records(&out)
        .iter()
        .map(|r| r["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        sources,
        vec![
            format!("{root}/a/c.txt"),
            format!("{root}/a.txt"),
            format!("{root}/b.txt")
        ]
    );
}

#[test]
fn date_header_is_metadata_not_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("artikel.txt");
    write(
        &path,
        " date 2021-06 De omzet van de groep steeg in het voorjaar.\n".as_bytes(),
    );
    let out = run(&["extract", "--include-text", path.to_str().unwrap()], b"");
    let rec = &records(&out)[0];
    assert_eq!(rec["published"], "2021-06");
    assert_eq!(
        rec["text"],
        "De omzet van de groep steeg in het voorjaar.\n"
    );
    assert_eq!(rec["schema_version"], 1);
    assert_eq!(rec["title"], Value::Null);
}

#[test]
fn jsonl_on_stdin_keeps_ids_order_and_reports_bad_lines() {
    let input = concat!(
        r#"{"id": 42, "text": "Het kabinet en de bedrijven praten verder.", "lang": "nl", "published": "2020-11-05"}"#,
        "\n",
        r#"{"id": "b", "text": 17}"#,
        "\n\n",
        "not json\n",
        r#"{"id": "d", "text": "Le gouvernement et les entreprises discutent.", "lang": "fr"}"#,
        "\n"
    );
    let out = run(
        &["extract", "--input-format", "jsonl", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1), "partial failure");
    let recs = records(&out);
    assert_eq!(recs.len(), 4, "one record per non-blank line");
    assert_eq!(recs[0]["id"], 42);
    assert_eq!(recs[0]["lang"], "nl");
    assert_eq!(recs[0]["lang_confidence"], 1.0);
    assert_eq!(recs[0]["published"], "2020-11-05");
    assert_eq!(recs[1]["id"], "b");
    assert_eq!(recs[1]["error"]["kind"], "bad_record");
    assert_eq!(recs[2]["id"], "-:4");
    assert_eq!(recs[2]["source"], "-:4");
    assert_eq!(recs[2]["error"]["kind"], "bad_record");
    assert_eq!(recs[3]["id"], "d");
    assert_eq!(recs[3]["lang"], "fr");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("4 inputs: 2 articles, 2 errors"),
        "summary: {stderr}"
    );
}

#[test]
fn stdin_format_is_sniffed() {
    let out = run(
        &["extract", "-"],
        br#"{"id": "x", "text": "Een korte tekst.", "lang": "nl"}"#,
    );
    assert_eq!(records(&out)[0]["id"], "x");
    let out = run(
        &["extract", "--include-text", "-"],
        " date 2022-02-03 Een tekst.".as_bytes(),
    );
    let rec = &records(&out)[0];
    assert_eq!(
        (rec["id"].as_str(), rec["published"].as_str()),
        (Some("-"), Some("2022-02-03"))
    );
    assert_eq!(rec["text"], "Een tekst.");
}

#[test]
fn gzip_and_windows_1252_inputs_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    // "Le siège de la société" in Windows-1252.
    write(
        &dir.path().join("a.txt"),
        b"Le si\xe8ge de la soci\xe9t\xe9 est \xe0 Paris.",
    );
    write(
        &dir.path().join("b.txt.gz"),
        &gzip("Één artikel.".as_bytes()),
    );
    let jsonl = r#"{"id": "z", "text": "Tekst uit een archief.", "lang": "nl"}"#;
    write(&dir.path().join("c.jsonl.gz"), &gzip(jsonl.as_bytes()));
    let out = run(
        &["extract", "--include-text", dir.path().to_str().unwrap()],
        b"",
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs[0]["text"], "Le siège de la société est à Paris.");
    assert_eq!(recs[1]["text"], "Één artikel.");
    assert_eq!(recs[2]["id"], "z");
}

#[test]
fn unreadable_inputs_become_error_records() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    write(&good, "Een gewoon artikel over de economie.".as_bytes());
    let binary = dir.path().join("image.png");
    write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let missing = dir.path().join("missing.txt");
    let out = run(
        &[
            "extract",
            good.to_str().unwrap(),
            binary.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert!(recs[0].get("error").is_none());
    assert_eq!(recs[1]["error"]["kind"], "binary");
    assert_eq!(recs[1]["id"], binary.to_str().unwrap());
    assert_eq!(recs[2]["error"]["kind"], "not_found");
}

#[test]
fn total_failure_and_usage_errors_exit_2() {
    let out = run(&["extract", "/nonexistent/newsfacts/input.txt"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(records(&out)[0]["error"]["kind"], "not_found");
    let out = run(&["extract", "--no-such-flag", "x"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = run(&["extract"], b"");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn oversized_articles_are_rejected_not_cut() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    write(&path, "woord ".repeat(1000).as_bytes());
    let out = run(
        &[
            "extract",
            "--max-article-bytes",
            "1000",
            path.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(records(&out)[0]["error"]["kind"], "too_large");
}

#[test]
fn output_file_is_written_whole_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    write(&input, "Een artikel.".as_bytes());
    let output = dir.path().join("out.jsonl");
    let out = run(
        &[
            "extract",
            "-o",
            output.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&output).unwrap();
    assert_eq!(written.lines().count(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

/// `-o` to something that is no regular file writes into it instead of renaming a
/// finished temporary file over it (which would replace `/dev/null` with a file), and a
/// symbolic link keeps pointing at the file that receives the output.
#[cfg(unix)]
#[test]
fn output_to_a_pipe_or_a_link_keeps_the_pipe_and_the_link() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    write(&input, "Een artikel.".as_bytes());
    let pipe = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap())
    };
    let out = run(
        &[
            "extract",
            "-o",
            pipe.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    // Checked before joining: had the pipe been replaced, the reader would wait forever.
    assert!(std::fs::symlink_metadata(&pipe)
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(reader.join().unwrap().lines().count(), 1);

    let target = dir.path().join("target.jsonl");
    write(&target, b"old\n");
    let link = dir.path().join("link.jsonl");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = run(
        &[
            "extract",
            "-o",
            link.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let written = std::fs::read_to_string(&target).unwrap();
    assert_eq!(written.lines().count(), 1);
    assert!(written.starts_with("{"), "{written}");
}

#[test]
fn forced_language_skips_detection() {
    let out = run(
        &["extract", "--lang", "fr", "--input-format", "text", "-"],
        "Dit is duidelijk een Nederlandse zin over de economie.".as_bytes(),
    );
    let rec = &records(&out)[0];
    assert_eq!(
        (rec["lang"].as_str(), rec["lang_confidence"].as_f64()),
        (Some("fr"), Some(1.0))
    );
}

#[test]
fn other_languages_get_a_record_without_facts() {
    let out = run(
        &["extract", "--input-format", "text", "-"],
        "The company reported revenue of 2 billion dollars for the third quarter, analysts said."
            .as_bytes(),
    );
    let rec = &records(&out)[0];
    assert_eq!(rec["lang"], "en");
    assert_eq!(rec["facts"], serde_json::json!([]));
}

#[test]
fn a_full_disk_is_a_failure_not_a_silent_loss() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not on Linux
    };
    let out = newsfacts()
        .args(["extract", "--input-format", "text", "-"])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(b"Een artikel.")?;
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cannot write output"), "{stderr}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut input = String::new();
    for i in 0..5000 {
        input.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Artikel nummer {i}.\", \"lang\": \"nl\"}}\n"
        ));
    }
    let mut child = newsfacts()
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    drop(child.stdout.take()); // like `| head -0`
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101));
}

#[cfg(unix)]
#[test]
fn fifos_and_symlink_loops_do_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("a.txt"), "Een artikel.".as_bytes());
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .map(|s| s.success());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let out = run(&["extract", dir.path().to_str().unwrap()], b"");
    let recs = records(&out);
    let kinds: Vec<&str> = recs
        .iter()
        .map(|r| r["error"]["kind"].as_str().unwrap_or("ok"))
        .collect();
    if made.unwrap_or(false) {
        assert_eq!(kinds, vec!["ok", "io", "unsupported"], "{recs:?}");
        assert!(recs[1]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("symlink loop"));
    } else {
        assert_eq!(kinds, vec!["ok", "io"], "{recs:?}");
    }
}

#[cfg(unix)]
#[test]
fn sigterm_stops_cleanly_without_a_partial_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("out.jsonl");
    let mut child = newsfacts()
        .args([
            "extract",
            "--input-format",
            "jsonl",
            "-o",
            output.to_str().unwrap(),
            "-",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"{\"id\": 1, \"text\": \"Een artikel.\", \"lang\": \"nl\"}\n")
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    drop(stdin);
    assert_eq!(out.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("(interrupted)"), "{stderr}");
    assert!(!output.exists(), "no output under the final name");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 0, "the temporary file is removed");
}

#[test]
fn shards_split_the_inputs_without_overlap() {
    let mut input = String::new();
    for i in 0..200 {
        input.push_str(&format!(
            "{{\"id\": \"a{i}\", \"text\": \"Artikel {i}.\", \"lang\": \"nl\"}}\n"
        ));
    }
    let mut seen = Vec::new();
    for k in 0..3 {
        let shard = format!("{k}/3");
        let out = run(&["extract", "--shard", &shard, "-"], input.as_bytes());
        assert_eq!(out.status.code(), Some(0));
        let ids: Vec<String> = records(&out)
            .iter()
            .map(|r| r["id"].as_str().unwrap().to_string())
            .collect();
        assert!(ids.len() > 40, "shard {shard} has {} items", ids.len());
        let again = run(&["extract", "--shard", &shard, "-"], input.as_bytes());
        assert_eq!(again.stdout, out.stdout, "stable across runs");
        seen.extend(ids);
    }
    seen.sort();
    let mut all: Vec<String> = (0..200).map(|i| format!("a{i}")).collect();
    all.sort();
    assert_eq!(seen, all, "every input in exactly one shard");
    let out = run(&["extract", "--shard", "3/3", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(2), "invalid shard is a usage error");
}
