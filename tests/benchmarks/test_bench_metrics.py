"""The benchmark metrics on tiny inline examples (docs/metric.md): scope, type mapping, matching,
role fillers, calibration bins, WikiEvents helpers and the report writer."""

from __future__ import annotations

import sys
from pathlib import Path

# The benchmarks package sits at the repository root, outside src/ (not installed).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import json
from datetime import date

import pytest

from benchmarks import calibration, muc4, report, wikievents
from benchmarks.muc4_keys import parse_keys

REF = date(1990, 2, 4)


def ev(**kw):
    base = {"event_id": "D:1", "doc_id": "D", "date": None, "country": None, "location": None, "admin1": None,
            "admin2": None, "sublocation": None, "attack_type": None, "weapon_type": None, "target_type": None,
            "event_type": None, "context": "", "evidence": [], "killed": {"best": None}, "wounded": {"best": None},
            "confidence": 0.5}
    base.update(kw)
    return base


@pytest.mark.parametrize(
    "fields, reason",
    [
        ({"target_type": "Military"}, "military, police or armed-group target"),
        ({"target_type": "Police"}, "military, police or armed-group target"),
        ({"target_type": "Terrorists/Non-State Militias"}, "military, police or armed-group target"),
        ({"event_type": "Battles"}, "clash without a civilian target"),
        ({"event_type": "Battles", "target_type": "Private Citizens & Property"}, None),
        ({"country": "LB"}, None),  # kept: mostly wrong geocoding, which must cost precision
        ({"country": "SV", "date": "1989-11-01"}, "not recent (> 2 months before the dateline)"),
        ({"country": "SV", "date": "1990-01-20", "target_type": "Business"}, None),
    ],
)
def test_scope(fields, reason):
    assert muc4.scope_reason(ev(**fields), REF) == reason


@pytest.mark.parametrize(
    "attack, weapon, expected",
    [
        ("Bombing/Explosion", "Explosives", "BOMBING"),
        ("Armed Assault", "Firearms", "ATTACK"),
        ("Assassination", None, "ATTACK"),
        ("Unarmed Assault", None, "ATTACK"),
        ("Bombing/Explosion", "Explosives", "BOMBING"),
        ("Hostage Taking (Kidnapping)", None, "KIDNAPPING"),
        ("Hostage Taking (Barricade Incident)", None, "KIDNAPPING"),
        ("Facility/Infrastructure Attack", "Incendiary", "ARSON"),
        ("Facility/Infrastructure Attack", "Explosives", "BOMBING"),
        ("Facility/Infrastructure Attack", None, "ATTACK"),
        ("Hijacking", None, "HIJACKING"),
        ("Unknown", None, None),
        (None, None, None),
    ],
)
def test_type_mapping(attack, weapon, expected):
    assert muc4.muc_type(ev(attack_type=attack, weapon_type=weapon)) == expected


KEYS = '''\
0.  MESSAGE: ID                     TST1-MUC3-0009
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  02 FEB 90
3.  INCIDENT: LOCATION              GUATEMALA: PETEN (DEPARTMENT): FLORES (CITY)
4.  INCIDENT: TYPE                  BOMBING
12. PHYS TGT: ID                    "TANK TRUCK" / "TRUCK"
18. HUM TGT: NAME                   -
19. HUM TGT: DESCRIPTION            "PEASANTS"
21. HUM TGT: NUMBER                 3: "PEASANTS"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "PEASANTS"

0.  MESSAGE: ID                     TST1-MUC3-0009
1.  MESSAGE: TEMPLATE               2
2.  INCIDENT: DATE                  - 04 FEB 90
3.  INCIDENT: LOCATION              GUATEMALA: COBAN (CITY)
4.  INCIDENT: TYPE                  ATTACK
19. HUM TGT: DESCRIPTION            "JUDGE"
'''


@pytest.fixture(scope="module")
def kviews():
    return [muc4.KeyView.of(t, REF) for t in parse_keys(KEYS)]


def test_anchors_and_fields(kviews):
    k1, k2 = kviews
    right = ev(date="1990-02-02", country="GT", location="Flores", admin1="Peten", attack_type="Bombing/Explosion",
               context="A BOMB DESTROYED A TANK TRUCK IN FLORES.", killed={"best": 3})
    assert k1.anchored(right) and k1.strict(right)
    assert k1.date_ok(right) and k1.place_ok(right) and k1.country_ok(right) and k1.type_ok(right)
    assert k1.count_ok("killed", right)
    # "- 04 FEB 90" takes any day up to the 4th, but alone it is too loose to anchor a match
    loose = ev(date="1990-01-30", country="GT")
    assert k2.date_ok(loose) and not k2.anchored(loose)
    assert k2.strict(loose)  # strict: date in range, same country, one side without a place


def test_strict_needs_the_country(kviews):
    assert not kviews[0].strict(ev(date="1990-02-02", country="SV"))


