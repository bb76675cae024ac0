//! Compiling a language's tables into the engine: patterns for the scanner and the
//! word sets the rules look up.

use aho_corasick::{AhoCorasickBuilder, MatchKind};
use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{gazetteer, origins, scan, units, CompanyEngine, CompanyLexicon, Kind};

impl CompanyEngine {
    /// Compiles the engine from the shared gazetteer and a language's cues.
    pub fn new(gazetteer: &str, lexicon: &CompanyLexicon) -> Result<Self, String> {
        let parsed = gazetteer::prepare_shared(gazetteer)?;
        fn lower<C: FromIterator<String>>(words: &[String]) -> C {
            words.iter().map(|w| w.to_lowercase()).collect()
        }
        let function_words: FxHashSet<String> = lexicon.function_words.iter().cloned().collect();
        let not_companies: FxHashSet<String> = lower(&lexicon.not_companies);
        let not_companies_as_written: FxHashSet<&str> =
            lexicon.not_companies.iter().map(String::as_str).collect();
        // The forms this language's tables rule out, as written. A common-word form, a company
        // only in a company context, is ruled out only as written: its case tells it apart
        // (`la Banque Nationale` of Québec, `la Banque nationale` of Switzerland).
        let mut vetoed_forms = FxHashSet::default();
        for (surface, lowered) in parsed.surfaces.iter().zip(parsed.lowered.iter()) {
            let not_company = if surface.common {
                not_companies_as_written.contains(surface.form.as_str())
            } else {
                not_companies.contains(lowered)
            };
            if function_words.contains(&surface.form) || not_company {
                vetoed_forms.insert(surface.form.clone());
            }
        }
        let mut long_forms = FxHashMap::default();
        for (surface, lowered) in parsed.surfaces.iter().zip(parsed.lowered.iter()) {
            if lowered.contains(' ') {
                long_forms.entry(lowered.clone()).or_insert(surface.entry);
            }
        }
        let mut patterns: Vec<(String, Kind)> = parsed
            .surfaces
            .into_iter()
            .map(|s| (s.form, Kind::Company(s.entry, s.common)))
            .collect();
        // A contracted form the language's tables rule out as written is left out: `du
        // Soleil` is mostly the sun, though `Le Soleil` is a paper.
        let contracted = contracted_names(
            &patterns,
            &lexicon.article_contractions,
            &parsed.known_forms,
        );
        patterns.extend(
            contracted
                .into_iter()
                .filter(|(form, _)| !not_companies_as_written.contains(form.as_str())),
        );
        let mut add = |words: &[String], kind: Kind, prefix: &str| {
            for word in words {
                for form in cue_forms(word) {
                    patterns.push((format!("{prefix}{form}"), kind));
                }
            }
        };
        // Heads first: `Brouwerij X` opens a name even where `brouwerij` is also a cue.
        add(&lexicon.name_heads, Kind::Head, "");
        let cues = with_contractions(&lexicon.cues, &lexicon.article_contractions);
        add(&cues, Kind::Cue, "");
        add(&lexicon.cue_nouns, Kind::CueNoun, "");
        add(&lexicon.legal_forms, Kind::Legal, "");
        add(&lexicon.name_tails, Kind::Tail, "");
        add(&lexicon.compound_suffixes, Kind::Suffix, "-");
        add(&lexicon.role_suffixes, Kind::Suffix, "-");
        // As written: a capitalized plural opens a name (`Banques Alimentaires`). Whole
        // words only: as compound tails, Dutch plurals in -en would be tried at most words.
        patterns.extend(
            lexicon
                .plural_cue_nouns
                .iter()
                .map(|noun| (noun.clone(), Kind::Cue)),
        );
        patterns.extend(
            names_hiding_companies(&lexicon.not_companies, &parsed.known_forms)
                .map(|name| (name, Kind::NotCompany)),
        );
        let scanner = scan::Scanner::new(patterns, &lexicon.genitive_endings)?;
        let context = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(&lexicon.context_words)
            .map_err(|e| format!("context words: {e}"))?;
        let deal_nouns: Vec<String> = lexicon
            .deal_nouns
            .iter()
            .flat_map(|n| [n.clone(), n.replace('\'', "’")])
            .collect();
        let mut modifiers: Vec<Vec<String>> = vec![Vec::new(); 256];
        for modifier in lower::<Vec<String>>(&lexicon.modifiers) {
            if let Some(&first) = modifier.as_bytes().first() {
                modifiers[usize::from(first)].push(modifier);
            }
        }
        for group in &mut modifiers {
            group.sort_by_key(|m| std::cmp::Reverse(m.len()));
        }
        let initial_only_cues = cues
            .iter()
            .filter(|c| c.starts_with(char::is_lowercase))
            .flat_map(|c| cue_forms(c).into_iter().skip(1))
            .filter(|f| f.starts_with(char::is_uppercase))
            .collect();
        let local_units = units::local_units(&parsed.entries);
        Ok(CompanyEngine {
            scanner,
            local_units,
            shared_names: origins::by_shared_name(&parsed.entries),
            contractions: lexicon
                .article_contractions
                .values()
                .flatten()
                .cloned()
                .collect(),
            long_forms,
            demonyms: lexicon
                .demonyms
                .iter()
                .map(|(word, country)| (word.to_lowercase(), country.clone()))
                .collect(),
            parent_words: lower(&lexicon.parent_words),
            entries: parsed.entries,
            context,
            modifiers,
            initial_only_cues,
            known_heads: lexicon
                .name_heads
                .iter()
                .filter(|h| parsed.known_forms.contains(&h.to_lowercase()))
                .cloned()
                .collect(),
            function_words,
            not_companies,
            vetoed_forms,
            product_determiners: lower(&lexicon.product_determiners),
            product_adjective_articles: lower(&lexicon.product_adjective_articles),
            product_adjectives: lower(&lexicon.product_adjectives),
            product_articles: lower(&lexicon.product_articles),
            name_followers: lexicon
                .name_followers
                .iter()
                .chain(&lexicon.services)
                .cloned()
                .collect(),
            services: lexicon.services.iter().cloned().collect(),
            noun_articles: lexicon
                .noun_articles
                .iter()
                .flat_map(|a| cue_forms(a))
                .collect(),
            person_titles: lexicon.person_titles.clone(),
            particles: particle_forms(&lexicon.particles),
            complement_particles: particle_forms(&lexicon.complement_particles),
            complement_stops: lexicon.complement_stops.iter().cloned().collect(),
            head_adjectives: lexicon.head_adjectives.clone(),
            acronym_skips: lexicon.acronym_skips.iter().cloned().collect(),
            origin_adjectives: lexicon.origin_adjectives.iter().cloned().collect(),
            first_names: lexicon.first_names.iter().cloned().collect(),
            number_words: lexicon.number_words.iter().cloned().collect(),
            number_units: lexicon.number_units.clone(),
            copulas: lexicon.copulas.iter().cloned().collect(),
            company_verbs: lexicon.company_verbs.iter().cloned().collect(),
            auxiliaries: lexicon.auxiliaries.iter().cloned().collect(),
            market_articles: lexicon
                .market_articles
                .iter()
                .flat_map(|a| cue_forms(a))
                .collect(),
            surname_particles: lexicon.surname_particles.iter().cloned().collect(),
            firm_nouns: lower(&lexicon.firm_nouns),
            first_name_particles: lexicon.first_name_particles.clone(),
            name_particles: lexicon.name_particles.iter().cloned().collect(),
            origin_articles: lexicon
                .origin_articles
                .iter()
                .flat_map(|a| cue_forms(a))
                .collect(),
            common_name_cues: lexicon.common_name_cues.iter().cloned().collect(),
            place_prepositions: lexicon.place_prepositions.iter().cloned().collect(),
            plural_cues: lexicon.plural_cue_nouns.iter().cloned().collect(),
            legal_form_prefixes: lexicon.legal_form_prefixes.iter().cloned().collect(),
            name_ends: lexicon
                .legal_forms
                .iter()
                .chain(&lexicon.name_tails)
                .cloned()
                .collect(),
            apposition_articles: lexicon
                .apposition_articles
                .iter()
                .map(|a| format!(", {a} "))
                .collect(),
            apposition_not_nouns: lexicon.apposition_not_nouns.iter().cloned().collect(),
            apposition_not_between: lexicon.apposition_not_between.iter().cloned().collect(),
            name_articles: forms_before_word(&lexicon.name_articles),
            plural_cue_not_after: forms_before_word(&lexicon.plural_cue_not_after),
            deal_nouns,
            deal_agents: lexicon
                .deal_agents
                .iter()
                .map(|a| format!(" {a} "))
                .collect(),
            deal_agent_finders: lexicon
                .deal_agents
                .iter()
                .map(|a| memchr::memmem::Finder::new(&format!(" {a} ")).into_owned())
                .collect(),
            relation_cues: lexicon
                .relation_cues
                .iter()
                .flat_map(|c| cue_forms(c))
                .collect(),
            list_joins: std::iter::once(", ".to_string())
                .chain(lexicon.conjunctions.iter().map(|c| format!(" {c} ")))
                .collect(),
            known_forms: parsed.known_forms,
            genitive_stops: lexicon
                .function_words
                .iter()
                .chain(&lexicon.conjunctions)
                .map(|w| w.to_lowercase())
                .collect(),
            genitive_not_after: lexicon
                .genitive_not_after
                .iter()
                .chain(&lexicon.product_determiners)
                .map(|w| w.to_lowercase())
                .collect(),
            role_suffixes: lexicon
                .role_suffixes
                .iter()
                .flat_map(|r| cue_forms(r))
                .collect(),
        })
    }
}

