//! Text helpers for company names: word boundaries, sentence starts and capitalized
//! name tokens. All offsets are byte offsets at char boundaries.

/// The most tokens an unknown company name may have (`Acme Robotics Europe Holding`).
const MAX_TOKENS: usize = 5;

/// The char before byte offset `at`, if any.
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// The char at byte offset `at`, if any.
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// Whether `c` continues a word (so a name cannot end or begin next to it).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else if ('\u{C0}'..='\u{24F}').contains(&c) {
        // Latin-1 and Latin Extended letters (é, ß, ł), without a table lookup.
        c != '×' && c != '÷'
    } else if c < '\u{C0}' {
        // Latin-1 signs (no-break space, «, °): the few letters and digits among them.
        matches!(c, 'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼' | '½' | '¾')
    } else if ('\u{2000}'..='\u{206F}').contains(&c) || ('\u{20A0}'..='\u{20CF}').contains(&c) {
        // Punctuation (’, –, “) and currency signs (€): frequent, never letters.
        false
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `start..end` is a whole word or word group: no word char on either side.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    !char_before(text, start).is_some_and(is_word_char)
        && !char_at(text, end).is_some_and(is_word_char)
}

/// The end of the run of word chars from `at` (`at` itself when none is there).
pub fn word_end(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    at + rest
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i)
}

/// Whether the word at `start` opens a sentence, a heading or a line, where every word
/// is capitalized and capitals prove nothing.
pub fn sentence_initial(text: &str, start: usize) -> bool {
    for c in text[..start].chars().rev() {
        match c {
            '\n' | '.' | '!' | '?' | ':' | ';' | '…' | '•' => return true,
            c if c.is_whitespace() => {}
            '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' | '(' | '[' | '-' | '–' | '—'
            | '*' => {}
            _ => return false,
        }
    }
    true
}

/// The end of the capitalized name token starting at `at`, e.g. `JD.com`, `AT&T`,
/// `Coca-Cola`, `3M`: word chars with inner `.`, `&`, `-`, `'` joiners. `None` when the
/// text at `at` does not start with a capital (or a digit followed by a letter).
pub fn name_token(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let first = rest.chars().next()?;
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return None;
    }
    let mut end = at;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = matches!(c, '.' | '&' | '-' | '\'' | '’')
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if is_word_char(c) || (joins && i > 0) {
            end = at + i + c.len_utf8();
        } else {
            break;
        }
    }
    let token = &text[at..end];
    (token.chars().any(char::is_alphabetic) && end > at).then_some(end)
}

/// The end of the camel-case word at `at` (`eToro`, `iCoSys`: a lower-case letter first, a
/// capital later), which a brand may be written as, ending by `limit`.
pub fn camel_word(text: &str, at: usize, limit: usize) -> Option<usize> {
    let end = word_end(text, at);
    let mut chars = text[at..end].chars();
    let camel = chars.next().is_some_and(char::is_lowercase) && chars.any(char::is_uppercase);
    (camel && end <= limit).then_some(end)
}

/// A run of up to [`MAX_TOKENS`] capitalized tokens starting at `at` and ending by `limit`,
/// separated by one space or by ` & `. `stop(token)` ends the run before a token that cannot belong to a
/// name (an article, a month). Returns the run's end, or `None` for no token.
pub fn name_run(text: &str, at: usize, limit: usize, stop: impl Fn(&str) -> bool) -> Option<usize> {
    let mut end = None;
    let mut pos = at;
    for _ in 0..MAX_TOKENS {
        let Some(token_end) = name_token(text, pos).filter(|&e| e <= limit) else {
            break;
        };
        if stop(&text[pos..token_end]) {
            break;
        }
        end = Some(token_end);
        let rest = &text[token_end..];
        let gap = if rest.starts_with(" & ") {
            3
        } else if rest.starts_with(' ') {
            1
        } else {
            break;
        };
        pos = token_end + gap;
    }
    end
}

/// The start of the run of capitalized tokens that ends right before `end` (one space
/// or ` & ` between tokens), going back at most to `floor`. `None` when the word before
/// `end` is not capitalized.
pub fn name_run_before(text: &str, end: usize, floor: usize) -> Option<usize> {
    let mut start = None;
    let mut pos = end;
    for _ in 0..MAX_TOKENS {
        let Some(token_start) = word_start_before(text, pos, floor) else {
            break;
        };
        if name_token(text, token_start) != Some(pos) {
            break;
        }
        start = Some(token_start);
        let head = &text[floor..token_start];
        let gap = if head.ends_with(" & ") {
            3
        } else if head.ends_with(' ') {
            1
        } else {
            break;
        };
        pos = token_start - gap;
    }
    start
}

