//! The tense of the sentence around a date, from per-language cue lists (`[tense]` in
//! `src/lang/<code>/dates.toml`). As in HeidelTime's news strategy, it picks the year
//! of a yearless month or day: past tense the most recent occurrence, future tense the
//! next one. Only the nearest cue counts; without one the anchor's year stays.

use super::lexicon::short_key;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use smol_str::{SmolStr, StrExt};

/// How far around a date the sentence is looked at, in bytes.
const REACH: usize = 320;

/// The tense of a sentence, as far as the cues tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// A past verb form (`werd`, `a chuté`).
    Past,
    /// A future verb form (`zal`, `sera`, `va baisser`).
    Future,
    /// No cue, a neutral one (`gepland`, `prévu`) or conflicting ones.
    Unknown,
}

/// The raw tense cues of one language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenseLexicon {
    /// Finite past forms (`was`, `werden`, `était`).
    #[serde(default)]
    pub past: Vec<String>,
    /// Finite future forms (`zal`, `sera`).
    #[serde(default)]
    pub future: Vec<String>,
    /// Endings of future forms (`-era`, `-ront`), for lowercase words of 5+ letters.
    #[serde(default)]
    pub future_endings: Vec<String>,
    /// Words that are no future form despite their ending (`front`).
    #[serde(default)]
    pub not_future: Vec<String>,
    /// Endings of past forms (`-aient`, `-èrent`), for lowercase words of 5+ letters.
    #[serde(default)]
    pub past_endings: Vec<String>,
    /// Words that are no past form despite their ending (`conditionnel -raient`).
    #[serde(default)]
    pub not_past: Vec<String>,
    /// Verbs that make a future with an infinitive (`gaat`, `va`).
    #[serde(default)]
    pub going_to: Vec<String>,
    /// Endings of infinitives (`-en`, `-er`).
    #[serde(default)]
    pub infinitive_endings: Vec<String>,
    /// Auxiliaries that make a past with a participle (`heeft`, `ont`).
    #[serde(default)]
    pub auxiliaries: Vec<String>,
    /// Auxiliaries that make a past only after a reflexive pronoun (French `s'est tenu`;
    /// `est prévu` alone is a present passive).
    #[serde(default)]
    pub reflexive_auxiliaries: Vec<String>,
    /// Reflexive pronouns before those (`s`, `se`).
    #[serde(default)]
    pub reflexive_pronouns: Vec<String>,
    /// Participles of verbs that make their past with those auxiliaries, with no
    /// passive (`est tombé`, `sont arrivées`).
    #[serde(default)]
    pub motion_participles: Vec<String>,
    /// Whether the participle must follow its auxiliary directly (French `a chuté`),
    /// rather than anywhere in the sentence (Dutch `is in maart gestegen`).
    #[serde(default)]
    pub participle_follows: bool,
    /// Words allowed between an auxiliary or `going_to` verb and its verb (`pas`, `déjà`).
    #[serde(default)]
    pub adverbs: Vec<String>,
    /// Participle prefixes (`ge`, `aange`); empty: any.
    #[serde(default)]
    pub participle_prefixes: Vec<String>,
    /// Participle endings (`d`, `t`, `é`, `is`).
    #[serde(default)]
    pub participle_endings: Vec<String>,
    /// Participles of other shapes (`gestegen`, `ouvert`).
    #[serde(default)]
    pub participles: Vec<String>,
    /// Words of participle shape that are none (`gebied`, `aussi`).
    #[serde(default)]
    pub not_participles: Vec<String>,
    /// Reporting verbs (`zei`, `a indiqué`): the time of the telling, not of the told,
    /// so they count only in the date's own clause (`en mars, a-t-il dit` does not).
    #[serde(default)]
    pub reporting: Vec<String>,
    /// Verbs of plans, whose time is open (`gepland`, `prévu`): the nearest cue says nothing.
    #[serde(default)]
    pub neutral: Vec<String>,
    /// Participles that move a date on (`reporté`, `prolongé`): the act may be past, but
    /// the date moved to and the one planned before lie ahead (`le concert, prévu le 12
    /// juin, a été reporté à l'automne`), so they are future cues, and so is the past
    /// auxiliary before one (`été` in `a été reporté`).
    #[serde(default)]
    pub postponing: Vec<String>,
    /// Participles of setting a date (`fixé`, `convoqué`): before a link of
    /// [`Self::scheduling_links`] right before the date (`a fixé l'audience au 9
    /// décembre`, `a convoqué des législatives pour le 16 novembre`), the date is the one
    /// set, whose time the past of the setting does not tell (with or without its
    /// auxiliary: `l'audience, fixée au 9 décembre` is planned, as `prévue` is).
    #[serde(default)]
    pub scheduling: Vec<String>,
    /// The words right before a date set so (`au`, `pour le`); a link elsewhere (`était
    /// fixé à vendredi`) leaves the tense to the cues.
    #[serde(default)]
    pub scheduling_links: Vec<String>,
    /// Past modals of a plan (`devait`, `devaient`): a date of the plan lies ahead when a
    /// postponing participle follows in the sentence (`Le procès, qui devait s'ouvrir
    /// mercredi, a été reporté au 3 février`); elsewhere they tell a past as their ending
    /// does (`qui devait se tenir en février, aura finalement lieu`).
    #[serde(default)]
    pub planning_modals: Vec<String>,
    /// Words that open a subordinate or relative clause (`dat`, `omdat`, `que`, `où`): a
    /// date after one follows its own clause's tense (`heeft aangekondigd dat de fabriek
    /// in september sluit`), the main clause's only when its own has no cue.
    #[serde(default)]
    pub clause_openers: Vec<String>,
    /// Relative pronouns (`qui`, `die`): a clause opened by one between two commas is
    /// inserted, and its verb is not the main clause's (`L'exposition, qui a attiré 80 000
    /// visiteurs, ferme dimanche`: the coming Sunday).
    #[serde(default)]
    pub relative_pronouns: Vec<String>,
    /// Auxiliaries of the future (`zal`, `sera`), unlike other future cues (`volgende`): in
    /// the date's clause one says the period is ahead, not reported on (`dat de omzet in de
    /// tweede jaarhelft lager zal uitvallen`, said in June: this year's).
    #[serde(default)]
    pub future_auxiliaries: Vec<String>,
    /// Prepositions that make a bare year the time of its sentence (`in 2022`, `en
    /// 2019`), unlike a year that names a topic (`de cijfers over 2022`).
    #[serde(default)]
    pub year_prepositions: Vec<String>,
    /// Words just before a date that announce it when its own clause tells no tense
    /// (`de regel geldt vanaf 1 januari`, `besliste dat de maatregel vanaf maandag geldt`,
    /// `les organisateurs se préparent pour samedi`).
    #[serde(default)]
    pub announcing: Vec<String>,
    /// Words after a deadline that give its purpose (`tijd tot eind februari om te
    /// reageren`): the deadline as stated, whatever the tense of the giving.
    #[serde(default)]
    pub purposes: Vec<String>,
    /// Words that link a date to its clock time (`à`, `om`): with a number and one of
    /// [`Self::time_of_day_units`] right after a weekday (`samedi à 20 h`), a time set
    /// ahead in a listing or an announcement.
    #[serde(default)]
    pub time_of_day_links: Vec<String>,
    /// Units of a clock time (`h`, `heures`, `uur`), after its number (`20 h`, `20h30`).
    #[serde(default)]
    pub time_of_day_units: Vec<String>,
    /// Links between a name and a weekday that make the weekday an edition's day, one past
    /// (`de krant De Tijd van vrijdag`): after a capitalised word, not a coming day.
    #[serde(default)]
    pub edition_links: Vec<String>,
    /// Endings of nouns of an outcome (`nederlaag`, `zege`, `défaite`, also closing a
    /// compound: `thuisnederlaag`, `1-4-zege`): before a link of [`Self::outcome_links`] and
    /// a weekday, an event over (`na de nederlaag van woensdag moet ...`, `après la défaite
    /// de mercredi, le club reçoit Genk dimanche`), as a score is (`de 2-2 van woensdag`).
    #[serde(default)]
    pub outcome_nouns: Vec<String>,
    /// The links between an event's noun and its weekday (`van`, `de`, `du`).
    #[serde(default)]
    pub outcome_links: Vec<String>,
    /// A preposition and an article before an event's noun that place it before the telling
    /// (`na de verkiezingen van zondag moet ...`), unless a future auxiliary follows.
    #[serde(default)]
    pub aftermath_links: Vec<String>,
    /// Conditionals of `être` (`serait`, `seraient`): before a participle not of motion, a
    /// passive told as a plan or a reported future (`89 000 policiers seraient mobilisés
    /// samedi`, `la fusion serait annoncée mardi`): the date lies ahead. With a participle
    /// of motion or a reflexive pronoun it is an alleged past (`il serait arrivé jeudi`,
    /// `il se serait rendu jeudi`), told by the other cues.
    #[serde(default)]
    pub conditional_auxiliaries: Vec<String>,
    /// Links from a participle to its agent (`par`): a participle with no auxiliary
    /// followed by its agent tells an act done, so a date after the agent is past (`les
    /// mesures annoncées par Emmanuel Macron lundi soir, ... vont se chiffrer`).
    #[serde(default)]
    pub agent_links: Vec<String>,
    /// Participles of acts that are done once told (publishing, events, crimes: `publié`,
    /// `survenu`, `commis`): with no verb before them, right before a date, they tell the
    /// day it was done, past (`reportées par un décret publié lundi`, `l'accident survenu
    /// le 2 août`). Other participles alone may name a plan (`les manifestations annoncées
    /// samedi`).
    #[serde(default)]
    pub done_acts: Vec<String>,
    /// Words that open an agent after its link (articles, possessives; a capitalised name
    /// opens one too): `par le gouvernement`, not `par ailleurs`, `par jour`. An article
    /// may also stand between a done act and its date (`survenu le 2 août`).
    #[serde(default)]
    pub agent_openers: Vec<String>,
    /// First words of a date that names the extent of what a participle made, not the
    /// act's day (`la consultation lancée par le gouvernement jusqu'en mars`, `proposée par
    /// Emmanuel Macron à partir du 15 janvier`).
    #[serde(default)]
    pub extent_openers: Vec<String>,
    /// Words that make the weekday right after them a target, ahead of its telling whatever
    /// the tense (`a émis une alerte orange pour samedi après-midi`, `des restrictions ont
    /// été décidées pour samedi`), unless a past auxiliary stands in its clause (`avait
    /// appelé à manifester pour samedi` may be a Saturday gone).
    #[serde(default)]
    pub targets: Vec<String>,
    /// Participles of moving a date (`verplaatst`, `uitgesteld`): a date after one, or after
    /// one and a link of [`Self::postponement_links`], is the new one, ahead whatever the
    /// tense of the moving (`is verplaatst naar 14 maart`). So is the end of a validity
    /// (`valable jusqu'à jeudi soir`).
    #[serde(default)]
    pub postponements: Vec<String>,
    /// Words after which a listed verb form is a noun and tells no tense (`van start ging`,
    /// `de start`).
    #[serde(default)]
    pub noun_markers: Vec<String>,
    /// Present forms that are also the past of another verb (`staken`: "strike", and the
    /// past of `steken`), read as that past when a word of [`Self::past_complements`]
    /// follows in their clause (`staken zondagnacht een auto in brand`).
    #[serde(default)]
    pub past_readings: Vec<String>,
    /// See [`Self::past_readings`]: complements and particles of the other verb.
    #[serde(default)]
    pub past_complements: Vec<String>,
    /// Links between a postponement and its new date (`naar`, `tot`).
    #[serde(default)]
    pub postponement_links: Vec<String>,
    /// Endings any past form may have (Dutch weak `-de`, `-te`), not cues: a sentence
    /// with no word of such an ending, no participle and no cue is a present (see
    /// [`TenseCues::reads_as_present`]). Empty: no sentence is read so.
    #[serde(default)]
    pub weak_past_endings: Vec<String>,
    /// Words of such an ending that are no verb (`grote`, `tweede`).
    #[serde(default)]
    pub not_weak_past: Vec<String>,
    /// Longer endings that make no past (`-ste`).
    #[serde(default)]
    pub not_weak_past_endings: Vec<String>,
    /// Words that may be past forms or tell of a time before, and are no cue (`vroeg`
    /// "asked" or "early"): they too keep a sentence from reading as a present.
    #[serde(default)]
    pub maybe_past: Vec<String>,
    /// Endings of strong participles after a participle prefix (`aangehouden`,
    /// `meegedaan`), which keep a sentence from reading as a present.
    #[serde(default)]
    pub strong_participle_endings: Vec<String>,
    /// Whether a participle keeps a sentence from reading as a present even without an
    /// auxiliary: a French one alone qualifies a noun with its past (`la vidéo diffusée
    /// mardi`), where a Dutch one with `wordt` is a present passive. (Nouns of participle
    /// shape, `les députés`, then keep a sentence from reading so too: precision first.)
    #[serde(default)]
    pub participle_alone_past: bool,
    /// Nouns of reported figures (`cijfers`, `resultaten`): a yearless quarter or half
    /// after one and [`Self::results_links`] is the one that has ended (`de cijfers over
    /// het derde kwartaal worden dinsdag bekendgemaakt`, said in October).
    #[serde(default)]
    pub results_nouns: Vec<String>,
    /// The words between such a noun and the period (`van`, `over`, `het`).
    #[serde(default)]
    pub results_links: Vec<String>,
    /// How many months into the next year a yearless day or month said without a tense
    /// cue is the coming one (`legt in januari de eed af`, said in December); 0: none.
    #[serde(default)]
    pub next_year_months: u32,
    /// How many months back into the last year a yearless day or month said without a
    /// tense cue early in the year is the one just past (`Fin décembre, la dette
    /// atteint…`, said in January); 0: none.
    #[serde(default)]
    pub last_year_months: u32,
    /// Endings of the conditional (`-rait`, `-raient`), a future seen from the telling: in
    /// a clause under a pluperfect report (`avait promis que la réforme entrerait en
    /// vigueur le 1er juillet`) that telling lies well back, so the date may have passed
    /// and the conditional tells no tense.
    #[serde(default)]
    pub conditional_endings: Vec<String>,
    /// Words opening a deadline that lies ahead of its telling (`d'ici`: `a annoncé mardi
    /// la fermeture de l'usine d'ici fin juin`, said in March: this June), whatever the
    /// telling's tense, unless a pluperfect tells of a telling long past (`avait promis des
    /// élections d'ici fin novembre`).
    #[serde(default)]
    pub ahead_of_telling: Vec<String>,
    /// Words opening a deadline whose time its own clause tells (`uiterlijk`, `ten laatste`,
    /// `tegen`): with no past cue there it lies ahead of the telling, a past elsewhere in
    /// the sentence aside (`De controle wordt ten laatste op 30 juni actief, zei de
    /// minister; een eerste datum werd niet gehaald`, said in April: this June).
    #[serde(default)]
    pub clause_deadlines: Vec<String>,
    /// How many months into the next year a yearless day or month set by a plan (see
    /// [`Self::scheduling`]) is the coming one: a plan's date lies ahead of its setting,
    /// which news tells soon after (`kondigde in november acties aan voor 3 maart`: next
    /// March). 0: no more than [`Self::next_year_months`].
    #[serde(default)]
    pub scheduled_next_year_months: u32,
}

