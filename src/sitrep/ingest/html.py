"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

from typing import Any

from sitrep.ingest.document import DocumentMeta, parse_published
from sitrep.ingest.validate import InputError


def extract_html(html: str, url: str | None = None) -> tuple[str, DocumentMeta]:
    """The article's text (captions kept as their own paragraphs) and its metadata."""
    import trafilatura  # here, not at start-up: most runs read no HTML, and it takes a second to import

    result: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,  # alt text is not article text
        favor_precision=True,
    )
    if result is None:
        raise InputError("html: no article text found")
    data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError("html: no article text found")
    title = data.get("title")
    if title and not text.startswith(title):
        # Keep the headline as the first paragraph, as in a plain-text article.
        text = f"{title}\n{text}"
    published = None
    if data.get("date"):
        try:
            published = parse_published(data["date"])
        except InputError:
            published = None
    meta = DocumentMeta(
        outlet=data.get("sitename") or None,
        url=data.get("url") or url,
        title=title or None,
        published=published,
        language=data.get("language") or None,
    )
    return text, meta
