//! Metric cues: the words and phrases of `statements.toml`, found in a sentence by a small
//! backtracking matcher.
//!
//! The matcher has the semantics of one case-insensitive regex per metric,
//! `(?i)\b(?:ALTERNATIVES)\b` with the alternatives longest pattern first (see
//! [`cue_patterns`]): leftmost-first, non-overlapping. Compiling those regexes (Unicode case
//! folding, literal prefilters, forward and reverse automata) cost about 117 M instructions
//! per process, more than linking the statements of 400 articles, while the cues are short
//! literal phrases that fail at their first character almost everywhere. The regexes stay
//! the specification: a test compares both on random text.

use std::sync::OnceLock;

use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, HirKind};

use super::lexicon::MetricCues;
use super::Metric;

/// Most words a `...` gap may skip.
const GAP_WORDS: usize = 8;

/// One step of a cue pattern.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    /// A character in any case: the character, and the others of its simple case folding
    /// orbit (`k` also matches `K` and the Kelvin sign, as the regex did).
    Char(char, Box<[char]>),
    /// `['’]\s*`: an apostrophe of either form, then optional spaces (`d’ affaires`).
    Apostrophe,
    /// `\s+`.
    Spaces,
    /// `\s+(?:\S+\s+){0,8}?`: spaces and as few whole words as possible, at most eight.
    Gap,
    /// `[\p{L}\p{N}]*-?`: the modifier of a compound (`jaar`, `cloud-`), longest first.
    Modifier,
    /// `\b`, Unicode word boundary.
    Boundary,
}

/// Every metric's cues of one language, found in one pass over a sentence's word
/// boundaries: each metric keeps the regex's semantics (leftmost-first, not overlapping
/// its own earlier hits), and at each start only the cues that may begin with its
/// character are tried.
#[derive(Debug, Clone)]
pub(super) struct CueScanner {
    /// The metrics with cues, in the order their hits at one start are reported.
    metrics: Vec<Metric>,
    /// Every cue: the slot of its metric in `metrics` and its steps, from its first
    /// character to the closing word boundary; by slot, then in the order a metric's cues
    /// are preferred at the same start.
    cues: Vec<(usize, Box<[Step]>)>,
    /// For each ASCII character, the cues (in order) that may start with it: most word
    /// starts try none or a few.
    by_ascii: Box<[Box<[u16]>]>,
    /// The cues that may start with some non-ASCII character (a compound's modifier, a
    /// no-break space); each is checked against the character before it is run.
    by_other: Box<[u16]>,
}

impl CueScanner {
    /// The cues of each metric; metrics listing none are left out. An error names the
    /// metric of a cue that may match no text.
    pub fn new<'a>(
        metrics: impl IntoIterator<Item = (Metric, &'a MetricCues)>,
    ) -> Result<CueScanner, String> {
        let mut scanner_metrics = Vec::new();
        let mut cues = Vec::new();
        for (metric, words) in metrics {
            let steps = metric_steps(words).map_err(|e| format!("{metric:?}: {e}"))?;
            if steps.is_empty() {
                continue;
            }
            let slot = scanner_metrics.len();
            scanner_metrics.push(metric);
            cues.extend(steps.into_iter().map(|steps| (slot, steps)));
        }
        if cues.len() > usize::from(u16::MAX) {
            return Err("too many cues in one language".into());
        }
        let starting_with = |may_start: &dyn Fn(&[Step]) -> bool| -> Box<[u16]> {
            (0u16..)
                .zip(&cues)
                .filter(|(_, (_, steps))| may_start(steps))
                .map(|(i, _)| i)
                .collect()
        };
        let by_ascii = (0u8..128)
            .map(|byte| starting_with(&|steps| may_start_with(steps, char::from(byte))))
            .collect();
        let by_other = starting_with(&may_start_with_non_ascii);
        Ok(CueScanner {
            metrics: scanner_metrics,
            cues,
            by_ascii,
            by_other,
        })
    }

