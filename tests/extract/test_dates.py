"""Temporal expressions normalised against the publication date, across conflicts and phrasings."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.dates import after_publication, date_spans, find_dates, find_period_starts, normalise_date

D = dt.date
TUESDAY_30_APRIL_2024 = D(2024, 4, 30)
SATURDAY_3_FEB_2024 = D(2024, 2, 3)


def interval(text: str, published: dt.date) -> tuple[dt.date, dt.date, str]:
    found = normalise_date(text, published)
    assert found is not None, text
    return found.start, found.end, found.precision


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # days
        ("on 29 April", TUESDAY_30_APRIL_2024, (D(2024, 4, 29), D(2024, 4, 29), "day")),
        ("on 22 April", TUESDAY_30_APRIL_2024, (D(2024, 4, 22), D(2024, 4, 22), "day")),
        ("on April 22nd", TUESDAY_30_APRIL_2024, (D(2024, 4, 22), D(2024, 4, 22), "day")),
        ("on the 3rd of March", TUESDAY_30_APRIL_2024, (D(2024, 3, 3), D(2024, 3, 3), "day")),
        ("Sept. 11", TUESDAY_30_APRIL_2024, (D(2023, 9, 11), D(2023, 9, 11), "day")),
        ("on 7 October", TUESDAY_30_APRIL_2024, (D(2023, 10, 7), D(2023, 10, 7), "day")),
        ("on 20 December", D(2024, 1, 2), (D(2023, 12, 20), D(2023, 12, 20), "day")),
        ("2023-11-15", TUESDAY_30_APRIL_2024, (D(2023, 11, 15), D(2023, 11, 15), "day")),
        ("on 03/02/2024", TUESDAY_30_APRIL_2024, (D(2024, 2, 3), D(2024, 2, 3), "day")),
        ("on Monday, 12 February 2024", TUESDAY_30_APRIL_2024, (D(2024, 2, 12), D(2024, 2, 12), "day")),
        # explicit years win
        ("February 8, 2022", SATURDAY_3_FEB_2024, (D(2022, 2, 8), D(2022, 2, 8), "day")),
        ("24 February 2022", TUESDAY_30_APRIL_2024, (D(2022, 2, 24), D(2022, 2, 24), "day")),
        # weekdays: the most recent such day on or before publication
        ("on Saturday", SATURDAY_3_FEB_2024, (D(2024, 2, 3), D(2024, 2, 3), "day")),
        ("on Friday", SATURDAY_3_FEB_2024, (D(2024, 2, 2), D(2024, 2, 2), "day")),
        ("on Sunday", SATURDAY_3_FEB_2024, (D(2024, 1, 28), D(2024, 1, 28), "day")),
        ("last Saturday", SATURDAY_3_FEB_2024, (D(2024, 1, 27), D(2024, 1, 27), "day")),
        ("next Monday", SATURDAY_3_FEB_2024, (D(2024, 2, 5), D(2024, 2, 5), "day")),
        ("Thursday night", TUESDAY_30_APRIL_2024, (D(2024, 4, 25), D(2024, 4, 25), "day")),
        ("yesterday", TUESDAY_30_APRIL_2024, (D(2024, 4, 29), D(2024, 4, 29), "day")),
        ("earlier today", TUESDAY_30_APRIL_2024, (D(2024, 4, 30), D(2024, 4, 30), "day")),
        ("two days ago", TUESDAY_30_APRIL_2024, (D(2024, 4, 28), D(2024, 4, 28), "day")),
        # weeks
        ("a week ago", TUESDAY_30_APRIL_2024, (D(2024, 4, 20), D(2024, 4, 26), "week")),
        ("two weeks ago", TUESDAY_30_APRIL_2024, (D(2024, 4, 13), D(2024, 4, 19), "week")),
        ("last week", TUESDAY_30_APRIL_2024, (D(2024, 4, 22), D(2024, 4, 28), "week")),
        # parts of a week: its first three days, its middle, or Thursday to Sunday
        ("late last week", TUESDAY_30_APRIL_2024, (D(2024, 4, 25), D(2024, 4, 28), "week")),
        ("at the beginning of the previous week", TUESDAY_30_APRIL_2024, (D(2024, 4, 22), D(2024, 4, 24), "week")),
        ("in the middle of last week", SATURDAY_3_FEB_2024, (D(2024, 1, 23), D(2024, 1, 25), "week")),
        ("early this week", SATURDAY_3_FEB_2024, (D(2024, 1, 29), D(2024, 1, 31), "week")),
        ("late this week", TUESDAY_30_APRIL_2024, (D(2024, 5, 2), D(2024, 5, 5), "week")),
        ("the first week of March", TUESDAY_30_APRIL_2024, (D(2024, 3, 1), D(2024, 3, 7), "week")),
        ("over the weekend", TUESDAY_30_APRIL_2024, (D(2024, 4, 27), D(2024, 4, 28), "week")),
        ("3-5 March", TUESDAY_30_APRIL_2024, (D(2024, 3, 3), D(2024, 3, 5), "week")),
        ("between 10 and 12 June 2023", TUESDAY_30_APRIL_2024, (D(2023, 6, 10), D(2023, 6, 12), "week")),
        # parts of months
        ("late January", TUESDAY_30_APRIL_2024, (D(2024, 1, 21), D(2024, 1, 31), "part-of-month")),
        ("in late February", TUESDAY_30_APRIL_2024, (D(2024, 2, 21), D(2024, 2, 29), "part-of-month")),
        ("mid-April", TUESDAY_30_APRIL_2024, (D(2024, 4, 11), D(2024, 4, 20), "part-of-month")),
        ("early March", TUESDAY_30_APRIL_2024, (D(2024, 3, 1), D(2024, 3, 10), "part-of-month")),
        ("at the end of November", TUESDAY_30_APRIL_2024, (D(2023, 11, 21), D(2023, 11, 30), "part-of-month")),
        ("the beginning of last month", TUESDAY_30_APRIL_2024, (D(2024, 3, 1), D(2024, 3, 10), "part-of-month")),
        # months
        ("in October", TUESDAY_30_APRIL_2024, (D(2023, 10, 1), D(2023, 10, 31), "month")),
        ("in April", TUESDAY_30_APRIL_2024, (D(2024, 4, 1), D(2024, 4, 30), "month")),
        ("throughout the month of April", TUESDAY_30_APRIL_2024, (D(2024, 4, 1), D(2024, 4, 30), "month")),
        ("this month", TUESDAY_30_APRIL_2024, (D(2024, 4, 1), D(2024, 4, 30), "month")),
        ("last month", D(2024, 1, 15), (D(2023, 12, 1), D(2023, 12, 31), "month")),
        ("in March 2023", TUESDAY_30_APRIL_2024, (D(2023, 3, 1), D(2023, 3, 31), "month")),
        ("last October", D(2024, 11, 20), (D(2024, 10, 1), D(2024, 10, 31), "month")),
        # approximate and years
        ("in recent days", TUESDAY_30_APRIL_2024, (D(2024, 4, 23), D(2024, 4, 30), "approximate")),
        ("early 2023", TUESDAY_30_APRIL_2024, (D(2023, 1, 1), D(2023, 4, 30), "approximate")),
        ("last year", TUESDAY_30_APRIL_2024, (D(2023, 1, 1), D(2023, 12, 31), "year")),
        ("in 2021", TUESDAY_30_APRIL_2024, (D(2021, 1, 1), D(2021, 12, 31), "year")),
    ],
)
def test_normalise_date(text: str, published: dt.date, expected: tuple[dt.date, dt.date, str]) -> None:
    assert interval(text, published) == expected


def test_event_date_in_sentence_has_span_with_document_offsets() -> None:
    sentence = "The Ain al-Assad base in Iraq was also targeted with drones on 22 April."
    (found,) = find_dates(sentence, TUESDAY_30_APRIL_2024, doc="a.txt", offset=1000)
    assert (found.start, found.precision) == (D(2024, 4, 22), "day")
    assert found.span is not None
    assert found.span.doc == "a.txt"
    assert found.span.text == "22 April"
    assert sentence[found.span.start - 1000 : found.span.end - 1000] == "22 April"


def test_since_marks_a_period_start_not_an_event_date() -> None:
    sentence = "The report comes just a week after a US base was attacked for the first time since February."
    dates = find_dates(sentence, TUESDAY_30_APRIL_2024)
    starts = find_period_starts(sentence, TUESDAY_30_APRIL_2024)
    assert [(d.start, d.end, d.precision) for d in starts] == [(D(2024, 2, 1), D(2024, 2, 29), "month")]
    # "comes a week after <event>": the event was about a week before publication
    assert [d.precision for d in dates] == ["week"]
    assert dates[0].start <= D(2024, 4, 23) <= dates[0].end


@pytest.mark.parametrize(
    "sentence",
    [
        "Attacks have continued ever since 7 October 2023.",
        "Since October, the group has claimed dozens of attacks.",
        "Fighting has displaced thousands since early March.",
    ],
)
def test_period_starts_are_not_event_dates(sentence: str) -> None:
    assert find_dates(sentence, TUESDAY_30_APRIL_2024) == []
    assert len(find_period_starts(sentence, TUESDAY_30_APRIL_2024)) == 1


def test_a_shift_after_an_explicit_date_moves_that_date() -> None:
    (found,) = find_dates("Talks resumed two weeks after 7 October.", TUESDAY_30_APRIL_2024)
    assert found.precision == "week"
    assert found.start <= D(2023, 10, 21) <= found.end


def test_several_dates_in_one_sentence_come_in_text_order() -> None:
    sentence = (
        "In October, the group began attacking US bases; after an attack that killed three soldiers "
        "in late January, it suspended attacks."
    )
    found = find_dates(sentence, TUESDAY_30_APRIL_2024)
    assert [(d.start, d.precision) for d in found] == [(D(2023, 10, 1), "month"), (D(2024, 1, 21), "part-of-month")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Militants may attack the convoy.",
        "Thousands will march on the capital.",
        "The 2254 resolution calls for a ceasefire.",
        "The group fired 12 rockets at the base.",
        "Su-25 jets struck positions near Tower 22.",
    ],
)
def test_words_that_only_look_like_dates_are_ignored(sentence: str) -> None:
    assert find_dates(sentence, TUESDAY_30_APRIL_2024) == []


def test_relative_dates_need_a_publication_date_but_explicit_ones_do_not() -> None:
    assert find_dates("The strike happened yesterday.", None) == []
    (found,) = find_dates("Soldiers patrol near a prison, February 8, 2022.", None)
    assert (found.start, found.precision) == (D(2022, 2, 8), "day")


def test_upper_case_dates_are_recognised() -> None:
    (found,) = find_dates("CLASHES ERUPTED ON 14 MAY 2023", TUESDAY_30_APRIL_2024)
    assert found.start == D(2023, 5, 14)


def test_date_spans_cover_calendar_expressions_for_quantity_masking() -> None:
    sentence = "Gunmen attacked on 11 September, killing 12 people."
    assert [sentence[s:e] for s, e in date_spans(sentence)] == ["11 September"]


def test_normalise_date_returns_none_for_non_dates() -> None:
    assert normalise_date("the armed group", TUESDAY_30_APRIL_2024) is None


def test_a_weekdays_possessive_without_its_apostrophe_names_that_day() -> None:
    """Copies of wire stories often lose apostrophes: "after Mondays raid" is Monday's."""
    assert interval("the council met after Mondays raid on the depot", TUESDAY_30_APRIL_2024) == (
        D(2024, 4, 29),
        D(2024, 4, 29),
        "day",
    )
    assert interval("Fridays shelling of the port was the heaviest", TUESDAY_30_APRIL_2024)[0] == D(2024, 4, 26)
    # every Tuesday, or a name, is no day
    assert not find_dates("The market opens on Tuesdays and Fridays.", TUESDAY_30_APRIL_2024)
    assert not find_dates("Tuesdays Child played at the festival.", TUESDAY_30_APRIL_2024)


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("fighters are to leave the town this Saturday", True),
        ("the council will vote tomorrow", True),
        ("residents braced for more raids this weekend", True),
        ("the envoy is expected in the capital late this week", True),
        ("the convoy was hit on Monday", False),
        ("the shelling went on today", False),
        ("talks were held on 28 April", False),
    ],
)
def test_a_date_after_publication_is_when_something_is_planned(text: str, after: bool) -> None:
    (found,) = find_dates(text, TUESDAY_30_APRIL_2024)
    assert after_publication(found, TUESDAY_30_APRIL_2024) is after


