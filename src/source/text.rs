//! Plain-text articles and their optional `date YYYY-MM[-DD]` header.

use std::sync::OnceLock;

use regex::Regex;

use crate::article::PubDate;

/// Splits the `date YYYY-MM[-DD]` header off a plain-text article.
///
/// Returns the publication date, if the header is present and valid, and the byte offset
/// where the body starts. The header may be preceded by white space and shares its line
/// with the body or stands on a line of its own.
pub fn split_date_header(text: &str) -> (Option<PubDate>, usize) {
    static HEADER: OnceLock<Regex> = OnceLock::new();
    // A constant pattern, compiled once: a failure is a bug caught by every test run.
    #[allow(clippy::expect_used)]
    let header = HEADER.get_or_init(|| {
        Regex::new(r"\A\s*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)(?:[ \t]*\r?\n|[ \t]+|\z)")
            .expect("valid header regex")
    });
    let Some(caps) = header.captures(text) else {
        return (None, 0);
    };
    match caps.get(1).and_then(|m| PubDate::parse(m.as_str())) {
        Some(date) => {
            let end = caps.get(0).map_or(0, |m| m.end());
            // Blank lines between header and body are not body text.
            let body = &text[end..];
            let skipped = body.len() - body.trim_start().len();
            (Some(date), end + skipped)
        }
        None => (None, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_on_the_body_line() {
        let text = " date 2020-11 De omzet steeg.";
        let (date, start) = split_date_header(text);
        assert_eq!(date.map(|d| d.to_string()), Some("2020-11".into()));
        assert_eq!(&text[start..], "De omzet steeg.");
    }

    #[test]
    fn header_on_its_own_line() {
        let text = "date 2021-03-05\n\nLe chiffre d'affaires a progressé.";
        let (date, start) = split_date_header(text);
        assert_eq!(date.map(|d| d.to_string()), Some("2021-03-05".into()));
        assert_eq!(&text[start..], "Le chiffre d'affaires a progressé.");
    }

    #[test]
    fn no_header_keeps_everything() {
        assert_eq!(split_date_header("Dates matter."), (None, 0));
        assert_eq!(split_date_header("date 2021-13 x"), (None, 0));
        assert_eq!(split_date_header("datering 2021-01 x"), (None, 0));
    }
}
