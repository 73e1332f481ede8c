"""Order does not matter (issue 14): count the events whose fields depend on the order of their reports.

    python scripts/check_rederive.py rederive STORE [--shuffles N]
        each stored event against its re-derivation from the reports the store gives back (``derive_event``), and
        against ``N`` re-derivations from its reports shuffled: what ``rerun resolve``, a new document version or a
        merge would change;
    python scripts/check_rederive.py compare STORE_A STORE_B
        two stores of the same documents ingested in other orders: events of the same reports whose fields differ,
        and reports grouped into other events.

STORE is a database URL or a SQLite file. Prints a count per field; exits 0 (a measure, not a check).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from collections.abc import Callable

from sitrep.model import Event
from sitrep.resolve.derive import derive_event
from sitrep.store import Store

FieldValue = object


def _date(event: Event) -> FieldValue:
    return None if event.date is None else (event.date.start, event.date.end, event.date.precision)


def _headline_place(event: Event) -> FieldValue:
    return None if not event.places else (event.places[0].name, event.places[0].gazetteer_id)


def _fatalities(event: Event) -> FieldValue:
    killed = next((f for f in event.figures if f.kind == "killed"), None)
    return None if killed is None else (killed.low, killed.best, killed.high)


FIELDS: dict[str, Callable[[Event], FieldValue]] = {
    "date": _date,
    "event_type": lambda e: e.event_type,
    "sub_event_type": lambda e: e.sub_event_type,
    "plover": lambda e: e.plover,
    "headline_place": _headline_place,
    "places": lambda e: [(p.name, p.gazetteer_id) for p in e.places],
    "actors": lambda e: [(a.role, a.name, a.actor_type) for a in e.actors],
    "fatalities": _fatalities,
    "contradictions": lambda e: sorted((c.kind, c.a, c.b) for c in e.contradictions),
}


def differing_fields(a: Event, b: Event) -> list[str]:
    return [name for name, read in FIELDS.items() if read(a) != read(b)]


def open_store(target: str) -> Store:
    return Store.open(target if "://" in target else f"sqlite:///{target}", create=False)


def rederive(target: str, shuffles: int) -> None:
    rng = random.Random(14)
    stored_vs_derived: Counter[str] = Counter()
    shuffled: Counter[str] = Counter()
    events = differ = unstable = 0
    for event in open_store(target).full_events():
        events += 1
        derived = derive_event(event.id, event.mentions)
        fields = differing_fields(event, derived)
        stored_vs_derived.update(fields)
        differ += bool(fields)
        moved: set[str] = set()
        for _ in range(shuffles):
            reports = list(event.mentions)
            rng.shuffle(reports)
            moved |= set(differing_fields(derived, derive_event(event.id, reports)))
        shuffled.update(moved)
        unstable += bool(moved)
    print(f"{target}: {events} events; {differ} differ from their re-derivation: {dict(stored_vs_derived)}")
    if shuffles:
        print(f"  {unstable} change when their reports are shuffled ({shuffles} times): {dict(shuffled)}")


def compare(target_a: str, target_b: str) -> None:
    by_reports = {frozenset(m.id for m in e.mentions): e for e in open_store(target_b).full_events()}
    fields: Counter[str] = Counter()
    events = regrouped = differ = 0
    for event in open_store(target_a).full_events():
        events += 1
        other = by_reports.get(frozenset(m.id for m in event.mentions))
        if other is None:
            regrouped += 1
            continue
        found = differing_fields(event, other)
        fields.update(found)
        differ += bool(found)
    print(f"{target_a} vs {target_b}: {events} events, {len(by_reports)} in the other")
    print(f"  {regrouped} hold reports grouped otherwise; of the rest {differ} differ: {dict(fields)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("rederive")
    one.add_argument("store")
    one.add_argument("--shuffles", type=int, default=0)
    two = commands.add_parser("compare")
    two.add_argument("store_a")
    two.add_argument("store_b")
    args = parser.parse_args()
    if args.command == "rederive":
        rederive(args.store, args.shuffles)
    else:
        compare(args.store_a, args.store_b)


if __name__ == "__main__":
    main()
