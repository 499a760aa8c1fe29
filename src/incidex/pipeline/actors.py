"""ACTORS and CLAIMS stages: who attacked whom, under neutral names, and who claimed it.

``find_actors`` finds armed groups, state forces and victim nouns (each an ``ActorMention``
with a neutral name, a kind, a GTD target type and a role read from the words around it);
``find_claims`` finds reports of claims and of their absence; ``detect_claim_voice`` tells
whether a whole document is a group's own claim; ``decide_target`` and
``decide_perpetrator`` pick one of each for an event (conventions.md §2 and §4).

All vocabularies are data (see the ``data/`` files named below). Loaded terms a group uses
for its enemies are mapped to neutral actors using the nouns around them; the loaded words
themselves only ever appear in ``ActorMention.text`` (the evidence), never in ``name``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterable, Sequence

from incidex.errors import DataError
from incidex.pipeline.mentions import ActorMention, ClaimMention, PlaceMention, direct_init, replaced
from incidex.pipeline.prefilter import Gated, gated
from incidex.pipeline.tokens import is_all_caps, load_data, lowered, phrase_key, phrase_regex
from incidex.schema import TARGET_TYPES

__all__ = [
    "ClaimVoice", "find_actors", "find_claims", "detect_claim_voice", "decide_target", "decide_perpetrator",
    "national_name", "group_countries",
]

_GROUP_TARGET = "Terrorists/Non-State Militias"
_KINDS = ("group", "state", "civilian", "other")


# --------------------------------------------------------------------------- vocabulary

@dataclass(frozen=True)
class _Reading:
    """A neutral reading: what a phrase means as an actor."""

    name: str
    kind: str
    target_type: str | None


@dataclass(frozen=True)
class _Context:
    """Re-read a name when one of ``words`` occurs (anywhere in the text, or near the phrase)."""

    words: re.Pattern[str]
    reading: _Reading
    only: frozenset[str] | None = None  # phrase keys the rule applies to (None: all)


@dataclass(frozen=True)
class _Entry:
    reading: _Reading
    source: str                  # group | state | noun | loaded | ingroup | media
    role: str = "unknown"        # default role
    weak: bool = False           # "people": a target type only when nothing else says one
    from_text: bool = False      # named by its own words ("Church"), not by the entry name
    hosts_people: bool = False   # a bus, a mosque: civilians hit there take its target type
    contexts: tuple[_Context, ...] = ()        # anywhere in the text
    near: tuple[_Context, ...] = ()            # loaded terms: within the window
    not_followed_by: re.Pattern[str] | None = None
    not_preceded_by: re.Pattern[str] | None = None

    @property
    def named(self) -> bool:
        """A specific actor (a group or force name), not a generic noun or a loaded term."""
        return self.source in ("group", "state", "ingroup")


@dataclass(frozen=True)
class _Vocab:
    lower: re.Pattern[str]
    lower_map: dict[str, _Entry]
    combo_countries: dict[str, str]   # adjective key -> country
    combo_nouns: dict[str, str]       # force noun key -> Military | Police | Gendarmerie
    force_types: dict[str, str]       # Military | Police | Gendarmerie -> GTD target type
    iso: dict[str, str]               # ISO alpha-2 -> country as written in "Military of <country>"
    cased: re.Pattern[str] | None
    cased_map: dict[str, _Entry]
    caps_ambiguous: frozenset[str]
    heads: frozenset[str]
    generic_names: frozenset[str]
    noun_map: dict[str, _Entry]       # count nouns -> generic entries
    window: int
    media_groups: dict[str, str]
    home_countries: dict[str, str]    # group name -> ISO alpha-2 of where it nearly always acts


def _reading(raw: dict[str, Any], where: str, default_kind: str = "other") -> _Reading:
    kind = raw.get("kind", default_kind)
    target_type = raw.get("target_type")
    if kind not in _KINDS:
        raise DataError(f"{where}: unknown kind {kind!r}")
    if target_type is not None and target_type not in TARGET_TYPES:
        raise DataError(f"{where}: unknown target_type {target_type!r}")
    return _Reading(raw["name"], kind, target_type)


def _words_regex(words: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + phrase_regex(words) + r"(?![\w])")


def _contexts(raw: list[dict[str, Any]] | None, base: _Reading, where: str) -> tuple[_Context, ...]:
    out = []
    for rule in raw or []:
        reading = _Reading(rule.get("name", base.name), rule.get("kind", base.kind), rule.get("target_type", base.target_type))
        _reading({"name": reading.name, "kind": reading.kind, "target_type": reading.target_type}, where)
        words = rule.get("anywhere") or rule.get("near") or []
        only = frozenset(phrase_key(k) for k in rule["only"]) if rule.get("only") else None
        out.append(_Context(_words_regex(words), reading, only))
    return tuple(out)


def _cased_key(words: str) -> str:
    """Lookup key of an abbreviation as written: case kept, spaces, hyphens and dots dropped."""
    return re.sub(r"[\s\-'’.]+", "", words)


class _Builder:
    """Collects phrase -> entry maps; the first entry given for a key wins (explicit names first)."""

    def __init__(self) -> None:
        self.lower: dict[str, _Entry] = {}
        self.lower_phrases: list[str] = []
        self.cased: dict[str, _Entry] = {}
        self.cased_phrases: list[str] = []

    def add(self, phrase: str, entry: _Entry, cased: bool = False) -> None:
        key = phrase_key(phrase) if not cased else _cased_key(phrase)
        table, phrases = (self.cased, self.cased_phrases) if cased else (self.lower, self.lower_phrases)
        if key not in table:
            table[key] = entry
            phrases.append(phrase)


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    """Load the four vocabulary files once and compile them into two regexes (case-folded, cased)."""
    b = _Builder()
    grammar = load_data("actors.yaml")
    media_groups: dict[str, str] = {}
    home_countries: dict[str, str] = {}

    for raw in load_data("actors_groups.yaml")["groups"]:
        where = f"actors_groups.yaml: {raw['name']}"
        if raw.get("country"):
            home_countries[raw["name"]] = str(raw["country"]).upper()
        reading = _reading({"kind": "group", "target_type": _GROUP_TARGET, **raw}, where)
        ctx = _contexts(raw.get("context"), reading, where)
        entry = _Entry(reading, "group", contexts=ctx)
        for alias in raw.get("aliases") or []:
            b.add(alias, entry)
        for abbrev in raw.get("abbrev") or []:
            b.add(abbrev, entry, cased=True)
        for name in raw.get("ingroup") or []:
            b.add(name, _Entry(reading, "ingroup", role="perpetrator"))
        for name in raw.get("media") or []:
            b.add(name, _Entry(reading, "media"))
            media_groups[phrase_key(name)] = reading.name

    state = load_data("actors_state.yaml")
    for raw in state["forces"]:
        where = f"actors_state.yaml: {raw['name']}"
        reading = _reading({"kind": "state", **raw}, where)
        entry = _Entry(
            reading, "state", contexts=_contexts(raw.get("context"), reading, where),
            not_followed_by=re.compile(raw["not_followed_by"], re.I) if raw.get("not_followed_by") else None,
            not_preceded_by=re.compile(raw["not_preceded_by"], re.I) if raw.get("not_preceded_by") else None,
        )
        for alias in raw.get("aliases") or []:
            b.add(alias, entry)
        for abbrev in raw.get("abbrev") or []:
            b.add(abbrev, entry, cased=True)

    loaded = load_data("loaded_terms.yaml")
    for raw in loaded["terms"]:
        where = f"loaded_terms.yaml: {raw['key']}"
        default = _reading(raw["default"], where)
        near = _contexts(raw.get("context"), default, where)
        entry = _Entry(default, "loaded", role="target", near=near)
        for variant in [raw["key"], *raw.get("variants", [])]:
            b.add(variant, entry)

    nouns = load_data("target_nouns.yaml")
    noun_map: dict[str, _Entry] = {}
    generic: set[str] = set()
    for raw in nouns["nouns"]:
        where = f"target_nouns.yaml: {raw['name']}"
        reading = _reading(raw, where)
        entry = _Entry(reading, "noun", role=raw.get("role", "unknown"), weak=bool(raw.get("weak")),
                       from_text=bool(raw.get("name_from_text")), hosts_people=bool(raw.get("hosts_people")))
        generic.add(reading.name)
        for noun in raw["nouns"]:
            b.add(noun, entry)
            noun_map.setdefault(phrase_key(noun), entry)
        for abbrev in raw.get("abbrev") or []:
            b.add(abbrev, replace(entry, from_text=False), cased=True)

    countries: dict[str, str] = {}
    for country, adjectives in state["countries"].items():
        for adj in [country, *adjectives]:
            countries.setdefault(phrase_key(adj), country)
    force_nouns: dict[str, str] = {}
    for cls, words in state["force_nouns"].items():
        for word in words:
            force_nouns.setdefault(phrase_key(word), cls)
    adj_words = [a for c, adjs in state["countries"].items() for a in [c, *adjs]]
    noun_words = [w for words in state["force_nouns"].values() for w in words]
    force_types = dict(state["force_types"])
    for cls in state["force_nouns"]:
        if force_types.get(cls) not in TARGET_TYPES:
            raise DataError(f"actors_state.yaml: force_types has no GTD type for {cls!r}")
    # "Nigerian soldiers", "Iraq's army" | "the army of Niger"
    combo = (
        "(?P<adj>" + phrase_regex(adj_words) + r")(?:['’]s)?[\s\-]+(?P<noun>" + phrase_regex(noun_words) + ")"
        + "|(?P<noun2>" + phrase_regex(noun_words) + r")\s+of\s+(?:the\s+)?(?P<adj2>" + phrase_regex(adj_words) + ")"
    )
    lower = re.compile(r"(?<![\w])(?:" + combo + "|" + phrase_regex(b.lower_phrases) + r")(?![\w])")
    cased = re.compile(r"(?<![\w])(?:" + phrase_regex(b.cased_phrases, lower=False) + r")(?![\w])") if b.cased_phrases else None
    return _Vocab(
        lower=lower, lower_map=b.lower, combo_countries=countries, combo_nouns=force_nouns,
        force_types=force_types, iso={k.upper(): c for k, c in (state.get("iso") or {}).items()},
        cased=cased, cased_map=b.cased,
        caps_ambiguous=frozenset(_cased_key(w) for w in grammar.get("caps_ambiguous") or ()),
        heads=frozenset(phrase_key(w) for w in nouns.get("heads") or ()),
        generic_names=frozenset(generic), noun_map=noun_map,
        window=int(loaded.get("window", 60)), media_groups=media_groups, home_countries=home_countries,
    )


# --------------------------------------------------------------------------- grammar

@dataclass(frozen=True)
class _Grammar:
    """Role patterns, each set compiled as ONE ordered alternation with a named group per cue,
    so one anchored match says which cue (the highest in priority order) applies.

    ``after`` reads the text right after a mention; ``before`` reads the text right before
    it REVERSED (``before[::-1]``), so that it too is an anchored match and not a search.
    """

    after: re.Pattern[str]    # groups: passive, outcome, victim, blame, speaker, clash, active, nominal
    before: re.Pattern[str]   # groups: agent, blame, clash, target, aimed
    clash_before: re.Pattern[str]
    clash_stems: tuple[str, ...]  # cheap test before the clash pattern, which scans the window
    of_after: re.Pattern[str]
    head_after: re.Pattern[str]  # a head noun right after a name: "Taliban fighters", "ISF units"
    named_passive: re.Pattern[str]  # a name, then the passive: "minister Jose Rodriguez was killed"


def _alt(words: Iterable[str]) -> str:
    return "(?:" + phrase_regex(words) + ")"


def _ralt(words: Iterable[str]) -> str:
    """Alternation of the words spelled backwards (for patterns on reversed text)."""
    return "(?:" + phrase_regex(w.lower()[::-1] for w in words) + ")"


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    roles = load_data("actors.yaml")["roles"]
    # after a name: a closing quote, an abbreviation in brackets, a head noun ("the FMLN (FMLN) units")
    head = (r"(?:[\"”’']\s*)?(?:\s*\)\s*)?(?:\s*\([^()]{1,40}\))?(?:\s*[\"”’'])?"
            r"(?:\s+" + _alt(roles["head_nouns"]) + r")?")
    rword = r"(?!" + _ralt(roles["object_stops"]) + r"(?![\w]))[\w'’.-]+"
    aside = r"(?:\s*,[^,.;]{1,60},)?"
    # reversed: a filler word is a transparent phrase or any word that is not a stop word
    rfiller = r"(?:" + _ralt(roles["transparent"]) + r"|(?!" + _ralt(roles["object_stops"]) + r"(?![\w]))[\w'’.-]+)\s+"
    dets = roles["agent_determiners"]
    passive = (
        aside + r"\s+(?:" + _alt(roles["passive_auxiliaries"]) + r"\s+){1,3}(?:[a-z]+ly\s+)?"
        + _alt(roles["passive_verbs"]) + r"(?![\w])"
        + "|" + aside + r"\s+" + _alt(roles["headline_passive_verbs"])
        + r"(?:\s+" + _alt(roles["outcome_followers"]) + r"(?![\w])|\s*[,.;:|)(]|\s*$)|" + aside + r"\s+" + _alt(roles["attack_verbs"]) + r"\s+by(?![\w])")
    outcome = (
        r"\s+" + _alt(roles["outcome_verbs"])
        + r"(?:\s+(?!at\s+least|at\s+most)" + _alt(roles["outcome_followers"]) + r"(?![\w])|\s*[,.;:!?(\-]|\s*$)")
    victim = aside + r"\s+(?:(?:had|have|has|also|then|later|reportedly)\s+)?" + _alt(roles["victim_verbs"]) + r"(?![\w])"
    # "ISIL suspected." in bulletins: the bare participle closing the clause
    blame_after = aside + r"\s+(?:" + _alt(roles["blame_after"]) + r"(?![\w])|suspected\s*(?:[.;,)]|$))"
    nominal = r"\s+" + _alt(roles["nominal_attacks"]) + r"(?![\w])"
    clash_after = (
        r"(?:\s+and\s+[^.;]{1,60}?)?\s+(?:(?:have|has|had|also|reportedly|then)\s+)?" + _alt(roles["clash_words"]) + r"(?![\w])")
    # "ISWAP fighters in 10 gun trucks attacked": a short phrase between the actor and its verb
    pp = r"(?:\s+(?:in|on|with|aboard|riding|from|based in)(?:\s+(?!and\b)[\w'’.-]+){1,5}?)?"
    active = (
        aside + pp + r"\s+(?:(?:" + _alt(roles["subject_fillers"]) + r"|on\s+\w+day|[a-z]+ly)\s+){0,3}"
        + _alt(roles["attack_verbs"]) + r"(?![\w])(?!\s+" + _alt(roles["background"]) + r"(?![\w]))")
    agent = (r"^\s*[\"“”'(]?\s*(?:(?:" + _ralt(dets) + "|" + rword + r")\s+){0,4}?yb\s+(?:[\w'’-]+\s+){0,4}?"
             + _ralt(roles["agent_verbs"]) + r"(?![\w])")
    blame_before = r"^\s*[\"“”'(]?\s*(?:(?:eht|a|na)\s+)?" + _ralt(roles["blame_before"]) + r"(?![\w])"
    clash_before = (
        r"^[^.;]*?(?<![\w])" + _ralt(roles["clash_links"]) + r"\s+(?:[\w'’-]+\s+){0,3}?" + _ralt(roles["clash_words"]) + r"(?![\w])")
    target = r"^\s+(?:" + rfiller + "){0,4}(?:" + _ralt(roles["attack_verbs"]) + "|" + _ralt(roles["target_before"]) + r")(?![\w])"
    clash_object = r"^\s+(?:" + rfiller + "){0,4}" + _ralt(roles["clash_verbs"]) + r"(?![\w])"
    aimed = (r"^\s+(?:(?:eht|a|na)\s+)?(?:ta|no|nopu|otni|tsniaga)\s+(?:[\w'’-]+\s+){0,4}?"
             + _ralt(roles["aim_verbs"]) + r"(?![\w])")
    speaker = r"\s+(?:(?:has|have|had|also|later|then)\s+)?" + _alt(roles["speaker_verbs"]) + r"(?![\w])"
    return _Grammar(
        after=re.compile(
            f"^{head}(?:(?P<passive>{passive})|(?P<outcome>{outcome})|(?P<victim>{victim})|(?P<blame>{blame_after})"
            f"|(?P<speaker>{speaker})|(?P<clash>{clash_after})|(?P<active>{active})|(?P<nominal>{nominal}))"),
        before=re.compile(
            f"(?P<agent>{agent})|(?P<blame>{blame_before})|(?P<clash>{clash_object})|(?P<target>{target})|(?P<aimed>{aimed})"),
        clash_before=re.compile(clash_before),
        clash_stems=tuple(sorted({w.split()[0][:5] for w in roles["clash_words"]})),
        of_after=re.compile(r"^\s+of\s+(?:the\s+|a\s+|an\s+)?$"),
        head_after=re.compile(r"(?:['’]s)?\s{1,3}" + _alt(roles["head_nouns"]) + r"(?![\w])"),
        named_passive=re.compile(
            r"^(?:\s+(?!" + _alt([*roles["object_stops"], *roles["speaker_verbs"], *roles["attack_verbs"],
                                  *roles["passive_auxiliaries"], "and", "or", "the", "a", "an"])
            + r"(?![\w]))[a-z][\w'’.-]*){1,5}?(?:" + passive + "|" + outcome + ")"),
    )


# --------------------------------------------------------------------------- scanning

@direct_init
@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    entry: _Entry
    reading: _Reading
    key: str


# a sentence break: . ! ? ; : and a space, or a new line; not after an abbreviation or initial
_ABBREVIATIONS = ("approx", "no", "nos", "gen", "col", "lt", "sgt", "capt", "gov", "dr", "mr", "mrs", "st", "vs", "est",
                  "brgy", "km")
_BREAK = re.compile(
    r"(?:\.(?<!\b" + r"\.)(?<!\b".join(_ABBREVIATIONS) + r"\.)(?<!\b[a-z]\.)|[!?;:])\s|\n"
)
#: The same behind its needle gate, for the scan of every sentence: a headline has no break
#: character at all, and the pattern's look-behinds cost a few microseconds to find that out.
_ANY_BREAK = gated(_BREAK)


def _scan(text: str, low: str) -> list[_Hit]:
    """All vocabulary phrases in ``text``, overlaps resolved (longest, then leftmost), readings settled."""
    v = _vocab()
    hits: list[_Hit] = []
    for m in v.lower.finditer(low):
        combo = _combo_reading(m, v)
        if combo is not None:
            hits.append(_Hit(m.start(), m.end(), _Entry(combo, "state"), combo, phrase_key(m.group())))
            continue
        key = phrase_key(m.group())
        entry = v.lower_map.get(key)
        if entry is not None:
            reading = entry.reading
            if entry.from_text:
                # things and specific people are named by their own words ("Church", "Teacher")
                reading = _Reading(_noun_name(m.group()), reading.kind, reading.target_type)
            hits.append(_Hit(m.start(), m.end(), entry, reading, key))
    if v.cased is not None:
        caps = is_all_caps(text)
        for m in v.cased.finditer(text):
            key = _cased_key(m.group())
            entry = v.cased_map.get(key)
            if entry is None or (caps and key in v.caps_ambiguous):
                continue
            if entry.not_followed_by is not None and entry.not_followed_by.match(text, m.end()):
                continue
            if entry.not_preceded_by is not None and entry.not_preceded_by.search(text[max(0, m.start() - 20):m.start()]):
                continue
            hits.append(_Hit(m.start(), m.end(), entry, entry.reading, phrase_key(key)))
    if not hits:
        return hits
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    memo: dict[int, bool] = {}
    return [_settle(i, kept, low, v, memo) for i in range(len(kept))]


def _combo_reading(m: re.Match[str], v: _Vocab) -> _Reading | None:
    """The force named by a nationality and a force noun ("Nigerian troops", "the army of Niger")."""
    adj = m.group("adj") or m.group("adj2")
    if adj is None:
        return None
    country = v.combo_countries.get(phrase_key(adj))
    cls = v.combo_nouns.get(phrase_key(m.group("noun") or m.group("noun2")))
    if country is None or cls is None:
        return None
    return _Reading(f"{cls} of {country}", "state", v.force_types[cls])


def _noun_name(words: str) -> str:
    """A generic noun as a target name: "POLICE  STATION" -> "Police station"."""
    name = " ".join(words.split()).lower()
    return name[:1].upper() + name[1:]


def _settle(i: int, hits: list[_Hit], low: str, v: _Vocab, memo: dict[int, bool]) -> _Hit:
    """Apply context rules: anywhere-rules for names, near-rules and neighbours for loaded terms.

    ``memo`` remembers, per rule, whether its words occur anywhere in the text, so a long
    document with thousands of mentions of one name searches the text once, not once each.
    """
    hit = hits[i]
    entry = hit.entry
    for rule in entry.contexts:
        if rule.only is not None and hit.key not in rule.only:
            continue
        found = memo.get(id(rule))
        if found is None:
            found = memo[id(rule)] = rule.words.search(low) is not None
        if found:
            return replaced(hit, reading=rule.reading)
    if entry.source != "loaded":
        return hit
    # a named force or group right beside the term: the term is only an adjective
    for j in (i - 1, i + 1):
        if not 0 <= j < len(hits):
            continue
        other = hits[j]
        if not other.entry.named or other.entry.source == "ingroup":
            continue
        gap = low[other.end:hit.start] if other.end <= hit.start else low[hit.end:other.start]
        if len(gap) <= 3 and not _BREAK.search(gap):
            return replaced(hit, reading=other.reading)
    lo, hi = max(0, hit.start - v.window), min(len(low), hit.end + v.window)
    chars = list(low[lo:hi])

    def blank(a: int, b: int) -> None:
        a, b = max(a, lo), min(b, hi)
        if a < b:
            chars[a - lo:b - lo] = " " * (b - a)

    blank(hit.start, hit.end)
    for j in range(max(0, i - 6), min(len(hits), i + 7)):
        if j != i and hits[j].entry.source in ("ingroup", "group", "media"):
            blank(hits[j].start, hits[j].end)  # "soldiers of the caliphate" says nothing about the target
    window = "".join(chars)
    reading = next((rule.reading for rule in entry.near if rule.words.search(window)), entry.reading)
    # "Kenyan crusader forces": a nationality right before the term names the state's forces
    prev = _PREV_WORD.search(low, max(0, hit.start - 40), hit.start)
    country = v.combo_countries.get(phrase_key(prev.group(1))) if prev is not None else None
    if country is not None and reading.kind == "state" and reading.target_type in ("Military", "Police"):
        reading = _Reading(f"{reading.target_type} of {country}", "state", reading.target_type)
    return replaced(hit, reading=reading) if reading is not entry.reading else hit


_PREV_WORD = re.compile(r"([\w'’.-]+)\s+$")


def _merge_heads(hits: list[_Hit], low: str, v: _Vocab) -> list[_Hit]:
    """Join "Taliban fighters", "ISF units" into one mention; drop containers ("a gathering of X" -> X)."""
    g = _grammar()
    out: list[_Hit] = []
    absorbed_to = -1
    for hit in hits:
        if hit.start < absorbed_to:
            continue  # a head noun already joined to the name before it
        if out:
            prev = out[-1]
            gap = low[prev.end:hit.start]
            if (
                prev.entry.source == "noun" and low[prev.start:prev.end].rsplit(None, 1)[-1] in v.heads
                and g.of_after.match(gap)
            ):
                out.pop()
                # "the apostate militia of the MSA": the loaded word before the container is the MSA
                if out and out[-1].entry.source == "loaded" and hit.entry.named and len(low[out[-1].end:prev.start]) <= 3:
                    out[-1] = replaced(out[-1], reading=hit.reading)
                out.append(hit)
                continue
        if hit.entry.named:
            m = g.head_after.match(low, hit.end)
            if m is not None:
                hit = replaced(hit, end=m.end())
                absorbed_to = m.end()
        out.append(hit)
    return out


def _window(low: str, breaks: tuple[tuple[int, ...], tuple[int, ...]], start: int, end: int, size: int = 80) -> tuple[str, str]:
    """Text before and after a span, cut at sentence breaks (``breaks``: sorted starts and ends)."""
    starts, ends = breaks
    i = bisect_right(ends, start)
    lo = max(start - size, ends[i - 1] if i else 0)
    j = bisect_left(starts, end)
    hi = min(end + size, starts[j] if j < len(starts) else len(low))
    return low[lo:start], low[end:hi]


def _role(hit: _Hit, low: str, breaks: tuple[tuple[int, ...], tuple[int, ...]]) -> str:
    """Perpetrator, target or unknown, from the words around the mention (conventions.md §2).

    Priority: passive/outcome after it (target); "by X", "blamed X", "X was behind" (perpetrator);
    a clash (the non-state side is the perpetrator, the state side the target); X as subject
    of an attack verb (perpetrator); X as object of one (target); else the default role.
    """
    source = hit.entry.source
    if source == "loaded":
        return "target"
    if source == "ingroup":
        return "perpetrator"
    g = _grammar()
    before, after = _window(low, breaks, hit.start, hit.end)
    a = g.after.match(after)
    a_kind = a.lastgroup if a is not None else None
    if a_kind in ("passive", "outcome", "victim"):
        return "target"
    default_target = hit.entry.role == "target" and source == "noun"
    if a_kind is None and source == "noun" and hit.reading.kind not in ("group", "state") \
            and not hit.key.endswith("s") and g.named_passive.match(after):
        return "target"  # one person's title, a name, the passive: "minister Jose Rodriguez Porth was killed"
    if a_kind == "speaker" and default_target:
        return "unknown"  # "the ministry said": a place or group of people speaking is not the target
    rbefore = before[::-1]
    b = g.before.match(rbefore)
    b_kind = b.lastgroup if b is not None else None
    if b_kind in ("agent", "blame") or a_kind == "blame":
        return "perpetrator"
    if a_kind == "active":
        return "perpetrator"  # "an unidentified man hurled a grenade": even a victim noun can attack
    if a_kind == "nominal" and hit.reading.kind in ("group", "state"):
        return "perpetrator"  # "ISF operation", "AS attack on an SNA base"
    if default_target:
        return "target"
    if a_kind == "clash" or b_kind == "clash" or (any(map(before.__contains__, g.clash_stems)) and g.clash_before.match(rbefore)):
        if hit.reading.kind == "group":
            return "perpetrator"
        if hit.reading.kind == "state":
            return "target"
    if b_kind in ("target", "aimed"):
        return "target"
    return hit.entry.role


@lru_cache(maxsize=64)
def _mentions(text: str) -> tuple[str, tuple[_Hit, ...], tuple[tuple[int, ...], tuple[int, ...]]]:
    """Lower-cased text, vocabulary hits and sentence-break ends of ``text``.

    Cached: find_actors, find_claims and detect_claim_voice read the same text in a row.
    """
    low = lowered(text)
    hits = _scan(text, low)
    found = [m.span() for m in _ANY_BREAK.finditer(low)]
    breaks = (tuple(a for a, _ in found), tuple(b for _, b in found))
    return low, tuple(_merge_heads(hits, low, _vocab()) if hits else hits), breaks


def find_actors(text: str) -> list[ActorMention]:
    """Armed groups, state forces and victims in ``text`` under neutral names, with roles."""
    low, hits, breaks = _mentions(text)
    out = []
    for hit in hits:
        if hit.entry.source == "media":
            continue
        out.append(ActorMention(
            start=hit.start, end=hit.end, text=text[hit.start:hit.end], name=hit.reading.name,
            role=_role(hit, low, breaks), actor_kind=hit.reading.kind, target_type=hit.reading.target_type,  # type: ignore[arg-type]
        ))
    return out


def group_countries(text: str) -> list[PlaceMention]:
    """The home countries of the armed groups ``text`` names, one country-level mention per
    group mention (spanning the group's name).

    A report that names the FMLN or Boko Haram but no town is most likely about El Salvador or
    Nigeria: the place stage counts these as votes for the document's country, never as a place."""
    _, hits, _ = _mentions(text)
    home = _vocab().home_countries
    return [PlaceMention(h.start, h.end, text[h.start:h.end], country=home[h.reading.name], geo_precision=6,
                         kind="country")
            for h in hits if h.entry.source in ("group", "ingroup", "media") and h.reading.name in home]


# --------------------------------------------------------------------------- claims

@dataclass(frozen=True)
class _ClaimGrammar:
    negative: re.Pattern[str]
    positive: re.Pattern[str]
    negators: re.Pattern[str]
    media_after: re.Pattern[str]
    media_before: re.Pattern[str]


@lru_cache(maxsize=1)
def _claim_grammar() -> _ClaimGrammar:
    claims = load_data("actors.yaml")["claims"]
    return _ClaimGrammar(
        negative=re.compile("|".join(f"(?:{p})" for p in claims["negative"])),
        positive=re.compile("|".join(f"(?:{p})" for p in claims["positive"])),
        negators=re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in claims["negators"]) + r")(?![\w])"),
        media_after=re.compile(r"^\s+(?:news\s+agency\s+|agency\s+|channel\s+|website\s+)?(?:said|says|reported|reports|claimed|published|announced|stated|carried|posted|released)\b"),
        media_before=re.compile(r"(?:according\s+to|via|on|in|published\s+by|carried\s+by|through|by|said|told|to)\s+(?:the\s+|its\s+|their\s+)?(?:group.s\s+)?(?:news\s+agency\s+|propaganda\s+agency\s+|mouthpiece\s+)?$"),
    )


