"""``incidex stats``: what the store holds, by country, month and attack type (thin: the counting
is in :mod:`incidex.store.stats`)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from incidex.cli.ingest import DbOption
from incidex.errors import IncidexError
from incidex.store.stats import Group, Stats

EVENTS_NOT_INCIDENTS = ("These are events as each report tells them, not yet incidents linked across sources: "
                        "an attack covered by three reports counts three times.")


def group_table(title: str, key: str, groups: list[Group], limit: int, recent: bool = False) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key)
    for name in ("events", "killed", "wounded"):
        table.add_column(name, justify="right")
    shown, rest = (groups[-limit:], groups[:-limit]) if recent else (groups[:limit], groups[limit:])
    for g in shown:
        table.add_row(g.key or "(unknown)", f"{g.events:,}", f"{g.killed:,}", f"{g.wounded:,}")
    if rest:
        table.add_row(f"({len(rest)} more)", f"{sum(g.events for g in rest):,}", f"{sum(g.killed for g in rest):,}",
                      f"{sum(g.wounded for g in rest):,}", style="dim")
    return table


def render(s: Stats, console: Console, limit: int) -> None:
    console.print(f"Documents: {s.documents:,} ({s.documents_without_events:,} without events); "
                  f"events: {s.events:,}", highlight=False)
    claims = f"{s.perpetrator_claims:,} event{'' if s.perpetrator_claims == 1 else 's'} from perpetrators' own claims"
    if s.include_claims:
        console.print(f"Totals include {claims}.", highlight=False)
    else:
        console.print(f"Totals leave out {claims} (--include-claims to count them).", highlight=False)
    console.print(f"Totals: {s.counted:,} events; killed {s.killed:,}; wounded {s.wounded:,}; "
                  f"perpetrators killed {s.perpetrators_killed:,}; abducted {s.abducted:,} "
                  "(best figures; vague counts at their low bound).", highlight=False)
    if s.counted:
        console.print(group_table("By country", "country", s.by_country, limit))
        console.print(group_table("By month", "month", s.by_month, limit, recent=True))
        console.print(group_table("By attack type", "attack type", s.by_type, limit))
    unfinished = f"; {s.unfinished_runs:,} unfinished (interrupted or still running)" if s.unfinished_runs else ""
    console.print(f"Runs: {s.runs:,}{unfinished}; records skipped with errors: {s.errors:,}.", highlight=False)
    console.print(EVENTS_NOT_INCIDENTS, highlight=False)


def stats(
    db: DbOption = None,
    include_claims: Annotated[bool, typer.Option(
        "--include-claims", help="Count events whose only source is the perpetrators' own claim in the totals.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows per table (months: the most recent).")] = 20,
) -> None:
    """Documents, events and errors in the store; events by country, month and attack type."""
    from incidex.cli import fail
    from incidex.store import open_engine
    from incidex.store.stats import collect

    try:
        engine = open_engine(db, must_exist=True)
        try:
            result = collect(engine, include_claims=include_claims)
        finally:
            engine.dispose()
    except IncidexError as exc:
        raise fail(str(exc), exc.exit_code)
    render(result, Console(), limit)


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)
