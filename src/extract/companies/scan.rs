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
    Anchor::new(patterns).map_err(|e| format!("company patterns: {e}"))
}

/// Patterns tried at word starts, with the words they can start with. A pattern can
/// only match where the text's word is the pattern's first word (every pattern ends on a
/// word boundary), and where the gap after it and the start of the next word are the
/// pattern's (`de Volksbank`, `l'usine`), when it has a second word.
struct WordAnchor {
    anchor: Anchor,
    /// The first words of patterns of one word (`Philips`, `N.V.`).
    single: WordSet,
    /// The first words of longer patterns (`de` of `de Volksbank`).
    multi_first: WordSet,
    /// The first word, the gap and the start of the second word of longer patterns
    /// (see [`pair_end`]).
    multi_pair: WordSet,
    /// The longest gap between the first two words of a pattern, in bytes.
    max_gap: usize,
}

impl WordAnchor {
    fn new(patterns: Vec<(String, Kind)>) -> Result<Self, String> {
        let (mut single, mut multi_first, mut multi_pair) =
            (WordSet::default(), WordSet::default(), WordSet::default());
        let mut max_gap = 0;
        for (pattern, _) in &patterns {
            let bytes = pattern.as_bytes();
            let first_end = word_end(pattern, 0);
            match pair_end(pattern, first_end, usize::MAX) {
                Some((second_start, end)) => {
                    multi_first.insert(&bytes[..first_end]);
                    multi_pair.insert(&bytes[..end]);
                    max_gap = max_gap.max(second_start - first_end);
                }
                None => single.insert(&bytes[..first_end]),
            }
        }
        let patterns = patterns
            .into_iter()
            .map(|(p, kind)| (p.into_bytes(), kind))
            .collect();
        Ok(WordAnchor {
            anchor: compile(patterns)?,
            single,
            multi_first,
            multi_pair,
            max_gap,
        })
    }

    /// Whether some pattern may start with the word `start..end` of `text`.
    #[inline]
    fn may_start_with_word(&self, text: &str, start: usize, end: usize) -> bool {
        let bytes = text.as_bytes();
        let key = word_key(bytes, start, end);
        if self.single.has_key(key) {
            return true;
        }
        self.multi_first.has_key(key)
            && pair_end(text, end, self.max_gap)
                .is_some_and(|(_, e)| self.multi_pair.may_contain(bytes, start, e))
    }
}

/// Where the next word starts after the word ending at `end` and the gap of non-word
/// chars (at most `max_gap` bytes), and the end of its first four bytes, or fewer: the
/// run of ASCII word bytes there. `None` when no word follows within reach.
#[inline]
fn pair_end(text: &str, end: usize, max_gap: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut at = end;
    loop {
        let byte = *bytes.get(at)?;
        if is_word_byte(byte) {
            break;
        }
        if byte.is_ascii() {
            at += 1;
        } else {
            let c = names::char_at(text, at)?;
            if names::is_word_char(c) {
                break;
            }
            at += c.len_utf8();
        }
        if at - end > max_gap {
            return None;
        }
    }
    if at == end {
        return None;
    }
    let limit = (at + 4).min(bytes.len());
    let mut stop = at;
    while stop < limit && is_word_byte(bytes[stop]) {
        stop += 1;
    }
    Some((at, stop))
}

/// A set of words as bits of a hash of their length and first eight bytes, so most
/// words are rejected before any trie walk.
struct WordSet {
    bits: Box<[u64]>,
}

/// Bits of a word's hash: 8 KB, which stays in the L1 cache.
const WORD_BITS: u32 = 16;

impl Default for WordSet {
    fn default() -> Self {
        WordSet {
            bits: vec![0; 1 << (WORD_BITS - 6)].into_boxed_slice(),
        }
    }
}

impl WordSet {
    fn insert(&mut self, word: &[u8]) {
        let key = word_key(word, 0, word.len());
        self.bits[key >> 6] |= 1 << (key & 63);
    }

    /// Whether the word `start..end` of `text` may be in the set.
    #[inline]
    fn may_contain(&self, text: &[u8], start: usize, end: usize) -> bool {
        self.has_key(word_key(text, start, end))
    }

    /// Whether a word with this [`word_key`] may be in the set.
    #[inline]
    fn has_key(&self, key: usize) -> bool {
        self.bits[key >> 6] & (1 << (key & 63)) != 0
    }
}

