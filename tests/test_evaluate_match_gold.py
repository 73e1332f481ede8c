"""`match_gold`: the start every diagnosis tool shares (refuse a held-out split, load the gold, open the store
without creating one, match the store's events as `sitrep eval` does)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.evaluate import HELD_OUT_MARKER, match_gold
from sitrep.store import Store

STRIKE = "idlib-strike-0.txt"  # the sample store's report of an air strike on Idlib, 4 March 2024
CLASH = "deir-clash-0.txt"  # its report of a clash at Deir ez-Zor, 10 March 2024


def _gold_dir(folder: Path, events: list[dict[str, Any]], documents: list[str]) -> Path:
    folder.mkdir()
    (folder / "set.events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    rows = "".join(json.dumps({"doc": d}) + "\n" for d in documents)
    (folder / "set.documents.jsonl").write_text(rows, encoding="utf-8")
    return folder


def _strike(event_type: str = "Explosions/Remote violence") -> dict[str, Any]:
    return {
        "id": "g1",
        "doc": STRIKE,
        "event_type": event_type,
        "date": {"start": "2024-03-04", "end": "2024-03-04"},
        "locations": [{"name": "Idlib", "lat": 35.93, "lon": 36.63, "precision": "town", "country": "SY"}],
    }


def test_the_store_is_matched_on_the_gold_documents_only(tmp_path: Path, sample_store: Store) -> None:
    gold_dir = _gold_dir(tmp_path / "gold", [_strike()], [STRIKE, CLASH])
    run = match_gold(gold_dir, str(tmp_path / "sample.db"))
    assert [(ex.doc, g["id"]) for ex, g in run.matched] == [(STRIKE, "g1")]
    assert {ex.doc for ex in run.extracted} == {STRIKE, CLASH}  # the other sample articles are not in this gold set
    assert [ex.doc for ex in run.unmatched()] == [CLASH]  # a covered document without gold events counts
    assert run.event_documents() == {STRIKE}


def test_strict_matching_asks_for_the_event_type(tmp_path: Path, sample_store: Store) -> None:
    gold_dir = _gold_dir(tmp_path / "gold", [_strike("Battles")], [STRIKE])
    assert match_gold(gold_dir, str(tmp_path / "sample.db")).matched == []


def test_a_held_out_split_is_refused_before_any_store_is_opened(tmp_path: Path) -> None:
    gold_dir = _gold_dir(tmp_path / "gold", [_strike()], [STRIKE])
    (gold_dir / HELD_OUT_MARKER).write_text("", encoding="utf-8")
    with pytest.raises(SystemExit, match="held-out"):
        match_gold(gold_dir, str(tmp_path / "missing.db"))


def test_a_mistyped_store_is_not_created(tmp_path: Path) -> None:
    gold_dir = _gold_dir(tmp_path / "gold", [_strike()], [STRIKE])
    with pytest.raises(FileNotFoundError):
        match_gold(gold_dir, str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()
