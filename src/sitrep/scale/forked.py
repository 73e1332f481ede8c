"""Local worker processes forked from the driver, once it has loaded what every worker needs.

A worker of a Dask ``LocalCluster`` is a fresh interpreter: it imports sitrep, loads the spaCy model, the entity
ruler's patterns and the gazetteer, and compiles the extractors' expressions on its first document, about 2 s of
CPU each, and the cluster's scheduler and nannies cost more. On a short input (dev-a's 152 articles take 17 s in one
process) that start-up ate the second core's gain. Forked from a driver that has loaded them and processed one
short text, the workers share those pages copy-on-write and start at once.

Forking is safe here because it happens before the driver starts any thread (``concurrent.futures`` forks every
worker before its manager thread when the start method is ``fork``) and each worker opens its own connection to
the gazetteer's index (an SQLite connection must not be used across a fork). The driver's store engine is handed
to each worker, which lets go of the pooled connections it inherited without closing them (SQLAlchemy's pattern for
a pool across a fork): a worker that reads the store opens its own, and never ends the driver's PostgreSQL session.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any

from sqlalchemy import Engine

from sitrep.ingest.document import DocumentMeta, build_document

# A short invented report that takes every extractor and the geocoder through their first use (patterns compiled,
# lexicons and rules read, fuzzy name pools loaded), so the workers inherit them instead of each doing it again.
WARM_UP_TEXT = (
    "Gunmen killed three civilians and wounded five in an attack on a market in Qaryat Zalimun, north of Aleppo, "
    "on Monday, a monitoring group said. The army said it shelled rebel positions nearby in response."
)


class Finished:
    """A submitted partition's outcome, in the shape the driver's loop reads (``result``, ``release``)."""

    def __init__(self, future: Future[Any]) -> None:
        self._future = future

    def result(self) -> Any:
        return self._future.result()

    def release(self) -> None:
        """Nothing is held for a finished partition once its result is read."""


class ForkedWorkers:
    """``workers`` processes forked from this one; ``submit`` runs a task on one of them, as a Dask client does."""

    def __init__(self, workers: int, initializer: Callable[[], None] | None = None) -> None:
        context = multiprocessing.get_context("fork")
        self._executor = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer)
        # The first task forks every worker, now, before this process starts the executor's thread or anything else.
        self._executor.submit(int).result()

    def submit(self, task: Callable[[Any], Any], chunk: Any, pure: bool = False) -> Finished:
        """Runs ``task(chunk)`` in a worker (``pure`` is accepted for the Dask client's signature)."""
        return Finished(self._executor.submit(task, chunk))

    def __enter__(self) -> ForkedWorkers:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._executor.shutdown(wait=True, cancel_futures=error is not None)


def load_for_workers() -> None:
    """Loads, in the driver, what the default pipeline's workers would each load on their first document."""
    from sitrep.pipeline import process_documents

    document = build_document(WARM_UP_TEXT, "warm-up", DocumentMeta())
    process_documents([document])


def after_fork(engine: Engine | None = None) -> None:
    """Run first in each forked worker: its own connections to the gazetteer's index, and none of the driver's
    store ``engine``'s pooled connections (left open for the driver; the next use opens a new one)."""
    from sitrep.geo import Gazetteer

    Gazetteer.reconnect()
    if engine is not None:
        engine.dispose(close=False)
