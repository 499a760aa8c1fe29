"""Which gazetteer names in a text are places here: the recognition half of the place finder.

Every word n-gram that spells a gazetteer key is a candidate (:mod:`incidex.gazetteer.match`);
the words around it decide (:mod:`incidex.pipeline.places_cues`). A strong cue ("the town of
X", "X province", "Wilayat X") accepts any name; a preposition or a distance phrase accepts a
name of some size; a bare name must be big (text without case) or capitalised and standing
alone (mixed case). Whatever the cue, a name is not a place when the words say it is part of
something else (:mod:`incidex.pipeline.places_names`).

Most hits in running text are common words with no cue near them, so the cheap cuts
(:func:`rescued` for the n-gram walk, :func:`worth_a_look`) run first and :func:`analyse`
sees only a few.
"""

from __future__ import annotations

from itertools import compress

from incidex.gazetteer.match import CASE_LOWER
from incidex.gazetteer.normalize import ARTICLES
from incidex.pipeline.places_cues import cue_after, cue_before
from incidex.pipeline.places_doc import COUNTRY_TIER, Cand, Doc, acronym
from incidex.pipeline.places_names import (
    in_longer_name, inside_a_longer_name, label, names_a_sublocation, names_an_owner, not_a_place, runs_on, speaks,
    whole_text,
)
from incidex.pipeline.places_vocab import (
    CUE_NEAR, CUE_NONE, CUE_STRONG, CUE_WEAK, DIRECTION, DISTANCE, ENG, FUNC, NAME, NEAR, OF, PARTICLE, PREFIX, REGION1,
    REGION2, TITLE, TRAILING_DISTANCE, TYPE_WORD, WEAK, APPOSED_DISTANCE, kilometres, sentence_gap,
)


def rescued(doc: Doc) -> set[int]:
    """Common English words that may be a name here after all: a strong cue stands next to them
    ("the town of Man", "Chalatenango Department") or, in mixed case, a preposition ("in Nice")."""
    cls = doc.cls
    mask = OF | PREFIX | TYPE_WORD | ((WEAK | NEAR) if doc.mixed else 0)
    count = doc.count
    words = doc.toks.words
    out: set[int] = set()
    for k in compress(range(count), map(mask.__and__, cls)):
        c = cls[k]
        if c & TYPE_WORD and k > 0 and cls[k - 1] & ENG and not cls[k - 1] & (FUNC | PARTICLE):
            out.add(k - 1)
        if c & PREFIX or (c & OF and k > 0 and cls[k - 1] & (TYPE_WORD | DIRECTION)) or (doc.mixed and c & (WEAK | NEAR)):
            t = k + 2 if k + 2 < count and words[k + 1] == "the" else k + 1
            if t < count and cls[t] & ENG and not cls[t] & (FUNC | PARTICLE):
                out.add(t)
    return out


def worth_a_look(doc: Doc, i: int, n: int, tier: int) -> bool:
    """Cheap first cut before :func:`analyse`: small places with no cue near them go at once."""
    last = i + n - 1
    if doc.mixed:
        cases = doc.toks.cases
        if tier < 15:
            return False
        if cases[i] != CASE_LOWER or cases[last] != CASE_LOWER:
            return True
    elif doc.heading:
        return True
    elif tier >= (50 if n == 1 else 40):
        return True
    cls = doc.cls
    k = i - 1
    if k > 0 and doc.toks.words[k] == "the":
        k -= 1
    prev = cls[k] if k >= 0 else 0
    if prev & (WEAK | NEAR | PREFIX) and not doc.mixed:
        return True
    if i > 0 and doc.toks.words[i - 1] == "and":
        return cue_before(doc, i)[0] == CUE_STRONG  # "the towns of Orito and Tumaco"
    if prev & OF and k > 0 and cls[k - 1] & (TYPE_WORD | DIRECTION):
        return True
    return last + 1 < doc.count and bool(cls[last + 1] & TYPE_WORD) or _distance_follows(doc, last)


def _distance_follows(doc: Doc, last: int) -> bool:
    """"Mercedes, 240 km from Corrientes": a place, whatever else the word may be (a given name)."""
    end = doc.toks.ends[last]
    return doc.text.startswith(",", end) and APPOSED_DISTANCE.match(doc.text, end) is not None


