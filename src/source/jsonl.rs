//! JSON Lines: one article per line, read as a stream with a per-line size limit.

use std::io::BufRead;

use serde_json::{Map, Value};

use super::{Failure, Work};
use crate::article::{Article, Country, LangHint, PubDate};
use crate::error::{ErrorKind, InputError};

/// Streams the lines of a JSON Lines source as work items.
pub struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    source: String,
    line_no: usize,
    max_line: usize,
    done: bool,
}

impl JsonlReader {
    /// Reads `reader`, naming records `source:LINE`, rejecting lines over `max_line` bytes.
    pub fn new(reader: Box<dyn BufRead + Send>, source: String, max_line: usize) -> Self {
        JsonlReader {
            reader,
            source,
            line_no: 0,
            max_line,
            done: false,
        }
    }

    /// The next non-blank line as a (still unparsed) work item, or `None` at the end of the stream.
    pub fn next_work(&mut self) -> Option<Work> {
        while !self.done {
            self.line_no += 1;
            let located = format!("{}:{}", self.source, self.line_no);
            let line = match self.read_line() {
                Ok(Some(line)) => line,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => return Some(Work::Failed(Failure::new(located, e))),
            };
            if line.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            // Parsed later, on a worker: the reader thread only cuts lines.
            return Some(Work::Line { line, located });
        }
        None
    }

    /// Reads one line; an over-long line is consumed to its end and reported as too large.
    fn read_line(&mut self) -> Result<Option<Vec<u8>>, InputError> {
        let mut line = Vec::new();
        let mut too_long = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) => {
                    self.done = true;
                    return Err(InputError::from_io(&e, &self.source));
                }
            };
            if buf.is_empty() {
                if line.is_empty() && !too_long {
                    return Ok(None);
                }
                self.done = true;
                break;
            }
            let (chunk, found) = match memchr::memchr(b'\n', buf) {
                Some(i) => (&buf[..i], i + 1),
                None => (buf, buf.len()),
            };
            if !too_long && line.len() + chunk.len() <= self.max_line {
                line.extend_from_slice(chunk);
            } else {
                too_long = true;
                line.clear();
            }
            let newline = found > chunk.len();
            self.reader.consume(found);
            if newline {
                break;
            }
        }
        if too_long {
            return Err(InputError::new(
                ErrorKind::TooLarge,
                format!(
                    "line longer than the limit of {} bytes (--max-article-bytes)",
                    self.max_line
                ),
            ));
        }
        Ok(Some(line))
    }
}

/// Parses one JSON Lines record into an article. `located` (`source:LINE`) names it when
/// it has no `id`.
pub fn parse_jsonl_line(line: &[u8], located: &str) -> Result<Article, Failure> {
    let text = super::decode_text(line).map_err(|e| Failure::new(located, e))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| {
        Failure::new(
            located,
            InputError::new(ErrorKind::BadRecord, format!("invalid JSON: {e}")),
        )
    })?;
    let Value::Object(mut obj) = value else {
        return Err(Failure::new(
            located,
            InputError::new(
                ErrorKind::BadRecord,
                "a JSON Lines record must be an object",
            ),
        ));
    };
    let id = id_or_located(obj.get("id").cloned(), located);
    let bad = |message: String| Failure {
        id: id.clone(),
        source: located.to_string(),
        error: InputError::new(ErrorKind::BadRecord, message),
    };
    // The body is taken out of the record, not copied: the other fields do not need it.
    let body = if let Some(text) = take_string_field(&mut obj, "text").map_err(&bad)? {
        text
    } else if let Some(html) = take_string_field(&mut obj, "html").map_err(&bad)? {
        return from_html(&obj, id.clone(), located, &html).map_err(&bad);
    } else {
        return Err(bad("the record has no \"text\" (or \"html\") string".into()));
    };
    let mut article = Article::new(located, body);
    article.id = id.clone();
    apply_metadata(&mut article, &obj).map_err(&bad)?;
    Ok(article)
}

/// The id [`parse_jsonl_line`] gives the record or its error: the `id` string or number
/// when the line is a JSON object, else `located`. Cheaper than a full parse (no HTML).
pub fn record_id(line: &[u8], located: &str) -> Value {
    let id = super::decode_text(line)
        .ok()
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .and_then(|value| match value {
            Value::Object(mut obj) => obj.remove("id"),
            _ => None,
        });
    id_or_located(id, located)
}

/// A record's id: its `id` field when a string or a number, else `located`.
fn id_or_located(id: Option<Value>, located: &str) -> Value {
    match id {
        Some(id @ (Value::String(_) | Value::Number(_))) => id,
        _ => Value::String(located.to_string()),
    }
}

fn from_html(
    obj: &Map<String, Value>,
    id: Value,
    located: &str,
    html: &str,
) -> Result<Article, String> {
    let mut article = super::article_from_page(located, crate::html::extract(html));
    article.id = id;
    apply_metadata(&mut article, obj)?;
    Ok(article)
}

