"""The needle gate answers exactly as the pattern it guards, and turns away texts without a needle."""

from __future__ import annotations

import re

import pytest

from incidex.pipeline.assemble import cues
from incidex.pipeline.prefilter import Gated, gated, needles


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\bseparately\b", 0, {"separately"}),
    (r"in (?:a|another) separate (?:attack|raid|bombing)", 0, {" separate "}),
    (r"(?:has|had) (?:killed|left)", 0, {"has killed", "has left", "had killed", "had left"}),
    (r"attacks?", 0, {"attack", "attacks"}),
    (r"Wilaya(?:t)?", re.IGNORECASE, {"wilaya", "wilayat"}),
    (r"\d+ killed|dead", 0, {" killed", "dead"}),
    (r"\d+", 0, None),
    (r"(?:the )?\w+", 0, None),
    (r"(?i:bomb)", 0, None),
])
def test_needles(pattern, flags, expected):
    got = needles(re.compile(pattern, flags))
    assert (set(got) if got is not None else None) == expected


@pytest.mark.parametrize("text", [
    "Militants attack police post in Peshawar",
    "In a separate attack, two soldiers were killed elsewhere in the province.",
    "The insurgency has killed more than 40,000 people since 2002.",
    "FIGHTING CONTINUED INTO THE NIGHT IN THE SAME AREA.",
    "Meanwhile, in the town of Kıyı, police said",  # non-ASCII: the gate stands aside
    "",
])
@pytest.mark.parametrize("kind", sorted(cues()))
def test_gated_cue_answers_as_the_pattern(kind, text):
    g = cues()[kind]
    plain = g.pattern if isinstance(g, Gated) else g
    assert _span(g.search(text)) == _span(plain.search(text))


def _span(m):
    return m.span() if m is not None else None


def test_gate_turns_away_a_text_without_needles():
    g = gated(re.compile(r"\bmeanwhile\b", re.IGNORECASE))
    assert isinstance(g, Gated)
    assert not g.may_match("Two soldiers killed in Kunar")
    assert g.search("MEANWHILE, in Kunar").span() == (0, 9)
    assert list(g.finditer("nothing here")) == []
