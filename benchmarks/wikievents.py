"""WikiEvents dev + test: does incidex find the attacks and casualties annotators marked?

WikiEvents (Li, Ji & Han 2021) annotates KAIROS event mentions with argument spans in Wikipedia
and news documents. It has no incident records, so we measure what it can tell (docs/metric.md):

* **sentence recall**: for each sentence holding a Conflict.Attack.* mention (and, apart, a
  Life.Die / Life.Injure mention), whether some incidex event cites words in that sentence;
* **place**: for mentions with a Place argument whose sentence incidex covers, whether the
  covering event's place (location, admin1, admin2, country, or the words it cites for them)
  matches the argument loosely (normalised equality or containment);
* **victim count**: for Life.Die / Life.Injure mentions whose Victim argument is preceded by a
  number within four tokens ("Three other Russian military personnel"), whether the covering
  event's ``killed`` / ``wounded`` holds that number (best equal, or within low..high).

The documents are rebuilt from the annotated sentences joined by newlines (the corpus' ``text``
field runs sentences together without a separator). No publication date is given, so dates are
not scored.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from benchmarks import data_dir, machine, share, words
from incidex.evaluate import normalise_name

ATTACK = "Conflict.Attack"
CASUALTY = ("Life.Die", "Life.Injure")
PLACE_FIELDS = ("location", "admin1", "admin2", "country", "sublocation")
_NUMBER_WORDS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split())
}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
                      "hundred": 100, "dozen": 12})


@dataclass
class Doc:
    doc_id: str
    text: str
    sentence_spans: list[tuple[int, int]]
    token_spans: list[tuple[int, int, int]]  # document token index -> (sentence, char start, char end)
    record: dict[str, Any]


def build_doc(record: dict[str, Any]) -> Doc:
    """Join the sentences with newlines and locate every token in the joined text."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    tokens: list[tuple[int, int, int]] = []
    offset = 0
    for s_idx, (toks, sent_text) in enumerate(record["sentences"]):
        spans.append((offset, offset + len(sent_text)))
        cursor = 0
        for tok in toks:
            word = tok[0]
            at = sent_text.find(word, cursor)
            if at < 0:
                at = cursor
            tokens.append((s_idx, offset + at, offset + at + len(word)))
            cursor = at + len(word)
        parts.append(sent_text)
        offset += len(sent_text) + 1
    return Doc(record["doc_id"], "\n".join(parts), spans, tokens, record)


def parse_number(token: str) -> int | None:
    t = token.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    return _NUMBER_WORDS.get(t)


def victim_number(doc: Doc, entity: dict[str, Any]) -> int | None:
    """A number within the four tokens before (or inside) the victim argument, in its sentence."""
    toks = doc.record["tokens"]
    start, end = entity["start"], entity["end"]
    sent = doc.token_spans[start][0]
    for i in range(end - 1, max(-1, start - 5), -1):
        if doc.token_spans[i][0] != sent:
            break
        n = parse_number(toks[i])
        if n is not None and not 1900 <= n <= 2100:  # a year is not a count
            return n
    return None


