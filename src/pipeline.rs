//! One article in, one record out; and the batch runner that does this in parallel
//! with bounded memory while keeping the input order.

use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::article::{Article, Country};
use crate::error::{ErrorKind, InputError};
use crate::extract::{Context, FactValue};
use crate::langid::{Detection, UNDETERMINED};
use crate::output::{to_facts, ErrorRecord, Record, SCHEMA_VERSION};
use crate::source::{Failure, Inputs, Shard, SourceOptions, Work};

/// How articles are processed.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A language forced on every article (`--lang nl`), skipping detection.
    pub forced_lang: Option<String>,
    /// The country of every article (`--country`), over what the input says.
    pub forced_country: Option<Country>,
    /// The language of articles whose language detection cannot decide (`--lang-fallback`).
    pub fallback_lang: Option<String>,
    /// Add the body text to each record (`--include-text`).
    pub include_text: bool,
    /// How inputs are read.
    pub source: SourceOptions,
    /// Process only this shard of the inputs (`--shard K/N`).
    pub shard: Option<Shard>,
    /// How records are written (`--format`, `--rows`).
    pub output: crate::export::OutputFormat,
    /// How URL inputs are downloaded.
    pub fetch: crate::fetch::FetchOptions,
}

/// Routes `article` to its language's rules and builds its record.
pub fn process_article(article: Article, options: &Options) -> Record {
    let decision = decide_language(&article, options);
    let lang = decision.lang;
    let country = article_country(&article, options);
    let (facts, statements) = match crate::lang::rules(&lang) {
        Some(language) => {
            let ctx = Context {
                published: article.published,
                country,
            };
            let mentions = language.engines.extract(&article.text, &ctx);
            let statements = language
                .statements
                .link(&article.text, &mentions, article.published);
            (to_facts(&article.text, mentions), statements)
        }
        None => (Vec::new(), Vec::new()),
    };
    Record {
        schema_version: SCHEMA_VERSION,
        id: article.id,
        source: article.source,
        lang,
        lang_confidence: decision.confidence,
        lang_secondary: decision.secondary,
        country: country.map(|c| c.to_string()),
        published: article.published.map(|d| d.to_string()),
        title: article.title,
        facts,
        statements,
        text: options.include_text.then_some(article.text),
    }
}

/// The country an article is from: `--country`, else the input's (a `country` field, the
/// page's locale), else the country domain of its URL.
fn article_country(article: &Article, options: &Options) -> Option<Country> {
    options
        .forced_country
        .or(article.country)
        .or_else(|| article.url.as_deref().and_then(Country::from_url))
        .or_else(|| Country::from_url(&article.source))
}

/// The language an article is routed to: `--lang`, else the input's authoritative `lang`,
/// else detection on the body (on the headline and body when the body alone is too short),
/// else the page's declared language, else `--lang-fallback`, else `und`.
fn decide_language(article: &Article, options: &Options) -> Detection {
    let given = |code: &str| Detection {
        lang: code.to_string(),
        confidence: 1.0,
        secondary: Vec::new(),
    };
    if let Some(lang) = &options.forced_lang {
        return given(lang);
    }
    if let Some(hint) = article.lang_hint.as_ref().filter(|h| h.authoritative) {
        return given(&hint.code);
    }
    let mut detection = crate::langid::detect(&article.text);
    if detection.lang == UNDETERMINED {
        if let Some(title) = article.title.as_deref().filter(|t| !t.trim().is_empty()) {
            let head = &article.text[..crate::langid::floor_char_boundary(&article.text, 4096)];
            let with_title = crate::langid::detect(&format!("{title}\n{head}"));
            if with_title.lang != UNDETERMINED {
                return with_title;
            }
        }
    }
    if detection.lang == UNDETERMINED {
        let default = article.lang_hint.as_ref().map(|h| (&h.code, 0.5));
        let fallback = options
            .fallback_lang
            .as_ref()
            .map(|f| (f, detection.confidence));
        if let Some((code, confidence)) = default.or(fallback) {
            detection.lang = code.clone();
            detection.confidence = confidence;
        }
    }
    detection
}

