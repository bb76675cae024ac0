//! Prints the language detector's per-language scores for each line of stdin, to tune
//! the tables in src/langid: `cargo run --example langid_explain < lines.txt`.

fn main() {
    for line in std::io::stdin().lines().map_while(Result::ok) {
        println!("{line}\n{}", newsfacts::langid::explain(&line));
    }
}
