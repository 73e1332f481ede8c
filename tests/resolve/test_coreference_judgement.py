"""The learned pair judgement within an article (judged_one_incident): invented reports, a hand-set judgement."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from sitrep.extract.background import LogisticModel
from sitrep.model import DateInterval, Mention, Quantity, Span
from sitrep.resolve import coreference as co
from tests.resolve.resolve_fixtures import mention


def _report(mention_id: str, start: int, text: str, day: int, killed: int) -> Mention:
    """A strike at Saraqib in doc "d" whose sentence names its own day (March ``day``) and its toll."""
    m = mention(mention_id, where="Saraqib", doc="d", text=text)
    m.sentence = Span("d", start, start + len(text), text)
    m.date = DateInterval(dt.date(2024, 3, day), dt.date(2024, 3, day), "day", Span("d", start + 5, start + 11))
    m.fatalities = Quantity("people", best=killed, kind="killed")
    return m


def _lead_and_later(later_toll: int) -> list[Mention]:
    # "Air strikes hit Saraqib on Sunday, killing 12." / "The raids on Saturday killed N, the monitor said." The
    # second names another day of its own: evidence, for the rules, of another incident.
    lead = _report("a", 100, "Air strikes hit Saraqib on Sunday, killing 12.", 10, 12)
    later = _report("bb", 200, f"The raids on Saturday killed {later_toll}, the monitor said.", 9, later_toll)
    return [lead, later]


def _judgement(sure_of: str) -> LogisticModel:
    """Near sure of one incident (p 0.95) when the pair has the cue, else near sure of two (p 0.05)."""
    return LogisticModel({"bias": 0, sure_of: 1}, np.array([-3.0, 6.0]), 0.9)


def test_without_the_judgement_the_rules_keep_a_report_of_another_day_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(co, "load_pair_model", lambda: None)
    assert len(co.group_document_mentions(_lead_and_later(12))) == 2


def test_a_report_the_judgement_is_sure_tells_the_incident_joins_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(co, "load_pair_model", lambda: _judgement("toll:same"))
    why: dict[str, str] = {}
    assert len(co.group_document_mentions(_lead_and_later(12), why)) == 1
    assert why["bb"] == "judged_one"


def test_a_report_the_judgement_is_unsure_of_keeps_the_rules_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(co, "load_pair_model", lambda: _judgement("toll:same"))
    assert len(co.group_document_mentions(_lead_and_later(40), {})) == 2


def test_the_pair_cues_name_what_the_two_reports_share_and_what_parts_them() -> None:
    lead, later = _lead_and_later(12)
    cues = co.pair_cues(lead, later, 1, co.load_rules())
    assert {"toll:same", "day:other", "apart:1", "same_type", "own_day:11"} <= cues
    assert "toll:other" not in cues
