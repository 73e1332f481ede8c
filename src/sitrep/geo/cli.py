"""`sitrep geo ...`: build the gazetteer index, look names up, evaluate on a CSV."""

from __future__ import annotations

import time
from pathlib import Path

import click

from sitrep.geo.build import (
    GeoNamesDumpError,
    GeoNamesSummary,
    build_index,
    default_index_path,
    geonames_list_path,
    read_geonames_summary,
)
from sitrep.geo.evaluate import EvalInputError, evaluate_rows, read_rows, write_answers
from sitrep.geo.index import Gazetteer, GeoContext, geo_precision
from sitrep.model import Place

EXIT_INPUT_FAILED = 1

_index_option = click.option(
    "--index",
    "index_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Gazetteer index file (default: $SITREP_GAZETTEER or ~/.cache/sitrep/gazetteer-<version>.sqlite).",
)


@click.group("geo")
def geo() -> None:
    """Offline geocoding: gazetteer index, lookup and evaluation."""


@geo.command("build")
@_index_option
@click.option(
    "--geonames",
    "geonames_paths",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="A GeoNames dump you downloaded (XX.txt, XX.zip, allCountries.txt/.zip, or a folder of them); repeat for "
    "more. Adds its villages, ADM2/ADM3 units and sites. Remembered: later builds, automatic ones too, "
    "add the same dumps.",
)
@click.option("--no-geonames", is_flag=True, help="Build without GeoNames dumps and forget the remembered ones.")
def build_command(index_path: Path | None, geonames_paths: tuple[Path, ...], no_geonames: bool) -> None:
    """Build the gazetteer index from the installed GeoNames packages and sitrep's curated places."""
    if geonames_paths and no_geonames:
        raise click.UsageError("--geonames and --no-geonames exclude each other")
    target = index_path or default_index_path()
    # None: the dumps remembered beside the index; []: none, and forget them.
    geonames = list(geonames_paths) if geonames_paths else ([] if no_geonames else None)
    start = time.perf_counter()
    try:
        build_index(target, geonames=geonames)
    except GeoNamesDumpError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(EXIT_INPUT_FAILED) from exc
    seconds = time.perf_counter() - start
    click.echo(f"built {target} in {seconds:.1f} s ({target.stat().st_size / 1e6:.1f} MB)")
    summary = read_geonames_summary(target)
    if summary is not None:
        _echo_geonames_summary(summary, geonames_list_path(target))


def _echo_geonames_summary(summary: GeoNamesSummary, list_path: Path) -> None:
    click.echo(f"GeoNames dumps (remembered in {list_path}):")
    for dump in summary.dumps:
        click.echo(f"  {dump['file']}" + (f" ({dump['member']})" if dump["member"] else ""))
    click.echo("added places per country (towns, admin2/admin3 units, sites):")
    for country, counts in sorted(summary.added.items()):
        total = sum(counts.values())
        click.echo(
            f"  {country}  {total:>9,}  ({counts.get('town', 0):,} towns, {counts.get('admin2', 0):,} admin "
            f"units, {counts.get('site', 0):,} sites)"
        )
    if not summary.added:
        click.echo("  none")
    click.echo(f"already in the index (same geonameid), not added again: {summary.already_indexed:,}")


@geo.command("lookup")
@click.argument("name")
@click.option("--country", "countries", multiple=True, help="ISO2 country code(s) the document is about.")
@click.option(
    "--near",
    "nearby",
    multiple=True,
    help="A place the document also names (a province, a town); repeat for more. Decides between namesakes.",
)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 100))
@_index_option
def lookup_command(
    name: str, countries: tuple[str, ...], nearby: tuple[str, ...], limit: int, index_path: Path | None
) -> None:
    """Show where NAME resolves (its score, ACLED geo_precision and the alternatives it was chosen over), then the
    gazetteer candidates with their scores, best first."""
    gazetteer = Gazetteer.open(index_path)
    codes = [c.upper() for c in countries]
    context = GeoContext(document_countries=tuple(codes), nearby_places=nearby)
    place = gazetteer.resolve(name, context)
    candidates = gazetteer.lookup(name, codes, limit=limit, nearby=nearby)
    if place is None and not candidates:
        click.echo(f"no candidates for {name!r}", err=True)
        raise SystemExit(EXIT_INPUT_FAILED)
    if place is None:
        click.echo(f"resolved: none (no candidate is good enough for {name!r} here)")
    else:
        click.echo(f"resolved: {_describe(place)}")
        for alternative in place.alternatives:
            click.echo(
                f"  over {alternative.score:6.3f}  {alternative.name} [{alternative.precision}] "
                f"{alternative.country or '-'}  ({alternative.lat:.4f}, {alternative.lon:.4f})  "
                f"{alternative.gazetteer_id}"
            )
    click.echo("candidates:")
    for cand in candidates:
        p = cand.place
        click.echo(
            f"{cand.score:6.3f}  {p.name} [{p.precision}] {p.country or '-'} / {p.admin1 or '-'}"
            f"  ({p.lat:.4f}, {p.lon:.4f})  {p.gazetteer_id}  matched {cand.matched_name!r}"
        )


def _describe(place: Place) -> str:
    """One line on a resolved place: name, precision and ACLED's geo_precision, where, score, gazetteer id."""
    return (
        f"{place.name} [{place.precision}, geo_precision {geo_precision(place.precision)}] "
        f"{place.country or '-'} / {place.admin1 or '-'}  ({place.lat:.4f}, {place.lon:.4f})  "
        f"score {place.score:.3f}  {place.gazetteer_id}"
    )


@geo.command("eval")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Write each row's answer to this CSV.")
@_index_option
def eval_command(file: Path, out: Path | None, index_path: Path | None) -> None:
    """Score FILE (columns text,context,lat,lon[,country]): accuracy within 25/100 km, median error."""
    try:
        rows = read_rows(file)
    except EvalInputError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(EXIT_INPUT_FAILED) from exc
    report = evaluate_rows(rows, Gazetteer.open(index_path))
    for miss in report.misses(25.0):
        got = (
            f"{miss.place.name} ({miss.place.lat:.3f}, {miss.place.lon:.3f}) {miss.error_km:.0f} km"
            if miss.place and miss.error_km is not None
            else "unresolved"
        )
        click.echo(f"MISS {miss.row['text']!r} [{miss.row.get('country', '')}]: got {got}")
    median = report.median_error_km
    click.echo(f"rows: {report.total}")
    click.echo(f"accuracy@25km: {report.accuracy(25.0):.3f}")
    click.echo(f"accuracy@100km: {report.accuracy(100.0):.3f}")
    click.echo(f"median error km: {median:.1f}" if median is not None else "median error km: n/a")
    if out is not None:
        write_answers(report, out)
        click.echo(f"answers written to {out}")
