//! Weekdays: `dinsdag`, `vorige dinsdag`, `mardi prochain`, `volgende week dinsdag`.

use super::{Base, Parser, YearRef};
use crate::extract::dates::lexicon::{Sense, Unit, WeekdayShift};
use crate::extract::dates::token::Kind;

impl Parser<'_> {
    /// `dinsdag`, `vorige dinsdag`, `mardi prochain`, `vendredi 3 février 2023`.
    pub(super) fn weekday_date(&self, i: usize) -> Option<(usize, Base)> {
        // `le huitième samedi de mobilisation`: a count of weekdays, not the latest one;
        // `tombe un samedi`, `op een zondag`: any such day.
        let one_before = i > 0
            && self.toks.get(i - 1).is_some_and(|t| !t.has_digit)
            && self.has(i - 1, Sense::Number(1));
        if i > 0 && (self.ordinal(i - 1).is_some() || one_before) {
            return None;
        }
        let shift_before = self.sense(i, |s| match s {
            Sense::WeekdayShift(w) => Some(w),
            _ => None,
        });
        let start = shift_before.map_or(i, |(j, _)| j);
        let (full, (j, wd)) = match self.sense(start, |s| match s {
            Sense::Weekday(d) => Some(d),
            _ => None,
        }) {
            Some(found) => (true, found),
            None => (
                false,
                self.sense(start, |s| match s {
                    Sense::WeekdayAbbr(d) => Some(d),
                    _ => None,
                })?,
            ),
        };
        let j = if full { j } else { self.skip_dot(j) };
        // `le dernier samedi du mois`, `de chaque mois`: a recurring day, not one date.
        if self.of_unnamed_period(j) {
            return None;
        }
        let k = if self.punct(j, ",") { j + 1 } else { j };
        let dated = [
            self.day_month(k),
            self.numeric_date(k),
            // `jeudi soir 5-2 contre Boston`: a score where the language says so.
            self.day_month_numeric(k)
                .filter(|_| !(self.phrases.scores_after_weekdays && self.punct(k + 1, "-"))),
        ];
        // `ce lundi 2 novembre`: a date after the weekday names the day, whatever the shift.
        match dated.into_iter().flatten().max_by_key(|&(e, _)| e) {
            // `dimanche 3 mars`: the weekday tells the year.
            Some((e, Base::Day(YearRef::Implicit, m, d))) => {
                Some((e, Base::DayOnWeekday(m, d, wd)))
            }
            Some(found) => Some(found),
            None => self.weekday_rest(start, j, wd, full, shift_before),
        }
    }

    /// Whether `j` goes on with a period that names no one in particular: `du mois`, `de
    /// chaque mois` (not `du mois prochain`, `de ce mois`).
    fn of_unnamed_period(&self, j: usize) -> bool {
        let Some(k) = self.is(j, Sense::Of) else {
            return false;
        };
        let k = self.is(k, Sense::Every).unwrap_or(k);
        self.sense(k, |s| matches!(s, Sense::Unit(_)).then_some(()))
            .is_some()
            && self.relative_unit(k).is_none()
            && self.month_ref(k).is_none()
    }

    /// The weekday from `start` to `j` (`dimanche`, `dimanche matin`) not followed by a
    /// date: its shift or its day of the month.
    fn weekday_rest(
        &self,
        start: usize,
        j: usize,
        wd: u32,
        full: bool,
        shift_before: Option<(usize, WeekdayShift)>,
    ) -> Option<(usize, Base)> {
        if !full {
            return None;
        }
        if let Some((_, w)) = shift_before {
            return Some((j, Base::Weekday(wd, Some(w))));
        }
        if let Some((e, Base::RelativeUnit(Unit::Week, n))) = self.relative_unit(j) {
            // `vrijdag volgende week`, `vrijdag deze week`
            return Some((e, Base::Weekday(wd, Some(week_shift(n)))));
        }
        // `samedi dernier`; but `ce`, `cette` only come before (`lundi cette manifestation`).
        if let Some((e, w)) = self.sense(j, |s| match s {
            Sense::WeekdayShift(w) if w != WeekdayShift::ThisWeek => Some(w),
            _ => None,
        }) {
            return Some((e, Base::Weekday(wd, Some(w))));
        }
        // `mardi le 3`, `maandag de elfde`; a spelled ordinal before a plain word, and a
        // spelled first or second anywhere, are mostly a noun's (`a déclaré mardi soir le
        // premier ministre`, `devenu jeudi le cinquième président`, `het was zaterdag de
        // achttiende keer`).
        if let Some((e, d)) = self.is(j, Sense::Article).and_then(|a| {
            let spelled = self.toks.get(a).is_some_and(|t| !t.has_digit);
            self.ordinal(a).filter(|&(e, d)| {
                let noun_after = self
                    .toks
                    .get(e)
                    .is_some_and(|t| t.kind == Kind::Word && !t.has_digit)
                    && !self.has(e, Sense::AfterBareDay);
                (1..=31).contains(&d) && !(spelled && (d <= 2 || noun_after))
            })
        }) {
            return Some((e, Base::DayOfMonthOn(d, wd)));
        }
        if let Some((d, digits)) = self.num(j) {
            // A full stop ends the sentence, not a number (`28.05`).
            let sentence_end =
                self.punct(j + 1, ".") && self.toks.get(j + 2).is_none_or(|t| t.space_before);
            // `du lundi 2 au vendredi 6 novembre`: a range goes on; not a score glued to its
            // number (`jeudi soir 5-2 contre Boston`).
            let score = self.punct(j + 1, "-")
                && self.attached(j + 1)
                && self.attached(j + 2)
                && self.num(j + 2).is_some();
            let range_goes_on =
                (self.has(j + 1, Sense::To) || self.has(j + 1, Sense::And)) && !score;
            // `zakte woensdag 1,2 procent`: a decimal comma, not the end of a day.
            let decimal = self.punct(j + 1, ",")
                && self
                    .toks
                    .get(j + 2)
                    .is_some_and(|t| t.has_digit && !t.space_before);
            let closed = sentence_end
                || range_goes_on
                || self.toks.get(j + 1).is_none_or(|t| {
                    t.kind == Kind::Punct && !self.punct(j + 1, "%-/.:") && !decimal
                });
            if digits <= 2 && (1..=31).contains(&d) && closed {
                return Some((j + 1, Base::DayOfMonthOn(d, wd)));
            }
        }
        // `du lundi 1er au mercredi 3 décembre`, `van maandag 1e tot woensdag 3 december`.
        if let Some((e, d)) = self
            .ordinal(j)
            .filter(|&(e, d)| (1..=31).contains(&d) && e == j + 1 && self.toks[j].has_digit)
            .filter(|&(e, _)| self.has(e, Sense::To) || self.has(e, Sense::And))
        {
            return Some((e, Base::DayOfMonthOn(d, wd)));
        }
        // `vrijdag van volgende week`, `vendredi de la semaine prochaine`
        let of = self.is(j, Sense::Of).unwrap_or(j);
        let week = [of, self.is(of, Sense::Article).unwrap_or(of)]
            .into_iter()
            .filter(|&k| k > j)
            .find_map(|k| match self.relative_unit(k) {
                Some((e, Base::RelativeUnit(Unit::Week, n))) => Some((e, n)),
                _ => None,
            });
        if let Some((e, n)) = week {
            return Some((e, Base::Weekday(wd, Some(week_shift(n)))));
        }
        // `le Journal du Dimanche`, `le travail du dimanche`: after `du` (a link that is no
        // year cue, unlike `de samedi`, `van zondag`) a bare weekday names a kind of day,
        // unless a range goes on (`du lundi au vendredi`).
        let generic = shift_before.is_none()
            && start >= 1
            && self.has(start - 1, Sense::Of)
            && !self.has(start - 1, Sense::YearCue)
            && !self.has(j, Sense::To);
        // `le musée est fermé le lundi`, `se tient le dimanche matin`: after a day's article
        // alone, every such day (the part of the day too).
        let every = shift_before.is_none()
            && start >= 1
            && self.has(start - 1, Sense::DayArticle)
            && !self.has(j, Sense::To);
        (!generic && !every).then_some((j, Base::Weekday(wd, None)))
    }

    /// `volgende week dinsdag`, `vorige week - maandag`, `volgende week op dinsdag`.
    pub(super) fn week_weekday(&self, i: usize) -> Option<(usize, Base)> {
        // `op volgende week maandag`: the preposition belongs to this compound.
        let i = self.is(i, Sense::DayLink).unwrap_or(i);
        let (j, Base::RelativeUnit(Unit::Week, n)) = self.relative_unit(i)? else {
            return None;
        };
        let k = if self.punct(j, "-,") {
            j + 1
        } else {
            self.is(j, Sense::DayLink).unwrap_or(j)
        };
        let (end, wd) = self.sense(k, |s| match s {
            Sense::Weekday(d) => Some(d),
            _ => None,
        })?;
        Some((end, Base::Weekday(wd, Some(week_shift(n)))))
    }
}

/// The weekday shift of a week shifted by `n`.
fn week_shift(n: i32) -> WeekdayShift {
    match n.signum() {
        -1 => WeekdayShift::PreviousWeek,
        1 => WeekdayShift::NextWeek,
        _ => WeekdayShift::ThisWeek,
    }
}
