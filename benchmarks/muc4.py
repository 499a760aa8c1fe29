"""MUC-4: incidex's events against the 25-slot answer keys, and the classic role-filler task.

Two measures, defined in docs/metric.md:

* **Events** (:func:`score_events`): incidex's in-scope events matched one to one with the key
  templates of the same document, then field accuracy (country, date, finest place, incident
  type, killed, wounded) on the matched pairs and over all key templates.
* **Role fillers** (:func:`score_roles`): PerpInd, PerpOrg, Target, Victim, Weapon entities per
  document on ``processed/{split}.json`` with the GRIT scorer's rules (exact string match after
  normalisation, one-to-one), and with head-noun match.

Tune on ``dev`` (TST1+TST2) only. Every run on ``test`` (TST3+TST4) is appended to the test log
in BENCHMARKS.md (:mod:`benchmarks.report`), so nobody tunes on it unseen.
"""

from __future__ import annotations

import re
import string
import sys
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Iterable

from benchmarks import machine, words
from benchmarks import muc4_keys as keys
from incidex.evaluate import normalise_name

# -- scope ----------------------------------------------------------------------------------------

#: Targets that make an incident a purely military one for MUC-4 (template-doc-part1 §1.0 rule 1:
#: attacks on a military/police force or installation, or on another armed group, are excluded).
OUT_OF_SCOPE_TARGETS = frozenset({"Military", "Police", "Terrorists/Non-State Militias"})
#: MUC-4 rule 6: an incident is recorded only if "recent", within two months of the article.
RECENT_DAYS = 62


def scope_reason(ev: dict[str, Any], reference: date | None) -> str | None:
    """Why an incidex event falls outside MUC-4's scope, or None when it is in scope."""
    if ev.get("target_type") in OUT_OF_SCOPE_TARGETS:
        return "military, police or armed-group target"
    if ev.get("event_type") == "Battles" and ev.get("target_type") in (None, "Unknown"):
        return "clash without a civilian target"
    day = _day(ev.get("date"))
    if day is not None and reference is not None and day < reference - timedelta(days=RECENT_DAYS):
        return "not recent (> 2 months before the dateline)"
    return None


# -- GTD -> MUC-4 incident type -----------------------------------------------------------------

def muc_type(ev: dict[str, Any]) -> str | None:
    """incidex's GTD attack type as a MUC-4 INCIDENT: TYPE (docs/metric.md gives the table)."""
    attack, weapon = ev.get("attack_type"), ev.get("weapon_type")
    if attack in (None, "Unknown"):
        return None
    if attack == "Bombing/Explosion":
        # MUC-4's BOMBING is a device set off; shelling and air strikes are ATTACKs (its keys code
        # mortar, rocket and aircraft fire so: 26 of 32 on train+dev)
        if ev.get("sub_event_type") in ("Shelling/artillery/missile attack", "Air/drone strike"):
            return "ATTACK"
        return "BOMBING"
    if attack in ("Armed Assault", "Assassination", "Unarmed Assault"):
        return "ATTACK"
    if attack.startswith("Hostage Taking"):
        return "KIDNAPPING"
    if attack == "Facility/Infrastructure Attack":
        return {"Incendiary": "ARSON", "Explosives": "BOMBING"}.get(weapon or "", "ATTACK")
    if attack == "Hijacking":
        return "HIJACKING"
    return None


# -- extraction -----------------------------------------------------------------------------------

@dataclass
class Extraction:
    """incidex's events for one split, with what it cost."""

    events: dict[str, list[dict[str, Any]]]
    seconds: float
    words: int
    errors: dict[str, str] = field(default_factory=dict)
    version: str = ""


@lru_cache(maxsize=None)
def extract_split(split: str) -> Extraction:
    """Run the extractor over the raw texts of a split (cached: several benchmarks share it).

    A document that makes the extractor raise is recorded with its error (and counts as having
    no events); the first traceback goes to standard error so the failure is seen."""
    from incidex.pipeline.extract import extract_document, extractor_version
    from incidex.schema import Document

    texts = keys.raw_texts(split)
    out: dict[str, list[dict[str, Any]]] = {}
    errors: dict[str, str] = {}
    n_words = 0
    t0 = time.perf_counter()
    for doc_id in keys.split_ids(split):
        text = texts[doc_id]
        n_words += words(text)
        try:
            out[doc_id] = [e.to_dict() for e in extract_document(Document(id=doc_id, text=text))]
        except Exception as exc:  # noqa: BLE001 - a benchmark records the failure and goes on
            if not errors:
                traceback.print_exc(file=sys.stderr)
            errors[doc_id] = f"{type(exc).__name__}: {exc}"
            out[doc_id] = []
    seconds = time.perf_counter() - t0
    if len(errors) * 10 >= max(1, len(out)):
        first = next(iter(errors.items()))
        raise RuntimeError(f"the extractor raised on {len(errors)} of {len(out)} {split} documents "
                           f"(first: {first[0]}: {first[1]}): figures would be meaningless")
    return Extraction(out, seconds, n_words, errors, extractor_version())


