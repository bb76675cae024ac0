//! Relative words and shifts: `gisteren`, `vorig jaar`, `l'année dernière`, and offsets
//! from the anchor or a day (`over twee weken`, `il y a deux ans`).

use super::{Base, From, Parser, YearRef};
use crate::extract::dates::lexicon::{Sense, Unit};

/// What an offset counts: whole units (`trois jours`) or half-years (`anderhalf jaar`,
/// `deux ans et demi`), which are read as a year.
#[derive(Debug, Clone, Copy)]
enum Amount {
    Units(i32, Unit),
    HalfYears(i32),
}

impl Amount {
    /// The offset from the date named before, `sign` giving its side (`plus tard`).
    fn after_previous(self, sign: i32) -> Base {
        match self {
            Amount::Units(n, u) => Base::AfterPrevious(sign * n, u),
            Amount::HalfYears(h) => Base::AfterPreviousInYears(sign * h),
        }
    }

    /// The offset back from the anchor told after the amount (`drie jaar geleden`).
    fn ago(self) -> Base {
        match self {
            Amount::Units(n, u) => Base::Offset(-n, u, From::Anchor),
            Amount::HalfYears(h) => Base::Offset(-h, Unit::Half, From::AnchorInYears),
        }
    }
}

/// How many tokens after its first one `29 oktober van dat jaar` may reach.
const OF_PREVIOUS_REACH: usize = 7;

