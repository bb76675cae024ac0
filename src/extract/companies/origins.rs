//! Ambiguous names told apart by the origin the text gives: `ADP` is Aéroports de Paris,
//! but `l'américain ADP` is the US payroll company whose ticker it is; `Metro` is Metro AG,
//! but in an article from Canada or after `québécois` it is its namesake Metro inc.

use rustc_hash::FxHashMap;

use super::{floor_boundary, gazetteer::Entry, names, CompanyEngine, Found};

/// How many capitalized tokens an unknown name after an adjective of origin may have.
const ORIGIN_NAME_TOKENS: usize = 3;

/// How far before a name its origin adjective is looked for, in bytes.
const ORIGIN_REACH: usize = 24;

/// Every ticker and namesake with the entries that carry it, and every acronym that opens a
/// canonical name with the entry it opens (`PSA` for PSA International, the Singapore port
/// operator, while the alias `PSA` is Peugeot's).
pub(super) fn by_shared_name(entries: &[Entry]) -> FxHashMap<String, Vec<usize>> {
    let mut shared: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, entry) in entries.iter().enumerate() {
        for name in entry.ticker.iter().chain(&entry.namesakes) {
            shared.entry(name.clone()).or_default().push(i);
        }
        if let Some((head, _)) = entry.name.split_once(' ') {
            let acronym = head.len() >= 2 && head.chars().all(|c| c.is_ascii_uppercase());
            if acronym
                && entry.ticker.as_deref() != Some(head)
                && !entry.namesakes.iter().any(|n| n == head)
            {
                shared.entry(head.to_string()).or_default().push(i);
            }
        }
    }
    shared
}

impl CompanyEngine {
    /// Gives a known name written as another company's ticker or namesake to that
    /// company when the adjective of origin right before it, else the article's country,
    /// is that company's country, not its own.
    pub(super) fn resolve_by_origin(
        &self,
        text: &str,
        article_country: Option<&str>,
        found: &mut [Found],
    ) {
        if self.shared_names.is_empty() {
            return;
        }
        for f in found.iter_mut() {
            let Some(entry) = f.entry else {
                continue;
            };
            let Some(holders) = self.shared_names.get(&text[f.start..f.end]) else {
                continue;
            };
            let Some(country) = self.origin_before(text, f.start).or(article_country) else {
                continue;
            };
            if self.entries[entry].country.as_deref() == Some(country) {
                continue;
            }
            let other = holders
                .iter()
                .find(|&&h| self.entries[h].country.as_deref() == Some(country));
            if let Some(&other) = other {
                f.entry = Some(other);
            }
        }
    }

    /// The country of the adjective of origin that is the last word before `start`
    /// (`américain` in `l'américain ADP`, `Amerikaanse` in `het Amerikaanse ADP`).
    pub(super) fn origin_before(&self, text: &str, start: usize) -> Option<&str> {
        let from = floor_boundary(text, start.saturating_sub(ORIGIN_REACH));
        let before = text[from..start].trim_end();
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !names::is_word_char(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        self.demonyms
            .get(&before[word_start..].to_lowercase())
            .map(String::as_str)
    }

    /// Adds the unknown names after an article and an adjective of origin that are listed
    /// with a company found: `TomTom en het Duitse Here`, `het Noorse Mowi en het Faeröerse
    /// Bakkafrost`. Alone, `het Duitse X` may be a city (`het Duitse Keulen`); a list
    /// with a company makes it one of its kind.
    pub(super) fn add_listed_origin_names(&self, text: &str, found: &mut Vec<Found>) {
        if self.origin_articles.is_empty() {
            return;
        }
        let mut listed = Vec::new();
        for f in found.iter() {
            for join in &self.list_joins {
                if text[f.end..].starts_with(join.as_str()) {
                    listed.extend(self.origin_name_at(text, f.end + join.len()));
                }
                if let Some(head) = text[..f.start].strip_suffix(join.as_str()) {
                    listed.extend(self.origin_name_ending_at(text, head.len()));
                }
            }
        }
        listed.retain(|l| !found.iter().any(|f| f.start < l.end && l.start < f.end));
        found.extend(listed);
    }

    /// The unknown name after the origin article at `at` and its adjective (`het Duitse
    /// Here`).
    fn origin_name_at(&self, text: &str, at: usize) -> Option<Found> {
        let article_end = at + text[at..].find(' ')?;
        let adjective_end = article_end + 1 + text[article_end + 1..].find(' ')?;
        if !self.origin_phrase(
            &text[at..article_end],
            &text[article_end + 1..adjective_end],
        ) {
            return None;
        }
        let start = adjective_end + 1;
        let end = names::name_run(text, start, text.len(), |t| self.stops_name(t))?;
        self.unknown_company(text, start, end)
    }

    /// The unknown name ending at `end` that follows an origin article and its adjective
    /// (`het Duitse Here` before `en TomTom`).
    fn origin_name_ending_at(&self, text: &str, end: usize) -> Option<Found> {
        let mut start = end;
        for _ in 0..ORIGIN_NAME_TOKENS {
            start = names::word_start_before(text, start, 0)?;
            let token = &text[start..names::word_end(text, start)];
            if !token.starts_with(char::is_uppercase) || self.stops_name(token) {
                return None;
            }
            if let Some(adjective) = self.word_before(text, start) {
                let article = self.word_before(text, start - 1 - adjective.len());
                if article.is_some_and(|a| self.origin_phrase(a, adjective)) {
                    return self.unknown_company(text, start, end);
                }
            }
            // One space back to the word before (a boundary, unlike any byte before).
            start = text[..start].strip_suffix(' ')?.len();
        }
        None
    }
}
