"""Versioned schema migrations.

Each migration has a number and runs once, in order, inside a transaction;
``schema_migrations`` records which have run. Version 1 creates the schema as
`schema.py` defined it when 1 was written; later versions alter it and must be
added here, never by editing an applied migration.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, inspect, select, text, update
from sqlalchemy.schema import CreateIndex

from sitrep.model import Claim, from_dict
from sitrep.store import schema


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[Connection], None]


def _initial_schema(connection: Connection) -> None:
    schema.metadata.create_all(connection)


def _event_list_indexes(connection: Connection) -> None:
    # Version 1 of a newer install already made them (it creates schema.py's tables whole), hence IF NOT
    # EXISTS; reflection cannot see expression indexes, so checkfirst would not do.
    names = (f"ix_events_date_id_{connection.dialect.name}", f"ix_events_type_date_id_{connection.dialect.name}")
    for index in schema.events.indexes:
        if index.name in names:
            connection.execute(CreateIndex(index, if_not_exists=True))


_ADDED_COLUMNS = {
    "events": ("place_cell", "date_span"),
    "claims": ("topic_key", "concerns", "claim_group"),
    "contradictions": ("claim_group",),
}
_CANDIDATE_INDEXES = (
    "ix_events_candidates_cell",
    "ix_events_candidates",
    "ix_claims_topic_key",
    "ix_claims_concerns",
    "ix_claims_group",
    "ix_claim_terms_term",
    "ix_contradictions_claim_group",
)


def _flat_cost_per_document(connection: Connection) -> None:
    """Event candidates by type, place cell and class of date length; claims findable by topic and subject word,
    with the group they were compared in; events whose denials are pending. Existing rows are filled in, and
    claim contradictions are worked out again (all of them, once) by the next refresh."""
    from sitrep.store.database import claim_index_values, date_span_class, place_cell

    inspector = inspect(connection)
    for table_name, names in _ADDED_COLUMNS.items():
        have = {column["name"] for column in inspector.get_columns(table_name)}
        table = schema.metadata.tables[table_name]
        for name in names:
            if name not in have:
                kind = table.c[name].type.compile(dialect=connection.dialect)
                connection.execute(text(f"ALTER TABLE {table_name} ADD COLUMN {name} {kind}"))
    schema.claim_terms.create(connection, checkfirst=True)
    schema.contradiction_pending.create(connection, checkfirst=True)
    for table in schema.metadata.tables.values():
        for index in table.indexes:
            if index.name in _CANDIDATE_INDEXES:
                connection.execute(CreateIndex(index, if_not_exists=True))
    events, claims = schema.events, schema.claims
    for row in connection.execute(
        select(events.c.id, events.c.lat, events.c.lon, events.c.geo_precision, events.c.date_start, events.c.date_end)
    ).all():
        connection.execute(
            update(events)
            .where(events.c.id == row.id)
            .values(
                place_cell=place_cell(row.lat, row.lon, row.geo_precision),
                date_span=date_span_class(row.date_start, row.date_end),
            )
        )
    connection.execute(delete(schema.claim_terms))
    for claim_row in connection.execute(select(claims.c.id, claims.c.data)).all():
        claim = from_dict(Claim, claim_row.data)
        key, terms = claim_index_values(claim)
        connection.execute(
            update(claims)
            .where(claims.c.id == claim_row.id)
            .values(topic_key=key, concerns=claim.concerns, claim_group=None)
        )
        if terms:
            connection.execute(insert(schema.claim_terms), [{"claim_id": claim.id, "term": term} for term in terms])
    connection.execute(delete(schema.contradictions).where(schema.contradictions.c.event_id.is_(None)))
    denied = (
        select(schema.mentions.c.event_id)
        .join(claims, claims.c.concerns == schema.mentions.c.id)
        .where(claims.c.modality == "denied", schema.mentions.c.event_id.is_not(None))
        .distinct()
    )
    pending = sorted(connection.scalars(denied))
    if pending:
        connection.execute(insert(schema.contradiction_pending), [{"event_id": e} for e in pending])


def _flat_at_scale(connection: Connection) -> None:
    """Country-wide events filed under their country's cell, and SimHash looked up by pairs of bands, so that
    neither lookup grows with the store (database.event_place_cell, database.simhash_band_pairs)."""
    from sitrep.model import Event
    from sitrep.store.database import COARSE_CELL, event_place_cell, simhash_band_pairs

    events, documents, bands = schema.events, schema.documents, schema.document_bands
    coarse = select(events.c.id, events.c.data).where(events.c.place_cell == COARSE_CELL)
    for row in connection.execute(coarse).all():
        cell = event_place_cell(from_dict(Event, row.data))
        if cell != COARSE_CELL:
            connection.execute(update(events).where(events.c.id == row.id).values(place_cell=cell))
    connection.execute(delete(bands))
    rows: list[dict[str, int]] = []
    for document in connection.execute(select(documents.c.id, documents.c.simhash)).all():
        if document.simhash:
            rows += [
                {"document_id": document.id, "band": b, "value": v}
                for b, v in simhash_band_pairs(int(document.simhash, 16))
            ]
        if len(rows) >= 10_000:
            connection.execute(insert(bands), rows)
            rows = []
    if rows:
        connection.execute(insert(bands), rows)


def _claim_groups_by_index(connection: Connection) -> None:
    """Claims say whether they are compared across documents, and their subject words whether they have a topic;
    a group's members and a topic key's groups are read off indexes, so that a claim joining a group of thousands
    reads only the few it may dispute."""
    from sitrep.store.database import claim_compared_across

    claims = schema.claims
    have = {column["name"] for column in inspect(connection).get_columns("claims")}
    if "compared_across" not in have:
        kind = claims.c.compared_across.type.compile(dialect=connection.dialect)
        connection.execute(text(f"ALTER TABLE claims ADD COLUMN compared_across {kind}"))
    terms = schema.claim_terms
    if "topical" not in {column["name"] for column in inspect(connection).get_columns("claim_terms")}:
        kind = terms.c.topical.type.compile(dialect=connection.dialect)
        connection.execute(text(f"ALTER TABLE claim_terms ADD COLUMN topical {kind} NOT NULL DEFAULT false"))
    for index in [*claims.indexes, *terms.indexes]:
        if index.name in ("ix_claims_group_document", "ix_claims_key_groups", "ix_claim_terms_untopical"):
            connection.execute(CreateIndex(index, if_not_exists=True))
    for row in connection.execute(select(claims.c.id, claims.c.data, claims.c.topic_key)).all():
        across = claim_compared_across(from_dict(Claim, row.data))
        connection.execute(update(claims).where(claims.c.id == row.id).values(compared_across=across))
        topical = row.topic_key is not None
        connection.execute(update(terms).where(terms.c.claim_id == row.id).values(topical=topical))


def _every_pair_of_an_entry(connection: Connection) -> None:
    """A contradiction entry keeps every pair of reports that take a side in it, not only its first."""
    have = {column["name"] for column in inspect(connection).get_columns("contradictions")}
    if "pairs" not in have:
        kind = schema.contradictions.c.pairs.type.compile(dialect=connection.dialect)
        connection.execute(text(f"ALTER TABLE contradictions ADD COLUMN pairs {kind}"))


def _claims_by_pairs_of_words(connection: Connection) -> None:
    """Each claim's subject words say how many it has, and every two of them are a key of their own, so that a
    claim's neighbours are read by the words that can make it one quantity with them (database._reaching_words)."""
    from sitrep.store.database import claim_pair_rows

    terms = schema.claim_terms
    if "size" not in {column["name"] for column in inspect(connection).get_columns("claim_terms")}:
        kind = terms.c.size.type.compile(dialect=connection.dialect)
        connection.execute(text(f"ALTER TABLE claim_terms ADD COLUMN size {kind}"))
    schema.claim_term_pairs.create(connection, checkfirst=True)
    for index in terms.indexes:
        if index.name == "ix_claim_terms_reach":
            connection.execute(CreateIndex(index, if_not_exists=True))
    connection.execute(delete(schema.claim_term_pairs))
    rows: list[dict[str, object]] = []
    claim_id, topical = "", False
    words: list[str] = []
    ordered = select(terms.c.claim_id, terms.c.term, terms.c.topical).order_by(terms.c.claim_id, terms.c.term)
    for row in [*connection.execute(ordered).all(), None]:
        if row is None or row.claim_id != claim_id:
            if words:
                rows += claim_pair_rows(claim_id, words, topical)
                connection.execute(update(terms).where(terms.c.claim_id == claim_id).values(size=len(words)))
            if len(rows) >= 10_000 or (row is None and rows):
                connection.execute(insert(schema.claim_term_pairs), rows)
                rows = []
            if row is None:
                break
            claim_id, words, topical = row.claim_id, [], row.topical
        words.append(row.term)