/// The hash of the length and the first eight bytes of the word `start..end` of `text`.
/// Reads eight bytes at once where the text has them (Fibonacci hashing).
#[inline]
fn word_key(text: &[u8], start: usize, end: usize) -> usize {
    let len = end - start;
    let head = match text.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        Some(&head) if len < 8 => u64::from_le_bytes(head) & ((1 << (8 * len)) - 1),
        Some(&head) => u64::from_le_bytes(head),
        None => {
            let mut head = [0u8; 8];
            head[..len].copy_from_slice(&text[start..end]);
            u64::from_le_bytes(head)
        }
    };
    let key = head ^ (len as u64).rotate_right(7);
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - WORD_BITS)) as usize
}

/// All patterns of one language, split by where they may start.
pub(super) struct Scanner {
    capitals: WordAnchor,
    /// Patterns starting with a lower-case letter.
    others: WordAnchor,
    /// Patterns starting with a joiner (`-topman`, `& Cie`).
    joined: Anchor,
    /// The non-word chars some pattern starts with (`-`, `&`).
    joiners: Vec<char>,
    /// Whether each ASCII char is one of them.
    ascii_joiners: [bool; 128],
    /// Cue nouns, byte-reversed, matched backwards from word ends.
    tails: Anchor,
    /// Whether there are cue nouns at all (French has none).
    has_tails: bool,
    /// Genitive endings of one-word names (`s` of `Shells winst`).
    genitives: Vec<String>,
}

impl Scanner {
    /// Splits and compiles the patterns; `genitives` are the endings a one-word name
    /// takes in the genitive (see [`Scanner::try_genitive`]).
    pub(super) fn new(patterns: Vec<(String, Kind)>, genitives: &[String]) -> Result<Self, String> {
        let (mut capitals, mut others, mut joined, mut tails) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut joiners = Vec::new();
        for (pattern, kind) in patterns {
            let Some(first) = pattern.chars().next() else {
                continue;
            };
            if starts_capital(first) {
                capitals.push((pattern, kind));
            } else if kind == Kind::CueNoun {
                tails.push((pattern.bytes().rev().collect(), kind));
            } else if names::is_word_char(first) {
                others.push((pattern, kind));
            } else {
                joiners.push(first);
                joined.push((pattern.into_bytes(), kind));
            }
        }
        joiners.sort_unstable();
        joiners.dedup();
        let mut ascii_joiners = [false; 128];
        for &c in joiners.iter().filter(|c| c.is_ascii()) {
            ascii_joiners[c as usize] = true;
        }
        Ok(Scanner {
            ascii_joiners,
            capitals: WordAnchor::new(capitals)?,
            others: WordAnchor::new(others)?,
            joined: compile(joined)?,
            joiners,
            has_tails: !tails.is_empty(),
            tails: compile(tails)?,
            genitives: genitives.to_vec(),
        })
    }

    /// Every match on the boundaries its kind needs, in text order, without overlaps
    /// (the earlier, then the longer match wins).
    pub(super) fn scan(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut covered = 0;
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            // A word's first char: its length and whether it opens a capitalized word.
            let (len, capital) = if is_word_byte(byte) {
                (1, byte.is_ascii_uppercase() || byte.is_ascii_digit())
            } else if byte.is_ascii() {
                if self.ascii_joiners[usize::from(byte & 0x7F)] && at >= covered {
                    self.try_joined(text, at, &mut covered, &mut hits);
                }
                at += 1;
                continue;
            } else {
                let c = names::char_at(text, at).unwrap_or(char::REPLACEMENT_CHARACTER);
                if !names::is_word_char(c) {
                    if at >= covered && self.joiners.contains(&c) {
                        self.try_joined(text, at, &mut covered, &mut hits);
                    }
                    at += c.len_utf8();
                    continue;
                }
                (c.len_utf8(), starts_capital(c))
            };
            let end = word_end(text, at + len);
            if at >= covered {
                let words = if capital {
                    &self.capitals
                } else {
                    &self.others
                };
                let hit = if words.may_start_with_word(text, at, end) {
                    try_at(text, &words.anchor, at)
                } else {
                    None
                };
                if let Some(hit) = hit.or_else(|| self.try_genitive(text, at, end, capital)) {
                    covered = hit.end;
                    hits.push(hit);
                }
            }
            if self.has_tails {
                self.try_tail(text, at, end, &mut hits);
            }
            at = end;
            // Most words end at a space, which starts no pattern: step over it here
            // rather than in a round of the loop.
            if bytes.get(at) == Some(&b' ') && !self.ascii_joiners[usize::from(b' ')] {
                at += 1;
            }
        }
        drop_overlaps(&mut hits, |h| (h.start, h.end));
        hits
    }

    /// A one-word known name in the capitalized word `start..end` with a genitive ending,
    /// before a lower-case word: `Shell` in `Shells winst`. The name must end in a
    /// lower-case letter (`KBC's` takes an apostrophe) and have three chars or more.
    fn try_genitive(&self, text: &str, start: usize, end: usize, capital: bool) -> Option<Hit> {
        if !capital || self.genitives.is_empty() {
            return None;
        }
        let next = text.get(end..)?.strip_prefix(' ')?.chars().next()?;
        if !next.is_lowercase() {
            return None;
        }
        let word = &text[start..end];
        let name_end = self.genitives.iter().find_map(|ending| {
            let name = word.strip_suffix(ending.as_str())?;
            let last = name.chars().next_back()?;
            (name.chars().nth(2).is_some() && last.is_lowercase()).then(|| start + name.len())
        })?;
        if !self
            .capitals
            .single
            .may_contain(text.as_bytes(), start, name_end)
        {
            return None;
        }
        let fits = |kind, n| start + n == name_end && matches!(kind, Kind::Company(..));
        let (kind, n) = self.capitals.anchor.longest(text.as_bytes(), start, fits)?;
        Some(Hit {
            kind,
            start,
            end: start + n,
        })
    }

    /// A pattern that starts with the joiner at `at` (`-topman`, `& Cie`).
    #[cold]
    fn try_joined(&self, text: &str, at: usize, covered: &mut usize, hits: &mut Vec<Hit>) {
        if let Some(hit) = try_at(text, &self.joined, at) {
            *covered = hit.end;
            hits.push(hit);
        }
    }

    /// A cue noun ending the word `start..end` (`bedrijf` in `softwarebedrijf`).
    fn try_tail(&self, text: &str, start: usize, end: usize, hits: &mut Vec<Hit>) {
        let floor = end - (end - start).min(MAX_TAIL);
        if end - floor < 3 {
            return;
        }
        let fits = |kind, n| {
            let hit_start = end - n;
            text.is_char_boundary(hit_start) && bounded(text, kind, hit_start, end)
        };
        if let Some((kind, n)) = self.tails.longest_before(text.as_bytes(), floor, end, fits) {
            hits.push(Hit {
                kind,
                start: end - n,
                end,
            });
        }
    }
}

