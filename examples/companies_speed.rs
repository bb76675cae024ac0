//! Measures the company engine's single-thread throughput on article text.
//!
//! `cargo run --release --example companies_speed -- ../shared/corpus/nl/*.jsonl.gz ../shared/corpus/fr/*.jsonl.gz`
//! Each input is JSON Lines (optionally gzip) with a `text` field; the language is taken
//! from the parent folder name (`nl` or `fr`). Prints MB/s per language and overall.

use std::io::Read;
use std::time::Instant;

use newsfacts::lang::rules;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut total_bytes = 0usize;
    let mut total_secs = 0f64;
    for path in std::env::args().skip(1) {
        let lang = std::path::Path::new(&path)
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .unwrap_or("nl")
            .to_string();
        let engine = &rules(&lang)
            .ok_or("no rules for language")?
            .engines
            .companies;
        let mut raw = Vec::new();
        std::fs::File::open(&path)?.read_to_end(&mut raw)?;
        let mut data = String::new();
        if path.ends_with(".gz") {
            flate2::read::GzDecoder::new(&raw[..]).read_to_string(&mut data)?;
        } else {
            data = String::from_utf8(raw)?;
        }
        let texts: Vec<String> = data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(String::from))
            .collect();
        let bytes: usize = texts.iter().map(String::len).sum();
        engine.extract("warm-up");
        let rounds = 3;
        let start = Instant::now();
        let mut found = 0;
        for _ in 0..rounds {
            for text in &texts {
                found += engine.extract(text).len();
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let mbps = (bytes * rounds) as f64 / 1e6 / secs;
        println!(
            "{path}: {lang} {} articles, {:.1} MB, {found} mentions, {mbps:.0} MB/s",
            texts.len(),
            bytes as f64 / 1e6
        );
        total_bytes += bytes * rounds;
        total_secs += secs;
    }
    println!("overall: {:.0} MB/s", total_bytes as f64 / 1e6 / total_secs);
    Ok(())
}
