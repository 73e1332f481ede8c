"""Readers: every kind of input becomes a stream of Documents or named failures.

One bad input never stops the stream: each problem becomes a :class:`ReadFailure`
naming the input and what is wrong with it.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.ingest.fetch import FetchLimits, fetch_url
from sitrep.ingest.html import extract_html
from sitrep.ingest.validate import DEFAULT_MAX_BYTES, InputError, check_size, decode_text
from sitrep.model import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
WARC_SUFFIXES = {".warc", ".gz"}  # .warc.gz is checked by name
MANIFEST = "manifest.jsonl"


@dataclass(frozen=True)
class ReadFailure:
    name: str
    reason: str


ReadResult = Document | ReadFailure


@dataclass(frozen=True)
class ReadOptions:
    meta: DocumentMeta = field(default_factory=DocumentMeta)  # from the command line: wins over everything else
    max_bytes: int = DEFAULT_MAX_BYTES
    name: str | None = None  # name for standard input
    allow_private: bool = False  # fetch URLs on loopback and private networks too


def read_sources(sources: Iterable[str], options: ReadOptions | None = None) -> Iterator[ReadResult]:
    for source in sources:
        yield from read_source(source, options or ReadOptions())


def read_source(source: str, options: ReadOptions | None = None) -> Iterator[ReadResult]:
    options = options or ReadOptions()
    if source == "-":
        yield from _read_stream(sys.stdin.buffer, options.name or "stdin", options)
    elif source.startswith(("http://", "https://")):
        yield from _guard(source, lambda: _read_url(source, options))
    else:
        path = Path(source)
        if path.is_dir():
            yield from read_folder(path, options)
        elif path.exists():
            # A file named on its own still gets the metadata a manifest beside it gives (publication date, outlet).
            beside = load_manifest(path.parent / MANIFEST) if path.name != MANIFEST else {}
            yield from read_file(path, path.name, options, beside.get(path.name, DocumentMeta()))
        else:
            yield ReadFailure(source, "not found: no such file or folder")


# In a folder, only files in an article format are read: README, PROVENANCE or LICENSE beside them are not news.
ARTICLE_SUFFIXES = {".txt", ".text", *HTML_SUFFIXES, *JSONL_SUFFIXES, *FEED_SUFFIXES, ".warc", ".gz"}
NOT_ARTICLES = ("readme", "provenance", "license", "licence", "changelog")


def is_article_file(path: Path) -> bool:
    name = path.name.lower()
    if name == MANIFEST or name.startswith(NOT_ARTICLES):
        return False
    if name.endswith(".gz"):
        return name.endswith(".warc.gz")
    return path.suffix.lower() in ARTICLE_SUFFIXES


def list_input_files(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and is_article_file(p) and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )


def read_folder(folder: Path, options: ReadOptions) -> Iterator[ReadResult]:
    manifests: dict[Path, dict[str, DocumentMeta]] = {}
    for path in list_input_files(folder):
        if path.parent not in manifests:
            manifests[path.parent] = load_manifest(path.parent / MANIFEST)
        name = path.relative_to(folder).as_posix()
        yield from read_file(path, name, options, manifests[path.parent].get(path.name, DocumentMeta()))


def load_manifest(path: Path) -> dict[str, DocumentMeta]:
    """``manifest.jsonl`` beside the files: one {"file": ..., metadata...} per line."""
    if not path.exists():
        return {}
    entries: dict[str, DocumentMeta] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            entries[str(record["file"])] = DocumentMeta.from_record(record)
        except (ValueError, KeyError, InputError) as exc:
            print(f"{path}:{number}: manifest line skipped: {exc}", file=sys.stderr)
    return entries


def read_file(path: Path, name: str, options: ReadOptions, manifest_meta: DocumentMeta) -> Iterator[ReadResult]:
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(
                f"too large: {size / 1e6:.1f} MB (limit {options.max_bytes / 1e6:.0f} MB; see --max-bytes)"
            )
        data = path.read_bytes()
    except (OSError, InputError) as exc:
        yield ReadFailure(name, str(exc))
        return
    meta = options.meta.fill(manifest_meta)
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_bytes(data, name, options)
    elif suffix in FEED_SUFFIXES:
        yield from _guard(name, lambda: read_feed_bytes(data, name, options))
    elif path.name.lower().endswith((".warc", ".warc.gz")):
        yield from _guard(name, lambda: read_warc(io.BytesIO(data), name, options))
    elif suffix in HTML_SUFFIXES:
        yield from _guard(name, lambda: [_html_document(decode_text(data), name, meta, str(path))])
    else:
        yield from _guard(name, lambda: [build_document(decode_text(data), name, meta, str(path))])


def _guard(name: str, produce: Any) -> Iterator[ReadResult]:
    """Turns an input's errors into a failure naming it."""
    try:
        yield from produce()
    except InputError as exc:
        yield ReadFailure(name, str(exc))
    except Exception as exc:  # a reader library's own error on malformed input
        yield ReadFailure(name, f"unreadable: {type(exc).__name__}: {exc}")


