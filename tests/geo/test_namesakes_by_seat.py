"""namesakes_by_seat: of namesakes a report cannot tell apart, the seat of government is meant (GeoNames' PPLA*
codes, carried into the gazetteer's cities500 towns from the shipped tables)."""

from __future__ import annotations

import gzip
from pathlib import Path

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.build import GeoNamesDump, PlaceRow, mark_seats
from sitrep.geo.distance import haversine_km


def _town(geonameid: int) -> PlaceRow:
    return PlaceRow(gid=f"geonames:{geonameid}", name="Qarmaz", country="SY", lat=35.0, lon=37.0, precision="town")


def _line(geonameid: int, code: str) -> str:
    columns = [str(geonameid), "Qarmaz", "Qarmaz", "", "35.0", "37.0", "P", code, "SY"] + [""] * 10
    return "\t".join(columns) + "\n"


def test_a_town_takes_the_seat_code_the_shipped_table_holds_for_it(tmp_path: Path) -> None:
    dump = tmp_path / "SY.txt.gz"
    with gzip.open(dump, "wt", encoding="utf-8") as handle:
        handle.writelines([_line(1, "PPLA3"), _line(2, "PPL"), _line(3, "PPLC")])
    towns = [_town(1), _town(2), _town(3)]
    for town in towns:
        town.feature = "PPL"
    mark_seats(towns, [GeoNamesDump(dump)])
    # A seat keeps its code; a plain village stays PPL; a capital is countries.csv's to say, not the table's.
    assert [t.feature for t in towns] == ["PPLA3", "PPL", "PPL"]


def test_a_bare_name_of_namesakes_is_the_subdistrict_seat(gazetteer: Gazetteer) -> None:
    # Three Syrian villages are called Maskanah (in Aleppo, Homs and Rif Dimashq provinces); the one in Aleppo
    # province is the seat of a subdistrict, the one a report names without saying which.
    place = gazetteer.resolve(
        "Maskanah", GeoContext(sentence="Shelling hit Maskanah on Monday.", document_countries=("SY",))
    )
    assert place is not None and haversine_km(place.lat, place.lon, 35.966, 38.042) < 5, place
