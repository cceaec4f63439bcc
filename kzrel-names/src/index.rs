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

use foldhash::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::key::{
    bare_key, base_forms_of_known, is_case_ending, longest_case_ending, match_key, sorted_key,
    type_token, Inflect,
};
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

/// A hit without its references: the name's position, how and how well.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RawHit {
    pub(crate) name: u32,
    pub(crate) method: Method,
    pub(crate) score: f64,
}

/// A new identity for an index, never given before in this process.
fn new_identity() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Names with payloads, indexed by key, bare key and key trigrams.
#[derive(Debug, Clone)]
pub struct NameIndex<T> {
    identity: u64,
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
    /// Every word of every key: a span of text with a word no key has, and no base
    /// form that a key has, names nothing (the scanner's quick test).
    vocabulary: HashSet<String>,
    /// The words of `vocabulary` without a final "a", "ia" or "i": the stems that case
    /// forms have when the ending replaced those letters (Астаны → astan, России → ros,
    /// Китае → kita), as `base_forms` puts them back.
    stems_of_a: HashSet<String>,
    /// The signatures (see [`signature`]) of every two words side by side in a key or a
    /// key without its type words: two words of text whose signatures are not here are
    /// in no name together.
    pairs: HashSet<u64>,
}

/// A folded word's first three bytes, which its case forms, its adjective form and its
/// base forms share (a stem keeps three letters or more), as a number.
pub(crate) fn signature(word: &str) -> u32 {
    word.bytes()
        .take(3)
        .fold(0u32, |acc, b| (acc << 8) | u32::from(b))
}

/// Two signatures side by side, as one number.
fn pair(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// The trigrams of a key marked at both ends, so that short keys and keys with two
/// letters swapped (Akotbe, Aktobe) still share some.
fn trigrams(key: &str) -> impl Iterator<Item = [u8; 3]> + '_ {
    let bytes = key.as_bytes();
    let n = bytes.len();
    let at = move |i: usize| if i == 0 || i > n { b'^' } else { bytes[i - 1] };
    (0..n).map(move |i| [at(i), at(i + 1), if i + 2 > n { b'$' } else { at(i + 2) }])
}

