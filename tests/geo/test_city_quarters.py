"""The curated city quarters (data/geo/sites.csv) lie inside their cities."""

from __future__ import annotations

import csv

import pytest

from sitrep.data import data_path
from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.distance import haversine_km

# A quarter is part of its city: its point lies within this distance of the city's point.
CITY_KM = 8.0
# The city each province's quarters belong to (Syria's four cities whose quarters news names).
CITIES = {"Dimashq": "Damascus", "Aleppo": "Aleppo", "Homs": "Homs", "Deir ez-Zor": "Deir ez-Zor"}


def quarters() -> list[dict[str, str]]:
    with data_path("geo", "sites.csv").open(encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["type"] == "district" and row["admin1"] in CITIES]


def test_the_curated_quarters_are_listed() -> None:
    assert len(quarters()) >= 15


@pytest.mark.parametrize("quarter", quarters(), ids=lambda row: row["id"])
def test_a_quarter_lies_inside_its_city(gazetteer: Gazetteer, quarter: dict[str, str]) -> None:
    city = gazetteer.resolve(CITIES[quarter["admin1"]], GeoContext(document_countries=(quarter["country"],)))
    assert city is not None and city.precision == "town", city
    distance = haversine_km(float(quarter["lat"]), float(quarter["lon"]), city.lat, city.lon)
    assert distance <= CITY_KM, (quarter["name"], round(distance, 1))


def test_a_quarter_of_one_city_is_not_read_in_a_report_on_another(gazetteer: Gazetteer) -> None:
    # Aleppo has a curated "al-Zahraa district"; Homs has a quarter of that name the gazetteer lacks.
    report_on_homs = GeoContext(document_countries=("SY",), nearby_places=("Homs", "the al-Zahraa district"))
    place = gazetteer.resolve("the al-Zahraa district", report_on_homs)
    assert place is None or haversine_km(place.lat, place.lon, 34.73, 36.72) <= CITY_KM, place
    report_on_aleppo = GeoContext(document_countries=("SY",), nearby_places=("Aleppo", "the al-Zahraa district"))
    place = gazetteer.resolve("the al-Zahraa district", report_on_aleppo)
    assert place is not None and haversine_km(place.lat, place.lon, 36.20, 37.16) <= CITY_KM, place
