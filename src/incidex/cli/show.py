"""``incidex show EVENT_ID``: an event's fields, and its evidence highlighted in the document text.

On a terminal the evidence is coloured, one colour per field; elsewhere (a pipe, a log) each
span is written ``[field: words]`` so the output still says which words support which field.
Long documents are cut to the paragraphs around the evidence.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from incidex.cli.ingest import DbOption
from incidex.errors import IncidexError
from incidex.schema import COUNT_FIELDS

_PALETTE = ("bold black on yellow", "bold black on cyan", "bold black on green", "bold white on magenta",
            "bold white on blue", "bold black on bright_red", "bold black on white")
#: Documents longer than this are shown as excerpts around the evidence.
MAX_FULL_TEXT = 4000
_CONTEXT = 300


def count_text(count: dict[str, Any]) -> str:
    q = count.get("qualifier", "unknown")
    return f"{count.get('best')} (low {count.get('low')}, high {count.get('high')}; {q})"


def fields_table(event: dict[str, Any], doc: dict[str, Any]) -> Table:
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for key, value in event.items():
        if key in ("evidence", "context"):
            continue
        if key in COUNT_FIELDS:
            if value.get("qualifier", "unknown") != "unknown":
                table.add_row(key, count_text(value))
        elif value not in (None, "", False) or key in ("claimed",):
            table.add_row(key, str(value))
    meta = [doc.get("title"), doc.get("source"), doc.get("published") and doc["published"].isoformat(), doc.get("url"),
            doc.get("origin")]
    table.add_row("document", "; ".join(str(m) for m in meta if m) or str(doc["id"]))
    return table


def highlighted(text: str, spans: list[dict[str, Any]], markers: bool) -> tuple[Text, dict[str, str]]:
    """The text with every span styled (or bracketed with its field name when ``markers``)."""
    colours: dict[str, str] = {}
    for span in spans:
        colours.setdefault(span["field"], _PALETTE[len(colours) % len(_PALETTE)])
    ordered = sorted(spans, key=lambda s: (s["start"], -s["end"]))
    windows = _windows(text, ordered)
    out = Text()
    for n, (lo, hi) in enumerate(windows):
        if n or lo > 0:
            out.append(" … ", style="dim")
        if markers:
            fields_at: dict[tuple[int, int], list[str]] = {}
            for span in ordered:
                names = fields_at.setdefault((span["start"], span["end"]), [])
                if span["field"] not in names:
                    names.append(span["field"])
            pos = lo
            for (start, end), names in fields_at.items():
                if start < pos or end > hi or start < lo:
                    continue  # nested or outside this window: its words are already shown
                out.append(text[pos:start])
                out.append(f"[{', '.join(names)}: {text[start:end]}]")
                pos = end
            out.append(text[pos:hi])
        else:
            piece = Text(text[lo:hi])
            for span in ordered:
                if lo <= span["start"] and span["end"] <= hi:
                    piece.stylize(colours[span["field"]], span["start"] - lo, span["end"] - lo)
            out.append_text(piece)
    if windows and windows[-1][1] < len(text):
        out.append(" …", style="dim")
    return out, colours


def _windows(text: str, spans: list[dict[str, Any]]) -> list[tuple[int, int]]:
    if len(text) <= MAX_FULL_TEXT or not spans:
        return [(0, min(len(text), MAX_FULL_TEXT) if not spans else len(text))]
    merged: list[tuple[int, int]] = []
    for span in spans:
        lo, hi = max(0, span["start"] - _CONTEXT), min(len(text), span["end"] + _CONTEXT)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def show(
    event_id: Annotated[str, typer.Argument(help="An event id, {doc_id}:{n}, as export and extract print it.")],
    db: DbOption = None,
) -> None:
    """Show one event: its fields, then the document with the words behind each field highlighted."""
    from incidex.cli import fail
    from incidex.store import get_event, open_engine

    try:
        engine = open_engine(db, must_exist=True)
        try:
            found = get_event(engine, event_id)
        finally:
            engine.dispose()
    except IncidexError as exc:
        raise fail(str(exc), exc.exit_code)
    if found is None:
        raise fail(f"no event '{event_id}' in the database (ids look like DOC_ID:N; see incidex export)", 1)
    event, doc = found
    console = Console()
    markers = not console.is_terminal or console.no_color
    body, colours = highlighted(doc["text"], event["evidence"], markers)
    legend = Text("evidence: ")
    for field, style in colours.items():
        legend.append(f" {field} ", style=None if markers else style)
        legend.append(" ")
    console.print(Panel(fields_table(event, doc), title=f"event {event['event_id']}", title_align="left"))
    console.print(Panel(Group(legend, Text(""), body) if colours else body, title=f"document {doc['id']}",
                        title_align="left"))


def register(app: typer.Typer) -> None:
    app.command("show")(show)
