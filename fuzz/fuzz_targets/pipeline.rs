//! The whole article pipeline (language routing, every engine, code-point offsets) on
//! arbitrary text: each fact's offsets index its text in code points, and the record
//! encodes as JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsfacts::article::Article;
use newsfacts::pipeline::{process_article, Options};
use newsfacts_fuzz::{check_value, contexts, text};

fuzz_target!(|data: &[u8]| {
    // The first byte picks the language routing and the publication date.
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = text(rest).into_owned();
    let options = Options {
        forced_lang: match selector % 3 {
            0 => None,
            1 => Some("nl".into()),
            _ => Some("fr".into()),
        },
        ..Options::default()
    };
    let mut article = Article::new("fuzz", text.clone());
    article.published = contexts()[usize::from(selector / 3) % 4].published;
    let record = process_article(article, &options);
    let chars: Vec<char> = text.chars().collect();
    for fact in &record.facts {
        assert!(
            fact.start < fact.end && fact.end <= chars.len(),
            "bad fact span"
        );
        let surface: String = chars[fact.start..fact.end].iter().collect();
        assert_eq!(surface, fact.text, "fact text differs from its span");
        check_value(&fact.text, &fact.value);
    }
    if let Err(e) = serde_json::to_string(&record) {
        panic!("record does not encode: {e}");
    }
});
