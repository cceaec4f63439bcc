//! Bindings of relations: `Dataset.relations(...)`, `Relations`, `Relation`, `Party`,
//! `Citation`. Queries, views and exports run in kzrel-core; this converts.

use std::fmt::Write as _;
use std::sync::Arc;

use kzrel_core::dataset::Dataset;
use kzrel_core::entity::EntityKind;
use kzrel_core::export::{relations_csv, relations_graphml, relations_jsonl};
use kzrel_core::query::RelationQuery;
use kzrel_core::relation::{Relation, RelationKind};
use kzrel_core::time::PartialDate;
use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice};

use crate::dataset::{import_optional, json_to_py, PyEntity};

/// A sequence of relations, in date order, that converts to tables and files.
#[pyclass(module = "kzrel", name = "Relations", frozen)]
pub struct PyRelations {
    ds: Arc<Dataset>,
    indices: Vec<usize>,
}

/// One relation: an agreement, partnership, event, trade figure, membership or project.
#[pyclass(module = "kzrel", name = "Relation", frozen)]
pub struct PyRelation {
    ds: Arc<Dataset>,
    index: usize,
}

/// An entity taking part in a relation, with its role.
#[pyclass(module = "kzrel", name = "Party", frozen, get_all)]
pub struct PyParty {
    /// The entity.
    entity: Py<PyEntity>,
    /// Its part: signatory, host, visitor, member, organization, reporter, partner…
    role: String,
}

/// Where a relation is stated: the source's id and record, the place in it, its words.
#[pyclass(module = "kzrel", name = "Citation", frozen, get_all)]
pub struct PyCitation {
    /// The id of the source in the dataset.
    source: String,
    /// The source's record (title, authors, year, doi, isbn, url…) as a dict.
    document: Py<PyAny>,
    /// Where in it: a line, page, section or footnote.
    locator: String,
    /// Its words, verbatim.
    quote: String,
}

fn bad(e: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(e.to_string())
}

fn date(text: &str) -> PyResult<PartialDate> {
    text.parse().map_err(bad)
}

/// The string arguments of `Dataset.relations`, as the Rust query.
#[allow(clippy::too_many_arguments)]
pub(crate) fn query(
    py: Python<'_>,
    ds: &Arc<Dataset>,
    kind: Option<Vec<String>>,
    party: Option<Vec<String>>,
    within: bool,
    party_kind: Option<&str>,
    country: Option<&str>,
    since: Option<&str>,
    until: Option<&str>,
    during: Option<&str>,
    place: Option<&str>,
    text: Option<&str>,
) -> PyResult<PyRelations> {
    let key = |k: &str| -> PyResult<kzrel_core::id::EntityId> {
        ds.entity(k)
            .map(|e| e.id.clone())
            .map_err(|e| crate::dataset::unknown(py, &e))
    };
    let mut q = RelationQuery::new().within(within);
    for k in kind.unwrap_or_default() {
        let parsed: RelationKind = serde_json::from_value(serde_json::Value::String(k.clone()))
            .map_err(|_| {
                let all: Vec<String> = RelationKind::ALL.iter().map(ToString::to_string).collect();
                bad(format!(
                    "unknown relation kind {k:?}: one of {}",
                    all.join(", ")
                ))
            })?;
        q = q.kind(parsed);
    }
    for p in party.unwrap_or_default() {
        q = q.party(key(&p)?);
    }
    if let Some(k) = party_kind {
        let parsed: EntityKind = serde_json::from_value(serde_json::Value::String(k.into()))
            .map_err(|_| bad(format!("unknown entity kind {k:?}")))?;
        q = q.party_kind(parsed);
    }
    if let Some(c) = country {
        q = q.counterpart(key(c)?);
    }
    if let Some(d) = during {
        q = q.during(d.parse().map_err(bad)?);
    }
    if let Some(d) = since {
        q = q.since(date(d)?);
    }
    if let Some(d) = until {
        q = q.until(date(d)?);
    }
    if let Some(p) = place {
        q = q.place(key(p)?);
    }
    if let Some(t) = text {
        q = q.text(t);
    }
    let found = py.detach(|| {
        ds.query(&q)
            .into_iter()
            .filter_map(|r| ds.relation_position(r.id.as_str()))
            .collect()
    });
    Ok(PyRelations {
        ds: Arc::clone(ds),
        indices: found,
    })
}

