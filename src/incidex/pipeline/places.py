"""Places: find the toponyms of a piece of text and resolve them against the gazetteer.

Recognition cannot lean on capital letters: MUC-4 is all capitals (or all lower case once
processed), bulletin headings are capitals, headlines are Title Case. So every word sequence
that spells a gazetteer name is a candidate (see :mod:`incidex.gazetteer.match`) and the words
around it decide:

* a strong cue ("the town of X", "X province", "Wilayat X", "20 km south of X") accepts it
  even if it is a common word;
* a preposition ("in X", "near X") accepts a name of some size that is not a common English
  word or a personal name (``places_stoplist.yaml``);
* a bare name needs to be big (a country, a region, a city of ~100,000) in text without case,
  or capitalised and not part of a longer proper name in mixed-case text.

Resolution (:mod:`incidex.gazetteer.resolve`) picks among same-named entities with the context
in force, the other places of the text, containers written beside the name ("X, Y province",
"Y's X"), size and spelling. Words a strong cue marks as a place that the gazetteer lacks
(villages, neighbourhoods, markets) become ``sublocation`` under the nearest resolved place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache


from incidex.gazetteer import datafiles
from incidex.gazetteer.index import Gazetteer, Place, load
from incidex.gazetteer.match import CASE_LOWER, CASE_UPPER, Tokens, ngram_hits, tokenize
from incidex.gazetteer.normalize import ARTICLES, fold
from incidex.gazetteer.resolve import REGION_KINDS, Choice, Hints, choose, inside, viable
from incidex.pipeline.mentions import PlaceMention

__all__ = ["PlaceContext", "document_country", "find_places", "resolve_heading"]


@dataclass(frozen=True)
class PlaceContext:
    """What is in force from the document, heading or paragraph."""

    country: str | None = None  # ISO alpha-2
    admin1: str | None = None
    place: PlaceMention | None = None


# --- vocabulary ---------------------------------------------------------------------------------
ENG, NAME, OF, PREFIX, REGION1, REGION2, SETTLE, WEAK, NEAR, DIRECTION, UNIT, SUBLOC, FUNC, PARTICLE = (1 << k for k in range(14))
CUE_NONE, CUE_WEAK, CUE_NEAR, CUE_STRONG = 0, 1, 2, 3

#: Words that end a captured unknown place name ("the village of Xyz in ...").
_FUNCTION_WORDS = frozenset(
    "in on at near of and or but the a an to from by with where when after before while which who whom whose that "
    "this these those its it their his her our your my what other another such same every each all some any no "
    "was were is are be been has have had said says killing killed wounding wounded as during for than then "
    "there here into onto upon about over under".split())
#: Lower-case words inside names ("Dera Ismail Khan", "San Pedro de la Paz", "al-Qaim").
_PARTICLES = frozenset("al el de del la las los le les da do dos das di du van von bin ibn abu um umm e y".split()) | ARTICLES


@dataclass(frozen=True)
class _Vocab:
    classes: dict[str, int]
    strong_by_last: dict[str, tuple[tuple[str, ...], ...]]  # cue sequences by their last word, longest first
    near_by_last: dict[str, tuple[tuple[str, ...], ...]]
    region1: frozenset[str]
    region2: frozenset[str]
    settlement: frozenset[str]
    vague_area: frozenset[str]
    subloc: frozenset[str]
    directions: frozenset[str]


def _seqs(items: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in {tuple(fold(s).split()) for s in items}:
        if seq:
            out.setdefault(seq[-1], []).append(seq)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    v = datafiles.vocab()
    stop = datafiles.stoplist()
    region1 = frozenset(fold(w) for w in v["region_words"]["admin1"])
    region2 = frozenset(fold(w) for w in v["region_words"]["admin2"])
    settlement = frozenset(fold(w) for w in v["settlement_words"])
    subloc = frozenset(fold(w) for w in v["sublocation_words"])
    directions = frozenset(fold(w) for w in v["directions"])
    strong = list(v["cue_words"]["strong"])
    for w in (*v["settlement_words"], *v["region_words"]["admin1"], *v["region_words"]["admin2"]):
        strong.append(f"{w} of")
    strong.extend(v["region_name_prefixes"])
    classes: dict[str, int] = {}

    def mark(words: object, bit: int) -> None:
        for w in words:  # type: ignore[attr-defined]
            for part in fold(str(w)).split()[:1]:
                classes[part] = classes.get(part, 0) | bit

    mark(str(stop.get("english") or "").split(), ENG)
    mark(str(stop.get("names") or "").split(), NAME)
    mark(["of"], OF)
    mark(["wilayat", "wilayah", "wilaya", "welayat", "vilayat", "velayat", "muhafazat"], PREFIX)
    mark(region1, REGION1)
    mark(region2, REGION2)
    mark(settlement, SETTLE)
    mark(v["cue_words"]["weak"], WEAK)
    mark([s.split()[0] for s in v["cue_words"]["near"]], NEAR)
    mark(directions, DIRECTION)
    mark(v["distance_units"], UNIT)
    mark(subloc, SUBLOC)
    mark(_FUNCTION_WORDS, FUNC)
    mark(_PARTICLES, PARTICLE)
    return _Vocab(
        classes=classes, strong_by_last=_seqs(strong), near_by_last=_seqs(v["cue_words"]["near"]),
        region1=region1, region2=region2, settlement=settlement,
        vague_area=frozenset({"area", "areas", "valley", "region", "mountains", "mountain", "hills", "island", "islands"}),
        subloc=subloc, directions=directions,
    )


@lru_cache(maxsize=1)
def _function_hashes() -> frozenset[int]:
    """Key hashes of words that are never a place alone ("the", "of", "in")."""
    from incidex.gazetteer.match import token_hash_of

    return frozenset(token_hash_of(w) for w in _FUNCTION_WORDS | _PARTICLES)


@lru_cache(maxsize=1 << 16)
def _word_class(word: str) -> int:
    cls = _vocab().classes.get(word, 0)
    if len(word) < 3 and not cls & PARTICLE:
        cls |= ENG  # "u", "us", "un": too short to be a name standing alone
    return cls


_DISTANCE = re.compile(
    r"(?:\b(?:about|some|around|nearly|approximately|roughly|almost|over|just|less than|more than)\s+)?"
    r"\b(?:\d+(?:[.,]\d+)?|a few|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|some)\s*-?\s*"
    r"(?:km|kms|kilomet(?:er|re)s?|miles?|mi)\b\.?(?:\s*\([^)]{0,30}\))?\s+(?:to\s+the\s+)?"
    r"(?:(?P<dir>(?:north|south|east|west)(?:[- ]?(?:north|south|east|west))?(?:ern)?|[NSEW]{1,3})\s+of|from|outside)\s+"
    r"(?:the\s+(?:[a-z]+\s+)?(?:city|town|village|capital|district|province)\s+of\s+)?(?:the\s+)?\Z",
    re.IGNORECASE,
)
_ROAD = re.compile(r"\A\s*[-\u2013\u2014/]\s*\Z|\A\s+to\s+\Z")
_ROAD_WORDS = frozenset({"road", "highway", "route", "motorway", "axis", "corridor", "track", "railway", "pipeline"})
_SENTENCE_GAP = re.compile(r"[.!?:;\n\"\u201c\u201d(]")


# --- the finder ---------------------------------------------------------------------------------
@dataclass
class _Cand:
    """One accepted name with what its neighbours said."""

    i: int
    n: int
    hash: int
    tier: int
    cue: int = CUE_NONE
    hint: str | None = None
    precision: int | None = None  # forced geo_precision (2 for "near X", "20 km north of X")
    start: int = 0
    end: int = 0
    surface: str = ""
    container: int | None = None  # index of the candidate this one lies in
    choice: Choice | None = None
    sublocation: str | None = None
    absorbed: bool = False
    heading: bool = False
    exact: bool = False  # only an exact spelling will do (a common word read as a name)


@dataclass
class _Doc:
    text: str
    toks: Tokens
    classes: list[int]
    mixed: bool
    heading: bool
    context: PlaceContext
    cands: list[_Cand] = field(default_factory=list)


def _mixed_case(toks: Tokens, classes: list[int]) -> bool:
    """Does the text's capitalisation mean anything? Not in ALL CAPS or all lower case (MUC-4,
    bulletin headings): it does when some words are lower case and some capitalised. Title Case
    headlines count as mixed; runs of capitalised words are then read as longer names."""
    cases = toks.cases
    lower = cases.count(CASE_LOWER)
    upper = cases.count(CASE_UPPER)
    return 0 < lower < len(cases) and upper < 0.5 * len(cases)


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


def _fuzzy_heading(text: str, ctx: PlaceContext) -> PlaceMention | None:
    """A heading that is one short name in an unindexed spelling, matched within the country in force."""
    country = ctx.country or (ctx.place.country if ctx.place else None)
    words = text.strip().rstrip(":.-").strip()
    if not country or not words or len(words) > 40 or any(ch.isdigit() for ch in words):
        return None
    v = _vocab()
    core = " ".join(w for w in words.split() if fold(w) not in v.region1 | v.region2)
    if len(core) < 4:
        return None
    ranked = load().fuzzy(core, country=country, limit=5, cutoff=FUZZY_CUTOFF)
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


def document_country(text: str) -> str | None:
    """The country most of a document's places are in (a vote), or None when no place resolves."""
    votes: Counter[str] = Counter()
    for m in find_places(text):
        if m.country and m.kind != "sublocation":
            votes[m.country] += 1.0 + (m.score or 0.0)
    if not votes:
        return None
    (top, n), *rest = votes.most_common(2) + [("", 0.0)]
    return top if n > rest[0][1] else top


