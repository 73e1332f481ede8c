"""Score the event-type model cross-fitted by part of dev, on sentences: fit without one part's gold, type that
part's gold mentions where a trigger is found (as classification does at run time), for each part in turn.

    python scripts/crossfit_typing.py /tmp/halves/dev-a/gold /tmp/halves/dev-b/gold /tmp/halves/dev-new/gold
    python scripts/crossfit_typing.py A B C --l2 0.001 --l2 0.0003   # choose the penalty cross-fitted

Cheaper than ingesting each part with a model trained without it (scripts/train_typing.py --without, README of
evaluation/training), so a recipe's choice (the L2 penalty) can be swept; the pipeline figures decide what ships.
The temperature and the weights of the rules' type are the shipped model's (its meta), held fixed across the
sweep. Prints type accuracy and sub-type weighted F1 per part, and each part's commonest confusions.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import train_typing as T  # type: ignore[import-not-found]  # noqa: E402

from sitrep.data import data_path  # noqa: E402
from sitrep.evaluate import refuse_held_out  # noqa: E402
from sitrep.extract.typing_model import META_FILE, NOT_AN_EVENT  # noqa: E402


def part_scores(
    examples: list[T.Example], part_of: list[str | None], held_out: str, l2: float, meta: dict[str, object]
) -> tuple[dict[str, float], Counter[tuple[str, str]]]:
    """Fit on every example but the part ``held_out``'s and score that part's triggered gold mentions."""
    labels = sorted({e.label for e in examples})
    target = np.array([labels.index(e.label) for e in examples])
    train = [i for i, p in enumerate(part_of) if p != held_out]
    test = [
        i
        for i, p in enumerate(part_of)
        if p == held_out and examples[i].label != NOT_AN_EVENT and examples[i].rule_label
    ]
    names = T.vocabulary([examples[i] for i in train])
    index = {n: j for j, n in enumerate(names)}
    rows = [[index[f] for f in e.features or [] if f in index] for e in examples]
    T.L2 = l2
    weights = T.fit([rows[i] for i in train], target[train], len(names), len(labels))
    scores = T.predict(weights, [rows[i] for i in test])
    bonus = (float(meta["convention_weight"]), float(meta["lexicon_weight"]), float(meta["weak_weight"]))  # type: ignore[arg-type]
    temperature, by_model = float(meta["temperature"]), bool(meta["sub_type_by_model"])  # type: ignore[arg-type]
    said = [T._as_classified(examples[i], scores[k], labels, bonus, temperature, by_model) for k, i in enumerate(test)]
    gold = [examples[i].label for i in test]
    return T.scores_of(gold, said), Counter((g, s) for g, s in zip(gold, said, strict=True) if g != s)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("golds", type=Path, nargs="+", help="the parts' gold folders (articles in corpus/ beside)")
    parser.add_argument("--l2", type=float, action="append", help="penalties to score (default: the recipe's)")
    parser.add_argument("--confusions", type=int, default=8, help="commonest confusions shown per part")
    args = parser.parse_args(argv)
    refuse_held_out(list(args.golds))
    part_of_doc = {doc: str(gold) for gold in args.golds for doc in T.documents_of(gold)}
    examples = T.written_examples() + T.real_dev_examples(frozenset(), tuple(args.golds)) + T.ucdp_dev_examples()
    T.featurise(examples)
    part_of = [part_of_doc.get(e.group) if e.source == "real" else None for e in examples]
    meta = json.loads(data_path(*META_FILE).read_text(encoding="utf-8"))
    for l2 in args.l2 or [T.L2]:
        figures = []
        for gold in args.golds:
            scores, confusions = part_scores(examples, part_of, str(gold), l2, meta)
            figures.append(scores)
            print(f"L2 {l2:g} without {gold}: {json.dumps(scores)}")
            for (wanted, given), n in confusions.most_common(args.confusions):
                print(f"    {n:3d}  gold {wanted}  ->  {given}")
        type_mean = np.mean([f["type_accuracy"] for f in figures])
        sub_mean = np.mean([f["sub_type_weighted_f1"] for f in figures])
        print(f"L2 {l2:g}: mean type {type_mean:.4f}, mean sub-type F1 {sub_mean:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
