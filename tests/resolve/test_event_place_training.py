"""Issue 16, which of its places is the event's: the rules' reading the learned trial starts from
(``derive.place_standing``), the trial's cues and fit (scripts/train_event_place.py), and where a missed gold
event's place stands (evaluation/event_places.py). Invented reports and places."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest

from sitrep.evaluate import Extracted
from sitrep.model import Event, Mention, Place
from sitrep.resolve.config import load_config
from sitrep.resolve.derive import derive_places, place_standing
from tests.evaluation.scripts import load_script
from tests.geo.strike_reports import strike_report

TOWN = Place("g1", "Kafr Nabudah", "SY", 35.44, 36.49, "town")
PROVINCE = Place("g2", "Hamah Governorate", "SY", 35.2, 37.0, "admin1")
OTHER_TOWN = Place("g3", "Al Bab", "SY", 36.37, 37.52, "town")


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    return load_script("scripts/train_event_place.py")


@pytest.fixture(scope="module")
def event_places() -> ModuleType:
    return load_script("evaluation/event_places.py")


def _report() -> Mention:
    sentence = "Jets struck a market in Kafr Nabudah in Hama province on Friday."
    names = [("Kafr Nabudah", TOWN), ("Hama province", PROVINCE)]
    return strike_report(1, sentence, sentence, names)


def test_the_rules_reading_orders_the_places_as_derive_places_does() -> None:
    report = _report()
    ranked = place_standing([report], load_config())
    assert ranked is not None
    first, standing = ranked
    assert [first[k] for k in standing.order] == derive_places([report], load_config())
    assert standing.order[0] == TOWN.gazetteer_id


def test_a_report_without_a_place_gives_no_reading() -> None:
    sentence = "Jets struck a market on Friday."
    assert place_standing([strike_report(1, sentence, sentence, [])], load_config()) is None


def test_the_cues_read_the_word_before_a_place_and_the_place_written_as_holding_it(trainer: ModuleType) -> None:
    report = _report()
    ranked = place_standing([report], load_config())
    assert ranked is not None
    first, standing = ranked
    cues = trainer.place_cues([report], standing, first)
    assert {"rule:first", "before:in", "inside_another", "prec:town"} <= set(cues[TOWN.gazetteer_id])
    assert {"rule:second", "holds_another", "prec:admin1"} <= set(cues[PROVINCE.gazetteer_id])


def test_a_cue_that_marks_the_gold_place_in_every_event_outranks_the_rules(trainer: ModuleType) -> None:
    choices = [trainer.Choice(0, [["bias", "rule:first"], ["bias", "rule:second", "cue"]], [0, 1]) for _ in range(30)]
    names, weights = trainer.fit(choices)
    assert trainer.heads_right(choices, names, weights) == 30


def _gold(place: Place) -> dict[str, Any]:
    location = {"name": place.name, "lat": place.lat, "lon": place.lon, "precision": "town", "country": "SY"}
    return {"doc": "t.txt", "event_type": "Explosions/Remote violence", "locations": [location]}


def test_a_gold_place_second_among_the_events_places_is_a_choice_to_make(event_places: ModuleType) -> None:
    report = _report()
    event = Event("e1", [report], report.event_type, report.sub_event_type, report.plover, None, [PROVINCE, TOWN])
    extracted = Extracted("e1", "t.txt", report, [PROVINCE])
    where = event_places.where_the_gold_place_is(extracted, event, [report], _gold(TOWN))
    assert where == "among the event's places, not first"


def test_a_gold_place_only_another_report_names_is_a_grouping_question(event_places: ModuleType) -> None:
    report = _report()
    sentence = "Shells also hit Al Bab."
    other = strike_report(2, sentence, sentence, [("Al Bab", OTHER_TOWN)])
    event = Event("e1", [report], report.event_type, report.sub_event_type, report.plover, None, [TOWN, PROVINCE])
    extracted = Extracted("e1", "t.txt", report, [TOWN])
    where = event_places.where_the_gold_place_is(extracted, event, [report, other], _gold(OTHER_TOWN))
    assert where == "placed by another report of the document"
