"""Arabic romanisation variants: each class of data/geo/transliteration.yaml brings its spellings to one key."""

from __future__ import annotations

import pytest

from sitrep.data import load_yaml
from sitrep.geo import Gazetteer
from sitrep.geo.distance import haversine_km
from sitrep.geo.index import GeoContext
from sitrep.geo.normalise import romanised_key, specific_romanisation

CLASSES = load_yaml("geo/transliteration.yaml")["classes"]


@pytest.mark.parametrize(
    ("name", "pair"), [(c["name"], pair) for c in CLASSES for pair in c["same"]], ids=lambda v: str(v)
)
def test_each_variant_class_gives_its_spellings_one_key(name: str, pair: tuple[str, str]) -> None:
    first, second = pair
    assert romanised_key(first) == romanised_key(second), name


def test_every_class_names_its_convention_and_shows_it() -> None:
    assert all(c["doc"].strip() and c["same"] for c in CLASSES)
    assert len({c["name"] for c in CLASSES}) == len(CLASSES)


@pytest.mark.parametrize(
    "variants",
    [
        # invented village names, written in the ways the main schools write them
        ["Kfar Sulmin", "Kafr Sulmin", "Kefr Soulmin"],
        ["Tal Habbab", "Tell Habab", "Tall al-Habab"],
        ["Jabal Zarud", "Jebel Zaroud", "Jbel Zarud"],
        ["Deir Hafiz", "Dayr Hafiz", "Dair Hafez"],
        ["Ain Batta", "Ayn al-Batta", "Ein Battah"],
        ["Marsa'a", "Marsaa", "Marsa"],
        ["Hurmiyeh", "Hurmiyah", "Hurmiyya", "Hurmieh", "Hurmia"],
        ["Qasrun", "Kasrun", "Qassroun"],
        ["Deir Ezzahil", "Dayr az-Zahil"],
    ],
)
def test_romanisations_of_one_name_share_a_key(variants: list[str]) -> None:
    assert len({romanised_key(v) for v in variants}) == 1


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Homs", "Hama"),  # different consonants
        ("Marsa", "Misrata"),
        ("Sulmin", "Salimiyan"),  # another syllable
        ("Essa", "Sa"),  # a word opening with a doubled letter after a vowel is not always an article
        ("Kafr Sulmin", "Sulmin"),
        ("Tall Dabat", "Tall Daba"),  # a name's last word keeps its t: only a word another follows is in construct
        ("Bayt Sulmin", "Ba Sulmin"),  # ... and the t of a diphthong's word (Bayt, Beit) is no feminine ending
        ("Beit Sulmin", "Bei Sulmin"),
    ],
)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert romanised_key(one) != romanised_key(other)


def test_a_short_key_finds_nothing_by_itself() -> None:
    assert not specific_romanisation(romanised_key("Deir"))
    assert not specific_romanisation(romanised_key("Ain"))
    assert specific_romanisation(romanised_key("Marsa"))


@pytest.mark.parametrize(
    ("text", "province", "lat", "lon"),
    [
        ("Marea", "Aleppo", 36.48, 37.20),  # the gazetteer writes it Mare'
        ("Ein Essa", "Raqqa", 36.39, 38.86),  # ... Ain Issa, ‘Ayn ‘Īsá
        ("Ithriyah", "Hama", 35.36, 37.73),  # ... Athrīyā
    ],
)
def test_a_village_written_another_way_is_found_in_the_document_s_country(
    gazetteer: Gazetteer, text: str, province: str, lat: float, lon: float
) -> None:
    place = gazetteer.resolve(text, GeoContext(document_countries=("SY",), nearby_places=(province,)))
    assert place is not None
    assert haversine_km(place.lat, place.lon, lat, lon) < 10
