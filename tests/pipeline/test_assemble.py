"""The event unit (conventions.md §1): how many events a passage gives, and what merges."""

from __future__ import annotations

from datetime import date

import pytest

from incidex.pipeline.extract import extract_document
from incidex.schema import Document

REF = date(2019, 5, 8)  # a Wednesday


def events(text: str, published: date = REF):
    return extract_document(Document(id="t", text=text, published=published))


@pytest.mark.parametrize(
    "text, n",
    [
        # two days, two towns
        ("Gunmen killed four policemen in Maiduguri on Monday and two soldiers in Damboa on Tuesday.", 2),
        # one clash across several quarters of one town, one outcome
        ("Clashes in the Gwange, Bolori and Shehuri quarters of Maiduguri killed 11 soldiers on Monday.", 1),
        # a toll revised in a follow-up sentence
        ("A car bomb killed nine people in Mosul on Monday. The toll later rose to 12. Islamic State claimed the attack.", 1),
        # two explosions, one total
        ("Two explosions struck the market and the bus station of Kirkuk on Monday, killing 20 people in all.", 1),
        # a clash over several days told with one figure
        ("Fighting around Marawi from 3 to 6 May left 40 dead.", 1),
        # a separate attack in the same town
        ("Gunmen shot dead two policemen in Quetta on Monday. In a separate attack, a bomb killed a shopkeeper in Quetta.", 2),
        # background is not an incident
        ("A bomb killed three soldiers in Kandahar on Monday. The insurgency has killed more than 3,000 people since 2015.", 1),
        # a claim with its own figure stays with the incident
        ("A roadside bomb killed five policemen in Hilla on Monday. Islamic State claimed responsibility, saying it killed 9 policemen.", 1),
        ("Gunmen killed six policemen in Ghazni on Monday. A Taliban spokesman said in a statement that the group's fighters had carried out the attack and killed 11 police.", 1),
    ],
)
def test_number_of_events(text, n):
    got = events(text)
    assert len(got) == n, [(e.event_id, e.location, e.date, e.killed) for e in got]


def test_revised_toll_keeps_the_range():
    (ev,) = events("A car bomb killed at least 9 people in Mosul on Monday. The death toll later rose to 12.")
    assert (ev.killed.low, ev.killed.best, ev.killed.high) == (9, 12, 12)
    assert ev.date == "2019-05-06"


def test_claimed_figure_only_widens_the_range():
    (ev,) = events("A roadside bomb killed five policemen in Hilla on Monday. Islamic State claimed responsibility, saying it killed 9 policemen.")
    assert (ev.killed.low, ev.killed.best, ev.killed.high) == (5, 5, 9)
    assert ev.claimed and ev.claim_source == "third_party"


def test_list_items_under_a_heading_inherit_its_region():
    text = "BORNO STATE\n06/05 - Gunmen attacked Gwoza; 3 CIV KIA.\n07/05 - IED strike near Bama. No casualties reported.\n"
    got = events(text)
    assert [e.date for e in got] == ["2019-05-06", "2019-05-07"]
    assert all(e.country == "NG" for e in got)
    assert got[1].killed.qualifier == "none_reported"


def test_heading_date_does_not_leak_into_the_next_section():
    text = "6 May 2019\nGunmen killed two soldiers in Gao.\n\nUNDATED REPORTS\nA bomb wounded a trader in Mopti.\n"
    got = events(text)
    assert got[0].date == "2019-05-06"
    assert got[-1].date is None


def test_same_area_refers_back():
    text = ("Wilayat Ninawa\nOn the 1st of Ramadan, the fighters attacked an army post in Tal Afar, killing 3 soldiers.\n"
            "On the 2nd of Ramadan, the fighters sniped a soldier in the same area.\n")
    got = events(text, date(2019, 5, 20))
    assert len(got) == 2
    assert got[1].location == got[0].location and got[0].location is not None
    assert all(e.claimed and e.claim_source == "perpetrator" for e in got)


