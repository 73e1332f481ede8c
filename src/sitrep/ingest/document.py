"""Building a :class:`Document` from text and metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, fields, replace

from sitrep.ingest.paragraphs import mark_paragraphs
from sitrep.ingest.validate import InputError, check_language
from sitrep.model import Document


@dataclass(frozen=True)
class DocumentMeta:
    """Metadata a user or a manifest supplies; ``None`` means unknown."""

    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None

    def fill(self, other: DocumentMeta) -> DocumentMeta:
        """These values, with gaps filled from ``other``."""
        return replace(self, **{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    @classmethod
    def from_record(cls, record: dict[str, object]) -> DocumentMeta:
        published = record.get("published") or record.get("date")
        return cls(
            outlet=_str_or_none(record.get("outlet") or record.get("source")),
            url=_str_or_none(record.get("url")),
            title=_str_or_none(record.get("title")),
            published=parse_published(published) if published else None,
            language=_str_or_none(record.get("language")),
        )


def _str_or_none(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def parse_published(value: object) -> dt.date:
    """ISO date or datetime ("2024-04-30", "2024-04-30T10:00:00Z") to a date."""
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise InputError(f"publication date {text!r} is not an ISO date (YYYY-MM-DD)") from None


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, no trailing white space: the form that is hashed and stored."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_document(text: str, name: str, meta: DocumentMeta, origin: str | None = None) -> Document:
    text = normalise_text(text)
    if not text.strip():
        raise InputError("empty: no text")
    language = check_language(text, meta.language)
    return Document(
        name=name,
        content_hash=content_hash(text),
        text=text,
        outlet=meta.outlet,
        url=meta.url,
        title=meta.title,
        published=meta.published,
        language=language,
        paragraphs=mark_paragraphs(text, meta.title),
        origin=origin,
    )
