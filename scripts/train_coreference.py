"""Train the within-article pair judgement (sitrep.resolve.coreference.pair_cues, likeliest_incident) in seconds.

    python scripts/train_coreference.py GOLD_1 DB_1 GOLD_2 DB_2 [GOLD_3 DB_3 ...]  # cross-fit: AUC of each part
                                                                       # by the judgement fitted on the others
    python scripts/train_coreference.py ... --leave-out 2 --out DIR   # fitted on every part but the 2nd, into DIR
    python scripts/train_coreference.py ... --write                   # the shipped judgement, fitted on every part

Each DB is a store into which that gold folder's corpus was ingested (``sitrep ingest CORPUS --db DB``). An example
is a pair of reports of one article from two sentences (the earlier, the later), each the passage of exactly one
gold event (the evaluator's ``same_passage`` on the event's ``mentions``): label 1 when it is the same gold event,
0 when another. A report from the article's title is never the later one (the headline joins by its own rule). The
cues are ``coreference.pair_cues``: the grouping rules' evidence and what they do not weigh, none naming a war, a
place or an outlet. The fit is the background trainer's (L2 logistic regression, Newton's method). Development gold
only (the parts of ``evaluation/real/dev``); never the test split.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_background import Example, fit, write_model  # noqa: E402

from sitrep.evaluate import gold_passages, load_gold, refuse_held_out, same_passage  # noqa: E402
from sitrep.model import Mention  # noqa: E402
from sitrep.resolve import coreference as co  # noqa: E402
from sitrep.store import Store  # noqa: E402

FILES = (co.PAIR_MODEL_FILE, co.PAIR_META_FILE)
# judged_one_incident joins a report the rules would part only when the judgement is near sure: ranking the
# incidents a report may join, or parting reports below a threshold, gained nothing cross-fitted (README).
THRESHOLD = 0.9


def _gold_event(mention: Mention, events: list[dict[str, object]]) -> str | None:
    text = mention.sentence.text or ""
    hits = [str(g["id"]) for g in events if any(same_passage(text, p) for p in gold_passages(g))]
    return hits[0] if len(hits) == 1 else None


def examples(gold_dir: Path, db: str) -> list[Example]:
    gold, _, _ = load_gold(gold_dir)
    rules = co.load_rules()
    events = [g for g in gold if "event_type" in g]
    store = Store.open(db, create=False)
    rows: list[Example] = []
    for stored in store.documents():
        name = stored.document.name
        reports = [m for m in store.mentions_for_document(stored.id) if not m.background]
        labels = [_gold_event(m, [g for g in events if g["doc"] == name]) for m in reports]
        order = co._sentence_order(reports)
        for j, later in enumerate(reports):
            if labels[j] is None or later.headline:
                continue
            for i, earlier in enumerate(reports[:j]):
                if labels[i] is None or earlier.sentence.start == later.sentence.start:
                    continue
                apart = order[later.sentence.start] - order[earlier.sentence.start]
                cues = sorted(co.pair_cues(earlier, later, apart, rules))
                rows.append(Example(name, cues, int(labels[i] == labels[j]), False))
    store.close()
    return rows


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    ranks = np.empty(len(scores))
    ranks[np.argsort(scores)] = np.arange(1, len(scores) + 1)
    pos = float(labels.sum())
    neg = len(labels) - pos
    return float((ranks[labels == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def scores(model_names: list[str], weights: np.ndarray, rows: list[Example]) -> np.ndarray:
    index = {n: i for i, n in enumerate(model_names)}
    return np.array([sum(weights[index[f]] for f in e.features if f in index) for e in rows])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parts", nargs="+", help="GOLD DB pairs: a dev part's gold folder and the store of its corpus")
    parser.add_argument("--write", action="store_true", help="fit on every part and write the shipped weights")
    parser.add_argument("--leave-out", type=int, help="write the judgement fitted on every part but this one (1, ...)")
    parser.add_argument("--out", type=Path, help="folder to write to (default: the package's data/models)")
    args = parser.parse_args()
    if len(args.parts) % 2:
        parser.error("give GOLD DB pairs")
    golds = [Path(g) for g in args.parts[0::2]]
    refuse_held_out(golds)
    parts = [examples(g, db) for g, db in zip(golds, args.parts[1::2], strict=True)]
    for k, rows in enumerate(parts):
        train = [e for i, p in enumerate(parts) if i != k for e in p]
        fitted = fit(train)
        labels = np.array([e.label for e in rows], dtype=float)
        print(
            f"{golds[k]}: {len(rows)} pairs ({int(labels.sum())} one incident); cross-fitted AUC"
            f" {auc(scores(fitted.names, fitted.weights, rows), labels):.3f}"
        )
    if args.leave_out is None and not args.write:
        return
    keep = [p for i, p in enumerate(parts, 1) if i != args.leave_out]
    train = [e for p in keep for e in p]
    meta = {
        "name": "sitrep within-article pair judgement",
        "trained": dt.date.today().isoformat(),
        "recipe": "scripts/train_coreference.py; data/models/coreference.README.md",
        "data": {"pairs": len(train), "one_incident": sum(e.label for e in train), "parts": len(keep)},
        "threshold": THRESHOLD,
    }
    write_model(fit(train), FILES, meta, ("another incident", "one incident"), args.out)


if __name__ == "__main__":
    main()
