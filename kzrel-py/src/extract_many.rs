//! `Dataset.extract_many`: the mentions of many texts as columns, for corpora. The texts
//! are read with the GIL released; Python objects are made once per row and column
//! (entity ids, kinds and methods once per distinct value).

use kzrel_core::dataset::Dataset;
use kzrel_core::entity::Entity;
use kzrel_core::resolve::Resolve;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

/// The position of `e` in `ds.entities()`: a `Match` refers to the dataset's own record.
pub(crate) fn entity_index(ds: &Dataset, e: &Entity) -> usize {
    let base = ds.entities().as_ptr() as usize;
    (std::ptr::from_ref(e) as usize - base) / std::mem::size_of::<Entity>()
}

/// One mention of one text, best candidate only.
struct Row {
    doc: usize,
    start: usize,
    end: usize,
    /// Byte range of the surface in its text.
    bytes: (usize, usize),
    entity: usize,
    method: &'static str,
    score: f64,
}

/// Byte offsets of `text` to Python string indices, for the offsets asked.
pub(crate) fn char_indices(
    text: &str,
    mut bounds: Vec<usize>,
) -> std::collections::HashMap<usize, usize> {
    bounds.sort_unstable();
    bounds.dedup();
    let mut index = std::collections::HashMap::with_capacity(bounds.len());
    let mut next = bounds.iter().peekable();
    let ends = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    for (chars, byte) in ends.enumerate() {
        while next.peek().is_some_and(|&&b| b == byte) {
            index.insert(byte, chars);
            next.next();
        }
    }
    index
}

/// The best candidate of every mention in `texts`, as columns: doc (the text's
/// position), start, end (Python string indices), text, entity, kind, method, score.
pub(crate) fn extract_many<'py>(
    py: Python<'py>,
    ds: &Dataset,
    texts: &[String],
    opts: &Resolve,
    frame: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let rows: Vec<Row> = crate::errors::detached(py, || {
        let mut rows = Vec::new();
        for (doc, text) in texts.iter().enumerate() {
            let mentions = ds.extract(text, opts);
            let index = char_indices(
                text,
                mentions.iter().flat_map(|m| [m.start, m.end]).collect(),
            );
            for m in mentions {
                let Some(best) = m.candidates.first() else {
                    continue;
                };
                rows.push(Row {
                    doc,
                    start: index[&m.start],
                    end: index[&m.end],
                    bytes: (m.start, m.end),
                    entity: entity_index(ds, best.entity),
                    method: best.method.as_str(),
                    score: best.score,
                });
            }
        }
        rows
    })?;
    // One Python string per distinct entity id, kind and method.
    let mut ids: Vec<Option<Bound<'py, PyString>>> = vec![None; ds.entities().len()];
    let mut kinds: Vec<Option<Bound<'py, PyString>>> = vec![None; ds.entities().len()];
    let mut methods: std::collections::HashMap<&str, Bound<'py, PyString>> =
        std::collections::HashMap::default();
    let (doc, start, end) = (PyList::empty(py), PyList::empty(py), PyList::empty(py));
    let (text, entity, kind) = (PyList::empty(py), PyList::empty(py), PyList::empty(py));
    let (method, score) = (PyList::empty(py), PyList::empty(py));
    for r in &rows {
        let e = &ds.entities()[r.entity];
        doc.append(r.doc)?;
        start.append(r.start)?;
        end.append(r.end)?;
        text.append(&texts[r.doc][r.bytes.0..r.bytes.1])?;
        entity.append(&*ids[r.entity].get_or_insert_with(|| PyString::new(py, e.id.as_str())))?;
        kind.append(
            &*kinds[r.entity].get_or_insert_with(|| PyString::new(py, &e.kind.to_string())),
        )?;
        method.append(
            &*methods
                .entry(r.method)
                .or_insert_with(|| PyString::new(py, r.method)),
        )?;
        score.append(r.score)?;
    }
    let cols = PyDict::new(py);
    for (name, list) in [
        ("doc", doc),
        ("start", start),
        ("end", end),
        ("text", text),
        ("entity", entity),
        ("kind", kind),
        ("method", method),
        ("score", score),
    ] {
        cols.set_item(name, list)?;
    }
    crate::dataset::as_frame(py, cols.into_any(), frame)
}
