"""Read responses are kept until the store changes, and never served once a write has been committed."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from sitrep.api.app import create_app
from sitrep.store.database import Store
from sitrep.web.demo import generate_events


def test_a_write_by_another_process_shows_in_the_next_response(tmp_path: Path) -> None:
    path = str(tmp_path / "cached.db")
    reader = Store.open(path)
    client = TestClient(create_app(reader))
    generate_events(reader, 50)
    assert client.get("/api/stats").json()["events"] == 50
    assert client.get("/api/events?limit=5").json()["total"] == 50

    # Another connection (as another process would) commits a change.
    writer = Store.open(path)
    writer.delete_event(client.get("/api/events?limit=1").json()["items"][0]["id"], None, "test")
    writer.close()

    assert client.get("/api/stats").json()["events"] == 49
    assert client.get("/api/events?limit=5").json()["total"] == 49
    reader.close()


def test_a_kept_response_is_the_response_computed_afresh(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "same.db"))
    generate_events(store, 60)
    client = TestClient(create_app(store))
    first = client.get("/api/events", params={"type": "Battles", "limit": 7})
    again = client.get("/api/events", params={"type": "Battles", "limit": 7})
    assert first.status_code == again.status_code == 200
    assert first.content == again.content
    assert again.headers["content-type"] == "application/json"
    # The outer middleware still marks kept responses.
    assert again.headers["x-content-type-options"] == "nosniff"
    other_page = client.get("/api/events", params={"type": "Battles", "limit": 7, "offset": 7})
    assert other_page.json()["items"] != first.json()["items"]
    store.close()


def test_errors_and_exports_are_never_kept(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "errors.db"))
    generate_events(store, 20)
    app = create_app(store)
    client = TestClient(app)
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/export/jsonl").status_code == 200
    client.get("/api/stats")
    cache = _response_cache(app)
    kept_paths = {path for _revision, path, _query in cache.entries}
    assert kept_paths == {"/api/stats"}
    store.close()


def test_an_in_memory_store_is_read_afresh_every_time() -> None:
    store = Store.open("sqlite://")
    assert store.revision() is None
    store.close()


def _response_cache(app):  # type: ignore[no-untyped-def]
    from sitrep.api.cache import ResponseCache

    if app.middleware_stack is None:  # built on the first request otherwise
        app.middleware_stack = app.build_middleware_stack()
    layer = app.middleware_stack
    while not isinstance(layer, ResponseCache):
        layer = layer.app
    return layer


def test_the_revision_changes_with_a_commit_on_both_backends(store_url: str) -> None:
    reader = Store.open(store_url)
    generate_events(reader, 10)
    before = reader.revision()
    assert before is not None and reader.revision() == before  # reading changes nothing
    writer = Store.open(store_url)
    writer.clear_events()
    writer.close()
    assert reader.revision() != before
    reader.close()


def test_kept_responses_stay_within_their_memory_bound(tmp_path: Path) -> None:
    from sitrep.api.cache import ResponseCache

    store = Store.open(str(tmp_path / "bound.db"))
    generate_events(store, 100)
    app = create_app(store)
    client = TestClient(app)
    cache = _response_cache(app)
    assert isinstance(cache, ResponseCache)
    cache.max_bytes = 20_000
    for offset in range(30):
        assert client.get("/api/events", params={"limit": 10, "offset": offset}).status_code == 200
    assert 0 < cache.size <= 20_000
    assert cache.size == sum(len(r.body) for r in cache.entries.values())
    assert len(cache.entries) < 30
    store.close()
