//! How a lookup's cost grows with the index: `NameIndex` over 10 k, 100 k and 1 M
//! synthetic names, each asked the same kinds of queries — a name as filed, in another
//! script, with a Kazakh case suffix, with one letter changed — and the median time per
//! query reported for each kind and size.
//!
//! Usage: `cargo run --release --bin resolve_scale [-- --sizes 10000,100000,1000000]`.
//! Names are syllables drawn from a fixed-seed generator, half in Cyrillic, so every run
//! builds the same indexes.

use std::process::ExitCode;
use std::time::Instant;

use kzrel_names::{transliterate, NameIndex, Scheme};

/// A small deterministic generator (xorshift64*), so that runs compare.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }
}

const SYLLABLES: [&str; 24] = [
    "ка", "ра", "та", "су", "кө", "ше", "мен", "бал", "жар", "қол", "тау", "өз", "ар", "бек",
    "сай", "ой", "тал", "көл", "ақ", "қыз", "бұл", "ан", "ер", "ту",
];

fn name(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3);
    let mut s: String = (0..n)
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect();
    if rng.below(4) == 0 {
        s.push(' ');
        s.push_str(
            &(0..2)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect::<String>(),
        );
    }
    let mut chars = s.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sizes: Vec<usize> = match args.as_slice() {
        [] => vec![10_000, 100_000, 1_000_000],
        [flag, list] if flag == "--sizes" => {
            list.split(',').filter_map(|x| x.parse().ok()).collect()
        }
        _ => {
            eprintln!("usage: resolve_scale [--sizes 10000,100000,1000000]");
            return ExitCode::from(2);
        }
    };
    println!("| names | build s | exact µs | other script µs | suffix µs | typo µs | typo found |");
    println!("|---|---|---|---|---|---|---|");
    for &size in &sizes {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let names: Vec<String> = (0..size).map(|_| name(&mut rng)).collect();
        let start = Instant::now();
        let mut index = NameIndex::new();
        for (i, n) in names.iter().enumerate() {
            index.add(n, i);
        }
        let build = start.elapsed().as_secs_f64();
        let picks: Vec<usize> = (0..1000).map(|_| rng.below(size)).collect();
        let timed = |make: &dyn Fn(&str) -> String| -> (f64, usize) {
            let queries: Vec<String> = picks.iter().map(|&i| make(&names[i])).collect();
            let mut times = Vec::with_capacity(queries.len());
            let mut found = 0;
            for (q, &i) in queries.iter().zip(&picks) {
                let t = Instant::now();
                let hits = index.lookup(q);
                times.push(t.elapsed().as_secs_f64() * 1e6);
                found += usize::from(hits.iter().any(|h| names[*h.payload] == names[i]));
            }
            (median(times), found)
        };
        let (exact, _) = timed(&|n| n.to_string());
        let (script, _) = timed(&|n| transliterate(n, Scheme::KkLatn2021));
        let (suffix, _) = timed(&|n| format!("{n}да"));
        let (typo, found) = timed(&|n| {
            let mut c: Vec<char> = n.chars().collect();
            let at = c.len() / 2;
            c[at] = if c[at] == 'а' { 'о' } else { 'а' };
            c.into_iter().collect()
        });
        println!(
            "| {size} | {build:.2} | {exact:.2} | {script:.2} | {suffix:.2} | {typo:.2} | {found}/1000 |"
        );
    }
    ExitCode::SUCCESS
}
