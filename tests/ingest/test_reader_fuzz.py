"""Any bytes in any format give documents or failures naming the input, never an exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sitrep.ingest.readers import ReadFailure, read_sources
from sitrep.model import Document

SUFFIXES = [".txt", ".html", ".jsonl", ".rss", ".xml", ".warc", ".warc.gz", ".gz"]
FRAGMENTS = [
    b"<html><body><p>",
    b"</p>",
    b"<script>alert(1)</script>",
    b'{"id": "x", "text": ',
    b'"}\n',
    b"\x00",
    b"\xff\xfe",
    b"<?xml version='1.0'?><rss><channel><item><title>",
    b"WARC/1.0\r\nWARC-Type: response\r\n",
    b"\x1f\x8b\x08",
    "Ёжик в тумане, قصف على حلب ".encode(),
    b"\r\n\r\n",
    b"]]>",
    b"&#0;",
]
hostile_bytes = st.one_of(
    st.binary(max_size=2000),
    st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(b"".join),
)


@settings(max_examples=120, deadline=None)
@given(data=hostile_bytes, suffix=st.sampled_from(SUFFIXES))
@example(data=b"\xfe\xff\x00a\x00", suffix=".txt")  # UTF-16 with a byte missing: a named failure, once a crash
def test_every_reader_turns_hostile_bytes_into_documents_or_named_failures(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        results = list(read_sources([str(path)]))
    for result in results:
        assert isinstance(result, (Document, ReadFailure))
        if isinstance(result, ReadFailure):
            assert result.name.startswith("input") and result.reason
