"""The store behaves the same on SQLite and PostgreSQL (every test runs on both)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import Table, delete, func, select, text

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import (
    ActorRole,
    AttributionChain,
    DateInterval,
    Document,
    Event,
    Figure,
    Mention,
    Place,
    PlaceMention,
    Quantity,
    Source,
    Span,
    to_dict,
)
from sitrep.store import EventFilter, Store
from sitrep.store import schema as t
from sitrep.store.database import COARSE_CELL, country_cell
from sitrep.store.migrations import LATEST_VERSION, MIGRATIONS, migrate

# A wire-style report of typical length (~400 words), long enough for SimHash to be stable; invented for the tests.
ARTICLE = """Clashes in El Fasher kill dozens as RSF presses siege

Fighting between the Sudanese Armed Forces and the Rapid Support Forces killed at least 30 civilians in El Fasher on
Sunday, according to local medics, as the paramilitary group pressed its months-long siege of the city.

The Resistance Committees in El Fasher said shells fell on the Abu Shouk camp for displaced people and on a market
in the south of the city. A doctor at the Saudi hospital said the facility received 70 wounded people.

The United Nations said it was alarmed by the reports and called on both sides to protect civilians and let aid
convoys reach North Darfur, where aid agencies say famine conditions have been confirmed in several camps.

The army said its aircraft struck RSF positions east of the city. The RSF did not respond to a request for comment.
Residents said the shelling continued into the night and that many families were trying to leave towards Tawila.

El Fasher is the last state capital in Darfur still held by the army and its allied armed groups, and the RSF has
surrounded it since May last year. Aid workers say hundreds of thousands of people are trapped inside the city with
dwindling supplies of food, water and medicine, and that the roads out are controlled by armed men at checkpoints.

A spokesman for the joint force of former rebel groups fighting alongside the army said its fighters had repelled an
attack on the eastern front and captured several vehicles. The claim could not be independently verified, and the
RSF said in a statement on its Telegram channel that it had taken positions near the airport.

Médecins Sans Frontières said last week that its teams had treated hundreds of wounded people in the city since the
fighting intensified, many of them women and children hit by shrapnel. The organisation said it had run out of some
surgical supplies and that two of its staff had been injured when a shell struck near their compound.

The war between the army and the RSF broke out in April 2023 in Khartoum and has since spread to most of the country,
killing tens of thousands of people and forcing more than ten million from their homes, according to UN figures."""

UNRELATED = """Drone strike hits fuel depot near Kharkiv

A Russian drone struck a fuel depot on the outskirts of Kharkiv overnight, the regional governor said on Telegram,
starting a fire that emergency crews took several hours to put out. No casualties were reported.

Ukraine's air force said it shot down 21 of 28 drones launched overnight across several regions of the country."""

META = DocumentMeta(outlet="Sudan Tribune", published=dt.date(2024, 5, 13), language="en")


def article(text: str = ARTICLE, name: str = "sudan/el-fasher.txt", meta: DocumentMeta = META) -> Document:
    return build_document(text, name, meta, origin=name)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = Store.open(store_url)
    yield opened
    opened.close()


def count(store: Store, table: Table) -> int:
    with store.engine.connect() as c:
        return int(c.scalar(select(func.count()).select_from(table)) or 0)


# --- builders for extracted objects ------------------------------------------------

PLACES = {
    "El Fasher": Place("geonames:379252", "El Fasher", "SD", 13.63, 25.35, "town", admin1="North Darfur"),
    "Kharkiv": Place("geonames:706483", "Kharkiv", "UA", 49.99, 36.23, "town", admin1="Kharkiv Oblast"),
    "Mosul": Place("geonames:99072", "Mosul", "IQ", 36.34, 43.13, "town", admin1="Nineveh"),
}


