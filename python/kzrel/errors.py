"""Exceptions raised by kzrel. Each subclasses a built-in, so ``except ValueError`` works,
and each pickles with its attributes (they cross process pools in Dask and
multiprocessing)."""

from __future__ import annotations

# typing costs ~10 ms to import and is needed only by type checkers here (the
# annotations are strings): keep `import kzrel` to a few milliseconds.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

__all__ = [
    "KzrelError",
    "UnknownSchemeError",
    "UnknownProfileError",
    "NotReversibleError",
    "UnmappableCharacterError",
    "UnknownEntityError",
    "DatasetError",
]


class KzrelError(Exception):
    """Base class of every kzrel exception: ``except kzrel.KzrelError`` catches them all.

    >>> import kzrel
    >>> try:
    ...     kzrel.to_cyrillic("Oskemen", "kk-bgn")
    ... except kzrel.KzrelError as e:
    ...     print(type(e).__name__, isinstance(e, ValueError))
    NotReversibleError True
    """


class UnknownSchemeError(KzrelError, ValueError):
    """A scheme id that names no scheme. ``.given`` is the id as passed, ``.suggestion``
    the nearest valid id (or None); the message lists every valid id.

    >>> import kzrel
    >>> try:
    ...     kzrel.transliterate("Алматы", "kk-latn-2022")
    ... except kzrel.UnknownSchemeError as e:
    ...     print(e.given, e.suggestion)
    kk-latn-2022 kk-latn-2021
    """

    def __init__(self, message: str, given: str, suggestion: Optional[str] = None) -> None:
        super().__init__(message)
        self.given = given
        self.suggestion = suggestion

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.given, self.suggestion))


class UnknownProfileError(KzrelError, ValueError):
    """A profile id that names no profile, or one the scheme does not have. ``.given`` is
    the profile id.

    >>> import kzrel
    >>> try:
    ...     kzrel.transliterate("Алматы", "kk-latn-2018", profiles=["separators"])
    ... except kzrel.UnknownProfileError as e:
    ...     print(e.given, "|", e)
    separators | scheme kk-latn-2018 has no separators profile; its profiles: none
    """

    def __init__(self, message: str, given: str) -> None:
        super().__init__(message)
        self.given = given

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.given))


class NotReversibleError(KzrelError, ValueError):
    """Latin → Cyrillic asked of a scheme that only goes one way. ``.scheme`` is its id.

    >>> import kzrel
    >>> try:
    ...     kzrel.to_cyrillic("Shyghys Qazaqstan oblysy", "kk-bgn")
    ... except kzrel.NotReversibleError as e:
    ...     print(e.scheme)
    kk-bgn
    >>> [s.id for s in kzrel.schemes() if s.reverses]
    ['kk-latn-2021', 'kk-latn-2018', 'kk-latn-2017', 'ru-gost779b']
    """

    def __init__(self, message: str, scheme: str) -> None:
        super().__init__(message)
        self.scheme = scheme

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.scheme))


class UnmappableCharacterError(KzrelError, ValueError):
    """A letter the scheme cannot map, under ``errors="strict"``. ``.char`` is the
    character, ``.position`` its index in the input string, ``.scheme`` the scheme id.

    >>> import kzrel
    >>> try:
    ...     kzrel.transliterate("Қостанай", "ru-bgn", errors="strict")
    ... except kzrel.UnmappableCharacterError as e:
    ...     print(e.char, e.position, e.scheme)
    Қ 0 ru-bgn
    >>> kzrel.transliterate("Қостанай", "ru-bgn")  # errors="preserve" keeps it
    'Қostanay'
    """

    def __init__(self, message: str, char: str, position: int, scheme: str) -> None:
        super().__init__(message)
        self.char = char
        self.position = position
        self.scheme = scheme

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.char, self.position, self.scheme))


class UnknownEntityError(KzrelError, KeyError):
    """A key that names no entity. ``.key`` is the key as passed, ``.suggestion`` the
    nearest kzrel id or ISO code (or None). A ``KeyError``.

    >>> import kzrel
    >>> try:
    ...     kzrel.load().entity("KZ-99")
    ... except kzrel.UnknownEntityError as e:
    ...     print(e.key, e.suggestion, isinstance(e, KeyError))
    KZ-99 KZ-19 True
    """

    def __init__(self, message: str, key: str, suggestion: Optional[str] = None) -> None:
        super().__init__(message)
        self.key = key
        self.suggestion = suggestion

    def __str__(self) -> str:
        # KeyError would show the message in quotes.
        return str(self.args[0])

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.key, self.suggestion))


class DatasetError(KzrelError, ValueError):
    """A dataset that could not be built. ``.problems`` lists every problem found, each
    as ``"file:line: message"``; nothing was loaded.

    >>> import kzrel, pathlib, tempfile
    >>> ds = kzrel.load()
    >>> good = ds.relations(kind="partnership", party="kz-astana", during="2022").to_jsonl()
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = pathlib.Path(d, "twins.jsonl")
    ...     _ = path.write_text(good.replace('"kz-astana"', '"kz-nur-sultan"'), encoding="utf-8")
    ...     try:
    ...         kzrel.load(path, embedded_relations=False)
    ...     except kzrel.DatasetError as e:
    ...         problems = e.problems
    >>> [p.split(": ", 1)[1] for p in problems]
    ['chu-0050: parties[0].entity: "kz-nur-sultan" names no entity (a kzrel id, ISO code or geonames:<id>); did you mean Astana (kz-astana, KZ-71)?']
    """

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = list(problems)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.problems))
