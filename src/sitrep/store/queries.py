"""Read-only queries the API, dashboard and exports need beyond :class:`Store`'s own.

Functions take a :class:`Store` so database.py stays the lead's; they reuse its
filter logic so the map, the table and the exports always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal_column, or_, select

from sitrep.store import schema as t
from sitrep.store.database import EventFilter, Store, _filtered_events, _is_latest_version, contains_text


@dataclass(frozen=True)
class EventPoint:
    """The few fields the map and timeline draw, for every matching event."""

    id: str
    event_type: str
    date_start: str | None
    lat: float | None
    lon: float | None
    fatalities: int | None
    location: str | None


@dataclass(frozen=True)
class SourceRow:
    id: int
    name: str
    kind: str
    mentions: int
    events: int


def event_points(store: Store, filters: EventFilter) -> list[EventPoint]:
    """Every event matching ``filters`` (no paging), newest first; one cheap query for 10,000s of rows."""
    cols = t.events.c
    query = select(
        cols.id,
        cols.event_type,
        cols.date_start,
        cols.lat,
        cols.lon,
        # "at least 20 killed" has no best figure; the map still sizes it by its lower bound.
        func.coalesce(cols.fatalities_best, cols.fatalities_low).label("fatalities"),
        cols.location,
    ).select_from(t.events)
    query = _filtered_events(query, filters).order_by(cols.date_start.desc(), cols.id)
    with store.engine.connect() as c:
        return [
            EventPoint(
                row.id,
                row.event_type,
                row.date_start.isoformat() if row.date_start else None,
                row.lat,
                row.lon,
                row.fatalities,
                row.location,
            )
            for row in c.execute(query)
        ]


def event_type_counts(store: Store) -> dict[str, int]:
    """How many events of each type, for the type filter's options."""
    cols = t.events.c
    with store.engine.connect() as c:
        rows = c.execute(select(cols.event_type, func.count()).group_by(cols.event_type).order_by(cols.event_type))
        return {row[0]: int(row[1]) for row in rows}


def _source_counts() -> Any:
    """Each source with how many mentions cite it and how many events those mentions belong to.

    The citations are counted per source first and then joined to the few source rows: joining sources to
    every citation before grouping costs about twice as much.
    """
    s, ms, m = t.sources, t.mention_sources, t.mentions
    counts = (
        select(
            ms.c.source_id,
            func.count(func.distinct(ms.c.mention_id)).label("mentions"),
            func.count(func.distinct(m.c.event_id)).label("events"),
        )
        .join(m, m.c.id == ms.c.mention_id)
        .group_by(ms.c.source_id)
        .subquery()
    )
    return select(
        s.c.id,
        s.c.name,
        s.c.kind,
        func.coalesce(counts.c.mentions, 0).label("mentions"),
        func.coalesce(counts.c.events, 0).label("events"),
    ).outerjoin(counts, counts.c.source_id == s.c.id)


def _source_row(row: Any) -> SourceRow:
    return SourceRow(row.id, row.name, row.kind, int(row.mentions), int(row.events))


def sources(store: Store, name: str | None = None, limit: int = 100, offset: int = 0) -> tuple[int, list[SourceRow]]:
    """Sources named in attribution chains, most cited first, with a total for paging."""
    s = t.sources
    base = select(s.c.id).select_from(s)
    if name:
        base = base.where(contains_text(s.c.name, name))
    query = (
        _source_counts()
        .where(s.c.id.in_(base))
        .order_by(literal_column("mentions").desc(), s.c.name)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as c:
        total = int(c.scalar(select(func.count()).select_from(base.subquery())) or 0)
        rows = [_source_row(r) for r in c.execute(query)]
    return total, rows


def source_by_id(store: Store, source_id: int) -> SourceRow | None:
    with store.engine.connect() as c:
        row = c.execute(_source_counts().where(t.sources.c.id == source_id)).first()
    return _source_row(row) if row else None


def source_reports(store: Store, source_id: int, limit: int = 200) -> list[dict[str, Any]]:
    """The reports that cite a source: where in the chain, which event, which document."""
    ms, m, d, e = t.mention_sources, t.mentions, t.documents, t.events
    query = (
        select(
            m.c.id.label("mention_id"),
            ms.c.position,
            m.c.event_id,
            m.c.event_type,
            m.c.date_start,
            m.c.modality,
            d.c.name.label("document"),
            d.c.outlet,
            e.c.location,
            e.c.country,
        )
        .select_from(ms)
        .join(m, m.c.id == ms.c.mention_id)
        .join(d, d.c.id == m.c.document_id)
        .outerjoin(e, e.c.id == m.c.event_id)
        .where(ms.c.source_id == source_id)
        .order_by(m.c.date_start.desc(), m.c.id)
        .limit(limit)
    )
    with store.engine.connect() as c:
        return [
            {**row._mapping, "date_start": row.date_start.isoformat() if row.date_start else None}
            for row in c.execute(query)
        ]


def documents_page(
    store: Store, text: str | None = None, limit: int = 100, offset: int = 0
) -> tuple[int, list[dict[str, Any]]]:
    """Latest versions of documents (no text), with how many events each reports."""
    d, m = t.documents, t.mentions
    condition = _is_latest_version()
    if text:
        columns = (d.c.name, d.c.title, d.c.outlet)
        condition = condition & or_(*(contains_text(column, text) for column in columns))
    # The page first, then its event counts: counted in the same select, the counts would be computed for
    # every document before the sort picks the page.
    page = (
        select(d.c.id, d.c.name, d.c.outlet, d.c.title, d.c.url, d.c.published, d.c.language, d.c.version)
        .where(condition)
        .order_by(d.c.published.desc(), d.c.name)
        .limit(limit)
        .offset(offset)
        .subquery()
    )
    events = select(func.count(func.distinct(m.c.event_id))).where(m.c.document_id == page.c.id).scalar_subquery()
    query = select(page, events.label("events")).order_by(page.c.published.desc(), page.c.name)
    with store.engine.connect() as c:
        total = int(c.scalar(select(func.count()).select_from(d).where(condition)) or 0)
        rows = [
            {**row._mapping, "published": row.published.isoformat() if row.published else None}
            for row in c.execute(query)
        ]
    return total, rows


def document_events(store: Store, document_id: int) -> list[str]:
    """Ids of events a document reports."""
    m = t.mentions
    with store.engine.connect() as c:
        rows = c.scalars(
            select(m.c.event_id).where(m.c.document_id == document_id, m.c.event_id.is_not(None)).distinct()
        )
        return sorted(rows)


def documents_by_name(store: Store, names: list[str]) -> dict[str, dict[str, Any]]:
    """Latest-version metadata and text of the named documents, one query."""
    d = t.documents
    if not names:
        return {}
    query = select(d.c.id, d.c.name, d.c.outlet, d.c.title, d.c.url, d.c.published, d.c.text, d.c.paragraphs).where(
        d.c.name.in_(names), _is_latest_version()
    )
    with store.engine.connect() as c:
        return {row.name: dict(row._mapping) for row in c.execute(query)}


def sources_by_name(store: Store, names: list[str]) -> dict[str, int]:
    """Source ids for chain names, so pages can link a chain to its sources."""
    if not names:
        return {}
    with store.engine.connect() as c:
        rows = c.execute(select(t.sources.c.id, t.sources.c.name, t.sources.c.kind).where(t.sources.c.name.in_(names)))
        return {f"{row.name}\x00{row.kind}": int(row.id) for row in rows}
