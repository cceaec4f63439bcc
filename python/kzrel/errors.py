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
    """Base class of every kzrel exception."""


class UnknownSchemeError(KzrelError, ValueError):
    """A scheme id that names no scheme. ``.given`` is the id as passed, ``.suggestion``
    the nearest valid id (or None); the message lists every valid id."""

    def __init__(self, message: str, given: str, suggestion: Optional[str] = None) -> None:
        super().__init__(message)
        self.given = given
        self.suggestion = suggestion

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.given, self.suggestion))


class UnknownProfileError(KzrelError, ValueError):
    """A profile id that names no profile, or one the scheme does not have."""

    def __init__(self, message: str, given: str) -> None:
        super().__init__(message)
        self.given = given

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.given))


class NotReversibleError(KzrelError, ValueError):
    """Latin → Cyrillic asked of a scheme that only goes one way. ``.scheme`` is its id."""

    def __init__(self, message: str, scheme: str) -> None:
        super().__init__(message)
        self.scheme = scheme

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.scheme))


class UnmappableCharacterError(KzrelError, ValueError):
    """A letter the scheme cannot map, under ``errors="strict"``. ``.char`` is the
    character, ``.position`` its index in the input string, ``.scheme`` the scheme id."""

    def __init__(self, message: str, char: str, position: int, scheme: str) -> None:
        super().__init__(message)
        self.char = char
        self.position = position
        self.scheme = scheme

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.char, self.position, self.scheme))


class UnknownEntityError(KzrelError, KeyError):
    """A key that names no entity. ``.key`` is the key as passed, ``.suggestion`` the
    nearest kzrel id or ISO code (or None)."""

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
    as ``"file:line: message"``; nothing was loaded."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = list(problems)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (type(self), (self.args[0], self.problems))