/// The relation with id `id`, or a `KeyError`.
pub(crate) fn relation(ds: &Arc<Dataset>, id: &str) -> PyResult<PyRelation> {
    ds.relation_position(id)
        .map(|index| PyRelation {
            ds: Arc::clone(ds),
            index,
        })
        .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(format!("no relation {id:?}")))
}

/// Every relation of the embedded dataset with id `id` (used to unpickle relations).
#[pyfunction]
pub fn _embedded_relation(id: &str) -> PyResult<PyRelation> {
    let ds = Dataset::embedded().map_err(bad)?;
    relation(&ds, id)
}

impl PyRelations {
    fn get(&self) -> Vec<&Relation> {
        self.indices
            .iter()
            .map(|&i| &self.ds.relations()[i])
            .collect()
    }

    fn item(&self, index: usize) -> PyRelation {
        PyRelation {
            ds: Arc::clone(&self.ds),
            index: self.indices[index],
        }
    }
}

/// Column names and rows of values.
type Table<'py> = (&'static [&'static str], Vec<Vec<Bound<'py, PyAny>>>);

/// Columns of `Relations.rows(per="relation")`.
const RELATION_COLUMNS: [&str; 21] = [
    "id", "kind", "subkind", "date", "start", "end", "year", "place", "title", "summary",
    "parties", "flow", "amount", "unit", "scale", "status", "value", "source", "locator", "quote",
    "note",
];

/// Columns of `Relations.rows(per="party")`.
const PARTY_COLUMNS: [&str; 12] = [
    "relation",
    "kind",
    "subkind",
    "date",
    "start",
    "year",
    "entity",
    "role",
    "name",
    "entity_kind",
    "country",
    "summary",
];

fn row_values<'py>(py: Python<'py>, r: &Relation) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let start = r.date.and_then(|d| d.start());
    let end = r.date.and_then(|d| d.end());
    let v = r.value.as_ref();
    let first = r.sources.first();
    let parties: Vec<String> = r
        .parties
        .iter()
        .map(|p| format!("{}={}", p.entity, p.role))
        .collect();
    let any = |x: Bound<'py, PyAny>| x;
    Ok(vec![
        any(r.id.as_str().into_pyobject(py)?.into_any()),
        any(r.kind.to_string().into_pyobject(py)?.into_any()),
        r.subkind.map(|s| s.to_string()).into_pyobject(py)?,
        r.date.map(|d| d.to_string()).into_pyobject(py)?,
        start.map(|d| d.first_day().to_string()).into_pyobject(py)?,
        end.map(|d| d.last_day().to_string()).into_pyobject(py)?,
        start.map(|d| d.year_number()).into_pyobject(py)?,
        r.place
            .as_ref()
            .map(kzrel_core::id::EntityId::as_str)
            .into_pyobject(py)?,
        r.title.as_deref().into_pyobject(py)?,
        any(r.summary.as_str().into_pyobject(py)?.into_any()),
        any(parties.join(";").into_pyobject(py)?.into_any()),
        v.map(|v| v.flow.to_string()).into_pyobject(py)?,
        v.map(|v| v.amount).into_pyobject(py)?,
        v.map(|v| v.unit.as_str()).into_pyobject(py)?,
        v.map(|v| v.scale.to_string()).into_pyobject(py)?,
        v.map(|v| v.status.to_string()).into_pyobject(py)?,
        v.map(kzrel_core::relation::Value::in_units)
            .into_pyobject(py)?,
        first.map(|c| c.source.as_str()).into_pyobject(py)?,
        first.map(|c| c.locator.as_str()).into_pyobject(py)?,
        first.map(|c| c.quote.as_str()).into_pyobject(py)?,
        r.note.as_deref().into_pyobject(py)?,
    ])
}

