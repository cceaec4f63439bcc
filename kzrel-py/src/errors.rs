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
