"""Where the events are: of the gold events an extraction reports with the right type and date (the place set
aside), how many it places within 25 km of the gold location.

`sitrep eval` matches an event only where its place agrees, so its location accuracy is 1 by construction;
this asks the question the place stage answers. Pairs are made within a document, one to one, on type and
date only, an extraction from the gold event's own passage first. Gold locations with a point (towns, sites,
districts) are scored by distance; country, province and region locations by country.

    sitrep ingest evaluation/real/dev/corpus --db /tmp/dev.db -q
    python evaluation/event_places.py evaluation/real/dev/gold --db /tmp/dev.db [--show misses] [--where]

``--where`` asks, of the gold events `sitrep eval` misses although an extraction of their document has their type
and date, where the gold's place stands for that extraction's event (:func:`where_the_gold_place_is`): headlined
(the event answers another gold event, or differs on another field), among its places but not first (what a better
choice among them would win), in its reports but dropped, written there but not resolved, placed by another report
of the document (another event holds it: a grouping question), or in no report of the document.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.evaluate import (
    COARSE,
    Extracted,
    GoldMatch,
    agreement,
    date_overlaps,
    gold_passages,
    location_countries,
    location_matches,
    match_gold,
    same_passage,
)
from sitrep.geo.distance import haversine_km
from sitrep.model import Event, Mention, Place

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


def _is_gold_place(place: Place | None, g: dict[str, Any]) -> bool:
    return place is not None and any(location_matches(place, loc) for loc in g.get("locations") or [])


def _written_unresolved(event: Event, g: dict[str, Any]) -> bool:
    """A report of the event writes a name the gold location's name holds (or that holds it), left unresolved."""
    names = [str(loc.get("name") or "").lower() for loc in g.get("locations") or []]
    return any(
        pm.place is None and pm.text and any(pm.text.lower() in n or (n and n in pm.text.lower()) for n in names)
        for m in event.mentions
        for pm in m.places
    )


def where_the_gold_place_is(ex: Extracted, event: Event, document: list[Mention], g: dict[str, Any]) -> str:
    """Where a missed gold event's place stands for the event of an extraction with its type and date."""
    if ex.places and _is_gold_place(ex.places[0], g):
        return "headlined (answers another gold event, or another field differs)"
    if any(_is_gold_place(p, g) for p in event.places):
        return "among the event's places, not first"
    if any(_is_gold_place(pm.place, g) for m in event.mentions for pm in m.places):
        return "in the event's reports, dropped (another role, a landmark)"
    if _written_unresolved(event, g):
        return "written in the event's reports, not resolved"
    if any(_is_gold_place(pm.place, g) for m in document for pm in m.places):
        return "placed by another report of the document"
    return "in no report of the document"


def where_counts(run: GoldMatch) -> Counter[str]:
    """:func:`where_the_gold_place_is` for each missed gold event with a location and an extraction of its
    document, type and date (the one from its own passage first)."""
    matched = {id(g) for _, g in run.matched}
    events = {e.id: e for e in run.store.full_events()}
    by_document: dict[str, list[Mention]] = {}
    for mention in run.store.all_mentions():
        by_document.setdefault(mention.doc, []).append(mention)
    counts: Counter[str] = Counter()
    for g in run.gold:
        if id(g) in matched or not g.get("locations"):
            continue
        told = [
            ex
            for ex in run.extracted
            if ex.doc == g["doc"] and ex.mention.event_type == g["event_type"] and date_overlaps(ex, g)
        ]
        told.sort(key=lambda ex: not any(same_passage(ex.mention.sentence.text, p) for p in gold_passages(g)))
        event = events.get(told[0].event_id) if told else None
        if event is not None:
            counts[where_the_gold_place_is(told[0], event, by_document.get(g["doc"], []), g)] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--show", choices=["misses"], default=None)
    parser.add_argument("--where", action="store_true", help="where the missed gold events' places stand")
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
    if args.where:
        print("missed gold events with an extraction of their type and date: where the gold's place stands")
        for name, count in where_counts(run).most_common():
            print(f"  {count:4d}  {name}")
    if args.show == "misses":
        for ex, g, ok in scored:
            if ok is False:
                ours = ex.places[0] if ex.places else None
                where = f"{ours.name} ({ours.precision}, {ours.lat:.2f}, {ours.lon:.2f})" if ours else "no place"
                gold_names = ", ".join(str(loc.get("name")) for loc in g.get("locations") or [])
                print(f"- {g['doc']}: {g.get('id', '?')}: ours {where}; gold {gold_names}")


if __name__ == "__main__":
    main()
