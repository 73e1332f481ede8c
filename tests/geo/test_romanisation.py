"""Other romanisations of a name: articles glued on, the construct state's t; and one answer whatever the process's
hash seed (sitrep.geo.normalise.romanisation_variants, sitrep.geo.index)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.distance import haversine_km
from sitrep.geo.normalise import romanisation_variants

SYRIA = GeoContext(document_countries=("SY",))


@pytest.mark.parametrize(
    ("written", "variant"),
    [
        ("alSosah", "Sosah"),  # an article written onto the name
        ("AlMansura", "Mansura"),
        ("Ma’ra al-Nu’man", "marat numan"),  # the construct state's t, dropped by the writer
        ("Tallat Zahra", "talla zahra"),  # ... or written where the gazetteer drops it
    ],
)
def test_a_name_has_its_other_romanisations(written: str, variant: str) -> None:
    assert variant in romanisation_variants(written)


def test_a_plain_name_has_no_variants() -> None:
    assert romanisation_variants("Aleppo") == []
    assert romanisation_variants("Kafr Nabudah") == []


@pytest.mark.parametrize(
    ("written", "lat", "lon"),
    [
        ("Ma’ra al-Nu’man", 35.65, 36.68),  # Ma'arrat an Nu'man
        ("Hamra Blassem village", 35.88, 39.20),  # Hamrat Balasim
        ("alMayadin", 35.02, 40.45),  # Al Mayadin
    ],
)
def test_another_romanisation_of_a_village_is_found_in_the_documents_country(
    gazetteer: Gazetteer, written: str, lat: float, lon: float
) -> None:
    place = gazetteer.resolve(written, SYRIA)
    assert place is not None, written
    assert haversine_km(place.lat, place.lon, lat, lon) < 10, place


def test_a_short_name_is_not_matched_by_its_skeleton_alone(gazetteer: Gazetteer) -> None:
    # Two consonants ("Zaara": "zr") match many villages of one country; a look-alike of them is a wrong village.
    place = gazetteer.resolve("Zaara generating station", SYRIA)
    assert place is None or place.name != "Za‘rah", place


def test_an_exact_name_next_door_beats_a_looser_spelling_at_home(gazetteer: Gazetteer) -> None:
    # A Turkish report on al-Bab: the Syrian town is named exactly; no Turkish village of a similar skeleton is taken.
    place = gazetteer.resolve("al-Bab", GeoContext(document_countries=("TR", "SY")))
    assert place is not None and place.country == "SY", place


def test_the_countries_a_text_implies_do_not_depend_on_the_hash_seed() -> None:
    # A village name held by two countries: their tie is broken the same way in every process.
    code = "from sitrep.geo import Gazetteer; print(Gazetteer.open().countries_of_places('Shells fell on al-Tabaqa'))"
    answers = set()
    for seed in ("0", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        answers.add(result.stdout)
    assert len(answers) == 1, answers
