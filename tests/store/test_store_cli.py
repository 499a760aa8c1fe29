"""``incidex stats`` and ``incidex show`` on a store of known events, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner, Result

from incidex.cli import show as show_cli
from incidex.cli import stats as stats_cli
from incidex.cli.show import highlighted
from incidex.cli.stats import EVENTS_NOT_INCIDENTS


def app() -> typer.Typer:
    a = typer.Typer()

    @a.callback()
    def _root() -> None:
        """incidex (test app)."""

    stats_cli.register(a)
    show_cli.register(a)
    return a


def invoke(*args: str) -> Result:
    return CliRunner().invoke(app(), list(args), env={"COLUMNS": "200"})


def flat(text: str) -> str:
    return " ".join(text.split())


def test_stats_counts_documents_events_and_leaves_out_perpetrator_claims(stored: Engine, db_url: str) -> None:
    result = invoke("stats", "--db", db_url)
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert "Documents: 3 (0 without events); events: 4" in out
    assert "Totals leave out 1 event from perpetrators' own claims (--include-claims to count them)." in out
    assert "Totals: 3 events; killed 14; wounded 21; perpetrators killed 0; abducted 3" in out
    assert "│ SO │ 2 │ 14 │ 21 │" in out
    assert "│ 2017-05 │ 2 │ 14 │ 21 │" in out
    assert "│ Hostage Taking (Kidnapping) │ 1 │ 0 │ 0 │" in out
    assert flat(EVENTS_NOT_INCIDENTS) in out


def test_stats_include_claims(stored: Engine, db_url: str) -> None:
    out = flat(invoke("stats", "--db", db_url, "--include-claims").stdout)
    assert "Totals include 1 event from perpetrators' own claims." in out
    assert "Totals: 4 events; killed 29;" in out
    assert "│ SO │ 3 │ 29 │ 21 │" in out


def test_stats_on_an_empty_store(engine: Engine, db_url: str) -> None:
    result = invoke("stats", "--db", db_url)
    assert result.exit_code == 0
    assert "Documents: 0 (0 without events); events: 0" in flat(result.stdout)


def test_show_prints_fields_and_marks_each_evidence_span_in_the_text(stored: Engine, db_url: str) -> None:
    result = invoke("show", "wire-1:1", "--db", db_url)
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    for line in ("event wire-1:1", "date 2017-05-04", "location Baidoa", "perpetrator Al-Shabaab",
                 "killed 12 (low 9, high 12; exact)", "wounded 21 (low 21, high 21; exact)",
                 "document Car bomb in Baidoa; Wire; 2017-05-04; https://wire.example.org/baidoa"):
        assert line in out
    for marked in ("[killed: killed at least 9 people]", "[killed: rose to 12]", "[wounded: wounded 21]",
                   "[perpetrator: Al-Shabaab]", "[location: Baidoa on]"):
        assert marked in out


def test_show_an_unknown_event_is_one_line_and_exit_1(stored: Engine, db_url: str) -> None:
    result = invoke("show", "wire-1:99", "--db", db_url)
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("incidex: no event 'wire-1:99' in the database")


@pytest.mark.parametrize("command", ["stats", "show"])
def test_reading_commands_refuse_a_missing_database(tmp_path, command: str) -> None:  # type: ignore[no-untyped-def]
    args = [command, "x:1"] if command == "show" else [command]
    result = invoke(*args, "--db", str(tmp_path / "nothing.db"))
    assert result.exit_code == 2 and "no such database" in result.stderr and "Traceback" not in result.output


def test_highlighting_keeps_offsets_and_cuts_long_documents_to_the_evidence() -> None:
    text = "x" * 5000 + " twelve soldiers were killed " + "y" * 5000
    start = text.index("twelve")
    spans = [{"field": "killed", "start": start, "end": start + len("twelve soldiers were killed"),
              "text": "twelve soldiers were killed"}]
    marked, _ = highlighted(text, spans, markers=True)
    assert "[killed: twelve soldiers were killed]" in marked.plain
    assert marked.plain.startswith(" … ") and marked.plain.endswith(" …") and len(marked.plain) < 1000
    coloured, colours = highlighted(text, spans, markers=False)
    assert list(colours) == ["killed"]
    assert any(s.style == colours["killed"] for s in coloured.spans)


def test_stats_tables_keep_the_first_rows_or_the_most_recent_months_and_sum_the_rest() -> None:
    from rich.console import Console

    from incidex.cli.stats import group_table
    from incidex.store.stats import Group

    months = [Group(f"2020-{m:02d}", m, m * 2, 0) for m in range(1, 13)]
    console = Console(width=100, record=True)
    console.print(group_table("By month", "month", months, 3, recent=True))
    text = flat(console.export_text())
    assert "│ 2020-10 │ 10 │ 20 │ 0 │" in text and "│ 2020-12 │ 12 │ 24 │ 0 │" in text and "2020-09" not in text
    assert "│ (9 more) │ 45 │ 90 │ 0 │" in text
    console = Console(width=100, record=True)
    console.print(group_table("By country", "country", months, 2))
    text = flat(console.export_text())
    assert "2020-01" in text and "2020-03" not in text and "│ (10 more) │ 75 │ 150 │ 0 │" in text
