"""A town named again in brackets ("Kafr Saghir (Kafr Sghir)") is one town, not two far apart."""

from __future__ import annotations

from sitrep.geo.mentions import drop_bracketed_other_names
from sitrep.model import Place, PlaceMention, Span

TEXT = "Clashes went on around Tell Hamra (Umm Kharza) all night."


def mention(name: str, country: str, lat: float, lon: float) -> PlaceMention:
    start = TEXT.index(name)
    place = Place(f"t:{name}", name, country, lat, lon, "town")
    return PlaceMention(name, Span("t.txt", start, start + len(name), name), place=place)


def test_a_far_reading_of_the_bracketed_name_abroad_is_dropped() -> None:
    named = mention("Tell Hamra", "SY", 36.5, 40.5)
    other = mention("Umm Kharza", "IQ", 31.0, 46.5)
    drop_bracketed_other_names([named, other], TEXT, "SY")
    assert named.place is not None and other.place is None


def test_the_reading_at_home_is_kept_whichever_is_in_brackets() -> None:
    named = mention("Tell Hamra", "IQ", 31.0, 46.5)
    other = mention("Umm Kharza", "SY", 36.5, 40.6)
    drop_bracketed_other_names([named, other], TEXT, "SY")
    assert named.place is None and other.place is not None


def test_two_readings_of_one_place_are_both_kept() -> None:
    named = mention("Tell Hamra", "SY", 36.5, 40.5)
    other = mention("Umm Kharza", "SY", 36.52, 40.52)
    drop_bracketed_other_names([named, other], TEXT, "SY")
    assert named.place is not None and other.place is not None


def test_places_not_in_brackets_are_left_alone() -> None:
    text = "Clashes went on around Tell Hamra and Umm Kharza all night."
    named = PlaceMention(
        "Tell Hamra", Span("t.txt", 23, 33, "Tell Hamra"), place=Place("a", "a", "SY", 36.5, 40.5, "town")
    )
    start = text.index("Umm Kharza")
    other = PlaceMention(
        "Umm Kharza", Span("t.txt", start, start + 10, "Umm Kharza"), place=Place("b", "b", "IQ", 31.0, 46.5, "town")
    )
    drop_bracketed_other_names([named, other], text, "SY")
    assert named.place is not None and other.place is not None
