//! One sense per discourse for learned names: a name a cue showed to be a company counts
//! at its other mentions in the text.

use rustc_hash::FxHashSet;

use super::{names::on_word_boundaries, CompanyEngine, Found};

impl CompanyEngine {
    /// Finds the other occurrences of names learned from cues in this text.
    pub(super) fn repeat_learned_names(&self, text: &str, found: &mut Vec<Found>) {
        let learned: FxHashSet<&str> = found
            .iter()
            .filter(|f| f.entry.is_none())
            .map(|f| &text[f.start..f.name_end])
            .filter(|n| n.chars().count() >= 3 || n.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        let mut extra = Vec::new();
        for name in learned {
            for start in occurrences(text, name) {
                let end = start + name.len();
                let taken = found.iter().any(|f| f.start < end && start < f.end);
                if !taken && on_word_boundaries(text, start, end) && !self.names_person(text, start)
                {
                    extra.push(Found {
                        start,
                        end,
                        entry: None,
                        name_end: end,
                    });
                }
            }
        }
        found.extend(extra);
    }
}

/// Where `needle` occurs in `text`, without overlaps (a SIMD search: the texts are whole
/// articles).
pub(super) fn occurrences<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes())
}