# -- event features -------------------------------------------------------------------------------

def _day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def norm_text(s: str) -> str:
    """GRIT's normalisation: lower case, no punctuation, no articles, single spaces."""
    s = s.lower()
    s = "".join(ch for ch in s if ch not in string.punctuation)
    s = re.sub(r"\b(a|an|the)\b", " ", s)
    return " ".join(s.split())


def event_place_names(ev: dict[str, Any]) -> set[str]:
    names = [ev.get("location"), ev.get("admin1"), ev.get("admin2")]
    names += [s for s in (ev.get("sublocation") or "").split(";")]
    return {n for n in (normalise_name(x.strip()) if x else None for x in names) if n}


@dataclass
class KeyView:
    """What the metric reads from one key template."""

    template: keys.Template
    reference: date | None
    dates: list[keys.DateRange]
    countries: set[str]
    settlement_names: set[str]
    finer_names: set[str]
    anchors: set[str]
    types: tuple[str, ...]
    killed: keys.CountRange | None
    wounded: keys.CountRange | None

    @classmethod
    def of(cls, t: keys.Template, reference: date | None) -> "KeyView":
        locs = t.locations
        settle = {normalise_name(p.name) for loc in locs for p in loc.settlement_level()}
        finer = {normalise_name(p.name) for loc in locs for p in loc.finer_places()}
        anchors: set[str] = set()
        for slot in ("PHYS TGT: ID", "HUM TGT: NAME", "HUM TGT: DESCRIPTION", "INCIDENT: INSTRUMENT ID"):
            for alts in t.strings(slot):
                anchors.update(a for a in (norm_text(x) for x in alts) if len(a) >= 4)
        return cls(
            template=t, reference=reference, dates=t.dates(reference), countries=t.countries,
            settlement_names={n for n in settle if n}, finer_names={n for n in finer if n}, anchors=anchors,
            types=t.incident_types, killed=t.count("DEATH"), wounded=t.count("INJURY"),
        )

    @property
    def has_place(self) -> bool:
        return bool(self.settlement_names or self.finer_names)

    def date_ok(self, ev: dict[str, Any]) -> bool:
        day = _day(ev.get("date"))
        return day is not None and any(r.contains(day) for r in self.dates)

    def bounded_date_ok(self, ev: dict[str, Any]) -> bool:
        """A date anchor only counts for a closed range of at most a week ("- 19 JAN 90" is too loose)."""
        day = _day(ev.get("date"))
        return day is not None and any(r.start is not None and (r.end - r.start).days <= 7 and r.contains(day)
                                       for r in self.dates)

    def country_ok(self, ev: dict[str, Any]) -> bool:
        return ev.get("country") in self.countries

    def place_ok(self, ev: dict[str, Any]) -> bool:
        names = event_place_names(ev)
        return bool(names & self.settlement_names) or bool(names & self.finer_names)

    def text_ok(self, ev: dict[str, Any]) -> bool:
        ctx = f" {norm_text(ev.get('context') or '')} "
        return any(f" {a} " in ctx for a in self.anchors)

    def type_ok(self, ev: dict[str, Any]) -> bool:
        return muc_type(ev) in self.types

    def count_ok(self, role: str, ev: dict[str, Any]) -> bool:
        rng = self.killed if role == "killed" else self.wounded
        best = (ev.get(role) or {}).get("best")
        return rng is not None and best is not None and rng.contains(int(best))

    # the two compatibility rules -------------------------------------------------------------
    def anchored(self, ev: dict[str, Any]) -> bool:
        """Same incident by content: a target/victim/instrument string of the key in the event's
        sentences, the same place below the country, or a day inside a closed key range."""
        return self.text_ok(ev) or self.place_ok(ev) or self.bounded_date_ok(ev)

    def strict(self, ev: dict[str, Any]) -> bool:
        """``incidex evaluate``'s rule adapted: date in the key's range (a key without a date takes
        any), same country, finest places equal or one side without a place."""
        if self.dates and not self.date_ok(ev):
            return False
        if not self.country_ok(ev):
            return False
        names = event_place_names(ev)
        return not self.has_place or not names or self.place_ok(ev)

    def agreement(self, ev: dict[str, Any]) -> int:
        return (4 * self.text_ok(ev) + 2 * self.place_ok(ev) + 2 * self.date_ok(ev) + self.country_ok(ev)
                + self.type_ok(ev) + self.count_ok("killed", ev) + self.count_ok("wounded", ev))


