"""Segment a document into dateline, sections (under headings), blocks and sentences.

Context flows down this tree: a heading names the region or date for the lines under it, a
block (a paragraph, or one dated line of a bulletin) is the unit within which an earlier
sentence's place applies, and the sentence is where mentions are found. Every piece keeps its
character offsets into the original text, so evidence spans point at the words as given.

Layout cues are what real reports use: blank lines between paragraphs, short lines without
final punctuation as headings, bullets or dates at the start of a line for list items. Wrapped
lines (MUC-4's 80-column texts) are joined into one paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from incidex.pipeline.mentions import direct_init
from incidex.pipeline.prefilter import gated


@direct_init
@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    text: str


@dataclass
class Block:
    """A paragraph or one list item; ``sentences`` are in document order."""

    start: int
    end: int
    sentences: list[Piece]
    is_item: bool = False


@dataclass
class Section:
    heading: Piece | None
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Dateline:
    """"HERAT, March 3 (Wire) -": where and when the report was filed, not the incident."""

    span: Piece
    place: Piece | None
    date: Piece | None


@dataclass
class Segmented:
    dateline: Dateline | None
    sections: list[Section]

    def sentences(self) -> list[Piece]:
        return [s for sec in self.sections for b in sec.blocks for s in b.sentences]


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
#: Gated (:mod:`incidex.pipeline.prefilter`): a dateline needs its dash, which most headlines
#: and report openings lack, and the full pattern backtracks over the first words of every text.
_DATELINE = gated(re.compile(
    r"""\A(?P<lead>\s*(?:\[?[A-Z]{2,}[- ]?[A-Z0-9-]*\s*\([A-Z]+\)\s*\n)?\s*)   # MUC-4 header line "DEV-MUC3-0001 (NOSC)"
    (?P<place>[A-Z][A-Za-z.'\u2019-]+(?:[ ][A-Z][A-Za-z.'\u2019-]+){0,3}        # BOGOTA / SAN SALVADOR / Kabul
      (?:[ ]\([A-Z][A-Za-z.'\u2019 -]{1,40}\)(?=,))?)                              # MADRID (SPAIN), 3 JAN: the country
    (?:,[ ]+[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)?)?                             # , Afghanistan / , Nigeria
    (?:,?[ ]+(?P<date>(?:%(m)s[ ]+\d{1,2}(?:st|nd|rd|th)?(?:,?[ ]+\d{2,4})?)|(?:\d{1,2}[ ]+%(m)s(?:[ ]+\d{2,4})?)))?
    (?:[ ]*\([^)\n]{1,60}\))?                                                     # (Reuters) / (ACAN-EFE)
    (?:(?:[ ]*\n[ ]*|[ ]+)(?:--|[-\u2013\u2014])|[ ]*--)[ ]*                # a spaced dash: not "AL-KHAYR"
    """ % {"m": _MONTH},
    re.VERBOSE | re.IGNORECASE,
))

_LOWER = re.compile(r"[a-z]")
_UPPER = re.compile(r"[A-Z]")
_BULLET = re.compile(r"^\s*(?:[-*\u2022\u25aa\u2013]\s+|\d{1,3}[.)]\s+|\(?[a-z]\)\s+)")
_LINE_DATE = re.compile(
    r"^\s*(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}\s+%(m)s|%(m)s\s+\d{1,2}(?:st|nd|rd|th)?|on\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\b)"
    % {"m": _MONTH},
    re.IGNORECASE,
)
_HEADING_END = re.compile(r"[.!?;,]['\"\u201d)]*\s*$")
#: Words that open a clause: a line with one is prose, whatever its case ("... SAID THAT THE").
_CLAUSE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "when", "while", "because", "although",
                           "though", "whether", "said", "says", "added", "stated"})
_ABBREV = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "gov", "sen", "rep", "st",
    "no", "nos", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "km", "approx", "est", "govt", "dept", "prov", "dist", "brig", "adm", "cmdr", "insp", "supt", "u.s", "u.n", "a.m", "p.m",
    "fig", "al", "inc", "ltd", "co", "corp", "jr", "sr", "mt", "ft", "lt.col", "gen.",
}
#: The word before a sentence-ending mark ("U.S.", "Gen."), searched in the last 30 characters.
_LAST_WORD = re.compile(r"([A-Za-z.]+)[.!?]*$")
_SENT_END = re.compile(r"[.!?]+['\"\u201d\u2019)\]]*(?=\s+)")


def segment(text: str) -> Segmented:
    dateline = find_dateline(text)
    body_start = dateline.span.end if dateline else 0
    sections: list[Section] = [Section(heading=None)]
    head = text[:2000]
    caseless = not _LOWER.search(head) or not _UPPER.search(head)
    lines = _lines(text, body_start)
    if len(lines) == 1 and lines[0] is not None:
        # One line (a headline, a one-line wire): no heading (a heading needs a line under it),
        # one block; the same tree the walk below builds, without its bookkeeping.
        line = lines[0]
        item = bool(_BULLET.match(line.text) or _LINE_DATE.match(line.text))
        block = Block(line.start, line.end, split_sentences(text, line.start, line.end, caseless), is_item=item)
        return Segmented(dateline=dateline, sections=[Section(heading=None, blocks=[block])])
    paragraph: list[Piece] = []

    def flush() -> None:
        if paragraph:
            start, end = paragraph[0].start, paragraph[-1].end
            sections[-1].blocks.append(Block(start, end, split_sentences(text, start, end, caseless)))
            paragraph.clear()

    # What the previous line was: a heading may follow a blank line, an item or another heading,
    # never a line of prose (that is a wrapped line), nor the dateline's own line.
    prev = "para" if dateline else "blank"
    wrap = _wrap_width(lines)
    taken = -1  # the last line a wrapped item ran on into
    for i, line in enumerate(lines):
        if i <= taken:
            continue
        if line is None:
            flush()
            prev = "blank"
            continue
        nxt = next((ln for ln in lines[i + 1:i + 3] if ln is not None), None)
        # In text wrapped at a fixed width, a line nearly as long as the width that runs straight
        # on into the next line is the first line of a paragraph, not a heading.
        wrapped = wrap is not None and i + 1 < len(lines) and lines[i + 1] is not None \
            and len(line.text) >= WRAPPED_SHARE * wrap
        if prev != "para" and not wrapped and _is_heading(line, nxt):
            flush()
            sections.append(Section(heading=line))
            prev = "heading"
            continue
        if _BULLET.match(line.text) or _LINE_DATE.match(line.text):
            flush()
            taken = _item_end(lines, i, wrap)
            end = lines[taken].end  # type: ignore[union-attr]
            sections[-1].blocks.append(Block(line.start, end, split_sentences(text, line.start, end, caseless), is_item=True))
            prev = "item"
            continue
        paragraph.append(line)
        prev = "para"
    flush()
    sections = [s for s in sections if s.blocks or s.heading]
    return Segmented(dateline=dateline, sections=sections)


def _item_end(lines: list[Piece | None], i: int, wrap: int | None) -> int:
    """The last line of the item starting at line ``i``: in text wrapped at a fixed width, an item
    whose line runs to the width goes on into the next line ("6. URBAN GUERRILLAS SABOTAGED
    PYLONS IN SAN" / "MIGUEL CITY."), up to a blank line or the next item."""
    last = i
    while wrap is not None and last + 1 < len(lines):
        cur, nxt = lines[last], lines[last + 1]
        if nxt is None or cur is None or len(cur.text) < WRAPPED_SHARE * wrap \
                or _BULLET.match(nxt.text) or _LINE_DATE.match(nxt.text):
            break
        last += 1
    return last


#: A second dateline opening the body after its bracketed labels: "[TEXT] MEDELLIN -- ".
_INNER_DATELINE = re.compile(r"\s*(?:\[[^\]]{1,60}\]\s*)*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})\s*"
                             r"(?:\([^)]{1,40}\)\s*)?(?:--|-|\u2013|\u2014)\s")
#: Words no town's name is made of alone: "THE ARMY SAID --" opens no dateline.
_NOT_IN_A_TOWN = frozenset({"THE", "A", "AN", "IN", "OF", "ON", "AT", "TO", "BY", "FOR", "AND", "SAID", "SAYS", "WAS",
                            "WERE", "IS", "ARE", "HAS", "HAVE"})


def inner_dateline(text: str) -> Piece | None:
    """The town of a second dateline opening ``text`` ("[TEXT] MEDELLIN -- A bomb ..."): where
    the report was filed, as the wire's own dateline is (conventions.md §5)."""
    m = _INNER_DATELINE.match(text)
    if m is None or any(w in _NOT_IN_A_TOWN for w in m.group(1).split()):
        return None
    return Piece(m.start(1), m.end(1), m.group(1))


def find_dateline(text: str) -> Dateline | None:
    m = _DATELINE.match(text[:300])
    if not m:
        return None
    place = m.group("place")
    # A dateline place is written in capitals ("HERAT,") or followed by a date; plain prose is not.
    if not (place.isupper() or m.group("date")):
        return None
    if len(place) < 3 or "\n" in m.group(0)[len(m.group("lead")):].rstrip(" \n-\u2013\u2014"):
        return None
    date = Piece(m.start("date"), m.end("date"), m.group("date")) if m.group("date") else None
    return Dateline(
        span=Piece(m.start("place"), m.end(), m.group(0)[len(m.group("lead")):]),
        place=Piece(m.start("place"), m.end("place"), place),
        date=date,
    )


def _lines(text: str, start: int) -> list[Piece | None]:
    """Non-blank lines as pieces (stripped), ``None`` for blank lines."""
    out: list[Piece | None] = []
    pos = start
    for raw in text[start:].splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            out.append(None)
        else:
            lead = len(body) - len(body.lstrip())
            s = pos + lead
            out.append(Piece(s, s + len(stripped), stripped))
        pos += len(raw)
    return out


#: A line at least this share of the wrap width, followed at once by another line, is wrapped prose.
WRAPPED_SHARE = 0.75


def _wrap_width(lines: list[Piece | None]) -> int | None:
    """The width a document's prose is wrapped at (the 90th percentile of its line lengths), or
    None when it has too few lines to tell or its lines are not wrapped (one line a paragraph)."""
    lengths = sorted(len(ln.text) for ln in lines if ln is not None)
    if len(lengths) < 6:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    near = sum(1 for n in lengths if n >= 0.8 * width)
    return width if width >= 40 and near >= len(lengths) / 3 else None


def _is_heading(line: Piece, nxt: Piece | None) -> bool:
    t = line.text.lstrip("#").strip()
    words = t.split()
    if not words or len(words) > 8 or len(t) > 70 or nxt is None:
        return False
    if t.endswith(":") and len(words) <= 6:
        return True
    if _HEADING_END.search(t):
        return False
    if t.count(",") >= 2 or any(w.lower().strip(",") in _CLAUSE_WORDS for w in words):
        return False  # "RIVERA Y DAMAS ADMITTED, NEVERTHELESS, THAT ...": a wrapped line of prose
    if line.text.startswith("#"):
        return True
    return t.isupper() or sum(w[:1].isupper() for w in words) >= max(1, len(words) - 1)


def split_sentences(text: str, start: int, end: int, caseless: bool = False) -> list[Piece]:
    """Sentences of ``text[start:end]`` with document offsets; abbreviations do not end a sentence."""
    out: list[Piece] = []
    chunk = text[start:end]
    s = 0
    for m in _SENT_END.finditer(chunk):
        cut = m.end()
        after = chunk[cut:cut + 12]
        nxt = after.lstrip()[:1]
        word = _LAST_WORD.search(chunk, max(s, m.start() - 30), m.start() + 1)
        token = (word.group(1).rstrip(".").lower() if word else "")
        if token in _ABBREV or (len(token) == 1 and token.isalpha()):
            continue
        if not nxt:
            continue
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c(" or caseless or after.startswith("  ")):
            continue
        _append(out, text, start + s, start + cut)
        s = cut
    _append(out, text, start + s, end)
    return out


def _append(out: list[Piece], text: str, a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append(Piece(a, b, text[a:b]))
