"""Every export format, in every column set, read back by its standard reader."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import typer
from sqlalchemy import Engine
from typer.testing import CliRunner

from incidex.cli import export as export_cli
from incidex.export import COLUMN_SETS, export_events
from incidex.schema import Event, flatten, validation_errors
from incidex.store import EventFilter

COLUMN_NAMES = list(COLUMN_SETS)
ALL_IDS = ["claim-7:1", "kunduz-1:1", "noplace-3:1"]  # by date: 30 May, 14 August, undated


def app() -> typer.Typer:
    a = typer.Typer()

    @a.callback()
    def _root() -> None:
        """incidex (test app)."""

    export_cli.register(a)
    return a


def first_column(columns: str) -> str:
    return COLUMN_SETS[columns].names[0]


@pytest.mark.parametrize("columns", COLUMN_NAMES)
def test_csv_reads_back_with_the_csv_module(export_db: tuple[str, Engine], tmp_path: Path, columns: str) -> None:
    out = tmp_path / "events.csv"
    summary = export_events(export_db[1], "csv", columns, output=out)
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == COLUMN_SETS[columns].names
    assert [r[first_column(columns)] for r in rows] == ALL_IDS
    assert summary.written == 3 and not (tmp_path / "events.csv.part").exists()


def test_full_csv_has_exactly_the_flat_schema_columns(export_db: tuple[str, Engine], tmp_path: Path,
                                                      samples_by_id: dict[str, Event]) -> None:
    out = tmp_path / "full.csv"
    export_events(export_db[1], "csv", "full", output=out)
    rows = {r["event_id"]: r for r in csv.DictReader(out.open(encoding="utf-8", newline=""))}
    expected = flatten(samples_by_id["kunduz-1:1"].to_dict())
    assert list(rows["kunduz-1:1"]) == list(expected)
    assert rows["kunduz-1:1"]["killed_low"] == "11" and rows["kunduz-1:1"]["killed_high"] == ""
    assert json.loads(rows["kunduz-1:1"]["evidence"]) == json.loads(expected["evidence"])


@pytest.mark.parametrize("columns", COLUMN_NAMES)
def test_jsonl_reads_back_with_json(export_db: tuple[str, Engine], tmp_path: Path, columns: str) -> None:
    out = tmp_path / "events.jsonl"
    export_events(export_db[1], "jsonl", columns, output=out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r[first_column(columns)] for r in rows] == ALL_IDS
    assert all(list(r) == COLUMN_SETS[columns].names for r in rows) or columns == "full"


def test_full_jsonl_is_the_events_exactly_and_valid_against_the_schema(export_db: tuple[str, Engine], tmp_path: Path,
                                                                       samples_by_id: dict[str, Event]) -> None:
    out = tmp_path / "events.jsonl"
    export_events(export_db[1], "jsonl", "full", output=out)
    for line in out.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        assert validation_errors(event) == []
        assert event == samples_by_id[event["event_id"]].to_dict()


@pytest.mark.parametrize("columns", COLUMN_NAMES)
def test_geojson_is_a_feature_collection_of_valid_points(export_db: tuple[str, Engine], tmp_path: Path, columns: str) -> None:
    out = tmp_path / "events.geojson"
    summary = export_events(export_db[1], "geojson", columns, output=out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == 2
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(feature["properties"]) == set(COLUMN_SETS[columns].names)
        assert all(not isinstance(v, (dict, list)) for v in feature["properties"].values())  # flat, for QGIS
    kunduz = next(f for f in data["features"] if f["id"] == "kunduz-1:1")
    assert kunduz["geometry"]["coordinates"] == [68.857, 36.72896]  # [longitude, latitude]
    assert summary.message == "1 event without coordinates left out of the GeoJSON"


@pytest.mark.parametrize("columns", COLUMN_NAMES)
def test_parquet_reads_back_with_pyarrow(export_db: tuple[str, Engine], tmp_path: Path, columns: str) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    export_events(export_db[1], "parquet", columns, output=out)
    table = pq.read_table(out)
    assert table.column_names == COLUMN_SETS[columns].names
    assert table.column(first_column(columns)).to_pylist() == ALL_IDS


def test_full_parquet_keeps_types_and_evidence_structure(export_db: tuple[str, Engine], tmp_path: Path,
                                                        samples_by_id: dict[str, Event]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    export_events(export_db[1], "parquet", "full", output=out)
    table = pq.read_table(out)
    assert table.schema.field("killed_best").type == pa.int64()
    assert table.schema.field("latitude").type == pa.float64()
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("suicide").type == pa.bool_()
    rows = {r["event_id"]: r for r in table.to_pylist()}
    assert rows["kunduz-1:1"]["evidence"] == samples_by_id["kunduz-1:1"].to_dict()["evidence"]
    assert rows["kunduz-1:1"]["date"].isoformat() == "2017-08-14" and rows["noplace-3:1"]["date"] is None


def test_an_empty_selection_still_writes_a_readable_file(export_db: tuple[str, Engine], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    flt = EventFilter(where=(("country", "NO"),))
    export_events(export_db[1], "csv", "gtd", flt, output=tmp_path / "e.csv")
    export_events(export_db[1], "geojson", "full", flt, output=tmp_path / "e.geojson")
    export_events(export_db[1], "parquet", "ucdp", flt, output=tmp_path / "e.parquet")
    assert (tmp_path / "e.csv").read_text(encoding="utf-8").strip() == ",".join(COLUMN_SETS["gtd"].names)
    assert json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}
    assert pq.read_table(tmp_path / "e.parquet").num_rows == 0


# -- the command ---------------------------------------------------------------------------------
@pytest.mark.parametrize("args, expected", [
    ([], ALL_IDS),
    (["--where", "country=AF"], ["kunduz-1:1"]),
    (["--where", "country=AF", "--where", "country=PH"], ["claim-7:1", "kunduz-1:1"]),
    (["--where", "country="], ["noplace-3:1"]),
    (["--since", "2017-06-01"], ["kunduz-1:1"]),
    (["--until", "2017-06-01"], ["claim-7:1"]),
    (["--claimed", "yes"], ["claim-7:1", "kunduz-1:1"]),
    (["--claimed", "no"], ["noplace-3:1"]),
    (["--where", "claim_source=perpetrator"], ["claim-7:1"]),
])
def test_export_command_filters(export_db: tuple[str, Engine], args: list[str], expected: list[str]) -> None:
    result = CliRunner().invoke(app(), ["export", "--db", export_db[0], "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["event_id"] for line in result.stdout.splitlines()] == expected


def test_export_command_writes_a_file_and_says_what_it_left_out(export_db: tuple[str, Engine], tmp_path: Path) -> None:
    out = tmp_path / "map.geojson"
    result = CliRunner().invoke(app(), ["export", "--db", export_db[0], "-f", "geojson", "--columns", "acled", "-o", str(out)])
    assert result.exit_code == 0
    assert "export: 2 events written to" in result.stderr
    assert "export: 1 event without coordinates left out of the GeoJSON" in result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 2


def test_export_command_reads_the_database_from_incidex_db(export_db: tuple[str, Engine]) -> None:
    result = CliRunner().invoke(app(), ["export", "-f", "csv", "--columns", "ucdp"], env={"INCIDEX_DB": export_db[0]})
    assert result.exit_code == 0 and len(list(csv.DictReader(result.stdout.splitlines()))) == 3


@pytest.mark.parametrize("args, code, message", [
    (["--where", "colour=red"], 2, "unknown column 'colour'"),
    (["--where", "country"], 2, "expected COLUMN=VALUE"),
    (["--since", "last week"], 2, "not a date"),
    (["--db", "{tmp}/missing.db"], 2, "no such database"),
])
def test_export_command_errors_are_one_message_and_a_non_zero_exit(export_db: tuple[str, Engine], tmp_path: Path,
                                                                    args: list[str], code: int, message: str) -> None:
    args = [a.format(tmp=tmp_path) for a in args]
    db = [] if "--db" in args else ["--db", export_db[0]]
    result = CliRunner().invoke(app(), ["export", "-f", "csv", *db, *args])
    assert result.exit_code == code
    assert message in " ".join(result.output.split())
    assert "Traceback" not in result.output
