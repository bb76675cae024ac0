//! The linker: sentences with amounts, split into clauses, each amount tied to a metric cue,
//! a company and a period.

use std::collections::HashSet;
use std::ops::Range;

use super::lexicon::StatementEngine;
use super::text::{sentence_around, tokens, Token};
use super::{Equivalent, Evidence, Metric, Statement};
use crate::article::PubDate;
use crate::extract::dates::Granularity;
use crate::extract::money::Money;
use crate::extract::{FactValue, Mention};

/// Words allowed between a metric cue and the amount after it (`omzet van ruim 2 miljard`).
const MAX_WORDS_CUE_TO_AMOUNT: usize = 5;
/// Words allowed between an amount and the cue after it (`11,6 miljard dollar aan omzet`).
const MAX_WORDS_AMOUNT_TO_CUE: usize = 2;
/// Words allowed between the company and the amount of an elliptical clause
/// (`, Microsoft Azure wel 5,9 miljard`).
const MAX_WORDS_ELLIPSIS: usize = 3;

/// A metric cue found in a sentence.
#[derive(Debug, Clone, Copy)]
struct Cue {
    metric: Metric,
    start: usize,
    end: usize,
}

/// A statement before its offsets are converted to code points.
#[derive(Debug)]
struct Draft {
    metric: Metric,
    company: usize,
    company_name: String,
    money: usize,
    counterparty: Option<usize>,
    date: Option<usize>,
    equivalents: Vec<usize>,
    span: Range<usize>,
    /// The amount is a range after a verb of change: the figure is its upper end.
    changed: bool,
}

/// One sentence with an amount, and the mentions and cues inside it.
struct Sentence<'a> {
    text: &'a str,
    mentions: &'a [Mention],
    tokens: Vec<Token>,
    money: Vec<usize>,
    companies: Vec<usize>,
    dates: Vec<usize>,
    cues: Vec<Cue>,
    /// Relative clauses (`, dat chipmachines levert aan TSMC,`): their subject is the
    /// company before them.
    relatives: Vec<Range<usize>>,
}

impl StatementEngine {
    /// Links the `mentions` of `text` (sorted by position, byte offsets) into statements.
    /// `facts` indices in the result index `mentions`.
    pub fn link(
        &self,
        text: &str,
        mentions: &[Mention],
        published: Option<PubDate>,
    ) -> Vec<Statement> {
        let protected = |i: usize| {
            let after = mentions.partition_point(|m| m.start < i);
            mentions[after.saturating_sub(4)..after]
                .iter()
                .any(|m| i < m.end)
        };
        let mut drafts = Vec::new();
        let mut covered_until = 0;
        for m in mentions {
            if !matches!(m.value, FactValue::Money(_)) || m.start < covered_until {
                continue;
            }
            let range = sentence_around(text, m.start, &protected, &self.abbreviations);
            covered_until = range.end.max(m.end);
            self.link_sentence(text, range, mentions, &mut drafts);
        }
        let names: Vec<&str> = mentions.iter().filter_map(company_name).collect();
        for d in &mut drafts {
            if let Some(unit) = self.unit_name(text, mentions, d.company, &names) {
                d.company_name = unit;
            }
        }
        finish(text, mentions, drafts, published)
    }

    fn link_sentence(
        &self,
        text: &str,
        range: Range<usize>,
        mentions: &[Mention],
        drafts: &mut Vec<Draft>,
    ) {
        let first = mentions.partition_point(|m| m.start < range.start);
        let mut s = Sentence {
            text,
            mentions,
            tokens: tokens(text, range.clone()),
            money: Vec::new(),
            companies: Vec::new(),
            dates: Vec::new(),
            cues: Vec::new(),
            relatives: Vec::new(),
        };
        for (i, m) in mentions.iter().enumerate().skip(first) {
            if m.start >= range.end {
                break;
            }
            match m.value {
                FactValue::Money(_) => s.money.push(i),
                FactValue::Company(_) => s.companies.push(i),
                FactValue::Date(_) => s.dates.push(i),
            }
        }
        let sentence_text = &text[range.clone()];
        let boundaries = super::cues::word_boundaries(sentence_text);
        // By start, and at one start in the lexicon's order of the metrics.
        self.cues
            .find_all(sentence_text, &boundaries, |metric, hit_start, hit_end| {
                let (start, end) = (range.start + hit_start, range.start + hit_end);
                if !s.money.iter().any(|&m| s.mentions[m].start == start) {
                    s.cues.push(Cue { metric, start, end });
                }
            });
        let mut previous: Option<Metric> = None;
        let (clauses, relatives) = self.clauses(&s, range);
        s.relatives = relatives;
        for clause in clauses {
            let made = self.link_clause(&s, clause, previous);
            previous = match made.as_slice() {
                [] => None,
                [first, ..] => Some(first.metric),
            };
            drafts.extend(made);
        }
    }

