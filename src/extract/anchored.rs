//! Anchored longest-match walks over a pattern set, for engines that try their patterns
//! only where they can start (word starts, boundaries) instead of running an automaton
//! over every byte.
//!
//! The patterns live in a plain trie: an anchored walk needs no failure transitions, and
//! leaving them out makes building the gazetteer's patterns a few times cheaper than an
//! Aho-Corasick automaton (start-up). The root's children are a 256-entry table, deeper
//! nodes list their few children in byte order. A bit set of pattern prefixes rejects
//! most positions before the walk starts. A walk may also run backwards from an end
//! (patterns stored reversed), reading the text in place.

/// No node.
const NONE: u32 = u32::MAX;

/// Patterns compiled for anchored longest-match walks, each with a value of type `K`.
pub struct Anchor<K> {
    trie: Trie,
    values: Vec<K>,
    prefixes: PrefixSet,
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
    /// Compiles `patterns` (matched byte for byte).
    pub fn new(patterns: Vec<(Vec<u8>, K)>) -> Result<Self, String> {
        if patterns.len() >= NONE as usize {
            return Err(format!("{} patterns are too many", patterns.len()));
        }
        let (bytes, values): (Vec<Vec<u8>>, Vec<K>) = patterns.into_iter().unzip();
        let prefixes = PrefixSet::new(bytes.iter().map(Vec::as_slice));
        let trie = build_trie(&bytes)?;
        Ok(Anchor {
            trie,
            values,
            prefixes,
        })
    }

    /// Whether some pattern starts with `byte`: a check cheap enough to make before every
    /// call to [`Anchor::longest`] in a scan loop.
    #[inline]
    pub fn may_start_with(&self, byte: u8) -> bool {
        self.trie.root[usize::from(byte)] != NONE
    }

    /// Whether some pattern is `first` alone or starts with `first` and `second`: a check
    /// on bytes a scan loop has at hand, before a walk that would read them again.
    #[inline]
    pub fn may_start_with_pair(&self, first: u8, second: u8) -> bool {
        let trie = &self.trie;
        trie.nodes
            .get(trie.root[usize::from(first)] as usize)
            .is_some_and(|node| node.pattern != NONE || trie.child(node, second) != NONE)
    }

    /// The value and length of the longest pattern starting exactly at `at` that `fits`
    /// (sits on the boundaries its value needs), so `Alibaba` still counts in `Alibaba
    /// Cloudy` where the longer `Alibaba Cloud` does not.
    #[inline]
    pub fn longest(
        &self,
        haystack: &[u8],
        at: usize,
        fits: impl Fn(K, usize) -> bool,
    ) -> Option<(K, usize)> {
        let rest = haystack.get(at..)?;
        self.walk(|k| rest.get(k).copied(), fits)
    }

    /// Like [`Anchor::longest`] for patterns compiled byte-reversed: the longest that
    /// ends exactly at `end` and starts at `floor` or later, read backwards in place
    /// (`bedrijf` at the end of `softwarebedrijf`).
    #[inline]
    pub fn longest_before(
        &self,
        haystack: &[u8],
        floor: usize,
        end: usize,
        fits: impl Fn(K, usize) -> bool,
    ) -> Option<(K, usize)> {
        let head = haystack.get(floor..end)?;
        self.walk(|k| head.len().checked_sub(k + 1).map(|i| head[i]), fits)
    }

    /// The longest-match walk over the bytes `byte(0)`, `byte(1)`, ... (`None` past the
    /// end), after the prefix check.
    #[inline]
    fn walk(
        &self,
        byte: impl Fn(usize) -> Option<u8>,
        fits: impl Fn(K, usize) -> bool,
    ) -> Option<(K, usize)> {
        let first = byte(0)?;
        if !self.prefixes.may_start(first, &byte) {
            return None;
        }
        let trie = &self.trie;
        let mut node = trie.root[usize::from(first)];
        let mut best = None;
        let mut len = 1;
        while let Some(current) = trie.nodes.get(node as usize) {
            if let Some(&value) = self.values.get(current.pattern as usize) {
                if fits(value, len) {
                    best = Some((value, len));
                }
            }
            let Some(next) = byte(len) else {
                break;
            };
            node = trie.child(current, next);
            len += 1;
        }
        best
    }
}

impl Trie {
    /// The child of `node` for `byte`, or [`NONE`]: a scan of short runs (most nodes have
    /// one child), a binary search of long ones.
    #[inline]
    fn child(&self, node: &Node, byte: u8) -> u32 {
        let start = node.first_edge as usize;
        let Some(run) = self.edges.get(start..start + node.edge_count as usize) else {
            return NONE;
        };
        if run.len() <= 8 {
            for &(b, child) in run {
                if b == byte {
                    return child;
                }
            }
            return NONE;
        }
        run.binary_search_by_key(&byte, |&(b, _)| b)
            .ok()
            .and_then(|k| run.get(k))
            .map_or(NONE, |&(_, child)| child)
    }
}

