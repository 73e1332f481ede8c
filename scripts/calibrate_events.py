"""Calibrate the event confidence on whole pipeline runs: the chance that an extracted event is right.

    python scripts/calibrate_events.py /tmp/no-a.db=/tmp/halves/dev-a/gold /tmp/no-b.db=/tmp/halves/dev-b/gold
    python scripts/calibrate_events.py ... --write   # store the map in data/models/typing.meta.json

The typing model's confidence (scripts/train_typing.py) is calibrated on sentences: does this sentence report an
event of the type given? An exported event can be wrong in more ways than that: a second event for an incident
already stored, background told as news, the wrong day or place. Its ``confidence`` promises the chance that the
event and its type are right, so a second logistic map (``event_platt``: a, b of ``sigmoid(a * logit(c) + b)``)
is fitted here on stored runs, each event counting as right when ``sitrep eval`` matches it to a gold event
(type, date and place).

Each run must be out of sample for the model that made it: a store made by a model trained without that gold's
documents (``train_typing.py --without GOLD --out DIR``, the halves of dev from evaluation/real/halves.py). The
map is scored by cross-fitting (fitted on the other runs, scored on each), then fitted on all of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "evaluation"))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402
from train_typing import apply_platt  # type: ignore[import-not-found]  # noqa: E402
from typing_scores import reliability  # type: ignore[import-not-found]  # noqa: E402

from sitrep.data import data_path  # noqa: E402
from sitrep.evaluate import events_on, load_gold, match_events, strict_compatible  # noqa: E402
from sitrep.export.records import event_confidence  # noqa: E402
from sitrep.extract.typing_model import META_FILE  # noqa: E402
from sitrep.store import Store  # noqa: E402


def outcomes(db: str, gold_dir: Path) -> tuple[list[float], list[bool]]:
    """Each extracted event's confidence and whether ``sitrep eval`` matches it (type, date, place)."""
    store = Store.open(db if "://" in db else f"sqlite:///{db}")
    gold, _checks, documents = load_gold(gold_dir)
    extracted = events_on(store, documents)
    confidence_of = {event.id: event_confidence(event) for event in store.full_events()}
    right = {id(ex) for ex, _ in match_events(extracted, gold, strict_compatible)}
    return [confidence_of.get(ex.event_id, ex.mention.confidence) for ex in extracted], [
        id(ex) in right for ex in extracted
    ]


PRIOR = 1.0  # pulls the map toward the identity (a = 1, b = 0): a few hundred events, some bins nearly pure


def fit_platt(confidences: list[float], right: list[bool]) -> tuple[float, float]:
    """(a, b) of P(right) = sigmoid(a * logit(confidence) + b): damped Newton steps on the log-loss plus a
    quadratic pull toward the identity map, which keeps the fit finite when the runs are nearly separable."""
    x = np.log(np.clip(confidences, 1e-4, 1 - 1e-4) / (1 - np.clip(confidences, 1e-4, 1 - 1e-4)))
    y = np.array(right, dtype=float)
    theta = np.array([1.0, 0.0])
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(theta[0] * x + theta[1], -30, 30)))
        w = p * (1 - p)
        gradient = np.array([np.sum((p - y) * x), np.sum(p - y)]) + PRIOR * (theta - [1.0, 0.0])
        hessian = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]]) + PRIOR * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        theta = theta - np.clip(step, -1.0, 1.0)
        if np.abs(step).max() < 1e-8:
            break
    return float(theta[0]), float(theta[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runs", nargs="+", help="DB=GOLD: a store made out of sample, and the gold of its corpus")
    parser.add_argument("--write", action="store_true", help="write the map into the shipped model's meta")
    args = parser.parse_args(argv)
    runs, names = [], []
    for run in args.runs:
        db, _, gold = run.partition("=")
        if not gold:
            parser.error(f"{run}: expected DB=GOLD")
        runs.append(outcomes(db, Path(gold)))
        names.append(Path(gold).resolve().parent.name)  # the corpus: "dev-a" for /tmp/halves/dev-a/gold
    report: dict[str, object] = {}
    for k, (confidences, right) in enumerate(runs):
        others = [i for i in range(len(runs)) if i != k] or [k]
        platt = fit_platt(
            [c for i in others for c in runs[i][0]],
            [r for i in others for r in runs[i][1]],
        )
        _, before = reliability(confidences, right)
        table, after = reliability([apply_platt(c, platt) for c in confidences], right)
        report[names[k]] = {
            "events": len(right),
            "right": sum(right),
            "ece before": before,
            "ece after (map fitted on the other runs)": after,
            "reliability after": table,
        }
    platt = fit_platt([c for cs, _ in runs for c in cs], [r for _, rs in runs for r in rs])
    report["event_platt (all runs)"] = [round(platt[0], 4), round(platt[1], 4)]
    print(json.dumps(report, indent=1))
    if args.write:
        meta_file = data_path(*META_FILE)
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        meta["event_platt"] = [round(platt[0], 4), round(platt[1], 4)]
        meta["event calibration (cross-fitted on out-of-sample runs)"] = {
            k: {n: v for n, v in r.items() if n != "reliability after"} if isinstance(r, dict) else r
            for k, r in report.items()
        }
        meta_file.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        print(f"wrote event_platt into {meta_file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
