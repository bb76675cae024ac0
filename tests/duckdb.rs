//! Loads the JSON Lines output into DuckDB (the Python `duckdb` package) and checks the
//! revenue-by-company query from docs/statements.md against the fixture articles.
//!
//! Without `duckdb` the test prints a notice and passes, unless `NEWSFACTS_REQUIRE_DUCKDB=1`.

use std::path::Path;
use std::process::Command;

/// The fixture articles with revenue statements (Dutch and French business news).
const FIXTURES: [&str; 4] = [
    "fixtures/nl/jaarcijfers-tech.txt",
    "fixtures/nl/cloudmarkt.txt",
    "fixtures/fr/resultats-annuels.txt",
    "fixtures/fr/premier-trimestre.txt",
];

/// The query of docs/statements.md: revenue per company and currency.
const QUERY: &str = "
SELECT s.company, s.currency, SUM(CAST(s.amount AS DECIMAL(38, 2))) AS revenue, COUNT(*) AS n
FROM (SELECT unnest(statements) AS s FROM read_json_auto(?))
WHERE s.metric = 'revenue'
GROUP BY ALL
ORDER BY revenue DESC, s.company";

fn duckdb_available() -> bool {
    Command::new("python3")
        .args(["-c", "import duckdb"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn revenue_by_company_in_duckdb() {
    if !duckdb_available() {
        assert!(
            std::env::var("NEWSFACTS_REQUIRE_DUCKDB").as_deref() != Ok("1"),
            "NEWSFACTS_REQUIRE_DUCKDB=1 but `python3 -c 'import duckdb'` fails"
        );
        eprintln!("notice: python3 duckdb package not found; DuckDB test skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("facts.jsonl");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let status = Command::new(env!("CARGO_BIN_EXE_newsfacts"))
        .current_dir(root)
        .arg("extract")
        .args(FIXTURES)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());

    let script = format!(
        "import duckdb, sys\n\
         rows = duckdb.sql({QUERY:?}.replace('?', repr(sys.argv[1]))).fetchall()\n\
         for company, currency, revenue, n in rows:\n    print(f'{{company}}|{{currency}}|{{revenue}}|{{n}}')\n"
    );
    let result = Command::new("python3")
        .args(["-c", &script])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let got = String::from_utf8(result.stdout).unwrap();
    let expected = "\
Carrefour|EUR|94000000000.00|1
LVMH|EUR|86200000000.00|1
Heineken|EUR|36400000000.00|1
Danone|EUR|34400000000.00|2
ASML|EUR|27600000000.00|1
Amazon Web Services|USD|25000000000.00|1
Microsoft Azure|USD|12000000000.00|1
L'Oréal|EUR|11200000000.00|1
Google Cloud|USD|9200000000.00|1
Philips|EUR|9200000000.00|2
";
    assert_eq!(got, expected);
}