fn party_rows<'py>(
    py: Python<'py>,
    ds: &Dataset,
    r: &Relation,
) -> PyResult<Vec<Vec<Bound<'py, PyAny>>>> {
    let start = r.date.and_then(|d| d.start());
    let on = start.unwrap_or_else(PartialDate::today);
    r.parties
        .iter()
        .map(|p| {
            let e = ds.entity(p.entity.as_str()).ok();
            let name = e.map(crate::dataset::display_name);
            let country = e.and_then(|e| ds.country_of(e, &on)).map(|c| c.id.as_str());
            Ok(vec![
                r.id.as_str().into_pyobject(py)?.into_any(),
                r.kind.to_string().into_pyobject(py)?.into_any(),
                r.subkind.map(|s| s.to_string()).into_pyobject(py)?,
                r.date.map(|d| d.to_string()).into_pyobject(py)?,
                start.map(|d| d.first_day().to_string()).into_pyobject(py)?,
                start.map(|d| d.year_number()).into_pyobject(py)?,
                p.entity.as_str().into_pyobject(py)?.into_any(),
                p.role.to_string().into_pyobject(py)?.into_any(),
                name.into_pyobject(py)?,
                e.map(|e| e.kind.to_string()).into_pyobject(py)?,
                country.into_pyobject(py)?,
                r.summary.as_str().into_pyobject(py)?.into_any(),
            ])
        })
        .collect()
}

impl PyRelations {
    fn table<'py>(&self, py: Python<'py>, per: &str) -> PyResult<Table<'py>> {
        match per {
            "relation" => Ok((
                &RELATION_COLUMNS,
                self.get()
                    .into_iter()
                    .map(|r| row_values(py, r))
                    .collect::<PyResult<_>>()?,
            )),
            "party" => {
                let mut rows = Vec::new();
                for r in self.get() {
                    rows.extend(party_rows(py, &self.ds, r)?);
                }
                Ok((&PARTY_COLUMNS, rows))
            }
            other => Err(bad(format!(
                "per={other:?}: one of \"relation\", \"party\""
            ))),
        }
    }

    fn write_or_return(
        py: Python<'_>,
        text: String,
        path: Option<std::path::PathBuf>,
    ) -> PyResult<Option<String>> {
        match path {
            None => Ok(Some(text)),
            Some(p) => {
                py.detach(|| std::fs::write(&p, text))
                    .map_err(|e| pyo3::exceptions::PyOSError::new_err(e.to_string()))?;
                Ok(None)
            }
        }
    }
}

#[pymethods]
impl PyRelations {
    fn __len__(&self) -> usize {
        self.indices.len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        index: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(slice) = index.cast::<PySlice>() {
            let s = slice.indices(isize::try_from(self.indices.len()).unwrap_or(isize::MAX))?;
            let mut picked = Vec::new();
            let mut i = s.start;
            while (s.step > 0 && i < s.stop) || (s.step < 0 && i > s.stop) {
                picked.push(self.indices[usize::try_from(i).unwrap_or_default()]);
                i += s.step;
            }
            let out = PyRelations {
                ds: Arc::clone(&self.ds),
                indices: picked,
            };
            return Ok(Bound::new(py, out)?.into_any());
        }
        let i: isize = index.extract()?;
        let n = isize::try_from(self.indices.len()).unwrap_or(isize::MAX);
        let at = if i < 0 { i + n } else { i };
        if !(0..n).contains(&at) {
            return Err(PyIndexError::new_err("relation index out of range"));
        }
        Ok(Bound::new(py, self.item(usize::try_from(at).unwrap_or_default()))?.into_any())
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items: Vec<PyRelation> = (0..self.indices.len()).map(|i| self.item(i)).collect();
        PyList::new(py, items)?.try_iter().map(Bound::into_any)
    }

    fn __repr__(&self) -> String {
        format!("<kzrel.Relations: {} relations>", self.indices.len())
    }

    /// The relation ids, in order.
    #[getter]
    fn ids(&self) -> Vec<String> {
        self.get().iter().map(|r| r.id.to_string()).collect()
    }

