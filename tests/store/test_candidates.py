"""Candidate events come off indexes (type, place cell, length of date) and are exactly those near in place and time."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql, sqlite

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import ActorRole, AttributionChain, DateInterval, Event, Mention, Place, PlaceMention, Span
from sitrep.resolve.config import load_config
from sitrep.resolve.store import compatible_types
from sitrep.store import Store
from sitrep.store import schema as t
from sitrep.store.database import candidate_query, candidate_statement

TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests"]
START = dt.date(2024, 1, 1)
WINDOW = 3
# (lat, lon, precision): fine places close together and far apart, a country-wide one, and one near a cell edge
PLACES = [
    (13.63, 25.35, "town"),
    (14.1, 26.9, "town"),
    (15.01, 24.0, "admin2"),
    (36.34, 43.13, "town"),
    (49.99, 36.23, "site"),
    (15.0, 30.0, "country"),
    (-1.68, 29.22, "town"),
]
SPANS = [0, 0, 0, 2, 6, 20, 30, 200, 500]


# Countries a place is given at random: two known ones and an unknown one (a country-wide event of a known
# country is offered only to reports that may lie in it).
COUNTRIES = ["XX", "YY", ""]


def place(lat: float, lon: float, precision: str, country: str = "XX") -> Place:
    return Place(f"test:{lat},{lon}", f"P{lat},{lon}", country, lat, lon, precision)  # type: ignore[arg-type]


def random_place(rng: random.Random) -> Place:
    return place(*rng.choice(PLACES), country=rng.choice(COUNTRIES))


def dated(day: dt.date | None, span: int = 0) -> DateInterval | None:
    return DateInterval(day, day + dt.timedelta(days=span), "day" if span == 0 else "range") if day else None


def report(number: int, event_type: str, when: DateInterval | None, where: list[Place]) -> Mention:
    sentence = Span("doc", 0, 10, "A sentence")
    return Mention(
        id=f"m{number}",
        doc="doc",
        sentence=sentence,
        trigger=sentence,
        event_type=event_type,
        sub_event_type=None,
        plover=None,
        actors=[ActorRole("actor1", "Somebody", "Rebel groups")],
        date=when,
        places=[PlaceMention(p.name, sentence, place=p) for p in where],
        fatalities=None,
        chain=AttributionChain([]),
        modality="reported",
        evidence=sentence,
    )


def random_events(rng: random.Random, n: int) -> list[Event]:
    events = []
    for i in range(n):
        day = None if rng.random() < 0.08 else START + dt.timedelta(days=rng.randrange(120))
        where = [] if rng.random() < 0.08 else [random_place(rng) for _ in range(rng.choice([1, 1, 1, 2]))]
        events.append(
            Event(
                id=f"ev{i:04d}",
                mentions=[],
                event_type=rng.choice(TYPES),
                sub_event_type="Armed clash",
                plover="FIGHT",
                date=dated(day, rng.choice(SPANS)),
                places=where,
            )
        )
    return events


def expected(events: list[Event], m: Mention, types: list[str]) -> set[str]:
    """The candidate rule stated plainly: type, dates overlapping the window (or undated), near or coarse, and a
    coarse event in one known country only for a report that may lie there."""
    found = set()
    for e in events:
        if e.event_type not in types:
            continue
        if m.date and e.date:
            low, high = m.date.start - dt.timedelta(days=WINDOW), m.date.end + dt.timedelta(days=WINDOW)
            if not (e.date.start <= high and e.date.end >= low):
                continue
        here = [pm.place for pm in m.places if pm.place]
        if here and e.places and e.places[0].precision not in ("country", "region"):
            p0 = e.places[0]
            if not any(abs(p0.lat - p.lat) <= 3.0 and abs(p0.lon - p.lon) <= 3.0 for p in here):
                continue
        elif here and e.places:
            theirs = {p.country for p in e.places}
            if len(theirs) == 1 and "" not in theirs and all(p.country and p.country not in theirs for p in here):
                continue
        found.add(e.id)
    return found


def seeded(store_url: str, events: list[Event]) -> Store:
    store = Store.open(store_url)
    for e in events:
        store.save_event(e)
    return store


def test_candidates_are_exactly_the_events_near_in_type_place_and_time(store_url: str) -> None:
    rng = random.Random(7)
    events = random_events(rng, 250)
    store = seeded(store_url, events)
    for i in range(60):
        day = None if i % 10 == 0 else START + dt.timedelta(days=rng.randrange(-5, 125))
        where = [] if i % 7 == 0 else [random_place(rng) for _ in range(rng.choice([1, 1, 2]))]
        m = report(i, rng.choice(TYPES), dated(day, rng.choice([0, 0, 3])), where)
        found = {e.id for e in store.candidate_events(m, WINDOW)}
        types = sorted(compatible_types(m.event_type, load_config()))  # types the resolver may confuse meet too
        assert found == expected(events, m, types), (m.date, [(p.lat, p.lon) for p in where])
    store.close()


def test_the_candidate_query_reads_indexes_not_the_whole_event_table(sqlite_url: str) -> None:
    store = seeded(sqlite_url, random_events(random.Random(3), 50))
    dated_and_placed = report(1, "Battles", dated(START), [place(13.63, 25.35, "town")])
    placeless = report(2, "Battles", dated(START), [])
    with store.engine.connect() as c:
        for m in (dated_and_placed, placeless):
            sql = candidate_query(m, ["Battles", "Protests"], WINDOW).compile(
                dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
            )
            plan = [row[-1] for row in c.execute(text(f"EXPLAIN QUERY PLAN {sql}"))]
            reads = [line for line in plan if "events" in line]
            assert reads and all("USING INDEX ix_events_candidates" in line for line in reads), plan
    store.close()


@pytest.mark.postgres
def test_postgresql_can_answer_the_candidate_query_from_its_indexes(pg_url: str) -> None:
    store = seeded(pg_url, random_events(random.Random(3), 50))
    m = report(1, "Battles", dated(START), [place(13.63, 25.35, "town")])
    sql = candidate_query(m, ["Battles"], WINDOW).compile(
        dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True}
    )
    with store.engine.connect() as c:
        c.execute(text("SET enable_seqscan = off"))  # a 50-row table would be scanned whatever the indexes
        plan = "\n".join(row[0] for row in c.execute(text(f"EXPLAIN {sql}")))
    assert "Index" in plan and "Seq Scan on events" not in plan, plan  # which index is the planner's choice
    store.close()


def test_a_store_made_before_the_candidate_index_gets_it_on_open(store_url: str) -> None:
    events = random_events(random.Random(5), 80)
    store = seeded(store_url, events)
    with store.engine.begin() as c:  # as an older version left it: the new columns and indexes absent
        for name in ("ix_events_candidates_cell", "ix_events_candidates", "ix_events_coarse"):
            c.execute(text(f"DROP INDEX {name}"))
        c.execute(text("ALTER TABLE events DROP COLUMN place_cell"))
        c.execute(text("ALTER TABLE events DROP COLUMN date_span"))
        c.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version >= 3))
    store.close()

    reopened = Store.open(store_url)
    with reopened.engine.connect() as c:
        assert 3 in set(c.scalars(select(t.schema_migrations.c.version)))
        assert c.scalar(select(t.events.c.id).where(t.events.c.place_cell.is_(None))) is None
    types = sorted(compatible_types("Battles", load_config()))
    for country in ("XX", ""):  # in a known country, and in none (read off the coarse events' index)
        m = report(1, "Battles", dated(START + dt.timedelta(days=30)), [place(13.63, 25.35, "town", country)])
        assert {e.id for e in reopened.candidate_events(m, WINDOW)} == expected(events, m, types)
    reopened.close()


def test_an_event_saved_again_is_filed_under_its_new_place_and_date(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    moved = Event(
        id="ev",
        mentions=[],
        event_type="Battles",
        sub_event_type="Armed clash",
        plover="FIGHT",
        date=dated(START),
        places=[place(13.63, 25.35, "town")],
    )
    store.save_event(moved)
    moved.places, moved.date = [place(49.99, 36.23, "town")], dated(START + dt.timedelta(days=60))
    store.save_event(moved)
    near_old = report(1, "Battles", dated(START), [place(13.63, 25.35, "town")])
    near_new = report(2, "Battles", dated(START + dt.timedelta(days=60)), [place(49.5, 36.0, "town")])
    assert store.candidate_events(near_old, WINDOW) == []
    assert [e.id for e in store.candidate_events(near_new, WINDOW)] == ["ev"]
    store.close()


def test_candidates_read_without_reports_get_the_same_reports_attached(sqlite_url: str) -> None:
    # The claim refresh judges possible siblings on their own fields and reads reports only for those it keeps.
    store = Store.open(sqlite_url)
    stored = store.add_document(build_document("Fighting was reported in two towns.\n", "doc", DocumentMeta()))
    told = [(13.63, START), (13.7, START + dt.timedelta(days=1)), (36.34, START), (13.6, START)]
    reports = [
        report(number, "Battles", dated(day), [place(lat, 25.35, "town")]) for number, (lat, day) in enumerate(told)
    ]
    store.replace_extraction(stored.document_id, reports, [])
    for number, members in enumerate([reports[0:1], reports[1:2], reports[2:3], reports[3:4]]):
        m = members[0]
        event = Event(
            id=f"ev{number}",
            mentions=members,
            event_type="Battles",
            sub_event_type="Armed clash",
            plover="FIGHT",
            date=m.date,
            places=[pm.place for pm in m.places if pm.place],
        )
        store.save_event(event)
    asked = report(9, "Battles", dated(START), [place(13.65, 25.35, "town")])
    full = store.candidate_events(asked, WINDOW)
    bare = store.candidate_events(asked, WINDOW, reports=False)
    assert [e.id for e in bare] == [e.id for e in full] and len(full) == 3
    assert all(not e.mentions for e in bare) and all(e.mentions for e in full)
    store.attach_reports(bare)
    assert bare == full
    store.close()


def test_the_candidate_query_as_run_with_bound_values_reads_the_candidate_indexes(sqlite_url: str) -> None:
    """The statement the store runs binds its values; SQLite must still read each branch off the index of type, cell
    and length of date. Ordered newest first across branches, it once read every event of the type before the
    window's end, off the index of type and date that gives that order (its cost grew with the store)."""
    store = seeded(sqlite_url, random_events(random.Random(3), 50))
    cases = [
        report(1, "Battles", dated(START), [place(13.63, 25.35, "town")]),
        report(2, "Battles", dated(START), [place(15.0, 30.0, "country")]),
        report(3, "Protests", dated(START, 3), []),
    ]
    with store.engine.connect() as c:
        for m in cases:
            statement, values = candidate_statement(m, [m.event_type], WINDOW)
            compiled = statement.compile(dialect=sqlite.dialect())
            bound = compiled.construct_params(values)
            positional = [bound[name] for name in compiled.positiontup or []]
            raw = c.connection.dbapi_connection
            assert raw is not None
            plan = [row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {compiled}", positional)]
            reads = [line for line in plan if "events" in line]
            assert reads and all("USING INDEX ix_events_candidates" in line for line in reads), plan
    store.close()


def test_a_report_in_no_known_country_reads_only_the_coarse_events_index(sqlite_url: str) -> None:
    """Every coarse event of the window is offered to a report placed in no known country. Read off the index of type
    and date, that branch read every event of the type in the window, placed or not, so it grew with the store; the
    coarse events' own index holds only them. The plan is the same whatever order the store's indexes were made in."""
    store = seeded(sqlite_url, random_events(random.Random(3), 50))
    m = report(1, "Battles", dated(START), [place(13.63, 25.35, "town", country="")])
    statement, values = candidate_statement(m, ["Battles"], WINDOW)
    compiled = statement.compile(dialect=sqlite.dialect())
    bound = compiled.construct_params(values)
    with store.engine.connect() as c:
        raw = c.connection.dbapi_connection
        assert raw is not None
        plan = [
            row[-1]
            for row in raw.execute(f"EXPLAIN QUERY PLAN {compiled}", [bound[n] for n in compiled.positiontup or []])
        ]
    reads = [line for line in plan if "events" in line]
    coarse = [line for line in reads if "ix_events_coarse" in line]
    assert len(coarse) == 6 and len(reads) == 12, plan  # six date classes, coarse and near
    store.close()


def test_the_coarse_events_index_names_no_table_on_postgresql() -> None:
    m = report(1, "Battles", dated(START), [place(13.63, 25.35, "town", country="")])
    statement, _ = candidate_statement(m, ["Battles"], WINDOW)
    assert "INDEXED BY" not in str(statement.compile(dialect=postgresql.dialect()))
    assert "INDEXED BY ix_events_coarse" in str(statement.compile(dialect=sqlite.dialect()))
