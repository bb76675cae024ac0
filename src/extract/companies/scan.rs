//! The one pass over the text that finds every pattern of the company engine.
//!
//! Patterns are only tried where they can start, anchored: capitalized ones (the
//! gazetteer) at words that start with a capital or a digit, lower-case cues at other
//! word starts, `-topman` tails at hyphens after a word, and cue nouns, which may end a
//! compound (`softwarebedrijf`), backwards from each word end. That touches a few bytes
//! per word instead of running a large automaton over every byte.

use super::{drop_overlaps, names, Hit, Kind};
use crate::extract::anchored;
use names::{char_before, on_word_boundaries};

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
    /// The first words of patterns: of one word (`Philips`, `N.V.`) in lane [`SINGLE`],
    /// of longer ones (`de` of `de Volksbank`) in lane [`MULTI`]. One set with two lanes
    /// answers the common case, a word that starts no pattern, with one load.
    first: WordSet<2>,
    /// The first word, the gap and the start of the second word of longer patterns
    /// (see [`pair_end`]).
    multi_pair: WordSet<1>,
    /// The longest gap between the first two words of a pattern, in bytes.
    max_gap: usize,
}

impl WordAnchor {
    fn new(patterns: Vec<(String, Kind)>) -> Result<Self, String> {
        let (mut first, mut multi_pair) = (WordSet::default(), WordSet::default());
        let mut max_gap = 0;
        for (pattern, _) in &patterns {
            let bytes = pattern.as_bytes();
            let first_end = word_end(pattern, 0);
            match pair_end(pattern, first_end, usize::MAX) {
                Some((second_start, end)) => {
                    first.insert(MULTI, &bytes[..first_end]);
                    multi_pair.insert(0, &bytes[..end]);
                    max_gap = max_gap.max(second_start - first_end);
                }
                None => first.insert(SINGLE, &bytes[..first_end]),
            }
        }
        let patterns = patterns
            .into_iter()
            .map(|(p, kind)| (p.into_bytes(), kind))
            .collect();
        Ok(WordAnchor {
            anchor: compile(patterns)?,
            first,
            multi_pair,
            max_gap,
        })
    }

    /// Whether some pattern may start with the word `start..end` of `text`, whose
    /// [`word_key`] is `key`.
    #[inline]
    fn may_start_with_word(&self, text: &str, start: usize, end: usize, key: usize) -> bool {
        let bytes = text.as_bytes();
        let [single, multi] = self.first.lanes(key);
        if single {
            return true;
        }
        multi
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
    // Most words are followed by one space and an ASCII letter: no loop, no call.
    if max_gap > 0 && bytes.get(end) == Some(&b' ') {
        if let Some(&next) = bytes.get(end + 1) {
            if is_word_byte(next) {
                return Some((end + 1, ascii_word_prefix_end(bytes, end + 1)));
            }
        }
    }
    pair_end_slow(text, end, max_gap)
}

/// [`pair_end`] for any gap.
#[inline(never)]
fn pair_end_slow(text: &str, end: usize, max_gap: usize) -> Option<(usize, usize)> {
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
    Some((at, ascii_word_prefix_end(bytes, at)))
}

/// The end of the run of ASCII word bytes at `at`, at most four bytes long.
#[inline]
fn ascii_word_prefix_end(bytes: &[u8], at: usize) -> usize {
    let limit = (at + 4).min(bytes.len());
    let mut stop = at;
    while stop < limit && is_word_byte(bytes[stop]) {
        stop += 1;
    }
    stop
}

/// `LANES` sets of words as bits of a hash of their length and first eight bytes, so
/// most words are rejected before any trie walk. The lanes of one hash share a cache line.
struct WordSet<const LANES: usize> {
    bits: Box<[[u64; LANES]; SET_WORDS]>,
}

/// Bits of a word's hash: 8 KB a lane, which stays in the L1 cache.
const WORD_BITS: u32 = 16;

/// The 64-bit words of one lane of a [`WordSet`]; a fixed size, so that indexing by a
/// [`word_key`] needs no bounds check.
const SET_WORDS: usize = 1 << (WORD_BITS - 6);

/// The lane of the first words of one-word patterns.
const SINGLE: usize = 0;

/// The lane of the first words of longer patterns.
const MULTI: usize = 1;

impl<const LANES: usize> Default for WordSet<LANES> {
    fn default() -> Self {
        WordSet {
            bits: Box::new([[0; LANES]; SET_WORDS]),
        }
    }
}

impl<const LANES: usize> WordSet<LANES> {
    fn insert(&mut self, lane: usize, word: &[u8]) {
        let key = word_key(word, 0, word.len());
        self.bits[key >> 6][lane] |= 1 << (key & 63);
    }