def _find(text: str, ctx: PlaceContext, heading: bool) -> list[PlaceMention]:
    if not text or not text.strip():
        return []
    gaz = load()
    toks = tokenize(text)
    if len(toks) == 0:
        return []
    classes = list(map(_word_class, toks.words))
    doc = _Doc(text, toks, classes, _mixed_case(toks, classes), heading, ctx)
    hits = ngram_hits(toks, gaz, skip_single=_function_hashes())
    cands = [c for c in (_analyse(doc, i, n, h, t) for i, n, h, t in zip(hits.i, hits.n, hits.hash, hits.tier)
                         if _worth_a_look(doc, i, n, t)) if c is not None]
    cands = _non_overlapping(cands)
    doc.cands = cands
    _resolve(doc, gaz)
    mentions = _compose(doc)
    mentions.extend(_unknown_places(doc, mentions))
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


def _worth_a_look(doc: _Doc, i: int, n: int, tier: int) -> bool:
    """Cheap first cut before :func:`_analyse`: lone common words and small places with no cue
    nearby go at once (most hits in running text are of this kind)."""
    cls = doc.classes
    if n == 1 and cls[i] & FUNC:
        return False  # "the", "of", "in": never a place on its own
    last = i + n - 1
    prev = cls[i - 1] if i > 0 else 0
    k = i - 1
    if i > 1 and doc.toks.words[i - 1] == "the":
        k = i - 2
        prev = cls[k]
    prev2 = cls[k - 1] if k > 0 else 0
    nxt = cls[last + 1] if last + 1 < len(cls) else 0
    type_of = bool(prev & OF) and bool(prev2 & (SETTLE | REGION1 | REGION2 | DIRECTION))
    cue_before = bool(prev & (WEAK | NEAR | PREFIX)) or type_of
    cue_after = bool(nxt & (REGION1 | REGION2 | SETTLE))
    strong_possible = type_of or bool(i > 0 and cls[i - 1] & PREFIX) or cue_after
    stop_eng = n == 1 and bool(cls[i] & ENG)
    if stop_eng and not strong_possible and not (doc.mixed and cue_before):
        return False
    if doc.mixed:
        cases = doc.toks.cases
        return tier >= 20 and (cases[i] != CASE_LOWER or cases[last] != CASE_LOWER or strong_possible)
    if doc.heading:
        return True
    return cue_before or cue_after or tier >= (50 if n == 1 else 40)


