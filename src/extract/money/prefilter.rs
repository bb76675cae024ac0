//! The cheap first pass: where in an article can an amount of money be?
//!
//! An amount needs a number next to a currency name. Two scans find the candidates:
//! * digits: a fast scan skips 32-byte blocks without an ASCII digit; for each number,
//!   the few tokens after and before it are looked up in the set of currency keys;
//! * number words: a SIMD multi-substring search (Teddy) for the stems of currency words,
//!   kept when a number word comes just before (`twee miljard euro`, `cinq cents euros`).
//!
//! Most article text is skipped at memory speed; only the windows around candidates
//! are tokenized and parsed.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::packed;

use crate::extract::numbers::NumberWords;

/// Tokens looked at after a number (`1,5 miljard amerikaanse dollar`, `milliards de $`).
const TOKENS_AFTER: usize = 5;
/// Tokens looked at before a number (`US $ 5`).
const TOKENS_BEFORE: usize = 2;
/// Words looked at before a currency word for a number word.
const WORDS_BEFORE: usize = 3;

/// FNV-1a: the keys are a few short words, looked up once per token near a number.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of short strings hashed with [`Fnv`].
type KeySet = HashSet<String, BuildHasherDefault<Fnv>>;

/// Finds the byte positions where money may be.
pub struct Prefilter {
    /// Lowercase currency-bearing keys of names (`euro`, `$`).
    keys: KeySet,
    /// ISO codes, matched in capitals only.
    codes: KeySet,
    /// Stems of currency words, for amounts written in words.
    word_stems: Option<packed::Searcher>,
}

impl Prefilter {
    /// A prefilter for currency names found by `keys` (lowercase) or `codes` (capitals);
    /// `words` are the currency words that may follow a number in words.
    pub fn new(keys: HashSet<String>, codes: HashSet<String>, words: &[String]) -> Self {
        let mut stems: Vec<&str> = words.iter().map(String::as_str).collect();
        stems.sort_by_key(|w| w.len());
        let mut minimal: Vec<&str> = Vec::new();
        for w in stems {
            if !minimal.iter().any(|m| w.starts_with(m)) {
                minimal.push(w);
            }
        }
        let word_stems = packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(minimal)
            .build();
        Prefilter {
            keys: keys.into_iter().collect(),
            codes: codes.into_iter().collect(),
            word_stems,
        }
    }

    /// Byte positions of possible amounts, in ascending order.
    pub fn candidates(&self, text: &str, numbers: &NumberWords) -> Vec<usize> {
        let mut out = self.after_digits(text);
        if let Some(searcher) = &self.word_stems {
            let mut word = String::new();
            for m in searcher.find_iter(text) {
                let (s, e) = (m.start(), m.end());
                if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
                    continue;
                }
                if !self.word_is_key(text, s, &mut word) {
                    continue;
                }
                if number_word_before(text, s, numbers) {
                    out.push(s);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// Starts of numbers in digits with a currency key among their neighbour tokens.
    fn after_digits(&self, text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut buf = String::new();
        let mut i = 0;
        while i < bytes.len() {
            if let Some(block) = bytes.get(i..i + 32) {
                if !block.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
                    i += 32;
                    continue;
                }
            }
            if !bytes[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len()
                && (bytes[i].is_ascii_digit()
                    || (matches!(bytes[i], b'.' | b',' | b' ')
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            if self.key_near(text, start, i, &mut buf) {
                out.push(start);
            }
        }
        out
    }

    /// Whether a currency key is among the tokens just after `end` or just before `start`.
    fn key_near(&self, text: &str, start: usize, end: usize, buf: &mut String) -> bool {
        let mut pos = end;
        for _ in 0..TOKENS_AFTER {
            let Some((s, e)) = next_token(text, pos) else {
                break;
            };
            if text.as_bytes()[s].is_ascii_digit() {
                break;
            }
            if self.is_key(&text[s..e], buf) {
                return true;
            }
            pos = e;
        }
        let mut pos = start;
        for _ in 0..TOKENS_BEFORE {
            let Some((s, e)) = prev_token(text, pos) else {
                break;
            };
            if self.is_key(&text[s..e], buf) {
                return true;
            }
            pos = s;
        }
        false
    }

    fn is_key(&self, token: &str, buf: &mut String) -> bool {
        if self.codes.contains(token) {
            return true;
        }
        buf.clear();
        buf.extend(token.chars().flat_map(char::to_lowercase));
        self.keys.contains(buf.as_str())
    }

    /// Whether the whole word at `s` (not inside a longer word) is a currency key.
    fn word_is_key(&self, text: &str, s: usize, buf: &mut String) -> bool {
        if text[..s]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        {
            return false;
        }
        let e = word_end(text, s);
        self.is_key(&text[s..e], buf)
    }
}

/// Whether one of the few words before `pos` is a number word (`vingt-huit milliards de`).
fn number_word_before(text: &str, pos: usize, numbers: &NumberWords) -> bool {
    let mut pos = pos;
    let mut buf = String::new();
    for _ in 0..WORDS_BEFORE {
        let Some((s, e)) = prev_token(text, pos) else {
            return false;
        };
        let token = &text[s..e];
        if token.chars().next().is_some_and(char::is_alphabetic) {
            buf.clear();
            buf.extend(token.chars().flat_map(char::to_lowercase));
            if numbers.is_number_word(&buf) {
                return true;
            }
        } else if !matches!(token, "'" | "’" | "-") {
            return false;
        }
        pos = s;
    }
    false
}

/// Whether a char separates tokens.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The end of the run of letters starting at `s`.
fn word_end(text: &str, s: usize) -> usize {
    text[s..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(k, _)| s + k)
}

/// The next token at or after `pos`: a run of letters, a run of digits, or one other char.
fn next_token(text: &str, pos: usize) -> Option<(usize, usize)> {
    let (k, c) = text[pos..].char_indices().find(|&(_, c)| !is_space(c))?;
    let s = pos + k;
    let e = if c.is_alphabetic() {
        word_end(text, s)
    } else if c.is_ascii_digit() {
        s + text[s..].bytes().take_while(u8::is_ascii_digit).count()
    } else {
        s + c.len_utf8()
    };
    Some((s, e))
}

/// The token that ends at or before `pos`: a run of letters or digits, or one other char.
fn prev_token(text: &str, pos: usize) -> Option<(usize, usize)> {
    let head = text[..pos].trim_end_matches(is_space);
    let e = head.len();
    let c = head.chars().next_back()?;
    let s = if c.is_alphabetic() {
        head.char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(0, |(k, c)| k + c.len_utf8())
    } else if c.is_ascii_digit() {
        e - head.bytes().rev().take_while(u8::is_ascii_digit).count()
    } else {
        e - c.len_utf8()
    };
    Some((s, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_around_a_position() {
        let text = "kost € 12,50 per stuk";
        assert_eq!(next_token(text, 4), Some((5, 8)));
        assert_eq!(prev_token(text, 9), Some((5, 8)));
        assert_eq!(next_token(text, 14).map(|(s, e)| &text[s..e]), Some("per"));
        assert_eq!(prev_token(text, 4).map(|(s, e)| &text[s..e]), Some("kost"));
        assert_eq!(prev_token("", 0), None);
        assert_eq!(next_token("   ", 1), None);
    }
}
