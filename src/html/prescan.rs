//! A byte-level pass before parsing: drops the raw-text elements that never hold article
//! text (scripts, styles, comments, SVG) and the attributes that the later stages never
//! read (`src`, `srcset`, `data-*`, link targets, ...), so the HTML parser has far less to
//! build; keeps the JSON-LD scripts, which carry metadata.
//!
//! It also caps element nesting at [`MAX_NESTING`]: html5ever's tree builder scans the
//! stack of open elements on each tag, so a page of 100,000 nested `<div>`s would take
//! minutes. Tags beyond the cap are dropped and their content joins the enclosing element.

use memchr::{memchr, memmem};

/// Elements removed with everything up to their end tag: raw text, and navigation and
/// asides, which the walk would mark as boilerplate anyway.
const DROPPED: [&[u8]; 8] = [
    b"script",
    b"style",
    b"noscript",
    b"svg",
    b"template",
    b"iframe",
    // Not raw text: dropped only when closed.
    b"nav",
    b"aside",
];

/// The first entries of [`DROPPED`] are raw-text elements, which run to the end of the
/// page when unclosed.
const RAW_TEXT_ELEMENTS: usize = 6;

/// Open elements deeper than this lose their tags (not their text). Real pages stay far
/// below it; the walk in `dom` has its own, larger cap.
pub const MAX_NESTING: usize = 256;

/// Elements that never hold content, and elements whose end tag may be left out (the
/// parser closes them itself): neither adds to the nesting count.
const NOT_NESTING: [&[u8]; 29] = [
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"rp",
    b"rt",
];

/// Counts open elements and drops the tags of those nested beyond [`MAX_NESTING`].
#[derive(Debug, Default)]
struct Nesting {
    open: usize,
    dropped: usize,
}

impl Nesting {
    /// Whether to keep a start tag named `name`.
    fn keep_start(&mut self, name: &[u8], self_closing: bool) -> bool {
        if self_closing || NOT_NESTING.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return true;
        }
        if self.open >= MAX_NESTING {
            self.dropped += 1;
            return false;
        }
        self.open += 1;
        true
    }

    /// Whether to keep an end tag named `name`: the first end tags after dropped start
    /// tags close those and are dropped too.
    fn keep_end(&mut self, name: &[u8]) -> bool {
        if NOT_NESTING.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            return true;
        }
        if self.dropped > 0 {
            self.dropped -= 1;
            return false;
        }
        self.open = self.open.saturating_sub(1);
        true
    }
}

/// The page with raw-text elements removed, and the JSON-LD blocks found on the way.
#[derive(Debug, Default)]
pub struct Prescan {
    /// The HTML without scripts, styles, comments and SVG.
    pub html: String,
    /// The text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
}

/// Removes scripts, styles, comments, SVG and similar from `html`, keeping JSON-LD aside.
pub fn prescan(html: &str) -> Prescan {
    let bytes = html.as_bytes();
    let mut out = Prescan {
        html: String::with_capacity(html.len() / 2),
        json_ld: Vec::new(),
    };
    let mut nesting = Nesting::default();
    // Once an element has no end tag after some point, it has none after any later one.
    let mut unclosed = [false; DROPPED.len()];
    let mut copied = 0;
    let mut pos = 0;
    while let Some(rel) = memchr(b'<', &bytes[pos..]) {
        let lt = pos + rel;
        let rest = &bytes[lt + 1..];
        if rest.first() == Some(&b'/') && rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            let end = memchr(b'>', rest).map_or(bytes.len(), |i| lt + 1 + i + 1);
            if !nesting.keep_end(tag_name(&rest[1..])) {
                push_collapsed(&mut out.html, &html[copied..lt]);
                copied = end;
            }
            pos = end;
            continue;
        }
        if rest.starts_with(b"!--") {
            let end = memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |i| lt + 4 + i + 3);
            push_collapsed(&mut out.html, &html[copied..lt]);
            copied = end;
            pos = end;
            continue;
        }
        let dropped = DROPPED
            .iter()
            .position(|name| starts_tag(rest, name))
            .and_then(|index| {
                let name = DROPPED[index];
                let open_end = memchr(b'>', rest).map_or(bytes.len(), |i| lt + 1 + i + 1);
                let close = if unclosed[index] {
                    None
                } else {
                    find_close_tag(bytes, open_end, name)
                };
                unclosed[index] = close.is_none();
                // Raw text runs to the end; unclosed boilerplate is left to the parser.
                if close.is_none() && index >= RAW_TEXT_ELEMENTS {
                    return None;
                }
                Some((name, open_end, close.unwrap_or((bytes.len(), bytes.len()))))
            });
        let Some((name, open_end, (content_end, end))) = dropped else {
            if rest.first().is_some_and(u8::is_ascii_alphabetic) {
                push_collapsed(&mut out.html, &html[copied..lt]);
                let before = out.html.len();
                match copy_start_tag(html, lt, &mut out.html) {
                    Some(end) => {
                        let self_closing = bytes[..end].ends_with(b"/>");
                        if !nesting.keep_start(tag_name(rest), self_closing) {
                            out.html.truncate(before);
                        }
                        copied = end;
                        pos = end;
                    }
                    None => {
                        // An unterminated tag: leave the rest to the parser as it is.
                        out.html.truncate(before);
                        copied = lt;
                        break;
                    }
                }
                continue;
            }
            pos = lt + 1;
            continue;
        };
        if name == b"script" && is_json_ld(&bytes[lt..open_end]) {
            if let Some(text) = html.get(open_end..content_end) {
                out.json_ld.push(text.to_string());
            }
        }
        push_collapsed(&mut out.html, &html[copied..lt]);
        copied = end;
        pos = end;
    }
    push_collapsed(&mut out.html, &html[copied..]);
    out
}

