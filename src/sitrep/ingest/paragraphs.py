"""Splitting a text into paragraphs and marking page furniture (data/furniture.yaml)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.data import load_yaml
from sitrep.model import Paragraph, ParagraphKind

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class FurnitureRules:
    patterns: dict[str, list[re.Pattern[str]]]
    caption_max_chars: int
    headline_max_chars: int
    run_in_title_within_chars: int


@functools.cache
def furniture_rules() -> FurnitureRules:
    raw = load_yaml("furniture.yaml")
    kinds = ("link", "comments", "byline", "caption")
    return FurnitureRules(
        patterns={k: [re.compile(p, re.IGNORECASE) for p in raw[k]] for k in kinds},
        caption_max_chars=int(raw["caption_max_chars"]),
        headline_max_chars=int(raw["headline_max_chars"]),
        run_in_title_within_chars=int(raw["run_in_title_within_chars"]),
    )


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of paragraphs, whitespace trimmed.

    Texts that use blank lines between paragraphs may hard-wrap lines inside
    them; texts without blank lines put one paragraph on each line.
    """
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    ranges: list[tuple[int, int]] = []
    start = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            ranges.append((start + lead, start + lead + len(stripped)))
        if match:
            start = match.end()
    return ranges


def classify_paragraph(text: str, index: int, title: str | None = None) -> ParagraphKind:
    rules = furniture_rules()
    stripped = text.strip()
    for kind in ("link", "comments", "byline"):
        if any(p.search(stripped) for p in rules.patterns[kind]):
            return kind
    if len(stripped) <= rules.caption_max_chars and any(p.search(stripped) for p in rules.patterns["caption"]):
        return "caption"
    if index == 0 and _looks_like_headline(stripped, title, rules.headline_max_chars):
        return "headline"
    return "body"


def _looks_like_headline(text: str, title: str | None, max_chars: int) -> bool:
    if title and text.casefold() == title.strip().casefold():
        return True
    return len(text) <= max_chars and not text.endswith((".", "”", '"', "'")) and "\n" not in text


# What separates a page title's parts ("Some Title - Section - Site").
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—]\s+")
# What may follow a run-in title on its line: an outlet, a stamp or the lead, each opening with a capital, a digit
# or a quote; a lower-case word continues the sentence the title is the start of.
_AFTER_A_TITLE = re.compile(r"[\s.:;,|–—-]*(?=[A-Z0-9\"“'‘(])")


# A title as printed opens with a capital or a figure; the same words in lower case are inside a sentence.
_PRINTED_AS_A_TITLE = re.compile(r"[A-Z0-9\"“'‘]")


def title_variants(title: str) -> list[str]:
    """The title as given, then its parts between " - " or " | " (a page title "Some Title - Section - Site"
    prints "Some Title" on the page), longest first; parts under three words name a section or a site."""
    whole = " ".join(title.split())
    parts = sorted((p for p in _TITLE_SEPARATOR.split(whole) if p != whole), key=len, reverse=True)
    return [v for v in (whole, *parts) if len(v.split()) >= 3]


def run_in_title_end(text: str, start: int, end: int, title: str | None) -> int | None:
    """run_in_title: where a paragraph opens (after at most ``run_in_title_within_chars`` characters, a date or an
    outlet's name) with the document's title and goes on, on the same line, with an outlet, a stamp or the lead
    ("Air raids kill 10 in town Monitor AFP Saturday 6 Aug ... A barrage of air strikes ..."), the offset where
    the title's run ends and the rest of the paragraph starts; else None. A paragraph that is the title alone, or
    whose title runs on into a lower-case word (the lead's own first clause) or is printed in lower case (inside a
    sentence), is left whole."""
    within = furniture_rules().run_in_title_within_chars
    opening = text[start:end]
    for variant in title_variants(title or ""):
        words = r"\W+".join(re.escape(word) for word in variant.split())
        found = re.search(words + r"(?!\w)", opening[: within + len(variant) * 2], re.IGNORECASE)
        if found is None or found.start() > within or not _PRINTED_AS_A_TITLE.match(found.group()):
            continue
        after = _AFTER_A_TITLE.match(opening, found.end())
        if after is None or after.end() >= len(opening.rstrip()):
            return None
        return start + after.end()
    return None


def mark_paragraphs(text: str, title: str | None = None) -> list[Paragraph]:
    return [
        Paragraph(start, end, classify_paragraph(text[start:end], i, title))
        for i, (start, end) in enumerate(split_paragraphs(text))
    ]