/// The compiled tense cues of one language.
#[derive(Debug, Default)]
pub struct TenseCues {
    /// Every listed word with all its roles, so a sentence word is looked up once.
    classes: Classes,
    lex: TenseLexicon,
    /// The ending and prefix lists, with byte gates (`lex`'s lists, compiled).
    future_endings: Affixes,
    past_endings: Affixes,
    weak_past_endings: Affixes,
    not_weak_past_endings: Affixes,
    strong_participle_endings: Affixes,
    infinitive_endings: Affixes,
    participle_endings: Affixes,
    participle_prefixes: Affixes,
    conditional_endings: Affixes,
    /// Whether any cue word or auxiliary is listed at all.
    has_cues: bool,
    /// `lex.aftermath_links` split into their preposition and article (`na`, `de`), once.
    aftermath_links: Vec<(String, String)>,
}

/// Endings or prefixes of words, with a bit set of their last (or first) bytes: most
/// words are turned away by one bit test, the rest compared without a call.
#[derive(Debug, Default)]
struct Affixes {
    list: Vec<String>,
    /// The bytes the affixes end with (endings) or begin with (prefixes).
    edge_bytes: [u64; 4],
    /// Whether an affix is empty (and so matches any word).
    has_empty: bool,
    /// For endings: the last bytes of the one-byte endings, and as bits by `256 * b1 +
    /// b2`, the last two bytes `b1 b2` of the longer ones (a second gate).
    one_byte_edges: [u64; 4],
    last_pairs: Vec<u64>,
}

impl Affixes {
    fn endings(list: &[String]) -> Affixes {
        Affixes::new(list, |a| a.as_bytes().last().copied())
    }

    fn prefixes(list: &[String]) -> Affixes {
        Affixes::new(list, |a| a.as_bytes().first().copied())
    }

    fn new(list: &[String], edge: impl Fn(&str) -> Option<u8>) -> Affixes {
        let mut edge_bytes = [0; 4];
        for b in list.iter().filter_map(|a| edge(a)) {
            edge_bytes[usize::from(b >> 6)] |= 1u64 << (b & 63);
        }
        let mut one_byte_edges = [0; 4];
        let mut last_pairs = vec![0u64; 1024];
        for a in list.iter().map(|a| a.as_bytes()) {
            match a {
                [b] => one_byte_edges[usize::from(b >> 6)] |= 1u64 << (b & 63),
                [.., b1, b2] => {
                    let pair = usize::from(*b1) << 8 | usize::from(*b2);
                    last_pairs[pair >> 6] |= 1u64 << (pair & 63);
                }
                [] => {}
            }
        }
        Affixes {
            list: list.to_vec(),
            edge_bytes,
            has_empty: list.iter().any(String::is_empty),
            one_byte_edges,
            last_pairs,
        }
    }

    fn has_edge(&self, b: Option<&u8>) -> bool {
        b.is_some_and(|&b| self.edge_bytes[usize::from(b >> 6)] & (1u64 << (b & 63)) != 0)
    }

    /// Whether `word` ends with one of the affixes (an empty one matches any word).
    fn ends(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if !self.has_empty {
            if !self.has_edge(bytes.last()) {
                return false;
            }
            // No one-byte ending matches: a longer one must end with the word's last two.
            let one_byte = bytes.last().is_some_and(|&b| {
                self.one_byte_edges[usize::from(b >> 6)] & (1u64 << (b & 63)) != 0
            });
            let pair_listed = |pair: usize| self.last_pairs[pair >> 6] & (1u64 << (pair & 63)) != 0;
            if !one_byte {
                match bytes {
                    [.., b1, b2] if pair_listed(usize::from(*b1) << 8 | usize::from(*b2)) => {}
                    _ => return false,
                }
            }
        }
        self.list.iter().any(|a| {
            bytes.len() >= a.len() && same_bytes(&bytes[bytes.len() - a.len()..], a.as_bytes())
        })
    }

    /// Whether `word` begins with one of the affixes and has at least `rest` bytes after it.
    fn begins(&self, word: &str, rest: usize) -> bool {
        let bytes = word.as_bytes();
        if !self.has_edge(bytes.first()) && !self.has_empty {
            return false;
        }
        self.list
            .iter()
            .any(|a| bytes.len() >= a.len() + rest && same_bytes(&bytes[..a.len()], a.as_bytes()))
    }
}

/// Byte equality of two short slices of equal length, in line (no `memcmp` call).
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.iter().zip(b).all(|(x, y)| x == y)
}

/// The listed words with their roles, and by first byte the lengths (up to 63) of the
/// listed words starting with it, as bits (bit 63: longer): most sentence words are
/// turned away before hashing.
#[derive(Debug, Default)]
struct Classes {
    by_word: FxHashMap<String, Class>,
    /// The words of `by_word` up to 7 bytes (most), by [`short_key`]: hashed and
    /// compared as one number.
    by_short_key: FxHashMap<u64, Class>,
    shapes: Vec<u64>,
}

impl Classes {
    fn new(by_word: FxHashMap<String, Class>) -> Classes {
        let mut shapes = vec![0u64; 256];
        for word in by_word.keys() {
            if let Some(&b) = word.as_bytes().first() {
                shapes[usize::from(b)] |= length_bit(word.len());
            }
        }
        let by_short_key = by_word
            .iter()
            .filter_map(|(word, &class)| Some((short_key(word.as_bytes())?, class)))
            .collect();
        Classes {
            by_word,
            by_short_key,
            shapes,
        }
    }

    /// The roles of `word` (lowercase); none if it is not listed.
    fn of(&self, word: &str) -> Class {
        let listed_shape = word
            .as_bytes()
            .first()
            .is_some_and(|&b| self.shapes[usize::from(b)] & length_bit(word.len()) != 0);
        if !listed_shape {
            return Class::default();
        }
        let found = match short_key(word.as_bytes()) {
            Some(key) => self.by_short_key.get(&key),
            None => self.by_word.get(word),
        };
        found.copied().unwrap_or_default()
    }
}

/// The bit of a word length in [`Classes`]'s shapes (63: 63 bytes or more).
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// The roles of one listed word: its tense as a cue word and its list memberships.
#[derive(Debug, Default, Clone, Copy)]
struct Class {
    tense: Option<Tense>,
    roles: Roles,
}

/// How many bytes before a date its announcing word (`vanaf`) may start.
const ANNOUNCING_REACH: usize = 16;

/// How many words after a past reading its complement may come (`staken zondagnacht een
/// vrachtwagen in brand`).
const PAST_COMPLEMENT_WORDS: isize = 8;

/// How many bytes before a participle its auxiliary may start (`avaient été`).
const AUXILIARY_REACH: usize = 32;

/// How many bytes before a date its postponement and link may take (`opgeschoven naar `).
const POSTPONEMENT_REACH: usize = 32;

/// How many words after a deadline may come before its purpose word (`tot eind april de
/// tijd krijgt om`).
const PURPOSE_WORDS: usize = 4;
/// How many words before a date's scheduling link its scheduling participle may stand
/// (`convoqué des législatives anticipées pour le`; `kondigde maandag een verlenging van de
/// steunmaatregelen tot`).
const SCHEDULING_WORDS: usize = 8;
/// How many words after a planning modal its postponement may stand (`devait s'ouvrir
/// mercredi, a été reporté`).
const POSTPONEMENT_WORDS: isize = 8;
/// How many words before a date a participle followed by its agent may stand (`annoncées
/// par Emmanuel Macron lundi`: the participle, the link and a name of up to three words).
const AGENT_WORDS: isize = 5;
/// How many words after a weekday its clock time's link may stand (`mardi et mercredi à`).
const CLOCK_WORDS: usize = 3;
/// How many bytes after a weekday its clock time's number may start (`mardi et mercredi à
/// 20 h`).
const CLOCK_BYTES: usize = 40;

/// A listed word's list memberships, one bit per role below (room for 64).
type Roles = u64;

const AUXILIARY: Roles = 1;
const GOING_TO: Roles = 1 << 1;
const ADVERB: Roles = 1 << 2;
const PARTICIPLE: Roles = 1 << 3;
const NOT_PARTICIPLE: Roles = 1 << 4;
const REPORTING: Roles = 1 << 5;
const REFLEXIVE_AUXILIARY: Roles = 1 << 6;
const REFLEXIVE_PRONOUN: Roles = 1 << 7;
const NOT_PAST: Roles = 1 << 8;
const NOT_FUTURE: Roles = 1 << 9;
const CLAUSE_OPENER: Roles = 1 << 10;
const YEAR_PREPOSITION: Roles = 1 << 11;
const NOT_WEAK_PAST: Roles = 1 << 12;
const MAYBE_PAST: Roles = 1 << 13;
const MOTION_PARTICIPLE: Roles = 1 << 14;
const RESULTS_NOUN: Roles = 1 << 15;
const RESULTS_LINK: Roles = 1 << 16;
const ANNOUNCING: Roles = 1 << 17;
const PURPOSE: Roles = 1 << 18;
const EDITION_LINK: Roles = 1 << 19;
const POSTPONEMENT: Roles = 1 << 20;
const POSTPONEMENT_LINK: Roles = 1 << 21;
const NOUN_MARKER: Roles = 1 << 22;
const PAST_READING: Roles = 1 << 23;
const PAST_COMPLEMENT: Roles = 1 << 24;
const POSTPONING: Roles = 1 << 25;
const RELATIVE_PRONOUN: Roles = 1 << 26;
const FUTURE_AUXILIARY: Roles = 1 << 27;
const PLANNING_MODAL: Roles = 1 << 28;
const OUTCOME_LINK: Roles = 1 << 29;
const CONDITIONAL_AUXILIARY: Roles = 1 << 30;
// Bits 40 and up for session 15's French roles, apart from the Dutch work's.
const AGENT_LINK: Roles = 1 << 40;
const DONE_ACT: Roles = 1 << 41;
const AGENT_OPENER: Roles = 1 << 42;
const EXTENT_OPENER: Roles = 1 << 43;
const TARGET: Roles = 1 << 44;

/// One word of a sentence: its lowercase form, byte range, whether it was lowercase,
/// and its roles in the cue lists.
struct Word<'t> {
    folded: Folded<'t>,
    start: usize,
    end: usize,
    lowercase: bool,
    class: Class,
}

/// A word's lowercase form: the text itself for ASCII lowercase words (most of them), else
/// a [`SmolStr`] (inline up to 23 bytes, so no heap per word).
enum Folded<'t> {
    Text(&'t str),
    Lowered(SmolStr),
}

impl std::ops::Deref for Folded<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Folded::Text(word) => word,
            Folded::Lowered(word) => word,
        }
    }
}

impl Word<'_> {
    fn is(&self, role: Roles) -> bool {
        self.class.roles & role != 0
    }

    /// Whether the word is an auxiliary in the past (`had`, `avait`): a perfect's or a
    /// pluperfect's.
    fn is_past_auxiliary(&self) -> bool {
        self.is(AUXILIARY) && self.class.tense == Some(Tense::Past)
    }
}

