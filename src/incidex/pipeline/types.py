"""TYPES stage: what kind of attack it was, as GTD attack/weapon types and ACLED event types.

``find_type_cues`` finds the attack words of a piece of text (each a ``TypeCue`` with the labels
that word implies); ``decide_type`` turns the cues of one event into one decision, applying GTD's
attack-type precedence and ACLED's split between battles, remote violence and violence against
civilians (which needs the target type). The vocabulary is data: ``data/attack_types.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from incidex.errors import DataError
from incidex.pipeline.mentions import TypeCue, direct_init, replaced
from incidex.pipeline.tokens import expand_leading, is_all_caps, load_data, lowered, ordered_alternation, split_alternatives
from incidex.schema import ACLED_EVENT_TYPES, ATTACK_TYPES, TARGET_TYPES, WEAPON_TYPES

__all__ = ["TypeDecision", "find_type_cues", "decide_type"]

#: Target types that are armed actors: an armed assault on them is an ACLED battle.
ARMED_TARGETS = frozenset({"Military", "Police", "Terrorists/Non-State Militias"})
#: When cues name several weapons and none decided the attack type, the first here wins.
_WEAPON_ORDER = ("Explosives", "Firearms", "Incendiary", "Melee", "Chemical", "Vehicle", "Sabotage Equipment")
#: ACLED remote-violence sub-types, most specific first.
_EXPLOSION_ORDER = (
    "Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack", "Grenade", "Remote explosive/landmine/IED",
)
_LABELS = ("attack_type", "weapon_type", "event_type", "sub_event_type", "suicide")
#: attack types whose weapon, when no word names one, is coded Firearms (as GTD mostly does)
_FIREARMS_BY_DEFAULT = frozenset({"Armed Assault", "Assassination"})


@direct_init
@dataclass(frozen=True)
class TypeDecision:
    """The type of one event; ``cues`` are the cues that decided it (evidence for the fields).

    When the weapon is a default (no word names one), the attack cue comes back carrying it.
    """

    attack_type: str
    weapon_type: str | None
    event_type: str | None
    sub_event_type: str | None
    suicide: bool
    cues: tuple[TypeCue, ...]


@dataclass(frozen=True)
class _CueSpec:
    id: str
    attack_type: str | None
    weapon_type: str | None
    event_type: str | None
    sub_event_type: str | None
    suicide: bool
    ignore: bool
    lower: re.Pattern[str] | None  # this cue alone, to tell which cue the combined regex matched
    cased: re.Pattern[str] | None


@dataclass(frozen=True)
class _CueTable:
    lower: re.Pattern[str]
    cased: re.Pattern[str] | None
    by_letter: dict[str, tuple[_CueSpec, ...]]  # first letter -> cues that can start with it, in order
    cased_specs: tuple[_CueSpec, ...]
    first_at: dict[str, re.Pattern[str]]  # first letter -> its cues as one pattern, a named group each


def _first_cue_regex(specs: tuple[_CueSpec, ...], bodies: dict[str, str]) -> re.Pattern[str]:
    """The cues of one first letter as one pattern, one group per cue in data order: the regex
    engine tries alternatives in order, so the group that matches at a position is the first cue
    whose own pattern matches there (one match instead of one per cue)."""
    groups = "|".join(f"(?P<c{k}>{bodies[spec.id]})" for k, spec in enumerate(specs))
    return _word_regex("(?:" + groups + ")")


def _first_cue(table: _CueTable, low: str, start: int) -> _CueSpec | None:
    """The first cue (in data order) whose pattern matches ``low`` at ``start``."""
    m = table.first_at[low[start]].match(low, start)
    return table.by_letter[low[start]][int(m.lastgroup[1:])] if m is not None and m.lastgroup else None


def _word_regex(body: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + body + r"(?![\w])")


@lru_cache(maxsize=1)
def _table() -> _CueTable:
    """Compile data/attack_types.yaml into one regex grouped by first letter (see tokens.py)."""
    data = load_data("attack_types.yaml")
    specs: list[_CueSpec] = []
    lower_alts: list[str] = []
    cased_alts: list[str] = []
    by_letter: dict[str, list[_CueSpec]] = {}
    bodies: dict[str, str] = {}
    for cue in data["cues"]:
        lower_re = cue.get("re") or []
        cased_re = cue.get("cased") or []
        spec = _CueSpec(
            id=cue["id"],
            attack_type=cue.get("attack_type"),
            weapon_type=cue.get("weapon_type"),
            event_type=cue.get("event_type"),
            sub_event_type=cue.get("sub_event_type"),
            suicide=bool(cue.get("suicide", False)),
            ignore=bool(cue.get("ignore", False)),
            lower=_word_regex("(?:" + "|".join(lower_re) + ")") if lower_re else None,
            cased=_word_regex("(?:" + "|".join(cased_re) + ")") if cased_re else None,
        )
        _check(spec)
        specs.append(spec)
        bodies[spec.id] = "|".join(lower_re)
        lower_alts.extend(lower_re)
        cased_alts.extend(cased_re)
        for alt in lower_re:
            for part in (p for whole in split_alternatives(alt) for p in expand_leading(whole)):
                letters = by_letter.setdefault(part[:1], [])
                if spec not in letters:
                    letters.append(spec)
    body, bad = ordered_alternation(lower_alts)
    if bad:
        raise DataError(f"attack_types.yaml: alternatives must begin with a letter: {bad[:3]}")
    cased = _word_regex("(?:" + "|".join(cased_alts) + ")") if cased_alts else None
    letters = {k: tuple(v) for k, v in by_letter.items()}
    return _CueTable(
        _word_regex(body), cased, letters, tuple(s for s in specs if s.cased is not None),
        {k: _first_cue_regex(v, bodies) for k, v in letters.items()},
    )


def _check(spec: _CueSpec) -> None:
    """Labels in the data must be the schema's labels: a typo would silently leak into exports."""
    for value, allowed in (
        (spec.attack_type, ATTACK_TYPES), (spec.weapon_type, WEAPON_TYPES), (spec.event_type, ACLED_EVENT_TYPES),
    ):
        if value is not None and value not in allowed:
            raise DataError(f"attack_types.yaml: cue {spec.id}: unknown label {value!r}")


