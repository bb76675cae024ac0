//! The shared company gazetteer (`src/lang/gazetteer.tsv`): parsing and surface forms.
//!
//! One company a line, tab-separated: `canonical`, `aliases` (`|`-separated), `country`
//! (ISO 3166 alpha-2), `ticker`, `flags` (comma-separated). Empty fields may be left out
//! at the end of a line; `#` starts a comment line. An alias written `~Total` is a common
//! word only in that form (`TotalEnergies` is safe, `Total` is not). An alias written
//! `=Metro` is a namesake: another entry's name, this company's only where the article's
//! country or an adjective of origin says so (`origins.rs`). Flags:
//! - `common`: the canonical name is also a common word (`Orange`, `Shell`); it counts only
//!   when capitalized and in a company context. Aliases are common only when marked `~`.
//! - `surname`: the name is also a family name (`Ford`, `Peugeot`); it does not count right
//!   after another capitalized word (`Harrison Ford`).
//! - `market`: the name is also a stock market or an index (`Nasdaq`, `Dow Jones`); after
//!   an article or before a number it is the market (`de Nasdaq`, `le Dow Jones`, `Stoxx 600`).
//! - `place`: the name is also a place or region (`Randstad`, the Dutch conurbation); after
//!   an article it is the place (`de Randstad`), as a market name is the market.
//! - `brand`: the name is mostly a product brand of another company (`Stella Artois`,
//!   `Biscoff`, `Hennessy`): it counts only when a cue names it as a company (`brouwerij
//!   Amstel`, `la maison Hennessy`), never from a company nearby (`AB InBev verkocht meer
//!   Corona`), which names the brand's owner, not the brand.
//! - `local`: the entry is its parent's business in one country (`Orange Belgium`, the
//!   parent `Orange`): a bare parent name in a text whose other known companies all come
//!   from that country, at least two of them, is this unit (`Proximus, Telenet en Orange`).

use std::sync::{Arc, OnceLock};

use rustc_hash::{FxHashMap, FxHashSet};

/// One company of the gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The canonical name, as reported in facts.
    pub name: String,
    /// ISO 3166 alpha-2 country of the headquarters, when known.
    pub country: Option<String>,
    /// Main stock ticker, when known.
    pub ticker: Option<String>,
    /// Names another entry holds (written `=Metro`): this company's only where the text
    /// gives its country (`Metro` in Québec news is Metro inc., not Metro AG).
    pub namesakes: Vec<String>,
    /// The canonical name is also a common word: it needs a company context.
    pub common: bool,
    /// The name is also a family name: not after a capitalized first name.
    pub surname: bool,
    /// The name is also a stock market or an index: not after an article or before a number.
    pub market: bool,
    /// The name is also a place or region: not after an article.
    pub place: bool,
    /// The name is mostly a product brand: only a cue makes it a company.
    pub brand: bool,
    /// The parent's business in one country: among that country's companies, the bare
    /// parent name stands for it.
    pub local: bool,
}

/// The parsed gazetteer: entries and every surface form pointing to its entry.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    /// The companies, in file order.
    pub entries: Vec<Entry>,
    /// Every surface form: the form, its index into `entries` (the first entry to claim a
    /// form keeps it), and whether the form is a common word needing company context.
    pub surfaces: Vec<Surface>,
}

/// One surface form of a gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Surface {
    /// The text as matched (case-sensitive).
    pub form: String,
    /// Index into [`Gazetteer::entries`].
    pub entry: usize,
    /// A common word as well: it counts only in a company context.
    pub common: bool,
}

/// A gazetteer ready for the engines. The parts every language only reads are shared
/// (`Arc`): each language's engine used to copy them.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The companies, in file order.
    pub entries: Arc<[Entry]>,
    /// Every surface form, as in [`Gazetteer::surfaces`].
    pub surfaces: Vec<Surface>,
    /// Each surface's form in lower case, in the order of `surfaces`.
    pub lowered: Arc<[String]>,
    /// Every surface form in lower case, to recognize a long name however it is
    /// capitalized.
    pub known_forms: Arc<FxHashSet<String>>,
}

impl Prepared {
    fn new(gazetteer: Gazetteer) -> Prepared {
        let lowered: Vec<String> = gazetteer
            .surfaces
            .iter()
            .map(|s| s.form.to_lowercase())
            .collect();
        let known_forms = lowered.iter().cloned().collect();
        Prepared {
            entries: gazetteer.entries.into(),
            surfaces: gazetteer.surfaces,
            lowered: lowered.into(),
            known_forms: Arc::new(known_forms),
        }
    }
}

/// Parses and prepares the gazetteer text; the built-in gazetteer, which every language
/// shares, is parsed once per process.
pub fn prepare_shared(tsv: &str) -> Result<Prepared, String> {
    static BUILT_IN: OnceLock<Result<Prepared, String>> = OnceLock::new();
    if tsv == crate::lang::GAZETTEER {
        return BUILT_IN
            .get_or_init(|| parse(tsv).map(Prepared::new))
            .clone();
    }
    parse(tsv).map(Prepared::new)
}

