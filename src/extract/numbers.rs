//! Numbers as news writes them: digits with decimal commas and thousands separators,
//! and number words. Values are exact decimals, never floats.

use rust_decimal::Decimal;

/// Parses a digit string with a decimal comma and `.`/space thousands separators
/// (`1,7`, `1.500.000`, `1 500 000`) into an exact decimal.
pub fn parse_digits(s: &str) -> Option<Decimal> {
    let mut normalized = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '0'..='9' => normalized.push(c),
            ',' => normalized.push('.'),
            '.' | ' ' | '\u{a0}' | '\u{202f}' => {}
            _ => return None,
        }
    }
    normalized.parse().ok()
}

/// Serializes an exact decimal as a JSON number: an integer when it is whole
/// (`1700000000`, never `1699999999.9999998`), else the shortest float that reads back equal.
pub fn serialize_decimal<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    use rust_decimal::prelude::ToPrimitive;
    let normalized = d.normalize();
    if normalized.scale() == 0 {
        if let Some(i) = normalized.to_i64() {
            return s.serialize_i64(i);
        }
    }
    s.serialize_f64(normalized.to_f64().unwrap_or(f64::NAN))
}

/// [`serialize_decimal`] for optional values.
pub fn serialize_opt_decimal<S: serde::Serializer>(
    d: &Option<Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => serialize_decimal(d, s),
        None => s.serialize_none(),
    }
}
