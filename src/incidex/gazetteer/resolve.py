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
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from incidex.gazetteer.index import Place
from incidex.gazetteer.normalize import ARTICLES, fold, token_key

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
    #: ... and outside ``country`` and its ``neighbours``, at least this big: a report names the
    #: towns across its borders more often than small towns further away
    far_foreign_min_tier: int = 0
    #: the countries beside ``country`` (GeoNames neighbours)
    neighbours: frozenset[str] = frozenset()
    foreign_alternates: bool = True  # outside ``country``, GeoNames alternate names count too
    #: a "near"-type or strong cue stands before the name: a town of a neighbour spelt exactly as
    #: GeoNames spells it is admitted below ``foreign_min_tier`` when ``country`` has no populated
    #: place of that name ("near the town of Bosso" in a Nigerian report)
    near_cue: bool = False


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
    ratio = max(fuzz.ratio(surface, form), fuzz.ratio(a, b)) / 100.0
    if 0.9 <= ratio < 0.95 and _keys(a) == _keys(b):
        return 0.95  # a transliteration of the same name: "al-Rutba" / "Ar Rutbah", "Maimana" / "Maymana"
    return ratio


def _keys(words: str) -> tuple[str, ...]:
    return tuple(token_key(t) for t in words.split())


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


def nearest_km(lat: float | None, lon: float | None, anchors: tuple[tuple[float, float], ...]) -> float:
    """Distance to the nearest anchor (equirectangular: exact enough below a few hundred km)."""
    if lat is None or lon is None:
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


@lru_cache(maxsize=1 << 14)
def variant(form: str, name: str) -> bool:
    """Is the alternate ``form`` a spelling of the entity's own ``name`` ("Derna" of Darnah, "Abu
    Kamal" of Albu Kamal) rather than another name ("Mora" of Bilimora, "Colonia" of Koln)?"""
    own = _folded(name)
    return form == own or fuzz.ratio(form, own) >= 70 or fuzz.ratio(strip_articles(form), strip_articles(own)) >= 70


@lru_cache(maxsize=4096)
def _folded(name: str) -> str:
    return fold(name)


def _same_region(place: Place, admin1: str) -> bool:
    want = _folded(admin1)
    return bool(place.admin1 and _folded(place.admin1) == want) or (place.admin1_code or "").lower() == want


def score(place: Place, surface: str, hints: Hints) -> float:
    """Plausibility of ``place`` for the words ``surface`` (folded) under ``hints``; higher is better.

    The country in force is worth a lot (+0.6, as much as a population 10^6 times larger) but
    only in full for an entity of the kind the words ask for: after "the town of", a district of
    the country in force does not outweigh a town of that name across the border."""
    s = place.tier / 100.0
    region = place.kind in REGION_KINDS
    fits = True
    if hints.kind in ("region", "admin2"):
        if region:
            s += 0.45 + (0.1 if hints.kind == "admin2" and place.kind == "admin2" else 0.0)
        elif place.kind == "country":
            s += 0.2
        else:
            s -= 0.25
            fits = False
    elif hints.kind == "settlement":
        if place.kind == "place":
            s += 0.25
        else:
            s -= 0.3
            fits = False
    elif hints.kind == "country":
        if place.kind == "country":
            s += 0.3
        else:
            fits = False  # "the army of Niger": the country, not the Nigerian state
    elif hints.heading:
        s += 0.3 if region else 0.0
    elif place.kind == "place":
        s += 0.15  # running text names towns more often than the province they head
    elif place.kind == "country":
        s += 0.5  # "Panama", "Colombia": the country, not a village named after it
    if place.main or (place.kind != "country" and variant(place.form, place.name)):
        s += 0.25  # a place's own name (or a spelling of it) beats another place's alternate: "Mora" is not Bilimora
    elif place.kind == "country":
        s -= 0.7  # a country's historic or foreign name that is also a town's ("Palpa", "Salvador")
    if hints.country:
        if place.country == hints.country:
            s += 0.6 if fits else 0.2
        else:
            s -= 0.1
    if hints.admin1 and _same_region(place, hints.admin1):
        s += 0.3
    if place.country in hints.text_countries:
        s += 0.35
    if hints.anchors and place.lat is not None and (place.country in hints.text_countries or place.country == hints.country):
        near = nearest_km(place.lat, place.lon, hints.anchors)
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


