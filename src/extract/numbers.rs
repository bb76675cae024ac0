//! Numbers as news writes them: digits with decimal commas and thousands separators,
//! and number words (`vijf`, `vijfenveertig`, `twee miljard`, `vingt-huit`, `un milliard`).
//! Values are exact decimals, never floats.
//!
//! Two entry points:
//! * [`scan_digits`] / [`parse_digits`]: digit strings, language-independent for nl and fr
//!   (decimal comma; `.`, space, U+00A0, U+202F group thousands).
//! * [`NumberWords`]: cardinal number words, compiled from `src/lang/<code>/numbers.toml`
//!   ([`NumberLexicon`]); used by the money engine and meant for the dates engine
//!   (`de komende vijf jaar`).

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use rust_decimal::Decimal;
use serde::Deserialize;

/// A number written in digits, as found by [`scan_digits`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigitNumber {
    /// The exact value.
    pub value: Decimal,
    /// Byte offset after the last character of the number.
    pub end: usize,
    /// Whether thousands separators were used (`1.500`, `1 500`).
    pub grouped: bool,
    /// Whether there is a decimal part (`1,7`).
    pub fraction: bool,
    /// Count of digits before the decimal separator, separators excluded.
    pub int_digits: usize,
}

/// Characters that may group thousands besides `.`: space, no-break space, narrow no-break
/// space, and the thin and figure spaces some French papers use (`1\u{2009}300 euros`).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

/// The typographic spaces that only ever group digits (thin and narrow no-break).
fn is_thin_space(c: char) -> bool {
    matches!(c, '\u{202f}' | '\u{2009}')
}

/// Reads a number in digits starting at byte `start` of `text` (which must be an ASCII digit).
///
/// Rules (nl and fr newspaper conventions): a comma followed by a digit starts the decimal
/// part; `.` or a space followed by exactly three digits groups thousands when the first group
/// has one to three digits; any other `.` followed by digits is read as a decimal point
/// (`1.5 miljard`, English style). A trailing `,-` (`€ 24,-`) is not part of the number.
pub fn scan_digits(text: &str, start: usize) -> Option<DigitNumber> {
    let bytes = text.as_bytes();
    if !bytes.get(start)?.is_ascii_digit() {
        return None;
    }
    let digit_run = |from: usize| -> usize {
        let mut i = from;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut int_part = String::new();
    let mut end = digit_run(start);
    int_part.push_str(&text[start..end]);
    let first_group = end - start;
    let mut grouped = false;
    // Thousands groups: exactly three digits after each separator.
    if first_group <= 3 {
        while let Some(sep) = text[end..].chars().next() {
            if sep != '.' && !is_group_space(sep) {
                break;
            }
            let mut group_start = end + sep.len_utf8();
            // A doubled thin space (`1\u{2009}\u{2009}100 euros`) is a typesetting slip:
            // still one separator. Plain spaces are not doubled in numbers.
            if is_thin_space(sep) {
                if let Some(next) = text[group_start..]
                    .chars()
                    .next()
                    .filter(|&c| is_thin_space(c))
                {
                    group_start += next.len_utf8();
                }
            }
            let group_end = digit_run(group_start);
            if group_end - group_start != 3 {
                break;
            }
            // A space-grouped run must not continue into more digits ("12 500 3").
            int_part.push_str(&text[group_start..group_end]);
            end = group_end;
            grouped = true;
        }
    }
    let mut fraction = String::new();
    if let Some(&sep) = bytes.get(end) {
        let decimal_sep = sep == b',' || (sep == b'.' && !grouped);
        if decimal_sep && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
            let frac_end = digit_run(end + 1);
            fraction.push_str(&text[end + 1..frac_end]);
            end = frac_end;
        }
    }
    let value = if fraction.is_empty() {
        int_part.parse().ok()?
    } else {
        format!("{int_part}.{fraction}").parse().ok()?
    };
    Some(DigitNumber {
        value,
        end,
        grouped,
        fraction: !fraction.is_empty(),
        int_digits: int_part.len(),
    })
}

/// Parses a whole digit string with a decimal comma and `.`/space thousands separators
/// (`1,7`, `1.500.000`, `1 500 000`) into an exact decimal; `None` unless all of `s` is the number.
pub fn parse_digits(s: &str) -> Option<Decimal> {
    let n = scan_digits(s, 0)?;
    (n.end == s.len()).then_some(n.value)
}

