"""The event contract: dataclasses, JSON Schema and docs say the same thing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from incidex.schema import (
    ACLED_EVENT_TYPES, ATTACK_TYPES, COUNT_FIELDS, EVENT_FIELDS, QUALIFIERS, TARGET_TYPES, WEAPON_TYPES,
    Count, Event, Evidence, flatten, json_schema, validation_errors,
)

DOCS = Path(__file__).resolve().parent.parent / "docs" / "schema.md"


def sample_event(**overrides) -> dict:
    ev = Event(event_id="doc-1:1", doc_id="doc-1", extractor_version="test", date="2017-06-03", date_precision=1,
               date_calendar="gregorian", country="IQ", location="Mosul", latitude=36.34, longitude=43.13,
               geo_precision=1, attack_type="Bombing/Explosion", killed=Count(12, 12, None, "at_least"),
               evidence=[Evidence("killed", 0, 5, "12 ki")], confidence=0.5).to_dict()
    ev.update(overrides)
    return ev


def test_schema_properties_are_exactly_the_event_fields():
    assert list(json_schema()["properties"]) == list(EVENT_FIELDS)
    assert json_schema()["required"] == list(EVENT_FIELDS)


def test_schema_vocabularies_match_the_module_tuples():
    props = json_schema()["properties"]
    assert props["attack_type"]["enum"][:-1] == list(ATTACK_TYPES)
    assert props["weapon_type"]["enum"][:-1] == list(WEAPON_TYPES)
    assert props["target_type"]["enum"][:-1] == list(TARGET_TYPES)
    assert props["event_type"]["enum"][:-1] == list(ACLED_EVENT_TYPES)
    assert json_schema()["$defs"]["count"]["properties"]["qualifier"]["enum"] == list(QUALIFIERS)


def test_a_complete_event_validates():
    assert validation_errors(sample_event()) == []


@pytest.mark.parametrize(
    "overrides, where",
    [
        ({"date": "03/06/2017"}, "date"),
        ({"country": "Iraq"}, "country"),
        ({"attack_type": "Bombing"}, "attack_type"),
        ({"killed": {"low": 1, "best": 1, "high": 1, "qualifier": "roughly"}}, "killed/qualifier"),
        ({"geo_precision": 9}, "geo_precision"),
        ({"confidence": 1.5}, "confidence"),
        ({"claimed": False, "claim_source": "perpetrator"}, "claim_source"),
        ({"perpetrator_name": "x"}, "<root>"),
    ],
)
def test_broken_events_are_rejected_with_the_field_named(overrides, where):
    errors = validation_errors(sample_event(**overrides))
    assert errors and any(e.startswith(where) for e in errors), errors


def test_round_trip_through_json():
    ev = sample_event()
    again = Event.from_dict(json.loads(json.dumps(ev))).to_dict()
    assert again == ev


def test_from_dict_refuses_unknown_fields():
    with pytest.raises(ValueError, match="unknown event field"):
        Event.from_dict({**sample_event(), "nkill": 3})


def test_flatten_gives_csv_count_columns():
    row = flatten(sample_event())
    for name in COUNT_FIELDS:
        for part in ("low", "best", "high", "qualifier"):
            assert f"{name}_{part}" in row
    assert row["killed_low"] == 12 and row["killed_high"] is None and row["killed_qualifier"] == "at_least"


def test_every_field_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    missing = [f for f in EVENT_FIELDS if f"`{f}`" not in text]
    assert not missing, f"docs/schema.md does not describe: {missing}"


def test_vague_bounds_in_the_docs_are_the_data():
    from incidex.lang import load_words

    text = DOCS.read_text(encoding="utf-8")
    for words, (low, high) in load_words("counts.yaml")["vague"].items():
        assert f"| {words} | {low} | {'null' if high is None else high} |" in text, words
