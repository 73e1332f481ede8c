"""Where resolution finds candidate events: the protocol the SQL store implements, and an in-memory version."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, Protocol

from sitrep.model import Event, Mention, Place
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.derive import derive_event
from sitrep.resolve.similarity import actor_names, mention_places

# Events are indexed by (event_type, week, grid cell): a mention's +- window touches two or three weeks,
# and a fine place (site/town/admin2, tolerance <= 50 km) can only match events in its own or a
# neighbouring 2-degree cell. Events with only coarse places (or none) sit in a per-week "coarse" bucket.
BUCKET_DAYS = 7
CELL_DEGREES = 2.0
# Fine places further apart than this (in degrees of latitude, ~220 km) are never one incident.
MAX_FINE_DEGREES = 2.0
COARSE_PRECISIONS = frozenset({"admin1", "country", "region"})
Cell = tuple[int, int]
BucketKey = tuple[str, int, Cell | None]  # (event_type, week, cell or None for coarse/placeless)
# Without date or place, only this many events sharing a named actor are considered.
MAX_ACTOR_CANDIDATES = 200


class CandidateSource(Protocol):
    """What resolve_mentions needs from a store of events."""

    def candidate_events(self, mention: Mention, window_days: int) -> list[Event]:
        """Events whose date overlaps the mention's +- window and whose type is compatible."""
        ...

    def event_of_mention(self, mention_id: str) -> str | None:
        """The event a mention already belongs to (re-ingesting changes nothing)."""
        ...

    def save_event(self, event: Event) -> None:
        """Insert or replace an event (and re-index it)."""
        ...

    def retire_event(self, event_id: str, into: str) -> None:
        """Remove a merged-away event, keeping ``event_id`` as a redirect to ``into``."""
        ...


HistoryAction = Literal["merge", "split"]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    action: HistoryAction
    source: str  # the event id that was merged away / split from
    target: str  # the event id it now leads to / the new event


def compatible_types(event_type: str, cfg: ResolveConfig) -> set[str]:
    types = {event_type}
    for pair in cfg.type_confusions:
        if event_type in pair:
            types |= pair
    return types


