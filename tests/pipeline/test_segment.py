"""Segmentation: datelines, headings, list items, paragraphs and sentences with true offsets."""

from __future__ import annotations

import pytest

from incidex.pipeline.segment import find_dateline, segment, split_sentences


@pytest.mark.parametrize(
    "text, place, date",
    [
        ("KANO, Nigeria, May 4 (Wire) - Gunmen attacked a market.", "KANO", "May 4"),
        ("SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- THE ARMED FORCES REPORTED", "SAN SALVADOR", "3 JAN 90"),
        ("DEV-MUC3-0001 (NOSC)\n\n   BOGOTA, 12 APR 90 (INRAVISION) -- [REPORT]", "BOGOTA", "12 APR 90"),
        ("MOGADISHU (AP) — A car bomb exploded", "MOGADISHU", None),
        ("Peshawar, June 3, 2017 - A bomb exploded", "Peshawar", "June 3, 2017"),
        # a bracketed country belongs to the place ("MADRID (SPAIN), 19 NOV 89 --")
        ("MADRID (SPAIN), 19 NOV 89 (DOMESTIC SERVICE) -- [TEXT] THE BODIES", "MADRID (SPAIN)", "19 NOV 89"),
        ("NO CITY (EL SALVADOR), 5 FEB 89 (FBIS) -- [EDITORIAL REPORT]", "NO CITY (EL SALVADOR)", "5 FEB 89"),
        # the dash on the next line, after a long source name
        ("BRASILIA (BRAZIL), 26 MAY 89 (RADIO NACIONAL DA AMAZONIA NETWORK) \n-- [TEXT] THE EMBASSY",
         "BRASILIA (BRAZIL)", "26 MAY 89"),
    ],
)
def test_datelines_give_place_and_date_words(text, place, date):
    dl = find_dateline(text)
    assert dl is not None
    assert dl.place.text == place and text[dl.place.start:dl.place.end] == place
    assert (dl.date.text if dl.date else None) == date


@pytest.mark.parametrize("text", ["A bomb exploded in Kabul, officials said.", "Gunmen, who fled - police said"])
def test_prose_is_not_a_dateline(text):
    assert find_dateline(text) is None


def test_headings_start_sections_and_dated_lines_are_items():
    text = "NORTH REGION\n12/05 - Gunmen ambushed a patrol; 2 KIA.\n13/05 - IED strike near the town.\n\nEast Province\n- A market was shelled.\n"
    seg = segment(text)
    assert [s.heading.text for s in seg.sections] == ["NORTH REGION", "East Province"]
    assert [len(s.blocks) for s in seg.sections] == [2, 1]
    assert all(b.is_item for s in seg.sections for b in s.blocks)


def test_a_wrapped_item_runs_on_to_its_next_line():
    prose = ("THE FMLN REPORTED THE FOLLOWING ACTIONS CARRIED OUT BY ITS UNITS IN THE EAST\n"
             "OF THE COUNTRY DURING THE PAST WEEK, WITH THE TOLL IT SAYS THEY CAUSED:\n\n")
    items = ("   6.  URBAN COMMANDOS SABOTAGED PYLONS AND TRANSFORMERS IN THE CITY OF SAN\n"
             "MIGUEL.\n\n"
             "   7.  A POLICE POST IN BERLIN WAS ATTACKED.\n"
             "   8.  A BRIDGE NEAR THE TOWN WAS DAMAGED.\n\n")
    text = prose + items + prose
    blocks = [b for s in segment(text).sections for b in s.blocks if b.is_item]
    assert [text[b.start:b.end].split("  ", 1)[1].replace("\n", " ") for b in blocks] == [
        "URBAN COMMANDOS SABOTAGED PYLONS AND TRANSFORMERS IN THE CITY OF SAN MIGUEL.",
        "A POLICE POST IN BERLIN WAS ATTACKED.", "A BRIDGE NEAR THE TOWN WAS DAMAGED."]


def test_wrapped_lines_join_into_one_paragraph():
    text = "THE ARMY REPORTED THAT ABOUT 50 PEASANTS HAVE BEEN KIDNAPPED\nBY TERRORISTS IN SAN MIGUEL DEPARTMENT.  THE SOURCE ADDED\nTHAT THEY WERE TAKEN AWAY.\n"
    seg = segment(text)
    assert len(seg.sections) == 1 and len(seg.sections[0].blocks) == 1
    assert len(seg.sections[0].blocks[0].sentences) == 2


