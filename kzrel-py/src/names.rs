//! Bindings of the name layer: schemes, transliteration, detection, normalization.

use kzrel_names::{
    detect_script as rs_detect, ErrorPolicy, Language, Normalizer, Profile, Scheme, ScriptReport,
    Transliterator,
};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::errors::to_py;

/// Describes one transliteration scheme: its id, language, standard, whether it reverses,
/// its aliases and profiles. Get one with :func:`kzrel.scheme` or :func:`kzrel.schemes`.
///
/// ```python
/// >>> import kzrel
/// >>> s = kzrel.scheme("kk-latn-2021")
/// >>> s.id, s.language, s.reverses
/// ('kk-latn-2021', 'kk', True)
/// >>> s.standard
/// 'Kazakh Latin alphabet, National Commission 2021 (draft decree, April 2021)'
/// >>> s.aliases, s.profiles
/// (['kk-latn'], ['orthographic'])
/// >>> s.description
/// 'Official Kazakh Latin of 2021 with umlauts, cedillas and macrons: Öskemen, Qostanai, Şymkent.'
///
/// ```
#[pyclass(module = "kzrel", name = "SchemeInfo", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PySchemeInfo {
    scheme: Scheme,
}

#[pymethods]
impl PySchemeInfo {
    #[new]
    fn py_new(py: Python<'_>, id: &str) -> PyResult<Self> {
        Ok(Self {
            scheme: parse_scheme(py, id)?,
        })
    }
    /// The stable id, such as ``"kk-latn-2021"``.
    #[getter]
    fn id(&self) -> &'static str {
        self.scheme.id()
    }
    /// ISO 639-1 code of the language: ``"kk"``, ``"ru"``, ``"uk"`` or ``"be"``.
    #[getter]
    fn language(&self) -> &'static str {
        self.scheme.language().code()
    }
    /// The standard or convention the scheme follows.
    #[getter]
    fn standard(&self) -> &'static str {
        self.scheme.standard()
    }
    /// A one-line description with examples.
    #[getter]
    fn description(&self) -> &'static str {
        self.scheme.description()
    }
    /// Whether :func:`kzrel.to_cyrillic` accepts this scheme.
    #[getter]
    fn reverses(&self) -> bool {
        self.scheme.reverses()
    }
    /// Other ids accepted for this scheme.
    #[getter]
    fn aliases(&self) -> Vec<&'static str> {
        self.scheme.aliases().to_vec()
    }
    /// Optional profiles, such as ``"separators"``.
    #[getter]
    fn profiles(&self) -> Vec<&'static str> {
        self.scheme.profiles().iter().map(|p| p.id()).collect()
    }
    fn __repr__(&self) -> String {
        format!("SchemeInfo({:?})", self.scheme.id())
    }
    fn __str__(&self) -> &'static str {
        self.scheme.id()
    }
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let cls = py.get_type::<PySchemeInfo>().into_any();
        Ok((cls, PyTuple::new(py, [slf.get().scheme.id()])?))
    }
}

/// Letter counts by script and the likely Cyrillic language of a text, as
/// :func:`kzrel.detect_script` gives them.
///
/// ```python
/// >>> import kzrel
/// >>> r = kzrel.detect_script("Запорізька область")
/// >>> r.primary, r.language, round(r.confidence, 2)
/// ('cyrillic', 'uk', 0.8)
/// >>> r.cyrillic, r.latin, r.other, r.mixed
/// (17, 0, 0, False)
/// >>> kzrel.detect_script("2014").primary is None
/// True
///
/// ```
#[pyclass(module = "kzrel", name = "ScriptReport", frozen, get_all)]
#[derive(Clone)]
pub struct PyScriptReport {
    /// Number of Cyrillic letters.
    cyrillic: usize,
    /// Number of Latin letters.
    latin: usize,
    /// Number of letters of other scripts.
    other: usize,
    /// ``"cyrillic"``, ``"latin"``, ``"other"`` or ``None`` for a text without letters.
    primary: Option<&'static str>,
    /// More than one script has letters.
    mixed: bool,
    /// ``"kk"``, ``"ru"``, ``"uk"``, ``"be"`` or ``None``.
    language: Option<&'static str>,
    /// Confidence of the language guess in [0, 1].
    confidence: f64,
}

