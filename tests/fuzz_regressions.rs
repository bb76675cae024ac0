//! Inputs that once crashed a fuzz target (`fuzz/`), kept under `tests/fuzz_regressions/<target>/`:
//! each must now run through the whole pipeline, in both languages, without a panic and
//! with facts that index the text.

use std::path::Path;

use newsfacts::article::{Article, LangHint, PubDate};
use newsfacts::pipeline::{process_article, Options};

fn check(name: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for lang in ["nl", "fr"] {
        let mut article = Article::new(name, text.as_ref());
        article.lang_hint = Some(LangHint {
            code: lang.into(),
            authoritative: true,
        });
        article.published = PubDate::parse("2024-02-29");
        let record = process_article(article, &Options::default());
        let chars: Vec<char> = text.chars().collect();
        for fact in &record.facts {
            let surface: String = chars[fact.start..fact.end].iter().collect();
            assert_eq!(surface, fact.text, "{name} ({lang})");
        }
    }
}

#[test]
fn every_saved_crash_input_runs_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut seen = 0;
    for target in std::fs::read_dir(&root).unwrap() {
        for input in std::fs::read_dir(target.unwrap().path()).unwrap() {
            let path = input.unwrap().path();
            check(&path.display().to_string(), &std::fs::read(&path).unwrap());
            seen += 1;
        }
    }
    assert!(seen > 0, "no saved inputs under {}", root.display());
}

/// The money surfaces newsfacts finds in a Dutch `text`.
fn dutch_money(text: &str) -> Vec<String> {
    let mut article = Article::new("overflow", text);
    article.lang_hint = Some(LangHint {
        code: "nl".into(),
        authoritative: true,
    });
    let record = process_article(article, &Options::default());
    record
        .facts
        .iter()
        .filter(|f| f.value.type_name() == "money")
        .map(|f| f.text.clone())
        .collect()
}

#[test]
fn an_overflowing_shared_scale_is_no_amount() {
    // Found by the money target: a huge bare number sharing `mln` with its neighbour.
    let text = format!("Op n{} en 3 mln dollar steeg het.", "8".repeat(29));
    assert_eq!(dutch_money(&text), ["3 mln dollar"]);
}

#[test]
fn an_overflowing_range_bound_is_no_range() {
    // Found by the money target: a huge lower bound sharing the upper bound's `M`.
    let text = format!("Tussen {} en 3 M€ gaat het om.", "4".repeat(29));
    assert_eq!(dutch_money(&text), ["3 M€"]);
}
