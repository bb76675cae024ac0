//! Short names in brackets: aliases of a company (`Louis Dupont (LDP)`) and acronyms the
//! text defines by a long form that is no company (`Centraal Bureau voor de Statistiek (CBS)`).

use rustc_hash::FxHashSet;

use super::{floor_boundary, names::name_run, CompanyEngine, Found, Hit, Kind};

/// A short name in brackets after a company (`Vendrix Data Systems (VDS)`).
#[derive(Debug)]
pub(super) struct Alias<'t> {
    /// The short name as written.
    pub(super) short: &'t str,
    /// The company's gazetteer entry, if known.
    pub(super) entry: Option<usize>,
    /// The company's name as written.
    pub(super) name: &'t str,
}

impl CompanyEngine {
    /// Adds the short name in brackets right after a company: `Louis Dupont (LDP)`, and
    /// returns the aliases so that the short name's other mentions get the company's name.
    pub(super) fn add_bracketed_aliases<'t>(
        &self,
        text: &'t str,
        found: &mut Vec<Found>,
    ) -> Vec<Alias<'t>> {
        let mut extra = Vec::new();
        let mut aliases = Vec::new();
        for f in found.iter() {
            let Some(inner) = text[f.end..].strip_prefix(" (") else {
                continue;
            };
            let start = f.end + 2;
            let limit = start + inner.find(')').unwrap_or(0);
            let Some(end) = name_run(text, start, limit, |t| self.stops_name(t)) else {
                continue;
            };
            let short = &text[start..end];
            let name = &text[f.start..f.name_end];
            if end == limit && self.plausible(short) && abbreviates(short, name) {
                extra.push(Found {
                    start,
                    end,
                    entry: f.entry,
                    name_end: end,
                });
                aliases.push(Alias {
                    short: &text[start..end],
                    entry: f.entry,
                    name: &text[f.start..f.name_end],
                });
            }
        }
        found.extend(extra);
        aliases
    }

    /// Drops mentions of an acronym that the text defines by a long form which is no
    /// company: `Centraal Bureau voor de Statistiek (CBS)`, `État islamique (EI)`, `peste
    /// des petits ruminants (PPR)`. The long form is a company when a company was found
    /// there, when it is a gazetteer form in any case (`Union bancaire privée (UBP)`) or
    /// when it holds a company word (`Amsterdam Trade Bank (ATB)`). A gazetteer acronym is
    /// dropped only when it is ambiguous or its long form is no proper name at all.
    pub(super) fn drop_defined_acronyms(&self, text: &str, hits: &[Hit], found: &mut Vec<Found>) {
        let mut defined: Vec<(&str, bool)> = Vec::new();
        // Each ` (`: a SIMD search for the rare `(` (the pair cannot overlap itself), with
        // no searcher built per text.
        let brackets = memchr::memchr_iter(b'(', text.as_bytes());
        let spaced =
            brackets.filter_map(|at| at.checked_sub(1).filter(|&s| text.as_bytes()[s] == b' '));
        for open in spaced {
            let start = open + 2;
            // An acronym is short: no need to look far for its bracket.
            let window = floor_boundary(text, (start + 4 * MAX_ACRONYM + 1).min(text.len()));
            let Some(len) = text[start..window].find(')') else {
                continue;
            };
            let acronym = &text[start..start + len];
            if !is_acronym(acronym) || defined.iter().any(|d| d.0 == acronym) {
                continue;
            }
            let Some(long_start) = long_form_start(&self.acronym_skips, text, open, acronym) else {
                continue;
            };
            let long_form = &text[long_start..open];
            let company = found.iter().any(|f| f.start < open && long_start < f.end)
                || hits.iter().any(|h| {
                    !matches!(h.kind, Kind::Company(..)) && h.start >= long_start && h.end <= open
                })
                || self.known_forms.contains(&long_form.to_lowercase());
            if !company {
                defined.push((acronym, !long_form.contains(char::is_uppercase)));
            }
        }
        found.retain(|f| {
            let Some(&(_, plain)) = defined.iter().find(|d| d.0 == &text[f.start..f.end]) else {
                return true;
            };
            f.entry.is_some_and(|e| !self.entries[e].common && !plain)
        });
    }
}

/// The longest acronym checked for a definition, in letters.
const MAX_ACRONYM: usize = 8;

/// How far before an acronym in brackets its long form is looked for, in bytes.
const LONG_FORM_WINDOW: usize = 160;

/// Whether a short name in brackets may stand for `name`: an acronym must start with the
/// name's initial (`Kohlberg Kravis Roberts (KKR)`), since a different one in brackets
/// after a company says what it is (`Heetch (VTC)`), not what it is called.
fn abbreviates(short: &str, name: &str) -> bool {
    let initial = |s: &str| s.chars().next().map(fold_initial);
    !is_acronym(short) || initial(short) == initial(name)
}

/// Whether `word` looks like an acronym: 2 to [`MAX_ACRONYM`] letters, the first and at
/// least one more in capitals (`CBS`, `FvD`).
fn is_acronym(word: &str) -> bool {
    let count = word.chars().count();
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    (2..=MAX_ACRONYM).contains(&count)
        && word.chars().all(char::is_alphabetic)
        && word.starts_with(char::is_uppercase)
        && capitals >= 2
}

/// Where the long form that `acronym` abbreviates starts, when the words before `end`
/// spell it: their initials, with or without short linking words (`voor de`, `et`).
fn long_form_start(
    skips: &FxHashSet<String>,
    text: &str,
    end: usize,
    acronym: &str,
) -> Option<usize> {
    let target: Vec<char> = acronym.chars().map(fold_initial).collect();
    let floor = floor_boundary(text, end.saturating_sub(LONG_FORM_WINDOW));
    let window = &text[floor..end];
    let words: Vec<(usize, &str)> = window
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - window.as_ptr() as usize, w))
        .collect();
    let (mut all, mut content) = (Vec::new(), Vec::new());
    let mut gap_end = window.len();
    for &(at, word) in words.iter().rev() {
        let gap = &window[at + word.len()..gap_end];
        if !gap
            .chars()
            .all(|c| matches!(c, ' ' | ',' | '-' | '\'' | '’'))
        {
            return None;
        }
        gap_end = at;
        let first = word.chars().next()?;
        if !first.is_alphabetic() {
            return None;
        }
        all.insert(0, fold_initial(first));
        if !skips.contains(word) {
            content.insert(0, fold_initial(first));
        }
        if all == target || content == target {
            return Some(floor + at);
        }
        if content.len() > target.len() {
            return None;
        }
    }
    None
}

/// A letter as an acronym initial: upper case, without its accent (`É` -> `E`).
fn fold_initial(c: char) -> char {
    let upper = c.to_uppercase().next().unwrap_or(c);
    match upper {
        'À' | 'Â' | 'Ä' => 'A',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'Î' | 'Ï' => 'I',
        'Ô' | 'Ö' => 'O',
        'Ù' | 'Û' | 'Ü' => 'U',
        'Ç' => 'C',
        other => other,
    }
}