def test_a_named_force_is_the_victim_side_not_the_attackers():
    (ev,) = events("Islamic State militants attacked a post near Hajin on Monday, killing 14 SDF fighters; nine militants were also killed.")
    assert ev.killed.best == 14
    assert ev.perpetrators_killed.best == 9


def test_an_initial_figure_told_after_the_revised_toll_is_only_the_low_end():
    text = ("The death toll from Monday's car bombing in Hilla rose to 27 on Tuesday, the ministry said. "
            "The ministry had initially reported 19 dead.")
    (ev,) = events(text)
    assert (ev.killed.low, ev.killed.best, ev.killed.high) == (19, 27, 27)


def test_fighting_that_continues_into_a_later_day_extends_the_range():
    text = "Militants attacked an army base in Baiji on Monday, killing 6 soldiers. The fighting continued into Wednesday, officials said."
    (ev,) = events(text)
    assert (ev.date, ev.date_end, ev.date_precision) == ("2019-05-06", "2019-05-08", 2)


def test_a_week_total_line_is_not_an_incident():
    text = "06/05 - Gunmen attacked a checkpoint in Gwoza; 2 POL KIA.\nWEEK TOTAL: 4 incidents, 9 KIA.\n"
    (ev,) = events(text)
    assert ev.killed.best == 2


def test_a_new_incident_without_a_place_takes_the_story_country_not_the_datelines():
    text = ("NAIROBI, May 8 (Wire) - A bomb wounded four traders in the Somali town of Baidoa on Monday.\n\n"
            "On Tuesday militants attacked an army outpost east of there, killing three soldiers.")
    got = events(text)
    assert len(got) == 2
    assert got[1].country == "SO" and got[1].location is None


@pytest.mark.parametrize(
    "heading, group",
    [
        ("Wilayat Gharb Ifriqiya", "Islamic State West Africa Province (ISWAP)"),
        ("WILAYAT KHURASAN", "Khorasan Chapter of the Islamic State"),
        ("Wilayat Wasat Ifriqiya – Congo", "Islamic State Central Africa Province (ISCAP)"),
        ("Wilayat Ninawa", "Islamic State of Iraq and the Levant (ISIL)"),
    ],
)
def test_claims_under_a_province_heading_go_to_its_gtd_branch(heading, group):
    from incidex.pipeline.actors import claim_branch

    assert claim_branch(heading, "Islamic State of Iraq and the Levant (ISIL)") == group
    assert claim_branch(heading, "Al-Shabaab") == "Al-Shabaab"


