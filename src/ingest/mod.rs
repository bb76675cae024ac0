//! `newsfacts ingest`: scheduled collection from feeds, URL lists and drop folders, with
//! state in SQLite, deduplication and exactly-once output files.
//!
//! One run: take the lock, finish or undo a killed earlier run, check the sources, pick
//! the items not done yet (and failed ones whose retry time has come), download them,
//! drop duplicates (canonical URL, content hash), write the records to a temporary file,
//! fsync it, commit the state in one transaction, and rename the file into place.

pub mod config;
pub mod sources;
pub mod state;

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::article::Article;
use crate::error::InputError;
use crate::fetch::{Fetcher, Page, Request};
use crate::output::ErrorRecord;
use crate::pipeline::{self, Options, Outcome};
use crate::source::{Failure, Inputs};

pub use config::{ConfigFile, IngestConfig};
use sources::{Candidate, What};
use state::{FeedUpdate, ItemUpdate, RunCommit, State};

/// Why a run could not be done at all.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// Another run holds the lock on this state.
    #[error("another ingest run holds the lock {0}; not starting")]
    Locked(PathBuf),
    /// The state database failed.
    #[error("state database: {0}")]
    State(#[from] rusqlite::Error),
    /// The output folder or lock file failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The HTTP client could not be built.
    #[error("{0}")]
    Fetch(#[from] InputError),
}

/// What one run did; its `Display` is the summary line.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    /// The run id (in the state and the output file name).
    pub run_id: i64,
    /// Feeds checked.
    pub feeds: usize,
    /// Feeds answered 304 Not Modified.
    pub feeds_unchanged: usize,
    /// Feeds (and lists, folders) that could not be read.
    pub source_failures: usize,
    /// New articles written.
    pub articles: usize,
    /// Items dropped as duplicates.
    pub duplicates: usize,
    /// Facts in the new articles.
    pub facts: usize,
    /// Items that failed and will be retried.
    pub retry_later: usize,
    /// Items that failed for good (each has an error record).
    pub failed: usize,
    /// Runs found killed and recovered.
    pub recovered: usize,
    /// The output file, when anything was written.
    pub output: Option<PathBuf>,
    /// Wall time.
    pub elapsed: Duration,
}

impl RunSummary {
    /// Failures of any kind.
    pub fn failures(&self) -> usize {
        self.source_failures + self.retry_later + self.failed
    }
}

impl std::fmt::Display for RunSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "newsfacts ingest: run {}: {} feeds checked ({} unchanged), {} new articles, {} facts, \
             {} duplicates, {} failures ({} to retry, {} permanent, {} sources); ",
            self.run_id,
            self.feeds,
            self.feeds_unchanged,
            self.articles,
            self.facts,
            self.duplicates,
            self.failures(),
            self.retry_later,
            self.failed,
            self.source_failures,
        )?;
        match &self.output {
            Some(path) => write!(f, "wrote {}", path.display())?,
            None => write!(f, "nothing new")?,
        }
        write!(f, "; {:.2}s", self.elapsed.as_secs_f64())
    }
}

