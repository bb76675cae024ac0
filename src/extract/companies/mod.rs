//! The company engine: a gazetteer of known companies plus patterns for unknown ones.
//!
//! One Aho-Corasick pass (leftmost-longest, case-sensitive) finds every gazetteer name
//! and every cue of the language's table: cue phrases before a name (`het bedrijf X`,
//! `le groupe X`, `PDG de X`), legal forms after one (`X N.V.`), and compound tails
//! (`X-topman`). Patterns for unknown names then only look at the text next to a cue.
//! Names learned from a cue count again elsewhere in the same article.

mod acronyms;
mod appositions;
mod build;
mod context;
mod cues;
mod datelines;
mod deals;
mod forms;
pub mod gazetteer;
mod names;
mod origins;
mod persons;
mod repeats;
mod scan;
mod units;

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use aho_corasick::AhoCorasick;
use serde::{Deserialize, Serialize};

use super::Mention;
use crate::article::Country;
use crate::extract::FactValue;
use acronyms::Alias;
use gazetteer::Entry;
use names::sentence_initial;

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
    /// Contractions of an article with a preposition (`le` = `au`, `du`): a cue that opens
    /// with the article is a cue with each contraction too (`le canadien X` gives `au
    /// canadien X` and `du suisse X`), so the tables list each cue once.
    #[serde(default)]
    pub article_contractions: std::collections::BTreeMap<String, Vec<String>>,
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
    /// Indefinite articles that make a brand a product with an adjective of a thing's look,
    /// age or use between them (`een witte Mercedes`, `een oude Batavus`). Possessives are
    /// left out: `haar grote rivale Shell` is the company.
    #[serde(default)]
    pub product_adjective_articles: Vec<String>,
    /// The adjectives of a thing's look, age or use between such an article and a brand
    /// (`witte`, `oude`, `geleende`); not `andere`, which also points to another company.
    #[serde(default)]
    pub product_adjectives: Vec<String>,
    /// Capitalized words that may follow a company name without making it a product or a
    /// longer name (`Google France`, `Philips CEO`).
    #[serde(default)]
    pub name_followers: Vec<String>,
    /// Services sold under a group's name (`Apple Music`): name followers that also show a
    /// common-word name is the company.
    #[serde(default)]
    pub services: Vec<String>,
    /// Elided articles that make a common-word name right after them the noun
    /// (`ministre de l'Action et des Comptes publics`); the company takes none
    /// (`chez Action`). Both apostrophes are matched.
    #[serde(default)]
    pub noun_articles: Vec<String>,
    /// Articles that make a family-named company right after them its product (`le
    /// Ricard`, `du Ricard`, `la Peugeot`): such a company takes no article (`Ricard a
    /// annoncé`).
    #[serde(default)]
    pub product_articles: Vec<String>,
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
    /// Prepositions of place that open a sentence: a common-word name between one and a
    /// comma is the place (`À Orange, la PME ...` is the town in the Vaucluse).
    #[serde(default)]
    pub place_prepositions: Vec<String>,
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
    /// Cue nouns that name only firms, never a person's trade (`firma`, `bakkerij`): the
    /// name after one is the firm's even when it reads as a person's (`transportfirma Jan
    /// De Rijcke`), where after `aannemer` it may be the man.
    #[serde(default)]
    pub firm_nouns: Vec<String>,
    /// Particles of a family name right after a first name (`de`, `van der`): a one-word
    /// common-word name before one is a person's first name (`Otto de Bont`).
    #[serde(default)]
    pub first_name_particles: Vec<String>,
    /// Capitalized particles that join the tokens of an unknown name after a cue, though
    /// they are function words elsewhere: `het transportbedrijf Van Gils`, `het modehuis
    /// Dries Van Noten` (Flemish family names write `Van` with a capital).
    #[serde(default)]
    pub name_particles: Vec<String>,
    /// Endings a one-word known name takes in the genitive without an apostrophe, before
    /// a lower-case word (`s` in `Shells winst`, `Unilevers topman`).
    #[serde(default)]
    pub genitive_endings: Vec<String>,
    /// Words after which a name plus a genitive ending is a plural (`de Googles`).
    #[serde(default)]
    pub genitive_not_after: Vec<String>,
    /// Numbers written as words: a common-word name before one at a sentence start is
    /// the figure's sign (`Plus zeven procent`), not the company.
    #[serde(default)]
    pub number_words: Vec<String>,
    /// Units after a number (`procent`, `euro`): a name before an amount is a share's move
    /// (`Shell 2 procent hoger`), not an index or a model (`Bel 20`, `Peugeot 208`).
    #[serde(default)]
    pub number_units: Vec<String>,
    /// Articles before a market name that make it the market or index (`de Nasdaq`,
    /// `le Dow Jones`), not the company that runs it; before a name and a number, they make
    /// an index or a model (`de Bel 20`, `la Peugeot 208`).
    #[serde(default)]
    pub market_articles: Vec<String>,
    /// Verbs that join a name to what it is (`is`, `est`): a cue after one makes a
    /// common-word name a company (`Action is de grootste winkelketen`).
    #[serde(default)]
    pub copulas: Vec<String>,
    /// Verbs of what companies do (`verhoogt`, `supprime`): a common-word name right before
    /// one is their subject, a company (`Orange verhoogt zijn tarieven`).
    #[serde(default)]
    pub company_verbs: Vec<String>,
    /// Auxiliaries before a participle among the `company_verbs` (`a` in `Casino a vendu`).
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Lower-case words shortly before a group's short name that make it the parent of a
    /// local unit named earlier (`filiale d'Orange` after `Orange Belgium`), not the unit.
    #[serde(default)]
    pub parent_words: Vec<String>,
    /// Adjectives of origin in lower case with their ISO 3166 country (`américain` = `US`):
    /// before a name that is also another company's ticker, they say which company it is
    /// (`l'américain ADP` is the payroll firm, not Aéroports de Paris).
    #[serde(default)]
    pub demonyms: std::collections::HashMap<String, String>,
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
    /// A longer name the tables rule out that holds a company's name (`Soudal Quick-Step`,
    /// a cycling team): as the longest match it hides the names inside it.
    NotCompany,
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

