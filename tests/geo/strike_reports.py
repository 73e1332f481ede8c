"""Invented air-strike reports for the inheritance tests: one report per sentence of a text, with the place names
it writes resolved as given."""

from __future__ import annotations

from sitrep.model import Mention, Place, PlaceMention, Span


def strike_report(number: int, text: str, sentence: str, places: list[tuple[str, Place]]) -> Mention:
    """Report ``m{number}`` of ``sentence`` (found in ``text``), naming each place at its first writing there."""
    start = text.index(sentence)
    span = Span("t.txt", start, start + len(sentence), sentence)
    named = [
        PlaceMention(
            name, Span("t.txt", start + sentence.index(name), start + sentence.index(name) + len(name)), place=place
        )
        for name, place in places
    ]
    return Mention(
        f"m{number}", "t.txt", span, span, "Explosions/Remote violence", "Air/drone strike", "ASSAULT", places=named
    )
