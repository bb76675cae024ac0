//! The JSON Schema of the output lines, generated from the Rust types that write them, so
//! the schema and the output cannot drift apart. `newsfacts schema` prints it.

use serde_json::Value;

use crate::output::{ErrorRecord, Record, SCHEMA_VERSION};

/// One output line: an article's record or an input's error record.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum Line {
    /// An article's record.
    Record(Record),
    /// An input that failed.
    Error(ErrorRecord),
}

/// The JSON Schema (draft 2020-12) of one output line, carrying [`SCHEMA_VERSION`]
/// in `$id`, `version` and as the `const` of every `schema_version` property.
pub fn record_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    let mut schema =
        serde_json::to_value(generator.into_root_schema_for::<Line>()).unwrap_or_default();
    if let Some(root) = schema.as_object_mut() {
        root.insert(
            "$id".into(),
            format!("urn:newsfacts:record:v{SCHEMA_VERSION}").into(),
        );
        root.insert(
            "title".into(),
            format!("newsfacts output line, schema version {SCHEMA_VERSION}").into(),
        );
        root.insert("version".into(), SCHEMA_VERSION.into());
    }
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for def in defs.values_mut() {
            if let Some(v) = def.pointer_mut("/properties/schema_version") {
                v["const"] = SCHEMA_VERSION.into();
            }
        }
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_names_the_contract_fields() {
        let schema = record_schema();
        assert_eq!(schema["version"], SCHEMA_VERSION);
        let record = &schema["$defs"]["Record"];
        let required: Vec<&str> = record["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for field in [
            "id",
            "source",
            "lang",
            "facts",
            "statements",
            "schema_version",
        ] {
            assert!(required.contains(&field), "{field} in {required:?}");
        }
        assert_eq!(
            record["properties"]["schema_version"]["const"],
            SCHEMA_VERSION
        );
        let statement = &schema["$defs"]["Statement"]["properties"];
        for field in [
            "company", "metric", "amount", "currency", "period", "evidence", "facts",
        ] {
            assert!(statement.get(field).is_some(), "{field}");
        }
    }
}
