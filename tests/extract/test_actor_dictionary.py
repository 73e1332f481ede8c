"""The actor dictionary (data/actors.yaml): consistent entries, and the canonical names news text resolves to."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import Any

import pytest

from sitrep.data import load_yaml
from sitrep.extract import Extraction, extract_document
from sitrep.extract.actors import actor_dictionary
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.nlp import load_pipeline

ACTOR_TYPES = {
    "State forces",
    "Rebel groups",
    "Political militias",
    "Identity militias",
    "Protesters",
    "Rioters",
    "Civilians",
    "External/Other forces",
    "Unidentified",
}


def actors() -> list[dict[str, Any]]:
    return list(load_yaml("actors.yaml")["actors"])


def extract(text: str, published: str = "2024-03-14") -> Extraction:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date.fromisoformat(published)))
    return extract_document(document, load_pipeline()(document.text))


def test_no_surface_form_names_two_actors() -> None:
    # The loader keeps the first actor for a surface form, so a shared alias silently goes to one side.
    owners: dict[str, set[str]] = defaultdict(set)
    for actor in actors():
        for form in [actor["name"], *actor.get("aliases", []), *actor.get("metonyms", [])]:
            owners[form.lower()].add(actor["name"])
    shared = {form: sorted(names) for form, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_every_actor_has_a_known_type_a_country_code_and_clean_aliases() -> None:
    names = [actor["name"] for actor in actors()]
    assert names, "the actor dictionary is empty"
    assert len(names) == len(set(names)), "canonical names are unique"
    for actor in actors():
        assert actor["type"] in ACTOR_TYPES, actor["name"]
        country = actor.get("country")
        assert country is None or re.fullmatch(r"[A-Z]{2}", country), (actor["name"], country)
        for alias in [*actor.get("aliases", []), *actor.get("metonyms", [])]:
            assert isinstance(alias, str) and alias == alias.strip() and alias, (actor["name"], alias)


def test_demonyms_name_actors_in_the_dictionary() -> None:
    names = {actor["name"] for actor in actors()}
    demonyms = load_yaml("actors.yaml")["demonyms"]
    assert demonyms
    for demonym, name in demonyms.items():
        assert name in names, demonym


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Israeli cabinet", "Government of Israel"),
        ("the Kremlin", "Government of Russia"),
        ("Iraqi Prime Minister Mohammed Shia al-Sudani", "Government of Iraq"),
        ("Nigerian police", "Police Forces of Nigeria"),
        ("the Kano State Police Command", "Police Forces of Nigeria"),
        ("the Internal Security Forces (Asayish)", "Asayish"),
        ("Kurdistan Region's counter-terrorism service", "Kurdistan Region Security Forces"),
        ("the Security Service of Ukraine (SBU)", "Security Service of Ukraine"),
        ("Al-Shabaab fighters", "Al-Shabaab"),
        # In Cabo Delgado "Al-Shabaab" is the Islamic State affiliate, not the Somali group.
        ("Al-Shabaab in Mozambique", "Islamic State"),
        ("AMISOM troops", "ATMIS"),
        ("UNIFIL peacekeepers", "UNIFIL"),
        ("Hashd al-Shaabi", "Popular Mobilization Forces"),
        ("Huthi rebels", "Houthis (Ansar Allah)"),
        # Aliases of forces and groups across conflicts.
        ("Russia's defence ministry", "Military Forces of Russia"),
        ("Iron Dome", "Military Forces of Israel"),
        ("Zionist occupation warplanes", "Military Forces of Israel"),  # a side's own loaded name for its enemy
        ("the Azov Brigade", "National Guard of Ukraine"),
        ("Koglweogo self-defence groups", "Koglweogo Militia"),
        ("the Hafiz Gul Bahadur group", "Hafiz Gul Bahadur Group"),
        ("Amhara militias", "Fano"),
        ("Hadrami Elite Forces", "Southern Transitional Council"),
        ("Anti-Balaka militias", "Anti-Balaka"),
        ("Inter-Services Public Relations", "Military Forces of Pakistan"),
        ("Convention for the Popular Revolution", "Convention for the Popular Revolution (CRP)"),
        # Victims and unnamed attackers.
        ("four young men", "Civilians"),
        ("12 citizens", "Civilians"),
        ("dozens of gunmen", "Unidentified Armed Group"),
        ("the assailants", "Unidentified Armed Group"),
        # Words that name nobody in particular, or are also places and given names.
        ("police", None),
        ("the Sea of Azov", None),
        ("Zaire", None),
        ("Amal Clooney", None),
        ("the sbu", None),  # acronyms only in capitals
    ],
)
def test_surface_forms_resolve_to_canonical_actors(text: str, expected: str | None) -> None:
    found = actor_dictionary().find(text)
    assert (found.name if found else None) == expected


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        (
            "Asa'ib Ahl al-Haq fighters fired rockets at a Turkish base near Bashiqa on Monday.",
            "actor1",
            "Asa'ib Ahl al-Haq",
        ),
        (
            "Peshmerga fighters clashed with Islamic State militants near Makhmour on Sunday.",
            "actor1",
            "Kurdistan Region Security Forces",
        ),
        (
            "Israeli police arrested 12 protesters outside the Knesset in Jerusalem on Tuesday.",
            "actor1",
            "Police Forces of Israel",
        ),
        (
            "STC forces clashed with government troops in Abyan on Wednesday, killing six fighters.",
            "actor1",
            "Southern Transitional Council",
        ),
        (
            "The Oromo Liberation Army killed 15 civilians in an attack on a village in West Wollega on Sunday.",
            "actor1",
            "Oromo Liberation Army",
        ),
        ("Tigrayan forces captured the town of Lalibela on Thursday.", "actor1", "Tigray People's Liberation Front"),
        (
            "Local Macawisley militia fighters attacked Al-Shabaab positions near the town of Adan Yabaal "
            "in Middle Shabelle on Saturday, residents said.",
            "actor1",
            "Macawisley",
        ),
        ("Al-Shabaab fighters attacked an ATMIS base in Lower Shabelle on Monday.", "actor2", "ATMIS"),
        (
            "CODECO militiamen killed 12 displaced people at a camp in Djugu territory on Tuesday.",
            "actor1",
            "CODECO",
        ),
        ("Wazalendo fighters clashed with M23 rebels near Masisi on Wednesday.", "actor1", "Wazalendo"),
        (
            "The Kachin Independence Army seized a military outpost near Bhamo on Friday.",
            "actor1",
            "Kachin Independence Army",
        ),
        (
            "The Baloch Liberation Army attacked a passenger train in Balochistan on Tuesday.",
            "actor1",
            "Baloch Liberation Army",
        ),
        (
            "The Security Service of Ukraine detained two suspected Russian agents in Kharkiv on Monday.",
            "actor1",
            "Security Service of Ukraine",
        ),
        (
            "Tuareg rebels ambushed a convoy of Malian troops near Tinzaouaten on Saturday.",
            "actor1",
            "Permanent Strategic Framework (CSP)",
        ),
        ("Dozo hunters killed 20 Fulani herders near Bankass on Sunday.", "actor1", "Dozo Militia"),
        (
            "Islamic State Mozambique fighters attacked the town of Macomia in Cabo Delgado on Wednesday.",
            "actor1",
            "Islamic State",
        ),
        (
            "Sudan Shield Forces fighters attacked RSF positions near Wad Madani on Sunday.",
            "actor1",
            "Sudan Shield Forces",
        ),
        (
            "The SPLM-N shelled the city of Kadugli on Tuesday, killing four civilians.",
            "actor1",
            "SPLM-N (al-Hilu)",
        ),
        ("Chadian troops killed 30 Boko Haram fighters near Lake Chad on Monday.", "actor1", "Military Forces of Chad"),
        ("Viv Ansanm gangs attacked the town of Mirebalais on Monday.", "actor1", "Viv Ansanm"),
        ("ELN guerrillas attacked a military base in Arauca on Sunday.", "actor1", "National Liberation Army (ELN)"),
    ],
)
def test_sentences_from_many_conflicts_name_canonical_actors(text: str, role: str, expected: str) -> None:
    mentions = extract(text).mentions
    assert mentions, text
    found = {(r.role, r.name) for m in mentions for r in m.actors}
    assert (role, expected) in found, found


def test_terrorists_are_a_kind_of_force_named_by_the_country() -> None:
    # "terrorists" with no group named is the state's word for its armed opponents: a contextual force whose name
    # depends on the country (Syrian rebels in Syria), not an alias of one actor
    dictionary = actor_dictionary()
    assert dictionary.find("dozens of terrorists") is None
    force = dictionary.contextual_force("dozens of terrorists")
    assert force is not None and force.prefix == "Terrorists of"


@pytest.mark.parametrize(
    ("victims", "prefix"),
    [
        ("one policeman", "Police Forces of"),
        ("another soldier", "Military Forces of"),
        ("one police officer", "Police Forces of"),
    ],
)
def test_a_counted_single_member_names_their_kind_of_force(victims: str, prefix: str) -> None:
    # "a rocket killed one policeman": a count of one is the force's singular noun ("a policeman"), as "two policemen"
    force = actor_dictionary().contextual_force(victims)
    assert force is not None and force.prefix == prefix


def test_a_counted_single_person_names_no_force() -> None:
    assert actor_dictionary().contextual_force("one man") is None
