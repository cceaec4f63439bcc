//! Transliterate standard input line by line: `cargo run --example translit -- kk-latn-2021 [--reverse]`.
use std::io::{BufRead, Write};

use kzrel_names::{Scheme, Transliterator};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let scheme: Scheme = args
        .next()
        .unwrap_or_else(|| "kk-latn-2021".into())
        .parse()?;
    let reverse = args.any(|a| a == "--reverse");
    let t = Transliterator::new(scheme);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let s = if reverse {
            t.to_cyrillic(&line)?
        } else {
            t.transliterate(&line)?
        };
        writeln!(out, "{s}")?;
    }
    Ok(())
}
