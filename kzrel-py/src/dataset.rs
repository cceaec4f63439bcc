//! Bindings of the dataset: `load()` and `Dataset`.

use std::sync::Arc;

use kzrel_core::dataset::{Dataset, LoadError, UnknownEntity};
use kzrel_core::entity::{Entity, EntityKind};
use kzrel_core::id::EntityId;
use kzrel_core::time::PartialDate;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

pub(crate) use crate::entity::{PyEntity, PyName};
use crate::errors;

/// Entities and the sources they cite, indexed for lookup, with the relations between
/// them: what :func:`kzrel.load` gives.
///
/// ```python
/// >>> import kzrel
/// >>> ds = kzrel.load()
/// >>> ds.entity("KZ-63")
/// Entity('kz-shyghys-qazaqstan-oblysy', region, 'East Kazakhstan Region')
/// >>> ds.resolve("Усть-Каменогорск")[0].entity.id
/// 'kz-ust-kamenogorsk'
/// >>> [m.entity.id for m in ds.extract("Аким ВКО посетил Барнаул.")]
/// ['kz-shyghys-qazaqstan-oblysy', 'ru-barnaul']
/// >>> ds.relations(party="KZ-63", country="CN", during="2014").ids
/// ['kar-0043', 'kar-0064', 'kar-0081', 'kar-0082']
///
/// ```
#[pyclass(module = "kzrel", name = "Dataset", frozen)]
#[derive(Clone)]
pub struct PyDataset {
    pub(crate) inner: Arc<Dataset>,
    /// How it was loaded, so that it pickles by reference: the embedded data is not
    /// copied, and files are read again where it is unpickled.
    pub(crate) origin: Arc<Origin>,
}

/// The arguments of the `load` that made a dataset.
#[derive(Debug, PartialEq, Eq, Hash, Clone)]
pub(crate) struct Origin {
    files: Vec<std::path::PathBuf>,
    embedded: bool,
    embedded_relations: bool,
}

/// A load's arguments and its files' sizes and times of change.
type LoadKey = (Origin, Vec<(u64, u128)>);

/// The datasets this process loaded from files, by [`LoadKey`]: unpickling many objects
/// of one dataset loads it once.
type Loaded = std::sync::Mutex<std::collections::HashMap<LoadKey, Arc<Dataset>>>;

fn loaded() -> &'static Loaded {
    static LOADED: std::sync::OnceLock<Loaded> = std::sync::OnceLock::new();
    LOADED.get_or_init(Default::default)
}

/// What `__reduce__` gives: the function to call and its arguments.
type Reduced<'py, A> = (Bound<'py, PyAny>, A);

/// Size and time of change of each file (zeros where unreadable: the load reports it).
fn stamps(files: &[std::path::PathBuf]) -> Vec<(u64, u128)> {
    files
        .iter()
        .map(|f| {
            std::fs::metadata(f).map_or((0, 0), |m| {
                let t = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                (m.len(), t)
            })
        })
        .collect()
}

/// The date a lookup is made on: the given text, or today.
pub(crate) fn as_of(text: Option<&str>) -> PyResult<PartialDate> {
    match text {
        None => Ok(PartialDate::today()),
        Some(t) => t
            .parse()
            .map_err(|e: kzrel_core::time::DateError| PyValueError::new_err(e.to_string())),
    }
}

fn load_error(py: Python<'_>, e: &LoadError) -> PyErr {
    let problems: Vec<String> = e.problems().iter().map(ToString::to_string).collect();
    errors::dataset_error(py, &e.to_string(), problems)
}

/// A kebab-case value (an entity or relation kind) from its text; the error names `what`
/// was asked for and lists the values there are.
pub(crate) fn parse_kind<T: std::str::FromStr + std::fmt::Display>(
    text: &str,
    what: &str,
    all: &[T],
) -> PyResult<T> {
    text.parse().map_err(|_| {
        let names: Vec<String> = all.iter().map(ToString::to_string).collect();
        PyValueError::new_err(format!(
            "unknown {what} {text:?}; one of {}",
            names.join(", ")
        ))
    })
}

