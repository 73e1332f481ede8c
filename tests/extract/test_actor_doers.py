"""Who did it, where the parse hides the doer: a leader before "-led" (leader_of_a_led_act), a weapon word before
the attack noun that names the doer (weapon_modifies_the_attack), a force word before an act in -ing
(doer_before_its_gerund), an acronym said as a word and written in title case (acronym_in_title_case), the author
of the act a death came in (died_in_a_named_act). Invented sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import extract_document
from sitrep.extract.actors import actor_dictionary
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.nlp import load_pipeline

ARMY = "Military Forces of {country}"
REBELS = "Rebels of {country}"


def first_doers(text: str) -> list[str | None]:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    mentions = extract_document(document, load_pipeline()(document.text)).mentions
    assert mentions, text
    return [a.name if (a := m.actor("actor1")) else None for m in mentions]


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Seven people were killed on Tuesday in a car bomb attack carried out by the Islamic State near a market.",
            "Islamic State",
        ),
        ("Four villagers were killed in rebel shelling of the northern district on Sunday.", REBELS),
        ("Homes in the old quarter were hit by intense regime shelling on Monday.", ARMY),
        ("Twenty fighters of Isis were killed when they attacked an army checkpoint on Friday.", "Islamic State"),
    ],
)
def test_the_doer_the_parse_hides_is_found(text: str, doer: str) -> None:
    assert doer in first_doers(text)


def test_an_acronym_said_as_a_word_matches_in_title_case_and_a_short_one_does_not() -> None:
    dictionary = actor_dictionary()
    assert dictionary.find("Isis fighters") == dictionary.find("ISIS fighters")
    assert dictionary.find("Isis fighters") is not None
    assert dictionary.find("the town is quiet") is None  # "IS" is spelt out, never "is"


def test_civilians_share_no_deed_with_the_articles_other_acts() -> None:
    text = (
        "Residents fought off the gunmen near the well on Sunday, a witness said.\n\n"
        "Heavy clashes continued around the village on Monday."
    )
    doers = first_doers(text)
    assert doers[-1] != "Civilians"


US = "Military Forces of the United States"


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("US-led strikes on the desert town in Syria killed nine Islamic State fighters on Friday.", US),
        ("U.S.-led coalition air raids on ISIL positions near the dam in Syria killed 14 fighters.", US),
        (
            "Saudi-led air strikes hit a fuel depot in the Yemeni port of Hodeidah on Monday, killing four.",
            "Military Forces of Saudi Arabia",
        ),
    ],
)
def test_an_attack_named_by_its_leader_is_the_leaders(text: str, doer: str) -> None:
    """leader_of_a_led_act: "US-led strikes" are the leader's, not an unnamed doer's."""
    assert doer in first_doers(text)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        (
            "Four heavy bombers from Russia struck oil depots near the river in Syria on Tuesday.",
            "Military Forces of Russia",
        ),
        ("Jets from the US bombed a bridge in eastern Syria on Monday, a monitor said.", US),
    ],
)
def test_aircraft_from_a_state_are_its_forces(text: str, doer: str) -> None:
    """Warplanes, jets and bombers "from" a state are a detachment of its forces, as troops from it are."""
    assert doer in first_doers(text)


@pytest.mark.parametrize(
    ("text", "doer"),
    [
        ("Eight villagers were killed on Thursday in rebel fire on the eastern district of the city.", REBELS),
        ("Several gunmen were killed in an army operation near the village on Sunday.", ARMY),
        ("Four people were killed and 14 wounded during rebel fire on the market on Tuesday.", REBELS),
        ("Five farmers were killed in government fire on the fields outside the town.", ARMY),
    ],
)
def test_a_death_in_a_named_act_is_the_acts_doers(text: str, doer: str) -> None:
    """died_in_a_named_act: the dead of "rebel fire" or "an army operation" were killed by its author."""
    assert first_doers(text)[0] == doer


def test_a_death_in_a_place_names_no_doer() -> None:
    """A place's holder is no act's author: "killed in rebel-held areas" leaves the doer unsaid."""
    assert first_doers("Seven civilians were killed on Monday in rebel-held areas of the city.")[0] != REBELS
