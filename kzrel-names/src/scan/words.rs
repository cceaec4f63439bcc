//! What the scanner knows of each word, kept per thread and index, and the lookup of a
//! span from its words.

use std::cell::RefCell;

use foldhash::HashMap;

use super::text::{breaks, may_stand_alone};
use crate::index::{signature, Hit, NameIndex, RawHit};
use crate::key::{
    adjective_stem, fold_words, has_adjective_ending, is_conjunction, is_plural_type, is_type_key,
    key_from_words, match_key, type_token, MAX_KEY,
};

/// One folded word (a hyphenated word of the text has several), with what the index
/// allows of it.
#[allow(clippy::struct_excessive_bools)] // independent facts about a word
pub(super) struct Folded {
    pub(super) text: Box<str>,
    /// Its length before the romanizations' rewrites, which [`MAX_KEY`] counts.
    pub(super) raw_len: usize,
    /// A type word (области, region…).
    pub(super) typ: bool,
    /// Some key the index holds may have it (see `NameIndex::may_name`).
    pub(super) ok: bool,
    /// The same for its adjective stem, which it becomes before a type word.
    pub(super) ok_before_type: bool,
    /// It has an adjective's ending (курганской, омская).
    pub(super) adjective: bool,
    /// Its signature (of its type token, for a type word): see `index::signature`.
    pub(super) sig: u32,
}

/// What the scanner knows of one distinct word; each is worked out once per thread
/// and index, however often and in however many texts it occurs.
#[allow(clippy::struct_excessive_bools)] // independent facts about a word
pub(super) struct Word {
    pub(super) folded: Box<[Folded]>,
    /// It may be a name on its own.
    pub(super) cap: bool,
    /// It is a type word.
    pub(super) typ: bool,
    /// It joins the items of a list.
    pub(super) conj: bool,
    /// Some name may have it (each of its folded words may be in some key).
    pub(super) known: bool,
    /// It is "the".
    pub(super) the: bool,
    /// It is "s" (or "с") alone.
    pub(super) lone_s: bool,
    /// It is a type word in the plural.
    pub(super) plural: bool,
}

impl Word {
    pub(super) fn new<T>(index: &NameIndex<T>, w: &str) -> Self {
        let folded: Box<[Folded]> = fold_words(w)
            .into_iter()
            .map(|(text, raw_len)| {
                let ok = index.may_name(&text);
                let stem = adjective_stem(&text);
                let ok_before_type = if stem.len() == text.len() {
                    ok
                } else {
                    index.may_name(stem)
                };
                Folded {
                    adjective: has_adjective_ending(&text),
                    sig: signature(type_token(&text).unwrap_or(&text)),
                    typ: type_token(&text).is_some(),
                    text: text.into_boxed_str(),
                    raw_len,
                    ok,
                    ok_before_type,
                }
            })
            .collect();
        let texts: Vec<&str> = folded.iter().map(|f| &*f.text).collect();
        Word {
            cap: may_stand_alone(w),
            typ: is_type_key(&key_from_words(&texts)),
            conj: texts.len() == 1 && is_conjunction(texts[0]),
            the: texts == ["the"],
            lone_s: texts == ["s"],
            known: folded
                .iter()
                .all(|f| f.typ || f.ok || f.ok_before_type || matches!(&*f.text, "the" | "s")),
            plural: texts.len() == 1 && is_plural_type(texts[0]),
            folded,
        }
    }
}

/// How many words, and how many spans' lookups, a thread keeps at most; past that it
/// starts again, so memory stays bounded however large the corpus.
const CACHE_LIMIT: usize = 1 << 17;

/// A thread's memory of the words and spans it has read with one index: a corpus's
/// vocabulary is small beside its length, so most words and names are read once.
#[derive(Default)]
pub(super) struct Cache {
    pub(super) index: u64,
    pub(super) ids: HashMap<Box<str>, u32>,
    pub(super) words: Vec<Word>,
    pub(super) spans: HashMap<Box<str>, Box<[RawHit]>>,
}

impl Cache {
    /// Ready for `index`: emptied when it served another, or grew past its limit.
    pub(super) fn reset_for(&mut self, identity: u64) {
        if self.index != identity
            || self.words.len() > CACHE_LIMIT
            || self.spans.len() > CACHE_LIMIT
        {
            *self = Cache {
                index: identity,
                ..Cache::default()
            };
        }
    }
}

