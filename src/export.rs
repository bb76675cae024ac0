//! Analytics-ready output: one flat row per fact or per statement, as CSV or JSON Lines,
//! each row carrying its article's id, language and publication date.

use clap::ValueEnum;
use serde_json::{Map, Value};

use crate::output::Record;
use crate::pipeline::Outcome;

/// The output encoding (`--format`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// JSON Lines.
    #[default]
    Jsonl,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
}

/// What one output line holds (`--rows`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Rows {
    /// One row per fact.
    Facts,
    /// One row per statement.
    Statements,
}

/// How records are written: whole records as JSON Lines (the default), or flat rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutputFormat {
    /// The encoding.
    pub format: Format,
    /// Flat rows; `None` writes whole records (JSON Lines) or fact rows (CSV).
    pub rows: Option<Rows>,
}

/// The article columns that start every row. The article's country is `article_country`:
/// a company fact has a `country` column of its own.
const ARTICLE_COLUMNS: [&str; 5] = [
    "article_id",
    "source",
    "lang",
    "published",
    "article_country",
];

/// The fact columns, read from each fact's JSON by name (absent fields are empty);
/// `range_start`/`range_end` flatten a date's `range`.
const FACT_COLUMNS: [&str; 19] = [
    "fact_index",
    "type",
    "start",
    "end",
    "text",
    "amount",
    "amount_max",
    "currency",
    "currency_inferred",
    "qualifier",
    "unit",
    "name",
    "ticker",
    "country",
    "value",
    "granularity",
    "mod",
    "range_start",
    "range_end",
];

/// The statement columns; `evidence_start`/`evidence_end` flatten `evidence`, `facts` is
/// `;`-separated.
const STATEMENT_COLUMNS: [&str; 17] = [
    "statement_index",
    "company",
    "metric",
    "amount",
    "amount_max",
    "currency",
    "currency_inferred",
    "period",
    "period_start",
    "period_end",
    "period_inferred",
    "qualifier",
    "counterparty",
    "equivalents",
    "evidence_start",
    "evidence_end",
    "facts",
];

impl OutputFormat {
    fn rows(&self) -> Option<Rows> {
        match self.format {
            Format::Jsonl => self.rows,
            Format::Csv => Some(self.rows.unwrap_or(Rows::Facts)),
        }
    }

    fn columns(&self) -> Vec<&'static str> {
        let rows = match self.rows() {
            Some(Rows::Statements) => &STATEMENT_COLUMNS[..],
            _ => &FACT_COLUMNS[..],
        };
        ARTICLE_COLUMNS.iter().chain(rows).copied().collect()
    }

    /// What comes before the first line: the CSV header row, else nothing.
    pub fn header(&self) -> Vec<u8> {
        match self.format {
            Format::Jsonl => Vec::new(),
            Format::Csv => csv_line(self.columns().iter().map(|c| c.to_string())),
        }
    }

    /// The bytes for one outcome. Error records have no rows: in row mode they are only
    /// counted in the summary on stderr.
    pub fn encode(&self, outcome: &Outcome) -> Vec<u8> {
        let Some(rows) = self.rows() else {
            return crate::pipeline::encode(outcome);
        };
        let Outcome::Record(record) = outcome else {
            return Vec::new();
        };
        let columns = self.columns();
        let mut out = Vec::new();
        for row in flat_rows(record, rows) {
            match self.format {
                Format::Csv => out.extend(csv_line(
                    columns
                        .iter()
                        .map(|c| cell(row.get(*c).unwrap_or(&Value::Null))),
                )),
                Format::Jsonl => {
                    let object: Map<String, Value> = columns
                        .iter()
                        .map(|c| (c.to_string(), row.get(*c).cloned().unwrap_or(Value::Null)))
                        .collect();
                    out.extend(serde_json::to_vec(&object).unwrap_or_default());
                    out.push(b'\n');
                }
            }
        }
        out
    }
}

/// The rows of one record, each a JSON object with the article columns first.
fn flat_rows(record: &Record, rows: Rows) -> Vec<Map<String, Value>> {
    let items: Vec<Value> = match rows {
        Rows::Facts => record.facts.iter().map(to_value).collect(),
        Rows::Statements => record.statements.iter().map(to_value).collect(),
    };
    let index_column = match rows {
        Rows::Facts => "fact_index",
        Rows::Statements => "statement_index",
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let mut row = Map::new();
            row.insert("article_id".into(), id_value(&record.id));
            row.insert("source".into(), record.source.clone().into());
            row.insert("lang".into(), record.lang.clone().into());
            row.insert("published".into(), record.published.clone().into());
            row.insert("article_country".into(), record.country.clone().into());
            row.insert(index_column.into(), i.into());
            if let Value::Object(fields) = item {
                for (key, value) in fields {
                    flatten_into(&mut row, key, value);
                }
            }
            row
        })
        .collect()
}

fn to_value<T: serde::Serialize>(item: &T) -> Value {
    serde_json::to_value(item).unwrap_or(Value::Null)
}

/// A string id as is; any other id as its JSON text, so the column has one type.
fn id_value(id: &Value) -> Value {
    match id {
        Value::String(_) => id.clone(),
        other => other.to_string().into(),
    }
}

