"""The real-text gold set (evaluation/real/) is usable as gold and its test split is held out by incident.

Every score on real text is computed against these files: a quote that is not in the article, an
incident split across dev and test, or a missing publication date would skew the scores or leak the test
split into tuning.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.evaluation.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "evaluation" / "real"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _split(side: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    gold = REAL / side / "gold"
    texts = {p.name: p.read_text(encoding="utf-8") for p in (REAL / side / "corpus").glob("*.txt")}
    return _jsonl(gold / "real.events.jsonl"), _jsonl(gold / "real.documents.jsonl"), texts


@pytest.mark.parametrize("batch", sorted(p.name for p in (REAL / "source").glob("batch*") if p.is_dir()))
def test_each_coders_batch_passes_the_checker(batch: str) -> None:
    checker = load_script("evaluation/real/check_batch.py")
    assert checker.check(REAL / "source" / batch) == []


def test_the_set_holds_at_least_150_real_articles_two_thirds_in_dev() -> None:
    dev, test = _split("dev")[1], _split("test")[1]
    assert len(dev) + len(test) >= 150
    assert 0.6 <= len(dev) / (len(dev) + len(test)) <= 0.72


@pytest.mark.parametrize("side", ["dev", "test"])
def test_every_quote_is_verbatim_in_its_article_and_every_article_has_a_date(side: str) -> None:
    events, documents, texts = _split(side)
    assert events and texts, f"the {side} split is empty"
    assert {d["doc"] for d in documents} == set(texts)
    manifest = {row["file"]: row for row in _jsonl(REAL / side / "corpus" / "manifest.jsonl")}
    assert all(manifest[name]["published"] for name in texts)
    for event in events:
        for quote in [event["evidence"], *event["mentions"]]:
            assert quote in texts[event["doc"]], (event["id"], quote[:60])


def test_no_incident_and_no_dataset_group_straddles_dev_and_test() -> None:
    sides = {side: _split(side)[0] for side in ("dev", "test")}
    incidents = {side: {e["incident"] for e in events} for side, events in sides.items()}
    assert not incidents["dev"] & incidents["test"]
    articles = {row["file"]: row for row in _jsonl(REAL / "source" / "articles.jsonl")}
    groups = {side: {articles[d["doc"]]["dataset_group"] for d in _split(side)[1]} for side in ("dev", "test")}
    assert not groups["dev"] & groups["test"]


def test_only_the_test_split_is_marked_held_out() -> None:
    assert (REAL / "test" / "HELD_OUT").exists()
    assert not (REAL / "dev" / "HELD_OUT").exists()