def match_doc(kviews: list[KeyView], events: list[dict[str, Any]], rule: str) -> list[tuple[int, int]]:
    """One-to-one pairs (key index, event index): compatible pairs by decreasing agreement, then
    document order, as :func:`incidex.evaluate.evaluate` does."""
    cands = []
    for i, k in enumerate(kviews):
        for j, ev in enumerate(events):
            ok = k.anchored(ev) if rule == "anchored" else k.strict(ev)
            if ok:
                cands.append((-k.agreement(ev), i, j))
    cands.sort()
    used_k: set[int] = set()
    used_e: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i in used_k or j in used_e:
            continue
        used_k.add(i)
        used_e.add(j)
        pairs.append((i, j))
    return pairs


# -- the event metric -----------------------------------------------------------------------------

FIELDS = ("country", "date", "place", "type", "killed", "wounded")
TARGETS = {"country": 0.95, "date": 0.80, "place": 0.75, "killed": 0.75}


@dataclass
class EventScores:
    split: str
    docs: int = 0
    keys_scored: int = 0
    keys_optional_unmatched: int = 0
    keys_threatened: int = 0
    events_all: int = 0
    events_in_scope: int = 0
    out_of_scope: Counter = field(default_factory=Counter)
    matched: dict[str, int] = field(default_factory=lambda: {"anchored": 0, "strict": 0})
    gold: dict[str, int] = field(default_factory=lambda: {"anchored": 0, "strict": 0})
    field_n: Counter = field(default_factory=Counter)          # matched pairs whose key gives the field
    field_ok: Counter = field(default_factory=Counter)
    key_field_n: Counter = field(default_factory=Counter)      # all key templates that give the field
    by_type: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    misses: Counter = field(default_factory=Counter)
    spurious: Counter = field(default_factory=Counter)
    field_errors: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    calibration: list[tuple[float, bool]] = field(default_factory=list)

    def prf(self, rule: str) -> tuple[float, float, float]:
        m, g, p = self.matched[rule], self.gold[rule], self.events_in_scope
        prec = m / p if p else 0.0
        rec = m / g if g else 0.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)

    def accuracy(self, name: str) -> float | None:
        return self.field_ok[name] / self.field_n[name] if self.field_n[name] else None

    def key_accuracy(self, name: str) -> float | None:
        return self.field_ok[name] / self.key_field_n[name] if self.key_field_n[name] else None


def _note(scores: EventScores, category: str, example: str) -> None:
    if len(scores.examples[category]) < 8:
        scores.examples[category].append(example)


def _key_summary(k: KeyView) -> str:
    t = k.template
    return f"{t.doc_id}#{t.number} {'/'.join(k.types)} {' '.join(t.raw.get('INCIDENT: DATE', []))} | {' '.join(t.raw.get('INCIDENT: LOCATION', []))}"


def _event_summary(ev: dict[str, Any]) -> str:
    place = ", ".join(x for x in (ev.get("location"), ev.get("admin1"), ev.get("country")) if x)
    return f"{ev.get('event_id')} {ev.get('attack_type')} {ev.get('date')} | {place} | target_type={ev.get('target_type')}"


def score_events(split: str, events: dict[str, list[dict[str, Any]]] | None = None) -> EventScores:
    """Match incidex's in-scope events to the key templates of every document of ``split``."""
    if events is None:
        events = extract_split(split).events
    return score_documents(split, keys.split_ids(split), keys.raw_texts(split), keys.raw_templates(split), events)