#: Beyond the neighbouring countries the spelling must match: a near spelling of a distant town
#: is mostly a local name or a person's. Across a border a transliteration variant still counts
#: ("Jallalabad" in a Pakistani report is Jalalabad, Afghanistan).
FOREIGN_MIN_SIMILARITY = 0.97


#: Below this tier (some 3,000 people) a place reached only by an alternate name yields to an
#: entity whose own name is the written one.
ALTERNATE_HAMLET_TIER = 35


def viable(candidates: Sequence[Place], surface: str, hints: Hints) -> tuple[Place, ...]:
    """The candidates the written form and the context allow at all.

    With a country in force, a place abroad must be big (``foreign_min_tier``), except a town
    just across a border (``near``) written exactly as its own name, and only when the country
    in force has no populated place of that name: "Bosso" in a Nigerian report is Bosso, Niger."""
    out = []
    borderline = []
    home_town = False
    for p in candidates:
        sim = similarity(surface, p.form)
        if sim < hints.min_similarity:
            continue
        if not p.main and p.tier < hints.alt_min_tier:
            continue
        if hints.country and p.country != hints.country:
            if not (p.main or hints.foreign_alternates):
                continue
            if sim < FOREIGN_MIN_SIMILARITY and p.country not in hints.neighbours:
                continue  # "BUCHI'S electoral managers" in a Chilean report is not Bauchi, Nigeria
            if p.tier < hints.foreign_min_tier or (p.tier < hints.far_foreign_min_tier and p.country not in hints.neighbours):
                if hints.near_cue and p.main and p.kind == "place" and p.country in hints.neighbours and sim >= 0.97:
                    borderline.append(p)
                continue
        elif hints.country and p.kind == "place":
            home_town = True
        out.append(p)
    if borderline and not home_town:
        out.extend(borderline)
    named = {p.country for p in out if p.main and p.form == surface} if len(out) > 1 else set()
    if named:
        # a hamlet abroad found by an alternate spelling gives way to an entity of that very name:
        # "near Bagram" is the Afghan district, not Bahram, Iran ("Bagram" among its alternates);
        # in the same country both stay ("Qarabagh" the Kabul district and Qarah Bagh in Ghazni)
        out = [p for p in out if p.main or p.tier >= ALTERNATE_HAMLET_TIER or p.country in named]
    return tuple(out)


def choose(candidates: Sequence[Place], surface: str, hints: Hints, prefiltered: bool = False) -> Choice | None:
    """The best candidate whose spelling is close enough, or None."""
    pool = candidates if prefiltered else viable(candidates, surface, hints)
    if not pool:
        return None
    if hints.country and len(pool) > 1 and _famous_abroad(pool, surface, hints.country):
        hints = replace(hints, country=None, admin1=None)
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


#: How much bigger (in tiers: 10 = ten times the population) a namesake abroad must be than every
#: namesake in the country in force to outweigh it: "San Salvador" in a report filed in Mexico City
#: is the Salvadoran capital, not the Mexican municipality; Tripoli in Lebanon stays Lebanese.
FAMOUS_MARGIN = 15


def _famous_abroad(pool: Sequence[Place], surface: str, country: str) -> bool:
    """Is there a far bigger namesake abroad, and no town of that very name in ``country`` but
    hamlets ("San Salvador" in Mexico is a municipality and a hamlet; Berlin in El Salvador is a
    town of 11,000, and stays)?"""
    home = max((p.tier for p in pool if p.country == country), default=None)
    if home is None:
        return False
    far = max((p.tier for p in pool if p.country != country and p.main and p.kind in ("place", "country")
               and similarity(surface, p.form) >= 0.97), default=None)
    if far is None or far - home < FAMOUS_MARGIN:
        return False
    town = max((p.tier for p in pool if p.country == country and p.kind == "place" and p.main), default=None)
    return town is None or far - town >= 2 * FAMOUS_MARGIN  # a town of its own, unless a mere hamlet


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
