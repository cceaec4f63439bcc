//! The scanner's fast path (keys made from each word's folded form once, and a quick
//! test that skips spans with a word no name has) finds exactly what looking up every
//! span's own text finds, over the whole embedded gazetteer: on a sample in every
//! language and script the scanner meets, and on the seed documents when present.

use std::path::PathBuf;

use kzrel_core::dataset::Dataset;
use kzrel_names::{scan, testing::scan_by_lookup, NameIndex};

const SAMPLE: &str = "\
Делегация Павлодарской области и ВКО прибыла в Усть-Каменогорск; Курганской, Омской и \
Тюменской областей. Kurgan, Omsk and Tyumen regions signed with North Kazakhstan Region. \
Қазақстан Республикасының Үкіметі Астанада, Алматыда және Шымкенттен; ҚР-дың ЕҚЫҰ-дағы \
төрағалығы. Павлодар және Ақмола облыстары. Українська делегація відвідала Республіку \
Казахстан, Мінськ і Гомельську область. The Republic of Kazakhstan's OSCE chairmanship in \
Astana; Qazaqstan, Öskemen, Ust'-Kamenogorsk, Semipalatinsk oblast, the SCO and the EU. \
Аста\u{301}на, 😀 Алтайский край и Республика Алтай; Altai Krai; Алтай. \
Kазахстан (Latin K) and Аstana (Cyrillic А). a b c d e f g h i j k l m n o p q r s t u v";

fn index(ds: &Dataset) -> NameIndex<(usize, usize)> {
    let mut index = NameIndex::new();
    for (i, e) in ds.entities().iter().enumerate() {
        for (j, n) in e.names.iter().enumerate() {
            index.add(&n.text, (i, j));
        }
    }
    index
}

fn same(index: &NameIndex<(usize, usize)>, text: &str, what: &str) -> usize {
    let fast = scan(index, text);
    let slow = scan_by_lookup(index, text);
    for (f, s) in fast.iter().zip(&slow) {
        assert_eq!(
            f,
            s,
            "{what}: {:?} vs {:?}",
            &text[f.start..f.end],
            &text[s.start..s.end]
        );
    }
    assert_eq!(fast.len(), slow.len(), "{what}");
    fast.len()
}

#[test]
fn fast_scan_equals_lookup_of_every_span() {
    let ds = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
    let index = index(&ds);
    let n = same(&index, SAMPLE, "sample");
    assert!(n >= 35, "{n} spans in the sample");
    let long = "Павлодар".repeat(40) + " облысы и " + &"Astana".repeat(30);
    same(&index, &long, "long words");
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let Ok(dir) = std::fs::read_dir(&seeds) else {
        eprintln!("skipped the seeds: {} is absent", seeds.display());
        return;
    };
    for entry in dir.flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        same(&index, &text, &entry.path().display().to_string());
    }
}
