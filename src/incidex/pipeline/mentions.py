"""What the extract stages find, before assembly turns it into events.

Each stage (dates, places, counts, types, actors) reads one piece of text and returns
mentions with character offsets *relative to the string it was given*; the assembler adds
the piece's offset in the document. Keeping offsets relative lets every stage be tested on a
bare phrase, one row per phrase, and keeps stages ignorant of segmentation.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from typing import Any, Literal, TypeVar

CountRole = Literal["killed", "wounded", "casualties", "perpetrators_killed", "abducted"]
ActorRole = Literal["perpetrator", "target", "unknown"]

C = TypeVar("C", bound=type)


def direct_init(cls: C) -> C:
    """Give a frozen dataclass a constructor that fills the instance dict directly.

    The ``__init__`` a frozen dataclass generates sets each field through ``object.__setattr__``
    (to get round its own ``__setattr__`` guard): building a 14-field place mention cost 5 us,
    more than the rule that found it, and every stage builds several small frozen objects per
    sentence. This one has the same parameters and defaults and stores the same values, so the
    instances are the same (equality, hashing, repr, ``dataclasses.replace``, pickling untouched).
    Apply it above ``@dataclass(frozen=True)`` on a class without ``__post_init__``,
    ``default_factory`` or ``init=False`` fields; anything else is refused at import."""
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"direct_init: {cls.__name__} has __post_init__")
    params: list[str] = []
    body: list[str] = []
    defaults: dict[str, Any] = {}
    for f in fields(cls):
        if not f.init or f.default_factory is not MISSING or f.kw_only is True:
            raise TypeError(f"direct_init: {cls.__name__}.{f.name} is not a plain positional field")
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        body.append(f"    d[{f.name!r}] = {f.name}\n")
    source = f"def __init__(self, {', '.join(params)}):\n    d = self.__dict__\n{''.join(body)}"
    namespace = dict(defaults)
    exec(source, namespace)  # as dataclasses itself builds __init__: a signature with defaults
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    cls.__init__ = init  # type: ignore[misc]
    return cls


@direct_init
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


T = TypeVar("T")


def replaced(obj: T, **changes: object) -> T:
    """``dataclasses.replace`` for the pipeline's frozen dataclasses (no ``__post_init__``, every
    field set by ``__init__``), without re-running the constructor: a frozen constructor sets
    each field through ``object.__setattr__``, and replace also rebuilds its keyword arguments,
    which made it cost more than the rest of some per-sentence rules. Changes must name fields."""
    copy = object.__new__(type(obj))
    attrs = copy.__dict__
    attrs.update(obj.__dict__)
    attrs.update(changes)
    return copy


@direct_init
@dataclass(frozen=True)
class DateMention(Mention):
    """A resolved date (or range). ``value`` is None when the words are a date but no
    reference date lets us place it (year-less Hijri date and no ``published``)."""

    value: date | None
    value_end: date | None = None
    precision: int | None = 1  # UCDP date_prec: 1 day, 2 two-to-six days, 3 week, 4 month, 5 year
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    kind: Literal["absolute", "relative", "dateline", "anaphoric"] = "absolute"


@direct_init
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
    #: how far from the place the words put the incident ("500 km northwest of Bogota"), if they say
    distance_km: float | None = None


@direct_init
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


@direct_init
@dataclass(frozen=True)
class TypeCue(Mention):
    """Words that say what kind of attack it was (GTD + ACLED labels)."""

    attack_type: str | None = None
    weapon_type: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    suicide: bool = False


@direct_init
@dataclass(frozen=True)
class ActorMention(Mention):
    """An armed group, state force or victim group, under its neutral name."""

    name: str | None = None
    role: ActorRole = "unknown"
    actor_kind: Literal["group", "state", "civilian", "other"] = "other"
    target_type: str | None = None


@direct_init
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