/// The names the tables rule out that hold a gazetteer name as some of their words
/// (`Soudal Quick-Step`, a team named after its sponsors): matched whole, they hide it. Words
/// are split at spaces and hyphens.
fn names_hiding_companies<'a>(
    not_companies: &'a [String],
    known_forms: &'a FxHashSet<String>,
) -> impl Iterator<Item = String> + 'a {
    not_companies
        .iter()
        .filter(|name| {
            let lowered = name.to_lowercase();
            let bounds: Vec<usize> = lowered
                .match_indices([' ', '-'])
                .map(|(at, _)| at)
                .collect();
            let mut starts = std::iter::once(0).chain(bounds.iter().map(|&at| at + 1));
            !bounds.is_empty()
                && starts.any(|start| {
                    bounds
                        .iter()
                        .copied()
                        .chain([lowered.len()])
                        .filter(|&end| end > start)
                        .any(|end| known_forms.contains(&lowered[start..end]))
                })
        })
        .cloned()
}

/// The cues with, for each that opens with an article that has contractions, the same cue
/// opening with each contraction instead (`le suisse` gives `au suisse`, `du suisse`); a
/// form already listed is not added twice.
fn with_contractions(cues: &[String], contractions: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let mut all = cues.to_vec();
    let mut seen: FxHashSet<String> = cues.iter().cloned().collect();
    for cue in cues {
        let Some((article, rest)) = cue.split_once(' ') else {
            continue;
        };
        for contraction in contractions.get(article).into_iter().flatten() {
            let form = format!("{contraction} {rest}");
            if seen.insert(form.clone()) {
                all.push(form);
            }
        }
    }
    all
}

