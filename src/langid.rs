//! Language detection: which rules an article goes to.

use whatlang::{Detector, Lang};

/// The result of language detection.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// ISO 639-1 code, or `und` when undecided.
    pub lang: String,
    /// Confidence in `[0, 1]`.
    pub confidence: f64,
}

/// Languages newsfacts may meet in European news; restricting whatlang to them avoids
/// labelling Dutch as Afrikaans and the like.
const CANDIDATES: &[(Lang, &str)] = &[
    (Lang::Nld, "nl"),
    (Lang::Fra, "fr"),
    (Lang::Eng, "en"),
    (Lang::Deu, "de"),
    (Lang::Afr, "af"),
    (Lang::Spa, "es"),
    (Lang::Ita, "it"),
    (Lang::Por, "pt"),
];

/// How many bytes of text detection reads at most.
const SAMPLE_BYTES: usize = 2048;

/// Detects the language of `text`.
pub fn detect(text: &str) -> Detection {
    let detector = Detector::with_allowlist(CANDIDATES.iter().map(|(l, _)| *l).collect());
    let sample = &text[..floor_char_boundary(text, SAMPLE_BYTES)];
    match detector.detect(sample) {
        Some(info) => Detection {
            lang: iso639_1(info.lang()).to_string(),
            confidence: info.confidence(),
        },
        None => Detection {
            lang: "und".to_string(),
            confidence: 0.0,
        },
    }
}

fn iso639_1(lang: Lang) -> &'static str {
    CANDIDATES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("und", |(_, code)| code)
}

/// The largest char boundary of `text` at or below `max`.
pub fn floor_char_boundary(text: &str, max: usize) -> usize {
    if max >= text.len() {
        return text.len();
    }
    let mut i = max;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
