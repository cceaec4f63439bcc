//! `Relations`: a query's result as a sequence, tables, files and views.

use std::fmt::Write as _;
use std::sync::Arc;

use kzrel_core::dataset::Dataset;
use kzrel_core::export::{relations_csv, relations_graphml, relations_jsonl};
use kzrel_core::relation::Relation;
use kzrel_core::time::PartialDate;
use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice};

use crate::dataset::import_optional;
use crate::relations::{bad, PyRelation};

/// A sequence of relations, in date order, that converts to tables and files: what
/// :meth:`Dataset.relations` gives. It indexes, slices and iterates like a list.
///
/// ```python
/// >>> import kzrel
/// >>> rs = kzrel.load().relations(party="KZ-63", country="CN", during="2014")
/// >>> rs
/// <kzrel.Relations: 4 relations>
/// >>> len(rs), rs.ids
/// (4, ['kar-0043', 'kar-0064', 'kar-0081', 'kar-0082'])
/// >>> rs[-1].kind
/// 'agreement'
/// >>> rs[1:3].ids
/// ['kar-0064', 'kar-0081']
/// >>> [r.date for r in rs]
/// ['2014-02-11', '2014-03-26/2014-03-28', '2014-10-16/2014-10-18', '2014-10-16/2014-10-18']
///
/// ```
#[pyclass(module = "kzrel", name = "Relations", frozen)]
pub struct PyRelations {
    pub(crate) ds: Arc<Dataset>,
    pub(crate) indices: Vec<usize>,
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
                crate::errors::detached(py, || std::fs::write(&p, text))?
                    .map_err(|e| pyo3::exceptions::PyOSError::new_err(e.to_string()))?;
                Ok(None)
            }
        }
    }
}

