"""A big city is a landmark whatever country a place object claims: the population is read from the index row."""

from __future__ import annotations

from dataclasses import replace

from sitrep.geo import Gazetteer


def test_a_big_city_is_a_landmark_and_a_village_is_not(gazetteer: Gazetteer) -> None:
    (city,) = [c.place for c in gazetteer.lookup("Aleppo", ["SY"], limit=1)]
    assert city.feature != "PPLC" and gazetteer.is_landmark(city), city
    village = next(c.place for c in gazetteer.lookup("Kafr Nabl", ["SY"], limit=3) if c.place.precision == "town")
    assert not gazetteer.is_landmark(village), village


def test_the_population_is_found_when_the_place_names_another_country(gazetteer: Gazetteer) -> None:
    # Looked up in the place's country first (the index's country range), then in the whole index.
    (city,) = [c.place for c in gazetteer.lookup("Aleppo", ["SY"], limit=1)]
    assert gazetteer.is_landmark(replace(city, country="TR"))
    assert gazetteer.is_landmark(replace(city, country=None))
