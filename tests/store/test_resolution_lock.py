"""Several writers into one store take turns at matching reports to events (the resolution lock)."""

from __future__ import annotations

import threading

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
