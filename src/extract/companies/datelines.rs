//! The agency of a wire dispatch: `PARIS, 12 mars (Xylos)`.

use super::{floor_boundary, names, names::name_run, CompanyEngine, Found};

/// The longest agency name in a dateline's brackets, in bytes.
const MAX_AGENCY_LEN: usize = 40;

impl CompanyEngine {
    /// Adds the agency of a wire dispatch: `BERLIN, 29 (Wolff).`, `PARIS, 12 mars (Xylos)`.
    pub(super) fn add_dateline_agencies(&self, text: &str, found: &mut Vec<Found>) {
        let mut extra = Vec::new();
        // SIMD memchr: `(` is rare, and this runs over the whole text.
        for open in memchr::memchr_iter(b'(', text.as_bytes()) {
            let start = open + 1;
            let window = floor_boundary(text, (start + MAX_AGENCY_LEN).min(text.len()));
            let Some(close) = text[start..window].find(')').map(|i| start + i) else {
                continue;
            };
            if !names::ends_with_dateline(&text[..open]) {
                continue;
            }
            let end = name_run(text, start, close, |t| self.stops_name(t));
            let taken = found.iter().any(|f| f.start < close && start < f.end);
            if end == Some(close) && !taken && self.plausible(&text[start..close]) {
                extra.push(Found {
                    start,
                    end: close,
                    entry: None,
                    name_end: close,
                });
            }
        }
        found.extend(extra);
    }
}