impl TenseCues {
    /// Compiles the cue lists.
    pub fn new(lex: &TenseLexicon) -> TenseCues {
        let mut classes: FxHashMap<String, Class> = FxHashMap::default();
        // Later lists win a word's tense: a neutral word stays neutral.
        for (list, tense) in [
            (&lex.past, Tense::Past),
            (&lex.future, Tense::Future),
            (&lex.neutral, Tense::Unknown),
        ] {
            for w in list {
                classes.entry(w.to_lowercase()).or_default().tense = Some(tense);
            }
        }
        let roles = [
            (&lex.auxiliaries, AUXILIARY),
            (&lex.going_to, GOING_TO),
            (&lex.adverbs, ADVERB),
            (&lex.participles, PARTICIPLE),
            (&lex.not_participles, NOT_PARTICIPLE),
            (&lex.reporting, REPORTING),
            (&lex.reflexive_auxiliaries, REFLEXIVE_AUXILIARY),
            (&lex.reflexive_pronouns, REFLEXIVE_PRONOUN),
            (&lex.not_past, NOT_PAST),
            (&lex.not_future, NOT_FUTURE),
            (&lex.clause_openers, CLAUSE_OPENER),
            (&lex.year_prepositions, YEAR_PREPOSITION),
            (&lex.not_weak_past, NOT_WEAK_PAST),
            (&lex.maybe_past, MAYBE_PAST),
            (&lex.motion_participles, MOTION_PARTICIPLE),
            (&lex.results_nouns, RESULTS_NOUN),
            (&lex.results_links, RESULTS_LINK),
            (&lex.announcing, ANNOUNCING),
            (&lex.purposes, PURPOSE),
            (&lex.edition_links, EDITION_LINK),
            (&lex.conditional_auxiliaries, CONDITIONAL_AUXILIARY),
            (&lex.outcome_links, OUTCOME_LINK),
            (&lex.postponements, POSTPONEMENT),
            (&lex.postponement_links, POSTPONEMENT_LINK),
            (&lex.noun_markers, NOUN_MARKER),
            (&lex.past_readings, PAST_READING),
            (&lex.past_complements, PAST_COMPLEMENT),
            (&lex.postponing, POSTPONING),
            (&lex.planning_modals, PLANNING_MODAL),
            (&lex.relative_pronouns, RELATIVE_PRONOUN),
            (&lex.future_auxiliaries, FUTURE_AUXILIARY),
            (&lex.agent_links, AGENT_LINK),
            (&lex.done_acts, DONE_ACT),
            (&lex.agent_openers, AGENT_OPENER),
            (&lex.extent_openers, EXTENT_OPENER),
            (&lex.targets, TARGET),
        ];
        for (list, role) in roles {
            for w in list {
                classes.entry(w.to_lowercase()).or_default().roles |= role;
            }
        }
        TenseCues {
            classes: Classes::new(classes),
            future_endings: Affixes::endings(&lex.future_endings),
            past_endings: Affixes::endings(&lex.past_endings),
            weak_past_endings: Affixes::endings(&lex.weak_past_endings),
            not_weak_past_endings: Affixes::endings(&lex.not_weak_past_endings),
            strong_participle_endings: Affixes::endings(&lex.strong_participle_endings),
            infinitive_endings: Affixes::endings(&lex.infinitive_endings),
            participle_endings: Affixes::endings(&lex.participle_endings),
            participle_prefixes: Affixes::prefixes(&lex.participle_prefixes),
            conditional_endings: Affixes::endings(&lex.conditional_endings),
            has_cues: !(lex.past.is_empty()
                && lex.future.is_empty()
                && lex.neutral.is_empty()
                && lex.auxiliaries.is_empty()),
            aftermath_links: lex
                .aftermath_links
                .iter()
                .filter_map(|link| {
                    let (opener, article) = link.split_once(' ')?;
                    Some((opener.to_lowercase(), article.to_lowercase()))
                })
                .collect(),
            lex: lex.clone(),
        }
    }

    /// The tense of the sentence around `text[start..end]`, told by the cue nearest to it,
    /// preferring cues in the date's own clause (`gepland in december, zei hij`). Words
    /// are read and tried nearest first, so the search stops at the first cue and most
    /// of the sentence is never read.
    pub fn tense_at(&self, text: &str, start: usize, end: usize) -> Tense {
        if !self.has_cues {
            return Tense::Unknown;
        }
        let mut sentence = Sentence::around(text, start, end, &self.classes);
        // A participle's act told done just before the date is the date's, whatever verb
        // stands nearer after it (`les mesures annoncées par le gouvernement mardi soir vont
        // se chiffrer`).
        if (-AGENT_WORDS..0).any(|p| self.tells_act_done(&mut sentence, p)) {
            return Tense::Past;
        }
        // The date's clause: back to the nearest clause opener (itself included) and on to
        // the next one (excluded), within the clause marks.
        let mut near = Cursor::default();
        let mut told = self.nearest_cue(&mut sentence, &mut near, Reach::Clause, false);
        // A planned participle (`prévu jeudi`) leaves the tense to the next cue, the main
        // verb's (`le sommet, prévu jeudi, sera consacré à…`).
        if told == Some(Tense::Unknown) && Self::last_read_neutral(&mut sentence, &near) {
            // `Le verdict est attendu le 14 janvier, a annoncé lundi la cour`: the plan's
            // own clause tells its time, not the inverted report after it.
            if self.planned_before_inverted_report(&mut sentence, &near) {
                return Tense::Unknown;
            }
            told = self.nearest_cue(&mut sentence, &mut near, Reach::Clause, false);
        }
        if told == Some(Tense::Future) && self.conditional_under_past_perfect(&mut sentence, &near)
        {
            return Tense::Unknown;
        }
        if let Some(tense) = told {
            return tense;
        }
        // Outside the clause (whose words hold no cue by then), reporting verbs do not
        // count (`en mars, a-t-il dit`; `a annoncé que l'usine ferme en septembre`), but
        // for one just before a date that opens its clause after a comma (`a annoncé,
        // mi-décembre, une aide`, `a déclaré le ministre, lundi sur RTL`).
        let opens_clause = near.left == 0;
        let main = self
            .nearest_cue(&mut sentence, &mut near, Reach::Sentence, !opens_clause)
            .unwrap_or(Tense::Unknown);
        if main == Tense::Future && self.in_participle_clause(&mut sentence) {
            return Tense::Unknown;
        }
        main
    }

    /// Whether the cue just read (see [`Self::last_read_neutral`]) is a conditional by its
    /// ending and the date's clause hangs, through a clause opener, on a pluperfect (a past
    /// auxiliary and its participle) of the same sentence, before any `;`: `Le parti avait
    /// annoncé le 2 septembre qu'il présenterait sa liste le 1er octobre` (said in November:
    /// this October). See [`TenseLexicon::conditional_endings`].
    fn conditional_under_past_perfect(&self, sentence: &mut Sentence<'_, '_>, at: &Cursor) -> bool {
        if self.conditional_endings.list.is_empty() {
            return false;
        }
        // The cue read: a conditional by its ending (`présenterait`), or a participle after a
        // conditional auxiliary (`seraient versées`).
        let mut conditional = |p: isize| {
            let by_ending = sentence
                .word(p)
                .is_some_and(|w| w.lowercase && self.conditional_endings.ends(&w.folded));
            by_ending || {
                let q = sentence.past_adverbs(p - 1, -1);
                q != -1
                    && sentence
                        .word(q)
                        .is_some_and(|w| w.is(CONDITIONAL_AUXILIARY))
            }
        };
        let read_conditional = (at.left > 0 && conditional(Sentence::left_position(at.left - 1)))
            || (at.right > 0 && conditional(at.right as isize - 1));
        if !read_conditional {
            return false;
        }
        let (text, from, start) = (sentence.text, sentence.from, sentence.start);
        let bound = text[from..start].rfind(';').map_or(from, |i| from + i);
        let mut opener_seen = false;
        for k in 0..PAST_PERFECT_WORDS {
            let p = Sentence::left_position(k);
            let Some(w) = sentence.word(p) else {
                return false;
            };
            if w.start < bound {
                return false;
            }
            let past_auxiliary = w.is_past_auxiliary();
            opener_seen |= w.is(CLAUSE_OPENER);
            if opener_seen && past_auxiliary {
                let q = sentence.past_adverbs(p + 1, 1);
                return q < 0 && sentence.word(q).is_some_and(|w| self.is_participle(w));
            }
        }
        false
    }

    /// Whether the deadline `text[start..end]` opens with a word that puts it ahead of its
    /// telling (see [`TenseLexicon::ahead_of_telling`]) and no past auxiliary stands in its
    /// clause.
    pub fn ahead_of_telling(&self, text: &str, start: usize, end: usize) -> bool {
        let span = &text[start..end];
        let opens_with = |words: &[String]| {
            words.iter().any(|w| {
                span.get(..w.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(w))
                    && !span[w.len()..].starts_with(char::is_alphanumeric)
            })
        };
        let ahead = opens_with(&self.lex.ahead_of_telling)
            || (opens_with(&self.lex.clause_deadlines)
                && self.clause_tells_no_past(text, start, end));
        ahead && !self.past_auxiliary_in_clause(text, start, end)
    }

    /// Whether the clause of `text[start..end]` tells no past: no past cue, no cues that
    /// disagree, no word that may be a past (a conditional looks ahead from a telling that
    /// may lie back: `waarschuwde dat de wachtlijsten tegen de zomer zouden ontploffen`).
    fn clause_tells_no_past(&self, text: &str, start: usize, end: usize) -> bool {
        let mut sentence = Sentence::around(text, start, end, &self.classes);
        let told = self.nearest_cue(&mut sentence, &mut Cursor::default(), Reach::Clause, false);
        matches!(told, None | Some(Tense::Future)) && !self.clause_has_possible_past(&mut sentence)
    }

    /// Whether the word right before `text[start..end]` makes it a target ahead of its
    /// telling (see [`TenseLexicon::targets`]) and no past auxiliary stands in its clause.
    pub fn targeted(&self, text: &str, start: usize, end: usize) -> bool {
        if self.lex.targets.is_empty() {
            return false;
        }
        let from = floor_boundary(text, start.saturating_sub(ANNOUNCING_REACH));
        self.word_before(text, from, start)
            .is_some_and(|w| w.is(TARGET))
            && !self.past_auxiliary_in_clause(text, start, end)
    }

    /// Whether the date at `text[start..end]` stands in a participle's clause of its own
    /// (see [`Self::in_participle_clause`]): `Battu mercredi en Ligue des champions, le PSG
    /// reçoit Lens` tells of a day past, not of a present announcing it.
    pub fn in_own_participle_clause(&self, text: &str, start: usize, end: usize) -> bool {
        self.has_cues
            && self.in_participle_clause(&mut Sentence::around(text, start, end, &self.classes))
    }

    /// Whether the date's clause is a participle's alone, the date among its first words
    /// (`le chantier, entamé en mars, sera achevé…`; `le sommet, organisé les 4 et 5 mars,
    /// réunira…`): the participle's time is not the main verb's future, before or after
    /// it, so that verb tells nothing (planned participles, `neutral`, defer to it
    /// instead). Short words of participle shape (`au`, `que`, `qu`) are not participles.
    fn in_participle_clause(&self, sentence: &mut Sentence<'_, '_>) -> bool {
        if !self.lex.participle_alone_past {
            return false;
        }
        let mut first = None;
        for k in 0..=PARTICIPLE_CLAUSE_WORDS {
            if sentence.reaches(Side::Left, k, Reach::Clause).is_none() {
                break;
            }
            first = Some(k);
        }
        let Some(k) = first.filter(|&k| k < PARTICIPLE_CLAUSE_WORDS) else {
            return false;
        };
        let from = sentence.from;
        let text = sentence.text;
        sentence.word(Sentence::left_position(k)).is_some_and(|w| {
            // A participle opening its sentence is capitalised (`Arrêté le 12 avril, ...`).
            let opens_sentence = text
                .get(from..w.start)
                .is_some_and(|before| before.trim().is_empty());
            w.class.tense.is_none()
                && !w.is(CLAUSE_OPENER)
                && w.folded.chars().count() >= PARTICIPLE_MIN_CHARS
                && (self.is_participle(w) || opens_sentence && self.has_participle_form(w))
        })
    }

    /// The tense of a date announced by the word before it (`vanaf 1 januari`): its own
    /// clause's, else a future when no word of its sentence may be a past; `None` when no
    /// announcing word comes before it, or the sentence may tell a past
    /// (`per 1 maart de subsidie staakte`).
    pub fn announced_tense(&self, text: &str, start: usize, end: usize) -> Option<Tense> {
        if self.lex.announcing.is_empty() {
            return None;
        }
        // The word right before: a short look back, not to the sentence's start.
        let from = floor_boundary(text, start.saturating_sub(ANNOUNCING_REACH));
        if !self.word_before(text, from, start)?.is(ANNOUNCING) {
            return None;
        }
        let mut sentence = Sentence::around(text, start, end, &self.classes);
        if let Some(own) =
            self.nearest_cue(&mut sentence, &mut Cursor::default(), Reach::Clause, false)
        {
            return Some(own);
        }
        (!self.clause_has_possible_past(&mut sentence)).then_some(Tense::Future)
    }

    /// Whether a word of the date's clause may be a past form (see
    /// [`TenseCues::has_possible_past`]).
    fn clause_has_possible_past(&self, sentence: &mut Sentence<'_, '_>) -> bool {
        let perfect = self.lex.participle_alone_past || sentence.has_auxiliary();
        let mut k = 0;
        while sentence.reaches(Side::Left, k, Reach::Clause).is_some() {
            if sentence
                .word(Sentence::left_position(k))
                .is_some_and(|w| self.may_be_past(w, perfect))
            {
                return true;
            }
            k += 1;
        }
        let mut k = 0;
        while sentence.reaches(Side::Right, k, Reach::Clause).is_some() {
            if sentence
                .word(k as isize)
                .is_some_and(|w| self.may_be_past(w, perfect))
            {
                return true;
            }
            k += 1;
        }
        false
    }

    /// Whether a purpose word (`om`) follows the date ending at `end` within a few words of
    /// its sentence: `tijd tot eind februari om te reageren`.
    pub fn purpose_follows(&self, text: &str, end: usize) -> bool {
        let to = text[end..]
            .find(['.', '!', '?', ';', '\n'])
            .map_or(text.len(), |i| end + i);
        let mut at = end;
        for _ in 0..PURPOSE_WORDS {
            let Some((s, e)) = next_word(text, at, to) else {
                return false;
            };
            if word(text, s, e, &self.classes).is(PURPOSE) {
                return true;
            }
            at = e;
        }
        false
    }

    /// Whether the neutral cue just read before the date is a finite verb's (`est attendu`,
    /// `sont prévus`: after `est`, `sont`, ...) and the date's clause is followed by an
    /// inverted clause, a comma then an auxiliary and a participle (`, a annoncé lundi la
    /// cour`, `, a-t-il précisé`): a report of the plan, whose past is the telling's. A
    /// planned participle alone (`le sommet, prévu jeudi, a été annulé`) is not such a
    /// clause and defers to the main verb.
    fn planned_before_inverted_report(&self, sentence: &mut Sentence<'_, '_>, at: &Cursor) -> bool {
        if !self.lex.participle_follows || at.left == 0 {
            return false;
        }
        let p = sentence.past_adverbs(Sentence::left_position(at.left - 1) - 1, -1);
        if !sentence.word(p).is_some_and(|w| w.is(REFLEXIVE_AUXILIARY)) {
            return false;
        }
        let (text, clause_end, to) = (sentence.text, sentence.clause.1, sentence.to);
        if text.as_bytes().get(clause_end) != Some(&b',') {
            return false;
        }
        let mut from = clause_end + 1;
        let mut auxiliary_seen = false;
        while let Some((s, e)) = next_word(text, from, to) {
            let w = word(text, s, e, &self.classes);
            if !auxiliary_seen {
                if !w.is(AUXILIARY) {
                    return false;
                }
                auxiliary_seen = true;
            } else if !w.is(ADVERB) {
                return self.is_participle(&w);
            }
            from = e;
        }
        false
    }

