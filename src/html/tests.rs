//! Behaviour of the whole HTML stage on small pages written for these tests.

use super::*;

/// A French business-news page with the usual furniture around the article.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="fr-BE">
<head>
<meta charset="utf-8">
<title>Le brasseur lève 40 millions d'euros | La Gazette Éco</title>
<meta property="og:site_name" content="La Gazette Éco">
<meta property="og:title" content="Le brasseur lève 40 millions d'euros">
<meta property="article:published_time" content="2024-03-14T07:30:00+01:00">
<meta name="date" content="2020-01-01">
<link rel="canonical" href="https://gazette.example/eco/brasseur-40-millions">
<script>var tracking = "<p>not text</p>";</script>
<style>p { color: red }</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>Nous utilisons des cookies pour améliorer votre expérience. Acceptez-vous les cookies de mesure d'audience ?</p><button>OK</button></div>
<header class="site-header"><nav><ul><li><a href="/">Accueil</a></li><li><a href="/eco">Économie</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>
<article>
<h1>Le brasseur lève 40 millions d'euros</h1>
<p class="byline">Par Anne Dupont, publié le 14 mars 2024</p>
<div class="article-body">
<p>La brasserie familiale de Namur a annoncé jeudi une levée de fonds de 40 millions d'euros, menée par un fonds d'investissement wallon, pour doubler sa capacité de production.</p>
<p>Le directeur financier, qui s'exprimait devant la presse, a précisé que la nouvelle ligne d'embouteillage serait opérationnelle au printemps 2025, avec une cinquantaine d'emplois à la clé.</p>
<div class="newsletter-signup"><p>Inscrivez-vous à notre newsletter économique et recevez chaque matin l'essentiel de l'actualité des entreprises.</p></div>
<p>En 2023, le chiffre d'affaires de l'entreprise avait progressé de 12 %, à 85 millions d'euros, porté par les exportations vers la France et les Pays-Bas.</p>
</div>
<aside class="related-articles"><h2>À lire aussi</h2><ul><li><a href="/a">La bière belge à l'export, un succès qui ne se dément pas malgré la crise</a></li><li><a href="/b">Les brasseurs face à la hausse des prix de l'énergie cette année</a></li></ul></aside>
</article>
</main>
<footer class="site-footer"><p>© 2024 La Gazette Éco. Tous droits réservés. Mentions légales, contact et politique de confidentialité.</p></footer>
</body>
</html>"#;

#[test]
fn keeps_headline_and_body_in_order() {
    let article = extract(PAGE);
    let paragraphs: Vec<&str> = article.text.split("\n\n").collect();
    assert_eq!(paragraphs[0], "Le brasseur lève 40 millions d'euros");
    let first = article.text.find("La brasserie familiale").unwrap();
    let second = article.text.find("Le directeur financier").unwrap();
    let third = article.text.find("En 2023, le chiffre").unwrap();
    assert!(first < second && second < third, "{}", article.text);
}

#[test]
fn drops_navigation_banners_prompts_related_and_footer() {
    let text = extract(PAGE).text;
    for boilerplate in [
        "cookies",
        "Accueil",
        "newsletter",
        "À lire aussi",
        "La bière belge",
        "Tous droits réservés",
        "not text",
        "color: red",
    ] {
        assert!(!text.contains(boilerplate), "{boilerplate:?} in {text}");
    }
}

#[test]
fn metadata_precedence() {
    let article = extract(PAGE);
    assert_eq!(
        article.title.as_deref(),
        Some("Le brasseur lève 40 millions d'euros")
    );
    // article:published_time wins over <meta name="date">.
    assert_eq!(article.published.as_deref(), Some("2024-03-14"));
    assert_eq!(article.lang.as_deref(), Some("fr"));
    assert_eq!(
        article.canonical_url.as_deref(),
        Some("https://gazette.example/eco/brasseur-40-millions")
    );
}