/// One language's number words, read from `src/lang/<code>/numbers.toml`.
///
/// Keys may be phrases of several words (`quatre vingt`); hyphens count as spaces.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct NumberLexicon {
    /// Words below 20 and other addable values (`vijf`, `dix`, `anderhalf` = 1.5).
    #[serde(default)]
    pub units: HashMap<String, Decimal>,
    /// Multiples of ten (`veertig`, `soixante`, `quatre vingt`).
    #[serde(default)]
    pub tens: HashMap<String, Decimal>,
    /// The word for hundred, which multiplies what precedes it (`honderd`, `cent`, `cents`).
    #[serde(default)]
    pub hundreds: HashMap<String, Decimal>,
    /// Thousand and above (`duizend`, `miljoen`, `milliards`; nl `biljoen` = 10^12).
    #[serde(default)]
    pub scales: HashMap<String, Decimal>,
    /// Separate words that join parts of one number (`et` in `vingt et un`).
    #[serde(default)]
    pub joiners: Vec<String>,
    /// Whether numbers are written as one word (`vijfenveertig`, `tweehonderd`).
    #[serde(default)]
    pub compound: bool,
    /// Joiners inside compound words (`en`, `ën`).
    #[serde(default)]
    pub compound_joiners: Vec<String>,
    /// Ordinal words (`eerste`, `troisième`) and their value.
    #[serde(default)]
    pub ordinals: HashMap<String, u32>,
}

/// The role of one number word.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    /// Added to the running group (units, teens, tens).
    Add(Decimal),
    /// Multiplies the running group (hundred).
    Hundred(Decimal),
    /// Closes the running group times this scale (thousand, million, ...).
    Scale(Decimal),
    /// Joins two parts (`et`, compound `en`).
    Join,
}

/// Compiled number words for one language.
#[derive(Debug, Clone, Default)]
pub struct NumberWords {
    /// FxHash: every word of a money or company candidate is looked up.
    parts: FxHashMap<String, Part>,
    /// Words of multi-word keys (`half` in `een half`).
    phrase_words: FxHashSet<String>,
    /// Longest key in words, for phrase lookup.
    max_phrase: usize,
    compound: bool,
    /// Compound morphemes (single words only), for splitting `tweeëntwintig`.
    morphemes: Vec<(String, Part)>,
    ordinals: FxHashMap<String, u32>,
}

impl NumberWords {
    /// Compiles a language's number words.
    pub fn new(lex: &NumberLexicon) -> Result<Self, String> {
        let mut parts = FxHashMap::default();
        let tables = [
            (&lex.units, Part::Add as fn(Decimal) -> Part),
            (&lex.tens, Part::Add),
            (&lex.hundreds, Part::Hundred),
            (&lex.scales, Part::Scale),
        ];
        for (table, make) in tables {
            for (word, value) in table {
                parts.insert(normalize_phrase(word), make(*value));
            }
        }
        for j in &lex.joiners {
            parts.insert(normalize_phrase(j), Part::Join);
        }
        if parts.keys().any(|k| k.is_empty()) {
            return Err("empty number word".into());
        }
        let phrase_words = parts
            .keys()
            .filter(|k| k.contains(' '))
            .flat_map(|k| k.split(' ').map(str::to_string))
            .collect();
        let max_phrase = parts
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut morphemes: Vec<(String, Part)> = parts
            .iter()
            .filter(|(k, p)| !k.contains(' ') && **p != Part::Join)
            .map(|(k, p)| (k.clone(), *p))
            .collect();
        morphemes.extend(
            lex.compound_joiners
                .iter()
                .map(|j| (j.to_lowercase(), Part::Join)),
        );
        // Longest first so that `zeventien` wins over `zeven` + ...
        morphemes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let ordinals = lex
            .ordinals
            .iter()
            .map(|(k, v)| (k.to_lowercase(), *v))
            .collect();
        Ok(NumberWords {
            parts,
            phrase_words,
            max_phrase,
            compound: lex.compound,
            morphemes,
            ordinals,
        })
    }

    /// Whether `word` (lowercase) is a number word or part of a number phrase.
    pub fn is_number_word(&self, word: &str) -> bool {
        self.parts.contains_key(word)
            || self.phrase_words.contains(word)
            || self.split_compound(word).is_some()
    }

    /// Whether `word` (lowercase) is a joiner like `et`.
    pub fn is_joiner(&self, word: &str) -> bool {
        self.parts.get(word) == Some(&Part::Join)
    }

    /// The value of a scale word (`miljoen` = 10^6, `milliards` = 10^9), else `None`.
    pub fn scale(&self, word: &str) -> Option<Decimal> {
        match self.parts.get(word) {
            Some(Part::Scale(v)) => Some(*v),
            _ => None,
        }
    }

