"""Scoring the geocoder on a CSV of place mentions with known coordinates.

Input columns: ``text,context,lat,lon`` and optionally ``country`` (ISO2 the evaluator may use as
document context). Each row is resolved with the context sentence as the document.
"""

from __future__ import annotations

import csv
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.geo.distance import haversine_km
from sitrep.geo.index import Gazetteer, GeoContext
from sitrep.model import Place

REQUIRED_COLUMNS = ("text", "context", "lat", "lon")
ANSWER_COLUMNS = ("resolved_name", "resolved_lat", "resolved_lon", "resolved_country", "precision", "score", "error_km")


class EvalInputError(ValueError):
    """The evaluation file is missing or malformed."""


@dataclass(slots=True)
class RowResult:
    row: dict[str, str]
    place: Place | None
    error_km: float | None  # None when nothing was resolved


@dataclass(slots=True)
class EvalReport:
    results: list[RowResult] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.results)

    def accuracy(self, km: float) -> float:
        hits = sum(1 for r in self.results if r.error_km is not None and r.error_km <= km)
        return hits / self.total if self.total else 0.0

    @property
    def median_error_km(self) -> float | None:
        # Unresolved rows count as infinitely wrong, so they push the median up rather than vanish.
        errors = [r.error_km if r.error_km is not None else float("inf") for r in self.results]
        return statistics.median(errors) if errors else None

    def misses(self, km: float = 25.0) -> list[RowResult]:
        return [r for r in self.results if r.error_km is None or r.error_km > km]


def read_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise EvalInputError(f"{path}: missing column(s) {', '.join(missing)}")
            rows = list(reader)
    except OSError as exc:
        raise EvalInputError(f"{path}: {exc.strerror or exc}") from exc
    for number, row in enumerate(rows, start=2):
        try:
            float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError) as exc:
            raise EvalInputError(f"{path}, line {number}: lat/lon are not numbers") from exc
    return rows


def context_for(row: dict[str, str], gazetteer: Gazetteer) -> GeoContext:
    # The context is one sentence: countries it names, not nationalities ("Russian jets ..."), set the scene.
    countries = gazetteer.countries_in_text(row.get("context", ""), demonym_weight=0.0)
    if countries:
        countries = [*countries, *gazetteer.places_elsewhere(row.get("context", ""), countries)]
    else:
        countries = gazetteer.countries_of_places(row.get("context", ""))
    given = (row.get("country") or "").strip().upper()
    if given:
        countries = [given, *[c for c in countries if c != given]]
    # The sentence's well-known places (a province, a city) anchor the village it names, as a document's do.
    nearby = tuple(gazetteer.well_known_places(row.get("context", "")))
    return GeoContext(sentence=row.get("context", ""), document_countries=tuple(countries), nearby_places=nearby)


def evaluate_rows(rows: Iterable[dict[str, str]], gazetteer: Gazetteer) -> EvalReport:
    report = EvalReport()
    for row in rows:
        place = gazetteer.resolve(row["text"], context_for(row, gazetteer))
        error = haversine_km(float(row["lat"]), float(row["lon"]), place.lat, place.lon) if place else None
        report.results.append(RowResult(row, place, error))
    return report


def write_answers(report: EvalReport, path: Path) -> None:
    fields = list(
        dict.fromkeys([*(report.results[0].row.keys() if report.results else REQUIRED_COLUMNS), *ANSWER_COLUMNS])
    )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for result in report.results:
            place = result.place
            writer.writerow(
                {
                    **result.row,
                    "resolved_name": place.name if place else "",
                    "resolved_lat": f"{place.lat:.5f}" if place else "",
                    "resolved_lon": f"{place.lon:.5f}" if place else "",
                    "resolved_country": (place.country or "") if place else "",
                    "precision": place.precision if place else "",
                    "score": f"{place.score:.4f}" if place else "",
                    "error_km": f"{result.error_km:.1f}" if result.error_km is not None else "",
                }
            )