/// Builds the trie from the patterns sorted by bytes: each pattern shares the path of
/// its common prefix with the one before, and the edges are sorted once at the end.
fn build_trie(patterns: &[Vec<u8>]) -> Result<Trie, String> {
    // Sorted by the first eight bytes read as one number, which orders as the bytes do,
    // and only on a tie by the whole pattern: few comparisons reach the bytes. Among
    // equal patterns the first-listed comes first and keeps the node: the index breaks
    // ties, so an unstable sort (cheaper) gives the stable order.
    let mut order: Vec<(u64, usize)> = patterns
        .iter()
        .enumerate()
        .map(|(id, p)| (prefix_key(p), id))
        .collect();
    order.sort_unstable_by(|&(key_a, a), &(key_b, b)| {
        key_a
            .cmp(&key_b)
            .then_with(|| patterns[a].cmp(&patterns[b]))
            .then(a.cmp(&b))
    });
    let mut root = Box::new([NONE; 256]);
    let mut edges: Vec<(u32, u8, u32)> = Vec::new();
    let mut node_patterns: Vec<u32> = Vec::new();
    let mut path: Vec<u32> = Vec::new();
    let mut previous: &[u8] = &[];
    for (_, id) in order {
        let pattern = patterns[id].as_slice();
        if pattern.is_empty() {
            continue;
        }
        let shared = pattern
            .iter()
            .zip(previous)
            .take_while(|(a, b)| a == b)
            .count();
        path.truncate(shared);
        for (depth, &byte) in pattern.iter().enumerate().skip(shared) {
            let node = u32::try_from(node_patterns.len())
                .ok()
                .filter(|&n| n < NONE)
                .ok_or("too many trie nodes")?;
            node_patterns.push(NONE);
            match depth.checked_sub(1).and_then(|d| path.get(d)) {
                Some(&parent) => edges.push((parent, byte, node)),
                None => root[usize::from(byte)] = node,
            }
            path.push(node);
        }
        if let Some(&last) = path.last() {
            let slot = &mut node_patterns[last as usize];
            if *slot == NONE {
                *slot = id as u32;
            }
        }
        previous = pattern;
    }
    let mut nodes: Vec<Node> = node_patterns
        .into_iter()
        .map(|pattern| Node {
            first_edge: 0,
            edge_count: 0,
            pattern,
        })
        .collect();
    let edges = group_by_parent(&mut nodes, edges);
    Ok(Trie { root, nodes, edges })
}

/// The first eight bytes of `pattern`, zero-padded, as a big-endian number: patterns
/// whose numbers differ compare as them.
fn prefix_key(pattern: &[u8]) -> u64 {
    let mut head = [0u8; 8];
    let n = pattern.len().min(8);
    head[..n].copy_from_slice(&pattern[..n]);
    u64::from_be_bytes(head)
}

