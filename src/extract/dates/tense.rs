//! The tense of the sentence around a date, from per-language cue lists (`[tense]` in
//! `src/lang/<code>/dates.toml`). As in HeidelTime's news strategy, it picks the year
//! of a yearless month or day: past tense the most recent occurrence, future tense the
//! next one. Only the nearest cue counts; without one the anchor's year stays.

use rustc_hash::FxHashMap;
use serde::Deserialize;
use smol_str::{SmolStr, StrExt};

/// How far around a date the sentence is looked at, in bytes.
const REACH: usize = 320;

/// The tense of a sentence, as far as the cues tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// A past verb form (`werd`, `a chuté`).
    Past,
    /// A future verb form (`zal`, `sera`, `va baisser`).
    Future,
    /// No cue, a neutral one (`gepland`, `prévu`) or conflicting ones.
    Unknown,
}

/// The raw tense cues of one language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenseLexicon {
    /// Finite past forms (`was`, `werden`, `était`).
    #[serde(default)]
    pub past: Vec<String>,
    /// Finite future forms (`zal`, `sera`).
    #[serde(default)]
    pub future: Vec<String>,
    /// Endings of future forms (`-era`, `-ront`), for lowercase words of 5+ letters.
    #[serde(default)]
    pub future_endings: Vec<String>,
    /// Words that are no future form despite their ending (`front`).
    #[serde(default)]
    pub not_future: Vec<String>,
    /// Endings of past forms (`-aient`, `-èrent`), for lowercase words of 5+ letters.
    #[serde(default)]
    pub past_endings: Vec<String>,
    /// Words that are no past form despite their ending (`conditionnel -raient`).
    #[serde(default)]
    pub not_past: Vec<String>,
    /// Verbs that make a future with an infinitive (`gaat`, `va`).
    #[serde(default)]
    pub going_to: Vec<String>,
    /// Endings of infinitives (`-en`, `-er`).
    #[serde(default)]
    pub infinitive_endings: Vec<String>,
    /// Auxiliaries that make a past with a participle (`heeft`, `ont`).
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Auxiliaries that make a past only after a reflexive pronoun (French `s'est tenu`;
    /// `est prévu` alone is a present passive).
    #[serde(default)]
    pub reflexive_auxiliaries: Vec<String>,
    /// Reflexive pronouns before those (`s`, `se`).
    #[serde(default)]
    pub reflexive_pronouns: Vec<String>,
    /// Whether the participle must follow its auxiliary directly (French `a chuté`),
    /// rather than anywhere in the sentence (Dutch `is in maart gestegen`).
    #[serde(default)]
    pub participle_follows: bool,
    /// Words allowed between an auxiliary or `going_to` verb and its verb (`pas`, `déjà`).
    #[serde(default)]
    pub adverbs: Vec<String>,
    /// Participle prefixes (`ge`, `aange`); empty: any.
    #[serde(default)]
    pub participle_prefixes: Vec<String>,
    /// Participle endings (`d`, `t`, `é`, `is`).
    #[serde(default)]
    pub participle_endings: Vec<String>,
    /// Participles of other shapes (`gestegen`, `ouvert`).
    #[serde(default)]
    pub participles: Vec<String>,
    /// Words of participle shape that are none (`gebied`, `aussi`).
    #[serde(default)]
    pub not_participles: Vec<String>,
    /// Reporting verbs (`zei`, `a indiqué`): the time of the telling, not of the told,
    /// so they count only in the date's own clause (`en mars, a-t-il dit` does not).
    #[serde(default)]
    pub reporting: Vec<String>,
    /// Verbs of plans, whose time is open (`gepland`, `prévu`): the nearest cue says nothing.
    #[serde(default)]
    pub neutral: Vec<String>,
    /// Words that open a subordinate or relative clause (`dat`, `omdat`, `que`, `où`): a
    /// date after one follows its own clause's tense (`heeft aangekondigd dat de fabriek
    /// in september sluit`), the main clause's only when its own has no cue.
    #[serde(default)]
    pub clause_openers: Vec<String>,
    /// Prepositions that make a bare year the time of its sentence (`in 2022`, `en
    /// 2019`), unlike a year that names a topic (`de cijfers over 2022`).
    #[serde(default)]
    pub year_prepositions: Vec<String>,
}

