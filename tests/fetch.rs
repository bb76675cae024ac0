//! `newsfacts extract` on http(s) URLs, against a real server on 127.0.0.1.

mod common;

use std::net::TcpListener;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::server::{Response, TestServer};
use serde_json::Value;

fn extract(args: &[&str]) -> (Output, Vec<Value>) {
    let output = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .arg("extract")
        .args(args)
        .output()
        .expect("run newsfacts");
    let records = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON record"))
        .collect();
    (output, records)
}

fn error_kind(record: &Value) -> &str {
    record["error"]["kind"].as_str().unwrap_or("(no error)")
}

const FRENCH_PAGE: &str = "<html lang=\"fr\"><head><title>Résultats trimestriels</title></head>\
<body><nav><a href=\"/\">Accueil</a></nav>\
<p>Le chiffre d'affaires du groupe a progressé de 12 % pour atteindre 3,5 millions €, \
a annoncé jeudi la direction, qui reste prudente pour la fin de l'année.</p>\
<p>Au cœur de cette hausse, les ventes à l'étranger ont été très fortes.</p></body></html>";

#[test]
fn windows_1252_french_page_is_decoded_and_extracted() {
    let (body, _, unmappable) = encoding_rs::WINDOWS_1252.encode(FRENCH_PAGE);
    assert!(!unmappable);
    let body = body.into_owned();
    assert!(
        std::str::from_utf8(&body).is_err(),
        "the page must not be UTF-8"
    );
    let server = TestServer::start(move |_| {
        Response::new(200, "text/html; charset=windows-1252", body.clone())
    });
    let url = server.url("/economie/resultats");
    let (output, records) = extract(&["--include-text", &url]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(records.len(), 1);
    let record = &records[0];
    assert_eq!(record["source"], url.as_str());
    assert_eq!(record["title"], "Résultats trimestriels");
    let text = record["text"].as_str().unwrap();
    assert!(
        text.contains("a progressé de 12 % pour atteindre 3,5 millions €"),
        "{text}"
    );
    assert!(text.contains("Au cœur de cette hausse"), "{text}");
    assert!(!text.contains('\u{fffd}'), "{text}");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let agent = format!("newsfacts/{}", env!("CARGO_PKG_VERSION"));
    assert_eq!(requests[0].header("user-agent"), Some(agent.as_str()));
}

#[test]
fn every_failure_kind_is_an_error_record_in_input_order() {
    let server = TestServer::start(|req| match req.path.as_str() {
        "/ok" => Response::html("<html><body><p>Een korte tekst.</p></body></html>"),
        "/missing" => Response::new(404, "text/html", "<p>weg</p>"),
        "/report.pdf" => Response::new(200, "application/pdf", "%PDF-1.4"),
        "/huge-declared" => Response::html(vec![b'a'; 200_000]),
        "/huge-streamed" => Response::html(vec![b'a'; 3_000_000]).streamed(),
        "/loop-a" => Response::redirect("/loop-b"),
        "/loop-b" => Response::redirect("/loop-a"),
        "/slow" => Response::html("<p>te laat</p>").with_delay(Duration::from_secs(6)),
        path => match path
            .strip_prefix("/hop/")
            .and_then(|n| n.parse::<u32>().ok())
        {
            Some(n) => Response::redirect(&format!("/hop/{}", n + 1)),
            None => Response::new(500, "text/plain", "unexpected"),
        },
    });
    let refused = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let urls = [
        server.url("/ok"),
        server.url("/missing"),
        server.url("/report.pdf"),
        server.url("/huge-declared"),
        server.url("/huge-streamed"),
        server.url("/loop-a"),
        server.url("/hop/0"),
        server.url("/slow"),
        format!("https://{}/ok", server.authority()),
        format!("http://{refused}/"),
    ];
    let mut args = vec![
        "--timeout",
        "1",
        "--retries",
        "0",
        "--max-body-bytes",
        "100000",
    ];
    args.extend(urls.iter().map(String::as_str));
    let started = std::time::Instant::now();
    let (output, records) = extract(&args);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "timeouts are bounded"
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "some inputs failed: {output:?}"
    );
    let kinds: Vec<&str> = records.iter().map(error_kind).collect();
    assert_eq!(
        kinds,
        [
            "(no error)",
            "http_status",
            "not_html",
            "too_large",
            "too_large",
            "redirect_loop",
            "too_many_redirects",
            "timeout",
            "tls",
            "connect"
        ]
    );
    for (record, url) in records.iter().zip(&urls) {
        assert_eq!(record["source"], url.as_str());
    }
    assert_eq!(records[1]["error"]["message"], "HTTP 404 Not Found");
    assert_eq!(server.hits("/missing"), 1, "a 4xx is not retried");
    assert_eq!(server.hits("/hop/11"), 0, "redirects are bounded");
}

