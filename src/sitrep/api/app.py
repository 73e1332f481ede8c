"""The HTTP API and the dashboard, served by one FastAPI app.

``create_app(store)`` builds the app; ``serve(db_url, host, port)`` runs it with
uvicorn. The OpenAPI schema is at /api/openapi.json. Swagger's UI is off
because it loads its assets from a CDN and the dashboard must work offline.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path, Query
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.api.cache import ResponseCache
from sitrep.api.views import contradiction_positions, document_json, event_detail, points_json, summary_json
from sitrep.export import EXPORTERS, EXTENSIONS, MEDIA_TYPES, export_chunks
from sitrep.model import to_dict
from sitrep.store.database import EventFilter, Store
from sitrep.store.queries import (
    document_events,
    documents_page,
    event_points,
    event_type_counts,
    source_by_id,
    source_reports,
    sources,
)

MAX_PAGE = 1000
_SORTS = ("date", "-date", "fatalities", "reports")
# Every parameter has a bound: a text filter is a name or a few words, never a document; offsets and ids
# stay inside the databases' 64-bit integers; NUL (which PostgreSQL rejects in text) is refused up front.
MAX_TEXT = 200
MAX_OFFSET = 1_000_000_000
MAX_ID = 2**63 - 1
NO_NUL = r"^[^\x00]*$"
DEFAULT_ALLOWED_HOSTS = ("127.0.0.1", "localhost")


def _text(description: str) -> Any:
    return Query(description=description, max_length=MAX_TEXT, pattern=NO_NUL)


Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def parse_bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    """ "min_lon,min_lat,max_lon,max_lat" -> a tuple; a malformed box is the caller's error (422)."""
    if not bbox:
        return None
    try:
        values = tuple(float(v) for v in bbox.split(","))
    except ValueError:
        values = ()
    if len(values) != 4 or values[0] > values[2] or values[1] > values[3]:
        raise HTTPException(422, "bbox must be min_lon,min_lat,max_lon,max_lat")
    return values


def event_filter(
    type: Annotated[str | None, _text("ACLED event type, e.g. Battles")] = None,
    actor: Annotated[str | None, _text("part of actor1 or actor2's name")] = None,
    country: Annotated[str | None, Query(description="ISO 3166-1 alpha-2 code", max_length=2, pattern=NO_NUL)] = None,
    admin1: Annotated[str | None, _text("first-level region name")] = None,
    since: Annotated[dt.date | None, Query(description="events ending on or after this date")] = None,
    until: Annotated[dt.date | None, Query(description="events starting on or before this date")] = None,
    source: Annotated[str | None, _text("part of a chain source's or outlet's name")] = None,
    bbox: Annotated[str | None, _text("min_lon,min_lat,max_lon,max_lat")] = None,
    q: Annotated[str | None, _text("text search in evidence, places and actors")] = None,
    sort: Annotated[str, _text("date | -date | fatalities | reports")] = "date",
    min_confidence: Annotated[
        float, Query(ge=0, le=1, description="leave out events whose type is less likely than this (0-1)")
    ] = 0.0,
    limit: Limit = 50,
    offset: Offset = 0,
) -> EventFilter:
    if sort not in _SORTS:
        raise HTTPException(422, f"sort must be one of {', '.join(_SORTS)}")
    return EventFilter(
        event_type=type or None,
        actor=actor or None,
        country=country or None,
        admin1=admin1 or None,
        since=since,
        until=until,
        source=source or None,
        bbox=parse_bbox(bbox),
        text=q or None,
        limit=limit,
        offset=offset,
        sort=sort,
        min_confidence=min_confidence,
    )


Filters = Annotated[EventFilter, Depends(event_filter)]


