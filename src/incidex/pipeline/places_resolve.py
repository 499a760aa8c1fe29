"""Resolve the names the recogniser accepted: which GeoNames entity each one means here.

Two passes. First each name alone, with the context in force (the country and admin1 of the
document, heading or previous sentence, and its coordinates); then again knowing the countries
and coordinates the other names of the same text resolved to and the containers written beside
them ("X, Y province", "Y's X"). The first pass is cached per (name, hints): the same names
come back sentence after sentence. Scoring itself lives in :mod:`incidex.gazetteer.resolve`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from incidex.gazetteer.index import Gazetteer, Place
from incidex.gazetteer.resolve import REGION_KINDS, Choice, Hints, choose, inside, nearest_km, viable
from incidex.pipeline.mentions import replaced
from incidex.pipeline.places_doc import Cand, Doc
from incidex.pipeline.places_vocab import CUE_NEAR, CUE_STRONG, CUE_WEAK, CONTAINER_GAP, POSSESSIVE_GAP, vocab

#: An alternate GeoNames name of a place smaller than this tier (a million people) counts only
#: near the other places of the text: "Boni" beside Douentza is not Bonn.
ALTERNATE_FAR_TIER = 60
ALTERNATE_FAR_KM = 800.0
_COMMA_OR_PAREN = re.compile(r"\s*[,(]\s*")


def _min_similarity(c: Cand) -> float:
    """How far the written form may stray from a gazetteer spelling: further under a strong cue."""
    if c.exact:
        return 0.99
    if len(c.surface.replace(" ", "")) <= 4:
        return 0.99 if c.cue < CUE_STRONG else 0.85
    if c.cue == CUE_STRONG or c.heading:
        return 0.75
    return 0.8 if c.cue >= CUE_WEAK else 0.85


def base_hints(doc: Doc, c: Cand, gaz: Gazetteer) -> Hints:
    """What the context in force and the name's own cues say, before the other names are known."""
    country = doc.country
    return Hints(kind=c.hint, heading=c.heading, country=country, admin1=doc.admin1,
                 anchors=(doc.anchor,) if doc.anchor is not None else (),
                 min_similarity=_min_similarity(c),
                 alt_min_tier=55 if not doc.mixed and not c.heading and c.cue < CUE_STRONG else 0,
                 # abroad, a town of some 100,000 people (tier 50) at least, and beyond the
                 # neighbouring countries some 300,000 (tier 55): smaller namesakes far away are
                 # mostly local places the gazetteer lacks (Coronel, Chile in a Salvadoran report)
                 foreign_min_tier=50 if country else 0, foreign_alternates=country is None,
                 far_foreign_min_tier=55 if country else 0,
                 neighbours=gaz.neighbours(country) if country else frozenset(), near_cue=c.cue >= CUE_NEAR)


@lru_cache(maxsize=1 << 14)
def _first_choice(gaz: Gazetteer, h: int, surface: str, hints: Hints) -> tuple[tuple[Place, ...], Choice | None]:
    """The candidates a name may mean under ``hints`` and the best of them (cached: names repeat)."""
    pool = viable(gaz.by_hash(h), surface, hints)
    return pool, choose(pool, surface, hints, prefiltered=True)


