"""``incidex ingest`` on the command line: summaries, one-line errors naming file and line, exit
statuses (conventions.md §7), and nothing already stored lost when a later input is bad."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from sqlalchemy import func, select
from typer.testing import CliRunner, Result

from incidex.cli import ingest as ingest_cli
from incidex.store import open_engine, tables

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "formats"
GOOD = "A car bomb exploded near a police station in Kirkuk on Monday, killing three officers."


def app() -> typer.Typer:
    a = typer.Typer()

    @a.callback()
    def _root() -> None:
        """incidex (test app)."""

    ingest_cli.register(a)
    return a


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app(), ["ingest", *args])


def stored_ids(db: Path) -> list[str]:
    engine = open_engine(str(db), must_exist=True)
    try:
        with engine.connect() as conn:
            return sorted(conn.execute(select(tables.documents.c.id)).scalars())
    finally:
        engine.dispose()


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("incidex: ")]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database that already holds one document, stored by an earlier, clean run."""
    first = tmp_path / "earlier.txt"
    first.write_text(GOOD + "\n", encoding="utf-8")
    path = tmp_path / "incidex.db"
    result = invoke(str(first), "--db", str(path), "--quiet")
    assert result.exit_code == 0, result.output
    return path


def test_ingest_prints_a_summary_and_stores_every_format(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    result = invoke(str(FORMATS), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "ingest: 8 documents read: 8 stored, 0 already stored;" in result.stderr
    assert f"in {db}" in result.stderr
    assert len(stored_ids(db)) == 8
    again = invoke(str(FORMATS), "--db", str(db), "--quiet")
    assert again.exit_code == 0 and "8 documents read: 0 stored, 8 already stored" in again.stderr


def test_ingest_reads_the_database_from_incidex_db(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = CliRunner().invoke(app(), ["ingest", str(FORMATS / "feed.rss"), "-q"], env={"INCIDEX_DB": str(db)})
    assert result.exit_code == 0 and len(stored_ids(db)) == 2


def test_published_and_source_fill_documents_that_have_none(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "x.db"
    assert invoke(str(text), "--db", str(db), "--published", "2018-05-07", "--source", "Desk", "-q").exit_code == 0
    engine = open_engine(str(db))
    with engine.connect() as conn:
        row = conn.execute(select(tables.documents.c.published, tables.documents.c.source)).one()
    engine.dispose()
    assert (row.published.isoformat(), row.source) == ("2018-05-07", "Desk")


BAD_INPUTS = [
    # (file name, content, exit status, the one error line after "incidex: ", good documents in the file)
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 2, "{p}: binary file, not text", 0),
    ("latin1.txt", "Line one.\nAttaque \xe0 Gao: trois morts.\n".encode("latin-1"), 2,
     "{p}: line 2: not UTF-8 text (byte 0xe0); convert it with iconv -t UTF-8", 0),
    ("empty.txt", b"", 2, "{p}: empty file", 0),
    ("blank.jsonl", b"\n\n", 2, "{p}: empty file", 0),
    ("lines.jsonl", (json.dumps({"id": "ok-1", "text": GOOD}) + '\n{"id": "bad", "text": \n'
                     + json.dumps({"id": "ok-2", "text": "Gunmen wounded two guards in Hawija."}) + "\n").encode(), 1,
     "{p}:2: invalid JSON: Expecting value (column 23)", 2),
    ("notext.jsonl", (json.dumps({"id": "ok-3", "text": GOOD}) + "\n" + json.dumps({"id": "x", "body": "?"}) + "\n").encode(), 1,
     "{p}:2: missing or empty 'text'", 1),
    ("rows.csv", ("id,text\nok-4," + GOOD.replace(",", "") + "\nbad,too,many,fields\n").encode(), 1,
     "{p}:3: 4 fields, header has 2", 1),
    ("nohead.csv", b"id,body\n1,x\n", 2, "{p}: line 1: no 'text' column in the header (found: id, body)", 0),
    ("result.json", b'{"name": "c", "messages": [\n  {"id": 1,\n', 2, "{p}: line 3: invalid JSON: Expecting property name enclosed in double quotes (column 1)", 0),
    ("missing.txt", None, 2, "{p}: no such file or directory", 0),
]


@pytest.mark.parametrize("name, content, code, message, good", BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_naming_file_and_line_and_nothing_stored_is_lost(
        db: Path, tmp_path: Path, name: str, content: bytes | None, code: int, message: str, good: int) -> None:
    bad = tmp_path / name
    if content is not None:
        bad.write_bytes(content)
    after = tmp_path / "after.txt"
    after.write_text("Militants shelled an army base near Tal Afar on Friday; no casualties were reported.", encoding="utf-8")
    before = stored_ids(db)
    result = invoke(str(bad), str(after), "--db", str(db), "--quiet")
    assert result.exit_code == code
    assert error_lines(result) == [f"incidex: {message.format(p=bad)}"]
    assert "Traceback" not in result.output
    now = stored_ids(db)
    assert set(before) <= set(now)  # the earlier document is still there
    assert "after" in now  # the path after the bad one was processed
    assert len(now) == len(before) + 1 + good  # good records of the bad file were stored too


def test_errors_are_listed_in_the_run_record(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "x"\n', encoding="utf-8")
    result = invoke(str(bad), str(tmp_path / "nowhere"), "--db", str(db), "-q")
    assert result.exit_code == 2
    engine = open_engine(str(db))
    with engine.connect() as conn:
        run = conn.execute(select(tables.runs).order_by(tables.runs.c.id.desc())).first()
    engine.dispose()
    assert run is not None and run.status == "finished" and run.errors_count == 2
    assert json.loads(run.errors) == [line.removeprefix("incidex: ") for line in error_lines(result)]


def test_progress_is_reported_on_stderr_without_a_terminal(tmp_path: Path) -> None:
    result = invoke(str(FORMATS / "feed.atom"), "--db", str(tmp_path / "p.db"))
    assert result.exit_code == 0
    assert any(line.startswith("ingest: 2 documents,") and "docs/s" in line for line in result.stderr.splitlines())


def test_ingest_needs_a_path_unless_reextracting(tmp_path: Path) -> None:
    result = invoke("--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2 and "give at least one PATH" in " ".join(result.output.split())
    result = invoke("--reextract", "--db", str(tmp_path / "x.db"), "-q")
    assert result.exit_code == 0 and "0 re-extracted" in result.stderr


def test_a_database_that_cannot_be_opened_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = invoke(str(FORMATS), "--db", str(tmp_path / "no" / "dir" / "x.db"))
    assert result.exit_code == 2
    assert error_lines(result) == [f"incidex: {tmp_path / 'no' / 'dir' / 'x.db'}: cannot create the database: "
                                   f"no such directory {tmp_path / 'no' / 'dir'}"]


def test_documents_and_events_counts_match_the_summary(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    result = invoke(str(FORMATS), "--db", str(db), "-q")
    engine = open_engine(str(db))
    with engine.connect() as conn:
        events = conn.execute(select(func.count()).select_from(tables.events)).scalar_one()
    engine.dispose()
    assert f"; {events} events;" in result.stderr
