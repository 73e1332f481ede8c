"""Temporal expressions -> date intervals with a precision, normalised against publication.

"on 29 April", "late January", "in October", "this month", "a week ago", "last year",
"on Saturday", "February 8, 2022": each becomes a :class:`DateInterval` whose ``start``
and ``end`` bound the day(s) meant and whose ``precision`` says how exact the text was.

The patterns and word lists live in ``data/dates.yaml``; this module compiles them once
at import and holds only the calendar arithmetic. Dates after "since" are period starts
("for the first time since February"), not event dates, and are reported separately.
Captions are the caller's business: this module only normalises what it is given.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sitrep.data import load_yaml, word_set
from sitrep.model import DateInterval, DatePrecision, Span
from sitrep.nlp.alternation import word_alternation

__all__ = ["after_publication", "date_spans", "find_dates", "find_period_starts", "normalise_date"]

_DATA: dict[str, Any] = load_yaml("dates.yaml")


# --- lexicons ------------------------------------------------------------------


def _case_variants(word: str) -> list[str]:
    """Month and weekday names count only when capitalised: "may" is a verb, "May" a month."""
    return [word, word.upper()] if word != word.upper() else [word]


def _name_alternation(names: list[str], abbreviations: bool) -> str:
    alternatives = []
    for name in sorted(names, key=len, reverse=True):
        for variant in _case_variants(name):
            escaped = re.escape(variant)
            # Abbreviations may end in a dot ("Sept.", "Jan.").
            alternatives.append(f"{escaped}(?:\\.|\\b)" if abbreviations else f"{escaped}\\b")
    return "(?-i:" + "|".join(alternatives) + ")"


MONTH_BY_NAME: dict[str, int] = {
    name.lower(): int(number) for number, names in _DATA["months"].items() for name in names
}
FULL_MONTHS: list[str] = [names[0] for names in _DATA["months"].values()]
_ABBREVIATIONS: list[str] = [name for names in _DATA["months"].values() for name in names[1:]]
_AMBIGUOUS_MONTHS: set[str] = set(_DATA["ambiguous_months"])
WEEKDAY_BY_NAME: dict[str, int] = {
    name.lower(): int(number) for number, names in _DATA["weekdays"].items() for name in names
}
PARTS_OF_MONTH: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _DATA["parts_of_month"].items()}
PARTS_OF_YEAR: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _DATA["parts_of_year"].items()}
PARTS_OF_WEEK: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _DATA["parts_of_week"].items()}
WEEK_ORDINALS: dict[str, tuple[int, int]] = {k: (v[0], v[1]) for k, v in _DATA["week_ordinals"].items()}
COUNTS: dict[str, int] = {str(k): int(v) for k, v in _DATA["counts"].items()}
RELATIVE_OFFSETS: dict[str, int] = {str(k): int(v) for k, v in _DATA["relative_offsets"].items()}
FUTURE_WINDOW = dt.timedelta(days=int(_DATA["future_window_days"]))
FUTURE_EVENT = dt.timedelta(days=int(_DATA["future_event_days"]))
WEEK_HALF_WIDTH = dt.timedelta(days=int(_DATA["week_half_width"]))
NUMERIC_DAY_FIRST: bool = bool(_DATA["numeric_day_first"])

_PLACEHOLDERS: dict[str, str] = {
    "month": "(?:" + _name_alternation(FULL_MONTHS, False) + "|" + _name_alternation(_ABBREVIATIONS, True) + ")",
    "month_full": _name_alternation(FULL_MONTHS, False),
    "month_bare": _name_alternation([m for m in FULL_MONTHS if m not in _AMBIGUOUS_MONTHS], False),
    "weekday": _name_alternation([n for names in _DATA["weekdays"].values() for n in names], False),
    # A weekday name as the stem of a longer word ("Tuesdays" in text whose apostrophes were stripped).
    "weekday_stem": "(?-i:" + "|".join(n for names in _DATA["weekdays"].values() for n in names) + ")",
    "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?",
    "year": r"(?:19|20)\d{2}",
    "count": "(?:" + word_alternation(list(COUNTS)) + r"|\d{1,3})",
    "pom": word_alternation(list(PARTS_OF_MONTH)),
    "poy": word_alternation(list(PARTS_OF_YEAR)),
    "pow": word_alternation(list(PARTS_OF_WEEK)),
}


def _expand(pattern: str) -> str:
    """Fill ``{name}`` placeholders; regex repetition braces like ``\\d{1,2}`` are left alone."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: _PLACEHOLDERS.get(m.group(1), m.group(0)), pattern)


