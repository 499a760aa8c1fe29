"""ACTORS and CLAIMS stages: neutral names, roles, targets, claims and claim voice (one row per phrase)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from incidex.pipeline.actors import (
    decide_perpetrator, decide_target, detect_claim_voice, find_actors, find_claims, national_name,
)
from incidex.pipeline.tokens import load_data, phrase_key
from incidex.schema import TARGET_TYPES

ISIL = "Islamic State of Iraq and the Levant (ISIL)"
ISWAP = "Islamic State West Africa Province (ISWAP)"
TTP = "Tehrik-i-Taliban Pakistan (TTP)"
FMLN = "Farabundo Marti National Liberation Front (FMLN)"
NPA = "New People's Army (NPA)"
ASG = "Abu Sayyaf Group (ASG)"
PMF = "Popular Mobilization Forces"
SDF = "Syrian Democratic Forces"
TNSM = "Terrorists/Non-State Militias"
PRIV = "Private Citizens & Property"
REL = "Religious Figures/Institutions"
GOV = "Government (General)"
P, T, U = "perpetrator", "target", "unknown"

# (text, words of the mention, neutral name, role, actor_kind, target_type)
ACTOR_CASES = [
    # --- wire news: groups and roles ---
    ("Boko Haram militants attacked a police station in Gwoza.", "Boko Haram militants", "Boko Haram", P, "group", TNSM),
    ("Boko Haram militants attacked a police station in Gwoza.", "police station", "Police", T, "other", "Police"),
    ("Insurgents killed 11 farmers in a village near Bama.", "farmers", "Civilians", T, "civilian", PRIV),
    ("Five soldiers were killed when suspected al-Shabaab fighters ambushed a convoy.", "soldiers", "Military", T, "state", "Military"),
    ("Five soldiers were killed when suspected al-Shabaab fighters ambushed a convoy.", "al-Shabaab fighters", "Al-Shabaab", P, "group", TNSM),
    ("Harakat al-Shabaab al-Mujahideen attacked a hotel.", "Harakat al-Shabaab al-Mujahideen", "Al-Shabaab", P, "group", TNSM),
    ("The market was attacked by Taliban fighters.", "Taliban fighters", "Taliban", P, "group", TNSM),
    ("The market was attacked by Taliban fighters.", "market", "Civilians", T, "civilian", PRIV),
    ("Police blamed the bombing on the Pakistani Taliban.", "Pakistani Taliban", TTP, P, "group", TNSM),
    ("Officials suspect the ADF.", "ADF", "Allied Democratic Forces (ADF)", P, "group", TNSM),
    ("Police blamed Boko Haram for the blast.", "Police", "Police", U, "state", "Police"),
    ("Police blamed Boko Haram for the blast.", "Boko Haram", "Boko Haram", P, "group", TNSM),
    ("Responsibility was claimed by ISWAP.", "ISWAP", ISWAP, P, "group", TNSM),
    ("IS fighters attacked the town.", "IS fighters", ISIL, P, "group", TNSM),
    ("Daesh militants stormed a prison in Hasakah.", "Daesh militants", ISIL, P, "group", TNSM),
    ("ISIS-K claimed the attack on the airport.", "ISIS-K", "Khorasan Chapter of the Islamic State", P, "group", TNSM),
    ("Hayat Tahrir al-Sham shelled a village.", "Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham (HTS)", P, "group", TNSM),
    ("Houthi rebels fired a missile at Saudi forces.", "Houthi rebels", "Houthi extremists (Ansar Allah)", P, "group", TNSM),
    ("Houthi rebels fired a missile at Saudi forces.", "Saudi forces", "Military of Saudi Arabia", T, "state", "Military"),
    ("Suspected ADF rebels hacked 15 villagers to death.", "villagers", "Civilians", T, "civilian", PRIV),
    ("Unknown assailants killed a journalist in Mogadishu.", "Unknown assailants", "Gunmen", P, "group", TNSM),
    ("Unknown assailants killed a journalist in Mogadishu.", "journalist", "Journalist", T, "civilian", "Journalists & Media"),
    ("Gunmen abducted a priest in Kaduna.", "priest", "Priest", T, "civilian", REL),
    ("Students were abducted from a boarding school.", "Students", "Students", T, "civilian", "Educational Institution"),
    ("Gunmen attacked the embassy compound.", "embassy", "Embassy", T, "other", "Government (Diplomatic)"),
    ("Saboteurs blew up a gas pipeline.", "gas pipeline", "Gas pipeline", T, "other", "Utilities"),
    ("The militants killed two aid workers.", "aid workers", "NGO workers", T, "civilian", "NGO"),
    ("Attackers stormed a hotel used by tourists.", "hotel", "Hotel", T, "other", "Business"),
    # --- state forces ---
    ("Nigerian troops killed 15 Boko Haram fighters in Borno.", "Nigerian troops", "Military of Nigeria", P, "state", "Military"),
    ("Nigerian troops killed 15 Boko Haram fighters in Borno.", "Boko Haram fighters", "Boko Haram", T, "group", TNSM),
    ("Troops killed 20 militants in an operation against the Taliban.", "militants", "Militants", T, "group", TNSM),
    ("Troops killed 20 militants in an operation against the Taliban.", "Taliban", "Taliban", T, "group", TNSM),
    ("Afghan forces killed 30 Taliban fighters in Helmand.", "Afghan forces", "Military of Afghanistan", P, "state", "Military"),
    ("Iraq's army recaptured the town.", "Iraq's army", "Military of Iraq", U, "state", "Military"),
    ("ISF units advanced on the old city.", "ISF units", "Military of Iraq", U, "state", "Military"),
    ("Hashd al-Shaabi fighters were killed by a roadside bomb.", "Hashd al-Shaabi fighters", PMF, T, "state", TNSM),
    ("The Sahwa leader was assassinated in Fallujah.", "Sahwa leader", "Sahwa militia", T, "state", TNSM),
    ("FARDC soldiers were ambushed by CODECO militiamen.", "FARDC soldiers", "Military of the Democratic Republic of the Congo", T, "state", "Military"),
    ("FARDC soldiers were ambushed by CODECO militiamen.", "CODECO militiamen", "Cooperative for the Development of Congo (CODECO)", P, "group", TNSM),
    ("Al-Shabaab attacked an AMISOM base.", "AMISOM", "African Union Mission in Somalia (AMISOM)", T, "state", "Military"),
    ("SNA troops repelled the assault.", "SNA troops", "Military of Somalia", U, "state", "Military"),
    ("FAMa soldiers were killed near Gao.", "FAMa soldiers", "Military of Mali", T, "state", "Military"),
    ("ANDSF personnel were wounded in Kunduz.", "ANDSF personnel", "Military of Afghanistan", T, "state", "Military"),
    ("The ANP checkpoint came under attack.", "ANP", "Police of Afghanistan", U, "state", "Police"),
    ("An ANP leader was shot dead in Peshawar.", "ANP leader", "Awami National Party", T, "other", GOV),
    ("AFP troops clashed with the Abu Sayyaf in Sulu.", "AFP troops", "Military of the Philippines", T, "state", "Military"),
    ("AFP troops clashed with the Abu Sayyaf in Sulu.", "Abu Sayyaf", ASG, P, "group", TNSM),
    ("Philippine troops killed five NPA rebels, AFP reported.", "NPA rebels", NPA, T, "group", TNSM),
    ("Pak jets kill 35 militants in North Waziristan", "Pak jets", "Military of Pakistan", P, "state", "Military"),
    ("The Frontier Corps lost two men in Kech.", "Frontier Corps", "Military of Pakistan", U, "state", "Military"),
    ("Levies personnel were attacked in Kalat.", "Levies personnel", "Police of Pakistan", T, "state", "Police"),
    ("A PKK attack killed three Turkish soldiers.", "PKK", "Kurdistan Workers' Party (PKK)", P, "group", TNSM),
    ("A PKK attack killed three Turkish soldiers.", "Turkish soldiers", "Military of Turkey", T, "state", "Military"),
    ("An airstrike by the US-led coalition killed 9 civilians.", "US-led coalition", "Coalition forces", P, "state", "Military"),
    ("Clashes between the army and ISWAP fighters left 12 dead.", "army", "Military", T, "state", "Military"),
    ("Clashes between the army and ISWAP fighters left 12 dead.", "ISWAP fighters", ISWAP, P, "group", TNSM),
    ("Troops clashed with NPA rebels in Samar.", "Troops", "Military", T, "state", "Military"),
    ("7 soldiers killed in blast in Kunar", "soldiers", "Military", T, "state", "Military"),
    ("Suspected ASG member killed in Zamboanga", "ASG member", ASG, T, "group", TNSM),
    # --- bulletins ---
    ("IED strike on an ANA convoy near Gereshk.", "ANA convoy", "Military of Afghanistan", T, "state", "Military"),
    ("SAF attack on a police checkpoint; 2 KIA.", "police checkpoint", "Police", T, "other", "Police"),
    ("Gunmen ambushed a gendarmerie patrol on the border road.", "gendarmerie patrol", "Gendarmerie", T, "state", "Police"),
    # --- MUC-4 wire (ALL CAPS) ---
    ("THE FMLN TERRORISTS ATTACKED THE SALVADORAN ARMY POST.", "FMLN TERRORISTS", FMLN, P, "group", TNSM),
    ("THE FMLN TERRORISTS ATTACKED THE SALVADORAN ARMY POST.", "SALVADORAN ARMY POST", "Military of El Salvador", T, "state", "Military"),
    ("SHINING PATH GUERRILLAS KILLED 10 PEASANTS IN AYACUCHO.", "SHINING PATH GUERRILLAS", "Shining Path (SL)", P, "group", TNSM),
    ("SHINING PATH GUERRILLAS KILLED 10 PEASANTS IN AYACUCHO.", "PEASANTS", "Civilians", T, "civilian", PRIV),
    ("URBAN TERRORISTS ATTACKED A BANK IN SAN SALVADOR.", "BANK", "Bank", T, "other", "Business"),
    ("A DEATH SQUAD MURDERED THREE STUDENTS.", "DEATH SQUAD", "Death Squad", P, "group", TNSM),
    ("THE ATLACATL BATTALION WAS AMBUSHED NEAR THE VOLCANO.", "ATLACATL BATTALION", "Military of El Salvador", T, "state", "Military"),
    ("TERRORISTS DYNAMITED HIGH-TENSION TOWERS IN USULUTAN.", "HIGH-TENSION TOWERS", "High-tension towers", T, "other", "Utilities"),
    ("THE MEDELLIN CARTEL WAS BLAMED FOR THE BOMBING.", "MEDELLIN CARTEL", "Medellin Drug Cartel", P, "group", TNSM),
    # --- claims compilations: in-group names and loaded terms ---
    ("the soldiers of the caliphate targeted a gathering of apostates at a police station",
     "soldiers of the caliphate", ISIL, P, "group", TNSM),
    ("the soldiers of the caliphate targeted a gathering of apostates at a police station", "apostates", "Police", T, "state", "Police"),
    ("the caliphate's soldiers sniped a soldier of the apostate army", "caliphate's soldiers", ISIL, P, "group", TNSM),
    ("the caliphate's soldiers sniped a soldier of the apostate army", "apostate", "Military", T, "state", "Military"),
    ("a gathering of rafidha militiamen near Samarra", "rafidha", PMF, T, "state", TNSM),
    ("the rafidha in their husseiniya", "rafidha", "Shia worshippers", T, "civilian", REL),
    ("an attack on the rafidha in the town", "rafidha", "Shia civilians", T, "civilian", PRIV),
    ("the crusaders' base near the airport", "crusaders", "Western forces", T, "state", "Military"),
    ("a church of the crusaders in the city", "crusaders", "Christian civilians", T, "civilian", REL),
    ("Kenyan crusader forces were attacked in Lamu", "crusader", "Military of Kenya", T, "state", "Military"),
    ("a gathering of nusayri soldiers near Hama", "nusayri", "Military of Syria", T, "state", "Military"),
    ("the Sahwat in the west of the province", "Sahwat", "Tribal militia", T, "group", TNSM),
    ("the taghut police in the district", "taghut", "Police", T, "state", "Police"),
    ("the murtadd army near the river", "murtadd", "Military", T, "state", "Military"),
    ("the soldiers of the caliphate clashed with the PKK near Raqqa", "PKK", SDF, T, "state", TNSM),
]


@pytest.mark.parametrize("text,words,name,role,kind,target_type", ACTOR_CASES, ids=[f"{c[0][:40]}|{c[1]}" for c in ACTOR_CASES])
def test_actor(text: str, words: str, name: str, role: str, kind: str, target_type: str) -> None:
    mentions = find_actors(text)
    found = [m for m in mentions if m.text == words]
    assert found, [m.text for m in mentions]
    m = found[0]
    assert (m.name, m.role, m.actor_kind, m.target_type) == (name, role, kind, target_type)
    assert text[m.start:m.end] == m.text


NOT_ACTORS = [
    "THE ATTACK IS BEING INVESTIGATED.",      # "IS" in ALL-CAPS text is a verb
    "The plan is good, officials said.",
    "(AFP) - The minister spoke in Manila.",  # AFP the news agency
    "A car bomb exploded.",                    # a vehicle used as the weapon is not a target
    "The bra was on sale.",
]


@pytest.mark.parametrize("text", NOT_ACTORS)
def test_no_armed_actor(text: str) -> None:
    mentions = find_actors(text)
    assert [m.name for m in mentions if m.actor_kind in ("group", "state") or m.target_type == "Transportation"] == []


# (text, count nouns, perpetrator name, target name, target type)
DECIDE_CASES = [
    ("Boko Haram militants attacked a police station, killing 5 policemen.", [], "Boko Haram", "Police", "Police"),
    ("Troops killed 20 militants in an operation against the Taliban.", [], "Military", "Militants", TNSM),
    ("Nigerian troops killed 15 Boko Haram fighters.", [], "Military of Nigeria", "Boko Haram", TNSM),
    ("Clashes between the army and ISWAP fighters left 12 dead.", [], ISWAP, "Military", "Military"),
    ("Gunmen killed the district governor.", [], None, "District governor", GOV),
    ("An explosion killed 12 people.", ["people"], None, "Civilians", PRIV),
    ("An explosion killed 12 people and 3 soldiers.", ["people", "soldiers"], None, "Military", "Military"),
    ("The blast hit the area.", ["Iraqi soldiers"], None, "Military of Iraq", "Military"),
    ("The soldiers of the caliphate targeted a gathering of apostates at a police station.", [], ISIL, "Police", "Police"),
    ("The soldiers of the caliphate attacked the rafidha militias with a car bomb.", [], ISIL, PMF, TNSM),
    ("Police blamed Boko Haram for the blast.", [], "Boko Haram", None, None),
    ("An attack in a remote area.", [], None, None, None),
    ("THE FMLN TERRORISTS ATTACKED THE NATIONAL GUARD POST.", [], FMLN, "Military", "Military"),
    ("A suspected Abu Sayyaf gunman shot a teacher in Jolo.", [], ASG, "Teacher", "Educational Institution"),
    # bulletin style: the road is where, the convoy or vehicle is what was hit
    ("MIL convoy ambushed on the Bama-Banki road. 1 MIL KIA, several WIA.", [], None, "Military", "Military"),
    ("IED vs SNA vehicle on Afgooye-Mogadishu road", [], None, "Military of Somalia", "Military"),
    ("A passenger bus attacked by gunmen near Quetta.", [], None, "Passenger bus", "Transportation"),
    # "1 ANP KIA": the force counted dead is the target, not the civilian only wounded
    ("Magnetic IED attached to an ANP vehicle detonated in PD 4. 1 ANP KIA, 2 ANP WIA, 1 CIV WIA.", [],
     None, "Police of Afghanistan", "Police"),
    ("08/02 | Tenenkou, 15 km S | Patrol ambushed, 2 vehicles destroyed | 2/1 | 0", [], None, "Military", "Military"),
    ("Militants blew up a bridge on the highway to Peshawar.", [], None, "Bridge", "Transportation"),
]


@pytest.mark.parametrize("text,nouns,perp,target,target_type", DECIDE_CASES, ids=[c[0][:50] for c in DECIDE_CASES])
def test_decide(text: str, nouns: list[str], perp: str | None, target: str | None, target_type: str | None) -> None:
    actors = find_actors(text)
    chosen = decide_perpetrator(actors)
    assert (chosen.name if chosen else None) == perp
    name, ttype, mention = decide_target(actors, nouns)
    assert (name, ttype) == (target, target_type)
    if mention is not None:
        assert mention.role == "target" and mention.name == name


# (text, [(claimed, group), ...])
CLAIM_CASES = [
    ("Al-Shabaab claimed responsibility for the attack.", [(True, "Al-Shabaab")]),
    ("The Islamic State group said it carried out the bombing.", [(True, ISIL)]),
    ("In a statement on its Amaq news agency, IS said its fighters killed ten soldiers.", [(True, ISIL)]),
    ("The attack was claimed by the Taliban.", [(True, "Taliban")]),
    ("Responsibility for the attack was claimed by ISWAP.", [(True, ISWAP)]),
    ("ISWAP claimed the ambush on an army convoy.", [(True, ISWAP)]),
    ("The Pakistani Taliban said it was behind the attack.", [(True, TTP)]),
    ("The New People's Army took responsibility for the ambush.", [(True, NPA)]),
    ("A previously unknown group claimed responsibility.", [(True, None)]),
    ("THE FMLN CLAIMED RESPONSIBILITY FOR THE ATTACK.", [(True, FMLN)]),
    ("RADIO VENCEREMOS REPORTED THAT FMLN UNITS ATTACKED THE BARRACKS.", [(True, FMLN)]),
    ("Amaq said the attacker was one of its fighters.", [(True, ISIL)]),
    ("No group has claimed responsibility.", [(False, None)]),
    ("No one has claimed the attack.", [(False, None)]),
    ("There was no immediate claim of responsibility.", [(False, None)]),
    ("The bombing has yet to be claimed.", [(False, None)]),
    ("The group has not claimed responsibility for the blast.", [(False, None)]),
    ("The attack remains unclaimed.", [(False, None)]),
    ("The Taliban denied involvement in the attack.", [(False, "Taliban")]),
    ("Police blamed Boko Haram for the blast.", []),
    ("Officials suspect the ADF.", []),
    ("The blast claimed 12 lives.", []),
    ("The violence has claimed the lives of hundreds.", []),
    ("The army said it carried out airstrikes on militant hideouts.", []),
]


@pytest.mark.parametrize("text,expected", CLAIM_CASES, ids=[c[0][:50] for c in CLAIM_CASES])
def test_claims(text: str, expected: list[tuple[bool, str | None]]) -> None:
    claims = find_claims(text)
    assert [(c.claimed, c.group) for c in claims] == expected
    for c in claims:
        assert text[c.start:c.end] == c.text and c.source == "third_party"


CLAIM_DOCS = [
    # a compilation under a province heading, Hijri dates, in-group names, loaded terms
    ("Wilayat Khurasan\n"
     "On the 12th of Safar, the soldiers of the caliphate detonated an explosive device on a vehicle of the "
     "apostate police in Achin, killing three of them.\n"
     "On the 14th of Safar, the mujahideen attacked a checkpoint of the taghut army in Deh Bala with machine guns.\n",
     "Khorasan Chapter of the Islamic State", "Wilayat Khurasan"),
    # one claim without a heading
    ("The soldiers of the caliphate targeted a gathering of rafidha militiamen near Tuz Khurmatu on the 3rd of "
     "Muharram, killing and wounding about 20.", ISIL, "soldiers of the caliphate"),
    # another group's voice: generic in-group word as subject, loaded terms, Hijri date
    ("Harakat al-Shabaab al-Mujahideen: on the 2nd of Ramadan the mujahideen attacked a base of the apostate "
     "militias and the crusader forces in Lower Shabelle.", "Al-Shabaab", "the mujahideen attacked"),
    # ALL-CAPS compilation
    ("WILAYAT GHARB IFRIQIYAH\nON THE 5TH OF RAJAB THE SOLDIERS OF THE CALIPHATE ATTACKED A BARRACKS OF THE "
     "APOSTATE ARMY IN THE TOWN.", ISWAP, "WILAYAT GHARB IFRIQIYAH"),
]


@pytest.mark.parametrize("text,group,evidence", CLAIM_DOCS, ids=[c[1] for c in CLAIM_DOCS])
def test_claim_voice(text: str, group: str, evidence: str) -> None:
    voice = detect_claim_voice(text)
    assert voice is not None
    assert voice.group == group
    assert voice.text == evidence == text[voice.start:voice.end]


NEWS_DOCS = [
    "BAGHDAD (Wire) - Islamic State militants attacked an army checkpoint north of the capital on Tuesday, "
    "killing four soldiers, officials said. The group claimed responsibility in a statement, calling the soldiers apostates.",
    "In a statement, IS said 'soldiers of the caliphate' had carried out the attack, according to the SITE Intelligence Group.",
    "The attack came on the 27th of Ramadan, police said.",
    "Afghan mujahideen attacked a Soviet convoy in 1985, the historian wrote.",
    "THE FMLN ATTACKED THE ARMY BARRACKS IN SAN MIGUEL, ACCORDING TO RADIO VENCEREMOS.",
    "Wilayat Sinai is the name the group uses for its Egyptian branch, analysts said.",
]


@pytest.mark.parametrize("text", NEWS_DOCS, ids=[t[:40] for t in NEWS_DOCS])
def test_news_about_a_group_is_not_its_voice(text: str) -> None:
    assert detect_claim_voice(text) is None


# ----------------------------------------------------------------------------- the vocabulary itself

def _loaded_words() -> set[str]:
    words = set()
    for term in load_data("loaded_terms.yaml")["terms"]:
        for w in [term["key"], *term.get("variants", [])]:
            words.add(re.sub(r"['’]s?$", "", w.lower()))
    return words


def _neutral_names() -> list[str]:
    names = []
    for g in load_data("actors_groups.yaml")["groups"]:
        names.append(g["name"])
        names += [c["name"] for c in g.get("context") or [] if "name" in c]
    state = load_data("actors_state.yaml")
    for f in state["forces"]:
        names.append(f["name"])
        names += [c["name"] for c in f.get("context") or [] if "name" in c]
    names += [f"{cls} of {country}" for country in state["countries"] for cls in state["force_nouns"]]
    for term in load_data("loaded_terms.yaml")["terms"]:
        names.append(term["default"]["name"])
        names += [c["name"] for c in term.get("context") or []]
    names += [n["name"] for n in load_data("target_nouns.yaml")["nouns"]]
    return names


def test_no_neutral_name_contains_a_loaded_word() -> None:
    loaded = _loaded_words()
    assert len(loaded) > 40
    for name in _neutral_names():
        words = set(re.findall(r"[\w']+", name.lower()))
        assert not words & loaded, name


def test_loaded_words_never_become_names() -> None:
    """Every loaded spelling, in several contexts: the name is neutral, the words stay as evidence."""
    loaded = _loaded_words()
    for word in sorted(loaded):
        for text in (f"the {word} were attacked", f"a gathering of {word} at a police station",
                     f"the {word} army", f"{word.upper()} IN THE CHURCH"):
            mentions = find_actors(text)
            assert mentions, text
            for m in mentions:
                assert m.name and not set(re.findall(r"[\w']+", m.name.lower())) & loaded, (text, m.name)


def test_target_nouns_are_never_generic_loaded_words() -> None:
    loaded = _loaded_words()
    for entry in load_data("target_nouns.yaml")["nouns"]:
        assert not {phrase_key(n) for n in entry["nouns"]} & {phrase_key(w) for w in loaded}, entry["name"]


def test_target_types_are_gtd_labels() -> None:
    types = [n["target_type"] for n in load_data("target_nouns.yaml")["nouns"]]
    types += [f["target_type"] for f in load_data("actors_state.yaml")["forces"]]
    for term in load_data("loaded_terms.yaml")["terms"]:
        types += [term["default"]["target_type"], *(c["target_type"] for c in term.get("context") or [])]
    assert set(types) <= set(TARGET_TYPES)


def test_no_alias_names_two_actors() -> None:
    """An alias or abbreviation may belong to one actor only (else the first file silently wins)."""
    seen: dict[tuple[str, bool], str] = {}
    entries = [(g["name"], g) for g in load_data("actors_groups.yaml")["groups"]]
    entries += [(f["name"], f) for f in load_data("actors_state.yaml")["forces"]]
    for name, entry in entries:
        for field, cased in (("aliases", False), ("abbrev", True), ("ingroup", False)):
            for alias in entry.get(field) or []:
                key = (alias if cased else phrase_key(alias), cased)
                assert seen.setdefault(key, name) == name, (alias, seen[key], name)


def test_every_loaded_term_has_a_meaning() -> None:
    for term in load_data("loaded_terms.yaml")["terms"]:
        assert term.get("meaning"), term["key"]
    for cue in load_data("attack_types.yaml")["cues"]:
        if cue["id"] in ("martyrdom_operation", "inghimasi"):
            assert cue.get("meaning")


# ----------------------------------------------------------------------------- real text

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


@pytest.mark.skipif(not (SHARED / "muc4" / "processed" / "dev.json").exists(), reason="shared data not present")
def test_no_claim_voice_in_real_news() -> None:
    """Reports about groups (MUC-4 dev, in both cases; UCDP GED headlines) never read as a group's own voice."""
    for line in (SHARED / "muc4" / "processed" / "dev.json").read_text(encoding="utf-8").splitlines():
        text = json.loads(line)["doctext"]
        assert detect_claim_voice(text) is None
        assert detect_claim_voice(text.upper()) is None
    for country in ("pak", "phl"):
        path = SHARED / "ucdp-ged" / f"conflict_data_{country}.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["source_headline"]:
                    assert detect_claim_voice(row["source_headline"]) is None, row["source_headline"]


