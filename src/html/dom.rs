//! One iterative walk over the parsed page: the text blocks with the element tree they sit
//! in, and the metadata candidates found on the way (meta tags, `<time>`, headings).
//!
//! The walk never recurses: it moves through the tree by sibling and parent links and keeps
//! its own stack, capped at [`MAX_DEPTH`] (deeper content is dropped).

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

/// U+00AD, invisible unless a line breaks there; dropped from the text.
const SOFT_HYPHEN: char = '\u{ad}';

/// Elements nested deeper than this are dropped with their content.
pub const MAX_DEPTH: usize = 400;

/// The role an element plays in the text layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A generic container (`div`, `section`, `article`, `main`, `body`, ...).
    Container,
    /// A paragraph.
    Para,
    /// A heading `h1`..`h6` with its level.
    Heading(u8),
    /// A list (`ul`, `ol`, `dl`).
    List,
    /// A list item (`li`, `dt`, `dd`).
    Item,
    /// A table, row or row group.
    Table,
    /// A table cell.
    Cell,
    /// Preformatted text.
    Pre,
    /// A block quote.
    Quote,
    /// A figure or its caption.
    Figure,
    /// A page or article header.
    Header,
    /// A form.
    Form,
}

/// A block-level element of the page.
#[derive(Debug, Clone)]
pub struct Elem {
    /// The index of the enclosing block element (itself for the root).
    pub parent: u32,
    /// Its layout role.
    pub kind: Kind,
    /// The class/id weight: positive for article-like names, negative for boilerplate.
    pub weight: i16,
    /// `itemprop="articleBody"` or a well-known article-body class.
    pub body_hint: bool,
    /// A hash of the `class` attribute (0 without one), to find same-styled siblings.
    pub class_hash: u32,
    /// Holds an image or video directly (not through a nested block element).
    pub media: bool,
    /// Holds a form control directly (`button`, `input`, `select`, `textarea`).
    pub controls: bool,
}

/// A run of text inside one block element, between two block boundaries.
#[derive(Debug, Clone)]
pub struct Block {
    /// The innermost block element holding the text.
    pub elem: u32,
    /// The text, whitespace collapsed.
    pub text: String,
    /// Characters in the text.
    pub chars: u32,
    /// Characters inside links.
    pub link_chars: u32,
    /// Inside boilerplate (by class, id, role or tag); kept for the relaxed second try.
    pub junk: bool,
    /// Inside an element that is boilerplate by its tag or role (`nav`, `aside`, `footer`,
    /// `role="navigation"`, ...): never main text, not even on the relaxed try.
    pub hard_junk: bool,
    /// When the block is junk only by weak class/id names (`share`, `read-more`,
    /// `sidebar`), the innermost block element so named: prose there may be article text.
    pub soft_junk_root: Option<u32>,
}

/// Metadata candidates in page order.
#[derive(Debug, Clone, Default)]
pub struct RawMeta {
    /// `<meta>` tags: the `name`, `property`, `itemprop` or `http-equiv` key (lower case)
    /// and the `content`.
    pub metas: Vec<(String, String)>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// `<html lang>`.
    pub html_lang: Option<String>,
    /// `<title>`.
    pub title: Option<String>,
    /// The texts of `<h1>` elements.
    pub h1: Vec<String>,
    /// The texts of elements with `itemprop="headline"`.
    pub headline: Vec<String>,
    /// `<time datetime>` values; `true` when marked as the publication date.
    pub times: Vec<(String, bool)>,
    /// Texts of elements named like a date or byline, for a date written out.
    pub datelines: Vec<String>,
    /// The same inside boilerplate (the dates of readers' comments, of teasers).
    pub junk_datelines: Vec<String>,
}

/// The walked page.
#[derive(Debug, Default)]
pub struct Page {
    /// Block elements in document order; parents come before children.
    pub elems: Vec<Elem>,
    /// Text blocks in document order.
    pub blocks: Vec<Block>,
    /// Metadata candidates.
    pub meta: RawMeta,
}

/// What an element does to the walk.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Never holds article text: not entered.
    Skip,
    /// A block element.
    Block(Kind),
    /// A line break.
    Break,
    /// Inline markup: a link.
    Link,
    /// Other inline markup.
    Inline,
}

