//! The evidence model: function-word lists and spelling cues, compiled once per process.
//!
//! Each language's word list (`words/<code>.txt`) is ordered by frequency; a word's
//! log-probability follows Zipf's law from its rank, and a word missing from a list gets a
//! floor. Summing these over a text gives a naive-Bayes log-likelihood per language, which
//! function words make sharp even on a headline. Spelling cues (`spelling.txt`) add
//! character-level evidence for the content words that no list holds.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;

/// One candidate language and its tables.
pub(super) struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// `words/<code>.txt`: function words, most frequent first.
    pub words: &'static str,
    /// `ngrams/<code>.txt`: letter trigrams and their costs.
    pub trigrams: &'static str,
}

macro_rules! language {
    ($code:literal) => {
        Language {
            code: $code,
            words: include_str!(concat!("words/", $code, ".txt")),
            trigrams: include_str!(concat!("ngrams/", $code, ".txt")),
        }
    };
}

/// The languages the detector chooses between: those newsfacts may meet in European news.
pub(super) const LANGUAGES: [Language; N] = [
    language!("nl"),
    language!("fr"),
    language!("en"),
    language!("de"),
    language!("af"),
    language!("es"),
    language!("it"),
    language!("pt"),
    language!("ca"),
];

/// How many candidate languages there are.
pub(super) const N: usize = 9;

/// One score per candidate language, in [`LANGUAGES`] order.
pub(super) type Scores = [f32; N];

const SPELLING: &str = include_str!("spelling.txt");

/// Log-probability of an unlisted word: below that of any listed one.
const UNLISTED: f32 = -10.0;

/// Zipf's law: the word of rank `r` (from 0) has probability about `ZIPF / (r + 2)`.
const ZIPF: f32 = 0.08;

/// The compiled word and spelling tables.
pub(super) struct Model {
    /// Per-language log-probability of each listed word.
    /// FxHash: the keys are short words, hashed eight bytes at a time.
    words: FxHashMap<String, Scores>,
    /// Matches spelling cues in normalized text (see [`normalize_into`]).
    cues: AhoCorasick,
    /// The weights of each cue, by pattern index.
    cue_weights: Vec<Scores>,
}

/// Evidence gathered from a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Evidence {
    /// Log-likelihood per language.
    pub scores: Scores,
    /// Words found in at least one list.
    pub hits: u32,
    /// Words read.
    pub words: u32,
}

impl Default for Evidence {
    fn default() -> Self {
        Evidence {
            scores: [0.0; N],
            hits: 0,
            words: 0,
        }
    }
}

impl Evidence {
    /// Adds `other` to `self`.
    pub fn add(&mut self, other: &Evidence) {
        for (s, o) in self.scores.iter_mut().zip(other.scores) {
            *s += o;
        }
        self.hits += other.hits;
        self.words += other.words;
    }

    /// The best language index and its lead over the runner-up, in nats.
    pub fn best(&self) -> (usize, f32) {
        let (mut best, mut second) = (0, 1);
        if self.scores[second] > self.scores[best] {
            (best, second) = (second, best);
        }
        for (i, &score) in self.scores.iter().enumerate().skip(2) {
            if score > self.scores[best] {
                (best, second) = (i, best);
            } else if score > self.scores[second] {
                second = i;
            }
        }
        (best, self.scores[best] - self.scores[second])
    }
}

/// The process-wide model.
pub(super) fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(Model::build)
}

impl Model {
    fn build() -> Model {
        let mut words: FxHashMap<String, Scores> = FxHashMap::default();
        for (lang, language) in LANGUAGES.iter().enumerate() {
            for (rank, word) in list_words(language.words).enumerate() {
                let entry = words.entry(word.to_string()).or_insert([UNLISTED; N]);
                if entry[lang] == UNLISTED {
                    entry[lang] = (ZIPF / (rank as f32 + 2.0)).ln().max(UNLISTED + 0.5);
                }
            }
        }
        let (patterns, cue_weights) = parse_spelling(SPELLING);
        let cues = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .unwrap_or_else(|e| panic!("spelling.txt: {e}"));
        Model {
            words,
            cues,
            cue_weights,
        }
    }