/// A company found so far: its span and its gazetteer entry, if known.
#[derive(Debug, Clone)]
struct Found {
    start: usize,
    end: usize,
    entry: Option<usize>,
    /// For unknown names: where the name proper ends (before a legal form).
    name_end: usize,
}

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
    /// Name heads that are also gazetteer names (`Coop`): before a capitalized name they
    /// open a longer one (`La Coop Avantis`), elsewhere they are the known company.
    known_heads: FxHashSet<String>,
    function_words: FxHashSet<String>,
    not_companies: FxHashSet<String>,
    product_determiners: FxHashSet<String>,
    product_adjective_articles: FxHashSet<String>,
    product_adjectives: FxHashSet<String>,
    /// Articles before a family-named company's product, in lower case (`le`, `du`).
    product_articles: FxHashSet<String>,
    name_followers: FxHashSet<String>,
    services: FxHashSet<String>,
    /// Elided noun articles with both apostrophes (`l'`, `l’`, `L'`, `L’`).
    noun_articles: Vec<String>,
    person_titles: Vec<String>,
    particles: Vec<String>,
    complement_particles: Vec<String>,
    complement_stops: FxHashSet<String>,
    head_adjectives: Vec<String>,
    acronym_skips: FxHashSet<String>,
    origin_adjectives: FxHashSet<String>,
    first_names: FxHashSet<String>,
    surname_particles: FxHashSet<String>,
    firm_nouns: FxHashSet<String>,
    first_name_particles: Vec<String>,
    name_particles: FxHashSet<String>,
    origin_articles: FxHashSet<String>,
    relation_cues: FxHashSet<String>,
    plural_cues: FxHashSet<String>,
    plural_cue_not_after: Vec<String>,
    legal_form_prefixes: FxHashSet<String>,
    /// Legal forms and name tails as written (`Corp`, `SA`, `Holding`): after a known name
    /// they end it, never lengthen it.
    name_ends: FxHashSet<String>,
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
    place_prepositions: FxHashSet<String>,
    /// The gaps that join two names in a list: `, ` and each conjunction with its spaces.
    list_joins: Vec<String>,
    role_suffixes: FxHashSet<String>,
    /// Lower-case words that cannot be the noun after a genitive (`en`, `van`, `hoe`).
    genitive_stops: FxHashSet<String>,
    /// Lower-case words that cannot precede a genitive (articles, determiners).
    genitive_not_after: FxHashSet<String>,
    number_words: FxHashSet<String>,
    number_units: Vec<String>,
    market_articles: FxHashSet<String>,
    copulas: FxHashSet<String>,
    company_verbs: FxHashSet<String>,
    auxiliaries: FxHashSet<String>,
    /// Every gazetteer form in lower case, to recognize a company's long name however it
    /// is capitalized.
    known_forms: Arc<FxHashSet<String>>,
    /// The gazetteer forms this language's tables rule out, as written: checked at every
    /// gazetteer hit, so without lower-casing.
    vetoed_forms: FxHashSet<String>,
    /// Each parent entry's local units (`Orange` -> `Orange Belgium`).
    local_units: FxHashMap<usize, Vec<usize>>,
    /// Lower-case words that keep a short name the parent's (`filiale`).
    parent_words: Vec<String>,
    /// Adjectives of origin with their country, in lower case.
    demonyms: FxHashMap<String, String>,
    /// Names several entries may mean (tickers, namesakes, acronyms opening a canonical
    /// name) with the entries that carry them; see [`origins::by_shared_name`].
    shared_names: FxHashMap<String, Vec<usize>>,
    /// Gazetteer forms of several words, in lower case, with their entry: a cue's noun and
    /// the name after it may be one (`le groupe Rocher` is `Groupe Rocher`).
    long_forms: FxHashMap<String, usize>,
    /// Contractions of articles (`au`, `du`): a gazetteer name that opens with an article
    /// is found written with them too (`au Figaro`), the contraction left out of its span.
    contractions: FxHashSet<String>,
}