impl<T> Default for NameIndex<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> NameIndex<T> {
    /// An empty index.
    pub fn new() -> Self {
        Self {
            identity: new_identity(),
            names: Vec::new(),
            keys: Vec::new(),
            by_key: HashMap::default(),
            key_names: Vec::new(),
            by_bare: HashMap::default(),
            trigrams: HashMap::default(),
            by_sorted: HashMap::default(),
            vocabulary: HashSet::default(),
            stems_of_a: HashSet::default(),
            pairs: HashSet::default(),
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
        self.identity = new_identity();
        let n = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        let bare = bare_key(&key);
        if !bare.is_empty() && bare != key {
            self.by_bare.entry(bare.clone()).or_default().push(n);
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
            for w in key.split(' ') {
                if !self.vocabulary.contains(w) {
                    self.vocabulary.insert(w.to_string());
                    for end in ["a", "ia", "i"] {
                        if let Some(stem) = w.strip_suffix(end) {
                            self.stems_of_a.insert(stem.to_string());
                        }
                    }
                }
            }
            for k in [&key, &bare] {
                let sigs: Vec<u32> = k.split(' ').map(signature).collect();
                for w in sigs.windows(2) {
                    self.pairs.insert(pair(w[0], w[1]));
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

    fn hits_of(ids: &[u32], method: Method, score: f64, out: &mut Vec<RawHit>) {
        out.extend(ids.iter().map(|&n| RawHit {
            name: n,
            method,
            score,
        }));
    }

    /// The hit a raw hit stands for.
    pub(crate) fn hit(&self, raw: &RawHit) -> Hit<'_, T> {
        let (name, key, payload) = &self.names[raw.name as usize];
        Hit {
            payload,
            name,
            key,
            method: raw.method,
            score: raw.score,
        }
    }

    /// What tells this index from any other, and from itself before its last `add`:
    /// caches of lookups are kept per identity.
    pub(crate) fn identity(&self) -> u64 {
        self.identity
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
        // The key reads at most MAX_KEY folded bytes, and no name is near this long: the
        // rest of a longer query cannot change what it finds, only what it costs.
        let mut cut = query.len().min(16 * crate::key::MAX_KEY);
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        let query = &query[..cut];
        self.lookup_key(&match_key(query), query, fuzzy)
    }

    /// Whether a folded word may be part of a key this index finds: a word of some key, a
    /// type word, a case ending standing alone, or a word whose stem (before a case
    /// ending) is a word of some key. Every word of every key a lookup tries passes; so
    /// a span with a word that does not is looked up in vain.
    pub(crate) fn may_name(&self, word: &str) -> bool {
        if self.vocabulary.contains(word) || type_token(word).is_some() || is_case_ending(word) {
            return true;
        }
        // A stem of at least three letters before a case ending (as `base_forms`
        // takes them), which is a word of a key or is one without its final "a", "ia"
        // or "i".
        let n = word.len();
        (1..=longest_case_ending().min(n.saturating_sub(3))).any(|k| {
            word.is_char_boundary(n - k) && {
                let (stem, ending) = word.split_at(n - k);
                stem.chars().count() >= 3
                    && is_case_ending(ending)
                    && (self.vocabulary.contains(stem) || self.stems_of_a.contains(stem))
            }
        })
    }

    /// [`lookup_with`](Self::lookup_with) for a query whose match key is known.
    pub(crate) fn lookup_key(&self, key: &str, query: &str, fuzzy: bool) -> Vec<Hit<'_, T>> {
        self.lookup_raw(key, query, fuzzy, true)
            .iter()
            .map(|r| self.hit(r))
            .collect()
    }

    /// Whether two words with these signatures stand side by side in some key.
    pub(crate) fn may_follow(&self, a: u32, b: u32) -> bool {
        self.pairs.contains(&pair(a, b))
    }

    /// [`lookup_key`](Self::lookup_key), as raw hits (which a cache may keep); names
    /// with the query's words in another order only when `reordered` (a scanner leaves
    /// them out: in running text, words in another order are another phrase).
    pub(crate) fn lookup_raw(
        &self,
        key: &str,
        query: &str,
        fuzzy: bool,
        reordered: bool,
    ) -> Vec<RawHit> {
        if key.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let found = self.by_key(key);
        // Only a name with the query's key may have its text.
        let text = if found.is_empty() {
            String::new()
        } else {
            normalize(query).to_lowercase()
        };
        for &n in found {
            let exact = self.names[n as usize].0 == text;
            let (method, score) = if exact {
                (Method::Exact, 1.0)
            } else {
                (Method::Key, 0.97)
            };
            Self::hits_of(&[n], method, score, &mut out);
        }
        let bare = bare_key(key);
        if out.is_empty() {
            let inflect = Inflect::of(query);
            for form in base_forms_of_known(key, |w| self.vocabulary.contains(w), inflect) {
                Self::hits_of(self.by_key(&form), Method::Inflection, 0.92, &mut out);
                if bare != key {
                    // "Павлодарда облысында" is rare; an inflected bare name is not.
                    continue;
                }
                if let Some(ids) = self.by_bare.get(&form) {
                    Self::hits_of(ids, Method::Bare, 0.78, &mut out);
                }
            }
        }
        if let Some(ids) = self.by_bare.get(key) {
            Self::hits_of(ids, Method::Bare, 0.8, &mut out);
        }
        if bare != key && !bare.is_empty() {
            Self::hits_of(self.by_key(&bare), Method::Bare, 0.8, &mut out);
        }
        if out.is_empty() && reordered {
            let sorted = sorted_key(key);
            let ids = self.by_sorted.get(&sorted).map_or(&[][..], Vec::as_slice);
            Self::hits_of(ids, Method::Key, 0.9, &mut out);
            if sorted != key {
                Self::hits_of(self.by_key(&sorted), Method::Key, 0.9, &mut out);
            }
        }
        // A short key is too near to too many: ЗКО is not a typo of "zzzz".
        if fuzzy && out.is_empty() && key.len() >= FUZZY_MIN {
            self.fuzzy(key, &mut out);
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    fn fuzzy(&self, key: &str, out: &mut Vec<RawHit>) {
        // The query's trigrams, rarest first, read until a budget of postings is spent:
        // rare trigrams say most about which keys are near, and the budget bounds the
        // cost whatever the index's size.
        let mut lists: Vec<&Vec<u32>> = trigrams(key)
            .filter_map(|t| self.trigrams.get(&t))
            .collect();
        lists.sort_by_key(|l| l.len());
        let mut shared: HashMap<u32, u32> = HashMap::default();
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
                Self::hits_of(&self.key_names[k as usize], Method::Fuzzy, 0.85 * sim, out);
            }
        }
    }
}
