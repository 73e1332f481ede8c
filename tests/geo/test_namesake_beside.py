"""namesake_beside_its_neighbour: of a village's namesakes, the one near a town its sentence also names."""

from __future__ import annotations

import pytest

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.distance import haversine_km


def _resolved_near(gazetteer: Gazetteer, name: str, sentence: str, others: tuple[str, ...]) -> tuple[float, float]:
    context = GeoContext(sentence=sentence, document_countries=("SY",), nearby_places=(name, *others))
    place = gazetteer.resolve(name, context)
    assert place is not None
    return place.lat, place.lon


@pytest.mark.parametrize(
    ("name", "sentence", "town", "point"),
    [
        # Aleppo holds three villages called Umm Miyal; the one by Khanasir is meant.
        ("Umm Miyal", "Militants stormed Umm Miyal village near Khanasir at dawn.", "Khanasir", (35.756, 37.586)),
        # Sheikh Issa: one village in Idlib, two in Aleppo; the one beside Tell Rifaat.
        ("Sheikh Issa", "Fighters took Sheikh Issa and Tell Rifaat on Friday.", "Tell Rifaat", (36.479, 37.146)),
    ],
)
def test_a_namesake_beside_a_town_of_its_sentence_is_meant(
    gazetteer: Gazetteer, name: str, sentence: str, town: str, point: tuple[float, float]
) -> None:
    assert haversine_km(*_resolved_near(gazetteer, name, sentence, (town,)), *point) < 5


def test_a_town_written_in_another_romanisation_still_says_where_its_neighbour_is(gazetteer: Gazetteer) -> None:
    # "Harbanafseh" is the gazetteer's Harbinafsah; the Zara beside it (Hama), not Zara of the Homs hills.
    sentence = "Rebels withdrew from Zara towards Harbanafseh after a night of shelling."
    lat, lon = _resolved_near(gazetteer, "Zara", sentence, ("Harbanafseh",))
    assert haversine_km(lat, lon, 34.920, 36.660) < 5


def test_a_town_named_in_another_sentence_does_not_choose_the_namesake(gazetteer: Gazetteer) -> None:
    # Only the places of the mention's own sentence pull it this close: Khanasir is named elsewhere in the report.
    sentence = "Militants stormed Umm Miyal village at dawn."
    lat, lon = _resolved_near(gazetteer, "Umm Miyal", sentence, ("Khanasir",))
    assert haversine_km(lat, lon, 35.756, 37.586) > 5
