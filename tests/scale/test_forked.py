"""Local workers forked from the driver: they start with what the driver loaded, and a dead one fails its partition."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from sitrep.scale.dask_ingest import ReadUnit, WorkerResult, _in_order, _workers
from sitrep.scale.forked import ForkedWorkers, after_fork
from sitrep.store import Store

# Invented reports in two countries, so the workers geocode and the driver resolves more than one event.
REPORTS = {
    "market.txt": (
        "Bomb kills six at market in Kandahar\n\nA bomb hidden in a cart exploded at a vegetable market in Kandahar "
        "on Thursday, killing six traders and wounding eleven, the provincial police chief said."
    ),
    "convoy.txt": (
        "Convoy ambushed near Gao\n\nArmed men ambushed an army supply convoy on the road between Gao and Ansongo on "
        "Saturday, killing four soldiers, the Malian army said in a statement."
    ),
    "protest.txt": (
        "Teachers march in Nairobi\n\nHundreds of teachers marched through central Nairobi on Monday to demand "
        "unpaid salaries, and police fired tear gas to disperse them near parliament, witnesses said."
    ),
}


def _pid(_chunk: object) -> int:
    return os.getpid()


def _die(_chunk: list[ReadUnit]) -> list[WorkerResult]:
    os._exit(3)


def _geocoded(name: str) -> list[tuple[str, float]]:
    from sitrep.geo import Gazetteer

    return [(candidate.matched_name, candidate.score) for candidate in Gazetteer.open().lookup(name)]


def test_tasks_run_in_other_processes_than_the_driver() -> None:
    with ForkedWorkers(2) as workers:
        pids = {workers.submit(_pid, None).result() for _ in range(6)}
    assert os.getpid() not in pids
    assert 1 <= len(pids) <= 2


def test_a_worker_that_dies_fails_its_partition_instead_of_hanging() -> None:
    chunk = [ReadUnit("lost.txt")]
    with ForkedWorkers(1) as workers:
        (sent, outcome), *_ = list(_in_order(workers, _die, [chunk], window=1))
    assert sent == chunk
    assert isinstance(outcome, BaseException)


@pytest.mark.slow
def test_a_forked_worker_reads_the_gazetteer_opened_before_the_fork_through_its_own_connection() -> None:
    from sitrep.geo import Gazetteer

    Gazetteer.open()
    expected = _geocoded("Kandahar")
    assert expected
    with ForkedWorkers(1, after_fork) as workers:
        assert workers.submit(_geocoded, "Kandahar").result() == expected
    assert _geocoded("Kandahar") == expected  # the driver's own connection still works after the fork


@pytest.mark.slow
def test_forked_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    from sitrep.pipeline import ingest
    from sitrep.scale import run_dask_ingest

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in REPORTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    one = Store.open(f"sqlite:///{tmp_path / 'one.db'}")
    ingest([str(corpus)], one)
    forked_url = f"sqlite:///{tmp_path / 'forked.db'}"
    report = run_dask_ingest([str(corpus)], forked_url, workers=2)
    forked = Store.open(forked_url)
    assert report.ok
    assert _events(forked) == _events(one)
    assert len(_events(one)) >= 2
    one.close()
    forked.close()


def _events(store: Store) -> list[tuple[str, str, str, int]]:
    return sorted((e.event_type, str(e.date_start), str(e.location), e.fatalities_best or 0) for e in store.events())


def test_without_a_scheduler_or_a_dashboard_the_local_workers_are_forked() -> None:
    with _workers(None, 1, None, pipeline=False) as workers:
        assert isinstance(workers, ForkedWorkers)


_DRIVER_STORE: list[Store] = []  # the driver's store, inherited by the forked workers of the test below


def _backend_pid(_chunk: object) -> int:
    with _DRIVER_STORE[0].engine.connect() as c:
        return int(c.execute(sql("SELECT pg_backend_pid()")).scalar_one())


@pytest.mark.postgres
def test_a_forked_worker_opens_its_own_postgresql_session_and_leaves_the_driver_s_alone(pg_url: str) -> None:
    store = Store.open(pg_url)
    _DRIVER_STORE[:] = [store]
    try:
        with store.engine.connect() as c:  # the pool now holds the driver's session, which a fork inherits
            driver = int(c.execute(sql("SELECT pg_backend_pid()")).scalar_one())
        with ForkedWorkers(1, functools.partial(after_fork, store.engine)) as workers:
            worker = workers.submit(_backend_pid, None).result()
        assert worker != driver
        with store.engine.connect() as c:  # the worker never closed the driver's session
            assert int(c.execute(sql("SELECT pg_backend_pid()")).scalar_one()) == driver
    finally:
        _DRIVER_STORE.clear()
        store.close()