fn role(name: &str) -> Role {
    use Kind::*;
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
        | "embed" | "button" | "select" | "textarea" | "input" | "canvas" | "audio" | "video"
        | "map" | "option" | "datalist" | "dialog" | "head" => Role::Skip,
        "p" => Role::Block(Para),
        "h1" => Role::Block(Heading(1)),
        "h2" => Role::Block(Heading(2)),
        "h3" => Role::Block(Heading(3)),
        "h4" => Role::Block(Heading(4)),
        "h5" => Role::Block(Heading(5)),
        "h6" => Role::Block(Heading(6)),
        "ul" | "ol" | "dl" | "menu" | "dir" => Role::Block(List),
        "li" | "dt" | "dd" => Role::Block(Item),
        "table" | "tbody" | "thead" | "tfoot" | "tr" | "caption" => Role::Block(Table),
        "td" | "th" => Role::Block(Cell),
        "pre" => Role::Block(Pre),
        "blockquote" => Role::Block(Quote),
        "figure" | "figcaption" => Role::Block(Figure),
        "header" | "hgroup" => Role::Block(Header),
        "form" | "fieldset" => Role::Block(Form),
        "div" | "section" | "article" | "main" | "body" | "html" | "center" | "address"
        | "details" | "summary" | "legend" | "nav" | "aside" | "footer" | "hr" => {
            Role::Block(Container)
        }
        "br" => Role::Break,
        "a" => Role::Link,
        _ => Role::Inline,
    }
}

/// Classes of class/id words, in the order of [`hint_matcher`]'s patterns.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hint {
    /// Boilerplate whatever else the name says (cookie banners, share bars, related links).
    Junk,
    /// Boilerplate unless the name also says it is content (`header`, `menu`, `footer`).
    WeakJunk,
    /// Readers' comments: boilerplate, except the commentary of a live blog.
    Comments,
    /// A live blog or live match report (`live-match-comments`).
    Live,
    /// Article-like (`article`, `content`, `story`).
    Positive,
    /// A well-known article-body container name.
    Body,
    /// A date or byline.
    Dateline,
}

const HINTS: &[(&str, Hint)] = &[
    ("cookie", Hint::Junk),
    ("consent", Hint::Junk),
    ("gdpr", Hint::Junk),
    ("newsletter", Hint::Junk),
    ("related", Hint::WeakJunk),
    ("share", Hint::WeakJunk),
    ("sharing", Hint::WeakJunk),
    ("social", Hint::WeakJunk),
    ("comments", Hint::Comments),
    ("comment-list", Hint::Comments),
    ("commentlist", Hint::Comments),
    ("comment-form", Hint::Comments),
    ("commentaires", Hint::Comments),
    ("live", Hint::Live),
    ("disqus", Hint::Junk),
    ("outbrain", Hint::Junk),
    ("taboola", Hint::Junk),
    ("promo", Hint::WeakJunk),
    ("advert", Hint::WeakJunk),
    ("adslot", Hint::WeakJunk),
    ("ad-slot", Hint::WeakJunk),
    ("ad-container", Hint::WeakJunk),
    ("sponsor", Hint::WeakJunk),
    ("breadcrumb", Hint::Junk),
    // Photo galleries: captions of other stories, never rescued as prose.
    ("gallery", Hint::Junk),
    ("slideshow", Hint::Junk),
    ("carousel", Hint::Junk),
    ("popup", Hint::WeakJunk),
    ("modal", Hint::WeakJunk),
    ("recommend", Hint::WeakJunk),
    ("sidebar", Hint::WeakJunk),
    ("most-read", Hint::WeakJunk),
    ("mostread", Hint::WeakJunk),
    ("most-popular", Hint::WeakJunk),
    ("trending", Hint::WeakJunk),
    ("read-more", Hint::WeakJunk),
    ("readmore", Hint::WeakJunk),
    ("lees-ook", Hint::WeakJunk),
    ("lire-aussi", Hint::WeakJunk),
    ("signup", Hint::WeakJunk),
    ("sign-up", Hint::WeakJunk),
    ("skip-link", Hint::Junk),
    ("banner", Hint::WeakJunk),
    ("header", Hint::WeakJunk),
    ("masthead", Hint::WeakJunk),
    ("footer", Hint::WeakJunk),
    ("menu", Hint::WeakJunk),
    ("nav", Hint::WeakJunk),
    ("pager", Hint::WeakJunk),
    ("pagination", Hint::WeakJunk),
    ("widget", Hint::WeakJunk),
    ("toolbar", Hint::WeakJunk),
    ("tags", Hint::WeakJunk),
    ("subscri", Hint::WeakJunk),
    ("abonn", Hint::WeakJunk),
    ("paywall", Hint::WeakJunk),
    ("login", Hint::WeakJunk),
    ("rss", Hint::WeakJunk),
    ("shoutbox", Hint::WeakJunk),
    ("skyscraper", Hint::WeakJunk),
    ("article", Hint::Positive),
    ("content", Hint::Positive),
    ("entry", Hint::Positive),
    ("main", Hint::Positive),
    ("post", Hint::Positive),
    ("story", Hint::Positive),
    ("text", Hint::Positive),
    ("body", Hint::Positive),
    ("blog", Hint::Positive),
    ("articlebody", Hint::Body),
    ("article-body", Hint::Body),
    ("article_body", Hint::Body),
    ("article__body", Hint::Body),
    ("story-body", Hint::Body),
    ("storybody", Hint::Body),
    ("entry-content", Hint::Body),
    ("post-content", Hint::Body),
    ("post-body", Hint::Body),
    ("article-content", Hint::Body),
    ("article__content", Hint::Body),
    ("article-text", Hint::Body),
    ("date", Hint::Dateline),
    ("time", Hint::Dateline),
    ("byline", Hint::Dateline),
    ("publi", Hint::Dateline),
    ("posted", Hint::Dateline),
];

