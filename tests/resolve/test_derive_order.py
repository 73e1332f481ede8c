"""Order does not matter: an event's fields are the same whatever order its reports arrive in (issue 14)."""

from __future__ import annotations

import itertools
import random

from sitrep.model import Mention, Span, to_dict
from sitrep.resolve import derive_event
from sitrep.resolve.derive import lead_reports, report_order
from tests.resolve.resolve_fixtures import mention


def _in_sentence(report: Mention, start: int, trigger: int) -> Mention:
    """The report as told by the sentence at ``start`` of its document, its trigger at ``trigger``."""
    report.sentence = Span(report.doc, start, start + 40, report.sentence.text)
    report.trigger = Span(report.doc, trigger, trigger + 6)
    return report


def tied_reports() -> list[Mention]:
    """Invented reports of one shelling whose every field is a tie: two wires give it another day, town, type,
    perpetrator and toll, and each wire tells it twice in one sentence."""
    return [
        _in_sentence(
            mention(
                "r1",
                doc="wire-b.txt",
                where="Saraqib",
                start="2024-03-11",
                event_type="Battles",
                actor1="Rebel Brigade",
                killed=(None, 4, None),
            ),
            120,
            130,
        ),
        _in_sentence(
            mention("r2", doc="wire-b.txt", where="Saraqib", start="2024-03-11", event_type="Battles"), 120, 150
        ),
        _in_sentence(
            mention(
                "r3",
                doc="wire-a.txt",
                where="Idlib",
                start="2024-03-10",
                actor1="Military Forces of Syria",
                killed=(None, 7, None),
            ),
            0,
            20,
        ),
        _in_sentence(mention("r4", doc="wire-a.txt", where="Idlib", start="2024-03-10"), 0, 10),
    ]


def test_every_order_of_the_reports_gives_one_event() -> None:
    reports = tied_reports()
    derived = {repr(to_dict(derive_event("ev", list(order)))) for order in itertools.permutations(reports)}
    assert len(derived) == 1


def test_ties_go_to_the_document_first_in_report_order_not_to_the_report_first_given() -> None:
    event = derive_event("ev", tied_reports()[::-1])
    assert event.event_type == "Explosions/Remote violence"
    assert event.date is not None and event.date.start.isoformat() == "2024-03-10"
    assert event.places[0].name == "Idlib"
    assert [(a.role, a.name) for a in event.actors] == [("actor1", "Military Forces of Syria")]
    assert [m.id for m in event.mentions] == ["r4", "r3", "r1", "r2"]


def test_a_documents_lead_is_its_first_report_whatever_order_the_reports_come_in() -> None:
    reports = tied_reports()
    for seed in range(20):
        shuffled = list(reports)
        random.Random(seed).shuffle(shuffled)
        assert [m.id for m in lead_reports(shuffled)] == ["r4", "r1"]


def test_report_order_is_document_then_sentence_then_trigger() -> None:
    assert [m.id for m in sorted(tied_reports(), key=report_order)] == ["r4", "r3", "r1", "r2"]
