"""Counts stage: one row per phrase (conventions.md §2-3).

Every phrase is written for these tests (wire, bulletin, claims and MUC-4 caps styles); none is
copied from a real report. Expected values are (role, low, best, high, qualifier) in text order.
"""

from __future__ import annotations

import pytest

from incidex.pipeline.counts import find_counts, parse_number

K, W, C, P, A = "killed", "wounded", "casualties", "perpetrators_killed", "abducted"
N = None


def ex(role: str, n: int) -> tuple:
    return (role, n, n, n, "exact")


def approx(role: str, n: int) -> tuple:
    return (role, n, n, n, "approx")


def least(role: str, n: int) -> tuple:
    return (role, n, n, N, "at_least")


def most(role: str, n: int) -> tuple:
    return (role, N, n, n, "at_most")


def rng(role: str, lo: int, hi: int) -> tuple:
    return (role, lo, lo, hi, "range")


def vague(role: str, lo: int, hi: int | None) -> tuple:
    return (role, lo, N, hi, "vague")


def none(role: str) -> tuple:
    return (role, 0, 0, 0, "none_reported")


COUNT_ROWS: list[tuple[str, list[tuple]]] = [
    # one death, however qualified, is one killed ("11 murder charges" is no figure: NOT_COUNTS)
    ("THEIR ACTION CAUSED ONE UNFORTUNATE DEATH, INJURIES, AND DAMAGE.", [ex(K, 1)]),
    ("The blast caused one death and three injuries.", [ex(K, 1), ex(W, 3)]),
    # --- headlines: no article, no auxiliary, nationality words as people ---
    ("Pakistani killed by Indian fire in Kashmir.", [ex(K, 1)]),
    ("Five Kashmiris reported killed by Indian shelling.", [ex(K, 5)]),
    ("Gunmen kill senior police official in NW Pakistan", [ex(K, 1)]),
    ("Gunmen kill police officer guarding Shiites in Pakistan", [ex(K, 1)]),
    ("Commander of banned militant group killed in Pakistan tribal area", [ex(K, 1)]),
    ("Policeman guarding polio team shot dead in Pakistan", [ex(K, 1)]),
    ("Noted Pakistani Sufi singer shot dead in Karachi", [ex(K, 1)]),
    ("Abu Sayyaf bandit killed, 3 soldiers hurt in Sulu clash", [ex(K, 1), ex(W, 3)]),
    ("ASG leader, follower killed in Sulu clashes", [ex(K, 2)]),
    ("2 Indian soldiers, Pakistani villager killed in border firing.", [ex(K, 3)]),
    ("No Pakistani soldier killed across LoC - Pakistan.", [none(K)]),
    # --- wire: exact figures, digits and words ---
    ("Gunmen killed four police officers at a checkpoint outside Garowe on Sunday.", [ex(K, 4)]),
    ("Twelve people died when the device went off near a bus stop.", [ex(K, 12)]),
    ("The blast killed 7 people and wounded 19 others.", [ex(K, 7), ex(W, 19)]),
    ("Eleven soldiers were killed in the ambush.", [ex(K, 11)]),
    ("Twenty-three civilians were killed in the raid.", [ex(K, 23)]),
    ("twenty three villagers were killed overnight", [ex(K, 23)]),
    ("Two hundred people were killed in the fighting.", [ex(K, 200)]),
    ("The siege killed 1,200 people over three days.", [ex(K, 1200)]),
    ("One hundred and twenty people were wounded.", [ex(W, 120)]),
    ("A policeman was killed and two others were wounded.", [ex(K, 1), ex(W, 2)]),
    ("The driver died at the scene.", [ex(K, 1)]),
    ("The bomb went off beside a patrol, killing a soldier.", [ex(K, 1)]),
    ("A civilian was wounded by stray fire.", [ex(W, 1)]),
    ("Three soldiers and two civilians were killed.", [ex(K, 5)]),
    ("The attack killed two policemen, a soldier and three civilians.", [ex(K, 6)]),
    ("A mortar round killed a woman and her two children.", [ex(K, 3)]),
    ("A policeman and a passer-by were killed in the crossfire.", [ex(K, 2)]),
    ("The blast killed 12 people including 3 children.", [ex(K, 12)]),
    ("Police said 14 people, among them five women, died in the attack.", [ex(K, 14)]),
    ("12 people, including three children, were killed.", [ex(K, 12)]),
    ("12 people including 3 children were killed", [ex(K, 12)]),
    ("At least 12 people were killed, including 3 children, and 30 others were wounded.", [least(K, 12), ex(W, 30)]),
    ("Five people, among them two women, were wounded, and one of them later died.", [ex(W, 5), ex(K, 1)]),
    ("The soldiers were killed on 3 May when 2 bombs exploded.", []),
    ("Fighting around the town from 3 to 6 May left 40 dead.", [ex(K, 40)]),
    ("Three policemen were among at least 10 people killed.", [least(K, 10)]),
    ("The gunmen killed at least 22 people, including 10 women.", [least(K, 22)]),
    ("Eight people were injured.", [ex(W, 8)]),
    ("Nine people were hurt in the stampede that followed.", [ex(W, 9)]),
    ("Seven people were killed when a car bomb exploded outside a bank.", [ex(K, 7)]),
    ("Gunmen opened fire on a minibus, killing 9 passengers.", [ex(K, 9)]),
    ("An off-duty policeman was gunned down outside his home.", [ex(K, 1)]),
    ("Two U.S. soldiers were killed in the east of the country.", [ex(K, 2)]),
    ("A roadside bomb killed two Afghan soldiers.", [ex(K, 2)]),
    ("Unknown gunmen shot dead a local councillor.", [ex(K, 1)]),
    ("Four members of the security forces were killed.", [ex(K, 4)]),
    ("15 bodies were found in the river.", [ex(K, 15)]),
    ("The bodies of 3 men were recovered from a ditch.", [ex(K, 3)]),
    ("The shooting left one person dead and three others injured.", [ex(K, 1), ex(W, 3)]),
    ("Afghan forces killed 35 Taliban fighters in the operation.", [ex(K, 35)]),
    ("The blast injured 7, two of them seriously.", [ex(W, 7)]),
    ("Two people were killed and three wounded.", [ex(K, 2), ex(W, 3)]),
    ("Six people were killed and 40 others were injured.", [ex(K, 6), ex(W, 40)]),
    ("The attack killed 12 and injured 30.", [ex(K, 12), ex(W, 30)]),
    ("The gunmen killed 3 soldiers and wounded 5.", [ex(K, 3), ex(W, 5)]),
    ("The gunmen killed 3 soldiers before being killed themselves.", [ex(K, 3)]),
    ("The explosion killed a teacher and wounded two pupils.", [ex(K, 1), ex(W, 2)]),
    ("His two sons were killed in the strike.", [ex(K, 2)]),
    ("A 25-year-old man was killed in the shooting.", [ex(K, 1)]),
    ("A man aged 30 was wounded in the leg.", [ex(W, 1)]),
    ("Gunmen killed a 45-year-old shopkeeper.", [ex(K, 1)]),
    ("A man, 30, was killed at the market.", [ex(K, 1)]),
    ("The mayor was assassinated outside the town hall.", [ex(K, 1)]),
    ("Three journalists were murdered last year.", [ex(K, 3)]),
    ("Two soldiers were martyred in the cross-border firing.", [ex(K, 2)]),
    ("15 people lost their lives in the blast.", [ex(K, 15)]),
    ("The blast caused 11 fatalities.", [ex(K, 11)]),
    ("There were 9 deaths.", [ex(K, 9)]),
    ("The bombing claimed 8 lives.", [ex(K, 8)]),
    ("The fire cost 4 lives.", [ex(K, 4)]),
    ("Twelve lives were lost.", [ex(K, 12)]),
    ("The explosion left 5 dead.", [ex(K, 5)]),
    ("The attack left 12 people dead and 30 injured.", [ex(K, 12), ex(W, 30)]),
    ("The ambush left three soldiers dead.", [ex(K, 3)]),
    ("3 killed, 5 injured in the attack", [ex(K, 3), ex(W, 5)]),
    ("The 12 dead included 4 children.", [ex(K, 12)]),
    ("Two policemen were among the dead.", [ex(K, 2)]),
    ("Three children were among 11 people killed.", [ex(K, 11)]),
    ("Twelve were killed, 3 of whom were children.", [ex(K, 12)]),
    ("Five people were wounded, of whom 2 later died.", [ex(W, 5), ex(K, 2)]),
    ("The takeover of the palace claimed the lives of 100 people.", [ex(K, 100)]),
    ("Six priests and two women who worked with them were brutally murdered.", [ex(K, 8)]),
    ("Two children and eight other people (three soldiers and five civilians) were wounded.", [ex(W, 10)]),
    ("Two small children -- aged 4 and 1 -- died in the shelling.", [ex(K, 2)]),
    ("Roberto Diaz, 45, a former mayor, was murdered by gunmen.", [ex(K, 1)]),
    ("The explosion injured one civilian, a street vendor who was passing by.", [ex(W, 1)]),
    ("Only one person, the man who was injured.", [ex(W, 1)]),
    ("The two other wounded nuns were flown home.", [ex(W, 2)]),
    ("The sharpshooter managed to kill 1 person and wound 12 others.", [ex(K, 1), ex(W, 12)]),
    ("Four people were killed and more than 30 were wounded in the attack.", [ex(K, 4), least(W, 30)]),
    ("The attack came after the 16 November assassination of six priests.", [ex(K, 6)]),
    ("The shelling killed 2 women and wounded 9 people, including 4 children.", [ex(K, 2), ex(W, 9)]),
    ("A soldier succumbed to his wounds in hospital.", [ex(K, 1)]),
    ("The attack killed 4 and left 10 others wounded.", [ex(K, 4), ex(W, 10)]),
    ("The gunmen lined up 6 workers and executed them; 6 workers were executed.", [ex(K, 6)]),
    ("Another 3 soldiers died of their wounds.", [ex(K, 3)]),
    ("A total of 17 people were killed.", [ex(K, 17)]),
    ("Only 2 people were hurt.", [ex(W, 2)]),
    ("Both soldiers were killed instantly.", [ex(K, 2)]),
    ("All 14 passengers were killed.", [ex(K, 14)]),
    ("Two of the three hostages were killed.", [ex(K, 2)]),
    ("Three hostages were killed in the rescue attempt.", [ex(K, 3)]),
    ("The kidnappers killed the hostage.", [ex(K, 1)]),
    ("One of the soldiers was killed.", [ex(K, 1)]),
    # --- qualifiers ---
    ("At least 17 people were killed.", [least(K, 17)]),
    ("More than 30 people were wounded.", [least(W, 30)]),
    ("Over 40 people died.", [least(K, 40)]),
    ("Fifty or more people were killed.", [least(K, 50)]),
    ("The clashes killed 25 or more fighters.", [least(K, 25)]),
    ("No fewer than 9 soldiers were killed.", [least(K, 9)]),
    ("The blast killed upwards of 60 people.", [least(K, 60)]),
    ("killing at least 12 people", [least(K, 12)]),
    ("wounding more than 100", [least(W, 100)]),
    ("Nearly 60 people were killed.", [approx(K, 60)]),
    ("About 25 soldiers were wounded.", [approx(W, 25)]),
    ("approximately 80 people died", [approx(K, 80)]),
    ("Some 35 villagers were killed.", [approx(K, 35)]),
    ("around 20 people were injured", [approx(W, 20)]),
    ("roughly 15 fighters were killed", [approx(K, 15)]),
    ("An estimated 300 people died.", [approx(K, 300)]),
    ("Almost 70 people were hurt.", [approx(W, 70)]),
    ("Close to 90 people were killed.", [approx(K, 90)]),
    ("Twenty or so people were wounded.", [approx(W, 20)]),
    ("A dozen people were killed.", [approx(K, 12)]),
    ("Half a dozen soldiers were wounded.", [approx(W, 6)]),
    ("Two dozen people were killed.", [approx(K, 24)]),
    ("At least a dozen people were killed.", [least(K, 12)]),
    ("Up to 17 people may have been killed.", [most(K, 17)]),
    ("As many as 40 people were killed.", [most(K, 40)]),
    ("Fewer than 10 people were hurt.", [most(W, 10)]),
    ("the explosion killed up to 8 people", [most(K, 8)]),
    ("Between 10 and 15 soldiers were killed.", [rng(K, 10, 15)]),
    ("10 to 15 people were wounded", [rng(W, 10, 15)]),
    ("Officials said 20-25 people were killed.", [rng(K, 20, 25)]),
    ("two or three people were hurt", [rng(W, 2, 3)]),
    ("The strike killed between 30 and 40 militants.", [rng(K, 30, 40)]),
    ("Dozens of people were killed.", [vague(K, 24, 99)]),
    ("Scores of people were wounded.", [vague(W, 40, 99)]),
    ("A number of soldiers were killed.", [vague(K, 2, 19)]),
    ("Several policemen were wounded.", [vague(W, 3, 9)]),
    ("Many civilians died.", [vague(K, 5, N)]),
    ("Hundreds of people were killed.", [vague(K, 200, 999)]),
    ("A few people were hurt.", [vague(W, 2, 5)]),
    ("The raid killed several dozen fighters.", [vague(K, 24, 99)]),
    ("The blast killed nearly 50 and wounded scores.", [approx(K, 50), vague(W, 40, 99)]),
    ("Hundreds were wounded.", [vague(W, 200, 999)]),
    ("killing a soldier and wounding others", [ex(K, 1), vague(W, 2, N)]),
    ("Others were wounded.", [vague(W, 2, N)]),
    ("Several others were injured.", [vague(W, 3, 9)]),
    ("Thousands of people were killed in the offensive.", [vague(K, 2000, 9999)]),
    # --- none reported ---
    ("No one was hurt in the blast.", [none(K), none(W)]),
    ("The explosion caused no casualties.", [none(K), none(W)]),
    ("There were no injuries.", [none(K), none(W)]),
    ("The convoy passed without casualties.", [none(K), none(W)]),
    ("No casualties were reported.", [none(K), none(W)]),
    ("No one was killed.", [none(K)]),
    ("No deaths were reported.", [none(K)]),
    ("Nobody was injured.", [none(K), none(W)]),
    ("No one was killed or injured.", [none(K), none(W)]),
    ("The device was defused; there were no casualties.", [none(K), none(W)]),
    ("There were no immediate reports of casualties.", [none(K), none(W)]),
    ("No fatalities were reported, but 3 people were hurt.", [none(K), ex(W, 3)]),
    ("The blast caused damage but no injuries.", [none(K), none(W)]),
    ("The attack resulted in no loss of life.", [none(K)]),
    ("Militants fired 5 rockets, wounding no one.", [none(K), none(W)]),
    ("None of the passengers were hurt.", [none(K), none(W)]),
    ("None of the 4 priests and 100 refugees, who had sheltered there, was hurt.", [none(K), none(W)]),
    ("No one was killed, but 5 people were wounded.", [none(K), ex(W, 5)]),
    # --- combined figures (casualties) ---
    ("The car bomb went off near a market, killing and wounding about 45.", [approx(C, 45)]),
    ("The clashes left 20 dead and wounded.", [ex(C, 20)]),
    ("20 dead and wounded in the shelling", [ex(C, 20)]),
    ("The attack caused 30 casualties.", [ex(C, 30)]),
    ("12 people were killed or wounded", [ex(C, 12)]),
    ("At least 40 people were killed or injured.", [least(C, 40)]),
    ("The blast left 25 people dead or injured.", [ex(C, 25)]),
    ("killing or wounding 30 soldiers", [ex(C, 30)]),
    ("The attack caused dozens of casualties.", [vague(C, 24, 99)]),
    ("There were heavy casualties.", []),
    ("The raid inflicted 14 casualties on the army.", [ex(C, 14)]),
    # --- abducted ---
    ("The gunmen kidnapped 6 aid workers.", [ex(A, 6)]),
    ("Four engineers were abducted near the dam.", [ex(A, 4)]),
    ("Militants took 9 passengers hostage.", [ex(A, 9)]),
    ("Ten travellers were taken hostage.", [ex(A, 10)]),
    ("The abduction of 23 students shocked the region.", [ex(A, 23)]),
    ("Gunmen seized two foreign engineers.", [ex(A, 2)]),
    ("The raiders seized 3 vehicles.", []),
    ("Gunmen abducted a priest on his way home.", [ex(A, 1)]),
    ("Twenty-three students were kidnapped from their dormitory.", [ex(A, 23)]),
    ("The group was holding 20 hostages.", [ex(A, 20)]),
    ("About 50 peasants have been kidnapped.", [approx(A, 50)]),
    ("kidnapping 4 traders on the road", [ex(A, 4)]),
    # --- perpetrators ---
    ("The attacker was shot dead.", [ex(P, 1)]),
    ("A suicide bomber blew himself up at the gate.", [ex(P, 1)]),
    ("Two suicide bombers detonated their vests.", [ex(P, 2)]),
    ("The attackers detonated their vests.", []),
    ("Troops killed 20 militants.", [ex(K, 20)]),
    ("Three of the gunmen were killed.", [ex(P, 3)]),
    ("Police killed the attacker.", [ex(P, 1)]),
    ("Both attackers were killed.", [ex(P, 2)]),
    ("Two attackers were shot dead by guards.", [ex(P, 2)]),
    ("The gunman was killed by return fire.", [ex(P, 1)]),
    ("Security forces killed three of the assailants.", [ex(P, 3)]),
    ("A suicide bomber killed 9 soldiers at the checkpoint.", [ex(P, 1), ex(K, 9)]),
    ("Two suicide bombers killed 30 worshippers.", [ex(P, 2), ex(K, 30)]),
    ("A suicide car bomber rammed the gate.", [ex(P, 1)]),
    ("A suicide bomber on a motorbike blew himself up near the convoy.", [ex(P, 1)]),
    ("The bomber was killed in the blast.", [ex(P, 1)]),
    ("Eleven militants were killed and four soldiers died.", [ex(K, 11), ex(K, 4)]),
    ("Two militants and a soldier were killed in the clash.", [ex(K, 2), ex(K, 1)]),
    # --- revisions ---
    ("The toll rose to 15.", [ex(K, 15)]),
    ("The death toll from a suicide bombing at a political rally in the town of Zhob in southwestern Baluchistan province rose to 41 on Saturday.", [ex(K, 41)]),
    ("The explosion went off at noon, raising the death toll to 20.", [ex(K, 20)]),
    ("A provincial spokesman later put the death toll at 18.", [ex(K, 18)]),
    ("The death toll stood at 9.", [ex(K, 9)]),
    ("The death toll climbed to 31 on Tuesday.", [ex(K, 31)]),
    ("The number of wounded rose to 40.", [ex(W, 40)]),
    ("The number of dead rose to 23, officials said.", [ex(K, 23)]),
    ("bringing the death toll to 40", [ex(K, 40)]),
    ("The death toll from Monday's bombing has risen to 57.", [ex(K, 57)]),
    ("The death toll rose by 3 to 15.", [ex(K, 15)]),
    ("The death toll of at least 15 is expected to rise.", [least(K, 15)]),
    ("Death toll: 14", [ex(K, 14)]),
    # --- headlines ---
    ("Five Kashmiris reported killed by shelling.", [ex(K, 5)]),
    ("Three said killed in attack on bus.", [ex(K, 3)]),
    ("Artillery fire kills one in border village.", [ex(K, 1)]),
    ("One person said killed by firing.", [ex(K, 1)]),
    ("Two killed, 3 hurt in blast.", [ex(K, 2), ex(W, 3)]),
    ("Bomb kills 6, injures 20 in market.", [ex(K, 6), ex(W, 20)]),
    ("Militants kill 4 troops in northwest.", [ex(K, 4)]),
    ("Bomb kills one, wounds 10 in port city.", [ex(K, 1), ex(W, 10)]),
    ("Militants behead 2 soldiers.", [ex(K, 2)]),
    ("Gunmen kill 5 in provincial capital.", [ex(K, 5)]),
    ("Clash kills 3 police.", [ex(K, 3)]),
    ("Troops kill 7 rebels in southern island.", [ex(K, 7)]),
    ("Twelve dead in island clash.", [ex(K, 12)]),
    ("Rebels ambush army patrol, 4 dead.", [ex(K, 4)]),
    ("Three soldiers hurt in ambush.", [ex(W, 3)]),
    ("Officials say 12 militants killed in northwest.", [ex(K, 12)]),
    ("Suicide bomber kills 15 at mosque.", [ex(K, 15)]),
    ("4 soldiers among 9 killed in ambush.", [ex(K, 9)]),
    ("30 militants, 23 soldiers killed in border clashes", [ex(K, 30), ex(K, 23)]),
    ("2 rebels, soldier killed in fresh island clash", [ex(K, 2), ex(K, 1)]),
    ("Three children, woman killed in cross-border firing", [ex(K, 4)]),
    ("Blast kills district official, two others in tribal area", [ex(K, 3)]),
    ("Shelling kills civilian in border village", [ex(K, 1)]),
    ("Pakistani soldier killed as border firing resumes", [ex(K, 1)]),
    ("UPDATE 1-Two killed as rivals trade fire.", [ex(K, 2)]),
    ("UPDATE 2-Officials say 35 troops killed, wounded.", [ex(C, 35)]),
    ("Militants shoot dead two security personnel in tribal district", [ex(K, 2)]),
    ("Terror attacks claim 8 lives in the province", [ex(K, 8)]),
    ("Death toll in S. Philippine clashes climbs to 41", [ex(K, 41)]),
    ("Airstrikes kill 13 militants", [ex(K, 13)]),
    ("Mayor condoles with family of 2 slain soldiers", [ex(K, 2)]),
    ("Army finds 15 bodies of fighters in the ruins", [ex(K, 15)]),
    # --- bulletins ---
    ("12/05 - Gunmen ambushed a gendarmerie patrol on the river road; 2 GEND KIA, 3 WIA.", [ex(K, 2), ex(W, 3)]),
    ("Two GEND KIA, 3 WIA", [ex(K, 2), ex(W, 3)]),
    ("1x CIV killed, 2x CIV wounded", [ex(K, 1), ex(W, 2)]),
    ("KIA: 2, WIA: 4", [ex(K, 2), ex(W, 4)]),
    ("Complex attack on district centre (3 KIA / 5 WIA).", [ex(K, 3), ex(W, 5)]),
    ("Casualties: 3 killed, 5 wounded.", [ex(K, 3), ex(W, 5)]),
    ("IED strike on a convoy; no casualties reported.", [none(K), none(W)]),
    ("Ambush on police post, 4 POL KIA.", [ex(K, 4)]),
    ("Kidnapping of 4 traders near the weekly market.", [ex(A, 4)]),
    ("SAF on checkpoint; 2 civs killed, 6 injured.", [ex(K, 2), ex(W, 6)]),
    ("IDF on FOB, 1 KIA.", [ex(K, 1)]),
    ("Complex attack on district centre: 7 ANP KIA, 12 WIA, 3 attackers killed.", [ex(K, 7), ex(W, 12), ex(P, 3)]),
    ("IED detonated against an army vehicle, wounding 3 soldiers.", [ex(W, 3)]),
    ("Gunmen abducted 2 NGO staff.", [ex(A, 2)]),
    ("14/03 - VBIED attack on FOB; 6 SF KIA, 11 WIA, 2 attackers KIA.", [ex(K, 6), ex(W, 11), ex(P, 2)]),
    ("2 x civilians killed by crossfire.", [ex(K, 2)]),
    ("3 x LN WIA.", [ex(W, 3)]),
    ("Abduction of 3 health workers reported.", [ex(A, 3)]),
    ("No injuries reported.", [none(K), none(W)]),
    ("Rocket impact in base, nil casualties.", [none(K), none(W)]),
    ("1 ANA KIA, 2 ANA WIA", [ex(K, 1), ex(W, 2)]),
    ("Dead: 3; wounded: 8", [ex(K, 3), ex(W, 8)]),
    # --- MUC-4 caps style ---
    ("TWO PEASANTS WERE KILLED", [ex(K, 2)]),
    ("KILLING 5 SOLDIERS AND WOUNDING 12", [ex(K, 5), ex(W, 12)]),
    ("THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED", [ex(K, 3), ex(W, 7)]),
    ("THE CLASH RESULTED IN ONE DEAD TERRORIST", [ex(K, 1)]),
    ("A SOLDIER WAS WOUNDED AND TAKEN TO THE MILITARY HOSPITAL", [ex(W, 1)]),
    ("SIX JESUIT PRIESTS WERE MURDERED", [ex(K, 6)]),
    ("THE BOMB EXPLODED, KILLING A POLICEMAN AND INJURING TWO PASSERSBY", [ex(K, 1), ex(W, 2)]),
    ("THE MASSACRE OF 20 PEASANTS", [ex(K, 20)]),
    ("THE TERRORISTS KIDNAPPED 50 PEASANTS", [ex(A, 50)]),
    ("THE GUERRILLAS KILLED THE MAYOR", [ex(K, 1)]),
    ("NO CASUALTIES WERE REPORTED", [none(K), none(W)]),
    ("RESULTING IN THE DEATH OF 4 PEOPLE", [ex(K, 4)]),
    ("FIVE PEOPLE WERE INJURED", [ex(W, 5)]),
    ("TWO SOLDIERS DIED AND 14 WERE INJURED", [ex(K, 2), ex(W, 14)]),
    ("SEVERAL PEOPLE WERE WOUNDED", [vague(W, 3, 9)]),
    ("THE ARMED FORCES REPORTED THAT 10 TERRORISTS WERE KILLED", [ex(K, 10)]),
    ("A TERRORIST WAS KILLED AND TWO OTHERS WERE WOUNDED", [ex(K, 1), ex(W, 2)]),
    ("THE ATTACK LEFT 3 PEOPLE DEAD", [ex(K, 3)]),
    ("AN ESTIMATED 40 PEOPLE WERE KILLED", [approx(K, 40)]),
    # --- named victims (MUC-4 phrasing; names invented) ---
    ("Marta Quiroga and Tomas Belloc, a 31-year-old nurse at the district clinic, have been killed.", [ex(K, 2)]),
    ("marta quiroga and tomas belloc were killed", [ex(K, 2)]),
    ("MARTA QUIROGA AND TOMAS BELLOC WERE KILLED", [ex(K, 2)]),
    ("Journalist Ana Vidal was killed.", [ex(K, 1)]),
    ("JOURNALIST ANA RUIZ WAS KILLED", [ex(K, 1)]),
    ("Unions protested the assassination of judge Elena Sotomayor Prado in the capital.", [ex(K, 1)]),
    ("the murder of Ramon Etxeberri outside his office", [ex(K, 1)]),
    ("The killing of the mayor shocked the town.", [ex(K, 1)]),
    ("the killings of Ana Belen Ortiz and Ruben Casas", [ex(K, 2)]),
    ("the assassination on 3 May of Pedro Amado Rios", [ex(K, 1)]),
    ("the death of Matias Quintero Gil", [ex(K, 1)]),
    ("Following the death of Jaime Urrutia, Ortiz and Campos were on the move.", [ex(K, 1)]),
    ("Ramon Etxeberri was assassinated on his way home.", [ex(K, 1)]),
    ("Senator Luisa Marquez Ortega was shot dead in the capital.", [ex(K, 1)]),
    ("MR. ALCAZAR WAS KILLED AND MR. BRIONES WAS WOUNDED", [ex(K, 1), ex(W, 1)]),
    ("Inspector Hugo Llorente died in the blast.", [ex(K, 1)]),
    ("The archbishop was killed by a sniper.", [ex(K, 1)]),
    ("The leader of the peasant union was killed.", [ex(K, 1)]),
    ("A reporter of a Dutch television station was killed.", [ex(K, 1)]),
    ("Carlos Perez was found dead in his car.", [ex(K, 1)]),
    ("MAYOR JULIO TORRADO WAS FOUND DEAD TODAY.", [ex(K, 1)]),
    ("A SOUND TECHNICIAN OF THE (CBS) TELEVISION NETWORK WAS ALSO KILLED.", [ex(K, 1)]),
    ("Dutch reporter Cornell Lagrow of a Dutch television station was killed this morning.", [ex(K, 1)]),
    ("A 15-year-old niece of the minister was injured.", [ex(W, 1)]),
    ("Ferreira, former head of the farmers' union, the group that led the land protests in 1988, was killed by two "
     "bullets.", [ex(K, 1)]),
    ("Soto, who was an adviser to the peace commission, was shot to death by gunmen.", [ex(K, 1)]),
    ("Renata Olmos, senator and party chairwoman, died in hospital.", [ex(K, 1)]),
    ("Troops murdered peasants Anselmo Ruiz and Pedro Lara.", [ex(K, 2)]),
    ("Gunmen abducted the engineer Pablo Soria.", [ex(A, 1)]),
    ("The blast killed attorney general Roberto Solano today.", [ex(K, 1)]),
    ("Lucia Ferrer, a district prosecutor, and two of her bodyguards were assassinated.", [ex(K, 3)]),
    ("Bruno Valle, his son, and 12 others were killed in the raid.", [ex(K, 14)]),
    ("Bruno Valle and a policeman were killed.", [ex(K, 2)]),
    ("Officers Raul Dominguez, Jaime Ortiz, and Victor Salas were wounded.", [ex(W, 3)]),
    ("Sergeant Mateo Brun and soldiers Ivan Pardo, Luis Quintana, and Adolfo Rey were killed.", [ex(K, 4)]),
    ("Paco Lemos, 52, and Iris Montoya, a member of the party, were kidnapped.", [ex(A, 2)]),
    ("Ortega, 20 years old, and Vidal, 21, were murdered.", [ex(K, 2)]),
    ("Two nuns -- aged 60 and 72 -- were shot to death.", [ex(K, 2)]),
    ("Erasmo Llanos's murder was condemned by the bishops.", [ex(K, 1)]),
    ("Protesters marched after the archbishop's assassination.", [ex(K, 1)]),
    ("the five priests' slaying", [ex(K, 5)]),
    ("The bomb exploded in Ostra and 3 soldiers were killed.", [ex(K, 3)]),
    ("The town was attacked and 3 soldiers were killed.", [ex(K, 3)]),
    # --- restated figures, participle phrases, "another", elided verbs, year-like figures ---
    ("The murders of four journalists, three locals and a foreigner, will be investigated.", [ex(K, 4)]),
    ("Seven students -- four boys and three girls -- and a teacher were killed.", [ex(K, 8)]),
    ("30 presidential guards travelling aboard a military bus were killed.", [ex(K, 30)]),
    ("A guard watching the pumping station was wounded.", [ex(W, 1)]),
    ("Two policemen guarding the Ecuadoran consulate were killed today.", [ex(K, 2)]),
    ("Three soldiers escorting a judge were killed.", [ex(K, 3)]),
    # a bare name after an active verb, with an appositive or a "who" clause that says "person"
    ("Gunmen shot dead Ahmed Khan, a local councillor, in Peshawar.", [ex(K, 1)]),
    ("Unidentified men today killed Angela de Guerrero, wife of Colonel Carlos Guerrero.", [ex(K, 1)]),
    ("Several gunmen killed Roberto Sarasty Botero, who worked for a radio network.", [ex(K, 1)]),
    ("Militants kidnapped Juan Perez, a businessman, in Jolo.", [ex(A, 1)]),
    # two titles of one person joined by "and"
    ("The assassination of senator and presidential candidate Luis Carlos Galan shocked the country.", [ex(K, 1)]),
    ("Gunmen killed journalist and writer Juan Perez.", [ex(K, 1)]),
    ("Gunmen killed a soldier and a policeman.", [ex(K, 2)]),
    ("Attacks claimed the lives of presidential hopeful Luis Carlos Galan, a police officer, and a judge.", [ex(K, 3)]),
    # a kidnapping told as the victim's description, then the killing
    ("A former law student who had been kidnapped has been found murdered.", [ex(A, 1), ex(K, 1)]),
    # a "who was killed" clause says what happened to the noun before it, whatever came before
    ("The party was led by candidate Bernardo Jaramillo, who was assassinated on 22 March.", [ex(K, 1)]),
    ("The mayor, who was shot dead on Monday, had received threats.", [ex(K, 1)]),
    ("Perez, who died in hospital on Monday, was a teacher.", [ex(K, 1)]),
    # ... but restates a casualty word before it
    ("He was linked to the death of a minister, a Mr Spadafora, who was murdered.", [ex(K, 1)]),
    ("They condemned the killing of four priests and her child, who were killed at home.", [ex(K, 5)]),
    # "in which", "during which": the name is the clause's subject
    ("Police carried out the operation in which Gonzalo Rodriguez Gacha was killed.", [ex(K, 1)]),
    ("It was the ambush during which Perez and Diaz were wounded.", [ex(W, 2)]),
    # a people noun before the role noun of a name: "police corporal Oswaldo Palomino"
    ("In Lima today, police corporal Oswaldo Palomino, who served in Ayacucho, was shot to death.", [ex(K, 1)]),
    ("Police lieutenant Alfredo Correa and one private were killed.", [ex(K, 2)]),
    # a noun with an "of" phrase, then an appositive clause, then the verb
    ("The driver of the vehicle, whom authorities have not yet identified, was also killed.", [ex(K, 1)]),
    # a plural role noun, then the names, after a death noun
    ("The committee condemned the recent murder in Guatemala of political leaders Hector Oqueli and Gilda Flores.",
     [ex(K, 2)]),
    ("The massacre of the Jesuit priests Ignacio Ellacuria, Segundo Montes and Juan Ramon Moreno was perpetrated at dawn.",
     [ex(K, 3)]),
    # one determiner, two nouns: two people with "were", one person with two titles with "was"
    ("His bodyguard and driver were also killed.", [ex(K, 2)]),
    ("A teacher and activist was killed in the town.", [ex(K, 1)]),
    # an abduction in the appositive, then the killing
    ("Castellar, who was kidnapped on 5 January, was found dead today.", [ex(A, 1), ex(K, 1)]),
    # an active "who" clause is no casualty of the noun before it
    ("Three soldiers, who killed two rebels, were decorated.", [ex(K, 2)]),
    # a role noun and a name open a list
    ("The Spanish Jesuit Ignacio Ellacuria, five other priests, and two women were murdered.", [ex(K, 8)]),
    ("Senator Luis Galan, two bodyguards and a driver were killed.", [ex(K, 4)]),
    # a bracket that breaks down the figure before it restates it
    ("Six Jesuits (five Spaniards and one Salvadoran) and two women were killed.", [ex(K, 8)]),
    ("Twelve people (three soldiers and nine civilians) were killed in the blast.", [ex(K, 12)]),
    ("A man named Pedro Avila was killed.", [ex(K, 1)]),
    ("The person driving the truck was also killed.", [ex(K, 1)]),
    ("Five passengers travelling on the bus to the coast were injured.", [ex(W, 5)]),
    ("One person was killed and another wounded.", [ex(K, 1), ex(W, 1)]),
    ("Another soldier was wounded.", [ex(W, 1)]),
    ("killing two people and seriously injuring another", [ex(K, 2), ex(W, 1)]),
    ("Gunmen killed 4 police in one town and 2 soldiers in another.", [ex(K, 4), ex(K, 2)]),
    ("Militants kill 4 soldiers in one village and 3 police in another", [ex(K, 4), ex(K, 3)]),
    ("The bomb killed 4 people in the market and 2 policemen.", [ex(K, 6)]),
    ("Gunmen killed 4 policemen in the town and 2 soldiers were wounded.", [ex(K, 4), ex(W, 2)]),
    ("2000 people were killed in the fighting.", [ex(K, 2000)]),
    ("The war killed 2000 civilians.", [ex(K, 2000)]),
    ("Five people were left dead.", [ex(K, 5)]),
    ("The attack left 3 dead and 5 wounded.", [ex(K, 3), ex(W, 5)]),
    ("Three officers and seven soldiers, and 15 members of the militia died in the battle.", [ex(K, 25)]),
    ("The army has killed or wounded more than 1,000 rebels.", [least(C, 1000)]),
    # --- claims genre (written for these tests) ---
    ("the soldiers of the caliphate targeted a gathering of army soldiers with a car bomb, killing and wounding about 25",
     [approx(C, 25)]),
    ("the fighters sniped two soldiers in the same area", []),
    ("The brothers detonated an explosive device on a patrol, killing 3 of them.", [ex(K, 3)]),
    ("killing 4 apostates and wounding others", [ex(K, 4), vague(W, 2, N)]),
    ("An inghimasi blew himself up among the gathering, killing and wounding dozens.", [ex(P, 1), vague(C, 24, 99)]),
    ("A knight of martyrdom detonated his explosive vest on a checkpoint, killing 10 elements of the army.",
     [ex(P, 1), ex(K, 10)]),
    ("killing 5 elements and destroying a vehicle", [ex(K, 5)]),
    ("The fighters clashed with the apostates, killing 7 of them and seizing weapons.", [ex(K, 7)]),
    ("Two inghimasis stormed the base and blew themselves up.", [ex(P, 2)]),
    ("killing a murtadd from the police", [ex(K, 1)]),
    ("the fighters killed 2 crusaders and wounded a third", [ex(K, 2), ex(W, 1)]),
    ("3 apostates were killed in the same area.", [ex(K, 3)]),
    ("killing around 20 of the apostates", [approx(K, 20)]),
    ("with a sticky bomb, killing their commander", [ex(K, 1)]),
    ("killing and wounding a number of them", [vague(C, 2, 19)]),
    ("resulting in the killing of 6 apostates", [ex(K, 6)]),
    ("The soldiers of the caliphate targeted a barracks, killing more than 30 soldiers.", [least(K, 30)]),
    ("an explosive device was detonated on their vehicle, killing and wounding all of them", []),
]

