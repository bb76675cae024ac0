//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, else Windows-1252.

use std::borrow::Cow;

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::error::{ErrorKind, InputError};

/// How many leading bytes are checked for NUL bytes, the mark of a binary file.
const BINARY_SNIFF: usize = 8192;

/// Decodes article bytes. A byte-order mark decides first; then valid UTF-8 is taken as is,
/// and anything else is read as Windows-1252 (a superset of Latin-1 used by older French
/// and Dutch sites). Bytes with NULs are rejected as binary. Valid UTF-8 is borrowed, not
/// copied: a JSON Lines record is parsed straight from its line.
pub fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, InputError> {
    if let Some(rest) = bytes.strip_prefix(b"\xef\xbb\xbf") {
        return decode_text(rest);
    }
    if bytes.starts_with(b"\xff\xfe") {
        return Ok(Cow::Owned(
            UTF_16LE.decode_with_bom_removal(bytes).0.into_owned(),
        ));
    }
    if bytes.starts_with(b"\xfe\xff") {
        return Ok(Cow::Owned(
            UTF_16BE.decode_with_bom_removal(bytes).0.into_owned(),
        ));
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF)]).is_some() {
        return Err(InputError::new(
            ErrorKind::Binary,
            "binary content (NUL bytes), not a text article",
        ));
    }
    // SIMD validation: most of the cost of reading a JSON Lines record was this check.
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => Ok(Cow::Owned(
            WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through() {
        assert_eq!(decode_text("één €".as_bytes()).unwrap(), "één €");
    }

    #[test]
    fn invalid_utf8_is_windows_1252() {
        // "côté 5 €" in Windows-1252: ô = F4, é = E9, € = 80.
        assert_eq!(decode_text(b"c\xf4t\xe9 5 \x80").unwrap(), "côté 5 €");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Noël".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode_text(&bytes).unwrap(), "Noël");
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode_text(b"\xef\xbb\xbfTest").unwrap(), "Test");
    }

    #[test]
    fn nul_bytes_are_binary() {
        let err = decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Binary);
    }
}