/// Runs one ingest.
pub fn run(config: &IngestConfig) -> Result<RunSummary, IngestError> {
    let started = Instant::now();
    std::fs::create_dir_all(&config.out)?;
    let out_dir = std::fs::canonicalize(&config.out)?;
    let _lock = lock(&config.state)?;
    let mut state = State::open(&config.state)?;
    let (published, discarded) = state.recover()?;
    if published + discarded > 0 {
        tracing::warn!(published, discarded, "recovered after an interrupted run");
    }
    let now = chrono::Utc::now();
    let run_id = state.begin_run(&now.to_rfc3339())?;
    let mut run = Run::new(config, &state, run_id, now.timestamp());
    run.summary.recovered = published + discarded;
    let fetcher = Fetcher::shared(&config.fetch)?;
    let mut candidates = run.check_feeds(&fetcher)?;
    candidates.extend(run.local_candidates()?);
    let mut chosen = run.choose(candidates)?;
    let bar = progress_bar(config.progress, chosen.len());
    while !chosen.is_empty() {
        let chunk: Vec<Candidate> = chosen.drain(..chosen.len().min(CHUNK)).collect();
        let pages = run.download(&fetcher, &chunk, &bar);
        for (candidate, page) in chunk.into_iter().zip(pages) {
            if page.is_none() {
                bar.inc(1);
            }
            run.settle(candidate, page)?;
        }
    }
    bar.finish_and_clear();
    let Run {
        mut summary,
        mut commit,
        lines,
        ..
    } = run;
    commit.counts = [
        summary.feeds,
        summary.articles,
        summary.facts,
        summary.failures(),
    ];
    let name = format!("facts-{}-{run_id}.jsonl", now.format("%Y%m%dT%H%M%SZ"));
    summary.output = write_and_commit(&mut state, commit, &lines, &out_dir.join(name))?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Writes `lines` (if any) to `output` exactly once with the state changes: temporary
/// file, fsync, commit, rename. Returns the output path when a file was written.
fn write_and_commit(
    state: &mut State,
    mut commit: RunCommit,
    lines: &[u8],
    output: &Path,
) -> Result<Option<PathBuf>, IngestError> {
    if lines.is_empty() {
        state.commit(&commit)?;
        return Ok(None);
    }
    let name = output.file_name().unwrap_or_default().to_string_lossy();
    let temp = output.with_file_name(format!(".{name}.tmp"));
    state.set_run_paths(commit.run_id, output, &temp)?;
    write_synced(&temp, lines)?;
    crash_point("before_commit");
    commit.wrote_output = true;
    state.commit(&commit)?;
    crash_point("after_commit");
    state::publish(&temp, output)?;
    state.set_run_status(commit.run_id, "done")?;
    Ok(Some(output.to_path_buf()))
}

/// Items downloaded at once: enough to keep the connections busy, few enough to bound
/// the memory held by pages waiting to be processed.
const CHUNK: usize = 64;

/// Takes the lock file beside the state, or fails at once if another run holds it.
fn lock(state: &Path) -> Result<File, IngestError> {
    let mut name = state.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(IngestError::Locked(path)),
        Err(std::fs::TryLockError::Error(e)) => Err(e.into()),
    }
}

/// Writes and fsyncs `path` and its folder entry, so that the file survives a power loss
/// once the state says it exists.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    match path.parent() {
        Some(dir) => File::open(dir)?.sync_all(),
        None => Ok(()),
    }
}

/// For the crash-recovery tests: `NEWSFACTS_CRASH_AT=<point>` aborts the process there,
/// as a `kill -9` would.
fn crash_point(point: &str) {
    if std::env::var("NEWSFACTS_CRASH_AT").is_ok_and(|p| p == point) {
        std::process::abort();
    }
}

/// The work of one run, collected until the commit.
struct Run<'a> {
    config: &'a IngestConfig,
    state: &'a State,
    now: i64,
    options: Options,
    summary: RunSummary,
    commit: RunCommit,
    /// Keys taken or settled in this run.
    keys: HashSet<String>,
    /// Content hashes of articles written in this run, with their URL.
    hashes: HashMap<String, String>,
    /// The output records, JSON Lines.
    lines: Vec<u8>,
}

impl<'a> Run<'a> {
    fn new(config: &'a IngestConfig, state: &'a State, run_id: i64, now: i64) -> Self {
        let options = Options {
            forced_lang: config.forced_lang.clone(),
            forced_country: config.forced_country,
            include_text: config.include_text,
            fetch: config.fetch.clone(),
            ..Options::default()
        };
        Run {
            config,
            state,
            now,
            options,
            summary: RunSummary {
                run_id,
                ..RunSummary::default()
            },
            commit: RunCommit {
                run_id,
                ..RunCommit::default()
            },
            keys: HashSet::new(),
            hashes: HashMap::new(),
            lines: Vec::new(),
        }
    }

