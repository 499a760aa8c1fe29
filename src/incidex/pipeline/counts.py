"""Counts stage: how many people one sentence says were killed, wounded or abducted.

``find_counts(text)`` returns :class:`CountMention` objects (offsets into ``text``), one per
figure, coded by conventions.md §3:

=====================================================  =====  ====  ====  =============
text                                                   low    best  high  qualifier
=====================================================  =====  ====  ====  =============
"12 killed", "a policeman was killed" (= 1)            12     12    12    exact
"a dozen", "half a dozen", "two dozen"                 12     12    12    approx
"about / nearly / some / around / an estimated 60"     60     60    60    approx
"at least / more than / over 17", "17 or more"         17     17    null  at_least
"up to / as many as / fewer than 17"                   null   17    17    at_most
"between 10 and 15", "10 to 15", "10-15", "2 or 3"     10     10    15    range
vague words (below)                                    low    null  high  vague
"no casualties", "no one was hurt", "no injuries"      0      0     0     none_reported
=====================================================  =====  ====  ====  =============

Vague words get conventional bounds (``lang/en/counts.yaml``, ``vague``): a few / a handful
2-5; a couple of 2-3; several 3-9; a number of 2-19; many / numerous 5-null; tens of 20-99;
dozens 24-99; scores 40-99; hundreds 200-999; thousands 2000-9999; "others" with no number
2-null. ``low`` is the least the word can mean; ``high`` is where the next word would take
over (null where the word has no honest ceiling); ``best`` stays null.

Roles: ``killed`` (killed, dead, died, deaths, fatalities, KIA, martyred, "left N dead",
"claimed N lives"), ``wounded`` (wounded, injured, hurt, injuries, WIA), ``casualties`` (a
combined figure the text does not split: "killing and wounding 45", "N dead and wounded",
"N casualties"), ``abducted`` (kidnapped, abducted, taken hostage, "kidnapping of N"),
``perpetrators_killed`` (the attackers' own dead: "the gunman was shot dead", "three of the
gunmen were killed", "a suicide bomber" / "two suicide bombers", anyone who "blew himself up";
"the attackers detonated their vests" gives nothing: the number is unknown). People killed by
state forces ("troops killed 20 militants") are ``killed``: the assembler decides sides.
"No one was hurt" gives two mentions (killed and wounded, none_reported); "no deaths" only
killed. A list ("three soldiers and two civilians were killed") is summed, but never across
the armed side and the rest ("5 militants and 2 soldiers" gives two mentions). Subsets
("12 people, including 3 children") are not counted twice; pieces that add up to the figure
before them restate it ("three reporters, two locals and a foreigner" = 3). A revised toll ("the
toll rose to 15", "later put the death toll at 15") has ``revision=True``: the assembler replaces.

Named victims (conventions.md §3: "a policeman was killed" is 1): capitals say nothing in MUC-4
(all capitals raw, all lower case processed), so a name is read only where the grammar says
"person" -- the subject of a passive verb ("Carlos Pizarro was assassinated", "Mr. Torres was
killed", "Guerrero, who was an adviser to the commission, was shot dead" = 1), a list before a
plural verb ("Sullivan and Anderson, a teacher at the school, have been killed" = 2; "Gacha, his
son, and 15 others were killed" = 17; appositives are not members), the object of a death noun
("the assassination of judge Mariela Espinosa", "the murder of Jecar Neghme", "Romero's murder" =
1; not "the attempted murder of", "an assassination attempt", "the death of democracy", "the
massacre of <place>"), a role noun before a name ("killed attorney general Roberto Garcia",
"murdered peasants Victor Vasquez and Rafael Romero" = 2), the object of an active verb when an
appositive with a role noun or a "who" clause follows ("gunmen shot dead Ahmed Khan, a local
councillor"; "killed Roberto Sarasty, who worked for Caracol"), the noun or name a passive "who"
clause is about ("advocated by candidate Bernardo Jaramillo, who was assassinated" = 1, whatever
came before it; not when a casualty word just before it already counts the person: "the death of
a minister, a Mr Spadafora, who was murdered" = 1), the subject after "in which" / "during
which" ("the operation in which Gonzalo Rodriguez Gacha was killed"). A name is no subject after a
preposition or a copula ("in Usulutan and 3 soldiers were killed" gives 3), with a speech verb
("CPP says slain were ..."), an active perfect ("the army has killed or wounded ...") or a
hypothetical ("must be killed"). Other forms: a participle phrase between noun and verb ("24
guards travelling aboard a bus were killed" = 24), "another" ("one was killed and another
wounded" = 1 + 1), an elided verb ("killed 4 police in one town and 2 soldiers in another" gives
two figures; "killed 4 people in the market and 2 policemen" one of 6), a year-like figure before
a people noun ("2000 people were killed"; "in 2000 people ..." is a year), "tried to kill" /
"attempt to kidnap" (nothing happened: no figure).

Not counts: ages ("a 25-year-old man", "aged 30", "aged 19 and 21", "Perez, 45,", "20 years
old"), unit and route numbers ("Battalion 42", "Route 1", "No. 4"), times, dates ("16 November",
"May 12"), four-digit years 1900-2099 unless a people noun follows, and numbers before
never-people nouns ("two vehicles", "20 km", "5 rockets").

How: the sentence is cut into chunks (words, multi-word phrases, number phrases), each
mapped to a one-character class from the vocabulary in ``lang/en/counts.yaml`` and
``lang/en/numbers.yaml``; one compiled regular expression over that class string finds the
count patterns (noun phrase + verb, verb + noun phrase, tolls, bulletin forms, headline forms
such as "2 rebels, soldier killed" and "kills civilian"), and each match is read back chunk by
chunk; a match the reader turns down is searched again from its next chunk, so it hides no
figure inside it. Sentences with no casualty word are dropped by one cheap regex first, which
keeps the stage far above the speed budget. All patterns and tables are built once per process
(``_lexicon``).

Known limits: a participle phrase needs an auxiliary or "died" after it ("9 militants plotting
attacks on offices killed" is missed: it reads as active); a bare one-word name that looks plural
("Navas died") is only read with "was"; a plural noun without a number ("the Jesuit priests were
killed") stays unknown; the stage does not know who a pronoun or a repeated name is, so "the
murder of X" and "X was shot dead" in two sentences are two mentions of 1 (the assembler decides
whether they restate each other).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable


from incidex.errors import DataError
from incidex.lang import load_words
from incidex.pipeline.mentions import CountMention

__all__ = ["find_counts", "parse_number"]

# A figure: (low, best, high, qualifier).
Figure = tuple[int | None, int | None, int | None, str]

# ---------------------------------------------------------------------------------------------
# Chunk classes. Each chunk of a sentence becomes one character; the grammar below is written
# over these characters.
#   #  number            ~  vague quantity      L/A/M  at least / about / up to     B  between
#   W  "or more"         N  "or so"             &  and       V  or      T  to       o  of
#   ,  comma             .  sentence stop       :  colon     <  >  brackets         /  slash
#   J  dash              _  function word       a  a/an      t  the     p  his/their
#   b  both              l  all                 O  others    m  them/him
#   P  people (plural)   S  person (singular)   R/r  attackers/attacker   Z/z  suicide bombers/bomber
#   w  other word        g  other plural-looking word        U  never-people noun ("vehicles")
#   v  auxiliary ("were", "reportedly")
#   K  killed            k  killing             D  died      d  dead
#   H  wounded           h  wounding            X  KIA       x  WIA
#   C  casualties        F  deaths/bodies       f  death/murder (singular)
#   I  injuries          Y  lives               u  lost
#   c  claimed/took/cost E  left/leaving        =  toll      q  rose/raising (revision)
#   @  at                n  no/none/nobody      s  including/among them (subset)   i  who
#   G  kidnapped         j  kidnapping          Q  hostage(s)
#   e  blew himself up   y  blew themselves up
#   2  a participle right after a people noun ("guards travelling aboard ...", "a man named ...")
#   9  "another" (re-coded once its neighbour is known: "a", "O" = one more person, or dropped)
# ---------------------------------------------------------------------------------------------

_CLASS_CODES: dict[str, str] = {
    "person_plural": "P",
    "person_singular": "S",
    "titles": "S",
    "bulletin_nouns": "P",
    "perpetrator_plural": "R",
    "perpetrator_singular": "r",
    "suicide_plural": "Z",
    "suicide_singular": "z",
    "non_person_nouns": "U",
    "killed": "K",
    "killing": "k",
    "died": "D",
    "dead": "d",
    "wounded": "H",
    "wounding": "h",
    "kia": "X",
    "wia": "x",
    "casualties_noun": "C",
    "deaths_noun": "F",
    "injuries_noun": "I",
    "lives_noun": "Y",
    "lost": "u",
    "take_verbs": "c",
    "left_verbs": "E",
    "abducted": "G",
    "abducting": "j",
    "hostage": "Q",
    "blew_self_singular": "e",
    "blew_self_plural": "y",
    "revision_words": "q",
    "auxiliaries": "v",
    "determiner_a": "a",
    "determiner_the": "t",
    "possessive": "p",
    "both": "b",
    "all": "l",
    "others": "O",
    "pronouns": "m",
    "negation": "n",
    "subset_markers": "s",
    "relativizers": "i",
    "function_words": "_",
    "and_words": "&",
    "another": "9",
    "ignorable": "",
}
_FIXED_WORDS: dict[str, str] = {"and": "&", "or": "V", "to": "T", "of": "o", "at": "@"}
_PUNCT: dict[str, str] = {
    ",": ",", ";": ".", ".": ".", "!": ".", "?": ".", ":": ":", "(": "<", ")": ">", "[": "<",
    "]": ">", "/": "/", "-": "J", "–": "J", "—": ",",
    '"': "", "“": "", "”": "", "‘": "", "’": "", "'": "",  # quotes are dropped
}
_DROP_NUMBER_AFTER = frozenset({"aged", "age", "update"})
_NOT_ADVERBS = frozenset({"family", "italy", "rally", "assembly", "supply", "july", "belly", "anomaly",
                          "monopoly", "emily", "kelly", "sally", "holly", "bully", "reply", "ally"})
_ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism")
_QUALIFIER_CODES = {"at_least": "L", "approx": "A", "at_most": "M", "between": "B",
                    "suffix_at_least": "W", "suffix_approx": "N"}
# Classes whose words alone make a sentence worth reading (the cheap pre-filter).
_TRIGGERS = frozenset("KkDdHhXxCFIYGjQeyzZ=")  # "f" is F re-coded per token

_ROLE_OF_VERB = {
    "K": "killed", "k": "killed", "D": "killed", "d": "killed", "X": "killed", "F": "killed", "f": "killed",
    "Y": "killed", "H": "wounded", "h": "wounded", "x": "wounded", "I": "wounded",
    "C": "casualties", "G": "abducted", "j": "abducted", "Q": "abducted",
}

# ---------------------------------------------------------------------------------------------
# Grammar over the class string.
# ---------------------------------------------------------------------------------------------
_QTY = r"(?:[LAM]?(?:#(?:[TVJ]#)?|~)[WN]?|B#&#)"
_HEAD = r"[PSRrZzgwOQ]"
_PHEAD = r"[PSRrZzgwQ]"
_MODS = r"[wgOPS]{0,3}"
# A never-people noun may only modify a people noun: "two bomb disposal officers", not "2 days ago".
_MODHEAD = rf"(?:{_MODS}{_HEAD}|[wgOPSU]{{0,3}}[PSRrZzQ])"
_BARE_END = r"(?![wgUPSRrZzOo])"
# "five members of the security forces", "three of the gunmen", "two of the three hostages"
_NPN_HEADED = (rf"[tpl]?{_QTY}(?:{_MODHEAD}(?:o[tp]?[wgUPSRrZzQ]{{1,6}}|om)?"
               rf"|o(?:[tp]?#?{_MODHEAD}|m))")
_NPN = rf"(?:{_NPN_HEADED}|[tpl]?{_QTY}{_BARE_END})"
# "a policeman", "the driver", "his son"; "a passer-by" (unknown noun, not before a comma)
# A singular noun used as a modifier is no head: "the student leaders", "the Jesuit priests".
_NPS = r"(?:a(?:[wgPSU]{0,3}[SrzQ]|[wgPS]{0,3}w)|[tp][wgPSU]{0,2}[SrzQ])(?!P)"
_NPB = rf"b{_MODS}{_HEAD}"
_NPO = r"O"
# Headline style, a singular noun with no article: "soldier killed", "kills civilian".
_NPSB = r"[wgS]{0,2}[SQ](?![wgPSUQ])"
# After a verb the span may take the modifiers and a name: "killed attorney general Roberto Garcia".
_NPSB_O = r"[wgUSP]{0,3}[SQ](?:[wg]{1,5}(?![wgPSQ2])|(?![wgPSUQ]))"
# A role noun and a name before a passive verb: "journalist Roberto Diaz was killed" = 1.
# ... and an "of" phrase after the name: "reporter Cornell Lagrow of a Dutch TV station was killed".
_NPSN = r"[tpa]?[wgPSU]{0,3}S[wg]{1,5}(?:o[tpa]?[wgUPS]{1,4})?(?=,?[vTqi]*v[vTqi]*[KdHG]|[vTqi]*D)"
# A singular noun with an "of" phrase: "the leader of the patriotic union was killed" = 1.
# "a reporter of a Dutch television station", "a technician of the (CBS) network" (a bracketed word);
# "the driver of the vehicle, whom authorities have not identified, was also killed"
_NPSOF = (r"(?:(?:a|[tp])[wgPSU]{0,2}[SrzQ]o[tpa]?(?:[wgUPS]|<[wgU]{1,3}>){1,5}(?=(?:,[^,.]{1,10},)?,?[vTqi]*v[vTqi]*[KdHG]|[vTqi]*D)"
          r"|^[wgPSU]{0,2}[SrzQ]o[tp]?[wgUPS]{1,4}(?=[KdHG](?![wgPSRrZzQU#~])))")
_NP = rf"(?:{_NPN}|{_NPS}|{_NPB}|{_NPO})"
# Later members of a list need a noun: "the six priests, five of whom ..." is no list.
_NP2 = rf"(?:{_NPN_HEADED}|{_NPS}|{_NPB}|{_NPO}|[wgUS]{{0,3}}S[wg]{{1,5}}(?![wgPSQ2])|(?<=&)[wg]{{0,2}}S(?=v*[vT][KHDdGXx]))"
# A comma list needs its "and" ("A, B and C"); "one civilian, a street vendor" is one person.
# Headlines drop the "and": "30 militants, 23 soldiers killed", "2 rebels, soldier killed".
# List members are atomic and their repetition possessive: a long comma run that leads nowhere
# fails in linear time instead of trying every way to split it.
# A role noun and a name open a list too: "the Spanish Jesuit Ignacio Ellacuria, five other
# priests, and two women were murdered" = 8.
_NPSN_LIST = r"[tpa]?[wgPSU]{0,3}S[wg]{1,5}(?=,(?:[tpl]?[#~LAMB]|[ap]))"
_NPL_S = (rf"(?:{_NPSOF}|{_NPSN_LIST}|{_NP}|{_NPSN}|{_NPSB})(?:(?:,(?>{_NP2}))*+(?:,?&(?>{_NP2}))++"
          rf"|(?:,(?>{_NPN_HEADED}|{_NPSB}))++(?=[vTq]*[KHDdGXx]))?")
_LIST_STOP = r"(?![vTqi]*[KHDdGXx])"
# After a verb a list needs its "and", except for a last "others": "kills official, two others".
_NPL_O = (rf"(?:{_NP}|{_NPSB_O})(?:(?:,(?>{_NP2}){_LIST_STOP})*+,?&{_NP2}{_LIST_STOP}"
          rf"|,(?:{_QTY})?[wg]{{0,2}}O)?")
# Between a counted noun and its verb: ", including three children,", "(three soldiers and
# five civilians)", "including 3 children", "who worked with them".
_APPOS = r"(?:,[^,.]{1,10},|<[^<>.]{1,10}>|s[^,.]{1,6}?|i[^,.#~KkHhDdGXxQye<>]{1,6}?)?"
_AUX = r"[vTqi]{0,5}+(?:[wU]&[vT]{0,2})?"
_OBJ = r"(?:[LAMB]?[#~](?![wg]{0,2}U)|a[wgPS]{0,3}[SrzQw](?!U)|[tp][wgO]{0,2}[PSRrZzgwQ#](?!U)|b|[PSRrZz]|m)"
# A name with an appositive or a "who" clause after it: a person, the object of the verb before it
# ("several gunmen killed Roberto Sarasty, who worked for Caracol" is no headline "3 killed").
_NAMED = r"[wg]{1,5}(?=,(?:[atp]?[wgU]{0,3}S|i))"
_NOT_OBJ = rf"(?!{_OBJ}|{_NAMED})"

# Named people. A name is one to five words the lists do not know, the last not plural-looking
# ("Erika Sullivan", "Luis Carlos Galan Sarmiento"); after a role noun or title it may end in
# anything ("Mr. Torres", "judge Mariela Espinosa Arango"). Capitals are no help (MUC-4 is all
# capitals, its processed form all lower case), so a name is only read where the grammar around
# it says "person": the subject of "was killed", a list before "were killed", the object of "the
# murder of", a name after a plural role noun ("peasants Victor Vasquez and Rafael Romero").
_NAME = r"[wg]{0,4}[wg]"  # a last word like "Torres" looks plural: checked when read
_ROLE_NAME = r"[wgUSP]{0,3}S[wg]{1,5}"  # "police corporal Oswaldo Palomino"
_NAMEI = rf"(?:{_ROLE_NAME}|{_NAME})(?![wgPSRrZzQU2])"
_ROLE_NAME_RE = re.compile(rf"[tpa]?{_ROLE_NAME}")
# A name opens a clause: the sentence start, a comma, colon, bracket or dash, "that"/"who",
# "said", a function word (read back against ``name_blockers``: "in Usulutan" is no subject);
# a single name also after "and" ("... and Perez was killed"), a list never ("attacked and ...").
_NAME_START = r"(?:^|(?<=[,.:<>ivJ_&]))"
_NAMES_START = r"(?:^|(?<=[,.:<>ivJ_]))"
# A long appositive after a name ("Pizarro, former leader of the M-19, the group that laid down its
# weapons, was killed"): no figure, no casualty word, no finite verb but after "who"/"that".
# "who was kidnapped on 5 January" may sit in it: the reader adds the abduction.
_APPOS_LONG = r"(?:[^.#~KkDdHhXxGjQCFfIYn=Eiv]|i(?:v{1,3}(?P<p_name_g>G)?)?){1,30}?"
# One comma piece of a list of names: a member ("his son", "15 others") or an appositive ("a
# 26-year-old teacher at the American school"); the reader tells them apart.
_SEG = r"[^,.&KkDdHhXxGjQCFfIYn=Eiv2]{1,16}"
# Between a noun and the participle phrase after it ("guards travelling aboard a bus were killed");
# the phrase may name people ("two policemen guarding the Ecuadoran consulate were killed": a
# demonym is a people word): the verb still agrees with the first noun, checked when read.
_PART_GAP = r"2[^.,&#~KkHhDdGjXxQZzOCFfIYn=Esiv]{0,10}+"


def _passive(name: str, headline: bool = False) -> str:
    """A passive verb ("was killed", "were wounded") or "died" (not "to die": "will continue to die");
    with ``headline``, also the bare participle of headline style ("policeman guarding polio team
    shot dead")."""
    aux = r"(?:[vTqi]{0,5}v[vTqi]{0,3})?" if headline else r"[vTqi]{0,5}v[vTqi]{0,3}"
    return rf"(?:{aux}(?P<{name}_v>[KHGd])|[vqi]{{0,5}}(?P<{name}_v2>D))"


_ALTERNATIVES = (
    # "three soldiers and two civilians were killed", "2 GEND KIA", "a policeman was hurt";
    # "a student who had been kidnapped has been found murdered" (the kidnapping describes him)
    # "12 people were killed or wounded", "20 dead and wounded" (a combined figure)
    rf"(?P<p_verb>(?P<p_verb_np>{_NPL_S}){_APPOS}(?P<p_verb_comma>,(?=i?v))?{_AUX}(?:(?P<p_verb_g>G)[vq]{{1,3}}(?=[KdD]))?"
    rf"(?:(?P<p_verb_cas>[KdDX][&V,][vT]{{0,2}}[HhxI]|[Hx][&V,][vT]{{0,2}}[KdDX])|(?P<p_verb_v>[KDdHXxG]))"
    rf"{_NOT_OBJ})",
    # "Erika Sullivan and Christopher Anderson, a teacher, have been killed" = 2; "Gacha, his son,
    # and 15 others were killed" = 17; "reporters Navas and Galdamez were killed" = 2
    rf"(?P<p_names>{_NAMES_START}(?P<p_names_np>(?:[wgUS]{{0,2}}P(?={_NAME})|t(?=[wgU]{{0,3}}S[wg]))?{_NAMEI}"
    rf"(?:(?:,&?|&){_SEG}){{1,8}}+)"
    rf",?{_passive('p_names')}{_NOT_OBJ})",
    # "Carlos Pizarro was killed", "Senator Luis Galan was assassinated", "inspector Flores died",
    # "Guerrero, who was an adviser to the commission, was shot dead": one person.
    rf"(?P<p_name>{_NAME_START}(?P<p_name_np>{_NAMEI})(?:,{_APPOS_LONG},|,(?=i))?"
    rf"{_passive('p_name')}{_NOT_OBJ})",
    # Headline style, no auxiliary: "Noted Pakistani Sufi singer shot dead in Karachi",
    # "Ex-cop shot dead in Sorsogon City": one person, the headline's subject.
    rf"(?P<h_name>^(?P<h_name_np>{_NAMEI})(?P<h_name_v>K){_NOT_OBJ}(?![wgPSRrZzQU]))",
    # "24 presidential guards travelling aboard a bus were killed", "a soldier guarding the
    # substation was wounded": a participle phrase between the noun and its verb.
    rf"(?P<p_part>(?P<p_part_np>{_NPN_HEADED}|{_NPS}|[SQ]){_PART_GAP}{_passive('p_part', headline=True)}{_NOT_OBJ})",
    # "one dead terrorist", "three wounded soldiers"
    rf"(?P<p_adj>[tpl]?(?P<p_adj_q>{_QTY})[wgO]{{0,2}}(?P<p_adj_v>[dHK])(?P<p_adj_n>[wgPS]{{0,2}}[PSRrZzg]))",
    # "15 deaths", "20 casualties", "two civilian casualties", "30 hostages"
    # "the six Jesuits' slaying" (a singular death noun after a counted noun)
    rf"(?P<p_noun>[tpl]?(?P<p_noun_q>{_QTY})(?P<p_noun_n>[wgPSU]{{0,2}})(?P<p_noun_v>[CFIQ]|(?<=[wgPSU#])f))",
    # "Romero's murder", "the archbishop's assassination" (the possessive is checked when read;
    # "the government's death squads" is no death)
    r"(?P<p_poss>[wg](?P<p_poss_v>f)(?!o))",
    # "12 lives were lost"
    rf"(?P<p_lives>(?P<p_lives_q>{_QTY})[wg]{{0,2}}Y[vT]{{0,3}}u)",
    # "two suicide bombers blew themselves up"
    rf"(?P<blew_pl>(?P<blew_pl_np>{_NPN})[^,.#~KkHhDdGy]{{0,8}}?y)",
    # "a suicide bomber blew himself up", "... detonated his vest"
    rf"(?P<blew_sg>(?:(?P<blew_sg_np>{_NPS})[vT]{{0,3}})?e)",
    # "a suicide bomber", "two suicide attackers"
    rf"(?P<suicide>a[wgPS]{{0,2}}z|[tpl]?(?P<suicide_q>{_QTY}){_MODS}Z)",
    # "the death toll rose to 15", "raising the toll to 15", "put the death toll at 15"
    rf"(?P<toll>(?:q[tp]?)?=(?:[^,.]{{0,24}}?[@ToqvV:])?(?P<toll_q>{_QTY})(?:{_MODS}{_HEAD})?)",
    # "KIA: 2", "Wounded: 5"
    rf"(?P<colon>(?P<colon_v>[XxKHdDCFI]):(?P<colon_q>{_QTY})(?![wgPS]{{0,2}}[KHXxdDFIC]))",
    # "killing and wounding about 45"
    rf"(?P<a_cas>(?:[Kk][&V][Hh]|[Hh][&V][Kk])o?(?P<a_cas_np>{_NPL_O}))",
    # "left 5 dead", "leaving 12 people dead and wounded"
    rf"(?P<a_left>E(?P<a_left_np>{_NPL_S})(?P<a_left_v>[dKHDX])(?:[&V](?P<a_left_v2>[dKHx]))?)",
    # "killing at least 12 people", "kidnapped 4 traders", "the killing of 5"
    # ... and an elided second figure: "killed 4 police in one town and 2 soldiers in another"
    rf"(?P<a_verb>(?P<a_verb_v>[KkHhGjXx])(?:o[tp]?)?(?P<a_verb_np>{_NPL_O})"
    rf"(?:[_U@][^.,&KkHhDdGjXxQCFfIYn=E]{{0,5}}?&(?P<a_verb_np2>{_NPN_HEADED}|{_NPS})"
    rf"(?=[_U@.,:<>]|$)(?P<a_verb_par>[_U@])?{_LIST_STOP})?)",
    # "murdered peasants Victor Vasquez and Rafael Romero" = 2
    rf"(?P<a_pnames>(?P<a_pnames_v>[KkHhGj])[tp]?[wgU]{{0,2}}P(?P<a_pnames_np>{_NAME}(?:,{_NAME})*,?&{_NAME})"
    rf"(?![wgPSRrZzQU2]))",
    # "gunmen shot dead Ahmed Khan, a local councillor", "killed Roberto Sarasty, who worked for
    # Caracol": a bare name after an active verb, read only where an appositive with a role noun
    # or a "who" clause says it is a person
    rf"(?P<a_name>(?P<a_name_v>[KkHhGj])(?P<a_name_np>{_NAMED}))",
    # "the deaths of 3 soldiers", "the massacre of 20 peasants"
    rf"(?P<a_of>(?P<a_of_v>[FfCIQ])[wU]{{0,2}}o[tp]?(?P<a_of_np>{_NPL_O}))",
    # "the murder of Jecar Neghme", "the assassination on 15 September of X", "the killings of X and Y"
    # ... and after a plural role noun: "the murder of peasants Victor Vasquez and Rafael Romero" = 2
    rf"(?P<a_ofname>(?P<a_ofname_v>[Ffk])(?:_[#wUv]{{1,3}})?o(?:[tp]?[wgUS]{{0,2}}P(?={_NAME}(?:,{_NAMEI})*,?&))?"
    rf"(?P<a_ofname_np>{_NAMEI}(?:(?:,{_NAMEI})*,?&{_NAMEI})?))",
    # "claimed 12 lives"
    rf"(?P<a_lives>c(?P<a_lives_q>{_QTY})[wg]{{0,2}}Y)",
    # "claimed the lives of 100 people"
    rf"(?P<a_livesof>c[tp]?Yo(?P<a_livesof_np>{_NPL_O}))",
    # "took 5 people hostage"
    rf"(?P<a_host>c(?P<a_host_np>{_NPL_S})Q)",
    # "no casualties", "no one was hurt", "none of the passengers were injured"
    # "no Pakistani soldier killed", "no civilians were hurt"
    r"(?P<neg>n(?:o[tp]?[wg]{0,2}[PS]|[wgS]{0,2}[PS])?[wgvoT]{0,3}(?P<neg_v>[CIFfHKdDXx])"
    r"(?:[&V][vT]{0,2}[CIFfHKdDXx])?)",
    # "killing no one", "wounding nobody"
    r"(?P<neg2>[KkHhDd]n)",
)
# One look at the first character before trying the alternatives: most chunks start none.
_GRAMMAR_SOURCE = r"(?=[#~LAMBtplabOSQ=qXxKkHhFfCIGjcEnDdewgUP])(?:" + "|".join(_ALTERNATIVES) + ")"

_ONE: Figure = (1, 1, 1, "exact")
_TWO: Figure = (2, 2, 2, "exact")

_CARD_WORDS_RE = re.compile(r"[\s\-]+")
_INT_RE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DIGIT_FORMS = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)(?:(?P<x>x)|(?P<plus>\+)|[-–](?P<m>\d+))?")
_YEAR_MIN, _YEAR_MAX = 1900, 2099


