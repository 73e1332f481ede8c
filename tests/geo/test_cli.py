from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from sitrep.geo import Gazetteer
from sitrep.geo.cli import geo


def test_lookup_shows_scored_candidates(gazetteer: Gazetteer) -> None:
    result = CliRunner().invoke(geo, ["lookup", "Deir Ezzor", "--country", "SY", "--limit", "3"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    candidates = lines[lines.index("candidates:") + 1 :]
    assert 1 <= len(candidates) <= 3 and "SY" in candidates[0] and "Deir ez-Zor" in candidates[0]


def test_lookup_shows_the_place_chosen_with_its_precision_score_and_alternatives(gazetteer: Gazetteer) -> None:
    # A province named beside the name decides between namesakes; the one passed over is listed under it.
    result = CliRunner().invoke(geo, ["lookup", "Salmiyah", "--country", "SY", "--near", "Hama"])
    assert result.exit_code == 0, result.output
    resolved, over = result.output.splitlines()[:2]
    assert resolved.startswith("resolved: As Salam") and "[town, geo_precision 1]" in resolved and "Hama" in resolved
    assert over.strip().startswith("over") and "Latakia" not in over and "SY" in over


def test_lookup_of_a_countryside_states_its_vaguer_precision(gazetteer: Gazetteer) -> None:
    result = CliRunner().invoke(geo, ["lookup", "the countryside of Saraqib", "--country", "SY"])
    assert result.exit_code == 0, result.output
    assert "[admin2, geo_precision 2]" in result.output.splitlines()[0]


def test_lookup_without_name_is_a_usage_error() -> None:
    assert CliRunner().invoke(geo, ["lookup"]).exit_code == 2


def test_eval_scores_and_writes_answers(gazetteer: Gazetteer, tmp_path: Path) -> None:
    data = tmp_path / "places.csv"
    data.write_text(
        "text,context,lat,lon\n"
        "Hassakeh,Clashes erupted in Hassakeh.,36.50,40.75\n"
        "Mosul,Troops entered Mosul in Iraq.,30.0,30.0\n",
        encoding="utf-8",
    )
    out = tmp_path / "answers.csv"
    result = CliRunner().invoke(geo, ["eval", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "accuracy@25km: 0.500" in result.output
    assert "MISS 'Mosul'" in result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["resolved_lat"] and rows[0]["precision"] == "town"
    assert float(rows[1]["error_km"]) > 100


def test_eval_rejects_a_file_without_the_required_columns(tmp_path: Path) -> None:
    data = tmp_path / "bad.csv"
    data.write_text("name,lat\nHoms,34.7\n", encoding="utf-8")
    result = CliRunner().invoke(geo, ["eval", str(data)])
    assert result.exit_code == 1 and "missing column" in result.output
