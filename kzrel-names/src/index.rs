//! A name index over any payload: every name is filed under its match key, its key
//! without type words, and the trigrams of its key, so that a query finds its
//! candidates without reading every name.
//!
//! ```
//! use kzrel_names::{Method, NameIndex};
//! let mut index = NameIndex::new();
//! index.add("Павлодар", 1);
//! index.add("Павлодарская область", 2);
//! index.add("Өскемен", 3);
//! let index = index;
//! let best = |q: &str| index.lookup(q).first().map(|h| (*h.payload, h.method));
//! assert_eq!(best("Pavlodar"), Some((1, Method::Key)));
//! assert_eq!(best("Pavlodar region"), Some((2, Method::Key)));
//! assert_eq!(best("Павлодарской области"), Some((2, Method::Key)));
//! assert_eq!(best("Өскеменде"), Some((3, Method::Inflection)));
//! assert_eq!(best("Oskemne"), Some((3, Method::Fuzzy)));
//! assert_eq!(best("Өскемен"), Some((3, Method::Exact)));
//! ```

use std::collections::HashMap;

use crate::key::{bare_key, base_forms, match_key, sorted_key};
use crate::normalize::normalize;

/// How a query met a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    /// The same text, after normalization and case.
    Exact,
    /// The same match key: another script, romanization or case form of the type word.
    Key,
    /// The same key once a case ending or suffix is taken off the query.
    Inflection,
    /// The query names the place without its type ("Pavlodar" for Pavlodar Region), or
    /// with a type the name lacks.
    Bare,
    /// A near key: a typo or an unlisted spelling.
    Fuzzy,
}

impl Method {
    /// The method's name: exact, key, inflection, bare or fuzzy.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Exact => "exact",
            Method::Key => "key",
            Method::Inflection => "inflection",
            Method::Bare => "bare",
            Method::Fuzzy => "fuzzy",
        }
    }
}

/// One name a query met: the payload filed with it, the name, how and how well.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit<'a, T> {
    /// What was filed with the name.
    pub payload: &'a T,
    /// The name as filed (normalized, lower-case).
    pub name: &'a str,
    /// The name's match key.
    pub key: &'a str,
    /// How the query met it.
    pub method: Method,
    /// How well, in [0, 1].
    pub score: f64,
}

/// How many trigram candidates a fuzzy lookup scores at most.
const FUZZY_CANDIDATES: usize = 64;
/// The shortest key, in bytes, that fuzzy lookups are tried for.
const FUZZY_MIN: usize = 4;
/// How many trigram postings a fuzzy lookup reads at most.
const POSTINGS_BUDGET: usize = 60_000;
/// The lowest Jaro–Winkler similarity of keys a fuzzy hit may have.
const FUZZY_FLOOR: f64 = 0.88;

/// Names with payloads, indexed by key, bare key and key trigrams.
#[derive(Debug, Clone, Default)]
pub struct NameIndex<T> {
    names: Vec<(String, String, T)>,
    /// Distinct keys, and the names filed under each.
    keys: Vec<String>,
    by_key: HashMap<String, u32>,
    key_names: Vec<Vec<u32>>,
    /// Names by their key without type words, where that differs from the key.
    by_bare: HashMap<String, Vec<u32>>,
    /// Key ids by trigram.
    trigrams: HashMap<[u8; 3], Vec<u32>>,
    /// Names by their key's words in sorted order, where that differs from the key.
    by_sorted: HashMap<String, Vec<u32>>,
}

/// The trigrams of a key marked at both ends, so that short keys and keys with two
/// letters swapped (Akotbe, Aktobe) still share some.
fn trigrams(key: &str) -> impl Iterator<Item = [u8; 3]> + '_ {
    let bytes = key.as_bytes();
    let n = bytes.len();
    let at = move |i: usize| if i == 0 || i > n { b'^' } else { bytes[i - 1] };
    (0..n).map(move |i| [at(i), at(i + 1), if i + 2 > n { b'$' } else { at(i + 2) }])
}

impl<T> NameIndex<T> {
    /// An empty index.
    pub fn new() -> Self {
        Self {
            names: Vec::new(),
            keys: Vec::new(),
            by_key: HashMap::new(),
            key_names: Vec::new(),
            by_bare: HashMap::new(),
            trigrams: HashMap::new(),
            by_sorted: HashMap::new(),
        }
    }

