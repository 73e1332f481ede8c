"""Dates told as an offset from another date of the report (sitrep.extract.date_offsets): "a day after the
protest", "two days after gunmen kidnapped them", "returned three weeks later", "killed the previous day".

Sentences are written for these tests in the style of wire reports.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import extract_document
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import Mention
from sitrep.nlp import load_pipeline

PUBLISHED = "2019-05-20"


def mentions(text: str) -> list[Mention]:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date.fromisoformat(PUBLISHED)))
    return extract_document(document, load_pipeline()(document.text)).mentions


def dated(text: str, trigger: str) -> tuple[dt.date, dt.date]:
    found = [m for m in mentions(text) if m.trigger is not None and m.trigger.text == trigger]
    assert found and found[0].date is not None, [m.trigger.text for m in mentions(text) if m.trigger]
    return found[0].date.start, found[0].date.end


@pytest.mark.parametrize(
    ("text", "trigger", "day"),
    [
        # The object of "N days after" happened N days before the date the sentence gives.
        (
            "The governor was dismissed on May 12, a day after thousands of protesters marched in the port city.",
            "marched",
            dt.date(2019, 5, 11),
        ),
        (
            "The bodies of the two engineers were found on Saturday two days after gunmen kidnapped them near the dam.",
            "kidnapped",
            dt.date(2019, 5, 16),
        ),
        # Told as a day after the one the report gave last.
        (
            "Rebels shelled the northern district on Friday, killing four people. Three civilians had been killed "
            "in a mortar strike on the market the previous day.",
            "strike",
            dt.date(2019, 5, 16),
        ),
    ],
)
def test_an_act_dated_by_an_offset_gets_that_day(text: str, trigger: str, day: dt.date) -> None:
    assert dated(text, trigger) == (day, day)


def test_the_act_that_gives_the_anchor_keeps_its_own_date() -> None:
    text = "The governor was dismissed on May 12, a day after thousands of protesters marched in the port city."
    other = [m for m in mentions(text) if m.trigger is not None and m.trigger.text != "marched"]
    assert all(m.date is not None and m.date.start != dt.date(2019, 5, 11) for m in other)


def test_weeks_later_is_a_week_wide_window_around_the_day_counted() -> None:
    text = (
        "Militants drove the soldiers out of the town on April 1 but the army returned three weeks later, "
        "recapturing the town."
    )
    start, end = dated(text, "recapturing")
    assert start <= dt.date(2019, 4, 22) <= end and (end - start).days <= 7


def test_a_duration_is_no_offset() -> None:
    """ "fought for two days after the army entered": how long, not when."""
    text = "Fighting raged for two days after the army entered the town on Monday."
    assert dated(text, "Fighting") == (dt.date(2019, 5, 20), dt.date(2019, 5, 20))


def test_a_clause_with_a_date_of_its_own_keeps_it() -> None:
    text = "Rebels captured the hill on May 2 and the army recaptured it a week later, on May 10."
    assert dated(text, "recaptured") == (dt.date(2019, 5, 10), dt.date(2019, 5, 10))


def test_a_picture_s_date_does_not_date_the_acts_told_after_it() -> None:
    # caption_date (extract.dates): the caption's day is the picture's; the next sentence's act is undated, not
    # dated a week before publication
    text = (
        "A medic runs past a burning car after an air strike in the town of Kafr Hamra, Mali May 13 2019. "
        "(Reuters) A suicide bomber blew himself up at a checkpoint near the town, killing nine people."
    )
    start, end = dated(text, "killing")
    assert start > dt.date(2019, 5, 13) and end <= dt.date(2019, 5, 20)
