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
mod relations;

pub use amend::Amendment;
pub use builder::DatasetBuilder;

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
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
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
    /// None), in load order. An unknown country is an error.
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
                    self.country_of(e, as_of.unwrap_or(&PartialDate::today()))
                        .is_some_and(|x| x.id == c.id)
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
            at = self.entity(at.parent(as_of)?.as_str()).ok()?;
        }
        None
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

    fn nearest_key(&self, key: &str) -> Option<String> {
        let lower = key.to_lowercase();
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
mod tests {
    use super::*;

    const SOURCES: &str = "[s]\ntitle = \"A source\"\n";

    fn build(lines: &str) -> Result<Dataset, LoadError> {
        let mut b = Dataset::builder();
        b.sources_toml("sources.toml", SOURCES);
        b.jsonl("mine.jsonl", lines);
        b.build()
    }

    #[test]
    fn the_embedded_dataset_loads_and_finds_by_every_key() {
        let ds = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        let count = |k| ds.entities().iter().filter(|e| e.kind == k).count();
        // The 249 ISO 3166-1 countries, the USSR and the Kazakh SSR.
        assert_eq!(count(EntityKind::Country), 251);
        for key in ["kz", "KZ", "KAZ", "kaz", " KZ "] {
            assert_eq!(ds.entity(key).unwrap().id.as_str(), "kz", "{key}");
        }
        let today = PartialDate::today();
        for (key, id, parent) in [
            ("KZ-63", "kz-shyghys-qazaqstan-oblysy", "kz"),
            ("RU-KGN", "ru-kurganskaya-oblast", "ru"),
            ("CN-XJ", "cn-xinjiang-uygur-zizhiqu", "cn"),
            ("BY-HO", "by-homielskaja-voblasc", "by"),
        ] {
            let e = ds.entity(key).unwrap();
            assert_eq!(e.id.as_str(), id);
            assert_eq!(e.parent(&today).map(EntityId::as_str), Some(parent));
        }
        assert_eq!(
            ds.entity("geonames:1520316").unwrap().id.as_str(),
            "kz-ust-kamenogorsk"
        );
        assert_eq!(
            ds.entity("geonames:1526273").unwrap().id.as_str(),
            "kz-astana"
        );
        let east = ds.entity("kz-63").unwrap();
        assert_eq!(
            east.name("kk", &today).unwrap().text,
            "Шығыс Қазақстан облысы"
        );
        assert_eq!(
            east.name("ru", &today).unwrap().text,
            "Восточно-Казахстанская область"
        );
        let e = ds.entity("Kazakstan").unwrap_err();
        assert_eq!(e.key, "Kazakstan");
        let e = ds.entity("geonames:1").unwrap_err();
        assert!(e.to_string().contains("geonames:<id>"), "{e}");
        assert!(ds.source("iso-codes").is_some());
    }

    #[test]
    fn amendments_apply_across_files_and_their_problems_point_at_them() {
        let mut b = Dataset::builder();
        b.sources_toml("sources.toml", SOURCES);
        b.jsonl(
            "late.jsonl",
            concat!(
                r#"{"amends": "a", "names": [{"text": "Old A", "lang": "en", "script": "Latn", "kind": "historical", "period": "../1990", "source": "s"}], "parents": [{"id": "p", "period": "1991/.."}]}"#,
                "\n",
                r#"{"amends": "aa", "names": []}"#,
                "\n",
                r#"{"amends": "a", "parents": [{"id": "p"}]}"#,
                "\n",
                r#"{"amends": "p", "names": [{"text": "P2", "lang": "en", "script": "Latn", "kind": "short", "source": "nope"}], "predecessors": [{"id": "zz"}]}"#,
                "\n",
                r#"{"amends": "p", "external": {"iso3166": "PP"}}"#,
            ),
        );
        b.jsonl(
            "base.jsonl",
            concat!(
                r#"{"id": "p", "kind": "country", "names": [{"text": "P", "lang": "en", "script": "Latn", "kind": "short"}], "external": {"iso3166": "PQ"}}"#,
                "\n",
                r#"{"id": "a", "kind": "region", "names": [{"text": "A", "lang": "en", "script": "Latn", "kind": "short"}]}"#,
            ),
        );
        let text = b.build().unwrap_err().to_string();
        for want in [
            "late.jsonl:2: amends unknown entity \"aa\"; did you mean \"a\"?",
            "late.jsonl:3: amends the parents of a again (first at late.jsonl:1)",
            "late.jsonl:4: amends p: links to unknown entity \"zz\"",
            "late.jsonl:4: amends p: cites unknown source \"nope\"",
            "late.jsonl:5: amends p: iso3166 \"PP\" conflicts with \"PQ\" already there",
        ] {
            assert!(text.contains(want), "missing {want:?} in:\n{text}");
        }
        assert!(!text.contains("base.jsonl"), "{text}");

        let mut b = Dataset::builder();
        b.sources_toml("sources.toml", SOURCES);
        b.jsonl(
            "late.jsonl",
            r#"{"amends": "a", "names": [{"text": "Old A", "lang": "en", "script": "Latn", "kind": "historical", "period": "../1990", "source": "s"}], "parents": [{"id": "p", "period": "1991/.."}]}"#,
        );
        b.jsonl(
            "base.jsonl",
            concat!(
                r#"{"id": "p", "kind": "country", "names": [{"text": "P", "lang": "en", "script": "Latn", "kind": "short"}]}"#,
                "\n",
                r#"{"id": "a", "kind": "region", "names": [{"text": "A", "lang": "en", "script": "Latn", "kind": "short"}]}"#,
            ),
        );
        let ds = b.build().unwrap_or_else(|e| panic!("{e}"));
        let a = ds.entity("a").unwrap_or_else(|e| panic!("{e}"));
        let on = |s: &str| s.parse::<PartialDate>().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            a.name("en", &on("1980")).map(|n| n.text.as_str()),
            Some("Old A")
        );
        assert_eq!(a.parent(&on("2000")).map(EntityId::as_str), Some("p"));
        assert_eq!(a.parent(&on("1990")), None);
    }

    #[test]
    fn relations_resolve_keys_and_name_what_is_wrong() {
        let mut b = Dataset::builder_with_embedded();
        b.sources_toml("mine.toml", "[mine]\ntitle = \"My notes\"\n");
        b.jsonl(
            "rel.jsonl",
            concat!(
                r#"{"id": "m-1", "kind": "agreement", "subkind": "agreement", "parties": [{"entity": "KZ-59", "role": "signatory"}, {"entity": "RU-OMS", "role": "signatory"}], "date": "2001-09-03", "place": "geonames:1496153", "summary": "An agreement.", "sources": [{"source": "mine", "locator": "p. 1", "quote": "signed"}]}"#,
                "\n",
                r#"{"id": "m-2", "kind": "agreement", "parties": [{"entity": "Korgan region", "role": "signatory"}], "summary": "s", "sources": [{"source": "mine", "quote": "q"}]}"#,
                "\n",
                r#"{"id": "m-1", "kind": "event", "subkind": "treaty", "parties": [{"entity": "kz", "role": "host"}], "summary": "s", "sources": [{"source": "nope", "quote": "q"}], "wehn": 1}"#,
                "\n",
                r#"{"id": "m-3", "kind": "event", "subkind": "treaty", "parties": [{"entity": "kz", "role": "host"}], "summary": "s", "sources": [{"source": "nope", "quote": "q"}]}"#,
            ),
        );
        let text = b.build().unwrap_err().to_string();
        for want in [
            "rel.jsonl:2: m-2: parties[0].entity: \"Korgan region\" names no entity",
            "did you mean Kurgan Oblast (ru-kurganskaya-oblast, RU-KGN)?",
            "rel.jsonl:3: m-1: unknown field `wehn`",
            "rel.jsonl:4: m-3: subkind treaty does not belong to kind event",
            "rel.jsonl:4: m-3: cites unknown source \"nope\"",
        ] {
            assert!(text.contains(want), "missing {want:?} in:\n{text}");
        }

        let mut b = Dataset::builder_with_embedded();
        b.sources_toml("mine.toml", "[mine]\ntitle = \"My notes\"\n");
        b.jsonl(
            "rel.jsonl",
            r#"{"id": "m-1", "kind": "agreement", "parties": [{"entity": "KZ-59", "role": "signatory"}, {"entity": "RU-OMS", "role": "signatory"}], "date": "2001-09-03", "summary": "An agreement.", "sources": [{"source": "mine", "quote": "signed"}]}"#,
        );
        let ds = b.build().unwrap_or_else(|e| panic!("{e}"));
        let r = ds
            .relation("m-1")
            .unwrap_or_else(|| panic!("m-1 is loaded"));
        let ids: Vec<&str> = r.entities().map(EntityId::as_str).collect();
        assert_eq!(ids, ["kz-soltustik-qazaqstan-oblysy", "ru-omskaya-oblast"]);
    }

    #[test]
    fn a_link_to_a_parent_or_seat_that_did_not_exist_then_is_a_problem() {
        let lines = concat!(
            r#"{"id": "old", "kind": "region", "period": "1967-12-23/1997-04-22", "names": [{"text": "Old", "lang": "en", "script": "Latn", "kind": "official"}]}"#,
            "\n",
            r#"{"id": "d", "kind": "district", "names": [{"text": "D", "lang": "en", "script": "Latn", "kind": "official"}], "parents": [{"id": "old", "period": "1944/1959"}, {"id": "old", "period": "1967-12-23/1997-04-21"}]}"#,
            "\n",
            r#"{"amends": "old", "seats": [{"id": "d", "period": "1960"}]}"#,
            "\n",
            r#"{"amends": "d", "seats": [{"id": "old", "period": "2000/.."}]}"#,
        );
        let text = build(lines).unwrap_err().to_string();
        assert!(
            text.contains("mine.jsonl:2: d: parent old is linked for 1944/1959, but it existed 1967-12-23/1997-04-22"),
            "{text}"
        );
        assert!(
            text.contains("mine.jsonl:4: amends d: seat old is linked for 2000/.."),
            "{text}"
        );
        assert_eq!(
            LoadError::problems(&build(lines).unwrap_err()).len(),
            2,
            "{text}"
        );
    }

    #[test]
    fn every_problem_is_reported_with_file_and_line_and_nothing_loads() {
        let lines = concat!(
            r#"{"id": "a", "kind": "country", "names": [{"text": "A", "lang": "en", "script": "Latn", "kind": "short", "source": "s"}], "external": {"iso3166": "AA"}}"#,
            "\n# a comment\n\n",
            r#"{"id": "a", "kind": "country", "names": [{"text": "A2", "lang": "en", "script": "Latn", "kind": "short"}]}"#,
            "\n",
            r#"{"id": "b", "kind": "region", "names": [{"text": "B", "lang": "en", "script": "Latn", "kind": "short", "source": "nope"}], "parents": [{"id": "zz"}], "external": {"iso3166": "aa"}}"#,
            "\n",
            r#"{"id": "C", "kind": "country", "names": []}"#,
            "\n",
        );
        let err = build(lines).unwrap_err();
        let text = err.to_string();
        for want in [
            "mine.jsonl:4: id \"a\" is used again (first at mine.jsonl:1)",
            "mine.jsonl:5: ISO code \"aa\" is given to two entities",
            "mine.jsonl:5: b: links to unknown entity \"zz\"",
            "mine.jsonl:5: b: cites unknown source \"nope\"",
            "mine.jsonl:6:",
            "did you mean \"c\"",
        ] {
            assert!(text.contains(want), "missing {want:?} in:\n{text}");
        }
        assert_eq!(err.problems().len(), 5, "{text}");
    }

    #[test]
    fn selection_by_kind_country_and_date() {
        let ds = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
        let today = PartialDate::today();
        let kz_regions = ds
            .select(Some(EntityKind::Region), Some("KZ"), Some(&today))
            .unwrap();
        assert_eq!(kz_regions.len(), 17);
        let kz_cities = ds.select(Some(EntityKind::City), Some("kz"), None).unwrap();
        assert_eq!(kz_cities.len(), 110);
        assert!(ds.select(None, Some("Kazakstan"), None).is_err());
        let east = ds.entity("KZ-63").unwrap();
        assert_eq!(ds.country_of(east, &today).unwrap().id.as_str(), "kz");
        let abai = ds.entity("KZ-10").unwrap();
        assert_eq!(ds.successors(east), vec![abai]);
        let semipalatinsk = ds.entity("kz-semipalatinsk-oblast").unwrap();
        assert_eq!(ds.successors(semipalatinsk), vec![east]);
    }

    #[test]
    fn files_extend_the_embedded_data_or_fail_whole() {
        let dir = std::env::temp_dir().join(format!("kzrel-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mine = dir.join("mine.jsonl");
        std::fs::write(
            &mine,
            concat!(
                r#"{"id": "kz-my-village", "kind": "city", "subkind": "village", "names": [{"text": "My Village", "lang": "en", "script": "Latn", "kind": "short", "source": "my-notes"}], "parents": [{"id": "kz-shyghys-qazaqstan-oblysy"}]}"#,
                "\n"
            ),
        )
        .unwrap();
        let notes = dir.join("notes.toml");
        std::fs::write(&notes, "[my-notes]\ntitle = \"Field notes\"\n").unwrap();
        let mut b = Dataset::builder_with_embedded();
        b.file(&mine).file(&notes);
        let ds = b.build().unwrap_or_else(|e| panic!("{e}"));
        let v = ds.entity("kz-my-village").unwrap();
        let today = PartialDate::today();
        assert_eq!(ds.country_of(v, &today).unwrap().id.as_str(), "kz");

        let mut b = Dataset::builder_with_embedded();
        b.file(&mine)
            .file(&dir.join("missing.toml"))
            .file(&dir.join("notes.txt"));
        let err = b.build().unwrap_err().to_string();
        assert!(err.contains("missing.toml: cannot read it"), "{err}");
        assert!(err.contains("notes.txt: unknown kind of file"), "{err}");
        assert!(err.contains("cites unknown source \"my-notes\""), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn twins_under_one_parent_are_reported() {
        let twin = |id: &str| {
            format!(
                r#"{{"id": "{id}", "kind": "city", "names": [{{"text": "Same", "lang": "en", "script": "Latn", "kind": "official"}}], "parents": [{{"id": "p"}}]}}"#
            )
        };
        let parent = r#"{"id": "p", "kind": "region", "names": [{"text": "P", "lang": "en", "script": "Latn", "kind": "official"}]}"#;
        let err = build(&format!("{parent}\n{}\n{}\n", twin("a"), twin("b"))).unwrap_err();
        assert!(
            err.to_string()
                .contains("mine.jsonl:3: b: official name \"Same\" (en) is also that of a"),
            "{err}"
        );
        let other_kind = twin("c").replace(r#""kind": "city""#, r#""kind": "district""#);
        assert!(build(&format!("{parent}\n{}\n{other_kind}\n", twin("a"))).is_ok());
    }

    #[test]
    fn a_bad_sources_file_is_reported() {
        let mut b = Dataset::builder();
        b.sources_toml("sources.toml", "[s]\ntitel = \"x\"\n");
        let err = b.build().unwrap_err();
        assert!(err.to_string().contains("titel"), "{err}");
    }

    #[test]
    fn suggestions_come_from_ids_and_codes() {
        let ds = build(concat!(
            r#"{"id": "kz-abai-region", "kind": "region", "names": [{"text": "Abai", "lang": "en", "script": "Latn", "kind": "short"}], "external": {"iso3166": "KZ-10"}}"#,
            "\n"
        ))
        .unwrap();
        assert_eq!(ds.entity("kz-10").unwrap().id.as_str(), "kz-abai-region");
        assert_eq!(
            ds.entity("kz-abay-region")
                .unwrap_err()
                .suggestion
                .as_deref(),
            Some("kz-abai-region")
        );
        assert_eq!(ds.entity("xyz").unwrap_err().suggestion, None);
    }
}