/// The start of the word (with inner joiners) ending at `end`, not before `floor`.
pub fn word_start_before(text: &str, end: usize, floor: usize) -> Option<usize> {
    let head = text.get(floor..end)?;
    let mut start = end;
    let mut chars = head.char_indices().rev().peekable();
    while let Some((i, c)) = chars.next() {
        let joins = matches!(c, '.' | '&' | '-' | '\'' | '’')
            && chars.peek().is_some_and(|&(_, p)| p.is_alphanumeric())
            && start < end;
        if is_word_char(c) || joins {
            start = floor + i;
        } else {
            break;
        }
    }
    (start < end).then_some(start)
}

/// Whether `head` ends with a news dateline, `BERLIN, 29` or `PARIS, 12 mars`, possibly
/// followed by spaces: what a wire dispatch puts before its agency, `(Wolff)`.
pub fn ends_with_dateline(head: &str) -> bool {
    let head = head.trim_end_matches(' ');
    let without_month = head.trim_end_matches(char::is_lowercase);
    let head = if without_month.len() < head.len() {
        match without_month.strip_suffix(' ') {
            Some(h) => h,
            None => return false,
        }
    } else {
        head
    };
    let before_day = head.trim_end_matches(|c: char| c.is_ascii_digit());
    if !(1..=2).contains(&(head.len() - before_day.len())) {
        return false;
    }
    let Some(city_end) = before_day.strip_suffix(", ") else {
        return false;
    };
    let city_len: usize = city_end
        .chars()
        .rev()
        .take_while(|&c| c.is_uppercase() || c == '-' || c == '\'')
        .map(char::len_utf8)
        .sum();
    let city_start = city_end.len() - city_len;
    let letters = city_end[city_start..]
        .chars()
        .filter(|c| c.is_alphabetic())
        .count();
    letters >= 3 && !char_before(city_end, city_start).is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_allow_hyphens_and_elisions() {
        let t = "d'Alibaba, Alibaba-CEO, Alibabas";
        assert!(on_word_boundaries(t, 2, 9));
        assert!(on_word_boundaries(t, 11, 18));
        assert!(!on_word_boundaries(t, 24, 31));
    }

    #[test]
    fn word_chars_are_letters_digits_and_underscore() {
        let ranges = ['\u{80}'..='\u{24F}', '\u{2000}'..='\u{20CF}'];
        for c in ranges
            .into_iter()
            .flatten()
            .chain(['a', 'Z', '7', '_', '-', ' '])
        {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '_', "{c:?}");
        }
    }

    #[test]
    fn datelines() {
        assert!(ends_with_dateline("Orages. BERLIN, 29 "));
        assert!(ends_with_dateline("-GENÈVE, 3 décembre "));
        assert!(ends_with_dateline("SAINT-ÉTIENNE, 12"));
        assert!(!ends_with_dateline("Berlin, 29 "));
        assert!(!ends_with_dateline("BERLIN 29 "));
        assert!(!ends_with_dateline("UE, 2029 "));
        assert!(!ends_with_dateline("voir page 12 "));
        assert!(!ends_with_dateline(""));
    }

    #[test]
    fn sentence_starts() {
        let t = "Hij zei: Shell wint. \"Total\" niet. Met Orange\nSky";
        assert!(sentence_initial(t, t.find("Shell").unwrap()));
        assert!(sentence_initial(t, t.find("Total").unwrap()));
        assert!(!sentence_initial(t, t.find("Orange").unwrap()));
        assert!(sentence_initial(t, t.find("Sky").unwrap()));
        assert!(sentence_initial(t, 0));
    }

    #[test]
    fn tokens_keep_inner_joiners() {
        let t = "JD.com, AT&T. Coca-Cola 3M 2020 ebay";
        let end = |w: &str| name_token(t, t.find(w).unwrap()).map(|e| &t[t.find(w).unwrap()..e]);
        assert_eq!(end("JD.com"), Some("JD.com"));
        assert_eq!(end("AT&T"), Some("AT&T"));
        assert_eq!(end("Coca"), Some("Coca-Cola"));
        assert_eq!(end("3M"), Some("3M"));
        assert_eq!(end("2020"), None);
        assert_eq!(end("ebay"), None);
    }

    #[test]
    fn runs_forward_and_backward() {
        let t = "het bedrijf Lernout & Hauspie Speech In mei Acme Robotics N.V.";
        let at = t.find("Lernout").unwrap();
        let end = name_run(t, at, t.len(), |w| w == "In").unwrap();
        assert_eq!(&t[at..end], "Lernout & Hauspie Speech");
        let nv = t.find(" N.V.").unwrap();
        let start = name_run_before(t, nv, 0).unwrap();
        assert_eq!(&t[start..nv], "Acme Robotics");
        assert_eq!(name_run_before("zijn CV", 4, 0), None);
    }
}
