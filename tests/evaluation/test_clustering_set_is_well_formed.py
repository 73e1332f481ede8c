"""The clustering evaluation set (evaluation/clustering/) is usable as gold.

It measures "one event, many reports": every report names its incident, groups
hold differently worded reports of one incident, distractors look like a group
but are another incident, and contradictions.jsonl lists exactly the pairs an
analyst should see. A broken set would silently skew the B-cubed and
contradiction scores, so these checks guard its consistency.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from sitrep.geo.distance import haversine_km

ROOT = Path(__file__).resolve().parents[2]
SET_DIR = ROOT / "evaluation" / "clustering"
ACTORS_FILE = ROOT / "src" / "sitrep" / "data" / "actors.yaml"

ACLED_EVENT_TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
}
DATE_PRECISIONS = {"day", "week", "part-of-month", "month", "approximate", "year"}
MODALITIES = {"asserted", "denied"}
CONTRADICTION_KINDS = {"figure", "denial", "date"}
DISTRACTOR_KINDS = {
    "same place, other day",
    "same day, nearby place",
    "same type and day, other country",
    "other type, same place and day",
}
REPORT_KEYS = {
    "id",
    "incident",
    "outlet",
    "published",
    "title",
    "text",
    "event_type",
    "date",
    "place",
    "actor1",
    "actor2",
    "fatalities",
    "modality",
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_REPORT_DELAY_DAYS = 3  # a report is published 0-3 days after its incident
SAME_INCIDENT_KM = 50  # reports of one incident may name a town or a district of it
SAME_PLACE_KM = 25
NEARBY_PLACE_KM = 200

Report = dict[str, Any]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    found = read_jsonl(SET_DIR / "reports.jsonl")
    assert found, "the clustering set has no reports: every check over them would pass"
    return found


@pytest.fixture(scope="module")
def contradictions() -> list[dict[str, Any]]:
    return read_jsonl(SET_DIR / "contradictions.jsonl")


@pytest.fixture(scope="module")
def by_id(reports: list[Report]) -> dict[str, Report]:
    return {r["id"]: r for r in reports}


@pytest.fixture(scope="module")
def incidents(reports: list[Report]) -> dict[str, list[Report]]:
    grouped: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        grouped[r["incident"]].append(r)
    return dict(grouped)


@pytest.fixture(scope="module")
def groups(incidents: dict[str, list[Report]]) -> dict[str, list[Report]]:
    """Incidents reported more than once (the "one event, many reports" cases)."""
    return {k: v for k, v in incidents.items() if len(v) > 1}


def day(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def km_between(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Great-circle distance between two gold places."""
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])


def dates_overlap(a: Report, b: Report) -> bool:
    return a["date"]["start"] <= b["date"]["end"] and b["date"]["start"] <= a["date"]["end"]


def fatality_bounds(report: Report) -> tuple[float, float]:
    """The interval a fatality figure allows; an open bound is 0 or infinity."""
    f = report["fatalities"]
    low = f["low"] if f["low"] is not None else 0
    high = f["high"] if f["high"] is not None else math.inf
    return low, high


def figures_disagree(a: Report, b: Report) -> bool:
    """Both give a toll and the tolls cannot both be true ("at least 10" vs "12" can)."""
    if a["fatalities"] is None or b["fatalities"] is None:
        return False
    (alo, ahi), (blo, bhi) = fatality_bounds(a), fatality_bounds(b)
    return ahi < blo or bhi < alo


def listed_pairs(contradictions: list[dict[str, Any]], kind: str) -> set[frozenset[str]]:
    return {frozenset(c["reports"]) for c in contradictions if c["kind"] == kind}


def asserted_pairs(group: list[Report]) -> list[tuple[Report, Report]]:
    return [(a, b) for a, b in itertools.combinations(group, 2) if a["modality"] == b["modality"] == "asserted"]


# --- reports -----------------------------------------------------------------


def test_every_report_has_the_documented_fields(reports: list[Report]) -> None:
    for r in reports:
        assert r.keys() >= REPORT_KEYS, f"{r.get('id')}: missing {REPORT_KEYS - r.keys()}"
        assert all(isinstance(r[k], str) and r[k].strip() for k in ("id", "incident", "outlet", "title", "text"))


def test_report_ids_are_unique(reports: list[Report]) -> None:
    ids = [r["id"] for r in reports]
    assert len(ids) == len(set(ids))