@pytest.mark.parametrize(
    "text, killed",
    [
        # "the six priests" points back at victims already counted
        ("Gunmen murdered six Jesuit priests and two women in San Salvador on Thursday. "
         "The six priests had taught at the university for years.", 8),
        ("Two missionaries were shot dead in La Paz on Monday. Police are investigating the murder of the two missionaries.", 2),
        # a definite figure for victims not yet counted still adds
        ("Three soldiers were killed in a bomb attack in Kandahar on Monday. The two civilians also died.", 5),
        # "the slain minister" is the minister already counted; "his driver also died" adds one
        ("Gunmen assassinated presidency minister Jose Rodriguez in San Salvador on Friday. "
         "The slain minister had held the post since 1984.", 1),
        ("Gunmen assassinated presidency minister Jose Rodriguez in San Salvador on Friday. "
         "His driver also died.", 2),
        # the same victims told again with their breakdown: not more of them
        ("Gunmen murdered six Jesuit priests in San Salvador on Thursday. The archbishop condemned the "
         "murder of six priests and two women.", 8),
        # "other" adds victims to those counted
        ("Gunmen killed two soldiers in Kandahar on Monday. Three other soldiers died in hospital.", 5),
        # no determiner: a second victim group adds
        ("A bomb killed three soldiers in Kandahar on Monday. Two civilians also died in the blast.", 5),
        # the same figure with "the" and another noun for the same victims
        ("Guerrillas killed nine peasants near Ayacucho on Monday. The nine members of the self-defence "
         "patrol were killed with machetes.", 9),
        # ... but "also" adds them
        ("Two soldiers were killed in a bomb attack in Kandahar on Monday. The two civilians also died.", 4),
        # "other" inside a list compares its members: the same victims told again in full
        ("Gunmen murdered six Jesuits in San Salvador on Thursday. The Jesuit Ignacio Ellacuria, five other "
         "priests, and two women were murdered at dawn.", 8),
        # a list that opens with the victims counted already, under another noun: the fuller figure
        ("The six Jesuit priests were assassinated in San Salvador on Thursday. The army was accused of "
         "murdering six Jesuits and two others.", 8),
        # "also" adds victims whatever the noun
        ("The police commander's wife was shot dead on the Pereira road on Monday. The person driving "
         "the vehicle was also killed.", 2),
        # the same figure again under another noun, without "the": the same victims told again
        ("Troops killed nine peasants by mistake near Coban on Thursday. Officials confirmed that nine "
         "civilians had been killed.", 9),
        # ... but "also" adds them
        ("Two soldiers were killed in a bomb attack in Kandahar on Monday. Two civilians also died.", 4),
        # one person named again with another title
        ("Gunmen assassinated Liberal Party candidate Luis Carlos Galan in Soacha on Friday. "
         "Political leader Galan was killed as he addressed a rally.", 1),
        ("Journalist Roberto Navas died in San Salvador on Sunday. Roberto Navas died when soldiers fired at his car.", 1),
        # two people named: two victims
        ("Gunmen shot dead attorney Carlos Lorenzana in Tegucigalpa on Sunday. Contra commander Manuel Rugama "
         "was shot to death in the same city.", 2),
    ],
)
def test_a_definite_figure_restates_the_victims_already_counted(text: str, killed: int) -> None:
    (ev,) = events(text)
    assert ev.killed.best == killed


@pytest.mark.parametrize(
    "text, location, admin1",
    [
        # a later sentence saying where the incident took place refines a region to a town in it
        ("Two farmers were killed when they set off a mine in Kandahar province on Monday. The incident "
         "took place near Spin Boldak.", "Spin Boldak", "Kandahar"),
        # ... but a place outside the event's is not its place
        ("Two farmers were killed when they set off a mine in Kandahar province on Monday. The incident "
         "took place as officials met in Kabul.", None, "Kandahar"),
    ],
)
def test_where_the_incident_took_place_refines_its_place(text: str, location: str | None, admin1: str) -> None:
    (ev,) = events(text)
    assert (ev.location, ev.admin1) == (location, admin1)


@pytest.mark.parametrize(
    "text, n, date",
    [
        # a definite reference joins the incident told before; the day of the telling is not its day
        ("Gunmen shot dead a diplomat in Guatemala City on Monday. On Tuesday the foreign minister "
         "condemned the murder of the diplomat.", 1, "2019-05-06"),
        # another day and another place: another incident, definite or not
        ("A bomb killed three people in Kabul on Monday. The bombing of a mosque in Herat on Tuesday killed five.", 2, "2019-05-06"),
    ],
)
def test_a_definite_reference_joins_the_incident_told_before(text: str, n: int, date: str) -> None:
    got = events(text)
    assert len(got) == n and got[0].date == date


def test_the_day_a_murder_is_condemned_is_not_the_day_of_the_murder() -> None:
    (ev,) = events("Today the ministry denied charges that officers were behind the murder of six Jesuits in San Salvador.")
    assert ev.date is None and ev.killed.best == 6


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday, gunmen killed five people in the attack on the market in Maiduguri.",
        "On Tuesday, five people were killed in the bombing of a mosque in Kano.",
        "Five people were killed on Tuesday in the bombing of a mosque in Kano.",
    ],
)
def test_a_first_report_keeps_its_day_even_with_a_definite_attack_noun(text: str) -> None:
    (ev,) = events(text)
    assert ev.date == "2019-05-07" and ev.killed.best == 5


