"""GTD, ACLED and UCDP column sets: each mapping documented in docs/export.md, proved on known events."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from incidex.export.columns import COLUMN_SETS
from incidex.export.notes import count_phrase, note, total_deaths
from incidex.store import iter_events

DOCS = Path(__file__).resolve().parents[2] / "docs" / "export.md"


def rows(engine: Engine, columns: str) -> dict[str, dict[str, Any]]:
    cs = COLUMN_SETS[columns]
    out = {}
    for event, doc in iter_events(engine):
        out[event["event_id"]] = cs.build(event, doc)
    return out


@pytest.mark.parametrize("event_id, column, value", [
    ("kunduz-1:1", "eventid", "kunduz-1:1"),
    ("kunduz-1:1", "iyear", 2017), ("kunduz-1:1", "imonth", 8), ("kunduz-1:1", "iday", 14),
    ("kunduz-1:1", "extended", 0), ("kunduz-1:1", "country_txt", "Afghanistan"), ("kunduz-1:1", "provstate", "Kunduz"),
    ("kunduz-1:1", "city", "Kunduz"), ("kunduz-1:1", "specificity", 1), ("kunduz-1:1", "location", "police headquarters"),
    ("kunduz-1:1", "suicide", 1), ("kunduz-1:1", "attacktype1_txt", "Bombing/Explosion"),
    ("kunduz-1:1", "weaptype1_txt", "Explosives"), ("kunduz-1:1", "targtype1_txt", "Police"),
    ("kunduz-1:1", "gname", "Taliban"), ("kunduz-1:1", "claimed", 1), ("kunduz-1:1", "claim_source", "third_party"),
    ("kunduz-1:1", "nkill", 12),  # 11 victims + the attacker (conventions.md §2)
    ("kunduz-1:1", "nkillter", 1), ("kunduz-1:1", "nwound", 16), ("kunduz-1:1", "nhostkid", None),
    ("kunduz-1:1", "scite1", "Suicide attack on police in Kunduz; Wire; 2017-08-14; https://wire.example.org/kunduz"),
    ("kunduz-1:1", "dbsource", "incidex"),
    ("claim-7:1", "extended", 1), ("claim-7:1", "resolution", "2017-06-01"), ("claim-7:1", "specificity", 2),
    ("claim-7:1", "claim_source", "perpetrator"), ("claim-7:1", "country_txt", "Philippines"),
    ("noplace-3:1", "gname", "Unknown"), ("noplace-3:1", "iyear", None), ("noplace-3:1", "nhostkid", 4),
    ("noplace-3:1", "nkill", None), ("noplace-3:1", "weaptype1_txt", "Unknown"), ("noplace-3:1", "claimed", 0),
])
def test_gtd_columns(export_db: tuple[str, Engine], event_id: str, column: str, value: Any) -> None:
    assert rows(export_db[1], "gtd")[event_id][column] == value


@pytest.mark.parametrize("event_id, column, value", [
    ("kunduz-1:1", "event_id_cnty", "kunduz-1:1"), ("kunduz-1:1", "event_date", "2017-08-14"), ("kunduz-1:1", "year", 2017),
    ("kunduz-1:1", "time_precision", 1), ("kunduz-1:1", "event_type", "Explosions/Remote violence"),
    ("kunduz-1:1", "sub_event_type", "Suicide bomb"), ("kunduz-1:1", "actor1", "Taliban"),
    ("kunduz-1:1", "actor2", "police headquarters"), ("kunduz-1:1", "iso", 4), ("kunduz-1:1", "country", "Afghanistan"),
    ("kunduz-1:1", "geo_precision", 1), ("kunduz-1:1", "source", "Wire"), ("kunduz-1:1", "fatalities", 12),
    ("kunduz-1:1", "claimed", True),
    ("claim-7:1", "time_precision", 2), ("claim-7:1", "geo_precision", 2), ("claim-7:1", "fatalities", 20),
    ("claim-7:1", "claim_source", "perpetrator"), ("claim-7:1", "iso", 608),
    ("noplace-3:1", "fatalities", None), ("noplace-3:1", "country", None), ("noplace-3:1", "time_precision", None),
])
def test_acled_columns(export_db: tuple[str, Engine], event_id: str, column: str, value: Any) -> None:
    assert rows(export_db[1], "acled")[event_id][column] == value


@pytest.mark.parametrize("event_id, column, value", [
    ("kunduz-1:1", "id", "kunduz-1:1"), ("kunduz-1:1", "side_a", "Taliban"), ("kunduz-1:1", "side_b", "police headquarters"),
    ("kunduz-1:1", "where_coordinates", "Kunduz"), ("kunduz-1:1", "where_description", "police headquarters, Kunduz"),
    ("kunduz-1:1", "adm_1", "Kunduz"), ("kunduz-1:1", "where_prec", 1), ("kunduz-1:1", "geom_wkt", "POINT (68.857 36.72896)"),
    ("kunduz-1:1", "date_start", "2017-08-14"), ("kunduz-1:1", "date_end", "2017-08-14"), ("kunduz-1:1", "date_prec", 1),
    ("kunduz-1:1", "deaths_a", 1), ("kunduz-1:1", "deaths_b", 11), ("kunduz-1:1", "deaths_civilians", None),
    ("kunduz-1:1", "deaths_unknown", None),
    ("kunduz-1:1", "low", 12), ("kunduz-1:1", "best", 12), ("kunduz-1:1", "high", None),  # "at least 11": no upper bound
    ("kunduz-1:1", "source_headline", "Suicide attack on police in Kunduz"),
    ("claim-7:1", "date_end", "2017-06-01"), ("claim-7:1", "low", 20), ("claim-7:1", "high", 20),
    ("claim-7:1", "claim_source", "perpetrator"),
    ("noplace-3:1", "best", None), ("noplace-3:1", "geom_wkt", None), ("noplace-3:1", "deaths_civilians", None),
])
def test_ucdp_columns(export_db: tuple[str, Engine], event_id: str, column: str, value: Any) -> None:
    assert rows(export_db[1], "ucdp")[event_id][column] == value


def count(low: int | None, best: int | None, high: int | None, qualifier: str) -> dict[str, Any]:
    return {"low": low, "best": best, "high": high, "qualifier": qualifier}


UNKNOWN = count(None, None, None, "unknown")


@pytest.mark.parametrize("killed, perpetrators, expected", [
    (count(12, 12, 12, "exact"), UNKNOWN, (12, 12, 12)),
    (count(12, 12, 12, "exact"), count(2, 2, 2, "exact"), (14, 14, 14)),
    (count(17, 17, None, "at_least"), UNKNOWN, (17, 17, None)),
    (count(None, 17, 17, "at_most"), UNKNOWN, (0, 17, 17)),
    (count(10, 10, 15, "range"), count(1, 1, 1, "exact"), (11, 11, 16)),
    (count(24, None, 99, "vague"), UNKNOWN, (24, 24, 99)),
    (count(0, 0, 0, "none_reported"), UNKNOWN, (0, 0, 0)),
    (UNKNOWN, count(1, 1, 1, "exact"), (1, 1, 1)),
    (UNKNOWN, UNKNOWN, (None, None, None)),
])
def test_total_deaths_add_victims_and_perpetrators(killed: dict[str, Any], perpetrators: dict[str, Any],
                                                    expected: tuple[int | None, ...]) -> None:
    assert total_deaths({"killed": killed, "perpetrators_killed": perpetrators}) == expected


@pytest.mark.parametrize("value, phrase", [
    (count(12, 12, 12, "exact"), "12"), (count(60, 60, 60, "approx"), "about 60"),
    (count(17, 17, None, "at_least"), "at least 17"), (count(None, 17, 17, "at_most"), "up to 17"),
    (count(10, 10, 15, "range"), "10 to 15"), (count(24, None, 99, "vague"), "an unspecified number (24-99)"),
    (count(0, 0, 0, "none_reported"), "none"), (UNKNOWN, None),
])
def test_count_phrases(value: dict[str, Any], phrase: str | None) -> None:
    assert count_phrase(value) == phrase


def test_notes_are_generated_from_fields_never_the_source_text(export_db: tuple[str, Engine]) -> None:
    for event, _ in iter_events(export_db[1]):
        text = note(event)
        for span in event["evidence"]:
            assert span["text"] not in text
        assert event["context"] == "" or event["context"] not in text
    notes = {e["event_id"]: note(e) for e, _ in iter_events(export_db[1])}
    assert notes["kunduz-1:1"] == ("2017-08-14, police headquarters, Kunduz, Afghanistan: Suicide attack: Bombing/Explosion "
                                   "(Explosives) against police headquarters. At least 11 killed; 16 wounded; "
                                   "1 killed among the perpetrators. Perpetrator: Taliban. Reported as claimed.")
    assert notes["claim-7:1"].endswith("Perpetrator: Maute Group. Source: the perpetrator's own claim.")
    assert notes["noplace-3:1"] == ("date unknown, place unknown: Hostage Taking (Kidnapping) against engineers. "
                                    "4 abducted. Perpetrator not identified.")


def test_every_exported_column_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name, cs in COLUMN_SETS.items():
        if name == "full":
            continue
        section = text.split(f"## {cs.name.upper()}", 1)[1].split("\n## ", 1)[0]
        first_cells = re.findall(r"^\| (`[^|]+`) \|", section, flags=re.M)
        documented = {name for cell in first_cells for name in re.findall(r"`([a-z0-9_]+)`", cell)}
        assert set(cs.names) <= documented, (name, set(cs.names) - documented)


@pytest.mark.parametrize("date_, end, precision, phrase, gtd", [
    ("2017-08-14", None, 1, "2017-08-14", (2017, 8, 14, 0, None)),
    ("2017-05-30", "2017-06-01", 2, "2017-05-30 to 2017-06-01", (2017, 5, 30, 1, "2017-06-01")),
    ("2017-08-01", "2017-08-31", 4, "2017-08", (2017, 8, 0, 0, None)),  # known to the month: uncertainty, not duration
    ("1988-01-01", "1988-12-31", 5, "1988", (1988, 0, 0, 0, None)),
])
def test_dates_by_precision_in_notes_and_gtd(date_: str, end: str | None, precision: int, phrase: str,
                                             gtd: tuple[Any, ...]) -> None:
    from incidex.export.columns import gtd_row
    from incidex.export.notes import date_phrase
    from incidex.schema import Event

    event = Event(event_id="d:1", doc_id="d", date=date_, date_end=end, date_precision=precision, date_text="text").to_dict()
    assert date_phrase(event) == phrase
    assert note(event).startswith(f"{phrase}, place unknown: ")
    row = gtd_row(event, {})
    assert (row["iyear"], row["imonth"], row["iday"], row["extended"], row["resolution"]) == gtd
    assert row["approxdate"] == (None if precision == 1 else "text")
