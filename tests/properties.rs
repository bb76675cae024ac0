//! Property tests over the whole extraction pipeline: whatever the text, facts index it
//! exactly, values are well-formed, and extraction is deterministic.

use newsfacts::article::{Article, LangHint, PubDate};
use newsfacts::extract::FactValue;
use newsfacts::pipeline::{process_article, Options};
use proptest::prelude::*;
use regex::Regex;

/// Fragments of Dutch and French business news, so generated texts hit the rules.
const TOKENS: &[&str] = &[
    "1,7",
    "2",
    "28",
    "1.500",
    "1 500",
    "1\u{a0}500",
    "13,4",
    "0,5",
    "2020",
    "2015",
    "3",
    "12",
    "%",
    "miljard",
    "miljoen",
    "mld",
    "mln",
    "milliards",
    "millions",
    "Md€",
    "M€",
    "Mds€",
    "k€",
    "euro",
    "dollar",
    "dollars",
    "€",
    "$",
    "US$",
    "£",
    "CHF",
    "de",
    "d’",
    "d'",
    "van",
    "tot",
    "tussen",
    "en",
    "à",
    "ruim",
    "environ",
    "plus",
    "sinds",
    "depuis",
    "jusqu’en",
    "in",
    "het",
    "derde",
    "kwartaal",
    "trimestre",
    "premier",
    "semestre",
    "maart",
    "mars",
    "janvier",
    "1er",
    "vorig",
    "jaar",
    "l'an",
    "dernier",
    "gisteren",
    "hier",
    "dinsdag",
    "mardi",
    "komende",
    "vijf",
    "trois",
    "prochaines",
    "années",
    "Alibaba",
    "Alibaba-CEO",
    "IBM",
    "Google",
    "Cloud",
    "Shell",
    "Orange",
    "TotalEnergies",
    "N.V.",
    "SA",
    "groupe",
    "bedrijf",
    "la",
    "société",
    "Philips",
    "é",
    "’",
    "\u{202f}",
    "(",
    ")",
    ",",
    ".",
    "-",
    "\n",
    "🙂",
    "Ω",
    "",
];

fn article_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        4 => proptest::sample::select(TOKENS).prop_map(str::to_string),
        1 => "\\PC{0,6}",
    ];
    proptest::collection::vec(
        (
            token,
            proptest::sample::select(&[" ", " ", "", "\n", "\u{a0}"][..]),
        ),
        0..40,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .map(|(t, sep)| format!("{t}{sep}"))
            .collect()
    })
}

fn publication() -> impl Strategy<Value = Option<PubDate>> {
    prop_oneof![
        Just(None),
        Just(PubDate::parse("2020-11")),
        Just(PubDate::parse("2023-03-15")),
        Just(PubDate::parse("2019")),
    ]
}

fn timex() -> Regex {
    Regex::new(
        r"^(?:(?P<point>(?:\d{4}|XXXX)(?:-(?:\d{2}(?:-\d{2})?|Q[1-4]|H[12]|W\d{2}(?:-WE)?|SP|SU|FA|WI))?|SP|SU|FA|WI)(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?|P(?:\d+(?:[.,]\d+)?|X)(?:[YMWDQH]|DE))$",
    )
    .unwrap()
}

fn run(text: &str, lang: &str, published: Option<PubDate>) -> newsfacts::output::Record {
    let mut article = Article::new("prop", text);
    article.lang_hint = Some(LangHint {
        code: lang.into(),
        authoritative: true,
    });
    article.published = published;
    process_article(article, &Options::default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn facts_index_the_text_exactly(text in article_text(), lang in prop_oneof![Just("nl"), Just("fr")], published in publication()) {
        let record = run(&text, lang, published);
        let chars: Vec<char> = text.chars().collect();
        let timex = timex();
        for fact in &record.facts {
            prop_assert!(fact.start < fact.end && fact.end <= chars.len(), "{fact:?}");
            let surface: String = chars[fact.start..fact.end].iter().collect();
            prop_assert_eq!(&surface, &fact.text);
            match &fact.value {
                FactValue::Money(m) => {
                    // Negative only when the text writes the sign (`€ -12`).
                    let signed = fact.text.contains(['-', '\u{2212}']);
                    prop_assert!(m.amount >= rust_decimal::Decimal::ZERO || signed, "{m:?}");
                    if let Some(max) = m.amount_max {
                        prop_assert!(max >= m.amount, "{m:?}");
                    }
                }
                FactValue::Date(d) => {
                    if let Some(value) = &d.value {
                        prop_assert!(timex.is_match(value), "not TIMEX3: {value}");
                    }
                }
                FactValue::Company(c) => prop_assert!(!c.name.trim().is_empty()),
            }
        }
        let line = serde_json::to_string(&record).unwrap();
        // Every number is finite: the line is valid JSON (serde_json writes no NaN or inf).
        let parsed: serde_json::Value = serde_json::from_str(&line).unwrap();
        for fact in parsed["facts"].as_array().unwrap() {
            if let Some(amount) = fact.get("amount") {
                prop_assert!(amount.as_f64().is_some_and(f64::is_finite), "{fact}");
            }
        }
    }

    #[test]
    fn extraction_is_deterministic(text in article_text(), lang in prop_oneof![Just("nl"), Just("fr")]) {
        let published = PubDate::parse("2021-06-30");
        let a = serde_json::to_string(&run(&text, lang, published)).unwrap();
        let b = serde_json::to_string(&run(&text, lang, published)).unwrap();
        prop_assert_eq!(a, b);
    }
}

#[test]
fn the_timex_check_itself_rejects_garbage() {
    let re = timex();
    for good in [
        "2015",
        "2020-11",
        "2020-03-03",
        "2023-Q3",
        "2024-H1",
        "2024-W19",
        "2024-W19-WE",
        "2016-SU",
        "WI",
        "XXXX-12-15",
        "2014-01-01/2018-01-01",
        "P3Y",
        "P5Y",
        "PXW",
        "P1DE",
    ] {
        assert!(re.is_match(good), "{good}");
    }
    for bad in [
        "",
        "20",
        "2020-1",
        "2020-13-45x",
        "Q3",
        "P",
        "yesterday",
        "2020/",
        "P3Y/2020",
        "PX",
        "PXX",
    ] {
        assert!(!re.is_match(bad), "{bad}");
    }
}
