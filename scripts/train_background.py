"""Train the learned background gate (src/sitrep/extract/background.py, ``BackgroundModel``) in seconds.

    python scripts/train_background.py GOLD_A DB_A GOLD_B DB_B          # cross-fit: fit on A, score B, and the reverse
    python scripts/train_background.py GOLD_A DB_A GOLD_B DB_B --write  # then fit on both and write the weights

Each DB is a store into which that gold folder's corpus was ingested (``sitrep ingest CORPUS --db DB``); its
reports, background ones included, are the examples. The training set (data/models/background.README.md): every
report of a gold document is labelled

- *incident* when its sentence is one of a gold event's ``mentions`` (the evaluator's ``same_passage``);
- *background* when its sentence is none of them (with ``--listed-only``, only when it is one of the checks'
  ``must_not_be_events``, the rest left out).

Only development gold (the halves of ``evaluation/real/dev``); never the test split. The threshold is the one that
best trades background caught against incident reports lost (``--cost`` incident reports weigh one background
report) on reports no rule covers, chosen on out-of-fold probabilities.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.data import data_path  # noqa: E402
from sitrep.evaluate import gold_passages, load_gold, refuse_held_out, same_passage  # noqa: E402
from sitrep.extract.background import META_FILE, MODEL_FILE, background_reason, model_features  # noqa: E402
from sitrep.store import Store  # noqa: E402

L2 = 3.0  # weight of the L2 penalty (on every weight, the bias's too): a few hundred examples, about 80 features


@dataclass
class Example:
    doc: str
    features: list[str]
    label: int  # 1 background, 0 incident
    ruled: bool  # a named rule already calls it background
    incidents: tuple[str, ...] = ()  # the gold events whose passage the sentence is


def examples(gold_dir: Path, db: str, listed_only: bool) -> list[Example]:
    gold, checks, documents = load_gold(gold_dir)
    not_events: dict[str, list[str]] = {}
    for row in checks.get("must_not_be_events", []):
        not_events.setdefault(row["doc"], []).append(str(row["text"]))
    store = Store.open(db, create=False)
    found: list[Example] = []
    for stored in store.documents():
        document = stored.document
        if document.name not in documents:
            continue
        for mention in store.mentions_for_document(stored.id):
            sentence = mention.sentence.text
            if not sentence:
                continue
            incidents = tuple(
                str(g.get("id"))
                for g in gold
                if g["doc"] == document.name and any(same_passage(sentence, p) for p in gold_passages(g))
            )
            if incidents:
                label = 0
            elif not listed_only or any(same_passage(sentence, p) for p in not_events.get(document.name, [])):
                label = 1
            else:
                continue
            ruled = bool(background_reason(mention, document.published))
            found.append(Example(document.name, model_features(mention, document), label, ruled, incidents))
    store.close()
    return found


@dataclass
class Fitted:
    names: list[str]
    weights: np.ndarray

    def probabilities(self, rows: list[Example]) -> np.ndarray:
        return np.asarray(1 / (1 + np.exp(-(design(rows, self.names) @ self.weights))), dtype=float)


def design(rows: list[Example], names: list[str]) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for r, e in enumerate(rows):
        for n in e.features:
            if n in index:
                x[r, index[n]] = 1.0
    return x


def incidents_kept(rows: list[Example], p: np.ndarray | None, threshold: float) -> int:
    """Gold incidents some report of which neither a rule nor (with ``p``) the gate calls background."""
    kept: set[str] = set()
    for i, e in enumerate(rows):
        if e.ruled or (p is not None and p[i] >= threshold):
            continue
        kept.update(e.incidents)
    return len(kept)


def fit(train: list[Example]) -> Fitted:
    """L2-penalised logistic regression by Newton's method (a few dozen features: exact and quick)."""
    names = sorted({n for e in train for n in e.features})
    x = design(train, names)
    y = np.array([e.label for e in train], dtype=float)
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + L2 * w
        hessian = (x.T * (p * (1 - p))) @ x + L2 * np.eye(len(names))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return Fitted(names, w)


def gain(rows: list[Example], p: np.ndarray, threshold: float, cost: float) -> tuple[float, int, int]:
    """Over reports no rule covers: background caught minus ``cost`` x incident reports lost, and both counts."""
    caught = sum(1 for e, q in zip(rows, p, strict=True) if not e.ruled and q >= threshold and e.label == 1)
    lost = sum(1 for e, q in zip(rows, p, strict=True) if not e.ruled and q >= threshold and e.label == 0)
    return caught - cost * lost, caught, lost


def best_threshold(rows: list[Example], p: np.ndarray, cost: float) -> float:
    grid = [t / 100 for t in range(50, 100)]
    return max(grid, key=lambda t: (gain(rows, p, t, cost)[0], t))


def inner_folds(rows: list[Example], folds: int) -> list[list[int]]:
    """Row indices in ``folds`` groups, whole documents each (a document's reports share its cues), in a fixed
    order of document names so that a retraining gives the same folds."""
    names = sorted({e.doc for e in rows})
    fold_of = {name: i % folds for i, name in enumerate(names)}
    return [[r for r, e in enumerate(rows) if fold_of[e.doc] == k] for k in range(folds)]


