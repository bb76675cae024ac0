//! The command line: argument parsing, output files, the summary and exit codes.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use crate::pipeline::{self, Options, Summary};
use crate::source::{InputFormat, Inputs, Shard, SourceOptions};

/// Exit code: every input produced a record.
pub const EXIT_OK: i32 = 0;
/// Exit code: some inputs produced error records, others succeeded.
pub const EXIT_PARTIAL: i32 = 1;
/// Exit code: usage error, or no input succeeded, or the output could not be written.
pub const EXIT_FAILURE: i32 = 2;
/// Exit code: stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it).
pub const EXIT_INTERRUPTED: i32 = 130;

/// Extract money amounts, companies and dates from Dutch and French news articles.
#[derive(Debug, Parser)]
#[command(name = "newsfacts", version, about, long_about = None)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract facts from articles and write one JSON record per article.
    Extract(ExtractArgs),
    /// Print the JSON Schema of the output records (versioned with `schema_version`).
    Schema,
    /// Collect new articles from feeds, URL lists and folders (for cron), keeping state.
    Ingest(IngestArgs),
}

/// Options of `newsfacts extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, folders (walked recursively, in sorted order), http(s) URLs, or `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// How to read the inputs.
    #[arg(long, value_enum, default_value = "auto")]
    pub input_format: InputFormat,

    /// The articles' language; `auto` detects it per article.
    #[arg(long, value_enum, default_value = "auto")]
    pub lang: LangChoice,

    /// The country the articles are from (ISO 3166-1 alpha-2: `CA`, `CH`, `BE`), over what
    /// the input says: a plain `$` is then Canadian dollars, `francs` Swiss francs.
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    pub country: Option<crate::article::Country>,

    /// The language of articles whose language cannot be detected (too short or too
    /// uncertain) and that carry none; without it they get `und` and no facts.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang_fallback: Option<FallbackLang>,

    /// Add the body text (the string the offsets index) to each record.
    #[arg(long)]
    pub include_text: bool,

    /// Output encoding: JSON Lines, or CSV with a header row.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: crate::export::Format,

    /// One flat row per fact or per statement (CSV default: facts; JSON Lines default:
    /// whole records).
    #[arg(long, value_enum)]
    pub rows: Option<crate::export::Rows>,

    /// Write the records to FILE (atomically, when complete) instead of stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Process only shard K of N (0-based, e.g. `0/4`): a stable hash partition of the
    /// inputs by JSON Lines id or path, so N machines split a corpus without coordination.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,

    /// The largest article or JSON Lines line accepted, in bytes after decompression.
    #[arg(long, value_name = "BYTES", default_value_t = 16 * 1024 * 1024)]
    pub max_article_bytes: usize,

    /// How URL inputs are downloaded.
    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// Download options shared by `extract` (URL inputs) and `ingest`.
#[derive(Debug, Clone, Default, Args)]
pub struct FetchArgs {
    /// Seconds allowed for one download attempt: connect, headers and body [default: 30].
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<f64>,

    /// The largest page body accepted, in bytes after decompression [default: 10485760].
    #[arg(long, value_name = "BYTES")]
    pub max_body_bytes: Option<u64>,

    /// Extra attempts after a 429, a 5xx or a connection failure, with backoff [default: 2].
    #[arg(long, value_name = "N")]
    pub retries: Option<u32>,
}

impl FetchArgs {
    /// `base` with the options given on the command line.
    pub fn options_over(&self, base: crate::fetch::FetchOptions) -> crate::fetch::FetchOptions {
        let timeout = self
            .timeout
            .and_then(|secs| std::time::Duration::try_from_secs_f64(secs).ok())
            .filter(|t| !t.is_zero())
            .unwrap_or(base.timeout);
        crate::fetch::FetchOptions {
            timeout,
            connect_timeout: base.connect_timeout.min(timeout),
            max_body_bytes: self.max_body_bytes.unwrap_or(base.max_body_bytes),
            retries: self.retries.unwrap_or(base.retries),
            ..base
        }
    }
}

/// Options of `newsfacts ingest`. A repeated single-value option takes its last value, so
/// a wrapper script's defaults can be overridden.
#[derive(Debug, Args)]
#[command(args_override_self = true)]
pub struct IngestArgs {
    /// A TOML file with the sources and settings; the command line adds to it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// An RSS 2.0, Atom or JSON Feed URL (repeatable).
    #[arg(long = "feed", value_name = "URL")]
    pub feeds: Vec<String>,

    /// A file with one article URL per line (repeatable).
    #[arg(long = "url-list", value_name = "FILE")]
    pub url_lists: Vec<PathBuf>,

    /// A drop folder whose new or changed files are read (repeatable).
    #[arg(long = "folder", value_name = "DIR")]
    pub folders: Vec<PathBuf>,

    /// Where the `facts-<UTC time>-<run>.jsonl` files go.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// The state database (SQLite); `PATH.lock` beside it guards against overlapping runs.
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,