    /// Calls `found(metric, start, end)` for each cue in `hay` (byte offsets), by start,
    /// and at one start in the order of the metrics; a metric's hits do not overlap.
    /// `boundaries` are the word boundaries of `hay` ([`word_boundaries`]).
    pub fn find_all(
        &self,
        hay: &str,
        boundaries: &[usize],
        mut found: impl FnMut(Metric, usize, usize),
    ) {
        // Where each metric may next start: the end of its last hit.
        let mut free_from = vec![0; self.metrics.len()];
        for &pos in boundaries {
            let Some(next) = hay[pos..].chars().next() else {
                break;
            };
            let ascii = u8::try_from(next).ok().filter(u8::is_ascii);
            let candidates = match ascii {
                Some(byte) => &self.by_ascii[usize::from(byte)],
                None => &self.by_other,
            };
            // The end of the compound letters from `pos`, shared by the compound cues.
            let mut letters_end = None;
            for &i in candidates.iter() {
                let (slot, steps) = &self.cues[usize::from(i)];
                if free_from[*slot] > pos || (ascii.is_none() && !may_start_with(steps, next)) {
                    continue;
                }
                let end = match steps.split_first() {
                    Some((Step::Modifier, head)) => {
                        let letters_end = *letters_end
                            .get_or_insert_with(|| run_end(hay, pos, is_compound_letter));
                        modifier_then(head, hay, pos, letters_end)
                    }
                    _ => run(steps, hay, pos),
                };
                if let Some(end) = end {
                    free_from[*slot] = end;
                    found(self.metrics[*slot], pos, end);
                }
            }
        }
    }
}

/// One metric's cues as steps ending at a word boundary, in the order they are preferred
/// at the same start; none when it lists none.
fn metric_steps(cues: &MetricCues) -> Result<Vec<Box<[Step]>>, String> {
    let mut alternatives: Vec<(String, Vec<Step>)> = Vec::new();
    for word in &cues.words {
        alternatives.push((phrase_pattern(word), phrase_steps(word)));
    }
    for head in &cues.compounds {
        let mut steps = vec![Step::Modifier];
        steps.extend(head.chars().map(char_step));
        alternatives.push((compound_pattern(head), steps));
    }
    if let Some((pattern, _)) = alternatives.iter().find(|(_, steps)| !consumes(steps)) {
        return Err(format!("cue {pattern:?} may match no text"));
    }
    // Longest pattern first, so `bénéfice net` wins over `bénéfice` (a stable sort, as
    // the regex alternation was built).
    alternatives.sort_by_key(|(pattern, _)| std::cmp::Reverse(pattern.len()));
    Ok(alternatives
        .into_iter()
        .map(|(_, mut steps)| {
            steps.push(Step::Boundary);
            steps.into_boxed_slice()
        })
        .collect())
}

/// The positions of `\b` in `hay` (Unicode word boundaries), in order.
pub(super) fn word_boundaries(hay: &str) -> Vec<usize> {
    let mut boundaries = Vec::new();
    let mut word_before = false;
    for (pos, c) in hay.char_indices() {
        let word_after = is_word(c);
        if word_before != word_after {
            boundaries.push(pos);
        }
        word_before = word_after;
    }
    if word_before {
        boundaries.push(hay.len());
    }
    boundaries
}

/// Whether `steps` may match text that starts with `c` (may say yes wrongly, never no).
fn may_start_with(steps: &[Step], c: char) -> bool {
    let Some((step, rest)) = steps.split_first() else {
        return true;
    };
    match step {
        Step::Char(first, others) => c == *first || others.contains(&c),
        Step::Apostrophe => c == '\'' || c == '’',
        Step::Spaces | Step::Gap => c.is_whitespace(),
        Step::Modifier => is_compound_letter(c) || c == '-' || may_start_with(rest, c),
        Step::Boundary => may_start_with(rest, c),
    }
}

/// Whether `steps` may match text that starts with some non-ASCII character (may say yes
/// wrongly, never no).
fn may_start_with_non_ascii(steps: &[Step]) -> bool {
    let Some((step, rest)) = steps.split_first() else {
        return true;
    };
    match step {
        Step::Char(first, others) => !first.is_ascii() || others.iter().any(|c| !c.is_ascii()),
        Step::Apostrophe | Step::Spaces | Step::Gap | Step::Modifier => true,
        Step::Boundary => may_start_with_non_ascii(rest),
    }
}

/// Whether a cue's steps always consume text (a cue matching nothing would loop).
fn consumes(steps: &[Step]) -> bool {
    steps.iter().any(|s| {
        matches!(
            s,
            Step::Char(..) | Step::Apostrophe | Step::Spaces | Step::Gap
        )
    })
}

