"""Cross-article event resolution: cluster mentions into events, compare figures and claims, profile sources."""

from sitrep.resolve.claims import ClaimGroup, group_claims
from sitrep.resolve.cluster import Resolution, event_id_for, resolve_group, resolve_mentions
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.contradictions import find_contradictions
from sitrep.resolve.derive import derive_event
from sitrep.resolve.scoring import match_score
from sitrep.resolve.sources import SourceProfile, source_profiles
from sitrep.resolve.store import CandidateSource, HistoryEntry, InMemoryEvents

__all__ = [
    "CandidateSource",
    "ClaimGroup",
    "HistoryEntry",
    "InMemoryEvents",
    "Resolution",
    "ResolveConfig",
    "SourceProfile",
    "derive_event",
    "event_id_for",
    "find_contradictions",
    "group_claims",
    "load_config",
    "match_score",
    "resolve_group",
    "resolve_mentions",
    "source_profiles",
]
