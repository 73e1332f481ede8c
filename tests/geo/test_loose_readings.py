"""A reading found only by a near spelling is dropped outside the report's home, but another romanisation of a place
in the country the report names most is kept (sitrep.geo.inherit.drop_loose_readings_abroad)."""

from __future__ import annotations

from sitrep.geo import Gazetteer, GeoContext
from sitrep.geo.inherit import drop_loose_readings_abroad
from sitrep.model import Mention, Place, PlaceMention, Span

# Invented: a capital abroad named twice by its name (where statements came from), a village at home spelled
# another way, and a look-alike at home.
CAPITAL = Place("t:qaradal", "Qaradal", "KZ", 51.1, 71.4, "town")
VILLAGE = Place("t:zarqun", "Zarqūn", "SY", 35.8, 36.6, "town")
LOOK_ALIKE = Place("t:zirqan", "Zirqan", "SY", 35.1, 36.9, "town")
RESPELLED = {"Zarqoun"}


def mention(places: list[tuple[str, Place]]) -> Mention:
    span = Span("t.txt", 0, 10, "")
    named = [PlaceMention(text, Span("t.txt", 0, len(text), text), place=place) for text, place in places]
    return Mention("m", "t.txt", span, span, "Battles", "Armed clash", "FIGHT", places=named)


def readings(fallback_home: str) -> list[Place | None]:
    mentions = [
        mention([("Qaradal", CAPITAL)]),
        mention([("Qaradal", CAPITAL)]),
        mention([("Zarqoun", VILLAGE), ("Zerkan", LOOK_ALIKE)]),
    ]
    drop_loose_readings_abroad(
        mentions, lambda pm: pm.text == "Qaradal", fallback_home, lambda pm: pm.text in RESPELLED
    )
    return [pm.place for pm in mentions[2].places]


def test_another_romanisation_in_the_country_the_report_names_most_is_kept() -> None:
    assert readings("SY") == [VILLAGE, None]


def test_a_near_spelling_in_a_country_the_report_does_not_name_most_is_dropped() -> None:
    assert readings("KZ") == [None, None]


def test_another_romanisation_shares_the_romanised_key_not_only_the_consonants(gazetteer: Gazetteer) -> None:
    village = gazetteer.resolve("Urum al-Joz", GeoContext(document_countries=("SY",)))
    assert village is not None and gazetteer.is_respelled(village, "Urum al-Joz")
    town = gazetteer.resolve("Scituate", GeoContext(document_countries=("US",)))
    assert town is not None and not gazetteer.is_respelled(town, "State")  # one of its names has the skeleton "st"