def find_type_cues(text: str) -> list[TypeCue]:
    """Every attack word in ``text`` with the labels it implies, in text order."""
    table = _table()
    low = lowered(text)
    cues: list[TypeCue] = []
    for m in table.lower.finditer(low):
        start = m.start()
        spec = _first_cue(table, low, start)
        if spec is not None and not spec.ignore:
            cues.append(_cue(spec, start, m.end(), text))
    if table.cased is not None and not is_all_caps(text):
        extra = []
        for m in table.cased.finditer(text):
            spec = next(s for s in table.cased_specs if s.cased and s.cased.match(text, m.start()))
            extra.append(_cue(spec, m.start(), m.end(), text))
        if extra:
            cues = sorted(cues + extra, key=lambda c: c.start)
    return cues


def _cue(spec: _CueSpec, start: int, end: int, text: str) -> TypeCue:
    return TypeCue(
        start=start, end=end, text=text[start:end],
        attack_type=spec.attack_type, weapon_type=spec.weapon_type, event_type=spec.event_type,
        sub_event_type=spec.sub_event_type, suicide=spec.suicide,
    )


def decide_type(
    cues: Sequence[TypeCue],
    target_type: str | None = None,
    abducted: bool = False,
    state_perpetrator: bool = False,
) -> TypeDecision:
    """One event's types from its cues (GTD precedence; ACLED split by target and perpetrator).

    ``target_type`` (GTD) decides between ACLED "Battles" (armed targets, or a state perpetrator)
    and "Violence against civilians" for assaults; ``abducted`` (people were taken) adds a
    kidnapping; ``state_perpetrator`` turns "overtakes territory" into "Government regains
    territory". A cue without labels ("attacked") yields Armed Assault when nothing says more.
    Weapon: the deciding cue's, else the most telling one named; with none named, Firearms for
    an armed assault or assassination, "Unknown" for other known attack types, None when the
    attack type itself is Unknown.
    """
    if target_type is not None and target_type not in TARGET_TYPES:
        raise ValueError(f"unknown target_type {target_type!r}")
    deciding: list[TypeCue] = []
    suicide_cues = [c for c in cues if c.suicide]

    # attack type: GTD precedence, first cue in text order among equals
    typed = [c for c in cues if c.attack_type]
    attack_type = "Unknown"
    if typed:
        best = min(typed, key=lambda c: ATTACK_TYPES.index(c.attack_type or "Unknown"))
        attack_type = best.attack_type or "Unknown"
        deciding.append(best)
    if abducted and ATTACK_TYPES.index("Hostage Taking (Kidnapping)") < ATTACK_TYPES.index(attack_type):
        attack_type = "Hostage Taking (Kidnapping)"
        deciding = []
    if attack_type == "Unknown":
        bare = [c for c in cues if not _has_label(c)]
        if bare:
            attack_type = "Armed Assault"
            deciding.append(bare[0])

    weapon_type = _weapon(cues, deciding)
    if weapon_type is not None:
        deciding.extend(c for c in cues if c.weapon_type == weapon_type and c not in deciding)
    elif attack_type != "Unknown":
        # GTD: an armed assault with no weapon named is a firearm attack; for other known kinds
        # the weapon is "Unknown". The attack cue is the evidence the default rests on, so it is
        # handed back carrying that weapon.
        weapon_type = "Firearms" if attack_type in _FIREARMS_BY_DEFAULT else "Unknown"
        if deciding:
            deciding[0] = replaced(deciding[0], weapon_type=weapon_type)

    event_type, sub_event_type, event_cue = _acled(cues, attack_type, target_type, bool(suicide_cues), state_perpetrator)
    if event_cue is not None and event_cue not in deciding:
        deciding.append(event_cue)
    if suicide_cues and suicide_cues[0] not in deciding:
        deciding.append(suicide_cues[0])
    deciding.sort(key=lambda c: (c.start, c.end))
    return TypeDecision(attack_type, weapon_type, event_type, sub_event_type, bool(suicide_cues), tuple(deciding))