def test_gold_codes_use_the_project_vocabularies(reports: list[Report]) -> None:
    actor_names = {a["name"] for a in yaml.safe_load(ACTORS_FILE.read_text(encoding="utf-8"))["actors"]}
    for r in reports:
        assert r["event_type"] in ACLED_EVENT_TYPES, r["id"]
        assert r["modality"] in MODALITIES, r["id"]
        assert r["date"]["precision"] in DATE_PRECISIONS, r["id"]
        for role in ("actor1", "actor2"):
            assert r[role] is None or r[role] in actor_names, f"{r['id']}: {r[role]!r} is not a canonical actor"


def test_fatalities_are_ordered_bounds_or_null(reports: list[Report]) -> None:
    for r in reports:
        f = r["fatalities"]
        if f is None:
            continue
        assert set(f) == {"low", "best", "high"}, r["id"]
        given = [v for v in (f["low"], f["best"], f["high"]) if v is not None]
        assert given, f"{r['id']}: a figure with no bound should be null"
        assert all(isinstance(v, int) and v >= 0 for v in given), r["id"]
        assert given == sorted(given), f"{r['id']}: low <= best <= high"


def test_denials_carry_no_toll(reports: list[Report]) -> None:
    for r in reports:
        if r["modality"] == "denied":
            assert r["fatalities"] is None, r["id"]


def test_reports_are_published_on_or_soon_after_the_incident(reports: list[Report]) -> None:
    for r in reports:
        start, end, published = day(r["date"]["start"]), day(r["date"]["end"]), day(r["published"])
        assert start <= end <= published, r["id"]
        assert (published - start).days <= MAX_REPORT_DELAY_DAYS, r["id"]


def test_weekdays_in_the_text_match_the_incident_or_publication_day(reports: list[Report]) -> None:
    for r in reports:
        allowed = {WEEKDAYS[day(r[k]).weekday()] for k in ("published",)}
        allowed |= {WEEKDAYS[day(r["date"][k]).weekday()] for k in ("start", "end")}
        named = set(re.findall(r"\b(" + "|".join(WEEKDAYS) + r")\b", r["text"]))
        assert named <= allowed, f"{r['id']}: text names {named - allowed}"


def test_gold_place_is_spelled_as_the_report_spells_it(reports: list[Report]) -> None:
    for r in reports:
        place = r["place"]
        assert place["name"].lower() in r["text"].lower(), f"{r['id']}: {place['name']!r} not in its text"
        assert re.fullmatch(r"[A-Z]{2}", place["country"]), r["id"]
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180, r["id"]


# --- groups and distractors ------------------------------------------------------


def test_at_least_thirty_incidents_have_two_to_five_reports(groups: dict[str, list[Report]]) -> None:
    assert len(groups) >= 30
    assert all(2 <= len(g) <= 5 for g in groups.values())
    assert any(len(g) >= 4 for g in groups.values()), "some incidents should be widely reported"


def test_reports_of_one_incident_come_from_different_outlets(groups: dict[str, list[Report]]) -> None:
    for incident, g in groups.items():
        outlets = [r["outlet"] for r in g]
        assert len(set(outlets)) == len(outlets), incident


def test_reports_of_one_incident_agree_on_type_and_place(groups: dict[str, list[Report]]) -> None:
    for incident, g in groups.items():
        assert len({r["event_type"] for r in g}) == 1, incident
        for a, b in itertools.combinations(g, 2):
            assert km_between(a["place"], b["place"]) <= SAME_INCIDENT_KM, (incident, a["id"], b["id"])


def test_groups_vary_spelling_and_actor_naming(groups: dict[str, list[Report]]) -> None:
    """The set must exercise transliteration and differently coded actors, not only easy cases."""
    respelled = [k for k, g in groups.items() if len({r["place"]["name"] for r in g}) > 1]
    recoded = [k for k, g in groups.items() if len({(r["actor1"], r["actor2"]) for r in g}) > 1]
    assert len(respelled) >= 5
    assert len(recoded) >= 5


def test_at_least_twenty_five_distractors_each_its_own_incident(
    reports: list[Report], incidents: dict[str, list[Report]]
) -> None:
    distractors = [r for r in reports if "distractor_of" in r]
    assert len(distractors) >= 25
    for r in distractors:
        assert len(incidents[r["incident"]]) == 1, f"{r['id']}: a distractor is a one-report incident"
        assert r["distractor_kind"] in DISTRACTOR_KINDS, r["id"]
    assert {r["distractor_kind"] for r in distractors} == DISTRACTOR_KINDS


