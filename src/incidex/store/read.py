"""Reading events back in their schema form (nested counts, evidence list), filtered, in a stable order.

``export``, ``show`` and ``stats`` read through here, so a filter means the same thing in every
command. Events stream in chunks: an export of a million events holds one chunk in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Connection, Engine, Float, Integer, and_, or_, select

from incidex.schema import COUNT_FIELDS, EVENT_FIELDS
from incidex.store import tables
from incidex.store.engine import guarded

#: Document columns carried with each event (not the text: exports do not need it).
DOCUMENT_META: tuple[str, ...] = ("title", "source", "url", "published", "origin")


@dataclass(frozen=True)
class EventFilter:
    """Which events a command sees. ``where`` pairs are flat column = value (already typed);
    the same column given twice means either value; ``None`` means the column is empty."""

    where: tuple[tuple[str, Any], ...] = ()
    since: date | None = None
    until: date | None = None
    claimed: bool | None = None
    include_perpetrator_claims: bool = True


def where_value(column: str, raw: str) -> Any:
    """Type ``raw`` (from ``--where column=raw``) for ``column``; ValueError says what is wrong."""
    col = tables.events.c.get(column)
    if col is None or column == "seq":
        raise ValueError(f"unknown column '{column}' (known: {', '.join(tables.EVENT_COLUMNS)})")
    if raw == "":
        return None
    if isinstance(col.type, Boolean):
        low = raw.lower()
        if low in ("yes", "true", "1"):
            return True
        if low in ("no", "false", "0"):
            return False
        raise ValueError(f"{column}: expected yes or no, got {raw!r}")
    if isinstance(col.type, Integer):
        try:
            return int(raw)
        except ValueError:
            raise ValueError(f"{column}: expected a whole number, got {raw!r}") from None
    if isinstance(col.type, Float):
        try:
            return float(raw)
        except ValueError:
            raise ValueError(f"{column}: expected a number, got {raw!r}") from None
    return raw


def conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    ev = tables.events
    out: list[ColumnElement[bool]] = []
    grouped: dict[str, list[Any]] = {}
    for column, value in f.where:
        grouped.setdefault(column, []).append(value)
    for column, values in grouped.items():
        col = ev.c[column]
        options = [col.is_(None) if v is None else col == v for v in values]
        out.append(or_(*options) if len(options) > 1 else options[0])
    if f.since is not None:
        out.append(ev.c.date >= f.since.isoformat())
    if f.until is not None:
        out.append(ev.c.date <= f.until.isoformat())
    if f.claimed is not None:
        out.append(ev.c.claimed == f.claimed)
    if not f.include_perpetrator_claims:
        out.append(or_(ev.c.claim_source.is_(None), ev.c.claim_source != "perpetrator"))
    return out


def event_from_row(row: Any, spans: Sequence[Any]) -> dict[str, Any]:
    """The schema's JSON form of one event (keys in schema order) from its row and evidence rows."""
    data: dict[str, Any] = {}
    m = row._mapping
    for name in EVENT_FIELDS:
        if name in COUNT_FIELDS:
            data[name] = {part: m[f"{name}_{part}"] for part in tables.COUNT_PARTS}
        elif name == "evidence":
            data[name] = [{"field": s.field, "start": s.start, "end": s.end, "text": s.text} for s in spans]
        else:
            data[name] = m[name]
    data["suicide"] = bool(data["suicide"])
    data["claimed"] = bool(data["claimed"])
    return data


def _evidence(conn: Connection, event_ids: Sequence[str]) -> dict[str, list[Any]]:
    sp = tables.evidence
    out: dict[str, list[Any]] = {eid: [] for eid in event_ids}
    if not event_ids:
        return out
    query = select(sp.c.event_id, sp.c.field, sp.c.start, sp.c.end, sp.c.text).where(sp.c.event_id.in_(list(event_ids)))
    for s in conn.execute(query.order_by(sp.c.event_id, sp.c.seq)):
        out[s.event_id].append(s)
    return out


def _events_query(f: EventFilter):  # type: ignore[no-untyped-def]
    ev, doc = tables.events, tables.documents
    meta = [doc.c[name].label(f"document_{name}") for name in DOCUMENT_META]
    query = select(ev, *meta).join(doc, doc.c.id == ev.c.doc_id)
    cond = conditions(f)
    if cond:
        query = query.where(and_(*cond))
    return query.order_by(ev.c.date.asc().nulls_last(), ev.c.doc_id, ev.c.seq)


def iter_events(engine: Engine, f: EventFilter = EventFilter(), chunk: int = 1000) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(event in schema form, its document's metadata) for every event ``f`` lets through.

    Ordered by date (undated last), then document and position in it: the same on SQLite and
    PostgreSQL for the same data.
    """
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk).execute(_events_query(f))
        for rows in result.partitions(chunk):
            spans = _evidence(conn, [r.event_id for r in rows])
            for r in rows:
                m = r._mapping
                yield event_from_row(r, spans[r.event_id]), {name: m[f"document_{name}"] for name in DOCUMENT_META}


@guarded
def get_event(engine: Engine, event_id: str) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """One event in schema form and its whole document (text included), or None."""
    ev, doc = tables.events, tables.documents
    with engine.connect() as conn:
        row = conn.execute(select(ev).where(ev.c.event_id == event_id)).first()
        if row is None:
            return None
        spans = _evidence(conn, [event_id])[event_id]
        d = conn.execute(select(doc).where(doc.c.id == row.doc_id)).one()
    return event_from_row(row, spans), dict(d._mapping)


@guarded
def get_document(engine: Engine, doc_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(tables.documents).where(tables.documents.c.id == doc_id)).first()
    return dict(row._mapping) if row is not None else None


@dataclass
class Snapshot:
    """Everything the store holds about documents, events and evidence, without timestamps,
    run records or surrogate keys: two stores with equal snapshots hold the same data."""

    documents: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)


@guarded
def snapshot(engine: Engine) -> Snapshot:
    d = tables.documents
    cols = [c for c in d.c if c.name not in ("ingested_at", "run_id")]
    with engine.connect() as conn:
        docs = [tuple(r) for r in conn.execute(select(*cols).order_by(d.c.id))]
    events = sorted((e for e, _ in iter_events(engine)), key=lambda e: e["event_id"])
    return Snapshot(docs, events)


__all__ = ["DOCUMENT_META", "EventFilter", "Snapshot", "conditions", "event_from_row", "get_document", "get_event",
           "iter_events", "snapshot", "where_value"]
