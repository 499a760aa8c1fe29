"""The index is generated from the GeoNames sources and the alias file: rebuild it and compare.

The rebuild (about half a minute) goes to a session temporary folder; the index every other
test uses is the one in the default location, so the two must agree exactly.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from incidex.gazetteer import build, datafiles, load
from incidex.gazetteer.build import build_index, index_paths, index_stem, region_name_variants
from incidex.gazetteer.index import Gazetteer


@pytest.fixture(scope="session")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("gazetteer")
    stale = target / "gazetteer-v0-0000000000.sqlite"
    stale.write_bytes(b"an index of an older format")
    stages: list[tuple[str, float]] = []
    db = build_index(target, progress=lambda stage, frac: stages.append((stage, frac)))
    assert stages[-1] == ("done", 1.0) and [f for _, f in stages] == sorted(f for _, f in stages)
    assert not stale.exists()  # a build removes indexes of other inputs or formats
    return db


def test_rebuild_matches_the_index_in_use(rebuilt: Path) -> None:
    cached = load()
    fresh = Gazetteer(*index_paths(rebuilt.parent))
    assert fresh.stats() == cached.stats()
    assert np.array_equal(fresh.hashes, cached.hashes) and np.array_equal(fresh.tiers, cached.tiers)
    assert np.array_equal(fresh.flags, cached.flags)


def test_index_files_are_named_for_their_inputs(rebuilt: Path) -> None:
    stem = index_stem()
    assert stem.startswith(f"gazetteer-v{build.FORMAT_VERSION}-") and rebuilt.name == f"{stem}.sqlite"
    with sqlite3.connect(rebuilt) as con:
        meta = dict(con.execute("SELECT key, value FROM meta"))
    assert meta["data_hash"] == datafiles.data_hash() and meta["format"] == str(build.FORMAT_VERSION)


def test_existing_index_is_kept_without_force(rebuilt: Path) -> None:
    mtime = rebuilt.stat().st_mtime
    assert build_index(rebuilt.parent) == rebuilt and rebuilt.stat().st_mtime == mtime


def test_index_is_compact(rebuilt: Path) -> None:
    db, npz = index_paths(rebuilt.parent)
    assert db.stat().st_size < 120e6 and npz.stat().st_size < 20e6


@pytest.mark.parametrize(
    "name, variants",
    [
        ("Departamento de Capital", ["Departamento de Capital", "capital"]),
        ("Khyber Agency", ["Khyber Agency", "khyber"]),
        ("Nineveh Governorate", ["Nineveh Governorate", "nineveh"]),
        ("Province of Tawi-Tawi", ["Province of Tawi-Tawi", "tawi tawi"]),
        ("Far North Region", ["Far North Region", "far north"]),
        ("Kunar", ["Kunar"]),
    ],
)
def test_region_type_words_are_stripped(name: str, variants: list[str]) -> None:
    words, prefixes = build._region_word_sets()
    assert region_name_variants(name, words, prefixes) == variants


def test_every_alias_names_its_source() -> None:
    data = datafiles.aliases()
    assert len(data["aliases"]) >= 60
    for entry in data["aliases"]:
        assert entry["names"] and entry["source"] and isinstance(entry["target"], dict)


def test_data_files_carry_a_source_header() -> None:
    from importlib import resources

    for name in ("place_aliases.yaml", "places_vocab.yaml", "places_stoplist.yaml"):
        text = resources.files("incidex").joinpath("data", name).read_text(encoding="utf-8")
        assert text.startswith("#") and "Source:" in text.split("\n\n")[0] + text[:2000]


@pytest.mark.parametrize(
    "name, variant",
    [("Surigao del Sur", "surigao sur"), ("Provincia de Agusan del Norte", "agusan norte"),
     ("Rio Grande do Norte", "rio grande norte")],
)
def test_compass_region_names_also_go_without_their_particle(name: str, variant: str) -> None:
    words, prefixes = build._region_word_sets()
    assert variant in region_name_variants(name, words, prefixes)
