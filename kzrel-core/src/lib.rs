//! # kzrel-core
//!
//! The entity and relation model of kzrel, with its embedded dataset, is built on top of
//! [`kzrel_names`]. This release carries the name layer and the first part of the model:
//! partial dates and periods ([`time`]), typed identifiers ([`id`]) and entities whose
//! names, parents and existence change over time ([`entity`]). The embedded gazetteer and
//! the relations dataset arrive in the next releases. The name layer is re-exported as
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
//! use kzrel_core::entity::EntityKind::{City, Country, Region};
//! let ds = Dataset::embedded()?;
//! let count = |kind, country| ds.select(Some(kind), country, None).map(|v| v.len());
//! assert_eq!(ds.len(), 552);
//! assert_eq!(count(Country, None)?, 249);
//! let by_country = [
//!     ("KZ", 17, 84), ("RU", 81, 2), ("CN", 30, 4), ("BY", 6, 1), ("KG", 7, 2),
//!     ("UZ", 13, 1), ("TM", 5, 1), ("MN", 21, 1), ("UA", 25, 2),
//! ];
//! for (country, regions, cities) in by_country {
//!     assert_eq!(count(Region, Some(country))?, regions, "{country}");
//!     assert_eq!(count(City, Some(country))?, cities, "{country}");
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub use kzrel_names as names;

pub mod dataset;
pub mod entity;
pub mod id;
pub mod time;
