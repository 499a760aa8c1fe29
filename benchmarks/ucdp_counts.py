"""UCDP GED headlines: the death toll incidex reads from a headline against GED's ``best``.

UCDP GED codes one event per row with ``best`` (and ``low``/``high``) fatalities, all sides
together, and keeps one source headline. GED events built from one source are the fair rows: an
event built from several articles can have a toll no single headline states. incidex's figure for
a headline is its events' ``killed`` plus ``perpetrators_killed`` (GED counts both sides), summed
over the events of the headline.

Figures: among the single-source headlines, how often incidex gives a figure at all ("read"), and,
of those it reads, how often the figure equals ``best`` or falls within ``low``-``high``. A
headline that states no number ("Soldiers killed in battle") has no figure to read: the share of
headlines with a casualty word but no figure is reported apart, as the recall gap.

No split is held out (the UCDP extract has none): the counts vocabulary was checked against
these headlines' phrasing, so the row is a development figure, not a held-out one.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from typing import Any

from benchmarks import machine, share, ucdp_rows

#: A casualty word: a headline with one and no figure from incidex is a recall miss.
_CASUALTY = re.compile(r"\b(?:kill|killed|kills|killing|dead|died|dies|slain|gunned down|shot dead|deaths?|lives)\b",
                       re.IGNORECASE)


def single_source_rows() -> list[dict[str, str]]:
    """GED rows built from one source that keep a headline."""
    return [row for row in ucdp_rows()
            if (row.get("source_headline") or "").strip() and row.get("number_of_sources") == "1"]


def headline_toll(text: str) -> int | None:
    """incidex's death toll for one headline: killed + perpetrators_killed over its events."""
    from incidex.pipeline.extract import extract_document
    from incidex.schema import Document

    figures = [(e.killed.best or 0) + (e.perpetrators_killed.best or 0)
               for e in extract_document(Document(id="ucdp", text=text))
               if e.killed.best is not None or e.perpetrators_killed.best is not None]
    return sum(figures) if figures else None


def run() -> dict[str, Any]:
    from incidex.pipeline.extract import extractor_version

    rows = single_source_rows()
    t0 = time.perf_counter()
    outcome: Counter[str] = Counter()
    casualty_heads = casualty_unread = 0
    for row in rows:
        head = row["source_headline"].strip()
        got = headline_toll(head)
        best, low, high = int(row["best"]), int(row["low"]), int(row["high"])
        if _CASUALTY.search(head):
            casualty_heads += 1
            casualty_unread += got is None
        if got is None:
            outcome["no figure"] += 1
        elif got == best:
            outcome["equals best"] += 1
        elif low <= got <= high:
            outcome["within low-high"] += 1
        else:
            outcome["other figure"] += 1
    read = len(rows) - outcome["no figure"]


    return {
        "benchmark": "ucdp-counts",
        "title": "UCDP GED headlines: the death toll read from a headline against GED's best",
        "command": ".venv/bin/python -m benchmarks.run_all --only ucdp-counts",
        "data": f"shared/data/ucdp-ged (Pakistan, Philippines): {len(rows):,} single-source events with a headline",
        "figures": {
            "headlines incidex reads a toll from": share(read, len(rows)),
            "toll equals GED best (of those read)": share(outcome["equals best"], read),
            "toll within GED low-high (of those read)": share(outcome["equals best"] + outcome["within low-high"], read),
            "headlines with a casualty word but no toll read": share(casualty_unread, casualty_heads),
        },
        "notes": "incidex's toll is killed + perpetrators_killed summed over the headline's events (GED's best counts "
                 "every side). A single-source GED event can still differ from its headline (a toll revised after "
                 "the headline, deaths GED attributes to another event); the vocabulary was checked against these "
                 f"headlines, so this is a development figure. {time.perf_counter() - t0:.1f} s.",
        "extractor_version": extractor_version(),
        "machine": machine(),
    }


if __name__ == "__main__":  # pragma: no cover
    for k, v in run()["figures"].items():
        print(f"{k:50s} {v}")
