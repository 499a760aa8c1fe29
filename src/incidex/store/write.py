"""Writing documents, events, evidence and run records; rows in, nothing printed.

Every function that changes data takes a :class:`~sqlalchemy.Connection` inside a transaction
the caller opened, so the caller decides what is committed together (a batch of documents
with their events and the run's counters: conventions of crash safety in docs/store.md).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from incidex.schema import Document, Event
from incidex.store import tables

#: A run record keeps at most this many error lines (the count stays exact).
MAX_STORED_ERRORS = 1000


def now() -> datetime:
    return datetime.now(timezone.utc)


def content_hash(doc: Document) -> str:
    """What makes two documents the same: their text and their reference date.

    The date is part of it because it changes what the text means (relative and year-less
    dates resolve against it): two identical bulletins published on different days are two
    documents.
    """
    key = json.dumps([doc.text, doc.published.isoformat() if doc.published else None], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class StoredDocument:
    """What the loader needs to know about a document already in the store."""

    id: str
    content_hash: str
    extractor_version: str


def find_documents(conn: Connection, hashes: Sequence[str], ids: Sequence[str]) -> tuple[dict[str, StoredDocument], dict[str, StoredDocument]]:
    """Stored documents with any of these hashes or ids: (by hash, by id)."""
    d = tables.documents
    cols = (d.c.id, d.c.content_hash, d.c.extractor_version)
    by_hash: dict[str, StoredDocument] = {}
    by_id: dict[str, StoredDocument] = {}
    if hashes:
        for row in conn.execute(select(*cols).where(d.c.content_hash.in_(list(set(hashes))))):
            by_hash[row.content_hash] = StoredDocument(row.id, row.content_hash, row.extractor_version)
    if ids:
        for row in conn.execute(select(*cols).where(d.c.id.in_(list(set(ids))))):
            by_id[row.id] = StoredDocument(row.id, row.content_hash, row.extractor_version)
    return by_hash, by_id


def document_row(doc: Document, digest: str, version: str, origin: str | None, run_id: int | None) -> dict[str, Any]:
    return {
        "id": doc.id, "content_hash": digest, "text": doc.text, "title": doc.title, "source": doc.source,
        "url": doc.url, "published": doc.published, "language": doc.language or "en", "origin": origin,
        "ingested_at": now(), "extractor_version": version, "run_id": run_id,
    }


def event_row(event: Event, seq: int) -> dict[str, Any]:
    """One ``events`` row: schema fields, counts as flat columns, ``seq`` = n of ``{doc_id}:{n}``."""
    row: dict[str, Any] = {}
    for column, name, part in tables.EVENT_COLUMN_SOURCES:
        value = getattr(event, name)
        row[column] = getattr(value, part) if part else value
    row["seq"] = seq
    return row


def _rows(events: Iterable[Event]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    ev_rows: list[dict[str, Any]] = []
    span_rows: list[dict[str, Any]] = []
    for seq, event in enumerate(events, start=1):
        ev_rows.append(event_row(event, seq))
        for n, span in enumerate(event.evidence, start=1):
            span_rows.append({"event_id": event.event_id, "seq": n, "field": span.field, "start": span.start,
                              "end": span.end, "text": span.text})
    return ev_rows, span_rows


def insert_documents(conn: Connection, docs: Sequence[tuple[dict[str, Any], list[Event]]]) -> int:
    """Insert new documents with their events and evidence; returns the number of events."""
    if not docs:
        return 0
    conn.execute(insert(tables.documents), [row for row, _ in docs])
    ev_rows: list[dict[str, Any]] = []
    span_rows: list[dict[str, Any]] = []
    for _, events in docs:
        e, s = _rows(events)
        ev_rows += e
        span_rows += s
    if ev_rows:
        conn.execute(insert(tables.events), ev_rows)
    if span_rows:
        conn.execute(insert(tables.evidence), span_rows)
    return len(ev_rows)


def replace_events(conn: Connection, doc_id: str, events: list[Event], version: str) -> int:
    """Swap a document's events and evidence for a new extraction (caller's transaction)."""
    ev, sp = tables.events, tables.evidence
    old = select(ev.c.event_id).where(ev.c.doc_id == doc_id).scalar_subquery()
    conn.execute(delete(sp).where(sp.c.event_id.in_(old)))
    conn.execute(delete(ev).where(ev.c.doc_id == doc_id))
    ev_rows, span_rows = _rows(events)
    if ev_rows:
        conn.execute(insert(ev), ev_rows)
    if span_rows:
        conn.execute(insert(sp), span_rows)
    conn.execute(update(tables.documents).where(tables.documents.c.id == doc_id).values(extractor_version=version))
    return len(ev_rows)


def start_run(engine: Engine, command: str, version: str, settings: dict[str, Any]) -> int:
    with engine.begin() as conn:
        result = conn.execute(insert(tables.runs).values(
            command=command, extractor_version=version, settings=json.dumps(settings, ensure_ascii=False, default=str),
            started_at=now(), status="running", documents_read=0, documents_stored=0, documents_skipped=0,
            documents_reextracted=0, events_stored=0, errors_count=0, errors="[]",
        ))
        return int(result.inserted_primary_key[0])


def add_to_run(conn: Connection, run_id: int, counts: dict[str, int], errors: Sequence[str]) -> None:
    """Add to a run's counters and error list (in the caller's transaction, with the batch)."""
    r = tables.runs
    values: dict[str, Any] = {name: getattr(r.c, name) + n for name, n in counts.items() if n}
    if errors:
        stored = json.loads(conn.execute(select(r.c.errors).where(r.c.id == run_id)).scalar_one())
        room = MAX_STORED_ERRORS - len(stored)
        if room > 0:
            values["errors"] = json.dumps(stored + list(errors[:room]), ensure_ascii=False)
        values["errors_count"] = r.c.errors_count + len(errors)
    if values:
        conn.execute(update(r).where(r.c.id == run_id).values(**values))


def finish_run(engine: Engine, run_id: int, status: str) -> None:
    with engine.begin() as conn:
        conn.execute(update(tables.runs).where(tables.runs.c.id == run_id).values(status=status, finished_at=now()))


__all__ = [
    "MAX_STORED_ERRORS", "StoredDocument", "add_to_run", "content_hash", "document_row", "event_row", "find_documents",
    "finish_run", "insert_documents", "replace_events", "start_run",
]
