//! Normalization: NFC, folding of apostrophes, quotes, dashes and spaces, and repair of
//! Latin/Cyrillic homoglyphs inside a word.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;
use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::chars::{is_apostrophe, is_cyrillic, is_latin, is_mark};

/// A configurable normalizer; [`normalize`] applies every step.
///
/// ```
/// use kzrel_names::Normalizer;
/// let n = Normalizer::new().fold_spaces(false);
/// assert_eq!(n.normalize("Усть\u{2013}Каменогорск  ВКО"), "Усть-Каменогорск  ВКО");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // one switch per step, set through the builder
pub struct Normalizer {
    apostrophes: bool,
    quotes: bool,
    dashes: bool,
    spaces: bool,
    homoglyphs: bool,
}

impl Default for Normalizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Normalizer {
    /// Every step on.
    pub fn new() -> Self {
        Self {
            apostrophes: true,
            quotes: true,
            dashes: true,
            spaces: true,
            homoglyphs: true,
        }
    }

    /// Fold ' ’ ʼ ʹ ´ ‘ ′ and the grave accent U+0060 to `'`.
    #[must_use]
    pub fn fold_apostrophes(mut self, on: bool) -> Self {
        self.apostrophes = on;
        self
    }

    /// Fold « » „ “ ” ″ to `"`.
    #[must_use]
    pub fn fold_quotes(mut self, on: bool) -> Self {
        self.quotes = on;
        self
    }

    /// Fold the dash family (‐ ‑ ‒ – — ― −) to `-`.
    #[must_use]
    pub fn fold_dashes(mut self, on: bool) -> Self {
        self.dashes = on;
        self
    }

    /// Turn every run of white space (no-break and thin spaces included) into one space
    /// and trim the ends.
    #[must_use]
    pub fn fold_spaces(mut self, on: bool) -> Self {
        self.spaces = on;
        self
    }

    /// Replace look-alike letters of the other script inside a word ([`repair_homoglyphs`]).
    #[must_use]
    pub fn repair_homoglyphs(mut self, on: bool) -> Self {
        self.homoglyphs = on;
        self
    }

    /// Apply the enabled steps after NFC.
    pub fn normalize(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut pending_space = false;
        for c in text.nfc() {
            let c = if self.apostrophes && is_apostrophe(c) {
                '\''
            } else if self.quotes && matches!(c, '«' | '»' | '„' | '“' | '”' | '″' | '‟')
            {
                '"'
            } else if self.dashes
                && matches!(
                    c,
                    '\u{2010}'
                        | '\u{2011}'
                        | '\u{2012}'
                        | '\u{2013}'
                        | '\u{2014}'
                        | '\u{2015}'
                        | '\u{2212}'
                )
            {
                '-'
            } else {
                c
            };
            if self.spaces && (c.is_whitespace() || c == '\u{200B}') {
                pending_space = !out.is_empty();
                continue;
            }
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
        if self.homoglyphs {
            // A repaired letter may now compose with a mark after it (Cyrillic О + U+0306
            // has no precomposed form; Latin O + U+0306 is Ŏ): compose again.
            let repaired = repair_homoglyphs(&out);
            if repaired == out {
                out
            } else {
                repaired.nfc().collect()
            }
        } else {
            out
        }
    }
}

/// [`normalize`] without the copy when the text is already normal: NFC, no character
/// any step folds, letters of one script only. Keys of running text take this path for
/// nearly every word.
pub(crate) fn normalized(text: &str) -> Cow<'_, str> {
    let (mut cyr, mut lat) = (false, false);
    let mut space_before = true;
    let plain = text.chars().all(|c| {
        if c.is_ascii_alphanumeric() || c == '-' || c == '\'' {
            lat |= c.is_ascii_alphabetic();
            space_before = false;
            return true;
        }
        if c == ' ' {
            // A leading, trailing or doubled space is folded.
            let ok = !space_before;
            space_before = true;
            return ok;
        }
        space_before = false;
        cyr |= is_cyrillic(c);
        lat |= is_latin(c);
        !(c.is_whitespace()
            || c == '\u{200B}'
            || is_apostrophe(c)
            || matches!(c, '«' | '»' | '„' | '“' | '”' | '″' | '‟')
            || matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}'))
    }) && !space_before;
    if plain && !(cyr && lat) && is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(normalize(text))
    }
}

