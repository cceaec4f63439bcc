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

use crate::normalize::normalized;

#[derive(Deserialize)]
struct KeyFile {
    fold: HashMap<char, String>,
    rewrite: Vec<(String, String)>,
    types: HashMap<String, Vec<String>>,
    adjective_endings: Vec<String>,
    case_endings: Vec<String>,
    latin_case_endings: Vec<String>,
    conjunctions: Vec<String>,
    plural_types: Vec<String>,
}

struct Tables {
    fold: foldhash::HashMap<char, String>,
    /// `fold` for the code points below [`FAST_FOLD`]: 0 for none, else an index + 1
    /// into `fold_strs` (the hot path reads an array, not a hash map).
    fold_fast: Vec<u16>,
    fold_strs: Vec<String>,
    rewrite: Vec<(String, String)>,
    /// A word's form → its type token.
    types: foldhash::HashMap<String, String>,
    /// The type tokens themselves (obl, krai…), which keys hold.
    tokens: foldhash::HashSet<String>,
    adjective_endings: Vec<String>,
    case_endings: Vec<String>,
    case_ending_set: foldhash::HashSet<String>,
    latin_case_endings: Vec<String>,
    conjunctions: Vec<String>,
    plural_types: Vec<String>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        // The file is part of the crate; a test reads it, so a broken one fails there.
        let file: KeyFile = toml::from_str(include_str!("../data/key.toml"))
            .unwrap_or_else(|e| panic!("data/key.toml: {e}"));
        let tokens = file.types.keys().cloned().collect();
        let mut fold_fast = vec![0u16; FAST_FOLD as usize];
        let mut fold_strs = Vec::new();
        for (&c, f) in &file.fold {
            if (c as u32) < FAST_FOLD {
                fold_strs.push(f.clone());
                fold_fast[c as usize] = u16::try_from(fold_strs.len()).unwrap_or(0);
            }
        }
        let types = file
            .types
            .into_iter()
            .flat_map(|(token, forms)| forms.into_iter().map(move |f| (f, token.clone())))
            .collect();
        Tables {
            fold: file.fold.into_iter().collect(),
            fold_fast,
            fold_strs,
            rewrite: file.rewrite,
            types,
            tokens,
            adjective_endings: file.adjective_endings,
            case_ending_set: file.case_endings.iter().cloned().collect(),
            case_endings: file.case_endings,
            latin_case_endings: file.latin_case_endings,
            conjunctions: file.conjunctions,
            plural_types: file.plural_types,
        }
    })
}

/// The longest key worth comparing, in bytes of folded text: a longer text is cut there,
/// so that no query costs more than a name does. The spelling rewrites that follow (c →
/// ts, x → ks, j → zh) may lengthen a key to at most twice this.
pub const MAX_KEY: usize = 96;

/// Code points below this fold through an array.
const FAST_FOLD: u32 = 0x2000;

impl Tables {
    fn fold(&self, c: char) -> Option<&str> {
        if (c as u32) < FAST_FOLD {
            match self.fold_fast[c as usize] {
                0 => None,
                i => Some(&self.fold_strs[usize::from(i) - 1]),
            }
        } else {
            self.fold.get(&c).map(String::as_str)
        }
    }
}

/// The folded words of a text: lower-cased, every letter to plain Latin, the
/// romanizations' disagreements rewritten, doubled letters single; cut once
/// `limit` bytes of words are kept.
fn words_upto(text: &str, limit: usize) -> Vec<(String, usize)> {
    let t = tables();
    let mut words = Vec::new();
    let mut word = String::new();
    let mut kept = 0;
    for c in normalized(text).chars().flat_map(char::to_lowercase) {
        if kept + word.len() > limit {
            break;
        }
        if matches!(c as u32, 0x0300..=0x036F) {
            // A stress mark or other combining mark left after NFC (Аста́на) is not
            // part of the spelling.
            continue;
        }
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else if let Some(f) = t.fold(c) {
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
            let raw_len = w.len();
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
            (out, raw_len)
        })
        .filter(|(w, _)| !w.is_empty())
        .collect()
}

