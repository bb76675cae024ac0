//! Durations: amounts of time from the anchor or not placed at all (`de komende vijf jaar`,
//! `pendant dix jours`, `de voorbije maanden`).

use super::{Expr, Parse, Parser, YEARS};
use crate::extract::dates::lexicon::{Sense, Unit};
use crate::extract::dates::token::Kind;

impl Parser<'_> {
    /// `de komende vijf jaar`, `les trois prochaines années`, `afgelopen 5 jaren`, `binnen 9 maanden`.
    pub(super) fn duration(&self, i: usize) -> Option<Parse> {
        // Spans counted in parts of a year or month, which read like durations.
        if let Some(found) = self.months_of_year(i).or_else(|| self.half_month(i)) {
            return Some(found);
        }
        if let Some(found) = self.bare_duration(i) {
            return Some(found);
        }
        if let Some(j) = self.is(i, Sense::Within) {
            let j = self.is(j, Sense::Article).unwrap_or(j);
            if let Some(found) = self.duration(j) {
                return Some(found);
            }
            let (k, n) = self.amount(j)?;
            let (end, unit) = self.unit(k)?;
            return Some((end, Expr::Duration(n as i32, unit)));
        }
        let shift = |i| {
            self.sense(i, |s| match s {
                Sense::Shift(n) if n != 0 => Some(n),
                _ => None,
            })
        };
        // shift amount unit | amount shift unit
        let (end, sign, n, unit, shift_at, unit_at) = if let Some((j, sign)) = shift(i) {
            let Some((k, n)) = self.amount(j) else {
                return self.some_units(j, sign, self.has(i, Sense::Plural));
            };
            let (end, unit) = self.unit(k)?;
            (end, sign, n, unit, i, k)
        } else {
            let (j, n) = self.amount(i)?;
            let (k, sign) = shift(j)?;
            let (end, unit) = self.unit(k)?;
            (end, sign, n, unit, j, k)
        };
        // `23 volgende maand` is a day of next month, not 23 months: several units are
        // plural in the unit or the shift (`drie maanden`, `trois prochains mois`), but
        // Dutch counts years in the singular (`vijf jaar`).
        let plural = self.has(shift_at, Sense::Plural) || self.has(unit_at, Sense::Plural);
        if n > 1 && !plural && unit != Unit::Year {
            return None;
        }
        Some((end, Expr::Duration(sign * n as i32, unit)))
    }

    /// `sinds drie jaar`, `pendant dix jours`, `na amper vijf maanden`, `nog geen twee jaar`,
    /// `vijf jaar cel`: an amount of time after a duration cue or a hedge, or before a
    /// closer, without them (TIMEX3 leaves such signals out). Elsewhere a bare amount is as often an age (`à 87 ans`) or a
    /// count.
    fn bare_duration(&self, i: usize) -> Option<Parse> {
        let half = self.half_amount(i);
        let (j, n) = match half {
            Some(found) => found,
            None => self.amount(i)?,
        };
        let (end, unit) = self.unit(j)?;
        // `deux ans et demi`, `anderhalf jaar`: an odd count of half-years, written in decimal
        // years (`P2.5Y`, as TIMEX3 and ISO 8601 write a fraction of the last unit);
        // `deux mois et demi`, `une semaine et demie`: the same fraction of a shorter unit
        // (`P2.5M`, `P1.5W`), so also a number carrying its half (`anderhalve maand`,
        // `tweeënhalve week`). `anderhalf jaar geleden`, `een half jaar later` are offsets,
        // which count in whole units: not a length either.
        let offset_after = || {
            self.has(end, Sense::AgoAfter)
                || self
                    .sense(end, |s| matches!(s, Sense::PreviousLink(_)).then_some(()))
                    .is_some()
        };
        let half_at = self.is(end, Sense::AndAHalf);
        let short_unit = matches!(unit, Unit::Day | Unit::Week | Unit::Month);
        // One half, carried by the number or after the unit, not both.
        let halved_short_unit = short_unit && (half.is_some() != half_at.is_some());
        let (end, n, unit) = match (half, half_at) {
            (Some(_), _) if !(unit == Unit::Year || halved_short_unit) || offset_after() => {
                return None
            }
            (Some(_), _) if unit == Unit::Year => {
                (end, n.saturating_mul(2).saturating_add(1), Unit::Half)
            }
            (Some(_), _) => (end, n, unit),
            (None, Some(k)) if unit == Unit::Year => {
                (k, n.saturating_mul(2).saturating_add(1), Unit::Half)
            }
            (None, Some(k)) if halved_short_unit => (k, n, unit),
            _ => (end, n, unit),
        };
        // A cue phrase of up to three words that ends right before the amount, or a hedge
        // (after a cue or alone); a hedge alone before many years sets an age limit (`les
        // moins de 25 ans`, `chômeurs de plus de 50 ans`).
        let phrase_before = |at: usize, wants: &[Sense]| {
            (at.saturating_sub(3)..at).find(|&k| wants.iter().any(|&w| self.is(k, w) == Some(at)))
        };
        let cues = [Sense::DurationCue, Sense::Since];
        // A cue may stand before a hedge (`duurt vermoedelijk drie maanden`): the cue is then
        // looked for before the hedge. A hedge without a cue before it leaves `lead` at `i`.
        let lead = phrase_before(i, &[Sense::CueHedge])
            .filter(|&hedge| phrase_before(hedge, &cues).is_some())
            .unwrap_or(i);
        // `sinds drie jaar`, `depuis trois ans`: the time up to the anchor.
        let since = phrase_before(lead, &[Sense::Since]).is_some();
        let lasting =
            phrase_before(i, &[Sense::AgoBefore]).is_some() && self.has(end, Sense::LastingLink);
        // A closer may follow the auxiliary of a perfect (`drie dagen hadden platgelegd`).
        // An offset link before a holiday is no closer: `Een week na Pasen` names the holiday.
        let closer_at = |k: usize| self.has(k, Sense::DurationCloser) && !self.links_to_holiday(k);
        // A cue may stand before a shifted unit placing the length (`dure cette année trois
        // semaines`, `duurt dit jaar drie weken`), or a shift word and one plain word, a
        // demonstrative and its noun (`duurt dit seizoen drie weken`, `duurt deze editie vier
        // dagen`).
        let shifted = |k: usize| {
            self.sense(k, |s| matches!(s, Sense::Shift(_)).then_some(()))
                .map(|(j, ())| j)
        };
        let over_adverb = || {
            (i.saturating_sub(3)..i).any(|k| {
                let Some(j) = shifted(k) else {
                    return false;
                };
                let placed = self.unit(j).is_some_and(|(e, _)| e == i);
                let named = j + 1 == i
                    && self.sense_kinds.get(j) == Some(&0)
                    && self.toks.get(j).is_some_and(|w| w.kind == Kind::Word);
                (placed || named) && phrase_before(k, &[Sense::DurationCue]).is_some()
            })
        };
        let cued = phrase_before(lead, &cues).is_some()
            || over_adverb()
            || lasting
            || closer_at(end)
            || self.is(end, Sense::YearVerb).is_some_and(closer_at)
            || phrase_before(i, &[Sense::Approximation]).is_some_and(|hedge| {
                phrase_before(hedge, &cues).is_some() || unit != Unit::Year || n < 12
            });
        if !cued {
            return None;
        }
        // `après une année 2016 difficile`, `après un mois de janvier doux`: a period named.
        // (The cue makes a count of units a duration, plural or not: `après cinq mois`.)
        let names_period = self.year_in(end, &YEARS).is_some()
            || self
                .is(end, Sense::Of)
                .is_some_and(|k| self.month(k, false).is_some());
        if self.quantity_after(end) || names_period {
            return None;
        }
        Some((
            end,
            match since {
                _ if halved_short_unit => Expr::LengthAndAHalf(n, unit),
                true => Expr::Duration(-(n as i32), unit),
                false => Expr::Length(n, unit),
            },
        ))
    }

    /// `anderhalf`, `een half`, `twee en een half`: a number with a half before `i`'s unit,
    /// as its whole part (the half is added by the caller).
    pub(super) fn half_amount(&self, i: usize) -> Option<(usize, u32)> {
        if self.has_kind(i, Sense::HalfNumber(0)) {
            return self.sense(i, |s| match s {
                Sense::HalfNumber(n) => Some(n),
                _ => None,
            });
        }
        // Asked before every bare amount: the region test first spares most of them.
        if !self.region_has_kind(Sense::AndAHalf) {
            return None;
        }
        let (j, n) = self.amount(i)?;
        Some((self.is(j, Sense::AndAHalf)?, n))
    }

    /// `(de komende) weken`, `(de voorbije) maanden`, `(ces derniers) mois`: a plural unit
    /// (or one after a plural shift word, `shift_plural`) after a shift word, an unknown
    /// amount of time, but for a plural read otherwise (`jaren negentig`); `(het afgelopen)
    /// decennium`: one decade, moved by `sign`.
    fn some_units(&self, j: usize, sign: i32, shift_plural: bool) -> Option<Parse> {
        let (end, unit) = self.unit(j)?;
        if !self.has(j, Sense::Plural) && !shift_plural {
            return (unit == Unit::Decade).then_some((end, Expr::Duration(sign, unit)));
        }
        let names_period = self.has(end, Sense::Of) || self.has(end, Sense::Decade);
        (!names_period && !self.quantity_after(end)).then_some((end, Expr::Units(unit)))
    }
}
