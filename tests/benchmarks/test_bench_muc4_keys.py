"""The MUC-4 answer-key parser, one row per fill form (template-doc-part1.v7)."""

from __future__ import annotations

import sys
from pathlib import Path

# The benchmarks package sits at the repository root, outside src/ (not installed).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from datetime import date

import pytest

from benchmarks.muc4_keys import (
    CountRange,
    DateRange,
    dateline_date,
    parse_count,
    parse_date_fill,
    parse_filler,
    parse_keys,
    parse_location_fill,
    parse_texts,
)

KEY = '''\
;;; a comment line
0.  MESSAGE: ID                     TST1-MUC3-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 04 FEB 90
3.  INCIDENT: LOCATION              GUATEMALA: PETEN (DEPARTMENT): FLORES (CITY)
4.  INCIDENT: TYPE                  ATTACK / BOMBING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         -
12. PHYS TGT: ID                    "\\"LA EMINENCIA\\" FARM" / "FARM"
18. HUM TGT: NAME                   "CEREZO"
19. HUM TGT: DESCRIPTION            "PRESIDENT": "CEREZO"
                                    "PEASANTS"
                                    "SOLDIER"
21. HUM TGT: NUMBER                 1: "CEREZO"
                                    ~6: "PEASANTS"
                                    PLURAL: "SOLDIER"
23. HUM TGT: EFFECT OF INCIDENT     NO INJURY: "CEREZO"
                                    DEATH: "PEASANTS"
                                    INJURY: "SOLDIER"

0.  MESSAGE: ID                     TST1-MUC3-0002
1.  MESSAGE: TEMPLATE               *
2.  INCIDENT: DATE                  *

0.  MESSAGE: ID                     DEV-MUC3-0003 (NCCOSC)
1.  MESSAGE: TEMPLATE               2 (OPTIONAL)
5.  INCIDENT: STAGE OF EXECUTION    THREATENED
'''


@pytest.fixture(scope="module")
def templates():
    return parse_keys(KEY)


def test_templates_are_split_at_message_id(templates):
    assert [(t.doc_id, t.number, t.relevant, t.optional) for t in templates] == [
        ("TST1-MUC3-0001", "1", True, False),
        ("TST1-MUC3-0002", "", False, False),
        ("DEV-MUC3-0003", "2", True, True),
    ]


def test_continuation_lines_are_further_fillers(templates):
    t = templates[0]
    assert [f.values for f in t.slots["HUM TGT: DESCRIPTION"]] == [("PRESIDENT",), ("PEASANTS",), ("SOLDIER",)]
    assert t.slots["HUM TGT: DESCRIPTION"][0].refs == ("CEREZO",)


def test_typed_views(templates):
    t = templates[0]
    assert t.incident_types == ("ATTACK", "BOMBING")
    assert t.dates() == [DateRange(None, date(1990, 2, 4))]
    assert t.countries == {"GT"}
    assert [p.name for p in t.locations[0].settlement_level()] == ["FLORES"]
    assert t.strings("PHYS TGT: ID") == [('"LA EMINENCIA" FARM', "FARM")]
    assert templates[2].threatened_only


def test_counts_sum_people_by_effect(templates):
    t = templates[0]
    assert t.count("DEATH") == CountRange(6, 6)
    assert t.count("INJURY") is None  # PLURAL is not a number


@pytest.mark.parametrize(
    "fill, expected",
    [
        ("30 DEC 89", [DateRange(date(1989, 12, 30), date(1989, 12, 30))]),
        ("- 19 JAN 90", [DateRange(None, date(1990, 1, 19))]),
        ("15 JAN 90 - 19 JAN 90", [DateRange(date(1990, 1, 15), date(1990, 1, 19))]),
        ("(08 MAR 90) / (07 MAR 90 - 08 MAR 90)",
         [DateRange(date(1990, 3, 8), date(1990, 3, 8)), DateRange(date(1990, 3, 7), date(1990, 3, 8))]),
        ("03 MARCH 90", [DateRange(date(1990, 3, 3), date(1990, 3, 3))]),
        ("28 AUG 92 - 03 SEP 89", [DateRange(None, date(1989, 9, 3))]),
        ("-", []),
        ("*", []),
    ],
)
def test_date_fills(fill, expected):
    assert parse_date_fill(fill) == expected


