//! A small tokenizer for the text around a currency mention: numbers in digits (with
//! their separators), lowercase words, and single symbols, each with its byte range.

use crate::extract::numbers::{scan_digits, DigitNumber};

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A number in digits (`1,7`, `1.500.000`).
    Num(DigitNumber),
    /// A run of letters, lowercased (`miljard`, `d`, `américains`).
    Word(String),
    /// Any other single character (`$`, `€`, `-`, `'`, `.`); `’` is read as `'`.
    Sym(char),
}

/// One token with its byte range in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Whether whitespace separates this token from the previous one.
    pub spaced: bool,
    /// Whether a line break separates this token from the previous one.
    pub new_line: bool,
    /// Whether the token has no lowercase letter (`EUR`, `$`).
    pub upper: bool,
    /// The token itself.
    pub kind: Kind,
    /// See [`Token::key`].
    key: String,
}

impl Token {
    /// The lowercase word, if this is a word.
    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    /// The number, if this is a number in digits.
    pub fn num(&self) -> Option<&DigitNumber> {
        match &self.kind {
            Kind::Num(n) => Some(n),
            _ => None,
        }
    }

    /// Whether this is the symbol `c`.
    pub fn is_sym(&self, c: char) -> bool {
        self.kind == Kind::Sym(c)
    }

    /// The token as a key for table lookups: the lowercase word, the symbol, or the
    /// number's text.
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// Letters that form words; CJK characters such as `元` stand alone like symbols.
fn is_word_char(c: char) -> bool {
    c.is_alphabetic() && c < '\u{2E80}'
}

/// Splits `text[from..to]` into tokens. `from` and `to` must be char boundaries.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = from;
    let mut spaced = false;
    let mut new_line = false;
    while i < to {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if c.is_whitespace() {
            spaced = true;
            new_line |= c == '\n' || c == '\r';
            i += c.len_utf8();
            continue;
        }
        let (end, kind) = if c.is_ascii_digit() {
            match scan_digits(&text[..to], i) {
                Some(n) => (n.end, Kind::Num(n)),
                None => (i + 1, Kind::Sym(c)),
            }
        } else if is_word_char(c) {
            let end = text[i..to]
                .char_indices()
                .find(|&(_, ch)| !is_word_char(ch))
                .map_or(to, |(k, _)| i + k);
            (end, Kind::Word(text[i..end].to_lowercase()))
        } else {
            let sym = if c == '’' || c == '\u{2bc}' {
                '\''
            } else {
                c
            };
            (i + c.len_utf8(), Kind::Sym(sym))
        };
        let upper = !text[i..end].chars().any(char::is_lowercase);
        let key = match &kind {
            Kind::Word(w) => w.clone(),
            Kind::Sym(c) => c.to_string(),
            Kind::Num(_) => text[i..end].to_string(),
        };
        tokens.push(Token {
            start: i,
            end,
            spaced,
            new_line,
            upper,
            kind,
            key,
        });
        spaced = false;
        new_line = false;
        i = end;
    }
    tokens
}

/// Tokenizes a table phrase (`dollars américains`, `d'`, `$ c`) into lookup keys.
pub fn phrase_keys(phrase: &str) -> Vec<String> {
    tokenize(phrase, 0, phrase.len())
        .iter()
        .map(|t| t.key().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_numbers_words_and_symbols() {
        let text = "ca. 13,4 Mds€ d’euros";
        let t = tokenize(text, 0, text.len());
        let keys: Vec<&str> = t.iter().map(Token::key).collect();
        assert_eq!(keys, ["ca", ".", "13,4", "mds", "€", "d", "'", "euros"]);
        assert!(!t[1].spaced && t[2].spaced);
    }

    #[test]
    fn cjk_currency_is_a_symbol() {
        let text = "100元!";
        let toks = tokenize(text, 0, text.len());
        let keys: Vec<&str> = toks.iter().map(Token::key).collect();
        assert_eq!(keys, ["100", "元", "!"]);
    }
}