#[pymethods]
impl PyRelations {
    /// Relations pickle as their ids and come back from the embedded dataset.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (Vec<String>,))> {
        let f = py.import("kzrel._kzrel")?.getattr("_embedded_relations")?;
        let ids = self.get().iter().map(|r| r.id.to_string()).collect();
        Ok((f, (ids,)))
    }

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
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> rs = kzrel.load().relations(text="tuberculosis")
    /// >>> row = rs.rows()[2]
    /// >>> row["date"], row["flow"], row["amount"], row["unit"], row["scale"], row["value"]
    /// ('2014-09-18', 'cost', 5.2, 'EUR', 'million', 5200000.0)
    /// >>> row["source"], row["locator"]
    /// ('seed-karasev-regional-relations', 'line 119')
    /// >>> [(p["entity"], p["role"], p["country"]) for p in rs[:1].rows(per="party")]
    /// [('sa', 'signatory', 'sa'), ('kz-shyghys-qazaqstan-oblysy', 'signatory', 'kz')]
    ///
    /// ```
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
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> rs = kzrel.load().relations(party="KZ", within=True, party_kind="region", country="BY")
    /// >>> df = rs.to_pandas()
    /// >>> df.set_index("id").loc["zal-0142", ["date", "kind", "parties"]].tolist()
    /// ['2009', 'agreement', 'by-mahiliouskaja-voblasc=signatory;kz-shyghys-qazaqstan-oblysy=signatory']
    /// >>> parties = rs.to_pandas(per="party")
    /// >>> parties[parties["relation"] == "zal-0142"][["name", "role", "country"]].values.tolist()
    /// [['Mogilev Region', 'signatory', 'by'], ['East Kazakhstan Region', 'signatory', 'kz']]
    ///
    /// ```
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
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> import polars as pl
    /// >>> df = kzrel.load().relations(party="KZ-63", within=True).to_polars()
    /// >>> df.filter(pl.col("id") == "kar-0090").select("year", "amount", "unit", "scale", "value").row(0)
    /// (2014, 20.8, 'KZT', 'billion', 20800000000.0)
    ///
    /// ```
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
    ///
    /// ```python
    /// >>> import kzrel, json
    /// >>> rs = kzrel.load().relations(kind="partnership", party="kz-astana", during="2022")
    /// >>> record = json.loads(rs.to_jsonl())
    /// >>> record["id"], record["subkind"], record["parties"]
    /// ('chu-0050', 'twin-cities', [{'entity': 'kz-astana', 'role': 'party'}, {'entity': 'qa-ad-dawhah', 'role': 'party'}])
    ///
    /// ```
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
    ///
    /// ```python
    /// >>> import kzrel, csv, io
    /// >>> rs = kzrel.load().relations(text="tuberculosis")
    /// >>> rows = list(csv.DictReader(io.StringIO(rs.to_csv())))
    /// >>> [(r["id"], r["parties"]) for r in rows]
    /// [('kar-0060', 'sa=signatory;kz-shyghys-qazaqstan-oblysy=signatory'), ('kar-0061', 'sa=investor;kz-shyghys-qazaqstan-oblysy=partner'), ('kar-0062', 'kz-shyghys-qazaqstan-oblysy=reporter;sa=partner')]
    ///
    /// ```
    #[pyo3(signature = (path = None))]
    fn to_csv(&self, py: Python<'_>, path: Option<std::path::PathBuf>) -> PyResult<Option<String>> {
        let text = relations_csv(&self.get()).map_err(bad)?;
        Self::write_or_return(py, text, path)
    }

    /// A GraphML graph for Gephi or ``networkx.read_graphml``: entities as nodes (name
    /// in ``lang``, kind, country, ISO code, coordinates), an edge per pair of parties of
    /// each relation (kind, date, year, weight): returned, or written to ``path``.
    ///
    /// ```python
    /// >>> import kzrel, os, tempfile
    /// >>> import xml.etree.ElementTree as ET
    /// >>> rs = kzrel.load().relations(kind="partnership", party="kz-astana", during="2022")
    /// >>> with tempfile.TemporaryDirectory() as d:
    /// ...     path = os.path.join(d, "astana.graphml")
    /// ...     rs.to_graphml(path, lang="kk")
    /// ...     root = ET.parse(path).getroot()
    /// >>> ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    /// >>> [n.get("id") for n in root.iterfind(".//g:node", ns)]
    /// ['kz-astana', 'qa-ad-dawhah']
    /// >>> root.find(".//g:node/g:data[@key='name']", ns).text
    /// 'Астана'
    ///
    /// ```
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
    ///
    /// ```python
    /// >>> import kzrel, os, tempfile
    /// >>> import polars as pl
    /// >>> rs = kzrel.load().relations(party="KZ-63", within=True, kind="trade-figure")
    /// >>> with tempfile.TemporaryDirectory() as d:
    /// ...     path = os.path.join(d, "east-kazakhstan.parquet")
    /// ...     rs.to_parquet(path)
    /// ...     back = pl.read_parquet(path)
    /// >>> back.height == len(rs), back.columns[:4]
    /// (True, ['id', 'kind', 'subkind', 'date'])
    ///
    /// ```
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
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> rs = kzrel.load().relations(party="KZ-63", within=True, since="2014")
    /// >>> ties = rs.ego_network("KZ-63", within=True)
    /// >>> [(t["entity"], t["count"]) for t in ties[:3]]
    /// [('ru-altayskiy-kray', 7), ('co-posco-ec', 6), ('mn', 3)]
    /// >>> ties[0]["name"], ties[0]["first"], ties[0]["last"], sorted(ties[0]["kinds"].items())
    /// ('Altai Krai', '2014-04-08', '2014-10-16', [('agreement', 3), ('event', 4)])
    ///
    /// ```
    #[pyo3(signature = (key, within = false))]
    fn ego_network<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        within: bool,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let id = crate::dataset::entity_id(py, &self.ds, key)?;
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
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> rs = kzrel.load().relations(party="KZ-63", within=True, country="RU")
    /// >>> [(c["year"], c["partner"], c["count"]) for c in rs.counts(focal="KZ-63", within=True) if c["partner"].startswith("ru")]
    /// [(2014, 'ru', 1), (2014, 'ru-altay-respublika', 2), (2014, 'ru-altayskiy-kray', 7)]
    ///
    /// ```
    #[pyo3(signature = (focal = None, within = false))]
    fn counts<'py>(
        &self,
        py: Python<'py>,
        focal: Option<&str>,
        within: bool,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let focal = focal
            .map(|k| crate::dataset::entity_id(py, &self.ds, k))
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
    fn _repr_html_(&self) -> PyResult<String> {
        let esc = |s: &str| -> PyResult<String> { Ok(crate::dataset::html_escape(s)) };
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