def test_year_less_date_takes_the_reference_year():
    assert parse_date_fill("11 NOV", date(1989, 11, 12)) == [DateRange(date(1989, 11, 11), date(1989, 11, 11))]
    assert parse_date_fill("28 DEC", date(1990, 1, 3)) == [DateRange(date(1989, 12, 28), date(1989, 12, 28))]


@pytest.mark.parametrize(
    "fill, countries, finest",
    [
        ("EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)", ["SV"], [["SAN LUIS DE LA REINA"]]),
        ("PERU", ["PE"], [[]]),
        ("(COLOMBIA: MEDELLIN (CITY)) / (COLOMBIA)", ["CO", "CO"], [["MEDELLIN"], []]),
        ("PERU: HUARAZ (CITY) - LIMA (CITY)", ["PE"], [["HUARAZ", "LIMA"]]),
        ("EL SALVADOR: SAN SALVADOR (CITY): ESCALON (NEIGHBORHOOD)", ["SV"], [["SAN SALVADOR"]]),
        ("EL SALVADOR: USULUTAN (CITY / COUNTY / DEPARTMENT)", ["SV"], [["USULUTAN"]]),
        ("GUATAMALA", ["GT"], [[]]),
    ],
)
def test_location_fills(fill, countries, finest):
    locs = parse_location_fill(fill)
    assert [loc.country for loc in locs] == countries
    assert [[p.name for p in loc.settlement_level()] for loc in locs] == finest


def test_finer_places_are_below_the_settlement():
    (loc,) = parse_location_fill("EL SALVADOR: SAN SALVADOR (CITY): ESCALON (NEIGHBORHOOD)")
    assert [p.name for p in loc.finer_places()] == ["ESCALON"]


@pytest.mark.parametrize(
    "value, expected",
    [
        (("1",), CountRange(1, 1)),
        (("~100",), CountRange(100, 100)),
        (("6-8",), CountRange(6, 8)),
        (("6-",), CountRange(6, None)),
        (("- 15",), CountRange(0, 15)),
        (("PLURAL",), None),
        (("PLURAL", "3"), CountRange(3, 3)),
    ],
)
def test_number_fills(value, expected):
    assert parse_count(value) == expected


@pytest.mark.parametrize(
    "line, values, refs, optional",
    [
        ('"GUERRILLA COLUMN" / "GUERRILLAS"', ("GUERRILLA COLUMN", "GUERRILLAS"), (), False),
        ('? 1: "CEREZO"', ("1",), ("CEREZO",), True),
        ('CIVILIAN RESIDENCE / OTHER: "FACILITIES"', ("CIVILIAN RESIDENCE", "OTHER"), ("FACILITIES",), False),
        ('DEATH: "A" / "B"', ("DEATH",), ("A", "B"), False),
        ('"\\"SANTO TOMAS\\" FARM: WEST"', ('"SANTO TOMAS" FARM: WEST',), (), False),
    ],
)
def test_fillers(line, values, refs, optional):
    f = parse_filler(line)
    assert (f.values, f.refs, f.optional) == (values, refs, optional)


def test_texts_split_at_message_ids_and_keep_the_dateline():
    raw = "TST1-MUC3-0001\n\n   GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] ONE.\n\nDEV-MUC3-0002 (NOSC)\n\n   LIMA, 3 JAN 90 -- TWO.\n"
    docs = parse_texts(raw)
    assert list(docs) == ["TST1-MUC3-0001", "DEV-MUC3-0002"]
    assert dateline_date(docs["TST1-MUC3-0001"]) == date(1990, 2, 4)
    assert dateline_date(docs["DEV-MUC3-0002"]) == date(1990, 1, 3)
    assert dateline_date("   CLANDESTINE, NO DATE -- X") is None