def covering_event(doc: Doc, sentence: int, events: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The event citing the most words inside the sentence (None when no event cites any)."""
    lo, hi = doc.sentence_spans[sentence]
    best, best_n = None, 0
    for ev in events:
        n = sum(1 for sp in ev.get("evidence") or [] if sp["start"] < hi and sp["end"] > lo)
        if n > best_n:
            best, best_n = ev, n
    return best


def place_matches(ev: dict[str, Any], arg_text: str) -> bool:
    arg = normalise_name(arg_text)
    if not arg:
        return False
    names = [ev.get(f) for f in PLACE_FIELDS] + [sp["text"] for sp in ev.get("evidence") or [] if sp["field"] in PLACE_FIELDS]
    for name in names:
        n = normalise_name(name) if name else None
        if not n:
            continue
        if n == arg or (min(len(n), len(arg)) >= 4 and (n in arg or arg in n)):
            return True
    return False


def count_matches(count: dict[str, Any] | None, gold: int) -> bool:
    c = count or {}
    if c.get("best") == gold:
        return True
    lo, hi = c.get("low"), c.get("high")
    return lo is not None and hi is not None and lo <= gold <= hi


@dataclass
class WikiScores:
    docs: int = 0
    words: int = 0
    attack_sentences: int = 0
    attack_found: int = 0
    casualty_sentences: int = 0
    casualty_found: int = 0
    place_n: int = 0
    place_ok: int = 0
    count_n: int = 0
    count_ok: int = 0
    count_errors: Counter = field(default_factory=Counter)


def load(split: str) -> list[dict[str, Any]]:
    path = data_dir() / "wikievents" / f"{split}.jsonl"
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score(records: list[dict[str, Any]], events_of) -> WikiScores:
    """``events_of(doc_id, text) -> list of event dicts``."""
    s = WikiScores()
    for record in records:
        mentions = [m for m in record["event_mentions"] if m["event_type"].startswith((ATTACK,) + CASUALTY)]
        if not any(m["event_type"].startswith(ATTACK) for m in mentions):
            continue
        doc = build_doc(record)
        s.docs += 1
        s.words += words(doc.text)
        events = events_of(doc.doc_id, doc.text)
        entities = {e["id"]: e for e in record["entity_mentions"]}
        attack_sents = {m["trigger"]["sent_idx"] for m in mentions if m["event_type"].startswith(ATTACK)}
        casualty_sents = {m["trigger"]["sent_idx"] for m in mentions if m["event_type"].startswith(CASUALTY)}
        s.attack_sentences += len(attack_sents)
        s.attack_found += sum(covering_event(doc, i, events) is not None for i in attack_sents)
        s.casualty_sentences += len(casualty_sents)
        s.casualty_found += sum(covering_event(doc, i, events) is not None for i in casualty_sents)
        for m in mentions:
            ev = covering_event(doc, m["trigger"]["sent_idx"], events)
            if ev is None:
                continue
            for arg in m["arguments"]:
                ent = entities.get(arg["entity_id"])
                if ent is None:
                    continue
                if arg["role"] == "Place":
                    s.place_n += 1
                    s.place_ok += place_matches(ev, arg["text"])
                elif arg["role"] == "Victim" and m["event_type"].startswith(CASUALTY):
                    gold = victim_number(doc, ent)
                    if gold is None:
                        continue
                    role = "killed" if m["event_type"].startswith("Life.Die") else "wounded"
                    s.count_n += 1
                    ok = count_matches(ev.get(role), gold)
                    s.count_ok += ok
                    if not ok:
                        s.count_errors["unknown" if (ev.get(role) or {}).get("best") is None else "different"] += 1
    return s


def _extract(doc_id: str, text: str) -> list[dict[str, Any]]:
    from incidex.pipeline.extract import extract_document
    from incidex.schema import Document

    return [e.to_dict() for e in extract_document(Document(id=doc_id, text=text))]


def run() -> dict[str, Any]:
    from incidex.pipeline.extract import extractor_version

    records = load("dev") + load("test")
    s = score(records, _extract)


    return {
        "benchmark": "wikievents",
        "title": "WikiEvents dev+test: attack and casualty sentences found, place and victim-count arguments",
        "command": ".venv/bin/python -m benchmarks.run_all --only wikievents",
        "data": f"shared/data/wikievents dev.jsonl + test.jsonl: {s.docs} documents with Conflict.Attack mentions, {s.words:,} words",
        "figures": {
            "attack sentences with an event": share(s.attack_found, s.attack_sentences),
            "Life.Die/Injure sentences with an event": share(s.casualty_found, s.casualty_sentences),
            "Place argument matched (covered mentions)": share(s.place_ok, s.place_n),
            "victim count matched (covered Die/Injure with a number)": share(s.count_ok, s.count_n),
        },
        "notes": "count misses: " + (", ".join(f"{k} {v}" for k, v in s.count_errors.items()) or "none")
                 + ". The misses of dev (not test) were read once while writing two place rules (a town's"
                 " name before 'Street'; a middle initial), so dev is a development figure from then on.",
        "extractor_version": extractor_version(),
        "machine": machine(),
    }
