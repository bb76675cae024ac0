//! Language detection: which rules an article goes to.
//!
//! Function words (see [`model`]) decide most texts cheaply. Short texts such as
//! headlines, where few function words occur, add spelling cues and letter-trigram
//! statistics of each language's word forms (see [`letters`]). Long articles are read sentence by
//! sentence from the start and reading stops once the lead is safe, so a 10 KB article
//! costs no more than a 2 KB one. Texts in other scripts go to whatlang.

mod letters;
mod model;

use whatlang::Lang;

use letters::letters;
use model::{model, normalize_into, Evidence, LANGUAGES, N};

/// The result of language detection.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// ISO 639-1 code, or `und` when undecided.
    pub lang: String,
    /// Confidence in `[0, 1]`; for `und`, the confidence of the best guess.
    pub confidence: f64,
    /// Other languages that whole sentences of the text are written in (quotes and the
    /// like), in order of appearance; empty for most texts.
    pub secondary: Vec<String>,
}

impl Detection {
    fn undecided(confidence: f64) -> Detection {
        Detection {
            lang: UNDETERMINED.to_string(),
            confidence,
            secondary: Vec::new(),
        }
    }
}

/// The code of an undecided language.
pub const UNDETERMINED: &str = "und";

/// Reading always goes on to this many bytes, so a headline or a foreign quote at the
/// start does not decide a long article alone.
const MIN_SAMPLE: usize = 300;
/// Reading never goes beyond this many bytes (plus the sentence that crosses it).
const MAX_SAMPLE: usize = 3000;
/// Reading stops once the best language leads by this many nats.
const SAFE_MARGIN: f32 = 25.0;
/// How many bytes each probe of the body of a long article reads to check the opening.
const PROBE_BYTES: usize = 120;
/// Segments longer than this are cut at a space, so that early stopping stays precise.
const MAX_SEGMENT: usize = 400;

/// Letter trigrams are scored when the lead of the word evidence is below this: short
/// texts and the odd undecided article.
const LETTER_MARGIN: f32 = 10.0;
/// The weight of letter-trigram log-likelihoods against word evidence: overlapping
/// trigrams are far from independent.
const LETTER_WEIGHT: f32 = 0.3;
/// How many bytes whatlang reads of a text in another script.
const OTHER_SCRIPT_SAMPLE: usize = 400;

/// Scores are divided by this before the softmax that gives the confidence: naive Bayes
/// over correlated words is overconfident.
const TEMPERATURE: f32 = 2.0;
/// Below this confidence the language is `und`.
const MIN_CONFIDENCE: f64 = 0.3;
/// A single word is too short to decide: many are words in several languages.
const MIN_WORDS: u32 = 2;
/// A text of this many words or more whose words are almost all unknown to every list is
/// in none of the candidate languages.
const MIN_WORDS_FOR_COVERAGE: u32 = 15;
/// The least share of listed words in such a text.
const MIN_COVERAGE: f32 = 0.12;

/// A sentence in another language is reported as secondary from this many listed words on.
const SECONDARY_MIN_HITS: u32 = 5;
/// ... and when it leads by this many nats in that sentence.
const SECONDARY_MARGIN: f32 = 8.0;

/// The most frequent words of language `code` (function words and very common news
/// words, most frequent first), as the detector knows them; none for other languages.
pub fn common_words(code: &str) -> Vec<&'static str> {
    model::common_words(code)
}

/// Detects the language of `text`.
pub fn detect(text: &str) -> Detection {
    let reading = Reading::of(text);
    if reading.other_script > reading.latin {
        return detect_other_script(text);
    }
    let total = &reading.total;
    if total.words == 0 {
        return Detection::undecided(0.0);
    }
    let scores = reading.scores();
    let (best, confidence) = softmax_best(&scores);
    let coverage = total.hits as f32 / total.words as f32;
    if total.words >= MIN_WORDS_FOR_COVERAGE && coverage < MIN_COVERAGE {
        return Detection::undecided(confidence * f64::from(coverage));
    }
    if confidence < MIN_CONFIDENCE || total.words < MIN_WORDS {
        return Detection::undecided(confidence);
    }
    Detection {
        lang: LANGUAGES[best].code.to_string(),
        confidence,
        secondary: reading.secondary_languages(best),
    }
}

