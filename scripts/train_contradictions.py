"""Train the contradiction gate (src/sitrep/resolve/contradiction_model.py) in seconds.

    python scripts/train_contradictions.py GOLD_A DB_A GOLD_B DB_B                # cross-fit: fit on A, score B; back
    python scripts/train_contradictions.py GOLD_A DB_A GOLD_B DB_B --write-half a # the gate fitted on A alone
    python scripts/train_contradictions.py GOLD_A DB_A GOLD_B DB_B --write        # the shipped gate, fitted on both
    python scripts/train_contradictions.py GOLD_A DB_A GOLD_B DB_B --third GOLD_C DB_C  # by part: fit on 2, score 1

Each DB is a store into which that gold folder's corpus was ingested (``sitrep ingest CORPUS --db DB``). The
examples (data/models/contradictions.README.md) are every contradiction entry the rules find in the store with the
gate off (each event's entries, two events of one incident, denials of reports, claim groups), as ``sitrep eval``
scopes them (an entry with a report or claim of a gold document). An entry is *kept* when some pair of reports it
lists tells one gold disagreement (both sentences are passages of it: the scorer of ``sitrep eval``), else *no
disagreement*.

The fit (an L2 logistic regression) is the background trainer's; the threshold is chosen on probabilities of
documents left out of the fit (inner cross-validation): the highest precision that keeps the rules' own recall.
Development gold only (the halves of ``evaluation/real/dev``); never the test split. The cross-fit lines print
what ``sitrep eval`` would print for the other half: precision and recall, by the rules alone and gated.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_background import L2, Example, fit, halves_parser, inner_folds, write_model  # noqa: E402

from sitrep.evaluate import (  # noqa: E402
    dispute_passages,
    disputes_about,
    load_gold,
    load_jsonl,
    refuse_held_out,
)
from sitrep.model import Contradiction  # noqa: E402
from sitrep.pipeline import all_claim_contradictions  # noqa: E402
from sitrep.resolve.contradiction_model import (  # noqa: E402
    META_FILE,
    MODEL_FILE,
    EntryContext,
    entry_features,
    recording,
)
from sitrep.resolve.contradictions import find_contradictions  # noqa: E402
from sitrep.store import Store  # noqa: E402


@dataclass
class Half:
    """A training set: its entries, and the number of gold disagreements of its documents."""

    examples: list[Example]
    disputes: int


def examples(gold_dir: Path, db: str) -> tuple[list[Example], int]:
    gold, checks, documents = load_gold(gold_dir)
    store = Store.open(db, create=False)
    in_gold = set(documents)
    mentions = [m for m in store.all_mentions() if m.doc in in_gold]
    claims = [c for c in store.claims() if c.doc in in_gold]
    sentences = {m.id: (m.doc, m.sentence.text) for m in mentions} | {c.id: (c.doc, c.sentence.text) for c in claims}
    gold_claims = [c for path in sorted(gold_dir.glob("*.claims.jsonl")) for c in load_jsonl(path)]
    events = {g["id"]: g for g in gold if "id" in g}
    claim_of = {str(c.get("id")): c for c in gold_claims}
    disputes = [dispute_passages(item, events, claim_of) for item in checks.get("contradictions", [])]
    found: list[Example] = []
    seen: set[tuple[str, str, str, str]] = set()

    def record(entry: Contradiction, context: EntryContext) -> None:
        key = (context.origin, entry.kind, entry.a, entry.b)
        if key in seen or (entry.a not in sentences and entry.b not in sentences):
            return
        seen.add(key)
        pairs = entry.pairs or [(entry.kind, entry.a, entry.b)]
        told = {
            k
            for _, a, b in pairs
            for k in disputes_about(sentences.get(a), disputes) & disputes_about(sentences.get(b), disputes)
        }
        doc = (sentences.get(entry.a) or sentences.get(entry.b) or ("", ""))[0]
        label = int(not told)
        found.append(Example(doc, entry_features(entry, context), label, False, tuple(str(k) for k in sorted(told))))

    with recording(record):
        for event in store.full_events():
            if any(m.doc in in_gold for m in event.mentions):
                find_contradictions(event)
        all_claim_contradictions(store)
    store.close()
    return found, len(disputes)


def scores(rows: list[Example], disputes: int, p: np.ndarray | None, threshold: float) -> str:
    """Precision and recall of the entries the gate keeps (all with ``p`` None), as ``sitrep eval`` counts them."""
    kept = [e for i, e in enumerate(rows) if p is None or p[i] < threshold]
    right = sum(1 for e in kept if e.label == 0)
    told = {k for e in kept for k in e.incidents}
    precision = right / len(kept) if kept else 0.0
    recall = len(told) / disputes if disputes else 0.0
    return f"P {precision:.3f} ({right}/{len(kept)}) R {recall:.3f} ({len(told)}/{disputes})"


def precision_recall(rows: list[Example], disputes: int, p: np.ndarray, threshold: float) -> tuple[float, float]:
    kept = [e for i, e in enumerate(rows) if p[i] < threshold]
    precision = sum(1 for e in kept if e.label == 0) / len(kept) if kept else 0.0
    return precision, len({k for e in kept for k in e.incidents}) / disputes if disputes else 0.0


def held_out_threshold(half: Half, folds: int) -> float:
    """The threshold of the highest precision whose recall is still the rules' own, on probabilities each of which
    a model fitted without its document gave (inner cross-validation within the training half): what an analyst
    loses is disagreements not shown, so the gate may drop only what the rules' recall does not need. A threshold
    chosen on the training rows' own probabilities would be too bold out of sample."""
    rows = half.examples
    p = np.zeros(len(rows))
    for fold in inner_folds(rows, folds):
        held = set(fold)
        fitted = fit([e for r, e in enumerate(rows) if r not in held])
        p[fold] = fitted.probabilities([rows[r] for r in fold])
    rules_recall = precision_recall(rows, half.disputes, np.zeros(len(rows)), 1.0)[1]
    grid = [t / 100 for t in range(10, 100)]
    allowed = [t for t in grid if precision_recall(rows, half.disputes, p, t)[1] >= rules_recall] or [0.99]
    return max(allowed, key=lambda t: (precision_recall(rows, half.disputes, p, t)[0], t))


