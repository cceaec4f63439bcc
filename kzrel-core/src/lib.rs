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
#![deny(missing_docs)]

pub use kzrel_names as names;

pub mod dataset;
pub mod entity;
pub mod id;
pub mod time;
