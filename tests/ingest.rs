//! `newsfacts ingest` against a real server on 127.0.0.1: feeds that change between runs,
//! flaky, slow, oversized and looping routes, exactly-once output, crash recovery, the lock.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::server::{Response, TestServer};
use serde_json::Value;

/// A test's folder: output, state and inputs, removed at the end.
struct Workspace {
    dir: tempfile::TempDir,
}

impl Workspace {
    fn new() -> Self {
        Workspace {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsfacts"));
        cmd.arg("ingest")
            .arg("--out")
            .arg(self.path("out"))
            .arg("--state")
            .arg(self.path("state.sqlite"))
            .args(["--no-progress", "--retry-delay", "0", "--min-file-age", "0"])
            .args(args)
            .stdin(Stdio::null());
        cmd
    }

    fn command_owned(&self, args: &[String]) -> Command {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.command(&args)
    }

    fn ingest(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    /// The published output files, oldest first.
    fn outputs(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.path("out"))
            .map(|entries| entries.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("facts-") && name.ends_with(".jsonl")
        });
        files.sort_by_key(|p| run_number(p));
        files
    }

    /// Every file in the output folder, hidden ones included.
    fn all_files(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path("out"))
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    fn state(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.path("state.sqlite")).unwrap()
    }
}

fn run_number(path: &Path) -> i64 {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    name.rsplit('-').next().unwrap().parse().unwrap()
}

/// Each record as (source, error kind or "ok").
fn summary_of(path: &Path) -> Vec<(String, String)> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).unwrap();
            let kind = record["error"]["kind"].as_str().unwrap_or("ok").to_string();
            (record["source"].as_str().unwrap().to_string(), kind)
        })
        .collect()
}

fn page(title: &str, body: &str) -> Response {
    Response::html(format!(
        "<html lang=\"nl\"><head><title>{title}</title></head><body><h1>{title}</h1>\
         <p>{body}</p></body></html>"
    ))
}