def mention(
    document: Document,
    number: int,
    *,
    event_type: str = "Battles",
    where: str = "El Fasher",
    day: dt.date = dt.date(2024, 5, 12),
    sources: tuple[tuple[str, str], ...] = (("local medics", "unnamed"),),
    killed: int | None = 30,
) -> Mention:
    sentence = Span(document.name, 0, 40, document.text[:40])
    place_start = max(document.text.find(where), 0)
    place_span = Span(document.name, place_start, place_start + len(where), where)
    return Mention(
        id=f"{document.content_hash[:16]}-{number}",
        doc=document.name,
        sentence=sentence,
        trigger=Span(document.name, 0, 7, document.text[:7]),
        event_type=event_type,
        sub_event_type="Armed clash",
        plover="FIGHT",
        actors=[
            ActorRole("actor1", "Military Forces of Sudan", "State forces"),
            ActorRole("actor2", "Rapid Support Forces", "Rebel groups"),
        ],
        date=DateInterval(day, day, "day"),
        places=[PlaceMention(where, place_span, place=PLACES[where])],
        fatalities=Quantity("people", killed, killed, killed, kind="killed") if killed is not None else None,
        chain=AttributionChain([Source(name, kind) for name, kind in sources]),  # type: ignore[arg-type]
        modality="reported",
        evidence=sentence,
    )


def event(event_id: str, mentions: list[Mention]) -> Event:
    first = mentions[0]
    places = [pm.place for m in mentions for pm in m.places if pm.place][:1]
    killed = [m.fatalities.best for m in mentions if m.fatalities and m.fatalities.best is not None]
    figures = [Figure("killed", min(killed), max(killed), max(killed))] if killed else []
    return Event(
        id=event_id,
        mentions=mentions,
        event_type=first.event_type,
        sub_event_type=first.sub_event_type,
        plover=first.plover,
        date=first.date,
        places=places,
        actors=list(first.actors),
        figures=figures,
    )


# --- documents ----------------------------------------------------------------------


def test_ingesting_the_same_document_twice_changes_nothing(store: Store) -> None:
    first = store.add_document(article())
    before = store.stats()
    again = store.add_document(article())
    assert first.status == "stored"
    assert (again.status, again.document_id, again.name) == ("duplicate", first.document_id, first.name)
    assert store.stats() == before
    assert count(store, t.document_bands) == 28  # the fingerprint index (a row per pair of bands) not written twice


def test_a_document_stored_under_another_name_is_still_a_duplicate(store: Store) -> None:
    store.add_document(article(name="a.txt"))
    result = store.add_document(article(name="copy-of-a.txt"))
    assert (result.status, result.name) == ("duplicate", "a.txt")
    assert [d.document.name for d in store.documents()] == ["a.txt"]


def test_changed_text_becomes_a_new_version_with_the_same_name(store: Store) -> None:
    original = store.add_document(article())
    corrected = store.add_document(article(ARTICLE.replace("at least 30", "at least 34")))
    assert corrected.status == "new-version"
    assert corrected.superseded_id == original.document_id
    latest = store.get_document("sudan/el-fasher.txt")
    assert latest is not None
    assert latest.version == 2 and "at least 34" in latest.document.text
    assert [d.version for d in store.documents()] == [2]
    assert [d.version for d in store.documents(latest_only=False)] == [1, 2]


def test_a_republished_copy_is_flagged_as_a_near_duplicate(store: Store) -> None:
    store.add_document(article(name="wire/original.txt"))
    lightly_edited = ARTICLE.replace("Clashes in El Fasher kill dozens", "Dozens killed in El Fasher clashes") + (
        "\n\nRead more: Sudan's war explained"
    )
    republished = store.add_document(article(lightly_edited, name="aggregator/copy.txt"))
    unrelated = store.add_document(article(UNRELATED, name="ukraine/kharkiv.txt"))
    assert republished.status == "stored"
    assert republished.near_duplicate_of == "wire/original.txt"
    assert unrelated.near_duplicate_of is None
    stored = store.get_document("aggregator/copy.txt")
    assert stored is not None and stored.near_duplicate_of == "wire/original.txt"


