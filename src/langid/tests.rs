//! Detection tests on sentences written for them: the confusable pairs, headlines,
//! mixed texts, undecidable input and the bounded sample.

use super::*;

fn lang_of(text: &str) -> String {
    detect(text).lang
}

fn assert_all(lang: &str, texts: &[&str]) {
    for text in texts {
        let detection = detect(text);
        assert_eq!(detection.lang, lang, "{text:?} -> {detection:?}");
        assert!((0.0..=1.0).contains(&detection.confidence));
    }
}

#[test]
fn dutch_is_not_afrikaans() {
    assert_all(
        "nl",
        &[
            "De gemeente wil het plein voor de zomer opnieuw laten inrichten.",
            "Hij zegt dat hij niet wist dat de brug gesloten zou worden.",
            "Volgens de bank is het aantal klanten vorig jaar flink gegroeid.",
            "Die beslissing is volgens de minister niet meer terug te draaien.",
            "Ze hebben het huis na drie jaar eindelijk kunnen verkopen.",
        ],
    );
}

#[test]
fn afrikaans_is_not_dutch() {
    assert_all(
        "af",
        &[
            "Die regering het gesê dat die nuwe wet nie volgende jaar sal begin nie.",
            "Ek het nie geweet dat die winkel so vroeg toemaak nie.",
            "Hulle wil 'n nuwe skool in die dorp bou.",
            "Die polisie sê hy is gister in hegtenis geneem.",
            "Daar is baie mense wat nie werk kry nie.",
        ],
    );
}

#[test]
fn dutch_is_not_german() {
    assert_all(
        "nl",
        &[
            "Het bedrijf heeft zijn winst in het derde kwartaal zien dalen.",
            "De trein naar Berlijn vertrekt vanaf morgen een uur later.",
            "Wij zijn blij dat de school eindelijk een nieuwe directeur heeft.",
        ],
    );
    assert_all(
        "de",
        &[
            "Das Unternehmen hat seinen Gewinn im dritten Quartal nicht steigern können.",
            "Der Zug nach Amsterdam fährt ab morgen eine Stunde später.",
            "Die Stadt will die Brücke bis zum Sommer schließen und neu bauen.",
        ],
    );
}

#[test]
fn french_is_not_italian_or_spanish() {
    assert_all(
        "fr",
        &[
            "Le gouvernement a présenté mardi un nouveau plan pour les hôpitaux.",
            "Les salariés de l'usine ont décidé de poursuivre la grève jusqu'à lundi.",
            "La banque prévoit une hausse des taux d'intérêt avant la fin de l'année.",
            "Il n'a pas voulu dire combien la ville avait payé pour ce terrain.",
        ],
    );
    assert_all(
        "it",
        &[
            "Il governo ha presentato martedì un nuovo piano per gli ospedali.",
            "La banca prevede un aumento dei tassi di interesse entro la fine dell'anno.",
            "I lavoratori della fabbrica hanno deciso di continuare lo sciopero.",
        ],
    );
    assert_all(
        "es",
        &[
            "El gobierno presentó el martes un nuevo plan para los hospitales.",
            "La empresa prevé una subida de los precios antes de final de año.",
            "Los trabajadores de la fábrica decidieron seguir con la huelga.",
        ],
    );
}

#[test]
fn headlines() {
    assert_all(
        "nl",
        &[
            "Kabinet trekt extra geld uit voor de zorg",
            "Brand in woonwijk: bewoners geëvacueerd",
            "Fietser zwaargewond bij aanrijding",
            "Nieuwe directeur voor het ziekenhuis",
        ],
    );
    assert_all(
        "fr",
        &[
            "La grève des cheminots se poursuit",
            "Incendie dans un entrepôt près de Lyon",
            "Le prix de l'essence au plus haut",
            "Nouvelle hausse du chômage en octobre",
        ],
    );
}

#[test]
fn body_decides_over_a_foreign_title_or_quote() {
    let french_body = "Breaking news on the markets\n\
        Le conseil d'administration a annoncé jeudi la vente de sa filiale belge. \
        La transaction devrait être finalisée avant la fin de l'année, selon la direction. \
        Les syndicats craignent des suppressions d'emplois dans les usines du groupe. \
        Le ministre de l'Économie a demandé des garanties sur le maintien des sites.";
    assert_eq!(lang_of(french_body), "fr");

    let dutch_with_quote = "De Franse president sprak dinsdag in Brussel met de Europese \
        leiders over de begroting. \"Nous ne céderons pas sur la question des budgets \
        agricoles, c'est une ligne rouge pour la France\", zei hij na afloop tegen de pers. \
        De onderhandelingen gaan volgende week verder, maar een akkoord lijkt nog ver weg. \
        Nederland wil dat de lidstaten minder gaan betalen aan de Europese Unie.";
    let detection = detect(dutch_with_quote);
    assert_eq!(detection.lang, "nl");
    assert_eq!(detection.secondary, vec!["fr".to_string()]);
}