    /// Splits a sentence into clauses. A `,` or conjunction opens a new clause only when the
    /// clause so far has an amount or a cue and the next part names a company (a new subject);
    /// `;` and `:` always do; a part opened by a relative pronoun stays with its noun.
    fn clauses(&self, s: &Sentence, range: Range<usize>) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
        let mut bounds: Vec<(usize, bool)> = Vec::new();
        for t in &s.tokens {
            if s.inside_mention(t.start) {
                continue;
            }
            if t.is(';') || t.is(':') {
                bounds.push((t.start, true));
            } else if t.is(',') || self.conjunctions.contains(&t.lower) {
                bounds.push((t.start, false));
            }
        }
        let mut clauses = Vec::new();
        let mut relatives = Vec::new();
        let mut current = range.start..range.start;
        let mut complete = false;
        let chunk_ends = bounds.iter().map(|b| b.0).chain([range.end]);
        let chunks = std::iter::once((range.start, true))
            .chain(bounds.iter().copied())
            .zip(chunk_ends);
        for ((start, hard), end) in chunks {
            let chunk = start..end;
            let relative = self.is_relative(s, &chunk);
            if relative {
                relatives.push(chunk.clone());
            }
            let opens = hard || (complete && !relative && s.has_subject(self, &chunk));
            if opens && !current.is_empty() {
                clauses.push(current.clone());
                current = chunk.start..chunk.start;
                complete = false;
            }
            current.end = chunk.end;
            complete |= s
                .money
                .iter()
                .any(|&m| chunk.contains(&s.mentions[m].start))
                || s.cues.iter().any(|c| chunk.contains(&c.start));
        }
        clauses.push(current);
        (clauses, relatives)
    }

    fn is_relative(&self, s: &Sentence, chunk: &Range<usize>) -> bool {
        s.tokens
            .iter()
            .filter(|t| chunk.contains(&t.start) && t.is_word())
            .nth(usize::from(
                s.tokens
                    .iter()
                    .find(|t| chunk.contains(&t.start))
                    .is_some_and(|t| self.conjunctions.contains(&t.lower)),
            ))
            .is_some_and(|t| self.relatives.contains(&t.lower))
    }

    fn link_clause(
        &self,
        s: &Sentence,
        clause: Range<usize>,
        previous: Option<Metric>,
    ) -> Vec<Draft> {
        let companies: Vec<usize> = s
            .companies
            .iter()
            .copied()
            .filter(|&c| clause.contains(&s.mentions[c].start) && !self.is_source(s, c))
            .collect();
        let money: Vec<usize> = s
            .money
            .iter()
            .copied()
            .filter(|&m| clause.contains(&s.mentions[m].start) && self.is_figure(s, m))
            .collect();
        let cues: Vec<Cue> = s
            .cues
            .iter()
            .copied()
            .filter(|c| clause.contains(&c.start))
            .collect();
        if cues.is_empty() {
            return self
                .ellipsis(s, &companies, &money, previous)
                .into_iter()
                .collect();
        }
        let mut drafts = Vec::new();
        for &m in &money {
            let Some(cue) = bind(s, m, &cues, &money) else {
                continue;
            };
            let (company, counterparty) = if cue.metric == Metric::Acquisition {
                match self.acquisition_parties(s, cue, &companies) {
                    Some(parties) => parties,
                    None => continue,
                }
            } else {
                match self.subject(s, cue, &companies) {
                    Some(c) => (c, None),
                    None => continue,
                }
            };
            drafts.push(self.draft(s, &clause, cue.metric, company, m, counterparty, &cue));
        }
        drafts
    }

    #[allow(clippy::too_many_arguments)]
    fn draft(
        &self,
        s: &Sentence,
        clause: &Range<usize>,
        metric: Metric,
        company: usize,
        money: usize,
        counterparty: Option<usize>,
        cue: &Cue,
    ) -> Draft {
        let mut span = cue.start..cue.end;
        for i in [Some(company), Some(money), counterparty]
            .into_iter()
            .flatten()
        {
            span.start = span.start.min(s.mentions[i].start);
            span.end = span.end.max(s.mentions[i].end);
        }
        Draft {
            metric,
            company,
            company_name: company_name(&s.mentions[company])
                .unwrap_or_default()
                .to_string(),
            money,
            counterparty,
            date: self.period(s, clause, money),
            equivalents: s.equivalents_of(money),
            span,
            changed: self.after_change_verb(s, money),
        }
    }

    /// A clause with a company and an amount but no cue continues the enumeration of the
    /// clause before: `Google Cloud brengt 5,9 miljard in het laatje, Microsoft Azure 5,9 miljard`.
    fn ellipsis(
        &self,
        s: &Sentence,
        companies: &[usize],
        money: &[usize],
        previous: Option<Metric>,
    ) -> Option<Draft> {
        let metric = previous?;
        let (&[company], &[amount]) = (companies, money) else {
            return None;
        };
        let (c, m) = (&s.mentions[company], &s.mentions[amount]);
        if c.end > m.start || s.words_between(c.end, m.start) > MAX_WORDS_ELLIPSIS {
            return None;
        }
        let cue = Cue {
            metric,
            start: c.start,
            end: m.end,
        };
        let clause = c.start..m.end;
        Some(self.draft(s, &clause, metric, company, amount, None, &cue))
    }

    /// The company a metric cue is about: the owner after a metric noun (`omzet van
    /// Philips`), else the subject before the cue, else the first company after it.
    /// Coordinated subjects (`Philips en ASML boekten`) are ambiguous: no company.
    fn subject(&self, s: &Sentence, cue: Cue, companies: &[usize]) -> Option<usize> {
        if let Some(owner) = self.owner_after(s, cue.end, companies) {
            return Some(owner);
        }
        if let Some(relative) = s.relatives.iter().find(|r| r.contains(&cue.start)) {
            return s.antecedent(relative, companies);
        }
        let companies = s.outside_relatives(companies);
        let companies = companies.as_slice();
        let before: Vec<usize> = companies
            .iter()
            .copied()
            .filter(|&c| s.mentions[c].end <= cue.start)
            .collect();
        let candidates = if before.is_empty() {
            companies
                .iter()
                .copied()
                .filter(|&c| s.mentions[c].start >= cue.start)
                .collect()
        } else {
            before
        };
        let chosen = candidates
            .iter()
            .copied()
            .find(|&c| !self.after_preposition(s, c))
            .or_else(|| candidates.first().copied())?;
        (!self.coordinated(s, chosen, companies)).then_some(chosen)
    }

    /// Acquirer and target: the agent of a passive (`door Google`, `par Google`) is the
    /// acquirer; the owner after the noun (`overname van Fitbit`) is the target; otherwise
    /// the first company buys the next one.
    fn acquisition_parties(
        &self,
        s: &Sentence,
        cue: Cue,
        companies: &[usize],
    ) -> Option<(usize, Option<usize>)> {
        let name = |i: usize| company_name(&s.mentions[i]);
        let companies = s.outside_relatives(companies);
        let companies = companies.as_slice();
        let agent = companies.iter().copied().find(|&c| {
            s.word_before(s.mentions[c].start)
                .is_some_and(|w| self.agent.contains(&w.lower))
        });
        let target = self.owner_after(s, cue.end, companies);
        let other = |of: usize| companies.iter().copied().find(|&c| name(c) != name(of));
        let (acquirer, target) = match (agent, target) {
            (Some(a), Some(t)) => (a, Some(t)),
            (Some(a), None) => (a, other(a)),
            (None, Some(t)) => (other(t)?, Some(t)),
            (None, None) => {
                let first = *companies.first()?;
                if self.coordinated(s, first, companies) {
                    return None;
                }
                (first, other(first))
            }
        };
        if target.is_some_and(|t| name(t) == name(acquirer)) {
            return None;
        }
        Some((acquirer, target))
    }

    /// The company right after `pos` and a genitive preposition (`van`, `de`, `d'`).
    fn owner_after(&self, s: &Sentence, pos: usize, companies: &[usize]) -> Option<usize> {
        let mut words = s.tokens.iter().filter(|t| t.start >= pos && t.is_word());
        let preposition = words.next()?;
        if !self.genitive.contains(&preposition.lower) {
            return None;
        }
        let next = words.next()?;
        companies
            .iter()
            .copied()
            .find(|&c| s.mentions[c].start == next.start)
    }

    fn after_preposition(&self, s: &Sentence, company: usize) -> bool {
        s.word_before(s.mentions[company].start)
            .is_some_and(|w| self.prepositions.contains(&w.lower) || self.agent.contains(&w.lower))
    }

    /// Whether `company` is joined to another company by `en`, `et`, `,` or `&`.
    fn coordinated(&self, s: &Sentence, company: usize, companies: &[usize]) -> bool {
        let c = &s.mentions[company];
        let joined = |a: usize, b: usize| {
            let between = s.text[a..b].trim();
            between == ","
                || between == "&"
                || between == "/"
                || self.conjunctions.contains(&between.to_lowercase())
        };
        companies.iter().any(|&o| {
            let o = &s.mentions[o];
            (o.start >= c.end && joined(c.end, o.start))
                || (o.end <= c.start && joined(o.end, c.start))
        })
    }

    /// A company named as the source of the news (`volgens Synergy Research`).
    fn is_source(&self, s: &Sentence, company: usize) -> bool {
        s.word_before(s.mentions[company].start)
            .is_some_and(|w| self.sources.contains(&w.lower))
    }

    /// Whether an amount is a figure of its own: not an equivalent in another currency,
    /// not the old value of a change (`van 4 naar 5 miljard`), not a change or comparison.
    fn is_figure(&self, s: &Sentence, money: usize) -> bool {
        let m = &s.mentions[money];
        if s.equivalent_target(money).is_some() {
            return false;
        }
        let next_money = s.money.iter().find(|&&o| s.mentions[o].start >= m.end);
        if let Some(&next) = next_money {
            let between: Vec<&Token> = s.words_in(m.end, s.mentions[next].start).collect();
            if let [word] = between.as_slice() {
                if self.change_to.contains(&word.lower) {
                    return false;
                }
            }
        }
        !self.blocked(s, m.start)
    }

    /// Whether one of the three words before an amount is a verb of change
    /// (`steeg van`, `passer de`).
    fn after_change_verb(&self, s: &Sentence, money: usize) -> bool {
        let start = s.mentions[money].start;
        s.tokens
            .iter()
            .rev()
            .filter(|t| t.end <= start && t.is_word())
            .take(3)
            .any(|t| self.change_verbs.contains(&t.lower))
    }

    /// Whether a blocker phrase ends right before `pos` (or one word earlier).
    fn blocked(&self, s: &Sentence, pos: usize) -> bool {
        let before: Vec<&str> = s
            .tokens
            .iter()
            .filter(|t| t.end <= pos && t.is_word())
            .map(|t| t.lower.as_str())
            .collect();
        self.blockers.iter().any(|blocker| {
            (0..=1).any(|skip| {
                let end = before.len().saturating_sub(skip);
                end >= blocker.len()
                    && before[end - blocker.len()..end]
                        .iter()
                        .zip(blocker)
                        .all(|(a, b)| *a == b)
            })
        })
    }

    /// The date giving the period: in the clause, else in the sentence; durations and
    /// quarters before years, years before days; `sinds 2015` is a start, not a period.
    fn period(&self, s: &Sentence, clause: &Range<usize>, money: usize) -> Option<usize> {
        let usable: Vec<usize> = s
            .dates
            .iter()
            .copied()
            .filter(|&d| {
                matches!(&s.mentions[d].value, FactValue::Date(v) if v.value.is_some())
                    && !s
                        .word_before(s.mentions[d].start)
                        .is_some_and(|w| self.since.contains(&w.lower))
            })
            .collect();
        let in_clause: Vec<usize> = usable
            .iter()
            .copied()
            .filter(|&d| clause.contains(&s.mentions[d].start))
            .collect();
        let pool = if in_clause.is_empty() {
            usable
        } else {
            in_clause
        };
        let m = &s.mentions[money];
        pool.into_iter().min_by_key(|&d| {
            let date = &s.mentions[d];
            let distance = if date.start >= m.end {
                date.start - m.end
            } else {
                m.start.saturating_sub(date.end)
            };
            (granularity_rank(&date.value), distance)
        })
    }

    /// `la filiale cloud d'Alibaba`, `de cloudtak van Alibaba`: the unit `Alibaba Cloud`,
    /// when the article names it.
    fn unit_name(
        &self,
        text: &str,
        mentions: &[Mention],
        company: usize,
        names: &[&str],
    ) -> Option<String> {
        let m = &mentions[company];
        let parent = company_name(m)?;
        let start = m.start.saturating_sub(80);
        let start = (0..=start).rev().find(|&i| text.is_char_boundary(i))?;
        let before = tokens(text, start..m.start);
        let words: Vec<&Token> = before.iter().filter(|t| t.is_word()).collect();
        let [.., w2, w1, genitive] = words.as_slice() else {
            return None;
        };
        if !self.genitive.contains(&genitive.lower) {
            return None;
        }
        let unit = if self.unit_nouns.contains(&w2.lower) {
            w1.lower.clone()
        } else {
            let suffix = self
                .unit_suffixes
                .iter()
                .find(|s| w1.lower.ends_with(s.as_str()))?;
            w1.lower[..w1.lower.len() - suffix.len()]
                .trim_end_matches('-')
                .to_string()
        };
        if unit.is_empty() {
            return None;
        }
        let wanted = format!("{parent} {unit}").to_lowercase();
        names
            .iter()
            .find(|n| n.to_lowercase() == wanted)
            .map(|n| n.to_string())
    }
}

