//! Modified periods and parts of them: `sinds 2015`, `eind 2025`, `mi-2020`, `2018 of later`.

use super::{Base, Edge, Expr, From, Parse, Parser, YearRef};
use crate::extract::dates::lexicon::{Sense, TimexMod, Unit};

/// How many tokens before a separable verb's particle its verb may stand (`kondigde
/// maandag een nieuwe staking aan`).
const PARTICLE_WORDS: usize = 8;

impl Parser<'_> {
    /// `2018 of later`: a modifier after the period.
    pub(super) fn modifier_after(&self, j: usize, base: Base) -> Parse {
        match self.sense(j, |s| match s {
            Sense::ModifierAfter(m) => Some(m),
            _ => None,
        }) {
            Some((k, m)) => (k, Expr::Modified(m, base)),
            None => (j, Expr::Point(base)),
        }
    }

    /// `sinds 2015`, `jusqu'en 2023`, `d'ici à la fin de 2021`.
    pub(super) fn modified(&self, i: usize) -> Option<Parse> {
        let (j, m) = self.sense(i, |s| match s {
            Sense::Modifier(m) => Some(m),
            _ => None,
        })?;
        let part_follows = self.is(j, Sense::Article).is_some_and(|a| {
            self.sense(a, |s| matches!(s, Sense::Part(_)).then_some(()))
                .is_some()
        });
        // `depuis le 17 novembre`, `avant le 3 mars`, `au plus tard le vendredi 6 février`
        // (not `le vendredi` alone: any Friday).
        let dated_day = self.is(j, Sense::DayArticle).filter(|&k| {
            self.day_month(k).is_some()
                || self
                    .weekday_date(k)
                    .is_some_and(|(_, b)| !matches!(b, Base::Weekday(..)))
        });
        // `avant l'été`, `avant la Toussaint`: a season or a holiday is no span a plan is
        // made for.
        let season_follows = self
            .is(j, Sense::Article)
            .is_some_and(|a| self.season(a).is_some() || self.holiday(a).is_some());
        if m == TimexMod::Before
            && self.has(j, Sense::Article)
            && !part_follows
            && !season_follows
            && dated_day.is_none()
        {
            // `voor de komende week`: "for", not "before".
            return None;
        }
        let j = dated_day.unwrap_or(j);
        // `sinds de zomer`, `depuis l'automne`: a season takes its article.
        // So does a holiday (`avant la Toussaint`).
        let season = || {
            self.is(j, Sense::Article)
                .and_then(|a| self.season(a).or_else(|| self.holiday(a)))
        };
        let found = match self.part(j) {
            Some((k, _, base)) => (k, base),
            None => self.point(j, true).or_else(season)?,
        };
        // `vanaf 2021 of later`: the modifier after the period says it (but `avant Noël ou
        // avant le débat` is two alternatives).
        let modifier_after = m == TimexMod::OnOrAfter
            && self.has(found.0, Sense::ModifierAfter(TimexMod::OnOrAfter));
        // `Voor volgend jaar verwacht de bank ...`, `Voor dit jaar wordt gerekend op ...`: a
        // sentence that opens with a "before" that is also "for" (a duration cue: `voor
        // twee weken`) and a year counted from now says what it is for. A year by number
        // is as often a deadline or a limit (`Voor 2025 moeten de platen vervangen zijn`,
        // `Voor 2010 kwam dat nooit voor`).
        // So does one before a year by number in a sentence of forecasts (`De Commissie
        // verwacht voor 2026 een tekort`, `Voor 2027 mikt de regering op ...`).
        // Right after a forecast or target word it is "for", whatever the date (`zijn
        // winstdoel voor 2027`, `de prognose voor volgend jaar`, `je plan voor dec-2018`).
        let opens_sentence = i == 0 || self.punct(i - 1, ".!?");
        let after_forecast = i.checked_sub(1).is_some_and(|w| {
            self.is(w, Sense::Forecast) == Some(i)
                || self.is(w, Sense::SetsDateFor(false)) == Some(i)
                || (self.is(w, Sense::ForParticle) == Some(i) && self.particle_has_verb(w))
        });
        // `was voor 14 september gepland`: the setting verb after the date, as Dutch puts it.
        let set_after = self.has(found.0, Sense::SetsDateFor(true));
        let for_year = m == TimexMod::Before
            && self.has(i, Sense::DurationCue)
            && (after_forecast
                || set_after
                || match found.1 {
                    Base::RelativeUnit(Unit::Year, _) => opens_sentence,
                    Base::Year(YearRef::Abs(_)) => self.sentence_has(i, Sense::Forecast),
                    _ => false,
                });
        // `Een week na Pasen`, `drie weken voor Kerstmis`: an amount of time before the link
        // counts from the holiday, which is named alone.
        let after_amount =
            (i.saturating_sub(3)..i).any(|k| self.unit(k).is_some_and(|(e, _)| e == i));
        let counted_from_holiday = matches!(found.1, Base::Holiday(..)) && after_amount;
        // `drie weken eerder dan vorig jaar`: an amount compared, the date named alone.
        let compared_amount = after_amount && self.has(i + 1, Sense::LastingLink);
        if matches!(found.1, Base::Offset(..))
            || counted_from_holiday
            || compared_amount
            || modifier_after
            || for_year
            || self.interval(j).is_some_and(|(e, _)| e > found.0)
        {
            return None;
        }
        let base = if self.has(i, Sense::Since) {
            in_the_past(found.1)
        } else {
            found.1
        };
        Some((found.0, Expr::Modified(m, base)))
    }

    /// Whether the word at `k` is an offset link (`na`, `voor`) with a holiday right after it
    /// (`een week na Pasen`).
    pub(super) fn links_to_holiday(&self, k: usize) -> bool {
        self.sense(k, |s| matches!(s, Sense::OffsetLink(_)).then_some(()))
            .is_some_and(|(j, ())| self.holiday(j).is_some())
    }

    /// Whether the particle at `p` closes a separable verb that sets a date
    /// ([`Sense::SetsDateFor`] before `voor`), its object between them in the same clause
    /// (`kondigde maandag een staking aan`). Right after its verb the particle keeps
    /// `voor`'s "before" (`kondigde aan voor 2027 te stoppen`).
    fn particle_has_verb(&self, p: usize) -> bool {
        (p.saturating_sub(PARTICLE_WORDS)..p.saturating_sub(1))
            .rev()
            .take_while(|&k| !self.punct(k, ".,;:!?()"))
            .any(|k| self.has(k, Sense::SetsDateFor(false)))
    }

    /// `begin 2020`, `eind dit jaar`, `la fin de 2021`, `mi-2020`.
    pub(super) fn part(&self, i: usize) -> Option<(usize, TimexMod, Base)> {
        let i = self.is(i, Sense::Article).unwrap_or(i);
        let (mut j, m) = self.sense(i, |s| match s {
            Sense::Part(m) => Some(m),
            _ => None,
        })?;
        let mut of_taken = false;
        if self.punct(j, "-") && self.attached(j) {
            j += 1;
        } else if let Some(k) = self.is(j, Sense::Of) {
            j = k;
            of_taken = true;
        }
        // `later in het jaar`: only the current period follows the link.
        let linked = self.is(j, Sense::PartLink);
        let after_link = linked.unwrap_or(j);
        // The article may be dropped or merged into the link: `fin du mois`, `fin de l'année`.
        let current = self
            .is(after_link, Sense::Article)
            .or_else(|| of_taken.then_some(after_link))
            .filter(|&a| !self.has(a, Sense::Plural))
            .and_then(|a| self.unit(a))
            .filter(|&(_, u)| u != Unit::Day && u != Unit::Decade)
            .map(|(k, u)| (k, current_period(u)));
        let (k, base) = match linked {
            Some(_) => current?,
            None => self.point(j, true).or(current)?,
        };
        let periodic = matches!(
            base,
            Base::Year(_)
                | Base::Month(..)
                | Base::MonthShift(..)
                | Base::Quarter(..)
                | Base::Half(..)
                | Base::RelativeUnit(..)
                | Base::Season(..)
                | Base::MonthOfPrevious(_)
                | Base::SeasonOfPrevious(_)
        ) || matches!(base, Base::PeriodOfPrevious(_, u) if u != Unit::Day);
        periodic.then_some((k, m, base))
    }
}

