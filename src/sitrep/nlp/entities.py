"""Named entities of a parsed document, listed once.

spaCy rebuilds ``Doc.ents`` (and ``Span.ents``, which filters it) on every access; the extractors ask for
entities many times per sentence, so the list is built once and kept in the document's ``user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

_KEY = "sitrep.entities"


def document_entities(doc: Doc) -> list[Span]:
    """``doc.ents``, built on first use (the pipeline does not change entities after parsing)."""
    cached = doc.user_data.get(_KEY)
    if cached is None:
        cached = doc.user_data[_KEY] = list(doc.ents)
    return cached


def entities_in(span: Span) -> list[Span]:
    """The entities wholly inside ``span`` (what ``span.ents`` gives)."""
    return [e for e in document_entities(span.doc) if span.start <= e.start and e.end <= span.end]
