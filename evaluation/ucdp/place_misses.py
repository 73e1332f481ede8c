"""Why the UCDP headline benchmark's place misses are misses: each headline that names UCDP's place but has no
violent event placed within 25 km of it, sorted by cause (dev split only).

Causes, checked in this order (the first that holds is the headline's):

- ``no violent event``: nothing to place (detection, not geocoding);
- ``right place not first``: a violent event holds a place within 25 km, but not as its first place (the
  choice of the event's place);
- ``right place in another event``: a non-violent event of the headline is placed there;
- ``name in a later ; clause``: the name stands after the first ";" of joined headlines and no mention covers it;
- ``name not a mention``: no place mention covers the headline's words that name the place (extraction), split by
  whether the gazetteer alone places those words within 25 km (``resolvable``) or not;
- ``name resolved elsewhere``: a mention covers the name and is placed more than 25 km away; ``resolvable``
  when the gazetteer alone, in Syria, places the words right (the document's context misled it), else a
  resolution miss (index, spelling);
- ``name not resolved``: a mention covers the name and has no place: ``resolvable`` as above;
- ``no place at all``: the violent events have no place and no mention covers the name.

    python evaluation/ucdp/place_misses.py -n 3000            # counts by cause
    python evaluation/ucdp/place_misses.py -n 3000 --show     # and each headline under its cause
    python evaluation/ucdp/place_misses.py -n 3000 --save coded.json   # keep what the pipeline made ...
    python evaluation/ucdp/place_misses.py -n 3000 --load coded.json   # ... to score it again without ingesting
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from benchmark import NAMED_PRECISION, PLACE_KM, VIOLENT, Headline, load_headlines, place_window, sitrep_events

COUNTRY = "SY"  # every UCDP row of the benchmark is in Syria


@dataclass
class Written:
    """A place mention as the pipeline left it: its characters, role and point (None when unresolved)."""

    start: int
    end: int
    text: str
    role: str
    point: tuple[float, float] | None
    violent: bool


@dataclass
class Found:
    violent_first: list[tuple[float, float]] = field(default_factory=list)
    violent_all: list[tuple[float, float]] = field(default_factory=list)
    other_all: list[tuple[float, float]] = field(default_factory=list)
    written: list[Written] = field(default_factory=list)
    detected: bool = False


def code(headlines: list[Headline]) -> dict[str, Found]:
    from sitrep.resolve.similarity import mention_places

    found: dict[str, Found] = {h.id: Found() for h in headlines}
    for event in sitrep_events(headlines):
        for mention in event.mentions:
            f = found.get(mention.doc)
            if f is None:
                continue
            violent = mention.event_type in VIOLENT
            points = [(p.lat, p.lon) for p in mention_places(mention)]
            if violent:
                f.detected = True
                f.violent_first += points[:1] or [(p.lat, p.lon) for p in event.places[:1]]
                f.violent_all += points + [(p.lat, p.lon) for p in event.places]
            else:
                f.other_all += points
            for pm in mention.places:
                if pm.span.doc != mention.doc:
                    continue
                point = (pm.place.lat, pm.place.lon) if pm.place is not None else None
                f.written.append(Written(pm.span.start, pm.span.end, pm.text, pm.role, point, violent))
    return found


def save(found: dict[str, Found], path: Path) -> None:
    path.write_text(json.dumps({key: asdict(f) for key, f in found.items()}), encoding="utf-8")


def load(path: Path) -> dict[str, Found]:
    def points(values: list[list[float]]) -> list[tuple[float, float]]:
        return [(lat, lon) for lat, lon in values]

    found: dict[str, Found] = {}
    for key, raw in json.loads(path.read_text(encoding="utf-8")).items():
        written = [
            Written(**{**w, "point": tuple(w["point"]) if w["point"] is not None else None}) for w in raw["written"]
        ]
        found[key] = Found(
            points(raw["violent_first"]), points(raw["violent_all"]), points(raw["other_all"]), written, raw["detected"]
        )
    return found


def _near(points: list[tuple[float, float]], rows: list[dict[str, Any]]) -> bool:
    from sitrep.geo.distance import haversine_km

    return any(
        haversine_km(lat, lon, row["latitude"], row["longitude"]) <= PLACE_KM for lat, lon in points for row in rows
    )


def cause(h: Headline, f: Found, named: list[dict[str, Any]], gazetteer: Any) -> str | None:
    """The cause of a place miss, or None when the headline is placed right."""
    from sitrep.geo.index import GeoContext

    if _near(f.violent_first, named):
        return None
    if not f.detected:
        return "no violent event"
    if _near(f.violent_all, named):
        return "right place not first"
    if _near(f.other_all, named):
        return "right place in another event"
    windows = [w for row in named if (w := place_window(h.text, row["where_coordinates"])) is not None]
    start, end = windows[0]
    words = h.text[start:end]
    place = gazetteer.resolve(words, GeoContext(sentence=h.text, document_countries=(COUNTRY,)))
    resolvable = "resolvable" if place is not None and _near([(place.lat, place.lon)], named) else "not resolvable"
    covering = [w for w in f.written if w.start < end and start < w.end]
    semicolon = h.text.find(";")
    if not covering:
        if 0 <= semicolon < start:
            return f"name in a later ; clause ({resolvable})"
        if not f.violent_all:
            return f"no place at all ({resolvable})"
        return f"name not a mention ({resolvable})"
    if any(w.point is not None for w in covering):
        return f"name resolved elsewhere ({resolvable})"
    return f"name not resolved ({resolvable})"


def main(argv: list[str] | None = None) -> int:
    from sitrep.geo import Gazetteer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1000, help="dev headlines to take (hash order, as the benchmark)")
    parser.add_argument("--show", action="store_true", help="list each headline under its cause")
    parser.add_argument("--save", type=Path, help="write what the pipeline made of the headlines (JSON)")
    parser.add_argument("--load", type=Path, help="score a file --save wrote instead of running the pipeline")
    args = parser.parse_args(argv)
    headlines = [h for h in load_headlines() if h.split == "dev"][: args.n]
    found = load(args.load) if args.load else code(headlines)
    if args.save:
        save(found, args.save)
    gazetteer = Gazetteer.open()
    by_cause: dict[str, list[str]] = defaultdict(list)
    naming = 0
    for h in headlines:
        named = [
            row
            for row in h.rows
            if row["where_prec"] in NAMED_PRECISION and place_window(h.text, row["where_coordinates"]) is not None
        ]
        if not named:
            continue
        naming += 1
        why = cause(h, found[h.id], named, gazetteer)
        if why is not None:
            written = [f"{w.text!r}:{w.role}:{'-' if w.point is None else 'ok'}" for w in found[h.id].written]
            by_cause[why].append(f"{h.text!r} -> {named[0]['where_coordinates']}; mentions {written}")
    misses = sum(len(v) for v in by_cause.values())
    print(f"UCDP dev, {len(headlines)} headlines, {naming} name UCDP's place, {misses} place misses")
    for why, items in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):4d}  {why}")
    if args.show:
        for why, items in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
            print(f"\n## {why} ({len(items)})")
            for item in items:
                print(f"- {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
