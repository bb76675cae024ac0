//! Tests of the date engine: the examples files beside the lexicons, and edge cases.

use super::*;
use crate::article::PubDate;

/// One expected date: span text, value (`None` for null) and TIMEX3 mod.
type Expected = (String, Option<String>, Option<String>);

fn run(lang: &str, text: &str, published: Option<PubDate>) -> Vec<(String, DateValue)> {
    let rules = crate::lang::rules(lang).expect("language has rules");
    rules
        .engines
        .dates
        .extract(
            text,
            &Context {
                published,
                ..Default::default()
            },
        )
        .into_iter()
        .map(|m| match m.value {
            FactValue::Date(d) => (text[m.start..m.end].to_string(), d),
            other => panic!("not a date: {other:?}"),
        })
        .collect()
}

fn parse_expected(spec: &str) -> Vec<Expected> {
    if spec.trim() == "none" {
        return Vec::new();
    }
    spec.split(';')
        .map(|item| {
            let (span, value) = item.split_once(" = ").expect("span = value");
            let mut words = value.split_whitespace();
            let value = words.next().expect("a value");
            let value = (value != "null").then(|| value.to_string());
            (
                span.trim().to_string(),
                value,
                words.next().map(str::to_string),
            )
        })
        .collect()
}

fn check_examples(lang: &str, examples: &str) {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in examples.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.split(" | ").collect();
        assert_eq!(parts.len(), 3, "bad example line: {line}");
        let published = if parts[1] == "-" {
            None
        } else {
            Some(PubDate::parse(parts[1]).expect("anchor"))
        };
        let got: Vec<Expected> = run(lang, parts[0], published)
            .into_iter()
            .map(|(span, d)| {
                let modifier = d.modifier.map(|m| {
                    serde_json::to_value(m)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                });
                (span, d.value, modifier)
            })
            .collect();
        let want = parse_expected(parts[2]);
        count += 1;
        if got != want {
            failures.push(format!("{line}\n    got {got:?}"));
        }
    }
    assert!(count > 20, "too few examples");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn dutch_examples() {
    check_examples("nl", include_str!("../../lang/nl/dates.examples.txt"));
}

#[test]
fn french_examples() {
    check_examples("fr", include_str!("../../lang/fr/dates.examples.txt"));
}

#[test]
fn durations_carry_a_range_from_the_publication_date() {
    let day = PubDate::parse("2020-11-05");
    let found = run("nl", "Ze investeren de komende vijf jaar fors.", day);
    assert_eq!(found.len(), 1);
    let (span, value) = &found[0];
    assert_eq!(span, "komende vijf jaar");
    assert_eq!(value.value.as_deref(), Some("P5Y"));
    assert_eq!(value.granularity, Granularity::Duration);
    let range = value.range.as_ref().expect("a range");
    assert_eq!(
        (range.start.as_str(), range.end.as_str()),
        ("2020-11-05", "2025-11-05")
    );

    let month = PubDate::parse("2020-04");
    let found = run("fr", "durant les trois prochaines années", month);
    let range = found[0].1.range.as_ref().expect("a range");
    assert_eq!(
        (range.start.as_str(), range.end.as_str()),
        ("2020-04", "2023-04")
    );
    assert!(run("fr", "durant les trois prochaines années", None)[0]
        .1
        .range
        .is_none());
}

#[test]
fn a_duration_since_ends_at_the_publication_date_and_a_bare_one_has_no_range() {
    let day = PubDate::parse("2024-09-25");
    let range_of = |lang, text| {
        let found = run(lang, text, day);
        assert_eq!(found.len(), 1, "{text}");
        let value = &found[0].1;
        assert_eq!(value.granularity, Granularity::Duration, "{text}");
        let range = value.range.as_ref();
        range.map(|r| (r.start.clone(), r.end.clone()))
    };
    let three_years_back = Some(("2021-09-25".to_string(), "2024-09-25".to_string()));
    assert_eq!(
        range_of("fr", "La pénurie dure depuis trois ans."),
        three_years_back
    );
    assert_eq!(
        range_of("nl", "Sinds drie jaar groeit de stad."),
        three_years_back
    );
    // Not placed on the calendar: a stay, a sentence, a spell in the past.
    assert_eq!(
        range_of("fr", "Pendant dix jours, la ville a fait la fête."),
        None
    );
    assert_eq!(range_of("nl", "Hij kreeg vijf jaar cel."), None);
}

#[test]
fn granularity_follows_the_expression() {
    let day = PubDate::parse("2020-11-05");
    let found = run(
        "nl",
        "Vorige week, in het derde kwartaal van 2019 en in mei 2018.",
        day,
    );
    let grains: Vec<Granularity> = found.iter().map(|(_, d)| d.granularity).collect();
    assert_eq!(
        grains,
        [Granularity::Week, Granularity::Quarter, Granularity::Month]
    );
}

