"""The dateline of a report: "GOMA, Jan 29 (Reuters) - ..." names where it was filed.

The patterns are data (``data/datelines.yaml``). A dateline is only a hint about where the report's
incidents are (reporters file from capitals), so it is kept apart from the event mentions' own places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from sitrep.data import load_yaml
from sitrep.model import Document, PlaceMention, Span

# How many body paragraphs from the top may carry the dateline ("Anbar – INA" stands on its own line).
DATELINE_PARAGRAPHS = 2
DATELINE_ROLE = "dateline"


@cache
def _dateline_rules() -> tuple[int, tuple[re.Pattern[str], ...]]:
    raw = load_yaml("datelines.yaml")
    return int(raw["max_prefix_chars"]), tuple(re.compile(p) for p in raw["patterns"])


@dataclass(frozen=True)
class Dateline:
    """ "KINDU, Mar 3 (Reuters) -": the place it names, and the span of the whole dateline (its date is the
    filing date, never an event's)."""

    place: PlaceMention
    span: Span


def find_dateline(document: Document) -> Dateline | None:
    """The report's dateline, or None."""
    max_chars, patterns = _dateline_rules()
    body = [p for p in document.paragraphs if not (p.is_furniture or p.kind == "headline")]
    for paragraph in body[:DATELINE_PARAGRAPHS]:
        head = document.text[paragraph.start : paragraph.end]
        for pattern in patterns:
            match = pattern.match(head)
            if match is None or match.end() > max_chars:
                continue
            start = paragraph.start + match.start("place")
            end = paragraph.start + match.end("place")
            text = document.text[start:end]
            whole = Span(document.name, paragraph.start, paragraph.start + match.end(), head[: match.end()])
            return Dateline(PlaceMention(text, Span(document.name, start, end, text), role=DATELINE_ROLE), whole)
    return None
