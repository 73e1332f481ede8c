"""One incident the resolver kept as two events: its sources' disagreements are still listed, worked out as
documents arrive exactly as comparing the whole store would."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import ActorRole, Mention, Quantity, Span
from sitrep.pipeline import (
    IngestReport,
    ProcessedDocument,
    all_claim_contradictions,
    record_document,
    refresh_claim_contradictions,
)
from sitrep.resolve import derive_event
from sitrep.store import Store
from tests.resolve.resolve_fixtures import mention


def strike(doc: str, text: str, doer: str, name: str, killed: int, source: str) -> Mention:
    report = mention(f"{doc}-1", doc=doc, text=text, sources=(source,), killed=(killed, killed, killed))
    report.sub_event_type = "Air/drone strike"
    start = text.index(doer)
    report.actors = [
        ActorRole("actor1", name, "State forces", Span(doc, start, start + len(doer), doer)),
        ActorRole("actor2", "Civilians", "Civilians"),
    ]
    report.fatalities = Quantity("people", killed, killed, killed, kind="killed", span=Span(doc, 0, 0, str(killed)))
    return report


def rows(store: Store) -> list[str]:
    found = [{k: v for k, v in dict(r).items() if k != "id"} for r in store.contradictions() if r["event_id"] is None]
    return sorted(json.dumps(r, sort_keys=True) for r in found)


def afresh(store: Store) -> list[str]:
    return sorted(json.dumps(r, sort_keys=True) for r in all_claim_contradictions(store)[1])


def test_two_outlets_naming_other_doers_of_a_strike_kept_apart_are_still_set_against_each_other(
    tmp_path: Path,
) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'sitrep.db'}")
    reports = [
        strike(
            "a",
            "A suspected Russian raid killed 17 people at the Idlib market.",
            "Russian",
            "Military Forces of Russia",
            17,
            "Activists",
        ),
        strike(
            "b",
            "Government planes killed 30 people at the Idlib market, the monitor said.",
            "Government",
            "Military Forces of Syria",
            30,
            "Monitor",
        ),
    ]
    for report in reports:
        document = build_document(f"Report {report.doc}.", report.doc, DocumentMeta(published=dt.date(2024, 3, 11)))
        outcome = IngestReport()
        record_document(store, document, outcome, lambda doc, r=report: ProcessedDocument(doc, [r], []))
        assert not outcome.failures
    # whatever the resolver made of them, keep the two reports as two events of their own
    for event_id in {store.event_of_mention(r.id) for r in reports}:
        store.delete_event(str(event_id), redirect_to=None, reason="test")
    for number, report in enumerate(reports):
        store.save_event(derive_event(f"ev-{number}", [report]))
    refresh_claim_contradictions(store)
    listed = [dict(r) for r in store.contradictions() if r["claim_topic"].startswith("one incident")]
    assert {r["kind"] for r in listed} == {"perpetrator", "figure"}
    assert all(r["claim_group"] == "event:ev-0" for r in listed)
    assert rows(store) == afresh(store)
    store.close()


def test_two_sources_one_article_sets_side_by_side_disagree_though_filed_as_two_events() -> None:
    from sitrep.model import Source
    from sitrep.resolve.contradictions import incident_contradictions

    def said(report_id: str, text: str, speaker: str, killed: int) -> Mention:
        report = mention(report_id, doc="story", text=text, sources=(speaker, "Courier"), killed=(killed,) * 3)
        at = text.index(speaker)
        report.chain.sources[0] = Source(speaker, "monitor", Span("story", at, at + len(speaker), speaker))
        return report

    monitor = said("m1", "The Observatory said the gas attack on Tarsa killed 58 people.", "Observatory", 58)
    coalition = said("m2", "The Coalition said the gas attack on Tarsa killed 100 people.", "Coalition", 100)
    listed = incident_contradictions(derive_event("ev-a", [monitor]), derive_event("ev-b", [coalition]))
    assert [c.kind for c in listed] == ["figure"]
    # the story's own telling of a second toll names no source: two incidents as the article tells them
    told = mention("m3", doc="story", text="A gas attack on Tarsa killed 100 people.", killed=(100,) * 3)
    assert incident_contradictions(derive_event("ev-a", [monitor]), derive_event("ev-b", [told])) == []


def test_two_events_sharing_only_a_city_of_millions_are_not_set_against_each_other() -> None:
    from sitrep.model import Place, PlaceMention
    from sitrep.resolve.contradictions import incident_contradictions

    def struck(report_id: str, where: Place, killed: int, source: str) -> Mention:
        text = f"Air strikes on {where.name} killed {killed} people."
        report = mention(report_id, doc=f"doc-{report_id}", text=text, sources=(source,), killed=(killed,) * 3)
        report.places = [PlaceMention(where.name, Span(report.doc, 15, 15 + len(where.name)), place=where)]
        return report

    # real gazetteer entries: a city of about two million, and a town of a few tens of thousands
    city = Place("geonames:170063", "Aleppo", "SY", 36.20, 37.16, "town")
    town = Place("geonames:174448", "Abu Kamal", "SY", 34.45, 40.92, "town")
    in_city = incident_contradictions(
        derive_event("ev-a", [struck("a", city, 12, "Monitor")]),
        derive_event("ev-b", [struck("b", city, 36, "Agency")]),
    )
    in_town = incident_contradictions(
        derive_event("ev-a", [struck("a", town, 12, "Monitor")]),
        derive_event("ev-b", [struck("b", town, 36, "Agency")]),
    )
    assert in_city == []
    assert [c.kind for c in in_town] == ["figure"]