#[allow(clippy::expect_used)] // constant patterns, exercised by the unit tests
fn hint_matcher() -> &'static AhoCorasick {
    static MATCHER: OnceLock<AhoCorasick> = OnceLock::new();
    MATCHER.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(HINTS.iter().map(|(p, _)| p))
            .expect("the class hint patterns are valid")
    })
}

/// What an element's class and id say.
#[derive(Default, Clone, Copy)]
struct Hints {
    junk: bool,
    weak_junk: bool,
    positive: bool,
    body: bool,
    dateline: bool,
}

fn hints_of(names: &str) -> Hints {
    let mut hints = Hints::default();
    let (mut comments, mut live) = (false, false);
    for m in hint_matcher().find_overlapping_iter(names) {
        match HINTS[m.pattern().as_usize()].1 {
            Hint::Junk => hints.junk = true,
            Hint::WeakJunk => hints.weak_junk = true,
            Hint::Comments => comments = true,
            Hint::Live => live = true,
            Hint::Positive => hints.positive = true,
            Hint::Body => hints.body = true,
            Hint::Dateline => hints.dateline = true,
        }
    }
    hints.junk |= comments && !live;
    hints
}

/// The attributes the walk looks at, gathered in one pass.
#[derive(Default)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    role: &'a str,
    style: &'a str,
    itemprop: &'a str,
    hidden: bool,
    aria_hidden: bool,
}

impl<'a> Attrs<'a> {
    fn of(el: &'a Element) -> Self {
        let mut a = Attrs::default();
        for (name, value) in el.attrs() {
            match name {
                "class" => a.class = value,
                "id" => a.id = value,
                "role" => a.role = value,
                "style" => a.style = value,
                "itemprop" => a.itemprop = value,
                "hidden" => a.hidden = true,
                "aria-hidden" => a.aria_hidden = value.eq_ignore_ascii_case("true"),
                _ => {}
            }
        }
        a
    }

    fn is_hidden(&self) -> bool {
        if self.hidden || self.aria_hidden {
            return true;
        }
        if self.style.is_empty() {
            return false;
        }
        let style: String = self
            .style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    }

    fn is_boilerplate_role(&self) -> bool {
        matches!(
            self.role.to_ascii_lowercase().as_str(),
            "navigation"
                | "menu"
                | "menubar"
                | "complementary"
                | "banner"
                | "contentinfo"
                | "alert"
                | "alertdialog"
                | "dialog"
                | "search"
        )
    }
}

/// One open element on the walk's stack.
struct Frame {
    /// The block element this frame opened, if it is one.
    block: Option<u32>,
    link: bool,
    junk: bool,
    /// Junk by more than a weak name on a block element.
    strong_junk: bool,
    hard_junk: bool,
    /// Where this element's text starts in `all_text`, when its text is wanted.
    capture: Option<(usize, Capture)>,
}

#[derive(Clone, Copy)]
enum Capture {
    H1,
    Headline,
    Dateline,
}

