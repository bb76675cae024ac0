//! Main-text selection: which text blocks of a walked page form the article.
//!
//! Scoring follows the ideas of readability and trafilatura, with our own weights:
//! paragraphs score by length and commas; scores flow to the enclosing containers
//! (fully to the parent, less further up); a container's score is cut by its link
//! density and moved by class/id hints. The best container and its worthy siblings form
//! the article; inside it, link-heavy and boilerplate sub-containers and lines are dropped.

use super::dom::{Block, Kind, Page};

/// Aggregates over an element's subtree.
#[derive(Debug, Clone, Copy, Default)]
struct Agg {
    chars: u32,
    link_chars: u32,
    commas: u32,
    paras: u32,
    items: u32,
    /// Paragraphs long enough to be an article's lead.
    long_paras: u32,
    blocks: u32,
    /// Blocks that are more than a heading, kicker or byline.
    text_blocks: u32,
    media: u32,
    controls: u32,
}

impl Agg {
    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.link_chars as f32 / self.chars as f32
        }
    }

    fn add(&mut self, other: &Agg) {
        self.chars += other.chars;
        self.link_chars += other.link_chars;
        self.commas += other.commas;
        self.paras += other.paras;
        self.items += other.items;
        self.long_paras += other.long_paras;
        self.blocks += other.blocks;
        self.text_blocks += other.text_blocks;
        self.media += other.media;
        self.controls += other.controls;
    }
}

/// Prose under a weakly named junk element is article text when it has at least this many
/// lead-length paragraphs ...
const MIN_RESCUED_PARAS: u32 = 3;
/// ... and at most this share of link text.
const MAX_RESCUED_LINK_DENSITY: f32 = 0.1;

/// Clears the junk mark of blocks whose weakly named container (`read-more`, a section id
/// such as `sharing-data`) holds several paragraphs of unlinked prose: teasers and share
/// bars are short or linked, a hidden-until-clicked article continuation is not.
pub fn rescue_prose(page: &mut Page) {
    let mut prose: std::collections::HashMap<u32, Agg> = std::collections::HashMap::new();
    for b in &page.blocks {
        let Some(root) = b.soft_junk_root else {
            continue;
        };
        let a = prose.entry(root).or_default();
        a.chars += b.chars;
        a.link_chars += b.link_chars;
        if page.elems[b.elem as usize].kind == Kind::Para && b.chars >= MIN_LEAD_CHARS {
            a.long_paras += 1;
        }
    }
    prose.retain(|_, a| {
        a.long_paras >= MIN_RESCUED_PARAS && a.link_density() <= MAX_RESCUED_LINK_DENSITY
    });
    if prose.is_empty() {
        return;
    }
    for b in &mut page.blocks {
        if b.soft_junk_root.is_some_and(|r| prose.contains_key(&r)) {
            b.junk = false;
        }
    }
    // Its name no longer counts against the container.
    for &root in prose.keys() {
        let weight = &mut page.elems[root as usize].weight;
        *weight = (*weight).max(0);
    }
}

/// Blocks shorter than this do not vote for their container.
const MIN_SCORED_CHARS: u32 = 25;

/// The indices of the blocks that form the main text, in document order. With `relaxed`,
/// blocks inside boilerplate-named elements are considered too.
pub fn select_blocks(page: &Page, relaxed: bool) -> Vec<usize> {
    select(page, relaxed).blocks
}

/// The outcome of main-text selection, with what led to it (for [`explain`]).
#[derive(Debug, Default)]
#[cfg_attr(not(test), allow(dead_code))]
struct Selection {
    blocks: Vec<usize>,
    top: usize,
    roots: Vec<usize>,
    final_score: Vec<f32>,
}

