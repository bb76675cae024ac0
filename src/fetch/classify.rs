//! Failures to error kinds, and which of them are worth another attempt.

use std::error::Error as StdError;
use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::StatusCode;

use super::guard::Refusal;
use super::AttemptError;
use crate::error::{ErrorKind, InputError};

/// A refused URL (scheme, address, redirect) as an error that is not retried.
pub(super) fn refusal(refusal: Refusal) -> AttemptError {
    let kind = match refusal {
        Refusal::BlockedHost(_) => ErrorKind::BlockedHost,
        Refusal::Scheme(_) => ErrorKind::Unsupported,
        Refusal::RedirectLoop(_) => ErrorKind::RedirectLoop,
        Refusal::TooManyRedirects(_) => ErrorKind::TooManyRedirects,
    };
    InputError::new(kind, refusal.to_string()).into()
}

/// An error status: 429 and 5xx may be retried (after `Retry-After` when given), other
/// statuses are final.
pub(super) fn status(status: StatusCode, headers: &HeaderMap) -> AttemptError {
    let retryable = status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
    AttemptError {
        error: InputError::new(ErrorKind::HttpStatus, format!("HTTP {status}")),
        retryable,
        retry_after: retryable.then(|| retry_after(headers)).flatten(),
    }
}

/// `Retry-After` as seconds or as an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = when.signed_duration_since(chrono::Utc::now());
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

/// Whether a failure may go away by itself (timeouts, connection failures, 429 and 5xx),
/// so that the item is worth another attempt later.
pub fn is_transient(err: &InputError) -> bool {
    match err.kind {
        ErrorKind::Timeout | ErrorKind::Connect | ErrorKind::Fetch => true,
        ErrorKind::HttpStatus => err
            .message
            .strip_prefix("HTTP ")
            .and_then(|rest| rest.get(..3))
            .and_then(|code| code.parse::<u16>().ok())
            .is_some_and(|code| code == 429 || code >= 500),
        _ => false,
    }
}

/// A transport failure, classified by what is found in its chain of causes.
pub(super) fn transport(err: reqwest::Error) -> AttemptError {
    if let Some(refused) = find_refusal(&err) {
        return refusal(refused);
    }
    let message = describe(&err);
    let (kind, retryable) = if has_tls_error(&err) {
        (ErrorKind::Tls, false)
    } else if err.is_timeout() {
        (ErrorKind::Timeout, false)
    } else if err.is_connect() {
        (ErrorKind::Connect, true)
    } else if err.is_redirect() {
        (ErrorKind::TooManyRedirects, false)
    } else {
        (ErrorKind::Fetch, false)
    };
    AttemptError {
        error: InputError::new(kind, message),
        retryable,
        retry_after: None,
    }
}

/// The causes of `err`, outermost first, looking inside `io::Error` wrappers (whose
/// `source()` skips the wrapped error itself).
fn causes(err: &reqwest::Error) -> Vec<&(dyn StdError + 'static)> {
    let mut out: Vec<&(dyn StdError + 'static)> = Vec::new();
    let mut next: Option<&(dyn StdError + 'static)> = err.source();
    while let Some(cause) = next {
        out.push(cause);
        next = match cause.downcast_ref::<std::io::Error>() {
            Some(io) => io.get_ref().map(|inner| inner as &(dyn StdError + 'static)),
            None => cause.source(),
        };
        if out.len() > 32 {
            break;
        }
    }
    out
}

fn find_refusal(err: &reqwest::Error) -> Option<Refusal> {
    causes(err)
        .into_iter()
        .find_map(|c| c.downcast_ref::<Refusal>().cloned())
}

fn has_tls_error(err: &reqwest::Error) -> bool {
    causes(err)
        .into_iter()
        .any(|c| c.is::<rustls::Error>() || c.is::<rustls::pki_types::InvalidDnsNameError>())
}

/// The innermost cause's message: reqwest's own says only "error sending request".
fn describe(err: &reqwest::Error) -> String {
    match causes(err).last() {
        Some(root) => root.to_string(),
        None => err.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn server_errors_and_429_are_retryable_4xx_not() {
        let headers = HeaderMap::new();
        assert!(status(StatusCode::SERVICE_UNAVAILABLE, &headers).retryable);
        assert!(status(StatusCode::TOO_MANY_REQUESTS, &headers).retryable);
        let not_found = status(StatusCode::NOT_FOUND, &headers);
        assert!(!not_found.retryable);
        assert_eq!(not_found.error.kind, ErrorKind::HttpStatus);
        assert_eq!(not_found.error.message, "HTTP 404 Not Found");
        assert!(!is_transient(&not_found.error));
        assert!(is_transient(
            &status(StatusCode::BAD_GATEWAY, &headers).error
        ));
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_static("7"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(
            RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(retry_after(&headers), Some(Duration::ZERO));
        headers.insert(RETRY_AFTER, HeaderValue::from_static("soon"));
        assert_eq!(retry_after(&headers), None);
    }
}
