"""Property tests: no input makes any function fail other than by a documented exception."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import kzrel

SCHEMES = [s.id for s in kzrel.schemes()]
REVERSIBLE = [s.id for s in kzrel.schemes() if s.reverses]
# Any Unicode scalar value except surrogates (which Python strs can hold but UTF-8 cannot).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
CYRILLIC_HEAVY = st.text(st.characters(min_codepoint=0x400, max_codepoint=0x52F) | st.sampled_from(" -'’ʼ.,\u0306\u0308"), max_size=80)


@settings(max_examples=300, deadline=None)
@given(TEXT | CYRILLIC_HEAVY, st.sampled_from(SCHEMES), st.booleans())
def test_transliterate_never_crashes(text, scheme, separators):
    profiles = ["separators"] if separators and "separators" in kzrel.scheme(scheme).profiles else []
    out = kzrel.transliterate(text, scheme, profiles=profiles)
    assert isinstance(out, str)
    assert kzrel.transliterate(text, scheme, errors="replace", replacement="") is not None


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(REVERSIBLE))
def test_to_cyrillic_never_crashes(text, scheme):
    assert isinstance(kzrel.to_cyrillic(text, scheme), str)


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_detect_and_normalize_never_crash(text):
    r = kzrel.detect_script(text)
    assert 0.0 <= r.confidence <= 1.0
    assert r.cyrillic + r.latin + r.other <= len(text)
    n = kzrel.normalize(text)
    assert kzrel.normalize(n) == n  # idempotent
