"""Places: toponyms found in the three genres and resolved against the gazetteer.

Every row is a phrase written for this table (no real report copied), the context in force
(ISO country or None), and the mention expected among those found: its words, country,
admin1, location, geo_precision (UCDP where_prec) and sublocation. The gazetteer index is
built on first use into the default cache ($INCIDEX_DATA_DIR or ~/.cache/incidex).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from incidex.pipeline.places import PlaceContext, document_country, find_places, resolve_heading


class Row(NamedTuple):
    phrase: str
    context: str | None
    text: str
    country: str | None
    admin1: str | None
    location: str | None
    precision: int | None
    sublocation: str | None = None


WIRE = [
    Row("A bomb exploded in Mosul on Monday.", None, "Mosul", "IQ", "Ninawa", "Mosul", 1),
    Row("Clashes continued in Raqqa for a third day.", None, "Raqqa", "SY", "Ar Raqqah", "Ar Raqqah", 1),
    Row("Fighting spread in al-Raqqah province.", None, "al-Raqqah province", "SY", "Ar Raqqah", None, 4),
    Row("Two soldiers were killed in Deir ez-Zor.", None, "Deir ez-Zor", "SY", "Dayr az Zawr", "Deir ez-Zor", 1),
    Row("Mortar fire hit a market near Kirkuk.", None, "Kirkuk", "IQ", "Kirkuk", "Kirkuk", 2),
    Row("The convoy was ambushed 20 km south of Kirkuk.", None, "20 km south of Kirkuk", "IQ", "Kirkuk", "Kirkuk", 2),
    Row("A car bomb struck Baghdad's Karrada district.", None, "Baghdad's Karrada district", "IQ", "Baghdad", "Baghdad", 1,
        "Karrada"),
    Row("Gunmen attacked a checkpoint in Helmand province.", None, "Helmand province", "AF", "Helmand", None, 4),
    Row("The attack took place in Kabul, Afghanistan.", None, "Kabul, Afghanistan", "AF", "Kabul", "Kabul", 1),
    Row("Police said the blast happened outside Jalalabad.", None, "Jalalabad", "AF", "Nangarhar", "Jalalabad", 2),
    Row("A suicide bomber struck in Peshawar on Friday.", None, "Peshawar", "PK", "Khyber Pakhtunkhwa", "Peshawar", 1),
    Row("Militants attacked a school in Quetta, the capital of Balochistan.", None, "Quetta", "PK", "Balochistan",
        "Quetta", 1),
    Row("Drone strikes hit North Waziristan.", None, "North Waziristan", "PK", "Khyber Pakhtunkhwa", None, 3),
    Row("Insurgents raided Maiduguri, the capital of Borno state.", None, "Maiduguri", "NG", "Borno", "Maiduguri", 1),
    Row("Insurgents raided Maiduguri, the capital of Borno state.", None, "Borno state", "NG", "Borno", None, 4),
    Row("Boko Haram fighters attacked villages in Borno State.", None, "Borno State", "NG", "Borno", None, 4),
    Row("An explosion was heard near Maiduguri.", None, "Maiduguri", "NG", "Borno", "Maiduguri", 2),
    Row("Al-Shabaab claimed an attack in Mogadishu.", None, "Mogadishu", "SO", "Banaadir", "Mogadishu", 1),
    Row("Fighting broke out in Benghazi.", None, "Benghazi", "LY", "Banghazi", "Benghazi", 1),
    Row("Rockets landed in Sirte.", None, "Sirte", "LY", "Surt", "Sirte", 1),
    Row("An airstrike hit Sanaa.", None, "Sanaa", "YE", "Amanat al 'Asimah", "Sanaa", 1),
    Row("A blast rocked Aden.", None, "Aden", "YE", "'Adan", "Aden", 1),
    Row("Militias clashed in Tripoli.", None, "Tripoli", "LY", "Tarabulus", "Tripoli", 1),
    Row("Militias clashed in Tripoli.", "LB", "Tripoli", "LB", "Ash Shimal", "Tripoli", 1),
    Row("Shelling continued in Homs.", None, "Homs", "SY", "Hims", "Homs", 1),
    Row("Rebels advanced in Aleppo.", None, "Aleppo", "SY", "Halab", "Aleppo", 1),
    Row("Airstrikes pounded Idlib province.", None, "Idlib province", "SY", "Idlib", None, 4),
    Row("The attack happened in Sinai.", None, "Sinai", "EG", None, None, 4),
    Row("Gunmen killed two police officers in North Sinai.", None, "North Sinai", "EG", "Shamal Sina'", None, 4),
    Row("A checkpoint in El Arish came under fire.", None, "El Arish", "EG", "Shamal Sina'", "Arish", 1),
    Row("Suicide bombers struck in Kano.", None, "Kano", "NG", "Kano", "Kano", 1),
    Row("Insurgents stormed the town of Gwoza.", None, "Gwoza", "NG", "Borno", "Gwoza", 1),
    Row("Gunmen burned the village of Xyzland, near Maiduguri.", None, "Xyzland, near Maiduguri", "NG", "Borno",
        "Maiduguri", 2, "Xyzland"),
    Row("Soldiers were ambushed in Diffa.", None, "Diffa", "NE", "Diffa", "Diffa", 1),
    Row("A rocket hit a camp in Gao.", None, "Gao", "ML", "Gao", "Gao", 1),
    Row("The group seized Timbuktu.", None, "Timbuktu", "ML", "Tombouctou", "Timbuktu", 1),
    Row("Fighting raged in Marawi.", None, "Marawi", "PH", "Autonomous Region in Muslim Mindanao", "Marawi City", 1),
    Row("Troops clashed with militants in Jolo, Sulu.", None, "Jolo, Sulu", "PH", "Autonomous Region in Muslim Mindanao",
        "Jolo", 1),
    Row("A grenade exploded in Karachi's Lyari area.", None, "Karachi's Lyari area", "PK", "Sindh", "Karachi", 1,
        "Lyari"),
    Row("A blast killed 3 in Lahore.", None, "Lahore", "PK", "Punjab", "Lahore", 1),
    Row("Police intercepted a car in Islamabad.", None, "Islamabad", "PK", "Islamabad", "Islamabad", 1),
    Row("Militants attacked a camp in Srinagar.", None, "Srinagar", "IN", "Jammu and Kashmir", "Srinagar", 1),
    Row("Fighting was reported in Herat province.", None, "Herat province", "AF", "Herat", None, 4),
    Row("Taliban fighters overran a base in the northern province of Kunduz.", None, "Kunduz", "AF", "Kunduz", None, 4),
    Row("Taliban fighters entered the northern city of Kunduz.", None, "Kunduz", "AF", "Kunduz", "Kunduz", 1),
    Row("Separatists attacked a checkpoint in Kousseri.", "CM", "Kousseri", "CM", "Far North", "Kousseri", 1),
    Row("Gunmen killed 4 police in Mora, Far North Region.", None, "Mora, Far North Region", "CM", "Far North", "Mora", 1),
    Row("A suicide bomber struck a market in Maroua.", None, "Maroua", "CM", "Far North", "Maroua", 1),
    Row("Separatists attacked soldiers in Bamenda.", None, "Bamenda", "CM", "North-West", "Bamenda", 1),
    Row("Jihadists attacked a post in Tillaberi region.", None, "Tillaberi region", "NE", "Tillaberi", None, 4),
    Row("An ambush was reported in Mopti.", None, "Mopti", "ML", "Mopti", "Mopti", 1),
    Row("A blast hit a hotel in Ouagadougou.", None, "Ouagadougou", "BF", "Centre", "Ouagadougou", 1),
    Row("Militants attacked a military base in Djibo.", None, "Djibo", "BF", "Sahel", "Djibo", 1),
    Row("Rebels killed 12 civilians in Beni.", "CD", "Beni", "CD", "Nord-Kivu", "Beni", 1),
    Row("Militia attacks continued around Butembo.", None, "Butembo", "CD", "Nord-Kivu", "Butembo", 2),
    Row("Insurgents seized Mocimboa da Praia.", None, "Mocimboa da Praia", "MZ", "Cabo Delgado", "Mocimboa da Praia", 1),
    Row("A roadside bomb hit a convoy in Kismayo.", None, "Kismayo", "SO", "Jubbada Hoose", "Kismayo", 1),
    Row("Mortars landed in Baidoa.", None, "Baidoa", "SO", "Bay", "Baidoa", 1),
    Row("Attackers struck a bus in Mandera.", None, "Mandera", "KE", "Mandera", "Mandera", 1),
    Row("A bomb exploded at a mosque in Quetta.", None, "Quetta", "PK", "Balochistan", "Quetta", 1),
    Row("A car bomb exploded in Mora's central market.", "CM", "Mora", "CM", "Far North", "Mora", 1),
    Row("Clashes in the Bilal, Nour and Salam quarters of Mora killed 11 soldiers.", "CM",
        "Bilal, Nour and Salam quarters of Mora", "CM", "Far North", "Mora", 1, "Bilal; Nour; Salam"),
    Row("Rocket fire hit Kabul airport.", None, "Kabul", "AF", "Kabul", "Kabul", 1),
    Row("Five killed in Pakistan's Khyber district.", None, "Pakistan's Khyber district", "PK", "Khyber Pakhtunkhwa", None, 3),
    Row("Clashes in Pakistan's Orakzai, Khyber areas reportedly kill 38", None, "Pakistan's Orakzai", "PK",
        "Khyber Pakhtunkhwa", None, 3),
    Row("Three suspected militants killed in Khuzdar", None, "Khuzdar", "PK", "Balochistan", "Khuzdar", 1),
    Row("Gunmen killed 4 police in Mora on Monday and 2 soldiers in Kolofata on Tuesday.", "CM", "Mora", "CM", "Far North",
        "Mora", 1),
    Row("Gunmen killed 4 police in Mora on Monday and 2 soldiers in Kolofata on Tuesday.", "CM", "Kolofata", "CM", None,
        None, None, "Kolofata"),
    # the country in force does not own every name: a town across the border, an exact name abroad
    Row("Gunmen attacked soldiers near the town of Bosso on Monday.", "NG", "Bosso", "NE", "Diffa", "Bosso", 2),
    Row("Gunmen raided a farm near Bosso.", "NG", "Bosso", "NE", "Diffa", "Bosso", 2),
    Row("Troops clashed with insurgents in the area of Mora.", "NG", "Mora", "CM", "Far North", "Mora", 2),
    Row("Troops clashed with insurgents in the area of Mora.", None, "Mora", "CM", "Far North", "Mora", 2),
    Row("Explosions shook the southwestern part of San Salvador.", "MX", "San Salvador", "SV", "San Salvador",
        "San Salvador", 1),
    Row("Militants attacked the army of Niger near the town of Bosso.", "NG", "Niger", "NE", None, None, 6),
    Row("Militants attacked the army of Niger near the town of Bosso.", "NG", "Bosso", "NE", "Diffa", "Bosso", 2),
    Row("A bomb went off near Tarmiyah.", None, "Tarmiyah", "IQ", "Baghdad", "At Tarmiyah", 2),
    Row("Airstrikes hit Abu Kamal on the border.", None, "Abu Kamal", "SY", "Dayr az Zawr", "Albu Kamal", 1),
    Row("Rebels attacked Palmyra and Deir ez-Zor.", None, "Palmyra", "SY", "Hims", "Tadmur", 1),
    Row("A soldier was killed near al-Shaddadi.", "SY", "al-Shaddadi", "SY", "Al Hasakah", "Ash Shaddadah", 2),
    Row("A bomb hit an army vehicle in the desert of al-Rutba.", "IQ", "al-Rutba", "IQ", "Al Anbar", "Ar Rutbah", 2),
    # appositions: the distance phrase locates the name before it
    Row("Gunmen attacked a checkpoint near Tarmiyah, 50 km north of Baghdad.", None, "Tarmiyah, 50 km north of Baghdad",
        "IQ", "Baghdad", "At Tarmiyah", 2),
    # the distance phrase places the name: a namesake abroad is the wrong one, and a given name
    # ("Mercedes") is a town here
    Row("Gunmen killed three farmers in Campina, 60 km south of Ayacucho.", None,
        "Campina, 60 km south of Ayacucho", "PE", "Ayacucho", "Ayacucho", 2, "Campina"),
    Row("Armed men raided the health post of Mercedes, 240 km from Corrientes.", None,
        "Mercedes, 240 km from Corrientes", "AR", "Corrientes", "Mercedes", 1),
    Row("Two bombers struck Damboa, a town about 85 km southwest of Maiduguri.", None,
        "Damboa, a town about 85 km southwest of Maiduguri", "NG", "Borno", "Damboa", 1),
    # around a town: UCDP where_prec 2
    Row("Fighters overran a checkpoint on the outskirts of Ghazni city.", None, "Ghazni city", "AF", "Ghazni", "Ghazni", 2),
    Row("Gunmen abducted farmers in the vicinity of Mokolo.", "CM", "Mokolo", "CM", "Far North", "Mokolo", 2),
    Row("A soldier died in a clash in rural Tame.", "CO", "Tame", "CO", "Arauca", "Tame", 2),
    Row("A bomb hit a Humvee south of the city of Rafah.", "EG", "Rafah", "EG", "Shamal Sina'", "Rafah", 2),
    Row("Shelling hit villages in the countryside north of Raqqa city.", None, "north of Raqqa city", "SY", "Ar Raqqah",
        "Ar Raqqah", 2),
    Row("Troops clashed with militants in the area of Patikul on the island of Sulu.", None, "Patikul", "PH",
        "Autonomous Region in Muslim Mindanao", "Patikul", 2),
    # districts and quarters of a city: the city, the quarter by its name
    Row("A bomb exploded in the Hodan district of Mogadishu.", None, "Hodan district of Mogadishu", "SO", "Banaadir",
        "Mogadishu", 1, "Hodan"),
    Row("A grenade hit a shop in the Mansoura district of Aden.", None, "Mansoura district of Aden", "YE", "'Adan", "Aden",
        1, "Mansoura"),
    Row("Bombs struck a market in the Baghdad district of Sadr City.", None, "Baghdad district of Sadr City", "IQ",
        "Baghdad", "Baghdad", 1, "Sadr City"),
    Row("Snipers fired on a checkpoint in the Masaeed area of Arish.", None, "Masaeed area of Arish", "EG", "Shamal Sina'",
        "Arish", 1, "Masaeed"),
    Row("Clashes erupted in the Mayangose area near Beni.", "CD", "Mayangose area near Beni", "CD", "Nord-Kivu", "Beni", 2,
        "Mayangose"),
    Row("Fighting continued in the Surkh Rod district of Nangarhar.", None, "Surkh Rod district", "AF", "Nangarhar", None, 3),
]

BULLETIN = [
    Row("12/05 - IED strike on a military convoy near Fotokol.", "CM", "Fotokol", "CM", None, None, None, "Fotokol"),
    Row("Unidentified gunmen ambushed a patrol on the Mora-Kousseri road.", "CM", "Mora-Kousseri road", "CM", "Far North",
        "Mora", 2, "Mora-Kousseri road"),
    # the first town resolves abroad, the second at home: the road is at home, coded by the second
    Row("Rebels dynamited the Limon-Cartagena road on Monday.", "CO", "Limon-Cartagena road", "CO", "Bolivar",
        "Cartagena", 2, "Limon-Cartagena road"),
    Row("Rebels again dynamited the Limon-Covenas oil pipeline.", "CO", "Limon-Covenas oil pipeline", "CO", "Sucre",
        "Covenas", 2, "Limon-Covenas oil pipeline"),
    Row("Kidnapping of 4 traders in Mayo-Sava division.", "CM", "Mayo-Sava division", "CM", "Far North", None, 3),
    Row("Attack on a checkpoint 15km north of Maiduguri", None, "15km north of Maiduguri", "NG", "Borno", "Maiduguri", 2),
    Row("IED on the Maiduguri-Damboa road; 3 KIA.", None, "Maiduguri-Damboa road", "NG", "Borno", "Maiduguri", 2,
        "Maiduguri-Damboa road"),
    Row("Armed men attacked an army post in Gao region.", None, "Gao region", "ML", "Gao", None, 4),
    Row("Clash in Menaka; 2 FAMa KIA.", None, "Menaka", "ML", "Menaka", "Menaka", 1),
    Row("Ambush near Tessit.", "ML", "Tessit", "ML", "Gao", "Tessit", 2),
    Row("Airstrike on Saraqib (Idlib).", None, "Saraqib (Idlib)", "SY", "Idlib", "Saraqib", 1),
    Row("IED in Mosul's al-Zanjili neighbourhood.", None, "Mosul's al-Zanjili neighbourhood", "IQ", "Ninawa", "Mosul", 1,
        "al-Zanjili"),
    Row("2 ANA KIA in Sangin district.", None, "Sangin district", "AF", "Helmand", None, 3),
    Row("KUNAR: IED strike in Asadabad.", None, "Asadabad", "AF", "Kunar", "Asadabad", 1),
    Row("KUNAR: IED strike in Asadabad.", None, "KUNAR", "AF", "Kunar", None, 4),
    Row("Attack on police post, Wana, South Waziristan.", None, "Wana, South Waziristan", "PK", "Khyber Pakhtunkhwa", "Wana", 1),
    Row("Bomb blast at a mosque in Quetta.", None, "Quetta", "PK", "Balochistan", "Quetta", 1),
    Row("Houthi drone hit Abqaiq.", None, "Abqaiq", "SA", "Ash Sharqiyah", "Abqaiq", 1),
    Row("Fighting in the Hodeidah governorate.", None, "Hodeidah governorate", "YE", "Al Hudaydah", None, 4),
    Row("Raid in Sheikh Zuweid area.", None, "Sheikh Zuweid area", "EG", "Shamal Sina'", "Ash Shaykh Zuwayd", 2),
    Row("Attack in Dera Ismail Khan.", None, "Dera Ismail Khan", "PK", "Khyber Pakhtunkhwa", "Dera Ismail Khan", 1),
    Row("Firing in Kurram agency.", None, "Kurram agency", "PK", "Khyber Pakhtunkhwa", None, 3),
    Row("VBIED at Ramadi checkpoint.", None, "Ramadi", "IQ", "Al Anbar", "Ramadi", 1),
    Row("Kidnapping in Zamfara State.", None, "Zamfara State", "NG", "Zamfara", None, 4),
    Row("Bandits attacked Tsafe LGA.", "NG", "Tsafe LGA", "NG", "Zamfara", None, 3),
    Row("Clashes in Bria, Haute-Kotto.", "CF", "Bria, Haute-Kotto", "CF", "Haute-Kotto", "Bria", 1),
    Row("Ambush between Djibo and Arbinda.", "BF", "Djibo", "BF", "Sahel", "Djibo", 2),
    Row("Ambush between Djibo and Arbinda.", "BF", "Arbinda", "BF", "Sahel", "Aribinda", 1),
    Row("Attack in Kidal.", None, "Kidal", "ML", "Kidal", "Kidal", 1),
    Row("Raid in Tillaberi.", "NE", "Tillaberi", "NE", "Tillaberi", "Tillaberi", 1),
    Row("Strike near Ansongo.", "ML", "Ansongo", "ML", "Gao", "Ansongo", 2),
    Row("Gunmen attacked the village of Nangrahar.", "AF", "Nangrahar", "AF", "Nangarhar", None, 4),
    # roads: the first town named, precision 2, the road words as written
    Row("A mine exploded on the road between Douentza and Boni.", None, "road between Douentza and Boni", "ML", "Mopti",
        "Douentza", 2, "road between Douentza and Boni"),
    Row("Insurgents ambushed a convoy on the road between Monguno and Maiduguri.", None,
        "road between Monguno and Maiduguri", "NG", "Borno", "Monguno", 2, "road between Monguno and Maiduguri"),
    Row("A bomb hit a patrol on the main road between Lawdar and Mudiyah.", None, "main road between Lawdar and Mudiyah",
        "YE", "Abyan", "Lawdar", 2, "main road between Lawdar and Mudiyah"),
    Row("Fighters attacked a convoy on the road between Mueda and Mocimboa da Praia.", None,
        "road between Mueda and Mocimboa da Praia", "MZ", "Cabo Delgado", "Mueda", 2,
        "road between Mueda and Mocimboa da Praia"),
    Row("An IED hit a bus on the Ouallam\u2013Tillab\u00e9ri road.", None, "Ouallam\u2013Tillab\u00e9ri road", "NE", "Tillaberi",
        "Ouallam", 2, "Ouallam\u2013Tillab\u00e9ri road"),
    Row("Gunmen stopped a truck on the Rafah-Arish coastal road.", "EG", "Rafah-Arish coastal road", "EG", "Shamal Sina'",
        "Rafah", 2, "Rafah-Arish coastal road"),
    Row("Bandits robbed travellers on the highway from Kabul to Jalalabad.", None, "highway from Kabul to Jalalabad", "AF",
        "Kabul", "Kabul", 2, "highway from Kabul to Jalalabad"),
    Row("Gunmen abducted two traders from Ansongo on the road to Gao.", None, "Ansongo on the road to Gao", "ML", "Gao",
        "Ansongo", 2, "road to Gao"),
    Row("A landmine struck a truck on the road to Gao.", "ML", "road to Gao", "ML", "Gao", "Gao", 2, "road to Gao"),
    Row("A convoy was hit on the Srinagar-Jammu highway near Pulwama.", None, "Srinagar-Jammu highway near Pulwama", "IN",
        "Jammu and Kashmir", "Pulwama", 2, "Srinagar-Jammu highway"),
    Row("An IED struck a patrol on Highway 1 west of Qalat.", "AF", "Highway 1", "AF", None, None, None, "Highway 1"),
    Row("An IED struck a patrol on Highway 1 west of Qalat.", "AF", "west of Qalat", "AF", "Zabul", "Qalat", 2),
    Row("An IED struck a vehicle on the N4, 30 km E of Fada N'Gourma.", "BF", "N4", "BF", None, None, None, "N4"),
    Row("07 Jun: Quetta \u2013 a bomb on Sariab Road hit a police van.", "PK", "Sariab Road", "PK", None, None, None,
        "Sariab Road"),
    Row("25 Oct \u2013 Kabul city, PD 5: a bomb went off under a car.", "AF", "PD 5", "AF", None, None, None, "PD 5"),
    # a bulletin line's label, and distances written after it
    Row("12 Mar: Djibo \u2013 gunfire was heard at the exit of town.", "BF", "Djibo", "BF", "Sahel", "Djibo", 1),
    Row("13 Mar: Gorom-Gorom \u2013 a convoy was ambushed 25 km W of town.", "BF", "Gorom-Gorom", "BF", "Sahel",
        "Gorom-Gorom", 2),
    Row("25/07 \u2013 Ghat: armed men attacked a convoy 40 km N of Ghat.", None, "Ghat", "LY", "Ghat", "Ghat", 2),
    Row("30/09 | Banadir | Mogadishu (Hodan) | Grenade thrown into a shop", "SO", "Mogadishu (Hodan)", "SO", "Banaadir",
        "Mogadishu", 1, "Hodan"),
    Row("05/02 | Djenn\u00e9, 8 km N | IED strike on a convoy", "ML", "Djenn\u00e9, 8 km N", "ML", "Mopti", "Djenne", 2),
    # villages and hills the gazetteer lacks
    Row("Arsonists burned a school in the village of Zugumti (12 km N of Kongoussi).", "BF",
        "Zugumti (12 km N of Kongoussi", "BF", "Centre-Nord", "Kongoussi", 2, "Zugumti"),
    Row("08 Nov \u2013 Insurgents attacked the village of Nova Zamb\u00e9zia.", "MZ", "Nova Zamb\u00e9zia", "MZ", None, None,
        None, "Nova Zamb\u00e9zia"),
    Row("Mortars hit positions in the Hamrin mountains.", "IQ", "Hamrin mountains", "IQ", None, None, None,
        "Hamrin mountains"),
    Row("Clashes took place in the Hamrin foothills NE of Muqdadiyah.", "IQ", "Hamrin foothills NE of Muqdadiyah", "IQ",
        "Diyala", "Al Miqdadiyah", 2, "Hamrin foothills"),
    Row("Gunmen abducted three herders near Mbau.", "CD", "Mbau", "CD", None, None, None, "Mbau"),
]

CLAIMS = [
    Row("the soldiers of the caliphate targeted a gathering of army soldiers near the town of Ajdabiya", None, "Ajdabiya",
        "LY", "Al Wahat", "Ajdabiya", 2),
    Row("the fighters attacked an army post in the city of Sirte", None, "Sirte", "LY", "Surt", "Sirte", 1),
    Row("an attack in Wilayat Ninawa", None, "Wilayat Ninawa", "IQ", "Ninawa", None, 4),
    Row("in Wilayat al-Khayr, the soldiers targeted a barracks", None, "Wilayat al-Khayr", "SY", "Dayr az Zawr", None, 4),
    Row("the fighters of Wilayat Sina attacked a checkpoint in al-Arish", None, "Wilayat Sina", "EG", "Shamal Sina'", None, 4),
    Row("the fighters of Wilayat Sina attacked a checkpoint in al-Arish", None, "al-Arish", "EG",
        "Shamal Sina'", "Arish", 1),
    Row("operations in Wilayat Gharb Ifriqiya", None, "Wilayat Gharb Ifriqiya", "NG", "Borno", None, 4),
    Row("Wilayat Khurasan", None, "Wilayat Khurasan", "AF", None, None, 6),
    Row("the fighters detonated a bomb in the Hawija area", None, "Hawija area", "IQ", "Kirkuk", "Al Hawijah", 2),
    Row("the fighters sniped a soldier near Tal Afar", None, "Tal Afar", "IQ", "Ninawa", "Tall 'Afar", 2),
    Row("an IED targeted a vehicle in Fallujah", None, "Fallujah", "IQ", "Al Anbar", "Al Fallujah", 1),
    Row("clashes in Ramadi", None, "Ramadi", "IQ", "Al Anbar", "Ramadi", 1),
    Row("an attack on a barracks in Baiji", None, "Baiji", "IQ", "Salah ad Din", "Bayji", 1),
    Row("the brothers attacked a patrol in Marawi city", None, "Marawi city", "PH", "Autonomous Region in Muslim Mindanao",
        "Marawi City", 1),
    Row("the soldiers attacked a checkpoint in Sabratha", None, "Sabratha", "LY", "Az Zawiyah", "Sabratah", 1),
    Row("an attack in Derna", None, "Derna", "LY", "Darnah", "Darnah", 1),
    Row("a raid in Wilayat Hawran", None, "Wilayat Hawran", "SY", "Dar'a", None, 4),
    Row("a raid in Wilayat Halab", None, "Wilayat Halab", "SY", "Halab", None, 4),
    Row("a raid in Wilayat al-Raqqa", None, "Wilayat al-Raqqa", "SY", "Ar Raqqah", None, 4),
    Row("a raid in Wilayat Salahuddin", None, "Wilayat Salahuddin", "IQ", "Salah ad Din", None, 4),
    Row("a raid in Wilayat Kirkuk", None, "Wilayat Kirkuk", "IQ", "Kirkuk", None, 4),
    Row("a raid in Wilayat Dijlah", None, "Wilayat Dijlah", "IQ", None, None, 4),
    Row("a raid in Wilayat al-Furat", None, "Wilayat al-Furat", "SY", None, None, 4),
    Row("a raid in Wilayat al-Janub", None, "Wilayat al-Janub", "IQ", None, None, 4),
    Row("a raid in Wilayat Sham", None, "Wilayat Sham", "SY", None, None, 6),
    Row("a raid in Wilayat Shabwah", None, "Wilayat Shabwah", "YE", "Shabwah", None, 4),
    Row("a raid in Wilayat Tarabulus", None, "Wilayat Tarabulus", "LY", None, None, 4),
    Row("a raid in Wilayat Fezzan", None, "Wilayat Fezzan", "LY", None, None, 4),
    Row("a raid in Wilayat Wasat Ifriqiya", None, "Wilayat Wasat Ifriqiya", "CD", "Nord-Kivu", None, 4),
    Row("a raid in Wilayat Pakistan", None, "Wilayat Pakistan", "PK", None, None, 6),
    Row("a raid in Wilayat al-Hind", None, "Wilayat al-Hind", "IN", None, None, 6),
    Row("a raid in Wilayat al-Sumal", None, "Wilayat al-Sumal", "SO", "Bari", None, 4),
    Row("a raid in Wilayat Sharq Asia", None, "Wilayat Sharq Asia", "PH", None, None, 6),
    Row("a raid in Wilayah Barqa", None, "Wilayah Barqa", "LY", None, None, 4),
    Row("fighting across Cyrenaica", None, "Cyrenaica", "LY", None, None, 4),
    Row("fighting in Tripolitania", None, "Tripolitania", "LY", None, None, 4),
    Row("an attack in the Kurdistan Region", None, "Kurdistan Region", "IQ", None, None, 4),
    Row("drone strikes in FATA", None, "FATA", "PK", "Khyber Pakhtunkhwa", None, 4),
]

MUC = [
    Row("IN THE TOWN OF SAN MIGUEL, USULUTAN DEPARTMENT", None, "SAN MIGUEL, USULUTAN DEPARTMENT", "SV", "Usulutan", None, 4,
        "SAN MIGUEL"),
    Row("SAN SALVADOR", None, "SAN SALVADOR", "SV", "San Salvador", "San Salvador", 1),
    Row("GUERRILLAS ATTACKED A POST IN SAN SALVADOR", None, "SAN SALVADOR", "SV", "San Salvador", "San Salvador", 1),
    Row("IN THE DEPARTMENT OF CHALATENANGO", None, "CHALATENANGO", "SV", "Chalatenango", None, 4),
    Row("FIGHTING IN CHALATENANGO DEPARTMENT", None, "CHALATENANGO DEPARTMENT", "SV", "Chalatenango", None, 4),
    Row("THE GUATEMALA ARMY DENIED THE REPORT", None, "GUATEMALA", "GT", None, None, 6),
    Row("IN THE CITY OF FLORES, IN THE NORTHERN EL PETEN DEPARTMENT", None, "FLORES", "GT", "Peten", "Flores", 1),
    Row("A BOMB EXPLODED IN MEDELLIN", None, "MEDELLIN", "CO", "Antioquia", "Medellin", 1),
    Row("IN BOGOTA", None, "BOGOTA", "CO", "Distrito Capital de Bogota", "Bogota", 1),
    Row("IN AYACUCHO DEPARTMENT", None, "AYACUCHO DEPARTMENT", "PE", "Ayacucho", None, 4),
    Row("IN THE SOYAPANGO AREA", None, "SOYAPANGO AREA", "SV", "San Salvador", "Soyapango", 2),
    Row("NEAR THE TOWN OF ZACATECOLUCA", None, "ZACATECOLUCA", "SV", "La Paz", "Zacatecoluca", 2),
    # Colombia's intendancies (before 1991) are first-level regions; Cano Limon is the Arauca oil field
    Row("TERRORISTS ATTACKED THE PIPELINE IN ARAUCA INTENDANCY", "CO", "ARAUCA INTENDANCY", "CO", "Arauca", None, 4),
    Row("AN ATTACK NEAR THE CANO LIMON OIL FIELD", "CO", "CANO LIMON OIL FIELD", "CO", "Arauca", None, 4),
    # a plural type word before "of" vouches for every name of the pair
    Row("THE PIPELINE LINKS THE COLOMBIAN TOWNS OF ORITO AND TUMACO.", "CO", "TUMACO", "CO", "Narino", "Tumaco", 1),
    Row("THE PIPELINE LINKS THE COLOMBIAN TOWNS OF ORITO AND TUMACO.", "CO", "ORITO", "CO", "Putumayo", "Orito", 1),
    Row("CLASHES IN THE DEPARTMENTS OF JUNIN AND PASCO", "PE", "PASCO", "PE", "Pasco", None, 4),
    Row("CLASHES IN THE DEPARTMENTS OF USULUTAN AND SAN MIGUEL", "SV", "USULUTAN", "SV", "Usulutan", None, 4),
    Row("IN TEGUCIGALPA, HONDURAS", None, "TEGUCIGALPA, HONDURAS", "HN", "Francisco Morazan", "Tegucigalpa", 1),
    Row("IN SANTA ANA DEPARTMENT", None, "SANTA ANA DEPARTMENT", "SV", "Santa Ana", None, 4),
    Row("IN MORAZAN DEPARTMENT", None, "MORAZAN DEPARTMENT", "SV", "Morazan", None, 4),
    Row("10 KM FROM SAN SALVADOR", None, "10 KM FROM SAN SALVADOR", "SV", "San Salvador", "San Salvador", 2),
    Row("IN THE MUNICIPALITY OF APOPA", None, "APOPA", "SV", "San Salvador", "Apopa", 1),
    Row("IN CUSCATANCINGO", None, "CUSCATANCINGO", "SV", "San Salvador", "Cuscatancingo", 1),
    Row("IN USULUTAN", None, "USULUTAN", "SV", "Usulutan", "Usulutan", 1),
    Row("20 KM NORTH OF SAN MIGUEL", "SV", "20 KM NORTH OF SAN MIGUEL", "SV", "San Miguel", "San Miguel", 2),
    Row("IN THE JURISDICTION OF SUCHITOTO", None, "SUCHITOTO", "SV", "Cuscatlan", "Suchitoto", 1),
    Row("the guatemala army denied today that guerrillas attacked the farm", None, "guatemala", "GT", None, None, 6),
    Row("guerrillas killed a peasant in the city of flores, in the northern el peten department", None, "flores", "GT",
        "Peten", "Flores", 1),
    Row("a car bomb exploded in bogota", None, "bogota", "CO", "Distrito Capital de Bogota", "Bogota", 1),
    Row("terrorists attacked a bus near zacatecoluca, la paz department", None, "zacatecoluca, la paz department", "SV",
        "La Paz", "Zacatecoluca", 2),
    Row("in the town of la union", "SV", "la union", "SV", "La Union", "La Union", 1),
    Row("HERAT", None, "HERAT", "AF", "Herat", "Herat", 1),
    Row("KABUL", None, "KABUL", "AF", "Kabul", "Kabul", 1),
    Row("BAGHDAD", None, "BAGHDAD", "IQ", "Baghdad", "Baghdad", 1),
    Row("MAIDUGURI", None, "MAIDUGURI", "NG", "Borno", "Maiduguri", 1),
    Row("MOGADISHU", None, "MOGADISHU", "SO", "Banaadir", "Mogadishu", 1),
    Row("SIMILAR ACTIONS ARE EXPECTED IN THE TOWN OF TECUN UMAN", "GT", "TECUN UMAN", "GT", "San Marcos", "Ciudad Tecun Uman", 1),
    Row("A NATIONAL POLICE POST IN BERLIN WAS RAIDED.", "SV", "BERLIN", "SV", "Usulutan", "Berlin", 1),  # a town of its own
    Row("THE REBELS HELD TALKS IN SAN JOSE.", "SV", "SAN JOSE", "CR", "San Jose", "San Jose", 1),  # a capital abroad
]

ROWS = WIRE + BULLETIN + CLAIMS + MUC


def _found(row: Row) -> list:
    return find_places(row.phrase, PlaceContext(country=row.context))


@pytest.mark.parametrize("row", ROWS, ids=[f"{r.phrase[:40]}|{r.text}" for r in ROWS])
def test_place_phrase_resolves(row: Row) -> None:
    found = _found(row)
    match = [m for m in found if m.text == row.text]
    assert match, f"no mention {row.text!r} in {[m.text for m in found]}"
    m = match[0]
    assert row.phrase[m.start:m.end] == m.text
    got = (m.country, m.admin1, m.location, m.geo_precision, m.sublocation)
    assert got == (row.country, row.admin1, row.location, row.precision, row.sublocation)


@pytest.mark.parametrize("row", [r for r in ROWS if r.location is not None], ids=lambda r: r.text)
def test_resolved_places_carry_coordinates_and_geonames_id(row: Row) -> None:
    m = next(m for m in _found(row) if m.text == row.text)
    assert m.latitude is not None and m.longitude is not None and m.geonames_id is not None
    assert m.kind == "place" and 0.0 < m.score <= 1.0


NEGATIVES = [
    "the police said", "a bomb exploded", "said he was", "12 people were killed", "1990", "on 3 March",
    "the army said in a statement", "Man arrested after attack", "The Union Minister said", "Army sources said",
    "Police said the bomb was planted", "He said", "They were killed", "2 GEND KIA, 3 WIA", "Security forces responded",
    "in the morning", "at least 12", "the government of", "in a statement", "Ahmed Khan said", "Boko Haram fighters",
    "the Taliban said", "US troops", "IN THE", "MR PRESIDENT", "THE POLICE SAID", "A BOMB EXPLODED", "THE SALVADORAN ARMY",
    "the soldiers of the caliphate", "in the town", "near the border", "Pakistani troops fired", "Indian forces said",
    "on Eid", "the far north of the country", "a fire department truck",
    # names inside people's and organisations' names, adjectives, codes, month names, common words
    "THE FARABUNDO MARTI NATIONAL LIBERATION FRONT ATTACKED A POST", "COLONEL JUAN SIERRA SAID THE ARMY HAD WON",
    "FATHER GIUSSEPPE CORO PROTESTED THE MURDER", "THE SORIANO BATTALION WAS ATTACKED", "WE REPORT THAT DIANA MONTOYA WAS THERE",
    "PRESIDENT MANUEL SOLIS PALMA SAID", "KIDNAPPINGS IN THE BANANA-GROWING REGION CONTINUED",
    "THE UNITED NATIONS AND OAS WILL VERIFY IT", "A PRC-77 RADIO WAS DESTROYED", "EFFORTS TO REGAIN TRANQUILLITY",
    "THE ROOMS HAD BEEN RANSACKED", "On the 17th of Jumada al-Ula, the fighters attacked a patrol",
    "On the 2nd of Rabi al-Thani, the fighters sniped a soldier", "Lorenzana: incident stems from failure to act",
    "a Kabul-based analyst said", "Colonel Tarin said the attack failed",
    # a person described in apposition, and a given name with its surname and no cue
    "PATROLS KILLED CORONEL LAGROW, A DUTCH TV CORRESPONDENT, AND TWO OTHERS",
    "[INTERVIEW WITH VLADIMIR KOTOV, HEAD OF THE TASS BUREAU]",
    # a surname after a given name and a middle initial
    "Special Agent Michael A. Cinco, U.S. Air Force Office of Special Investigations",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_place_in_common_words(text: str) -> None:
    assert find_places(text) == []


HEADINGS = [
    ("FAR NORTH REGION", None, "CM", "Far North", 4),
    ("Nineveh Province", None, "IQ", "Ninawa", 4),
    ("Wilayat Barqah", None, "LY", None, 4),
    ("KUNAR", None, "AF", "Kunar", 4),
    ("Borno State:", None, "NG", "Borno", 4),
    ("Deir ez-Zor", None, "SY", "Dayr az Zawr", 4),
    ("HELMAND PROVINCE", None, "AF", "Helmand", 4),
    ("Wilayat Sina", None, "EG", "Shamal Sina'", 4),
    ("Diyala", None, "IQ", "Diyala", 4),
    ("FAR NORTH", "CM", "CM", "Far North", 4),
    ("NANGRAHAR PROVINCE", "AF", "AF", "Nangarhar", 4),
]


@pytest.mark.parametrize("text, context, country, admin1, precision", HEADINGS)
def test_heading_names_a_region(text: str, context: str | None, country: str, admin1: str | None, precision: int) -> None:
    m = resolve_heading(text, PlaceContext(country=context))
    assert m is not None and m.kind == "heading"
    assert (m.country, m.admin1, m.geo_precision) == (country, admin1, precision)
    assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text", ["12 May 2017", "SUMMARY", "Attacks this week", ""])
def test_heading_without_a_place(text: str) -> None:
    assert resolve_heading(text) is None


def test_context_country_chooses_among_namesakes() -> None:
    lb = find_places("Militias clashed in Tripoli.", PlaceContext(country="LB"))[0]
    ly = find_places("Militias clashed in Tripoli.")[0]
    assert (lb.country, ly.country) == ("LB", "LY")


@pytest.mark.parametrize("text, country, expected", [
    # a town of some 100,000 beyond the neighbouring countries: no; across a border: yes
    ("Gunmen attacked a bus near Coronel.", "SV", []),
    ("Gunmen attacked a bus near Coronel.", "AR", [("Coronel", "CL")]),
    ("Troops shelled Jalalabad.", "PK", [("Jalalabad", "AF")]),
    # a near spelling far away is a local word or a name; across a border, a transliteration
    ("THE AD WAS PUBLISHED BY BUCHI'S ELECTORAL MANAGERS.", "CL", []),
    ("A bomb exploded in Jallalabad.", "PK", [("Jalalabad", "AF")]),
    # a big city abroad stays
    ("The guerrillas fled to Caracas.", "CO", [("Caracas", "VE")]),
])
def test_a_town_abroad_must_be_big_or_across_the_border(text: str, country: str, expected: list) -> None:
    assert [(p.location, p.country) for p in find_places(text, PlaceContext(country=country))] == expected


@pytest.mark.parametrize("text, country, expected", [
    # a quarter's name lies in the country in force: a namesake city abroad is not it
    ("A BOMB EXPLODED AT AN INTERSECTION IN SAN MIGUELITO NEIGHBORHOOD.", "SV", [(None, "SV", "SAN MIGUELITO")]),
    ("Gunmen fired on a shop in the Hamra quarter of Beirut.", None, [("Beirut", "LB", "Hamra")]),
    # a country's short name inside a longer name, before a type word, is no country
    ("THEY SHOT HIM IN FRONT OF HIS DRUGSTORE IN THE VILLA EL SALVADOR DISTRICT.", "PE", []),
    ("Suspected rebels executed a militiaman in Philippines province.", None, [(None, "PH", None)]),
    # a role noun before a name makes it a person's
    ("THE VEHICLE OF TELEVISION NEWSMAN EPIGMENIO IBARRA WAS DESTROYED BY A BOMB.", "SV", []),
    ("Gunmen shot photographer Luis Florencia near the market.", "CO", []),
    # an area word's "of" introduces a village the gazetteer lacks, captured strictly
    ("THE INCIDENT TOOK PLACE IN THE VICINITY OF PERQUIN.", "SV", [(None, "SV", "PERQUIN")]),
    ("THE TROOPS WERE IN THE AREA OF RESPONSIBILITY OF THE BRIGADE.", "SV", []),
    # without case, "in X district" keeps a quarter the gazetteer lacks, under the town near it
    ("A BOMB WAS THROWN AT A CAR PARKED IN ORRANTIA DISTRICT, NEAR SAN ISIDRO.", "PE", [("San Isidro", "PE", "ORRANTIA")]),
    # a village word after a name the gazetteer lacks: the name, filed under the place beside it
    ("THE TERRORISTS INVADED CALLUCHACA VILLAGE, 7 KM NORTHEAST OF HUANTA.", "PE", [("Huanta", "PE", "CALLUCHACA")]),
    ("Militants raided a remote village in the north.", "PE", []),
    ("THE TROOPS FAKED A CLASH AT HORCONES DE BERLIN CANTON.", "SV", [(None, "SV", "HORCONES DE BERLIN")]),
    # without case a name may run on past the gazetteer's match: a namesake outside the region
    # written after it is not this place
    ("A REPORTER WAS KILLED IN A SHOOTOUT IN SAN FRANCISCO JAVIER, USULUTAN DEPARTMENT.", "SV",
     [(None, "SV", "SAN FRANCISCO JAVIER")]),
    ("THE BOMBINGS HAVE DESTROYED ZACAMIL NEIGHBORHOOD.", "SV", [(None, "SV", "ZACAMIL")]),
    ("MILITANTS ATTACKED A SALVADORAN VILLAGE NEAR THE BORDER.", "SV", []),  # whose village, not which
    ("FIGHTING IS INTENSE IN THE SAN JACINTO NEIGHBORHOOD.", "SV", [(None, "SV", "SAN JACINTO")]),
    ("TROOPS WERE DEPLOYED TO A DENSELY POPULATED NEIGHBORHOOD.", "SV", []),
    ("THE BUS WAS ATTACKED AT LA TIENDITA CANTON, TECOLUCA JURISDICTION.", "SV", [("Tecoluca", "SV", "LA TIENDITA")]),
    # ... or a name the next level of an address follows ("X, Y jurisdiction, Z department")
    ("AIRCRAFT BOMBED A SETTLEMENT IN HUANCORA, SAN ISIDRO LABRADOR JURISDICTION, CHALATENANGO DEPARTMENT.", "SV",
     [(None, "SV", "HUANCORA"), (None, "SV", None)]),
    ("THE ARMY FOUGHT IN THE AREA, CHALATENANGO DEPARTMENT.", "SV", [(None, "SV", None)]),
    # a hamlet abroad reached by an alternate spelling yields to an entity of that very name
    ("A suicide bomber struck a patrol near Bagram on Monday.", None, [(None, "AF", None)]),
    # a street with its type word first, as French, Spanish or Italian put it
    ("A bomb targeted a bakery on the central street Rue Victor Hugo in the city of Lyon.", None,
     [(None, None, "Rue Victor Hugo"), ("Lyon", "FR", None)]),
    # press short forms (place_aliases.yaml)
    ("FOUR MEN SET FIRE TO TWO VEHICLES IN VALLE DEPARTMENT.", "CO", [(None, "CO", None)]),
    ("ARMED MEN KIDNAPPED THREE EUROPEANS IN TECUN UMAN.", "GT", [("Ciudad Tecun Uman", "GT", None)]),
])
def test_parts_of_towns_people_and_short_forms(text: str, country: str | None, expected: list) -> None:
    found = [(p.location, p.country, p.sublocation) for p in find_places(text, PlaceContext(country=country))]
    assert found == expected


@pytest.mark.parametrize("text, admin1", [
    ("ASSAILANTS KIDNAPPED A BUSINESSMAN IN COLOMBIA'S NORTHERN SANTANDER DEPARTMENT.", "Norte de Santander"),
    ("Gunmen killed two soldiers in northern Santander on Monday.", "Santander"),  # a direction in mixed case
])
def test_north_santander_is_norte_de_santander(text: str, admin1: str) -> None:
    assert [p.admin1 for p in find_places(text, PlaceContext(country="CO")) if p.kind == "region"] == [admin1]


def test_a_distance_phrase_apposed_to_a_municipality_locates_it() -> None:
    [p] = find_places("HE WAS SHOT AT HIS FARM, VENECIA MUNICIPALITY, 61 KM SOUTHWEST OF MEDELLIN.", PlaceContext(country="CO"))
    assert (p.admin1, p.admin2, p.geo_precision, p.text) == ("Antioquia", "Venecia", 3,
                                                             "VENECIA MUNICIPALITY, 61 KM SOUTHWEST OF MEDELLIN")


def test_valle_is_valle_del_cauca_in_colombia() -> None:
    [p] = find_places("FOUR MEN SET FIRE TO TWO VEHICLES IN VALLE DEPARTMENT.", PlaceContext(country="CO"))
    assert (p.admin1, p.geo_precision) == ("Valle del Cauca", 4)


def test_place_in_force_helps_the_next_sentence() -> None:
    anchor = find_places("Gunmen attacked Mora.", PlaceContext(country="CM"))[0]
    m = find_places("They then moved towards Kousseri.", PlaceContext(place=anchor))
    assert m and m[0].country == "CM"


@pytest.mark.parametrize(
    "text, country",
    [
        ("KABUL, March 3 - A bomb exploded in Kandahar. Officials in Helmand province said the Taliban were to blame.", "AF"),
        ("SAN SALVADOR, 12 JAN 90 -- GUERRILLAS ATTACKED A POST IN USULUTAN DEPARTMENT. THE ARMY REPORTED.", "SV"),
        ("Insurgents attacked Maiduguri and Gwoza in Borno State on Sunday.", "NG"),
        ("The police said nothing.", None),
        # filed abroad, about the country the text names (the dateline place counts half)
        ("MEXICO CITY, 3 JAN 90 -- THE SALVADORAN ARMY SAID THAT GUERRILLAS ATTACKED A SALVADORAN POST.", "SV"),
        ("PANAMA CITY (PANAMA), 8 NOV 89 -- THE SALVADORAN ARMY REPORTED CLASHES IN USULUTAN.", "SV"),
        ("GUATEMALA CITY, 5 MAY 90 -- GUATEMALAN POLICE FOUND TWO BODIES IN ESCUINTLA.", "GT"),
    ],
)
def test_document_country_votes(text: str, country: str | None) -> None:
    found = document_country(text)
    assert (found.country if found else None) == country
    if found is not None:  # the vote keeps its evidence: a span of the text that names the country
        assert text[found.start:found.end] == found.text and found.geo_precision == 6


def test_an_armed_group_votes_for_its_home_country() -> None:
    from incidex.pipeline.actors import group_countries

    text = "ROME (ITALY), 11 JAN 90 -- THE FMLN SAID ITS UNITS ATTACKED AN ARMY POST AT DAWN."
    homes = group_countries(text)
    assert [h.country for h in homes] == ["SV"] and text[homes[0].start:homes[0].end] == "FMLN"
    found = document_country(text, lambda: homes)
    assert found is not None and found.country == "SV"


@pytest.mark.parametrize(
    "dateline, text, location, precision",
    [
        ("MEDELLIN, 6 SEP 89 (AFP) --", "LAST NIGHT A BOMB DESTROYED A BANK BRANCH IN THIS CITY.", "Medellin", 1),
        ("Maiduguri, Nigeria (Wire) -", "Gunmen burned a market in this town on Monday.", "Maiduguri", 1),
        ("KANDAHAR, 3 MAY (WIRE) --", "THE VILLAGE LIES 40 KM NORTH OF THIS CITY.", "Kandahar", 2),
        # a named street and no town: a street of the town the report is filed from
        ("SANTIAGO, 28 DEC 89 (EFE) --", "A BOMB EXPLODED AT THE INSTITUTE AT 1467 MONEDA STREET.", "Santiago", 1),
        ("LIMA, 14 MAY 89 (AFP) --", "THE EXPLOSION TOOK PLACE ON BLOCK NO. 3 ON ANCASH STREET, IN FRONT OF A CHURCH.",
         "Lima", 1),
        ("BOGOTA, 24 SEP 89 (EFE) --", "THE BOMB EXPLODED ON THE CORNER OF 7TH STREET AND 56TH AVENUE.", "Bogota", 1),
    ],
)
def test_this_city_is_the_dateline_town(dateline: str, text: str, location: str, precision: int) -> None:
    filed = find_places(dateline.split(",")[0])[0]
    found = [m for m in find_places(text, PlaceContext(country=filed.country, filed_at=filed)) if m.location]
    assert [(m.location, m.geo_precision) for m in found] == [(location, precision)]
    assert text[found[0].start:found[0].end] == found[0].text


def test_a_second_dateline_in_the_body_is_where_the_report_was_filed() -> None:
    from incidex.pipeline.extract import extract_document
    from incidex.schema import Document

    text = ("BOGOTA, 18 AUG 89 (CARACOL) -- [TEXT] MEDELLIN -- A BOMB EXPLODED AT A BRANCH OF BANCO POPULAR IN "
            "ITAGUI MUNICIPALITY. FIVE PEOPLE WERE INJURED.")
    (ev,) = extract_document(Document(id="t", text=text))
    assert (ev.location, ev.admin2, ev.admin1) == (None, "Itagui", "Antioquia")
    text = "BOGOTA, 18 AUG 89 (CARACOL) -- [TEXT] MEDELLIN -- THE POLICE CHIEF WAS MURDERED THIS MORNING IN THIS CITY."
    (ev,) = extract_document(Document(id="t", text=text))
    assert ev.location == "Medellin"


def test_this_city_without_a_dateline_town_says_nothing() -> None:
    assert not [m for m in find_places("A BOMB DESTROYED A BANK BRANCH IN THIS CITY.") if m.location]


@pytest.mark.parametrize("text", ["A bomb exploded on the busy street yesterday.",
                                  "A bomb exploded on Main Street in Valparaiso."])
def test_a_street_says_nothing_of_the_dateline_town_when_unnamed_or_placed(text: str) -> None:
    filed = find_places("SANTIAGO")[0]
    found = find_places(text, PlaceContext(country=filed.country, filed_at=filed))
    assert "Santiago" not in [m.location for m in found]


def test_the_dateline_town_is_this_city_in_extraction() -> None:
    from incidex.pipeline.extract import extract_document
    from incidex.schema import Document

    text = "MEDELLIN, 6 SEP 89 (AFP) -- [TEXT] LAST NIGHT A BOMB DESTROYED A BRANCH OF A BANK IN THIS CITY."
    [ev] = extract_document(Document(id="d", text=text))
    assert (ev.location, ev.country) == ("Medellin", "CO")
    assert any(e.field == "location" and e.text == "THIS CITY" for e in ev.evidence)


@pytest.mark.parametrize(
    "text, country, location",
    [
        ("VARGAS WAS MURDERED YESTERDAY MORNING IN ZONE 10 OF THIS CAPITAL.", "GT", "Guatemala City"),
        ("A bomb went off in the Afghan capital on Monday.", None, "Kabul"),
        ("Gunmen attacked a bank in the Nigerian capital city.", None, "Abuja"),
        ("THERE HAVE BEEN ATTACKS IN THE CAPITAL, INCLUDING BOMB ATTACKS ON RESIDENCES.", "SV", "San Salvador"),
        ("Colombia's capital was hit by two car bombs.", None, "Bogota"),
        # the seat of government, where reports mean it (data/capitals.yaml)
        ("A BOMB EXPLODED IN THIS CAPITAL LAST NIGHT.", "BO", "La Paz"),
    ],
)
def test_the_capital_is_the_capital_of_the_country_meant(text: str, country: str | None, location: str) -> None:
    found = [m for m in find_places(text, PlaceContext(country=country)) if m.location]
    assert [m.location for m in found] == [location]
    assert text[found[0].start:found[0].end] == found[0].text and found[0].geonames_id is not None


@pytest.mark.parametrize(
    "text, country",
    [
        ("The provincial capital was shelled overnight.", "AF"),
        ("The court upheld capital punishment for the attackers.", "PK"),
        ("A bomb exploded in the capital.", None),  # no country in force: which capital is unknown
        ("Gunmen attacked the capital of the province.", "NG"),
        ("Rockets were fired at the capital.", "IL"),  # a contested capital is not guessed
    ],
)
def test_no_capital_without_a_country_or_in_other_senses(text: str, country: str | None) -> None:
    assert not [m for m in find_places(text, PlaceContext(country=country)) if m.location]


def test_la_union_department_is_a_name_despite_its_common_word() -> None:
    found = find_places("AN ATTACK IN LISLIQUE, LA UNION DEPARTMENT.", PlaceContext())
    assert [(m.country, m.admin1) for m in found] == [("SV", "La Union")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # whose mission, not where
        ("TERRORISTS TONIGHT BOMBED THE EMBASSIES OF THE PRC AND THE SOVIET UNION.", []),
        ("A car bomb went off near the US embassy in Kabul.", ["Kabul"]),
        ("The Kabul embassy was closed after the blast.", ["Kabul"]),
        # part of a longer name the gazetteer lacks
        ("CLASHES IN THE MILAGRO DE LA PAZ NEIGHBORHOOD LASTED ALL DAY.", []),
        ("A BOMB EXPLODED IN SAN JUAN DE LURIGANCHO, LIMA.", ["Lima"]),
        # a type word before the link is no name: the whole phrase resolves
        ("TROOPS ENTERED CIUDAD DE GUATEMALA AT DAWN.", ["Guatemala City"]),
        ("GUERRILLAS ATTACKED SANTA ROSA DE COPAN.", ["Santa Rosa de Copan"]),
        # a Spanish opener makes the name after it part of a longer one
        ("A BOMB EXPLODED IN VILLA EL SALVADOR DISTRICT.", ["Villa El Salvador"]),
        ("TROOPS SEARCHED COLONIA MIRAMONTES, SAN SALVADOR.", ["San Salvador"]),
        # a street named after a town is in another town; "a ... Lima avenue" is Lima's
        ("The worst explosion was at the busy Oxford Street bus station in Belfast.", ["Belfast"]),
        ("AT OXFORD ST, THE BUSIEST BUS STATION IN BELFAST, FOUR WORKERS WERE KILLED.", ["Belfast"]),
        ("A BOMB EXPLODED INSIDE A TOURIST BUS ON A DOWNTOWN LIMA AVENUE.", ["Lima"]),
        # a place's own apposition, or a cue, keeps it a place
        ("A bomb exploded in Coronel, a port city, on Monday.", ["Coronel"]),
        ("GUERRILLAS ATTACKED ZARAGOZA, A TOWN NEAR THE CAPITAL.", ["Zaragoza"]),
    ],
)
def test_names_that_say_whose_or_run_on_are_not_places(text: str, expected: list[str]) -> None:
    assert [m.location for m in find_places(text, PlaceContext()) if m.kind != "sublocation"] == expected


@pytest.mark.parametrize(
    "sentence, name, located",
    [
        ("Two soldiers were killed in Nicaragua on Monday.", "Nicaragua", True),
        ("Fighting spread across northern Nigeria.", "Nigeria", True),
        ("NIGERIA: gunmen killed five villagers.", "NIGERIA", True),
        ("The United States condemned the attack.", "United States", False),
        ("He was extradited to the United States today.", "United States", False),
        ("Spain asked the government for an inquiry.", "Spain", False),
        ("Aid from the United States was suspended.", "United States", False),
    ],
)
def test_a_country_named_as_location_or_as_actor(sentence: str, name: str, located: bool) -> None:
    from incidex.pipeline.places import named_as_location

    start = sentence.index(name)
    assert named_as_location(sentence, start, start + len(name)) is located


def test_a_foreign_government_named_as_actor_does_not_move_the_incident() -> None:
    from incidex.pipeline.extract import extract_document
    from incidex.schema import Document

    text = ("SAN SALVADOR, 12 JAN 90 -- A BOMB EXPLODED AT THE HOUSE OF A JUDGE IN SAN MIGUEL DEPARTMENT, "
            "KILLING TWO GUARDS.\n\nTHE UNITED STATES CONDEMNED THE BOMBING OF THE JUDGE'S HOUSE AND SAID "
            "THAT THREE OTHER BOMBS WERE DEFUSED.")
    assert {e.country for e in extract_document(Document(id="t", text=text))} == {"SV"}


@pytest.mark.parametrize(
    "text, country, location",
    [
        # the country the sentence places the incident in outweighs a town of another named as a modifier
        ("VIENNA, 20 APR 89 -- THE MINISTER CONDEMNED THE KILLING OF JOSEF PIESCHER, A VIENNA DEVELOPMENT "
         "WORKER IN PERU.", "PE", None),
        ("Death squads are to blame for the murder of six priests in El Salvador, according to the Boston Globe.",
         "SV", None),
        # where the report was told is no place of the incident
        ("THE CONTRAS CHARGED IN TEGUCIGALPA TODAY THAT THE SANDINIST AIR FORCE BOMBED SEVERAL COMMUNITIES IN "
         "MATAGALPA DEPARTMENT.", "NI", None),
        ("President Cerezo said today in Caracas that a rightist group took part in the assassination of "
         "the leader.", None, None),
        ("TODAY, MEDELLIN, COLOMBIA'S SECOND LARGEST CITY, SAW SEVEN BANK BRANCHES SHAKEN BY EXPLOSIVES, "
         "ACCORDING TO RADIO REPORTS BROADCAST IN BOGOTA.", "CO", "Medellin"),
        # where a vehicle or a traveller was going is not where the incident happened
        ("BOGOTA, 7 SEP 89 (EFE) -- TWO GUERRILLAS WERE GUNNED DOWN BY UNIDENTIFIED PERSONS WHILE RIDING A BUS "
         "HEADED FOR CALI.", "CO", None),
        ("The crash killed 120 passengers travelling to Tegucigalpa and Houston.", None, None),
        ("He was kidnapped as he was heading to the airport in Guatemala City.", "GT", "Guatemala City"),
        # ... but not over a town words put something in, nor a namesake town in apposition to a region
        ("Four police agents kidnapped by the ELN were released in Grenada, eastern Antioquia department.",
         "CO", None),
    ],
)
def test_a_town_abroad_named_without_a_locative_word_yields_to_the_country_named(
        text: str, country: str, location: str | None) -> None:
    from incidex.pipeline.extract import extract_document
    from incidex.schema import Document

    events = extract_document(Document(id="t", text=text))
    assert [(e.country, e.location) for e in events] == [(country, location)]


def test_offsets_point_into_the_text_as_given() -> None:
    text = "Line one.\n\nA car bomb exploded in Mosul\u2019s market, 20 kilometres (12 miles) north of Kirkuk."
    for m in find_places(text):
        assert text[m.start:m.end] == m.text
    assert any(m.text.startswith("20 kilometres") and m.geo_precision == 2 for m in find_places(text))


def test_a_tie_goes_to_the_country_the_text_names_over_the_dateline() -> None:
    found = document_country("TOKYO (JAPAN), 8 DEC 89 (KYODO) -- [TEXT] COLOMBIAN PRESIDENT VIRGILIO BARCO SAID ...")
    assert found is not None and found.country == "CO" and found.text == "COLOMBIAN"


@pytest.mark.parametrize("text", ["BY DESTROYING OIL PIPELINES AND CONTAMINATING RIVERS, WATER BASINS, AND LAGOONS.",
                                  "PERSONALITIES LIKE JESSE JACKSON ARE DEMANDING AN END TO AID.",
                                  "THE AIRCRAFT CARRIER KENNEDY SAILED TOWARD THE COAST.",
                                  "HE IS LIKE AN OSTRICH WITH ITS HEAD BURIED IN THE SAND.",
                                  "LET US PRAY TO GOD THAT HE WILL RECOVER FROM HIS WOUNDS.",
                                  "THE ATTACK AVENGED THE DEATH OF ADO MEMBER CLAUDIO MEDINA.",
                                  "AS LONG AS THE COUNTRY IS UNDER A STATE OF SEIGE, THE DECREES STAND."])
def test_common_words_and_names_that_are_places_elsewhere(text: str) -> None:
    assert find_places(text, PlaceContext(country="SV")) == []
    assert find_places(text, PlaceContext()) == []


def test_a_place_name_before_a_title_is_the_title_holder_s_town() -> None:
    found = find_places("HE GREETED THE MILITARY COMMANDER AND THE SANTIAGO MAYOR.", PlaceContext())
    assert [(m.location, m.country) for m in found] == [("Santiago", "CL")]


def test_the_source_after_a_dateline_is_no_place_but_its_group_still_votes() -> None:
    from incidex.pipeline.extract import extract_document
    from incidex.schema import Document

    text = ("SAN SALVADOR, 9 JUN 89 (RADIO CADENA SONORA) -- [TEXT] THE PARTY CONDEMNS THE ASSASSINATION OF "
            "THE MINISTER. HE WAS SHOT DEAD.")
    assert {e.country for e in extract_document(Document(id="t", text=text))} == {"SV"}
    text = ("CLANDESTINE, 13 JAN 90 (RADIO VENCEREMOS) -- [TEXT] THE ARMY ANNOUNCED THAT A COLONEL WAS "
            "INVOLVED IN THE MASSACRE OF THE JESUITS.")
    assert {e.country for e in extract_document(Document(id="t", text=text))} == {"SV"}


def test_a_list_of_towns_is_no_town_in_its_neighbour_s_region() -> None:
    text = "THE INSTITUTES IN VINA DEL MAR, TALCA, AND TEMUCO WERE THE TARGET OF BOMB ATTACKS."
    assert [m.location for m in find_places(text, PlaceContext())] == ["Vina del Mar", "Talca", "Temuco"]
    jolo = find_places("Gunmen attacked a market in Jolo, Sulu on Monday.", PlaceContext())
    assert [(m.location, m.text) for m in jolo] == [("Jolo", "Jolo, Sulu")]
