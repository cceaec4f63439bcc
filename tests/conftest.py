"""Shared paths for the Python tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLIT = ROOT / "tests" / "data" / "translit"
SEEDS = ROOT.parent / "shared" / "seeds"
