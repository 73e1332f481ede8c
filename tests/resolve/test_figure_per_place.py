"""a_figure_per_place: a sentence that gives each of its places its own figure ("30 were killed in A and another
five in B") tells one act per place, and becomes one report per place before grouping; places listed under one
figure stay one report. Invented sentences; the whole pipeline, since the places come from geocoding."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.geo import Gazetteer
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention
from sitrep.pipeline import process_document
from sitrep.resolve.coreference import group_document_mentions


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def reports(text: str, gazetteer: Gazetteer) -> list[Mention]:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    return process_document(document, gazetteer).mentions


def own_places(report: Mention) -> list[str]:
    return [pm.text for pm in report.places if pm.role == "location"]


def toll(report: Mention) -> int | None:
    return report.fatalities.low if report.fatalities else None


def test_a_figure_for_each_town_makes_one_report_per_town(gazetteer: Gazetteer) -> None:
    text = (
        "Air strikes killed 30 militants around the town of Manbij in Aleppo province and another six outside "
        "the town of Tabqa on Sunday, the monitor said."
    )
    found = reports(text, gazetteer)
    assert [(own_places(r), toll(r)) for r in found] == [(["Manbij", "Aleppo province"], 30), (["Tabqa"], 6)]
    assert len(group_document_mentions(found)) == 2


def test_ordinals_give_each_place_one_victim(gazetteer: Gazetteer) -> None:
    text = "Three people died in strikes on Sunday: one in Homs province, a second in Hama province, a third in Daraa."
    found = reports(text, gazetteer)
    assert [(own_places(r), toll(r)) for r in found] == [
        (["Homs province"], 1),
        (["Hama province"], 1),
        (["Daraa"], 1),
    ]


def test_towns_listed_under_one_figure_stay_one_report(gazetteer: Gazetteer) -> None:
    found = reports("Government air strikes killed 19 civilians in Douma, Saqba and Harasta on Monday.", gazetteer)
    assert len(found) == 1
    assert own_places(found[0]) == ["Douma", "Saqba", "Harasta"]


def test_a_span_of_time_is_no_figure_of_a_place(gazetteer: Gazetteer) -> None:
    text = "Over the past 24 hours in Hama province, strikes killed 12 people in the town of Saraqib."
    assert len(reports(text, gazetteer)) == 1


def test_the_parts_keep_their_ids_from_run_to_run(gazetteer: Gazetteer) -> None:
    text = "Shelling killed 12 people in the town of Rastan and another four in the town of Talbiseh on Friday."
    first, again = reports(text, gazetteer), reports(text, gazetteer)
    assert len(first) == 2
    assert [r.id for r in first] == [r.id for r in again]
    assert len({r.id for r in first}) == 2


def test_one_toll_for_the_blows_at_several_towns_stays_one_report(gazetteer: Gazetteer) -> None:
    text = "Jets carried out 13 raids on the city of Raqqa and 11 on the town of Tabqa on Sunday, killing 31 militants."
    found = reports(text, gazetteer)
    assert len(found) == 1
    assert toll(found[0]) == 31


def test_one_place_and_another_are_two_acts_with_the_toll_where_it_is_told(gazetteer: Gazetteer) -> None:
    text = (
        "Two shootings followed that week, including one in Ohio at a fair in Cleveland, killing three, "
        "and another in Denver on Sunday."
    )
    found = reports(text, gazetteer)
    assert [(own_places(r), toll(r)) for r in found] == [(["Cleveland", "Ohio"], 3), (["Denver"], None)]


def test_a_part_does_not_join_the_earlier_incident_its_sibling_joined(gazetteer: Gazetteer) -> None:
    text = (
        "Rebels attacked an army checkpoint in the town of Douma on Monday.\n\n"
        "The fighting killed nine people in Douma and another three in the town of Saqba, the monitor said."
    )
    groups = group_document_mentions(reports(text, gazetteer))
    assert [[own_places(r) for r in g] for g in groups] == [[["Douma"], ["Douma"]], [["Saqba"]]]


def test_reports_of_a_sentence_not_parted_by_place_may_share_an_incident(gazetteer: Gazetteer) -> None:
    text = "Regime shelling killed nine people in Douma on Monday. The shelling also wounded 20 people in Douma."
    assert len(group_document_mentions(reports(text, gazetteer))) == 1


def test_a_further_part_naming_a_province_does_not_join_a_town_of_it(gazetteer: Gazetteer) -> None:
    text = (
        "Air strikes killed ten civilians in the town of Douma on Monday.\n\n"
        "Three more people were killed in the strikes, one in Idlib province and a second in Damascus province."
    )
    groups = group_document_mentions(reports(text, gazetteer))
    province = [g for g in groups if any(own_places(r) == ["Damascus province"] for r in g)]
    assert [[own_places(r) for r in g] for g in province] == [[["Damascus province"]]]


def test_the_first_part_may_take_up_the_incident_the_article_was_telling(gazetteer: Gazetteer) -> None:
    text = (
        "At least 35 militants were killed in coalition air strikes on Sunday.\n\n"
        "The monitor said 30 militants were killed around the town of Shadadi and another five outside the town of "
        "Kobane."
    )
    groups = group_document_mentions(reports(text, gazetteer))
    assert [[toll(r) for r in g] for g in groups] == [[35, 30], [5]]