def test_matching_is_one_to_one_by_agreement(kviews):
    e_flores = ev(date="1990-02-02", country="GT", location="Flores", context="TANK TRUCK")
    e_coban = ev(date="1990-02-03", country="GT", location="Coban", context="A JUDGE WAS SHOT")
    e_other = ev(date="1990-02-03", country="GT", location="Antigua")
    pairs = muc4.match_doc(kviews, [e_other, e_coban, e_flores], "anchored")
    assert sorted(pairs) == [(0, 2), (1, 1)]


def test_score_documents_counts_precision_over_in_scope_events():
    doc = "TST1-MUC3-0009"
    events = {doc: [
        ev(date="1990-02-02", country="GT", location="Flores", context="TANK TRUCK", attack_type="Bombing/Explosion"),
        ev(date="1990-02-02", country="GT", target_type="Military"),
    ]}
    s = muc4.score_documents("dev", [doc], {doc: "GUATEMALA CITY, 4 FEB 90 -- X"}, {doc: tuple(parse_keys(KEYS))}, events)
    assert (s.events_all, s.events_in_scope, s.matched["anchored"], s.gold["anchored"]) == (2, 1, 1, 2)
    assert s.prf("anchored") == (1.0, 0.5, pytest.approx(2 / 3))
    assert s.accuracy("type") == 1.0 and s.key_accuracy("type") == 0.5
    assert s.misses == {"no event anchored to it (other date/place/targets)": 1}


@pytest.mark.parametrize(
    "phrase, head",
    [
        ("the members of the farabundo marti national liberation front", "members"),
        ('"santo tomas" presidential farm', "farm"),
        ("a car bomb", "bomb"),
        ("Peasants", "peasants"),
        ("the house of the mayor in Lima", "house"),
    ],
)
def test_head_noun(phrase, head):
    assert muc4.head_noun(phrase) == head


def test_gold_roles_merge_entities_across_templates():
    templates = [
        {"PerpInd": [[["guerrillas", 1], ["guerrilla column", 9]]], "Target": [], "Victim": [], "Weapon": [], "PerpOrg": []},
        {"PerpInd": [[["guerrillas", 1]]], "Target": [[["farm", 4]]], "Victim": [], "Weapon": [], "PerpOrg": []},
    ]
    gold = muc4.gold_roles(templates)
    assert gold["PerpInd"] == [["guerrilla column", "guerrillas"]]
    assert gold["Target"] == [["farm"]]


def test_max_matching_is_one_to_one():
    ok = [[True, True], [True, False], [False, False]]
    assert muc4._max_matching(3, 2, ok) == 2


def test_predicted_roles_from_evidence():
    e = ev(perpetrator="FMLN", evidence=[
        {"field": "perpetrator", "start": 0, "end": 10, "text": "GUERRILLAS"},
        {"field": "perpetrator", "start": 0, "end": 4, "text": "FMLN"},
        {"field": "perpetrator", "start": 0, "end": 4, "text": "THE ELN TODAY CLAIMED RESPONSIBILITY"},
        {"field": "target", "start": 0, "end": 9, "text": "A BUS"},
        {"field": "target", "start": 0, "end": 9, "text": "THE MAYOR"},
        {"field": "target", "start": 0, "end": 9, "text": "CARLOS PIZARRO"},
        {"field": "killed", "start": 0, "end": 9, "text": "THREE PEASANTS"},
        {"field": "weapon_type", "start": 0, "end": 8, "text": "DYNAMITE"},
        {"field": "weapon_type", "start": 0, "end": 8, "text": "EXPLODED"},
        {"field": "weapon_type", "start": 0, "end": 8, "text": "A BOMBING"},
    ])
    roles = muc4.predicted_roles([e])
    assert roles == {"PerpInd": ["guerrillas"], "PerpOrg": ["fmln", "eln"], "Target": ["bus"], "Victim": ["carlos pizarro"],
                     "Weapon": ["dynamite"]}


def test_reliability_bins():
    rows = calibration.reliability([(0.1, False), (0.15, True), (0.9, True), (1.0, True)])
    assert [(r["bin"], r["n"]) for r in rows] == [("0.0-0.2", 2), ("0.2-0.4", 0), ("0.4-0.6", 0), ("0.6-0.8", 0), ("0.8-1.0", 2)]
    assert rows[0]["match_rate"] == 0.5 and rows[4]["match_rate"] == 1.0 and rows[1]["match_rate"] is None
    assert calibration.expected_calibration_error(rows) == pytest.approx(0.5 * abs(0.125 - 0.5) + 0.5 * abs(0.95 - 1.0))


WIKI = {
    "doc_id": "w1",
    "tokens": ["Bomb", "kills", "3", "in", "Mosul", "Three", "other", "soldiers", "were", "wounded", "."],
    "sentences": [
        [[["Bomb", 0, 4], ["kills", 5, 10], ["3", 11, 12], ["in", 13, 15], ["Mosul", 16, 21]], "Bomb kills 3 in Mosul"],
        [[["Three", 0, 5], ["other", 6, 11], ["soldiers", 12, 20], ["were", 21, 25], ["wounded", 26, 33], [".", 33, 34]],
         "Three other soldiers were wounded."],
    ],
}