@dataclass(frozen=True)
class _Lexicon:
    """Everything compiled from the YAML files, built once per process."""

    words: dict[str, tuple[str, Any]]
    phrases: dict[str, tuple[str, Any]]
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    approx_multiples: dict[str, int]
    armed: frozenset[str]
    name_blockers: frozenset[str]
    singular_verbs: frozenset[str]
    plural_verbs: frozenset[str]
    not_done: frozenset[str]
    adjective_roles: frozenset[str]
    hypothetical: frozenset[str]
    speech_verbs: frozenset[str]
    number_prefixes: frozenset[str]
    months: frozenset[str]
    others: Figure
    tokenizer: re.Pattern[str]
    cue: re.Pattern[str]
    grammar: re.Pattern[str]




def _expand(entry: str) -> list[str]:
    """Expand "{a,b,}" alternatives in a vocabulary entry into plain phrases."""
    start = entry.find("{")
    if start < 0:
        return [" ".join(entry.split())]
    end = entry.index("}", start)
    out: list[str] = []
    for option in entry[start + 1:end].split(","):
        out.extend(_expand(entry[:start] + option + entry[end + 1:]))
    return out


def _key(phrase: str) -> str:
    """Lookup key of a phrase or of matched text: runs of spaces and hyphens become one space."""
    return _CARD_WORDS_RE.sub(" ", phrase.strip())


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex alternation shaped as a trie (the C engine then never retries a prefix)."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        units: list[str] = []
        for ch in phrase:
            unit = " " if ch in " -" else ch
            if unit == " " and units and units[-1] == " ":
                continue
            units.append(unit)
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for unit in sorted(k for k in node if k):
            piece = r"[\s\-]+" if unit == " " else re.escape(unit)
            alts.append(piece + emit(node[unit]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _card_pattern(words: Iterable[str]) -> str:
    """Cardinal number words: "twenty-three", "two hundred and five", "a thousand".

    A run of number words (and "and" right after "hundred"/"thousand"); ``_card_value`` adds
    them up. Trie-shaped, so positions that start no number word fail on their first letter.
    """
    w = _trie_pattern(words)
    sep = r"[\s\-]+"
    scale = r"(?:hundred|thousand)"
    return (rf"(?:a(?={sep}{scale}(?![a-z]))|{w})"
            rf"(?:{sep}(?:{w}|{scale})|(?:(?<=hundred)|(?<=thousand)){sep}and{sep}{w})*")


def _demonyms() -> list[str]:
    """Nationality words (places_vocab.yaml ``demonyms``): people nouns for counting."""
    from incidex.gazetteer import datafiles

    return sorted({str(w).lower() for words in (datafiles.vocab().get("demonyms") or {}).values() for w in words})


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    counts = load_words("counts.yaml")
    numbers = load_words("numbers.yaml")
    entries: dict[str, tuple[str, Any]] = {}

    def add(phrases: Iterable[str], code: str, value: Any = None) -> None:
        for raw in phrases:
            if not isinstance(raw, str):
                raise DataError(f"counts.yaml: entry {raw!r} is not a string (quote YAML's yes/no/on/off)")
            for phrase in _expand(raw.lower()):
                key = _key(phrase)
                old = entries.get(key)
                if old is not None and old != (code, value):
                    raise DataError(f"counts.yaml: {phrase!r} is in two classes ({old[0]!r}, {code!r})")
                entries[key] = (code, value)

    for cls, code in _CLASS_CODES.items():
        # Bulletin abbreviations are marked: "ANA" may be a name ("journalist Ana Diaz").
        add(counts.get(cls) or [], code, "abbr" if cls == "bulletin_nouns" else None)
    for word in _demonyms():  # "Pakistani killed" = 1, "five Kashmiris" = 5; "Chinese" is listed as plural
        if _key(word) not in entries:
            add([word], "P" if word.endswith("s") else "S")
    for kind, code in _QUALIFIER_CODES.items():
        add(counts["qualifiers"].get(kind) or [], code)
    for phrase, (low, high) in counts["vague"].items():
        add([phrase], "~", (low, None, high, "vague"))
    loaded = counts.get("claims_loaded_nouns") or {}
    add((loaded.get("plural") or {}).keys(), "P")
    add((loaded.get("singular") or {}).keys(), "S")
    for phrase, role in counts["tolls"].items():
        add([phrase], "=", role)
    add(counts.get("among_killed") or [], "K", "subset")
    add(counts.get("among_wounded") or [], "H", "subset")
    for phrase, n in (numbers.get("approximate_phrases") or {}).items():
        add([phrase], "#", (n, n, n, "approx"))
    for word, code in _FIXED_WORDS.items():
        add([word], code)

    words = {k: v for k, v in entries.items() if re.fullmatch(r"[a-z]+(?:['’][a-z]+)*", k)}
    phrases = {k: v for k, v in entries.items() if k not in words}
    others_low, others_high = counts["others_bounds"]

    units, teens, tens = numbers["units"], numbers["teens"], numbers["tens"]
    number_words = [*units, *teens, *tens]
    number_trie = _trie_pattern(number_words)
    # Each match starts on a token (leading spaces are skipped); a token starting with a letter
    # tries the phrase trie, then number words, then a plain word.
    tokenizer = re.compile(
        r"\s*(?:(?=[a-z])(?:"
        rf"(?P<multi>{_trie_pattern(phrases)})(?![a-z0-9])"
        rf"|(?P<card>{_card_pattern(number_words)})(?![a-z0-9])"
        r"|(?P<abbr>[a-z](?:\.[a-z])+\.?|[a-z]\.(?=\s*[a-z0-9]))"
        r"|(?P<word>[a-z]+(?:['’][a-z]+)*(?:[-–][a-z0-9]+)*))"
        # "25-year-old" is one token; "1-two" ("UPDATE 1-Two killed") is two.
        rf"|(?P<digit>\d+(?:[,.:/]\d+)*(?:[-–](?!{number_trie}(?![a-z]))[a-z0-9]+)*[a-z]*[+%]?)"
        r"|(?P<punct>--+|[^\sa-z0-9]))"
    )
    cue_phrases = [k for k, (code, _) in entries.items() if code in _TRIGGERS]
    cue = re.compile(rf"(?<![a-z0-9])(?:{_trie_pattern(cue_phrases)})(?![a-z0-9])")
    return _Lexicon(
        words=words,
        phrases=phrases,
        units=dict(units),
        teens=dict(teens),
        tens=dict(tens),
        scales=dict(numbers["scales"]),
        approx_multiples=dict(numbers.get("approximate_multiples") or {}),
        armed=frozenset(str(w).lower() for w in counts.get("armed_group_nouns") or []),
        name_blockers=frozenset(str(w).lower() for w in counts.get("name_blockers") or []),
        singular_verbs=frozenset(str(w).lower() for w in counts.get("singular_verbs") or []),
        plural_verbs=frozenset(str(w).lower() for w in counts.get("plural_verbs") or []),
        not_done=frozenset(str(w).lower() for w in counts.get("not_done") or []),
        adjective_roles=frozenset(str(w).lower() for w in counts.get("adjective_roles") or []),
        hypothetical=frozenset(str(w).lower() for w in counts.get("hypothetical") or []),
        speech_verbs=frozenset(str(w).lower() for w in counts.get("speech_verbs") or []),
        number_prefixes=frozenset(
            str(w).lower() for w in [*counts.get("number_prefixes", []), *counts.get("months", [])]
        ),
        months=frozenset(str(w).lower() for w in counts.get("months") or []),
        others=(others_low, None, others_high, "vague"),
        tokenizer=tokenizer,
        cue=cue,
        grammar=re.compile(_GRAMMAR_SOURCE),
    )


# ---------------------------------------------------------------------------------------------
# Numbers
# ---------------------------------------------------------------------------------------------
def _card_value(words: str, lex: _Lexicon) -> int | None:
    """Value of cardinal words ("two hundred and five" -> 205); None if a word is not a number."""
    total, current = 0, 0
    for word in _CARD_WORDS_RE.split(words.strip()):
        if not word or word == "and":
            continue
        if word in ("a", "an"):
            current += 1
        elif word in lex.units:
            current += lex.units[word]
        elif word in lex.teens:
            current += lex.teens[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word in lex.approx_multiples:
            current = max(current, 1) * lex.approx_multiples[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in lex.scales:
            total += max(current, 1) * lex.scales[word]
            current = 0
        else:
            return None
    return total + current


def vocabulary_word(word: str) -> bool:
    """Is ``word`` (lower case) one of the counting vocabulary's words (a number, a victim noun,
    a verb of killing, a function word)? What is not is likely a name or a content word."""
    return word in _lexicon().words


def parse_number(words: str) -> int | None:
    """The integer a number phrase names: "twenty-three" -> 23, "a dozen" -> 12, "1,200" -> 1200.

    Vague words ("dozens", "several") and anything that is not a number give None.
    """
    lex = _lexicon()
    text = " ".join(words.lower().split())
    if not text:
        return None
    if text == "zero":
        return 0
    if _INT_RE.fullmatch(text):
        return int(text.replace(",", ""))
    hit = lex.phrases.get(_key(text)) or lex.words.get(text)
    if hit is not None:
        code, value = hit
        return value[1] if code == "#" else None
    parts = text.split()
    multipliers = {**lex.scales, **lex.approx_multiples}
    if len(parts) == 2 and _INT_RE.fullmatch(parts[0]) and parts[1] in multipliers:
        return int(parts[0].replace(",", "")) * multipliers[parts[1]]
    if parts[0] in ("a", "an") and len(parts) == 1:
        return None
    if text.startswith("half a ") or text.startswith("half-a-"):
        rest = _card_value(text[7:], lex)
        return rest // 2 if rest else None
    return _card_value(text, lex)


def _digit_figure(token: str) -> Figure | None:
    """A digit token as a figure ("15", "1,200", "1x", "15+", "10-15"); None if it is no count."""
    m = _DIGIT_FORMS.fullmatch(token)
    if m is None:
        return None
    raw = m.group("n")
    n = int(raw.replace(",", ""))
    if m.group("m") is not None:
        hi = int(m.group("m"))
        return (n, n, hi, "range") if n < hi < 100000 else None
    if m.group("plus"):
        return (n, n, None, "at_least")
    if m.group("x") is None and "," not in raw and len(raw) == 4 and _YEAR_MIN <= n <= _YEAR_MAX:
        return None  # a year
    return (n, n, n, "exact")


# ---------------------------------------------------------------------------------------------
# Chunking
# ---------------------------------------------------------------------------------------------
@dataclass
class _Chunks:
    codes: str
    vals: list[Any]
    starts: list[int]
    ends: list[int]
    low: str


def _lowered(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@lru_cache(maxsize=1 << 14)
def _unlisted_code(tok: str) -> str:
    """The class of a word the vocabulary lacks, from its shape alone (cached: most words of a
    sentence are such words, and the same ones come back)."""
    if len(tok) > 3 and tok[-1] == "s" and tok[-2] != "s" and "'" not in tok:
        return "g"  # could be a people noun the lists lack ("Kashmiris")
    if tok.endswith(_ABSTRACT_SUFFIXES) and len(tok) > 5:
        return "U"  # "confrontation", "agreement": never people
    if tok.endswith("men") and len(tok) > 5:
        return "P"  # "clergymen", "tribesmen"
    if tok.endswith("ly") and len(tok) > 4 and tok not in _NOT_ADVERBS:
        return "v"  # an adverb: "were brutally murdered"
    return "w"


def _chunk(low: str, lex: _Lexicon) -> _Chunks:
    codes: list[str] = []
    vals: list[Any] = []
    starts: list[int] = []
    ends: list[int] = []
    words, phrases, prefixes = lex.words, lex.phrases, lex.number_prefixes
    prev_word = ""
    dropped_at = -2  # chunk count when an age was last dropped
    for mt in lex.tokenizer.finditer(low):
        group = mt.lastgroup
        if group is None:
            continue  # trailing spaces
        tok = mt.group(group)
        s, e = mt.span(group)
        val: Any = None
        if group == "word":
            hit = words.get(tok)
            if hit is None:
                if codes and codes[-1] == "#" and (tok in lex.scales or tok in lex.approx_multiples):
                    lo, best, hi, q = vals[-1]
                    mult = lex.scales.get(tok) or lex.approx_multiples[tok]
                    q = "approx" if tok in lex.approx_multiples else q
                    vals[-1] = (None if lo is None else lo * mult, None if best is None else best * mult,
                                None if hi is None else hi * mult, q)
                    ends[-1] = e
                    continue
                code = _unlisted_code(tok)
            else:
                code, val = hit
                if code == "F" and tok[-1] != "s":
                    code = "f"  # "the death of": no plural count may precede it
            prev_word = tok
        elif group == "multi":
            code, val = phrases[_key(tok)]
            prev_word = tok
        elif group == "card":
            n = _card_value(tok, lex)
            code, val = ("#", (n, n, n, "exact")) if n is not None else ("w", None)
            if prev_word in prefixes:
                code = "w"
            prev_word = tok
        elif group == "digit":
            if prev_word in _DROP_NUMBER_AFTER or prev_word in ("and", "or", "to") and dropped_at == len(codes) - 1:
                dropped_at = len(codes)
                continue  # "aged 30", "aged 19 and 21", "UPDATE 1-": never a count
            val = _digit_figure(tok)
            code = "#" if val is not None and prev_word not in prefixes else "w"
            if val is None and len(tok) == 4 and tok.isdigit():
                val = ("year", int(tok))  # "2000 people" is a count, "in 2000" a year: see below
            prev_word = tok
        elif group == "punct":
            code = "," if tok.startswith("--") else _PUNCT.get(tok, "_")
            if not (tok == "." and prev_word in ("no", "nos")):  # "No. 4"
                prev_word = ""
        else:  # abbr
            code = "w"
            prev_word = tok
        if not code:
            continue
        codes.append(code)
        vals.append(val)
        starts.append(s)
        ends.append(e)
    if "#" in codes:  # the two rules below only ever rewrite a figure
        # "16 November": a number before a month is a date ("12 may have died" is not).
        months = lex.months
        for k in range(len(codes) - 1):
            if codes[k] == "#" and low[starts[k + 1]:ends[k + 1]] in months:
                if low[starts[k + 1]:ends[k + 1]] != "may" or k + 2 >= len(codes) or codes[k + 2] != "v":
                    codes[k] = "w"
        # "Pablo Perez, 45, a former mayor": a bare number between commas after a name is an age.
        for k in range(1, len(codes) - 1):
            if (codes[k] == "#" and codes[k - 1] == "," and codes[k + 1] in ",.;" and low[starts[k]].isdigit()
                    and k >= 2 and codes[k - 2] in "wg"):
                codes[k] = "_"
    n = len(codes)
    for k in range(n):
        c = codes[k]
        if c == "w":
            val = vals[k]
            if val is not None and val[0] == "year":
                # "2000 people were killed", "killed 2000 civilians"; "in 2000 people ..." is a year.
                nxt = codes[k + 1] if k + 1 < n else ""
                nxt2 = codes[k + 2] if k + 2 < n else ""
                if (nxt in "PRZ" or nxt == "w" and nxt2 in "PRZ") and nxt and (k == 0 or codes[k - 1] not in "_oT@"):
                    codes[k], vals[k] = "#", (val[1], val[1], val[1], "exact")
            elif 0 < k < n - 1 and codes[k - 1] in "PSRrZz" and ends[k] - starts[k] > 4:
                # A participle after a people noun: "guards travelling aboard a bus", "a soldier
                # guarding the plant", "a man named Pedro" ("guerrilla shining path" is a name).
                tok, nxt = low[starts[k]:ends[k]], codes[k + 1]
                # Headlines drop the article: "policeman guarding polio team shot dead".
                if tok.endswith("ing") and nxt in "tap_@oTiwP" or tok.endswith("ed") and nxt in "tap_@oTiw":
                    codes[k] = "2"
        elif c == "P" and vals[k] == "abbr" and k < n - 1 and codes[k + 1] in "wg" and (k == 0 or codes[k - 1] not in "#~"):
            codes[k] = "w"  # "journalist Ana Diaz": a name, not the bulletin's "ANA" ("2 ANA KIA")
        elif c == "S" and k < n - 1 and codes[k + 1] in "wg" and low[starts[k]:ends[k]] in lex.adjective_roles:
            codes[k] = "w"  # "national civil registry office", "official sources": adjectives
        elif c == "#" and k + 2 < n and codes[k + 1] == "U" and low[starts[k + 2]:ends[k + 2]] == "old":
            codes[k] = "_"  # "Wilson, 20 years old, and ...": an age
        elif c == "9":
            nxt = codes[k + 1] if k + 1 < n else ""
            if nxt and nxt in "#~LAMB":
                codes[k] = ""  # "another 3 soldiers"
            elif nxt and nxt in "wgPSRrZzQU":
                codes[k] = "a"  # "another soldier"
            else:
                codes[k], vals[k] = "O", _ONE  # "one was killed and another wounded"
    if "" in codes:
        keep = [k for k in range(n) if codes[k]]
        codes = [codes[k] for k in keep]
        vals = [vals[k] for k in keep]
        starts = [starts[k] for k in keep]
        ends = [ends[k] for k in keep]
    if "(" in low:
        _bracketed_breakdowns(codes)
    return _Chunks("".join(codes), vals, starts, ends, low)


def _bracketed_breakdowns(codes: list[str]) -> None:
    """"six Jesuits (five Spaniards and one Salvadoran) and two women": a bracket that opens with
    a figure breaks down the figure before it; it reads as the commas of "six priests, five
    Spaniards and one Salvadoran, and two women", whose pieces restate the first figure."""
    for k, c in enumerate(codes):
        if c == "<" and k > 0 and codes[k - 1] in "PSRrZzgwQ" and k + 1 < len(codes) and codes[k + 1] in "#~LAMB":
            close = next((j for j in range(k + 2, min(k + 12, len(codes))) if codes[j] in "<>."), None)
            if close is not None and codes[close] == ">":
                codes[k] = codes[close] = ","


# ---------------------------------------------------------------------------------------------
# Reading matches back
# ---------------------------------------------------------------------------------------------
def _qualified(fig: Figure, qual: str | None) -> Figure:
    if qual is None or fig[3] not in ("exact", "approx"):
        return fig
    n = fig[1]
    if qual == "L":
        return (n, n, None, "at_least")
    if qual == "A":
        return (n, n, n, "approx")
    return (None, n, n, "at_most")


def _quantity(ch: _Chunks, k: int, j: int) -> tuple[Figure | None, int]:
    codes, vals = ch.codes, ch.vals
    if codes[k] == "B" and k + 4 <= j and codes[k + 1:k + 4] == "#&#":
        lo, hi = vals[k + 1][1], vals[k + 3][1]
        if lo is not None and hi is not None and hi > lo:
            return (lo, lo, hi, "range"), k + 4
        return vals[k + 1], k + 4
    qual = None
    if codes[k] in "LAM":
        qual = codes[k]
        k += 1
    if k >= j:
        return None, k
    if codes[k] == "~":
        fig = vals[k]
        k += 1
        if k < j and codes[k] in "WN":
            k += 1
        return fig, k
    if codes[k] != "#":
        return None, k
    fig = vals[k]
    k += 1
    if k + 1 < j and codes[k] in "TVJ" and codes[k + 1] == "#":
        lo, hi = fig[1], ch.vals[k + 1][1]
        if lo is not None and hi is not None and hi > lo:
            fig = (lo, lo, hi, "range")
        k += 2
    if k < j and codes[k] == "W" and fig[3] in ("exact", "approx"):
        fig = (fig[1], fig[1], None, "at_least")
        k += 1
    elif k < j and codes[k] == "N" and fig[3] == "exact":
        fig = (fig[1], fig[1], fig[1], "approx")
        k += 1
    return _qualified(fig, qual), k


@dataclass
class _Item:
    fig: Figure
    head: int | None  # chunk index of the counted noun


def _items(ch: _Chunks, i: int, j: int) -> list[_Item]:
    """The counted noun phrases in chunks [i, j): "three soldiers, a policeman and two others"."""
    codes = ch.codes
    out: list[_Item] = []
    k = i
    while k < j:
        if codes[k] in ",&V":
            k += 1
            continue
        det = ""
        while k < j and codes[k] in "tplv":
            det = codes[k]
            k += 1
        if k >= j:
            break
        fig: Figure | None = None
        c = codes[k]
        if c in "LAMB#~":
            fig, k = _quantity(ch, k, j)
        elif c == "a":
            fig, k = _ONE, k + 1
        elif c == "b":
            fig, k = _TWO, k + 1
        head = None
        while k < j and codes[k] in "wgOPSRrZzQU":
            if codes[k] != "U" and not (codes[k] in "wg" and head is not None and codes[head] == "S"):
                head = k  # the last noun, but a name after a role noun is not the head
            k += 1
        if k < j and codes[k] == "o":
            k += 1
            if out and k < j and codes[k] == "m":
                k += 1
                continue  # "7, two of them seriously": a subset of the figure before
            after = None
            while k < j and codes[k] not in ",&V":
                if codes[k] in "PSRrZzgwQ":
                    after = k
                k += 1
            if head is None:
                head = after
        if fig is None and head is not None:
            if codes[head] in "SrzQ" and det in "tp" or codes[head] in "SQ" and not det:
                fig = _ONE
            elif codes[head] == "O":
                fig = ch.vals[head] if isinstance(ch.vals[head], tuple) else _lexicon().others
        if fig is not None:
            out.append(_Item(fig, head))
        elif k < j and codes[k] not in ",&V":
            k += 1  # defensive: never loop on an unexpected chunk
    return out


def _sum(figs: list[Figure]) -> Figure:
    if len(figs) == 1:
        return figs[0]

    def total(vals: list[int | None]) -> int | None:
        return None if any(v is None for v in vals) else sum(v for v in vals if v is not None)

    quals = {f[3] for f in figs}
    low, best, high = total([f[0] for f in figs]), total([f[1] for f in figs]), total([f[2] for f in figs])
    if len(quals) == 1:
        qual = quals.pop()
    elif "vague" in quals:
        qual, best = "vague", None
    elif "at_least" in quals:
        qual, high = "at_least", None
    elif "at_most" in quals:
        qual, low = "at_most", None
    elif "range" in quals:
        qual = "range"
    else:
        qual = "approx"
    if qual == "vague":
        low = total([f[0] if f[0] is not None else f[1] for f in figs])
    return (low, best, high, qual)


@dataclass
class _Found:
    start: int
    end: int
    role: str
    fig: Figure
    who: str | None
    revision: bool = False
    subset: bool = False
    implicit_perp: bool = False


def _who(ch: _Chunks, idx: int | None) -> str | None:
    if idx is None or ch.codes[idx] == "O":
        return None
    return " ".join(ch.low[ch.starts[idx]:ch.ends[idx]].split())


def _from_items(ch: _Chunks, items: list[_Item], role: str, span: tuple[int, int], subset: bool,
                seized: bool = False) -> list[_Found]:
    """Group the items by side (attackers / armed side / the rest), sum each, give it a role."""
    armed = _lexicon().armed
    groups: dict[str, list[_Item]] = {}
    for it in items:
        code = ch.codes[it.head] if it.head is not None else ""
        if seized and (it.head is None or code not in "PSRrZzQ" or ch.codes[it.head + 1:it.head + 2] == "w"):
            continue  # "seized 3 vehicles", "seized subversive propaganda" are no abduction
        who = _who(ch, it.head)
        side = "perp" if code and code in "RrZz" else ("armed" if who in armed else "other")
        groups.setdefault(side, []).append(it)
    out: list[_Found] = []
    for side, its in groups.items():
        r = role
        if side == "perp":
            if role != "killed":
                continue
            r = "perpetrators_killed"
        whos: list[str] = []
        for it in its:
            w = _who(ch, it.head)
            if w and w not in whos:
                whos.append(w)
        out.append(_Found(span[0], span[1], r, _sum([it.fig for it in its]),
                          " and ".join(whos) if whos else None, subset=subset))
    return out


def _figure_at(ch: _Chunks, m: re.Match[str], group: str) -> Figure | None:
    i, j = m.span(group)
    fig, _ = _quantity(ch, i, j)
    return fig


def _negated_subject(codes: str, i: int) -> bool:
    """True for a subject after "none of (the)": the figure says who was *not* hurt."""
    p = i - 1
    if p >= 0 and codes[p] in "tp":
        p -= 1
    return p >= 1 and codes[p] == "o" and codes[p - 1] == "n"


def _tok(ch: _Chunks, k: int) -> str:
    return ch.low[ch.starts[k]:ch.ends[k]]


_BARE_ROLE_RE = re.compile(r"[wgU]{0,3}S(?![wg])")
_NAMEISH_RE = re.compile(r"[wgUS]{0,3}S?[wg]{1,5}|[wgU]{0,3}S")


def _name_members(ch: _Chunks, i: int, j: int, singular: bool = False, plural: bool = False) -> list[_Item]:
    """The people in a list that holds names ("Sullivan and Anderson, a teacher at the school").

    A name (with or without its role noun) is one person; a counted phrase ("15 others", "his
    son") counts as usual. An appositive is no member: a piece that is an age, a prepositional
    phrase ("in the country's southeast"), a role noun without a name ("Perez, third judge of
    public order, and two of her bodyguards"; "Gacha, the Mexican, and military chief of the
    cartel, died"), a piece after a comma that starts with an article ("a teacher at ..."), what
    follows such a piece without a new role noun or figure ("Galan, senator and presidential
    hopeful, died"; not with a plural verb: "Oqueli, leader of the MNR and Hilda Flores were
    abducted"), and anything after the last member.
    """
    codes = ch.codes
    pieces: list[tuple[int, int, str]] = []  # (start, end, separator before: "", ",", "&", ",&")
    start, pending = i, ""
    for k in range(i, j + 1):
        if k == j or codes[k] in ",&":
            if k > start:
                pieces.append((start, k, pending))
                pending = ""
            if k < j:
                pending += codes[k]
            start = k + 1
    last_and = max((n for n, (_, _, sp) in enumerate(pieces) if "&" in sp), default=len(pieces) - 1)
    out: list[_Item] = []
    skipped = False
    for n, (a, b, sp) in enumerate(pieces):
        piece = codes[a:b]
        counted = any(c in "#~LAMBb" for c in piece)
        if (n > last_and or piece[0] in "_@<"
                or n and not counted and (_BARE_ROLE_RE.match(piece) or sp == "," and piece[0] in "at"
                                          or skipped and sp == "," and "S" not in piece)
                or skipped and sp == "&" and not plural):
            skipped = True
            continue
        skipped = False
        lead = re.match(r"[wgUS]{0,2}P(?=[wg])", piece)
        if lead:  # "reporters Roberto Navas and ...": the plural role noun is no member
            a += lead.end()
            piece = codes[a:b]
        if counted or any(c in "atplO" for c in piece) or not _NAMEISH_RE.fullmatch(piece):
            stop = next((k for k in range(a, b) if codes[k] in "_@<"), b)  # "... from the DAS"
            out.extend(it for it in _items(ch, a, stop)
                       if it.head is not None and codes[it.head] in "PSRrZzQOg")
        elif _is_name(ch, a, b, singular):
            head = next((k for k in range(a, b) if codes[k] == "S"), None)
            out.append(_Item(_ONE, head))
    return out


def _is_name(ch: _Chunks, a: int, b: int, singular: bool = False) -> bool:
    """Is chunks [a, b) a person's name (with or without its role noun)?

    A role noun makes it one ("Mr. Torres"). A bare run of unknown words is a name unless its last
    word is a verb form ("the assassination of Oqueli and urging ...") or looks plural on its own
    ("Salvadorans"): a plural-looking last word ("Navas") passes after a first name ("Roberto
    Navas") or with a singular verb ("Navas was killed")."""
    codes = ch.codes
    if "S" in codes[a:b]:
        return True
    first, last = _tok(ch, a), _tok(ch, b - 1)
    if last.endswith("ing") or b - a == 1 and last.endswith("ed"):
        return False  # "urging", "continued (to be held hostage)"
    if len(first) > 6 and first.endswith("ed") and not first.endswith(("eed", "med")):
        return False  # "(minds that) advocated reform (had been killed)"; "Mohammed", "Rasheed" pass
    return codes[b - 1] == "w" or b - a >= 2 or singular


_SEIZED = ("seiz", "snatch")


def _not_done_before(ch: _Chunks, vpos: int) -> bool:
    """"tried to kill", "an attempt to kill", "the attempted murder": the act did not happen."""
    not_done = _lexicon().not_done
    p = vpos - 1
    if p >= 0 and ch.codes[p] == "T":
        p -= 1
    return p >= 0 and _tok(ch, p) in not_done


def _verb_number(ch: _Chunks, i: int, j: int) -> str:
    """"singular" or "plural" from the auxiliaries in chunks [i, j) ("was" / "were"), or ""."""
    lex = _lexicon()
    for k in range(i, j):
        t = _tok(ch, k)
        if t in lex.singular_verbs:
            return "singular"
        if t in lex.plural_verbs:
            return "plural"
    return ""


def _passive_role(ch: _Chunks, m: re.Match[str], kind: str) -> tuple[str, int]:
    group = kind + "_v" if m.group(kind + "_v") is not None else kind + "_v2"
    pos = m.start(group)
    return _ROLE_OF_VERB[ch.codes[pos]], pos


#: Two titles of one person joined by "and", the name after the second: "senator and presidential
#: candidate Luis Carlos Galan", "journalist and writer Juan Perez" (a bare first title: no
#: article, number or name of its own).
_COORDINATED_TITLES = re.compile(r"[wgU]{0,2}S&[wgU]{0,3}S[wg]{1,5}")
#: Two singular nouns under one determiner: "his bodyguard and driver" (two people with "were").
_SHARED_DETERMINER = re.compile(r"[atp][wgPS]{0,2}S&[wg]{0,2}S")


def _restatement(ch: _Chunks, items: list[_Item], np_i: int, np_j: int) -> list[_Item]:
    """"three reporters, two Salvadorans and a Netherlander", "six priests -- five Spaniards and
    one Salvadoran -- and two women": pieces after the first comma that add up to the first
    figure restate it (3, not 6; 8, not 14)."""
    if len(items) < 3 or any(it.fig[3] != "exact" for it in items[:3]):
        return items
    first_sep = next((c for c in ch.codes[np_i:np_j] if c in ",&"), "")
    if first_sep != ",":
        return items
    total = 0
    for k in range(1, len(items)):
        if items[k].fig[3] != "exact":
            break
        total += items[k].fig[1] or 0
        if k >= 2 and total == items[0].fig[1]:
            return items[:1] + items[k + 1:]
        if total >= (items[0].fig[1] or 0):
            break
    return items


def _who_restates(ch: _Chunks, np_i: int) -> bool:
    """A "who was killed" clause after a casualty word restates it ("the death of a Panamanian
    minister, a Mr Spadafora, who was murdered" is one death; "the assassination of four priests
    and her child, who were killed" is five)."""
    return _CASUALTY_CODE.search(ch.codes, max(0, np_i - 12), np_i) is not None


_CASUALTY_CODE = re.compile(r"[KkFfDdHhGj]")


def _subject_anyway(ch: _Chunks, i: int, np_j: int, vpos: int) -> bool:
    """A name after a blocking word is still the one the verb is about when a "who" clause says so
    ("advocated by candidate Bernardo Jaramillo, who was assassinated": the clause is about him
    whatever came before), or when the blocker is the "which" of "in which" ("the operation in
    which Gonzalo Rodriguez Gacha was killed": the name is the clause's subject)."""
    codes = ch.codes
    if codes[np_j:np_j + 2] == ",i" and "," not in codes[np_j + 1:vpos]:
        return True
    return (i > 1 and _tok(ch, i - 1) in ("which", "whom") and codes[i - 2] == "_"
            and _tok(ch, i - 2) in _lexicon().name_blockers)


def _read_names(ch: _Chunks, m: re.Match[str], kind: str, span: tuple[int, int]) -> list[_Found]:
    """The named-victim alternatives (p_name, p_names, a_ofname, a_pnames, a_name, p_poss)."""
    lex = _lexicon()
    codes = ch.codes
    i = m.start()
    if kind in ("p_name", "p_names", "h_name"):
        np_i, np_j = m.span(kind + "_np")
        role, vpos = _passive_role(ch, m, kind)
        if i > 0 and _tok(ch, i - 1) in lex.name_blockers and not _subject_anyway(ch, i, np_j, vpos) \
                or i > 1 and codes[i - 1] == "&" and codes[i - 2] in "wg":
            return []  # "in Usulutan and 3 soldiers were killed", "from Vichos and Condoray died"
        if codes[np_j:np_j + 2] == ",i" and _who_restates(ch, np_i):
            return []
        if role == "abducted" and _tok(ch, vpos).startswith(_SEIZED):
            return []  # "propaganda material was seized": things, not people
        if codes[vpos] != "D" and _tok(ch, vpos - 1) in ("has", "have", "had"):
            return []  # "the army has killed ...": active, the name is no victim
        if vpos > 1 and _tok(ch, vpos - 1) == "be" and _tok(ch, vpos - 2) in lex.hypothetical:
            return []  # "terrorists must be killed", "anyone else to be killed"
        if any(_tok(ch, k) in lex.speech_verbs for k in range(m.end(kind + "_np"), vpos)):
            return []  # "CPP says slain were peasants": the name is the speaker
        number = _verb_number(ch, np_j, vpos)
        if kind == "h_name" and re.search(r"[^s]s$", _tok(ch, np_j - 1)):
            return []  # a headline's plural-looking subject ("Peace talks killed") is no person
        if kind in ("p_name", "h_name"):
            if number == "plural" or not _is_name(ch, np_i, np_j, number == "singular"):
                return []
            head = next((k for k in range(np_i, np_j) if codes[k] == "S"), None)
            items = [_Item(_ONE, head)]
            if kind == "p_name" and m.group("p_name_g") is not None:
                # "Castellar, who was kidnapped on 5 January, was found dead": abducted, then killed
                g = m.end("p_name_g") - 1
                return (_from_items(ch, items, role, span, False)
                        + _from_items(ch, items, "abducted", (span[0], ch.ends[g]), False))
        elif number == "singular" or "&" not in codes[np_i:np_j] and codes[vpos] == "D" and all(
                codes[k + 1] in "at_" or _BARE_ROLE_RE.match(codes[k + 1:np_j])
                for k in range(np_i, np_j) if codes[k] == ","):
            # "Pizarro, former leader of the party and of the movement, was killed", "Rojas, the
            # union leader, died": the rest is an appositive; the subject is the first name.
            end = next((k for k in range(np_i, np_j) if codes[k] in ",&"), np_j)
            if not _is_name(ch, np_i, end, True):
                return []
            items = [_Item(_ONE, next((k for k in range(np_i, end) if codes[k] == "S"), None))]
        elif "&" in codes[np_i:np_j]:
            first = next((k for k in range(np_i, np_j) if codes[k] in ",&"), np_j)
            lead = re.match(r"[wgUS]{0,2}P(?=[wg])", codes[np_i:first])
            if not _is_name(ch, np_i + (lead.end() if lead else 0), first):
                return []  # "(the plane was) damaged and the pilot ... were injured"
            items = _name_members(ch, np_i, np_j, plural=number == "plural")
        else:
            return []  # "Pereira -- three persons were injured": a place, then the figure
        return _from_items(ch, items, role, span, False)
    if kind == "a_ofname":
        vpos = m.start("a_ofname_v")
        verb = _tok(ch, vpos)
        if _not_done_before(ch, vpos) or (vpos + 1 < len(codes) and _tok(ch, vpos + 1) in lex.not_done):
            return []  # "the attempted murder of X"
        np_i, np_j = m.span("a_ofname_np")
        bare = "S" not in codes[np_i:np_j] and "P" not in codes[vpos:np_i]  # "the massacre of peasants X and Y"
        if bare and (verb.startswith("massacre") or verb.startswith("death") and np_j - np_i == 1):
            return []  # "the massacre of San Francisco" (a place), "the death of democracy"
        if "," in codes[np_i:np_j] and np_j < len(codes) and codes[np_j] == "v" and "P" not in codes[vpos:np_i]:
            # "following the death of Gacha, Escobar and Ochoa were on the move": the list after
            # the first comma is the next clause's subject.
            np_j = codes.index(",", np_i, np_j)
            span = (span[0], ch.ends[np_j - 1])
        items = _name_members(ch, np_i, np_j)
        if codes[vpos] == "F" and len(items) < 2:
            return []  # "the deaths of North Americans": a plural noun, not a name
        return _from_items(ch, items, "killed", span, False)
    if kind == "a_name":
        vpos = m.start("a_name_v")
        np_i, np_j = m.span("a_name_np")
        if _not_done_before(ch, vpos) or vpos > 0 and codes[vpos - 1] == "v" \
                or not _is_name(ch, np_i, np_j, True):
            return []  # "was killed instantly, a witness said": passive, no object
        return _from_items(ch, [_Item(_ONE, None)], _ROLE_OF_VERB[codes[vpos]], span, False)
    if kind == "a_pnames":
        vpos = m.start("a_pnames_v")
        role = _ROLE_OF_VERB[codes[vpos]]
        if _not_done_before(ch, vpos) or role == "abducted" and _tok(ch, vpos).startswith(_SEIZED):
            return []
        np_i, np_j = m.span("a_pnames_np")
        items = [_Item(_ONE, None) for _ in re.finditer(r"[wg]+", codes[np_i:np_j])]
        return _from_items(ch, items, role, span, False)
    # p_poss: "Romero's murder"
    owner = _tok(ch, i)
    vpos = m.start("p_poss_v")
    nxt = _tok(ch, vpos + 1) if vpos + 1 < len(codes) else ""
    if (not owner.endswith(("'s", "’s")) or nxt in lex.not_done
            or nxt and codes[vpos + 1] in "wgUPS" and not nxt.endswith("ed")):
        return []  # "the government's death squads"; "Castillo's murder condemned" is a headline
    return [_Found(*span, "killed", _ONE, None)]


def _read_match(ch: _Chunks, m: re.Match[str]) -> list[_Found]:
    kind = m.lastgroup or ""
    codes = ch.codes
    i, j = m.span()
    span = (ch.starts[i], ch.ends[j - 1])
    matched = codes[i:j]
    subset = any(ch.vals[k] == "subset" for k in range(i, j))
    p = i - 1
    while p >= 0 and codes[p] == "v":
        p -= 1
    if p >= 0 and codes[p] == "s":
        subset = True

    if kind == "p_verb" and _negated_subject(codes, i):
        # "none of the 4 priests and 100 refugees was hurt"
        kind = "neg"

    if kind in ("p_name", "p_names", "h_name", "a_ofname", "a_pnames", "a_name", "p_poss"):
        return _read_names(ch, m, kind, span)

    if kind == "p_part":
        role, vpos = _passive_role(ch, m, kind)
        items = _items(ch, *m.span("p_part_np"))
        number = _verb_number(ch, m.end("p_part_np"), vpos)
        n = sum(it.fig[1] or 2 for it in items)
        if not items or number == "singular" and n > 1 or number == "plural" and n == 1:
            return []  # the verb agrees with another noun: "3 soldiers guarding the mayor, who was killed"
        return _from_items(ch, items, role, span, subset)

    if kind in ("p_verb", "a_cas", "a_left", "a_verb", "a_of", "a_host", "a_livesof"):
        np_i, np_j = m.span(kind + "_np")
        if kind == "p_verb" and m.group("p_verb_comma") is not None and codes[np_j] == ",":
            who = codes[np_j + 1:np_j + 2] == "i"
            if who and _who_restates(ch, np_i):
                return []
            if codes[np_j - 1] not in "PSRrZzQO#~" and not (who and _ROLE_NAME_RE.fullmatch(codes, np_i, np_j)):
                return []  # "... a green car, were wounded": the noun before the comma is no victim
            if "," in codes[np_i:np_j]:
                # "three other civilians, two women and a man, also died": what follows the
                # first comma restates the first figure.
                np_j = codes.index(",", np_i, np_j)
        if subset and kind == "p_verb" and ",&" in codes[np_i:np_j]:
            # "12 were killed, including 3 children, and 30 others were wounded": the list
            # opens with the subset; what follows ", and" is a figure of its own.
            np_i = codes.index(",&", np_i, np_j) + 2
            span = (ch.starts[np_i], span[1])
            subset = False
        items = _restatement(ch, _items(ch, np_i, np_j), np_i, np_j)
        if len(items) == 2 and _COORDINATED_TITLES.fullmatch(codes, np_i, np_j):
            items = items[1:]  # "senator and presidential candidate Luis Carlos Galan": one person
        elif len(items) == 2 and _SHARED_DETERMINER.fullmatch(codes, np_i, np_j) \
                and kind == "p_verb" and _verb_number(ch, np_j, m.end()) == "singular":
            items = items[1:]  # "a teacher and activist was killed": one person, two titles
        seized = False
        if kind == "a_cas" or kind == "p_verb" and m.group("p_verb_cas") is not None:
            role = "casualties"
        elif kind == "a_left":
            v1 = _ROLE_OF_VERB[codes[m.start("a_left_v")]]
            v2 = m.group("a_left_v2")
            role = "casualties" if v2 and _ROLE_OF_VERB[v2] != v1 else v1
        elif kind == "a_host":
            role = "abducted"
        elif kind == "a_livesof":
            role = "killed"
        else:
            vpos = m.start(kind + "_v")
            role = _ROLE_OF_VERB[codes[vpos]]
            verb = ch.low[ch.starts[vpos]:ch.ends[vpos]]
            seized = role == "abducted" and verb.startswith(_SEIZED)
            if kind == "a_verb" and _not_done_before(ch, vpos):
                return []  # "tried to kill the general", "an attempt to kidnap 3 engineers"
        if kind == "a_verb" and m.group("a_verb_np2") is not None:
            # An elided verb: "killed 4 police in one town and 2 soldiers in another" tells two
            # figures (two incidents when each has its own place); "killed 4 people in the
            # market and 2 policemen" one figure of 6.
            n2_i, n2_j = m.span("a_verb_np2")
            items2 = _items(ch, n2_i, n2_j)
            if m.group("a_verb_par") is not None:
                first = _from_items(ch, items, role, (span[0], ch.ends[np_j - 1]), subset, seized)
                second = _from_items(ch, items2, role, (ch.starts[n2_i], ch.ends[n2_j - 1]), subset, seized)
                return first + second
            items = items + items2
            span = (span[0], ch.ends[n2_j - 1])
        found = _from_items(ch, items, role, span, subset, seized)
        if kind == "p_verb" and m.group("p_verb_g") is not None:
            # "a student who had been kidnapped has been found murdered": abducted, then killed
            g = m.start("p_verb_g")
            found += _from_items(ch, items, "abducted", (span[0], ch.ends[g]), subset, False)
        return found

    if kind == "p_adj":
        fig = _figure_at(ch, m, "p_adj_q")
        role = _ROLE_OF_VERB[codes[m.start("p_adj_v")]]
        n_i, n_j = m.span("p_adj_n")
        head = n_j - 1
        return _from_items(ch, [_Item(fig, head)], role, span, subset) if fig else []

    if kind == "p_noun":
        fig = _figure_at(ch, m, "p_noun_q")
        vpos = m.start("p_noun_v")
        role = _ROLE_OF_VERB[codes[vpos]]
        n_i, n_j = m.span("p_noun_n")
        one = fig is not None and fig[1] == 1 and codes[vpos + 1:vpos + 2] not in tuple("wgPSU")
        if codes[vpos] == "f" and codes[vpos - 1] != "P" and ch.low[ch.ends[vpos - 1]:ch.ends[vpos - 1] + 1] not in "'’" \
                and not one:
            # "the six Jesuits' slaying" and "one (unfortunate) death" are counts, "11 files murder (charges)" is not
            return []
        head = next((k for k in range(n_j - 1, n_i - 1, -1) if codes[k] in "PS"), None)
        return _from_items(ch, [_Item(fig, head)], role, span, subset) if fig else []

    if kind in ("p_lives", "a_lives"):
        fig = _figure_at(ch, m, kind + "_q")
        return [_Found(*span, "killed", fig, None, subset=subset)] if fig else []

    if kind == "toll":
        fig = _figure_at(ch, m, "toll_q")
        tpos = matched.index("=") + i
        role = ch.vals[tpos]
        head = j - 1 if codes[j - 1] in "PSRrZzgw" and m.end("toll_q") < j else None
        revision = "q" in matched
        return [_Found(*span, role, fig, _who(ch, head), revision=revision, subset=subset)] if fig else []

    if kind == "colon":
        fig = _figure_at(ch, m, "colon_q")
        role = _ROLE_OF_VERB[codes[m.start("colon_v")]]
        return [_Found(*span, role, fig, None, subset=subset)] if fig else []

    if kind == "blew_pl":
        items = _items(ch, *m.span("blew_pl_np"))
        if not items:
            return []
        who = _who(ch, items[0].head)
        return [_Found(*span, "perpetrators_killed", _sum([it.fig for it in items]), who, implicit_perp=True)]

    if kind == "blew_sg":
        head = None
        if m.group("blew_sg_np") is not None:
            head = m.end("blew_sg_np") - 1
        return [_Found(*span, "perpetrators_killed", _ONE, _who(ch, head), implicit_perp=True)]

    if kind == "suicide":
        fig = _figure_at(ch, m, "suicide_q") if m.group("suicide_q") is not None else _ONE
        head = j - 1
        return [_Found(*span, "perpetrators_killed", fig, _who(ch, head), implicit_perp=True)] if fig else []

    if kind in ("neg", "neg2"):
        zero: Figure = (0, 0, 0, "none_reported")
        both = any(c in "CIHhx" for c in matched)
        roles = ("killed", "wounded") if both else ("killed",)
        return [_Found(*span, r, zero, None) for r in roles]
    return []  # pragma: no cover - every alternative is handled above


def find_counts(text: str) -> list[CountMention]:
    """Count mentions in one sentence (or bulletin line), offsets relative to ``text``, by start."""
    lex = _lexicon()
    low = _lowered(text)
    if lex.cue.search(low) is None:
        return []
    ch = _chunk(low, lex)
    found: list[_Found] = []
    codes, search = ch.codes, lex.grammar.search
    m = search(codes)
    while m is not None:
        got = _read_match(ch, m)
        found.extend(got)
        # A match the reader turns down ("in Usulutan and 3 soldiers were killed" is no list of
        # names) must not hide a figure inside it: look again from its next chunk.
        m = search(codes, m.end() if got else m.start() + 1)
    if not found:
        return []
    # Subsets ("including 3 children") only stand when nothing else gives that role.
    full_roles = {f.role for f in found if not f.subset}
    found = [f for f in found if not (f.subset and f.role in full_roles)]
    # One suicide attacker is often named twice ("a suicide bomber ... blew himself up").
    seen_implicit = False
    kept: list[_Found] = []
    for f in found:
        if f.implicit_perp:
            if seen_implicit or any(g.role == "perpetrators_killed" and not g.implicit_perp for g in found):
                continue
            seen_implicit = True
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return [
        CountMention(
            start=f.start, end=f.end, text=text[f.start:f.end], role=f.role,  # type: ignore[arg-type]
            low=f.fig[0], best=f.fig[1], high=f.fig[2], qualifier=f.fig[3], who=f.who,
            revision=f.revision, definite=_definite(ch, f.start, f.end),
        )
        for f in kept
    ]


@lru_cache(maxsize=1)
def added_words() -> re.Pattern[str]:
    """``added_words`` of counts.yaml: "three other soldiers", "the driver also died" add victims."""
    words = load_words("counts.yaml").get("added_words") or []
    return re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in words) + r")\b", re.IGNORECASE)


def _definite(ch: _Chunks, start: int, end: int) -> bool:
    """Is the figure of the span [start, end) told with a definite determiner ("the six priests",
    "these two murders", "all 12 passengers", "the slain minister")? Such a figure points back at
    victims already counted: the event's count keeps the figure it has (counting.merge). A
    singular noun with "also" or "another" ("the driver also died") adds a victim."""
    k = bisect_left(ch.starts, start)
    codes = ch.codes
    first = k
    while k < len(codes) and ch.starts[k] < end:
        if codes[k] == "#":
            return k > 0 and codes[k - 1] in "tbl"
        if codes[k] == "S":
            j = k - 1
            while j >= first and codes[j] in "wgK":
                j -= 1
            return j >= 0 and codes[j] == "t" and not added_words().search(ch.low, start, end)
        k += 1
    return False
