"""Builds src/sitrep/data/geo/villages/XX.txt.gz, the villages every sitrep install indexes.

    python3 scripts/build_villages.py /path/to/gazetteer [-o src/sitrep/data/geo/villages]

Input: a folder of per-country GeoNames tables (``XX.txt.gz``, the 19 columns of the GeoNames dump format;
the project's copy is GeoNames data as carried by Who's On First for 30 countries and GeoNames' own dump for
BF, see src/sitrep/data/geo/PROVENANCE). Output: the same table format, trimmed to what the index reads, so
the one GeoNames dump reader (``sitrep.geo.build.geonames_dump_rows``) indexes both these files and the dumps a
user adds with ``sitrep geo build --geonames``:

* rows: populated places (class P), ADM2/ADM3 units and the site codes the reader keeps; others dropped;
* names: the name, plus alternate names readable in Latin script (no codes), one spelling per comparison key
  (the index keeps one name per key anyway); the ascii name is dropped (the name's key is the same);
* coordinates rounded to 4 decimals (about 11 m); geonameid, feature class and code, country, admin1 and
  admin2 codes and population kept; cc2, admin3/4, elevation, dem, timezone and edit date emptied.

Deterministic: rows keep the input order and gzip writes no time stamp, so a rebuild gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from sitrep.geo.build import (
    GEONAMES_COLUMNS,
    _dump_precision,
    is_code,
    is_latin,
)
from sitrep.geo.normalise import name_key

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "geo" / "villages"


def trimmed(columns: list[str]) -> list[str] | None:
    """The row as shipped, or None if the index would not use it."""
    if _dump_precision(columns[6], columns[7]) is None:
        return None
    name = columns[1].strip()
    keys = {name_key(name)}
    names = []
    for alt in columns[3].split(","):
        alt = alt.strip()
        if not alt or not is_latin(alt) or is_code(alt):
            continue
        key = name_key(alt)
        if key and key not in keys:
            keys.add(key)
            names.append(alt)
    lat, lon = f"{float(columns[4]):.4f}", f"{float(columns[5]):.4f}"
    population = columns[14] if columns[14].isdigit() and columns[14] != "0" else ""
    return [
        columns[0],
        name,
        "",
        ",".join(names),
        lat,
        lon,
        columns[6],
        columns[7],
        columns[8],
        "",
        columns[10],
        columns[11],
        "",
        "",
        population,
        "",
        "",
        "",
        "",
    ]


def build(source: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("??.txt.gz")):
        kept = 0
        target = out / path.name
        with (
            gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle,
            open(target, "wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz,
        ):
            for line in handle:
                columns = line.rstrip("\r\n").split("\t")
                if len(columns) != GEONAMES_COLUMNS:
                    continue
                row = trimmed(columns)
                if row is not None:
                    gz.write(("\t".join(row) + "\n").encode("utf-8"))
                    kept += 1
        print(f"{path.name}: {kept:,} rows, {target.stat().st_size / 1e6:.2f} MB", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, help="folder of XX.txt.gz GeoNames tables")
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    build(args.source, args.out)


if __name__ == "__main__":
    main()
