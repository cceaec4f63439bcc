//! The dataset: entities and the sources they cite, checked as a whole and indexed for
//! lookup by kzrel id, ISO 3166 code and GeoNames id; the embedded default.
//!
//! ```
//! use kzrel_core::dataset::Dataset;
//! let ds = Dataset::embedded()?;
//! let kz = ds.entity("KZ")?;
//! assert_eq!(kz.id.as_str(), "kz");
//! assert_eq!(ds.entity("kz")?.id, ds.entity("KAZ")?.id);
//! let today = "2026".parse()?;
//! assert_eq!(kz.name("kk", &today).map(|n| n.text.as_str()), Some("Қазақстан"));
//! let e = ds.entity("KZZ").unwrap_err();
//! assert!(e.to_string().contains("did you mean"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::entity::{Entity, EntityKind};
use crate::id::{EntityId, RelationId};
use crate::relation::Relation;
use crate::time::PartialDate;

mod amend;
mod builder;
mod cycles;
mod location;
mod read;
mod relations;

pub use amend::Amendment;
pub use builder::DatasetBuilder;
pub use location::{Location, LocationBasis};

/// A document or data set the dataset cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Its title.
    pub title: String,
    /// Its authors, as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The journal, book or site it appeared in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    /// The year it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The languages of its text (ISO 639).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<crate::id::LangCode>,
    /// Its DOI, where printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// Its ISBN, where printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isbn: Option<String>,
    /// The file name of the copy among the project's seed documents, when it is one;
    /// tests check quotes against it when it is at hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// Who publishes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The copy that was read, when it came through another package or edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Its licence (SPDX), where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Where it is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How the dataset uses it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One thing wrong with the input: where (file, line), what, and a fix when one is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (or other origin) that was read.
    pub file: String,
    /// The 1-based line, for line-oriented files.
    pub line: Option<usize>,
    /// What is wrong, naming the field and the value.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Line 0 stands for a record that has no line of its own: a TOML table's
        // `[[entity]] #2`, whose place is in the file name shown.
        match self.line {
            Some(line) if line > 0 => write!(f, "{}:{}: {}", self.file, line, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Why a dataset could not be built: every problem found, not only the first. Nothing is
/// loaded when there is any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    problems: Vec<Problem>,
}

impl LoadError {
    /// Every problem found: those of reading, then of each record, then across records.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

/// Problems shown in a message before "and N more".
const SHOWN: usize = 20;

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{n} problem{} in the dataset:",
            if n == 1 { "" } else { "s" }
        )?;
        for p in self.problems.iter().take(SHOWN) {
            write!(f, "\n  {p}")?;
        }
        if n > SHOWN {
            write!(f, "\n  … and {} more", n - SHOWN)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// A key that names no entity, with the nearest key that does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEntity {
    /// The key as given.
    pub key: String,
    /// The nearest kzrel id or ISO code, when one is close.
    pub suggestion: Option<String>,
}

impl fmt::Display for UnknownEntity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no entity {:?}", self.key)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean {s:?}?)")?;
        }
        f.write_str("; keys are kzrel ids (kz), ISO 3166 codes (KZ, KAZ, KZ-63) and geonames:<id>")
    }
}

impl std::error::Error for UnknownEntity {}

/// Entities and sources, checked and indexed.
#[derive(Debug, Default)]
pub struct Dataset {
    entities: Vec<Entity>,
    by_id: HashMap<EntityId, usize>,
    /// ISO 3166-1 alpha-2 and alpha-3 and ISO 3166-2 codes, upper case.
    by_iso: HashMap<String, usize>,
    by_geonames: HashMap<u32, usize>,
    sources: BTreeMap<String, Source>,
    relations: Vec<Relation>,
    by_relation: HashMap<RelationId, usize>,
    /// Every name, indexed for resolution on first use.
    names: OnceLock<kzrel_names::NameIndex<(u32, u32)>>,
}

// The data files under data/, listed by build.rs.
include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

