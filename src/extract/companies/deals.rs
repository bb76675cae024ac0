//! The parties of a deal: `overname van X door Y`, `rachat de X par Y`.

use super::{
    ends_with_word, floor_boundary, names,
    names::{name_run, name_run_before},
    CompanyEngine, Found,
};

/// The longest deal object looked for before an agent word, in bytes.
const MAX_DEAL_OBJECT: usize = 60;

impl CompanyEngine {
    /// Adds the parties of a deal named as `overname van X door Y` / `rachat de X par Y`:
    /// when both X and Y are names and neither reads as a person's, both are companies
    /// (`de overname van Ennismore door Accor`; not `de overname van Twitter door Elon
    /// Musk`). A company found already counts as a name; a unit after it is skipped
    /// (`Vodafone Espagne`).
    pub(super) fn add_deal_parties(&self, text: &str, found: &mut Vec<Found>) {
        // A deal is found by its agent word (SIMD search), then the object's name and the
        // deal noun before it: a whole-text search for the nouns cost 24 M instructions on
        // 400 articles, this a tenth of it.
        let mut objects: Vec<usize> = Vec::new();
        for finder in &self.deal_agent_finders {
            for at in finder.find_iter(text.as_bytes()) {
                if let Some(object) = self.object_before_agent(text, at + finder.needle().len()) {
                    objects.push(object);
                }
            }
        }
        objects.sort_unstable();
        objects.dedup();
        let mut parties = Vec::new();
        for start in objects {
            let Some((object_end, object)) = self.deal_party(text, found, start) else {
                continue;
            };
            let rest = &text[object_end..];
            let Some(agent) = self
                .deal_agents
                .iter()
                .find(|a| rest.starts_with(a.as_str()))
            else {
                continue;
            };
            let Some((_, buyer)) = self.deal_party(text, found, object_end + agent.len()) else {
                continue;
            };
            parties.extend(object.into_iter().chain(buyer));
        }
        parties.retain(|p| !found.iter().any(|f| f.start == p.start));
        found.append(&mut parties);
    }

    /// Whether a deal noun (`overname van`, `rachat d'`) ends right before `start`.
    fn after_deal_noun(&self, text: &str, start: usize) -> bool {
        ends_with_word(&text[..start], &self.deal_nouns)
    }

    /// The start of a deal's object named right before the agent word that ends before
    /// `buyer` (`rachat d'Ennismore par` before `Accor`).
    fn object_before_agent(&self, text: &str, buyer: usize) -> Option<usize> {
        let head = &text[..buyer];
        let agent = self
            .deal_agents
            .iter()
            .find(|a| head.ends_with(a.as_str()))?;
        let object_end = buyer - agent.len();
        let floor = object_end.saturating_sub(MAX_DEAL_OBJECT);
        let floor = floor_boundary(text, floor);
        let start = name_run_before(text, object_end, floor).or_else(|| {
            // An elided object: `rachat d'Ennismore par`.
            let head = &text[floor..object_end];
            let apostrophe = head.rfind(['\'', '’'])?;
            let after = floor + apostrophe + head[apostrophe..].chars().next()?.len_utf8();
            names::name_token(text, after)
                .filter(|&end| end == object_end)
                .map(|_| after)
        })?;
        self.after_deal_noun(text, start).then_some(start)
    }

    /// Where the deal party named at `start` ends, and the party as a new company when
    /// it is an unknown name that is no person's. A company found there already has
    /// the unit name after it included in its reach (`Vodafone Espagne`).
    fn deal_party(
        &self,
        text: &str,
        found: &[Found],
        start: usize,
    ) -> Option<(usize, Option<Found>)> {
        if let Some(known) = found.iter().find(|f| f.start == start) {
            let unit_end = text[known.end..]
                .strip_prefix(' ')
                .and_then(|_| names::name_token(text, known.end + 1))
                .filter(|&e| self.name_followers.contains(&text[known.end + 1..e]));
            return Some((unit_end.unwrap_or(known.end), None));
        }
        let end = name_run(text, start, text.len(), |t| self.stops_name(t))?;
        let name = &text[start..end];
        let party = Found {
            start,
            end,
            entry: None,
            name_end: end,
        };
        (self.plausible(name) && !self.person_name(name)).then_some((end, Some(party)))
    }
}