impl From<ScriptReport> for PyScriptReport {
    fn from(r: ScriptReport) -> Self {
        Self {
            cyrillic: r.cyrillic,
            latin: r.latin,
            other: r.other,
            primary: r.primary.map(kzrel_names::Script::id),
            mixed: r.mixed,
            language: r.language.map(Language::code),
            confidence: r.confidence,
        }
    }
}

#[pymethods]
impl PyScriptReport {
    #[new]
    #[pyo3(signature = (cyrillic, latin, other, primary, mixed, language, confidence))]
    fn py_new(
        cyrillic: usize,
        latin: usize,
        other: usize,
        primary: Option<String>,
        mixed: bool,
        language: Option<String>,
        confidence: f64,
    ) -> PyResult<Self> {
        let primary = match primary.as_deref() {
            None => None,
            Some("cyrillic") => Some("cyrillic"),
            Some("latin") => Some("latin"),
            Some("other") => Some("other"),
            Some(p) => return Err(PyValueError::new_err(format!("unknown script {p:?}"))),
        };
        let language = match language.as_deref() {
            None => None,
            Some(l) => Some(
                Language::ALL
                    .iter()
                    .find(|x| x.code() == l)
                    .map(|x| x.code())
                    .ok_or_else(|| PyValueError::new_err(format!("unknown language {l:?}")))?,
            ),
        };
        Ok(Self {
            cyrillic,
            latin,
            other,
            primary,
            mixed,
            language,
            confidence,
        })
    }
    fn __repr__(&self) -> String {
        let opt = |v: Option<&str>| v.map_or_else(|| "None".to_string(), |s| format!("'{s}'"));
        format!(
            "ScriptReport(primary={}, language={}, confidence={:.2}, cyrillic={}, latin={}, other={}, mixed={})",
            opt(self.primary),
            opt(self.language),
            self.confidence,
            self.cyrillic,
            self.latin,
            self.other,
            if self.mixed { "True" } else { "False" }
        )
    }
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let r = slf.get();
        let cls = py.get_type::<PyScriptReport>().into_any();
        let args = (
            r.cyrillic,
            r.latin,
            r.other,
            r.primary,
            r.mixed,
            r.language,
            r.confidence,
        )
            .into_pyobject(py)?;
        Ok((cls, args))
    }
}

fn parse_scheme(py: Python<'_>, id: &str) -> PyResult<Scheme> {
    id.parse::<Scheme>().map_err(|e| to_py(py, &e))
}

fn build(
    py: Python<'_>,
    scheme: &str,
    errors: &str,
    replacement: &str,
    profiles: Vec<String>,
) -> PyResult<Transliterator> {
    let scheme = parse_scheme(py, scheme)?;
    let policy = match errors {
        "strict" => ErrorPolicy::Strict,
        "preserve" => ErrorPolicy::Preserve,
        "replace" => ErrorPolicy::Replace(replacement.to_string()),
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"strict\", \"preserve\" or \"replace\", not {other:?}"
            )))
        }
    };
    let mut t = Transliterator::new(scheme).errors(policy);
    for p in profiles {
        let p: Profile = p.parse().map_err(|e| to_py(py, &e))?;
        t = t.profile(p).map_err(|e| to_py(py, &e))?;
    }
    Ok(t)
}

fn texts_of(texts: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    if texts.is_instance_of::<pyo3::types::PyString>() {
        return Err(PyTypeError::new_err(
            "expected a list of str, got a single str; use the non-list function",
        ));
    }
    texts
        .try_iter()?
        .enumerate()
        .map(|(i, item)| {
            let item = item?;
            if item.is_instance_of::<pyo3::types::PyString>() {
                // A str that is not text: a lone surrogate, which UTF-8 cannot hold.
                item.extract::<String>()
                    .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("item {i}: {e}")))
            } else {
                let type_name = item.get_type().name()?;
                Err(PyTypeError::new_err(format!(
                    "item {i} is not a str but {type_name}"
                )))
            }
        })
        .collect()
}

