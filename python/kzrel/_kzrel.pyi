"""Type stubs of the native module kzrel._kzrel."""

from typing import Iterable, Literal, Optional, Sequence, final

__version__: str

_Errors = Literal["strict", "preserve", "replace"]

@final
class SchemeInfo:
    """Describes one transliteration scheme."""

    def __new__(cls, id: str) -> SchemeInfo: ...
    @property
    def id(self) -> str: ...
    @property
    def language(self) -> str: ...
    @property
    def standard(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def reverses(self) -> bool: ...
    @property
    def aliases(self) -> list[str]: ...
    @property
    def profiles(self) -> list[str]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class ScriptReport:
    """Letter counts by script and the likely Cyrillic language of a text."""

    def __new__(
        cls,
        cyrillic: int,
        latin: int,
        other: int,
        primary: Optional[str],
        mixed: bool,
        language: Optional[str],
        confidence: float,
    ) -> ScriptReport: ...
    @property
    def cyrillic(self) -> int: ...
    @property
    def latin(self) -> int: ...
    @property
    def other(self) -> int: ...
    @property
    def primary(self) -> Optional[Literal["cyrillic", "latin", "other"]]: ...
    @property
    def mixed(self) -> bool: ...
    @property
    def language(self) -> Optional[Literal["kk", "ru", "uk", "be"]]: ...
    @property
    def confidence(self) -> float: ...

def transliterate(
    text: str,
    scheme: str,
    *,
    errors: _Errors = "preserve",
    replacement: str = "?",
    profiles: Sequence[str] = ...,
) -> str: ...
def transliterate_list(
    texts: Iterable[str],
    scheme: str,
    *,
    errors: _Errors = "preserve",
    replacement: str = "?",
    profiles: Sequence[str] = ...,
) -> list[str]: ...
def to_cyrillic(text: str, scheme: str, *, errors: _Errors = "preserve", replacement: str = "?") -> str: ...
def to_cyrillic_list(
    texts: Iterable[str], scheme: str, *, errors: _Errors = "preserve", replacement: str = "?"
) -> list[str]: ...
def schemes() -> list[SchemeInfo]: ...
def scheme(id: str) -> SchemeInfo: ...
def detect_script(text: str) -> ScriptReport: ...
def normalize(
    text: str,
    *,
    apostrophes: bool = True,
    quotes: bool = True,
    dashes: bool = True,
    spaces: bool = True,
    homoglyphs: bool = True,
) -> str: ...