@pytest.mark.parametrize(
    "text",
    [
        "The Extraditables ordered their men in Medellin to take hostages from wealthy families.",
        "He dismissed his escort because he did not want anyone else to be killed if there were an attack on him.",
        "The group said there will not be any more bombings of government offices in Bogota.",
        "The front decreed a suspension of its attacks on civilian officials in San Salvador.",
        "The rebels threatened to attack the town of Gwoza.",
        # the attack words are all governed by a modal verb: an intention, not an attack
        "The Taliban said its fighters would continue attacks on government forces in Helmand.",
        # attacks in general: plural attack nouns, no victims, day or town
        "Political leaders are very concerned about the constant raids by subversive groups.",
        "Cocaine users are contributing to the killings carried out by the cartels.",
    ],
)
def test_a_plan_threat_or_hypothesis_is_no_incident(text: str) -> None:
    assert events(text) == []


def test_a_sentence_with_victims_is_an_incident_whatever_its_modal_verbs() -> None:
    (ev,) = events("Gunmen killed five villagers in Gwoza on Monday, and officials warned that more attacks would follow.")
    assert ev.killed.best == 5


def test_a_bomb_in_another_town_told_with_its_own_day_is_another_event() -> None:
    text = ("Incendiary bombs were hurled at a church in Nunoa, in Santiago, this morning.\n\n"
            "A bomb exploded today at the offices of a finance company in downtown Vina del Mar.")
    got = events(text)
    assert [e.location for e in got] == ["Nunoa", "Vina del Mar"]


@pytest.mark.parametrize(
    "text, locations",
    [
        # towns listed with plural attack nouns and no figure: one incident each
        ("Militants carried out attacks on Gwoza and Bama on Monday.", ["Gwoza", "Bama"]),
        ("THE INSTITUTES IN VINA DEL MAR, TALCA, AND TEMUCO WERE THE TARGET OF BOMB ATTACKS.",
         ["Vina del Mar", "Talca", "Temuco"]),
        # one figure for them all cannot be split: one event
        ("Attacks in Maiduguri and Damboa killed 12 people on Monday.", ["Maiduguri"]),
        # quarters of one town: one event
        ("Clashes in the Gwange, Bolori and Shehuri quarters of Maiduguri killed 11 soldiers on Monday.", ["Maiduguri"]),
    ],
)
def test_towns_listed_with_plural_attacks_are_one_incident_each(text: str, locations: list[str]) -> None:
    assert [e.location for e in events(text)] == locations


@pytest.mark.parametrize(
    "text, location",
    [
        # a modal verb elsewhere in a sentence that tells a dated attack in a town keeps the event
        ("A car bomb exploded near a market in Kirkuk on Monday, police said, and the death toll could rise.", "Kirkuk"),
        ("Gunmen attacked a police post in Gwoza on Monday; officials said reinforcements would be sent.", "Gwoza"),
        ("Suicide bombers attacked a mosque in Maiduguri on Friday, an attack that will fuel fears of more violence.",
         "Maiduguri"),
        # no day: the attack word outside the modal's reach still tells what happened
        ("Gunmen attacked a police post in Gwoza; officials said reinforcements would be sent.", "Gwoza"),
    ],
)
def test_a_modal_verb_does_not_undo_an_attack_with_its_day_and_town(text: str, location: str) -> None:
    assert [e.location for e in events(text)] == [location]


def test_a_report_filed_abroad_takes_the_country_it_is_about_not_the_dateline_s() -> None:
    text = ("MADRID (SPAIN), 19 NOV 89 (DOMESTIC SERVICE) -- [TEXT] THE SALVADORAN GOVERNMENT HAS BEEN ASKED "
            "TO EXPLAIN THE MURDER OF SIX SALVADORAN PRIESTS. A SALVADORAN BISHOP SAID THE PRIESTS WERE SHOT "
            "BY MEN IN UNIFORM, AND THAT THE SALVADORAN PEOPLE DEMAND JUSTICE FOR THE CRIME.")
    got = extract_document(Document(id="t", text=text))
    assert got and {e.country for e in got} == {"SV"}
    ev = got[0]
    span = next(s for s in ev.evidence if s.field == "country")
    assert text[span.start:span.end] == span.text and "MADRID" not in span.text


