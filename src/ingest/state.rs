//! The ingest state in SQLite: items seen (by canonical URL or file), article content
//! hashes and their sources, feed validators for conditional GET, and run history.
//!
//! A run's output file and its state changes are committed together: the file is first
//! written under a temporary name and fsynced, then one transaction marks the items and
//! the run `committed`, then the file is renamed. [`State::recover`] finishes or undoes
//! whatever a killed run left behind.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};

/// A state failure; the run stops (nothing is marked done).
pub type StateResult<T> = Result<T, rusqlite::Error>;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,          -- running | committed | done | empty | aborted
    output TEXT NOT NULL,
    temp TEXT NOT NULL,
    feeds INTEGER NOT NULL DEFAULT 0,
    articles INTEGER NOT NULL DEFAULT 0,
    facts INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY,          -- canonical URL, or file:// path
    kind TEXT NOT NULL,            -- url | file | alias
    location TEXT NOT NULL,        -- the URL to fetch or the file path
    origin TEXT NOT NULL,          -- the feed, list or folder it came from
    public_only INTEGER NOT NULL,
    status TEXT NOT NULL,          -- pending | done | duplicate | failed
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt INTEGER NOT NULL DEFAULT 0,
    error_kind TEXT,
    error TEXT,
    content_hash TEXT,
    fingerprint TEXT,
    run_id INTEGER
);
CREATE INDEX IF NOT EXISTS items_due ON items(status, next_attempt);
CREATE TABLE IF NOT EXISTS articles (
    content_hash TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    run_id INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS article_sources (
    content_hash TEXT NOT NULL,
    url TEXT NOT NULL,
    origin TEXT NOT NULL,
    run_id INTEGER NOT NULL,
    PRIMARY KEY (content_hash, url)
);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    last_checked TEXT,
    last_error TEXT
);
";

/// What the state knows of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    /// `pending`, `done`, `duplicate` or `failed`.
    pub status: String,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Unix time before which it is not retried.
    pub next_attempt: i64,
    /// For files: size and modification time when last read.
    pub fingerprint: Option<String>,
}

/// A pending item whose retry time has come.
#[derive(Debug, Clone)]
pub struct DueItem {
    /// The item key.
    pub key: String,
    /// The URL to fetch.
    pub location: String,
    /// Where it was found.
    pub origin: String,
    /// Whether only public addresses are allowed.
    pub public_only: bool,
    /// Failed attempts so far.
    pub attempts: u32,
}

/// The new state of one item, written at commit.
#[derive(Debug, Clone, Default)]
pub struct ItemUpdate {
    /// The item key.
    pub key: String,
    /// `url`, `file` or `alias`.
    pub kind: &'static str,
    /// The URL or path.
    pub location: String,
    /// The feed, list or folder it came from.
    pub origin: String,
    /// Whether only public addresses are allowed.
    pub public_only: bool,
    /// `pending`, `done`, `duplicate` or `failed`.
    pub status: &'static str,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Unix time of the next attempt (pending items).
    pub next_attempt: i64,
    /// The last error's kind and message.
    pub error: Option<(String, String)>,
    /// The article's content hash (done and duplicate items).
    pub content_hash: Option<String>,
    /// For files: size and modification time.
    pub fingerprint: Option<String>,
}

/// A feed's state after this run's check.
#[derive(Debug, Clone, Default)]
pub struct FeedUpdate {
    /// The feed URL.
    pub url: String,
    /// New validators, or `None` to keep the old ones (304, error).
    pub validators: Option<(Option<String>, Option<String>)>,
    /// The error of this check, if it failed.
    pub error: Option<String>,
}

