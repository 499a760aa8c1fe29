"""When a name is not a place, whatever the gazetteer says, and when it needs no cue at all.

Not a place: a person ("PRESIDENT MANUEL SOLIS PALMA", "JUAN SIERRA", "Elliott said"), an
organisation ("FARABUNDO MARTI NATIONAL LIBERATION FRONT", "SORIANO BATTALION"), an
adjective or a model ("BANANA-GROWING", "a Kabul-based analyst", "PRC-77"), part of a longer
capitalised name ("Nova Zambezia" matched as "Nova"), a market's or quarter's name ("the Salam
market of Mora"). No cue needed: the whole text ("HERAT"), or a bulletin line's label ("12 Mar:
Djibo – ...", "30/09 | Banadir | Jowhar | ...").
"""

from __future__ import annotations

from incidex.gazetteer.match import CASE_LOWER
from incidex.pipeline.places_doc import COUNTRY_TIER, Doc, acronym
from incidex.pipeline.places_vocab import (
    CUE_WEAK, DIRECTION, ENG, FUNC, GIVEN, LABEL_AFTER, LABEL_BEFORE, LABEL_LEAD, NAME, NEAR, OF, ORG, ORGWORD, PREFIX,
    REGION1, REGION2, ROAD, SPEECH, SUBLOC, TITLE, TYPE_WORD, UNIT, WEAK, sentence_gap, subloc_noun, vocab,
)

_ADJECTIVE_ENDINGS = ("ing", "ed", "style", "based", "born", "like", "backed", "led", "run", "bound", "made", "type")


def names_an_owner(doc: Doc, i: int, last: int, tier: int) -> bool:
    """"the embassies of the PRC", "the US embassy", "Colombia's ambassador": the country says
    whose mission it is, not where anything happened."""
    toks = doc.toks
    owners = vocab().owner_nouns
    k = i - 1
    if k >= 0 and toks.words[k] == "the":
        k -= 1
    if k >= 1 and toks.words[k] == "of" and toks.words[k - 1] in owners:
        return True
    if tier < COUNTRY_TIER:
        return False  # "the Kabul embassy" is in Kabul
    k = last + 1
    if k < doc.count and toks.words[k] == "s" and toks.gap(k) in ("'", "\u2019"):
        k += 1
    return k < doc.count and toks.words[k] in owners


def inside_a_longer_name(doc: Doc, i: int, last: int) -> bool:
    """"MILAGRO DE LA PAZ" matched as "LA PAZ" or "MILAGRO": a link word ("de", "del") joins the
    match to a plain word, so the name goes on past it (a type word before the link, as in
    "CIUDAD DE GUATEMALA" or "departamento del Cauca", does not). A Spanish opener before the
    match ("PUERTO BELLO", "VILLA EL SALVADOR") makes it part of a longer name too."""
    toks, cls = doc.toks, doc.cls
    links = vocab().name_links
    not_plain = TYPE_WORD | FUNC | PREFIX | WEAK | NEAR | OF | DIRECTION | UNIT | SUBLOC | TITLE

    def content(k: int) -> bool:
        return 0 <= k < doc.count and not cls[k] & not_plain and toks.words[k].isalpha()

    if toks.words[i] in links and content(i - 1) and toks.gap(i).strip() == "":
        return True  # "MILAGRO DE LA PAZ" matched as "DE LA PAZ"
    openers = vocab().name_openers
    if i > 0 and toks.words[i - 1] in openers and toks.gap(i).strip() == "":
        return True  # "PUERTO BELLO" matched as "BELLO", "VILLA EL SALVADOR" as "EL SALVADOR"
    if i > 1 and toks.words[i - 1] in ("el", "la", "los", "las") and toks.words[i - 2] in openers \
            and toks.gap(i).strip() == "" and toks.gap(i - 1).strip() == "":
        return True  # ... or as "SALVADOR"
    if last == i and toks.words[i] in openers and i + 1 < doc.count and toks.gap(i + 1).strip() == "" \
            and content(i + 1):
        return True  # "COLONIA MIRAMONTES" matched as "COLONIA" (Uruguay)
    k = i - 1
    if k >= 1 and toks.words[k] in ("la", "las", "los") and toks.words[k - 1] in links:
        k -= 1
    if k >= 1 and toks.words[k] in links and toks.gap(k + 1).strip() == "" and toks.gap(k).strip() == "" \
            and content(k - 1):
        return True
    # "SAN JUAN DE LURIGANCHO" matched as "SAN" or "SAN JUAN": up to two more plain words, then a link
    k = last + 1
    for _ in range(3):
        if k + 1 >= doc.count or toks.gap(k).strip() != "":
            return False
        if toks.words[k] in links:
            nxt = k + 2 if toks.words[k + 1] in ("la", "las", "los") else k + 1
            return nxt < doc.count and toks.gap(nxt).strip() == "" and content(nxt)
        if not content(k):
            return False
        k += 1
    return False


