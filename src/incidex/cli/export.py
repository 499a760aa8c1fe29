"""``incidex export``: stored events out as CSV, JSON Lines, GeoJSON or Parquet (thin: the work
is in :mod:`incidex.export`)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from incidex.cli.ingest import DbOption
from incidex.errors import IncidexError


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"
    parquet = "parquet"


class Columns(str, Enum):
    full = "full"
    gtd = "gtd"
    acled = "acled"
    ucdp = "ucdp"


class YesNo(str, Enum):
    yes = "yes"
    no = "no"


def parse_where(items: list[str]) -> tuple[tuple[str, object], ...]:
    """``column=value`` pairs, typed for their column; BadParameter names the bad one."""
    from incidex.store.read import where_value

    out: list[tuple[str, object]] = []
    for item in items:
        column, sep, raw = item.partition("=")
        if not sep or not column.strip():
            raise typer.BadParameter(f"{item!r}: expected COLUMN=VALUE, e.g. country=IQ", param_hint="--where")
        try:
            out.append((column.strip(), where_value(column.strip(), raw.strip())))
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--where") from None
    return tuple(out)


def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.", show_default=False)],
    db: DbOption = None,
    columns: Annotated[Columns, typer.Option(
        "--columns", help="Column set: every schema field (full) or the layout of GTD, ACLED or UCDP GED.")] = Columns.full,
    where: Annotated[Optional[list[str]], typer.Option(
        "--where", help="COLUMN=VALUE on event columns (flat names, e.g. country=IQ, killed_qualifier=exact); "
                        "repeat a column for either value; an empty VALUE means the column is empty.")] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Events on or before this date (YYYY-MM-DD).")] = None,
    claimed: Annotated[Optional[YesNo], typer.Option("--claimed", help="Only claimed events (yes) or only unclaimed (no).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here instead of standard output.")] = None,
) -> None:
    """Export stored events as CSV, JSON Lines, GeoJSON or Parquet.

    Every column set carries claimed and claim_source, so the perpetrators' own claims can be
    kept apart; GTD/ACLED/UCDP columns carry a generated neutral note, never the source text.
    """
    from incidex.cli import err, fail, parse_date_option
    from incidex.export import export_events
    from incidex.store import EventFilter, open_engine

    flt = EventFilter(where=parse_where(where or []), since=parse_date_option(since), until=parse_date_option(until),
                      claimed=None if claimed is None else claimed is YesNo.yes)
    if fmt is ExportFormat.parquet and output is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give --output FILE", param_hint="--output")
    try:
        engine = open_engine(db, must_exist=True)
        try:
            summary = export_events(engine, fmt.value, columns.value, flt, output)
        finally:
            engine.dispose()
    except IncidexError as exc:
        raise fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        _quiet_stdout()  # the reader (head, less) has gone: stop as other Unix tools do
        raise typer.Exit(0)
    except OSError as exc:
        raise fail(f"{output or 'standard output'}: cannot write: {exc.strerror or exc}", 2)
    where_to = f" to {output}" if output else ""
    err.print(f"export: {summary.written} event{'' if summary.written == 1 else 's'} written{where_to} "
              f"({fmt.value}, {columns.value} columns)", markup=False, highlight=False)
    if summary.message:
        err.print(f"export: {summary.message}", markup=False, highlight=False)


def _quiet_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's final flush does not complain."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def register(app: typer.Typer) -> None:
    app.command("export")(export)