    /// One dict per relation (``per="relation"``: date, value, first quote…) or per
    /// relation and party (``per="party"``: entity, role, name, country then…).
    #[pyo3(signature = (per = "relation"))]
    fn rows<'py>(&self, py: Python<'py>, per: &str) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let (columns, rows) = self.table(py, per)?;
        rows.into_iter()
            .map(|row| {
                let d = PyDict::new(py);
                for (k, v) in columns.iter().zip(row) {
                    d.set_item(k, v)?;
                }
                Ok(d)
            })
            .collect()
    }

    /// :meth:`rows` as a ``pandas.DataFrame`` (pandas must be installed).
    #[pyo3(signature = (per = "relation"))]
    fn to_pandas<'py>(&self, py: Python<'py>, per: &str) -> PyResult<Bound<'py, PyAny>> {
        let pandas = import_optional(py, "pandas")?;
        let (columns, _) = self.table(py, per)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", columns.to_vec())?;
        pandas
            .getattr("DataFrame")?
            .call((self.rows(py, per)?,), Some(&kwargs))
    }

    /// :meth:`rows` as a ``polars.DataFrame`` (polars must be installed).
    #[pyo3(signature = (per = "relation"))]
    fn to_polars<'py>(&self, py: Python<'py>, per: &str) -> PyResult<Bound<'py, PyAny>> {
        let polars = import_optional(py, "polars")?;
        let (columns, rows) = self.table(py, per)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("schema", columns.to_vec())?;
        kwargs.set_item("orient", "row")?;
        kwargs.set_item("infer_schema_length", None::<usize>)?;
        polars.getattr("DataFrame")?.call((rows,), Some(&kwargs))
    }

    /// The relations as JSON Lines (the format of kzrel's data files, which
    /// ``kzrel.load`` reads back): returned, or written to ``path``.
    #[pyo3(signature = (path = None))]
    fn to_jsonl(
        &self,
        py: Python<'_>,
        path: Option<std::path::PathBuf>,
    ) -> PyResult<Option<String>> {
        let text = relations_jsonl(&self.get());
        Self::write_or_return(py, text, path)
    }

    /// The relations as CSV (parties as ``entity=role;…``, sources as JSON), which
    /// ``kzrel.load`` reads back: returned, or written to ``path``.
    #[pyo3(signature = (path = None))]
    fn to_csv(&self, py: Python<'_>, path: Option<std::path::PathBuf>) -> PyResult<Option<String>> {
        let text = relations_csv(&self.get()).map_err(bad)?;
        Self::write_or_return(py, text, path)
    }

    /// A GraphML graph for Gephi or ``networkx.read_graphml``: entities as nodes (name
    /// in ``lang``, kind, country, ISO code, coordinates), an edge per pair of parties of
    /// each relation (kind, date, year, weight): returned, or written to ``path``.
    #[pyo3(signature = (path = None, lang = "en"))]
    fn to_graphml(
        &self,
        py: Python<'_>,
        path: Option<std::path::PathBuf>,
        lang: &str,
    ) -> PyResult<Option<String>> {
        let text = relations_graphml(&self.ds, &self.get(), lang);
        Self::write_or_return(py, text, path)
    }

    /// Write :meth:`rows` to a Parquet file (with polars, else pyarrow).
    #[pyo3(signature = (path, per = "relation"))]
    fn to_parquet(&self, py: Python<'_>, path: std::path::PathBuf, per: &str) -> PyResult<()> {
        if py.import("polars").is_ok() {
            self.to_polars(py, per)?
                .call_method1("write_parquet", (path,))?;
            return Ok(());
        }
        let pa = import_optional(py, "pyarrow").map_err(|_| {
            pyo3::exceptions::PyImportError::new_err(
                "Parquet needs polars or pyarrow: pip install polars",
            )
        })?;
        let table = pa
            .getattr("Table")?
            .call_method1("from_pylist", (self.rows(py, per)?,))?;
        py.import("pyarrow.parquet")?
            .call_method1("write_table", (table, path))?;
        Ok(())
    }

    /// The ego network of the entity ``key`` among these relations: one dict per other
    /// entity (``entity``, ``name``, ``count``, ``kinds``, ``first``, ``last``), the most
    /// frequent first. With ``within=True`` what lies inside the entity counts as it.
    #[pyo3(signature = (key, within = false))]
    fn ego_network<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        within: bool,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let id = self
            .ds
            .entity(key)
            .map_err(|e| crate::dataset::unknown(py, &e))?
            .id
            .clone();
        let rels = self.get();
        let ties = self.ds.ego_network(&id, within, &rels);
        ties.into_iter()
            .map(|t| {
                let d = PyDict::new(py);
                d.set_item("entity", t.entity.id.as_str())?;
                d.set_item("name", crate::dataset::display_name(t.entity))?;
                d.set_item("count", t.count)?;
                let kinds = PyDict::new(py);
                for (k, n) in &t.kinds {
                    kinds.set_item(k.to_string(), n)?;
                }
                d.set_item("kinds", kinds)?;
                d.set_item("first", t.first.map(|x| x.to_string()))?;
                d.set_item("last", t.last.map(|x| x.to_string()))?;
                Ok(d)
            })
            .collect()
    }

    /// How many of these relations each year counts with each partner: dicts of
    /// ``year``, ``partner`` and ``count``. Given ``focal`` (an entity key), its own
    /// parties (and, with ``within=True``, those inside it) are not partners.
    #[pyo3(signature = (focal = None, within = false))]
    fn counts<'py>(
        &self,
        py: Python<'py>,
        focal: Option<&str>,
        within: bool,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let focal = focal
            .map(|k| {
                self.ds
                    .entity(k)
                    .map(|e| e.id.clone())
                    .map_err(|e| crate::dataset::unknown(py, &e))
            })
            .transpose()?;
        let counts = self
            .ds
            .counts_by_year_and_partner(&self.get(), focal.as_ref(), within);
        counts
            .into_iter()
            .map(|((year, partner), count)| {
                let d = PyDict::new(py);
                d.set_item("year", year)?;
                d.set_item("partner", partner.as_str())?;
                d.set_item("count", count)?;
                Ok(d)
            })
            .collect()
    }

    /// A table for Jupyter: date, kind, parties and summary of the first 50.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let html = py.import("html")?;
        let esc = |s: &str| -> PyResult<String> { html.call_method1("escape", (s,))?.extract() };
        let mut out = format!(
            "<p>{} relations</p><table><tr><th>id</th><th>date</th><th>kind</th><th>parties</th><th>summary</th></tr>",
            self.indices.len()
        );
        for r in self.get().into_iter().take(50) {
            let parties: Vec<String> = r
                .parties
                .iter()
                .map(|p| format!("{} ({})", p.entity, p.role))
                .collect();
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(r.id.as_str())?,
                esc(&r.date.map(|d| d.to_string()).unwrap_or_default())?,
                esc(&r.kind.to_string())?,
                esc(&parties.join(", "))?,
                esc(&r.summary)?
            );
        }
        out.push_str("</table>");
        Ok(out)
    }
}