#[test]
fn title_from_the_title_tag_without_site_name() {
    let page = "<html><head><title>Omzet bakkerijketen stijgt fors - Economie | Het Dagblad</title>\
                <meta property=\"og:site_name\" content=\"Het Dagblad\"></head><body><p>x</p></body></html>";
    assert_eq!(
        extract(page).title.as_deref(),
        Some("Omzet bakkerijketen stijgt fors")
    );
}

#[test]
fn json_ld_gives_date_and_language_when_meta_tags_do_not() {
    let page = r#"<html><head><script type="application/ld+json">
        {"@context":"https://schema.org","@type":"NewsArticle","headline":"Kop",
         "datePublished":"2023-11-02T10:00:00+01:00","inLanguage":"nl-NL"}</script></head>
        <body><article><p>Een korte tekst over de omzet van het bedrijf, die dit jaar flink steeg.</p></article></body></html>"#;
    let article = extract(page);
    assert_eq!(article.published.as_deref(), Some("2023-11-02"));
    assert_eq!(article.lang.as_deref(), Some("nl"));
    assert_eq!(article.title.as_deref(), Some("Kop"));
}

#[test]
fn date_in_the_byline_when_there_is_no_metadata() {
    let page = r#"<html><body><div class="article"><h1>Titel van het stuk</h1>
        <div class="article-meta"><span class="date">Gepubliceerd op 5 februari 2022</span></div>
        <p>De eerste alinea van het artikel vertelt wat er gebeurde, met genoeg tekst om te tellen.</p>
        </div></body></html>"#;
    assert_eq!(extract(page).published.as_deref(), Some("2022-02-05"));
    let page = r#"<html><body><p class="dateline">Publié le 1er août 2021 à 18h02</p>
        <p>Un premier paragraphe de l'article, assez long pour être retenu comme texte principal.</p></body></html>"#;
    assert_eq!(extract(page).published.as_deref(), Some("2021-08-01"));
}

#[test]
fn time_element_gives_the_date() {
    let page = r#"<html><body><article><time datetime="2019-06-30T12:00:00Z">30 juin</time>
        <p>Un paragraphe de texte suffisamment long pour être pris comme corps de l'article.</p></article></body></html>"#;
    assert_eq!(extract(page).published.as_deref(), Some("2019-06-30"));
}

#[test]
fn hidden_elements_are_dropped() {
    let page = r#"<html><body><article>
        <p>Le texte visible de l'article, avec une phrase complète et quelques virgules, ici, là.</p>
        <p style="display: none">Texte caché pour les robots</p>
        <div hidden><p>Encore du texte caché</p></div>
        <div aria-hidden="true"><p>Et encore</p></div></article></body></html>"#;
    let text = extract(page).text;
    assert!(text.contains("Le texte visible"));
    assert!(
        !text.contains("caché") && !text.contains("Et encore"),
        "{text}"
    );
}

#[test]
fn double_line_breaks_split_paragraphs() {
    let page = "<html><body><div class=\"story\">Premier paragraphe, avec du texte, assez long pour compter.\
                <br><br>Second paragraphe, lui aussi assez long pour compter dans le score.<br>Suite.</div></body></html>";
    let text = extract(page).text;
    assert!(
        text.contains("compter.\n\nSecond paragraphe") && text.contains("score.\nSuite."),
        "{text:?}"
    );
}

#[test]
fn deep_nesting_neither_overflows_nor_hangs() {
    let depth = 100_000;
    let mut page = String::with_capacity(depth * 12);
    page.push_str(
        "<html><body><p>Un texte en surface, assez long pour être le corps de la page.</p>",
    );
    for _ in 0..depth {
        page.push_str("<div>");
    }
    page.push_str("profond");
    for _ in 0..depth {
        page.push_str("</div>");
    }
    page.push_str("</body></html>");
    let article = extract(&page);
    assert!(article.text.contains("Un texte en surface"));
    assert!(article.text.contains("profond"), "{:?}", article.text);
}

#[test]
fn empty_and_broken_pages() {
    assert_eq!(extract("").text, "");
    assert_eq!(extract("<html><body></body></html>").text, "");
    let text = extract("<p>Texte sans fin <b>gras <i>italique").text;
    assert_eq!(text, "Texte sans fin gras italique");
    let _ = extract("<<<>>><!--<script></p></div></div>&&&;<a href='");
}

