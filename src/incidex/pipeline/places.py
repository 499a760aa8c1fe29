"""Places: find the toponyms of a piece of text and resolve them against the gazetteer.

Recognition cannot lean on capital letters: MUC-4 is all capitals (or all lower case once
processed), bulletin headings are capitals, headlines are Title Case. So every word sequence
that spells a gazetteer name is a candidate (:mod:`incidex.gazetteer.match`) and the words
around it decide (:mod:`incidex.pipeline.places_recognise`); resolution picks among same-named
entities with the context in force, the other places of the text and the containers written
beside the name (:mod:`incidex.pipeline.places_resolve`); roads, appositions and sublocations
shape the mentions (:mod:`incidex.pipeline.places_roads`, :mod:`incidex.pipeline.places_compose`);
words a cue marks as a place that the gazetteer lacks become sublocations
(:mod:`incidex.pipeline.places_unknown`). ``docs/gazetteer.md`` describes the whole stage.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from incidex.gazetteer import datafiles
from incidex.gazetteer.index import load
from incidex.gazetteer.match import ngram_hits, tokenize
from incidex.gazetteer.normalize import fold
from incidex.gazetteer.resolve import REGION_KINDS
from incidex.pipeline.mentions import PlaceMention, direct_init
from incidex.pipeline.places_capital import capital_mentions, filed_town_mentions
from incidex.pipeline.places_compose import compose
from incidex.pipeline.places_doc import NOT_ALONE, Doc, mixed_case
from incidex.pipeline.places_recognise import analyse, non_overlapping, rescued, worth_a_look
from incidex.pipeline.places_resolve import names_a_quarter, resolve
from incidex.pipeline.places_unknown import unknown_places
from incidex.pipeline.places_vocab import FUNC, vocab, word_class

__all__ = ["PlaceContext", "document_country", "find_places", "named_as_location", "resolve_heading"]

#: The document's country is voted by names of towns of ~10,000 people or more, regions and
#: countries: a hamlet's namesakes abroad would only add noise to the vote, and skipping them halves its cost.
VOTE_MIN_TIER = 40
#: Fuzzy matching of a heading within the country in force (rapidfuzz score).
HEADING_FUZZY_CUTOFF = 85.0


@direct_init
@dataclass(frozen=True)
class PlaceContext:
    """What is in force from the document, heading or paragraph."""

    country: str | None = None  # ISO alpha-2
    admin1: str | None = None
    place: PlaceMention | None = None
    filed_at: PlaceMention | None = None  # the dateline's town: "this city"


def find_places(text: str, context: PlaceContext | None = None) -> list[PlaceMention]:
    """Every place named in ``text``, resolved as far as the gazetteer allows, in text order."""
    return _find(text, context or PlaceContext(), heading=False)


def resolve_heading(text: str, context: PlaceContext | None = None) -> PlaceMention | None:
    """The place a heading line names ("FAR NORTH REGION", "Wilayat Barqah", "KUNAR"), or None.

    A heading names the region the lines under it are about, so regions win over same-named
    cities and the whole line may be a name that would need a cue inside a sentence."""
    ctx = context or PlaceContext()
    found = [m for m in _find(text, ctx, heading=True) if m.kind != "sublocation"]
    if not found:
        return _fuzzy_heading(text, ctx)
    best = min(found, key=lambda m: (-(m.score or 0.0), m.start))
    return replace(best, kind="heading")


def document_country(text: str, group_homes: Callable[[], Iterable[PlaceMention]] | None = None) -> PlaceMention | None:
    """The country a document is about, voted by the places and nationality words of ``text``
    (its lead), as a country-level mention, or None when nothing votes.

    A country named as a location ("in Nicaragua") counts two, named otherwise (an actor: "the
    United States condemned") a half, a place one, a nationality word ("Salvadoran",
    "Iraqi") a half, and a dateline ("MEXICO CITY (MEXICO), 3 JAN 90 --", where the report was
    filed) a half, once: a report filed abroad is about the country its text names. Each of
    ``group_homes()`` (the home country of an armed group the lead names, spanning the group's
    name) counts one; it is asked only when the places leave the vote open (no country two votes
    ahead), since scanning the lead for groups costs as much as the place vote itself. The
    mention returned spans the winner's first vote, preferring a name in
    the text over a nationality word, a group and the dateline, so the field keeps its evidence.
    Only recognition and resolution run (no sublocations, roads or spans), so the vote costs
    about half of :func:`find_places` over the same text."""
    votes: Counter[str] = Counter()
    spans: dict[str, tuple[int, int, int]] = {}  # country -> (rank, start, end) of its best vote

    def vote(cc: str, weight: float, rank: int, start: int, end: int) -> None:
        votes[cc] += weight
        if cc not in spans or rank < spans[cc][0]:
            spans[cc] = (rank, start, end)

    doc = _recognise(text, PlaceContext(), heading=False, min_tier=VOTE_MIN_TIER)
    if doc is not None:
        dateline_voted: set[str] = set()
        for c in doc.cands:
            if c.choice is None or not c.choice.place.country:
                continue
            place = c.choice.place
            if c.start < 40 and "\n" not in text[:c.start] and _dateline_after(text, c.end):
                # "MEXICO CITY (MEXICO), 3 JAN 90": where the report was filed, counted once
                if place.country not in dateline_voted:
                    dateline_voted.add(place.country)
                    vote(place.country, 0.5, 3, c.start, c.end)
                continue
            if place.kind == "country":
                # "in Nicaragua" says where; "the United States condemned" names an actor
                vote(place.country, 2.0 if named_as_location(text, c.start, c.end) else 0.5, 0, c.start, c.end)
            else:
                vote(place.country, 1.0, 0, c.start, c.end)
        demonyms = vocab().demonyms
        toks = doc.toks
        for k, w in enumerate(toks.words):
            cc = demonyms.get(w)
            if cc is not None:
                vote(cc, 0.5, 1, toks.starts[k], toks.ends[k])
    ranked = votes.most_common(2)
    open_vote = not ranked or ranked[0][1] < 2.0 or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < 2.0)
    if group_homes is not None and open_vote:
        places, votes = votes, Counter()
        for g in group_homes():
            if g.country:
                vote(g.country, 1.0, 2, g.start, g.end)
        votes.update(places)
    if not votes:
        return None
    # a tie goes to the country the text names over one only a nationality word, a group or the
    # dateline votes for ("TOKYO (JAPAN), 8 DEC 89 -- COLOMBIAN PRESIDENT ...")
    cc = max(votes, key=lambda c: (votes[c], -spans[c][0]))
    _, start, end = spans[cc]
    return PlaceMention(start, end, text[start:end], country=cc, geo_precision=6, kind="country")


def _cue_tail(kinds: tuple[str, ...]) -> re.Pattern[str]:
    """A cue word of ``kinds`` (places_vocab.yaml ``cue_words``) and at most two more words, ending
    the text. Not "from": "aid from the US" says whose."""
    cues = datafiles.vocab()["cue_words"]
    words = [w for kind in kinds for w in cues[kind] if w != "from"]
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\s+(?:[\w'\u2019-]+\s+){{0,2}}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _locative_tail() -> re.Pattern[str]:
    """A locative word ("in", "across", "near") and at most two more words, ending the text."""
    return _cue_tail(("weak", "near"))


@lru_cache(maxsize=1)
def _placing_tail() -> re.Pattern[str]:
    """As :func:`_locative_tail`, with the strong cues too ("the town of", "the departments of")."""
    return _cue_tail(("strong", "weak", "near"))


def placed_as_location(sentence: str, start: int) -> bool:
    """Do the words before a place name put something there ("in Medellin", "near the town of
    Orito")? A name with none is a modifier or an owner ("a Vienna development worker", "the
    Boston Globe") as often as a place."""
    return bool(_placing_tail().search(sentence, max(0, start - 40), start))


def named_as_location(sentence: str, start: int, end: int) -> bool:
    """Is the country at [start, end) of ``sentence`` named as where something happened ("in
    Nicaragua", "across northern Nigeria", a label "NIGERIA: ..."), rather than as an actor
    ("the United States condemned", "Spain's ambassador", "aid to Honduras")?"""
    if sentence[end:end + 3].lstrip(" ")[:1] in (":", "-", "\u2013", "\u2014") and not sentence[:start].strip():
        return True
    return bool(_locative_tail().search(sentence, max(0, start - 40), start))


def _dateline_after(text: str, end: int) -> bool:
    """Is the name followed by a dateline's date ("HERAT, March 3", "SAN SALVADOR, 3 JAN 90")?"""
    tail = text[end:end + 40].lstrip(" ),-\u2013\u2014")
    if tail[:1] == "(":  # "MEXICO CITY (MEXICO), 3 JAN 90": skip the bracketed country
        close = tail.find(")")
        tail = tail[close + 1:].lstrip(" ,-\u2013\u2014") if close >= 0 else tail
    return bool(tail[:1].isdigit() or tail[:3].lower() in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                                           "oct", "nov", "dec"))


