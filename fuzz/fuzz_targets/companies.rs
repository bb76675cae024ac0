//! The companies engine of every language on arbitrary text: spans on char boundaries,
//! inside the text, valid values, and the same result twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts_fuzz::{check_mentions, language, text, LANGS};

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    for code in LANGS {
        let engine = &language(code).engines.companies;
        let mentions = engine.extract(&text);
        check_mentions(&text, &mentions);
        assert_eq!(mentions, engine.extract(&text), "nondeterministic");
    }
});
