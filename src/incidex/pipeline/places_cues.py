"""Cues: what the words just before and just after a name say about it.

Before: a strong cue ("the town of", "in the province of", "Wilayat"), a distance or direction
("20 km south of", "south of", "on the outskirts of"), a preposition ("in", "near"), or the
noun of a state ("the army of Niger": a country). After: a type word ("Kunar province",
"Hawija area", "Mora town"), a road ("the Mora-Kousseri road"). Each cue sets how much the
words vouch for a place (:data:`CUE_STRONG` ...), a kind hint for resolution and, for the
"near" cues, geo_precision 2.
"""

from __future__ import annotations

from incidex.gazetteer.match import CASE_LOWER
from incidex.pipeline.places_doc import Doc
from incidex.pipeline.places_vocab import (
    CUE_NEAR, CUE_NONE, CUE_STRONG, CUE_WEAK, DETERMINERS, DIRECTION, DISTANCE, ENG, FUNC, ORG, PREFIX_WORDS, TYPE_WORD,
    UNIT, WEAK, vocab, word_class,
)

#: Nouns whose "of X" names a country: "the government of Chad", "the army of Niger" (organisation heads too).
_STATE_NOUNS = frozenset({"government", "governments", "president", "embassy", "embassies", "people", "republic",
                          "kingdom", "state", "ambassador", "king", "territory", "soil", "borders"})


def cue_before(doc: Doc, i: int) -> tuple[int, int | None, int | None, str | None]:
    """(cue level, start offset of a distance phrase, forced precision, kind hint) from the words before token i."""
    toks = doc.toks
    brk = toks.brk
    b = brk[i]
    k = i
    lo = i - 6 if i > 6 else 0
    while k > lo and brk[k - 1] == b:
        k -= 1
    if k == i:
        return CUE_NONE, None, None, None
    v = vocab()
    words = toks.words
    cls = doc.cls
    last = words[i - 1]
    if last in ("of", "the", "from", "outside"):
        for c in cls[max(k, i - 4):i]:
            if c & (DIRECTION | UNIT):
                start = toks.starts[i]
                window = doc.text[max(0, start - 100):start]
                m = DISTANCE.search(window)
                if m is not None:
                    return CUE_NEAR, start - len(window) + m.start(), 2, "settlement"
                break
    tail = words[k:i]
    n = i - k
    if last == "and" and n >= 4:
        listed = _listed_after(doc, tail, i)
        if listed is not None:
            return CUE_STRONG, None, None, listed or None
    for seq in v.strong_by_tail.get(tail[-2:], ()) + (v.strong_by_tail.get(tail[-1:], ()) if n > 1 else ()):
        ln = len(seq)
        if ln <= n and tail[-ln:] == seq:
            before = tail[:-ln]
            if ln == 2 and before and _named_type_word(doc, i - 3):
                return CUE_WEAK, None, None, None  # "the Mansoura district of Aden": the type word is Mansoura's
            plain = [w for w in before[-3:] if w != "the"]
            near = bool(before) and (before[-1] in ("near", "outside", "around") or before[-2:] == ("close", "to")) \
                or seq[0] in ("near", "outside") or any(w in v.around for w in seq) \
                or (len(plain) >= 2 and plain[-1] == "of" and plain[-2] in v.directions)  # "south of the city of Rafah"
            return CUE_STRONG, None, 2 if near else None, _hint_of(seq)
    if n >= 2 and last == "of":
        prev = tail[-2]
        if prev in v.around:
            return CUE_STRONG, None, 2, None  # "the desert of al-Baaj", "the countryside of Idlib"
        if prev in v.directions:
            return CUE_NEAR, toks.starts[i - 2], 2, "settlement"  # "south of Rafah"
        if cls[i - 2] & ORG or prev in _STATE_NOUNS:
            return CUE_WEAK, None, None, "country"  # "the army of Niger", "the government of Chad"
    trimmed = tail[:-1] if last == "the" else tail
    if trimmed:
        tl = len(trimmed)
        for seq in v.near_by_tail.get(trimmed[-2:], ()) + (v.near_by_tail.get(trimmed[-1:], ()) if tl > 1 else ()):
            if len(seq) <= tl and trimmed[-len(seq):] == seq:
                return CUE_NEAR, None, 2, "settlement" if seq[-1] not in ("between",) else None
        t1 = trimmed[-1]
        if t1 in ("rural", "outlying"):
            return CUE_NEAR, None, 2, None  # "in rural Tame"
        if word_class(t1) & WEAK:
            return CUE_WEAK, None, None, None
    if last in v.directions and n >= 2 and word_class(tail[-2]) & WEAK:
        return CUE_WEAK, None, None, None  # "in northern Kunar"
    return CUE_NONE, None, None, None