def _compared_in_group(connection: Connection) -> None:
    """Claims marked when they may be in a compared pair of their group, so that a new claim joining a group of
    thousands reads those few off an index instead of counting every document's claims in the group."""
    from sitrep.store.database import mark_compared_in_group

    claims = schema.claims
    if "compared_in_group" not in {column["name"] for column in inspect(connection).get_columns("claims")}:
        kind = claims.c.compared_in_group.type.compile(dialect=connection.dialect)
        connection.execute(text(f"ALTER TABLE claims ADD COLUMN compared_in_group {kind}"))
    for index in claims.indexes:
        if index.name == "ix_claims_group_compared":
            connection.execute(CreateIndex(index, if_not_exists=True))
    grouped = select(claims.c.document_id).where(claims.c.claim_group.is_not(None)).distinct()
    mark_compared_in_group(connection, connection.scalars(grouped))


def _coarse_events_index(connection: Connection) -> None:
    """The coarse events' own index, which the candidate query names for a report placed in no known country."""
    for index in schema.events.indexes:
        if index.name == "ix_events_coarse":
            connection.execute(CreateIndex(index, if_not_exists=True))


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema: documents, mentions, events, claims, places, sources", _initial_schema),
    Migration(2, "event list order read off indexes: by date, and by type then date", _event_list_indexes),
    Migration(
        3,
        "flat cost per document: event candidates by place cell and date length, incremental claim contradictions",
        _flat_cost_per_document,
    ),
    Migration(
        4,
        "flat at scale: country-wide events by country, near-duplicate fingerprints by pairs of bands",
        _flat_at_scale,
    ),
    Migration(
        5,
        "claim groups by index: whether a claim is compared across documents, groups by topic key and document",
        _claim_groups_by_index,
    ),
    Migration(6, "every pair of a contradiction entry: its positions, not only the first two", _every_pair_of_an_entry),
    Migration(
        7, "claims by pairs of subject words: neighbours read by the words that can reach", _claims_by_pairs_of_words
    ),
    Migration(8, "claims marked when they may be in a compared pair of their group", _compared_in_group),
    Migration(
        9, "coarse events indexed apart: a report placed in no known country reads only them", _coarse_events_index
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version


def applied_versions(connection: Connection) -> set[int]:
    if not inspect(connection).has_table("schema_migrations"):
        return set()
    return set(connection.scalars(select(schema.schema_migrations.c.version)))


def migrate(connection: Connection) -> list[Migration]:
    """Applies the migrations this database has not had yet; returns them."""
    done = applied_versions(connection)
    pending = [m for m in MIGRATIONS if m.version not in done]
    for migration in pending:
        schema.schema_migrations.create(connection, checkfirst=True)
        migration.apply(connection)
        connection.execute(
            schema.schema_migrations.insert().values(
                version=migration.version, description=migration.description, applied_at=dt.datetime.now(dt.UTC)
            )
        )
    return pending
