//! `--shard K/N`: a stable hash partition of the inputs, so N machines can split a corpus
//! without coordination (Kubernetes indexed jobs, Slurm arrays).

use std::str::FromStr;

/// Shard `index` of `count` (0-based: `0/4` .. `3/4`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, `0 <= index < count`.
    pub index: u64,
    /// The number of shards.
    pub count: u64,
}

impl Shard {
    /// Whether the input identified by `key` belongs to this shard.
    ///
    /// The hash is FNV-1a 64, fixed forever: the same key lands in the same shard on every
    /// machine and every version.
    pub fn contains(&self, key: &str) -> bool {
        fnv1a(key.as_bytes()) % self.count == self.index
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (k, n) = s
            .split_once('/')
            .ok_or_else(|| format!("expected K/N (e.g. 0/4), got {s:?}"))?;
        let index: u64 = k
            .trim()
            .parse()
            .map_err(|_| format!("bad shard index {k:?}"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("bad shard count {n:?}"))?;
        if count == 0 || index >= count {
            return Err(format!("shard index must be in 0..{count}, got {index}"));
        }
        Ok(Shard { index, count })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_validates() {
        assert_eq!("1/4".parse::<Shard>(), Ok(Shard { index: 1, count: 4 }));
        assert!("4/4".parse::<Shard>().is_err());
        assert!("0/0".parse::<Shard>().is_err());
        assert!("a/2".parse::<Shard>().is_err());
        assert!("3".parse::<Shard>().is_err());
    }

    #[test]
    fn shards_partition_the_keys() {
        let shards: Vec<Shard> = (0..3).map(|index| Shard { index, count: 3 }).collect();
        let mut sizes = [0usize; 3];
        for i in 0..3000 {
            let key = format!("corpus/article-{i}.txt");
            let owners: Vec<usize> = (0..3).filter(|&s| shards[s].contains(&key)).collect();
            assert_eq!(owners.len(), 1, "exactly one shard owns {key}");
            sizes[owners[0]] += 1;
        }
        assert!(sizes.iter().all(|&n| n > 900), "balanced: {sizes:?}");
    }

    #[test]
    fn the_hash_is_stable() {
        // FNV-1a 64 reference values: changing them would reshuffle users' shards.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
