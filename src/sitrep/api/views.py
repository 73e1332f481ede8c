"""JSON views the API returns: plain dicts built from model objects, ready for the dashboard.

Text stays text: nothing here builds HTML, the browser inserts it with
``textContent``, so article text can never run as markup.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sitrep.export.jsonl import event_json
from sitrep.export.records import build_record, fatalities
from sitrep.model import Event, Mention, Paragraph, from_dict, to_dict
from sitrep.resolve.claims import claim_position
from sitrep.resolve.contradictions import Position, event_positions, mention_position
from sitrep.store.database import EventSummary, Store, StoredDocument
from sitrep.store.queries import EventPoint, documents_by_name, sources_by_name

_SUMMARY_FIELDS = tuple(f.name for f in dataclasses.fields(EventSummary))


def summary_json(summary: EventSummary) -> dict[str, Any]:
    # Field by field: the generic to_dict walk costs more than the query on a page of 50.
    return {name: _json_value(getattr(summary, name)) for name in _SUMMARY_FIELDS}


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def points_json(points: list[EventPoint]) -> dict[str, Any]:
    """Column-wise rows: a tenth of the bytes of one object per event, for 10,000-event maps."""
    fields = ["id", "event_type", "date_start", "lat", "lon", "fatalities", "location"]
    return {"fields": fields, "rows": [[getattr(p, f) for f in fields] for p in points]}


def event_detail(store: Store, event: Event, requested_id: str) -> dict[str, Any]:
    """An event with every report in context: the paragraph, the evidence and framing offsets in it."""
    outlets = store.outlets_by_document()
    first_document = store.event_first_document().get(event.id)
    record = build_record(event, first_document, outlets)
    documents = documents_by_name(store, record.documents)
    chain_sources = sources_by_name(store, sorted({s.name for m in event.mentions for s in m.chain.sources}))
    reports = sorted(event.mentions, key=lambda m: (record.documents.index(m.doc), m.sentence.start))
    return {
        **event_json(record),
        "requested_id": requested_id,
        "redirected": requested_id != event.id,
        "fatalities": fatalities(event),
        "places": [to_dict(p) for p in event.places],
        "actors": [{"role": a.role, "name": a.name, "actor_type": a.actor_type} for a in event.actors],
        "contradictions": [_contradiction_json(c, event) for c in event.contradictions],
        "reports": [_report_json(m, documents.get(m.doc), outlets, chain_sources) for m in reports],
    }


def document_json(stored: StoredDocument, event_ids: list[str], with_text: bool = True) -> dict[str, Any]:
    document = stored.document
    data: dict[str, Any] = {
        "id": stored.id,
        "name": document.name,
        "version": stored.version,
        "content_hash": document.content_hash,
        "outlet": document.outlet,
        "url": document.url,
        "title": document.title,
        "published": document.published.isoformat() if document.published else None,
        "language": document.language,
        "origin": document.origin,
        "near_duplicate_of": stored.near_duplicate_of,
        "events": event_ids,
    }
    if with_text:
        data["text"] = document.text
        data["paragraphs"] = [to_dict(p) for p in document.paragraphs]
    return data


def _report_json(
    mention: Mention, document: dict[str, Any] | None, outlets: dict[str, str], chain_sources: dict[str, int]
) -> dict[str, Any]:
    evidence = mention.evidence or mention.sentence
    paragraph_start, paragraph_text = _paragraph_around(document, evidence.start, evidence.end)
    return {
        "mention": mention.id,
        "doc": mention.doc,
        "outlet": outlets.get(mention.doc),
        "title": document["title"] if document else None,
        "url": document["url"] if document else None,
        "published": document["published"].isoformat() if document and document["published"] else None,
        "event_type": mention.event_type,
        "sub_event_type": mention.sub_event_type,
        "modality": mention.modality,
        "date": to_dict(mention.date) if mention.date else None,
        "quantities": [to_dict(q) for q in mention.quantities],
        "fatalities": to_dict(mention.fatalities) if mention.fatalities else None,
        "chain": [
            {"name": s.name, "kind": s.kind, "source_id": chain_sources.get(f"{s.name}\x00{s.kind}")}
            for s in mention.chain.sources
        ],
        "evidence": evidence.text,
        "paragraph": paragraph_text,
        # Offsets inside "paragraph", so the page can highlight without parsing HTML.
        "evidence_offsets": [evidence.start - paragraph_start, evidence.end - paragraph_start],
        "framing": [
            {
                "term": f.term,
                "category": f.category,
                "offsets": [f.span.start - paragraph_start, f.span.end - paragraph_start],
            }
            for f in mention.framing
            if f.span.doc == mention.doc
            and paragraph_start <= f.span.start
            and f.span.end <= paragraph_start + len(paragraph_text)
        ],
    }


def _paragraph_around(document: dict[str, Any] | None, start: int, end: int) -> tuple[int, str]:
    """The paragraph holding a span, or the span alone when the document is not stored."""
    if document is None:
        return start, ""
    text: str = document["text"]
    for raw in document["paragraphs"]:
        paragraph = from_dict(Paragraph, raw)
        if paragraph.start <= start < paragraph.end:
            return paragraph.start, text[paragraph.start : max(paragraph.end, min(end, len(text)))]
    return 0, text


def contradiction_positions(store: Store, rows: list[dict[str, Any]]) -> list[list[Position]]:
    """Each contradiction row's positions, as an analyst cites them: for an event's entry every report of it with
    its value and who gives it; for a claim group's or a denial's entry its two sides. Each with its sentence."""
    named = [item_id for row in rows if not row["event_id"] for item_id in entry_sides(row)]
    claims = {claim.id: claim for claim in store.claims_by_id(named)}
    events: dict[str, Event | None] = {}

    def event(event_id: str | None) -> Event | None:
        if event_id is None:
            return None
        if event_id not in events:
            events[event_id] = store.get_event(event_id)
        return events[event_id]

    def side(item_id: str) -> Position | None:
        if item_id in claims:
            return claim_position(claims[item_id])
        found = event(store.event_of_mention(item_id))
        report = next((m for m in found.mentions if m.id == item_id), None) if found is not None else None
        return mention_position(report) if report is not None else None

    positions: list[list[Position]] = []
    for row in rows:
        found = event(row["event_id"])
        if found is not None:
            positions.append(event_positions(found, row["kind"], row["a"], row["b"]))
        else:
            sides = (side(item_id) for item_id in entry_sides(row))
            positions.append([p for p in sides if p is not None])
    return positions


def entry_sides(row: dict[str, Any]) -> list[str]:
    """The reports and claims that take a side in a stored entry, each once, in the order its pairs name them
    (rows written before the store kept every pair name only their first)."""
    pairs = row.get("pairs") or [[row["kind"], row["a"], row["b"]]]
    return list(dict.fromkeys(item_id for _kind, a, b in pairs for item_id in (a, b)))


def _contradiction_json(contradiction: Any, event: Event) -> dict[str, Any]:
    docs = {m.id: m.doc for m in event.mentions}
    data: dict[str, Any] = to_dict(contradiction)
    data["a_doc"] = docs.get(contradiction.a)
    data["b_doc"] = docs.get(contradiction.b)
    data["positions"] = [
        to_dict(p) for p in event_positions(event, contradiction.kind, contradiction.a, contradiction.b)
    ]
    return data
