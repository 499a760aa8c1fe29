"""DATES stage: one row per phrase, across the three genres (wire, bulletin, claims) and
MUC-4's all-caps style. Each row names the words that must be found and the date they mean.

All phrases are written for these tests. References: wire and claims reports dated
2017-06-14 (a Wednesday) and 2017-08-01 (9 Dhu al-Qa'dah 1438), bulletins 2017-05-20, MUC-4
style texts 1989-11-15 (a Wednesday). Hijri month starts used below are Umm al-Qura's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources

import pytest

from incidex.pipeline.dates import find_dates, infer_day_first, parse_dateline

D = date.fromisoformat
WIRE = D("2017-06-14")  # Wednesday
CLAIMS = D("2017-08-01")  # 1438-11-09
BULLETIN = D("2017-05-20")
MUC = D("1989-11-15")  # Wednesday
IN_FORCE = D("2017-06-10")


@dataclass(frozen=True)
class Row:
    text: str
    matched: str
    value: str | None
    end: str | None = None
    precision: int = 1
    kind: str = "absolute"
    calendar: str = "gregorian"
    ref: date | None = WIRE
    in_force: date | None = None
    day_first: bool | None = None

    def __str__(self) -> str:  # readable test ids
        return self.text


def r(text: str, matched: str, value: str | None, end: str | None = None, prec: int = 1, **kw) -> Row:
    return Row(text, matched, value, end, prec, **kw)


def rel(text: str, matched: str, value: str | None, end: str | None = None, prec: int = 1, **kw) -> Row:
    return Row(text, matched, value, end, prec, kind="relative", **kw)


def ana(text: str, matched: str, value: str | None, prec: int = 1, in_force: date | None = IN_FORCE) -> Row:
    return Row(text, matched, value, None, prec, kind="anaphoric", in_force=in_force)


def hij(text: str, matched: str, value: str | None, end: str | None = None, prec: int = 1, **kw) -> Row:
    kw.setdefault("ref", CLAIMS)
    return Row(text, matched, value, end, prec, calendar="hijri", **kw)


WIRE_ROWS = [
    # weekdays: the most recent one on or before the reference (Wednesday 14 June 2017)
    rel("A suicide bomber killed 12 people on Tuesday, officials said.", "Tuesday", "2017-06-13"),
    rel("Gunmen stormed the checkpoint late on Tuesday.", "late on Tuesday", "2017-06-13"),
    rel("The convoy was hit Tuesday night near the border.", "Tuesday night", "2017-06-13"),
    rel("Police said the blast happened on Wednesday.", "Wednesday", "2017-06-14"),
    rel("The market was shelled last Wednesday.", "last Wednesday", "2017-06-07"),
    rel("Clashes broke out on Thursday in the old city.", "Thursday", "2017-06-08"),
    rel("Talks will resume next Monday.", "next Monday", "2017-06-19"),
    rel("The curfew ends this Friday.", "this Friday", "2017-06-09"),
    rel("Fighters attacked the base overnight Saturday.", "overnight Saturday", "2017-06-10"),
    rel("The ambush took place early Sunday.", "early Sunday", "2017-06-11"),
    rel("Friday's attack killed nine.", "Friday", "2017-06-09"),
    rel("A car bomb exploded on Monday morning outside the ministry.", "Monday morning", "2017-06-12"),
    rel("Militants attacked a school on Saturday afternoon.", "Saturday afternoon", "2017-06-10"),
    rel("TWO POLICEMEN WERE KILLED ON SUNDAY.", "SUNDAY", "2017-06-11"),
    rel("The governor said on tuesday that the road was closed.", "tuesday", "2017-06-13"),
    # days from the reference
    rel("Three soldiers were killed yesterday.", "yesterday", "2017-06-13"),
    rel("The bodies were found yesterday afternoon.", "yesterday afternoon", "2017-06-13"),
    rel("Rebels shelled the town late yesterday.", "late yesterday", "2017-06-13"),
    rel("The attack took place the day before yesterday.", "the day before yesterday", "2017-06-12"),
    rel("A roadside bomb killed two today.", "today", "2017-06-14"),
    rel("Earlier today, a mortar hit the airport.", "Earlier today", "2017-06-14"),
    rel("The patrol was ambushed this morning.", "this morning", "2017-06-14"),
    rel("Shooting was heard early this morning.", "early this morning", "2017-06-14"),
    rel("A curfew begins this evening.", "this evening", "2017-06-14"),
    rel("Troops will be deployed tonight.", "tonight", "2017-06-14"),
    rel("Gunmen attacked a bus last night.", "last night", "2017-06-13"),
    rel("The explosion was heard late last night.", "late last night", "2017-06-13"),
    rel("Airstrikes overnight killed 14 fighters.", "overnight", "2017-06-13"),
    rel("The prisoners escaped two days ago.", "two days ago", "2017-06-12"),
    rel("He was abducted 3 days ago.", "3 days ago", "2017-06-11"),
    rel("The town fell a week ago.", "a week ago", "2017-06-07", prec=3),
    rel("The offensive began two weeks ago.", "two weeks ago", "2017-05-31", prec=3),
    rel("The camp was shelled a month ago.", "a month ago", "2017-05-14", prec=4),
    rel("The bridge was blown up a year ago.", "a year ago", "2016-06-14", prec=5),
    rel("They were seized a few days ago.", "a few days ago", "2017-06-08", "2017-06-12", 2),
    rel("A few minutes ago a second blast was heard.", "A few minutes ago", "2017-06-14"),
    rel("Two engineers were kidnapped in the past few hours.", "the past few hours", "2017-06-14"),
    rel("A judge was shot dead in the last few hours near the city.", "the last few hours", "2017-06-14"),
    rel("The army retook the bridge in recent hours.", "recent hours", "2017-06-14"),
    rel("Right now heavy gunfire is heard near the presidential residence.", "Right now", "2017-06-14"),
    # periods around the reference
    rel("At least 40 died in fighting last week.", "last week", "2017-06-05", "2017-06-11", 3),
    rel("The village was attacked earlier this week.", "earlier this week", "2017-06-12", "2017-06-14", 3),
    rel("Four bombings this week killed 30.", "this week", "2017-06-12", "2017-06-14", 3),
    rel("The group seized the district last month.", "last month", "2017-05-01", "2017-05-31", 4),
    rel("Earlier this month gunmen killed a judge.", "Earlier this month", "2017-06-01", "2017-06-14", 4),
    rel("More than 300 were killed last year.", "last year", "2016-01-01", "2016-12-31", 5),
    rel("Attacks rose earlier this year.", "earlier this year", "2017-01-01", "2017-06-14", 5),
    rel("Seven were killed over the weekend.", "the weekend", "2017-06-10", "2017-06-11", 2),
    rel("Clashes last weekend left 5 dead.", "last weekend", "2017-06-10", "2017-06-11", 2),
    rel("In the past week, 60 people died.", "the past week", "2017-06-08", "2017-06-14", 3),
    rel("In the past 24 hours, two bombs exploded.", "the past 24 hours", "2017-06-13", "2017-06-14", 2),
    rel("Elections are due next week.", "next week", "2017-06-19", "2017-06-25", 3),
    # day of the reference month
    rel("The checkpoint was attacked on the 9th.", "the 9th", "2017-06-09"),
    rel("The convoy was hit on the 20th, police said.", "the 20th", "2017-05-20"),
    rel("The 9th of this month saw heavy fighting.", "The 9th of this month", "2017-06-09"),
    rel("It began on the 20th of last month.", "the 20th of last month", "2017-05-20"),
    # absolute dates
    r("Gunmen attacked the base on June 3.", "June 3", "2017-06-03"),
    r("The raid took place on June 3rd.", "June 3rd", "2017-06-03"),
    r("On 3 June 2017 a bomb hit the market.", "3 June 2017", "2017-06-03"),
    r("On 3 June 2017 gunmen attacked the market.", "3 June 2017", "2017-06-03"),
    r("The blast on June 3, 2017 killed 12.", "June 3, 2017", "2017-06-03"),
    r("It happened on Saturday, June 3, 2017.", "Saturday, June 3, 2017", "2017-06-03"),
    r("Fighting resumed on Tuesday 6 June.", "Tuesday 6 June", "2017-06-06"),
    r("The town was retaken on June 20.", "June 20", "2016-06-20"),
    r("The attack of 3 June 2016 was claimed later.", "3 June 2016", "2016-06-03"),
    r("The June 3 attack was the deadliest.", "June 3", "2017-06-03"),
    r("It was seized on the 3rd of June.", "the 3rd of June", "2017-06-03"),
    r("The ceasefire collapsed on Sept. 11.", "Sept. 11", "2016-09-11"),
    r("Talks failed on Jan. 5.", "Jan. 5", "2017-01-05"),
    r("Dec 22 (AFP) - Gunmen killed two.", "Dec 22", "2016-12-22"),
    r("The report of 14 Mar said 12 died.", "14 Mar", "2017-03-14"),
    r("Fighting on 12 February 2015 killed 20.", "12 February 2015", "2015-02-12"),
    r("Unrest since 1 May, 2017 has killed 40.", "1 May, 2017", "2017-05-01"),
    r("The bombing of June 3 last year killed 9.", "June 3 last year", "2016-06-03"),
    # ranges
    r("Fighting from 3-6 June left 40 dead.", "3-6 June", "2017-06-03", "2017-06-06", 2),
    r("Clashes on June 3-6, 2017 killed 11.", "June 3-6, 2017", "2017-06-03", "2017-06-06", 2),
    r("Between 3 and 6 June, 30 were killed.", "3 and 6 June", "2017-06-03", "2017-06-06", 2),
    r("The siege lasted from 30 May to 2 June.", "30 May to 2 June", "2017-05-30", "2017-06-02", 2),
    r("Between June 1 and June 7, 50 died.", "June 1 and June 7", "2017-06-01", "2017-06-07", 3),
    r("Between June 3 and 6 the town was shelled.", "June 3 and 6", "2017-06-03", "2017-06-06", 2),
    r("From 28 December 2016 to 2 January 2017 the city was besieged.",
      "28 December 2016 to 2 January 2017", "2016-12-28", "2017-01-02", 2),
    r("The offensive ran 28 May - 30 June.", "28 May - 30 June", "2017-05-28", "2017-06-30", 5),
    r("Fighting from the 3rd to the 6th of June left 8 dead.", "the 3rd to the 6th of June", "2017-06-03", "2017-06-06", 2),
    # parts of a month (ten-day windows: precision 4 by UCDP's span rule; a week: 3)
    r("The offensive began in early June.", "early June", "2017-06-01", "2017-06-10", 4),
    r("Clashes in mid-June killed 20.", "mid-June", "2017-06-11", "2017-06-20", 4),
    r("The town fell in late May.", "late May", "2017-05-21", "2017-05-31", 4),
    r("At the end of May the army withdrew.", "the end of May", "2017-05-21", "2017-05-31", 4),
    r("In the first week of May, 12 died.", "the first week of May", "2017-05-01", "2017-05-07", 3),
    r("In the second half of May attacks rose.", "the second half of May", "2017-05-16", "2017-05-31", 4),
    r("The base was attacked in mid June 2016.", "mid June 2016", "2016-06-11", "2016-06-20", 4),
    # months
    r("The group took the town in June.", "June", "2017-06-01", "2017-06-30", 4),
    r("Gunmen struck twice in May.", "May", "2017-05-01", "2017-05-31", 4),
    r("The dam was seized in July.", "July", "2016-07-01", "2016-07-31", 4),
    r("During August the roads were closed.", "August", "2016-08-01", "2016-08-31", 4),
    r("The leader was killed last March.", "last March", "2017-03-01", "2017-03-31", 4),
    r("The camp was built in June 2016.", "June 2016", "2016-06-01", "2016-06-30", 4),
    r("They were arrested in June last year.", "June last year", "2016-06-01", "2016-06-30", 4),
    r("The killings in March of 2015 were investigated.", "March of 2015", "2015-03-01", "2015-03-31", 4),
    r("In March 15 people died in raids.", "March", "2017-03-01", "2017-03-31", 4),
    r("Between April and May 2016 the city was besieged.", "April and May 2016", "2016-04-01", "2016-05-31", 5),
    r("From June to August 2016 the road was closed.", "June to August 2016", "2016-06-01", "2016-08-31", 5),
    # years
    r("The group was founded in 2016.", "2016", "2016-01-01", "2016-12-31", 5),
    r("During 2015 attacks doubled.", "2015", "2015-01-01", "2015-12-31", 5),
    r("By mid-2016 the group held the valley.", "mid-2016", "2016-05-01", "2016-08-31", 5),
    r("The insurgency grew in early 2017.", "early 2017", "2017-01-01", "2017-04-30", 5),
    r("The base was abandoned in late 2016.", "late 2016", "2016-09-01", "2016-12-31", 5),
    r("In the first half of 2016, 200 died.", "the first half of 2016", "2016-01-01", "2016-06-30", 5),
    r("Between 2014 and 2016 the group grew.", "2014 and 2016", "2014-01-01", "2016-12-31", 5),
    r("From 2015 to 2017 the valley was contested.", "2015 to 2017", "2015-01-01", "2017-12-31", 5),
    # numeric
    r("Report of 2017-06-03: two killed.", "2017-06-03", "2017-06-03"),
    r("Incident date 03/06/2017, two killed.", "03/06/2017", "2017-06-03"),
    r("Incident date 03/06/2017, two killed.", "03/06/2017", "2017-03-06", day_first=False),
    r("Incident date 06/25/2017, two killed.", "06/25/2017", "2017-06-25", day_first=True),
    r("Clash on 25.12.2016 near the border.", "25.12.2016", "2016-12-25"),
    r("Kashmir shelling kills three [Corrected 07/31/02]", "07/31/02", "2002-07-31"),
    # a Hijri month in wire copy
    hij("The attacks during Ramadan killed 80.", "Ramadan", "2017-05-27", "2017-06-24", 4, ref=WIRE),
    hij("Fighting paused for the holy month of Ramadan.", "Ramadan", "2017-05-27", "2017-06-24", 4, ref=WIRE),
]

ANAPHORIC_ROWS = [
    ana("A second bomb went off the same day.", "the same day", "2017-06-10"),
    ana("The next day, troops retook the town.", "The next day", "2017-06-11"),
    ana("He died of his wounds the following day.", "the following day", "2017-06-11"),
    ana("Two days later, the group claimed it.", "Two days later", "2017-06-12"),
    ana("That night, rebels shelled the camp.", "That night", "2017-06-10"),
    ana("The convoy had left the previous day.", "the previous day", "2017-06-09"),
    ana("The day before, gunmen had robbed a bank.", "The day before", "2017-06-09"),
    ana("Hours later, a second device exploded.", "Hours later", "2017-06-10"),
    ana("Later that day the toll rose to 15.", "Later that day", "2017-06-10"),
    ana("The following morning the bodies were found.", "The following morning", "2017-06-11"),
    ana("Three days earlier, a patrol was ambushed.", "Three days earlier", "2017-06-07"),
    ana("A week later, a bus was bombed.", "A week later", "2017-06-17", prec=3),
    ana("The next day, troops retook the town.", "The next day", None, in_force=None),
    ana("That same night the police station was attacked.", "That same night", "2017-06-10"),
]

NO_REFERENCE_ROWS = [
    rel("Three soldiers were killed yesterday.", "yesterday", None, ref=None),
    rel("Gunmen attacked the base on Tuesday.", "Tuesday", None, ref=None),
    rel("Clashes last week left 9 dead.", "last week", None, prec=3, ref=None),
    r("The town fell on 3 June.", "3 June", None, ref=None),
    r("The town fell in June.", "June", None, prec=4, ref=None),
    r("The town fell on 3 June 2017.", "3 June 2017", "2017-06-03", ref=None),
    hij("On the 3rd of Dhul-Qa'dah, the fighters attacked.", "the 3rd of Dhul-Qa'dah", None, ref=None),
]

BULLETIN_ROWS = [
    r("12/05 - Unidentified gunmen ambushed a gendarmerie patrol; 2 GEND KIA, 3 WIA.", "12/05", "2017-05-12",
      ref=BULLETIN),
    r("13/05 - IED strike on a military convoy. No casualties reported.", "13/05", "2017-05-13", ref=BULLETIN),
    r("- 14/05: Kidnapping of 4 traders.", "14/05", "2017-05-14", ref=BULLETIN),
    r("• 03/05 Armed robbery on the main road.", "03/05", "2017-05-03", ref=BULLETIN),
    r("On 12/05 gunmen burned a school.", "12/05", "2017-05-12", ref=BULLETIN),
    r("12/05 - IED found near the market.", "12/05", "2016-12-05", ref=BULLETIN, day_first=False),
    r("05/14 - Ambush on a police patrol.", "05/14", "2017-05-14", ref=BULLETIN),
    r("14/05/2017 - Suicide attack on a mosque, 6 KIA.", "14/05/2017", "2017-05-14", ref=BULLETIN),
    r("2017-05-14: Mortar fire on the camp.", "2017-05-14", "2017-05-14", ref=BULLETIN),
    r("14 Mar: IED strike on a supply convoy, 1 KIA.", "14 Mar", "2017-03-14", ref=BULLETIN),
    r("14 MAY 17 - Rocket attack on the airport.", "14 MAY 17", "2017-05-14", ref=BULLETIN),
    r("WEEK 19 (8-14 MAY)", "8-14 MAY", "2017-05-08", "2017-05-14", 3, ref=BULLETIN),
    r("REPORTING PERIOD: 1-15 May 2017", "1-15 May 2017", "2017-05-01", "2017-05-15", 4, ref=BULLETIN),
    r("FAR NORTH REGION, 12-13 May", "12-13 May", "2017-05-12", "2017-05-13", 2, ref=BULLETIN),
    r("Mon 15 May - Clash between herders, 3 KIA.", "15 May", "2017-05-15", ref=BULLETIN),
    rel("Update: the patrol was attacked again yesterday.", "yesterday", "2017-05-19", ref=BULLETIN),
]

CLAIMS_ROWS = [
    hij("On the 3rd of Dhul-Qa'dah, the fighters targeted a gathering of soldiers.", "the 3rd of Dhul-Qa'dah",
        "2017-07-26"),
    hij("On the 5th of Dhul Qadah, a patrol was sniped.", "the 5th of Dhul Qadah", "2017-07-28"),
    hij("Dhul-Qa'dah 3: an armoured vehicle was destroyed.", "Dhul-Qa'dah 3", "2017-07-26"),
    hij("On the 9th of Safar the base was shelled.", "the 9th of Safar", "2016-11-09"),
    hij("On 9 Safar 1439 the base was shelled.", "9 Safar 1439", "2017-10-29"),
    hij("On the 21st of Jumada al-Ula a convoy was hit.", "the 21st of Jumada al-Ula", "2017-02-18"),
    hij("On the 12th of Dhul-Hijjah a checkpoint was stormed.", "the 12th of Dhul-Hijjah", "2016-09-13"),
    hij("On the 10th of Muharram 1439 the camp was raided.", "the 10th of Muharram 1439", "2017-09-30"),
    hij("The 2nd of Rajab saw four operations.", "The 2nd of Rajab", "2017-03-30"),
    hij("On the first day of Ramadan, a barracks was attacked.", "the first day of Ramadan", "2017-05-27"),
    hij("Operations during Ramadan numbered 40.", "Ramadan", "2017-05-27", "2017-06-24", 4),
    hij("Operations in Ramadan 2016 numbered 30.", "Ramadan 2016", "2016-06-06", "2016-07-05", 4),
    hij("Attacks in Ramadan 1438 rose.", "Ramadan 1438", "2017-05-27", "2017-06-24", 4),
    hij("In the last ten days of Ramadan, 12 attacks.", "the last ten days of Ramadan", "2017-06-15", "2017-06-24", 4),
    hij("Attacks peaked in mid-Ramadan.", "mid-Ramadan", "2017-06-06", "2017-06-15", 4),
    hij("In early Shawwal the fighters withdrew.", "early Shawwal", "2017-06-25", "2017-07-04", 4),
    hij("From the 3rd to the 6th of Dhul-Qa'dah, 9 operations.", "the 3rd to the 6th of Dhul-Qa'dah",
        "2017-07-26", "2017-07-29", 2),
    hij("Statistics for the year 1438 AH.", "1438 AH", "2016-10-02", "2017-09-20", 5),
    hij("Harvest of the year AH 1438.", "AH 1438", "2016-10-02", "2017-09-20", 5),
    hij("On the 30th of Safar a post was overrun.", "the 30th of Safar", "2016-11-30"),
    hij("On 9 Safar 1200 the fort fell.", "9 Safar 1200", None),
    hij("On 15 Sha'ban 1600 a raid took place.", "15 Sha'ban 1600", None),
    hij("The year 1200 AH is out of range.", "1200 AH", None, prec=5),
    rel("On the 5th, the fighters sniped a soldier.", "the 5th", "2017-07-05", ref=CLAIMS),
]

# Every spelling in the issue, as "On the 2nd of <month>" in a report of 2017-08-01 (1438-11-09):
# months up to Dhu al-Qa'dah fall in 1438, Dhu al-Hijjah in 1437.
_MONTH_START = {1: "2016-10-02", 2: "2016-11-01", 3: "2016-11-30", 4: "2016-12-30", 5: "2017-01-29",
                6: "2017-02-28", 7: "2017-03-29", 8: "2017-04-27", 9: "2017-05-27", 10: "2017-06-25",
                11: "2017-07-24", 12: "2016-09-02"}
_SPELLINGS = {
    1: ["Muharram", "Moharram"],
    2: ["Safar", "Saphar"],
    3: ["Rabi al-Awwal", "Rabi' al-Awwal", "Rabi' I", "Rabiul Awal", "Rabee al-Awwal"],
    4: ["Rabi al-Thani", "Rabi al-Akhir", "Rabi' II", "Rabi al-Akhar", "Rabiul Akhir"],
    5: ["Jumada al-Ula", "Jumada al-Awwal", "Jumada I", "Jumadal Ula"],
    6: ["Jumada al-Akhirah", "Jumada al-Thani", "Jumada al-Akhira", "Jumada II"],
    7: ["Rajab"],
    8: ["Sha'ban", "Shaban", "Shaaban"],
    9: ["Ramadan", "Ramazan", "Ramadhan"],
    10: ["Shawwal", "Shawal"],
    11: ["Dhul-Qa'dah", "Dhu al-Qadah", "Dhu'l-Qi'dah", "Zul Qadah", "Dhul Qidah"],
    12: ["Dhul-Hijjah", "Dhu al-Hijjah", "Zul Hijjah", "Dhul Hijja"],
}
SPELLING_ROWS = [
    hij(f"On the 2nd of {name}, the fighters attacked.", f"the 2nd of {name}",
        (D(_MONTH_START[month]) + timedelta(days=1)).isoformat())
    for month, names in _SPELLINGS.items() for name in names
]

MUC_ROWS = [
    r("SAN SALVADOR, 3 JAN 90 -- [REPORT] THE ARMY REPORTED", "3 JAN 90", "1990-01-03", ref=MUC),
    r("THE MASS KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN LUIS.", "30 DECEMBER", "1988-12-30", ref=MUC),
    r("THE ATTACK OCCURRED ON JANUARY 12, 1990.", "JANUARY 12, 1990", "1990-01-12", ref=MUC),
    rel("ONE EXTREMIST WAS KILLED DURING A CLASH YESTERDAY AFTERNOON.", "YESTERDAY AFTERNOON", "1989-11-14", ref=MUC),
    rel("NATIONAL GUARD UNITS THIS MORNING REPELLED A TERRORIST ATTACK.", "THIS MORNING", "1989-11-15", ref=MUC),
    r("ON 3 MAY GUERRILLAS ATTACKED THE POST.", "3 MAY", "1989-05-03", ref=MUC),
    r("CIVILIANS INVOLVED IN THE ABORTIVE 11 MAY COUP WERE TRIED.", "11 MAY", "1989-05-11", ref=MUC),
    r("THE OFFENSIVE STARTED IN MID-JULY.", "MID-JULY", "1989-07-11", "1989-07-20", 4, ref=MUC),
    rel("A BOMB EXPLODED LAST NIGHT AT THE EMBASSY.", "LAST NIGHT", "1989-11-14", ref=MUC),
    r("ON FRIDAY, 11 AUGUST, THE GOVERNMENT ORDERED ARRESTS.", "FRIDAY, 11 AUGUST", "1989-08-11", ref=MUC),
    r("INCIDENT: DATE - 13 SEP 89 - 14 SEP 89", "13 SEP 89 - 14 SEP 89", "1989-09-13", "1989-09-14", 2, ref=MUC),
    r("WAS USED FOR THREE TRIPS BETWEEN APRIL AND MAY 1989.", "APRIL AND MAY 1989", "1989-04-01", "1989-05-31", 5,
      ref=MUC),
    r("THE GROUP BEGAN ITS ARMED STRUGGLE IN 1980.", "1980", "1980-01-01", "1980-12-31", 5, ref=MUC),
    rel("A FEW MINUTES AGO A CAR BOMB WAS DETONATED.", "A FEW MINUTES AGO", "1989-11-15", ref=MUC),
    rel("THE ENGINEERS WERE KIDNAPPED 3 MONTHS AGO.", "3 MONTHS AGO", "1989-08-15", prec=4, ref=MUC),
    rel("THE MASSACRE WAS IN REPRISAL FOR LAST FRIDAY'S AMBUSH.", "LAST FRIDAY", "1989-11-10", ref=MUC),
    rel("THE DELEGATION ARRIVED ON SATURDAY TO INSPECT THE AREA.", "SATURDAY", "1989-11-11", ref=MUC),
    r("THE JESUITS MURDERED ON 16 NOVEMBER.", "16 NOVEMBER", "1989-11-16", ref=D("1989-11-20")),
    r("the patrol was returning to its community on 17 august, when troops fired.", "17 august", "1989-08-17", ref=MUC),
    r("on 5 january this year, the united states acted.", "5 january this year", "1989-01-05", ref=MUC),
    r("she joined the erp last march and was captured.", "last march", "1989-03-01", "1989-03-31", 4, ref=MUC),
    r("THE 22 JANUARY EDITION OF THE DAILY REPORTED IT.", "THE 22 JANUARY", "1989-01-22", ref=MUC),
]

ALL_ROWS = WIRE_ROWS + ANAPHORIC_ROWS + NO_REFERENCE_ROWS + BULLETIN_ROWS + CLAIMS_ROWS + SPELLING_ROWS + MUC_ROWS

NEGATIVES = [
    "They may be released soon.",
    "the 10 may have died in the attack.",
    "THE 10 MAY HAVE DIED IN THE ATTACK.",
    "IN MAY THE ARMY ATTACKED.",
    "He may return to the capital.",
    "Thousands joined a march on the capital.",
    "They will march to the square.",
    "Jan Egeland said aid was blocked.",
    "The Mar Elias church was damaged.",
    "Sun Yat-sen avenue was closed.",
    "The 2nd Brigade moved north.",
    "Troops of Brigade 93 were deployed.",
    "The council passed Resolution 2017 unanimously.",
    "Attacks have risen since 2015.",
    "The bomb went off at 10:30 near the gate.",
    "Mortar fire at 1400H hit the camp.",
    "On the 14th of the list was a judge.",
    "The fire started on the 9th floor.",
    "The 3rd Infantry Brigade reported the clash.",
    "Gunmen killed 12 and wounded 30.",
    "A 24/7 service was set up.",
    "Officials reported 12/05 casualties.",
    "The Friday Times reported the clash.",
    "Veterans marked Bloody Sunday.",
    "The 19 April Movement denied it.",
    "The March 23 Movement seized the town.",
    "Villagers gather every 21 May.",
    "During 3 and 1/2 years of conflict, many died.",
    "Since 3/4 of the district is held by rebels, aid is slow.",
    "The war of the 1990s displaced millions.",
    "The region has been unstable since the mid-1990s.",
    "Talks broke down the day before the election.",
    "Three days after the attack, aid arrived.",
    "Ramadan Abdullah was arrested.",
    "Rajab Ali was released.",
    "In 2000 soldiers were deployed.",
    "The Tuesdays and Thursdays markets were closed.",
    "The vote was postponed to June.",
    "The August assembly condemned the attack.",
    "He was 45 years old.",
    "THIS MARCH IS ALSO SCHEDULED IN LIMA.",
    "THE LAST MARCH OF THE STRIKERS ENDED PEACEFULLY.",
    "The first of many convoys arrived.",
]

MULTI = [
    ("Gunmen killed 4 police in Mora on Monday and 2 soldiers in Kolofata on Tuesday.", WIRE,
     [("Monday", "2017-06-12"), ("Tuesday", "2017-06-13")]),
    ("Elections will be held on 11 March and 27 May.", WIRE, [("11 March", "2017-03-11"), ("27 May", "2017-05-27")]),
    ("The sessions on 22 and 23 December were cancelled.", WIRE, [("22", "2016-12-22"), ("23 December", "2016-12-23")]),
    ("Raids in August and September left 40 dead.", WIRE, [("August", "2016-08-01"), ("September", "2016-09-01")]),
    ("HERAT, March 3 (Wire) - A bomb killed 12 on Tuesday.", D("2017-03-03"),
     [("March 3", "2017-03-03"), ("Tuesday", "2017-02-28")]),
    ("the priests murdered last friday (17 november) were buried.", D("1989-11-20"),
     [("last friday", "1989-11-17"), ("17 november", "1989-11-17")]),
    ("BETWEEN 2100 ON 4 DECEMBER AND 0200 5 DECEMBER.", MUC, [("4 DECEMBER", "1988-12-04"), ("5 DECEMBER", "1988-12-05")]),
    ("Clashes on June 3 and 4 left 9 dead.", WIRE, [("June 3", "2017-06-03"), ("4", "2017-06-04")]),
    ("İSTANBUL, 3 June 2017 - A bomb exploded on Tuesday.", WIRE, [("3 June 2017", "2017-06-03"), ("Tuesday", "2017-06-13")]),
    ("Fighting on 25/12/2016 and 03/01/2017 displaced hundreds.", WIRE,
     [("25/12/2016", "2016-12-25"), ("03/01/2017", "2017-01-03")]),
]


@pytest.mark.parametrize("row", ALL_ROWS, ids=str)
def test_date_row(row: Row) -> None:
    found = find_dates(row.text, row.ref, row.in_force, row.day_first)
    assert len(found) == 1, [(m.text, m.value) for m in found]
    m = found[0]
    assert m.text == row.matched
    assert row.text[m.start:m.end] == m.text
    assert m.value == (D(row.value) if row.value else None)
    assert m.value_end == (D(row.end) if row.end else None)
    assert m.precision == row.precision
    assert m.calendar == row.calendar
    assert m.kind == row.kind


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_date(text: str) -> None:
    assert find_dates(text, WIRE, IN_FORCE) == []
    assert find_dates(text.upper(), WIRE, IN_FORCE) == []  # MUC-4 style caps


@pytest.mark.parametrize("text,ref,expected", MULTI, ids=[m[0] for m in MULTI])
def test_several_dates_in_order(text: str, ref: date, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text, ref)
    assert [(m.text, m.value.isoformat() if m.value else None) for m in found] == expected
    assert all(text[m.start:m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


DATELINES = [
    ("HERAT, March 3 (Wire) - A suicide bomber killed 12.", D("2017-03-04"), "March 3", "2017-03-03"),
    ("BAGHDAD, 3 June 2017 - A car bomb exploded.", None, "3 June 2017", "2017-06-03"),
    ("LONDON, Dec 31 (Reuters) - Gunmen attacked a club.", D("2018-01-01"), "Dec 31", "2017-12-31"),
    ("KABUL, Afghanistan, Oct. 3 (AP) — A bomb exploded.", D("2017-10-03"), "Oct. 3", "2017-10-03"),
    ("Dec 22 (AFP) - Gunmen killed two policemen.", D("2013-12-23"), "Dec 22", "2013-12-22"),
    ("DEV-MUC3-0001 (NOSC)\n\n   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES]", None, "3 JAN 90", "1990-01-03"),
    ("   BOGOTA, 3 APR 90 (INRAVISION TELEVISION CADENA 1) -- [REPORT]", None, "3 APR 90", "1990-04-03"),
    ("HERAT, March 3 (Wire) - A suicide bomber killed 12.", None, "March 3", None),
]


@pytest.mark.parametrize("text,published,matched,value", DATELINES, ids=[d[0][:30] for d in DATELINES])
def test_dateline(text: str, published: date | None, matched: str, value: str | None) -> None:
    m = parse_dateline(text, published)
    assert m is not None
    assert m.kind == "dateline"
    assert m.text == matched and text[m.start:m.end] == matched
    assert m.value == (D(value) if value else None)


@pytest.mark.parametrize("text", [
    "MOGADISHU (AP) — A suicide bomber killed five.",
    "A bomb exploded on 3 June in Kabul - officials said.",
    "SAN SALVADOR, NO DATE (DOMESTIC SERVICE) -- [SPEECH]",
])
def test_dateline_without_date(text: str) -> None:
    assert parse_dateline(text, D("2017-06-03")) is None


@pytest.mark.parametrize("text,expected", [
    ("12/05 - ambush\n25/05 - IED\n13/05 - raid", True),
    ("Corrected 05/25/2017; corrected 06/13/2017", False),
    ("12/05 - ambush\n11/05 - raid", None),
    ("Fighting on 3-6 June left 40 dead; 2.5 tonnes seized.", None),
    ("25/05 - IED\n05/25 - raid", None),
    ("No numbers here at all.", None),
])
def test_infer_day_first(text: str, expected: bool | None) -> None:
    assert infer_day_first(text) is expected


def test_document_order_decides_ambiguous_numeric_dates() -> None:
    text = "Incident 05/07/03 near the border"
    assert find_dates(text, D("2003-06-01"), day_first=False)[0].value == D("2003-05-07")
    assert find_dates(text, D("2003-08-01"), day_first=True)[0].value == D("2003-07-05")


def test_word_lists_name_their_source() -> None:
    folder = resources.files("incidex").joinpath("lang/en")
    names = [e.name for e in folder.iterdir() if re.fullmatch(r"dates_\w+\.yaml", e.name)]
    assert len(names) >= 3
    for name in names:
        head = folder.joinpath(name).read_text(encoding="utf-8").splitlines()[:6]
        assert any("Source:" in line for line in head), name


def test_table_is_big_enough() -> None:
    assert len(ALL_ROWS) + len(MULTI) >= 150
    assert len(NEGATIVES) >= 25


def test_muc4_dev_datelines(shared_data) -> None:
    """Every dated MUC-4 dev dateline ("BOGOTA, 3 APR 90 (...) --") gives its own date."""
    folder = shared_data / "muc4" / "raw_files" / "muc34" / "TASK" / "CORPORA" / "dev"
    months = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
    checked = 0
    for path in sorted(folder.glob("dev-muc3-*")):
        for doc in re.split(r"\n(?=DEV-MUC3-\d{4})", path.read_text(encoding="latin-1")):
            line = re.search(r"^\s+[A-Z][^\n]*?, (\d{1,2}) ([A-Z]{3}) (8[89]|9[01]) [-(\[]", doc, re.M)
            if not doc.startswith("DEV-MUC3") or line is None:
                continue
            expected = date(1900 + int(line.group(3)), months[line.group(2)], int(line.group(1)))
            m = parse_dateline(doc, None)
            assert m is not None and m.value == expected, doc[:120]
            checked += 1
    assert checked > 1000


@pytest.mark.parametrize(
    "text, phrase, telling",
    [
        ("POLICE SAID TODAY THAT THREE PEASANTS WERE KILLED", "TODAY", True),
        ("Police said on Tuesday that gunmen killed five villagers.", "Tuesday", True),
        ("THE ARMY TODAY ANNOUNCED THE DEATH OF TWO SOLDIERS", "TODAY", True),
        ("The group claimed responsibility on Friday for the bombing.", "Friday", True),
        ("Gunmen killed five villagers on Tuesday, police said.", "Tuesday", False),
        ("A bomb exploded in Kabul on 3 June.", "3 June", False),
        # what or where it was told between the verb and the date
        ("PRESIDENT ALAN GARCIA SAID IN BOGOTA TODAY THAT", "TODAY", True),
        ("President Barco told the international community today that", "today", True),
        ("THE CONTRAS CHARGED IN TEGUCIGALPA TODAY THAT ON 19 FEBRUARY", "TODAY", True),
        ("THE ATTORNEY GENERAL SAID AT NOON TODAY THAT", "TODAY", True),
        ("THE SUPREME COURT TODAY ORDERED AN INQUIRY INTO THE MURDER", "TODAY", True),
        # an incident verb keeps its date, even after a verb of telling
        ("Police said gunmen killed five people in Quetta today.", "today", False),
        ("GUERRILLAS ATTACKED A POST IN SAN MIGUEL TODAY", "TODAY", False),
        # only a verb of saying takes a place between it and the date
        ("SOLDIERS ARRIVED IN CAYARA LAST SATURDAY AND BURNED SEVERAL HOUSES", "LAST SATURDAY", False),
        # a participle that is an adjective before its noun tells nothing
        ("ON 10 MARCH ALLEGED REBELS MURDERED FOUR MEMBERS OF A FAMILY", "10 MARCH", False),
        ("On Sunday suspected militants burned a school.", "Sunday", False),
        ("THE POLICE TODAY ALLEGED THAT THE REBELS KILLED TWO GUARDS", "TODAY", True),
        ("Officials on Monday reported heavy fighting near the town.", "Monday", True),
        # a possessive day belongs to the noun after it
        ("WE HAVE FURTHER REPORTS ON THIS MORNING'S ATTACK ON THE DEPUTY", "THIS MORNING", False),
    ],
)
def test_a_date_of_the_telling_is_told_apart(text: str, phrase: str, telling: bool) -> None:
    from incidex.pipeline.dates import dates_the_telling

    start = text.index(phrase)
    assert dates_the_telling(text, start, start + len(phrase)) is telling


def test_the_day_of_the_report_does_not_date_the_incident() -> None:
    from incidex.pipeline.extract import extract_document
    from incidex.schema import Document

    (ev,) = extract_document(Document(id="t", text="Police said on Tuesday that gunmen had killed five villagers near Gwoza.",
                                      published=date(2019, 5, 8)))
    assert ev.date is None and ev.killed.best == 5


@pytest.mark.parametrize(
    "text, in_force, expected",
    [
        # the day named before it in the sentence, not the date in force
        ("THE DECREES WERE ISSUED ON 18 AUGUST, THE SAME DAY SENATOR GALAN WAS ASSASSINATED.", date(1989, 10, 1),
         "1989-08-18"),
        ("Troops arrived on 3 June and the next day a bomb exploded.", date(1989, 10, 1), "1989-06-04"),
        # nothing before it: the date in force
        ("The same day, gunmen killed two police officers.", date(1989, 10, 1), "1989-10-01"),
    ],
)
def test_an_anaphoric_date_refers_to_the_day_named_before_it_in_its_sentence(text: str, in_force: date,
                                                                             expected: str) -> None:
    found = [d for d in find_dates(text, date(1989, 10, 3), in_force) if d.kind == "anaphoric"]
    assert [d.value.isoformat() for d in found] == [expected]