def names_a_sublocation(doc: Doc, last: int) -> bool:
    """"the Salam market of Mora", "the Bilal, Nour and Salam quarters of Mora": the name is a
    market's or quarter's, not a town's."""
    toks = doc.toks
    v = vocab()
    k = last + 1
    steps = 0
    while k < doc.count and steps < 6:
        w = toks.words[k]
        if subloc_noun(w) and w not in v.region1 and w not in v.region2 and w not in v.vague_area:
            if steps and w.endswith("s") and w[:-1] in v.area_nouns:
                return True  # "SAN BENITO, ESCALON AND LA MASCOTA NEIGHBORHOODS": a list of quarters
            return k + 1 < doc.count and toks.words[k + 1] in ("of", "in") and (toks.brk[k] == toks.brk[k + 1])
        if doc.cls[k] & FUNC and w != "and":
            return False
        if toks.gap(k).strip() not in ("", ",", "-") or (doc.mixed and toks.cases[k] == CASE_LOWER and w != "and"):
            return False
        k += 1
        steps += 1
    return False


def whole_text(doc: Doc, i: int, last: int) -> bool:
    """The name is all the text says (a dateline place, "HERAT"), punctuation aside."""
    toks = doc.toks
    if toks.starts[i] != toks.starts[0]:
        return False
    if last == doc.count - 1:
        return True
    return last + 1 == doc.count - 1 and bool(doc.cls[last + 1] & (REGION1 | REGION2))


def label(doc: Doc, i: int, last: int) -> bool:
    """A name standing alone between separators at the head of a bulletin line: "12 Mar: Djibo –
    ...", "30/09 | Banadir | Jowhar | ...", "Djenne, 8 km N | ...". A bulletin labels each line
    with its place; the label needs no cue."""
    toks = doc.toks
    if i > 2 or last + 1 >= doc.count or not LABEL_AFTER.match(toks.gap(last + 1)):
        return False
    lead = toks.gap(0)
    if not LABEL_LEAD.fullmatch(lead):
        return False
    if i == 0:  # "10/06 – Sinjar: ...", "Djenne, 8 km N | ..."; not "Lorenzana: Marawi incident ..." (a speaker)
        return bool(lead.strip()) or toks.gap(last + 1).strip()[:1] in ("\u2013", "\u2014", "|", "-")
    if not LABEL_BEFORE.search(toks.gap(i)):
        return False
    # only a date or another label may come before it: "12 Mar:", "Banadir |"
    return all(_month(toks.words[k]) or LABEL_BEFORE.search(toks.gap(k + 1)) for k in range(i))


def _month(word: str) -> bool:
    return word[:3] in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def runs_on(doc: Doc, last: int) -> bool:
    """In mixed case, the capitalised name goes on past the match with an unlisted word."""
    toks = doc.toks
    k = last + 1
    if k >= doc.count or not (toks.brk[last] == toks.brk[k]) or toks.cases[k] == CASE_LOWER or toks.gap(k) not in (" ",):
        return False
    c = doc.cls[k]
    return not c & (TYPE_WORD | SUBLOC | ROAD | ENG | NAME | FUNC | DIRECTION) and not acronym(toks.surface(k))


def in_longer_name(doc: Doc, i: int, last: int) -> bool:
    """Capitalised words run on past the match ("Ahmed Khan", "Kabul University"): a person or organisation."""
    toks = doc.toks
    cls = doc.cls
    before = i > 0 and (toks.brk[i - 1] == toks.brk[i]) and toks.cases[i - 1] != CASE_LOWER \
        and not cls[i - 1] & (WEAK | NEAR | DIRECTION | OF | PREFIX) \
        and not (i - 1 == 0 or sentence_gap(toks.gap(i - 1)))
    after = last + 1 < doc.count and (toks.brk[last] == toks.brk[last + 1]) and toks.cases[last + 1] != CASE_LOWER \
        and not cls[last + 1] & (TYPE_WORD | SUBLOC | ROAD) and toks.gap(last + 1).strip() != "-"
    return bool(before or after)


def speaks(doc: Doc, last: int) -> bool:
    """"Elliott said": a capitalised word that speaks is a person."""
    toks = doc.toks
    return last + 1 < doc.count and (toks.brk[last] == toks.brk[last + 1]) and bool(doc.cls[last + 1] & SPEECH)


def _name_like(doc: Doc, k: int) -> bool:
    """Could token k be part of a person's name? Not a function, cue, type or common word, and
    capitalised where case means anything."""
    if doc.cls[k] & (FUNC | WEAK | NEAR | DIRECTION | TYPE_WORD | SPEECH | UNIT | ENG | OF | ROAD):
        return False
    if doc.mixed and doc.toks.cases[k] == CASE_LOWER:
        return False
    w = doc.toks.words[k]
    return not w.endswith(("ed", "ing", "ly")) and not w.isdigit()


