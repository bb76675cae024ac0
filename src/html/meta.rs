//! Page metadata from the walk's candidates and the JSON-LD blocks: title, publication
//! date, declared language and canonical URL, each by a fixed order of precedence.

use chrono::NaiveDate;
use serde_json::Value;

use super::date::{date_in_url, find_date};
use super::dom::{collapse_whitespace, RawMeta};

/// The article fields that JSON-LD gives.
#[derive(Debug, Default, Clone)]
pub struct JsonLd {
    /// `headline` (or `name`) of the article object.
    pub headline: Option<String>,
    /// `datePublished`.
    pub published: Option<String>,
    /// `dateModified`.
    pub modified: Option<String>,
    /// `inLanguage`.
    pub language: Option<String>,
    /// `articleBody`.
    pub body: Option<String>,
    /// `url` or `mainEntityOfPage`.
    pub url: Option<String>,
}

/// How many JSON values one page's JSON-LD may make us visit.
const MAX_JSON_NODES: usize = 5000;

/// Reads the article fields from JSON-LD scripts; article types win over other objects.
pub fn read_json_ld(scripts: &[String]) -> JsonLd {
    let mut article = JsonLd::default();
    let mut other = JsonLd::default();
    for script in scripts {
        // Literal control characters (line breaks in strings) are common and invalid JSON.
        let cleaned: String = unwrap_script(script)
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let Ok(value) = serde_json::from_str::<Value>(&cleaned) else {
            continue;
        };
        let mut stack = vec![&value];
        let mut visited = 0;
        while let Some(v) = stack.pop() {
            visited += 1;
            if visited > MAX_JSON_NODES {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(obj) => {
                    let target = if is_article_type(obj.get("@type")) {
                        &mut article
                    } else {
                        &mut other
                    };
                    fill_from(target, obj);
                    for key in ["@graph", "mainEntity", "mainEntityOfPage", "hasPart"] {
                        if let Some(child @ (Value::Array(_) | Value::Object(_))) = obj.get(key) {
                            stack.push(child);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    JsonLd {
        headline: article.headline,
        published: article.published.or(other.published),
        modified: article.modified.or(other.modified),
        language: article.language.or(other.language),
        body: article.body,
        url: article.url,
    }
}

/// The JSON inside a script that may wrap it in `<![CDATA[ ]]>` or `<!-- -->`.
fn unwrap_script(script: &str) -> &str {
    let mut s = script.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        s = s.strip_prefix(open).unwrap_or(s).trim_start();
        s = s.strip_suffix(close).unwrap_or(s).trim_end();
    }
    s
}

fn is_article_type(kind: Option<&Value>) -> bool {
    let is_article = |s: &str| {
        s.ends_with("Article") || s.ends_with("Posting") || s == "ReportageNews" || s == "Report"
    };
    match kind {
        Some(Value::String(s)) => is_article(s),
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).any(is_article),
        _ => false,
    }
}

fn fill_from(target: &mut JsonLd, obj: &serde_json::Map<String, Value>) {
    let text = |key: &str| match obj.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Object(o)) => o
            .get("name")
            .or_else(|| o.get("alternateName"))
            .or_else(|| o.get("@id"))
            .and_then(Value::as_str)
            .map(str::to_string),
        _ => None,
    };
    if target.headline.is_none() {
        target.headline = text("headline").or_else(|| {
            is_article_type(obj.get("@type"))
                .then(|| text("name"))
                .flatten()
        });
    }
    if target.published.is_none() {
        target.published = text("datePublished").or_else(|| text("dateCreated"));
    }
    if target.modified.is_none() {
        target.modified = text("dateModified");
    }
    if target.language.is_none() {
        target.language = text("inLanguage");
    }
    if target.body.is_none() {
        target.body = text("articleBody");
    }
    if target.url.is_none() {
        target.url = text("url").or_else(|| text("mainEntityOfPage"));
    }
}

/// `<meta>` keys that give the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "og:published_time",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "publication_date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dc.date.created",
    "dcterms.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article_date_original",
    "original-publish-date",
    "citation_publication_date",
    "release_date",
];

/// `<meta>` keys that give the last modification date, a last resort.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
];

fn meta_value<'a>(meta: &'a RawMeta, key: &str) -> Option<&'a str> {
    meta.metas
        .iter()
        .find(|(k, v)| k == key && !v.is_empty())
        .map(|(_, v)| v.as_str())
}

