"""Two conventions of where an event is (ACLED's): a city's quarter is coded at the city, and a shelling where the
fire lands, not where the shooter stands. The real pipeline on invented text."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo import Gazetteer
from sitrep.geo.distance import haversine_km
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention, Place
from sitrep.pipeline import process_document
from sitrep.resolve.similarity import mention_places

ALEPPO = (36.20, 37.16)
HOMS = (34.72, 36.73)
DAMASCUS = (33.51, 36.29)
IDLIB = (35.93, 36.63)
SARAQIB = (35.86, 36.80)
MAARAT = (35.64, 36.67)


def mentions_of(text: str, gazetteer: Gazetteer) -> list[Mention]:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2016, 9, 30)))
    return process_document(document, gazetteer).mentions


def event_place(text: str, gazetteer: Gazetteer, sentence_with: str) -> Place | None:
    """Where the event told by the sentence containing ``sentence_with`` is placed."""
    mentions = [m for m in mentions_of(text, gazetteer) if sentence_with in (m.sentence.text or "")]
    assert mentions, text
    places = mention_places(mentions[0])
    return places[0] if places else None


def near(place: Place | None, point: tuple[float, float], km: float = 15.0) -> bool:
    return place is not None and haversine_km(place.lat, place.lon, *point) <= km


@pytest.mark.parametrize(
    ("text", "sentence_with", "city"),
    [
        # a list of quarters a plural head governs, the city written after them
        (
            "Rockets fell on the neighbourhoods of al-Karm and al-Bustan in Homs on Monday, killing two people.",
            "Karm",
            HOMS,
        ),
        # a quarter a singular head governs, its city after "of"
        (
            "A mortar shell hit the Jamiliyeh neighbourhood of Aleppo on Friday, wounding four civilians.",
            "Jamiliyeh",
            ALEPPO,
        ),
        # a quarter that shares its name with a village far away is still the city's quarter
        (
            "A rocket struck a school in the Shahba neighbourhood of Aleppo on Friday, killing three children.",
            "Shahba",
            ALEPPO,
        ),
        # a list closed by a plural head
        (
            "Shells hit al-Hamadaniyeh and Saif al-Dawla neighbourhoods in Aleppo on Friday, wounding five.",
            "Saif",
            ALEPPO,
        ),
        # no city in the sentence: the one the report has named
        (
            "Police in Damascus said rebels shelled the city on Tuesday. Two people were wounded when a rocket hit "
            "the Bab Sharqi quarter.",
            "Bab Sharqi",
            DAMASCUS,
        ),
    ],
)
def test_a_quarter_is_placed_at_its_city(
    gazetteer: Gazetteer, text: str, sentence_with: str, city: tuple[float, float]
) -> None:
    place = event_place(text, gazetteer, sentence_with)
    assert near(place, city), place


def test_a_plural_quarter_word_over_one_name_names_the_city(gazetteer: Gazetteer) -> None:
    # "the western neighbourhoods of Aleppo" are Aleppo's: Aleppo is no quarter of the town named before it.
    text = (
        "Government forces shelled Douma on Sunday. On Monday rockets hit the western neighbourhoods of Aleppo, "
        "killing three people."
    )
    assert near(event_place(text, gazetteer, "western neighbourhoods"), ALEPPO)


def test_a_shooters_position_is_not_the_events_place(gazetteer: Gazetteer) -> None:
    text = "Militants positioned in Maarat al-Numan fired rockets on Saraqib on Monday, killing two people."
    place = event_place(text, gazetteer, "positioned")
    assert near(place, SARAQIB, 10.0), place


def test_a_launch_site_is_not_the_events_place(gazetteer: Gazetteer) -> None:
    text = "Two rockets fired from Saraqib hit a market in Idlib city on Monday, killing four people."
    place = event_place(text, gazetteer, "rockets fired")
    assert near(place, IDLIB, 10.0), place


def test_troops_stationed_somewhere_and_attacked_there_are_placed_there(gazetteer: Gazetteer) -> None:
    # A passive verb makes the positioned troops the target: the event is where they are.
    text = "Soldiers stationed in Saraqib were attacked by militants on Monday, and two soldiers were killed."
    place = event_place(text, gazetteer, "stationed")
    assert near(place, SARAQIB, 10.0), place


def test_a_shooters_position_is_the_place_when_the_sentence_names_no_other(gazetteer: Gazetteer) -> None:
    text = "Militants positioned in Maarat al-Numan fired rockets on Monday, killing two people."
    place = event_place(text, gazetteer, "positioned")
    assert near(place, MAARAT, 10.0), place


def test_a_buildings_name_is_not_a_town_far_away(gazetteer: Gazetteer) -> None:
    # "Al-Bayan" is also a village elsewhere in the country; here it names a hospital of the city the report tells of.
    text = (
        "Government helicopters dropped barrel bombs on Aleppo on Wednesday. At least ten people were killed in "
        "strikes outside the Al-Bayan hospital on Wednesday."
    )
    assert near(event_place(text, gazetteer, "Al-Bayan"), ALEPPO)


def test_where_people_fled_to_is_not_the_events_place(gazetteer: Gazetteer) -> None:
    text = "Families fled to Idlib on Monday after government shelling killed six people in Saraqib."
    place = event_place(text, gazetteer, "fled")
    assert near(place, SARAQIB, 10.0), place


def test_the_hospital_that_took_the_wounded_is_not_the_events_place(gazetteer: Gazetteer) -> None:
    text = "Warplanes struck a market in Saraqib on Monday and the wounded were taken to a hospital in Idlib."
    place = event_place(text, gazetteer, "Warplanes struck")
    assert near(place, SARAQIB, 10.0), place


def test_a_quarter_whose_name_says_its_city_stays_in_that_city(gazetteer: Gazetteer) -> None:
    # The report named another city first; the quarter's own words say whose quarter it is.
    text = (
        "Protesters marched in Atlanta on Saturday. In Seattle's Capitol Hill neighborhood, police clashed with "
        "protesters on Sunday, injuring five people."
    )
    assert near(event_place(text, gazetteer, "Capitol Hill"), (47.61, -122.33), 25.0)


def test_a_place_named_after_a_destination_is_not_one_too(gazetteer: Gazetteer) -> None:
    # The words a role cue lets stand between it and the name are lower-case: "to Idlib from" puts Idlib, not the
    # place after it, at the end of the move.
    text = "Hundreds of rebels were evacuated to Idlib from Saraqib on Monday after shelling killed six people."
    roles = {
        pm.text: pm.role
        for m in mentions_of(text, gazetteer)
        for pm in m.places
        if pm.span.doc == m.sentence.doc and pm.text in {"Idlib", "Saraqib"}
    }
    assert roles.get("Idlib") == "destination", roles
    assert roles.get("Saraqib") not in (None, "destination"), roles


@pytest.mark.parametrize(
    ("text", "sentence_with"),
    [
        # "the district of X": a quarter of the city the report tells of, not a village of that name far away
        (
            "Rebels shelled Aleppo city on Monday. State media said rebel fire on the government-held district of "
            "Hamdaniyeh killed nine people.",
            "Hamdaniyeh",
        ),
        # "the X district", the city named before it
        (
            "Fighting raged in Aleppo on Monday. Two shells hit the Midane district, killing a child.",
            "Midane",
        ),
    ],
)
def test_a_district_the_gazetteer_has_no_town_of_is_a_quarter_of_the_city(
    gazetteer: Gazetteer, text: str, sentence_with: str
) -> None:
    assert near(event_place(text, gazetteer, sentence_with), ALEPPO)


def test_a_district_named_after_its_town_stays_that_towns_district(gazetteer: Gazetteer) -> None:
    # "Harem district" is the unit around the town Harem, whatever city the report named before.
    text = "Warplanes struck Idlib city on Monday. Clashes also erupted in Harem district, killing four fighters."
    assert near(event_place(text, gazetteer, "Harem"), (36.21, 36.52), 10.0)