def _html_document(html: str, name: str, meta: DocumentMeta, origin: str | None) -> Document:
    text, page_meta = extract_html(html, meta.url)
    return build_document(text, name, meta.fill(page_meta), origin)


def _read_stream(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    data = stream.read(options.max_bytes + 1)
    try:
        check_size(data, options.max_bytes)
        text = decode_text(data)
    except InputError as exc:
        yield ReadFailure(name, str(exc))
        return
    head = text.lstrip()[:500].lower()
    if head.startswith("{"):
        yield from read_jsonl_bytes(data, name, options)
    elif head.startswith(("<?xml", "<rss", "<feed")):
        yield from _guard(name, lambda: read_feed_bytes(data, name, options))
    elif head.startswith(("<!doctype html", "<html")):
        yield from _guard(name, lambda: [_html_document(text, name, options.meta, "-")])
    else:
        yield from _guard(name, lambda: [build_document(text, name, options.meta, "-")])


def read_jsonl_bytes(data: bytes, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    """One article per line: ``text`` (or ``html``) plus metadata fields; ``id`` names it."""
    try:
        text = decode_text(data)
    except InputError as exc:
        yield ReadFailure(name, str(exc))
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        record_name = f"{name}:{number}"
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise InputError("not a JSON object")
            record_name = str(record.get("id") or record_name)
            meta = options.meta.fill(DocumentMeta.from_record(record))
            if record.get("html"):
                yield _html_document(str(record["html"]), record_name, meta, name)
            elif isinstance(record.get("text"), str):
                yield build_document(record["text"], record_name, meta, name)
            else:
                raise InputError("no 'text' or 'html' field")
        except json.JSONDecodeError as exc:
            yield ReadFailure(record_name, f"invalid JSON: {exc.msg} at column {exc.colno}")
        except InputError as exc:
            yield ReadFailure(record_name, str(exc))


def read_feed_bytes(data: bytes, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    """RSS/Atom: each entry's content (or summary) is an article."""
    import feedparser  # slow to import; only feeds need it

    feed: Any = feedparser.parse(data)
    if not feed.entries:
        reason = f"feed: no entries ({feed.bozo_exception})" if feed.bozo else "feed: no entries"
        raise InputError(reason)
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        # An entry without id, link or title is named by its position, never by an empty "feed#".
        entry_name = entry.get("id") or entry.get("link") or f"{name}#{entry.get('title') or number}"
        body = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        record: dict[str, object] = {
            "title": entry.get("title"),
            "url": entry.get("link"),
            "outlet": outlet,
            "published": "{:04d}-{:02d}-{:02d}".format(*published[:3]) if published else None,
        }
        meta = options.meta.fill(DocumentMeta.from_record(record))
        yield from _guard(entry_name, lambda b=body, n=entry_name, m=meta: [_feed_entry(b, n, m, name)])


def _feed_entry(body: str, name: str, meta: DocumentMeta, origin: str) -> Document:
    if "<" in body and ">" in body:
        return _html_document(f"<html><body><article>{body}</article></body></html>", name, meta, origin)
    text = f"{meta.title}\n{body}" if meta.title else body
    return build_document(text, name, meta, origin)


def read_warc(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    """HTML responses in a WARC (news crawls); each is named by its target URI."""
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        if record.rec_type != "response":
            continue
        content_type = record.http_headers.get_header("Content-Type") if record.http_headers else ""
        if "html" not in (content_type or ""):
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or name
        payload = record.content_stream().read()
        meta = options.meta.fill(DocumentMeta(url=uri))
        yield from _guard(uri, lambda p=payload, u=uri, m=meta: [_html_document(decode_text(p), u, m, name)])


def _read_url(url: str, options: ReadOptions) -> list[Document]:
    """Fetching is the one network access, and only because the user asked for a URL."""
    data = fetch_url(url, FetchLimits(options.max_bytes, allow_private=options.allow_private))
    meta = options.meta.fill(DocumentMeta(url=url))
    return [_html_document(decode_text(data), url, meta, url)]