def _content_words(words: list[str]) -> list[str]:
    return [w for w in words if not _word_class(w) & PARTICLE]


def _stop_class(words: list[str]) -> int:
    content = _content_words(words) or words
    classes = [_word_class(w) for w in content]
    if all(c & ENG for c in classes):
        return ENG
    if all(c & (ENG | NAME) for c in classes):
        return NAME
    return 0


def _cue_before(doc: _Doc, i: int) -> tuple[int, int | None, int | None, str | None]:
    """(cue level, start offset of a distance phrase, forced precision, kind hint) from the words before token i."""
    toks = doc.toks
    v = _vocab()
    lo = max(0, i - 6)
    k = i
    brk = toks.brk
    while k > lo and brk[k - 1] == brk[i]:
        k -= 1
    words = toks.words[k:i]
    if not words:
        return CUE_NONE, None, None, None
    if words[-1] in ("of", "the", "from", "outside") and (any(w in v.directions for w in words[-4:])
                                                         or any(_word_class(w) & UNIT for w in words[-3:])):
        start = toks.starts[i]
        window = doc.text[max(0, start - 100):start]
        m = _DISTANCE.search(window)
        if m is not None:
            return CUE_NEAR, start - len(window) + m.start(), 2, None
    tail = tuple(words)
    for seq in v.strong_by_last.get(tail[-1], ()):
        if tail[-len(seq):] == seq:
            before = tail[:-len(seq)]
            near = bool(before) and (before[-1] in ("near", "outside", "around") or before[-2:] == ("close", "to")) \
                or seq[0] in ("near", "outside", "vicinity")
            return CUE_STRONG, None, 2 if near else None, _hint_of(seq)
    if len(tail) >= 2 and tail[-1] == "of" and tail[-2] in v.directions:
        return CUE_NEAR, toks.starts[i - 2], 2, None
    trimmed = tail[:-1] if tail[-1] == "the" else tail
    if trimmed:
        for seq in v.near_by_last.get(trimmed[-1], ()):
            if trimmed[-len(seq):] == seq:
                return CUE_NEAR, None, 2, None
        if _word_class(trimmed[-1]) & WEAK:
            return CUE_WEAK, None, None, None
    if tail[-1] in v.directions and len(tail) >= 2 and _word_class(tail[-2]) & WEAK:
        return CUE_WEAK, None, None, None  # "in northern Kunar"
    return CUE_NONE, None, None, None


def _hint_of(seq: tuple[str, ...]) -> str | None:
    """"the city of" says a settlement, "the province of" and "Wilayat" a region."""
    v = _vocab()
    for w in reversed(seq):
        if w in v.region1 or w in ("wilayat", "wilayah", "wilaya", "welayat", "vilayat", "muhafazat"):
            return "region"
        if w in v.region2:
            return "admin2"
        if w in v.vague_area:
            return None
        if w in v.settlement:
            return "settlement"
    return None


