"""Scale-out: objects pickle cheaply (the embedded dataset by reference), threads share
a dataset, and a dask.distributed cluster of worker processes gets exactly the
single-process results."""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

import kzrel

DOCS = [
    "Делегация Павлодарской области прибыла в Омск.",
    "Kurgan, Omsk and Tyumen regions signed agreements with North Kazakhstan Region.",
    "Қазақстан Республикасының ЕҚЫҰ-дағы төрағалығы Астанада.",
    "Українська делегація відвідала Республіку Казахстан і Мінськ.",
    "Алтайский край и Республика Алтай; Алтай.",
] * 20


@pytest.fixture(scope="module")
def ds() -> kzrel.Dataset:
    return kzrel.load()


def test_the_embedded_dataset_pickles_by_reference(ds):
    data = pickle.dumps(ds)
    assert len(data) < 200, len(data)
    again = pickle.loads(data)
    assert len(again) == len(ds) and again.extract(DOCS[0]) == ds.extract(DOCS[0])


def test_a_dataset_with_files_pickles_by_its_paths(ds, tmp_path):
    f = tmp_path / "mine.jsonl"
    f.write_text('{"amends": "kz-semey", "names": [{"text": "Семипалатинск-2000", "lang": "ru", '
                 '"script": "Cyrl", "kind": "variant"}]}\n', encoding="utf-8")
    mine = kzrel.load(f)
    data = pickle.dumps(mine)
    assert len(data) < 400 and b"mine.jsonl" in data
    again = pickle.loads(data)
    assert [m.entity.id for m in again.extract("в Семипалатинск-2000")] == ["kz-semey"]
    # Many objects of one dataset load it once.
    ms = pickle.loads(pickle.dumps(mine.extract("Семипалатинск-2000 и Семей " * 50)))
    assert len(ms) == 100 and all(m.entity.id == "kz-semey" for m in ms)


def test_mentions_pickle_and_compare(ds):
    ms = ds.extract(DOCS[1])
    again = pickle.loads(pickle.dumps(ms))
    assert again == ms
    assert [m.candidates[0].entity.id for m in again] == [m.candidates[0].entity.id for m in ms]
    assert again[0].candidates[0].notes == ms[0].candidates[0].notes
    assert ms[0] != ms[1]


def test_eight_threads_share_a_dataset(ds):
    single = [ds.extract(d) for d in DOCS]
    with ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(ds.extract, DOCS))
    assert threaded == single


def test_a_dask_cluster_of_two_worker_processes(ds):
    distributed = pytest.importorskip("distributed", reason="dask.distributed is a test dependency; install .[test]")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        futures = client.map(ds.extract, DOCS, pure=False)
        results = client.gather(futures)
        # Two processes took part.
        assert len(client.scheduler_info()["workers"]) == 2
    assert results == [ds.extract(d) for d in DOCS]
