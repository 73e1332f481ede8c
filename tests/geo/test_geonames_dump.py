"""Extending the gazetteer with GeoNames dump files a user downloaded (``sitrep geo build --geonames``).

The dumps here are a few lines in the GeoNames "geoname" table format (19 tab-separated columns, see
https://download.geonames.org/export/dump/readme.txt) for places cities500 lacks. Geonameids 172001-172004 and
709001-709006 are illustrative (not in cities500); 170017 is cities500's Hama, to check it is not added twice.
Coordinates are approximate. One index is built per module through the real CLI and build code.
"""

from __future__ import annotations

import gzip
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.geo import GeoContext
from sitrep.geo import build as build_module
from sitrep.geo.build import (
    GEONAMES_LIST_NAME,
    GeoNamesDumpError,
    GeoNamesSummary,
    build_index,
    find_geonames_dumps,
    geonames_dump_rows,
    read_geonames_summary,
    remember_geonames,
    remembered_geonames,
)
from sitrep.geo.cli import geo
from sitrep.geo.distance import haversine_km
from sitrep.geo.index import Gazetteer
from sitrep.model import Place


def geoname_line(
    geonameid: int,
    name: str,
    ascii_name: str,
    alternate_names: str,
    lat: float,
    lon: float,
    feature_class: str,
    feature_code: str,
    country: str,
    admin1: str,
    population: int = 0,
    timezone: str = "",
) -> str:
    columns = [
        str(geonameid),
        name,
        ascii_name,
        alternate_names,
        f"{lat:.5f}",
        f"{lon:.5f}",
        feature_class,
        feature_code,
        country,
        "",
        admin1,
        "",
        "",
        "",
        str(population),
        "",
        "250",
        timezone,
        "2024-01-15",
    ]
    return "\t".join(columns) + "\n"


SYRIA_DUMP = "".join(
    [
        geoname_line(
            172001,
            "Kafr Nabūdah",
            "Kafr Nabudah",
            "Kafr Naboudeh,Kafr Nabouda,Kafr Nbuda,Kafr Nubudah,كفرنبودة",
            35.43333,
            36.49167,
            "P",
            "PPL",
            "SY",
            "10",
            timezone="Asia/Damascus",
        ),
        geoname_line(
            170017,
            "Ḩamāh",
            "Hamah",
            "Hama,Hamah,Hamath,حماة",
            35.13179,
            36.75783,
            "P",
            "PPLA",
            "SY",
            "10",
            460602,
            "Asia/Damascus",
        ),
        geoname_line(
            172002,
            "Manţiqat as Suqaylabīyah",
            "Mantiqat as Suqaylabiyah",
            "As-Suqaylabiyah District,Suqaylabiyah District,منطقة السقيلبية",
            35.37,
            36.38,
            "A",
            "ADM2",
            "SY",
            "10",
            timezone="Asia/Damascus",
        ),
        geoname_line(
            172003,
            "Nahr al ‘Āşī",
            "Nahr al `Asi",
            "Orontes,Asi",
            35.5,
            36.4,
            "H",
            "STM",
            "SY",
            "00",
            timezone="Asia/Damascus",
        ),
        geoname_line(
            172004,
            "Funduq Afamia",
            "Funduq Afamia",
            "Afamia Hotel",
            35.42,
            36.40,
            "S",
            "HTL",
            "SY",
            "10",
            timezone="Asia/Damascus",
        ),
    ]
)
UKRAINE_DUMP = "".join(
    [
        geoname_line(
            709001,
            "Robotyne",
            "Robotyne",
            "Rabotino,Robotino,Robotyno,Работино,Роботине",
            47.44579,
            35.83772,
            "P",
            "PPL",
            "UA",
            "26",
            480,
            "Europe/Zaporozhye",
        ),
        geoname_line(
            709002,
            "Kramatorsk Airport",
            "Kramatorsk Airport",
            "Aeroport Kramatorsk,KRQ,UKCK,Kramatorsk",
            48.70583,
            37.62889,
            "S",
            "AIRP",
            "UA",
            "05",
            timezone="Europe/Kyiv",
        ),
        geoname_line(
            709003,
            "Polohivskyi Raion",
            "Polohivskyi Raion",
            "Polohy Raion,Пологівський район",
            47.48,
            36.25,
            "A",
            "ADM2",
            "UA",
            "26",
            timezone="Europe/Zaporozhye",
        ),
        geoname_line(
            709005,
            "Robotynska Silska Hromada",
            "Robotynska Silska Hromada",
            "Robotyne hromada,Роботинська сільська громада",
            47.44,
            35.85,
            "A",
            "ADM3",
            "UA",
            "26",
            timezone="Europe/Zaporozhye",
        ),
        geoname_line(
            709006,
            "Zaporiz'ka Oblast'",
            "Zaporiz'ka Oblast'",
            "Zaporizhzhia Oblast",
            47.5,
            35.5,
            "A",
            "ADM1",
            "UA",
            "26",
            timezone="Europe/Zaporozhye",
        ),
    ]
)