/// The cue an amount belongs to: one containing it (`haalt 50 miljoen op`), one right before
/// it (`omzet van 2 miljard`) or right after it (`11,6 miljard dollar omzet`), with no other
/// amount between; else the only cue of a clause with only this amount.
fn bind(s: &Sentence, money: usize, cues: &[Cue], figures: &[usize]) -> Option<Cue> {
    let m = &s.mentions[money];
    let clear = |a: usize, b: usize| {
        !s.money
            .iter()
            .any(|&o| o != money && s.mentions[o].start >= a && s.mentions[o].end <= b)
    };
    let score = |c: &Cue| -> Option<usize> {
        if c.start <= m.start && m.end <= c.end {
            Some(0)
        } else if c.end <= m.start {
            let gap = s.words_between(c.end, m.start);
            (gap <= MAX_WORDS_CUE_TO_AMOUNT && clear(c.end, m.start)).then_some(2 * gap)
        } else if m.end <= c.start {
            let gap = s.words_between(m.end, c.start);
            (gap <= MAX_WORDS_AMOUNT_TO_CUE && clear(m.end, c.start)).then_some(2 * gap + 1)
        } else {
            None
        }
    };
    cues.iter()
        .filter_map(|c| score(c).map(|d| (d, *c)))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
        .or(match (cues, figures) {
            ([only], [_]) => Some(*only),
            _ => None,
        })
}

