"""`sitrep eval`: the gold README's matching rules, and scores on the sample gold."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.evaluate import Extracted, date_overlaps, location_matches
from sitrep.model import DateInterval, Mention, Place, Span

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _place(lat: float, lon: float, country: str = "SY", precision: str = "town") -> Place:
    return Place("test:1", "x", country, lat, lon, precision)  # type: ignore[arg-type]


def _extracted(start: str, end: str) -> Extracted:
    span = Span("d", 0, 1, "x")
    date = DateInterval(dt.date.fromisoformat(start), dt.date.fromisoformat(end), "day")
    mention = Mention("m", "d", span, span, "Battles", "Armed clash", "ASSAULT", date=date)
    return Extracted("ev", "d", mention, [])


def test_a_location_matches_within_its_tolerance_only() -> None:
    gold = {"lat": 36.99, "lon": 42.05, "tolerance_km": 40}
    assert location_matches(_place(36.95, 42.10), gold)  # ~6 km away
    assert not location_matches(_place(36.50, 40.75), gold)  # Hasakah city, ~130 km away


def test_coarse_gold_locations_match_on_country() -> None:
    gold = {"name": "Syria", "country": "SY", "precision": "country"}
    assert location_matches(_place(35.0, 38.0, "SY"), gold)
    assert not location_matches(_place(33.3, 44.4, "IQ"), gold)
    border = {"country": ["JO", "SY"], "lat": 33.3, "lon": 38.7, "precision": "region"}
    assert location_matches(_place(32.0, 36.0, "JO"), border)


def test_date_intervals_must_overlap() -> None:
    gold = {"date": {"start": "2024-01-21", "end": "2024-01-31"}}
    assert date_overlaps(_extracted("2024-01-28", "2024-01-28"), gold)
    assert not date_overlaps(_extracted("2024-02-01", "2024-02-03"), gold)


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ not beside the repository")
def test_eval_on_the_sample_gold_prints_a_table_and_writes_json(tmp_path: Path) -> None:
    db = str(tmp_path / "seeds.db")
    assert CliRunner().invoke(main, ["ingest", str(SHARED / "corpus" / "seeds"), "--db", db, "-q"]).exit_code == 0
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(main, ["eval", str(SHARED / "gold"), "--db", db, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "precision" in result.output and "sub_event_type" in result.output
    scores = json.loads(out.read_text())
    assert scores["gold_events"] == 7
    # Regression floor: the seed articles are the product's own specification.
    assert scores["recall"] >= 0.5
    assert scores["furniture_events"] == []
    assert scores["framing_recall"] == 1.0


def test_eval_scores_contradictions_between_reports_of_one_event(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    reports = {
        "a.txt": "Air strikes on a vegetable market in Saraqib killed eight civilians on Wednesday, "
        "the Syrian Observatory for Human Rights said.",
        "b.txt": "Air strikes on the vegetable market in Saraqib killed 15 civilians on Wednesday, "
        "the civil defence said.",
    }
    manifest = []
    for name, text in reports.items():
        (corpus / name).write_text(text, encoding="utf-8")
        manifest.append({"file": name, "outlet": "Wire", "published": "2024-10-17"})
    (corpus / "manifest.jsonl").write_text("\n".join(json.dumps(m) for m in manifest), encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    event = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": ["Air/drone strike"],
        "plover": ["ASSAULT"],
        "date": {"start": "2024-10-16", "end": "2024-10-16", "precision": "day"},
        "locations": [{"name": "Saraqib", "country": "SY", "lat": 35.86, "lon": 36.80, "tolerance_km": 15}],
    }
    lines = [{**event, "id": f"g-{name}", "doc": name} for name in reports]
    (gold / "t.events.jsonl").write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    checks = {"contradictions": [{"events": ["g-a.txt", "g-b.txt"], "expect": "8 vs 15 killed"}]}
    (gold / "t.checks.json").write_text(json.dumps(checks), encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "-q"]).exit_code == 0
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(main, ["eval", str(gold), "--db", db, "--out", str(out)])
    assert result.exit_code == 0, result.output
    scores = json.loads(out.read_text())
    assert scores["matched"] == 2
    assert (scores["contradictions_gold"], scores["contradictions_found"]) == (1, 1)


def test_eval_scores_the_exported_record_with_each_articles_own_sources(tmp_path: Path) -> None:
    """Two articles of one incident make one exported event: each article is scored on the event's one toll (what
    the export gives), and on its own report's sources (the export lists each report's); scoring the store and
    scoring its JSON Lines export give the same figures."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    reports = {
        "a.txt": (
            "Ahram Online",
            "Air strikes on a vegetable market in Saraqib killed eight civilians on Wednesday, "
            "the Syrian Observatory for Human Rights said.",
        ),
        "b.txt": (
            "Daily Sabah",
            "Air strikes on the vegetable market in Saraqib killed 15 civilians on Wednesday, "
            "the Syrian Civil Defence said.",
        ),
    }
    manifest = []
    for name, (outlet, text) in reports.items():
        (corpus / name).write_text(text, encoding="utf-8")
        manifest.append({"file": name, "outlet": outlet, "published": "2024-10-17"})
    (corpus / "manifest.jsonl").write_text("\n".join(json.dumps(m) for m in manifest), encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    event = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": ["Air/drone strike"],
        "plover": ["ASSAULT"],
        "date": {"start": "2024-10-16", "end": "2024-10-16", "precision": "day"},
        "locations": [{"name": "Saraqib", "country": "SY", "lat": 35.86, "lon": 36.80, "tolerance_km": 15}],
    }
    coded = {
        "a.txt": (8, ["Syrian Observatory for Human Rights", "Ahram Online"]),
        "b.txt": (15, ["White Helmets", "Daily Sabah"]),
    }
    lines = [
        {**event, "id": f"g-{name}", "doc": name, "fatalities": toll, "sources": sources}
        for name, (toll, sources) in coded.items()
    ]
    (gold / "t.events.jsonl").write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "-q"]).exit_code == 0
    exported = tmp_path / "events.jsonl"
    assert CliRunner().invoke(main, ["export", "--format", "jsonl", "--db", db, "-o", str(exported)]).exit_code == 0
    assert len(exported.read_text().splitlines()) == 1  # one incident, one event
    scores = []
    for source in (["--db", db], ["--events", str(exported)]):
        out = tmp_path / "scores.json"
        result = CliRunner().invoke(main, ["eval", str(gold), *source, "--out", str(out)])
        assert result.exit_code == 0, result.output
        scores.append(json.loads(out.read_text()))
    from_store, from_export = scores
    assert from_store["matched"] == 2
    assert from_store["field_accuracy"]["sources"] == 1.0
    assert from_store["field_accuracy"]["fatalities"] == 0.5  # one toll per event: 8, the lower of the two
    for key in ("matched", "field_accuracy", "duplicates", "background", "wrong"):
        assert from_store[key] == from_export[key], key
