//! Quick, criterion-independent throughput medians for BENCHMARKS.md.
//!
//! For every scheme in `Scheme::ALL` this transliterates the whole corpus once untimed
//! (to compile the scheme's table and size the output buffer), then N times timed with
//! `std::time::Instant`, and prints the median, minimum and maximum throughput in MB/s,
//! where MB = 10^6 bytes of input. A second table does the same for `to_cyrillic` of the
//! reversible schemes, on each scheme's own Latin output of the corpus.
//!
//! Usage: `cargo run --release --bin throughput [-- --runs N]` (default N = 7). The corpus
//! path is `$KZREL_BENCH_CORPUS` or `../target/bench-corpus/kk-ru.txt`.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use kzrel_names::{Scheme, Transliterator};

const DEFAULT_RUNS: usize = 7;

struct Row {
    scheme: &'static str,
    input: usize,
    output: usize,
    /// MB/s of each timed run, sorted ascending.
    rates: Vec<f64>,
}

impl Row {
    fn median(&self) -> f64 {
        let n = self.rates.len();
        if n % 2 == 1 {
            self.rates[n / 2]
        } else {
            (self.rates[n / 2 - 1] + self.rates[n / 2]) / 2.0
        }
    }
}

/// Time `f` (which writes into `out`) `runs` times over `input_len` bytes.
fn measure(
    runs: usize,
    input_len: usize,
    out: &mut String,
    mut f: impl FnMut(&mut String),
) -> Vec<f64> {
    // Untimed warm-up: compiles the table, grows `out`, warms the caches.
    out.clear();
    f(out);
    let mut rates: Vec<f64> = (0..runs)
        .map(|_| {
            out.clear();
            let start = Instant::now();
            f(out);
            let secs = start.elapsed().as_secs_f64();
            black_box(out.len());
            input_len as f64 / 1e6 / secs
        })
        .collect();
    rates.sort_by(f64::total_cmp);
    rates
}

fn print_table(title: &str, rows: &[Row]) {
    println!("{title}");
    println!(
        "| {:<12} | {:>11} | {:>8} | {:>8} | {:>9} | {:>10} |",
        "scheme", "median MB/s", "min MB/s", "max MB/s", "input MB", "output MB"
    );
    println!(
        "|{:-<14}|{:->13}|{:->10}|{:->10}|{:->11}|{:->12}|",
        "", "", "", "", "", ""
    );
    for r in rows {
        println!(
            "| {:<12} | {:>11.1} | {:>8.1} | {:>8.1} | {:>9.2} | {:>10.2} |",
            r.scheme,
            r.median(),
            r.rates[0],
            r.rates[r.rates.len() - 1],
            r.input as f64 / 1e6,
            r.output as f64 / 1e6,
        );
    }
    println!();
}

/// `--runs N` and any number of `--scheme ID` (all schemes when none is given).
fn parse_args() -> Result<(usize, Vec<Scheme>), String> {
    let mut args = std::env::args().skip(1);
    let mut runs = DEFAULT_RUNS;
    let mut only = Vec::new();
    while let Some(a) = args.next() {
        let value = match a.as_str() {
            "--runs" | "-n" => args.next().ok_or("--runs needs a value")?,
            "--scheme" | "-s" => {
                let id = args.next().ok_or("--scheme needs a scheme id")?;
                only.push(id.parse::<Scheme>().map_err(|e| e.to_string())?);
                continue;
            }
            s if s.starts_with("--runs=") => s["--runs=".len()..].to_string(),
            "-h" | "--help" => {
                println!(
                    "usage: throughput [--runs N] [--scheme ID]...   (default N = {DEFAULT_RUNS}, every scheme)"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other:?}")),
        };
        runs = value
            .parse()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("--runs wants a positive integer, got {value:?}"))?;
    }
    if only.is_empty() {
        only = Scheme::ALL.to_vec();
    }
    Ok((runs, only))
}

fn main() -> ExitCode {
    let (runs, schemes) = match parse_args() {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("throughput: {e}");
            return ExitCode::from(2);
        }
    };
    let Some((path, corpus)) = kzrel_bench::load_corpus() else {
        eprintln!("throughput: skipped");
        return ExitCode::SUCCESS;
    };
    println!(
        "corpus: {} ({} bytes = {:.2} MB, {} chars); {runs} timed runs per scheme, MB = 10^6 bytes of input",
        path.display(),
        corpus.len(),
        corpus.len() as f64 / 1e6,
        corpus.chars().count(),
    );
    println!();

    let mut out = String::new();
    let mut forward = Vec::new();
    let mut reverse = Vec::new();
    for scheme in schemes {
        let t = Transliterator::new(scheme);
        let rates = measure(runs, corpus.len(), &mut out, |out| {
            t.transliterate_into(black_box(&corpus), out)
                .expect("the preserve policy never fails");
        });
        forward.push(Row {
            scheme: scheme.id(),
            input: corpus.len(),
            output: out.len(),
            rates,
        });
        if scheme.reverses() {
            let latin = out.clone();
            let mut cyr = String::new();
            let rates = measure(runs, latin.len(), &mut cyr, |cyr| {
                t.to_cyrillic_into(black_box(&latin), cyr)
                    .expect("a reversible scheme with the preserve policy never fails");
            });
            reverse.push(Row {
                scheme: scheme.id(),
                input: latin.len(),
                output: cyr.len(),
                rates,
            });
        }
    }
    print_table(
        "forward: transliterate_into (Cyrillic -> Latin), MB/s of Cyrillic input",
        &forward,
    );
    print_table(
        "reverse: to_cyrillic_into (Latin -> Cyrillic) on the scheme's own output, MB/s of Latin input",
        &reverse,
    );
    ExitCode::SUCCESS
}