/// The compiled tense cues of one language.
#[derive(Debug, Default)]
pub struct TenseCues {
    /// Every listed word with all its roles, so a sentence word is looked up once.
    classes: FxHashMap<String, Class>,
    lex: TenseLexicon,
    /// The ending and prefix lists, with byte gates (`lex`'s lists, compiled).
    future_endings: Affixes,
    past_endings: Affixes,
    infinitive_endings: Affixes,
    participle_endings: Affixes,
    participle_prefixes: Affixes,
    /// Whether any cue word or auxiliary is listed at all.
    has_cues: bool,
}

/// Endings or prefixes of words, with a bit set of their last (or first) bytes: most
/// words are turned away by one bit test, the rest compared without a call.
#[derive(Debug, Default)]
struct Affixes {
    list: Vec<String>,
    /// The bytes the affixes end with (endings) or begin with (prefixes).
    edge_bytes: [u64; 4],
}

impl Affixes {
    fn endings(list: &[String]) -> Affixes {
        Affixes::new(list, |a| a.as_bytes().last().copied())
    }

    fn prefixes(list: &[String]) -> Affixes {
        Affixes::new(list, |a| a.as_bytes().first().copied())
    }

    fn new(list: &[String], edge: impl Fn(&str) -> Option<u8>) -> Affixes {
        let mut edge_bytes = [0; 4];
        for b in list.iter().filter_map(|a| edge(a)) {
            edge_bytes[usize::from(b >> 6)] |= 1u64 << (b & 63);
        }
        Affixes {
            list: list.to_vec(),
            edge_bytes,
        }
    }

    fn has_edge(&self, b: Option<&u8>) -> bool {
        b.is_some_and(|&b| self.edge_bytes[usize::from(b >> 6)] & (1u64 << (b & 63)) != 0)
    }

    /// Whether `word` ends with one of the affixes (an empty one matches any word).
    fn ends(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if !self.has_edge(bytes.last()) && !self.list.iter().any(String::is_empty) {
            return false;
        }
        self.list.iter().any(|a| {
            bytes.len() >= a.len() && same_bytes(&bytes[bytes.len() - a.len()..], a.as_bytes())
        })
    }

    /// Whether `word` begins with one of the affixes and has at least `rest` bytes after it.
    fn begins(&self, word: &str, rest: usize) -> bool {
        let bytes = word.as_bytes();
        if !self.has_edge(bytes.first()) && !self.list.iter().any(String::is_empty) {
            return false;
        }
        self.list
            .iter()
            .any(|a| bytes.len() >= a.len() + rest && same_bytes(&bytes[..a.len()], a.as_bytes()))
    }
}

/// Byte equality of two short slices of equal length, in line (no `memcmp` call).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// The roles of one listed word: its tense as a cue word and its list memberships.
#[derive(Debug, Default, Clone, Copy)]
struct Class {
    tense: Option<Tense>,
    roles: u16,
}

const AUXILIARY: u16 = 1;
const GOING_TO: u16 = 1 << 1;
const ADVERB: u16 = 1 << 2;
const PARTICIPLE: u16 = 1 << 3;
const NOT_PARTICIPLE: u16 = 1 << 4;
const REPORTING: u16 = 1 << 5;
const REFLEXIVE_AUXILIARY: u16 = 1 << 6;
const REFLEXIVE_PRONOUN: u16 = 1 << 7;
const NOT_PAST: u16 = 1 << 8;
const NOT_FUTURE: u16 = 1 << 9;
const CLAUSE_OPENER: u16 = 1 << 10;
const YEAR_PREPOSITION: u16 = 1 << 11;

/// One word of a sentence: its lowercase form, byte range, whether it was lowercase,
/// and its roles in the cue lists.
struct Word<'t> {
    folded: Folded<'t>,
    start: usize,
    end: usize,
    lowercase: bool,
    class: Class,
}

