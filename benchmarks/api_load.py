"""API under load: N requests at concurrency C on loopback against a store of E events, with and without an
ingest writing to the same store at the same time. Reports errors (any 5xx or failed connection), p50, p95
and requests/s. Target (issue 17): 5,000 requests at concurrency 20 on 10,000 events, 0 errors, p95 under
250 ms, also while an ingest writes.

    .venv/bin/python benchmarks/api_load.py                       # 5,000 requests, 20 at a time, 10,000 events
    .venv/bin/python benchmarks/api_load.py --requests 1000 --no-ingest --vary   # --vary: the cache rarely answers
Responses are kept until the store changes (src/sitrep/api/cache.py); while the ingest writes, each of its
commits makes the next requests compute afresh.
The server runs in its own process (`sitrep serve`), as a user runs it; requests are sent by threads here.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sitrep.store.database import Store
from sitrep.web.demo import generate_events

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "/api/events?limit=50",
    "/api/events?type=Battles&limit=50",
    "/api/events?country=SY&sort=-date",
    "/api/events?actor=forces&limit=20",
    "/api/events?q=strike&limit=20",
    "/api/events?since=2024-03-01&until=2024-06-30",
    "/api/event-types",
    "/api/stats",
    "/api/sources?limit=20",
    "/api/documents?limit=20",
    "/api/events/points?type=Protests",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def one_request(url: str) -> tuple[float, bool]:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            ok = response.status < 500
    except urllib.error.HTTPError as exc:
        ok = exc.code < 500
    except OSError:
        ok = False
    return (time.perf_counter() - started) * 1000, ok


def stored_rows(base: str) -> int:
    """Documents, mentions, events, claims and contradictions stored: it grows with every commit of an ingest."""
    with urllib.request.urlopen(base + "/api/stats", timeout=30) as response:
        return sum(int(n) for n in json.loads(response.read()).values())


def run_load(base: str, requests: int, concurrency: int, vary: bool = False) -> tuple[list[float], int, float]:
    rng = random.Random(17)
    urls = [base + rng.choice(QUERIES) for _ in range(requests)]
    if vary:
        # A different page for (almost) every request, so kept responses rarely answer: the queries' own cost.
        urls = [
            f"{url}{'&' if '?' in url else '?'}offset={rng.randrange(1000)}"
            if "/api/events?" in url or "/api/sources" in url or "/api/documents" in url
            else url
            for url in urls
        ]
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one_request, urls))
    elapsed = time.perf_counter() - started
    return [t for t, _ in results], sum(1 for _, ok in results if not ok), elapsed


def report(label: str, times: list[float], errors: int, elapsed: float) -> None:
    times = sorted(times)
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    print(
        f"{label:<28} {len(times)} requests, {errors} errors, p50 {statistics.median(times):6.1f} ms, "
        f"p95 {p95:6.1f} ms, {len(times) / elapsed:6.1f} requests/s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--no-ingest", action="store_true", help="skip the run with an ingest writing")
    parser.add_argument("--server-workers", type=int, default=2, help="sitrep serve --workers")
    parser.add_argument(
        "--ingest",
        type=Path,
        default=ROOT / "evaluation" / "dev" / "corpus",
        help="what the concurrent ingest reads (enough documents to keep committing through the run)",
    )
    parser.add_argument(
        "--vary",
        action="store_true",
        help="also a run where each request asks for another page, so the response cache rarely "
        "answers and the queries themselves are measured",
    )
    args = parser.parse_args()
    sitrep = str(Path(sys.executable).parent / "sitrep")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "load.db")
        store = Store.open(db)
        generate_events(store, args.events)
        store.close()
        port = free_port()
        print(
            f"{args.events} events, sitrep serve --workers {args.server_workers}, "
            f"{args.requests} requests at concurrency {args.concurrency}"
        )
        server = subprocess.Popen(
            [sitrep, "serve", "--db", db, "--port", str(port), "--workers", str(args.server_workers)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    urllib.request.urlopen(base + "/api/stats", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.1)
            report("idle store", *run_load(base, args.requests, args.concurrency))
            if args.vary:
                report("idle store, pages varied", *run_load(base, args.requests, args.concurrency, vary=True))
            if not args.no_ingest:
                writer = subprocess.Popen(
                    [sitrep, "ingest", str(args.ingest), "--db", db, "-q"],
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                done = threading.Event()
                threading.Thread(target=lambda: (writer.wait(), done.set()), daemon=True).start()
                # The load starts once the ingest has committed its first rows (model loading is no write).
                before = stored_rows(base)
                while stored_rows(base) == before and not done.is_set():
                    time.sleep(0.2)
                first = stored_rows(base)
                report("while an ingest writes", *run_load(base, args.requests, args.concurrency))
                during = stored_rows(base) - first
                print(
                    f"the ingest stored {during} rows (documents, mentions, events, claims) during the run and "
                    f"{'had finished' if done.is_set() else 'was still running'} at its end; "
                    f"exit status {writer.wait()}"
                )
        finally:
            server.terminate()
            server.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