impl PyRelation {
    fn get(&self) -> &Relation {
        &self.ds.relations()[self.index]
    }

    fn entity(&self, id: &kzrel_core::id::EntityId) -> Option<PyEntity> {
        self.ds
            .position(id.as_str())
            .ok()
            .map(|i| PyEntity::at(&self.ds, i))
    }
}

#[pymethods]
impl PyRelation {
    /// The stable id, such as ``"zal-0042"``.
    #[getter]
    fn id(&self) -> String {
        self.get().id.to_string()
    }

    /// ``agreement``, ``partnership``, ``event``, ``trade-figure``, ``membership`` or
    /// ``project``.
    #[getter]
    fn kind(&self) -> String {
        self.get().kind.to_string()
    }

    /// The finer kind (``memorandum``, ``twin-cities``, ``visit``…), or None.
    #[getter]
    fn subkind(&self) -> Option<String> {
        self.get().subkind.map(|s| s.to_string())
    }

    /// The date or period as the source gives it (``"2014-10"``), or None.
    #[getter]
    fn date(&self) -> Option<String> {
        self.get().date.map(|d| d.to_string())
    }

    /// The parties, each an entity with a role.
    #[getter]
    fn parties(&self, py: Python<'_>) -> PyResult<Vec<PyParty>> {
        self.get()
            .parties
            .iter()
            .filter_map(|p| self.entity(&p.entity).map(|e| (e, p.role)))
            .map(|(e, role)| {
                Ok(PyParty {
                    entity: Py::new(py, e)?,
                    role: role.to_string(),
                })
            })
            .collect()
    }

