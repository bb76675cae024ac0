//! Where articles come from: files, folders (walked recursively in sorted order), stdin,
//! JSON Lines, gzip, and text in any common charset.
//!
//! [`Inputs`] turns the command-line inputs into a stream of [`Work`] items, one per
//! output record. JSON Lines lines are only cut while streaming; they and files are
//! parsed later, on a worker thread.

mod decode;
mod gz;
mod jsonl;
mod shard;
mod text;

use std::collections::{HashSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use decode::decode_text;
use gz::maybe_gunzip;
pub use jsonl::parse_jsonl_line;
pub use shard::Shard;
pub use text::split_date_header;

use crate::article::{Article, LangHint, PubDate};
use crate::error::{ErrorKind, InputError};

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// By file extension (`.jsonl`, `.html`, anything else is text); stdin by its first byte.
    Auto,
    /// A plain-text article, optionally starting with a `date YYYY-MM[-DD]` header.
    Text,
    /// JSON Lines, one article per line.
    Jsonl,
    /// An HTML page.
    Html,
}

/// Limits and choices for reading inputs.
#[derive(Debug, Clone)]
pub struct SourceOptions {
    /// The format to assume, or [`InputFormat::Auto`].
    pub format: InputFormat,
    /// The largest article (or JSON Lines line) accepted, in bytes after decompression.
    pub max_article_bytes: usize,
}

impl Default for SourceOptions {
    fn default() -> Self {
        SourceOptions {
            format: InputFormat::Auto,
            max_article_bytes: 16 * 1024 * 1024,
        }
    }
}

/// One unit of work: it becomes exactly one output record.
#[derive(Debug)]
pub enum Work {
    /// An article already parsed (stdin text or HTML).
    Ready(Article),
    /// A JSON Lines line, parsed on a worker by [`parse_jsonl_line`].
    Line {
        /// The line's bytes, without its newline.
        line: Vec<u8>,
        /// `source:LINE`, naming the record when it has no `id`.
        located: String,
    },
    /// A file to read and parse as text or HTML.
    File {
        /// The file.
        path: PathBuf,
        /// How it is named in records.
        display: String,
        /// [`InputFormat::Text`] or [`InputFormat::Html`].
        format: InputFormat,
    },
    /// A URL to fetch.
    Url(String),
    /// An input that already failed.
    Failed(Failure),
}

impl Work {
    /// The key that assigns this item to a [`Shard`]: the JSON Lines id when there is one,
    /// else the path, URL or `source:LINE`.
    pub fn shard_key(&self) -> String {
        let id_or = |id: &Value, fallback: &str| match id {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => fallback.to_string(),
        };
        match self {
            Work::Ready(a) => id_or(&a.id, &a.source),
            Work::Line { line, located } => id_or(&jsonl::record_id(line, located), located),
            Work::File { display, .. } => display.clone(),
            Work::Url(url) => url.clone(),
            Work::Failed(f) => id_or(&f.id, &f.source),
        }
    }
}

/// An input that produced no article: it becomes an error record.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The record id (the path, or the JSON Lines id when it could be read).
    pub id: Value,
    /// Where the input came from.
    pub source: String,
    /// What went wrong.
    pub error: InputError,
}

impl Failure {
    /// A failure of the input named `source`, with that name as id.
    pub fn new(source: impl Into<String>, error: InputError) -> Self {
        let source = source.into();
        Failure {
            id: Value::String(source.clone()),
            source,
            error,
        }
    }
}

enum Entry {
    Stdin,
    Path { path: PathBuf, display: String },
    Url(String),
}

/// The stream of work items from a list of command-line inputs, in input order.
pub struct Inputs {
    pending: VecDeque<Entry>,
    jsonl: Option<jsonl::JsonlReader>,
    visited_dirs: HashSet<PathBuf>,
    options: SourceOptions,
}

