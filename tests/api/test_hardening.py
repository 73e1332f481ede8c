"""The API answers hostile input with a 422 naming the parameter, never a 5xx; filters are literal text;
every response carries the security headers; a server bound for local use answers only local Host names."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.api.app import DEFAULT_ALLOWED_HOSTS, create_app
from sitrep.store.database import Store

TEXT_PARAMS = ("type", "actor", "admin1", "source", "q", "bbox", "sort")
ENDPOINTS = (
    "/api/events",
    "/api/events/points",
    "/api/export/csv",
    "/api/documents",
    "/api/sources",
    "/api/claims",
    "/api/contradictions",
)


def test_oversized_text_filters_are_refused_with_the_parameter_named(client: TestClient) -> None:
    for name in TEXT_PARAMS:
        response = client.get("/api/events", params={name: "x" * 60_000})
        assert response.status_code == 422, name
        assert name in response.text
    assert client.get("/api/export/csv", params={"actor": "a" * 60_000}).status_code == 422


def test_offsets_and_ids_past_64_bits_are_refused(client: TestClient) -> None:
    assert client.get("/api/events", params={"offset": "10000000000000000000"}).status_code == 422
    assert client.get("/api/sources/99999999999999999999999").status_code == 422
    assert client.get("/api/events/" + "9" * 300).status_code == 422


def test_a_nul_character_is_refused(client: TestClient) -> None:
    assert client.get("/api/events", params={"actor": "rapid\x00support"}).status_code == 422
    assert client.get("/api/documents", params={"q": "\x00"}).status_code == 422


def test_percent_and_underscore_are_literal_in_filters(client: TestClient) -> None:
    assert client.get("/api/events", params={"actor": "%"}).json()["total"] == 0
    assert client.get("/api/events", params={"actor": "_"}).json()["total"] == 0
    assert client.get("/api/sources", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/events", params={"actor": "rapid support"}).json()["total"] == 1


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/api/events", "/api/stats", "/", "/api/events/nope", "/static/app.js"):
        response = client.get(path)
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert "default-src 'self'" in response.headers["content-security-policy"], path
        assert response.headers["x-frame-options"] == "DENY", path


def test_a_local_server_refuses_foreign_host_names(sample_store: Store) -> None:
    app = create_app(sample_store, allowed_hosts=DEFAULT_ALLOWED_HOSTS)
    assert TestClient(app, base_url="http://localhost").get("/api/stats").status_code == 200
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/stats").status_code == 200
    assert TestClient(app, base_url="http://attacker.example").get("/api/stats").status_code == 400


hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["%", "_", "\\", "'; DROP TABLE events; --", "\x00", "9" * 30, "-1", "1e309", "NaN", ""]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    endpoint=st.sampled_from(ENDPOINTS),
    name=st.sampled_from([*TEXT_PARAMS, "country", "since", "until", "limit", "offset", "all"]),
    value=hostile_text,
)
def test_no_parameter_value_gives_a_server_error(client: TestClient, endpoint: str, name: str, value: str) -> None:
    response = client.get(endpoint, params={name: value})
    assert response.status_code < 500, (endpoint, name, value, response.text[:200])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from(["/api/events/", "/api/documents/", "/api/sources/", "/api/export/", "/events/"]),
    value=st.text(min_size=1, max_size=300),
)
def test_no_path_value_gives_a_server_error(client: TestClient, prefix: str, value: str) -> None:
    response = client.get(prefix + quote(value, safe=""))
    assert response.status_code < 500, (prefix, value, response.text[:200])


def test_each_server_process_builds_the_same_app_from_its_environment(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitrep.api.app import app_from_environment

    monkeypatch.setenv("SITREP_SERVE_DB", str(sample_store.engine.url))
    monkeypatch.setenv("SITREP_SERVE_ALLOWED_HOSTS", "localhost,news.example")
    app = app_from_environment()
    assert TestClient(app, base_url="http://news.example").get("/api/events").json()["total"] == 6
    assert TestClient(app, base_url="http://other.example").get("/api/events").status_code == 400
