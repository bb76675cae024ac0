//! Names next to a legal form or name tail (`Xylos N.V.`, `NV Hoste`, `X Holding`) and
//! heads of hyphenated compounds (`Xylos-topman`).

use super::{
    names,
    names::{name_run, name_run_before},
    CompanyEngine, Found, Hit, Kind,
};

impl CompanyEngine {
    /// The unknown name after a legal form written before it: `NV Hoste`, `SARL Dupont`.
    pub(super) fn name_after_prefix_form(
        &self,
        text: &str,
        form_end: usize,
        next: Option<&Hit>,
    ) -> Option<Found> {
        let start = form_end + text[form_end..].strip_prefix(' ').map(|_| 1)?;
        let limit = next.map_or(text.len(), |n| n.start);
        let end = name_run(text, start, limit, |t| self.stops_name(t))?;
        self.unknown_company(text, start, end)
    }

    /// The name before a legal form or name tail: joins the company just before it
    /// (`Philips N.V.`), or reads the capitalized words before it (`Acme Robotics B.V.`).
    pub(super) fn name_before_form(&self, text: &str, hit: &Hit, found: &mut Vec<Found>) {
        let head = &text[..hit.start];
        let gap = if head.ends_with(", ") {
            2
        } else if head.ends_with(' ') {
            1
        } else {
            return;
        };
        let name_end = hit.start - gap;
        let keep_form = hit.kind == Kind::Tail;
        if let Some(last) = found.last_mut().filter(|f| f.end == name_end) {
            last.end = hit.end;
            if keep_form && last.entry.is_none() {
                last.name_end = hit.end;
            }
            return;
        }
        let floor = found.last().map_or(0, |f| f.end);
        let Some(mut start) = name_run_before(text, name_end, floor) else {
            return;
        };
        while let Some(next) = self.skip_function_word(text, start, name_end) {
            start = next;
        }
        if let Some(next) = self.skip_origin_adjective(text, start, name_end) {
            start = next;
        }
        if start >= name_end {
            return;
        }
        let start = self.family_particles_before(text, start, floor);
        if let Some(last) = found.last_mut().filter(|f| f.end + 1 == start) {
            last.end = hit.end;
            return;
        }
        if shouting(&text[start..name_end], &text[hit.end..]) {
            return;
        }
        let name_end = if keep_form { hit.end } else { name_end };
        if self.plausible(&text[start..name_end]) {
            found.push(Found {
                start,
                end: hit.end,
                entry: None,
                name_end,
            });
        }
    }

    /// `start` moved back over a family name's particles, a capitalized one before one
    /// or two in lower case (`Van de Bilt bv`, `Van der Valk BV`), which end a run of
    /// capitalized words; `start` itself when they are not there.
    fn family_particles_before(&self, text: &str, start: usize, floor: usize) -> usize {
        let mut at = start;
        for _ in 0..2 {
            let Some(word) = self.word_before(text, at) else {
                break;
            };
            let word_start = at - 1 - word.len();
            if word_start < floor || !self.surname_particles.contains(word) {
                break;
            }
            at = word_start;
            if let Some(head) = self.word_before(text, at) {
                let head_start = at - 1 - head.len();
                if head_start >= floor && self.name_particles.contains(head) {
                    return head_start;
                }
            }
        }
        start
    }

    /// The start of the next token when the token at `start` is a function word.
    pub(super) fn skip_function_word(&self, text: &str, start: usize, end: usize) -> Option<usize> {
        let token_end = names::name_token(text, start)?.min(end);
        let next = token_end + 1;
        (self.function_words.contains(&text[start..token_end]) && next < end).then_some(next)
    }

    /// Where the name starts past an adjective of origin at `start` (`het Genkse Lindner
    /// Pharma`), which is no part of it; `None` when none is there.
    fn skip_origin_adjective(&self, text: &str, start: usize, end: usize) -> Option<usize> {
        let token_end = names::name_token(text, start)?.min(end);
        let next = token_end + 1;
        (self.origin_adjectives.contains(&text[start..token_end]) && next < end).then_some(next)
    }

    /// The head of a hyphenated compound such as `Alibaba-CEO` or `Xylos-topman`.
    pub(super) fn compound_head(&self, text: &str, hit: &Hit, found: &mut Vec<Found>) {
        let role = self.role_suffixes.contains(&text[hit.start + 1..hit.end]);
        if role || found.last().is_some_and(|f| f.end == hit.start) {
            return;
        }
        let floor = found.last().map_or(0, |f| f.end);
        let Some(start) = names::word_start_before(text, hit.start, floor) else {
            return;
        };
        let head = &text[start..hit.start];
        if head.starts_with(char::is_uppercase) && self.plausible(head) {
            found.push(Found {
                start,
                end: hit.start,
                entry: None,
                name_end: hit.start,
            });
        }
    }
}

/// Whether a name and the word after its legal form are both in capitals: a headline
/// or an advertisement (`VALEURS SE NEGOCIANT`), where `SE` or `SA` is just a word.
fn shouting(name: &str, after_form: &str) -> bool {
    let next_word: String = after_form
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    !name.chars().any(char::is_lowercase)
        && next_word.chars().count() >= 2
        && !next_word.chars().any(char::is_lowercase)
}
