"""The gazetteer's read side: candidates, fuzzy search within blocks, regions and countries.

These use the index in the default location ($INCIDEX_DATA_DIR or ~/.cache/incidex), built on
first use.
"""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from incidex.gazetteer import Gazetteer, load
from incidex.gazetteer.normalize import key_hash, normalize


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load()


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert load() is gaz


def test_index_holds_every_kind(gaz: Gazetteer) -> None:
    stats = gaz.stats()
    assert stats["country"] >= 240 and stats["admin1"] >= 3000 and stats["admin2"] >= 40000
    assert stats["place"] >= 230000 and stats["area"] >= 10 and stats["keys"] > 400000


@pytest.mark.parametrize(
    "name, kind, country, ascii_name",
    [
        ("Mosul", "place", "IQ", "Mosul"),
        ("ar-Raqqah", "admin1", "SY", "Ar Raqqah"),
        ("Deir ez-Zor", "admin1", "SY", "Dayr az Zawr"),
        ("Kunar", "admin1", "AF", "Kunar"),
        ("Borno State", "admin1", "NG", "Borno"),
        ("El Salvador", "country", "SV", "El Salvador"),
        ("Syrian Arab Republic", "country", "SY", "Syria"),
        ("Burma", "country", "MM", "Myanmar"),
        ("Wilayat Barqah", "area", "LY", "Cyrenaica"),
        ("FATA", "area", "PK", "Federally Administered Tribal Areas"),
        ("Al-Quds", "place", "IL", "Jerusalem"),
        ("NegOr", "admin2", "PH", "Negros Oriental"),
    ],
)
def test_candidates_find_every_spelling(gaz: Gazetteer, name: str, kind: str, country: str, ascii_name: str) -> None:
    found = [(p.kind, p.country, p.name) for p in gaz.candidates(name)]
    assert (kind, country, ascii_name) in found


def test_candidates_are_ordered_by_tier(gaz: Gazetteer) -> None:
    tiers = [p.tier for p in gaz.candidates("San Miguel")]
    assert len(tiers) > 5 and tiers == sorted(tiers, reverse=True)


def test_places_carry_regions_and_coordinates(gaz: Gazetteer) -> None:
    mosul = next(p for p in gaz.candidates("Mosul") if p.kind == "place")
    assert (mosul.admin1, mosul.admin1_code, mosul.geonames_id) == ("Ninawa", "IQ.15", 99072)
    assert abs(mosul.lat - 36.335) < 0.01 and abs(mosul.lon - 43.119) < 0.01 and mosul.precision == 1


@pytest.mark.parametrize(
    "query, country, expected",
    [("Dayr al-Zour", "SY", "Dayr az Zawr"), ("Nangrahar", "AF", "Nangarhar"), ("Qandahaar", None, "Kandahar"),
     ("Chalatenago", "SV", "Chalatenango")],
)
def test_fuzzy_finds_misspellings_within_a_block(gaz: Gazetteer, query: str, country: str | None, expected: str) -> None:
    ranked = gaz.fuzzy(query, country=country)
    assert ranked and expected in [p.name for p, _ in ranked[:3]]
    assert all(80 <= score <= 100 for _, score in ranked)
    assert country is None or all(p.country == country for p, _ in ranked)


def test_fuzzy_returns_nothing_for_nonsense(gaz: Gazetteer) -> None:
    assert gaz.fuzzy("Qwxzv Plthk") == []


@pytest.mark.parametrize(
    "country, name, expected",
    [("IQ", "Nineveh", "Ninawa"), ("SY", "Deir ez-Zor", "Dayr az Zawr"), ("CM", "Far North", "Far North"),
     ("NG", "Borno State", "Borno"), ("AF", "Helmand", "Helmand"), ("PK", "Khyber", "Khyber Agency"),
     ("SV", "Usulutan", "Usulutan")],
)
def test_region_by_name(gaz: Gazetteer, country: str, name: str, expected: str) -> None:
    region = gaz.region(country, name)
    assert region is not None and region.name == expected and region.country == country
    assert region.lat is not None and region.precision in (3, 4)


