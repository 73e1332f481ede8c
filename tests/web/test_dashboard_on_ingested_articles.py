"""The dashboard on a database made by the real pipeline from the shipped sample articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.pipeline import ingest
from sitrep.store import Store
from tests.web.conftest import serving
from tests.web.test_dashboard import centre, inside, open_dashboard

pytestmark = pytest.mark.browser
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Store]]:
    store = Store.open(str(tmp_path_factory.mktemp("ingested") / "examples.db"))
    report = ingest([str(EXAMPLES)], store)
    assert report.ok, report.failures
    with serving(store) as url:
        yield url, store


def test_every_located_event_has_a_marker_and_the_first_opens_with_its_evidence(
    page,
    ingested: tuple[str, Store],
    screenshots: Path,  # type: ignore[no-untyped-def]
) -> None:
    url, store = ingested
    located = [e for e in store.events() if e.lat is not None]
    assert located, "the sample articles produce located events"
    open_dashboard(page, url)
    page.screenshot(path=str(screenshots / "examples-dashboard.png"), full_page=True)
    rows = page.locator("#events-table tbody tr").count()
    assert 0 < rows <= len(store.events())
    # Each Syrian event is drawn inside Syria's outline (markers may cluster, so check the ones drawn alone).
    syria = page.locator("#countries path[data-name='Syria']").bounding_box()
    for event in (e for e in located if e.country == "SY"):
        marker = page.locator(f"#markers circle.marker[data-id='{event.id}']")
        if marker.count() == 1:
            assert inside(centre(marker.bounding_box()), syria), f"{event.id} at {event.location} not in Syria"
    first = located[0]
    page.goto(f"{url}/events/{first.id}")
    page.wait_for_selector("body[data-ready='1']")
    evidence = page.locator("article.report mark.evidence").first.inner_text()
    reports = store.get_event(first.id)
    assert reports is not None
    assert evidence.strip() in {m.sentence.text.strip() for m in reports.mentions} or any(
        evidence.strip() in m.sentence.text for m in reports.mentions
    )
    page.screenshot(path=str(screenshots / "examples-event.png"), full_page=True)
