"""The `kzrel` command line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kzrel.__main__ import main


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kzrel", *args], input=stdin, capture_output=True, text=True)


def test_sample_in_every_scheme():
    r = run("translit", "--sample")
    assert r.returncode == 0, r.stderr
    assert "kk-latn-2021  Şyğys Qazaqstan oblysy, Öskemen" in r.stdout
    assert "ru-bgn       Vostochno-Kazakhstanskaya oblast’, Ust’-Kamenogorsk" in r.stdout
    assert "uk-national  Ust-Kamenohorsk, Kyiv" in r.stdout
    assert "be-national  Mahilioŭskaja voblasć" in r.stdout


def test_stdin_and_args_and_reverse(tmp_path):
    assert run("translit", "-s", "kk-bgn", stdin="Өскемен\nҚостанай\n").stdout == "Öskemen\nQostanay\n"
    assert run("translit", "-s", "kk-press", "Ақтөбе", "Жезқазған").stdout == "Aktobe\nZhezkazgan\n"
    assert run("translit", "-r", "Qostanai").stdout == "Қостанай\n"
    f = tmp_path / "names.txt"
    f.write_text("Київ\nЛьвів\n", encoding="utf-8")
    assert run("translit", "-s", "uk-bgn", "-f", str(f)).stdout == "Kyiv\nLviv\n"


def test_errors_and_exit_codes(tmp_path):
    r = run("translit", "-s", "kk-latn-2012", "x")
    assert r.returncode == 2 and "did you mean" in r.stderr
    r = run("translit", "-s", "ru-bgn", "--errors", "strict", "Москва", "Қостанай")
    assert r.returncode == 1
    assert r.stdout == "Moskva\n" and "input 2" in r.stderr and "U+049A" in r.stderr
    r = run("translit", "-s", "ru-bgn", "-r", "Moskva")
    assert r.returncode == 2 and "does not reverse" in r.stderr
    r = run("translit", "-f", str(tmp_path / "missing.txt"))
    assert r.returncode != 0 and "cannot read" in r.stderr
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Mos\xe9".encode("latin-1"))
    r = run("translit", "-f", str(bad))
    assert r.returncode != 0 and "cannot read" in r.stderr


def test_schemes_and_detect():
    r = run("schemes")
    assert r.returncode == 0 and r.stdout.count("\n") == 16 and "uk-national" in r.stdout
    r = run("detect", "Қостанай", "Київ")
    assert r.stdout.splitlines()[0].startswith("cyrillic\tkk\t")
    assert r.stdout.splitlines()[1].startswith("cyrillic\tuk\t")


def test_usage_error_exits_2():
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == 2


def test_entity_cards_and_lists():
    r = run("entity", "KZ-63", "geonames:1520316")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("kz-shyghys-qazaqstan-oblysy  region (oblast)\n")
    assert "Шығыс Қазақстан облысы" in r.stdout and "kz-ust-kamenogorsk  city" in r.stdout
    r = run("entities", "--kind", "region", "--country", "KZ", "--as-of", "2026")
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["id", "kind", "subkind", "iso3166", "geonames_id", "name"]
    assert len(lines) == 1 + 17 and any("KZ-63" in x for x in lines)
    # Without --as-of, any time: the regions abolished in 1997 as well.
    lines = run("entities", "--kind", "region", "--country", "KZ").stdout.splitlines()
    assert len(lines) == 1 + 17 + 5 and any("kz-torgay-oblast" in x for x in lines)


def test_entity_errors_exit_2_with_the_reason(tmp_path):
    r = run("entity", "KZZ")
    assert r.returncode == 2 and 'did you mean "KZ"' in r.stderr
    r = run("entities", "--as-of", "2014-13")
    assert r.returncode == 2 and "month 13" in r.stderr
    r = run("entities", "--kind", "town")
    assert r.returncode == 2 and "unknown kind" in r.stderr
    bad = tmp_path / "mine.jsonl"
    bad.write_text('{"id": "kz-x", "kind": "city", "names": [], "parents": [{"id": "nowhere"}]}\n', encoding="utf-8")
    r = run("entities", "--data", str(bad))
    assert r.returncode == 2
    assert f"{bad}:1: kz-x: links to unknown entity" in r.stderr and "it has no name" in r.stderr


def test_relations_on_the_command_line(tmp_path):
    r = run("relations", "-k", "agreement", "-p", "KZ-59")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["id", "date", "kind", "subkind", "parties", "summary"]
    assert any("ru-omskaya-oblast" in x and "2001-09-03" in x for x in lines)
    out = tmp_path / "east.csv"
    r = run("relations", "-p", "KZ-63", "--within", "-f", "csv")
    assert r.returncode == 0 and r.stdout.startswith("id,kind,subkind,date,")
    out.write_text(r.stdout, encoding="utf-8")
    r = run("relations", "-f", "jsonl", "--since", "2014", "--until", "2014")
    assert r.returncode == 0 and all(line.startswith('{"id"') for line in r.stdout.splitlines())
    r = run("relations", "-f", "graphml", "-p", "BY")
    assert r.returncode == 0 and "<graphml" in r.stdout
    r = run("relations", "-k", "treaty")
    assert r.returncode == 2 and "unknown relation kind" in r.stderr
    r = run("relations", "-p", "Kazakstan")
    assert r.returncode == 2 and "did you mean" in r.stderr


def test_resolve_on_the_command_line():
    r = run("resolve", "Korgan region", "Өскеменде", "--limit", "1")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[:4] == ["query", "rank", "entity", "name"]
    assert "ru-kurganskaya-oblast" in lines[1] and "kz-ust-kamenogorsk" in lines[2]
    r = run("resolve", "Akmola", "--as-of", "1995")
    assert r.returncode == 0 and "historical" in r.stdout
    assert run("resolve", "zzzz").returncode == 1
    r = run("resolve", "Astana", "--kind", "town")
    assert r.returncode == 2 and "unknown entity kind" in r.stderr


def test_extract_on_the_command_line(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("Делегация Павлодарской области посетила Омск.\n", encoding="utf-8")
    r = run("extract", str(good), str(tmp_path / "missing.txt"))
    assert r.returncode == 1 and "cannot read" in r.stderr and "missing.txt" in r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split("\t") == ["file", "line", "start", "end", "text", "entity", "name", "kind", "method",
                                    "score"]
    assert [line.split("\t")[5] for line in lines[1:]] == ["kz-pavlodar-oblysy", "ru-omsk"]
    r = run("extract", "-f", "jsonl", str(good))
    assert r.returncode == 0 and '"entity": "ru-omsk"' in r.stdout
    # A bad option fails before anything is written.
    r = run("extract", "--as-of", "19x", str(good))
    assert r.returncode == 2 and r.stdout == "" and 'invalid date "19x"' in r.stderr


def test_relations_during_a_year():
    r = run("relations", "-p", "BY", "--during", "2010")
    assert r.returncode == 0, r.stderr
    ids = [line.split()[0] for line in r.stdout.splitlines()[1:]]
    assert "zal-0019" in ids and all(line.split()[1].startswith("2010") for line in r.stdout.splitlines()[1:])


def test_extract_globs_csv_stdin_and_what_cannot_be_read(tmp_path):
    import csv
    import io

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Kurgan, Omsk and Tyumen regions\n", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"\xff\xfe not UTF-8 Astana\n")
    (tmp_path / "d.txt").write_text("Өскеменде\n", encoding="utf-8")
    r = run("extract", "-f", "csv", str(tmp_path / "**" / "*.txt"), str(tmp_path / "none-*.txt"))
    assert r.returncode == 1
    assert "no file matches" in r.stderr and "none-*.txt" in r.stderr
    assert "cannot read" in r.stderr and "c.txt" in r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    # The unreadable file loses nothing of the others (the glob's files in sorted order).
    assert [(row["text"], row["entity"]) for row in rows] == [
        ("Өскеменде", "kz-ust-kamenogorsk"), ("Kurgan", "ru-kurganskaya-oblast"),
        ("Omsk", "ru-omskaya-oblast"), ("Tyumen regions", "ru-tyumenskaya-oblast")]
    r = run("extract", "-", "--as-of", "1995", stdin="Целиноград, Семипалатинская область\n")
    assert r.returncode == 0
    assert [line.split("\t")[5] for line in r.stdout.splitlines()[1:]] == ["kz-astana", "kz-semipalatinsk-oblast"]
    assert run("extract", "--as-of", "nineteen", stdin="Astana").returncode == 2


def test_extract_streams_in_blocks_with_file_offsets_and_lines(tmp_path, monkeypatch, capsys):
    import json

    from kzrel import _cli_extract

    text = "".join(f"Строка {i}: делегация из Павлодара прибыла в Омск.\n" for i in range(50))
    f = tmp_path / "big.txt"
    f.write_text(text, encoding="utf-8")
    monkeypatch.setattr(_cli_extract, "BLOCK_CHARS", 200)  # many blocks
    assert main(["extract", "-f", "jsonl", str(f)]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(rows) == 100
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
        assert text.splitlines()[row["line"] - 1].find(row["text"]) >= 0
    assert rows[-1]["line"] == 50


def test_info():
    r = run("info")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    import kzrel

    assert f"kzrel {kzrel.__version__}" in out and f"data {kzrel.__data_version__}" in out
    assert kzrel.__data_version__.startswith(kzrel.__version__ + "+data.")
    assert "entities 939:" in out and "kk-latn-2021" in out and "relations 462:" in out



def test_the_main_job_extracts_the_sample():
    r = run("extract", "--sample")
    assert r.returncode == 0, r.stderr
    rows = [line.split("\t") for line in r.stdout.splitlines()[1:]]
    found = {(row[4], row[5]) for row in rows}
    assert {("Kurgan", "ru-kurganskaya-oblast"), ("Павлодарской области", "kz-pavlodar-oblysy"),
            ("Шығыс Қазақстан облысының", "kz-shyghys-qazaqstan-oblysy"), ("Гомельської області",
            "by-homielskaja-voblasc"), ("Целиноград", "kz-astana")} <= found
    assert all(row[0] == "sample" for row in rows)


def test_extract_lists_each_seeds_places_and_organizations():
    from conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not here ({SEEDS}); they are not part of the repository")
    expected = {"000": {"kz", "ru-kurganskaya-oblast"}, "001": {"by", "kz"}, "002": {"org-osce", "kz-astana"},
                "003": {"ru", "kz"}, "004": {"kz-astana", "org-un"}}
    for seed in sorted(SEEDS.glob("*.txt")):
        r = run("extract", "-f", "jsonl", str(seed))
        assert r.returncode == 0, r.stderr
        ids = {json.loads(line)["entity"] for line in r.stdout.splitlines()}
        assert expected[seed.name[:3]] <= ids, (seed.name, sorted(ids)[:20])
        kinds = {json.loads(line)["kind"] for line in r.stdout.splitlines()}
        assert kinds & {"region", "city", "country", "organization"}
