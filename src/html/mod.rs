//! HTML pages to article text and metadata.
//!
//! [`decode_html`] turns the page's bytes into text (charset from the HTTP header, a
//! byte-order mark, `<meta charset>`, or detection); [`extract`] finds the main text and
//! the metadata. Stages: a byte-level prescan drops scripts and styles and keeps JSON-LD
//! ([`prescan`]), html5ever parses, one iterative walk collects text blocks and metadata
//! candidates ([`dom`]), scoring picks the article blocks ([`content`]), and fixed orders
//! of precedence pick the metadata ([`meta`]).

mod charset;
mod content;
mod date;
mod dom;
mod meta;
mod prescan;

pub use charset::{choose_encoding, decode_html, looks_binary};
pub use date::find_date;

/// What an HTML page yields: the main text and its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// The main text: headline and body paragraphs in reading order, separated by blank lines.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The declared language (`<html lang>`, `og:locale`, JSON-LD `inLanguage`), ISO 639-1;
    /// a hint that detection on the body may overrule.
    pub lang: Option<String>,
    /// The canonical URL.
    pub canonical_url: Option<String>,
    /// The country of the declared locale (`CA` from `fr-CA` or `og:locale` `fr_CA`).
    pub country: Option<crate::article::Country>,
}

/// A strict extraction shorter than this is retried with boilerplate-named parts allowed.
const RETRY_BELOW_CHARS: usize = 500;

/// Extracts the main text and metadata of an HTML page.
pub fn extract(html: &str) -> HtmlArticle {
    let scan = prescan::prescan(html);
    let doc = scraper::Html::parse_document(&scan.html);
    let mut page = dom::walk(&doc);
    drop(doc);
    content::rescue_prose(&mut page);
    let ld = meta::read_json_ld(&scan.json_ld);
    let title = meta::title(&page.meta, &ld);
    let canonical_url = meta::canonical_url(&page.meta, &ld);
    let lang = meta::language(&page.meta, &ld);
    let country = meta::country(&page.meta, &ld);

    let mut blocks = content::select_blocks(&page, false);
    if text_len(&page, &blocks) < RETRY_BELOW_CHARS {
        let relaxed = content::select_blocks(&page, true);
        if text_len(&page, &relaxed) > text_len(&page, &blocks) {
            blocks = relaxed;
        }
    }
    // Dates in the text are looked for only when the metadata has none.
    let byline = || labelled_date(&page).or_else(|| byline_date(&page, &blocks));
    let published = meta::published(&page.meta, &ld, canonical_url.as_deref(), byline)
        .map(|d| d.format("%Y-%m-%d").to_string());
    let mut text = assemble(&page, &blocks, title.as_deref());
    if let Some(body) = ld.body.as_deref() {
        if body.chars().count() > 2 * text.chars().count().max(100) {
            text = body.trim().to_string();
        }
    }
    HtmlArticle {
        text,
        title,
        published,
        lang,
        canonical_url,
        country,
    }
}

/// How many blocks before the article's first one a byline may stand (headline, kicker,
/// author, share bar), and after it (bylines under the lead).
const BYLINE_BEFORE: usize = 12;
const BYLINE_AFTER: usize = 4;

/// A byline is short; a longer block with a date is text that mentions one.
const MAX_BYLINE_CHARS: u32 = 120;

/// A date written in a short block around the start of the article, such as
/// `Anne Dupont | 30 septembre 2018`, when no element is named like a date.
fn byline_date(page: &dom::Page, blocks: &[usize]) -> Option<chrono::NaiveDate> {
    let first = *blocks.first()?;
    let from = first.saturating_sub(BYLINE_BEFORE);
    let to = (first + BYLINE_AFTER).min(page.blocks.len());
    page.blocks[from..to]
        .iter()
        .filter(|b| !b.junk && b.chars <= MAX_BYLINE_CHARS)
        .find_map(|b| find_date(&b.text))
}

/// Labels that announce a publication date, lower case: `Publié le 3 mai 2019`, or a
/// label in one element and the date in the next (`<dt>Mise en ligne</dt><dd>23 mai 2019</dd>`).
/// Update labels ("mis à jour", "bijgewerkt") are left out on purpose.
const PUBLISHED_LABELS: &[&str] = &[
    "publié le",
    "publié",
    "publiée le",
    "mis en ligne",
    "mise en ligne",
    "date de publication",
    "paru le",
    "gepubliceerd",
    "geplaatst",
    "verschenen",
    "published",
    "posted",
    "veröffentlicht",
];

/// A label block is short: a longer one is a sentence that uses the word.
const MAX_LABEL_CHARS: u32 = 60;

/// A publication date under an explicit label, anywhere on the page outside hard boilerplate.
fn labelled_date(page: &dom::Page) -> Option<chrono::NaiveDate> {
    let blocks = &page.blocks;
    blocks.iter().enumerate().find_map(|(i, b)| {
        if b.hard_junk || b.chars > MAX_LABEL_CHARS {
            return None;
        }
        let lower = b.text.to_lowercase();
        let rest = PUBLISHED_LABELS
            .iter()
            .find_map(|label| lower.strip_prefix(label))?;
        if rest.starts_with(char::is_alphanumeric) {
            return None;
        }
        find_date(rest).or_else(|| {
            let next = blocks.get(i + 1)?;
            let rest = rest.trim_matches(|c: char| !c.is_alphanumeric());
            (rest.is_empty() && next.chars <= MAX_BYLINE_CHARS)
                .then(|| find_date(&next.text))
                .flatten()
        })
    })
}

fn text_len(page: &dom::Page, blocks: &[usize]) -> usize {
    blocks.iter().map(|&i| page.blocks[i].chars as usize).sum()
}

/// Joins the blocks with blank lines, led by the headline when the blocks lack it.
fn assemble(page: &dom::Page, blocks: &[usize], title: Option<&str>) -> String {
    let mut text = String::new();
    let has_title = title.is_some_and(|t| {
        blocks
            .iter()
            .take(5)
            .any(|&i| page.blocks[i].text.trim() == t.trim())
    });
    if let (Some(title), false) = (title, has_title) {
        text.push_str(title);
    }
    for &i in blocks {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&page.blocks[i].text);
    }
    text
}

/// How the main text of `html` is chosen, block by block, for tuning the rules in
/// `src/html/content.rs`: `cargo run --example html_explain -- page.html`.
pub fn explain(html: &str) -> String {
    let scan = prescan::prescan(html);
    let doc = scraper::Html::parse_document(&scan.html);
    let mut page = dom::walk(&doc);
    content::rescue_prose(&mut page);
    content::explain(&page, false)
}

#[cfg(test)]
mod tests;
