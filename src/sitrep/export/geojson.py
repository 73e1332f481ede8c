"""GeoJSON export: a FeatureCollection, one Point feature per located event (RFC 7946: lon, lat)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.export.jsonl import event_json
from sitrep.export.records import EventRecord, ExportText, event_records, write_text
from sitrep.store.database import EventFilter, Store

# Properties too bulky or nested for GIS attribute tables; they stay in the JSON Lines export.
_NESTED = ("reports", "framing", "locations", "quantities", "contradictions", "figures")


def event_feature(record: EventRecord) -> dict[str, Any] | None:
    place = record.event.places[0] if record.event.places else None
    if place is None:
        return None
    data = event_json(record)
    properties = {k: v for k, v in data.items() if k not in _NESTED and k != "date"}
    date = data["date"] or {}
    properties |= {
        "date_start": date.get("start"),
        "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "location": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "geo_precision": place.precision,
        "reports": len(record.event.mentions),
        "contradictions": len(record.event.contradictions),
    }
    return {
        "type": "Feature",
        "id": record.event.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties,
    }


def geojson_text(records: Iterable[EventRecord]) -> ExportText:
    """Feature by feature, so a large export never sits in memory whole; unlocated events are left out."""
    yield '{"type": "FeatureCollection", "features": [\n'
    count = 0
    for record in records:
        feature = event_feature(record)
        if feature is None:
            continue
        yield (",\n" if count else "") + json.dumps(feature, ensure_ascii=False)
        count += 1
    yield "\n]}\n"
    return count


def write_geojson(records: Iterable[EventRecord], out: TextIO) -> int:
    return write_text(geojson_text(records), out)


def export_geojson(store: Store, out: TextIO, filters: EventFilter) -> int:
    return write_geojson(event_records(store, filters), out)
