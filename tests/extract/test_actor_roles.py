"""Actors in roles (sitrep.extract.actors.assign_roles): who acted (actor1) and against whom (actor2).

Sentences are written for these tests in the style of wire and local reporting. Forces named only by their
kind ("the army", "police", "air defences") are coded "<prefix> {country}" at extraction; the country is
filled in after geocoding (fill_actor_countries), which these tests do not run.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import Extraction, extract_document
from sitrep.extract.actors import actor_dictionary
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention
from sitrep.nlp import load_pipeline

ARMY = "Military Forces of {country}"
POLICE = "Police Forces of {country}"


def extract(text: str, published: str = "2024-03-14") -> Extraction:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date.fromisoformat(published)))
    return extract_document(document, load_pipeline()(document.text))


def roles(mention: Mention) -> tuple[str | None, str | None]:
    a1, a2 = mention.actor("actor1"), mention.actor("actor2")
    return (a1.name if a1 else None, a2.name if a2 else None)


def all_roles(text: str) -> list[tuple[str | None, str | None]]:
    mentions = extract(text).mentions
    assert mentions, text
    return [roles(m) for m in mentions]


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # Passive voice: the "by" phrase is the agent, the subject the victim.
        (
            "Three civilians were killed by an Israeli airstrike on a house in Deir al-Balah on Tuesday.",
            "Military Forces of Israel",
            "Civilians",
        ),
        # A weapon as agent: whoever fired, launched or planted it.
        (
            "A farmer was killed on Monday by a landmine planted by Al-Shabaab fighters near Baidoa.",
            "Al-Shabaab",
            "Civilians",
        ),
        (
            "A 12-year-old boy was killed on Friday by a sniper bullet fired by Houthi fighters in eastern Taiz.",
            "Houthis (Ansar Allah)",
            None,
        ),
        # The agent of a nominal trigger: a demonym or a group's name on it.
        (
            "A Russian missile attack on Zaporizhzhia killed 10 people on Wednesday, regional officials said.",
            "Military Forces of Russia",
            "Civilians",
        ),
        (
            "Kharkiv came under Russian artillery fire overnight, damaging several houses, the governor said.",
            "Military Forces of Russia",
            None,
        ),
        (
            "A government drone strike on a market in Finote Selam killed at least 26 people on Sunday.",
            ARMY,
            "Civilians",
        ),
        # "strikes on X", "an attack attributed to X"
        (
            "The army's air force carried out strikes on RSF positions east of El Fasher on Thursday.",
            ARMY,
            "Rapid Support Forces",
        ),
        (
            "At least 20 villagers were killed on Monday night in an attack attributed to ADF rebels in Beni "
            "territory, local sources said.",
            "Allied Democratic Forces",
            "Civilians",
        ),
        # Posts and units of a force as targets.
        (
            "Islamic State fighters attacked an army post near Menaka on Monday, killing nine soldiers.",
            "Islamic State",
            ARMY,
        ),
        (
            "Taliban forces shelled Pakistani border posts in Kurram on Saturday night.",
            "Taliban",
            "Military Forces of Pakistan",
        ),
        (
            "Residents said a convoy of supply trucks escorted by the army was attacked by armed men on Saturday "
            "south of Djibo.",
            "Unidentified Armed Group",
            ARMY,
        ),
        # country_owns_its_forces: a country named as the owner of a kind of force, also with the apostrophe lost
        ("Nigeria's army shelled the village of Gajiram on Monday.", "Military Forces of Nigeria", None),
        ("Malis army attacked the camp near Mopti on Monday.", "Military Forces of Mali", None),
        # a state's forces named after its president, also with the apostrophe lost
        ("Assads forces shelled the village of Kafr Nabl on Monday.", "Military Forces of Syria", None),
        # a count in front of the victims' word ("a number of", "more", "a large number of") is not who they are
        (
            "A number of terrorists were killed and others were injured near Jilib on Monday.",
            "Unidentified Armed Group",
            "Terrorists of {country}",
        ),
        (
            "More terrorists were killed during army operations near Jilib.",
            ARMY,  # died_in_a_named_act: the dead of army operations were killed by the army
            "Terrorists of {country}",
        ),
        # describing_words_name_no_force: words that only describe the men leave the kind of force they are
        ("Local rebels attacked an army checkpoint near Idlib on Monday.", "Rebels of {country}", None),
        ("Troops clashed with Islamist militants near Jilib on Monday.", ARMY, "Terrorists of {country}"),
        # accused_did_it: the one an accusation verb names as its object did the act, not its accuser
        (
            "Villagers accused the Wagner Group of burning their houses near Mopti on Monday.",
            "Wagner Group",
            None,
        ),
        (
            "Residents blamed Al-Shabaab fighters for shelling the market in Baidoa on Friday.",
            "Al-Shabaab",
            None,
        ),
        # the parser may hang "of shelling" on the accused ("forces of shelling"): the accused still did it, and
        # the act's words are no part of its name
        (
            "Militants accused government forces of bombing a market near Mopti on Monday.",
            ARMY,
            None,
        ),
        # support_verb_target: the target phrase the parser hangs on the verb that only says the act was done
        (
            "The air force carried out airstrikes against positions of Al-Shabaab fighters near Jilib on Monday.",
            ARMY,
            "Al-Shabaab",
        ),
        # ... and the owner named after the last of coordinated posts owns them all
        (
            "Israeli jets conducted raids on positions and hideouts of Hezbollah fighters near Nabatieh on Sunday.",
            "Military Forces of Israel",
            "Hezbollah",
        ),
    ],
)
def test_agent_and_target_of_an_attack(text: str, actor1: str, actor2: str | None) -> None:
    found = all_roles(text)
    assert any(a1 == actor1 and (actor2 is None or a2 == actor2) for a1, a2 in found), found


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Somali National Army troops clashed with Al-Shabaab militants near Adan Yabaal on Thursday.",
            "Military Forces of Somalia",
            "Al-Shabaab",
        ),
        (
            "Heavy fighting between the Kachin Independence Army and junta troops was reported near Bhamo on Tuesday.",
            "Kachin Independence Army",
            "Military Forces of Myanmar",
        ),
        # support_verb_target: "with" on the verb whose object is the fight
        (
            "Al-Shabaab militants fought fierce battles on Tuesday with Somali National Army troops near Jilib.",
            "Al-Shabaab",
            "Military Forces of Somalia",
        ),
        (
            "Violent clashes erupted on Saturday between the SDF and tribal gunmen in the town of Dhiban.",
            "Syrian Democratic Forces",
            "Unidentified Armed Group",
        ),
        (
            "Ukrainian and Russian forces fought for control of the village of Krynky on Monday.",
            "Military Forces of Ukraine",
            "Military Forces of Russia",
        ),
        (
            "Fano militia fighters took control of the town of Debre Tabor on Friday after clashes with the "
            "Ethiopian National Defense Force (ENDF), residents said.",
            "Fano",
            "Military Forces of Ethiopia",
        ),
        # One phrase for both sides.
        (
            "At least 12 people were killed in clashes between two rival clan militias near Abudwak on Sunday.",
            "Clan Militia",
            "Clan Militia",
        ),
    ],
)
def test_both_sides_of_a_fight(text: str, actor1: str, actor2: str) -> None:
    assert (actor1, actor2) in all_roles(text)


def test_repelled_attack_is_the_attackers_event() -> None:
    found = all_roles("Malian troops repelled an attack by JNIM fighters on their base in Boulkessi on Saturday.")
    assert ("JNIM", "Military Forces of Mali") in found


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # "its fighters", "they": the group whose statement the clause reports
        (
            "The Islamic Resistance in Iraq said its fighters attacked a US base in eastern Syria with drones "
            "on Thursday.",
            "Islamic Resistance in Iraq",
            "Military Forces of the United States",
        ),
        (
            "Kurdish-led forces near Manbij said they were attacked by Turkish-backed factions of the Syrian "
            "National Army on Friday.",
            "Syrian National Army",
            "Syrian Democratic Forces",
        ),
        (
            "Russia's defence ministry said its forces had captured the village of Novomykhailivka.",
            "Military Forces of Russia",
            None,
        ),
    ],
)
def test_pronouns_and_possessives_stand_for_the_speaker(text: str, actor1: str, actor2: str | None) -> None:
    found = all_roles(text)
    assert any(a1 == actor1 and (actor2 is None or a2 == actor2) for a1, a2 in found), found


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Insurgents led by the militant group Hayat Tahrir al-Sham captured the town of Saraqib on Friday.",
            "Hayat Tahrir al-Sham",
        ),
        (
            "On March 6, fighters of the Al-Qaeda-linked Group for the Support of Islam and Muslims (JNIM) killed "
            "at least 15 displaced people near Kaya.",
            "JNIM",
        ),
    ],
)
def test_generic_fighters_take_the_group_they_belong_to(text: str, actor1: str) -> None:
    assert actor1 in {a1 for a1, _ in all_roles(text)}


def test_a_backer_is_not_the_actor() -> None:
    # "backed by" names a patron, not the group the gunmen belong to
    found = all_roles("Gunmen backed by a local politician attacked a village near Jos on Sunday, killing five.")
    assert "Unidentified Armed Group" in {a1 for a1, _ in found}


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        ("Regime forces arrested four young men at a checkpoint near Khirbet Ghazaleh on Tuesday.", "Civilians"),
        ("Israeli forces arrested 12 citizens in the town of Qabatiya on Monday.", "Civilians"),
        ("Malian security forces arrested 11 opposition politicians in Bamako on Thursday.", "Civilians"),
    ],
)
def test_people_arrested_or_abducted_are_civilians(text: str, actor2: str) -> None:
    assert actor2 in {a2 for _, a2 in all_roles(text)}


def test_those_killed_in_a_nominal_attack_are_its_target() -> None:
    found = all_roles("Niger's army said it killed dozens of militants in airstrikes near Tera the following day.")
    # "militants" is a kind of force whose name depends on the country (filled in after geocoding: an unidentified
    # armed group in Niger, Syrian rebels in Syria)
    assert ("Military Forces of Niger", "Terrorists of {country}") in found


def test_air_defence_and_the_drones_it_downed() -> None:
    found = all_roles(
        "Air defence forces intercepted and destroyed 20 Ukrainian drones over the Belgorod region overnight, "
        "the ministry said."
    )
    assert (ARMY, "Military Forces of Ukraine") in found


def test_drone_launched_by_a_group_is_the_target_of_its_interception() -> None:
    found = all_roles(
        "U.S. Central Command said its forces destroyed two uncrewed surface vessels and a drone launched by the "
        "Houthis over the Red Sea on Tuesday."
    )
    assert ("Military Forces of the United States", "Houthis (Ansar Allah)") in found


@pytest.mark.parametrize(
    ("text", "actor2"),
    [
        (
            "Hundreds of teachers protested outside parliament in Nairobi on Tuesday; police fired tear gas to "
            "disperse them.",
            POLICE,
        ),
        (
            "Youths in Jos blocked roads and burned tyres on Monday to protest the killings, and soldiers fired in "
            "the air to disperse them.",
            ARMY,
        ),
    ],
)
def test_the_force_that_policed_a_crowd_is_actor2(text: str, actor2: str) -> None:
    crowd = [m for m in extract(text).mentions if m.event_type in {"Protests", "Riots"}]
    assert crowd, text
    assert roles(crowd[0])[1] == actor2


def test_a_country_inside_a_target_phrase_is_not_its_army() -> None:
    found = all_roles("Hundreds of protesters attacked the embassies of France and the United States in Kinshasa.")
    assert all(a2 != "Military Forces of the United States" for _, a2 in found), found


def test_witnesses_are_not_the_attackers() -> None:
    found = all_roles("Residents reported heavy shelling on the market in El Fasher on Sunday, killing four people.")
    assert all(a1 != "Civilians" for a1, _ in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the army", ARMY),
        ("at least nine soldiers", ARMY),
        ("an army patrol", ARMY),
        ("the army's air force", ARMY),
        ("air defences", ARMY),
        ("a police checkpoint", POLICE),
    ],
)
def test_kinds_of_force_whose_country_comes_from_the_place(text: str, expected: str) -> None:
    from sitrep.extract.actors import phrase_actor

    doc = load_pipeline()(f"{text[0].upper()}{text[1:]} came under fire.")
    subject = next(t for t in doc if t.dep_ in {"nsubj", "nsubjpass"})
    phrase = doc[subject.left_edge.i : subject.i + 1]
    entry = phrase_actor(phrase, actor_dictionary())
    assert entry is not None and entry.name == expected


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # The named victims are the side that suffered the attack when no other target is named (passive voice).
        (
            "At least 14 Al-Shabaab fighters were killed in an airstrike by the US military near Jilib on Sunday.",
            "Military Forces of the United States",
            "Al-Shabaab",
        ),
        # An active verb with an unnamed attacker: the soldiers it killed are the target.
        ("A roadside bomb killed four soldiers on the road to Gao on Tuesday.", "Unidentified Armed Group", ARMY),
        # Civilians in a place held by a group are not that group.
        (
            "Nine civilians were killed by shelling in a district held by the Islamic State on Friday.",
            "Unidentified Armed Group",
            "Civilians",
        ),
    ],
)
def test_named_victims_are_actor2(text: str, actor1: str, actor2: str) -> None:
    assert roles(extract(text).mentions[0]) == (actor1, actor2)


def test_unnamed_rebels_are_the_rebels_of_the_country() -> None:
    (found,) = {roles(m) for m in extract("Government troops killed dozens of rebels in clashes near Rastan.").mentions}
    assert found == (ARMY, "Rebels of {country}")
    (found,) = {
        roles(m) for m in extract("Opposition fighters shelled an army checkpoint near the town on Monday.").mentions
    }
    assert found[0] == "Rebels of {country}"


def test_a_generic_word_takes_the_group_its_of_phrase_names() -> None:
    mention = extract("The army killed 25 militants of the Nusra Front near the village on Monday.").mentions[0]
    assert roles(mention) == (ARMY, "Hayat Tahrir al-Sham")


def test_a_participle_on_an_operation_is_done_by_whoever_carried_it_out() -> None:
    text = "Police carried out a raid targeting a gang hideout in the suburb on Thursday."
    assert {roles(m)[0] for m in extract(text).mentions} == {"Police Forces of {country}"}


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("The Liwa al-Haqq Brigade said it killed six fighters of the Nusra Front on Monday.", "Liwa al-Haqq Brigade"),
        (
            "Fighters of the Popular Resistance Front attacked an army post near Sirte on Monday.",
            "Popular Resistance Front",
        ),
        # A state's unit or army is not a group of its own.
        ("The 4th Armoured Division shelled the town on Monday.", "Unidentified Armed Group"),
        ("The Syrian Arab Army shelled the town on Monday.", "Military Forces of Syria"),
    ],
)
def test_a_named_group_the_dictionary_lacks_keeps_its_name(text: str, actor1: str) -> None:
    assert roles(extract(text).mentions[0])[0] == actor1


def test_a_participle_on_the_weapon_says_what_it_was_aimed_at() -> None:
    (found,) = {
        roles(m) for m in extract("The militia fired drones targeting a Turkish base in the north on Friday.").mentions
    }
    assert found[1] == "Military Forces of Turkey"


def test_a_group_named_before_a_generic_word_is_that_group() -> None:
    # An acronym before "jihadists" or "militants" names whose they are; the acronym is not read as the verb "is".
    (mention,) = extract("At least 11 IS militants were killed in air strikes near Palmyra on Sunday.").mentions
    assert roles(mention)[1] == "Islamic State"
    assert mention.fatalities is not None and mention.fatalities.low == 11


@pytest.mark.parametrize(
    "text",
    [
        "Islamic State fighters suffered heavy losses in air strikes near Raqqa on Monday.",
        "Islamic State fighters sustained heavy losses in Russian raids near Palmyra on Monday.",
    ],
)
def test_those_who_suffer_an_attack_are_its_target(text: str) -> None:
    actor1, actor2 = roles(extract(text).mentions[0])
    assert actor2 == "Islamic State" and actor1 != "Islamic State"


def test_a_short_name_of_a_group_before_a_generic_word() -> None:
    text = "Four people were wounded when al-Nusra militants fired mortar shells on a market in the town."
    assert roles(extract(text).mentions[0])[0] == "Hayat Tahrir al-Sham"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # name_split_off: the acronym read as a verb ("IS" as "is") is still the name on the generic noun after it.
        ("At least two IS suicide bombers attacked the army post near the oil field on Monday.", "Islamic State"),
        # subject_in_opening_phrase: with no comma after the opening phrase, its last noun is the verb's subject.
        (
            "In the eastern town of Mayadin ISIS militants detonated a car bomb near a market on Friday.",
            "Islamic State",
        ),
    ],
)
def test_a_named_group_the_parser_cut_off_its_noun_is_still_the_doer(text: str, actor1: str) -> None:
    assert roles(extract(text).mentions[0])[0] == actor1


def test_a_place_ending_the_opening_phrase_is_no_doer() -> None:
    """Only a group's name is taken from before the verb: a country ending the phrase is where, not who."""
    mentions = extract("In northern Ruritania militants attacked an army post on Monday.").mentions
    assert roles(mentions[0])[0] == "Unidentified Armed Group"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        # A named Syrian faction is coded by its name, however the wire spells it or links the generic word to it.
        ("Mortar shells fired by Jaysh al-Islam fighters hit a school in the old city on Tuesday.", "Jaish al-Islam"),
        ("Gunmen from Failaq al-Rahman attacked an army checkpoint east of the capital on Sunday.", "Faylaq al-Rahman"),
        # place_before_a_force: a country before a generic word for a force says where, not who.
        ("Syria rebels attacked an army checkpoint near the northern border on Sunday.", "Rebels of {country}"),
    ],
)
def test_named_and_placed_forces_are_coded_by_who_they_are(text: str, actor1: str) -> None:
    assert roles(extract(text).mentions[0])[0] == actor1