    /// Fetches every feed (conditionally) and returns their entries; a failing feed is
    /// counted and logged, and never stops the others.
    fn check_feeds(&mut self, fetcher: &Fetcher) -> Result<Vec<Candidate>, IngestError> {
        let mut requests = Vec::new();
        for feed in &self.config.feeds {
            let (etag, last_modified) = self.state.feed_validators(feed)?;
            requests.push(Request {
                url: feed.clone(),
                etag,
                last_modified,
                ..Request::default()
            });
        }
        self.summary.feeds = requests.len();
        let mut candidates = Vec::new();
        for (feed, result) in self.config.feeds.iter().zip(fetcher.get_all(&requests)) {
            let mut update = FeedUpdate {
                url: feed.clone(),
                ..FeedUpdate::default()
            };
            match result.map_err(|e| e.to_string()).and_then(|page| {
                if page.not_modified {
                    return Ok(None);
                }
                let found = sources::feed_candidates(feed, &page.body)?;
                Ok(Some((found, page.etag, page.last_modified)))
            }) {
                Ok(None) => self.summary.feeds_unchanged += 1,
                Ok(Some((found, etag, last_modified))) => {
                    tracing::info!(feed, entries = found.len(), "feed checked");
                    update.validators = Some((etag, last_modified));
                    candidates.extend(found);
                }
                Err(message) => {
                    tracing::warn!(feed, error = %message, "feed failed");
                    self.summary.source_failures += 1;
                    update.error = Some(message);
                }
            }
            self.commit.feeds.push(update);
        }
        Ok(candidates)
    }

    /// URL lists, drop folders, and earlier failures due for another attempt.
    fn local_candidates(&mut self) -> Result<Vec<Candidate>, IngestError> {
        let lists = self
            .config
            .url_lists
            .iter()
            .map(|p| sources::url_list_candidates(p));
        let folders = self
            .config
            .folders
            .iter()
            .map(|p| sources::folder_candidates(p, self.config.min_file_age));
        let mut candidates = Vec::new();
        for found in lists.chain(folders) {
            match found {
                Ok(found) => candidates.extend(found),
                Err(message) => {
                    tracing::warn!(error = %message, "source failed");
                    self.summary.source_failures += 1;
                }
            }
        }
        for due in self.state.due_items(self.now)? {
            candidates.push(Candidate {
                key: due.key,
                origin: due.origin,
                what: What::Url {
                    url: due.location,
                    public_only: due.public_only,
                },
                attempts: due.attempts,
                published: None,
                title: None,
            });
        }
        Ok(candidates)
    }

    /// Keeps the candidates not seen before (changed files, pending items whose retry
    /// time has come), each key once.
    fn choose(&mut self, candidates: Vec<Candidate>) -> Result<Vec<Candidate>, IngestError> {
        let mut chosen = Vec::new();
        for mut candidate in candidates {
            if self.keys.contains(&candidate.key) {
                continue;
            }
            let take = match self.state.item(&candidate.key)? {
                None => true,
                Some(row) => match (&candidate.what, row.status.as_str()) {
                    (What::File { fingerprint, .. }, _) => {
                        row.fingerprint.as_deref() != Some(fingerprint.as_str())
                    }
                    (_, "pending") => {
                        candidate.attempts = row.attempts;
                        row.next_attempt <= self.now
                    }
                    _ => false,
                },
            };
            if take {
                self.keys.insert(candidate.key.clone());
                chosen.push(candidate);
            }
        }
        Ok(chosen)
    }

    /// Downloads the URL candidates concurrently; `None` for the others.
    fn download(
        &self,
        fetcher: &Fetcher,
        chosen: &[Candidate],
        bar: &indicatif::ProgressBar,
    ) -> Vec<Option<Result<Page, InputError>>> {
        let requests: Vec<Request> = chosen
            .iter()
            .filter_map(|c| match &c.what {
                What::Url { url, public_only } => Some(Request {
                    public_only: *public_only && !self.config.allow_private_hosts,
                    ..Request::html(url.clone())
                }),
                _ => None,
            })
            .collect();
        let mut pages = fetcher
            .get_all_with_progress(&requests, &|| bar.inc(1))
            .into_iter();
        chosen
            .iter()
            .map(|c| match c.what {
                What::Url { .. } => pages.next(),
                _ => None,
            })
            .collect()
    }