/// Transliterate Cyrillic text to Latin with a named scheme (see :func:`kzrel.schemes`).
/// ``errors`` says what to do with a letter the scheme cannot map: ``"preserve"`` keeps
/// it, ``"replace"`` writes ``replacement``, ``"strict"`` raises
/// :class:`kzrel.UnmappableCharacterError`; ``profiles`` turns on optional variants.
///
/// ```python
/// >>> import kzrel
/// >>> kzrel.transliterate("Шығыс Қазақстан облысы", "kk-latn-2021")
/// 'Şyğys Qazaqstan oblysy'
/// >>> kzrel.transliterate("Усть-Каменогорск", "ru-bgn")
/// 'Ust’-Kamenogorsk'
/// >>> kzrel.transliterate("Советский район", "ru-bgn", profiles=["separators"])
/// 'Sovet·skiy rayon'
/// >>> kzrel.transliterate("Қостанай", "ru-bgn", errors="replace")
/// '?ostanay'
///
/// ```
#[pyfunction]
#[pyo3(signature = (text, scheme, *, errors = "preserve", replacement = "?", profiles = Vec::new()))]
pub fn transliterate(
    py: Python<'_>,
    text: &str,
    scheme: &str,
    errors: &str,
    replacement: &str,
    profiles: Vec<String>,
) -> PyResult<String> {
    let t = build(py, scheme, errors, replacement, profiles)?;
    // Long texts are worked on without the GIL, so other Python threads run meanwhile.
    let result = if text.len() > 4096 {
        crate::errors::detached(py, || t.transliterate(text))?
    } else {
        t.transliterate(text)
    };
    result.map_err(|e| to_py(py, &e))
}

/// Transliterate a list of texts; releases the GIL while it works. Takes the keywords of
/// :func:`kzrel.transliterate`.
///
/// ```python
/// >>> import kzrel
/// >>> kzrel.transliterate_list(["Павлодар", "Өскемен", "Қарағанды"], "kk-press")
/// ['Pavlodar', 'Oskemen', 'Karagandy']
/// >>> kzrel.transliterate_list(["Челябинск", "Омск", "Барнаул"], "ru-bgn")
/// ['Chelyabinsk', 'Omsk', 'Barnaul']
///
/// ```
#[pyfunction]
#[pyo3(signature = (texts, scheme, *, errors = "preserve", replacement = "?", profiles = Vec::new()))]
pub fn transliterate_list(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    scheme: &str,
    errors: &str,
    replacement: &str,
    profiles: Vec<String>,
) -> PyResult<Vec<String>> {
    let t = build(py, scheme, errors, replacement, profiles)?;
    let texts = texts_of(texts)?;
    crate::errors::detached(py, || {
        texts
            .iter()
            .map(|s| t.transliterate(s))
            .collect::<Result<Vec<_>, _>>()
    })?
    .map_err(|e| to_py(py, &e))
}

/// Transliterate Latin text back to Cyrillic with a reversible scheme (one whose
/// ``reverses`` is True); any other raises :class:`kzrel.NotReversibleError`.
///
/// ```python
/// >>> import kzrel
/// >>> kzrel.to_cyrillic("Öskemen", "kk-latn-2021")
/// 'Өскемен'
/// >>> kzrel.to_cyrillic("Celinograd", "ru-gost779b")
/// 'Целиноград'
///
/// ```
#[pyfunction]
#[pyo3(signature = (text, scheme, *, errors = "preserve", replacement = "?"))]
pub fn to_cyrillic(
    py: Python<'_>,
    text: &str,
    scheme: &str,
    errors: &str,
    replacement: &str,
) -> PyResult<String> {
    let t = build(py, scheme, errors, replacement, Vec::new())?;
    t.to_cyrillic(text).map_err(|e| to_py(py, &e))
}

