"""Why each gold event was missed: a developer's view of `sitrep eval`.

For every unmatched gold event, look at the unmatched extractions of the same document and name
the first field that stops a match: no extraction at all, the type, the date, or the location.
Also prints every spurious extraction with the sentence it came from.

    .venv/bin/sitrep ingest evaluation/dev/corpus --db sqlite:////tmp/dev.db -q
    .venv/bin/python evaluation/diagnose.py evaluation/dev/gold --db sqlite:////tmp/dev.db [--only location]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.evaluate import (
    Extracted,
    _match,
    _strict,
    any_location_matches,
    date_overlaps,
    extracted_events,
    load_jsonl,
)
from sitrep.store import Store


def miss_reason(gold: dict[str, Any], candidates: list[Extracted]) -> tuple[str, Extracted | None]:
    """The nearest-miss extraction and the field it got wrong."""
    same_doc = [ex for ex in candidates if ex.doc == gold["doc"]]
    if not same_doc:
        return "no extraction left in document", None
    typed = [ex for ex in same_doc if ex.mention.event_type == gold["event_type"]]
    for ex in typed:
        if date_overlaps(ex, gold) and not any_location_matches(ex, gold):
            return "location", ex
    for ex in typed:
        if any_location_matches(ex, gold) and not date_overlaps(ex, gold):
            return "date", ex
    for ex in same_doc:
        if date_overlaps(ex, gold) and any_location_matches(ex, gold):
            return "type", ex
    if typed:
        return "date and location", typed[0]
    return "no extraction of this type", same_doc[0]


def describe(ex: Extracted) -> str:
    m = ex.mention
    date = f"{m.date.start}..{m.date.end}" if m.date else "no date"
    places = ", ".join(f"{p.name} ({p.country})" for p in ex.places) or "no place"
    return f"{m.event_type} | {date} | {places} | «{m.sentence.text[:140]}»"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--only", help="print only misses with this reason")
    args = parser.parse_args()
    gold = [g for path in sorted(args.gold_dir.glob("*.events.jsonl")) for g in load_jsonl(path)]
    store = Store.open(args.db)
    docs = {g["doc"] for g in gold}
    extracted = [ex for ex in extracted_events(store) if ex.doc in docs]
    matched = _match(extracted, gold, _strict)
    used_gold = {id(g) for _, g in matched}
    free = [ex for ex in extracted if id(ex) not in {id(e) for e, _ in matched}]
    reasons: Counter[str] = Counter()
    for g in gold:
        if id(g) in used_gold:
            continue
        reason, nearest = miss_reason(g, free)
        reasons[reason] += 1
        if args.only and reason != args.only:
            continue
        locs = ", ".join(f"{loc.get('name')} ({loc.get('country')})" for loc in g.get("locations", []))
        dates = f"{g['date']['start']}..{g['date']['end']}"
        print(f"[{reason}] {g['doc']} {g.get('id')}: {g['event_type']} | {dates} | {locs}")
        print(f"    gold: «{g.get('evidence', '')[:140]}»")
        if nearest is not None:
            print(f"    ours: {describe(nearest)}")
    if not args.only:
        print("\nspurious:")
        for ex in free:
            print(f"  {ex.doc}: {describe(ex)}")
    print("\n" + json.dumps(dict(reasons.most_common()), indent=1))


if __name__ == "__main__":
    main()
