"""What the extract stages find, before assembly turns it into events.

Each stage (dates, places, counts, types, actors) reads one piece of text and returns
mentions with character offsets *relative to the string it was given*; the assembler adds
the piece's offset in the document. Keeping offsets relative lets every stage be tested on a
bare phrase, one row per phrase, and keeps stages ignorant of segmentation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, TypeVar

CountRole = Literal["killed", "wounded", "casualties", "perpetrators_killed", "abducted"]
ActorRole = Literal["perpetrator", "target", "unknown"]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str


M = TypeVar("M", bound=Mention)


def shifted(mention: M, offset: int) -> M:
    """The same mention with offsets moved by ``offset`` (piece -> document).

    Called for every mention of every sentence, so it copies the instance dict instead of
    re-running the dataclass constructor (``dataclasses.replace`` was 3% of the extractor)."""
    if offset == 0:
        return mention
    moved = object.__new__(type(mention))
    moved.__dict__.update(mention.__dict__)
    object.__setattr__(moved, "start", mention.start + offset)
    object.__setattr__(moved, "end", mention.end + offset)
    return moved


@dataclass(frozen=True)
class DateMention(Mention):
    """A resolved date (or range). ``value`` is None when the words are a date but no
    reference date lets us place it (year-less Hijri date and no ``published``)."""

    value: date | None
    value_end: date | None = None
    precision: int | None = 1  # UCDP date_prec: 1 day, 2 two-to-six days, 3 week, 4 month, 5 year
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    kind: Literal["absolute", "relative", "dateline", "anaphoric"] = "absolute"


@dataclass(frozen=True)
class PlaceMention(Mention):
    """A place found in text, resolved as far as the gazetteer allows.

    ``geo_precision`` follows UCDP ``where_prec`` (1 exact place, 2 within ~25 km, 3 admin2,
    4 admin1, 6 country). ``kind`` says how it was found: a dateline place is where the report
    was filed, not necessarily where the incident happened (conventions.md §5)."""

    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    sublocation: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    geo_precision: int | None = None
    kind: Literal["place", "region", "country", "sublocation", "dateline", "heading"] = "place"
    score: float = 1.0


@dataclass(frozen=True)
class CountMention(Mention):
    """A number of people in one role, with its uncertainty (conventions.md §3).

    ``who`` is the noun counted ("soldiers", "civilians"), which helps the target decision.
    ``revision`` marks "the toll rose to 15", which replaces rather than adds; ``definite``
    marks a figure told with "the"/"these"/"all" ("the six priests"), which points back at
    victims already counted."""

    role: CountRole = "killed"
    low: int | None = None
    best: int | None = None
    high: int | None = None
    qualifier: str = "exact"
    who: str | None = None
    revision: bool = False
    definite: bool = False


@dataclass(frozen=True)
class TypeCue(Mention):
    """Words that say what kind of attack it was (GTD + ACLED labels)."""

    attack_type: str | None = None
    weapon_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    suicide: bool = False


@dataclass(frozen=True)
class ActorMention(Mention):
    """An armed group, state force or victim group, under its neutral name."""

    name: str | None = None
    role: ActorRole = "unknown"
    actor_kind: Literal["group", "state", "civilian", "other"] = "other"
    target_type: str | None = None


@dataclass(frozen=True)
class ClaimMention(Mention):
    """A report that a group claimed (or did not claim) responsibility."""

    claimed: bool = True
    group: str | None = None
    source: Literal["perpetrator", "third_party"] = "third_party"


@dataclass
class Mentions:
    """Everything the stages found in one piece of text, in document offsets."""

    dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    counts: list[CountMention] = field(default_factory=list)
    types: list[TypeCue] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)