/// NFC, then fold apostrophes, quotes, dashes and white space, then repair homoglyphs.
///
/// ```
/// use kzrel_names::normalize;
/// assert_eq!(normalize("  Aршанскi\u{00A0}раён "), "Аршанскі раён");
/// assert_eq!(normalize("Znam’yanka"), "Znam'yanka");
/// ```
pub fn normalize(text: &str) -> String {
    Normalizer::new().normalize(text)
}

#[derive(Deserialize)]
struct HomoglyphFile {
    pairs: Vec<(String, String)>,
}

struct Homoglyphs {
    to_cyrillic: HashMap<char, char>,
    to_latin: HashMap<char, char>,
}

fn homoglyphs() -> &'static Homoglyphs {
    static H: OnceLock<Homoglyphs> = OnceLock::new();
    H.get_or_init(|| {
        let file: HomoglyphFile = toml::from_str(include_str!("../data/homoglyphs.toml"))
            .unwrap_or_else(|e| panic!("embedded homoglyphs.toml is invalid: {e}"));
        let mut h = Homoglyphs {
            to_cyrillic: HashMap::new(),
            to_latin: HashMap::new(),
        };
        for (l, c) in file.pairs {
            if let (Some(l), Some(c)) = (l.chars().next(), c.chars().next()) {
                h.to_cyrillic.insert(l, c);
                h.to_latin.insert(c, l);
            }
        }
        h
    })
}

/// Inside each word that mixes Latin and Cyrillic letters, replace the minority script's
/// letters by their look-alikes in the majority script, when all of them have one (ties
/// go to Cyrillic). Words in one script, and mixes that cannot be repaired, are kept.
///
/// ```
/// use kzrel_names::repair_homoglyphs;
/// assert_eq!(repair_homoglyphs("Kазахстан"), "Казахстан"); // Latin K
/// assert_eq!(repair_homoglyphs("Аstana"), "Astana");       // Cyrillic А
/// assert_eq!(repair_homoglyphs("Qазақстан"), "Qазақстан"); // Q has no look-alike
/// ```
pub fn repair_homoglyphs(text: &str) -> String {
    let h = homoglyphs();
    let mut out = String::with_capacity(text.len());
    let mut word_start = None;
    let flush = |word: &str, out: &mut String| {
        let (mut cyr, mut lat) = (0usize, 0usize);
        for c in word.chars() {
            if is_cyrillic(c) {
                cyr += 1;
            } else if is_latin(c) {
                lat += 1;
            }
        }
        if cyr == 0 || lat == 0 {
            out.push_str(word);
            return;
        }
        let to_cyrillic = cyr >= lat;
        let map = if to_cyrillic {
            &h.to_cyrillic
        } else {
            &h.to_latin
        };
        let foreign = |c: char| {
            if to_cyrillic {
                is_latin(c)
            } else {
                is_cyrillic(c)
            }
        };
        if word
            .chars()
            .filter(|&c| foreign(c))
            .all(|c| map.contains_key(&c))
        {
            out.extend(word.chars().map(|c| if foreign(c) { map[&c] } else { c }));
        } else {
            out.push_str(word);
        }
    };
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || is_mark(c);
        match (in_word, word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(s)) => {
                flush(&text[s..i], &mut out);
                word_start = None;
                out.push(c);
            }
            (false, None) => out.push(c),
            (true, Some(_)) => {}
        }
    }
    if let Some(s) = word_start {
        flush(&text[s..], &mut out);
    }
    out
}
