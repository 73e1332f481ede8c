"""A province written out is the province, not its seat town: words in front of the unit ("the Syrian province of
X", "the oil-rich X province") say whose it is or what it is like, and are no part of its name; a bare "X" stays the
town. Invented sentences and names; real provinces where the gazetteer must answer."""

from __future__ import annotations

import pytest

from sitrep.geo import Gazetteer
from sitrep.geo.index import GeoContext
from sitrep.geo.normalise import parse_mention


@pytest.mark.parametrize(
    "mention",
    [
        "the Yemeni province of Zarqal",
        "the northern Iraqi province of Zarqal",
        "the coastal province of Zarqal",
        "the oil-rich Zarqal province",
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
        ("the oil-rich Deir ez-Zor province", "SY", "Deir ez-Zor"),
        ("the coastal province of Latakia", "SY", "Latakia"),
    ],
)
def test_a_province_phrase_resolves_to_the_province(
    gazetteer: Gazetteer, mention: str, country: str, admin1: str | None
) -> None:
    precision, found = resolve(gazetteer, mention, country)
    assert precision == "admin1"
    if admin1 is not None:
        assert found == admin1


def test_the_bare_name_stays_the_seat_town(gazetteer: Gazetteer) -> None:
    assert resolve(gazetteer, "Idlib", "SY")[0] == "town"
    assert resolve(gazetteer, "Homs", "SY")[0] == "town"
