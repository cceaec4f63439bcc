"""Every public class pickles, copies and deep-copies to an equal object (the embedded
data by reference, never by value)."""

from __future__ import annotations

import copy
import pickle

import pytest

import kzrel


def _objects():
    ds = kzrel.load()
    rels = ds.relations(kind="agreement", party="KZ-59")
    rel = rels[0]
    return {
        "Dataset": ds,
        "Entity": ds.entity("KZ-63"),
        "Name": ds.entity("kz-astana").names[0],
        "Match": ds.resolve("Целиноград", as_of="1980")[0],
        "Mention": ds.extract("Делегация Павлодарской области")[0],
        "Relation": rel,
        "Relations": rels,
        "Party": rel.parties[0],
        "Citation": rel.sources[0],
        "SchemeInfo": kzrel.scheme("kk-latn-2021"),
        "ScriptReport": kzrel.detect_script("Өскемен"),
    }


def _same(a, b) -> bool:
    # Classes without value equality compare by what they show.
    if type(a).__name__ in {"Dataset", "ScriptReport", "Relations", "Name", "Match", "Party", "Citation"}:
        return repr(a) == repr(b) and type(a) is type(b)
    return a == b


OBJECTS = _objects()


@pytest.mark.parametrize("name", sorted(OBJECTS))
def test_pickle_and_copy(name):
    obj = OBJECTS[name]
    data = pickle.dumps(obj)
    # By reference: no class's pickle carries the dataset.
    assert len(data) < 2_000, (name, len(data))
    for again in (pickle.loads(data), copy.copy(obj), copy.deepcopy(obj)):
        assert _same(again, obj), name


def test_every_public_class_is_covered():
    public = {n for n in dir(kzrel) if isinstance(getattr(kzrel, n), type) and not n.startswith("_")
              and getattr(kzrel, n).__module__ == "kzrel"}
    assert public <= set(OBJECTS), public - set(OBJECTS)


def test_relations_and_names_keep_their_content():
    rels = OBJECTS["Relations"]
    again = pickle.loads(pickle.dumps(rels))
    assert again.ids == rels.ids and len(again) == len(rels)
    m = pickle.loads(pickle.dumps(OBJECTS["Match"]))
    assert (m.entity.id, m.method, m.matched.text, m.notes) == (
        OBJECTS["Match"].entity.id, OBJECTS["Match"].method, OBJECTS["Match"].matched.text, OBJECTS["Match"].notes)


@pytest.mark.parametrize("fail", [
    lambda: kzrel.load().entity("KZZ"),
    lambda: kzrel.transliterate("x", "nope"),
    lambda: kzrel.load("/nonexistent/mine.jsonl"),
])
def test_exceptions_pickle(fail):
    with pytest.raises(Exception) as info:
        fail()
    again = pickle.loads(pickle.dumps(info.value))
    assert type(again) is type(info.value) and str(again) == str(info.value)
