//! Resolution: any spelling of a place or organization — another script or
//! romanization, an inflected form, a former name, an abbreviation, a typo — to the
//! entities it may name, ranked, with how each was found and what to watch for.
//!
//! ```
//! use kzrel_core::dataset::Dataset;
//! use kzrel_core::resolve::{MatchMethod, Resolve};
//! let ds = Dataset::embedded()?;
//! let best = |q: &str, o: Resolve| ds.resolve(q, &o).first().map(|m| m.entity.id.to_string());
//! assert_eq!(best("Павлодарской области", Resolve::default()).as_deref(), Some("kz-pavlodar-oblysy"));
//! assert_eq!(best("Өскеменде", Resolve::default()).as_deref(), Some("kz-ust-kamenogorsk"));
//! let m = ds.resolve("Tselinograd", &Resolve::on("1980".parse()?));
//! assert_eq!(m[0].entity.id.as_str(), "kz-astana");
//! assert_eq!(m[0].method, MatchMethod::Historical);
//!
//! let text = "Делегация Павлодарской области посетила Омск и Астану.";
//! let found: Vec<(&str, String)> = ds
//!     .extract(text, &Resolve::default())
//!     .iter()
//!     .map(|m| (m.text, m.candidates[0].entity.id.to_string()))
//!     .collect();
//! assert_eq!(found, [
//!     ("Павлодарской области", "kz-pavlodar-oblysy".to_string()),
//!     ("Омск", "ru-omsk".to_string()),
//!     ("Астану", "kz-astana".to_string()),
//! ]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use foldhash::{HashMap, HashMapExt, HashSet};

use kzrel_names::{Hit, Method, NameIndex};

use crate::dataset::Dataset;
use crate::entity::{Entity, EntityKind, Name, NameKind};
use crate::id::EntityId;
use crate::time::PartialDate;

/// How a match was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchMethod {
    /// The name itself.
    Exact,
    /// The same name in another script, romanization or case of its type word.
    Key,
    /// An inflected form of the name (a case ending, a Kazakh suffix).
    Inflection,
    /// An abbreviation of the entity (ВКО, ОБСЕ).
    Abbreviation,
    /// A former name (Tselinograd, Semipalatinsk).
    Historical,
    /// A near spelling: a typo or an unlisted variant.
    Fuzzy,
}

impl MatchMethod {
    /// Every method, best first.
    pub const ALL: [MatchMethod; 6] = [
        MatchMethod::Exact,
        MatchMethod::Key,
        MatchMethod::Inflection,
        MatchMethod::Abbreviation,
        MatchMethod::Historical,
        MatchMethod::Fuzzy,
    ];

    /// exact, key, inflection, abbreviation, historical or fuzzy.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchMethod::Exact => "exact",
            MatchMethod::Key => "key",
            MatchMethod::Inflection => "inflection",
            MatchMethod::Abbreviation => "abbreviation",
            MatchMethod::Historical => "historical",
            MatchMethod::Fuzzy => "fuzzy",
        }
    }
}

/// One candidate entity for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Match<'a> {
    /// The entity.
    pub entity: &'a Entity,
    /// How good a match, in [0, 1].
    pub score: f64,
    /// How it was found.
    pub method: MatchMethod,
    /// The entity's name that the query met.
    pub matched: &'a Name,
    /// What to watch for: a name not in use on the date asked, an entity that did not
    /// exist then, a type word the query lacks.
    pub notes: Vec<String>,
}

/// The options of a resolution: the date, kind and country, and how many matches.
#[derive(Debug, Clone)]
pub struct Resolve {
    /// The date the text speaks of; names and existence are weighed against it.
    pub as_of: Option<PartialDate>,
    /// Only entities of this kind.
    pub kind: Option<EntityKind>,
    /// Only entities in this country (or inside this entity) on `as_of` (today when
    /// None).
    pub country: Option<EntityId>,
    /// At most this many matches.
    pub limit: usize,
}

impl Default for Resolve {
    fn default() -> Self {
        Self {
            as_of: None,
            kind: None,
            country: None,
            limit: 5,
        }
    }
}

impl Resolve {
    /// The default options on a date.
    pub fn on(as_of: PartialDate) -> Self {
        Self {
            as_of: Some(as_of),
            ..Self::default()
        }
    }
}

