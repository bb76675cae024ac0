//! Character helpers shared by the stages that fold text (date tokens, language routing).

/// The lower case of an ASCII or Latin-1 char without Unicode tables: `À`-`Þ` but `×`
/// are the capitals of `à`-`þ`, 0x20 below them. `None` beyond Latin-1, where callers
/// use [`char::to_lowercase`].
#[inline]
pub fn latin1_lower(c: char) -> Option<char> {
    match c {
        '\0'..='\u{7f}' => Some(c.to_ascii_lowercase()),
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(u32::from(c) + 0x20),
        '\u{80}'..='\u{ff}' => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::latin1_lower;

    #[test]
    fn latin1_lowering_is_the_unicode_lowering() {
        for c in '\0'..='\u{ff}' {
            let expected: Vec<char> = c.to_lowercase().collect();
            assert_eq!(latin1_lower(c).map(|l| vec![l]), Some(expected), "{c:?}");
        }
        for c in ['\u{100}', 'Ā', '’', '€', 'İ'] {
            assert_eq!(latin1_lower(c), None, "{c:?}");
        }
    }
}
