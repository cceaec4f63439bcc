//! Extraction throughput of `Dataset::extract` on a corpus of documents, for
//! BENCHMARKS.md: every document is extracted in turn, `--runs` times, and the median,
//! minimum and maximum MB/s (10^6 bytes of input per second, one thread) are printed,
//! with the number of mentions and of documents. A corpus repeats its words and names,
//! which the scanner reads once per thread; so a second figure is the cold one: the
//! distinct documents, each once, in a new thread (empty caches), median of `--runs`.
//!
//! Usage: `cargo run --release --bin extract [-- --runs N] [--corpus FILE]` (default 3
//! runs; corpus `$KZREL_EXTRACT_CORPUS` or `../target/bench-corpus/seeds.txt`, which
//! `benches/make_seed_corpus.py` writes; documents are separated by a form feed).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use kzrel_core::dataset::Dataset;
use kzrel_core::resolve::Resolve;

fn main() -> ExitCode {
    let mut runs = 3usize;
    let mut corpus = std::env::var("KZREL_EXTRACT_CORPUS")
        .unwrap_or_else(|_| "../target/bench-corpus/seeds.txt".to_string());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--runs", Some(n)) => runs = n.parse().unwrap_or(runs),
            ("--corpus", Some(p)) => corpus = p,
            _ => {
                eprintln!("usage: extract [--runs N] [--corpus FILE]");
                return ExitCode::from(2);
            }
        }
    }
    let text = match std::fs::read_to_string(&corpus) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("extract: {corpus}: {e} (run benches/make_seed_corpus.py first)");
            return ExitCode::FAILURE;
        }
    };
    let docs: Vec<&str> = text.split("\n\u{c}\n").collect();
    let ds = match Dataset::embedded() {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("extract: {e}");
            return ExitCode::FAILURE;
        }
    };
    let opts = Resolve::default();
    // Untimed: builds the name index once.
    let _ = ds.extract("Astana", &opts);
    let mut rates = Vec::new();
    let mut mentions = 0;
    for _ in 0..runs {
        let start = Instant::now();
        mentions = docs
            .iter()
            .map(|d| black_box(ds.extract(black_box(d), &opts)).len())
            .sum::<usize>();
        rates.push(text.len() as f64 / 1e6 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    let mut distinct: Vec<&str> = docs.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let bytes: usize = distinct.iter().map(|d| d.len()).sum();
    let mut cold: Vec<f64> = (0..runs.max(5))
        .map(|_| {
            std::thread::scope(|s| {
                s.spawn(|| {
                    let start = Instant::now();
                    for d in &distinct {
                        black_box(ds.extract(black_box(d), &opts));
                    }
                    bytes as f64 / 1e6 / start.elapsed().as_secs_f64()
                })
                .join()
                .unwrap_or(0.0)
            })
        })
        .collect();
    cold.sort_by(f64::total_cmp);
    println!(
        "{:.1} MB, {} documents, {mentions} mentions: median {:.2} MB/s (min {:.2}, max {:.2}, {runs} runs)",
        text.len() as f64 / 1e6,
        docs.len(),
        rates[rates.len() / 2],
        rates[0],
        rates[rates.len() - 1]
    );
    println!(
        "cold: {} distinct documents, {:.2} MB, each once in a new thread: median {:.2} MB/s (min {:.2}, max {:.2}, {} runs)",
        distinct.len(),
        bytes as f64 / 1e6,
        cold[cold.len() / 2],
        cold[0],
        cold[cold.len() - 1],
        cold.len()
    );
    ExitCode::SUCCESS
}
