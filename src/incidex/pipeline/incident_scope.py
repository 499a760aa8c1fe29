"""Which of a sentence's dates and places are its incident's.

A sentence names more days and places than the incident's: the day and place the report was
told ("police said on Tuesday", "it was reported in La Paz that"), a plan's day ("the summit
scheduled for 8 December"), a day after the report, a traveller's destination ("the bus to
Usulutan"), a town named as a modifier in a sentence that says in which country it all happened
("a Vienna development worker in Peru"). The assembler reads the rest. Kept apart from the
stages that find dates and places: finding is about words, this is about the event unit
(conventions.md §1 and §5).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from incidex.pipeline import assemble
from incidex.pipeline.dates import dates_the_telling, telling_alternation, telling_between
from incidex.pipeline.mentions import DateMention, PlaceMention
from incidex.pipeline.places import named_as_location, placed_as_location
from incidex.pipeline.segment import Piece, inner_dateline

__all__ = ["incident_dates", "incident_days", "incident_places"]


def incident_days(dates: list[DateMention], text: str, reference: date | None) -> list[DateMention]:
    """The dates of one sentence that may date something done: not after the report's day, not
    a plan's day, nor the days listed after it ("will be held on 11 March and 27 May")."""
    out: list[DateMention] = []
    planned_end = -1
    for m in dates:
        listed = planned_end >= 0 and _LISTED_NEXT.fullmatch(text, planned_end, m.start) is not None
        if listed or _SCHEDULED.search(text, max(0, m.start - 50), m.start):
            planned_end = m.end
            continue
        planned_end = -1
        if reference is None or m.value is None or m.value <= reference:
            out.append(m)
    return out


_LISTED_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|or\s+)", re.IGNORECASE)


#: A plan's day: "scheduled for", "set for", "due on", "will be held on".
_SCHEDULED = re.compile(r"\b(?:scheduled|planned|set|due|will\s+be\s+held|to\s+be\s+held)\s+(?:for|on|to\s+begin\s+on)?\s*"
                        r"(?:the\s+)?\Z", re.IGNORECASE)


def incident_dates(dates: list[DateMention], sentence: Piece) -> list[DateMention]:
    """The dates a sentence gives its incident: not those of the telling ("police said on
    Tuesday", "TODAY ANNOUNCED THAT ...", "this morning condemned the murder of ...": a verb of
    telling between the date and a reference to the incident)."""
    if not dates:
        return dates
    text = sentence.text
    ref = assemble.cues()["refers_back"].search(text)
    out = []
    for d in dates:
        start, end = d.start - sentence.start, d.end - sentence.start
        if dates_the_telling(text, start, end):
            continue
        if ref is not None and end <= ref.start() and telling_between(text, end, ref.start()):
            continue
        out.append(d)
    return out


def incident_places(places: list[PlaceMention], sentence: Piece, ctx: assemble.Context) -> list[PlaceMention]:
    """The places a sentence names as where something happened. In a report about one country,
    another country named without a locative word is an actor ("the United States condemned",
    "Spain asked for an inquiry"), not the incident's place; where the report was told ("said
    today in Caracas that") is none either."""
    home = ctx.fallback_country.country if ctx.fallback_country is not None else None
    if home is not None:
        places = [p for p in places
                  if p.kind != "country" or p.country == home
                  or named_as_location(sentence.text, p.start - sentence.start, p.end - sentence.start)]
    places = [p for p in places if not places_the_telling(sentence.text, p.start - sentence.start, p.end - sentence.start)
              and not _DESTINATION.search(sentence.text, max(0, p.start - sentence.start - 40), p.start - sentence.start)
              and not _inner_dateline(sentence.text, p.start - sentence.start, p.end - sentence.start)]
    return _in_the_country_named(places, sentence)


def _inner_dateline(text: str, start: int, end: int) -> bool:
    """A town opening the text after its bracketed labels, with a dash after it ("[TEXT] MEDELLIN --
    A bomb exploded at a bank in Itagui municipality"), is a second dateline: where the report
    was filed, not where the incident happened (conventions.md §5)."""
    town = inner_dateline(text)
    return town is not None and start <= town.start and town.end <= end


#: Where a vehicle or a traveller was going is not where the incident happened: "passengers
#: travelling on the bus to Usulutan", "a flight bound for Cali".
_DESTINATION = re.compile(
    r"\b(?:bus|buses|train|flight|plane|airliner|truck|lorry|convoy|travel(?:l)?ing|going|heading|headed|bound|"
    r"returning|flying|driving)\s+(?:back\s+)?(?:to|for|toward|towards)\s+(?:the\s+)?(?:(?:[a-z]+\s+){1,3}and\s+)?\Z",
    re.IGNORECASE)


_APPOSED = re.compile(r"\s*,\s*(?:[a-z]+\s+)?", re.IGNORECASE)


def _in_the_country_named(places: list[PlaceMention], sentence: Piece) -> list[PlaceMention]:
    """A sentence that says in which country something happened ("the murder of six priests in El
    Salvador") keeps a town of another country only where words place something in it: "a Vienna
    development worker in Peru", "the Boston Globe" name no place of the incident."""
    located = {p.country for p in places if p.kind == "country"
               and named_as_location(sentence.text, p.start - sentence.start, p.end - sentence.start)
               and not any(_APPOSED.fullmatch(sentence.text, p.end - sentence.start, q.start - sentence.start)
                           for q in places if q.start > p.end)}  # "in Grenada, eastern Antioquia": a town
    if not located:
        return places
    return [p for p in places if p.kind in ("country", "dateline") or p.country in located
            or placed_as_location(sentence.text, p.start - sentence.start)]


@lru_cache(maxsize=1)
def _telling_place() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A verb of saying, a few words and "in" before the place; a "that" clause after it."""
    speech = telling_alternation("telling_speech")
    before = re.compile(rf"\b(?:{speech})\s+(?:[a-z]+\s+){{0,2}}in\s+(?:the\s+)?\Z", re.IGNORECASE)
    after = re.compile(r"\s*,?\s*(?:[a-z]+\s+){0,2}that\b", re.IGNORECASE)
    return before, after


#: "radio reports broadcast in Bogota", "the report, broadcast from San Salvador": where the news
#: went out from, whatever follows.
_BROADCAST_FROM = re.compile(r"\b(?:broadcast|aired|published)\s+(?:[a-z]+\s+){0,2}(?:in|from)\s+(?:the\s+)?\Z",
                             re.IGNORECASE)


def places_the_telling(text: str, start: int, end: int) -> bool:
    """Is the place at [start, end) of ``text`` where the report was told ("it was officially
    REPORTED IN La Paz THAT a bomb exploded", "SAID TODAY IN Caracas THAT", "radio reports
    BROADCAST IN Bogota"), not where the incident happened? A verb of saying before it and a
    "that" clause after it say so, as does a verb of broadcasting alone."""
    window = text[max(0, start - 40):start]
    if _BROADCAST_FROM.search(window):
        return True
    before, after = _telling_place()
    return bool(before.search(window) and after.match(text, end))
