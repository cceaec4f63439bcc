//! The native module `kzrel._kzrel`: thin wrappers that convert, call the Rust crates and
//! convert back. The Python package `kzrel` re-exports it with docs and stubs.
#![allow(clippy::needless_pass_by_value)] // pyo3 extracts owned arguments

mod dataset;
mod entity;
mod errors;
mod extract_many;
mod mention;
mod names;
mod relation_list;
mod relations;
mod resolve;

use pyo3::prelude::*;

/// The native part of kzrel.
#[pymodule]
fn _kzrel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add(
        "__data_version__",
        kzrel_core::dataset::Dataset::embedded_version(),
    )?;
    m.add_class::<names::PySchemeInfo>()?;
    m.add_class::<names::PyScriptReport>()?;
    m.add_function(wrap_pyfunction!(names::transliterate, m)?)?;
    m.add_function(wrap_pyfunction!(errors::_panic_for_test, m)?)?;
    m.add_function(wrap_pyfunction!(names::transliterate_list, m)?)?;
    m.add_function(wrap_pyfunction!(names::to_cyrillic, m)?)?;
    m.add_function(wrap_pyfunction!(names::to_cyrillic_list, m)?)?;
    m.add_function(wrap_pyfunction!(names::schemes, m)?)?;
    m.add_function(wrap_pyfunction!(names::scheme, m)?)?;
    m.add_function(wrap_pyfunction!(names::detect_script, m)?)?;
    m.add_function(wrap_pyfunction!(names::normalize, m)?)?;
    dataset::register(m)?;
    relations::register(m)?;
    resolve::register(m)?;
    Ok(())
}
