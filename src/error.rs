//! Errors that become error records: each has a stable `kind` for downstream filtering.

use std::fmt;

/// Why one input could not be turned into an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// Stable machine-readable kind, e.g. `not_found`, `io`, `binary`, `too_large`, `bad_json`.
    pub kind: ErrorKind,
    /// Human-readable explanation.
    pub message: String,
}

/// The kinds of input failure, serialized in snake_case into error records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The path does not exist.
    NotFound,
    /// The file could not be read (permissions, I/O error, not a regular file).
    Io,
    /// The content looks binary (NUL bytes), not text.
    Binary,
    /// The article or line is larger than the configured limit.
    TooLarge,
    /// The gzip stream is corrupt.
    BadGzip,
    /// A JSON Lines line is not valid JSON or lacks required fields.
    BadRecord,
    /// A URL input could not be fetched.
    Fetch,
    /// The input is of a kind that is not supported.
    Unsupported,
    /// An internal error (a bug) while processing this article.
    Internal,
    /// A download took longer than the connect or total timeout.
    Timeout,
    /// The server answered with an error status (the message starts with `HTTP <status>`).
    HttpStatus,
    /// A redirect led back to a URL already visited.
    RedirectLoop,
    /// More redirects than the limit.
    TooManyRedirects,
    /// The TLS handshake failed (bad certificate, not TLS, protocol error).
    Tls,
    /// The response is not an HTML page.
    NotHtml,
    /// The server could not be reached (DNS, refused, reset).
    Connect,
    /// The URL points to a loopback, private, link-local or metadata address.
    BlockedHost,
}

impl ErrorKind {
    /// The snake_case name written to error records.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::Io => "io",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::BadGzip => "bad_gzip",
            ErrorKind::BadRecord => "bad_record",
            ErrorKind::Fetch => "fetch",
            ErrorKind::Unsupported => "unsupported",
            ErrorKind::Internal => "internal",
            ErrorKind::Timeout => "timeout",
            ErrorKind::HttpStatus => "http_status",
            ErrorKind::RedirectLoop => "redirect_loop",
            ErrorKind::TooManyRedirects => "too_many_redirects",
            ErrorKind::Tls => "tls",
            ErrorKind::NotHtml => "not_html",
            ErrorKind::Connect => "connect",
            ErrorKind::BlockedHost => "blocked_host",
        }
    }
}

impl InputError {
    /// Builds an error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        InputError {
            kind,
            message: message.into(),
        }
    }

    /// Maps an I/O error on `path` to the matching kind.
    pub fn from_io(err: &std::io::Error, what: &str) -> Self {
        let kind = match err.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            std::io::ErrorKind::InvalidData => ErrorKind::BadGzip,
            _ => ErrorKind::Io,
        };
        InputError::new(kind, format!("{what}: {err}"))
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl std::error::Error for InputError {}