/// A cue as written and with a capital first letter (sentence start), each with both
/// apostrophes.
fn cue_forms(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_string()];
    let mut chars = word.chars();
    if let Some(first) = chars.next().filter(|c| c.is_lowercase()) {
        forms.push(first.to_uppercase().chain(chars).collect());
    }
    for form in forms.clone() {
        if form.contains('\'') {
            forms.push(form.replace('\'', "’"));
        }
    }
    forms
}

/// The gazetteer names that open with a capitalized article, written with each of the
/// article's contractions instead, as French writes them after `de` and `à` (`Le Figaro`
/// gives `au Figaro` and `du Figaro`); such a form is ambiguous (`la Coupe du Monde`,
/// `le député du Dauphiné`), so it counts as a common word: only where the text vouches for
/// a company. Left out where the gazetteer (`known`, its forms in lower case) has the form
/// or the name without its article (`Le JDD` and `JDD`).
fn contracted_names(
    names: &[(String, Kind)],
    contractions: &BTreeMap<String, Vec<String>>,
    known: &FxHashSet<String>,
) -> Vec<(String, Kind)> {
    let mut contracted = Vec::new();
    for (article, forms) in contractions {
        let mut capitalized = article.chars();
        let Some(first) = capitalized.next() else {
            continue;
        };
        let opening: String = first
            .to_uppercase()
            .chain(capitalized)
            .chain([' '])
            .collect();
        for (name, kind) in names {
            let Some(rest) = name.strip_prefix(opening.as_str()) else {
                continue;
            };
            let Kind::Company(entry, _) = *kind else {
                continue;
            };
            if !rest.starts_with(char::is_uppercase) || known.contains(&rest.to_lowercase()) {
                continue;
            }
            for contraction in forms {
                let form = format!("{contraction} {rest}");
                if !known.contains(&form.to_lowercase()) {
                    contracted.push((form, Kind::Company(entry, true)));
                }
            }
        }
    }
    contracted
}

