//! Where ingest finds articles: feed entries, URL lists and drop folders, each item
//! named by a key (its canonical URL, or `file://` and its path) for deduplication.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::Url;

use crate::article::PubDate;

/// A feed entry's text is taken as the full article (no download) from this length on.
pub const FULL_CONTENT_MIN_CHARS: usize = 1500;

/// One thing to turn into records.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The deduplication key.
    pub key: String,
    /// The feed URL, list file or folder it came from.
    pub origin: String,
    /// How to get it.
    pub what: What,
    /// Failed attempts in earlier runs.
    pub attempts: u32,
    /// The entry's publication date, used when the page gives none.
    pub published: Option<PubDate>,
    /// The entry's title, used when the page gives none.
    pub title: Option<String>,
}

/// How a candidate is read.
#[derive(Debug, Clone)]
pub enum What {
    /// Download the page.
    Url {
        /// The URL.
        url: String,
        /// Refuse non-public addresses (URLs found in feeds).
        public_only: bool,
    },
    /// The feed entry holds the whole article.
    Content {
        /// The entry's link (or id).
        url: String,
        /// The article.
        body: String,
        /// Whether `body` is HTML (else plain text).
        html: bool,
    },
    /// Read a file from a drop folder.
    File {
        /// The file.
        path: PathBuf,
        /// Size and modification time.
        fingerprint: String,
    },
}

/// The key of a URL: scheme and host lower-cased, default port, fragment and tracking
/// parameters dropped. `None` for anything but an absolute http(s) URL.
pub fn canonical_url(raw: &str) -> Option<String> {
    let mut url = Url::parse(raw.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking_param(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Some(url.to_string())
}

fn is_tracking_param(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.starts_with("utm_")
        || matches!(
            name.as_str(),
            "fbclid" | "gclid" | "mc_cid" | "mc_eid" | "xtor" | "at_medium" | "at_campaign"
        )
}

/// The candidates of a parsed feed, in feed order. Relative links are resolved against
/// the feed URL; entries without a usable link or content are skipped.
pub fn feed_candidates(feed_url: &str, body: &[u8]) -> Result<Vec<Candidate>, String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(feed_url))
        .build()
        .parse(body)
        .map_err(|e| format!("not a feed: {e}"))?;
    let base = Url::parse(feed_url).ok();
    let mut out = Vec::new();
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .and_then(|l| resolve(base.as_ref(), &l.href));
        let content = entry
            .content
            .and_then(|c| {
                let html = c.content_type.subty().as_str() != "plain";
                c.body.map(|body| (body, html))
            })
            .filter(|(body, _)| !body.trim().is_empty());
        let full_content = content
            .filter(|(body, _)| link.is_none() || text_chars(body) >= FULL_CONTENT_MIN_CHARS);
        let (url, what) = match (full_content, link) {
            (Some((body, html)), link) => {
                let url = link.unwrap_or_else(|| entry.id.clone());
                (url.clone(), What::Content { url, body, html })
            }
            (None, Some(url)) => (
                url.clone(),
                What::Url {
                    url,
                    public_only: true,
                },
            ),
            (None, None) => continue,
        };
        let key = canonical_url(&url).unwrap_or_else(|| format!("entry:{feed_url}#{}", entry.id));
        out.push(Candidate {
            key,
            origin: feed_url.to_string(),
            what,
            attempts: 0,
            published: entry
                .published
                .or(entry.updated)
                .and_then(|d| PubDate::parse(&d.format("%Y-%m-%d").to_string())),
            title: entry.title.map(|t| t.content.trim().to_string()),
        });
    }
    Ok(out)
}

fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let url = match base {
        Some(base) => base.join(href.trim()).ok()?,
        None => Url::parse(href.trim()).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// Rough length of the text in an HTML fragment (tags skipped).
fn text_chars(html: &str) -> usize {
    let (mut count, mut in_tag) = (0, false);
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => count += 1,
            _ => {}
        }
    }
    count
}

/// The URLs of a list file: one per line, blank lines and `#` comments skipped.
pub fn url_list_candidates(path: &Path) -> Result<Vec<Candidate>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read URL list {}: {e}", path.display()))?;
    let origin = path.display().to_string();
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let key = canonical_url(line);
            if key.is_none() {
                tracing::warn!(list = %origin, line, "not an http(s) URL, skipped");
            }
            Some(Candidate {
                key: key?,
                origin: origin.clone(),
                what: What::Url {
                    url: line.to_string(),
                    public_only: false,
                },
                attempts: 0,
                published: None,
                title: None,
            })
        })
        .collect())
}

/// Every regular, non-hidden file under `dir` last modified at least `min_age` ago, in
/// sorted order, as a candidate keyed by its canonical path and fingerprinted by size and
/// modification time. Younger files may still be being written: a later run takes them.
pub fn folder_candidates(dir: &Path, min_age: Duration) -> Result<Vec<Candidate>, String> {
    let mut files = Vec::new();
    walk(dir, &mut files, 0).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    files.sort();
    let origin = dir.display().to_string();
    Ok(files
        .into_iter()
        .filter_map(|path| {
            let meta = std::fs::metadata(&path).ok()?;
            let modified_at = meta.modified().ok()?;
            let age = SystemTime::now().duration_since(modified_at).unwrap_or_default();
            if age < min_age {
                tracing::info!(file = %path.display(), "modified too recently, left for a later run");
                return None;
            }
            let modified = modified_at.duration_since(UNIX_EPOCH).ok()?;
            let canonical = std::fs::canonicalize(&path).ok()?;
            Some(Candidate {
                key: format!("file://{}", canonical.display()),
                origin: origin.clone(),
                what: What::File {
                    path,
                    fingerprint: format!("{}:{}", meta.len(), modified.as_nanos()),
                },
                attempts: 0,
                published: None,
                title: None,
            })
        })
        .collect())
}

/// How deep drop folders are walked.
const MAX_DEPTH: usize = 16;

fn walk(dir: &Path, files: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() && depth < MAX_DEPTH {
            walk(&entry.path(), files, depth + 1)?;
        } else if kind.is_file() {
            files.push(entry.path());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls_drop_noise() {
        assert_eq!(
            canonical_url("HTTPS://Example.ORG:443/a/b?utm_source=x&id=7#top").as_deref(),
            Some("https://example.org/a/b?id=7")
        );
        assert_eq!(
            canonical_url("http://example.org/a?utm_medium=rss").as_deref(),
            Some("http://example.org/a")
        );
        assert_eq!(canonical_url("ftp://example.org/a"), None);
        assert_eq!(canonical_url("/relative"), None);
    }

    #[test]
    fn rss_items_become_candidates() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
            <item><title>Een</title><link>/nieuws/1?utm_source=rss</link>
              <pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate></item>
            <item><title>Zonder link</title></item>
            </channel></rss>"#;
        let found = feed_candidates("http://news.example/rss.xml", rss.as_bytes()).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, "http://news.example/nieuws/1");
        assert_eq!(found[0].title.as_deref(), Some("Een"));
        assert_eq!(
            found[0].published.map(|d| d.to_string()).as_deref(),
            Some("2026-11-23")
        );
        assert!(matches!(
            &found[0].what,
            What::Url {
                public_only: true,
                ..
            }
        ));
    }

    #[test]
    fn text_length_skips_tags() {
        assert_eq!(text_chars("<p class=\"x\">Één</p> <b>twee</b>"), 8);
    }

    #[test]
    fn garbage_is_not_a_feed() {
        assert!(feed_candidates("http://x.example/", b"<html>no</html>").is_err());
    }
}
