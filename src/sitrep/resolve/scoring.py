"""How well one event mention fits one existing event: ``match_score`` in [0, 1]."""

from __future__ import annotations

import functools
from collections import Counter

from sitrep.extract.quantities import effective_range, ranges_disjoint
from sitrep.model import Event, Mention, Place
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.similarity import (
    actor_score,
    best_place_score,
    cosine,
    date_score,
    mention_places,
    names_its_own_place,
    tokens,
)

# Comparing against every report of a big event is wasteful; the first few carry the wording.
MAX_TEXT_COMPARISONS = 5


def type_score(a: str, b: str, cfg: ResolveConfig) -> float:
    if a == b:
        return 1.0
    return cfg.type_confusions.get(frozenset((a, b)), 0.0)


@functools.lru_cache(maxsize=100_000)
def _sentence_tokens(text: str) -> Counter[str]:
    return tokens(text, load_config())


def text_score(mention: Mention, event: Event) -> float | None:
    mine = _sentence_tokens(mention.sentence.text) if mention.sentence.text else None
    if not mine:
        return None
    scores = [
        cosine(mine, _sentence_tokens(other.sentence.text))
        for other in event.mentions[:MAX_TEXT_COMPARISONS]
        if other.sentence.text
    ]
    return max(scores) if scores else None


def fatality_score(mention: Mention, event: Event) -> float | None:
    """Agreeing death tolls are mild evidence; disagreeing ones are common across outlets, so only mildly against."""
    if mention.fatalities is None:
        return None
    figure = next((f for f in event.figures if f.kind == mention.fatalities.kind), None)
    if figure is None:
        return None
    mine = effective_range(mention.fatalities.low, mention.fatalities.best, mention.fatalities.high)
    theirs = effective_range(figure.low, figure.best, figure.high)
    if mine is None or theirs is None:
        return None
    return 0.3 if ranges_disjoint(mine, theirs) else 1.0


def placing_places(event: Event) -> list[Place]:
    """Where the event's reports say it was: the places of the reports that name a place of their own; a place a
    report only took from the sentences before it is a guess, and places the event only when no report names one
    (own_places_place_the_event)."""
    placing = [m for m in event.mentions if names_its_own_place(m)]
    if not placing:
        return event.places
    return [p for m in placing for p in mention_places(m)]


def score_components(mention: Mention, event: Event, cfg: ResolveConfig) -> dict[str, float | None]:
    """Each piece of evidence in [0, 1], None when either side lacks it. Hard conflicts give 0 and stop
    the comparison early (most candidates fail on place or date, and this is the hot loop)."""
    if cfg.document_reports_once and any(m.doc == mention.doc and m.id != mention.id for m in event.mentions):
        # Restatements within a document were grouped before resolution; what is left is another incident.
        return {"document": 0.0}
    components: dict[str, float | None] = {"type": type_score(mention.event_type, event.event_type, cfg)}
    if mention.event_type in cfg.subtype_strict_types and mention.sub_event_type != event.sub_event_type:
        components["type"] = 0.0  # an arrest campaign and a troop movement are different events
    if not components["type"]:
        return components
    components["date"] = (
        date_score(mention.date, event.date, cfg) if mention.date is not None and event.date is not None else None
    )
    if components["date"] == 0.0:
        return components
    components["place"] = best_place_score(mention_places(mention), placing_places(event), cfg)
    if components["place"] == 0.0:
        return components
    symmetric = mention.event_type in cfg.symmetric_actor_types
    components["actors"] = actor_score(mention.actors, event.actors, cfg, symmetric)
    components["fatalities"] = fatality_score(mention, event)
    components["text"] = text_score(mention, event)
    return components


# A zero here means "cannot be the same incident", whatever else agrees.
HARD_COMPONENTS = ("document", "type", "date", "place")
# Missing date or place is not evidence for a match: it scores the (low) missing value instead.
REQUIRED_COMPONENTS = ("date", "place")


def combine(components: dict[str, float | None], cfg: ResolveConfig) -> float:
    if any(components.get(name) == 0.0 for name in HARD_COMPONENTS):
        return 0.0
    total = weight_sum = 0.0
    for name, value in components.items():
        if value is None and name not in REQUIRED_COMPONENTS:
            continue
        weight = cfg.weights.get(name, 0.0)
        total += weight * (cfg.missing_component_score if value is None else value)
        weight_sum += weight
    return total / weight_sum if weight_sum else 0.0


def match_score(mention: Mention, event: Event, cfg: ResolveConfig | None = None) -> float:
    """Compatibility of a mention with an event in [0, 1]; 0 if hard-incompatible (type, date, place)."""
    cfg = cfg or load_config()
    return combine(score_components(mention, event, cfg), cfg)
