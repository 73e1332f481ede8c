"""Ingests ``reports.jsonl`` (one incident per report) and prints how many reports were wrongly merged.

    python evaluation/one_incident/score.py [--db URL]

A report is wrongly merged when its event holds another report; the issue's target is at most 5%.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from sitrep.pipeline import ingest
from sitrep.store import Store

HERE = Path(__file__).parent


def score(db_url: str) -> dict[str, object]:
    reports = [json.loads(line) for line in (HERE / "reports.jsonl").open(encoding="utf-8")]
    store = Store.open(db_url)
    ingest([str(HERE / "reports.jsonl")], store)
    event_of: dict[str, str] = {}
    for report in reports:
        stored = store.get_document(report["id"])
        mentions = store.mentions_for_document(stored.id) if stored else []
        events = [e for e in (store.event_of_mention(m.id) for m in mentions) if e]
        if events:
            event_of[report["id"]] = Counter(events).most_common(1)[0][0]
    sizes = Counter(event_of.values())
    merged = [r for r, e in event_of.items() if sizes[e] > 1]
    invented = {r["id"] for r in reports if r["invented_place"]}
    return {
        "reports": len(reports),
        "reports_with_events": len(event_of),
        "events": len(sizes),
        "wrongly_merged": len(merged),
        "wrongly_merged_share": round(len(merged) / len(event_of), 3) if event_of else 0.0,
        "wrongly_merged_at_invented_villages": len([r for r in merged if r in invented]),
        "largest_event": max(sizes.values(), default=0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        print(json.dumps(score(args.db or f"sqlite:///{scratch}/one.db"), indent=2))


if __name__ == "__main__":
    main()