/// A word's lowercase form: the text itself for ASCII lowercase words (most of them), else
/// a [`SmolStr`] (inline up to 23 bytes, so no heap per word).
enum Folded<'t> {
    Text(&'t str),
    Lowered(SmolStr),
}

impl std::ops::Deref for Folded<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Folded::Text(word) => word,
            Folded::Lowered(word) => word,
        }
    }
}

impl Word<'_> {
    fn is(&self, role: u16) -> bool {
        self.class.roles & role != 0
    }
}

impl TenseCues {
    /// Compiles the cue lists.
    pub fn new(lex: &TenseLexicon) -> TenseCues {
        let mut classes: FxHashMap<String, Class> = FxHashMap::default();
        // Later lists win a word's tense: a neutral word stays neutral.
        for (list, tense) in [
            (&lex.past, Tense::Past),
            (&lex.future, Tense::Future),
            (&lex.neutral, Tense::Unknown),
        ] {
            for w in list {
                classes.entry(w.to_lowercase()).or_default().tense = Some(tense);
            }
        }
        let roles = [
            (&lex.auxiliaries, AUXILIARY),
            (&lex.going_to, GOING_TO),
            (&lex.adverbs, ADVERB),
            (&lex.participles, PARTICIPLE),
            (&lex.not_participles, NOT_PARTICIPLE),
            (&lex.reporting, REPORTING),
            (&lex.reflexive_auxiliaries, REFLEXIVE_AUXILIARY),
            (&lex.reflexive_pronouns, REFLEXIVE_PRONOUN),
            (&lex.not_past, NOT_PAST),
            (&lex.not_future, NOT_FUTURE),
            (&lex.clause_openers, CLAUSE_OPENER),
            (&lex.year_prepositions, YEAR_PREPOSITION),
        ];
        for (list, role) in roles {
            for w in list {
                classes.entry(w.to_lowercase()).or_default().roles |= role;
            }
        }
        TenseCues {
            classes,
            future_endings: Affixes::endings(&lex.future_endings),
            past_endings: Affixes::endings(&lex.past_endings),
            infinitive_endings: Affixes::endings(&lex.infinitive_endings),
            participle_endings: Affixes::endings(&lex.participle_endings),
            participle_prefixes: Affixes::prefixes(&lex.participle_prefixes),
            has_cues: !(lex.past.is_empty()
                && lex.future.is_empty()
                && lex.neutral.is_empty()
                && lex.auxiliaries.is_empty()),
            lex: lex.clone(),
        }
    }

    /// The tense of the sentence around `text[start..end]`, told by the cue nearest to it,
    /// preferring cues in the date's own clause (`gepland in december, zei hij`). Words
    /// are tried nearest first, so the search stops at the first cue.
    pub fn tense_at(&self, text: &str, start: usize, end: usize) -> Tense {
        if !self.has_cues {
            return Tense::Unknown;
        }
        let sentence = Sentence::around(text, start, end, &self.classes);
        let words = &sentence.words;
        let has_auxiliary = words.iter().any(|w| w.is(AUXILIARY));
        // The clause's words are the last ones before the date and the first ones after.
        let before = words.partition_point(|w| w.end <= start);
        let clause_from = words[..before].partition_point(|w| w.start < sentence.clause.0);
        let clause_to = before + words[before..].partition_point(|w| w.end <= sentence.clause.1);
        // A clause opener between the marks starts (or ends) the date's clause too.
        let opener = words[clause_from..before]
            .iter()
            .rposition(|w| w.is(CLAUSE_OPENER));
        let clause_from = opener.map_or(clause_from, |i| clause_from + i);
        let clause_to = words[before..clause_to]
            .iter()
            .position(|w| w.is(CLAUSE_OPENER))
            .map_or(clause_to, |i| before + i);
        let in_clause = Sides {
            before: clause_from..before,
            after: before..clause_to,
        };
        // Outside the clause (whose words hold no cue by then), reporting verbs do not
        // count (`en mars, a-t-il dit`; `a annoncé que l'usine ferme en septembre`), but
        // for one just before a date that opens its clause after a comma (`a annoncé,
        // mi-décembre, une aide`, `a déclaré le ministre, lundi sur RTL`).
        let outside = Sides {
            before: 0..clause_from,
            after: clause_to..words.len(),
        };
        let opens_clause = opener.is_none() && clause_from == before;
        let skip_reporting = |i: usize| !opens_clause || i >= before;
        self.nearest_cue(&sentence, has_auxiliary, in_clause, |_| false)
            .or_else(|| self.nearest_cue(&sentence, has_auxiliary, outside, skip_reporting))
            .unwrap_or(Tense::Unknown)
    }