def _sentence_bounds(low: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 200)
    s = lo
    for m in _BREAK.finditer(low, lo, start):
        s = m.end()
    m2 = _BREAK.search(low, end, min(len(low), end + 200))
    e = m2.start() if m2 is not None else min(len(low), end + 200)
    return s, e


_APPOSITION = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?,")
_DENIAL = re.compile(r"(?:denied|denies|deny|denying|rejected|rejects|disowned|disclaimed)\b")


def find_claims(text: str) -> list[ClaimMention]:
    """Reports that a group claimed an attack (claimed=True) or that nobody did (claimed=False).

    Attribution by officials ("police blamed Boko Haram") is not a claim: it shows up in
    ``find_actors`` as a perpetrator role instead. ``source`` is always "third_party" here:
    a document in the group's own voice is found by ``detect_claim_voice``. A claim's group
    is the named group or media outlet nearest to it in its sentence (before it, or after
    "claimed by"); a claim whose subject is a state force ("the army said it carried out
    strikes") is an operation report, not a claim.
    """
    low, hits, breaks = _mentions(text)
    g = _claim_grammar()
    v = _vocab()
    starts = [h.start for h in hits]

    def between(lo: int, hi: int) -> list[_Hit]:
        return [h for h in hits[bisect_left(starts, lo):bisect_left(starts, hi)] if h.end <= hi]

    found: list[tuple[int, int, bool, str | None]] = []
    negatives = list(g.negative.finditer(low))
    for m in negatives:
        group = None
        if _DENIAL.match(m.group()):
            s0, _ = _sentence_bounds(low, m.start(), m.end())
            before = [h for h in between(s0, m.start()) if h.entry.named or h.entry.source == "media"]
            if before:
                group = _group_name(before[-1], v)
        found.append((m.start(), m.end(), False, group))
    for m in g.positive.finditer(low):
        if any(n.start() < m.end() and m.start() < n.end() for n in negatives):
            continue
        s0, e0 = _sentence_bounds(low, m.start(), m.end())
        if g.negators.search(low, max(s0, m.start() - 40), m.start()):
            found.append((m.start(), m.end(), False, None))
            continue
        left = between(s0, m.start())
        subject = next((h for h in reversed(left) if h.entry.source != "media"), None)
        if subject is not None and subject.reading.kind == "state":
            continue
        before = [h for h in left if h.entry.named or h.entry.source == "media"]
        after = [h for h in between(m.end(), e0) if h.entry.named or h.entry.source == "media"]
        pick = None
        if m.group().split()[-1:] == ["by"] and after:
            pick = after[0]
        elif before:
            pick = before[-1]
            # "JNIM, al-Qaida's affiliate in the Sahel, claimed": the subject, not the apposition
            if len(before) > 1 and _APPOSITION.match(low, before[-2].end) and low.find(",", before[-1].end, m.start()) >= 0:
                pick = before[-2]
        elif after and after[0].start - m.end() <= 80:
            pick = after[0]
        start, end = m.start(), m.end()
        if pick is not None and pick.end <= start and start - pick.end <= 60:
            start = pick.start
        elif pick is not None and pick.start >= end and pick.start - end <= 60:
            end = pick.end
        found.append((start, end, True, _group_name(pick, v) if pick is not None else None))
    for h in hits:
        if h.entry.source != "media":
            continue
        before_text, after_text = _window(low, breaks, h.start, h.end, 60)
        if g.media_after.match(after_text) or g.media_before.search(before_text):
            found.append((h.start, h.end, True, h.reading.name))
    return _merge_claims(found, text)


