"""Dashboard and API speed on a 10,000-event store.

    .venv/bin/python benchmarks/web_dashboard.py [--events 10000] [--db /tmp/sitrep-bench-web.db]

Prints: store build time; API p50/p95 for filtered queries (in-process, over HTTP
with a real uvicorn server); dashboard first contentful paint, "map drawn"
(all markers, timeline and table rendered) and "admin-1 drawn" (the province boundaries, loaded after
the map is drawn) in headless Debian chromium.
Targets (issue 7): first paint < 1 s, API p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import threading
import time
import urllib.request
from pathlib import Path

import uvicorn

from sitrep.api import create_app
from sitrep.store.database import Store
from sitrep.web.demo import generate_events

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
QUERIES = [
    "/api/events?type=Battles",
    "/api/events?country=SY&sort=fatalities",
    "/api/events?since=2024-03-01&until=2024-04-30",
    "/api/events?bbox=35,32,43,38",
    "/api/events?actor=unidentified&limit=100",
    "/api/events?q=aleppo",
    "/api/events?source=reuters",
    "/api/events/points?type=Protests",
    "/api/events/points",
]


def build(db: Path, count: int) -> Store:
    if db.exists():
        store = Store.open(str(db))
        if store.stats()["events"] >= count:
            return store
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    store = Store.open(str(db))
    started = time.perf_counter()
    generate_events(store, count)
    print(f"built {count} events in {time.perf_counter() - started:.1f} s")
    return store


def serve(store: Store) -> tuple[uvicorn.Server, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def api_latency(base: str, rounds: int) -> None:
    for query in QUERIES:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            with urllib.request.urlopen(base + query) as response:
                response.read()
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        p95 = times[max(0, round(0.95 * len(times)) - 1)]
        print(f"API {query:<50} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms")


def first_paint(base: str, runs: int) -> None:
    if not Path(CHROMIUM).exists():
        print("chromium not installed; dashboard timing skipped")
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for run in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready='1']", timeout=60000)
            fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null")
            drawn = page.evaluate("performance.getEntriesByName('sitrep-map-drawn')[0].startTime")
            markers = page.locator("#markers circle").count()
            print(
                f"dashboard run {run + 1}: first contentful paint {fcp:.0f} ms, "
                f"map+timeline+table drawn {drawn:.0f} ms ({markers} markers/clusters), "
                f"{admin1_drawn(page)}"
            )
            page.close()
        browser.close()


def admin1_drawn(page) -> str:  # type: ignore[no-untyped-def]
    """When the admin-1 boundaries (fetched after the dashboard is drawn, if the map is zoomed in) were drawn."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_selector("body[data-admin1='1']", state="attached", timeout=30000)
    except PlaywrightTimeout:  # the initial view is the whole world: the layer waits for the user to zoom in
        return "admin-1 boundaries not loaded (map not zoomed in)"
    at = page.evaluate("performance.getEntriesByName('sitrep-admin1-drawn')[0].startTime")
    paths = page.locator("#admin1 path").count()
    return f"admin-1 boundaries drawn {at:.0f} ms ({paths} regions)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "sitrep-bench-web.db")
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    store = build(args.db, args.events)
    print(f"store: {store.stats()}")
    server, base = serve(store)
    try:
        api_latency(base, args.rounds)
        first_paint(base, 3)
    finally:
        server.should_exit = True


if __name__ == "__main__":
    main()
