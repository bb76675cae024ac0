//! The charset of an HTML page: the HTTP header, then a byte-order mark, then
//! `<meta charset>` / `http-equiv`, then detection.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use memchr::memmem;

/// How far into the page `<meta charset>` is looked for. Browsers stop at 1024 bytes, but
/// real pages put long scripts and styles before it.
const META_SCAN_BYTES: usize = 16 * 1024;

/// Decodes an HTML page. The charset comes from the `Content-Type` header when given,
/// then a byte-order mark, then `<meta charset>` / `http-equiv`, then detection with
/// chardetng. A declared single-byte charset on bytes that are valid multi-byte UTF-8 is
/// a mislabel, and the page is read as UTF-8; so is a declared UTF-8 on bytes that are not.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    let encoding = choose_encoding(bytes, content_type);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// The encoding [`decode_html`] uses for `bytes`.
pub fn choose_encoding(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    let declared = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| Encoding::for_bom(bytes).map(|(enc, _)| enc))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_SCAN_BYTES)]));
    let utf8_valid = std::str::from_utf8(bytes).is_ok();
    match declared {
        // A page never declares UTF-16 in itself (it could not be read to find out).
        Some(enc) if enc == UTF_16LE || enc == UTF_16BE => {
            if Encoding::for_bom(bytes).is_some() {
                enc
            } else {
                UTF_8
            }
        }
        Some(enc) if enc == UTF_8 && !utf8_valid => detect(bytes),
        Some(enc)
            if enc != UTF_8 && utf8_valid && !bytes.is_ascii() && enc.is_ascii_compatible() =>
        {
            UTF_8
        }
        Some(enc) => enc,
        None if utf8_valid => UTF_8,
        None => detect(bytes),
    }
}

/// Whether `bytes` look like a binary file rather than a page: NUL bytes near the start
/// without a UTF-16 byte-order mark.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    Encoding::for_bom(bytes).is_none() && head.contains(&0)
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// The `charset` parameter of a `Content-Type` value, without quotes.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|v| !v.is_empty())
    })
}

/// The charset declared by a `<meta charset>` or `<meta http-equiv content>` in `head`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut pos = 0;
    while let Some(rel) = memmem::find(&lower[pos..], b"<meta") {
        let start = pos + rel;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |i| start + i);
        let tag = &lower[start..end];
        if let Some(at) = memmem::find(tag, b"charset") {
            let value = tag[at + 7..]
                .iter()
                .skip_while(|b| {
                    b.is_ascii_whitespace() || **b == b'=' || **b == b'"' || **b == b'\''
                })
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .copied()
                .collect::<Vec<u8>>();
            if let Some(enc) = Encoding::for_label(&value) {
                return Some(enc);
            }
        }
        pos = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRENCH_1252: &[u8] = b"<p>L'\xe9t\xe9 co\xfbte 5\xa0\x80 \xe0 No\xebl</p>";
    const FRENCH_TEXT: &str = "<p>L'été coûte 5\u{a0}€ à Noël</p>";

    #[test]
    fn header_charset_wins() {
        assert_eq!(
            decode_html(FRENCH_1252, Some("text/html; charset=\"windows-1252\"")),
            FRENCH_TEXT
        );
        assert_eq!(
            decode_html(FRENCH_1252, Some("text/html; charset=ISO-8859-1")),
            FRENCH_TEXT
        );
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let mut page = b"<html><head><meta charset='iso-8859-15'></head>".to_vec();
        page.extend_from_slice(b"<p>co\xfbt \xa4</p>");
        assert!(decode_html(&page, None).ends_with("<p>coût €</p>"));
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                .to_vec();
        page.extend_from_slice(FRENCH_1252);
        assert!(decode_html(&page, Some("text/html")).ends_with(FRENCH_TEXT));
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let mut page = b"<html><body>".to_vec();
        for _ in 0..20 {
            page.extend_from_slice(b"<p>Le g\xe9n\xe9ral a d\xe9cid\xe9 que la soci\xe9t\xe9 serait cr\xe9\xe9e \xe0 Lyon.</p>");
        }
        let text = decode_html(&page, None);
        assert!(text.contains("Le général a décidé que la société serait créée à Lyon."));
    }

    #[test]
    fn mislabels_are_corrected() {
        // Declared Latin-1, but the bytes are UTF-8.
        let page = "<meta charset=iso-8859-1><p>été</p>".as_bytes();
        assert!(decode_html(page, None).ends_with("<p>été</p>"));
        // Declared UTF-8, but the bytes are Windows-1252.
        let mut page = b"<meta charset=utf-8>".to_vec();
        page.extend_from_slice(FRENCH_1252);
        assert!(decode_html(&page, None).ends_with(FRENCH_TEXT));
    }

    #[test]
    fn bom_beats_meta() {
        let mut page = vec![0xff, 0xfe];
        for unit in "<meta charset=latin1><p>Noël</p>".encode_utf16() {
            page.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode_html(&page, None), "<meta charset=latin1><p>Noël</p>");
        assert_eq!(
            decode_html(b"\xef\xbb\xbf<p>\xc3\xa9</p>", None),
            "<p>é</p>"
        );
    }
}
