"""Places named through their country: "the Syrian capital" is the capital city, "Yemens Hodeidah" is Hodeidah."""

from __future__ import annotations

import pytest

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.distance import haversine_km


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("the Syrian capital", 33.51, 36.29),
        ("Iraq's capital", 33.34, 44.40),
        ("the Ukrainian capital", 50.45, 30.52),
    ],
)
def test_a_capital_named_through_its_country_is_the_city(
    gazetteer: Gazetteer, text: str, lat: float, lon: float
) -> None:
    place = gazetteer.resolve(text, GeoContext())
    assert place is not None and place.precision == "town", place
    assert haversine_km(place.lat, place.lon, lat, lon) < 25


def test_the_capital_alone_is_the_capital_of_the_reports_country(gazetteer: Gazetteer) -> None:
    place = gazetteer.resolve("the capital", GeoContext(document_countries=("YE",)))
    assert place is not None and haversine_km(place.lat, place.lon, 15.35, 44.21) < 25, place


def test_the_capital_in_a_report_that_names_no_country_is_no_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("the capital", GeoContext()) is None


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        # A country's possessive that lost its apostrophe still says whose place it is.
        ("Yemens Hodeidah", 14.80, 42.95),
        # A region of the named country is the place, not the country.
        ("Syria's Eastern Ghouta", 33.55, 36.40),
    ],
)
def test_a_place_named_through_its_country_is_the_place(
    gazetteer: Gazetteer, text: str, lat: float, lon: float
) -> None:
    place = gazetteer.resolve(text, GeoContext())
    assert place is not None and place.precision != "country", place
    assert haversine_km(place.lat, place.lon, lat, lon) < 25


@pytest.mark.parametrize(("name", "country"), [("Damascus", "SY"), ("Kyiv", "UA"), ("Sanaa", "YE"), ("Amman", "JO")])
def test_the_index_marks_each_countrys_capital(gazetteer: Gazetteer, name: str, country: str) -> None:
    # A capital is named in reports about any country ("talks in Amman"): the ranking checks for GeoNames' PPLC.
    (place,) = [c.place for c in gazetteer.lookup(name, [country], limit=1)]
    assert place.country == country and place.feature == "PPLC", place
    assert gazetteer.is_landmark(place)


def test_a_capital_is_the_biggest_town_of_its_name_in_its_country() -> None:
    from sitrep.geo.build import PlaceRow, mark_capitals

    small = PlaceRow("geonames:1", "Sanaa", "YE", 14.0, 44.0, "town", feature="PPL", population=900)
    city = PlaceRow("geonames:2", "Sanaa", "YE", 15.35, 44.21, "town", feature="PPL", population=1_900_000)
    namesake = PlaceRow("geonames:3", "Sanaa", "SA", 20.0, 45.0, "town", feature="PPL", population=5_000_000)
    for row in (small, city, namesake):
        row.names[row.name] = "name"
    mark_capitals([small, city, namesake], {"YE": "Sanaa", "SA": "Riyadh"})
    assert city.feature == "PPLC" and small.feature != "PPLC" and namesake.feature != "PPLC"