def test_a_document_round_trips_with_its_metadata_and_paragraphs(store: Store) -> None:
    original = article()
    store.add_document(original)
    by_hash = store.get_document(original.content_hash[:12])
    assert by_hash is not None
    assert to_dict(by_hash.document) == to_dict(original)


# --- migrations ---------------------------------------------------------------------


def test_migrations_are_recorded_and_running_them_again_is_a_no_op(store_url: str) -> None:
    Store.open(store_url).close()
    reopened = Store.open(store_url)  # a second open must not re-apply anything
    with reopened.engine.begin() as c:
        assert migrate(c) == []
        rows = c.execute(select(t.schema_migrations.c.version, t.schema_migrations.c.description)).all()
    assert sorted(v for v, _ in rows) == [m.version for m in MIGRATIONS]
    assert max(v for v, _ in rows) == LATEST_VERSION
    assert all(description for _, description in rows)
    reopened.close()


def test_a_store_from_before_migration_4_files_country_wide_events_by_country_and_still_finds_copies(
    store_url: str,
) -> None:
    store = Store.open(store_url)
    store.add_document(article(name="wire/original.txt"))
    sudan = Place("geonames:366755", "Sudan", "SD", 15.0, 30.0, "country")
    store.save_event(
        Event(
            id="ev-sudan",
            mentions=[],
            event_type="Battles",
            sub_event_type="Armed clash",
            plover="FIGHT",
            date=DateInterval(dt.date(2024, 5, 10), dt.date(2024, 5, 10), "day"),
            places=[sudan],
        )
    )
    with store.engine.begin() as c:  # as version 3 left it: coarse events in one cell, fingerprints by band
        c.execute(t.events.update().values(place_cell=COARSE_CELL))
        c.execute(delete(t.document_bands))
        fingerprint = int(c.scalar(select(t.documents.c.simhash)), 16)
        document_id = c.scalar(select(t.documents.c.id))
        bands = [{"document_id": document_id, "band": b, "value": fingerprint >> (8 * b) & 0xFF} for b in range(8)]
        c.execute(t.document_bands.insert(), bands)
        c.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == 4))
    store.close()

    reopened = Store.open(store_url)
    with reopened.engine.connect() as c:
        assert c.scalar(select(t.events.c.place_cell)) == country_cell("SD")
    in_sudan = mention(article(UNRELATED), 1, where="El Fasher")
    in_ukraine = mention(article(UNRELATED), 2, where="Kharkiv")
    assert [e.id for e in reopened.candidate_events(in_sudan, 3)] == ["ev-sudan"]
    assert reopened.candidate_events(in_ukraine, 3) == []  # a country-wide event of another country
    copy = reopened.add_document(article(ARTICLE + "\n\nRead more: Sudan's war explained", name="aggregator/copy.txt"))
    assert copy.near_duplicate_of == "wire/original.txt"
    reopened.close()


def test_a_store_from_before_migration_6_gains_every_pair_of_an_entry_and_keeps_its_old_entries(
    store_url: str,
) -> None:
    store = Store.open(store_url)
    old = {"kind": "figure", "subject": "killed", "description": "10 vs 20", "a": "c1", "b": "c2"}
    with store.engine.begin() as c:  # as version 5 left it: an entry named its first pair only
        c.execute(text("ALTER TABLE contradictions DROP COLUMN pairs"))
        c.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == 6))
    with store.engine.begin() as c:
        c.execute(t.contradictions.insert(), old)  # the columns version 5 knew
    store.close()

    reopened = Store.open(store_url)
    (row,) = reopened.contradictions()
    assert (row["a"], row["b"], row["pairs"]) == ("c1", "c2", None)
    reopened.close()


def test_data_survives_reopening_the_database(store_url: str) -> None:
    first = Store.open(store_url)
    first.add_document(article())
    first.close()
    second = Store.open(store_url)
    assert second.stats()["documents"] == 1
    second.close()