def score_documents(split: str, doc_ids: Iterable[str], texts: dict[str, str],
                    templates: dict[str, tuple[keys.Template, ...]], events: dict[str, list[dict[str, Any]]]) -> EventScores:
    """The event metric over the given documents (texts for the dateline, key templates, events)."""
    s = EventScores(split=split)
    for doc_id in doc_ids:
        s.docs += 1
        reference = keys.dateline_date(texts[doc_id])
        all_events = events.get(doc_id, [])
        s.events_all += len(all_events)
        evs = []
        for ev in all_events:
            why = scope_reason(ev, reference)
            if why:
                s.out_of_scope[why] += 1
            else:
                evs.append(ev)
        s.events_in_scope += len(evs)
        kv_all = [KeyView.of(t, reference) for t in templates.get(doc_id, ()) if t.relevant]
        s.keys_threatened += sum(k.template.threatened_only for k in kv_all)
        kviews = [k for k in kv_all if not k.template.threatened_only]

        for rule in ("strict", "anchored"):
            pairs = match_doc(kviews, evs, rule)
            matched_keys = {i for i, _ in pairs}
            s.matched[rule] += len(pairs)
            # optional templates count only when matched
            s.gold[rule] += sum(1 for i, k in enumerate(kviews) if not k.template.optional or i in matched_keys)
            if rule == "strict":
                continue
            s.keys_scored += sum(1 for i, k in enumerate(kviews) if not k.template.optional or i in matched_keys)
            s.keys_optional_unmatched += sum(1 for i, k in enumerate(kviews) if k.template.optional and i not in matched_keys)
            matched_events = {j: i for i, j in pairs}
            for j, ev in enumerate(evs):
                s.calibration.append((float(ev.get("confidence") or 0.0), j in matched_events))
            _score_fields(s, kviews, evs, pairs)
            _analyse(s, doc_id, kviews, evs, all_events, pairs)
    return s


def _score_fields(s: EventScores, kviews: list[KeyView], evs: list[dict[str, Any]], pairs: list[tuple[int, int]]) -> None:
    by_key = dict(pairs)
    for i, k in enumerate(kviews):
        matched = i in by_key
        if k.template.optional and not matched:
            continue
        gives = {
            "country": bool(k.countries), "date": bool(k.dates), "place": k.has_place, "type": bool(k.types),
            "killed": k.killed is not None, "wounded": k.wounded is not None,
        }
        for name, given in gives.items():
            if given:
                s.key_field_n[name] += 1
        for t in k.types:
            s.by_type[t]["keys"] += 1
            s.by_type[t]["matched"] += matched
        if not matched:
            continue
        ev = evs[by_key[i]]
        checks = {
            "country": k.country_ok(ev), "date": k.date_ok(ev), "place": k.place_ok(ev), "type": k.type_ok(ev),
            "killed": k.count_ok("killed", ev), "wounded": k.count_ok("wounded", ev),
        }
        for name, ok in checks.items():
            if not gives[name]:
                continue
            s.field_n[name] += 1
            s.field_ok[name] += ok
            if not ok:
                cat = _field_error(name, k, ev)
                s.field_errors[name][cat] += 1
                _note(s, f"{name}: {cat}", f"{_key_summary(k)}  <->  {_event_summary(ev)}")
        for t in k.types:
            s.by_type[t]["type_ok"] += checks["type"]


def _field_error(name: str, k: KeyView, ev: dict[str, Any]) -> str:
    if name == "country":
        return "no country" if not ev.get("country") else "other country"
    if name == "date":
        day = _day(ev.get("date"))
        if day is None:
            if k.reference and all(r.start is None and r.end == k.reference for r in k.dates):
                return "no date; the key's is the dateline default (\"- DATELINE\": the text gives none)"
            return "no date"
        ends = [r.end for r in k.dates]
        return "later than the key" if all(day > e for e in ends) else "earlier than the key"
    if name == "place":
        names = event_place_names(ev)
        if not names:
            return "country only" if ev.get("country") else "no place"
        if ev.get("location") is None:
            return "region only (key names a finer place)"
        return "another place"
    if name == "type":
        return f"{muc_type(ev) or 'no type'} for {'/'.join(k.types)}"
    if name in ("killed", "wounded"):
        best = (ev.get(name) or {}).get("best")
        return "unknown" if best is None else "different number"
    return "wrong"


def _same_episode(a: KeyView, b: KeyView) -> bool:
    """Two key templates with the same date fill and the same finest places."""
    return (" ".join(a.template.raw.get("INCIDENT: DATE", [])) == " ".join(b.template.raw.get("INCIDENT: DATE", []))
            and a.settlement_names == b.settlement_names and a.finer_names == b.finer_names)


