//! The loaders of a researcher's own files (JSON Lines, CSV relations, TOML sources and
//! records) on arbitrary bytes: no panic, and an error always names a problem.
#![no_main]

use kzrel_core::dataset::Dataset;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let mut b = Dataset::builder();
    b.sources_toml("sources.toml", "[s]\ntitle = \"A source\"\n");
    match pick % 4 {
        0 => b.jsonl("mine.jsonl", &text),
        1 => b.relations_csv("mine.csv", &text),
        2 => b.toml("mine.toml", &text),
        _ => b.sources_toml("more.toml", &text),
    };
    if let Err(e) = b.build() {
        assert!(!e.to_string().is_empty());
    }
});
