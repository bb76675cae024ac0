//! Unknown names after a cue (`het bedrijf X`, `le groupe pharmaceutique X`), after a
//! plural cue's list, and after a word that opens a name (`Banque X`).

use super::{ends_with_word, names, names::name_run, CompanyEngine, Found, Hit, Kind};

impl CompanyEngine {
    /// The unknown name right after a cue ending at `cue_end`, past allowed modifiers.
    /// `None` when a gazetteer name follows (it speaks for itself) or nothing name-like does.
    /// After a noun that names only firms (`firm`), a name that reads as a person's is the
    /// firm's (`transportfirma Jan De Rijcke`).
    pub(super) fn name_after_cue(
        &self,
        text: &str,
        cue_end: usize,
        next: Option<&Hit>,
        firm: bool,
    ) -> Option<Found> {
        let mut pos = cue_end;
        if !text[..pos].ends_with(['\'', '’']) {
            pos = self.skip_modifiers(text, pos);
            pos += text[pos..].strip_prefix(' ').map(|_| 1)?;
            pos = self.skip_origin_phrase(text, pos);
        }
        let known_here = next.filter(|n| matches!(n.kind, Kind::Company(..)) && n.start == pos);
        if let Some(known) = known_here.filter(|n| !self.known_name_opens_longer(text, n)) {
            return self.cue_reads_known_name_as_other(text, pos, known);
        }
        // A known name that is also a common word may end an unknown one (`de dakpannenmaker
        // Terca Plus`); any other known name starts a mention of its own.
        let limit = next
            .filter(|_| known_here.is_none())
            .map_or(text.len(), |n| match n.kind {
                Kind::Company(_, true) => n.end,
                _ => n.start,
            });
        let article = self
            .name_articles
            .iter()
            .find(|a| text[pos..].starts_with(a.as_str()))
            .map_or(0, String::len);
        let end = self
            .cued_name_run(text, pos + article, limit)
            .or_else(|| names::camel_word(text, pos + article, limit))?;
        let end = strip_possessive(text, pos, end);
        if self.opens_vetoed_name(text, pos, end) {
            return None;
        }
        if let Some(known) = self.cue_noun_and_name(text, pos, end) {
            return Some(known);
        }
        if firm && self.plausible(&text[pos..end]) {
            return Some(Found {
                start: pos,
                end,
                entry: None,
                name_end: end,
            });
        }
        self.unknown_company(text, pos, end)
    }

    /// Where the name starts after an article and an adjective of origin at `pos` (`de
    /// overname van het Franse Staci`, `CEO van het Gentse Lumina`); `pos` when none is
    /// there. The cue already says a company follows, so the origin does not make a lone
    /// name a place (`het Duitse Keulen`), as it may without a cue.
    fn skip_origin_phrase(&self, text: &str, pos: usize) -> usize {
        let mut words = text[pos..].splitn(3, ' ');
        match (words.next(), words.next(), words.next()) {
            (Some(article), Some(adjective), Some(_)) if self.origin_phrase(article, adjective) => {
                pos + article.len() + adjective.len() + 2
            }
            _ => pos,
        }
    }

    /// The end of the capitalized name at `at` that a cue vouches for: a name particle
    /// (`Van`, `De`) may join its tokens, as family firms are named (`Van Gils Logistiek`,
    /// `Dries Van Noten`), but never ends it.
    fn cued_name_run(&self, text: &str, at: usize, limit: usize) -> Option<usize> {
        let joins = |t: &str| self.name_particles.contains(t);
        let name_at = self.name_after_number(text, at).unwrap_or(at);
        let mut end = name_run(text, name_at, limit, |t| self.stops_name(t) && !joins(t))?;
        // `het bedrijf Xylos Van ...` without a name after the particle: drop it.
        while let Some(start) = names::word_start_before(text, end, name_at) {
            if start == name_at || !joins(&text[start..end]) {
                break;
            }
            end = text[..start].trim_end_matches([' ', '&']).len();
        }
        (end > name_at && !joins(&text[name_at..end])).then_some(end)
    }

