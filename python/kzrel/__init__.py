"""kzrel: names, entities and relations for the study of Kazakhstan's international,
interregional, cross-border and city-level ties.

This release provides the name layer — exact, named transliteration schemes for Kazakh,
Russian, Ukrainian and Belarusian (both directions where a scheme allows), script and
language detection, and normalization — and the embedded dataset: a time-aware gazetteer
of Kazakhstan and its partners (countries, regions, cities, districts, organizations,
companies, people, with names, parents and seats over time) and the relations the seed
documents state, each with its source's words.

>>> import kzrel
>>> kzrel.transliterate("Шығыс Қазақстан облысы", "kk-bgn")
'Shyghys Qazaqstan oblysy'
>>> kzrel.transliterate("Өскемен", "kk-latn-2021")
'Öskemen'
>>> kzrel.to_cyrillic("Qostanai", "kk-latn-2021")
'Қостанай'
>>> kzrel.transliterate("ЧЕЛЯБИНСК", "ru-bgn")
'CHELYABINSK'
>>> [s.id for s in kzrel.schemes()][:3]
['kk-latn-2021', 'kk-latn-2018', 'kk-latn-2017']
>>> ds = kzrel.load()
>>> ds.entity("KZ").name_in("kk")
'Қазақстан'
>>> ds.entity("KZ-71").name_in("ru", as_of="1995")
'Акмола'
>>> ds.relation("zal-0019").value["amount"]
870.0
"""

from __future__ import annotations

# typing costs ~10 ms to import and is needed only by type checkers here (the
# annotations are strings): keep `import kzrel` to a few milliseconds.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Iterable

from kzrel import errors
from kzrel._kzrel import (
    Citation,
    Match,
    Mention,
    Dataset,
    Entity,
    Name,
    Party,
    Relation,
    Relations,
    SchemeInfo,
    ScriptReport,
    __data_version__,
    __version__,
    detect_script,
    load,
    normalize,
    scheme,
    schemes,
    to_cyrillic,
    to_cyrillic_list,
    transliterate,
    transliterate_list,
)
from kzrel.errors import (
    DatasetError,
    KzrelError,
    NotReversibleError,
    UnknownProfileError,
    UnknownEntityError,
    UnknownSchemeError,
    UnmappableCharacterError,
)

__all__ = [
    "__version__",
    "__data_version__",
    "Dataset",
    "Entity",
    "Name",
    "Relation",
    "Relations",
    "Match",
    "Mention",
    "extract",
    "resolve",
    "resolve_many",
    "Party",
    "Citation",
    "SchemeInfo",
    "ScriptReport",
    "detect_script",
    "load",
    "normalize",
    "scheme",
    "schemes",
    "to_cyrillic",
    "to_cyrillic_list",
    "transliterate",
    "transliterate_list",
    "errors",
    "DatasetError",
    "KzrelError",
    "NotReversibleError",
    "UnknownProfileError",
    "UnknownEntityError",
    "UnknownSchemeError",
    "UnmappableCharacterError",
]


def resolve(
    name: str,
    as_of: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    limit: int = 5,
) -> list[Match]:
    """:meth:`Dataset.resolve` on the embedded dataset.

    >>> import kzrel
    >>> kzrel.resolve("Korgan region")[0].entity.iso3166
    'RU-KGN'
    >>> kzrel.resolve("Tselinograd", as_of="1980")[0].entity.id
    'kz-astana'
    """
    return load().resolve(name, as_of=as_of, kind=kind, country=country, limit=limit)


def resolve_many(
    names: Iterable[str],
    as_of: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    frame: str | None = "pandas",
) -> Any:
    """:meth:`Dataset.resolve_many` on the embedded dataset.

    >>> import kzrel, pandas as pd
    >>> names = pd.Series(["Semipalatinsk", "Qostanai", "Gurjev"])
    >>> kzrel.resolve_many(names, as_of="1990")[["entity", "method"]].values.tolist()
    [['kz-semey', 'historical'], ['kz-kostanay', 'exact'], ['kz-atyrau', 'fuzzy']]
    """
    return load().resolve_many(names, as_of=as_of, kind=kind, country=country, frame=frame)


def extract(
    text: str,
    as_of: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    limit: int = 5,
) -> list[Mention]:
    """:meth:`Dataset.extract` on the embedded dataset.

    >>> import kzrel
    >>> [(m.text, m.entity.id) for m in kzrel.extract("Делегация Павлодарской области посетила Омск.")]
    [('Павлодарской области', 'kz-pavlodar-oblysy'), ('Омск', 'ru-omsk')]
    """
    return load().extract(text, as_of=as_of, kind=kind, country=country, limit=limit)
