//! The money grammar over the tokens of one window:
//!
//! ```text
//! [qualifier] [range-opener X connector] amount [scale] [linker] currency [cents]
//! [qualifier] currency [-]amount [scale] [connector amount [scale]]
//! ```
//! plus amounts whose currency is elided in an enumeration of amounts.

use std::cell::Cell;

use rust_decimal::Decimal;

use super::tokens::{Kind, Token};
use super::{CurrencyName, Form, Money, MoneyEngine};
use crate::article::Country;

/// A money expression found in a window: its first and last token (inclusive).
#[derive(Debug, Clone)]
pub struct Found {
    /// Index of the first token.
    pub first: usize,
    /// Index of the last token.
    pub last: usize,
    /// The value.
    pub money: Money,
    /// The scale word's value, if the amount had one (`miljard`, `Mds`).
    scale: Option<Decimal>,
    /// Whether the amounts count hundredths of the currency (`eurocent`) until
    /// [`Reader::read`] converts them to whole units.
    hundredths: bool,
}

/// A number, possibly scaled: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
struct Amount {
    start: usize,
    end: usize,
    value: Decimal,
    scale: Option<Decimal>,
}

/// A currency name matched at tokens `start..end`.
struct Currency<'e> {
    start: usize,
    end: usize,
    name: &'e CurrencyName,
}

/// 10^6, the smallest amount written in digits that takes `de` (`1 000 000 de dollars`).
const MILLION: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Longest run of tokens read backwards when looking for the amount before a currency.
const MAX_AMOUNT_TOKENS: usize = 12;

/// Reads the money expressions in one window's tokens.
pub struct Reader<'a> {
    engine: &'a MoneyEngine,
    toks: &'a [Token],
    /// Where the article is from, which says what a plain shared name means.
    home: Home<'a>,
    /// Set when a plain shared name with no usual sense (`francs`) was read without a home.
    unplaced: Cell<bool>,
}

/// What is known of where an article is from.
#[derive(Debug, Clone, Copy)]
pub enum Home<'a> {
    /// Nothing: plain shared names keep their usual sense (`$` = USD, `francs` none).
    Unknown,
    /// The article's country.
    Country(Country),
    /// The countries the article names: a plain name with no usual sense takes their
    /// currency when they all agree (`francs` in a text naming only Switzerland).
    Named(&'a [Country]),
}

impl<'a> Reader<'a> {
    /// A reader over `toks` with `engine`'s vocabulary, in an article from `home`.
    pub fn new(engine: &'a MoneyEngine, toks: &'a [Token], home: Home<'a>) -> Self {
        Reader {
            engine,
            toks,
            home,
            unplaced: Cell::new(false),
        }
    }

    /// Whether a plain shared name with no usual sense was read without a home: knowing
    /// the countries the article names may then say its currency.
    pub fn read_unplaced(&self) -> bool {
        self.unplaced.get()
    }