def _named_type_word(doc: Doc, k: int) -> bool:
    """Is token k a name followed by a type word ("the Mansoura district of", "Sangin district of")?"""
    if k < 0:
        return False
    c = doc.cls[k]
    if c & (FUNC | DIRECTION | TYPE_WORD | ENG) or doc.toks.words[k] in DETERMINERS or doc.toks.words[k].isdigit():
        return False
    return not doc.mixed or doc.toks.cases[k] != CASE_LOWER


def _listed_after(doc: Doc, tail: tuple[str, ...], i: int) -> str | None:
    """"the towns of Orito and Tumaco", "the departments of Usulutan and San Miguel": the name after
    "and" shares the strong cue of the first (a plural type word before "of"). The kind hint, or
    None when there is no such cue (an empty hint is "")."""
    v = vocab()
    n = len(tail)
    for p in range(n - 3, max(0, n - 6), -1):  # "of" followed by a name of one to three words
        if tail[p] != "of" or not tail[p - 1].endswith("s"):
            continue
        if any(doc.cls[k] & FUNC for k in range(i - n + p + 1, i - 1)):
            return None
        head = tail[:p + 1]
        for seq in v.strong_by_tail.get(head[-2:], ()):
            if head[-len(seq):] == seq:
                return _hint_of(seq) or ""
        return None
    return None


def _hint_of(seq: tuple[str, ...]) -> str | None:
    """"the city of" says a settlement, "the province of", "the island of" and "Wilayat" a region."""
    v = vocab()
    for w in reversed(seq):
        if w.endswith("s") and w not in v.settlement:  # "the departments of": as "the department of"
            w = w[:-3] + "y" if w.endswith("ies") else w[:-1]
        if w in ("island", "islands"):
            return "region"
        if w in v.region1 or w in PREFIX_WORDS:
            return "region"
        if w in v.region2:
            return "admin2"
        if w in v.vague_area:
            return None
        if w in v.settlement:
            return "settlement"
    return None


def cue_after(doc: Doc, last: int) -> tuple[str | None, int, bool, bool]:
    """(hint, index of the last token the place phrase covers, strong?, around?) from the words after token ``last``."""
    toks = doc.toks
    v = vocab()
    k = last + 1
    if k >= doc.count or not (toks.brk[last] == toks.brk[k]):
        return None, last, False, False
    w = toks.words[k]
    w2 = toks.words[k + 1] if k + 1 < doc.count and (toks.brk[k] == toks.brk[k + 1]) else ""
    if w2 and f"{w} {w2}" in v.region2_pairs:  # "frontier region", "local government"
        return "admin2", k + 1, True, False
    if w in v.region1:
        return "region", k, True, False
    if w in v.region2:
        return "admin2", k, True, False
    if w in v.vague_area:
        return None, k, True, w in v.around
    if w in v.settlement:
        return "settlement", k, True, False
    if w in v.roads:  # "the Kousseri road"
        return "settlement", last, True, False
    gap = toks.gap(k).strip()
    if gap in ("-", "\u2013", "\u2014", "/") and (w2 in v.roads or (k + 2 < doc.count and (toks.brk[k] == toks.brk[k + 2])
                                                                    and toks.words[k + 2] in v.roads)):
        return "settlement", last, True, False  # "the Mora-Kousseri road", "the Rafah-Arish coastal road"
    return None, last, False, False