@pytest.mark.skipif(not (SHARED / "muc4" / "processed" / "dev.json").exists(), reason="shared data not present")
def test_offsets_and_names_on_real_text() -> None:
    for line in (SHARED / "muc4" / "processed" / "dev.json").read_text(encoding="utf-8").splitlines()[:80]:
        text = json.loads(line)["doctext"].upper()
        for m in find_actors(text):
            assert text[m.start:m.end] == m.text and m.name
        for c in find_claims(text):
            assert text[c.start:c.end] == c.text


@pytest.mark.parametrize("name", ["actors.yaml", "actors_groups.yaml", "actors_state.yaml", "loaded_terms.yaml",
                                  "target_nouns.yaml", "attack_types.yaml"])
def test_data_lists_hold_only_strings(name: str) -> None:
    """YAML reads bare on/no/yes as booleans: every word in a list must stay a string."""
    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for item in node:
                assert isinstance(item, (str, dict)), f"{name}{path}: {item!r}"
                walk(item, path)
    walk(load_data(name), "")


def test_voice_of_a_compilation_that_names_no_group_comes_from_its_areas() -> None:
    text = ("Operations of the week\n\nHiiraan region\nOn 4 March, the mujahideen attacked a base of the apostate "
            "militia near Beledweyne, killing 3 of them.\nOn 6 March, the mujahideen detonated an explosive device "
            "on a vehicle of the crusader forces near the town.\n")
    voice = detect_claim_voice(text)
    assert voice is not None and voice.group == "Al-Shabaab"
    assert voice.text == text[voice.start:voice.end] == "the mujahideen attacked"