/// Evidence read from the start of a text.
struct Reading {
    /// Evidence of the whole sample.
    total: Evidence,
    /// Evidence of each segment of the sample.
    segments: Vec<Evidence>,
    /// The normalized text read.
    normalized: String,
    /// Bytes read.
    read: usize,
    /// Latin letters read.
    latin: usize,
    /// Letters of other scripts read.
    other_script: usize,
}

impl Reading {
    /// Reads the start of `text` until the decision is safe or the sample is full, then
    /// probes the body of a long article: when it disagrees with the opening (a foreign
    /// headline or quote), reading goes on in the body until the body decides.
    fn of(text: &str) -> Reading {
        let mut reading = Reading {
            total: Evidence::default(),
            segments: Vec::new(),
            // About what is read: the sample, the sentence crossing its end, the probes.
            normalized: String::with_capacity(text.len().min(MAX_SAMPLE) + MAX_SEGMENT),
            read: 0,
            latin: 0,
            other_script: 0,
        };
        let opening_end = reading.read_until_safe(text, 0);
        let (opening_leader, _) = reading.total.best();
        let first_third = floor_char_boundary(text, text.len() / 3);
        if reading.read >= MAX_SAMPLE || first_third < opening_end {
            return reading;
        }
        // Two probes, at a third and two thirds of the article: only when both find the same
        // other language is the opening overruled.
        let mut probes = [(0, 0, Evidence::default()); 2];
        for (probe, at) in probes.iter_mut().zip([1, 2]) {
            let middle = floor_char_boundary(text, text.len() * at / 3);
            let start = text[middle..]
                .find(char::is_whitespace)
                .map_or(text.len(), |i| middle + i);
            let (end, evidence) = reading.read_bytes(text, start, PROBE_BYTES);
            *probe = (evidence.best().0, end, evidence);
        }
        let [(first, _, first_evidence), (second, second_end, second_evidence)] = probes;
        let confident = |e: &Evidence| e.hits >= SECONDARY_MIN_HITS;
        if first == second
            && first != opening_leader
            && confident(&first_evidence)
            && confident(&second_evidence)
        {
            reading.read_until_safe(text, second_end);
        }
        reading
    }

    /// Reads segments of `text` from `start` until the leader is safe and agrees with the
    /// latest segment, or the sample is full. Returns where reading stopped.
    fn read_until_safe(&mut self, text: &str, start: usize) -> usize {
        let mut end = start;
        for segment in Segments::new(&text[start..]) {
            let evidence = self.read_segment(segment);
            end += segment.len();
            let (leader, lead) = self.total.best();
            // A quote at the start must not settle the article: stop only once the latest
            // sentence agrees with the leader.
            let agrees = evidence.hits < SECONDARY_MIN_HITS || evidence.best().0 == leader;
            if self.read >= MAX_SAMPLE || (self.read >= MIN_SAMPLE && lead >= SAFE_MARGIN && agrees)
            {
                break;
            }
        }
        end
    }

    /// Reads segments of `text` from `start` until `bytes` bytes are read. Returns where
    /// reading stopped and the evidence of what it read.
    fn read_bytes(&mut self, text: &str, start: usize, bytes: usize) -> (usize, Evidence) {
        let mut end = start;
        let mut read = Evidence::default();
        for segment in Segments::new(&text[start..]) {
            read.add(&self.read_segment(segment));
            end += segment.len();
            if end - start >= bytes || self.read >= MAX_SAMPLE {
                break;
            }
        }
        (end, read)
    }

    /// Scores one segment and adds it to the reading.
    fn read_segment(&mut self, segment: &str) -> Evidence {
        let start = self.normalized.len();
        let letters = normalize_into(segment, &mut self.normalized);
        self.latin += letters.latin;
        self.other_script += letters.other;
        let evidence = model().score_words(&self.normalized[start..]);
        self.total.add(&evidence);
        self.segments.push(evidence);
        self.read += segment.len();
        evidence
    }

    /// The evidence of every language: words, plus spelling cues and letter trigrams
    /// while the lead is small.
    fn scores(&self) -> [f32; N] {
        let mut scores = self.total.scores;
        if self.total.best().1 < LETTER_MARGIN {
            model().score_spelling(&self.normalized, &mut scores);
            let mut letter_scores = [0.0; N];
            letters().score(&self.normalized, &mut letter_scores);
            for (s, l) in scores.iter_mut().zip(letter_scores) {
                *s += LETTER_WEIGHT * l;
            }
        }
        scores
    }

