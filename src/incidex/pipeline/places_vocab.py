"""The words around place names, as bit classes the place finder tests in one AND.

Everything here comes from ``places_vocab.yaml`` (cue phrases, type words, directions, road and
area words) and ``places_stoplist.yaml`` (common English words, personal names, titles, given
names, organisation heads), loaded once. A word's classes are one integer, cached per word, so
the finder asks "is the word before a preposition or a type word?" without a set lookup per
question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from incidex.gazetteer import datafiles
from incidex.gazetteer.normalize import ARTICLES, fold
from incidex.pipeline.counts import parse_number

# --- word classes ---------------------------------------------------------------------------------
(ENG, NAME, OF, PREFIX, REGION1, REGION2, SETTLE, WEAK, NEAR, DIRECTION, UNIT, SUBLOC, FUNC, PARTICLE, TITLE, ORG,
 GIVEN, ROAD, AROUND, SPEECH, ORGWORD) = (1 << k for k in range(21))
TYPE_WORD = REGION1 | REGION2 | SETTLE
#: Classes of a word that may put a strong cue around a common word ("the town of X", "X province", "Wilayat X").
STRONG_NEIGHBOUR = OF | PREFIX | TYPE_WORD

#: How much the words before or after a name say it is a place.
CUE_NONE, CUE_WEAK, CUE_NEAR, CUE_STRONG = 0, 1, 2, 3

#: Words that end a captured unknown place name ("the village of Xyz in ...") and never are a place alone.
FUNCTION_WORDS = frozenset(
    "in on at near of and or but the a an to from by with where when after before while which who whom whose that "
    "this these those its it their his her our your my what other another such same every each all some any no "
    "was were is are be been has have had said says killing killed wounding wounded as during for than then "
    "there here into onto upon about over under we they i he she you him them it's will would shall should could "
    "must might also very just not been being".split())
#: Lower-case words inside names ("Dera Ismail Khan", "San Pedro de la Paz", "al-Qaim").
PARTICLES = frozenset("al el de del la las los le les da do dos das di du van von bin ibn abu um umm e y".split()) | ARTICLES
#: Saints' titles that open a name ("SAN JACINTO", "SANTA ROSA", "SAO PAULO").
SAINTS = frozenset({"san", "santa", "santo", "sao"})
#: Verbs of speaking: "Elliott said" is a person.
SPEECH_WORDS = frozenset("said says told tells added stated claimed declared wrote explained insisted warned noted "
                         "asked testified recalled replied reported announced denied".split())
#: Spellings of the word "province" that armed groups put before a region's name.
PREFIX_WORDS = ("wilayat", "wilayah", "wilaya", "welayat", "vilayat", "velayat", "muhafazat")
#: Determiners and quantifiers that end a sublocation's name when reading backwards.
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "some",
                         "several", "many", "other", "various", "one", "two", "three", "four", "five", "both", "all"})


@dataclass(frozen=True)
class Vocab:
    classes: dict[str, int]
    strong_by_tail: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]  # cue sequences by their last two words
    near_by_tail: dict[tuple[str, ...], tuple[tuple[str, ...], ...]]
    region1: frozenset[str]
    region2: frozenset[str]
    region2_pairs: frozenset[str]  # two-word admin2 type words ("frontier region")
    settlement: frozenset[str]
    vague_area: frozenset[str]  # type words that say "around" rather than what kind of place
    subloc: frozenset[str]
    directions: frozenset[str]
    around: frozenset[str]
    roads: frozenset[str]
    road_pairs: frozenset[str]  # two-word road words ("coastal road")
    area_nouns: frozenset[str]
    demonyms: dict[str, str]  # "salvadoran" -> "SV"
    owner_nouns: frozenset[str]  # "embassy": the country before or after it is whose, not where
    name_links: frozenset[str]  # "de", "del": the words on both sides belong to one name
    name_openers: frozenset[str]  # "puerto", "colonia": the name after one is part of a longer one
    street_words: frozenset[str]  # "street", "avenue": the name before one is a street's
    quarters: frozenset[str]  # "neighborhood", "quarter": the name before one is part of a town
    villages: frozenset[str]  # "village", "canton", "neighborhood": the unknown name before one is a sublocation


def _seqs(items: list[str]) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Cue sequences filed under their last two words (one for a one-word cue), longest first:
    the finder looks up the two words before a name instead of trying every cue."""
    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for seq in {tuple(fold(s).split()) for s in items}:
        if seq:
            out.setdefault(seq[-2:], []).append(seq)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _words(items: object) -> frozenset[str]:
    return frozenset(fold(str(w)) for w in items)  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """The place finder's vocabulary, built once from the two data files."""
    v = datafiles.vocab()
    stop = datafiles.stoplist()
    region1 = _words(v["region_words"]["admin1"])
    region2 = _words(v["region_words"]["admin2"])
    settlement = _words(v["settlement_words"])
    roads = _words(v.get("road_words") or ())
    strong = list(v["cue_words"]["strong"])
    for w in (*v["settlement_words"], *v["region_words"]["admin1"], *v["region_words"]["admin2"]):
        strong.append(f"{w} of")
    strong.extend(v["region_name_prefixes"])
    classes: dict[str, int] = {}

    def mark(words: object, bit: int) -> None:
        for w in words:  # type: ignore[attr-defined]
            for part in fold(str(w)).split()[:1]:
                classes[part] = classes.get(part, 0) | bit

    def listed(key: str) -> list[str]:
        return str(stop.get(key) or "").split()

    mark(listed("english"), ENG)
    mark(listed("names"), NAME)
    mark(listed("titles"), TITLE)
    mark(listed("given_names"), GIVEN)
    mark(listed("organisation_heads"), ORG)
    mark(listed("organisation_words"), ORGWORD)
    mark(["of"], OF)
    mark(PREFIX_WORDS, PREFIX)
    mark(region1, REGION1)
    mark(region2, REGION2)
    mark(settlement, SETTLE)
    mark(v["cue_words"]["weak"], WEAK)
    mark([s for s in v["cue_words"]["near"] if " " not in s], NEAR)  # "near", "outside"; not the "on" of "on the road to"
    mark(_words(v["directions"]), DIRECTION)
    mark(v["distance_units"], UNIT)
    mark(_words(v["sublocation_words"]), SUBLOC)
    mark(FUNCTION_WORDS, FUNC)
    mark(PARTICLES, PARTICLE)
    mark([w for w in roads if " " not in w], ROAD)
    mark(_words(v.get("around_words") or ()), AROUND)
    mark(SPEECH_WORDS, SPEECH)
    return Vocab(
        classes=classes, strong_by_tail=_seqs(strong), near_by_tail=_seqs(v["cue_words"]["near"]),
        region1=region1, region2=region2, region2_pairs=frozenset(w for w in region2 if " " in w),
        settlement=settlement,
        vague_area=frozenset({"area", "areas", "valley", "region", "mountains", "mountain", "hills", "island", "islands",
                              "vicinity", "outskirts", "jurisdiction"}),
        subloc=_words(v["sublocation_words"]), directions=_words(v["directions"]),
        around=_words(v.get("around_words") or ()), roads=frozenset(w for w in roads if " " not in w),
        road_pairs=frozenset(w for w in roads if " " in w), area_nouns=_words(v.get("area_nouns") or ()),
        demonyms={fold(w): cc for cc, ws in (v.get("demonyms") or {}).items() for w in ws if " " not in fold(w)},
        owner_nouns=frozenset(fold(w).split()[0] for w in v.get("owner_nouns") or ()),
        name_links=_words(v.get("name_links") or ()),
        name_openers=frozenset(w for w in _words(v.get("name_openers") or ()) if " " not in w),
        street_words=_words(v.get("street_words") or ()),
        quarters=_words(v.get("quarter_words") or ()),
        villages=_words(v.get("village_words") or ()),
    )