def resolve(doc: Doc, gaz: Gazetteer) -> None:
    """Set ``choice`` on every candidate of ``doc`` (None when nothing fits)."""
    cands = doc.cands
    if not cands:
        return
    base = [base_hints(doc, c, gaz) for c in cands]
    pools: list[tuple[Place, ...]] = []
    for c, hints in zip(cands, base):
        pool, c.choice = _first_choice(gaz, c.hash, c.surface, hints)
        pools.append(pool)
    for k in range(1, len(cands)):  # "Jolo, Sulu": the name after a town and a comma is its region
        a, b = cands[k - 1], cands[k]
        if a.choice is not None and a.choice.place.kind == "place" and b.hint is None \
                and _COMMA_OR_PAREN.fullmatch(doc.text, a.end, b.start) \
                and any(p.kind in REGION_KINDS for p in pools[k]) \
                and not (_in_a_list(doc, cands, k) and not any(p.kind in REGION_KINDS and inside(a.choice.place, p)
                                                                for p in pools[k])):
            # ... unless the names go on as a list and the town is not in that region:
            # "Vina del Mar, Talca, and Temuco" are three towns
            base[k] = replaced(base[k], kind="region")
            b.choice = choose(pools[k], b.surface, base[k], prefiltered=True)
    link_containers(doc)
    if len(cands) == 1 and cands[0].container is None:
        _parts_of_towns(doc, pools)
        return
    confident: dict[int, str] = {}
    points: list[tuple[int, float, float, str]] = []
    for k, c in enumerate(cands):
        ch = c.choice
        if ch is None:
            continue
        p = ch.place
        if p.kind == "country" or ch.margin >= 0.3 or p.tier >= 60:
            confident[k] = p.country or ""
        if p.lat is not None and p.lon is not None and ch.margin >= 0.3 and len(points) < 8:
            points.append((k, p.lat, p.lon, p.kind))
    for k, (c, hints, pool) in enumerate(zip(cands, base, pools)):
        others = tuple((lat, lon) for j, lat, lon, _ in points if j != k)
        countries = frozenset(cc for j, cc in confident.items() if j != k and cc)  # a name is no evidence for itself
        if len(pool) >= 2:
            container = cands[c.container].choice.place if c.container is not None and cands[c.container].choice else None
            own = c.choice.place.country if c.choice is not None else None
            if others or container is not None or (countries - {own}):
                c.choice = choose(pool, c.surface, replaced(hints, text_countries=countries,
                                                           anchors=hints.anchors + others, container=container),
                                  prefiltered=True)
        local = tuple((lat, lon) for j, lat, lon, kind in points if j != k and kind != "country")
        _drop_far_alternate(c, pool, hints.anchors + local, countries, doc)
    _fit_distance_appositions(doc, pools)
    _parts_of_towns(doc, pools)


def names_a_quarter(doc: Doc, c: Cand) -> bool:
    """Is the name followed by a quarter word ("San Miguelito neighborhood", "the Hamra quarter")?"""
    nxt = c.i + c.n
    return nxt < doc.count and doc.toks.brk[nxt - 1] == doc.toks.brk[nxt] and doc.toks.words[nxt] in vocab().quarters


def _parts_of_towns(doc: Doc, pools: list[tuple[Place, ...]]) -> None:
    """A name with a type word after it is a part of the country: "San Miguelito neighborhood"
    in a Salvadoran report is a quarter the gazetteer lacks, not the Panamanian city (the name
    is left unresolved and kept as a sublocation), and "the Villa El Salvador district" is no
    country (a region of that name, if any, is taken instead) where a short name of the country
    is read; "in Philippines province" keeps its country."""
    toks = doc.toks
    v = vocab()
    for k, c in enumerate(doc.cands):
        nxt = c.i + c.n
        if c.choice is None or nxt >= doc.count or not (toks.brk[nxt - 1] == toks.brk[nxt]):
            continue
        word, place = toks.words[nxt], c.choice.place
        if names_a_quarter(doc, c) and doc.country and place.country != doc.country and place.kind != "country":
            c.choice = None
        elif place.kind == "country" and not place.main and (word in v.quarters or word in v.region1 or word in v.region2):
            rest = tuple(p for p in pools[k] if p.kind != "country" and (doc.country is None or p.country == doc.country))
            hints = Hints(kind="region", country=doc.country, admin1=doc.admin1)
            c.choice = choose(rest, c.surface, hints, prefiltered=True) if rest else None


#: "X, 60 km south of Y": X lies within the distance written (or, with a direction alone, this
#: far) of Y, give or take half of it and the size of a town.
DIRECTION_ONLY_KM = 60.0


