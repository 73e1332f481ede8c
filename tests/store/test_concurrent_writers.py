"""Two processes ingesting overlapping documents into one PostgreSQL store give the events one process gives."""

from __future__ import annotations

import datetime as dt
import multiprocessing

import pytest

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Document, Mention
from sitrep.pipeline import (
    IngestReport,
    PendingResolution,
    ProcessedDocument,
    record_document,
    refresh_claim_contradictions,
    resolve_pending,
)
from sitrep.store import Store
from tests.conftest import PostgresServer
from tests.resolve.resolve_fixtures import mention

# Six incidents (place, day, type), each told by two to four of twelve documents, invented for the test.
INCIDENTS = [
    ("Idlib", "2024-03-10", "Explosions/Remote violence"),
    ("Aleppo", "2024-03-10", "Battles"),
    ("Mosul", "2024-03-11", "Explosions/Remote violence"),
    ("Kharkiv", "2024-03-12", "Explosions/Remote violence"),
    ("El Fasher", "2024-03-12", "Battles"),
    ("Goma", "2024-03-13", "Violence against civilians"),
]
TELLS = {i: [(i + k) % len(INCIDENTS) for k in range(1 + i % 3)] for i in range(12)}


def reports_of(number: int) -> list[Mention]:
    name = f"wire/{number:02d}.txt"
    return [
        mention(f"d{number}-r{k}", doc=name, where=where, start=day, event_type=kind, actor1="Armed group")
        for k, (where, day, kind) in ((k, INCIDENTS[i]) for k, i in enumerate(TELLS[number]))
    ]


def numbered_document(number: int, mentions: list[Mention]) -> Document:
    text = f"Report number {number} on " + ", ".join(m.places[0].text for m in mentions) + "."
    # Published on different days, so that the canonical order differs from the order either writer is given.
    published = dt.date(2024, 3, 14) + dt.timedelta(days=(number * 5) % 7)
    return build_document(text, f"wire/{number:02d}.txt", DocumentMeta(published=published))


def ingest_numbers(url: str, numbers: list[int], resolve_every: int = 3) -> list[str]:
    """One writer, as ``sitrep ingest`` writes: stores the numbered documents with their reports (as if
    extracted), resolving what it wrote every few documents; returns its failures."""
    store = Store.open(url)
    report = IngestReport()
    pending = PendingResolution()
    for number in numbers:
        mentions = reports_of(number)
        produce = lambda doc, found=mentions: ProcessedDocument(doc, found, [])  # noqa: E731
        record_document(store, numbered_document(number, mentions), report, produce, pending)
        if len(pending.documents) >= resolve_every:
            resolve_pending(store, pending, report)
    resolve_pending(store, pending, report)
    refresh_claim_contradictions(store)
    store.close()
    return [f"{f.name}: {f.reason}" for f in report.failures]


def incidents(url: str) -> set[frozenset[str]]:
    """The events as the reports they hold (event ids name an event's first report, which depends on order)."""
    store = Store.open(url)
    found = {frozenset(m.id for m in event.mentions) for event in store.full_events()}
    store.close()
    return found


def _writer(url: str, numbers: list[int], failures: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    failures.put(ingest_numbers(url, numbers))


@pytest.mark.postgres
@pytest.mark.slow
def test_two_writers_give_the_events_of_one(postgres_server: PostgresServer) -> None:
    server = postgres_server
    one, two = server.create_database(), server.create_database()
    try:
        single, shared = server.url_for(one), server.url_for(two)
        assert ingest_numbers(single, list(range(12))) == []
        context = multiprocessing.get_context("spawn")
        failures: multiprocessing.Queue = context.Queue()  # type: ignore[type-arg]
        writers = [
            context.Process(target=_writer, args=(shared, list(range(0, 9)), failures)),
            context.Process(target=_writer, args=(shared, list(range(11, 2, -1)), failures)),  # overlapping, reversed
        ]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join(timeout=300)
            assert writer.exitcode == 0
        assert failures.get(timeout=10) == [] and failures.get(timeout=10) == []
        expected = incidents(single)
        assert len(expected) == len(INCIDENTS)
        assert incidents(shared) == expected
    finally:
        server.drop_database(one)
        server.drop_database(two)


@pytest.mark.postgres
def test_a_document_another_writer_is_extracting_is_left_to_it(pg_url: str) -> None:
    first, second = Store.open(pg_url), Store.open(pg_url)
    mentions = reports_of(1)
    document = numbered_document(1, mentions)
    assert first.claim_document(first.add_document(document).document_id)  # the first writer is extracting it
    extracted: list[str] = []

    def produce(doc: Document) -> ProcessedDocument:
        extracted.append(doc.name)
        return ProcessedDocument(doc, mentions, [])

    report = IngestReport()
    record_document(second, document, report, produce)
    assert report.duplicates == [document.name] and extracted == []
    first.close()  # the first writer stopped before finishing: the next one finishes the document
    report = IngestReport()
    record_document(second, document, report, produce)
    assert report.resumed == [document.name] and extracted == [document.name]
    assert {m.id for event in second.full_events() for m in event.mentions} == {m.id for m in mentions}
    second.close()