/// Body paragraphs long enough to make their container the article.
const BODY: &str = "<p>Le groupe industriel a confirmé mardi la fermeture de son usine de Liège, qui emploie encore trois cents personnes, malgré les promesses faites l'an dernier.</p>\
    <p>Les syndicats, reçus par la direction, ont obtenu un plan social, des primes de départ et un calendrier étalé sur dix-huit mois, selon un communiqué.</p>\
    <p>Le ministre régional de l'Économie, interrogé au parlement, a promis de chercher un repreneur pour le site, avec l'aide des fonds publics, dès la rentrée.</p>";

#[test]
fn soft_hyphens_are_removed() {
    let page = "<html><body><article><p>La can\u{ad}di\u{ad}da\u{ad}ture du con\u{ad}seiller, annoncée hier, a surpris le monde de la recherche.</p></article></body></html>";
    assert_eq!(
        extract(page).text,
        "La candidature du conseiller, annoncée hier, a surpris le monde de la recherche."
    );
}

#[test]
fn live_blog_commentary_is_text_but_reader_comments_are_not() {
    let page = format!(
        "<html><body><div class=\"live-match-comments\">{BODY}</div>\
         <div class=\"comments\"><p>Un lecteur écrit, longuement et avec des virgules, que tout cela était prévisible depuis des mois, hélas, vraiment.</p></div></body></html>"
    );
    let text = extract(&page).text;
    assert!(
        text.contains("usine de Liège") && text.contains("un repreneur"),
        "{text}"
    );
    assert!(!text.contains("Un lecteur"), "{text}");
}

#[test]
fn photo_credits_and_trailing_headings_are_dropped() {
    let page = format!(
        "<html><body><div class=\"story\"><p>Le ministre, à Liège. Photo: Jean Dupont</p>{BODY}\
         <p>L'usine en 1990. © Agence Belga</p><p>The mayor in 2019.Credit: Reuters</p>\
         <p>Comments are closed.</p><p>12 reacties</p><p>3 commentaires</p><p>Mardi 4 mars 2024</p>\
         <p>Fin le 4 mars 2024.</p><h3>Vidéos sur le même sujet</h3></div></body></html>"
    );
    let text = extract(&page).text;
    assert!(text.contains("usine de Liège"), "{text}");
    // A short sentence with a date is text; a bare date line is not.
    assert!(text.contains("Fin le 4 mars 2024."), "{text}");
    for credit in [
        "Mardi 4 mars",
        "Photo: Jean",
        "Belga",
        "Reuters",
        "Comments",
        "reacties",
        "commentaires",
        "Vidéos",
    ] {
        assert!(!text.contains(credit), "{credit:?} in {text}");
    }
}

#[test]
fn lead_in_its_own_container_before_the_body() {
    let page = format!(
        "<html><body><div class=\"page\"><div class=\"intro\"><p><strong>L'usine fermera ses portes au printemps prochain, a annoncé la direction du groupe à ses trois cents salariés réunis mardi matin.</strong></p></div>\
         <div class=\"wrap\"><div class=\"text\">{BODY}</div></div>\
         <div class=\"more\"><p>Un autre article du même site, qui parle longuement de tout autre chose que de cette usine, de sport par exemple, ou de météo.</p></div></div></body></html>"
    );
    let text = extract(&page).text;
    let lead = text.find("L'usine fermera").unwrap_or(usize::MAX);
    let body = text.find("Le groupe industriel").unwrap_or(0);
    assert!(lead < body, "{text}");
    assert!(!text.contains("Un autre article"), "{text}");
    // A lead in a header with a kicker, the headline and a byline.
    let header = page.replace(
        "<div class=\"intro\">",
        "<div class=\"intro\"><p>Industrie</p><h1>Fermeture annoncée</h1><p>par Anne Dupont, le 3 mai 2024</p><p>Mis à jour le 4 mai</p>",
    );
    let text = extract(&header).text;
    assert!(text.contains("L'usine fermera"), "{text}");
    // A lead written loose in a `div`, not in a `<p>`.
    let loose = page.replace("<p><strong>", "").replace("</strong></p>", "");
    let text = extract(&loose).text;
    assert!(text.starts_with("L'usine fermera"), "{text}");
}

