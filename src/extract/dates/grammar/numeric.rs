//! Numeric dates (`3/3/2020`, `2020-03-03`, `18 08 1978`, `2020/Sep/23`) and what tells a
//! date from a fraction or a score.

use super::{first, full_year, valid_day, Base, Parser, YearRef, YEARS};
use crate::extract::dates::lexicon::Sense;
use crate::extract::dates::token::Kind;

impl Parser<'_> {
    /// Whether `d/m` at `i` is a date rather than a fraction or score: after a date word,
    /// zero-padded (`22/04`), or alone.
    fn dated_fraction(&self, i: usize) -> bool {
        let padded = [i, i + 2]
            .iter()
            .any(|&k| self.toks.get(k).is_some_and(|t| t.folded.starts_with('0')));
        let alone = i == 0 && self.toks.len() == i + 3;
        padded || alone || (self.date_word_before(i) && !self.fraction_after_of(i))
    }

    /// `une note de 8/10`, `een meerderheid van 2/3`, `les 3/4`: a proper fraction after a
    /// bare `of` word (or an article) is a share or a rating, unless an interval goes on after it
    /// (`van 4/6 tot 8/6`). `van 29/2` cannot be a proper fraction.
    fn fraction_after_of(&self, i: usize) -> bool {
        let weak_cue = self.weak_cue_before(i);
        let proper = match (self.num(i), self.num(i + 2)) {
            (Some((a, _)), Some((b, _))) => a < b,
            _ => false,
        };
        let continues = self.has(i + 3, Sense::To) || self.punct(i + 3, "-");
        weak_cue && proper && !continues
    }

    /// Whether the token before `i` is only an `of` word, year or duration cue or article
    /// (`de`, `van`, `en`, `pour`), which also comes before amounts.
    pub(super) fn weak_cue_before(&self, i: usize) -> bool {
        i > 0
            && self.senses_at(i - 1).iter().all(|&(_, s)| {
                matches!(
                    s,
                    Sense::Of
                        | Sense::KindLink
                        | Sense::DurationCue
                        | Sense::YearCue
                        | Sense::From
                        | Sense::Article
                        | Sense::RelativeArticle
                )
            })
    }

    /// Whether `a/b` at `i` is `24/7`, "hours a day, days a week" (`24/7 open`, `de
    /// 24/7-opvang`, `en 24/7 bereikbaar`): 24 July only right after a day's own link or a
    /// weekday (`op 24/7`, `tot 24/7`, `vendredi 24/7`), not after an article or `en`.
    fn round_the_clock(&self, i: usize, a: u32, b: u32) -> bool {
        let day_word_before = i > 0
            && self.senses_at(i - 1).iter().any(|&(_, s)| {
                matches!(
                    s,
                    Sense::DayLink
                        | Sense::DayArticle
                        | Sense::From
                        | Sense::To
                        | Sense::Between
                        | Sense::Weekday(_)
                        | Sense::WeekdayAbbr(_)
                )
            });
        a == 24 && b == 7 && !day_word_before
    }

    /// Whether the token before `i` is a date word (`op`, `van`, `le`, `sinds`, a weekday).
    pub(super) fn date_word_before(&self, i: usize) -> bool {
        i > 0
            && self.senses_at(i - 1).iter().any(|&(_, s)| {
                matches!(
                    s,
                    Sense::YearCue
                        | Sense::DayLink
                        | Sense::DayArticle
                        | Sense::Article
                        | Sense::Of
                        | Sense::Modifier(_)
                        | Sense::From
                        | Sense::To
                        | Sense::Between
                        | Sense::And
                        | Sense::Weekday(_)
                        | Sense::WeekdayAbbr(_)
                        | Sense::WeekdayShift(_)
                        | Sense::Shift(_)
                        | Sense::OffsetLink(_)
                )
            })
    }

    /// Whether a bare day number may end at `k`: at the end, before punctuation that
    /// does not continue a number, or before a word that may follow a date.
    pub(super) fn closes_bare_day(&self, k: usize) -> bool {
        match self.toks.get(k) {
            None => true,
            Some(t) if t.kind == Kind::Punct => {
                !self.punct(k, "%-/.,:") || self.toks.get(k + 1).is_none_or(|n| n.space_before)
            }
            Some(_) => {
                self.has(k, Sense::AfterBareDay) || self.sense_kinds[k] & !first::CONTEXT != 0
            }
        }
    }

    /// `12-4` or `12/4` after a weekday.
    pub(super) fn day_month_numeric(&self, i: usize) -> Option<(usize, Base)> {
        let (d, _) = self.num(i)?;
        if !self.punct(i + 1, "-/.") || !self.attached(i + 1) || !self.attached(i + 2) {
            return None;
        }
        let (m, _) = self.num(i + 2)?;
        valid_day(None, m, d).then_some((i + 3, Base::Day(YearRef::Implicit, m, d)))
    }

    /// A day, a month name and a year glued by one separator, in any order (`2020/Sep/23`,
    /// `septembre-2020-23`), or a day and a month name (`Oct/2`).
    pub(super) fn glued_named_date(&self, i: usize) -> Option<(usize, Base)> {
        let sep = self
            .toks
            .get(i + 1)
            .filter(|t| t.kind == Kind::Punct && !t.space_before)?;
        if !"-/".contains(sep.folded.as_str()) || !self.attached(i + 2) {
            return None;
        }
        let three = self.punct(i + 3, &sep.folded) && self.attached(i + 3) && self.attached(i + 4);
        let all = [i, i + 2, i + 4];
        let parts = if three { &all[..] } else { &all[..2] };
        let (mut day, mut month, mut year) = (None, None, None);
        for &k in parts {
            if let Some((m_end, m)) = self.month(k, true) {
                if m_end != k + 1 || month.replace(m).is_some() {
                    return None;
                }
            } else if let Some((y, 4)) = self.num(k) {
                if !YEARS.contains(&y) || year.replace(y as i32).is_some() {
                    return None;
                }
            } else if let Some((d, 1 | 2)) = self.num(k) {
                if day.replace(d).is_some() {
                    return None;
                }
            } else {
                return None;
            }
        }
        let end = parts[parts.len() - 1] + 1;
        if self.punct(end, "-/") && self.attached(end) {
            return None;
        }
        let (d, m) = (day?, month?);
        match year {
            Some(y) => valid_day(Some(y), m, d).then_some((end, Base::Day(YearRef::Abs(y), m, d))),
            None if !three && (sep.folded == "/" || self.num(i).is_some()) => {
                valid_day(None, m, d).then_some((end, Base::Day(YearRef::Implicit, m, d)))
            }
            None => None,
        }
    }

    /// `18 08 1978`, `2 4 2009`: day, month and year separated by spaces.
    pub(super) fn spaced_date(&self, i: usize) -> Option<(usize, Base)> {
        let (d, dd) = self.num(i)?;
        let (m, md) = self.num(i + 1)?;
        let (y, yd) = self.num(i + 2)?;
        let spaced = (i + 1..=i + 2).all(|k| self.toks[k].space_before);
        let before_ok = i == 0 || self.num(i - 1).is_none();
        let after_ok = self.num(i + 3).is_none() && !self.quantity_after(i + 3);
        let year = match yd {
            4 if YEARS.contains(&y) => y as i32,
            2 => full_year(y),
            _ => return None,
        };
        (spaced && before_ok && after_ok && dd <= 2 && md <= 2 && valid_day(Some(year), m, d))
            .then_some((i + 3, Base::Day(YearRef::Abs(year), m, d)))
    }

    /// `3/3/2020`, `2020-03-03`, `15.05.99`, `22/04`, `2015-3`, `12-2015`.
    pub(super) fn numeric_date(&self, i: usize) -> Option<(usize, Base)> {
        if i > 0
            && self.punct(i - 1, "-/.+")
            && self.attached(i)
            && i >= 2
            && self.num(i - 2).is_some()
        {
            return None;
        }
        self.numeric_date_at(i)
    }

    /// A numeric date at `i`, whatever precedes it (the end of `10/1-11/2/2017`).
    pub(super) fn numeric_date_at(&self, i: usize) -> Option<(usize, Base)> {
        let (a, a_digits) = self.num(i)?;
        let sep_at = |k: usize| -> Option<&str> {
            let t = self.toks.get(k)?;
            (t.kind == Kind::Punct
                && "/-.".contains(t.folded.as_str())
                && !t.space_before
                && self.attached(k + 1))
            .then_some(t.folded.as_str())
        };
        let sep1 = sep_at(i + 1)?;
        let (b, b_digits) = self.num(i + 2)?;
        let sep2 = sep_at(i + 3).filter(|s| *s == sep1);
        let third = sep2.and_then(|_| self.num(i + 4));
        let trailing_code = |k: usize| sep_at(k).is_some() && self.num(k + 1).is_some();
        if let Some((c, c_digits)) = third {
            if trailing_code(i + 5) {
                return None;
            }
            let end = i + 5;
            if a_digits == 4 {
                let (y, m, d) = (a as i32, b, c);
                return (c_digits <= 2 && valid_day(Some(y), m, d))
                    .then_some((end, Base::Day(YearRef::Abs(y), m, d)));
            }
            let y = match c_digits {
                4 if YEARS.contains(&c) => c as i32,
                2 => full_year(c),
                _ => return None,
            };
            let (d, m) = (a, b);
            // `29/2/2019`: a leap day in the wrong year is still written as a date.
            return (a_digits <= 2 && b_digits <= 2 && valid_day(None, m, d))
                .then_some((end, Base::Day(YearRef::Abs(y), m, d)));
        }
        if trailing_code(i + 3) || self.quantity_after(i + 3) {
            return None;
        }
        let end = i + 3;
        match (a_digits, b_digits) {
            (4, 1 | 2) if sep1 != "." && (1..=12).contains(&b) && YEARS.contains(&a) => {
                Some((end, Base::Month(YearRef::Abs(a as i32), b)))
            }
            (1 | 2, 4) if sep1 != "." && (1..=12).contains(&a) && YEARS.contains(&b) => {
                Some((end, Base::Month(YearRef::Abs(b as i32), a)))
            }
            // `2/3 van de leden`, `24/7`, `8/10`: without a year, only after a date word.
            (1 | 2, 1 | 2)
                if sep1 == "/"
                    && valid_day(None, b, a)
                    && self.dated_fraction(i)
                    && !self.round_the_clock(i, a, b) =>
            {
                Some((end, Base::Day(YearRef::Implicit, b, a)))
            }
            _ => None,
        }
    }
}
