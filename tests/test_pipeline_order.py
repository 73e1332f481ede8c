"""The order documents arrive in does not change the events: ``pipeline.resolve_pending`` keeps a store equal to
resolving its documents one by one in canonical order, whatever the order, the batches and the runs."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Document, Mention
from sitrep.pipeline import IngestReport, PendingResolution, ProcessedDocument, record_document, resolve_pending
from sitrep.store import Store
from tests.resolve.resolve_fixtures import mention

# Invented reports that chain: attacks in two nearby towns over a week, some dated to the day, some only to a few
# days, so that which event a report joins depends on what was resolved before it.
TOWNS = ["Idlib", "Aleppo"]


def documents(count: int) -> list[tuple[Document, list[Mention]]]:
    rng = random.Random(11)
    made = []
    for number in range(count):
        name = f"wire/{number:02d}.txt"
        published = dt.date(2024, 3, 10) + dt.timedelta(days=rng.randrange(6))
        reports = []
        for k in range(rng.randrange(1, 4)):
            day = published - dt.timedelta(days=rng.randrange(3))
            wide = rng.random() < 0.4
            reports.append(
                mention(
                    f"d{number}-r{k}",
                    doc=name,
                    where=rng.choice(TOWNS),
                    start=(day - dt.timedelta(days=2 if wide else 0)).isoformat(),
                    end=day.isoformat(),
                    date_precision="approximate" if wide else "day",
                    event_type=rng.choice(["Explosions/Remote violence", "Battles"]),
                    actor1=rng.choice(["Armed group", "Military Forces of Syria", None]),
                    killed=(None, rng.randrange(1, 9), None) if rng.random() < 0.5 else None,
                )
            )
        text = f"Report {number}: " + "; ".join(f"{m.id} in {m.places[0].text}" for m in reports)
        made.append((build_document(text, name, DocumentMeta(published=published)), reports))
    return made


def store_in(path: Path, runs: list[list[tuple[Document, list[Mention]]]], every: int) -> tuple[Store, set[str]]:
    """A store given the documents run after run, each run resolved every ``every`` documents; also every event id
    the store held after any resolution."""
    store = Store.open(f"sqlite:///{path}")
    seen: set[str] = set()
    for run in runs:
        report, pending = IngestReport(), PendingResolution()
        for number, (document, reports) in enumerate(run, start=1):
            record_document(store, document, report, lambda doc, r=reports: ProcessedDocument(doc, r, []), pending)
            if number % every == 0:
                resolve_pending(store, pending, report)
                seen |= {e.id for e in store.events()}
        resolve_pending(store, pending, report)
        seen |= {e.id for e in store.events()}
        assert report.ok, report.failures
    return store, seen


def events(store: Store) -> dict[str, frozenset[str]]:
    return {e.id: frozenset(m.id for m in e.mentions) for e in store.full_events()}


def test_any_order_any_batches_any_runs_give_the_events_of_the_canonical_order(tmp_path: Path) -> None:
    made = documents(12)
    canonical = sorted(made, key=lambda item: (item[0].published, item[0].content_hash))
    expected_store, _ = store_in(tmp_path / "canonical.db", [canonical], every=1)  # one at a time, in order
    expected = events(expected_store)
    assert len(expected) >= 4
    rng = random.Random(3)
    for trial in range(4):
        order = list(made)
        rng.shuffle(order)
        split = rng.randrange(1, len(order))
        runs = [order[:split], order[split:]] if trial % 2 else [order]
        store, seen = store_in(tmp_path / f"trial{trial}.db", runs, every=[1, 3, 100, 5][trial])
        assert events(store) == expected, f"trial {trial}"
        assert all(store.resolve_event_id(event_id) is not None for event_id in seen)  # a lost id redirects


def test_the_same_text_twice_in_one_run_is_a_duplicate_not_a_second_extraction(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'd.db'}")
    (document, reports), *_ = documents(1)
    again = build_document(document.text, "copy.txt", DocumentMeta(published=document.published))
    report, pending = IngestReport(), PendingResolution()
    calls = []

    def produce(doc: Document) -> ProcessedDocument:
        calls.append(doc.name)
        return ProcessedDocument(doc, reports, [])

    record_document(store, document, report, produce, pending)
    record_document(store, again, report, produce, pending)
    resolve_pending(store, pending, report)
    assert calls == [document.name]
    assert report.duplicates == ["copy.txt"] and report.resumed == []
    assert store.unfinished_documents() == []
