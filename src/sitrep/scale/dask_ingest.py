"""The ingest job on Dask: read, validate and process documents in workers, write from the driver.

Workers do the expensive, pure part (NLP, extraction, geocoding:
``sitrep.pipeline.process_document``); the driver alone writes to the store and
resolves the documents in their canonical order (``sitrep.pipeline.resolve_pending``),
so the events are those of a one-process run, whatever order the workers finish in.
Work is split by document, not by file. For the default pipeline the driver reads
every input, stores each window of documents in input order and sends the new
ones to the workers in canonical order, resolving each partition as it comes back
while the workers parse the next (``ingest_window``). Otherwise (no extraction, or
another per-document function) a folder gives one unit per file, read by a worker,
and a container (JSON Lines, feed, WARC) is read by the driver and gives one unit
per document. With a remote scheduler every input is read by the driver, so workers
need no view of the driver's files (the gazetteer ships in the package, and the
store should be a PostgreSQL URL they can reach).
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import itertools
import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, select
from sqlalchemy.exc import SQLAlchemyError

from sitrep.ingest.document import DocumentMeta
from sitrep.ingest.readers import (
    FEED_SUFFIXES,
    JSONL_SUFFIXES,
    MANIFEST,
    ReadFailure,
    ReadOptions,
    list_input_files,
    load_manifest,
    read_file,
    read_source,
)
from sitrep.model import Document
from sitrep.store import Store, database_url, schema
from sitrep.store.database import CanonicalKey, canonical_key

if TYPE_CHECKING:
    from sitrep.pipeline import IngestReport, PendingResolution, ProcessedDocument, Registered

# The per-document pipeline function, imported in each worker by name (it loads spaCy once per process).
DEFAULT_PROCESS = "sitrep.pipeline:process_document"
# Enough partitions that a slow document does not leave the other workers idle, few enough to keep overhead low.
PARTITIONS_PER_WORKER = 4
MAX_UNITS_PER_PARTITION = 200
_HASH_QUERY_BATCH = 500  # bound parameters per IN (...) query; well under SQLite's and PostgreSQL's limits


@dataclass(frozen=True)
class ReadUnit:
    """One piece of input for a worker: a source as given, one file of a folder, or one document the driver
    has read already (``item``, sent as data)."""

    source: str
    name: str | None = None  # for a file inside a folder: its path relative to the folder; for an item, its name
    item: Document | ReadFailure | None = None


@dataclass(frozen=True)
class WorkerResult:
    """One document read and processed, one already stored (by name), or one named failure."""

    processed: Any | None = None  # a ProcessedDocument, or a bare Document when extraction is off
    failure: ReadFailure | None = None
    duplicate: str | None = None


def plan_units(sources: Iterable[str], options: ReadOptions | None = None, remote: bool = False) -> list[ReadUnit]:
    """Sources as units of work: a folder's files, a container's documents (read here), other sources as given.
    ``remote``: read everything here, for workers that cannot see these files."""
    return list(iter_units(sources, options, remote))


def iter_units(sources: Iterable[str], options: ReadOptions | None = None, remote: bool = False) -> Iterator[ReadUnit]:
    """``plan_units`` one at a time, reading a container only as far as the units taken."""
    sources = list(sources)
    if "-" in sources:
        raise ValueError("standard input cannot be split over Dask workers; use `sitrep ingest -` instead")
    options = options or ReadOptions()
    for source in sources:
        path = Path(source)
        if remote or (path.is_file() and is_container(path)):
            yield from (ReadUnit(source, item.name, item) for item in read_source(source, options))
        elif path.is_dir():
            yield from (ReadUnit(str(p), p.relative_to(path).as_posix()) for p in list_input_files(path))
        else:
            yield ReadUnit(source)


def plan_chunks(units: Iterable[ReadUnit], workers: int) -> Iterator[list[ReadUnit]]:
    """The partitions sent to workers, read as they are needed. An input that fits in the first few partitions
    per worker is split into near-equal ones (no worker idle); a longer one goes on in partitions of
    ``MAX_UNITS_PER_PARTITION``, so the driver holds only the partitions in flight, however big the input."""
    units = iter(units)
    head = list(itertools.islice(units, workers * PARTITIONS_PER_WORKER * MAX_UNITS_PER_PARTITION))
    following = next(units, None)
    if following is None:
        yield from split(head, partition_count(len(head), workers))
        return
    rest = itertools.chain(head, [following], units)
    while chunk := list(itertools.islice(rest, MAX_UNITS_PER_PARTITION)):
        yield chunk


def is_container(path: Path) -> bool:
    """A file holding many documents (JSON Lines, a feed, a WARC), split by document rather than sent whole."""
    name = path.name.lower()
    return path.suffix.lower() in JSONL_SUFFIXES | FEED_SUFFIXES or name.endswith((".warc", ".warc.gz", ".gz"))


def partition_count(units: int, workers: int) -> int:
    wanted = max(workers * PARTITIONS_PER_WORKER, math.ceil(units / MAX_UNITS_PER_PARTITION))
    return max(1, min(units, wanted))


def read_unit(unit: ReadUnit, options: ReadOptions) -> Iterator[Document | ReadFailure]:
    """Reads like ``read_source`` does; a folder's file keeps its relative name and its manifest metadata."""
    if unit.item is not None:
        yield unit.item
        return
    if unit.name is None:
        yield from read_source(unit.source, options)
        return
    path = Path(unit.source)
    manifest = _manifest(str(path.parent / MANIFEST))
    yield from read_file(path, unit.name, options, manifest.get(path.name, DocumentMeta()))