/// Everything a run changes, committed in one transaction.
#[derive(Debug, Clone, Default)]
pub struct RunCommit {
    /// The run.
    pub run_id: i64,
    /// Whether an output file was written (else the run is `empty`).
    pub wrote_output: bool,
    /// Item changes.
    pub items: Vec<ItemUpdate>,
    /// New articles: content hash and URL.
    pub articles: Vec<(String, String)>,
    /// Sources of articles: content hash, URL, origin.
    pub sources: Vec<(String, String, String)>,
    /// Feed checks.
    pub feeds: Vec<FeedUpdate>,
    /// Counts for the run history: feeds, articles, facts, failures.
    pub counts: [usize; 4],
}

/// The open state database.
pub struct State {
    conn: Connection,
}

impl State {
    /// Opens (creating if needed) the state database at `path`.
    pub fn open(path: &Path) -> StateResult<State> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.execute_batch(SCHEMA)?;
        Ok(State { conn })
    }

    /// Finishes runs that committed but were killed before publishing their file, and
    /// undoes runs killed before committing. Returns (published, discarded).
    pub fn recover(&mut self) -> StateResult<(usize, usize)> {
        let committed = self.runs_with_status("committed")?;
        for (id, output, temp) in &committed {
            let (output, temp) = (PathBuf::from(output), PathBuf::from(temp));
            if temp.exists() {
                if let Err(e) = publish(&temp, &output) {
                    tracing::error!(run = id, error = %e, "cannot publish the output of a committed run");
                    continue;
                }
            } else if !output.exists() {
                tracing::error!(run = id, output = %output.display(), "output of a committed run is missing");
            }
            self.set_run_status(*id, "done")?;
        }
        let running = self.runs_with_status("running")?;
        for (id, _, temp) in &running {
            let _ = std::fs::remove_file(temp);
            self.set_run_status(*id, "aborted")?;
        }
        Ok((committed.len(), running.len()))
    }

    fn runs_with_status(&self, status: &str) -> StateResult<Vec<(i64, String, String)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, output, temp FROM runs WHERE status = ?1 ORDER BY id")?;
        let rows = stmt.query_map([status], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect()
    }

    /// Records the start of a run and returns its id.
    pub fn begin_run(&self, started: &str) -> StateResult<i64> {
        self.conn.execute(
            "INSERT INTO runs (started, status, output, temp) VALUES (?1, 'running', '', '')",
            [started],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records where the run's output goes, before the temporary file is created.
    pub fn set_run_paths(&self, run_id: i64, output: &Path, temp: &Path) -> StateResult<()> {
        self.conn.execute(
            "UPDATE runs SET output = ?2, temp = ?3 WHERE id = ?1",
            params![run_id, output.to_string_lossy(), temp.to_string_lossy()],
        )?;
        Ok(())
    }

    /// Sets a run's status and its finish time.
    pub fn set_run_status(&self, run_id: i64, status: &str) -> StateResult<()> {
        self.conn.execute(
            "UPDATE runs SET status = ?2, finished = ?3 WHERE id = ?1",
            params![run_id, status, now_text()],
        )?;
        Ok(())
    }

    /// The ETag and Last-Modified kept for `feed`.
    pub fn feed_validators(&self, feed: &str) -> StateResult<(Option<String>, Option<String>)> {
        self.conn
            .query_row(
                "SELECT etag, last_modified FROM feeds WHERE url = ?1",
                [feed],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map(Option::unwrap_or_default)
    }

    /// What is known of the item `key`.
    pub fn item(&self, key: &str) -> StateResult<Option<ItemRow>> {
        self.conn
            .query_row(
                "SELECT status, attempts, next_attempt, fingerprint FROM items WHERE key = ?1",
                [key],
                |r| {
                    Ok(ItemRow {
                        status: r.get(0)?,
                        attempts: r.get(1)?,
                        next_attempt: r.get(2)?,
                        fingerprint: r.get(3)?,
                    })
                },
            )
            .optional()
    }

    /// Pending URL items whose retry time has come.
    pub fn due_items(&self, now: i64) -> StateResult<Vec<DueItem>> {
        let mut stmt = self.conn.prepare(
            "SELECT key, location, origin, public_only, attempts FROM items
             WHERE status = 'pending' AND kind = 'url' AND next_attempt <= ?1 ORDER BY rowid",
        )?;
        let rows = stmt.query_map([now], |r| {
            Ok(DueItem {
                key: r.get(0)?,
                location: r.get(1)?,
                origin: r.get(2)?,
                public_only: r.get(3)?,
                attempts: r.get(4)?,
            })
        })?;
        rows.collect()
    }

    /// The URL of the article already recorded with `content_hash`.
    pub fn article_with_hash(&self, content_hash: &str) -> StateResult<Option<String>> {
        self.conn
            .query_row(
                "SELECT url FROM articles WHERE content_hash = ?1",
                [content_hash],
                |r| r.get(0),
            )
            .optional()
    }

    /// Applies a run's changes in one transaction and marks the run `committed` (or
    /// `empty` when it wrote nothing).
    pub fn commit(&mut self, run: &RunCommit) -> StateResult<()> {
        let tx = self.conn.transaction()?;
        {
            let mut item = tx.prepare(
                "INSERT INTO items (key, kind, location, origin, public_only, status, attempts,
                     next_attempt, error_kind, error, content_hash, fingerprint, run_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                 ON CONFLICT(key) DO UPDATE SET kind = ?2, location = ?3, origin = ?4,
                     public_only = ?5, status = ?6, attempts = ?7, next_attempt = ?8,
                     error_kind = ?9, error = ?10, content_hash = ?11, fingerprint = ?12,
                     run_id = ?13",
            )?;
            for u in &run.items {
                let (kind, message) = u.error.clone().unzip();
                item.execute(params![
                    u.key,
                    u.kind,
                    u.location,
                    u.origin,
                    u.public_only,
                    u.status,
                    u.attempts,
                    u.next_attempt,
                    kind,
                    message,
                    u.content_hash,
                    u.fingerprint,
                    run.run_id
                ])?;
            }
            let mut article = tx.prepare(
                "INSERT OR IGNORE INTO articles (content_hash, url, run_id) VALUES (?1, ?2, ?3)",
            )?;
            for (hash, url) in &run.articles {
                article.execute(params![hash, url, run.run_id])?;
            }
            let mut source = tx.prepare(
                "INSERT OR IGNORE INTO article_sources (content_hash, url, origin, run_id)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (hash, url, origin) in &run.sources {
                source.execute(params![hash, url, origin, run.run_id])?;
            }
            let mut feed = tx.prepare(
                "INSERT INTO feeds (url, etag, last_modified, last_checked, last_error)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(url) DO UPDATE SET
                     etag = CASE WHEN ?6 THEN ?2 ELSE etag END,
                     last_modified = CASE WHEN ?6 THEN ?3 ELSE last_modified END,
                     last_checked = ?4, last_error = ?5",
            )?;
            for f in &run.feeds {
                let (etag, modified) = f.validators.clone().unwrap_or_default();
                feed.execute(params![
                    f.url,
                    etag,
                    modified,
                    now_text(),
                    f.error,
                    f.validators.is_some()
                ])?;
            }
            let [feeds, articles, facts, failures] = run.counts.map(|n| n as i64);
            let status = if run.wrote_output {
                "committed"
            } else {
                "empty"
            };
            tx.execute(
                "UPDATE runs SET status = ?2, feeds = ?3, articles = ?4, facts = ?5,
                     failures = ?6, finished = ?7 WHERE id = ?1",
                params![
                    run.run_id,
                    status,
                    feeds,
                    articles,
                    facts,
                    failures,
                    now_text()
                ],
            )?;
        }
        tx.commit()
    }
}

/// Renames the fsynced temporary file into place and makes the rename durable.
pub fn publish(temp: &Path, output: &Path) -> std::io::Result<()> {
    std::fs::rename(temp, output)?;
    if let Some(dir) = output.parent() {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
