"""What every export needs to know about an event beyond the Event object itself.

An :class:`EventRecord` bundles the event with its first reporting document and
that document's first report, so all formats agree on "doc", "sources",
"modality" and "evidence".
"""

from __future__ import annotations

import functools
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from sitrep.data import load_yaml
from sitrep.model import Event, Figure, Mention
from sitrep.resolve.coreference import headline_reports
from sitrep.store.database import EventFilter, Store


@dataclass(frozen=True)
class EventRecord:
    event: Event
    first_document: str | None
    documents: list[str]
    first_report: Mention | None
    outlets: dict[str, str]  # document name -> outlet, for at least the event's documents


# Events read from the store per round of queries when exporting.
BATCH_SIZE = 500


@functools.cache
def export_vocabulary() -> dict[str, Any]:
    """Column orders and code tables from data/exports.yaml."""
    return dict(load_yaml("exports.yaml"))


def event_records(store: Store, filters: EventFilter, batch_size: int = BATCH_SIZE) -> Iterator[EventRecord]:
    """The matching events' records, in ``filters``' order, read from the store ``batch_size`` events at a time.

    Each batch costs three queries (events, their mentions, their documents' outlets) whatever its size,
    and only one batch is held in memory, so exports stream from stores of any size.
    """
    for batch in store.full_event_batches(filters, batch_size):
        names = {name for event, first in batch for name in (first, *(m.doc for m in event.mentions)) if name}
        outlets = store.outlets_by_document(names)
        for event, first_document in batch:  # (the store leaves out events below filters.min_confidence)
            yield build_record(event, first_document, outlets)


def event_confidence(event: Event) -> float:
    """The calibrated probability that the event is one and of its type: that of its likeliest report of that
    type (the typing model's, extract/typing_model.py)."""
    same_type = [m.confidence for m in event.mentions if m.event_type == event.event_type]
    return round(max(same_type or [m.confidence for m in event.mentions] or [1.0]), 3)


# A format's text, piece by piece; its return value is the number of events written.
ExportText = Generator[str, None, int]


def write_text(pieces: ExportText, out: TextIO) -> int:
    """Writes a format's pieces to ``out`` as they come; returns how many events they held."""
    while True:
        try:
            out.write(next(pieces))
        except StopIteration as done:
            return int(done.value)


def build_record(event: Event, first_document: str | None, outlets: dict[str, str]) -> EventRecord:
    documents = report_documents(event, first_document)
    first = documents[0] if documents else None
    return EventRecord(event, first, documents, first_report(event, first), outlets)


def report_documents(event: Event, first_document: str | None) -> list[str]:
    """Every document reporting the event, the first reporter first, then by name."""
    names = sorted({m.doc for m in event.mentions})
    if first_document is None:
        return names
    return [first_document, *(n for n in names if n != first_document)]


def first_report(event: Event, document: str | None) -> Mention | None:
    """The earliest sentence of the first document that reports the event, its title aside when its body reports
    the event too: a title sums up and rarely says who says so; the body's lead tells it with its source.
    assertion_speaks_first: of the body's reports, the earliest that tells the event as fact speaks for it; a
    report that hedges it ("an alleged attack"), calls it someone's accusation or denies it comes later in a story
    that tells the incident, and stands behind the one that asserts it (unless no report asserts it)."""
    candidates = [m for m in event.mentions if m.doc == document] or list(event.mentions)
    titles = {id(m) for m in headline_reports(candidates)}
    return min(
        candidates, key=lambda m: (id(m) in titles, m.modality != "asserted", m.sentence.start, m.id), default=None
    )


def evidence_text(mention: Mention | None) -> str | None:
    if mention is None:
        return None
    span = mention.evidence or mention.sentence
    return span.text or None


def killed_figure(event: Event) -> Figure | None:
    return next((f for f in event.figures if f.kind == "killed"), None)


def fatalities(event: Event) -> int | None:
    """The best killed figure, else the lowest bound; None when no report gives one."""
    figure = killed_figure(event)
    if figure is None:
        return None
    return figure.best if figure.best is not None else figure.low


def actor_name(event: Event, role: str) -> str | None:
    return next((a.name for a in event.actors if a.role == role), None)


def actor_type(event: Event, role: str) -> str | None:
    return next((a.actor_type for a in event.actors if a.role == role), None)


def chain_names(mention: Mention | None) -> list[str]:
    return mention.chain.names() if mention else []
