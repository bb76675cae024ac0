//! Names an apposition says are companies: `Xylos, een Gents softwarebedrijf,` and the
//! name after a relation cue's company (`het moederbedrijf van Kruidvat, AS Watson,`).

use super::{
    floor_boundary, names,
    names::{char_before, name_run, name_run_before},
    CompanyEngine, Found, Hit, Kind,
};

impl CompanyEngine {
    /// The unknown name that an apposition ending in the cue `hit` describes as a
    /// company: `Pontins, een andere keten`, `Xylos, een Gents softwarebedrijf`, `Xylos,
    /// une société lyonnaise`. At most one word stands between the article and the cue.
    pub(super) fn name_before_apposition(
        &self,
        text: &str,
        hit: &Hit,
        last: Option<&Found>,
    ) -> Option<Found> {
        if self.apposition_articles.is_empty()
            || self
                .apposition_not_nouns
                .contains(&text[hit.start..hit.end])
        {
            return None;
        }
        // A cue noun may end a compound (`softwarebedrijf`): the apposition's noun starts
        // with the word.
        let noun_start = if char_before(text, hit.start).is_some_and(names::is_word_char) {
            names::word_start_before(text, hit.start, 0)?
        } else {
            hit.start
        };
        let from = floor_boundary(text, noun_start.saturating_sub(40));
        let head = &text[from..noun_start];
        let (comma, article) = self
            .apposition_articles
            .iter()
            .filter_map(|a| head.rfind(a.as_str()).map(|at| (from + at, a.len())))
            .max()?;
        let between = text[comma + article..noun_start].trim_end();
        let words = between.split(' ').filter(|w| !w.is_empty()).count();
        let plain = between
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
        if words > 1 || !plain || !self.apposition_adjective(between) {
            return None;
        }
        let floor = last.map_or(0, |f| f.end);
        let mut start = name_run_before(text, comma, floor)?;
        while let Some(next) = self.skip_function_word(text, start, comma) {
            start = next;
        }
        self.unknown_company(text, start, comma)
            .filter(|_| !self.stops_name(&text[start..comma]))
    }

    /// Whether `word` may stand between an apposition's article and its noun: nothing,
    /// a lower-case word or an adjective of origin (`Gents`, `Amerikaanse`).
    fn apposition_adjective(&self, word: &str) -> bool {
        word.is_empty()
            || (word.starts_with(char::is_lowercase) && !self.apposition_not_between.contains(word))
            || self.origin_adjectives.contains(word)
            || self.origin_adjectives.contains(&format!("{word}e"))
    }

    /// The unknown name in apposition after a relation cue and its company: `AS Watson`
    /// in `het moederbedrijf van Kruidvat, AS Watson, groeit`. The apposition must close
    /// with a comma, so that a clause after the company is not read as a name.
    pub(super) fn apposition_after_relation(
        &self,
        text: &str,
        hits: &[Hit],
        i: usize,
    ) -> Option<Found> {
        let cue = hits[i];
        if !self.relation_cues.contains(&text[cue.start..cue.end]) {
            return None;
        }
        let company = hits
            .get(i + 1)
            .filter(|h| matches!(h.kind, Kind::Company(..)) && h.start == cue.end + 1)?;
        let start = company.end + text[company.end..].strip_prefix(", ").map(|_| 2)?;
        let limit = hits.get(i + 2).map_or(text.len(), |h| h.start);
        let end = name_run(text, start, limit, |t| self.stops_name(t))?;
        let closed = text[end..].starts_with(',');
        self.unknown_company(text, start, end).filter(|_| closed)
    }
}
