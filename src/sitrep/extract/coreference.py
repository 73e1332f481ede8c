"""Within one document, sentences that restate the same incident are one event.

An article usually reports an incident in several sentences ("US forces are
moving soldiers ..." in the standfirst, again in the body with the place).
Mentions of the same type whose dates overlap and whose places and actors do
not conflict are grouped; the resolver then places each group as a whole.
"""

from __future__ import annotations

import math

from sitrep.model import Mention

# Two resolved places farther apart than this are different incidents.
CONFLICTING_PLACES_KM = 50.0


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = a, b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _fine_points(mention: Mention) -> list[tuple[float, float]]:
    return [
        (pm.place.lat, pm.place.lon)
        for pm in mention.places
        if pm.place is not None and pm.place.precision in {"site", "town", "admin2"}
    ]


def _countries(mention: Mention) -> set[str]:
    return {pm.place.country for pm in mention.places if pm.place is not None and pm.place.country}


def _actors(mention: Mention, role: str) -> set[str]:
    return {a.name for a in mention.actors if a.role == role and a.name != "Unidentified Armed Group"}


def same_incident(a: Mention, b: Mention) -> bool:
    if (a.event_type, a.sub_event_type, a.modality) != (b.event_type, b.sub_event_type, b.modality):
        return False
    if a.date is None or b.date is None or not a.date.overlaps(b.date):
        return False
    if (
        a.fatalities
        and b.fatalities
        and a.fatalities.best
        and b.fatalities.best
        and a.fatalities.best != b.fatalities.best
    ):
        return False
    countries_a, countries_b = _countries(a), _countries(b)
    if countries_a and countries_b and not countries_a & countries_b:
        return False
    points_a, points_b = _fine_points(a), _fine_points(b)
    if points_a and points_b and min(_distance_km(p, q) for p in points_a for q in points_b) > CONFLICTING_PLACES_KM:
        return False
    for role in ("actor1", "actor2"):
        left, right = _actors(a, role), _actors(b, role)
        if left and right and not left & right:
            return False
    return True


def group_document_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Groups in document order; each mention joins the first group whose members all agree with it."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        home = next((g for g in groups if all(same_incident(mention, other) for other in g)), None)
        if home is None:
            groups.append([mention])
        else:
            home.append(mention)
    return groups