    /// How many names it holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// File `name` with `payload`. A name whose key is empty (no letters) is not filed.
    pub fn add(&mut self, name: &str, payload: T) {
        let key = match_key(name);
        if key.is_empty() {
            return;
        }
        let n = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        let bare = bare_key(&key);
        if !bare.is_empty() && bare != key {
            self.by_bare.entry(bare).or_default().push(n);
        }
        let sorted = sorted_key(&key);
        if sorted != key {
            self.by_sorted.entry(sorted).or_default().push(n);
        }
        let k = if let Some(&k) = self.by_key.get(&key) {
            k
        } else {
            let k = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
            for t in trigrams(&key) {
                let list = self.trigrams.entry(t).or_default();
                if list.last() != Some(&k) {
                    list.push(k);
                }
            }
            self.by_key.insert(key.clone(), k);
            self.keys.push(key.clone());
            self.key_names.push(Vec::new());
            k
        };
        self.key_names[k as usize].push(n);
        self.names
            .push((normalize(name).to_lowercase(), key, payload));
    }

    fn hits_of<'a>(&'a self, ids: &[u32], method: Method, score: f64, out: &mut Vec<Hit<'a, T>>) {
        for &n in ids {
            let (name, key, payload) = &self.names[n as usize];
            out.push(Hit {
                payload,
                name,
                key,
                method,
                score,
            });
        }
    }

    fn by_key(&self, key: &str) -> &[u32] {
        self.by_key
            .get(key)
            .map_or(&[], |&k| self.key_names[k as usize].as_slice())
    }

    /// The names `query` meets, best first: the same text (score 1), the same key
    /// (0.97), an inflected form of a name (0.92), a name without the type word the
    /// query has or with one it lacks (0.8), and, only when nothing closer is found, near
    /// keys (a typo: at most 0.85). Bounded: the query's key is cut at
    /// [`MAX_KEY`](crate::key::MAX_KEY) bytes and at most 64 near keys are scored.
    pub fn lookup(&self, query: &str) -> Vec<Hit<'_, T>> {
        self.lookup_with(query, true)
    }

    /// [`lookup`](Self::lookup), with near keys only when `fuzzy` (a scanner reading
    /// running text leaves them out: every word would be near some name).
    pub fn lookup_with(&self, query: &str, fuzzy: bool) -> Vec<Hit<'_, T>> {
        let key = match_key(query);
        if key.is_empty() {
            return Vec::new();
        }
        let text = normalize(query).to_lowercase();
        let mut out = Vec::new();
        for &n in self.by_key(&key) {
            let exact = self.names[n as usize].0 == text;
            let (method, score) = if exact {
                (Method::Exact, 1.0)
            } else {
                (Method::Key, 0.97)
            };
            self.hits_of(&[n], method, score, &mut out);
        }
        let bare = bare_key(&key);
        if out.is_empty() {
            for form in base_forms(&key) {
                self.hits_of(self.by_key(&form), Method::Inflection, 0.92, &mut out);
                if bare != key {
                    // "Павлодарда облысында" is rare; an inflected bare name is not.
                    continue;
                }
                if let Some(ids) = self.by_bare.get(&form) {
                    self.hits_of(ids, Method::Bare, 0.78, &mut out);
                }
            }
        }
        if let Some(ids) = self.by_bare.get(&key) {
            self.hits_of(ids, Method::Bare, 0.8, &mut out);
        }
        if bare != key && !bare.is_empty() {
            self.hits_of(self.by_key(&bare), Method::Bare, 0.8, &mut out);
        }
        if out.is_empty() {
            let sorted = sorted_key(&key);
            let ids = self.by_sorted.get(&sorted).map_or(&[][..], Vec::as_slice);
            self.hits_of(ids, Method::Key, 0.9, &mut out);
            if sorted != key {
                self.hits_of(self.by_key(&sorted), Method::Key, 0.9, &mut out);
            }
        }
        // A short key is too near to too many: ЗКО is not a typo of "zzzz".
        if fuzzy && out.is_empty() && key.len() >= FUZZY_MIN {
            self.fuzzy(&key, &mut out);
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    fn fuzzy<'a>(&'a self, key: &str, out: &mut Vec<Hit<'a, T>>) {
        // The query's trigrams, rarest first, read until a budget of postings is spent:
        // rare trigrams say most about which keys are near, and the budget bounds the
        // cost whatever the index's size.
        let mut lists: Vec<&Vec<u32>> = trigrams(key)
            .filter_map(|t| self.trigrams.get(&t))
            .collect();
        lists.sort_by_key(|l| l.len());
        let mut shared: HashMap<u32, u32> = HashMap::new();
        let mut budget = POSTINGS_BUDGET;
        for ids in lists {
            if ids.len() > budget {
                break;
            }
            budget -= ids.len();
            for &k in ids {
                *shared.entry(k).or_default() += 1;
            }
        }
        let mut best: Vec<(u32, u32)> = shared.into_iter().collect();
        best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (k, _) in best.into_iter().take(FUZZY_CANDIDATES) {
            let other = &self.keys[k as usize];
            let sim = strsim::jaro_winkler(key, other);
            if sim >= FUZZY_FLOOR {
                let ids = self.key_names[k as usize].clone();
                self.hits_of(&ids, Method::Fuzzy, 0.85 * sim, out);
            }
        }
    }
}