NOT_COUNTS: list[str] = [
    "Soldiers of the 3rd Brigade were killed in action.",
    "He was killed instantly, a police spokesman said.",
    "Battalion 42 was attacked; the death toll is unknown.",
    "At 10:30 a bomb killed people near the market.",
    "On 12 May the militants killed civilians in the town.",
    "The attack in 2014 killed civilians.",
    "Two vehicles were destroyed and the wounded were evacuated.",
    "3 Humvees were damaged; the injured were flown out.",
    "The blast, 20 km from the border, killed the governor's guards.",
    "One of the deadliest attacks this year killed people across the city.",
    "Detachment No. 4 reported wounded soldiers.",
    "A $5 million ransom was paid for the kidnapped engineers.",
    "About 40% of the wounded were children.",
    "UN Resolution 2254 condemned the killing of civilians.",
    "The fighting lasted two days and killed civilians.",
    "An AK-47 and an F-16 were involved; casualties were not known.",
    "Route 1 was closed after the killings.",
    "5 rockets hit the base; the number of casualties is unclear.",
    "Gunmen killed him at 8 pm.",
    "The court sentenced 3 men to death.",
    "He was killed 2 days ago.",
    "The injured were taken to 3 hospitals.",
    "Officials said 3 investigations into the killings had been opened.",
    "Flight 93 crashed, and the death toll is not yet known.",
    "The brigade's 2 helicopters evacuated the wounded.",
    "The mortar team fired 12 rounds at the killing zone.",
    "Two days after the massacre, 300 people marched.",
    "Aged 30, he was the third victim this month.",
    "Police recovered 3 AK-47s and 200 rounds after the kidnapping.",
    "He was born in 1975 and died in 2009.",
    "Room 12 of the hospital holds the wounded.",
    "3 percent of the dead were children.",
    "They were killed by 3 bullets each.",
    "Battalion 5 soldiers were killed.",
    "The 2nd Infantry Division lost 3 tanks to the killing.",
    "A ransom of 2 million naira was demanded for the abducted girls.",
    "Kilometre 45 of the highway, where the attackers were killed.",
    "How many people were killed remains unclear.",
    "The 1989 massacre is remembered every year.",
    "Page 3 listed the dead.",
    "The attackers were killed.",
    "The 300 km road past the killing fields was reopened.",
    "A government that has murdered its own people cannot be trusted.",
    "A television station was killed off by the budget cuts.",
    "The agreement was signed, ending a confrontation that injured the economy.",
    "Pablo Ruiz, 53; Ana Diaz, 24; and Luis Mora, 38, were among the injured.",
    # named-victim look-alikes
    "An assassination attempt on the governor failed.",
    "The attempt on the life of the governor failed.",
    "Police foiled the attempted murder of Ramon Etxeberri.",
    "Gunmen tried to kill colonel Andres Pellegrini.",
    "The rebels denounced the government's death squads.",
    "the death of democracy",
    "the massacre of San Lorenzo",
    "the deaths of North Americans",
    "In 2000 people were killed across the region.",
    "The party says slain were farmers.",
    "The leaflet said Ramon Etxeberri must be killed.",
    "Residents who escaped being kidnapped fled to the hills.",
    "the killing of human beings must stop",
    "Salvadorans died in the attack.",
    "The plane was badly damaged and the crew members were injured.",
    "Courts dropped 11 files murder charges.",
    "Peace talks killed by renewed violence, officials said.",
    "The town in which Usulutan was attacked.",
    "the massacre of San Francisco and La Paz",
]