    /// Whether the year stated by the date at `text[start..]` is the time of the rest of
    /// its sentence: it opens the sentence, alone or after a year preposition (`In 2022
    /// steeg de omzet, in april daalde ze`, `Vorig jaar stemde de Kamer in maart in`), as
    /// a fronted adverbial does. A year further on may belong to a noun or an inserted
    /// clause only (`De in 1998 opgerichte band speelt op 9 juni`).
    pub fn states_sentence_year(&self, text: &str, start: usize) -> bool {
        let from = sentence_start(text, start);
        let mut words = Vec::new();
        collect_words(text, from, start, &self.classes, &mut words);
        words.iter().all(|w| w.is(YEAR_PREPOSITION))
    }

    /// Whether `text[from..to]` holds no sentence end (bounded: far apart is apart).
    pub fn same_sentence(text: &str, from: usize, to: usize) -> bool {
        let Some(between) = text.get(from..to).filter(|b| b.len() <= REACH) else {
            return false;
        };
        !between
            .bytes()
            .enumerate()
            .any(|(i, b)| is_stop_byte(b) && ends_sentence_at(between, i))
    }

    /// The tense of the cue nearest the date among the words of `sides`, tried nearest
    /// first, leaving out reporting verbs at the indices `skip_reporting` picks; equally
    /// near cues that disagree tell nothing.
    fn nearest_cue(
        &self,
        sentence: &Sentence<'_>,
        has_auxiliary: bool,
        mut sides: Sides,
        skip_reporting: impl Fn(usize) -> bool,
    ) -> Option<Tense> {
        let words = &sentence.words;
        let cue = |i: usize| {
            self.cue_of(words, i, has_auxiliary)
                .filter(|_| !(words[i].is(REPORTING) && skip_reporting(i)))
        };
        loop {
            let left = sides.before.clone().next_back();
            let right = sides.after.clone().next();
            let (left, right) = match (left, right) {
                (None, None) => return None,
                (Some(l), Some(r)) => match sentence.distance(l).cmp(&sentence.distance(r)) {
                    std::cmp::Ordering::Less => (Some(l), None),
                    std::cmp::Ordering::Greater => (None, Some(r)),
                    std::cmp::Ordering::Equal => (Some(l), Some(r)),
                },
                sides => sides,
            };
            if left.is_some() {
                sides.before.next_back();
            }
            if right.is_some() {
                sides.after.next();
            }
            match (left.and_then(cue), right.and_then(cue)) {
                (Some(a), Some(b)) if a != b => return Some(Tense::Unknown),
                (Some(t), _) | (None, Some(t)) => return Some(t),
                (None, None) => {}
            }
        }
    }

