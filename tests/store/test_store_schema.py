"""The layout: named migrations build exactly the tables the code queries, once, on both backends."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError

from incidex.errors import StoreError
from incidex.schema import COUNT_FIELDS, EVENT_FIELDS
from incidex.store import display_url, open_engine, resolve_url, tables
from incidex.store.migrations import MIGRATIONS, applied, migrate


def test_migrations_are_recorded_by_name_in_order(engine: Engine) -> None:
    with engine.connect() as conn:
        assert applied(conn) == [m.name for m in MIGRATIONS]


def test_migrating_again_applies_nothing(engine: Engine) -> None:
    assert migrate(engine) == []
    with engine.connect() as conn:
        assert len(conn.execute(select(tables.migrations)).all()) == len(MIGRATIONS)


def test_migrated_database_has_exactly_the_declared_tables_and_columns(engine: Engine) -> None:
    found = inspect(engine)
    assert set(found.get_table_names()) == set(tables.METADATA.tables)
    for name, table in tables.METADATA.tables.items():
        columns = {c["name"]: c for c in found.get_columns(name)}
        assert list(columns) == [c.name for c in table.columns], name
        for column in table.columns:
            assert columns[column.name]["nullable"] == (column.nullable and not column.primary_key), (name, column.name)


def test_events_table_holds_every_schema_field_with_counts_flat() -> None:
    expected: list[str] = []
    for name in EVENT_FIELDS:
        if name in COUNT_FIELDS:
            expected += [f"{name}_{part}" for part in ("low", "best", "high", "qualifier")]
        elif name != "evidence":
            expected.append(name)
    assert list(tables.EVENT_COLUMNS) == expected


def test_review_decisions_are_limited_to_accept_correct_reject(engine: Engine) -> None:
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        conn.execute(tables.reviews.insert().values(event_id="d:1", decision="correct", field="killed",
                                                    old_value='{"best": 9}', new_value='{"best": 12}', reviewer="ana", at=now))
    with pytest.raises(IntegrityError):
        with engine.begin() as conn:
            conn.execute(tables.reviews.insert().values(event_id="d:1", decision="maybe", at=now))
    with engine.connect() as conn:
        assert conn.execute(select(tables.reviews.c.decision)).scalars().all() == ["correct"]


def test_sqlite_runs_in_wal_mode(tmp_path: Path) -> None:
    eng = open_engine(str(tmp_path / "x.db"))
    with eng.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    eng.dispose()


@pytest.mark.parametrize("given, expected", [
    ("postgresql://u:p@db.example.org:5432/incidex", "postgresql+psycopg://u:p@db.example.org:5432/incidex"),
    ("postgres://u@localhost/incidex", "postgresql+psycopg://u@localhost/incidex"),
    ("postgresql+psycopg://u@localhost/incidex", "postgresql+psycopg://u@localhost/incidex"),
    ("sqlite:////data/incidex.db", "sqlite:////data/incidex.db"),
])
def test_urls_are_rewritten_for_psycopg3(given: str, expected: str) -> None:
    assert resolve_url(given) == expected


def test_a_plain_path_is_a_sqlite_file_and_the_default_is_incidex_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INCIDEX_DB", raising=False)
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'incidex.db'}"
    assert resolve_url("sub/my.db") == f"sqlite:///{tmp_path / 'sub' / 'my.db'}"
    monkeypatch.setenv("INCIDEX_DB", "from-env.db")
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'from-env.db'}"
    assert resolve_url("given.db") == f"sqlite:///{tmp_path / 'given.db'}"  # --db beats the variable


def test_messages_never_show_a_password() -> None:
    assert display_url("postgresql+psycopg://ana:secret@db.example.org/incidex") == "postgresql+psycopg://ana:***@db.example.org/incidex"


@pytest.mark.parametrize("db, message", [
    ("mysql://u@localhost/x", "unsupported database 'mysql'"),
    ("{tmp}/no/such/dir/x.db", "no such directory"),
    ("postgresql://nobody@127.0.0.1:1/x", "cannot open the database"),
])
def test_a_database_that_cannot_be_opened_is_one_store_error(db: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        open_engine(db.format(tmp=tmp_path))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_reading_commands_refuse_a_missing_sqlite_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        open_engine(str(tmp_path / "typo.db"), must_exist=True)
    assert not (tmp_path / "typo.db").exists()
