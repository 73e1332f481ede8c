"""Plain-text views of documents and events for the terminal."""

from __future__ import annotations

from sitrep.model import Event, Figure, Mention
from sitrep.store import Store, StoredDocument


def format_document(stored: StoredDocument, store: Store) -> str:
    d = stored.document
    lines = [
        f"name:       {d.name}",
        f"hash:       {d.content_hash}",
        f"version:    {stored.version}",
        f"outlet:     {d.outlet or '-'}",
        f"published:  {d.published or '-'}",
        f"title:      {d.title or '-'}",
        f"url:        {d.url or '-'}",
        f"language:   {d.language or '-'}",
    ]
    if stored.near_duplicate_of:
        lines.append(f"near duplicate of: {stored.near_duplicate_of}")
    lines.append("")
    for number, paragraph in enumerate(d.paragraphs, 1):
        marker = "" if paragraph.kind == "body" else f" [{paragraph.kind}]"
        lines.append(f"¶{number}{marker} {d.paragraph_text(paragraph)}")
    mentions = store.mentions_for_document(stored.id)
    if mentions:
        lines.append("")
        lines.append(f"event mentions ({len(mentions)}):")
        lines.extend(f"  {_mention_line(m)}" for m in mentions)
    return "\n".join(lines)


def _mention_line(m: Mention) -> str:
    date = f"{m.date.start}..{m.date.end} ({m.date.precision})" if m.date else "no date"
    actors = ", ".join(f"{a.role}={a.name}" for a in m.actors) or "no actors"
    places = ", ".join(p.place.name if p.place else f"{p.text}?" for p in m.places) or "no place"
    background = f" [background: {m.background}]" if m.background else ""
    kind = f"{m.event_type} / {m.sub_event_type} [{m.modality}]{background}"
    return f"{kind} {date}; {actors}; {places}; «{m.trigger.text}»"


def _figure(f: Figure) -> str:
    return f"{f.kind}: low={_v(f.low)} best={_v(f.best)} high={_v(f.high)}"


def _v(value: object) -> str:
    return "-" if value is None else str(value)


def format_event(event: Event, store: Store) -> str:
    outlets = store.outlets_by_document()
    date = f"{event.date.start}..{event.date.end} ({event.date.precision})" if event.date else "-"
    lines = [
        f"event:      {event.id}",
        f"type:       {event.event_type} / {event.sub_event_type} (PLOVER {event.plover})",
        f"date:       {date}",
        "actors:     " + (", ".join(f"{a.role}={a.name}" for a in event.actors) or "-"),
        "places:     "
        + (", ".join(f"{p.name} ({p.country}, {p.precision}, {p.lat:.3f},{p.lon:.3f})" for p in event.places) or "-"),
        "figures:    " + ("; ".join(_figure(f) for f in event.figures) or "-"),
        f"reports:    {len(event.mentions)}",
    ]
    for c in event.contradictions:
        lines.append(f"contradiction [{c.kind}]: {c.description}")
    for number, m in enumerate(event.mentions, 1):
        lines.append("")
        lines.append(f"report {number}: {m.doc} ({outlets.get(m.doc, '?')}) [{m.modality}]")
        lines.append("  sources:  " + " -> ".join(m.chain.names()))
        evidence = m.sentence.text
        lines.append(f"  evidence: {evidence}")
        if m.framing:
            lines.append("  framing:  " + ", ".join(sorted({f.term for f in m.framing})))
    return "\n".join(lines)
