"""Two processes ingesting overlapping documents into one PostgreSQL store give the events one process gives."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

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


# Invented articles: two incidents told by two outlets each, and two told once, on different days.
ARTICLES = {
    "a-kharkiv.txt": (
        "2024-05-21",
        "Shelling kills four in Kharkiv\n\nRussian shelling killed four civilians in the centre of Kharkiv on "
        "Tuesday, the regional governor said, and damaged a school.",
    ),
    "b-kharkiv.txt": (
        "2024-05-22",
        "Kharkiv counts its dead\n\nFour civilians were killed when Russian artillery shelled central Kharkiv on "
        "Tuesday, the governor said on Wednesday.",
    ),
    "c-idlib.txt": (
        "2024-05-24",
        "Airstrike hits market in Idlib\n\nAn airstrike hit a market in the town of Ariha in Idlib province on "
        "Friday, killing seven people, the civil defence said.",
    ),
    "d-idlib.txt": (
        "2024-05-25",
        "Seven dead in Ariha raid\n\nSeven people died when warplanes struck a market in Ariha in Idlib province "
        "on Friday, rescuers said on Saturday.",
    ),
    "e-zamfara.txt": (
        "2024-06-03",
        "Gunmen attack village in Zamfara\n\nGunmen attacked a village in Zamfara state in Nigeria overnight, "
        "killing 12 villagers, a local official said on Monday.",
    ),
    "f-goma.txt": (
        "2024-06-05",
        "Clashes near Goma\n\nM23 rebels clashed with the Congolese army near Goma on Wednesday, and three "
        "soldiers were killed, the army said.",
    ),
}


def write_articles(folder: Path, names: list[str]) -> str:
    folder.mkdir()
    manifest = []
    for name in names:
        published, text = ARTICLES[name]
        (folder / name).write_text(text, encoding="utf-8")
        manifest.append(json.dumps({"file": name, "published": published}) + "\n")
    (folder / "manifest.jsonl").write_text("".join(manifest), encoding="utf-8")
    return str(folder)


def sitrep_ingest(folder: str, url: str) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "sitrep", "ingest", folder, "--db", url, "-q"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.postgres
@pytest.mark.slow
def test_two_ingest_commands_on_overlapping_halves_give_the_events_of_one(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    server = postgres_server
    one, two = server.create_database(), server.create_database()
    try:
        single, shared = server.url_for(one), server.url_for(two)
        names = sorted(ARTICLES)
        alone = sitrep_ingest(write_articles(tmp_path / "all", names), single)
        assert alone.wait(timeout=600) == 0, alone.stderr.read() if alone.stderr else ""
        # Two drivers at once, each given four of the six (two in common), in the same store.
        drivers = [
            sitrep_ingest(write_articles(tmp_path / "first", names[:4]), shared),
            sitrep_ingest(write_articles(tmp_path / "second", names[2:]), shared),
        ]
        for driver in drivers:
            assert driver.wait(timeout=600) == 0, driver.stderr.read() if driver.stderr else ""
        expected = incidents(single)
        assert len(expected) >= 4
        assert incidents(shared) == expected  # no event twice, no report lost
        store = Store.open(shared)
        assert len(store.documents()) == len(ARTICLES) and store.unfinished_documents() == []
        store.close()
    finally:
        server.drop_database(one)
        server.drop_database(two)
