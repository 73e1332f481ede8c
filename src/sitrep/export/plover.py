"""PLOVER JSON export: events as PLOVER records (event, mode, actor, recipient, location, magnitude)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.export.jsonl import event_json
from sitrep.export.records import (
    EventRecord,
    ExportText,
    actor_name,
    event_records,
    export_vocabulary,
    fatalities,
    write_text,
)
from sitrep.store.database import EventFilter, Store


def plover_record(record: EventRecord) -> dict[str, Any]:
    event = record.event
    data = event_json(record)
    wounded = next((f for f in event.figures if f.kind == "wounded"), None)
    return {
        "id": event.id,
        "date": event.date.start.isoformat() if event.date else None,
        "date_resolution": event.date.precision if event.date else None,
        "event": event.plover,
        "mode": export_vocabulary()["plover_mode"].get(event.sub_event_type),
        "context": [],
        "actor": actor_name(event, "actor1"),
        "recipient": actor_name(event, "actor2"),
        "location": [
            {
                "placename": p.name,
                "country": p.country,
                "admin1": p.admin1,
                "lat": p.lat,
                "lon": p.lon,
                "precision": p.precision,
            }
            for p in event.places
        ],
        "magnitude": {
            "dead": fatalities(event),
            "injured": wounded.best if wounded and wounded.best is not None else (wounded.low if wounded else None),
        },
        "acled_event_type": event.event_type,
        "acled_sub_event_type": event.sub_event_type,
        "modality": data["modality"],
        "sources": data["sources"],
        "text": data["evidence"],
        "doc": data["doc"],
        "docs": data["docs"],
    }


def plover_text(records: Iterable[EventRecord]) -> ExportText:
    """A JSON array, one record at a time."""
    yield "[\n"
    count = 0
    for record in records:
        yield (",\n" if count else "") + json.dumps(plover_record(record), ensure_ascii=False)
        count += 1
    yield "\n]\n"
    return count


def write_plover(records: Iterable[EventRecord], out: TextIO) -> int:
    return write_text(plover_text(records), out)


def export_plover(store: Store, out: TextIO, filters: EventFilter) -> int:
    return write_plover(event_records(store, filters), out)