def _cue_after(doc: _Doc, last: int) -> tuple[str | None, int, bool]:
    """(hint, index of the last token the place phrase covers, strong?) from the words after token ``last``."""
    toks = doc.toks
    v = _vocab()
    k = last + 1
    if k >= len(toks) or not toks.joined(last, k):
        return None, last, False
    w = toks.words[k]
    w2 = toks.words[k + 1] if k + 1 < len(toks) and toks.joined(k, k + 1) else ""
    if w2 and f"{w} {w2}" in v.region2:  # "frontier region", "local government"
        return "admin2", k + 1, True
    if w in v.region1:
        return "region", k, True
    if w in v.region2:
        return "admin2", k, True
    if w in v.vague_area:
        return None, k, True
    if w in v.settlement:
        return "settlement", k, True
    if w in _ROAD_WORDS:  # "the Kousseri road"
        return "settlement", last, True
    if toks.gap(k).strip() == "-" and w2 in _ROAD_WORDS:  # "the Mora-Kousseri road"
        return "settlement", last, True
    k2 = k + 1
    if toks.gap(k).strip() == "-" and k2 + 1 < len(toks) and toks.joined(k, k2 + 1) and toks.words[k2 + 1] in _ROAD_WORDS:
        return "settlement", last, True  # "the Mora-Kousseri Ndjamena road" is rare; two-word partner
    return None, last, False


def _analyse(doc: _Doc, i: int, n: int, h: int, tier: int) -> _Cand | None:
    """Decide whether the n-gram at token i is a place mention here."""
    toks = doc.toks
    last = i + n - 1
    words = toks.words[i:last + 1]
    if all(_word_class(w) & (FUNC | PARTICLE) for w in words):
        return None
    if n > 1 and (_word_class(words[0]) & FUNC or _word_class(words[-1]) & FUNC):
        return None  # "the capital", "in the": a name does not start or end with a function word
    cue, cue_start, precision, hint = _cue_before(doc, i)
    stop = _stop_class(words)
    stop_exact = False
    capital = all(toks.cases[k] != CASE_LOWER for k in range(i, last + 1)
                  if not doc.classes[k] & (PARTICLE | REGION1 | REGION2 | SETTLE)) \
        if n > 1 else toks.cases[i] != CASE_LOWER  # "east London" is not East London
    after_hint, phrase_last, after_strong = _cue_after(doc, last)
    if after_strong and _after_cue_counts(doc, words, stop, capital, after_hint):
        cue = CUE_STRONG
        hint = after_hint or hint
    else:
        phrase_last = last
    if _names_a_sublocation(doc, last):
        return None
    whole = doc.heading or _whole_text(doc, i, last)
    sentence_start = i == 0 or bool(_SENTENCE_GAP.search(toks.gap(i)))
    caps_mean = doc.mixed and not sentence_start
    if doc.mixed and not capital and cue < CUE_STRONG:
        return None
    if doc.mixed and n == 1 and cue < CUE_WEAK and _acronym(toks.surface(i)):
        return None  # an acronym in mixed-case text (KIA, IED, GEND, LeJ)
    if stop == ENG and cue == CUE_STRONG and hint in ("region", "admin2") and phrase_last == last:
        return None  # "the department of state", "the state of emergency"
    if stop == ENG and n > 1 and _word_class(words[-1]) & (REGION1 | REGION2) \
            and (cue >= CUE_WEAK or whole or (caps_mean and toks.cases[i] != CASE_LOWER)):
        ok = True  # "in the Far North Region": the name carries its own type word
    elif stop == ENG:
        # a capitalised common word after a preposition ("in Nice") only for big places, spelt exactly
        exact_word = caps_mean and capital and cue >= CUE_WEAK and tier >= 55 and len(words[0]) >= 4 \
            and not any(_word_class(w) & (DIRECTION | REGION1 | REGION2 | SETTLE) for w in words)
        ok = cue == CUE_STRONG or exact_word or (whole and n > 1 and doc.context.country is not None)
        if ok and cue < CUE_STRONG:
            stop_exact = True
    elif stop == NAME:
        ok = cue >= CUE_WEAK or whole
    elif caps_mean:
        ok = cue >= CUE_WEAK or (tier >= 30 and not _in_longer_name(doc, i, last) and not _a_person(doc, i, last))
    elif whole:
        ok = tier >= 20
    else:
        ok = cue == CUE_STRONG or (cue == CUE_NEAR and tier >= 30) or (cue == CUE_WEAK and tier >= 38) \
            or tier >= (50 if n == 1 else 40)
    if not ok:
        return None
    start = cue_start if cue_start is not None else toks.starts[i]
    return _Cand(i=i, n=n, hash=h, tier=tier, cue=cue, hint=hint, precision=precision, start=start,
                 end=toks.ends[phrase_last], surface=fold(toks.surface(i, n)), heading=doc.heading, exact=stop_exact)


def _acronym(surface: str) -> bool:
    """"KIA", "GEND", "LeJ", "HuM": short capitals or capitals inside a word."""
    if surface.isupper():
        return len(surface) <= 4
    return any(c.isupper() for c in surface[1:])


def _after_cue_counts(doc: _Doc, words: list[str], stop: int, capital: bool, hint: str | None) -> bool:
    """"Kunar province", "Mora town": a type word after the name makes it a place, unless the
    name is a common word before a settlement word ("the border town") or lower case in mixed text."""
    if doc.mixed and not capital:
        return False
    if stop == ENG:
        return False  # "fire department", "the border town": a common word before a type word
    return True


