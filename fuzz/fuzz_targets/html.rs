//! HTML decoding and main-text extraction on arbitrary bytes, with and without an HTTP
//! charset.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::html::{decode_html, extract};

fuzz_target!(|data: &[u8]| {
    let page = decode_html(data, None);
    let _ = decode_html(data, Some("text/html; charset=windows-1252"));
    let article = extract(&page);
    if let Some(title) = &article.title {
        assert!(!title.is_empty(), "empty title kept");
    }
});
