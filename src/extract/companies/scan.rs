//! The one pass over the text that finds every pattern of the company engine.
//!
//! Patterns are only tried where they can start, anchored: capitalized ones (the
//! gazetteer) at words that start with a capital or a digit, lower-case cues at other
//! word starts, `-topman` tails at hyphens after a word, and cue nouns, which may end a
//! compound (`softwarebedrijf`), backwards from each word end. That touches a few bytes
//! per word instead of running a large automaton over every byte.

use super::{bounded, drop_overlaps, names, starts_capital, Hit, Kind};
use crate::extract::anchored;

/// The longest word tail searched for a cue noun, in bytes.
const MAX_TAIL: usize = 48;

type Anchor = anchored::Anchor<Kind>;

fn compile(patterns: Vec<(Vec<u8>, Kind)>) -> Result<Anchor, String> {
    Anchor::new(patterns, false).map_err(|e| format!("company patterns: {e}"))
}

/// All patterns of one language, split by where they may start.
pub(super) struct Scanner {
    capitals: Anchor,
    /// Patterns starting with a lower-case letter or a joiner (`-topman`, `& Cie`).
    others: Anchor,
    /// The non-word chars some pattern starts with (`-`, `&`).
    joiners: Vec<char>,
    /// Cue nouns, byte-reversed, matched backwards from word ends.
    tails: Anchor,
    /// Whether there are cue nouns at all (French has none).
    has_tails: bool,
}

impl Scanner {
    /// Splits and compiles the patterns.
    pub(super) fn new(patterns: Vec<(String, Kind)>) -> Result<Self, String> {
        let (mut capitals, mut others, mut tails) = (Vec::new(), Vec::new(), Vec::new());
        let mut joiners: Vec<char> = patterns
            .iter()
            .filter_map(|(p, _)| p.chars().next())
            .filter(|&c| !names::is_word_char(c))
            .collect();
        joiners.sort_unstable();
        joiners.dedup();
        for (pattern, kind) in patterns {
            if pattern.starts_with(starts_capital) {
                capitals.push((pattern.into_bytes(), kind));
            } else if kind == Kind::CueNoun {
                tails.push((pattern.bytes().rev().collect(), kind));
            } else {
                others.push((pattern.into_bytes(), kind));
            }
        }
        Ok(Scanner {
            capitals: compile(capitals)?,
            others: compile(others)?,
            joiners,
            has_tails: !tails.is_empty(),
            tails: compile(tails)?,
        })
    }

    /// Every match on the boundaries its kind needs, in text order, without overlaps
    /// (the earlier, then the longer match wins).
    pub(super) fn scan(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let (mut prev_word, mut word_start, mut covered) = (false, 0, 0);
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let (c, len) = if byte.is_ascii() {
                (char::from(byte), 1)
            } else {
                let c = names::char_at(text, at).unwrap_or(char::REPLACEMENT_CHARACTER);
                (c, c.len_utf8())
            };
            let word = names::is_word_char(c);
            if word && !prev_word {
                word_start = at;
                let anchor = if starts_capital(c) {
                    &self.capitals
                } else {
                    &self.others
                };
                if at >= covered {
                    if let Some(hit) = try_at(text, anchor, at) {
                        covered = hit.end;
                        hits.push(hit);
                    }
                }
            } else if !word {
                if prev_word {
                    self.try_tail(text, word_start, at, &mut hits);
                }
                if at >= covered && self.joiners.contains(&c) {
                    if let Some(hit) = try_at(text, &self.others, at) {
                        covered = hit.end;
                        hits.push(hit);
                    }
                }
            }
            prev_word = word;
            at += len;
        }
        if prev_word {
            self.try_tail(text, word_start, text.len(), &mut hits);
        }
        drop_overlaps(&mut hits, |h| (h.start, h.end));
        hits
    }

    /// A cue noun ending the word `start..end` (`bedrijf` in `softwarebedrijf`).
    fn try_tail(&self, text: &str, start: usize, end: usize, hits: &mut Vec<Hit>) {
        let bytes = text.as_bytes();
        let len = (end - start).min(MAX_TAIL);
        if len < 3 || !self.has_tails {
            return;
        }
        let mut reversed = [0u8; MAX_TAIL];
        for (k, slot) in reversed[..len].iter_mut().enumerate() {
            *slot = bytes[end - 1 - k];
        }
        let fits = |kind, n| {
            let hit_start = end - n;
            text.is_char_boundary(hit_start) && bounded(text, kind, hit_start, end)
        };
        if let Some((kind, n)) = self.tails.longest(&reversed[..len], 0, fits) {
            hits.push(Hit {
                kind,
                start: end - n,
                end,
            });
        }
    }
}

/// The longest pattern of `anchor` at `at` that sits on its boundaries.
#[inline]
fn try_at(text: &str, anchor: &Anchor, at: usize) -> Option<Hit> {
    if !anchor.may_start_with(*text.as_bytes().get(at)?) {
        return None;
    }
    let fits = |kind, n| {
        let end = at + n;
        text.is_char_boundary(end) && bounded(text, kind, at, end)
    };
    let (kind, n) = anchor.longest(text.as_bytes(), at, fits)?;
    Some(Hit {
        kind,
        start: at,
        end: at + n,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, Kind)> {
        let patterns = [
            ("Acme", Kind::Company(0, false)),
            ("Acme Co", Kind::Company(1, false)),
            ("La Acme Co", Kind::Company(2, false)),
            ("& Cie", Kind::Legal),
            ("-topman", Kind::Suffix),
            ("bedrijf", Kind::CueNoun),
            ("X", Kind::Company(3, false)),
        ];
        let scanner = Scanner::new(patterns.map(|(p, k)| (p.to_string(), k)).to_vec())
            .expect("patterns compile");
        scanner
            .scan(text)
            .into_iter()
            .map(|h| (&text[h.start..h.end], h.kind))
            .collect()
    }

    #[test]
    fn longest_fitting_match_at_word_starts() {
        assert_eq!(
            found("Acme Cox en Acme Co, La Acme."),
            [
                ("Acme", Kind::Company(0, false)),
                ("Acme Co", Kind::Company(1, false)),
                ("Acme", Kind::Company(0, false)),
            ]
        );
        assert_eq!(found("xAcme Acmes"), []);
        // One-byte patterns pass the two-byte prefix filter, also at the end of the text.
        assert_eq!(found("X of X"), [("X", Kind::Company(3, false)); 2]);
        assert_eq!(found("Ac"), []);
    }

    #[test]
    fn joiners_suffixes_and_compound_tails() {
        assert_eq!(
            found("Durand & Cie, Acme-topman, softwarebedrijf Xylos, bedrijfje"),
            [
                ("& Cie", Kind::Legal),
                ("Acme", Kind::Company(0, false)),
                ("-topman", Kind::Suffix),
                ("bedrijf", Kind::CueNoun),
            ]
        );
    }
}