/// Parses the gazetteer text; an error names the line.
pub fn parse(tsv: &str) -> Result<Gazetteer, String> {
    let lines = tsv.lines().count();
    let mut gazetteer = Gazetteer {
        entries: Vec::with_capacity(lines),
        surfaces: Vec::with_capacity(lines * 2),
    };
    let mut seen: FxHashMap<String, usize> =
        FxHashMap::with_capacity_and_hasher(lines * 2, Default::default());
    for (number, line) in tsv.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let entry_index = gazetteer.entries.len();
        let (entry, names) =
            parse_line(line).map_err(|e| format!("gazetteer line {}: {e}", number + 1))?;
        for (i, name) in names.iter().enumerate() {
            let (name, marked) = match name.strip_prefix('~') {
                Some(rest) => (rest, true),
                None => (*name, false),
            };
            let common = marked || (i == 0 && entry.common);
            for_each_variant(name, |form| {
                if !seen.contains_key(form) {
                    gazetteer.surfaces.push(Surface {
                        form: form.to_string(),
                        entry: entry_index,
                        common,
                    });
                    seen.insert(form.to_string(), entry_index);
                }
            });
        }
        gazetteer.entries.push(entry);
    }
    Ok(gazetteer)
}

/// Splits one line into its entry and the names written on it (canonical first).
fn parse_line(line: &str) -> Result<(Entry, Vec<&str>), String> {
    let mut fields = [""; 5];
    let mut count = 0;
    for field in line.split('\t') {
        if let Some(slot) = fields.get_mut(count) {
            *slot = field.trim();
        }
        count += 1;
    }
    if count > 5 {
        return Err(format!("{count} fields, at most 5"));
    }
    let field = |i: usize| fields.get(i).copied().filter(|f| !f.is_empty());
    let name = field(0).ok_or("empty canonical name")?;
    let mut names = vec![name];
    let mut namesakes = Vec::new();
    for alias in field(1)
        .into_iter()
        .flat_map(|a| a.split('|'))
        .map(str::trim)
    {
        match alias.strip_prefix('=') {
            Some(namesake) => namesakes.push(namesake.to_string()),
            None if !alias.is_empty() => names.push(alias),
            None => {}
        }
    }
    let mut entry = Entry {
        name: name.to_string(),
        country: field(2).map(String::from),
        ticker: field(3).map(String::from),
        namesakes,
        common: false,
        surname: false,
        market: false,
        place: false,
        brand: false,
        local: false,
    };
    for flag in field(4).unwrap_or("").split(',').map(str::trim) {
        match flag {
            "" => {}
            "common" => entry.common = true,
            "surname" => entry.surname = true,
            "market" => entry.market = true,
            "place" => entry.place = true,
            "brand" => entry.brand = true,
            "local" => entry.local = true,
            other => return Err(format!("unknown flag `{other}`")),
        }
    }
    if let Some(country) = &entry.country {
        if country.len() != 2 || !country.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(format!(
                "country `{country}` is not an ISO 3166 alpha-2 code"
            ));
        }
    }
    Ok((entry, names))
}

