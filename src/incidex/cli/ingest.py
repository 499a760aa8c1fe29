"""``incidex ingest``: read documents, extract their events, store both (thin: the work is in
:mod:`incidex.store.load`). Also defines the ``--db`` option every store command shares."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from incidex.errors import IncidexError

DbOption = Annotated[Optional[str], typer.Option(
    "--db", envvar="INCIDEX_DB", show_default=False,
    help="Database: a SQLite file (default ./incidex.db) or a URL such as postgresql://user@host/dbname. "
         "Also read from INCIDEX_DB.",
)]


def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(
        show_default=False,
        help="Files or directories (searched recursively): .txt .md .html .pdf .jsonl .csv, Telegram result.json, "
             "RSS/Atom (.rss .atom .xml); - for standard input.")] = None,
    db: DbOption = None,
    published: Annotated[Optional[str], typer.Option(
        "--published", help="Reference date YYYY-MM-DD for documents that carry none.")] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Source name for documents that carry none.")] = None,
    reextract: Annotated[bool, typer.Option(
        "--reextract", help="Re-run extraction on stored documents whose events came from an older extractor "
                            "version (with no PATH: every such document in the database).")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents committed per transaction.")] = 200,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress on standard error.")] = False,
) -> None:
    """Extract events from documents and store documents, events and evidence together.

    Documents already stored (same text and date) are skipped, so running the same command
    again after an interruption finishes the job. Bad records are reported one per line and
    skipped (exit 1); unreadable paths are reported after the rest is done (exit 2).
    """
    from incidex.cli import err, fail, parse_date_option
    from incidex.cli.progress import RunProgress
    from incidex.store import display_url, open_engine, resolve_url
    from incidex.store.load import IngestOptions, Loader, default_extractor

    if not paths and not reextract:
        raise typer.BadParameter("give at least one PATH (or --reextract alone to re-extract stored documents)",
                                 param_hint="PATH")
    options = IngestOptions(published=parse_date_option(published), source=source, reextract=reextract,
                            batch_size=batch_size)
    try:
        engine = open_engine(db)
        extract, version = default_extractor()
    except IncidexError as exc:
        raise fail(str(exc), exc.exit_code)

    def report(message: str) -> None:
        err.print(f"incidex: {message}", markup=False)

    progress = None if quiet else RunProgress("ingest", None, console=err)
    loader = Loader(engine, options, extract, version, on_error=report, progress=progress)
    try:
        if progress is not None:
            with progress:
                summary = loader.run(paths or [])
        else:
            summary = loader.run(paths or [])
    except IncidexError as exc:
        raise fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        raise fail("interrupted; what was committed is kept: run the same command again to finish", 130)
    finally:
        engine.dispose()
    s = summary
    errors = len(s.errors) + len(s.input_errors)
    err.print(
        f"ingest: {s.read} documents read: {s.stored} stored, {s.skipped} already stored"
        + (f", {s.reextracted} re-extracted" if reextract else "")
        + f"; {s.events} events; {errors} error{'' if errors == 1 else 's'} "
        f"(run {s.run_id} in {display_url(resolve_url(db))}, {s.seconds:.1f} s, {s.rate:.0f} docs/s)",
        markup=False, highlight=False,
    )
    raise typer.Exit(s.exit_code)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