#[test]
fn server_errors_are_retried_until_success() {
    let flaky = Arc::new(AtomicUsize::new(0));
    let busy = Arc::new(AtomicUsize::new(0));
    let server = {
        let (flaky, busy) = (flaky.clone(), busy.clone());
        TestServer::start(move |req| match req.path.as_str() {
            "/flaky" if flaky.fetch_add(1, Ordering::SeqCst) == 0 => {
                Response::new(500, "text/plain", "oops")
            }
            "/busy" if busy.fetch_add(1, Ordering::SeqCst) == 0 => {
                Response::new(429, "text/plain", "slow down").with_header("Retry-After", "1")
            }
            "/down" => Response::new(503, "text/plain", "down"),
            "/later" => {
                Response::new(503, "text/plain", "later").with_header("Retry-After", "3600")
            }
            _ => Response::html("<p>Alles goed.</p>"),
        })
    };
    let started = std::time::Instant::now();
    let (output, records) = extract(&[
        "--retries",
        "2",
        &server.url("/flaky"),
        &server.url("/busy"),
        &server.url("/down"),
        &server.url("/later"),
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let kinds: Vec<&str> = records.iter().map(error_kind).collect();
    assert_eq!(
        kinds,
        ["(no error)", "(no error)", "http_status", "http_status"]
    );
    assert_eq!(
        records[2]["error"]["message"],
        "HTTP 503 Service Unavailable"
    );
    assert_eq!(server.hits("/flaky"), 2);
    assert_eq!(server.hits("/busy"), 2, "Retry-After is honoured");
    assert_eq!(server.hits("/down"), 3, "one attempt and two retries");
    assert_eq!(
        server.hits("/later"),
        1,
        "a Retry-After past the bound ends the retries"
    );
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited for Retry-After"
    );
}

#[test]
fn redirects_and_gzip_are_followed_and_requests_per_host_are_limited() {
    use std::io::Write;
    let in_flight = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"<html><body><p>Ingepakt nieuws.</p></body></html>")
        .unwrap();
    let gzipped = gz.finish().unwrap();
    let server = {
        let (in_flight, peak) = (in_flight.clone(), peak.clone());
        TestServer::start(move |req| match req.path.as_str() {
            "/old" => Response::redirect("/new"),
            "/new" => Response::html("<p>Verhuisd artikel.</p>"),
            "/gz" => Response::html(gzipped.clone()).with_header("Content-Encoding", "gzip"),
            _ => {
                let now = in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(300));
                in_flight.fetch_sub(1, Ordering::SeqCst);
                Response::html("<p>Traag maar goed.</p>")
            }
        })
    };
    let mut urls = vec![server.url("/old"), server.url("/gz")];
    urls.extend((0..10).map(|i| server.url(&format!("/page/{i}"))));
    let mut args = vec!["--include-text"];
    args.extend(urls.iter().map(String::as_str));
    let (output, records) = extract(&args);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(records.len(), 12);
    assert_eq!(records[0]["source"], urls[0].as_str());
    assert_eq!(records[0]["text"], "Verhuisd artikel.");
    assert_eq!(records[1]["text"], "Ingepakt nieuws.");
    let peak = peak.load(Ordering::SeqCst);
    assert!(
        (2..=4).contains(&peak),
        "at most 4 requests per host at once, saw {peak}"
    );
}