    /// Whether the date at `text[start..end]` (a weekday, a day, a month: `une nouvelle
    /// votation est prévue le 29 novembre`) is planned in the present: its clause's
    /// nearest cue, before it, is a planned participle (`neutral`) after a present `est`,
    /// `sont` (`La neige est attendue dès mardi soir`, `des orages sont prévus jeudi`),
    /// adverbs between. A plan told in the present lies ahead, whatever the sentence
    /// reports elsewhere (`, selon MétéoSuisse`); `était prévue mardi` is no such plan.
    pub fn planned_in_present(&self, text: &str, start: usize, end: usize) -> bool {
        if !self.has_cues || !self.lex.participle_follows {
            return false;
        }
        let mut sentence = Sentence::around(text, start, end, &self.classes);
        let mut near = Cursor::default();
        let told = self.nearest_cue(&mut sentence, &mut near, Reach::Clause, false);
        if told != Some(Tense::Unknown) || near.left == 0 {
            return false;
        }
        let neutral = Sentence::left_position(near.left - 1);
        if !sentence
            .word(neutral)
            .is_some_and(|w| w.class.tense == Some(Tense::Unknown))
        {
            return false;
        }
        // Nothing between the plan and the date may tell a past of its own (`est attendu
        // au tournant après les scènes de violence survenues samedi`).
        if (neutral + 1..0).any(|q| sentence.word(q).is_some_and(|w| self.may_be_past(w, true))) {
            return false;
        }
        let p = sentence.past_adverbs(neutral - 1, -1);
        sentence
            .word(p)
            .is_some_and(|w| w.is(REFLEXIVE_AUXILIARY) && w.class.tense != Some(Tense::Past))
    }

    /// Whether the last word a cue search read, on either side, is a neutral cue.
    fn last_read_neutral(sentence: &mut Sentence<'_, '_>, at: &Cursor) -> bool {
        let neutral =
            |w: Option<&Word<'_>>| w.is_some_and(|w| w.class.tense == Some(Tense::Unknown));
        (at.left > 0 && neutral(sentence.word(Sentence::left_position(at.left - 1))))
            || (at.right > 0 && neutral(sentence.word(at.right as isize - 1)))
    }

    /// Whether the sentence around `text[start..end]` is a whole sentence in the present:
    /// it ends with `.`, `!` or `?` (a headline may have no verb at all) and no word of
    /// it may be a past form (a cue, a weak past ending, a participle) or a report (`zo
    /// meldt de krant zondag` tells of a day past). In news such a sentence announces:
    /// `De vakbonden leggen vrijdag het werk neer` is the coming Friday.
    pub fn reads_as_present(&self, text: &str, start: usize, end: usize) -> bool {
        if self.weak_past_endings.list.is_empty() {
            return false;
        }
        let mut sentence = Sentence::around(text, start, end, &self.classes);
        is_whole_sentence(text, sentence.from, sentence.to)
            && !self.has_possible_past(&mut sentence, true)
    }

    /// Whether the weekday at `text[start..end]` is given a clock time (`Concert samedi à
    /// 20 h au Palais`, `mardi et mercredi à 20 h 30`) in a whole sentence where no word
    /// may be past but a participle alone: a listing or an announcement, whose short
    /// words of participle shape (`au`, `du`) are no verbs. Reportage tells its past with
    /// a verb (`Samedi à 20 h, la police est intervenue`).
    pub fn reads_as_timed_listing(&self, text: &str, start: usize, end: usize) -> bool {
        if !self.clock_time_follows(text, end) {
            return false;
        }
        let mut sentence = Sentence::around(text, start, end, &self.classes);
        is_whole_sentence(text, sentence.from, sentence.to)
            && !sentence.has_role(REFLEXIVE_AUXILIARY)
            && !self.has_possible_past(&mut sentence, false)
    }

    /// Whether the weekday at `text[start..end]` opens with an announcing word (`dès`, in
    /// the span: `Pâques : les routes chargées dès vendredi`) in a sentence, stop or not,
    /// where no word may be past but a participle alone: a headline or a forecast of the
    /// days ahead. A past verb keeps the past (`Dès mercredi, les syndicats avaient bloqué`).
    pub fn announced_from(&self, text: &str, start: usize, end: usize) -> bool {
        let opening = next_word(text, start, end)
            .is_some_and(|(s, e)| s == start && word(text, s, e, &self.classes).is(ANNOUNCING));
        if !opening {
            return false;
        }
        let mut sentence = Sentence::around(text, start, end, &self.classes);
        !sentence.has_role(REFLEXIVE_AUXILIARY) && !self.has_possible_past(&mut sentence, false)
    }

    /// Whether a clock time (a link, a number, a unit: `à 20 h`, `à 21h30`) follows
    /// `text[..end]` within [`CLOCK_WORDS`] words of letters (over `et mercredi`; not over
    /// a comma: `Dimanche, à 11 heures, il s'est rendu` is reportage).
    fn clock_time_follows(&self, text: &str, end: usize) -> bool {
        if self.lex.time_of_day_units.is_empty() {
            return false;
        }
        // Most weekdays have no number close after them: a byte scan turns them away.
        let near = text.as_bytes().get(end..).unwrap_or_default();
        if !near.iter().take(CLOCK_BYTES).any(u8::is_ascii_digit) {
            return false;
        }
        let is_in = |list: &[String], w: &str| list.iter().any(|x| x.eq_ignore_ascii_case(w));
        let words: Vec<&str> = text
            .get(end..)
            .unwrap_or_default()
            .split_whitespace()
            .take(CLOCK_WORDS + 3)
            .collect();
        // Only words of letters may stand between the weekday and the link.
        let reach = words
            .iter()
            .position(|w| !w.chars().all(char::is_alphabetic))
            .map_or(CLOCK_WORDS, |k| k.min(CLOCK_WORDS));
        words.windows(2).take(reach).enumerate().any(|(k, pair)| {
            let digits = pair[1].bytes().take_while(u8::is_ascii_digit).count();
            if !is_in(&self.lex.time_of_day_links, pair[0]) || !(1..=2).contains(&digits) {
                return false;
            }
            // The unit glued to the number (`20h30`) or the next word (`20 h`, `21 heures.`).
            let glued = pair[1][digits..].trim_start_matches(|c: char| c.is_ascii_digit());
            let unit = |w: &str| {
                let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                let letters = w.trim_end_matches(|c: char| c.is_ascii_digit());
                is_in(&self.lex.time_of_day_units, letters)
            };
            unit(glued) || (glued.is_empty() && words.get(k + 2).is_some_and(|w| unit(w)))
        })
    }

    /// Whether a word of the sentence around `text[start..end]` may be a past form or a
    /// report, a participle only beside an auxiliary (`Exposition prolongée jusqu'au 5
    /// janvier` may not; see [`Self::reads_as_present`], which also asks for a whole
    /// sentence); always, in a language without the tables to tell.
    /// Whether the date at `text[start..end]` stands in a part of its sentence set off by
    /// `;` that holds no word that may be a past, the sentence being whole (see
    /// [`Self::reads_as_present`]): such a part is a present of its own, which announces a
    /// weekday whatever the other part tells (`In de nacht van zaterdag op zondag viel er
    /// sneeuw; woensdag wordt het zachter`: the coming Wednesday).
    pub fn part_reads_as_present(&self, text: &str, start: usize, end: usize) -> bool {
        self.semicolon_part(text, start, end)
            .is_some_and(|mut part| !self.has_possible_past(&mut part, true))
    }

    /// Whether the date at `text[start..end]` stands in a part of its whole sentence set off
    /// by `;` that holds a word that may be a past and no future cue: a future of the other
    /// part does not reach its dates (`Club speelt zaterdag tegen Standard; de heenmatch
    /// eindigde op 14 september op 2-2`, said in December: the September past).
    pub fn part_may_tell_past(&self, text: &str, start: usize, end: usize) -> bool {
        self.semicolon_part(text, start, end)
            .is_some_and(|mut part| {
                let told =
                    self.nearest_cue(&mut part, &mut Cursor::default(), Reach::Sentence, false);
                told != Some(Tense::Future) && self.has_possible_past(&mut part, true)
            })
    }