@functools.lru_cache(maxsize=64)
def _manifest(path: str) -> dict[str, DocumentMeta]:
    return load_manifest(Path(path))


@functools.cache
def _process_function(dotted: str) -> Callable[[Document], Any]:
    module, _, name = dotted.partition(":")
    function: Callable[[Document], Any] = getattr(importlib.import_module(module), name)
    return function


def work_on_partition(
    units: list[ReadUnit], options: ReadOptions, process: str | None, db_url: str | None = None
) -> list[WorkerResult]:
    """The task each worker runs: read every unit, then process each new document; errors become failures.

    With ``db_url`` the worker first asks the store which texts it already holds and skips their
    (expensive) processing: re-running a job over the same crawl costs reading, not NLP.
    """
    read = [item for unit in units for item in read_unit(unit, options)]
    hashes = [item.content_hash for item in read if isinstance(item, Document)]
    stored = stored_hashes(db_url, hashes) if db_url and hashes else set()
    to_process = (
        [] if process is None else [d for d in read if isinstance(d, Document) and d.content_hash not in stored]
    )
    processed = _process_all(to_process, process) if process is not None else {}
    results: list[WorkerResult] = []
    for item in read:
        if isinstance(item, ReadFailure):
            results.append(WorkerResult(failure=item))
        elif item.content_hash in stored:
            results.append(WorkerResult(duplicate=item.name))
        elif process is None:
            results.append(WorkerResult(processed=item))
        else:
            results.append(processed[id(item)])
    return results


def _process_all(documents: list[Document], process: str) -> dict[int, WorkerResult]:
    """Each document's result, by ``id``: the default pipeline parses them in batches (``nlp.pipe``), another
    ``process`` function is called on each."""
    if process != DEFAULT_PROCESS:
        return {id(d): _processed_or_failure(d, process) for d in documents}
    from sitrep.pipeline import pipeline_failure, process_documents

    outcomes = process_documents(documents)
    return {
        id(d): WorkerResult(failure=pipeline_failure(d.name, o)) if isinstance(o, Exception) else WorkerResult(o)
        for d, o in zip(documents, outcomes, strict=True)
    }