    /// Turns one candidate into records and item updates.
    fn settle(
        &mut self,
        candidate: Candidate,
        page: Option<Result<Page, InputError>>,
    ) -> Result<(), IngestError> {
        let read = || -> Result<Vec<Result<Article, Failure>>, InputError> {
            match &candidate.what {
                What::Url { url, .. } => page
                    .unwrap_or_else(|| {
                        Err(InputError::new(
                            crate::error::ErrorKind::Internal,
                            "not fetched",
                        ))
                    })
                    .and_then(|page| crate::fetch::page_to_article(url, &page))
                    .map(|a| vec![Ok(a)]),
                What::Content { url, body, html } => {
                    let article = if *html {
                        crate::fetch::html_to_article(url, body)
                    } else {
                        let text = crate::source::InputFormat::Text;
                        crate::source::parse_document(body.as_bytes(), text, url)
                    };
                    article.map(|a| vec![Ok(a)])
                }
                What::File { path, .. } => Ok(self.read_file(path)),
            }
        };
        let articles = match pipeline::catch_panic(read).and_then(|r| r) {
            Ok(articles) => articles,
            Err(error) => return self.fail(candidate, error),
        };
        let mut update = ItemUpdate {
            status: "done",
            ..item_update(&candidate)
        };
        for article in articles {
            match article {
                Ok(mut article) => {
                    article.title = article.title.or_else(|| candidate.title.clone());
                    article.published = article.published.or(candidate.published);
                    let (id, source) = (article.id.clone(), article.source.clone());
                    let (hash, new) = match self.accept(&candidate, article)? {
                        Ok(accepted) => accepted,
                        Err(error) if matches!(candidate.what, What::File { .. }) => {
                            let failure = Failure { id, source, error };
                            self.push_line(&Outcome::Error(ErrorRecord::from(failure)));
                            continue;
                        }
                        Err(error) => return self.fail(candidate, error),
                    };
                    update.content_hash = hash.or(update.content_hash);
                    if !new && !matches!(candidate.what, What::File { .. }) {
                        update.status = "duplicate";
                    }
                }
                Err(failure) => self.push_line(&Outcome::Error(ErrorRecord::from(failure))),
            }
        }
        self.commit.items.push(update);
        Ok(())
    }

    /// Every article in a dropped file (a JSON Lines file holds many).
    fn read_file(&self, path: &Path) -> Vec<Result<Article, Failure>> {
        let input = path.to_string_lossy().into_owned();
        Inputs::new(&[input], self.options.source.clone())
            .map(|work| pipeline::load(work, None, &self.options))
            .collect()
    }

    /// Writes the record of a new article, or records a duplicate's source. Returns the
    /// article's content hash and whether it was new, or the error of a failed extraction.
    fn accept(
        &mut self,
        candidate: &Candidate,
        article: Article,
    ) -> Result<Result<(Option<String>, bool), InputError>, IngestError> {
        let url = article
            .url
            .clone()
            .unwrap_or_else(|| article.source.clone());
        let hash = content_hash(&article.text);
        let aliases: Vec<String> = article
            .url
            .iter()
            .filter_map(|u| sources::canonical_url(u))
            .filter(|alias| alias != &candidate.key && !is_site_root(alias))
            .collect();
        for alias in &aliases {
            let known = self.keys.contains(alias)
                || self
                    .state
                    .item(alias)?
                    .is_some_and(|row| row.status == "done");
            if known && !matches!(candidate.what, What::File { .. }) {
                self.summary.duplicates += 1;
                return Ok(Ok((hash, false)));
            }
        }
        let earlier = match &hash {
            Some(hash) => match self.hashes.get(hash) {
                Some(url) => Some(url.clone()),
                None => self.state.article_with_hash(hash)?,
            },
            None => None,
        };
        if let (Some(hash), Some(earlier)) = (&hash, earlier) {
            tracing::info!(url, earlier, "same content as an earlier article");
            self.commit
                .sources
                .push((hash.clone(), url, candidate.origin.clone()));
            self.summary.duplicates += 1;
            return Ok(Ok((Some(hash.clone()), false)));
        }
        let options = &self.options;
        let record = match pipeline::catch_panic(|| pipeline::process_article(article, options)) {
            Ok(record) => record,
            Err(error) => return Ok(Err(error)),
        };
        if let Some(hash) = &hash {
            self.hashes.insert(hash.clone(), url.clone());
            self.commit
                .sources
                .push((hash.clone(), url.clone(), candidate.origin.clone()));
            self.commit.articles.push((hash.clone(), url));
        }
        for alias in aliases {
            self.keys.insert(alias.clone());
            self.commit.items.push(ItemUpdate {
                key: alias.clone(),
                kind: "alias",
                location: alias,
                status: "done",
                content_hash: hash.clone(),
                ..item_update(candidate)
            });
        }
        self.summary.articles += 1;
        self.summary.facts += record.facts.len();
        self.push_line(&Outcome::Record(record));
        Ok(Ok((hash, true)))
    }