/// The forms of words as they stand right before another word: an elided word with
/// either apostrophe (`d'`, `d’`), any other with its space (`de `).
fn forms_before_word(words: &[String]) -> Vec<String> {
    words
        .iter()
        .flat_map(|w| match w.strip_suffix('\'') {
            Some(elided) => vec![w.clone(), format!("{elided}’")],
            None => vec![format!("{w} ")],
        })
        .collect()
}

/// Particles with both apostrophes, longest first so `de la` wins over `de`.
fn particle_forms(particles: &[String]) -> Vec<String> {
    let mut forms: Vec<String> = particles
        .iter()
        .flat_map(|p| [p.clone(), p.replace('\'', "’")])
        .collect();
    forms.sort_by_key(|p| std::cmp::Reverse(p.len()));
    forms.dedup();
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_names_holding_a_known_name_hide_it() {
        let not_companies: Vec<String> = [
            "Soudal Quick-Step",
            "Alpecin-Deceuninck",
            "Verenigde Staten",
            "Soudal",
            "Omloop Het Nieuwsblad",
        ]
        .map(String::from)
        .to_vec();
        let known: FxHashSet<String> = ["soudal", "deceuninck", "het nieuwsblad"]
            .map(String::from)
            .into_iter()
            .collect();
        let hiding: Vec<String> = names_hiding_companies(&not_companies, &known).collect();
        assert_eq!(
            hiding,
            [
                "Soudal Quick-Step",
                "Alpecin-Deceuninck",
                "Omloop Het Nieuwsblad"
            ]
        );
    }

    #[test]
    fn contractions_add_forms_once() {
        let cues: Vec<String> = ["le suisse", "du suisse", "l'américain", "groupe"]
            .map(String::from)
            .to_vec();
        let contractions = BTreeMap::from([("le".to_string(), vec!["au".into(), "du".into()])]);
        assert_eq!(
            with_contractions(&cues, &contractions),
            [
                "le suisse",
                "du suisse",
                "l'américain",
                "groupe",
                "au suisse"
            ]
        );
    }

    #[test]
    fn names_opening_with_an_article_get_its_contractions() {
        let names = vec![
            ("Le Figaro".to_string(), Kind::Company(0, false)),
            ("Le JDD".to_string(), Kind::Company(1, false)),
            ("JDD".to_string(), Kind::Company(1, false)),
            ("Le groupe".to_string(), Kind::Company(2, false)),
        ];
        let contractions = BTreeMap::from([("le".to_string(), vec!["au".into(), "du".into()])]);
        let known: FxHashSet<String> = names.iter().map(|(n, _)| n.to_lowercase()).collect();
        // Common-word forms of the same entry; none where the bare name is known (`JDD`)
        // or the rest is no name (`Le groupe`).
        assert_eq!(
            contracted_names(&names, &contractions, &known),
            [
                ("au Figaro".to_string(), Kind::Company(0, true)),
                ("du Figaro".to_string(), Kind::Company(0, true)),
            ]
        );
    }
}
