"""Admin-1 (province, governorate) boundaries on the dashboard map, from the shipped admin1.json."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

SYRIA_GOVERNORATES = {
    "SY.LA",
    "SY.TA",
    "SY.RA",
    "SY.HL",
    "SY.HM",
    "SY.HI",
    "SY.ID",
    "SY.HA",
    "SY.DY",
    "SY.SU",
    "SY.RD",
    "SY.QU",
    "SY.DR",
    "SY.DI",
}


def shipped_admin1() -> dict:  # type: ignore[type-arg]
    text = resources.files("sitrep.data").joinpath("boundaries/admin1.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def test_shipped_admin1_file_is_one_topology_with_named_regions() -> None:
    topology = shipped_admin1()
    assert topology["type"] == "Topology" and set(topology["objects"]) == {"admin1"}
    regions = topology["objects"]["admin1"]["geometries"]
    assert {g["type"] for g in regions} <= {"Polygon", "MultiPolygon"}
    syria = {g["id"]: g["properties"]["name"] for g in regions if g["properties"]["iso_a3"] == "SYR"}
    assert set(syria) >= SYRIA_GOVERNORATES
    assert syria["SY.ID"] == "Idlib" and syria["SY.HL"] == "Aleppo"
    assert len({g["properties"]["iso_a3"] for g in regions}) > 200
    # Every arc index a region uses exists (~i is arc i reversed).
    arcs = len(topology["arcs"])
    for region in regions:
        polygons = [region["arcs"]] if region["type"] == "Polygon" else region["arcs"]
        assert all(-arcs <= i < arcs for polygon in polygons for ring in polygon for i in ring)


def test_admin1_boundaries_are_drawn_from_local_data_only(  # type: ignore[no-untyped-def]
    page, dashboard_url: str, screenshots: Path
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(dashboard_url + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=15000)
    # Loaded after the dashboard is drawn (the sample events fit a zoomed-in view of the Middle East and Sudan).
    page.wait_for_selector("body[data-admin1='1']", timeout=30000)

    drawn = set(page.locator("#admin1 path[data-country='SYR']").evaluate_all("els => els.map(e => e.dataset.id)"))
    assert drawn >= SYRIA_GOVERNORATES
    idlib = page.locator("#admin1 path[data-id='SY.ID']")
    assert idlib.get_attribute("data-name") == "Idlib"
    assert idlib.get_attribute("d").startswith("M")
    assert idlib.is_visible()
    # Thin lines, lighter than the country borders and not filled.
    style = idlib.evaluate("e => { const s = getComputedStyle(e); return [s.fill, s.stroke, s.strokeWidth]; }")
    country_stroke = page.locator("#countries path[data-name='Syria']").evaluate("e => getComputedStyle(e).stroke")
    assert style[0] == "none" and float(style[2].removesuffix("px")) <= 0.5
    assert _lightness(style[1]) > _lightness(country_stroke)
    # Idlib's borders with its neighbouring governorates lie inside Syria as the country layer draws it.
    syria_box = page.locator("#countries path[data-name='Syria']").bounding_box()
    idlib_box = idlib.bounding_box()
    assert syria_box is not None and idlib_box is not None
    slack = 2.0  # pixels: the two layers are simplified differently
    assert syria_box["x"] - slack <= idlib_box["x"]
    assert idlib_box["x"] + idlib_box["width"] <= syria_box["x"] + syria_box["width"] + slack
    assert syria_box["y"] - slack <= idlib_box["y"]
    assert idlib_box["y"] + idlib_box["height"] <= syria_box["y"] + syria_box["height"] + slack
    # Other countries' regions come from the same file (Sudan's states are in the sample's view too).
    assert page.locator("#admin1 path[data-country='SDN']").count() >= 10
    page.screenshot(path=str(screenshots / "admin1-boundaries.png"), full_page=True)

    assert any(urlsplit(u).path == "/boundaries/admin1.json" for u in requested)
    outside = [u for u in requested if urlsplit(u).hostname not in ("127.0.0.1", "localhost")]
    assert outside == [], f"requests left the machine: {outside}"


def test_admin1_layer_is_hidden_at_world_scale(page, dashboard_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(dashboard_url + "/")
    page.wait_for_selector("body[data-admin1='1']", timeout=30000)
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    for _ in range(12):  # zoom out well past the whole world
        page.mouse.wheel(0, 200)
    page.wait_for_function("!document.getElementById('map').classList.contains('zoomed-in')")
    assert not page.locator("#admin1 path[data-id='SY.ID']").is_visible()
    assert page.locator("#countries path[data-name='Syria']").is_visible()


def _lightness(css_colour: str) -> float:
    """Mean of the channels of an "rgb(r, g, b)" colour."""
    channels = css_colour[css_colour.index("(") + 1 : css_colour.index(")")].split(",")
    return sum(float(c) for c in channels[:3]) / 3
