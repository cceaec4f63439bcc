//! Finding names in running text: every span of up to a few words that a [`NameIndex`]
//! knows — in any script, case form or romanization — read leftmost-longest.
//!
//! ```
//! use kzrel_names::{scan, NameIndex};
//! let mut index = NameIndex::new();
//! index.add("Павлодар", "city");
//! index.add("Павлодарская область", "region");
//! index.add("Усть-Каменогорск", "city 2");
//! let text = "Делегация Павлодарской области прибыла в Усть-Каменогорск.";
//! let found: Vec<(&str, &str)> = scan(&index, text)
//!     .iter()
//!     .map(|s| (&text[s.start..s.end], *s.hits[0].payload))
//!     .collect();
//! assert_eq!(found, [("Павлодарской области", "region"), ("Усть-Каменогорск", "city 2")]);
//! ```

use crate::index::{Hit, Method, NameIndex};
use crate::key::{is_type_key, match_key};

/// The most words a name may have.
pub const MAX_WORDS: usize = 5;

/// A span of the text that names something the index knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Span<'a, T> {
    /// Where it starts, in bytes.
    pub start: usize,
    /// Where it ends, in bytes (exclusive).
    pub end: usize,
    /// What the index found for it, best first (all of the lookup, as `lookup_with`
    /// without near keys gives it).
    pub hits: Vec<Hit<'a, T>>,
}

/// The words of a text with their byte ranges: letters and digits, with a hyphen or an
/// apostrophe between two letters kept inside the word (Усть-Каменогорск, Ust'-Kamenogorsk).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let joiner = matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '’' | 'ʼ')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || joiner || (start.is_some() && is_mark(c)) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A combining mark continues the word it follows.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489)
}

/// Whether a single word may be a name on its own: capitalized (Astana, Өскемен) or an
/// abbreviation in capitals (ВКО, OSCE). Lower-case words are names only inside longer
/// spans (павлодарской области), so that common words are not taken for short names.
fn may_stand_alone(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Every span of `text` that `index` knows, leftmost-longest, in text order. Spans
/// found by key, inflection or abbreviation count; near spellings do not (in running
/// text every word is near some name). The cost is linear in the text: at most
/// [`MAX_WORDS`] lookups start at each word.
pub fn scan<'a, T>(index: &'a NameIndex<T>, text: &str) -> Vec<Span<'a, T>> {
    let ws = words(text);
    let word = |k: usize| &text[ws[k].0..ws[k].1];
    // Each word is looked at once: whether it may stand as a name, whether it is a type
    // word. A span is tried only where these allow one, so lower-case prose costs little.
    let cap: Vec<bool> = (0..ws.len()).map(|k| may_stand_alone(word(k))).collect();
    let typ: Vec<bool> = (0..ws.len())
        .map(|k| is_type_key(&match_key(word(k))))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut found = None;
        for n in (1..=MAX_WORDS.min(ws.len() - i)).rev() {
            let last = i + n - 1;
            // One word: capitalized (Astana, ВКО). Several: ending in a type word
            // (павлодарской области), or beginning and ending with a name-like word —
            // "Павлодарскую область и" is not a name.
            let allowed = if n == 1 {
                cap[i]
            } else {
                typ[last] || (cap[i] && cap[last])
            };
            if !allowed {
                continue;
            }
            let (start, end) = (ws[i].0, ws[last].1);
            let hits: Vec<Hit<'a, T>> = index.lookup_with(&text[start..end], false);
            // One word found only as a name without its type word is not a mention.
            if hits.iter().any(|h| h.method != Method::Bare || n > 1) {
                found = Some((n, Span { start, end, hits }));
                break;
            }
        }
        match found {
            Some((n, span)) => {
                out.push(span);
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> NameIndex<u8> {
        let mut index = NameIndex::new();
        for (name, id) in [
            ("Усть-Каменогорск", 1),
            ("Астана", 2),
            ("Павлодарская область", 3),
            ("Павлодар", 4),
            ("ВКО", 5),
            ("Алматы", 6),
            ("Ural", 7),
        ] {
            index.add(name, id);
        }
        index
    }

    fn found(text: &str) -> Vec<(String, u8)> {
        let index = index();
        scan(&index, text)
            .into_iter()
            .map(|s| (text[s.start..s.end].to_string(), *s.hits[0].payload))
            .collect()
    }

    #[test]
    fn names_in_any_form_leftmost_longest() {
        assert_eq!(
            found("Из Астаны в Усть-Каменогорск через Павлодарскую область и ВКО."),
            [
                ("Астаны".to_string(), 2),
                ("Усть-Каменогорск".to_string(), 1),
                ("Павлодарскую область".to_string(), 3),
                ("ВКО".to_string(), 5)
            ]
        );
        assert_eq!(
            found("Алматыда және Павлодарда"),
            [("Алматыда".to_string(), 6), ("Павлодарда".to_string(), 4)]
        );
    }

    #[test]
    fn no_hits_inside_words_or_on_lower_case_words() {
        assert!(found("астана және павлодар").is_empty());
        assert!(
            found("Uralsk").is_empty(),
            "Ural is not found inside Uralsk"
        );
        assert!(found("PavlodarX").is_empty());
    }

    #[test]
    fn offsets_slice_the_text_whatever_it_holds() {
        let text = "😀 Астана\u{0301}, Ust'-Kamenogorsk — ВКО!";
        for s in scan(&index(), text) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            assert!(s.start < s.end);
        }
        assert!(scan(&index(), "").is_empty());
        let long = "Астана ".repeat(2_000);
        assert_eq!(scan(&index(), &long).len(), 2_000);
    }
}
