//! Tests of the company engine on the shipped tables and on small hand-made tables.

use super::*;
use crate::lang::{rules, GAZETTEER};

/// `(surface, canonical name)` of every company found by `lang`'s engine in `text`.
fn companies(lang: &str, text: &str) -> Vec<(String, String)> {
    let engine = &rules(lang).expect("language").engines.companies;
    engine
        .extract(text)
        .into_iter()
        .map(|m| match m.value {
            FactValue::Company(c) => (text[m.start..m.end].to_string(), c.name),
            other => panic!("not a company: {other:?}"),
        })
        .collect()
}

/// Checks every line of an examples file (`sentence => surface | surface = Name`).
fn check_examples(lang: &str, examples: &str) {
    let mut checked = 0;
    for line in examples
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (sentence, expected) = line.split_once(" => ").expect("`=>` in example line");
        let expected: Vec<(String, String)> = if expected.trim() == "-" {
            Vec::new()
        } else {
            expected
                .split(" | ")
                .map(|item| match item.split_once(" = ") {
                    Some((surface, name)) => (surface.trim().into(), name.trim().into()),
                    None => (item.trim().into(), item.trim().into()),
                })
                .collect()
        };
        assert_eq!(companies(lang, sentence), expected, "{lang}: {sentence}");
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} examples");
}

#[test]
fn dutch_examples() {
    check_examples("nl", include_str!("../../lang/nl/companies.examples.txt"));
}

#[test]
fn french_examples() {
    check_examples("fr", include_str!("../../lang/fr/companies.examples.txt"));
}

#[test]
fn longest_name_wins_and_offsets_are_bytes() {
    let text = "Één deal: Alibaba Cloud en Alibaba.";
    let engine = &rules("nl").unwrap().engines.companies;
    let found = engine.extract(text);
    let spans: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
    assert_eq!(spans, ["Alibaba Cloud", "Alibaba"]);
    assert_eq!(found[0].start, text.find("Alibaba Cloud").unwrap());
}

#[test]
fn a_contraction_stays_out_of_the_newspapers_span() {
    let text = "Le PDG de Renault a déclaré au Figaro que l'usine fermera.";
    let engine = &rules("fr").unwrap().engines.companies;
    let spans: Vec<(usize, usize)> = engine
        .extract(text)
        .iter()
        .map(|m| (m.start, m.end))
        .collect();
    assert_eq!(spans, [(10, 17), (33, 39)]);
    assert_eq!(&text[33..39], "Figaro");
}

#[test]
fn facts_carry_ticker_and_country() {
    let engine = &rules("nl").unwrap().engines.companies;
    let found = engine.extract("Beleggers kochten ASML en Philips.");
    let FactValue::Company(asml) = &found[0].value else {
        panic!("not a company");
    };
    assert_eq!(asml.name, "ASML");
    assert_eq!(asml.country.as_deref(), Some("NL"));
    assert_eq!(asml.ticker.as_deref(), Some("ASML"));
}

/// A tiny table makes the rules visible without the shipped gazetteer; built once and
/// shared by the tests.
fn tiny_engine() -> &'static CompanyEngine {
    static ENGINE: std::sync::OnceLock<CompanyEngine> = std::sync::OnceLock::new();
    ENGINE.get_or_init(build_tiny_engine)
}

fn build_tiny_engine() -> CompanyEngine {
    let gazetteer = "Acme\tAcme Corp\tUS\tACM\nOrange\t\tFR\tORA\tcommon\nFord\t\tUS\tF\tsurname\nOrange Belgium\t\tBE\nAcme Cloud\t\tUS\n";
    let lexicon = CompanyLexicon {
        cues: vec!["het bedrijf".into()],
        compound_suffixes: vec!["topman".into()],
        legal_forms: vec!["NV".into()],
        context_words: vec!["operator".into()],
        function_words: vec!["De".into()],
        product_determiners: vec!["een".into()],
        not_companies: vec!["Europa".into()],
        parent_words: vec!["dochter".into()],
        ..CompanyLexicon::default()
    };
    CompanyEngine::new(gazetteer, &lexicon).unwrap()
}

