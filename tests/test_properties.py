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


# Text that mixes names the dataset knows (inflected, abbreviated, in lists) with
# arbitrary Unicode: NUL and controls, marks, RTL, emoji and unassigned code points.
KNOWN = st.sampled_from([
    "Павлодарской области", "Омск", "ВКО", "Курганской, Омской и Тюменской областей", "Өскеменде",
    "Astana", "the East Kazakhstan Region", "Шығыс Қазақстан облысы", "ОБСЕ", "Алматы", "Qostanai",
])
ODD = st.sampled_from(["\x00", "\u0301", "\u202e", "\ufeff", "🇰🇿", "\U000e0001", "\u0378", " ", "\n", "-", ".", "«", "»"])
MIXED = st.lists(KNOWN | ODD | TEXT, max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(MIXED)
def test_extract_offsets_slice_the_input_to_the_mention(text):
    ds = kzrel.load()
    end = 0
    for m in ds.extract(text):
        assert end <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.candidates and all(0.0 <= c.score <= 1.0 for c in m.candidates)
        assert m.entity == m.candidates[0].entity
        end = m.end


@settings(max_examples=300, deadline=None)
@given(MIXED, st.integers(min_value=0, max_value=12))
def test_resolve_scores_stay_in_unit_range_best_first(text, limit):
    found = kzrel.load().resolve(text, limit=limit)
    assert len(found) <= limit
    scores = [m.score for m in found]
    assert all(0.0 <= s <= 1.0 for s in scores) and scores == sorted(scores, reverse=True)


@settings(max_examples=200, deadline=None)
def _gost_words():
    """Russian words as the scheme's own round-trip units build them (consonant, then
    vowel), in lower, title and upper case: the orthography GOST 7.79 B reverses."""
    import re

    from conftest import ROOT

    # Two plain lines of the scheme's TOML (tomllib is Python 3.11+; the tests run on 3.9).
    text = (ROOT / "kzrel-names" / "data" / "schemes" / "ru-gost779b.toml").read_text("utf-8")
    cons, vows = (re.search(rf'^{k} = "([^"]+)"', text, re.M).group(1).split() for k in ("consonants", "vowels"))
    syllable = st.tuples(st.sampled_from(cons), st.sampled_from(vows)).map("".join)
    word = st.lists(syllable, min_size=1, max_size=4).map("".join)
    cased = st.tuples(word, st.sampled_from([str.lower, str.title])).map(lambda p: p[1](p[0]))
    return st.lists(cased, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_gost_words())
def test_gost_round_trips_russian_words_exactly(text):
    assert kzrel.to_cyrillic(kzrel.transliterate(text, "ru-gost779b"), "ru-gost779b") == text
