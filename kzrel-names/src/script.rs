//! Which script a string is written in, and which Cyrillic language it most likely is.

use std::fmt;

use crate::chars::{is_cyrillic, is_latin};
use crate::scheme::Language;

/// A writing system, as far as this crate tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    /// Cyrillic letters.
    Cyrillic,
    /// Latin letters.
    Latin,
    /// Letters of any other script (Han, Arabic, Greek…).
    Other,
}

impl Script {
    /// `cyrillic`, `latin` or `other`.
    pub fn id(self) -> &'static str {
        match self {
            Script::Cyrillic => "cyrillic",
            Script::Latin => "latin",
            Script::Other => "other",
        }
    }
}

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The letters of a text counted by script, and a guess at its Cyrillic language.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptReport {
    /// Cyrillic letters.
    pub cyrillic: usize,
    /// Latin letters.
    pub latin: usize,
    /// Letters of other scripts.
    pub other: usize,
    /// The script with the most letters (`None` for a text without letters).
    pub primary: Option<Script>,
    /// More than one script has letters.
    pub mixed: bool,
    /// The most likely language of the Cyrillic letters, if any letter tells.
    pub language: Option<Language>,
    /// How sure the guess is, in [0, 1]: the share of the language's distinctive letters
    /// among all distinctive letters seen, lowered when they are few.
    pub confidence: f64,
}

// Letters only one of the four languages uses (і is shared by kk, uk and be; ы э ё ъ by
// kk, ru and be; и and щ by kk, ru and uk).
const KAZAKH: &[char] = &['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ'];
const UKRAINIAN: &[char] = &['є', 'ї', 'ґ'];
const BELARUSIAN: &[char] = &['ў'];

/// Count letters by script and guess the Cyrillic language.
///
/// Kazakh is told by ә ғ қ ң ө ұ ү һ, Ukrainian by є ї ґ (or і without ы э ё ъ),
/// Belarusian by ў (or і with ы and no и), Russian by Cyrillic with none of those.
///
/// ```
/// use kzrel_names::{detect_script, Language, Script};
/// let r = detect_script("Шығыс Қазақстан облысы");
/// assert_eq!((r.primary, r.language), (Some(Script::Cyrillic), Some(Language::Kazakh)));
/// assert_eq!(detect_script("Усть-Каменогорськ, Київ").language, Some(Language::Ukrainian));
/// assert_eq!(detect_script("Магілёў").language, Some(Language::Belarusian));
/// assert_eq!(detect_script("Павлодарской области").language, Some(Language::Russian));
/// assert!(detect_script("Kазахстан").mixed); // a Latin K
/// ```
pub fn detect_script(text: &str) -> ScriptReport {
    let (mut cyr, mut lat, mut other) = (0usize, 0usize, 0usize);
    let (mut kk, mut uk, mut be) = (0usize, 0usize, 0usize);
    let (mut i_dotted, mut ru_shared, mut i_ru, mut shcha) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        if is_cyrillic(c) {
            cyr += 1;
            let l = c.to_lowercase().next().unwrap_or(c);
            if KAZAKH.contains(&l) {
                kk += 1;
            } else if UKRAINIAN.contains(&l) {
                uk += 1;
            } else if BELARUSIAN.contains(&l) {
                be += 1;
            }
            match l {
                'і' => i_dotted += 1,
                'ы' | 'э' | 'ё' | 'ъ' => ru_shared += 1,
                'и' => i_ru += 1,
                'щ' => shcha += 1,
                _ => {}
            }
        } else if is_latin(c) {
            lat += 1;
        } else if c.is_alphabetic() {
            other += 1;
        }
    }
    let counts = [
        (Script::Cyrillic, cyr),
        (Script::Latin, lat),
        (Script::Other, other),
    ];
    let primary = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map(|(s, _)| *s);
    let mixed = counts.iter().filter(|(_, n)| *n > 0).count() > 1;

    // Indirect evidence: і decides between uk and be by the letters around it.
    if i_dotted > 0 && kk == 0 {
        if ru_shared > 0 && i_ru == 0 {
            be += i_dotted;
        } else if ru_shared == 0 {
            uk += i_dotted;
        }
    }
    if be > 0 && (i_ru > 0 || shcha > 0) && kk == 0 && uk == 0 {
        // и and щ are not Belarusian: a Russian text quoting a Belarusian name.
        be = be.min(1);
    }
    let scores = [
        (Language::Kazakh, kk),
        (Language::Ukrainian, uk),
        (Language::Belarusian, be),
    ];
    let distinctive: usize = scores.iter().map(|(_, n)| n).sum();
    let (language, confidence) = if cyr == 0 {
        (None, 0.0)
    } else if distinctive == 0 {
        // Nothing but letters Russian shares with its neighbours: Russian, more surely
        // the longer the text.
        let sure = if ru_shared > 0 { 0.9 } else { 0.6 };
        (
            Some(Language::Russian),
            sure * (cyr.min(20) as f64 / 20.0).max(0.25),
        )
    } else {
        let (lang, n) = scores
            .iter()
            .copied()
            .max_by_key(|(_, n)| *n)
            .unwrap_or((Language::Russian, 0));
        let share = n as f64 / distinctive as f64;
        (Some(lang), share * (0.7 + 0.3 * (n.min(3) as f64 / 3.0)))
    };
    ScriptReport {
        cyrillic: cyr,
        latin: lat,
        other,
        primary,
        mixed,
        language,
        confidence,
    }
}