def _subloc_noun(word: str) -> bool:
    subloc = _vocab().subloc
    return word in subloc or (word.endswith("s") and word[:-1] in subloc) or (word.endswith("es") and word[:-2] in subloc)


def _names_a_sublocation(doc: _Doc, last: int) -> bool:
    """"the Salam market of Mora", "the Bilal, Nour and Salam quarters of Mora": the name is a
    market's or quarter's, not a town's."""
    toks = doc.toks
    v = _vocab()
    k = last + 1
    steps = 0
    while k < len(toks) and steps < 6:
        w = toks.words[k]
        if _subloc_noun(w) and w not in v.region1 and w not in v.region2 and w not in v.vague_area:
            return k + 1 < len(toks) and toks.words[k + 1] in ("of", "in") and toks.joined(k, k + 1)
        gap = toks.gap(k)
        if _word_class(w) & FUNC and w != "and":
            return False
        if gap.strip() not in ("", ",", "-") or (doc.mixed and toks.cases[k] == CASE_LOWER and w != "and"):
            return False
        k += 1
        steps += 1
    return False


def _whole_text(doc: _Doc, i: int, last: int) -> bool:
    """The name is all the text says (a dateline place, "HERAT"), punctuation aside."""
    toks = doc.toks
    return toks.starts[i] == toks.starts[0] and (last == len(toks) - 1 or
                                                 (last + 1 < len(toks) and toks.words[last + 1] in _vocab().region1 | _vocab().region2
                                                  and last + 1 == len(toks) - 1))


def _in_longer_name(doc: _Doc, i: int, last: int) -> bool:
    """Capitalised words run on past the match ("Ahmed Khan", "Kabul University"): a person or organisation."""
    toks = doc.toks
    before = i > 0 and toks.joined(i - 1, i) and toks.cases[i - 1] != CASE_LOWER \
        and not _word_class(toks.words[i - 1]) & (WEAK | NEAR | DIRECTION | OF | PREFIX) \
        and not _SENTENCE_GAP.search(toks.gap(i - 1) if i - 1 > 0 else "\n")
    after = last + 1 < len(toks) and toks.joined(last, last + 1) and toks.cases[last + 1] != CASE_LOWER \
        and not _word_class(toks.words[last + 1]) & (REGION1 | REGION2 | SETTLE | SUBLOC) \
        and toks.gap(last + 1).strip() != "-"
    return bool(before or after)


_SPEECH = frozenset("said says told tells added stated claimed declared wrote explained insisted warned noted asked "
                    "testified recalled replied".split())
_TITLES = frozenset("mr mrs ms dr president minister general gen col colonel capt captain sgt lt major governor "
                    "senator judge sheikh imam commander spokesman spokeswoman".split())


def _a_person(doc: _Doc, i: int, last: int) -> bool:
    """"Elliott said", "President Hayden": a capitalised word that speaks or has a title is a person."""
    toks = doc.toks
    if last + 1 < len(toks) and toks.joined(last, last + 1) and toks.words[last + 1] in _SPEECH:
        return True
    return i > 0 and toks.joined(i - 1, i) and toks.words[i - 1] in _TITLES


def _non_overlapping(cands: list[_Cand]) -> list[_Cand]:
    """Longest names first; a shorter name inside a longer one is dropped."""
    chosen: list[_Cand] = []
    taken: set[int] = set()
    for c in sorted(cands, key=lambda c: (-c.n, -c.cue, -c.tier, c.i)):
        span = range(c.i, c.i + c.n)
        if any(k in taken for k in span):
            continue
        chosen.append(c)
        taken.update(span)
    chosen.sort(key=lambda c: c.i)
    return chosen


# --- resolution ---------------------------------------------------------------------------------
def _context_hints(doc: _Doc) -> tuple[str | None, str | None, tuple[tuple[float, float], ...]]:
    ctx = doc.context
    anchors: tuple[tuple[float, float], ...] = ()
    country = ctx.country
    admin1 = ctx.admin1
    if ctx.place is not None:
        country = country or ctx.place.country
        admin1 = admin1 or ctx.place.admin1
        if ctx.place.latitude is not None and ctx.place.longitude is not None:
            anchors = ((ctx.place.latitude, ctx.place.longitude),)
    return country, admin1, anchors


def _min_similarity(c: _Cand) -> float:
    """How far the written form may stray from a gazetteer spelling: further under a strong cue."""
    if c.exact:
        return 0.99
    if len(c.surface.replace(" ", "")) <= 4:
        return 0.99 if c.cue < CUE_STRONG else 0.85
    if c.cue == CUE_STRONG or c.heading:
        return 0.75
    return 0.8 if c.cue >= CUE_WEAK else 0.85