/// The walk's state.
struct Walker {
    page: Page,
    stack: Vec<Frame>,
    /// The innermost open block elements.
    open_blocks: Vec<u32>,
    buf: String,
    buf_links: u32,
    buf_chars: u32,
    pending_space: bool,
    link_depth: u32,
    junk_depth: u32,
    /// Open junk elements that are not weakly named block elements.
    strong_junk_depth: u32,
    /// The block elements of the open weakly named junk elements.
    soft_junk_roots: Vec<u32>,
    hard_junk_depth: u32,
    /// All text seen, for captured element texts.
    all_text: String,
    /// How many open elements capture their text; `all_text` grows only while one does.
    open_captures: u32,
    /// Hints by class attribute value.
    class_hints: std::collections::HashMap<Box<str>, Hints>,
}

/// Walks a parsed page.
pub fn walk(doc: &scraper::Html) -> Page {
    let mut w = Walker {
        page: Page::default(),
        stack: Vec::new(),
        open_blocks: Vec::new(),
        buf: String::new(),
        buf_links: 0,
        buf_chars: 0,
        pending_space: false,
        link_depth: 0,
        junk_depth: 0,
        strong_junk_depth: 0,
        soft_junk_roots: Vec::new(),
        hard_junk_depth: 0,
        all_text: String::new(),
        open_captures: 0,
        class_hints: std::collections::HashMap::new(),
    };
    w.page.elems.push(Elem {
        parent: 0,
        kind: Kind::Container,
        weight: 0,
        body_hint: false,
        class_hash: 0,
        media: false,
        controls: false,
    });
    w.open_blocks.push(0);
    let root = doc.tree.root();
    let mut node = match root.first_child() {
        Some(n) => n,
        None => return w.page,
    };
    'walk: loop {
        if w.enter(node) {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            w.leave();
        }
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) if parent != root => {
                    node = parent;
                    w.leave();
                }
                _ => break 'walk,
            }
        }
    }
    w.flush();
    w.page
}

impl Walker {
    /// Handles the start of `node`; returns whether to walk its children.
    fn enter(&mut self, node: NodeRef<'_, Node>) -> bool {
        match node.value() {
            Node::Text(text) => {
                self.push_text(&text[..]);
                false
            }
            Node::Element(el) => self.open_element(node, el),
            _ => false,
        }
    }

    fn open_element(&mut self, node: NodeRef<'_, Node>, el: &Element) -> bool {
        let name = el.name();
        if name == "head" {
            self.read_head(node);
            return false;
        }
        if name == "meta" || name == "link" {
            self.read_meta(el);
            return false;
        }
        if matches!(name, "img" | "picture" | "video") {
            if let Some(&open) = self.open_blocks.last() {
                self.page.elems[open as usize].media = true;
            }
        }
        if matches!(name, "button" | "input" | "select" | "textarea") {
            if let Some(&open) = self.open_blocks.last() {
                self.page.elems[open as usize].controls = true;
            }
        }
        let role = role(name);
        if role == Role::Skip || self.stack.len() >= MAX_DEPTH {
            return false;
        }
        let attrs = Attrs::of(el);
        if attrs.is_hidden() {
            return false;
        }
        if name == "html" {
            if let Some(lang) = el.attr("lang").filter(|l| !l.trim().is_empty()) {
                self.page.meta.html_lang = Some(lang.trim().to_string());
            }
        }
        if name == "time" {
            self.read_time(el, &attrs);
        }
        if attrs.itemprop.eq_ignore_ascii_case("datePublished") {
            if let Some(content) = el.attr("content").or_else(|| el.attr("datetime")) {
                self.page.meta.times.push((content.to_string(), true));
            }
        }
        let names_hint = self.hints_of_attrs(&attrs);
        let body_hint = names_hint.body || attrs.itemprop.eq_ignore_ascii_case("articleBody");
        let structural = matches!(name, "html" | "body" | "main" | "article");
        let hard_junk = !body_hint
            && !structural
            && (matches!(name, "nav" | "aside" | "footer") || attrs.is_boilerplate_role());
        let junk = hard_junk
            || (!body_hint
                && !structural
                && (names_hint.junk || (names_hint.weak_junk && !names_hint.positive)));
        #[cfg(test)]
        if junk && std::env::var("HTML_DEBUG_JUNK").is_ok() {
            eprintln!(
                "JUNK <{name} class={:?} id={:?} role={:?}>",
                attrs.class, attrs.id, attrs.role
            );
        }
        let capture = if name == "h1" {
            Some(Capture::H1)
        } else if attrs.itemprop.eq_ignore_ascii_case("headline") {
            Some(Capture::Headline)
        } else if names_hint.dateline || name == "time" {
            Some(Capture::Dateline)
        } else {
            None
        }
        .map(|c| (self.all_text.len(), c));
        self.open_captures += capture.is_some() as u32;
        let block = match role {
            Role::Block(kind) => {
                self.flush();
                let weight = class_weight(&names_hint, body_hint);
                let parent = self.open_blocks.last().copied().unwrap_or(0);
                let index = self.page.elems.len() as u32;
                self.page.elems.push(Elem {
                    parent,
                    kind,
                    weight,
                    body_hint,
                    class_hash: hash_class(attrs.class),
                    media: false,
                    controls: false,
                });
                self.open_blocks.push(index);
                Some(index)
            }
            Role::Break => {
                self.line_break();
                None
            }
            _ => None,
        };
        let link = role == Role::Link;
        if link {
            self.link_depth += 1;
        }
        let strong_junk = junk && (hard_junk || names_hint.junk || block.is_none());
        if junk {
            self.flush();
            self.junk_depth += 1;
            match block {
                Some(index) if !strong_junk => self.soft_junk_roots.push(index),
                _ => self.strong_junk_depth += 1,
            }
        }
        if hard_junk {
            self.hard_junk_depth += 1;
        }
        self.stack.push(Frame {
            block,
            link,
            junk,
            strong_junk,
            hard_junk,
            capture,
        });
        true
    }