impl CompanyEngine {
    /// Finds the companies in `text`.
    pub fn extract(&self, text: &str) -> Vec<Mention> {
        self.extract_in(text, None)
    }

    /// Finds the companies in `text`, an article from `country` when known: a name two
    /// companies share is the one from there (`Metro` in Québec news is Metro inc.).
    pub fn extract_in(&self, text: &str, country: Option<Country>) -> Vec<Mention> {
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
                    if self.known_heads.contains(&text[hit.start..hit.end]) {
                        if let Some(f) = self.name_after_known_head(text, hit, hits.get(i + 1)) {
                            found.push(f);
                            continue;
                        }
                    }
                    let found_here = Found {
                        start: hit.start + self.contraction_len(text, *hit),
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
                    // The hit or its whole word: a cue may be the tail of a compound, a
                    // firm noun itself (`Transportfirma`) or one only with its head
                    // (`Kledingbedrijf` for the hit `bedrijf`).
                    let word_start = text[..hit.start]
                        .trim_end_matches(names::is_word_char)
                        .len();
                    let firm = self.names_firm_only(&text[hit.start..hit.end])
                        || self.names_firm_only(&text[word_start..hit.end]);
                    if let Some(f) = self.name_after_cue(text, hit.end, hits.get(i + 1), firm) {
                        let list_end = f.end;
                        found.push(f);
                        if plural {
                            self.add_listed_names(text, &hits[i + 1..], list_end, &mut found);
                        }
                    } else if let Some(first) = plural
                        .then(|| known_right_after(text, hit, hits.get(i + 1)))
                        .flatten()
                    {
                        // A known first name is found by its own hit; the unknown names
                        // listed after it are the cue's too (`de familiebedrijven
                        // Vyncke en Vanhulle`).
                        self.add_listed_names(text, &hits[i + 2..], first.end, &mut found);
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
                Kind::NotCompany => {}
            }
        }
        // One sense per discourse: once the text shows that `Shell` is the company, its
        // other mentions are too (`Shell is het eerste oliebedrijf dat ...`).
        pending.retain(|p| p.entry.is_some_and(|e| vouched.contains(&e)));
        found.append(&mut pending);
        let aliases = self.add_bracketed_aliases(text, &mut found);
        self.add_dateline_agencies(text, &mut found);
        self.add_deal_parties(text, &mut found);
        self.add_listed_origin_names(text, &mut found);
        self.add_names_listed_after_companies(text, &hits, &mut found);
        self.drop_person_names(text, &mut found);
        self.repeat_learned_names(text, &mut found);
        self.name_local_units(text, &mut found);
        self.resolve_by_origin(text, country.as_ref().map(Country::as_str), &mut found);
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

    /// The word right before `start` with one space between, if any.
    fn word_before<'t>(&self, text: &'t str, start: usize) -> Option<&'t str> {
        let end = start
            .checked_sub(1)
            .filter(|_| text[..start].ends_with(' '))?;
        names::word_start_before(text, end, 0).map(|s| &text[s..end])
    }

    /// Whether a token ends a name run: a function word or an excluded name.
    fn stops_name(&self, token: &str) -> bool {
        self.function_words.contains(token) || self.not_companies.contains(&token.to_lowercase())
    }

    /// Whether an unknown candidate may be a company name.
    fn plausible(&self, name: &str) -> bool {
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        letters >= 2
            && !self.function_words.contains(name)
            && !self.not_companies.contains(&name.to_lowercase())
    }

    /// Whether `article` and `adjective` name an origin before a company (`het Duitse`).
    fn origin_phrase(&self, article: &str, adjective: &str) -> bool {
        self.origin_articles.contains(article) && self.origin_adjectives.contains(adjective)
    }

    /// Whether the cue noun `cue` names only firms (`Firma`, `bakkerij`), in any case.
    fn names_firm_only(&self, cue: &str) -> bool {
        !self.firm_nouns.is_empty() && self.firm_nouns.contains(&cue.to_lowercase())
    }

    /// `text[start..end]` as a company the gazetteer does not know, if it may be one: a
    /// plausible name that is not a person's.
    fn unknown_company(&self, text: &str, start: usize, end: usize) -> Option<Found> {
        let name = &text[start..end];
        (self.plausible(name) && !self.person_name(name)).then_some(Found {
            start,
            end,
            entry: None,
            name_end: end,
        })
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

/// The gazetteer hit right after the cue `cue`, one space between them.
fn known_right_after<'h>(text: &str, cue: &Hit, next: Option<&'h Hit>) -> Option<&'h Hit> {
    next.filter(|n| matches!(n.kind, Kind::Company(..)) && text.get(cue.end..n.start) == Some(" "))
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

/// The largest char boundary not after `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests;