def _group_name(hit: _Hit, v: _Vocab) -> str | None:
    if hit.entry.source == "media":
        return v.media_groups.get(hit.key, hit.reading.name)
    return hit.reading.name


def _merge_claims(found: list[tuple[int, int, bool, str | None]], text: str) -> list[ClaimMention]:
    """One mention per claim: overlapping or adjacent findings of the same polarity are joined."""
    found.sort()
    out: list[ClaimMention] = []
    for start, end, claimed, group in found:
        if out and out[-1].claimed == claimed and start <= out[-1].end + 40 and not _BREAK.search(text, out[-1].end, max(out[-1].end, start)):
            prev = out[-1]
            new_end = max(prev.end, end)
            out[-1] = replace(prev, end=new_end, text=text[prev.start:new_end], group=prev.group or group)
            continue
        out.append(ClaimMention(start=start, end=end, text=text[start:end], claimed=claimed, group=group, source="third_party"))
    return out


# --------------------------------------------------------------------------- claim voice

@dataclass(frozen=True)
class ClaimVoice:
    """A document written in an armed group's own voice: the group and the strongest sign of it."""

    group: str
    start: int
    end: int
    text: str
    score: float


@dataclass(frozen=True)
class _VoiceGrammar:
    heading: re.Pattern[str] | Gated  # gated, as the three below: searched in every document
    province: re.Pattern[str] | Gated  # gated: searched in every document, found in few
    province_groups: dict[str, str]
    areas: re.Pattern[str] | None     # place names that name a group only when nothing else does
    area_groups: dict[str, str]
    subject: re.Pattern[str] | Gated
    hijri: re.Pattern[str] | Gated
    genre_verb: re.Pattern[str]
    third_party: re.Pattern[str]
    weights: dict[str, float]
    caps: dict[str, int]
    threshold: float
    min_kinds: int


