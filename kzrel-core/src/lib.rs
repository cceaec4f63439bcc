//! # kzrel-core
//!
//! The entity and relation model of kzrel, with its embedded dataset, is built on top of
//! [`kzrel_names`]. This release carries partial dates and periods ([`time`]), typed
//! identifiers ([`id`]), entities whose names, parents, seats and existence change over
//! time ([`entity`]) and the embedded gazetteer with the loader for a researcher's own
//! files ([`dataset`]); relations between entities ([`relation`]), the questions asked of
//! them ([`query`]) and their export ([`export`]). The name layer is re-exported as
//! [`names`] so that code written against `kzrel-core` keeps one import path.
//!
//! ```
//! use kzrel_core::names::{transliterate, Scheme};
//! assert_eq!(transliterate("Ақтөбе", Scheme::KkPress), "Aktobe");
//! ```
//!
//! The embedded dataset, counted by kind and country (pinned here so that a change to the
//! data shows in review):
//!
//! ```
//! use kzrel_core::dataset::Dataset;
//! use kzrel_core::entity::EntityKind::{City, Company, Country, District, Organization, Person, Region};
//! let ds = Dataset::embedded()?;
//! let count = |kind, country| ds.select(Some(kind), country, None).map(|v| v.len());
//! assert_eq!(ds.len(), 939);
//! assert_eq!(count(Country, None)?, 251); // 249 in ISO 3166-1, the USSR, the Kazakh SSR
//! assert_eq!(count(Organization, None)?, 124);
//! assert_eq!(count(Company, None)?, 95);
//! assert_eq!(count(Person, None)?, 42);
//! // Regions, cities and districts by the country they are in today (without a date,
//! // `select` would count the regions abolished in 1997 too).
//! let today = kzrel_core::time::PartialDate::today();
//! let count = |kind, country| ds.select(Some(kind), country, Some(&today)).map(|v| v.len());
//! let by_country = [
//!     ("KZ", 17, 110, 5), ("RU", 81, 17, 0), ("CN", 34, 11, 10), ("BY", 6, 8, 7),
//!     ("KG", 7, 4, 0), ("UZ", 13, 5, 0), ("TM", 5, 2, 0), ("MN", 21, 2, 0), ("UA", 25, 2, 0),
//! ];
//! for (country, regions, cities, districts) in by_country {
//!     assert_eq!(count(Region, Some(country))?, regions, "{country}");
//!     assert_eq!(count(City, Some(country))?, cities, "{country}");
//!     assert_eq!(count(District, Some(country))?, districts, "{country}");
//! }
//! // Kazakhstan's first-level units on a date: 19 before the reform of 1997, 14 after it,
//! // 17 since 8 June 2022.
//! let kz_regions = |d: &str| -> Result<usize, Box<dyn std::error::Error>> {
//!     Ok(ds.select(Some(Region), Some("KZ"), Some(&d.parse()?))?.len())
//! };
//! assert_eq!((kz_regions("1996")?, kz_regions("2000")?, kz_regions("2023")?), (19, 14, 17));
//! // Relations curated from the five seed documents, by kind.
//! use kzrel_core::relation::RelationKind as R;
//! let relations = |kind| ds.relations().iter().filter(|r| r.kind == kind).count();
//! assert_eq!(ds.relations().len(), 462);
//! assert_eq!(
//!     [R::Agreement, R::Partnership, R::Event, R::TradeFigure, R::Membership, R::Project].map(relations),
//!     [115, 41, 92, 116, 24, 74]
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

/// `Display` and `FromStr` for the kebab-case enums of the data files, through their serde
/// names, so that the names are written once (in the `serde` attributes).
macro_rules! kebab_text {
    ($($t:ty),*) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let v = serde_json::to_value(self).map_err(|_| std::fmt::Error)?;
                f.write_str(v.as_str().ok_or(std::fmt::Error)?)
            }
        }

        impl std::str::FromStr for $t {
            type Err = crate::UnknownValue;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                serde_json::from_value(serde_json::Value::String(s.to_string()))
                    .map_err(|_| crate::UnknownValue(s.to_string()))
            }
        }
    )*};
}

/// A text that names no value of a kebab-case enum (`EntityKind`, `RelationKind`…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue(pub String);

impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown value {:?}", self.0)
    }
}

impl std::error::Error for UnknownValue {}

pub use kzrel_names as names;

pub mod dataset;
pub mod entity;
pub mod export;
pub mod id;
pub mod query;
pub mod relation;
pub mod resolve;
pub mod time;