PARSE_NUMBER_ROWS: list[tuple[str, int | None]] = [
    ("twenty-three", 23),
    ("twenty three", 23),
    ("a dozen", 12),
    ("half a dozen", 6),
    ("two dozen", 24),
    ("2 dozen", 24),
    ("two hundred", 200),
    ("a hundred", 100),
    ("one hundred and twenty", 120),
    ("three thousand", 3000),
    ("two thousand five hundred", 2500),
    ("15", 15),
    ("1,200", 1200),
    ("1200", 1200),
    ("eleven", 11),
    ("Ninety-Nine", 99),
    ("one", 1),
    ("zero", 0),
    ("3 thousand", 3000),
    ("dozens", None),
    ("several", None),
    ("hundreds", None),
    ("soldiers", None),
    ("", None),
    ("a", None),
]


def _as_rows(text: str) -> list[tuple]:
    return [(m.role, m.low, m.best, m.high, m.qualifier) for m in find_counts(text)]


@pytest.mark.parametrize("text,expected", COUNT_ROWS, ids=[r[0][:60] for r in COUNT_ROWS])
def test_count_phrases(text: str, expected: list[tuple]) -> None:
    assert _as_rows(text) == expected


@pytest.mark.parametrize("text", NOT_COUNTS, ids=[t[:60] for t in NOT_COUNTS])
def test_not_casualty_counts(text: str) -> None:
    assert find_counts(text) == []


