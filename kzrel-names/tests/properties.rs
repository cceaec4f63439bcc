//! Property tests: nothing panics on arbitrary Unicode; reversible schemes round-trip.

use kzrel_names::testing::{reference, roundtrip_units};
use kzrel_names::{
    detect_script, normalize, repair_homoglyphs, to_cyrillic, ErrorPolicy, Profile, Scheme,
    Transliterator,
};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // Cyrillic, combining marks, apostrophes, the odd NUL, RTL and emoji.
        proptest::collection::vec(
            prop_oneof![
                (0x400u32..0x530).prop_map(|c| char::from_u32(c).unwrap()),
                Just('\u{0306}'),
                Just('\u{0308}'),
                Just('\''),
                Just('’'),
                Just(' '),
                Just('-'),
                Just('\0'),
                Just('\u{05D0}'),
                Just('🇰'),
                Just('I'),
                Just('İ'),
            ],
            0..60
        )
        .prop_map(|v| v.into_iter().collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn nothing_panics(text in any_text()) {
        for &s in Scheme::ALL {
            let t = Transliterator::new(s);
            let out = t.transliterate(&text).unwrap();
            // Preserve keeps every character the scheme does not know, so output is never
            // empty for a non-empty input made only of unknown characters.
            prop_assert!(text.is_empty() || !out.is_empty() || text.chars().all(|c| matches!(c, 'ъ' | 'ь' | 'Ъ' | 'Ь' | '\'' | '’')));
            let _ = Transliterator::new(s).errors(ErrorPolicy::Strict).transliterate(&text);
            let _ = Transliterator::new(s).errors(ErrorPolicy::Replace("?".into())).transliterate(&text);
            if let Ok(dots) = Transliterator::new(s).profile(Profile::Separators) {
                let _ = dots.transliterate(&text).unwrap();
            }
            if s.reverses() {
                let _ = to_cyrillic(&text, s).unwrap();
            }
        }
        let r = detect_script(&text);
        prop_assert!((0.0..=1.0).contains(&r.confidence));
        let n = normalize(&text);
        prop_assert_eq!(normalize(&n), n);
        let _ = repair_homoglyphs(&text);
    }

    #[test]
    fn strict_errors_point_at_the_character(text in any_text()) {
        for &s in Scheme::ALL {
            if let Err(e) = Transliterator::new(s).errors(ErrorPolicy::Strict).transliterate(&text) {
                if let kzrel_names::ErrorKind::Unmappable { ch, byte_offset, char_index, .. } = e.kind() {
                    // The character may be composed from the input's base letter and the
                    // combining marks after it (а + U+0306 → ӑ).
                    let here: String = text[*byte_offset..].nfc().take(1).collect();
                    prop_assert_eq!(here.chars().next(), Some(*ch));
                    prop_assert_eq!(text.char_indices().nth(*char_index).map(|(b, _)| b), Some(*byte_offset));
                } else {
                    prop_assert!(false, "unexpected error {e}");
                }
            }
        }
    }
}

/// All-caps words may only use the letters whose capitals the scheme keeps apart.
fn upper_ok(s: Scheme, w: &str) -> bool {
    kzrel_names::testing::roundtrip_caps_excluded(s)
        .is_none_or(|ex| !w.chars().any(|c| ex.contains(c)))
}

fn word(units: &(Vec<String>, Vec<String>), picks: &[(usize, usize, bool)]) -> String {
    // Syllables consonant + vowel (+ consonant), as Kazakh and Russian words are built.
    let (cons, vows) = units;
    let mut w = String::new();
    for &(c, v, closed) in picks {
        w.push_str(&cons[c % cons.len()]);
        w.push_str(&vows[v % vows.len()]);
        if closed {
            w.push_str(&cons[(c + v) % cons.len()]);
        }
    }
    w
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reversible_schemes_round_trip(
        picks in proptest::collection::vec((0usize..64, 0usize..64, any::<bool>()), 1..5),
        case in 0u8..3,
    ) {
        for &s in Scheme::ALL.iter().filter(|s| s.reverses()) {
            let units = roundtrip_units(s).expect("a reversible scheme declares its round-trip units");
            let lower = word(&units, &picks);
            if case == 2 && !upper_ok(s, &lower) {
                continue;
            }
            let w = match case {
                0 => lower,
                1 => {
                    let mut cs = lower.chars();
                    cs.next().map(|f| f.to_uppercase().chain(cs).collect()).unwrap_or_default()
                }
                _ => lower.to_uppercase(),
            };
            let latin = Transliterator::new(s).transliterate(&w).unwrap();
            let back = to_cyrillic(&latin, s).unwrap();
            prop_assert_eq!(&back, &w, "{} via {:?}", s, latin);
            // And the Latin side is a fixed point of the round trip.
            prop_assert_eq!(Transliterator::new(s).transliterate(&back).unwrap(), latin);
        }
    }
}

/// Text built to reach every branch of the byte-level fast path: letters of all four
/// languages in both cases (runs of capitals make all-caps words), the letters that
/// context rules read (vowels, soft signs, й after и/ы), word ends, digits, apostrophes,
/// combining marks, characters outside its tables, and Latin.
fn kernel_text() -> impl Strategy<Value = String> {
    prop_oneof![kernel_chars(1, 0..80), kernel_chars(20, 60..400)]
}

/// `len` characters; one in about `5 * rare + 1` is a mark, an apostrophe or a character
/// outside the fast path's tables (long runs without them take its block loop).
fn kernel_chars(rare: u32, len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    let letters: Vec<char> = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіїєґў"
        .chars()
        .collect();
    let upper: Vec<char> = letters.iter().flat_map(|c| c.to_uppercase()).collect();
    proptest::collection::vec(
        prop_oneof![
            6 * rare => proptest::sample::select(letters),
            3 * rare => proptest::sample::select(upper),
            rare => proptest::sample::select(vec![' ', ' ', '-', '.', ',', '1', '\n']),
            1 => proptest::sample::select(vec!['\'', '`', '’', 'ʼ']),
            1 => proptest::sample::select(vec!['\u{0306}', '\u{0308}', '\u{0301}', 'a', 'I', 'i', 'Z', 'ē', '«', '»', '\u{0483}', 'Ѐ', 'ӑ']),
        ],
        len,
    )
    .prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// The byte-level fast path writes exactly what the rule engine alone writes, for
    /// every scheme, policy and profile.
    #[test]
    fn fast_path_equals_rule_engine(text in kernel_text()) {
        for &s in Scheme::ALL {
            let mut ts = vec![
                Transliterator::new(s),
                Transliterator::new(s).errors(ErrorPolicy::Strict),
                Transliterator::new(s).errors(ErrorPolicy::Replace("?".into())),
            ];
            for &p in s.profiles() {
                ts.push(Transliterator::new(s).profile(p).unwrap());
            }
            for t in ts {
                let fast = t.transliterate(&text);
                let slow = reference(t.clone()).transliterate(&text);
                prop_assert_eq!(&fast, &slow, "{} {:?}", s, t);
            }
        }
    }
}
