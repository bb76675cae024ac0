//! The company engine: a gazetteer of known companies plus patterns for unknown ones.
//!
//! One Aho-Corasick pass (leftmost-longest, case-sensitive) finds every gazetteer name
//! and every cue of the language's table: cue phrases before a name (`het bedrijf X`,
//! `le groupe X`, `PDG de X`), legal forms after one (`X N.V.`), and compound tails
//! (`X-topman`). Patterns for unknown names then only look at the text next to a cue.
//! Names learned from a cue count again elsewhere in the same article.

pub mod gazetteer;
mod names;
mod scan;

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use super::Mention;
use crate::extract::FactValue;
use gazetteer::Entry;
use names::{char_before, name_run, name_run_before, on_word_boundaries, sentence_initial};

/// A company mention's normalized value.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Company {
    /// The canonical name (`Amazon Web Services` for `AWS`).
    pub name: String,
    /// Stock ticker, when the gazetteer knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ticker: Option<String>,
    /// ISO 3166 country code, when the gazetteer knows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// One language's company cues, read from `src/lang/<code>/companies.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyLexicon {
    /// Phrases right before a company name, as written mid-sentence (`het bedrijf`, `PDG de`).
    #[serde(default)]
    pub cues: Vec<String>,
    /// Nouns for a kind of company, before its name; also the tail of a compound
    /// (`bedrijf` in `softwarebedrijf X`).
    #[serde(default)]
    pub cue_nouns: Vec<String>,
    /// Plural nouns for kinds of companies (`bedrijven`, `groupes`): a cue for each name of
    /// the list after them (`de Amerikaanse bedrijven Xylos en Brandoria`).
    #[serde(default)]
    pub plural_cue_nouns: Vec<String>,
    /// Words after which a plural noun names a class, not a list of companies
    /// (`d'entreprises Seveso`, `réviseurs d'entreprises`).
    #[serde(default)]
    pub plural_cue_not_after: Vec<String>,
    /// Legal forms also written before the name (`NV Hoste`, `la SARL Dupont`); each must
    /// be one of the `legal_forms` too.
    #[serde(default)]
    pub legal_form_prefixes: Vec<String>,
    /// Capitalized articles that open a name after a cue (`uitgeverij De Sikkel`,
    /// `le groupe Les Échos`).
    #[serde(default)]
    pub name_articles: Vec<String>,
    /// Indefinite articles of an apposition that says what a name is: `Xylos, een Gents
    /// softwarebedrijf,` / `Xylos, une société lyonnaise,` make Xylos a company.
    #[serde(default)]
    pub apposition_articles: Vec<String>,
    /// Cue nouns that end no such apposition, since they also name groups of people
    /// (`un groupe de manifestants`).
    #[serde(default)]
    pub apposition_not_nouns: Vec<String>,
    /// Words between such an article and its noun that point back rather than describe
    /// (`Renens, une telle société`).
    #[serde(default)]
    pub apposition_not_between: Vec<String>,
    /// Lower-case words allowed between a cue and the name (`le groupe pharmaceutique X`).
    #[serde(default)]
    pub modifiers: Vec<String>,
    /// Tails of a hyphenated compound whose head is a company (`X-topman`).
    #[serde(default)]
    pub compound_suffixes: Vec<String>,
    /// Tails that any organisation has (`-woordvoerder`, `-baas`): after a known company
    /// they are its role (`ING-baas`), but they do not make an unknown head a company.
    #[serde(default)]
    pub role_suffixes: Vec<String>,
    /// Legal-form abbreviations after a name, not part of the canonical name (`N.V.`).
    #[serde(default)]
    pub legal_forms: Vec<String>,
    /// Words ending a company name that stay in it (`Holding`, `Group`).
    #[serde(default)]
    pub name_tails: Vec<String>,
    /// Words that reveal a company context near an ambiguous name (`aandeel`, `opérateur`).
    #[serde(default)]
    pub context_words: Vec<String>,
    /// Capitalized words that never belong to a company name (articles, months, pronouns).
    #[serde(default)]
    pub function_words: Vec<String>,
    /// Names that are never companies, even after a cue (governments, parties, unions).
    #[serde(default)]
    pub not_companies: Vec<String>,
    /// Words before a brand that make it a product (`zijn Lexus`, `une Renault`).
    #[serde(default)]
    pub product_determiners: Vec<String>,
    /// Capitalized words that may follow a company name without making it a product or a
    /// longer name (`Google France`, `Philips CEO`).
    #[serde(default)]
    pub name_followers: Vec<String>,
    /// Titles before a family name (`M.`, `Mme`, `meneer`): a company name after one is a person.
    #[serde(default)]
    pub person_titles: Vec<String>,
    /// Capitalized words that open a company name, followed by a capitalized name
    /// (`Banque Parisienne`, `Forges de Firminy`, `Brouwerij Haacht`).
    #[serde(default)]
    pub name_heads: Vec<String>,
    /// Lower-case particles allowed between a name head and the name (`de`, `du`, `d'`).
    #[serde(default)]
    pub particles: Vec<String>,
    /// Particles that open a complement between a cue and the name: `de` in `le fabricant
    /// de puces Xylos`, `de la` in `le géant de la distribution Xylos`.
    #[serde(default)]
    pub complement_particles: Vec<String>,
    /// Lower-case words that end a complement's use as a cue: places (`la banque de la rue
    /// X`, `le groupe des îles X`), after which the name is not a company.
    #[serde(default)]
    pub complement_stops: Vec<String>,
    /// Lower-case adjectives that complete a name head on their own (`Crédit foncier`,
    /// `Société générale`).
    #[serde(default)]
    pub head_adjectives: Vec<String>,
    /// Lower-case words an acronym skips in its long form (`voor de` in `Centraal Bureau
    /// voor de Statistiek (CBS)`).
    #[serde(default)]
    pub acronym_skips: Vec<String>,
    /// Capitalized adjectives of origin (`Amerikaanse`, `Brabantse`): Dutch writes them
    /// with a capital, and before a name they are no first name (`het Amerikaanse Ford`).
    #[serde(default)]
    pub origin_adjectives: Vec<String>,
    /// Articles that, before an adjective of origin, make the capitalized word after it
    /// a company (`het` in `het Nederlandse Picnic`; a person takes `de`).
    #[serde(default)]
    pub origin_articles: Vec<String>,
    /// Cues that relate two companies (`moederbedrijf van`, `la maison mère de`): a name in
    /// apposition after the company they lead to is a company too (`het moederbedrijf van
    /// Kruidvat, AS Watson, groeit`). Each must be one of the `cues` too.
    #[serde(default)]
    pub relation_cues: Vec<String>,
    /// Nouns of a deal right before the company it is about (`overname van`, `rachat de`):
    /// the name after the deal's agent word is the buyer (`de overname van Seagen door
    /// Pfizer`, `le rachat de Seagen par Pfizer`).
    #[serde(default)]
    pub deal_nouns: Vec<String>,
    /// The word that introduces the buyer after a deal's object (`door`, `par`).
    #[serde(default)]
    pub deal_agents: Vec<String>,
    /// Words right before a common-word name that make it a company, as a cue does
    /// (`chez Orange`), but that do not make an unknown name one (`chez Lucie`). As written:
    /// no capitalized form is added.
    #[serde(default)]
    pub common_name_cues: Vec<String>,
    /// Words that join two names in a list (`en`, `et`); a comma always does.
    #[serde(default)]
    pub conjunctions: Vec<String>,
    /// Common first names: an unknown name after a cue that opens with one is a person
    /// (`une offre de rachat de Daniel Kretinsky`), not a company.
    #[serde(default)]
    pub first_names: Vec<String>,
    /// Lower-case particles of family names (`van`, `de`, `du`): `Jan Van Damme` is still
    /// one first name and one family name, so a person.
    #[serde(default)]
    pub surname_particles: Vec<String>,
    /// Endings a one-word known name takes in the genitive without an apostrophe, before
    /// a lower-case word (`s` in `Shells winst`, `Unilevers topman`).
    #[serde(default)]
    pub genitive_endings: Vec<String>,
    /// Words after which a name plus a genitive ending is a plural (`de Googles`).
    #[serde(default)]
    pub genitive_not_after: Vec<String>,
}

