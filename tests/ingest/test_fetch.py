"""Fetching a URL refuses addresses inside the network unless the user allows them, and caps size."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from sitrep.ingest.fetch import FetchLimits, fetch_url, is_public_address
from sitrep.ingest.readers import ReadFailure, ReadOptions, read_sources
from sitrep.ingest.validate import InputError


def test_only_public_addresses_are_public() -> None:
    for address in (
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.10",
        "172.16.5.4",
        "169.254.169.254",
        "::1",
        "fe80::1",
        "0.0.0.0",
        "::ffff:127.0.0.1",
        "224.0.0.1",
        "100.64.0.1",
    ):
        assert not is_public_address(address), address
    for address in ("8.8.8.8", "1.1.1.1", "2606:4700:4700::1111"):
        assert is_public_address(address), address


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        body = b"<html><body><p>" + b"Shelling hit the town of Ariha on Tuesday. " * 40 + b"</p></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def local_site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_loopback_url_is_refused_by_default_and_named(local_site: str) -> None:
    (result,) = list(read_sources([f"{local_site}/article"]))
    assert isinstance(result, ReadFailure)
    assert result.name.endswith("/article") and "non-public address 127.0.0.1" in result.reason


def test_a_loopback_url_is_fetched_when_allowed_redirects_included(local_site: str) -> None:
    (document,) = list(read_sources([f"{local_site}/redirect"], ReadOptions(allow_private=True)))
    assert not isinstance(document, ReadFailure)
    assert "Ariha" in document.text


def test_a_body_over_the_size_limit_is_refused(local_site: str) -> None:
    with pytest.raises(InputError, match="too large"):
        fetch_url(f"{local_site}/article", FetchLimits(max_bytes=100, allow_private=True))


def test_only_http_urls_are_fetched() -> None:
    with pytest.raises(InputError, match="not an http"):
        fetch_url("file:///etc/passwd", FetchLimits(max_bytes=1000))
