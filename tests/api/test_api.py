from __future__ import annotations

import io
import json

from fastapi.testclient import TestClient

from sitrep.export import export_events
from sitrep.store.database import EventFilter, Store


def ids(response) -> set[str]:  # type: ignore[no-untyped-def]
    return {item["id"] for item in response.json()["items"]}


def test_lists_every_event_with_a_total(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 6
    assert len(body["items"]) == 6


def test_filters_by_type_country_actor_source_and_text(client: TestClient) -> None:
    battles = client.get("/api/events", params={"type": "Battles"}).json()["items"]
    assert {e["event_type"] for e in battles} == {"Battles"} and len(battles) == 2
    assert ids(client.get("/api/events", params={"country": "SD"})) == {"ev-el-fasher", "ev-khartoum-protest"}
    assert ids(client.get("/api/events", params={"actor": "rapid support"})) == {"ev-el-fasher"}
    assert ids(client.get("/api/events", params={"source": "TASS"})) == {"ev-kharkiv-missile"}
    assert ids(client.get("/api/events", params={"q": "hardware store"})) == {"ev-kharkiv-missile"}


def test_filters_by_date_range_and_bounding_box(client: TestClient) -> None:
    march = client.get("/api/events", params={"since": "2024-03-01", "until": "2024-03-31"})
    assert ids(march) == {"ev-idlib-strike", "ev-deir-clash"}
    syria_box = client.get("/api/events", params={"bbox": "35.5,32.3,42.4,37.4"})
    assert ids(syria_box) == {"ev-idlib-strike", "ev-deir-clash"}


def test_rejects_a_malformed_bounding_box(client: TestClient) -> None:
    assert client.get("/api/events", params={"bbox": "1,2,3"}).status_code == 422
    assert client.get("/api/events", params={"bbox": "40,30,30,35"}).status_code == 422


def test_pages_do_not_overlap_and_cover_all_events(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 4, "offset": 0}).json()
    second = client.get("/api/events", params={"limit": 4, "offset": 4}).json()
    assert len(first["items"]) == 4 and len(second["items"]) == 2
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}


def test_points_carry_coordinates_for_the_map(client: TestClient) -> None:
    body = client.get("/api/events/points", params={"type": "Battles"}).json()
    rows = [dict(zip(body["fields"], row, strict=True)) for row in body["rows"]]
    by_id = {r["id"]: r for r in rows}
    assert set(by_id) == {"ev-deir-clash", "ev-el-fasher"}
    assert (by_id["ev-el-fasher"]["lat"], by_id["ev-el-fasher"]["lon"]) == (13.63, 25.35)


def test_event_page_data_locates_evidence_and_framing_in_the_paragraph(client: TestClient) -> None:
    event = client.get("/api/events/ev-idlib-strike").json()
    assert len(event["reports"]) == 2
    for report in event["reports"]:
        start, end = report["evidence_offsets"]
        assert report["paragraph"][start:end] == report["evidence"]
        for term in report["framing"]:
            a, b = term["offsets"]
            assert report["paragraph"][a:b] == term["term"]
    assert [s["name"] for s in event["reports"][0]["chain"]] == ["activists", "Syrian Observatory for Human Rights"]
    assert all(s["source_id"] for s in event["reports"][0]["chain"])


def test_event_with_disagreeing_reports_shows_figures_and_a_contradiction(client: TestClient) -> None:
    event = client.get("/api/events/ev-kharkiv-missile").json()
    killed = next(f for f in event["figures"] if f["kind"] == "killed")
    assert (killed["low"], killed["high"]) == (2, 12)
    assert event["contradictions"] and event["contradictions"][0]["kind"] == "figure"


def test_unknown_event_is_404(client: TestClient) -> None:
    assert client.get("/api/events/nope").status_code == 404


def test_sources_documents_claims_contradictions(client: TestClient) -> None:
    sources = client.get("/api/sources").json()
    tass = next(s for s in sources["items"] if s["name"] == "TASS")
    detail = client.get(f"/api/sources/{tass['id']}").json()
    assert [r["event_id"] for r in detail["reports"]] == ["ev-kharkiv-missile"]
    documents = client.get("/api/documents").json()
    assert documents["total"] == 8 and "text" not in documents["items"][0]
    document = client.get("/api/documents/idlib-strike-1.txt").json()
    assert document["events"] == ["ev-idlib-strike"] and "terrorist" in document["text"]
    contradictions = client.get("/api/contradictions").json()
    assert contradictions["total"] == 1
    # Each side of the disagreement as an analyst cites it: what it says, who says so, and its sentence.
    (row,) = contradictions["items"]
    assert len(row["positions"]) >= 2
    assert all(p["says"] and p["doc"] and p["report"] for p in row["positions"])
    assert client.get("/api/claims").json()["total"] == 0


def test_publishes_an_openapi_schema(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/sources", "/api/documents"} <= set(schema["paths"])


def test_dashboard_is_served_with_a_strict_content_security_policy(client: TestClient) -> None:
    page = client.get("/events/ev-idlib-strike")
    assert page.status_code == 200 and '<svg id="map"' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/boundaries/countries-50m.json").json()["type"] == "Topology"


def test_export_endpoint_downloads_filtered_events(client: TestClient) -> None:
    response = client.get("/api/export/csv", params={"country": "UA"})
    lines = response.text.strip().splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year") and len(lines) == 2
    assert client.get("/api/export/xml").status_code == 404


def test_export_endpoint_streams_the_same_file_as_the_library(client: TestClient, sample_store: Store) -> None:
    out = io.StringIO()
    export_events(sample_store, "geojson", out, EventFilter(sort="-date"))
    response = client.get("/api/export/geojson", params={"sort": "-date"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/geo+json")
    assert response.headers["content-disposition"] == 'attachment; filename="sitrep-events.geojson"'
    assert response.text == out.getvalue()
    assert len(json.loads(response.text)["features"]) == 6
