"""From resolved candidates to :class:`PlaceMention`: spans, containers and sublocations.

A mention's span covers the words that support it (the distance phrase, the type word, the
container written beside the name, the road). ``sublocation`` holds a *named* place inside the
town the gazetteer lacks, as written: a quarter ("Bilal; Nour; Salam"), a named market
("Jamila market"), a road phrase. A bare facility noun ("a checkpoint in Kunar", "Kabul
airport", "the central market") says what was hit, not where: it is left to the target
fields, and area words after a name go ("the Hodan district" -> "Hodan").
"""

from __future__ import annotations

import re
from dataclasses import replace

from incidex.gazetteer.index import Place, load
from incidex.gazetteer.match import CASE_LOWER
from incidex.gazetteer.resolve import inside
from incidex.pipeline.mentions import PlaceMention
from incidex.pipeline.places_doc import Cand, Doc, acronym
from incidex.pipeline.places_resolve import names_a_quarter
from incidex.pipeline.places_roads import Sub, appositions, road_phrases
from incidex.pipeline.places_vocab import (
    CUE_NEAR, CUE_STRONG, DETERMINERS, DIRECTION, ENG, FUNC, ORGWORD, PARTICLE, REGION1, REGION2, TOWN_ANAPHOR, WEAK,
    subloc_noun, vocab, word_class,
)

_POSSESSIVE = re.compile(r"['\u2019]s\s")
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def mention(doc: Doc, c: Cand | None, start: int, end: int, place: Place | None, sublocation: str | None = None,
            precision: int | None = None, kind: str | None = None) -> PlaceMention:
    text = doc.text[start:end]
    if place is None:
        return PlaceMention(start=start, end=end, text=text, country=doc.country, admin1=doc.admin1,
                            sublocation=sublocation, kind="sublocation", score=0.3)
    pkind = place.kind
    prec = precision if precision is not None and pkind == "place" else place.precision
    score = 0.5
    if c is not None and c.choice is not None:
        ch = c.choice
        score = round(min(1.0, 0.35 + 0.3 * ch.similarity + 0.08 * c.cue + 0.15 * min(max(ch.margin, 0.0), 1.0)), 3)
    return PlaceMention(
        start=start, end=end, text=text, country=place.country,
        admin1=place.admin1 if pkind != "country" else None,
        admin2=place.admin2 if pkind in ("place", "admin2") else None,
        location=place.name if pkind == "place" else None,
        sublocation=sublocation, latitude=place.lat, longitude=place.lon,
        geonames_id=place.geonames_id, geo_precision=prec,
        kind=kind or ("place" if pkind == "place" else "country" if pkind == "country"  # type: ignore[arg-type]
                      else "region"),
        score=score, distance_km=c.distance_km if c is not None and prec == 2 else None,
    )