    /// Languages other than `primary` that some segment is clearly written in.
    fn secondary_languages(&self, primary: usize) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for segment in self
            .segments
            .iter()
            .filter(|s| s.hits >= SECONDARY_MIN_HITS)
        {
            let (lang, margin) = segment.best();
            let code = LANGUAGES[lang].code;
            if lang != primary && margin >= SECONDARY_MARGIN && !found.iter().any(|f| f == code) {
                found.push(code.to_string());
            }
        }
        found
    }
}

/// The best language and its probability under a softmax of the tempered scores.
fn softmax_best(scores: &[f32; N]) -> (usize, f64) {
    let (best, top) = scores
        .iter()
        .copied()
        .enumerate()
        .fold(
            (0, f32::MIN),
            |acc, (i, s)| if s > acc.1 { (i, s) } else { acc },
        );
    let sum: f64 = scores
        .iter()
        .map(|&s| f64::from((s - top) / TEMPERATURE).exp())
        .sum();
    (best, 1.0 / sum)
}

/// Texts mostly in a non-Latin script go to whatlang unrestricted; they never reach the
/// nl or fr rules.
fn detect_other_script(text: &str) -> Detection {
    let sample = &text[..floor_char_boundary(text, OTHER_SCRIPT_SAMPLE)];
    let Some(info) = whatlang::detect(sample) else {
        return Detection::undecided(0.0);
    };
    match other_script_code(info.lang()) {
        Some(code) if info.is_reliable() => Detection {
            lang: code.to_string(),
            confidence: info.confidence(),
            secondary: Vec::new(),
        },
        _ => Detection::undecided(info.confidence()),
    }
}

/// ISO 639-1 codes of the non-Latin-script languages most likely in European news.
fn other_script_code(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Bel => "be",
        Lang::Bul => "bg",
        Lang::Srp => "sr",
        Lang::Mkd => "mk",
        Lang::Ell => "el",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Pes => "fa",
        Lang::Hin => "hi",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        _ => return None,
    })
}

/// Sentence-like pieces of a text: cut after `.`, `!`, `?` or a line break, at a space
/// once a piece reaches [`MAX_SEGMENT`] bytes, and anywhere at twice that.
struct Segments<'a> {
    rest: &'a str,
}

impl<'a> Segments<'a> {
    fn new(text: &'a str) -> Self {
        Segments { rest: text }
    }
}

impl<'a> Iterator for Segments<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        let bytes = self.rest.as_bytes();
        let mut end = bytes.len();
        for (i, &b) in bytes.iter().enumerate() {
            let after = bytes.get(i + 1).copied();
            let sentence_end =
                matches!(b, b'.' | b'!' | b'?') && after.is_none_or(|a| a.is_ascii_whitespace());
            let too_long = i >= MAX_SEGMENT
                && (b == b' ' || (i >= 2 * MAX_SEGMENT && self.rest.is_char_boundary(i + 1)));
            if b == b'\n' || sentence_end || too_long {
                end = i + 1;
                break;
            }
        }
        let (segment, rest) = self.rest.split_at(end);
        self.rest = rest;
        Some(segment)
    }
}

/// The largest char boundary of `text` at or below `max`.
pub fn floor_char_boundary(text: &str, max: usize) -> usize {
    if max >= text.len() {
        return text.len();
    }
    let mut i = max;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests;

/// Per-language scores of `text` (word and spelling evidence, then after whatlang's vote),
/// for tuning the tables.
#[doc(hidden)]
pub fn explain(text: &str) -> String {
    let reading = Reading::of(text);
    let scores = reading.scores();
    let show = |s: &[f32; N]| {
        LANGUAGES
            .iter()
            .zip(s)
            .map(|(l, v)| format!("{}:{v:.1}", l.code))
            .collect::<Vec<_>>()
            .join(" ")
    };
    format!(
        "read {} bytes, hits {}/{} words\n  words {}\n  final {}",
        reading.read,
        reading.total.hits,
        reading.total.words,
        show(&reading.total.scores),
        show(&scores)
    )
}
