//! Transparent gzip with a guard against decompression bombs.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Output beyond this many bytes must keep to [`MAX_RATIO`].
const RATIO_GRACE: u64 = 64 * 1024 * 1024;
/// Real text compresses about 3-10:1; a stream that inflates more than this is a bomb.
const MAX_RATIO: u64 = 200;

/// Wraps `reader` in a gzip decoder when the stream starts with the gzip magic bytes.
pub fn maybe_gunzip<R: BufRead + Send + 'static>(reader: R) -> io::Result<Box<dyn BufRead + Send>> {
    gunzip_guarded(reader, RATIO_GRACE)
}

fn gunzip_guarded<R: BufRead + Send + 'static>(
    mut reader: R,
    grace: u64,
) -> io::Result<Box<dyn BufRead + Send>> {
    if !reader.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        return Ok(Box::new(reader));
    }
    let compressed = Arc::new(AtomicU64::new(0));
    let counted = Counting {
        inner: reader,
        count: Arc::clone(&compressed),
    };
    let decoder = flate2::bufread::MultiGzDecoder::new(counted);
    Ok(Box::new(BufReader::new(BombGuard {
        inner: decoder,
        compressed,
        inflated: 0,
        grace,
    })))
}

/// Counts the compressed bytes the decoder consumes.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        self.count.fetch_add(amt as u64, Ordering::Relaxed);
        self.inner.consume(amt);
    }
}

/// Fails the stream once the inflated size is both large and out of proportion.
struct BombGuard<R> {
    inner: R,
    compressed: Arc<AtomicU64>,
    inflated: u64,
    grace: u64,
}

impl<R: Read> Read for BombGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.inflated += n as u64;
        let compressed = self.compressed.load(Ordering::Relaxed).max(1);
        if self.inflated > self.grace && self.inflated / compressed > MAX_RATIO {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("gzip expands more than {MAX_RATIO}:1 (decompression bomb?)"),
            ));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn plain_streams_pass_through() {
        let mut out = String::new();
        maybe_gunzip(io::Cursor::new(b"plain text".to_vec()))
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "plain text");
    }

    #[test]
    fn gzip_is_inflated() {
        let mut out = String::new();
        maybe_gunzip(io::Cursor::new(gzip("één artikel".as_bytes())))
            .unwrap()
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "één artikel");
    }

    #[test]
    fn bombs_are_stopped() {
        let bomb = gzip(&vec![b'a'; 8 * 1024 * 1024]);
        assert!(bomb.len() < 64 * 1024);
        let mut sink = Vec::new();
        let err = gunzip_guarded(io::Cursor::new(bomb), 1024 * 1024)
            .unwrap()
            .read_to_end(&mut sink)
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(
            sink.len() < 80 * 1024 * 1024,
            "stopped early: {}",
            sink.len()
        );
    }
}