/// Every name of every entity, filed by (entity, name) position.
pub(crate) fn build_index(entities: &[Entity]) -> NameIndex<(u32, u32)> {
    let always = crate::time::Period::always();
    let mut index = NameIndex::new();
    for (i, e) in entities.iter().enumerate() {
        let keys: Vec<String> = e
            .names
            .iter()
            .map(|n| kzrel_names::match_key(&n.text))
            .collect();
        for (j, n) in e.names.iter().enumerate() {
            // An undated spelling (a GeoNames alternate) of a name the data dates is
            // filed as the dated one, so that its period counts when ranking.
            let dated = (n.period == always)
                .then(|| {
                    (0..e.names.len()).find(|&k| e.names[k].period != always && keys[k] == keys[j])
                })
                .flatten()
                .unwrap_or(j);
            let pos = (
                u32::try_from(i).unwrap_or(u32::MAX),
                u32::try_from(dated).unwrap_or(u32::MAX),
            );
            index.add(&n.text, pos);
        }
    }
    index
}

impl Dataset {
    /// The entities `query` may name, best first, at most `opts.limit`: each with a
    /// score in [0, 1], the method, the name met and notes. Ambiguity is kept ("Altai":
    /// the krai, the republic, the town, the prefecture), and a former name still finds
    /// its entity on any date, with a note when it was not in use then.
    pub fn resolve(&self, query: &str, opts: &Resolve) -> Vec<Match<'_>> {
        self.rank(self.name_index().lookup(query), opts)
    }

    /// The entities behind the index's hits, weighed by `opts`, best first.
    fn rank<'a>(&'a self, hits: Vec<Hit<'a, (u32, u32)>>, opts: &Resolve) -> Vec<Match<'a>> {
        let on = opts.as_of.unwrap_or_else(PartialDate::today);
        self.rank_on(hits, opts, on)
    }

    /// [`rank`](Self::rank) with the date the matches are read on.
    fn rank_on<'a>(
        &'a self,
        hits: Vec<Hit<'a, (u32, u32)>>,
        opts: &Resolve,
        on: PartialDate,
    ) -> Vec<Match<'a>> {
        // The best match of each entity; a mention has few, so a list, not a map.
        let mut best: Vec<(u32, Match<'a>)> = Vec::with_capacity(hits.len());
        for hit in hits {
            let (i, j) = *hit.payload;
            let entity = &self.entities()[i as usize];
            let name = &entity.names[j as usize];
            if opts.kind.is_some_and(|k| entity.kind != k) {
                continue;
            }
            if let Some(c) = &opts.country {
                if !self.is_within(entity, c, &on) {
                    continue;
                }
            }
            let mut score = hit.score;
            let mut notes = Vec::new();
            let method = match (hit.method, name.kind) {
                (Method::Fuzzy, _) => MatchMethod::Fuzzy,
                (_, NameKind::Abbreviation) => MatchMethod::Abbreviation,
                (_, NameKind::Historical) => MatchMethod::Historical,
                (Method::Exact, _) => MatchMethod::Exact,
                (Method::Key | Method::Bare, _) => MatchMethod::Key,
                (Method::Inflection, _) => MatchMethod::Inflection,
            };
            if hit.method == Method::Bare {
                notes.push(format!(
                    "matched \"{}\" without its type word, or with one it lacks",
                    name.text
                ));
            }
            // Names without a language (GeoNames' alternates) and exonyms weigh a little
            // less than the entity's own names, so that ties fall to the latter.
            if name.lang.as_str() == "und" || name.kind == NameKind::Variant {
                score -= 0.02;
            }
            if !name.period.includes(&on) {
                if opts.as_of.is_some() {
                    // Below a match without the type word (0.8): a name another entity
                    // bore then beats one this entity did not bear yet or any more.
                    score *= 0.75;
                    notes.push(format!(
                        "\"{}\" was not in use on {on} (in use {})",
                        name.text, name.period
                    ));
                } else {
                    notes.push(format!(
                        "\"{}\" is a former name (in use {})",
                        name.text, name.period
                    ));
                }
            } else if opts.as_of.is_some() && name.period != crate::time::Period::always() {
                score = (score + 0.02).min(1.0);
            }
            if opts.as_of.is_some() && !entity.exists(&on) {
                score *= 0.7;
                notes.push(format!(
                    "{} did not exist on {on} (it existed {})",
                    entity.id, entity.period
                ));
            }
            let score = score.clamp(0.0, 1.0);
            let m = Match {
                entity,
                score,
                method,
                matched: name,
                notes,
            };
            match best.iter_mut().find(|(e, _)| *e == i) {
                Some((_, b)) if b.score >= m.score => {}
                Some((_, b)) => *b = m,
                None => best.push((i, m)),
            }
        }
        let mut out: Vec<Match<'a>> = best.into_iter().map(|(_, m)| m).collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| kind_rank(a.entity.kind).cmp(&kind_rank(b.entity.kind)))
                .then_with(|| a.entity.id.cmp(&b.entity.id))
        });
        out.truncate(opts.limit);
        out
    }
}

