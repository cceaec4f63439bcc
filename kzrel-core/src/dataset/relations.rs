//! Checking relation records against the entities and sources they cite.
//!
//! A relation's parties and place may be written as any key the dataset takes (a kzrel
//! id, an ISO code, `geonames:<id>`); they are stored as kzrel ids. A party that names no
//! entity gets the nearest entity by name as a suggestion ("Korgan region" → Kurgan
//! Oblast).

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use super::builder::RawRelation;
use super::{Dataset, Problem, Source};
use crate::id::RelationId;
use crate::relation::Relation;

/// Words that say what sort of place a name is, left out when names are compared.
const GENERIC: &[&str] = &[
    "region",
    "oblast",
    "oblysy",
    "province",
    "krai",
    "kray",
    "district",
    "city",
    "town",
    "область",
    "облысы",
    "обл",
    "край",
    "район",
    "ауданы",
    "город",
    "қаласы",
    "of",
    "the",
];

fn bare(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !GENERIC.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Dataset {
    /// The entity whose name is nearest to `text`, shown as its English name (or first
    /// name) with its id and ISO code: for a did-you-mean.
    pub(crate) fn nearest_by_name(&self, text: &str) -> Option<String> {
        let want = bare(text);
        if want.is_empty() {
            return None;
        }
        let mut best: Option<(f64, usize)> = None;
        for (i, e) in self.entities.iter().enumerate() {
            for n in &e.names {
                let score = strsim::jaro_winkler(&want, &bare(&n.text));
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, i));
                }
            }
        }
        let (score, i) = best?;
        if score < 0.85 {
            return None;
        }
        let e = &self.entities[i];
        let today = crate::time::PartialDate::today();
        let name = e
            .name("en", &today)
            .or_else(|| e.names.first())
            .map_or(e.id.as_str(), |n| n.text.as_str());
        Some(match &e.external.iso3166 {
            Some(code) => format!("{name} ({}, {code})", e.id),
            None => format!("{name} ({})", e.id),
        })
    }
}

/// Resolve, parse and check the raw relation records; the relations that check out,
/// and the problems of those that do not (with their file and line).
pub(super) fn check(
    ds: &Dataset,
    sources: &BTreeMap<String, Source>,
    raw: Vec<(RawRelation, String, usize)>,
) -> (Vec<Relation>, Vec<Problem>) {
    let mut relations = Vec::with_capacity(raw.len());
    let mut problems = Vec::new();
    let mut seen: HashMap<RelationId, (String, usize)> = HashMap::new();
    for (raw, file, line) in raw {
        let mut at = |message: String| {
            problems.push(Problem {
                file: file.clone(),
                line: Some(line),
                message,
            });
        };
        let Some((r, keep)) = parse(ds, raw, &mut at) else {
            continue;
        };
        let mut sound = true;
        for p in r.problems() {
            at(format!("{}: {p}", r.id));
            sound = false;
        }
        for c in &r.sources {
            if !sources.contains_key(&c.source) {
                let hint =
                    super::builder::did_you_mean(sources.keys().map(String::as_str), &c.source);
                at(format!(
                    "{}: cites unknown source {:?}{hint}",
                    r.id, c.source
                ));
                sound = false;
            }
        }
        if let Some((f2, l2)) = seen.get(&r.id) {
            at(format!(
                "relation id {:?} is used again (first at {f2}:{l2})",
                r.id.as_str()
            ));
            continue;
        }
        seen.insert(r.id.clone(), (file.clone(), line));
        if sound && keep {
            relations.push(r);
        }
    }
    (relations, problems)
}

/// The relation a raw record holds, with whether to keep it (false when a key named
/// nothing: the record is parsed on with a stand-in, so that all its problems show at
/// once); None when it cannot be read at all. Problems go to `at`.
fn parse(ds: &Dataset, raw: RawRelation, at: &mut impl FnMut(String)) -> Option<(Relation, bool)> {
    // The data files name parties by kzrel id: such a line parses straight to a
    // relation. Any other goes the long way, which resolves keys and names problems.
    if let RawRelation::Line(text) = &raw {
        if let Ok(r) = serde_json::from_str::<Relation>(text) {
            if r.entities()
                .chain(r.place.as_ref())
                .all(|e| ds.by_id.contains_key(e))
            {
                return Some((r, true));
            }
        }
    }
    let mut value = match raw {
        RawRelation::Value(v) => v,
        RawRelation::Line(text) => match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                at(e.to_string());
                return None;
            }
        },
    };
    let id = value
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("(no id)")
        .to_string();
    let mut unresolved = Vec::new();
    resolve_keys(ds, &mut value, &mut unresolved);
    for (field, key) in &unresolved {
        let hint = ds
            .nearest_by_name(key)
            .or_else(|| ds.entity(key).err().and_then(|e| e.suggestion))
            .map_or(String::new(), |s| format!("; did you mean {s}?"));
        at(format!(
            "{id}: {field}: {key:?} names no entity (a kzrel id, ISO code or geonames:<id>){hint}"
        ));
    }
    match serde_json::from_value(value) {
        Ok(r) => Some((r, unresolved.is_empty())),
        Err(e) => {
            at(format!("{id}: {e}"));
            None
        }
    }
}

/// The stand-in id for a key that names no entity.
const UNRESOLVED: &str = "unresolved";

/// Replace every party's entity key and the place by the kzrel id it names; collect
/// the keys that name nothing as (field, key). A record of the wrong shape is left for
/// the parse that follows to report.
fn resolve_keys(ds: &Dataset, value: &mut Value, unresolved: &mut Vec<(String, String)>) {
    let mut resolve = |field: String, slot: &mut Value| {
        if let Some(key) = slot.as_str() {
            if let Ok(e) = ds.entity(key) {
                *slot = Value::String(e.id.as_str().to_string());
            } else {
                unresolved.push((field, key.to_string()));
                *slot = Value::String(UNRESOLVED.into());
            }
        }
    };
    if let Some(place) = value.get_mut("place") {
        resolve("place".into(), place);
    }
    if let Some(Value::Array(parties)) = value.get_mut("parties") {
        for (i, p) in parties.iter_mut().enumerate() {
            if let Some(slot) = p.get_mut("entity") {
                resolve(format!("parties[{i}].entity"), slot);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::bare;

    #[test]
    fn generic_words_are_left_out() {
        assert_eq!(bare("Korgan region"), "korgan");
        assert_eq!(bare("Курганской области"), "курганской области");
        assert_eq!(bare("Kurgan Oblast"), "kurgan");
    }
}
