"""Role patterns beyond subject and object: gerunds, shares and detachments, aimed blasts, responses to an
advance, crowds, and the codebook's conventions (sitrep.extract.actors).

The sentences are written for these tests; forces named only by their kind are "<prefix> {country}" until
fill_actor_countries runs.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import Extraction, extract_document
from sitrep.extract.actors import apply_conventions, fill_actor_countries
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import ActorRole, Mention, Span
from sitrep.nlp import load_pipeline

ARMY = "Military Forces of {country}"
POLICE = "Police Forces of {country}"


def extract(text: str) -> Extraction:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    return extract_document(document, load_pipeline()(document.text))


def all_roles(text: str) -> list[tuple[str | None, str | None]]:
    mentions = extract(text).mentions
    assert mentions, text
    found = []
    for mention in mentions:
        a1, a2 = mention.actor("actor1"), mention.actor("actor2")
        found.append((a1.name if a1 else None, a2.name if a2 else None))
    return found


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        # A gerund after a preposition is done by the main verb's subject.
        (
            "Houthi fighters responded by shelling Saudi border posts in Jizan on Friday.",
            "Houthis (Ansar Allah)",
            "Military Forces of Saudi Arabia",
        ),
        # A chain of participles after the main clause shares its subject.
        (
            "Israeli occupation forces continued their aggression on the town of Tubas and its camp for the fourth "
            "day, bulldozing streets and destroying infrastructure.",
            "Military Forces of Israel",
            None,
        ),
        # A detachment "from" a named force is that force.
        (
            "Officials said a unit from the Nigerian army's 7th Division arrested two suspects in Maiduguri.",
            "Military Forces of Nigeria",
            None,
        ),
        # A blast "targeting" something: what it was aimed at.
        (
            "A roadside bomb exploded on Monday targeting an army convoy near Kismayo, killing two soldiers.",
            "Unidentified Armed Group",
            ARMY,
        ),
        (
            "A bomb exploded targeting a patrol of the regime's forces in Nawa on Sunday.",
            "Unidentified Armed Group",
            ARMY,
        ),
    ],
)
def test_roles_through_gerunds_detachments_and_aims(text: str, actor1: str, actor2: str | None) -> None:
    found = all_roles(text)
    assert (actor1, actor2) in found, found


def test_a_share_of_an_installation_is_its_force() -> None:
    found = all_roles("Ukrainian drones destroyed part of the Morozovsk military airfield overnight.")
    assert ("Military Forces of Ukraine", ARMY) in found, found


def test_those_who_confront_an_advance_are_its_target() -> None:
    found = all_roles("Israeli troops advancing near the village of Kodana were confronted by local gunmen on Tuesday.")
    assert ("Military Forces of Israel", "Unidentified Armed Group") in found, found


def test_the_crowd_is_actor1_and_the_force_that_met_it_actor2() -> None:
    found = all_roles("Riot police fired tear gas at protesters in Nairobi on Tuesday.")
    assert ("Protesters", POLICE) in found, found


def test_two_crowds_clashing_are_both_rioters() -> None:
    found = all_roles(
        "Three people were killed on Friday when Sunni protesters clashed with Shia demonstrators in Basra."
    )
    assert ("Rioters", "Rioters") in found, found


def test_violence_against_civilians_targets_civilians_even_when_unnamed() -> None:
    roles = [ActorRole("actor1", "Unidentified Armed Group", "Unidentified")]
    coded = apply_conventions(roles, "Violence against civilians", [], "t.txt")
    assert [(r.role, r.name) for r in coded] == [("actor1", "Unidentified Armed Group"), ("actor2", "Civilians")]
    battle = apply_conventions(roles, "Battles", [], "t.txt")
    assert [r.role for r in battle] == ["actor1"]


def test_a_kind_of_force_is_not_the_other_side_named_earlier() -> None:
    span = Span("t.txt", 0, 10, "x")

    def mention(start: int, actors: list[ActorRole]) -> Mention:
        sentence = Span("t.txt", start, start + 10, "x")
        return Mention("m", "t.txt", sentence, span, "Battles", "Armed clash", "ASSAULT", actors=actors)

    israel = ActorRole("actor1", "Military Forces of Israel", "State forces")
    first = mention(0, [israel])
    # "Israeli jets struck a military airport near Homs": the airport is not Israel's
    second = mention(20, [israel, ActorRole("actor2", ARMY, "State forces")])
    fill_actor_countries([first, second], lambda _: "SY", lambda code: {"SY": "Syria"}[code])
    assert second.actors[1].name == "Military Forces of Syria"


def test_unnamed_rebels_are_named_from_the_countrys_demonym() -> None:
    span = Span("t.txt", 0, 10, "x")
    names = {"SY": "Syria", "LY": "Libya", "ZZ": "Nowhere Land"}
    rebels = ActorRole("actor2", "Rebels of {country}", "Rebel groups")
    army = ActorRole("actor1", ARMY, "State forces")
    found = {}
    for country in (None, "SY", "ZZ"):
        mention = Mention("m", "t.txt", span, span, "Battles", "Armed clash", "FIGHT", actors=[army, rebels])
        fill_actor_countries([mention], lambda _, c=country: c, lambda code: names[code])  # type: ignore[misc]
        found[country] = mention.actors[1].name
    # "Syrian rebels" as the codebook names them; a country whose demonym is not listed keeps the prefix form;
    # with no country at all, an unidentified armed group.
    assert found == {"SY": "Syrian rebels", "ZZ": "Rebels of Nowhere Land", None: "Unidentified Armed Group"}


def test_forces_named_after_a_people_are_who_they_are_in_that_country() -> None:
    span = Span("t.txt", 0, 10, "x")
    found = {}
    for country in ("SY", "IQ", "ML", None):
        kurds = ActorRole("actor1", "Kurdish forces of {country}", "Rebel groups")
        mention = Mention("m", "t.txt", span, span, "Battles", "Armed clash", "FIGHT", actors=[kurds])
        fill_actor_countries([mention], lambda _, c=country: c, lambda code: code)  # type: ignore[misc]
        found[country] = (mention.actors[0].name, mention.actors[0].actor_type)
    assert found == {
        "SY": ("Syrian Democratic Forces", "Rebel groups"),
        "IQ": ("Kurdistan Region Security Forces", "State forces"),
        "ML": ("Unidentified Armed Group", "Unidentified"),
        None: ("Unidentified Armed Group", "Unidentified"),
    }


def test_kurdish_forces_are_a_kind_of_force_filled_in_by_country() -> None:
    (mention,) = extract("Kurdish fighters recaptured the village of Tal Hamam on Friday.").mentions
    actor1 = mention.actor("actor1")
    assert actor1 is not None and actor1.name == "Kurdish forces of {country}"
