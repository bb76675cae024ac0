//! The money engine of every language on arbitrary text, without a country and in articles
//! from countries with a home currency for shared names: spans on char boundaries, inside
//! the text, valid values, and the same result twice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::article::Country;
use newsfacts_fuzz::{check_mentions, language, text, LANGS};

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    for code in LANGS {
        let engine = &language(code).engines.money;
        let mentions = engine.extract(&text);
        check_mentions(&text, &mentions);
        assert_eq!(mentions, engine.extract(&text), "nondeterministic");
        for home in ["CA", "CH", "DZ", "FR"] {
            let country = Country::parse(home);
            let mentions = engine.extract_in(&text, country);
            check_mentions(&text, &mentions);
        }
    }
});