/// `evidence: {start, end}` becomes `evidence_start`, `evidence_end`; lists are joined
/// with `;` (`facts`), or kept as JSON text when they hold objects (`equivalents`).
fn flatten_into(row: &mut Map<String, Value>, key: String, value: Value) {
    match value {
        Value::Object(fields) => {
            for (sub, v) in fields {
                row.insert(format!("{key}_{sub}"), v);
            }
        }
        Value::Array(items) if items.iter().all(|v| !v.is_object()) => {
            let joined: Vec<String> = items.iter().map(cell).collect();
            row.insert(key, joined.join(";").into());
        }
        Value::Array(items) => {
            row.insert(key, Value::Array(items).to_string().into());
        }
        other => {
            row.insert(key, other);
        }
    }
}

/// A CSV cell: strings as they are, numbers and booleans in JSON form, null empty.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn csv_line(cells: impl IntoIterator<Item = String>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let cells: Vec<String> = cells.into_iter().collect();
    // Writing to a Vec cannot fail; a failure would only drop this one row.
    let _ = writer.write_record(&cells);
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::companies::Company;
    use crate::extract::money::Money;
    use crate::extract::FactValue;
    use crate::output::{Fact, SCHEMA_VERSION};
    use crate::statements::{Evidence, Metric, Statement};
    use rust_decimal::Decimal;

    fn record() -> Record {
        let money = Money {
            amount: Decimal::new(17, 1) * Decimal::from(1_000_000_000),
            amount_max: None,
            currency: Some("EUR".into()),
            currency_inferred: false,
            qualifier: Some("ruim".into()),
            unit: None,
        };
        Record {
            schema_version: SCHEMA_VERSION,
            id: Value::from(7),
            source: "in.jsonl:1".into(),
            lang: "nl".into(),
            lang_confidence: 1.0,
            lang_secondary: Vec::new(),
            country: Some("BE".into()),
            published: Some("2024-05".into()),
            title: None,
            facts: vec![
                Fact {
                    start: 0,
                    end: 7,
                    text: "Philips".into(),
                    value: FactValue::Company(Company {
                        name: "Philips".into(),
                        ticker: None,
                        country: None,
                    }),
                },
                Fact {
                    start: 25,
                    end: 46,
                    text: "ruim 1,7 miljard euro".into(),
                    value: FactValue::Money(money.clone()),
                },
            ],
            statements: vec![Statement {
                company: "Philips, Koninklijke".into(),
                metric: Metric::Revenue,
                amount: money.amount,
                amount_max: None,
                currency: money.currency.clone(),
                currency_inferred: false,
                period: Some("2024".into()),
                period_start: None,
                period_end: None,
                period_inferred: true,
                qualifier: money.qualifier.clone(),
                counterparty: None,
                equivalents: Vec::new(),
                evidence: Evidence { start: 0, end: 46 },
                facts: vec![0, 1],
            }],
            text: None,
        }
    }

    fn csv(rows: Rows) -> String {
        let format = OutputFormat {
            format: Format::Csv,
            rows: Some(rows),
        };
        let mut out = format.header();
        out.extend(format.encode(&Outcome::Record(record())));
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn fact_rows_carry_the_article_columns() {
        assert_eq!(
            csv(Rows::Facts),
            "article_id,source,lang,published,article_country,fact_index,type,start,end,text,\
             amount,amount_max,currency,currency_inferred,qualifier,unit,name,ticker,country,\
             value,granularity,mod,range_start,range_end\n\
             7,in.jsonl:1,nl,2024-05,BE,0,company,0,7,Philips,,,,,,,Philips,,,,,,,\n\
             7,in.jsonl:1,nl,2024-05,BE,1,money,25,46,\"ruim 1,7 miljard euro\",1700000000,,EUR,,ruim,,,,,,,,,\n"
        );
    }

    #[test]
    fn statement_rows_flatten_evidence_and_facts() {
        assert_eq!(
            csv(Rows::Statements),
            "article_id,source,lang,published,article_country,statement_index,company,metric,\
             amount,amount_max,currency,currency_inferred,period,period_start,period_end,\
             period_inferred,qualifier,counterparty,equivalents,evidence_start,evidence_end,facts\n\
             7,in.jsonl:1,nl,2024-05,BE,0,\"Philips, Koninklijke\",revenue,1700000000,,EUR,,2024,,,\
             true,ruim,,,0,46,0;1\n"
        );
    }

    #[test]
    fn jsonl_rows_and_whole_records() {
        let rows = OutputFormat {
            format: Format::Jsonl,
            rows: Some(Rows::Statements),
        };
        let line = rows.encode(&Outcome::Record(record()));
        let row: Value = serde_json::from_slice(&line).unwrap();
        assert_eq!(row["company"], "Philips, Koninklijke");
        assert_eq!(row["published"], "2024-05");
        assert_eq!(row["facts"], "0;1");
        let whole = OutputFormat::default().encode(&Outcome::Record(record()));
        let record: Value = serde_json::from_slice(&whole).unwrap();
        assert_eq!(record["statements"][0]["amount"], 1700000000);
        assert!(OutputFormat::default().header().is_empty());
    }
}