def test_wikievents_document_and_victim_number():
    doc = wikievents.build_doc(WIKI)
    assert doc.text == "Bomb kills 3 in Mosul\nThree other soldiers were wounded."
    assert doc.sentence_spans == [(0, 21), (22, 56)]
    assert doc.token_spans[7] == (1, 34, 42)  # "soldiers"
    assert wikievents.victim_number(doc, {"start": 7, "end": 8}) == 3
    assert wikievents.victim_number(doc, {"start": 4, "end": 5}) == 3  # "3 in Mosul": within four tokens


def test_wikievents_covering_event_place_and_count():
    doc = wikievents.build_doc(WIKI)
    e = ev(location="Mosul", country="IQ", wounded={"best": None, "low": 2, "high": 4},
           evidence=[{"field": "location", "start": 16, "end": 21, "text": "Mosul"}])
    assert wikievents.covering_event(doc, 0, [e]) is e
    assert wikievents.covering_event(doc, 1, [e]) is None
    assert wikievents.place_matches(e, "Mosul") and wikievents.place_matches(e, "the city of Mosul")
    assert not wikievents.place_matches(e, "Baghdad")
    assert wikievents.count_matches(e["wounded"], 3) and not wikievents.count_matches(e["wounded"], 5)


def test_report_renders_plain_rows_and_targets():
    md = report.render_row({"benchmark": "x", "title": "X", "figures": {"f1": 0.5}, "targets": {"f1": ">= 0.6"}})
    assert "| f1 | 0.500 | >= 0.6 |" in md
    plain = report.render_row({"benchmark": "ucdp", "country_accuracy": 0.91, "nested": {"a": 1}})
    assert "| country_accuracy | 0.910 |" in plain and "nested" not in plain


def test_test_runs_are_appended_to_the_log(tmp_path, monkeypatch):
    monkeypatch.setattr(report, "RESULTS", tmp_path)
    monkeypatch.setattr(report, "TEST_LOG", tmp_path / "log.jsonl")
    for i in range(2):
        report.save({"benchmark": "muc4-events-test", "log": True, "date": f"d{i}", "figures": {"f1": i}})
    lines = (tmp_path / "log.jsonl").read_text().splitlines()
    assert [json.loads(x)["date"] for x in lines] == ["d0", "d1"]
    md = report.render(report.load_all(), report.load_log())
    assert md.count("| muc4-events-test |") == 2


def test_date_errors_tell_the_dateline_default(kviews):
    k2 = kviews[1]  # "- 04 FEB 90", the dateline day
    assert muc4._field_error("date", k2, ev()).startswith("no date; the key's is the dateline default")
    assert muc4._field_error("date", kviews[0], ev()) == "no date"
    assert muc4._field_error("date", kviews[0], ev(date="1990-02-03")) == "later than the key"


def test_same_episode_needs_the_same_date_fill_and_places(kviews):
    assert muc4._same_episode(kviews[0], kviews[0])
    assert not muc4._same_episode(kviews[0], kviews[1])


@pytest.mark.parametrize("sub_event, expected", [
    ("Shelling/artillery/missile attack", "ATTACK"), ("Air/drone strike", "ATTACK"),
    ("Remote explosive/landmine/IED", "BOMBING"), ("Grenade", "BOMBING"),
])
def test_shelling_and_air_strikes_are_muc_attacks(sub_event, expected):
    assert muc4.muc_type(ev(attack_type="Bombing/Explosion", weapon_type="Explosives", sub_event_type=sub_event)) == expected


def test_ucdp_headline_toll_counts_both_sides():
    from benchmarks.ucdp_counts import headline_toll

    assert headline_toll("30 militants, 23 soldiers killed in clashes in Pakistan") == 53
    assert headline_toll("Pakistani killed by Indian fire in Kashmir.") == 1
    assert headline_toll("Pakistan says unaware of Kashmir clash.") is None


def test_readme_tables_render_from_results(tmp_path):
    from benchmarks import readme_tables

    fixtures, corpora = readme_tables.fixtures_table(), readme_tables.corpora_table()
    assert fixtures.count("\n") >= 7 and "| blind/wire |" in fixtures
    assert "| MUC-4 test | country accuracy" in corpora and "| speed, one process |" in corpora
    readme = tmp_path / "README.md"
    readme.write_text("intro\n<!-- scores:fixtures -->\nSTALE\n<!-- /scores:fixtures -->\n"
                      "<!-- scores:corpora -->\nSTALE\n<!-- /scores:corpora -->\nend\n", encoding="utf-8")
    readme_tables.rewrite(readme)
    text = readme.read_text(encoding="utf-8")
    assert "STALE" not in text and fixtures in text and corpora in text and text.endswith("end\n")


def test_readme_tables_name_a_missing_or_broken_results_file(tmp_path, monkeypatch):
    from benchmarks import readme_tables

    monkeypatch.setattr(readme_tables, "RESULTS", tmp_path)
    with pytest.raises(SystemExit, match="fixtures.json: no results yet"):
        readme_tables.fixtures_table()
    (tmp_path / "fixtures.json").write_text("{\n  broken", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"fixtures.json:2: not valid JSON"):
        readme_tables.fixtures_table()
