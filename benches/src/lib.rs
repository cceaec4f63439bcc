//! Shared support for the `kzrel-bench` benchmarks: locating and loading the corpus.
//!
//! The corpus is built by `benches/make_corpus.py` (run from the repository root:
//! `python3 benches/make_corpus.py`). Its path is taken from the environment variable
//! [`CORPUS_ENV`], or defaults to `../target/bench-corpus/kk-ru.txt` relative to this
//! crate.

use std::path::PathBuf;

/// Environment variable overriding the corpus path.
pub const CORPUS_ENV: &str = "KZREL_BENCH_CORPUS";

/// The corpus path: `$KZREL_BENCH_CORPUS`, or the default next to the repository's target.
pub fn corpus_path() -> PathBuf {
    match std::env::var_os(CORPUS_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join("target")
            .join("bench-corpus")
            .join("kk-ru.txt"),
    }
}

/// How to create the corpus, for the message printed when it is missing.
pub fn how_to_create() -> String {
    format!(
        "create it from the repository root with:\n    python3 benches/make_corpus.py\n\
         (or point {CORPUS_ENV} at an existing UTF-8 text file)"
    )
}

/// Load the corpus, or `None` after printing why it is missing and how to create it.
pub fn load_corpus() -> Option<(PathBuf, String)> {
    let path = corpus_path();
    match std::fs::read_to_string(&path) {
        Ok(text) => Some((path, text)),
        Err(e) => {
            eprintln!(
                "kzrel-bench: cannot read the corpus {}: {e}\n{}",
                path.display(),
                how_to_create()
            );
            None
        }
    }
}
