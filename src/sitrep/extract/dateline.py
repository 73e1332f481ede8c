"""The dateline of a report: "GOMA, Jan 29 (Reuters) - ..." names where it was filed.

The patterns are data (``data/datelines.yaml``). A dateline is only a hint about where the report's
incidents are (reporters file from capitals), so it is kept apart from the event mentions' own places.
"""

from __future__ import annotations

import re
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


def find_dateline(document: Document) -> PlaceMention | None:
    """The dateline's place name with its span, or None."""
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
            return PlaceMention(text, Span(document.name, start, end, text), role=DATELINE_ROLE)
    return None
