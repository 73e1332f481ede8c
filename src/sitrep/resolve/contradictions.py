"""Disagreements between the reports of one event: figures, dates, denials. Both sides are named."""

from __future__ import annotations

from itertools import combinations

from sitrep.model import Contradiction, Event, Mention, Quantity
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.similarity import effective_range, ranges_disjoint

# A big event could yield thousands of pairs; an analyst needs the disagreements, not every permutation.
MAX_PAIRS_PER_KIND = 50


def who(mention: Mention) -> str:
    """Who says it: the attribution chain, originator first, or the document name."""
    names = mention.chain.names()
    return " via ".join(names) if names else mention.doc


def describe_quantity(q: Quantity) -> str:
    bounds = effective_range(q.low, q.best, q.high)
    if bounds is None:
        return "?"
    low, high = bounds
    if q.best is not None and (low, high) == (q.best, q.best):
        return str(q.best)
    return f"{low}+" if high is None else f"{low}-{high}"


def figure_contradictions(event: Event) -> list[Contradiction]:
    found: list[Contradiction] = []
    by_id = {m.id: m for m in event.mentions}
    for figure in event.figures:
        for (id_a, qa), (id_b, qb) in combinations(figure.by_mention.items(), 2):
            a, b = effective_range(qa.low, qa.best, qa.high), effective_range(qb.low, qb.best, qb.high)
            if a is None or b is None or not ranges_disjoint(a, b):
                continue
            text = (
                f"{figure.kind}: {describe_quantity(qa)} ({who(by_id[id_a])}) vs "
                f"{describe_quantity(qb)} ({who(by_id[id_b])})"
            )
            found.append(Contradiction("figure", text, id_a, id_b, subject=figure.kind))
    return found[:MAX_PAIRS_PER_KIND]


def date_contradictions(event: Event) -> list[Contradiction]:
    dated = [m for m in event.mentions if m.date is not None and m.modality != "denied"]
    found: list[Contradiction] = []
    for a, b in combinations(dated, 2):
        assert a.date is not None and b.date is not None
        if a.date.overlaps(b.date):
            continue
        text = (
            f"date: {a.date.start}..{a.date.end} ({who(a)}) vs {b.date.start}..{b.date.end} ({who(b)})"
        )
        found.append(Contradiction("date", text, a.id, b.id, subject="date"))
    return found[:MAX_PAIRS_PER_KIND]


def denial_contradictions(event: Event, cfg: ResolveConfig) -> list[Contradiction]:
    denials = [m for m in event.mentions if m.modality == "denied"]
    assertions = [m for m in event.mentions if m.modality in cfg.asserting_modalities]
    found = [
        Contradiction("denial", f"{who(d)} denies what {who(a)} reports", a.id, d.id, subject=event.event_type)
        for d in denials
        for a in assertions
    ]
    return found[:MAX_PAIRS_PER_KIND]


def find_contradictions(event: Event, cfg: ResolveConfig | None = None) -> list[Contradiction]:
    """Figure, date and denial disagreements among an event's reports (beyond their stated bounds)."""
    cfg = cfg or load_config()
    return figure_contradictions(event) + date_contradictions(event) + denial_contradictions(event, cfg)
