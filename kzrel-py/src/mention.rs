//! Bindings of extraction's result: `Mention`, which keeps compact data and makes Python
//! objects when asked, and the conversion of `Dataset::extract`'s byte offsets.

use std::fmt::Write as _;
use std::sync::Arc;

use kzrel_core::resolve::Resolve;
use pyo3::prelude::*;

use crate::dataset::{PyDataset, PyEntity, PyName};
use crate::relations::bad;
use crate::resolve::{match_cells, PyMatch};

/// One candidate of a mention, as compact data: Python objects are made when asked for.
#[derive(Clone)]
struct Candidate {
    entity: usize,
    score: f64,
    method: &'static str,
    name: usize,
    notes: Vec<String>,
}

/// A mention of an entity in a text, as :meth:`Dataset.extract` finds them: where it is
/// (Python string indices), its text, the best entity and every candidate.
///
/// ```python
/// >>> import kzrel
/// >>> text = "Делегация Павлодарской области посетила Омск."
/// >>> m = kzrel.load().extract(text)[0]
/// >>> m
/// Mention(10, 30, "Павлодарской области", Entity('kz-pavlodar-oblysy', region, 'Pavlodar Region'))
/// >>> m.start, m.end, m.text == text[m.start:m.end]
/// (10, 30, True)
/// >>> m.entity.name
/// 'Pavlodar Region'
/// >>> m.candidates[0].method, m.candidates[0].matched.text
/// ('key', 'Павлодар облысы')
///
/// ```
#[pyclass(module = "kzrel", name = "Mention", frozen)]
pub struct PyMention {
    ds: PyDataset,
    start: usize,
    end: usize,
    text: String,
    candidates: Vec<Candidate>,
}

impl PyMention {
    fn candidate(&self, py: Python<'_>, c: &Candidate) -> PyResult<PyMatch> {
        Ok(PyMatch::new(
            Py::new(py, PyEntity::at(&self.ds.inner, c.entity))?,
            c.score,
            c.method.to_string(),
            Py::new(
                py,
                PyName::from(&self.ds.inner.entities()[c.entity].names[c.name]),
            )?,
            c.notes.clone(),
        ))
    }
}

#[pymethods]
impl PyMention {
    /// Where it starts, as a Python string index.
    #[getter]
    fn start(&self) -> usize {
        self.start
    }

    /// Where it ends (exclusive), as a Python string index.
    #[getter]
    fn end(&self) -> usize {
        self.end
    }

    /// The text of the mention: ``text[start:end]``.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }

    /// The best candidate's entity.
    #[getter]
    fn entity(&self) -> PyEntity {
        PyEntity::at(&self.ds.inner, self.candidates[0].entity)
    }

    /// Every candidate, best first.
    #[getter]
    fn candidates(&self, py: Python<'_>) -> PyResult<Vec<PyMatch>> {
        self.candidates
            .iter()
            .map(|c| self.candidate(py, c))
            .collect()
    }