def _resolve(doc: _Doc, gaz: Gazetteer) -> None:
    """Two passes: each name alone with the context in force, then again knowing the countries
    and coordinates the other names of the text resolved to and the containers written beside it."""
    country, admin1, anchors = _context_hints(doc)
    cands = doc.cands
    base = [Hints(kind=c.hint, heading=c.heading, country=country, admin1=admin1, anchors=anchors,
                  min_similarity=_min_similarity(c),
                  alt_min_tier=55 if not doc.mixed and not c.heading and c.cue < CUE_STRONG else 0,
                  foreign_min_tier=50 if country else 0, foreign_alternates=country is None) for c in cands]
    pools = [viable(gaz.by_hash(c.hash), c.surface, hints) for c, hints in zip(cands, base)]
    for c, hints, pool in zip(cands, base, pools):
        c.choice = choose(pool, c.surface, hints, prefiltered=True)
    for k in range(1, len(cands)):  # "Jolo, Sulu": the name after a town and a comma is its region
        a, b = cands[k - 1], cands[k]
        if a.choice is not None and a.choice.place.kind == "place" and b.hint is None \
                and re.fullmatch(r"\s*[,(]\s*", doc.text[a.end:b.start]) \
                and any(p.kind in REGION_KINDS for p in pools[k]):
            base[k] = replace(base[k], kind="region")
            b.choice = choose(pools[k], b.surface, base[k], prefiltered=True)
    _link_containers(doc)
    confident: Counter[str] = Counter()
    points: list[tuple[int, float, float]] = []
    for k, c in enumerate(cands):
        ch = c.choice
        if ch is None:
            continue
        if ch.place.kind == "country" or ch.margin >= 0.3 or ch.place.tier >= 60:
            confident[ch.place.country or ""] += 1
        if ch.place.lat is not None and ch.place.lon is not None and ch.margin >= 0.3 and len(points) < 8:
            points.append((k, ch.place.lat, ch.place.lon))
    text_countries = frozenset(c for c in confident if c)
    for k, (c, hints, pool) in enumerate(zip(cands, base, pools)):
        if len(pool) < 2:
            continue
        container = cands[c.container].choice.place if c.container is not None and cands[c.container].choice else None
        others = tuple((lat, lon) for j, lat, lon in points if j != k)
        c.choice = choose(pool, c.surface, replace(hints, text_countries=text_countries, anchors=hints.anchors + others,
                                                   container=container), prefiltered=True)


def _link_containers(doc: _Doc) -> None:
    """"X, Y province", "X in Y", "the X district of Y": Y contains X. "Y's X": Y contains X."""
    toks = doc.toks
    cands = doc.cands
    for a, b in zip(cands, cands[1:]):
        if b.choice is None or a.choice is None:
            continue
        between = toks.text[a.end:b.start]
        a_last = a.i + a.n - 1
        if re.fullmatch(r"['\u2019]s\s+", between):  # "Pakistan's Orakzai", "Baghdad's Karrada district"
            b.container = cands.index(a)
            continue
        if not re.fullmatch(r"\s*(?:,|\(|,?\s*(?:in|of|near)\s+(?:the\s+)?)\s*", between, re.IGNORECASE):
            continue
        if b.choice.place.kind in REGION_KINDS or b.choice.place.kind == "country":
            if a.choice.place.kind == "place" or (a.choice.place.kind in REGION_KINDS and b.choice.place.kind == "country"):
                if a_last < b.i and b.start >= a.end:
                    a.container = cands.index(b)


# --- output -------------------------------------------------------------------------------------
def _mention(doc: _Doc, c: _Cand, start: int, end: int, place: Place | None, sublocation: str | None = None,
             precision: int | None = None, kind: str | None = None) -> PlaceMention:
    text = doc.text[start:end]
    if place is None:
        ctx = doc.context
        return PlaceMention(start=start, end=end, text=text, country=ctx.country, admin1=ctx.admin1,
                            sublocation=sublocation, kind="sublocation", score=0.3)
    prec = precision if precision is not None and place.kind == "place" else place.precision
    if place.kind == "place":
        k = "place"
    elif place.kind == "country":
        k = "country"
    else:
        k = "region"
    ch = c.choice
    score = 0.5
    if ch is not None:
        score = round(min(1.0, 0.35 + 0.3 * ch.similarity + 0.08 * c.cue + 0.15 * min(max(ch.margin, 0.0), 1.0)), 3)
    return PlaceMention(
        start=start, end=end, text=text, country=place.country,
        admin1=place.admin1 if place.kind != "country" else None,
        admin2=place.admin2 if place.kind in ("place", "admin2") else None,
        location=place.name if place.kind == "place" else None,
        sublocation=sublocation, latitude=place.lat, longitude=place.lon,
        geonames_id=place.geonames_id, geo_precision=prec, kind=kind or k, score=score,  # type: ignore[arg-type]
    )


