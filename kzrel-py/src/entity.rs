//! Bindings of entities: `Entity` and `Name`.

use std::fmt::Write as _;
use std::sync::Arc;

use kzrel_core::dataset::Dataset;
use kzrel_core::entity::{Entity, Name};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::dataset::{as_of, display_name, json_to_py};

/// One entity of a dataset: a country, region, city, district, organization, company or
/// person, with its names, codes, parents and seats over time. Get one with
/// :meth:`Dataset.entity`, :meth:`Dataset.entities` or :meth:`Dataset.resolve`.
///
/// ```python
/// >>> import kzrel
/// >>> ds = kzrel.load()
/// >>> e = ds.entity("kz-ust-kamenogorsk")
/// >>> e
/// Entity('kz-ust-kamenogorsk', city, 'Oskemen')
/// >>> e.id, e.kind, e.subkind, e.name
/// ('kz-ust-kamenogorsk', 'city', 'regional-centre', 'Oskemen')
/// >>> e.geonames_id, e.coordinates
/// (1520316, (49.97143, 82.60586))
/// >>> e.name_in("kk"), e.name_in("ru")
/// ('Өскемен', 'Усть-Каменогорск')
/// >>> kz = ds.entity("KZ")
/// >>> kz.iso3166, kz.iso3166_alpha3, kz.period, kz.predecessors
/// ('KZ', 'KAZ', '1991-12-16/..', [Entity('kz-ssr', country, 'Kazakh SSR')])
/// >>> ds.entity("KZ-63").successors
/// [Entity('kz-abay-oblysy', region, 'Abai Region')]
/// >>> ds.entity("person-askar-beisenbayev").roles[0]["title"]
/// 'Ambassador Extraordinary and Plenipotentiary of Kazakhstan to Belarus'
///
/// ```
#[pyclass(module = "kzrel", name = "Entity", frozen)]
pub struct PyEntity {
    pub(crate) ds: Arc<Dataset>,
    pub(crate) index: usize,
}

/// One name of an entity: its text, language, script, kind, period of use and source.
///
/// ```python
/// >>> import kzrel
/// >>> names = [n for n in kzrel.load().entity("kz-semey").names if n.lang == "ru"]
/// >>> names
/// [Name('Семипалатинск', lang='ru', script='Cyrl', kind='historical', period='../2007-06-20'), Name('Семей', lang='ru', script='Cyrl', kind='official', period='2007-06-21/..')]
/// >>> n = names[0]
/// >>> n.text, n.lang, n.script, n.kind, n.period, n.source
/// ('Семипалатинск', 'ru', 'Cyrl', 'historical', '../2007-06-20', 'src-kzcity-ehistory-semey-2007')
///
/// ```
#[pyclass(module = "kzrel", name = "Name", frozen, get_all)]
pub struct PyName {
    /// The name as written.
    text: String,
    /// Its language (ISO 639).
    lang: String,
    /// Its script (ISO 15924).
    script: String,
    /// ``official``, ``short``, ``historical``, ``exonym``, ``abbreviation`` or ``variant``.
    kind: String,
    /// When it was in use (``"1997/.."``), or None for always.
    period: Option<String>,
    /// The id of the source that gives it.
    source: Option<String>,
}

impl From<&Name> for PyName {
    fn from(n: &Name) -> Self {
        Self {
            text: n.text.clone(),
            lang: n.lang.to_string(),
            script: n.script.to_string(),
            kind: n.kind.to_string(),
            period: period_text(&n.period),
            source: n.source.clone(),
        }
    }
}

/// What a name pickles as: its fields.
type NameState = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// A name again, for unpickling.
#[pyfunction]
pub fn _name(
    text: String,
    lang: String,
    script: String,
    kind: String,
    period: Option<String>,
    source: Option<String>,
) -> PyName {
    PyName {
        text,
        lang,
        script,
        kind,
        period,
        source,
    }
}

