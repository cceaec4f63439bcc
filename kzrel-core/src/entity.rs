//! Entities — countries, regions, cities, districts, organizations, companies, people —
//! with names, parents and existence that change over time.
//!
//! ```
//! use kzrel_core::entity::{Entity, EntityKind, Subkind};
//! let record = r#"{
//!   "id": "kz-example-region", "kind": "region", "subkind": "oblast",
//!   "names": [
//!     {"text": "Example Region", "lang": "en", "script": "Latn", "kind": "official",
//!      "period": "1998/.."},
//!     {"text": "Old Name Oblast", "lang": "en", "script": "Latn", "kind": "historical",
//!      "period": "../1997"}
//!   ],
//!   "parents": [{"id": "kz", "period": "1991-12-16/.."}]
//! }"#;
//! let e: Entity = serde_json::from_str(record)?;
//! assert_eq!(e.kind, EntityKind::Region);
//! assert_eq!(e.subkind, Some(Subkind::Oblast));
//! assert_eq!(e.name("en", &"2000".parse()?).map(|n| n.text.as_str()), Some("Example Region"));
//! assert_eq!(e.name("en", &"1995".parse()?).map(|n| n.text.as_str()), Some("Old Name Oblast"));
//! assert_eq!(e.parent(&"2000".parse()?).map(|p| p.as_str()), Some("kz"));
//! assert_eq!(e.parent(&"1990".parse()?), None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The record above is made up to show the format; the dataset's records cite sources.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::id::{EntityId, LangCode, ScriptCode};
use crate::time::{PartialDate, Period};

/// What sort of actor an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    /// A sovereign state, or a former one (the USSR, the Kazakh SSR).
    Country,
    /// A first- or second-level division of a country (oblast, krai, voivodeship…).
    Region,
    /// A city, town or village.
    City,
    /// A district (audan, raion) or county.
    District,
    /// An intergovernmental or governmental body, a university, a medium, an association.
    Organization,
    /// A company or enterprise.
    Company,
    /// A person, named in a role.
    Person,
}

/// The finer kind of a region, a city or an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Subkind {
    /// Region: an oblast (Kazakhstan, Russia, Belarus, Ukraine, Kyrgyzstan).
    Oblast,
    /// Region: a krai (Russia).
    Krai,
    /// Region: a republic within a federation (Altai Republic).
    Republic,
    /// Region: an autonomous region or okrug (Xinjiang Uyghur Autonomous Region).
    AutonomousRegion,
    /// Region: a voivodeship (Poland).
    Voivodeship,
    /// Region: a province or a region so named (Uzbekistan's viloyats, Czech kraje).
    Province,
    /// Region: a prefecture or autonomous prefecture (China).
    Prefecture,
    /// Region: a federal state (Germany's Länder).
    State,
    /// Region: an emirate (United Arab Emirates).
    Emirate,
    /// Region: an aimag (Mongolia).
    Aimag,
    /// City: a city of republican significance (Kazakhstan; a first-level unit).
    RepublicanCity,
    /// City: a federal city (Moscow, Saint Petersburg).
    FederalCity,
    /// City: the administrative centre of a region.
    RegionalCentre,
    /// City: a city of regional or district significance.
    Town,
    /// City: a village or rural settlement.
    Village,
    /// Organization: intergovernmental (OSCE, SCO, CIS).
    Intergovernmental,
    /// Organization: a body of a state or a region (a ministry, an akimat).
    Governmental,
    /// Organization: a university or an institute.
    University,
    /// Organization: a news agency, a newspaper, a broadcaster.
    Media,
}

impl EntityKind {
    /// Every kind, in the order above.
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Country,
        EntityKind::Region,
        EntityKind::City,
        EntityKind::District,
        EntityKind::Organization,
        EntityKind::Company,
        EntityKind::Person,
    ];
}

impl Subkind {
    /// The kind of entity this sub-kind belongs to.
    pub fn kind(self) -> EntityKind {
        use Subkind as S;
        match self {
            S::Oblast
            | S::Krai
            | S::Republic
            | S::AutonomousRegion
            | S::Voivodeship
            | S::Province
            | S::Prefecture
            | S::State
            | S::Emirate
            | S::Aimag => EntityKind::Region,
            S::RepublicanCity | S::FederalCity | S::RegionalCentre | S::Town | S::Village => {
                EntityKind::City
            }
            S::Intergovernmental | S::Governmental | S::University | S::Media => {
                EntityKind::Organization
            }
        }
    }
}

/// How a name is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameKind {
    /// The official name in that language.
    Official,
    /// The short form in common use.
    Short,
    /// A former name (Tselinograd, Semipalatinsk), with its period.
    Historical,
    /// A name used in another language's tradition (Алматы → Alma-Ata in older English).
    Exonym,
    /// An abbreviation (ВКО, ҚР, РФ, OSCE).
    Abbreviation,
    /// Another spelling found in use.
    Variant,
}

