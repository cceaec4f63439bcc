//! How long the first `Dataset::embedded()` takes (parsing and checking the embedded data)
//! and how much memory it adds, measured in fresh processes because the dataset is read
//! once per process.
//!
//! Usage: `cargo run --release --bin load [-- --runs N]` (default N = 11). Each run starts
//! this program again with `--once`, which prints milliseconds and the growth of the
//! resident set in KiB; the parent prints the median, minimum and maximum.

use std::process::{Command, ExitCode};
use std::time::Instant;

use kzrel_core::dataset::Dataset;

/// Resident set size in KiB, from /proc (Linux); 0 where unavailable.
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn once() -> ExitCode {
    let before = rss_kib();
    let start = Instant::now();
    let ds = match Dataset::embedded() {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("load: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ms = start.elapsed().as_secs_f64() * 1e3;
    println!("{ms:.3} {} {}", rss_kib().saturating_sub(before), ds.len());
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--once") {
        return once();
    }
    let runs: usize = match args.as_slice() {
        [] => 11,
        [flag, n] if flag == "--runs" => match n.parse() {
            Ok(n) if n > 0 => n,
            _ => {
                eprintln!("load: --runs wants a positive integer, got {n:?}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("usage: load [--runs N]");
            return ExitCode::from(2);
        }
    };
    let me = match std::env::current_exe() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("load: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut ms = Vec::new();
    let mut kib = Vec::new();
    let mut entities = 0;
    for _ in 0..runs {
        let out = match Command::new(&me).arg("--once").output() {
            Ok(o) if o.status.success() => o,
            Ok(o) => {
                eprintln!("load: {}", String::from_utf8_lossy(&o.stderr));
                return ExitCode::FAILURE;
            }
            Err(e) => {
                eprintln!("load: {e}");
                return ExitCode::FAILURE;
            }
        };
        let text = String::from_utf8_lossy(&out.stdout);
        let mut parts = text.split_whitespace();
        ms.push(
            parts
                .next()
                .and_then(|s| s.parse::<f64>().ok())
                .unwrap_or(f64::NAN),
        );
        kib.push(
            parts
                .next()
                .and_then(|s| s.parse::<u64>().ok())
                .unwrap_or(0),
        );
        entities = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    }
    ms.sort_by(f64::total_cmp);
    kib.sort_unstable();
    println!(
        "Dataset::embedded(), {entities} entities, {runs} fresh processes: median {:.2} ms \
         (min {:.2}, max {:.2}); resident set +{} KiB (median)",
        ms[runs / 2],
        ms[0],
        ms[runs - 1],
        kib[runs / 2]
    );
    ExitCode::SUCCESS
}