@lru_cache(maxsize=1 << 16)
def word_class(word: str) -> int:
    """The classes of one folded word (0 for most words)."""
    cls = vocab().classes.get(word, 0)
    if len(word) < 3 and not cls & PARTICLE:
        cls |= ENG  # "u", "us", "un": too short to be a name standing alone
    return cls


def subloc_noun(word: str) -> bool:
    """A noun for a place inside a town, singular or plural ("market", "quarters")."""
    subloc = vocab().subloc
    return word in subloc or (word.endswith("s") and word[:-1] in subloc) or (word.endswith("es") and word[:-2] in subloc)


# --- patterns -------------------------------------------------------------------------------------
#: "20 km south of", "about 15 kilometres (9 miles) north-east of the town of", "10 KM FROM"; anchored at the end.
DISTANCE = re.compile(
    r"(?:\b(?:about|some|around|nearly|approximately|roughly|almost|over|just|less than|more than)\s+)?"
    r"\b(?P<n>\d+(?:[.,]\d+)?|a few|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|some)\s*-?\s*"
    r"(?P<unit>km|kms|kilomet(?:er|re)s?|miles?|mi)\b\.?(?:\s*\([^)]{0,30}\))?\s+(?:to\s+the\s+)?"
    r"(?:(?P<dir>(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?(?:ern)?|[NSEW]{1,3})\s+of|from|outside)\s+"
    r"(?:the\s+(?:[a-z]+\s+)?(?:city|town|village|capital|district|province)\s+of\s+)?(?:the\s+)?\Z",
    re.IGNORECASE,
)
def kilometres(m: re.Match[str]) -> float | None:
    """The distance a :data:`DISTANCE` or :data:`TRAILING_DISTANCE` match gives, in km ("1,000 km",
    "2.5 km", "fifty miles"); None for "a few" or "several"."""
    n = m.group("n")
    if n[0].isdigit():
        whole, sep, frac = n.partition(",") if "," in n else n.partition(".")
        value = float(whole + frac) if sep == "," and len(frac) == 3 else float(n.replace(",", "."))
    else:
        number = parse_number(n)
        if number is None:
            return None
        value = float(number)
    return value * 1.609 if m.group("unit").lower().startswith("mi") else value