def _analyse(s: EventScores, doc_id: str, kviews: list[KeyView], evs: list[dict[str, Any]],
             all_events: list[dict[str, Any]], pairs: list[tuple[int, int]]) -> None:
    """Categories of missed key templates and of unmatched incidex events (docs/metric.md)."""
    by_key = dict(pairs)
    used_events = {j for _, j in pairs}
    for i, k in enumerate(kviews):
        if i in by_key or k.template.optional:
            continue
        if not all_events:
            cat = "no incidex event in the document"
        elif not evs:
            cat = "incidex events all out of scope"
        elif any(k.anchored(ev) for j, ev in enumerate(evs) if j in used_events):
            others = [kviews[i2] for i2, j in pairs if k.anchored(evs[j])]
            if any(_same_episode(k, o) for o in others):
                cat = "merged: same date and place as a matched template (MUC-4 splits an episode by type)"
            else:
                cat = "merged: its event was matched to another key template"
        else:
            cat = "no event anchored to it (other date/place/targets)"
        if any(t in ("ROBBERY", "FORCED WORK STOPPAGE") for t in k.types):
            cat += " [ROBBERY/FORCED WORK STOPPAGE]"
        s.misses[cat] += 1
        _note(s, f"miss: {cat}", _key_summary(k))
    for j, ev in enumerate(evs):
        if j in used_events:
            continue
        if ev.get("country") and ev["country"] not in keys.MUC_COUNTRIES and \
                not any(ev["country"] in k.countries for k in kviews):
            cat = "placed outside the nine MUC-4 countries (mostly wrong geocoding)"
        elif not kviews:
            cat = "document has no relevant key template"
        elif any(k.anchored(ev) for k in kviews):
            cat = "split: anchors to a key template already matched"
        else:
            cat = "no key template anchored (another incident, or not an incident)"
        s.spurious[cat] += 1
        _note(s, f"spurious: {cat}", f"{doc_id}: {_event_summary(ev)}")


# -- role fillers (GRIT) --------------------------------------------------------------------------

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
#: Head nouns that make a perpetrator string an individual (PerpInd) rather than an organisation.
_INDIVIDUAL_HEADS = frozenset("""
gunmen gunman guerrillas guerrilla terrorists terrorist men man individuals individual assailants attackers
attacker subversives subversive rebels rebel members member soldiers soldier troops commando commandos hitmen
hitman criminals criminal extremists extremist persons person people youths killers killer kidnappers
kidnapper insurgents insurgent militants militant urban column columns squad squads unit units group groups
uniformed agents agent policemen police army patrol paramilitaries paramilitary murderers suspects suspect
""".split())
#: Head nouns of physical targets (Target); other target strings are people (Victim).
_PHYSICAL_HEADS = frozenset("""
building buildings house houses home homes residence residences office offices headquarters station stations
embassy embassies bank banks vehicle vehicles bus buses car cars truck trucks jeep bridge bridges tower towers
pylon pylons post posts line lines pipeline pipelines plant plants substation substations facilities facility
installation installations store stores shop shops farm farms school schools church churches university
campus hotel hotels restaurant airport aircraft plane helicopter helicopters road roads railway train trains
dam network equipment property properties branch premises market markets mine mines warehouse factory
company companies supermarket agency agencies center centre club ministry court courthouse hospital
base bases airplane airplanes planes ship ships boat tank tanks highway newspaper newspapers municipality
courts town village city barracks garrison convoy radio antenna antennas transformer transformers
""".split())
#: Head nouns of people described, not named: GRIT's Victim role holds HUM TGT: NAME fillers only.
_DESCRIBED_PEOPLE = frozenset("""
people persons person civilians civilian peasants peasant population residents villagers inhabitants passengers
passersby bystanders children women men students workers members soldiers soldier policemen policeman police
troops officers officer officials official leaders leader employees guards guard family families relatives
jesuits jesuit priests priest businessmen journalists reporters reporter judges judge mayor mayors driver
drivers military infantry army terrorists rebels guerrillas victims victim man woman student politicians
politician executive executives ambassador archbishop bishop president minister candidate candidates
""".split())
_LEADING = re.compile(
    r"^(?:(?:a|an|the|some|about|around|approximately|nearly|almost|at least|more than|over|up to|fewer than|"
    r"less than|several|many|dozens of|scores of|hundreds of|a number of|at|of|\d+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|other|others|another)\s+)+",
)
_CLAIM_TAIL = re.compile(r"\s+(?:today\s+|yesterday\s+)?(?:has\s+|have\s+|had\s+)?(?:claimed|claims|claim)\b", re.I)
#: Weapon-type evidence that names the act, not the instrument ("exploded", "a shooting"): not a Weapon.
_ACT_WORDS = frozenset("explosion explosions blast blasts attack attacks sabotage up death fire gunfire".split())
_HEAD_CUT = re.compile(r"\s(?:of|in|from|at|on|with|who|that|which|near|during|belonging|for|and)\s")


