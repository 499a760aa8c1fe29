"""Assemble mentions into events: one per distinct incident (conventions.md §1).

The walk follows the document: headings set the place and date for the lines under them, a
paragraph's earlier sentence sets the place for the next, a date stays in force until another
replaces it. A sentence that reports an attack or casualties either opens a new event (new
place, new date, a new list item, "in a separate attack") or adds to the one being told (a
revised toll, the weapon, the claim). Every field keeps the words it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter

from incidex.lang import load_words
from incidex.pipeline import counting
from incidex.pipeline.actors import decide_perpetrator, decide_target, national_name
from incidex.pipeline.mentions import (
    ActorMention,
    ClaimMention,
    CountMention,
    DateMention,
    Mentions,
    PlaceMention,
    TypeCue,
)
from incidex.pipeline.prefilter import Gated, gated
from incidex.pipeline.segment import Piece
from incidex.pipeline.types import decide_type
from incidex.schema import COUNT_FIELDS, Count, Event, Evidence

VICTIM_ROLES = frozenset({"killed", "wounded", "casualties", "abducted"})


@lru_cache(maxsize=1)
def cues() -> dict[str, Gated | re.Pattern[str]]:
    """The event-unit cue phrases of ``lang/en/assembly.yaml``, one compiled pattern per kind.

    Each is searched in every sentence that reports something and matches almost none of them;
    behind its needle gate (:mod:`incidex.pipeline.prefilter`) the miss costs a few substring
    tests instead of a case-insensitive scan."""
    data = load_words("assembly.yaml")
    return {kind: gated(re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))
            for kind, patterns in data.items()}


@dataclass
class Draft:
    """An event being built: the sentences it came from and what they said."""

    block_id: int
    group: str | None = None  # the claiming group's branch under the heading in force
    sentences: list[Piece] = field(default_factory=list)
    date: DateMention | None = None
    date_inherited: bool = False
    place: PlaceMention | None = None
    place_inherited: bool = False
    sublocations: list[PlaceMention] = field(default_factory=list)
    count_log: list[tuple[CountMention, bool]] = field(default_factory=list)  # (mention, claimed by the group)
    types: list[TypeCue] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    claims: list[ClaimMention] = field(default_factory=list)

    def add_counts(self, counts: list[CountMention]) -> None:
        self.count_log.extend((m, False) for m in counts)

    def add_claimed_counts(self, counts: list[CountMention]) -> None:
        """A figure reported as the group's claim: evidence, and the top of the range, never ``best``
        when an independent figure exists (conventions.md §3)."""
        self.count_log.extend((m, True) for m in counts)

    @property
    def victim_nouns(self) -> list[CountMention]:
        return [m for m, _ in self.count_log if m.who]


@dataclass
class Context:
    """What is in force while walking the document."""

    date: DateMention | None = None
    place: PlaceMention | None = None
    heading_place: PlaceMention | None = None
    group: str | None = None
    fallback_country: PlaceMention | None = None


#: A figure this large told in the perfect tense ("has killed more than 600 party leaders",
#: "70,000 people have died"; ``perfect_tense`` in assembly.yaml) is the tally of a war or a
#: campaign: a single attack that kills hundreds is told in the past tense ("the bombing killed
#: 300"). A vague figure of thousands ("thousands of murders", low bound 2,000 in counts.yaml) is
#: one whatever its tense.
CUMULATIVE_FIGURE = 500
VAGUE_CUMULATIVE_LOW = 1000
#: How far a period cue reaches from the figure it dates ("so far this year, 12 members of the UP ...").
CUMULATIVE_REACH = 80


def cumulative_counts(counts: list[CountMention], sentence: Piece) -> list[CountMention]:
    """The figures of ``sentence`` that tally a period, a war or a campaign, not an incident
    (``cumulative`` in ``lang/en/assembly.yaml``): a period cue in the same clause, "thousands
    of murders", or a figure of hundreds told in the perfect tense."""
    if not counts:
        return []
    text, off = sentence.text, sentence.start
    cue = cues()
    cues_here = [(mt.start() + off, mt.end() + off) for mt in cue["cumulative"].finditer(text)]
    out = []
    for c in counts:
        if c.role not in VICTIM_ROLES or c.qualifier == "none_reported":
            continue
        if c.qualifier == "vague" and (c.low or 0) >= VAGUE_CUMULATIVE_LOW:
            out.append(c)
            continue
        if c.best is not None and c.best >= CUMULATIVE_FIGURE:
            window = text[max(0, c.start - off - 40): c.end - off + 20]
            if cue["perfect_tense"].search(window):
                out.append(c)
                continue
        for s, e in cues_here:
            a, b = (e, c.start) if e <= c.start else (c.end, s)
            if b - a <= CUMULATIVE_REACH and ";" not in text[max(0, a - off): max(0, b - off)]:
                out.append(c)
                break
    return out


