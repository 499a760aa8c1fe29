"""A small SQLite store of hand-built events with known values, for the export tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from support import evidence_at
from incidex.schema import Count, Document, Event
from incidex.store import open_engine
from incidex.store.write import content_hash, document_row, insert_documents

REPORT = ("KUNDUZ, Aug. 14 (Wire) - A suicide bomber killed at least 11 police officers and wounded 16 at a police "
          "headquarters in Kunduz on Monday, officials said; the attacker also died. The Taliban claimed the attack.")
CLAIM = "Our fighters attacked a military convoy near Marawi and killed about 20 soldiers."
NOPLACE = "Gunmen kidnapped four engineers, the company said."



def export_samples() -> list[tuple[Document, list[Event]]]:
    report = Document("kunduz-1", REPORT, published=date(2017, 8, 14), title="Suicide attack on police in Kunduz",
                      source="Wire", url="https://wire.example.org/kunduz")
    e1 = Event(event_id="kunduz-1:1", doc_id="kunduz-1", extractor_version="t", date="2017-08-14", date_precision=1,
               date_calendar="gregorian", date_text="Monday", country="AF", admin1="Kunduz", location="Kunduz",
               sublocation="police headquarters", latitude=36.72896, longitude=68.857, geonames_id=1135689,
               geo_precision=1, attack_type="Bombing/Explosion", weapon_type="Explosives", target_type="Police",
               event_type="Explosions/Remote violence", sub_event_type="Suicide bomb", perpetrator="Taliban",
               target="police headquarters", suicide=True, claimed=True, claim_source="third_party",
               killed=Count(11, 11, None, "at_least"), wounded=Count(16, 16, 16, "exact"),
               perpetrators_killed=Count(1, 1, 1, "exact"),
               evidence=[evidence_at(REPORT, "killed", "killed at least 11 police officers"), evidence_at(REPORT, "wounded", "wounded 16"),
                         evidence_at(REPORT, "perpetrators_killed", "the attacker also died"),
                         evidence_at(REPORT, "perpetrator", "The Taliban claimed the attack")],
               context=REPORT[:60], confidence=0.9)
    claim = Document("claim-7", CLAIM, published=date(2017, 6, 2))
    e2 = Event(event_id="claim-7:1", doc_id="claim-7", extractor_version="t", date="2017-05-30", date_end="2017-06-01",
               date_precision=2, country="PH", admin1="Lanao del Sur", location="Marawi", latitude=8.0034,
               longitude=124.2839, geo_precision=2, attack_type="Armed Assault", weapon_type="Firearms",
               target_type="Military", event_type="Battles", sub_event_type="Armed clash", perpetrator="Maute Group",
               target="military convoy", claimed=True, claim_source="perpetrator", killed=Count(20, 20, 20, "approx"),
               evidence=[evidence_at(CLAIM, "killed", "killed about 20 soldiers")], confidence=0.5)
    noplace = Document("noplace-3", NOPLACE)
    e3 = Event(event_id="noplace-3:1", doc_id="noplace-3", extractor_version="t", attack_type="Hostage Taking (Kidnapping)",
               target_type="Business", target="engineers", abducted=Count(4, 4, 4, "exact"),
               evidence=[evidence_at(NOPLACE, "abducted", "kidnapped four engineers")], confidence=0.4)
    return [(report, [e1]), (claim, [e2]), (noplace, [e3])]


@pytest.fixture
def export_db(tmp_path: Path) -> Iterator[tuple[str, Engine]]:
    """(path of the SQLite file, engine) holding the three sample documents and their events."""
    path = str(tmp_path / "export.db")
    engine = open_engine(path)
    with engine.begin() as conn:
        insert_documents(conn, [(document_row(doc, content_hash(doc), "t", "samples", None), events)
                                for doc, events in export_samples()])
    try:
        yield path, engine
    finally:
        engine.dispose()


@pytest.fixture
def samples_by_id() -> dict[str, Event]:
    return {e.event_id: e for _, events in export_samples() for e in events}