def compose(doc: Doc) -> list[PlaceMention]:
    cands = doc.cands
    if not cands:
        return []
    text = doc.text
    owned: dict[int, Sub | None] = {}  # "Baghdad's Karrada district": Baghdad owns that sublocation
    for k, c in enumerate(cands):
        if c.container is None or c.container >= k or c.choice is None:
            continue
        y = cands[c.container]
        if y.choice is None:
            continue
        if inside(c.choice.place, y.choice.place):
            y.absorbed = True
            c.start = min(c.start, y.start)
        elif y.choice.place.kind == "place" and c.cue == CUE_STRONG:
            c.absorbed = True
            name = clean_sublocation(doc, c.start, c.end)
            owned[c.container] = (name, c.start, c.end) if name else (None, c.start, c.end)  # type: ignore[assignment]
    _city_districts(doc, owned)
    roads = road_phrases(doc)
    appositions(doc)
    out: list[PlaceMention] = []
    made: list[tuple[Cand, PlaceMention]] = []
    quarters: list[PlaceMention] = []
    for k, c in enumerate(cands):
        if c.choice is None and not c.absorbed and names_a_quarter(doc, c):
            # "San Miguelito neighborhood" in a Salvadoran report: a quarter the gazetteer lacks
            name = clean_sublocation(doc, c.start, c.end)
            if name:
                quarters.append(mention(doc, None, c.start, c.end, None, sublocation=name))
            continue
        if c.absorbed or c.choice is None:
            continue
        place = c.choice.place
        start, end = c.start, c.end
        precision = c.precision
        sub = roads.get(k) or owned.get(k) or _sublocation_before(doc, c) or _sublocation_after(doc, c)
        if sub is not None:
            s_start, s_end = sub[1], sub[2]
            start, end = min(start, s_start), max(end, s_end)
            if place.kind == "place" and precision is None:
                precision = 1  # "the Masaeed area of Arish": in Arish
        # container written beside the name: fold both into one mention
        if c.container is not None and c.container > k and cands[c.container].choice is not None:
            other = cands[c.container]
            other.absorbed = True
            if not inside(place, other.choice.place):  # a village the gazetteer lacks, in that region
                sub = (text[start:end], start, end)
                c = other
                place = other.choice.place
                precision = 2 if place.kind == "place" else None
            end = max(end, other.end)
            if text[end:end + 1] == ")" and "(" in text[c.end if c is not other else start:other.start]:
                end += 1  # "Saraqib (Idlib)"
        m = mention(doc, c, start, end, place, sublocation=sub[0] if sub else None, precision=precision)
        out.append(m)
        made.append((c, m))
    if not out:
        return quarters
    out = _same_place_twice(doc, made) + quarters
    if len(out) < 2:
        return out
    # a name inside another mention's words (a sublocation's own name) is not a place of its own
    kept: list[PlaceMention] = []
    for m in sorted(out, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start >= kept[-1].start and m.end <= kept[-1].end:
            continue
        kept.append(m)
    return kept


def _city_districts(doc: Doc, owned: dict[int, Sub | None]) -> None:
    """"the Mansoura district of Aden" and "the Baghdad district of Sadr City": a district named
    as part of a city is a sublocation of that city, whichever way round the words put them (the
    city is the bigger of the two)."""
    cands = doc.cands
    for k in range(len(cands) - 1):
        a, b = cands[k], cands[k + 1]
        if a.choice is None or b.choice is None or a.absorbed or k + 1 in owned or k in owned:
            continue
        pa, pb = a.choice.place, b.choice.place
        typed = a.hint in ("admin2", "region") or doc.cls[a.i + a.n - 1] & (REGION1 | REGION2)  # "the Hodan District of"
        if not typed or pb.kind != "place" or pa.admin1_code != pb.admin1_code:
            continue
        if not _OF_GAP.fullmatch(doc.text, a.end, b.start):
            continue
        city = pa if pa.kind == "place" else _namesake_town(a, pa)
        if city is not None and city.population > pb.population and city.id != pb.id:
            b.absorbed = True  # "the Baghdad district of Sadr City": Baghdad, in Sadr City
            a.choice = replace(a.choice, place=city)
            a.end = b.end
            owned[k] = (doc.text[b.start:b.end], a.start, b.end)
            continue
        if pa.kind == "place":
            continue
        name = clean_sublocation(doc, a.start, a.end)
        if name:  # "the Mansoura district of Aden": Aden, in Mansoura
            a.absorbed = True
            b.start = a.start
            owned[k + 1] = (name, a.start, a.end)


def _namesake_town(c: Cand, region: Place) -> Place | None:
    """The town a region is named after (the largest place of that name inside it)."""
    towns = [p for p in load().by_hash(c.hash) if p.kind == "place" and p.admin1_code == region.admin1_code
             and p.country == region.country]
    return max(towns, key=lambda p: p.population) if towns else None


def _same_place_twice(doc: Doc, made: list[tuple[Cand, PlaceMention]]) -> list[PlaceMention]:
    """One place named twice in a sentence says one thing: "Ghat: ... 40 km N of Ghat" and
    "Fada N'Gourma – ... 30 km E of Fada N'Gourma" are near it (precision 2), and a road or a
    quarter written at one mention belongs to the other. "Gorom-Gorom – ... 25 km W of town"
    refers back the same way."""
    out = [m for _, m in made]
    text = doc.text
    near_town = TOWN_ANAPHOR.search(text) if ("own" in text or "OWN" in text or "ity" in text or "ITY" in text
                                               or "illage" in text or "ILLAGE" in text) else None
    by_id: dict[int, list[int]] = {}
    for idx, m in enumerate(out):
        if m.geonames_id is not None and m.kind == "place":
            by_id.setdefault(m.geonames_id, []).append(idx)
    for idx_list in by_id.values():
        if len(idx_list) < 2:
            continue
        cands = [made[i][0] for i in idx_list]
        distance = any(c.precision == 2 and c.start < doc.toks.starts[c.i] for c in cands)
        sub = next((out[i].sublocation for i in idx_list if out[i].sublocation), None)
        for i in idx_list:
            m = out[i]
            prec = 2 if distance and m.geo_precision == 1 else m.geo_precision
            out[i] = replace(m, geo_precision=prec, sublocation=m.sublocation or sub)
    if near_town is not None:
        before = [i for i, m in enumerate(out) if m.kind == "place" and m.end <= near_town.start() and m.geo_precision == 1]
        if before:
            out[before[-1]] = replace(out[before[-1]], geo_precision=2)
    return out


# --- sublocations ---------------------------------------------------------------------------------
def clean_sublocation(doc: Doc, start: int, end: int) -> str | None:
    """The name in a sublocation phrase: "the Hodan district" -> "Hodan", "Jamila market" stays;
    None when the words name nothing ("checkpoint", "central market", "GEND post")."""
    v = vocab()
    toks = doc.toks
    idx = [k for k in range(doc.count) if toks.starts[k] >= start and toks.ends[k] <= end]
    while idx and toks.words[idx[0]] in DETERMINERS:
        idx = idx[1:]
    if not idx:
        return None
    if all(_generic(doc, k) for k in idx):
        return None
    while len(idx) > 1 and toks.words[idx[-1]] in v.area_nouns:
        idx = idx[:-1]
    return doc.text[toks.starts[idx[0]]:toks.ends[idx[-1]]]


def _generic(doc: Doc, k: int) -> bool:
    """A word that describes rather than names: a facility or area noun, a direction, a common
    English word, a number, an acronym in mixed case ("the central market", "GEND post")."""
    w = doc.toks.words[k]
    if subloc_noun(w) or w in vocab().area_nouns or w.isdigit():
        return True
    c = doc.cls[k]
    if c & (DIRECTION | ENG | FUNC | ORGWORD):
        return True
    return doc.mixed and (doc.toks.cases[k] == CASE_LOWER or acronym(doc.toks.surface(k)))


def _covered_by_region(doc: Doc, c: Cand, lo: int, hi: int) -> bool:
    """Tokens lo..hi are a resolved region of their own ("the Surkh Rod district of Nangarhar")."""
    return any(o is not c and o.choice is not None and o.choice.place.kind in ("admin1", "admin2", "area")
               and o.i <= hi and lo <= o.i + o.n - 1 for o in doc.cands)


def _sublocation_before(doc: Doc, c: Cand) -> Sub | None:
    """"the Bilal market of Mora", "in the Nour and Salam quarters of Mora"."""
    toks = doc.toks
    words = toks.words
    v = vocab()
    i = c.i
    if c.cue == CUE_NEAR:
        return None
    j = i - 1
    if j >= 0 and words[j] == "the":
        j -= 1
    # skip "the town of" between the noun and the name
    if j >= 1 and words[j] == "of" and words[j - 1] in v.settlement | v.region1 | v.region2:
        k = j - 1
        while k >= 0 and words[k] == "the":
            k -= 1
        if k >= 0 and words[k] in ("of", "in", "at", "near"):
            j = k
    if j < 1 or words[j] not in ("of", "in", "at") or not (toks.brk[j] == toks.brk[i]):
        return None
    noun = j - 1
    if not subloc_noun(words[noun]) or not (toks.brk[noun] == toks.brk[j]):
        return None
    names: list[tuple[int, int]] = []
    k = noun - 1
    group: list[int] = []
    while k >= 0 and noun - k <= 8:
        w = words[k]
        if w in DETERMINERS or word_class(w) & (FUNC | WEAK) and w != "and":
            break
        if (w.endswith(("ly", "ing", "ed")) and (not doc.mixed or toks.cases[k] == CASE_LOWER)) or w.isdigit() \
                or len(group) >= 3:
            break  # "densely populated areas": a description, not a name
        if doc.mixed and toks.cases[k] == CASE_LOWER and w != "and" and not word_class(w) & (ENG | PARTICLE):
            break
        if w == "and" or not (toks.brk[k] == toks.brk[k + 1]):
            if group:
                names.append((group[-1], group[0]))
                group = []
            if w == "and":
                k -= 1
                continue
        group.append(k)
        k -= 1
    if group:
        names.append((group[-1], group[0]))
    names = [(a, b) for a, b in names if not all(_generic(doc, t) for t in range(a, b + 1))]
    if not names or any(_covered_by_region(doc, c, a, b) for a, b in names):
        return None
    plural = words[noun].endswith("s") and len(names) > 1
    if plural:
        parts = [doc.text[toks.starts[a]:toks.ends[b]] for a, b in reversed(names)]
        return "; ".join(parts), toks.starts[names[-1][0]], toks.ends[noun]
    a, b = names[0]
    if not (toks.brk[b] == toks.brk[noun]):
        return None
    s = toks.starts[a]
    name = clean_sublocation(doc, s, toks.ends[noun])
    return (name, s, toks.ends[noun]) if name else None


def _sublocation_after(doc: Doc, c: Cand) -> Sub | None:
    """"Mora's Bilal neighbourhood" -> "Bilal"; "Mora's central market", "Kabul airport" name nothing."""
    toks = doc.toks
    v = vocab()
    last = c.i + c.n - 1
    if c.end != toks.ends[last]:
        return None
    if not _POSSESSIVE.match(doc.text, c.end):
        return None
    if any(o.i == last + 1 and o.choice is not None for o in doc.cands):
        return None  # "Pakistan's Khyber district": the next words are a place of their own
    for k in range(last + 1, min(last + 5, doc.count)):
        if k > last + 1 and not (toks.brk[k - 1] == toks.brk[k]):
            return None
        w = toks.words[k]
        if w in v.subloc:
            s = toks.starts[last + 1]
            name = clean_sublocation(doc, s, toks.ends[k])
            return (name, c.start, toks.ends[k]) if name else None
        if doc.cls[k] & FUNC:
            return None
    return None