def stored_hashes(db_url: str, hashes: list[str]) -> set[str]:
    """Which of these content hashes the store already has (a read-only query from a worker)."""
    column = schema.documents.c.content_hash
    found: set[str] = set()
    try:
        with _engine(db_url).connect() as connection:
            for start in range(0, len(hashes), _HASH_QUERY_BATCH):
                batch = hashes[start : start + _HASH_QUERY_BATCH]
                found.update(connection.scalars(select(column).where(column.in_(batch))))
    except SQLAlchemyError:
        # A worker that cannot reach the store (a SQLite file on another machine) just processes
        # everything; the driver still stores each text once.
        return set()
    return found


@functools.cache
def _engine(db_url: str) -> Engine:
    """One connection pool per worker process and database."""
    return create_engine(database_url(db_url))


def _processed_or_failure(document: Document, process: str) -> WorkerResult:
    try:
        return WorkerResult(processed=_process_function(process)(document))
    except Exception as exc:  # one bad document never stops the batch
        from sitrep.pipeline import pipeline_failure

        return WorkerResult(failure=pipeline_failure(document.name, exc))


def write_results(
    store: Store, results: list[WorkerResult], report: IngestReport, pending: PendingResolution | None = None
) -> None:
    """Stores one partition's documents (and their extraction), as the one-process ingest does: with ``pending``
    their reports wait there to be resolved (``sitrep.pipeline.resolve_pending``), else each is resolved now."""
    for result in results:
        if result.failure is not None:
            report.failures.append(result.failure)
        elif result.duplicate is not None:
            report.duplicates.append(result.duplicate)
        elif result.processed is not None:
            _write_one(store, result.processed, report, pending)


def _write_one(
    store: Store, processed: ProcessedDocument | Document, report: IngestReport, pending: PendingResolution | None
) -> None:
    from sitrep.pipeline import record_document

    if isinstance(processed, Document):
        record_document(store, processed, report, None, pending)
    else:
        record_document(store, processed.document, report, lambda _document: processed, pending)


def _new_report() -> IngestReport:
    # The report type lives with the one-process pipeline; imported late so reading works without it.
    from sitrep.pipeline import IngestReport

    return IngestReport()


def run_dask_ingest(
    sources: list[str],
    db_url: str,
    workers: int = 2,
    partitions: int | None = None,
    *,
    options: ReadOptions | None = None,
    extract: bool = True,
    process: str = DEFAULT_PROCESS,
    scheduler_address: str | None = None,
    dashboard_address: str | None = None,
) -> IngestReport:
    """Ingests ``sources`` into the store at ``db_url`` with ``workers`` local processes forked from this one.

    ``process`` names the per-document function as ``module:function``; with ``extract=False`` documents
    are only read, validated and stored. ``scheduler_address`` uses an existing Dask cluster instead;
    ``dashboard_address`` runs the local workers as a Dask cluster whose dashboard listens there.
    """
    options = options or ReadOptions()
    # The one-process pipeline with no fixed partitions: the driver reads, stores and orders the documents itself
    # (``ingest_window``), so that it resolves each partition while the workers parse the next ones.
    as_written = extract and process == DEFAULT_PROCESS and not partitions
    units = iter_units(sources, options, remote=scheduler_address is not None or as_written)
    if as_written:
        chunks: Iterator[list[ReadUnit]] = iter(windows(units, workers))
    else:
        chunks = iter(split(list(units), partitions)) if partitions else plan_chunks(units, workers)
    first = next(chunks, None)  # reads the start of the input (and names a bad source) before any cluster starts
    from sitrep.pipeline import RESOLVE_EVERY, PendingResolution, resolve_pending

    report = _new_report()
    pending = PendingResolution()
    store = Store.open(db_url)  # migrates before any worker starts
    if extract and process == DEFAULT_PROCESS:
        prepare_pipeline_resources()
    try:
        if first is not None:
            chunks = itertools.chain([first], chunks)
            pipeline = extract and process == DEFAULT_PROCESS
            with _workers(scheduler_address, workers, dashboard_address, pipeline, store.engine) as client:
                if as_written:
                    for window in chunks:
                        ingest_window(client, store, window, workers, options, report, pending)
                    chunks = iter(())
                task = functools.partial(
                    work_on_partition, options=options, process=process if extract else None, db_url=db_url
                )
                for chunk, results in _in_order(client, task, chunks, window=2 * workers):
                    if isinstance(results, BaseException):  # a worker died on this partition: name every input
                        report.failures.extend(_worker_failures(chunk, results))
                    else:
                        write_results(store, results, report, pending)
                    if len(pending.documents) >= RESOLVE_EVERY:
                        resolve_pending(store, pending, report)
        resolve_pending(store, pending, report)
        if extract and (report.stored or report.new_versions):
            from sitrep.pipeline import refresh_claim_contradictions

            refresh_claim_contradictions(store)
    finally:
        store.close()
    return report