def test_distractors_resemble_the_group_they_are_meant_to_confuse(
    reports: list[Report], groups: dict[str, list[Report]]
) -> None:
    for r in (r for r in reports if "distractor_of" in r):
        target = groups[r["distractor_of"]][0]
        km = km_between(r["place"], target["place"])
        kind = r["distractor_kind"]
        if kind == "same place, other day":
            assert km <= SAME_PLACE_KM and not dates_overlap(r, target), r["id"]
        elif kind == "same day, nearby place":
            assert 0 < km <= NEARBY_PLACE_KM and dates_overlap(r, target), r["id"]
        elif kind == "same type and day, other country":
            same_type = r["event_type"] == target["event_type"]
            assert same_type and dates_overlap(r, target) and r["place"]["country"] != target["place"]["country"], r[
                "id"
            ]
        else:
            other_type = r["event_type"] != target["event_type"]
            assert other_type and km <= SAME_PLACE_KM and dates_overlap(r, target), r["id"]


# --- contradictions -------------------------------------------------------------


def test_contradictions_name_two_reports_of_their_incident(
    contradictions: list[dict[str, Any]], by_id: dict[str, Report]
) -> None:
    assert contradictions
    seen: set[tuple[str, frozenset[str]]] = set()
    for c in contradictions:
        assert c["kind"] in CONTRADICTION_KINDS
        assert isinstance(c["why"], str) and c["why"].strip()
        a, b = c["reports"]
        assert a != b
        assert by_id[a]["incident"] == by_id[b]["incident"] == c["incident"], c
        key = (c["kind"], frozenset(c["reports"]))
        assert key not in seen, f"listed twice: {c}"
        seen.add(key)


def test_figure_contradictions_are_exactly_the_disagreeing_tolls(
    contradictions: list[dict[str, Any]], groups: dict[str, list[Report]]
) -> None:
    expected = {
        frozenset((a["id"], b["id"])) for g in groups.values() for a, b in asserted_pairs(g) if figures_disagree(a, b)
    }
    assert listed_pairs(contradictions, "figure") == expected


def test_date_contradictions_are_exactly_the_disjoint_dates(
    contradictions: list[dict[str, Any]], groups: dict[str, list[Report]]
) -> None:
    expected = {
        frozenset((a["id"], b["id"])) for g in groups.values() for a, b in asserted_pairs(g) if not dates_overlap(a, b)
    }
    assert listed_pairs(contradictions, "date") == expected


def test_denial_contradictions_pair_each_denial_with_each_assertion(
    contradictions: list[dict[str, Any]], groups: dict[str, list[Report]]
) -> None:
    expected = {
        frozenset((a["id"], b["id"]))
        for g in groups.values()
        for a, b in itertools.combinations(g, 2)
        if {a["modality"], b["modality"]} == {"asserted", "denied"}
    }
    assert listed_pairs(contradictions, "denial") == expected


def test_set_mixes_agreeing_disagreeing_and_denied_incidents(
    contradictions: list[dict[str, Any]], groups: dict[str, list[Report]]
) -> None:
    contested = {c["incident"] for c in contradictions}
    kinds_by_incident: dict[str, set[str]] = defaultdict(set)
    for c in contradictions:
        kinds_by_incident[c["incident"]].add(c["kind"])
    assert sum("figure" in k for k in kinds_by_incident.values()) >= 5
    assert sum("denial" in k for k in kinds_by_incident.values()) >= 3
    assert sum("date" in k for k in kinds_by_incident.values()) >= 1
    assert len(set(groups) - contested) >= 10, "most incidents should have reports that agree"


def test_bounded_figures_that_fit_are_not_listed(
    contradictions: list[dict[str, Any]], by_id: dict[str, Report]
) -> None:
    """ "at least 10" vs "12" is not a contradiction; such pairs must exist and stay unlisted."""
    figure_pairs = listed_pairs(contradictions, "figure")
    compatible_open_pairs = [
        (a, b)
        for a, b in itertools.combinations(by_id.values(), 2)
        if a["incident"] == b["incident"]
        and a["fatalities"]
        and b["fatalities"]
        and a["fatalities"] != b["fatalities"]
        and not figures_disagree(a, b)
    ]
    assert len(compatible_open_pairs) >= 5
    assert not any(frozenset((a["id"], b["id"])) in figure_pairs for a, b in compatible_open_pairs)