def test_region_by_code(gaz: Gazetteer) -> None:
    assert gaz.region_by_code("IQ.15").name == "Ninawa"
    assert gaz.region_by_code("PK.03.1173641").name == "Khyber Agency"
    assert gaz.region_by_code("XX.99") is None


@pytest.mark.parametrize("name, code", [("Iraq", "IQ"), ("syria", "SY"), ("Persia", "IR"), ("DR Congo", "CD"), ("af", "AF")])
def test_country(gaz: Gazetteer, name: str, code: str) -> None:
    c = gaz.country(name)
    assert c is not None and c.country == code and c.kind == "country" and c.precision == 6


def test_country_unknown(gaz: Gazetteer) -> None:
    assert gaz.country("Atlantis") is None


def test_hash_lookup_agrees_with_sql(gaz: Gazetteer) -> None:
    hashes = np.array([key_hash(normalize(n)) for n in ("Mosul", "Kabul", "qwxzv")], dtype=np.uint64)
    found, tiers = gaz.lookup(hashes)
    assert found.tolist() == [True, True, False] and tiers[2] == 0 and tiers[0] >= 55
    assert gaz.lookup_few([int(h) for h in hashes]) == tiers.tolist()
    assert gaz.by_hash(int(hashes[2])) == ()


def test_gazetteer_pickles_by_path(gaz: Gazetteer) -> None:
    again = pickle.loads(pickle.dumps(gaz))
    assert again.path == gaz.path and [p.id for p in again.candidates("Mosul")] == [p.id for p in gaz.candidates("Mosul")]


@pytest.mark.parametrize(
    "country, neighbours",
    [("NG", {"NE", "CM", "TD", "BJ"}), ("SV", {"GT", "HN"}), ("IQ", {"SY", "TR", "IR", "JO", "KW", "SA"})],
)
def test_neighbours_come_from_geonames_country_info(gaz: Gazetteer, country: str, neighbours: set[str]) -> None:
    assert gaz.neighbours(country) == neighbours
    assert all(country in gaz.neighbours(n) for n in neighbours)
    assert gaz.neighbours(None) == frozenset() and gaz.neighbours("XX") == frozenset()


@pytest.mark.parametrize("name, country", [("San Salvador", "SV"), ("Tegucigalpa", "HN"), ("Niamey", "NE")])
def test_national_capitals_rank_with_cities_of_a_million(gaz: Gazetteer, name: str, country: str) -> None:
    capital = next(p for p in gaz.candidates(name) if p.kind == "place" and p.country == country)
    assert capital.tier >= 60


@pytest.mark.parametrize(
    "name, country, main",
    [
        ("Britain", "GB", True),  # a further name of the UK that no town bears
        ("Ivory Coast", "CI", True),
        ("Palpa", "NP", False),  # an old name of Nepal, and a district of Nepal and of Peru
        ("Uman", "OM", False),  # an old spelling of Oman, and a Ukrainian town
    ],
)
def test_country_names_that_are_also_towns_are_alternates(gaz: Gazetteer, name: str, country: str, main: bool) -> None:
    rows = [p for p in gaz.by_hash(key_hash(normalize(name))) if p.kind == "country" and p.country == country
            and p.form == name.lower()]
    assert rows and rows[0].main is main


@pytest.mark.parametrize(
    "written, region",
    [("Surigao Sur", "Surigao del Sur"), ("Agusan Norte", "Agusan del Norte"), ("Lanao Sur", "Lanao del Sur")],
)
def test_compass_regions_are_indexed_without_their_particle(gaz: Gazetteer, written: str, region: str) -> None:
    assert any(p.kind in ("admin1", "admin2") and region in p.name for p in gaz.candidates(written))