@pytest.mark.parametrize(
    "text",
    [
        # caption_date: a picture's caption, its full date straight after the place, closing the sentence
        "A rescue worker carries a child from the rubble in the town of Kafr Hamra, Mali 21 April 2024. (Reuters)",
        "Fighters fire a mortar towards the frontline near the port city, Yemen April 12 2024.",
        # a quoted post's signature: name, handle, date
        "pic.example.com/x1y2 - Field Monitor (fieldmon) April 18 2024 Meanwhile the army shelled the valley",
    ],
)
def test_the_date_of_a_picture_or_a_post_dates_no_act(text: str) -> None:
    assert find_dates(text, TUESDAY_30_APRIL_2024) == []


@pytest.mark.parametrize(
    "text",
    [
        "Militants overran the border post on April 21 2024.",
        "The convoy was hit near the port city since April 12 2024.",
        "Published April 30 2024 Militants overran the border post.",
        # the stamp that closes a headline is the publication day's, which the stamp rule reads
        "Three killed in raid on market Monitor Wire Tuesday 30 April 2024",
    ],
)
def test_a_full_date_after_an_event_word_or_on_the_publication_day_is_kept(text: str) -> None:
    assert [d.start for d in find_dates(text, TUESDAY_30_APRIL_2024) + find_period_starts(text, TUESDAY_30_APRIL_2024)]