/// The publication date: metadata first, then `<time>`, then a date written in the
/// byline (`byline`, found in the text by the caller), then one in the URL or at the end
/// of the page title, and the modification date as a last resort. When the Open Graph
/// tag and JSON-LD disagree the earlier wins: sites refresh one of them on every edit.
pub fn published(
    meta: &RawMeta,
    ld: &JsonLd,
    url: Option<&str>,
    byline: impl FnOnce() -> Option<NaiveDate>,
) -> Option<NaiveDate> {
    let from_meta = |keys: &[&str]| {
        keys.iter()
            .filter_map(|k| meta_value(meta, k))
            .find_map(find_date)
    };
    let first_meta = DATE_KEYS[..4]
        .iter()
        .filter_map(|k| meta_value(meta, k))
        .find_map(find_date);
    let ld_published = ld.published.as_deref().and_then(find_date);
    let earliest = match (first_meta, ld_published) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    earliest
        .or_else(|| from_meta(DATE_KEYS))
        .or_else(|| {
            let marked = meta.times.iter().filter(|(_, published)| *published);
            marked.map(|(t, _)| t.as_str()).find_map(find_date)
        })
        .or_else(|| meta.times.first().and_then(|(t, _)| find_date(t)))
        .or_else(|| meta.datelines.iter().find_map(|t| find_date(t)))
        .or_else(byline)
        .or_else(|| url.and_then(date_in_url))
        .or_else(|| meta.title.as_deref().and_then(date_in_title))
        .or_else(|| meta.junk_datelines.iter().find_map(|t| find_date(t)))
        .or_else(|| ld.modified.as_deref().and_then(find_date))
        .or_else(|| from_meta(MODIFIED_KEYS))
}

/// A date that ends a page title as its last part: `Kop | Krant | 23.05.2011`.
fn date_in_title(title: &str) -> Option<NaiveDate> {
    let after = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| i + sep.len()))
        .max()?;
    let last = title.get(after..)?.trim();
    (last.len() <= 30).then(|| find_date(last)).flatten()
}

/// The declared language as an ISO 639 code: `<html lang>`, `og:locale`, JSON-LD
/// `inLanguage`, then `content-language` style meta tags.
pub fn language(meta: &RawMeta, ld: &JsonLd) -> Option<String> {
    let declared = meta
        .html_lang
        .as_deref()
        .and_then(primary_subtag)
        .or_else(|| meta_value(meta, "og:locale").and_then(primary_subtag))
        .or_else(|| ld.language.as_deref().and_then(primary_subtag));
    declared.or_else(|| {
        ["content-language", "language", "dc.language", "lang"]
            .iter()
            .filter_map(|k| meta_value(meta, k))
            .find_map(primary_subtag)
    })
}

/// The country of the declared locale: the region of `<html lang>`, `og:locale` or JSON-LD
/// `inLanguage` (`CA` from `fr-CA`, `fr_CA`).
pub fn country(meta: &RawMeta, ld: &JsonLd) -> Option<crate::article::Country> {
    [
        meta.html_lang.as_deref(),
        meta_value(meta, "og:locale"),
        ld.language.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find_map(region_subtag)
}

/// `CA` from `fr-CA` or `fr_CA`; `None` without a two-letter region (`fr`, `es-419`).
fn region_subtag(tag: &str) -> Option<crate::article::Country> {
    let mut parts = tag.trim().split(['-', '_']);
    parts.next()?;
    crate::article::Country::parse(parts.next()?)
}

/// `fr` from `fr-BE`, `fr_FR` or `FR`; `None` for anything that is not a language code.
fn primary_subtag(tag: &str) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_', ',', ';'])
        .next()?
        .to_ascii_lowercase();
    ((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()))
        .then_some(primary)
}

/// The canonical URL: `<link rel=canonical>`, `og:url`, then JSON-LD `url`.
pub fn canonical_url(meta: &RawMeta, ld: &JsonLd) -> Option<String> {
    let absolute = |u: &str| u.starts_with("http://") || u.starts_with("https://");
    meta.canonical
        .as_deref()
        .filter(|u| absolute(u))
        .or_else(|| meta_value(meta, "og:url").filter(|u| absolute(u)))
        .or_else(|| ld.url.as_deref().filter(|u| absolute(u)))
        .map(str::to_string)
}

/// The headline: `og:title`, JSON-LD `headline`, `itemprop=headline`, the `<h1>`, then
/// `<title>`, each cleaned of a site name.
pub fn title(meta: &RawMeta, ld: &JsonLd) -> Option<String> {
    let site = meta_value(meta, "og:site_name")
        .or_else(|| meta_value(meta, "application-name"))
        .map(str::to_lowercase);
    let candidates = [
        meta_value(meta, "og:title").map(str::to_string),
        ld.headline.clone().filter(|h| {
            meta.title
                .as_deref()
                .is_none_or(|t| mostly_repeated_in(h, t))
        }),
        meta.headline.first().cloned(),
        (meta.h1.len() == 1 && h1_fits_title(&meta.h1[0], meta.title.as_deref()))
            .then(|| meta.h1[0].clone()),
        meta_value(meta, "twitter:title").map(str::to_string),
        meta.title.clone(),
        meta.h1.first().cloned(),
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|t| clean_title(&collapse_whitespace(&t), site.as_deref()))
        .find(|t| !t.is_empty())
}

