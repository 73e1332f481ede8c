"""Cached text and tokens of a parsed document: the same as spaCy's own, built once."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from sitrep.nlp.tokens import document_text, lower_lemmas, remembered_for_span, span_text, span_tokens, text_between

TEXT = "Gunmen  attacked a checkpoint in Al-Shuhayl.\n\nThe SDF said two fighters were killed. “We will respond.” "


def _doc() -> Doc:
    return spacy.blank("en")(TEXT)


def test_span_text_is_spacys_text_for_every_span() -> None:
    doc = _doc()
    assert document_text(doc) == doc.text
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert span_text(doc[start:end]) == doc[start:end].text


def test_text_between_two_tokens_is_the_text_of_the_span_they_bound() -> None:
    doc = _doc()
    for first in doc:
        for last in doc[first.i :]:
            assert text_between(first, last) == doc[first.i : last.i + 1].text


def test_span_tokens_are_the_spans_tokens_made_once() -> None:
    doc = _doc()
    span = doc[2:9]
    assert [t.i for t in span_tokens(span)] == [t.i for t in span]
    assert span_tokens(span)[0] is span_tokens(doc[2:4])[0]


def test_lower_lemmas() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Militants", "Attacked", "posts"], lemmas=["militant", "Attack", "post"])
    assert lower_lemmas(doc[0:3]) == {"militant", "attack", "post"}
    assert lower_lemmas(doc[1:2]) == {"attack"}


def test_a_reading_of_a_span_is_worked_out_once_per_span_and_document() -> None:
    asked: list[tuple[int, int]] = []

    def reading(span: Span) -> str:
        asked.append((span.start, span.end))
        return span_text(span)

    doc = _doc()
    first = remembered_for_span(doc[2:6], "test.reading", reading)
    assert remembered_for_span(doc[2:6], "test.reading", reading) == first == doc[2:6].text
    assert remembered_for_span(doc[2:7], "test.reading", reading) == doc[2:7].text  # another span: its own
    assert remembered_for_span(_doc()[2:6], "test.reading", reading) == first  # another document: read again
    assert asked == [(2, 6), (2, 7), (2, 6)]