/// One name of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Name {
    /// The name as written.
    pub text: String,
    /// Its language (ISO 639).
    pub lang: LangCode,
    /// Its script (ISO 15924).
    pub script: ScriptCode,
    /// How it is used.
    pub kind: NameKind,
    /// When it was in use; always, when absent.
    #[serde(default, skip_serializing_if = "is_always")]
    pub period: Period,
    /// The id of the source that gives it, in the dataset's source list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A link to another entity that holds for a period: a parent, a predecessor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The other entity.
    pub id: EntityId,
    /// When the link held; always, when absent.
    #[serde(default, skip_serializing_if = "is_always")]
    pub period: Period,
    /// The id of the source that gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A position a person held: a title, the body or place it was of, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// The position, in English as the source gives it ("akim", "ambassador to Belarus").
    pub title: String,
    /// The entity the position was of (a region for an akim, a country for a president).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<EntityId>,
    /// When it was held, as far as the source says; always, when absent.
    #[serde(default, skip_serializing_if = "is_always")]
    pub period: Period,
    /// The id of the source that gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A point, in decimal degrees (WGS 84).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coordinates {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lon: f64,
}

/// Identifiers of the entity in other registries; none is ever made up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalIds {
    /// ISO 3166-1 alpha-2 (`KZ`) or ISO 3166-2 (`KZ-63`) code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3166: Option<String>,
    /// ISO 3166-1 alpha-3 code (`KAZ`), for countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3166_alpha3: Option<String>,
    /// GeoNames id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u32>,
}

/// An actor of the field: its kind, names, existence, parents and links, each over time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// The stable kzrel id.
    pub id: EntityId,
    /// What sort of actor it is.
    pub kind: EntityKind,
    /// The finer kind, where one applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subkind: Option<Subkind>,
    /// Its names, in every language and period the dataset knows.
    pub names: Vec<Name>,
    /// When it existed; always, as far as the dataset knows, when absent.
    #[serde(default, skip_serializing_if = "is_always")]
    pub period: Period,
    /// Its parent entities over time (a city's region, a region's country).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<Link>,
    /// The entities it continued (Semipalatinsk Oblast for East Kazakhstan Region).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub predecessors: Vec<Link>,
    /// Its administrative centre over time (a region's capital city).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seats: Vec<Link>,
    /// The positions a person held (people only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Where it is, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// Its identifiers elsewhere.
    #[serde(default, skip_serializing_if = "is_default")]
    pub external: ExternalIds,
    /// A curator's remark: how a source spells or garbles it, what was left out and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The script a language is written in today, for choosing among its names: Cyrillic
/// for the languages of the region written in it, Han for Chinese, Arabic for Arabic and
/// Persian, Mongolian Cyrillic, else Latin.
fn own_script(lang: &str) -> &'static str {
    match lang {
        "ru" | "kk" | "uk" | "be" | "ky" | "tg" | "mn" | "bg" | "sr" | "mk" | "tt" | "ba" => "Cyrl",
        "zh" => "Hans",
        "ar" | "fa" | "ur" | "ug" => "Arab",
        "ja" => "Jpan",
        "ko" => "Kore",
        "ka" => "Geor",
        "hy" => "Armn",
        "el" => "Grek",
        "he" => "Hebr",
        _ => "Latn",
    }
}

pub(crate) fn is_always(p: &Period) -> bool {
    *p == Period::always()
}

fn is_default(x: &ExternalIds) -> bool {
    *x == ExternalIds::default()
}

impl Entity {
    /// The name to show in `lang` on `as_of`: a short name in use then (`Kazakhstan`),
    /// else the official one (`Republic of Kazakhstan`), else a historical one. A name
    /// whose period the data states wins over one without: an undated name means only
    /// that the data does not know when it was used, so Astana's dated "Ақмола"
    /// (1992–1998) is its Kazakh name in 1995 even though the undated "Астана" is
    /// official; and an undated name that is also dated elsewhere (Almaty's "Алма-Ата",
    /// 1921–1993) is not in use outside those dates. Exonyms, variants and abbreviations
    /// come last. Names in the language's own script come first: Omsk Oblast's Russian
    /// name is "Омская область", not the romanization ISO 3166-2 files under Russian.
    pub fn name(&self, lang: &str, as_of: &PartialDate) -> Option<&Name> {
        let dated_out = |n: &Name| {
            is_always(&n.period)
                && self.names.iter().any(|d| {
                    d.lang == n.lang
                        && d.text == n.text
                        && !is_always(&d.period)
                        && !d.period.includes(as_of)
                })
        };
        let in_use =
            |n: &&Name| n.lang.as_str() == lang && n.period.includes(as_of) && !dated_out(n);
        let main = [NameKind::Short, NameKind::Official, NameKind::Historical];
        let rest = [NameKind::Exonym, NameKind::Variant, NameKind::Abbreviation];
        let own = own_script(lang);
        let scripts = [Some(own), None];
        scripts.into_iter().find_map(|script| {
            let dated = main.iter().map(|k| (*k, Some(true)));
            let undated = main.iter().map(|k| (*k, Some(false)));
            dated
                .chain(undated)
                .chain(rest.iter().map(|k| (*k, None)))
                .find_map(|(kind, dated)| {
                    self.names.iter().filter(in_use).find(|n| {
                        n.kind == kind
                            && dated.is_none_or(|d| d != is_always(&n.period))
                            && script.is_none_or(|s| n.script.as_str() == s)
                    })
                })
        })
    }