fn rss(base: &str, paths: &[&str]) -> String {
    let items: String = paths
        .iter()
        .map(|p| {
            let link = if p.starts_with("http") {
                p.to_string()
            } else {
                format!("{base}{p}")
            };
            format!("<item><title>{p}</title><link>{link}</link></item>")
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Nieuws</title>\
         <link>{base}/</link><description>test</description>{items}</channel></rss>"
    )
}

/// A news site whose feed can change between runs.
struct Site {
    feed: Mutex<Vec<&'static str>>,
    flaky_hits: AtomicUsize,
    slow: AtomicBool,
}

fn start_site(paths: &[&'static str]) -> (TestServer, Arc<Site>) {
    let site = Arc::new(Site {
        feed: Mutex::new(paths.to_vec()),
        flaky_hits: AtomicUsize::new(0),
        slow: AtomicBool::new(true),
    });
    let base = Arc::new(Mutex::new(String::new()));
    let server = {
        let (site, base) = (site.clone(), base.clone());
        TestServer::start(move |req| route(&site, &base.lock().unwrap(), req))
    };
    *base.lock().unwrap() = server.url("");
    (server, site)
}

fn route(site: &Site, base: &str, req: &common::server::Request) -> Response {
    let wire = "Het persbureau meldt dat de haven van Antwerpen 12 miljoen euro investeert \
                in nieuwe kranen, zo werd dinsdag bekendgemaakt.";
    match req.path.as_str() {
        "/feed.xml" => {
            let feed = site.feed.lock().unwrap().clone();
            let etag = format!("\"v{}\"", feed.len());
            if req.header("if-none-match") == Some(etag.as_str()) {
                return Response::new(304, "application/rss+xml", "");
            }
            Response::new(200, "application/rss+xml", rss(base, &feed)).with_header("ETag", &etag)
        }
        "/a/1" => page(
            "Begroting",
            "Het kabinet trekt 3 miljard euro uit voor defensie.",
        ),
        "/a/2" => page(
            "Overname",
            "De overname kost de koper 450 miljoen euro in contanten.",
        ),
        "/a/3" => page(
            "Banen",
            "Het bedrijf schrapt 200 banen en bespaart 15 miljoen euro.",
        ),
        "/flaky" => match site.flaky_hits.fetch_add(1, Ordering::SeqCst) {
            0 => Response::new(500, "text/plain", "kapot"),
            _ => page(
                "Herstel",
                "Na de storing is alles weer in orde, meldt de netbeheerder.",
            ),
        },
        "/slow" if site.slow.load(Ordering::SeqCst) => {
            page("Traag", "Te laat.").with_delay(Duration::from_secs(4))
        }
        "/slow" => page("Traag", "Uiteindelijk kwam het bericht toch nog binnen."),
        "/huge" => Response::html(vec![b' '; 3_000_000]).streamed(),
        "/loop" => Response::redirect("/loop2"),
        "/loop2" => Response::redirect("/loop"),
        "/wire-a" => page("Haven", wire),
        "/wire-b" => Response::html(format!(
            "<html><head><title>Haven</title></head><body><nav><a href=\"/\">Home</a> \
             <a href=\"/sport\">Sport</a></nav><h1>Haven</h1><p>{wire}</p>\
             <footer>Andere krant</footer></body></html>"
        )),
        _ => Response::new(404, "text/html", "<p>niet gevonden</p>"),
    }
}

const FAST_FAIL: [&str; 10] = [
    "--allow-private-hosts",
    "--retries",
    "0",
    "--timeout",
    "1",
    "--max-body-bytes",
    "100000",
    "--max-attempts",
    "3",
    "--feed",
];

#[test]
fn feed_runs_write_each_record_exactly_once() {
    let (server, site) = start_site(&[
        "/a/1", "/a/2", "/flaky", "/slow", "/huge", "/loop", "/wire-a", "/wire-b", "/missing",
    ]);
    let ws = Workspace::new();
    let feed = server.url("/feed.xml");
    let mut args = FAST_FAIL.to_vec();
    args.push(&feed);
    let url = |p: &str| server.url(p);
    let ok = |p: &str| (url(p), "ok".to_string());
    let err = |p: &str, kind: &str| (url(p), kind.to_string());

    // Run 1: the flaky and the slow page fail for now, the wire copy is a duplicate.
    let first = ws.ingest(&args);
    assert_eq!(first.status.code(), Some(1), "{first:?}");
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert!(
        stderr.contains("1 feeds checked (0 unchanged), 3 new articles"),
        "{stderr}"
    );
    let outputs = ws.outputs();
    assert_eq!(outputs.len(), 1);
    assert_eq!(
        summary_of(&outputs[0]),
        [
            ok("/a/1"),
            ok("/a/2"),
            err("/huge", "too_large"),
            err("/loop", "redirect_loop"),
            ok("/wire-a"),
            err("/missing", "http_status"),
        ]
    );
    let sources: Vec<String> = ws
        .state()
        .prepare("SELECT url FROM article_sources ORDER BY url")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        sources,
        [url("/a/1"), url("/a/2"), url("/wire-a"), url("/wire-b")]
    );

    // Run 2: the feed gained an item; the flaky page now works, the slow one still times out.
    site.feed.lock().unwrap().push("/a/3");
    let second = ws.ingest(&args);
    assert_eq!(second.status.code(), Some(1), "{second:?}");
    let outputs = ws.outputs();
    assert_eq!(outputs.len(), 2);
    assert_eq!(summary_of(&outputs[1]), [ok("/flaky"), ok("/a/3")]);

    // Run 3: the feed is unchanged (304); the slow page reaches its attempt limit.
    let third = ws.ingest(&args);
    let stderr = String::from_utf8_lossy(&third.stderr);
    assert!(stderr.contains("1 feeds checked (1 unchanged)"), "{stderr}");
    let outputs = ws.outputs();
    assert_eq!(outputs.len(), 3);
    assert_eq!(summary_of(&outputs[2]), [err("/slow", "timeout")]);

    // Run 4: nothing new, nothing written.
    let fourth = ws.ingest(&args);
    assert_eq!(fourth.status.code(), Some(0), "{fourth:?}");
    assert!(String::from_utf8_lossy(&fourth.stderr).contains("nothing new"));
    assert_eq!(ws.outputs().len(), 3);
    assert_eq!(ws.all_files().len(), 3, "no temporary files left");
    assert_eq!(
        server.hits("/a/1"),
        1,
        "a done article is never fetched again"
    );
    assert_eq!(server.hits("/slow"), 3);
    assert_eq!(
        server.hits("/huge"),
        1,
        "permanent failures are not retried"
    );

    // No record appears twice across runs.
    let mut all: Vec<(String, String)> = ws.outputs().iter().flat_map(|p| summary_of(p)).collect();
    let total = all.len();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), total);
}

