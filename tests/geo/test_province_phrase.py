"""A province written out is the province, not its seat town: a demonym in front of the unit ("the Syrian province
of X", "the Syrian X province") says whose it is and is no part of its name; a bare "X" stays the town. A report on
provinces of one country is not placed at a town abroad it names in passing. Invented sentences and names; real
provinces where the gazetteer must answer."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo import Gazetteer
from sitrep.geo.index import GeoContext
from sitrep.geo.normalise import parse_mention
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.pipeline import process_document


@pytest.mark.parametrize(
    "mention",
    [
        "the Yemeni province of Zarqal",
        "the northern Iraqi province of Zarqal",
        "the northwestern Syrian Zarqal province",
    ],
)
def test_words_describing_a_unit_are_not_its_name(mention: str) -> None:
    parsed = parse_mention(mention)
    assert (parsed.core, parsed.kind) == ("Zarqal", "admin")


def test_a_capitalised_name_before_a_head_stays_the_name() -> None:
    # "al-Zarqal province": the article belongs to the name; "New Zarqal province": so does a capitalised word.
    assert parse_mention("al-Zarqal province").core == "al-Zarqal"
    assert parse_mention("the New Zarqal province").core == "New Zarqal"


def resolve(gazetteer: Gazetteer, mention: str, country: str) -> tuple[str, str | None]:
    place = gazetteer.resolve(
        mention, GeoContext(sentence=f"Fighting was reported in {mention}.", document_countries=(country,))
    )
    assert place is not None, mention
    return place.precision, place.admin1


@pytest.mark.parametrize(
    ("mention", "country", "admin1"),
    [
        ("the northern Syrian province of Idlib", "SY", "Idlib"),
        ("the Syrian province of Homs", "SY", "Homs"),
        ("the Yemeni province of Marib", "YE", None),
        ("the Syrian Quneitra province", "SY", "Quneitra"),
    ],
)
def test_a_province_phrase_resolves_to_the_province(
    gazetteer: Gazetteer, mention: str, country: str, admin1: str | None
) -> None:
    precision, found = resolve(gazetteer, mention, country)
    assert precision == "admin1"
    if admin1 is not None:
        assert found == admin1


def test_a_region_whose_name_holds_a_demonym_keeps_it(gazetteer: Gazetteer) -> None:
    # Only a province word makes the demonym a describer: "Iraqi Kurdistan Region" is one name.
    assert parse_mention("the Iraqi Zarqal region").core == "Iraqi Zarqal"
    precision, _ = resolve(gazetteer, "the Iraqi Kurdistan Region", "IQ")
    assert precision == "region"


def test_the_bare_name_stays_the_seat_town(gazetteer: Gazetteer) -> None:
    assert resolve(gazetteer, "Idlib", "SY")[0] == "town"
    assert resolve(gazetteer, "Homs", "SY")[0] == "town"


def test_a_report_on_a_province_is_not_placed_at_a_town_abroad(gazetteer: Gazetteer) -> None:
    # Its only town is abroad (a bombing in a Russian city): a later sentence with no place of its own is in the
    # province, not in Russia.
    text = (
        "Russian and Syrian jets struck the Syrian province of Idlib on Monday, a monitor said.\n\n"
        "The raids came days after a bombing in the Russian city of St. Petersburg killed 14 people.\n\n"
        "Russian officials met in St. Petersburg on Tuesday.\n\n"
        "The strikes killed nine civilians, the monitor said."
    )
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 6, 5)))
    killed = next(m for m in process_document(document, gazetteer).mentions if "nine" in m.sentence.text)
    places = [pm.place for pm in killed.places if pm.place is not None]
    assert places and all(place.country == "SY" for place in places)