def test_a_lone_figure_of_one_after_a_larger_one_is_one_of_those_victims() -> None:
    (ev,) = events("A car bomb killed five people in Kirkuk on Monday. One person died at the scene, police said.")
    assert ev.killed.best == 5


@pytest.mark.parametrize(
    "text, killed",
    [
        ("Guerrillas killed three peasants near Ayacucho on Monday. So far this year, 600 people have been "
         "killed in political violence in Peru.", 3),
        ("A bomb killed two policemen in Medellin on Tuesday. Over 7,000 people have died in the country "
         "during 10 years of civil war.", 2),
        ("Gunmen killed the mayor of Hostigal on Monday. About 13,000 people have been killed since 1980.", 1),
        ("Soldiers shot dead four villagers in Kunar on Friday. The army has killed more than 600 party leaders.", 4),
        ("Gunmen shot dead five farmers in Jos on Sunday. The militia is guilty of thousands of murders.", 5),
        # any vague figure of thousands, wherever it stands in its phrase
        ("Gunmen shot dead five farmers in Jos on Sunday. The militia killed several thousand people in the war.", 5),
        ("Gunmen killed 12 judicial officials near La Rochela on Monday. Relatives asked about the 56 killings "
         "that have taken place in this part of the region.", 12),
    ],
)
def test_a_toll_for_a_period_or_a_war_is_not_the_incident_s(text: str, killed: int) -> None:
    """conventions.md §3: an event's count is the incident's; a cumulative toll is background."""
    (ev,) = events(text)
    assert ev.killed.best == killed


def test_a_cumulative_toll_in_the_same_sentence_as_the_incident_leaves_its_figure() -> None:
    (ev,) = events("Gunmen killed four farmers in Jos on Sunday; 120 people have been killed in the state "
                   "so far this year.")
    assert (ev.killed.best, ev.location) == (4, "Jos")


@pytest.mark.parametrize(
    "text, location, country, sublocation",
    [
        # a town far from the incident is only where the distance is measured from
        ("Police said a cattleman was found murdered today 500 km northwest of Bogota.", None, "CO",
         "500 km northwest of Bogota"),
        # a named place beats the far reference in the same sentence
        ("Gunmen killed a watchman in Sevilla municipality (370 km from Bogota) on Monday.", None, "CO", None),
        # near enough: the town, at GED's where_prec 2
        ("A bomb killed two soldiers 20 km south of Kirkuk on Monday.", "Kirkuk", "IQ", None),
    ],
)
def test_a_distance_too_far_to_be_near_the_town_leaves_only_the_country(
        text: str, location: str | None, country: str, sublocation: str | None) -> None:
    (ev,) = events(text)
    assert (ev.location, ev.country) == (location, country)
    if sublocation:
        assert ev.sublocation == sublocation and ev.geo_precision == 6
    else:
        assert "Bogota" not in (ev.location or "")


@pytest.mark.parametrize(
    "text, n, date, killed",
    [
        # a victim who died later, in hospital or of wounds: the same incident, dated by the attack
        ("A bomb wounded three soldiers in Kandahar on Monday. One of them died of his wounds on Wednesday.",
         1, "2019-05-06", 1),
        ("Gunmen shot a U.S. citizen in San Salvador on Monday night. He was taken to the hospital, where he "
         "died on Tuesday morning.", 1, "2019-05-06", None),
        # the death told first, then the attack on the same (definite) victim
        ("A U.S. citizen died at the Diagnosis hospital early this morning. The U.S. citizen was shot last night "
         "when gunmen tried to enter his home in San Salvador.", 1, "2019-05-07", 1),
        ("A policeman died in hospital on Tuesday. He had been shot by gunmen in Quetta on Sunday.", 1, "2019-05-05", 1),
    ],
)
def test_a_later_death_of_a_victim_is_the_same_incident(text: str, n: int, date: str, killed: int | None) -> None:
    evs = events(text)
    assert len(evs) == n
    assert (evs[0].date, evs[0].killed.best) == (date, killed)


def test_a_new_attack_with_victims_of_its_own_after_a_hospital_death_is_another_event() -> None:
    evs = events("A soldier died in hospital in Kandahar on Monday. On Wednesday a bomb killed a civilian in Kandahar.")
    assert [e.date for e in evs] == ["2019-05-06", "2019-05-08"]


