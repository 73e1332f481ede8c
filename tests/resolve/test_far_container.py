"""a_far_town_stands_for_its_province: a town written as holding a place farther from it than one incident spans
("a bakery in Khan Sheikhun in Idlib") names the province of that name, and yields to the place inside it however
many reports name it. Invented sentences; the whole pipeline, since the distance comes from geocoding."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo import Gazetteer
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.pipeline import process_document
from sitrep.resolve.config import load_config
from sitrep.resolve.derive import derive_places


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def event_place(text: str, gazetteer: Gazetteer) -> str:
    """The place of an event all the document's reports tell."""
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    mentions = process_document(document, gazetteer).mentions
    assert mentions, text
    return derive_places(mentions, load_config())[0].name


def test_a_town_holding_a_place_far_from_it_names_its_province(gazetteer: Gazetteer) -> None:
    text = "Jets bombed Idlib on Monday. The raids hit a bakery in Khan Sheikhun in Idlib, killing 12 people."
    assert event_place(text, gazetteer) == "Khān Shaykhūn"


def test_two_towns_written_side_by_side_keep_their_votes(gazetteer: Gazetteer) -> None:
    text = "Jets bombed Idlib on Monday. The raids hit bakeries in Khan Sheikhun and Idlib, killing 12 people."
    assert event_place(text, gazetteer) == "Idlib"
