//! A small HTTP/1.1 server on 127.0.0.1 for integration tests: one thread per connection,
//! `Connection: close`, routes answered by a closure. It stops when dropped, and by
//! itself after two minutes at the latest.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The longest a test server lives.
const LIFETIME: Duration = Duration::from_secs(120);

/// A request as the handler sees it.
#[derive(Debug, Clone)]
pub struct Request {
    /// The path with its query string.
    pub path: String,
    /// Headers with lower-cased names.
    pub headers: Vec<(String, String)>,
}

impl Request {
    /// The value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the handler answers.
#[derive(Debug, Clone)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Headers to send (Content-Length is added unless `stream` is set).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: Duration,
    /// Send the body without Content-Length, ending it by closing the connection.
    pub stream: bool,
}

impl Response {
    /// A response with a status, a content type and a body.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            stream: false,
        }
    }

    /// A 200 UTF-8 HTML page.
    pub fn html(body: impl Into<Vec<u8>>) -> Self {
        Response::new(200, "text/html; charset=utf-8", body)
    }

    /// A redirect to `location`.
    pub fn redirect(location: &str) -> Self {
        Response::new(302, "text/plain", "").with_header("Location", location)
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// Waits `delay` before answering.
    pub fn with_delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// Sends the body without a Content-Length.
    pub fn streamed(mut self) -> Self {
        self.stream = true;
        self
    }
}

type Handler = dyn Fn(&Request) -> Response + Send + Sync;

/// A running server; dropping it stops it.
pub struct TestServer {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    requests: Arc<Mutex<Vec<Request>>>,
    thread: Option<JoinHandle<()>>,
}

impl TestServer {
    /// Starts a server on a free port of 127.0.0.1 answering with `handler`.
    pub fn start(handler: impl Fn(&Request) -> Response + Send + Sync + 'static) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener.set_nonblocking(true).expect("nonblocking");
        let addr = listener.local_addr().expect("local addr");
        let stop = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let thread = {
            let (stop, requests) = (stop.clone(), requests.clone());
            std::thread::spawn(move || accept_loop(listener, handler, stop, requests))
        };
        TestServer {
            addr,
            stop,
            requests,
            thread: Some(thread),
        }
    }

    /// The full URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// The port of this server.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// `host:port` of this server.
    pub fn authority(&self) -> String {
        self.addr.to_string()
    }

    /// The requests received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// How many requests asked for `path`.
    pub fn hits(&self, path: &str) -> usize {
        self.requests().iter().filter(|r| r.path == path).count()
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn accept_loop(
    listener: TcpListener,
    handler: Arc<Handler>,
    stop: Arc<AtomicBool>,
    requests: Arc<Mutex<Vec<Request>>>,
) {
    let started = Instant::now();
    let mut workers = Vec::new();
    while !stop.load(Ordering::SeqCst) && started.elapsed() < LIFETIME {
        match listener.accept() {
            Ok((stream, _)) => {
                let (handler, stop, requests) = (handler.clone(), stop.clone(), requests.clone());
                workers.push(std::thread::spawn(move || {
                    let _ = serve(stream, &*handler, &stop, &requests);
                }));
            }
            Err(_) => std::thread::sleep(Duration::from_millis(5)),
        }
    }
    stop.store(true, Ordering::SeqCst);
    for worker in workers {
        let _ = worker.join();
    }
}

fn serve(
    stream: TcpStream,
    handler: &Handler,
    stop: &AtomicBool,
    requests: &Mutex<Vec<Request>>,
) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut first = Vec::new();
    reader.by_ref().take(8192).read_until(b'\n', &mut first)?;
    let line = String::from_utf8_lossy(&first);
    if !line.trim_end().ends_with("HTTP/1.1") && !line.trim_end().ends_with("HTTP/1.0") {
        // Not HTTP (say, a TLS handshake): answer like a plain HTTP server would.
        let mut stream = stream;
        return stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = Vec::new();
    loop {
        let mut raw = Vec::new();
        if reader.by_ref().take(8192).read_until(b'\n', &mut raw)? == 0 {
            break;
        }
        let header = String::from_utf8_lossy(&raw);
        if header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let request = Request { path, headers };
    requests.lock().unwrap().push(request.clone());
    let response = handler(&request);
    let deadline = Instant::now() + response.delay;
    while Instant::now() < deadline {
        if stop.load(Ordering::SeqCst) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut head = format!("HTTP/1.1 {} X\r\nConnection: close\r\n", response.status);
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !response.stream {
        head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    head.push_str("\r\n");
    let mut stream = stream;
    stream.write_all(head.as_bytes())?;
    for chunk in response.body.chunks(64 * 1024) {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        stream.write_all(chunk)?;
    }
    stream.flush()
}