/// Whether `byte` is an ASCII word char ([`names::is_word_char`]).
#[inline]
fn is_word_byte(byte: u8) -> bool {
    WORD_BYTES[usize::from(byte)]
}

/// The ASCII word chars, as a table: one load per byte in the scan loop.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric() || byte == b'_' as usize;
        byte += 1;
    }
    table
};

/// The end of the word whose chars continue at `at`.
#[inline(always)]
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Runs of ASCII word bytes in a tight loop ([`WORD_BYTES`] is false for
        // non-ASCII bytes); a non-ASCII char is decoded only where the run stops.
        let rest = bytes.get(at..).unwrap_or_default();
        at += rest.iter().take_while(|&&b| is_word_byte(b)).count();
        match bytes.get(at) {
            Some(byte) if !byte.is_ascii() => match names::char_at(text, at) {
                Some(c) if names::is_word_char(c) => at += c.len_utf8(),
                _ => return at,
            },
            _ => return at,
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
        scan_with(&patterns, text)
    }

    fn scan_with<'t>(patterns: &[(&str, Kind)], text: &'t str) -> Vec<(&'t str, Kind)> {
        let patterns = patterns.iter().map(|&(p, k)| (p.to_string(), k)).collect();
        let genitives = ["s".to_string()];
        let scanner = Scanner::new(patterns, &genitives).expect("patterns compile");
        scanner
            .scan(text)
            .into_iter()
            .map(|h| (&text[h.start..h.end], h.kind))
            .collect()
    }

    #[test]
    fn longer_patterns_need_their_first_two_words_and_the_gap() {
        let patterns = [
            ("de Volksbank", Kind::Company(0, false)),
            ("l'usine", Kind::Cue),
            ("a.s.r.", Kind::Company(1, false)),
            ("N.V.", Kind::Legal),
            ("Crédit Agricole", Kind::Company(2, false)),
        ];
        let text = "de la de  Volksbank de Volksbanken, de Volksbank; l'usine l usine a.s.r. \
                    Acme N.V. Crédit Agricole Crédit";
        assert_eq!(
            scan_with(&patterns, text),
            [
                ("de Volksbank", Kind::Company(0, false)),
                ("l'usine", Kind::Cue),
                ("a.s.r.", Kind::Company(1, false)),
                ("N.V.", Kind::Legal),
                ("Crédit Agricole", Kind::Company(2, false)),
            ]
        );
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
    fn genitive_ending_before_a_lower_case_word() {
        assert_eq!(
            found("Acmes winst, Acmes. Acmes Winst, Acmess winst, Xs winst"),
            [("Acme", Kind::Company(0, false))]
        );
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