fn select(page: &Page, relaxed: bool) -> Selection {
    let n = page.elems.len();
    if n == 0 || page.blocks.is_empty() {
        return Selection::default();
    }
    let usable = |b: &Block| !b.hard_junk && (relaxed || !b.junk);
    let mut agg = vec![Agg::default(); n];
    let mut score = vec![0f32; n];
    let mut candidate = vec![false; n];
    for block in page.blocks.iter().filter(|b| usable(b)) {
        let e = block.elem as usize;
        let commas = count_commas(&block.text);
        let kind = page.elems[e].kind;
        let own = &mut agg[e];
        own.chars += block.chars;
        own.link_chars += block.link_chars;
        own.commas += commas;
        own.blocks += 1;
        if !matches!(kind, Kind::Heading(_)) && block.chars >= MIN_TEXT_BLOCK_CHARS {
            own.text_blocks += 1;
        }
        // Text loose in a `div` is a paragraph too (a lead is often written so).
        if matches!(kind, Kind::Para | Kind::Container) && block.chars >= MIN_LEAD_CHARS {
            own.long_paras += 1;
        }
        match kind {
            Kind::Para | Kind::Pre | Kind::Quote if block.chars >= 40 => own.paras += 1,
            Kind::Item => own.items += 1,
            _ => {}
        }
        if block.chars < MIN_SCORED_CHARS || matches!(kind, Kind::Heading(_)) {
            continue;
        }
        let points = 1.0 + commas as f32 + (block.chars as f32 / 100.0).min(3.0);
        // A paragraph element votes for its parent; text loose in a container is an
        // implicit paragraph of that container (readability wraps it in a `<p>`).
        let mut at = if is_container(kind) {
            e
        } else {
            page.elems[e].parent as usize
        };
        for level in 0..5 {
            candidate[at] = true;
            score[at] += match level {
                0 => points,
                1 => points / 2.0,
                _ => points / (level as f32 * 3.0),
            };
            if at == 0 {
                break;
            }
            at = page.elems[at].parent as usize;
        }
    }
    for (a, elem) in agg.iter_mut().zip(&page.elems) {
        a.media += elem.media as u32;
        a.controls += elem.controls as u32;
    }
    for e in (1..n).rev() {
        let child = agg[e];
        agg[page.elems[e].parent as usize].add(&child);
    }
    let final_score: Vec<f32> = (0..n)
        .map(|e| {
            if !candidate[e] {
                return f32::MIN;
            }
            let elem = &page.elems[e];
            (score[e] + base_score(elem.kind) + elem.weight as f32) * (1.0 - agg[e].link_density())
        })
        .collect();
    let Some(mut top) = (0..n)
        .filter(|&e| candidate[e])
        .max_by(|&a, &b| final_score[a].total_cmp(&final_score[b]))
    else {
        return Selection {
            blocks: (0..page.blocks.len())
                .filter(|&i| usable(&page.blocks[i]))
                .collect(),
            ..Selection::default()
        };
    };
    top = climb(page, &final_score, &candidate, top);
    top = join_split_article(page, &final_score, &candidate, top);
    top = join_same_class_sections(page, &agg, top);

    let selected = siblings(page, &agg, &final_score, &candidate, top);
    let mut inside = vec![false; n];
    let mut dropped = vec![false; n];
    for e in 0..n {
        let parent = page.elems[e].parent as usize;
        let parent_inside = e != 0 && inside[parent];
        inside[e] = selected[e] || parent_inside;
        if !inside[e] {
            continue;
        }
        dropped[e] = (e != 0 && dropped[parent])
            || (!selected[e] && is_boilerplate_container(page, e, &agg[e], score[e]));
    }
    let mut seen = std::collections::HashSet::new();
    let mut blocks: Vec<usize> = page
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| usable(b))
        .filter(|(_, b)| inside[b.elem as usize] && !dropped[b.elem as usize])
        .filter(|(_, b)| keeps_block(b, page.elems[b.elem as usize].kind))
        // A repeated block is a caption or teaser printed again.
        .filter(|(_, b)| seen.insert(b.text.as_str()))
        .map(|(i, _)| i)
        .collect();
    drop_related_sections(page, &agg, &mut blocks);
    // A heading that ends the text announces a box that was left out ("Related videos").
    while blocks.len() > 1
        && blocks.last().is_some_and(|&i| {
            matches!(
                page.elems[page.blocks[i].elem as usize].kind,
                Kind::Heading(_)
            )
        })
    {
        blocks.pop();
    }
    Selection {
        blocks,
        top,
        roots: (0..n).filter(|&e| selected[e]).collect(),
        final_score,
    }
}

