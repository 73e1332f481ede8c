"""Fetching a URL the user asked for: the one network access sitrep makes, fenced.

A URL that resolves to a loopback, private, link-local or otherwise non-public address is refused unless the
user allows it (a news URL has no business inside the network sitrep runs in), and so is every redirect; the
body is capped in size, the whole fetch in time, and redirects in number.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import IO, Any

from sitrep.ingest.validate import InputError

USER_AGENT = "sitrep/0.1 (+https://example.invalid/sitrep)"
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchLimits:
    max_bytes: int
    seconds: float = 30.0
    redirects: int = 5
    allow_private: bool = False


def is_public_address(address: str) -> bool:
    """An address on the public internet: not loopback, private, link-local, multicast, reserved or unspecified."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not ip.is_multicast


def check_destination(url: str, allow_private: bool) -> None:
    """Refuses a URL that is not http(s) or whose host resolves to a non-public address (unless allowed)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"refused: {url!r} is not an http(s) URL")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except OSError as exc:
        raise InputError(f"fetch failed: cannot resolve {parts.hostname}: {exc}") from None
    for info in infos:
        address = str(info[4][0])
        if not is_public_address(address):
            raise InputError(
                f"refused: {parts.hostname} resolves to the non-public address {address} (use --allow-private)"
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limits: FetchLimits) -> None:
        self.limits = limits
        self.followed = 0

    def redirect_request(self, req: Any, fp: IO[bytes], code: int, msg: str, headers: Any, newurl: str) -> Any:
        self.followed += 1
        if self.followed > self.limits.redirects:
            raise InputError(f"fetch failed: more than {self.limits.redirects} redirects")
        check_destination(newurl, self.limits.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, limits: FetchLimits) -> bytes:
    """The body at ``url``, or an InputError saying why not."""
    check_destination(url, limits.allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(limits))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    deadline = time.monotonic() + limits.seconds
    body = bytearray()
    try:
        with opener.open(request, timeout=limits.seconds) as response:
            while chunk := response.read(CHUNK):
                body += chunk
                if len(body) > limits.max_bytes:
                    raise InputError(f"too large: over {limits.max_bytes / 1e6:.0f} MB (see --max-bytes)")
                if time.monotonic() > deadline:
                    raise InputError(f"fetch failed: took over {limits.seconds:.0f} s")
    except urllib.error.HTTPError as exc:
        raise InputError(f"fetch failed: HTTP {exc.code} {exc.reason}") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"fetch failed: {exc}") from None
    return bytes(body)