    /// For Jupyter: the text and its span, then every candidate in a table.
    fn _repr_html_(&self) -> String {
        let esc = crate::dataset::html_escape;
        let mut rows = String::new();
        for (rank, c) in self.candidates.iter().enumerate() {
            let e = PyEntity::at(&self.ds.inner, c.entity);
            let name = &self.ds.inner.entities()[c.entity].names[c.name].text;
            let _ = write!(
                rows,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                rank + 1,
                match_cells(&e, c.score, c.method, name),
                esc(&c.notes.join("; "))
            );
        }
        format!(
            "<div><mark>{}</mark> [{}:{}]<table><tr><th>#</th><th>candidate</th>\
             <th>notes</th></tr>{rows}</table></div>",
            esc(&self.text),
            self.start,
            self.end
        )
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let e = Py::new(py, self.entity())?.bind(py).repr()?;
        Ok(format!(
            "Mention({}, {}, {:?}, {e})",
            self.start, self.end, self.text
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyMention>().is_ok_and(|o| {
            let o = o.get();
            Arc::ptr_eq(&o.ds.inner, &self.ds.inner)
                && (o.start, o.end, &o.text) == (self.start, self.end, &self.text)
                && o.candidates.len() == self.candidates.len()
                && o.candidates.iter().zip(&self.candidates).all(|(a, b)| {
                    (a.entity, a.name, a.method, &a.notes) == (b.entity, b.name, b.method, &b.notes)
                        && a.score.to_bits() == b.score.to_bits()
                })
        })
    }

    /// A mention pickles with its dataset (by reference) and its candidates by entity
    /// id.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(
        Bound<'py, PyAny>,
        (
            PyDataset,
            usize,
            usize,
            String,
            Vec<(String, f64, &'static str, usize, Vec<String>)>,
        ),
    )> {
        let f = py.import("kzrel._kzrel")?.getattr("_mention")?;
        let cands = self
            .candidates
            .iter()
            .map(|c| {
                (
                    self.ds.inner.entities()[c.entity].id.to_string(),
                    c.score,
                    c.method,
                    c.name,
                    c.notes.clone(),
                )
            })
            .collect();
        Ok((
            f,
            (
                self.ds.clone(),
                self.start,
                self.end,
                self.text.clone(),
                cands,
            ),
        ))
    }
}

/// A mention again, from what `Mention.__reduce__` gives.
#[pyfunction]
#[allow(clippy::type_complexity)]
pub fn _mention(
    py: Python<'_>,
    ds: PyRef<'_, PyDataset>,
    start: usize,
    end: usize,
    text: String,
    candidates: Vec<(String, f64, String, usize, Vec<String>)>,
) -> PyResult<PyMention> {
    let ds: PyDataset = (*ds).clone();
    let candidates = candidates
        .into_iter()
        .map(|(id, score, method, name, notes)| {
            let entity = ds
                .inner
                .position(&id)
                .map_err(|e| crate::dataset::unknown(py, &e))?;
            let method = kzrel_core::resolve::MatchMethod::ALL
                .iter()
                .find(|m| m.as_str() == method)
                .map_or("key", |m| m.as_str());
            Ok(Candidate {
                entity,
                score,
                method,
                name,
                notes,
            })
        })
        .collect::<PyResult<Vec<_>>>()?;
    if candidates.is_empty() {
        return Err(bad("a mention has at least one candidate".to_string()));
    }
    Ok(PyMention {
        ds,
        start,
        end,
        text,
        candidates,
    })
}

/// The mentions of `text`, with byte offsets turned into Python string indices.
pub(crate) fn extract(
    py: Python<'_>,
    handle: &PyDataset,
    text: &str,
    opts: &Resolve,
) -> PyResult<Vec<PyMention>> {
    let ds = &handle.inner;
    let found: Vec<(usize, usize, String, Vec<Candidate>)> = crate::errors::detached(py, || {
        let mentions = ds.extract(text, opts);
        // One pass over the text turns every byte offset into a code point index, which
        // is what Python strings count.
        let index = crate::extract_many::char_indices(
            text,
            mentions.iter().flat_map(|m| [m.start, m.end]).collect(),
        );
        mentions
            .into_iter()
            .map(|m| {
                let cands = m
                    .candidates
                    .into_iter()
                    .filter_map(|c| {
                        let entity = crate::extract_many::entity_index(ds, c.entity);
                        let name = c
                            .entity
                            .names
                            .iter()
                            .position(|n| std::ptr::eq(n, c.matched))?;
                        Some(Candidate {
                            entity,
                            score: c.score,
                            method: c.method.as_str(),
                            name,
                            notes: c.notes,
                        })
                    })
                    .collect();
                (index[&m.start], index[&m.end], m.text.to_string(), cands)
            })
            .collect()
    })?;
    Ok(found
        .into_iter()
        .filter(|(_, _, _, cands)| !cands.is_empty())
        .map(|(start, end, text, candidates)| PyMention {
            ds: handle.clone(),
            start,
            end,
            text,
            candidates,
        })
        .collect())
}
