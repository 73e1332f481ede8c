"""Train the incident gate (src/sitrep/resolve/incident_gate.py) in seconds.

    python scripts/train_incident_gate.py GOLD_1 DB_1 GOLD_2 DB_2 [GOLD_3 DB_3 ...]  # cross-fit: each part scored
                                                                       # by the gate fitted on the others
    python scripts/train_incident_gate.py ... --leave-out 2    # the gate fitted on every part but the 2nd
    python scripts/train_incident_gate.py ... --write          # the shipped gate, fitted on every part
    python scripts/train_incident_gate.py ... --fates          # what became of the gated incidents
    ... --leave-out 2 --out DIR  # into DIR instead of the package's data/models

The whole recipe (typing models trained without each half, the halves ingested, this fit, the cross-fitted
scores, the shipped weights) is one command: scripts/crossfit_incident_gate.py.

Each DB is a store into which that gold folder's corpus was ingested (``sitrep ingest CORPUS --db DB``). The
examples (data/models/incident_gate.README.md) are the incidents each gold article is split into
(``incident_gate.article_incidents``), after its first: an incident is *news* when its reports tell a gold event
(the evaluator's ``same_passage`` on the event's ``mentions``) that no incident told before it in the article
tells, else *no news of its own* (it restates an incident told before, or tells none: background).

The fit is the background trainer's (an L2 logistic regression). The threshold trades incidents caught against news
lost at ``--cost`` to one, on probabilities of documents left out of the fit (inner cross-validation), pooled over
several partitions of the documents and smoothed over neighbouring thresholds (``pooled_threshold``). Development
gold only (the parts of ``evaluation/real/dev``); never the test split.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_background import L2, Example, fit, gain, inner_folds, write_model  # noqa: E402

from sitrep.evaluate import gold_passages, load_gold, refuse_held_out, same_passage  # noqa: E402
from sitrep.resolve.incident_gate import (  # noqa: E402
    GATED,
    META_FILE,
    MODEL_FILE,
    RESTATED,
    article_incidents,
    incident_features,
    incidents_as_events,
)
from sitrep.store import Store  # noqa: E402


def examples(gold_dir: Path, db: str) -> list[Example]:
    gold, _, documents = load_gold(gold_dir)
    store = Store.open(db, create=False)
    found: list[Example] = []
    for stored in store.documents():
        document = stored.document
        if document.name not in documents:
            continue
        events = [g for g in gold if g["doc"] == document.name]
        incidents = article_incidents(store.mentions_for_document(stored.id))
        told: set[str] = set()
        for i, group in enumerate(incidents):
            tells = {
                str(g["id"])
                for g in events
                for m in group
                if any(same_passage(m.sentence.text, p) for p in gold_passages(g))
            }
            news = bool(tells - told)
            told |= tells
            if i == 0:  # the lead is never gated
                continue
            features = incident_features(group, incidents[:i], len(incidents), document)
            found.append(Example(document.name, features, int(not news), False, tuple(sorted(tells))))
    store.close()
    return found


def fates(gold_dir: Path, db: str) -> Counter[tuple[str, str]]:
    """What became of each incident the gate took, in a store ingested with the gate on: joined to an event (a
    restatement) or to none (background), against what it is by the gold: news (it tells a gold event no incident
    before it tells), a restatement (every gold event it tells was told before) or no gold event at all."""
    gold, _, documents = load_gold(gold_dir)
    store = Store.open(db, create=False)
    found: Counter[tuple[str, str]] = Counter()
    for stored in store.documents():
        if stored.document.name not in documents:
            continue
        events = [g for g in gold if g["doc"] == stored.document.name]
        mentions = store.mentions_for_document(stored.id)
        placed = {m.id for event in incidents_as_events(mentions) for m in event}
        told: set[str] = set()
        for group in article_incidents(mentions):
            tells = {
                str(g["id"])
                for g in events
                for m in group
                if any(same_passage(m.sentence.text, p) for p in gold_passages(g))
            }
            truth = "news" if tells - told else ("a restatement" if tells else "no gold event")
            told |= tells
            if all(m.background in (GATED, RESTATED) for m in group):
                found[("joined an event" if group[0].id in placed else "joined none", truth)] += 1
    store.close()
    return found


def describe(name: str, rows: list[Example], p: np.ndarray, threshold: float, cost: float) -> str:
    _, caught, lost = gain(rows, p, threshold, cost)
    return (
        f"{name}: {len(rows)} incidents after the lead, {sum(e.label for e in rows)} no news of their own;"
        f" gate at {threshold:.2f}: {caught} of those gated, {lost} news incidents gated"
    )


THRESHOLDS = tuple(t / 100 for t in range(50, 100))
PARTITIONS = (3, 4, 5, 6)  # inner folds of each partition of the documents the threshold is chosen on
SMOOTHING = 2  # thresholds either side a threshold's gain is averaged with
# A news incident gated weighs two no-news incidents caught: cross-fitted on the three dev parts (session 20), cost 2
# gained on every part against cost 3, which gated a third fewer (data/models/incident_gate.README.md).
COST = 2.0


def held_out_probabilities(rows: list[Example], folds: int) -> np.ndarray:
    """Each row's probability from a model fitted without its document's fold."""
    p = np.zeros(len(rows))
    for fold in inner_folds(rows, folds):
        held = set(fold)
        fitted = fit([e for r, e in enumerate(rows) if r not in held])
        p[fold] = fitted.probabilities([rows[r] for r in fold])
    return p


def pooled_threshold(rows: list[Example], cost: float) -> float:
    """pooled_smoothed_threshold: the threshold whose gain (incidents caught minus ``cost`` x news lost), summed over
    several partitions of the documents into inner folds and averaged with its neighbours', is highest. A few
    hundred incidents give a flat, stepped gain curve whose single highest step moves with the partition (one fit
    of two parts chose 0.88, gating 15 incidents, where its neighbours chose about 0.75): pooling and smoothing
    choose the level of a plateau, not its luckiest step."""
    total = np.zeros(len(THRESHOLDS))
    for folds in PARTITIONS:
        p = held_out_probabilities(rows, folds)
        total += [gain(rows, p, t, cost)[0] for t in THRESHOLDS]
    smoothed = [float(total[max(0, i - SMOOTHING) : i + SMOOTHING + 1].mean()) for i in range(len(total))]
    # On a tie the more cautious threshold: nothing to gain is no reason to gate.
    return max(zip(smoothed, THRESHOLDS, strict=True))[1]


def parts_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parts", nargs="+", help="GOLD DB pairs: a dev part's gold folder and the store of its corpus")
    parser.add_argument("--cost", type=float, default=COST, help="news incidents lost weigh this many caught")
    parser.add_argument("--write", action="store_true", help="fit on every part and write the shipped weights")
    parser.add_argument("--leave-out", type=int, help="write the gate fitted on every part but this one (1, 2, ...)")
    parser.add_argument("--out", type=Path, help="folder to write the gate to (default: the package's data/models)")
    parser.add_argument("--fates", action="store_true", help="count the gated incidents of stores ingested with it")
    return parser


def main() -> None:
    parser = parts_parser()
    args = parser.parse_args()
    if len(args.parts) % 2 or len(args.parts) < 4:
        parser.error("give two or more GOLD DB pairs")
    parts = [(Path(gold), db) for gold, db in zip(args.parts[::2], args.parts[1::2], strict=True)]
    refuse_held_out([gold for gold, _ in parts])
    if args.fates:
        for gold_dir, db in parts:
            for (fate, truth), n in sorted(fates(gold_dir, db).items()):
                print(f"{gold_dir}: {n:4d} gated, {fate}; by the gold {truth}")
        return
    rows = [examples(gold, db) for gold, db in parts]
    for k, (gold, _) in enumerate(parts):
        train = [e for j, part in enumerate(rows) if j != k for e in part]
        threshold = pooled_threshold(train, args.cost)
        print(
            describe(f"fit without {gold}, score it", rows[k], fit(train).probabilities(rows[k]), threshold, args.cost)
        )
    if not (args.write or args.leave_out):
        return
    left_out = (args.leave_out or 0) - 1
    train = [e for j, part in enumerate(rows) if j != left_out for e in part]
    fitted = fit(train)
    threshold = pooled_threshold(train, args.cost)
    print(describe("written, on its own examples", train, fitted.probabilities(train), threshold, args.cost))
    used = [str(gold) for j, (gold, _) in enumerate(parts) if j != left_out]
    meta = {
        "name": "sitrep incident gate",
        "trained": dt.date.today().isoformat(),
        "recipe": "scripts/train_incident_gate.py; data/models/incident_gate.README.md",
        "data": {"incidents": len(train), "no_news": sum(e.label for e in train), "parts": len(used)},
        "l2": L2,
        "cost": args.cost,
        "threshold": threshold,
        "threshold_rule": f"pooled over inner folds {list(PARTITIONS)}, smoothed +-{SMOOTHING / 100:.2f}",
    }
    write_model(fitted, (MODEL_FILE, META_FILE), meta, ("news-like", "like no news"), args.out)


if __name__ == "__main__":
    main()