fn granularity_rank(value: &FactValue) -> u8 {
    match value {
        FactValue::Date(d) => match d.granularity {
            Granularity::Duration => 0,
            Granularity::Quarter | Granularity::Half => 1,
            Granularity::Year => 2,
            Granularity::Month => 3,
            Granularity::Week => 4,
            Granularity::Day => 5,
            #[allow(unreachable_patterns)]
            _ => 6,
        },
        _ => u8::MAX,
    }
}

fn company_name(m: &Mention) -> Option<&str> {
    match &m.value {
        FactValue::Company(c) => Some(c.name.as_str()),
        _ => None,
    }
}

fn money_of(m: &Mention) -> Option<&Money> {
    match &m.value {
        FactValue::Money(money) => Some(money),
        _ => None,
    }
}

impl Sentence<'_> {
    /// The company right before a relative clause: `ASML, dat ...`.
    fn antecedent(&self, relative: &Range<usize>, companies: &[usize]) -> Option<usize> {
        companies.iter().copied().find(|&c| {
            let end = self.mentions[c].end;
            end <= relative.start && self.text[end..relative.start].trim().is_empty()
        })
    }

    /// The companies that are not inside a relative clause.
    fn outside_relatives(&self, companies: &[usize]) -> Vec<usize> {
        companies
            .iter()
            .copied()
            .filter(|&c| {
                let start = self.mentions[c].start;
                !self.relatives.iter().any(|r| r.contains(&start))
            })
            .collect()
    }

    fn inside_mention(&self, pos: usize) -> bool {
        self.money
            .iter()
            .chain(&self.companies)
            .chain(&self.dates)
            .any(|&i| self.mentions[i].start < pos && pos < self.mentions[i].end)
    }

    /// Whether `chunk` names a new subject: a company that is not a source.
    fn has_subject(&self, engine: &StatementEngine, chunk: &Range<usize>) -> bool {
        self.companies
            .iter()
            .any(|&c| chunk.contains(&self.mentions[c].start) && !engine.is_source(self, c))
    }

    fn words_in(&self, a: usize, b: usize) -> impl Iterator<Item = &Token> {
        self.tokens
            .iter()
            .filter(move |t| t.start >= a && t.end <= b && t.is_word())
    }

    fn words_between(&self, a: usize, b: usize) -> usize {
        self.words_in(a, b).count()
    }

    /// The word right before `pos`, skipping apostrophes (`d'Alibaba` gives `d`).
    fn word_before(&self, pos: usize) -> Option<&Token> {
        self.tokens
            .iter()
            .rev()
            .find(|t| t.end <= pos && !(t.is('\'') || t.is('’')))
            .filter(|t| t.is_word())
    }

    /// The amount that `money` restates in parentheses: `2 miljard dollar (1,7 miljard euro)`.
    fn equivalent_target(&self, money: usize) -> Option<usize> {
        let m = &self.mentions[money];
        self.money.iter().copied().find(|&o| {
            let other = &self.mentions[o];
            other.end <= m.start && self.text[other.end..m.start].trim() == "("
        })
    }

    fn equivalents_of(&self, money: usize) -> Vec<usize> {
        self.money
            .iter()
            .copied()
            .filter(|&o| self.equivalent_target(o) == Some(money))
            .collect()
    }
}