    /// Handles the end of the element entered last.
    fn leave(&mut self) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if let Some((start, capture)) = frame.capture {
            let text = self
                .all_text
                .get(start..)
                .unwrap_or("")
                .trim()
                .replace(SOFT_HYPHEN, "");
            self.store_capture(capture, text);
            self.open_captures = self.open_captures.saturating_sub(1);
            if self.open_captures == 0 {
                self.all_text.clear();
            }
        }
        if frame.block.is_some() {
            self.flush();
            self.open_blocks.pop();
        }
        if frame.link {
            self.link_depth = self.link_depth.saturating_sub(1);
        }
        if frame.junk {
            self.flush();
            self.junk_depth = self.junk_depth.saturating_sub(1);
            if frame.strong_junk {
                self.strong_junk_depth = self.strong_junk_depth.saturating_sub(1);
            } else {
                self.soft_junk_roots.pop();
            }
        }
        if frame.hard_junk {
            self.hard_junk_depth = self.hard_junk_depth.saturating_sub(1);
        }
    }

    fn store_capture(&mut self, capture: Capture, text: String) {
        if text.is_empty() {
            return;
        }
        let meta = &mut self.page.meta;
        let list = match capture {
            Capture::H1 => &mut meta.h1,
            Capture::Headline => &mut meta.headline,
            Capture::Dateline if self.junk_depth > 0 => &mut meta.junk_datelines,
            Capture::Dateline => &mut meta.datelines,
        };
        if list.len() < 32 && text.len() < 400 {
            list.push(text);
        }
    }

    /// Reads `<title>`, `<meta>` and `<link>` in the head without producing text blocks.
    fn read_head(&mut self, head: NodeRef<'_, Node>) {
        for child in head.children() {
            if let Node::Element(el) = child.value() {
                match el.name() {
                    "meta" | "link" => self.read_meta(el),
                    "title" if self.page.meta.title.is_none() => {
                        let mut title = String::new();
                        for t in child.children().filter_map(|c| c.value().as_text()) {
                            title.push_str(t);
                        }
                        let title = collapse_whitespace(&title);
                        if !title.is_empty() {
                            self.page.meta.title = Some(title);
                        }
                    }
                    _ => {}
                }
            }
        }
    }

    fn read_meta(&mut self, el: &Element) {
        if el.name() == "link" {
            let rel = el.attr("rel").unwrap_or("");
            if rel.eq_ignore_ascii_case("canonical") && self.page.meta.canonical.is_none() {
                self.page.meta.canonical = el.attr("href").map(|h| h.trim().to_string());
            }
            return;
        }
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .or_else(|| el.attr("http-equiv"));
        if let (Some(key), Some(content)) = (key, el.attr("content")) {
            if self.page.meta.metas.len() < 512 {
                self.page
                    .meta
                    .metas
                    .push((key.trim().to_ascii_lowercase(), content.trim().to_string()));
            }
        }
    }

    fn read_time(&mut self, el: &Element, attrs: &Attrs<'_>) {
        if let Some(datetime) = el.attr("datetime") {
            let published = el.attr("pubdate").is_some()
                || attrs.itemprop.eq_ignore_ascii_case("datePublished")
                || attrs.class.to_ascii_lowercase().contains("publi");
            if self.page.meta.times.len() < 64 {
                self.page.meta.times.push((datetime.to_string(), published));
            }
        }
    }

    /// Appends a text node: whitespace runs become one space.
    fn push_text(&mut self, text: &str) {
        if self.open_captures > 0 {
            self.all_text.push_str(text);
        }
        for c in text.chars() {
            // Soft hyphens only mark where a browser may break a word.
            if c == SOFT_HYPHEN {
                continue;
            }
            if c.is_ascii_whitespace() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.buf.is_empty() && !self.buf.ends_with('\n') {
                self.buf.push(' ');
                self.buf_chars += 1;
                if self.link_depth > 0 {
                    self.buf_links += 1;
                }
            }
            self.pending_space = false;
            self.buf.push(c);
            self.buf_chars += 1;
            if self.link_depth > 0 {
                self.buf_links += 1;
            }
        }
    }

    /// A `<br>`: a line break, and a paragraph break when it follows another.
    fn line_break(&mut self) {
        if self.buf.ends_with('\n') {
            self.flush();
        } else if !self.buf.is_empty() {
            self.buf.push('\n');
            self.buf_chars += 1;
        }
        self.pending_space = false;
    }

    /// Closes the current text run as a block of the innermost open block element.
    fn flush(&mut self) {
        self.pending_space = false;
        let text = self.buf.trim_end();
        if !text.chars().any(char::is_alphanumeric) {
            self.buf.clear();
            self.buf_chars = 0;
            self.buf_links = 0;
            return;
        }
        let trimmed = text.trim_start();
        // The whitespace trimmed off counts in chars, not bytes (a U+00A0 is two bytes).
        let lead = text.len() - trimmed.len();
        let trimmed_chars = text[..lead].chars().count() + self.buf[text.len()..].chars().count();
        let chars = self.buf_chars.saturating_sub(trimmed_chars as u32);
        let block = Block {
            elem: self.open_blocks.last().copied().unwrap_or(0),
            text: trimmed.to_string(),
            chars,
            link_chars: self.buf_links.min(chars),
            junk: self.junk_depth > 0,
            hard_junk: self.hard_junk_depth > 0,
            soft_junk_root: if self.strong_junk_depth == 0 {
                self.soft_junk_roots.last().copied()
            } else {
                None
            },
        };
        self.page.blocks.push(block);
        self.buf.clear();
        self.buf_chars = 0;
        self.buf_links = 0;
    }
}