/// Applies the optional `lang`, `published`, `title`, `url` and `country` fields.
fn apply_metadata(article: &mut Article, obj: &Map<String, Value>) -> Result<(), String> {
    if let Some(lang) = string_field(obj, "lang")? {
        let code = lang.trim().to_ascii_lowercase();
        if !code.is_empty() && code != "auto" {
            article.lang_hint = Some(LangHint {
                code,
                authoritative: true,
            });
        }
    }
    if let Some(published) = string_field(obj, "published")? {
        if !published.trim().is_empty() {
            article.published = Some(
                PubDate::parse(&published)
                    .ok_or_else(|| format!("\"published\" is not a date: {published:?}"))?,
            );
        }
    }
    if let Some(title) = string_field(obj, "title")? {
        article.title = Some(title);
    }
    if let Some(url) = string_field(obj, "url")? {
        article.url = Some(url);
    }
    if let Some(country) = string_field(obj, "country")? {
        if !country.trim().is_empty() {
            article.country = Some(
                Country::parse(&country)
                    .ok_or_else(|| format!("\"country\" is not a country code: {country:?}"))?,
            );
        }
    }
    Ok(())
}

/// A string field: `Ok(None)` when absent or null, an error when of another type.
fn string_field(obj: &Map<String, Value>, name: &str) -> Result<Option<String>, String> {
    as_string(name, obj.get(name)).map(|s| s.map(str::to_string))
}

/// A string field taken out of the record (no copy of a long body), as [`string_field`].
fn take_string_field(obj: &mut Map<String, Value>, name: &str) -> Result<Option<String>, String> {
    match obj.remove(name) {
        Some(Value::String(s)) => Ok(Some(s)),
        other => as_string(name, other.as_ref()).map(|_| None),
    }
}

/// The string of a field's value: `Ok(None)` when absent or null, an error when of
/// another type.
fn as_string<'v>(name: &str, value: Option<&'v Value>) -> Result<Option<&'v str>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!(
            "\"{name}\" must be a string, not {}",
            type_name(other)
        )),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_record() {
        let line =
            br#"{"id": 7, "text": "Omzet", "lang": "NL", "published": "2020-11-05", "title": "T"}"#;
        let a = parse_jsonl_line(line, "-:1").unwrap();
        assert_eq!(a.id, Value::from(7));
        assert_eq!(a.text, "Omzet");
        assert_eq!(a.lang_hint.unwrap().code, "nl");
        assert_eq!(a.published.unwrap().to_string(), "2020-11-05");
        assert_eq!(a.title.as_deref(), Some("T"));
    }

    #[test]
    fn missing_id_uses_the_location() {
        let a = parse_jsonl_line(br#"{"text": "x"}"#, "in.jsonl:3").unwrap();
        assert_eq!(a.id, Value::from("in.jsonl:3"));
    }

    #[test]
    fn broken_lines_are_bad_records() {
        for line in [
            &br#"{"text": "#[..],
            br#"[1, 2]"#,
            br#"{"id": "a"}"#,
            br#"{"text": 5}"#,
        ] {
            let f = parse_jsonl_line(line, "x:1").unwrap_err();
            assert_eq!(
                f.error.kind,
                ErrorKind::BadRecord,
                "{:?}",
                String::from_utf8_lossy(line)
            );
        }
        let f = parse_jsonl_line(
            br#"{"id": "a", "text": "t", "published": "gisteren"}"#,
            "x:2",
        )
        .unwrap_err();
        assert_eq!(f.id, Value::from("a"));
        assert!(f.error.message.contains("published"));
    }

    #[test]
    fn record_id_matches_the_parsed_id() {
        for (line, id) in [
            (&br#"{"id": 7, "text": "x"}"#[..], Value::from(7)),
            (br#"{"id": "a", "published": "gisteren"}"#, Value::from("a")),
            (br#"{"id": null, "text": "x"}"#, Value::from("f:1")),
            (br#"{"id": [1], "text": "x"}"#, Value::from("f:1")),
            (br#"[1, 2]"#, Value::from("f:1")),
            (br#"{"id": "a", "text": "#, Value::from("f:1")),
        ] {
            let parsed = match parse_jsonl_line(line, "f:1") {
                Ok(article) => article.id,
                Err(failure) => failure.id,
            };
            assert_eq!((record_id(line, "f:1"), &parsed), (id.clone(), &id));
        }
    }

    #[test]
    fn reader_reports_long_lines_and_goes_on() {
        let data = format!(
            "{{\"text\": \"{}\"}}\n{{\"text\": \"ok\"}}\n",
            "a".repeat(100)
        );
        let mut r = JsonlReader::new(
            Box::new(std::io::Cursor::new(data.into_bytes())),
            "s".into(),
            50,
        );
        match r.next_work() {
            Some(Work::Failed(f)) => assert_eq!(f.error.kind, ErrorKind::TooLarge),
            other => panic!("expected a too_large failure, got {other:?}"),
        }
        match r.next_work() {
            Some(Work::Line { line, located }) => {
                assert_eq!(
                    (line.as_slice(), located.as_str()),
                    (&br#"{"text": "ok"}"#[..], "s:2")
                )
            }
            other => panic!("expected a line, got {other:?}"),
        }
        assert!(r.next_work().is_none());
    }
}