/// The result of one work item.
#[derive(Debug)]
pub enum Outcome {
    /// An article's record.
    Record(Record),
    /// An input that failed.
    Error(ErrorRecord),
}

/// Loads (if needed) and processes one work item. A panic becomes an `internal` error
/// record for that item instead of ending the batch.
pub fn process_work(work: Work, options: &Options) -> Outcome {
    process_prefetched(work, None, options)
}

/// A page downloaded ahead for a [`Work::Url`] item, or why it could not be.
pub type Prefetched = Option<Result<crate::fetch::Page, InputError>>;

/// Like [`process_work`], with the page of a URL item already downloaded.
fn process_prefetched(work: Work, page: Prefetched, options: &Options) -> Outcome {
    let (id, source) = work_identity(&work);
    let result = catch_panic(|| match load(work, page, options) {
        Ok(article) => Outcome::Record(process_article(article, options)),
        Err(failure) => Outcome::Error(failure.into()),
    });
    result.unwrap_or_else(|error| Outcome::Error(Failure { id, source, error }.into()))
}

/// Runs `f`, turning a panic (a bug) into an `internal` error instead of ending the run.
pub(crate) fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, InputError> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        InputError::new(ErrorKind::Internal, format!("internal error: {message}"))
    })
}

fn work_identity(work: &Work) -> (serde_json::Value, String) {
    match work {
        Work::Ready(a) => (a.id.clone(), a.source.clone()),
        Work::Line { located, .. } => (located.clone().into(), located.clone()),
        Work::File { display, .. } => (display.clone().into(), display.clone()),
        Work::Url(url) => (url.clone().into(), url.clone()),
        Work::Failed(f) => (f.id.clone(), f.source.clone()),
    }
}

/// Reads (or downloads) a work item's article; `page` is a URL item's prefetched page.
pub(crate) fn load(work: Work, page: Prefetched, options: &Options) -> Result<Article, Failure> {
    match work {
        Work::Ready(article) => Ok(article),
        Work::Line { line, located } => crate::source::parse_jsonl_line(&line, &located),
        Work::Failed(failure) => Err(failure),
        Work::File {
            path,
            display,
            format,
        } => crate::source::load_file(&path, &display, format, options.source.max_article_bytes),
        Work::Url(url) => match page {
            Some(page) => page.and_then(|page| crate::fetch::page_to_article(&url, &page)),
            None => crate::fetch::fetch_article(&url, &options.fetch),
        }
        .map_err(|e| Failure::new(&url, e)),
    }
}

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs that produced an article record.
    pub articles: usize,
    /// Inputs that produced an error record.
    pub errors: usize,
    /// Money facts.
    pub money: usize,
    /// Company facts.
    pub companies: usize,
    /// Date facts.
    pub dates: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// The run was stopped by a signal before every input was read.
    pub interrupted: bool,
}

impl Summary {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Error(_) => self.errors += 1,
            Outcome::Record(r) => {
                self.articles += 1;
                for fact in &r.facts {
                    match fact.value {
                        FactValue::Money(_) => self.money += 1,
                        FactValue::Company(_) => self.companies += 1,
                        FactValue::Date(_) => self.dates += 1,
                    }
                }
            }
        }
    }

    /// Every input, successful or not.
    pub fn inputs(&self) -> usize {
        self.articles + self.errors
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "newsfacts: {} inputs: {} articles, {} errors; facts: {} money, {} company, {} date; {:.2}s",
            self.inputs(),
            self.articles,
            self.errors,
            self.money,
            self.companies,
            self.dates,
            self.elapsed.as_secs_f64()
        )?;
        if self.interrupted {
            write!(f, " (interrupted)")?;
        }
        Ok(())
    }
}

/// Items per batch and per thread: large enough to keep every core busy, small enough
/// to bound memory.
const BATCH_PER_THREAD: usize = 64;