    /// The tense the word at `i` tells, if it is a cue.
    fn cue_of(&self, words: &[Word<'_>], i: usize, has_auxiliary: bool) -> Option<Tense> {
        let w = &words[i];
        if let Some(tense) = w.class.tense {
            Some(tense)
        } else if w.is(GOING_TO) && self.infinitive_after(words, i) {
            Some(Tense::Future)
        } else if self.is_participle(w) && self.auxiliary_for(words, i, has_auxiliary) {
            Some(Tense::Past)
        } else if w.lowercase && w.folded.chars().count() >= 5 {
            if self.future_endings.ends(&w.folded) && !w.is(NOT_FUTURE) {
                Some(Tense::Future)
            } else if self.past_endings.ends(&w.folded) && !w.is(NOT_PAST) {
                Some(Tense::Past)
            } else {
                None
            }
        } else {
            None
        }
    }

    /// Whether an infinitive follows the `going_to` verb at `i`.
    fn infinitive_after(&self, words: &[Word<'_>], i: usize) -> bool {
        let is_infinitive = |w: &Word<'_>| w.lowercase && self.infinitive_endings.ends(&w.folded);
        if self.lex.participle_follows {
            self.next_verb(words, i).is_some_and(is_infinitive)
        } else {
            words[i + 1..].iter().any(is_infinitive)
        }
    }

    /// The word after `i`, past the adverbs.
    fn next_verb<'w, 't>(&self, words: &'w [Word<'t>], i: usize) -> Option<&'w Word<'t>> {
        words[i + 1..].iter().find(|w| !w.is(ADVERB))
    }

    /// Whether the participle at `i` has its auxiliary.
    fn auxiliary_for(&self, words: &[Word<'_>], i: usize, has_auxiliary: bool) -> bool {
        if !self.lex.participle_follows {
            return has_auxiliary;
        }
        let Some(at) = words[..i].iter().rposition(|w| !w.is(ADVERB)) else {
            return false;
        };
        let auxiliary = &words[at];
        auxiliary.is(AUXILIARY)
            || (auxiliary.is(REFLEXIVE_AUXILIARY) && at > 0 && words[at - 1].is(REFLEXIVE_PRONOUN))
    }

    /// Whether a word has the shape of a past participle.
    fn is_participle(&self, w: &Word<'_>) -> bool {
        if w.is(PARTICIPLE) {
            return true;
        }
        if !w.lowercase || w.is(NOT_PARTICIPLE) {
            return false;
        }
        // The ending first: one bit test turns most words away.
        self.participle_endings.ends(&w.folded)
            && (self.lex.participle_prefixes.is_empty()
                || self.participle_prefixes.begins(&w.folded, 3))
    }
}

/// Word indices on each side of a date: `before` is searched from its end, `after` from
/// its start.
struct Sides {
    before: std::ops::Range<usize>,
    after: std::ops::Range<usize>,
}

/// The words of the sentence holding a date, without the date's own words: the
/// sentence ends at `.`, `!` or `?` before a space, and at a line break.
struct Sentence<'t> {
    words: Vec<Word<'t>>,
    /// The date's byte range.
    start: usize,
    end: usize,
    /// The byte range of the date's clause (between `,`, `;`, `:` or brackets).
    clause: (usize, usize),
}

impl<'t> Sentence<'t> {
    fn around(
        text: &'t str,
        start: usize,
        end: usize,
        classes: &FxHashMap<String, Class>,
    ) -> Sentence<'t> {
        let to = floor_boundary(text, end.saturating_add(REACH).min(text.len()));
        let after = &text[end..to];
        let sentence_start = sentence_start(text, start);
        let sentence_end = after
            .bytes()
            .enumerate()
            .find(|&(i, b)| is_stop_byte(b) && ends_sentence_at(after, i))
            .map_or(to, |(i, _)| end + i);
        let clause_start = text.as_bytes()[sentence_start..start]
            .iter()
            .rposition(|&b| is_clause_mark(b))
            .map_or(sentence_start, |i| sentence_start + i);
        let clause_end = text.as_bytes()[end..sentence_end]
            .iter()
            .position(|&b| is_clause_mark(b))
            .map_or(sentence_end, |i| end + i);
        let mut words = Vec::with_capacity((sentence_end - sentence_start) / 4);
        collect_words(text, sentence_start, start, classes, &mut words);
        collect_words(text, end, sentence_end, classes, &mut words);
        Sentence {
            words,
            start,
            end,
            clause: (clause_start, clause_end),
        }
    }

    /// The distance in bytes from word `i` to the date.
    fn distance(&self, i: usize) -> usize {
        let w = &self.words[i];
        if w.end <= self.start {
            self.start - w.end
        } else {
            w.start.saturating_sub(self.end)
        }
    }
}

