//! Bounded cost, for BENCHMARKS.md: `Dataset::extract` and `Dataset::resolve` on
//! adversarial inputs of growing size. For each input pattern and size it prints the
//! median time of `--runs` runs in nanoseconds per byte, warm (the thread's caches of
//! words and spans kept from the run before) and cold (a new thread per run); time
//! linear in the input shows as a flat row, and the last column is the ratio of the
//! largest size's ns/byte to the smallest's (1.0 is perfectly linear). Resolution
//! prints microseconds per query: flat from the length where the query is cut.
//!
//! Usage: `cargo run --release --bin bounded [-- --runs N] [--max BYTES]` (default 5 runs,
//! sizes 10^4 to 10^7 bytes for extraction; queries of 10 B to 1 MB for resolution).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use kzrel_core::dataset::Dataset;
use kzrel_core::resolve::Resolve;

/// Input patterns: a name for the table, and the unit repeated to the size asked.
const PATTERNS: &[(&str, &str)] = &[
    ("one letter (one huge word)", "а"),
    ("one-letter words", "а "),
    ("a known name", "Алматы "),
    ("list without a head", "Курганской, "),
    ("hyphen chain", "Усть-"),
    ("combining marks", "а\u{301}"),
    ("homoglyph mix", "Aлмaты "),
    ("capitals (abbreviations)", "ВКО ОБСЕ "),
    ("digits and punctuation", "1997.,;:!? "),
    ("emoji and RTL", "🇰🇿\u{202e}ابج "),
];

fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = unit.repeat(bytes / unit.len() + 1);
    let mut cut = bytes.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// Pseudo-random text over Cyrillic, Latin, marks, spaces and punctuation (a fixed LCG,
/// so every run reads the same text).
fn noise(bytes: usize) -> String {
    let alphabet: Vec<char> = "абвгдежзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі АБВГДҚӨabcxyzQ \u{301}-.,\n"
        .chars()
        .collect();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut s = String::with_capacity(bytes + 4);
    while s.len() < bytes {
        x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        s.push(alphabet[(x >> 33) as usize % alphabet.len()]);
    }
    s
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn time_per_byte(runs: usize, text: &str, mut f: impl FnMut(&str) -> usize) -> f64 {
    let times = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f(black_box(text)));
            t.elapsed().as_nanos() as f64 / text.len() as f64
        })
        .collect();
    median(times)
}

fn main() -> ExitCode {
    let mut runs = 5usize;
    let mut max = 10_000_000usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next().and_then(|n| n.parse().ok())) {
            ("--runs", Some(n)) => runs = n,
            ("--max", Some(n)) => max = n,
            _ => {
                eprintln!("usage: bounded [--runs N] [--max BYTES]");
                return ExitCode::from(2);
            }
        }
    }
    let ds = match Dataset::embedded() {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("bounded: {e}");
            return ExitCode::FAILURE;
        }
    };
    let opts = Resolve::default();
    let _ = ds.resolve("warm up the name index", &opts);

    let sizes: Vec<usize> = [10_000, 100_000, 1_000_000, 10_000_000]
        .into_iter()
        .filter(|&s| s <= max)
        .collect();
    let mut inputs: Vec<(String, Box<dyn Fn(usize) -> String>)> = PATTERNS
        .iter()
        .map(|&(name, unit)| {
            let f: Box<dyn Fn(usize) -> String> = Box::new(move |n| repeat_to(unit, n));
            (name.to_string(), f)
        })
        .collect();
    inputs.push(("random mixed text".into(), Box::new(noise)));
    for cold in [false, true] {
        if cold {
            println!("\nextract, cold: each run in a new thread, its caches empty");
        } else {
            println!("extract, warm: each run in the thread of the run before, as a worker reads");
        }
        println!("ns/byte (median of {runs}), by input size in bytes");
        print!("{:28}", "pattern");
        for s in &sizes {
            print!("{s:>12}");
        }
        println!("{:>9}", "ratio");
        for (name, make) in &inputs {
            print!("{name:28}");
            let mut row = Vec::new();
            for &size in &sizes {
                let text = make(size);
                let ns = if cold {
                    let times = (0..runs)
                        .map(|_| {
                            std::thread::scope(|s| {
                                s.spawn(|| time_per_byte(1, &text, |t| ds.extract(t, &opts).len()))
                                    .join()
                                    .unwrap_or(f64::NAN)
                            })
                        })
                        .collect();
                    median(times)
                } else {
                    // The first, untimed run fills the thread's caches.
                    let _ = ds.extract(&text, &opts).len();
                    time_per_byte(runs, &text, |t| ds.extract(t, &opts).len())
                };
                print!("{ns:>12.2}");
                row.push(ns);
            }
            println!("{:>9.2}", row[row.len() - 1] / row[0]);
        }
    }

    println!("\nresolve, microseconds per query (median of {runs}), by query length in bytes");
    let lengths = [10, 100, 1_000, 10_000, 100_000, 1_000_000];
    print!("{:28}", "pattern");
    for l in lengths {
        print!("{l:>10}");
    }
    println!();
    for (name, make) in &inputs {
        print!("{name:28}");
        for &l in &lengths {
            let q = make(l);
            let ns = time_per_byte(runs, &q, |t| ds.resolve(t, &opts).len()) * q.len() as f64;
            print!("{:>10.1}", ns / 1000.0);
        }
        println!();
    }
    ExitCode::SUCCESS
}