fn spans(engine: &CompanyEngine, text: &str) -> Vec<String> {
    engine
        .extract(text)
        .iter()
        .map(|m| text[m.start..m.end].to_string())
        .collect()
}

#[test]
fn word_boundaries_are_required() {
    let e = tiny_engine();
    assert_eq!(
        spans(e, "Acmea en xAcme niet, Acme wel, d'Acme ook."),
        ["Acme", "Acme"]
    );
    assert_eq!(spans(e, "Acme Corp, Acme-topman"), ["Acme Corp", "Acme"]);
}

#[test]
fn ambiguous_names_need_capital_and_context() {
    let e = tiny_engine();
    assert!(spans(e, "Een orange jas en een Orange taart.").is_empty());
    assert_eq!(spans(e, "De operator Orange wint."), ["Orange"]);
    assert_eq!(spans(e, "Orange-topman zegt niets."), ["Orange"]);
    assert_eq!(spans(e, "Acme en Orange ruziën."), ["Acme", "Orange"]);
}

#[test]
fn family_names_not_after_first_names() {
    let e = tiny_engine();
    assert!(spans(e, "acteur Harrison Ford lacht").is_empty());
    assert_eq!(spans(e, "De Ford rijdt"), ["Ford"]);
}

#[test]
fn unknown_names_from_cues_forms_and_compounds() {
    let e = tiny_engine();
    assert_eq!(
        spans(e, "het bedrijf Zorblat Systems groeit"),
        ["Zorblat Systems"]
    );
    assert_eq!(
        spans(e, "De Plonk Robotics NV is failliet"),
        ["Plonk Robotics NV"]
    );
    assert_eq!(spans(e, "een Kwibus-topman"), ["Kwibus"]);
    assert!(spans(e, "het bedrijf Europa").is_empty());
    assert!(spans(e, "zijn CV is mooi; de Kwibus werkt niet").is_empty());
}

#[test]
fn learned_names_repeat_in_the_article() {
    let e = tiny_engine();
    assert_eq!(
        spans(e, "het bedrijf Zorblat meldt winst. Zorblat groeit."),
        ["Zorblat", "Zorblat"]
    );
}

#[test]
fn bad_tables_are_errors() {
    assert!(CompanyEngine::new("\tno name\n", &CompanyLexicon::default()).is_err());
    let broken = "cues = 3";
    assert!(toml::from_str::<CompanyLexicon>(broken).is_err());
    assert!(GAZETTEER.lines().next().unwrap_or("").starts_with('#'));
}

#[test]
fn never_panics_on_odd_text() {
    let e = &rules("fr").unwrap().engines.companies;
    for text in [
        "",
        "-",
        "d’",
        "l'",
        " SA",
        "Ltd",
        "X-",
        "é-topman",
        "Le groupe",
        "PDG d’É",
    ] {
        let _ = e.extract(text);
    }
    let nl = &rules("nl").unwrap().engines.companies;
    for text in [
        "-topman",
        "Ω-CEO",
        "bedrijf",
        " N.V.",
        "Één NV",
        // Origin names before and after a listed company, next to multibyte letters.
        "éHet Duitse Ärö en TomTom",
        "Het Duitse Ω en TomTom",
        "TomTom en het Duitse ",
        "TomTom, het Duitse Één",
        "Ω de Bilt bv",
        " de Bilt bv",
        "AZ Delta",
    ] {
        let _ = nl.extract(text);
    }
}

#[test]
fn products_and_longer_names_are_not_the_company() {
    let e = tiny_engine();
    assert!(spans(e, "de Acme Roadster rijdt").is_empty());
    assert!(spans(e, "een Acme in de garage").is_empty());
    assert!(spans(e, "de Acme-crisis duurt").is_empty());
    assert_eq!(spans(e, "de Acme-topman zwijgt"), ["Acme"]);
}