#[test]
fn contact_address_paragraph_is_kept() {
    let page = format!(
        "<html><body><article>{BODY}<p><a href=\"mailto:redaction@journal.example\">redaction@journal.example</a></p>\
         <p><a href=\"/a\">Tous nos articles</a></p></article></body></html>"
    );
    let text = extract(&page).text;
    assert!(text.contains("redaction@journal.example"), "{text}");
    assert!(!text.contains("Tous nos articles"), "{text}");
}

#[test]
fn json_ld_in_cdata_and_the_earlier_of_two_publication_dates() {
    let page = format!(
        "<html><head><title>Fermeture de l'usine de Liège | Le Journal</title>\
         <meta property=\"article:published_time\" content=\"2021-06-02T09:00:00Z\">\
         <script type=\"application/ld+json\">\n<![CDATA[\n{{\"@type\":\"NewsArticle\",\"datePublished\":\"2021-05-30T18:00:00Z\",\"headline\":\"Usine de Liège : la fermeture confirmée\"}}\n]]>\n</script>\
         </head><body><article>{BODY}</article></body></html>"
    );
    let article = extract(&page);
    assert_eq!(article.published.as_deref(), Some("2021-05-30"));
    assert_eq!(
        article.title.as_deref(),
        Some("Usine de Liège : la fermeture confirmée")
    );
}

#[test]
fn json_ld_description_is_not_taken_for_the_headline() {
    let page = format!(
        "<html><head><title>Liège - Encyclopédie</title><script type=\"application/ld+json\">\
         {{\"@type\":\"Article\",\"headline\":\"ville de Belgique\"}}</script></head><body><article>{BODY}</article></body></html>"
    );
    assert_eq!(
        extract(&page).title.as_deref(),
        Some("Liège - Encyclopédie")
    );
}

#[test]
fn byline_date_without_a_date_class() {
    let page = format!(
        "<html><body><div class=\"main\"><h1>L'usine de Liège fermera</h1><p><a href=\"/auteur\">Anne Dupont</a> | 30 septembre 2018</p>\
         <div class=\"texte\">{BODY}</div>\
         <div class=\"comments\"><span class=\"date\">Le 2 octobre 2018 à 12:57</span><p>Un commentaire de lecteur.</p></div></div></body></html>"
    );
    assert_eq!(extract(&page).published.as_deref(), Some("2018-09-30"));
}

#[test]
fn reader_comment_dates_are_a_last_resort() {
    let page = format!(
        "<html><body><article>{BODY}</article>\
         <div class=\"comments\"><span class=\"date\">Le 2 octobre 2018 à 12:57</span><p>Un commentaire de lecteur.</p></div></body></html>"
    );
    assert_eq!(extract(&page).published.as_deref(), Some("2018-10-02"));
    let page = format!(
        "<html><head><title>L'usine de Liège fermera | Journal | 23.05.2011</title></head><body><article>{BODY}</article>\
         <div class=\"comments\"><span class=\"date\">Le 2 octobre 2018 à 12:57</span></div></body></html>"
    );
    assert_eq!(extract(&page).published.as_deref(), Some("2011-05-23"));
}

#[test]
fn related_section_inside_the_article_is_dropped() {
    let teaser = "<div class=\"teaser\"><p>Un autre sujet du jour, raconté en quelques phrases, avec des virgules, pour donner envie de cliquer sur la suite.</p></div>";
    let page = format!(
        "<html><body><div class=\"post\"><div class=\"texte\">{BODY}</div>\
         <div class=\"suite\"><div><h3>Sur le même sujet</h3></div>{teaser}{teaser}</div></div></body></html>"
    );
    let text = extract(&page).text;
    assert!(text.contains("un repreneur"), "{text}");
    assert!(
        !text.contains("Un autre sujet") && !text.contains("même sujet"),
        "{text}"
    );
}

