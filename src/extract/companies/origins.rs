//! Ambiguous names told apart by the origin the text gives: `ADP` is Aéroports de Paris,
//! but `l'américain ADP` is the US payroll company whose ticker it is; `Metro` is Metro AG,
//! but in an article from Canada or after `québécois` it is its namesake Metro inc.

use rustc_hash::FxHashMap;

use super::{floor_boundary, gazetteer::Entry, names, CompanyEngine, Found};

/// How far before a name its origin adjective is looked for, in bytes.
const ORIGIN_REACH: usize = 24;

/// Every ticker and namesake with the entries that carry it.
pub(super) fn by_ticker(entries: &[Entry]) -> FxHashMap<String, Vec<usize>> {
    let mut tickers: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, entry) in entries.iter().enumerate() {
        for name in entry.ticker.iter().chain(&entry.namesakes) {
            tickers.entry(name.clone()).or_default().push(i);
        }
    }
    tickers
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
        if self.tickers.is_empty() {
            return;
        }
        for f in found.iter_mut() {
            let Some(entry) = f.entry else {
                continue;
            };
            let Some(holders) = self.tickers.get(&text[f.start..f.end]) else {
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
    fn origin_before(&self, text: &str, start: usize) -> Option<&str> {
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
}