/// What an automaton pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A gazetteer surface form of entry `.0`; `.1`: the form is a common word too.
    Company(usize, bool),
    /// A cue phrase; the name follows.
    Cue,
    /// A cue noun, also as the tail of a compound.
    CueNoun,
    /// A legal form; the name precedes.
    Legal,
    /// A name tail (`Holding`); the name precedes and includes it.
    Tail,
    /// A hyphenated compound tail (`-topman`); the name precedes the hyphen.
    Suffix,
    /// A word that opens a company name (`Banque`, `Brouwerij`); the name follows.
    Head,
}

/// What the checks make of a gazetteer match.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Verdict {
    /// The match names the company.
    Accepted,
    /// The match names the company, and its own words say so (`de oliemaatschappij
    /// Shell`, `Shell-topman`, `Jumbo en Albert Heijn`): it vouches for the same name
    /// elsewhere in the text. Context words nearby (`winst`, `bénéfice`) do not, since
    /// general news has them too.
    Vouched,
    /// The match is something else (a person, a product, part of another name).
    Rejected,
    /// A common word with nothing around it that shows a company: it counts only if the
    /// same company is vouched for elsewhere in the text.
    NeedsContext,
}

/// One automaton match that passed its boundary check.
#[derive(Debug, Clone, Copy)]
struct Hit {
    kind: Kind,
    start: usize,
    end: usize,
}

/// A short name in brackets after a company (`Vendrix Data Systems (VDS)`).
#[derive(Debug)]
struct Alias<'t> {
    /// The short name as written.
    short: &'t str,
    /// The company's gazetteer entry, if known.
    entry: Option<usize>,
    /// The company's name as written.
    name: &'t str,
}

/// A company found so far: its span and its gazetteer entry, if known.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    entry: Option<usize>,
    /// For unknown names: where the name proper ends (before a legal form).
    name_end: usize,
}

/// The longest deal object looked for before an agent word, in bytes.
const MAX_DEAL_OBJECT: usize = 60;

/// How far around an ambiguous name context words are looked for, in bytes (never past
/// the sentence).
const CONTEXT_WINDOW: usize = 80;

/// The longest agency name in a dateline's brackets, in bytes.
const MAX_AGENCY_LEN: usize = 40;

/// How far a cue may be from an ambiguous name it vouches for, in bytes.
const CUE_REACH: usize = 40;

/// The compiled company engine for one language.
pub struct CompanyEngine {
    scanner: scan::Scanner,
    entries: Arc<[Entry]>,
    context: AhoCorasick,
    /// Lower-case modifiers by their first byte, longest first so `de luxe` is tried
    /// before `de`.
    modifiers: Vec<Vec<String>>,
    /// Capitalized forms of lower-case cues: they count only at a sentence start, since
    /// mid-sentence `Fonds` or `Groupe` opens a name of its own.
    initial_only_cues: FxHashSet<String>,
    function_words: FxHashSet<String>,
    not_companies: FxHashSet<String>,
    product_determiners: FxHashSet<String>,
    name_followers: FxHashSet<String>,
    person_titles: Vec<String>,
    particles: Vec<String>,
    complement_particles: Vec<String>,
    complement_stops: FxHashSet<String>,
    head_adjectives: Vec<String>,
    acronym_skips: FxHashSet<String>,
    origin_adjectives: FxHashSet<String>,
    first_names: FxHashSet<String>,
    surname_particles: FxHashSet<String>,
    origin_articles: FxHashSet<String>,
    relation_cues: FxHashSet<String>,
    plural_cues: FxHashSet<String>,
    plural_cue_not_after: Vec<String>,
    legal_form_prefixes: FxHashSet<String>,
    name_articles: Vec<String>,
    apposition_articles: Vec<String>,
    apposition_not_nouns: FxHashSet<String>,
    apposition_not_between: FxHashSet<String>,
    /// Deal nouns with the space or apostrophe that ends them, both apostrophes.
    deal_nouns: Vec<String>,
    /// Agent words with a space on either side (` door `).
    deal_agents: Vec<String>,
    /// Searchers for the agent words.
    deal_agent_finders: Vec<memchr::memmem::Finder<'static>>,
    common_name_cues: FxHashSet<String>,
    /// The gaps that join two names in a list: `, ` and each conjunction with its spaces.
    list_joins: Vec<String>,
    role_suffixes: FxHashSet<String>,
    /// Lower-case words that cannot be the noun after a genitive (`en`, `van`, `hoe`).
    genitive_stops: FxHashSet<String>,
    /// Lower-case words that cannot precede a genitive (articles, determiners).
    genitive_not_after: FxHashSet<String>,
    /// Every gazetteer form in lower case, to recognize a company's long name however it
    /// is capitalized.
    known_forms: Arc<FxHashSet<String>>,
    /// The gazetteer forms this language's tables rule out, as written: checked at every
    /// gazetteer hit, so without lower-casing.
    vetoed_forms: FxHashSet<String>,
}