/// Among equal scores, a country first, then a city before a region: a name without a
/// type word that a city and a region share (Ташкент) names the city.
fn kind_rank(k: EntityKind) -> u8 {
    match k {
        EntityKind::Country => 0,
        EntityKind::City => 1,
        EntityKind::Region => 2,
        EntityKind::District => 3,
        EntityKind::Organization => 4,
        EntityKind::Company => 5,
        EntityKind::Person => 6,
    }
}

/// A mention of an entity in running text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention<'a> {
    /// Where it starts in the text, in bytes.
    pub start: usize,
    /// Where it ends, in bytes (exclusive).
    pub end: usize,
    /// The text of the mention.
    pub text: &'a str,
    /// The entities it may name, best first (empty when a filter left none).
    pub candidates: Vec<Match<'a>>,
}

impl Dataset {
    /// Every mention of a known place, organization or person in `text`, in text order:
    /// spans of up to five words that a name of the dataset meets in any script, case
    /// form or romanization, read leftmost-longest, each resolved with `opts` (its date
    /// weighs former names; its kind and country filter, and a mention left without
    /// candidates is dropped).
    pub fn extract<'a>(&'a self, text: &'a str, opts: &Resolve) -> Vec<Mention<'a>> {
        let on = opts.as_of.unwrap_or_else(PartialDate::today);
        // Which mentions have a type word: their own, or one a list lends them.
        let mut typed = Vec::new();
        let mut keys = Keys::default();
        // A text names the same things by the same words many times: each surface is
        // ranked once (the scanner's hits for a text are always the same, except for an
        // item of a list, which takes its type word from elsewhere).
        let mut ranked: HashMap<&'a str, Vec<Match<'a>>> = HashMap::new();
        let mut mentions: Vec<Mention<'a>> = Vec::new();
        for span in kzrel_names::scan(self.name_index(), text) {
            let lent = span.lent_type;
            let surface = &text[span.start..span.end];
            let rank = |hits| {
                // The scanner's hits are the lookup of the span; ranked as resolve ranks.
                let mut candidates = self.rank_on(hits, opts, on);
                // An abbreviation names only in capitals: "On" and "Он" are not ООН.
                if !looks_abbreviated(surface) {
                    candidates.retain(|c| {
                        c.matched.text.len() > 24 || !looks_abbreviated(&c.matched.text)
                    });
                }
                candidates
            };
            let candidates = if lent {
                rank(span.hits)
            } else {
                ranked
                    .entry(surface)
                    .or_insert_with(|| rank(span.hits))
                    .clone()
            };
            if candidates.is_empty() {
                continue;
            }
            typed.push(lent || (candidates.len() > 1 && keys.has_type_word(surface)));
            mentions.push(Mention {
                start: span.start,
                end: span.end,
                text: surface,
                candidates,
            });
        }
        weigh_context(&mut mentions, &typed, on, &mut keys);
        mentions
    }
}

/// The keys of the texts one extraction looks at, each worked out once: a text names
/// the same few entities by the same few names many times.
#[derive(Default)]
struct Keys<'a> {
    /// A text's match key without type words, and whether it had any.
    bare: HashMap<&'a str, (String, bool)>,
}

impl<'a> Keys<'a> {
    fn get(&mut self, text: &'a str) -> &(String, bool) {
        self.bare.entry(text).or_insert_with(|| {
            let key = kzrel_names::match_key(text);
            let bare = kzrel_names::bare_key(&key);
            let typed = bare != key;
            (bare, typed)
        })
    }

    /// The match key of `text` without its type words.
    fn bare(&mut self, text: &'a str) -> &str {
        &self.get(text).0
    }

    /// Whether a name has a type word (region, облысы, край…).
    fn has_type_word(&mut self, text: &'a str) -> bool {
        self.get(text).1
    }
}

