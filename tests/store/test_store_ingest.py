"""Ingest into the store with the real extractor: every format, idempotency, re-extraction, crash
safety under a real SIGKILL, and the same data on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, update

from incidex.schema import Document
from incidex.store import open_engine, tables
from incidex.store.load import IngestOptions, IngestSummary, Loader, default_extractor, ingest
from incidex.store.write import content_hash, document_row, insert_documents, start_run
from incidex.store.read import Snapshot, get_document, iter_events, snapshot

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
ROOT = Path(__file__).resolve().parents[2]


def write_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("Weekly security bulletin")
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    for line in ("WEEKLY SECURITY BULLETIN - DIYALA", "",
                 "03/02 - An IED struck a police patrol near Baqubah; 2 police killed, 3 wounded.",
                 "05/02 - Gunmen attacked a checkpoint in Muqdadiyah. No casualties reported."):
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """The format fixtures, a generated PDF, a text file and a JSONL file: one of each reader."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_pdf(folder / "bulletin.pdf")
    (folder / "wire.txt").write_text(
        "MOGADISHU, Oct. 3 (Wire) - Gunmen killed four traders at a market in Afgoye on Tuesday, police said.\n",
        encoding="utf-8")
    (folder / "batch.jsonl").write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "j-1", "text": "A mortar round hit a house in Kismayo on Monday, wounding two children.", "published": "2019-02-11"},
        {"id": "j-2", "text": "Militants ambushed an army convoy near Jowhar, killing five soldiers.", "published": "2019-02-12"},
    ]), encoding="utf-8")
    return [str(FORMATS), str(folder)]


def run(engine: Engine, paths: list[str], **options: object) -> IngestSummary:
    return ingest(engine, paths, IngestOptions(**options))  # type: ignore[arg-type]


def count(engine: Engine, table: str) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(tables.METADATA.tables[table])).scalar_one()


def test_every_format_is_stored_with_its_events_and_evidence(engine: Engine, inputs: list[str]) -> None:
    summary = run(engine, inputs)
    assert summary.exit_code == 0 and summary.errors == [] and summary.input_errors == []
    assert summary.read == summary.stored == 12  # 1 html + 2 atom + 2 rss + 3 telegram + 1 pdf + 1 txt + 2 jsonl
    stored_ids = {row[0] for row in snapshot(engine).documents}
    assert {"article", "1487520933-102", "1487520933-104", "1487520933-105", "bulletin", "wire", "j-1", "j-2"} <= stored_ids
    assert count(engine, "events") == summary.events > 0
    _, version = default_extractor()
    for event, _ in iter_events(engine):
        assert event["extractor_version"] == version
        doc = get_document(engine, event["doc_id"])
        assert doc is not None
        for span in event["evidence"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]


def test_running_the_same_ingest_again_changes_nothing(engine: Engine, inputs: list[str]) -> None:
    run(engine, inputs)
    before = snapshot(engine)
    again = run(engine, inputs)
    assert (again.read, again.stored, again.skipped, again.events) == (12, 0, 12, 0)
    assert snapshot(engine) == before
    assert count(engine, "runs") == 2


def test_reextract_replaces_events_from_an_older_extractor_version(engine: Engine, inputs: list[str]) -> None:
    run(engine, inputs)
    current = snapshot(engine)
    with engine.begin() as conn:  # as if these had been extracted by an older version
        conn.execute(update(tables.documents).values(extractor_version="0.0.1+old"))
        conn.execute(update(tables.events).values(extractor_version="0.0.1+old", confidence=0.01))
    plain = run(engine, inputs)
    assert (plain.stored, plain.reextracted) == (0, 0)
    assert {e["extractor_version"] for e, _ in iter_events(engine)} == {"0.0.1+old"}
    redo = run(engine, inputs, reextract=True)
    assert (redo.stored, redo.skipped, redo.reextracted) == (0, 0, 12)
    assert snapshot(engine) == current
    again = run(engine, inputs, reextract=True)
    assert (again.reextracted, again.skipped) == (0, 12)  # already current: nothing to redo


def test_reextract_without_paths_redoes_every_outdated_stored_document(engine: Engine, inputs: list[str]) -> None:
    run(engine, inputs)
    current = snapshot(engine)
    with engine.begin() as conn:
        conn.execute(update(tables.documents).where(tables.documents.c.id.in_(["j-1", "wire"]))
                     .values(extractor_version="old"))
        conn.execute(update(tables.events).values(confidence=0.01).where(tables.events.c.doc_id.in_(["j-1", "wire"])))
    summary = run(engine, [], reextract=True, batch_size=1)
    assert summary.reextracted == 2
    assert snapshot(engine) == current