#[pymethods]
impl PyName {
    /// Pickles as its fields.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, NameState)> {
        let f = py.import("kzrel._kzrel")?.getattr("_name")?;
        Ok((
            f,
            (
                self.text.clone(),
                self.lang.clone(),
                self.script.clone(),
                self.kind.clone(),
                self.period.clone(),
                self.source.clone(),
            ),
        ))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let r = |s: &str| -> PyResult<String> { py_repr(py, s) };
        let period = match &self.period {
            Some(p) => format!(", period={}", r(p)?),
            None => String::new(),
        };
        Ok(format!(
            "Name({}, lang={}, script={}, kind={}{period})",
            r(&self.text)?,
            r(&self.lang)?,
            r(&self.script)?,
            r(&self.kind)?,
        ))
    }
}

/// Python's own `repr` of a string, so reprs read as Python.
pub(crate) fn py_repr(py: Python<'_>, s: &str) -> PyResult<String> {
    pyo3::types::PyString::new(py, s).repr()?.extract()
}

pub(crate) fn period_text(p: &kzrel_core::time::Period) -> Option<String> {
    (*p != kzrel_core::time::Period::always()).then(|| p.to_string())
}

impl PyEntity {
    /// The entity at `index` of `ds`.
    pub(crate) fn at(ds: &Arc<Dataset>, index: usize) -> Self {
        Self {
            ds: Arc::clone(ds),
            index,
        }
    }

    pub(crate) fn get(&self) -> &Entity {
        &self.ds.entities()[self.index]
    }

    /// The entity a link names, in the same dataset.
    fn linked(&self, id: Option<&kzrel_core::id::EntityId>) -> Option<PyEntity> {
        let index = self.ds.position(id?.as_str()).ok()?;
        Some(PyEntity::at(&self.ds, index))
    }
}

#[pymethods]
impl PyEntity {
    /// The stable kzrel id, such as ``"kz"``.
    #[getter]
    fn id(&self) -> String {
        self.get().id.to_string()
    }

    /// ``country``, ``region``, ``city``, ``district``, ``organization``, ``company`` or
    /// ``person``.
    #[getter]
    fn kind(&self) -> String {
        self.get().kind.to_string()
    }

    /// The finer kind (``oblast``, ``krai``, ``republican-city``…), or None.
    #[getter]
    fn subkind(&self) -> Option<String> {
        self.get().subkind.map(|s| s.to_string())
    }

    /// The English name in use today (a short name before the official one), or the
    /// first name the entity has.
    #[getter]
    fn name(&self) -> String {
        display_name(self.get())
    }

    /// Every name, in every language and period the dataset knows.
    #[getter]
    fn names(&self) -> Vec<PyName> {
        self.get().names.iter().map(PyName::from).collect()
    }

    /// The ISO 3166-1 alpha-2 or ISO 3166-2 code, or None.
    #[getter]
    fn iso3166(&self) -> Option<String> {
        self.get().external.iso3166.clone()
    }

    /// The ISO 3166-1 alpha-3 code of a country, or None.
    #[getter]
    fn iso3166_alpha3(&self) -> Option<String> {
        self.get().external.iso3166_alpha3.clone()
    }

    /// The GeoNames id, or None.
    #[getter]
    fn geonames_id(&self) -> Option<u32> {
        self.get().external.geonames
    }

    /// Its own point as ``(latitude, longitude)`` in decimal degrees (WGS 84, from
    /// GeoNames), or None: cities have one, units and countries do not.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> kzrel.load().entity("kz-ust-kamenogorsk").coordinates
    /// (49.97143, 82.60586)
    ///
    /// ```
    #[getter]
    fn coordinates(&self) -> Option<(f64, f64)> {
        self.get().coordinates.map(|c| (c.lat, c.lon))
    }

    /// Where to draw it on ``as_of`` (today when None), as ``(latitude, longitude,
    /// basis)``: its own point (basis ``"own"``), else its administrative centre's
    /// (``"seat"``), else for a region, district or city the mean of the points of the
    /// places inside it (``"inside"``: a rough point within it, not a centroid). None
    /// for a country, organization, company or person without a point of its own.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> ds.entity("KZ-63").location()
    /// (49.97143, 82.60586, 'seat')
    /// >>> ds.entity("ru-altayskiy-kray").location()[2]
    /// 'inside'
    /// >>> ds.entity("KZ").location() is None
    /// True
    ///
    /// ```
    #[pyo3(signature = (as_of = None))]
    fn location(&self, as_of: Option<&str>) -> PyResult<Option<(f64, f64, &'static str)>> {
        use kzrel_core::dataset::LocationBasis;
        let on = self::as_of(as_of)?;
        Ok(self.ds.location(self.get(), &on).map(|l| {
            let basis = match l.basis {
                LocationBasis::Own => "own",
                LocationBasis::Seat(_) => "seat",
                LocationBasis::Inside(_) => "inside",
            };
            (l.coordinates.lat, l.coordinates.lon, basis)
        }))
    }

