"""Which of a sentence's places is the event's own: a landmark says where another place lies, the most specific place
is where it happened, and among places as fine the one nearest the event's word (sitrep.geo.mentions)."""

from __future__ import annotations

import re

from sitrep.geo.mentions import nearest_places_first, order_event_places
from sitrep.model import Mention, Place, PlaceMention, Span

# Invented places: two towns 40 km apart in one province, a province, a district-sized area, a country.
RIVERTON = Place("g:1", "Riverton", "SY", 35.00, 38.00, "town", admin1="North")
HILLSIDE = Place("g:2", "Hillside", "SY", 35.00, 38.44, "town", admin1="North")
NORTH = Place("g:3", "North", "SY", 35.20, 38.20, "admin1", admin1="North")
SOUTH = Place("g:4", "South", "SY", 33.00, 36.50, "admin1", admin1="South")
VALLEY = Place("g:5", "Green Valley", "SY", 33.05, 36.55, "region")
SYRIA = Place("g:6", "Syria", "SY", 35.00, 38.50, "country")
PLACES = {"Riverton": RIVERTON, "Hillside": HILLSIDE, "North": NORTH, "South": SOUTH, "Green Valley": VALLEY}


def mention(sentence: str, trigger: str, country: Place | None = None) -> Mention:
    """A mention of ``sentence`` whose places are the invented names written in it, in the order written."""
    span = Span("t", 0, len(sentence), sentence)
    start = sentence.index(trigger)
    places = [
        PlaceMention(m.group(), Span("t", m.start(), m.end(), m.group()), place=PLACES[m.group()])
        for m in re.finditer("|".join(PLACES), sentence)
    ]
    if country is not None:
        at = sentence.index("Syria")
        places.append(PlaceMention("Syria", Span("t", at, at + 5, "Syria"), place=country))
    places.sort(key=lambda pm: pm.span.start)
    found = Mention("m", "t", span, Span("t", start, start + len(trigger), trigger), "Battles", "Armed clash", "FIGHT")
    found.places = places
    return found


def first_place(sentence: str, trigger: str, country: Place | None = None) -> str:
    found = mention(sentence, trigger, country)
    order_event_places([found])
    return found.places[0].text


def test_a_place_named_after_a_direction_from_another_is_a_landmark() -> None:
    # The landmark is nearer the event's word; the event is in the town it locates.
    assert first_place("Gunmen killed three men in Hillside town east of Riverton", "killed") == "Hillside"
    assert first_place("A fight broke out in Riverton, some 40 km west of Hillside, killing two", "killing") == (
        "Riverton"
    )
    assert first_place("Clashes near Hillside, 12 miles from Riverton, left two dead", "left") == "Hillside"


def test_a_distance_in_words_or_with_its_conversion_still_makes_a_landmark() -> None:
    # A distance may be written in words or given twice, once converted in brackets; either way it says where the
    # first place lies.
    assert first_place("Shells hit Hillside, about 30 km (20 miles) south of Riverton, killing two", "killing") == (
        "Hillside"
    )
    assert first_place("Clashes in Hillside three kilometres (two miles) east of Riverton", "Clashes") == "Hillside"
    assert first_place("Gunmen killed a farmer in Hillside, four miles from Riverton", "killed") == "Hillside"


def test_from_without_a_distance_is_not_a_landmark() -> None:
    # "fighters from Riverton" says where they came from; the nearest place to the act stays first.
    assert first_place("Fighters from Riverton last night attacked Hillside", "attacked") == "Hillside"


def test_the_most_specific_place_is_the_events() -> None:
    assert first_place("A man was executed in the countryside of North at Riverton", "executed") == "Riverton"
    assert first_place("Syria: a car bomb exploded in Hillside", "exploded", SYRIA) == "Hillside"
    # ACLED codes the most specific location a report names, even one told in another clause.
    assert first_place("Clashes in the countryside of South and a woman was killed in Riverton", "Clashes") == (
        "Riverton"
    )


def test_among_places_as_fine_the_one_nearest_the_events_word_comes_first() -> None:
    assert first_place("Shelling on Riverton overnight, and clashes near Hillside", "clashes") == "Hillside"
    assert first_place("Shelling on Riverton overnight, and clashes near Hillside", "Shelling") == "Riverton"


def first_places(sentence: str, *triggers: str) -> list[str]:
    """The first place of each of a sentence's events, one event per trigger word, ordered together."""
    found = [mention(sentence, trigger) for trigger in triggers]
    order_event_places(found)
    return [m.places[0].text for m in found]


def test_each_event_of_a_sentence_is_placed_in_its_own_clause() -> None:
    # Two events joined by "and": each is where its own clause says, the nearer name of the other clause aside.
    assert first_places("Raids target Riverton and clashes erupt in Hillside", "Raids", "clashes") == [
        "Riverton",
        "Hillside",
    ]
    assert first_places("Hillside witnesses clashes, and shelling on Riverton kills two", "clashes", "shelling") == [
        "Hillside",
        "Riverton",
    ]


def test_a_place_of_the_events_own_clause_comes_before_a_finer_one_of_another() -> None:
    assert first_places("Shelling on the countryside of North and clashes in Hillside", "Shelling", "clashes") == [
        "North",
        "Hillside",
    ]


def test_two_words_of_one_clause_share_its_places() -> None:
    # No clause joint between the two words: one event told twice, the finest place first for both.
    assert first_places("Clashes in the countryside of North killed five in Riverton", "Clashes", "killed") == [
        "Riverton",
        "Riverton",
    ]


def test_the_places_named_nearest_a_sentence_come_first_as_its_context() -> None:
    # A round-up moves from province to province: a sentence's names are read among its own places, then those
    # written closest to it, before those the story began with.
    text = "Fighting in Azaz and Marea. Shelling hit Hama. Rebels took Zaara. Strikes hit Daraa."
    written = [(text.index(name), name) for name in ("Azaz", "Marea", "Hama", "Zaara", "Daraa")]
    start = text.index("Rebels")
    sentence = Span("t.txt", start, text.index("Strikes"), "Rebels took Zaara.")
    assert nearest_places_first(written, sentence) == ("Zaara", "Hama", "Daraa", "Marea", "Azaz")
