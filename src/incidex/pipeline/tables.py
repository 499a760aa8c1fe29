"""Tables of figures in bulletins: a header row names the columns, each row is one incident.

Situation reports often end with (or consist of) a table such as

    DATE | REGION | LOCATION | INCIDENT | KIA | WIA
    29/09 | Lower Shabelle | Afgooye | IED vs SNA vehicle | 2 | 3

where the numbers carry no words of their own: their meaning is the column's. This stage reads
the header once and turns each row's figure cells into count mentions whose evidence is the
cell. Column words are data (``lang/en/tables.yaml``); a row that totals the others is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from incidex.lang import load_words
from incidex.pipeline.mentions import CountMention

_FIGURE = re.compile(r"^(?P<approx>~|approx\.?\s*|about\s+|c\.\s*)?(?P<n>\d{1,5})(?P<plus>\+)?\s*(?P<est>\((?:est|approx)\.?\))?$", re.I)
_EMPTY = {"", "-", "–", "—", "n/a", "na", "unk", "unknown", "?", "nk"}


@dataclass(frozen=True)
class Column:
    roles: tuple[str, ...]  # "killed", "wounded", "abducted" — several for "KIA/WIA"
    who: str | None  # the side the figures count ("soldiers" for FRIENDLY, "militants" for HOSTILE)


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    return load_words("tables.yaml")


def _column(header: str) -> Column | None:
    words = _words()
    tokens = re.findall(r"[a-z]+", header.lower())
    roles = tuple(words["roles"][t] for t in tokens if t in words["roles"])
    if not roles:
        return None
    who = next((words["sides"][t] for t in tokens if t in words["sides"]), None)
    return Column(roles=roles, who=who)


def _cells(line: str, start: int) -> list[tuple[int, int, str]]:
    """Cells of a row with their offsets in the document."""
    out = []
    pos = 0
    for part in re.split(r"(\||\t)", line):
        if part in ("|", "\t"):
            pos += 1
            continue
        lead = len(part) - len(part.lstrip())
        text = part.strip()
        out.append((start + pos + lead, start + pos + lead + len(text), text))
        pos += len(part)
    return out


def table_counts(text: str) -> dict[int, list[CountMention]]:
    """Count mentions for every table row of ``text``, keyed by the row's start offset."""
    if "|" not in text and "\t" not in text:
        return {}
    found: dict[int, list[CountMention]] = {}
    columns: dict[int, Column] | None = None
    width = 0
    offset = 0
    totals = re.compile(_words()["total_row"], re.I)
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        cells = _cells(line, offset)
        offset += len(raw)
        if len(cells) < 3:
            columns = None
            continue
        header = {i: c for i, (_, _, cell) in enumerate(cells) if (c := _column(cell)) is not None and not _FIGURE.match(cell)}
        if header and not any(_FIGURE.match(cell) or "/" in cell and re.search(r"\d", cell) for _, _, cell in cells):
            columns, width = header, len(cells)
            continue
        if columns is None or len(cells) != width or totals.match(cells[0][2]):
            continue
        row: list[CountMention] = []
        for i, column in columns.items():
            s, e, cell = cells[i]
            values = cell.split("/") if len(column.roles) > 1 else [cell]
            if len(values) != len(column.roles):
                continue
            at = s
            for role, value in zip(column.roles, values):
                vs = at + (len(value) - len(value.lstrip()))
                mention = _mention(value.strip(), vs, role, column.who)
                at += len(value) + 1
                if mention is not None:
                    row.append(mention)
        if row:
            found[cells[0][0]] = row  # where the row's text, and so its block, starts
    return found


def _mention(value: str, start: int, role: str, who: str | None) -> CountMention | None:
    if value.lower() in _EMPTY:
        return None
    m = _FIGURE.match(value)
    if not m:
        return None
    n = int(m.group("n"))
    end = start + len(value)
    if n == 0:
        return CountMention(start, end, value, role=role, low=0, best=0, high=0, qualifier="none_reported", who=who)  # type: ignore[arg-type]
    if m.group("plus"):
        return CountMention(start, end, value, role=role, low=n, best=n, high=None, qualifier="at_least", who=who)  # type: ignore[arg-type]
    qualifier = "approx" if m.group("approx") or m.group("est") else "exact"
    return CountMention(start, end, value, role=role, low=n, best=n, high=n, qualifier=qualifier, who=who)  # type: ignore[arg-type]