#[test]
fn date_under_a_publication_label() {
    let body = "<p>Le conseil communal a voté mardi soir le budget de la piscine, après trois heures de débat et deux suspensions de séance.</p>".repeat(4);
    let page = format!(
        "<html><body><article>{body}</article><ul class=\"credits\">\
         <li><p>Mis à jour</p><p>2 juin 2019</p></li>\
         <li><p>Mise en ligne</p><p>23 mai 2019</p></li></ul></body></html>"
    );
    assert_eq!(extract(&page).published.as_deref(), Some("2019-05-23"));
    let inline = format!(
        "<html><body><article><p>Publié le 4 mars 2021 à 10h</p>{body}</article></body></html>"
    );
    assert_eq!(extract(&inline).published.as_deref(), Some("2021-03-04"));
    // A word that only starts like a label is not one.
    let unlabelled = format!(
        "<html><body><article>{body}</article><ul><li><p>Publiés</p><p>12 mai 2018</p></li></ul></body></html>"
    );
    assert_eq!(extract(&unlabelled).published, None);
}

#[test]
fn prose_under_a_weakly_named_container_is_kept_but_share_bars_are_not() {
    let para = |n: u32| {
        format!("<p>Paragraaf {n}: de gemeenteraad besprak dinsdag urenlang de nieuwe begroting, waarin het zwembad en de bibliotheek elk een flinke som geld krijgen.</p>")
    };
    let visible: String = (1..=3).map(para).collect();
    let hidden: String = (4..=7).map(para).collect();
    let page = format!(
        "<html><body><article><div class=\"story\">{visible}\
         <div id=\"read-more\"><a href=\"#\">Lees verder</a><div>{hidden}</div></div>\
         <div class=\"share-bar\"><p>Deel dit artikel op sociale media met je vrienden, collega's en familieleden vandaag nog.</p></div>\
         </div></article></body></html>"
    );
    let text = extract(&page).text;
    assert!(
        text.contains("Paragraaf 1:") && text.contains("Paragraaf 7:"),
        "{text}"
    );
    assert!(!text.contains("Deel dit artikel"), "{text}");
    assert!(!text.contains("Lees verder"), "{text}");
}

#[test]
fn photo_galleries_and_player_controls_are_not_text() {
    let body = "<p>Het bedrijf uit Eindhoven heeft vorig jaar 120 nieuwe mensen aangenomen, vooral ingenieurs en technici voor de nieuwe fabriek.</p>".repeat(3);
    let captions = "<li><h2>Beursgang uitgesteld</h2><p>Een ander bedrijf stelde zijn beursgang uit, omdat de markten volgens de directie te onrustig zijn voor een notering.</p></li>".repeat(12);
    let player = "<div class=\"player\"><button>Play</button><div>Auto</div><div>HD</div><div>Low</div><div>Back</div><div>Captions</div></div>";
    let page = format!(
        "<html><body><div class=\"story\">{body}{player}\
         <div class=\"photo-gallery\"><ul>{captions}</ul></div></div></body></html>"
    );
    let text = extract(&page).text;
    assert!(text.contains("120 nieuwe mensen"), "{text}");
    assert!(!text.contains("Beursgang uitgesteld"), "{text}");
    assert!(!text.contains("Captions"), "{text}");
    // A list of short data without controls is text.
    let data = "<ul><li>bloem</li><li>suiker</li><li>eieren</li><li>boter</li><li>melk</li></ul>";
    let page =
        format!("<html><body><div class=\"story\">{body}<div>{data}</div></div></body></html>");
    assert!(extract(&page).text.contains("eieren"));
}