#[test]
fn feed_links_to_private_addresses_are_refused_by_default() {
    let (server, site) = start_site(&["/a/1"]);
    let localhost: &'static str = format!("http://localhost:{}/a/3", server.port()).leak();
    site.feed.lock().unwrap().push(localhost);
    let ws = Workspace::new();
    let list = ws.path("urls.txt");
    std::fs::write(&list, format!("# handpicked\n{}\n\n", server.url("/a/2"))).unwrap();
    let output = ws.ingest(&[
        "--feed",
        &server.url("/no-feed-here"),
        "--feed",
        &server.url("/feed.xml"),
        "--url-list",
        list.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("2 feeds checked"), "{stderr}");
    assert!(
        stderr.contains("1 sources"),
        "a bad feed is counted: {stderr}"
    );
    let outputs = ws.outputs();
    assert_eq!(
        summary_of(&outputs[0]),
        [
            (server.url("/a/1"), "blocked_host".to_string()),
            (localhost.to_string(), "blocked_host".to_string()),
            (server.url("/a/2"), "ok".to_string()),
        ]
    );
    assert_eq!(
        server.hits("/a/3"),
        0,
        "names resolving to loopback are refused too"
    );
    assert_eq!(
        server.hits("/a/1"),
        0,
        "the refused page is never requested"
    );
}

#[test]
fn atom_and_json_feeds_with_full_content_need_no_download() {
    let long_body = "De gemeenteraad keurde een krediet van 2,4 miljoen euro goed. ".repeat(40);
    let server = {
        let long_body = long_body.clone();
        TestServer::start(move |req| match req.path.as_str() {
            "/atom.xml" => Response::new(
                200,
                "application/atom+xml",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\
                 <feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><id>urn:a</id>\
                 <updated>2026-11-23T08:00:00Z</updated>\
                 <entry><title>Kort</title><id>urn:a:1</id><link href=\"/kort\"/>\
                 <updated>2026-11-22T08:00:00Z</updated></entry></feed>",
            ),
            "/feed.json" => Response::new(
                200,
                "application/feed+json",
                serde_json::json!({
                    "version": "https://jsonfeed.org/version/1.1",
                    "title": "J",
                    "items": [{
                        "id": "j1",
                        "url": "http://news.invalid/volledig",
                        "title": "Volledig",
                        "content_html": format!("<p>{long_body}</p>"),
                        "date_published": "2026-11-20T10:00:00Z"
                    }, {
                        "id": "j2",
                        "content_text": "Een korte melding zonder link.\nTweede regel."
                    }]
                })
                .to_string(),
            ),
            "/kort" => page("Kort", "Korte melding over 5 miljoen euro."),
            _ => Response::new(404, "text/plain", ""),
        })
    };
    let ws = Workspace::new();
    let output = ws.ingest(&[
        "--allow-private-hosts",
        "--include-text",
        "--feed",
        &server.url("/atom.xml"),
        "--feed",
        &server.url("/feed.json"),
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(&ws.outputs()[0]).unwrap();
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["source"], server.url("/kort").as_str());
    assert_eq!(
        records[0]["published"], "2026-11-22",
        "the entry date stands in"
    );
    assert_eq!(records[1]["source"], "http://news.invalid/volledig");
    assert_eq!(records[1]["published"], "2026-11-20");
    assert_eq!(
        records[1]["text"].as_str().unwrap().trim(),
        long_body.trim()
    );
    assert_eq!(
        records[2]["source"], "j2",
        "an entry without a link is named by its id"
    );
    assert_eq!(
        records[2]["text"],
        "Een korte melding zonder link.\nTweede regel."
    );
}

#[test]
fn folders_yield_new_and_changed_files_once() {
    let ws = Workspace::new();
    let drop = ws.path("drop");
    std::fs::create_dir_all(drop.join("sub")).unwrap();
    std::fs::write(drop.join("a.txt"), "De stad betaalt 3 miljoen euro.").unwrap();
    std::fs::write(
        drop.join("sub/b.jsonl"),
        "{\"id\":\"b1\",\"text\":\"Eerste bericht.\"}\n{\"id\":\"b2\",\"text\":\"Tweede bericht.\"}\n",
    )
    .unwrap();
    let folder = drop.to_str().unwrap();
    let first = ws.ingest(&["--folder", folder]);
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let ids = |path: &Path| -> Vec<String> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].to_string())
            .collect()
    };
    let outputs = ws.outputs();
    assert_eq!(outputs.len(), 1);
    let a = format!("{:?}", drop.join("a.txt").to_string_lossy());
    assert_eq!(
        ids(&outputs[0]),
        [a.clone(), "\"b1\"".into(), "\"b2\"".into()]
    );

    assert_eq!(ws.ingest(&["--folder", folder]).status.code(), Some(0));
    assert_eq!(ws.outputs().len(), 1, "unchanged files are not read again");

    std::fs::write(drop.join("a.txt"), "De stad betaalt nu 4 miljoen euro.").unwrap();
    assert_eq!(ws.ingest(&["--folder", folder]).status.code(), Some(0));
    let outputs = ws.outputs();
    assert_eq!(outputs.len(), 2);
    assert_eq!(ids(&outputs[1]), [a]);

    // A file just written may still be being copied: it waits for a later run.
    std::fs::write(drop.join("c.txt"), "Een nieuw bericht.").unwrap();
    let young = ws.ingest(&["--folder", folder, "--min-file-age", "3600"]);
    assert!(String::from_utf8_lossy(&young.stderr).contains("nothing new"));
    assert_eq!(ws.ingest(&["--folder", folder]).status.code(), Some(0));
    let outputs = ws.outputs();
    assert_eq!(outputs.len(), 3);
    let c = format!("{:?}", drop.join("c.txt").to_string_lossy());
    assert_eq!(ids(&outputs[2]), [c]);
}

