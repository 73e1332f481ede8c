"""The incident gate: an incident of an article with no news of its own (no day or place of its own, a day an
earlier incident was told on, low typing confidence) is no event of its own: a restatement of an incident told before
it joins that incident's event (its figures kept), background joins none; the article's lead is always news."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pytest

from sitrep.model import DateInterval, Document, Mention, Place, PlaceMention, Quantity, Span
from sitrep.resolve import incident_gate
from sitrep.resolve.incident_gate import (
    GATED,
    RESTATED,
    IncidentGate,
    article_incidents,
    gate_from_files,
    gate_incidents,
    incident_features,
    incidents_as_events,
    load_gate,
    regate_incidents,
    restated_incident,
)

PUBLISHED = dt.date(2024, 3, 12)
MONDAY = dt.date(2024, 3, 11)
LEAD = "Shelling killed four people in the village of Tell Dara on Monday."
RECALL = "Residents said such attacks have been common in Marj Hilal."
# Told again after the text turns away ("Meanwhile"), with a figure of its own and nothing that tells it apart from
# the lead: the grouping starts an incident with it, which the gate finds is no news of its own.
RETOLD = "Meanwhile, medics said the shelling had also wounded nine."
# Told later with a day of its own, other than the lead's: another incident, or background, never the lead again.
OTHER_DAY = "Shelling on March 2 had wounded nine, medics said."
TEXT = f"{LEAD} The wounded were taken to hospital. {RECALL} {RETOLD} {OTHER_DAY}"


def report(mention_id: str, sentence: str, trigger: str, town: str | None, lat: float, confidence: float) -> Mention:
    start = TEXT.index(sentence)
    at = start + sentence.index(trigger)
    places = []
    if town is not None:
        where = start + sentence.index(town)
        places = [
            PlaceMention(
                town, Span("d", where, where + len(town)), place=Place(f"t:{town}", town, "SY", lat, 36.6, "town")
            )
        ]
    return Mention(
        id=mention_id,
        doc="d",
        sentence=Span("d", start, start + len(sentence), sentence),
        trigger=Span("d", at, at + len(trigger), trigger),
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        plover="",
        places=places,
        confidence=confidence,
    )


def article() -> tuple[Document, list[Mention]]:
    lead = report("lead", LEAD, "Shelling", "Tell Dara", 35.0, 0.9)
    day = LEAD.index("Monday")
    lead.date = DateInterval(MONDAY, MONDAY, "day", span=Span("d", day, day + 6, "Monday"))
    recall = report("recall", RECALL, "attacks", "Marj Hilal", 36.5, 0.2)
    return Document("d", "h", TEXT, published=PUBLISHED), [lead, recall]


def retold_article() -> tuple[Document, list[Mention]]:
    """The article with, after its lead and the recollection, the lead's shelling told again."""
    document, reports = article()
    retold = report("retold", RETOLD, "shelling", None, 0.0, 0.2)
    retold.quantities = [Quantity("people", low=9, best=9, high=9, kind="wounded")]
    return document, [*reports, retold]


def other_day_article() -> tuple[Document, list[Mention]]:
    """The article with, after its lead, a shelling told on a day of its own."""
    document, reports = article()
    other = report("other", OTHER_DAY, "Shelling", None, 0.0, 0.2)
    day = TEXT.index(OTHER_DAY) + OTHER_DAY.index("March 2")
    other.date = DateInterval(dt.date(2024, 3, 2), dt.date(2024, 3, 2), "day", span=Span("d", day, day + 7, "March 2"))
    return document, [reports[0], other]


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> IncidentGate:
    """A gate that calls 'no news' an incident the typing model was unsure of."""
    model = IncidentGate({"bias": 0, "confidence:low": 1}, np.array([-3.0, 6.0]), 0.5)
    monkeypatch.setattr(incident_gate, "load_gate", lambda: model)
    return model


def test_the_article_is_told_as_two_incidents() -> None:
    _, reports = article()
    assert [[m.id for m in group] for group in article_incidents(reports)] == [["lead"], ["recall"]]


def test_an_incident_with_no_news_of_its_own_joins_no_event(gate: IncidentGate) -> None:
    document, reports = article()
    gate_incidents(reports, document)
    assert [m.background for m in reports] == ["", GATED]