# --- the decision ---------------------------------------------------------------------------------
def analyse(doc: Doc, i: int, n: int, h: int, tier: int) -> Cand | None:
    """Decide whether the n-gram at token i is a place mention here."""
    toks = doc.toks
    cls = doc.cls
    last = i + n - 1
    words = toks.words[i:last + 1]
    classes = cls[i:last + 1]
    if all(map((FUNC | PARTICLE).__and__, classes)):
        return None
    if n > 1 and (classes[0] & FUNC or classes[-1] & FUNC):
        return None  # "the capital", "in the": a name does not start or end with a function word
    if n > 1 and classes[-1] & TITLE and not doc.mixed:
        return None  # "THE SANTIAGO MAYOR" is Santiago's mayor, not Santiago Maior in Cape Verde
    lead = i
    if i > 0 and toks.words[i - 1] in ARTICLES and toks.gap(i) == "-" and cls[i - 1] & PARTICLE:
        lead = i - 1  # "al-Shaddadi" matched as "Shaddadi": the article is part of the name, the cue is before it
    cue, cue_start, precision, hint = cue_before(doc, lead)
    stop = _stop_class(words, classes)
    stop_exact = False
    cases = toks.cases
    capital = all(cases[k] != CASE_LOWER for k in range(i, last + 1) if not cls[k] & (PARTICLE | TYPE_WORD)) \
        if n > 1 else cases[i] != CASE_LOWER  # "east London" is not East London
    after_hint, phrase_last, after_strong, around = cue_after(doc, last)
    if after_strong and not (doc.mixed and not capital) and stop != ENG:
        cue = CUE_STRONG
        hint = after_hint or hint
        if around:
            precision = 2  # "the Hawija area"
    else:
        phrase_last = last
    if cue < CUE_WEAK and _distance_follows(doc, last):
        cue = CUE_WEAK
    if names_a_sublocation(doc, last) or inside_a_longer_name(doc, i, last) or names_an_owner(doc, i, last, tier):
        return None
    if doc.mixed and phrase_last == last and tier < COUNTRY_TIER and runs_on(doc, last):
        return None  # "the village of Nova Zambezia" matched as "Nova": part of a longer name
    whole = doc.heading or whole_text(doc, i, last)
    is_label = not whole and label(doc, lead, last)
    sentence_start = i == 0 or sentence_gap(toks.gap(i))
    caps_mean = doc.mixed and not sentence_start
    if doc.mixed and not capital and cue < CUE_STRONG:
        return None
    if cue < CUE_STRONG and not whole and not_a_place(doc, i, last, tier, cue):
        return None
    if doc.mixed and n == 1 and cue < CUE_WEAK and acronym(toks.surface(i)):
        return None  # an acronym in mixed-case text (KIA, IED, GEND, LeJ)
    if not doc.mixed and n == 1 and cue == CUE_NONE and len(words[0]) <= 3 and tier < COUNTRY_TIER and not whole:
        return None  # "OAS", "ERP", "UCA" in capitals: an acronym as likely as a town
    if stop == ENG and cue == CUE_STRONG and hint in ("region", "admin2") and phrase_last == last:
        return None  # "the department of state", "the state of emergency"
    if stop == ENG and n > 1 and classes[-1] & (REGION1 | REGION2) \
            and (cue >= CUE_WEAK or whole or (caps_mean and cases[i] != CASE_LOWER)):
        ok = True  # "in the Far North Region": the name carries its own type word
    elif stop == ENG:
        # a capitalised common word after a preposition ("in Nice") only for big places, spelt exactly
        exact_word = caps_mean and capital and cue >= CUE_WEAK and tier >= 55 and len(words[0]) >= 4 \
            and not any(c & (DIRECTION | TYPE_WORD) for c in classes)
        ok = cue == CUE_STRONG or exact_word or (whole and n > 1 and doc.country is not None)
        if ok and cue < CUE_STRONG:
            stop_exact = True
    elif stop == NAME:
        ok = cue >= CUE_WEAK or whole
    elif caps_mean:
        ok = cue >= CUE_WEAK or (tier >= 30 and not in_longer_name(doc, i, last) and not speaks(doc, last))
    elif whole or is_label:
        ok = tier >= 20
    else:
        ok = cue == CUE_STRONG or (cue == CUE_NEAR and tier >= 30) or (cue == CUE_WEAK and tier >= 38) \
            or tier >= (50 if n == 1 else 40)
    if not ok:
        return None
    start = cue_start if cue_start is not None else toks.starts[lead]
    end = toks.ends[phrase_last]
    km = None
    if cue_start is not None:  # "500 km northwest of Bogota" (or "south of Rafah": no figure)
        m = DISTANCE.search(doc.text, cue_start, toks.starts[lead])
        km = kilometres(m) if m is not None else None
    elif precision is None:
        m = TRAILING_DISTANCE.match(doc.text, end)
        if m is not None:  # "Djenne, 8 km N": eight kilometres north of Djenne
            precision, end, km = 2, m.end(), kilometres(m)
    return Cand(i=i, n=n, hash=h, tier=tier, cue=cue, hint=hint, precision=precision, start=start,
                end=end, surface=" ".join(words), heading=doc.heading, exact=stop_exact, distance_km=km)


#: Definite articles of Spanish, French and Arabic names: "La Union", "El Progreso", "Las Vueltas"
#: are proper names even when the word after the article is a common English word.
NAME_ARTICLES = frozenset({"la", "las", "los", "el", "le", "les", "al"})


def _stop_class(words: list[str], classes: list[int]) -> int:
    content = [c for c in classes if not c & PARTICLE] or classes
    if len(words) > 1 and words[0] in NAME_ARTICLES and len(content) < len(classes):
        return NAME if all(map((ENG | NAME).__and__, content)) else 0
    if all(map(ENG.__and__, content)):
        return ENG
    if all(map((ENG | NAME).__and__, content)):
        return NAME
    return 0



def non_overlapping(cands: list[Cand]) -> list[Cand]:
    """Longest names first; a shorter name inside a longer one is dropped."""
    if len(cands) < 2:
        return cands
    chosen: list[Cand] = []
    taken: set[int] = set()
    for c in sorted(cands, key=lambda c: (-c.n, -c.cue, -c.tier, c.i)):
        span = range(c.i, c.i + c.n)
        if any(k in taken for k in span):
            continue
        chosen.append(c)
        taken.update(span)
    chosen.sort(key=lambda c: c.i)
    return chosen