/// Text for HTML, escaped as Python's `html.escape` does (quotes included).
pub(crate) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// The kzrel id of the entity `key` names, or an `UnknownEntityError`.
pub(crate) fn entity_id(py: Python<'_>, ds: &Dataset, key: &str) -> PyResult<EntityId> {
    ds.entity(key)
        .map(|e| e.id.clone())
        .map_err(|e| unknown(py, &e))
}

pub(crate) fn unknown(py: Python<'_>, e: &UnknownEntity) -> PyErr {
    errors::unknown_entity(py, &e.to_string(), &e.key, e.suggestion.as_deref())
}

/// The dataset embedded in kzrel (loaded once, shared after), or, given ``files``, that
/// data extended with them (or them alone with ``embedded=False``; with
/// ``embedded_relations=False`` the embedded entities and sources without the embedded
/// relations, to load relations of your own or an export): ``*.jsonl`` files of records
/// (entities, amendments, relations), ``*.csv`` tables of relations and ``*.toml`` files
/// of sources (and ``[[entity]]``/``[[relation]]`` records). A dataset that does not
/// check out raises :class:`kzrel.DatasetError` listing every problem, and nothing is
/// loaded.
///
/// ```python
/// >>> import kzrel, pathlib, tempfile
/// >>> ds = kzrel.load()
/// >>> ds.entity("KZ-63").name
/// 'East Kazakhstan Region'
/// >>> twins = ds.relations(kind="partnership", party="kz-astana", during="2022")
/// >>> with tempfile.TemporaryDirectory() as d:
/// ...     path = pathlib.Path(d, "twins.jsonl")
/// ...     twins.to_jsonl(path)
/// ...     mine = kzrel.load(path, embedded_relations=False)
/// >>> mine.relations().ids
/// ['chu-0050']
/// >>> len(mine) == len(ds)
/// True
///
/// ```
#[pyfunction]
#[pyo3(signature = (*files, embedded = true, embedded_relations = true))]
pub fn load(
    py: Python<'_>,
    files: Vec<std::path::PathBuf>,
    embedded: bool,
    embedded_relations: bool,
) -> PyResult<PyDataset> {
    let origin = Arc::new(Origin {
        // Absolute, so that a pickle is read again from the same files in another
        // working directory.
        files: files
            .iter()
            .map(|f| std::path::absolute(f).unwrap_or_else(|_| f.clone()))
            .collect(),
        embedded,
        embedded_relations,
    });
    if files.is_empty() && embedded && embedded_relations {
        return Dataset::embedded()
            .map(|inner| PyDataset { inner, origin })
            .map_err(|e| load_error(py, &e));
    }
    let built = crate::errors::detached(py, || {
        let mut b = match (embedded, embedded_relations) {
            (true, true) => Dataset::builder_with_embedded(),
            (true, false) => Dataset::builder_with_embedded_entities(),
            (false, _) => Dataset::builder(),
        };
        for f in &files {
            b.file(f);
        }
        b.build()
    })?;
    built
        .map(|d| PyDataset {
            inner: Arc::new(d),
            origin,
        })
        .map_err(|e| load_error(py, &e))
}

/// `load` again, for unpickling: a dataset loaded from the same unchanged files before
/// in this process is shared, not loaded again.
#[pyfunction]
pub fn _load_again(
    py: Python<'_>,
    files: Vec<std::path::PathBuf>,
    embedded: bool,
    embedded_relations: bool,
) -> PyResult<PyDataset> {
    let origin = Origin {
        files: files.clone(),
        embedded,
        embedded_relations,
    };
    let key = (origin.clone(), stamps(&files));
    let known = loaded().lock().ok().and_then(|m| m.get(&key).cloned());
    if let Some(inner) = known {
        return Ok(PyDataset {
            inner,
            origin: Arc::new(origin),
        });
    }
    let ds = load(py, files, embedded, embedded_relations)?;
    if let Ok(mut m) = loaded().lock() {
        m.insert(key, ds.inner.clone());
    }
    Ok(ds)
}

/// The entity with kzrel id `id` in the embedded dataset (used to unpickle entities).
#[pyfunction]
pub fn _embedded_entity(py: Python<'_>, id: &str) -> PyResult<PyEntity> {
    load(py, Vec::new(), true, true)?.entity(py, id)
}