    /// The part of the whole sentence around `text[start..end]` between `;` marks, if one
    /// bounds it, read as a sentence of its own; `None` without weak past endings to tell
    /// its tense.
    fn semicolon_part<'t>(
        &self,
        text: &'t str,
        start: usize,
        end: usize,
    ) -> Option<Sentence<'t, '_>> {
        if self.weak_past_endings.list.is_empty() {
            return None;
        }
        let mut sentence = Sentence::around(text, start, end, &self.classes);
        if !is_whole_sentence(text, sentence.from, sentence.to) {
            return None;
        }
        let before = text[sentence.from..start].rfind(';');
        let after = text[end..sentence.to].find(';');
        if before.is_none() && after.is_none() {
            return None;
        }
        sentence.from = before.map_or(sentence.from, |i| sentence.from + i + 1);
        sentence.to = after.map_or(sentence.to, |i| end + i);
        Some(sentence)
    }

    pub fn may_tell_past(&self, text: &str, start: usize, end: usize) -> bool {
        if self.weak_past_endings.list.is_empty() {
            return true;
        }
        let mut sentence = Sentence::around(text, start, end, &self.classes);
        self.has_possible_past(&mut sentence, false)
    }

    /// Whether a word of the sentence may be a past form (a cue, a weak past ending, a
    /// participle beside an auxiliary, or alone where `participle_alone` and the
    /// language say so) or a report.
    fn has_possible_past(&self, sentence: &mut Sentence<'_, '_>, participle_alone: bool) -> bool {
        // A participle tells a past only beside an auxiliary (`is opgepakt`); with
        // `wordt` it is a present passive (`wordt dinsdag voorgeleid`).
        let perfect =
            (participle_alone && self.lex.participle_alone_past) || sentence.has_auxiliary();
        // The verb of a relative clause inserted before the date's tells of its noun.
        let mut p = -1;
        while let Some(w) = sentence.word(p) {
            if self.may_be_past(w, perfect) && !sentence.is_inserted(p) {
                return true;
            }
            p -= 1;
        }
        let mut p = 0;
        while let Some(w) = sentence.word(p) {
            if self.may_be_past(w, perfect) {
                return true;
            }
            p += 1;
        }
        false
    }

    /// See [`TenseLexicon::next_year_months`].
    pub fn next_year_months(&self) -> u32 {
        self.lex.next_year_months
    }

    /// See [`TenseLexicon::last_year_months`].
    pub fn last_year_months(&self) -> u32 {
        self.lex.last_year_months
    }

    /// See [`TenseLexicon::scheduled_next_year_months`].
    pub fn scheduled_next_year_months(&self) -> u32 {
        self.lex.scheduled_next_year_months
    }

    /// Whether the weekday at `text[start..end]` is a day past named by what comes before
    /// its link: an edition, a capitalised word that does not open the sentence before an
    /// edition link (`Volgens de krant De Tijd van vrijdag`, not `Van vrijdag tot zondag`),
    /// or an event over before an outcome link (see [`Self::names_past_event`]). The link
    /// is read once for both. A day of the month (`9 juni`) is read only as an event's:
    /// after a name it is as often a coming one (`het concert van Stromae van 14 maart`).
    pub fn names_past_day(&self, text: &str, start: usize, end: usize, editions: bool) -> bool {
        // A score right after the day (`celui de jeudi soir 5-2 contre Boston`, `s'est
        // imposé samedi 3-1`): the match is over.
        if starts_with_score(&text[end..]) {
            return true;
        }
        let from = sentence_start(text, start);
        let Some(link) = self
            .word_before(text, from, start)
            .filter(|w| w.is(EDITION_LINK | OUTCOME_LINK))
        else {
            return false;
        };
        let before = self.word_before(text, from, link.start);
        if editions
            && link.is(EDITION_LINK)
            && before
                .as_ref()
                .is_some_and(|w| w.start > from && !w.lowercase)
        {
            return true;
        }
        link.lowercase
            && link.is(OUTCOME_LINK)
            && self.names_past_event(text, from, link.start, before, end)
    }

    /// Whether the weekday ending at `end`, after an outcome link starting at `link` (`van`)
    /// and the word `before` it, in the sentence from `from`, is the day of an event over: a
    /// score (`de 2-2 van woensdag`) or an outcome noun (`na de nederlaag van woensdag moet
    /// ...`, see [`TenseLexicon::outcome_nouns`]), which exist only once the event is over;
    /// or an event after an aftermath link (`na de verkiezingen van zondag`) with no future
    /// auxiliary in its sentence (`na de betoging van donderdag zal ...` may come before or
    /// after it).
    fn names_past_event(
        &self,
        text: &str,
        from: usize,
        link: usize,
        before: Option<Word<'_>>,
        end: usize,
    ) -> bool {
        if self.lex.outcome_nouns.is_empty() && self.lex.aftermath_links.is_empty() {
            return false;
        }
        if ends_with_score(text[from..link].trim_end()) {
            return true;
        }
        let Some(noun) = before.filter(|w| w.lowercase) else {
            return false;
        };
        if self
            .lex
            .outcome_nouns
            .iter()
            .any(|n| noun.folded.ends_with(n.as_str()))
        {
            return true;
        }
        let Some(article) = self.word_before(text, from, noun.start) else {
            return false;
        };
        let Some(opener) = self.word_before(text, from, article.start) else {
            return false;
        };
        self.aftermath_links
            .iter()
            .any(|(o, a)| *o == *opener.folded && *a == *article.folded)
            && !Sentence::around(text, link, end, &self.classes).has_role(FUTURE_AUXILIARY)
    }

    /// Whether the date at `text[start..]` is the new date of a postponement (see
    /// [`TenseLexicon::postponements`]): `is verplaatst naar 14 maart`, `uitgesteld tot
    /// maart` (the span holding `tot`).
    pub fn postponed_to(&self, text: &str, start: usize) -> bool {
        if self.lex.postponements.is_empty() {
            return false;
        }
        // A short look back (two words), not to the sentence's start: asked of every date.
        let from = floor_boundary(text, start.saturating_sub(POSTPONEMENT_REACH));
        let Some(before) = self.word_before(text, from, start) else {
            return false;
        };
        if before.is(POSTPONEMENT) {
            return true;
        }
        before.is(POSTPONEMENT_LINK)
            && self
                .word_before(text, from, before.start)
                .is_some_and(|w| w.is(POSTPONEMENT))
    }

    /// Whether the date at `text[start..end]` is one set by a scheduling participle, through
    /// a link right before it (see [`TenseLexicon::scheduling`]): `a fixé l'audience au 9
    /// décembre`, `a dissous l'Assemblée et convoqué des législatives pour le 16 novembre`,
    /// `kondigden voor 16 december een staking aan`; or by one right after the date, where
    /// Dutch puts the participle (`had de zaak voor 14 september gepland`). Looked for only
    /// behind a link, so most dates cost a few byte comparisons.
    pub fn scheduled_for(&self, text: &str, start: usize, end: usize) -> bool {
        let before = text[..start].trim_end();
        let link_before = self.lex.scheduling_links.iter().find(|link| {
            before.len() >= link.len()
                && before.is_char_boundary(before.len() - link.len())
                && before[before.len() - link.len()..].eq_ignore_ascii_case(link)
                && !before[..before.len() - link.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        });
        let mut at = match link_before {
            Some(link) => before.len() - link.len(),
            // A link the span holds (`een verlenging tot eind januari aankondigen`).
            None if self.opens_with_scheduling_link(&text[start..end]) => start,
            None => return false,
        };
        if self.scheduling_follows(text, end) {
            return true;
        }
        let from = sentence_start(text, start);
        for _ in 0..SCHEDULING_WORDS {
            let Some(w) = self.word_before(text, from, at) else {
                return false;
            };
            // The setting and its object within the date's clause.
            if first_clause_mark(&text.as_bytes()[w.end..at]).is_some() {
                return false;
            }
            if self.lex.scheduling.iter().any(|p| **p == *w.folded) {
                return true;
            }
            at = w.start;
        }
        false
    }

    /// Whether `span` opens with a scheduling link and a space (`tot eind januari`).
    fn opens_with_scheduling_link(&self, span: &str) -> bool {
        self.lex.scheduling_links.iter().any(|link| {
            span.len() > link.len()
                && span.is_char_boundary(link.len())
                && span[..link.len()].eq_ignore_ascii_case(link)
                && span[link.len()..].starts_with(' ')
        })
    }

    /// Whether the word right after the date ending at `end` is a scheduling participle,
    /// in the same clause (`voor 14 september gepland`).
    fn scheduling_follows(&self, text: &str, end: usize) -> bool {
        let rest = &text.as_bytes()[end..];
        let to = end + first_clause_mark(rest).unwrap_or(rest.len());
        next_word(text, end, to).is_some_and(|(s, e)| {
            let w = word(text, s, e, &self.classes);
            self.lex.scheduling.iter().any(|p| **p == *w.folded)
        })
    }

    /// Whether the word right before `text[start..]` announces a weekday (see
    /// [`TenseLexicon::announcing`]).
    pub fn announced(&self, text: &str, start: usize) -> bool {
        let from = sentence_start(text, start);
        self.word_before(text, from, start)
            .is_some_and(|w| w.is(ANNOUNCING))
    }

    /// Whether the date at `text[start..]` follows a noun of reported figures, after its
    /// links if any (`de resultaten van het`, `cijfers over`): the period reported on,
    /// unless a future auxiliary in the date's clause puts it ahead (`dat de omzet in de
    /// tweede jaarhelft lager zal uitvallen`).
    pub fn reports_on(&self, text: &str, start: usize, end: usize) -> bool {
        self.follows_results_noun(text, start) && !self.future_auxiliary_in_clause(text, start, end)
    }

    /// Whether a past auxiliary (`hadden`, `was`: an auxiliary that is a past cue) stands in
    /// the clause of `text[start..end]`: time given before a past ran out then (`De
    /// curatoren hadden tot eind oktober de tijd gekregen om ...`, said in November).
    pub fn past_auxiliary_in_clause(&self, text: &str, start: usize, end: usize) -> bool {
        Sentence::around(text, start, end, &self.classes)
            .find_in_clause(|w| w.is_past_auxiliary().then_some(()))
            .is_some()
    }

    /// Whether a future auxiliary stands in the clause of `text[start..end]` without a
    /// participle: a future passive tells when the figures come out (`les résultats du
    /// troisième trimestre seront publiés mardi`), not the period's time.
    fn future_auxiliary_in_clause(&self, text: &str, start: usize, end: usize) -> bool {
        let mut future = false;
        let participle = Sentence::around(text, start, end, &self.classes).find_in_clause(|w| {
            future |= w.is(FUTURE_AUXILIARY);
            (w.folded.chars().count() >= PARTICIPLE_MIN_CHARS && self.is_participle(w))
                .then_some(())
        });
        future && participle.is_none()
    }

    /// Whether the date at `text[start..]` follows a noun of reported figures, after its
    /// links if any.
    fn follows_results_noun(&self, text: &str, start: usize) -> bool {
        let from = sentence_start(text, start);
        let mut at = start;
        let mut links = 0;
        while let Some((s, e)) = previous_word(text, from, at) {
            let w = word(text, s, e, &self.classes);
            if w.is(RESULTS_LINK) && links < 3 {
                links += 1;
                at = s;
                continue;
            }
            // The span may hold the link itself (`cijfers [van januari tot september]`).
            return w.is(RESULTS_NOUN);
        }
        false
    }

    /// Whether a word may be a past form or a report (see [`Self::reads_as_present`]);
    /// participles count in a sentence with an auxiliary (`perfect`).
    fn may_be_past(&self, w: &Word<'_>, perfect: bool) -> bool {
        if w.is(MAYBE_PAST) || w.class.tense == Some(Tense::Past) {
            return true;
        }
        // A planned participle tells no past (`des orages sont attendus jeudi`).
        if w.class.tense == Some(Tense::Unknown) {
            return false;
        }
        let word = &w.folded;
        let weak_past = || {
            w.lowercase
                && w.class.tense.is_none()
                && !w.is(NOT_WEAK_PAST)
                && word.len() >= 4
                && self.weak_past_endings.ends(word)
                && !self.not_weak_past_endings.ends(word)
        };
        // A participle, reporting or not, is a past beside an auxiliary only (`worden
        // dinsdag bekendgemaakt` is a present passive); an imperfect of participle shape
        // (`installait`) is a past anyway.
        if self.is_participle(w) {
            return perfect || weak_past();
        }
        if w.is(REPORTING) {
            return true;
        }
        if !w.lowercase || w.class.tense.is_some() {
            return false;
        }
        weak_past()
            || (perfect
                && !w.is(NOT_PARTICIPLE)
                && self.strong_participle_endings.ends(word)
                && self.participle_prefixes.begins(word, 3))
    }

    /// Whether the year stated by the date at `text[start..]` is the time of the rest of
    /// its sentence: it opens the sentence, alone or after a year preposition (`In 2022
    /// steeg de omzet, in april daalde ze`, `Vorig jaar stemde de Kamer in maart in`), as
    /// a fronted adverbial does. A year further on may belong to a noun or an inserted
    /// clause only (`De in 1998 opgerichte band speelt op 9 juni`).
    pub fn states_sentence_year(&self, text: &str, start: usize) -> bool {
        let sentence = sentence_start(text, start);
        let mut at = sentence;
        while let Some((from, to)) = next_word(text, at, start) {
            if !word(text, from, to, &self.classes).is(YEAR_PREPOSITION) {
                return self.year_after_main_past(text, sentence, start);
            }
            at = to;
        }
        true
    }

    /// Whether the year at `text[start..]` comes right after the main clause's past verb
    /// and a year preposition (`De minister trad in 2023 af na de schietpartij van 16
    /// oktober`): it dates the rest of the sentence as a fronted one does. Not inside a
    /// clause opened before (`die in 2022 nog steeg`) nor after a comma.
    fn year_after_main_past(&self, text: &str, sentence: usize, start: usize) -> bool {
        let Some((p, _)) = previous_word(text, sentence, start)
            .filter(|&(s, e)| word(text, s, e, &self.classes).is(YEAR_PREPOSITION))
        else {
            return false;
        };
        let Some((v, _)) = previous_word(text, sentence, p).filter(|&(s, e)| {
            let verb = word(text, s, e, &self.classes);
            verb.lowercase && verb.class.tense == Some(Tense::Past)
        }) else {
            return false;
        };
        if text[sentence..start].contains([',', ';', ':', '(']) {
            return false;
        }
        let mut at = sentence;
        while let Some((from, to)) = next_word(text, at, v) {
            if word(text, from, to, &self.classes).is(CLAUSE_OPENER) {
                return false;
            }
            at = to;
        }
        true
    }

    /// Whether `text[from..to]` holds no sentence end (bounded: far apart is apart).
    pub fn same_sentence(text: &str, from: usize, to: usize) -> bool {
        let Some(between) = text.get(from..to).filter(|b| b.len() <= REACH) else {
            return false;
        };
        first_sentence_end(between).is_none()
    }

    /// Whether at most `most` sentences end between `from` and `to` (a run of stops and
    /// blank lines counts once); the scan stops at the first end too many.
    pub fn within_sentences(text: &str, from: usize, to: usize, most: usize) -> bool {
        let Some(between) = text.get(from..to) else {
            return false;
        };
        let mut ends = 0;
        // Whether a word came since the last end (`from` is inside a sentence):
        // `.\n\n` ends one sentence.
        let mut open = true;
        for (i, b) in between.bytes().enumerate() {
            if is_stop_byte(b) && ends_sentence_at(between, i) {
                ends += usize::from(open);
                open = false;
                if ends > most {
                    return false;
                }
            } else if !b.is_ascii_whitespace() {
                open = true;
            }
        }
        true
    }

    /// The tense of the cue nearest the date among the words `reach` allows, from `at` on
    /// (left where it stops), tried nearest first; reporting verbs before the date count
    /// unless `skip_reporting_before`, those after it never outside the clause. Equally
    /// near cues that disagree tell nothing.
    fn nearest_cue(
        &self,
        sentence: &mut Sentence<'_, '_>,
        at: &mut Cursor,
        reach: Reach,
        skip_reporting_before: bool,
    ) -> Option<Tense> {
        let skip_reporting = reach == Reach::Sentence;
        // The distances of the next word on each side, asked again only for a side
        // that moved.
        let mut left_distance = sentence.reaches(Side::Left, at.left, reach);
        let mut right_distance = sentence.reaches(Side::Right, at.right, reach);
        loop {
            let (take_left, take_right) = match (left_distance, right_distance) {
                (None, None) => return None,
                (Some(l), Some(r)) => (l <= r, r <= l),
                (l, r) => (l.is_some(), r.is_some()),
            };
            let left = take_left.then(|| {
                at.left += 1;
                Sentence::left_position(at.left - 1)
            });
            let right = take_right.then(|| {
                at.right += 1;
                at.right as isize - 1
            });
            let mut cue = |p: isize, skip: bool| {
                // An inserted relative clause's verb is not the main clause's.
                if reach == Reach::Sentence && sentence.is_inserted(p) {
                    return None;
                }
                self.cue_of(sentence, p)
                    .filter(|_| !(skip && sentence.word(p).is_some_and(|w| w.is(REPORTING))))
            };
            let left = left.and_then(|p| cue(p, skip_reporting_before));
            let right = right.and_then(|p| cue(p, skip_reporting));
            match (left, right) {
                (Some(a), Some(b)) if a != b => return Some(Tense::Unknown),
                (Some(t), _) | (None, Some(t)) => return Some(t),
                (None, None) => {}
            }
            if take_left {
                left_distance = sentence.reaches(Side::Left, at.left, reach);
            }
            if take_right {
                right_distance = sentence.reaches(Side::Right, at.right, reach);
            }
        }
    }

    /// The tense the word at position `p` tells, if it is a cue.
    fn cue_of(&self, sentence: &mut Sentence<'_, '_>, p: isize) -> Option<Tense> {
        let (class, lowercase) = {
            let w = sentence.word(p)?;
            (w.class, w.lowercase)
        };
        let is = |role: Roles| class.roles & role != 0;
        // A postponement's dates, and a plan's before one, lie ahead.
        if (is(POSTPONING) && self.moves_date_on(sentence, p))
            || (is(PLANNING_MODAL) && self.postponement_follows(sentence, p))
        {
            Some(Tense::Future)
        } else if let Some(tense) = class.tense {
            // The word before, unless it is the date itself (`p == 0`, just after it).
            let noun = p != 0 && sentence.word(p - 1).is_some_and(|w| w.is(NOUN_MARKER));
            if noun {
                None
            } else if tense == Tense::Past && p != -1 && self.moves_date_on(sentence, p + 1) {
                // `été` in `a été reporté à l'automne`; `p + 1` is past the date for `p = -1`.
                Some(Tense::Future)
            } else if is(PAST_READING) && Self::past_complement_follows(sentence, p) {
                Some(Tense::Past)
            } else if tense == Tense::Past
                && sentence.word(p).is_some_and(|w| self.is_participle(w))
                && Self::after_future_word(sentence, p)
            {
                // A future perfect (`quand l'enquête aura été bouclée, fin février`); not
                // a past form after a present (`van start ging`).
                Some(Tense::Future)
            } else {
                Some(tense)
            }
        } else if (is(GOING_TO) && self.infinitive_after(sentence, p))
            || self.conditional_passive(sentence, p)
        {
            Some(Tense::Future)
        } else if sentence.word(p).is_some_and(|w| self.is_participle(w))
            && self.auxiliary_for(sentence, p)
        {
            Some(Tense::Past)
        } else if lowercase && sentence.word(p)?.folded.chars().count() >= 5 {
            let folded = &sentence.word(p)?.folded;
            if self.future_endings.ends(folded) && !is(NOT_FUTURE) {
                Some(Tense::Future)
            } else if self.past_endings.ends(folded) && !is(NOT_PAST) {
                Some(Tense::Past)
            } else {
                None
            }
        } else {
            None
        }
    }

    /// Whether the word at `p`, before the date, is a participle with no verb before it
    /// that tells an act done: its agent follows (`annoncées par Emmanuel Macron lundi
    /// soir`), or it is one of [`TenseLexicon::done_acts`] right before the date (`un
    /// décret publié lundi`, `l'accident survenu le 2 août`).
    /// Plans (`prévu`), postponements and passives after a verb (`doit être publié`, `est
    /// publié`) are not.
    fn tells_act_done(&self, sentence: &mut Sentence<'_, '_>, p: isize) -> bool {
        if !(-AGENT_WORDS..0).contains(&p) || !self.lex.participle_alone_past {
            return false;
        }
        let (participle, done_act) = match sentence.word(p) {
            Some(w) => (
                w.lowercase
                    && w.class.tense.is_none()
                    && w.class.roles == 0
                    && self.is_participle(w),
                w.is(DONE_ACT),
            ),
            None => return false,
        };
        let agent_follows = p < -2
            && sentence.word(p + 1).is_some_and(|n| n.is(AGENT_LINK))
            && sentence
                .word(p + 2)
                .is_some_and(|n| !n.lowercase || n.is(AGENT_OPENER));
        // Right before the date, or before its article (`survenu le 2 août`).
        let next_to_date =
            p == -1 || (p == -2 && sentence.word(-1).is_some_and(|a| a.is(AGENT_OPENER)));
        if !(participle || done_act) || !(agent_follows || (next_to_date && done_act)) {
            return false;
        }
        if self.date_opens_extent(sentence) {
            return false;
        }
        let before = sentence.past_adverbs(p - 1, -1);
        !sentence.word(before).is_some_and(|v| {
            v.class.tense.is_some()
                || v.is(AUXILIARY | REFLEXIVE_AUXILIARY | CONDITIONAL_AUXILIARY | GOING_TO)
                || (v.lowercase && self.infinitive_endings.ends(&v.folded))
        })
    }

    /// Whether the date's first word names an extent (see [`TenseLexicon::extent_openers`]).
    fn date_opens_extent(&self, sentence: &Sentence<'_, '_>) -> bool {
        next_word(sentence.text, sentence.start, sentence.end)
            .is_some_and(|(s, e)| word(sentence.text, s, e, &self.classes).is(EXTENT_OPENER))
    }

    /// Whether a postponing participle after its auxiliary comes within
    /// [`POSTPONEMENT_WORDS`] words after position `p` (over the date, which lies between
    /// -1 and 0): `qui devait s'ouvrir mercredi, a été reporté`.
    fn postponement_follows(&self, sentence: &mut Sentence<'_, '_>, p: isize) -> bool {
        (p + 1..=p + POSTPONEMENT_WORDS).any(|q| {
            sentence.word(q).is_some_and(|w| w.is(POSTPONING)) && self.moves_date_on(sentence, q)
        })
    }

    /// Whether the word right before position `p` (not across the date) is a future
    /// cue: `aura` in `aura été`.
    fn after_future_word(sentence: &mut Sentence<'_, '_>, p: isize) -> bool {
        p != 0
            && sentence
                .word(p - 1)
                .is_some_and(|w| w.class.tense == Some(Tense::Future))
    }

    /// Whether a past complement (see [`TenseLexicon::past_readings`]) comes within a few
    /// words after position `p`, before a clause opener.
    fn past_complement_follows(sentence: &mut Sentence<'_, '_>, p: isize) -> bool {
        for q in p + 1..=p + PAST_COMPLEMENT_WORDS {
            match sentence.word(q) {
                Some(w) if w.is(PAST_COMPLEMENT) => return true,
                Some(w) if !w.is(CLAUSE_OPENER) => {}
                _ => return false,
            }
        }
        false
    }

    /// Whether the word at position `p` is a postponing participle after its auxiliary
    /// (`a été reporté`, `ont été repoussées`), not right before the date, which is then
    /// the act's own day (`la garde à vue a été prolongée mardi`). Without an auxiliary
    /// it is no postponement (`repoussé une grenade`).
    fn moves_date_on(&self, sentence: &mut Sentence<'_, '_>, p: isize) -> bool {
        if p == -1 || !sentence.word(p).is_some_and(|w| w.is(POSTPONING)) {
            return false;
        }
        // A link to the new date after this one makes this one the act's (`son contrat a
        // été prolongé en janvier jusqu'en 2029`).
        if p < 0 && sentence.word(0).is_some_and(|w| w.is(POSTPONEMENT_LINK)) {
            return false;
        }
        // The word before `p`, past the adverbs; the date lies between -1 and 0.
        let mut at = p - 1;
        loop {
            if at == -1 && p >= 0 {
                return false;
            }
            match sentence.word(at) {
                None => return false,
                Some(w) if w.is(ADVERB) => at -= 1,
                Some(w) => {
                    return w.is(AUXILIARY)
                        || w.is(REFLEXIVE_AUXILIARY)
                        || w.class.tense == Some(Tense::Past)
                }
            }
        }
    }

    /// Whether an infinitive follows the `going_to` verb at position `p`.
    fn infinitive_after(&self, sentence: &mut Sentence<'_, '_>, p: isize) -> bool {
        let is_infinitive = |w: &Word<'_>| w.lowercase && self.infinitive_endings.ends(&w.folded);
        if self.lex.participle_follows {
            // The next verb: the word after `p`, past the adverbs.
            let q = sentence.past_adverbs(p + 1, 1);
            sentence.word(q).is_some_and(is_infinitive)
        } else {
            let mut q = p + 1;
            while let Some(w) = sentence.word(q) {
                if is_infinitive(w) {
                    return true;
                }
                q += 1;
            }
            false
        }
    }

    /// Whether the participle at position `p` has its auxiliary.
    fn auxiliary_for(&self, sentence: &mut Sentence<'_, '_>, p: isize) -> bool {
        if !self.lex.participle_follows {
            return sentence.has_auxiliary();
        }
        let motion = sentence.word(p).is_some_and(|w| w.is(MOTION_PARTICIPLE));
        // The word before `p`, past the adverbs.
        let mut at = p - 1;
        loop {
            match sentence.word(at) {
                None => return false,
                Some(w) if w.is(ADVERB) => at -= 1,
                Some(_) => break,
            }
        }
        let Some(auxiliary) = sentence.word(at).map(|w| w.class) else {
            return false;
        };
        let is = |role: Roles| auxiliary.roles & role != 0;
        is(AUXILIARY)
            || (is(REFLEXIVE_AUXILIARY)
                && (motion
                    || sentence
                        .word(at - 1)
                        .is_some_and(|w| w.is(REFLEXIVE_PRONOUN))))
    }

    /// Whether the word at `p`, before the date in its clause, is a participle not of
    /// motion after a conditional auxiliary (see [`TenseLexicon::conditional_auxiliaries`];
    /// adverbs may stand between) with no reflexive pronoun before it: `seraient mobilisés
    /// samedi`. Not over a comma (`le cap serait tenu, dimanche, ... Macron a ouvert`).
    fn conditional_passive(&self, sentence: &mut Sentence<'_, '_>, p: isize) -> bool {
        if self.lex.conditional_auxiliaries.is_empty() || p >= 0 {
            return false;
        }
        let clause_start = sentence.clause.0;
        let passive = sentence.word(p).is_some_and(|w| {
            w.start >= clause_start
                && self.is_participle(w)
                && !w.is(MOTION_PARTICIPLE)
                && !w.is(CLAUSE_OPENER)
        });
        if !passive {
            return false;
        }
        let at = sentence.past_adverbs(p - 1, -1);
        sentence
            .word(at)
            .is_some_and(|w| w.is(CONDITIONAL_AUXILIARY))
            && !sentence
                .word(at - 1)
                .is_some_and(|w| w.is(REFLEXIVE_PRONOUN))
    }

    /// Whether the word at `start..end` is a participle after its auxiliary, in a language
    /// whose participle follows it (French `a été`, `ont été`, `avait déjà été`): a verb
    /// there, whatever else the word may name (`l'été`, the season). Adverbs may stand
    /// between them, as [`Self::auxiliary_for`] lets them.
    pub fn is_participle_after_auxiliary(&self, text: &str, start: usize, end: usize) -> bool {
        // One word of letters, as sentences are read (`aujourd'hui` is two).
        if !self.lex.participle_follows
            || !text[start..end].chars().all(char::is_alphabetic)
            || !self.is_participle(&word(text, start, end, &self.classes))
        {
            return false;
        }
        let from = floor_boundary(text, start.saturating_sub(AUXILIARY_REACH));
        let mut at = start;
        while let Some(w) = self.word_before(text, from, at) {
            if !text[w.end..at].trim().is_empty() {
                return false;
            }
            if w.is(AUXILIARY) {
                return true;
            }
            if !w.is(ADVERB) {
                return false;
            }
            at = w.start;
        }
        false
    }

    /// The word of `text[from..at]` nearest `at`, with its roles.
    fn word_before<'t>(&self, text: &'t str, from: usize, at: usize) -> Option<Word<'t>> {
        previous_word(text, from, at).map(|(s, e)| word(text, s, e, &self.classes))
    }

    /// Whether a word has the shape of a past participle.
    fn is_participle(&self, w: &Word<'_>) -> bool {
        if w.is(PARTICIPLE) {
            return true;
        }
        w.lowercase && self.has_participle_form(w)
    }

    /// Whether a word, whatever its case, has a participle's form: a listed ending (and
    /// prefix, where the language has them), not a listed non-participle.
    fn has_participle_form(&self, w: &Word<'_>) -> bool {
        if w.is(NOT_PARTICIPLE) {
            return false;
        }
        // The ending first: one bit test turns most words away.
        self.participle_endings.ends(&w.folded)
            && (self.lex.participle_prefixes.is_empty()
                || self.participle_prefixes.begins(&w.folded, 3))
            && !self.plural_of_not_participle(&w.folded)
    }

    /// Whether `folded` is the plural of a listed non-participle (`pluies`, `journées`,
    /// `sociétés`): a noun, as its singular (`des pluies sont attendues jeudi`).
    fn plural_of_not_participle(&self, folded: &str) -> bool {
        folded
            .strip_suffix('s')
            .is_some_and(|singular| self.classes.of(singular).roles & NOT_PARTICIPLE != 0)
    }
}

