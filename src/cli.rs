//! The command line: argument parsing, output files, the summary and exit codes.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::pipeline::{self, Options, Summary};
use crate::source::{InputFormat, Inputs, SourceOptions};

/// Exit code: every input produced a record.
pub const EXIT_OK: i32 = 0;
/// Exit code: some inputs produced error records, others succeeded.
pub const EXIT_PARTIAL: i32 = 1;
/// Exit code: usage error, or no input succeeded, or the output could not be written.
pub const EXIT_FAILURE: i32 = 2;

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
        output: crate::export::OutputFormat {
            format: args.format,
            rows: args.rows,
        },
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let inputs = Inputs::new(&args.inputs, options.source.clone());
    let result = match &args.output {
        Some(path) => run_to_file(inputs, &options, jobs, path),
        None => {
            let stdout = std::io::stdout();
            let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
            pipeline::run(inputs, &options, jobs, &mut out)
        }
    };
    match result {
        Ok(summary) => {
            eprintln!("{summary}");
            exit_code(&summary)
        }
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("newsfacts: cannot write output: {e}");
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
/// an interrupted run never leaves a truncated file under the final name.
fn run_to_file(
    inputs: Inputs,
    options: &Options,
    jobs: usize,
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
        let summary = pipeline::run(inputs, options, jobs, &mut out)?;
        out.flush()?;
        summary
    };
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
