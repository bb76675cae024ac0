//! Publication dates as pages write them: ISO 8601 in metadata, RFC 2822, numeric dates
//! and dates written out with month names in English, Dutch, French and German.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

/// Month names and abbreviations (lower case, with and without accents) and their number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januari", 1),
    ("janvier", 1),
    ("janv", 1),
    ("januar", 1),
    ("february", 2),
    ("feb", 2),
    ("febr", 2),
    ("februari", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("februar", 2),
    ("march", 3),
    ("mar", 3),
    ("maart", 3),
    ("mrt", 3),
    ("mars", 3),
    ("märz", 3),
    ("maerz", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("may", 5),
    ("mei", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("august", 8),
    ("aug", 8),
    ("augustus", 8),
    ("août", 8),
    ("aout", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("dezember", 12),
    ("dez", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| *n == lower).map(|(_, m)| *m)
}

struct Patterns {
    iso: Regex,
    day_month: Regex,
    month_day: Regex,
    numeric: Regex,
    compact: Regex,
}

#[allow(clippy::expect_used)] // constant patterns, exercised by the unit tests
fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let months = names.join("|");
        let build = |p: &str| Regex::new(p).expect("the date patterns are valid");
        Patterns {
            iso: build(r"\b((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)(?:\b|T)"),
            day_month: build(&format!(
                r"(?i)\b(\d\d?)(?:er|e|st|nd|rd|th)?\.?\s+({months})\.?,?\s+((?:19|20)\d\d)\b"
            )),
            month_day: build(&format!(
                r"(?i)\b({months})\.?\s+(\d\d?)(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"
            )),
            numeric: build(r"\b(\d\d?)[./-](\d\d?)[./-]((?:19|20)\d\d)\b"),
            compact: build(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\b|T)"),
        }
    })
}

/// The first date written in `text`, in any of the supported forms.
pub fn find_date(text: &str) -> Option<NaiveDate> {
    let p = patterns();
    let mut best: Option<(usize, NaiveDate)> = None;
    let mut consider = |at: usize, date: Option<NaiveDate>| {
        if let Some(date) = date {
            if best.is_none_or(|(b, _)| at < b) {
                best = Some((at, date));
            }
        }
    };
    if let Some(c) = p.iso.captures(text) {
        consider(c.get(0).map_or(0, |m| m.start()), ymd(&c[1], &c[2], &c[3]));
    }
    if let Some(c) = p.compact.captures(text.trim()) {
        consider(0, ymd(&c[1], &c[2], &c[3]));
    }
    for c in p.day_month.captures_iter(text).take(4) {
        let date = month_number(&c[2]).and_then(|m| date_of(&c[3], m, &c[1]));
        if date.is_some() {
            consider(c.get(0).map_or(0, |m| m.start()), date);
            break;
        }
    }
    for c in p.month_day.captures_iter(text).take(4) {
        let date = month_number(&c[1]).and_then(|m| date_of(&c[3], m, &c[2]));
        if date.is_some() {
            consider(c.get(0).map_or(0, |m| m.start()), date);
            break;
        }
    }
    if let Some(c) = p.numeric.captures(text) {
        consider(
            c.get(0).map_or(0, |m| m.start()),
            day_first(&c[1], &c[2], &c[3]),
        );
    }
    best.map(|(_, d)| d)
}

/// A numeric date with the day first (European order) unless only the other order is valid.
fn day_first(a: &str, b: &str, year: &str) -> Option<NaiveDate> {
    let (a_num, b_num) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
    date_of(year, b_num, a).or_else(|| date_of(year, a_num, b))
}

fn ymd(year: &str, month: &str, day: &str) -> Option<NaiveDate> {
    date_of(year, month.parse().ok()?, day)
}

fn date_of(year: &str, month: u32, day: &str) -> Option<NaiveDate> {
    let year: i32 = year.parse().ok()?;
    if !(1990..=2100).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)
}

/// A date in a URL path: `/2019/12/09/`, `/2019-12-09-`, `/20191209/`.
#[allow(clippy::expect_used)] // constant pattern, exercised by the unit tests
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    static URL_DATE: OnceLock<Regex> = OnceLock::new();
    let re = URL_DATE.get_or_init(|| {
        Regex::new(r"[/_-]((?:19|20)\d\d)[/_-]?(\d\d)[/_-]?(\d\d)(?:[/_.-]|$)")
            .expect("the URL date pattern is valid")
    });
    re.captures(url).and_then(|c| ymd(&c[1], &c[2], &c[3]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn machine_formats() {
        assert_eq!(find_date("2019-12-09T07:19:58+01:00"), d(2019, 12, 9));
        assert_eq!(find_date("2021/03/05"), d(2021, 3, 5));
        assert_eq!(find_date("20200131"), d(2020, 1, 31));
        assert_eq!(find_date("Tue, 10 Dec 2019 07:19:58 GMT"), d(2019, 12, 10));
    }

    #[test]
    fn written_dates_in_several_languages() {
        assert_eq!(find_date("Publié le 1er février 2020 à 10h"), d(2020, 2, 1));
        assert_eq!(find_date("Mis à jour le 3 août 2018"), d(2018, 8, 3));
        assert_eq!(
            find_date("Gepubliceerd op 14 maart 2022, 09:12"),
            d(2022, 3, 14)
        );
        assert_eq!(find_date("za 5 okt. 2019"), d(2019, 10, 5));
        assert_eq!(find_date("Posted March 4th, 2017 by Ann"), d(2017, 3, 4));
        assert_eq!(find_date("Updated: Jan. 9, 2016"), d(2016, 1, 9));
    }

    #[test]
    fn numeric_dates_are_day_first() {
        assert_eq!(find_date("le 05/04/2020"), d(2020, 4, 5));
        assert_eq!(find_date("04/25/2020"), d(2020, 4, 25));
        assert_eq!(find_date("14.03.2022 09:12"), d(2022, 3, 14));
    }

    #[test]
    fn no_date() {
        assert_eq!(find_date("32 décembre 2019"), None);
        assert_eq!(find_date("the 1st of many"), None);
        assert_eq!(find_date("1780-01-01"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            date_in_url("https://ex.fr/opinion/2019/12/09/pour-le-titre/"),
            d(2019, 12, 9)
        );
        assert_eq!(
            date_in_url("https://ex.nl/nieuws/20210405_93"),
            d(2021, 4, 5)
        );
        assert_eq!(date_in_url("https://ex.nl/artikel/123456"), None);
    }
}
