"""A sentence with no place of its own takes its context's town at the report's home, not a town abroad the report
names on its way (sitrep.geo.inherit.inherit_places)."""

from __future__ import annotations

from sitrep.geo.inherit import inherit_places
from sitrep.model import INHERITED_ROLE, Mention, Place
from tests.geo.strike_reports import strike_report

# Invented: a strike in a Syrian town, then the venue of talks abroad named twice, then a sentence with no place.
TEXT = (
    "Jets struck Zarqoun on Monday. Envoys met in Qaradal. In Qaradal the envoys condemned it. "
    "Later a barrel bomb killed two children."
)
ZARQOUN = Place("t:zarqoun", "Zarqoun", "SY", 35.8, 36.6, "town")
QARADAL = Place("t:qaradal", "Qaradal", "KZ", 51.1, 71.4, "town")


def sentence_mention(number: int, sentence: str, places: list[tuple[str, Place]]) -> Mention:
    return strike_report(number, TEXT, sentence, places)


def report() -> list[Mention]:
    return [
        sentence_mention(0, "Jets struck Zarqoun on Monday.", [("Zarqoun", ZARQOUN)]),
        sentence_mention(1, "Envoys met in Qaradal.", [("Qaradal", QARADAL)]),
        sentence_mention(2, "In Qaradal the envoys condemned it.", [("Qaradal", QARADAL)]),
        sentence_mention(3, "Later a barrel bomb killed two children.", []),
    ]


def inherited(mention: Mention) -> list[Place | None]:
    return [pm.place for pm in mention.places if pm.role == INHERITED_ROLE]


def test_a_sentence_without_a_place_takes_the_town_at_the_country_the_report_names_most() -> None:
    mentions = report()
    inherit_places(mentions, {m.id: 0 for m in mentions}, most_named="SY")
    assert inherited(mentions[3]) == [ZARQOUN]


def test_a_report_that_names_no_town_in_its_most_named_country_is_where_most_of_its_towns_are() -> None:
    mentions = report()
    inherit_places(mentions, {m.id: 0 for m in mentions}, most_named="IQ")
    assert inherited(mentions[3]) == [QARADAL]
