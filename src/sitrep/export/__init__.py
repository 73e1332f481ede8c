"""Exports of stored events: ACLED-style CSV, GeoJSON, JSON Lines, PLOVER JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from sitrep.export.csv import export_csv
from sitrep.export.geojson import export_geojson
from sitrep.export.jsonl import export_jsonl
from sitrep.export.plover import export_plover
from sitrep.store.database import EventFilter, Store

Exporter = Callable[[Store, TextIO, EventFilter], int]

EXPORTERS: dict[str, Exporter] = {
    "jsonl": export_jsonl,
    "csv": export_csv,
    "geojson": export_geojson,
    "plover": export_plover,
}
MEDIA_TYPES: dict[str, str] = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv",
    "geojson": "application/geo+json",
    "plover": "application/json",
}
EXTENSIONS: dict[str, str] = {"jsonl": "jsonl", "csv": "csv", "geojson": "geojson", "plover": "json"}


def export_events(store: Store, format: str, out: TextIO, filters: EventFilter | None = None) -> int:
    """Writes the events matching ``filters`` to ``out``; returns how many were written."""
    if format not in EXPORTERS:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}")
    # Exports run oldest first so files read naturally.
    chosen = filters or EventFilter(sort="-date")
    return EXPORTERS[format](store, out, chosen)
