"""Dates told as an offset from another date of the report: "a day after protesters massed", "returned three weeks
later", "six had been killed the previous day".

Such a phrase dates the acts of one clause: the object of "after"/"before" when it has one (``relational``: "on July 2,
a day after protesters massed" puts the massing on July 1), else the clause the phrase modifies (``adverbial``:
"chased them out on October 1 and returned three weeks later" puts the return on October 22). The anchor is the
date the sentence gives outside that clause, or the date the report gave last; only a date exact to the day is
shifted, and a clause with a date of its own keeps it.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.data import word_set
from sitrep.extract.dates import COUNTS, WEEK_HALF_WIDTH, count_value
from sitrep.model import DateInterval
from sitrep.nlp.alternation import word_alternation

__all__ = ["DateOffset", "date_offsets", "may_tell_an_offset", "offset_date", "tells_an_offset_from_the_last_date"]


@dataclass(frozen=True, slots=True)
class DateOffset:
    days: int  # from the anchor date to the date of the acts in ``region``
    region: frozenset[int]  # token indices of the clause the phrase dates
    start_char: int  # where the phrase is (a date inside it is not an anchor)
    end_char: int
    weeks: bool = False  # counted in weeks: as vague as "two weeks ago" (`week_half_width` either side)
    relational: bool = False  # "a day after <act>": anchored on a date the sentence itself gives


@functools.cache
def _counted_pattern() -> re.Pattern[str]:
    """ "three weeks later", "two days after", "a day earlier": a count, a unit and a direction word."""
    units = word_set("en", "dates", "offset_day_units") | word_set("en", "dates", "offset_week_units")
    directions = word_set("en", "dates", "offset_later_words") | word_set("en", "dates", "offset_earlier_words")
    return re.compile(
        rf"(?<![\w-])(?P<count>{word_alternation(list(COUNTS))}|\d{{1,2}})\s+(?P<unit>{word_alternation(sorted(units))})"
        rf"\s+(?P<direction>{word_alternation(sorted(directions))})(?![\w-])",
        re.IGNORECASE,
    )


@functools.cache
def _day_phrase_pattern() -> re.Pattern[str]:
    """ "the previous day", "the following morning": a day before or after the one the report gave last."""
    phrases = word_set("en", "dates", "previous_day_phrases") | word_set("en", "dates", "next_day_phrases")
    return re.compile(rf"(?<![\w-])(?:{word_alternation(sorted(phrases))})(?![\w-])(?!\s+yesterday)", re.IGNORECASE)


# "fighting raged for two days after the army entered": a duration, not an offset
_DURATION_WORDS = frozenset({"for", "within", "over", "throughout"})


def may_tell_an_offset(text: str) -> bool:
    """A cheap test before parsing for offsets: the text holds an offset phrase."""
    return _day_phrase_pattern().search(text) is not None or _counted_pattern().search(text) is not None


def tells_an_offset_from_the_last_date(sentence: SpacySpan) -> bool:
    """The sentence dates what it tells from a date given before it ("Six had been killed the previous day",
    "troops returned three weeks later"), not from one of its own ("a day after the protest")."""
    return may_tell_an_offset(sentence.text) and any(not o.relational for o in date_offsets(sentence))


def date_offsets(sentence: SpacySpan) -> list[DateOffset]:
    """Every offset phrase of the sentence, with the clause it dates."""
    text = sentence.text
    found: list[DateOffset] = []
    for match in _counted_pattern().finditer(text):
        before = text[: match.start()].split()
        if before and before[-1].lower() in _DURATION_WORDS:
            continue
        count = count_value(match.group("count"))
        weeks = match.group("unit").lower() in word_set("en", "dates", "offset_week_units")
        later = match.group("direction").lower() in word_set("en", "dates", "offset_later_words")
        offset = _offset(sentence, match.start("direction"), count * (7 if weeks else 1), later, match.span())
        if offset is not None:
            found.append(replace(offset, weeks=weeks))
    for match in _day_phrase_pattern().finditer(text):
        later = match.group(0).lower() in word_set("en", "dates", "next_day_phrases")
        last_word = match.start() + match.group(0).rfind(" ") + 1
        offset = _offset(sentence, last_word, 1, later, match.span())
        if offset is not None:
            found.append(offset)
    return found


def _offset(sentence: SpacySpan, char: int, days: int, later: bool, span: tuple[int, int]) -> DateOffset | None:
    """The offset a phrase gives, from the token at ``char`` (its direction word, or its last word)."""
    word = sentence.char_span(char, char + 1, alignment_mode="expand")
    if word is None:
        return None
    token = word[0]
    start, end = sentence.start_char + span[0], sentence.start_char + span[1]
    objects = [c for c in token.children if c.dep_ in {"pobj", "pcomp"}]
    if objects:  # "a day after the protest": the protest is a day before the anchor
        region = {t.i for o in objects for t in o.subtree}
        return DateOffset(-days if later else days, frozenset(region), start, end, relational=True)
    if token.dep_ == "mark":  # "two days after militants kidnapped them"
        region = {t.i for t in token.head.subtree}
        return DateOffset(-days if later else days, frozenset(region), start, end, relational=True)
    clause = next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    if clause is None:
        return None
    return DateOffset(days if later else -days, frozenset(t.i for t in clause.subtree), start, end)


def offset_date(token: Token, offsets: list[DateOffset], dates: list[DateInterval]) -> DateInterval | None:
    """The date of the act at ``token`` when an offset phrase dates its clause: the anchor (the first day-exact
    date outside that clause and phrase) moved by the offset, or the date the clause gives of its own; None when no
    phrase dates it or when no anchor is exact to the day."""
    for offset in offsets:
        if token.i not in offset.region:
            continue
        chars = _region_chars(token.doc, offset.region)
        inside = [d for d in dates if d.span is not None and chars[0] <= d.span.start < chars[1]]
        if inside:  # "recaptured it a week later, on May 10"
            return inside[0]
        anchors = [d for d in dates if d.span is None or not offset.start_char <= d.span.start < offset.end_char]
        if offset.relational:  # on a date of the sentence's own, not one carried from an earlier sentence
            sentence = token.sent
            anchors = [
                d for d in anchors if d.span is not None and sentence.start_char <= d.span.start < sentence.end_char
            ]
        if not anchors or anchors[0].precision != "day":
            return None
        shift = dt.timedelta(days=offset.days)
        anchor = anchors[0]
        if offset.weeks:
            middle = anchor.start + shift
            return DateInterval(middle - WEEK_HALF_WIDTH, middle + WEEK_HALF_WIDTH, "week", anchor.span)
        return DateInterval(anchor.start + shift, anchor.end + shift, anchor.precision, anchor.span)
    return None


def _region_chars(doc: SpacyDoc, region: frozenset[int]) -> tuple[int, int]:
    first, last = doc[min(region)], doc[max(region)]
    return first.idx, last.idx + len(last.text)