def crossfit_parts(parts: dict[str, Half], folds: int) -> None:
    """Each part scored by the gate fitted on the other parts (its threshold chosen within them), against the rules
    alone: what ``sitrep eval`` would print for that part."""
    for name, score in parts.items():
        others = [half for other, half in parts.items() if other != name]
        train = Half([e for half in others for e in half.examples], sum(half.disputes for half in others))
        threshold = held_out_threshold(train, folds)
        p = fit(train.examples).probabilities(score.examples)
        print(
            f"fit on the others, score {name}: rules alone {scores(score.examples, score.disputes, None, 1.0)};"
            f" gate at {threshold:.2f} {scores(score.examples, score.disputes, p, threshold)}"
        )


def main() -> None:
    parser = halves_parser(__doc__)
    parser.add_argument("--third", nargs=2, metavar=("GOLD_C", "DB_C"), help="a third part: cross-fit by part")
    parser.add_argument("--folds", type=int, default=4, help="inner folds that choose the threshold")
    parser.add_argument("--write", action="store_true", help="fit on both halves and write the shipped weights")
    parser.add_argument("--write-half", choices=["a", "b"], help="write the gate fitted on one half (cross-fit runs)")
    args = parser.parse_args()
    refuse_held_out([args.gold_a, args.gold_b] + ([Path(args.third[0])] if args.third else []))
    a, b = Half(*examples(args.gold_a, args.db_a)), Half(*examples(args.gold_b, args.db_b))
    if args.third:
        crossfit_parts({"A": a, "B": b, "C": Half(*examples(Path(args.third[0]), args.third[1]))}, args.folds)
        return
    for name, train, score in (("fit A, score B", a, b), ("fit B, score A", b, a)):
        fitted = fit(train.examples)
        threshold = held_out_threshold(train, args.folds)
        p = fitted.probabilities(score.examples)
        print(
            f"{name}: {len(score.examples)} entries ({sum(e.label for e in score.examples)} no disagreement);"
            f" rules alone {scores(score.examples, score.disputes, None, 1.0)};"
            f" gate at {threshold:.2f} {scores(score.examples, score.disputes, p, threshold)}"
        )
    if not (args.write or args.write_half):
        return
    half = {"a": a, "b": b}.get(args.write_half or "") or Half(a.examples + b.examples, a.disputes + b.disputes)
    rows = half.examples
    fitted = fit(rows)
    threshold = held_out_threshold(half, args.folds)
    meta = {
        "name": "sitrep contradiction gate",
        "trained": dt.date.today().isoformat(),
        "recipe": "scripts/train_contradictions.py; data/models/contradictions.README.md",
        "data": {
            "entries": len(rows),
            "no_disagreement": sum(e.label for e in rows),
            "halves": args.write_half or "a+b",
        },
        "l2": L2,
        "threshold": threshold,
    }
    write_model(fitted, (MODEL_FILE, META_FILE), meta, ("kept", "like no disagreement"))


if __name__ == "__main__":
    main()
