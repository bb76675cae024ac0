//! Downloading articles and feeds over HTTP.
//!
//! One [`Fetcher`] per process holds the tokio runtime, the reqwest clients and the
//! per-host limits; callers on any thread use its blocking methods. Every failure is an
//! [`InputError`] whose kind says what went wrong (`timeout`, `too_large`, `http_status`,
//! `redirect_loop`, `too_many_redirects`, `tls`, `not_html`, `connect`, `blocked_host`).

mod classify;
pub mod guard;

pub use classify::is_transient;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use reqwest::header::{self, HeaderMap};
use reqwest::{StatusCode, Url};
use tokio::sync::Semaphore;

use crate::article::Article;
use crate::error::{ErrorKind, InputError};

/// The User-Agent sent with every request.
pub const USER_AGENT: &str = concat!("newsfacts/", env!("CARGO_PKG_VERSION"));

/// The `Accept` header of page requests.
const ACCEPT_HTML: &str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5";
/// The `Accept` header of feed requests.
const ACCEPT_FEED: &str = "application/rss+xml,application/atom+xml,application/feed+json,\
                           application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.5";

/// Limits and policies for downloads.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchOptions {
    /// Time allowed to open the connection (TCP and TLS).
    pub connect_timeout: Duration,
    /// Time allowed for one whole attempt, headers and body.
    pub timeout: Duration,
    /// The largest body accepted, after decompression.
    pub max_body_bytes: u64,
    /// Extra attempts after a 429, a 5xx or a connection failure.
    pub retries: u32,
    /// The first retry's delay; each later one doubles it.
    pub backoff: Duration,
    /// The longest `Retry-After` honoured; a longer one ends the retries.
    pub max_retry_after: Duration,
    /// Redirects followed before `too_many_redirects`.
    pub max_redirects: usize,
    /// Requests in flight to one host.
    pub per_host: usize,
    /// Requests in flight overall.
    pub concurrency: usize,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body_bytes: 10 * 1024 * 1024,
            retries: 2,
            backoff: Duration::from_millis(500),
            max_retry_after: Duration::from_secs(30),
            max_redirects: 10,
            per_host: 4,
            concurrency: 32,
        }
    }
}

/// What to fetch.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The http(s) URL.
    pub url: String,
    /// Refuse non-public addresses (for URLs found in feeds).
    pub public_only: bool,
    /// Accept only HTML (`not_html` otherwise); feeds accept any type.
    pub html_only: bool,
    /// The `ETag` of the copy already held, for a conditional GET.
    pub etag: Option<String>,
    /// The `Last-Modified` of the copy already held, for a conditional GET.
    pub last_modified: Option<String>,
}

impl Request {
    /// A request for an HTML page at `url`.
    pub fn html(url: impl Into<String>) -> Self {
        Request {
            url: url.into(),
            html_only: true,
            ..Request::default()
        }
    }
}

/// A downloaded response.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The URL after redirects.
    pub final_url: String,
    /// `true` for a 304 answer to a conditional GET (the body is empty).
    pub not_modified: bool,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The `ETag` header.
    pub etag: Option<String>,
    /// The `Last-Modified` header.
    pub last_modified: Option<String>,
    /// The body, decompressed.
    pub body: Vec<u8>,
}

/// The shared HTTP machinery: a runtime, two clients and the concurrency limits.
pub struct Fetcher {
    runtime: tokio::runtime::Runtime,
    open: reqwest::Client,
    public_only: reqwest::Client,
    options: FetchOptions,
    overall: Arc<Semaphore>,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
}

impl std::fmt::Debug for Fetcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fetcher")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// One failed attempt, and whether another may succeed.
struct AttemptError {
    error: InputError,
    retryable: bool,
    retry_after: Option<Duration>,
}

impl From<InputError> for AttemptError {
    fn from(error: InputError) -> Self {
        AttemptError {
            error,
            retryable: false,
            retry_after: None,
        }
    }
}

