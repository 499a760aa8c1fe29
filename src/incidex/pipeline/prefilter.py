"""Cheap gates for expensive regular expressions: words that any match must contain.

Python's ``re`` engine has no literal prefilter for alternations or case-insensitive patterns:
it tries the pattern at every position of the sentence, so a cue regex that matches almost
nowhere still costs a full scan of every sentence (several microseconds each, a large share of
a 12-word headline's budget). :func:`needles` reads a compiled pattern's own parse tree and
returns strings at least one of which occurs in every match; :class:`Gated` tests them with C
substring search and runs the regex only when one is there. The needles come from the
pattern itself, so the gate cannot drift from the vocabulary the pattern was built from, and
a gated search returns exactly what the plain search returns.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Any

try:  # Python >= 3.11
    from re import _constants as _c, _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["Gated", "gated", "needles"]

#: Items that match no characters: they do not break a run of literal characters.
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}


def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains (lower-cased for a
    case-insensitive pattern), or None when the pattern guarantees none."""
    parsed = _p.parse(pattern.pattern, pattern.flags)
    fold = bool(parsed.state.flags & re.IGNORECASE)
    found, _exact = _sequence(list(parsed))
    if not found or not all(found):
        return None
    if fold:
        if any(not c.isascii() and (c.lower() != c or c.upper() != c) for n in found for c in n):
            return None  # a non-ASCII letter may case-fold to an ASCII one ("K" Kelvin sign): no gate
        found = {n.lower() for n in found}
    return frozenset(found)


#: Most strings a run of literals and alternatives is spelt out into ("(?:has|have) (?:killed|
#: left)" gives four); past it the run is cut and the rarer half kept.
MAX_SPELLINGS = 16
#: A part spelt out into more strings than this is not spelt on into its neighbours: its
#: rarest piece (" separate " in "in (?:a|another) separate (?:attack|raid)") is cheaper to test.
EXACT_SPELLINGS = 4
#: Needles this long are rare enough in prose; among such options the one with fewest needles
#: wins, as each needle costs one substring search.
RARE_LENGTH = 5


def _rarest(options: list[set[str]]) -> set[str] | None:
    """The cheapest option that few texts pass: its shortest needle long (spaces do not count:
    every sentence has one), then fewest needles."""
    options = [o for o in options if o and all(o)]
    if not options:
        return None

    def rarity(s: set[str]) -> tuple[int, int, int]:
        shortest = min(len(n.strip()) for n in s)
        return min(shortest, RARE_LENGTH), -len(s), shortest

    return max(options, key=rarity)


def _sequence(items: list[Any]) -> tuple[set[str] | None, bool]:
    """What a sequence of items requires: (strings one of which every match contains, whether
    every match is exactly one of them). The options are each literal run and required part
    on its own, and adjacent literals and literal alternatives spelt out together ("(?:has|had)
    (?:killed|left)" gives four); the rarest option is the requirement."""
    options: list[set[str]] = []
    spelt: set[str] = {""}  # the current run of literals and literal alternatives, spelt out
    literal = ""  # the current run of plain literal characters
    exact = True
    for op, arg in items:
        if op in _ZERO_WIDTH:
            continue  # "\bbomb", "(?<![\w])bomb": the run goes on across a zero-width assertion
        if op is _c.LITERAL:
            spelt = {r + chr(arg) for r in spelt}
            literal += chr(arg)
            continue
        options.append({literal})
        literal = ""
        part, part_exact = _item(op, arg)
        if part is not None:
            options.append(part)
        if part is not None and part_exact and len(spelt) * len(part) <= MAX_SPELLINGS:
            spelt = {r + p for r in spelt for p in part}
            continue
        exact = False
        options.append(spelt)
        spelt = {""}
    if exact and len(spelt) <= EXACT_SPELLINGS:
        return spelt, True
    options += [{literal}, spelt]
    return _rarest(options), False


def _item(op: Any, arg: Any) -> tuple[set[str] | None, bool]:
    """What one non-literal item requires, as :func:`_sequence` says it."""
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg
        if (add_flags | del_flags) & re.IGNORECASE:
            return None, False  # the case rule changes inside: no requirement
        return _sequence(list(sub))
    if op is _c.BRANCH:
        out: set[str] = set()
        exact = True
        for alt in arg[1]:
            got, alt_exact = _sequence(list(alt))
            if got is None:
                return None, False
            out |= got
            exact = exact and alt_exact
        return out, exact
    if op in _REPEATS:
        low, high, sub = arg
        got, exact = _sequence(list(sub))
        if low == 0 and high == 1 and exact and got is not None:
            return got | {""}, True  # "attacks?": "attack" or "attacks"
        if low >= 1:
            return got, exact and low == high == 1
        return None, False
    if op is _c.IN and all(kind is _c.LITERAL for kind, _ in arg):
        return {chr(ch) for _, ch in arg}, True  # "ha[sd]": the parser's factoring of "has|had"
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _sequence(list(arg))
    return None, False


class Gated:
    """A compiled pattern behind its needle test: ``search``/``match``/``finditer`` answer exactly
    as the pattern's own, but skip the regex when the text holds none of the needles."""

    __slots__ = ("pattern", "needles", "fold")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.needles = needles(pattern)
        self.fold = bool(pattern.flags & re.IGNORECASE)

    def may_match(self, text: str) -> bool:
        """False only when no match is possible anywhere in ``text``."""
        found = self.needles
        if found is None:
            return True
        if self.fold:
            if not text.isascii():
                return True
            text = text.lower()
        return any(map(text.__contains__, found))

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.may_match(text) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos) if self.may_match(text) else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos, endpos) if self.may_match(text) else iter(())


def gated(pattern: re.Pattern[str]) -> Gated | re.Pattern[str]:
    """``pattern`` behind its needle test, or ``pattern`` itself when it guarantees no needle."""
    g = Gated(pattern)
    return g if g.needles is not None else pattern
