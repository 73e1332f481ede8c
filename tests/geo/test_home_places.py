"""Where a report's events are: its dateline apart, its own country's namesakes first, and a country's possessive that
lost its apostrophe. The real pipeline, extraction and geocoding together, on invented text."""

from __future__ import annotations

import datetime as dt

from sitrep.geo import Gazetteer
from sitrep.geo.distance import haversine_km
from sitrep.geo.mentions import drop_lost_possessive
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention, PlaceMention, Span
from sitrep.pipeline import process_document


def mentions_of(text: str, gazetteer: Gazetteer, outlet: str = "Wire") -> list[Mention]:
    document = build_document(text, "t.txt", DocumentMeta(outlet=outlet, published=dt.date(2017, 10, 4)))
    return process_document(document, gazetteer).mentions


def countries_of(mention: Mention) -> set[str | None]:
    return {pm.place.country for pm in mention.places if pm.place is not None}


def test_a_dateline_in_capitals_without_its_dash_is_not_the_events_place(gazetteer: Gazetteer) -> None:
    # Scraped text loses the dateline's comma and dash; the capitals still mark it.
    text = (
        "Updated at Oct 4 2017 BEIRUT Government warplanes struck a market in Saraqib on Wednesday, killing "
        "seven people, a monitor said."
    )
    first = mentions_of(text, gazetteer)[0]
    assert "LB" not in countries_of(first)
    assert "SY" in countries_of(first)


def test_a_town_before_a_wires_credit_is_the_dateline(gazetteer: Gazetteer) -> None:
    text = (
        "Rebels shell villages in Syria Moscow AFP Tuesday 3 Oct 2017 Rebels shelled the village of Kafr Nabudah "
        "on Tuesday, killing four soldiers."
    )
    assert all("RU" not in countries_of(m) for m in mentions_of(text, gazetteer))


def test_a_dateline_repeated_at_the_top_of_a_scraped_page_is_the_dateline_too(gazetteer: Gazetteer) -> None:
    # The page gives its headline and dateline twice; the second "Moscow" opens the story, no locative before it.
    text = (
        "Russian strikes kill 50 fighters in Syria Moscow AFP Saturday 7 Oct 2017 Russian strikes in Syria hit an "
        "arsenal Moscow Some 50 fighters were killed in Russian air strikes in Syria over the past day."
    )
    assert all("RU" not in countries_of(m) for m in mentions_of(text, gazetteer))


def test_a_common_word_before_a_wires_credit_is_no_village(gazetteer: Gazetteer) -> None:
    # The word before the credit is taken for the dateline by its position alone: it must be a place's own name, not
    # a respelling of a village ("Monitor" is no "Muntar"), else every sentence without a place would be put there.
    text = (
        "Air strikes kill 12 in north Syria Monitor AFP Sunday 1 Oct 2017 Air strikes killed 12 people on Sunday in "
        "a rebel-held town in northern Syria, a monitor said."
    )
    placed = [pm.place for m in mentions_of(text, gazetteer) for pm in m.places if pm.place is not None]
    assert placed
    assert all(place.precision not in ("town", "site") for place in placed), placed


def test_the_dateline_town_after_a_locative_is_a_place(gazetteer: Gazetteer) -> None:
    text = "Moscow AFP Tuesday 3 Oct 2017 A bomb exploded in Moscow on Tuesday, killing four people."
    assert any("RU" in countries_of(m) for m in mentions_of(text, gazetteer))


def test_a_village_with_a_namesake_abroad_stays_in_the_reports_country(gazetteer: Gazetteer) -> None:
    # Iraq is named as history; the quarter named is not the Iraqi village of that name.
    text = (
        "Three civilians were wounded on Saturday when terrorists fired shells on the al-Furqan neighbourhood "
        "in Aleppo city, a police source said. The group was founded in Iraq in 2006."
    )
    first = mentions_of(text, gazetteer, outlet="SANA")[0]
    assert countries_of(first) <= {"SY"}


def test_a_town_abroad_stays_when_its_sentence_names_that_country(gazetteer: Gazetteer) -> None:
    text = (
        "Government forces shelled Saraqib in Idlib on Monday. In Iraq, militants attacked a checkpoint near "
        "Haditha on Monday, killing three soldiers."
    )
    iraqi = [m for m in mentions_of(text, gazetteer) if "Haditha" in m.sentence.text]
    assert iraqi and "IQ" in countries_of(iraqi[0])


def test_a_country_named_as_a_base_does_not_support_a_namesake_there(gazetteer: Gazetteer) -> None:
    text = (
        "A car bomb killed 12 people in Aleppo city on Monday. The Britain-based Syrian Observatory for Human "
        "Rights said the blast hit the Sukkari district of the city."
    )
    for mention in mentions_of(text, gazetteer):
        assert "GB" not in countries_of(mention), mention.places


def test_the_seat_of_a_ministry_that_speaks_is_not_the_events_place(gazetteer: Gazetteer) -> None:
    text = "Air strikes killed 120 fighters near Albu Kamal on Friday, the defence ministry in Moscow said."
    first = mentions_of(text, gazetteer)[0]
    assert "RU" not in countries_of(first)
    place = next(pm.place for pm in first.places if pm.place is not None)
    assert haversine_km(place.lat, place.lon, 34.45, 40.92) < 25


def test_a_country_possessive_without_its_apostrophe_is_cut_from_the_name(gazetteer: Gazetteer) -> None:
    text = "western Syrias Idlib province"
    pm = PlaceMention(text, Span("t", 10, 10 + len(text), text))
    drop_lost_possessive(pm, gazetteer)
    assert pm.text == "Idlib province"
    assert (pm.span.start, pm.span.text) == (10 + len("western Syrias "), "Idlib province")
    people = PlaceMention("Syrians Idlib", Span("t", 0, 13, "Syrians Idlib"))
    drop_lost_possessive(people, gazetteer)
    assert people.text == "Syrians Idlib"


def test_a_village_named_after_a_possessive_without_apostrophe_is_found(gazetteer: Gazetteer) -> None:
    text = "Russian jets struck a hospital in western Syrias Idlib province on Saturday, killing 11 people."
    first = mentions_of(text, gazetteer)[0]
    names = [(pm.place.name, pm.place.precision) for pm in first.places if pm.place is not None]
    assert ("Idlib", "admin1") in names


def test_a_namesake_at_home_is_the_one_the_places_named_around_it_point_to(gazetteer: Gazetteer) -> None:
    # Iraq named first puts a namesake across the border first; at home, of the many villages of that name, the one
    # the report's own places (Albu Kamal, the Euphrates) point to is taken, not the first of the list.
    text = (
        "Iraq and Iraqi officials said Iraq would close the border with Iraq's neighbour. Coalition aircraft struck "
        "the town of Albu Kamal in eastern Syria near the Iraqi border on Tuesday. Airstrikes also killed seven "
        "civilians in the town of al-Husainiyah further north along the Euphrates river, the Observatory said."
    )
    places = [
        pm.place for m in mentions_of(text, gazetteer) for pm in m.places if pm.text == "al-Husainiyah" and pm.place
    ]
    assert places and all(p.admin1 == "Deir ez-Zor" for p in places)
