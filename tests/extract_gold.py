"""Scoring `Dataset.extract` against the hand-made gold annotations in
``tests/data/extract`` (see its README): shared by ``tests/test_extract_gold.py`` and
``benches/eval_extract.py``.

A gold mention is a span with an entity id, or with none when the dataset has no such
entity. A predicted mention is the span kzrel finds with its best candidate. Predictions
of people are left out (the gold annotates places and organizations only), and so are
predictions that overlap a gold mention without an id (the entity is not in the
dataset, so no answer can be right there; these are counted apart). A prediction is
right when a gold mention with the same id overlaps it (``overlap``) or has exactly its
span (``strict``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import kzrel

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "extract"
SEEDS = HERE.parent.parent / "shared" / "seeds"


@dataclass(frozen=True)
class Gold:
    doc: str
    start: int
    end: int
    text: str
    id: str | None
    kind: str


@dataclass(frozen=True)
class Pred:
    doc: str
    start: int
    end: int
    text: str
    id: str
    kind: str


@dataclass
class Doc:
    name: str
    text: str
    as_of: str | None
    lang: str
    gold: list[Gold] = field(default_factory=list)


def _offset(line_starts: list[int], lines: list[str], line: int, text: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = lines[line - 1].find(text, pos + 1)
        if pos < 0:
            raise ValueError(f"{text!r} (occurrence {n}) is not on line {line}")
    return line_starts[line - 1] + pos


def seed_docs(seeds: Path = SEEDS) -> list[Doc]:
    """The annotated seed documents, with their gold mentions as offsets into the
    whole text (Python string indices). Raises FileNotFoundError when a seed is absent."""
    meta = json.loads((GOLD / "documents.json").read_text(encoding="utf-8"))
    docs = []
    for name, m in meta.items():
        text = (seeds / m["file"]).read_text(encoding="utf-8")
        lines = text.split("\n")
        starts, at = [], 0
        for ln in lines:
            starts.append(at)
            at += len(ln) + 1
        doc = Doc(name, text, m.get("as_of"), m["script"])
        for raw in (GOLD / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if not raw.strip():
                continue
            r = json.loads(raw)
            s = _offset(starts, lines, r["line"], r["text"], r.get("n", 1))
            doc.gold.append(Gold(name, s, s + len(r["text"]), r["text"], r["id"], r["kind"]))
        docs.append(doc)
    return docs


def sentence_docs() -> list[Doc]:
    """The 60 sentences of ``sentences.jsonl``, one document each."""
    docs = []
    path = GOLD / "sentences.jsonl"
    for i, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        r = json.loads(raw)
        doc = Doc(f"sentence-{i}-{r['lang']}", r["text"], None, r["lang"])
        for m in r["mentions"]:
            pos = -1
            for _ in range(m.get("n", 1)):
                pos = r["text"].find(m["text"], pos + 1)
            if pos < 0:
                raise ValueError(f"{path}:{i}: {m['text']!r} is not in the sentence")
            doc.gold.append(Gold(doc.name, pos, pos + len(m["text"]), m["text"], m["id"], m["kind"]))
        docs.append(doc)
    return docs


def predict(ds: kzrel.Dataset, doc: Doc) -> list[Pred]:
    out = []
    for m in ds.extract(doc.text, as_of=doc.as_of):
        e = m.candidates[0].entity
        if e.kind == "person":
            continue
        out.append(Pred(doc.name, m.start, m.end, m.text, e.id, e.kind))
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.ignored += other.ignored
        self.errors += other.errors


def _overlaps(a, b) -> bool:
    return a.start < b.end and b.start < a.end


def score(doc: Doc, preds: list[Pred], strict: bool = False) -> Score:
    """Match predictions to gold mentions one to one, in text order."""
    s = Score()
    known = [g for g in doc.gold if g.id is not None]
    unknown = [g for g in doc.gold if g.id is None]
    used: set[int] = set()

    def where(x) -> str:
        line = doc.text.count("\n", 0, x.start) + 1
        return f"{doc.name}:{line}"

    for p in preds:
        match = next(
            (
                i
                for i, g in enumerate(known)
                if i not in used
                and g.id == p.id
                and ((g.start, g.end) == (p.start, p.end) if strict else _overlaps(g, p))
            ),
            None,
        )
        if match is not None:
            used.add(match)
            s.tp += 1
        elif any(_overlaps(g, p) for g in unknown):
            s.ignored += 1
        else:
            s.fp += 1
            gold_here = next((g for g in known if _overlaps(g, p)), None)
            why = f"gold {gold_here.text!r} → {gold_here.id}" if gold_here else "no gold mention"
            s.errors.append(f"FP {where(p)}: {p.text!r} → {p.id} ({why})")
    for i, g in enumerate(known):
        if i not in used:
            s.fn += 1
            found = next((p for p in preds if _overlaps(g, p)), None)
            why = f"found {found.text!r} → {found.id}" if found else "not found"
            s.errors.append(f"FN {where(g)}: {g.text!r} → {g.id} ({why})")
    return s


def evaluate(ds: kzrel.Dataset, docs: list[Doc], strict: bool = False) -> Score:
    total = Score()
    for d in docs:
        total.add(score(d, predict(ds, d), strict))
    return total
