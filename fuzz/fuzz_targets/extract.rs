//! Extraction over the embedded dataset: no panic; mentions in order, not overlapping,
//! each slicing the input to its own text on character boundaries; scores in [0, 1].
#![no_main]

use std::sync::{Arc, OnceLock};

use kzrel_core::dataset::Dataset;
use kzrel_core::resolve::Resolve;
use libfuzzer_sys::fuzz_target;

fn dataset() -> &'static Dataset {
    static DS: OnceLock<Arc<Dataset>> = OnceLock::new();
    DS.get_or_init(|| Dataset::embedded().expect("the embedded dataset loads"))
}

fuzz_target!(|text: &str| {
    let found = dataset().extract(text, &Resolve::default());
    let mut end = 0;
    for m in &found {
        assert!(m.start >= end && m.start < m.end, "{}..{} after {end} in {text:?}", m.start, m.end);
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert_eq!(&text[m.start..m.end], m.text);
        for c in &m.candidates {
            assert!((0.0..=1.0).contains(&c.score));
        }
        end = m.end;
    }
});
