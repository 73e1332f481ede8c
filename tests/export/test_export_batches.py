"""Exports read events in batches: the same records as reading each event alone, in a few queries per batch."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator

import pytest
from sqlalchemy import event

from sitrep.export import EXPORTERS, export_chunks, export_events
from sitrep.export.csv import write_csv
from sitrep.export.geojson import write_geojson
from sitrep.export.jsonl import write_jsonl
from sitrep.export.plover import write_plover
from sitrep.export.records import EventRecord, build_record, event_records
from sitrep.store.database import EventFilter, Store
from sitrep.web.demo import SAMPLE_INCIDENTS, build_sample_store, generate_events

WRITERS: dict[str, Callable[[Iterable[EventRecord], io.StringIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
    "plover": write_plover,  # type: ignore[dict-item]
}
FILTERS = [
    EventFilter(sort="-date"),  # what `sitrep export` and export_events use
    EventFilter(),
    EventFilter(sort="fatalities", limit=40, offset=7),
    EventFilter(sort="reports", country="SY"),
    EventFilter(source="reuters"),
    EventFilter(event_type="Battles", sort="-date", limit=3),
]


@pytest.fixture
def many_events(store_url: str) -> Iterator[Store]:
    """The demo incidents (several reports, contradictions, framing) plus 130 generated events in 3 documents."""
    store = Store.open(store_url)
    build_sample_store(store)
    generate_events(store, 130)
    yield store
    store.close()


def records_one_by_one(store: Store, filters: EventFilter) -> list[EventRecord]:
    """The per-event path exports took before batching: every event, then its mentions, fetched alone."""
    first_documents = store.event_first_document()
    outlets = store.outlets_by_document()
    records = []
    for summary in store.events(filters):
        found = store.get_event(summary.id)
        assert found is not None
        records.append(build_record(found, first_documents.get(found.id), outlets))
    return records


def comparable(record: EventRecord) -> tuple[object, ...]:
    """A record with its outlet table cut to the event's own documents (a batch looks up only those)."""
    outlets = {name: record.outlets.get(name) for name in record.documents}
    return record.event, record.first_document, record.documents, record.first_report, outlets


def written(format_: str, records: Iterable[EventRecord]) -> str:
    out = io.StringIO()
    WRITERS[format_](records, out)
    return clockless(format_, out.getvalue())


def clockless(format_: str, text: str) -> str:
    if format_ == "csv":  # the export timestamp is the only column that depends on the clock
        rows = list(csv.DictReader(io.StringIO(text)))
        return repr([{k: v for k, v in row.items() if k != "timestamp"} for row in rows])
    return text


def filter_id(f: EventFilter) -> str:
    return f"{f.sort}-{f.limit}-{f.country or f.source or f.event_type}"


@pytest.mark.parametrize("filters", FILTERS, ids=filter_id)
def test_batched_records_match_one_event_at_a_time(many_events: Store, filters: EventFilter) -> None:
    expected = records_one_by_one(many_events, filters)
    assert expected
    batched = list(event_records(many_events, filters, batch_size=7))  # many batches, the last one partial
    assert [r.event.id for r in batched] == [r.event.id for r in expected]
    assert [comparable(r) for r in batched] == [comparable(r) for r in expected]
    for format_ in WRITERS:
        assert written(format_, batched) == written(format_, expected), format_


def test_batches_keep_reports_with_their_event(many_events: Store) -> None:
    batched = {r.event.id: r for r in event_records(many_events, EventFilter(), batch_size=4)}
    assert len(batched) == len(SAMPLE_INCIDENTS) + 130
    idlib = batched["ev-idlib-strike"]
    assert [m.id for m in idlib.event.mentions] == ["idlib-strike-m0", "idlib-strike-m1"]
    assert idlib.documents == ["idlib-strike-0.txt", "idlib-strike-1.txt"]
    assert idlib.outlets["idlib-strike-1.txt"] == "SANA"
    singles = [r for key, r in batched.items() if key.startswith("bev")]
    assert len(singles) == 130
    assert all(len(r.event.mentions) == 1 for r in singles)


def test_export_queries_grow_with_batches_not_events(many_events: Store) -> None:
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(many_events.engine, "before_cursor_execute", record)
    try:
        count = sum(1 for _ in event_records(many_events, EventFilter(), batch_size=50))
    finally:
        event.remove(many_events.engine, "before_cursor_execute", record)
    batches = -(-count // 50)
    assert count == len(SAMPLE_INCIDENTS) + 130 and batches == 3
    # One query for the events, then mentions and outlets per batch (plus a connection's own set-up).
    assert len(statements) <= 1 + 2 * batches + 4, statements


def test_streamed_chunks_join_to_the_whole_export(many_events: Store) -> None:
    for format_ in EXPORTERS:
        whole = io.StringIO()
        count = export_events(many_events, format_, whole)
        chunks = list(export_chunks(many_events, format_, chunk_chars=2000))
        assert count == len(SAMPLE_INCIDENTS) + 130
        assert len(chunks) > 1 and all(len(c) >= 2000 for c in chunks[:-1]), format_
        assert clockless(format_, "".join(chunks)) == clockless(format_, whole.getvalue()), format_


def test_streaming_an_unknown_format_fails_before_any_output(many_events: Store) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_chunks(many_events, "xlsx")
