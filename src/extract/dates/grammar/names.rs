//! Names that are not dates: streets and places named after one (`rue du 4-Septembre`,
//! `Champ-de-Mars`).

use super::Parser;
use crate::extract::dates::lexicon::{Kinds, Sense, TimexMod};
use crate::extract::dates::token::Kind;

impl Parser<'_> {
    /// Whether an expression found at `i` names a street or place: it is the link after a
    /// place noun, or comes after one (`rue du 4-Septembre`, `place de la Libération`).
    pub fn names_place(&self, i: usize) -> bool {
        // `rue du 4-Septembre`, `avenue du 8-Mai-1945`, `boulevard du 11 Novembre`: the name
        // goes on through hyphens and from its day to its month.
        let mut i = i;
        loop {
            if i >= 2 && self.punct(i - 1, "-") && self.attached(i) && self.attached(i - 1) {
                i -= 2;
            } else if i >= 1 && self.num(i - 1).is_some() && self.month(i, false).is_some() {
                i -= 1;
            } else {
                break;
            }
        }
        let after_noun = |at: usize| {
            (at.saturating_sub(2)..at).any(|k| self.is(k, Sense::PlaceNoun) == Some(at))
        };
        if self.has(i, Sense::Of) && after_noun(i) {
            return true;
        }
        (i.saturating_sub(3)..i).any(|k| {
            let Some(of_end) = self.is(k, Sense::Of) else {
                return false;
            };
            let article_end = self.is(of_end, Sense::Article);
            (of_end == i || article_end == Some(i)) && after_noun(k)
        })
    }

    /// Whether token `i` goes on a hyphenated name after a plain word (`Champ-de-Mars`,
    /// `Gand-Saint-Nicolas`), not a part or another date word (`mi-mars`, `mars-avril`).
    pub(super) fn ends_compound_name(&self, i: usize) -> bool {
        const DATE_WORDS: Kinds = Sense::kinds(&[
            Sense::Part(TimexMod::Start),
            Sense::Month(0),
            Sense::MonthAbbr(0),
            Sense::Weekday(0),
            Sense::Number(0),
            Sense::Ordinal(0),
        ]);
        i >= 2
            && self.punct(i - 1, "-")
            && self.attached(i)
            && self.attached(i - 1)
            && self.toks[i - 2].kind == Kind::Word
            && !self.toks[i - 2].has_digit
            && self.sense_kinds[i - 2] & DATE_WORDS == 0
    }
}