    /// Whether the word `start..end` of `text` may be in the first lane.
    #[inline]
    fn may_contain(&self, text: &[u8], start: usize, end: usize) -> bool {
        self.lanes(word_key(text, start, end))[0]
    }

    /// Whether a word with this [`word_key`] may be in each lane.
    #[inline]
    fn lanes(&self, key: usize) -> [bool; LANES] {
        let bit = 1 << (key & 63);
        self.bits[key >> 6].map(|word| word & bit != 0)
    }
}

/// The hash of the length and the first eight bytes of the word `start..end` of `text`.
/// Reads eight bytes at once where the text has them (Fibonacci hashing).
#[inline]
fn word_key(text: &[u8], start: usize, end: usize) -> usize {
    let head = match text.get(start..).and_then(<[u8]>::first_chunk::<8>) {
        Some(&head) => u64::from_le_bytes(head),
        None => {
            let mut head = [0u8; 8];
            head[..end - start].copy_from_slice(&text[start..end]);
            u64::from_le_bytes(head)
        }
    };
    key_of(head, end - start)
}

/// The [`word_key`] of a word of `len` bytes whose first eight bytes, followed by any
/// bytes when it is shorter, are `head` (little-endian).
#[inline]
fn key_of(head: u64, len: usize) -> usize {
    let head = if len < 8 {
        head & !(u64::MAX << (8 * len))
    } else {
        head
    };
    hash_key(head, len)
}

/// The [`word_key`] of a word of `len` bytes whose first eight bytes, zero-padded, are
/// `head`.
#[inline]
fn hash_key(head: u64, len: usize) -> usize {
    let key = head ^ (len as u64).rotate_right(7);
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - WORD_BITS)) as usize
}

