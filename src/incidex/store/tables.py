"""The database layout, as SQLAlchemy Core tables: the current shape every query is written against.

One row per document, one per event (every schema field; counts as four flat columns each, the
CSV names of conventions.md §6), one per evidence span, one per extraction run, one per review
decision. The tables are created and changed only by the named migrations in
:mod:`incidex.store.migrations`; a test migrates an empty database and checks that what it
built is exactly this.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger, Boolean, CheckConstraint, Column, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData,
    String, Table, Text,
)

from incidex.schema import COUNT_FIELDS

METADATA = MetaData()

#: The parts of a count, in the order of its flat columns (``killed_low`` ...).
COUNT_PARTS: tuple[str, ...] = ("low", "best", "high", "qualifier")

migrations = Table(
    "migrations", METADATA,
    Column("name", String(200), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

runs = Table(
    "runs", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("command", String(40), nullable=False),
    Column("extractor_version", String(100), nullable=False),
    Column("settings", Text, nullable=False),  # JSON object: paths and options as given
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(20), nullable=False),  # running, finished, interrupted, failed
    Column("documents_read", Integer, nullable=False, default=0),
    Column("documents_stored", Integer, nullable=False, default=0),
    Column("documents_skipped", Integer, nullable=False, default=0),
    Column("documents_reextracted", Integer, nullable=False, default=0),
    Column("events_stored", Integer, nullable=False, default=0),
    Column("errors_count", Integer, nullable=False, default=0),
    Column("errors", Text, nullable=False, default="[]"),  # JSON list of one-line messages
)

documents = Table(
    "documents", METADATA,
    Column("id", String(500), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", Date),
    Column("language", String(20), nullable=False, default="en"),
    Column("origin", Text),  # the path it was read from
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extractor_version", String(100), nullable=False),  # the version its stored events came from
    Column("run_id", Integer, ForeignKey("runs.id")),
    Index("ix_documents_extractor_version", "extractor_version"),
)


def _count_columns() -> list[Column]:
    cols: list[Column] = []
    for name in COUNT_FIELDS:
        cols += [Column(f"{name}_low", Integer), Column(f"{name}_best", Integer), Column(f"{name}_high", Integer),
                 Column(f"{name}_qualifier", String(20), nullable=False, default="unknown")]
    return cols


events = Table(
    "events", METADATA,
    Column("event_id", String(520), primary_key=True),
    Column("doc_id", String(500), ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),  # n of {doc_id}:{n}: document order
    Column("schema_version", String(20), nullable=False),
    Column("extractor_version", String(100), nullable=False),
    Column("date", String(10)),
    Column("date_end", String(10)),
    Column("date_precision", Integer),
    Column("date_calendar", String(20)),
    Column("date_text", Text),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("location", Text),
    Column("sublocation", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geonames_id", BigInteger),
    Column("geo_precision", Integer),
    Column("attack_type", String(60)),
    Column("weapon_type", String(60)),
    Column("target_type", String(60)),
    Column("event_type", String(60)),
    Column("sub_event_type", String(100)),
    Column("perpetrator", Text),
    Column("target", Text),
    Column("suicide", Boolean, nullable=False, default=False),
    Column("claimed", Boolean, nullable=False, default=False),
    Column("claim_source", String(20)),
    *_count_columns(),
    Column("context", Text, nullable=False, default=""),
    Column("confidence", Float, nullable=False, default=0.0),
    Index("ix_events_doc_id", "doc_id"),
    Index("ix_events_country", "country"),
    Index("ix_events_date", "date"),
)

evidence = Table(
    "evidence", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(520), ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),  # order of the span in the event's evidence list
    Column("field", String(60), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_evidence_event_id", "event_id"),
)

#: Decisions of a reviewer on an event (reserved for the review UI). No foreign key: event ids
#: are stable ({doc_id}:{n}), and a decision must outlive a re-extraction that replaces the row.
reviews = Table(
    "reviews", METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(520), nullable=False),
    Column("decision", String(10), nullable=False),
    Column("field", String(60)),
    Column("old_value", Text),  # JSON
    Column("new_value", Text),  # JSON
    Column("reviewer", Text),
    Column("at", DateTime(timezone=True), nullable=False),
    CheckConstraint("decision IN ('accept', 'correct', 'reject')", name="ck_reviews_decision"),
    Index("ix_reviews_event_id", "event_id"),
)

#: Event columns that hold schema fields, in schema order (counts flattened); ``seq`` is storage only.
EVENT_COLUMNS: tuple[str, ...] = tuple(c.name for c in events.columns if c.name != "seq")


def _sources() -> tuple[tuple[str, str, str | None], ...]:
    out: list[tuple[str, str, str | None]] = []
    for column in EVENT_COLUMNS:
        name, _, part = column.rpartition("_")
        if name in COUNT_FIELDS and part in COUNT_PARTS:
            out.append((column, name, part))
        else:
            out.append((column, column, None))
    return tuple(out)


#: (column, Event attribute, Count part or None) for every event column.
EVENT_COLUMN_SOURCES: tuple[tuple[str, str, str | None], ...] = _sources()