def _recognise(text: str, ctx: PlaceContext, heading: bool, min_tier: int = 0) -> Doc | None:
    """Tokens, candidates and their resolution: everything but the shaping of mentions.
    Names whose best gazetteer tier is below ``min_tier`` are not looked at."""
    if not text or text.isspace():
        return None
    gaz = load()
    toks = tokenize(text, gaz, word_class)
    if not toks.words:
        return None
    place = ctx.place
    anchor = None
    if place is not None and place.latitude is not None and place.longitude is not None:
        anchor = (place.latitude, place.longitude)
    doc = Doc(text, toks, toks.classes, mixed_case(toks), heading,  # type: ignore[arg-type]
              ctx.country or (place.country if place else None), ctx.admin1 or (place.admin1 if place else None), anchor,
              len(toks.words))
    hits = ngram_hits(toks, gaz, NOT_ALONE, FUNC, rescued(doc))
    cands = []
    for i, n, h, t in zip(hits.i, hits.n, hits.hash, hits.tier):
        if t >= min_tier and worth_a_look(doc, i, n, t):
            c = analyse(doc, i, n, h, t)
            if c is not None:
                cands.append(c)
    if cands:
        doc.cands = non_overlapping(cands)
        resolve(doc, gaz)
        # (a quarter's name stays whole: "San Miguelito neighborhood" is not "Miguelito")
        failed = [c for c in doc.cands if c.choice is None and c.n > 1 and not names_a_quarter(doc, c)]
        if failed:  # "Raqqa city" spells a foreign alternate the context rules out: try "Raqqa" + "city"
            inner = [c for c in cands if c not in doc.cands and any(f.i <= c.i and c.i + c.n <= f.i + f.n for f in failed)]
            if inner:
                doc.cands = non_overlapping([c for c in doc.cands if c not in failed] + inner)
                resolve(doc, gaz)
    return doc


