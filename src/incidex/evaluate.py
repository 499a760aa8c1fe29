"""Score predicted events against gold events (docs/metric.md).

Matching is one to one within a document: a pair is *compatible* when the dates are equal (or
both null), the countries are equal, and the places agree (same GeoNames id, names equal after
normalisation, or one of them null). Among compatible pairs the ones that agree on most fields
are matched first. Precision counts over every predicted event, recall over every gold event;
per-field accuracy is over matched pairs, where null = null counts as correct.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from incidex.errors import InputError, RecordError
from incidex.schema import COUNT_FIELDS

#: Fields scored on matched pairs, in the order reports print them.
SCORED_FIELDS: tuple[str, ...] = (
    "date", "date_end", "date_precision", "date_calendar",
    "country", "admin1", "location", "sublocation", "geo_precision",
    "attack_type", "weapon_type", "target_type", "event_type", "sub_event_type",
    "perpetrator", "target", "suicide", "claimed", "claim_source",
    "killed", "wounded", "casualties", "perpetrators_killed", "abducted",
)
_NAME_FIELDS = {"admin1", "admin2", "location", "sublocation", "perpetrator", "target"}
_ARTICLE = re.compile(r"\b(?:al|el|ar|as|ad|an|ash|at|az|the)[- ]")


def normalise_name(value: str | None) -> str | None:
    """Case, diacritics, articles, punctuation and the words "province"/"governorate" ignored."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKD", value)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _ARTICLE.sub("", text)
    text = re.sub(r"\b(?:province|governorate|state|region|district|department|division|city)\b", " ", text)
    text = re.sub(r"[^a-z0-9]+", "", text)
    return text or None


def field_equal(name: str, gold: Any, pred: Any) -> bool:
    if name in COUNT_FIELDS:
        g, p = gold or {}, pred or {}
        if g.get("best") is None and p.get("best") is None:
            return (g.get("qualifier") or "unknown") == (p.get("qualifier") or "unknown")
        return g.get("best") == p.get("best")
    if name in _NAME_FIELDS:
        return normalise_name(gold) == normalise_name(pred)
    return gold == pred


def compatible(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if gold.get("date") != pred.get("date"):
        return False
    if gold.get("country") != pred.get("country"):
        return False
    gid, pid = gold.get("geonames_id"), pred.get("geonames_id")
    if gid is not None and pid is not None and gid == pid:
        return True
    gl, pl = normalise_name(gold.get("location")), normalise_name(pred.get("location"))
    return gl is None or pl is None or gl == pl


def agreement(gold: dict[str, Any], pred: dict[str, Any]) -> int:
    return sum(field_equal(f, gold.get(f), pred.get(f)) for f in SCORED_FIELDS)


@dataclass
class Report:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    field_correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    unmatched_gold: list[dict[str, Any]] = field(default_factory=list)
    unmatched_pred: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        return self.field_correct[name] / self.matched if self.matched else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "fields": {f: (round(a, 4) if (a := self.accuracy(f)) is not None else None) for f in SCORED_FIELDS},
        }


def evaluate(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> Report:
    report = Report(gold=len(gold), predicted=len(pred))
    by_doc_gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_doc_pred: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for g in gold:
        by_doc_gold[g["doc_id"]].append(g)
    for p in pred:
        by_doc_pred[p["doc_id"]].append(p)
    for doc_id in sorted(set(by_doc_gold) | set(by_doc_pred)):
        gs, ps = by_doc_gold.get(doc_id, []), by_doc_pred.get(doc_id, [])
        candidates = sorted(
            ((agreement(g, p), -i, -j, i, j) for i, g in enumerate(gs) for j, p in enumerate(ps) if compatible(g, p)),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, _, _, i, j in candidates:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            report.matched += 1
            report.pairs.append((gs[i], ps[j]))
            for f in SCORED_FIELDS:
                if field_equal(f, gs[i].get(f), ps[j].get(f)):
                    report.field_correct[f] += 1
        report.unmatched_gold.extend(g for i, g in enumerate(gs) if i not in used_g)
        report.unmatched_pred.extend(p for j, p in enumerate(ps) if j not in used_p)
    return report


def load_events(path: str) -> list[dict[str, Any]]:
    """Events from a JSONL file; a bad line is an error naming file and line."""
    p = Path(path)
    if not p.is_file():
        raise InputError(path, "no such file")
    events = []
    with p.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                event = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecordError(path, number, f"invalid JSON: {exc.msg}") from None
            if not isinstance(event, dict) or "doc_id" not in event:
                raise RecordError(path, number, "not an event object with a 'doc_id'")
            events.append(event)
    return events