/// How far a search for a cue goes: the date's clause, or its whole sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Clause,
    Sentence,
}

/// How many words a participle clause may hold before its date (`entamé dès le`, `interrompu
/// à la 70e minute`, `remis en liberté sous contrôle judiciaire`).
const PARTICIPLE_CLAUSE_WORDS: usize = 7;

/// How many words before a date its clause's pluperfect report may stand (`avait promis en
/// janvier que la nouvelle ligne de production entrerait en service le`).
const PAST_PERFECT_WORDS: usize = 24;

/// The shortest participle that may open a participle clause (`lancé`; not `au`, `eu`).
const PARTICIPLE_MIN_CHARS: usize = 4;

/// The side of the date a word is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// How many words of each side a search has tried, nearest first.
#[derive(Debug, Default)]
struct Cursor {
    left: usize,
    right: usize,
}

/// The words of the sentence holding a date, without the date's own words, read on
/// demand outward from the date: the sentence ends at `.`, `!` or `?` before a space,
/// and at a line break. A word's position is `-1`, `-2`, ... before the date (nearest
/// first) and `0`, `1`, ... after it, so `p + 1` is the next word in the text.
struct Sentence<'t, 'c> {
    text: &'t str,
    classes: &'c Classes,
    /// The date's byte range.
    start: usize,
    end: usize,
    /// The sentence's byte range.
    from: usize,
    to: usize,
    /// The byte range of the date's clause (between `,`, `;`, `:` or brackets).
    clause: (usize, usize),
    /// The words read before the date, nearest first, and where reading goes on.
    left: Vec<Word<'t>>,
    left_at: usize,
    /// The words read after the date, nearest first, and where reading goes on.
    right: Vec<Word<'t>>,
    right_at: usize,
    /// Whether any word of the sentence is an auxiliary, once asked.
    has_auxiliary: Option<bool>,
    /// The byte range of the relative clause inserted between commas right before the
    /// date's clause, if any, once asked.
    inserted: Option<Option<(usize, usize)>>,
}

impl<'t, 'c> Sentence<'t, 'c> {
    fn around(text: &'t str, start: usize, end: usize, classes: &'c Classes) -> Sentence<'t, 'c> {
        let to = floor_boundary(text, end.saturating_add(REACH).min(text.len()));
        let sentence_start = sentence_start(text, start);
        let sentence_end = first_sentence_end(&text[end..to]).map_or(to, |i| end + i);
        let clause_start = last_clause_mark(&text.as_bytes()[sentence_start..start])
            .map_or(sentence_start, |i| sentence_start + i);
        let clause_end = first_clause_mark(&text.as_bytes()[end..sentence_end])
            .map_or(sentence_end, |i| end + i);
        Sentence {
            text,
            classes,
            start,
            end,
            from: sentence_start,
            to: sentence_end,
            clause: (clause_start, clause_end),
            // Most searches stop within a few words.
            left: Vec::with_capacity(8),
            left_at: start,
            right: Vec::with_capacity(8),
            right_at: end,
            has_auxiliary: None,
            inserted: None,
        }
    }

    /// Whether the word at position `p` lies in a relative clause inserted between commas
    /// right before the date's clause, which has a word before the date (`L'exposition,
    /// qui a attiré 80 000 visiteurs, ferme dimanche`): its verb tells of its noun, not of
    /// the main clause. A date just after the clause may still be its (`dont la main a été
    /// arrachée par une grenade, samedi, lors d'un rassemblement`).
    fn is_inserted(&mut self, p: isize) -> bool {
        let Some(at) = self.word(p).map(|w| w.start) else {
            return false;
        };
        if self.inserted.is_none() {
            self.inserted = Some(self.inserted_relative());
        }
        self.inserted
            .flatten()
            .is_some_and(|(open, close)| open < at && at < close)
    }

