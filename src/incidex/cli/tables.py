"""Readable terminal tables for events and evaluation reports."""

from __future__ import annotations

from rich.table import Table

from incidex.evaluate import SCORED_FIELDS, Report
from incidex.schema import Count, Event


def count_text(c: Count) -> str:
    if c.qualifier == "unknown":
        return ""
    if c.qualifier == "none_reported":
        return "0"
    if c.qualifier == "vague":
        return "some"
    if c.qualifier == "range":
        return f"{c.low}-{c.high}"
    sign = {"at_least": "≥", "at_most": "≤", "approx": "~"}.get(c.qualifier, "")
    return f"{sign}{c.best}"


def place_text(e: Event) -> str:
    parts = [p for p in (e.sublocation, e.location, e.admin1, e.country) if p]
    return ", ".join(dict.fromkeys(parts))


def events_table(events: list[Event]) -> Table:
    table = Table(title=f"{len(events)} events", show_lines=False)
    for col in ("event", "date", "place", "type", "killed", "wounded", "perpetrator"):
        table.add_column(col, overflow="fold")
    for e in events:
        killed = count_text(e.killed) or (f"({count_text(e.casualties)} k+w)" if e.casualties.is_known else "")
        perp = e.perpetrator or ("unknown" if e.claimed else "")
        if e.claimed:
            perp += " (claim)" if e.claim_source == "perpetrator" else " (claimed)"
        table.add_row(e.event_id, e.date or "", place_text(e), e.attack_type or "", killed, count_text(e.wounded), perp)
    return table


def report_table(report: Report) -> Table:
    table = Table(title=f"events: gold {report.gold}, predicted {report.predicted}, matched {report.matched}")
    table.add_column("measure")
    table.add_column("score", justify="right")
    table.add_row("precision", f"{report.precision:.3f}")
    table.add_row("recall", f"{report.recall:.3f}")
    table.add_row("F1", f"{report.f1:.3f}")
    for name in SCORED_FIELDS:
        acc = report.accuracy(name)
        table.add_row(f"{name} accuracy", "-" if acc is None else f"{acc:.3f}")
    return table