#[test]
fn bracketed_short_names_are_learned() {
    let e = tiny_engine();
    assert_eq!(
        spans(e, "het bedrijf Zorblat Systems (ZS) groeit; ZS wint."),
        ["Zorblat Systems", "ZS", "ZS"]
    );
}

#[test]
fn titles_and_capitals_text_are_not_companies() {
    let fr = |t: &str| companies("fr", t);
    assert!(fr("M. Michelin a protesté hier.").is_empty());
    assert!(fr("la loi contre M. Veil-Picard").is_empty());
    assert!(fr("VALEURS SE NEGOCIANT A TERME").is_empty());
    assert_eq!(
        fr("Les salariés de Renault-Nissan"),
        [
            ("Renault".into(), "Renault".into()),
            ("Nissan".into(), "Nissan".into())
        ]
    );
}

#[test]
fn name_heads_and_partnership_forms() {
    let fr = |t: &str| companies("fr", t);
    assert_eq!(
        fr("Les Forges de Valbrune ferment."),
        [("Forges de Valbrune".into(), "Forges de Valbrune".into())]
    );
    assert_eq!(
        fr("Il travaille chez Durandal et Cie depuis mai."),
        [("Durandal et Cie".into(), "Durandal".into())]
    );
    assert!(fr("La Banque de France relève ses prévisions.").is_empty());
    assert!(fr("La Société civile proteste.").is_empty());
    let nl = |t: &str| companies("nl", t);
    assert_eq!(
        nl("Het bier van Brouwerij Zandhoven smaakt."),
        [("Brouwerij Zandhoven".into(), "Brouwerij Zandhoven".into())]
    );
}

#[test]
fn quoted_titles_are_not_companies() {
    assert!(companies("fr", "Il lit « Le Monde » chaque matin.").is_empty());
}

#[test]
fn short_name_after_a_local_unit_is_the_unit() {
    let e = tiny_engine();
    let names = |text: &str| -> Vec<String> {
        e.extract(text)
            .into_iter()
            .map(|m| match m.value {
                FactValue::Company(c) => c.name,
                other => panic!("not a company: {other:?}"),
            })
            .collect()
    };
    assert_eq!(
        names("Orange Belgium verhoogt zijn prijzen, zegt Orange."),
        ["Orange Belgium", "Orange Belgium"]
    );
    // The parent, when the words before it say so.
    assert_eq!(
        names("Orange Belgium, een dochter van Orange, verhoogt zijn prijzen."),
        ["Orange Belgium", "Orange"]
    );
    // Before the unit is named, and for a business line in the same country.
    assert_eq!(
        names("Acme Corp en Acme Cloud: Acme wint."),
        ["Acme", "Acme Cloud", "Acme"]
    );
}

#[test]
fn a_shared_name_is_the_company_from_the_articles_country() {
    let engine = &rules("fr").unwrap().engines.companies;
    let text = "Metro et Sobeys ont relevé leurs prix.";
    let names = |country: Option<&str>| -> Vec<(usize, usize, String)> {
        engine
            .extract_in(text, country.and_then(crate::article::Country::parse))
            .into_iter()
            .map(|m| match m.value {
                FactValue::Company(c) => (m.start, m.end, c.name),
                other => panic!("not a company: {other:?}"),
            })
            .collect()
    };
    let sobeys = (9, 15, "Sobeys".to_string());
    assert_eq!(names(None), [(0, 5, "Metro AG".into()), sobeys.clone()]);
    assert_eq!(
        names(Some("CA")),
        [(0, 5, "Metro inc.".into()), sobeys.clone()]
    );
    assert_eq!(names(Some("CH")), [(0, 5, "Metro AG".into()), sobeys]);
    // The adjective of origin right before the name says it without the country.
    assert_eq!(
        companies("fr", "Le québécois Metro relève ses prix."),
        [("Metro".to_string(), "Metro inc.".to_string())]
    );
}
