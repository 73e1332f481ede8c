"""The place of an event: the phrase that names it, the country the text implies, the finest place first."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.distance import haversine_km
from sitrep.geo.inherit import drop_loose_readings_abroad
from sitrep.geo.normalise import parse_mention
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import NAME_ROLE, Mention, Place, PlaceMention, Span
from sitrep.pipeline import process_document


def first_event_place(text: str, gazetteer: Gazetteer) -> Place | None:
    """The place the first event is placed at: the first resolved place of its mention."""
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2017, 3, 5)))
    mentions = process_document(document, gazetteer).mentions
    assert mentions, text
    return next((pm.place for pm in mentions[0].places if pm.place is not None), None)


@pytest.mark.parametrize(
    ("text", "core", "kind"),
    [
        ("the western and northern outskirts of Saraqib", "Saraqib", "town"),
        ("the vicinity of Kuweires airport", "Kuweires", "site"),
        ("al-Qaim border town", "al-Qaim", "town"),
        ("the capital Baghdad", "Baghdad", ""),
    ],
)
def test_words_around_a_name_are_not_part_of_it(text: str, core: str, kind: str) -> None:
    parsed = parse_mention(text)
    assert (parsed.core, parsed.kind) == (core, kind)


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        # A capital that stands for its government elsewhere ("Damascus said") is a place after "the capital".
        ("Mortar shells hit the capital Damascus and wound five people", 33.51, 36.29),
        # The phrase stops before "and" joining a common noun, and before a verb.
        ("Heavy fighting on the outskirts of Saraqib and more rockets hit the town", 35.86, 36.80),
        ("Warplanes bomb the countryside of Maarat al-Numan leave nine dead", 35.64, 36.67),
        # Two directions before one head.
        ("Clashes erupted in the northern and western outskirts of Kobani on Tuesday", 36.89, 38.36),
    ],
)
def test_a_place_phrase_ends_where_the_name_ends(gazetteer: Gazetteer, text: str, lat: float, lon: float) -> None:
    place = first_event_place(text, gazetteer)
    assert place is not None, text
    assert haversine_km(place.lat, place.lon, lat, lon) < 25, place


def test_the_town_comes_before_the_country_around_it(gazetteer: Gazetteer) -> None:
    place = first_event_place("In northern Syria, a car bomb exploded in the border town of Tal Abyad", gazetteer)
    assert place is not None and place.precision == "town", place
    assert haversine_km(place.lat, place.lon, 36.70, 38.95) < 10, place


def test_a_nationality_does_not_say_where_the_places_are(gazetteer: Gazetteer) -> None:
    # "Iranian" names who fights; the towns say the report is in Syria.
    assert gazetteer.document_countries("Iranian militias shelled Deir ez-Zor and al-Mayadin")[0] == "SY"
    place = first_event_place("Iranian-backed gunmen attacked a checkpoint in al-Mayadin overnight", gazetteer)
    assert place is not None and place.country == "SY", place


def test_villages_named_together_imply_their_country(gazetteer: Gazetteer) -> None:
    # No country, province or big town is named; the villages lie together, in Syria.
    assert gazetteer.document_countries("Shells fell on Kafr Nabudah and Hish and Maar Shurin")[:1] == ["SY"]


def test_a_bare_proper_noun_does_not_say_which_country_a_report_is_in() -> None:
    abroad = Place("g:1", "Carnage", "DM", 15.3, -61.3, "town")
    home = Place("g:2", "Al Bu Kamal", "SY", 34.45, 40.92, "town")
    word = PlaceMention("Carnage", Span("t", 0, 7), role=NAME_ROLE, place=abroad)
    town = PlaceMention("Bokamal", Span("t", 11, 18), place=home)
    span = Span("t", 0, 30)
    mention = Mention("m", "t", span, span, "Battles", "Armed clash", "FIGHT", places=[word, town])
    drop_loose_readings_abroad([mention], lambda pm: pm is word)
    assert town.place is home


def test_headlines_joined_by_a_semicolon_do_not_run_into_a_place(gazetteer: Gazetteer) -> None:
    # The tokenizer reads "Hama;A" as one word: the place ends at the semicolon.
    place = first_event_place("Barrel bombs fell on the northern countryside of Hama;A child was wounded", gazetteer)
    assert place is not None and place.name == "Hama", place


def test_a_quoted_name_is_an_operation_not_a_place(gazetteer: Gazetteer) -> None:
    countries = gazetteer.document_countries("Fighters of Operation “Olive Branch” entered the town of Jindires")
    assert "US" not in countries


def test_an_article_alone_is_no_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("al", GeoContext(document_countries=("SY",))) is None
    assert gazetteer.resolve("al-Atareb", GeoContext(document_countries=("SY",))) is not None


def test_a_country_name_whose_apostrophe_was_lost_is_still_named(gazetteer: Gazetteer) -> None:
    assert gazetteer.countries_in_text("Jets struck Yemens port city", 0.0) == ["YE"]
    assert gazetteer.countries_in_text("Thousands of Syrians crossed into Lebanon", 0.0) == ["LB"]


def test_a_village_the_gazetteer_lacks_falls_back_to_the_unit_named_with_it(gazetteer: Gazetteer) -> None:
    context = GeoContext(document_countries=("SY",))
    assert gazetteer.resolve("Kafr Zuqqubrayat village", context) is None  # no such village: no wrong town
    place = gazetteer.resolve("Kafr Zuqqubrayat village in Idlib province", context)
    assert place is not None and (place.name, place.precision) == ("Idlib", "admin1"), place


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        # The object of a verb that acts on a place is tried as one, though the parser called it nothing.
        ("Artillery shelled Kafr Nabudah, killing a child.", 35.43, 36.49),
        # A capital as that object is the city, not its government ("Damascus said").
        ("Three explosions rocked Damascus on Monday morning, killing four people.", 33.51, 36.29),
    ],
)
def test_the_object_of_a_verb_that_acts_on_a_place_is_the_place(
    gazetteer: Gazetteer, text: str, lat: float, lon: float
) -> None:
    place = first_event_place(text, gazetteer)
    assert place is not None, text
    assert haversine_km(place.lat, place.lon, lat, lon) < 25, place


def test_a_list_after_countryside_of_is_the_countryside_of_each(gazetteer: Gazetteer) -> None:
    document = build_document(
        "Warplanes pounded the countryside of Hama and Homs overnight, killing six people.",
        "t.txt",
        DocumentMeta(outlet="Wire", published=dt.date(2017, 3, 5)),
    )
    mention = process_document(document, gazetteer).mentions[0]
    places = [(pm.place.admin1, pm.place.precision) for pm in mention.places if pm.place is not None]
    assert places == [("Hama", "admin1"), ("Homs", "admin1")]


def test_an_and_before_a_singular_place_head_starts_its_phrase(gazetteer: Gazetteer) -> None:
    text = "Shells hit the power station and Kafr Nabudah town, wounding three people."
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2017, 3, 5)))
    mention = process_document(document, gazetteer).mentions[0]
    assert "Kafr Nabudah town" in [pm.text for pm in mention.places]


def test_a_strike_on_a_village_the_parser_took_for_a_person_is_placed(gazetteer: Gazetteer) -> None:
    # "on" is a locative like "in"; the hyphen of "Jabal al-Akrad" is part of the name.
    place = first_event_place(
        "Two shepherds were killed in an air raid on Jabal Al-Akrad, Syria, on Monday.", gazetteer
    )
    assert place is not None and place.country == "SY", place


def test_a_lower_case_word_is_not_a_place_name(gazetteer: Gazetteer) -> None:
    text = "A commander died when the jihadi factions shelled army positions south of Idlib, Syria."
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2017, 3, 5)))
    texts = [pm.text for m in process_document(document, gazetteer).mentions for pm in m.places]
    assert "jihadi" not in texts and "Idlib" in texts


def test_a_village_the_gazetteer_lacks_is_kept_as_written_at_the_country(gazetteer: Gazetteer) -> None:
    text = (
        "Clashes in Aleppo left four dead, Syrian activists said.\n\n"
        "Separately, an air strike hit Zarqoon Fawqani village, killing two shepherds."
    )
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2017, 3, 5)))
    mentions = process_document(document, gazetteer).mentions
    strike = next(m for m in mentions if "Zarqoon" in text[m.sentence.start : m.sentence.end])
    place = strike.places[0].place
    assert place is not None and (place.name, place.country, place.precision) == ("Zarqoon Fawqani", "SY", "country")


def test_no_country_is_guessed_for_an_unknown_village_when_the_text_names_none(gazetteer: Gazetteer) -> None:
    place = first_event_place("Drones struck Zarqoon Fawqani village, killing two fighters.", gazetteer)
    assert place is None


def test_a_sea_or_cape_the_gazetteer_lacks_is_not_put_in_the_documents_country(gazetteer: Gazetteer) -> None:
    # An unknown village is kept at the country the document is about; a natural feature may lie anywhere.
    text = (
        "Clashes in Aleppo left four dead, Syrian activists said.\n\n"
        "Separately, a navy drone was shot down over the Cape of Zarqoon, killing two sailors."
    )
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2017, 3, 5)))
    mentions = process_document(document, gazetteer).mentions
    downed = [m for m in mentions if "Zarqoon" in text[m.sentence.start : m.sentence.end]]
    assert downed, "the second sentence gives an event"
    assert all(pm.place is None or pm.place.precision != "country" for m in downed for pm in m.places)


def test_a_country_named_as_a_doer_does_not_hide_where_the_places_are(gazetteer: Gazetteer) -> None:
    # Russia acts; the province named is Syria's, so the report's villages are sought in Syria too.
    countries = gazetteer.document_countries("Russia said its jets struck a depot in the Idlib countryside overnight")
    assert countries[:1] == ["RU"] and "SY" in countries
    # A place of a named country keeps the named countries alone: this Mansoura is not Egypt's city.
    assert gazetteer.document_countries("Syria: a car bomb hit Mansoura in Raqqa governorate") == ["SY"]