#[test]
fn an_offset_from_the_anchor_takes_its_units_granularity() {
    let day = PubDate::parse("2025-11-24");
    let found = run(
        "nl",
        "Drie maanden geleden, tien jaar geleden, over twee kwartalen en twee weken geleden.",
        day,
    );
    let got: Vec<(Option<&str>, Granularity)> = found
        .iter()
        .map(|(_, d)| (d.value.as_deref(), d.granularity))
        .collect();
    assert_eq!(
        got,
        [
            (Some("2025-08"), Granularity::Month),
            (Some("2015"), Granularity::Year),
            (Some("2026-Q2"), Granularity::Quarter),
            (Some("2025-11-10"), Granularity::Day),
        ]
    );
}

#[test]
fn a_capitalized_lone_weekday_is_a_date_only_where_a_sentence_opens() {
    let day = PubDate::parse("2026-02-18");
    let texts: Vec<String> = run(
        "nl",
        "Brand in Gent\nZondag brak er brand uit. Volgens De Zondag stopte hij zaterdag.",
        day,
    )
    .iter()
    .map(|(span, d)| format!("{span}={}", d.value.as_deref().unwrap_or("-")))
    .collect();
    assert_eq!(texts, ["Zondag=2026-02-15", "zaterdag=2026-02-14"]);
}

#[test]
fn pathological_input_does_not_panic() {
    let day = PubDate::parse("2020-11-05");
    let long_digits = "1".repeat(10_000);
    let mixed = "3/3/ 2020-- ’ l’ d’ 99999999999 Q9 T0 K3 29/2/2019 31/4 0/0/0000".repeat(200);
    for text in [
        long_digits.as_str(),
        mixed.as_str(),
        "’",
        "l’",
        "2020-",
        "é1",
        "Q",
        "K3 2020",
    ] {
        for lang in ["nl", "fr"] {
            let _ = run(lang, text, day);
            let _ = run(lang, text, None);
        }
    }
    // A day the calendar lacks keeps its written value.
    let leap = run("nl", "29/2/2019", day);
    assert_eq!(leap.len(), 1);
    assert_eq!(leap[0].1.value.as_deref(), Some("2019-02-29"));
}

mod fuzz {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that exercise every production, glued in random order.
    const PIECES: &[&str] = &[
        "3",
        "12",
        "2020",
        "99",
        "1.500",
        "/",
        "-",
        ".",
        ",",
        "'",
        "’",
        " ",
        "  ",
        "maart",
        "jan",
        "mars",
        "dinsdag",
        "mardi",
        "vorige",
        "dernier",
        "prochaines",
        "week",
        "jaar",
        "années",
        "kwartaal",
        "Q3",
        "K4",
        "T2",
        "eerste",
        "3e",
        "1er",
        "van",
        "tot",
        "de",
        "à",
        "entre",
        "et",
        "tussen",
        "en",
        "sinds",
        "jusqu’",
        "d’ici",
        "l’",
        "eind",
        "fin",
        "mi",
        "Pasen",
        "Noël",
        "zomer",
        "été",
        "jaren",
        "eeuw",
        "geleden",
        "il y a",
        "over",
        "na",
        "gisteren",
        "aujourd’hui",
        "of later",
        "é",
        "ß",
        "🙂",
        "\u{2019}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn never_panics_and_spans_are_char_aligned(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40),
            anchored in any::<bool>(),
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect::<Vec<_>>().join(" ");
            let published = anchored.then(|| PubDate::parse("2020-02-29")).flatten();
            for lang in ["nl", "fr"] {
                let rules = crate::lang::rules(lang).expect("rules");
                let mentions = rules.engines.dates.extract(&text, &Context {
            published,
            ..Default::default()
        });
                let mut last_end = 0;
                for m in mentions {
                    prop_assert!(m.start >= last_end && m.start < m.end && m.end <= text.len());
                    prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    last_end = m.end;
                }
            }
        }
    }
}

#[test]
fn tense_stops_at_the_sentence_and_prefers_the_date_clause() {
    let april = PubDate::parse("2024-04-10");
    let value = |lang: &str, text: &str| run(lang, text, april)[0].1.value.clone();
    // The past verb of the previous sentence does not reach the date.
    assert_eq!(
        value(
            "nl",
            "De omzet daalde. In december vergaderen de aandeelhouders."
        ),
        Some("2024-12".into())
    );
    // A line break ends the sentence too.
    assert_eq!(
        value(
            "fr",
            "Les ventes ont chuté\nen décembre le conseil se réunit"
        ),
        Some("2024-12".into())
    );
    // `1.500` is no sentence end: the verb before it still counts.
    assert_eq!(
        value("nl", "Er werden 1.500 banen geschrapt in december."),
        Some("2023-12".into())
    );
    // The future verb in the date's clause beats a nearer past one outside it.
    assert_eq!(
        value(
            "fr",
            "Il a expliqué que la mine fermera en mars, a-t-il ajouté."
        ),
        Some("2025-03".into())
    );
}