impl CompanyEngine {
    /// Compiles the engine from the shared gazetteer and a language's cues.
    pub fn new(gazetteer: &str, lexicon: &CompanyLexicon) -> Result<Self, String> {
        let parsed = gazetteer::prepare_shared(gazetteer)?;
        fn lower<C: FromIterator<String>>(words: &[String]) -> C {
            words.iter().map(|w| w.to_lowercase()).collect()
        }
        let function_words: FxHashSet<String> = lexicon.function_words.iter().cloned().collect();
        let not_companies: FxHashSet<String> = lower(&lexicon.not_companies);
        // The forms this language's tables rule out, as written.
        let mut vetoed_forms = FxHashSet::default();
        for (surface, lowered) in parsed.surfaces.iter().zip(parsed.lowered.iter()) {
            if function_words.contains(&surface.form) || not_companies.contains(lowered) {
                vetoed_forms.insert(surface.form.clone());
            }
        }
        let mut patterns: Vec<(String, Kind)> = parsed
            .surfaces
            .into_iter()
            .map(|s| (s.form, Kind::Company(s.entry, s.common)))
            .collect();
        let mut add = |words: &[String], kind: Kind, prefix: &str| {
            for word in words {
                for form in cue_forms(word) {
                    patterns.push((format!("{prefix}{form}"), kind));
                }
            }
        };
        // Heads first: `Brouwerij X` opens a name even where `brouwerij` is also a cue.
        add(&lexicon.name_heads, Kind::Head, "");
        add(&lexicon.cues, Kind::Cue, "");
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
        let initial_only_cues = lexicon
            .cues
            .iter()
            .filter(|c| c.starts_with(char::is_lowercase))
            .flat_map(|c| cue_forms(c).into_iter().skip(1))
            .filter(|f| f.starts_with(char::is_uppercase))
            .collect();
        Ok(CompanyEngine {
            scanner,
            entries: parsed.entries,
            context,
            modifiers,
            initial_only_cues,
            function_words,
            not_companies,
            vetoed_forms,
            product_determiners: lower(&lexicon.product_determiners),
            name_followers: lexicon.name_followers.iter().cloned().collect(),
            person_titles: lexicon.person_titles.clone(),
            particles: particle_forms(&lexicon.particles),
            complement_particles: particle_forms(&lexicon.complement_particles),
            complement_stops: lexicon.complement_stops.iter().cloned().collect(),
            head_adjectives: lexicon.head_adjectives.clone(),
            acronym_skips: lexicon.acronym_skips.iter().cloned().collect(),
            origin_adjectives: lexicon.origin_adjectives.iter().cloned().collect(),
            first_names: lexicon.first_names.iter().cloned().collect(),
            surname_particles: lexicon.surname_particles.iter().cloned().collect(),
            origin_articles: lexicon
                .origin_articles
                .iter()
                .flat_map(|a| cue_forms(a))
                .collect(),
            common_name_cues: lexicon.common_name_cues.iter().cloned().collect(),
            plural_cues: lexicon.plural_cue_nouns.iter().cloned().collect(),
            legal_form_prefixes: lexicon.legal_form_prefixes.iter().cloned().collect(),
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

    /// Finds the companies in `text`.
    pub fn extract(&self, text: &str) -> Vec<Mention> {
        let hits = self.scanner.scan(text);
        let mut found: Vec<Found> = Vec::new();
        // Common-word mentions waiting for the text to vouch for their company.
        let mut pending: Vec<Found> = Vec::new();
        let mut vouched: Vec<usize> = Vec::new();
        for (i, hit) in hits.iter().enumerate() {
            match hit.kind {
                Kind::Company(entry, common) => {
                    // Part of a longer unknown name a cue opened (`Mars One Ventures`).
                    if found.last().is_some_and(|f| {
                        f.entry.is_none() && f.start <= hit.start && hit.end <= f.end
                    }) {
                        continue;
                    }
                    let found_here = Found {
                        start: hit.start,
                        end: hit.end,
                        entry: Some(entry),
                        name_end: hit.end,
                    };
                    match self.accept_known(text, &hits, i, entry, common) {
                        Verdict::Vouched => {
                            vouched.push(entry);
                            found.push(found_here);
                        }
                        Verdict::Accepted => found.push(found_here),
                        Verdict::NeedsContext => pending.push(found_here),
                        Verdict::Rejected => {}
                    }
                }
                Kind::Cue | Kind::CueNoun => {
                    if let Some(f) = self.name_before_apposition(text, hit, found.last()) {
                        found.push(f);
                    }
                    if self.initial_only_cues.contains(&text[hit.start..hit.end])
                        && (!sentence_initial(text, hit.start) || self.after_title(text, hit.start))
                    {
                        continue;
                    }
                    let plural = self.plural_cues.contains(&text[hit.start..hit.end]);
                    if plural && self.names_a_class(text, hit.start) {
                        continue;
                    }
                    if let Some(f) = self.name_after_cue(text, hit.end, hits.get(i + 1)) {
                        let list_end = f.end;
                        found.push(f);
                        if plural {
                            self.add_listed_names(text, &hits[i + 1..], list_end, &mut found);
                        }
                    } else if let Some(f) = self.apposition_after_relation(text, &hits, i) {
                        found.push(f);
                    }
                }
                Kind::Legal | Kind::Tail => {
                    let before = found.len();
                    self.name_before_form(text, hit, &mut found);
                    if found.len() == before
                        && found.last().is_none_or(|f| f.end < hit.start)
                        && self.legal_form_prefixes.contains(&text[hit.start..hit.end])
                    {
                        found.extend(self.name_after_prefix_form(text, hit.end, hits.get(i + 1)));
                    }
                }
                Kind::Suffix => self.compound_head(text, hit, &mut found),
                Kind::Head => {
                    if let Some(f) = self.name_after_head(text, hit, hits.get(i + 1)) {
                        found.push(f);
                    }
                }
            }
        }
        // One sense per discourse: once the text shows that `Shell` is the company, its
        // other mentions are too (`Shell is het eerste oliebedrijf dat ...`).
        pending.retain(|p| p.entry.is_some_and(|e| vouched.contains(&e)));
        found.append(&mut pending);
        let aliases = self.add_bracketed_aliases(text, &mut found);
        self.add_dateline_agencies(text, &mut found);
        self.add_deal_parties(text, &mut found);
        self.drop_person_names(text, &mut found);
        self.repeat_learned_names(text, &mut found);
        self.drop_defined_acronyms(text, &hits, &mut found);
        drop_overlaps(&mut found, |f| (f.start, f.end));
        found
            .into_iter()
            .map(|f| {
                let alias = f
                    .entry
                    .is_none()
                    .then(|| {
                        aliases
                            .iter()
                            .find(|a| a.short == &text[f.start..f.name_end])
                    })
                    .flatten();
                self.mention(text, f, alias)
            })
            .collect()
    }

    /// Whether a gazetteer match counts: ambiguous names need a company context,
    /// family names must not follow a capitalized first name.
    fn accept_known(
        &self,
        text: &str,
        hits: &[Hit],
        i: usize,
        entry: usize,
        common: bool,
    ) -> Verdict {
        let e = &self.entries[entry];
        let hit = hits[i];
        if self.vetoed_forms.contains(&text[hit.start..hit.end]) {
            return Verdict::Rejected;
        }
        // A vetoed hyphenated whole (`CFE-CGC`); most hits have no hyphen after them.
        if text[hit.end..].starts_with('-') {
            let compound = hyphenated_word(text, hit.start);
            if compound.len() > hit.end - hit.start && self.vetoed(compound) {
                return Verdict::Rejected;
            }
        }
        // `Brouwerij Heineken`, `Autobouwer Ford`: a capitalized kind of company, not a
        // first name.
        let kind_before = i > 0
            && matches!(hits[i - 1].kind, Kind::Head | Kind::Cue | Kind::CueNoun)
            && hits[i - 1].end + 1 == hit.start;
        if e.surname && !kind_before && self.after_capitalized_word(text, hit.start) {
            return Verdict::Rejected;
        }
        if names::char_at(text, hit.end).is_some_and(names::is_word_char)
            && !self.genitive_plausible(text, hit, e.surname)
        {
            return Verdict::Rejected;
        }
        if common && joined_to_other_name(text, hits, i) {
            return Verdict::Rejected;
        }
        if self.product_use(text, hits, i) || self.part_of_person_name(text, hits, i) {
            return Verdict::Rejected;
        }
        if !common {
            return Verdict::Vouched;
        }
        let follows_company = i > 0
            && matches!(hits[i - 1].kind, Kind::Company(..))
            && hits[i - 1].end + 1 == hit.start;
        if follows_company {
            return Verdict::Rejected;
        }
        let form_after = hits.get(i + 1).is_some_and(|n| {
            matches!(n.kind, Kind::Legal | Kind::Tail | Kind::Suffix) && n.start - hit.end <= 2
        });
        let vouched = self.cue_or_origin_before(text, hits, i)
            || form_after
            || cue_in_apposition(text, hits, i)
            || self.coordinated_with_company(text, hits, i);
        if vouched {
            Verdict::Vouched
        } else if self.company_context(text, hits, i, sentence_initial(text, hit.start)) {
            Verdict::Accepted
        } else {
            Verdict::NeedsContext
        }
    }

    /// Whether a cue (`het bedrijf Shell`), a common-name cue (`bij Shell`) or a neuter
    /// article with an adjective of origin (`het Britse Shell`) stands right before hit `i`.
    fn cue_or_origin_before(&self, text: &str, hits: &[Hit], i: usize) -> bool {
        let hit = hits[i];
        let cue_before = i > 0 && {
            let cue = hits[i - 1];
            // A plural names the companies of its list only right after it and its
            // modifiers (`les groupes Renault et Orange`, not `les entreprises du Bel 20`).
            let plural = self.plural_cues.contains(&text[cue.start..cue.end]);
            matches!(cue.kind, Kind::Cue | Kind::CueNoun)
                && hit.start - cue.end <= CUE_REACH
                && !text[cue.end..hit.start].contains(['.', ',', ';', '!', '?'])
                && (!plural || self.skip_modifiers(text, cue.end) + 1 == hit.start)
        };
        cue_before
            || self.after_neuter_origin(text, hit.start)
            || self
                .word_before(text, hit.start)
                .is_some_and(|w| self.common_name_cues.contains(w))
    }

    /// Whether common-word hit `i` is coordinated with an unambiguous company right
    /// before or after it: `Jumbo en Albert Heijn`, `Free et Orange`, `Lidl, Aldi`.
    /// A list of names is company context even at a sentence start, unlike a company
    /// elsewhere in the sentence (`Total: Shell 3, BP 2`).
    fn coordinated_with_company(&self, text: &str, hits: &[Hit], i: usize) -> bool {
        let hit = hits[i];
        let joins = |gap: &str| self.list_joins.iter().any(|j| j == gap);
        // A cue governs the whole list: `bij Jumbo en Plus`.
        let before = i > 0
            && match hits[i - 1].kind {
                Kind::Company(_, false) => true,
                Kind::Company(_, true) => self.cue_or_origin_before(text, hits, i - 1),
                _ => false,
            }
            && joins(&text[hits[i - 1].end..hit.start]);
        let after = hits.get(i + 1).is_some_and(|n| {
            matches!(n.kind, Kind::Company(_, false)) && joins(&text[hit.end..n.start])
        });
        before || after
    }

    /// Whether this language's tables rule out a gazetteer form: a function word (`Plus`
    /// in French) or a name that is no company here (`CBS`, the Dutch statistics office).
    fn vetoed(&self, form: &str) -> bool {
        self.function_words.contains(form) || self.not_companies.contains(&form.to_lowercase())
    }

    /// Whether gazetteer hit `i` names a product, a currency or is part of a longer name
    /// rather than the company: `de Ford Taurus`, `een Lexus`, `100 Belga`, `« Le Monde »`,
    /// `Disney-tekenfilm` (but `Alibaba-CEO` and the agency pair `afp-reuter`).
    fn product_use(&self, text: &str, hits: &[Hit], i: usize) -> bool {
        let hit = hits[i];
        let next = hits.get(i + 1);
        let rest = &text[hit.end..];
        let opened = text[..hit.start]
            .trim_end_matches(' ')
            .ends_with(['«', '“', '"', '„']);
        if opened && rest.trim_start_matches(' ').starts_with(['»', '”', '"']) {
            return true;
        }
        if let Some(tail) = rest.strip_prefix('-') {
            let role_or_pair = next.is_some_and(|n| {
                (n.kind == Kind::Suffix && n.start == hit.end)
                    || (matches!(n.kind, Kind::Company(..)) && n.start == hit.end + 1)
            });
            return tail.starts_with(char::is_lowercase) && !role_or_pair;
        }
        if let Some(before) = self.word_before(text, hit.start) {
            let amount = before.chars().all(|c| c.is_ascii_digit());
            if amount || self.product_determiners.contains(&before.to_lowercase()) {
                return true;
            }
        }
        if !rest.starts_with(' ') {
            return false;
        }
        let at = hit.end + 1;
        let Some(end) = names::name_token(text, at) else {
            return false;
        };
        let word = &text[at..end];
        // `le PDG de Renault Carlos Ghosn`: a first name after the company opens the name
        // of the person in a role there, not a model or a longer name.
        if self.first_names.contains(word) {
            return false;
        }
        let part_of_name = next.is_some_and(|n| {
            n.start == at && matches!(n.kind, Kind::Legal | Kind::Tail | Kind::Company(..))
        });
        !(part_of_name || self.function_words.contains(word) || self.name_followers.contains(word))
    }

    /// The word right before `start` with one space between, if any.
    fn word_before<'t>(&self, text: &'t str, start: usize) -> Option<&'t str> {
        let end = start
            .checked_sub(1)
            .filter(|_| text[..start].ends_with(' '))?;
        names::word_start_before(text, end, 0).map(|s| &text[s..end])
    }

    /// Whether a context word or an unambiguous company is near hit `i`. At a sentence
    /// start a nearby company alone is not enough (`Total: Shell 3, BP 2`).
    fn company_context(&self, text: &str, hits: &[Hit], i: usize, initial: bool) -> bool {
        let hit = hits[i];
        let (from, to) = sentence_window(text, hit.start, hit.end);
        let other_company = hits.iter().enumerate().any(|(j, h)| {
            j != i && h.start >= from && h.end <= to && matches!(h.kind, Kind::Company(_, false))
        });
        if other_company && !initial {
            return true;
        }
        self.context.find_iter(&text[from..to]).any(|m| {
            let (s, e) = (from + m.start(), from + m.end());
            let inside_name = s < hit.end && hit.start < e;
            !inside_name && !char_before(text, s).is_some_and(names::is_word_char)
        })
    }

    /// Whether a person's title or a capitalized hyphenated first part precedes `start`:
    /// `M. Michelin`, `Mme Frey`, `Veil-Picard` (but not `Renault-Nissan`, whose first
    /// part is itself a company).
    fn part_of_person_name(&self, text: &str, hits: &[Hit], i: usize) -> bool {
        let start = hits[i].start;
        if self.after_title(text, start) {
            return true;
        }
        let Some(before_hyphen) = text[..start].strip_suffix('-') else {
            return false;
        };
        let company_before = i > 0 && hits[i - 1].end + 1 == start;
        let word = names::word_start_before(text, before_hyphen.len(), 0)
            .map(|s| &text[s..before_hyphen.len()]);
        !company_before && word.is_some_and(|w| w.starts_with(char::is_uppercase))
    }

    /// Whether a person's title (`M.`, `Mme`) stands right before `start`.
    fn after_title(&self, text: &str, start: usize) -> bool {
        text[..start]
            .strip_suffix(' ')
            .is_some_and(|head| ends_with_word(head, &self.person_titles))
    }

    /// Whether an origin article and adjective stand right before `start`: `het
    /// Nederlandse Picnic` names a company as a cue does (a person or a water board takes
    /// `de`: `de Nederlandse Lilly`, `waterschap Brabantse Delta`).
    fn after_neuter_origin(&self, text: &str, start: usize) -> bool {
        let Some(adjective) = self.word_before(text, start) else {
            return false;
        };
        let adjective_start = start - 1 - adjective.len();
        self.origin_adjectives.contains(adjective)
            && self
                .word_before(text, adjective_start)
                .is_some_and(|w| self.origin_articles.contains(w))
    }

    /// Whether a name the scanner found with a genitive ending (`Shells winst`) is one,
    /// rather than a family name (`Janssens`, `Norbert Elias`) or a plural (`de Googles`,
    /// `Jeeps en Chryslers`, `Jaguars met`).
    fn genitive_plausible(&self, text: &str, hit: Hit, surname: bool) -> bool {
        let lower_before = |at| self.word_before(text, at).map(str::to_lowercase);
        let word_end = names::word_end(text, hit.end);
        let next_word = text[word_end..]
            .strip_prefix(' ')
            .map(|rest| &rest[..names::word_end(rest, 0)]);
        let coordinated_plural = lower_before(hit.start).is_some_and(|w| {
            self.genitive_stops.contains(&w)
                && self
                    .word_before(text, hit.start - w.len() - 1)
                    .is_some_and(|p| p.starts_with(char::is_uppercase) && p.ends_with('s'))
        });
        !(surname
            || coordinated_plural
            || self.after_capitalized_word(text, hit.start)
            || lower_before(hit.start).is_some_and(|w| self.genitive_not_after.contains(&w))
            || next_word.is_none_or(|w| self.genitive_stops.contains(w)))
    }

    /// Whether the word right before `start` (one space between) is capitalized and
    /// neither a function word nor an adjective of origin: `Harrison Ford`, but not `Bij
    /// Ford` or `het Amerikaanse Ford`.
    fn after_capitalized_word(&self, text: &str, start: usize) -> bool {
        self.word_before(text, start).is_some_and(|word| {
            word.starts_with(char::is_uppercase)
                && !self.function_words.contains(word)
                && !self.origin_adjectives.contains(word)
        })
    }

    /// The unknown name right after a cue ending at `cue_end`, past allowed modifiers.
    /// `None` when a gazetteer name follows (it speaks for itself) or nothing name-like does.
    fn name_after_cue(&self, text: &str, cue_end: usize, next: Option<&Hit>) -> Option<Found> {
        let mut pos = cue_end;
        if !text[..pos].ends_with(['\'', '’']) {
            pos = self.skip_modifiers(text, pos);
            pos += text[pos..].strip_prefix(' ').map(|_| 1)?;
        }
        let known_here = next.filter(|n| matches!(n.kind, Kind::Company(..)) && n.start == pos);
        if known_here.is_some_and(|n| !self.common_name_opens_longer(text, n)) {
            return None;
        }
        let limit = next
            .filter(|_| known_here.is_none())
            .map_or(text.len(), |n| n.start);
        let article = self
            .name_articles
            .iter()
            .find(|a| text[pos..].starts_with(a.as_str()))
            .map_or(0, String::len);
        let end = name_run(text, pos + article, limit, |t| self.stops_name(t))?;
        let end = strip_possessive(text, pos, end);
        let name = &text[pos..end];
        (self.plausible(name) && !self.person_name(name)).then_some(Found {
            start: pos,
            end,
            entry: None,
            name_end: end,
        })
    }

    /// The unknown name that an apposition ending in the cue `hit` describes as a
    /// company: `Pontins, een andere keten`, `Xylos, een Gents softwarebedrijf`, `Xylos,
    /// une société lyonnaise`. At most one word stands between the article and the cue.
    fn name_before_apposition(&self, text: &str, hit: &Hit, last: Option<&Found>) -> Option<Found> {
        if self.apposition_articles.is_empty()
            || self
                .apposition_not_nouns
                .contains(&text[hit.start..hit.end])
        {
            return None;
        }
        // A cue noun may end a compound (`softwarebedrijf`): the apposition's noun starts
        // with the word.
        let noun_start = if char_before(text, hit.start).is_some_and(names::is_word_char) {
            names::word_start_before(text, hit.start, 0)?
        } else {
            hit.start
        };
        let from = floor_boundary(text, noun_start.saturating_sub(40));
        let head = &text[from..noun_start];
        let (comma, article) = self
            .apposition_articles
            .iter()
            .filter_map(|a| head.rfind(a.as_str()).map(|at| (from + at, a.len())))
            .max()?;
        let between = text[comma + article..noun_start].trim_end();
        let words = between.split(' ').filter(|w| !w.is_empty()).count();
        let plain = between
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
        if words > 1 || !plain || !self.apposition_adjective(between) {
            return None;
        }
        let floor = last.map_or(0, |f| f.end);
        let mut start = name_run_before(text, comma, floor)?;
        while let Some(next) = self.skip_function_word(text, start, comma) {
            start = next;
        }
        let name = &text[start..comma];
        (self.plausible(name) && !self.person_name(name) && !self.stops_name(name)).then_some(
            Found {
                start,
                end: comma,
                entry: None,
                name_end: comma,
            },
        )
    }

    /// Whether `word` may stand between an apposition's article and its noun: nothing,
    /// a lower-case word or an adjective of origin (`Gents`, `Amerikaanse`).
    fn apposition_adjective(&self, word: &str) -> bool {
        word.is_empty()
            || (word.starts_with(char::is_lowercase) && !self.apposition_not_between.contains(word))
            || self.origin_adjectives.contains(word)
            || self.origin_adjectives.contains(&format!("{word}e"))
    }

    /// Whether the plural cue at `start` follows a word that makes it a class
    /// (`d'entreprises Seveso`), not the head of a list of companies.
    fn names_a_class(&self, text: &str, start: usize) -> bool {
        ends_with_word(&text[..start], &self.plural_cue_not_after)
    }

    /// Adds the unknown names listed after a plural cue's first name, which ends at `end`:
    /// `de bedrijven Xylos, Brandoria en Vallamont`. A gazetteer name in the list is found
    /// by its own hit; a person's name ends the list.
    fn add_listed_names(&self, text: &str, later: &[Hit], mut end: usize, found: &mut Vec<Found>) {
        while let Some(join) = self
            .list_joins
            .iter()
            .find(|j| text[end..].starts_with(j.as_str()))
        {
            let start = end + join.len();
            let known_here = later.iter().find(|h| h.start >= start);
            if known_here.is_some_and(|h| h.start == start) {
                return;
            }
            let limit = known_here.map_or(text.len(), |h| h.start);
            let Some(name_end) = name_run(text, start, limit, |t| self.stops_name(t)) else {
                return;
            };
            let name = &text[start..name_end];
            if !self.plausible(name) || self.person_name(name) {
                return;
            }
            found.push(Found {
                start,
                end: name_end,
                entry: None,
                name_end,
            });
            end = name_end;
        }
    }

    /// The unknown name after a legal form written before it: `NV Hoste`, `SARL Dupont`.
    fn name_after_prefix_form(
        &self,
        text: &str,
        form_end: usize,
        next: Option<&Hit>,
    ) -> Option<Found> {
        let start = form_end + text[form_end..].strip_prefix(' ').map(|_| 1)?;
        let limit = next.map_or(text.len(), |n| n.start);
        let end = name_run(text, start, limit, |t| self.stops_name(t))?;
        let name = &text[start..end];
        (self.plausible(name) && !self.person_name(name)).then_some(Found {
            start,
            end,
            entry: None,
            name_end: end,
        })
    }

    /// Whether the common-word gazetteer match `hit` right after a cue opens a longer
    /// name, which is the company: `het bedrijf Mars One Ventures`, not `Mars`. A
    /// capitalized follower (`Orange France`, `Apple CEO`) or a first name (`Apple Tim
    /// Cook`) does not lengthen it.
    fn common_name_opens_longer(&self, text: &str, hit: &Hit) -> bool {
        if !matches!(hit.kind, Kind::Company(_, true)) {
            return false;
        }
        let Some(next_start) = text[hit.end..].strip_prefix(' ').map(|_| hit.end + 1) else {
            return false;
        };
        names::name_token(text, next_start).is_some_and(|end| {
            let word = &text[next_start..end];
            !(self.stops_name(word)
                || self.name_followers.contains(word)
                || self.first_names.contains(word))
        })
    }

    /// The unknown name in apposition after a relation cue and its company: `AS Watson`
    /// in `het moederbedrijf van Kruidvat, AS Watson, groeit`. The apposition must close
    /// with a comma, so that a clause after the company is not read as a name.
    fn apposition_after_relation(&self, text: &str, hits: &[Hit], i: usize) -> Option<Found> {
        let cue = hits[i];
        if !self.relation_cues.contains(&text[cue.start..cue.end]) {
            return None;
        }
        let company = hits
            .get(i + 1)
            .filter(|h| matches!(h.kind, Kind::Company(..)) && h.start == cue.end + 1)?;
        let start = company.end + text[company.end..].strip_prefix(", ").map(|_| 2)?;
        let limit = hits.get(i + 2).map_or(text.len(), |h| h.start);
        let end = name_run(text, start, limit, |t| self.stops_name(t))?;
        let name = &text[start..end];
        let closed = text[end..].starts_with(',');
        (closed && self.plausible(name) && !self.person_name(name)).then_some(Found {
            start,
            end,
            entry: None,
            name_end: end,
        })
    }

    /// Adds the parties of a deal named as `overname van X door Y` / `rachat de X par Y`:
    /// when both X and Y are names and neither reads as a person's, both are companies
    /// (`de overname van Ennismore door Accor`; not `de overname van Twitter door Elon
    /// Musk`). A company found already counts as a name; a unit after it is skipped
    /// (`Vodafone Espagne`).
    fn add_deal_parties(&self, text: &str, found: &mut Vec<Found>) {
        // A deal is found by its agent word (SIMD search), then the object's name and the
        // deal noun before it: a whole-text search for the nouns cost 24 M instructions on
        // 400 articles, this a tenth of it.
        let mut objects: Vec<usize> = Vec::new();
        for finder in &self.deal_agent_finders {
            for at in finder.find_iter(text.as_bytes()) {
                if let Some(object) = self.object_before_agent(text, at + finder.needle().len()) {
                    objects.push(object);
                }
            }
        }
        objects.sort_unstable();
        objects.dedup();
        let mut parties = Vec::new();
        for start in objects {
            let Some((object_end, object)) = self.deal_party(text, found, start) else {
                continue;
            };
            let rest = &text[object_end..];
            let Some(agent) = self
                .deal_agents
                .iter()
                .find(|a| rest.starts_with(a.as_str()))
            else {
                continue;
            };
            let Some((_, buyer)) = self.deal_party(text, found, object_end + agent.len()) else {
                continue;
            };
            parties.extend(object.into_iter().chain(buyer));
        }
        parties.retain(|p| !found.iter().any(|f| f.start == p.start));
        found.append(&mut parties);
    }

    /// Whether a deal noun (`overname van`, `rachat d'`) ends right before `start`.
    fn after_deal_noun(&self, text: &str, start: usize) -> bool {
        ends_with_word(&text[..start], &self.deal_nouns)
    }

    /// The start of a deal's object named right before the agent word that ends before
    /// `buyer` (`rachat d'Ennismore par` before `Accor`).
    fn object_before_agent(&self, text: &str, buyer: usize) -> Option<usize> {
        let head = &text[..buyer];
        let agent = self
            .deal_agents
            .iter()
            .find(|a| head.ends_with(a.as_str()))?;
        let object_end = buyer - agent.len();
        let floor = object_end.saturating_sub(MAX_DEAL_OBJECT);
        let floor = floor_boundary(text, floor);
        let start = name_run_before(text, object_end, floor).or_else(|| {
            // An elided object: `rachat d'Ennismore par`.
            let head = &text[floor..object_end];
            let apostrophe = head.rfind(['\'', '’'])?;
            let after = floor + apostrophe + head[apostrophe..].chars().next()?.len_utf8();
            names::name_token(text, after)
                .filter(|&end| end == object_end)
                .map(|_| after)
        })?;
        self.after_deal_noun(text, start).then_some(start)
    }

    /// Where the deal party named at `start` ends, and the party as a new company when
    /// it is an unknown name that is no person's. A company found there already has
    /// the unit name after it included in its reach (`Vodafone Espagne`).
    fn deal_party(
        &self,
        text: &str,
        found: &[Found],
        start: usize,
    ) -> Option<(usize, Option<Found>)> {
        if let Some(known) = found.iter().find(|f| f.start == start) {
            let unit_end = text[known.end..]
                .strip_prefix(' ')
                .and_then(|_| names::name_token(text, known.end + 1))
                .filter(|&e| self.name_followers.contains(&text[known.end + 1..e]));
            return Some((unit_end.unwrap_or(known.end), None));
        }
        let end = name_run(text, start, text.len(), |t| self.stops_name(t))?;
        let name = &text[start..end];
        let party = Found {
            start,
            end,
            entry: None,
            name_end: end,
        };
        (self.plausible(name) && !self.person_name(name)).then_some((end, Some(party)))
    }

    /// The name opened by a head word: `Banque Parisienne`, `Forges de Firminy`,
    /// `Crédit foncier`. The span starts at the head; a particle may stand between the
    /// head and the capitalized name, which may then be a place (`Banque de Paris`).
    fn name_after_head(&self, text: &str, head: &Hit, next: Option<&Hit>) -> Option<Found> {
        let rest = text[head.end..].strip_prefix(' ')?;
        if let Some(adjective) = self.head_adjective(rest) {
            let end = head.end + 1 + adjective.len();
            return self.plausible(&text[head.start..end]).then_some(Found {
                start: head.start,
                end,
                entry: None,
                name_end: end,
            });
        }
        let particle = particle_len(&self.particles, rest);
        let pos = head.end + 1 + particle.unwrap_or(0);
        let limit = next.map_or(text.len(), |n| n.start);
        let end = if particle.is_some() {
            name_run(text, pos, limit, |t| self.function_words.contains(t))?
        } else {
            name_run(text, pos, limit, |t| self.stops_name(t))?
        };
        self.plausible(&text[head.start..end]).then_some(Found {
            start: head.start,
            end,
            entry: None,
            name_end: end,
        })
    }

    /// The head adjective that `rest` starts with as a whole word, if any.
    fn head_adjective<'r>(&self, rest: &'r str) -> Option<&'r str> {
        self.head_adjectives.iter().find_map(|a| {
            let word = rest.get(..a.len()).filter(|w| w == a)?;
            (!names::char_at(rest, a.len()).is_some_and(names::is_word_char)).then_some(word)
        })
    }

    /// Skips up to three modifiers (` pharmaceutique`, ` de luxe`) or complements
    /// (` de puces`, ` de la distribution`) after `pos`.
    fn skip_modifiers(&self, text: &str, mut pos: usize) -> usize {
        for _ in 0..3 {
            let Some(rest) = text[pos..].strip_prefix(' ') else {
                break;
            };
            let first = rest.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
            let modifier = self.modifiers[usize::from(first)].iter().find(|m| {
                rest.get(..m.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(m))
                    && !names::char_at(rest, m.len()).is_some_and(names::is_word_char)
            });
            match modifier.map(String::len).or_else(|| self.complement(rest)) {
                Some(len) => pos += 1 + len,
                None => break,
            }
        }
        pos
    }

    /// The length of a complement `rest` starts with: a particle and a lower-case word.
    fn complement(&self, rest: &str) -> Option<usize> {
        let particle = particle_len(&self.complement_particles, rest)?;
        let word = &rest[particle..];
        let len = word
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(word.len());
        let usable =
            word.starts_with(char::is_lowercase) && !self.complement_stops.contains(&word[..len]);
        usable.then_some(particle + len)
    }

    /// The name before a legal form or name tail: joins the company just before it
    /// (`Philips N.V.`), or reads the capitalized words before it (`Acme Robotics B.V.`).
    fn name_before_form(&self, text: &str, hit: &Hit, found: &mut Vec<Found>) {
        let head = &text[..hit.start];
        let gap = if head.ends_with(", ") {
            2
        } else if head.ends_with(' ') {
            1
        } else {
            return;
        };
        let name_end = hit.start - gap;
        let keep_form = hit.kind == Kind::Tail;
        if let Some(last) = found.last_mut().filter(|f| f.end == name_end) {
            last.end = hit.end;
            if keep_form && last.entry.is_none() {
                last.name_end = hit.end;
            }
            return;
        }
        let floor = found.last().map_or(0, |f| f.end);
        let Some(mut start) = name_run_before(text, name_end, floor) else {
            return;
        };
        while let Some(next) = self.skip_function_word(text, start, name_end) {
            start = next;
        }
        if start >= name_end {
            return;
        }
        if let Some(last) = found.last_mut().filter(|f| f.end + 1 == start) {
            last.end = hit.end;
            return;
        }
        if shouting(&text[start..name_end], &text[hit.end..]) {
            return;
        }
        let name_end = if keep_form { hit.end } else { name_end };
        if self.plausible(&text[start..name_end]) {
            found.push(Found {
                start,
                end: hit.end,
                entry: None,
                name_end,
            });
        }
    }

    /// The start of the next token when the token at `start` is a function word.
    fn skip_function_word(&self, text: &str, start: usize, end: usize) -> Option<usize> {
        let token_end = names::name_token(text, start)?.min(end);
        let next = token_end + 1;
        (self.function_words.contains(&text[start..token_end]) && next < end).then_some(next)
    }

    /// The head of a hyphenated compound such as `Alibaba-CEO` or `Xylos-topman`.
    fn compound_head(&self, text: &str, hit: &Hit, found: &mut Vec<Found>) {
        let role = self.role_suffixes.contains(&text[hit.start + 1..hit.end]);
        if role || found.last().is_some_and(|f| f.end == hit.start) {
            return;
        }
        let floor = found.last().map_or(0, |f| f.end);
        let Some(start) = names::word_start_before(text, hit.start, floor) else {
            return;
        };
        let head = &text[start..hit.start];
        if head.starts_with(char::is_uppercase) && self.plausible(head) {
            found.push(Found {
                start,
                end: hit.start,
                entry: None,
                name_end: hit.start,
            });
        }
    }

    /// Adds the short name in brackets right after a company: `Louis Dupont (LDP)`, and
    /// returns the aliases so that the short name's other mentions get the company's name.
    fn add_bracketed_aliases<'t>(&self, text: &'t str, found: &mut Vec<Found>) -> Vec<Alias<'t>> {
        let mut extra = Vec::new();
        let mut aliases = Vec::new();
        for f in found.iter() {
            let Some(inner) = text[f.end..].strip_prefix(" (") else {
                continue;
            };
            let start = f.end + 2;
            let limit = start + inner.find(')').unwrap_or(0);
            let Some(end) = name_run(text, start, limit, |t| self.stops_name(t)) else {
                continue;
            };
            let short = &text[start..end];
            let name = &text[f.start..f.name_end];
            if end == limit && self.plausible(short) && abbreviates(short, name) {
                extra.push(Found {
                    start,
                    end,
                    entry: f.entry,
                    name_end: end,
                });
                aliases.push(Alias {
                    short: &text[start..end],
                    entry: f.entry,
                    name: &text[f.start..f.name_end],
                });
            }
        }
        found.extend(extra);
        aliases
    }

    /// Adds the agency of a wire dispatch: `BERLIN, 29 (Wolff).`, `PARIS, 12 mars (Xylos)`.
    fn add_dateline_agencies(&self, text: &str, found: &mut Vec<Found>) {
        let mut extra = Vec::new();
        // SIMD memchr: `(` is rare, and this runs over the whole text.
        for open in memchr::memchr_iter(b'(', text.as_bytes()) {
            let start = open + 1;
            let window = floor_boundary(text, (start + MAX_AGENCY_LEN).min(text.len()));
            let Some(close) = text[start..window].find(')').map(|i| start + i) else {
                continue;
            };
            if !names::ends_with_dateline(&text[..open]) {
                continue;
            }
            let end = name_run(text, start, close, |t| self.stops_name(t));
            let taken = found.iter().any(|f| f.start < close && start < f.end);
            if end == Some(close) && !taken && self.plausible(&text[start..close]) {
                extra.push(Found {
                    start,
                    end: close,
                    entry: None,
                    name_end: close,
                });
            }
        }
        found.extend(extra);
    }

    /// Drops names learned from patterns that the text writes more often as a person's
    /// name, after a first name or a title, than as a company (`Macron & Cie` beside three
    /// `Emmanuel Macron`); a shipyard named after its founder keeps its name.
    fn drop_person_names(&self, text: &str, found: &mut Vec<Found>) {
        let mut learned: FxHashMap<&str, usize> = FxHashMap::default();
        for f in found.iter().filter(|f| f.entry.is_none()) {
            *learned.entry(&text[f.start..f.name_end]).or_default() += 1;
        }
        let persons: FxHashSet<&str> = learned
            .into_iter()
            .filter(|&(name, as_company)| {
                let as_person = occurrences(text, name)
                    .filter(|&start| {
                        on_word_boundaries(text, start, start + name.len())
                            && self.names_person(text, start)
                    })
                    .count();
                as_person > as_company
            })
            .map(|(name, _)| name)
            .collect();
        if !persons.is_empty() {
            found.retain(|f| f.entry.is_some() || !persons.contains(&text[f.start..f.name_end]));
        }
    }

    /// Whether the name at `start` follows a title or a first name, so names a person.
    fn names_person(&self, text: &str, start: usize) -> bool {
        self.after_title(text, start) || self.after_first_name(text, start)
    }

    /// Whether a word that reads as a first name stands right before `start`: capitalized,
    /// then lower-case letters only, and not a function word (`Emmanuel Macron`, but not
    /// `Selon Macron`).
    fn after_first_name(&self, text: &str, start: usize) -> bool {
        let Some(word) = self.word_before(text, start) else {
            return false;
        };
        // `word` ends at the one space before `start`; at a sentence start any word is
        // capitalized.
        let mut chars = word.chars();
        !sentence_initial(text, start - 1 - word.len())
            && chars.next().is_some_and(char::is_uppercase)
            && word.chars().count() >= 2
            && chars.all(char::is_lowercase)
            && !self.function_words.contains(word)
            && !self.not_companies.contains(&word.to_lowercase())
    }

    /// Drops mentions of an acronym that the text defines by a long form which is no
    /// company: `Centraal Bureau voor de Statistiek (CBS)`, `État islamique (EI)`, `peste
    /// des petits ruminants (PPR)`. The long form is a company when a company was found
    /// there, when it is a gazetteer form in any case (`Union bancaire privée (UBP)`) or
    /// when it holds a company word (`Amsterdam Trade Bank (ATB)`). A gazetteer acronym is
    /// dropped only when it is ambiguous or its long form is no proper name at all.
    fn drop_defined_acronyms(&self, text: &str, hits: &[Hit], found: &mut Vec<Found>) {
        let mut defined: Vec<(&str, bool)> = Vec::new();
        // Each ` (`: a SIMD search for the rare `(` (the pair cannot overlap itself), with
        // no searcher built per text.
        let brackets = memchr::memchr_iter(b'(', text.as_bytes());
        let spaced =
            brackets.filter_map(|at| at.checked_sub(1).filter(|&s| text.as_bytes()[s] == b' '));
        for open in spaced {
            let start = open + 2;
            // An acronym is short: no need to look far for its bracket.
            let window = floor_boundary(text, (start + 4 * MAX_ACRONYM + 1).min(text.len()));
            let Some(len) = text[start..window].find(')') else {
                continue;
            };
            let acronym = &text[start..start + len];
            if !is_acronym(acronym) || defined.iter().any(|d| d.0 == acronym) {
                continue;
            }
            let Some(long_start) = long_form_start(&self.acronym_skips, text, open, acronym) else {
                continue;
            };
            let long_form = &text[long_start..open];
            let company = found.iter().any(|f| f.start < open && long_start < f.end)
                || hits.iter().any(|h| {
                    !matches!(h.kind, Kind::Company(..)) && h.start >= long_start && h.end <= open
                })
                || self.known_forms.contains(&long_form.to_lowercase());
            if !company {
                defined.push((acronym, !long_form.contains(char::is_uppercase)));
            }
        }
        found.retain(|f| {
            let Some(&(_, plain)) = defined.iter().find(|d| d.0 == &text[f.start..f.end]) else {
                return true;
            };
            f.entry.is_some_and(|e| !self.entries[e].common && !plain)
        });
    }

    /// Finds the other occurrences of names learned from cues in this text.
    fn repeat_learned_names(&self, text: &str, found: &mut Vec<Found>) {
        let learned: FxHashSet<&str> = found
            .iter()
            .filter(|f| f.entry.is_none())
            .map(|f| &text[f.start..f.name_end])
            .filter(|n| n.chars().count() >= 3 || n.chars().all(|c| c.is_ascii_uppercase()))
            .collect();
        let mut extra = Vec::new();
        for name in learned {
            for start in occurrences(text, name) {
                let end = start + name.len();
                let taken = found.iter().any(|f| f.start < end && start < f.end);
                if !taken && on_word_boundaries(text, start, end) && !self.names_person(text, start)
                {
                    extra.push(Found {
                        start,
                        end,
                        entry: None,
                        name_end: end,
                    });
                }
            }
        }
        found.extend(extra);
    }

    /// Whether a token ends a name run: a function word or an excluded name.
    fn stops_name(&self, token: &str) -> bool {
        self.function_words.contains(token) || self.not_companies.contains(&token.to_lowercase())
    }

    /// Whether an unknown name reads as a person's: common first names, then one family
    /// name with its particles (`Daniel Kretinsky`, `Anne Marie Van Damme`). A longer tail
    /// is a company named after a person or a character (`Peter Rabbit Organics`).
    fn person_name(&self, name: &str) -> bool {
        let mut words = name.split(' ').peekable();
        let mut first_names = 0;
        while words.next_if(|w| self.first_names.contains(*w)).is_some() {
            first_names += 1;
        }
        let family_words = words
            .filter(|w| !self.surname_particles.contains(&w.to_lowercase()))
            .count();
        first_names > 0 && family_words <= 1
    }

    /// Whether an unknown candidate may be a company name.
    fn plausible(&self, name: &str) -> bool {
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && !self.function_words.contains(name)
            && !self.not_companies.contains(&name.to_lowercase())
    }

    /// The output mention for a found company; an unknown name that is a bracketed
    /// alias takes the name of the company it abbreviates.
    fn mention(&self, text: &str, f: Found, alias: Option<&Alias>) -> Mention {
        let entry = f.entry.or(alias.and_then(|a| a.entry));
        let company = match entry.map(|e| &self.entries[e]) {
            Some(e) => Company {
                name: e.name.clone(),
                ticker: e.ticker.clone(),
                country: e.country.clone(),
            },
            None => Company {
                name: alias
                    .map_or(&text[f.start..f.name_end], |a| a.name)
                    .to_string(),
                ticker: None,
                country: None,
            },
        };
        Mention {
            start: f.start,
            end: f.end,
            value: FactValue::Company(company),
        }
    }
}

