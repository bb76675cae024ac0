//! The output contract: one JSON record per input, facts with code-point offsets.
//!
//! Field names are a contract with downstream scripts; [`SCHEMA_VERSION`] changes
//! whenever a field changes meaning or disappears.

use serde::Serialize;
use serde_json::Value;

use crate::extract::{FactValue, Mention};
use crate::source::Failure;

/// The version of the record schema, written to every record as `schema_version`.
pub const SCHEMA_VERSION: u32 = 1;

/// The record for one article.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Record {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The JSON Lines `id` as given, else the path or URL.
    pub id: Value,
    /// Where the article came from (path, `-`, URL; `:LINE` for JSON Lines).
    pub source: String,
    /// ISO 639-1 language code, or `und`.
    pub lang: String,
    /// Confidence of the language decision, 1.0 when given by the caller.
    pub lang_confidence: f64,
    /// Other languages whole sentences of the article are written in (a quote), in order
    /// of appearance; omitted when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lang_secondary: Vec<String>,
    /// The country the article is from (ISO 3166-1 alpha-2), when the input, the page's
    /// locale or the URL's country domain says; omitted otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Publication date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or null.
    pub published: Option<String>,
    /// Headline, or null.
    pub title: Option<String>,
    /// The facts, sorted by position.
    pub facts: Vec<Fact>,
    /// Company/metric/amount/period statements linked from the facts.
    pub statements: Vec<crate::statements::Statement>,
    /// The body text the offsets index, with `--include-text`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One fact in the output: its span in code points and its normalized value.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Fact {
    /// Offset of the first character, in Unicode code points.
    pub start: usize,
    /// Offset after the last character, in Unicode code points.
    pub end: usize,
    /// The matched surface text.
    pub text: String,
    /// The type tag and normalized value.
    #[serde(flatten)]
    pub value: FactValue,
}

/// The record for an input that failed.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ErrorRecord {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The input's id.
    pub id: Value,
    /// Where the input came from.
    pub source: String,
    /// What went wrong.
    pub error: ErrorBody,
}

/// The `error` object of an error record.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ErrorBody {
    /// Stable kind (`not_found`, `io`, `binary`, `too_large`, `bad_record`, ...).
    pub kind: &'static str,
    /// Human-readable message.
    pub message: String,
}

impl From<Failure> for ErrorRecord {
    fn from(f: Failure) -> Self {
        ErrorRecord {
            schema_version: SCHEMA_VERSION,
            id: f.id,
            source: f.source,
            error: ErrorBody {
                kind: f.error.kind.as_str(),
                message: f.error.message,
            },
        }
    }
}

/// Converts mentions (byte offsets) into facts (code-point offsets) over `text`.
///
/// One pass over the text, whatever the number of mentions.
pub fn to_facts(text: &str, mut mentions: Vec<Mention>) -> Vec<Fact> {
    // A span that does not index the text is an engine bug: loud in debug builds and
    // fuzzing, dropped in release rather than failing the article.
    mentions.retain(|m| {
        let valid = m.start < m.end
            && m.end <= text.len()
            && text.is_char_boundary(m.start)
            && text.is_char_boundary(m.end);
        debug_assert!(
            valid,
            "mention {}..{} does not index the text",
            m.start, m.end
        );
        valid
    });
    let mut offsets: Vec<usize> = mentions.iter().flat_map(|m| [m.start, m.end]).collect();
    offsets.sort_unstable();
    offsets.dedup();
    let mut char_offsets = Vec::with_capacity(offsets.len());
    let (mut chars, mut last) = (0usize, 0usize);
    for &off in &offsets {
        chars += text[last..off].chars().count();
        last = off;
        char_offsets.push(chars);
    }
    let to_char = |byte: usize| offsets.binary_search(&byte).map_or(0, |i| char_offsets[i]);
    mentions
        .into_iter()
        .map(|m| Fact {
            start: to_char(m.start),
            end: to_char(m.end),
            text: text[m.start..m.end].to_string(),
            value: m.value,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::companies::Company;

    #[test]
    fn offsets_count_code_points() {
        let text = "Één “Alibaba” ziet";
        let start = text.find("Alibaba").unwrap();
        let mention = Mention {
            start,
            end: start + "Alibaba".len(),
            value: FactValue::Company(Company {
                name: "Alibaba".into(),
                ticker: None,
                country: None,
            }),
        };
        let facts = to_facts(text, vec![mention]);
        assert_eq!((facts[0].start, facts[0].end), (5, 12));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[5..12].iter().collect::<String>(), "Alibaba");
        assert_eq!(facts[0].text, "Alibaba");
    }
}
