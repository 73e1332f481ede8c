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

from sqlalchemy import Connection, inspect, select
from sqlalchemy.schema import CreateIndex

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


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema: documents, mentions, events, claims, places, sources", _initial_schema),
    Migration(2, "event list order read off indexes: by date, and by type then date", _event_list_indexes),
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