thread_local! {
    pub(super) static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The words of a text, each worked out once.
pub(super) struct Words<'t, 'c> {
    pub(super) ranges: Vec<(usize, usize)>,
    pub(super) of: Vec<&'c Word>,
    pub(super) text: &'t str,
    /// The folded words of the span being looked up (one buffer for every span).
    pub(super) scratch: RefCell<Vec<&'c Folded>>,
}

impl<'c> Words<'_, 'c> {
    pub(super) fn len(&self) -> usize {
        self.ranges.len()
    }

    pub(super) fn word(&self, k: usize) -> &'c Word {
        self.of[k]
    }

    pub(super) fn folded(&self, k: usize) -> &'c [Folded] {
        &self.of[k].folded
    }

    /// The text from the start of word `first` to the end of word `last`.
    pub(super) fn span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.ranges[first].0, self.ranges[last].1)
    }

    /// How many words from each a name may reach: not past punctuation that ends a
    /// phrase (a name does not cross a line, a bracket or a full stop), nor past a word no
    /// name has or two words no name has side by side, so most words of prose start no
    /// lookup at all. The reference (`by_lookup`) stops only at punctuation, to test that
    /// the rest leaves no name out.
    pub(super) fn reach<T>(&self, index: &NameIndex<T>, by_lookup: bool) -> Vec<usize> {
        let text = self.text;
        let n_words = self.len();
        let joined = |k: usize| {
            k + 1 < n_words
                && !breaks(
                    &text[self.ranges[k].0..self.ranges[k].1],
                    &text[self.ranges[k].1..self.ranges[k + 1].0],
                )
        };
        // Two words go on together only if some key has them side by side (a type word
        // may follow or lead any word: "Pavlodar Region" for a city named Pavlodar).
        let together = |k: usize| {
            let (a, b) = (self.folded(k).last(), self.folded(k + 1).first());
            self.word(k).the
                || a.zip(b)
                    .is_none_or(|(a, b)| a.typ || b.typ || index.may_follow(a.sig, b.sig))
        };
        let mut run = vec![0usize; n_words + 1];
        for k in (0..n_words).rev() {
            run[k] = if by_lookup {
                if joined(k) {
                    run[k + 1] + 1
                } else {
                    1
                }
            } else if !self.word(k).known {
                0
            } else if run[k + 1] > 0 && joined(k) && together(k) {
                run[k + 1] + 1
            } else {
                1
            };
        }
        run
    }

    /// What `index` finds for the words `first..=last` (and, when given, a type word
    /// lent by a list's last item): nothing when some word is in no key the index holds,
    /// which is most spans of running text and costs no lookup; else the lookup of the
    /// key the words make, kept in `spans` for the next time the same text comes.
    pub(super) fn lookup<'a, T>(
        &self,
        index: &'a NameIndex<T>,
        spans: &mut HashMap<Box<str>, Box<[RawHit]>>,
        first: usize,
        last: usize,
        lent: Option<usize>,
    ) -> Vec<Hit<'a, T>> {
        let mut buf = self.scratch.borrow_mut();
        buf.clear();
        buf.extend((first..=last).flat_map(|k| self.folded(k)));
        if let Some(t) = lent {
            buf.extend(self.folded(t));
        }
        let mut fs: &[&Folded] = &buf;
        // As `key_from_words` reads them: a possessive's "s" and a leading "the" go.
        if fs.len() > 1 && fs.last().is_some_and(|f| &*f.text == "s") {
            fs = &fs[..fs.len() - 1];
        }
        if fs.len() > 1 && &*fs[0].text == "the" {
            fs = &fs[1..];
        }
        let plausible = (0..fs.len()).all(|j| {
            fs[j].typ
                || if fs.get(j + 1).is_some_and(|f| f.typ) {
                    fs[j].ok_before_type
                } else {
                    fs[j].ok
                }
        });
        if fs.is_empty() || !plausible {
            return Vec::new();
        }
        let (start, end) = self.span(first, last);
        let query = &self.text[start..end];
        if lent.is_none() {
            if let Some(raw) = spans.get(query) {
                return raw.iter().map(|r| index.hit(r)).collect();
            }
        }
        let texts: Vec<&str> = fs.iter().map(|f| &*f.text).collect();
        let raw: usize = fs.iter().map(|f| f.raw_len + 1).sum();
        let key = if raw > MAX_KEY && lent.is_none() {
            // `match_key` cuts a key this long, and its lookups must stay the same.
            match_key(query)
        } else {
            key_from_words(&texts)
        };
        let found = index.lookup_raw(&key, query, false, false);
        let hits = found.iter().map(|r| index.hit(r)).collect();
        if lent.is_none() {
            spans.insert(query.into(), found.into_boxed_slice());
        }
        hits
    }
}
