"""Events go in and come back exactly, filtered and ordered the same way, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from incidex.schema import Document, Event, validation_errors
from incidex.store import EventFilter, get_event, iter_events, tables
from incidex.store.read import get_document, where_value
from incidex.store.stats import collect
from incidex.store.write import replace_events


def ids(engine: Engine, flt: EventFilter = EventFilter()) -> list[str]:
    return [e["event_id"] for e, _ in iter_events(engine, flt)]


def test_every_field_comes_back_as_written(stored: Engine, samples: list[tuple[Document, list[Event]]]) -> None:
    written = {e.event_id: e.to_dict() for _, events in samples for e in events}
    read = {e["event_id"]: e for e, _ in iter_events(stored)}
    assert read == written
    for event in read.values():
        assert validation_errors(event) == []


def test_evidence_offsets_point_at_the_words_in_the_stored_text(stored: Engine) -> None:
    for event, _ in iter_events(stored):
        doc = get_document(stored, event["doc_id"])
        assert doc is not None
        for span in event["evidence"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"]


def test_document_metadata_is_stored_with_its_hash_and_version(stored: Engine) -> None:
    doc = get_document(stored, "wire-1")
    assert doc is not None
    assert (doc["title"], doc["source"], doc["url"], doc["published"], doc["language"]) == (
        "Car bomb in Baidoa", "Wire", "https://wire.example.org/baidoa", date(2017, 5, 4), "en")
    assert len(doc["content_hash"]) == 64 and doc["extractor_version"] == "test+1" and doc["ingested_at"] is not None


def test_events_are_ordered_by_date_then_document_undated_last(stored: Engine) -> None:
    assert ids(stored) == [
        "wire-1:1", "wire-1:2", "claim-1:1", "undated-1:1"]


@pytest.mark.parametrize("flt, expected", [
    (EventFilter(where=(("country", "SO"),)), ["wire-1:1", "wire-1:2", "claim-1:1"]),
    (EventFilter(where=(("country", None),)), ["undated-1:1"]),
    (EventFilter(where=(("location", "Baidoa"), ("location", "Dinsoor"))), ["wire-1:1", "claim-1:1"]),
    (EventFilter(where=(("country", "SO"), ("attack_type", "Armed Assault"))), ["wire-1:2", "claim-1:1"]),
    (EventFilter(where=(("killed_best", 12),)), ["wire-1:1"]),
    (EventFilter(where=(("killed_qualifier", "approx"),)), ["claim-1:1"]),
    (EventFilter(since=date(2017, 5, 5)), ["wire-1:2", "claim-1:1"]),
    (EventFilter(until=date(2017, 5, 5)), ["wire-1:1", "wire-1:2"]),
    (EventFilter(since=date(2017, 5, 5), until=date(2017, 5, 5)), ["wire-1:2"]),
    (EventFilter(claimed=True), ["wire-1:1", "claim-1:1"]),
    (EventFilter(claimed=False), ["wire-1:2", "undated-1:1"]),
    (EventFilter(include_perpetrator_claims=False), ["wire-1:1", "wire-1:2", "undated-1:1"]),
    (EventFilter(where=(("suicide", True),)), []),
])
def test_filters_select_the_same_events_on_both_backends(stored: Engine, flt: EventFilter, expected: list[str]) -> None:
    assert ids(stored, flt) == expected


@pytest.mark.parametrize("column, raw, value", [
    ("country", "IQ", "IQ"), ("killed_best", "12", 12), ("latitude", "3.5", 3.5), ("claimed", "yes", True),
    ("suicide", "no", False), ("admin1", "", None),
])
def test_where_values_are_typed_for_their_column(column: str, raw: str, value: object) -> None:
    assert where_value(column, raw) == value


@pytest.mark.parametrize("column, raw, message", [
    ("colour", "red", "unknown column 'colour'"), ("killed_best", "many", "expected a whole number"),
    ("claimed", "perhaps", "expected yes or no"), ("seq", "1", "unknown column"),
])
def test_bad_where_values_say_what_is_wrong(column: str, raw: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        where_value(column, raw)


def test_get_event_returns_the_event_and_its_whole_document(stored: Engine) -> None:
    found = get_event(stored, "claim-1:1")
    assert found is not None
    event, doc = found
    assert event["claim_source"] == "perpetrator" and doc["text"].startswith("Statement:")
    assert get_event(stored, "claim-1:9") is None


def test_replacing_a_documents_events_swaps_events_and_evidence(stored: Engine, samples: list[tuple[Document, list[Event]]]) -> None:
    _, events = samples[0]
    only = Event.from_dict({**events[1].to_dict(), "event_id": "wire-1:1", "extractor_version": "test+2"})
    with stored.begin() as conn:
        assert replace_events(conn, "wire-1", [only], "test+2") == 1
    assert [e["event_id"] for e, _ in iter_events(stored, EventFilter(where=(("doc_id", "wire-1"),)))] == ["wire-1:1"]
    with stored.connect() as conn:
        assert conn.execute(select(func.count()).select_from(tables.evidence)
                            .where(tables.evidence.c.event_id.like("wire-1:%"))).scalar_one() == 2
        assert conn.execute(select(tables.documents.c.extractor_version)
                            .where(tables.documents.c.id == "wire-1")).scalar_one() == "test+2"


def test_stats_leave_out_perpetrator_claims_unless_asked(stored: Engine) -> None:
    s = collect(stored)
    assert (s.documents, s.events, s.perpetrator_claims, s.counted) == (3, 4, 1, 3)
    assert (s.killed, s.wounded, s.abducted) == (14, 21, 3)  # 12 + 2; the vague unknown-bounds count adds nothing
    assert [(g.key, g.events, g.killed) for g in s.by_country] == [("SO", 2, 14), (None, 1, 0)]
    assert [(g.key, g.events) for g in s.by_month] == [("2017-05", 2), (None, 1)]
    assert [(g.key, g.events) for g in s.by_type] == [
        ("Armed Assault", 1), ("Bombing/Explosion", 1), ("Hostage Taking (Kidnapping)", 1)]
    s = collect(stored, include_claims=True)
    assert (s.counted, s.killed) == (4, 29)
    assert [(g.key, g.events, g.killed) for g in s.by_country] == [("SO", 3, 29), (None, 1, 0)]
