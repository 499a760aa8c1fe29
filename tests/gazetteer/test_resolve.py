"""Choosing among same-named entities: spelling, own names against alternates, the country in force.

Each row is a name as written and the entity the scorer must prefer, built from the index in the
default location ($INCIDEX_DATA_DIR or ~/.cache/incidex).
"""

from __future__ import annotations

import pytest

from incidex.gazetteer import Gazetteer, load
from incidex.gazetteer.normalize import fold, key_hash, normalize
from incidex.gazetteer.resolve import Hints, choose, similarity, variant, viable


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load()


def _choose(gaz: Gazetteer, written: str, hints: Hints):
    pool = gaz.by_hash(key_hash(normalize(written)))
    return choose(viable(pool, fold(written), hints), fold(written), hints, prefiltered=True)


@pytest.mark.parametrize(
    "surface, form, low, high",
    [
        ("mosul", "mosul", 1.0, 1.0),
        ("al raqqah", "ar raqqah", 0.97, 0.97),  # only the article differs
        ("al rutba", "ar rutbah", 0.95, 0.95),  # a transliteration of the same name
        ("regain", "regina", 0.0, 0.85),  # an English word, not a spelling of Regina
        ("rooms", "romsa", 0.0, 0.85),
    ],
)
def test_similarity_rewards_spellings_not_lookalikes(surface: str, form: str, low: float, high: float) -> None:
    assert low <= similarity(surface, form) <= high


@pytest.mark.parametrize(
    "form, name, expected",
    [("derna", "Darnah", True), ("abu kamal", "Albu Kamal", True), ("mora", "Bilimora", False), ("colonia", "Koln", False)],
)
def test_an_alternate_is_a_spelling_or_another_name(form: str, name: str, expected: bool) -> None:
    assert variant(form, name) is expected


@pytest.mark.parametrize(
    "written, hints, country, kind",
    [
        ("Mora", Hints(), "CM", "place"),  # Mora's own name beats Bilimora's alternate
        ("Derna", Hints(), "LY", "place"),  # a spelling of Darnah beats a small Romanian Derna
        ("Palpa", Hints(), "PE", "place"),  # not Nepal under an old name
        ("San Salvador", Hints(country="MX"), "SV", "place"),  # the capital abroad outweighs a municipality
        ("Tripoli", Hints(country="LB"), "LB", "place"),  # a city of the country in force stays
        ("Bosso", Hints(kind="settlement", country="NG", foreign_min_tier=50, neighbours=frozenset({"NE", "CM", "TD", "BJ"}),
               near_cue=True),
         "NE", "place"),  # "the town of Bosso": the town across the border, not the Nigerian district
        ("Bosso", Hints(country="NG", foreign_min_tier=50), "NG", "admin2"),  # no neighbours admitted: the district
        ("Niger", Hints(kind="country", country="NG"), "NE", "country"),  # "the army of Niger"
    ],
)
def test_choice(gaz: Gazetteer, written: str, hints: Hints, country: str, kind: str) -> None:
    ch = _choose(gaz, written, hints)
    assert ch is not None and (ch.place.country, ch.place.kind) == (country, kind)
