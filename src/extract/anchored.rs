//! Anchored longest-match walks over a pattern set, for engines that try their patterns
//! only where they can start (word starts, boundaries) instead of running an automaton
//! over every byte.
//!
//! The patterns live in a plain trie: an anchored walk needs no failure transitions, and
//! leaving them out makes building the gazetteer's patterns a few times cheaper than an
//! Aho-Corasick automaton (start-up). The root's children are a 256-entry table, deeper
//! nodes list their few children in byte order. A bit set of pattern prefixes rejects
//! most positions before the walk starts.

/// No node.
const NONE: u32 = u32::MAX;

/// Patterns compiled for anchored longest-match walks, each with a value of type `K`.
pub struct Anchor<K> {
    trie: Trie,
    values: Vec<K>,
    prefixes: PrefixSet,
    ascii_case_insensitive: bool,
}

/// The patterns' trie.
struct Trie {
    /// The child of the root for each first byte.
    root: Box<[u32; 256]>,
    /// Every node but the root.
    nodes: Vec<Node>,
    /// The children of all nodes: (byte, node), each node's run sorted by byte.
    edges: Vec<(u8, u32)>,
}

/// A trie node: its run of children in `edges` and the pattern ending there.
#[derive(Clone, Copy)]
struct Node {
    first_edge: u32,
    edge_count: u32,
    /// The first-listed pattern spelled by the path to this node, or [`NONE`].
    pattern: u32,
}

impl<K: Copy> Anchor<K> {
    /// Compiles `patterns`; with `ascii_case_insensitive`, ASCII letters match either case.
    pub fn new(patterns: Vec<(Vec<u8>, K)>, ascii_case_insensitive: bool) -> Result<Self, String> {
        if patterns.len() >= NONE as usize {
            return Err(format!("{} patterns are too many", patterns.len()));
        }
        let (bytes, values): (Vec<Vec<u8>>, Vec<K>) = patterns.into_iter().unzip();
        let prefixes = PrefixSet::new(bytes.iter().map(Vec::as_slice), ascii_case_insensitive);
        let mut trie = TrieBuilder::default();
        for (id, pattern) in bytes.iter().enumerate() {
            let folded: Vec<u8> = if ascii_case_insensitive {
                pattern.to_ascii_lowercase()
            } else {
                pattern.clone()
            };
            trie.insert(&folded, id as u32)?;
        }
        Ok(Anchor {
            trie: trie.flatten(),
            values,
            prefixes,
            ascii_case_insensitive,
        })
    }

    /// Whether some pattern starts with `byte`: a check cheap enough to make before every
    /// call to [`Anchor::longest`] in a scan loop.
    #[inline]
    pub fn may_start_with(&self, byte: u8) -> bool {
        let byte = if self.ascii_case_insensitive {
            byte.to_ascii_lowercase()
        } else {
            byte
        };
        self.trie.root[usize::from(byte)] != NONE
    }

    /// The value and length of the longest pattern starting exactly at `at` that `fits`
    /// (sits on the boundaries its value needs), so `Alibaba` still counts in `Alibaba
    /// Cloudy` where the longer `Alibaba Cloud` does not.
    pub fn longest(
        &self,
        haystack: &[u8],
        at: usize,
        fits: impl Fn(K, usize) -> bool,
    ) -> Option<(K, usize)> {
        if !self.prefixes.may_start(haystack, at) {
            return None;
        }
        let rest = haystack.get(at..)?;
        let fold = |b: u8| {
            if self.ascii_case_insensitive {
                b.to_ascii_lowercase()
            } else {
                b
            }
        };
        let trie = &self.trie;
        let mut node = trie.root[usize::from(fold(*rest.first()?))];
        let mut best = None;
        let mut len = 1;
        while let Some(current) = trie.nodes.get(node as usize) {
            if let Some(&value) = self.values.get(current.pattern as usize) {
                if fits(value, len) {
                    best = Some((value, len));
                }
            }
            let Some(&byte) = rest.get(len) else {
                break;
            };
            node = trie.child(current, fold(byte));
            len += 1;
        }
        best
    }
}

impl Trie {
    /// The child of `node` for `byte`, or [`NONE`].
    fn child(&self, node: &Node, byte: u8) -> u32 {
        let start = node.first_edge as usize;
        let run = self.edges.get(start..start + node.edge_count as usize);
        run.into_iter()
            .flatten()
            .take_while(|&&(b, _)| b <= byte)
            .find(|&&(b, _)| b == byte)
            .map_or(NONE, |&(_, child)| child)
    }
}

/// A trie under construction: children as small vectors, flattened once at the end.
#[derive(Default)]
struct TrieBuilder {
    root: Vec<(u8, u32)>,
    children: Vec<Vec<(u8, u32)>>,
    patterns: Vec<u32>,
}

impl TrieBuilder {
    fn insert(&mut self, pattern: &[u8], id: u32) -> Result<(), String> {
        let Some((&first, rest)) = pattern.split_first() else {
            return Ok(());
        };
        let mut node = match self.root.iter().find(|&&(b, _)| b == first) {
            Some(&(_, child)) => child,
            None => {
                let child = self.add_node()?;
                self.root.push((first, child));
                child
            }
        };
        for &byte in rest {
            let found = self.children[node as usize]
                .iter()
                .find(|&&(b, _)| b == byte)
                .map(|&(_, child)| child);
            node = match found {
                Some(child) => child,
                None => {
                    let child = self.add_node()?;
                    self.children[node as usize].push((byte, child));
                    child
                }
            };
        }
        // Patterns are inserted in order: the first one spelled this way keeps the node.
        if self.patterns[node as usize] == NONE {
            self.patterns[node as usize] = id;
        }
        Ok(())
    }

