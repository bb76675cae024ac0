//! The `newsfacts` command line.

/// mimalloc: the extractors allocate many small, short-lived vectors per article, and
/// glibc's malloc spent about 7% of a run's instructions on them. Built with `no_thp`
/// (no transparent huge pages): with them a run's peak RSS tripled (21 to 64 MB).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(newsfacts::cli::main());
}
