"""The recorded dev parts (evaluation/real/parts.json) that the sessions tune and check on."""

from __future__ import annotations

import json
from pathlib import Path

REAL = Path(__file__).resolve().parents[2] / "evaluation" / "real"


def _split() -> dict[str, str]:
    assignment = json.loads((REAL / "split.json").read_text(encoding="utf-8"))
    return {doc: entry["split"] for entry in assignment.values() for doc in entry["docs"]}


def test_the_parts_hold_every_dev_article_once_and_no_test_article() -> None:
    parts = json.loads((REAL / "parts.json").read_text(encoding="utf-8"))["parts"]
    split = _split()
    listed = [doc for docs in parts.values() for doc in docs]
    assert len(listed) == len(set(listed)), "an article is in two parts"
    assert all(split.get(doc) == "dev" for doc in listed), "a part holds an article outside dev"
    assert set(listed) == {doc for doc, side in split.items() if side == "dev"}, "a dev article is in no part"
