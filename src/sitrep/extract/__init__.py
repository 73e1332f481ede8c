"""Extraction: parsed documents to event mentions and claims with spans."""

from sitrep.extract.events import Extraction, extract_document

__all__ = ["Extraction", "extract_document"]
