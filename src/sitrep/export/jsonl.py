"""JSON Lines export: one event per line, in the shape of gold/seeds.events.jsonl plus sitrep's extras."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.export.records import (
    EventRecord,
    ExportText,
    actor_name,
    chain_names,
    event_confidence,
    event_records,
    evidence_text,
    fatalities,
    write_text,
)
from sitrep.model import Event, Mention, Quantity, to_dict
from sitrep.store.database import EventFilter, Store


def event_json(record: EventRecord) -> dict[str, Any]:
    """The gold fields first (same names and shapes), then id, reports, figures, contradictions, framing."""
    event, first = record.event, record.first_report
    return {
        "doc": record.first_document,
        "docs": record.documents,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "plover": event.plover,
        "date": _date_json(event),
        "actor1": actor_name(event, "actor1"),
        "assoc_actor1": actor_name(event, "assoc_actor1"),
        "actor2": actor_name(event, "actor2"),
        "locations": [
            {
                "name": p.name,
                "country": p.country,
                "admin1": p.admin1,
                "lat": p.lat,
                "lon": p.lon,
                "precision": p.precision,
            }
            for p in event.places
        ],
        "quantities": [_quantity_json(q) for q in event_quantities(record)],
        "fatalities": fatalities(event),
        "sources": chain_names(first),
        "modality": first.modality if first else None,
        "evidence": evidence_text(first),
        "confidence": event_confidence(event),
        "id": event.id,
        "reports": [_report_json(record, m) for m in sorted(event.mentions, key=lambda m: (m.doc, m.sentence.start))],
        "figures": [{"kind": f.kind, "low": f.low, "best": f.best, "high": f.high} for f in event.figures],
        "contradictions": [to_dict(c) for c in event.contradictions],
        "framing": _framing_json(event),
    }


def event_quantities(record: EventRecord) -> list[Quantity]:
    """Quantities of the first report, then those other reports add (one per unit and kind)."""
    mentions = sorted(record.event.mentions, key=lambda m: (m is not record.first_report, m.doc, m.sentence.start))
    seen: set[tuple[str, str]] = set()
    found: list[Quantity] = []
    for mention in mentions:
        for quantity in mention.quantities:
            key = (quantity.unit, quantity.kind)
            if key not in seen:
                seen.add(key)
                found.append(quantity)
    return found


def jsonl_text(records: Iterable[EventRecord]) -> ExportText:
    count = 0
    for record in records:
        yield json.dumps(event_json(record), ensure_ascii=False) + "\n"
        count += 1
    return count


def write_jsonl(records: Iterable[EventRecord], out: TextIO) -> int:
    return write_text(jsonl_text(records), out)


def export_jsonl(store: Store, out: TextIO, filters: EventFilter) -> int:
    return write_jsonl(event_records(store, filters), out)


def _date_json(event: Event) -> dict[str, str] | None:
    if event.date is None:
        return None
    return {"start": event.date.start.isoformat(), "end": event.date.end.isoformat(), "precision": event.date.precision}


def _quantity_json(quantity: Quantity) -> dict[str, Any]:
    return {
        "unit": quantity.unit,
        "kind": quantity.kind,
        "low": quantity.low,
        "best": quantity.best,
        "high": quantity.high,
        "text": quantity.span.text if quantity.span else None,
    }


def _report_json(record: EventRecord, mention: Mention) -> dict[str, Any]:
    evidence = mention.evidence or mention.sentence
    return {
        "mention": mention.id,
        "doc": mention.doc,
        "outlet": record.outlets.get(mention.doc),
        "sources": mention.chain.names(),
        "modality": mention.modality,
        "evidence": evidence.text,
        "evidence_span": [evidence.start, evidence.end],
    }


def _framing_json(event: Event) -> list[dict[str, Any]]:
    return [
        {"term": f.term, "category": f.category, "doc": f.span.doc, "start": f.span.start, "end": f.span.end}
        for m in event.mentions
        for f in m.framing
    ]