@lru_cache(maxsize=1)
def _voice_grammar() -> _VoiceGrammar:
    data = load_data("actors.yaml")
    voice = data["voice"]
    roles = data["roles"]
    provinces: dict[str, str] = {}
    areas: dict[str, str] = {}
    for raw in load_data("actors_groups.yaml")["groups"]:
        for name in raw.get("provinces") or []:
            provinces.setdefault(phrase_key(name), raw["name"])
        for name in raw.get("areas") or []:
            areas.setdefault(phrase_key(name), raw["name"])
    words = _alt(voice["province_words"])
    names = r"[\w'’\-]+(?:[ \t\-][\w'’\-]+){0,3}"
    ordinal = r"(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
    months = _alt(voice["hijri_months"])
    return _VoiceGrammar(
        heading=gated(re.compile(r"^[ \t#*\-]*" + words + r"[ \t]+(?P<p>" + names + r")[ \t:]*$", re.M)),
        province=gated(re.compile(r"(?<![\w])" + words + r"[ \t]+(?P<p>" + names + r")")),
        province_groups=provinces,
        areas=_words_regex(_area_phrases(load_data("actors_groups.yaml")["groups"])) if areas else None,
        area_groups=areas,
        subject=gated(re.compile(
            r"(?<![\w])(?:the\s+)?" + _alt(voice["generic_ingroup"]) + r"\s+(?:[\w'’-]+\s+){0,2}?" + _alt(roles["attack_verbs"]) + r"(?![\w])")),
        hijri=gated(re.compile(
            r"(?<![\w])(?:" + ordinal + r"\s+(?:day\s+)?(?:of\s+)?(?:the\s+month\s+of\s+)?" + months + "|" + months
            + r"\s+\d{1,2}(?:st|nd|rd|th)?|14\d\d\s*(?:ah|a\.h\.|h\.|hijri))(?![\w])")),
        genre_verb=_words_regex(voice["genre_verbs"]),
        third_party=_words_regex(voice["third_party_markers"]),
        weights={k: float(x) for k, x in voice["weights"].items()},
        caps={k: int(x) for k, x in voice["caps"].items()},
        threshold=float(voice["threshold"]),
        min_kinds=int(voice["min_kinds"]),
    )


