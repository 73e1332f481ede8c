"""Every exported event carries the calibrated confidence of its type; a threshold trades recall for precision."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from sitrep.api.cli import export_command
from sitrep.pipeline import ingest
from sitrep.store.database import Store

REPORT = (
    "Gunmen on motorbikes killed nine herders near a watering point in the north of the district on Wednesday, "
    "a local official said.\n\n"
    "On Thursday police arrested four suspects in the nearby market town, the official added.\n"
)


SECOND_REPORT = (
    "Warplanes struck a fuel depot near the harbour on Monday, killing three guards, the port authority said.\n\n"
    "On Tuesday hundreds of teachers marched through the capital to demand higher pay, organisers said.\n"
)


def _store(tmp_path: Path, report: str = REPORT) -> str:
    source = tmp_path / "report.txt"
    source.write_text(report, encoding="utf-8")
    db = str(tmp_path / "c.db")
    store = Store.open(db)
    try:
        ingest([str(source)], store)
    finally:
        store.close()
    return db


def test_exports_carry_a_confidence_and_a_threshold_leaves_out_the_less_likely(tmp_path: Path) -> None:
    db = _store(tmp_path)
    runner = CliRunner()
    every = runner.invoke(export_command, ["--db", db])
    records = [json.loads(line) for line in every.stdout.splitlines() if line.startswith("{")]
    assert records and all(0.0 < r["confidence"] <= 1.0 for r in records)
    table = list(csv.DictReader(io.StringIO(runner.invoke(export_command, ["--db", db, "--format", "csv"]).stdout)))
    assert sorted(float(row["confidence"]) for row in table) == sorted(r["confidence"] for r in records)
    cut = max(r["confidence"] for r in records)
    kept = runner.invoke(export_command, ["--db", db, "--min-confidence", str(cut)])
    assert [json.loads(line)["confidence"] for line in kept.stdout.splitlines() if line.startswith("{")] == [cut]
    assert runner.invoke(export_command, ["--db", db, "--min-confidence", "1.5"]).exit_code == 2


def test_the_api_list_and_its_exports_leave_out_events_below_a_confidence(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from sitrep.api.app import create_app

    db = _store(tmp_path, REPORT + "\n" + SECOND_REPORT)
    store = Store.open(db)
    try:
        client = TestClient(create_app(store))
        every = client.get("/api/events").json()
        exported = [json.loads(line) for line in client.get("/api/export/jsonl").text.splitlines()]
        confidence = {r["id"]: r["confidence"] for r in exported}
        assert every["total"] == len(confidence) >= 2
        cut = max(confidence.values())
        kept = client.get("/api/events", params={"min_confidence": cut}).json()
        assert {e["id"] for e in kept["items"]} == {i for i, c in confidence.items() if c >= cut}
        assert kept["total"] < every["total"]
        points = client.get("/api/events/points", params={"min_confidence": cut}).json()
        assert len(points["rows"]) == kept["total"]
        again = client.get("/api/export/csv", params={"min_confidence": cut}).text
        assert len(list(csv.DictReader(io.StringIO(again)))) == kept["total"]
        assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422
    finally:
        store.close()