impl Parser<'_> {
    /// `volgend jaar juni`.
    pub(super) fn relative_year_month(&self, i: usize) -> Option<(usize, Base)> {
        let (j, Base::RelativeUnit(Unit::Year, n)) = self.relative_unit(i)? else {
            return None;
        };
        let (k, m) = self.month(j, false)?;
        Some((k, Base::Month(YearRef::Rel(n), m)))
    }

    /// `gisteren`, `aujourd'hui`, `le lendemain`.
    pub(super) fn relative_day(&self, i: usize) -> Option<(usize, Base)> {
        if let Some((j, n)) = self.sense(i, |s| match s {
            Sense::AfterPrevious(n) => Some(n),
            _ => None,
        }) {
            // `la veille de Noël`, `au lendemain du scrutin`: the day of an event named after.
            let of_event = self.has(j, Sense::Of) || self.has(j, Sense::KindLink);
            return (!of_event).then_some((j, Base::AfterPrevious(n, Unit::Day)));
        }
        let (j, n) = self.sense(i, |s| match s {
            Sense::RelativeDay(n) => Some(n),
            _ => None,
        })?;
        let blocked = i > 0
            && self.has(i - 1, Sense::NotBeforeRelativeDay)
            && self.has(i, Sense::NounRelativeDay);
        // `ce soir-là`, `cette nuit là`: that evening, not the anchor's.
        let that_one = self.toks.get(j).is_some_and(|t| t.folded == "là");
        let j = self.skip_ci(j)?;
        (!blocked && !that_one).then_some((j, Base::RelativeDay(n)))
    }

    /// `le dimanche suivant`, `le samedi précédent`: the first such weekday after or before
    /// the last day named (see [`Base::WeekdayOfPrevious`]).
    pub(super) fn weekday_of_previous(&self, i: usize) -> Option<(usize, Base)> {
        if !self.region_has_kind(Sense::PreviousPeriod(0)) {
            return None;
        }
        // After its article (`le samedi précédent`, in the span) or `du` (`les scènes du
        // samedi précédent`); not alone (`jusqu'à mardi D'après les services météo`).
        let j = match self.is(i, Sense::RelativeArticle) {
            Some(j) => j,
            None if i > 0 && self.has(i - 1, Sense::Of) => i,
            None => return None,
        };
        let (k, wd) = self.sense(j, |s| match s {
            Sense::Weekday(d) => Some(d),
            _ => None,
        })?;
        let (end, side) = self.sense(k, |s| match s {
            Sense::PreviousPeriod(n) if n != 0 => Some(n),
            _ => None,
        })?;
        Some((end, Base::WeekdayOfPrevious(wd, side)))
    }

    /// A period of the last date named before: a shift word before the unit (`dezelfde
    /// week`, `dat jaar`, `le même mois`), after it with a shift of one (`de dag erna`,
    /// `het jaar daarop`, `au trimestre précédent`; `de dag dat` opens a clause), or
    /// `ce jour-là`, `cette année-là`.
    pub(super) fn period_of_previous(&self, i: usize) -> Option<(usize, Base)> {
        let shift = |i| {
            self.sense(i, |s| match s {
                Sense::PreviousPeriod(n) => Some(n),
                _ => None,
            })
        };
        let single = |i| {
            self.has_kind(i, Sense::Unit(Unit::Day))
                .then(|| self.unit(i))
                .flatten()
                // `le week-end précédent` is read from the anchor, as a weekend.
                .filter(|&(_, u)| {
                    !self.has(i, Sense::Plural) && !matches!(u, Unit::Weekend | Unit::Decade)
                })
        };
        let shifted = self.region_has_kind(Sense::PreviousPeriod(0));
        let before = || {
            let start = self.is(i, Sense::RelativeArticle).unwrap_or(i);
            let (j, n) = self
                .has_kind(start, Sense::PreviousPeriod(0))
                .then(|| shift(start))
                .flatten()?;
            let (k, u) = single(j)?;
            Some((k, u, n))
        };
        let after = || {
            let j = self
                .is(i, Sense::Article)
                .or_else(|| self.is(i, Sense::RelativeArticle))
                .unwrap_or(i);
            let (k, u) = single(j)?;
            let (end, n) = self
                .has_kind(k, Sense::PreviousPeriod(0))
                .then(|| shift(k))
                .flatten()
                .filter(|&(_, n)| n != 0)?;
            Some((end, u, n))
        };
        let that = || {
            let (j, _) = self.sense(i, |s| matches!(s, Sense::Shift(0)).then_some(()))?;
            let (k, u) = single(j)?;
            let there = self.punct(k, "-") && self.toks.get(k + 1)?.folded == "là";
            there.then_some((k + 2, u, 0))
        };
        let found = if shifted {
            before().or_else(after)
        } else {
            None
        };
        let (end, unit, n) = found.or_else(that)?;
        // `die dag van de staking`, `l'année précédente du club`: a day named by its event.
        (!self.has(end, Sense::Of)).then_some((end, Base::PeriodOfPrevious(n, unit)))
    }

    /// `juni van datzelfde jaar`, `de herfst van dat jaar`, `29 oktober van dat jaar`: in the
    /// year of the last date
    /// named before.
    pub(super) fn of_previous_year(&self, i: usize) -> Option<(usize, Base)> {
        // Tried at every number, month and article: first a look for `dat`, `datzelfde`
        // in the region and close after it, which most texts lack.
        if !self.region_has_kind(Sense::PreviousPeriod(0)) {
            return None;
        }
        let near = i + 1..(i + OF_PREVIOUS_REACH).min(self.toks.len());
        if !near
            .into_iter()
            .any(|k| self.has_kind(k, Sense::PreviousPeriod(0)))
        {
            return None;
        }
        let article = self.is(i, Sense::Article);
        let j = article.unwrap_or(i);
        let season = self.sense(j, |s| match s {
            Sense::Season(season) => Some(Base::SeasonOfPrevious(season)),
            _ => None,
        });
        let month = self.sense(j, |s| match s {
            Sense::Month(m) if article.is_none() => Some(Base::MonthOfPrevious(m)),
            _ => None,
        });
        let day = || match self.day_month(j) {
            Some((k, Base::Day(YearRef::Implicit, m, d))) if article.is_none() => {
                Some((k, Base::DayOfPrevious(m, d)))
            }
            _ => None,
        };
        let (k, base) = season.or(month).or_else(day)?;
        let l = self.is(k, Sense::Of)?;
        match self.period_of_previous(l)? {
            (end, Base::PeriodOfPrevious(0, Unit::Year)) => Some((end, base)),
            _ => None,
        }
    }

    /// `vorig jaar`, `deze week`, `l'année dernière`, `aanstaande september`, `décembre dernier`.
    pub(super) fn relative_unit(&self, i: usize) -> Option<(usize, Base)> {
        let shift = |i| {
            self.sense(i, |s| match s {
                Sense::Shift(n) => Some(n),
                _ => None,
            })
        };
        if let Some((j, n)) = shift(i) {
            // `zijn laatste jaar als topman` is his own last year, no date.
            let owned = self.has(i, Sense::Last) && i > 0 && self.has(i - 1, Sense::Possessive);
            if owned {
                return None;
            }
            if let Some((k, u)) = self.unit(j) {
                let plural = self.has(i, Sense::Plural) || self.has(j, Sense::Plural);
                // `cette année du changement` names a year by its event, but `cette année
                // du 4 au 6 juillet` is this year before a range.
                let of_event = self.has(k, Sense::Of) && self.interval(k).is_none();
                if !of_event && !plural && u != Unit::Day && u != Unit::Decade {
                    return self.skip_ci(k).map(|e| (e, Base::RelativeUnit(u, n)));
                }
            }
            if let Some((k, m)) = self.sense(j, |s| match s {
                Sense::Month(m) => Some(m),
                _ => None,
            }) {
                return Some((k, Base::MonthShift(m, n)));
            }
        }
        if let Some((j, u)) = self
            .unit(i)
            .filter(|&(_, u)| u != Unit::Day && !self.has(i, Sense::Plural))
        {
            if let Some((k, n)) = shift(j).filter(|&(k, _)| !self.has(k - 1, Sense::Plural)) {
                return Some((k, Base::RelativeUnit(u, n)));
            }
        }
        let (j, m) = self.sense(i, |s| match s {
            Sense::Month(m) => Some(m),
            _ => None,
        })?;
        let (k, n) = shift(j)?;
        (n != 0).then_some((k, Base::MonthShift(m, n)))
    }

    /// French `ce mois-ci`; `None` for `ce mois-là`, which is not the anchor's.
    fn skip_ci(&self, i: usize) -> Option<usize> {
        let suffix = self
            .toks
            .get(i + 1)
            .filter(|_| self.punct(i, "-"))
            .map(|t| t.folded.as_str());
        match suffix {
            Some("ci") => Some(i + 2),
            Some("là") => None,
            _ => Some(i),
        }
    }

    /// An offset of `n` units from the anchor ending at `k`: the unit's period (`il y a
    /// dix ans`: the year), but the very day when `jour pour jour` follows, which joins
    /// the span (counted from today rather than the anchor, so it is not coarse).
    fn to_the_day(&self, k: usize, n: i32, u: Unit) -> (usize, Base) {
        match self.is(k, Sense::ToTheDay) {
            Some(end) => (end, Base::Offset(n, u, From::RelativeDay(0))),
            None => (k, Base::Offset(n, u, From::Anchor)),
        }
    }

    /// An offset of `sign` times `amount` from the anchor ending at `k`: whole units as
    /// [`Self::to_the_day`] reads them, half-years read as a year.
    fn counted_from_anchor(&self, k: usize, sign: i32, amount: Amount) -> (usize, Base) {
        match amount {
            Amount::Units(n, u) => self.to_the_day(k, sign * n, u),
            Amount::HalfYears(h) => (k, Base::Offset(sign * h, Unit::Half, From::AnchorInYears)),
        }
    }

    /// `over twee weken`, `drie jaar geleden`, `il y a deux ans`, `twee dagen na vandaag`.
    pub(super) fn offset(&self, i: usize) -> Option<(usize, Base)> {
        // `ruim twee jaar geleden`: the span holds the hedge, the value the amount; not a
        // comparison after a quantity or a number (`3 procent meer dan een jaar eerder`,
        // `2.013 minder dan tien jaar geleden`).
        let unhedged = |i: usize| {
            let compared = i > 0 && (self.has(i - 1, Sense::Quantity) || self.num(i - 1).is_some());
            self.is(i, Sense::Approximation)
                .filter(|_| !compared)
                .unwrap_or(i)
        };
        let amount_unit = |i| {
            let (j, n) = self.amount(unhedged(i))?;
            let (k, u) = self.unit(j)?;
            // `in vijf jaar tijd` is a duration.
            (!self.quantity_after(k)).then_some((k, Amount::Units(n as i32, u)))
        };
        // `anderhalf jaar geleden`, `over anderhalf jaar`, `il y a deux ans et demi`: counted
        // in half-years, read as a year as whole years are. The half is carried by the number
        // (`anderhalf`, `twee en een half`) or follows the unit (`un an et demi`).
        let halves_here =
            self.region_has_kind(Sense::HalfNumber(0)) || self.region_has_kind(Sense::AndAHalf);
        let half_years = |i| {
            if !halves_here {
                return None;
            }
            let i = unhedged(i);
            let (k, whole) = match self.half_amount(i) {
                Some((j, whole)) => (self.unit(j).filter(|&(_, u)| u == Unit::Year)?.0, whole),
                None => {
                    let (j, whole) = self.amount(i)?;
                    let (k, u) = self.unit(j)?;
                    (u == Unit::Year).then_some(())?;
                    (self.is(k, Sense::AndAHalf)?, whole)
                }
            };
            Some((k, Amount::HalfYears(2 * whole as i32 + 1)))
        };
        // One reader for both: half-years first (`un an et demi` also reads as `un an`).
        let amount = |i| half_years(i).or_else(|| amount_unit(i));
        if let Some(j) = self.is(i, Sense::LaterBefore) {
            if let Some((k, a)) = amount(j) {
                let linked = self
                    .sense(k, |s| matches!(s, Sense::OffsetLink(_)).then_some(()))
                    .is_some();
                return (!linked).then(|| self.counted_from_anchor(k, 1, a));
            }
        }
        if let Some(j) = self.is(i, Sense::AgoBefore) {
            if let Some((k, a)) = amount(j) {
                // `voilà deux ans que le chantier est à l'arrêt`: a duration.
                return (!self.has(k, Sense::LastingLink))
                    .then(|| self.counted_from_anchor(k, -1, a));
            }
        }
        let (j, a) = amount(i)?;
        // `trois jours plus tard`: from the day named before; not the end of a number
        // (`deux cent trente ans plus tard`).
        let in_number = i > 0
            && self
                .sense(i - 1, |s| matches!(s, Sense::Number(_)).then_some(()))
                .is_some();
        if let Some((k, sign)) = self.sense(j, |s| match s {
            Sense::PreviousLink(sign) if !in_number => Some(sign),
            _ => None,
        }) {
            // `une semaine plus tôt qu'à Bruxelles`, `dix jours plus tôt que la moyenne`:
            // a comparison of two dates, neither of them named.
            return (!self.has(k, Sense::LastingLink)).then_some((k, a.after_previous(sign)));
        }
        if let Some(k) = self.is(j, Sense::AgoAfter) {
            return Some((k, a.ago()));
        }
        // Half-years count only from the anchor or the date named before.
        let Amount::Units(n, u) = a else {
            return None;
        };
        let (k, sign) = self.sense(j, |s| match s {
            Sense::OffsetLink(sign) => Some(sign),
            _ => None,
        })?;
        // `nommé une semaine après.`, `Dix ans avant, ...`: the link ends its clause, so the
        // offset counts from the date named before, as `une semaine plus tard` does.
        if k == self.toks.len() || self.punct(k, ".,;") {
            return Some((k, Base::AfterPrevious(sign * n, u)));
        }
        let k = self.is(k, Sense::Article).unwrap_or(k);
        let now = self.is(k, Sense::Now).map(|e| (e, Base::RelativeDay(0)));
        let from = [
            self.relative_day(k),
            self.weekday_date(k),
            self.day_month(k),
            now,
        ];
        let (end, from) = from.into_iter().flatten().max_by_key(|&(e, _)| e)?;
        let from = match from {
            Base::RelativeDay(d) => From::RelativeDay(d),
            Base::Weekday(wd, None) => From::Weekday(wd),
            Base::Day(y, m, d) => From::Day(y, m, d),
            _ => return None,
        };
        Some((end, Base::Offset(sign * n, u, from)))
    }
}