@pytest.mark.parametrize("name,country,expected", [
    ("Military", "NG", "Military of Nigeria"),
    ("Police", "ph", "Police of the Philippines"),
    ("Gendarmerie", "Cameroon", "Gendarmerie of Cameroon"),
    ("Government", "SO", "Government of Somalia"),
    ("Boko Haram", "NG", "Boko Haram"),
    ("Military of Iraq", "SY", "Military of Iraq"),
    ("Military", None, "Military"),
])
def test_national_name(name: str, country: str | None, expected: str) -> None:
    assert national_name(name, country) == expected


@pytest.mark.parametrize("text,words,role", [
    ("Suspected ADF rebels killed at least 14 civilians in a raid.", "ADF rebels", P),
    ("An unidentified man hurled a grenade into a crowd outside a cinema.", "man", P),
    ("An unidentified man hurled a grenade into a crowd outside a cinema.", "crowd", T),
    ("A truck carrying traders struck a landmine on the road.", "traders", T),
    ("Al Shabaab militants, who are fighting the government, have carried out similar attacks.", "Al Shabaab militants", U),
    ("The ministry said the market was hit twice.", "ministry", U),
    # one person's title, a name, then the passive: the target
    ("PRESIDENCY MINISTER JOSE ANTONIO RODRIGUEZ PORTH WAS KILLED TODAY BY GUERRILLAS.", "MINISTER", T),
    ("Journalist Roberto Navas died in the shooting.", "Journalist", T),
    # ... not a force before a common noun ("a military bus were killed" is the guards')
    ("SEVEN PRESIDENTIAL GUARDS TRAVELLING ABOARD A MILITARY BUS WERE KILLED TODAY.", "MILITARY", U),
])
def test_role_edge_cases(text: str, words: str, role: str) -> None:
    found = [m for m in find_actors(text) if m.text == words]
    assert found and found[0].role == role


