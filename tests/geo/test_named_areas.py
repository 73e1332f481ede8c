"""Named areas the gazetteer has no unit for (data/geo/areas.csv): mountains, valleys and plains war news names."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.data import data_path
from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.build import area_rows, read_cities, read_csv, split_aliases
from sitrep.geo.distance import haversine_km
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.pipeline import process_document

# An area is a few villages across: each member lies this close to the area's point.
AREA_RADIUS_KM = 30.0


@pytest.fixture(scope="module")
def areas() -> dict[str, tuple[float, float]]:
    return {row.name: (row.lat, row.lon) for row in area_rows(read_cities())}


def test_each_area_is_placed_among_the_villages_its_source_names(areas: dict[str, tuple[float, float]]) -> None:
    records = read_csv(data_path("geo", "areas.csv"))
    assert records
    cities = read_cities()
    for rec in records:
        lat, lon = areas[rec["name"]]
        for gid in split_aliases(rec["members"]):
            if gid in cities:  # the shipped villages are checked by area_rows itself (a missing one is an error)
                city = cities[gid]
                km = haversine_km(lat, lon, float(str(city["latitude"])), float(str(city["longitude"])))
                assert km < AREA_RADIUS_KM, (rec["name"], gid, km)


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("Jabal al-Akrad", (35.69, 36.14)),  # Salma
        ("the Mountain of Kurds", (35.69, 36.14)),
        ("Wadi Barada", (33.62, 36.11)),  # Souq Wadi Barada
        ("the Barada valley", (33.62, 36.11)),
        ("Sahl al-Ghab", (35.60, 36.34)),
        ("the Western Ghouta", (33.46, 36.23)),  # Darayya, not the Eastern Ghouta
        ("Jabal al-Turkman", (35.79, 36.04)),  # Rabia
        ("Eastern Qalamoun", (33.74, 36.70)),  # Ruhaybah
    ],
)
def test_a_named_area_is_a_district_sized_area_among_its_villages(
    gazetteer: Gazetteer, text: str, near: tuple[float, float]
) -> None:
    place = gazetteer.resolve(text, GeoContext(document_countries=("SY",)))
    assert place is not None and place.precision == "admin2" and place.feature == "area", place
    assert haversine_km(place.lat, place.lon, *near) < 25, place


def test_a_report_from_a_named_area_is_placed_there(gazetteer: Gazetteer) -> None:
    text = "Government helicopters dropped barrel bombs on villages in Jabal al-Zawiya on Sunday, killing three people."
    document = build_document(text, "t.txt", DocumentMeta(outlet="Local", published=dt.date(2019, 5, 6)))
    (mention,) = process_document(document, gazetteer).mentions
    places = [pm.place for pm in mention.places if pm.place is not None]
    assert places and places[0].name == "Jabal al-Zawiya", places
    assert haversine_km(places[0].lat, places[0].lon, 35.70, 36.51) < 20  # Balyun


def test_an_area_whose_village_is_missing_is_an_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.geo.build as build

    real = build.read_csv

    def with_a_bad_member(path):  # type: ignore[no-untyped-def]
        rows = real(path)
        return [{**rows[0], "members": "999999999"}] if path.name == "areas.csv" else rows

    monkeypatch.setattr(build, "read_csv", with_a_bad_member)
    with pytest.raises(ValueError, match="999999999"):
        build.area_rows({}, build.bundled_villages())


def test_a_build_without_the_shipped_villages_leaves_their_areas_out() -> None:
    # "sitrep geo build" without villages (a small test index) has no points to place such areas at.
    assert area_rows({}, []) == []


@pytest.mark.parametrize(
    ("text", "near"),
    [
        ("the desert of al-Qaryatayn", (34.23, 37.24)),
        ("Sukhnah desert", (34.89, 38.87)),
        ("the barrens of Qara", (34.16, 36.74)),
    ],
)
def test_the_desert_around_a_town_is_placed_at_the_town(
    gazetteer: Gazetteer, text: str, near: tuple[float, float]
) -> None:
    place = gazetteer.resolve(text, GeoContext(document_countries=("SY",)))
    assert place is not None and haversine_km(place.lat, place.lon, *near) < 25, place
