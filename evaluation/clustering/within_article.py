"""Within one article, are two reports put in one incident when the gold says they tell one? Pair scores of the
coreference rules, beside a learned pair scorer fitted on the other half (cross-fitting).

    python evaluation/clustering/within_article.py GOLD_A DB_A GOLD_B DB_B

Each DB is a store into which that gold folder's corpus was ingested. A pair is two reports of one document, neither
background nor from the title, each of whose sentences is a passage (``mentions``) of exactly one gold incident; the
pair is *one incident* when it is the same gold incident. The rules' answer is whether
``coreference.group_document_mentions`` put the two in one group. The learned scorer is an L2 logistic regression
over cues that hold in any article (same type or family, days and places each report names, countries, whether
one restates or only counts the dead, the distance between the sentences, shared words, and the rules' own
evidence), fitted on one half and scored on the other, both ways. Session 10: it did not beat the rules on both
halves, so the rules group alone. Development halves only (``evaluation/real/halves.py``); never the test split.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluate import gold_passages, load_gold, refuse_held_out, same_passage  # noqa: E402
from sitrep.model import Mention  # noqa: E402
from sitrep.resolve import coreference as co  # noqa: E402
from sitrep.store import Store  # noqa: E402

L2 = 3.0
_WORD = re.compile(r"[a-z]{4,}")
Pair = tuple[set[str], int, int]  # features, one incident by the gold, one group by the rules


def features(a: Mention, b: Mention, same_group: bool) -> set[str]:
    rules = co.load_rules()
    found = {"bias", "rule_same" if same_group else "rule_apart"}
    if a.event_type == b.event_type:
        found.add("same_type")
    if a.sub_event_type == b.sub_event_type:
        found.add("same_sub")
    if a.event_type != b.event_type and any(a.event_type in f and b.event_type in f for f in rules.type_families):
        found.add("family")
    if co.other_incident(a, b, rules):
        found.add("rule_other_incident")
    date_a, date_b = co.told_date(a), co.told_date(b)
    if date_a and date_b:
        found.add("dates_overlap" if date_a.overlaps(date_b) else "dates_apart")
    if co.own_date(a) is not None and co.own_date(b) is not None:
        found.add("both_own_day")
    if co.places_conflict(a, b):
        found.add("places_conflict")
    own_a, own_b = co.own_place_mentions(a), co.own_place_mentions(b)
    found.add("both_own_place" if own_a and own_b else "a_place_missing")
    countries_a, countries_b = co._countries(a), co._countries(b)
    if countries_a and countries_b and not countries_a & countries_b:
        found.add("countries_differ")
    if a.restates or b.restates:
        found.add("restates")
    if co.tells_a_toll(a) or co.tells_a_toll(b):
        found.add("toll_only")
    if co._turns_to_another(b, rules):
        found.add("turns")
    gap = abs(b.sentence.start - a.sentence.start)
    found.add("gap:" + ("0" if gap == 0 else "near" if gap < 400 else "mid" if gap < 1500 else "far"))
    words_a, words_b = set(_WORD.findall(a.sentence.text.lower())), set(_WORD.findall(b.sentence.text.lower()))
    share = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
    found.add("share:" + ("high" if share > 0.5 else "mid" if share > 0.25 else "low"))
    return found


def pairs(gold_dir: Path, db: str) -> list[Pair]:
    gold, _, documents = load_gold(gold_dir)
    store = Store.open(db, create=False)
    found: list[Pair] = []
    for stored in store.documents():
        name = stored.document.name
        if name not in documents:
            continue
        reports = [m for m in store.mentions_for_document(stored.id) if not m.background]
        group_of = {m.id: i for i, group in enumerate(co.group_document_mentions(reports)) for m in group}
        incident: dict[str, str] = {}
        for m in reports:
            told = {
                g["id"]
                for g in gold
                if g["doc"] == name and any(same_passage(m.sentence.text, p) for p in gold_passages(g))
            }
            if len(told) == 1:
                incident[m.id] = told.pop()
        labelled = [m for m in reports if m.id in incident and not m.headline]
        for a, b in itertools.combinations(labelled, 2):
            same_group = group_of[a.id] == group_of[b.id]
            found.append((features(a, b, same_group), int(incident[a.id] == incident[b.id]), int(same_group)))
    store.close()
    return found


def fit(rows: list[Pair]) -> tuple[list[str], np.ndarray]:
    names = sorted({n for f, _, _ in rows for n in f})
    x = np.array([[n in f for n in names] for f, _, _ in rows], dtype=float)
    y = np.array([r[1] for r in rows], dtype=float)
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1 / (1 + np.exp(-(x @ w)))
        step = np.linalg.solve((x.T * (p * (1 - p))) @ x + L2 * np.eye(len(names)), x.T @ (p - y) + L2 * w)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return names, w


def predict(model: tuple[list[str], np.ndarray], rows: list[Pair]) -> list[int]:
    names, w = model
    x = np.array([[n in f for n in names] for f, _, _ in rows], dtype=float)
    return [int(p >= 0.5) for p in 1 / (1 + np.exp(-(x @ w)))]


def describe(name: str, truth: list[int], guess: list[int]) -> str:
    tp = sum(t and g for t, g in zip(truth, guess, strict=True))
    fp = sum(g and not t for t, g in zip(truth, guess, strict=True))
    fn = sum(t and not g for t, g in zip(truth, guess, strict=True))
    right = sum(t == g for t, g in zip(truth, guess, strict=True))
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return (
        f"  {name}: accuracy {right / max(1, len(truth)):.3f}; one-incident pairs P {precision:.3f} R {recall:.3f}"
        f" (joined wrongly {fp}, split wrongly {fn})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_a", type=Path)
    parser.add_argument("db_a")
    parser.add_argument("gold_b", type=Path)
    parser.add_argument("db_b")
    args = parser.parse_args()
    refuse_held_out([args.gold_a, args.gold_b])
    a, b = pairs(args.gold_a, args.db_a), pairs(args.gold_b, args.db_b)
    for name, train, score in (("fit A, score B", a, b), ("fit B, score A", b, a)):
        truth = [r[1] for r in score]
        print(f"{name}: {len(score)} pairs, {sum(truth)} of one incident")
        print(describe("rules", truth, [r[2] for r in score]))
        print(describe("learned", truth, predict(fit(train), score)))


if __name__ == "__main__":
    main()