/// A `<title>` this short is a site name, not a headline to check the `<h1>` against.
const MAX_SITE_NAME_WORDS: usize = 3;

/// Whether a page's only `<h1>` can be its headline: a `<title>` that is a sentence but
/// shares no words with the `<h1>` shows that the `<h1>` names a section or the site
/// ("Health Center" over an article on allergies).
fn h1_fits_title(h1: &str, title: Option<&str>) -> bool {
    title.is_none_or(|t| t.split_whitespace().count() <= MAX_SITE_NAME_WORDS)
        || title.is_some_and(|t| mostly_repeated_in(h1, t))
}

/// Whether half of the longer words (four letters or more) of `a` occur in `b`: a JSON-LD
/// `headline` that `<title>` does not repeat is a description (Wikipedia's), not the
/// headline.
fn mostly_repeated_in(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let shared = a.iter().filter(|w| b.contains(w)).count();
    a.is_empty() || 2 * shared >= a.len()
}

/// Removes a site name joined to a title with `|`, `-`, `–`, `—`, `·`, `»` or `::`.
fn clean_title(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " · ", " » ", " :: "];
    let mut title = title.trim();
    for _ in 0..3 {
        let Some((sep_at, sep)) = SEPARATORS
            .iter()
            .filter_map(|s| title.rfind(s).map(|i| (i, *s)))
            .max_by_key(|(i, _)| *i)
        else {
            break;
        };
        let (head, tail) = (&title[..sep_at], &title[sep_at + sep.len()..]);
        let is_site = |part: &str| {
            let lower = part.trim().to_lowercase();
            site.is_some_and(|s| {
                !s.is_empty() && (lower == s || lower.contains(s) || s.contains(&lower))
            }) || part.split_whitespace().count() <= 3
        };
        if is_site(tail) && head.split_whitespace().count() >= 3 {
            title = head.trim();
        } else if let Some((first_at, first_sep)) = SEPARATORS
            .iter()
            .filter_map(|s| title.find(s).map(|i| (i, *s)))
            .min_by_key(|(i, _)| *i)
        {
            let (site_part, rest) = (&title[..first_at], &title[first_at + first_sep.len()..]);
            if site.is_some_and(|s| site_part.trim().to_lowercase() == s)
                && rest.split_whitespace().count() >= 3
            {
                title = rest.trim();
            } else {
                break;
            }
        } else {
            break;
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_are_cut_from_titles() {
        assert_eq!(
            clean_title(
                "La Bourse recule encore | Le Quotidien",
                Some("le quotidien")
            ),
            "La Bourse recule encore"
        );
        assert_eq!(
            clean_title("Omzet van de bakker stijgt - Nieuws - De Krant", None),
            "Omzet van de bakker stijgt"
        );
        assert_eq!(
            clean_title(
                "Le Quotidien - La Bourse recule encore fortement",
                Some("le quotidien")
            ),
            "La Bourse recule encore fortement"
        );
        assert_eq!(clean_title("Rise - and fall", None), "Rise - and fall");
    }

    #[test]
    fn json_ld_article_fields() {
        let script = r#"[{"@type":"Organization","name":"Krant"},
            {"@graph":[{"@type":"NewsArticle","headline":"Kop","datePublished":"2021-04-05T08:00:00+02:00",
             "inLanguage":"nl-BE","articleBody":"Tekst
 met regel"}]}]"#;
        let ld = read_json_ld(&[script.to_string(), "{broken".to_string()]);
        assert_eq!(ld.headline.as_deref(), Some("Kop"));
        assert_eq!(ld.published.as_deref(), Some("2021-04-05T08:00:00+02:00"));
        assert_eq!(ld.language.as_deref(), Some("nl-BE"));
        assert_eq!(ld.body.as_deref(), Some("Tekst  met regel"));
    }

    #[test]
    fn language_subtags() {
        assert_eq!(primary_subtag("fr-BE").as_deref(), Some("fr"));
        assert_eq!(primary_subtag("nl_NL").as_deref(), Some("nl"));
        assert_eq!(primary_subtag("x"), None);
        assert_eq!(primary_subtag("{{lang}}"), None);
    }
}