impl Dataset {
    /// The dataset embedded in the library, read on first use and shared after.
    pub fn embedded() -> Result<Arc<Dataset>, LoadError> {
        static EMBEDDED: OnceLock<Result<Arc<Dataset>, LoadError>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| Self::builder_with_embedded().build().map(Arc::new))
            .clone()
    }

    /// The version of the embedded data: the crate's version and a digest of the data
    /// files (`0.1.0+data.3f2a…`), which changes with any change to them.
    pub fn embedded_version() -> String {
        format!(
            "{}+data.{}",
            env!("CARGO_PKG_VERSION"),
            &EMBEDDED_DIGEST[..12]
        )
    }

    /// A builder for a dataset of your own.
    pub fn builder() -> DatasetBuilder {
        DatasetBuilder::default()
    }

    /// A builder that starts from the embedded data, to extend it with your own files.
    pub fn builder_with_embedded() -> DatasetBuilder {
        let mut b = DatasetBuilder::default();
        for (file, text) in EMBEDDED_SOURCES {
            b.sources_toml(file, text);
        }
        for (file, text) in EMBEDDED_RECORDS {
            b.jsonl(file, text);
        }
        b
    }

    /// A builder that starts from the embedded entities and sources but none of the
    /// embedded relations: to load relations of your own, or an export, against the
    /// gazetteer.
    pub fn builder_with_embedded_entities() -> DatasetBuilder {
        let mut b = DatasetBuilder::default();
        for (file, text) in EMBEDDED_SOURCES {
            b.sources_toml(file, text);
        }
        for (file, text) in EMBEDDED_RECORDS {
            if !file.starts_with("data/relations/") {
                b.jsonl(file, text);
            }
        }
        b
    }

    /// The entity a key names: a kzrel id (`kz`), an ISO 3166-1 or 3166-2 code (`KZ`,
    /// `KAZ`, `KZ-63`, in any case) or `geonames:<id>`.
    pub fn entity(&self, key: &str) -> Result<&Entity, UnknownEntity> {
        self.position(key).map(|i| &self.entities[i])
    }

    /// Where the entity a key names stands in [`entities`](Self::entities).
    pub fn position(&self, key: &str) -> Result<usize, UnknownEntity> {
        let key = key.trim();
        let found = if let Some(n) = key.strip_prefix("geonames:") {
            n.parse().ok().and_then(|n: u32| self.by_geonames.get(&n))
        } else {
            self.by_id
                .get(key)
                .or_else(|| self.by_iso.get(&key.to_ascii_uppercase()))
        };
        found.copied().ok_or_else(|| UnknownEntity {
            key: key.to_string(),
            suggestion: self.nearest_key(key),
        })
    }

    /// Every entity, in load order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entities of `kind` (any when None) in `country` (a key, as for
    /// [`entity`](Self::entity); any when None) that exist on `as_of` (any time when
    /// None), in load order. An unknown country is an error. Without `as_of`, an entity
    /// is in the country it was in on its last day: today, or the day it ended (the
    /// regions Kazakhstan abolished in 1997 are Kazakh).
    pub fn select(
        &self,
        kind: Option<EntityKind>,
        country: Option<&str>,
        as_of: Option<&PartialDate>,
    ) -> Result<Vec<&Entity>, UnknownEntity> {
        let country = country.map(|c| self.entity(c)).transpose()?;
        Ok(self
            .entities
            .iter()
            .filter(|e| kind.is_none_or(|k| e.kind == k))
            .filter(|e| as_of.is_none_or(|d| e.exists(d)))
            .filter(|e| {
                country.is_none_or(|c| {
                    let on = as_of
                        .copied()
                        .or_else(|| e.period.end())
                        .unwrap_or_else(PartialDate::today);
                    self.country_of(e, &on).is_some_and(|x| x.id == c.id)
                })
            })
            .collect())
    }

    /// The country an entity is in on `as_of`: itself for a country, else the first
    /// country up its chain of parents.
    pub fn country_of<'a>(&'a self, entity: &'a Entity, as_of: &PartialDate) -> Option<&'a Entity> {
        let mut at = entity;
        // A chain longer than the dataset would have to loop; the loader forbids only
        // self-parents, so the bound guards against longer cycles.
        for _ in 0..=self.entities.len() {
            if at.kind == EntityKind::Country {
                return Some(at);
            }
            at = self.parent_of(at, as_of)?;
        }
        None
    }

    /// The parent of `entity` on `as_of`: the first link in force then to an entity that
    /// existed then. A link without dates holds only while both existed: Almaty's
    /// undated link to Kazakhstan gives no parent in 1980, before the republic was.
    pub fn parent_of<'a>(&'a self, entity: &Entity, as_of: &PartialDate) -> Option<&'a Entity> {
        if !entity.exists(as_of) {
            return None;
        }
        entity
            .parents
            .iter()
            .filter(|l| l.period.includes(as_of))
            .filter_map(|l| self.by_id.get(&l.id).map(|&i| &self.entities[i]))
            .find(|p| p.exists(as_of))
    }

    /// The parents of `entity` on `as_of`, nearest first, up to the top of its chain:
    /// Oskemen's are East Kazakhstan Region and Kazakhstan.
    pub fn ancestors<'a>(&'a self, entity: &Entity, as_of: &PartialDate) -> Vec<&'a Entity> {
        let mut out: Vec<&Entity> = Vec::new();
        let mut next = self.parent_of(entity, as_of);
        while let Some(p) = next {
            // The loader refuses cycles; this guards a dataset built some other way.
            if p.id == entity.id || out.iter().any(|a| a.id == p.id) {
                break;
            }
            out.push(p);
            next = self.parent_of(p, as_of);
        }
        out
    }

    /// The entities that name `entity` among their predecessors (East Kazakhstan Region
    /// for Semipalatinsk Oblast).
    pub fn successors<'a>(&'a self, entity: &Entity) -> Vec<&'a Entity> {
        self.entities
            .iter()
            .filter(|e| e.predecessors.iter().any(|l| l.id == entity.id))
            .collect()
    }

    /// How many entities there are.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Every relation, in load order.
    pub fn relations(&self) -> &[Relation] {
        &self.relations
    }

    /// A relation by its id.
    pub fn relation(&self, id: &str) -> Option<&Relation> {
        self.by_relation.get(id).map(|&i| &self.relations[i])
    }

    /// The index of every entity's names, built on first use.
    pub(crate) fn name_index(&self) -> &kzrel_names::NameIndex<(u32, u32)> {
        self.names
            .get_or_init(|| crate::resolve::build_index(&self.entities))
    }

    /// Where the relation with `id` stands in [`relations`](Self::relations).
    pub fn relation_position(&self, id: &str) -> Option<usize> {
        self.by_relation.get(id).copied()
    }

    fn set_relations(&mut self, relations: Vec<Relation>) {
        self.by_relation = relations
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        self.relations = relations;
    }

    /// A cited source, by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id)
    }

    /// Every source, by id.
    pub fn sources(&self) -> &BTreeMap<String, Source> {
        &self.sources
    }

    /// The key most likely meant by an unknown `key`: an id without its country prefix
    /// (`ust-kamenogorsk`), a name the entity is known by (`Oskemen`), else the closest
    /// id or code by spelling.
    fn nearest_key(&self, key: &str) -> Option<String> {
        let lower = key.trim().to_lowercase();
        if let Some(id) = self.by_id.keys().find(|id| {
            id.as_str()
                .split_once('-')
                .is_some_and(|(_, rest)| rest == lower)
        }) {
            return Some(id.as_str().to_string());
        }
        if !lower.starts_with("geonames:") && lower.chars().any(char::is_alphabetic) {
            let opts = crate::resolve::Resolve {
                limit: 1,
                ..crate::resolve::Resolve::default()
            };
            if let Some(m) = self
                .resolve(key, &opts)
                .into_iter()
                .find(|m| m.score >= 0.9)
            {
                return Some(m.entity.id.as_str().to_string());
            }
        }
        let ids = self
            .by_id
            .keys()
            .map(|k| (k.as_str().to_string(), k.as_str()));
        let codes = self.by_iso.keys().map(|k| (k.to_lowercase(), k.as_str()));
        ids.chain(codes)
            .map(|(cmp, shown)| (strsim::jaro_winkler(&lower, &cmp), shown))
            .filter(|&(score, _)| score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, shown)| shown.to_string())
    }
}

#[cfg(test)]
mod tests;
