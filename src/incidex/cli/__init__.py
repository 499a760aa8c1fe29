"""The ``incidex`` command: thin wrappers that parse arguments, call the library and print.

Errors from the library arrive as :class:`~incidex.errors.IncidexError` and leave as one line
on standard error with the exit status conventions.md §7 gives; never a traceback.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from incidex import __version__
from incidex.errors import IncidexError

app = typer.Typer(
    name="incidex",
    help="Turn reports of armed attacks into a structured, geocoded incident dataset with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def fail(message: str, code: int) -> "typer.Exit":
    err.print(f"incidex: {message}", markup=False)
    return typer.Exit(code)


def parse_date_option(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _version(value: bool) -> None:
    if value:
        from incidex.pipeline.extract import extractor_version

        typer.echo(f"incidex {__version__} (extractor {extractor_version()})")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """incidex: reports of armed attacks in; events with dates, places, counts and evidence out."""


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files (.txt .md .jsonl .csv), directories, or - for standard input."),
    published: Optional[str] = typer.Option(None, "--published", help="Reference date YYYY-MM-DD for relative and year-less dates (a document's own 'published' wins)."),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write events here instead of standard output."),
    show: bool = typer.Option(False, "--show", help="Also print a readable table of the events on standard output."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on standard error."),
) -> None:
    """Extract events from documents, in input order."""
    from incidex.cli.run_extract import run_extract

    reference = parse_date_option(published)
    code = run_extract(paths, reference, fmt.value, output, show, quiet, err)
    raise typer.Exit(code)


@app.command()
def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Gold events (JSONL)."),
    pred: Path = typer.Option(..., "--pred", help="Predicted events (JSONL)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Match predicted to gold events one to one and print precision, recall, F1 and field accuracy."""
    from incidex.cli.tables import report_table
    from incidex.evaluate import evaluate as score, load_events

    try:
        report = score(load_events(str(gold)), load_events(str(pred)))
    except IncidexError as exc:
        raise fail(str(exc), 2)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2))
    else:
        Console().print(report_table(report))


def _register_subcommands() -> None:
    """Commands that live in their own modules, one module per command group."""
    from incidex.cli import data, export, ingest, show, stats

    for module in (ingest, export, stats, show):
        module.register(app)
    app.add_typer(data.app, name="data", help="Build and query the offline gazetteer index.")


_register_subcommands()


def main() -> None:
    try:
        app()
    except IncidexError as exc:  # pragma: no cover - commands catch their own; this is the last guard
        err.print(f"incidex: {exc}", markup=False)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err.print("incidex: interrupted", markup=False)
        sys.exit(130)