impl Inputs {
    /// Streams the inputs named on the command line: paths, folders, URLs or `-` for stdin.
    pub fn new(inputs: &[String], options: SourceOptions) -> Self {
        let pending = inputs
            .iter()
            .map(|input| {
                if input == "-" {
                    Entry::Stdin
                } else if crate::fetch::is_url(input) {
                    Entry::Url(input.clone())
                } else {
                    Entry::Path {
                        path: PathBuf::from(input),
                        display: input.clone(),
                    }
                }
            })
            .collect();
        Inputs {
            pending,
            jsonl: None,
            visited_dirs: HashSet::new(),
            options,
        }
    }

    fn open_entry(&mut self, entry: Entry) -> Option<Work> {
        match entry {
            Entry::Stdin => self.open_stdin(),
            Entry::Url(url) => Some(Work::Url(url)),
            Entry::Path { path, display } => self.open_path(path, display),
        }
    }

    fn open_stdin(&mut self) -> Option<Work> {
        let mut reader: Box<dyn BufRead + Send> = Box::new(BufReader::new(std::io::stdin()));
        let format = match self.options.format {
            InputFormat::Auto => match sniff(&mut reader) {
                Ok(format) => format,
                Err(e) => return Some(Work::Failed(Failure::new("-", e))),
            },
            format => format,
        };
        if format == InputFormat::Jsonl {
            self.jsonl = Some(jsonl::JsonlReader::new(
                reader,
                "-".into(),
                self.options.max_article_bytes,
            ));
            return None;
        }
        let result = read_limited(reader, self.options.max_article_bytes)
            .and_then(|bytes| parse_document(&bytes, format, "-"));
        Some(match result {
            Ok(article) => Work::Ready(article),
            Err(e) => Work::Failed(Failure::new("-", e)),
        })
    }

    fn open_path(&mut self, path: PathBuf, display: String) -> Option<Work> {
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) => {
                return Some(Work::Failed(Failure::new(
                    &display,
                    InputError::from_io(&e, &display),
                )))
            }
        };
        if meta.is_dir() {
            if let Err(e) = self.expand_dir(&path, &display) {
                return Some(Work::Failed(Failure::new(&display, e)));
            }
            return None;
        }
        let format = match self.options.format {
            InputFormat::Auto => format_from_name(&path),
            format => format,
        };
        if format == InputFormat::Jsonl {
            match open_maybe_gz(&path) {
                Ok(reader) => {
                    self.jsonl = Some(jsonl::JsonlReader::new(
                        reader,
                        display,
                        self.options.max_article_bytes,
                    ));
                    None
                }
                Err(e) => Some(Work::Failed(Failure::new(&display, e))),
            }
        } else {
            Some(Work::File {
                path,
                display,
                format,
            })
        }
    }

    /// Queues a folder's entries (sorted by name, hidden files skipped) before the rest.
    fn expand_dir(&mut self, dir: &Path, display: &str) -> Result<(), InputError> {
        let canonical = std::fs::canonicalize(dir).map_err(|e| InputError::from_io(&e, display))?;
        if !self.visited_dirs.insert(canonical) {
            return Err(InputError::new(
                ErrorKind::Io,
                format!("{display}: folder already visited (symlink loop?)"),
            ));
        }
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| InputError::from_io(&e, display))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .filter(|n| !n.to_string_lossy().starts_with('.'))
            .collect();
        names.sort();
        for name in names.into_iter().rev() {
            let child_display = Path::new(display)
                .join(&name)
                .to_string_lossy()
                .into_owned();
            self.pending.push_front(Entry::Path {
                path: dir.join(&name),
                display: child_display,
            });
        }
        Ok(())
    }
}

impl Iterator for Inputs {
    type Item = Work;

    fn next(&mut self) -> Option<Work> {
        loop {
            if let Some(reader) = &mut self.jsonl {
                match reader.next_work() {
                    Some(work) => return Some(work),
                    None => self.jsonl = None,
                }
            }
            let entry = self.pending.pop_front()?;
            if let Some(work) = self.open_entry(entry) {
                return Some(work);
            }
        }
    }
}