def _compose(doc: _Doc) -> list[PlaceMention]:
    toks = doc.toks
    cands = doc.cands
    out: list[PlaceMention] = []
    owned: dict[int, tuple[str, int, int]] = {}  # "Baghdad's Karrada district": Baghdad owns that sublocation
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
            owned[c.container] = (doc.text[c.start:c.end], c.start, c.end)
    for k, c in enumerate(cands):
        if c.absorbed or c.choice is None:
            continue
        place = c.choice.place
        start, end = c.start, c.end
        precision = c.precision
        sub = owned.get(k) or _sublocation_before(doc, c) or _sublocation_after(doc, c)
        if sub is not None:
            sub_text, s_start, s_end = sub
            start, end = min(start, s_start), max(end, s_end)
            if place.kind == "place" and precision is None:
                precision = 1
        # container written beside the name: fold both into one mention
        if c.container is not None and c.container > k and cands[c.container].choice is not None:
            other = cands[c.container]
            other.absorbed = True
            if not inside(place, other.choice.place):  # a village the gazetteer lacks, in that region
                c = other
                sub = (doc.text[start:end], start, end)
                place = other.choice.place
                precision = 2 if place.kind == "place" else None
            end = max(end, other.end)
            if doc.text[end:end + 1] == ")" and "(" in doc.text[c.end:other.start]:
                end += 1  # "Saraqib (Idlib)"
        road = _road_partner(doc, k)
        if road is not None:
            partner, road_end = road
            partner.absorbed = True
            end = road_end
            precision = 2
            sub = (doc.text[c.start:road_end], c.start, road_end)
        out.append(_mention(doc, c, start, end, place, sublocation=sub[0] if sub else None, precision=precision))
    # a name inside another mention's words (a sublocation's own name) is not a place of its own
    kept: list[PlaceMention] = []
    for m in sorted(out, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start >= kept[-1].start and m.end <= kept[-1].end:
            continue
        kept.append(m)
    return kept


def _road_partner(doc: _Doc, k: int) -> tuple[_Cand, int] | None:
    """"the Mora-Kousseri road": the first town anchors the road (precision 2)."""
    cands = doc.cands
    if k + 1 >= len(cands):
        return None
    a, b = cands[k], cands[k + 1]
    if not _ROAD.match(doc.text[a.end:b.start]):
        return None
    last = b.i + b.n - 1
    toks = doc.toks
    if last + 1 < len(toks) and toks.words[last + 1] in _ROAD_WORDS and toks.joined(last, last + 1):
        return b, toks.ends[last + 1]
    return None


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "some",
                          "several", "many", "other", "various", "one", "two", "three", "four", "five", "both", "all"})


def _sublocation_before(doc: _Doc, c: _Cand) -> tuple[str, int, int] | None:
    """"the Bilal market of Mora", "in the Nour and Salam quarters of Mora"."""
    toks = doc.toks
    v = _vocab()
    i = c.i
    if c.cue == CUE_NEAR:
        return None
    j = i - 1
    if j >= 0 and toks.words[j] == "the":
        j -= 1
    # skip "the town of" between the noun and the name
    if j >= 1 and toks.words[j] == "of" and toks.words[j - 1] in v.settlement | v.region1 | v.region2:
        k = j - 1
        while k >= 0 and toks.words[k] in ("the",):
            k -= 1
        if k >= 0 and toks.words[k] in ("of", "in", "at", "near"):
            j = k
    if j < 1 or toks.words[j] not in ("of", "in", "at") or not toks.joined(j, i):
        return None
    noun = j - 1
    if not _subloc_noun(toks.words[noun]) or not toks.joined(noun, j):
        return None
    names: list[tuple[int, int]] = []
    k = noun - 1
    group: list[int] = []
    while k >= 0 and noun - k <= 8:
        w = toks.words[k]
        if w in _DETERMINERS or _word_class(w) & (FUNC | WEAK) and w not in ("and",):
            break
        if w.endswith(("ly", "ing", "ed")) or w.isdigit() or len(group) >= 3:
            break  # "densely populated areas": a description, not a name
        if doc.mixed and toks.cases[k] == CASE_LOWER and w != "and" and not _word_class(w) & (ENG | PARTICLE):
            break
        if w == "and" or not toks.joined(k, k + 1):
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
    plural = toks.words[noun].endswith("s") and len(names) > 1
    if not names:
        if toks.words[noun] not in v.subloc or (toks.words[noun] in v.settlement and toks.words[j] == "of"):
            return None  # "positions in X": a plural with no name says little; "the village of X" is a cue
        s, e = toks.starts[noun], toks.ends[noun]
        return doc.text[s:e], s, e
    if plural:
        parts = [doc.text[toks.starts[a]:toks.ends[b]] for a, b in reversed(names)]
        return "; ".join(parts), toks.starts[names[-1][0]], toks.ends[noun]
    a, b = names[0]
    if not toks.joined(b, noun):
        s, e = toks.starts[noun], toks.ends[noun]
        return doc.text[s:e], s, e
    s = toks.starts[a]
    return doc.text[s:toks.ends[noun]], s, toks.ends[noun]


def _sublocation_after(doc: _Doc, c: _Cand) -> tuple[str, int, int] | None:
    """"Mora's central market", "Mora's Bilal neighbourhood"."""
    toks = doc.toks
    v = _vocab()
    last = c.i + c.n - 1
    if any(o.i == last + 1 and o.choice is not None for o in doc.cands):
        return None  # "Pakistan's Khyber district": the next words are a place of their own
    if c.end != toks.ends[last]:
        return None
    after = doc.text[c.end:c.end + 3]
    if not re.match(r"['\u2019]s\s", after):
        # "Kabul airport", "Bagram airbase": a facility named after the town
        k = last + 1
        if c.choice is not None and c.choice.place.kind == "country":
            return None
        if k < len(toks) and toks.joined(last, k) and toks.words[k] in v.subloc and toks.words[k] not in v.settlement \
                and toks.words[k] not in v.region1 and toks.words[k] not in v.region2 and toks.words[k] not in v.vague_area \
                and toks.gap(k) == " " and (not doc.mixed or toks.cases[k] != CASE_UPPER):
            return doc.text[toks.starts[k]:toks.ends[k]], c.start, toks.ends[k]
        return None
    for k in range(last + 1, min(last + 5, len(toks))):
        if k > last + 1 and not toks.joined(k - 1, k):
            return None
        w = toks.words[k]
        if w in v.subloc:
            s = toks.starts[last + 1]
            return doc.text[s:toks.ends[k]], c.start, toks.ends[k]
        if _word_class(w) & FUNC:
            return None
    return None


