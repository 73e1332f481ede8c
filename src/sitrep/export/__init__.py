"""Exports of stored events: ACLED-style CSV, GeoJSON, JSON Lines, PLOVER JSON."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from sitrep.export.csv import csv_text, export_csv
from sitrep.export.geojson import export_geojson, geojson_text
from sitrep.export.jsonl import export_jsonl, jsonl_text
from sitrep.export.plover import export_plover, plover_text
from sitrep.export.records import EventRecord, ExportText, event_records
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
_TEXTS: dict[str, Callable[[Iterable[EventRecord]], ExportText]] = {
    "jsonl": jsonl_text,
    "csv": csv_text,
    "geojson": geojson_text,
    "plover": plover_text,
}


def export_events(store: Store, format: str, out: TextIO, filters: EventFilter | None = None) -> int:
    """Writes the events matching ``filters`` to ``out``; returns how many were written."""
    if format not in EXPORTERS:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(EXPORTERS)}")
    # Exports run oldest first so files read naturally.
    chosen = filters or EventFilter(sort="-date")
    return EXPORTERS[format](store, out, chosen)


def export_chunks(
    store: Store, format: str, filters: EventFilter | None = None, chunk_chars: int = 1 << 16
) -> Iterator[str]:
    """The same text as :func:`export_events`, as pieces of about ``chunk_chars`` characters, produced as they are
    read; for streaming a download without holding the export in memory. An unknown format fails here, at once."""
    if format not in _TEXTS:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(_TEXTS)}")
    pieces = _TEXTS[format](event_records(store, filters or EventFilter(sort="-date")))
    return _chunked(pieces, chunk_chars)


def _chunked(pieces: Iterable[str], size: int) -> Iterator[str]:
    held: list[str] = []
    length = 0
    for piece in pieces:
        held.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(held)
            held, length = [], 0
    if held:
        yield "".join(held)
