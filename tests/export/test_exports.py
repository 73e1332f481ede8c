from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.api.cli import export_command
from sitrep.export import export_events
from sitrep.store.database import EventFilter, Store

GOLD = Path(__file__).resolve().parents[3] / "shared/gold/seeds.events.jsonl"
# ACLED's published column order (codebook), the part of the CSV other tools read by position.
ACLED_HEAD = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def exported(store: Store, format: str, filters: EventFilter | None = None) -> str:
    out = io.StringIO()
    export_events(store, format, out, filters)
    return out.getvalue()


def jsonl_by_id(store: Store) -> dict[str, dict]:  # type: ignore[type-arg]
    return {r["id"]: r for r in map(json.loads, exported(store, "jsonl").splitlines())}


@pytest.mark.skipif(not GOLD.exists(), reason="shared/gold not beside the repository")
def test_jsonl_uses_the_gold_field_names_and_shapes(sample_store: Store) -> None:
    gold = [json.loads(line) for line in GOLD.read_text().splitlines()]
    gold_keys = set().union(*(g.keys() for g in gold)) - {"id"}
    records = list(jsonl_by_id(sample_store).values())
    assert gold and records
    for record in records:
        assert gold_keys <= set(record)
        assert set(record["date"]) == {"start", "end", "precision"}
        for location in record["locations"]:
            assert {"name", "country", "admin1", "lat", "lon", "precision"} <= set(location)
        for quantity in record["quantities"]:
            assert set(quantity) == {"unit", "low", "best", "high", "text", "kind"}  # kind: our extra field
        assert record["fatalities"] is None or isinstance(record["fatalities"], int)


def test_jsonl_names_first_document_chain_and_evidence(sample_store: Store) -> None:
    idlib = jsonl_by_id(sample_store)["ev-idlib-strike"]
    assert idlib["doc"] == "idlib-strike-0.txt"
    assert idlib["docs"] == ["idlib-strike-0.txt", "idlib-strike-1.txt"]
    assert idlib["sources"] == ["activists", "Syrian Observatory for Human Rights"]
    assert idlib["fatalities"] == 11 and idlib["quantities"][0]["text"] == "11 people"
    assert idlib["evidence"].startswith("Russian warplanes struck a market in Idlib")
    assert {f["term"] for f in idlib["framing"]} == {"terrorist"}


def test_jsonl_reports_lowest_figure_bound_when_no_best(sample_store: Store) -> None:
    fasher = jsonl_by_id(sample_store)["ev-el-fasher"]
    assert fasher["fatalities"] == 20
    assert fasher["figures"] == [{"kind": "killed", "low": 20, "best": None, "high": None}]


def test_csv_has_acled_columns_in_order_then_sitrep_columns(sample_store: Store) -> None:
    rows = list(csv.reader(io.StringIO(exported(sample_store, "csv"))))
    assert rows[0][: len(ACLED_HEAD)] == ACLED_HEAD
    assert "sitrep_id" in rows[0][len(ACLED_HEAD) :]
    records = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    kharkiv = next(r for r in records if r["sitrep_id"] == "ev-kharkiv-missile")
    assert kharkiv["country"] == "Ukraine" and kharkiv["iso"] == "804"
    assert kharkiv["civilian_targeting"] == "Civilian targeting" and kharkiv["interaction"] == "78"
    assert kharkiv["fatalities_low"] == "2" and kharkiv["fatalities_high"] == "12"
    assert kharkiv["source"] == "Kyiv Independent; TASS"


def test_geojson_points_are_lon_lat(sample_store: Store) -> None:
    collection = json.loads(exported(sample_store, "geojson"))
    features = {f["id"]: f for f in collection["features"]}
    assert features["ev-el-fasher"]["geometry"]["coordinates"] == [25.35, 13.63]
    assert features["ev-el-fasher"]["properties"]["event_type"] == "Battles"


def test_plover_records_carry_event_mode_and_magnitude(sample_store: Store) -> None:
    records = {r["id"]: r for r in json.loads(exported(sample_store, "plover"))}
    idlib = records["ev-idlib-strike"]
    assert (idlib["event"], idlib["mode"], idlib["magnitude"]["dead"]) == ("ASSAULT", "aerial", 11)
    assert records["ev-khartoum-protest"]["event"] == "PROTEST"


def test_filters_apply_to_exports(sample_store: Store) -> None:
    lines = exported(sample_store, "jsonl", EventFilter(country="SY")).splitlines()
    assert {json.loads(line)["id"] for line in lines} == {"ev-idlib-strike", "ev-deir-clash"}


def test_unknown_format_is_refused(sample_store: Store) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export_events(sample_store, "xlsx", io.StringIO())


def test_cli_export_writes_a_file_and_counts_events(sample_store: Store, tmp_path: Path) -> None:
    db = str(sample_store.engine.url.database)
    target = tmp_path / "out.geojson"
    arguments = ["--db", db, "--format", "geojson", "-o", str(target), "--type", "Battles"]
    result = CliRunner().invoke(export_command, arguments)
    assert result.exit_code == 0, result.output
    assert len(json.loads(target.read_text())["features"]) == 2
    assert "exported 2 events" in result.output


def test_cli_export_rejects_a_bad_bbox(sample_store: Store) -> None:
    db = str(sample_store.engine.url.database)
    result = CliRunner().invoke(export_command, ["--db", db, "--bbox", "1,2"])
    assert result.exit_code == 2
