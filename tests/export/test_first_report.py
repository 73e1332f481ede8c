"""Which report of a document speaks for an event in the exports (its sources, modality and evidence)."""

from dataclasses import replace

from sitrep.export.records import first_report
from sitrep.model import Mention, Span
from sitrep.resolve import derive_event
from tests.resolve.resolve_fixtures import mention


def at(report: Mention, start: int) -> Mention:
    return replace(report, sentence=Span(report.doc, start, start + 10))


def test_the_body_s_lead_speaks_for_a_document_whose_title_sums_it_up() -> None:
    title = replace(at(mention("a", doc="one.txt", sources=("Outlet",)), 0), headline=True)
    lead = at(mention("b", doc="one.txt", sources=("Syrian Observatory for Human Rights", "Outlet")), 80)
    event = derive_event("ev", [title, lead])
    report = first_report(event, "one.txt")
    assert report is not None and report.id == "b"


def test_a_title_that_is_the_whole_report_still_speaks() -> None:
    title = replace(mention("t", doc="one.txt"), headline=True)
    event = derive_event("ev", [title, mention("x", doc="two.txt")])
    report = first_report(event, "one.txt")
    assert report is not None and report.id == "t"


def test_the_report_that_asserts_the_event_speaks_before_an_earlier_denial() -> None:
    denial = at(mention("d", doc="one.txt", sources=("Defence Ministry", "Outlet"), modality="denied"), 10)
    hedged = at(mention("h", doc="one.txt", sources=("Foreign Minister", "Outlet"), modality="reported"), 40)
    fact = at(mention("f", doc="one.txt", sources=("Civil Defence", "Outlet")), 90)
    event = derive_event("ev", [denial, hedged, fact])
    report = first_report(event, "one.txt")
    assert report is not None and report.id == "f"


def test_with_no_report_asserting_the_event_the_earliest_speaks() -> None:
    denial = at(mention("d", doc="one.txt", modality="denied"), 60)
    hedged = at(mention("h", doc="one.txt", modality="reported"), 20)
    event = derive_event("ev", [denial, hedged])
    report = first_report(event, "one.txt")
    assert report is not None and report.id == "h"
