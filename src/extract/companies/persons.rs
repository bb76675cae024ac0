//! Person names that look like companies: titles, first names, family names after a
//! first name.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{
    ends_with_word, names,
    names::{on_word_boundaries, sentence_initial},
    repeats::occurrences,
    CompanyEngine, Found, Hit,
};

impl CompanyEngine {
    /// Whether a person's title or a capitalized hyphenated first part precedes `start`:
    /// `M. Michelin`, `Mme Frey`, `Veil-Picard` (but not `Renault-Nissan`, whose first
    /// part is itself a company).
    pub(super) fn part_of_person_name(&self, text: &str, hits: &[Hit], i: usize) -> bool {
        let start = hits[i].start;
        if self.after_title(text, start) {
            return true;
        }
        let Some(before_hyphen) = text[..start].strip_suffix('-') else {
            return false;
        };
        let company_before = i > 0 && hits[i - 1].end + 1 == start;
        let word = names::word_start_before(text, before_hyphen.len(), 0)
            .map(|s| &text[s..before_hyphen.len()]);
        !company_before && word.is_some_and(|w| w.starts_with(char::is_uppercase))
    }

    /// Whether a person's title (`M.`, `Mme`) stands right before `start`.
    pub(super) fn after_title(&self, text: &str, start: usize) -> bool {
        text[..start]
            .strip_suffix(' ')
            .is_some_and(|head| ends_with_word(head, &self.person_titles))
    }

    /// Drops names learned from patterns that the text writes more often as a person's
    /// name, after a first name or a title, than as a company (`Macron & Cie` beside three
    /// `Emmanuel Macron`); a shipyard named after its founder keeps its name.
    pub(super) fn drop_person_names(&self, text: &str, found: &mut Vec<Found>) {
        let mut learned: FxHashMap<&str, usize> = FxHashMap::default();
        for f in found.iter().filter(|f| f.entry.is_none()) {
            *learned.entry(&text[f.start..f.name_end]).or_default() += 1;
        }
        let persons: FxHashSet<&str> = learned
            .into_iter()
            .filter(|&(name, as_company)| {
                let as_person = occurrences(text, name)
                    .filter(|&start| {
                        on_word_boundaries(text, start, start + name.len())
                            && self.names_person(text, start)
                    })
                    .count();
                as_person > as_company
            })
            .map(|(name, _)| name)
            .collect();
        if !persons.is_empty() {
            found.retain(|f| f.entry.is_some() || !persons.contains(&text[f.start..f.name_end]));
        }
    }

    /// Whether the name at `start` follows a title or a first name, so names a person.
    pub(super) fn names_person(&self, text: &str, start: usize) -> bool {
        self.after_title(text, start) || self.after_first_name(text, start)
    }

    /// Whether a word that reads as a first name stands right before `start`: capitalized,
    /// then lower-case letters only, and not a function word (`Emmanuel Macron`, but not
    /// `Selon Macron`).
    pub(super) fn after_first_name(&self, text: &str, start: usize) -> bool {
        let Some(word) = self.word_before(text, start) else {
            return false;
        };
        // `word` ends at the one space before `start`; at a sentence start any word is
        // capitalized.
        let mut chars = word.chars();
        !sentence_initial(text, start - 1 - word.len())
            && chars.next().is_some_and(char::is_uppercase)
            && word.chars().count() >= 2
            && chars.all(char::is_lowercase)
            && !self.function_words.contains(word)
            && !self.not_companies.contains(&word.to_lowercase())
    }

    /// Whether an unknown name reads as a person's: common first names, then one family
    /// name with its particles (`Daniel Kretinsky`, `Anne Marie Van Damme`). A longer tail
    /// is a company named after a person or a character (`Peter Rabbit Organics`).
    pub(super) fn person_name(&self, name: &str) -> bool {
        let mut words = name.split(' ').peekable();
        let mut first_names = 0;
        while words.next_if(|w| self.first_names.contains(*w)).is_some() {
            first_names += 1;
        }
        let family_words = words
            .filter(|w| !self.surname_particles.contains(&w.to_lowercase()))
            .count();
        first_names > 0 && family_words <= 1
    }
}