    /// When it existed (``"1997/.."``), or None when the dataset knows no bounds.
    #[getter]
    fn period(&self) -> Option<String> {
        period_text(&self.get().period)
    }

    /// The name to show in ``lang`` (ISO 639: ``"kk"``, ``"ru"``, ``"en"``…) on
    /// ``as_of`` (``"1995"``, ``"2014-10"``; today when None), or None.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> semey = kzrel.load().entity("kz-semey")
    /// >>> semey.name_in("ru"), semey.name_in("ru", as_of="1990")
    /// ('Семей', 'Семипалатинск')
    /// >>> semey.name_in("kk")
    /// 'Семей'
    /// >>> semey.name_in("de") is None
    /// True
    ///
    /// ```
    #[pyo3(signature = (lang, as_of = None))]
    fn name_in(&self, lang: &str, as_of: Option<&str>) -> PyResult<Option<String>> {
        lang.parse::<kzrel_core::id::LangCode>()
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
        let on = self::as_of(as_of)?;
        Ok(self.get().name(lang, &on).map(|n| n.text.clone()))
    }

    /// The parent entity on ``as_of`` (today when None), or None.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> semey = kzrel.load().entity("kz-semey")
    /// >>> semey.parent()
    /// Entity('kz-abay-oblysy', region, 'Abai Region')
    /// >>> semey.parent(as_of="2010")
    /// Entity('kz-shyghys-qazaqstan-oblysy', region, 'East Kazakhstan Region')
    /// >>> semey.parent(as_of="1990")
    /// Entity('kz-semipalatinsk-oblast', region, 'Semipalatinsk Oblast')
    ///
    /// ```
    #[pyo3(signature = (as_of = None))]
    fn parent(&self, as_of: Option<&str>) -> PyResult<Option<PyEntity>> {
        let on = self::as_of(as_of)?;
        Ok(self.linked(self.ds.parent_of(self.get(), &on).map(|p| &p.id)))
    }

    /// The administrative centre on ``as_of`` (today when None), or None (also when the
    /// entity did not exist then).
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> ds = kzrel.load()
    /// >>> ds.entity("KZ-63").seat()
    /// Entity('kz-ust-kamenogorsk', city, 'Oskemen')
    /// >>> ds.entity("kz-semipalatinsk-oblast").seat(as_of="1990")
    /// Entity('kz-semey', city, 'Semey')
    /// >>> ds.entity("kz-semipalatinsk-oblast").seat() is None
    /// True
    ///
    /// ```
    #[pyo3(signature = (as_of = None))]
    fn seat(&self, as_of: Option<&str>) -> PyResult<Option<PyEntity>> {
        let on = self::as_of(as_of)?;
        Ok(self.linked(self.get().seat(&on)))
    }

    /// Its parents on ``as_of`` (today when None), nearest first: a city's region, then
    /// the region's country.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> [e.id for e in kzrel.load().entity("kz-semey").ancestors(as_of="2010")]
    /// ['kz-shyghys-qazaqstan-oblysy', 'kz']
    ///
    /// ```
    #[pyo3(signature = (as_of = None))]
    fn ancestors(&self, as_of: Option<&str>) -> PyResult<Vec<PyEntity>> {
        let on = self::as_of(as_of)?;
        Ok(self
            .ds
            .ancestors(self.get(), &on)
            .into_iter()
            .filter_map(|a| self.linked(Some(&a.id)))
            .collect())
    }