def _has_label(cue: TypeCue) -> bool:
    return any(getattr(cue, name) for name in _LABELS)


def _weapon(cues: Sequence[TypeCue], deciding: list[TypeCue]) -> str | None:
    """The deciding cue's weapon, else the most telling weapon any cue names, else None."""
    for cue in deciding:
        if cue.weapon_type:
            return cue.weapon_type
    named = {c.weapon_type for c in cues if c.weapon_type}
    for weapon in _WEAPON_ORDER:
        if weapon in named:
            return weapon
    return next((c.weapon_type for c in cues if c.weapon_type), None)


def _acled(
    cues: Sequence[TypeCue], attack_type: str, target_type: str | None, suicide: bool, state_perpetrator: bool,
) -> tuple[str | None, str | None, TypeCue | None]:
    """ACLED event_type/sub_event_type and the cue that says so."""
    if attack_type == "Bombing/Explosion":
        remote = [c for c in cues if c.event_type == "Explosions/Remote violence"]
        if suicide and remote:
            return "Explosions/Remote violence", "Suicide bomb", remote[0]
        for sub in _EXPLOSION_ORDER:
            for cue in remote:
                if cue.sub_event_type == sub:
                    return "Explosions/Remote violence", sub, cue
        return "Explosions/Remote violence", "Remote explosive/landmine/IED", remote[0] if remote else None
    if attack_type in ("Hijacking", "Hostage Taking (Kidnapping)", "Hostage Taking (Barricade Incident)"):
        taken = next((c for c in cues if c.sub_event_type == "Abduction/forced disappearance"), None)
        return "Violence against civilians", "Abduction/forced disappearance", taken
    if attack_type in ("Armed Assault", "Assassination", "Unarmed Assault"):
        territory = next((c for c in cues if c.sub_event_type == "Non-state actor overtakes territory"), None)
        if territory is not None:
            sub = "Government regains territory" if state_perpetrator else "Non-state actor overtakes territory"
            return "Battles", sub, territory
        first = next((c for c in cues if c.event_type in ("Battles", "Violence against civilians")), None)
        if target_type in ARMED_TARGETS:
            return "Battles", "Armed clash", first
        if target_type is not None and target_type != "Unknown":
            return "Violence against civilians", "Attack", first
        if state_perpetrator:
            return "Battles", "Armed clash", first
        if first is not None:
            return first.event_type, first.sub_event_type, first
        return None, None, None
    if attack_type == "Facility/Infrastructure Attack":
        cue = next((c for c in cues if c.event_type == "Strategic developments"), None)
        return "Strategic developments", "Looting/property destruction", cue
    looting = next((c for c in cues if c.event_type), None)
    if looting is not None:
        return looting.event_type, looting.sub_event_type, looting
    return None, None, None
