"""Incremental clustering: each new mention attaches to an existing event, starts one, or merges two."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

from sitrep.model import Event, Mention
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.derive import derive_event
from sitrep.resolve.scoring import match_score
from sitrep.resolve.store import CandidateSource

ResolutionAction = Literal["new", "attach", "merge"]
# How many reports of an event are tried when checking two events may be merged.
MERGE_CHECK_MENTIONS = 5


@dataclass(slots=True)
class Resolution:
    mention_id: str
    event_id: str
    action: ResolutionAction
    score: float
    merged_from: list[str] = field(default_factory=list)  # event ids absorbed into event_id (now redirects)


def event_id_for(mention: Mention) -> str:
    """Deterministic: the same first report always gives the same event id."""
    return "ev_" + hashlib.sha1(mention.id.encode("utf-8")).hexdigest()[:12]


def attach_threshold(mention: Mention, cfg: ResolveConfig) -> float:
    """Mentions without date and place must clear a higher bar: other evidence has to be strong."""
    has_place = any(pm.place is not None for pm in mention.places)
    if mention.date is None and not has_place:
        return cfg.attach_without_date_or_place
    return cfg.attach_threshold


def rank_candidates(mention: Mention, candidates: list[Event], cfg: ResolveConfig) -> list[tuple[float, Event]]:
    scored = [(match_score(mention, event, cfg), event) for event in candidates]
    return sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1].id))


def mergeable(absorbed: Event, target: Event, cfg: ResolveConfig) -> bool:
    """Two events merge only if none of one's reports is hard-incompatible (type, date, place) with the other."""
    return all(match_score(m, target, cfg) > 0.0 for m in absorbed.mentions[:MERGE_CHECK_MENTIONS])


def resolve_mention(mention: Mention, events: CandidateSource, cfg: ResolveConfig) -> Resolution:
    existing = events.event_of_mention(mention.id)
    if existing is not None:  # already resolved: re-ingesting changes nothing
        return Resolution(mention.id, existing, "attach", 1.0)
    ranked = rank_candidates(mention, events.candidate_events(mention, cfg.candidate_window_days), cfg)
    best_score = ranked[0][0] if ranked else 0.0
    if best_score < attach_threshold(mention, cfg):
        event = derive_event(event_id_for(mention), [mention], cfg)
        events.save_event(event)
        return Resolution(mention.id, event.id, "new", best_score)
    target = ranked[0][1]
    absorbed = [e for s, e in ranked[1:] if s >= cfg.merge_threshold and mergeable(e, target, cfg)]
    if best_score < cfg.merge_threshold:
        absorbed = []
    reports = target.mentions + [m for e in absorbed for m in e.mentions] + [mention]
    for event in absorbed:
        events.retire_event(event.id, into=target.id)
    events.save_event(derive_event(target.id, reports, cfg))
    action: ResolutionAction = "merge" if absorbed else "attach"
    return Resolution(mention.id, target.id, action, best_score, [e.id for e in absorbed])


def resolve_mentions(
    mentions: list[Mention], events: CandidateSource, cfg: ResolveConfig | None = None
) -> list[Resolution]:
    """Resolve new mentions one by one against the store (incremental: nothing else is re-clustered)."""
    cfg = cfg or load_config()
    return [resolve_mention(mention, events, cfg) for mention in mentions]
