"""`incidex extract`: inputs, outputs, and the one-line errors of conventions.md §7."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from incidex.cli import app

REPORT = "KABUL, May 4 (Wire) - A roadside bomb killed three soldiers in the town of Ghazni on Tuesday, officials said."


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, stdin: str | None = None):
    result = runner.invoke(app, ["extract", *args, "--quiet"], input=stdin)
    assert "Traceback" not in (result.stderr or ""), result.stderr
    return result


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("incidex:")]


def test_text_file_gives_events_with_doc_id_from_stem(runner, tmp_path):
    path = tmp_path / "report-7.txt"
    path.write_text(REPORT, encoding="utf-8")
    result = run(runner, str(path), "--published", "2016-05-04")
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["doc_id"] == "report-7" for e in events)
    assert events[0]["event_id"] == "report-7:1"


def test_missing_path_is_exit_2_with_one_line_naming_it(runner, tmp_path):
    result = run(runner, str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert error_lines(result) == [f"incidex: {tmp_path / 'nope.txt'}: no such file or directory"]


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("latin1.txt", "Attaque \xe0 Gao, 3 morts.".encode("latin-1"), "not UTF-8"),
        ("empty.txt", b"", "empty file"),
        ("blank.jsonl", b"\n\n", "empty file"),
        ("notext.csv", b"id,body\n1,hello\n", "no 'text' column"),
        ("image.png", b"\x89PNG", "unsupported file type"),
    ],
)
def test_unreadable_files_are_exit_2_and_named(runner, tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = run(runner, str(path))
    assert result.exit_code == 2
    lines = error_lines(result)
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0], lines
    assert result.stdout == ""


def test_bad_jsonl_line_is_skipped_named_and_exit_1(runner, tmp_path):
    path = tmp_path / "docs.jsonl"
    good = {"id": "a", "text": REPORT, "published": "2016-05-04"}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "b"}) + "\n" + json.dumps({**good, "id": "c"}) + "\n")
    result = run(runner, str(path))
    assert result.exit_code == 1
    lines = error_lines(result)
    assert lines[0].startswith(f"incidex: {path}:2: invalid JSON")
    assert lines[1] == f"incidex: {path}:3: missing or empty 'text'"
    ids = {json.loads(line)["doc_id"] for line in result.stdout.splitlines()}
    assert ids == {"a", "c"}


def test_bad_published_value_in_a_record_names_the_line(runner, tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": REPORT, "published": "last spring"}) + "\n")
    result = run(runner, str(path))
    assert result.exit_code == 1
    assert error_lines(result) == [f"incidex: {path}:1: 'published' is not a date (YYYY-MM-DD): 'last spring'"]


def test_csv_rows_without_text_are_skipped_with_their_line(runner, tmp_path):
    path = tmp_path / "docs.csv"
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "published"])
        w.writerow(["a", REPORT, "2016-05-04"])
        w.writerow(["b", "", "2016-05-04"])
        w.writerow(["c", REPORT, "2016-05-04"])
    result = run(runner, str(path))
    assert result.exit_code == 1
    assert error_lines(result) == [f"incidex: {path}:3: missing or empty 'text'"]
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {"a", "c"}


def test_a_bad_path_does_not_stop_the_good_ones(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    result = run(runner, str(tmp_path / "missing.txt"), str(good), "--published", "2016-05-04")
    assert result.exit_code == 2
    assert len(error_lines(result)) == 1
    assert result.stdout.strip(), "events of the readable file are still written"


def test_invalid_published_option_is_a_usage_error(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(REPORT)
    result = runner.invoke(app, ["extract", str(good), "--published", "03/05/2016"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output + (result.stderr or "")


def test_standard_input_plain_text(runner):
    result = run(runner, "-", "--published", "2016-05-04", stdin=REPORT)
    assert result.exit_code == 0
    assert all(json.loads(line)["doc_id"] == "stdin" for line in result.stdout.splitlines())


def test_standard_input_jsonl(runner):
    docs = "\n".join(json.dumps({"id": f"d{i}", "text": REPORT, "published": "2016-05-04"}) for i in range(3))
    result = run(runner, "-", stdin=docs)
    assert result.exit_code == 0
    assert {json.loads(line)["doc_id"] for line in result.stdout.splitlines()} == {"d0", "d1", "d2"}


def test_csv_output_has_flat_count_columns(runner, tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(REPORT)
    out = tmp_path / "events.csv"
    result = run(runner, str(src), "--published", "2016-05-04", "--format", "csv", "--output", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows and {"killed_best", "killed_qualifier", "event_id", "country"} <= set(rows[0])


def test_table_output_is_readable(runner, tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(REPORT)
    result = run(runner, str(src), "--published", "2016-05-04", "--format", "table")
    assert result.exit_code == 0
    assert "r:1" in result.stdout and "killed" in result.stdout


def test_thousand_documents_show_progress_and_finish(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):
        (folder / f"doc-{i:04d}.txt").write_text(f"Gunmen killed {i % 7 + 1} villagers near Maiduguri on Monday.\n")
    out = tmp_path / "events.jsonl"
    exe = Path(sys.executable).parent / "incidex"
    proc = subprocess.run([str(exe), "extract", str(folder), "--published", "2019-03-06", "--output", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "extract: 1000/1000 documents" in proc.stderr
    assert "Traceback" not in proc.stderr
    docs = {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}
    assert len(docs) == 1000
