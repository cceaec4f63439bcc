//! # kzrel-core
//!
//! The entity and relation model of kzrel, with its embedded dataset, is built on top of
//! [`kzrel_names`]. This release carries the name layer only: the gazetteer and the
//! relations dataset arrive in the next releases. The name layer is re-exported as
//! [`names`] so that code written against `kzrel-core` keeps one import path.
//!
//! ```
//! use kzrel_core::names::{transliterate, Scheme};
//! assert_eq!(transliterate("Ақтөбе", Scheme::KkPress), "Aktobe");
//! ```
#![deny(missing_docs)]

pub use kzrel_names as names;

pub mod time;