def _area_phrases(groups: list[dict[str, Any]]) -> list[str]:
    return [name for raw in groups for name in raw.get("areas") or []]


def detect_claim_voice(document_text: str) -> ClaimVoice | None:
    """The group whose own claim this document is, or None for reports about groups.

    Signs of the voice, each weighted (actors.yaml ``voice``): "Wilayat X" headings, in-group
    names for the fighters, generic in-group words as subjects of attack verbs, Hijri dates,
    loaded terms for enemies, genre verbs; reporters' words ("according to", "officials said")
    count against. The score must reach the threshold with signs of at least two kinds, so a
    news story that quotes one loaded word or one in-group name does not fire. The group is the
    one its signs name (in-group names, provinces, group names in the text); a document that
    names none is given to the group whose usual areas it names (actors_groups.yaml ``areas``).
    """
    vg = _voice_grammar()
    low = lowered(document_text)
    # The cheap signs first: a document with no province, no Hijri date and no in-group subject
    # cannot reach the threshold, and most documents are news, so skip the full actor scan.
    if not (vg.heading.search(low) or vg.province.search(low) or vg.hijri.search(low) or vg.subject.search(low)):
        return None
    low_hits = _mentions(document_text)[1]
    counts: Counter[str] = Counter()
    votes: Counter[str] = Counter()
    evidence: dict[str, tuple[int, int]] = {}

    def add(kind: str, start: int, end: int, group: str | None = None, vote: float = 0.0) -> None:
        if counts[kind] < vg.caps.get(kind, 1):
            counts[kind] += 1
            evidence.setdefault(kind, (start, end))
        if group is not None:
            votes[group] += vote

    heading_spans = []
    for m in vg.heading.finditer(low):
        group = _province_group(m.group("p"), vg)
        add("heading", _line_start(low, m), m.end(), group, 3.0)
        heading_spans.append((m.start(), m.end()))
    for m in vg.province.finditer(low):
        if any(s <= m.start() < e for s, e in heading_spans):
            continue
        add("province", m.start(), m.end(), _province_group(m.group("p"), vg), 1.0)
    for h in low_hits:
        if h.entry.source == "ingroup":
            add("ingroup", h.start, h.end, h.reading.name, 2.0)
        elif h.entry.source == "loaded":
            add("loaded", h.start, h.end)
        elif h.entry.source == "group" and h.reading.kind == "group":
            votes[h.reading.name] += 0.5
    for m in vg.subject.finditer(low):
        add("ingroup_subject", m.start(), m.end())
    for m in vg.hijri.finditer(low):
        add("hijri", m.start(), m.end())
    for m in vg.genre_verb.finditer(low):
        add("genre_verb", m.start(), m.end())
    for m in vg.third_party.finditer(low):
        add("third_party", m.start(), m.end())

    score = sum(vg.weights.get(k, 0.0) * n for k, n in counts.items())
    kinds = {
        {"heading": "province", "ingroup_subject": "ingroup"}.get(k, k)
        for k in counts if k != "third_party" and vg.weights.get(k, 0.0) > 0
    }
    if score < vg.threshold or len(kinds) < vg.min_kinds:
        return None
    if not votes and vg.areas is not None:
        # the document names no group: its places may (a Somali compilation is Al-Shabaab's)
        for m in vg.areas.finditer(low):
            votes[vg.area_groups[phrase_key(m.group())]] += 0.25
    if not votes:
        return None
    group = votes.most_common(1)[0][0]
    for kind in ("heading", "ingroup", "province", "ingroup_subject", "hijri", "loaded", "genre_verb"):
        if kind in evidence:
            start, end = evidence[kind]
            return ClaimVoice(group, start, end, document_text[start:end], round(score, 2))
    return None  # pragma: no cover - a positive score always has evidence