    /// The byte range between two commas (each before a space, so not a decimal comma)
    /// whose first word is a relative pronoun, the second comma opening the date's
    /// clause, with a word before the date.
    fn inserted_relative(&self) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let is_comma =
            |i: usize| bytes[i] == b',' && bytes.get(i + 1).is_none_or(u8::is_ascii_whitespace);
        let close = self.clause.0;
        if !(self.from..self.to).contains(&close)
            || !is_comma(close)
            || next_word(self.text, close, self.start).is_none()
        {
            return None;
        }
        let open = (self.from..close).rev().find(|&i| is_comma(i))?;
        let (s, e) = next_word(self.text, open + 1, close)?;
        (bytes[open + 1..s].iter().all(u8::is_ascii_whitespace)
            && word(self.text, s, e, self.classes).is(RELATIVE_PRONOUN))
        .then_some((open, close))
    }

    /// The position of the `k`-th word before the date (nearest first).
    fn left_position(k: usize) -> isize {
        -(k as isize) - 1
    }

    /// The first answer `visit` gives for a word of the clause, read outward on the left,
    /// then on the right; `None` when it gives none.
    fn find_in_clause<T>(&mut self, mut visit: impl FnMut(&Word<'t>) -> Option<T>) -> Option<T> {
        for side in [Side::Left, Side::Right] {
            let mut k = 0;
            while self.reaches(side, k, Reach::Clause).is_some() {
                let p = match side {
                    Side::Left => Self::left_position(k),
                    Side::Right => k as isize,
                };
                let Some(word) = self.word(p) else {
                    break;
                };
                let found = visit(word);
                if found.is_some() {
                    return found;
                }
                k += 1;
            }
        }
        None
    }

    /// The first position from `p` on, stepping by `step` (-1 back, 1 ahead), whose word is
    /// no adverb (`a déjà été`, `n'a pas encore`): where the next verb of a chain stands.
    fn past_adverbs(&mut self, mut p: isize, step: isize) -> isize {
        while self.word(p).is_some_and(|w| w.is(ADVERB)) {
            p += step;
        }
        p
    }

    /// The word at position `p`, read if need be; `None` past the sentence's ends.
    #[inline]
    fn word(&mut self, p: isize) -> Option<&Word<'t>> {
        if p < 0 {
            let k = (-(p + 1)) as usize;
            if k >= self.left.len() {
                self.read_left(k)?;
            }
            self.left.get(k)
        } else {
            let k = p as usize;
            if k >= self.right.len() {
                self.read_right(k)?;
            }
            self.right.get(k)
        }
    }

    /// Reads words before the date until the `k`-th (nearest first); `None` if fewer.
    #[inline(never)]
    fn read_left(&mut self, k: usize) -> Option<()> {
        while self.left.len() <= k {
            let (from, to) = previous_word(self.text, self.from, self.left_at)?;
            self.left.push(word(self.text, from, to, self.classes));
            self.left_at = from;
        }
        Some(())
    }

    /// Reads words after the date until the `k`-th; `None` if fewer.
    #[inline(never)]
    fn read_right(&mut self, k: usize) -> Option<()> {
        while self.right.len() <= k {
            let (from, to) = next_word(self.text, self.right_at, self.to)?;
            self.right.push(word(self.text, from, to, self.classes));
            self.right_at = to;
        }
        Some(())
    }

    /// The distance in bytes to the date of the `k`-th word on `side`, if a search
    /// within `reach` goes on to it: within the clause, a side ends at its clause mark,
    /// after the first clause opener before the date and at the first one after it.
    fn reaches(&mut self, side: Side, k: usize, reach: Reach) -> Option<usize> {
        let (start, end, clause) = (self.start, self.end, self.clause);
        match side {
            Side::Left => {
                let p = Self::left_position(k);
                if reach == Reach::Clause
                    && k > 0
                    && self.word(p + 1).is_some_and(|w| w.is(CLAUSE_OPENER))
                {
                    return None;
                }
                let w = self.word(p)?;
                (reach == Reach::Sentence || w.start >= clause.0).then(|| start - w.end)
            }
            Side::Right => {
                let w = self.word(k as isize)?;
                let in_clause = w.end <= clause.1 && !w.is(CLAUSE_OPENER);
                (reach == Reach::Sentence || in_clause).then(|| w.start.saturating_sub(end))
            }
        }
    }

    /// Whether a word of the sentence, on either side, has `role`.
    fn has_role(&mut self, role: Roles) -> bool {
        let mut k = 0;
        while let Some(w) = self.word(Self::left_position(k)) {
            if w.is(role) {
                return true;
            }
            k += 1;
        }
        let mut p = 0;
        while let Some(w) = self.word(p) {
            if w.is(role) {
                return true;
            }
            p += 1;
        }
        false
    }

    /// Whether any word of the sentence is an auxiliary, remembered once asked.
    fn has_auxiliary(&mut self) -> bool {
        if let Some(known) = self.has_auxiliary {
            return known;
        }
        let found = self.has_role(AUXILIARY);
        self.has_auxiliary = Some(found);
        found
    }
}

/// The start of the sentence holding `text[start..]`, looked for up to [`REACH`] back.
fn sentence_start(text: &str, start: usize) -> usize {
    let from = floor_boundary(text, start.saturating_sub(REACH));
    last_sentence_end(&text[from..start]).map_or(from, |i| from + i + 1)
}

/// The byte offset of the first sentence end of `text` (see [`ends_sentence_at`]).
///
/// The marks are ASCII, so they are found by byte (a byte below 0x80 is a whole char),
/// with `memchr`'s vector search: a sentence is skipped in blocks, not byte by byte,
/// and a date's sentence is looked for on both sides of it for every date.
fn first_sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    // `!` is rare: looked for again only once passed.
    let mut bang = memchr::memchr(b'!', bytes);
    loop {
        let other = memchr::memchr3(b'.', b'?', b'\n', &bytes[from..]).map(|i| from + i);
        let i = match (other, bang) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        if ends_sentence_at(text, i) {
            return Some(i);
        }
        from = i + 1;
        if bang == Some(i) {
            bang = memchr::memchr(b'!', &bytes[from..]).map(|j| from + j);
        }
    }
}

/// The byte offset of the last sentence end of `text`: [`first_sentence_end`] from the end.
fn last_sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut to = bytes.len();
    let mut bang = memchr::memrchr(b'!', bytes);
    loop {
        // `None` orders before any `Some`: the later of the two.
        let i = memchr::memrchr3(b'.', b'?', b'\n', &bytes[..to]).max(bang)?;
        if ends_sentence_at(text, i) {
            return Some(i);
        }
        to = i;
        if bang == Some(i) {
            bang = memchr::memrchr(b'!', &bytes[..to]);
        }
    }
}

