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
