"""The ``sitrep`` command: a thin shell over the library.

Exit status: 0 all went well, 1 some inputs failed (each named on stderr),
2 usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

import click

from sitrep.ingest.document import DocumentMeta, parse_published
from sitrep.ingest.readers import ReadFailure, ReadOptions
from sitrep.ingest.validate import DEFAULT_MAX_BYTES, InputError
from sitrep.store import EventFilter, Store

DEFAULT_DB = "sitrep.db"
EXIT_INPUT_FAILED = 1
db_option = click.option(
    "--db",
    "db",
    default=DEFAULT_DB,
    show_default=True,
    envvar="SITREP_DB",
    help="Database: a SQLite path, sqlite:///PATH or postgresql://USER@HOST/DB.",
)


def _open(db: str, create: bool = False) -> Store:
    """The store at ``db``; only commands that write (ingest) create a new one."""
    try:
        return Store.open(db, create=create)
    except Exception as exc:
        raise click.UsageError(f"cannot open database {db}: {exc}") from None


def _date(_ctx: Any, param: Any, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_published(value)
    except InputError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param=param) from None


class LazyGroup(click.Group):
    """Commands that live beside their stage's code, imported only when used (``sitrep serve`` loads FastAPI,
    ``sitrep events`` does not)."""

    lazy: ClassVar[dict[str, str]] = {
        "geo": "sitrep.geo.cli:geo",
        "serve": "sitrep.api.cli:serve_command",
        "export": "sitrep.api.cli:export_command",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            import importlib

            module_name, attribute = self.lazy[cmd_name].split(":")
            command: click.Command = getattr(importlib.import_module(module_name), attribute)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitrep")
def main() -> None:
    """sitrep: news about armed conflict -> a sourced, geocoded event database."""


@main.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--outlet", help="Outlet for documents that do not say.")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for documents that do not say.")
@click.option("--url", help="URL of the document.")
@click.option("--title", help="Title of the document.")
@click.option("--name", help="Name for a document read from standard input.")
@click.option("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse larger inputs.")
@click.option("--no-extract", is_flag=True, help="Only store the documents; run the later stages with `sitrep rerun`.")
@click.option(
    "--allow-private", is_flag=True, help="Fetch URLs on loopback and private networks too (refused by default)."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Run the per-document stages as a Dask job on this many local worker processes.",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Run the job on a running Dask cluster (documents travel to its workers as data; use a PostgreSQL --db).",
)
@click.option(
    "--dashboard-address",
    metavar="HOST:PORT",
    help="With --workers: run the local workers as a Dask cluster whose dashboard listens here (127.0.0.1:0: this "
    "machine, any port). Without it the workers are processes forked from this one, which start faster.",
)
def ingest(
    sources: tuple[str, ...],
    db: str,
    outlet: str | None,
    published: dt.date | None,
    url: str | None,
    title: str | None,
    name: str | None,
    max_bytes: int,
    no_extract: bool,
    allow_private: bool,
    quiet: bool,
    workers: int,
    scheduler: str | None,
    dashboard_address: str | None,
) -> None:
    """Read SOURCES (files, folders, .jsonl, HTML, feeds, WARC, URLs, or - for stdin) and run the pipeline."""
    from tqdm import tqdm

    from sitrep.pipeline import ingest as run_ingest

    store = _open(db, create=True)
    options = ReadOptions(
        DocumentMeta(outlet=outlet, url=url, title=title, published=published), max_bytes, name, allow_private
    )
    total = _count_inputs(sources)
    if workers > 1 or scheduler:
        from sitrep.scale import run_dask_ingest

        report = run_dask_ingest(
            list(sources),
            db,
            workers=workers,
            options=options,
            extract=not no_extract,
            scheduler_address=scheduler,
            dashboard_address=dashboard_address,
        )
    else:
        bar = tqdm(total=total, unit="doc", disable=quiet or total <= 5, file=sys.stderr)
        report = run_ingest(sources, store, options, extract=not no_extract, on_progress=lambda _n: bar.update(1))
        bar.close()
    _echo_failures(report.failures)
    for name_, original in report.near_duplicates:
        click.echo(f"sitrep: {name_}: near duplicate of {original} (stored)", err=True)
    click.echo(
        f"{len(report.stored)} stored, {len(report.new_versions)} new versions, "
        f"{len(report.duplicates)} skipped as duplicates, "
        + (f"{len(report.resumed)} finished from an interrupted run, " if report.resumed else "")
        + f"{len(report.failures)} failed; "
        f"{report.mentions} event mentions, {report.claims} claims -> {store.url}",
        err=True,
    )
    sys.exit(0 if report.ok else 1)


def _count_inputs(sources: tuple[str, ...]) -> int:
    """Documents to expect, for the progress bar: a JSON Lines file holds one per line, other files one."""
    from sitrep.ingest.readers import list_input_files

    total = 0
    for source in sources:
        path = Path(source)
        for file in list_input_files(path) if path.is_dir() else [path]:
            total += _lines(file) if file.suffix == ".jsonl" and file.is_file() else 1
    return total


def _lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def docs(db: str, as_json: bool) -> None:
    """List stored documents."""
    store = _open(db)
    for stored in store.documents():
        d = stored.document
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "name": d.name,
                        "hash": d.content_hash,
                        "version": stored.version,
                        "outlet": d.outlet,
                        "published": str(d.published or ""),
                        "title": d.title,
                    }
                )
            )
        else:
            click.echo(
                "\t".join(
                    [
                        d.name,
                        d.content_hash[:12],
                        f"v{stored.version}",
                        d.outlet or "-",
                        str(d.published or "-"),
                        d.title or "-",
                    ]
                )
            )


@main.command()
@click.argument("ref")
@db_option
def show(ref: str, db: str) -> None:
    """Show a document (by name or hash) or an event (by id) with its evidence."""
    from sitrep.report import format_document, format_event

    store = _open(db)
    event = store.get_event(ref) if ref.startswith("ev_") else None
    if event is not None:
        click.echo(format_event(event, store))
        return
    stored = store.get_document(ref)
    if stored is None:
        click.echo(f"sitrep: {ref}: no such document or event", err=True)
        sys.exit(1)
    click.echo(format_document(stored, store))


def _event_filters(f: Any) -> Any:
    for option in reversed(
        [
            click.option("--type", "event_type", help="ACLED event type, e.g. 'Battles'."),
            click.option("--actor", help="Actor name (substring)."),
            click.option("--country", help="ISO country code, e.g. SY."),
            click.option("--since", callback=_date, help="Events ending on or after this date."),
            click.option("--until", callback=_date, help="Events starting on or before this date."),
            click.option("--source", help="Outlet or source in the chain (substring)."),
            click.option("--limit", type=int, default=None),
        ]
    ):
        f = option(f)
    return f


def _filter(
    event_type: str | None,
    actor: str | None,
    country: str | None,
    since: dt.date | None,
    until: dt.date | None,
    source: str | None,
    limit: int | None,
) -> EventFilter:
    return EventFilter(
        event_type=event_type, actor=actor, country=country, since=since, until=until, source=source, limit=limit
    )


@main.command()
@db_option
@_event_filters
def events(db: str, **filters: Any) -> None:
    """List events with their report counts."""
    store = _open(db)
    for e in store.events(_filter(**filters)):
        date = (
            "undated"
            if e.date_start is None
            else f"{e.date_start}..{e.date_end}"
            if e.date_start != e.date_end
            else str(e.date_start)
        )
        click.echo(
            f"{e.id}\t{date}\t{e.event_type} / {e.sub_event_type}\t{e.actor1 or '-'} -> {e.actor2 or '-'}\t"
            f"{e.location or '-'} ({e.country or '?'})\tfatalities={_or_dash(e.fatalities_best)}\treports={e.reports}"
        )


def _or_dash(value: object) -> str:
    return "-" if value is None else str(value)


@main.command()
@db_option
def contradictions(db: str) -> None:
    """List contradictions between reports and between claims, each followed by its positions: what each report
    says, who says so, and the sentence it says it in."""
    from sitrep.api.views import contradiction_positions

    store = _open(db)
    rows = [dict(row) for row in store.contradictions()]
    for row, positions in zip(rows, contradiction_positions(store, rows), strict=True):
        where = row["event_id"] or row["claim_topic"]
        click.echo(f"[{row['kind']}] {where}: {row['description']}  ({row['a']} vs {row['b']})")
        for p in positions:
            click.echo(f"    {p.says} [{p.doc}]: «{_excerpt(p.text)}»")


def _excerpt(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@main.command()
@db_option
def sources(db: str) -> None:
    """For each outlet and originator: events, sole reports, highest/lowest figures, framing."""
    from sitrep.resolve import source_profiles

    store = _open(db)
    profiles = source_profiles(list(store.full_events()), store.outlets_by_document())
    click.echo("source\tkind\tevents\tsole\thighest\tlowest\tframing/report")
    for p in profiles:
        click.echo(
            f"{p.name}\t{p.kind}\t{p.events}\t{p.sole_reporter}\t{p.highest_figure}\t{p.lowest_figure}\t{p.framing_per_report:.2f}"
        )


@main.command()
@click.argument("stage", type=click.Choice(["extract", "geocode", "resolve"]))
@db_option
def rerun(stage: str, db: str) -> None:
    """Re-run STAGE on what is stored (after a lexicon or gazetteer change)."""
    from sitrep.pipeline import rerun as run

    report = run(_open(db), stage)
    click.echo(f"re-ran {stage} on {len(report.resumed)} documents", err=True)
    _echo_failures(report.failures)
    if report.failures:
        raise SystemExit(EXIT_INPUT_FAILED)


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option(
    "--events",
    "events_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this coded JSON Lines file (the export's shape, any coder's output) instead of the database.",
)
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="Write the scores as JSON.")
def eval_command(gold_dir: Path, db: str, events_file: Path | None, out: Path | None) -> None:
    """Score the database (or a coded file) against gold files (format of shared/gold).

    On a held-out split (a gold folder holding a HELD_OUT file) only the totals are printed, never the
    per-event lists, so that nobody tunes on it."""
    from sitrep.evaluate import evaluate_records, evaluate_store, format_scores, is_held_out, records_from_jsonl

    if events_file is not None:
        scores = evaluate_records(records_from_jsonl(events_file), gold_dir)
    else:
        scores = evaluate_store(_open(db), gold_dir)
    held_out = is_held_out(gold_dir)
    if held_out:
        click.echo("held-out split: totals only, no per-event lists", err=True)
    click.echo(format_scores(scores, lists=not held_out))
    if out:
        data = scores.to_dict()
        if held_out:
            data = {k: (len(v) if isinstance(v, list) else v) for k, v in data.items()}
        out.write_text(json.dumps(data, indent=2), encoding="utf-8")
        click.echo(f"scores written to {out}", err=True)


@main.command()
@db_option
@click.option("--repair", is_flag=True, help="Finish the extraction of documents an interrupted run left unfinished.")
def doctor(db: str, repair: bool) -> None:
    """Versions, the NLP model in use, and the database (with documents left unfinished)."""
    import platform

    import spacy

    from sitrep.nlp import model_info

    info = model_info()
    click.echo(f"sitrep      {_version()}")
    click.echo(f"python      {platform.python_version()}")
    click.echo(f"spacy       {spacy.about.__version__}")
    click.echo(f"model       {info.name} {info.version} (package {info.package})")
    click.echo(f"model path  {info.path}")
    click.echo(f"components  {', '.join(info.components)}")
    try:
        store = Store.open(db, create=False)
    except Exception as exc:
        click.echo(f"database    {db}: {exc}")
        store = None
    if store is not None:
        click.echo(f"database    {store.url} ({store.engine.dialect.name})")
        click.echo("contents    " + ", ".join(f"{k}={v}" for k, v in store.stats().items()))
        _report_unfinished(store, repair)
    try:
        from sitrep.geo.build import default_index_path

        index = default_index_path()
        state = f"{index.stat().st_size / 1e6:.0f} MB" if index.exists() else "not built yet (sitrep geo build)"
        click.echo(f"gazetteer   {index} ({state})")
    except Exception as exc:  # the gazetteer is optional for doctor
        click.echo(f"gazetteer   unavailable: {exc}")


def _echo_failures(failures: Iterable[ReadFailure]) -> None:
    """Each failed input on standard error, named, as every command reports them."""
    for failure in failures:
        click.echo(f"sitrep: {failure.name}: {failure.reason}", err=True)


def _report_unfinished(store: Store, repair: bool) -> None:
    from sitrep.pipeline import finish_unfinished

    unfinished = store.unfinished_documents()
    names = ", ".join(d.document.name for d in unfinished[:5]) + (" ..." if len(unfinished) > 5 else "")
    if not unfinished:
        click.echo("unfinished  none")
        return
    click.echo(
        f"unfinished  {len(unfinished)} documents stored but not extracted ({names}): an interrupted run or"
        " --no-extract; `sitrep doctor --repair` (or the same ingest again) finishes them"
    )
    if repair:
        report = finish_unfinished(store)
        click.echo(f"repaired    {len(report.resumed)} documents extracted")
        _echo_failures(report.failures)
        if report.failures:
            raise SystemExit(EXIT_INPUT_FAILED)


def _version() -> str:
    from importlib.metadata import version

    return version("sitrep")
