"""The resolution rules from ``data/resolve.yaml``, read once into a typed object."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from sitrep.data import load_yaml


@dataclass(frozen=True, slots=True)
class ResolveConfig:
    type_confusions: dict[frozenset[str], float]
    place_tolerance_km: dict[str, float | None]
    place_precision_rank: tuple[str, ...]
    event_place_fineness: dict[str, int]
    date_slack_days: int
    date_slack_score: float
    date_overlap_score: dict[str, float]
    candidate_window_days: int
    restated_reach_days: int
    weights: dict[str, float]
    missing_component_score: float
    generic_actors: frozenset[str]
    actor_swap_score: float
    symmetric_actor_types: frozenset[str]
    subtype_strict_types: frozenset[str]
    same_place_km: float
    distinct_place_max: float
    nested_place_max: float
    actor_generic_words: frozenset[str]
    attach_threshold: float
    merge_threshold: float
    attach_without_date_or_place: float
    text_min_token_length: int
    text_stopwords: frozenset[str]
    asserting_modalities: frozenset[str]
    figure_modalities: frozenset[str]
    claim_similarity_threshold: float
    claim_stopwords: frozenset[str]
    document_reports_once: bool = True
    two_ways_need_the_day: bool = True
    lead_outvoted_by: int = 3
    told_window_max_days: int = 6
    recalled_day_gap_days: int = 6

    @property
    def fine_precisions(self) -> frozenset[str]:
        """The precisions ``event_place_fineness`` ranks as fine as a town (a site, a town, a district): places
        that say where an act was, not only around where."""
        fineness = self.event_place_fineness
        return frozenset(precision for precision, rank in fineness.items() if rank <= fineness.get("town", 0))


def config_from_dict(raw: dict[str, Any]) -> ResolveConfig:
    """Build a config from the YAML structure (tests pass their own variants)."""
    date = raw["date"]
    thresholds = raw["thresholds"]
    return ResolveConfig(
        type_confusions={frozenset(c["types"]): float(c["score"]) for c in raw["type_confusions"]},
        place_tolerance_km={k: (None if v is None else float(v)) for k, v in raw["place_tolerance_km"].items()},
        place_precision_rank=tuple(raw["place_precision_rank"]),
        event_place_fineness={k: int(v) for k, v in raw["event_place_fineness"].items()},
        date_slack_days=int(date["slack_days"]),
        date_slack_score=float(date["slack_score"]),
        date_overlap_score={k: float(v) for k, v in date["overlap_score"].items()},
        candidate_window_days=int(date["candidate_window_days"]),
        restated_reach_days=int(date.get("restated_reach_days", 0)),
        weights={k: float(v) for k, v in raw["weights"].items()},
        missing_component_score=float(raw["missing_component_score"]),
        generic_actors=frozenset(a.lower() for a in raw["generic_actors"]),
        actor_swap_score=float(raw["actor_swap_score"]),
        symmetric_actor_types=frozenset(raw["symmetric_actor_types"]),
        subtype_strict_types=frozenset(raw.get("subtype_strict_types", [])),
        same_place_km=float(raw["place_match"]["same_place_km"]),
        distinct_place_max=float(raw["place_match"]["distinct_place_max"]),
        nested_place_max=float(raw["place_match"]["nested_place_max"]),
        actor_generic_words=frozenset(str(w).lower() for w in raw.get("actor_generic_words", [])),
        attach_threshold=float(thresholds["attach"]),
        merge_threshold=float(thresholds["merge"]),
        attach_without_date_or_place=float(thresholds["attach_without_date_or_place"]),
        text_min_token_length=int(raw["text"]["min_token_length"]),
        text_stopwords=frozenset(raw["text"]["stopwords"]),
        asserting_modalities=frozenset(raw["asserting_modalities"]),
        figure_modalities=frozenset(raw["figure_modalities"]),
        claim_similarity_threshold=float(raw["claims"]["similarity_threshold"]),
        claim_stopwords=frozenset(raw["claims"]["stopwords"]),
        document_reports_once=bool(raw.get("document_reports_once", True)),
        two_ways_need_the_day=bool(raw.get("two_ways_need_the_day", True)),
        lead_outvoted_by=int(raw.get("lead_outvoted_by", 3)),
        told_window_max_days=int(raw.get("told_window_max_days", 6)),
        recalled_day_gap_days=int(raw.get("recalled_day_gap_days", 6)),
    )


@functools.cache
def load_config() -> ResolveConfig:
    return config_from_dict(load_yaml("resolve.yaml"))