def test_a_town_with_a_far_distance_in_apposition_is_still_the_place() -> None:
    """"a village near Huancayo, 415 km south of Lima": Huancayo is named; Lima is the reference."""
    (ev,) = events("Guerrillas murdered 19 people in a small village near Huancayo city, 415 km south of Lima, on Monday.")
    assert (ev.location, ev.country) == ("Huancayo", "PE")


def test_a_distance_in_words_or_miles_is_read_by_the_place_stage() -> None:
    (ev,) = events("Gunmen killed two farmers some fifty miles northwest of Bogota on Friday.")
    assert (ev.location, ev.admin1, ev.geo_precision) == (None, "Distrito Capital de Bogota", 4)
    assert ev.sublocation == "some fifty miles northwest of Bogota"


def test_a_distance_up_to_100_km_keeps_the_town_s_region() -> None:
    (ev,) = events("Guerrillas murdered three peasants 60 km south of Ayacucho on Friday.")
    assert (ev.location, ev.admin1, ev.country, ev.geo_precision) == (None, "Ayacucho", "PE", 4)
    assert ev.sublocation == "60 km south of Ayacucho"


def test_a_village_placed_by_a_distance_is_named_before_the_distance() -> None:
    (ev,) = events("Guerrillas murdered three peasants in the township of Campina, 60 km south of Ayacucho, on Friday.")
    assert (ev.location, ev.admin1, ev.geo_precision) == (None, "Ayacucho", 4)
    assert ev.sublocation == "Campina; 60 km south of Ayacucho"


@pytest.mark.parametrize("text", [
    "The summit is scheduled for 8-9 May. Ortega asked for the punishment of the killers of the six priests murdered "
    "in Jos.",
    "Rebels vowed to sabotage the elections, which will be held on 11 May and 27 May. Gunmen killed six priests in Jos.",
])
def test_a_plan_s_day_dates_no_incident(text: str) -> None:
    (ev,) = events(text)
    assert ev.date is None and ev.killed.best == 6


@pytest.mark.parametrize("telling", ["made official statements", "testified"])
def test_a_day_of_testimony_does_not_date_the_murder_it_is_about(telling: str) -> None:
    (ev,) = events(f"Yesterday the director {telling} before the court regarding the murder of six "
                   "priests. The priests were killed on 2 May.")
    assert ev.date == "2019-05-02" and ev.killed.best == 6


def test_a_day_after_the_report_dates_no_incident() -> None:
    (ev,) = events("Gunmen killed a judge in Jos. Judges will strike next week to protest the murder of the judge.")
    assert ev.date is None and ev.killed.best == 1


@pytest.mark.parametrize(
    "text, date",
    [
        # the day of the report first, a calendar day nearer the attack word: the calendar day
        ("Judges today began stoppages to protest the assassination of judge Mariela Espinosa on the evening of "
         "5 May in Medellin.", "2019-05-05"),
        ("Gunmen killed two farmers in Jos on Monday.", "2019-05-06"),
        # two calendar days: the first, as a list or a range starts there
        ("On 5 and 6 May, troops carried out a raid in Hajin and killed two militants.", "2019-05-05"),
        # an attack told with the report's day keeps it
        ("Gunmen killed two farmers in Jos today, a week after the attack of 1 May.", "2019-05-08"),
        # the report's day, then an earlier day after the attack word: the earlier day
        ("The refugee centre in Jos was evacuated today because it was hit by a rocket last night.", "2019-05-07"),
        # ... not when the first day owns the attack, nor for the day a state began
        ("This morning's bombing in Jos followed last Thursday's in Kano.", "2019-05-08"),
        ("The air force today resumed its bombing of Jos, where rebels have held out since Saturday.", "2019-05-08"),
    ],
)
def test_a_sentence_with_two_dates_gives_its_incident_the_one_nearest_the_attack(text: str, date: str) -> None:
    assert [e.date for e in events(text)] == [date]
