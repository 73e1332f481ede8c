"""Where the events are: of the gold events an extraction reports with the right type and date (the place set
aside), how many it places within 25 km of the gold location.

`sitrep eval` matches an event only where its place agrees, so its location accuracy is 1 by construction;
this asks the question the place stage answers. Pairs are made within a document, one to one, on type and
date only, an extraction from the gold event's own passage first. Gold locations with a point (towns, sites,
districts) are scored by distance; country, province and region locations by country.

    sitrep ingest evaluation/real/dev/corpus --db /tmp/dev.db -q
    python evaluation/event_places.py evaluation/real/dev/gold --db /tmp/dev.db [--show misses]
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sitrep.evaluate import (
    COARSE,
    Extracted,
    agreement,
    date_overlaps,
    gold_passages,
    location_countries,
    match_gold,
    same_passage,
)
from sitrep.geo.distance import haversine_km

PLACE_KM = 25.0


def pair(extracted: list[Extracted], gold: list[dict[str, Any]]) -> list[tuple[Extracted, dict[str, Any]]]:
    """One to one within a document, on type and date only; an extraction from one of the gold event's own
    passages first, then the one agreeing on most fields (a report with many events of one type and date is
    otherwise paired at random)."""
    candidates = []
    for i, ex in enumerate(extracted):
        for j, g in enumerate(gold):
            if ex.doc == g["doc"] and ex.mention.event_type == g["event_type"] and date_overlaps(ex, g):
                quoted = any(same_passage(ex.mention.sentence.text, p) for p in gold_passages(g))
                candidates.append((not quoted, -agreement(ex, g), i, j))
    candidates.sort()
    used_ex: set[int] = set()
    used_gold: set[int] = set()
    pairs = []
    for _, _, i, j in candidates:
        if i not in used_ex and j not in used_gold:
            used_ex.add(i)
            used_gold.add(j)
            pairs.append((extracted[i], gold[j]))
    return pairs


def placed_right(ex: Extracted, g: dict[str, Any]) -> bool | None:
    """Whether the event's own place is within 25 km of a gold point (or in a gold country, for coarse gold
    locations); None when the gold event has no location."""
    locations = g.get("locations") or []
    if not locations:
        return None
    place = ex.places[0] if ex.places else None
    if place is None:
        return False
    for loc in locations:
        if loc.get("precision") in COARSE or "lat" not in loc:
            if place.country in location_countries(loc):
                return True
        elif haversine_km(place.lat, place.lon, loc["lat"], loc["lon"]) <= PLACE_KM:
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--show", choices=["misses"], default=None)
    args = parser.parse_args()
    run = match_gold(args.gold, args.db)
    gold = run.gold
    pairs = pair(run.extracted, gold)
    fine = [
        (ex, g)
        for ex, g in pairs
        if any("lat" in loc and loc.get("precision") not in COARSE for loc in g.get("locations") or [])
    ]
    scored = [(ex, g, placed_right(ex, g)) for ex, g in pairs]
    judged = [s for s in scored if s[2] is not None]
    right = sum(1 for s in judged if s[2])
    fine_right = sum(1 for ex, g in fine if placed_right(ex, g))
    print(f"gold events {len(gold)}; reported with the right type and date {len(pairs)}")
    print(
        f"  placed right (25 km, or the country for coarse gold)  {right / max(len(judged), 1):.3f}  "
        f"({right}/{len(judged)})"
    )
    print(
        f"  gold with a point: within 25 km                        {fine_right / max(len(fine), 1):.3f}  "
        f"({fine_right}/{len(fine)})"
    )
    if args.show == "misses":
        for ex, g, ok in scored:
            if ok is False:
                ours = ex.places[0] if ex.places else None
                where = f"{ours.name} ({ours.precision}, {ours.lat:.2f}, {ours.lon:.2f})" if ours else "no place"
                gold_names = ", ".join(str(loc.get("name")) for loc in g.get("locations") or [])
                print(f"- {g['doc']}: {g.get('id', '?')}: ours {where}; gold {gold_names}")


if __name__ == "__main__":
    main()
