"""The real dashboard in headless chromium: map markers, filtering, the event page, escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def open_dashboard(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=15000)


def centre(box: dict[str, float]) -> tuple[float, float]:
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def inside(point: tuple[float, float], box: dict[str, float]) -> bool:
    x, y = point
    return box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"]


def test_map_draws_each_event_inside_its_country(page, dashboard_url: str, screenshots: Path) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url)
    page.screenshot(path=str(screenshots / "dashboard.png"), full_page=True)
    assert page.locator("#countries path").count() > 200  # shipped Natural Earth boundaries, no tiles
    # Zoom into Sudan so El Fasher and Khartoum are separate markers, not a cluster.
    cases = {"ev-el-fasher": "Sudan", "ev-kharkiv-missile": "Ukraine", "ev-ain-al-asad": "Iraq"}
    for event_id, country in cases.items():
        marker = page.locator(f"#markers circle.marker[data-id='{event_id}']")
        assert marker.count() == 1, f"{event_id} has no marker of its own"
        country_box = page.locator(f"#countries path[data-name='{country}']").bounding_box()
        assert inside(centre(marker.bounding_box()), country_box), f"{event_id} drawn outside {country}"


def test_marker_colour_follows_type_and_size_follows_fatalities(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url)
    fasher = page.locator("#markers circle[data-id='ev-el-fasher']")
    protest = page.locator("#markers circle[data-id='ev-khartoum-protest']")
    assert fasher.get_attribute("fill") != protest.get_attribute("fill")
    assert float(fasher.get_attribute("r")) > float(protest.get_attribute("r"))


def test_type_filter_limits_map_and_table(page, dashboard_url: str, screenshots: Path) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url)
    page.select_option("#filter-type", "Battles")
    page.wait_for_function("document.querySelectorAll('#events-table tbody tr').length === 2")
    page.wait_for_function("document.querySelectorAll('#markers circle.marker').length === 2")
    types = page.locator("#markers circle.marker").evaluate_all("els => els.map(e => e.dataset.type)")
    assert set(types) == {"Battles"}
    rows = page.locator("#events-table tbody tr").evaluate_all("els => els.map(e => e.dataset.type)")
    assert set(rows) == {"Battles"}
    page.screenshot(path=str(screenshots / "filtered-battles.png"), full_page=True)


def test_brushing_the_timeline_filters_map_and_table(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url)
    before = page.locator("#markers circle.marker").count()
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 1, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.25, y)  # the earliest quarter of the range: March 2024
    page.mouse.up()
    page.wait_for_function("document.getElementById('date-range').textContent !== ''")
    after = page.locator("#markers circle.marker").count()
    assert 0 < after < before
    page.wait_for_function(f"document.querySelectorAll('#events-table tbody tr').length === {after}")


def test_event_page_shows_reports_with_evidence_highlighted(page, dashboard_url: str, screenshots: Path) -> None:  # type: ignore[no-untyped-def]
    open_dashboard(page, dashboard_url)
    page.locator("#markers circle[data-id='ev-idlib-strike']").click()
    page.wait_for_url("**/events/ev-idlib-strike")
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("article.report").count() == 2
    evidence = page.locator("article.report[data-doc='idlib-strike-0.txt'] mark.evidence").inner_text()
    assert evidence.startswith("Russian warplanes struck a market in Idlib")
    assert page.locator("mark.framing", has_text="terrorist").count() == 1
    assert "activists → Syrian Observatory for Human Rights" in page.locator("article.report .chain").first.inner_text()
    page.screenshot(path=str(screenshots / "event-page.png"), full_page=True)
    page.locator("article.report .chain a", has_text="activists").click()
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("h1").inner_text() == "activists"


def test_hostile_article_text_is_shown_not_run(page, dashboard_url: str, screenshots: Path) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_dashboard(page, dashboard_url)
    assert "<img src=x onerror=alert(1)>" in page.locator("#events-table").inner_text()
    page.goto(dashboard_url + "/events/ev-hostile")
    page.wait_for_selector("body[data-ready='1']")
    text = page.locator("article.report").inner_text()
    assert "<script>window.__pwned=1</script>" in text and "<b>Evil outlet</b>" in text
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article.report script, article.report img, article.report b").count() == 0
    assert not dialogs
    page.screenshot(path=str(screenshots / "hostile-escaped.png"), full_page=True)
