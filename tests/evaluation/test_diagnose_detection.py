"""The detection diagnosis names the stage at which a gold event with no event of its type was lost."""

from __future__ import annotations

from sitrep.model import Mention, Span
from tests.evaluation.scripts import load_script

tool = load_script("evaluation/diagnose_detection.py")

TEXT = "Fighters shelled the village of Kafr Sous on Monday. Later, rebels said they had taken the hill."
GOLD = {"event_type": "Explosions/Remote violence", "evidence": "Fighters shelled the village of Kafr Sous on Monday"}


def report(event_type: str, event_id: str | None, background: str = "", start: int = 0, end: int = 51) -> object:
    mention = Mention(
        id=f"m{start}{event_type[:3]}",
        doc="d.txt",
        sentence=Span("d.txt", start, end, TEXT[start:end]),
        trigger=Span("d.txt", start + 9, start + 16, TEXT[start + 9 : start + 16]),
        event_type=event_type,
        sub_event_type="",
        plover="",
        background=background,
    )
    return tool.Report(mention, event_id)


def test_a_sentence_with_no_report_was_not_detected() -> None:
    later = report("Battles", "e2", start=53, end=len(TEXT))
    reports = tool.reports_of_sentence(GOLD["evidence"], TEXT, [later])
    assert reports == []
    assert tool.stage_lost(GOLD, reports, {"e2"}) == "no report from its sentence"


def test_a_report_of_another_type_is_a_typing_miss() -> None:
    reports = tool.reports_of_sentence(GOLD["evidence"], TEXT, [report("Battles", "e1")])
    assert tool.stage_lost(GOLD, reports, set()) == "reports of other types only"


def test_a_report_dropped_after_extraction_names_the_rule() -> None:
    dropped = [report("Explosions/Remote violence", None, background="habitual")]
    assert tool.stage_lost(GOLD, dropped, set()) == "report of its type joined no event (habitual)"


def test_a_report_grouped_with_another_incident_is_told_apart_from_one_in_an_unmatched_event() -> None:
    grouped = [report("Explosions/Remote violence", "e1")]
    assert tool.stage_lost(GOLD, grouped, {"e1"}) == "report of its type in an event matched to another gold event"
    assert tool.stage_lost(GOLD, grouped, set()) == "report of its type in an event matched to no gold event"