def held_out_threshold(rows: list[Example], cost: float, folds: int) -> float:
    """The threshold chosen on probabilities each of which a model fitted without its document gave (inner
    cross-validation within the training rows). A threshold chosen on the training rows' own probabilities is
    too low: a model is surer of the rows it was fitted on, and out of sample it then gates incident reports."""
    p = np.zeros(len(rows))
    for fold in inner_folds(rows, folds):
        held = set(fold)
        fitted = fit([e for r, e in enumerate(rows) if r not in held])
        p[fold] = fitted.probabilities([rows[r] for r in fold])
    return best_threshold(rows, p, cost)


def halves_parser(description: str | None) -> argparse.ArgumentParser:
    """A cross-fitted trainer's arguments: two dev halves, each a gold folder and the store its corpus went into."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    for half in ("a", "b"):
        parser.add_argument(f"gold_{half}", type=Path)
        parser.add_argument(f"db_{half}")
    return parser


def write_model(
    fitted: Fitted,
    files: tuple[tuple[str, ...], tuple[str, ...]],
    meta: dict[str, object],
    sides: tuple[str, str],
    folder: Path | None = None,
) -> None:
    """Writes the weights and the meta (``meta`` then the feature names) where the package reads them (or, under
    their own names, into ``folder``), and prints the features that weigh most each way (``sides``: what a low and a
    high probability mean)."""
    model_file, meta_file = (
        (data_path(*name) for name in files) if folder is None else (folder / name[-1] for name in files)
    )
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(model_file, weights=fitted.weights)
    meta_file.write_text(json.dumps({**meta, "features": fitted.names}, indent=1) + "\n", encoding="utf-8")
    top = sorted(zip(fitted.weights, fitted.names, strict=True))
    print(f"most {sides[0]}:", ", ".join(f"{n} {w:+.2f}" for w, n in top[:8]))
    print(f"most {sides[1]}:", ", ".join(f"{n} {w:+.2f}" for w, n in top[-8:]))


def describe(name: str, rows: list[Example], p: np.ndarray, threshold: float, cost: float) -> str:
    free = [e for e in rows if not e.ruled]
    _, caught, lost = gain(rows, p, threshold, cost)
    ruled_bg = sum(1 for e in rows if e.ruled and e.label == 1)
    ruled_lost = sum(1 for e in rows if e.ruled and e.label == 0)
    return (
        f"{name}: {len(rows)} reports ({sum(e.label for e in rows)} background); rules: {ruled_bg} background caught,"
        f" {ruled_lost} incident reports lost; of the {len(free)} the rules leave, gate at {threshold:.2f}:"
        f" {caught} background caught ({sum(e.label for e in free)} there), {lost} incident reports lost;"
        f" incidents still told {incidents_kept(rows, None, threshold)} -> {incidents_kept(rows, p, threshold)}"
    )


def main() -> None:
    parser = halves_parser(__doc__)
    parser.add_argument("--listed-only", action="store_true")
    parser.add_argument("--cost", type=float, default=2.0)
    parser.add_argument("--folds", type=int, default=4, help="inner folds that choose a half's own threshold")
    parser.add_argument("--write", action="store_true", help="fit on both halves and write the shipped weights")
    parser.add_argument("--write-half", choices=["a", "b"], help="write the model fit on one half (cross-fit runs)")
    args = parser.parse_args()
    refuse_held_out([args.gold_a, args.gold_b])
    a = examples(args.gold_a, args.db_a, args.listed_only)
    b = examples(args.gold_b, args.db_b, args.listed_only)
    out_of_fold: list[tuple[list[Example], np.ndarray]] = []
    for name, train, score in (("fit A, score B", a, b), ("fit B, score A", b, a)):
        fitted = fit(train)
        threshold = held_out_threshold(train, args.cost, args.folds)
        p = fitted.probabilities(score)
        print(describe(name, score, p, threshold, args.cost))
        out_of_fold.append((score, p))
    rows = [e for part, _ in out_of_fold for e in part]
    p_all = np.concatenate([p for _, p in out_of_fold])
    threshold = best_threshold(rows, p_all, args.cost)
    print(describe("out of fold, both halves", rows, p_all, threshold, args.cost))
    if args.write or args.write_half:
        train = {"a": a, "b": b}.get(args.write_half or "", a + b)
        fitted = fit(train)
        if args.write_half:  # the other half stays unseen: the threshold is the training half's own
            threshold = held_out_threshold(train, args.cost, args.folds)
        meta = {
            "name": "sitrep background gate",
            "trained": dt.date.today().isoformat(),
            "recipe": "scripts/train_background.py; data/models/background.README.md",
            "data": {
                "examples": len(train),
                "background": sum(e.label for e in train),
                "halves": args.write_half or "a+b",
            },
            "listed_only": args.listed_only,
            "l2": L2,
            "cost": args.cost,
            "threshold": threshold,
        }
        write_model(fitted, (MODEL_FILE, META_FILE), meta, ("incident-like", "background-like"))


if __name__ == "__main__":
    main()
