//! Bindings of resolution: `Dataset.resolve`, `Dataset.resolve_many`, `Match`.

use std::fmt::Write as _;
use std::sync::Arc;

use kzrel_core::dataset::Dataset;
use kzrel_core::entity::EntityKind;
use kzrel_core::resolve::Resolve;
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::dataset::{as_of, entity_id, parse_kind, PyEntity, PyName};

/// One candidate entity for a query, as :meth:`Dataset.resolve` ranks them: the entity,
/// a score, the method, the name met and notes.
///
/// ```python
/// >>> import kzrel
/// >>> m = kzrel.load().resolve("Tselinograd", as_of="1980")[0]
/// >>> m
/// Match(Entity('kz-astana', city, 'Astana'), score=1.000, method="historical", matched='Tselinograd')
/// >>> m.entity.id, m.score, m.method
/// ('kz-astana', 1.0, 'historical')
/// >>> m.matched
/// Name('Tselinograd', lang='en', script='Latn', kind='historical', period='1961/1992')
/// >>> m.notes
/// []
/// >>> kzrel.load().resolve("Tselinograd", as_of="2020")[0].notes
/// ['"Tselinograd" was not in use on 2020 (in use 1961/1992)']
///
/// ```
#[pyclass(module = "kzrel", name = "Match", frozen, get_all)]
pub struct PyMatch {
    /// The entity.
    entity: Py<PyEntity>,
    /// How good a match, in [0, 1].
    score: f64,
    /// exact, key, inflection, abbreviation, historical or fuzzy.
    method: String,
    /// The entity's name that the query met.
    matched: Py<PyName>,
    /// What to watch for: a name not in use then, an entity that did not exist then…
    notes: Vec<String>,
}

/// What a match pickles as: entity, score, method, matched name, notes.
type MatchState = (Py<PyEntity>, f64, String, Py<PyName>, Vec<String>);

impl PyMatch {
    /// A match of `entity` by its name `matched`.
    pub(crate) fn new(
        entity: Py<PyEntity>,
        score: f64,
        method: String,
        matched: Py<PyName>,
        notes: Vec<String>,
    ) -> Self {
        Self {
            entity,
            score,
            method,
            matched,
            notes,
        }
    }
}

/// A match again, for unpickling.
#[pyfunction]
pub fn _match(
    entity: Py<PyEntity>,
    score: f64,
    method: String,
    matched: Py<PyName>,
    notes: Vec<String>,
) -> PyMatch {
    PyMatch::new(entity, score, method, matched, notes)
}

#[pymethods]
impl PyMatch {
    /// Pickles as its fields (the entity by id).
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, MatchState)> {
        let f = py.import("kzrel._kzrel")?.getattr("_match")?;
        Ok((
            f,
            (
                self.entity.clone_ref(py),
                self.score,
                self.method.clone(),
                self.matched.clone_ref(py),
                self.notes.clone(),
            ),
        ))
    }

    /// A line for Jupyter: the entity, its kind, the score, the method, the name met and
    /// the notes.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let e = self.entity.bind(py).get();
        let matched: String = self.matched.bind(py).getattr("text")?.extract()?;
        Ok(format!(
            "<div>{}{}</div>",
            match_cells(e, self.score, &self.method, &matched),
            notes_html(&self.notes)
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let e = self.entity.bind(py).repr()?;
        let m = self.matched.bind(py).getattr("text")?.repr()?;
        Ok(format!(
            "Match({e}, score={:.3}, method={:?}, matched={m})",
            self.score, self.method
        ))
    }
}

/// The options as the Rust type, from the Python keywords.
pub(crate) fn options(
    py: Python<'_>,
    ds: &Dataset,
    as_of_text: Option<&str>,
    kind: Option<&str>,
    country: Option<&str>,
    limit: i64,
) -> PyResult<Resolve> {
    let limit = usize::try_from(limit).map_err(|_| {
        pyo3::exceptions::PyValueError::new_err(format!(
            "limit must be 0 or more (how many matches to give), not {limit}"
        ))
    })?;
    let kind = kind
        .map(|k| parse_kind(k, "entity kind", &EntityKind::ALL))
        .transpose()?;
    let country = country.map(|c| entity_id(py, ds, c)).transpose()?;
    Ok(Resolve {
        as_of: as_of_text.map(|t| as_of(Some(t))).transpose()?,
        kind,
        country,
        limit,
    })
}

