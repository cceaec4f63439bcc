//! Cross-script match keys: the form under which the spellings of one name meet, in
//! Cyrillic and in every Latin romanization; and the base forms an inflected name may
//! have. The tables are `data/key.toml`.
//!
//! ```
//! use kzrel_names::{match_key, base_forms};
//! assert_eq!(match_key("Өскемен"), "oskemen");
//! assert_eq!(match_key("Öskemen"), "oskemen");
//! assert_eq!(match_key("Қостанай"), match_key("Kostanay"));
//! assert_eq!(match_key("Павлодарская область"), "pavlodar obl");
//! assert_eq!(match_key("Павлодарской области"), "pavlodar obl");
//! assert_eq!(match_key("Pavlodar Region"), "pavlodar obl");
//! assert_eq!(match_key("Павлодар облысында"), "pavlodar obl");
//! assert_eq!(match_key("Kazakhstan's"), "kazahstan");
//! assert!(base_forms(&match_key("Астанаға")).any(|f| f == "astana"));
//! assert!(base_forms(&match_key("Усть-Каменогорске")).any(|f| f == "ust kamenogorsk"));
//! ```

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::normalize::normalize;

#[derive(Deserialize)]
struct KeyFile {
    fold: HashMap<char, String>,
    rewrite: Vec<(String, String)>,
    types: HashMap<String, Vec<String>>,
    adjective_endings: Vec<String>,
    case_endings: Vec<String>,
}

struct Tables {
    fold: HashMap<char, String>,
    rewrite: Vec<(String, String)>,
    /// A word's form → its type token.
    types: HashMap<String, String>,
    /// The type tokens themselves (obl, krai…), which keys hold.
    tokens: std::collections::HashSet<String>,
    adjective_endings: Vec<String>,
    case_endings: Vec<String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        // The file is part of the crate; a test reads it, so a broken one fails there.
        let file: KeyFile = toml::from_str(include_str!("../data/key.toml"))
            .unwrap_or_else(|e| panic!("data/key.toml: {e}"));
        let tokens = file.types.keys().cloned().collect();
        let types = file
            .types
            .into_iter()
            .flat_map(|(token, forms)| forms.into_iter().map(move |f| (f, token.clone())))
            .collect();
        Tables {
            fold: file.fold,
            rewrite: file.rewrite,
            types,
            tokens,
            adjective_endings: file.adjective_endings,
            case_endings: file.case_endings,
        }
    })
}

/// The longest key worth comparing, in bytes: a longer text is cut there, so that no
/// query costs more than a name does.
pub const MAX_KEY: usize = 96;