/// Lays out `edges` (parent, byte, child) as one run per parent and points each node at
/// its run: a counting sort by parent, stable, so each run keeps the byte order the
/// edges were created in (the patterns were walked in sorted order).
fn group_by_parent(nodes: &mut [Node], edges: Vec<(u32, u8, u32)>) -> Vec<(u8, u32)> {
    for &(parent, _, _) in &edges {
        if let Some(node) = nodes.get_mut(parent as usize) {
            node.edge_count += 1;
        }
    }
    let mut next_slot = Vec::with_capacity(nodes.len());
    let mut first = 0u32;
    for node in nodes.iter_mut() {
        node.first_edge = first;
        next_slot.push(first);
        first += node.edge_count;
    }
    let mut grouped = vec![(0u8, NONE); edges.len()];
    for (parent, byte, child) in edges {
        if let Some(slot) = next_slot.get_mut(parent as usize) {
            if let Some(edge) = grouped.get_mut(*slot as usize) {
                *edge = (byte, child);
            }
            *slot += 1;
        }
    }
    debug_assert!(nodes.iter().all(|n| {
        let run = &grouped[n.first_edge as usize..(n.first_edge + n.edge_count) as usize];
        run.windows(2).all(|w| w[0].0 < w[1].0)
    }));
    grouped
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
    fn new<'p>(patterns: impl Iterator<Item = &'p [u8]>) -> Self {
        let mut short = vec![0u64; 1 << 10].into_boxed_slice();
        let mut long = vec![0u64; 1 << (LONG_BITS - 6)].into_boxed_slice();
        for pattern in patterns {
            match *pattern {
                [] => {}
                [first] => (0..256).for_each(|second| insert(&mut short, pair(first, second))),
                [first, second] | [first, second, _] => {
                    insert(&mut short, pair(first, u16::from(second)))
                }
                [a, b, c, d, ..] => insert(&mut long, quad([a, b, c, d])),
            }
        }
        PrefixSet { short, long }
    }

    /// Whether a pattern may start with `first` followed by `byte(1)`, `byte(2)`, ...
    /// (past the end of the text the next byte counts as 0).
    #[inline]
    fn may_start(&self, first: u8, byte: impl Fn(usize) -> Option<u8>) -> bool {
        let second = byte(1).unwrap_or(0);
        if contains(&self.short, pair(first, u16::from(second))) {
            return true;
        }
        match (byte(1), byte(2), byte(3)) {
            (Some(b), Some(c), Some(d)) => contains(&self.long, quad([first, b, c, d])),
            _ => false,
        }
    }
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

    fn anchor(patterns: &[&str], reversed: bool) -> Anchor<usize> {
        let patterns = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let bytes = p.bytes();
                let bytes = if reversed {
                    bytes.rev().collect()
                } else {
                    bytes.collect()
                };
                (bytes, i)
            })
            .collect();
        Anchor::new(patterns).expect("patterns compile")
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
        assert_eq!(a.longest(text, 16, |_, _| true), None);
    }

    #[test]
    fn the_first_listed_of_equal_patterns_wins() {
        let a = anchor(&["week", "weekend", "week", "weekend"], false);
        assert_eq!(a.longest(b"weekends", 0, |_, _| true), Some((1, 7)));
        assert_eq!(a.longest(b"weeks", 0, |_, _| true), Some((0, 4)));
        assert_eq!(a.longest(b"Weeks", 0, |_, _| true), None, "case matters");
        let exact = anchor(&["b", "ab", "a", "ab"], false);
        assert_eq!(exact.longest(b"abc", 0, |_, _| true), Some((1, 2)));
        assert_eq!(exact.longest(b"abc", 1, |_, _| true), Some((0, 1)));
    }

    #[test]
    fn backward_walks_read_reversed_patterns_in_place() {
        let a = anchor(&["bedrijf", "drijf", "reus"], true);
        let text = b"softwarebedrijf chipreus";
        assert_eq!(a.longest_before(text, 0, 15, |_, _| true), Some((0, 7)));
        // The floor cuts the longer pattern off.
        assert_eq!(a.longest_before(text, 10, 15, |_, _| true), Some((1, 5)));
        assert_eq!(a.longest_before(text, 16, 24, |_, _| true), Some((2, 4)));
        assert_eq!(a.longest_before(text, 16, 23, |_, _| true), None);
        assert_eq!(a.longest_before(text, 15, 15, |_, _| true), None);
        assert_eq!(a.longest_before(text, 0, 99, |_, _| true), None);
    }

    #[test]
    fn prefix_keys_order_as_the_bytes() {
        let mut patterns: Vec<&[u8]> = vec![
            b"abcdefghij",
            b"ab\0",
            b"ab",
            b"abcdefgh",
            b"abcdefghi",
            b"b",
            b"",
            b"\xffa",
            b"a",
        ];
        let mut by_key = patterns.clone();
        by_key.sort_by(|a, b| prefix_key(a).cmp(&prefix_key(b)).then_with(|| a.cmp(b)));
        patterns.sort();
        assert_eq!(by_key, patterns);
        for pair in patterns.windows(2) {
            assert!(prefix_key(pair[0]) <= prefix_key(pair[1]), "{pair:?}");
        }
    }

    #[test]
    fn pairs_of_first_bytes() {
        let a = anchor(&["X", "abc", "ade"], false);
        assert!(a.may_start_with_pair(b'X', b'q'));
        assert!(a.may_start_with_pair(b'a', b'b'));
        assert!(a.may_start_with_pair(b'a', b'd'));
        assert!(!a.may_start_with_pair(b'a', b'c'));
        assert!(!a.may_start_with_pair(b'b', b'c'));
    }

    #[test]
    fn short_and_long_prefixes_pass_the_filter() {
        let a = anchor(&["X", "ab", "abc", "abcdef"], false);
        for (text, want) in [
            ("X", Some((0, 1))),
            ("Xy", Some((0, 1))),
            ("ab", Some((1, 2))),
            ("abc", Some((2, 3))),
            ("abcdef", Some((3, 6))),
            ("abcdeg", Some((2, 3))),
            ("a", None),
            ("bcde", None),
        ] {
            assert_eq!(a.longest(text.as_bytes(), 0, |_, _| true), want, "{text}");
        }
    }
}