/// Appends `text` with each run of ASCII whitespace cut to one character (a newline when
/// the run holds one): the walk collapses whitespace anyway, and indentation is a large
/// share of many pages that the parser would otherwise read character by character.
fn push_collapsed(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !is_space(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        if i - start > 1 {
            // ASCII bytes bound the run, so both cuts fall on char boundaries.
            out.push_str(&text[copied..start]);
            let newline = bytes[start..i].iter().any(|&b| matches!(b, b'\n' | b'\r'));
            out.push(if newline { '\n' } else { ' ' });
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
}

/// Attributes the walk and the metadata reader use; all others are dropped.
const KEPT_ATTRIBUTES: [&[u8]; 17] = [
    b"class",
    b"id",
    b"role",
    b"itemprop",
    b"hidden",
    b"aria-hidden",
    b"lang",
    b"content",
    b"name",
    b"property",
    b"http-equiv",
    b"charset",
    b"rel",
    b"datetime",
    b"pubdate",
    b"style",
    b"href",
];

/// Copies the start tag at `lt` with only the kept attributes; returns the index after
/// its `>`, or `None` when the tag is not terminated.
fn copy_start_tag(html: &str, lt: usize, out: &mut String) -> Option<usize> {
    let bytes = html.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut i = lt + 1;
    while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'>' && bytes[i] != b'/' {
        i += 1;
    }
    let name = &bytes[lt + 1..i];
    let keep_href = name.eq_ignore_ascii_case(b"link");
    out.push_str(&html[lt..i]);
    let mut self_closing = false;
    loop {
        while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        let &b = bytes.get(i)?;
        if b == b'>' {
            if self_closing {
                out.push('/');
            }
            out.push('>');
            return Some(i + 1);
        }
        self_closing = false;
        let attr_start = i;
        while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        if i == attr_start {
            // A stray `=`: skip it.
            i += 1;
            continue;
        }
        let attr_name = &bytes[attr_start..i];
        let mut j = i;
        while j < bytes.len() && is_space(bytes[j]) {
            j += 1;
        }
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < bytes.len() && is_space(bytes[j]) {
                j += 1;
            }
            match bytes.get(j)? {
                &q @ (b'"' | b'\'') => j += 1 + memchr(q, &bytes[j + 1..])? + 1,
                _ => {
                    while j < bytes.len() && !is_space(bytes[j]) && bytes[j] != b'>' {
                        j += 1;
                    }
                }
            }
            i = j;
        }
        let keep = KEPT_ATTRIBUTES
            .iter()
            .any(|k| k.eq_ignore_ascii_case(attr_name))
            && (keep_href || !attr_name.eq_ignore_ascii_case(b"href"))
            && (!attr_name.eq_ignore_ascii_case(b"style") || may_hide(&bytes[attr_start..i]));
        if keep {
            out.push(' ');
            out.push_str(&html[attr_start..i]);
        }
    }
}

/// Whether a `style` attribute may hide its element (`display: none`, `visibility:
/// hidden`); other styles (long `background-image` URLs) are of no use to the walk.
fn may_hide(style: &[u8]) -> bool {
    let has = |word: &[u8]| {
        style
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    has(b"display") || has(b"visibility")
}

/// The name at the start of `rest` (the bytes after `<` or `</`).
fn tag_name(rest: &[u8]) -> &[u8] {
    let len = rest
        .iter()
        .position(|&b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'))
        .unwrap_or(rest.len());
    &rest[..len]
}

/// Whether `rest` (the bytes after `<`) opens the element `name`.
fn starts_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[name.len()],
            b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
        )
}

/// The start and end of the close tag `</name>` at or after `from`.
fn find_close_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<(usize, usize)> {
    let mut pos = from;
    while let Some(rel) = memmem::find(&bytes[pos..], b"</") {
        let start = pos + rel;
        if starts_tag(&bytes[start + 2..], name) {
            let end = memchr(b'>', &bytes[start..]).map_or(bytes.len(), |i| start + i + 1);
            return Some((start, end));
        }
        pos = start + 2;
    }
    None
}

fn is_json_ld(open_tag: &[u8]) -> bool {
    open_tag.len() < 512
        && memmem::find(&open_tag.to_ascii_lowercase(), b"application/ld+json").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_scripts_styles_and_comments() {
        let page = "<p>a<script>if (x < 1) {}</script>b<!-- <p>hidden</p> -->c\
                    <STYLE type=x>p{}</style >d</p><svg><text>icon</text></svg>";
        assert_eq!(prescan(page).html, "<p>abcd</p>");
    }

    #[test]
    fn keeps_json_ld_aside() {
        let page = r#"<head><script type="application/ld+json">{"a":1}</script></head>"#;
        let scan = prescan(page);
        assert_eq!(scan.html, "<head></head>");
        assert_eq!(scan.json_ld, vec![r#"{"a":1}"#.to_string()]);
    }

    #[test]
    fn unused_attributes_are_dropped() {
        let page = r#"<div class="a b" data-x='1>2' onclick=go()><img src="x.jpg"/><a href="/y" id=k>t</a>
                      <link rel="canonical" href="https://ex.nl/a"><br/></div>"#;
        assert_eq!(
            prescan(page).html,
            r#"<div class="a b"><img/><a id=k>t</a>
<link rel="canonical" href="https://ex.nl/a"><br/></div>"#
        );
        assert_eq!(prescan("<p class='x>y'>é</p>").html, "<p class='x>y'>é</p>");
        assert_eq!(
            prescan("<div style=\"background: url(a.jpg)\"><p style='DISPLAY: none'>x</p></div>")
                .html,
            "<div><p style='DISPLAY: none'>x</p></div>"
        );
        assert_eq!(prescan("<p>a<b class=\"open").html, "<p>a<b class=\"open");
    }

    #[test]
    fn nesting_beyond_the_cap_loses_its_tags_not_its_text() {
        let depth = MAX_NESTING + 50;
        let page = format!(
            "{}<p>deep</p>{}<i>after</i>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let expected = format!(
            "{}<p>deep</p>{}<i>after</i>",
            "<div>".repeat(MAX_NESTING),
            "</div>".repeat(MAX_NESTING)
        );
        assert_eq!(prescan(&page).html, expected);
        // Unclosed paragraphs and void elements do not count.
        let flat = "<p>x<br>".repeat(MAX_NESTING * 2) + "<div>in</div>";
        assert_eq!(prescan(&flat).html, flat);
    }

    #[test]
    fn whitespace_runs_are_cut_to_one_character() {
        let page = "<p>een  twee\t\tdrie</p>\n   \n  <p>vier \u{a0} vijf é  </p>";
        assert_eq!(
            prescan(page).html,
            "<p>een twee drie</p>\n<p>vier \u{a0} vijf é </p>"
        );
    }

    #[test]
    fn navigation_and_asides_are_dropped() {
        let page = "<nav><ul><li>Home</li></ul></nav><p>tekst</p><ASIDE class=x>Lees ook</aside>";
        assert_eq!(prescan(page).html, "<p>tekst</p>");
        // Without an end tag only the tag's own attributes go; the text is left in place.
        let unclosed = "<p>a</p><nav data-x=1><p>b</p>".repeat(3);
        assert_eq!(prescan(&unclosed).html, "<p>a</p><nav><p>b</p>".repeat(3));
    }

    #[test]
    fn similar_names_and_unclosed_elements() {
        assert_eq!(prescan("<scripts>x</scripts>").html, "<scripts>x</scripts>");
        assert_eq!(prescan("<p>x<script>never closed").html, "<p>x");
        assert_eq!(prescan("<p>x<!-- open").html, "<p>x");
        assert_eq!(prescan("é<").html, "é<");
    }
}