    /// Let URLs found in feeds go to loopback, private and link-local addresses.
    #[arg(long)]
    pub allow_private_hosts: bool,

    /// Runs that may attempt one item before it is failed for good [default: 5].
    #[arg(long, value_name = "N")]
    pub max_attempts: Option<u32>,

    /// Seconds before the first retry of a failed item on a later run, doubled after
    /// each failure [default: 600].
    #[arg(long, value_name = "SECS")]
    pub retry_delay: Option<u64>,

    /// Seconds a dropped file must be left unchanged before it is read [default: 5].
    #[arg(long, value_name = "SECS")]
    pub min_file_age: Option<u64>,

    /// The articles' language; `auto` detects it per article.
    #[arg(long, value_enum)]
    pub lang: Option<LangChoice>,

    /// The country the articles are from (ISO 3166-1 alpha-2: `CA`, `CH`, `BE`), over what
    /// the input says: a plain `$` is then Canadian dollars, `francs` Swiss francs.
    #[arg(long, value_name = "CC", value_parser = parse_country)]
    pub country: Option<crate::article::Country>,

    /// Add the body text to each record.
    #[arg(long)]
    pub include_text: bool,

    /// Never draw a progress bar (it is drawn only on a terminal anyway).
    #[arg(long)]
    pub no_progress: bool,

    /// How pages and feeds are downloaded.
    #[command(flatten)]
    pub fetch: FetchArgs,
}

impl IngestArgs {
    /// Merges the config file (if any) with the command line.
    pub fn resolve(self) -> Result<crate::ingest::IngestConfig, String> {
        let file = match &self.config {
            Some(path) => crate::ingest::ConfigFile::load(path)?,
            None => crate::ingest::ConfigFile::default(),
        };
        let defaults = crate::fetch::FetchOptions::default();
        let base = crate::fetch::FetchOptions {
            timeout: file
                .timeout_secs
                .and_then(|s| std::time::Duration::try_from_secs_f64(s).ok())
                .unwrap_or(defaults.timeout),
            max_body_bytes: file.max_body_bytes.unwrap_or(defaults.max_body_bytes),
            retries: file.retries.unwrap_or(defaults.retries),
            ..defaults
        };
        let out = self
            .out
            .or(file.out)
            .ok_or("--out DIR is required (or `out` in --config)")?;
        let state = self
            .state
            .or(file.state)
            .ok_or("--state PATH is required (or `state` in --config)")?;
        let feeds: Vec<String> = file.feeds.into_iter().chain(self.feeds).collect();
        let url_lists: Vec<PathBuf> = file.url_lists.into_iter().chain(self.url_lists).collect();
        let folders: Vec<PathBuf> = file.folders.into_iter().chain(self.folders).collect();
        if feeds.is_empty() && url_lists.is_empty() && folders.is_empty() {
            return Err("no sources: give --feed, --url-list or --folder (or a --config)".into());
        }
        if let Some(bad) = feeds.iter().find(|f| !crate::fetch::is_url(f)) {
            return Err(format!("feed {bad:?} is not an http(s) URL"));
        }
        let forced_lang = match self.lang {
            Some(choice) => lang_code(choice),
            None => file.lang.filter(|l| l != "auto"),
        };
        Ok(crate::ingest::IngestConfig {
            feeds,
            url_lists,
            folders,
            out,
            state,
            allow_private_hosts: self.allow_private_hosts || file.allow_private_hosts == Some(true),
            max_attempts: self.max_attempts.or(file.max_attempts).unwrap_or(5).max(1),
            retry_delay: std::time::Duration::from_secs(
                self.retry_delay.or(file.retry_delay_secs).unwrap_or(600),
            ),
            min_file_age: std::time::Duration::from_secs(
                self.min_file_age.or(file.min_file_age_secs).unwrap_or(5),
            ),
            fetch: self.fetch.options_over(base),
            forced_lang,
            forced_country: match self.country {
                Some(country) => Some(country),
                None => file.country.as_deref().map(parse_country).transpose()?,
            },
            include_text: self.include_text || file.include_text == Some(true),
            progress: !self.no_progress,
        })
    }
}

/// A `--country` value: an ISO 3166-1 alpha-2 code.
fn parse_country(code: &str) -> Result<crate::article::Country, String> {
    crate::article::Country::parse(code)
        .ok_or_else(|| format!("{code:?} is not a country code (two letters, as `CA` or `CH`)"))
}

/// The `--lang` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangChoice {
    /// Detect each article's language.
    Auto,
    /// Dutch.
    Nl,
    /// French.
    Fr,
}

/// The `--lang-fallback` choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FallbackLang {
    /// Dutch.
    Nl,
    /// French.
    Fr,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_FAILURE
            } else {
                EXIT_OK
            };
            let _ = e.print();
            return code;
        }
    };
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Schema => print_schema(),
        Command::Ingest(args) => ingest(args),
    }
}