    /// The country it is in on ``as_of`` (today when None): itself for a country.
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> oblast = kzrel.load().entity("kz-semipalatinsk-oblast")
    /// >>> oblast.country(as_of="1995")
    /// Entity('kz', country, 'Kazakhstan')
    /// >>> oblast.country(as_of="1985")
    /// Entity('kz-ssr', country, 'Kazakh SSR')
    /// >>> oblast.country() is None
    /// True
    /// >>> kzrel.load().entity("KZ").country()
    /// Entity('kz', country, 'Kazakhstan')
    ///
    /// ```
    #[pyo3(signature = (as_of = None))]
    fn country(&self, as_of: Option<&str>) -> PyResult<Option<PyEntity>> {
        let on = self::as_of(as_of)?;
        let Some(c) = self.ds.country_of(self.get(), &on) else {
            return Ok(None);
        };
        Ok(self
            .ds
            .position(c.id.as_str())
            .ok()
            .map(|index| PyEntity::at(&self.ds, index)))
    }

    /// The entities that continued this one (name it among their predecessors).
    #[getter]
    fn successors(&self) -> Vec<PyEntity> {
        self.ds
            .successors(self.get())
            .into_iter()
            .filter_map(|e| self.ds.position(e.id.as_str()).ok())
            .map(|index| PyEntity::at(&self.ds, index))
            .collect()
    }

    /// The entities this one continued (Semipalatinsk Oblast for East Kazakhstan Region).
    #[getter]
    fn predecessors(&self) -> Vec<PyEntity> {
        self.get()
            .predecessors
            .iter()
            .filter_map(|l| self.ds.position(l.id.as_str()).ok())
            .map(|index| PyEntity::at(&self.ds, index))
            .collect()
    }

    /// The positions a person held, as dicts with ``title``, ``of`` (an entity id),
    /// ``period`` and ``source`` (the last three may be absent).
    #[getter]
    fn roles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.get().roles)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        json_to_py(py, &json)
    }

    /// A curator's remark on the record, if any.
    #[getter]
    fn note(&self) -> Option<String> {
        self.get().note.clone()
    }

    /// The record as plain Python data (what the data files hold).
    ///
    /// ```python
    /// >>> import kzrel
    /// >>> d = kzrel.load().entity("kz-semey").to_dict()
    /// >>> d["id"], d["kind"], d["subkind"], d["coordinates"]
    /// ('kz-semey', 'city', 'regional-centre', {'lat': 50.42064, 'lon': 80.25025})
    /// >>> [(p["id"], p["period"]) for p in d["parents"]]
    /// [('kz-semipalatinsk-oblast', '../1997-05-02'), ('kz-shyghys-qazaqstan-oblysy', '1997-05-03/2022-06-07'), ('kz-abay-oblysy', '2022-06-08/..')]
    ///
    /// ```
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json =
            serde_json::to_string(self.get()).map_err(|e| PyValueError::new_err(e.to_string()))?;
        json_to_py(py, &json)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Entity({}, {}, {})",
            py_repr(py, &self.id())?,
            self.kind(),
            py_repr(py, &self.name())?
        ))
    }

    /// A readable card: id, kind, codes, links and every name with its source.
    fn __str__(&self) -> String {
        self.get().to_string()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<PyEntity>()
            .is_ok_and(|o| o.get().get().id == self.get().id)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.get().id.hash(&mut h);
        h.finish()
    }

    /// Entities pickle by id and come back from the embedded dataset.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let f = py.import("kzrel._kzrel")?.getattr("_embedded_entity")?;
        Ok((f, (self.id(),)))
    }

    /// A small table for Jupyter: id, kind, codes, and the names by language.
    fn _repr_html_(&self) -> PyResult<String> {
        let esc = |s: &str| -> PyResult<String> { Ok(crate::dataset::html_escape(s)) };
        let e = self.get();
        let mut rows = String::new();
        for n in &e.names {
            let _ = write!(
                rows,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(n.lang.as_str())?,
                esc(&n.text)?,
                esc(&n.kind.to_string())?,
                esc(&period_text(&n.period).unwrap_or_default())?
            );
        }
        let codes = [
            e.external.iso3166.clone(),
            e.external.iso3166_alpha3.clone(),
            e.external.geonames.map(|g| format!("geonames:{g}")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        Ok(format!(
            "<div><b>{}</b> <code>{}</code> — {}{}<table><tr><th>lang</th><th>name</th>\
             <th>kind</th><th>period</th></tr>{rows}</table></div>",
            esc(&self.name())?,
            esc(e.id.as_str())?,
            esc(&self.kind())?,
            if codes.is_empty() {
                String::new()
            } else {
                format!(" ({})", esc(&codes)?)
            }
        ))
    }
}