def test_an_id_already_used_by_other_text_is_reported_and_the_stored_one_kept(engine: Engine, tmp_path: Path) -> None:
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps({"id": "r-1", "text": "Gunmen killed two guards in Garowe."}) + "\n", encoding="utf-8")
    run(engine, [str(first)])
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps({"id": "r-1", "text": "A bomb wounded six in Bosaso."}) + "\n"
                      + json.dumps({"id": "r-2", "text": "A bomb wounded six in Bosaso."}) + "\n"
                      + json.dumps({"id": "r-3", "text": "A bomb wounded six in Bosaso."}) + "\n", encoding="utf-8")
    summary = run(engine, [str(second)])
    assert summary.exit_code == 1
    assert summary.errors == [f"{second}: document id 'r-1' is already stored with other text or date; "
                              "skipped (give it another id)"]
    assert (summary.stored, summary.skipped) == (1, 1)  # r-2 stored; r-3 is the same text: a duplicate
    doc = get_document(engine, "r-1")
    assert doc is not None and doc["text"] == "Gunmen killed two guards in Garowe."
    with engine.connect() as conn:
        run_errors = json.loads(conn.execute(select(tables.runs.c.errors).order_by(tables.runs.c.id.desc())).first()[0])
    assert run_errors == summary.errors


def test_the_same_text_on_another_date_is_another_document(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "daily.jsonl"
    path.write_text("".join(json.dumps({"id": f"d-{n}", "text": "No incidents were reported overnight.",
                                        "published": f"2020-03-0{n}"}) + "\n" for n in (1, 2, 2)), encoding="utf-8")
    summary = run(engine, [str(path)])
    assert (summary.stored, summary.skipped) == (2, 1)


def test_documents_a_database_cannot_hold_are_reported_the_same_on_both_backends(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"id": "nul", "text": "Gunmen killed two guards\u0000 in Garowe."}) + "\n"
                    + json.dumps({"id": "x" * 600, "text": "A bomb wounded six in Bosaso."}) + "\n"
                    + json.dumps({"id": "fine", "text": "A bomb wounded six in Galkayo."}) + "\n", encoding="utf-8")
    summary = run(engine, [str(path)])
    assert summary.exit_code == 1 and summary.stored == 1
    assert summary.errors == [f"{path}: document 'nul': NUL character in 'text', which a database cannot store",
                              f"{path}: document '{'x' * 80}': id longer than 500 characters"]


def test_a_row_the_database_refuses_costs_only_that_document(engine: Engine) -> None:
    extract, version = default_extractor()
    first = Document("taken", "Gunmen killed two guards in Garowe.")
    with engine.begin() as conn:
        insert_documents(conn, [(document_row(first, content_hash(first), version, "x", None), [])])
    loader = Loader(engine, IngestOptions(), extract, version)
    loader.summary.run_id = start_run(engine, "ingest", version, {})
    # as if another process had stored "taken" between the lookup and the write
    clash = Document("taken", "A bomb wounded six in Bosaso.")
    fine = Document("fine", "A bomb wounded six in Galkayo.")
    batch = [("b.jsonl", document_row(d, content_hash(d), version, "b.jsonl", None), extract(d)) for d in (clash, fine)]
    loader._commit(batch, [], read=2, skipped=0)
    assert loader.summary.stored == 1
    assert len(loader.summary.errors) == 1 and loader.summary.errors[0].startswith("b.jsonl: document 'taken': the database refused it")
    assert get_document(engine, "fine") is not None
    assert get_document(engine, "taken")["text"] == "Gunmen killed two guards in Garowe."  # type: ignore[index]
    with engine.connect() as conn:
        row = conn.execute(select(tables.runs).where(tables.runs.c.id == loader.summary.run_id)).one()
    assert (row.documents_read, row.documents_stored, row.errors_count) == (2, 1, 1)


# -- crash safety ------------------------------------------------------------------------------
TOWNS = ("Mosul", "Kirkuk", "Tikrit", "Baqubah", "Ramadi", "Fallujah", "Samarra", "Hawija", "Tal Afar", "Baiji")
TEMPLATES = (
    "{town}, {month} {day} (Wire) - Gunmen killed {n} people at a checkpoint in {town} on {weekday}, police said.",
    "A roadside bomb struck an army patrol near {town} on {weekday}, killing {n} soldiers and wounding {m}.",
    "At least {n} civilians were wounded when a mortar round hit a market in {town}, officials said on {weekday}.",
    "Militants abducted {n} farmers from a village outside {town} on {weekday}; no group claimed the kidnapping.",
    "Security forces said {n} militants were killed in clashes near {town} between {day} and {day2} {month}.",
)
CORPUS_SIZE = 300
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "March", "May", "July", "September", "November")


