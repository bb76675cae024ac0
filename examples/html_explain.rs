//! Prints how the main text of each HTML page given is chosen (scores and verdict per
//! block), then the extracted article, to tune the rules in src/html:
//! `cargo run --example html_explain -- page.html [more.html.gz ...]`.

use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for path in std::env::args().skip(1) {
        let mut bytes = std::fs::read(&path)?;
        if path.ends_with(".gz") {
            let mut plain = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut plain)?;
            bytes = plain;
        }
        let html = newsfacts::html::decode_html(&bytes, None);
        println!("== {path}\n{}", newsfacts::html::explain(&html));
        println!("{:#?}", newsfacts::html::extract(&html));
    }
    Ok(())
}
