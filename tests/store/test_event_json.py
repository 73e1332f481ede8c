"""An event's stored JSON: its own fields, its reports kept apart (sitrep.store, sitrep.model.to_dict)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from sitrep.model import AttributionChain, DateInterval, Event, Figure, Mention, Place, PlaceMention, Span, to_dict
from sitrep.store import Store
from sitrep.store import schema as t


def _event() -> Event:
    place = Place("sitrep:1", "Kafr Nabl", "SY", 35.61, 36.56, "town", admin1="Idlib")
    return Event(
        id="ev1",
        mentions=[],
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        plover="ASSAULT",
        date=DateInterval(dt.date(2024, 3, 1), dt.date(2024, 3, 2), "day"),
        places=[place],
        figures=[Figure("killed", 3, 4, 5)],
    )


def test_to_dict_turns_nested_model_objects_dates_and_mappings_into_json_values() -> None:
    data = to_dict({"event": _event(), 7: (dt.date(2024, 1, 2),)})
    date = data["event"]["date"]
    assert (date["start"], date["end"], date["precision"]) == ("2024-03-01", "2024-03-02", "day")
    assert data["event"]["places"][0]["name"] == "Kafr Nabl"
    assert data["7"] == ["2024-01-02"]
    assert to_dict(Event) is Event  # a class is no model object
    assert list(data["event"]) == [f for f in Event.__dataclass_fields__]


def test_a_saved_event_keeps_its_fields_but_not_its_reports_in_its_json(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    event = _event()
    store.save_event(event)
    with store.engine.connect() as c:
        stored = c.execute(select(t.events.c.data)).scalar_one()
    stored = json.loads(stored) if isinstance(stored, str) else stored
    assert stored == {**to_dict(event), "mentions": []}
    found = store.get_event("ev1")
    assert found is not None and found.figures == event.figures and found.places == event.places


def test_candidates_read_twice_while_reports_are_remembered_are_separate_and_follow_a_change(tmp_path: Path) -> None:
    # Under mentions_remembered an event is rebuilt once per stored JSON: each read still gets its own object and
    # report list, and an event saved anew (another toll) is read as it now stands.
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    event = _event()
    store.save_event(event)
    report = Mention(
        id="m1",
        doc="doc",
        sentence=Span("doc", 0, 10, "A sentence"),
        trigger=Span("doc", 0, 10, "A sentence"),
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        plover="ASSAULT",
        actors=[],
        date=event.date,
        places=[PlaceMention("Kafr Nabl", Span("doc", 0, 10, "A sentence"), place=event.places[0])],
        fatalities=None,
        chain=AttributionChain([]),
        modality="reported",
    )
    with store.mentions_remembered():
        first = store.candidate_events(report, 3, reports=False)
        second = store.candidate_events(report, 3, reports=False)
        assert [e.id for e in first] == [e.id for e in second] == ["ev1"]
        assert first[0] is not second[0] and first[0].mentions is not second[0].mentions
        assert first[0].figures == second[0].figures == event.figures
        store.save_event(replace(event, figures=[Figure("killed", 6, 7, 9)]))
        third = store.candidate_events(report, 3, reports=False)
    assert third[0].figures == [Figure("killed", 6, 7, 9)]
