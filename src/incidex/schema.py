"""The event record: the contract between incidex and every user of its output.

Field names, vocabularies and precision codes follow GTD, ACLED and UCDP so that an
incidex record can be joined with the datasets researchers already use. The JSON Schema
shipped in ``schema/event.schema.json`` is the machine-readable form of this module and is
checked against it by the tests; ``docs/schema.md`` is the human one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

Qualifier = Literal["exact", "approx", "at_least", "at_most", "range", "vague", "none_reported", "unknown"]
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "range", "vague", "none_reported", "unknown")
COUNT_FIELDS: tuple[str, ...] = ("killed", "wounded", "casualties", "perpetrators_killed", "abducted")

#: GTD ``attacktype1_txt`` labels, in GTD's precedence order (first wins when several apply).
ATTACK_TYPES: tuple[str, ...] = (
    "Assassination",
    "Hijacking",
    "Hostage Taking (Kidnapping)",
    "Hostage Taking (Barricade Incident)",
    "Bombing/Explosion",
    "Armed Assault",
    "Unarmed Assault",
    "Facility/Infrastructure Attack",
    "Unknown",
)
#: GTD ``weaptype1_txt``; "Vehicle" stands for GTD's long vehicle label.
WEAPON_TYPES: tuple[str, ...] = (
    "Biological", "Chemical", "Radiological", "Nuclear", "Firearms", "Explosives", "Fake Weapons",
    "Incendiary", "Melee", "Vehicle", "Sabotage Equipment", "Other", "Unknown",
)
#: GTD ``targtype1_txt``.
TARGET_TYPES: tuple[str, ...] = (
    "Business", "Government (General)", "Police", "Military", "Abortion Related", "Airports & Aircraft",
    "Government (Diplomatic)", "Educational Institution", "Food or Water Supply", "Journalists & Media",
    "Maritime", "NGO", "Other", "Private Citizens & Property", "Religious Figures/Institutions",
    "Telecommunication", "Terrorists/Non-State Militias", "Tourists", "Transportation", "Unknown",
    "Utilities", "Violent Political Party",
)
ACLED_EVENT_TYPES: tuple[str, ...] = (
    "Battles", "Violence against civilians", "Explosions/Remote violence", "Riots", "Protests", "Strategic developments",
)
CLAIM_SOURCES: tuple[str, ...] = ("perpetrator", "third_party")


@dataclass
class Count:
    """A number of people with its uncertainty, coded by conventions.md §3.

    ``best`` is null for vague quantities ("dozens") whose conventional bounds sit in
    ``low``/``high``; all three are null when nothing was said (``unknown``).
    """

    low: int | None = None
    best: int | None = None
    high: int | None = None
    qualifier: Qualifier = "unknown"

    @classmethod
    def unknown(cls) -> "Count":
        return cls()

    @property
    def is_known(self) -> bool:
        return self.qualifier != "unknown"


@dataclass
class Evidence:
    """The words that support a field: code-point offsets into the document text as given."""

    field: str
    start: int
    end: int
    text: str


@dataclass
class Document:
    """One report as read from disk or a database; ``published`` anchors relative dates."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str = "en"


@dataclass
class Event:
    """One incident as one report tells it (conventions.md §1)."""

    event_id: str
    doc_id: str
    schema_version: str = SCHEMA_VERSION
    extractor_version: str = ""
    # when
    date: str | None = None
    date_end: str | None = None
    date_precision: int | None = None
    date_calendar: Literal["gregorian", "hijri"] | None = None
    date_text: str | None = None
    # where
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    sublocation: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    geo_precision: int | None = None
    # what
    attack_type: str | None = None
    weapon_type: str | None = None
    target_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    # who
    perpetrator: str | None = None
    target: str | None = None
    suicide: bool = False
    claimed: bool = False
    claim_source: Literal["perpetrator", "third_party"] | None = None
    # how many
    killed: Count = field(default_factory=Count)
    wounded: Count = field(default_factory=Count)
    casualties: Count = field(default_factory=Count)
    perpetrators_killed: Count = field(default_factory=Count)
    abducted: Count = field(default_factory=Count)
    # why we believe it
    evidence: list[Evidence] = field(default_factory=list)
    context: str = ""
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        """Rebuild an event from its JSON form; unknown keys are an error, missing ones take defaults."""
        known = {f.name for f in fields(cls)}
        extra = set(data) - known
        if extra:
            raise ValueError(f"unknown event field(s): {', '.join(sorted(extra))}")
        kwargs = dict(data)
        for name in COUNT_FIELDS:
            if isinstance(kwargs.get(name), dict):
                kwargs[name] = Count(**kwargs[name])
        kwargs["evidence"] = [Evidence(**e) for e in kwargs.get("evidence") or []]
        return cls(**kwargs)


EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))


def flatten(event: dict[str, Any]) -> dict[str, Any]:
    """Flat columns for CSV: counts become ``killed_low`` ...; evidence is summarised as JSON."""
    row: dict[str, Any] = {}
    for key, value in event.items():
        if key in COUNT_FIELDS:
            value = value or {}
            for part in ("low", "best", "high", "qualifier"):
                row[f"{key}_{part}"] = value.get(part)
        elif key == "evidence":
            row[key] = json.dumps(value, ensure_ascii=False)
        else:
            row[key] = value
    return row


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    """The shipped JSON Schema (draft 2020-12) for one event."""
    text = resources.files("incidex").joinpath("schema/event.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validation_errors(event: dict[str, Any]) -> list[str]:
    """Every way ``event`` breaks the JSON Schema, as readable strings (empty when valid)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json_schema())
    return [f"{'/'.join(map(str, e.path)) or '<root>'}: {e.message}" for e in validator.iter_errors(event)]