/// Runs `inputs` through the pipeline on `jobs` threads and writes one JSON line per input,
/// in input order. Three stages overlap: a reader thread cuts the next batch, a worker
/// thread processes the current one on the pool, and this thread writes the one before.
///
/// When `stop` becomes true (a signal), the run ends after the batch in progress, with
/// `interrupted` set in the summary; a reader blocked on input is abandoned.
pub fn run<W: Write>(
    inputs: Inputs,
    options: &Options,
    jobs: usize,
    stop: &Arc<AtomicBool>,
    progress: &indicatif::ProgressBar,
    out: &mut W,
) -> std::io::Result<Summary> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(std::io::Error::other)?;
    let batches = read_batches(inputs, options.shard, BATCH_PER_THREAD * jobs.max(1), stop);
    let mut summary = Summary::default();
    out.write_all(&options.output.header())?;
    std::thread::scope(|scope| -> std::io::Result<()> {
        let (done, processed) = sync_channel::<Vec<(Outcome, Vec<u8>)>>(1);
        let worker = scope.spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let batch = match batches.recv_timeout(Duration::from_millis(100)) {
                    Ok(batch) => batch,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => return false,
                };
                // The writer has gone (an output error): stop processing.
                if done.send(process_batch(batch, options, &pool)).is_err() {
                    return false;
                }
            }
            true
        });
        for encoded in processed {
            progress.inc(encoded.len() as u64);
            for (outcome, line) in encoded {
                summary.add(&outcome);
                out.write_all(&line)?;
            }
        }
        summary.interrupted = worker
            .join()
            .map_err(|_| std::io::Error::other("the batch worker thread panicked"))?;
        Ok(())
    })?;
    progress.finish_and_clear();
    out.flush()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Starts the thread that cuts `inputs` (those in `shard`) into batches of `size`; it
/// stops when `stop` is set or the receiver is gone.
fn read_batches(
    inputs: Inputs,
    shard: Option<Shard>,
    size: usize,
    stop: &Arc<AtomicBool>,
) -> Receiver<Vec<Work>> {
    let (sender, batches) = sync_channel::<Vec<Work>>(1);
    let stop = Arc::clone(stop);
    std::thread::spawn(move || {
        let mut inputs =
            inputs.filter(|work| shard.is_none_or(|shard| shard.contains(&work.shard_key())));
        while !stop.load(Ordering::Relaxed) {
            let batch: Vec<Work> = inputs.by_ref().take(size).collect();
            if batch.is_empty() || sender.send(batch).is_err() {
                break;
            }
        }
    });
    batches
}

/// Processes one batch on `pool`: each item's outcome with its encoded line, in order.
fn process_batch(
    batch: Vec<Work>,
    options: &Options,
    pool: &rayon::ThreadPool,
) -> Vec<(Outcome, Vec<u8>)> {
    let pages = prefetch_urls(&batch, &options.fetch);
    pool.install(|| {
        batch
            .into_par_iter()
            .zip(pages)
            .map(|(work, page)| {
                let outcome = process_prefetched(work, page, options);
                let line = options.output.encode(&outcome);
                (outcome, line)
            })
            .collect()
    })
}

/// Downloads the batch's URL items concurrently (one shared client, per-host limits);
/// the result is aligned with `batch`, `None` for items that are not URLs.
fn prefetch_urls(batch: &[Work], options: &crate::fetch::FetchOptions) -> Vec<Prefetched> {
    let requests: Vec<crate::fetch::Request> = batch
        .iter()
        .filter_map(|work| match work {
            Work::Url(url) => Some(crate::fetch::Request::html(url.clone())),
            _ => None,
        })
        .collect();
    let mut pages = match requests.is_empty() {
        true => Vec::new(),
        false => match crate::fetch::Fetcher::shared(options) {
            Ok(fetcher) => fetcher.get_all(&requests),
            Err(e) => requests.iter().map(|_| Err(e.clone())).collect(),
        },
    }
    .into_iter();
    batch
        .iter()
        .map(|work| match work {
            Work::Url(_) => pages.next(),
            _ => None,
        })
        .collect()
}

/// One JSON line (with its newline) for an outcome.
pub fn encode(outcome: &Outcome) -> Vec<u8> {
    let mut line = match outcome {
        Outcome::Record(r) => serde_json::to_vec(r),
        Outcome::Error(e) => serde_json::to_vec(e),
    }
    .unwrap_or_else(|e| {
        format!("{{\"error\":{{\"kind\":\"internal\",\"message\":\"{e}\"}}}}").into_bytes()
    });
    line.push(b'\n');
    line
}
