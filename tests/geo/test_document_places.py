"""Places of whole documents: the real pipeline, extraction and geocoding together."""

from __future__ import annotations

import datetime as dt

from sitrep.geo import Gazetteer
from sitrep.geo.distance import haversine_km
from sitrep.geo.mentions import most_specific
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Place
from sitrep.pipeline import process_document


def places_of_first_event(text: str, gazetteer: Gazetteer) -> Place:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Local", published=dt.date(2024, 6, 5)))
    mentions = process_document(document, gazetteer).mentions
    assert mentions, text
    place = most_specific([pm.place for pm in mentions[0].places if pm.place is not None])
    assert place is not None, mentions[0].places
    return place


def test_a_local_report_that_never_names_its_country_keeps_its_towns(gazetteer: Gazetteer) -> None:
    # Syria is never named; "Daraa countryside" says where Jasim is, and an Iranian mention must not win.
    text = (
        "Unknown gunmen shot dead a former commander in the city of Jasim in the western Daraa countryside "
        "on Monday. Activists blamed Iranian-backed militias."
    )
    place = places_of_first_event(text, gazetteer)
    assert place.country == "SY"
    assert haversine_km(place.lat, place.lon, 32.99, 36.06) < 10


def test_a_lower_case_word_that_spells_a_country_does_not_move_the_place(gazetteer: Gazetteer) -> None:
    text = "A drone struck a car near Busra al-Sham on Monday, killing two men riding in the car."
    place = places_of_first_event(text, gazetteer)
    assert place.country == "SY"
    assert haversine_km(place.lat, place.lon, 32.52, 36.48) < 10
