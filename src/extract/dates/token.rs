//! The tokenizer of the date engine: words, numbers and punctuation with byte offsets.
//!
//! Lexicon phrases go through the same tokenizer, so a phrase such as `jusqu'en` or
//! `tot en met` matches the text whatever its spacing or apostrophe style.
//!
//! Folded forms are [`SmolStr`]s: words up to 23 bytes (nearly all) live inline, so
//! tokenizing a region allocates one vector and nothing per token.

use smol_str::{SmolStr, StrExt};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters, or letters mixed with digits (`q3`, `4e`).
    Word,
    /// ASCII digits only; the value saturates on absurdly long runs.
    Num { value: u32, digits: u8 },
    /// One punctuation character.
    Punct,
}

/// One token: its byte range in the text, its folded form and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Lower case, with typographic apostrophes as `'`.
    pub folded: SmolStr,
    /// Word, number or punctuation.
    pub kind: Kind,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Whether the token has an ASCII digit (`3e`, `Q3`, `2024`): the parser's gates ask
    /// at nearly every token.
    pub has_digit: bool,
}

impl Token {
    /// The number value, when the token is a number.
    pub fn num(&self) -> Option<(u32, u8)> {
        match self.kind {
            Kind::Num { value, digits } => Some((value, digits)),
            _ => None,
        }
    }
}

/// French elided articles and prepositions (`l'an`, `d'ici`, `jusqu'en`) that become a token
/// of their own, so that `l'` + `an` matches like `le` + `mois`.
const ELIDED: &[&str] = &[
    "l", "d", "j", "qu", "jusqu", "lorsqu", "puisqu", "n", "s", "c", "m", "t",
];

/// Whether `word` is one of [`ELIDED`], in any case (they are ASCII, and no other
/// letter lowercases to ASCII ones, so an ASCII case-insensitive test is exact).
fn is_elided(word: &str) -> bool {
    ELIDED.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// The longest string a [`SmolStr`] holds without allocating.
const INLINE: usize = 23;

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// [`char::is_alphanumeric`], answered without Unicode tables for the Latin letters
/// (U+00C0 to U+024F but `×` and `÷`) and the general punctuation (U+2000 to U+206F)
/// of news text; both ranges are checked against the tables in the tests.
#[inline]
fn is_word_char(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        '\u{d7}' | '\u{f7}' => false,
        '\u{c0}'..='\u{24f}' => true,
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// The char starting at byte `at` (a char boundary); ASCII without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(at..)?.chars().next(),
        None => None,
    }
}

/// Splits `text` into tokens; `base` is added to every offset.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    // About one token per five bytes of news text: one allocation for most regions.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, base, &mut tokens);
    tokens
}

/// How the tokenizer reads an ASCII byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    Space,
    Punct,
    /// A letter or digit: the start of a word ([`push_ascii_word`]).
    Word,
}

/// [`Ascii`] by byte value: whitespace as [`char::is_whitespace`] has it, letters,
/// digits, and the rest punctuation (controls too, as [`is_word_char`] has them).
const ASCII: [Ascii; 128] = {
    let mut table = [Ascii::Punct; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => Ascii::Space,
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => Ascii::Word,
            _ => Ascii::Punct,
        };
        b += 1;
    }
    table
};

/// [`tokenize`] into `tokens` (cleared first), reusing its allocation.
pub fn tokenize_into(text: &str, base: usize, tokens: &mut Vec<Token>) {
    tokens.clear();
    let bytes = text.as_bytes();
    let mut space_before = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII (most of the text) by table; the rest by char below.
        if let Some(&class) = ASCII.get(usize::from(b)) {
            match class {
                Ascii::Space => {
                    space_before = true;
                    i += 1;
                    continue;
                }
                Ascii::Punct => {
                    tokens.push(Token {
                        start: base + i,
                        end: base + i + 1,
                        folded: inline(&text[i..i + 1]),
                        kind: Kind::Punct,
                        space_before,
                        has_digit: false,
                    });
                    space_before = false;
                    i += 1;
                    continue;
                }
                Ascii::Word => {
                    if let Some(end) = push_ascii_word(tokens, text, i, base, space_before) {
                        space_before = false;
                        i = end;
                        continue;
                    }
                }
            }
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        if c.is_whitespace() {
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                start: base + i,
                end: base + i + c.len_utf8(),
                folded: if is_apostrophe(c) {
                    SmolStr::new_static("'")
                } else if c.is_ascii() {
                    // ASCII punctuation has no case: no char iterator to collect.
                    SmolStr::new(c.encode_utf8(&mut [0; 4]))
                } else {
                    c.to_lowercase().collect()
                },
                kind: Kind::Punct,
                space_before,
                has_digit: false,
            });
            space_before = false;
            i += c.len_utf8();
            continue;
        }
        if let Some(end) = push_ascii_word(tokens, text, i, base, space_before) {
            space_before = false;
            i = end;
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(d) = char_at(text, end) {
            let after = end + d.len_utf8();
            if is_word_char(d) {
                end = after;
            } else if is_apostrophe(d) && char_at(text, after).is_some_and(char::is_alphabetic) {
                // An apostrophe inside a word: `aujourd'hui`, `l'année`.
                end = after;
            } else if is_apostrophe(d) && is_elided(&text[i..end]) {
                // A clitic before a space or at the end: `l'` in a lexicon phrase.
                end = after;
                break;
            } else {
                break;
            }
        }
        push_word(tokens, &text[i..end], base + i, space_before);
        space_before = false;
        i = end;
    }
}

