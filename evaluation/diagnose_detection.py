"""Why a gold event got no event of its type: what the store holds for the sentence that tells it.

`evaluation/diagnose.py` names a gold event missed for want of an extraction ("no extraction left in document", "no
extraction of this type") or for its type. This tool looks at the reports (mentions) taken from the gold event's
evidence sentence and says at which stage the event was lost:

- ``no report from its sentence``: detection read no trigger there (extract/triggers.py, data/ontology.yaml);
- ``reports of other types only``: a trigger was read, and typed otherwise (typing);
- ``report of its type joined no event (RULE)``: dropped after extraction, by the named background rule or the
  learned incident gate (extract/background.py, resolve/incident_gate.py);
- ``report of its type in an event matched to another gold event``: grouped with the reports of another incident
  (resolve/coreference.py: the within-article grouping);
- ``report of its type in an event matched to no gold event``: the event it joined has another date or place.

    .venv/bin/python evaluation/diagnose_detection.py GOLD_DIR --db sqlite:////tmp/dev.db [--list]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from diagnose import miss_reason

from sitrep.evaluate import (
    Extracted,
    match_gold,
)
from sitrep.model import Mention
from sitrep.store import Store

# The miss reasons of diagnose.py this tool looks into: the gold event has no event of its type.
UNDETECTED = frozenset({"no extraction left in document", "no extraction of this type", "type"})


@dataclass(frozen=True)
class Report:
    """A report taken from a gold event's sentence, with the event it joined (None: it joined none)."""

    mention: Mention
    event_id: str | None


def stage_lost(gold: dict[str, Any], reports: list[Report], matched_events: set[str]) -> str:
    """The stage at which a gold event with no event of its type was lost (see the module's docstring)."""
    if not reports:
        return "no report from its sentence"
    typed = [r for r in reports if r.mention.event_type == gold["event_type"]]
    if not typed:
        return "reports of other types only"
    joined = [r for r in typed if r.event_id is not None]
    if not joined:
        rules = sorted({r.mention.background or "no rule named" for r in typed})
        return f"report of its type joined no event ({', '.join(rules)})"
    if any(r.event_id in matched_events for r in joined):
        return "report of its type in an event matched to another gold event"
    return "report of its type in an event matched to no gold event"


def reports_of_sentence(evidence: str, document_text: str, reports: list[Report]) -> list[Report]:
    """The reports whose sentence overlaps where the evidence is written in the document (found by its first 40
    characters, as the gold copies the text)."""
    start = document_text.find(evidence[:40])
    if start < 0 or not evidence:
        return []
    end = start + len(evidence)
    return [r for r in reports if r.mention.sentence.start < end and r.mention.sentence.end > start]


def document_reports(store: Store, document_id: int) -> list[Report]:
    """Every report of a document, with the event each joined."""
    event_of = {
        m.id: event_id
        for event_id in store.events_of_documents([document_id])
        for m in store.mentions_for_event(event_id)
    }
    return [Report(m, event_of.get(m.id)) for m in store.mentions_for_document(document_id)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--list", action="store_true", help="print each such gold event with its stage and reports")
    args = parser.parse_args()
    run = match_gold(args.gold_dir, args.db)
    gold, store = run.gold, run.store
    used_gold = {id(g) for _, g in run.matched}
    matched_events = {e.event_id for e, _ in run.matched}
    free: list[Extracted] = [ex for ex in run.unmatched() if ex.doc in run.event_documents()]
    documents = {d.document.name: d for d in store.documents()}
    stages: Counter[str] = Counter()
    for g in gold:
        if id(g) in used_gold or miss_reason(g, free)[0] not in UNDETECTED or g["doc"] not in documents:
            continue
        document = documents[g["doc"]]
        text = document.document.text
        reports = reports_of_sentence(g.get("evidence", ""), text, document_reports(store, document.id))
        stage = stage_lost(g, reports, matched_events)
        stages[stage] += 1
        if args.list:
            print(f"[{stage}] {g['doc']} {g.get('id')}: {g['event_type']} «{g.get('evidence', '')[:140]}»")
            for r in reports:
                m = r.mention
                print(f"    {m.event_type} / {m.sub_event_type} «{m.trigger.text}» event {r.event_id} {m.background}")
    print(json.dumps(dict(stages.most_common()), indent=1))


if __name__ == "__main__":
    main()