# --- events -------------------------------------------------------------------------


def stored_with_mentions(store: Store, document: Document, mentions: list[Mention]) -> int:
    document_id = store.add_document(document).document_id
    store.replace_extraction(document_id, mentions, [])
    return document_id


def test_an_event_round_trips_with_its_mentions(store: Store) -> None:
    doc = article()
    mentions = [mention(doc, 1), mention(doc, 2, sources=(("a doctor", "person"), ("Sudan Tribune", "publisher")))]
    stored_with_mentions(store, doc, mentions)
    original = event("ev-fasher", mentions)
    store.save_event(original, first_document=doc.name)

    loaded = store.get_event("ev-fasher")
    assert loaded is not None
    assert to_dict(loaded) == to_dict(original)
    assert store.event_first_document() == {"ev-fasher": doc.name}
    [summary] = store.events()
    assert (summary.country, summary.location, summary.fatalities_best, summary.reports) == ("SD", "El Fasher", 30, 2)


def test_a_merged_away_event_id_redirects_to_the_event_it_joined(store: Store) -> None:
    doc = article()
    m1, m2 = mention(doc, 1), mention(doc, 2, killed=34)
    stored_with_mentions(store, doc, [m1, m2])
    store.save_event(event("ev-a", [m1]))
    store.save_event(event("ev-b", [m2]))

    store.save_event(event("ev-b", [m1, m2]))
    store.delete_event("ev-a", redirect_to="ev-b", reason="merge")
    store.delete_event("ev-b", redirect_to="ev-c", reason="merge")  # a second merge: redirects chain
    store.save_event(event("ev-c", [m1, m2]))

    assert store.resolve_event_id("ev-a") == "ev-c"
    merged = store.get_event("ev-a")
    assert merged is not None and merged.id == "ev-c"
    assert sorted(m.id for m in merged.mentions) == sorted([m1.id, m2.id])
    assert [f.low for f in merged.figures] == [30]
    assert store.get_event("no-such-event") is None
    assert [e.id for e in store.events()] == ["ev-c"]
    # read together, only the ids events are stored under: as get_event gives them, no redirect followed
    together = store.events_by_id(["ev-a", "ev-c", "no-such-event"])
    assert list(together) == ["ev-c"] and to_dict(together["ev-c"]) == to_dict(store.get_event("ev-c"))


# --- filters ------------------------------------------------------------------------


@pytest.fixture
def three_events(store: Store) -> Store:
    """A battle in Sudan, a drone strike in Ukraine and a bombing in Iraq, from three outlets."""
    sudan = article()
    ukraine = article(UNRELATED, "ukraine/kharkiv.txt", DocumentMeta(outlet="Kyiv Independent", language="en"))
    iraq = article(
        "Car bomb kills five in Mosul\n\nA car bomb exploded near a market in western Mosul on Friday, killing five "
        "people, Iraqi security officials told Rudaw. No group claimed responsibility.",
        "iraq/mosul.txt",
        DocumentMeta(outlet="Rudaw", language="en"),
    )
    battle = mention(sudan, 1, sources=(("local medics", "unnamed"), ("Sudan Tribune", "publisher")))
    drone = mention(
        ukraine,
        1,
        event_type="Explosions/Remote violence",
        where="Kharkiv",
        day=dt.date(2024, 6, 2),
        sources=(("regional governor", "official"),),
        killed=None,
    )
    bomb = mention(
        iraq,
        1,
        event_type="Explosions/Remote violence",
        where="Mosul",
        day=dt.date(2024, 3, 1),
        sources=(("Iraqi security officials", "official"), ("Rudaw", "publisher")),
        killed=5,
    )
    for doc, m, event_id in ((sudan, battle, "ev-sd"), (ukraine, drone, "ev-ua"), (iraq, bomb, "ev-iq")):
        stored_with_mentions(store, doc, [m])
        store.save_event(event(event_id, [m]), first_document=doc.name)
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (EventFilter(), {"ev-sd", "ev-ua", "ev-iq"}),
        (EventFilter(event_type="explosions/remote violence"), {"ev-ua", "ev-iq"}),
        (EventFilter(country="ua"), {"ev-ua"}),
        (EventFilter(since=dt.date(2024, 5, 1)), {"ev-sd", "ev-ua"}),
        (EventFilter(until=dt.date(2024, 5, 12)), {"ev-sd", "ev-iq"}),
        (EventFilter(since=dt.date(2024, 5, 12), until=dt.date(2024, 5, 12)), {"ev-sd"}),
        (EventFilter(bbox=(20.0, 10.0, 45.0, 40.0)), {"ev-sd", "ev-iq"}),  # Sudan to Iraq, not Ukraine
        (EventFilter(text="el fasher"), {"ev-sd"}),
        (EventFilter(source="governor"), {"ev-ua"}),  # a source in the attribution chain
        (EventFilter(source="kyiv independent"), {"ev-ua"}),  # the outlet that published it
        (EventFilter(source="rudaw", country="IQ"), {"ev-iq"}),
        (EventFilter(country="SD", event_type="Explosions/Remote violence"), set()),
        (EventFilter(actor="rapid support"), {"ev-sd", "ev-ua", "ev-iq"}),
    ],
)
def test_events_can_be_filtered(three_events: Store, filters: EventFilter, expected: set[str]) -> None:
    assert {e.id for e in three_events.events(filters)} == expected
    assert three_events.count_events(filters) == len(expected)