/// Reads and parses a file work item; runs on a worker thread.
pub fn load_file(
    path: &Path,
    display: &str,
    format: InputFormat,
    max_bytes: usize,
) -> Result<Article, Failure> {
    let fail = |e| Failure::new(display, e);
    // Check before opening: opening a FIFO would block until a writer appears.
    let meta = std::fs::metadata(path).map_err(|e| fail(InputError::from_io(&e, display)))?;
    if !meta.is_file() {
        return Err(fail(InputError::new(
            ErrorKind::Unsupported,
            format!("{display}: not a regular file"),
        )));
    }
    let file = File::open(path).map_err(|e| fail(InputError::from_io(&e, display)))?;
    let reader =
        maybe_gunzip(BufReader::new(file)).map_err(|e| fail(InputError::from_io(&e, display)))?;
    let bytes = read_limited(reader, max_bytes).map_err(fail)?;
    parse_document(&bytes, format, display).map_err(fail)
}

/// Parses a whole document (text or HTML) into an article named `display`.
pub fn parse_document(
    bytes: &[u8],
    format: InputFormat,
    display: &str,
) -> Result<Article, InputError> {
    if format == InputFormat::Html {
        if crate::html::looks_binary(bytes) {
            return Err(InputError::new(
                ErrorKind::Binary,
                "binary content (NUL bytes), not an HTML page",
            ));
        }
        let html = crate::html::decode_html(bytes, None);
        return Ok(article_from_page(display, crate::html::extract(&html)));
    }
    let text = decode_text(bytes)?;
    let (published, body_start) = split_date_header(&text);
    let mut article = Article::new(display, &text[body_start..]);
    article.published = published;
    Ok(article)
}

fn format_from_name(path: &Path) -> InputFormat {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext {
        "jsonl" | "ndjson" | "jsonlines" => InputFormat::Jsonl,
        "html" | "htm" | "xhtml" => InputFormat::Html,
        _ => InputFormat::Text,
    }
}

/// Guesses the format of a stream from its first non-blank byte.
fn sniff(reader: &mut Box<dyn BufRead + Send>) -> Result<InputFormat, InputError> {
    let buf = reader
        .fill_buf()
        .map_err(|e| InputError::from_io(&e, "-"))?;
    let first = buf.iter().find(|b| !b.is_ascii_whitespace());
    Ok(match first {
        Some(b'{') => InputFormat::Jsonl,
        Some(b'<') => InputFormat::Html,
        _ => InputFormat::Text,
    })
}

fn open_maybe_gz(path: &Path) -> Result<Box<dyn BufRead + Send>, InputError> {
    let display = path.to_string_lossy();
    let file = File::open(path).map_err(|e| InputError::from_io(&e, &display))?;
    maybe_gunzip(BufReader::new(file)).map_err(|e| InputError::from_io(&e, &display))
}

/// Reads at most `max` bytes; a longer stream is a `too_large` error, never silently cut.
fn read_limited<R: Read>(reader: R, max: usize) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::from_io(&e, "read"))?;
    if bytes.len() > max {
        return Err(InputError::new(
            ErrorKind::TooLarge,
            format!("larger than the limit of {max} bytes (--max-article-bytes)"),
        ));
    }
    Ok(bytes)
}
/// An article from an HTML page's text and metadata; `source` is where the page came from.
pub(crate) fn article_from_page(source: &str, page: crate::html::HtmlArticle) -> Article {
    let mut article = Article::new(source, page.text);
    article.title = page.title;
    article.published = page.published.as_deref().and_then(PubDate::parse);
    article.lang_hint = page.lang.map(|code| LangHint {
        code,
        authoritative: false,
    });
    article.url = page.canonical_url;
    article.country = page.country;
    article
}