def _find(text: str, ctx: PlaceContext, heading: bool) -> list[PlaceMention]:
    doc = _recognise(text, ctx, heading)
    if doc is None:
        return []
    mentions = compose(doc) if doc.cands else []
    mentions.extend(capital_mentions(doc, mentions))
    if ctx.filed_at is not None:
        mentions.extend(filed_town_mentions(doc, mentions, ctx.filed_at))
    mentions.extend(unknown_places(doc, mentions))
    if len(mentions) > 1:
        mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _fuzzy_heading(text: str, ctx: PlaceContext) -> PlaceMention | None:
    """A heading that is one short name in an unindexed spelling, matched within the country in force."""
    country = ctx.country or (ctx.place.country if ctx.place else None)
    words = text.strip().rstrip(":.-").strip()
    if not country or not words or len(words) > 40 or any(ch.isdigit() for ch in words):
        return None
    v = vocab()
    core = " ".join(w for w in words.split() if fold(w) not in v.region1 and fold(w) not in v.region2)
    if len(core) < 4:
        return None
    ranked = load().fuzzy(core, country=country, limit=5, cutoff=HEADING_FUZZY_CUTOFF)
    ranked.sort(key=lambda x: (-x[1], x[0].kind not in REGION_KINDS, -x[0].population))
    if not ranked:
        return None
    place = ranked[0][0]
    start = text.index(words)
    return PlaceMention(start=start, end=start + len(words), text=words, country=place.country,
                        admin1=place.admin1 if place.kind != "country" else None,
                        admin2=place.admin2 if place.kind in ("place", "admin2") else None,
                        location=place.name if place.kind == "place" else None, latitude=place.lat,
                        longitude=place.lon, geonames_id=place.geonames_id, geo_precision=place.precision,
                        kind="heading", score=round(ranked[0][1] / 100 * 0.8, 3))
