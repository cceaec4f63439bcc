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

mod text;
mod words;

use std::cell::RefCell;

use foldhash::HashMap;

use crate::index::{Hit, Method, NameIndex, RawHit};
use crate::key::match_key;
use text::words;
use words::{Cache, Word, Words, CACHE};

/// The most words a name may have ("Ministry of Foreign Affairs of the Republic of
/// Kazakhstan" has nine).
pub const MAX_WORDS: usize = 10;

/// The most words one item of a list sharing a head noun may have ("North Kazakhstan,
/// Pavlodar and East Kazakhstan regions").
const MAX_ITEM_WORDS: usize = 3;

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
    /// The span is an item of a list that shares the last item's type word ("Kurgan" in
    /// "Kurgan, Omsk and Tyumen regions"): it names a place of that type.
    pub lent_type: bool,
}

/// A span found, by word.
struct Found<'a, T> {
    first: usize,
    words: usize,
    hits: Vec<Hit<'a, T>>,
    lent_type: bool,
}

/// Every span of `text` that `index` knows, leftmost-longest, in text order. Spans
/// found by key, inflection or abbreviation count; near spellings do not (in running
/// text every word is near some name). The items of a list that share one head noun
/// are read with it: in "Kurgan, Omsk and Tyumen regions" all three are regions.
///
/// The cost is linear in the text: each distinct word is folded once, and at most
/// [`MAX_WORDS`] spans start at each word, of which only those whose every word some
/// name has are looked up.
pub fn scan<'a, T>(index: &'a NameIndex<T>, text: &str) -> Vec<Span<'a, T>> {
    scan_with(index, text, false)
}

/// [`scan`]; when `by_lookup`, each span is looked up as the query its text makes, with
/// no quick test and no key made from its words: the reference the fast path is tested
/// against (`testing::scan_by_lookup`).
pub(crate) fn scan_with<'a, T>(
    index: &'a NameIndex<T>,
    text: &str,
    by_lookup: bool,
) -> Vec<Span<'a, T>> {
    CACHE.with_borrow_mut(|cache| {
        cache.reset_for(index.identity());
        let ranges = words(text);
        let mut of = Vec::with_capacity(ranges.len());
        for &(s, e) in &ranges {
            let w = &text[s..e];
            let id = if let Some(&id) = cache.ids.get(w) {
                id
            } else {
                cache.words.push(Word::new(index, w));
                let id = u32::try_from(cache.words.len() - 1).unwrap_or(u32::MAX);
                cache.ids.insert(w.into(), id);
                id
            };
            of.push(id);
        }
        let Cache { words, spans, .. } = cache;
        let ws = Words {
            of: of.iter().map(|&id| &words[id as usize]).collect(),
            ranges,
            text,
            scratch: RefCell::new(Vec::with_capacity(4 * MAX_WORDS)),
        };
        scan_words(index, &ws, spans, by_lookup)
    })
}

/// [`scan`] over words worked out.
fn scan_words<'a, T>(
    index: &'a NameIndex<T>,
    ws: &Words<'_, '_>,
    spans: &mut HashMap<Box<str>, Box<[RawHit]>>,
    by_lookup: bool,
) -> Vec<Span<'a, T>> {
    let text = ws.text;
    let reach = ws.reach(index, by_lookup);
    let mut found: Vec<Found<'a, T>> = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let mut hit = None;
        for n in (1..=MAX_WORDS.min(reach[i])).rev() {
            let last = i + n - 1;
            // One word: capitalized (Astana, ВКО). Several: beginning with one (Қазақстан
            // үкіметі), or ending in a type word (павлодарской области).
            // A leading "the" does not count: "The total" is not Total.
            let first = if n > 1 && ws.word(i).the { i + 1 } else { i };
            // Nor does a lone "s" at the end: "Kazakhstan's" drops its possessive, but
            // "Целиноград с" is a name and a preposition.
            let lone_s = n > 1 && ws.word(last).lone_s;
            let allowed = if n == 1 {
                ws.word(i).cap
            } else {
                (ws.word(first).cap || ws.word(last).typ) && !lone_s
            };
            if !allowed {
                continue;
            }
            let hits = if by_lookup {
                let (start, end) = ws.span(i, last);
                let query = &text[start..end];
                index
                    .lookup_raw(&match_key(query), query, false, false)
                    .iter()
                    .map(|r| index.hit(r))
                    .collect()
            } else {
                ws.lookup(index, spans, i, last, None)
            };
            // One word found only as a name without its type word is not a mention.
            if hits.iter().any(|h| h.method != Method::Bare || n > 1) {
                hit = Some(Found {
                    first: i,
                    words: n,
                    hits,
                    lent_type: false,
                });
                break;
            }
        }
        match hit {
            Some(f) => {
                i += f.words;
                found.push(f);
            }
            None => i += 1,
        }
    }
    let lists = shared_heads(index, ws, spans, &found);
    if !lists.is_empty() {
        // An item of a list replaces what was found on its words.
        found.retain(|f| {
            !lists
                .iter()
                .any(|l| f.first < l.first + l.words && l.first < f.first + f.words)
        });
        found.extend(lists);
        found.sort_by_key(|f| f.first);
    }
    found
        .into_iter()
        .map(|f| {
            // A leading "the" is no part of the name: "the EU" is "EU".
            let first = if f.words > 1 && ws.word(f.first).the {
                f.first + 1
            } else {
                f.first
            };
            let (start, end) = ws.span(first, f.first + f.words - 1);
            Span {
                start,
                end,
                hits: f.hits,
                lent_type: f.lent_type,
            }
        })
        .collect()
}

