"""Bulletin tables: the header names each figure column; rows become count mentions."""

from __future__ import annotations

import pytest

from incidex.pipeline.tables import table_counts

TABLE = (
    "DATE | REGION | LOCATION | INCIDENT | KIA | WIA\n"
    "29/09 | Lower Shabelle | Afgooye | IED vs army vehicle | 2 | 3\n"
    "30/09 | Banadir | Mogadishu | Grenade thrown into a cafe | 0 | 4\n"
    "01/10 | Hiraan | Beledweyne | Gunmen attack on a checkpoint | – | ~6\n"
    "TOTAL | | | 3 incidents | 2 | 13\n"
)
SIDES = (
    "DATE | PLACE | EVENT | FRIENDLY KIA/WIA | HOSTILE KIA\n"
    "05/02 | Mopti | IED strike vs convoy | 1/4 | –\n"
    "09/02 | Bandiagara | Air strike | 0/0 | 12 (est.)\n"
)


def rows(text):
    return {text[k:].split(" |")[0]: [(m.role, m.low, m.best, m.high, m.qualifier, m.who, text[m.start:m.end]) for m in v]
            for k, v in table_counts(text).items()}


def test_columns_give_roles_and_cells_give_evidence():
    got = rows(TABLE)
    assert got["29/09"] == [("killed", 2, 2, 2, "exact", None, "2"), ("wounded", 3, 3, 3, "exact", None, "3")]
    assert got["30/09"][0] == ("killed", 0, 0, 0, "none_reported", None, "0")
    assert got["01/10"] == [("wounded", 6, 6, 6, "approx", None, "~6")]


def test_total_rows_are_not_incidents():
    assert "TOTAL" not in rows(TABLE)


def test_combined_columns_and_sides():
    got = rows(SIDES)
    assert got["05/02"] == [("killed", 1, 1, 1, "exact", "soldiers", "1"), ("wounded", 4, 4, 4, "exact", "soldiers", "4")]
    assert got["09/02"][-1] == ("killed", 12, 12, 12, "approx", "militants", "12 (est.)")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed 3 | police said | on Monday",  # pipes in prose, no header
        "A | B | C\n1 | 2 | 3\n",  # a header without figure columns
        "No table here.",
    ],
)
def test_no_table_no_counts(text):
    assert table_counts(text) == {}
