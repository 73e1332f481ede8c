"""How `sitrep eval` counts claims found: a source's toll of one incident is stated by the report of that incident
that carries the figure; a running toll is not (it must be a claim), and a report states one claim only."""

from __future__ import annotations

from typing import Any

from sitrep.evaluate import told_by_reports
from tests.resolve.resolve_fixtures import mention

SENTENCE = "Shelling killed at least 9 people in the market on Friday, the monitor said"
INCIDENT: dict[str, Any] = {"id": "e1", "doc": "a.txt", "mentions": [SENTENCE], "evidence": SENTENCE}


def _claim(claim_id: str, evidence: str, low: int | None, best: int | None = None) -> dict[str, Any]:
    return {
        "id": claim_id,
        "doc": "a.txt",
        "quantity": {"low": low, "best": best, "high": None},
        "modality": "asserted",
        "evidence": evidence,
    }


def test_a_sources_toll_of_an_incident_is_stated_by_the_report_that_carries_it() -> None:
    report = mention("m1", doc="a.txt", text=SENTENCE, killed=(9, None, None))
    assert told_by_reports([_claim("c1", SENTENCE, 9)], {}, [INCIDENT], [report]) == {"c1": "m1"}


def test_another_figure_does_not_state_it() -> None:
    report = mention("m1", doc="a.txt", text=SENTENCE, killed=(4, 4, 4))
    assert told_by_reports([_claim("c1", SENTENCE, 9)], {}, [INCIDENT], [report]) == {}


def test_a_running_toll_is_never_stated_by_an_event_report() -> None:
    total = "Over 900 residents of the province have died in bombardments since spring began"
    report = mention("m1", doc="a.txt", text=total, killed=(900, None, None))
    assert told_by_reports([_claim("c1", total, 900)], {}, [INCIDENT], [report]) == {}


def test_one_report_states_one_claim_and_a_claim_found_is_not_counted_twice() -> None:
    report = mention("m1", doc="a.txt", text=SENTENCE, killed=(9, None, None))
    claims = [_claim("c1", SENTENCE, 9), _claim("c2", SENTENCE, 9)]
    assert told_by_reports(claims, {}, [INCIDENT], [report]) == {"c1": "m1"}
    assert told_by_reports(claims, {"c1": "ours"}, [INCIDENT], [report]) == {"c2": "m1"}
