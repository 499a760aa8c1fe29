"""Places the gazetteer lacks: villages, quarters, hills and roads that a cue marks as places.

"the village of Xyz", "near Fotokol", "in the Mayangose area", "the Hamrin mountains", "on
Highway 1", "on Sariab Road": the words are kept as ``sublocation``. Written next to a place
the gazetteer knows ("the village of Xyz, near Mora", "Rounga (12 km N of Kongoussi)") they
are filed under it; otherwise they come out as ``kind="sublocation"`` with the country in force.
A spelling close to a place of the country in force (rapidfuzz, one spelling block, score 85+)
resolves to that place instead: "Zaxo" for Zakho.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import compress

from rapidfuzz import fuzz

from incidex.gazetteer.index import Place, load
from incidex.gazetteer.match import CASE_LOWER
from incidex.gazetteer.normalize import fold
from incidex.gazetteer.resolve import Choice, similarity
from incidex.pipeline.mentions import PlaceMention
from incidex.pipeline.places_compose import clean_sublocation, mention
from incidex.pipeline.places_doc import Cand, Doc, acronym
from incidex.pipeline.places_vocab import (
    CUE_STRONG, DETERMINERS, DIRECTION, ENG, FUNC, HOST_GAP, NAME, NEAR, NUMBERED_DISTRICT, PARTICLE, PREFIX, ROAD_NUMBER,
    SAINTS, SETTLE, SUBLOC, WEAK, subloc_noun, vocab,
)

FUZZY_CUTOFF = 85.0


@lru_cache(maxsize=1)
def _caps_quarters() -> frozenset[str]:
    return _CAPS_QUARTERS | vocab().quarters


#: Without case, "in X district" introduces a quarter the gazetteer lacks, as "in X neighborhood" does.
_CAPS_QUARTERS = frozenset({"district"})
#: Foreign namesakes of a village below this tier do not stop it being a village here.
_SMALL_ABROAD = 50
_TRIGGERS = frozenset({"of", "wilayat", "wilayah", "near", "outside", "in", "at"})
_ROAD_HINT = re.compile(r"(?:ighway|IGHWAY|oute|OUTE|on the [A-Z]{1,2}|ON THE [A-Z]{1,2}|along the [A-Z]{1,2}"
                        r"|ALONG THE [A-Z]{1,2}) ?-?\d")
_BRACKETED = re.compile(r"\s*\(([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\)")
_NAMED_STREET = re.compile(r"\b[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}\s+"
                           r"(?:Road|Street|Avenue|Boulevard|Highway|Rd|St)\b"
                           # ... and the type word first, as French, Spanish or Italian put it
                           r"|\b(?:Rue|Avenida|Calle|Via|Boulevard|Avenue)\s+(?:(?:de la|de|del|des|du|di)\s+)?"
                           r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}")


def fuzzy_place(doc: Doc, words: str, loose: bool) -> Place | None:
    """Words a cue marks as a place, matched by rapidfuzz within their spelling block only.

    Only with a country in force (a village-sized name matched fuzzily across the world is
    noise), only after a type word ("the village of"), not a bare preposition, and only at
    :data:`FUZZY_CUTOFF` or above with a last word close to the place's: "Nova Zambezia" is not Nova Mambone."""
    if not doc.country or loose:
        return None
    ranked = load().fuzzy(words, country=doc.country, limit=3, cutoff=FUZZY_CUTOFF)
    if not ranked:
        return None
    place = ranked[0][0]
    last = fold(words).split()[-1:]
    form_last = place.form.split()[-1:]
    return place if last and form_last and fuzz.ratio(last[0], form_last[0]) >= 70 else None


