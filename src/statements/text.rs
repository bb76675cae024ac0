//! Sentences and tokens: just enough structure for the linker.

use std::ops::Range;

use super::lexicon::WordSet;

/// The longest stretch, in bytes, searched on each side of an amount for its sentence's
/// ends: bounds the work on text without punctuation.
const MAX_SENTENCE_SIDE: usize = 1500;

/// The byte spans of the words of `s`: runs of letters and digits.
pub(super) fn words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = s.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// A word or a punctuation mark of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    /// Byte offset in the article text.
    pub start: usize,
    /// Byte offset after the token.
    pub end: usize,
    /// The word in lower case, or the punctuation mark.
    pub lower: String,
}

impl Token {
    /// Whether this is the punctuation mark `c`.
    pub fn is(&self, c: char) -> bool {
        self.lower.len() == c.len_utf8() && self.lower.starts_with(c)
    }

    /// Whether this is a word (not punctuation).
    pub fn is_word(&self) -> bool {
        self.lower.chars().next().is_some_and(char::is_alphanumeric)
    }
}

/// The tokens of `text[range]`: words, and the punctuation marks `, ; : ( ) ' ’`.
pub(super) fn tokens(text: &str, range: Range<usize>) -> Vec<Token> {
    let slice = &text[range.clone()];
    let mut out = Vec::new();
    let mut words = words(slice).peekable();
    for (i, c) in slice.char_indices() {
        if matches!(c, ',' | ';' | ':' | '(' | ')' | '\'' | '’') {
            while let Some(&(s, e)) = words.peek() {
                if s > i {
                    break;
                }
                out.push(word_token(slice, range.start, s, e));
                words.next();
            }
            let start = range.start + i;
            out.push(Token {
                start,
                end: start + c.len_utf8(),
                lower: c.to_string(),
            });
        }
    }
    out.extend(words.map(|(s, e)| word_token(slice, range.start, s, e)));
    out
}

fn word_token(slice: &str, base: usize, s: usize, e: usize) -> Token {
    Token {
        start: base + s,
        end: base + e,
        lower: slice[s..e].to_lowercase(),
    }
}

/// The byte range of the sentence around `pos`: from after the previous sentence end (or
/// line break) to after the next one. `protected` says whether a byte is inside a mention,
/// where a full stop never ends a sentence (`N.V.`, `JD.com`).
pub(super) fn sentence_around(
    text: &str,
    pos: usize,
    protected: &dyn Fn(usize) -> bool,
    abbreviations: &WordSet,
) -> Range<usize> {
    let ends_here = |i: usize, c: char| {
        c == '\n' || (is_terminator(c) && !protected(i) && ends_sentence(text, i, c, abbreviations))
    };
    let floor = floor_char_boundary(text, pos.saturating_sub(MAX_SENTENCE_SIDE));
    let start = text[floor..pos]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_here(floor + i, c))
        .map_or(floor, |(i, c)| floor + i + c.len_utf8());
    let ceiling = floor_char_boundary(text, (pos + MAX_SENTENCE_SIDE).min(text.len()));
    let end = text[pos..ceiling]
        .char_indices()
        .find(|&(i, c)| ends_here(pos + i, c))
        .map_or(ceiling, |(i, c)| {
            if c == '\n' {
                pos + i
            } else {
                pos + i + c.len_utf8()
            }
        });
    start..end
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Whether the terminator `c` at byte `i` ends a sentence: followed by a space and a capital
/// (or an opening quote), or by the end of the text; and, for a full stop, not after an
/// abbreviation or an initial.
fn ends_sentence(text: &str, i: usize, c: char, abbreviations: &WordSet) -> bool {
    let rest = &text[i + c.len_utf8()..];
    let rest = rest.trim_start_matches(['"', '”', '»', ')', '’', '\'']);
    let after = rest.trim_start();
    if after.is_empty() {
        return true;
    }
    if after.len() == rest.len() {
        return false;
    }
    let next = after.chars().next().unwrap_or(' ');
    if !(next.is_uppercase() || matches!(next, '"' | '“' | '«' | '‘' | '(' | '-' | '–')) {
        return false;
    }
    if c != '.' {
        return true;
    }
    let before = &text[..i];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, ch)| ch.is_alphanumeric() || ch == '.')
        .last()
        .map_or(i, |(j, _)| j);
    let word = &before[word_start..];
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !is_initial && !abbreviations.contains(&word.to_lowercase())
}

/// The largest char boundary at or below `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbreviations() -> WordSet {
        ["o.a", "bijv", "m"].iter().map(|s| s.to_string()).collect()
    }

    fn sentence(text: &str, needle: &str) -> String {
        let pos = text.find(needle).unwrap();
        text[sentence_around(text, pos, &|_| false, &abbreviations())].to_string()
    }

    #[test]
    fn sentences_end_at_stops_before_capitals() {
        let text = "Eerste zin. Philips boekt o.a. winst. Laatste zin";
        assert_eq!(sentence(text, "Philips"), " Philips boekt o.a. winst.");
        assert_eq!(sentence(text, "Laatste"), " Laatste zin");
        assert_eq!(sentence(text, "Eerste"), "Eerste zin.");
    }

    #[test]
    fn initials_decimals_and_lines() {
        let text = "Topman J. Smit zag 1.5 miljard. Nieuwe\nregel";
        assert_eq!(sentence(text, "Smit"), "Topman J. Smit zag 1.5 miljard.");
        assert_eq!(sentence(text, "regel"), "regel");
        assert_eq!(sentence(text, "Nieuwe"), " Nieuwe");
    }

    #[test]
    fn protected_stops_do_not_split() {
        let text = "Koop bij JD. Com is groot";
        let jd = text.find("JD").unwrap();
        let range = sentence_around(text, 0, &|i| (jd..jd + 6).contains(&i), &abbreviations());
        assert_eq!(&text[range], text);
    }

    #[test]
    fn tokens_keep_clause_punctuation() {
        let text = "Alibaba (groot), d’Alibaba; été";
        let lowers: Vec<String> = tokens(text, 0..text.len())
            .into_iter()
            .map(|t| t.lower)
            .collect();
        assert_eq!(
            lowers,
            ["alibaba", "(", "groot", ")", ",", "d", "’", "alibaba", ";", "été"]
        );
    }

    #[test]
    fn long_text_without_stops_is_bounded() {
        let text = "woord ".repeat(10_000);
        let range = sentence_around(&text, 30_000, &|_| false, &abbreviations());
        assert!(range.end - range.start <= 2 * MAX_SENTENCE_SIDE);
    }
}