/// A human-readable account of the selection: every block with its element chain, and
/// the best-scored containers. For tuning, not for output.
pub fn explain(page: &Page, relaxed: bool) -> String {
    use std::fmt::Write;
    let sel = select(page, relaxed);
    let mut out = String::new();
    let _ = writeln!(out, "top={} roots={:?}", sel.top, sel.roots);
    let mut ranked: Vec<usize> = (0..sel.final_score.len()).collect();
    ranked.sort_by(|&a, &b| sel.final_score[b].total_cmp(&sel.final_score[a]));
    for &e in ranked.iter().take(8) {
        let elem = &page.elems[e];
        let _ = writeln!(
            out,
            "  elem {e} {:?} w={} score={:.1} parent={}",
            elem.kind, elem.weight, sel.final_score[e], elem.parent
        );
    }
    for (i, b) in page.blocks.iter().enumerate() {
        let mut chain = vec![b.elem];
        while let Some(&last) = chain.last() {
            if last == 0 || chain.len() > 6 {
                break;
            }
            chain.push(page.elems[last as usize].parent);
        }
        let mark = if sel.blocks.contains(&i) { '+' } else { ' ' };
        let text: String = b.text.chars().take(70).collect();
        let _ = writeln!(
            out,
            "{mark}{i:4} {:?} {:?} junk={} {}/{} {text:?}",
            page.elems[b.elem as usize].kind, chain, b.junk as u8, b.link_chars, b.chars
        );
    }
    out
}

fn is_container(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Container | Kind::Form | Kind::Header | Kind::Figure | Kind::Table
    )
}

/// Readability's starting score by element kind.
fn base_score(kind: Kind) -> f32 {
    match kind {
        Kind::Container => 5.0,
        Kind::Pre | Kind::Cell | Kind::Quote => 3.0,
        Kind::List | Kind::Item | Kind::Form | Kind::Header => -3.0,
        Kind::Heading(_) => -5.0,
        _ => 0.0,
    }
}

fn count_commas(text: &str) -> u32 {
    text.bytes().filter(|&b| b == b',').count() as u32
        + text.matches(['，', '、', '،']).count() as u32
}

/// Moves up from `top` while an ancestor scores better (the article text is split over
/// several sub-containers of it).
fn climb(page: &Page, final_score: &[f32], candidate: &[bool], mut top: usize) -> usize {
    let mut last = final_score[top];
    let threshold = last / 3.0;
    let mut at = page.elems[top].parent as usize;
    for _ in 0..8 {
        if at == 0 {
            break;
        }
        if candidate[at] {
            let s = final_score[at];
            if s < threshold {
                break;
            }
            if s > last {
                top = at;
                break;
            }
            last = s;
        }
        at = page.elems[at].parent as usize;
    }
    top
}

/// How many levels above the best container a second, separate high-scoring container
/// may join it (an article split by an ad or a newsletter box into two bodies).
const MAX_JOIN_LEVELS: usize = 3;

/// Moves `top` up to the nearest common ancestor it shares with another container that
/// scores nearly as well, when that ancestor is close.
fn join_split_article(page: &Page, final_score: &[f32], candidate: &[bool], top: usize) -> usize {
    let mut ranked: Vec<usize> = (0..page.elems.len()).filter(|&e| candidate[e]).collect();
    ranked.sort_by(|&a, &b| final_score[b].total_cmp(&final_score[a]));
    let ancestors = |e: usize| {
        let mut chain = vec![e];
        let mut at = e;
        while at != 0 && chain.len() < 64 {
            at = page.elems[at].parent as usize;
            chain.push(at);
        }
        chain
    };
    let top_chain = ancestors(top);
    let mut best = top;
    let mut best_level = 0;
    for &other in ranked.iter().take(6) {
        if final_score[other] < 0.5 * final_score[top] || top_chain.contains(&other) {
            continue;
        }
        let other_chain = ancestors(other);
        if other_chain.contains(&top) {
            continue;
        }
        if let Some(level) = top_chain.iter().position(|e| other_chain.contains(e)) {
            if level <= MAX_JOIN_LEVELS && level > best_level && top_chain[level] != 0 {
                best = top_chain[level];
                best_level = level;
            }
        }
    }
    best
}

/// How many levels above the best container the wrapper of one article section may sit.
const MAX_SECTION_LEVELS: usize = 4;

