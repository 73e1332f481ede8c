"""One great-circle distance for the whole project: every stage and scorer measures kilometres the same way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitrep.geo.distance import EARTH_RADIUS_KM, bearing_deg, haversine_km

ROOT = Path(__file__).resolve().parents[2]
# Code that would compute its own distance: an Earth radius or degrees turned to radians.
OWN_DISTANCE = re.compile(r"\b637\d(\.\d+)?\b|math\.radians|np\.radians|np\.deg2rad")


def test_known_distances() -> None:
    # One degree of latitude along a meridian, and a quarter of the equator.
    assert haversine_km(0.0, 10.0, 1.0, 10.0) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(0.0, 0.0, 0.0, 90.0) == pytest.approx(EARTH_RADIUS_KM * 3.141592653589793 / 2)
    assert haversine_km(33.5, 36.3, 33.5, 36.3) == 0.0
    assert haversine_km(33.5, 36.3, 36.2, 37.1) == pytest.approx(haversine_km(36.2, 37.1, 33.5, 36.3))


def test_known_bearings() -> None:
    # Due north, due east along the equator, and south-west.
    assert bearing_deg(33.0, 36.0, 34.0, 36.0) == pytest.approx(0.0, abs=0.01)
    assert bearing_deg(0.0, 10.0, 0.0, 11.0) == pytest.approx(90.0, abs=0.01)
    assert 220.0 < bearing_deg(34.0, 37.0, 33.5, 36.4) < 235.0


def test_antipodes_do_not_fail() -> None:
    # Rounding can push the haversine term past 1 for opposite points; the distance is half the circumference.
    assert haversine_km(10.0, 20.0, -10.0, -160.0) == pytest.approx(EARTH_RADIUS_KM * 3.141592653589793)


def test_no_other_module_computes_a_distance_of_its_own() -> None:
    folders = [ROOT / "src", ROOT / "evaluation", ROOT / "scripts", ROOT / "benchmarks", ROOT / "tests"]
    sources = [p for folder in folders for p in folder.rglob("*.py")]
    assert sources, "no source files found"
    own = Path(__file__).resolve()
    allowed = {ROOT / "src" / "sitrep" / "geo" / "distance.py", own}
    copies = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sources
        if path.resolve() not in allowed
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if OWN_DISTANCE.search(line)
    ]
    assert not copies, "use sitrep.geo.distance.haversine_km instead of:\n" + "\n".join(copies)
