"""`sitrep serve` and `sitrep export`: click commands the main CLI registers with ``main.add_command``."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TextIO

import click

from sitrep.export import EXPORTERS, export_events
from sitrep.store.database import EventFilter, Store

_db_option = click.option(
    "--db",
    "db",
    default="sitrep.db",
    show_default=True,
    envvar="SITREP_DB",
    metavar="PATH|URL",
    help="store: a SQLite path or a URL (sqlite:///x.db, postgresql://user@host/db)",
)


def _open(db: str) -> Store:
    try:
        return Store.open(db, create=False)
    except Exception as exc:
        raise click.UsageError(f"cannot open database {db}: {exc}") from None


@click.command("serve")
@_db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--allowed-hosts",
    default="127.0.0.1,localhost",
    show_default=True,
    help="Host headers served (comma-separated; the --host address is always allowed); others get 400",
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1), help="Server processes.")
def serve_command(db: str, host: str, port: int, allowed_hosts: str, workers: int) -> None:
    """Serve the JSON API (/api/...) and the offline dashboard (/)."""
    from sitrep.api.app import serve

    _open(db).close()  # a mistyped path is a usage error before the server starts
    serve(db, host, port, tuple(h.strip() for h in allowed_hosts.split(",") if h.strip()), workers)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 4:
        raise click.BadParameter("expected min_lon,min_lat,max_lon,max_lat", param_hint="--bbox")
    return numbers


@click.command("export")
@_db_option
@click.option("--format", "format_", type=click.Choice(sorted(EXPORTERS)), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="file (default: standard output)")
@click.option("--type", "event_type", help="ACLED event type")
@click.option("--actor", help="part of an actor's name")
@click.option("--country", help="ISO alpha-2 country code")
@click.option("--admin1", help="first-level region")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="events ending on or after (YYYY-MM-DD)")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="events starting on or before (YYYY-MM-DD)")
@click.option("--source", help="part of a source's or outlet's name")
@click.option("--bbox", help="min_lon,min_lat,max_lon,max_lat")
@click.option("--text", help="text search")
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="leave out events whose type is less likely than this: higher for precision, lower for recall",
)
def export_command(
    db: str,
    format_: str,
    output: str | None,
    event_type: str | None,
    actor: str | None,
    country: str | None,
    admin1: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
    source: str | None,
    bbox: str | None,
    text: str | None,
    min_confidence: float,
) -> None:
    """Write events as jsonl, csv (ACLED columns), geojson or plover."""
    filters = EventFilter(
        event_type=event_type,
        actor=actor,
        country=country,
        admin1=admin1,
        since=since.date() if since else None,
        until=until.date() if until else None,
        source=source,
        bbox=_bbox(bbox),
        text=text,
        sort="-date",
        min_confidence=min_confidence,
    )
    store = _open(db)
    try:
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
                count = _write(store, format_, out, filters)
        else:
            count = _write(store, format_, sys.stdout, filters)
    finally:
        store.close()
    click.echo(f"exported {count} events ({format_})", err=True)


def _write(store: Store, format_: str, out: TextIO, filters: EventFilter) -> int:
    return export_events(store, format_, out, filters)
