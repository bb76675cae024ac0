//! Whether a gazetteer match names the company: ambiguous (common-word) names need a
//! company context; products, person names and parts of longer names are rejected.

use super::{
    floor_boundary, names,
    names::{char_before, sentence_initial},
    CompanyEngine, Hit, Kind, Verdict,
};

/// How far around an ambiguous name context words are looked for, in bytes (never past
/// the sentence).
const CONTEXT_WINDOW: usize = 80;

/// How far a cue may be from an ambiguous name it vouches for, in bytes.
const CUE_REACH: usize = 40;

impl CompanyEngine {
    /// Whether a gazetteer match counts: ambiguous names need a company context, family
    /// names must not follow a capitalized first name, indices and models are no company.
    pub(super) fn accept_known(
        &self,
        text: &str,
        hits: &[Hit],
        i: usize,
        entry: usize,
        common: bool,
    ) -> Verdict {
        let e = &self.entries[entry];
        let hit = hits[i];
        // A name the tables rule out is still the company after an adjective of its own
        // origin: `l'espagnol CAF` is the train maker, `la CAF` the family benefits fund.
        if self.vetoed_forms.contains(&text[hit.start..hit.end])
            && (e.country.is_none() || self.origin_before(text, hit.start) != e.country.as_deref())
        {
            return Verdict::Rejected;
        }
        if self.contraction_len(text, hit) > 0 && self.contracted_in_longer_name(text, hit) {
            return Verdict::Rejected;
        }
        // A vetoed hyphenated whole (`CFE-CGC`); most hits have no hyphen after them.
        if text[hit.end..].starts_with('-') {
            let compound = hyphenated_word(text, hit.start);
            if compound.len() > hit.end - hit.start && self.vetoed(compound) {
                return Verdict::Rejected;
            }
        }
        // The tail of a vetoed hyphenated whole (`AP-HP`, the Paris hospitals, not `HP`).
        if text[..hit.start].ends_with('-') {
            let compound = hyphenated_word(text, hyphenated_start(text, hit.start));
            if compound.len() > hit.end - hit.start && self.vetoed(compound) {
                return Verdict::Rejected;
            }
        }
        // The last word of a vetoed name of two words (`AZ Delta`, a hospital, not Delta).
        let vetoed_pair = self.word_before(text, hit.start).is_some_and(|w| {
            w.starts_with(char::is_uppercase)
                && self.vetoed(&text[hit.start - 1 - w.len()..hit.end])
        });
        if vetoed_pair {
            return Verdict::Rejected;
        }
        // `Brouwerij Heineken`, `Autobouwer Ford`: a capitalized kind of company, not a
        // first name.
        let kind_before = i > 0
            && matches!(hits[i - 1].kind, Kind::Head | Kind::Cue | Kind::CueNoun)
            && hits[i - 1].end + 1 == hit.start;
        if (e.market || e.place || self.before_figure(text, hit))
            && self.after_market_article(text, hit)
        {
            return Verdict::Rejected;
        }
        // A family name after a first name is a person's (`Harrison Ford`); so is a common
        // word after a word that reads as a first name (`Liam Fox`), or it is part of a
        // longer name (`Mad Fox`, `Big Apple`).
        let name_before = !kind_before
            && if e.surname {
                self.after_capitalized_word(text, hit.start)
            } else {
                common
                    && self.after_first_name(text, hit.start)
                    && self.after_capitalized_word(text, hit.start)
            };
        if name_before || (e.surname && self.after_product_article(text, hit)) {
            return Verdict::Rejected;
        }
        if names::char_at(text, hit.end).is_some_and(names::is_word_char)
            && !self.genitive_plausible(text, hit, e.surname)
        {
            return Verdict::Rejected;
        }
        if common
            && (joined_to_other_name(text, hits, i)
                || self.after_noun_article(text, hit)
                || self.opening_place(text, hit)
                || self.before_family_name(text, hit))
        {
            return Verdict::Rejected;
        }
        if self.product_use(text, hits, i) || self.part_of_person_name(text, hits, i) {
            return Verdict::Rejected;
        }
        if !common && !e.brand {
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
            || self.cue_in_predicate(text, hits, i)
            || (!e.brand && self.coordinated_with_company(text, hits, i));
        if vouched {
            Verdict::Vouched
        } else if e.brand {
            // A brand sold by a company named nearby is its product (`Corona in Mexico`).
            Verdict::Rejected
        } else if self.before_figure(text, hit) || self.sign_before_number(text, hit) {
            Verdict::Rejected
        } else if self.before_company_verb(text, hit)
            || self.before_service(text, hit)
            || before_share_move(text, hit)
            || self.company_context(text, hits, i, sentence_initial(text, hit.start))
        {
            Verdict::Accepted
        } else {
            Verdict::NeedsContext
        }
    }

    /// Whether a whole number that is no amount follows `hit`: after an article the name is
    /// then an index or a model (`de Bel 20`, `le Stoxx 600`, `la Peugeot 208`), and so is
    /// a common-word name no cue vouches for (`Natura 2000`). A share's move is an amount
    /// (`Shell 1,2 procent hoger`, `Airbus 2 %`); without an article a number may be what
    /// the company counts (`heeft NS 79 treinen besteld`).
    fn before_figure(&self, text: &str, hit: Hit) -> bool {
        let Some(rest) = text[hit.end..].strip_prefix(' ') else {
            return false;
        };
        let end = names::word_end(rest, 0);
        let (word, after) = rest.split_at(end);
        if word.is_empty() || !word.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let decimal =
            after.starts_with([',', '.']) && after[1..].starts_with(|c: char| c.is_ascii_digit());
        let after = after.trim_start_matches([' ', '\u{a0}']);
        let unit = after.starts_with('%')
            || self
                .number_units
                .iter()
                .any(|u| after.starts_with(u.as_str()));
        !(decimal || unit)
    }

    /// Whether a verb of what companies do follows `hit`, alone or after an auxiliary
    /// (`Orange verhoogt zijn tarieven`, `Free lance une offre`, `Casino a vendu`): the name
    /// is its subject, a company.
    fn before_company_verb(&self, text: &str, hit: Hit) -> bool {
        let Some(rest) = text[hit.end..].strip_prefix(' ') else {
            return false;
        };
        let (word, after) = rest.split_at(names::word_end(rest, 0));
        let verb = match after.strip_prefix(' ') {
            Some(next) if self.auxiliaries.contains(word) => &next[..names::word_end(next, 0)],
            _ => word,
        };
        self.company_verbs.contains(verb)
    }

    /// Whether an elided article that makes a common word a noun stands right before
    /// `hit`, and starts a word there (`de l'Action`, not `d'Action`).
    fn after_noun_article(&self, text: &str, hit: Hit) -> bool {
        let before = &text[..hit.start];
        self.noun_articles.iter().any(|a| {
            before
                .strip_suffix(a.as_str())
                .is_some_and(|rest| !rest.chars().next_back().is_some_and(names::is_word_char))
        })
    }

    /// Whether `hit` stands between a preposition of place that opens the sentence and a
    /// comma (`À Orange, ...`): the name is the place.
    fn opening_place(&self, text: &str, hit: Hit) -> bool {
        text[hit.end..].starts_with(',')
            && self.word_before(text, hit.start).is_some_and(|word| {
                self.place_prepositions.contains(word)
                    && names::sentence_initial(text, hit.start - 1 - word.len())
            })
    }

    /// Whether an article that makes a family name its product is the word right before
    /// `hit` (`le Ricard`, `du Ricard`).
    fn after_product_article(&self, text: &str, hit: Hit) -> bool {
        self.word_before(text, hit.start)
            .is_some_and(|w| self.product_articles.contains(&w.to_lowercase()))
    }

    /// Whether a service sold under the name follows `hit` (`Apple Music`): the name is
    /// the company's. A country does not show it (`Metro UK` is a newspaper).
    fn before_service(&self, text: &str, hit: Hit) -> bool {
        text[hit.end..]
            .strip_prefix(' ')
            .and_then(|rest| names::name_token(rest, 0).map(|end| &rest[..end]))
            .is_some_and(|word| self.services.contains(word))
    }

    /// Whether a number, in digits or words, follows a common-word name at a sentence
    /// start: the word is then the figure's sign (`Plus zeven procent`, `Plus 4 procent`),
    /// not the company.
    fn sign_before_number(&self, text: &str, hit: Hit) -> bool {
        sentence_initial(text, hit.start)
            && text[hit.end..].strip_prefix(' ').is_some_and(|rest| {
                let word = &rest[..names::word_end(rest, 0)];
                word.starts_with(|c: char| c.is_ascii_digit()) || self.number_words.contains(word)
            })
    }

    /// The length of the contraction and its space that open the gazetteer hit (`du ` in
    /// `du Figaro`), else 0; no gazetteer name opens with a lower-case contraction.
    pub(super) fn contraction_len(&self, text: &str, hit: Hit) -> usize {
        text[hit.start..hit.end]
            .split_once(' ')
            .filter(|(word, _)| self.contractions.contains(*word))
            .map_or(0, |(word, _)| word.len() + 1)
    }

    /// Whether a name written with a contraction is part of a longer name, after a
    /// capitalized word inside the sentence (`la Coupe du Monde`) or before a hyphen
    /// (`au Point-Virgule`), not the newspaper.
    fn contracted_in_longer_name(&self, text: &str, hit: Hit) -> bool {
        text[hit.end..].starts_with('-')
            || self.word_before(text, hit.start).is_some_and(|word| {
                word.starts_with(char::is_uppercase)
                    && !names::sentence_initial(text, hit.start - 1 - word.len())
            })
    }

    /// Whether an article stands before `hit`, which makes a market name the market or
    /// index (`de Nasdaq`, `le Dow Jones`) and a name before a number an index or a model;
    /// lower-case modifiers may stand between (`la nouvelle Peugeot 208`).
    fn after_market_article(&self, text: &str, hit: Hit) -> bool {
        let Some(word) = self.word_before(text, hit.start) else {
            return false;
        };
        if self.market_articles.contains(word) {
            return true;
        }
        let word_start = hit.start - 1 - word.len();
        word.starts_with(char::is_lowercase)
            && self.word_before(text, word_start).is_some_and(|article| {
                self.market_articles.contains(article)
                    && self.skip_modifiers(text, word_start - 1) + 1 == hit.start
            })
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

    /// Whether a copula right after hit `i` makes it a kind of company: `Action is de snelst
    /// groeiende winkelketen`, `Orange est un opérateur`.
    fn cue_in_predicate(&self, text: &str, hits: &[Hit], i: usize) -> bool {
        let end = hits[i].end;
        let Some(rest) = text[end..].strip_prefix(' ') else {
            return false;
        };
        let verb_end = names::word_end(rest, 0);
        if !self.copulas.contains(&rest[..verb_end]) {
            return false;
        }
        hits.get(i + 1).is_some_and(|n| {
            matches!(n.kind, Kind::Cue | Kind::CueNoun)
                && n.start - end <= CUE_REACH
                && !text[end..n.start].contains(['.', ',', ';', '!', '?', '(', ')'])
        })
    }

    /// Whether common-word hit `i` is coordinated with another company right before or
    /// after it: `Jumbo en Albert Heijn`, `Free et Orange`, `Lidl, Aldi`, `Michelin et
    /// Continental` (two capitalized common words joined are names, and both companies).
    /// A list of names is company context even at a sentence start, unlike a company
    /// elsewhere in the sentence (`Total: Shell 3, BP 2`).
    fn coordinated_with_company(&self, text: &str, hits: &[Hit], i: usize) -> bool {
        let hit = hits[i];
        // `Mammoet en Sarens`, and `Mammoet en het Belgische Sarens` too.
        let joins = |gap: &str| {
            self.list_joins.iter().any(|j| {
                gap.strip_prefix(j.as_str()).is_some_and(|rest| {
                    rest.is_empty()
                        || rest
                            .strip_suffix(' ')
                            .and_then(|r| r.split_once(' '))
                            .is_some_and(|(article, adjective)| {
                                self.origin_phrase(article, adjective)
                            })
                })
            })
        };
        let before = i > 0
            && matches!(hits[i - 1].kind, Kind::Company(..))
            && joins(&text[hits[i - 1].end..hit.start]);
        let after = hits
            .get(i + 1)
            .is_some_and(|n| matches!(n.kind, Kind::Company(..)) && joins(&text[hit.end..n.start]));
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
            // After an elision the determiner is the word's tail (`d'une Citroën grise`).
            let determiner = before.rsplit(['\'', '’']).next().unwrap_or(before);
            if amount
                || self
                    .product_determiners
                    .contains(&determiner.to_lowercase())
                || self.after_article_and_adjective(text, hit.start - 1 - before.len(), before)
            {
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

    /// Whether `adjective`, starting at `start`, is an adjective of a thing after an
    /// indefinite article, which make the brand after them a product (`een witte Mercedes`).
    fn after_article_and_adjective(&self, text: &str, start: usize, adjective: &str) -> bool {
        self.product_adjectives.contains(adjective)
            && self
                .word_before(text, start)
                .is_some_and(|a| self.product_adjective_articles.contains(&a.to_lowercase()))
    }

    /// Whether a context word or an unambiguous company is near hit `i`. At a sentence
    /// start a nearby company alone is not enough (`Total: Shell 3, BP 2`).
    fn company_context(&self, text: &str, hits: &[Hit], i: usize, initial: bool) -> bool {
        let hit = hits[i];
        let (from, to) = sentence_window(text, hit.start, hit.end);
        // A name right beside this one is part of one longer name, not a second company
        // (`Jacques Smulders`, a person).
        let other_company = hits.iter().enumerate().any(|(j, h)| {
            j != i
                && h.start >= from
                && h.end <= to
                && h.start != hit.end + 1
                && h.end + 1 != hit.start
                && matches!(h.kind, Kind::Company(_, false))
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
        // A family's genitive too, unless a business word follows: `Colruyts
        // marktaandeel` is the company's, `Colruyts vader` a person's.
        let business_after = next_word.is_some_and(|w| {
            self.context
                .find_iter(w)
                .any(|m| m.end() == w.len() && w.len() - m.start() >= 4)
        });
        !((surname && !business_after)
            || coordinated_plural
            || self.after_capitalized_word(text, hit.start)
            || lower_before(hit.start).is_some_and(|w| self.genitive_not_after.contains(&w))
            || next_word.is_none_or(|w| self.genitive_stops.contains(w)))
    }

    /// Whether a family name's particle and a capitalized word follow the one-word `hit`,
    /// so it is a first name (`Renewi-topman Otto de Bont`).
    fn before_family_name(&self, text: &str, hit: Hit) -> bool {
        let Some(rest) = text[hit.end..].strip_prefix(' ') else {
            return false;
        };
        !text[hit.start..hit.end].contains(' ')
            && self.first_name_particles.iter().any(|p| {
                rest.strip_prefix(p.as_str())
                    .and_then(|r| r.strip_prefix(' '))
                    .is_some_and(|r| r.starts_with(char::is_uppercase))
            })
    }

    /// Whether the word right before `start` (one space between) is capitalized and
    /// neither a function word nor an adjective of origin: `Harrison Ford`, but not `Bij
    /// Ford` or `het Amerikaanse Ford`.
    fn after_capitalized_word(&self, text: &str, start: usize) -> bool {
        self.word_before(text, start)
            .map(run_on_tail)
            .is_some_and(|word| {
                let capitalized = word.starts_with(char::is_uppercase)
                    && !self.function_words.contains(word)
                    && !self.origin_adjectives.contains(word);
                capitalized || self.elided_first_name(word)
            })
    }

    /// Whether `word` is an elided particle and a first name (`d'Édouard`, `l'Antoine`).
    fn elided_first_name(&self, word: &str) -> bool {
        word.split_once(['\'', '’'])
            .is_some_and(|(_, name)| self.first_names.contains(name))
    }
}

/// The word after a full stop with no space after it (`donner.Yves` gives `Yves`), as a
/// run-on sentence is written; any other word as it is (`E.Leclerc`).
fn run_on_tail(word: &str) -> &str {
    match word.rsplit_once('.') {
        Some((head, tail))
            if head.ends_with(char::is_lowercase) && tail.starts_with(char::is_uppercase) =>
        {
            tail
        }
        _ => word,
    }
}

/// Whether a share's move in brackets follows `hit`, as stock-market reports quote a
/// company: `Shell (+1,2%)`, `Orange (-0,4 %)`.
fn before_share_move(text: &str, hit: Hit) -> bool {
    let Some(inner) = text[hit.end..].strip_prefix(" (") else {
        return false;
    };
    // A quote is short: no need to look far for its bracket.
    let window = &inner[..floor_boundary(inner, inner.len().min(16))];
    let Some(quote) = window.split_once(')').map(|(quote, _)| quote) else {
        return false;
    };
    quote.starts_with([
        '+', '-', '−', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
    ]) && quote.trim_end().ends_with('%')
}

/// The whole hyphenated word that starts at `start` (`CFE-CGC`), or the word alone.
fn hyphenated_word(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(names::is_word_char(c) || c == '-'))
        .unwrap_or(rest.len());
    rest[..end].trim_end_matches('-')
}

/// The start of the hyphenated word that `start` is inside of (`AP-HP` for `HP`).
fn hyphenated_start(text: &str, start: usize) -> usize {
    text[..start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| names::is_word_char(c) || c == '-')
        .last()
        .map_or(start, |(i, _)| i)
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

/// The part of the sentence around `start..end`, at most [`CONTEXT_WINDOW`] bytes each side.
fn sentence_window(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = floor_boundary(text, start.saturating_sub(CONTEXT_WINDOW));
    let to = floor_boundary(text, (end + CONTEXT_WINDOW).min(text.len()));
    // A dot inside a word (`E.Leclerc`, `Booking.com`, `1.200`) ends no sentence.
    let ends_sentence = |at: usize| match text.as_bytes()[at] {
        b'.' => !text
            .as_bytes()
            .get(at + 1)
            .is_some_and(u8::is_ascii_alphanumeric),
        b => matches!(b, b'!' | b'?' | b'\n'),
    };
    let from = (from..start)
        .rev()
        .find(|&at| ends_sentence(at))
        .map_or(from, |at| at + 1);
    let to = (end..to).find(|&at| ends_sentence(at)).unwrap_or(to);
    (from, to)
}
