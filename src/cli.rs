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
    }
}

fn extract(args: ExtractArgs) -> i32 {
    let options = Options {
        forced_lang: match args.lang {
            LangChoice::Auto => None,
            LangChoice::Nl => Some("nl".into()),
            LangChoice::Fr => Some("fr".into()),
        },
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
fn run_to_file(
    inputs: Inputs,
    options: &Options,
    jobs: usize,
    stop: &Arc<AtomicBool>,
    progress: &ProgressBar,
    path: &Path,
) -> std::io::Result<Summary> {
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
