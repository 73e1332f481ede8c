"""Within one document, sentences that restate the same incident are one event.

An article usually reports an incident in several sentences ("US forces are
moving soldiers ..." in the standfirst, again in the body with the place).
Mentions of the same type whose dates overlap and whose places and actors do
not conflict are grouped; the resolver then places each group as a whole.
Two sentences that each name their own place, and not the same one ("shelled
Kafr Nabudah", "repelled an attack near Saraqib"), report two incidents even
when the towns are close; a place a sentence only inherited from earlier text
is a guess and keeps no two sentences apart. A definite description ("the
strike") joins the incident reported before it unless it is placed far away.
"""

from __future__ import annotations

from sitrep.extract.triggers import VIOLENT_TYPES
from sitrep.geo.distance import haversine_km
from sitrep.geo.inherit import FINE
from sitrep.geo.normalise import name_key
from sitrep.model import INHERITED_ROLE, Mention, PlaceMention

# Two resolved places farther apart than this are different incidents.
CONFLICTING_PLACES_KM = 50.0
# Two places a sentence names itself are the same place only this close (two gazetteer entries for one town).
SAME_PLACE_KM = 5.0
# A site (a base, a crossing, a camp) is part of a town's incident only this close: an air base outside its town,
# not a border crossing 35 km from a city.
SITE_REACH_KM = 15.0


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return haversine_km(*a, *b)


def _far_apart(points_a: list[tuple[float, float]], points_b: list[tuple[float, float]]) -> bool:
    """Both sides have points and even the closest pair is farther than one incident can spread."""
    return bool(points_a and points_b) and min(
        _distance_km(p, q) for p in points_a for q in points_b
    ) > CONFLICTING_PLACES_KM


def _fine_points(mention: Mention, own: bool = False) -> list[tuple[float, float]]:
    """Points of the mention's towns, sites and districts (with ``own``, only those its sentence names)."""
    return [
        (pm.place.lat, pm.place.lon)
        for pm in mention.places
        if pm.place is not None and pm.place.precision in FINE and not (own and pm.role == INHERITED_ROLE)
    ]


def _own_places(mention: Mention) -> list[PlaceMention]:
    """The towns, sites, districts and provinces the sentence names itself, resolved or not."""
    return [
        pm
        for pm in mention.places
        if pm.role != INHERITED_ROLE and (pm.place is None or pm.place.precision in FINE | {"admin1"})
    ]


def _same_place(a: PlaceMention, b: PlaceMention) -> bool:
    """The same place, or one inside the other (a town and its province, a camp at a town's edge)."""
    if name_key(a.text) == name_key(b.text):
        return True
    x, y = a.place, b.place
    if x is None or y is None:
        return False
    if x.gazetteer_id == y.gazetteer_id:
        return True
    if "admin1" in (x.precision, y.precision):
        outer, inner = (x, y) if x.precision == "admin1" else (y, x)
        return inner.precision != "admin1" and inner.country == outer.country and (
            (inner.admin1 or "").casefold() == (outer.admin1 or outer.name).casefold()
        )
    precisions = (x.precision, y.precision)
    reach = SAME_PLACE_KM
    if "admin2" in precisions:
        reach = CONFLICTING_PLACES_KM
    elif "site" in precisions:
        reach = SITE_REACH_KM
    return _distance_km((x.lat, x.lon), (y.lat, y.lon)) <= reach


def places_conflict(a: Mention, b: Mention) -> bool:
    """Each names its own place and they are not the same; a place only inherited from earlier text is a guess
    and conflicts with nothing."""
    own_a, own_b = _own_places(a), _own_places(b)
    if own_a and own_b:
        return not any(_same_place(x, y) for x in own_a for y in own_b)
    return _far_apart(_fine_points(a, own=True), _fine_points(b, own=True))


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
    if places_conflict(a, b):
        return False
    for role in ("actor1", "actor2"):
        left, right = _actors(a, role), _actors(b, role)
        if left and right and not left & right:
            return False
    return True


def restates(mention: Mention, earlier: Mention) -> bool:
    """ "The strike set the car ablaze": a definite description takes the incident reported before it, whatever
    sub-type or approximate date its own sentence gives, unless it is placed far from it."""
    if not mention.restates or mention.modality != earlier.modality:
        return False
    if mention.event_type != earlier.event_type and not {mention.event_type, earlier.event_type} <= VIOLENT_TYPES:
        return False
    if mention.date and earlier.date and not mention.date.overlaps(earlier.date):
        return False
    countries_a, countries_b = _countries(mention), _countries(earlier)
    if countries_a and countries_b and not countries_a & countries_b:
        return False
    return not _far_apart(_fine_points(mention), _fine_points(earlier))


def group_document_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Groups in document order; each mention joins the first group whose members all agree with it, or, when
    it restates an incident, the group of the latest earlier mention it can restate."""
    groups: list[list[Mention]] = []
    for mention in mentions:
        home = next((g for g in groups if all(same_incident(mention, other) for other in g)), None)
        if home is None and mention.restates:
            home = next((g for g in reversed(groups) if restates(mention, g[-1])), None)
        if home is None:
            groups.append([mention])
        else:
            home.append(mention)
    return groups
