"""Why a place set's misses are misses: each row of a ``sitrep geo eval`` CSV not placed within 25 km of its point,
sorted by cause (the first that holds is the row's).

- ``abroad, no country known``: placed in another country, and the context names no country nor implies one;
  ``right with COUNTRY`` when the set's country as the document's country would place it right;
- ``abroad though COUNTRY known``: placed in another country although the context gives the set's country;
- ``unresolved``: no place at all (``right with COUNTRY`` as above);
- ``wrong namesake at home``: placed in the set's country, and the right place is one of the ranked candidates
  (``tied`` when it scores as the chosen one: only the order of gazetteer ids decided);
- ``right place not a candidate``: placed in the set's country, and no candidate is within 25 km: the gazetteer
  lacks the place under any spelling the index finds, or a look-alike stood in for it.

    python evaluation/geo/place_set_misses.py evaluation/ucdp/places-dev.csv --country SY
    python evaluation/geo/place_set_misses.py evaluation/ucdp/places-dev.csv --country SY --show 40
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from sitrep.geo import Gazetteer
from sitrep.geo.distance import haversine_km
from sitrep.geo.evaluate import context_for, read_rows
from sitrep.geo.index import GeoContext
from sitrep.model import Place

PLACE_KM = 25.0


def _near(place: Place | None, lat: float, lon: float) -> bool:
    return place is not None and haversine_km(place.lat, place.lon, lat, lon) <= PLACE_KM


def _with_country(context: GeoContext, country: str) -> GeoContext:
    """The row's context with ``country`` as the document's first country."""
    rest = tuple(c for c in context.document_countries if c != country)
    return replace(context, document_countries=(country, *rest))


def cause(row: dict[str, str], gazetteer: Gazetteer, country: str) -> str | None:
    """The cause of a row's miss, or None when the row is placed within 25 km."""
    lat, lon = float(row["lat"]), float(row["lon"])
    context = context_for(row, gazetteer)
    place = gazetteer.resolve(row["text"], context)
    if _near(place, lat, lon):
        return None
    fixed_by_country = _near(gazetteer.resolve(row["text"], _with_country(context, country)), lat, lon)
    suffix = f" (right with {country})" if fixed_by_country else ""
    if place is None:
        return f"unresolved{suffix}"
    if place.country != country:
        known = country in context.document_countries
        return (f"abroad though {country} known" if known else "abroad, no country known") + suffix
    ranked = gazetteer.lookup(row["text"], context.document_countries, limit=50, nearby=context.nearby_places)
    right = [c for c in ranked if _near(c.place, lat, lon)]
    if not right:
        return "right place not a candidate"
    tied = ranked and abs(right[0].score - ranked[0].score) < 1e-6
    return "wrong namesake at home" + (" (tied)" if tied else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("csv", type=Path, help="a place set: text,context,lat,lon[,country]")
    parser.add_argument("--country", required=True, help="ISO2 country the set's places lie in (SY for UCDP)")
    parser.add_argument("--show", type=int, default=0, help="list up to this many rows under each cause")
    args = parser.parse_args(argv)
    gazetteer = Gazetteer.open()
    rows = read_rows(args.csv)
    by_cause: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        why = cause(row, gazetteer, args.country)
        if why is not None:
            by_cause[why].append(f"{row['text']!r} -> {row.get('ucdp_place') or (row['lat'], row['lon'])}")
    misses = sum(len(items) for items in by_cause.values())
    print(f"{args.csv}: {len(rows)} rows, {misses} misses at {PLACE_KM:.0f} km")
    ordered = sorted(by_cause.items(), key=lambda kv: -len(kv[1]))
    for why, items in ordered:
        print(f"  {len(items):4d}  {why}")
    for why, items in ordered if args.show else ():
        print(f"\n## {why} ({len(items)})")
        for item in items[: args.show]:
            print(f"- {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