/// [`WORD_BYTES`] of an ASCII lowercase letter, uppercase letter and digit, and the
/// flag of an uppercase Latin-1 letter.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;
const LATIN_UPPER: u8 = 8;

/// The class of each byte within an ASCII word (0: none; it ends the word).
const WORD_BYTES: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'a'..=b'z' => LOWER,
            b'A'..=b'Z' => UPPER,
            b'0'..=b'9' => DIGIT,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The lead byte of the UTF-8 encoding of U+00C0 to U+00FF, the Latin-1 letters (but
/// `×` and `÷`) of French and Dutch words.
const LATIN1_LEAD: u8 = 0xc3;

/// The class of the Latin-1 char `0xC3 tail`: [`LOWER`], [`LATIN_UPPER`] (`À` to `Þ`,
/// which lower to `tail + 0x20`), or 0 for `×`, `÷` and bytes that are no tail.
fn latin1_class(tail: u8) -> u8 {
    match tail {
        0x97 | 0xb7 => 0,
        0x80..=0x9e => LATIN_UPPER,
        0x9f..=0xbf => LOWER,
        _ => 0,
    }
}

/// The common word, ASCII letters and digits and Latin-1 letters up to an ASCII byte
/// that is no apostrophe, read and pushed in one pass; its end, or `None` (nothing
/// pushed) for the others.
fn push_ascii_word(
    tokens: &mut Vec<Token>,
    text: &str,
    i: usize,
    base: usize,
    space_before: bool,
) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = i;
    // The classes of the word's chars, or-ed: one table lookup an ASCII byte.
    let mut seen = 0;
    while let Some(&b) = bytes.get(end) {
        let class = WORD_BYTES[usize::from(b)];
        if class != 0 {
            seen |= class;
            end += 1;
        } else if b == LATIN1_LEAD {
            let class = bytes.get(end + 1).map_or(0, |&tail| latin1_class(tail));
            if class == 0 {
                break;
            }
            seen |= class;
            end += 2;
        } else {
            break;
        }
    }
    // Another non-ASCII char or an apostrophe may go on with the word: the general path.
    if end == i || bytes.get(end).is_some_and(|&b| !b.is_ascii() || b == b'\'') {
        return None;
    }
    let word = &text[i..end];
    tokens.push(Token {
        start: base + i,
        end: base + end,
        folded: if seen & (UPPER | LATIN_UPPER) == 0 {
            inline(word)
        } else if seen & LATIN_UPPER == 0 {
            fold(word)
        } else {
            fold_latin1(word)
        },
        kind: if seen & (LOWER | UPPER | LATIN_UPPER) != 0 {
            Kind::Word
        } else {
            number(word)
        },
        space_before,
        has_digit: seen & DIGIT != 0,
    });
    Some(end)
}

/// [`fold`] of a word of ASCII and Latin-1 letters and digits with an uppercase Latin-1
/// letter (`ÉTÉ`, `Élysée`): bytes lowered in a stack buffer, as [`latin1_lower`] does.
fn fold_latin1(word: &str) -> SmolStr {
    let mut buffer = [0u8; INLINE];
    let Some(lowered) = buffer.get_mut(..word.len()) else {
        return fold_unicode(word);
    };
    lowered.copy_from_slice(word.as_bytes());
    let mut after_lead = false;
    for b in lowered.iter_mut() {
        if after_lead && latin1_class(*b) == LATIN_UPPER {
            *b += 0x20;
        }
        after_lead = *b == LATIN1_LEAD;
        b.make_ascii_lowercase();
    }
    match std::str::from_utf8(lowered) {
        Ok(lowered) => SmolStr::new(lowered),
        Err(_) => fold_unicode(word),
    }
}

/// `word` as a [`SmolStr`], copied in line when it fits (most words).
#[inline]
fn inline(word: &str) -> SmolStr {
    if word.len() <= INLINE {
        SmolStr::new_inline(word)
    } else {
        SmolStr::new(word)
    }
}