def _line_start(low: str, m: re.Match[str]) -> int:
    """Start of the heading's words (after any leading spaces or bullet marks)."""
    start = m.start()
    while start < m.end() and low[start] in " \t#*-":
        start += 1
    return start


def _province_group(province: str, vg: _VoiceGrammar) -> str:
    """The group a province name belongs to; "Wilayat X" provinces are ISIL's unless listed."""
    words = province.split()
    for n in range(len(words), 0, -1):
        group = vg.province_groups.get(phrase_key(" ".join(words[:n])))
        if group is not None:
            return group
    return "Islamic State of Iraq and the Levant (ISIL)"


# --------------------------------------------------------------------------- decisions

def decide_target(
    actors: Sequence[ActorMention], count_nouns: Sequence[str] = (),
) -> tuple[str | None, str | None, ActorMention | None]:
    """The event's target: (neutral name, GTD target type, the mention used or None).

    The first mention in the target role wins; then the nouns of the casualty counts
    ("12 soldiers" -> Military); vague nouns ("people") only when nothing else says more.
    Civilians hit at a place that has its own target type take that type, as GTD codes them:
    worshippers at a mosque -> Religious Figures/Institutions, passengers of a bus ->
    Transportation (the name stays "Civilians").
    """
    v = _vocab()
    targets = [a for a in actors if a.role == "target" and a.name]
    strong = [a for a in targets if not _is_weak(a.text, v)]
    if strong:
        a = strong[0]
        people = next((t for t in targets if t.name == _CIVILIANS), None)
        place = next((t for t in strong if _hosts_people(t.text, v)), None)
        if people is not None and place is not None and (a is people or a is place):
            return _CIVILIANS, place.target_type, people
        return a.name, a.target_type, a
    weak_noun: _Entry | None = None
    for noun in count_nouns:
        entry = _count_noun(noun, v)
        if entry is None:
            continue
        if not entry.weak:
            return entry.reading.name, entry.reading.target_type, None
        weak_noun = weak_noun or entry
    if targets:
        a = targets[0]
        return a.name, a.target_type, a
    if weak_noun is not None:
        return weak_noun.reading.name, weak_noun.reading.target_type, None
    return None, None, None