/// Transliterate a list of Latin texts back to Cyrillic; releases the GIL while it works.
///
/// ```python
/// >>> import kzrel
/// >>> kzrel.to_cyrillic_list(["Qarağandy", "Şymkent", "Pavlodar"], "kk-latn-2021")
/// ['Қарағанды', 'Шымкент', 'Павлодар']
///
/// ```
#[pyfunction]
#[pyo3(signature = (texts, scheme, *, errors = "preserve", replacement = "?"))]
pub fn to_cyrillic_list(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    scheme: &str,
    errors: &str,
    replacement: &str,
) -> PyResult<Vec<String>> {
    let t = build(py, scheme, errors, replacement, Vec::new())?;
    let texts = texts_of(texts)?;
    crate::errors::detached(py, || {
        texts
            .iter()
            .map(|s| t.to_cyrillic(s))
            .collect::<Result<Vec<_>, _>>()
    })?
    .map_err(|e| to_py(py, &e))
}

/// Every scheme, in a stable order, as :class:`kzrel.SchemeInfo`.
///
/// ```python
/// >>> import kzrel
/// >>> [s.id for s in kzrel.schemes() if s.language == "ru"]
/// ['ru-bgn', 'ru-gost779b', 'ru-icao', 'ru-alalc', 'ru-press']
/// >>> [s.id for s in kzrel.schemes() if s.reverses]
/// ['kk-latn-2021', 'kk-latn-2018', 'kk-latn-2017', 'ru-gost779b']
///
/// ```
#[pyfunction]
pub fn schemes() -> Vec<PySchemeInfo> {
    Scheme::ALL
        .iter()
        .map(|&scheme| PySchemeInfo { scheme })
        .collect()
}

/// Look up one scheme by id or alias; an unknown id raises
/// :class:`kzrel.UnknownSchemeError`.
///
/// ```python
/// >>> import kzrel
/// >>> kzrel.scheme("ru-gost")
/// SchemeInfo("ru-gost779b")
/// >>> kzrel.scheme("ru-gost").standard
/// 'GOST 7.79-2000 (ISO 9:1995 adapted), system B'
///
/// ```
#[pyfunction]
pub fn scheme(py: Python<'_>, id: &str) -> PyResult<PySchemeInfo> {
    Ok(PySchemeInfo {
        scheme: parse_scheme(py, id)?,
    })
}

/// Count letters by script and guess the Cyrillic language: a
/// :class:`kzrel.ScriptReport`.
///
/// ```python
/// >>> import kzrel
/// >>> kzrel.detect_script("Шығыс Қазақстан облысы")
/// ScriptReport(primary='cyrillic', language='kk', confidence=1.00, cyrillic=20, latin=0, other=0, mixed=False)
/// >>> kzrel.detect_script("Магілёўская вобласць").language
/// 'be'
/// >>> kzrel.detect_script("Усть-Каменогорск (Öskemen)").mixed
/// True
///
/// ```
#[pyfunction]
pub fn detect_script(text: &str) -> PyScriptReport {
    rs_detect(text).into()
}

/// NFC, fold apostrophes/quotes/dashes/spaces, repair homoglyphs (Latin letters that look
/// Cyrillic in a Cyrillic word, and the reverse); each step can be turned off.
///
/// ```python
/// >>> import kzrel
/// >>> kzrel.normalize("Ust\u2019-Kamenogorsk\u00a0\u2014 «Өскемен»")
/// 'Ust\'-Kamenogorsk - "Өскемен"'
/// >>> kzrel.normalize("Kостанай") == "Костанай"  # a Latin K among Cyrillic letters
/// True
/// >>> kzrel.normalize("Ust\u2019-Kamenogorsk", apostrophes=False)
/// 'Ust’-Kamenogorsk'
///
/// ```
#[pyfunction]
#[allow(clippy::fn_params_excessive_bools)] // keyword switches, one per step
#[pyo3(signature = (text, *, apostrophes = true, quotes = true, dashes = true, spaces = true, homoglyphs = true))]
pub fn normalize(
    text: &str,
    apostrophes: bool,
    quotes: bool,
    dashes: bool,
    spaces: bool,
    homoglyphs: bool,
) -> String {
    Normalizer::new()
        .fold_apostrophes(apostrophes)
        .fold_quotes(quotes)
        .fold_dashes(dashes)
        .fold_spaces(spaces)
        .repair_homoglyphs(homoglyphs)
        .normalize(text)
}
