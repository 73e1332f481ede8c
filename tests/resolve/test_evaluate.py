import json
from pathlib import Path

import pytest

from sitrep.resolve.evaluate import bcubed, evaluate_clustering, main

DATA = Path(__file__).parent / "data" / "clustering"


def test_bcubed_rewards_exact_clusters_and_penalises_lumping_and_splitting() -> None:
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed({"a": "1", "b": "1", "c": "2"}, gold) == (1.0, 1.0, 1.0)
    lumped_p, lumped_r, _ = bcubed({"a": "1", "b": "1", "c": "1"}, gold)
    split_p, split_r, _ = bcubed({"a": "1", "b": "2", "c": "3"}, gold)
    assert lumped_r == 1.0 and lumped_p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert split_p == 1.0 and split_r == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)


def test_fixture_reports_cluster_into_their_incidents_with_their_contradictions() -> None:
    scores = evaluate_clustering(DATA)
    assert (scores.reports, scores.incidents) == (9, 5)
    assert scores.bcubed_f1 == 1.0
    assert scores.contradiction_recall == 1.0
    assert scores.contradiction_precision == 1.0


def test_main_prints_a_table_and_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scores.json"
    assert main([str(DATA), "-o", str(out)]) == 0
    assert "bcubed_f1" in capsys.readouterr().out
    assert set(json.loads(out.read_text())) == {"with_text", "without_text"}


def test_main_reports_a_missing_folder(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 2


CLUSTERING_SET = Path(__file__).resolve().parents[2] / "evaluation" / "clustering"


@pytest.mark.skipif(not (CLUSTERING_SET / "reports.jsonl").exists(), reason="evaluation set not present")
def test_evaluation_set_meets_the_issue_target() -> None:
    scores = evaluate_clustering(CLUSTERING_SET)
    assert scores.bcubed_f1 >= 0.90
    assert scores.contradiction_recall >= 0.8
    assert scores.contradiction_precision >= 0.8
