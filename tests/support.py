"""Paths and readers the tests share (a plain module: conftest files are for fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"
GENRES = ("wire", "bulletin", "claims")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evidence_at(text: str, field: str, words: str):
    """An evidence span for the first occurrence of ``words`` in ``text`` (real offsets)."""
    from incidex.schema import Evidence

    start = text.index(words)
    return Evidence(field, start, start + len(words), words)
