"""Combining count mentions into one event's count, by the rules of conventions.md §3.

Kept apart from the stage that finds counts: finding is about words, combining is about the
event unit (a revised toll replaces, a second victim group adds, a repeated figure is one).
"""

from __future__ import annotations

import re

from incidex.pipeline.counts import added_words, parse_number, vocabulary_word
from incidex.pipeline.mentions import CountMention
from incidex.schema import Count

#: Nouns that name no particular victim group: a later figure for them is a restatement.
GENERIC_NOUNS = frozenset({None, "", "people", "persons", "person", "others", "individuals", "civilians and security personnel"})


def from_mention(m: CountMention) -> Count:
    return Count(low=m.low, best=m.best, high=m.high, qualifier=m.qualifier)  # type: ignore[arg-type]


def merge(current: Count, current_who: str | None, new: CountMention) -> Count:
    """The event's count after one more mention of the same role."""
    if not current.is_known:
        return from_mention(new)
    if new.qualifier == "none_reported":
        return current  # "no other casualties" never erases a figure already given
    if current.qualifier == "none_reported":
        return from_mention(new)
    if new.definite and not new.revision and new.best is not None and current.best is not None \
            and (new.best == 1 or (new.best == current.best and not _adds(new.text))
                 or _same_victims(new.who, current_who)):
        # "the six priests", "the slain minister", "the nine peasant members of the patrols"
        # after "nine peasants": victims counted already, or some of them;
        # "the six Jesuits and two more persons": all of them, and more
        return current if new.best <= current.best else from_mention(new)
    if (
        not new.revision and new.best is not None and current.best is not None
        and new.who not in GENERIC_NOUNS and current_who not in GENERIC_NOUNS
        and _stems(new.who) & _stems(current_who) and not _adds(new.text)
    ):
        # "six priests and two women" after "six Jesuits" and "five other priests and two women":
        # the victims told again, not more of them; the fuller figure stands
        return current if new.best <= current.best else from_mention(new)
    if (not new.revision and new.best is not None and current.best is not None and new.best > current.best > 1
            and _list_opening_with(new, current.best) and not _adds(new.text)):
        # "murdering six Jesuits and two others" after "the six Jesuit priests": the list opens
        # with the victims counted already; the fuller figure stands
        return from_mention(new)
    if (not new.revision and new.best is not None and new.best == current.best and new.best > 1
            and new.qualifier == current.qualifier == "exact" and not _adds(new.text)):
        # "troops killed nine peasants ... nine civilians had been killed": the same figure told
        # again under another noun is the same victims
        return current
    if (
        not new.revision
        and new.who not in GENERIC_NOUNS
        and current_who not in GENERIC_NOUNS
        and (new.who != current_who or _adds(new.text))
    ):
        return _sum(current, from_mention(new))  # another group, or "three other soldiers"
    if not new.revision and new.best is not None and current.best is not None and _ALSO.search(new.text):
        return _sum(current, from_mention(new))  # "the person driving the vehicle was also killed"
    if new.best is not None and new.best == current.best and not new.revision:
        return current
    if not new.revision and new.best == 1 and current.best is not None and current.best > 1:
        return current  # "Ellacuria, one of the priests, was killed": one of the victims, told again
    lows = [v for v in (current.low, current.best, new.low, new.best) if v is not None]
    highs = [v for v in (current.high, new.high, new.best) if v is not None]
    best = new.best if new.best is not None else current.best
    qualifier = new.qualifier if new.qualifier not in ("vague",) else current.qualifier
    if qualifier in ("at_least", "approx", "range") and best is not None and lows and min(lows) < best:
        qualifier = "exact" if new.qualifier == "exact" else qualifier
    high = max(highs) if highs else None
    if new.qualifier == "at_least" and new.high is None:
        high = None
    return Count(low=min(lows) if lows else None, best=best, high=high, qualifier=qualifier)  # type: ignore[arg-type]


#: "also" and "too" add the victims told to those counted, whatever the noun ("the person
#: driving the vehicle was also killed"); "other(s)" does not always ("a rebel was killed and two
#: others were wounded": others than the dead).
_ALSO = re.compile(r"\b(?:also|too)\b", re.IGNORECASE)


def _list_opening_with(new: CountMention, figure: int) -> bool:
    """Is the mention a list of figures that sum to its own, the first of them ``figure``
    ("murdering SIX Jesuits and two others" = 8)? One side of a list split by side ("two
    policemen and THREE guerrillas") does not sum to the whole."""
    if " and " not in new.text.lower():
        return False
    figures = [n for w in re.findall(r"[\w,-]+", new.text) if (n := parse_number(w.strip(","))) is not None]
    return len(figures) >= 2 and figures[0] == figure and sum(figures) == new.best


_LIST_NEXT = re.compile(r",|\s+and\s+", re.IGNORECASE)


def _adds(text: str) -> bool:
    """Does the mention say its victims come on top of those counted ("three other soldiers",
    "also")? Inside a list after its first member the word compares the members among
    themselves ("Ignacio Ellacuria, five other priests and two women" are eight, all told;
    "murdering six Jesuits and two others" are eight)."""
    head = _LIST_NEXT.split(text, 1)[0]
    return bool(added_words().search(head)) or bool(_ALSO.search(text))


def names_again(new: CountMention, earlier: list[CountMention]) -> bool:
    """One victim named again ("Political leader Galan was killed" after "the murder of Liberal
    Party candidate Luis Carlos Galan"): both mentions count one person, and the last word of
    each that the counting vocabulary does not know (the surname, as a rule) is the same."""
    if new.best != 1 or new.revision or added_words().search(new.text):
        return False
    name = _last_name_word(new.text)
    return name is not None and any(e.best == 1 and e.role == new.role and _last_name_word(e.text) == name
                                    for e in earlier)


def _last_name_word(text: str) -> str | None:
    """The subject's name ends where its verb or its first clause does ("Carlos Lorenzana, who
    defended ..., was shot to death"); a noun phrase ("the murder of ... Galan") ends with it."""
    low = text.lower()
    cut = _SUBJECT_END.search(low)
    if cut is not None and cut.start() > 0:
        low = low[:cut.start()]
    words = [w for w in _WORD.findall(low) if len(w) >= 4 and not vocabulary_word(w)]
    return words[-1] if words else None


_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
_SUBJECT_END = re.compile(r",|;|\b(?:was|were|is|are|has|had|have|who|which|that)\b")


def _same_victims(new_who: str | None, current_who: str | None) -> bool:
    """Can ``new_who`` name (some of) the victims counted as ``current_who``? A generic noun can;
    otherwise they must share a noun ("the six priests" after "six Jesuit priests and two women")."""
    if new_who in GENERIC_NOUNS or current_who in GENERIC_NOUNS:
        return True
    return bool(_stems(new_who) & _stems(current_who))


def _stems(words: str | None) -> set[str]:
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in (words or "").split() if w != "and"}


def _sum(a: Count, b: Count) -> Count:
    def add(x: int | None, y: int | None) -> int | None:
        return None if x is None or y is None else x + y

    qualifier = a.qualifier if a.qualifier == b.qualifier else ("at_least" if "at_least" in (a.qualifier, b.qualifier) else "approx")
    return Count(low=add(a.low, b.low), best=add(a.best, b.best), high=add(a.high, b.high), qualifier=qualifier)  # type: ignore[arg-type]