fn push_word(tokens: &mut Vec<Token>, word: &str, start: usize, space_before: bool) {
    // Numbers, a quarter of the tokens, need no folding.
    if word.bytes().all(|b| b.is_ascii_digit()) {
        tokens.push(Token {
            start,
            end: start + word.len(),
            folded: SmolStr::new(word),
            kind: number(word),
            space_before,
            has_digit: true,
        });
        return;
    }
    if let Some((split, folded)) = elision(word) {
        tokens.push(Token {
            start,
            end: start + split,
            folded,
            kind: Kind::Word,
            space_before,
            has_digit: false,
        });
        if split < word.len() {
            push_word(tokens, &word[split..], start + split, false);
        }
        return;
    }
    let folded = fold(word);
    let kind = if folded.bytes().all(|b| b.is_ascii_digit()) {
        number(&folded)
    } else {
        Kind::Word
    };
    tokens.push(Token {
        start,
        end: start + word.len(),
        has_digit: folded.bytes().any(|b| b.is_ascii_digit()),
        folded,
        kind,
        space_before,
    });
}

/// An elided article or preposition at the start of `word` (`l'`, `Qu’`): the bytes up to
/// and with its apostrophe, and its folded form. It is ASCII letters before the word's
/// first apostrophe (no other char lowercases to the letters of [`ELIDED`]), so it is
/// found before folding the word, which is then folded without it.
fn elision(word: &str) -> Option<(usize, SmolStr)> {
    let letters = word.bytes().take_while(u8::is_ascii_alphabetic).count();
    let apostrophe = word[letters..]
        .chars()
        .next()
        .filter(|&c| is_apostrophe(c))?;
    if !is_elided(&word[..letters]) {
        return None;
    }
    let mut folded = [b'\''; 8];
    for (f, b) in folded.iter_mut().zip(word.bytes().take(letters)) {
        *f = b.to_ascii_lowercase();
    }
    let folded = std::str::from_utf8(folded.get(..=letters)?).ok()?;
    Some((letters + apostrophe.len_utf8(), SmolStr::new(folded)))
}

/// The kind of a run of ASCII digits.
fn number(digits: &str) -> Kind {
    let value = digits.bytes().fold(0u32, |v, b| {
        v.saturating_mul(10)
            .saturating_add(u32::from(b.wrapping_sub(b'0')))
    });
    Kind::Num {
        value,
        digits: digits.len().min(255) as u8,
    }
}

/// Lower case, with typographic apostrophes as `'`; ASCII words (most of them) take the
/// fast path.
fn fold(word: &str) -> SmolStr {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return SmolStr::new(word);
        }
        // Lowered in a stack buffer: `to_ascii_lowercase_smolstr` goes char by char.
        let mut buffer = [0u8; INLINE];
        if let Some(lowered) = buffer.get_mut(..word.len()) {
            lowered.copy_from_slice(word.as_bytes());
            lowered.make_ascii_lowercase();
            if let Ok(lowered) = std::str::from_utf8(lowered) {
                return SmolStr::new(lowered);
            }
        }
        return word.to_ascii_lowercase_smolstr();
    }
    fold_unicode(word)
}

/// [`fold`] of a word with non-ASCII letters (`décembre`, `één`): built in a stack buffer,
/// ASCII letters lowered without a table lookup.
fn fold_unicode(word: &str) -> SmolStr {
    let mut buffer = [0u8; INLINE];
    let mut len = 0;
    let mut push = |c: char| {
        let end = len + c.len_utf8();
        c.encode_utf8(buffer.get_mut(len..end)?);
        len = end;
        Some(())
    };
    let fits = word.chars().try_for_each(|c| match latin1_lower(c) {
        Some(lower) => push(lower),
        None => c
            .to_lowercase()
            .map(fold_apostrophe)
            .try_for_each(&mut push),
    });
    match fits.and_then(|()| std::str::from_utf8(&buffer[..len]).ok()) {
        Some(folded) => SmolStr::new(folded),
        // Longer than a `SmolStr` holds inline: rare, and allocated anyway.
        None => word
            .chars()
            .flat_map(char::to_lowercase)
            .map(fold_apostrophe)
            .collect(),
    }
}

/// The lower case of a Latin-1 char without tables ([`crate::text::latin1_lower`]),
/// and `’` as `'`; `None` for the others.
#[inline]
fn latin1_lower(c: char) -> Option<char> {
    match c {
        '\u{2019}' => Some('\''),
        _ => crate::text::latin1_lower(c),
    }
}