@pytest.mark.parametrize("words,expected", PARSE_NUMBER_ROWS, ids=[w or "<empty>" for w, _ in PARSE_NUMBER_ROWS])
def test_parse_number(words: str, expected: int | None) -> None:
    assert parse_number(words) == expected


# Who is counted, what the span covers, and whether the figure revises an earlier one.
DETAIL_ROWS: list[tuple[str, str, str | None, str, bool]] = [
    # text, role, who, span text, revision
    ("The blast killed at least 12 people near the gate.", K, "people", "killed at least 12 people", False),
    ("A policeman was killed near the gate.", K, "policeman", "A policeman was killed", False),
    ("Three soldiers and two civilians were killed.", K, "soldiers and civilians",
     "Three soldiers and two civilians were killed", False),
    ("Troops killed 20 militants.", K, "militants", "killed 20 militants", False),
    ("The toll rose to 15.", K, None, "toll rose to 15", True),
    ("A provincial spokesman later put the death toll at 18.", K, None, "put the death toll at 18", True),
    ("The death toll stood at 9.", K, None, "death toll stood at 9", False),
    ("Three of the gunmen were killed.", P, "gunmen", "Three of the gunmen were killed", False),
    ("TWO PEASANTS WERE KILLED", K, "peasants", "TWO PEASANTS WERE KILLED", False),
    ("2 GEND KIA", K, "gend", "2 GEND KIA", False),
    ("Gunmen kidnapped 6 aid workers.", A, "aid workers", "kidnapped 6 aid workers", False),
    ("The driver died.", K, "driver", "The driver died", False),
    ("Two suicide bombers detonated their vests.", P, "suicide bombers",
     "Two suicide bombers detonated their vests", False),
    ("Senator Luisa Marquez Ortega was shot dead.", K, "senator", "Senator Luisa Marquez Ortega was shot dead", False),
    ("Unions protested the murder of Ramon Etxeberri on Monday.", K, None, "murder of Ramon Etxeberri", False),
    ("Lucia Ferrer, a district prosecutor, and two of her bodyguards were assassinated.", K, "bodyguards",
     "Lucia Ferrer, a district prosecutor, and two of her bodyguards were assassinated", False),
    ("A guard watching the pumping station was wounded.", W, "guard",
     "A guard watching the pumping station was wounded", False),
    # a time word after the counted noun is not the noun counted
    ("Police blamed the group for the massacre of 12 persons last Wednesday.", K, "persons",
     "massacre of 12 persons", False),
    ("Unions condemned the murder of two U.S. missionaries last week.", K, "missionaries",
     "murder of two U.S. missionaries", False),
]