    /// Where it happened, or None.
    #[getter]
    fn place(&self) -> Option<PyEntity> {
        self.get().place.as_ref().and_then(|p| self.entity(p))
    }

    /// The printed name of the document or event, or None.
    #[getter]
    fn title(&self) -> Option<String> {
        self.get().title.clone()
    }

    /// One English sentence on what happened.
    #[getter]
    fn summary(&self) -> String {
        self.get().summary.clone()
    }

    /// A trade figure's value as a dict (flow, amount, unit, scale, status), or None.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.get()
            .value
            .as_ref()
            .map(|v| json_to_py(py, &serde_json::to_string(v).unwrap_or_default()))
            .transpose()
    }

    /// Where it is stated: citations with the source, its record, locator and quote.
    #[getter]
    fn sources(&self, py: Python<'_>) -> PyResult<Vec<PyCitation>> {
        self.get()
            .sources
            .iter()
            .map(|c| {
                let doc = self
                    .ds
                    .source(&c.source)
                    .map_or(Ok(py.None().into_bound(py)), |s| {
                        json_to_py(py, &serde_json::to_string(s).unwrap_or_default())
                    })?;
                Ok(PyCitation {
                    source: c.source.clone(),
                    document: doc.unbind(),
                    locator: c.locator.clone(),
                    quote: c.quote.clone(),
                })
            })
            .collect()
    }

    /// A curator's remark on what the source garbles or contradicts, or None.
    #[getter]
    fn note(&self) -> Option<String> {
        self.get().note.clone()
    }

    /// The record as plain Python data (what the data files hold).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &serde_json::to_string(self.get()).map_err(bad)?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = self.get();
        let text =
            |s: &str| -> PyResult<String> { pyo3::types::PyString::new(py, s).repr()?.extract() };
        Ok(format!(
            "Relation({}, {}, {}, {})",
            text(r.id.as_str())?,
            r.kind,
            r.date.map_or("undated".to_string(), |d| d.to_string()),
            text(&r.summary)?
        ))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyRelation>()
            .is_ok_and(|o| o.get().get() == self.get())
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.get().id.hash(&mut h);
        h.finish()
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let f = py.import("kzrel._kzrel")?.getattr("_embedded_relation")?;
        Ok((f, (self.id(),)))
    }

    /// A small table for Jupyter: the fields, parties and quotes.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let html = py.import("html")?;
        let esc = |s: &str| -> PyResult<String> { html.call_method1("escape", (s,))?.extract() };
        let r = self.get();
        let mut out = format!(
            "<table><tr><th>{}</th><td>{} {}</td></tr><tr><th>date</th><td>{}</td></tr><tr><th>summary</th><td>{}</td></tr>",
            esc(r.id.as_str())?,
            esc(&r.kind.to_string())?,
            esc(&r.subkind.map(|s| s.to_string()).unwrap_or_default())?,
            esc(&r.date.map(|d| d.to_string()).unwrap_or_default())?,
            esc(&r.summary)?
        );
        for p in &r.parties {
            let _ = write!(
                out,
                "<tr><th>{}</th><td>{}</td></tr>",
                esc(&p.role.to_string())?,
                esc(p.entity.as_str())?
            );
        }
        for c in &r.sources {
            let _ = write!(
                out,
                "<tr><th>{}</th><td>“{}” ({})</td></tr>",
                esc(&c.source)?,
                esc(&c.quote)?,
                esc(&c.locator)?
            );
        }
        out.push_str("</table>");
        Ok(out)
    }
}

#[pymethods]
impl PyParty {
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let e = self.entity.bind(py).repr()?;
        Ok(format!("Party({e}, role={:?})", self.role))
    }
}

#[pymethods]
impl PyCitation {
    fn __repr__(&self) -> String {
        format!(
            "Citation({:?}, {:?}, {:?})",
            self.source, self.locator, self.quote
        )
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyRelations>()?;
    m.add_class::<PyRelation>()?;
    m.add_class::<PyParty>()?;
    m.add_class::<PyCitation>()?;
    m.add_function(wrap_pyfunction!(_embedded_relation, m)?)?;
    Ok(())
}
