"""Where the database is and how to connect: SQLite by default, PostgreSQL for teams.

``--db`` (or ``INCIDEX_DB``) takes a plain path (SQLite) or a SQLAlchemy URL. PostgreSQL goes
through psycopg 3, so ``postgresql://`` and ``postgres://`` are rewritten to
``postgresql+psycopg://``. SQLite runs in WAL mode: readers (``stats``, ``export``, a web view)
do not block an ingest, and a killed process leaves the last committed batch intact.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from incidex.errors import StoreError

DEFAULT_DB = "incidex.db"
ENV_VAR = "INCIDEX_DB"


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``db``, else ``$INCIDEX_DB``, else ``./incidex.db``."""
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" not in value:
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    scheme, rest = value.split("://", 1)
    if scheme in ("postgresql", "postgres", "postgresql+psycopg2"):
        return f"postgresql+psycopg://{rest}"
    return value


def display_url(url: str) -> str:
    """The URL with any password hidden, for messages; a SQLite URL becomes its path."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def create(url: str) -> Engine:
    """An engine for ``url`` with the settings incidex relies on (no migration, no connection yet)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{url}: not a database path or URL ({exc})") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        return create_engine(parsed, pool_pre_ping=False)
    raise StoreError(f"{display_url(url)}: unsupported database '{backend}' (use a SQLite path or postgresql://...)")


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's BEGIN (below) open transactions, so DDL and DML share them (pysqlite
    # otherwise commits implicitly before DDL, which would break transactional migrations).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")  # durable against a killed process; fsync at checkpoints
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def open_engine(db: str | None = None, must_exist: bool = False) -> Engine:
    """Connect to ``db`` and bring its layout up to date; every failure is one StoreError line.

    ``must_exist``: for commands that only read (a SQLite path that is not there is a typo,
    not a wish for an empty database).
    """
    from incidex.store.migrations import migrate

    url = resolve_url(db)
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        path = Path(make_url(url).database or ".")
        if must_exist and not path.is_file():
            raise StoreError(f"{display_url(url)}: no such database (run 'incidex ingest' first, or give --db)")
        if not path.parent.is_dir():
            raise StoreError(f"{display_url(url)}: cannot create the database: no such directory {path.parent}")
    engine = create(url)
    try:
        migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"{display_url(url)}: cannot open the database: {describe(exc)}") from None
    return engine


def describe(exc: SQLAlchemyError) -> str:
    """The driver's own first line, without SQLAlchemy's statement dump and help link."""
    orig = getattr(exc, "orig", None)
    message = str(orig) if orig is not None else str(exc)
    return message.strip().splitlines()[0] if message.strip() else type(exc).__name__


P = ParamSpec("P")
R = TypeVar("R")


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn a database failure inside ``fn`` into one StoreError line (no driver traceback)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {describe(exc)}") from None

    return wrapper
