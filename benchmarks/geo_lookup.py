"""Gazetteer benchmark: build time and peak memory, index size, and resolve throughput (mentions per second).

Run: .venv/bin/python benchmarks/geo_lookup.py [--index PATH] [--places CSV]
Mentions come from evaluation/geo/places.csv (or --places, e.g. evaluation/ucdp/places-dev.csv), resolved with
their context sentence. Peak memory is the process's maximum resident set size (Linux), after the build.
"""

from __future__ import annotations

import argparse
import csv
import resource
import tempfile
import time
from pathlib import Path

from sitrep.geo import Gazetteer, build_index
from sitrep.geo.evaluate import context_for

EVAL = Path(__file__).resolve().parent.parent / "evaluation" / "geo" / "places.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path, default=None, help="existing index (default: build a fresh one)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--places", type=Path, default=EVAL, help="CSV of mentions (text, context, lat, lon)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        path = args.index
        if path is None:
            path = Path(tmp) / "gazetteer.sqlite"
            start = time.perf_counter()
            build_index(path)
            print(f"build: {time.perf_counter() - start:.1f} s, peak memory {_peak_mb():.0f} MB")
        print(f"index size: {path.stat().st_size / 1e6:.1f} MB")

        start = time.perf_counter()
        gazetteer = Gazetteer.open(path)
        print(f"open: {time.perf_counter() - start:.3f} s")
        rows = list(csv.DictReader(args.places.open(encoding="utf-8")))
        contexts = [(row["text"], context_for(row, gazetteer)) for row in rows]

        start = time.perf_counter()
        for text, context in contexts:  # first pass: cold (fuzzy pools load lazily)
            gazetteer.resolve(text, context)
        cold = time.perf_counter() - start
        print(f"cold pass: {len(contexts)} mentions in {cold:.2f} s = {len(contexts) / cold:.0f} mentions/s")

        start = time.perf_counter()
        for _ in range(args.rounds):
            for text, context in contexts:
                gazetteer.resolve(text, context)
        warm = time.perf_counter() - start
        total = len(contexts) * args.rounds
        print(f"warm: {total} mentions in {warm:.2f} s = {total / warm:.0f} mentions/s")
        print(f"peak memory: {_peak_mb():.0f} MB")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


if __name__ == "__main__":
    main()