impl Fetcher {
    /// Builds a fetcher with its own runtime and clients.
    pub fn new(options: FetchOptions) -> Result<Fetcher, InputError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("newsfacts-fetch")
            .enable_all()
            .build()
            .map_err(|e| InputError::new(ErrorKind::Internal, format!("tokio runtime: {e}")))?;
        let open = build_client(&options, false)?;
        let public_only = build_client(&options, true)?;
        Ok(Fetcher {
            runtime,
            open,
            public_only,
            overall: Arc::new(Semaphore::new(options.concurrency.max(1))),
            hosts: Mutex::new(HashMap::new()),
            options,
        })
    }

    /// The process-wide fetcher for `options`, built on first use (and rebuilt only if a
    /// caller asks for different options).
    pub fn shared(options: &FetchOptions) -> Result<Arc<Fetcher>, InputError> {
        static SHARED: Mutex<Option<Arc<Fetcher>>> = Mutex::new(None);
        let mut slot = SHARED.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(fetcher) = slot.as_ref().filter(|f| &f.options == options) {
            return Ok(fetcher.clone());
        }
        let fetcher = Arc::new(Fetcher::new(options.clone())?);
        *slot = Some(fetcher.clone());
        Ok(fetcher)
    }

    /// The options this fetcher was built with.
    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// Fetches one request, blocking the calling thread.
    pub fn get(&self, request: &Request) -> Result<Page, InputError> {
        self.runtime.block_on(self.get_async(request))
    }

    /// Fetches all `requests` concurrently (within the limits), blocking the calling thread;
    /// the results come back in the order of the requests.
    pub fn get_all(&self, requests: &[Request]) -> Vec<Result<Page, InputError>> {
        self.get_all_with_progress(requests, &|| {})
    }

    /// Like [`Fetcher::get_all`], calling `on_done` as each request finishes.
    pub fn get_all_with_progress(
        &self,
        requests: &[Request],
        on_done: &(dyn Fn() + Sync),
    ) -> Vec<Result<Page, InputError>> {
        self.runtime.block_on(async {
            let tasks = requests.iter().map(|r| async move {
                let result = self.get_async(r).await;
                on_done();
                result
            });
            join_all_ordered(tasks).await
        })
    }

    /// Fetches one request with retries on 429, 5xx and connection failures.
    pub async fn get_async(&self, request: &Request) -> Result<Page, InputError> {
        let mut attempt = 0;
        loop {
            let failure = match self.attempt(request).await {
                Ok(page) => return Ok(page),
                Err(failure) => failure,
            };
            if !failure.retryable || attempt >= self.options.retries {
                return Err(failure.error);
            }
            let backoff = self.options.backoff * 2u32.saturating_pow(attempt);
            let delay = failure.retry_after.unwrap_or(backoff);
            if delay > self.options.max_retry_after {
                return Err(failure.error);
            }
            tracing::debug!(url = %request.url, ?delay, error = %failure.error, "retrying");
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }

    async fn attempt(&self, request: &Request) -> Result<Page, AttemptError> {
        let url = Url::parse(&request.url)
            .map_err(|e| InputError::new(ErrorKind::Unsupported, format!("bad URL: {e}")))?;
        guard::check_url(&url, request.public_only).map_err(classify::refusal)?;
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let _overall = self.overall.acquire().await;
        let _host = self.host_limit(&host).acquire_owned().await;
        let mut response = self
            .build(url, request)
            .send()
            .await
            .map_err(classify::transport)?;
        let status = response.status();
        let headers = response.headers();
        let mut page = Page {
            final_url: response.url().to_string(),
            not_modified: status == StatusCode::NOT_MODIFIED
                && (request.etag.is_some() || request.last_modified.is_some()),
            content_type: header_str(headers, header::CONTENT_TYPE),
            etag: header_str(headers, header::ETAG),
            last_modified: header_str(headers, header::LAST_MODIFIED),
            body: Vec::new(),
        };
        if page.not_modified {
            return Ok(page);
        }
        if !status.is_success() {
            return Err(classify::status(status, headers));
        }
        if request.html_only && !is_html_type(page.content_type.as_deref()) {
            let declared = page.content_type.as_deref().unwrap_or("(none)");
            let message = format!("content type {declared} is not HTML");
            return Err(InputError::new(ErrorKind::NotHtml, message).into());
        }
        page.body = self.read_body(&mut response).await?;
        Ok(page)
    }

    /// The GET request for `request`, on the client its address policy calls for.
    fn build(&self, url: Url, request: &Request) -> reqwest::RequestBuilder {
        let (client, accept) = match (request.public_only, request.html_only) {
            (true, true) => (&self.public_only, ACCEPT_HTML),
            (true, false) => (&self.public_only, ACCEPT_FEED),
            (false, true) => (&self.open, ACCEPT_HTML),
            (false, false) => (&self.open, ACCEPT_FEED),
        };
        let mut builder = client
            .get(url)
            .timeout(self.options.timeout)
            .header(header::ACCEPT, accept);
        if let Some(etag) = &request.etag {
            builder = builder.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(modified) = &request.last_modified {
            builder = builder.header(header::IF_MODIFIED_SINCE, modified);
        }
        builder
    }

    /// Reads the body, stopping as soon as it passes the size limit.
    async fn read_body(&self, response: &mut reqwest::Response) -> Result<Vec<u8>, AttemptError> {
        let max = self.options.max_body_bytes;
        if response.content_length().is_some_and(|len| len > max) {
            return Err(too_large(max).into());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(classify::transport)? {
            if body.len() as u64 + chunk.len() as u64 > max {
                return Err(too_large(max).into());
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn host_limit(&self, host: &str) -> Arc<Semaphore> {
        let mut hosts = self.hosts.lock().unwrap_or_else(|p| p.into_inner());
        hosts
            .entry(host.to_string())
            .or_insert_with(|| Arc::new(Semaphore::new(self.options.per_host.max(1))))
            .clone()
    }
}

/// Awaits futures concurrently and returns their outputs in order.
async fn join_all_ordered<F: std::future::Future>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output> {
    let mut pending: Vec<std::pin::Pin<Box<F>>> = futures.map(Box::pin).collect();
    let mut results: Vec<Option<F::Output>> = pending.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut done = true;
        for (fut, slot) in pending.iter_mut().zip(results.iter_mut()) {
            if slot.is_none() {
                match fut.as_mut().poll(cx) {
                    std::task::Poll::Ready(out) => *slot = Some(out),
                    std::task::Poll::Pending => done = false,
                }
            }
        }
        if done {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    results.into_iter().flatten().collect()
}

fn build_client(options: &FetchOptions, public_only: bool) -> Result<reqwest::Client, InputError> {
    let mut builder = reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(options.connect_timeout)
        .redirect(guard::redirect_policy(options.max_redirects, public_only))
        .https_only(false);
    if public_only {
        builder = builder.dns_resolver(guard::public_resolver());
    }
    builder
        .build()
        .map_err(|e| InputError::new(ErrorKind::Internal, format!("HTTP client: {e}")))
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

fn too_large(max: u64) -> InputError {
    InputError::new(
        ErrorKind::TooLarge,
        format!("body larger than the limit of {max} bytes (--max-body-bytes)"),
    )
}

/// Whether a `Content-Type` is HTML; a missing one is given the benefit of the doubt.
fn is_html_type(content_type: Option<&str>) -> bool {
    let Some(value) = content_type else {
        return true;
    };
    let mime = value.split(';').next().unwrap_or("").trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

/// Whether `input` names an http or https URL.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Turns a downloaded HTML page into an article named by `url`: the charset comes from
/// the `Content-Type` header, the page's own declaration or detection.
pub fn page_to_article(url: &str, page: &Page) -> Result<Article, InputError> {
    let html = crate::html::decode_html(&page.body, page.content_type.as_deref());
    let mut article = html_to_article(url, &html)?;
    article.url.get_or_insert_with(|| page.final_url.clone());
    Ok(article)
}

/// Parses already decoded HTML into an article named by `url`.
pub fn html_to_article(url: &str, html: &str) -> Result<Article, InputError> {
    // A UTF-8 byte-order mark outranks any charset the page declares, so the already
    // decoded text is not decoded a second time in a different charset.
    let mut utf8 = Vec::with_capacity(html.len() + 3);
    utf8.extend_from_slice(b"\xef\xbb\xbf");
    utf8.extend_from_slice(html.as_bytes());
    crate::source::parse_document(&utf8, crate::source::InputFormat::Html, url)
}

/// Downloads and parses the article at `url`.
pub fn fetch_article(url: &str, options: &FetchOptions) -> Result<Article, InputError> {
    let page = Fetcher::shared(options)?.get(&Request::html(url))?;
    page_to_article(url, &page)
}
