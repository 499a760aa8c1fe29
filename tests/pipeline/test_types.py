"""TYPES stage: attack words -> GTD attack/weapon type, ACLED event type, suicide (one row per phrase)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from incidex.pipeline.tokens import expand_leading, load_data, ordered_alternation
from incidex.pipeline.types import decide_type, find_type_cues
from incidex.schema import ACLED_EVENT_TYPES, ATTACK_TYPES, WEAPON_TYPES

BOMB, ARMED, ASSN, KIDN, BARR, HIJ, FAC, UNARMED, UNK = (
    "Bombing/Explosion", "Armed Assault", "Assassination", "Hostage Taking (Kidnapping)",
    "Hostage Taking (Barricade Incident)", "Hijacking", "Facility/Infrastructure Attack", "Unarmed Assault", "Unknown",
)
EXPL, VAC, BAT, STRAT = "Explosions/Remote violence", "Violence against civilians", "Battles", "Strategic developments"
IED, SUI, AIR, SHELL, GREN = (
    "Remote explosive/landmine/IED", "Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack", "Grenade",
)
ATT, ABD, CLASH, LOOT = "Attack", "Abduction/forced disappearance", "Armed clash", "Looting/property destruction"
PRIV, MIL, POL, GOV, REL, NGO, TRANS = (
    "Private Citizens & Property", "Military", "Police", "Government (General)", "Religious Figures/Institutions", "NGO",
    "Transportation",
)

# (text, decide_type kwargs, (attack_type, weapon_type, event_type, sub_event_type, suicide))
CASES = [
    # --- wire news ---
    ("A suicide bomber blew himself up outside the district office, killing nine.", {}, (BOMB, "Explosives", EXPL, SUI, True)),
    ("A car bomb exploded near a police checkpoint in the old city.", {"target_type": POL}, (BOMB, "Explosives", EXPL, IED, False)),
    ("A roadside bomb struck a military convoy outside Kandahar.", {"target_type": MIL}, (BOMB, "Explosives", EXPL, IED, False)),
    ("An improvised explosive device killed two deminers.", {"target_type": NGO}, (BOMB, "Explosives", EXPL, IED, False)),
    ("Two explosions tore through the crowded bus station.", {"target_type": TRANS}, (BOMB, "Explosives", EXPL, IED, False)),
    ("Gunmen opened fire on worshippers leaving evening prayers.", {"target_type": PRIV}, (ARMED, "Firearms", VAC, ATT, False)),
    ("Militants ambushed an army patrol in the hills.", {"target_type": MIL}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("Gunmen ambushed a police patrol on the ring road.", {"target_type": POL}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("Gunmen assassinated the provincial governor as he left his home.", {"target_type": GOV}, (ASSN, "Firearms", VAC, ATT, False)),
    ("Two men on a motorbike shot dead the mayor of the town.", {"target_type": GOV}, (ASSN, "Firearms", VAC, ATT, False)),
    ("A senior judge was shot dead in his car on Monday.", {"target_type": GOV}, (ASSN, "Firearms", VAC, ATT, False)),
    ("Gunmen kidnapped 14 passengers from a bus on the highway.", {"target_type": PRIV}, (KIDN, "Firearms", VAC, ABD, False)),
    ("Four foreign engineers were abducted from their camp.", {}, (KIDN, "Unknown", VAC, ABD, False)),
    ("Armed men hijacked a minibus carrying aid workers.", {"target_type": NGO}, (HIJ, "Firearms", VAC, ABD, False)),
    ("The siege of the hotel ended after a hostage standoff lasting two days.", {}, (BARR, "Unknown", VAC, ABD, False)),
    ("Insurgents set fire to a girls' school overnight.", {}, (FAC, "Incendiary", STRAT, LOOT, False)),
    ("Attackers torched a telecommunications mast.", {}, (FAC, "Incendiary", STRAT, LOOT, False)),
    ("Saboteurs blew up a section of the oil pipeline.", {"target_type": "Utilities"}, (BOMB, "Explosives", EXPL, IED, False)),
    ("An airstrike hit a suspected militant hideout.", {"state_perpetrator": True}, (BOMB, "Explosives", EXPL, AIR, False)),
    ("A drone strike killed three fighters in a vehicle.", {}, (BOMB, "Explosives", EXPL, AIR, False)),
    ("Mortar shells landed on a crowded market.", {"target_type": PRIV}, (BOMB, "Explosives", EXPL, SHELL, False)),
    ("Rebels fired rockets at the airport overnight.", {}, (BOMB, "Explosives", EXPL, SHELL, False)),
    ("A grenade attack on a bar wounded eight people.", {}, (BOMB, "Explosives", EXPL, GREN, False)),
    ("Troops clashed with militants near the border.", {"target_type": MIL}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("A firefight broke out between soldiers and insurgents.", {}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("Heavy fighting was reported around the airport.", {}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("The militants beheaded a captured aid worker.", {"target_type": NGO}, (ARMED, "Melee", VAC, ATT, False)),
    ("A farmer was hacked to death with machetes.", {"target_type": PRIV}, (ARMED, "Melee", VAC, ATT, False)),
    ("A mob beat the suspect to death.", {}, (UNARMED, "Melee", VAC, ATT, False)),
    ("The driver rammed his truck into a crowd of shoppers.", {"target_type": PRIV}, (UNARMED, "Vehicle", VAC, ATT, False)),
    ("Dozens of villagers were poisoned at a well.", {}, (UNARMED, "Chemical", VAC, ATT, False)),
    ("Militants seized the town after heavy fighting.", {}, (ARMED, "Firearms", BAT, "Non-state actor overtakes territory", False)),
    ("The army captured the district headquarters from the rebels.", {"state_perpetrator": True},
     (ARMED, "Firearms", BAT, "Government regains territory", False)),
    ("Gunmen attacked a passenger bus on the coast road.", {"target_type": TRANS}, (ARMED, "Firearms", VAC, ATT, False)),
    ("Militants attacked a checkpoint at dawn.", {"target_type": POL}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("Insurgents stormed a police station.", {"target_type": POL}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("Troops killed 12 militants in a raid.", {"target_type": "Terrorists/Non-State Militias", "state_perpetrator": True},
     (ARMED, "Firearms", BAT, CLASH, False)),
    ("A sniper killed a soldier at the front.", {"target_type": MIL}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("Gunmen killed four villagers; the survivors were taken hostage.", {}, (KIDN, "Firearms", VAC, ABD, False)),
    ("The minister was assassinated with a car bomb.", {}, (ASSN, "Explosives", VAC, ATT, False)),
    ("A shop owner was killed in the town.", {}, (ARMED, "Firearms", None, None, False)),
    # --- bulletins ---
    ("IED strike on a logistics convoy near Gao. No casualties reported.", {"target_type": MIL}, (BOMB, "Explosives", EXPL, IED, False)),
    ("SAF attack on an army post; 2 KIA, 3 WIA.", {"target_type": MIL}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("TIC reported west of the river crossing.", {}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("Kidnapping of 3 traders on the market road.", {}, (KIDN, "Unknown", VAC, ABD, False)),
    ("VBIED detonated at the gate of the base.", {"target_type": MIL}, (BOMB, "Explosives", EXPL, IED, False)),
    ("SVBIED struck the FOB at 0600.", {"target_type": MIL}, (BOMB, "Explosives", EXPL, SUI, True)),
    ("Rocket attack on the airbase; no damage.", {}, (BOMB, "Explosives", EXPL, SHELL, False)),
    ("RPG and SAF attack on a checkpoint.", {"target_type": POL}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("Landmine blast hit a tractor; 1 civ KIA.", {"target_type": PRIV}, (BOMB, "Explosives", EXPL, IED, False)),
    # --- MUC-4 wire (ALL CAPS) ---
    ("TERRORISTS DYNAMITED AN ELECTRIC POWER TOWER IN USULUTAN.", {}, (BOMB, "Explosives", EXPL, IED, False)),
    ("URBAN GUERRILLAS MACHINEGUNNED A BUS ON THE HIGHWAY.", {}, (ARMED, "Firearms", VAC, ATT, False)),
    ("THE MURDER OF ATTORNEY GENERAL ROBERTO GARCIA WAS CONDEMNED.", {}, (ASSN, "Firearms", VAC, ATT, False)),
    ("A BOMB EXPLODED AT THE OFFICES OF THE NEWSPAPER.", {}, (BOMB, "Explosives", EXPL, IED, False)),
    ("THE TERRORISTS KIDNAPPED FIVE PEASANTS FROM THE FARM.", {}, (KIDN, "Unknown", VAC, ABD, False)),
    ("THE GUERRILLAS BURNED THREE BUSES AND A TRUCK.", {}, (FAC, "Incendiary", STRAT, LOOT, False)),
    ("THE MASSACRE OF SIX JESUIT PRIESTS SHOCKED THE COUNTRY.", {"target_type": REL}, (ARMED, "Firearms", VAC, ATT, False)),
    ("A CAR BOMB EXPLODED IN FRONT OF THE DAS BUILDING.", {}, (BOMB, "Explosives", EXPL, IED, False)),
    ("THE ARMED CLASH INVOLVED MORTAR AND RIFLE FIRE.", {}, (BOMB, "Explosives", EXPL, SHELL, False)),
    ("SEVERAL INDIVIDUALS FIRED VOLLEYS OF SUBMACHINEGUN FIRE AGAINST THE COLONEL.", {}, (ARMED, "Firearms", VAC, ATT, False)),
    # --- claims compilations ---
    ("the soldiers of the caliphate targeted a gathering of the army with a car bomb, killing and wounding about 30",
     {"target_type": MIL}, (BOMB, "Explosives", EXPL, IED, False)),
    ("the fighters sniped an officer near the bridge", {"target_type": MIL}, (ARMED, "Firearms", BAT, CLASH, False)),
    ("the mujahideen detonated an explosive device on a patrol", {"target_type": POL}, (BOMB, "Explosives", EXPL, IED, False)),
    ("a martyrdom-seeker detonated his explosive belt amid a gathering", {}, (BOMB, "Explosives", EXPL, SUI, True)),
    ("a knight of martyrdom drove his car bomb into the barracks", {"target_type": MIL}, (BOMB, "Explosives", EXPL, SUI, True)),
    ("an istishhadi operation struck the headquarters", {}, (BOMB, "Explosives", EXPL, SUI, True)),
    ("two inghimasi fighters stormed the base", {"target_type": MIL}, (ARMED, "Firearms", BAT, CLASH, True)),
    ("the brothers stormed the base and the attackers detonated their explosive vests", {"target_type": MIL},
     (BOMB, "Explosives", EXPL, SUI, True)),
    ("the fighters attacked a position with machine guns and mortars", {"target_type": MIL}, (BOMB, "Explosives", EXPL, SHELL, False)),
    # --- no attack ---
    ("The minister suffered a heart attack.", {}, (UNK, None, None, None, False)),
    ("The bomb squad arrived an hour later.", {}, (UNK, None, None, None, False)),
    ("Fire brigades were called to the warehouse.", {}, (UNK, None, None, None, False)),
    ("Parliament debated the budget on Tuesday.", {}, (UNK, None, None, None, False)),
]


@pytest.mark.parametrize("text,kwargs,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_decided_type(text: str, kwargs: dict, expected: tuple) -> None:
    decision = decide_type(find_type_cues(text), **kwargs)
    got = (decision.attack_type, decision.weapon_type, decision.event_type, decision.sub_event_type, decision.suicide)
    assert got == expected
    for cue in decision.cues:
        assert text[cue.start:cue.end] == cue.text


# (text, the cue words found, in order)
CUE_CASES = [
    ("A heart attack, then a bomb attack.", ["bomb attack"]),
    ("a suicide car bomb and hand grenades", ["suicide car bomb", "hand grenades"]),
    ("the bomb squad defused a roadside bomb", ["roadside bomb"]),
    ("rocket-propelled grenades and a landmine", ["rocket-propelled grenades", "landmine"]),
    ("ATTACK HELICOPTERS STRAFED THE AREA", ["STRAFED"]),
    ("they fired rockets at the camp", ["rockets"]),
    ("Small arms fire (SAF) was reported", ["Small arms fire", "SAF"]),
    ("NO SAF WAS REPORTED", []),  # in ALL-CAPS text the cased abbreviation says nothing
]


@pytest.mark.parametrize("text,words", CUE_CASES, ids=[c[0] for c in CUE_CASES])
def test_cue_words(text: str, words: list[str]) -> None:
    cues = find_type_cues(text)
    assert [c.text for c in cues] == words
    assert all(text[c.start:c.end] == c.text for c in cues)


def test_no_cues_means_unknown() -> None:
    decision = decide_type([])
    assert (decision.attack_type, decision.weapon_type, decision.event_type, decision.cues) == ("Unknown", None, None, ())


def test_abducted_outranks_bombing_by_gtd_precedence() -> None:
    decision = decide_type(find_type_cues("A bomb exploded and the attackers took the driver."), abducted=True)
    assert decision.attack_type == KIDN
    assert decision.event_type == VAC and decision.sub_event_type == ABD


def test_unknown_target_type_is_an_error() -> None:
    with pytest.raises(ValueError):
        decide_type([], target_type="Soldiers")


def test_data_labels_are_schema_labels() -> None:
    for cue in load_data("attack_types.yaml")["cues"]:
        assert cue.get("attack_type") in (None, *ATTACK_TYPES), cue["id"]
        assert cue.get("weapon_type") in (None, *WEAPON_TYPES), cue["id"]
        assert cue.get("event_type") in (None, *ACLED_EVENT_TYPES), cue["id"]
        for alt in cue.get("re") or []:
            re.compile(alt)
            assert "(?P<" not in alt and not re.search(r"\((?!\?)", alt), f"capturing group in {alt!r}"


def test_every_alternative_can_be_grouped_by_first_letter() -> None:
    alts = [a for cue in load_data("attack_types.yaml")["cues"] for a in cue.get("re") or []]
    _, bad = ordered_alternation(alts)
    assert bad == []


@pytest.mark.parametrize("alt,expanded", [
    ("(?:land|road)[ -]mines?", ["land[ -]mines?", "road[ -]mines?"]),
    ("(?:hand )?grenades?", ["hand grenades?", "grenades?"]),
    ("bombs?", ["bombs?"]),
    ("(?:a|b)+x", ["(?:a|b)+x"]),
])
def test_expand_leading(alt: str, expanded: list[str]) -> None:
    assert expand_leading(alt) == expanded


MUC_DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "muc4" / "processed" / "dev.json"


@pytest.mark.skipif(not MUC_DEV.exists(), reason="shared MUC-4 data not present")
def test_grouped_alternation_finds_what_the_plain_one_finds() -> None:
    """The first-letter grouping is a speed trick: on real text it must match exactly the same spans."""
    alts = [a for cue in load_data("attack_types.yaml")["cues"] for a in cue.get("re") or []]
    plain = re.compile(r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])")
    grouped = re.compile(r"(?<![\w])" + ordered_alternation(alts)[0] + r"(?![\w])")
    for line in MUC_DEV.read_text(encoding="utf-8").splitlines()[:60]:
        text = json.loads(line)["doctext"]
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in grouped.finditer(text)]