    /// The value of an ordinal word (`derde`, `troisième`).
    pub fn ordinal(&self, word: &str) -> Option<u32> {
        self.ordinals.get(word).copied()
    }

    /// Parses lowercase words that together form exactly one cardinal number
    /// (`["twee", "miljard"]`, `["vingt", "huit"]`, `["vijfenveertig"]`).
    pub fn parse_words(&self, words: &[&str]) -> Option<Decimal> {
        match self.parse_prefix(words) {
            Some((v, n)) if n == words.len() => Some(v),
            _ => None,
        }
    }

    /// The longest number at the start of `words`: its value and how many words it uses.
    pub fn parse_prefix(&self, words: &[&str]) -> Option<(Decimal, usize)> {
        let mut parts = Vec::new();
        // Word index after each part, to report how many words the best prefix used.
        let mut ends = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some((found, used)) = self.lookup(&words[i..]) else {
                break;
            };
            for p in found {
                parts.push(p);
                ends.push(i + used);
            }
            i += used;
        }
        // Longest prefix of parts that evaluates; it must end on a whole word.
        for n in (1..=parts.len()).rev() {
            if n < parts.len() && ends[n - 1] == ends[n] {
                continue;
            }
            if let Some(v) = evaluate(&parts[..n]) {
                return Some((v, ends[n - 1]));
            }
        }
        None
    }

    /// Finds a number in words at the start of `text` (words separated by spaces or hyphens):
    /// its value and byte length. For callers that work on raw text (`vijf jaar`).
    pub fn parse_text_prefix(&self, text: &str) -> Option<(Decimal, usize)> {
        let mut words = Vec::new();
        let mut ends = Vec::new();
        let mut pos = 0;
        for piece in text.split_inclusive([' ', '-']) {
            let word = piece.trim_end_matches([' ', '-']);
            let word_end = pos + word.len();
            pos += piece.len();
            if word.is_empty() || !word.chars().all(char::is_alphabetic) {
                if !word.is_empty() {
                    // `vijf,` still counts: cut the word at the first non-letter.
                    let letters: usize = word
                        .char_indices()
                        .find(|(_, c)| !c.is_alphabetic())
                        .map_or(word.len(), |(i, _)| i);
                    if letters > 0 {
                        words.push(word[..letters].to_lowercase());
                        ends.push(word_end - word.len() + letters);
                    }
                }
                break;
            }
            words.push(word.to_lowercase());
            ends.push(word_end);
        }
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let (v, n) = self.parse_prefix(&refs)?;
        Some((v, ends[n - 1]))
    }

    /// The parts of the longest phrase at the start of `words`, and the words it spans.
    fn lookup(&self, words: &[&str]) -> Option<(Vec<Part>, usize)> {
        for n in (1..=self.max_phrase.min(words.len())).rev() {
            let key = if n == 1 {
                words[0].to_string()
            } else {
                words[..n].join(" ")
            };
            if let Some(p) = self.parts.get(&key) {
                return Some((vec![*p], n));
            }
        }
        self.split_compound(words.first()?).map(|parts| (parts, 1))
    }

    /// Splits a compound number word (`tweeëntwintig`, `vijfhonderdduizend`) into parts.
    fn split_compound(&self, word: &str) -> Option<Vec<Part>> {
        if !self.compound || word.len() > 80 {
            return None;
        }
        let mut out = Vec::new();
        self.split_from(word, &mut out).then_some(out)
    }

    fn split_from(&self, rest: &str, out: &mut Vec<Part>) -> bool {
        if rest.is_empty() {
            return !matches!(out.last(), Some(Part::Join));
        }
        for (m, part) in &self.morphemes {
            if let Some(tail) = rest.strip_prefix(m.as_str()) {
                out.push(*part);
                if self.split_from(tail, out) {
                    return true;
                }
                out.pop();
            }
        }
        false
    }
}

