//! Amendments: records that add to an entity defined in another file.
//!
//! The generated files (countries, ISO 3166-2 units, GeoNames cities) are rewritten by
//! their scripts; what a curator knows beyond them — Astana's former names with their
//! periods, Semey's region before and after 2022, an abbreviation, a researcher's own
//! alias — lives in amendments, so regenerating loses nothing:
//!
//! ```json
//! {"amends": "kz-semey", "subkind": "town",
//!  "names": [{"text": "Семипалатинск", "lang": "ru", "script": "Cyrl",
//!             "kind": "historical", "period": "../YYYY-MM-DD", "source": "s"}],
//!  "parents": [{"id": "kz-shyghys-qazaqstan-oblysy", "period": "YYYY-MM-DD/2022-06-07"},
//!              {"id": "kz-abai-oblysy", "period": "2022-06-08/.."}]}
//! ```

use serde::{Deserialize, Serialize};

use crate::entity::{Coordinates, Entity, ExternalIds, Link, Name, Role, Subkind};
use crate::id::EntityId;
use crate::time::Period;

/// Additions to the entity `amends`. Names, predecessors, seats and roles are appended (a name
/// the entity already has, from whatever source, is not added twice); `parents`, when given, replace the
/// entity's parents, because a curated history supersedes a generated "somewhere in the
/// country"; the sub-kind, period, coordinates and external ids fill what is missing and
/// must agree with what is already there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// The entity amended.
    pub amends: EntityId,
    /// Its finer kind, when the record amended has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subkind: Option<Subkind>,
    /// When it existed, when the record amended does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Names to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<Name>,
    /// Parents over time, replacing the record's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parents: Option<Vec<Link>>,
    /// Administrative centres over time to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<Link>,
    /// Predecessors to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predecessors: Vec<Link>,
    /// Roles to add (people only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Coordinates, when the record amended has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// External ids the record amended lacks.
    #[serde(default)]
    pub external: ExternalIds,
    /// Why the amendment is made, for the reader of the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Amendment {
    /// Apply to `e`, returning what conflicts with it (nothing is changed then).
    pub fn apply(&self, e: &mut Entity) -> Result<(), Vec<String>> {
        let mut conflicts = Vec::new();
        fill(
            &mut conflicts,
            "subkind",
            e.subkind.as_ref(),
            self.subkind.as_ref(),
        );
        if let Some(p) = &self.period {
            if !crate::entity::is_always(&e.period) && e.period != *p {
                conflicts.push(format!("period {p} conflicts with {}", e.period));
            }
        }
        fill(
            &mut conflicts,
            "coordinates",
            e.coordinates.as_ref(),
            self.coordinates.as_ref(),
        );
        let (have, add) = (&e.external, &self.external);
        fill(
            &mut conflicts,
            "iso3166",
            have.iso3166.as_ref(),
            add.iso3166.as_ref(),
        );
        fill(
            &mut conflicts,
            "iso3166_alpha3",
            have.iso3166_alpha3.as_ref(),
            add.iso3166_alpha3.as_ref(),
        );
        fill(
            &mut conflicts,
            "geonames",
            have.geonames.as_ref(),
            add.geonames.as_ref(),
        );
        if !conflicts.is_empty() {
            return Err(conflicts);
        }
        e.subkind = e.subkind.or(self.subkind);
        if let Some(p) = &self.period {
            e.period = *p;
        }
        e.coordinates = e.coordinates.or(self.coordinates);
        let x = &mut e.external;
        x.iso3166 = x.iso3166.take().or_else(|| add.iso3166.clone());
        x.iso3166_alpha3 = x
            .iso3166_alpha3
            .take()
            .or_else(|| add.iso3166_alpha3.clone());
        x.geonames = x.geonames.or(add.geonames);
        for n in &self.names {
            // The same name from a second source adds nothing a reader can use.
            let same = |m: &Name| {
                (&m.text, &m.lang, &m.script, m.kind, &m.period)
                    == (&n.text, &n.lang, &n.script, n.kind, &n.period)
            };
            if !e.names.iter().any(same) {
                e.names.push(n.clone());
            }
        }
        if let Some(parents) = &self.parents {
            e.parents.clone_from(parents);
        }
        e.predecessors.extend(self.predecessors.iter().cloned());
        e.seats.extend(self.seats.iter().cloned());
        e.roles.extend(self.roles.iter().cloned());
        Ok(())
    }
}

fn fill<T: PartialEq + std::fmt::Debug>(
    conflicts: &mut Vec<String>,
    field: &str,
    have: Option<&T>,
    add: Option<&T>,
) {
    if let (Some(h), Some(a)) = (have, add) {
        if h != a {
            conflicts.push(format!("{field} {a:?} conflicts with {h:?} already there"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity() -> Entity {
        serde_json::from_str(
            r#"{"id": "x", "kind": "city", "coordinates": {"lat": 1, "lon": 2},
                "names": [{"text": "X", "lang": "en", "script": "Latn", "kind": "official"}],
                "parents": [{"id": "kz"}], "external": {"geonames": 5}}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn amendment(json: &str) -> Amendment {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn adds_names_replaces_parents_fills_gaps() {
        let mut e = entity();
        let a = amendment(
            r#"{"amends": "x", "subkind": "town",
                "names": [{"text": "X", "lang": "en", "script": "Latn", "kind": "official"},
                          {"text": "Old X", "lang": "en", "script": "Latn", "kind": "historical",
                           "period": "../1990"}],
                "parents": [{"id": "a", "period": "../2000"}, {"id": "b", "period": "2001/.."}]}"#,
        );
        a.apply(&mut e).unwrap_or_else(|c| panic!("{c:?}"));
        assert_eq!(e.subkind, Some(Subkind::Town));
        assert_eq!(
            e.names.len(),
            2,
            "the name already there is not added twice"
        );
        assert_eq!(e.parents.len(), 2);
        assert_eq!(e.parents[0].id.as_str(), "a");
        assert_eq!(e.external.geonames, Some(5));
    }

    #[test]
    fn conflicts_change_nothing_and_name_the_field() {
        let mut e = entity();
        let before = e.clone();
        let a = amendment(
            r#"{"amends": "x", "external": {"geonames": 6},
                "names": [{"text": "Y", "lang": "en", "script": "Latn", "kind": "short"}]}"#,
        );
        let c = a.apply(&mut e).unwrap_err();
        assert_eq!(c.len(), 1);
        assert!(c[0].contains("geonames 6 conflicts with 5"), "{c:?}");
        assert_eq!(e, before);
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let e = serde_json::from_str::<Amendment>(r#"{"amends": "x", "name": []}"#).unwrap_err();
        assert!(e.to_string().contains("`name`"), "{e}");
    }
}
