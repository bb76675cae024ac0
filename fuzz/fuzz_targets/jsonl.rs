//! One JSON Lines record on arbitrary bytes: an article or an error with a message,
//! never a panic; a parsed article then goes through the whole pipeline.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::pipeline::{process_article, Options};
use newsfacts::source::parse_jsonl_line;

fuzz_target!(|data: &[u8]| {
    match parse_jsonl_line(data, "fuzz.jsonl:1") {
        Ok(article) => {
            assert_eq!(article.source, "fuzz.jsonl:1");
            let record = process_article(article, &Options::default());
            if let Err(e) = serde_json::to_string(&record) {
                panic!("record does not encode: {e}");
            }
        }
        Err(failure) => assert!(!failure.error.message.is_empty(), "error without message"),
    }
});
