//! The date engine of every language on arbitrary text, against each kind of
//! publication date: spans on char boundaries, inside the text, non-empty values.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts_fuzz::{check_mentions, contexts, language, text, LANGS};

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    for code in LANGS {
        let engine = &language(code).engines.dates;
        for ctx in contexts() {
            check_mentions(&text, &engine.extract(&text, &ctx));
        }
    }
});