/// The folded words of a text (see [`match_key`]), uncut, each with its length before
/// the rewrites (which [`MAX_KEY`] counts): a scanner folds each word of running text
/// once and makes the keys of spans from them with [`key_from_words`].
pub(crate) fn fold_words(text: &str) -> Vec<(String, usize)> {
    words_upto(text, usize::MAX)
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
    let ws = words_upto(text, MAX_KEY);
    let ws: Vec<&str> = ws.iter().map(|(w, _)| w.as_str()).collect();
    key_from_words(&ws)
}

/// The match key of a text whose folded words are `ws` ([`fold_words`]).
pub(crate) fn key_from_words<S: AsRef<str>>(ws: &[S]) -> String {
    let t = tables();
    let mut ws: Vec<&str> = ws.iter().map(AsRef::as_ref).collect();
    if ws.len() > 1 && ws.last() == Some(&"s") {
        ws.pop();
    }
    if ws.len() > 1 && ws[0] == "the" {
        ws.remove(0);
    }
    let mut out: Vec<&str> = Vec::with_capacity(ws.len());
    for w in ws {
        if let Some(token) = t.types.get(w) {
            if let Some(prev) = out.last_mut() {
                *prev = adjective_stem(prev);
            }
            out.push(token);
        } else {
            out.push(w);
        }
    }
    out.join(" ")
}

/// A folded word before a type word without its adjective ending
/// (pavlodarskoi → pavlodar), or the word itself.
pub(crate) fn adjective_stem(word: &str) -> &str {
    tables()
        .adjective_endings
        .iter()
        .find_map(|e| word.strip_suffix(e.as_str()).filter(|s| s.len() >= 3))
        .unwrap_or(word)
}

/// Whether a folded word ends as an adjective before a type word does (курганской,
/// омская), whatever is left before the ending.
pub(crate) fn has_adjective_ending(word: &str) -> bool {
    tables()
        .adjective_endings
        .iter()
        .any(|e| word.len() > e.len() && word.ends_with(e.as_str()))
}

/// The type token a folded word stands for (области → obl), if it is a type word.
pub(crate) fn type_token(word: &str) -> Option<&'static str> {
    tables().types.get(word).map(String::as_str)
}

/// Whether a folded word joins the items of a list (and, и, және…).
pub(crate) fn is_conjunction(word: &str) -> bool {
    tables().conjunctions.iter().any(|c| c == word)
}

/// Whether a folded word is a type word in the plural (regions, областей, облыстары).
pub(crate) fn is_plural_type(word: &str) -> bool {
    tables().plural_types.iter().any(|c| c == word)
}

/// Whether a folded word is itself a case ending (the дың of ҚР-дың).
pub(crate) fn is_case_ending(word: &str) -> bool {
    tables().case_ending_set.contains(word)
}

/// The longest case ending, in bytes.
pub(crate) fn longest_case_ending() -> usize {
    tables()
        .case_ending_set
        .iter()
        .map(String::len)
        .max()
        .unwrap_or(0)
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
/// non-type words with each known ending taken off (and, in Cyrillic, the letters an
/// ending may have replaced put back: the `a` of Астана, the `ia` of Россия, the `i` of
/// Китай), one word at a time, last word first; and the key without a last word
/// that is itself an ending (ҚР-дың). Each is a key.
pub fn base_forms(key: &str) -> impl Iterator<Item = String> + '_ {
    base_forms_of_known(key, |_| true, Inflect::ALL)
}

/// Which of [`base_forms`]' forms a query may have, by how it is written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Inflect {
    /// A last word that is itself an ending may go (ҚР-дың): only in one word with a
    /// hyphen, not in "Павлодар и".
    pub suffix: bool,
    /// Endings may be taken off words: not in abbreviations (`ҚазҰУ` is not Kazan + -у).
    pub words: bool,
    /// Only the Kazakh endings (a name in Latin letters).
    pub latin: bool,
}