/// The items before each span that ends in a type word and that, joined to it by commas
/// and conjunctions, share that type word: "Kurgan, Omsk and | Tyumen regions". An item
/// is taken only when, with the type word, it names something the index knows, and,
/// unless the type word is plural, is an adjective.
fn shared_heads<'a, T>(
    index: &'a NameIndex<T>,
    ws: &Words<'_, '_>,
    spans: &mut HashMap<Box<str>, Box<[RawHit]>>,
    found: &[Found<'a, T>],
) -> Vec<Found<'a, T>> {
    let gap = |k: usize| ws.text[ws.ranges[k - 1].1..ws.ranges[k].0].trim();
    let mut items = Vec::new();
    for f in found.iter().filter(|f| f.words > 1) {
        let head = f.first + f.words - 1;
        if !ws.word(head).typ {
            continue;
        }
        let mut right = f.first;
        loop {
            // The separator before the item on the right: a comma, a conjunction, or both.
            let mut k = right;
            let conj = k > 0 && gap(k).is_empty() && ws.word(k - 1).conj;
            if conj {
                k -= 1;
            }
            if k == 0 || !(gap(k) == "," || (conj && gap(k).is_empty())) {
                break;
            }
            // The longest item that ends there and, given the type word, names something.
            let item = (1..=MAX_ITEM_WORDS.min(k)).rev().find_map(|n| {
                let first = k - n;
                let solid = (first + 1..k).all(|j| gap(j).is_empty() && !ws.word(j).conj);
                if !solid || !ws.word(first).cap {
                    return None;
                }
                // A singular type word is shared only by adjectives: "Курганской и
                // Тюменской области", not "Павлодар и Павлодарская область".
                if !ws.word(head).plural && !ws.folded(k - 1).last().is_some_and(|f| f.adjective) {
                    return None;
                }
                let hits = ws.lookup(index, spans, first, k - 1, Some(head));
                hits.first()
                    .is_some_and(|h| h.method != Method::Bare)
                    .then_some(Found {
                        first,
                        words: n,
                        hits,
                        lent_type: true,
                    })
            });
            let Some(item) = item else { break };
            right = item.first;
            items.push(item);
        }
    }
    items
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

    fn found_in(names: &[(&str, u8)], text: &str) -> Vec<(String, u8, bool)> {
        let mut index = NameIndex::new();
        for &(name, id) in names {
            index.add(name, id);
        }
        scan(&index, text)
            .into_iter()
            .map(|s| {
                (
                    text[s.start..s.end].to_string(),
                    *s.hits[0].payload,
                    s.lent_type,
                )
            })
            .collect()
    }

    #[test]
    fn a_list_shares_its_head_noun() {
        let names = [
            ("Курганская область", 1),
            ("Курган", 2),
            ("Омская область", 3),
            ("Омск", 4),
            ("Тюменская область", 5),
            ("Kurgan Oblast", 1),
            ("Omsk Oblast", 3),
            ("Tyumen Oblast", 5),
            ("Kurgan", 2),
            ("Omsk", 4),
        ];
        let got = |t: &str| -> Vec<(String, u8)> {
            found_in(&names, t)
                .into_iter()
                .map(|(s, id, _)| (s, id))
                .collect()
        };
        let own = |v: &[(&str, u8)]| -> Vec<(String, u8)> {
            v.iter().map(|(s, id)| ((*s).to_string(), *id)).collect()
        };
        assert_eq!(
            got("делегации Курганской, Омской и Тюменской областей"),
            own(&[("Курганской", 1), ("Омской", 3), ("Тюменской областей", 5)])
        );
        assert_eq!(
            got("Kurgan, Omsk and Tyumen regions"),
            own(&[("Kurgan", 1), ("Omsk", 3), ("Tyumen regions", 5)])
        );
        // No shared noun: cities. A singular one after a city's own name: a city and a
        // region.
        assert_eq!(
            got("Курган, Омск и Тюмень"),
            own(&[("Курган", 2), ("Омск", 4)])
        );
        assert_eq!(
            got("Курган и Курганская область"),
            own(&[("Курган", 2), ("Курганская область", 1)])
        );
        let lent: Vec<bool> = found_in(&names, "Kurgan and Omsk regions")
            .into_iter()
            .map(|(_, _, l)| l)
            .collect();
        assert_eq!(lent, [true, false]);
    }

    #[test]
    fn names_do_not_cross_punctuation_or_take_a_leading_the() {
        let names = [
            ("Pavlodar Region", 1),
            ("EU", 2),
            ("Total", 3),
            ("St. Regis", 4),
        ];
        assert!(found_in(&names, "Pavlodar. Region").is_empty());
        assert!(found_in(&names, "Pavlodar (region)").is_empty());
        assert_eq!(found_in(&names, "the EU")[0].0, "EU");
        assert!(found_in(&names, "The total").is_empty());
        assert_eq!(found_in(&names, "the St.Regis hotel")[0].0, "St.Regis");
        assert_eq!(found_in(&names, "Pavlodar region")[0].1, 1);
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
