"""Named migrations, applied once each, in order, and recorded in the ``migrations`` table.

The pattern is sqlite-utils' / Datasette's: a migration is a function with a name; the name is
written to ``migrations`` in the same transaction as the change, so a database says exactly
which changes it has had, and an interrupted migration leaves nothing half done (SQLite and
PostgreSQL both run DDL inside a transaction).

To change the layout: add a function at the end of :data:`MIGRATIONS` and change
:mod:`incidex.store.tables` to match. Never edit or reorder an applied migration. The first
ones build tables from :mod:`~incidex.store.tables`; when a later migration alters one of
those tables, freeze the earlier migration first (copy the table definition it used into it),
or ``tests/store/test_store_schema.py`` will fail on an empty database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, Engine, insert, inspect, select, text

from incidex.store import tables


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def m001_documents_events_evidence_runs(conn: Connection) -> None:
    """Documents, the events extracted from them, their evidence spans, and the runs that did it."""
    tables.METADATA.create_all(conn, tables=[tables.runs, tables.documents, tables.events, tables.evidence])


def m002_reviews(conn: Connection) -> None:
    """Review decisions (accept / correct / reject a field of an event), for the review UI."""
    tables.METADATA.create_all(conn, tables=[tables.reviews])


MIGRATIONS: tuple[Migration, ...] = (
    Migration("m001_documents_events_evidence_runs", m001_documents_events_evidence_runs),
    Migration("m002_reviews", m002_reviews),
)

#: Any fixed number: serialises migrating processes on one PostgreSQL database.
_PG_LOCK_KEY = 0x1AC1DE


def applied(conn: Connection) -> list[str]:
    """Names of the migrations this database has had, in the order they were applied."""
    if not inspect(conn).has_table("migrations"):
        return []
    rows = conn.execute(select(tables.migrations.c.name).order_by(tables.migrations.c.applied_at, tables.migrations.c.name))
    return [r[0] for r in rows]


def migrate(engine: Engine) -> list[str]:
    """Apply every pending migration, each in its own transaction; return the names applied now."""
    done: list[str] = []
    for migration in MIGRATIONS:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
            tables.METADATA.create_all(conn, tables=[tables.migrations])
            if migration.name in applied(conn):
                continue
            migration.apply(conn)
            conn.execute(insert(tables.migrations).values(name=migration.name, applied_at=datetime.now(timezone.utc)))
            done.append(migration.name)
    return done
