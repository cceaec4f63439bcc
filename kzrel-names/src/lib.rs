//! # kzrel-names
//!
//! String algorithms for the names of Kazakhstan and its neighbours: exact, named
//! transliteration schemes for Kazakh, Russian, Ukrainian and Belarusian, script and
//! language detection, normalization (NFC, apostrophe and dash folding, repair of
//! Latin/Cyrillic homoglyphs), cross-script match keys ([`match_key`]), the base forms of
//! inflected names ([`base_forms`]) and a name index over any payload ([`NameIndex`]).
//! It knows nothing about entities; `kzrel-core` builds resolution on top of it.
//!
//! ## Usage
//!
//! ```
//! use kzrel_names::{detect_script, to_cyrillic, transliterate, Language, Scheme};
//!
//! assert_eq!(transliterate("Өскемен", Scheme::KkLatn2021), "Öskemen");
//! assert_eq!(transliterate("Усть-Каменогорск", Scheme::RuPress), "Ust-Kamenogorsk");
//! assert_eq!(transliterate("Усть-Каменогорськ", Scheme::UkNational), "Ust-Kamenohorsk");
//! assert_eq!(to_cyrillic("Qostanai", Scheme::KkLatn2021)?, "Қостанай");
//!
//! let scheme: Scheme = "uk-bgn".parse()?; // an alias of uk-national
//! assert_eq!(scheme, Scheme::UkNational);
//!
//! assert_eq!(detect_script("Павлодар облысындағы").language, Some(Language::Kazakh));
//! # Ok::<(), kzrel_names::Error>(())
//! ```
//!
//! ## Schemes
//!
//! Each [`Scheme`] is a value with a stable id, its [`Language`], the standard it
//! follows, a description and whether it reverses. The letter tables live in
//! `data/schemes/*.toml` (with their sources and every deliberate deviation) and are
//! compiled once per process on first use. Context rules (word-initial and post-vowel
//! forms, word endings, all-caps digraphs, Turkic casing) are data, interpreted by one
//! engine; for Cyrillic input, tables precomputed from the same rules take the characters
//! that need at most one neighbour, so the common case costs about 20 instructions per
//! byte (figures in the repository's `BENCHMARKS.md`). `TRANSLIT.md` in this crate lists
//! the choices made where the sources are silent.
//!
//! ## Errors
//!
//! One [`Error`] type with `is_*` predicates. No function panics on any input.
#![deny(missing_docs)]

mod casing;
mod chars;
mod error;
mod index;
mod kernel;
mod key;
mod normalize;
mod scan;
mod scheme;
mod script;
mod table;
mod translit;

pub use error::{Error, ErrorKind};
pub use index::{Hit, Method, NameIndex};
pub use key::{bare_key, base_forms, match_key, sorted_key, MAX_KEY};
pub use normalize::{normalize, repair_homoglyphs, Normalizer};
pub use scan::{scan, Span, MAX_WORDS};
pub use scheme::{Language, Profile, Scheme};
pub use script::{detect_script, Script, ScriptReport};
pub use translit::{to_cyrillic, transliterate, ErrorPolicy, Transliterator};

#[doc(hidden)]
pub mod testing {
    //! Support for the crate's own tests and benches; not a stable API.
    use crate::scheme::Scheme;
    use crate::Transliterator;

    /// `t` without the byte-level fast path: the rule engine alone, the reference the
    /// fast path is tested against.
    pub fn reference(t: Transliterator) -> Transliterator {
        t.without_kernel()
    }

    /// [`scan`](crate::scan) with each span looked up as the text it covers, without the
    /// quick test and the keys made from folded words: the reference the scanner is
    /// tested against.
    pub fn scan_by_lookup<'a, T>(
        index: &'a crate::NameIndex<T>,
        text: &str,
    ) -> Vec<crate::Span<'a, T>> {
        crate::scan::scan_with(index, text, true)
    }

    /// The round-trip units declared in a scheme's table: (consonants, vowels).
    pub fn roundtrip_units(scheme: Scheme) -> Option<(Vec<String>, Vec<String>)> {
        let rt = crate::table::compiled(scheme).roundtrip.as_ref()?;
        let split = |s: &str| s.split_whitespace().map(str::to_string).collect();
        Some((split(&rt.consonants), split(&rt.vowels)))
    }

    /// Letters whose capitals the scheme merges, so all-caps words cannot round-trip.
    pub fn roundtrip_caps_excluded(scheme: Scheme) -> Option<String> {
        crate::table::compiled(scheme)
            .roundtrip
            .as_ref()?
            .caps_excluded
            .clone()
    }
}