def test_events_sort_and_page(three_events: Store) -> None:
    newest_first = [e.id for e in three_events.events(EventFilter(sort="date"))]
    assert newest_first == ["ev-ua", "ev-sd", "ev-iq"]
    assert [e.id for e in three_events.events(EventFilter(sort="-date", limit=2))] == ["ev-iq", "ev-sd"]
    assert [e.id for e in three_events.events(EventFilter(sort="-date", limit=2, offset=2))] == ["ev-ua"]
    assert three_events.events(EventFilter(sort="fatalities"))[0].id == "ev-sd"


# --- replacing a document's extraction ------------------------------------------------


def test_replacing_an_extraction_cascades_to_places_and_sources(store: Store) -> None:
    doc = article()
    old = [mention(doc, 1), mention(doc, 2, sources=(("a doctor", "person"), ("Sudan Tribune", "publisher")))]
    document_id = stored_with_mentions(store, doc, old)
    store.save_event(event("ev-old", old))
    assert (count(store, t.mention_places), count(store, t.mention_sources)) == (2, 3)

    new = [mention(doc, 3, sources=(("the army", "official"),))]
    touched = store.replace_extraction(document_id, new, [])

    assert touched == {"ev-old"}  # the event lost its reports and must be re-derived
    assert [m.id for m in store.mentions_for_document(document_id)] == [new[0].id]
    assert store.mentions_for_event("ev-old") == []
    assert (count(store, t.mention_places), count(store, t.mention_sources)) == (1, 1)
    assert count(store, t.sources) == 4  # sources are shared and kept: medics, doctor, outlet, army


def test_deleting_a_document_row_cascades_to_its_mentions(store: Store) -> None:
    doc = article()
    document_id = stored_with_mentions(store, doc, [mention(doc, 1)])
    store.save_event(event("ev-x", [mention(doc, 1)]), first_document=doc.name)
    with store.engine.begin() as c:
        c.execute(delete(t.documents).where(t.documents.c.id == document_id))
    assert store.stats()["mentions"] == 0
    assert [count(store, table) for table in (t.mention_places, t.mention_sources, t.document_bands)] == [0, 0, 0]
    assert store.event_first_document() == {}  # the event stays, its first document is unset
    assert store.get_event("ev-x") is not None


def test_a_number_too_long_for_an_id_finds_no_document_and_raises_nothing(store: Store) -> None:
    store.add_document(article())
    assert store.get_document("9" * 25) is None