impl Walker {
    /// The hints of an element's class and id; class values repeat across a page, so
    /// their hints are looked up once.
    fn hints_of_attrs(&mut self, attrs: &Attrs<'_>) -> Hints {
        if attrs.class.is_empty() && attrs.id.is_empty() {
            return Hints::default();
        }
        let mut hints = match self.class_hints.get(attrs.class) {
            Some(&hints) => hints,
            None => {
                let hints = hints_of(attrs.class);
                if self.class_hints.len() < MAX_CACHED_CLASSES {
                    self.class_hints.insert(attrs.class.into(), hints);
                }
                hints
            }
        };
        if !attrs.id.is_empty() {
            let id = hints_of(attrs.id);
            hints.junk |= id.junk;
            hints.weak_junk |= id.weak_junk;
            hints.positive |= id.positive;
            hints.body |= id.body;
            hints.dateline |= id.dateline;
        }
        hints
    }
}

/// Distinct class values whose hints are kept per page (bounds memory on hostile pages).
const MAX_CACHED_CLASSES: usize = 4096;

/// FNV-1a of a class attribute; 0 for none.
fn hash_class(class: &str) -> u32 {
    let class = class.trim();
    if class.is_empty() {
        return 0;
    }
    class
        .bytes()
        .fold(0x811c_9dc5u32, |h, b| {
            (h ^ b as u32).wrapping_mul(0x0100_0193)
        })
        .max(1)
}

/// Readability's class weight: +25 for article-like names, -25 for boilerplate ones.
fn class_weight(hints: &Hints, body_hint: bool) -> i16 {
    let mut weight = 0;
    if hints.positive {
        weight += 25;
    }
    if hints.junk || hints.weak_junk {
        weight -= 25;
    }
    if body_hint {
        weight += 50;
    }
    weight
}

/// Collapses whitespace runs to one space and trims.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