#[test]
fn a_config_file_names_sources_and_paths_relative_to_itself() {
    let (server, _site) = start_site(&["/a/2"]);
    let ws = Workspace::new();
    std::fs::create_dir(ws.path("drop")).unwrap();
    std::fs::write(ws.path("drop/x.txt"), "Een bericht uit de map.").unwrap();
    let config = ws.path("newsfacts.toml");
    std::fs::write(
        &config,
        format!(
            "out = \"out\"\nstate = \"state.sqlite\"\nfolders = [\"drop\"]\n\
             feeds = [\"{}\"]\nallow_private_hosts = true\n",
            server.url("/feed.xml")
        ),
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .args(["ingest", "--no-progress", "--min-file-age", "0", "--config"])
        .arg(&config)
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let sources: Vec<String> = summary_of(&ws.outputs()[0])
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    assert_eq!(
        sources,
        [
            server.url("/a/2"),
            ws.path("drop/x.txt").display().to_string()
        ]
    );

    let bad = ws.path("bad.toml");
    std::fs::write(&bad, "feeds = 3\n").unwrap();
    let output = ws.ingest(&["--config", bad.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("bad config"));
}

#[test]
fn a_run_killed_before_or_after_its_commit_is_resumed_exactly_once() {
    for point in ["before_commit", "after_commit"] {
        let (server, _site) = start_site(&["/a/1", "/a/2"]);
        let ws = Workspace::new();
        let feed = server.url("/feed.xml");
        let args = ["--allow-private-hosts", "--feed", feed.as_str()];
        let crashed = ws
            .command(&args)
            .env("NEWSFACTS_CRASH_AT", point)
            .output()
            .unwrap();
        assert!(!crashed.status.success(), "{point}: the run was aborted");
        assert!(ws.outputs().is_empty(), "{point}: no published file yet");

        let resumed = ws.ingest(&args);
        assert_eq!(resumed.status.code(), Some(0), "{point}: {resumed:?}");
        let outputs = ws.outputs();
        assert_eq!(outputs.len(), 1, "{point}");
        let expected = [
            (server.url("/a/1"), "ok".to_string()),
            (server.url("/a/2"), "ok".to_string()),
        ];
        assert_eq!(summary_of(&outputs[0]), expected, "{point}");
        assert_eq!(
            ws.all_files().len(),
            1,
            "{point}: the temporary file is gone"
        );
        assert_eq!(ws.ingest(&args).status.code(), Some(0));
        assert_eq!(ws.outputs().len(), 1, "{point}: nothing new after recovery");
    }
}

#[test]
fn a_run_killed_mid_download_leaves_nothing_and_the_next_run_does_the_work() {
    let (server, site) = start_site(&["/a/1", "/slow"]);
    let ws = Workspace::new();
    let (mut child, args) = start_held_run(&ws, &server);
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(ws.outputs().is_empty());

    site.slow.store(false, Ordering::SeqCst);
    let resumed = ws.command_owned(&args).output().unwrap();
    assert_eq!(resumed.status.code(), Some(0), "{resumed:?}");
    let outputs = ws.outputs();
    assert_eq!(outputs.len(), 1);
    assert_eq!(
        summary_of(&outputs[0]),
        [
            (server.url("/a/1"), "ok".to_string()),
            (server.url("/slow"), "ok".to_string())
        ]
    );
}

#[test]
fn an_overlapping_run_exits_at_once_with_its_own_code() {
    let (server, _site) = start_site(&["/slow"]);
    let ws = Workspace::new();
    let (mut first, args) = start_held_run(&ws, &server);
    let started = Instant::now();
    let second = ws.command_owned(&args).output().unwrap();
    assert_eq!(second.status.code(), Some(3), "{second:?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "the second run does not wait"
    );
    assert!(String::from_utf8_lossy(&second.stderr).contains("holds the lock"));
    assert_eq!(first.wait().unwrap().code(), Some(0));
    assert_eq!(
        summary_of(&ws.outputs()[0]),
        [(server.url("/slow"), "ok".to_string())]
    );
}

/// Starts a run that is held up by the slow page, and returns once it is waiting there.
fn start_held_run(ws: &Workspace, server: &TestServer) -> (std::process::Child, Vec<String>) {
    let args: Vec<String> = ["--allow-private-hosts", "--timeout", "20", "--feed"]
        .iter()
        .map(|s| s.to_string())
        .chain([server.url("/feed.xml")])
        .collect();
    let child = ws
        .command_owned(&args)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(|| server.hits("/slow") > 0);
    (child, args)
}

fn wait_for(condition: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !condition() {
        assert!(Instant::now() < deadline, "timed out waiting");
        std::thread::sleep(Duration::from_millis(20));
    }
}