    /// The parent on `as_of`, if the dataset knows one then; none on a date when the
    /// entity did not exist.
    pub fn parent(&self, as_of: &PartialDate) -> Option<&EntityId> {
        if !self.exists(as_of) {
            return None;
        }
        self.parents
            .iter()
            .find(|l| l.period.includes(as_of))
            .map(|l| &l.id)
    }

    /// The administrative centre on `as_of`, if the dataset knows one then; none on a
    /// date when the entity did not exist.
    pub fn seat(&self, as_of: &PartialDate) -> Option<&EntityId> {
        if !self.exists(as_of) {
            return None;
        }
        self.seats
            .iter()
            .find(|l| l.period.includes(as_of))
            .map(|l| &l.id)
    }

    /// Whether the entity existed on (some day of) `as_of`.
    pub fn exists(&self, as_of: &PartialDate) -> bool {
        self.period.includes(as_of)
    }

    /// Problems with this record on its own: a sub-kind of another kind, periods of
    /// names or links that fall outside the entity's own, parents whose periods overlap,
    /// a name with surrounding spaces, coordinates out of range. Empty when it is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(s) = self.subkind {
            if s.kind() != self.kind {
                out.push(format!(
                    "subkind {s} belongs to kind {}, not {}",
                    s.kind(),
                    self.kind
                ));
            }
        }
        if self.names.is_empty() {
            out.push("it has no name".into());
        }
        for n in &self.names {
            if n.text.trim() != n.text || n.text.is_empty() {
                out.push(format!(
                    "name {:?} is empty or has surrounding spaces",
                    n.text
                ));
            }
            if !self.period.overlaps(&n.period) {
                out.push(format!(
                    "name {:?} ({}) is outside the entity's period {}",
                    n.text, n.period, self.period
                ));
            }
        }
        for (what, links) in [("parents", &self.parents), ("seats", &self.seats)] {
            for (i, a) in links.iter().enumerate() {
                if a.id == self.id {
                    out.push(format!("it is among its own {what}"));
                }
                for b in &links[i + 1..] {
                    if a.period.overlaps(&b.period) {
                        out.push(format!(
                            "{what} {} ({}) and {} ({}) overlap in time",
                            a.id, a.period, b.id, b.period
                        ));
                    }
                }
            }
        }
        if !self.roles.is_empty() && self.kind != EntityKind::Person {
            out.push(format!(
                "it has roles, which only a person has, but it is a {}",
                self.kind
            ));
        }
        for r in &self.roles {
            if r.title.trim().is_empty() {
                out.push("a role has an empty title".into());
            }
        }
        if let Some(c) = self.coordinates {
            if !(-90.0..=90.0).contains(&c.lat) || !(-180.0..=180.0).contains(&c.lon) {
                out.push(format!("coordinates {}, {} are out of range", c.lat, c.lon));
            }
        }
        out
    }
}

