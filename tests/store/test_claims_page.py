"""The claims an analyst lists are read a page at a time, by kind (the topic's first part) and by document."""

from __future__ import annotations

from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from sitrep.store import Store
from tests.store.test_claim_contradictions import claim, stored


def _store_with_claims(url: str) -> Store:
    store = Store.open(url)
    stored(
        store,
        "market.txt",
        [],
        [
            claim("c1", "market.txt", "people killed in the market", 12, "the monitor", topic="toll:killed:market"),
            claim("c2", "market.txt", "reported toll in Town", 11, "the agency", topic="reported:m-1"),
            claim("c3", "market.txt", "the convoy carried arms", None, "the ministry", topic="contention@market.txt"),
        ],
    )
    stored(
        store,
        "bridge.txt",
        [],
        [
            claim("c4", "bridge.txt", "bridges damaged", 3, "the governor", topic="damage:bridges@c4"),
            claim("c5", "bridge.txt", "reported toll in Village", 4, "the agency", topic="reported:m-2"),
            # a kind is the topic's first part only, not any topic that starts with its letters
            claim("c6", "bridge.txt", "people reportedly wounded", 2, "the medic", topic="reported_wounded"),
        ],
    )
    return store


def test_lists_claims_by_kind_and_document_a_page_at_a_time(store_url: str) -> None:
    store = _store_with_claims(store_url)
    try:
        total, everything = store.claims_page(limit=100)
        assert total == 6 and {c.id for c in everything} == {"c1", "c2", "c3", "c4", "c5", "c6"}
        total, reported = store.claims_page(kind="reported")
        assert total == 2 and {c.id for c in reported} == {"c2", "c5"}
        assert {c.id for c in store.claims_page(kind="contention")[1]} == {"c3"}
        assert {c.id for c in store.claims_page(kind="damage", document="bridge.txt")[1]} == {"c4"}
        assert store.claims_page(kind="reported", document="market.txt")[1][0].id == "c2"
        assert store.claims_page(kind="reported%")[0] == 0  # the kind is a name, not a pattern
        total, page = store.claims_page(limit=2, offset=4)
        assert total == 6 and len(page) == 2
        assert [c.id for c in page] == [c.id for c in everything[4:6]]
    finally:
        store.close()


def test_the_api_filters_claims_by_kind_and_document(sqlite_url: str) -> None:
    store = _store_with_claims(sqlite_url)
    try:
        client = TestClient(create_app(store))
        body = client.get("/api/claims", params={"kind": "reported", "doc": "bridge.txt"}).json()
        assert body["total"] == 1 and [c["id"] for c in body["items"]] == ["c5"]
        assert client.get("/api/claims", params={"limit": 1}).json()["total"] == 6
        assert client.get("/api/claims", params={"kind": "toll"}).json()["items"][0]["subject"].endswith("market")
    finally:
        store.close()
