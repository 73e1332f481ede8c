"""Export speed on a 10,000-event store: events/s, SQL statements and output size for each format.

    .venv/bin/python benchmarks/export_bulk.py [--events 10000] [--db /tmp/sitrep-bench-export.db]
        [--repeat 3] [--memory] [--postgres URL|auto]

The store is the synthetic one the dashboard benchmark uses (sitrep.web.demo.generate_events: one
report per event, 50 events per document), built once and reused. Each format is written to a sink
that only counts characters, so the figures are the store reads plus serialisation, not the disk.
--memory adds a second pass per format under tracemalloc (slower) and prints the peak Python
allocation, which stays flat as the store grows when exports stream. --postgres runs the same on
PostgreSQL (a URL, or "auto" for a throw-away server started the way the tests start one).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

from local_postgres import postgres_url  # benchmarks/local_postgres.py
from sqlalchemy import event

from sitrep.export import EXPORTERS, export_events
from sitrep.store.database import Store
from sitrep.web.demo import generate_events

REPO = Path(__file__).resolve().parents[1]


class CountingSink:
    """A text stream that keeps only the number of characters written."""

    def __init__(self) -> None:
        self.chars = 0

    def write(self, text: str) -> int:
        self.chars += len(text)
        return len(text)


def build(url: str, count: int, fresh: bool) -> Store:
    store = Store.open(url)
    have = store.stats()["events"]
    if have >= count and not fresh:
        return store
    if have:
        raise SystemExit(f"{url} holds {have} events, fewer than {count}: give another --db")
    started = time.perf_counter()
    generate_events(store, count)
    print(f"built {count} events in {time.perf_counter() - started:.1f} s")
    return store


def count_statements(store: Store) -> list[int]:
    counter = [0]

    def before(*_args: Any) -> None:
        counter[0] += 1

    event.listen(store.engine, "before_cursor_execute", before)
    return counter


def measure(store: Store, label: str, repeat: int, memory: bool) -> None:
    statements = count_statements(store)
    print(f"{label}: {store.stats()['events']} events")
    print(
        f"{'format':<9}{'events':>8}{'best s':>9}{'events/s':>11}{'SQL statements':>16}{'output MB':>11}"
        + (f"{'peak MB':>9}" if memory else "")
    )
    for format_ in EXPORTERS:
        best = float("inf")
        for _ in range(repeat):
            sink = CountingSink()
            statements[0] = 0
            started = time.perf_counter()
            written = export_events(store, format_, sink)  # type: ignore[arg-type]
            best = min(best, time.perf_counter() - started)
        row = f"{format_:<9}{written:>8}{best:>9.2f}{written / best:>11.0f}{statements[0]:>16}{sink.chars / 1e6:>11.1f}"
        if memory:
            tracemalloc.start()
            export_events(store, format_, CountingSink())  # type: ignore[arg-type]
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            row += f"{peak / 1e6:>9.1f}"
        print(row)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "sitrep-bench-export.db")
    parser.add_argument("--repeat", type=int, default=3, help="runs per format; the best is reported")
    parser.add_argument("--memory", action="store_true", help="also report peak traced memory per format")
    parser.add_argument("--postgres", help='a PostgreSQL URL, or "auto" for a throw-away local server')
    args = parser.parse_args()
    store = build(str(args.db), args.events, fresh=False)
    measure(store, f"sqlite ({args.db})", args.repeat, args.memory)
    store.close()
    if args.postgres:
        with postgres_url(args.postgres) as url:
            if url is None:
                print("postgresql: skipped (no server binaries; pass --postgres URL)", file=sys.stderr)
                return 0
            store = build(url, args.events, fresh=args.postgres == "auto")
            measure(store, "postgresql", args.repeat, args.memory)
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