def is_trigger(m: Mentions) -> bool:
    """Does this piece report an attack or its victims (not only a date or a place)?"""
    if m.types:
        return True
    return any(c.qualifier != "none_reported" for c in m.counts)


def place_key(p: PlaceMention | None) -> tuple:
    if p is None:
        return ()
    if p.geonames_id is not None:
        return ("id", p.geonames_id)
    return ("name", (p.location or p.admin1 or p.sublocation or p.text).lower(), p.country)


def split_incidents(m: Mentions, sentence: Piece | None = None) -> list[Mentions]:
    """A sentence that tells two incidents in two places, each with its own outcome, becomes two.

    Each count, date and type cue goes to the nearest place; a place that gets no outcome of its
    own is a neighbourhood of one incident, not an incident (conventions.md §1)."""
    anchors: list[PlaceMention] = []
    for p in m.places:
        if p.kind in ("dateline", "sublocation"):
            continue
        if all(place_key(p) != place_key(a) for a in anchors):
            anchors.append(p)
    if len(anchors) < 2:
        return [m]
    towns = _listed_towns(m, anchors, sentence) if sentence is not None else []
    if towns:
        return [Mentions(dates=list(m.dates), places=[t], counts=[c for c in m.counts if c.qualifier == "none_reported"],
                         types=list(m.types), actors=list(m.actors), claims=list(m.claims)) for t in towns]
    if len(m.counts) < 2 and len(m.dates) < 2:
        return [m]
    parts = [Mentions(places=[a]) for a in anchors]

    def nearest(pos: int) -> int:
        return min(range(len(anchors)), key=lambda i: (abs(anchors[i].start - pos), anchors[i].start > pos))

    for c in m.counts:
        parts[nearest(c.start)].counts.append(c)
    for d in m.dates:
        parts[nearest(d.start)].dates.append(d)
    # An outcome of its own is a victim count; the attackers' own dead ("two suicide bombers blew
    # themselves up") describe the same attack wherever they sit in the sentence.
    own = [i for i, part in enumerate(parts) if any(c.role in VICTIM_ROLES for c in part.counts)]
    roles = [{c.role for c in parts[i].counts if c.role in VICTIM_ROLES} for i in own]
    dated = [i for i, part in enumerate(parts) if any(d.value is not None for d in part.dates)]
    days = {d.value for i in dated for d in parts[i].dates if d.value is not None}
    if len(dated) >= 2 and len(days) >= 2:
        own = sorted(set(own) | set(dated))  # two places, each on its own day: two incidents
    elif len(own) < 2 or not set.intersection(*roles):
        return [m]
    for t in m.types:
        parts[nearest(t.start)].types.append(t)
    kept = [parts[i] for i in own]
    for i, part in enumerate(parts):
        if i not in own:  # a place without its own outcome joins the nearest incident
            kept[min(range(len(kept)), key=lambda k: abs(kept[k].places[0].start - part.places[0].start))].places.extend(part.places)
    for part in kept:
        part.actors = list(m.actors)
        part.claims = list(m.claims)
        if not part.types:
            part.types = list(m.types)
        part.places.extend(p for p in m.places if p.kind == "sublocation" and p not in part.places)
    return kept


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.IGNORECASE)


