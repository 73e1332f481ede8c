"""Train the incident gate (src/sitrep/resolve/incident_gate.py) in seconds.

    python scripts/train_incident_gate.py GOLD_A DB_A GOLD_B DB_B                # cross-fit: fit on A, score B; back
    python scripts/train_incident_gate.py GOLD_A DB_A GOLD_B DB_B --write-half a # the gate fitted on A alone
    python scripts/train_incident_gate.py GOLD_A DB_A GOLD_B DB_B --write        # the shipped gate, fitted on both
    python scripts/train_incident_gate.py GOLD_A DB_A GOLD_B DB_B --fates        # what became of the gated incidents
    ... --write-half a --out DIR  # into DIR instead of the package's data/models

The whole recipe (typing models trained without each half, the halves ingested, this fit, the cross-fitted
scores, the shipped weights) is one command: scripts/crossfit_incident_gate.py.

Each DB is a store into which that gold folder's corpus was ingested (``sitrep ingest CORPUS --db DB``). The
examples (data/models/incident_gate.README.md) are the incidents each gold article is split into
(``incident_gate.article_incidents``), after its first: an incident is *news* when its reports tell a gold event
(the evaluator's ``same_passage`` on the event's ``mentions``) that no incident told before it in the article
tells, else *no news of its own* (it restates an incident told before, or tells none: background).

The fit (an L2 logistic regression) and the threshold are the background trainer's: the threshold is chosen on
probabilities of documents left out of the fit (inner cross-validation), trading incidents caught against news
lost at ``--cost`` to one. Development gold only (the halves of ``evaluation/real/dev``); never the test split.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_background import L2, Example, fit, gain, halves_parser, held_out_threshold, write_model  # noqa: E402

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


def main() -> None:
    parser = halves_parser(__doc__)
    parser.add_argument("--cost", type=float, default=3.0, help="news incidents lost weigh this many caught")
    parser.add_argument("--folds", type=int, default=4, help="inner folds that choose the threshold")
    parser.add_argument("--write", action="store_true", help="fit on both halves and write the shipped weights")
    parser.add_argument("--write-half", choices=["a", "b"], help="write the gate fitted on one half (cross-fit runs)")
    parser.add_argument("--out", type=Path, help="folder to write the gate to (default: the package's data/models)")
    parser.add_argument("--fates", action="store_true", help="count the gated incidents of stores ingested with it")
    args = parser.parse_args()
    refuse_held_out([args.gold_a, args.gold_b])
    if args.fates:
        for gold_dir, db in ((args.gold_a, args.db_a), (args.gold_b, args.db_b)):
            for (fate, truth), n in sorted(fates(gold_dir, db).items()):
                print(f"{gold_dir}: {n:4d} gated, {fate}; by the gold {truth}")
        return
    a, b = examples(args.gold_a, args.db_a), examples(args.gold_b, args.db_b)
    for name, train, score in (("fit A, score B", a, b), ("fit B, score A", b, a)):
        fitted = fit(train)
        threshold = held_out_threshold(train, args.cost, args.folds)
        print(describe(name, score, fitted.probabilities(score), threshold, args.cost))
    if not (args.write or args.write_half):
        return
    train = {"a": a, "b": b}.get(args.write_half or "", a + b)
    fitted = fit(train)
    threshold = held_out_threshold(train, args.cost, args.folds)
    print(describe("written, on its own examples", train, fitted.probabilities(train), threshold, args.cost))
    meta = {
        "name": "sitrep incident gate",
        "trained": dt.date.today().isoformat(),
        "recipe": "scripts/train_incident_gate.py; data/models/incident_gate.README.md",
        "data": {"incidents": len(train), "no_news": sum(e.label for e in train), "halves": args.write_half or "a+b"},
        "l2": L2,
        "cost": args.cost,
        "threshold": threshold,
    }
    write_model(fitted, (MODEL_FILE, META_FILE), meta, ("news-like", "like no news"), args.out)


if __name__ == "__main__":
    main()
