//! Throughput of the money extractor alone, single thread, on news articles.
//!
//! `cargo run --release --example money_speed -- ../shared/corpus/nl/dpgmedia2019.jsonl.gz ...`
//! Reads gzip JSON Lines (`{"text", "lang"}`), runs the money engine of each article's
//! language over its text (a few passes), and prints MB/s and the amounts found.

use std::io::{BufRead, BufReader};
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut articles: Vec<(String, String)> = Vec::new();
    for path in std::env::args().skip(1) {
        let file = std::fs::File::open(&path)?;
        let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
        for line in reader.lines() {
            let record: serde_json::Value = serde_json::from_str(&line?)?;
            let text = record["text"].as_str().unwrap_or_default().to_string();
            let lang = record["lang"].as_str().unwrap_or("nl").to_string();
            articles.push((lang, text));
        }
    }
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();
    let engines: Vec<_> = articles
        .iter()
        .map(|(lang, _)| newsfacts::lang::rules(lang).map(|l| &l.engines.money))
        .collect();
    let passes = 5;
    let mut found = 0;
    let start = Instant::now();
    for _ in 0..passes {
        found = 0;
        for ((_, text), engine) in articles.iter().zip(&engines) {
            if let Some(engine) = engine {
                found += engine.extract(text).len();
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * passes) as f64 / 1e6;
    println!(
        "{} articles, {:.2} MB x {passes} passes, {found} amounts: {:.1} MB/s single thread",
        articles.len(),
        bytes as f64 / 1e6,
        mb / secs
    );
    Ok(())
}
