//! The article: body text plus the metadata that extraction needs.

use serde_json::Value;

/// One news article, ready for language routing and extraction.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The record id: the JSON Lines `id` as given, else the path or URL.
    pub id: Value,
    /// Where the article came from: a path, `-` for stdin, or a URL (with `:LINE` for JSON Lines).
    pub source: String,
    /// The body text; fact offsets index this string in Unicode code points.
    pub text: String,
    /// A language given by the caller (`--lang`) or the input (`lang` field, HTML metadata).
    pub lang_hint: Option<LangHint>,
    /// The publication date, the anchor for relative dates.
    pub published: Option<PubDate>,
    /// The headline, when known.
    pub title: Option<String>,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// The country the article is from, when the input says so (a `country` field, the
    /// page's locale `fr-CA`); the pipeline falls back on the URL's country domain.
    pub country: Option<Country>,
}

/// A language that the input declares, and how far to trust it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangHint {
    /// ISO 639-1 code, lower case.
    pub code: String,
    /// `true` when the caller forces it (`--lang`, JSONL `lang`): detection is skipped.
    /// `false` for page metadata such as `<html lang>`, which detection on the body may overrule.
    pub authoritative: bool,
}

impl Article {
    /// A plain article with `text` and an id taken from `source`.
    pub fn new(source: impl Into<String>, text: impl Into<String>) -> Self {
        let source = source.into();
        Article {
            id: Value::String(source.clone()),
            source,
            text: text.into(),
            lang_hint: None,
            published: None,
            title: None,
            url: None,
            country: None,
        }
    }
}

/// A country as an ISO 3166-1 alpha-2 code (`CA`, `CH`). It says which currency a plain
/// `$` or `francs` means in an article from there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// Two ASCII letters in any case (`ca`, `CA`); `UK` is read as `GB`. `None` otherwise.
    pub fn parse(code: &str) -> Option<Country> {
        let bytes: [u8; 2] = code.trim().as_bytes().try_into().ok()?;
        if !bytes.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        let upper = bytes.map(|b| b.to_ascii_uppercase());
        Some(Country(if &upper == b"UK" { *b"GB" } else { upper }))
    }

    /// The country of a URL's country-code domain (`https://www.lapresse.ca/…` = `CA`).
    /// Country domains that are sold as generic names (`.io`, `.tv`, `.me`) and `.eu`
    /// say nothing about where an article is from.
    pub fn from_url(url: &str) -> Option<Country> {
        const GENERIC: [&str; 20] = [
            "ac", "ag", "ai", "am", "cc", "co", "eu", "fm", "gg", "gl", "im", "io", "la", "ly",
            "me", "sh", "su", "to", "tv", "ws",
        ];
        let parsed = reqwest::Url::parse(url).ok()?;
        let host = parsed.domain()?;
        let tld = host.trim_end_matches('.').rsplit('.').next()?;
        if tld.len() != 2 || GENERIC.contains(&tld.to_ascii_lowercase().as_str()) {
            return None;
        }
        Country::parse(tld)
    }

    /// The upper-case code.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl std::fmt::Display for Country {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A publication date with the precision the source gives: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PubDate {
    /// Calendar year.
    pub year: i32,
    /// Month 1-12, when known.
    pub month: Option<u32>,
    /// Day of month 1-31, when known (only with a month).
    pub day: Option<u32>,
}

impl PubDate {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or the date part of an ISO 8601 timestamp
    /// (`2020-11-05T10:00:00Z`). Returns `None` for anything else or an impossible date.
    pub fn parse(s: &str) -> Option<PubDate> {
        let s = s.trim();
        let date_part = s.split(['T', ' ']).next().unwrap_or(s);
        let mut parts = date_part.split('-');
        let year = parse_fixed(parts.next()?, 4)? as i32;
        let month = match parts.next() {
            Some(m) => Some(parse_fixed(m, 2)?),
            None => None,
        };
        let day = match parts.next() {
            Some(d) => Some(parse_fixed(d, 2)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        let date = PubDate { year, month, day };
        date.is_valid().then_some(date)
    }

    fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, None) => true,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => chrono::NaiveDate::from_ymd_opt(self.year, m, d).is_some(),
            (None, Some(_)) => false,
        }
    }

    /// The full calendar date, when the day is known.
    pub fn to_naive(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }
}

impl std::fmt::Display for PubDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

fn parse_fixed(s: &str, len: usize) -> Option<u32> {
    if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_country_codes() {
        assert_eq!(
            Country::parse("ca").map(|c| c.to_string()),
            Some("CA".into())
        );
        assert_eq!(
            Country::parse(" UK ").map(|c| c.to_string()),
            Some("GB".into())
        );
        assert_eq!(Country::parse("CAN"), None);
        assert_eq!(Country::parse("é1"), None);
        assert_eq!(Country::parse(""), None);
    }

    #[test]
    fn reads_the_country_domain_of_a_url() {
        let of = |u: &str| Country::from_url(u).map(|c| c.to_string());
        assert_eq!(
            of("https://www.lapresse.ca/affaires/2024/x.php"),
            Some("CA".into())
        );
        assert_eq!(
            of("http://user@www.tdg.ch:8080/monde?id=3#top"),
            Some("CH".into())
        );
        assert_eq!(of("https://news.example.co.uk/a"), Some("GB".into()));
        assert_eq!(of("https://www.lemonde.fr."), Some("FR".into()));
        assert_eq!(of("https://www.ledevoir.com/economie"), None);
        assert_eq!(of("https://startup.io/blog"), None);
        assert_eq!(of("https://europa.eu/x"), None);
        assert_eq!(of("fixtures/nl/a.txt"), None);
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PubDate::parse("2020-11"),
            Some(PubDate {
                year: 2020,
                month: Some(11),
                day: None
            })
        );
        assert_eq!(
            PubDate::parse("2020-11-05T10:00:00+01:00").map(|d| d.to_string()),
            Some("2020-11-05".to_string())
        );
        assert_eq!(
            PubDate::parse("2019").map(|d| d.to_string()),
            Some("2019".into())
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert_eq!(PubDate::parse("2021-02-30"), None);
        assert_eq!(PubDate::parse("2021-13"), None);
        assert_eq!(PubDate::parse("20-11-05"), None);
        assert_eq!(PubDate::parse("yesterday"), None);
    }
}
