//! The one pass over the text that finds every pattern of the company engine.
//!
//! Patterns are only tried where they can start, anchored: capitalized ones (the
//! gazetteer) at words that start with a capital or a digit, lower-case cues at other
//! word starts, `-topman` tails at hyphens after a word, and cue nouns, which may end a
//! compound (`softwarebedrijf`), backwards from each word end. That touches a few bytes
//! per word instead of running a large automaton over every byte.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::{Builder, NFA};
use aho_corasick::{Anchored, MatchKind};

use super::{bounded, drop_overlaps, names, starts_capital, Hit, Kind};

/// The longest word tail searched for a cue noun, in bytes.
const MAX_TAIL: usize = 48;

/// Patterns compiled for anchored longest-match walks. The automaton is stepped by hand:
/// a walk usually dies after a byte or two, so a search call per word would cost more
/// than the walk itself.
struct Anchor {
    automaton: NFA,
    start: StateID,
    kinds: Vec<Kind>,
    /// The first two bytes of every pattern, as a bit set: most words start no pattern
    /// and are rejected without stepping the automaton.
    prefixes: PrefixSet,
}

/// The prefixes of a set of patterns: the first two bytes of the short ones (up to three
/// bytes, as a 65,536-bit set) and a hash of the first four bytes of the others (a
/// 2^16-bit set, small enough for the L1 cache), so `le c` passes but `le p` does not.
struct PrefixSet {
    short: Box<[u64]>,
    long: Box<[u64]>,
}

/// Bits of the hashed four-byte prefix.
const LONG_BITS: u32 = 16;

impl PrefixSet {
    fn new<'p>(patterns: impl Iterator<Item = &'p [u8]>) -> Self {
        let mut short = vec![0u64; 1 << 10].into_boxed_slice();
        let mut long = vec![0u64; 1 << (LONG_BITS - 6)].into_boxed_slice();
        for pattern in patterns {
            match *pattern {
                [] => {}
                [first] => (0..256).for_each(|second| insert(&mut short, pair(first, second))),
                [first, second] | [first, second, _] => {
                    insert(&mut short, pair(first, u16::from(second)))
                }
                [a, b, c, d, ..] => insert(&mut long, quad([a, b, c, d])),
            }
        }
        PrefixSet { short, long }
    }

    /// Whether a pattern may start at `at` (the byte after the text counts as 0).
    fn may_start(&self, haystack: &[u8], at: usize) -> bool {
        let Some(&first) = haystack.get(at) else {
            return false;
        };
        let second = haystack.get(at + 1).copied().unwrap_or(0);
        if contains(&self.short, pair(first, u16::from(second))) {
            return true;
        }
        match haystack.get(at..at + 4) {
            Some(&[a, b, c, d]) => contains(&self.long, quad([a, b, c, d])),
            _ => false,
        }
    }
}

/// The bit index of a two-byte prefix.
fn pair(first: u8, second: u16) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

/// The hashed bit index of a four-byte prefix (Fibonacci hashing).
fn quad(bytes: [u8; 4]) -> usize {
    (u32::from_le_bytes(bytes).wrapping_mul(0x9E37_79B1) >> (32 - LONG_BITS)) as usize
}

fn insert(bits: &mut [u64], key: usize) {
    bits[key >> 6] |= 1 << (key & 63);
}

fn contains(bits: &[u64], key: usize) -> bool {
    bits[key >> 6] & (1 << (key & 63)) != 0
}

impl Anchor {
    fn new(patterns: Vec<(Vec<u8>, Kind)>) -> Result<Self, String> {
        let (bytes, kinds): (Vec<Vec<u8>>, Vec<Kind>) = patterns.into_iter().unzip();
        let prefixes = PrefixSet::new(bytes.iter().map(Vec::as_slice));
        let automaton = Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(&bytes)
            .map_err(|e| format!("company patterns: {e}"))?;
        let start = automaton
            .start_state(Anchored::Yes)
            .map_err(|e| format!("company patterns: {e}"))?;
        Ok(Anchor {
            automaton,
            start,
            kinds,
            prefixes,
        })
    }

    /// The kind and length of the longest pattern starting exactly at `at` that `fits`
    /// (sits on the boundaries its kind needs), so `Alibaba` still counts in `Alibaba
    /// Cloudy` where the longer `Alibaba Cloud` does not.
    fn longest(
        &self,
        haystack: &[u8],
        at: usize,
        fits: impl Fn(Kind, usize) -> bool,
    ) -> Option<(Kind, usize)> {
        if !self.prefixes.may_start(haystack, at) {
            return None;
        }
        let a = &self.automaton;
        let mut sid = self.start;
        let mut best = None;
        for (k, &byte) in haystack.get(at..)?.iter().enumerate() {
            sid = a.next_state(Anchored::Yes, sid, byte);
            if a.is_special(sid) {
                if a.is_dead(sid) {
                    break;
                }
                if let Some(kind) = self.kind_ending(sid, k + 1).filter(|&kd| fits(kd, k + 1)) {
                    best = Some((kind, k + 1));
                }
            }
        }
        best
    }

    /// The kind of the first-listed pattern of length `len` matching at state `sid`. A
    /// state also lists the shorter patterns ending there (`Banque` at `La Banque`),
    /// which did not start at the anchor.
    fn kind_ending(&self, sid: StateID, len: usize) -> Option<Kind> {
        let a = &self.automaton;
        (0..a.match_len(sid))
            .map(|i| a.match_pattern(sid, i))
            .filter(|&pid| a.pattern_len(pid) == len)
            .min()
            .map(|pid| self.kinds[pid.as_usize()])
    }
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
            capitals: Anchor::new(capitals)?,
            others: Anchor::new(others)?,
            joiners,
            has_tails: !tails.is_empty(),
            tails: Anchor::new(tails)?,
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
fn try_at(text: &str, anchor: &Anchor, at: usize) -> Option<Hit> {
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
