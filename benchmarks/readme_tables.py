"""Rewrite the two score tables of the top-level README from ``benchmarks/results/*.json``.

The README promises that every figure in it comes from ``make bench``: the tables between the
``<!-- scores:fixtures -->`` and ``<!-- scores:corpora -->`` markers are generated here from the
rows the last run wrote, never typed by hand. ``run_all`` calls :func:`rewrite` after writing
BENCHMARKS.md; ``python -m benchmarks.readme_tables`` does it alone.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from benchmarks import REPO

RESULTS = REPO / "benchmarks" / "results"
README = REPO / "README.md"

#: (result file, figure key prefix, label) of the corpus rows, in table order.
CORPUS_ROWS: tuple[tuple[str, str, str], ...] = (
    ("muc4-events-test", "events P/R/F1 (anchored match)", "MUC-4 test"),
    ("muc4-events-test", "country accuracy, matched pairs", "MUC-4 test"),
    ("muc4-events-test", "date accuracy, matched pairs", "MUC-4 test"),
    ("muc4-events-test", "place accuracy, matched pairs", "MUC-4 test"),
    ("muc4-events-test", "type accuracy, matched pairs", "MUC-4 test"),
    ("muc4-events-test", "killed accuracy, matched pairs", "MUC-4 test"),
    ("muc4-roles-test", "micro P/R/F1 (head noun match)", "MUC-4 test, role fillers"),
    ("ucdp-places", "country accuracy", "UCDP GED headlines"),
    ("ucdp-places", "country majority-class baseline", "UCDP GED headlines"),
    ("ucdp-places", "adm_1 accuracy", "UCDP GED headlines"),
    ("ucdp-counts", "toll equals GED best (of those read)", "UCDP GED headlines"),
    ("ucdp-counts", "headlines with a casualty word but no toll read", "UCDP GED headlines"),
    ("wikievents", "attack sentences with an event", "WikiEvents dev+test"),
    ("wikievents", "Life.Die/Injure sentences with an event", "WikiEvents dev+test"),
    ("calibration", "expected calibration error", "MUC-4 dev, confidence"),
    ("speed", "incidex words/s, MUC-4 train+dev", "speed, one process"),
    ("speed", "incidex words/s, 10,000 UCDP headlines", "speed, one process"),
    ("speed", "spaCy blank('en') tokenizer words/s", "speed, one process"),
    ("speed", "start-up s", "speed, one process"),
    ("speed", "peak RSS MB", "speed, one process"),
)
FIXTURE_FIELDS = ("killed", "attack_type", "date", "location")


def _rows(name: str) -> list[dict[str, Any]]:
    path = RESULTS / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SystemExit(f"{path}: no results yet; run `make bench` first") from None
    except json.JSONDecodeError as err:
        raise SystemExit(f"{path}:{err.lineno}: not valid JSON ({err.msg}); run `make bench` again") from None
    return data if isinstance(data, list) else [data]


def _figure(row: dict[str, Any], prefix: str) -> tuple[str, str, str]:
    """(full figure name, value, target) of the first figure whose name starts with ``prefix``."""
    for key, value in row.get("figures", {}).items():
        if key.startswith(prefix):
            return key, str(value), str(row.get("targets", {}).get(key, ""))
    raise KeyError(f"{row.get('benchmark')}: no figure starting {prefix!r}")


def fixtures_table() -> str:
    lines = ["| set | docs | gold events | event P / R / F1 | killed | attack type | date | location |",
             "|---|---|---|---|---|---|---|---|"]
    for name in ("fixtures", "fixtures-blind"):
        for row in _rows(name):
            fields = _field_table(row["detail"])
            for key, value in row["figures"].items():
                m = re.match(r"(\S+): event P/R/F1 \((\d+) docs, (\d+) gold", key)
                if not m:
                    continue
                genre = m.group(1)
                cells = [fields[f].get(genre, "n/a") for f in FIXTURE_FIELDS]
                lines.append(f"| {genre} | {m.group(2)} | {m.group(3)} | {value} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _field_table(detail: str) -> dict[str, dict[str, str]]:
    """The per-field markdown table of a fixtures row as {field: {set: value}}."""
    lines = [ln for ln in detail.splitlines() if ln.startswith("|")]
    sets = [c.strip() for c in lines[0].strip("|").split("|")][1:]
    out: dict[str, dict[str, str]] = {}
    for ln in lines[2:]:
        cells = [c.strip() for c in ln.strip("|").split("|")]
        out[cells[0]] = dict(zip(sets, cells[1:]))
    return out


def corpora_table() -> str:
    lines = ["| benchmark | figure | value | target |", "|---|---|---|---|"]
    for name, prefix, label in CORPUS_ROWS:
        key, value, target = _figure(_rows(name)[0], prefix)
        lines.append(f"| {label} | {key} | {value} | {target} |")
    return "\n".join(lines)


def rewrite(readme: Path = README) -> None:
    text = readme.read_text(encoding="utf-8")
    for marker, table in (("fixtures", fixtures_table()), ("corpora", corpora_table())):
        pattern = re.compile(rf"(<!-- scores:{marker} -->\n).*?(\n<!-- /scores:{marker} -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"{readme}: markers <!-- scores:{marker} --> ... <!-- /scores:{marker} --> not found")
        text = pattern.sub(lambda m: m.group(1) + table + m.group(2), text)
    readme.write_text(text, encoding="utf-8")


if __name__ == "__main__":  # pragma: no cover
    rewrite()
    print(f"rewrote the score tables of {README}")