/// The longest acronym checked for a definition, in letters.
const MAX_ACRONYM: usize = 8;

/// How far before an acronym in brackets its long form is looked for, in bytes.
const LONG_FORM_WINDOW: usize = 160;

/// Whether a short name in brackets may stand for `name`: an acronym must start with the
/// name's initial (`Kohlberg Kravis Roberts (KKR)`), since a different one in brackets
/// after a company says what it is (`Heetch (VTC)`), not what it is called.
fn abbreviates(short: &str, name: &str) -> bool {
    let initial = |s: &str| s.chars().next().map(fold_initial);
    !is_acronym(short) || initial(short) == initial(name)
}

/// Whether `word` looks like an acronym: 2 to [`MAX_ACRONYM`] letters, the first and at
/// least one more in capitals (`CBS`, `FvD`).
fn is_acronym(word: &str) -> bool {
    let count = word.chars().count();
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    (2..=MAX_ACRONYM).contains(&count)
        && word.chars().all(char::is_alphabetic)
        && word.starts_with(char::is_uppercase)
        && capitals >= 2
}

/// Where the long form that `acronym` abbreviates starts, when the words before `end`
/// spell it: their initials, with or without short linking words (`voor de`, `et`).
fn long_form_start(
    skips: &FxHashSet<String>,
    text: &str,
    end: usize,
    acronym: &str,
) -> Option<usize> {
    let target: Vec<char> = acronym.chars().map(fold_initial).collect();
    let floor = floor_boundary(text, end.saturating_sub(LONG_FORM_WINDOW));
    let window = &text[floor..end];
    let words: Vec<(usize, &str)> = window
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - window.as_ptr() as usize, w))
        .collect();
    let (mut all, mut content) = (Vec::new(), Vec::new());
    let mut gap_end = window.len();
    for &(at, word) in words.iter().rev() {
        let gap = &window[at + word.len()..gap_end];
        if !gap
            .chars()
            .all(|c| matches!(c, ' ' | ',' | '-' | '\'' | '’'))
        {
            return None;
        }
        gap_end = at;
        let first = word.chars().next()?;
        if !first.is_alphabetic() {
            return None;
        }
        all.insert(0, fold_initial(first));
        if !skips.contains(word) {
            content.insert(0, fold_initial(first));
        }
        if all == target || content == target {
            return Some(floor + at);
        }
        if content.len() > target.len() {
            return None;
        }
    }
    None
}