/// The start of the sentence holding `text[start..]`, looked for up to [`REACH`] back.
fn sentence_start(text: &str, start: usize) -> usize {
    let from = floor_boundary(text, start.saturating_sub(REACH));
    let before = &text[from..start];
    // The marks are ASCII, so they are found by byte: a byte below 0x80 is a whole char.
    before
        .bytes()
        .enumerate()
        .rev()
        .find(|&(i, b)| is_stop_byte(b) && ends_sentence_at(before, i))
        .map_or(from, |(i, _)| from + i + 1)
}

fn is_clause_mark(b: u8) -> bool {
    matches!(b, b',' | b';' | b':' | b'(' | b')')
}

/// The length of the char whose UTF-8 encoding starts with `lead`.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Whether `b` may end a sentence (a line break or a stop mark): the cheap test before
/// [`ends_sentence_at`].
#[inline]
fn is_stop_byte(b: u8) -> bool {
    matches!(b, b'\n' | b'.' | b'!' | b'?')
}

/// Whether the byte at `i` of `text` ends a sentence: a line break, or a stop mark
/// that [`ends_sentence`] accepts.
fn ends_sentence_at(text: &str, i: usize) -> bool {
    match text.as_bytes()[i] {
        b'\n' => true,
        b'.' | b'!' | b'?' => ends_sentence(&text[i + 1..]),
        _ => false,
    }
}