    /// Records a failed item: retried on a later run when the failure may pass, else
    /// failed for good with an error record.
    fn fail(&mut self, candidate: Candidate, error: InputError) -> Result<(), IngestError> {
        let attempts = candidate.attempts + 1;
        let retry = crate::fetch::is_transient(&error) && attempts < self.config.max_attempts;
        tracing::warn!(url = %candidate.key, attempts, retry, error = %error, "item failed");
        let mut update = ItemUpdate {
            attempts,
            error: Some((error.kind.as_str().to_string(), error.message.clone())),
            ..item_update(&candidate)
        };
        if retry {
            self.summary.retry_later += 1;
            update.status = "pending";
            let wait = self.config.retry_wait(attempts).as_secs() as i64;
            update.next_attempt = self.now.saturating_add(wait);
        } else {
            self.summary.failed += 1;
            update.status = "failed";
            let source = match &candidate.what {
                What::Url { url, .. } | What::Content { url, .. } => url.clone(),
                What::File { path, .. } => path.display().to_string(),
            };
            self.push_line(&Outcome::Error(ErrorRecord::from(Failure::new(
                source, error,
            ))));
        }
        self.commit.items.push(update);
        Ok(())
    }

    fn push_line(&mut self, outcome: &Outcome) {
        self.lines.extend_from_slice(&pipeline::encode(outcome));
    }
}

/// Whether a canonical URL is a site's home page: a common misconfiguration of
/// `<link rel="canonical">` that would make every page a duplicate of the first.
fn is_site_root(url: &str) -> bool {
    reqwest::Url::parse(url).is_ok_and(|u| u.path() == "/" && u.query().is_none())
}

/// The fields of an item update that come from its candidate.
fn item_update(candidate: &Candidate) -> ItemUpdate {
    let (kind, location, public_only, fingerprint) = match &candidate.what {
        What::Url { url, public_only } => ("url", url.clone(), *public_only, None),
        What::Content { url, .. } => ("url", url.clone(), true, None),
        What::File { path, fingerprint } => (
            "file",
            path.display().to_string(),
            false,
            Some(fingerprint.clone()),
        ),
    };
    ItemUpdate {
        key: candidate.key.clone(),
        kind,
        location,
        origin: candidate.origin.clone(),
        public_only,
        fingerprint,
        attempts: candidate.attempts,
        ..ItemUpdate::default()
    }
}

/// The hash that identifies an article's content: SHA-256 of its text with whitespace
/// runs collapsed, so the same wire story laid out differently matches. `None` for an
/// empty text, which identifies nothing.
pub fn content_hash(text: &str) -> Option<String> {
    let mut hasher = Sha256::new();
    let mut words = 0usize;
    for word in text.split_whitespace() {
        if words > 0 {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
        words += 1;
    }
    if words == 0 {
        return None;
    }
    let digest = hasher.finalize();
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}

fn progress_bar(enabled: bool, len: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !enabled || len == 0 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} items {elapsed}")
    {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_ignores_layout_but_not_words() {
        let a = content_hash("Het kabinet trekt\n\n 3 miljard uit.");
        assert_eq!(a, content_hash("Het kabinet trekt 3 miljard uit."));
        assert_ne!(a, content_hash("Het kabinet trekt 4 miljard uit."));
        assert_eq!(content_hash(" \n "), None);
        assert_eq!(a.map(|h| h.len()), Some(64));
    }
}