/// Written as an abbreviation: two capitals or more in a word (ООН, `ҚазҰУ`,
/// ЕҚЫҰ-дағы).
fn looks_abbreviated(text: &str) -> bool {
    text.split(' ').any(|w| {
        w.chars()
            .filter(|c| {
                if c.is_ascii() {
                    c.is_ascii_uppercase()
                } else {
                    c.is_uppercase()
                }
            })
            .nth(1)
            .is_some()
    })
}

/// A mention found by its own name: its best candidate, when the name is that entity's
/// (not one without its type word) and no other comes near.
fn clear_best<'a>(m: &Mention<'a>) -> Option<&'a EntityId> {
    let best = m.candidates.first()?;
    let near = m
        .candidates
        .get(1)
        .is_some_and(|c| best.score - c.score < 0.1);
    (best.score >= 0.9 && !near).then_some(&best.entity.id)
}

/// Let the text choose among a mention's candidates: one that another mention names
/// clearly by the same name with its type word (Altai Krai, then "Altai"), or whose
/// parent another mention names (the city of Pavlodar in a text on Pavlodar Region),
/// gains weight and a note, and the candidates are ranked again. A mention with a type
/// word (Павлодарской области) lends nothing to candidates whose name has none.
fn weigh_context<'a>(
    mentions: &mut [Mention<'a>],
    typed: &[bool],
    on: PartialDate,
    keys: &mut Keys<'a>,
) {
    /// What support from the rest of the text adds to a candidate's score: the same
    /// name with its type word elsewhere, more than a type word's absence costs (1 against
    /// 0.8); a parent named elsewhere, less.
    const SAME_NAME: f64 = 0.25;
    const PARENT: f64 = 0.2;
    // The entities some mention with several candidates may name, and their parents:
    // only their clear mentions matter.
    let wanted: HashSet<&EntityId> = mentions
        .iter()
        .filter(|m| m.candidates.len() > 1)
        .flat_map(|m| &m.candidates)
        .flat_map(|c| std::iter::once(&c.entity.id).chain(c.entity.parent(&on)))
        .collect();
    if wanted.is_empty() {
        return;
    }
    // Each entity named clearly: how often, and the names without type words it is
    // named by.
    let mut named: HashMap<&EntityId, (usize, Vec<String>)> = HashMap::new();
    for m in mentions.iter() {
        if let Some(id) = clear_best(m).filter(|id| wanted.contains(id)) {
            let entry = named.entry(id).or_default();
            entry.0 += 1;
            entry.1.push(keys.bare(m.text).to_string());
        }
    }
    for (m, &typed) in mentions.iter_mut().zip(typed) {
        if m.candidates.len() < 2 {
            continue;
        }
        let own = clear_best(m);
        let elsewhere = |id: &EntityId| {
            named
                .get(id)
                .filter(|(n, _)| *n > usize::from(own == Some(id)))
                .map(|(_, names)| names)
        };
        let mut ranked: Vec<(f64, Match<'a>)> = Vec::with_capacity(m.candidates.len());
        for mut c in m.candidates.drain(..) {
            let mut weight = c.score;
            let matched: &'a str = &c.matched.text;
            let support = if typed && !keys.has_type_word(matched) {
                None
            } else if elsewhere(&c.entity.id)
                .is_some_and(|names| names.iter().any(|n| n == keys.bare(matched)))
            {
                Some((
                    SAME_NAME,
                    format!(
                        "the text names {} by this name with its type word",
                        c.entity.id
                    ),
                ))
            } else {
                c.entity
                    .parent(&on)
                    .filter(|p| elsewhere(p).is_some())
                    .map(|p| {
                        (
                            PARENT,
                            format!("its parent {p} is named elsewhere in the text"),
                        )
                    })
            };
            if let Some((gain, note)) = support {
                weight += gain;
                c.score = weight.min(1.0);
                c.notes.push(note);
            }
            ranked.push((weight, c));
        }
        // Among equals, a mention with a type word ("Ташкент облысы") names the region,
        // one without ("Ташкент") the city.
        let rank = |k: EntityKind| match k {
            EntityKind::Region if typed => 1,
            EntityKind::City if typed => 2,
            k => kind_rank(k),
        };
        ranked.sort_by(|(wa, a), (wb, b)| {
            wb.total_cmp(wa)
                .then_with(|| rank(a.entity.kind).cmp(&rank(b.entity.kind)))
                .then_with(|| a.entity.id.cmp(&b.entity.id))
        });
        m.candidates = ranked.into_iter().map(|(_, c)| c).collect();
    }
}
