"""An unknown name whose own text says where it lies: kept at that place, at the precision the text supports."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo import Gazetteer
from sitrep.geo.distance import haversine_km
from sitrep.geo.document import DocumentPlaces, place_within
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Place
from sitrep.pipeline import process_document


def first_place(text: str, gazetteer: Gazetteer) -> Place:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Local", published=dt.date(2018, 4, 20)))
    mentions = process_document(document, gazetteer).mentions
    assert mentions, text
    places = [pm.place for pm in mentions[0].places if pm.place is not None]
    assert places, mentions[0].places
    return places[0]


def test_quarters_of_a_named_town_are_in_that_town(gazetteer: Gazetteer) -> None:
    place = first_place(
        "Rockets fell on the eastern neighbourhoods of the capital Damascus on Friday, killing four people in Syria.",
        gazetteer,
    )
    assert place.precision == "town" and haversine_km(place.lat, place.lon, 33.51, 36.29) < 10, place


@pytest.mark.parametrize(
    "text", ["the area of Khirbet Zorqan south of Idlib", "a checkpoint near Idlib city", "the outskirts of Idlib"]
)
def test_an_unknown_place_near_a_town_is_the_area_around_it(gazetteer: Gazetteer, text: str) -> None:
    place = place_within(text, DocumentPlaces(("SY",), "SY", "SY"), gazetteer)
    assert place is not None and place.precision == "admin2" and place.country == "SY", place
    assert haversine_km(place.lat, place.lon, 35.93, 36.63) < 10, place


def test_a_place_named_within_must_be_in_the_documents_country(gazetteer: Gazetteer) -> None:
    # A Syrian village's unknown name "near Tripoli" is not placed at Libya's or Lebanon's Tripoli by this rule.
    assert place_within("a farm near Tripoli", DocumentPlaces(("SY",), "SY", "SY"), gazetteer) is None


def test_a_sentence_placed_only_at_its_country_keeps_the_town_its_unknown_name_lies_in(gazetteer: Gazetteer) -> None:
    place = first_place(
        "Shells hit the western neighbourhoods of the city of Deir Ezzor on Monday, killing two people in Syria.",
        gazetteer,
    )
    assert place.precision == "town" and haversine_km(place.lat, place.lon, 35.34, 40.14) < 10, place


@pytest.mark.parametrize("text", ["Aleppo neighbourhoods", "the Aleppo neighborhood"])
def test_quarters_named_by_their_city_are_in_that_city(gazetteer: Gazetteer, text: str) -> None:
    place = place_within(text, DocumentPlaces(("SY",), "SY", "SY"), gazetteer)
    assert place is not None and place.precision == "town" and haversine_km(place.lat, place.lon, 36.20, 37.16) < 10


def test_a_quarter_named_like_a_village_is_not_placed_at_the_village(gazetteer: Gazetteer) -> None:
    # Quarters often share a small village's name: "the Karm neighbourhood" is not the village of Karm.
    place = place_within("the Karm neighbourhood", DocumentPlaces(("SY",), "SY", "SY"), gazetteer)
    assert place is None or place.precision != "town" or not place.name.startswith("Karm")