def create_app(store: Store, allowed_hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The API and dashboard over ``store``; with ``allowed_hosts``, requests for any other Host are refused
    (400), so a page elsewhere cannot reach the API through DNS rebinding."""
    app = FastAPI(
        title="sitrep",
        description="Sourced, geocoded conflict events: every value traced to its source sentence.",
        version="0.1.0",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    _add_event_routes(app, store)
    _add_document_routes(app, store)
    _add_source_routes(app, store)
    _add_dashboard(app)
    # Innermost, so a request refused for its Host is never answered from the cache.
    app.add_middleware(ResponseCache, revision=store.revision)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """Adds :data:`_SECURITY_HEADERS` to every response that does not set them itself.

    Plain ASGI rather than ``@app.middleware("http")``: that wrapper runs each request through an extra task
    and stream, which under load costs more than most queries here.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _page(total: int, f: EventFilter | None, items: list[Any], limit: int = 0, offset: int = 0) -> dict[str, Any]:
    return {
        "total": total,
        "limit": f.limit if f else limit,
        "offset": f.offset if f else offset,
        "items": items,
    }


def _json(data: Any) -> Response:
    """``data`` (already JSON-safe) serialised directly: FastAPI's per-value encoding of a page of rows costs
    several times the query that read them."""
    return Response(json.dumps(data, separators=(",", ":")), media_type="application/json")


def _add_event_routes(app: FastAPI, store: Store) -> None:
    @app.get("/api/events", tags=["events"], summary="Events matching the filters, one page")
    def list_events(filters: Filters) -> Response:
        items = [summary_json(s) for s in store.events(filters)]
        return _json(_page(store.count_events(filters), filters, items))

    @app.get("/api/events/points", tags=["events"], summary="All matching events' map fields, column-wise")
    def list_points(filters: Filters) -> Response:
        # Serialised directly: FastAPI's per-value encoding costs ~4x on 10,000 rows.
        body = json.dumps(points_json(event_points(store, filters)), separators=(",", ":"))
        return Response(body, media_type="application/json")

    @app.get("/api/event-types", tags=["events"], summary="Event types with their counts")
    def list_event_types() -> dict[str, int]:
        return event_type_counts(store)

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its reports and evidence spans")
    def get_event(event_id: Annotated[str, Path(max_length=MAX_TEXT, pattern=NO_NUL)]) -> dict[str, Any]:
        event = store.get_event(event_id)
        if event is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return event_detail(store, event, event_id)

    @app.get("/api/claims", tags=["claims"], summary="Attributed statements and figures, with who says so")
    def list_claims(
        kind: Annotated[str | None, _text("the topic's first part: toll, reported, contention, ...")] = None,
        doc: Annotated[str | None, _text("a document's name")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        total, claims = store.claims_page(kind, doc, limit, offset)
        return _page(total, None, [to_dict(c) for c in claims], limit, offset)

    @app.get("/api/contradictions", tags=["claims"], summary="Disagreements between reports or claims")
    def list_contradictions(limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        total, rows = store.contradictions_page(limit, offset)
        page = [dict(r) for r in rows]
        for row, positions in zip(page, contradiction_positions(store, page), strict=True):
            row["positions"] = [to_dict(p) for p in positions]  # each side: what it says, who says so, its sentence
        return _page(total, None, page, limit, offset)

    @app.get("/api/stats", tags=["store"], summary="Row counts")
    def stats() -> dict[str, int]:
        return store.stats()

    @app.get("/api/export/{format}", tags=["export"], summary="Matching events as a file (jsonl, csv, geojson, plover)")
    def export(
        format: Annotated[str, Path(max_length=MAX_TEXT, pattern=NO_NUL)], filters: Filters, all: bool = True
    ) -> Response:
        if format not in EXPORTERS:
            raise HTTPException(404, f"unknown format {format!r}; choose one of {', '.join(EXPORTERS)}")
        chosen = EventFilter(**{**filters.__dict__, "limit": None, "offset": 0}) if all else filters
        filename = f"sitrep-events.{EXTENSIONS[format]}"
        # Streamed as the store is read, a batch of events at a time, so a large export is never held whole.
        return StreamingResponse(
            export_chunks(store, format, chosen),
            media_type=MEDIA_TYPES[format],
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )


def _add_document_routes(app: FastAPI, store: Store) -> None:
    @app.get("/api/documents", tags=["documents"], summary="Stored documents (latest versions), one page")
    def list_documents(
        q: Annotated[str | None, _text("part of a document's name, title or outlet")] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        total, rows = documents_page(store, q, limit, offset)
        return _json(_page(total, None, rows, limit, offset))

    @app.get("/api/documents/{ref}", tags=["documents"], summary="One document: text, paragraphs, events")
    def get_document(ref: Annotated[str, Path(max_length=MAX_TEXT, pattern=NO_NUL)]) -> dict[str, Any]:
        stored = store.get_document(ref)
        if stored is None:
            raise HTTPException(404, f"no document {ref!r}")
        return document_json(stored, document_events(store, stored.id))


def _add_source_routes(app: FastAPI, store: Store) -> None:
    @app.get("/api/sources", tags=["sources"], summary="Sources named in attribution chains")
    def list_sources(
        q: Annotated[str | None, _text("part of a source's name")] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> Response:
        total, rows = sources(store, q, limit, offset)
        return _json(_page(total, None, [r.__dict__ for r in rows], limit, offset))

    @app.get("/api/sources/{source_id}", tags=["sources"], summary="One source and the reports that cite it")
    def get_source(source_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> dict[str, Any]:
        found = source_by_id(store, source_id)
        if found is None:
            raise HTTPException(404, f"no source {source_id}")
        return {**found.__dict__, "reports": source_reports(store, source_id)}


def _add_dashboard(app: FastAPI) -> None:
    web = resources.files("sitrep.web")
    static = web.joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    boundaries = resources.files("sitrep.data").joinpath("boundaries")
    app.mount("/boundaries", StaticFiles(directory=str(boundaries)), name="boundaries")
    index = str(static.joinpath("index.html"))

    # The dashboard is one page; its router reads the path (/events/ID, /sources/ID).
    @app.get("/", include_in_schema=False)
    @app.get("/events/{event_id}", include_in_schema=False)
    @app.get("/sources/{source_id}", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(index, media_type="text/html", headers=_SECURITY_HEADERS)

    @app.exception_handler(ValueError)
    def bad_value(_request: Any, error: ValueError) -> JSONResponse:
        return JSONResponse({"detail": str(error)}, status_code=422)


# The page loads nothing from elsewhere and runs no inline script: a CSP that says so blocks injected markup.
# Sent on every response (API and files too), so no response can be sniffed into a page or framed.
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def serve(
    db_url: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    allowed_hosts: tuple[str, ...] = DEFAULT_ALLOWED_HOSTS,
    workers: int = 1,
) -> None:
    """Runs the app with uvicorn; ``workers`` > 1 starts that many server processes (one per core serves most)."""
    import uvicorn

    hosts = tuple(dict.fromkeys([*allowed_hosts, host]))
    if workers > 1:
        # Each worker process builds its own app (and store connection) from these.
        os.environ[_DB_VARIABLE] = db_url
        os.environ[_HOSTS_VARIABLE] = ",".join(hosts)
        uvicorn.run(
            "sitrep.api.app:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="info",
        )
        return
    store = Store.open(db_url)
    uvicorn.run(create_app(store, allowed_hosts=hosts), host=host, port=port, log_level="info")


_DB_VARIABLE = "SITREP_SERVE_DB"
_HOSTS_VARIABLE = "SITREP_SERVE_ALLOWED_HOSTS"


def app_from_environment() -> FastAPI:
    """The app a ``serve --workers N`` process builds, from the settings its parent put in the environment."""
    hosts = tuple(h for h in os.environ.get(_HOSTS_VARIABLE, "").split(",") if h) or DEFAULT_ALLOWED_HOSTS
    return create_app(Store.open(os.environ[_DB_VARIABLE]), allowed_hosts=hosts)