    /// Where the words of a name that opens with a number start (`het textielbedrijf 4
    /// Kids Textiles`, `le groupe 3 Suisses`): after a number of at most three digits and a
    /// space, before a capitalized word that is no adjective of origin (`de keten 12
    /// Vlaamse winkels` counts shops) nor a function word.
    fn name_after_number(&self, text: &str, at: usize) -> Option<usize> {
        let digits = text[at..].bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        let word_at = at + digits + text[at + digits..].strip_prefix(' ').map(|_| 1)?;
        let word_end = names::name_token(text, word_at)?;
        let word = &text[word_at..word_end];
        let counted = word.starts_with(|c: char| c.is_ascii_digit())
            || self.origin_adjectives.contains(word)
            || self.stops_name(word);
        (!counted).then_some(word_at)
    }

    /// Whether the name `pos..end` is only the head of a longer name that is never a
    /// company, cut where a stop word begins: `le groupe Radio France` is not `Radio`.
    fn opens_vetoed_name(&self, text: &str, pos: usize, end: usize) -> bool {
        let mut at = end;
        for _ in 0..3 {
            let Some(next) = text[at..].strip_prefix(' ').map(|_| at + 1) else {
                return false;
            };
            let Some(next_end) = names::name_token(text, next) else {
                return false;
            };
            if self
                .not_companies
                .contains(&text[pos..next_end].to_lowercase())
            {
                return true;
            }
            at = next_end;
        }
        false
    }

    /// Another gazetteer company that the cue's last word and the known name after it form
    /// together: the cue tells which company a shared short name means (`de
    /// terminaluitbater PSA` is the port group, where `PSA` alone is the car maker). `None`
    /// when they form no long form, or the known name's own (it speaks for itself).
    fn cue_reads_known_name_as_other(&self, text: &str, pos: usize, known: &Hit) -> Option<Found> {
        let Kind::Company(entry, _) = known.kind else {
            return None;
        };
        self.cue_noun_and_name(text, pos, known.end)
            .filter(|f| f.entry != Some(entry))
    }

    /// The gazetteer company that the cue's last word, or its noun and the adjective after
    /// it, form together with the name after them, as French writes a group's name in
    /// running text (`le groupe Rocher` for `Groupe Rocher`, `l'opérateur portuaire PSA`
    /// for the port group, whose alias it is, where `PSA` alone is the car maker).
    fn cue_noun_and_name(&self, text: &str, pos: usize, end: usize) -> Option<Found> {
        let before = text[..pos].strip_suffix(' ')?;
        let last = names::word_start_before(text, before.len(), 0)?;
        let noun = text[..last]
            .strip_suffix(' ')
            .and_then(|b| names::word_start_before(text, b.len(), 0));
        [Some(last), noun]
            .into_iter()
            .flatten()
            .find_map(|mut start| {
                // An elided article is no part of the long form (`l'assureur Zurich`).
                if let Some(apostrophe) = text[start..before.len()].rfind(['\'', '’']) {
                    start += apostrophe + text[start + apostrophe..].chars().next()?.len_utf8();
                }
                let entry = *self.long_forms.get(&text[start..end].to_lowercase())?;
                Some(Found {
                    start,
                    end,
                    entry: Some(entry),
                    name_end: end,
                })
            })
    }

    /// Whether the plural cue at `start` follows a word that makes it a class
    /// (`d'entreprises Seveso`), not the head of a list of companies.
    pub(super) fn names_a_class(&self, text: &str, start: usize) -> bool {
        ends_with_word(&text[..start], &self.plural_cue_not_after)
    }