impl Inflect {
    /// Every form.
    pub const ALL: Inflect = Inflect {
        suffix: true,
        words: true,
        latin: false,
    };

    /// The forms a query written as `query` may have.
    pub fn of(query: &str) -> Inflect {
        let mut cyrillic = false;
        let mut abbreviation = false;
        for word in query.split(|c: char| !c.is_alphanumeric()) {
            let upper = word.chars().filter(|c| c.is_uppercase()).count();
            let lower = word.chars().filter(|c| c.is_lowercase()).count();
            // ҚазҰУ, ВКО; not a word in capitals (КАЗАХСТАНА).
            abbreviation |= upper >= 2 && (lower > 0 || upper <= 5);
            cyrillic |= word.chars().any(crate::chars::is_cyrillic);
        }
        Inflect {
            suffix: !query.trim().contains(char::is_whitespace),
            words: !abbreviation,
            latin: !cyrillic,
        }
    }
}

/// [`base_forms`] of the forms `inflect` allows, leaving out each form whose changed word
/// `known` rejects (a form with a word no key has finds nothing).
pub(crate) fn base_forms_of_known(
    key: &str,
    known: impl Fn(&str) -> bool,
    inflect: Inflect,
) -> impl Iterator<Item = String> + '_ {
    let t = tables();
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let is_type = |w: &str| t.tokens.contains(w);
    let mut out = Vec::new();
    if inflect.suffix && words.len() > 1 && is_case_ending(words[words.len() - 1]) {
        out.push(words[..words.len() - 1].join(" "));
    }
    let endings = if inflect.latin {
        &t.latin_case_endings
    } else {
        &t.case_endings
    };
    for i in (0..words.len())
        .rev()
        .filter(|&i| inflect.words && !is_type(words[i]))
    {
        let w = words[i];
        let stems = endings
            .iter()
            .filter_map(|e| w.strip_suffix(e.as_str()))
            .filter(|stem| stem.chars().count() >= 3);
        // What a Cyrillic ending may have replaced: nothing, a feminine -а, the -ия of
        // Россия (России, Монголии) or the -й of Китай and Алтай (Китае, Китаем).
        let restored: &[&str] = if inflect.latin {
            &["", "a"]
        } else {
            &["", "a", "ia", "i"]
        };
        for stem in stems {
            for form in restored.iter().map(|r| format!("{stem}{r}")) {
                if !known(&form) {
                    continue;
                }
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
    fn base_forms_put_back_what_an_ending_replaced() {
        let forms = |q: &str| base_forms(&match_key(q)).collect::<Vec<_>>();
        // России → Россия, Китае → Китай, Астаны → Астана.
        assert!(
            forms("России").contains(&match_key("Россия")),
            "{:?}",
            forms("России")
        );
        assert!(
            forms("Китае").contains(&match_key("Китай")),
            "{:?}",
            forms("Китае")
        );
        assert!(
            forms("Астаны").contains(&match_key("Астана")),
            "{:?}",
            forms("Астаны")
        );
    }

    #[test]
    fn long_and_odd_input_is_bounded() {
        let long = "а".repeat(10_000);
        assert!(match_key(&long).len() <= MAX_KEY + 16);
        // Found by fuzzing (fuzz/fuzz_targets/script.rs): a long word of Latin c, each
        // rewritten to ts, makes a key of up to twice MAX_KEY, and no more.
        let cs = format!("від{}бувся", "C".repeat(120));
        let key = match_key(&cs);
        assert!(
            key.len() > MAX_KEY && key.len() <= 2 * (MAX_KEY + 8),
            "{}",
            key.len()
        );
        assert!(match_key(&"c".repeat(10_000)).len() <= 2 * (MAX_KEY + 8));
        assert_eq!(match_key(""), "");
        assert_eq!(match_key("!!!"), "");
        assert!(base_forms("").next().is_none());
        let _ = match_key("\u{0301}\u{0000}😀 ا");
    }
}
