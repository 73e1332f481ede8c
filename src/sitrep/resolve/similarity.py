"""Small comparison helpers: distance between places, overlap of dates, text and actor similarity."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable

# one reading of a figure's bounds for extraction and resolution (re-exported for the resolver's modules)
from sitrep.geo.distance import haversine_km
from sitrep.model import INHERITED_ROLE, LOCATION_ROLE, ActorRole, DateInterval, Mention, Place
from sitrep.resolve.config import ResolveConfig
from sitrep.resolve.coreference import contains, names_a_speaker, names_another_role

_WORD = re.compile(r"[a-z0-9]+")


def coarser_precision(a: str, b: str, cfg: ResolveConfig) -> str:
    rank = cfg.place_precision_rank
    return a if rank.index(a) >= rank.index(b) else b


def same_country(a: Place, b: Place) -> bool | None:
    """True/False when both know their country, None when either does not."""
    if not a.country or not b.country:
        return None
    return a.country.upper() == b.country.upper()


def place_score(a: Place, b: Place, cfg: ResolveConfig) -> float:
    """1 for the same place; two different places within the tolerance of the coarser precision score
    at most ``distinct_place_max``, falling to 0 at the tolerance; beyond it they are incompatible."""
    country = same_country(a, b)
    if country is False:
        return 0.0
    tolerance = cfg.place_tolerance_km.get(coarser_precision(a.precision, b.precision, cfg))
    if tolerance is None:  # one side only names a country or region: consistent but weak
        return 0.5 if country else cfg.missing_component_score
    distance = haversine_km(a.lat, a.lon, b.lat, b.lon)
    if distance > tolerance:
        return 0.0
    if (a.gazetteer_id and a.gazetteer_id == b.gazetteer_id) or distance <= cfg.same_place_km:
        return 1.0
    # a site inside a town ("Abu Shouk camp" / "El Fasher") is one location; two named towns are two
    nested = a.precision != b.precision
    ceiling = cfg.nested_place_max if nested else cfg.distinct_place_max
    return ceiling * (1.0 - distance / tolerance)


def best_place_score(mine: Iterable[Place], theirs: Iterable[Place], cfg: ResolveConfig) -> float | None:
    """Best pairwise score, or None when either side has no resolved place."""
    theirs = list(theirs)
    scores = [place_score(a, b, cfg) for a in mine for b in theirs]
    return max(scores) if scores else None


def gap_days(a: DateInterval, b: DateInterval) -> int:
    """Days between two intervals, 0 when they overlap."""
    if a.overlaps(b):
        return 0
    return (b.start - a.end).days if a.end < b.start else (a.start - b.end).days


def date_score(a: DateInterval, b: DateInterval, cfg: ResolveConfig) -> float:
    coarse = a.precision if width(a) >= width(b) else b.precision
    overlap_value = cfg.date_overlap_score.get(coarse, cfg.missing_component_score)
    gap = gap_days(a, b)
    if gap == 0:
        return overlap_value
    if gap <= cfg.date_slack_days:
        return min(overlap_value, cfg.date_slack_score)
    return 0.0


def width(interval: DateInterval) -> int:
    return (interval.end - interval.start).days + 1


def intersect(a: DateInterval, b: DateInterval) -> tuple[dt.date, dt.date] | None:
    start, end = max(a.start, b.start), min(a.end, b.end)
    return (start, end) if start <= end else None


def actor_names(actors: Iterable[ActorRole]) -> set[str]:
    return {a.name.strip().lower() for a in actors if a.name}


def names_score(a: set[str], b: set[str], cfg: ResolveConfig) -> float | None:
    """Agreement of two sets of actor names; generic actors ("Unidentified Armed Group") count for little."""
    if not a or not b:
        return None
    specific_a, specific_b = a - cfg.generic_actors, b - cfg.generic_actors
    if specific_a & specific_b:
        return 0.6 + 0.4 * len(specific_a & specific_b) / len(specific_a | specific_b)
    if a & b:  # share only generic actors
        return 0.5
    if not specific_a or not specific_b:  # one side says "unidentified": no evidence either way
        return cfg.missing_component_score
    # same actor under another name: "Israel Defense Forces" vs "Military Forces of Israel"
    words_a = {w for name in specific_a for w in name_words(name, cfg)}
    words_b = {w for name in specific_b for w in name_words(name, cfg)}
    if words_a & words_b:
        return 0.5
    return 0.1


SIDE_OF_ROLE = {"actor1": 1, "assoc_actor1": 1, "actor2": 2, "assoc_actor2": 2}


def sides(actors: Iterable[ActorRole]) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for actor in actors:
        if actor.name:
            found.setdefault(SIDE_OF_ROLE.get(actor.role, 1), set()).add(actor.name.strip().lower())
    return found


def _mean_side_score(
    a: dict[int, set[str]], b: dict[int, set[str]], pairs: tuple[tuple[int, int], ...], cfg: ResolveConfig
) -> float | None:
    scores = [s for x, y in pairs if (s := names_score(a.get(x, set()), b.get(y, set()), cfg)) is not None]
    return sum(scores) / len(scores) if scores else None


def actor_score(
    mine: Iterable[ActorRole], theirs: Iterable[ActorRole], cfg: ResolveConfig, symmetric: bool = False
) -> float | None:
    """Agreement of actors side by side (actor1 with actor1, actor2 with actor2). Reports that swap the
    sides score ``actor_swap_score`` of that, or fully when the event type has no direction (Battles)."""
    a, b = sides(mine), sides(theirs)
    if not a or not b:
        return None
    aligned = _mean_side_score(a, b, ((1, 1), (2, 2)), cfg)
    swapped = _mean_side_score(a, b, ((1, 2), (2, 1)), cfg)
    if aligned is None and swapped is None:
        return None
    swap_factor = 1.0 if symmetric else cfg.actor_swap_score
    return max(aligned or 0.0, (swapped or 0.0) * swap_factor)


def name_words(name: str, cfg: ResolveConfig) -> frozenset[str]:
    return _name_words(name, cfg.actor_generic_words)


@functools.lru_cache(maxsize=65_536)
def _name_words(name: str, generic_words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(name) if w not in generic_words and len(w) > 1 and not w.isdigit())


def tokens(text: str, cfg: ResolveConfig) -> Counter[str]:
    words = _WORD.findall(text.lower())
    return Counter(w for w in words if len(w) >= cfg.text_min_token_length and w not in cfg.text_stopwords)


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm


def mention_places(mention: Mention) -> list[Place]:
    """Resolved places where the event happened (origins/destinations/context excluded when others exist).

    A sentence that names only a country or province ("in eastern Syria") is placed first at the town inside it
    that its context gives (another report of the incident names the town). A speaker's name or where a speaker
    is ("Barazi said", "a hospital source in Hassakeh") is no place of the event (``names_a_speaker``); where the
    attackers were or the wounded were taken ("positioned in", "taken to a hospital in") is one only when the sentence
    names no other (``names_another_role``)."""
    speaking = [pm for pm in mention.places if not names_a_speaker(pm, mention)]
    # Where the attackers were or the wounded were taken (place_of_another_role) places the event only when the
    # sentence names no other place.
    named = [pm for pm in speaking if not names_another_role(pm, mention)] or speaking
    located = [pm.place for pm in named if pm.place is not None and pm.role == LOCATION_ROLE]
    if located and all(p.precision in ("country", "admin1", "region") for p in located):
        inside = [
            pm.place
            for pm in mention.places
            if pm.place is not None and pm.role == INHERITED_ROLE and any(contains(p, pm.place) for p in located)
        ]
        return inside + located
    return located or [pm.place for pm in named if pm.place is not None]


def names_its_own_place(mention: Mention) -> bool:
    """The report's sentence names a place of the event itself (resolved), not only one it took from its context, a
    speaker's or one of another role."""
    return any(
        pm.role == LOCATION_ROLE
        and pm.place is not None
        and not names_a_speaker(pm, mention)
        and not names_another_role(pm, mention)
        for pm in mention.places
    )