def _person_apposition(doc: Doc, last: int) -> bool:
    """The name (and up to two more name-like words) is followed by ", a/an ... <title>": a person
    described ("Coronel Lagrow, a Dutch TV correspondent"). A place's apposition names no person
    ("Zaragoza, 20 km southwest of the capital"; "Lima, the Peruvian capital")."""
    toks, cls = doc.toks, doc.cls
    k = last + 1
    while k < doc.count and k - last <= 2 and toks.joined(k - 1, k) and toks.gap(k).strip() == "" and _name_like(doc, k):
        k += 1
    if k + 1 >= doc.count or toks.gap(k).strip() != "," or toks.words[k] not in ("a", "an"):
        return False
    return any(cls[j] & TITLE for j in range(k + 1, min(k + 5, doc.count)) if toks.brk[j] == toks.brk[k])


def _initial(doc: Doc, k: int) -> bool:
    """A capital letter and a full stop inside a name ("Michael A. Cinco"), in mixed-case text."""
    toks = doc.toks
    return doc.mixed and len(toks.words[k]) == 1 and toks.cases[k] != CASE_LOWER \
        and k + 1 < doc.count and toks.gap(k + 1).startswith(".")


def not_a_place(doc: Doc, i: int, last: int, tier: int, cue: int) -> bool:
    """The words say the name belongs to a person, an organisation or an adjective."""
    toks = doc.toks
    cls = doc.cls
    count = doc.count
    joined = toks.joined
    # a person: "PRESIDENT MANUEL SOLIS PALMA", "COLONEL LUIS ARTURO ISAACS", "JUAN SIERRA", "LUIS DE ANDA"
    k = i - 1
    names = 0
    anchor = i
    while k >= 0 and names <= 2 and (joined(k, anchor) or _initial(doc, k) and k == anchor - 1):
        c = cls[k]
        if c & (TITLE | GIVEN) and not c & FUNC and (not doc.mixed or toks.cases[k] != CASE_LOWER):
            return True
        if _initial(doc, k):
            anchor = k  # "Michael A. Cinco": a middle initial and its full stop are part of the name
            k -= 1
            continue
        if not _name_like(doc, k):
            break
        names += 1
        k -= 1
    if cue < CUE_WEAK and tier < COUNTRY_TIER and speaks(doc, last):
        return True  # "WASHINGTON SAID", "Elliott said"
    if cls[i] & GIVEN and last == i and last + 1 < count and joined(last, last + 1) \
            and (cls[last + 1] & (NAME | GIVEN) or cue < CUE_WEAK) and _name_like(doc, last + 1):
        return True  # "DIANA MONTOYA", "MARY STANISLAUS", "interview with VLADIMIR KOTOV"
    if cue < CUE_WEAK and tier < COUNTRY_TIER and _person_apposition(doc, last):
        return True  # "CORONEL LAGROW, A DUTCH TV CORRESPONDENT, ..."
    if tier < COUNTRY_TIER and last + 1 < count and joined(last, last + 1) and toks.gap(last + 1).strip() in ("", ".") \
            and toks.words[last + 1] in vocab().street_words \
            and not any(toks.words[k] in ("a", "an") for k in range(max(0, i - 3), i) if joined(k, i)):
        # "Oxford Street bus station", "OXFORD ST": a street named after a town, elsewhere; but
        # "a downtown Bogota street", "an important Lima avenue" is a street of that town
        return True
    # an organisation: "FARABUNDO MARTI NATIONAL LIBERATION FRONT", "SORIANO BATTALION" (not "the Guatemala Army")
    if tier < COUNTRY_TIER:
        k = last + 1
        while k < count and k - last <= 4 and joined(k - 1, k):
            c = cls[k]
            if doc.mixed and toks.cases[k] == CASE_LOWER:
                break
            if c & ORG:
                return True
            if not c & ORGWORD:
                break
            k += 1
    # a model or a code: "PRC-77", "M-16"
    end = toks.ends[last]
    if doc.text[end:end + 1] == "-" and doc.text[end + 1:end + 2].isdigit():
        return True
    # an adjective: "BANANA-GROWING", "a Kabul-based analyst" (a country stays: "Pakistan-controlled Kashmir")
    if tier < COUNTRY_TIER and last + 1 < count and toks.gap(last + 1) == "-" and joined(last, last + 1):
        nxt = toks.words[last + 1]
        if nxt.endswith(_ADJECTIVE_ENDINGS) or (cls[last + 1] & ENG and not cls[last + 1] & ROAD):
            return True
    return False
