"""The UCDP headline benchmark: fixed splits, place names matched under other spellings, honest rates."""

from __future__ import annotations

import datetime as dt

from tests.evaluation.scripts import load_script

bench = load_script("evaluation/ucdp/benchmark.py")


def test_a_headline_names_a_place_under_another_spelling_but_not_a_different_place() -> None:
    assert bench.names_place("14 shells hit Dahya al-Assad an clashes continue around Ter Ma'la", "Teir Maaleh village")
    assert bench.names_place("Warplanes target Khan Shaykhun city", "Khan Shaykhun town")
    assert not bench.names_place("Warplanes target Khan Shaykhun city", "Maarat al-Numan town")
    assert not bench.names_place("Bombardment targets Idlib and Hama", "Ein Laroz town")


def test_a_lower_case_word_with_a_places_consonants_does_not_name_it() -> None:
    # "militiamen" shares its consonants with Al Lataminah; an English headline capitalises a place's name.
    assert not bench.names_place("12 soldiers and militiamen were killed yesterday", "Al Lataminah town")
    assert bench.names_place("Shells kill 4 in Lataminah", "Al Lataminah town")


def test_the_splits_are_fixed_and_one_third_is_test() -> None:
    headlines = bench.load_headlines()
    test = [h for h in headlines if h.split == "test"]
    assert 0.3 < len(test) / len(headlines) < 0.37
    again = {h.id: h.split for h in bench.load_headlines()}
    assert all(again[h.id] == h.split for h in headlines)
    assert all(dt.date.fromisoformat(h.published) for h in headlines[:500])


def _headline(text: str) -> object:
    row = {
        "type_of_violence": 3,
        "date_start": "2017-04-04",
        "date_end": "2017-04-04",
        "where_prec": 1,
        "where_coordinates": "Khan Shaykhun town",
        "latitude": 35.44,
        "longitude": 36.65,
        "low": 70,
        "high": 90,
    }
    return bench.Headline("h1", text, "2017-04-05", "SOHR", [row], "dev")


def test_rates_reward_type_place_date_and_toll_only_when_right() -> None:
    headline = _headline("70 killed in chemical attack on Khan Shaykhun")
    day = (dt.date(2017, 4, 4), dt.date(2017, 4, 4))
    right = bench.Coded(["Explosions/Remote violence"], [(35.45, 36.66)], [day], [70])
    result = bench.score([headline], {"h1": right}, None)
    assert result.rates() == {
        "detection": 1.0,
        "type_given_detected": 1.0,
        "place_within_25km": 1.0,
        "date_given_detected": 1.0,
        "fatalities_within_range": 1.0,
    }
    wrong = bench.Coded(["Battles"], [(36.20, 37.16)], [(dt.date(2017, 3, 1), dt.date(2017, 3, 1))], [7])
    result = bench.score([headline], {"h1": wrong}, None)
    assert result.rates() == {
        "detection": 1.0,
        "type_given_detected": 0.0,
        "place_within_25km": 0.0,
        "date_given_detected": 0.0,
        "fatalities_within_range": 0.0,
    }
    nothing = bench.score([headline], {"h1": bench.Coded([], [], [], [])}, None)
    assert (nothing.detected, nothing.named_place, nothing.with_toll) == (0, 1, 1)


def test_titles_with_no_event_text_are_counted_apart() -> None:
    assert bench.carries_no_event_text("XY123")
    assert bench.carries_no_event_text("http://example.org/?p=1")
    assert bench.carries_no_event_text("Region Daily Report 01/02/2019")
    assert bench.carries_no_event_text("June 3rd 2019: (S12) Some village, Some governorate;R77")
    assert not bench.carries_no_event_text("Jets strike a market town;June 3rd 2019: (S12) Some village")
    assert not bench.carries_no_event_text("Gunmen kill two guards at a checkpoint")


def test_a_text_coded_again_under_another_date_gets_a_store_of_its_own() -> None:
    # A store keeps one copy of a text: the second dated copy must not be stored as the first one's duplicate.
    def h(text: str, date: str) -> object:
        return bench.Headline(f"{text}-{date}", text, date, "", [], "dev")

    first, second, other = (
        h("Shelling on Kafr Nabl", "2016-05-01"),
        h("Shelling on Kafr Nabl", "2016-06-01"),
        h("Raid on Tell Rifaat", "2016-05-01"),
    )
    rounds = bench.separate_repeats([first, other, second])
    assert [[x.id for x in r] for r in rounds] == [[first.id, other.id], [second.id]]
