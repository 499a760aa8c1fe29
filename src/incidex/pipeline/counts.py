"""Counts stage: how many people one sentence says were killed, wounded or abducted.

``find_counts(text)`` returns :class:`CountMention` objects (offsets into ``text``), one per
figure, coded by conventions.md §3:

=====================================================  =====  ====  ====  =============
text                                                   low    best  high  qualifier
=====================================================  =====  ====  ====  =============
"12 killed", "a policeman was killed" (= 1)            12     12    12    exact
"a dozen", "half a dozen", "two dozen"                 12     12    12    approx
"about / nearly / some / around / an estimated 60"     60     60    60    approx
"at least / more than / over 17", "17 or more"         17     17    null  at_least
"up to / as many as / fewer than 17"                   null   17    17    at_most
"between 10 and 15", "10 to 15", "10-15", "2 or 3"     10     10    15    range
vague words (below)                                    low    null  high  vague
"no casualties", "no one was hurt", "no injuries"      0      0     0     none_reported
=====================================================  =====  ====  ====  =============

Vague words get conventional bounds (``lang/en/counts.yaml``, ``vague``): a few / a handful
2-5; a couple of 2-3; several 3-9; a number of 2-19; many / numerous 5-null; tens of 20-99;
dozens 24-99; scores 40-99; hundreds 200-999; thousands 2000-9999; "others" with no number
2-null. ``low`` is the least the word can mean; ``high`` is where the next word would take
over (null where the word has no honest ceiling); ``best`` stays null.

Roles: ``killed`` (killed, dead, died, deaths, fatalities, KIA, martyred, "left N dead",
"claimed N lives"), ``wounded`` (wounded, injured, hurt, injuries, WIA), ``casualties`` (a
combined figure the text does not split: "killing and wounding 45", "N dead and wounded",
"N casualties"), ``abducted`` (kidnapped, abducted, taken hostage, "kidnapping of N"),
``perpetrators_killed`` (the attackers' own dead: "the gunman was shot dead", "three of the
gunmen were killed", "a suicide bomber" / "two suicide bombers", anyone who "blew himself up";
"the attackers detonated their vests" gives nothing: the number is unknown). People killed by
state forces ("troops killed 20 militants") are ``killed``: the assembler decides sides.
"No one was hurt" gives two mentions (killed and wounded, none_reported); "no deaths" only
killed. A list ("three soldiers and two civilians were killed") is summed, but never across
the armed side and the rest ("5 militants and 2 soldiers" gives two mentions). Subsets
("12 people, including 3 children") are not counted twice. A revised toll ("the toll rose to
15", "later put the death toll at 15") has ``revision=True``: the assembler replaces.

Not counts: ages ("a 25-year-old man", "aged 30", "Perez, 45,"), unit and route numbers
("Battalion 42", "Route 1", "No. 4"), times, dates ("16 November", "May 12"), four-digit years
1900-2099 (so "2000 people" is missed: write "2,000"), and numbers before never-people nouns
("two vehicles", "20 km", "5 rockets").

How: the sentence is cut into chunks (words, multi-word phrases, number phrases), each
mapped to a one-character class from the vocabulary in ``lang/en/counts.yaml`` and
``lang/en/numbers.yaml``; one compiled regular expression over that class string finds the
count patterns (noun phrase + verb, verb + noun phrase, tolls, bulletin forms, headline forms
such as "2 rebels, soldier killed" and "kills civilian"), and each match is read back chunk by
chunk. Sentences with no casualty word are dropped by one cheap regex first, which keeps the
stage far above the speed budget. All patterns and tables are built once per process
(``_lexicon``).

Known limits: an elided verb ("killed 4 police in one town and 2 soldiers in another") gives
only the first figure; a named victim counts as 1 only after a role noun ("journalist Ana
Diaz was killed"), not alone; a figure split from its verb by a long participle phrase ("9
militants plotting attacks on offices killed") is missed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import yaml

from incidex.errors import DataError
from incidex.pipeline.mentions import CountMention

__all__ = ["find_counts", "parse_number"]

# A figure: (low, best, high, qualifier).
Figure = tuple[int | None, int | None, int | None, str]

# ---------------------------------------------------------------------------------------------
# Chunk classes. Each chunk of a sentence becomes one character; the grammar below is written
# over these characters.
#   #  number            ~  vague quantity      L/A/M  at least / about / up to     B  between
#   W  "or more"         N  "or so"             &  and       V  or      T  to       o  of
#   ,  comma             .  sentence stop       :  colon     <  >  brackets         /  slash
#   J  dash              _  function word       a  a/an      t  the     p  his/their
#   b  both              l  all                 O  others    m  them/him
#   P  people (plural)   S  person (singular)   R/r  attackers/attacker   Z/z  suicide bombers/bomber
#   w  other word        g  other plural-looking word        U  never-people noun ("vehicles")
#   v  auxiliary ("were", "reportedly")
#   K  killed            k  killing             D  died      d  dead
#   H  wounded           h  wounding            X  KIA       x  WIA
#   C  casualties        F  deaths/bodies       f  death/murder (singular)
#   I  injuries          Y  lives               u  lost
#   c  claimed/took/cost E  left/leaving        =  toll      q  rose/raising (revision)
#   @  at                n  no/none/nobody      s  including/among them (subset)   i  who
#   G  kidnapped         j  kidnapping          Q  hostage(s)
#   e  blew himself up   y  blew themselves up
# ---------------------------------------------------------------------------------------------

_CLASS_CODES: dict[str, str] = {
    "person_plural": "P",
    "person_singular": "S",
    "bulletin_nouns": "P",
    "perpetrator_plural": "R",
    "perpetrator_singular": "r",
    "suicide_plural": "Z",
    "suicide_singular": "z",
    "non_person_nouns": "U",
    "killed": "K",
    "killing": "k",
    "died": "D",
    "dead": "d",
    "wounded": "H",
    "wounding": "h",
    "kia": "X",
    "wia": "x",
    "casualties_noun": "C",
    "deaths_noun": "F",
    "injuries_noun": "I",
    "lives_noun": "Y",
    "lost": "u",
    "take_verbs": "c",
    "left_verbs": "E",
    "abducted": "G",
    "abducting": "j",
    "hostage": "Q",
    "blew_self_singular": "e",
    "blew_self_plural": "y",
    "revision_words": "q",
    "auxiliaries": "v",
    "determiner_a": "a",
    "determiner_the": "t",
    "possessive": "p",
    "both": "b",
    "all": "l",
    "others": "O",
    "pronouns": "m",
    "negation": "n",
    "subset_markers": "s",
    "relativizers": "i",
    "function_words": "_",
    "ignorable": "",
}
_FIXED_WORDS: dict[str, str] = {"and": "&", "or": "V", "to": "T", "of": "o", "at": "@"}
_PUNCT: dict[str, str] = {
    ",": ",", ";": ".", ".": ".", "!": ".", "?": ".", ":": ":", "(": "<", ")": ">", "[": "<",
    "]": ">", "/": "/", "-": "J", "–": "J", "—": ",",
    '"': "", "“": "", "”": "", "‘": "", "’": "", "'": "",  # quotes are dropped
}
_DROP_NUMBER_AFTER = frozenset({"aged", "age", "update"})
_NOT_ADVERBS = frozenset({"family", "italy", "rally", "assembly", "supply", "july", "belly", "anomaly",
                          "monopoly", "emily", "kelly", "sally", "holly", "bully", "reply", "ally"})
_ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism")
_QUALIFIER_CODES = {"at_least": "L", "approx": "A", "at_most": "M", "between": "B",
                    "suffix_at_least": "W", "suffix_approx": "N"}
# Classes whose words alone make a sentence worth reading (the cheap pre-filter).
_TRIGGERS = frozenset("KkDdHhXxCFIYGjQeyzZ=")  # "f" is F re-coded per token

_ROLE_OF_VERB = {
    "K": "killed", "k": "killed", "D": "killed", "d": "killed", "X": "killed", "F": "killed", "f": "killed",
    "Y": "killed", "H": "wounded", "h": "wounded", "x": "wounded", "I": "wounded",
    "C": "casualties", "G": "abducted", "j": "abducted", "Q": "abducted",
}

# ---------------------------------------------------------------------------------------------
# Grammar over the class string.
# ---------------------------------------------------------------------------------------------
_QTY = r"(?:[LAM]?(?:#(?:[TVJ]#)?|~)[WN]?|B#&#)"
_HEAD = r"[PSRrZzgwOQ]"
_PHEAD = r"[PSRrZzgwQ]"
_MODS = r"[wgOPS]{0,3}"
# A never-people noun may only modify a people noun: "two bomb disposal officers", not "2 days ago".
_MODHEAD = rf"(?:{_MODS}{_HEAD}|[wgOPSU]{{0,3}}[PSRrZzQ])"
_BARE_END = r"(?![wgUPSRrZzOo])"
# "five members of the security forces", "three of the gunmen", "two of the three hostages"
_NPN_HEADED = (rf"[tpl]?{_QTY}(?:{_MODHEAD}(?:o[tp]?[wgUPSRrZzQ]{{1,6}}|om)?"
               rf"|o(?:[tp]?#?{_MODHEAD}|m))")
_NPN = rf"(?:{_NPN_HEADED}|[tpl]?{_QTY}{_BARE_END})"
# "a policeman", "the driver", "his son"; "a passer-by" (unknown noun, not before a comma)
_NPS = r"(?:a(?:[wgPSU]{0,3}[SrzQ]|[wgPS]{0,3}w)|[tp][wgPSU]{0,2}[SrzQ])"
_NPB = rf"b{_MODS}{_HEAD}"
_NPO = r"O"
# Headline style, a singular noun with no article: "soldier killed", "kills civilian".
_NPSB = r"[SQ](?![wgPSUQ])"
_NPSB_O = r"[wg]{0,2}[SQ](?![wgPSUQ])"  # after a verb the span may take the modifiers
# A role noun and a name before a passive verb: "journalist Roberto Diaz was killed" = 1.
_NPSN = r"[tpa]?[wgPSU]{0,2}Sw{1,3}(?=,?[vTqi]*v[vTqi]*[KdHG]|[vTqi]*D)"
_NP = rf"(?:{_NPN}|{_NPS}|{_NPB}|{_NPO})"
# Later members of a list need a noun: "the six priests, five of whom ..." is no list.
_NP2 = rf"(?:{_NPN_HEADED}|{_NPS}|{_NPB}|{_NPO})"
# A comma list needs its "and" ("A, B and C"); "one civilian, a street vendor" is one person.
# Headlines drop the "and": "30 militants, 23 soldiers killed", "2 rebels, soldier killed".
# List members are atomic and their repetition possessive: a long comma run that leads nowhere
# fails in linear time instead of trying every way to split it.
_NPL_S = (rf"(?:{_NP}|{_NPSN}|{_NPSB})(?:(?:,(?>{_NP2}))*+,?&{_NP2}"
          rf"|(?:,(?>{_NPN_HEADED}|{_NPSB}))++(?=[vTq]*[KHDdGXx]))?")
_LIST_STOP = r"(?![vTqi]*[KHDdGXx])"
# After a verb a list needs its "and", except for a last "others": "kills official, two others".
_NPL_O = (rf"(?:{_NP}|{_NPSB_O})(?:(?:,(?>{_NP2}){_LIST_STOP})*+,?&{_NP2}{_LIST_STOP}"
          rf"|,(?:{_QTY})?[wg]{{0,2}}O)?")
# Between a counted noun and its verb: ", including three children,", "(three soldiers and
# five civilians)", "including 3 children", "who worked with them".
_APPOS = r"(?:,[^,.]{1,10},|<[^<>.]{1,10}>|s[^,.]{1,6}?|i[^,.#~KkHhDdGXxQye<>]{1,6}?)?"
_AUX = r"[vTqi]{0,5}+(?:[wU]&[vT]{0,2})?"
_OBJ = r"(?:[LAMB]?[#~](?![wg]{0,2}U)|a[wgPS]{0,3}[SrzQw](?!U)|[tp][wgO]{0,2}[PSRrZzgwQ#](?!U)|b|[PSRrZz]|m)"
_NOT_OBJ = rf"(?!{_OBJ})"

_ALTERNATIVES = (
    # "three soldiers and two civilians were killed", "2 GEND KIA", "a policeman was hurt";
    # "12 people were killed or wounded", "20 dead and wounded" (a combined figure)
    rf"(?P<p_verb>(?P<p_verb_np>{_NPL_S}){_APPOS}(?P<p_verb_comma>,(?=v))?{_AUX}"
    rf"(?:(?P<p_verb_cas>[KdDX][&V,][vT]{{0,2}}[HhxI]|[Hx][&V,][vT]{{0,2}}[KdDX])|(?P<p_verb_v>[KDdHXxG]))"
    rf"{_NOT_OBJ})",
    # "one dead terrorist", "three wounded soldiers"
    rf"(?P<p_adj>[tpl]?(?P<p_adj_q>{_QTY})[wgO]{{0,2}}(?P<p_adj_v>[dHK])(?P<p_adj_n>[wgPS]{{0,2}}[PSRrZzg]))",
    # "15 deaths", "20 casualties", "two civilian casualties", "30 hostages"
    rf"(?P<p_noun>[tpl]?(?P<p_noun_q>{_QTY})(?P<p_noun_n>[wgPSU]{{0,2}})(?P<p_noun_v>[CFIQ]))",
    # "12 lives were lost"
    rf"(?P<p_lives>(?P<p_lives_q>{_QTY})[wg]{{0,2}}Y[vT]{{0,3}}u)",
    # "two suicide bombers blew themselves up"
    rf"(?P<blew_pl>(?P<blew_pl_np>{_NPN})[^,.#~KkHhDdGy]{{0,8}}?y)",
    # "a suicide bomber blew himself up", "... detonated his vest"
    rf"(?P<blew_sg>(?:(?P<blew_sg_np>{_NPS})[vT]{{0,3}})?e)",
    # "a suicide bomber", "two suicide attackers"
    rf"(?P<suicide>a[wgPS]{{0,2}}z|[tpl]?(?P<suicide_q>{_QTY}){_MODS}Z)",
    # "the death toll rose to 15", "raising the toll to 15", "put the death toll at 15"
    rf"(?P<toll>(?:q[tp]?)?=(?:[^,.]{{0,12}}?[@ToqvV:])?(?P<toll_q>{_QTY})(?:{_MODS}{_HEAD})?)",
    # "KIA: 2", "Wounded: 5"
    rf"(?P<colon>(?P<colon_v>[XxKHdDCFI]):(?P<colon_q>{_QTY})(?![wgPS]{{0,2}}[KHXxdDFIC]))",
    # "killing and wounding about 45"
    rf"(?P<a_cas>(?:[Kk][&V][Hh]|[Hh][&V][Kk])o?(?P<a_cas_np>{_NPL_O}))",
    # "left 5 dead", "leaving 12 people dead and wounded"
    rf"(?P<a_left>E(?P<a_left_np>{_NPL_S})(?P<a_left_v>[dKHDX])(?:[&V](?P<a_left_v2>[dKHx]))?)",
    # "killing at least 12 people", "kidnapped 4 traders", "the killing of 5"
    rf"(?P<a_verb>(?P<a_verb_v>[KkHhGjXx])(?:o[tp]?)?(?P<a_verb_np>{_NPL_O}))",
    # "the deaths of 3 soldiers", "the massacre of 20 peasants"
    rf"(?P<a_of>(?P<a_of_v>[FfCIQ])[wU]{{0,2}}o[tp]?(?P<a_of_np>{_NPL_O}))",
    # "claimed 12 lives"
    rf"(?P<a_lives>c(?P<a_lives_q>{_QTY})[wg]{{0,2}}Y)",
    # "claimed the lives of 100 people"
    rf"(?P<a_livesof>c[tp]?Yo(?P<a_livesof_np>{_NPL_O}))",
    # "took 5 people hostage"
    rf"(?P<a_host>c(?P<a_host_np>{_NPL_S})Q)",
    # "no casualties", "no one was hurt", "none of the passengers were injured"
    rf"(?P<neg>n(?:o[tp]?[wg]{{0,2}}[PS])?[wgvoT]{{0,3}}(?P<neg_v>[CIFfHKdDXx])"
    rf"(?:[&V][vT]{{0,2}}[CIFfHKdDXx])?)",
    # "killing no one", "wounding nobody"
    rf"(?P<neg2>[KkHhDd]n)",
)
# One look at the first character before trying the alternatives: most chunks start none.
_GRAMMAR_SOURCE = r"(?=[#~LAMBtplabOSQ=qXxKkHhFfCIGjcEnDde])(?:" + "|".join(_ALTERNATIVES) + ")"

_ONE: Figure = (1, 1, 1, "exact")
_TWO: Figure = (2, 2, 2, "exact")

_CARD_WORDS_RE = re.compile(r"[\s\-]+")
_INT_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DIGIT_FORMS = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:(?P<x>x)|(?P<plus>\+)|[-–](?P<m>\d+))?")
_YEAR_MIN, _YEAR_MAX = 1900, 2099


@dataclass(frozen=True)
class _Lexicon:
    """Everything compiled from the YAML files, built once per process."""

    words: dict[str, tuple[str, Any]]
    phrases: dict[str, tuple[str, Any]]
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    approx_multiples: dict[str, int]
    armed: frozenset[str]
    number_prefixes: frozenset[str]
    months: frozenset[str]
    others: Figure
    tokenizer: re.Pattern[str]
    cue: re.Pattern[str]
    grammar: re.Pattern[str]


def _read_yaml(name: str) -> dict[str, Any]:
    try:
        text = resources.files("incidex").joinpath("lang/en", name).read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as err:
        raise DataError(f"cannot read incidex/lang/en/{name}: {err}") from err
    if not isinstance(data, dict):
        raise DataError(f"incidex/lang/en/{name}: expected a mapping at the top level")
    return data


def _expand(entry: str) -> list[str]:
    """Expand "{a,b,}" alternatives in a vocabulary entry into plain phrases."""
    start = entry.find("{")
    if start < 0:
        return [" ".join(entry.split())]
    end = entry.index("}", start)
    out: list[str] = []
    for option in entry[start + 1:end].split(","):
        out.extend(_expand(entry[:start] + option + entry[end + 1:]))
    return out


def _key(phrase: str) -> str:
    """Lookup key of a phrase or of matched text: runs of spaces and hyphens become one space."""
    return _CARD_WORDS_RE.sub(" ", phrase.strip())


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex alternation shaped as a trie (the C engine then never retries a prefix)."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        units: list[str] = []
        for ch in phrase:
            unit = " " if ch in " -" else ch
            if unit == " " and units and units[-1] == " ":
                continue
            units.append(unit)
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for unit in sorted(k for k in node if k):
            piece = r"[\s\-]+" if unit == " " else re.escape(unit)
            alts.append(piece + emit(node[unit]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _card_pattern(words: Iterable[str]) -> str:
    """Cardinal number words: "twenty-three", "two hundred and five", "a thousand".

    A run of number words (and "and" right after "hundred"/"thousand"); ``_card_value`` adds
    them up. Trie-shaped, so positions that start no number word fail on their first letter.
    """
    w = _trie_pattern(words)
    sep = r"[\s\-]+"
    scale = r"(?:hundred|thousand)"
    return (rf"(?:a(?={sep}{scale}(?![a-z]))|{w})"
            rf"(?:{sep}(?:{w}|{scale})|(?:(?<=hundred)|(?<=thousand)){sep}and{sep}{w})*")


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    counts = _read_yaml("counts.yaml")
    numbers = _read_yaml("numbers.yaml")
    entries: dict[str, tuple[str, Any]] = {}

    def add(phrases: Iterable[str], code: str, value: Any = None) -> None:
        for raw in phrases:
            if not isinstance(raw, str):
                raise DataError(f"counts.yaml: entry {raw!r} is not a string (quote YAML's yes/no/on/off)")
            for phrase in _expand(raw.lower()):
                key = _key(phrase)
                old = entries.get(key)
                if old is not None and old != (code, value):
                    raise DataError(f"counts.yaml: {phrase!r} is in two classes ({old[0]!r}, {code!r})")
                entries[key] = (code, value)

    for cls, code in _CLASS_CODES.items():
        add(counts.get(cls) or [], code)
    for kind, code in _QUALIFIER_CODES.items():
        add(counts["qualifiers"].get(kind) or [], code)
    for phrase, (low, high) in counts["vague"].items():
        add([phrase], "~", (low, None, high, "vague"))
    loaded = counts.get("claims_loaded_nouns") or {}
    add((loaded.get("plural") or {}).keys(), "P")
    add((loaded.get("singular") or {}).keys(), "S")
    for phrase, role in counts["tolls"].items():
        add([phrase], "=", role)
    add(counts.get("among_killed") or [], "K", "subset")
    add(counts.get("among_wounded") or [], "H", "subset")
    for phrase, n in (numbers.get("approximate_phrases") or {}).items():
        add([phrase], "#", (n, n, n, "approx"))
    for word, code in _FIXED_WORDS.items():
        add([word], code)

    words = {k: v for k, v in entries.items() if re.fullmatch(r"[a-z]+(?:['’][a-z]+)*", k)}
    phrases = {k: v for k, v in entries.items() if k not in words}
    others_low, others_high = counts["others_bounds"]

    units, teens, tens = numbers["units"], numbers["teens"], numbers["tens"]
    number_words = [*units, *teens, *tens]
    number_trie = _trie_pattern(number_words)
    # Each match starts on a token (leading spaces are skipped); a token starting with a letter
    # tries the phrase trie, then number words, then a plain word.
    tokenizer = re.compile(
        r"\s*(?:(?=[a-z])(?:"
        rf"(?P<multi>{_trie_pattern(phrases)})(?![a-z0-9])"
        rf"|(?P<card>{_card_pattern(number_words)})(?![a-z0-9])"
        r"|(?P<abbr>[a-z](?:\.[a-z])+\.?|[a-z]\.(?=\s*[a-z0-9]))"
        r"|(?P<word>[a-z]+(?:['’][a-z]+)*(?:[-–][a-z0-9]+)*))"
        # "25-year-old" is one token; "1-two" ("UPDATE 1-Two killed") is two.
        rf"|(?P<digit>\d+(?:[,.:/]\d+)*(?:[-–](?!{number_trie}(?![a-z]))[a-z0-9]+)*[a-z]*[+%]?)"
        r"|(?P<punct>--+|[^\sa-z0-9]))"
    )
    cue_phrases = [k for k, (code, _) in entries.items() if code in _TRIGGERS]
    cue = re.compile(rf"(?<![a-z0-9])(?:{_trie_pattern(cue_phrases)})(?![a-z0-9])")
    return _Lexicon(
        words=words,
        phrases=phrases,
        units=dict(units),
        teens=dict(teens),
        tens=dict(tens),
        scales=dict(numbers["scales"]),
        approx_multiples=dict(numbers.get("approximate_multiples") or {}),
        armed=frozenset(str(w).lower() for w in counts.get("armed_group_nouns") or []),
        number_prefixes=frozenset(
            str(w).lower() for w in [*counts.get("number_prefixes", []), *counts.get("months", [])]
        ),
        months=frozenset(str(w).lower() for w in counts.get("months") or []),
        others=(others_low, None, others_high, "vague"),
        tokenizer=tokenizer,
        cue=cue,
        grammar=re.compile(_GRAMMAR_SOURCE),
    )


# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------
def _card_value(words: str, lex: _Lexicon) -> int | None:
    """Value of cardinal words ("two hundred and five" -> 205); None if a word is not a number."""
    total, current = 0, 0
    for word in _CARD_WORDS_RE.split(words.strip()):
        if not word or word == "and":
            continue
        if word in ("a", "an"):
            current += 1
        elif word in lex.units:
            current += lex.units[word]
        elif word in lex.teens:
            current += lex.teens[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word in lex.approx_multiples:
            current = max(current, 1) * lex.approx_multiples[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in lex.scales:
            total += max(current, 1) * lex.scales[word]
            current = 0
        else:
            return None
    return total + current


def parse_number(words: str) -> int | None:
    """The integer a number phrase names: "twenty-three" -> 23, "a dozen" -> 12, "1,200" -> 1200.

    Vague words ("dozens", "several") and anything that is not a number give None.
    """
    lex = _lexicon()
    text = " ".join(words.lower().split())
    if not text:
        return None
    if text == "zero":
        return 0
    if _INT_RE.fullmatch(text):
        return int(text.replace(",", ""))
    hit = lex.phrases.get(_key(text)) or lex.words.get(text)
    if hit is not None:
        code, value = hit
        return value[1] if code == "#" else None
    parts = text.split()
    multipliers = {**lex.scales, **lex.approx_multiples}
    if len(parts) == 2 and _INT_RE.fullmatch(parts[0]) and parts[1] in multipliers:
        return int(parts[0].replace(",", "")) * multipliers[parts[1]]
    if parts[0] in ("a", "an") and len(parts) == 1:
        return None
    if text.startswith("half a ") or text.startswith("half-a-"):
        rest = _card_value(text[7:], lex)
        return rest // 2 if rest else None
    return _card_value(text, lex)


def _digit_figure(token: str) -> Figure | None:
    """A digit token as a figure ("15", "1,200", "1x", "15+", "10-15"); None if it is no count."""
    m = _DIGIT_FORMS.fullmatch(token)
    if m is None:
        return None
    raw = m.group("n")
    n = int(raw.replace(",", ""))
    if m.group("m") is not None:
        hi = int(m.group("m"))
        return (n, n, hi, "range") if n < hi < 100000 else None
    if m.group("plus"):
        return (n, n, None, "at_least")
    if m.group("x") is None and "," not in raw and len(raw) == 4 and _YEAR_MIN <= n <= _YEAR_MAX:
        return None  # a year
    return (n, n, n, "exact")


# ---------------------------------------------------------------------------------------------
# Chunking
# ---------------------------------------------------------------------------------------------
@dataclass
class _Chunks:
    codes: str
    vals: list[Any]
    starts: list[int]
    ends: list[int]
    low: str


def _lowered(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _chunk(low: str, lex: _Lexicon) -> _Chunks:
    codes: list[str] = []
    vals: list[Any] = []
    starts: list[int] = []
    ends: list[int] = []
    words, phrases, prefixes = lex.words, lex.phrases, lex.number_prefixes
    prev_word = ""
    for mt in lex.tokenizer.finditer(low):
        group = mt.lastgroup
        if group is None:
            continue  # trailing spaces
        tok = mt.group(group)
        s, e = mt.span(group)
        val: Any = None
        if group == "word":
            hit = words.get(tok)
            if hit is None:
                if codes and codes[-1] == "#" and (tok in lex.scales or tok in lex.approx_multiples):
                    lo, best, hi, q = vals[-1]
                    mult = lex.scales.get(tok) or lex.approx_multiples[tok]
                    q = "approx" if tok in lex.approx_multiples else q
                    vals[-1] = (None if lo is None else lo * mult, None if best is None else best * mult,
                                None if hi is None else hi * mult, q)
                    ends[-1] = e
                    continue
                if len(tok) > 3 and tok[-1] == "s" and tok[-2] != "s" and "'" not in tok:
                    code = "g"  # could be a people noun the lists lack ("Kashmiris")
                elif tok.endswith(_ABSTRACT_SUFFIXES) and len(tok) > 5:
                    code = "U"  # "confrontation", "agreement": never people
                elif tok.endswith("men") and len(tok) > 5:
                    code = "P"  # "clergymen", "tribesmen"
                elif tok.endswith("ly") and len(tok) > 4 and tok not in _NOT_ADVERBS:
                    code = "v"  # an adverb: "were brutally murdered"
                else:
                    code = "w"
            else:
                code, val = hit
                if code == "F" and tok[-1] != "s":
                    code = "f"  # "the death of": no plural count may precede it
            prev_word = tok
        elif group == "multi":
            code, val = phrases[_key(tok)]
            prev_word = tok
        elif group == "card":
            n = _card_value(tok, lex)
            code, val = ("#", (n, n, n, "exact")) if n is not None else ("w", None)
            if prev_word in prefixes:
                code = "w"
            prev_word = tok
        elif group == "digit":
            if prev_word in _DROP_NUMBER_AFTER:
                continue  # "aged 30", "UPDATE 1-": never a count
            val = _digit_figure(tok)
            code = "#" if val is not None and prev_word not in prefixes else "w"
            prev_word = tok
        elif group == "punct":
            code = "," if tok.startswith("--") else _PUNCT.get(tok, "_")
            if not (tok == "." and prev_word in ("no", "nos")):  # "No. 4"
                prev_word = ""
        else:  # abbr
            code = "w"
            prev_word = tok
        if not code:
            continue
        codes.append(code)
        vals.append(val)
        starts.append(s)
        ends.append(e)
    # "16 November": a number before a month is a date ("12 may have died" is not).
    months = lex.months
    for k in range(len(codes) - 1):
        if codes[k] == "#" and low[starts[k + 1]:ends[k + 1]] in months:
            if low[starts[k + 1]:ends[k + 1]] != "may" or k + 2 >= len(codes) or codes[k + 2] != "v":
                codes[k] = "w"
    # "Pablo Perez, 45, a former mayor": a bare number between commas after a name is an age.
    for k in range(1, len(codes) - 1):
        if (codes[k] == "#" and codes[k - 1] == "," and codes[k + 1] in ",.;" and low[starts[k]].isdigit()
                and k >= 2 and codes[k - 2] in "wg"):
            codes[k] = "w"
    return _Chunks("".join(codes), vals, starts, ends, low)


# ---------------------------------------------------------------------------------------------
# Reading matches back
# ---------------------------------------------------------------------------------------------
def _qualified(fig: Figure, qual: str | None) -> Figure:
    if qual is None or fig[3] not in ("exact", "approx"):
        return fig
    n = fig[1]
    if qual == "L":
        return (n, n, None, "at_least")
    if qual == "A":
        return (n, n, n, "approx")
    return (None, n, n, "at_most")


def _quantity(ch: _Chunks, k: int, j: int) -> tuple[Figure | None, int]:
    codes, vals = ch.codes, ch.vals
    if codes[k] == "B" and k + 4 <= j and codes[k + 1:k + 4] == "#&#":
        lo, hi = vals[k + 1][1], vals[k + 3][1]
        if lo is not None and hi is not None and hi > lo:
            return (lo, lo, hi, "range"), k + 4
        return vals[k + 1], k + 4
    qual = None
    if codes[k] in "LAM":
        qual = codes[k]
        k += 1
    if k >= j:
        return None, k
    if codes[k] == "~":
        fig = vals[k]
        k += 1
        if k < j and codes[k] in "WN":
            k += 1
        return fig, k
    if codes[k] != "#":
        return None, k
    fig = vals[k]
    k += 1
    if k + 1 < j and codes[k] in "TVJ" and codes[k + 1] == "#":
        lo, hi = fig[1], ch.vals[k + 1][1]
        if lo is not None and hi is not None and hi > lo:
            fig = (lo, lo, hi, "range")
        k += 2
    if k < j and codes[k] == "W" and fig[3] in ("exact", "approx"):
        fig = (fig[1], fig[1], None, "at_least")
        k += 1
    elif k < j and codes[k] == "N" and fig[3] == "exact":
        fig = (fig[1], fig[1], fig[1], "approx")
        k += 1
    return _qualified(fig, qual), k


@dataclass
class _Item:
    fig: Figure
    head: int | None  # chunk index of the counted noun


def _items(ch: _Chunks, i: int, j: int) -> list[_Item]:
    """The counted noun phrases in chunks [i, j): "three soldiers, a policeman and two others"."""
    codes = ch.codes
    out: list[_Item] = []
    k = i
    while k < j:
        if codes[k] in ",&V":
            k += 1
            continue
        det = ""
        while k < j and codes[k] in "tplv":
            det = codes[k]
            k += 1
        if k >= j:
            break
        fig: Figure | None = None
        c = codes[k]
        if c in "LAMB#~":
            fig, k = _quantity(ch, k, j)
        elif c == "a":
            fig, k = _ONE, k + 1
        elif c == "b":
            fig, k = _TWO, k + 1
        head = None
        while k < j and codes[k] in "wgOPSRrZzQU":
            if codes[k] != "U" and not (codes[k] == "w" and head is not None and codes[head] == "S"):
                head = k  # the last noun, but a name after a role noun is not the head
            k += 1
        if k < j and codes[k] == "o":
            k += 1
            if out and k < j and codes[k] == "m":
                k += 1
                continue  # "7, two of them seriously": a subset of the figure before
            after = None
            while k < j and codes[k] not in ",&V":
                if codes[k] in "PSRrZzgwQ":
                    after = k
                k += 1
            if head is None:
                head = after
        if fig is None and head is not None:
            if codes[head] in "SrzQ" and det in "tp" or codes[head] in "SQ" and not det:
                fig = _ONE
            elif codes[head] == "O":
                fig = _lexicon().others
        if fig is not None:
            out.append(_Item(fig, head))
        elif k < j and codes[k] not in ",&V":
            k += 1  # defensive: never loop on an unexpected chunk
    return out


def _sum(figs: list[Figure]) -> Figure:
    if len(figs) == 1:
        return figs[0]

    def total(vals: list[int | None]) -> int | None:
        return None if any(v is None for v in vals) else sum(v for v in vals if v is not None)

    quals = {f[3] for f in figs}
    low, best, high = total([f[0] for f in figs]), total([f[1] for f in figs]), total([f[2] for f in figs])
    if len(quals) == 1:
        qual = quals.pop()
    elif "vague" in quals:
        qual, best = "vague", None
    elif "at_least" in quals:
        qual, high = "at_least", None
    elif "at_most" in quals:
        qual, low = "at_most", None
    elif "range" in quals:
        qual = "range"
    else:
        qual = "approx"
    if qual == "vague":
        low = total([f[0] if f[0] is not None else f[1] for f in figs])
    return (low, best, high, qual)


@dataclass
class _Found:
    start: int
    end: int
    role: str
    fig: Figure
    who: str | None
    revision: bool = False
    subset: bool = False
    implicit_perp: bool = False


def _who(ch: _Chunks, idx: int | None) -> str | None:
    if idx is None or ch.codes[idx] == "O":
        return None
    return " ".join(ch.low[ch.starts[idx]:ch.ends[idx]].split())


def _from_items(ch: _Chunks, items: list[_Item], role: str, span: tuple[int, int], subset: bool,
                seized: bool = False) -> list[_Found]:
    """Group the items by side (attackers / armed side / the rest), sum each, give it a role."""
    armed = _lexicon().armed
    groups: dict[str, list[_Item]] = {}
    for it in items:
        code = ch.codes[it.head] if it.head is not None else ""
        if seized and (it.head is None or code not in "PSRrZzQ" or ch.codes[it.head + 1:it.head + 2] == "w"):
            continue  # "seized 3 vehicles", "seized subversive propaganda" are no abduction
        who = _who(ch, it.head)
        side = "perp" if code and code in "RrZz" else ("armed" if who in armed else "other")
        groups.setdefault(side, []).append(it)
    out: list[_Found] = []
    for side, its in groups.items():
        r = role
        if side == "perp":
            if role != "killed":
                continue
            r = "perpetrators_killed"
        whos: list[str] = []
        for it in its:
            w = _who(ch, it.head)
            if w and w not in whos:
                whos.append(w)
        out.append(_Found(span[0], span[1], r, _sum([it.fig for it in its]),
                          " and ".join(whos) if whos else None, subset=subset))
    return out


def _figure_at(ch: _Chunks, m: re.Match[str], group: str) -> Figure | None:
    i, j = m.span(group)
    fig, _ = _quantity(ch, i, j)
    return fig


def _negated_subject(codes: str, i: int) -> bool:
    """True for a subject after "none of (the)": the figure says who was *not* hurt."""
    p = i - 1
    if p >= 0 and codes[p] in "tp":
        p -= 1
    return p >= 1 and codes[p] == "o" and codes[p - 1] == "n"


def _read_match(ch: _Chunks, m: re.Match[str]) -> list[_Found]:
    kind = m.lastgroup or ""
    codes = ch.codes
    i, j = m.span()
    span = (ch.starts[i], ch.ends[j - 1])
    matched = codes[i:j]
    subset = any(ch.vals[k] == "subset" for k in range(i, j))
    p = i - 1
    while p >= 0 and codes[p] == "v":
        p -= 1
    if p >= 0 and codes[p] == "s":
        subset = True

    if kind == "p_verb" and _negated_subject(codes, i):
        # "none of the 4 priests and 100 refugees was hurt"
        kind = "neg"

    if kind in ("p_verb", "a_cas", "a_left", "a_verb", "a_of", "a_host", "a_livesof"):
        np_i, np_j = m.span(kind + "_np")
        if kind == "p_verb" and m.group("p_verb_comma") is not None and codes[np_j] == ",":
            if codes[np_j - 1] not in "PSRrZzQO#~":
                return []  # "... a green car, were wounded": the noun before the comma is no victim
            if "," in codes[np_i:np_j]:
                # "three other civilians, two women and a man, also died": what follows the
                # first comma restates the first figure.
                np_j = codes.index(",", np_i, np_j)
        if subset and kind == "p_verb" and ",&" in codes[np_i:np_j]:
            # "12 were killed, including 3 children, and 30 others were wounded": the list
            # opens with the subset; what follows ", and" is a figure of its own.
            np_i = codes.index(",&", np_i, np_j) + 2
            span = (ch.starts[np_i], span[1])
            subset = False
        items = _items(ch, np_i, np_j)
        seized = False
        if kind == "a_cas" or kind == "p_verb" and m.group("p_verb_cas") is not None:
            role = "casualties"
        elif kind == "a_left":
            v1 = _ROLE_OF_VERB[codes[m.start("a_left_v")]]
            v2 = m.group("a_left_v2")
            role = "casualties" if v2 and _ROLE_OF_VERB[v2] != v1 else v1
        elif kind == "a_host":
            role = "abducted"
        elif kind == "a_livesof":
            role = "killed"
        else:
            vpos = m.start(kind + "_v")
            role = _ROLE_OF_VERB[codes[vpos]]
            verb = ch.low[ch.starts[vpos]:ch.ends[vpos]]
            seized = role == "abducted" and verb.startswith(("seiz", "snatch"))
        return _from_items(ch, items, role, span, subset, seized)

    if kind == "p_adj":
        fig = _figure_at(ch, m, "p_adj_q")
        role = _ROLE_OF_VERB[codes[m.start("p_adj_v")]]
        n_i, n_j = m.span("p_adj_n")
        head = n_j - 1
        return _from_items(ch, [_Item(fig, head)], role, span, subset) if fig else []

    if kind == "p_noun":
        fig = _figure_at(ch, m, "p_noun_q")
        role = _ROLE_OF_VERB[codes[m.start("p_noun_v")]]
        n_i, n_j = m.span("p_noun_n")
        head = next((k for k in range(n_j - 1, n_i - 1, -1) if codes[k] in "PS"), None)
        return _from_items(ch, [_Item(fig, head)], role, span, subset) if fig else []

    if kind in ("p_lives", "a_lives"):
        fig = _figure_at(ch, m, kind + "_q")
        return [_Found(*span, "killed", fig, None, subset=subset)] if fig else []

    if kind == "toll":
        fig = _figure_at(ch, m, "toll_q")
        tpos = matched.index("=") + i
        role = ch.vals[tpos]
        head = j - 1 if codes[j - 1] in "PSRrZzgw" and m.end("toll_q") < j else None
        revision = "q" in matched
        return [_Found(*span, role, fig, _who(ch, head), revision=revision, subset=subset)] if fig else []

    if kind == "colon":
        fig = _figure_at(ch, m, "colon_q")
        role = _ROLE_OF_VERB[codes[m.start("colon_v")]]
        return [_Found(*span, role, fig, None, subset=subset)] if fig else []

    if kind == "blew_pl":
        items = _items(ch, *m.span("blew_pl_np"))
        if not items:
            return []
        who = _who(ch, items[0].head)
        return [_Found(*span, "perpetrators_killed", _sum([it.fig for it in items]), who, implicit_perp=True)]

    if kind == "blew_sg":
        head = None
        if m.group("blew_sg_np") is not None:
            head = m.end("blew_sg_np") - 1
        return [_Found(*span, "perpetrators_killed", _ONE, _who(ch, head), implicit_perp=True)]

    if kind == "suicide":
        fig = _figure_at(ch, m, "suicide_q") if m.group("suicide_q") is not None else _ONE
        head = j - 1
        return [_Found(*span, "perpetrators_killed", fig, _who(ch, head), implicit_perp=True)] if fig else []

    if kind in ("neg", "neg2"):
        zero: Figure = (0, 0, 0, "none_reported")
        both = any(c in "CIHhx" for c in matched)
        roles = ("killed", "wounded") if both else ("killed",)
        return [_Found(*span, r, zero, None) for r in roles]
    return []  # pragma: no cover - every alternative is handled above


def find_counts(text: str) -> list[CountMention]:
    """Count mentions in one sentence (or bulletin line), offsets relative to ``text``, by start."""
    lex = _lexicon()
    low = _lowered(text)
    if lex.cue.search(low) is None:
        return []
    ch = _chunk(low, lex)
    found: list[_Found] = []
    for m in lex.grammar.finditer(ch.codes):
        found.extend(_read_match(ch, m))
    if not found:
        return []
    # Subsets ("including 3 children") only stand when nothing else gives that role.
    full_roles = {f.role for f in found if not f.subset}
    found = [f for f in found if not (f.subset and f.role in full_roles)]
    # One suicide attacker is often named twice ("a suicide bomber ... blew himself up").
    seen_implicit = False
    kept: list[_Found] = []
    for f in found:
        if f.implicit_perp:
            if seen_implicit or any(g.role == "perpetrators_killed" and not g.implicit_perp for g in found):
                continue
            seen_implicit = True
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return [
        CountMention(
            start=f.start, end=f.end, text=text[f.start:f.end], role=f.role,  # type: ignore[arg-type]
            low=f.fig[0], best=f.fig[1], high=f.fig[2], qualifier=f.fig[3], who=f.who,
            revision=f.revision,
        )
        for f in kept
    ]
