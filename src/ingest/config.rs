//! What an ingest run reads and where it writes: the TOML config file merged with the
//! command line (lists are joined, single values on the command line win).

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::fetch::FetchOptions;

/// A `--config` file. Every key is optional.
///
/// ```toml
/// out = "/var/lib/newsfacts/out"
/// state = "/var/lib/newsfacts/state.sqlite"
/// feeds = ["https://example.org/rss.xml"]
/// url_lists = ["/etc/newsfacts/urls.txt"]
/// folders = ["/srv/dropbox"]
/// min_file_age_secs = 5
/// max_attempts = 5
/// retry_delay_secs = 600
/// timeout_secs = 30
/// ```
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Output folder.
    pub out: Option<PathBuf>,
    /// State database.
    pub state: Option<PathBuf>,
    /// RSS, Atom or JSON Feed URLs.
    #[serde(default)]
    pub feeds: Vec<String>,
    /// Files with one URL per line.
    #[serde(default)]
    pub url_lists: Vec<PathBuf>,
    /// Drop folders.
    #[serde(default)]
    pub folders: Vec<PathBuf>,
    /// Allow feed-discovered URLs on loopback and private addresses.
    pub allow_private_hosts: Option<bool>,
    /// Runs that may try one item before it is failed for good.
    pub max_attempts: Option<u32>,
    /// The wait before the first retry on a later run; doubled each time.
    pub retry_delay_secs: Option<u64>,
    /// Seconds allowed per download attempt.
    pub timeout_secs: Option<f64>,
    /// Largest body accepted.
    pub max_body_bytes: Option<u64>,
    /// Retries within one run.
    pub retries: Option<u32>,
    /// Force a language (`nl`, `fr`).
    pub lang: Option<String>,
    /// The country the articles are from (`CA`, `CH`).
    pub country: Option<String>,
    /// Seconds a dropped file must be left unchanged before it is read.
    pub min_file_age_secs: Option<u64>,
    /// Add the body text to records.
    pub include_text: Option<bool>,
}

impl ConfigFile {
    /// Reads and parses a config file; paths in it are relative to its folder.
    pub fn load(path: &Path) -> Result<ConfigFile, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
        let mut config: ConfigFile =
            toml::from_str(&text).map_err(|e| format!("bad config {}: {e}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new("."));
        let rebase = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        };
        config.out.as_mut().map(rebase);
        config.state.as_mut().map(rebase);
        config.url_lists.iter_mut().for_each(rebase);
        config.folders.iter_mut().for_each(rebase);
        Ok(config)
    }
}

/// Everything one run needs, after merging the config file and the command line.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Feed URLs, checked in order.
    pub feeds: Vec<String>,
    /// URL list files.
    pub url_lists: Vec<PathBuf>,
    /// Drop folders.
    pub folders: Vec<PathBuf>,
    /// Output folder for `facts-*.jsonl`.
    pub out: PathBuf,
    /// State database path (its lock file is beside it).
    pub state: PathBuf,
    /// Allow feed-discovered URLs on non-public addresses.
    pub allow_private_hosts: bool,
    /// Attempts (one per run) before an item is failed for good.
    pub max_attempts: u32,
    /// The wait before the first retry on a later run, doubled after each failure.
    pub retry_delay: Duration,
    /// How long a dropped file must be left unchanged before it is read, so a file
    /// still being copied is not read half-written.
    pub min_file_age: Duration,
    /// Download settings.
    pub fetch: FetchOptions,
    /// Forced language, if any.
    pub forced_lang: Option<String>,
    /// Forced country, if any.
    pub forced_country: Option<crate::article::Country>,
    /// Add the body text to records.
    pub include_text: bool,
    /// Draw a progress bar (only on a terminal).
    pub progress: bool,
}

impl IngestConfig {
    /// The longest wait between two attempts at one item.
    pub const MAX_RETRY_DELAY: Duration = Duration::from_secs(24 * 3600);

    /// The wait before attempt `attempts + 1`, after `attempts` failures.
    pub fn retry_wait(&self, attempts: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempts.saturating_sub(1));
        self.retry_delay
            .saturating_mul(factor)
            .min(Self::MAX_RETRY_DELAY)
    }
}