def test_elided_verb_gives_a_span_per_figure() -> None:
    """"killed 4 police in one town and 2 soldiers in another": two figures, each with its own words."""
    text = "Gunmen killed 4 police in one town and 2 soldiers in another."
    assert [text[m.start:m.end] for m in find_counts(text)] == ["killed 4 police", "2 soldiers"]


@pytest.mark.parametrize("text,role,who,span,revision", DETAIL_ROWS, ids=[r[0][:60] for r in DETAIL_ROWS])
def test_count_details(text: str, role: str, who: str | None, span: str, revision: bool) -> None:
    found = [m for m in find_counts(text) if m.role == role]
    assert len(found) == 1
    m = found[0]
    assert (m.who, m.text, m.revision) == (who, span, revision)
    assert text[m.start:m.end] == m.text


def test_offsets_are_into_the_given_string() -> None:
    text = "İstanbul: A bomb killed 4 people and wounded 9 others."
    found = find_counts(text)
    assert [(m.role, m.best) for m in found] == [(K, 4), (W, 9)]
    assert [text[m.start:m.end] for m in found] == ["killed 4 people", "wounded 9 others"]


def test_mentions_are_sorted_by_start() -> None:
    found = find_counts("Casualties: 3 killed, 5 wounded; no one else was hurt; 2 GEND KIA, 1 WIA.")
    starts = [m.start for m in found]
    assert starts == sorted(starts) and len(found) >= 4


def test_enough_rows() -> None:
    assert len(COUNT_ROWS) >= 200
    assert len(NOT_COUNTS) >= 30


def test_first_character_guard_loses_nothing() -> None:
    """The grammar's leading look-ahead only skips positions where no alternative can start."""
    import re

    from incidex.pipeline import counts

    lex = counts._lexicon()
    plain = re.compile("|".join(counts._ALTERNATIVES))
    for text in [t for t, _ in COUNT_ROWS] + NOT_COUNTS:
        codes = counts._chunk(counts._lowered(text), lex).codes
        assert [m.span() for m in lex.grammar.finditer(codes)] == [m.span() for m in plain.finditer(codes)], text
