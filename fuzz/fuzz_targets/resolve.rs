//! Resolution over the embedded dataset: no panic, scores in [0, 1], at most `limit`
//! matches, best first.
#![no_main]

use std::sync::{Arc, OnceLock};

use kzrel_core::dataset::Dataset;
use kzrel_core::resolve::Resolve;
use libfuzzer_sys::fuzz_target;

fn dataset() -> &'static Dataset {
    static DS: OnceLock<Arc<Dataset>> = OnceLock::new();
    DS.get_or_init(|| Dataset::embedded().expect("the embedded dataset loads"))
}

fuzz_target!(|query: &str| {
    let ds = dataset();
    let opts = Resolve {
        limit: 7,
        ..Resolve::default()
    };
    let found = ds.resolve(query, &opts);
    assert!(found.len() <= 7);
    for m in &found {
        assert!((0.0..=1.0).contains(&m.score), "score {} for {query:?}", m.score);
    }
    assert!(found.windows(2).all(|w| w[0].score >= w[1].score), "not best first: {query:?}");
});