FUZZY_CUTOFF = 85.0


def _fuzzy_place(doc: _Doc, words: str, loose: bool) -> Place | None:
    """Words a cue marks as a place, matched by rapidfuzz within their spelling block only.

    Only with a country in force (a village-sized name matched fuzzily across the world is
    noise) and only above :data:`FUZZY_CUTOFF`."""
    country = doc.context.country or (doc.context.place.country if doc.context.place else None)
    if not country or loose and len(words) < 5:
        return None
    ranked = load().fuzzy(words, country=country, limit=3, cutoff=FUZZY_CUTOFF)
    return ranked[0][0] if ranked else None


def _unknown_places(doc: _Doc, found: list[PlaceMention]) -> list[PlaceMention]:
    """Words a strong cue marks as a place that the gazetteer does not know ("the village of Xyz")."""
    toks = doc.toks
    v = _vocab()
    covered = [(m.start, m.end) for m in found]
    out: list[PlaceMention] = []
    count = len(toks)

    def is_covered(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in covered)

    for j in range(count - 1):
        w = toks.words[j]
        start_k: int | None = None
        loose = False  # a preposition, not a place-type word, introduces it: stricter capture
        if w == "of" and j >= 1 and toks.words[j - 1] in v.settlement \
                and toks.words[j - 1] not in v.vague_area and toks.joined(j - 1, j + 1):
            start_k = j + 1
        elif w in ("wilayat", "wilayah") and toks.joined(j, j + 1):
            start_k = j + 1
        elif w in ("near", "outside") and toks.joined(j, j + 1):
            start_k, loose = j + 1, True
        elif doc.mixed and w in ("in", "at") and toks.joined(j, j + 1) and toks.cases[j + 1] != CASE_LOWER:
            start_k, loose = j + 1, True
        if start_k is None:
            continue
        if toks.words[start_k] == "the" and start_k + 1 < count and toks.joined(start_k, start_k + 1):
            if loose:
                continue  # "near the border", "in the Senate"
            start_k += 1
        k = start_k
        while k < count and k - start_k < 4 and toks.joined(start_k, k):
            wk = toks.words[k]
            cls = _word_class(wk)
            if cls & FUNC and not cls & PARTICLE:
                break
            if doc.mixed and toks.cases[k] == CASE_LOWER and not cls & PARTICLE:
                break
            if loose and cls & (ENG | NAME | SETTLE | SUBLOC):
                break
            k += 1
        if k == start_k:
            continue
        if loose and (k - start_k > 3 or (doc.mixed and _acronym(toks.surface(start_k)))):
            continue
        if loose and doc.mixed and k < count and toks.joined(k - 1, k) and toks.cases[k] != CASE_LOWER:
            continue  # runs on into more capitalised words: an organisation or a person
        s, e = toks.starts[start_k], toks.ends[k - 1]
        if is_covered(s, e):
            continue
        if load().candidates(doc.text[s:e]):
            continue  # a known name the context ruled out (a small place abroad): not this country's village
        sub = doc.text[s:e]
        # "the village of Xyz, near Mora" / "the village of Xyz in Kunar": file it under that place
        host = next((m for m in found if m.start >= e and re.fullmatch(r"\s*(?:,|,?\s*(?:in|of|near|outside)\s+(?:the\s+)?)\s*",
                                                                         doc.text[e:m.start], re.IGNORECASE)), None)
        if host is not None and host.sublocation is None:
            near = "near" in doc.text[e:host.start].lower() or host.kind == "place"
            merged = replace(host, start=s, end=host.end, text=doc.text[s:host.end], sublocation=sub,
                             geo_precision=2 if near and host.kind == "place" else host.geo_precision)
            found[found.index(host)] = merged
            covered.append((s, host.end))
            continue
        fuzzy = _fuzzy_place(doc, sub, loose)
        if fuzzy is not None:  # a spelling the index does not hold ("Zakho" for "Zaxo")
            out.append(_mention(doc, _Cand(i=start_k, n=k - start_k, hash=0, tier=fuzzy.tier, cue=CUE_STRONG,
                                           choice=Choice(fuzzy, 0.0, 0.5, 0.9)), s, e, fuzzy,
                                precision=2 if loose and w in ("near", "outside") else None))
            covered.append((s, e))
            continue
        out.append(PlaceMention(start=s, end=e, text=sub, country=doc.context.country, admin1=doc.context.admin1,
                                sublocation=sub, kind="sublocation", score=0.3))
        covered.append((s, e))
    return out