def test_a_capture_told_as_what_an_advance_did_is_done_by_who_advanced() -> None:
    """An advance is an attack noun: "extended their advances, seizing X" is done by those who advanced."""
    text = "The monitor said fighters from the Islamic State group extended their advances seizing Tel Hamra village."
    mentions = extract(text).mentions
    assert [roles(m)[0] for m in mentions] == ["Islamic State"]


@pytest.mark.parametrize(
    "text",
    [
        "Five farmers were executed in the square when Al-Shabaab fighters stormed the village on Monday.",
        "Two guards were killed after Al-Shabaab fighters raided the compound near Baidoa.",
    ],
)
def test_a_passive_act_is_done_by_the_doer_of_the_act_that_brought_it(text: str) -> None:
    """doer_of_a_time_clause: "were executed when X stormed the village" is X's doing."""
    assert "Al-Shabaab" in [roles(m)[0] for m in extract(text).mentions]


def test_the_force_named_up_to_the_head_is_the_doer_whatever_hangs_after_it() -> None:
    """head_names_first: a misparse hanging the target on the doer's phrase does not make the target the doer."""
    text = (
        "Also on Friday airstrikes by the Syrian air force targeted gathering points of militants of the Jaish "
        "al-Fatah in Kafr Sousa."
    )
    assert roles(extract(text).mentions[0])[0] == "Military Forces of Syria"


def test_a_demonym_on_a_group_s_fighters_does_not_make_them_an_army() -> None:
    assert (
        roles(extract("Syrian fighters of the Islamic State attacked the village.").mentions[0])[0] == "Islamic State"
    )


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Syrian rebels attacked an army base near the town of Kafr Nabl on Monday, killing four soldiers.",
            "Syrian rebels",
        ),
        ("Syrian opposition forces shelled a government checkpoint in Daraa on Sunday.", "Syrian rebels"),
        ("Malian rebels ambushed an army convoy near Kidal on Friday.", "Malian rebels"),
        # ... while a demonym on the state's own forces still names them.
        ("Syrian troops shelled rebel positions in Daraa on Sunday.", "Military Forces of Syria"),
    ],
)
def test_a_demonym_on_a_rebel_force_says_whose_rebels_not_whose_army(text: str, actor1: str) -> None:
    """demonym_on_a_rebel_force: "Syrian rebels" are rebels of Syria, never Syria's military."""
    assert [roles(m)[0] for m in extract(text).mentions] == [actor1]