def windows(units: Iterable[ReadUnit], workers: int) -> Iterator[list[ReadUnit]]:
    """The units (read by the driver) a window at a time: as many as the first partitions of ``plan_chunks`` hold,
    so the driver holds a bounded part of any input."""
    units = iter(units)
    while window := list(itertools.islice(units, workers * PARTITIONS_PER_WORKER * MAX_UNITS_PER_PARTITION)):
        yield window


def ingest_window(
    client: Any,
    store: Store,
    window: list[ReadUnit],
    workers: int,
    options: ReadOptions,
    report: IngestReport,
    pending: PendingResolution,
) -> None:
    """Ingests one window of documents the driver has read, resolving each partition as it comes back.

    The driver stores the window's documents first, in input order (store ids, duplicates, new versions and near
    duplicates as one process gives them), then sends the new ones to the workers in canonical order (publication
    date, then content hash), the order ``resolve_pending`` resolves in. The partitions come back in that order,
    so resolving each as it comes is plain incremental resolution, with no replay, and it runs while the workers
    parse the partitions after it; so does the claim refresh. A window in which one name comes twice (two versions
    of a document) is sent in input order instead, stored as its results come (the later version replaces the
    earlier as in one process)."""
    from sitrep.pipeline import refresh_claim_contradictions, register_document, resolve_pending, write_processed

    task = functools.partial(work_on_partition, options=options, process=DEFAULT_PROCESS, db_url=None)
    names = [unit.name or unit.source for unit in window]
    if len(set(names)) < len(names):
        for chunk, results in _in_order(
            client, task, split(window, partition_count(len(window), workers)), 2 * workers
        ):
            if isinstance(results, BaseException):
                report.failures.extend(_worker_failures(chunk, results))
            else:
                write_results(store, results, report, pending)
        resolve_pending(store, pending, report)
        return
    registered: dict[str, Registered] = {}
    new: list[tuple[CanonicalKey, ReadUnit]] = []
    for unit in window:
        if isinstance(unit.item, Document):
            found = register_document(store, unit.item, report, True, pending)
            if found is not None:
                registered[found.name] = found
                new.append((canonical_key(unit.item.published, unit.item.content_hash), unit))
        elif unit.item is not None:
            report.failures.append(unit.item)
    ordered = [unit for _key, unit in sorted(new, key=lambda pair: pair[0])]
    for chunk, results in _in_order(client, task, split(ordered, partition_count(len(ordered), workers)), 2 * workers):
        if isinstance(results, BaseException):  # a worker died on this partition: its documents stay unfinished
            report.failures.extend(_worker_failures(chunk, results))
            pending.waiting -= {registered[unit.name or unit.source].document_id for unit in chunk}
        else:
            for result in results:
                if result.failure is not None:
                    report.failures.append(result.failure)
                    if result.failure.name in registered:
                        pending.waiting.discard(registered[result.failure.name].document_id)
                elif result.processed is not None:
                    name = result.processed.document.name
                    write_processed(store, registered[name], result.processed, report, pending)
        resolve_pending(store, pending, report)
        # The claim refresh is incremental (its result that of comparing all claims whenever it runs), so it runs
        # here, while the workers parse the next partitions, rather than all of it after the last one.
        refresh_claim_contradictions(store)