def test_a_restatement_the_gate_finds_joins_the_incident_it_restates(gate: IncidentGate) -> None:
    document, reports = retold_article()
    assert [[m.id for m in group] for group in article_incidents(reports)] == [["lead"], ["recall"], ["retold"]]
    gate_incidents(reports, document)
    assert [m.background for m in reports] == ["", GATED, RESTATED]
    # One event for the shelling, with the figure only its second telling gives; the recollection joins none.
    assert [[m.id for m in event] for event in incidents_as_events(reports)] == [["lead", "retold"]]


def test_an_incident_told_apart_from_every_earlier_one_restates_none(gate: IncidentGate) -> None:
    _, reports = retold_article()
    lead, recall, retold = article_incidents(reports)
    assert restated_incident(retold, [lead, recall]) == 0
    assert restated_incident(recall, [lead]) is None  # another place
    document, reports = other_day_article()
    assert [[m.id for m in group] for group in article_incidents(reports)] == [["lead"], ["other"]]
    gate_incidents(reports, document)
    assert [m.background for m in reports] == ["", GATED]  # another day: background, its day kept off the event
    assert [[m.id for m in event] for event in incidents_as_events(reports)] == [["lead"]]


def test_the_lead_is_never_gated(monkeypatch: pytest.MonkeyPatch) -> None:
    everything = IncidentGate({"bias": 0}, np.array([6.0]), 0.5)  # calls every incident no news
    monkeypatch.setattr(incident_gate, "load_gate", lambda: everything)
    document, reports = article()
    gate_incidents(reports, document)
    assert reports[0].background == ""


def test_a_report_a_named_rule_calls_background_stays_out_and_keeps_its_name(gate: IncidentGate) -> None:
    document, reports = article()
    reports[1].background = "habitual"
    gate_incidents(reports, document)
    assert [m.background for m in reports] == ["", "habitual"]


def test_a_report_the_gate_took_counts_again_when_the_article_is_read_anew() -> None:
    # A store ingested with the gate trains as one ingested without: the gated report is still an incident.
    _, reports = article()
    reports[1].background = GATED
    assert len(article_incidents(reports)) == 2


def test_reports_stored_with_one_gate_are_judged_anew_by_another(gate: IncidentGate) -> None:
    # Cross-fitting a refitted gate on a stored article: what the old gate marked is judged again, by the new gate
    # or by none; a named rule's mark is no gate's and stays.
    document, reports = retold_article()
    gate_incidents(reports, document)
    assert [m.background for m in reports] == ["", GATED, RESTATED]
    cautious = IncidentGate(gate.index, gate.weights, 0.999)
    regate_incidents(reports, document, cautious)
    assert [m.background for m in reports] == ["", "", ""]
    regate_incidents(reports, document, gate)
    assert [m.background for m in reports] == ["", GATED, RESTATED]
    reports[1].background = "habitual"
    regate_incidents(reports, document, None)
    assert [m.background for m in reports] == ["", "habitual", ""]


def test_the_cues_of_a_later_incident_tell_where_it_stands_and_what_it_has_of_its_own() -> None:
    document, reports = article()
    incidents = article_incidents(reports)
    lead = set(incident_features(incidents[0], [], 2, document))
    later = set(incident_features(incidents[1], incidents[:1], 2, document))
    assert {"index:0", "pos:lead", "own_day", "own_place", "confidence:top", "toll:none"} <= lead
    assert {"index:1", "own_place", "confidence:low", "place_conflict_all_before", "any_after:have"} <= later
    assert "own_day" not in later and "could_be_before" not in later
    words = ("tell", "dara", "marj", "hilal", "shelling", "residents")
    assert not any(word in name.lower() for name in lead | later for word in words)


def test_without_weight_files_the_gate_is_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert gate_from_files(tmp_path / "none.npz", tmp_path / "none.json") is None
    monkeypatch.setattr(incident_gate, "load_gate", lambda: None)
    document, reports = article()
    gate_incidents(reports, document)
    assert [m.background for m in reports] == ["", ""]


def test_the_shipped_gate_reads_the_cues_the_features_name() -> None:
    shipped = load_gate()
    assert shipped is not None and 0.5 <= shipped.threshold < 1.0
    assert {"bias", "own_day", "own_place", "nothing_own", "could_be_before"} <= set(shipped.index)