/// Calls `add` with each surface form of one written name, in order: itself, with the other apostrophe, and with a
/// lower-case elided article (`l'Oréal`). No all-capitals forms: in capitals, family names
/// and common words (`M. SCHNEIDER`, `VALEURS`) outnumber companies.
fn for_each_variant(name: &str, mut add: impl FnMut(&str)) {
    add(name);
    let other = if name.contains('\'') {
        Some(name.replace('\'', "’"))
    } else if name.contains('’') {
        Some(name.replace('’', "'"))
    } else {
        None
    };
    if let Some(other) = &other {
        add(other);
    }
    for form in std::iter::once(name).chain(other.as_deref()) {
        if let Some(rest) = form
            .strip_prefix('L')
            .filter(|r| r.starts_with(['\'', '’']))
        {
            add(&format!("l{rest}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn brand_flag_is_parsed_with_others() {
        let g =
            parse("Corona\t\tMX\t\tcommon,brand\nAmstel\t\tNL\t\tbrand\nAB InBev\t\tBE\n").unwrap();
        let flags: Vec<(bool, bool)> = g.entries.iter().map(|e| (e.brand, e.common)).collect();
        assert_eq!(flags, [(true, true), (true, false), (false, false)]);
    }

    #[test]
    fn local_flag_is_parsed() {
        let g = parse("Orange Belgium\t\tBE\tOBEL\tlocal\nOrange\t\tFR\tORA\tcommon\n").unwrap();
        let flags: Vec<(bool, bool)> = g.entries.iter().map(|e| (e.local, e.common)).collect();
        assert_eq!(flags, [(true, false), (false, true)]);
    }

    #[test]
    fn parses_fields_flags_and_aliases() {
        let g = parse("# comment\nPhilips\tKoninklijke Philips|Philips N.V.\tNL\tPHIA\n\nOrange\t\tFR\tORA\tcommon\nNasdaq\t\tUS\t\tmarket\n")
            .unwrap();
        assert_eq!(g.entries.len(), 3);
        assert!(g.entries[2].market && !g.entries[1].market);
        let place = parse("Randstad\tRandstad Holding\tNL\tRAND\tplace\n").expect("parses");
        assert!(place.entries[0].place && !place.entries[0].market);
        assert_eq!(g.entries[0].ticker.as_deref(), Some("PHIA"));
        assert_eq!(g.entries[0].country.as_deref(), Some("NL"));
        assert!(g.entries[1].common && !g.entries[0].common);
        let forms: Vec<&str> = g.surfaces.iter().map(|s| s.form.as_str()).collect();
        assert!(forms.contains(&"Koninklijke Philips"));
        assert!(forms.contains(&"Orange"));
        assert!(!forms.contains(&"PHILIPS"), "no capitals forms");
    }

    #[test]
    fn tilde_marks_one_alias_as_common() {
        let g = parse("TotalEnergies\t~Total|Total SA\tFR\tTTE\n").unwrap();
        let common = |f: &str| g.surfaces.iter().find(|s| s.form == f).map(|s| s.common);
        assert_eq!(common("TotalEnergies"), Some(false));
        assert_eq!(common("Total"), Some(true));
        assert_eq!(common("Total SA"), Some(false));
        assert_eq!(common("~Total"), None);
    }

    #[test]
    fn elided_names_get_both_apostrophes_and_lower_case_article() {
        let g = parse("L'Oréal\t\tFR\tOR\n").unwrap();
        let forms: Vec<&str> = g.surfaces.iter().map(|s| s.form.as_str()).collect();
        for form in ["L'Oréal", "L’Oréal", "l'Oréal", "l’Oréal"] {
            assert!(forms.contains(&form), "{form} missing from {forms:?}");
        }
    }

    #[test]
    fn rejects_bad_lines() {
        assert!(parse("\tAlias\n").unwrap_err().contains("line 1"));
        assert!(parse("X\t\tNLD\n").unwrap_err().contains("ISO 3166"));
        assert!(parse("X\t\t\t\tweird\n")
            .unwrap_err()
            .contains("unknown flag"));
    }

    #[test]
    fn namesakes_are_no_surface_of_their_own() {
        let g = parse("Metro AG\t~Metro\tDE\nMetro inc.\t=Metro\tCA\n").unwrap();
        assert_eq!(g.entries[1].namesakes, ["Metro"]);
        let metro: Vec<usize> = g
            .surfaces
            .iter()
            .filter(|s| s.form == "Metro")
            .map(|s| s.entry)
            .collect();
        assert_eq!(metro, [0]);
    }

    #[test]
    fn shipped_gazetteer_is_large_and_clean() {
        let g = parse(crate::lang::GAZETTEER).unwrap();
        assert!(g.entries.len() >= 3000, "{} entries", g.entries.len());
        let mut names = std::collections::HashSet::new();
        for e in &g.entries {
            assert!(names.insert(e.name.as_str()), "duplicate entry {}", e.name);
        }
        // Every explicitly written name belongs to exactly one company.
        let mut owner: HashMap<String, String> = HashMap::new();
        let lines = crate::lang::GAZETTEER.lines();
        for line in lines.filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let (entry, written) = parse_line(line).unwrap();
            for w in written
                .iter()
                .map(|w| w.trim_start_matches('~').to_string())
            {
                if let Some(prev) = owner.insert(w.clone(), entry.name.clone()) {
                    assert_eq!(prev, entry.name, "`{w}` is written for two companies");
                }
            }
        }
    }

    #[test]
    fn shared_parse_equals_a_fresh_one() {
        let fresh = parse(crate::lang::GAZETTEER).unwrap();
        for _ in 0..2 {
            let shared = prepare_shared(crate::lang::GAZETTEER).unwrap();
            assert_eq!(
                (&shared.entries[..], &shared.surfaces),
                (&fresh.entries[..], &fresh.surfaces)
            );
            assert_eq!(shared.lowered.len(), fresh.surfaces.len());
        }
        let other = prepare_shared("Acme Holding\tAcme\n").unwrap();
        assert_eq!(other.entries.len(), 1);
        assert_eq!(other.surfaces.len(), 2);
        assert_eq!(&other.lowered[..], ["acme holding", "acme"]);
        assert!(other.known_forms.contains("acme"));
        assert!(prepare_shared("X\t\t\t\tweird\n").is_err());
    }
}