def write_zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


@dataclass(frozen=True)
class BuiltIndex:
    folder: Path
    index: Path
    syria_txt: Path
    ukraine_zip: Path
    build_output: str

    @property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.open(self.index)


@pytest.fixture(scope="module", autouse=True)
def without_shipped_villages() -> Iterator[None]:
    """These tests are about the dumps a user adds: their indexes leave out the villages sitrep ships (tested in
    test_villages.py), which would also make each build take minutes instead of seconds."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(build_module, "bundled_villages", list)
        yield


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltIndex:
    """One index with SY.txt and UA.zip (the GeoNames download layout: UA.txt plus readme.txt), via the CLI."""
    downloads = tmp_path_factory.mktemp("downloads")
    syria_txt = downloads / "SY.txt"
    syria_txt.write_text(SYRIA_DUMP, encoding="utf-8")
    ukraine_zip = write_zip(downloads / "UA.zip", {"UA.txt": UKRAINE_DUMP, "readme.txt": "GeoNames readme\n"})
    folder = tmp_path_factory.mktemp("cache")
    index = folder / "gazetteer.sqlite"
    result = CliRunner().invoke(
        geo, ["build", "--index", str(index), "--geonames", str(syria_txt), "--geonames", str(ukraine_zip)]
    )
    assert result.exit_code == 0, result.output
    return BuiltIndex(folder, index, syria_txt, ukraine_zip, result.output)


def resolve(gazetteer: Gazetteer, text: str, *countries: str) -> Place:
    place = gazetteer.resolve(text, GeoContext(document_countries=countries))
    assert place is not None, text
    return place


# --- what the dumps add ------------------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["Kafr Nabudah", "Kafr Nabūdah", "Kafr Nubudah", "Kafr Naboudeh"])
def test_syrian_village_from_a_txt_dump(built: BuiltIndex, spelling: str) -> None:
    place = resolve(built.gazetteer, spelling, "SY")
    assert place.gazetteer_id == "geonames:172001" and place.precision == "town"
    assert place.country == "SY" and place.admin1 == "Hama"  # SY.10 carries cities500's name for that code
    assert haversine_km(place.lat, place.lon, 35.43, 36.49) < 2


@pytest.mark.parametrize("spelling", ["Robotyne", "Rabotino", "Robotino"])
def test_ukrainian_village_from_a_zip_dump(built: BuiltIndex, spelling: str) -> None:
    place = resolve(built.gazetteer, spelling, "UA")
    assert place.gazetteer_id == "geonames:709001" and place.precision == "town"
    assert place.country == "UA" and place.admin1 == "Zaporizhia"
    assert haversine_km(place.lat, place.lon, 47.45, 35.84) < 2


def test_village_is_found_without_country_context(built: BuiltIndex) -> None:
    assert resolve(built.gazetteer, "Kafr Nabudah").country == "SY"


def test_sites_and_admin_units_are_found_by_names_that_say_what_they_are(built: BuiltIndex) -> None:
    airport = resolve(built.gazetteer, "Kramatorsk airport", "UA")
    assert (airport.gazetteer_id, airport.precision, airport.admin1) == ("geonames:709002", "site", "Donetsk")
    raion = [c.place for c in built.gazetteer.lookup("Polohivskyi Raion", ["UA"]) if c.place.precision == "admin2"]
    assert any(p.gazetteer_id == "geonames:709003" and p.admin1 == "Zaporizhia" for p in raion)
    district = built.gazetteer.lookup("As-Suqaylabiyah District", ["SY"])
    assert any(c.place.gazetteer_id == "geonames:172002" for c in district)


def test_bare_names_of_units_and_sites_stay_the_towns(built: BuiltIndex) -> None:
    # The airport's alternate name "Kramatorsk" and the hromada named after Robotyne must not take the bare name.
    assert resolve(built.gazetteer, "Kramatorsk", "UA").gazetteer_id == "geonames:704508"
    assert resolve(built.gazetteer, "Robotyne", "UA").gazetteer_id == "geonames:709001"


def test_other_feature_codes_and_known_places_are_not_added(built: BuiltIndex) -> None:
    with sqlite3.connect(built.index) as db:
        gids = {gid for (gid,) in db.execute("SELECT gid FROM places WHERE gid LIKE 'geonames:%'")}
        hama_rows = db.execute("SELECT COUNT(*) FROM places WHERE gid = 'geonames:170017'").fetchone()[0]
    assert hama_rows == 1  # cities500's row only
    assert {"geonames:172003", "geonames:172004", "geonames:709006"}.isdisjoint(gids)  # stream, hotel, ADM1
    assert {
        "geonames:172001",
        "geonames:172002",
        "geonames:709001",
        "geonames:709002",
        "geonames:709003",
        "geonames:709005",
    } <= gids


def test_default_index_content_is_still_there(built: BuiltIndex) -> None:
    gazetteer = built.gazetteer
    hasakah = resolve(gazetteer, "al-Hasakah", "SY")
    assert hasakah.precision == "town" and haversine_km(hasakah.lat, hasakah.lon, 36.50, 40.75) < 10
    assert resolve(gazetteer, "al-Hol camp", "SY").gazetteer_id == "sitrep:al-hol-camp"
    assert resolve(gazetteer, "Syrian").gazetteer_id == "sitrep:country:SY"
    assert resolve(gazetteer, "the countryside of al-Hasakah", "SY").precision == "admin1"
    with sqlite3.connect(built.index) as db:
        towns = db.execute("SELECT COUNT(*) FROM places WHERE precision = 'town'").fetchone()[0]
    assert towns > 230_000  # cities500 plus curated towns plus the two villages


def test_build_reports_and_records_what_it_added(built: BuiltIndex) -> None:
    out = built.build_output
    assert str(built.syria_txt) in out and f"{built.ukraine_zip} (UA.txt)" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("  ") and "towns" in line}
    assert "1 towns, 1 admin units, 0 sites" in lines["SY"]
    assert "1 towns, 2 admin units, 1 sites" in lines["UA"]
    summary = read_geonames_summary(built.index)
    assert summary is not None and summary.already_indexed == 1
    assert summary.added == {"SY": {"town": 1, "admin2": 1}, "UA": {"town": 1, "site": 1, "admin2": 2}}
    assert [d["member"] for d in summary.dumps] == [None, "UA.txt"]


# --- remembering the dumps ---------------------------------------------------------------------


def test_dumps_are_remembered_beside_the_index(built: BuiltIndex) -> None:
    assert remembered_geonames(built.index) == [built.syria_txt.resolve(), built.ukraine_zip.resolve()]
    assert (built.folder / GEONAMES_LIST_NAME).read_text(encoding="utf-8").startswith("#")


def test_automatic_rebuild_keeps_the_dumps(built: BuiltIndex) -> None:
    # A data change gives the default index a new file name in the same folder; opening it builds it.
    rebuilt = built.folder / "gazetteer-after-a-data-change.sqlite"
    gazetteer = Gazetteer.open(rebuilt)
    assert resolve(gazetteer, "Robotyne", "UA").gazetteer_id == "geonames:709001"
    assert resolve(gazetteer, "Kafr Nabudah", "SY").admin1 == "Hama"
    summary = read_geonames_summary(rebuilt)
    assert summary is not None and set(summary.added) == {"SY", "UA"}


def test_a_failed_build_keeps_the_remembered_list(built: BuiltIndex, tmp_path: Path) -> None:
    bad = tmp_path / "SY.csv"
    bad.write_text("name,lat,lon\nKafr Nabudah,35.43,36.49\n", encoding="utf-8")
    result = CliRunner().invoke(geo, ["build", "--index", str(built.folder / "other.sqlite"), "--geonames", str(bad)])
    assert result.exit_code == 1
    assert remembered_geonames(built.index) == [built.syria_txt.resolve(), built.ukraine_zip.resolve()]
    assert not (built.folder / "other.sqlite").exists() and not (built.folder / "other.tmp").exists()


def test_a_missing_remembered_dump_is_an_error_naming_it_and_the_list(tmp_path: Path) -> None:
    index = tmp_path / "gazetteer.sqlite"
    gone = tmp_path / "downloads" / "SY.zip"
    remember_geonames(index, [gone])
    with pytest.raises(GeoNamesDumpError, match=r"SY\.zip") as error:
        build_index(index)
    assert GEONAMES_LIST_NAME in str(error.value) and "--no-geonames" in str(error.value)
    assert not index.exists()
    remember_geonames(index, [])  # forgetting removes the list
    assert remembered_geonames(index) == [] and not (tmp_path / GEONAMES_LIST_NAME).exists()


# --- bad input -----------------------------------------------------------------------------------


def run_build(tmp_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(geo, ["build", "--index", str(tmp_path / "index" / "g.sqlite"), *args])
    return result.exit_code, result.output


def test_missing_dump_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    code, output = run_build(tmp_path, "--geonames", str(tmp_path / "XX.zip"))
    assert code == 2 and "XX.zip" in output


def test_geonames_and_no_geonames_together_is_a_usage_error(tmp_path: Path) -> None:
    dump = tmp_path / "SY.txt"
    dump.write_text(SYRIA_DUMP, encoding="utf-8")
    code, output = run_build(tmp_path, "--geonames", str(dump), "--no-geonames")
    assert code == 2 and "--no-geonames" in output


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("places.csv", "geonameid,name,lat,lon\n172001,Kafr Nabudah,35.43,36.49\n", "1 tab-separated column"),
        ("SY.txt", "\t".join(["172001", "Kafr Nabudah"] * 9) + "\n", "18 tab-separated column"),
        ("SY.txt", SYRIA_DUMP.replace("172001\t", "Kafr\t", 1), "not a GeoNames table"),
        ("SY.txt", "", "empty"),
        ("SY.txt", "\xff\xfe\x00garbage", "not UTF-8"),
    ],
)
def test_a_file_that_is_not_a_geoname_table_fails_naming_it(
    tmp_path: Path, file_name: str, content: str, message: str
) -> None:
    dump = tmp_path / file_name
    dump.write_bytes(content.encode("latin-1") if "not UTF-8" in message else content.encode("utf-8"))
    code, output = run_build(tmp_path, "--geonames", str(dump))
    assert code == 1, output
    assert str(dump) in output and message in output
    assert not (tmp_path / "index" / "g.sqlite").exists()


def test_a_zip_without_a_txt_table_fails_naming_it(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "SY.zip", {"readme.txt": "GeoNames readme\n", "SY.csv": "a,b\n"})
    code, output = run_build(tmp_path, "--geonames", str(archive))
    assert code == 1 and str(archive) in output and "no .txt GeoNames table" in output
    not_a_zip = tmp_path / "UA.zip"
    not_a_zip.write_text(UKRAINE_DUMP, encoding="utf-8")
    code, output = run_build(tmp_path, "--geonames", str(not_a_zip))
    assert code == 1 and str(not_a_zip) in output and "not a readable zip" in output


def test_a_folder_without_dumps_fails_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "readme.txt").write_text("GeoNames readme\n", encoding="utf-8")
    code, output = run_build(tmp_path, "--geonames", str(folder))
    assert code == 1 and str(folder) in output and "no GeoNames dump" in output


def test_a_folder_of_dumps_reads_each_table_once(tmp_path: Path) -> None:
    (tmp_path / "SY.txt").write_text(SYRIA_DUMP, encoding="utf-8")
    write_zip(tmp_path / "SY.zip", {"SY.txt": SYRIA_DUMP})  # the zip beside its unpacked table
    write_zip(tmp_path / "UA.zip", {"UA.txt": UKRAINE_DUMP, "readme.txt": "GeoNames readme\n"})
    (tmp_path / "admin1CodesASCII.txt").write_text("UA.26\tZaporizhzhia\tZaporizhzhia\t687699\n", encoding="utf-8")
    dumps = find_geonames_dumps([tmp_path])
    assert [(d.path.name, d.member) for d in dumps] == [("SY.txt", None), ("UA.zip", "UA.txt")]


def test_dump_rows_are_streamed_and_a_bad_line_later_names_file_and_line(tmp_path: Path) -> None:
    dump = tmp_path / "UA.txt"
    dump.write_text(UKRAINE_DUMP[: UKRAINE_DUMP.index("\n") + 1] + "709010\tTruncated\n", encoding="utf-8")
    summary = GeoNamesSummary()
    rows = geonames_dump_rows(find_geonames_dumps([dump]), {("UA", "26"): "Zaporizhia"}, [], summary)
    first = next(rows)  # the first place comes before the file has been read to its end
    assert (first.gid, first.admin1) == ("geonames:709001", "Zaporizhia")
    with pytest.raises(GeoNamesDumpError, match=r"UA\.txt, line 2: 2 tab-separated column"):
        next(rows)


def test_a_gzipped_table_is_read_like_a_plain_one(tmp_path: Path) -> None:
    # The layout of a folder of per-country tables kept compressed (SY.txt.gz), as sitrep's own villages are.
    with gzip.open(tmp_path / "SY.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(SYRIA_DUMP)
    write_zip(tmp_path / "UA.zip", {"UA.txt": UKRAINE_DUMP})
    dumps = find_geonames_dumps([tmp_path])
    assert [d.path.name for d in dumps] == ["SY.txt.gz", "UA.zip"]
    rows = list(geonames_dump_rows(dumps[:1], {("SY", "10"): "Hama"}, [170017], GeoNamesSummary()))
    assert {r.gid for r in rows} == {"geonames:172001", "geonames:172002"}
    assert next(r for r in rows if r.gid == "geonames:172001").admin1 == "Hama"
