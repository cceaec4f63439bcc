//! Quick, criterion-independent throughput medians for BENCHMARKS.md.
//!
//! For every scheme in `Scheme::ALL` this transliterates the whole corpus once untimed
//! (to compile the scheme's table and size the output buffer), then N rounds in which
//! each scheme runs once, timed with `std::time::Instant` (taking the schemes in turn
//! spreads a shared machine's slow spells over all of them), and prints the median,
//! minimum and maximum throughput in MB/s, where MB = 10^6 bytes of input. A second table
//! does the same for `to_cyrillic` of the reversible schemes, on each scheme's own Latin
//! output of the corpus.
//!
//! Usage: `cargo run --release --bin throughput [-- --runs N] [--scheme ID]... [--forward-only]`
//! (default N = 7, every scheme, both directions); `--list` prints the scheme ids. The
//! corpus path is `$KZREL_BENCH_CORPUS` or `../target/bench-corpus/kk-ru.txt`.

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
/// One thing to time: a scheme in one direction over its input.
struct Job<'a> {
    scheme: Scheme,
    reverse: bool,
    input: &'a str,
    out: String,
    rates: Vec<f64>,
}

impl Job<'_> {
    /// Run once into `self.out` and return the seconds it took.
    fn once(&mut self) -> f64 {
        let t = Transliterator::new(self.scheme);
        self.out.clear();
        let start = Instant::now();
        let done = if self.reverse {
            t.to_cyrillic_into(black_box(self.input), &mut self.out)
        } else {
            t.transliterate_into(black_box(self.input), &mut self.out)
        };
        let secs = start.elapsed().as_secs_f64();
        done.expect("the preserve policy never fails");
        black_box(self.out.len());
        secs
    }

    fn row(mut self) -> Row {
        self.rates.sort_by(f64::total_cmp);
        Row {
            scheme: self.scheme.id(),
            input: self.input.len(),
            output: self.out.len(),
            rates: self.rates,
        }
    }
}

/// Time every job `runs` times, taking the jobs in turn within each round, so that a slow
/// spell of a shared machine falls on all of them alike rather than on one.
fn measure(jobs: &mut [Job<'_>], runs: usize) {
    // Untimed warm-up: compiles the tables, grows the buffers, warms the caches.
    for job in jobs.iter_mut() {
        job.once();
    }
    for _ in 0..runs {
        for job in jobs.iter_mut() {
            let secs = job.once();
            job.rates.push(job.input.len() as f64 / 1e6 / secs);
        }
    }
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

/// What to measure.
struct Args {
    runs: usize,
    schemes: Vec<Scheme>,
    /// Also measure `to_cyrillic` of the reversible schemes.
    reverse: bool,
}

/// `--runs N`, any number of `--scheme ID` (all schemes when none is given) and
/// `--forward-only`.
fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let mut runs = DEFAULT_RUNS;
    let mut only = Vec::new();
    let mut reverse = true;
    while let Some(a) = args.next() {
        let value = match a.as_str() {
            "--runs" | "-n" => args.next().ok_or("--runs needs a value")?,
            "--list" => {
                for s in Scheme::ALL {
                    println!("{}", s.id());
                }
                std::process::exit(0);
            }
            "--forward-only" => {
                reverse = false;
                continue;
            }
            "--scheme" | "-s" => {
                let id = args.next().ok_or("--scheme needs a scheme id")?;
                only.push(id.parse::<Scheme>().map_err(|e| e.to_string())?);
                continue;
            }
            s if s.starts_with("--runs=") => s["--runs=".len()..].to_string(),
            "-h" | "--help" => {
                println!(
                    "usage: throughput [--runs N] [--scheme ID]... [--forward-only] [--list]   (default N = {DEFAULT_RUNS}, every scheme)"
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
    Ok(Args {
        runs,
        schemes: only,
        reverse,
    })
}

fn main() -> ExitCode {
    let Args {
        runs,
        schemes,
        reverse: with_reverse,
    } = match parse_args() {
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
        "corpus: {} ({} bytes = {:.2} MB, {} chars); {runs} timed rounds over the schemes, MB = 10^6 bytes of input",
        path.display(),
        corpus.len(),
        corpus.len() as f64 / 1e6,
        corpus.chars().count(),
    );
    println!();

    // The reverse direction reads each scheme's own Latin output of the corpus.
    let latin: Vec<(Scheme, String)> = schemes
        .iter()
        .filter(|s| with_reverse && s.reverses())
        .map(|&s| {
            let out = Transliterator::new(s)
                .transliterate(&corpus)
                .expect("the preserve policy never fails");
            (s, out)
        })
        .collect();
    let job = |scheme, reverse, input| Job {
        scheme,
        reverse,
        input,
        out: String::new(),
        rates: Vec::with_capacity(runs),
    };
    let mut forward: Vec<Job<'_>> = schemes.iter().map(|&s| job(s, false, &corpus)).collect();
    let mut backward: Vec<Job<'_>> = latin.iter().map(|(s, l)| job(*s, true, l)).collect();
    measure(&mut forward, runs);
    measure(&mut backward, runs);
    let forward: Vec<Row> = forward.into_iter().map(Job::row).collect();
    let reverse: Vec<Row> = backward.into_iter().map(Job::row).collect();
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
