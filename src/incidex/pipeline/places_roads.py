"""Roads and appositions: phrases where one place name stands for a stretch or a point near it.

UCDP and the project's gold code an event on a road by the first town named, geo_precision 2,
and keep the road words as written in ``sublocation``:

* "on the Mora-Kousseri road", "the Rafah-Arish coastal road", "the Niono-Diabaly axis";
* "on the road between Douentza and Boni", "the highway from Kabul to Jalalabad" (the second
  town may be missing from the gazetteer: it stays inside the road's words);
* "on the road to Gao": the road leading to Gao from the place the sentence already named
  ("the deputy mayor of Ansongo ... on the road to Gao" is near Ansongo), else near Gao.

An apposition locates the name before it: "Tarmiyah, 50 km north of Baghdad", "Damboa, a town
about 85 km southwest of Maiduguri", "Rounga (12 km N of Kongoussi)" are Tarmiyah, Damboa and
Rounga; the distance phrase is their evidence, not a place of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from incidex.gazetteer.index import Place, load
from incidex.pipeline.places_doc import Cand, Doc
from incidex.pipeline.places_vocab import CUE_NEAR, PARTICLES, vocab

Sub = tuple[str, int, int]  # sublocation text, start, end of the words that support it


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    v = vocab()
    words = sorted(v.roads | {w.split()[-1] for w in v.road_pairs}, key=len, reverse=True)
    road = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    name = r"[^\W\d_][\w'\u2019\u02bf-]*"
    # "Mora" + "-Kousseri road", "–Tillabéri road", "/Kousseri road", "-Arish coastal road"
    after_pair = re.compile(rf"\s*[-\u2010\u2011\u2013\u2014/]\s*(?P<y>{name}(?:\s+{name}){{0,2}}?)\s+"
                            rf"(?:(?:{_ADJECTIVES})\s+)?(?P<road>{road})\b", re.IGNORECASE)
    # " and Boni" / " to Jalalabad" after the first town of "the road between X and Y"
    after_second = re.compile(rf"\s+(?:and|to|with)\s+(?P<y>{name}(?:[ \t]+{name}){{0,4}})", re.IGNORECASE)
    return after_pair, after_second


_ADJECTIVES = "coastal|main|new|old|national|ring|trunk|supply|strategic|international|paved|dirt|oil|gas"
_ADJECTIVE_SET = frozenset(_ADJECTIVES.split("|"))
_BETWEEN = frozenset({"between", "linking", "connecting", "joining", "from"})
_TOWARDS = frozenset({"to", "towards"})


def _road_before(doc: Doc, i: int, links: frozenset[str]) -> int | None:
    """Index of the first word of "(main) road between" / "road to" ending just before token i."""
    words = doc.toks.words
    k = i - 1
    if k < 1 or words[k] not in links or not (doc.toks.brk[k - 1] == doc.toks.brk[i]):
        return None
    k -= 1
    if words[k] == "leading" and k > 0:
        k -= 1
    if words[k] not in vocab().roads:
        return None
    if k > 0 and words[k - 1] in _ADJECTIVE_SET and (doc.toks.brk[k - 1] == doc.toks.brk[k]):
        k -= 1
    return k


_APPOSITION = re.compile(r"\s*(?:,|\()\s*(?:(?:a|an|the)\s+(?:[^\W\d_][\w-]*\s+){0,3})?", re.IGNORECASE)
_ARTICLED = re.compile(r"[a-z]{1,3}-[A-Z]")  # "ez-Zor", "al-Sukhna"
_NEAR_GAP = re.compile(r"\s*,?\s*(?:near|outside|close\s+to|just\s+outside)\s+(?:the\s+(?:town|city|village)\s+of\s+)?",
                       re.IGNORECASE)
_STOP_WORDS = frozenset({"on", "in", "at", "near", "the", "a", "an", "when", "where", "while", "after", "before", "killing",
                         "and", "of", "by", "with", "for", "from", "to", "as", "late", "early", "last", "this"})


def _trim_name(doc: Doc, words: str) -> str:
    """The leading run of a captured second town that is a name (stops at "on", "killing", lower case
    in mixed text; keeps a particle inside a name: "Mocimboa da Praia")."""
    out: list[str] = []
    parts = words.split()
    for k, w in enumerate(parts):
        low = w.lower()
        if low in PARTICLES and out and k + 1 < len(parts) and parts[k + 1][:1].isupper():
            out.append(w)
            continue
        if low in _STOP_WORDS or (doc.mixed and w[:1].islower() and not _ARTICLED.match(w)) or any(ch.isdigit() for ch in w):
            break
        out.append(w)
    while out and out[-1].lower() in PARTICLES:
        out.pop()
    return " ".join(out)


def road_phrases(doc: Doc) -> dict[int, Sub]:
    """Per candidate index, the road phrase it anchors (its partner candidates are absorbed)."""
    cands = doc.cands
    text = doc.text
    after_pair, after_second = _patterns()
    starts = doc.toks.starts
    out: dict[int, Sub] = {}
    for k, c in enumerate(cands):
        if c.choice is None or c.absorbed or k in out:
            continue
        name_start = starts[c.i]
        name_end = doc.toks.ends[c.i + c.n - 1]
        m = after_pair.match(text, name_end)
        if m is not None and _trim_name(doc, m.group("y")) == m.group("y"):
            end = m.end("road")
            town = _home_town(doc, c, m.group("y"))
            if town is not None:  # "the Limon-Covenas pipeline" in a Colombian report: coded by Covenas
                c.choice = replace(c.choice, place=town)
            _absorb_within(doc, k, name_end, end)
            out[k] = (text[name_start:end], name_start, end)
            c.precision = 2
            c.start, c.end = min(c.start, name_start), max(c.end, end)
            continue
        r = _road_before(doc, c.i, _BETWEEN)
        if r is not None:
            ms = after_second.match(text, name_end)
            if ms is not None:
                second = _trim_name(doc, ms.group("y"))
                if second:
                    end = ms.start("y") + len(second)
                    start = starts[r]
                    _absorb_within(doc, k, name_end, end)
                    out[k] = (text[start:end], start, end)
                    c.precision = 2
                    c.start, c.end = min(c.start, start), max(c.end, end)
                    continue
        r = _road_before(doc, c.i, _TOWARDS)
        if r is not None:
            start = starts[r]
            earlier = next((j for j in range(k - 1, -1, -1) if cands[j].choice is not None and not cands[j].absorbed
                            and cands[j].choice.place.kind == "place"), None)
            if earlier is not None:  # "the deputy mayor of Ansongo ... on the road to Gao": near Ansongo
                c.absorbed = True
                cands[earlier].precision = 2
                out[earlier] = (text[start:name_end], start, name_end)
            else:
                c.precision = 2
                out[k] = (text[start:name_end], start, name_end)
    for k in list(out):
        j = _near_place_after(doc, k, out[k][2])
        if j is not None:  # "on the Srinagar-Jammu highway near Pulwama": near Pulwama, on that road
            sub = out.pop(k)
            cands[k].absorbed = True
            cands[j].start = min(cands[j].start, sub[1])
            out[j] = sub
    return out


def _home_town(doc: Doc, c: Cand, name: str) -> Place | None:
    """The second town of "X-Y road" as a town of the country in force, when X resolved abroad:
    the road is in that country and X a namesake (or a place the gazetteer lacks). Looked up by
    name, so a village too small for the recogniser to look at alone ("Covenas") still codes it."""
    if doc.country is None or c.choice is None or c.choice.place.country == doc.country:
        return None
    words = name.split()
    for n in range(len(words), 0, -1):  # "Covenas oil (pipeline)": the name may end before the road words
        towns = [p for p in load().candidates(" ".join(words[:n])) if p.kind == "place" and p.country == doc.country]
        if towns:
            return max(towns, key=lambda p: p.population)
    return None


def _near_place_after(doc: Doc, k: int, end: int) -> int | None:
    for j in range(k + 1, len(doc.cands)):
        o = doc.cands[j]
        if o.absorbed or o.choice is None:
            continue
        if o.cue >= CUE_NEAR and o.precision == 2 and o.choice.place.kind == "place" \
                and _NEAR_GAP.fullmatch(doc.text, end, doc.toks.starts[o.i]):
            return j
        return None
    return None


def _absorb_within(doc: Doc, k: int, start: int, end: int) -> None:
    """The partner town of a road phrase is part of it, not a place of its own."""
    for j in range(k + 1, len(doc.cands)):
        o = doc.cands[j]
        if o.start >= end:
            break
        if o.start >= start:
            o.absorbed = True


def appositions(doc: Doc) -> None:
    """"Tarmiyah, 50 km north of Baghdad": the distance phrase locates Tarmiyah; Baghdad is absorbed."""
    cands = doc.cands
    for k in range(len(cands) - 1):
        a, b = cands[k], cands[k + 1]
        # a town, or a district or municipality ("Venecia municipality, 61 km southwest of Medellin")
        if a.choice is None or a.absorbed or b.absorbed or a.choice.place.kind not in ("place", "admin2") \
                or b.cue != CUE_NEAR:
            continue
        if b.start >= doc.toks.starts[b.i] or b.precision != 2:
            continue  # only a distance or direction phrase ("50 km north of", "south of") starts before its name
        if _APPOSITION.fullmatch(doc.text, a.end, b.start):
            b.absorbed = True
            a.end = b.end
