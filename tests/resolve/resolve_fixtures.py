"""Builders for small, readable resolve fixtures (real places, invented reports)."""

from __future__ import annotations

import datetime as dt

from sitrep.model import (
    ActorRole,
    AttributionChain,
    DateInterval,
    FramingTerm,
    Mention,
    Place,
    PlaceMention,
    Quantity,
    Source,
    Span,
)

# name -> (country, lat, lon)
PLACES = {
    "Idlib": ("SY", 35.93, 36.63),
    "Saraqib": ("SY", 35.86, 36.80),  # ~17 km from Idlib
    "Aleppo": ("SY", 36.20, 37.16),  # ~55 km from Idlib
    "Mosul": ("IQ", 36.34, 43.13),
    "Kharkiv": ("UA", 49.99, 36.23),
    "El Fasher": ("SD", 13.63, 25.35),
    "Goma": ("CD", -1.68, 29.22),
}


def place(name: str, precision: str = "town") -> Place:
    country, lat, lon = PLACES[name]
    return Place(f"test:{name}", name, country, lat, lon, precision)  # type: ignore[arg-type]


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def mention(
    mention_id: str,
    *,
    event_type: str = "Explosions/Remote violence",
    where: str | None = "Idlib",
    precision: str = "town",
    start: str | None = "2024-03-10",
    end: str | None = None,
    date_precision: str = "day",
    actor1: str | None = None,
    actor2: str | None = None,
    killed: tuple[int | None, int | None, int | None] | None = None,
    sources: tuple[str, ...] = ("Outlet",),
    modality: str = "asserted",
    text: str = "",
    framing: tuple[str, ...] = (),
    doc: str | None = None,
) -> Mention:
    doc = doc or f"doc-{mention_id}"
    actors = [ActorRole(role, name, "") for role, name in (("actor1", actor1), ("actor2", actor2)) if name]  # type: ignore[arg-type]
    return Mention(
        id=mention_id,
        doc=doc,
        sentence=Span(doc, 0, len(text), text),
        trigger=Span(doc, 0, 0),
        event_type=event_type,
        sub_event_type="",
        plover="",
        actors=actors,
        date=DateInterval(day(start), day(end or start), date_precision) if start else None,  # type: ignore[arg-type]
        places=[PlaceMention(where, Span(doc, 0, 0), place=place(where, precision))] if where else [],
        fatalities=Quantity("people", *killed, kind="killed") if killed else None,
        chain=AttributionChain([Source(name, "outlet") for name in sources]),
        modality=modality,  # type: ignore[arg-type]
        framing=[FramingTerm(term, "emotive", Span(doc, 0, 0)) for term in framing],
    )