#[pymethods]
impl PyDataset {
    /// A dataset pickles as the way it was loaded: the embedded one by reference, one
    /// with files by their paths (which must be readable where it is unpickled).
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Reduced<'py, (Vec<std::path::PathBuf>, bool, bool)>> {
        let f = py.import("kzrel._kzrel")?.getattr("_load_again")?;
        let o = &*self.origin;
        Ok((f, (o.files.clone(), o.embedded, o.embedded_relations)))
    }

    /// The entity a key names: a kzrel id (``"kz"``), an ISO 3166 code (``"KZ"``,
    /// ``"KAZ"``, ``"KZ-63"``) or ``"geonames:<id>"``. Raises
    /// :class:`kzrel.UnknownEntityError` (a ``KeyError``) with the nearest key.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> ds.entity("kz-ust-kamenogorsk")
    /// Entity('kz-ust-kamenogorsk', city, 'Oskemen')
    /// >>> ds.entity("KAZ") == ds.entity("KZ") == ds.entity("kz")
    /// True
    /// >>> ds.entity("geonames:1520316").name
    /// 'Oskemen'
    /// >>> ds.entity("KZ-99")  # doctest: +ELLIPSIS
    /// Traceback (most recent call last):
    ///   ...
    /// kzrel.errors.UnknownEntityError: no entity "KZ-99" (did you mean "KZ-19"?); ...
    ///
    /// ```
    fn entity(&self, py: Python<'_>, key: &str) -> PyResult<PyEntity> {
        let index = self.inner.position(key).map_err(|e| unknown(py, &e))?;
        Ok(PyEntity::at(&self.inner, index))
    }

    /// The entities of ``kind`` (``"country"``, ``"region"``, ``"city"``…) in
    /// ``country`` (any key of a country: ``"KZ"``, ``"kz"``) that exist on ``as_of``
    /// (``"1995"``, ``"2014-10"``); every argument left None widens the choice. Without
    /// ``as_of``, any time: an entity counts in the country it was in on its last day.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> now = ds.entities(kind="region", country="KZ", as_of="2026")
    /// >>> len(now)
    /// 17
    /// >>> [e.name for e in ds.entities(kind="region", country="KZ") if e not in now]
    /// ['Kokshetau Oblast', 'Semipalatinsk Oblast', 'Taldykorgan Oblast', 'Torgay Region', 'Zhezkazgan Oblast']
    ///
    /// ```
    #[pyo3(signature = (kind = None, country = None, as_of = None))]
    fn entities(
        &self,
        py: Python<'_>,
        kind: Option<&str>,
        country: Option<&str>,
        as_of: Option<&str>,
    ) -> PyResult<Vec<PyEntity>> {
        Ok(self
            .select(py, kind, country, as_of)?
            .into_iter()
            .map(|index| PyEntity::at(&self.inner, index))
            .collect())
    }

    /// The same selection as :meth:`entities`, one dict per entity with the keys id,
    /// kind, subkind, name, ``iso3166``, ``iso3166_alpha3``, ``geonames_id``, lat, lon,
    /// parent and country (the last two on ``as_of``, today when None).
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> ds.rows(kind="region", country="KZ")[0]
    /// {'id': 'kz-abay-oblysy', 'kind': 'region', 'subkind': 'oblast', 'name': 'Abai Region', 'iso3166': 'KZ-10', 'iso3166_alpha3': None, 'geonames_id': None, 'lat': None, 'lon': None, 'parent': 'kz', 'country': 'kz'}
    /// >>> [r["parent"] for r in ds.rows(kind="city", country="KZ", as_of="2010") if r["id"] == "kz-semey"]
    /// ['kz-shyghys-qazaqstan-oblysy']
    ///
    /// ```
    #[pyo3(signature = (kind = None, country = None, as_of = None))]
    fn rows<'py>(
        &self,
        py: Python<'py>,
        kind: Option<&str>,
        country: Option<&str>,
        as_of: Option<&str>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.values(py, kind, country, as_of)?
            .into_iter()
            .map(|row| {
                let d = PyDict::new(py);
                for (key, value) in ROW_COLUMNS.iter().zip(row) {
                    d.set_item(key, value)?;
                }
                Ok(d)
            })
            .collect()
    }

    /// :meth:`rows` as a ``pandas.DataFrame`` (pandas must be installed).
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> df = kzrel.load().to_pandas(kind="city", country="KZ", as_of="2010")
    /// >>> list(df.columns)
    /// ['id', 'kind', 'subkind', 'name', 'iso3166', 'iso3166_alpha3', 'geonames_id', 'lat', 'lon', 'parent', 'country']
    /// >>> df.loc[df["id"] == "kz-semey", ["name", "parent", "lat", "lon"]].to_dict("records")
    /// [{'name': 'Semey', 'parent': 'kz-shyghys-qazaqstan-oblysy', 'lat': 50.42064, 'lon': 80.25025}]
    ///
    /// ```
    #[pyo3(signature = (kind = None, country = None, as_of = None))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        kind: Option<&str>,
        country: Option<&str>,
        as_of: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rows = self.rows(py, kind, country, as_of)?;
        let pandas = import_optional(py, "pandas")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("columns", ROW_COLUMNS.to_vec())?;
        pandas.getattr("DataFrame")?.call((rows,), Some(&kwargs))
    }

    /// :meth:`rows` as a ``polars.DataFrame`` (polars must be installed).
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> df = kzrel.load().to_polars(kind="region", country="KZ", as_of="2026")
    /// >>> df.height
    /// 17
    /// >>> df.select("iso3166", "name").row(0)
    /// ('KZ-10', 'Abai Region')
    ///
    /// ```
    #[pyo3(signature = (kind = None, country = None, as_of = None))]
    fn to_polars<'py>(
        &self,
        py: Python<'py>,
        kind: Option<&str>,
        country: Option<&str>,
        as_of: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let values = self.values(py, kind, country, as_of)?;
        let polars = import_optional(py, "polars")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("schema", ROW_COLUMNS.to_vec())?;
        kwargs.set_item("orient", "row")?;
        polars.getattr("DataFrame")?.call((values,), Some(&kwargs))
    }

    /// The ids of every source the data cites, sorted.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> [s for s in kzrel.load().source_ids() if s.startswith("seed-")]
    /// ['seed-chukubayev-astana-2023', 'seed-eu-central-asia', 'seed-ivanov-zhundubaev-2015', 'seed-karasev-regional-relations', 'seed-khasenova-kz-china-border', 'seed-osce-chairmanship-2010', 'seed-zalesskij-partnership-vector']
    ///
    /// ```
    fn source_ids(&self) -> Vec<String> {
        self.inner.sources().keys().cloned().collect()
    }

    /// A cited source, as a dict (title, publisher, via, license, url, note; a paper's
    /// authors, year, doi…), or None.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> ds.source("seed-chukubayev-astana-2023")["title"]
    /// 'Astana as an actor in world politics'
    /// >>> ds.source("geonames")["license"]
    /// 'CC-BY-4.0'
    /// >>> ds.source("no-such-source") is None
    /// True
    ///
    /// ```
    fn source<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner
            .source(id)
            .map(|s| json_to_py(py, &serde_json::to_string(s).unwrap_or_default()))
            .transpose()
    }

    /// The relations that meet every condition given, in date order: ``kind`` (one or
    /// a list), ``party`` (an entity key or a list; with ``within=True`` what lies inside
    /// it counts too, and ``party_kind`` keeps only parties of that kind — "any region
    /// of Kazakhstan" is ``party="KZ", within=True, party_kind="region"``), ``country``
    /// (a counterpart: another party in that country on the relation's date),
    /// ``since``/``until``/``during`` (partial dates: "2014" overlaps "2014-10-16"),
    /// ``place`` and ``text`` (in title, summary, note or quote).
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> ds.relations(party="KZ-63", country="CN", during="2014").ids
    /// ['kar-0043', 'kar-0064', 'kar-0081', 'kar-0082']
    /// >>> ds.relations(kind="partnership", party="KZ", within=True, party_kind="city", since="2022").ids
    /// ['chu-0050']
    /// >>> ds.relations(text="tuberculosis").ids
    /// ['kar-0060', 'kar-0061', 'kar-0062']
    /// >>> ds.relations(place="ru-barnaul")[0]
    /// Relation('kar-0057', event, 2014-04-08/2014-04-10, '"Days" of the East Kazakhstan region are held in Barnaul, Altai Krai.')
    ///
    /// ```
    #[pyo3(signature = (kind = None, party = None, within = false, party_kind = None,
                        country = None, since = None, until = None, during = None,
                        place = None, text = None))]
    #[allow(clippy::too_many_arguments)]
    fn relations(
        &self,
        py: Python<'_>,
        kind: Option<OneOrMany>,
        party: Option<OneOrMany>,
        within: bool,
        party_kind: Option<&str>,
        country: Option<&str>,
        since: Option<&str>,
        until: Option<&str>,
        during: Option<&str>,
        place: Option<&str>,
        text: Option<&str>,
    ) -> PyResult<crate::relations::PyRelations> {
        crate::relations::query(
            py,
            &self.inner,
            kind.map(OneOrMany::into_vec),
            party.map(OneOrMany::into_vec),
            within,
            party_kind,
            country,
            since,
            until,
            during,
            place,
            text,
        )
    }

    /// The entities ``name`` may name, best first (at most ``limit``): each a
    /// :class:`Match` with the entity, a score in [0, 1], the method (exact, key,
    /// inflection, abbreviation, historical, fuzzy), the name met and notes. ``as_of``
    /// weighs names and existence on that date; ``kind`` and ``country`` filter.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> ds.resolve("ВКО")
    /// [Match(Entity('kz-shyghys-qazaqstan-oblysy', region, 'East Kazakhstan Region'), score=1.000, method="abbreviation", matched='ВКО')]
    /// >>> m = ds.resolve("Semipalatinsk", as_of="2015")[0]
    /// >>> m.entity.id, m.score, m.method
    /// ('kz-semey', 0.75, 'historical')
    /// >>> [m.entity.id for m in ds.resolve("Алтай", kind="region")]
    /// ['cn-altay-prefecture', 'ru-altay-respublika', 'ru-altayskiy-kray']
    /// >>> [m.entity.id for m in ds.resolve("Altai", country="KZ")]
    /// ['kz-altay']
    ///
    /// ```
    #[pyo3(signature = (name, as_of = None, kind = None, country = None, limit = 5))]
    fn resolve(
        &self,
        py: Python<'_>,
        name: &str,
        as_of: Option<&str>,
        kind: Option<&str>,
        country: Option<&str>,
        limit: i64,
    ) -> PyResult<Vec<crate::resolve::PyMatch>> {
        let opts = crate::resolve::options(py, &self.inner, as_of, kind, country, limit)?;
        crate::resolve::resolve(py, &self.inner, name, &opts)
    }

    /// The mentions of many ``texts`` (a list or a pandas Series), read with the GIL
    /// released, best candidate only, as columns: a ``pandas.DataFrame``
    /// (``frame="polars"`` for polars, ``None`` for a dict of lists) with ``doc`` (the
    /// text's position in ``texts``), ``start`` and ``end`` (Python string indices),
    /// ``text``, ``entity``, ``kind``, ``method`` and ``score``. The fast way through a
    /// corpus: no object per mention.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> texts = ["Делегация Павлодарской области посетила Омск.", "Аким ВКО встретился с делегацией Синьцзяна."]
    /// >>> cols = ds.extract_many(texts, frame=None)
    /// >>> list(zip(cols["doc"], cols["text"], cols["entity"]))
    /// [(0, 'Павлодарской области', 'kz-pavlodar-oblysy'), (0, 'Омск', 'ru-omsk'), (1, 'ВКО', 'kz-shyghys-qazaqstan-oblysy'), (1, 'Синьцзяна', 'cn-xinjiang-uygur-zizhiqu')]
    /// >>> df = ds.extract_many(texts)
    /// >>> df.groupby("doc")["entity"].count().tolist()
    /// [2, 2]
    ///
    /// ```
    #[pyo3(signature = (texts, as_of = None, kind = None, country = None, frame = Some("pandas")))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        as_of: Option<&str>,
        kind: Option<&str>,
        country: Option<&str>,
        frame: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let opts = crate::resolve::options(py, &self.inner, as_of, kind, country, 5)?;
        crate::extract_many::extract_many(py, &self.inner, &texts, &opts, frame)
    }

    /// The best match of each of ``names`` (a list or a pandas Series), resolved with
    /// the GIL released, as a ``pandas.DataFrame`` (``frame="polars"`` for polars,
    /// ``None`` for a list of dicts): query, entity, name, kind, score, method, matched,
    /// notes; a query that finds nothing gets empty cells.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> rows = ds.resolve_many(["Öskemen", "ВКО", "Tselinograd", "Atlantis"], frame=None)
    /// >>> [(r["query"], r["entity"], r["method"]) for r in rows]
    /// [('Öskemen', 'kz-ust-kamenogorsk', 'exact'), ('ВКО', 'kz-shyghys-qazaqstan-oblysy', 'abbreviation'), ('Tselinograd', 'kz-astana', 'historical'), ('Atlantis', None, None)]
    /// >>> df = ds.resolve_many(["Öskemen", "ВКО", "Tselinograd", "Atlantis"])
    /// >>> df["entity"].isna().tolist()
    /// [False, False, False, True]
    /// >>> df.loc[2, "notes"]
    /// '"Tselinograd" is a former name (in use 1961/1992)'
    ///
    /// ```
    #[pyo3(signature = (names, as_of = None, kind = None, country = None, frame = Some("pandas")))]
    fn resolve_many<'py>(
        &self,
        py: Python<'py>,
        names: &Bound<'py, PyAny>,
        as_of: Option<&str>,
        kind: Option<&str>,
        country: Option<&str>,
        frame: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let queries: Vec<String> = names
            .try_iter()?
            .map(|x| x.and_then(|x| x.extract::<String>()))
            .collect::<PyResult<_>>()?;
        let opts = crate::resolve::options(py, &self.inner, as_of, kind, country, 1)?;
        crate::resolve::resolve_many(py, &self.inner, queries, &opts, frame)
    }

    /// Every mention of a known place, organization or person in ``text``, in text
    /// order: :class:`Mention` objects with ``start`` and ``end`` (Python string indices:
    /// ``text[m.start:m.end] == m.text``), the best ``entity`` and the ranked
    /// ``candidates``. ``as_of`` weighs former names; ``kind`` and ``country`` filter.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> text = "Аким ВКО встретился с делегацией Синьцзяна в Усть-Каменогорске."
    /// >>> ms = ds.extract(text)
    /// >>> [(m.text, m.entity.id) for m in ms]
    /// [('ВКО', 'kz-shyghys-qazaqstan-oblysy'), ('Синьцзяна', 'cn-xinjiang-uygur-zizhiqu'), ('Усть-Каменогорске', 'kz-ust-kamenogorsk')]
    /// >>> ms[2].start, ms[2].end, text[ms[2].start:ms[2].end]
    /// (45, 62, 'Усть-Каменогорске')
    /// >>> [m.text for m in ds.extract(text, kind="city")]
    /// ['Усть-Каменогорске']
    ///
    /// ```
    #[pyo3(signature = (text, as_of = None, kind = None, country = None, limit = 5))]
    fn extract(
        &self,
        py: Python<'_>,
        text: &str,
        as_of: Option<&str>,
        kind: Option<&str>,
        country: Option<&str>,
        limit: i64,
    ) -> PyResult<Vec<crate::mention::PyMention>> {
        let opts = crate::resolve::options(py, &self.inner, as_of, kind, country, limit)?;
        crate::mention::extract(py, self, text, &opts)
    }

    /// The relation with id ``id``; a ``KeyError`` if there is none.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> ds.relation("zal-0019")
    /// Relation('zal-0019', trade-figure, 2010, 'Trade turnover between Belarus and Kazakhstan reached 870 million US dollars in 2010.')
    /// >>> ds.relation("zal-0019").value["amount"]
    /// 870.0
    /// >>> ds.relation("zal-9999")
    /// Traceback (most recent call last):
    ///   ...
    /// KeyError: 'no relation "zal-9999"'
    ///
    /// ```
    fn relation(&self, id: &str) -> PyResult<crate::relations::PyRelation> {
        crate::relations::relation(&self.inner, id)
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<kzrel.Dataset: {} entities, {} relations, {} sources>",
            self.inner.len(),
            self.inner.relations().len(),
            self.inner.sources().len()
        )
    }
}