def _listed_towns(m: Mentions, anchors: list[PlaceMention], sentence: Piece) -> list[PlaceMention]:
    """"The institutes in Vina del Mar, Talca and Temuco were the targets of bomb attacks": towns
    listed together with plural attack nouns and no victim figure are one incident each
    (conventions.md §1: another town is another incident). One figure for them all keeps them
    one event, as the figure cannot be split; so do quarters of one town."""
    towns = [a for a in anchors if a.kind == "place" and a.location]
    if len(towns) < 2 or len(towns) != len(anchors) or any(c.qualifier != "none_reported" for c in m.counts):
        return []
    if not m.types or not all(t.text.lower().split()[-1].endswith("s") for t in m.types if t.text.strip()):
        return []
    if len({t.admin2 or t.location for t in towns}) < len(towns):
        return []  # the same town named twice, or quarters of one district
    ordered = sorted(towns, key=lambda t: t.start)
    for a, b in zip(ordered, ordered[1:]):
        if not _LIST_GAP.fullmatch(sentence.text, a.end - sentence.start, b.start - sentence.start):
            return []
    return ordered


def extend_date(first: DateMention, last: DateMention) -> DateMention:
    """A date range from the first day of ``first`` to the last of ``last``, UCDP precision by span."""
    start = first.value
    end = last.value_end or last.value
    days = (end - start).days + 1 if start and end else 1
    precision = 1 if days <= 1 else 2 if days <= 6 else 3 if days <= 13 else 4 if days <= 62 else 5
    return replace(first, value_end=end, precision=max(precision, first.precision or 1), end=max(first.end, first.end))


#: Evidence in text order, fields alphabetical at one offset.
_EVIDENCE_ORDER = attrgetter("start", "field")
_WORD = re.compile(r"[a-z']+")


