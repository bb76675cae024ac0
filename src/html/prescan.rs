//! A byte-level pass before parsing: drops the raw-text elements that never hold article
//! text (scripts, styles, comments, SVG) so the HTML parser has far less to build, and
//! keeps the JSON-LD scripts, which carry metadata.

use memchr::{memchr, memmem};

/// Elements removed with everything up to their end tag.
const DROPPED: [&[u8]; 6] = [
    b"script",
    b"style",
    b"noscript",
    b"svg",
    b"template",
    b"iframe",
];

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
    let mut copied = 0;
    let mut pos = 0;
    while let Some(rel) = memchr(b'<', &bytes[pos..]) {
        let lt = pos + rel;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = memmem::find(&rest[3..], b"-->").map_or(bytes.len(), |i| lt + 4 + i + 3);
            out.html.push_str(&html[copied..lt]);
            copied = end;
            pos = end;
            continue;
        }
        let Some(name) = DROPPED.iter().find(|name| starts_tag(rest, name)) else {
            pos = lt + 1;
            continue;
        };
        let open_end = memchr(b'>', rest).map_or(bytes.len(), |i| lt + 1 + i + 1);
        let close = find_close_tag(bytes, open_end, name);
        let (content_end, end) = close.unwrap_or((bytes.len(), bytes.len()));
        if *name == b"script" && is_json_ld(&bytes[lt..open_end]) {
            if let Some(text) = html.get(open_end..content_end) {
                out.json_ld.push(text.to_string());
            }
        }
        out.html.push_str(&html[copied..lt]);
        copied = end;
        pos = end;
    }
    out.html.push_str(&html[copied..]);
    out
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
    fn similar_names_and_unclosed_elements() {
        assert_eq!(prescan("<scripts>x</scripts>").html, "<scripts>x</scripts>");
        assert_eq!(prescan("<p>x<script>never closed").html, "<p>x");
        assert_eq!(prescan("<p>x<!-- open").html, "<p>x");
        assert_eq!(prescan("é<").html, "é<");
    }
}