def prepare_pipeline_resources() -> None:
    """Builds the gazetteer index once in the driver, so local workers do not race to build the same file; the
    driver, which stores and resolves but never parses, settles its garbage collector as a parsing process does."""
    from sitrep.geo import Gazetteer
    from sitrep.nlp.pipeline import settle_collector

    Gazetteer.open()
    settle_collector()


def _worker_failures(chunk: list[ReadUnit], error: BaseException) -> list[ReadFailure]:
    return [ReadFailure(u.name or u.source, f"worker error: {type(error).__name__}: {error}") for u in chunk]


def _in_order(
    client: Any, task: Callable[[list[ReadUnit]], list[WorkerResult]], chunks: Iterable[list[ReadUnit]], window: int
) -> Iterator[tuple[list[ReadUnit], list[WorkerResult] | BaseException]]:
    """Each chunk's results in input order, with at most ``window`` partitions in flight (bounded memory)."""
    pending: deque[tuple[list[ReadUnit], Any]] = deque()
    queue = iter(chunks)
    for chunk in itertools.islice(queue, window):
        pending.append((chunk, client.submit(task, chunk, pure=False)))
    while pending:
        chunk, future = pending.popleft()
        try:
            outcome: list[WorkerResult] | BaseException = future.result()
        except Exception as exc:
            outcome = exc
        future.release()
        following = next(queue, None)
        if following is not None:
            pending.append((following, client.submit(task, following, pure=False)))
        yield chunk, outcome


def split(units: list[ReadUnit], parts: int) -> list[list[ReadUnit]]:
    """Contiguous, near-equal chunks (contiguous keeps input order when results are written)."""
    if not units:
        return []
    parts = max(1, min(parts, len(units)))
    size, extra = divmod(len(units), parts)
    chunks, start = [], 0
    for index in range(parts):
        end = start + size + (1 if index < extra else 0)
        chunks.append(units[start:end])
        start = end
    return chunks


@contextlib.contextmanager
def _workers(
    address: str | None, workers: int, dashboard_address: str | None, pipeline: bool, engine: Engine | None = None
) -> Iterator[Any]:
    """What partitions are submitted to: a client of the Dask scheduler at ``address``, or of a local Dask cluster
    when a dashboard is asked for; else ``workers`` processes forked from this one, after it has loaded the default
    pipeline (``pipeline``) so that they start with it loaded, each letting go of the store ``engine``'s inherited
    connections (``scale.forked``)."""
    if address or dashboard_address:
        from dask.distributed import Client

        with _cluster(address, workers, dashboard_address or "127.0.0.1:0") as cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    from sitrep.scale.forked import ForkedWorkers, after_fork, load_for_workers

    if pipeline:
        load_for_workers()
    with ForkedWorkers(workers, functools.partial(after_fork, engine)) as pool:
        yield pool


@contextlib.contextmanager
def _cluster(address: str | None, workers: int, dashboard_address: str = "127.0.0.1:0") -> Iterator[Any]:
    """A LocalCluster of worker processes (one thread each: spaCy is not thread-parallel), or a running scheduler."""
    if address:
        yield address
        return
    import dask
    from dask.distributed import LocalCluster

    # The diagnostics dashboard shows file names and errors: on this machine only, unless the user asks.
    # Each worker's sampling profiler (for the dashboard's profile page) cost 14% more CPU on an ingest of 153
    # articles (docs/scale.md); the nannies pass this setting to the worker processes.
    with (
        dask.config.set({"distributed.worker.profile.enabled": False}),
        LocalCluster(  # type: ignore[no-untyped-call]
            processes=True, n_workers=workers, threads_per_worker=1, dashboard_address=dashboard_address
        ) as cluster,
    ):
        yield cluster