fn extract(args: ExtractArgs) -> i32 {
    let options = Options {
        forced_lang: lang_code(args.lang),
        forced_country: args.country,
        fallback_lang: args.lang_fallback.map(|l| match l {
            FallbackLang::Nl => "nl".into(),
            FallbackLang::Fr => "fr".into(),
        }),
        include_text: args.include_text,
        source: SourceOptions {
            format: args.input_format,
            max_article_bytes: args.max_article_bytes,
        },
        shard: args.shard,
        output: crate::export::OutputFormat {
            format: args.format,
            rows: args.rows,
        },
        fetch: args.fetch.options_over(Default::default()),
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let stop = match stop_on_signals() {
        Ok(stop) => stop,
        Err(e) => {
            eprintln!("newsfacts: cannot install signal handlers: {e}");
            return EXIT_FAILURE;
        }
    };
    let inputs = Inputs::new(&args.inputs, options.source.clone());
    let progress = progress_bar();
    let result = match &args.output {
        Some(path) => run_to_file(inputs, &options, jobs, &stop, &progress, path),
        None => {
            let stdout = std::io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            pipeline::run(inputs, &options, jobs, &stop, &progress, &mut out)
        }
    };
    match result {
        Ok(summary) => {
            eprintln!("{summary}");
            if summary.interrupted {
                return EXIT_INTERRUPTED;
            }
            exit_code(&summary)
        }
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("newsfacts: cannot write output: {e}");
            EXIT_FAILURE
        }
    }
}

/// A progress spinner on stderr when it is a terminal; hidden otherwise (cron, pipes).
fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} inputs, {per_sec} [{elapsed}]")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// A flag raised by the first SIGINT or SIGTERM; a second one exits at once.
fn stop_on_signals() -> std::io::Result<Arc<AtomicBool>> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [SIGINT, SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(
            signal,
            EXIT_INTERRUPTED,
            Arc::clone(&stop),
        )?;
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    Ok(stop)
}

/// Exit code of `ingest` when another run holds the lock.
pub const EXIT_LOCKED: i32 = 3;

fn lang_code(choice: LangChoice) -> Option<String> {
    match choice {
        LangChoice::Auto => None,
        LangChoice::Nl => Some("nl".into()),
        LangChoice::Fr => Some("fr".into()),
    }
}

fn ingest(args: IngestArgs) -> i32 {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    let config = match args.resolve() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("newsfacts ingest: {message}");
            return EXIT_FAILURE;
        }
    };
    match crate::ingest::run(&config) {
        Ok(summary) => {
            eprintln!("{summary}");
            if summary.failures() > 0 {
                EXIT_PARTIAL
            } else {
                EXIT_OK
            }
        }
        Err(e @ crate::ingest::IngestError::Locked(_)) => {
            eprintln!("newsfacts ingest: {e}");
            EXIT_LOCKED
        }
        Err(e) => {
            eprintln!("newsfacts ingest: {e}");
            EXIT_FAILURE
        }
    }
}

fn print_schema() -> i32 {
    let schema = crate::schema::record_schema();
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => {
            // A closed pipe (`newsfacts schema | head`) is not an error.
            let _ = writeln!(std::io::stdout().lock(), "{text}");
            EXIT_OK
        }
        Err(e) => {
            eprintln!("newsfacts: cannot print the schema: {e}");
            EXIT_FAILURE
        }
    }
}

/// Writes to a temporary file beside `path` and renames it into place once complete, so
/// an interrupted or failed run never leaves a truncated file under the final name.
/// A path that is no regular file (`/dev/null`, a named pipe) is written to directly:
/// renaming over it would replace the device or pipe. A symbolic link is followed, so
/// the link stays and its target gets the output.
fn run_to_file(
    inputs: Inputs,
    options: &Options,
    jobs: usize,
    stop: &Arc<AtomicBool>,
    progress: &ProgressBar,
    path: &Path,
) -> std::io::Result<Summary> {
    let resolved = std::fs::canonicalize(path).ok();
    if let Some(target) = &resolved {
        if !std::fs::metadata(target)?.is_file() {
            let file = std::fs::OpenOptions::new().write(true).open(target)?;
            let mut out = BufWriter::with_capacity(1 << 16, file);
            let summary = pipeline::run(inputs, options, jobs, stop, progress, &mut out)?;
            out.flush()?;
            return Ok(summary);
        }
    }
    let path = resolved.as_deref().unwrap_or(path);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".newsfacts-")
        .suffix(".part")
        .tempfile_in(dir)?;
    let summary = {
        let mut out = BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        let summary = pipeline::run(inputs, options, jobs, stop, progress, &mut out)?;
        out.flush()?;
        summary
    };
    if summary.interrupted {
        return Ok(summary); // the temporary file is removed on drop
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(summary)
}

/// [`EXIT_OK`] when every input succeeded, [`EXIT_PARTIAL`] when some failed,
/// [`EXIT_FAILURE`] when all failed.
pub fn exit_code(summary: &Summary) -> i32 {
    match (summary.articles, summary.errors) {
        (_, 0) => EXIT_OK,
        (0, _) => EXIT_FAILURE,
        _ => EXIT_PARTIAL,
    }
}
