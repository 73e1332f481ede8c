"""Read responses kept until the store changes.

The API only reads; what a query returned stays true until the next write is committed. The store's
revision token (:meth:`Store.revision`) changes with every commit, by any process, so a response kept
under the token it was computed at is served again only while nothing has been written since. A
dashboard's repeated queries and the aggregates (sources, counts, types) then cost a dictionary lookup;
while an ingest writes, responses are recomputed after each of its commits.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import anyio.to_thread
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHED_PREFIX = "/api/"
# Exports stream files of any size; they are read afresh each time.
UNCACHED_PREFIXES = ("/api/export/",)
MAX_BODY_BYTES = 2_000_000
MAX_TOTAL_BYTES = 64_000_000


@dataclass(frozen=True)
class CachedResponse:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCache:
    """ASGI middleware: GET responses under /api/ (200 only, bodies up to :data:`MAX_BODY_BYTES`) kept per
    (revision, path, query), the least recently used dropped beyond ``max_bytes`` of bodies in all."""

    def __init__(self, app: ASGIApp, revision: Callable[[], str | None], max_bytes: int = MAX_TOTAL_BYTES) -> None:
        self.app = app
        self.revision = revision
        self.max_bytes = max_bytes
        self.entries: OrderedDict[tuple[str, str, bytes], CachedResponse] = OrderedDict()
        self.size = 0
        self.revision_kept: str | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not path.startswith(CACHED_PREFIX)
            or path.startswith(UNCACHED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        revision = await anyio.to_thread.run_sync(self.revision)
        if revision is None:
            await self.app(scope, receive, send)
            return
        key = (revision, path, bytes(scope.get("query_string", b"")))
        found = self.entries.get(key)
        if found is not None:
            self.entries.move_to_end(key)
            await send({"type": "http.response.start", "status": found.status, "headers": found.headers})
            await send({"type": "http.response.body", "body": found.body})
            return
        await self.app(scope, receive, self._recording(key, send))

    def _recording(self, key: tuple[str, str, bytes], send: Send) -> Send:
        start: Message = {}
        parts: list[bytes] = []
        size = 0

        async def send_and_record(message: Message) -> None:
            nonlocal start, size
            await send(message)
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body" or start.get("status") != 200 or size > MAX_BODY_BYTES:
                return
            body = bytes(message.get("body", b""))
            size += len(body)
            parts.append(body)
            if not message.get("more_body", False) and size <= MAX_BODY_BYTES:
                self._keep(key, CachedResponse(200, list(start.get("headers", [])), b"".join(parts)))

        return send_and_record

    def _keep(self, key: tuple[str, str, bytes], response: CachedResponse) -> None:
        # Entries of an earlier revision are never asked for again: a new revision starts the cache afresh, so
        # it holds one revision's responses at most (a late response of an older one is kept and never used).
        if key[0] != self.revision_kept:
            self.entries.clear()
            self.size = 0
            self.revision_kept = key[0]
        if key in self.entries:  # two requests raced to compute it
            return
        self.entries[key] = response
        self.size += len(response.body)
        while self.size > self.max_bytes:
            self.size -= len(self.entries.popitem(last=False)[1].body)