/// A phrase as steps: spaces match any whitespace, `'` matches `’` too, `...` is a gap.
fn phrase_steps(phrase: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut after_gap = false;
    for (i, part) in phrase.split_whitespace().enumerate() {
        if part == "..." {
            steps.push(Step::Gap);
            after_gap = true;
            continue;
        }
        if i > 0 && !after_gap {
            steps.push(Step::Spaces);
        }
        after_gap = false;
        steps.extend(part.chars().map(|c| match c {
            '\'' => Step::Apostrophe,
            c => char_step(c),
        }));
    }
    steps
}

/// A character matched in any case, with its simple case folding orbit.
fn char_step(c: char) -> Step {
    let mut orbit = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    orbit.case_fold_simple();
    let others: Box<[char]> = orbit
        .iter()
        .flat_map(|r| r.start()..=r.end())
        .filter(|&other| other != c)
        .collect();
    Step::Char(c, others)
}

/// The end of the first way `steps` match `hay` at `pos`, in the regex's order of preference.
fn run(steps: &[Step], hay: &str, pos: usize) -> Option<usize> {
    let Some((step, rest)) = steps.split_first() else {
        return Some(pos);
    };
    match step {
        Step::Char(c, others) => {
            let next = hay[pos..].chars().next()?;
            if next == *c || others.contains(&next) {
                run(rest, hay, pos + next.len_utf8())
            } else {
                None
            }
        }
        Step::Apostrophe => {
            let next = hay[pos..]
                .chars()
                .next()
                .filter(|&c| c == '\'' || c == '’')?;
            longest_first(
                hay,
                pos + next.len_utf8(),
                0,
                char::is_whitespace,
                &mut |end| run(rest, hay, end),
            )
        }
        Step::Spaces => longest_first(hay, pos, 1, char::is_whitespace, &mut |end| {
            run(rest, hay, end)
        }),
        Step::Gap => longest_first(hay, pos, 1, char::is_whitespace, &mut |end| {
            fewest_words(hay, end, GAP_WORDS, rest)
        }),
        Step::Modifier => {
            let letters_end = run_end(hay, pos, is_compound_letter);
            modifier_then(rest, hay, pos, letters_end)
        }
        Step::Boundary => {
            let before = hay[..pos].chars().next_back().is_some_and(is_word);
            let after = hay[pos..].chars().next().is_some_and(is_word);
            if before != after {
                run(rest, hay, pos)
            } else {
                None
            }
        }
    }
}

/// `[\p{L}\p{N}]*-?` then `rest` (a compound's head and its boundary) at `pos`, where
/// the compound letters from `pos` end at `letters_end`: the longest modifier first.
fn modifier_then(rest: &[Step], hay: &str, pos: usize, letters_end: usize) -> Option<usize> {
    let head_at = |at: usize| {
        let may_start = hay[at..]
            .chars()
            .next()
            .is_none_or(|c| may_start_with(rest, c));
        may_start.then(|| run(rest, hay, at)).flatten()
    };
    if hay[letters_end..].starts_with('-') {
        if let Some(end) = head_at(letters_end + 1) {
            return Some(end);
        }
    }
    match ascii_first_char(rest) {
        // Every form of the head's first character is one ASCII byte: only the
        // bytes of the modifier that are one of them can start the head, from the
        // longest modifier down (as `longest_first` tries them).
        Some(forms) => (pos..=letters_end)
            .rev()
            .filter(|&q| hay.as_bytes().get(q).is_some_and(|b| forms.contains(b)))
            .find_map(|q| run(rest, hay, q)),
        None => longest_first(hay, pos, 0, is_compound_letter, &mut |end| head_at(end)),
    }
}

