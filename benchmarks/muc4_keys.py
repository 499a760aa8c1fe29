"""Read the MUC-3/MUC-4 raw corpus: the texts (with their datelines) and the 25-slot answer keys.

Why the raw files and not ``processed/*.json``: the processed texts drop the dateline
("SAN SALVADOR, 3 JAN 90 (ACAN-EFE) --"), which is the reference date for every relative date
in the story, and the processed templates keep only the role fillers, not the date, location,
stage or the human-target numbers and effects that incidex's fields are scored against.
The processed files still decide the split membership (see :func:`split_ids`).

Split mapping (checked by :func:`check_splits`): processed ``docid`` strings are the raw message
ids verbatim: ``train`` = DEV-MUC3-0001..1300 (raw ``dev/``), ``dev`` = TST1-MUC3-0001..0100 +
TST2-MUC4-0001..0100 (raw ``tst1/``, ``tst2/``), ``test`` = TST3-MUC4-* + TST4-MUC4-* (raw
``tst3/``, ``tst4/``; the all-caps ``tst4-muc4`` file, the one used in the 1992 evaluation).

Key format (raw_files/muc34/TASK/TASKDOC/templ-doc-basic/template-doc-part1.v7): one template per
block of numbered slots; a slot's further fillers sit on indented continuation lines; ``*`` in
MESSAGE: TEMPLATE means the message has no relevant incident; ``-`` is a null fill; ``?`` marks an
optional fill; `` / `` separates alternatives; ``"X": "Y"`` cross-references the filler of another
slot; ``(OPTIONAL)`` after the template number marks a whole template as optional.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from benchmarks import data_dir

SLOT_NAMES: tuple[str, ...] = (
    "MESSAGE: ID", "MESSAGE: TEMPLATE", "INCIDENT: DATE", "INCIDENT: LOCATION", "INCIDENT: TYPE",
    "INCIDENT: STAGE OF EXECUTION", "INCIDENT: INSTRUMENT ID", "INCIDENT: INSTRUMENT TYPE",
    "PERP: INCIDENT CATEGORY", "PERP: INDIVIDUAL ID", "PERP: ORGANIZATION ID", "PERP: ORGANIZATION CONFIDENCE",
    "PHYS TGT: ID", "PHYS TGT: TYPE", "PHYS TGT: NUMBER", "PHYS TGT: FOREIGN NATION", "PHYS TGT: EFFECT OF INCIDENT",
    "PHYS TGT: TOTAL NUMBER", "HUM TGT: NAME", "HUM TGT: DESCRIPTION", "HUM TGT: TYPE", "HUM TGT: NUMBER",
    "HUM TGT: FOREIGN NATION", "HUM TGT: EFFECT OF INCIDENT", "HUM TGT: TOTAL NUMBER",
)
_SLOT_LINE = re.compile(r"^(\d{1,2})\.\s+(%s)(?=\s|$)\s*(.*)$" % "|".join(re.escape(s) for s in SLOT_NAMES))
_DOC_ID = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\b")
_MONTHS = {m: i for i, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1)}
_DATE_TOKEN = re.compile(
    r"(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Z]{3})[A-Z]*\.?(?:\s+(?P<y1>\d{2,4}))?)|(?:(?P<m2>[A-Z]{3})[A-Z]*\.?\s+(?P<d2>\d{1,2})(?:,?\s+(?P<y2>\d{2,4}))?)",
    re.IGNORECASE,
)
_DATELINE = re.compile(r"\A\s*(?P<place>[^,\n]{2,60}),\s+(?P<date>\d{1,2}\s+[A-Z]{3}\s+\d{2})\b")

#: Country names as the keys spell them (typos included) -> ISO 3166-1 alpha-2.
COUNTRIES: dict[str, str] = {
    "EL SALVADOR": "SV", "GUATEMALA": "GT", "GUATAMALA": "GT", "HONDURAS": "HN", "ARGENTINA": "AR",
    "BOLIVIA": "BO", "CHILE": "CL", "COLOMBIA": "CO", "ECUADOR": "EC", "PERU": "PE", "NICARAGUA": "NI",
    "PANAMA": "PA", "VENEZUELA": "VE", "BRAZIL": "BR", "MEXICO": "MX", "COSTA RICA": "CR", "CUBA": "CU",
    "JAMAICA": "JM", "SPAIN": "ES", "UNITED STATES": "US", "PARAGUAY": "PY", "URUGUAY": "UY",
}
#: The nine countries of interest of MUC-3/4 (template-doc-part1 §1.0 rule 4).
MUC_COUNTRIES: frozenset[str] = frozenset({"SV", "GT", "HN", "AR", "BO", "CL", "CO", "EC", "PE"})

#: Location kinds that name a settlement or an administrative area (what a gazetteer resolves);
#: anything else (NEIGHBORHOOD, FARM, UNIVERSITY, RIVER ...) is finer than a town or not a place.
SETTLEMENT_KINDS: frozenset[str] = frozenset({
    "CITY", "TOWN", "VILLAGE", "HAMLET", "MUNICIPALITY", "DEPARTMENT", "PROVINCE", "JURISDICTION", "CANTON",
    "DISTRICT", "COUNTY", "TOWNSHIP", "INTENDANCY", "STATE", "CORREGIMIENTO", "CAPITAL", "COMMUNITY",
    "METROPOLITAN DISTRICT", "TOWN IN FEDERAL DISTRICT", "PORT", "REGION", "OFFICIAL REGION",
})


@dataclass(frozen=True)
class Filler:
    """One filler of a slot: ``values`` are the alternatives left of the colon (set fills, numbers
    or quoted strings), ``refs`` the quoted strings it cross-references, ``optional`` the ``?``."""

    values: tuple[str, ...]
    refs: tuple[str, ...] = ()
    optional: bool = False


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days; ``start`` None is MUC-4's "- DD MMM YY" (on or before ``end``)."""

    start: date | None
    end: date

    def contains(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and day <= self.end


@dataclass(frozen=True)
class Place:
    name: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class Location:
    """One alternative of INCIDENT: LOCATION: country, then levels of increasing specificity
    (a level holds several places when the key joins them with " - ")."""

    country: str | None
    levels: tuple[tuple[Place, ...], ...] = ()

    def settlement_level(self) -> tuple[Place, ...]:
        """The finest level naming a settlement or an administrative area (empty when none)."""
        for level in reversed(self.levels):
            if any(k in SETTLEMENT_KINDS for p in level for k in p.kinds):
                return level
        return ()

    def finer_places(self) -> tuple[Place, ...]:
        """Places below the finest settlement (neighbourhoods, farms, buildings)."""
        fine = self.settlement_level()
        idx = self.levels.index(fine) + 1 if fine else 0
        return tuple(p for level in self.levels[idx:] for p in level)


@dataclass(frozen=True)
class CountRange:
    """A number of people as the key gives it: "6" = [6, 6], "6-8", "6-" = [6, None], "~10" = [10, 10]."""

    low: int
    high: int | None

    def contains(self, value: int) -> bool:
        return value >= self.low and (self.high is None or value <= self.high)


@dataclass
class Template:
    doc_id: str
    number: str
    relevant: bool
    optional: bool = False
    slots: dict[str, list[Filler]] = field(default_factory=dict)
    raw: dict[str, list[str]] = field(default_factory=dict)

    # -- typed views -------------------------------------------------------------------------
    @property
    def incident_types(self) -> tuple[str, ...]:
        return _set_values(self.slots.get("INCIDENT: TYPE", []))

    @property
    def stages(self) -> tuple[str, ...]:
        return _set_values(self.slots.get("INCIDENT: STAGE OF EXECUTION", []))

    @property
    def threatened_only(self) -> bool:
        return bool(self.stages) and all(s == "THREATENED" for s in self.stages)

    def dates(self, reference: date | None = None) -> list[DateRange]:
        return parse_date_fill(" ".join(self.raw.get("INCIDENT: DATE", [])), reference)

    @property
    def locations(self) -> list[Location]:
        return parse_location_fill(" ".join(self.raw.get("INCIDENT: LOCATION", [])))

    @property
    def countries(self) -> set[str]:
        return {loc.country for loc in self.locations if loc.country}

    def strings(self, slot: str) -> list[tuple[str, ...]]:
        """The entities of a string slot, each as its alternative strings."""
        return [f.values for f in self.slots.get(slot, []) if f.values]

    def count(self, effect: str) -> CountRange | None:
        """Human targets with ``effect`` (DEATH, INJURY), summed over the template; None when the
        key gives no number for one of them (PLURAL, no NUMBER fill) or none has that effect."""
        numbers: dict[str, Filler] = {}
        for f in self.slots.get("HUM TGT: NUMBER", []):
            for ref in f.refs:
                numbers.setdefault(ref, f)
        low, high, seen = 0, 0, False
        for f in self.slots.get("HUM TGT: EFFECT OF INCIDENT", []):
            if f.optional or effect not in f.values:
                continue
            seen = True
            num = next((numbers[r] for r in f.refs if r in numbers), None)
            rng = parse_count(num.values) if num is not None and not num.optional else None
            if rng is None:
                return None
            low += rng.low
            high = None if high is None or rng.high is None else high + rng.high
        return CountRange(low, high) if seen else None


# -- parsing ------------------------------------------------------------------------------------

def parse_keys(text: str) -> list[Template]:
    """Every template in a key file, in file order."""
    templates: list[Template] = []
    current: Template | None = None
    last_slot: str | None = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith(";"):
            continue
        m = _SLOT_LINE.match(line)
        if m:
            slot, value = m.group(2), m.group(3).strip()
            if slot == "MESSAGE: ID":
                doc = _DOC_ID.match(value)
                current = Template(doc_id=doc.group(1) if doc else value.split()[0], number="", relevant=True)
                templates.append(current)
            if current is None:
                continue
            last_slot = slot
            current.raw.setdefault(slot, [])
            if value:
                current.raw[slot].append(value)
            if slot == "MESSAGE: TEMPLATE":
                current.relevant = "*" not in value
                current.optional = "OPTIONAL" in value.upper()
                current.number = value.split()[0].rstrip("*") if value else ""
            continue
        if line[:1].isspace() and current is not None and last_slot is not None:
            current.raw[last_slot].append(line.strip())
    for t in templates:
        t.slots = {slot: [parse_filler(v) for v in values if v not in ("-", "*")] for slot, values in t.raw.items()}
    return templates


def parse_filler(value: str) -> Filler:
    """``? 1: "CEREZO"`` -> Filler(("1",), ("CEREZO",), optional=True)."""
    value = value.strip()
    optional = value.startswith("?")
    if optional:
        value = value[1:].strip()
    parts = _split_top(value, ":")
    left = parts[0]
    refs: tuple[str, ...] = ()
    if len(parts) > 1:
        refs = tuple(_unquote(a) for a in _split_top(":".join(parts[1:]).strip(), "/") if a.strip())
    values = tuple(_clean_alt(a) for a in _split_top(left, "/") if _clean_alt(a))
    optional = optional or any(a.strip().startswith("?") for a in _split_top(left, "/"))
    return Filler(values=values, refs=refs, optional=optional)


def _clean_alt(alt: str) -> str:
    alt = alt.strip().lstrip("?").strip()
    return _unquote(alt) if alt.startswith('"') else alt


def _unquote(s: str) -> str:
    s = s.strip().lstrip("?").strip()
    if len(s) >= 2 and s[0] == '"' and s[-1] == '"':
        s = s[1:-1]
    return s.replace('\\"', '"')


def _split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside double quotes and parentheses."""
    out, buf, depth, quoted, i = [], [], 0, False, 0
    while i < len(text):
        c = text[i]
        if c == "\\" and i + 1 < len(text):
            buf.append(text[i:i + 2])
            i += 2
            continue
        if c == '"':
            quoted = not quoted
        elif not quoted and c == "(":
            depth += 1
        elif not quoted and c == ")":
            depth = max(0, depth - 1)
        if not quoted and depth == 0 and c == sep:
            out.append("".join(buf))
            buf = []
        else:
            buf.append(c)
        i += 1
    out.append("".join(buf))
    return out


def _set_values(fillers: list[Filler]) -> tuple[str, ...]:
    return tuple(v.strip().upper() for f in fillers for v in f.values if v.strip())


def parse_count(values: tuple[str, ...]) -> CountRange | None:
    """The first numeric alternative of a HUM TGT: NUMBER fill (PLURAL is not a number)."""
    for v in values:
        v = v.replace(" ", "")
        m = re.fullmatch(r"~?(\d+)(?:-(\d+)?)?", v)
        if m:
            low = int(m.group(1))
            if v.endswith("-"):
                return CountRange(low, None)
            return CountRange(low, int(m.group(2)) if m.group(2) else low)
        m = re.fullmatch(r"-(\d+)", v)  # "- 15": at most 15
        if m:
            return CountRange(0, int(m.group(1)))
    return None


def _parse_day(token: str, reference: date | None) -> date | None:
    m = _DATE_TOKEN.search(token)
    if not m:
        return None
    day = int(m.group("d1") or m.group("d2"))
    month = _MONTHS.get((m.group("m1") or m.group("m2") or "").upper()[:3])
    year_s = m.group("y1") or m.group("y2")
    if month is None:
        return None
    if year_s:
        year = int(year_s)
        year = year + 1900 if year < 100 else year
    elif reference is not None:
        year = reference.year
        try:
            if date(year, month, day) > reference + timedelta(days=31):
                year -= 1
        except ValueError:
            return None
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date_fill(value: str, reference: date | None = None) -> list[DateRange]:
    """``(08 MAR 90) / (07 MAR 90 - 08 MAR 90)`` -> two ranges; ``-`` or ``*`` -> []."""
    out: list[DateRange] = []
    for alt in _split_top(value, "/"):
        alt = alt.strip().lstrip("?").strip()
        if alt.startswith("(") and alt.endswith(")"):
            alt = alt[1:-1].strip()
        if not alt or alt in ("-", "*"):
            continue
        if alt.startswith("-"):
            end = _parse_day(alt[1:], reference)
            if end:
                out.append(DateRange(None, end))
        elif re.search(r"\s-\s", alt):
            a, _, b = alt.partition("-")
            start, end = _parse_day(a, reference), _parse_day(b, reference)
            if start and end:
                # a start after the end is a typo in the key ("28 AUG 92 - 03 SEP 89"): keep the end
                out.append(DateRange(start if start <= end else None, end))
            elif start or end:
                out.append(DateRange(None, end or start))  # type: ignore[arg-type]
        else:
            day = _parse_day(alt, reference)
            if day:
                out.append(DateRange(day, day))
    return out


def _parse_place(text: str) -> Place:
    m = re.fullmatch(r"\s*(.+?)\s*\(([^()]*)\)\s*", text)
    if not m:
        return Place(text.strip(), ())
    kinds = tuple(k.strip().upper() for k in m.group(2).split("/") if k.strip())
    return Place(m.group(1).strip(), kinds)


def parse_location_fill(value: str) -> list[Location]:
    """``EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)`` -> one Location."""
    out: list[Location] = []
    for alt in _split_top(value, "/"):
        alt = alt.strip().lstrip("?").strip()
        while alt.startswith("(") and alt.endswith(")") and _balanced(alt[1:-1]):
            alt = alt[1:-1].strip()
        if not alt or alt in ("-", "*"):
            continue
        parts = [p.strip() for p in _split_top(alt, ":")]
        country_name = parts[0].upper()
        country = COUNTRIES.get(country_name)
        levels = []
        for part in (parts[1:] if country else parts):
            places = tuple(_parse_place(p) for p in re.split(r"\s+-\s+", part) if p.strip())
            if places:
                levels.append(places)
        out.append(Location(country=country, levels=tuple(levels)))
    return out


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return False
    return depth == 0


def parse_texts(text: str) -> dict[str, str]:
    """Message id -> text (everything after the id line, the dateline first)."""
    docs: dict[str, str] = {}
    current: str | None = None
    buf: list[str] = []
    for line in text.splitlines():
        m = _DOC_ID.match(line)
        if m:
            if current is not None:
                docs[current] = "\n".join(buf).strip("\n")
            current, buf = m.group(1), []
        elif current is not None:
            buf.append(line)
    if current is not None:
        docs[current] = "\n".join(buf).strip("\n")
    return docs


def dateline_date(text: str) -> date | None:
    """The filing date from "SAN SALVADOR, 3 JAN 90 (ACAN-EFE) --"."""
    m = _DATELINE.match(text)
    return _parse_day(m.group("date"), None) if m else None


# -- the corpus ---------------------------------------------------------------------------------

def corpora_dir() -> Path:
    return data_dir() / "muc4" / "raw_files" / "muc34" / "TASK" / "CORPORA"


_RAW_FILES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # split -> (text files, key files), globs relative to CORPORA
    "train": (("dev/dev-muc3-*",), ("dev/key-dev-*.muc4",)),
    "dev": (("tst1/tst1-muc3", "tst2/tst2-muc4"), ("tst1/key-tst1.v7", "tst2/key-tst2.v4")),
    "test": (("tst3/tst3-muc4", "tst4/tst4-muc4"), ("tst3/key-tst3.v2", "tst4/key-tst4.v2")),
}
SPLITS: tuple[str, ...] = tuple(_RAW_FILES)


def _files(patterns: tuple[str, ...]) -> list[Path]:
    root = corpora_dir()
    out: list[Path] = []
    for pat in patterns:
        found = sorted(root.glob(pat))
        if not found:
            raise FileNotFoundError(f"MUC-4 raw file not found: {root / pat}")
        out.extend(found)
    return out


@lru_cache(maxsize=None)
def split_ids(split: str) -> tuple[str, ...]:
    """Document ids of a split, from ``processed/{split}.json`` (the GTT/GRIT split)."""
    path = data_dir() / "muc4" / "processed" / f"{split}.json"
    with path.open(encoding="utf-8") as fh:
        return tuple(json.loads(line)["docid"] for line in fh if line.strip())


@lru_cache(maxsize=None)
def raw_texts(split: str) -> dict[str, str]:
    texts_glob, _ = _RAW_FILES[split]
    docs: dict[str, str] = {}
    for path in _files(texts_glob):
        docs.update(parse_texts(path.read_text(encoding="latin-1")))
    return docs


@lru_cache(maxsize=None)
def raw_templates(split: str) -> dict[str, tuple[Template, ...]]:
    """Doc id -> its key templates (irrelevant ones included, ``relevant`` False)."""
    _, keys_glob = _RAW_FILES[split]
    by_doc: dict[str, list[Template]] = {}
    for path in _files(keys_glob):
        for t in parse_keys(path.read_text(encoding="latin-1")):
            by_doc.setdefault(t.doc_id, []).append(t)
    return {k: tuple(v) for k, v in by_doc.items()}


@lru_cache(maxsize=None)
def processed_templates(split: str) -> dict[str, list[dict]]:
    """Doc id -> the processed role-filler templates (PerpInd, PerpOrg, Target, Victim, Weapon)."""
    path = data_dir() / "muc4" / "processed" / f"{split}.json"
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {r["docid"]: r["templates"] for r in rows}


def check_splits() -> dict[str, int]:
    """Every processed id has a raw text and a key; returns docs per split (raises otherwise)."""
    counts = {}
    for split in SPLITS:
        ids = split_ids(split)
        texts, keys = raw_texts(split), raw_templates(split)
        missing = [i for i in ids if i not in texts or i not in keys]
        if missing:
            raise ValueError(f"{split}: {len(missing)} processed ids without raw text or key, e.g. {missing[:3]}")
        counts[split] = len(ids)
    return counts