_CIVILIANS = "Civilians"


def _hosts_people(words: str, v: _Vocab) -> bool:
    entry = v.noun_map.get(phrase_key(words))
    return entry is not None and entry.hosts_people


def _is_weak(words: str, v: _Vocab) -> bool:
    """A vague noun ("people", "men"): a target only when nothing more telling is named."""
    entry = v.noun_map.get(phrase_key(words))
    return entry is not None and entry.weak


def _is_generic(name: str, v: _Vocab) -> bool:
    """A generic noun ("Militants", "Gunmen", "Villagers"), not a group or force name."""
    return name in v.generic_names or phrase_key(name) in v.noun_map


def _count_noun(noun: str, v: _Vocab) -> _Entry | None:
    key = phrase_key(noun)
    entry = v.noun_map.get(key) or v.lower_map.get(key)
    if entry is not None and entry.source in ("noun", "state", "group"):
        return entry
    m = v.lower.fullmatch(lowered(noun).strip())
    combo = _combo_reading(m, v) if m is not None else None
    return _Entry(combo, "state") if combo is not None else None


def decide_perpetrator(actors: Sequence[ActorMention]) -> ActorMention | None:
    """The event's perpetrator mention, or None when only generic attackers are named.

    Order: a named group in the perpetrator role; a named state force in that role; a generic
    state force in that role ("troops killed 20 militants": name "Military", which the
    assembler may qualify with the country: ``national_name``). A group only mentioned
    ("Boko Haram has staged attacks in the area") and generic attackers ("gunmen",
    "militants") never decide: the perpetrator stays unknown (conventions.md §2).
    """
    v = _vocab()
    perps = [a for a in actors if a.role == "perpetrator" and a.name]
    for a in perps:
        if a.actor_kind == "group" and not _is_generic(a.name or "", v):
            return a
    for a in perps:
        if a.actor_kind == "state" and not _is_generic(a.name or "", v):
            return a
    for a in perps:
        if a.actor_kind == "state":
            return a
    return None