/// Moves `top` to the parent of its ancestor whose siblings, styled the same (same class),
/// hold more prose: an article cut into sections by figures, each section wrapped alike.
fn join_same_class_sections(page: &Page, agg: &[Agg], top: usize) -> usize {
    let mut at = page.elems[top].parent as usize;
    for _ in 0..MAX_SECTION_LEVELS {
        let parent = page.elems[at].parent as usize;
        if at == 0 || parent == 0 {
            break;
        }
        let class = page.elems[at].class_hash;
        let more_prose = class != 0
            && ((parent + 1)..page.elems.len())
                .take_while(|&e| e == at || is_descendant(page, e, parent))
                .filter(|&e| e != at && page.elems[e].parent as usize == parent)
                .any(|e| {
                    page.elems[e].class_hash == class
                        && agg[e].long_paras >= 2
                        && agg[e].link_density() < 0.2
                });
        if more_prose {
            return parent;
        }
        at = parent;
    }
    top
}

/// Whether `e` lies inside `ancestor` (elements come in document order, parents first).
fn is_descendant(page: &Page, mut e: usize, ancestor: usize) -> bool {
    for _ in 0..crate::html::dom::MAX_DEPTH {
        if e == ancestor {
            return true;
        }
        if e == 0 || e < ancestor {
            return false;
        }
        e = page.elems[e].parent as usize;
    }
    false
}

/// `top` and those of its siblings that look like more of the same article.
fn siblings(
    page: &Page,
    agg: &[Agg],
    final_score: &[f32],
    candidate: &[bool],
    top: usize,
) -> Vec<bool> {
    let n = page.elems.len();
    let mut selected = vec![false; n];
    selected[top] = true;
    if top == 0 {
        return selected;
    }
    let parent = page.elems[top].parent;
    let threshold = (final_score[top] * 0.2).max(10.0);
    for e in (parent as usize + 1)..n {
        let elem = &page.elems[e];
        if elem.parent != parent || e == top {
            continue;
        }
        let a = &agg[e];
        let same_class = elem.class_hash != 0 && elem.class_hash == page.elems[top].class_hash;
        let bonus = if same_class {
            final_score[top] * 0.2
        } else {
            0.0
        };
        let scored = candidate[e] && final_score[e] + bonus >= threshold;
        let paragraph = elem.kind == Kind::Para
            && ((a.chars > 80 && a.link_density() < 0.25) || (a.chars > 0 && a.link_chars == 0));
        selected[e] = scored || paragraph || elem.body_hint;
    }
    select_leads(page, agg, top, &mut selected);
    selected
}

/// A lead paragraph is at least this long.
const MIN_LEAD_CHARS: u32 = 120;

/// A lead is a paragraph or two, not a box of several parts (kickers, headings and
/// bylines beside it do not count).
const MAX_LEAD_BLOCKS: u32 = 3;

/// Shorter blocks are kickers, bylines or labels rather than text.
const MIN_TEXT_BLOCK_CHARS: u32 = 80;

/// Headings that open a box of links or teasers to other articles, lower case.
const RELATED_HEADINGS: &[&str] = &[
    "you may also like",
    "you might also like",
    "related",
    "more from",
    "more stories",
    "recommended",
    "read more",
    "read also",
    "see also",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "à lire également",
    "sur le même sujet",
    "dans la même rubrique",
    "vous aimerez aussi",
    "vous aimerez également",
    "voir aussi",
    "les plus lus",
    "articles les plus lus",
    "nos dernières",
    "lees ook",
    "lees meer",
    "meer over",
    "meer nieuws",
    "ook interessant",
    "dit vind je misschien ook",
    "meest gelezen",
    "gerelateerde",
    "você pode gostar",
    "leia também",
    "lesen sie auch",
    "mehr zum thema",
];

/// A related-articles heading is short; a longer one is the article's own.
const MAX_RELATED_HEADING_CHARS: u32 = 60;