/// Lowercases a table key and reads hyphens as spaces (`quatre-vingt` = `quatre vingt`).
fn normalize_phrase(s: &str) -> String {
    s.to_lowercase()
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Evaluates number parts, checking the order makes a well-formed number
/// (`vijf veertig` and `twee drie` are not numbers; `soixante dix sept` and
/// `vijf en veertig` are).
fn evaluate(parts: &[Part]) -> Option<Decimal> {
    let hundred = Decimal::ONE_HUNDRED;
    let ten = Decimal::TEN;
    let mut total = Decimal::ZERO;
    let mut group = Decimal::ZERO;
    // Whether the group already has an addend, and whether a joiner came just before.
    let mut joined = false;
    let mut last_scale: Option<Decimal> = None;
    let mut seen_any = false;
    for (i, part) in parts.iter().enumerate() {
        match *part {
            Part::Join => {
                if i == 0 || i + 1 == parts.len() || joined {
                    return None;
                }
                joined = true;
                continue;
            }
            Part::Add(v) => {
                let below = group % hundred;
                let ok = below.is_zero()
                    || (v < ten * Decimal::TWO && (below % ten).is_zero() && below >= ten)
                    || (joined && v >= ten * Decimal::TWO && below < ten && (v % ten).is_zero())
                    || (joined && v < Decimal::ONE && group.fract().is_zero());
                if !ok {
                    return None;
                }
                group = group.checked_add(v)?;
            }
            Part::Hundred(h) => {
                if group >= Decimal::from(20) {
                    return None;
                }
                group = if group.is_zero() {
                    h
                } else {
                    group.checked_mul(h)?
                };
            }
            Part::Scale(s) => {
                let after_smaller = last_scale.is_some_and(|l| l < s);
                if group.is_zero() {
                    // `miljoen` alone, or `mille milliards` (the scale multiplies all so far).
                    total = match (seen_any, after_smaller) {
                        (false, _) => s,
                        (true, true) => total.checked_mul(s)?,
                        (true, false) => return None,
                    };
                } else {
                    total = match last_scale {
                        None => group.checked_mul(s)?,
                        Some(_) if after_smaller => total.checked_add(group)?.checked_mul(s)?,
                        Some(l) if l > s => total.checked_add(group.checked_mul(s)?)?,
                        Some(_) => return None,
                    };
                    group = Decimal::ZERO;
                }
                last_scale = Some(s);
            }
        }
        joined = false;
        seen_any = true;
    }
    if !seen_any {
        return None;
    }
    total.checked_add(group)
}

/// Serializes an exact decimal as a JSON number: an integer when it is whole
/// (`1700000000`, never `1699999999.9999998`), else the shortest float that reads back equal.
pub fn serialize_decimal<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    use rust_decimal::prelude::ToPrimitive;
    let normalized = d.normalize();
    if normalized.scale() == 0 {
        if let Some(i) = normalized.to_i64() {
            return s.serialize_i64(i);
        }
    }
    s.serialize_f64(normalized.to_f64().unwrap_or(f64::NAN))
}

