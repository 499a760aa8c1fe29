"""The text being read and the names found in it: the state the place finder passes between its steps.

:class:`Doc` holds one text's tokens with their word classes and the context in force;
:class:`Cand` one name the recogniser accepted, with what its neighbours said, its resolution
and how the output step should shape it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from incidex.gazetteer.match import CASE_LOWER, CASE_UPPER, Tokens
from incidex.gazetteer.resolve import Choice
from incidex.pipeline.places_vocab import CUE_NONE, ENG, FUNC, PARTICLE

#: Countries are exempt from the organisation rule: "the Guatemala Army" names Guatemala.
COUNTRY_TIER = 80
#: Classes of a word that is never a name all by itself.
NOT_ALONE = FUNC | PARTICLE | ENG


@dataclass(slots=True)
class Cand:
    """One accepted name with what its neighbours said."""

    i: int
    n: int
    hash: int
    tier: int
    cue: int = CUE_NONE
    hint: str | None = None
    precision: int | None = None  # forced geo_precision (2 for "near X", "20 km north of X", "the X area")
    start: int = 0
    end: int = 0
    surface: str = ""
    container: int | None = None  # index of the candidate this one lies in
    choice: Choice | None = None
    absorbed: bool = False
    heading: bool = False
    exact: bool = False  # only an exact spelling will do (a common word read as a name)
    distance_km: float | None = None  # "500 km northwest of X", "X, 8 km N": how far from X


@dataclass(slots=True)
class Doc:
    """One text being read: its tokens, their word classes, and whether case means anything."""

    text: str
    toks: Tokens
    cls: Sequence[int]  # word classes (places_vocab bits), one per token
    mixed: bool
    heading: bool
    country: str | None
    admin1: str | None
    anchor: tuple[float, float] | None
    count: int = 0  # number of tokens
    cands: list[Cand] = field(default_factory=list)


def mixed_case(toks: Tokens) -> bool:
    """Does the text's capitalisation mean anything? Not in ALL CAPS or all lower case (MUC-4,
    bulletin headings): it does when some words are lower case and some capitalised. Title Case
    headlines count as mixed; runs of capitalised words are then read as longer names."""
    cases = toks.cases
    lower = cases.count(CASE_LOWER)
    return 0 < lower < len(cases) and cases.count(CASE_UPPER) < 0.5 * len(cases)


def acronym(surface: str) -> bool:
    """"KIA", "GEND", "LeJ", "HuM": short capitals or capitals inside a word."""
    if surface.isupper():
        return len(surface) <= 4
    return any(map(str.isupper, surface[1:]))
