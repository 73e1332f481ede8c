"""Train the learned link of an article's reports (coreference.link_features, data/models/document_links.*).

    python scripts/train_document_links.py GOLD_1 DB_1 GOLD_2 DB_2 [GOLD_3 DB_3 ...]     # cross-fitted figures
    ... --write                          # the shipped link, fitted on every part given
    ... --write --without NAME --out DIR  # the link fitted on every part but NAME (a gold folder's parent's name)

Each DB is a store into which that gold folder's corpus was ingested (``sitrep ingest CORPUS --db DB``). The
examples are the pairs of reports of one article (the body's reports the grouping reads, not the headline's) whose
sentences both tell a gold event (the evaluator's ``same_passage`` on the event's ``mentions``): *one incident* when
they tell a gold event in common, else *two*. The fit is the background trainer's L2 logistic regression; the
threshold (the chance a report needs to join an incident told before it) is chosen by inner cross-fitting over the
training parts (fit on one, group the other), on the grouping's score: gold events that lead an incident of their
own, less incidents that only restate one led before.

The cross-fitted figures: for each part, the link fitted on the others groups its articles, against the named checks
(``coreference._checked_groups``). Development gold only (the halves of ``evaluation/real/dev``); never the test split.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from train_background import L2, Example, Fitted, fit, write_model  # noqa: E402

from sitrep.evaluate import gold_passages, load_gold, refuse_held_out, same_passage  # noqa: E402
from sitrep.extract.background import LogisticModel  # noqa: E402
from sitrep.model import Mention  # noqa: E402
from sitrep.resolve import coreference as co  # noqa: E402
from sitrep.resolve.incident_gate import _LEARNED  # noqa: E402
from sitrep.store import Store  # noqa: E402

THRESHOLDS = tuple(t / 100 for t in range(20, 81, 5))
# The grouping's score stands in for the F1 of the events it gives (an article's incidents are its events): a gold
# event that leads an incident is matched when that event's type, date and place are right (on the dev parts about
# two times in three: 214 of 333 on dev-new under the named checks), and an incident no gold event's passage tells is
# an event about half the time (the rest is background).
MATCHED_SHARE = 0.64
SILENT_SHARE = 0.5


@dataclass
class Article:
    name: str
    body: list[Mention]
    tells: dict[str, set[str]]  # report id -> the gold events its sentence tells
    features: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (earlier id, later id) -> cues


@dataclass
class Part:
    name: str
    articles: list[Article]
    gold: int  # the part's gold events


def read_part(gold_dir: Path, db: str) -> Part:
    """The articles of one part: their body reports (as the grouping reads them), what each tells by the gold, and
    the cues of every pair."""
    gold, _, documents = load_gold(gold_dir)
    store = Store.open(db, create=False)
    rules = co.load_rules()
    articles: list[Article] = []
    for stored in store.documents():
        if stored.document.name not in documents:
            continue
        events = [g for g in gold if g["doc"] == stored.document.name]
        mentions = [m for m in store.mentions_for_document(stored.id) if not m.background or m.background in _LEARNED]
        headline = co.headline_reports(mentions)
        body = [m for m in mentions if not any(m is h for h in headline)]
        tells = {
            m.id: {str(g["id"]) for g in events if any(same_passage(m.sentence.text, p) for p in gold_passages(g))}
            for m in body
        }
        article = Article(stored.document.name, body, tells)
        order = sorted({m.sentence.start for m in body})
        index = {start: i for i, start in enumerate(order)}
        towns = co.towns_told(body)
        for i, a in enumerate(body):
            for b in body[i + 1 :]:
                between = max(index[b.sentence.start] - index[a.sentence.start] - 1, 0)
                first = index[a.sentence.start] == 0
                article.features[(a.id, b.id)] = co.link_features(a, b, between, towns, rules, first=first)
        articles.append(article)
    store.close()
    return Part(gold_dir.parent.name, articles, len(gold))


def pair_examples(part: Part) -> list[Example]:
    found: list[Example] = []
    for article in part.articles:
        for (a, b), names in article.features.items():
            ta, tb = article.tells[a], article.tells[b]
            if ta and tb:
                found.append(Example(article.name, names, int(bool(ta & tb)), False, tuple(sorted(ta | tb))))
    return found


def as_model(fitted: Fitted, threshold: float) -> LogisticModel:
    return co.DocumentLinks({n: i for i, n in enumerate(fitted.names)}, np.asarray(fitted.weights), threshold)


def linked_groups(article: Article, model: LogisticModel) -> list[list[Mention]]:
    """``coreference._linked_groups`` on the cached cues."""
    groups: list[list[Mention]] = []
    for mention in article.body:
        chances = [sum(model.probability(article.features[(o.id, mention.id)]) for o in g) / len(g) for g in groups]
        best = max(range(len(groups)), key=lambda i: (chances[i], i), default=None)
        if best is None or chances[best] < model.threshold:
            groups.append([mention])
        else:
            groups[best].append(mention)
    return groups


@dataclass
class Score:
    led: int = 0  # gold events the first telling report of some incident tells
    told: int = 0  # gold events some report tells
    restated: int = 0  # incidents whose first telling report tells only gold events led before
    telling: int = 0  # incidents some report of which tells a gold event
    silent: int = 0  # incidents no report of which tells a gold event
    together: int = 0  # pairs of one incident grouped together
    apart: int = 0  # pairs of two incidents grouped apart
    pairs: int = 0

    def add(self, other: Score) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def value(self, gold: int) -> float:
        """The F1 the grouping stands for (``MATCHED_SHARE``, ``SILENT_SHARE``) over ``gold`` gold events."""
        return 2 * MATCHED_SHARE * self.led / max(self.telling + SILENT_SHARE * self.silent + gold, 1)

    def describe(self, gold: int) -> str:
        return (
            f"led {self.led}/{self.told}, incidents {self.telling} + {self.silent} telling none, restating"
            f" {self.restated}, pairs right {self.together + self.apart}/{self.pairs}, F1-like {self.value(gold):.3f}"
        )


def score(article: Article, groups: list[list[Mention]]) -> Score:
    s = Score()
    s.told = len(set().union(*article.tells.values())) if article.tells else 0
    led: set[str] = set()
    for group in groups:
        first = next((article.tells[m.id] for m in group if article.tells[m.id]), None)
        if first is None:
            s.silent += 1
            continue
        s.telling += 1
        if first <= led:
            s.restated += 1
        led |= first
    s.led = len(led)
    home = {m.id: i for i, g in enumerate(groups) for m in g}
    for a, b in article.features:
        ta, tb = article.tells[a], article.tells[b]
        if ta and tb:
            s.pairs += 1
            same, joined = bool(ta & tb), home[a] == home[b]
            s.together += int(same and joined)
            s.apart += int(not same and not joined)
    return s


def part_score(part: Part, model: LogisticModel | None) -> Score:
    total = Score()
    rules = co.load_rules()
    for article in part.articles:
        groups = linked_groups(article, model) if model is not None else co._checked_groups(article.body, rules)
        total.add(score(article, groups))
    return total


def choose_threshold(parts: list[Part]) -> float:
    """The threshold whose grouping scores best over the training parts, each grouped by the link fitted on the
    others (a single training part: fitted on itself)."""
    fitted = {p.name: fit([e for q in parts if q is not p or len(parts) == 1 for e in pair_examples(q)]) for p in parts}

    def total(threshold: float) -> float:
        return sum(part_score(p, as_model(fitted[p.name], threshold)).value(p.gold) for p in parts)

    return max(THRESHOLDS, key=lambda t: (total(t), -abs(t - 0.5)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parts", nargs="+", help="GOLD DB pairs")
    parser.add_argument("--write", action="store_true", help="fit on the parts and write the link")
    parser.add_argument("--without", help="leave out this part (its gold folder's parent's name) from the fit")
    parser.add_argument("--out", type=Path, help="folder to write the link to (default: the package's data/models)")
    parser.add_argument("--no-crossfit", action="store_true", help="skip the cross-fitted figures")
    args = parser.parse_args()
    if len(args.parts) % 2:
        parser.error("give GOLD DB pairs")
    golds = [Path(g) for g in args.parts[::2]]
    refuse_held_out(golds)
    parts = [read_part(g, db) for g, db in zip(golds, args.parts[1::2], strict=True)]
    if not args.no_crossfit:
        for held in parts:
            train = [p for p in parts if p is not held]
            threshold = choose_threshold(train)
            model = as_model(fit([e for p in train for e in pair_examples(p)]), threshold)
            print(f"{held.name}: named checks: {part_score(held, None).describe(held.gold)}")
            linked = part_score(held, model).describe(held.gold)
            print(f"{held.name}: link fitted on the others (threshold {threshold:.2f}): {linked}")
    if not args.write:
        return
    train = [p for p in parts if p.name != args.without]
    threshold = choose_threshold(train)
    rows = [e for p in train for e in pair_examples(p)]
    fitted = fit(rows)
    meta = {
        "name": "sitrep document links",
        "trained": dt.date.today().isoformat(),
        "recipe": "scripts/train_document_links.py; data/models/document_links.README.md",
        "data": {"pairs": len(rows), "one_incident": sum(e.label for e in rows), "parts": [p.name for p in train]},
        "l2": L2,
        "threshold": threshold,
    }
    write_model(fitted, (co.LINKS_MODEL_FILE, co.LINKS_META_FILE), meta, ("two incidents", "one incident"), args.out)


if __name__ == "__main__":
    main()