/// Whether a stop mark followed by `rest` ends a sentence (`1.500` and `d.w.z.` do not;
/// closing quotes and brackets may come between: `zei hij."`).
fn ends_sentence(rest: &str) -> bool {
    rest.chars()
        .find(|&c| !matches!(c, '"' | '\'' | '’' | '”' | '»' | ')'))
        .is_none_or(char::is_whitespace)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The alphabetic words of `text[from..to]` (apostrophes and hyphens split them). ASCII
/// bytes (most of the text) are classified without decoding a char.
fn collect_words<'t>(
    text: &'t str,
    from: usize,
    to: usize,
    classes: &FxHashMap<String, Class>,
    words: &mut Vec<Word<'t>>,
) {
    let bytes = text.as_bytes();
    // The letter at `at` (< `to`, a char boundary) and its length; `None` for others.
    let letter_at = |at: usize| match bytes[at] {
        b if b.is_ascii() => b.is_ascii_alphabetic().then_some((char::from(b), 1)),
        _ => text[at..]
            .chars()
            .next()
            .filter(|c| c.is_alphabetic())
            .map(|c| (c, c.len_utf8())),
    };
    let mut at = from;
    while at < to {
        let Some((_, len)) = letter_at(at) else {
            at += utf8_len(bytes[at]);
            continue;
        };
        let start = at;
        let mut ascii_lower = bytes[at].is_ascii_lowercase();
        at += len;
        while at < to {
            match letter_at(at) {
                Some((c, len)) => {
                    ascii_lower &= c.is_ascii_lowercase();
                    at += len;
                }
                None => break,
            }
        }
        let word = &text[start..at];
        // Most words are ASCII lowercase: no case mapping to run.
        let folded = if ascii_lower {
            Folded::Text(word)
        } else {
            Folded::Lowered(word.to_lowercase_smolstr())
        };
        words.push(Word {
            class: classes.get(&*folded).copied().unwrap_or_default(),
            folded,
            start,
            end: at,
            lowercase: ascii_lower || !word.chars().any(char::is_uppercase),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(cues: &TenseCues, text: &str, date: &str) -> Tense {
        let start = text.find(date).unwrap_or(text.len());
        cues.tense_at(text, start, start + date.len())
    }

    /// Checks the tense of `maart` in each sentence.
    fn assert_tenses(cues: &TenseCues, expected: &[(&str, Tense)]) {
        for &(text, tense) in expected {
            assert_eq!(tense_of(cues, text, "maart"), tense, "{text}");
        }
    }

    #[test]
    fn a_word_in_several_lists_keeps_every_role() {
        let cues = TenseCues::new(&TenseLexicon {
            past: vec!["Gepland".into()],
            future: vec!["zal".into()],
            neutral: vec!["gepland".into()],
            auxiliaries: vec!["heeft".into()],
            participle_prefixes: vec!["ge".into()],
            participle_endings: vec!["d".into(), "t".into()],
            reporting: vec!["heeft".into()],
            ..TenseLexicon::default()
        });
        let expected = [
            // The neutral list wins the tense of a word listed as past too.
            ("Het is gepland in maart.", Tense::Unknown),
            ("Hij zal in maart komen.", Tense::Future),
            // A reporting auxiliary is still an auxiliary for the participle.
            ("Hij heeft in maart gewerkt.", Tense::Past),
            ("Hij werkte in maart.", Tense::Unknown),
        ];
        assert_tenses(&cues, &expected);
    }

    #[test]
    fn the_nearest_cue_decides_and_the_own_clause_first() {
        let cues = TenseCues::new(&TenseLexicon {
            past: vec!["werd".into(), "zei".into()],
            future: vec!["zal".into()],
            reporting: vec!["zei".into()],
            ..TenseLexicon::default()
        });
        let expected = [
            (
                "Het werd later bekend dat het zal dalen in maart.",
                Tense::Future,
            ),
            ("Het zal zeker dalen en werd in maart bekend.", Tense::Past),
            // Equally near cues that disagree tell nothing.
            ("Het werd maart zal het.", Tense::Unknown),
            // The date's own clause wins over a nearer cue beyond a comma.
            ("Het werd gezegd, vanaf maart zal het dalen.", Tense::Future),
            // Outside the clause, the nearest cue counts, but not a reporting verb.
            ("Het zal dalen, in maart.", Tense::Future),
            ("Het zal dalen in maart, zei hij.", Tense::Future),
            ("In maart daalt het, zei hij.", Tense::Unknown),
            ("In maart zei hij het.", Tense::Past),
        ];
        assert_tenses(&cues, &expected);
    }

    #[test]
    fn a_clause_opener_bounds_the_dates_clause() {
        let cues = TenseCues::new(&TenseLexicon {
            past: vec!["werd".into(), "meldde".into()],
            future: vec!["zal".into()],
            reporting: vec!["meldde".into()],
            clause_openers: vec!["dat".into(), "die".into()],
            ..TenseLexicon::default()
        });
        let expected = [
            // Its own clause's cue wins over a nearer one before the opener.
            (
                "Het werd bekend dat het zeker in maart zal dalen.",
                Tense::Future,
            ),
            // An opener after the date ends its clause.
            ("In maart zal het dalen dat werd gezegd.", Tense::Future),
            // Without a cue of its own, the main clause decides, but not a reporting verb.
            ("Het werd bekend dat het in maart daalt.", Tense::Past),
            ("Hij meldde dat het in maart daalt.", Tense::Unknown),
            // Before a date that opens its clause after a comma, a reporting verb counts.
            ("Hij meldde, maart bracht een daling.", Tense::Past),
            (
                "Hij meldde, bij de cijfers over maart, een daling.",
                Tense::Unknown,
            ),
        ];
        assert_tenses(&cues, &expected);
    }

    #[test]
    fn a_year_states_the_sentences_time_only_when_it_opens_it() {
        let cues = TenseCues::new(&TenseLexicon {
            year_prepositions: vec!["in".into()],
            ..TenseLexicon::default()
        });
        let opens = |text: &str| {
            let start = text.find("2022").unwrap_or(text.len());
            cues.states_sentence_year(text, start)
        };
        assert!(opens("2022 was goed."));
        assert!(opens("Het daalde. In 2022 steeg het."));
        assert!(!opens("De cijfers over 2022 komen."));
        assert!(!opens("Het bedrijf steeg in 2022."));
        assert!(TenseCues::same_sentence(
            "In 2022 steeg het, in maart",
            7,
            25
        ));
        assert!(!TenseCues::same_sentence(
            "In 2022 steeg het. In maart",
            7,
            25
        ));
    }
}