    fn add_node(&mut self) -> Result<u32, String> {
        let id = u32::try_from(self.children.len())
            .ok()
            .filter(|&id| id < NONE)
            .ok_or("too many trie nodes")?;
        self.children.push(Vec::new());
        self.patterns.push(NONE);
        Ok(id)
    }

    fn flatten(self) -> Trie {
        let mut root = Box::new([NONE; 256]);
        for (byte, child) in self.root {
            root[usize::from(byte)] = child;
        }
        let mut edges = Vec::with_capacity(self.children.len());
        let nodes = self
            .children
            .into_iter()
            .zip(self.patterns)
            .map(|(mut children, pattern)| {
                children.sort_unstable();
                let node = Node {
                    first_edge: edges.len() as u32,
                    edge_count: children.len() as u32,
                    pattern,
                };
                edges.extend(children);
                node
            })
            .collect();
        Trie { root, nodes, edges }
    }
}

/// The prefixes of a set of patterns: the first two bytes of the short ones (up to three
/// bytes, as a 65,536-bit set) and a hash of the first four bytes of the others (a
/// 2^16-bit set, small enough for the L1 cache), so `le c` passes but `le p` does not.
struct PrefixSet {
    short: Box<[u64]>,
    long: Box<[u64]>,
}

/// Bits of the hashed four-byte prefix.
const LONG_BITS: u32 = 16;

impl PrefixSet {
    fn new<'p>(patterns: impl Iterator<Item = &'p [u8]>, ascii_case_insensitive: bool) -> Self {
        let mut short = vec![0u64; 1 << 10].into_boxed_slice();
        let mut long = vec![0u64; 1 << (LONG_BITS - 6)].into_boxed_slice();
        let cases = |b: u8| -> Vec<u8> {
            if ascii_case_insensitive && b.is_ascii_alphabetic() {
                vec![b.to_ascii_lowercase(), b.to_ascii_uppercase()]
            } else {
                vec![b]
            }
        };
        for pattern in patterns {
            match *pattern {
                [] => {}
                [first] => {
                    for f in cases(first) {
                        (0..256).for_each(|second| insert(&mut short, pair(f, second)));
                    }
                }
                [first, second] | [first, second, _] => {
                    for (f, s) in product(&cases(first), &cases(second)) {
                        insert(&mut short, pair(f, u16::from(s)));
                    }
                }
                [a, b, c, d, ..] => {
                    for (a, b) in product(&cases(a), &cases(b)) {
                        for (c, d) in product(&cases(c), &cases(d)) {
                            insert(&mut long, quad([a, b, c, d]));
                        }
                    }
                }
            }
        }
        PrefixSet { short, long }
    }

    /// Whether a pattern may start at `at` (the byte after the text counts as 0).
    fn may_start(&self, haystack: &[u8], at: usize) -> bool {
        let Some(&first) = haystack.get(at) else {
            return false;
        };
        let second = haystack.get(at + 1).copied().unwrap_or(0);
        if contains(&self.short, pair(first, u16::from(second))) {
            return true;
        }
        match haystack.get(at..at + 4) {
            Some(&[a, b, c, d]) => contains(&self.long, quad([a, b, c, d])),
            _ => false,
        }
    }
}

fn product(xs: &[u8], ys: &[u8]) -> Vec<(u8, u8)> {
    xs.iter()
        .flat_map(|&x| ys.iter().map(move |&y| (x, y)))
        .collect()
}

/// The bit index of a two-byte prefix.
fn pair(first: u8, second: u16) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

/// The hashed bit index of a four-byte prefix (Fibonacci hashing).
fn quad(bytes: [u8; 4]) -> usize {
    (u32::from_le_bytes(bytes).wrapping_mul(0x9E37_79B1) >> (32 - LONG_BITS)) as usize
}

fn insert(bits: &mut [u64], key: usize) {
    bits[key >> 6] |= 1 << (key & 63);
}

fn contains(bits: &[u64], key: usize) -> bool {
    bits[key >> 6] & (1 << (key & 63)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor(patterns: &[&str], fold: bool) -> Anchor<usize> {
        let patterns = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (p.as_bytes().to_vec(), i))
            .collect();
        Anchor::new(patterns, fold).expect("patterns compile")
    }

    #[test]
    fn longest_match_at_the_anchor_only() {
        let a = anchor(&["maart", "maa", "week", "weekend"], false);
        let text = b"xmaart weekends";
        assert_eq!(a.longest(text, 1, |_, _| true), Some((0, 5)));
        assert_eq!(a.longest(text, 0, |_, _| true), None);
        assert_eq!(a.longest(text, 7, |_, _| true), Some((3, 7)));
        // `fits` may reject the longest: the shorter match remains.
        assert_eq!(a.longest(text, 7, |_, n| n < 7), Some((2, 4)));
        assert_eq!(a.longest(text, 15, |_, _| true), None);
    }

    #[test]
    fn ascii_case_insensitive_prefixes_pass_both_cases() {
        let a = anchor(&["janvier", "mi"], true);
        for (text, want) in [
            ("JANVIER", Some((0, 7))),
            ("Janvier", Some((0, 7))),
            ("jAnVIER", Some((0, 7))),
            ("Mi", Some((1, 2))),
            ("M", None),
        ] {
            assert_eq!(a.longest(text.as_bytes(), 0, |_, _| true), want, "{text}");
        }
        let exact = anchor(&["janvier"], false);
        assert_eq!(exact.longest(b"Janvier", 0, |_, _| true), None);
    }
}
