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