/// The bytes of every form of the first character of `steps`, when that is a character
/// whose case forms are all ASCII (`o`, `O`; not `k`, whose forms include the Kelvin sign).
fn ascii_first_char(steps: &[Step]) -> Option<[u8; 2]> {
    match steps.first()? {
        Step::Char(c, others) => {
            let byte = u8::try_from(*c).ok().filter(u8::is_ascii)?;
            match **others {
                [] => Some([byte; 2]),
                [other] => Some([byte, u8::try_from(other).ok().filter(u8::is_ascii)?]),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `(?:\S+\s+){0,left}?` then `rest`: lazy, so the fewest words that let `rest` match.
fn fewest_words(hay: &str, pos: usize, left: usize, rest: &[Step]) -> Option<usize> {
    if let Some(end) = run(rest, hay, pos) {
        return Some(end);
    }
    if left == 0 {
        return None;
    }
    longest_first(hay, pos, 1, |c| !c.is_whitespace(), &mut |word_end| {
        longest_first(hay, word_end, 1, char::is_whitespace, &mut |end| {
            fewest_words(hay, end, left - 1, rest)
        })
    })
}

/// `[class]{min,}` (greedy) then `then`: tries the run of `class` characters from `pos`
/// from its longest down to `min` characters, and returns the first end `then` accepts.
fn longest_first(
    hay: &str,
    pos: usize,
    min: usize,
    class: impl Fn(char) -> bool,
    then: &mut dyn FnMut(usize) -> Option<usize>,
) -> Option<usize> {
    let end = run_end(hay, pos, &class);
    let run = &hay[pos..end];
    let floor = match run.char_indices().nth(min) {
        Some((i, _)) => pos + i,
        None if run.chars().count() == min => end,
        None => return None,
    };
    let ends = std::iter::once(end).chain(run.char_indices().rev().map(|(i, _)| pos + i));
    ends.take_while(|&e| e >= floor).find_map(then)
}

/// The end of the run of `class` characters that starts at `pos`.
fn run_end(hay: &str, pos: usize, class: impl Fn(char) -> bool) -> usize {
    hay[pos..]
        .char_indices()
        .find(|&(_, c)| !class(c))
        .map_or(hay.len(), |(i, _)| pos + i)
}

/// A word character of `\b`: alphabetic, a mark, a decimal digit or a connector.
fn is_word(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// `(?i)[\p{L}\p{N}]`: a letter or number, or a character case-folding into one.
fn is_compound_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let ranges = compound_letters();
    ranges
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The ranges of `(?i)[\p{L}\p{N}]`, from the regex crate's own Unicode tables.
fn compound_letters() -> &'static [(char, char)] {
    static RANGES: OnceLock<Box<[(char, char)]>> = OnceLock::new();
    RANGES.get_or_init(|| match unicode_class(r"(?i)[\p{L}\p{N}]") {
        Some(class) => class.iter().map(|r| (r.start(), r.end())).collect(),
        // Unreachable with the regex crate's default Unicode tables; letters and digits
        // without case folding are the closest.
        None => Box::new([]),
    })
}

/// The Unicode class a one-class pattern denotes.
fn unicode_class(pattern: &str) -> Option<ClassUnicode> {
    let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => Some(class.clone()),
        _ => None,
    }
}

/// The regex a phrase cue stood for (and its length orders the alternatives).
pub(super) fn phrase_pattern(phrase: &str) -> String {
    let mut out = String::new();
    let mut after_gap = false;
    for (i, part) in phrase.split_whitespace().enumerate() {
        if part == "..." {
            out.push_str(r"\s+(?:\S+\s+){0,8}?");
            after_gap = true;
            continue;
        }
        if i > 0 && !after_gap {
            out.push_str(r"\s+");
        }
        after_gap = false;
        let escaped = regex_syntax::escape(part).replace('\'', r"['’]\s*");
        out.push_str(&escaped);
    }
    out
}

/// The regex a compound head stood for.
pub(super) fn compound_pattern(head: &str) -> String {
    format!(r"[\p{{L}}\p{{N}}]*-?{}", regex_syntax::escape(head))
}

/// Every metric's cues as the regex they implement; the tests' oracle.
#[cfg(test)]
pub(super) fn cue_patterns(cues: &MetricCues) -> Option<String> {
    let mut alternatives: Vec<String> = cues.words.iter().map(|w| phrase_pattern(w)).collect();
    alternatives.extend(cues.compounds.iter().map(|h| compound_pattern(h)));
    if alternatives.is_empty() {
        return None;
    }
    alternatives.sort_by_key(|a| std::cmp::Reverse(a.len()));
    Some(format!(r"(?i)\b(?:{})\b", alternatives.join("|")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(words: &[&str], compounds: &[&str]) -> CueScanner {
        let cues = MetricCues {
            words: words.iter().map(|s| s.to_string()).collect(),
            compounds: compounds.iter().map(|s| s.to_string()).collect(),
        };
        CueScanner::new([(Metric::Revenue, &cues)]).unwrap()
    }

    fn found<'a>(set: &CueScanner, text: &'a str) -> Vec<&'a str> {
        spans(set, text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    fn spans(set: &CueScanner, text: &str) -> Vec<(usize, usize)> {
        hits(set, text)
            .into_iter()
            .map(|(_, s, e)| (s, e))
            .collect()
    }

    fn hits(set: &CueScanner, text: &str) -> Vec<(Metric, usize, usize)> {
        let mut hits = Vec::new();
        set.find_all(text, &word_boundaries(text), |m, s, e| hits.push((m, s, e)));
        hits
    }

    #[test]
    fn compounds_match_heads_only() {
        let set = cues(&[], &["omzet"]);
        for hit in ["omzet", "jaaromzet", "cloud-omzet", "Omzet", "2023-OMZET"] {
            assert_eq!(found(&set, hit), [hit], "{hit}");
        }
        assert!(found(&set, "omzetgroei").is_empty());
        assert_eq!(found(&set, "cloud--omzet"), ["omzet"]);
        assert_eq!(
            found(&set, "de jaaromzet en de omzet."),
            ["jaaromzet", "omzet"]
        );
    }

    #[test]
    fn gaps_and_apostrophes() {
        let set = cues(&["haalt ... op", "chiffre d'affaires"], &[]);
        assert_eq!(
            found(&set, "Mollie haalt 100 miljoen euro op bij"),
            ["haalt 100 miljoen euro op"]
        );
        assert_eq!(
            found(&set, "le chiffre d’ affaires"),
            ["chiffre d’ affaires"]
        );
        assert!(found(&set, "haalt de krant").is_empty());
        // Nine words between are one too many.
        assert!(found(&set, "haalt a b c d e f g h i op").is_empty());
        assert_eq!(
            found(&set, "haalt a b c d e f g h op"),
            ["haalt a b c d e f g h op"]
        );
    }

    #[test]
    fn longest_cue_wins_and_words_end_at_boundaries() {
        let set = cues(&["bénéfice", "bénéfice net"], &[]);
        assert_eq!(found(&set, "un BÉNÉFICE  net de"), ["BÉNÉFICE  net"]);
        assert!(found(&set, "bénéfices").is_empty());
        assert!(found(&set, "prébénéfice").is_empty());
    }

    #[test]
    fn case_folding_follows_unicode_orbits() {
        // The Kelvin sign folds to `k`, the long s to `s`.
        let set = cues(&["kost"], &[]);
        assert_eq!(found(&set, "\u{212A}o\u{17F}t"), ["\u{212A}o\u{17F}t"]);
    }

    #[test]
    fn empty_cues_are_errors() {
        let empty = MetricCues {
            words: vec!["  ".into()],
            compounds: Vec::new(),
        };
        let error = CueScanner::new([(Metric::Loss, &empty)]).unwrap_err();
        assert_eq!(error, r#"Loss: cue "" may match no text"#);
        let none = CueScanner::new([(Metric::Loss, &MetricCues::default())]).unwrap();
        assert!(none.metrics.is_empty());
        assert!(none.cues.is_empty());
    }

    #[test]
    fn metrics_are_scanned_together_without_overlapping_their_own_hits() {
        let profit = MetricCues {
            words: vec!["winst".into(), "nettowinst".into()],
            compounds: Vec::new(),
        };
        let revenue = MetricCues {
            words: vec!["winst en omzet".into()],
            compounds: vec!["omzet".into()],
        };
        let scanner =
            CueScanner::new([(Metric::Revenue, &revenue), (Metric::Profit, &profit)]).unwrap();
        // At one start, the metrics' order; each metric goes on after its own hit only.
        assert_eq!(
            hits(&scanner, "de winst en omzet, de nettowinst en jaaromzet"),
            [
                (Metric::Revenue, 3, 17),
                (Metric::Profit, 3, 8),
                (Metric::Profit, 22, 32),
                (Metric::Revenue, 36, 45),
            ]
        );
    }

    #[test]
    fn compound_letters_match_the_regex_class() {
        let class = unicode_class(r"(?i)[\p{L}\p{N}]").unwrap();
        let spaces = unicode_class(r"\s").unwrap();
        let words = unicode_class(r"\w").unwrap();
        let contains =
            |class: &ClassUnicode, c: char| class.iter().any(|r| r.start() <= c && c <= r.end());
        // Every range edge and its neighbours, plus the ASCII and Latin-1 blocks.
        let mut probes: Vec<char> = (0u32..0x250).filter_map(char::from_u32).collect();
        for class in [&class, &spaces, &words] {
            for r in class.iter() {
                for cp in [r.start() as u32, r.end() as u32] {
                    probes.extend((cp.saturating_sub(1)..=cp + 1).filter_map(char::from_u32));
                }
            }
        }
        for c in probes {
            assert_eq!(is_compound_letter(c), contains(&class, c), "{c:?}");
            assert_eq!(c.is_whitespace(), contains(&spaces, c), "{c:?}");
            assert_eq!(is_word(c), contains(&words, c), "{c:?}");
        }
    }

    /// Each language's scanner, and each of its metrics with the regex it replaces.
    type Oracle = (CueScanner, Vec<(Metric, regex::Regex)>);

    fn scanners() -> &'static [Oracle] {
        static SCANNERS: OnceLock<Vec<Oracle>> = OnceLock::new();
        SCANNERS.get_or_init(|| {
            crate::lang::TABLES
                .iter()
                .map(|raw| {
                    let lexicon: super::super::StatementLexicon =
                        toml::from_str(raw.statements).unwrap();
                    let scanner =
                        CueScanner::new(lexicon.metrics.iter().map(|(&m, c)| (m, c))).unwrap();
                    let regexes = lexicon
                        .metrics
                        .iter()
                        .filter_map(|(&metric, cues)| {
                            Some((metric, regex::Regex::new(&cue_patterns(cues)?).unwrap()))
                        })
                        .collect();
                    (scanner, regexes)
                })
                .collect()
        })
    }

    /// The spans of each metric's regex, in the order the scanner reports them.
    fn regex_hits(regexes: &[(Metric, regex::Regex)], text: &str) -> Vec<(Metric, usize, usize)> {
        let mut expected: Vec<(Metric, usize, usize)> = regexes
            .iter()
            .flat_map(|(metric, regex)| {
                regex
                    .find_iter(text)
                    .map(move |m| (*metric, m.start(), m.end()))
            })
            .collect();
        // Stable: at one start, the metrics' order.
        expected.sort_by_key(|&(_, start, _)| start);
        expected
    }

    /// Pieces of text: every word of every cue in three cases, and separators, letters
    /// and signs that test the edges (hyphens, apostrophes, non-breaking spaces, case
    /// folding, combining marks).
    fn pieces() -> &'static [String] {
        static PIECES: OnceLock<Vec<String>> = OnceLock::new();
        PIECES.get_or_init(|| {
            let mut pieces: Vec<String> = [
                " ", " ", " ", "  ", "\u{a0}", "\t", "-", "'", "’", ".", ",", "é", "É", "x",
                "2023", "jaar", "cloud", "\u{17F}", "\u{212A}", "\u{345}", "_", "ß", "...",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            for raw in crate::lang::TABLES {
                let lexicon: super::super::StatementLexicon =
                    toml::from_str(raw.statements).unwrap();
                for cues in lexicon.metrics.values() {
                    for word in cues.words.iter().chain(&cues.compounds) {
                        for part in word.split_whitespace().filter(|p| *p != "...") {
                            pieces.push(part.to_string());
                            pieces.push(part.to_uppercase());
                            let mut chars = part.chars();
                            if let Some(first) = chars.next() {
                                pieces.push(first.to_uppercase().chain(chars).collect());
                            }
                        }
                    }
                }
            }
            pieces
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        #[test]
        fn same_spans_as_the_regexes(picks in proptest::collection::vec(0usize..10_000, 0..40)) {
            let pieces = pieces();
            let text: String = picks.iter().map(|&i| pieces[i % pieces.len()].as_str()).collect();
            for (scanner, regexes) in scanners() {
                let expected = regex_hits(regexes, &text);
                proptest::prop_assert!(!regexes.is_empty());
                proptest::prop_assert_eq!(hits(scanner, &text), expected, "{:?}", text);
            }
        }
    }

    #[test]
    fn same_spans_as_the_regexes_on_sentences() {
        let sentences = [
            "Shell haalt   in  twee jaar 3 miljard op, en de jaaromzet steeg.",
            "De cloud-omzet en de ebitda-winst; het nettoresultaat van ING.",
            "Le chiffre d’affaires et les chiffres d'  affaires, le bénéfice net.",
            "Il a mis la main sur la société, puis a perdu 3 millions.",
            "neemt neemt over over, NEEMT het bedrijf OVER",
        ];
        for text in sentences {
            for (scanner, regexes) in scanners() {
                assert_eq!(hits(scanner, text), regex_hits(regexes, text), "{text}");
            }
        }
    }
}
