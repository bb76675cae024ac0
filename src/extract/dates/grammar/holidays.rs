//! Holidays: `Pasen 2018`, `Kerstmis`, `vorige koningsdag`, `le 14 juillet`.

use super::{Base, Parser, YearRef, YEARS};
use crate::extract::dates::lexicon::Sense;

impl Parser<'_> {
    /// `Pasen 2018`, `Kerstmis`, `vorige koningsdag`, `le 14 juillet`.
    pub(super) fn holiday(&self, i: usize) -> Option<(usize, Base)> {
        let holiday_at = |i| {
            self.sense(i, |s| match s {
                Sense::Holiday(h) => Some(h),
                _ => None,
            })
        };
        if let Some((j, n)) = self.sense(i, |s| match s {
            Sense::Shift(n) if n != 0 => Some(n),
            _ => None,
        }) {
            if let Some((k, h)) =
                holiday_at(j).filter(|&(k, _)| !self.has(k, Sense::HolidayQualifier))
            {
                return Some((k, Base::HolidayShift(h, n)));
            }
        }
        let cued = || {
            let (j, h) = self.sense(i, |s| match s {
                Sense::CuedHoliday(h) => Some(h),
                _ => None,
            })?;
            (i > 0 && self.has(i - 1, Sense::HolidayCue)).then_some((j, h))
        };
        let (j, h) = holiday_at(i).or_else(cued)?;
        // `le Nouvel An chinois`; `la gare de Courtrai-Saint-Nicolas`; `sa fête nationale`.
        if self.has(j, Sense::HolidayQualifier) || self.ends_compound_name(i) {
            return None;
        }
        match self.year_in(j, &YEARS) {
            Some((k, y)) => Some((k, Base::Holiday(h, YearRef::Abs(y)))),
            // `les vacances de Noël 2018-2019` keep their years.
            None if self.owned(i) => None,
            // `la Fête nationale du 21 juillet`: the day named after it is the one meant
            // (Belgium's), read on its own.
            None if self
                .is(j, Sense::Of)
                .is_some_and(|k| self.day_month(k).is_some()) =>
            {
                None
            }
            None => Some((j, Base::Holiday(h, YearRef::Implicit))),
        }
    }

    /// An owner or a kind ends right before the holiday (or month) at `i` (`sa`, `les
    /// vacances de`).
    pub(super) fn owned(&self, i: usize) -> bool {
        (i.saturating_sub(3)..i).any(|k| self.is(k, Sense::HolidayOwner) == Some(i))
    }
}