@dataclass(frozen=True, slots=True)
class DateRule:
    name: str
    handler: str
    regex: re.Pattern[str]
    params: Mapping[str, Any]
    gate: re.Pattern[str] | None  # a cheap search that must succeed before the rule is tried


# Gates: most sentences hold no month name, weekday or year, so most rules can be skipped at once.
_GATES: dict[str, re.Pattern[str]] = {
    "month": re.compile(_PLACEHOLDERS["month"], re.IGNORECASE),
    "weekday": re.compile("|".join(WEEKDAY_BY_NAME), re.IGNORECASE),  # loose: a stem opens it too ("Tuesdays")
    "year": re.compile(_PLACEHOLDERS["year"]),
    "digit": re.compile(r"\d"),
}


def _gate_for(pattern: str) -> re.Pattern[str] | None:
    if "{month" in pattern:
        return _GATES["month"]
    if "{weekday" in pattern:
        return _GATES["weekday"]
    if "{year}" in pattern:
        return _GATES["year"]
    if "\\d" in pattern and "{count}" not in pattern:
        return _GATES["digit"]
    return None


RULES: tuple[DateRule, ...] = tuple(
    DateRule(
        name=rule["name"],
        handler=rule["handler"],
        regex=re.compile(_expand(rule["pattern"]), re.IGNORECASE),
        params={k: v for k, v in rule.items() if k not in {"name", "handler", "pattern"}},
        gate=_gate_for(rule["pattern"]),
    )
    for rule in _DATA["rules"]
)
_RULE_ORDER: dict[str, int] = {rule.name: i for i, rule in enumerate(RULES)}
_SHIFT_BEFORE_DATE = re.compile(_expand(_DATA["shift_before_date"]), re.IGNORECASE)
_PERIOD_START_BEFORE = re.compile(
    r"\b" + word_alternation(list(_DATA["period_start_cues"])) + r"\s+(?:(?:on|in|from|the)\s+)*$", re.IGNORECASE
)


# --- matching --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One temporal expression found in text, before normalisation."""

    rule: DateRule
    match: re.Match[str]
    start: int
    end: int
    shift: tuple[int, str, str] | None = None  # (count, unit, "after"/"before") from "a week after <date>"


def _span_start(match: re.Match[str]) -> int:
    """The reported span leaves out a leading preposition captured as ``prep``."""
    return match.end("prep") if match.group("prep") is not None else match.start()


def _candidates(text: str) -> list[DateMatch]:
    found = []
    open_gates = {gate.pattern for gate in _GATES.values() if gate.search(text)}
    for rule in RULES:
        if rule.gate is not None and rule.gate.pattern not in open_gates:
            continue
        for match in rule.regex.finditer(text):
            start = _span_start(match) if "prep" in rule.regex.groupindex else match.start()
            found.append(DateMatch(rule, match, start, match.end()))
    return found


