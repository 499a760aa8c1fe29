"""Choose among same-named gazetteer entities: the toponym resolution step.

Inputs are what the reader of a report would use: how closely the written form matches each
entity's own spelling, what kind of place the words say it is ("province" after it, "the town
of" before it), the country and region in force from the document or heading, the countries
other places in the same text resolved to, distance to those places, and size (a city of a
million is named more often than a hamlet of 600). Each is a bounded additive term so that no
single one can outvote the written evidence of a container ("X, Y province").
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from incidex.gazetteer.index import Place
from incidex.gazetteer.normalize import ARTICLES, fold

REGION_KINDS = frozenset({"admin1", "admin2", "area"})


@dataclass(frozen=True)
class Hints:
    """What the words around a name say about it."""

    kind: str | None = None  # "region", "admin2", "settlement", "country" or None
    heading: bool = False
    country: str | None = None  # in force from document/heading
    admin1: str | None = None
    text_countries: frozenset[str] = frozenset()  # other places of the same text
    anchors: tuple[tuple[float, float], ...] = ()  # coordinates of other places in the text
    container: Place | None = None  # "X, Y province" / "Y's X": X must lie in Y
    min_similarity: float = 0.0
    alt_min_tier: int = 0  # a GeoNames alternate name counts only for places at least this big
    foreign_min_tier: int = 0  # outside ``country``, only entities at least this big
    foreign_alternates: bool = True  # outside ``country``, GeoNames alternate names count too


def strip_articles(form: str) -> str:
    toks = form.split()
    while len(toks) > 1 and toks[0] in ARTICLES:
        toks = toks[1:]
    return " ".join(toks)


@lru_cache(maxsize=1 << 16)
def similarity(surface: str, form: str) -> float:
    """How closely the written words match a gazetteer form, 0..1 (1 = same spelling)."""
    if surface == form:
        return 1.0
    a, b = strip_articles(surface), strip_articles(form)
    if a == b:
        return 0.97
    return max(fuzz.ratio(surface, form), fuzz.ratio(a, b)) / 100.0


def inside(place: Place, container: Place) -> bool:
    """Does ``place`` lie in ``container`` (a country, admin1, admin2 or alias area)?"""
    if place.id == container.id or place.country != container.country:
        return False
    if container.kind == "country":
        return True
    if container.kind == "admin1":
        return place.admin1_code == container.admin1_code
    if container.kind == "admin2":
        return place.admin2_code == container.admin2_code
    if container.kind == "area":
        if container.admin1_code:
            return place.admin1_code == container.admin1_code
        return True
    if container.kind == "place" and place.kind == "place":
        return _km(place, container.lat, container.lon) < 30
    return False


def _km(p: Place, lat: float | None, lon: float | None) -> float:
    if p.lat is None or p.lon is None or lat is None or lon is None:
        return math.inf
    dlat = math.radians(p.lat - lat)
    dlon = math.radians(p.lon - lon) * math.cos(math.radians((p.lat + lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def _nearest_km(lat: float, lon: float | None, anchors: tuple[tuple[float, float], ...]) -> float:
    """Distance to the nearest anchor (equirectangular: exact enough below a few hundred km)."""
    if lon is None:
        return math.inf
    best = math.inf
    rlat = math.radians(lat)
    for alat, alon in anchors[:8]:
        dlat = rlat - math.radians(alat)
        dlon = math.radians(lon - alon) * math.cos((rlat + math.radians(alat)) / 2)
        d = dlat * dlat + dlon * dlon
        if d < best:
            best = d
    return 6371.0 * math.sqrt(best)


@lru_cache(maxsize=4096)
def _folded(name: str) -> str:
    return fold(name)


def _same_region(place: Place, admin1: str) -> bool:
    want = _folded(admin1)
    return bool(place.admin1 and _folded(place.admin1) == want) or (place.admin1_code or "").lower() == want


def score(place: Place, surface: str, hints: Hints) -> float:
    """Plausibility of ``place`` for the words ``surface`` (folded) under ``hints``; higher is better."""
    s = place.tier / 100.0
    region = place.kind in REGION_KINDS
    if hints.kind in ("region", "admin2"):
        s += 0.45 if region else (0.2 if place.kind == "country" else -0.25)
        if hints.kind == "admin2" and place.kind == "admin2":
            s += 0.1
    elif hints.kind == "settlement":
        s += 0.25 if place.kind == "place" else -0.3
    elif hints.kind == "country":
        s += 0.3 if place.kind == "country" else 0.0
    elif hints.heading:
        s += 0.3 if region else 0.0
    elif place.kind == "place":
        s += 0.15  # running text names towns more often than the province they head
    elif place.kind == "country":
        s += 0.5  # "Panama", "Colombia": the country, not a village named after it
    if place.main:
        s += 0.1
    if hints.country:
        s += 0.6 if place.country == hints.country else -0.1
    if hints.admin1 and _same_region(place, hints.admin1):
        s += 0.3
    if place.country in hints.text_countries:
        s += 0.35
    if hints.anchors and place.lat is not None and (place.country in hints.text_countries or place.country == hints.country):
        near = _nearest_km(place.lat, place.lon, hints.anchors)
        if near < 150:
            s += 0.25
        elif near < 400:
            s += 0.1
    if hints.container is not None:
        s += 1.0 if inside(place, hints.container) else -0.6
    sim = similarity(surface, place.form)
    s += (sim - 1.0) * 3.0  # 0.9 similarity costs as much as a 10x smaller population
    return s


@dataclass(frozen=True)
class Choice:
    place: Place
    score: float
    margin: float  # over the best candidate in another country/region (confidence)
    similarity: float


def viable(candidates: Sequence[Place], surface: str, hints: Hints) -> tuple[Place, ...]:
    """The candidates the written form and the context allow at all."""
    out = []
    for p in candidates:
        if similarity(surface, p.form) < hints.min_similarity:
            continue
        if not p.main and p.tier < hints.alt_min_tier:
            continue
        if hints.country and p.country != hints.country and (p.tier < hints.foreign_min_tier
                                                             or not (p.main or hints.foreign_alternates)):
            continue
        out.append(p)
    return tuple(out)


def choose(candidates: Sequence[Place], surface: str, hints: Hints, prefiltered: bool = False) -> Choice | None:
    """The best candidate whose spelling is close enough, or None."""
    pool = candidates if prefiltered else viable(candidates, surface, hints)
    if not pool:
        return None
    if len(pool) == 1:
        p = pool[0]
        return Choice(p, score(p, surface, hints), 1.0, similarity(surface, p.form))
    best: tuple[float, Place] | None = None
    second = -math.inf
    for p in pool:
        sc = score(p, surface, hints)
        if best is None or sc > best[0]:
            if best is not None and not _same_entity_family(best[1], p):
                second = max(second, best[0])
            best = (sc, p)
        elif not _same_entity_family(best[1], p):
            second = max(second, sc)
    assert best is not None
    margin = best[0] - second if second > -math.inf else 1.0
    chosen = best[1]
    if chosen.kind in ("admin1", "admin2") and hints.kind is None and not hints.heading:
        twin = _namesake_town(chosen, pool, surface)
        if twin is not None:  # "in Diffa", "in Mopti": the town, not the region it gives its name to
            return Choice(twin, best[0], margin, similarity(surface, twin.form))
    return Choice(chosen, best[0], margin, similarity(surface, chosen.form))


def _namesake_town(region: Place, pool: Sequence[Place], surface: str) -> Place | None:
    """The populated place of the same name inside ``region`` (its capital, usually), if any."""
    code = region.admin1_code if region.kind == "admin1" else region.admin2_code
    sim = similarity(surface, region.form)
    best: Place | None = None
    for p in pool:
        if p.kind != "place" or p.country != region.country:
            continue
        inside_code = p.admin1_code if region.kind == "admin1" else p.admin2_code
        if inside_code != code and not (region.kind == "admin2" and p.admin1_code == region.admin1_code):
            continue
        if similarity(surface, p.form) < sim - 0.05:
            continue
        if best is None or p.population > best.population:
            best = p
    return best


def _same_entity_family(a: Place, b: Place) -> bool:
    """A city and the province or district it heads are not rivals for confidence."""
    return a.country == b.country and (a.admin1_code == b.admin1_code or a.id == b.id)