/// A letter as an acronym initial: upper case, without its accent (`É` -> `E`).
fn fold_initial(c: char) -> char {
    let upper = c.to_uppercase().next().unwrap_or(c);
    match upper {
        'À' | 'Â' | 'Ä' => 'A',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'Î' | 'Ï' => 'I',
        'Ô' | 'Ö' => 'O',
        'Ù' | 'Û' | 'Ü' => 'U',
        'Ç' => 'C',
        other => other,
    }
}

/// Where `needle` occurs in `text`, without overlaps (a SIMD search: the texts are whole
/// articles).
fn occurrences<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes())
}

/// The whole hyphenated word that starts at `start` (`CFE-CGC`), or the word alone.
fn hyphenated_word(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(names::is_word_char(c) || c == '-'))
        .unwrap_or(rest.len());
    rest[..end].trim_end_matches('-')
}

/// Whether the common-word gazetteer hit `i` is joined to another name by a hyphen or
/// `&`, so it is only part of that name: `Bel-RTL`, `50-Plus`, `Action & Aventure`
/// (but `Shell-topman` stays).
fn joined_to_other_name(text: &str, hits: &[Hit], i: usize) -> bool {
    let hit = hits[i];
    let rest = &text[hit.end..];
    let tail = rest.strip_prefix('-').or_else(|| rest.strip_prefix(" & "));
    let compound_tail = hits
        .get(i + 1)
        .is_some_and(|n| n.kind == Kind::Suffix && n.start == hit.end);
    let joined_after =
        tail.is_some_and(|t| t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    let joined_before = text[..hit.start]
        .strip_suffix('-')
        .is_some_and(|head| head.ends_with(|c: char| c.is_ascii_digit()));
    (joined_after && !compound_tail) || joined_before
}

/// Sorts spans by start and drops each that overlaps an earlier one (at the same start
/// the longer one is kept).
fn drop_overlaps<T>(items: &mut Vec<T>, span: impl Fn(&T) -> (usize, usize)) {
    items.sort_by_key(|item| {
        let (start, end) = span(item);
        (start, std::cmp::Reverse(end))
    });
    let mut last_end = 0;
    items.retain(|item| {
        let (start, end) = span(item);
        let keep = start >= last_end;
        if keep {
            last_end = end;
        }
        keep
    });
}

/// Whether `head` ends with one of `words`, which starts a word there (`le rachat de`
/// ends with `rachat de`; `surachat de` does not).
fn ends_with_word(head: &str, words: &[String]) -> bool {
    words.iter().any(|w| {
        head.strip_suffix(w.as_str())
            .is_some_and(|before| !before.chars().next_back().is_some_and(names::is_word_char))
    })
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

/// Whether `c` may open a capitalized pattern (a name, `3M`).
fn starts_capital(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit()
}

/// Whether a match of `kind` at `start..end` sits on the word boundaries it needs.
fn bounded(text: &str, kind: Kind, start: usize, end: usize) -> bool {
    let right = !names::char_at(text, end).is_some_and(names::is_word_char);
    match kind {
        Kind::CueNoun => right && !char_before(text, start).is_some_and(char::is_uppercase),
        Kind::Suffix => right && char_before(text, start).is_some_and(names::is_word_char),
        _ => on_word_boundaries(text, start, end),
    }
}

/// Whether an apposition right after hit `i` names a kind of company: `Meta, het
/// moederbedrijf van Facebook`, `Orange, l'opérateur historique`.
fn cue_in_apposition(text: &str, hits: &[Hit], i: usize) -> bool {
    let end = hits[i].end;
    hits.get(i + 1).is_some_and(|n| {
        matches!(n.kind, Kind::Cue | Kind::CueNoun)
            && n.start - end <= CUE_REACH
            && text[end..n.start]
                .strip_prefix(", ")
                .is_some_and(|gap| !gap.contains(['.', ',', ';', '!', '?', '(', ')']))
    })
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

/// Whether a name and the word after its legal form are both in capitals: a headline
/// or an advertisement (`VALEURS SE NEGOCIANT`), where `SE` or `SA` is just a word.
fn shouting(name: &str, after_form: &str) -> bool {
    let next_word: String = after_form
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    !name.chars().any(char::is_lowercase)
        && next_word.chars().count() >= 2
        && !next_word.chars().any(char::is_lowercase)
}

/// The length of the particle `rest` starts with, with its space (`de `) or its
/// apostrophe (`d'`).
fn particle_len(particles: &[String], rest: &str) -> Option<usize> {
    particles.iter().find_map(|p| {
        let after = rest.strip_prefix(p.as_str())?;
        if p.ends_with(['\'', '’']) {
            Some(p.len())
        } else {
            after.starts_with(' ').then_some(p.len() + 1)
        }
    })
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

/// `end` without a trailing possessive `'s` (`Xylos's` -> `Xylos`).
fn strip_possessive(text: &str, start: usize, end: usize) -> usize {
    let name = &text[start..end];
    for tail in ["'s", "’s"] {
        if name.len() > tail.len() + 1 && name.ends_with(tail) {
            return end - tail.len();
        }
    }
    end
}

/// The part of the sentence around `start..end`, at most [`CONTEXT_WINDOW`] bytes each side.
fn sentence_window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = floor_boundary(text, start.saturating_sub(CONTEXT_WINDOW));
    let to = floor_boundary(text, (end + CONTEXT_WINDOW).min(text.len()));
    let stops = ['.', '!', '?', '\n'];
    let from = text[from..start]
        .rfind(stops)
        .map_or(from, |i| from + i + 1);
    let to = text[end..to].find(stops).map_or(to, |i| end + i);
    (from, to)
}

/// The largest char boundary not after `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests;
