"""The villages sitrep ships, and resolving a place where the document is.

Sentences are invented; the places are real villages and towns of the shipped GeoNames data.
"""

from __future__ import annotations

from importlib import resources

import pytest

from sitrep.data import data_path
from sitrep.geo import GeoContext
from sitrep.geo.build import bundled_villages, find_geonames_dumps
from sitrep.geo.distance import haversine_km
from sitrep.geo.index import Gazetteer

CREDIT = "Place data © GeoNames (geonames.org), CC BY 4.0, partly via Who's On First (whosonfirst.org)."
SHIPPED = {
    "AF",
    "AM",
    "AZ",
    "BF",
    "BI",
    "CD",
    "CF",
    "CM",
    "CO",
    "ET",
    "HT",
    "IL",
    "IQ",
    "IR",
    "LB",
    "LY",
    "ML",
    "MM",
    "MZ",
    "NE",
    "NG",
    "PH",
    "PK",
    "PS",
    "SD",
    "SO",
    "SS",
    "SY",
    "TR",
    "UA",
    "YE",
}


def test_villages_ship_for_31_countries_as_geonames_tables_with_their_credit() -> None:
    dumps = bundled_villages()
    assert {d.path.name.split(".")[0] for d in dumps} == SHIPPED
    assert find_geonames_dumps([dumps[0].path.parent])  # each file reads as a GeoNames table
    assert sum(d.path.stat().st_size for d in dumps) < 40_000_000
    assert CREDIT in data_path("geo", "PROVENANCE").read_text(encoding="utf-8")


def test_dashboard_footer_credits_the_place_data() -> None:
    page = resources.files("sitrep.web").joinpath("static/index.html").read_text(encoding="utf-8")
    assert "GeoNames" in page and "CC BY 4.0" in page and "Who's On First" in page


def resolve(gazetteer: Gazetteer, text: str, sentence: str = "", *countries: str):  # type: ignore[no-untyped-def]
    return gazetteer.resolve(text, GeoContext(sentence=sentence, document_countries=countries))


@pytest.mark.parametrize("spelling", ["Kafr Nabudah", "Kafr Nabuda", "Kafr Nbouda"])
def test_a_syrian_village_cities500_lacks_is_found_in_any_spelling(gazetteer: Gazetteer, spelling: str) -> None:
    place = resolve(gazetteer, spelling, f"Shells fell on {spelling} in Syria overnight.", "SY")
    assert place is not None and place.gazetteer_id == "geonames:168660" and place.precision == "town"


@pytest.mark.parametrize("spelling", ["Ter Ma'la", "Teir Maaleh", "Tayr Maalah"])
def test_arabic_village_names_match_across_romanisations(gazetteer: Gazetteer, spelling: str) -> None:
    place = resolve(gazetteer, spelling, f"Clashes near {spelling} in the Homs countryside.", "SY")
    assert place is not None and place.country == "SY"
    assert haversine_km(place.lat, place.lon, 34.80, 36.71) < 5


def test_a_romanisation_at_home_beats_the_exact_name_abroad(gazetteer: Gazetteer) -> None:
    # Egypt's city is spelled "Mansoura"; a report on Syria means one of Syria's Al Mansurah villages.
    place = resolve(gazetteer, "Mansoura", "Jets struck Mansoura, west of Raqqa.", "SY")
    assert place is not None and place.country == "SY"


def test_a_name_the_documents_country_lacks_is_not_a_look_alike_on_another_continent(gazetteer: Gazetteer) -> None:
    # An invented village name: nothing in Syria, so nothing far away either, however close the spelling.
    place = resolve(gazetteer, "Kafr Zubaydiyat", "Fighting reached Kafr Zubaydiyat, Syria.", "SY")
    assert place is None or place.country in {"SY", *gazetteer.neighbours_of(["SY"])}


def test_well_known_places_say_which_country_a_text_is_about(gazetteer: Gazetteer) -> None:
    headline = "Shelling on Kafr Nabudah and clashes in the Hama countryside"
    assert gazetteer.countries_in_text(headline) == []
    assert gazetteer.countries_of_places(headline)[:1] == ["SY"]
    assert gazetteer.document_countries(headline)[:1] == ["SY"]


def test_a_capitalised_word_opening_a_sentence_or_a_generic_word_implies_no_country(gazetteer: Gazetteer) -> None:
    # "More" is also a town in Cameroon, "Centre" a province of Burkina Faso, Cameroon and France.
    assert gazetteer.countries_of_places("More rain fell. Shops in the Centre closed early") == []


def test_a_day_or_a_month_implies_no_country(gazetteer: Gazetteer) -> None:
    # Villages named "Monday" and "Friday" exist; in a report the words date the act. The text names no place, so
    # it is nowhere, and "the army" in it stays the unidentified military, not a country's.
    assert gazetteer.countries_of_places("Five soldiers were killed on Monday.") == []
    assert gazetteer.document_countries("Gunmen attacked a convoy on Friday in March.") == []
    # A village named beside the day still votes for its country.
    assert gazetteer.countries_of_places("Airstrikes hit Muhassan and Uqayribat on Monday.")[:1] == ["SY"]


def test_a_word_inside_a_longer_name_implies_nothing(gazetteer: Gazetteer) -> None:
    # "Ain" alone would be Al Ain in the Emirates; "Ain al-Arab" is one name.
    assert "AE" not in gazetteer.countries_of_places("Residents fled Ain al-Arab on foot.")


def test_a_provinces_name_as_a_town_is_its_seat(gazetteer: Gazetteer) -> None:
    place = resolve(gazetteer, "Mykolaiv", "Missiles struck Mykolaiv overnight.", "UA")
    assert place is not None and haversine_km(place.lat, place.lon, 46.97, 32.0) < 25


@pytest.mark.parametrize("word", ["Jun", "Sunday", "Oct"])
def test_a_month_or_weekday_is_never_a_place(gazetteer: Gazetteer, word: str) -> None:
    # "Reuters Sunday 12 Jun 2016": a parser may tag the month; Lebanon's Joûn is not meant.
    assert (
        resolve(gazetteer, word, f"Air strikes killed 20 people, a monitor said on Sunday 12 {word} 2016.", "SY")
        is None
    )


def test_a_generic_word_does_not_lengthen_a_short_name_into_a_namesake_abroad(gazetteer: Gazetteer) -> None:
    # "Raqa city" and "Yreka City" share a consonant skeleton only through "city".
    place = resolve(gazetteer, "Raqa city", "A US-led coalition strike killed 18 civilians in Raqa city.", "US", "SY")
    assert place is not None and place.country == "SY"


def test_an_armed_group_s_name_implies_no_country() -> None:
    # GeoNames holds some group names as alternate names of towns abroad ("Hamas" for a German city): the group
    # says who acted, so the text's places alone decide where it is.
    text = "An air strike on a house in the Gaza camp killed five people, a Hamas official said on Saturday."
    assert Gazetteer.open().document_countries(text)[:1] == ["PS"]
