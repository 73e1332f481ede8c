"""A live dashboard on the sample store, and Debian's chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from sitrep.api import create_app
from sitrep.store.database import Store
from sitrep.web.demo import SAMPLE_INCIDENTS, Incident, Report, build_sample_store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# Screenshots land here for a person to look at (override with SITREP_SCREENSHOTS).
SCREENSHOTS = Path(os.environ.get("SITREP_SCREENSHOTS", Path(__file__).resolve().parents[2] / "build/screenshots"))

HOSTILE = Incident(
    "hostile",
    "Violence against civilians",
    "Attack",
    "ASSAULT",
    dt.date(2024, 3, 20),
    SAMPLE_INCIDENTS[0].place,
    "Idlib",
    ("<img src=x onerror=alert(1)>", "Political militias"),
    None,
    (
        Report(
            "<b>Evil outlet</b>",
            'Gunmen <script>window.__pwned=1</script> attacked Idlib <img src=x onerror="window.__pwned=2">.',
            (("<i>insider</i>", "unnamed"), ("<b>Evil outlet</b>", "publisher")),
        ),
    ),
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serving(store: Store) -> Iterator[str]:
    """The API and dashboard for ``store`` on a free loopback port, in a thread, for the block's duration."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def dashboard_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    store = Store.open(str(tmp_path_factory.mktemp("web") / "sample.db"))
    build_sample_store(store, (*SAMPLE_INCIDENTS, HOSTILE))
    with serving(store) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    # CSP bypassed so Playwright can evaluate its waits, and so the escaping test proves escaping alone holds.
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, bypass_csp=True)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