/// The end of the word at `start`, whose first char is `first_len` bytes long, and its
/// [`word_key`]: for most words one eight-byte load gives both.
#[inline(always)]
fn word_span(text: &str, start: usize, first_len: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let Some(chunk) = bytes.get(start..).and_then(<[u8]>::first_chunk::<8>) else {
        let end = word_end(text, start + first_len);
        return (end, word_key(bytes, start, end));
    };
    let head = u64::from_le_bytes(*chunk);
    // The run of ASCII word bytes the word opens with (none when its first char is not
    // ASCII); an ASCII byte ends the word there, a non-ASCII one may continue it.
    let run = (non_alphanumeric_bytes(head).trailing_zeros() / 8) as usize;
    if let Some(&stop) = chunk.get(run) {
        if run >= first_len && ENDS_WORD[usize::from(stop)] {
            // `run` < 8: the word is the bytes below the stop.
            return (start + run, hash_key(head & !(u64::MAX << (8 * run)), run));
        }
    }
    let end = word_end(text, start + run.max(first_len));
    (end, key_of(head, end - start))
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
    /// Whether a word ending in each byte may end in a genitive ending.
    genitive_last_bytes: [bool; 256],
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
            genitive_last_bytes: last_bytes(genitives),
        })
    }

    /// Every match on the boundaries its kind needs, in text order, without overlaps
    /// (the earlier, then the longer match wins).
    #[inline(never)]
    pub(super) fn scan(&self, text: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut covered = 0;
        let bytes = text.as_bytes();
        let skip_space = !self.ascii_joiners[usize::from(b' ')];
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            // A word's first char: its length and whether it opens a capitalized word.
            let class = BYTE_CLASS[usize::from(byte)];
            let (len, capital) = if class != NOT_WORD {
                (1, class == CAPITAL)
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
            let (end, key) = word_span(text, at, len);
            if at >= covered {
                let words = if capital {
                    &self.capitals
                } else {
                    &self.others
                };
                let hit = if words.may_start_with_word(text, at, end, key) {
                    try_at(text, &words.anchor, at)
                } else {
                    None
                };
                let genitive = || {
                    let gated = capital
                        && bytes.get(end) == Some(&b' ')
                        && self.genitive_last_bytes[usize::from(bytes[end - 1])];
                    gated.then(|| self.try_genitive(text, at, end)).flatten()
                };
                if let Some(hit) = hit.or_else(genitive) {
                    covered = hit.end;
                    hits.push(hit);
                }
            }
            // A cue noun has three bytes or more; its last two bytes are checked here,
            // where they are at hand.
            if self.has_tails
                && end - at >= 3
                && self
                    .tails
                    .may_start_with_pair(bytes[end - 1], bytes[end - 2])
            {
                self.try_tail(text, at, end, &mut hits);
            }
            at = end;
            // Most words end at a space, which starts no pattern: step over it here
            // rather than in a round of the loop.
            if skip_space && bytes.get(at) == Some(&b' ') {
                at += 1;
            }
        }
        drop_overlaps(&mut hits, |h| (h.start, h.end));
        hits
    }

    /// A one-word known name in the capitalized word `start..end` with a genitive ending,
    /// before a lower-case word: `Shell` in `Shells winst`. The name must end in a
    /// lower-case letter (`KBC's` takes an apostrophe) and have three chars or more.
    #[inline(never)]
    fn try_genitive(&self, text: &str, start: usize, end: usize) -> Option<Hit> {
        if self.genitives.is_empty() {
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
        let key = word_key(text.as_bytes(), start, name_end);
        if !self.capitals.first.lanes(key)[SINGLE] {
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
    #[inline(never)]
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

/// Whether a word ending in each byte may end in one of `endings` (every byte when one
/// is empty).
fn last_bytes(endings: &[String]) -> [bool; 256] {
    let mut table = [false; 256];
    for ending in endings {
        match ending.as_bytes().last() {
            Some(&last) => table[usize::from(last)] = true,
            None => table = [true; 256],
        }
    }
    table
}

/// Whether `byte` is an ASCII word char ([`names::is_word_char`]).
#[inline]
fn is_word_byte(byte: u8) -> bool {
    BYTE_CLASS[usize::from(byte)] != NOT_WORD
}

/// [`BYTE_CLASS`] of bytes that are no ASCII word char (non-ASCII bytes included).
const NOT_WORD: u8 = 0;
/// [`BYTE_CLASS`] of ASCII word chars that open no capitalized word.
const LOWER: u8 = 1;
/// [`BYTE_CLASS`] of ASCII capitals and digits, which may open a capitalized pattern.
const CAPITAL: u8 = 2;

/// The class of each byte, as a table: one load per byte in the scan loop tells both
/// whether a word starts and whether it is capitalized.
static BYTE_CLASS: [u8; 256] = {
    let mut table = [NOT_WORD; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = if b.is_ascii_uppercase() || b.is_ascii_digit() {
            CAPITAL
        } else if b.is_ascii_lowercase() || b == b'_' {
            LOWER
        } else {
            NOT_WORD
        };
        byte += 1;
    }
    table
};

/// The ASCII bytes that are no word char: a word that reaches one ends there.
static ENDS_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = BYTE_CLASS[byte] == NOT_WORD;
        byte += 1;
    }
    table
};

/// Each byte's high bit of `x` (eight text bytes, little-endian) set where the byte is
/// no ASCII letter or digit, `_` included (rare in text: the callers step over it):
/// digits and letters (folded to lower case) tested as byte ranges on the low seven bits
/// at once, without carries between bytes (SWAR).
#[inline]
fn non_alphanumeric_bytes(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x80 * ONES;
    let low = x & !HIGH;
    // High bit set where the byte is at least `lo`, or more than `hi` (bytes <= 0x7F).
    let at_least = |v: u64, lo: u64| v + (0x80 - lo) * ONES;
    let above = |v: u64, hi: u64| v + (0x7F - hi) * ONES;
    let digit = at_least(low, 0x30) & !above(low, 0x39);
    let folded = low | (0x20 * ONES);
    let letter = at_least(folded, 0x61) & !above(folded, 0x7A);
    let alphanumeric = (digit | letter) & !x & HIGH;
    !alphanumeric & HIGH
}

/// The end of the run of ASCII word bytes at `at`: eight bytes a step where the text has
/// them.
#[inline(always)]
fn ascii_word_run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let stops = non_alphanumeric_bytes(u64::from_le_bytes(*chunk));
        if stops == 0 {
            at += 8;
            continue;
        }
        let stop = (stops.trailing_zeros() / 8) as usize;
        if chunk[stop] != b'_' {
            return at + stop;
        }
        at += stop + 1;
    }
    let rest = bytes.get(at..).unwrap_or_default();
    at + rest.iter().take_while(|&&b| is_word_byte(b)).count()
}

