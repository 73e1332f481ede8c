"""A place named before its country, the comma between them lost ("Homs Syria"), and a village's respelled reading
far from the places its own sentence names (sitrep.geo.mentions)."""

from __future__ import annotations

import pytest

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.mentions import drop_respellings_far_from_their_container, find_the_name_before_its_country
from sitrep.model import PlaceMention, Span

CONTEXT = GeoContext(document_countries=("SY",))


def mention(text: str, start: int = 100) -> PlaceMention:
    return PlaceMention(text, Span("t.txt", start, start + len(text), text))


@pytest.mark.parametrize(("text", "name", "country"), [("Homs Syria", "Homs", "SY"), ("Kirkuk Iraq", "Kirkuk", "IQ")])
def test_a_place_before_its_countrys_name_is_that_place(
    gazetteer: Gazetteer, text: str, name: str, country: str
) -> None:
    found = mention(text)
    find_the_name_before_its_country(found, gazetteer, CONTEXT)
    assert found.text == name and found.span.text == name
    assert found.place is not None and found.place.country == country and found.place.precision == "town"


@pytest.mark.parametrize("text", ["Kirkuk Syria", "Qarqoozabad Syria", "Homs"])
def test_no_cut_when_the_name_is_no_place_of_that_country(gazetteer: Gazetteer, text: str) -> None:
    found = mention(text)
    find_the_name_before_its_country(found, gazetteer, CONTEXT)
    assert (found.text, found.place) == (text, None)


def resolved_in(sentence: str, name: str, gazetteer: Gazetteer) -> PlaceMention:
    found = mention(name, sentence.index(name))
    found.place = gazetteer.resolve(name, CONTEXT)
    assert found.place is not None
    return found


def respelled_and_its_container(sentence: str, gazetteer: Gazetteer, container: str) -> PlaceMention:
    village = resolved_in(sentence, "Maaret Misreen", gazetteer)
    drop_respellings_far_from_their_container(
        [village, resolved_in(sentence, container, gazetteer)], sentence, gazetteer
    )
    return village


def test_a_respelled_village_far_from_the_town_it_is_said_to_lie_in_is_left_unresolved(gazetteer: Gazetteer) -> None:
    # "Maaret Misreen" is read only as another spelling of an Idlib village, 370 km from Daraa
    sentence = "Shells hit Maaret Misreen in the countryside of Daraa on Monday."
    assert respelled_and_its_container(sentence, gazetteer, "Daraa").place is None


def test_a_respelled_village_near_the_town_it_is_said_to_lie_in_is_kept(gazetteer: Gazetteer) -> None:
    sentence = "Shells hit Maaret Misreen in the countryside of Idlib on Monday."
    assert respelled_and_its_container(sentence, gazetteer, "Idlib").place is not None


def test_places_merely_listed_together_may_lie_far_apart(gazetteer: Gazetteer) -> None:
    sentence = "Jets struck Maaret Misreen and Daraa on Monday."
    assert respelled_and_its_container(sentence, gazetteer, "Daraa").place is not None


def test_a_town_that_shares_its_provinces_name_may_stand_for_the_province(gazetteer: Gazetteer) -> None:
    # "Hbeit" (Al Habit, a village of Idlib province 55 km from Idlib city) "in Idlib" is in Idlib province
    sentence = "Shells hit Hbeit in Idlib on Monday."
    village = resolved_in(sentence, "Hbeit", gazetteer)
    drop_respellings_far_from_their_container([village, resolved_in(sentence, "Idlib", gazetteer)], sentence, gazetteer)
    assert village.place is not None
