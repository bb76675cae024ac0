//! Local units: after `Orange Belgium`, a bare `Orange` in the same text is the unit
//! (`Orange Belgium verhoogt zijn prijzen, volgens Orange ...`), as newspapers shorten a
//! name they have just given in full, unless the words before it make it the parent
//! (`filiale d'Orange`, `het Franse Orange`).

use rustc_hash::FxHashMap;

use super::{floor_boundary, gazetteer::Entry, CompanyEngine, Found};

/// How far before a short name the parent words are looked for, in bytes.
const PARENT_REACH: usize = 48;

/// How many known companies of one country make a bare parent name its local unit there.
const MIN_PEERS: usize = 2;

/// For each gazetteer entry, its local units: entries named after it plus one word whose
/// country differs (`Orange Belgium`, BE, for `Orange`, FR). A unit in the parent's own
/// country is a business line (`Google Cloud`), which the short name does not stand for.
pub(super) fn local_units(entries: &[Entry]) -> FxHashMap<usize, Vec<usize>> {
    let index: FxHashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.as_str(), i))
        .collect();
    let mut units: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, unit) in entries.iter().enumerate() {
        let Some((head, _)) = unit.name.rsplit_once(' ') else {
            continue;
        };
        let Some(&parent) = index.get(head) else {
            continue;
        };
        let countries = (&entries[parent].country, &unit.country);
        if let (Some(a), Some(b)) = countries {
            if a != b {
                units.entry(parent).or_default().push(i);
            }
        }
    }
    units
}

impl CompanyEngine {
    /// Names a bare parent name after its local unit the unit, unless parent words come
    /// right before it; with two different units in the text, the short name stays.
    pub(super) fn name_local_units(&self, text: &str, found: &mut [Found]) {
        if self.local_units.is_empty() {
            return;
        }
        for i in 0..found.len() {
            let Some(units) = found[i].entry.and_then(|e| self.local_units.get(&e)) else {
                continue;
            };
            let start = found[i].start;
            let mut named = found
                .iter()
                .filter(|g| g.end <= start)
                .filter_map(|g| g.entry.filter(|e| units.contains(e)));
            let unit = match named.next() {
                Some(unit) if named.all(|other| other == unit) => Some(unit),
                Some(_) => continue,
                None => self.unit_of_peers(found, found[i].entry, units),
            };
            let Some(unit) = unit else {
                continue;
            };
            if self.after_parent_words(text, start) {
                continue;
            }
            found[i].entry = Some(unit);
        }
    }

    /// The one `local` unit of the country most other known companies of the text come
    /// from, when at least two of them do and they are the majority: `Orange` among
    /// `Proximus` and `Telenet` is Orange Belgium. The parent's own mentions and unknown names do not count.
    fn unit_of_peers(
        &self,
        found: &[Found],
        parent: Option<usize>,
        units: &[usize],
    ) -> Option<usize> {
        let mut peers = found
            .iter()
            .filter_map(|g| g.entry)
            .filter(|&e| Some(e) != parent)
            .collect::<Vec<_>>();
        peers.sort_unstable();
        peers.dedup();
        if peers.len() < MIN_PEERS {
            return None;
        }
        let country = self.majority_country(&peers)?;
        let mut local = units.iter().copied().filter(|&u| {
            let unit = &self.entries[u];
            unit.local && unit.country.as_deref() == Some(country)
        });
        let unit = local.next()?;
        local.next().is_none().then_some(unit)
    }

    /// The country of at least [`MIN_PEERS`] of `peers` that outnumber all the others
    /// together: `Proximus` and `Telenet` beside the Romanian `Digi` are still a Belgian
    /// market; two Belgian and two foreign companies are not.
    fn majority_country(&self, peers: &[usize]) -> Option<&str> {
        let country_of = |p: usize| self.entries[p].country.as_deref();
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        for &p in peers {
            *counts.entry(country_of(p).unwrap_or("")).or_default() += 1;
        }
        let (country, count) = counts.into_iter().max_by_key(|&(c, n)| (n, c))?;
        (!country.is_empty() && count >= MIN_PEERS && 2 * count > peers.len()).then_some(country)
    }

    /// Whether a parent word (`filiale`, `moederbedrijf`) stands shortly before `start`,
    /// in the same sentence.
    fn after_parent_words(&self, text: &str, start: usize) -> bool {
        let from = floor_boundary(text, start.saturating_sub(PARENT_REACH));
        let before = &text[from..start];
        let clause = before.rsplit(['.', ';', '!', '?']).next().unwrap_or(before);
        let clause = clause.to_lowercase();
        self.parent_words
            .iter()
            .any(|w| clause.contains(w.as_str()))
    }
}
