//! Reviewable snapshots: every scheme's full letter table, and the place names of the seed
//! documents (tests/data/seed-places.toml) in every scheme of their language.

use std::fmt::Write;
use std::path::PathBuf;

use kzrel_names::{to_cyrillic, transliterate, Language, Scheme};
use serde::Deserialize;

fn width(s: &str) -> usize {
    s.chars()
        .filter(|c| !matches!(c, '\u{0300}'..='\u{036F}'))
        .count()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

const CYRILLIC: &str = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяєїґў'";

/// One row per source letter the scheme maps: the letter alone in lower and upper case,
/// and the capital inside an all-caps word (before `А`), where digraphs go ALL CAPS.
fn letter_table(scheme: Scheme) -> String {
    let mut out = String::new();
    writeln!(
        out,
        "{}  {}  {}  UPPER+А",
        pad("letter", 8),
        pad("lower", 8),
        pad("Upper", 8)
    )
    .unwrap();
    for c in CYRILLIC.chars() {
        let lower = c.to_string();
        let upper: String = c.to_uppercase().collect();
        let got = transliterate(&lower, scheme);
        if got == lower {
            continue; // not a letter of this scheme
        }
        let caps = transliterate(&format!("{upper}А"), scheme);
        writeln!(
            out,
            "{}  {}  {}  {}",
            pad(&format!("{upper} {lower}"), 8),
            pad(&format!("[{got}]"), 8),
            pad(&format!("[{}]", transliterate(&upper, scheme)), 8),
            format_args!("[{caps}]")
        )
        .unwrap();
    }
    out
}

#[test]
fn letter_tables() {
    for &s in Scheme::ALL {
        insta::assert_snapshot!(format!("letters-{}", s.id()), letter_table(s));
    }
}

#[test]
fn reverse_letter_tables() {
    for &s in Scheme::ALL.iter().filter(|s| s.reverses()) {
        let mut out = String::new();
        for word in ["a ä á a' b v g ğ ǵ g' d e j z i ı i' k q l m n ñ ń n' o ö ó o' p r s t u ū ü ú u' ý y y' f h x c cz ş sh s' ch c' şş shh ia ıa i'a iu ıý io yo yu ya zh j` y` e` ``"] {
            for w in word.split(' ') {
                let got = to_cyrillic(w, s).unwrap();
                if got != w {
                    let title = to_cyrillic(&format!("{}{}", w[..w.chars().next().unwrap().len_utf8()].to_uppercase(), &w[w.chars().next().unwrap().len_utf8()..]), s).unwrap();
                    writeln!(out, "{}  [{got}]  [{title}]", pad(w, 5)).unwrap();
                }
            }
        }
        insta::assert_snapshot!(format!("reverse-{}", s.id()), out);
    }
}

#[derive(Deserialize)]
struct Places {
    place: Vec<Place>,
}

#[derive(Deserialize)]
struct Place {
    en: String,
    kk: Option<String>,
    ru: Option<String>,
    uk: Option<String>,
    be: Option<String>,
}

#[test]
fn seed_place_names() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/seed-places.toml");
    let places: Places = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(places.place.len() >= 100);
    for &s in Scheme::ALL {
        let names: Vec<(&str, &str)> = places
            .place
            .iter()
            .filter_map(|p| {
                let name = match s.language() {
                    Language::Kazakh => p.kk.as_deref(),
                    Language::Russian => p.ru.as_deref(),
                    Language::Ukrainian => p.uk.as_deref(),
                    Language::Belarusian => p.be.as_deref(),
                };
                name.map(|n| (p.en.as_str(), n))
            })
            .collect();
        assert!(names.len() >= 60, "{s}: only {} names", names.len());
        let w = names.iter().map(|(_, n)| width(n)).max().unwrap_or(0);
        let mut out = String::new();
        for (en, name) in names {
            writeln!(out, "{}  {}  ({en})", pad(name, w), transliterate(name, s)).unwrap();
        }
        insta::assert_snapshot!(format!("places-{}", s.id()), out);
    }
}