    /// All non-overlapping money expressions, in text order.
    pub fn read(&self) -> Vec<Found> {
        let mut candidates = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let Some(cur) = self.currency_at(i) else {
                i += 1;
                continue;
            };
            candidates.extend(self.amount_before(&cur));
            candidates.extend(self.amount_after(&cur));
            i = cur.end;
        }
        let mut chosen = choose(candidates);
        self.infer_elided(&mut chosen);
        chosen.iter_mut().for_each(in_whole_units);
        chosen.sort_by_key(|f| f.first);
        chosen
    }

    /// The longest currency name starting at token `i`.
    fn currency_at(&self, i: usize) -> Option<Currency<'a>> {
        let list = self.engine.names.get(self.toks[i].key())?;
        list.iter().find_map(|name| {
            let end = i + name.keys.len();
            let toks = self.toks.get(i..end)?;
            let same = toks
                .iter()
                .zip(&name.keys)
                .enumerate()
                .all(|(k, (t, key))| (k == 0 || !t.new_line) && t.key() == *key);
            // `$ c` must not be the start of `$ c'est`.
            let elided = |j: usize| self.toks.get(j).is_some_and(|t| !t.spaced);
            let cut_word = matches!(toks.last()?.kind, Kind::Word)
                && self.toks.get(end).is_some_and(|t| t.is_sym('\''))
                && elided(end)
                && elided(end + 1);
            let capitals = name.form != Form::Code || toks.iter().all(|t| t.upper);
            (same && !cut_word && capitals).then_some(Currency {
                start: i,
                end,
                name,
            })
        })
    }

    /// `amount [scale] [linker] currency [cents]`, with a range or qualifier before it.
    fn amount_before(&self, cur: &Currency) -> Option<Found> {
        let mut end = cur.start;
        let linked = self
            .engine
            .linkers
            .iter()
            .find(|l| self.keys_before(end, l));
        if let Some(l) = linked {
            end -= l.len();
        }
        // `1,5 mln. euro`: the abbreviation's dot is inside the span; so is `,-` in
        // `250,- euro`.
        let abbreviation_dot = end >= 2
            && self.toks[end - 1].is_sym('.')
            && !self.toks[end - 1].spaced
            && self.toks[end - 2]
                .word()
                .is_some_and(|w| self.engine.scale_abbreviations.contains_key(w));
        let round_dash = end >= 3
            && self.toks[end - 1].is_sym('-')
            && self.toks[end - 2].is_sym(',')
            && !self.toks[end - 1].spaced
            && !self.toks[end - 2].spaced
            && self.toks[end - 3].num().is_some();
        let skip = if round_dash {
            2
        } else {
            usize::from(abbreviation_dot)
        };
        let amount = self.amount_ending_at(end - skip)?;
        if self.toks[amount.end..cur.end].iter().any(|t| t.new_line) || self.vague(&amount) {
            return None;
        }
        // `millions de dollars`, and in digits `1 000 000 de dollars`; not `5 de dollars`.
        let whole_millions = self.toks[amount.start].num().is_some()
            && amount.value >= MILLION
            && (amount.value % MILLION).is_zero();
        let scaled = amount.scale.is_some();
        if (linked.is_some() && !scaled && !whole_millions)
            || (cur.name.form == Form::Weak && !scaled)
        {
            return None;
        }
        if self.adjective_reading(&amount, cur) {
            return None;
        }
        // `$ 5 miljoen` is read by `amount_after`, `10 € 20` takes the nearer symbol.
        let mut found = self.found(amount, cur, cur.end - 1);
        if let Some((lower, opener_start)) = self.range_before(&amount) {
            found.first = lower.start;
            found.money.amount = lower.value;
            found.money.amount_max = Some(amount.value);
            found.money.qualifier = self.qualifier_before(opener_start);
        } else {
            found.money.qualifier = self.qualifier_before(amount.start);
            if amount.scale.is_none() && cur.name.code.is_some() {
                self.add_cents(&mut found, cur.end);
            }
        }
        Some(found)
    }

    /// `currency [-]amount [scale] [connector amount]` for symbols and codes (`€ 2,5 mld`).
    fn amount_after(&self, cur: &Currency) -> Option<Found> {
        if !matches!(cur.name.form, Form::Symbol | Form::Code) {
            return None;
        }
        let mut start = cur.end;
        let negative = self
            .toks
            .get(start)
            .is_some_and(|t| t.is_sym('-') || t.is_sym('−'))
            && self
                .toks
                .get(start + 1)
                .is_some_and(|t| t.num().is_some() && !t.spaced);
        if negative {
            start += 1;
        }
        self.toks.get(start)?.num()?;
        if self.toks[start].new_line {
            return None;
        }
        let mut amount = self.amount_from(start)?;
        if negative {
            amount.value = -amount.value;
        }
        let mut found = self.found(amount, cur, amount.end - 1);
        found.first = cur.start;
        if let Some(upper) = self.range_after(&amount) {
            found.last = upper.end - 1;
            found.money.amount = with_shared_scale(amount.value, amount.scale, upper.scale)?;
            found.money.amount_max = Some(upper.value);
            found.scale = upper.scale;
        }
        found.money.qualifier = self.qualifier_before(cur.start);
        Some(found)
    }

    /// A [`Found`] for `amount` in currency `cur`, ending at token `last`.
    fn found(&self, amount: Amount, cur: &Currency<'a>, last: usize) -> Found {
        // `6,5 centimes d'euro et 2,9 centimes`: a plain subunit after one that names its
        // currency shares it, wherever the article is from.
        // Else the article's country says it, else an amount in the sentence in one of its
        // home currencies (`1,879 euro, twaalf cent meer`).
        let local = match cur.name.form {
            Form::Subunit(_) => self
                .subunit_named_before(cur.start)
                .or_else(|| self.local_code(cur.name))
                .or_else(|| self.home_currency_near(cur.start, cur.end, cur.name)),
            _ => self.local_code(cur.name),
        };
        let (currency, unit) = match (&cur.name.form, local) {
            (_, Some(code)) => (Some(code.to_string()), None),
            (Form::Subunit(unit), None) => (None, Some(unit.clone())),
            _ if cur.name.code.is_none() => (None, Some(cur.name.keys.join(" "))),
            _ => (cur.name.code.clone(), None),
        };
        // A plain subunit (`centimes`) of the home currency counts its hundredths.
        let hundredths = cur.name.form == Form::Hundredth
            || (matches!(cur.name.form, Form::Subunit(_)) && local.is_some());
        Found {
            first: amount.start,
            last,
            scale: amount.scale,
            hundredths,
            money: Money {
                amount: amount.value,
                amount_max: None,
                currency,
                currency_inferred: false,
                qualifier: None,
                unit,
            },
        }
    }

    /// The currency of a subunit name that names it (`centimes d'euro`) earlier in the
    /// sentence before token `before`.
    fn subunit_named_before(&self, before: usize) -> Option<&'a str> {
        self.currency_before(before, |name| {
            if name.form == Form::Hundredth {
                name.code.as_deref()
            } else {
                None
            }
        })
    }

    /// The currency of an amount in the sentence that `subunit` counts hundredths of in
    /// some country (`cent` of `euro`, not of `pond`): the nearest before token `before`
    /// (`1,879 euro, twaalf cent meer`), else the first after token `after` (`60 centimes
    /// et coûtera 12,50 euros`).
    fn home_currency_near(
        &self,
        before: usize,
        after: usize,
        subunit: &CurrencyName,
    ) -> Option<&'a str> {
        let home = |name: &'a CurrencyName| {
            let code = name.code.as_deref()?;
            let home = name.form != Form::Hundredth && subunit.local.iter().any(|(_, c)| c == code);
            home.then_some(code)
        };
        self.currency_before(before, home)
            .or_else(|| self.currency_after(after, home))
    }

    /// The first currency name `accept` takes, read back from token `before` to the start
    /// of its sentence (or a line break).
    fn currency_before(
        &self,
        before: usize,
        accept: impl Fn(&'a CurrencyName) -> Option<&'a str>,
    ) -> Option<&'a str> {
        for i in (before.saturating_sub(CURRENCY_REACH)..before).rev() {
            let t = &self.toks[i];
            if ends_clause(t) {
                return None;
            }
            if let Some(code) = self
                .currency_at(i)
                .filter(|cur| cur.end <= before)
                .and_then(|cur| accept(cur.name))
            {
                return Some(code);
            }
            if t.new_line {
                return None;
            }
        }
        None
    }

    /// The first currency name `accept` takes, read on from token `from` to the end of its
    /// sentence (or a line break).
    fn currency_after(
        &self,
        from: usize,
        accept: impl Fn(&'a CurrencyName) -> Option<&'a str>,
    ) -> Option<&'a str> {
        for i in from..self.toks.len().min(from + CURRENCY_REACH) {
            let t = &self.toks[i];
            if (i > from && t.new_line) || ends_clause(t) {
                return None;
            }
            if let Some(code) = self.currency_at(i).and_then(|cur| accept(cur.name)) {
                return Some(code);
            }
        }
        None
    }

    /// Whether `un franc succès` uses the name as an adjective: a name that is also one,
    /// after the number word for one and before another word.
    fn adjective_reading(&self, amount: &Amount, cur: &Currency) -> bool {
        let one_word = amount.end == amount.start + 1
            && self.toks[amount.start].word().is_some()
            && amount.value == Decimal::ONE;
        one_word
            && cur.end == cur.start + 1
            && self.engine.adjectives.contains(self.toks[cur.start].key())
            && self.toks.get(cur.end).is_some_and(|t| t.word().is_some())
    }

    /// What a plain shared name means where the article is from (`$` = `CAD` in Canada).
    fn local_code(&self, name: &'a CurrencyName) -> Option<&'a str> {
        let by_country = |country: Country| {
            name.local
                .iter()
                .find(|(c, _)| *c == country)
                .map(|(_, code)| code.as_str())
        };
        match self.home {
            Home::Country(country) => by_country(country),
            Home::Unknown => {
                let unplaced = (name.code.is_none() || name.regional) && !name.local.is_empty();
                self.unplaced.set(self.unplaced.get() || unplaced);
                None
            }
            Home::Named(_) if name.code.is_some() && !name.regional => None,
            Home::Named(countries) => {
                let codes: Vec<&str> = countries.iter().filter_map(|&c| by_country(c)).collect();
                // A current currency wins over one the euro replaced.
                let current: Vec<&str> = codes
                    .iter()
                    .copied()
                    .filter(|code| !self.engine.replaced.contains(*code))
                    .collect();
                let pool = if current.is_empty() { codes } else { current };
                let first = *pool.first()?;
                pool.iter().all(|&code| code == first).then_some(first)
            }
        }
    }

    /// Cents after a whole amount: `5 euro 50`, `3 euro en 50 cent`, `15 dollars et 15.`
    fn add_cents(&self, found: &mut Found, after: usize) {
        if found.money.unit.is_some() || found.hundredths || !found.money.amount.fract().is_zero() {
            return;
        }
        let mut i = after;
        if self
            .toks
            .get(i)
            .and_then(Token::word)
            .is_some_and(|w| self.engine.tail_joiners.contains(w))
        {
            i += 1;
        }
        let Some(cents) = self.toks.get(i).and_then(|_| self.amount_from(i)) else {
            return;
        };
        let small = match self.toks[cents.start].num() {
            Some(n) => !n.grouped && !n.fraction && n.int_digits <= 2,
            None => cents.value < Decimal::ONE_HUNDRED && cents.value.fract().is_zero(),
        };
        if !small || cents.scale.is_some() || self.toks[cents.start].new_line {
            return;
        }
        let mut last = cents.end - 1;
        let next = self.toks.get(cents.end);
        let subunit = next.and_then(|t| self.currency_name(t)).is_some_and(|n| {
            matches!(n.form, Form::Subunit(_) | Form::Hundredth) && n.keys.len() == 1
        });
        if subunit {
            last += 1;
        } else if !next
            .is_none_or(|t| matches!(t.kind, Kind::Sym('.' | ',' | ';' | ':' | '!' | '?' | ')')))
        {
            return;
        }
        let Some(amount) = found
            .money
            .amount
            .checked_add(cents.value / Decimal::ONE_HUNDRED)
        else {
            return;
        };
        found.money.amount = amount;
        found.last = last;
    }

    /// Whether an amount in words follows a vague word (`een paar honderd euro`).
    fn vague(&self, amount: &Amount) -> bool {
        amount.start > 0
            && self.toks[amount.start].word().is_some()
            && self.toks[amount.start - 1]
                .word()
                .is_some_and(|w| self.engine.vague_before.contains(w))
    }

    /// The single-token currency name of token `t`, if any.
    fn currency_name(&self, t: &Token) -> Option<&'a CurrencyName> {
        self.engine
            .names
            .get(t.key())?
            .iter()
            .find(|n| n.keys.len() == 1)
    }

    /// The lower bound of a range ending just before `upper`, and where its opener starts.
    fn range_before(&self, upper: &Amount) -> Option<(Amount, usize)> {
        for (opener, connector) in &self.engine.ranges {
            if !self.keys_before(upper.start, connector) {
                continue;
            }
            let Some(mut lower) = self.amount_ending_at(upper.start - connector.len()) else {
                continue;
            };
            // `entre « 8 et 10 milliards »`: an opening quote may follow the opener.
            let quoted = lower.start > 0
                && matches!(self.toks[lower.start - 1].kind, Kind::Sym('«' | '“' | '"'));
            let opener_end = lower.start - usize::from(quoted);
            if (!opener.is_empty() && !self.keys_before(opener_end, opener))
                || self.starts_change(&lower)
            {
                continue;
            }
            if let (None, Some(s)) = (lower.scale, upper.scale) {
                // A shared scale that overflows gives no range.
                let Some(value) = lower.value.checked_mul(s) else {
                    continue;
                };
                lower.value = value;
            }
            if lower.value >= upper.value {
                continue;
            }
            return Some((lower, opener_end - opener.len()));
        }
        None
    }

    /// Whether a verb of change (`steeg`, `passé`) ends just before token `at`.
    fn change_verb_before(&self, at: usize) -> bool {
        at.checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .is_some_and(|t| t.word().is_some() && self.engine.change_verbs.contains(t.key()))
    }

    /// Whether `amount` follows a verb of change and a range opener (`passé de 3`): it
    /// is the amount before the change, whatever word joins it to the one after.
    fn starts_change(&self, amount: &Amount) -> bool {
        self.engine.change_openers.iter().any(|opener| {
            self.keys_before(amount.start, opener)
                && self.change_verb_before(amount.start - opener.len())
        })
    }

    /// The upper bound of a range after `lower` (`€ 2-3 miljoen`).
    fn range_after(&self, lower: &Amount) -> Option<Amount> {
        for (opener, connector) in &self.engine.ranges {
            if !opener.is_empty() || !self.keys_at(lower.end, connector) {
                continue;
            }
            let start = lower.end + connector.len();
            self.toks.get(start)?.num()?;
            let upper = self.amount_from(start)?;
            let low = with_shared_scale(lower.value, lower.scale, upper.scale)?;
            if low < upper.value {
                return Some(upper);
            }
        }
        None
    }

    /// The qualifier (`ruim`, `plus de`) ending just before token `at`. A word right
    /// after an amount joins two amounts rather than bounding one: the `tot` of `steeg van
    /// 3 tot 5 miljard euro` is no "up to".
    fn qualifier_before(&self, at: usize) -> Option<String> {
        let (keys, surface) = self.qualifier_ending_at(at)?;
        let before = (at - keys.len()).checked_sub(1).map(|i| &self.toks[i]);
        // A year (`begin 2018 zo'n 350 duizend euro`) is no amount.
        let joins_amounts = before.is_some_and(|t| {
            (t.num().is_some() && !year_like(t))
                || self.scale_of(t).is_some()
                || self.currency_name(t).is_some()
        });
        (!joins_amounts).then(|| surface.clone())
    }

    /// The longest qualifier (its keys and surface) whose tokens end just before `at`.
    fn qualifier_ending_at(&self, at: usize) -> Option<&'a (Vec<String>, String)> {
        self.engine
            .qualifiers
            .iter()
            .find(|(keys, _)| self.keys_before(at, keys))
    }

    /// Whether the tokens just before `at` are `keys`, on one line.
    fn keys_before(&self, at: usize, keys: &[String]) -> bool {
        at >= keys.len()
            && !self.toks[at - keys.len() + 1..at]
                .iter()
                .any(|t| t.new_line)
            && { self.keys_at(at - keys.len(), keys) }
    }

    /// Whether the tokens from `at` are `keys`.
    fn keys_at(&self, at: usize, keys: &[String]) -> bool {
        !keys.is_empty()
            && self
                .toks
                .get(at..at + keys.len())
                .is_some_and(|ts| ts.iter().zip(keys).all(|(t, k)| t.key() == *k))
    }

    /// The longest amount that ends exactly at token `end` (exclusive).
    fn amount_ending_at(&self, end: usize) -> Option<Amount> {
        let mut first = end;
        while first > 0 && end - first < MAX_AMOUNT_TOKENS && self.may_be_in_amount(first - 1) {
            first -= 1;
        }
        (first..end).find_map(|s| self.amount_from(s).filter(|a| a.end == end))
    }

    /// Whether token `i` can be part of an amount (digits, number word, scale, glued hyphen).
    fn may_be_in_amount(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match &t.kind {
            Kind::Num(_) => true,
            Kind::Word => {
                let w = t.key();
                self.engine.numbers.is_number_word(w)
                    || self.engine.scale_abbreviations.contains_key(w)
            }
            Kind::Sym('-') => self.is_word_hyphen(i),
            Kind::Sym(_) => false,
        }
    }

    /// Whether token `i` is a hyphen glued between two words (`vingt-huit`).
    fn is_word_hyphen(&self, i: usize) -> bool {
        let glued_word = |j: usize| self.toks.get(j).is_some_and(|t| t.word().is_some());
        self.toks[i].is_sym('-')
            && i > 0
            && glued_word(i - 1)
            && glued_word(i + 1)
            && !self.toks[i].spaced
            && !self.toks[i + 1].spaced
    }

    /// The amount starting at token `start`: digits or number words, then a scale.
    fn amount_from(&self, start: usize) -> Option<Amount> {
        let t = self.toks.get(start)?;
        let (mut value, mut end, mut scale) = match &t.kind {
            Kind::Num(n) => (n.value, start + 1, None),
            Kind::Word => self.words_from(start)?,
            Kind::Sym(_) => return None,
        };
        if scale.is_none() {
            if let Some(s) = self.toks.get(end).and_then(|t| self.scale_of(t)) {
                if !self.toks[end].new_line {
                    value = value.checked_mul(s)?;
                    scale = Some(s);
                    end += 1;
                }
            }
        }
        // `un milliard et demi`: half the scale more.
        if let Some(s) = scale {
            if let Some(half) = self
                .engine
                .scale_halves
                .iter()
                .find(|h| self.keys_at(end, h))
            {
                value = value.checked_add(s / Decimal::TWO)?;
                end += half.len();
            }
        }
        Some(Amount {
            start,
            end,
            value,
            scale,
        })
    }

    /// The scale value of a scale word or abbreviation.
    fn scale_of(&self, t: &Token) -> Option<Decimal> {
        let w = t.word()?;
        self.engine
            .numbers
            .scale(w)
            .or_else(|| self.engine.scale_abbreviations.get(w).copied())
    }

    /// A number in words from token `start`: value, end token, largest scale used.
    fn words_from(&self, start: usize) -> Option<(Decimal, usize, Option<Decimal>)> {
        let mut words: Vec<&str> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        let mut i = start;
        while let Some(w) = self.toks.get(i).and_then(Token::word) {
            if words.len() >= MAX_AMOUNT_TOKENS
                || !self.engine.numbers.is_number_word(w)
                || (i > start && self.toks[i].new_line)
            {
                break;
            }
            words.push(w);
            i += 1;
            ends.push(i);
            if self.toks.get(i).is_some_and(|t| t.is_sym('-')) && self.is_word_hyphen(i) {
                i += 1;
            }
        }
        let (value, used) = self.engine.numbers.parse_prefix(&words)?;
        let scale = words[..used]
            .iter()
            .filter_map(|w| self.engine.numbers.scale(w))
            .max();
        // `millions d'euros` is not an amount; `duizend euro` is.
        if used == 1 && scale.is_some_and(|s| s > Decimal::ONE_THOUSAND) {
            return None;
        }
        Some((value, ends[used - 1], scale))
    }

    /// Bare scaled amounts in an enumeration with amounts in one currency take that
    /// currency (`5,9 miljard dollar, Azure 5,9 miljard en ...`), marked as inferred; so
    /// do bare scaled amounts compared with the nearest one (`812 miljoen euro, tegen 640
    /// miljoen een jaar eerder`) when no other number stands between them.
    fn infer_elided(&self, chosen: &mut Vec<Found>) {
        if !chosen.iter().any(|f| f.money.currency.is_some()) {
            return;
        }
        let mut inferred = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let taken = chosen.iter().any(|f| f.first <= i && i <= f.last);
            let starts_number = self.toks[i].num().is_some()
                || (self.toks[i].word().is_some() && (i == 0 || !self.may_be_in_amount(i - 1)));
            let amount = if taken || !starts_number {
                None
            } else {
                self.amount_from(i)
                    .filter(|a| a.scale.is_some() || self.leads_into_money(a, chosen))
            };
            let Some(amount) = amount else {
                i += 1;
                continue;
            };
            if chosen
                .iter()
                .any(|f| f.first < amount.end && amount.start <= f.last)
            {
                i = amount.end;
                continue;
            }
            let item = self.ends_enumeration_item(amount.end);
            // Only amounts that end on their scale word: in `contre soixante-quinze
            // milliards dix ans plus tôt` the `dix` counts years.
            let ends_on_scale = self
                .toks
                .get(amount.end.wrapping_sub(1))
                .is_some_and(|t| self.scale_of(t).is_some());
            let compared = !item
                && ends_on_scale
                && self.compared(amount.start)
                && !self.counts_what_follows(amount.end);
            let summed = !item && !compared && ends_on_scale && self.sum_follows(amount.end);
            if item || compared || summed {
                let model = if amount.scale.is_some() {
                    self.neighbour_in_sentence(chosen, &amount, summed)
                        .filter(|m| !(compared || summed) || !self.number_between(m, &amount))
                } else {
                    chosen.iter().find(|f| f.first == amount.end + 1)
                };
                let value =
                    model.and_then(|m| with_shared_scale(amount.value, amount.scale, m.scale));
                if let (Some(model), Some(value)) = (model, value) {
                    inferred.push(Found {
                        first: amount.start,
                        last: amount.end - 1,
                        scale: amount.scale.or(model.scale),
                        hundredths: model.hundredths,
                        money: Money {
                            // `5,4 et 3,7 milliards $`: the bare number shares the scale.
                            amount: value,
                            amount_max: None,
                            currency: model.money.currency.clone(),
                            currency_inferred: true,
                            qualifier: self.qualifier_before(amount.start),
                            unit: None,
                        },
                    });
                }
            }
            i = amount.end;
        }
        chosen.extend(inferred);
    }

    /// Whether an unscaled number is joined by one follower word to a money amount right
    /// after it (`van 3.000 naar 3.500 euro`); years (`2019 en 5 euro`) are not.
    fn leads_into_money(&self, amount: &Amount, chosen: &[Found]) -> bool {
        // After a verb of change (`passe de 2897 à 11 525 dollars`) it is an amount.
        let change = self.starts_change(amount);
        (change || !year_like(&self.toks[amount.start]))
            && amount.end == amount.start + 1
            && self.toks.get(amount.end).is_some_and(|t| {
                t.word().is_some_and(|w| {
                    self.engine.followers.contains(w)
                        && (change || !self.engine.followers_scaled_only.contains(w))
                })
            })
            && chosen
                .iter()
                .any(|f| f.first == amount.end + 1 && f.money.currency.is_some())
    }

    /// Whether a comparison word (`tegen`, `contre`) comes right before token `start`, or
    /// before the qualifier there (`tegenover ruim 980 miljoen`, `contre près de 900
    /// millions`).
    fn compared(&self, start: usize) -> bool {
        let start = self
            .qualifier_ending_at(start)
            .map_or(start, |(keys, _)| start - keys.len());
        start
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .is_some_and(|t| t.word().is_some() && self.engine.comparisons.contains(t.key()))
    }

    /// Whether a linker at `end` opens the noun a bare scaled amount counts (`contre 2
    /// millions de visiteurs`): a currency there would have made it an amount already.
    fn counts_what_follows(&self, end: usize) -> bool {
        self.engine.linkers.iter().any(|l| self.keys_at(end, l))
    }

    /// Whether the token at `end`, right after a bare scaled amount, shows a sum rather
    /// than a count of what follows: a word of `sum_followers` (`in`, `dans`, `extra`) or a
    /// number word (`8 millions deux ans plus tôt`).
    ///
    /// A word of `sum_adverbs` (`extra`) shows it only before another such sign or a
    /// punctuation mark: `1 miljard extra uit`, but `5 miljoen extra bomen` counts trees.
    fn sum_follows(&self, end: usize) -> bool {
        let Some(t) = self.toks.get(end).filter(|t| !t.new_line) else {
            return false;
        };
        match t.kind {
            Kind::Word if self.engine.sum_adverbs.contains(t.key()) => {
                let next = self.toks.get(end + 1);
                next.is_none_or(|n| matches!(n.kind, Kind::Sym(_)) || n.new_line)
                    || self.sum_follows(end + 1)
            }
            Kind::Word => {
                self.engine.sum_followers.contains(t.key())
                    || t.word()
                        .is_some_and(|w| self.engine.numbers.is_number_word(w))
            }
            _ => false,
        }
    }

    /// Whether a number other than a year stands between a found amount and `amount`
    /// (`3 miljoen klanten, tegen 2 miljoen`: the comparison is with the customers, not the
    /// euros; `812 miljoen euro in 2024, tegen 640 miljoen` still compares the euros).
    fn number_between(&self, found: &Found, amount: &Amount) -> bool {
        let (from, to) = gap(found, amount);
        let between = self.toks.get(from..to).unwrap_or_default();
        between.iter().any(|t| t.num().is_some() && !year_like(t))
    }

    /// Whether the token at `end` closes an enumeration item (punctuation, `en`, `et`).
    fn ends_enumeration_item(&self, end: usize) -> bool {
        match self.toks.get(end) {
            None => false,
            Some(t) if t.new_line => true,
            Some(t) => match &t.kind {
                Kind::Sym(c) => matches!(c, ',' | ';' | '.' | ')' | ':'),
                Kind::Word => self.engine.followers.contains(t.key()),
                Kind::Num(_) => false,
            },
        }
    }

    /// The nearest scaled amount with a known currency in the same sentence as `amount`,
    /// never one counted in hundredths. A sum (`unscaled_too`) may also take the currency
    /// of an amount without a scale (`32 euro per aandeel, of 1,4 miljard in totaal`); an
    /// enumeration or comparison (`5 millions de foyers (contre 3,8 millions) recevront
    /// 90 euros`) may not.
    fn neighbour_in_sentence<'f>(
        &self,
        chosen: &'f [Found],
        amount: &Amount,
        unscaled_too: bool,
    ) -> Option<&'f Found> {
        chosen
            .iter()
            .filter(|f| {
                f.money.currency.is_some()
                    && !f.money.currency_inferred
                    && !f.hundredths
                    && (unscaled_too || f.scale.is_some())
            })
            .filter(|f| {
                let (from, to) = gap(f, amount);
                // Tokens between, and the one after them (a line break before it counts).
                let between = self.toks.get(from..to).unwrap_or_default();
                let next = self.toks.get(to);
                !between.iter().any(ends_sentence)
                    && !between.iter().chain(next).any(|t| t.new_line)
            })
            .min_by_key(|f| {
                let distance = if f.last < amount.start {
                    amount.start - f.last
                } else {
                    f.first - amount.end
                };
                (f.scale.is_none(), distance)
            })
    }
}

