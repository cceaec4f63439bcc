//! Script detection, normalization and the match keys: no panic, confidence in [0, 1],
//! normalization idempotent, keys bounded and their derived forms no longer (a base
//! form may put back one letter: Russian feminine `a`).
#![no_main]

use kzrel_names::{bare_key, base_forms, detect_script, match_key, normalize, sorted_key, MAX_KEY};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let r = detect_script(text);
    assert!((0.0..=1.0).contains(&r.confidence), "{r:?}");
    let n = normalize(text);
    assert_eq!(normalize(&n), n, "normalize is not idempotent on {text:?}");
    // A key is cut near MAX_KEY bytes of folded text (the word that crosses the limit may
    // end with one more folded letter); the spelling rewrites at most double a letter
    // (c → ts, x → ks, j → zh).
    let key = match_key(text);
    assert!(key.len() <= 2 * (MAX_KEY + 8), "key of {} bytes from {text:?}", key.len());
    for derived in [bare_key(&key), sorted_key(&key)] {
        assert!(derived.len() <= key.len(), "{derived:?} is longer than {key:?}");
    }
    for form in base_forms(&key) {
        assert!(form.len() <= key.len() + 1, "{form:?} from {key:?}");
    }
});