    /// Scores the words of `normalized` text (from [`normalize_into`]).
    pub fn score_words(&self, normalized: &str) -> Evidence {
        let mut evidence = Evidence::default();
        // Words are a few bytes long: a plain byte loop finds their ends for less than a
        // string search that sets up per word.
        let bytes = normalized.as_bytes();
        let mut start = 0;
        while start < bytes.len() {
            let len = bytes[start..].iter().take_while(|&&b| b != b' ').count();
            let end = start + len;
            // Cut at spaces (ASCII), so at char boundaries.
            if let Some(word) = normalized.get(start..end).filter(|w| !w.is_empty()) {
                evidence.words += 1;
                self.score_word(word, &mut evidence);
            }
            start = end + 1;
        }
        evidence
    }

    /// Adds the spelling cues of `normalized` text to `scores`.
    pub fn score_spelling(&self, normalized: &str, scores: &mut Scores) {
        for hit in self.cues.find_overlapping_iter(normalized) {
            let weights = &self.cue_weights[hit.pattern().as_usize()];
            for (s, w) in scores.iter_mut().zip(weights) {
                *s += w;
            }
        }
    }

    fn score_word(&self, word: &str, evidence: &mut Evidence) {
        if self.add_word(word, evidence) {
            return;
        }
        let trimmed = word.trim_matches('\'');
        if trimmed != word && self.add_word(trimmed, evidence) {
            return;
        }
        // An elision (l'état, qu'il, dell'anno): the article and the word after it.
        // A byte loop: `str::find` sets up a memchr search per (short) word.
        if let Some(cut) = trimmed.bytes().position(|b| b == b'\'') {
            self.add_word(&trimmed[..=cut], evidence);
            self.add_word(&trimmed[cut + 1..], evidence);
        }
    }

    fn add_word(&self, word: &str, evidence: &mut Evidence) -> bool {
        match self.words.get(word) {
            Some(weights) => {
                for (s, w) in evidence.scores.iter_mut().zip(weights) {
                    *s += w;
                }
                evidence.hits += 1;
                true
            }
            None => false,
        }
    }
}

/// The most frequent words of language `code` (its `words/<code>.txt`), most frequent
/// first; none for a language the detector does not know.
pub(super) fn common_words(code: &str) -> Vec<&'static str> {
    LANGUAGES
        .iter()
        .find(|l| l.code == code)
        .map_or_else(Vec::new, |l| list_words(l.words).collect())
}

/// The words of a list file, in order, without comments.
fn list_words(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(|line| line.split('#').next().unwrap_or(""))
        .flat_map(str::split_whitespace)
}

/// Parses `spelling.txt` into Aho-Corasick patterns over normalized text and their weights.
fn parse_spelling(table: &str) -> (Vec<String>, Vec<Scores>) {
    let mut patterns = Vec::new();
    let mut weights = Vec::new();
    for line in table.lines().map(|l| l.split('#').next().unwrap_or("")) {
        let mut fields = line.split_whitespace();
        let Some(cue) = fields.next() else { continue };
        let mut scores = [0.0; N];
        for field in fields {
            let parsed = field.split_once(':').and_then(|(code, w)| {
                let lang = LANGUAGES.iter().position(|l| l.code == code)?;
                Some((lang, w.parse::<f32>().ok()?))
            });
            let (lang, weight) =
                parsed.unwrap_or_else(|| panic!("spelling.txt: bad weight {field:?}"));
            scores[lang] = weight;
        }
        patterns.push(cue_pattern(cue));
        weights.push(scores);
    }
    (patterns, weights)
}

/// `-abc` (word ending) becomes `abc `, `abc-` (word beginning) ` abc`: normalized text
/// separates and surrounds words with single spaces.
fn cue_pattern(cue: &str) -> String {
    if let Some(ending) = cue.strip_prefix('-') {
        format!("{ending} ")
    } else if let Some(beginning) = cue.strip_suffix('-') {
        format!(" {beginning}")
    } else {
        cue.to_string()
    }
}

/// Whether `c` is alphabetic, without a table lookup for the Latin letters of most
/// European text (Latin-1 and Latin Extended: é, ß, ł).
#[inline]
pub(super) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{C0}'..='\u{24F}').contains(&c) {
        c != '×' && c != '÷'
    } else {
        c.is_alphabetic()
    }
}

/// The letters [`normalize_into`] appended, by script.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Letters {
    /// Latin letters.
    pub latin: usize,
    /// Letters of other scripts.
    pub other: usize,
}