/// The end of the word whose chars continue at `at`.
#[inline(always)]
fn word_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Runs of ASCII word bytes at once; a non-ASCII char is decoded only where the
        // run stops.
        at = ascii_word_run_end(bytes, at);
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

/// Whether `c` may open a capitalized pattern (a name, `3M`).
fn starts_capital(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit()
}

/// Whether a match of `kind` at `start..end` sits on the word boundaries it needs.
fn bounded(text: &str, kind: Kind, start: usize, end: usize) -> bool {
    let right = !names::char_at(text, end).is_some_and(names::is_word_char);
    match kind {
        Kind::CueNoun => right && !char_before(text, start).is_some_and(char::is_uppercase),
        Kind::Suffix => right && char_before(text, start).is_some_and(names::is_word_char),
        _ => on_word_boundaries(text, start, end),
    }
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
    fn eight_byte_word_runs_agree_with_the_byte_table() {
        // Every byte value at every position of a chunk of word bytes, and of one of
        // non-word bytes.
        for filler in [b'a', b' '] {
            for value in 0..=255u8 {
                for position in 0..8 {
                    let mut chunk = [filler; 8];
                    chunk[position] = value;
                    let stops = non_alphanumeric_bytes(u64::from_le_bytes(chunk));
                    for (k, &b) in chunk.iter().enumerate() {
                        let stop = stops >> (8 * k + 7) & 1 == 1;
                        assert_eq!(stop, !b.is_ascii_alphanumeric(), "byte {b:#x} in {chunk:?}");
                    }
                    assert_eq!(stops & !0x8080_8080_8080_8080, 0);
                }
            }
        }
        let text = "Snel_ste9 x";
        assert_eq!(ascii_word_run_end(text.as_bytes(), 0), 9);
        assert_eq!(ascii_word_run_end(b"a_b_c_d_e_f_g h", 0), 13);
        assert_eq!(word_span("a_b_c_d_e_f_g h", 0, 1).0, 13);
        assert_eq!(word_span("ab_c d e f g h", 0, 1).0, 4);
        assert_eq!(word_span("abc déf gh", 0, 1).0, 3);
        assert_eq!(word_span("abcdé fghij", 0, 1).0, 6);
        assert_eq!(word_span("Écoles et", 0, 2).0, "Écoles".len());
        assert_eq!(word_span("X", 0, 1), (1, word_key(b"X", 0, 1)));
        // The key from the chunk is the key of the word's bytes alone.
        let text = "Acme, la Acmes";
        assert_eq!(word_span(text, 0, 1), (4, word_key(b"Acme", 0, 4)));
        assert_eq!(ascii_word_run_end(b"abcdefghijkl", 3), 12);
        assert_eq!(word_end("Société x", 0), "Société".len());
        assert_eq!(word_end("a’b", 0), 1);
        assert_eq!(word_end("ab", 2), 2);
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
