"""A place named before its country, the comma between them lost ("Homs Syria") (sitrep.geo.mentions)."""

from __future__ import annotations

import pytest

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.mentions import find_the_name_before_its_country
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