def head_noun(s: str) -> str:
    """The head of a noun phrase, crudely: the last word before a preposition or relative clause."""
    s = norm_text(s)
    m = _HEAD_CUT.search(f" {s} ")
    if m:
        s = f" {s} "[: m.start()].strip()
    parts = s.split()
    return parts[-1] if parts else ""


def _strip_count_words(s: str) -> str:
    return _LEADING.sub("", norm_text(s)).strip()


def predicted_roles(events: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """incidex's in-scope events of one document as role fillers (docs/metric.md gives the mapping)."""
    out: dict[str, list[str]] = {r: [] for r in ROLES}

    def add(role: str, text: str) -> None:
        t = norm_text(text)
        if t and t not in out[role]:
            out[role].append(t)

    for ev in events:
        for sp in ev.get("evidence") or []:
            fld, text = sp.get("field"), sp.get("text") or ""
            if fld == "perpetrator":
                text = _CLAIM_TAIL.split(text, maxsplit=1)[0].strip()  # "THE FMLN HAS CLAIMED ..." -> "THE FMLN"
                if not text:
                    continue
                if len(text.split()) > 6:  # a whole claim clause: keep the group's name if it is in it
                    name = ev.get("perpetrator") or ""
                    if name and norm_text(name) in norm_text(text):
                        add("PerpOrg", name)
                    continue
                add("PerpInd" if head_noun(text) in _INDIVIDUAL_HEADS else "PerpOrg", text)
            elif fld == "target":
                head = head_noun(text)
                if head in _PHYSICAL_HEADS:
                    add("Target", text)
                elif head not in _DESCRIBED_PEOPLE:
                    add("Victim", _strip_count_words(text))
            elif fld == "weapon_type":
                last = norm_text(text).split()[-1:] or [""]
                if not (last[0] in _ACT_WORDS or last[0].endswith(("ed", "ing", "ode", "odes"))):
                    add("Weapon", text)
    return out


def gold_roles(templates: list[dict[str, Any]]) -> dict[str, list[list[str]]]:
    """Document-level gold entities per role: the union over templates, entities that share a
    normalised mention merged (GRIT scores role fillers per document, not per template)."""
    out: dict[str, list[list[str]]] = {}
    for role in ROLES:
        entities: list[set[str]] = []
        for t in templates:
            for ent in t.get(role) or []:
                mentions = {norm_text(m[0]) for m in ent if norm_text(m[0])}
                if not mentions:
                    continue
                overlapping = [e for e in entities if e & mentions]
                for e in overlapping:
                    mentions |= e
                    entities.remove(e)
                entities.append(mentions)
        out[role] = [sorted(e) for e in entities]
    return out


def _max_matching(n_pred: int, n_gold: int, ok: list[list[bool]]) -> int:
    """Maximum one-to-one matching (Kuhn's augmenting paths): what GRIT's linear_sum_assignment
    finds when every similarity is 0 or 1."""
    match_gold = [-1] * n_gold

    def augment(p: int, seen: list[bool]) -> bool:
        for g in range(n_gold):
            if ok[p][g] and not seen[g]:
                seen[g] = True
                if match_gold[g] == -1 or augment(match_gold[g], seen):
                    match_gold[g] = p
                    return True
        return False

    return sum(augment(p, [False] * n_gold) for p in range(n_pred))


@dataclass
class RoleScores:
    split: str
    mode: str
    counts: dict[str, list[int]] = field(default_factory=lambda: {r: [0, 0, 0] for r in ROLES})  # matched, pred, gold

    def prf(self, role: str | None = None) -> tuple[float, float, float]:
        roles = [role] if role else list(ROLES)
        m = sum(self.counts[r][0] for r in roles)
        p = sum(self.counts[r][1] for r in roles)
        g = sum(self.counts[r][2] for r in roles)
        prec, rec = (m / p if p else 0.0), (m / g if g else 0.0)
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def score_roles(split: str, mode: str = "exact", events: dict[str, list[dict[str, Any]]] | None = None) -> RoleScores:
    """Micro P/R/F1 over role-filler entities on ``processed/{split}.json`` (all its documents)."""
    if events is None:
        events = extract_split(split).events
    texts = keys.raw_texts(split)
    out = RoleScores(split=split, mode=mode)
    for doc_id, templates in keys.processed_templates(split).items():
        reference = keys.dateline_date(texts[doc_id])
        evs = [e for e in events.get(doc_id, []) if scope_reason(e, reference) is None]
        pred, gold = predicted_roles(evs), gold_roles(templates)
        for role in ROLES:
            ps, gs = pred[role], gold[role]
            if mode == "exact":
                ok = [[p in g for g in gs] for p in ps]
            else:
                ok = [[head_noun(p) in {head_noun(m) for m in g} for g in gs] for p in ps]
            out.counts[role][0] += _max_matching(len(ps), len(gs), ok)
            out.counts[role][1] += len(ps)
            out.counts[role][2] += len(gs)
    return out


#: Published MUC-4 role-filler figures on the same 200 test documents (TST3+TST4, GRIT's split and
#: scorer). Each row names its source. The figures could not be read from any source reachable when
#: this harness was written (the papers' tables are PDFs/images; the repositories' READMEs give no
#: numbers), so they say "not found" rather than a number from memory: fill one in only with a
#: citation to the table it comes from.
PUBLISHED: tuple[dict[str, str], ...] = (
    {"system": "GRIT (Du, Rush & Cardie, EACL 2021)", "p": "not found", "r": "not found", "f1": "not found",
     "match": "exact, and head noun", "source": "aclanthology.org/2021.eacl-main.52, Table 1; code github.com/xinyadu/grit_doc_event_entity"},
    {"system": "GTT (Du, Rush & Cardie, NAACL 2021)", "p": "not found", "r": "not found", "f1": "not found",
     "match": "template-level, exact", "source": "aclanthology.org/2021.naacl-main.70; code github.com/xinyadu/gtt"},
    {"system": "DyGIE++ (Wadden et al. 2019), as run by GRIT", "p": "not found", "r": "not found", "f1": "not found",
     "match": "exact", "source": "GRIT paper, Table 1"},
    {"system": "MUC-4 participants 1992 (GE NLToolset, UMass, SRI, NYU ...)", "p": "not found", "r": "not found",
     "f1": "not found", "match": "MUC-4 slot scoring (not comparable: all 25 slots)",
     "source": "Sundheim 1992, Overview of MUC-4, aclanthology.org/M92-1001"},
)


# -- rows -----------------------------------------------------------------------------------------

def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def event_row(split: str) -> dict[str, Any]:
    ext = extract_split(split)
    s = score_events(split, ext.events)
    sp, sr, sf = s.prf("strict")
    ap, ar, af = s.prf("anchored")
    figures: dict[str, Any] = {
        "events P/R/F1 (anchored match)": f"{ap:.3f} / {ar:.3f} / {af:.3f}",
        "events P/R/F1 (strict: date+country+place)": f"{sp:.3f} / {sr:.3f} / {sf:.3f}",
    }
    for name in FIELDS:
        figures[f"{name} accuracy, matched pairs (n={s.field_n[name]})"] = _pct(s.accuracy(name))
    for name in FIELDS:
        figures[f"{name} correct / key templates giving it (n={s.key_field_n[name]})"] = _pct(s.key_accuracy(name))
    targets = {f"{n} accuracy, matched pairs (n={s.field_n[n]})": f">= {v}" for n, v in TARGETS.items()}
    detail = [
        f"Documents {s.docs}; key templates scored {s.keys_scored} (optional templates count only when matched; "
        f"{s.keys_optional_unmatched} optional unmatched left out; {s.keys_threatened} threatened-only templates left out). "
        f"incidex events {s.events_all}, in MUC-4 scope {s.events_in_scope}; out of scope: "
        + (", ".join(f"{k} {v}" for k, v in s.out_of_scope.most_common()) or "none") + ".",
        "",
        "| MUC-4 type | key templates | matched | type correct |",
        "|---|---|---|---|",
    ]
    for t, c in sorted(s.by_type.items(), key=lambda kv: -kv[1]["keys"]):
        detail.append(f"| {t} | {c['keys']} | {c['matched']} | {c['type_ok']} |")
    row = {
        "benchmark": f"muc4-events-{split}",
        "title": f"MUC-4 {split} ({'TST1+TST2' if split == 'dev' else 'TST3+TST4' if split == 'test' else 'DEV 0001-1300'}): events against the 25-slot keys",
        "command": ".venv/bin/python -m benchmarks.run_all --only muc4",
        "data": f"shared/data/muc4 raw texts + keys, split membership from processed/{split}.json ({s.docs} docs, {ext.words:,} words)",
        "figures": figures,
        "targets": targets,
        "detail": "\n".join(detail),
        "extractor_version": ext.version,
        "machine": machine(),
    }
    if ext.errors:
        row["notes"] = f"extractor raised on {len(ext.errors)} documents (counted as no events), e.g. " + \
            "; ".join(f"{k}: {v}" for k, v in list(ext.errors.items())[:3])
    return row


def role_row(split: str) -> dict[str, Any]:
    ext = extract_split(split)
    exact = score_roles(split, "exact", ext.events)
    head = score_roles(split, "head", ext.events)
    figures: dict[str, Any] = {}
    for label, sc in (("exact", exact), ("head noun", head)):
        p, r, f = sc.prf()
        figures[f"micro P/R/F1 ({label} match)"] = f"{p:.3f} / {r:.3f} / {f:.3f}"
    lines = ["| role | P/R/F1 exact | P/R/F1 head noun | predicted | gold |", "|---|---|---|---|---|"]
    for role in ROLES:
        pe, re_, fe = exact.prf(role)
        ph, rh, fh = head.prf(role)
        lines.append(f"| {role} | {pe:.2f} / {re_:.2f} / {fe:.2f} | {ph:.2f} / {rh:.2f} / {fh:.2f} | "
                     f"{exact.counts[role][1]} | {exact.counts[role][2]} |")
    if PUBLISHED:
        lines += ["", "Published figures on MUC-4 test (not run here; each with its source):", "",
                  "| system | P | R | F1 | match | source |", "|---|---|---|---|---|---|"]
        for p in PUBLISHED:
            lines.append(f"| {p['system']} | {p['p']} | {p['r']} | {p['f1']} | {p['match']} | {p['source']} |")
    return {
        "benchmark": f"muc4-roles-{split}",
        "title": f"MUC-4 {split}: role-filler entities (PerpInd, PerpOrg, Target, Victim, Weapon), GRIT's scorer rules",
        "command": ".venv/bin/python -m benchmarks.run_all --only muc4",
        "data": f"shared/data/muc4/processed/{split}.json ({len(keys.processed_templates(split))} docs)",
        "figures": figures,
        "detail": "\n".join(lines),
        "extractor_version": ext.version,
        "machine": machine(),
    }


def error_analysis(split: str = "dev") -> str:
    """Markdown: categories of misses and of spurious events with counts, and field errors."""
    s = score_events(split)
    lines = [f"### MUC-4 {split}: error analysis (anchored match)", ""]
    lines += ["Missed key templates:", "", "| category | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in s.misses.most_common()]
    lines += ["", "Unmatched in-scope incidex events:", "", "| category | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in s.spurious.most_common()]
    lines += ["", "Field errors on matched pairs:", "", "| field | error | count |", "|---|---|---|"]
    for name in FIELDS:
        for k, v in s.field_errors[name].most_common():
            lines.append(f"| {name} | {k} | {v} |")
    lines += ["", "Examples (first few per category):", ""]
    for cat, exs in sorted(s.examples.items()):
        lines.append(f"- **{cat}**")
        lines += [f"  - `{e}`" for e in exs[:4]]
    return "\n".join(lines)


def run(splits: tuple[str, ...] = ("dev", "test")) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for split in splits:
        ev, ro = event_row(split), role_row(split)
        if split == "dev":
            ev["detail"] += "\n\n" + error_analysis("dev")
        if split == "test":
            ev["log"] = ro["log"] = True
        rows += [ev, ro]
    return rows


if __name__ == "__main__":  # pragma: no cover - handy for one split while tuning: python -m benchmarks.muc4 dev
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    if split == "test":
        raise SystemExit("run the test split through benchmarks.run_all, which logs it in BENCHMARKS.md")
    r = event_row(split)
    for k, v in r["figures"].items():
        print(f"{k:60s} {v}")
    print(r["detail"])
    print()
    print(error_analysis(split))
    rr = role_row(split)
    for k, v in rr["figures"].items():
        print(f"{k:60s} {v}")
    print(rr["detail"])
