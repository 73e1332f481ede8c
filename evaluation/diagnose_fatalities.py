"""Why the death toll disagrees with gold on matched events: a developer's view of `sitrep eval`'s fatalities field.

Matches gold and extracted events exactly as `sitrep eval` does, then, for every matched event whose toll
differs, prints gold vs ours (the report `sitrep eval` scores) with its sentence, and every other toll the same
document's reports of that event give, grouped by kind of error, with counts. An event has one toll for all its
articles: where the document's own toll (``derive.article_figure``) is right and the event's, taken over its articles,
is not, the error is the articles' disagreement, counted apart. Actors: `diagnose_actors.py`.

    .venv/bin/sitrep ingest evaluation/real/dev/corpus --db /tmp/dev.db -q
    .venv/bin/python evaluation/diagnose_fatalities.py evaluation/real/dev/gold --db sqlite:////tmp/dev.db [--only KIND]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sitrep.evaluate import (
    Extracted,
    fatalities_agree,
    match_gold,
    our_fatalities,
)
from sitrep.model import Mention
from sitrep.resolve.config import load_config
from sitrep.resolve.derive import article_figure

_FIGURE_MODALITIES = load_config().figure_modalities


def _toll(mention: Mention) -> str:
    f = mention.fatalities
    if f is None:
        return "-"
    span = f" «{f.span.text}»" if f.span and f.span.text else ""
    return f"{f.low}/{f.best}/{f.high}{span}"


def error_kind(
    ours: int | None, gold: dict[str, Any], others: list[int | None], own: int | None = None, articles: int = 1
) -> str | None:
    """The kind of disagreement, or None when the tolls agree. ``own`` is the toll the document's own reports give
    the event (``derive.article_figure``) and ``articles`` how many documents report the event: when the document's
    own toll agrees and the event's, taken over its articles, does not, the event follows its other articles (one
    figure per event, articles that disagree), which no reading of this document can mend."""
    if fatalities_agree(ours, gold):
        return None
    if articles > 1 and own is not None and fatalities_agree(own, gold):
        return "the article's toll is right; the event's follows its other articles"
    if gold.get("fatalities") is None:
        return "toll where gold has none"
    if ours is None:
        if any(fatalities_agree(o, gold) for o in others if o is not None):
            return "no toll in the lead report; another report has it"
        return "no toll read" if all(o is None for o in others) else "no toll in the lead; others wrong"
    if any(fatalities_agree(o, gold) for o in others):
        return "wrong toll in the lead; another report has it"
    return "higher than gold" if ours > gold["fatalities"] else "lower than gold"


def _own_toll(reports: list[Mention]) -> int | None:
    """The toll the document's own reports give the event, as the event's figure reads each article's."""
    told = [(m, m.fatalities) for m in reports if m.fatalities is not None and m.modality in _FIGURE_MODALITIES]
    return article_figure(told) if told else None


def _same_event_reports(ex: Extracted, by_event: dict[str, list[Mention]]) -> list[Mention]:
    return [m for m in by_event.get(ex.event_id, []) if m.doc == ex.doc and m.id != ex.mention.id]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--only", help="print only errors of this kind")
    args = parser.parse_args()
    run = match_gold(args.gold_dir, args.db)
    by_event = {event.id: list(event.mentions) for event in run.store.full_events()}
    matched = run.matched

    by_kind: dict[str, list[str]] = defaultdict(list)
    correct = 0
    for ex, g in sorted(matched, key=lambda pair: (pair[1]["doc"], pair[1].get("id", ""))):
        others = _same_event_reports(ex, by_event)
        reports = by_event.get(ex.event_id, [])
        kind = error_kind(
            our_fatalities(ex.mention),
            g,
            [our_fatalities(m) for m in others],
            _own_toll([m for m in reports if m.doc == ex.doc]),
            len({m.doc for m in reports}),
        )
        if kind is None:
            correct += 1
            continue
        lines = [
            f"{g['doc']} {g.get('id')} {ex.mention.event_type}",
            f"    gold: {g.get('fatalities')} range {g.get('fatalities_range')}",
            f"    ours: {_toll(ex.mention)}  «{' '.join(ex.mention.sentence.text.split())[:220]}»",
        ]
        lines += [f"    also: {_toll(m)}  «{' '.join(m.sentence.text.split())[:160]}»" for m in others]
        by_kind[kind].append("\n".join(lines))
    counts = Counter({kind: len(lines) for kind, lines in by_kind.items()})
    for kind, lines in sorted(by_kind.items(), key=lambda item: -len(item[1])):
        if args.only and kind != args.only:
            continue
        print(f"\n=== {kind} ({len(lines)}) ===")
        print("\n".join(lines))
    print(f"\nmatched events: {len(matched)}; toll correct: {correct}")
    for kind, n in counts.most_common():
        print(f"  {n:4d}  {kind}")


if __name__ == "__main__":
    main()