#: What may stand between the two towns of a road: "Mora-Kousseri", "Mora–Kousseri", "Mora/Kousseri", "Mora to Kousseri".
ROAD_GAP = re.compile(r"\A\s*[-\u2010\u2011\u2013\u2014/]\s*\Z|\A\s+to\s+\Z", re.IGNORECASE)
#: Punctuation that starts a new sentence or clause: a capital after it means nothing.
SENTENCE_GAP = re.compile(r"[.!?:;\n\"\u201c\u201d(\u2013\u2014|\u2022]")


@lru_cache(maxsize=4096)
def sentence_gap(gap: str) -> bool:
    """Does this gap between two words start a new sentence or clause (so a capital after it means nothing)?"""
    return SENTENCE_GAP.search(gap) is not None


#: "X, Y province", "X in Y", "X near Y": what may stand between a place and its container.
CONTAINER_GAP = re.compile(r"\s*(?:,|\(|,?\s*(?:in|of|near)\s+(?:the\s+)?)\s*", re.IGNORECASE)
#: "the village of Xyz, near Mora" / "Xyz in Kunar": what may stand between an unknown place and its host.
HOST_GAP = re.compile(r"\s*(?:,|\(|,?\s*(?:in|of|near|outside)\s+(?:the\s+)?)\s*", re.IGNORECASE)
#: Possessive: "Baghdad's Karrada district".
POSSESSIVE_GAP = re.compile(r"['\u2019]s\s+")
#: Named roads: "Highway 1", "Route 6"; a bare code ("N4", "RN 19") only after "on the" / "along the" (not "M-16 rifles").
ROAD_NUMBER = re.compile(
    r"\b(?:[Hh]ighway|HIGHWAY|[Rr]oute|ROUTE)\s?-?\d{1,3}[A-Za-z]?\b"
    r"|(?:(?<=\bon the )|(?<=\bON THE )|(?<=\balong the )|(?<=\bALONG THE ))(?:RN|RP|NH|N|A|B|R)\s?-?\d{1,3}\b")
#: A bulletin line's place label: what stands before it ("12 Mar: ", "30/09 | ", "- ") and after it (":", "–", "|", ",").
LABEL_LEAD = re.compile(r"[\s\d/.:\-\u2013\u2014|\u2022*#()\[\]]*")
LABEL_BEFORE = re.compile(r"[:\u2013\u2014|\u2022]\s*\Z|\s-\s*\Z")
LABEL_AFTER = re.compile(r"\s*(?:[:\u2013\u2014|,(]|-\s)")
#: "Djenne, 8 km N", "Tenenkou, 15 km S": a distance after a name, no "of".
TRAILING_DISTANCE = re.compile(
    r"\s*,\s*(?:about\s+|some\s+|approx\.?\s+)?(?P<n>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kms|kilomet(?:er|re)s?|miles?)\s+"
    r"(?:[NSEW]{1,3}|(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?)\b(?!\s+of\b)",
    re.IGNORECASE)
#: "Mercedes, 240 km from Corrientes", "Campina, 60 km south of Ayacucho": a distance phrase
#: apposed to a name says the name is a place (the phrase's own place follows it).
APPOSED_DISTANCE = re.compile(
    r"\s*,\s*(?:about\s+|some\s+|approximately\s+|nearly\s+)?\d+(?:[.,]\d+)?\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+"
    r"(?:(?:to\s+the\s+)?(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?(?:ern)?\s+of|from)\s",
    re.IGNORECASE)
#: "25 km W of town", "around the town", "outside the city": the place already named, from near by.
TOWN_ANAPHOR = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:[NSEW]{1,3}|(?:north|south|east|west)\w*)\s+of"
    r"|around|outside|near|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?(?:town|city|village)\b(?!\s+of\b)",
    re.IGNORECASE)
#: A city district by number: "PD 5", "Police District 6", "District 9".
NUMBERED_DISTRICT = re.compile(r"\b(?:Police\s+District|POLICE\s+DISTRICT|PD|District|DISTRICT)\s?-?\d{1,2}\b")
