"""A place's own name inside a longer mention the gazetteer cannot read whole (sitrep.geo.mentions)."""

from __future__ import annotations

import pytest

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.mentions import find_the_name_inside
from sitrep.model import PlaceMention, Span

CONTEXT = GeoContext(document_countries=("SY",), min_similarity=0.95)


def cut(text: str, gazetteer: Gazetteer) -> PlaceMention:
    mention = PlaceMention(text, Span("t.txt", 100, 100 + len(text), text))
    find_the_name_inside(mention, gazetteer, CONTEXT)
    return mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Syrian Hama province", "Hama province"),  # a nationality before the name
        ("Syria Latakia", "Latakia"),  # a country before it, its possessive lost entirely
        ("Tuesday Tartus", "Tartus"),  # a day
    ],
)
def test_a_places_name_after_words_that_say_whose_or_when_places_the_mention(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    mention = cut(text, gazetteer)
    assert mention.text == name
    assert mention.place is not None and mention.place.country == "SY"
    assert mention.span.text == name and mention.span.end - mention.span.start == len(name)


@pytest.mark.parametrize("text", ["Shahba Hotel", "Thawra Street", "Murad Sezer", "Syrian Murad Sezer"])
def test_other_words_beside_a_towns_name_are_part_of_another_name(gazetteer: Gazetteer, text: str) -> None:
    # a building, a street and a person are not the town their first word spells
    mention = cut(text, gazetteer)
    assert (mention.text, mention.place) == (text, None)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Saraqib Syria", "Saraqib"),  # "in Saraqib, Syria" scraped without its comma
        ("Saraqib Idlib province", "Saraqib"),  # ... its province after it
        ("Saraqib Idlib", "Saraqib"),  # ... the province by the name of its seat
        ("Tartus Friday", "Tartus"),  # a day after the name
        ("Tartus BEIRUT", "Tartus"),  # a filing town in capitals after it
    ],
)
def test_a_places_name_before_the_unit_that_holds_it_places_the_mention(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    mention = cut(text, gazetteer)
    assert mention.text == name
    assert mention.place is not None and mention.place.country == "SY" and mention.place.precision == "town"
    assert mention.span.text == name


@pytest.mark.parametrize("text", ["Hama Salamiyah", "Homs Aleppo", "Saraqib Iraq"])
def test_a_name_after_a_place_that_does_not_hold_it_is_no_unit_of_it(gazetteer: Gazetteer, text: str) -> None:
    # a town of the same province is no unit of Hama; two towns far apart and a country that does not hold the town
    # are two places (or another name), not a name and its unit
    mention = cut(text, gazetteer)
    assert (mention.text, mention.place) == (text, None)