@pytest.mark.parametrize(
    "text, n",
    [
        ("Gen. Ali said U.S. forces were not involved. A second blast hit Mosul.", 2),
        ("the army denied it.    a report said guerrillas attacked the farm.", 2),
        ("He said: 'We will rebuild.' The mayor agreed.", 2),
        ("Lt. Col. Omar and Dr. Hassan were wounded at 3 p.m. near the St. Mary church.", 1),
        ("Attack in No. 4 camp. 12 killed.", 2),
    ],
)
def test_sentences_split_on_ends_not_abbreviations(text, n):
    pieces = split_sentences(text, 0, len(text))
    assert len(pieces) == n
    assert all(text[p.start:p.end] == p.text for p in pieces)


def test_the_dateline_line_continues_the_lead_not_a_heading():
    text = "   LIMA, 3 JUN 89 (EFE) -- [TEXT] AT LEAST SEVEN PERUVIAN PRESIDENTIAL\nGUARDS WERE KILLED TODAY IN AN ATTACK\nIN DOWNTOWN LIMA.\n"
    seg = segment(text)
    assert all(s.heading is None for s in seg.sections)
    assert len(seg.sentences()) == 1 and seg.sentences()[0].text.endswith("IN DOWNTOWN LIMA.")


@pytest.mark.parametrize("text", ["WILAYAT AL-KHAYR\nOn the 3rd of Safar, the fighters attacked a post.", "KANO-BASED traders said"])
def test_a_hyphen_inside_a_name_is_not_a_dateline_dash(text):
    assert find_dateline(text) is None


def test_a_wrapped_all_caps_line_of_prose_is_no_heading():
    text = ('SAN SALVADOR, 21 JAN 90 (DPA) -- [TEXT] THE ARCHBISHOP SAID HE HAD RECEIVED THREATS.\n\n'
            '   RIVERA Y DAMAS ADMITTED, NEVERTHELESS, THAT GENERALIZED PERSECUTION\n'
            'OF THE CHURCH HAS DIMINISHED, ALTHOUGH IT HAS NOT DISAPPEARED.\n')
    seg = segment(text)
    assert all(sec.heading is None for sec in seg.sections)
    assert any(s.text.startswith("RIVERA Y DAMAS ADMITTED") for s in seg.sentences())


def test_a_paragraph_s_first_line_in_wrapped_text_is_no_heading():
    para = ("THE ARMED FORCES CONDEMNED THE \"TERRORIST ATTACK\" AGAINST THE HOUSE\n"
            "OF THE JUDGE, WHICH WAS DESTROYED BY A BOMB PLACED BY UNIDENTIFIED MEN\n"
            "AT DAWN TODAY, AND SAID THAT THE INVESTIGATION HAD BEEN OPENED AT ONCE.\n\n")
    text = "SAN SALVADOR, 3 JAN 90 (RADIO) -- [TEXT] A BOMB EXPLODED LAST NIGHT IN THE CAPITAL.\n\n" + para * 3
    seg = segment(text)
    assert all(sec.heading is None for sec in seg.sections)


def test_a_short_heading_in_a_bulletin_is_still_a_heading():
    text = ("SECURITY INCIDENT REPORT - NORTH-EAST NIGERIA\nReporting period: 03/02 - 09/02\n\nBORNO STATE\n"
            "- 03/02 - Monguno LGA: ISWAP fighters attacked a MIL base in Monguno town. 3 MIL KIA, 7 WIA.\n"
            "- 04/02 - Konduga LGA: 2x PBIED detonated near the IDP camp at Dalori. 4 CIV KIA, 12 WIA.\n\n"
            "YOBE STATE\n- 06/02 - Geidam LGA: NSAG raided Geidam town at dusk and looted shops.\n")
    headings = [sec.heading.text for sec in segment(text).sections if sec.heading is not None]
    assert "BORNO STATE" in headings and "YOBE STATE" in headings


@pytest.mark.parametrize(
    "text, town",
    [
        ("[TEXT] MEDELLIN -- A BOMB EXPLODED AT A BANK.", "MEDELLIN"),
        ("[REPORT] [TEXT] SAN PEDRO SULA - GUNMEN KILLED TWO MEN.", "SAN PEDRO SULA"),
        ("[TEXT] THE ARMY SAID -- AS IT OFTEN DOES -- THAT", None),
        ("A BOMB EXPLODED IN MEDELLIN -- POLICE SAID.", None),
    ],
)
def test_a_second_dateline_opening_the_body_is_read(text: str, town: str | None) -> None:
    from incidex.pipeline.segment import inner_dateline

    found = inner_dateline(text)
    assert (found.text if found else None) == town
    if found:
        assert text[found.start:found.end] == found.text
