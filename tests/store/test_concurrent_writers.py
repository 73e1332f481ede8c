"""Two processes ingesting overlapping documents into one PostgreSQL store give the events one process gives."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from typing import Any

import pytest

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention
from sitrep.pipeline import (
    IngestReport,
    ProcessedDocument,
    record_document,
    refresh_claim_contradictions,
    writing_regions,
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


def ingest_numbers(url: str, numbers: list[int]) -> list[str]:
    """One writer: stores the numbered documents with their reports (as if extracted); returns its failures."""
    store = Store.open(url)
    report = IngestReport()
    for number in numbers:
        mentions = reports_of(number)
        text = f"Report number {number} on " + ", ".join(m.places[0].text for m in mentions) + "."
        document = build_document(text, f"wire/{number:02d}.txt", DocumentMeta(published=dt.date(2024, 3, 14)))
        record_document(store, document, report, lambda doc, found=mentions: ProcessedDocument(doc, found, []))
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


class _RegionalStore:
    """What ``writing_regions`` asks of a store that lets writers of different regions resolve at once."""

    regional_locks = True

    def __init__(self, extracted: bool = False) -> None:
        self.extracted = extracted

    def has_extraction(self, document_id: int) -> bool:
        return self.extracted


def test_a_writer_holds_the_countries_its_reports_lie_in_or_the_whole_store() -> None:
    store: Any = _RegionalStore()
    in_two_countries = [mention("a", where="Idlib"), mention("b", where="Mosul")]
    assert writing_regions(store, 1, in_two_countries) == {"SY", "IQ"}
    placeless = [*in_two_countries, mention("c", where=None)]
    assert writing_regions(store, 1, placeless) is None  # it may match an event anywhere
    assert writing_regions(_RegionalStore(extracted=True), 1, in_two_countries) is None  # old events anywhere
