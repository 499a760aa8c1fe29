"""The hand-coded fixtures, per genre, scored by ``incidex evaluate``'s metric.

The fixtures (tests/fixtures/{wire,bulletin,claims}) are what the rules were written against,
so their scores are an upper bound; the blind sets (tests/fixtures/blind/...) were written
apart and are reported apart. Real-corpus figures (MUC-4, UCDP, WikiEvents) are the ones to trust.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks import REPO, machine
from incidex.evaluate import SCORED_FIELDS, evaluate, load_events

GENRES: tuple[str, ...] = ("wire", "bulletin", "claims")
FIXTURES = REPO / "tests" / "fixtures"


def _sets() -> list[tuple[str, Path]]:
    out = []
    for prefix, base in (("", FIXTURES), ("blind/", FIXTURES / "blind")):
        for g in GENRES:
            folder = base / g
            if (folder / "docs.jsonl").is_file() and (folder / "gold.jsonl").is_file():
                out.append((prefix + g, folder))
    return out


def score_folder(folder: Path) -> dict[str, Any]:
    from incidex.errors import RecordError
    from incidex.ingest import read_documents
    from incidex.pipeline.extract import extract_document

    docs = [d for d in read_documents(str(folder / "docs.jsonl")) if not isinstance(d, RecordError)]
    pred = [e.to_dict() for d in docs for e in extract_document(d)]
    gold = load_events(str(folder / "gold.jsonl"))
    report = evaluate(gold, pred)
    out = report.to_dict()
    out["docs"] = len(docs)
    return out


def run() -> list[dict[str, Any]]:
    from incidex.pipeline.extract import extractor_version

    sets = _sets()
    if not sets:
        raise FileNotFoundError(f"no fixture sets with docs.jsonl + gold.jsonl under {FIXTURES}")
    results = {name: score_folder(folder) for name, folder in sets}
    rows = []
    for blind in (False, True):
        names = [n for n in results if n.startswith("blind/") == blind]
        if not names:
            continue
        figures = {}
        for n in names:
            r = results[n]
            figures[f"{n}: event P/R/F1 ({r['docs']} docs, {r['gold']} gold, {r['predicted']} predicted)"] = \
                f"{r['precision']:.3f} / {r['recall']:.3f} / {r['f1']:.3f}"
        lines = ["| field | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
        for f in SCORED_FIELDS:
            cells = [("n/a" if results[n]["fields"][f] is None else f"{results[n]['fields'][f]:.2f}") for n in names]
            lines.append(f"| {f} | " + " | ".join(cells) + " |")
        rows.append({
            "benchmark": "fixtures-blind" if blind else "fixtures",
            "title": ("Blind fixtures (written apart from the rules)" if blind else "Fixtures (the rules were written against these: an upper bound)")
            + ": event F1 and per-field accuracy on matched pairs, `incidex evaluate`'s metric",
            "command": ".venv/bin/python -m benchmarks.run_all --only fixtures",
            "data": ", ".join(f"tests/fixtures/{n}" for n in names),
            "figures": figures,
            "detail": "\n".join(lines),
            "extractor_version": extractor_version(),
            "machine": machine(),
        })
    return rows
