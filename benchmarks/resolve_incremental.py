"""Time the clustering work of ingesting one more article into a store of 100,000 events.

Builds 100,000 synthetic events (conflict hot spots across many countries, three years of dates,
ACLED types, named actors) in InMemoryEvents, then resolves articles of 12 mentions each (some
re-reporting stored incidents, some new) and prints milliseconds per article.

    .venv/bin/python benchmarks/resolve_incremental.py [--events 100000] [--articles 30] [--dense]

``--dense``: every stored event in one country within seven days (a dense week), the worst case for the
candidate index.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time

from sitrep.model import ActorRole, AttributionChain, DateInterval, Mention, Place, PlaceMention, Quantity, Source, Span
from sitrep.resolve import InMemoryEvents, derive_event, resolve_mentions

# (country, lat, lon) of real conflict areas, so density per region is realistic rather than uniform
HOT_SPOTS = [
    ("SY", 35.93, 36.63),
    ("SY", 36.20, 37.16),
    ("SY", 35.34, 40.14),
    ("SY", 36.50, 40.75),
    ("IQ", 36.34, 43.13),
    ("IQ", 33.80, 42.44),
    ("YE", 15.35, 44.21),
    ("YE", 14.80, 42.95),
    ("YE", 13.58, 44.02),
    ("SD", 15.50, 32.56),
    ("SD", 13.63, 25.35),
    ("SD", 13.18, 30.22),
    ("UA", 49.99, 36.23),
    ("UA", 48.02, 37.80),
    ("UA", 47.10, 37.55),
    ("UA", 46.64, 32.62),
    ("PS", 31.50, 34.47),
    ("PS", 31.35, 34.30),
    ("LB", 33.27, 35.20),
    ("IL", 33.00, 35.50),
    ("ML", 16.27, -0.04),
    ("ML", 14.49, -4.19),
    ("BF", 12.37, -1.52),
    ("BF", 14.09, -0.14),
    ("NE", 13.51, 2.11),
    ("CD", -1.68, 29.22),
    ("CD", 0.49, 29.47),
    ("CD", 1.56, 30.25),
    ("MM", 21.97, 96.08),
    ("MM", 20.15, 92.90),
    ("MM", 17.30, 96.48),
    ("SO", 2.05, 45.32),
    ("SO", 2.78, 45.50),
    ("AF", 34.53, 69.17),
    ("AF", 31.61, 65.71),
    ("NG", 11.85, 13.16),
    ("ET", 13.50, 39.47),
    ("MZ", -11.35, 40.35),
    ("CM", 5.96, 10.15),
    ("HT", 18.54, -72.34),
]
EVENT_TYPES = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]
ACTORS = [f"Armed group {i}" for i in range(300)] + ["Unidentified Armed Group", "Civilians"]
OUTLETS = [f"Outlet {i}" for i in range(80)]
START = dt.date(2022, 1, 1)
DAYS = 3 * 365


def synthetic_mention(
    rng: random.Random,
    mention_id: str,
    day: dt.date | None = None,
    spot: tuple[str, float, float] | None = None,
    event_type: str | None = None,
    actors: tuple[str, str] | None = None,
    jitter: float = 0.3,
) -> Mention:
    country, lat, lon = spot or rng.choice(HOT_SPOTS)
    day = day or START + dt.timedelta(days=rng.randrange(DAYS))
    lat, lon = lat + rng.uniform(-jitter, jitter), lon + rng.uniform(-jitter, jitter)
    place = Place(f"p{lat:.3f},{lon:.3f}", "Town", country, lat, lon, "town")
    actor1, actor2 = actors or (rng.choice(ACTORS), rng.choice(ACTORS))
    text = f"{actor1} attacked {actor2} near the town, killing several people"
    doc = f"doc-{mention_id}"
    return Mention(
        id=mention_id,
        doc=doc,
        sentence=Span(doc, 0, len(text), text),
        trigger=Span(doc, 0, 0),
        event_type=event_type or rng.choice(EVENT_TYPES),
        sub_event_type="",
        plover="",
        actors=[ActorRole("actor1", actor1, ""), ActorRole("actor2", actor2, "")],
        date=DateInterval(day, day, "day"),
        places=[PlaceMention("Town", Span(doc, 0, 0), place=place)],
        fatalities=Quantity("people", None, rng.randrange(0, 20), None, kind="killed"),
        chain=AttributionChain([Source(rng.choice(OUTLETS), "outlet")]),
    )


def dense_mention(rng: random.Random, mention_id: str) -> Mention:
    """A report in Syria within one week."""
    spot = rng.choice([s for s in HOT_SPOTS if s[0] == "SY"])
    return synthetic_mention(rng, mention_id, START + dt.timedelta(days=rng.randrange(7)), spot)


def build_store(rng: random.Random, size: int, dense: bool = False) -> InMemoryEvents:
    store = InMemoryEvents()
    for i in range(size):
        mention = dense_mention(rng, f"seed-{i}") if dense else synthetic_mention(rng, f"seed-{i}")
        store.save_event(derive_event(f"ev_{i:06d}", [mention]))
    return store


def article(
    rng: random.Random, store: InMemoryEvents, number: int, size: int = 12, dense: bool = False
) -> list[Mention]:
    """Half the mentions re-report a stored incident (same town, ~1 km geocoding noise), half are new."""
    stored = list(store.events.values())
    mentions = []
    for i in range(size):
        mention_id = f"art{number}-m{i}"
        if i % 2 == 0:
            old = rng.choice(stored).mentions[0]
            assert old.date is not None and old.places[0].place is not None
            p = old.places[0].place
            actors = (old.actors[0].name, old.actors[1].name)
            mentions.append(
                synthetic_mention(
                    rng,
                    mention_id,
                    old.date.start,
                    (p.country or "", p.lat, p.lon),
                    old.event_type,
                    actors,
                    jitter=0.01,
                )
            )
        else:
            mentions.append(dense_mention(rng, mention_id) if dense else synthetic_mention(rng, mention_id))
    return mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--dense", action="store_true", help="all events in one country within seven days")
    args = parser.parse_args()
    rng = random.Random(7)
    started = time.perf_counter()
    store = build_store(rng, args.events, args.dense)
    print(f"built {len(store):,} events in {time.perf_counter() - started:.1f} s")
    timings, attached = [], 0
    for number in range(args.articles):
        mentions = article(rng, store, number, dense=args.dense)
        started = time.perf_counter()
        results = resolve_mentions(mentions, store)
        timings.append((time.perf_counter() - started) * 1000)
        attached += sum(r.action != "new" for r in results)
    timings.sort()
    print(f"articles: {args.articles} x 12 mentions; {attached} mentions attached to stored events")
    print(
        f"clustering ms per article: median {statistics.median(timings):.1f}, "
        f"p95 {timings[int(0.95 * (len(timings) - 1))]:.1f}, max {timings[-1]:.1f}"
    )
    print(f"clustering ms per mention: median {statistics.median(timings) / 12:.2f}")


if __name__ == "__main__":
    main()