/// [`serialize_decimal`] for optional values.
pub fn serialize_opt_decimal<S: serde::Serializer>(
    d: &Option<Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => serialize_decimal(d, s),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().expect("decimal literal")
    }

    fn words(code: &str) -> NumberWords {
        let raw = crate::lang::TABLES
            .iter()
            .find(|t| t.code == code)
            .expect("language tables");
        let lex: NumberLexicon = toml::from_str(raw.numbers).expect("numbers.toml parses");
        NumberWords::new(&lex).expect("numbers.toml compiles")
    }

    fn parse(w: &NumberWords, phrase: &str) -> Option<Decimal> {
        let ws: Vec<&str> = phrase.split([' ', '-']).collect();
        w.parse_words(&ws)
    }

    #[test]
    fn digits_with_decimal_comma_and_group_separators() {
        assert_eq!(parse_digits("1,7"), Some(dec("1.7")));
        assert_eq!(parse_digits("1.500.000"), Some(dec("1500000")));
        assert_eq!(parse_digits("1 500 000"), Some(dec("1500000")));
        assert_eq!(parse_digits("1\u{a0}500\u{a0}000"), Some(dec("1500000")));
        assert_eq!(parse_digits("1\u{202f}500,25"), Some(dec("1500.25")));
        assert_eq!(parse_digits("1\u{2009}300"), Some(dec("1300")));
        assert_eq!(parse_digits("1\u{2009}\u{2009}100"), Some(dec("1100")));
        assert_eq!(parse_digits("1  100"), None);
        assert_eq!(parse_digits("125.000,50"), Some(dec("125000.50")));
        assert_eq!(parse_digits("12,345"), Some(dec("12.345")));
        assert_eq!(parse_digits("1.5"), Some(dec("1.5")));
        assert_eq!(parse_digits("94000"), Some(dec("94000")));
    }

    #[test]
    fn digits_that_do_not_group() {
        // A four-digit first group (a year) does not join the next number.
        let n = scan_digits("2019 300 euro", 0).expect("number");
        assert_eq!((n.value, n.end), (dec("2019"), 4));
        // Groups of two (phone numbers) do not join.
        let n = scan_digits("06 12 34 56", 0).expect("number");
        assert_eq!(n.value, dec("6"));
        // `€ 24,-`: the dash is not a decimal part.
        let n = scan_digits("24,- per stuk", 0).expect("number");
        assert_eq!((n.value, n.end), (dec("24"), 2));
        // `6. 2 %`: a dot then a space ends the number.
        assert_eq!(scan_digits("6. 2 %", 0).map(|n| n.end), Some(1));
        assert_eq!(parse_digits("1,5-2"), None);
        assert_eq!(parse_digits("abc"), None);
        assert!(scan_digits("x1", 0).is_none());
    }

    #[test]
    fn dutch_number_words() {
        let nl = words("nl");
        assert_eq!(parse(&nl, "vijf"), Some(dec("5")));
        assert_eq!(parse(&nl, "vijfenveertig"), Some(dec("45")));
        assert_eq!(parse(&nl, "tweeëntwintig"), Some(dec("22")));
        assert_eq!(parse(&nl, "tweehonderdvijftig"), Some(dec("250")));
        assert_eq!(parse(&nl, "vijftienhonderd"), Some(dec("1500")));
        assert_eq!(parse(&nl, "twee miljard"), Some(dec("2000000000")));
        assert_eq!(parse(&nl, "vijftig miljoen"), Some(dec("50000000")));
        assert_eq!(parse(&nl, "anderhalf miljoen"), Some(dec("1500000")));
        assert_eq!(parse(&nl, "een half miljard"), Some(dec("500000000")));
        assert_eq!(parse(&nl, "drie biljoen"), Some(dec("3000000000000")));
        assert_eq!(
            parse(&nl, "twee miljoen driehonderdduizend"),
            Some(dec("2300000"))
        );
        assert_eq!(nl.ordinal("derde"), Some(3));
    }

    #[test]
    fn dutch_non_numbers() {
        let nl = words("nl");
        assert_eq!(parse(&nl, "vijf veertig"), None);
        assert_eq!(parse(&nl, "twee drie"), None);
        assert_eq!(parse(&nl, "duizenden"), None);
        assert_eq!(parse(&nl, "honderden"), None);
        assert_eq!(parse(&nl, "eenheid"), None);
        assert_eq!(parse(&nl, "twee miljoen drie miljoen"), None);
        assert!(!nl.is_number_word("euro"));
    }

    #[test]
    fn french_number_words() {
        let fr = words("fr");
        assert_eq!(parse(&fr, "vingt-huit"), Some(dec("28")));
        assert_eq!(parse(&fr, "vingt et un"), Some(dec("21")));
        assert_eq!(parse(&fr, "soixante-dix-sept"), Some(dec("77")));
        assert_eq!(parse(&fr, "quatre-vingt-dix-neuf"), Some(dec("99")));
        assert_eq!(parse(&fr, "septante-cinq"), Some(dec("75")));
        assert_eq!(parse(&fr, "cinq cents"), Some(dec("500")));
        assert_eq!(parse(&fr, "deux mille trois cent"), Some(dec("2300")));
        assert_eq!(parse(&fr, "un milliard"), Some(dec("1000000000")));
        assert_eq!(parse(&fr, "vingt-huit milliards"), Some(dec("28000000000")));
        assert_eq!(parse(&fr, "mille milliards"), Some(dec("1000000000000")));
        assert_eq!(parse(&fr, "un billion"), Some(dec("1000000000000")));
        assert_eq!(fr.scale("milliards"), Some(dec("1000000000")));
        assert_eq!(fr.ordinal("troisième"), Some(3));
    }

    #[test]
    fn french_non_numbers() {
        let fr = words("fr");
        // `quarante-cinq cents` is 45 cents, not 4500.
        assert_eq!(parse(&fr, "quarante cinq cents"), None);
        assert_eq!(
            fr.parse_prefix(&["quarante", "cinq", "cents"]),
            Some((dec("45"), 2))
        );
        assert_eq!(parse(&fr, "et un"), None);
        assert_eq!(parse(&fr, "vingt et"), None);
        assert_eq!(parse(&fr, "dix vingt"), None);
    }

    #[test]
    fn number_words_at_the_start_of_text() {
        let nl = words("nl");
        assert_eq!(nl.parse_text_prefix("vijf jaar"), Some((dec("5"), 4)));
        assert_eq!(
            nl.parse_text_prefix("twee miljard euro"),
            Some((dec("2000000000"), 12))
        );
        assert_eq!(nl.parse_text_prefix("vijf, zes"), Some((dec("5"), 4)));
        assert_eq!(nl.parse_text_prefix("komende jaren"), None);
        let fr = words("fr");
        assert_eq!(
            fr.parse_text_prefix("vingt-huit ans"),
            Some((dec("28"), 10))
        );
    }
}
