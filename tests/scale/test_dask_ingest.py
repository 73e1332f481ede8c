"""The Dask ingest job: same result as the one-process ingest, bad inputs named, re-runs change nothing."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.ingest.readers import ReadFailure, ReadOptions, read_sources
from sitrep.model import Document
from sitrep.scale import dask_ingest
from sitrep.scale.dask_ingest import (
    ReadUnit,
    partition_count,
    plan_chunks,
    plan_units,
    split,
    work_on_partition,
)
from sitrep.store import Store

REPORT_A = (
    "Shelling kills four in Kharkiv\n\nRussian shelling killed four civilians in the centre of Kharkiv on Tuesday, "
    "the regional governor said, and damaged a school and several apartment blocks. Emergency services said two "
    "more people were wounded and taken to hospital."
)
REPORT_B = (
    "Airstrike hits market in Idlib\n\nAn airstrike hit a crowded market in the town of Ariha in Idlib province on "
    "Friday, killing at least seven people, the White Helmets civil defence group said. The Syrian Observatory for "
    "Human Rights said Russian warplanes carried out the raid."
)
REPORT_C = (
    "Gunmen attack village in Zamfara\n\nGunmen on motorcycles attacked a village in Zamfara state in northwest "
    "Nigeria overnight, killing 12 villagers and abducting dozens more, a local official told reporters on Monday. "
    "Police said they had deployed officers to the area."
)


def build_inputs(folder: Path) -> list[str]:
    """A folder with a manifest, a JSON Lines file with one malformed line, and a binary file."""
    articles = folder / "articles"
    articles.mkdir()
    (articles / "kharkiv.txt").write_text(REPORT_A, encoding="utf-8")
    (articles / "nested").mkdir()
    (articles / "nested" / "idlib.txt").write_text(REPORT_B, encoding="utf-8")
    (articles / "manifest.jsonl").write_text(
        json.dumps({"file": "kharkiv.txt", "outlet": "Ukrainska Pravda", "published": "2024-05-21"}) + "\n",
        encoding="utf-8",
    )
    (articles / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    feed = folder / "wire.jsonl"
    feed.write_text(
        json.dumps({"id": "wire-zamfara", "text": REPORT_C, "outlet": "Premium Times", "published": "2024-06-03"})
        + "\n{not json\n",
        encoding="utf-8",
    )
    return [str(articles), str(feed)]


def stored_documents(url: str) -> dict[str, tuple[str, str | None, str | None]]:
    store = Store.open(url)
    try:
        return {
            d.document.name: (d.document.content_hash, d.document.outlet, str(d.document.published))
            for d in store.documents()
        }
    finally:
        store.close()


# --- planning and partitioning (no cluster) ----------------------------------------------


def test_folders_give_a_unit_per_file_and_containers_a_unit_per_document(tmp_path: Path) -> None:
    sources = build_inputs(tmp_path)
    units = plan_units(sources)
    assert [u.name for u in units] == ["kharkiv.txt", "nested/idlib.txt", "photo.txt", "wire-zamfara", "wire.jsonl:2"]
    assert [u.item is not None for u in units] == [False, False, False, True, True]
    assert units[-1].source == sources[1]


def test_for_a_remote_cluster_every_input_travels_as_data(tmp_path: Path) -> None:
    units = plan_units(build_inputs(tmp_path), remote=True)
    assert units
    assert all(u.item is not None for u in units)
    assert [u.name for u in units] == ["kharkiv.txt", "nested/idlib.txt", "photo.txt", "wire-zamfara", "wire.jsonl:2"]


def test_standard_input_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="standard input"):
        plan_units(["-"])


@pytest.mark.parametrize(("units", "parts"), [(10, 3), (3, 8), (1, 1), (401, 4)])
def test_partitions_are_contiguous_and_balanced(units: int, parts: int) -> None:
    plan = [ReadUnit(f"doc-{i}") for i in range(units)]
    chunks = split(plan, parts)
    assert [u for chunk in chunks for u in chunk] == plan  # input order kept
    assert max(map(len, chunks)) - min(map(len, chunks)) <= 1
    assert len(chunks) == min(parts, units)


def test_partition_count_gives_every_worker_several_tasks_but_never_empty_ones() -> None:
    assert partition_count(1000, workers=2) == 8
    assert partition_count(3, workers=2) == 3
    assert partition_count(100_000, workers=2) == 500  # bounded partition size for big jobs


def test_a_short_input_is_spread_over_every_worker_and_a_long_one_goes_on_in_bounded_partitions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dask_ingest, "PARTITIONS_PER_WORKER", 2)
    monkeypatch.setattr(dask_ingest, "MAX_UNITS_PER_PARTITION", 3)
    short = [ReadUnit(f"doc{i}") for i in range(10)]
    assert [len(c) for c in plan_chunks(short, workers=2)] == [3, 3, 2, 2]

    taken: list[int] = []

    def crawl() -> Iterator[ReadUnit]:
        for i in range(1000):
            taken.append(i)
            yield ReadUnit(f"doc{i}")

    chunks = plan_chunks(crawl(), workers=2)
    first = [next(chunks) for _ in range(5)]
    assert [len(c) for c in first] == [3] * 5
    assert len(taken) <= 2 * 2 * 3 + 1 + 3, "the input is read as partitions are taken, not all at once"
    rest = list(chunks)
    assert [u.source for c in [*first, *rest] for u in c] == [f"doc{i}" for i in range(1000)]
    assert max(len(c) for c in rest) == 3


def test_a_partition_reads_like_the_one_process_reader(tmp_path: Path) -> None:
    sources = build_inputs(tmp_path)
    results = work_on_partition(plan_units(sources), ReadOptions(), process=None)
    expected = list(read_sources(sources))
    documents = [r.processed for r in results if r.processed is not None]
    failures = [r.failure for r in results if r.failure is not None]
    assert [(d.name, d.content_hash, d.outlet) for d in documents] == [
        (d.name, d.content_hash, d.outlet) for d in expected if isinstance(d, Document)
    ]
    assert failures == [f for f in expected if isinstance(f, ReadFailure)]
    assert {f.name for f in failures} == {"photo.txt", "wire.jsonl:2"}


def test_a_pipeline_error_becomes_a_failure_naming_the_document(tmp_path: Path) -> None:
    sources = build_inputs(tmp_path)
    # json.dumps cannot serialise a Document: a stand-in for a pipeline function that raises.
    results = work_on_partition(plan_units(sources)[:1], ReadOptions(), process="json:dumps")
    [result] = results
    assert result.processed is None and result.failure is not None
    assert result.failure.name == "kharkiv.txt"
    assert "pipeline error: TypeError" in result.failure.reason


def test_documents_already_stored_are_not_processed_again(tmp_path: Path, store_url: str) -> None:
    sources = build_inputs(tmp_path)
    store = Store.open(store_url)
    [kharkiv] = [d for d in read_sources(sources) if isinstance(d, Document) and d.name == "kharkiv.txt"]
    store.add_document(kharkiv)
    store.close()
    # json.dumps raises on any Document it is given, so only documents that are processed fail.
    results = work_on_partition(plan_units(sources), ReadOptions(), process="json:dumps", db_url=store_url)
    assert [r.duplicate for r in results if r.duplicate] == ["kharkiv.txt"]
    processed = {r.failure.name for r in results if r.failure and "pipeline error" in r.failure.reason}
    assert processed == {"nested/idlib.txt", "wire-zamfara"}


# --- the job on a local cluster ------------------------------------------------------------


@pytest.fixture
def pipeline_module() -> object:
    return pytest.importorskip("sitrep.pipeline", reason="sitrep.pipeline is not importable yet", exc_type=ImportError)


@pytest.mark.slow
def test_dask_job_stores_what_a_one_process_read_stores_and_a_rerun_changes_nothing(
    tmp_path: Path, store_url: str, pipeline_module: object
) -> None:
    from sitrep.scale import run_dask_ingest

    sources = build_inputs(tmp_path)
    report = run_dask_ingest(sources, store_url, workers=2, partitions=3, extract=False)

    expected = [d for d in read_sources(sources) if isinstance(d, Document)]
    assert stored_documents(store_url) == {d.name: (d.content_hash, d.outlet, str(d.published)) for d in expected}
    assert sorted(report.stored) == sorted(d.name for d in expected)
    assert sorted(f.name for f in report.failures) == ["photo.txt", "wire.jsonl:2"]
    assert not report.ok

    again = run_dask_ingest(sources, store_url, workers=2, extract=False)
    assert again.stored == [] and sorted(again.duplicates) == sorted(d.name for d in expected)
    assert len(stored_documents(store_url)) == len(expected)


@pytest.mark.slow
def test_dask_job_gives_the_same_events_as_the_one_process_pipeline(
    tmp_path: Path, sqlite_url: str, seeds: Path, pipeline_module: object
) -> None:
    from sitrep.pipeline import ingest
    from sitrep.scale import run_dask_ingest

    corpus = tmp_path / "corpus"
    shutil.copytree(seeds, corpus)
    sequential_url = f"sqlite:///{tmp_path / 'sequential.db'}"
    sequential = Store.open(sequential_url)
    ingest([str(corpus)], sequential)

    report = run_dask_ingest([str(corpus)], sqlite_url, workers=2)

    parallel = Store.open(sqlite_url)
    try:
        assert report.ok, report.failures
        assert parallel.stats() == sequential.stats()
        assert parallel.stats()["events"] > 0
        assert [e.id for e in parallel.events()] == [e.id for e in sequential.events()]
    finally:
        parallel.close()
        sequential.close()


@pytest.mark.slow
@pytest.mark.postgres
def test_a_scheduler_and_two_worker_processes_started_apart_store_what_one_process_stores(
    tmp_path: Path, pg_url: str, pipeline_module: object
) -> None:
    """A real cluster on this machine: the scheduler and the workers are separate processes that see no file of
    the job (they run in another directory; documents travel as data) and the store is PostgreSQL."""
    import socket
    import subprocess
    import sys
    import time

    from sitrep.pipeline import ingest
    from sitrep.scale import run_dask_ingest

    (tmp_path / "inputs").mkdir()
    sources = build_inputs(tmp_path / "inputs")
    sequential = Store.open(f"sqlite:///{tmp_path / 'sequential.db'}")
    ingest(sources, sequential)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dask = str(Path(sys.executable).parent / "dask")
    elsewhere = tmp_path / "worker-home"
    elsewhere.mkdir()
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", "127.0.0.1:0"],
        cwd=elsewhere,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers = [
        subprocess.Popen(
            [dask, "worker", f"tcp://127.0.0.1:{port}", "--nthreads", "1", "--dashboard-address", "127.0.0.1:0"],
            cwd=elsewhere,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(2)
    ]
    try:
        from dask.distributed import Client

        deadline = time.monotonic() + 90
        while True:
            try:
                with Client(f"tcp://127.0.0.1:{port}", timeout=5) as client:
                    if len(client.scheduler_info()["workers"]) == 2:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the cluster did not come up"
            time.sleep(1)
        report = run_dask_ingest(sources, pg_url, scheduler_address=f"tcp://127.0.0.1:{port}")
        clustered = Store.open(pg_url)
        try:
            assert sorted(f.name for f in report.failures) == ["photo.txt", "wire.jsonl:2"]
            assert clustered.stats() == sequential.stats()
            assert sorted((e.event_type, str(e.date_start)) for e in clustered.events()) == sorted(
                (e.event_type, str(e.date_start)) for e in sequential.events()
            )
        finally:
            clustered.close()
    finally:
        for process in [*workers, scheduler]:
            process.terminate()
            process.wait(timeout=30)
        sequential.close()


@pytest.mark.slow
def test_the_local_cluster_runs_its_workers_without_the_sampling_profiler_and_its_dashboard_on_this_machine() -> None:
    """The profiler costs CPU on every document (docs/scale.md); the dashboard shows file names and errors."""
    from dask.distributed import Client

    from sitrep.scale.dask_ingest import _cluster

    with _cluster(None, 1) as cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        enabled = client.run(lambda: __import__("dask").config.get("distributed.worker.profile.enabled"))
        assert list(enabled.values()) == [False]
        assert cluster.dashboard_link.startswith("http://127.0.0.1:")


# --- the driver's window: stored in input order, sent and resolved in canonical order ---------------------


class _InlineClient:
    """A stand-in Dask client that runs each task at once in this process."""

    class _Done:
        def __init__(self, value: object) -> None:
            self.value = value

        def result(self) -> object:
            return self.value

        def release(self) -> None:
            pass

    def submit(self, task: Callable[[list[ReadUnit]], object], chunk: list[ReadUnit], pure: bool) -> _Done:
        return self._Done(task(chunk))


def _dated(name: str, day: int, text: str) -> ReadUnit:
    document = build_document(text, name, DocumentMeta(published=dt.date(2024, 5, day)))
    return ReadUnit(name, name, document)


def test_a_window_is_stored_in_input_order_and_sent_and_resolved_in_canonical_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep import pipeline
    from sitrep.pipeline import IngestReport, PendingResolution, ProcessedDocument

    sent: list[list[str]] = []
    resolved: list[set[str]] = []

    def worker(units: list[ReadUnit], **_: object) -> list[dask_ingest.WorkerResult]:
        sent.append([u.name or "" for u in units])
        return [dask_ingest.WorkerResult(ProcessedDocument(u.item, [], [])) for u in units]  # type: ignore[arg-type]

    real_resolve = pipeline.resolve_pending
    real_refresh = pipeline.refresh_claim_contradictions
    refreshed: list[int] = []

    def resolve(store: Store, pending: PendingResolution, report: IngestReport) -> None:
        resolved.append(set(pending.documents.values()))
        real_resolve(store, pending, report)

    def refresh(store: Store, full: bool = False) -> None:
        refreshed.append(len(resolved))
        real_refresh(store, full)

    monkeypatch.setattr(dask_ingest, "work_on_partition", worker)
    monkeypatch.setattr(pipeline, "resolve_pending", resolve)
    monkeypatch.setattr(pipeline, "refresh_claim_contradictions", refresh)
    window = [
        _dated("late.txt", 20, REPORT_A),
        _dated("early.txt", 2, REPORT_B),
        _dated("middle.txt", 11, REPORT_C),
        ReadUnit("photo.txt", "photo.txt", ReadFailure("photo.txt", "not text")),
    ]
    store = Store.open(f"sqlite:///{tmp_path / 'window.db'}")
    report, pending = IngestReport(), PendingResolution()
    dask_ingest.ingest_window(_InlineClient(), store, window, 2, ReadOptions(), report, pending)

    assert [d.document.name for d in sorted(store.documents(), key=lambda d: d.id)] == [
        "late.txt",
        "early.txt",
        "middle.txt",
    ]  # store ids in input order, as one process gives them
    assert [name for chunk in sent for name in chunk] == ["early.txt", "middle.txt", "late.txt"]
    assert resolved == [set(chunk) for chunk in sent]  # each partition resolved as it comes back
    assert refreshed == list(range(1, len(sent) + 1))  # and its claims compared then, not after the last one
    assert report.stored == ["late.txt", "early.txt", "middle.txt"]
    assert [f.name for f in report.failures] == ["photo.txt"]
    assert not pending.waiting and all(store.is_extracted(d.id) for d in store.documents())
    store.close()


def test_a_window_naming_one_document_twice_keeps_input_order_so_the_later_version_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.pipeline import IngestReport, PendingResolution, ProcessedDocument

    sent: list[str] = []

    def worker(units: list[ReadUnit], **_: object) -> list[dask_ingest.WorkerResult]:
        sent.extend(u.name or "" for u in units)
        return [dask_ingest.WorkerResult(ProcessedDocument(u.item, [], [])) for u in units]  # type: ignore[arg-type]

    monkeypatch.setattr(dask_ingest, "work_on_partition", worker)
    window = [_dated("wire.txt", 20, REPORT_A), _dated("other.txt", 2, REPORT_B), _dated("wire.txt", 3, REPORT_C)]
    store = Store.open(f"sqlite:///{tmp_path / 'versions.db'}")
    report = IngestReport()
    dask_ingest.ingest_window(_InlineClient(), store, window, 2, ReadOptions(), report, PendingResolution())

    assert sent == ["wire.txt", "other.txt", "wire.txt"]
    assert report.new_versions == ["wire.txt"]
    latest = store.get_document("wire.txt")
    assert latest is not None and latest.document.text == REPORT_C
    store.close()