/// Drops a related-articles section found inside the article: from its heading to the end
/// of the container that holds it (the teasers under it may be plain paragraphs).
fn drop_related_sections(page: &Page, agg: &[Agg], blocks: &mut Vec<usize>) {
    let Some(pos) = blocks.iter().position(|&i| {
        let b = &page.blocks[i];
        matches!(page.elems[b.elem as usize].kind, Kind::Heading(_))
            && b.chars <= MAX_RELATED_HEADING_CHARS
            && starts_with_any(&b.text, RELATED_HEADINGS)
    }) else {
        return;
    };
    let heading = page.blocks[blocks[pos]].elem as usize;
    let mut section = page.elems[heading].parent as usize;
    // A wrapper holding only the heading is not the section.
    if agg[section].blocks <= 1 && section != 0 {
        section = page.elems[section].parent as usize;
    }
    if section == 0 {
        blocks.truncate(pos);
        return;
    }
    let inside = |mut e: usize| {
        for _ in 0..64 {
            if e == section {
                return true;
            }
            if e == 0 {
                return false;
            }
            e = page.elems[e].parent as usize;
        }
        false
    };
    let tail: Vec<usize> = blocks[pos..]
        .iter()
        .copied()
        .filter(|&i| !inside(page.blocks[i].elem as usize))
        .collect();
    blocks.truncate(pos);
    blocks.extend(tail);
}

fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    prefixes.iter().any(|p| lower.starts_with(p))
}

/// How many levels above the article container a lead paragraph may sit.
const MAX_LEAD_LEVELS: usize = 3;

/// Marks the lead (chapeau, intro) that pages put in a container of its own just before
/// the body's: prose among the nearest preceding siblings of the article container's
/// close ancestors. Only preceding ones: what follows a body is usually a related box.
fn select_leads(page: &Page, agg: &[Agg], top: usize, selected: &mut [bool]) {
    let mut at = top;
    for _ in 0..MAX_LEAD_LEVELS {
        let parent = page.elems[at].parent as usize;
        if at == 0 || parent == 0 {
            break;
        }
        let preceding = ((parent + 1)..at)
            .rev()
            .filter(|&e| page.elems[e].parent as usize == parent)
            .take(2);
        for e in preceding {
            let a = &agg[e];
            let prose = a.long_paras >= 1
                && a.text_blocks <= MAX_LEAD_BLOCKS
                && a.media == 0
                && a.link_density() < 0.2
                && page.elems[e].weight >= 0;
            selected[e] |= prose;
        }
        at = parent;
    }
}

/// Readability's conditional cleaning: link-heavy, list-heavy or badly named
/// sub-containers inside the article.
fn is_boilerplate_container(page: &Page, e: usize, agg: &Agg, score: f32) -> bool {
    let elem = &page.elems[e];
    if elem.body_hint {
        return false;
    }
    if !matches!(
        elem.kind,
        Kind::Container | Kind::List | Kind::Form | Kind::Header | Kind::Figure
    ) {
        return false;
    }
    let weight = elem.weight as f32;
    if weight + score < 0.0 {
        return true;
    }
    if agg.commas >= 10 {
        return false;
    }
    if is_widget(agg) {
        return true;
    }
    let density = agg.link_density();
    (elem.kind != Kind::List && agg.items > agg.paras + 1 && density > 0.2)
        || (weight < 25.0 && density > 0.33)
        || density > 0.5
}

/// A widget's labels (a player's menus, a font picker) are many short texts ...
const MIN_WIDGET_BLOCKS: u32 = 5;
/// ... this short on average.
const MAX_WIDGET_MEAN_CHARS: u32 = 20;

/// A container with buttons or inputs among many tiny labels and no sentence: a control
/// (video player, font picker), not text. Tables and lists of short data have no controls.
fn is_widget(agg: &Agg) -> bool {
    agg.controls > 0
        && agg.blocks >= MIN_WIDGET_BLOCKS
        && agg.paras == 0
        && agg.commas == 0
        && agg.chars < MAX_WIDGET_MEAN_CHARS * agg.blocks
}

/// Whether a block inside the article is text (not a link list or a standard prompt).
fn keeps_block(block: &Block, kind: Kind) -> bool {
    let density = block.link_chars as f32 / block.chars.max(1) as f32;
    if kind == Kind::Figure && block.chars < 100 {
        return false;
    }
    // Cells and list items are judged with their table or list; an address written out
    // as its own link (a contact e-mail) is text.
    if density > 0.5 && !matches!(kind, Kind::Cell | Kind::Item) && !is_address(&block.text) {
        return false;
    }
    if block.chars > 200 {
        return true;
    }
    let credit = block.chars <= MAX_CREDIT_CHARS && is_credit(&block.text);
    let dateline = !matches!(kind, Kind::Heading(_) | Kind::Cell) && is_dateline(&block.text);
    !credit && !dateline && !is_boilerplate_line(&block.text)
}