/// Latin letters: Basic Latin to Latin Extended-B, and Latin Extended Additional.
fn is_latin(c: char) -> bool {
    c < '\u{0250}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

/// Appends `text` to `out` as the model reads it: lower-case letters and apostrophes,
/// every other run of characters one space, and a space at both ends. Returns the
/// letters appended, counted in the same pass.
pub(super) fn normalize_into(text: &str, out: &mut String) -> Letters {
    let mut letters = Letters::default();
    if !out.ends_with(' ') {
        out.push(' ');
    }
    for c in text.chars() {
        if c.is_ascii() {
            // Most of the text: no Unicode tables.
            if c.is_ascii_alphabetic() {
                out.push(c.to_ascii_lowercase());
                letters.latin += 1;
            } else if c == '\'' {
                out.push('\'');
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        if let 'À'..='ÿ' = c {
            if is_letter(c) {
                out.push(crate::text::latin1_lower(c).unwrap_or(c));
                letters.latin += 1;
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if is_letter(c) {
            for lower in c.to_lowercase() {
                match (is_letter(lower), is_latin(lower)) {
                    (true, true) => letters.latin += 1,
                    (true, false) => letters.other += 1,
                    (false, _) => {}
                }
                out.push(lower);
            }
        } else if matches!(c, '\u{2019}' | '\u{02BC}') {
            out.push('\'');
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    letters
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`normalize_into`] char by char with the Unicode tables: the specification of
    /// its ASCII and Latin-1 shortcuts.
    fn normalized_by_chars(text: &str) -> String {
        let mut out = String::from(" ");
        for c in text.chars() {
            if is_letter(c) {
                out.extend(c.to_lowercase());
            } else if matches!(c, '\'' | '\u{2019}' | '\u{02BC}') {
                out.push('\'');
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        }
        if !out.ends_with(' ') {
            out.push(' ');
        }
        out
    }

    #[test]
    fn shortcuts_normalize_as_the_unicode_tables() {
        let latin1: String = ('\u{a0}'..='\u{17f}').collect();
        for text in [
            "Het KABINET wil in 2025 l’État, «Noël» — ÀÉÎÕÜ ß ÿ × ÷ µ",
            "  d'Été,,qu'IL   a 3,5% ",
            latin1.as_str(),
            "İstanbul ΣΟΦΙΑ Ǆ",
        ] {
            assert_eq!(normalized(text), normalized_by_chars(text), "{text:?}");
        }
    }

    fn normalized(text: &str) -> String {
        let mut out = String::new();
        normalize_into(text, &mut out);
        out
    }

    #[test]
    fn letters_are_the_alphabetic_chars() {
        for c in ('\0'..='\u{2FF}').chain(['€', '’', 'Ω', 'ж', '中']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn normalization_counts_the_letters_it_appends_by_script() {
        let mut out = String::new();
        let letters = normalize_into("Ça coûte 3 €, дом İ", &mut out);
        assert_eq!(out, " ça coûte дом i\u{307} ");
        let other = out
            .chars()
            .filter(|c| c.is_alphabetic() && !is_latin(*c))
            .count();
        let latin = out.chars().filter(|c| c.is_alphabetic()).count() - other;
        assert_eq!(letters, Letters { latin, other });
        assert_eq!(letters, Letters { latin: 8, other: 3 });
    }

    #[test]
    fn normalization_keeps_letters_and_apostrophes() {
        assert_eq!(normalized("L’État, 3 fois!"), " l'état fois ");
        assert_eq!(normalized("Hy sê 'n Woord"), " hy sê 'n woord ");
    }

    #[test]
    fn every_table_line_parses_and_lists_are_not_empty() {
        let model = model();
        assert_eq!(LANGUAGES.len(), N);
        for language in &LANGUAGES {
            let words = list_words(language.words).count();
            assert!(words >= 100, "{} list too short", language.code);
        }
        assert_eq!(model.cue_weights.len(), model.cues.patterns_len());
    }

    #[test]
    fn elisions_score_both_parts() {
        let evidence = model().score_words(&normalized("qu'il l'homme"));
        assert_eq!(evidence.hits, 3);
        let fr = LANGUAGES.iter().position(|l| l.code == "fr").unwrap();
        assert_eq!(evidence.best().0, fr);
    }

    #[test]
    fn rank_orders_word_weights() {
        let words = &model().words;
        let nl = 0;
        assert!(words["de"][nl] > words["procent"][nl]);
        assert!(words["procent"][nl] > UNLISTED);
        assert_eq!(words["und"][nl], UNLISTED);
    }
}