fn fold_apostrophe(c: char) -> char {
    if is_apostrophe(c) {
        '\''
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        tokenize(text, 0)
            .into_iter()
            .map(|t| t.folded.to_string())
            .collect()
    }

    #[test]
    fn splits_elisions_but_keeps_aujourdhui() {
        assert_eq!(folded("Jusqu’en 2023"), ["jusqu'", "en", "2023"]);
        assert_eq!(folded("l'an dernier"), ["l'", "an", "dernier"]);
        assert_eq!(folded("aujourd’hui"), ["aujourd'hui"]);
        assert_eq!(folded("QU’IL d'Été"), ["qu'", "il", "d'", "été"]);
        assert_eq!(
            folded("l'aujourd'hui s’ l'2024"),
            ["l'", "aujourd'hui", "s'", "l'", "2024"]
        );
        assert_eq!(folded("la'x 3'x"), ["la'x", "3'x"]);
    }

    #[test]
    fn offsets_are_bytes_of_the_original() {
        let text = "Jusqu’en 2023";
        let tokens = tokenize(text, 10);
        assert_eq!(&text[tokens[0].start - 10..tokens[0].end - 10], "Jusqu’");
        assert_eq!(&text[tokens[1].start - 10..tokens[1].end - 10], "en");
        assert_eq!(tokens[2].num(), Some((2023, 4)));
        assert!(tokens[2].space_before);
    }

    #[test]
    fn folding_lowers_ascii_and_unicode_alike() {
        assert_eq!(folded("MAART Été Ĳssel"), ["maart", "été", "ĳssel"]);
        assert_eq!(folded("AUJOURD’HUI"), ["aujourd'hui"]);
        assert_eq!(folded("É"), ["é"]);
        // Longer than the inline buffer, and a letter that lowers to two chars.
        assert_eq!(folded("ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ"), ["ééééééééééééééé"]);
        assert_eq!(folded("İstanbul"), ["i\u{307}stanbul"]);
    }

    #[test]
    fn ascii_words_end_where_the_general_path_ends_them() {
        let tokens = tokenize("Q3-2024 2024é l'Été x", 0);
        let folded: Vec<_> = tokens.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(folded, ["q3", "-", "2024", "2024é", "l'", "été", "x"]);
        assert_eq!(tokens[2].num(), Some((2024, 4)));
        assert_eq!(tokens[3].kind, Kind::Word);
        assert_eq!((tokens[6].start, tokens[6].end), (23, 24));
    }

    #[test]
    fn latin1_words_are_read_as_the_general_path_reads_them() {
        let latin1 = ('\u{c0}'..='\u{ff}').filter(|&c| is_word_char(c));
        let mut words: Vec<String> = latin1
            .flat_map(|c| [format!("{c}"), format!("x{c}Y2"), format!("ÉT{c}É")])
            .collect();
        words.extend(
            [
                "été",
                "ÉTÉ",
                "Élysée",
                "après",
                "ÀÉÎÕÜ",
                "ßÿ3",
                "déééééééééééééééééééééééééé",
            ]
            .map(String::from),
        );
        for word in words {
            let text = format!("{word}, x");
            let tokens = tokenize(&text, 0);
            let mut expected = Vec::new();
            push_word(&mut expected, &word, 0, true);
            assert_eq!(tokens[0], expected[0], "{word:?}");
            assert_eq!(tokens[1].folded, ",", "{word:?}");
        }
        // `×` and `÷` end a word; other non-ASCII letters take the general path.
        assert_eq!(folded("É×È ÉŒ"), ["é", "×", "è", "éœ"]);
    }

    #[test]
    fn latin1_lowering_is_the_unicode_lowering() {
        for c in ('\0'..='\u{2fff}').chain(['€', '’', '«', '»', 'ĳ']) {
            if let Some(lower) = latin1_lower(c) {
                let expected: Vec<char> = c.to_lowercase().map(fold_apostrophe).collect();
                assert_eq!(vec![lower], expected, "{c:?}");
            }
        }
    }

    #[test]
    fn word_chars_are_the_alphanumeric_chars() {
        for c in ('\0'..='\u{2fff}').chain(['€', '’', '«', '»', '–', 'ĳ', '２', '一']) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn tokens_know_whether_they_have_a_digit() {
        let text = "Q3 2024 3e l'an 4ème drie, 2024’s 3/3 Été";
        for token in tokenize(text, 0) {
            let expected = token.folded.bytes().any(|b| b.is_ascii_digit());
            assert_eq!(token.has_digit, expected, "{:?}", token.folded);
        }
    }

    #[test]
    fn numbers_and_punctuation() {
        let tokens = tokenize("3/3/2020 Q3", 0);
        let kinds: Vec<_> = tokens.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(kinds, ["3", "/", "3", "/", "2020", "q3"]);
        assert!(!tokens[1].space_before && !tokens[2].space_before);
    }
}