#[test]
fn tense_needs_an_anchor_precise_enough() {
    // A year-only anchor cannot tell December 2023 from 2024: the year stays.
    let year = PubDate::parse("2024");
    let found = run("nl", "In december daalde de omzet.", year);
    assert_eq!(found[0].1.value.as_deref(), Some("2024-12"));
    // A month anchor is enough for a month, not for a day.
    let month = PubDate::parse("2024-04");
    let found = run("nl", "In december daalde de omzet.", month);
    assert_eq!(found[0].1.value.as_deref(), Some("2023-12"));
}

#[test]
fn tense_lookup_survives_odd_text() {
    let day = PubDate::parse("2024-04-10");
    let long = format!("{} in december {}", "é".repeat(400), "ü".repeat(400));
    assert_eq!(run("nl", &long, day)[0].1.value.as_deref(), Some("2024-12"));
    let marks = format!("{}décembre {}", ".,;!?'’-".repeat(100), "a ".repeat(300));
    assert_eq!(run("fr", &marks, day).len(), 1);
}

#[test]
fn days_after_the_one_named_before_need_no_publication_date() {
    let found = |text: &str| {
        run("fr", text, None)
            .into_iter()
            .map(|(span, d)| (span, d.value, d.granularity, d.modifier))
            .collect::<Vec<_>>()
    };
    let day = |span: &str, value: &str, modifier| {
        (
            span.to_string(),
            Some(value.to_string()),
            Granularity::Day,
            modifier,
        )
    };
    assert_eq!(
        found("Le vote a eu lieu le 12 juin 2024. Dès le lendemain, le texte a été publié."),
        vec![
            day("12 juin 2024", "2024-06-12", None),
            day("Dès le lendemain", "2024-06-13", Some(TimexMod::OnOrAfter)),
        ]
    );
    assert_eq!(
        found("L'usine a fermé le 3 mars 2020. Deux ans plus tard, elle a rouvert."),
        vec![
            day("3 mars 2020", "2020-03-03", None),
            (
                "Deux ans plus tard".to_string(),
                Some("2022".to_string()),
                Granularity::Year,
                None
            ),
        ]
    );
    // Nothing named before, or only a year before days: after what is unknown.
    assert_eq!(found("Le lendemain, le texte a été publié."), vec![]);
    assert_eq!(
        found("En 2020, l'usine a fermé. Trois jours plus tard, elle a rouvert."),
        vec![(
            "2020".to_string(),
            Some("2020".to_string()),
            Granularity::Year,
            None
        )]
    );
}

/// The French dates of `text` as (span, value), for an article published on `published`
/// in `country`.
fn french_values(
    text: &str,
    published: &str,
    country: Option<&str>,
) -> Vec<(String, Option<String>)> {
    let rules = crate::lang::rules("fr").expect("language has rules");
    let ctx = Context {
        published: PubDate::parse(published),
        country: country.and_then(crate::article::Country::parse),
    };
    rules
        .engines
        .dates
        .extract(text, &ctx)
        .into_iter()
        .map(|m| match m.value {
            FactValue::Date(d) => (text[m.start..m.end].to_string(), d.value),
            other => panic!("not a date: {other:?}"),
        })
        .collect()
}

#[test]
fn the_end_of_the_week_is_the_weekend_in_an_article_from_quebec() {
    let text = "Jusqu'à 25 centimètres de neige sont attendus en fin de semaine.";
    let values = |country| french_values(text, "2025-11-26", country);
    let weekend = vec![(
        "fin de semaine".to_string(),
        Some("2025-W48-WE".to_string()),
    )];
    let week_end = vec![("fin de semaine".to_string(), Some("2025-W48".to_string()))];
    assert_eq!(values(Some("CA")), weekend);
    assert_eq!(values(Some("FR")), week_end);
    assert_eq!(values(None), week_end);
}

#[test]
fn next_week_s_end_in_quebec_is_the_weekend_of_next_week() {
    let text = "Les Alouettes joueront la fin de semaine prochaine.";
    let value = |published| french_values(text, published, Some("CA"));
    let span = "la fin de semaine prochaine".to_string();
    // Said on a Wednesday (week 48): the weekend of week 49, not the coming one.
    assert_eq!(
        value("2025-11-26"),
        vec![(span.clone(), Some("2025-W49-WE".to_string()))]
    );
    // Said on a Saturday (week 48): the weekend of week 49 too.
    assert_eq!(
        value("2025-11-29"),
        vec![(span, Some("2025-W49-WE".to_string()))]
    );
}