/// The token range between a found amount and `amount`, whichever comes first.
fn gap(found: &Found, amount: &Amount) -> (usize, usize) {
    if found.last < amount.start {
        (found.last + 1, amount.start)
    } else {
        (amount.end, found.first)
    }
}

/// Whether a token ends a sentence.
fn ends_sentence(t: &Token) -> bool {
    matches!(t.kind, Kind::Sym('.' | '!' | '?'))
}

/// Whether `t` ends a sentence or a clause a currency may be shared in (`;`).
fn ends_clause(t: &Token) -> bool {
    ends_sentence(t) || t.is_sym(';')
}

/// Tokens read around a subunit for the currency of its sentence.
const CURRENCY_REACH: usize = 40;

/// The non-overlapping candidates, longest first, then leftmost.
fn choose(mut candidates: Vec<Found>) -> Vec<Found> {
    candidates.sort_by(|a, b| {
        (b.last - b.first)
            .cmp(&(a.last - a.first))
            .then(a.first.cmp(&b.first))
    });
    let mut chosen: Vec<Found> = Vec::new();
    for c in candidates {
        if !chosen
            .iter()
            .any(|k| c.first <= k.last && k.first <= c.last)
        {
            chosen.push(c);
        }
    }
    chosen
}

/// Converts an amount counted in hundredths (`20 eurocent`) to whole units (0.20).
fn in_whole_units(found: &mut Found) {
    if std::mem::take(&mut found.hundredths) {
        found.money.amount /= Decimal::ONE_HUNDRED;
        if let Some(max) = found.money.amount_max.as_mut() {
            *max /= Decimal::ONE_HUNDRED;
        }
    }
}

/// `value` times the scale of the amount it shares one with when it has none of its own
/// (`5,4 et 3,7 milliards`); `None` when the product overflows.
fn with_shared_scale(
    value: Decimal,
    own: Option<Decimal>,
    shared: Option<Decimal>,
) -> Option<Decimal> {
    match (own, shared) {
        (None, Some(scale)) => value.checked_mul(scale),
        _ => Some(value),
    }
}

/// Whether a token is a number written like a year (`2019`, not `2.019` or `2019,5`).
fn year_like(t: &Token) -> bool {
    t.num()
        .is_some_and(|n| !n.grouped && !n.fraction && n.int_digits == 4)
}