/// A string or a list of strings, as an argument.
#[derive(FromPyObject)]
pub(crate) enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// The columns of :meth:`Dataset.rows`, in order.
const ROW_COLUMNS: [&str; 11] = [
    "id",
    "kind",
    "subkind",
    "name",
    "iso3166",
    "iso3166_alpha3",
    "geonames_id",
    "lat",
    "lon",
    "parent",
    "country",
];

/// An optional package, or an `ImportError` that says how to get it.
pub(crate) fn import_optional<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(name).map_err(|_| {
        pyo3::exceptions::PyImportError::new_err(format!(
            "{name} is not installed: pip install {name} (or pip install 'kzrel[{name}]')"
        ))
    })
}

/// `data` (rows or columns) as the `DataFrame` `frame` names ("pandas" or "polars"), or
/// as it is for None.
pub(crate) fn as_frame<'py>(
    py: Python<'py>,
    data: Bound<'py, PyAny>,
    frame: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    match frame {
        None => Ok(data),
        Some(lib @ ("pandas" | "polars")) => import_optional(py, lib)?
            .getattr("DataFrame")?
            .call1((data,)),
        Some(other) => Err(PyValueError::new_err(format!(
            "frame={other:?}: one of \"pandas\", \"polars\" or None"
        ))),
    }
}