/// The folded words of a text: lower-cased, every letter to plain Latin, the
/// romanizations' disagreements rewritten, doubled letters single.
fn words(text: &str) -> Vec<String> {
    let t = tables();
    let mut words = Vec::new();
    let mut word = String::new();
    let mut kept = 0;
    for c in normalize(text).chars().flat_map(char::to_lowercase) {
        if kept + word.len() > MAX_KEY {
            break;
        }
        if matches!(c as u32, 0x0300..=0x036F) {
            // A stress mark or other combining mark left after NFC (Аста́на) is not
            // part of the spelling.
            continue;
        }
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else if let Some(f) = t.fold.get(&c) {
            word.push_str(f);
        } else if !word.is_empty() {
            kept += word.len() + 1;
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
        .into_iter()
        .map(|w| {
            let mut w = fold_j(&w);
            for (from, to) in &t.rewrite {
                if w.contains(from.as_str()) {
                    w = w.replace(from.as_str(), to);
                }
            }
            let mut out = String::with_capacity(w.len());
            for c in w.chars() {
                if !out.ends_with(c) {
                    out.push(c);
                }
            }
            out
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// "j" as й before a consonant or at a word's end ("i"), as ж elsewhere ("zh").
fn fold_j(word: &str) -> String {
    if !word.contains('j') {
        return word.to_string();
    }
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len() + 2);
    for (i, &c) in chars.iter().enumerate() {
        if c == 'j' {
            let next_is_vowel = chars.get(i + 1).is_some_and(|n| "aeiouy".contains(*n));
            out.push_str(if next_is_vowel { "zh" } else { "i" });
        } else {
            out.push(c);
        }
    }
    out
}

/// The match key of a name: its folded words, a type word (region, oblast, облысы,
/// край, district…) as one token with the adjective before it reduced to its stem, and
/// an English possessive dropped.
pub fn match_key(text: &str) -> String {
    let t = tables();
    let mut ws = words(text);
    if ws.len() > 1 && ws.last().is_some_and(|w| w == "s") {
        ws.pop();
    }
    if ws.len() > 1 && ws[0] == "the" {
        ws.remove(0);
    }
    let mut out: Vec<String> = Vec::with_capacity(ws.len());
    for w in ws {
        if let Some(token) = t.types.get(&w) {
            if let Some(prev) = out.last_mut() {
                if let Some(stem) = t
                    .adjective_endings
                    .iter()
                    .find_map(|e| prev.strip_suffix(e.as_str()).filter(|s| s.len() >= 3))
                {
                    *prev = stem.to_string();
                }
            }
            out.push(token.clone());
        } else {
            out.push(w);
        }
    }
    out.join(" ")
}

/// Whether a key is a single type word (obl, krai, dist…).
pub(crate) fn is_type_key(key: &str) -> bool {
    tables().tokens.contains(key)
}

/// The key without its type words: "pavlodar obl" → "pavlodar".
pub fn bare_key(key: &str) -> String {
    let t = tables();
    key.split(' ')
        .filter(|w| !t.tokens.contains(*w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The forms a key may have had before a case ending or suffix was added: each of its
/// non-type words with each known ending taken off (and, for Russian feminine nouns, an
/// `a` put back), one word at a time, last word first; and the key without a last word
/// that is itself an ending (ҚР-дың). Each is a key.
pub fn base_forms(key: &str) -> impl Iterator<Item = String> + '_ {
    let t = tables();
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let is_type = |w: &str| t.tokens.contains(w);
    let mut out = Vec::new();
    if words.len() > 1 && t.case_endings.iter().any(|e| e == words[words.len() - 1]) {
        out.push(words[..words.len() - 1].join(" "));
    }
    for i in (0..words.len()).rev().filter(|&i| !is_type(words[i])) {
        let w = words[i];
        for stem in t
            .case_endings
            .iter()
            .filter_map(|e| w.strip_suffix(e.as_str()))
            .filter(|stem| stem.chars().count() >= 3)
        {
            for form in [stem.to_string(), format!("{stem}a")] {
                let mut ws: Vec<&str> = words.clone();
                ws[i] = &form;
                out.push(ws.join(" "));
            }
        }
    }
    out.into_iter()
}

/// The key's words in sorted order: "korea republic of" and "republic of korea" meet.
pub fn sorted_key(key: &str) -> String {
    let mut ws: Vec<&str> = key.split(' ').collect();
    ws.sort_unstable();
    ws.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_name_meet() {
        for group in [
            &["Өскемен", "Oskemen", "Öskemen"][..],
            &["Қостанай", "Костанай", "Qostanay", "Kostanay", "Qostanai"],
            &[
                "Жезқазған",
                "Жезказган",
                "Zhezkazgan",
                "Jezkazgan",
                "Dzhezkazgan",
                "Джезказган",
            ],
            &["Шымкент", "Shymkent", "Şymkent", "Шымке\u{301}нт"],
            &["Кызылорда", "Qyzylorda", "Kyzylorda"],
            &[
                "Усть-Каменогорск",
                "Ust-Kamenogorsk",
                "Ust'-Kamenogorsk",
                "Ust’ Kamenogorsk",
            ],
            &[
                "Павлодарская область",
                "Pavlodar Region",
                "Павлодар облысы",
                "Pavlodar oblysy",
            ],
            &[
                "Алтайский край",
                "Altai Krai",
                "Altaiskii krai",
                "Altajskij kraj",
            ],
            &["Жамбыл", "Jambyl", "Zhambyl"],
            &["the SCO", "SCO"],
        ] {
            let keys: Vec<String> = group.iter().map(|s| match_key(s)).collect();
            assert!(
                keys.windows(2).all(|w| w[0] == w[1]),
                "{group:?} → {keys:?}"
            );
        }
    }

    #[test]
    fn inflected_forms_reach_their_base() {
        for (inflected, base) in [
            ("Астанаға", "Астана"),
            ("Алматыда", "Алматы"),
            ("Шымкенттен", "Шымкент"),
            ("Өскеменнің", "Өскемен"),
            ("Семейге", "Семей"),
            ("Ақтөбеде", "Ақтөбе"),
            ("Павлодаре", "Павлодар"),
            ("Астану", "Астана"),
            ("Усть-Каменогорська", "Усть-Каменогорськ"),
            ("Республики Казахстан", "Республика Казахстан"),
            ("ҚР-дың", "ҚР"),
        ] {
            let want = match_key(base);
            let key = match_key(inflected);
            let forms: Vec<String> = base_forms(&key).collect();
            assert!(
                key == want || forms.contains(&want),
                "{inflected} → {forms:?}, not {want}"
            );
        }
    }

    #[test]
    fn long_and_odd_input_is_bounded() {
        let long = "а".repeat(10_000);
        assert!(match_key(&long).len() <= MAX_KEY + 16);
        assert_eq!(match_key(""), "");
        assert_eq!(match_key("!!!"), "");
        assert!(base_forms("").next().is_none());
        let _ = match_key("\u{0301}\u{0000}😀 ا");
    }
}
