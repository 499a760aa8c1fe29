"""Is ``confidence`` a probability? A reliability table on MUC-4 dev.

Every in-scope incidex event on MUC-4 dev (TST1+TST2) is binned by its ``confidence``; an event
counts as correct when the anchored match of :mod:`benchmarks.muc4` pairs it with a key
template. A calibrated score has match rate close to the mean confidence in every bin; the
expected calibration error (ECE) sums the gaps, weighted by bin size. Dev only: calibrating on
test would be tuning on it.
"""

from __future__ import annotations

from typing import Any

from benchmarks import machine, muc4

BINS: tuple[tuple[float, float], ...] = ((0.0, 0.2), (0.2, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.0))


def reliability(scored: list[tuple[float, bool]], bins: tuple[tuple[float, float], ...] = BINS) -> list[dict[str, Any]]:
    """One row per bin: n, mean confidence, match rate (None for an empty bin). The last bin is closed."""
    rows = []
    for k, (lo, hi) in enumerate(bins):
        last = k == len(bins) - 1
        inside = [(c, ok) for c, ok in scored if lo <= c < hi or (last and c == hi)]
        n = len(inside)
        rows.append({
            "bin": f"{lo:.1f}-{hi:.1f}",
            "n": n,
            "mean_confidence": sum(c for c, _ in inside) / n if n else None,
            "match_rate": sum(ok for _, ok in inside) / n if n else None,
        })
    return rows


def expected_calibration_error(rows: list[dict[str, Any]]) -> float | None:
    total = sum(r["n"] for r in rows)
    if not total:
        return None
    return sum(r["n"] / total * abs(r["mean_confidence"] - r["match_rate"]) for r in rows if r["n"])


def run() -> dict[str, Any]:
    ext = muc4.extract_split("dev")
    scores = muc4.score_events("dev", ext.events)
    rows = reliability(scores.calibration)
    ece = expected_calibration_error(rows)
    lines = ["| confidence bin | events | mean confidence | match rate |", "|---|---|---|---|"]
    for r in rows:
        mc = "n/a" if r["mean_confidence"] is None else f"{r['mean_confidence']:.2f}"
        mr = "n/a" if r["match_rate"] is None else f"{r['match_rate']:.2f}"
        lines.append(f"| {r['bin']} | {r['n']} | {mc} | {mr} |")
    return {
        "benchmark": "calibration",
        "title": "Calibration of `confidence` on MUC-4 dev (in-scope events vs anchored match to a key template)",
        "command": ".venv/bin/python -m benchmarks.run_all --only calibration",
        "data": f"shared/data/muc4 dev (TST1+TST2, {scores.docs} docs), {len(scores.calibration)} in-scope events",
        "figures": {"expected calibration error": "n/a" if ece is None else f"{ece:.3f}"},
        "detail": "\n".join(lines),
        "extractor_version": ext.version,
        "machine": machine(),
    }
