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


@pytest.mark.postgres
def test_on_postgresql_a_document_is_claimed_by_one_writer_until_it_lets_go(pg_url: str) -> None:
    first, second = Store.open(pg_url), Store.open(pg_url)
    assert first.claim_document(7) and first.claim_document(7)  # its own claim, asked again
    assert not second.claim_document(7)  # another writer is extracting it
    assert second.claim_document(8)  # other documents stay free
    first.release_documents()
    assert second.claim_document(7)
    second.close()  # a writer that stops leaves its documents to the next
    assert first.claim_document(7) and first.claim_document(8)
    first.close()


@pytest.mark.postgres
def test_on_postgresql_a_writer_keeps_its_claims_on_documents_it_has_stored_but_not_extracted(pg_url: str) -> None:
    """The driver of ``--workers`` stores a window of documents before the workers extract them, and resolves as
    partitions come back: resolving lets go of the resolved documents, not of those still being extracted."""
    first, second = Store.open(pg_url), Store.open(pg_url)
    assert first.claim_document(7) and first.claim_document(8)
    first.release_documents(keep={8})
    assert second.claim_document(7)  # resolved: free for another writer
    assert not second.claim_document(8)  # still being extracted by the first
    first.release_documents()
    assert second.claim_document(8)
    first.close()
    second.close()


def test_sqlite_has_one_writer_who_may_extract_any_document(sqlite_url: str) -> None:
    first, second = Store.open(sqlite_url), Store.open(sqlite_url)
    assert first.claim_document(7) and second.claim_document(7)  # writers take turns at resolution_lock
    first.close()
    second.close()
