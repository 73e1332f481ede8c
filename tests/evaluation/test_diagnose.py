"""diagnose --reports tells whether a missed date, type or place was told by some report of the event (a choice among
its reports to fix) or by none (nothing to choose from)."""

from __future__ import annotations

from typing import Any

from sitrep.resolve import derive_event
from tests.evaluation.scripts import load_script
from tests.resolve.resolve_fixtures import mention

diagnose = load_script("evaluation/diagnose.py")


def _gold(start: str, event_type: str = "Explosions/Remote violence", place: str = "Idlib") -> dict[str, Any]:
    points = {"Idlib": (35.93, 36.63), "Aleppo": (36.20, 37.16), "Mosul": (36.34, 43.13)}
    lat, lon = points[place]
    return {
        "doc": "article",
        "event_type": event_type,
        "date": {"start": start, "end": start},
        "locations": [{"name": place, "lat": lat, "lon": lon, "precision": "town", "country": "SY"}],
    }


def test_a_miss_is_traced_to_the_report_that_tells_the_gold_value_or_to_none() -> None:
    lead = mention("a", doc="article", start="2024-03-10", where="Idlib")
    later = mention("b", doc="article", start="2024-03-12", where="Aleppo", event_type="Battles")
    event = derive_event("e", [lead, later])
    assert diagnose.report_cause("date", _gold("2024-03-12"), event) == "date: a report tells it"
    assert diagnose.report_cause("date", _gold("2024-03-20"), event) == "date: no report tells it"
    assert diagnose.report_cause("type", _gold("2024-03-10", "Battles"), event) == "type: a report tells it"
    assert diagnose.report_cause("type", _gold("2024-03-10", "Protests"), event) == "type: no report tells it"
    aleppo = _gold("2024-03-10", place="Aleppo")
    assert diagnose.report_cause("location: another of its places headlines it", aleppo, event) == (
        "location: a report names it as the event's place"
    )
    mosul = _gold("2024-03-10", place="Mosul")
    assert diagnose.report_cause("location: none of its places", mosul, event) == (
        "location: no report names it; no report's sentence writes it"
    )


def test_a_place_no_report_of_the_event_names_is_traced_to_where_in_the_article_one_does() -> None:
    event = derive_event("e", [mention("a", doc="article", where="Idlib")])
    elsewhere = mention("b", doc="article", where="Aleppo")
    aleppo = _gold("2024-03-10", place="Aleppo")
    grouped = diagnose.report_cause("location: none of its places", aleppo, event, [(elsewhere, "e2")])
    assert grouped == "location: no report names it; another event of the article does (grouping)"
    dropped = diagnose.report_cause("location: none of its places", aleppo, event, [(elsewhere, None)])
    assert dropped == "location: no report names it; a report in no event does"


def test_a_date_only_another_article_gives_is_told_apart() -> None:
    ours = mention("a", doc="article", start="2024-03-10")
    theirs = mention("b", doc="other", start="2024-03-12")
    event = derive_event("e", [ours, theirs])
    assert diagnose.report_cause("date", _gold("2024-03-12"), event) == "date: only another document's report tells it"


def test_a_place_a_report_writes_but_no_report_reads_is_told_apart() -> None:
    event = derive_event("e", [mention("a", doc="article", where="Idlib")])
    unread = mention("b", doc="article", where=None, text="Shells fell on the old quarter of Aleppo at dawn.")
    aleppo = _gold("2024-03-10", place="Aleppo")
    assert diagnose.report_cause("location: none of its places", aleppo, event, [(unread, "e")]) == (
        "location: no report names it; a report's sentence writes it, unread (places, geocoding)"
    )
