//! Per-stage throughput on real news: language detection, each extractor, HTML main text
//! and JSON output. Reads `../shared/corpus` and `../shared/html` when present, else the
//! project's own fixtures. Run with `cargo bench --bench stages`.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use newsfacts::article::{Article, LangHint, PubDate};
use newsfacts::extract::Context;
use newsfacts::pipeline::{encode, process_article, Options, Outcome};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared");
const PER_LANGUAGE: usize = 300;

struct Corpus {
    articles: Vec<(String, String)>,
}

impl Corpus {
    fn bytes(&self) -> u64 {
        self.articles.iter().map(|(_, t)| t.len() as u64).sum()
    }
}

fn read_gz_lines(path: &Path, limit: usize) -> Vec<serde_json::Value> {
    let Ok(file) = std::fs::File::open(path) else {
        return Vec::new();
    };
    BufReader::new(flate2::read::MultiGzDecoder::new(file))
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str(&l).ok())
        .take(limit)
        .collect()
}

fn corpus() -> Corpus {
    let mut articles = Vec::new();
    for (lang, file) in [
        ("nl", "corpus/nl/dpgmedia2019.jsonl.gz"),
        ("fr", "corpus/fr/gilets_jaunes_fr.jsonl.gz"),
    ] {
        for rec in read_gz_lines(&Path::new(SHARED).join(file), PER_LANGUAGE) {
            if let Some(text) = rec["text"].as_str() {
                articles.push((lang.to_string(), text.to_string()));
            }
        }
    }
    if articles.is_empty() {
        for (lang, dir) in [("nl", "fixtures/nl"), ("fr", "fixtures/fr")] {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                if let Ok(text) = std::fs::read_to_string(entry.path()) {
                    articles.push((lang.to_string(), text));
                }
            }
        }
    }
    Corpus { articles }
}

fn html_pages() -> Vec<String> {
    let manifest = Path::new(SHARED).join("html/scrapinghub/manifest.jsonl");
    let Ok(text) = std::fs::read_to_string(&manifest) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .take(60)
        .filter_map(|rec| {
            let path = manifest.parent()?.join(rec["html_path"].as_str()?);
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(path).ok()?)
                .read_to_end(&mut html)
                .ok()?;
            Some(newsfacts::html::decode_html(&html, None))
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let corpus = corpus();
    let ctx = Context {
        published: PubDate::parse("2019-03-01"),
        ..Default::default()
    };
    let mut group = c.benchmark_group("stages");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(corpus.bytes()));
    group.bench_function("langid", |b| {
        b.iter(|| {
            for (_, text) in &corpus.articles {
                black_box(newsfacts::langid::detect(text));
            }
        })
    });
    let engines = |lang: &str| &newsfacts::lang::rules(lang).expect("rules").engines;
    group.bench_function("money", |b| {
        b.iter(|| {
            for (lang, text) in &corpus.articles {
                black_box(engines(lang).money.extract(text));
            }
        })
    });
    group.bench_function("companies", |b| {
        b.iter(|| {
            for (lang, text) in &corpus.articles {
                black_box(engines(lang).companies.extract(text));
            }
        })
    });
    group.bench_function("dates", |b| {
        b.iter(|| {
            for (lang, text) in &corpus.articles {
                black_box(engines(lang).dates.extract(text, &ctx));
            }
        })
    });
    let records: Vec<Outcome> = corpus
        .articles
        .iter()
        .map(|(lang, text)| {
            let mut article = Article::new("bench", text.clone());
            article.lang_hint = Some(LangHint {
                code: lang.clone(),
                authoritative: true,
            });
            Outcome::Record(process_article(article, &Options::default()))
        })
        .collect();
    group.bench_function("json_output", |b| {
        b.iter(|| {
            for record in &records {
                black_box(encode(record));
            }
        })
    });
    group.bench_function("whole_article_auto_lang", |b| {
        b.iter(|| {
            for (_, text) in &corpus.articles {
                black_box(process_article(
                    Article::new("bench", text.clone()),
                    &Options::default(),
                ));
            }
        })
    });
    group.finish();

    let pages = html_pages();
    if !pages.is_empty() {
        let mut group = c.benchmark_group("html");
        group.sample_size(10);
        group.throughput(Throughput::Bytes(
            pages.iter().map(|p| p.len() as u64).sum(),
        ));
        group.bench_function("main_text", |b| {
            b.iter(|| {
                for page in &pages {
                    black_box(newsfacts::html::extract(page));
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