/// The English name in use today, else the first name.
pub(crate) fn display_name(e: &Entity) -> String {
    e.name("en", &PartialDate::today())
        .or(e.names.first())
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

impl PyDataset {
    /// The values of :meth:`rows`, in the order of `ROW_COLUMNS`, one list per entity.
    fn values<'py>(
        &self,
        py: Python<'py>,
        kind: Option<&str>,
        country: Option<&str>,
        as_of: Option<&str>,
    ) -> PyResult<Vec<Vec<Bound<'py, PyAny>>>> {
        let on = self::as_of(as_of)?;
        self.select(py, kind, country, as_of)?
            .into_iter()
            .map(|i| {
                let e = &self.inner.entities()[i];
                let country = self.inner.country_of(e, &on).map(|c| c.id.as_str());
                Ok(vec![
                    e.id.as_str().into_pyobject(py)?.into_any(),
                    e.kind.to_string().into_pyobject(py)?.into_any(),
                    e.subkind.map(|s| s.to_string()).into_pyobject(py)?,
                    display_name(e).into_pyobject(py)?.into_any(),
                    e.external.iso3166.as_deref().into_pyobject(py)?,
                    e.external.iso3166_alpha3.as_deref().into_pyobject(py)?,
                    e.external.geonames.into_pyobject(py)?,
                    e.coordinates.map(|c| c.lat).into_pyobject(py)?,
                    e.coordinates.map(|c| c.lon).into_pyobject(py)?,
                    self.inner
                        .parent_of(e, &on)
                        .map(|p| p.id.as_str())
                        .into_pyobject(py)?,
                    country.into_pyobject(py)?,
                ])
            })
            .collect()
    }

    /// Positions of the entities a selection names.
    fn select(
        &self,
        py: Python<'_>,
        kind: Option<&str>,
        country: Option<&str>,
        as_of: Option<&str>,
    ) -> PyResult<Vec<usize>> {
        let kind = kind
            .map(|k| parse_kind(k, "kind", &EntityKind::ALL))
            .transpose()?;
        let on = as_of.map(|t| self::as_of(Some(t))).transpose()?;
        let chosen = self
            .inner
            .select(kind, country, on.as_ref())
            .map_err(|e| unknown(py, &e))?;
        Ok(chosen
            .into_iter()
            .filter_map(|e| self.inner.position(e.id.as_str()).ok())
            .collect())
    }
}

pub(crate) fn json_to_py<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (json,))
}

/// Register the classes and functions of this module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyDataset>()?;
    m.add_class::<PyEntity>()?;
    m.add_class::<PyName>()?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(_embedded_entity, m)?)?;
    m.add_function(wrap_pyfunction!(_load_again, m)?)?;
    m.add_function(wrap_pyfunction!(crate::entity::_name, m)?)?;
    Ok(())
}
