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


@functools.cache
def furniture_rules() -> FurnitureRules:
    raw = load_yaml("furniture.yaml")
    kinds = ("link", "comments", "byline", "caption")
    return FurnitureRules(
        patterns={k: [re.compile(p, re.IGNORECASE) for p in raw[k]] for k in kinds},
        caption_max_chars=int(raw["caption_max_chars"]),
        headline_max_chars=int(raw["headline_max_chars"]),
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


def title_variants(title: str) -> list[str]:
    """The title as given, then its parts between " - " or " | " (a page title "Some Title - Section - Site"
    prints "Some Title" on the page), longest first; parts under three words name a section or a site."""
    whole = " ".join(title.split())
    parts = sorted((p for p in _TITLE_SEPARATOR.split(whole) if p != whole), key=len, reverse=True)
    return [v for v in (whole, *parts) if len(v.split()) >= 3]


def mark_paragraphs(text: str, title: str | None = None) -> list[Paragraph]:
    return [
        Paragraph(start, end, classify_paragraph(text[start:end], i, title))
        for i, (start, end) in enumerate(split_paragraphs(text))
    ]
