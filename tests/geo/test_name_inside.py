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