def unknown_places(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """Words a cue marks as a place that the gazetteer does not know ("the village of Xyz")."""
    toks = doc.toks
    words = toks.words
    cls = doc.cls
    count = len(words)
    # where a cue may introduce a name: "<type word> of", "near", "Wilayat", and in mixed case "in"/"at"
    triggers = [k + 1 for k in compress(range(count - 2), map(SETTLE.__and__, cls)) if words[k + 1] == "of"]
    mask = NEAR | PREFIX | (WEAK if doc.mixed else 0)
    triggers.extend(compress(range(count - 1), map(mask.__and__, cls)))
    caps_quarters = _caps_quarters()
    if not doc.mixed:  # without case, "in"/"at" only before a name a quarter word or an address confirms
        # ("IN ORRANTIA DISTRICT", "IN HUANCORA, SAN ISIDRO LABRADOR JURISDICTION, CHALATENANGO")
        triggers.extend(k for k in compress(range(count - 2), map(WEAK.__and__, cls))
                        if words[k] in ("in", "at") and (
                            any(words[q] in caps_quarters for q in range(k + 2, min(k + 5, count)))
                            or any(_address_follows(doc, q) for q in range(k + 2, min(k + 5, count)))))
    named_before = _names_before_village_words(doc)  # "CALLUCHACA VILLAGE": trigger -> name start
    triggers.extend(k for k in named_before if k not in triggers)
    if not triggers:
        return _named_roads(doc, [(m.start, m.end) for m in found]) + _bracketed_quarters(doc, found)
    triggers.sort()
    v = vocab()
    covered = [(m.start, m.end) for m in found]
    out: list[PlaceMention] = []

    def is_covered(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in covered)

    for j in triggers:
        w = words[j]
        start_k: int | None = None
        loose = False  # a preposition, not a place-type word, introduces it: stricter capture
        if j in named_before:
            start_k, loose = named_before[j], True
        elif w not in _TRIGGERS:
            continue
        elif w == "of":
            if j >= 1 and words[j - 1] in v.settlement and toks.brk[j - 1] == toks.brk[j + 1]:
                # "the village of Xyz"; "the vicinity of Perquin" (an area word: captured as
                # strictly as after "near")
                start_k, loose = j + 1, words[j - 1] in v.vague_area
        elif w in ("wilayat", "wilayah"):
            if (toks.brk[j] == toks.brk[j + 1]):
                start_k = j + 1
        elif w in ("near", "outside"):
            if (toks.brk[j] == toks.brk[j + 1]):
                start_k, loose = j + 1, True
        elif doc.mixed and (toks.brk[j] == toks.brk[j + 1]) and toks.cases[j + 1] != CASE_LOWER:
            start_k, loose = j + 1, True
        elif not doc.mixed and w in ("in", "at") and toks.brk[j] == toks.brk[j + 1]:
            start_k, loose = j + 1, True  # confirmed below by the quarter word after the name
        elif doc.mixed and words[j + 1] == "the" and j + 2 < count and toks.brk[j] == toks.brk[j + 2] \
                and toks.cases[j + 2] != CASE_LOWER:
            start_k, loose = j + 1, True
        if start_k is None:
            continue
        the = words[start_k] == "the" and start_k + 1 < count and (toks.brk[start_k] == toks.brk[start_k + 1])
        if the:
            start_k += 1
        k = start_k
        while j in named_before and k < count and words[k] not in v.villages:
            k += 1  # "HORCONES DE BERLIN CANTON": the name runs up to the village word, particles and all
        while j not in named_before and k < count and k - start_k < 4 and (toks.brk[start_k] == toks.brk[k]):
            ck = cls[k]
            if ck & FUNC and not ck & PARTICLE:
                break
            if doc.mixed and toks.cases[k] == CASE_LOWER and not ck & PARTICLE:
                break
            if loose and ck & (ENG | NAME | SETTLE | SUBLOC):
                break
            k += 1
        if k == start_k:
            continue
        # "in the Mayangose area", "the Hamrin mountains": a place noun after the name confirms it
        noun_end = k
        if k < count and (toks.brk[k - 1] == toks.brk[k]) and (subloc_noun(words[k]) or words[k] in v.vague_area
                                                               or j in named_before):
            noun_end = k + 1
        if loose and the and noun_end == k:
            continue  # "near the border", "in the Senate"
        if not doc.mixed and w in ("in", "at") and j not in named_before \
                and not (noun_end > k and words[k] in caps_quarters) and not (noun_end == k and _address_follows(doc, k)):
            continue  # "IN ORRANTIA DISTRICT": only the quarter word or an address makes the words a place
        if loose and (k - start_k > 3 or (doc.mixed and acronym(toks.surface(start_k)))):
            continue
        if loose and doc.mixed and k < count and (toks.brk[k - 1] == toks.brk[k]) and toks.cases[k] != CASE_LOWER:
            continue  # runs on into more capitalised words: an organisation or a person
        s, e = toks.starts[start_k], toks.ends[noun_end - 1]
        if is_covered(s, e):
            continue
        name_text = doc.text[s:toks.ends[k - 1]]
        if _stopword(doc, start_k, k):
            continue  # "the village of the Christians", "near Police": common words
        if loose:
            folded = fold(name_text)
            known = [p for p in load().candidates(name_text) if similarity(folded, p.form) >= 0.9]
            if known and max(p.tier for p in known) >= _SMALL_ABROAD:
                continue  # a known town the context ruled out: not this country's village
        # "CALLUCHACA VILLAGE" names Calluchaca; "the Jamila market" keeps its noun
        sub = name_text if j in named_before else clean_sublocation(doc, s, e) or name_text
        # "the village of Xyz, near Mora" / "the village of Xyz in Kunar": file it under that place
        host = next((m for m in found if m.start >= e and (HOST_GAP.fullmatch(doc.text, e, m.start) or (
            doc.text[e:m.start].isspace() and _from_afar(m)))), None)
        if host is not None and host.sublocation is None and host.kind != "sublocation":
            gap = doc.text[e:host.start].lower()
            village = (words[j - 1] if w == "of" else words[noun_end - 1]) in ("village", "villages", "hamlet")
            near = "near" in gap or "outside" in gap or _from_afar(host) or village
            merged = replace(host, start=s, end=host.end, text=doc.text[s:host.end], sublocation=sub,
                             geo_precision=2 if near and host.kind == "place" else host.geo_precision)
            found[found.index(host)] = merged
            covered.append((s, host.end))
            continue
        fuzzy = fuzzy_place(doc, name_text, loose) if noun_end == k else None
        if fuzzy is not None:  # a spelling the index does not hold ("Zakho" for "Zaxo")
            out.append(mention(doc, Cand(i=start_k, n=k - start_k, hash=0, tier=fuzzy.tier, cue=CUE_STRONG,
                                         choice=Choice(fuzzy, 0.0, 0.5, 0.9)), s, e, fuzzy))
            covered.append((s, e))
            continue
        out.append(PlaceMention(start=s, end=e, text=doc.text[s:e], country=doc.country, admin1=doc.admin1,
                                sublocation=sub, kind="sublocation", score=0.3))
        covered.append((s, e))
    out.extend(_named_roads(doc, covered))
    out.extend(_bracketed_quarters(doc, found))
    return out


def _address_follows(doc: Doc, k: int) -> bool:
    """Does a comma after the name at token k-1 open the next level of an address, a name and its
    type word ("HUANCORA, SAN ISIDRO LABRADOR JURISDICTION, ...")? Then the name is a place below it."""
    toks = doc.toks
    count = len(toks.words)
    if k >= count or toks.brk[k] == toks.brk[k - 1] or doc.text[toks.ends[k - 1]:toks.starts[k]].strip() != ",":
        return False
    q = k
    while q < count and toks.brk[q] == toks.brk[k] and q - k < 5:
        q += 1
    v = vocab()
    return q - k >= 2 and (toks.words[q - 1] in v.region1 or toks.words[q - 1] in v.region2
                           or toks.words[q - 1] == "jurisdiction")


#: Without case, a word with one of these endings before a village word describes it.
_ADJECTIVE_ENDINGS = ("ed", "ing", "ial", "ive", "ous", "ful", "ary")


def _names_before_village_words(doc: Doc) -> dict[int, int]:
    """For each village word with a name before it, the token before the name -> the name's
    first token. The name is one to three words that are not common English, function words,
    directions or numbers ("the remote village" has none); without case, one word and the
    particles before it ("LA TIENDITA CANTON"), since nothing tells a verb from a name there."""
    toks, cls = doc.toks, doc.cls
    v = vocab()
    out: dict[int, int] = {}
    if v.villages.isdisjoint(toks.words):
        return out  # most sentences: one C-level set test instead of a walk over every word
    for k in range(1, doc.count):
        if toks.words[k] not in v.villages or not toks.brk[k - 1] == toks.brk[k]:
            continue
        a = k
        while a > 0 and k - a < 3 and toks.brk[a - 1] == toks.brk[k] and not toks.words[a - 1].isdigit() \
                and not cls[a - 1] & (FUNC | ENG | DIRECTION | SETTLE) and toks.words[a - 1] not in DETERMINERS \
                and not (doc.mixed and toks.cases[a - 1] == CASE_LOWER):
            a -= 1
        if a < k and toks.words[k - 1] in v.demonyms:
            continue  # "a Philippine village": whose, not which
        if not doc.mixed:
            a = max(a, k - 1)
            if toks.words[a].endswith(_ADJECTIVE_ENDINGS):
                continue  # "A DENSELY POPULATED NEIGHBORHOOD", "THE RESIDENTIAL NEIGHBORHOOD"
            while a - 1 > 0 and (cls[a - 1] & PARTICLE and not cls[a - 1] & WEAK or toks.words[a - 1] in SAINTS) \
                    and toks.words[a - 1] not in DETERMINERS and toks.brk[a - 1] == toks.brk[k]:
                a -= 1  # "LA TIENDITA", "SAN JACINTO" (not "at", a preposition as well as an article)
                if toks.words[a] in v.name_links and a - 1 > 0 and toks.brk[a - 1] == toks.brk[k] \
                        and not cls[a - 1] & (FUNC | ENG | DIRECTION | SETTLE) and not toks.words[a - 1].isdigit():
                    a -= 1  # "HORCONES DE BERLIN": a link word joins the word before it
                    break
        if a < k and a > 0:
            out[a - 1] = a
    return out


def _from_afar(m: PlaceMention) -> bool:
    """A mention that starts with a distance or direction ("NE of Muqdadiyah", "12 km N of Kongoussi")."""
    head = m.text.split(" ", 1)[0].lower()
    return head[:1].isdigit() or head in vocab().directions


def _bracketed_quarters(doc: Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """"Mogadishu (Hodan)": a capitalised name in brackets after a town is a quarter of it (the
    mention in ``found`` is replaced; nothing new is returned)."""
    if not doc.mixed or "(" not in doc.text:
        return []
    for idx, m in enumerate(found):
        if m.kind != "place" or m.sublocation:
            continue
        b = _BRACKETED.match(doc.text, m.end)
        if b is None or any(p.kind in ("admin1", "country", "area") for p in load().candidates(b.group(1))):
            continue  # "Saraqib (Idlib)": a container, not a quarter
        found[idx] = replace(m, end=b.end(), text=doc.text[m.start:b.end()], sublocation=b.group(1))
    return []


def _stopword(doc: Doc, start_k: int, end_k: int) -> bool:
    return all(doc.cls[k] & (ENG | NAME | FUNC | PARTICLE) for k in range(start_k, end_k))


def _named_roads(doc: Doc, covered: list[tuple[int, int]]) -> list[PlaceMention]:
    """"on Highway 1", "the N4", "on Sariab Road", "in PD 5", "Police District 6": a road or a
    city district by its name or number."""
    text = doc.text
    spans: list[tuple[int, int]] = []
    if "istrict" in text or "ISTRICT" in text or "PD" in text:
        spans.extend(m.span() for m in NUMBERED_DISTRICT.finditer(text))
    if ("on the " in text or "ighway" in text or "oute" in text or "ON THE " in text or "IGHWAY" in text
            or "OUTE" in text or "along the " in text or "ALONG THE " in text) and _ROAD_HINT.search(text):
        spans.extend(m.span() for m in ROAD_NUMBER.finditer(text))
    if doc.mixed and ("Road" in text or "Street" in text or "Avenue" in text or "Highway" in text
                      or "Rue " in text or "Calle " in text or "Avenida " in text or "Via " in text):
        spans.extend(m.span() for m in _NAMED_STREET.finditer(text))
    out = []
    for s, e in sorted(spans):
        if any(a < e and s < b for a, b in covered):
            continue
        covered.append((s, e))
        out.append(PlaceMention(start=s, end=e, text=text[s:e], country=doc.country, admin1=doc.admin1,
                                sublocation=text[s:e], kind="sublocation", score=0.3))
    return out
