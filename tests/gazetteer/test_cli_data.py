"""``incidex data lookup`` and ``incidex data build`` through the CLI runner."""

from __future__ import annotations

from typer.testing import CliRunner

from incidex.cli.data import app
from incidex.gazetteer import load

runner = CliRunner()


def test_lookup_prints_candidates() -> None:
    load()
    result = runner.invoke(app, ["lookup", "Mosul"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "Mosul" in result.output and "IQ" in result.output and "99072" in result.output


def test_lookup_with_country_and_fuzzy_fallback() -> None:
    result = runner.invoke(app, ["lookup", "Nangrahar", "--country", "AF"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "fuzzy" in result.output and "Nangarhar" in result.output


def test_lookup_unknown_name_exits_1() -> None:
    result = runner.invoke(app, ["lookup", "Qwxzv Plthk"])
    assert result.exit_code == 1 and "no place" in result.output


def test_build_reports_where_the_index_is() -> None:
    db = load().path
    result = runner.invoke(app, ["build"])
    assert result.exit_code == 0 and str(db) in result.output and "MB" in result.output
