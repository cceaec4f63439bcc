"""Write the fuzz targets' seed corpora (fuzz/seeds/<target>/), from the package's own
sample text, the extraction test sentences and small user files in each format the
loaders read. Run with the project's venv: `.venv/bin/python scripts/make_fuzz_seeds.py`.
The seeds are committed; libFuzzer's own finds go to fuzz/corpus/ (not committed)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import kzrel

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fuzz" / "seeds"


def write(target: str, data: bytes) -> None:
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)


def texts() -> list[str]:
    lines = (ROOT / "python" / "kzrel" / "sample_text.txt").read_text(encoding="utf-8").splitlines()
    out = [x for x in lines if x.strip()]
    for line in (ROOT / "tests" / "data" / "extract" / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        out.append(json.loads(line)["text"])
    # Edges the fuzzer should start from: empty, marks alone, mixed scripts, all caps.
    out += ["", "\u0301\u0306", "Aршанскi\u00a0раён", "ЧЕЛЯБИНСК", "Шығыс Қазақстан облысы", "Öskemen Qostanai"]
    return out


def main() -> None:
    shutil.rmtree(SEEDS, ignore_errors=True)
    sample = texts()
    schemes = kzrel.schemes()
    for i, s in enumerate(schemes):
        for text in sample[:40:4] + [kzrel.transliterate("Қостанай облысы, Өскемен", s.id)]:
            # The first byte picks the scheme (i), the policy and the profiles.
            for flags in (0x00, 0x10, 0xA0):
                write("translit", bytes([i + flags]) + text.encode())
    for text in sample:
        write("script", text.encode())
        write("extract", text.encode())
    for name in ["Korgan region", "Павлодарской области", "ВКО", "Tselinograd", "Oskemen", "Усть-Каменогорска",
                 "Алматинская обл.", "Nur-Sultan", "Шымкент қаласы", "KZ-63"]:
        write("resolve", name.encode())
    rel = kzrel.load().relations(party="KZ-59")[:3]
    entity = json.dumps({"id": "kz-my-village", "kind": "city", "names": [
        {"text": "Жаңаауыл", "lang": "kk", "script": "Cyrl", "kind": "official", "source": "s"}],
        "parents": [{"id": "kz", "source": "s"}]}, ensure_ascii=False)
    amend = json.dumps({"amends": "kz-semey", "names": [
        {"text": "Semei", "lang": "en", "script": "Latn", "kind": "variant", "source": "s"}]})
    loaders = [
        (0, entity + "\n" + amend + "\n"),
        (0, rel.to_jsonl() or ""),
        (1, rel.to_csv() or ""),
        (2, '[[entity]]\nid = "kz-x"\nkind = "city"\nnames = [{text = "X", lang = "en", script = "Latn", kind = "official", source = "s"}]\n'),
        (3, '[t]\ntitle = "A book"\nauthors = ["A. Author"]\nyear = 2014\n'),
    ]
    for pick, text in loaders:
        write("load", bytes([pick]) + text.encode())
    for target in sorted(p.name for p in SEEDS.iterdir()):
        print(target, len(list((SEEDS / target).iterdir())))


if __name__ == "__main__":
    main()