/// The matches of `query`, as Python objects.
pub(crate) fn resolve(
    py: Python<'_>,
    ds: &Arc<Dataset>,
    query: &str,
    opts: &Resolve,
) -> PyResult<Vec<PyMatch>> {
    let found: Vec<(usize, f64, &'static str, usize, Vec<String>)> =
        crate::errors::detached(py, || {
            ds.resolve(query, opts)
                .into_iter()
                .filter_map(|m| {
                    let i = ds.position(m.entity.id.as_str()).ok()?;
                    let j = m
                        .entity
                        .names
                        .iter()
                        .position(|n| std::ptr::eq(n, m.matched))?;
                    Some((i, m.score, m.method.as_str(), j, m.notes))
                })
                .collect()
        })?;
    found
        .into_iter()
        .map(|(i, score, method, j, notes)| {
            let entity = PyEntity::at(ds, i);
            let name = PyName::from(&ds.entities()[i].names[j]);
            Ok(PyMatch {
                entity: Py::new(py, entity)?,
                score,
                method: method.to_string(),
                matched: Py::new(py, name)?,
                notes,
            })
        })
        .collect()
}

/// The best match of one query, as plain values (made with the GIL released).
struct Best {
    entity: String,
    name: String,
    kind: String,
    score: f64,
    method: &'static str,
    matched: String,
    notes: String,
}

/// The best match of every query, as a pandas `DataFrame` (or, with `frame` None, a
/// list of dicts): query, entity id, name, kind, score, method, matched, notes.
pub(crate) fn resolve_many<'py>(
    py: Python<'py>,
    ds: &Arc<Dataset>,
    queries: Vec<String>,
    opts: &Resolve,
    frame: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let one = Resolve {
        limit: 1,
        ..opts.clone()
    };
    let found: Vec<Option<Best>> = crate::errors::detached(py, || {
        queries
            .iter()
            .map(|q| {
                ds.resolve(q, &one).into_iter().next().map(|m| Best {
                    entity: m.entity.id.to_string(),
                    name: crate::dataset::display_name(m.entity),
                    kind: m.entity.kind.to_string(),
                    score: m.score,
                    method: m.method.as_str(),
                    matched: m.matched.text.clone(),
                    notes: m.notes.join("; "),
                })
            })
            .collect()
    })?;
    let rows: Vec<Bound<'py, PyDict>> = queries
        .iter()
        .zip(found)
        .map(|(query, best)| {
            let row = PyDict::new(py);
            row.set_item("query", query)?;
            let b = best.as_ref();
            row.set_item("entity", b.map(|b| b.entity.as_str()))?;
            row.set_item("name", b.map(|b| b.name.as_str()))?;
            row.set_item("kind", b.map(|b| b.kind.as_str()))?;
            row.set_item("score", b.map(|b| b.score))?;
            row.set_item("method", b.map(|b| b.method))?;
            row.set_item("matched", b.map(|b| b.matched.as_str()))?;
            row.set_item("notes", b.map(|b| b.notes.as_str()))?;
            Ok(row)
        })
        .collect::<PyResult<_>>()?;
    crate::dataset::as_frame(py, pyo3::types::PyList::new(py, rows)?.into_any(), frame)
}

/// A match in HTML: the entity's name, id and kind, the score, method and name met.
pub(crate) fn match_cells(e: &PyEntity, score: f64, method: &str, matched: &str) -> String {
    let esc = crate::dataset::html_escape;
    let entity = e.get();
    format!(
        "<b>{}</b> <code>{}</code> ({}) — {score:.3}, {}, “{}”",
        esc(&crate::dataset::display_name(entity)),
        esc(entity.id.as_str()),
        esc(&entity.kind.to_string()),
        esc(method),
        esc(matched)
    )
}

/// Notes as an HTML list (nothing when there are none).
fn notes_html(notes: &[String]) -> String {
    if notes.is_empty() {
        return String::new();
    }
    let mut items = String::new();
    for n in notes {
        let _ = write!(items, "<li>{}</li>", crate::dataset::html_escape(n));
    }
    format!("<ul>{items}</ul>")
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyMatch>()?;
    m.add_function(wrap_pyfunction!(crate::mention::_mention, m)?)?;
    m.add_function(wrap_pyfunction!(_match, m)?)?;
    m.add_class::<crate::mention::PyMention>()
}
