"""`sitrep eval` is strict where leniency would flatter a coder: duplicates and background are counted apart,
unknown tolls are not zero, background-only articles count, places are the event's own, claims match one to
one, and a held-out split gives totals only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.evaluate import (
    evaluate_records,
    fatalities_agree,
    is_held_out,
    records_from_jsonl,
    refuse_held_out,
    same_passage,
)

GOLD_EVENT: dict[str, Any] = {
    "id": "g1",
    "doc": "a.txt",
    "incident": "market-strike",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": ["Air/drone strike"],
    "date": {"start": "2024-05-02", "end": "2024-05-02", "precision": "day"},
    "locations": [{"name": "Saraqib", "country": "SY", "lat": 35.86, "lon": 36.80, "tolerance_km": 15}],
    "fatalities": None,
    "sources": ["Wire"],
    "modality": "asserted",
    "evidence": "Warplanes struck the market in Saraqib on Thursday",
    "mentions": [
        "Warplanes struck the market in Saraqib on Thursday",
        "Rescuers pulled people from the rubble of the market stalls after the raid",
    ],
}


def _coded(evidence: str, doc: str = "a.txt", lat: float = 35.86, lon: float = 36.80, **extra: Any) -> dict[str, Any]:
    return {
        "doc": doc,
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Air/drone strike",
        "date": {"start": "2024-05-02", "end": "2024-05-02", "precision": "day"},
        "locations": [{"name": "x", "country": "SY", "lat": lat, "lon": lon, "precision": "town"}],
        "sources": ["Wire"],
        "evidence": evidence,
        **extra,
    }


def _gold(tmp_path: Path, events: list[dict[str, Any]], documents: list[str]) -> Path:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "t.events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    (gold / "t.documents.jsonl").write_text("".join(json.dumps({"doc": d}) + "\n" for d in documents), encoding="utf-8")
    return gold


def _coded_file(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    path = tmp_path / "coded.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_restatements_and_background_are_told_apart(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [GOLD_EVENT], ["a.txt"])
    coded = _coded_file(
        tmp_path,
        [
            _coded("Warplanes struck the market in Saraqib on Thursday"),
            _coded("Rescuers pulled people from the rubble of the market stalls after the raid"),
            _coded("The war has killed more than 500,000 people since it began in 2011"),
        ],
    )
    scores = evaluate_records(records_from_jsonl(coded), gold)
    assert (scores.matched, scores.duplicates, scores.background, scores.wrong) == (1, 1, 1, 0)
    assert scores.precision == pytest.approx(1 / 3)
    assert scores.duplicate_rate == pytest.approx(1 / 3)


def test_an_incident_found_with_the_wrong_type_is_wrong_once_then_duplicate(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [GOLD_EVENT], ["a.txt"])
    battle = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    coded = _coded_file(
        tmp_path,
        [
            _coded("Warplanes struck the market in Saraqib on Thursday", **battle),
            _coded("Rescuers pulled people from the rubble of the market stalls after the raid", **battle),
        ],
    )
    scores = evaluate_records(records_from_jsonl(coded), gold)
    assert (scores.matched, scores.wrong, scores.duplicates) == (0, 1, 1)


def test_events_from_an_article_with_no_gold_event_are_false_positives(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [GOLD_EVENT], ["a.txt", "court.txt"])
    coded = _coded_file(
        tmp_path,
        [
            _coded("Warplanes struck the market in Saraqib on Thursday"),
            _coded("The gunman was sentenced to life for the 2017 attack", doc="court.txt"),
        ],
    )
    scores = evaluate_records(records_from_jsonl(coded), gold)
    assert (scores.documents, scores.extracted_events, scores.background) == (2, 2, 1)
    assert scores.precision == 0.5


def test_the_event_is_placed_at_its_own_headline_place_not_any_alternative(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [GOLD_EVENT], ["a.txt"])
    row = _coded("Warplanes struck the market in Saraqib on Thursday", lat=36.20, lon=37.16)  # Aleppo first
    row["locations"].append({"name": "Saraqib", "country": "SY", "lat": 35.86, "lon": 36.80, "precision": "town"})
    scores = evaluate_records(records_from_jsonl(_coded_file(tmp_path, [row])), gold)
    assert scores.matched == 0


def test_unknown_fatalities_are_not_zero() -> None:
    assert fatalities_agree(None, {"fatalities": None})
    assert not fatalities_agree(0, {"fatalities": None})
    assert not fatalities_agree(None, {"fatalities": 0})
    assert fatalities_agree(32, {"fatalities": 30, "fatalities_range": {"low": 27, "best": 30, "high": 33}})
    assert not fatalities_agree(80, {"fatalities": 70, "fatalities_range": {"low": 70, "best": None, "high": None}})


def test_cross_article_links_and_false_merges_are_counted(tmp_path: Path) -> None:
    second = {**GOLD_EVENT, "id": "g2", "doc": "b.txt"}
    other = {**GOLD_EVENT, "id": "g3", "doc": "c.txt", "incident": "another-strike"}
    gold = _gold(tmp_path, [GOLD_EVENT, second, other], ["a.txt", "b.txt", "c.txt"])
    row = _coded("Warplanes struck the market in Saraqib on Thursday", id="e1")
    row["docs"] = ["a.txt", "b.txt", "c.txt"]  # one event for all three reports
    scores = evaluate_records(records_from_jsonl(_coded_file(tmp_path, [row])), gold)
    assert (scores.incident_links, scores.incident_links_kept, scores.false_merges) == (1, 1, 2)


def test_passages_match_across_sentence_splits_but_not_on_a_few_common_words() -> None:
    assert same_passage("Warplanes struck the market in Saraqib", "Warplanes struck the market in Saraqib on Thursday")
    assert same_passage(
        "warplanes  struck the market in Saraqib, on Thursday killing five",
        "Warplanes struck the market in Saraqib on Thursday killing five people",
    )
    assert not same_passage("the army said on Thursday", "the rebels said on Thursday that the army lied")


def test_a_held_out_split_gives_totals_only_and_refuses_diagnosis(tmp_path: Path) -> None:
    gold = _gold(tmp_path, [GOLD_EVENT], ["a.txt"])
    (tmp_path / "HELD_OUT").write_text("test split\n", encoding="utf-8")
    coded = _coded_file(
        tmp_path, [_coded("The war has killed more than 500,000 people since 2011", event_type="Protests")]
    )
    result = CliRunner().invoke(main, ["eval", str(gold), "--events", str(coded)])
    assert result.exit_code == 0, result.output
    assert "precision 0.000" in result.output
    assert "missed gold events" not in result.output and "500,000" not in result.output
    assert is_held_out(gold / "t.events.jsonl")
    with pytest.raises(SystemExit, match="held-out"):
        refuse_held_out([gold])


def test_contradiction_and_modality_scores_are_printed_beside_the_old_lines() -> None:
    from sitrep.evaluate import Scores, format_scores

    scores = Scores(
        1,
        1,
        1,
        1.0,
        1.0,
        1.0,
        {},
        {},
        contradictions_gold=4,
        contradictions_found=1,
        contradictions_listed=5,
        contradictions_correct=2,
        contradictions_precision=0.4,
        contradictions_recall=0.5,
        modality_unasserted_gold=4,
        modality_unasserted_right=3,
    )
    text = format_scores(scores, lists=False)
    assert "contradictions found: 1/4 (5 listed for these documents)" in text  # the old line stays
    assert "contradictions precision 0.400 (2/5 listed entries tell a gold disagreement)  recall 0.500" in text
    assert "modality right on reports not plainly asserted: 3/4 (0.750)" in text