def _fit_distance_appositions(doc: Doc, pools: list[tuple[Place, ...]]) -> None:
    """"Campina, 60 km south of Ayacucho": the distance phrase says where Campina is, so a
    namesake on another continent is the wrong one. The namesake within reach of Y is taken;
    failing one, the name is left unresolved (the gazetteer lacks the village) and Y stands,
    near (precision 2), with the village's name as its sublocation."""
    cands = doc.cands
    for k in range(len(cands) - 1):
        a, b = cands[k], cands[k + 1]
        if a.choice is None or b.choice is None or a.choice.place.kind != "place" or b.cue != CUE_NEAR \
                or b.precision != 2 or b.start >= doc.toks.starts[b.i] \
                or not _COMMA_OR_PAREN.match(doc.text, a.end) or b.choice.place.lat is None:
            continue
        anchor = ((b.choice.place.lat, b.choice.place.lon),)
        reach = 1.5 * (b.distance_km or DIRECTION_ONLY_KM) + 30.0
        if nearest_km(a.choice.place.lat, a.choice.place.lon, anchor) <= reach:
            continue
        near = [p for p in pools[k] if p.kind == "place" and nearest_km(p.lat, p.lon, anchor) <= reach]
        if near:
            best = max(near, key=lambda p: p.population)
            a.choice = Choice(best, a.choice.score, a.choice.margin, a.choice.similarity)
        else:
            a.choice = None


#: Without case, one or two more name words after a match, then a comma before a region:
#: the name runs on ("SAN FRANCISCO JAVIER, USULUTAN DEPARTMENT").
_NAME_RUNS_ON = re.compile(r"(\s+[A-Z][A-Z'-]+(?:\s+[A-Z][A-Z'-]+)?)\s*,\s*")


_LIST_AND = re.compile(r"\s*,?\s*and\s+", re.IGNORECASE)


def _in_a_list(doc: Doc, cands: list[Cand], k: int) -> bool:
    """Does the name at ``k`` go on to another name with "and" ("Talca, and Temuco")?"""
    return k + 1 < len(cands) and bool(_LIST_AND.fullmatch(doc.text, cands[k].end, cands[k + 1].start))


def _drop_far_alternate(c: Cand, pool: tuple[Place, ...], anchors: tuple[tuple[float, float], ...],
                        countries: frozenset[str], doc: Doc) -> None:
    """A town found by another town's alternate name, far from every other place of the text and
    outside its countries, is a misreading: leave the name unresolved ("Boni" beside Douentza is
    not Bonn). A town standing for its own region ("Sulu" for Jolo) is not."""
    ch = c.choice
    if ch is None or ch.place.main or ch.place.kind != "place" or ch.place.tier >= ALTERNATE_FAR_TIER or not anchors:
        return
    p = ch.place
    if p.country == doc.country or p.country in countries:
        return
    if any(o.main and o.country == p.country and o.admin1_code == p.admin1_code for o in pool):
        return
    if nearest_km(p.lat, p.lon, anchors) > ALTERNATE_FAR_KM:
        c.choice = None


def link_containers(doc: Doc) -> None:
    """"X, Y province", "X in Y", "the X district of Y": Y contains X. "Y's X": Y contains X."""
    cands = doc.cands
    text = doc.text
    for k in range(len(cands) - 1):
        a, b = cands[k], cands[k + 1]
        if b.choice is None or a.choice is None:
            continue
        if POSSESSIVE_GAP.fullmatch(text, a.end, b.start):  # "Pakistan's Orakzai", "Baghdad's Karrada district"
            b.container = k
            continue
        run_on = None
        if not CONTAINER_GAP.fullmatch(text, a.end, b.start):
            run_on = _NAME_RUNS_ON.fullmatch(text, a.end, b.start) if not doc.mixed else None
            if run_on is None:
                continue
        pa, pb = a.choice.place, b.choice.place
        if run_on is not None:
            # "SAN FRANCISCO JAVIER, USULUTAN DEPARTMENT": the name goes on past the match; a town
            # of the matched name outside the region written after it is not this place, which
            # stays a sublocation of that region
            if pb.kind in REGION_KINDS and pa.kind == "place" and not inside(pa, pb) and b.hint in ("region", "admin2"):
                a.end = a.end + run_on.end(1) - run_on.start()
                a.container = k + 1
            continue
        if pb.kind in REGION_KINDS or pb.kind == "country":
            if pa.kind == "place" or (pa.kind in REGION_KINDS and pb.kind == "country"):
                if a.i + a.n - 1 < b.i and b.start >= a.end:
                    a.container = k + 1