#[test]
fn plain_texts_have_no_secondary_language() {
    let detection = detect(
        "Het museum is vanaf zaterdag weer open. Bezoekers moeten wel vooraf een \
         tijdslot reserveren. De directie verwacht dat het de eerste weken erg druk wordt.",
    );
    assert_eq!(detection.lang, "nl");
    assert!(detection.secondary.is_empty());
    assert!(detection.confidence > 0.9, "{detection:?}");
}

#[test]
fn too_little_text_is_undetermined() {
    for text in ["", "   ", "2024", "!!!", "OK", "1.250.000 euro"] {
        let detection = detect(text);
        assert_eq!(detection.lang, UNDETERMINED, "{text:?}");
        assert!((0.0..=1.0).contains(&detection.confidence));
    }
}

#[test]
fn other_latin_languages_are_not_routed() {
    // Polish and Finnish are not candidates: few of their words are in any list.
    for text in [
        "Rząd przedstawił we wtorek nowy plan dla szpitali w całym kraju, a minister \
         zapowiedział dodatkowe pieniądze na wynagrodzenia lekarzy i pielęgniarek.",
        "Hallitus esitteli tiistaina uuden suunnitelman sairaaloille, ja ministeri \
         lupasi lisää rahaa lääkäreiden ja hoitajien palkkoihin koko maassa.",
    ] {
        let lang = lang_of(text);
        assert!(lang != "nl" && lang != "fr", "{text:?} -> {lang}");
    }
}

#[test]
fn other_scripts_go_to_whatlang() {
    let detection =
        detect("Правительство во вторник представило новый план для больниц всей страны.");
    assert_eq!(detection.lang, "ru");
}

#[test]
fn long_texts_are_read_only_to_a_bounded_sample() {
    let sentence = "De gemeenteraad heeft dinsdag ingestemd met het plan voor een nieuwe \
                    brug over de rivier, die over twee jaar klaar moet zijn. ";
    let long = sentence.repeat(200);
    let reading = Reading::of(&long);
    assert!(reading.end <= MAX_SAMPLE + MAX_SEGMENT, "{}", reading.end);
    assert!(reading.end >= MIN_SAMPLE);
    assert_eq!(lang_of(&long), "nl");
}

#[test]
fn pathological_input_does_not_panic() {
    let no_spaces = "é".repeat(5000);
    let reading = Reading::of(&no_spaces);
    assert!(reading.end <= MAX_SAMPLE + 2 * MAX_SEGMENT + 4);
    let _ = detect(&no_spaces);
    let _ = detect("'''  ’’ l' qu' 'n");
    let _ = detect(&"a. ".repeat(3000));
}

#[test]
fn segments_cover_the_text() {
    let text = "Eerste zin. Tweede zin!\nDerde regel zonder punt";
    let parts: Vec<&str> = Segments::new(text).collect();
    assert_eq!(
        parts,
        vec![
            "Eerste zin.",
            " Tweede zin!",
            "\n",
            "Derde regel zonder punt"
        ]
    );
    assert_eq!(parts.concat(), text);
}

#[test]
fn headlines_of_content_words_only() {
    assert_all(
        "nl",
        &[
            "Verkiezingsuitslag verrast politieke partijen",
            "Woningmarkt: huizenprijzen stijgen opnieuw",
            "Luchtvaartmaatschappij schrapt vluchten",
        ],
    );
    assert_all(
        "fr",
        &[
            "Inondations meurtrières dans le Sud-Ouest",
            "Manifestations: mobilisation record",
            "Réforme fiscale: nouvelles mesures",
        ],
    );
}

#[test]
fn afrikaans_headlines_are_not_dutch() {
    for text in [
        "Nuwe skool vir plaaslike gemeenskap",
        "Polisie soek verdagtes ná roof",
    ] {
        let lang = lang_of(text);
        assert_ne!(lang, "nl", "{text:?}");
    }
}
