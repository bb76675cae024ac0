//! Letter-trigram evidence for the content words that no word list holds.
//!
//! `ngrams/<code>.txt` lists a language's most frequent trigrams of word forms (words
//! padded with `_`), each with its cost `-100 * ln P`; tools/langid_ngrams.py builds them.
//! A word's log-likelihood under a language is the sum over its trigrams.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::model::{Scores, LANGUAGES, N};

/// The key of the line that gives the cost of an unlisted trigram.
const FLOOR_KEY: &str = "___";

/// Trigram log-probabilities of every candidate language.
pub(super) struct Letters {
    trigrams: FxHashMap<u64, Scores>,
    floors: Scores,
}

/// The process-wide trigram tables.
pub(super) fn letters() -> &'static Letters {
    static LETTERS: OnceLock<Letters> = OnceLock::new();
    LETTERS.get_or_init(Letters::build)
}

impl Letters {
    fn build() -> Letters {
        let mut floors = [0.0; N];
        let mut entries: Vec<(u64, usize, f32)> = Vec::new();
        for (lang, language) in LANGUAGES.iter().enumerate() {
            for line in language.trigrams.lines().filter(|l| !l.starts_with('#')) {
                let Some((trigram, cost)) = line.split_once(' ') else {
                    continue;
                };
                let log_p = -cost.trim().parse::<f32>().unwrap_or(f32::MAX) / 100.0;
                if trigram == FLOOR_KEY {
                    floors[lang] = log_p;
                } else if let Some(key) =
                    key_of(trigram.chars().map(|c| if c == '_' { ' ' } else { c }))
                {
                    entries.push((key, lang, log_p));
                }
            }
        }
        let mut trigrams: FxHashMap<u64, Scores> =
            FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
        for (key, lang, log_p) in entries {
            trigrams.entry(key).or_insert(floors)[lang] = log_p;
        }
        Letters { trigrams, floors }
    }

    /// Adds the trigram log-likelihood of every word of `normalized` text to `scores`.
    pub fn score(&self, normalized: &str, scores: &mut Scores) {
        for word in normalized.split(' ').filter(|w| !w.is_empty()) {
            let mut window = [' ', ' ', ' '];
            let letters = word.chars().filter(|&c| c != '\'').chain([' ']);
            for (i, c) in letters.enumerate() {
                window = [window[1], window[2], c];
                if i == 0 {
                    continue;
                }
                let weights = key_of(window).and_then(|k| self.trigrams.get(&k));
                for (s, w) in scores.iter_mut().zip(weights.unwrap_or(&self.floors)) {
                    *s += w;
                }
            }
        }
    }
}

/// Packs three characters into one hash key.
fn key_of(chars: impl IntoIterator<Item = char>) -> Option<u64> {
    let mut key = 0u64;
    let mut count = 0;
    for c in chars {
        key = (key << 21) | u64::from(c);
        count += 1;
    }
    (count == 3).then_some(key)
}