def national_name(name: str, country: str | None) -> str:
    """Qualify a generic state name with the event's country: "Military" + "NG" -> "Military of Nigeria".

    ``country`` is an ISO 3166 alpha-2 code (as in ``Event.country``) or a country name. Names
    that are not generic state names ("Boko Haram", "Military of Iraq") come back unchanged.
    """
    v = _vocab()
    if not country or name not in _NATIONAL:
        return name
    place = v.iso.get(country.upper()) or v.combo_countries.get(phrase_key(country))
    return f"{name} of {place}" if place else name


_NATIONAL = frozenset({"Military", "Police", "Gendarmerie", "Government"})


_PROVINCE_WORDS = re.compile(r"^\W*(?:wilayat|wilayah|wilaya|province of)\s+|\s+province\W*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _branches() -> tuple[str, dict[str, str]]:
    data = load_data("claim_branches.yaml")
    return data["parent"], {phrase_key(k): v for k, v in data["branches"].items()}


@lru_cache(maxsize=256)
def claim_branch(heading: str, group: str) -> str:
    """The GTD group a claim under this province heading belongs to ("Wilayat Gharb Ifriqiya" ->
    ISWAP); ``group`` unchanged when the heading names no split-out branch or the voice is another group's."""
    parent, branches = _branches()
    if group != parent:
        return group
    key = phrase_key(_PROVINCE_WORDS.sub("", heading.strip(" :#\t")).split("–")[0].split(" - ")[0])
    return branches.get(key, group)
