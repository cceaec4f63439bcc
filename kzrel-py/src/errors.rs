//! Every Rust error mapped to a Python exception, in one place. The exception classes are
//! defined in `kzrel/errors.py` (so they pickle and carry attributes) and looked up once.

use kzrel_names::{Error, ErrorKind};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

fn class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
) -> PyResult<Bound<'py, PyType>> {
    cell.get_or_try_init(py, || {
        let module = py.import("kzrel.errors")?;
        Ok::<_, PyErr>(module.getattr(name)?.cast_into::<PyType>()?.unbind())
    })
    .map(|c| c.bind(py).clone())
}

static UNKNOWN_SCHEME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UNKNOWN_PROFILE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static NOT_REVERSIBLE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UNMAPPABLE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Convert a `kzrel-names` error into the matching `kzrel.errors` exception.
pub(crate) fn to_py(py: Python<'_>, err: &Error) -> PyErr {
    let msg = err.to_string();
    let made = match err.kind() {
        ErrorKind::UnknownScheme { given, suggestion } => {
            class(py, &UNKNOWN_SCHEME, "UnknownSchemeError")
                .and_then(|c| c.call1((msg.clone(), given.clone(), *suggestion)))
        }
        ErrorKind::UnknownProfile { given } => class(py, &UNKNOWN_PROFILE, "UnknownProfileError")
            .and_then(|c| c.call1((msg.clone(), given.clone()))),
        ErrorKind::UnsupportedProfile { profile, .. } => {
            class(py, &UNKNOWN_PROFILE, "UnknownProfileError")
                .and_then(|c| c.call1((msg.clone(), profile.id())))
        }
        ErrorKind::NotReversible { scheme } => class(py, &NOT_REVERSIBLE, "NotReversibleError")
            .and_then(|c| c.call1((msg.clone(), scheme.id()))),
        ErrorKind::Unmappable {
            ch,
            char_index,
            scheme,
            ..
        } => class(py, &UNMAPPABLE, "UnmappableCharacterError")
            .and_then(|c| c.call1((msg.clone(), ch.to_string(), *char_index, scheme.id()))),
        _ => return PyValueError::new_err(msg),
    };
    match made {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

static DATASET: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static UNKNOWN_ENTITY: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `kzrel.DatasetError`: a dataset that could not be built, with every problem.
pub(crate) fn dataset_error(py: Python<'_>, msg: &str, problems: Vec<String>) -> PyErr {
    match class(py, &DATASET, "DatasetError").and_then(|c| c.call1((msg, problems))) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// `kzrel.UnknownEntityError`: a key that names no entity, with the nearest one.
pub(crate) fn unknown_entity(
    py: Python<'_>,
    msg: &str,
    key: &str,
    suggestion: Option<&str>,
) -> PyErr {
    match class(py, &UNKNOWN_ENTITY, "UnknownEntityError")
        .and_then(|c| c.call1((msg, key, suggestion)))
    {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// Run `f`, the Rust part of a call, without the GIL. A panic inside it, which would be
/// a bug in kzrel, becomes a `RuntimeError` that says so and asks for a report. pyo3
/// would raise `PanicException` instead, a `BaseException` that `except Exception` lets
/// through.
pub(crate) fn detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)))
        .map_err(|payload| {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_string());
            pyo3::exceptions::PyRuntimeError::new_err(format!(
                "internal error in kzrel ({what}); please report it, with the input that caused it"
            ))
        })
}

/// A panic on purpose, through [`detached`], for the test that a panic reaches Python as
/// a `RuntimeError`. Not part of the API.
#[pyfunction]
pub fn _panic_for_test(py: Python<'_>, message: String) -> PyResult<()> {
    detached(py, move || -> () { panic!("{message}") })
}