/// Converts drafts to statements: code-point offsets, periods, duplicates dropped.
fn finish(
    text: &str,
    mentions: &[Mention],
    drafts: Vec<Draft>,
    published: Option<PubDate>,
) -> Vec<Statement> {
    let mut offsets: Vec<usize> = drafts
        .iter()
        .flat_map(|d| [d.span.start, d.span.end])
        .collect();
    offsets.sort_unstable();
    offsets.dedup();
    let chars = code_points(text, &offsets);
    let to_char = |b: usize| offsets.binary_search(&b).map_or(0, |i| chars[i]);
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(drafts.len());
    for d in drafts {
        let Some(money) = money_of(&mentions[d.money]) else {
            continue;
        };
        let (amount, amount_max) = match money.amount_max {
            Some(new_value) if d.changed => (new_value, None),
            _ => (money.amount, money.amount_max),
        };
        let (period, period_start, period_end, period_inferred) = match d.date {
            Some(i) => date_period(&mentions[i]),
            None => (
                published.map(|p| format!("{:04}", p.year)),
                None,
                None,
                published.is_some(),
            ),
        };
        let key = (
            d.company_name.clone(),
            d.metric,
            amount,
            money.currency.clone(),
            period.clone(),
        );
        if !seen.insert(key) {
            continue;
        }
        let mut facts: Vec<usize> = [Some(d.company), Some(d.money), d.counterparty, d.date]
            .into_iter()
            .flatten()
            .collect();
        facts.sort_unstable();
        out.push(Statement {
            company: d.company_name,
            metric: d.metric,
            amount,
            amount_max,
            currency: money.currency.clone(),
            currency_inferred: money.currency_inferred,
            period,
            period_start,
            period_end,
            period_inferred,
            qualifier: money.qualifier.clone(),
            counterparty: d
                .counterparty
                .and_then(|c| company_name(&mentions[c]))
                .map(str::to_string),
            equivalents: d
                .equivalents
                .iter()
                .filter_map(|&e| {
                    money_of(&mentions[e]).map(|eq| Equivalent {
                        amount: eq.amount,
                        currency: eq.currency.clone(),
                        fact: e,
                    })
                })
                .collect(),
            evidence: Evidence {
                start: to_char(d.span.start),
                end: to_char(d.span.end),
            },
            facts,
        });
    }
    out
}

/// The period of a date fact: its TIMEX3 value and, when the fact carries a `range`, its
/// first and last dates.
fn date_period(m: &Mention) -> (Option<String>, Option<String>, Option<String>, bool) {
    let FactValue::Date(date) = &m.value else {
        return (None, None, None, false);
    };
    let range = serde_json::to_value(date).ok();
    let bound = |key: &str| {
        range
            .as_ref()
            .and_then(|v| v.get("range"))
            .and_then(|r| r.get(key))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    (date.value.clone(), bound("start"), bound("end"), false)
}

/// The code-point offsets of sorted byte `offsets` in `text`, in one pass.
fn code_points(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(offsets.len());
    let (mut count, mut last) = (0, 0);
    for &off in offsets {
        count += text.get(last..off).map_or(0, |s| s.chars().count());
        last = off;
        out.push(count);
    }
    out
}