def crash_corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            month = MONTHS[i % len(MONTHS)]
            text = " ".join(TEMPLATES[(i + k) % len(TEMPLATES)].format(
                town=TOWNS[(i * 7 + k) % len(TOWNS)], month=month, day=1 + i % 27, day2=2 + i % 27,
                weekday=WEEKDAYS[(i + k) % 7], n=2 + (i * 3 + k) % 40, m=1 + i % 9) for k in range(1 + i % 3))
            fh.write(json.dumps({"id": f"c-{i}", "text": text, "published": f"2016-{1 + i % 12:02d}-{1 + i % 28:02d}"}) + "\n")
    return path


BOOT = ("import typer; from incidex.cli import ingest; a = typer.Typer(); a.callback()(lambda: None); "
        "ingest.register(a); a()")


def cli_argv() -> list[str]:
    """The real command: ``python -m incidex`` once the main app has ``ingest``, else the same
    command registered on a bare typer app (same code path)."""
    from incidex.cli import app

    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    return [sys.executable, "-m", "incidex"] if "ingest" in names else [sys.executable, "-c", BOOT]


def start_ingest(corpus: Path, db: str) -> subprocess.Popen[bytes]:
    argv = [*cli_argv(), "ingest", str(corpus), "--db", db, "--batch-size", "10", "--quiet"]
    return subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})


def kill_after(proc: subprocess.Popen[bytes], engine: Engine, at_least: int, timeout: float = 60) -> int:
    """SIGKILL ``proc`` once ``at_least`` documents are committed; returns the count seen then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen = count(engine, "documents")
        if seen >= at_least:
            assert proc.poll() is None, "the ingest finished before it could be killed: make the corpus larger"
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
            assert proc.returncode == -signal.SIGKILL
            return seen
        if proc.poll() is not None:
            pytest.fail(f"ingest exited early ({proc.returncode}): {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.005)
    proc.kill()
    pytest.fail("the ingest committed nothing in time")


def first_difference(expected: Snapshot, found: Snapshot) -> str:
    """The first document or event that differs, for a readable failure."""
    docs = {d[0]: d for d in expected.documents}
    for d in found.documents:
        if docs.get(d[0]) != d:
            return f"document {d[0]}: {[(u, v) for u, v in zip(docs.get(d[0], ()), d) if u != v][:3]}"
    events = {e["event_id"]: e for e in expected.events}
    for e in found.events:
        if events.get(e["event_id"]) != e:
            old = events.get(e["event_id"], {})
            return f"event {e['event_id']}: {({k: (old.get(k), v) for k, v in e.items() if old.get(k) != v})}"
    return f"{len(expected.documents)} vs {len(found.documents)} documents, {len(expected.events)} vs {len(found.events)} events"


def test_a_killed_ingest_resumed_ends_with_the_same_data_as_an_uninterrupted_one(
        engine: Engine, db_url: str, tmp_path: Path) -> None:
    corpus = crash_corpus(tmp_path / "corpus.jsonl", CORPUS_SIZE)
    baseline_engine = open_engine(str(tmp_path / "baseline.db"))
    try:
        run(baseline_engine, [str(corpus)])
        baseline = snapshot(baseline_engine)
    finally:
        baseline_engine.dispose()
    assert len(baseline.documents) == CORPUS_SIZE and len(baseline.events) > CORPUS_SIZE

    seen = kill_after(start_ingest(corpus, db_url), engine, at_least=20)
    after_first = count(engine, "documents")
    assert seen <= after_first < CORPUS_SIZE  # killed mid-run: part committed
    partial = snapshot(engine)  # and what was committed is whole: each stored document with all its events
    assert set(partial.documents) <= set(baseline.documents)
    kept = {row[0] for row in partial.documents}
    assert partial.events == [e for e in baseline.events if e["doc_id"] in kept]
    kill_after(start_ingest(corpus, db_url), engine, at_least=after_first + 20)
    assert count(engine, "documents") < CORPUS_SIZE
    finish = start_ingest(corpus, db_url)
    assert finish.wait(timeout=300) == 0, finish.stderr.read().decode() if finish.stderr else ""

    final = snapshot(engine)
    assert final == baseline, first_difference(baseline, final)
    with engine.connect() as conn:
        statuses = conn.execute(select(tables.runs.c.status).order_by(tables.runs.c.id)).scalars().all()
    assert statuses == ["running", "running", "finished"]  # the killed runs never finished


# -- parity ------------------------------------------------------------------------------------
def test_sqlite_and_postgresql_hold_the_same_data_after_the_same_ingest(
        pg_url: str, inputs: list[str], tmp_path: Path) -> None:
    sqlite = open_engine(str(tmp_path / "parity.db"))
    pg = open_engine(pg_url)
    try:
        for eng in (sqlite, pg):
            run(eng, inputs, published=date(2021, 1, 1))
        assert snapshot(sqlite) == snapshot(pg)
        assert [e for e, _ in iter_events(sqlite)] == [e for e, _ in iter_events(pg)]
    finally:
        sqlite.dispose()
        pg.dispose()
