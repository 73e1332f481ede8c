"""Clustering measured end to end: the clustering set's report texts through the whole pipeline.

``sitrep.resolve.evaluate`` scores the resolver on gold-coded mentions; this
scores what a user gets: extraction, geocoding and resolution together. Each
report's predicted event is the event of its first mention whose type matches
the report's gold type (else its first mention); a report with no mention at
all counts as a cluster of its own, so missed extraction costs recall.

    python evaluation/clustering/end_to_end.py evaluation/clustering [--db sqlite:///tmp/e2e.db]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from sitrep.pipeline import ingest
from sitrep.resolve.evaluate import bcubed, read_jsonl
from sitrep.store import Store


@dataclass(frozen=True)
class EndToEndScores:
    reports: int
    reports_with_mentions: int
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float


def predicted_events(store: Store, reports: list[dict[str, object]]) -> dict[str, str]:
    predicted: dict[str, str] = {}
    for report in reports:
        name = str(report["id"])
        stored = store.get_document(name)
        mentions = store.mentions_for_document(stored.id) if stored else []
        ordered = sorted(mentions, key=lambda m: m.event_type != report.get("event_type"))
        events = [e for e in (store.event_of_mention(m.id) for m in ordered) if e]
        predicted[name] = events[0] if events else f"none:{name}"
    return predicted


def evaluate_end_to_end(folder: Path, db_url: str) -> EndToEndScores:
    reports_path = folder / "reports.jsonl"
    reports = read_jsonl(reports_path)
    store = Store.open(db_url)
    ingest([str(reports_path)], store)
    predicted = predicted_events(store, reports)
    gold = {str(r["id"]): str(r["incident"]) for r in reports}
    precision, recall, f1 = bcubed(predicted, gold)
    found = sum(1 for v in predicted.values() if not v.startswith("none:"))
    return EndToEndScores(len(reports), found, precision, recall, f1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--db", default=None, help="database to build (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        scores = evaluate_end_to_end(args.folder, args.db or f"{scratch}/e2e.db")
    print(json.dumps(asdict(scores), indent=2))


if __name__ == "__main__":
    main()