def week_buckets(start: dt.date, end: dt.date) -> range:
    return range(start.toordinal() // BUCKET_DAYS, end.toordinal() // BUCKET_DAYS + 1)


def cell_of(place: Place) -> Cell:
    return math.floor(place.lat / CELL_DEGREES), math.floor(place.lon / CELL_DEGREES)


def fine_places(places: Iterable[Place]) -> list[Place]:
    return [p for p in places if p.precision not in COARSE_PRECISIONS]


def event_cells(event: Event) -> list[Cell | None]:
    """Cells an event is filed under; None (the coarse bucket) if any of its places is coarse or it has none."""
    fine = fine_places(event.places)
    cells: list[Cell | None] = [*sorted({cell_of(p) for p in fine})]
    if not event.places or len(fine) < len(event.places):
        cells.append(None)
    return cells


def neighbour_cells(place: Place) -> list[Cell]:
    lat, lon = cell_of(place)
    return [(lat + dy, lon + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


@dataclass
class InMemoryEvents:
    """Events in a dict with a (type, week) index, plus redirects and a merge/split history."""

    cfg: ResolveConfig = field(default_factory=load_config)
    events: dict[str, Event] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    history: list[HistoryEntry] = field(default_factory=list)
    _dated: dict[BucketKey, set[str]] = field(default_factory=dict)
    _dated_any: dict[tuple[str, int], set[str]] = field(default_factory=dict)  # all cells, for placeless mentions
    _undated: dict[str, set[str]] = field(default_factory=dict)  # event_type -> ids
    _by_actor: dict[str, dict[str, None]] = field(default_factory=dict)  # ordered set: oldest first
    _keys: dict[str, list[BucketKey]] = field(default_factory=dict)
    _mention_event: dict[str, str] = field(default_factory=dict)

    # --- CandidateSource ---------------------------------------------------------------------

    def candidate_events(self, mention: Mention, window_days: int) -> list[Event]:
        types = compatible_types(mention.event_type, self.cfg)
        if mention.date is None:
            ids = self._undated_candidates(mention, types)
        else:
            window = dt.timedelta(days=window_days)
            weeks = week_buckets(mention.date.start - window, mention.date.end + window)
            ids = self._dated_candidates(mention, types, weeks)
            for event_type in types:  # an undated event may still be this one
                ids |= self._undated.get(event_type, set())
        events = (self.events[i] for i in sorted(ids))
        return [e for e in events if e.event_type in types and self._near(mention, e)]

    def event_of_mention(self, mention_id: str) -> str | None:
        return self._mention_event.get(mention_id)

    def save_event(self, event: Event) -> None:
        self._unindex(event.id)
        self.events[event.id] = event
        self._index(event)

    def retire_event(self, event_id: str, into: str) -> None:
        self._unindex(event_id)
        self.events.pop(event_id, None)
        self.redirects[event_id] = into
        self.history.append(HistoryEntry("merge", event_id, into))

    # --- lookups for users (bookmarked ids keep working) -------------------------------------

    def resolve_id(self, event_id: str) -> str | None:
        """Follow merge redirects to the event that now holds a (possibly old) id."""
        seen: set[str] = set()
        while event_id in self.redirects and event_id not in seen:
            seen.add(event_id)
            event_id = self.redirects[event_id]
        return event_id if event_id in self.events else None

    def get(self, event_id: str) -> Event | None:
        current = self.resolve_id(event_id)
        return self.events[current] if current is not None else None

    def split(self, event_id: str, mention_ids: Iterable[str], new_id: str) -> Event:
        """Move some reports into a new event; the old id keeps the rest, and the split is recorded."""
        event = self.get(event_id)
        if event is None:
            raise KeyError(f"no event {event_id!r}")
        moving = set(mention_ids)
        moved = [m for m in event.mentions if m.id in moving]
        kept = [m for m in event.mentions if m.id not in moving]
        if not moved or not kept:
            raise ValueError(f"split of {event_id!r} must leave reports on both sides")
        self.save_event(derive_event(event.id, kept, self.cfg))
        new_event = derive_event(new_id, moved, self.cfg)
        self.save_event(new_event)
        self.history.append(HistoryEntry("split", event.id, new_id))
        return new_event

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events.values())

    # --- index maintenance -------------------------------------------------------------------

    def _index(self, event: Event) -> None:
        keys: list[BucketKey] = []
        if event.date is None:
            self._undated.setdefault(event.event_type, set()).add(event.id)
        else:
            weeks = week_buckets(event.date.start, event.date.end)
            keys = [(event.event_type, w, cell) for w in weeks for cell in event_cells(event)]
            for key in keys:
                self._dated.setdefault(key, set()).add(event.id)
            for w in weeks:
                self._dated_any.setdefault((event.event_type, w), set()).add(event.id)
        self._keys[event.id] = keys
        for name in actor_names(event.actors) - self.cfg.generic_actors:
            self._by_actor.setdefault(name, {})[event.id] = None
        for mention in event.mentions:
            self._mention_event[mention.id] = event.id

    def _unindex(self, event_id: str) -> None:
        old = self.events.get(event_id)
        if old is None:
            return
        for key in self._keys.pop(event_id, []):
            self._dated.get(key, set()).discard(event_id)
            self._dated_any.get((key[0], key[1]), set()).discard(event_id)
        self._undated.get(old.event_type, set()).discard(event_id)
        for name in actor_names(old.actors) - self.cfg.generic_actors:
            self._by_actor.get(name, {}).pop(event_id, None)

    def _dated_candidates(self, mention: Mention, types: set[str], weeks: range) -> set[str]:
        places = mention_places(mention)
        fine = fine_places(places)
        ids: set[str] = set()
        if not places or len(fine) < len(places):  # coarse or no place: every cell of those weeks
            for event_type in types:
                for week in weeks:
                    ids |= self._dated_any.get((event_type, week), set())
            return ids
        cells: list[Cell | None] = [*sorted({c for p in fine for c in neighbour_cells(p)})]
        cells.append(None)
        for event_type in types:
            for week in weeks:
                for cell in cells:
                    ids |= self._dated.get((event_type, week, cell), set())
        return ids

    def _undated_candidates(self, mention: Mention, types: set[str]) -> set[str]:
        """No date: events of a compatible type sharing a named actor (most recent first), or near its place."""
        ids: set[str] = set()
        for name in actor_names(mention.actors) - self.cfg.generic_actors:
            ids.update(list(self._by_actor.get(name, {}))[-MAX_ACTOR_CANDIDATES:])
        if mention_places(mention):
            for event_type in types:
                ids |= self._undated.get(event_type, set())
        return {i for i in ids if i in self.events}

    def _near(self, mention: Mention, event: Event) -> bool:
        """Cheap pre-filter: fine places on both sides that are degrees apart cannot match."""
        mine = [p for p in mention_places(mention) if p.precision not in COARSE_PRECISIONS]
        theirs = [p for p in event.places if p.precision not in COARSE_PRECISIONS]
        if not mine or not theirs or len(mine) < len(mention_places(mention)) or len(theirs) < len(event.places):
            return True
        return any(
            abs(a.lat - b.lat) <= MAX_FINE_DEGREES and abs(a.lon - b.lon) <= MAX_FINE_DEGREES * 2
            for a in mine
            for b in theirs
        )