#[test]
fn article_sections_wrapped_alike_between_figures_are_joined() {
    let para = |topic: &str| {
        format!("<p>Over {topic} zei de minister dat de regering volgend jaar meer geld uittrekt, maar dat gemeenten zelf moeten kiezen waar het heen gaat.</p>")
    };
    let section = |topic: &str, n: usize| {
        let paras: String = (0..n).map(|_| para(topic)).collect();
        format!("<div class=\"section-wrap\"><div class=\"inner\"><div class=\"col\"><div class=\"text\">{paras}</div></div></div></div>")
    };
    let figure = "<div class=\"figure-wrap\"><figure><img src=\"x.jpg\"><figcaption>Foto</figcaption></figure></div>";
    let page = format!(
        "<html><body><div class=\"post\">{}{figure}{}{figure}{}</div>\
         <div class=\"teasers\"><div class=\"card\"><a href=\"/x\">Ander nieuws over het weer in het weekend</a></div></div></body></html>",
        section("de scholen", 6),
        section("de wegen", 3),
        section("de zorg", 2)
    );
    let text = extract(&page).text;
    for topic in ["de scholen", "de wegen", "de zorg"] {
        assert!(
            text.contains(&format!("Over {topic} zei")),
            "{topic}: {text}"
        );
    }
    assert!(!text.contains("Ander nieuws"), "{text}");
}

#[test]
fn prompts_are_dropped_but_sentences_opening_with_the_same_word_are_not() {
    let body = "<p>De rivier trad dinsdag buiten haar oevers na dagen van zware regen, en de brandweer pompte tot laat in de avond kelders leeg.</p>".repeat(3);
    let page = format!(
        "<html><body><div class=\"story\">{body}<p>Delen van Venlo liepen onder water.</p>\
         <p>Delen</p><p>Bekijk ook: de beelden van de storm</p><p>Partager sur Facebook</p></div></body></html>"
    );
    let text = extract(&page).text;
    assert!(
        text.contains("Delen van Venlo liepen onder water."),
        "{text}"
    );
    assert!(
        !text.contains("\n\nDelen\n\n") && !text.ends_with("Delen"),
        "{text}"
    );
    assert!(
        !text.contains("Bekijk ook") && !text.contains("Partager"),
        "{text}"
    );
}

#[test]
fn a_section_name_in_the_only_h1_is_not_the_headline() {
    let page = "<html><head><title>Boeren protesteren opnieuw tegen stikstofplannen | Het Dagblad</title></head>\
                <body><h1>Binnenland</h1><p>x</p></body></html>";
    assert_eq!(
        extract(page).title.as_deref(),
        Some("Boeren protesteren opnieuw tegen stikstofplannen")
    );
    // A headline h1 under a title that repeats it, or under a bare site name, is kept.
    let page = "<html><head><title>Het Dagblad</title></head>\
                <body><h1>Boeren protesteren opnieuw</h1><p>x</p></body></html>";
    assert_eq!(
        extract(page).title.as_deref(),
        Some("Boeren protesteren opnieuw")
    );
    let page =
        "<html><head><title>Boeren protesteren opnieuw tegen stikstof - Dagblad</title></head>\
                <body><h1>Boeren protesteren opnieuw tegen stikstof</h1><p>x</p></body></html>";
    assert_eq!(
        extract(page).title.as_deref(),
        Some("Boeren protesteren opnieuw tegen stikstof")
    );
}

#[test]
fn explain_marks_the_chosen_blocks() {
    let page = "<html><body><div class='share'><p>Deel dit artikel via mail</p></div>\
                <article><p>De haven van Antwerpen sloeg vorig jaar meer containers over dan ooit, \
                meldt het havenbedrijf. De groei kwam vooral uit Azië.</p></article></body></html>";
    let explained = super::explain(page);
    let chosen: Vec<&str> = explained.lines().filter(|l| l.starts_with('+')).collect();
    assert_eq!(chosen.len(), 1, "{explained}");
    assert!(chosen[0].contains("De haven van Antwerpen"), "{explained}");
    assert!(
        explained
            .lines()
            .any(|l| !l.starts_with('+') && l.contains("Deel dit artikel")),
        "{explained}"
    );
}

#[test]
fn a_block_ending_in_many_non_breaking_spaces_counts_its_chars() {
    // Each U+00A0 is two bytes: trimming them once made the char count wrap below zero.
    let page =
        "<html><body><p>Le groupe\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\
                <p>Deux usines ferment.</p></body></html>";
    assert_eq!(extract(page).text, "Le groupe\n\nDeux usines ferment.");
}