def best_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The finest resolved place named; ties go to the first named."""
    candidates = [p for p in places if p.kind not in ("dateline", "sublocation") and (p.country or p.location)]
    if not candidates:
        return None
    near = [p for p in candidates if not far_reference(p)]
    if not near:
        # "found murdered 500 km northwest of Bogota": the town is no place within reach of the
        # incident (UCDP where_prec 2 means within about 25 km). Up to REGION_KM away the
        # incident is most likely still in the town's first-level region; beyond, only the
        # country is known. The distance phrase stays as the sublocation.
        p = min(candidates, key=lambda p: (-p.score, p.start))
        sub = _far_sublocation(p)
        if (p.distance_km or 0.0) <= REGION_KM and p.admin1:
            return PlaceMention(p.start, p.end, p.text, country=p.country, admin1=p.admin1, geo_precision=4,
                                kind="region", sublocation=sub, score=p.score)
        return PlaceMention(p.start, p.end, p.text, country=p.country, geo_precision=6, kind="country",
                            sublocation=sub, score=p.score)
    return min(near, key=lambda p: (p.geo_precision or 9, -p.score, p.start))


def _far_sublocation(p: PlaceMention) -> str:
    """The distance phrase, after the name of the village it locates when the words give one
    ("the township of Campina, 60 km south of Ayacucho": "CAMPINA; 60 KM SOUTH OF AYACUCHO",
    "GUANCORITA CANTON; SOME 80 KM NORTH OF SAN SALVADOR")."""
    sub = p.sublocation
    comma = p.text.find(",", len(sub or ""))
    if sub and p.text.startswith(sub) and comma > 0:
        return f"{p.text[:comma]}; {p.text[comma + 1:].lstrip()}"
    return p.text


#: Beyond this many kilometres "X km from Y" says the incident was not at Y (GED's where_prec 2 is
#: "within about 25 km"; 50 leaves room for "some 40 km from the capital").
FAR_KM = 50
#: ... and up to this many kilometres its first-level region still stands (precision 4).
REGION_KM = 100


def far_reference(p: PlaceMention) -> bool:
    """A town named only as the point a distance is measured from, too far to be the place
    (the place stage reads the distance: ``PlaceMention.distance_km``). A town with a distance in
    apposition ("a village near Huancayo, 415 km south of Lima") is the town named: no distance."""
    return p.distance_km is not None and p.distance_km > FAR_KM


def finish(draft: Draft, doc_id: str, n: int, version: str, text: str, voice_group: str | None,
           voice_span: tuple[int, int, str] | None) -> Event:
    """Decide every field of a drafted event and keep the words behind each."""

    ev = Event(event_id=f"{doc_id}:{n}", doc_id=doc_id, extractor_version=version)
    evidence: list[Evidence] = []
    add = evidence.append

    def cite(fld: str, start: int, end: int) -> None:
        add(Evidence(fld, start, end, text[start:end]))  # positional: called ~8 times an event

    if draft.date is not None and draft.date.value is not None:
        d = draft.date
        ev.date = d.value.isoformat()
        ev.date_end = d.value_end.isoformat() if d.value_end else None
        ev.date_precision = d.precision
        ev.date_calendar = d.calendar
        ev.date_text = d.text
        cite("date", d.start, d.end)
    elif draft.date is not None:
        ev.date_text = draft.date.text
        cite("date_text", draft.date.start, draft.date.end)

    p = draft.place
    if p is not None:
        ev.country, ev.admin1, ev.admin2, ev.location = p.country, p.admin1, p.admin2, p.location
        ev.latitude, ev.longitude, ev.geonames_id, ev.geo_precision = p.latitude, p.longitude, p.geonames_id, p.geo_precision
        fld = "location" if p.location else ("admin2" if p.admin2 else ("admin1" if p.admin1 else "country"))
        cite(fld, p.start, p.end)
        for extra in ("country", "admin1", "admin2"):
            if extra != fld and getattr(ev, extra) is not None:
                cite(extra, p.start, p.end)
    subs = [s for s in draft.sublocations if s.sublocation]
    if p is not None and p.sublocation:
        subs.insert(0, p)
    if subs:
        seen: list[str] = []
        for s in subs:
            if s.sublocation and s.sublocation not in seen:
                seen.append(s.sublocation)
                cite("sublocation", s.start, s.end)
        ev.sublocation = "; ".join(seen)

    perp = decide_perpetrator(draft.actors)
    if voice_group:
        ev.perpetrator = voice_group
        ev.claimed, ev.claim_source = True, "perpetrator"
        if voice_span:
            cite("perpetrator", voice_span[0], voice_span[1])
            cite("claimed", voice_span[0], voice_span[1])
    else:
        positive = [c for c in draft.claims if c.claimed]
        if positive:
            c = positive[0]
            ev.claimed, ev.claim_source = True, c.source
            cite("claimed", c.start, c.end)
            if c.group:
                ev.perpetrator = c.group
                cite("perpetrator", c.start, c.end)
        if ev.perpetrator is None and perp is not None and perp.name:
            ev.perpetrator = perp.name
            cite("perpetrator", perp.start, perp.end)
    counts, spans = side_counts(draft.count_log, perp)
    for role in COUNT_FIELDS:
        if role in counts:
            setattr(ev, role, counts[role])
            for m in spans[role]:
                cite(role, m.start, m.end)
    nouns = [m.who for m in draft.victim_nouns]
    target, target_type, target_mention = decide_target([a for a in draft.actors if a is not perp], nouns)
    # A target named only by the counted victims ("killing five villagers") cites that count.
    victim_counts = [m for m in spans.get("killed", []) + spans.get("wounded", []) + spans.get("abducted", []) if m.who]
    target_span = target_mention or (victim_counts[0] if victim_counts else None)
    if target_span is not None:
        if target and target != ev.perpetrator:
            ev.target = target
            cite("target", target_span.start, target_span.end)
        if target_type:
            ev.target_type = target_type
            cite("target_type", target_span.start, target_span.end)

    state_perp = bool(perp is not None and perp.actor_kind == "state" and ev.perpetrator == perp.name)
    decision = decide_type(draft.types, target_type=ev.target_type, abducted=ev.abducted.is_known and bool(ev.abducted.best),
                           state_perpetrator=state_perp)
    if draft.types or decision.attack_type not in (None, "Unknown"):
        ev.attack_type = decision.attack_type
        ev.weapon_type = decision.weapon_type
        ev.event_type = decision.event_type
        ev.sub_event_type = decision.sub_event_type
        ev.suicide = decision.suicide
        cues = decision.cues or tuple(draft.types[:1])
        for cue in cues:
            cite("attack_type", cue.start, cue.end)
            if ev.weapon_type and cue.weapon_type:
                cite("weapon_type", cue.start, cue.end)
            if cue.suicide:
                cite("suicide", cue.start, cue.end)
        if ev.weapon_type and not any(e.field == "weapon_type" for e in evidence):
            ev.weapon_type = None
        if ev.suicide and not any(e.field == "suicide" for e in evidence):
            ev.suicide = False
        if not cues:
            ev.attack_type = ev.weapon_type = ev.event_type = ev.sub_event_type = None
            ev.suicide = False

    # "Military" alone is any country's army: name it by the event's country (conventions.md §2).
    if ev.perpetrator:
        ev.perpetrator = national_name(ev.perpetrator, ev.country)
    if ev.target:
        ev.target = national_name(ev.target, ev.country)
    ev.evidence = sorted(evidence, key=_EVIDENCE_ORDER)
    ev.context = " ".join(s.text for s in draft.sentences)
    ev.confidence = confidence(draft, ev)
    return ev


@lru_cache(maxsize=4096)
def side_of(who: str | None) -> str | None:
    """Which side a counted noun is on: ``armed`` (the group's fighters), ``state`` or None.

    Cached: every count of every event asks, and the same few nouns ("soldiers", "militants")
    come back document after document."""
    if not who:
        return None
    words = set(_WORD.findall(who.lower()))
    sides = cues_sides()
    # A named force outranks the generic noun with it: "SDF fighters" are the SDF's.
    if words & sides["state"]:
        return "state"
    if words & sides["armed"]:
        return "armed"
    return None


@lru_cache(maxsize=1)
def cues_sides() -> dict[str, frozenset[str]]:
    data = load_words("sides.yaml")
    return {side: frozenset(w.lower() for w in words) for side, words in data.items()}


def side_counts(log: list[tuple[CountMention, bool]], perp: ActorMention | None) -> tuple[dict[str, Count], dict[str, list[CountMention]]]:
    """Merge the mentions of each role in document order, after putting each on its side.

    The dead of the perpetrator's own side are ``perpetrators_killed`` (conventions.md §2): the
    militants in an attack by militants, the soldiers in a state operation. Their wounded have no
    field and are left out. A figure the group claims only widens the range."""
    perp_side = "state" if perp is not None and perp.actor_kind == "state" else "armed"
    counts: dict[str, Count] = {}
    who: dict[str, str | None] = {}
    spans: dict[str, list[CountMention]] = {}
    revised: set[str] = set()
    for m, claimed in log:
        role = m.role
        if role in ("killed", "wounded") and side_of(f"{m.who or ''} {m.text}") == perp_side:
            if role == "wounded":
                continue
            role = "perpetrators_killed"
        current = counts.get(role, Count())
        # A revised toll is the latest figure by definition: a figure told after it without
        # revision words ("had initially reported 19") is an earlier one, so it only widens the range.
        earlier = role in revised and not m.revision
        if m.revision:
            revised.add(role)
        if counting.names_again(m, spans.get(role, [])) and current.is_known:
            pass  # the same person named again: the figure stands, the words are cited
        elif (claimed or earlier) and current.is_known:
            figures = [v for v in (current.high, current.best, m.best, m.high) if v is not None]
            high = max(figures) if figures else current.high
            low = min(v for v in (current.low, m.low, m.best) if v is not None) if earlier and m.best is not None else current.low
            counts[role] = Count(low, current.best, high, current.qualifier)
        else:
            counts[role] = counting.merge(current, who.get(role), m)
        if m.who:  # every victim noun counted for the role so far ("jesuits", "priests and women")
            who[role] = f"{who[role]} and {m.who}" if who.get(role) else m.who
        spans.setdefault(role, []).append(m)
    return counts, spans


#: (slope, intercept): a least-squares line through MUC-4 dev's in-scope events, raw score
#: against matching a key template (raw 0.35/0.50/0.64/0.78/0.92 matched 0.08/0.25/0.43/0.62/0.86
#: of the time); dev only, never test. Refit whenever the assembler changes what it finds.
CALIBRATION = (1.35, -0.42)


def confidence(draft: Draft, ev: Event) -> float:
    """How the fields were found: explicit words score more than inherited context."""
    score = 0.15
    if ev.date:
        score += 0.1 if draft.date_inherited else 0.2
    if ev.location or ev.admin1:
        score += 0.1 if draft.place_inherited else 0.2
    elif ev.country:
        score += 0.05
    if draft.types:
        score += 0.15
    if any(c.is_known for c in (ev.killed, ev.wounded, ev.casualties, ev.abducted)):
        score += 0.15
    if ev.perpetrator or ev.target:
        score += 0.1
    # The raw score ranks events well but overstated how often they match a human-coded event;
    # this line maps it onto the match rate measured on MUC-4 dev (BENCHMARKS.md, calibration).
    slope, intercept = CALIBRATION
    return round(min(max(slope * score + intercept, 0.05), 0.95), 2)