def _without_overlaps(candidates: list[DateMatch]) -> list[DateMatch]:
    """Keep the longest match where matches overlap; ties go to the rule listed first."""
    ranked = sorted(candidates, key=lambda c: (-(c.match.end() - c.match.start()), _RULE_ORDER[c.rule.name], c.start))
    kept: list[DateMatch] = []
    for candidate in ranked:
        if all(candidate.match.end() <= k.match.start() or candidate.match.start() >= k.match.end() for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _with_shifts(text: str, matches: list[DateMatch]) -> list[DateMatch]:
    """Fold "a week after <date>" into the date, and drop "comes a week after" when a date follows it."""
    result: list[DateMatch] = []
    for current in matches:
        shift = _SHIFT_BEFORE_DATE.search(text, 0, current.match.start())
        if shift is not None and current.rule.handler != "counted":
            result = [m for m in result if m.match.end() <= shift.start()]
            unit = shift.group("unit").lower().rstrip("s")
            shifted = (count_value(shift.group("n")), unit, shift.group("dir").lower())
            result.append(DateMatch(current.rule, current.match, shift.start(), current.end, shifted))
        else:
            result.append(current)
    return result


@functools.lru_cache(maxsize=512)
def _scan(text: str) -> tuple[tuple[DateMatch, bool], ...]:
    """Every temporal expression in ``text`` with whether it starts a period ("since ..."). Cached: a sentence
    is scanned for event dates, period starts and the date spans quantities must avoid."""
    matches = _with_shifts(text, _without_overlaps(_candidates(text)))
    return tuple((m, _PERIOD_START_BEFORE.search(text, max(0, m.start - 40), m.start) is not None) for m in matches)


def date_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of every temporal expression (used to keep "11 September" out of quantities)."""
    return [(m.match.start(), m.end) for m, _ in _scan(text)]


# --- calendar arithmetic -----------------------------------------------------------


def count_value(word: str) -> int:
    """ "three" -> 3, "12" -> 12: a count written as a word (``dates.yaml`` ``counts``) or in digits."""
    key = re.sub(r"\s+", " ", word.lower())
    return COUNTS[key] if key in COUNTS else int(key)


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, _last_day(year, month))


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date) -> int:
    """The publication year, unless that puts the date well after publication (then the year before)."""
    candidate = _safe_date(published.year, month, min(day, _last_day(published.year, month)))
    if candidate is not None and candidate > published + FUTURE_WINDOW:
        return published.year - 1
    return published.year


def _relative_month(rel: str, month: int, published: dt.date) -> int:
    """Year of "last October" (strictly before this month), "next May" (strictly after), "this June"."""
    offset = RELATIVE_OFFSETS.get(re.sub(r"\s+", " ", rel.lower()), 0)
    if offset < 0:
        return published.year if month < published.month else published.year - 1
    if offset > 0:
        return published.year if month > published.month else published.year + 1
    return published.year


def _precision_of_range(start: dt.date, end: dt.date) -> DatePrecision:
    width = (end - start).days
    return "day" if width == 0 else "week" if width <= 7 else "approximate"


def _normalise_key(text: str | None) -> str:
    return re.sub(r"[\s-]+", " ", (text or "").lower()).strip()


def _calendar(match: re.Match[str], params: Mapping[str, Any], published: dt.date | None) -> DateInterval | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    month: int | None = None
    if groups.get("month_num"):
        month = int(groups["month_num"])
    elif groups.get("month"):
        month = MONTH_BY_NAME[groups["month"].lower().rstrip(".")]
    if groups.get("rel_month"):
        if published is None:
            return None
        offset = RELATIVE_OFFSETS[_normalise_key(groups["rel_month"])]
        year, month = _add_months(published.year, published.month, offset)
    if groups.get("rel_year"):
        if published is None:
            return None
        year = published.year + RELATIVE_OFFSETS[_normalise_key(groups["rel_year"])]

    if month is None:
        return _year_interval(year, groups.get("part"))
    day = _day_number(groups["day"]) if groups.get("day") else 1
    if year is None:
        if published is None:
            return None
        year = (
            _relative_month(groups["rel"], month, published)
            if groups.get("rel")
            else _infer_year(month, day, published)
        )
    return _within_month(year, month, groups)


def _year_interval(year: int | None, part: str | None) -> DateInterval | None:
    if year is None:
        return None
    if part:
        first, last = PARTS_OF_YEAR[_normalise_key(part)]
        return DateInterval(dt.date(year, first, 1), dt.date(year, last, _last_day(year, last)), "approximate")
    return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _within_month(year: int, month: int, groups: Mapping[str, str | None]) -> DateInterval | None:
    last = _last_day(year, month)
    if groups.get("day"):
        start = _safe_date(year, month, _day_number(groups["day"] or ""))
        if start is None:
            return None
        if groups.get("day2"):
            end = _safe_date(year, month, _day_number(groups["day2"] or ""))
            if end is None or end < start:
                return None
            return DateInterval(start, end, _precision_of_range(start, end))
        return DateInterval(start, start, "day")
    if groups.get("part"):
        first, final = PARTS_OF_MONTH[_normalise_key(groups["part"])]
        return DateInterval(dt.date(year, month, first), dt.date(year, month, min(final, last)), "part-of-month")
    if groups.get("week_ord"):
        first, final = WEEK_ORDINALS[_normalise_key(groups["week_ord"])]
        start = dt.date(year, month, min(first, last - 6))  # "the last week" is the final seven days
        return DateInterval(start, dt.date(year, month, min(final, last)), "week")
    start, end = _month_interval(year, month)
    return DateInterval(start, end, "month")


def _numeric(match: re.Match[str], params: Mapping[str, Any], published: dt.date | None) -> DateInterval | None:
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    day, month = (a, b) if NUMERIC_DAY_FIRST else (b, a)
    if month > 12:
        day, month = month, day
    date = _safe_date(year, month, day)
    return DateInterval(date, date, "day") if date else None


_PAST_RELATIVES = word_set("en", "dates", "past_relatives")
_NEXT_RELATIVES = word_set("en", "dates", "next_relatives")
_THIS_RELATIVES = word_set("en", "dates", "this_relatives")


def _weekday(match: re.Match[str], params: Mapping[str, Any], published: dt.date | None) -> DateInterval | None:
    if published is None:
        return None
    target = WEEKDAY_BY_NAME[match.group("weekday").lower()]
    rel = (match.group("rel") or "").lower()
    back = (published.weekday() - target) % 7  # days back to the most recent such day, today included
    if rel in _PAST_RELATIVES:
        date = published - dt.timedelta(days=back or 7)
    elif rel in _NEXT_RELATIVES:
        date = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    elif rel in _THIS_RELATIVES:
        date = published + dt.timedelta(days=target - published.weekday())
    else:
        date = published - dt.timedelta(days=back)
    return DateInterval(date, date, "day")


def _relative(match: re.Match[str], params: Mapping[str, Any], published: dt.date | None) -> DateInterval | None:
    if published is None:
        return None
    unit, offset = params["unit"], int(params.get("offset", 0))
    precision: DatePrecision = params["precision"]
    if unit == "day":
        start = published + dt.timedelta(days=offset)
        end = start + dt.timedelta(days=int(params.get("length", 1)) - 1)
    elif unit == "week":
        start, end = _week_interval(published, offset + _week_offset(match), match)
    elif unit == "month":
        start, end = _month_interval(*_add_months(published.year, published.month, offset))
    elif unit == "year":
        start, end = dt.date(published.year + offset, 1, 1), dt.date(published.year + offset, 12, 31)
    else:  # trailing: the last N days up to publication
        start, end = published - dt.timedelta(days=int(params["days"])), published
    if params.get("until_published"):
        end = min(end, published)
    return DateInterval(start, end, precision)


def _week_offset(match: re.Match[str]) -> int:
    """A rule that names the week in a ``rel`` group ("late last week") says which week: this one or the last."""
    rel = match.groupdict().get("rel")
    return -1 if rel is not None and rel.lower() != "this" else 0


def _week_interval(published: dt.date, offset: int, match: re.Match[str]) -> tuple[dt.date, dt.date]:
    """The Monday-to-Sunday week ``offset`` weeks from publication's, or the part of it a ``part`` group names."""
    monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
    part = match.groupdict().get("part")
    first, final = PARTS_OF_WEEK[_normalise_key(part)] if part else (0, 6)
    return monday + dt.timedelta(days=first), monday + dt.timedelta(days=final)


def _counted(match: re.Match[str], params: Mapping[str, Any], published: dt.date | None) -> DateInterval | None:
    if published is None:
        return None
    return _shift(DateInterval(published, published, "day"), count_value(match.group("n")), match.group("unit"), -1)


def _shift(anchor: DateInterval, n: int, unit: str, sign: int) -> DateInterval:
    """Move an interval by ``n`` days/weeks/months/years; the precision follows the unit."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        delta = dt.timedelta(days=sign * n)
        precision: DatePrecision = anchor.precision if anchor.precision != "day" else "day"
        return DateInterval(anchor.start + delta, anchor.end + delta, precision)
    if unit == "week":
        middle = anchor.start + (anchor.end - anchor.start) / 2 + dt.timedelta(weeks=sign * n)
        return DateInterval(middle - WEEK_HALF_WIDTH, middle + WEEK_HALF_WIDTH, "week")
    if unit == "month":
        year, month = _add_months(anchor.start.year, anchor.start.month, sign * n)
        return DateInterval(*_month_interval(year, month), "month")
    year = anchor.start.year + sign * n
    return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _weekend(match: re.Match[str], params: Mapping[str, Any], published: dt.date | None) -> DateInterval | None:
    if published is None:
        return None
    saturday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=5)  # of this Mon-Sun week
    mode = params["mode"]
    if mode == "previous" or (mode == "recent" and published < saturday):
        saturday -= dt.timedelta(weeks=1)
    elif mode == "next":
        saturday += dt.timedelta(weeks=1)
    return DateInterval(saturday, saturday + dt.timedelta(days=1), "week")


Handler = Callable[[re.Match[str], Mapping[str, Any], dt.date | None], DateInterval | None]
HANDLERS: dict[str, Handler] = {
    "calendar": _calendar,
    "numeric": _numeric,
    "weekday": _weekday,
    "relative": _relative,
    "counted": _counted,
    "weekend": _weekend,
}
_unknown = {rule.handler for rule in RULES} - set(HANDLERS)
if _unknown:
    raise ValueError(f"dates.yaml names unknown handlers: {sorted(_unknown)}")


def _interval(found: DateMatch, text: str, published: dt.date | None, doc: str, offset: int) -> DateInterval | None:
    interval = HANDLERS[found.rule.handler](found.match, found.rule.params, published)
    if interval is None:
        return None
    if found.shift is not None:
        n, unit, direction = found.shift
        interval = _shift(interval, n, unit, 1 if direction == "after" else -1)
    interval.span = Span(doc, offset + found.start, offset + found.end, text[found.start : found.end])
    return interval


# --- public API ----------------------------------------------------------------------


def normalise_date(text: str, published: dt.date) -> DateInterval | None:
    """One temporal expression ("late January", "on Saturday") -> an interval with a precision.

    The first expression found in ``text`` is used, whether or not it starts a period;
    the returned interval has no span.
    """
    for found, _ in _scan(text):
        interval = _interval(found, text, published, "", 0)
        if interval is not None:
            interval.span = None
            return interval
    return None


def find_dates(text: str, published: dt.date | None, doc: str = "", offset: int = 0) -> list[DateInterval]:
    """Every event-date expression in a sentence, each with its span; "since ..." dates are left out."""
    return _found(text, published, doc, offset, period_starts=False)


def find_period_starts(text: str, published: dt.date | None, doc: str = "", offset: int = 0) -> list[DateInterval]:
    """Dates that open a period ("since October", "ever since 7 October"), with their spans."""
    return _found(text, published, doc, offset, period_starts=True)


def _found(text: str, published: dt.date | None, doc: str, offset: int, period_starts: bool) -> list[DateInterval]:
    intervals = []
    for found, is_period_start in _scan(text):
        if is_period_start != period_starts:
            continue
        interval = _interval(found, text, published, doc, offset)
        if interval is not None and not _dates_a_picture(found, text, interval, published):
            intervals.append(interval)
    return intervals


_CAPTION_END = re.compile(str(_DATA["caption_date_end"]))
_BEFORE_A_CAPTION_DATE = re.compile(str(_DATA["caption_date_before"]))
_YEAR = re.compile(r"\b\d{4}\b")
_EVENT_DATE_WORDS = word_set("en", "dates", "words_before_an_event_date")


def _dates_a_picture(found: DateMatch, text: str, interval: DateInterval, published: dt.date | None) -> bool:
    """caption_date: a full date written straight after a place or a handle, with no word that makes it the day
    of an act ("on", "since": `words_before_an_event_date`), that closes its sentence ("... in Idlib province,
    Syria August 6 2016. (Reuters)") or signs a quoted post ("- Name (handle) August 2 2016") dates a picture or
    a post set in the story, not what the story tells; on a day other than publication (the stamp's, which the
    caller reads) no act the report tells is dated by it."""
    if interval.precision != "day" or published is None or interval.start == published:
        return False
    if not _YEAR.search(text[found.start : found.end]):
        return False
    before = text[: found.start]
    words = before.split()
    if not words or words[-1].lower() in _EVENT_DATE_WORDS or not _BEFORE_A_CAPTION_DATE.search(before):
        return False
    signs_a_post = before.rstrip().endswith(")")
    return signs_a_post or _CAPTION_END.match(text, found.end) is not None


def after_publication(date: DateInterval, published: dt.date | None) -> bool:
    """after_publication: a date that begins after the report was published ("would be evacuated this Saturday",
    "a vote tomorrow") is when something is planned or expected; no act the report tells happened then."""
    return published is not None and date.start > published + FUTURE_EVENT