/// The period a part names without a shift word (`fin d'année`, `aan het eind van het
/// jaar`): the anchor's, but a year without `dit`/`cette` takes the sentence's tense.
fn current_period(unit: Unit) -> Base {
    match unit {
        Unit::Year => Base::Year(YearRef::Implicit),
        other => Base::RelativeUnit(other, 0),
    }
}

/// A yearless day, month or season after `sinds`, `depuis`: one that has begun.
fn in_the_past(base: Base) -> Base {
    match base {
        Base::Day(YearRef::Implicit, m, d) => Base::Day(YearRef::Past, m, d),
        Base::Month(YearRef::Implicit, m) => Base::Month(YearRef::Past, m),
        // `depuis l'automne`: the latest autumn begun, whatever the tense.
        Base::Season(season, None) => Base::Season(season, Some(YearRef::Past)),
        // `depuis lundi`: the most recent Monday (or today), even in a sentence about the
        // future; as an offset of no days, which the tense leaves alone.
        Base::Weekday(wd, None) => Base::Offset(0, Unit::Day, From::Weekday(wd)),
        other => other,
    }
}

/// The edge of a period a part word names.
pub(super) fn edge(m: TimexMod) -> Edge {
    match m {
        TimexMod::End => Edge::End,
        TimexMod::Mid => Edge::Mid,
        _ => Edge::Start,
    }
}
