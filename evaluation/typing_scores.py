"""How well events are typed: type accuracy, sub-type weighted F1, PLOVER category and the calibration of the
type confidence, on the events matched to gold (by document, date and place, whatever their type: the
"relaxed" match of ``sitrep eval``, whose type accuracy this repeats).

    python evaluation/typing_scores.py evaluation/real/dev/gold --db sqlite:////tmp/dev.db

- sub-type weighted F1: per gold sub-type (``type|sub``), F1 of our sub-type labels, weighted by the gold
  sub-type's support (an event whose gold lists several sub-types counts as right with any of them);
- PLOVER: our category against the gold's (the coders' own PLOVER, else the gold ACLED sub-type's category by the
  ontology's mapping, checked against the PLOVER codebook: ``docs/plover.md``);
- calibration: the reliability table of the event's type confidence (``export/records.py`` ``event_confidence``)
  against whether the type is right, and its expected calibration error (ECE, ten equal-width bins); then the same
  over every extracted event, one that ``sitrep eval`` does not match (type, date, place) counting as wrong: what
  the export's ``confidence`` claims ("the event and its type are right");
- the least confidence (``--min-confidence``, the API's ``min_confidence``): event precision, recall and F1 of
  ``sitrep eval`` (its strict match) over the events kept at each threshold, so that a user can see what a
  threshold buys in precision and costs in recall.

On a held-out split it prints the figures only, not the confusions. Kept apart from ``sitrep eval``
(``sitrep/evaluate.py``) so that the scorer of record does not change; it reuses its matching.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.evaluate import (
    evaluate_records,
    events_on,
    is_held_out,
    load_gold,
    match_events,
    relaxed_compatible,
    strict_compatible,
)
from sitrep.export.records import event_confidence
from sitrep.extract.triggers import ontology
from sitrep.store import Store

BINS = 10
THRESHOLDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def weighted_f1(gold: list[str], predicted: list[str]) -> float:
    """F1 per gold label, weighted by its support."""
    total = 0.0
    for name, support in Counter(gold).items():
        tp = sum(g == p == name for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == name and g != name for g, p in zip(gold, predicted, strict=True))
        fn = support - tp
        total += (2 * tp / (2 * tp + fp + fn) if tp else 0.0) * support
    return total / len(gold) if gold else 0.0


def reliability(confidences: list[float], right: list[bool], bins: int = BINS) -> tuple[list[dict[str, Any]], float]:
    """Per confidence bin: how many, their mean confidence and their accuracy; and the expected calibration
    error (the bins' |accuracy - confidence| weighted by their share)."""
    table = []
    ece = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [i for i, c in enumerate(confidences) if low <= c < high or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        mean_confidence = sum(confidences[i] for i in inside) / len(inside)
        accuracy = sum(right[i] for i in inside) / len(inside)
        ece += len(inside) / len(confidences) * abs(accuracy - mean_confidence)
        table.append(
            {
                "bin": f"{low:.1f}-{high:.1f}",
                "n": len(inside),
                "confidence": round(mean_confidence, 3),
                "accuracy": round(accuracy, 3),
            }
        )
    return table, round(ece, 3)


def gold_plover(g: dict[str, Any]) -> set[str]:
    """The coders' PLOVER categories, else those the ontology maps the gold sub-types to."""
    if g.get("plover"):
        return set(g["plover"])
    mapping = ontology().plover_of
    return {mapping[(g["event_type"], sub)] for sub in g["sub_event_type"] if (g["event_type"], sub) in mapping}


def typing_scores(store: Store, gold_dir: Path) -> dict[str, Any]:
    gold, _checks, gold_docs = load_gold(gold_dir)
    extracted = events_on(store, gold_docs)
    matched = match_events(extracted, gold, relaxed_compatible)
    confidence_of = {event.id: event_confidence(event) for event in store.full_events()}
    gold_labels, our_labels, type_right, plover_right, confidences = [], [], [], [], []
    for ex, g in matched:
        ours = f"{ex.mention.event_type}|{ex.mention.sub_event_type}"
        subs = g["sub_event_type"] if isinstance(g["sub_event_type"], list) else [g["sub_event_type"]]
        right_sub = next((s for s in subs if f"{g['event_type']}|{s}" == ours), subs[0])
        gold_labels.append(f"{g['event_type']}|{right_sub}")
        our_labels.append(ours)
        type_right.append(ex.mention.event_type == g["event_type"])
        plover_right.append(ex.mention.plover in gold_plover(g))
        confidences.append(confidence_of.get(ex.event_id, ex.mention.confidence))
    plover_confusion = Counter(
        (" ".join(sorted(gold_plover(g))), ex.mention.plover, ex.mention.event_type)
        for (ex, g), ok in zip(matched, plover_right, strict=True)
        if not ok
    )
    n = len(matched)
    table, ece = reliability(confidences, type_right)
    confusion = Counter(
        (g.split("|")[0], o.split("|")[0])
        for g, o in zip(gold_labels, our_labels, strict=True)
        if g.split("|")[0] != o.split("|")[0]
    )
    strict = {id(ex) for ex, _ in match_events(extracted, gold, strict_compatible)}
    all_table, all_ece = reliability(
        [confidence_of.get(ex.event_id, ex.mention.confidence) for ex in extracted],
        [id(ex) in strict for ex in extracted],
    )
    by_threshold = {}
    for threshold in THRESHOLDS:
        kept = [ex for ex in extracted if confidence_of.get(ex.event_id, ex.mention.confidence) >= threshold]
        scores = evaluate_records(kept, gold_dir)
        by_threshold[f"{threshold:.1f}"] = {
            "extracted": scores.extracted_events,
            "precision": round(scores.precision, 3),
            "recall": round(scores.recall, 3),
            "f1": round(scores.f1, 3),
        }
    return {
        "matched (document, date, place)": n,
        "type_accuracy": round(sum(type_right) / n, 3) if n else 0.0,
        "sub_type_accuracy": round(sum(g == o for g, o in zip(gold_labels, our_labels, strict=True)) / n, 3)
        if n
        else 0.0,
        "sub_type_weighted_f1": round(weighted_f1(gold_labels, our_labels), 3),
        "plover_accuracy": round(sum(plover_right) / n, 3) if n else 0.0,
        "confidence_ece": ece,
        "reliability": table,
        "extracted events": len(extracted),
        "confidence_ece_all_events (unmatched counts as wrong)": all_ece,
        "reliability_all_events": all_table,
        "events kept by least confidence (strict match, as sitrep eval)": by_threshold,
        "type_confusions (gold -> ours)": {f"{a} -> {b}": c for (a, b), c in confusion.most_common(10)},
        "plover_confusions (gold -> ours, our type)": {
            f"{a} -> {b} ({t})": c for (a, b, t), c in plover_confusion.most_common(10)
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--db", required=True, help="database URL of a store holding the gold's corpus")
    args = parser.parse_args(argv)
    scores = typing_scores(Store.open(args.db), args.gold)
    if is_held_out(args.gold):  # a held-out split is scored, never diagnosed: figures only
        scores.pop("type_confusions (gold -> ours)")
        scores.pop("plover_confusions (gold -> ours, our type)")
    print(json.dumps(scores, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
