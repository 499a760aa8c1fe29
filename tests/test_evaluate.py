"""`incidex evaluate`: one-to-one matching, precision over predicted, recall over gold, field accuracy."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from incidex.cli import app
from incidex.evaluate import compatible, evaluate, normalise_name


def ev(doc="d1", date="2017-06-03", country="IQ", location="Mosul", geonames_id=None, killed=None, **kw) -> dict:
    base = {"doc_id": doc, "date": date, "country": country, "location": location, "geonames_id": geonames_id,
            "killed": killed or {"low": None, "best": None, "high": None, "qualifier": "unknown"}}
    base.update(kw)
    return base


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Al-Qa'im", "Qaim", True),
        ("Nīnawá", "Ninawa", True),
        ("Khyber Pakhtunkhwa Province", "khyber pakhtunkhwa", True),
        ("Mosul", "Erbil", False),
    ],
)
def test_names_compare_after_normalisation(a, b, expected):
    assert (normalise_name(a) == normalise_name(b)) is expected


@pytest.mark.parametrize(
    "gold, pred, ok",
    [
        (ev(), ev(), True),
        (ev(), ev(date="2017-06-04"), False),
        (ev(date=None), ev(date=None), True),
        (ev(), ev(country="SY"), False),
        (ev(location=None), ev(), True),
        (ev(location="Mosul", geonames_id=99072), ev(location="Al Mawsil", geonames_id=99072), True),
        (ev(location="Mosul"), ev(location="Tikrit"), False),
    ],
)
def test_compatibility_rules(gold, pred, ok):
    assert compatible(gold, pred) is ok


def test_precision_recall_and_one_to_one():
    gold = [ev(killed={"low": 3, "best": 3, "high": 3, "qualifier": "exact"}), ev(location="Tikrit")]
    pred = [ev(killed={"low": 3, "best": 3, "high": 3, "qualifier": "exact"}), ev(), ev(doc="d2")]
    report = evaluate(gold, pred)
    assert report.matched == 1  # the two Mosul predictions compete for one gold event
    assert report.precision == pytest.approx(1 / 3)
    assert report.recall == pytest.approx(1 / 2)
    assert report.accuracy("killed") == 1.0


def test_best_agreement_is_matched_first():
    gold = [ev(attack_type="Bombing/Explosion"), ev(attack_type="Armed Assault")]
    pred = [ev(attack_type="Armed Assault"), ev(attack_type="Bombing/Explosion")]
    report = evaluate(gold, pred)
    assert report.matched == 2 and report.accuracy("attack_type") == 1.0


def test_null_equals_null_counts_as_correct():
    report = evaluate([ev(perpetrator=None)], [ev(perpetrator=None)])
    assert report.accuracy("perpetrator") == 1.0


def test_cli_prints_scores_and_json(tmp_path):
    g, p = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    g.write_text(json.dumps(ev()) + "\n")
    p.write_text(json.dumps(ev()) + "\n" + json.dumps(ev(doc="x")) + "\n")
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", "--gold", str(g), "--pred", str(p), "--json"])
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["precision"] == 0.5 and scores["recall"] == 1.0
    table = runner.invoke(app, ["evaluate", "--gold", str(g), "--pred", str(p)])
    assert "F1" in table.stdout and "0.667" in table.stdout


def test_cli_names_a_bad_line(tmp_path):
    g, p = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    g.write_text(json.dumps(ev()) + "\n{oops\n")
    p.write_text(json.dumps(ev()) + "\n")
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(g), "--pred", str(p)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"incidex: {g}:2: invalid JSON: Expecting property name enclosed in double quotes"
