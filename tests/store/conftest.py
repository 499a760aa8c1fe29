"""Store fixtures: every store test runs on SQLite and on a real PostgreSQL server.

The server is started once per session by ``scripts/postgres.sh`` (initdb + pg_ctl in a
temporary directory, as an unprivileged user when the tests run as root, loopback only, on a
free port); each test gets its own database on it. PostgreSQL tests are skipped only when the
server is not installed and cannot be installed here (no root or no apt-get).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from contextlib import contextmanager
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from support import evidence_at
from incidex.schema import Count, Document, Event
from incidex.store import open_engine
from incidex.store.write import content_hash, document_row, insert_documents

ROOT = Path(__file__).resolve().parents[2]
PG_SCRIPT = ROOT / "scripts" / "postgres.sh"


def _script(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(PG_SCRIPT), *args], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """SQLAlchemy URL of a throwaway PostgreSQL server (database ``postgres``)."""
    if _script("bindir").returncode != 0:
        if os.geteuid() == 0 and shutil.which("apt-get") is not None:
            _script("install")
        if _script("bindir").returncode != 0:
            pytest.skip("PostgreSQL is not installed and cannot be installed here (needs root and apt-get); "
                        "run: sudo bash scripts/postgres.sh install")
    folder = tempfile.mkdtemp(prefix="incidex-pg-")
    started = _script("start", folder, timeout=120)
    if started.returncode != 0:
        _script("stop", folder)
        pytest.fail(f"PostgreSQL is installed but did not start:\n{started.stderr}")
    try:
        yield started.stdout.strip().splitlines()[-1]
    finally:
        _script("stop", folder)


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{server.rsplit('/', 1)[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def pg_url(postgres_server: str) -> Iterator[str]:
    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a new database on the PostgreSQL server."""
    if request.param == "sqlite":
        yield str(tmp_path / "incidex.db")
        return
    with fresh_database(request.getfixturevalue("postgres_server")) as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = open_engine(db_url)
    try:
        yield eng
    finally:
        eng.dispose()


# -- hand-built documents and events (known values, real offsets) --------------------------------
WIRE = ("BAIDOA, May 4 (Wire) - A car bomb killed at least 9 people and wounded 21 at a checkpoint in Baidoa on "
        "Thursday, police said. The toll later rose to 12. Al-Shabaab said it carried out the attack.\n\n"
        "In a separate incident, gunmen killed two soldiers near Burhakaba on Friday.")
CLAIM = "Statement: our fighters attacked an army position near Dinsoor, killing about 15 soldiers."
UNDATED = "Unknown gunmen abducted three aid workers on the road, officials said."



def sample_documents() -> list[tuple[Document, list[Event]]]:
    """Three documents with their events, covering every kind of field value."""
    wire = Document("wire-1", WIRE, published=date(2017, 5, 4), title="Car bomb in Baidoa",
                    source="Wire", url="https://wire.example.org/baidoa")
    e1 = Event(event_id="wire-1:1", doc_id="wire-1", extractor_version="test+1", date="2017-05-04", date_precision=1,
               date_calendar="gregorian", date_text="Thursday", country="SO", admin1="Bay", location="Baidoa",
               sublocation="checkpoint", latitude=3.11383, longitude=43.6498, geonames_id=64013, geo_precision=1,
               attack_type="Bombing/Explosion", weapon_type="Explosives", target_type="Police",
               event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
               perpetrator="Al-Shabaab", target="checkpoint", claimed=True, claim_source="third_party",
               killed=Count(9, 12, 12, "exact"), wounded=Count(21, 21, 21, "exact"),
               evidence=[evidence_at(WIRE, "killed", "killed at least 9 people"), evidence_at(WIRE, "killed", "rose to 12"),
                         evidence_at(WIRE, "wounded", "wounded 21"), evidence_at(WIRE, "location", "Baidoa on"),
                         evidence_at(WIRE, "perpetrator", "Al-Shabaab")],
               context="A car bomb killed at least 9 people", confidence=0.8)
    e2 = Event(event_id="wire-1:2", doc_id="wire-1", extractor_version="test+1", date="2017-05-05", date_end="2017-05-06",
               date_precision=2, country="SO", location="Burhakaba", latitude=2.80257, longitude=44.07805,
               geo_precision=2, attack_type="Armed Assault", target_type="Military", killed=Count(2, 2, 2, "exact"),
               perpetrators_killed=Count(None, None, None, "unknown"),
               evidence=[evidence_at(WIRE, "killed", "killed two soldiers"), evidence_at(WIRE, "location", "Burhakaba")],
               confidence=0.6)
    claim = Document("claim-1", CLAIM, published=date(2017, 6, 1))
    e3 = Event(event_id="claim-1:1", doc_id="claim-1", extractor_version="test+1", date="2017-05-30", date_precision=1,
               country="SO", location="Dinsoor", latitude=2.4114, longitude=42.9766, geo_precision=1,
               attack_type="Armed Assault", target_type="Military", perpetrator="Al-Shabaab", target="army position",
               claimed=True, claim_source="perpetrator", killed=Count(15, 15, 15, "approx"),
               evidence=[evidence_at(CLAIM, "killed", "killing about 15 soldiers"), evidence_at(CLAIM, "location", "Dinsoor")],
               confidence=0.5)
    undated = Document("undated-1", UNDATED)
    e4 = Event(event_id="undated-1:1", doc_id="undated-1", extractor_version="test+1",
               attack_type="Hostage Taking (Kidnapping)", target_type="NGO", target="aid workers", suicide=False,
               abducted=Count(3, 3, 3, "exact"), killed=Count(None, None, None, "vague"),
               wounded=Count(0, 0, 0, "none_reported"), casualties=Count(24, None, 99, "vague"),
               evidence=[evidence_at(UNDATED, "abducted", "abducted three aid workers")], confidence=0.4)
    return [(wire, [e1, e2]), (claim, [e3]), (undated, [e4])]


@pytest.fixture
def samples() -> list[tuple[Document, list[Event]]]:
    return sample_documents()


@pytest.fixture
def stored(engine: Engine, samples: list[tuple[Document, list[Event]]]) -> Engine:
    """The engine with the sample documents and events written in one transaction."""
    with engine.begin() as conn:
        insert_documents(conn, [(document_row(doc, content_hash(doc), "test+1", "samples", None), events)
                                for doc, events in samples])
    return engine
