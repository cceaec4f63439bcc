//! Bindings of relations: `Dataset.relations(...)`, `Relations`, `Relation`, `Party`,
//! `Citation`. Queries, views and exports run in kzrel-core; this converts.

use std::fmt::Write as _;
use std::sync::Arc;

use kzrel_core::dataset::Dataset;
use kzrel_core::entity::EntityKind;
use kzrel_core::query::RelationQuery;
use kzrel_core::relation::{Relation, RelationKind};
use kzrel_core::time::PartialDate;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::dataset::{json_to_py, parse_kind, PyEntity};
pub(crate) use crate::relation_list::PyRelations;

/// One relation: an agreement, partnership, event, trade figure, membership or project,
/// with its parties, date, place and the sources that state it.
///
/// ```python
/// >>> import kzrel
/// >>> r = kzrel.load().relation("kar-0057")
/// >>> r
/// Relation('kar-0057', event, 2014-04-08/2014-04-10, '"Days" of the East Kazakhstan region are held in Barnaul, Altai Krai.')
/// >>> r.id, r.kind, r.subkind, r.date
/// ('kar-0057', 'event', 'other', '2014-04-08/2014-04-10')
/// >>> r.title, r.place
/// ('Days of the Altai Krai', Entity('ru-barnaul', city, 'Barnaul'))
/// >>> r.parties[0]
/// Party(Entity('kz-shyghys-qazaqstan-oblysy', region, 'East Kazakhstan Region'), role="visitor")
/// >>> r.sources[0].locator
/// 'line 117'
/// >>> r.note.startswith("Garbled")
/// True
/// >>> kzrel.load().relation("kar-0062").value
/// {'flow': 'cost', 'amount': 5.2, 'unit': 'EUR', 'scale': 'million', 'status': 'actual'}
///
/// ```
#[pyclass(module = "kzrel", name = "Relation", frozen)]
pub struct PyRelation {
    pub(crate) ds: Arc<Dataset>,
    pub(crate) index: usize,
}

/// An entity taking part in a relation, with its role.
///
/// ```python
/// >>> import kzrel
/// >>> r = kzrel.load().relation("kar-0074")
/// >>> r.summary
/// 'A Czech delegation led by the Plzeň Region governor Václav Šlajs visits East Kazakhstan.'
/// >>> [(p.entity.id, p.role) for p in r.parties]
/// [('cz-plzensky-kraj', 'visitor'), ('person-vaclav-slajs', 'visitor'), ('kz-shyghys-qazaqstan-oblysy', 'host')]
/// >>> p = r.parties[2]
/// >>> p.entity.name, p.role
/// ('East Kazakhstan Region', 'host')
///
/// ```
#[pyclass(module = "kzrel", name = "Party", frozen, get_all)]
pub struct PyParty {
    /// The entity.
    entity: Py<PyEntity>,
    /// Its part: signatory, host, visitor, member, organization, reporter, partner…
    role: String,
}

/// Where a relation is stated: the source's id and record, the place in it, its words.
///
/// ```python
/// >>> import kzrel
/// >>> c = kzrel.load().relation("chu-0050").sources[0]
/// >>> c.source, c.locator
/// ('seed-chukubayev-astana-2023', 'line 139')
/// >>> c.quote
/// 'On October 12, 2022, an agreement was signed on the twinning of Astana and the city of Doha.'
/// >>> c.document["title"], c.document["year"], c.document["doi"]
/// ('Astana as an actor in world politics', 2023, '10.48371/ISMO.2023.51.1.007')
///
/// ```
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

pub(crate) fn bad(e: impl std::fmt::Display) -> PyErr {
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
    let key = |k: &str| crate::dataset::entity_id(py, ds, k);
    let mut q = RelationQuery::new().within(within);
    for k in kind.unwrap_or_default() {
        let parsed = parse_kind(&k, "relation kind", &RelationKind::ALL)?;
        q = q.kind(parsed);
    }
    for p in party.unwrap_or_default() {
        q = q.party(key(&p)?);
    }
    if let Some(k) = party_kind {
        let parsed = parse_kind(k, "entity kind", &EntityKind::ALL)?;
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
    let found = crate::errors::detached(py, || {
        ds.query(&q)
            .into_iter()
            .filter_map(|r| ds.relation_position(r.id.as_str()))
            .collect()
    })?;
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
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> d = kzrel.load().relation("zal-0019").to_dict()
    /// >>> d["parties"]
    /// [{'entity': 'by', 'role': 'reporter'}, {'entity': 'kz', 'role': 'partner'}]
    /// >>> d["value"]
    /// {'flow': 'turnover', 'amount': 870.0, 'unit': 'USD', 'scale': 'million', 'status': 'actual'}
    ///
    /// ```
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
    fn _repr_html_(&self) -> PyResult<String> {
        let esc = |s: &str| -> PyResult<String> { Ok(crate::dataset::html_escape(s)) };
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
    /// Pickles as its entity (by id) and role.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Py<PyEntity>, String))> {
        let f = py.import("kzrel._kzrel")?.getattr("_party")?;
        Ok((f, (self.entity.clone_ref(py), self.role.clone())))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let e = self.entity.bind(py).repr()?;
        Ok(format!("Party({e}, role={:?})", self.role))
    }
}

#[pymethods]
impl PyCitation {
    /// Pickles as its fields.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (String, Py<PyAny>, String, String))> {
        let f = py.import("kzrel._kzrel")?.getattr("_citation")?;
        Ok((
            f,
            (
                self.source.clone(),
                self.document.clone_ref(py),
                self.locator.clone(),
                self.quote.clone(),
            ),
        ))
    }

    fn __repr__(&self) -> String {
        format!(
            "Citation({:?}, {:?}, {:?})",
            self.source, self.locator, self.quote
        )
    }
}

/// A party again, for unpickling.
#[pyfunction]
pub fn _party(entity: Py<PyEntity>, role: String) -> PyParty {
    PyParty { entity, role }
}

/// A citation again, for unpickling.
#[pyfunction]
pub fn _citation(
    source: String,
    document: Py<PyAny>,
    locator: String,
    quote: String,
) -> PyCitation {
    PyCitation {
        source,
        document,
        locator,
        quote,
    }
}

/// Relations of the embedded dataset by id, for unpickling.
#[pyfunction]
pub fn _embedded_relations(ids: Vec<String>) -> PyResult<PyRelations> {
    let ds = Dataset::embedded().map_err(bad)?;
    let indices = ids
        .iter()
        .map(|id| {
            ds.relation_position(id)
                .ok_or_else(|| bad(format!("no relation {id:?} in the embedded dataset")))
        })
        .collect::<PyResult<Vec<_>>>()?;
    Ok(PyRelations { ds, indices })
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_party, m)?)?;
    m.add_function(wrap_pyfunction!(_citation, m)?)?;
    m.add_function(wrap_pyfunction!(_embedded_relations, m)?)?;
    m.add_class::<PyRelations>()?;
    m.add_class::<PyRelation>()?;
    m.add_class::<PyParty>()?;
    m.add_class::<PyCitation>()?;
    m.add_function(wrap_pyfunction!(_embedded_relation, m)?)?;
    Ok(())
}
