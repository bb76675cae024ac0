//! The `newsfacts` command line.

fn main() {
    std::process::exit(newsfacts::cli::main());
}