/// A dateline is a few words: a date, perhaps a weekday, a time or a label.
const MAX_DATELINE_WORDS: usize = 5;

/// A line that only dates the article (`24 July 2015`, `Publié le 3 mai 2024 à 10h`):
/// metadata, not body text.
fn is_dateline(text: &str) -> bool {
    text.split_whitespace().count() <= MAX_DATELINE_WORDS
        && !text.trim_end().ends_with('.')
        && super::date::find_date(text).is_some()
}

/// A lone e-mail address.
fn is_address(text: &str) -> bool {
    let text = text.trim();
    !text.contains(char::is_whitespace)
        && text
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// Photo captions with a credit are short; longer blocks are text that mentions one.
const MAX_CREDIT_CHARS: u32 = 160;

/// Markers of a picture credit under a photo (`photo: AFP`, `© Reuters`, `Foto: ANP`).
const CREDIT_MARKERS: &[&str] = &[
    "©",
    "/ (c)",
    "photo:",
    "photo :",
    "photos:",
    "photos :",
    "crédit photo",
    "crédits photo",
    "credit photo",
    "crédit :",
    "crédits :",
    "photo credit",
    "media caption",
    "credit:",
    "credits:",
    "image:",
    "foto:",
    "foto :",
    "beeld:",
    "beeld :",
    "getty images",
    "shutterstock",
    "istock",
];

fn is_credit(text: &str) -> bool {
    let lower = text.to_lowercase();
    CREDIT_MARKERS.iter().any(|m| lower.contains(m))
}

/// Lines newspapers print around articles: prompts to read on, share or subscribe.
const BOILERPLATE_STARTS: &[&str] = &[
    "advertisement",
    "advertentie",
    "publicité",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire la suite",
    "voir aussi",
    "lees ook",
    "lees meer",
    "lees verder",
    "read more",
    "read also",
    "see also",
    "related:",
    "share this",
    "partager",
    "delen",
    "click here",
    "cliquez ici",
    "klik hier",
    "abonnez-vous",
    "subscribe",
    "sign up",
    "inscrivez-vous",
    "word abonnee",
    "bekijk ook",
    "deel dit artikel",
    "volg ons",
    "à voir aussi",
    "a voir aussi",
    "voir également",
];

const BOILERPLATE_PHRASES: &[&str] = &[
    "réservé aux abonnés",
    "réservée aux abonnés",
    "pour lire la suite",
    "alleen voor abonnees",
    "already a subscriber",
    "déjà abonné",
    "al abonnee",
    "accept cookies",
    "acceptez les cookies",
    "accepteer cookies",
    "newsletter",
    "nieuwsbrief",
    "comments are closed",
    "commentaires sont fermés",
    "reageren is niet meer mogelijk",
];

/// Prompts that are also ordinary words opening a sentence ("Delen van de stad liepen
/// onder water"): boilerplate only as a short line of their own.
const SHORT_ONLY_STARTS: &[&str] = &["delen", "partager", "subscribe", "sign up"];

/// A prompt is a few words ("Delen op Facebook"); a longer line is a sentence.
const MAX_SHORT_PROMPT_WORDS: usize = 3;

fn is_boilerplate_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    let prompt = BOILERPLATE_STARTS.iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|rest| {
            !rest.starts_with(char::is_alphanumeric)
                && (!SHORT_ONLY_STARTS.contains(p)
                    || lower.split_whitespace().count() <= MAX_SHORT_PROMPT_WORDS)
        })
    });
    prompt || BOILERPLATE_PHRASES.iter().any(|p| lower.contains(p)) || is_comment_count(lower)
}

/// Words that follow the number in a comment counter, lower case.
const COMMENT_WORDS: &[&str] = &[
    "comment",
    "comments",
    "reactie",
    "reacties",
    "commentaire",
    "commentaires",
    "réaction",
    "réactions",
];

/// A comment counter: `941 comments`, `12 reacties`, `3 commentaires`.
fn is_comment_count(lower: &str) -> bool {
    let mut words = lower.split_whitespace();
    let (Some(number), Some(word), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    number.chars().all(|c| c.is_ascii_digit()) && COMMENT_WORDS.contains(&word)
}
