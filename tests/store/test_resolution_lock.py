"""Several writers into one store take turns at matching reports to events (the resolution lock)."""

from __future__ import annotations

import threading

import pytest

from sitrep.store.database import Store


def test_a_second_writer_waits_until_the_first_has_written(store_url: str) -> None:
    first, second = Store.open(store_url), Store.open(store_url)
    order: list[str] = []
    first_inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with first.resolution_lock():
            order.append("first in")
            first_inside.set()
            release.wait(timeout=30)
            order.append("first out")

    def follow() -> None:
        with second.resolution_lock():
            order.append("second in")

    holder = threading.Thread(target=hold)
    holder.start()
    assert first_inside.wait(timeout=30)
    follower = threading.Thread(target=follow)
    follower.start()
    follower.join(timeout=0.5)
    assert follower.is_alive() and order == ["first in"]  # blocked while the first holds the lock
    release.set()
    holder.join(timeout=30)
    follower.join(timeout=30)
    assert order == ["first in", "first out", "second in"]
    first.close()
    second.close()


def test_the_lock_is_given_back_when_the_work_inside_fails(store_url: str) -> None:
    store = Store.open(store_url)
    try:
        with store.resolution_lock():
            raise RuntimeError("a document failed")
    except RuntimeError:
        pass
    other = Store.open(store_url)
    done = threading.Event()

    def take() -> None:
        with other.resolution_lock():
            done.set()

    taker = threading.Thread(target=take)
    taker.start()
    taker.join(timeout=30)
    assert done.is_set()
    store.close()
    other.close()


def blocks(holder: Store, held: set[str] | None, other: Store, wanted: set[str] | None) -> bool:
    """Whether ``other`` waits for ``wanted`` while ``holder`` holds ``held``."""
    got = threading.Event()

    def take() -> None:
        with other.resolution_lock(wanted):
            got.set()

    with holder.resolution_lock(held):
        taker = threading.Thread(target=take)
        taker.start()
        waited = not got.wait(timeout=1.0)
    taker.join(timeout=30)
    assert got.is_set()  # it went on once the holder let go
    return waited


@pytest.mark.postgres
def test_on_postgresql_writers_of_other_countries_go_on_and_writers_of_one_country_take_turns(pg_url: str) -> None:
    first, second = Store.open(pg_url), Store.open(pg_url)
    assert first.regional_locks
    assert not blocks(first, {"SY"}, second, {"UA", "IQ"})  # other countries: both at once
    assert blocks(first, {"SY", "IQ"}, second, {"IQ"})  # a country in common: one after the other
    assert blocks(first, {"SY"}, second, None)  # the whole store waits for every region
    assert blocks(first, None, second, {"UA"})  # and every region for the whole store
    first.close()
    second.close()


def test_sqlite_has_one_writer_whatever_the_regions(sqlite_url: str) -> None:
    first, second = Store.open(sqlite_url), Store.open(sqlite_url)
    assert not first.regional_locks
    assert blocks(first, {"SY"}, second, {"UA"})
    first.close()
    second.close()