/// The offset of the first clause mark (see [`is_clause_mark`]) of `bytes`.
fn first_clause_mark(bytes: &[u8]) -> Option<usize> {
    match (
        memchr::memchr3(b',', b';', b':', bytes),
        memchr::memchr2(b'(', b')', bytes),
    ) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The offset of the last clause mark (see [`is_clause_mark`]) of `bytes`.
fn last_clause_mark(bytes: &[u8]) -> Option<usize> {
    memchr::memrchr3(b',', b';', b':', bytes).max(memchr::memrchr2(b'(', b')', bytes))
}

/// Whether `text[from..to]`, a sentence as [`Sentence::around`] bounds it, is a whole
/// one: it ends with `.`, `!` or `?` (not after an initial: `M. Macron a …` is cut
/// short), or it is a whole line of its own, opening with a capital, that ends without a
/// stop: a headline or a listing's line, which news prints without one (`Grève nationale
/// mardi : les syndicats appellent à manifester`). A line wrapped mid-sentence rarely
/// opens with a capital, and a sentence after another on its line is not whole.
fn is_whole_sentence(text: &str, from: usize, to: usize) -> bool {
    let rest = text.get(to..).unwrap_or_default();
    if rest.starts_with(['.', '!', '?']) {
        return !follows_initial(text, to);
    }
    let ends_line = rest.is_empty() || rest.starts_with('\n');
    let starts_line = from == 0 || text.as_bytes().get(from - 1) == Some(&b'\n');
    let opens_with_capital = text
        .get(from..to)
        .and_then(|line| line.trim_start().chars().next())
        .is_some_and(char::is_uppercase);
    ends_line && starts_line && opens_with_capital
}

/// Whether `text[..at]` ends with a lone capital letter (`M`, `J` of `J. Dupont`).
fn follows_initial(text: &str, at: usize) -> bool {
    let mut before = text.get(..at).unwrap_or_default().chars().rev();
    before.next().is_some_and(char::is_uppercase)
        && !before.next().is_some_and(char::is_alphanumeric)
}

/// The marks that bound a date's clause, one byte each: what [`first_clause_mark`] and
/// [`last_clause_mark`] look for (kept as the plain test they are checked against).
#[cfg(test)]
fn is_clause_mark(b: u8) -> bool {
    matches!(b, b',' | b';' | b':' | b'(' | b')')
}

/// The length of the char whose UTF-8 encoding starts with `lead`.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Whether `b` may end a sentence (a line break or a stop mark): the cheap test before
/// [`ends_sentence_at`].
#[inline]
fn is_stop_byte(b: u8) -> bool {
    matches!(b, b'\n' | b'.' | b'!' | b'?')
}

/// Whether the byte at `i` of `text` ends a sentence: a line break, or a stop mark
/// that [`ends_sentence`] accepts.
fn ends_sentence_at(text: &str, i: usize) -> bool {
    match text.as_bytes()[i] {
        b'\n' => true,
        b'.' | b'!' | b'?' => ends_sentence(&text[i + 1..]),
        _ => false,
    }
}

/// Whether a stop mark followed by `rest` ends a sentence (`1.500` and `d.w.z.` do not;
/// closing quotes and brackets may come between: `zei hij."`).
fn ends_sentence(rest: &str) -> bool {
    rest.chars()
        .find(|&c| !matches!(c, '"' | '\'' | '’' | '”' | '»' | ')'))
        .is_none_or(char::is_whitespace)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The letter at byte `at` of `text` (a char boundary): its length, `None` for others.
/// ASCII bytes (most of the text) are classified in line, without decoding a char.
#[inline(always)]
fn letter_len(text: &str, at: usize) -> Option<usize> {
    match text.as_bytes()[at] {
        b if b.is_ascii() => b.is_ascii_alphabetic().then_some(1),
        _ => non_ascii_letter_len(text, at),
    }
}

/// [`letter_len`] of a char that is not ASCII.
#[inline(never)]
fn non_ascii_letter_len(text: &str, at: usize) -> Option<usize> {
    text[at..]
        .chars()
        .next()
        .filter(|c| c.is_alphabetic())
        .map(char::len_utf8)
}

/// Whether `text`, past its leading spaces, opens with a score of one or two digits a side
/// (`5-2 contre`, `3-1.`), not a longer run of numbers (`5-2-2026`).
fn starts_with_score(text: &str) -> bool {
    let bytes = text.trim_start_matches([' ', '\u{a0}']).as_bytes();
    let digits = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let left = digits(0);
    if !(1..=2).contains(&left) || bytes.get(left) != Some(&b'-') {
        return false;
    }
    let right = digits(left + 1);
    let after = left + 1 + right;
    let goes_on = match bytes.get(after) {
        Some(b'-' | b'/') => true,
        Some(b'.') => digits(after + 1) > 0,
        _ => false,
    };
    (1..=2).contains(&right) && !goes_on
}

/// Whether `text` ends with a score of one or two digits a side (`de 2-2`, `na de 10-0`).
fn ends_with_score(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits_before = |end: usize| {
        let mut at = end;
        while at > 0 && bytes[at - 1].is_ascii_digit() {
            at -= 1;
        }
        (at, end - at)
    };
    let (dash, right) = digits_before(bytes.len());
    if !(1..=2).contains(&right) || dash == 0 || bytes[dash - 1] != b'-' {
        return false;
    }
    let (at, left) = digits_before(dash - 1);
    (1..=2).contains(&left) && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
}

/// The first alphabetic word of `text[at..to]` (apostrophes and hyphens split words),
/// as a byte range.
fn next_word(text: &str, mut at: usize, to: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    while at < to {
        if letter_len(text, at).is_some() {
            let start = at;
            while let Some(len) = (at < to).then(|| letter_len(text, at)).flatten() {
                at += len;
            }
            return Some((start, at));
        }
        at += utf8_len(bytes[at]);
    }
    None
}

/// The last alphabetic word of `text[from..at]`: the words [`next_word`] finds, read
/// backward.
fn previous_word(text: &str, from: usize, mut at: usize) -> Option<(usize, usize)> {
    while at > from {
        let (before, letter) = char_before(text, at);
        if letter {
            let end = at;
            at = before;
            while at > from {
                let (before, letter) = char_before(text, at);
                if !letter {
                    break;
                }
                at = before;
            }
            return Some((at, end));
        }
        at = before;
    }
    None
}

/// The start of the char before `at` (a char boundary past 0) and whether it is a letter.
/// An ASCII byte is a whole char, told in line; only others need the boundary search.
#[inline(always)]
fn char_before(text: &str, at: usize) -> (usize, bool) {
    let b = text.as_bytes()[at - 1];
    if b.is_ascii() {
        return (at - 1, b.is_ascii_alphabetic());
    }
    let mut before = at - 1;
    while !text.is_char_boundary(before) {
        before -= 1;
    }
    (before, non_ascii_letter_len(text, before).is_some())
}

/// The word `text[start..end]` with its lowercase form and roles.
fn word<'t>(text: &'t str, start: usize, end: usize, classes: &Classes) -> Word<'t> {
    let word = &text[start..end];
    // Most words are ASCII lowercase: no case mapping to run; the other ASCII words
    // are lowered without Unicode tables.
    let ascii_lower = word.bytes().all(|b| b.is_ascii_lowercase());
    let (folded, lowercase) = if ascii_lower {
        (Folded::Text(word), true)
    } else if word.is_ascii() {
        let lowered = match word.len() {
            len if len <= 23 => {
                let mut buffer = [0u8; 23];
                buffer[..len].copy_from_slice(word.as_bytes());
                buffer[..len].make_ascii_lowercase();
                std::str::from_utf8(&buffer[..len])
                    .map_or_else(|_| word.to_lowercase_smolstr(), SmolStr::new)
            }
            _ => word.to_ascii_lowercase_smolstr(),
        };
        // A word of ASCII letters that is not all lowercase has an uppercase one.
        (Folded::Lowered(lowered), false)
    } else {
        let lowercase = !word.chars().any(char::is_uppercase);
        (Folded::Lowered(word.to_lowercase_smolstr()), lowercase)
    };
    Word {
        class: classes.of(&folded),
        folded,
        start,
        end,
        lowercase,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_end_with_two_short_numbers() {
        assert!(ends_with_score("Na de 2-2"));
        assert!(ends_with_score("de 10-0"));
        assert!(!ends_with_score("het seizoen 2025-2026"));
        assert!(!ends_with_score("de A12-3"));
        assert!(!ends_with_score("de -2"));
        assert!(!ends_with_score("2-"));
    }

    #[test]
    fn scores_start_with_two_short_numbers() {
        assert!(starts_with_score(" 5-2 contre Boston"));
        assert!(starts_with_score(" 3-1."));
        assert!(starts_with_score("\u{a0}10-0"));
        assert!(!starts_with_score(" 5-2-2026"));
        assert!(!starts_with_score(" 12-3/4"));
        assert!(!starts_with_score(" 1.5-2"));
        assert!(!starts_with_score(" 3-1.5"));
        assert!(!starts_with_score(" 2025-2026"));
        assert!(!starts_with_score(" 5-"));
        assert!(!starts_with_score(""));
    }

    fn tense_of(cues: &TenseCues, text: &str, date: &str) -> Tense {
        let start = text.find(date).unwrap_or(text.len());
        cues.tense_at(text, start, start + date.len())
    }

    /// Checks the tense of `maart` in each sentence.
    fn assert_tenses(cues: &TenseCues, expected: &[(&str, Tense)]) {
        for &(text, tense) in expected {
            assert_eq!(tense_of(cues, text, "maart"), tense, "{text}");
        }
    }

    #[test]
    fn a_whole_sentence_without_a_past_word_reads_as_a_present() {
        let cues = TenseCues::new(&TenseLexicon {
            past: vec!["ging".into()],
            auxiliaries: vec!["is".into()],
            participle_prefixes: vec!["ge".into()],
            participle_endings: vec!["d".into(), "t".into()],
            reporting: vec!["meldt".into()],
            weak_past_endings: vec!["de".into(), "te".into()],
            not_weak_past: vec!["grote".into()],
            maybe_past: vec!["al".into()],
            strong_participle_endings: vec!["en".into()],
            ..TenseLexicon::default()
        });
        let present = |text: &str| {
            let start = text.find("vrijdag").unwrap_or(text.len());
            cues.reads_as_present(text, start, start + "vrijdag".len())
        };
        assert!(present("De bonden leggen vrijdag het werk neer."));
        assert!(present(
            "De grote winkels sluiten vrijdag. Gisteren ging het mis"
        ));
        // A headline may have no verb, nor a stop when it is a whole line of its own;
        // a sentence cut short by a line break, or after another on its line, is none.
        assert!(present("Staking vrijdag in Gent"));
        assert!(present(
            "Staking vrijdag in Gent\nDe bonden eisen meer loon."
        ));
        assert!(present("Vorige week.\nStaking vrijdag in Gent"));
        assert!(!present(
            "Het ging mis.\nen zo leggen ze vrijdag het werk neer\nin Gent."
        ));
        assert!(!present("Het ging mis. Staking vrijdag in Gent"));
        // A past word of any kind keeps the default.
        assert!(!present("Staking vrijdag in Gent ging door"));
        assert!(present("De man wordt vrijdag voorgeleid."));
        for text in [
            "De bond legde vrijdag het werk neer.",
            "De man ging vrijdag naar huis.",
            "De man is vrijdag gearresteerd.",
            "De man is vrijdag gevangen.",
            "Dat meldt de krant vrijdag.",
            "De winkels zijn al sinds vrijdag dicht.",
        ] {
            assert!(!present(text), "{text}");
        }
        // Without weak past endings (a language that has no such rule), nothing is.
        let none = TenseCues::new(&TenseLexicon {
            past: vec!["ging".into()],
            ..TenseLexicon::default()
        });
        let text = "De bonden leggen vrijdag het werk neer.";
        assert!(!none.reads_as_present(text, 17, 24));
    }

    #[test]
    fn a_word_in_several_lists_keeps_every_role() {
        let cues = TenseCues::new(&TenseLexicon {
            past: vec!["Gepland".into()],
            future: vec!["zal".into()],
            neutral: vec!["gepland".into()],
            auxiliaries: vec!["heeft".into()],
            participle_prefixes: vec!["ge".into()],
            participle_endings: vec!["d".into(), "t".into()],
            reporting: vec!["heeft".into()],
            ..TenseLexicon::default()
        });
        let expected = [
            // The neutral list wins the tense of a word listed as past too.
            ("Het is gepland in maart.", Tense::Unknown),
            ("Hij zal in maart komen.", Tense::Future),
            // A reporting auxiliary is still an auxiliary for the participle.
            ("Hij heeft in maart gewerkt.", Tense::Past),
            ("Hij werkte in maart.", Tense::Unknown),
        ];
        assert_tenses(&cues, &expected);
    }

    #[test]
    fn a_postponing_participle_after_its_auxiliary_looks_ahead() {
        let cues = TenseCues::new(&TenseLexicon {
            past: vec!["été".into()],
            auxiliaries: vec!["a".into(), "ont".into()],
            adverbs: vec!["déjà".into()],
            neutral: vec!["prévu".into()],
            postponing: vec!["reporté".into()],
            participle_endings: vec!["é".into()],
            participle_follows: true,
            ..TenseLexicon::default()
        });
        let expected = [
            // The date planned and the one moved to, after `a été reporté`.
            ("Le match, prévu samedi, a été reporté.", Tense::Future),
            ("Le match a été reporté à samedi.", Tense::Future),
            ("Le match a déjà reporté à samedi.", Tense::Future),
            // Right after the participle: the day of the act.
            ("Le match a été reporté samedi.", Tense::Past),
            // Without an auxiliary, a participle of any other sense.
            ("Il a reporté samedi.", Tense::Past),
            ("Un texte reporté, samedi.", Tense::Unknown),
        ];
        for (text, tense) in expected {
            assert_eq!(tense_of(&cues, text, "samedi"), tense, "{text}");
        }
    }

    #[test]
    fn the_nearest_cue_decides_and_the_own_clause_first() {
        let cues = TenseCues::new(&TenseLexicon {
            past: vec!["werd".into(), "zei".into()],
            future: vec!["zal".into()],
            reporting: vec!["zei".into()],
            ..TenseLexicon::default()
        });
        let expected = [
            (
                "Het werd later bekend dat het zal dalen in maart.",
                Tense::Future,
            ),
            ("Het zal zeker dalen en werd in maart bekend.", Tense::Past),
            // Equally near cues that disagree tell nothing.
            ("Het werd maart zal het.", Tense::Unknown),
            // The date's own clause wins over a nearer cue beyond a comma.
            ("Het werd gezegd, vanaf maart zal het dalen.", Tense::Future),
            // Outside the clause, the nearest cue counts, but not a reporting verb.
            ("Het zal dalen, in maart.", Tense::Future),
            ("Het zal dalen in maart, zei hij.", Tense::Future),
            ("In maart daalt het, zei hij.", Tense::Unknown),
            ("In maart zei hij het.", Tense::Past),
        ];
        assert_tenses(&cues, &expected);
    }

    #[test]
    fn a_clause_opener_bounds_the_dates_clause() {
        let cues = TenseCues::new(&TenseLexicon {
            past: vec!["werd".into(), "meldde".into()],
            future: vec!["zal".into()],
            reporting: vec!["meldde".into()],
            clause_openers: vec!["dat".into(), "die".into()],
            ..TenseLexicon::default()
        });
        let expected = [
            // Its own clause's cue wins over a nearer one before the opener.
            (
                "Het werd bekend dat het zeker in maart zal dalen.",
                Tense::Future,
            ),
            // An opener after the date ends its clause.
            ("In maart zal het dalen dat werd gezegd.", Tense::Future),
            // Without a cue of its own, the main clause decides, but not a reporting verb.
            ("Het werd bekend dat het in maart daalt.", Tense::Past),
            ("Hij meldde dat het in maart daalt.", Tense::Unknown),
            // Before a date that opens its clause after a comma, a reporting verb counts.
            ("Hij meldde, maart bracht een daling.", Tense::Past),
            (
                "Hij meldde, bij de cijfers over maart, een daling.",
                Tense::Unknown,
            ),
        ];
        assert_tenses(&cues, &expected);
    }

    #[test]
    fn endings_are_found_as_by_a_plain_scan() {
        let lists: [&[&str]; 3] = [
            &["d", "t", "é", "is", "ert"],
            &["era", "ront", "ez"],
            &["", "x"],
        ];
        let words = [
            "", "d", "gewerkt", "ouvert", "permis", "sera", "feront", "avez", "ez", "é", "été",
            "maart", "x",
        ];
        for list in lists {
            let list: Vec<String> = list.iter().map(|a| a.to_string()).collect();
            let affixes = Affixes::endings(&list);
            for word in words {
                let expected = list.iter().any(|a| word.ends_with(a.as_str()));
                assert_eq!(affixes.ends(word), expected, "{list:?} {word:?}");
            }
        }
    }

    #[test]
    fn listed_words_are_found_short_or_long() {
        let cues = TenseCues::new(&TenseLexicon {
            past: vec!["werd".into(), "aangekondigd".into()],
            future: vec!["zal".into(), "zullen".into()],
            ..TenseLexicon::default()
        });
        for (word, tense) in [
            ("werd", Some(Tense::Past)),
            ("aangekondigd", Some(Tense::Past)),
            ("zal", Some(Tense::Future)),
            ("zullen", Some(Tense::Future)),
            ("zalm", None),
            ("aangekondigde", None),
            ("", None),
        ] {
            assert_eq!(cues.classes.of(word).tense, tense, "{word:?}");
        }
    }

    #[test]
    fn words_read_backward_are_the_words_read_forward() {
        let texts = [
            "",
            "Hij zei: dat het in maart 2024 zal dalen.",
            "l'été, aujourd’hui; ÉTÉ-mars (Ĳssel) 3e trimestre x",
            "€ 1,5 miljard — «déjà» ünd",
        ];
        for text in texts {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &from in &bounds {
                for &to in bounds.iter().filter(|&&to| to >= from) {
                    let mut forward = Vec::new();
                    let mut at = from;
                    while let Some((start, end)) = next_word(text, at, to) {
                        forward.push((start, end));
                        at = end;
                    }
                    let mut backward = Vec::new();
                    let mut at = to;
                    while let Some((start, end)) = previous_word(text, from, at) {
                        backward.push((start, end));
                        at = start;
                    }
                    backward.reverse();
                    assert_eq!(forward, backward, "{text:?} {from}..{to}");
                }
            }
        }
        let text = "l'été, aujourd’hui";
        let words: Vec<&str> = std::iter::successors(next_word(text, 0, text.len()), |&(_, e)| {
            next_word(text, e, text.len())
        })
        .map(|(s, e)| &text[s..e])
        .collect();
        assert_eq!(words, ["l", "été", "aujourd", "hui"]);
    }

    #[test]
    fn sentence_ends_and_clause_marks_are_found_as_by_a_plain_scan() {
        let texts = [
            "",
            "Le 4 mai. Puis 1.500 euros! Rien? Et (alors) d.w.z. zei hij.\" Ja, nee; of: x",
            "Hij zei: «stop!» En toen.\n\nMaar 3.5 en ?.!",
            "é.ü! à? (ô) ,;:",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            let stops: Vec<usize> = (0..bytes.len())
                .filter(|&i| is_stop_byte(bytes[i]) && ends_sentence_at(text, i))
                .collect();
            let marks: Vec<usize> = (0..bytes.len())
                .filter(|&i| is_clause_mark(bytes[i]))
                .collect();
            assert_eq!(first_sentence_end(text), stops.first().copied(), "{text:?}");
            assert_eq!(last_sentence_end(text), stops.last().copied(), "{text:?}");
            assert_eq!(first_clause_mark(bytes), marks.first().copied(), "{text:?}");
            assert_eq!(last_clause_mark(bytes), marks.last().copied(), "{text:?}");
        }
        assert_eq!(first_sentence_end("1.5 x. y!"), Some(5));
        assert_eq!(last_sentence_end("x! y 1.5"), Some(1));
        assert_eq!(first_clause_mark(b"a (b, c"), Some(2));
        assert_eq!(last_clause_mark(b"a, b) c"), Some(4));
    }

    #[test]
    fn a_year_states_the_sentences_time_only_when_it_opens_it() {
        let cues = TenseCues::new(&TenseLexicon {
            year_prepositions: vec!["in".into()],
            ..TenseLexicon::default()
        });
        let opens = |text: &str| {
            let start = text.find("2022").unwrap_or(text.len());
            cues.states_sentence_year(text, start)
        };
        assert!(opens("2022 was goed."));
        assert!(opens("Het daalde. In 2022 steeg het."));
        assert!(!opens("De cijfers over 2022 komen."));
        assert!(!opens("Het bedrijf steeg in 2022."));
        assert!(TenseCues::same_sentence(
            "In 2022 steeg het, in maart",
            7,
            25
        ));
        assert!(!TenseCues::same_sentence(
            "In 2022 steeg het. In maart",
            7,
            25
        ));
    }

    #[test]
    fn sentences_between_count_runs_of_stops_once() {
        let text = "Le 4 mai. Puis rien.\n\nEt alors! Le lendemain";
        let to = text.len() - "Le lendemain".len();
        assert!(TenseCues::within_sentences(text, 8, to, 3));
        assert!(!TenseCues::within_sentences(text, 8, to, 2));
        assert!(TenseCues::within_sentences(text, 8, 8, 0));
        // Not at a char boundary: nothing is known to be near.
        assert!(!TenseCues::within_sentences("é.", 1, 2, 5));
    }
}
