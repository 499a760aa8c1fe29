"""Shared text helpers for the types and actors stages: data loading, case handling, phrase regexes.

These stages match thousands of vocabulary phrases. spaCy's tokenizer alone would eat most of
the speed budget (>= 200,000 words/s for types + actors + claims), so phrases are compiled into
one trie-shaped regular expression and matched by the C regex engine on lower-cased text;
offsets stay valid because lower-casing keeps the length (checked, with a per-character fallback).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Iterator

import yaml

from incidex.errors import DataError

__all__ = [
    "load_data", "lowered", "is_all_caps", "phrase_key", "phrase_regex", "expand_leading",
    "literal_start", "ordered_alternation", "split_alternatives",
]

_KEY_DROP = re.compile(r"[\s\-'’.]+")


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """Parse ``incidex/data/<name>`` once per process (YAML); a missing or broken file is a DataError."""
    try:
        text = resources.files("incidex").joinpath("data", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:  # pragma: no cover - packaging error
        raise DataError(f"data file missing: incidex/data/{name}") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataError(f"data file broken: incidex/data/{name}: {exc}") from exc


def lowered(text: str) -> str:
    """``text.lower()`` with the same length, so offsets into it are offsets into ``text``.

    A few characters (e.g. "İ") lower-case to two code points; those are kept as they are.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


_UPPER_BYTES = bytes(range(65, 91))
_LOWER_BYTES = bytes(range(97, 123))
_NOT_UPPER = bytes(b for b in range(256) if b not in _UPPER_BYTES)
_NOT_LOWER = bytes(b for b in range(256) if b not in _LOWER_BYTES)


@lru_cache(maxsize=64)
def is_all_caps(text: str) -> bool:
    """True for ALL-CAPS wire text (MUC-4 style), where case cannot tell "IS" from "is".

    Judged on the first 2,000 characters (ASCII letters); cached, as every stage asks.
    """
    sample = text[:2000].encode("ascii", "ignore")
    upper = len(sample.translate(None, _NOT_UPPER))
    lower = len(sample.translate(None, _NOT_LOWER))
    return upper + lower >= 12 and upper > 0.6 * (upper + lower)


@lru_cache(maxsize=8192)
def phrase_key(phrase: str) -> str:
    """Lookup key of a phrase or of matched text: lower case, no spaces, hyphens, apostrophes, dots.

    Cached: the actor scan keys every vocabulary hit, and a corpus repeats a few thousand phrases."""
    return _KEY_DROP.sub("", phrase.lower())


_SEP = "\x00"   # any run of spaces/hyphens (at least one)
_HYPH = "\x01"  # optional space or hyphen
_APOS = "\x02"  # optional apostrophe
_DOT = "\x03"   # optional dot
_UNIT_RE = {_SEP: r"[\s\-]+", _HYPH: r"[\s\-]?", _APOS: r"['’]?", _DOT: r"\.?"}


def _units(phrase: str, lower: bool) -> list[str]:
    out: list[str] = []
    for ch in (phrase.lower() if lower else phrase).strip():
        if ch.isspace():
            if out and out[-1] == _SEP:
                continue
            unit = _SEP
        elif ch == "-":
            unit = _HYPH
        elif ch in "'’":
            unit = _APOS
        elif ch == ".":
            unit = _DOT
        else:
            unit = ch
        out.append(unit)
    return out


def phrase_regex(phrases: Iterable[str], lower: bool = True) -> str:
    """One regex (a trie of alternatives) matching any phrase, longest first at each position.

    Spaces match any run of whitespace or hyphens, hyphens are optional, as are apostrophes
    and dots, so "al-Shabaab", "al Shabaab" and "Al-Shabab" variants need one entry each at most.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        units = _units(phrase, lower)
        if not units:
            continue
        node = trie
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = True
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    end = "" in node
    alts = []
    for unit in sorted(k for k in node if k):
        piece = _UNIT_RE.get(unit) or re.escape(unit)
        alts.append(piece + _emit(node[unit]))
    if not alts:
        return ""
    if len(alts) == 1 and not end:
        return alts[0]
    body = "(?:" + "|".join(alts) + ")"
    return body + "?" if end else body


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, char, depth after it)`` for the regex syntax characters of ``pattern``: escapes
    and character classes are skipped, so a ``(`` or ``|`` inside them never counts."""
    depth, i, in_class = 0, start, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[ch]
            yield i, ch, depth
        i += 1


def _close_paren(alt: str, start: int) -> int:
    """Index of the ``)`` that closes the group opening at ``start`` (-1 if unbalanced)."""
    return next((i for i, ch, depth in _structure(alt, start) if ch == ")" and depth == 0), -1)


def split_alternatives(inner: str) -> list[str]:
    """Split a group body at its top-level ``|``."""
    cuts = [i for i, ch, depth in _structure(inner) if ch == "|" and depth == 0]
    return [inner[a + 1:b] for a, b in zip([-1] + cuts, cuts + [len(inner)])]


def expand_leading(alt: str) -> list[str]:
    """Rewrite a regex alternative so that each result begins with a literal character.

    ``(?:land|road)[ -]mines?`` becomes ``land[ -]mines?`` and ``road[ -]mines?``; an optional
    leading group ``(?:hand )?grenades?`` becomes ``hand grenades?`` and ``grenades?``. Returns
    ``[alt]`` unchanged when it already begins with a literal or cannot be expanded.
    """
    if not alt.startswith("(?:"):
        return [alt]
    end = _close_paren(alt, 0)
    if end < 0:
        return [alt]
    rest = alt[end + 1:]
    optional = rest.startswith("?") and not rest.startswith("??")
    if optional:
        rest = rest[1:]
    if rest[:1] in ("*", "+", "{", "?"):
        return [alt]
    out: list[str] = []
    for part in split_alternatives(alt[3:end]):
        out.extend(expand_leading(part + rest))
    if optional:
        out.extend(expand_leading(rest))
    return out


def literal_start(alt: str) -> str | None:
    """The literal first character of ``alt`` when it is one (not followed by a quantifier)."""
    if not alt or not (alt[0].isalnum()) or alt[1:2] in ("?", "*", "+", "{"):
        return None
    return alt[0]


def ordered_alternation(alternatives: Iterable[str]) -> tuple[str, list[str]]:
    """An alternation equivalent to ``a1|a2|...`` but grouped by first character.

    Python's regex engine skips a branch cheaply only when it begins with a literal, so 200
    alternatives tried in a row at each word start are slow; grouped as ``b(?:omb|last)|s(?:...)``
    only the branches of the right letter are tried. Order within a letter is kept, and two
    alternatives with different first letters cannot match at the same place, so the first
    alternative that matches is the same as in the plain alternation. Returns the pattern and
    the alternatives that could not be grouped (the caller should treat them as an error).
    """
    buckets: dict[str, list[str]] = {}
    bad: list[str] = []
    for alt in (part for whole in alternatives for part in split_alternatives(whole)):
        for part in expand_leading(alt):
            first = literal_start(part)
            if first is None:
                bad.append(part)
                continue
            buckets.setdefault(first, []).append(part[1:])
    pieces = [re.escape(first) + "(?:" + "|".join(rest) + ")" for first, rest in buckets.items()]
    return "(?:" + "|".join(pieces) + ")", bad
