"""Ranking gazetteer candidates for one mention: name similarity, country context, nearby places,
prominence and the kind of place the words around the name ask for.

All weights live in ``sitrep/data/geo/scoring.yaml`` so they can be tuned on evaluation data
without touching code.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz import fuzz

from sitrep.data import load_yaml
from sitrep.geo.distance import bearing_deg, haversine_km
from sitrep.geo.normalise import ParsedMention, compass_bearings


@dataclass(frozen=True, slots=True)
class Row:
    """One gazetteer place as stored in the index."""

    id: int
    gid: str
    name: str
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    precision: str
    feature: str | None
    population: int


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place the document also names, used to pull ambiguous names towards it."""

    country: str | None
    admin1: str | None
    lat: float
    lon: float
    precision: str = "town"


@cache
def weights() -> dict[str, Any]:
    table: dict[str, Any] = load_yaml("geo/scoring.yaml")
    return table


def name_similarity(query_key: str, candidate_key: str, same_skeleton: bool) -> float:
    """0..1: exact key 1.0; otherwise rapidfuzz ratio, lifted when the romanisation skeletons agree."""
    if query_key == candidate_key:
        return 1.0
    ratio = fuzz.ratio(query_key, candidate_key) / 100.0
    if same_skeleton and ratio >= float(weights()["skeleton_min_ratio"]):
        floor = float(weights()["skeleton_floor"])
        return max(ratio, floor + (1.0 - floor) * ratio * 0.5)
    return ratio


def prominence(row: Row) -> float:
    """0..1: how likely news means this entry when the name is ambiguous."""
    fixed = weights()["prominence"]
    if row.precision == "town":
        return min(1.0, math.log10(row.population + 1) / 7.0)
    return float(fixed.get(row.precision, 0.3))


def country_bonus(
    row: Row,
    document_countries: Sequence[str],
    sentence_countries: Sequence[str],
    neighbours: frozenset[str] = frozenset(),
) -> float:
    """Reward the document's countries; penalise others, less so the neighbours of its main country."""
    w = weights()["country"]
    bonus = 0.0
    if row.country in sentence_countries:
        bonus += float(w["sentence"])
    if document_countries:
        if row.country == document_countries[0]:
            bonus += float(w["first"])
        elif row.country in document_countries:
            bonus += float(w["other"])
        elif row.country in neighbours:
            bonus += float(w["neighbour"])
        else:
            bonus += float(w["absent"])
    return bonus


def kind_bonus(row: Row, parsed: ParsedMention, via_core_alias: bool) -> float:
    """Reward candidates of the kind the text asks for ("X camp" -> a site; "X province" -> admin)."""
    w = weights()["kind"]
    if via_core_alias and parsed.kind != "site":
        # "Deir ez-Zor" alone must not pick the "Deir ez-Zor airport" site through its stripped name.
        return float(w["core_alias_without_hint"])
    wanted = {"site": ("site",), "admin": ("admin1", "admin2"), "town": ("town",), "region": ("region",)}
    if parsed.kind in wanted:
        return float(w["match"]) if row.precision in wanted[parsed.kind] else float(w["mismatch"])
    if parsed.direction and row.precision in ("country", "admin1", "region"):
        return float(w["direction_area"])
    return 0.0


def anchor_bonus(row: Row, anchors: Sequence[Anchor]) -> float:
    """Closeness to other places the document names (same admin1, or within a radius)."""
    w = weights()["nearby"]
    best = 0.0
    for anchor in anchors:
        if row.admin1 and anchor.admin1 == row.admin1 and anchor.country == row.country:
            best = max(best, float(w["same_admin1"]))
        elif haversine_km(row.lat, row.lon, anchor.lat, anchor.lon) <= float(w["radius_km"]):
            best = max(best, float(w["within_radius"]))
    return best


def beside_a_sentence_place(row: Row, points: Sequence[Anchor]) -> float:
    """namesake_beside_its_neighbour: a village named in one sentence with a town is, of its namesakes, the one
    near that town ("X village near Y", "Y and X"): most namesakes of a country lie within the nearby radius of
    each other, so only one this close to a town, site or district the sentence names gains."""
    w = weights()["nearby"]
    close = float(w["sentence_place_km"])
    if any(haversine_km(row.lat, row.lon, p.lat, p.lon) <= close for p in points):
        return float(w["sentence_place"])
    return 0.0


def on_the_stated_side(row: Row, side: tuple[str, Anchor] | None) -> float:
    """namesake_on_the_stated_side: "X in the northern countryside of Y", "X, 20 km east of Y": of X's namesakes,
    one lying on that side of Y (within the nearby radius, in Y's country, and in Y itself when Y is a province) is
    meant, not one beyond Y or on its other side."""
    if side is None:
        return 0.0
    direction, ref = side
    w = weights()["nearby"]
    # The side of a province is a part of it ("X of western Anbar" is in Anbar), of a town a part of its country.
    if row.country != ref.country or (ref.precision == "admin1" and row.admin1 != ref.admin1):
        return 0.0
    if haversine_km(ref.lat, ref.lon, row.lat, row.lon) > float(w["radius_km"]):
        return 0.0
    off = abs((bearing_deg(ref.lat, ref.lon, row.lat, row.lon) - compass_bearings()[direction] + 180.0) % 360.0 - 180.0)
    return float(w["stated_side"]) if off < float(w["stated_side_degrees"]) else 0.0


def total_score(
    similarity: float,
    row: Row,
    parsed: ParsedMention,
    via_core_alias: bool,
    document_countries: Sequence[str],
    sentence_countries: Sequence[str],
    anchors: Sequence[Anchor],
    whole_mention: bool = False,
    neighbours: frozenset[str] = frozenset(),
) -> float:
    w = weights()
    raw = (
        (float(w["whole_mention"]) if whole_mention else 0.0)
        + float(w["name"]) * similarity
        + float(w["prominence_weight"]) * prominence(row)
        + country_bonus(row, document_countries, sentence_countries, neighbours)
        + kind_bonus(row, parsed, via_core_alias)
        + anchor_bonus(row, anchors)
    )
    return round(max(0.0, raw), 4)
