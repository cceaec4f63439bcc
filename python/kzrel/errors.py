"""Exceptions raised by kzrel. Each subclasses a built-in, so ``except ValueError`` works,
and each pickles with its attributes (they cross process pools in Dask and
multiprocessing)."""

from __future__ import annotations

from typing import Optional

__all__ = [
    "KzrelError",
    "UnknownSchemeError",
    "UnknownProfileError",
    "NotReversibleError",
    "UnmappableCharacterError",
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