/// A readable card: id, kind, codes, existence, links, then every name with its language,
/// script, kind, period and source, one per line.
impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}  {}", self.id, self.kind)?;
        if let Some(s) = self.subkind {
            write!(f, " ({s})")?;
        }
        writeln!(f)?;
        let x = &self.external;
        let codes: Vec<String> = [
            x.iso3166.as_ref().map(|c| format!("ISO 3166 {c}")),
            x.iso3166_alpha3.as_ref().map(|c| format!("alpha-3 {c}")),
            x.geonames.map(|g| format!("geonames:{g}")),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !codes.is_empty() {
            writeln!(f, "  codes: {}", codes.join(", "))?;
        }
        if !is_always(&self.period) {
            writeln!(f, "  existed: {}", self.period)?;
        }
        if let Some(c) = self.coordinates {
            writeln!(f, "  at: {:.5}, {:.5}", c.lat, c.lon)?;
        }
        for (label, links) in [
            ("parent", &self.parents),
            ("seat", &self.seats),
            ("predecessor", &self.predecessors),
        ] {
            for l in links {
                let when = if is_always(&l.period) {
                    "always".to_string()
                } else {
                    l.period.to_string()
                };
                writeln!(f, "  {label}: {} ({when})", l.id)?;
            }
        }
        for r in &self.roles {
            write!(f, "  role: {}", r.title)?;
            if let Some(of) = &r.of {
                write!(f, " of {of}")?;
            }
            if !is_always(&r.period) {
                write!(f, " ({})", r.period)?;
            }
            writeln!(f)?;
        }
        let width = self
            .names
            .iter()
            .map(|n| n.text.chars().count())
            .max()
            .unwrap_or(0);
        for n in &self.names {
            let pad = width - n.text.chars().count();
            write!(
                f,
                "  {:<3} {} {:<12} {}{}",
                n.lang.as_str(),
                n.script,
                n.kind.to_string(),
                n.text,
                " ".repeat(pad)
            )?;
            if !is_always(&n.period) {
                write!(f, "  {}", n.period)?;
            }
            if let Some(s) = &n.source {
                write!(f, "  [{s}]")?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}

kebab_text!(EntityKind, Subkind, NameKind);

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(json: &str) -> Entity {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn kinds_print_as_in_the_data() {
        assert_eq!(EntityKind::Organization.to_string(), "organization");
        assert_eq!(Subkind::RepublicanCity.to_string(), "republican-city");
        assert_eq!(Subkind::AutonomousRegion.kind(), EntityKind::Region);
        assert_eq!(NameKind::Abbreviation.to_string(), "abbreviation");
        assert_eq!(
            "trade".parse::<EntityKind>(),
            Err(crate::UnknownValue("trade".into()))
        );
        for k in EntityKind::ALL {
            assert_eq!(k.to_string().parse::<EntityKind>(), Ok(k));
        }
    }

    #[test]
    fn unknown_fields_and_bad_values_are_rejected_with_their_names() {
        let e = serde_json::from_str::<Entity>(
            r#"{"id": "x", "kind": "country", "names": [], "nmae": 1}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("nmae"), "{e}");
        let e = serde_json::from_str::<Entity>(r#"{"id": "x", "kind": "state", "names": []}"#)
            .unwrap_err();
        assert!(e.to_string().contains("state"), "{e}");
        let e = serde_json::from_str::<Entity>(
            r#"{"id": "x", "kind": "country", "names": [], "period": "2022/1997"}"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("ends before it starts"), "{e}");
    }

    #[test]
    fn problems_are_found() {
        let e = entity(
            r#"{"id": "x", "kind": "city", "subkind": "oblast", "period": "2000/..",
                "names": [{"text": " X", "lang": "en", "script": "Latn", "kind": "official",
                           "period": "../1990"}],
                "parents": [{"id": "a", "period": "2000/2010"}, {"id": "b", "period": "2010/.."}],
                "coordinates": {"lat": 95, "lon": 0}}"#,
        );
        let p = e.problems().join("\n");
        for want in [
            "belongs to kind region",
            "surrounding spaces",
            "outside the entity's period",
            "overlap in time",
            "out of range",
        ] {
            assert!(p.contains(want), "missing {want:?} in:\n{p}");
        }
        let sound = entity(
            r#"{"id": "x", "kind": "region", "subkind": "oblast",
                "names": [{"text": "X", "lang": "en", "script": "Latn", "kind": "official"}],
                "parents": [{"id": "a", "period": "../2009"}, {"id": "b", "period": "2010/.."}]}"#,
        );
        assert_eq!(sound.problems(), Vec::<String>::new());
    }

    #[test]
    fn names_and_parents_follow_the_date() {
        let e = entity(
            r#"{"id": "x", "kind": "city",
                "names": [
                  {"text": "New", "lang": "en", "script": "Latn", "kind": "official", "period": "2019-03/.."},
                  {"text": "Old", "lang": "en", "script": "Latn", "kind": "official", "period": "../2019-02"},
                  {"text": "N", "lang": "en", "script": "Latn", "kind": "abbreviation"}
                ],
                "parents": [{"id": "a", "period": "../2022-06-07"}, {"id": "b", "period": "2022-06-08/.."}]}"#,
        );
        let on = |s: &str| s.parse::<PartialDate>().unwrap();
        assert_eq!(e.name("en", &on("2020")).unwrap().text, "New");
        assert_eq!(e.name("en", &on("2018")).unwrap().text, "Old");
        assert!(e.name("kk", &on("2018")).is_none());
        assert_eq!(e.parent(&on("2022-06-07")).unwrap().as_str(), "a");
        assert_eq!(e.parent(&on("2022-06-08")).unwrap().as_str(), "b");
        let back = serde_json::to_string(&e).unwrap();
        assert_eq!(entity(&back), e);
    }
}