def test_claim_goes_to_the_subject_not_its_apposition() -> None:
    text = "Jama'at Nusrat al-Islam wal Muslimin, al Qaeda's affiliate in the Sahel, claimed responsibility."
    assert [(c.claimed, c.group) for c in find_claims(text)] == [(True, "Jama'at Nusrat al-Islam wal Muslimin (JNIM)")]


# bulletin abbreviations: as written only, never in ALL-CAPS text
BULLETIN_CASES = [
    ("09/05 - Suspected BH elements attacked GEND post at Mora.", "BH elements", "Boko Haram", P),
    ("09/05 - Suspected BH elements attacked GEND post at Mora.", "GEND", "Gendarmerie", T),
    ("01/10 | Jowhar | AS attack on SNA base (SAF/RPG) | 5 | 8", "AS", "Al-Shabaab", P),
    ("15/05 - MIL patrol engaged NSAG near Kousseri; 4 NSAG KIA.", "MIL", "Military", P),
    ("15/05 - MIL patrol engaged NSAG near Kousseri; 4 NSAG KIA.", "NSAG", "Militants", T),
    ("11 May - Sukma: Maoists triggered an IED targeting a CRPF road-opening party.", "Maoists",
     "Communist Party of India - Maoist (CPI-Maoist)", P),
    ("IED planted along the road detonated against a GSU vehicle.", "GSU", "Police of Kenya", T),
    ("1 PBIED detonated at a checkpoint; 3 CIVs KIA.", "CIVs", "Civilians", T),
]


@pytest.mark.parametrize("text,words,name,role", BULLETIN_CASES, ids=[f"{c[0][:30]}|{c[1]}" for c in BULLETIN_CASES])
def test_bulletin_abbreviations(text: str, words: str, name: str, role: str) -> None:
    found = [m for m in find_actors(text) if m.text == words]
    assert found, [m.text for m in find_actors(text)]
    assert (found[0].name, found[0].role) == (name, role)
    assert not [m for m in find_actors(text.upper()) if m.text == words.upper() and len(words) <= 3]