    /// Adds the unknown names listed after a plural cue's first name, which ends at `end`:
    /// `de bedrijven Xylos, Brandoria en Vallamont`. A gazetteer name in the list is found
    /// by its own hit; a person's name ends the list.
    pub(super) fn add_listed_names(
        &self,
        text: &str,
        later: &[Hit],
        mut end: usize,
        found: &mut Vec<Found>,
    ) {
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
            let Some(name_end) = self.cued_name_run(text, start, limit) else {
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

    /// Adds the unknown names listed after two known companies joined by a comma (`Puratos,
    /// Vandemoortele en La Lorraine Bakery Group`): two make it a list of companies, while
    /// after one the next name is as often a person or an apposition (`Huawei, Meng
    /// Wanzhou`). `hits` are the text's scanner hits in order.
    pub(super) fn add_names_listed_after_companies(
        &self,
        text: &str,
        hits: &[Hit],
        found: &mut Vec<Found>,
    ) {
        let mut known: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| f.entry.is_some())
            .map(|f| (f.start, f.end))
            .collect();
        known.sort_unstable();
        let mut listed = Vec::new();
        for pair in known.windows(2) {
            let ((_, first_end), (second_start, second_end)) = (pair[0], pair[1]);
            if text.get(first_end..second_start) != Some(", ") {
                continue;
            }
            let later = hits.partition_point(|h| h.start < second_end);
            self.add_listed_names(text, &hits[later..], second_end, &mut listed);
        }
        listed.retain(|l| !found.iter().any(|f| f.start < l.end && l.start < f.end));
        found.append(&mut listed);
    }

    /// Whether the gazetteer match `hit` right after a cue opens a longer name, which is
    /// the company: `het bedrijf Mars One Ventures`, not `Mars`; `la PME Trigano Marine`,
    /// not `Trigano`. A capitalized follower (`Orange France`, `Apple CEO`) or a first
    /// name (`Apple Tim Cook`) does not lengthen it.
    fn known_name_opens_longer(&self, text: &str, hit: &Hit) -> bool {
        if !matches!(hit.kind, Kind::Company(..)) {
            return false;
        }
        let Some(next_start) = text[hit.end..].strip_prefix(' ').map(|_| hit.end + 1) else {
            return false;
        };
        names::name_token(text, next_start).is_some_and(|end| {
            let word = &text[next_start..end];
            !(self.stops_name(word)
                || self.name_ends.contains(word)
                || self.name_followers.contains(word)
                || self.first_names.contains(word))
        })
    }

    /// The name opened by a head word: `Banque Parisienne`, `Forges de Firminy`,
    /// `Crédit foncier`. The span starts at the head; a particle may stand between the
    /// head and the capitalized name, which may then be a place (`Banque de Paris`). A
    /// head listed with its article (`les Transports`: `le ministre des Transports Élisabeth
    /// Borne` is no company) opens the name after the article (`Transports Chabas`).
    pub(super) fn name_after_head(
        &self,
        text: &str,
        head: &Hit,
        next: Option<&Hit>,
    ) -> Option<Found> {
        let head = &Hit {
            start: head.start + self.leading_article_len(&text[head.start..head.end]),
            ..*head
        };
        let rest = text[head.end..].strip_prefix(' ')?;
        let found = |end: usize| {
            self.plausible(&text[head.start..end]).then_some(Found {
                start: head.start,
                end,
                entry: None,
                name_end: end,
            })
        };
        if let Some(adjective) = self.head_adjective(rest) {
            return found(head.end + 1 + adjective.len());
        }
        let particle = particle_len(&self.particles, rest);
        let pos = head.end + 1 + particle.unwrap_or(0);
        let limit = next.map_or(text.len(), |n| n.start);
        let end = if particle.is_some() {
            name_run(text, pos, limit, |t| self.function_words.contains(t))?
        } else {
            name_run(text, pos, limit, |t| self.stops_name(t))?
        };
        found(end)
    }

    /// The longer name a known company that is also a name head opens (`La Coop Avantis`),
    /// unless the word after it only places or qualifies the company (`Coop Suisse`).
    pub(super) fn name_after_known_head(
        &self,
        text: &str,
        head: &Hit,
        next: Option<&Hit>,
    ) -> Option<Found> {
        let rest = text[head.end..].strip_prefix(' ')?;
        let follower = self.name_followers.iter().any(|w| {
            rest.strip_prefix(w.as_str())
                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
        });
        if follower {
            return None;
        }
        self.name_after_head(text, head, next)
    }

    /// The length of the article and its space that a head listed with one opens with
    /// (`Les ` in `Les Transports`), else 0.
    fn leading_article_len(&self, head: &str) -> usize {
        head.split_once(' ')
            .filter(|(word, _)| {
                let mut chars = word.chars();
                let capitalized: Option<String> = chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect());
                capitalized.is_some_and(|w| self.function_words.contains(&w))
            })
            .map_or(0, |(word, _)| word.len() + 1)
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
    pub(super) fn skip_modifiers(&self, text: &str, mut pos: usize) -> usize {
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
    pub(super) fn complement(&self, rest: &str) -> Option<usize> {
        let particle = particle_len(&self.complement_particles, rest)?;
        let word = &rest[particle..];
        let len = word
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(word.len());
        let usable =
            word.starts_with(char::is_lowercase) && !self.complement_stops.contains(&word[..len]);
        usable.then_some(particle + len)
    }
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
