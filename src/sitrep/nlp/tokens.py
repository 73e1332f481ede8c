"""Text and tokens of a parsed document, built once.

spaCy rebuilds ``Doc.text`` and ``Span.text`` from every token on each access, and iterating a span makes a
new ``Token`` object per position. The extractors read each sentence's text and walk its tokens many times, so
the document's text and its ``Token`` objects are kept in the document's ``user_data`` (the pipeline does not
change tokens after parsing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

T = TypeVar("T")

_TEXT_KEY = "sitrep.text"
_TOKENS_KEY = "sitrep.tokens"
_LEMMAS_KEY = "sitrep.lemmas"


def document_text(doc: Doc) -> str:
    """``doc.text``, built on first use."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def span_text(span: Span) -> str:
    """``span.text``: the document's text between the span's first and last token (no trailing space)."""
    if span.start == span.end:
        return ""
    return document_text(span.doc)[span.start_char : span.end_char]


def text_between(first: Token, last: Token) -> str:
    """The text of ``doc[first.i : last.i + 1]``."""
    return document_text(first.doc)[first.idx : last.idx + len(last)]


def document_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, built on first use."""
    cached = doc.user_data.get(_TOKENS_KEY)
    if cached is None:
        cached = doc.user_data[_TOKENS_KEY] = list(doc)
    return cached


def span_tokens(span: Span) -> list[Token]:
    """``list(span)``, from the document's token list."""
    return document_tokens(span.doc)[span.start : span.end]


def lower_lemmas(span: Span) -> frozenset[str]:
    """The lower-cased lemmas of a span's tokens, built once per span."""
    by_span: dict[tuple[int, int], frozenset[str]] = span.doc.user_data.setdefault(_LEMMAS_KEY, {})
    key = (span.start, span.end)
    cached = by_span.get(key)
    if cached is None:
        cached = by_span[key] = frozenset(t.lemma_.lower() for t in span_tokens(span))
    return cached


def remembered_for_span(span: Span, name: str, work: Callable[[Span], T]) -> T:
    """``work(span)`` worked out once per span of a document and kept in its ``user_data`` under ``name``: for a
    reading of a sentence that depends on its parse alone and that several extractors ask for (the pipeline does
    not change tokens after parsing). Callers must not change what it returns."""
    by_span: dict[tuple[int, int], T] = span.doc.user_data.setdefault(name, {})
    key = (span.start, span.end)
    if key not in by_span:
        by_span[key] = work(span)
    return by_span[key]
