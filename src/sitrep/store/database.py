"""The store: documents, mentions, events and claims in SQLite or PostgreSQL.

``Store.open`` takes a path or a URL (``sitrep.db``, ``sqlite:///sitrep.db``,
``postgresql://user@host/db``) and brings the schema up to date.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import functools
import itertools
import json
import math
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Date,
    Engine,
    Text,
    and_,
    bindparam,
    create_engine,
    delete,
    event,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
    union_all,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection, RowMapping, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from sitrep.ingest.dedup import is_near_duplicate, simhash
from sitrep.model import Claim, Document, Event, Mention, Paragraph, Place, from_dict, to_dict
from sitrep.resolve.similarity import mention_places
from sitrep.store import schema as t
from sitrep.store.indexed import IndexedTable
from sitrep.store.migrations import LATEST_VERSION, applied_versions, migrate

# Concurrent first use: PostgreSQL serialises schema creation on this advisory lock; SQLite has none, so a
# process that loses the race checks that the winner's schema is complete and goes on.
MIGRATION_LOCK_KEY = 0x5175_7265_7000
# Held while reports are matched to events and written (see Store.resolution_lock).
RESOLUTION_LOCK_KEY = 0x5175_7265_7001
# A writer's claim on a document it extracts (Store.claim_document): this base plus the document's id.
DOCUMENT_LOCK_BASE = 0x5175_7266 << 32


def document_lock_key(document_id: int) -> int:
    """The advisory lock key of a writer's claim on one document (``Store.claim_document``)."""
    return DOCUMENT_LOCK_BASE + document_id % 2**32


MIGRATION_ATTEMPTS = 5

_BANDS = 8
# Candidate events for a mention: within this many degrees of one of its places, at most this many.
_NEAR_DEGREES = 3.0
_MAX_CANDIDATES = 300
# Events are filed by grid cell (this many degrees a side, so a mention's +-_NEAR_DEGREES box touches at most
# 3 x 3 cells) and by the length of their date (the longest each class holds, in days): an event of a class
# that overlaps a window starts at most that many days before it, which bounds the index range read.
CELL_DEGREES = _NEAR_DEGREES
COARSE_CELL = t.COARSE_CELL  # a country- or region-wide event, or one with no place: near every mention
# A country- or region-wide event whose places all lie in one known country is filed under that country's cell
# (COUNTRY_CELLS + the number of its two-letter code), offered only to mentions that may lie in that country:
# a place in another known country scores 0 (resolve.similarity.place_score), so no such mention can match it.
COUNTRY_CELLS = COARSE_CELL + 1
SPAN_CLASS_DAYS = (0, 7, 31, 366)
LONG_SPAN = len(SPAN_CLASS_DAYS)  # longer than a year: no lower bound on its start
UNDATED = -1
# Values per IN (...) list, well under SQLite's limit on bound parameters.
_IN_CHUNK = 500
_T = TypeVar("_T")
_COARSE_PRECISIONS = frozenset({"country", "region"})


def database_url(target: str) -> str:
    """A SQLAlchemy URL for a path or URL the user gave."""
    if "://" not in target:
        return f"sqlite:///{target}"
    if target.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    return target


def display_url(url: str) -> str:
    """The URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


# Where a document stands in the order its own content gives (publication date, undated last, then content
# hash): resolving documents in this order makes the events a function of the set of documents, not of the
# order they were handed over in.
CanonicalKey = tuple[dt.date, str]


def canonical_key(published: dt.date | None, content_hash: str) -> CanonicalKey:
    return published or dt.date.max, content_hash


@dataclass(frozen=True)
class StoredDocument:
    id: int
    version: int
    document: Document
    near_duplicate_of: str | None
    ingested_at: dt.datetime


@dataclass(frozen=True)
class AddResult:
    status: str  # stored | duplicate | new-version
    document_id: int
    name: str
    near_duplicate_of: str | None = None
    superseded_id: int | None = None
    extracted: bool = False  # a duplicate whose extraction finished (False: stored but never finished)


@dataclass(frozen=True)
class TopicGroup:
    """The grouped claims of one topic (as written) in one group: the first and last document holding one."""

    topic_key: str
    topic: str
    group: str
    first_document: int
    last_document: int


@dataclass(frozen=True)
class EventFilter:
    event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    source: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    text: str | None = None
    limit: int | None = None
    offset: int = 0
    sort: str = "date"  # date | -date | fatalities | reports
    # Events whose type is less likely than this are left out (export/records.py `event_confidence`).
    min_confidence: float = 0.0


@dataclass(frozen=True)
class EventSummary:
    """One row of the event table, as lists and the API show it."""

    id: str
    event_type: str
    sub_event_type: str | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    country: str | None
    admin1: str | None
    location: str | None
    lat: float | None
    lon: float | None
    actor1: str | None
    actor2: str | None
    fatalities_best: int | None
    reports: int


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._revision_connection: sqlite3.Connection | None = None
        self._revision_lock = threading.Lock()
        self._remembered: dict[str, Mention] | None = None
        # Events rebuilt from their stored JSON under ``mentions_remembered``, by id and JSON text (``_event``).
        self._remembered_events: dict[tuple[str, str], Event] | None = None
        # Claims of a group's compared pairs rebuilt from their stored JSON, by its text (``_grouped_claim``).
        self._grouped_claims: dict[str, Claim] = {}
        self._claims_connection: Connection | None = None
        self._claims_guard = threading.Lock()
        self._claimed: set[int] = set()

    @classmethod
    def open(cls, target: str, create: bool = True) -> Store:
        """The store at ``target``, its schema brought up to date. ``create`` False refuses a SQLite path where
        no database exists yet (a mistyped path must not silently give an empty store)."""
        url = database_url(target)
        parsed = make_url(url)
        file_db = parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")
        if not create and file_db and not Path(str(parsed.database)).exists():
            raise FileNotFoundError(f"no database at {parsed.database} (sitrep ingest ... --db creates one)")
        engine = create_engine(url, future=True)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        _migrate_once(engine)
        return cls(engine)

    @property
    def url(self) -> str:
        return display_url(self.engine.url.render_as_string(hide_password=False))

    def close(self) -> None:
        if self._claims_connection is not None:
            # Let go of the claims at once: a closed connection's session ends on the server a moment later, and
            # the next writer must not find them still held (a crashed writer's claims go when its session ends).
            self.release_documents()
            self._claims_connection.close()
            self._claims_connection = None
            self._claimed.clear()
        if self._revision_connection is not None:
            self._revision_connection.close()
            self._revision_connection = None
        self.engine.dispose()

    # --- documents -----------------------------------------------------------

    def add_document(self, document: Document) -> AddResult:
        """Stores a document once; the same text again changes nothing (also when another writer stores the same
        text at the same moment: the loser of that race finds the winner's row)."""
        try:
            return self._add_document(document)
        except IntegrityError:
            return self._add_document(document)

    def _add_document(self, document: Document) -> AddResult:
        with self.engine.begin() as c:
            existing = c.execute(
                select(t.documents.c.id, t.documents.c.name, t.documents.c.extracted_at).where(
                    t.documents.c.content_hash == document.content_hash
                )
            ).first()
            if existing:
                return AddResult("duplicate", existing.id, existing.name, extracted=existing.extracted_at is not None)
            previous = c.execute(
                select(t.documents.c.id, t.documents.c.version)
                .where(t.documents.c.name == document.name)
                .order_by(t.documents.c.version.desc())
                .limit(1)
            ).first()
            fingerprint = simhash(_body_text(document))
            near = _find_near_duplicate(c, fingerprint)
            values = {
                "name": document.name,
                "content_hash": document.content_hash,
                "version": previous.version + 1 if previous else 1,
                "outlet": document.outlet,
                "url": document.url,
                "title": document.title,
                "published": document.published,
                "language": document.language,
                "text": document.text,
                "paragraphs": [to_dict(p) for p in document.paragraphs],
                "origin": document.origin,
                "simhash": f"{fingerprint:016x}",
                "near_duplicate_of": near[0] if near else None,
                "ingested_at": dt.datetime.now(dt.UTC),
            }
            document_id = c.execute(insert(t.documents).values(**values)).inserted_primary_key[0]  # type: ignore[index]
            c.execute(
                insert(t.document_bands),
                [{"document_id": document_id, "band": b, "value": v} for b, v in simhash_band_pairs(fingerprint)],
            )
        return AddResult(
            "new-version" if previous else "stored",
            int(document_id),
            document.name,
            near_duplicate_of=near[1] if near else None,
            superseded_id=previous.id if previous else None,
        )

    def get_document(self, ref: str) -> StoredDocument | None:
        """By name (latest version), content-hash prefix, or numeric id."""
        with self.engine.connect() as c:
            cols = t.documents.c
            conditions = [cols.name == ref]
            if len(ref) >= 6 and all(ch in "0123456789abcdef" for ch in ref.lower()):
                conditions.append(cols.content_hash.startswith(ref.lower()))
            if ref.isdigit() and int(ref) < 2**63:  # a longer number is no stored id (and no 64-bit integer)
                conditions.append(cols.id == int(ref))
            row = c.execute(select(t.documents).where(or_(*conditions)).order_by(cols.version.desc()).limit(1)).first()
            return _stored_document(c, row._mapping) if row else None

    def documents(self, latest_only: bool = True) -> list[StoredDocument]:
        with self.engine.connect() as c:
            query = select(t.documents).order_by(t.documents.c.name, t.documents.c.version)
            if latest_only:
                query = query.where(_is_latest_version())
            return [_stored_document(c, row._mapping) for row in c.execute(query)]

    def document_names(self, ids: Iterable[int]) -> dict[int, str]:
        with self.engine.connect() as c:
            rows = c.execute(select(t.documents.c.id, t.documents.c.name).where(t.documents.c.id.in_(list(ids))))
            return {row.id: row.name for row in rows}

    def unfinished_documents(self) -> list[StoredDocument]:
        """Latest versions whose extraction never finished: stopped mid-way, or stored with ``--no-extract``."""
        with self.engine.connect() as c:
            query = (
                select(t.documents)
                .where(_is_latest_version(), t.documents.c.extracted_at.is_(None))
                .order_by(t.documents.c.id)
            )
            return [_stored_document(c, row._mapping) for row in c.execute(query)]

    def document_keys(self, ids: Iterable[int]) -> dict[int, CanonicalKey]:
        """Each stored document's canonical key (:func:`canonical_key`), by id."""
        cols = t.documents.c
        found: dict[int, CanonicalKey] = {}
        with self.engine.connect() as c:
            for chunk in _chunks(sorted(set(ids))):
                rows = c.execute(select(cols.id, cols.published, cols.content_hash).where(cols.id.in_(chunk)))
                found.update({row.id: canonical_key(row.published, row.content_hash) for row in rows})
        return found

    def documents_from(self, key: CanonicalKey) -> dict[int, CanonicalKey]:
        """The latest versions whose canonical key is ``key`` or later, with their keys (off the index on the
        publication date: a cut near the end of the store reads only the documents after it)."""
        cols = t.documents.c
        published, content_hash = key
        if published == dt.date.max:
            later = and_(cols.published.is_(None), cols.content_hash >= content_hash)
        else:
            later = or_(
                cols.published.is_(None),
                cols.published > published,
                and_(cols.published == published, cols.content_hash >= content_hash),
            )
        query = select(cols.id, cols.published, cols.content_hash).where(later, _is_latest_version())
        with self.engine.connect() as c:
            return {row.id: canonical_key(row.published, row.content_hash) for row in c.execute(query)}

    def events_of_documents(self, ids: Iterable[int]) -> set[str]:
        """The events holding a report of any of these documents."""
        cols = t.mentions.c
        found: set[str] = set()
        with self.engine.connect() as c:
            for chunk in _chunks(sorted(set(ids))):
                query = select(cols.event_id).where(cols.document_id.in_(chunk), cols.event_id.is_not(None))
                found.update(c.scalars(query.distinct()))
        return found

    def documents_of_events(self, event_ids: Iterable[str]) -> set[int]:
        """The documents reporting any of these events."""
        cols = t.mentions.c
        found: set[int] = set()
        with self.engine.connect() as c:
            for chunk in _chunks(sorted(set(event_ids))):
                found.update(c.scalars(select(cols.document_id).where(cols.event_id.in_(chunk)).distinct()))
        return found

    def is_extracted(self, document_id: int) -> bool:
        """Whether the document's extraction finished (its reports resolved)."""
        with self.engine.connect() as c:
            return c.scalar(select(t.documents.c.extracted_at).where(t.documents.c.id == document_id)) is not None

    def mark_extracted(self, document_id: int) -> None:
        with self.engine.begin() as c:
            c.execute(
                update(t.documents).where(t.documents.c.id == document_id).values(extracted_at=dt.datetime.now(dt.UTC))
            )

    # --- mentions and claims ------------------------------------------------

    def replace_extraction(self, document_id: int, mentions: Sequence[Mention], claims: Sequence[Claim]) -> set[str]:
        """Stores a document's mentions and claims in place of earlier ones.

        Returns the ids of events that lost mentions, so they can be re-derived.
        """
        with self.engine.begin() as c:
            touched = set(
                c.scalars(
                    select(t.mentions.c.event_id).where(
                        t.mentions.c.document_id == document_id, t.mentions.c.event_id.is_not(None)
                    )
                )
            )
            _forget_claim_comparisons(c, document_id)
            c.execute(delete(t.mentions).where(t.mentions.c.document_id == document_id))
            c.execute(delete(t.claims).where(t.claims.c.document_id == document_id))
            _insert_mentions(c, document_id, mentions)
            _insert_claims(c, document_id, claims)
            _mark_denied_events(c, [claim.concerns for claim in claims if claim.concerns])
        return {e for e in touched if e}

    def remove_document_extraction(self, document_id: int) -> set[str]:
        return self.replace_extraction(document_id, [], [])

    def mentions_for_event(self, event_id: str) -> list[Mention]:
        with self.engine.connect() as c:
            rows = c.execute(_reports_of_event_statement(), {"key": event_id})
            return [self._mention(row.id, row.data) for row in rows]

    @contextlib.contextmanager
    def mentions_remembered(self) -> Iterator[None]:
        """While held, a report read from the store is rebuilt from its stored JSON once and then given again as
        the same object (resolving one document reads the same candidate events' reports for each of its
        incidents, then again to derive them). Hold it only where no other writer changes what is stored for
        those reports: a report's content changes only when its document is extracted again, so under the
        resolution lock and after this document's own reports are written. Candidate events read meanwhile are
        rebuilt once per stored JSON text too (``_event``)."""
        outer = self._remembered
        if outer is None:
            self._remembered = {}
            self._remembered_events = {}
        try:
            yield
        finally:
            if outer is None:
                self._remembered = None
                self._remembered_events = None

    def _mention(self, mention_id: str, data: Any) -> Mention:
        """A report from its stored JSON (``_MENTION_JSON``: text, decoded here only when not remembered)."""
        remembered = self._remembered
        if remembered is None:
            return from_dict(Mention, _json_value(data))
        found = remembered.get(mention_id)
        if found is None:
            found = remembered[mention_id] = from_dict(Mention, _json_value(data))
        return found

    def mentions_for_document(self, document_id: int) -> list[Mention]:
        with self.engine.connect() as c:
            rows = c.execute(
                select(t.mentions.c.data)
                .where(t.mentions.c.document_id == document_id)
                .order_by(t.mentions.c.sentence_start)
            )
            return [from_dict(Mention, row.data) for row in rows]

    def all_mentions(self) -> Iterator[Mention]:
        with self.engine.connect() as c:
            for row in c.execute(
                select(t.mentions.c.data).order_by(t.mentions.c.document_id, t.mentions.c.sentence_start)
            ):
                yield from_dict(Mention, row.data)

    def claims(self) -> list[Claim]:
        with self.engine.connect() as c:
            rows = c.execute(select(t.claims.c.data).order_by(t.claims.c.document_id, t.claims.c.id))
            return [from_dict(Claim, row.data) for row in rows]

    def claims_by_id(self, ids: Iterable[str]) -> list[Claim]:
        """The stored claims among ``ids`` (a report's id is not one and is passed over), in store order."""
        wanted = sorted(set(ids))
        cols = t.claims.c
        found: list[tuple[int, str, Claim]] = []
        with self.engine.connect() as c:
            for chunk in _chunks(wanted):
                query = select(cols.document_id, cols.id, cols.data).where(cols.id.in_(chunk))
                found += [(row.document_id, row.id, from_dict(Claim, row.data)) for row in c.execute(query)]
        return [claim for _doc, _id, claim in sorted(found, key=lambda item: (item[0], item[1]))]

    def claims_page(
        self, kind: str | None = None, document: str | None = None, limit: int = 100, offset: int = 0
    ) -> tuple[int, list[Claim]]:
        """One page of claims in store order, with the number matching: of one ``kind`` (what a claim's topic
        begins with, before ``:`` or ``@``: "toll", "reported", "contention", "denied-act") and of one document
        (by name), read by the database rather than whole."""
        cols = t.claims.c
        conditions = []
        if kind:
            conditions.append(
                or_(
                    cols.topic == kind,
                    cols.topic.startswith(f"{kind}:", autoescape=True),
                    cols.topic.startswith(f"{kind}@", autoescape=True),
                )
            )
        if document:
            named = select(t.documents.c.id).where(t.documents.c.name == document)
            conditions.append(cols.document_id.in_(named))
        with self.engine.connect() as c:
            total = c.execute(select(func.count()).select_from(t.claims).where(*conditions)).scalar_one()
            rows = c.execute(
                select(cols.data).where(*conditions).order_by(cols.document_id, cols.id).limit(limit).offset(offset)
            )
            return int(total), [from_dict(Claim, row.data) for row in rows]

    # --- incremental claim contradictions ----------------------------------------

    def ungrouped_claims(self) -> list[tuple[int, Claim, str | None]]:
        """Claims not compared since they or their group changed, in store order, as (document id, claim, None)."""
        query = (
            select(t.claims.c.document_id, t.claims.c.data)
            .where(t.claims.c.claim_group.is_(None))
            .order_by(t.claims.c.document_id, t.claims.c.id)
        )
        with self.engine.connect() as c:
            return [(row.document_id, from_dict(Claim, row.data), None) for row in c.execute(query)]

    def claims_sharing_keys(
        self,
        topic_keys: Iterable[str],
        terms: Iterable[Sequence[str]],
        any_topic_terms: Iterable[Sequence[str]] = (),
        documents: Iterable[str] = (),
    ) -> list[tuple[int, Claim, str | None]]:
        """The grouped claims another claim may be about the same quantity as (resolve.claims.same_quantity),
        with their groups: those of ``documents`` (by name) with one of ``topic_keys`` (other documents' claims
        with a topic key are found by ``topic_groups``); those without a topic whose subject words may reach the
        similarity threshold with one of ``terms`` (each the subject words of a claim with a topic); and any
        that may with one of ``any_topic_terms`` (each the subject words of a claim without one). Found by words
        only where they can reach it (:func:`_reaching_words`), so a word most claims share is never read whole."""
        cols = t.claims.c
        found: dict[str, tuple[int, Claim, str | None]] = {}
        keys = set(topic_keys)
        # Only the words' own rows say whether a claim has a topic (as its topic key does): a condition on the
        # claims would let the planner walk every claim without a topic instead of the words' index range.
        conditions = [cols.id.in_(found_by) for found_by in _reaching_words(terms, untopical=True)]
        conditions += [cols.id.in_(found_by) for found_by in _reaching_words(any_topic_terms, untopical=False)]
        with self.engine.connect() as c:
            # The documents' claims are read by document and their keys tested here: with the key in the query the
            # planner walks the key's index range, every claim of a country-wide toll (thousands) for a few.
            for named in _chunks(sorted(set(documents)) if keys else []):
                of_documents = cols.document_id.in_(select(t.documents.c.id).where(t.documents.c.name.in_(named)))
                keyed = select(cols.document_id, cols.data, cols.claim_group, cols.topic_key).where(
                    of_documents, cols.claim_group.is_not(None)
                )
                for own in c.execute(keyed):
                    if own.topic_key in keys:
                        found.setdefault(own.data["id"], (own.document_id, from_dict(Claim, own.data), own.claim_group))
            for condition in conditions:
                query = select(cols.document_id, cols.data, cols.claim_group).where(
                    condition, cols.claim_group.is_not(None)
                )
                for row in c.execute(query):
                    found.setdefault(row.data["id"], (row.document_id, from_dict(Claim, row.data), row.claim_group))
        return list(found.values())

    def topic_groups(self, topic_keys: Iterable[str]) -> list[TopicGroup]:
        """For each of ``topic_keys``, the groups its grouped claims are in, by topic as written: the first and last
        document holding such a claim. Read off an index, never the claims themselves, and by a few index steps per
        group (``_topic_groups_statement``), however many claims a group holds."""
        found: list[TopicGroup] = []
        with self.engine.connect() as c:
            for key in sorted(set(topic_keys)):
                rows = c.execute(_topic_groups_statement(), {"key": key})
                found += [TopicGroup(key, r.topic, r.claim_group, r.first, r.last) for r in rows]
        return found

    def group_head(self, group: str) -> tuple[int, Claim] | None:
        """A claim group's first claim in store order, with its document id."""
        cols = t.claims.c
        query = (
            select(cols.document_id, cols.data)
            .where(cols.claim_group == group)
            .order_by(cols.document_id, cols.id)
            .limit(1)
        )
        with self.engine.connect() as c:
            row = c.execute(query).first()
        return None if row is None else (row.document_id, from_dict(Claim, row.data))

    def claims_compared_in_group(self, group: str, documents: Iterable[int]) -> list[tuple[int, Claim, str | None]]:
        """The claims of a group that may be in a compared pair (resolve.claims.group_contradictions): those
        compared across documents, those of a document with another claim in the group (both marked in
        ``compared_in_group``), and those of ``documents`` (ids). The rest are compared with nothing, so a group of
        thousands of country-wide tolls reads only the few that are, off the index of the mark."""
        cols = t.claims.c
        wanted = [cols.compared_in_group.is_(None), cols.compared_in_group == True]  # noqa: E712  (indexed)
        wanted += [cols.document_id.in_(chunk) for chunk in _chunks(sorted(set(documents)))]
        query = select(cols.document_id, _CLAIM_JSON, cols.claim_group).where(cols.claim_group == group, or_(*wanted))
        with self.engine.connect() as c:
            return [(row.document_id, self._grouped_claim(row.data), row.claim_group) for row in c.execute(query)]

    def _grouped_claim(self, data: Any) -> Claim:
        """A claim from its stored JSON (``_CLAIM_JSON``: text), rebuilt once per text. A group's compared claims are
        read again whenever a claim joins it, the same thousand for a country-wide toll, and rebuilding them was
        most of that read's cost. A stored claim's JSON changes only when its document is extracted again, which
        gives it another text; readers of these claims only read them, so one object serves every read. At most
        ``_GROUPED_CLAIMS_KEPT`` are kept (all forgotten at once past that)."""
        if not isinstance(data, str):  # a driver that decodes JSON itself: no text to key on
            return from_dict(Claim, data)
        found = self._grouped_claims.get(data)
        if found is None:
            if len(self._grouped_claims) >= _GROUPED_CLAIMS_KEPT:
                self._grouped_claims.clear()
            found = self._grouped_claims[data] = from_dict(Claim, json.loads(data))
        return found

    def claims_in_groups(self, groups: Iterable[str]) -> list[tuple[int, Claim, str | None]]:
        wanted = sorted(set(groups))
        cols = t.claims.c
        found: list[tuple[int, Claim, str | None]] = []
        with self.engine.connect() as c:
            for chunk in _chunks(wanted):
                query = select(cols.document_id, cols.data, cols.claim_group).where(cols.claim_group.in_(chunk))
                found += [(row.document_id, from_dict(Claim, row.data), row.claim_group) for row in c.execute(query)]
        return found

    def write_claim_groups(
        self, replaced: Iterable[str], members: dict[str, str], rows: Sequence[dict[str, Any]]
    ) -> None:
        """The contradictions of claim groups ``replaced`` give way to ``rows`` (each naming its
        ``claim_group``), and each claim in ``members`` now belongs to the group named there."""
        old = sorted(set(replaced))
        with self.engine.begin() as c:
            for chunk in _chunks(old):
                c.execute(delete(t.contradictions).where(t.contradictions.c.claim_group.in_(chunk)))
            by_group: dict[str, list[str]] = {}
            for claim_id, group in members.items():
                by_group.setdefault(group, []).append(claim_id)
            for group, ids in by_group.items():
                for chunk in _chunks(ids):
                    c.execute(update(t.claims).where(t.claims.c.id.in_(chunk)).values(claim_group=group))
            mark_compared_in_group(c, _documents_of_claims(c, list(members)))
            if rows:
                c.execute(insert(t.contradictions), list(rows))

    def pending_denial_events(self) -> list[str]:
        """Events whose reports or the denials of them changed since their denial contradictions were worked out."""
        with self.engine.connect() as c:
            return list(
                c.scalars(select(t.contradiction_pending.c.event_id).order_by(t.contradiction_pending.c.event_id))
            )

    def denials_of_event(self, event_id: str) -> tuple[list[Mention], list[Claim]]:
        """An event's reports, and the claims about any of them (denials, second tolls), in store order."""
        reports = self.mentions_for_event(event_id)
        if not reports:
            return [], []
        cols = t.claims.c
        ids = [m.id for m in reports]
        claims: list[tuple[int, str, Claim]] = []
        with self.engine.connect() as c:
            for chunk in _chunks(ids):
                query = select(cols.document_id, cols.id, cols.data).where(cols.concerns.in_(chunk))
                claims += [(row.document_id, row.id, from_dict(Claim, row.data)) for row in c.execute(query)]
        return reports, [claim for _, _, claim in sorted(claims, key=lambda item: (item[0], item[1]))]

    def write_denial_contradictions(self, event_ids: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
        """The denial contradictions of ``event_ids`` are now ``rows``; those events are no longer pending."""
        with self.engine.begin() as c:
            for chunk in _chunks(event_ids):
                c.execute(
                    delete(t.contradictions).where(t.contradictions.c.claim_group.in_([f"event:{e}" for e in chunk]))
                )
                c.execute(delete(t.contradiction_pending).where(t.contradiction_pending.c.event_id.in_(chunk)))
            if rows:
                c.execute(insert(t.contradictions), list(rows))

    def replace_all_claim_contradictions(self, members: dict[str, str], rows: Sequence[dict[str, Any]]) -> None:
        """Every claim contradiction of the store at once (after comparing all claims), nothing left pending."""
        with self.engine.begin() as c:
            c.execute(delete(t.contradictions).where(t.contradictions.c.event_id.is_(None)))
            c.execute(delete(t.contradiction_pending))
            c.execute(update(t.claims).values(claim_group=None))
        self.write_claim_groups([], members, rows)

    # --- events ----------------------------------------------------------------

    def candidate_events(self, mention: Mention, window_days: int, reports: bool = True) -> list[Event]:
        """Events of a compatible type, within ``window_days`` of the mention's dates and near its places.

        Answered from indexed columns (type, place cell, class of date length, start date), one short index
        range per branch, so the cost depends on how many events lie near the mention in place and time, not
        on how many the store holds. The candidates come with their mentions, which the resolver compares (with
        ``reports`` False without them, for a caller that judges events by their own fields: ``attach_reports``).
        """
        statement, values = _candidate_statement_of(mention, window_days)
        with self.engine.connect() as c:
            rows = c.execute(statement, values).all()
            events = {row.id: self._event(row.id, row.data) for row in rows}
            if reports:
                self._attach_reports(c, events)
        return list(events.values())

    def _event(self, event_id: str, data: Any) -> Event:
        """An event from its stored JSON (text, as ``candidate_events`` reads it), without its reports. Under
        ``mentions_remembered`` an event is rebuilt once per JSON text (a changed event has another), and each read
        gets a copy with a report list of its own: one resolution asks for the same candidates report after report,
        and rebuilding them was a fifth of the store's time. The copies share the other fields' values, which
        readers only read."""
        remembered = self._remembered_events
        if remembered is None or not isinstance(data, str):  # a driver that decodes JSON itself: no text to key on
            return _event_from_row(_json_value(data))
        found = remembered.get((event_id, data))
        if found is None:
            found = remembered[(event_id, data)] = _event_from_row(_json_value(data))
        return dataclasses.replace(found, mentions=[])

    def events_by_id(self, event_ids: Iterable[str]) -> dict[str, Event]:
        """The events stored under ``event_ids`` (an id that redirects, or names nothing, is left out), each with
        its reports in id order as ``get_event`` gives them: a few statements for all of them."""
        wanted = sorted(set(event_ids))
        found: dict[str, Event] = {}
        with self.engine.connect() as c:
            for chunk in _chunks(wanted):
                for row in c.execute(select(t.events.c.id, t.events.c.data).where(t.events.c.id.in_(chunk))):
                    found[row.id] = _event_from_row(row.data)
            self._attach_reports(c, found)
        return {event_id: found[event_id] for event_id in wanted if event_id in found}

    def attach_reports(self, events: Sequence[Event]) -> None:
        """Gives events read without their reports (``candidate_events(..., reports=False)``) their stored reports,
        in id order, as ``candidate_events`` gives them."""
        with self.engine.connect() as c:
            self._attach_reports(c, {e.id: e for e in events})

    def _attach_reports(self, c: Connection, events: dict[str, Event]) -> None:
        # Each event's reports come from one query, so they are appended in id order whatever the chunking.
        for chunk in _chunks(list(events)):
            ids = _padded(chunk)
            for row in c.execute(_reports_of_events_statement(len(ids)), _listed("event", ids)):
                events[row.event_id].mentions.append(self._mention(row.id, row.data))

    def has_extraction(self, document_id: int) -> bool:
        """Whether reports of this document are stored (written by an earlier extraction, finished or not)."""
        with self.engine.connect() as c:
            return c.scalar(select(t.mentions.c.id).where(t.mentions.c.document_id == document_id).limit(1)) is not None

    def event_of_mention(self, mention_id: str) -> str | None:
        with self.engine.connect() as c:
            event_id: str | None = c.scalar(_by_key(t.mentions.c.event_id, t.mentions.c.id), {"key": mention_id})
            return event_id

    def events_of_mentions(self, mention_ids: Sequence[str]) -> dict[str, str | None]:
        """Each stored report's event (None when it has none), in one query per few hundred reports."""
        found: dict[str, str | None] = {}
        with self.engine.connect() as c:
            for chunk in _chunks(sorted(set(mention_ids))):
                query = select(t.mentions.c.id, t.mentions.c.event_id).where(t.mentions.c.id.in_(chunk))
                found.update({row.id: row.event_id for row in c.execute(query)})
        return found

    def retire_event(self, event_id: str, into: str) -> None:
        """A merged-away event: its id now redirects to the event that absorbed it."""
        self.delete_event(event_id, redirect_to=into, reason="merged")

    def save_event(self, event: Event, first_document: str | None = None) -> None:
        """Writes an event's derived fields and points its mentions at it.

        The first reporting document is the earliest published of the event's
        documents, unless ``first_document`` names it.
        """
        row = _event_row(event)
        with self.engine.begin() as c:
            names = [first_document] if first_document else [m.doc for m in event.mentions]
            row["first_document_id"] = _first_reporting_document(c, names)
            if c.scalar(_by_key(t.events.c.id, t.events.c.id), {"key": event.id}):
                c.execute(_update_event_statement(), {**row, "event_key": event.id})
            else:
                c.execute(insert(t.events), {"id": event.id, **row})
            for chunk in _chunks([m.id for m in event.mentions]):
                ids = _padded(chunk)
                c.execute(_point_reports_statement(len(ids)), {"event_key": event.id, **_listed("report", ids)})
            _mark_pending(c, [event.id])
            c.execute(_delete_event_contradictions_statement(), {"event_key": event.id})
            for item in event.contradictions:
                c.execute(
                    insert(t.contradictions).values(
                        kind=item.kind,
                        subject=item.subject or event.event_type,
                        description=item.description,
                        a=item.a,
                        b=item.b,
                        event_id=event.id,
                    )
                )

    def delete_event(self, event_id: str, redirect_to: str | None, reason: str) -> None:
        with self.engine.begin() as c:
            c.execute(update(t.mentions).where(t.mentions.c.event_id == event_id).values(event_id=None))
            c.execute(delete(t.contradictions).where(t.contradictions.c.event_id == event_id))
            c.execute(delete(t.events).where(t.events.c.id == event_id))
            _mark_pending(c, [event_id])
            if redirect_to:
                c.execute(delete(t.event_redirects).where(t.event_redirects.c.old_id == event_id))
                c.execute(
                    insert(t.event_redirects).values(
                        old_id=event_id, new_id=redirect_to, reason=reason, at=dt.datetime.now(dt.UTC)
                    )
                )

    def event_memberships(self, event_ids: Iterable[str] | None = None) -> dict[str, list[str]]:
        """Each event's mention ids, of every event or of ``event_ids`` (to find where an event's reports went
        after re-resolving)."""
        cols = t.mentions.c
        found: dict[str, list[str]] = {}
        with self.engine.connect() as c:
            if event_ids is None:
                queries = [select(cols.event_id, cols.id).where(cols.event_id.is_not(None))]
            else:
                chunks = _chunks(sorted(set(event_ids)))
                queries = [select(cols.event_id, cols.id).where(cols.event_id.in_(chunk)) for chunk in chunks]
            for query in queries:
                for event_id, mention_id in c.execute(query):
                    found.setdefault(event_id, []).append(mention_id)
        return found

    def add_redirect(self, old_id: str, new_id: str, reason: str) -> None:
        """An id that is gone leads to the event that now holds its reports (a live event is never redirected)."""
        if old_id == new_id:
            return
        with self.engine.begin() as c:
            if c.scalar(select(t.events.c.id).where(t.events.c.id == old_id)):
                return
            c.execute(delete(t.event_redirects).where(t.event_redirects.c.old_id == old_id))
            row = {"old_id": old_id, "new_id": new_id, "reason": reason, "at": dt.datetime.now(dt.UTC)}
            c.execute(insert(t.event_redirects).values(**row))

    def clear_events(self) -> None:
        """Forgets every event (mentions stay), before resolving the whole store again."""
        with self.engine.begin() as c:
            c.execute(update(t.mentions).values(event_id=None))
            c.execute(delete(t.contradictions).where(t.contradictions.c.event_id.is_not(None)))
            # Denials set against a report belong to its event: they are worked out again as events form anew.
            c.execute(delete(t.contradictions).where(t.contradictions.c.claim_group.startswith("event:")))
            c.execute(delete(t.contradiction_pending))
            c.execute(delete(t.events))

    def resolve_event_id(self, event_id: str) -> str | None:
        """Follows merge redirects, so a bookmarked id still leads somewhere."""
        with self.engine.connect() as c:
            seen: set[str] = set()
            current = event_id
            while current not in seen:
                seen.add(current)
                if c.scalar(_by_key(t.events.c.id, t.events.c.id), {"key": current}):
                    return current
                target = c.scalar(_by_key(t.event_redirects.c.new_id, t.event_redirects.c.old_id), {"key": current})
                if target is None:
                    return None
                current = target
            return None

    def get_event(self, event_id: str) -> Event | None:
        resolved = self.resolve_event_id(event_id)
        if resolved is None:
            return None
        with self.engine.connect() as c:
            data = c.scalar(_by_key(t.events.c.data, t.events.c.id), {"key": resolved})
        event_ = _event_from_row(data)
        event_.mentions = self.mentions_for_event(resolved)
        return event_

    def events(self, filters: EventFilter = EventFilter()) -> list[EventSummary]:
        # Only the summary's own columns: the full event (its JSON) is many times their size.
        columns = [t.events.c[name] for name in _SUMMARY_COLUMNS]
        query = _ordered_page(_filtered_events(select(*columns), filters), filters)
        with self.engine.connect() as c:
            return [_summary(row._mapping) for row in c.execute(query)]

    def count_events(self, filters: EventFilter = EventFilter()) -> int:
        query = _filtered_events(select(func.count()).select_from(t.events), filters)
        with self.engine.connect() as c:
            return int(c.scalar(query) or 0)

    def full_events(self, filters: EventFilter = EventFilter()) -> Iterator[Event]:
        """Every matching event with its mentions, in the order of :meth:`events`, read in batches."""
        for batch in self.full_event_batches(filters):
            for found, _first_document in batch:
                yield found

    def full_event_batches(
        self, filters: EventFilter = EventFilter(), batch_size: int = 500
    ) -> Iterator[list[tuple[Event, str | None]]]:
        """Matching events with their mentions and their first reporting document's name, ``batch_size`` at a time.

        One streamed query reads the events (in the order of :meth:`events`) and one more per batch reads
        their mentions, so a large export costs a few queries per batch rather than several per event, and
        holds one batch in memory, not the store.
        """
        cols = t.events.c
        first = t.documents.alias("first_document")
        query = select(cols.id, cols.data, first.c.name.label("first_document")).select_from(
            t.events.outerjoin(first, first.c.id == cols.first_document_id)
        )
        query = _ordered_page(_filtered_events(query, filters), filters)
        with self.engine.connect() as c:
            result = c.execution_options(yield_per=batch_size).execute(query)
            for rows in result.partitions():
                found = {row.id: (_event_from_row(row.data), row.first_document) for row in rows}
                mentions = c.execute(
                    select(t.mentions.c.event_id, t.mentions.c.data)
                    .where(t.mentions.c.event_id.in_(list(found)))
                    .order_by(t.mentions.c.id)
                )
                for row in mentions:
                    found[row.event_id][0].mentions.append(from_dict(Mention, row.data))
                yield list(found.values())

    def event_first_document(self) -> dict[str, str]:
        with self.engine.connect() as c:
            rows = c.execute(
                select(t.events.c.id, t.documents.c.name).join(
                    t.documents, t.documents.c.id == t.events.c.first_document_id
                )
            )
            return {row.id: row.name for row in rows}

    def contradictions(self) -> list[RowMapping]:
        """Every contradiction, in the order of its own content (``_LISTING_ORDER``)."""
        return self.contradictions_page()[1]

    def contradictions_page(self, limit: int | None = None, offset: int = 0) -> tuple[int, list[RowMapping]]:
        """One page of contradictions (all with no ``limit``), with how many there are. Listed by what an entry
        is about, not by when it was written: an event's entries by event, then the claims' by topic, each by its
        sides. Row ids follow the order the claim refresh ran in (after each partition of a ``--workers`` run, once
        at the end of one process), which must not change the listing."""
        query = select(t.contradictions).order_by(*_LISTING_ORDER).limit(limit).offset(offset)
        with self.engine.connect() as c:
            total = c.execute(select(func.count()).select_from(t.contradictions)).scalar_one()
            return int(total), list(c.execute(query).mappings())

    def outlets_by_document(self, names: Iterable[str] | None = None) -> dict[str, str]:
        """Document name -> outlet of its latest version, for every document or only the ``names`` given."""
        query = select(t.documents.c.name, t.documents.c.outlet).where(_is_latest_version())
        with self.engine.connect() as c:
            if names is None:
                return {row.name: row.outlet or "unknown outlet" for row in c.execute(query)}
            wanted, outlets = sorted(set(names)), {}
            for chunk in _chunks(wanted):
                for row in c.execute(query.where(t.documents.c.name.in_(chunk))):
                    outlets[row.name] = row.outlet or "unknown outlet"
            return outlets

    @contextlib.contextmanager
    def resolution_lock(self) -> Iterator[None]:
        """Held while reports are matched to stored events and written, so that several processes ingesting into
        one store never both create an event for one incident: matching reads the candidates and writes the
        result in separate transactions, and a second writer must see the first one's events before it matches.
        Parsing and extraction, the bulk of the work, stay parallel.

        PostgreSQL: a session advisory lock on a connection of its own. SQLite: an exclusive lock on a file
        beside the database (SQLite serialises single writes, not this read-then-write sequence): SQLite is a
        single-writer store by design (one file, one writer; a second writer waits here; use PostgreSQL for
        several). An in-memory store is one process's own and needs none.
        """
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as c:
                c.execute(text("SELECT pg_advisory_lock(:key)"), {"key": RESOLUTION_LOCK_KEY})
                c.commit()
                try:
                    yield
                finally:
                    c.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": RESOLUTION_LOCK_KEY})
                    c.commit()
            return
        database = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
            yield
            return
        with open(f"{database}.lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def claim_document(self, document_id: int) -> bool:
        """Whether this writer may extract the document: no other live writer is extracting it. Two drivers given
        the same text (overlapping inputs) then extract it once; the one that cannot claim it counts it a
        duplicate. The claim lasts until ``release_documents`` (after the document is resolved) or until the
        process ends, so a writer that stopped leaves its documents to be finished by the next.

        PostgreSQL: a session advisory lock per document, on a connection this store keeps. SQLite has one
        writer (``resolution_lock``): always True."""
        if self.engine.dialect.name != "postgresql":
            return True
        with self._claims_guard:
            if document_id in self._claimed:
                return True
            if self._claims_connection is None:
                self._claims_connection = self.engine.connect()
            key = document_lock_key(document_id)
            got = bool(self._claims_connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}))
            self._claims_connection.commit()
            if got:
                self._claimed.add(document_id)
            return got

    def release_documents(self, keep: Iterable[int] = ()) -> None:
        """Lets go of every document this writer claimed (``claim_document``), but those in ``keep`` (stored and
        not yet extracted)."""
        with self._claims_guard:
            if self._claims_connection is None or not self._claimed:
                return
            kept = self._claimed & set(keep)
            for document_id in sorted(self._claimed - kept):
                key = document_lock_key(document_id)
                self._claims_connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
            self._claims_connection.commit()
            self._claimed = kept

    def revision(self) -> str | None:
        """A token that changes whenever a write is committed to the store, by any connection of any process,
        so readers can keep what they computed until it changes. None where the backend offers no such token
        (an in-memory SQLite store).

        SQLite: ``PRAGMA data_version`` on a connection that never writes changes with every commit of every
        other connection. PostgreSQL: the current snapshot (``xmin:xmax:in-progress``) changes whenever a
        write transaction starts or ends anywhere on the server, more often than needed but never too seldom.
        """
        if self.engine.dialect.name == "postgresql":
            with self.engine.connect() as c:
                return str(c.scalar(text("SELECT pg_current_snapshot()::text")))
        database = self.engine.url.database
        if self.engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
            return None
        with self._revision_lock:
            if self._revision_connection is None:
                self._revision_connection = sqlite3.connect(str(database), check_same_thread=False)
            return str(self._revision_connection.execute("PRAGMA data_version").fetchone()[0])

    def stats(self) -> dict[str, int]:
        with self.engine.connect() as c:
            return {
                name: int(c.scalar(select(func.count()).select_from(table)) or 0)
                for name, table in [
                    ("documents", t.documents),
                    ("mentions", t.mentions),
                    ("events", t.events),
                    ("claims", t.claims),
                    ("contradictions", t.contradictions),
                ]
            }


# --- row <-> object ------------------------------------------------------------


def _migrate_once(engine: Engine) -> None:
    """Applies pending migrations; safe when several processes open a new database at once."""
    for attempt in range(MIGRATION_ATTEMPTS):
        try:
            with engine.begin() as connection:
                if engine.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
                migrate(connection)
            return
        except DBAPIError:
            with engine.connect() as connection:
                if LATEST_VERSION in applied_versions(connection):
                    return  # another process created the schema while this one tried
            if attempt == MIGRATION_ATTEMPTS - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _is_latest_version() -> Any:
    newer = t.documents.alias("newer")
    return ~exists().where(and_(newer.c.name == t.documents.c.name, newer.c.version > t.documents.c.version))


def _body_text(document: Document) -> str:
    """The report without headline and furniture: republished copies often change exactly those."""
    body = [document.paragraph_text(p) for p in document.paragraphs if p.kind in ("body", "standfirst")]
    return "\n".join(body) if body else document.text


def _first_reporting_document(c: Connection, names: list[str]) -> int | None:
    """The first in canonical order (:func:`canonical_key`: earliest published, then by content hash, not by the
    order they were stored in) of the reporting documents' latest versions."""
    if not names:
        return None
    distinct = _padded(list(dict.fromkeys(names)))  # an IN list means the same with each name once
    if len(distinct) > _IN_CHUNK:
        first: int | None = c.scalar(_first_reporting_statement(None), {"names": names})
    else:
        first = c.scalar(_first_reporting_statement(len(distinct)), _listed("name", distinct))
    return first


@functools.cache
def _topic_groups_statement() -> Any:
    """A topic key's (topic, group) pairs, each with its first and last document, by a skip scan of
    ``ix_claims_key_groups``: each pair is found from the one before it (the next group of its topic, else the first
    group of the next topic: each an index seek), and its documents' bounds are the ends of its index range. A
    country-wide toll's group of thousands of claims is then a few index steps, where grouping the key's index range
    read every claim of it. The same rows as ``GROUP BY topic, claim_group`` over the key's grouped claims."""
    cols = t.claims.c
    key: Any = bindparam("key")

    def first_of(column: Any, *conditions: Any) -> Any:
        query = select(column).where(cols.topic_key == key, cols.claim_group.is_not(None), *conditions)
        return query.order_by(cols.topic, cols.claim_group).limit(1).scalar_subquery()

    def after(column: Any, topic: Any, group: Any) -> Any:
        same_topic = first_of(column, cols.topic == topic, cols.claim_group > group)
        return func.coalesce(same_topic, first_of(column, cols.topic > topic))

    pairs = select(first_of(cols.topic).label("topic"), first_of(cols.claim_group).label("grp")).cte(
        "pairs", recursive=True
    )
    previous = pairs.alias("previous")
    step = select(
        after(cols.topic, previous.c.topic, previous.c.grp), after(cols.claim_group, previous.c.topic, previous.c.grp)
    )
    pairs = pairs.union_all(step.where(previous.c.topic.is_not(None)))

    def end_document(order: Any) -> Any:
        query = select(cols.document_id).where(
            cols.topic_key == key, cols.topic == pairs.c.topic, cols.claim_group == pairs.c.grp
        )
        return query.order_by(order).limit(1).scalar_subquery()

    return select(
        pairs.c.topic,
        pairs.c.grp.label("claim_group"),
        end_document(cols.document_id).label("first"),
        end_document(cols.document_id.desc()).label("last"),
    ).where(pairs.c.topic.is_not(None))


@functools.cache
def _first_reporting_statement(count: int | None) -> Any:
    """Built once per length of the name list (``name0``...; None: one expanding list, ``names``), so SQLAlchemy
    compiles it once: it runs for every event saved."""
    cols = t.documents.c
    named = cols.name.in_(bindparam("names", expanding=True)) if count is None else _in_listed(cols.name, "name", count)
    return (
        select(cols.id)
        .where(named, _is_latest_version())
        .order_by(cols.published.is_(None), cols.published, cols.content_hash)
        .limit(1)
    )


def simhash_band_pairs(fingerprint: int) -> list[tuple[int, int]]:
    """The keys a SimHash is found by: each pair of its 8-bit bands as (pair number, 16-bit value).

    Two texts within 6 differing bits share at least 2 of the 8 bands, that is one pair of them. Looking up
    the 28 pairs reads about 1/65,536 of the store per key, where looking up the 8 single bands (and keeping
    the documents that share two) reads 1/256 of it per band, which grows with the store."""
    bands = [fingerprint >> (8 * b) & 0xFF for b in range(_BANDS)]
    pairs = itertools.combinations(range(_BANDS), 2)
    return [(number, bands[i] << 8 | bands[j]) for number, (i, j) in enumerate(pairs)]


def _find_near_duplicate(c: Connection, fingerprint: int) -> tuple[int, str] | None:
    """The first stored document (by id) whose SimHash is within the near-duplicate distance of ``fingerprint``."""
    values = {f"value{number}": value for number, value in simhash_band_pairs(fingerprint)}
    for row in c.execute(_near_duplicate_statement(), values):
        if is_near_duplicate(fingerprint, int(row.simhash, 16)):
            return row.id, row.name
    return None


@functools.cache
def _near_duplicate_statement() -> Any:
    """The documents sharing a pair of SimHash bands with a text (values ``value0``...), first 200 by id: built
    once, so SQLAlchemy compiles it once (it runs for every document stored)."""
    bands = t.document_bands
    pairs = len(simhash_band_pairs(0))
    match = or_(*[and_(bands.c.band == b, bands.c.value == bindparam(f"value{b}")) for b in range(pairs)])
    sharing = select(bands.c.document_id).where(match).distinct().subquery()
    return (
        select(t.documents.c.id, t.documents.c.name, t.documents.c.simhash)
        .join(sharing, sharing.c.document_id == t.documents.c.id)
        .order_by(t.documents.c.id)
        .limit(200)
    )


def _stored_document(c: Connection, row: RowMapping) -> StoredDocument:
    near = None
    if row["near_duplicate_of"]:
        near = c.scalar(select(t.documents.c.name).where(t.documents.c.id == row["near_duplicate_of"]))
    document = Document(
        name=row["name"],
        content_hash=row["content_hash"],
        text=row["text"],
        outlet=row["outlet"],
        url=row["url"],
        title=row["title"],
        published=row["published"],
        language=row["language"],
        paragraphs=[from_dict(Paragraph, p) for p in row["paragraphs"]],
        origin=row["origin"],
    )
    return StoredDocument(row["id"], row["version"], document, near, row["ingested_at"])


def _chunks(values: Sequence[_T]) -> Iterator[list[_T]]:
    """``values`` in runs of at most ``_IN_CHUNK``: the most one statement's IN list holds."""
    for start in range(0, len(values), _IN_CHUNK):
        yield list(values[start : start + _IN_CHUNK])


def _documents_of_claims(c: Connection, claim_ids: list[str]) -> list[int]:
    cols = t.claims.c
    found: set[int] = set()
    for chunk in _chunks(claim_ids):
        found.update(c.scalars(select(cols.document_id).where(cols.id.in_(chunk))))
    return sorted(found)


def mark_compared_in_group(c: Connection, document_ids: Iterable[int]) -> None:
    """Marks each claim of ``document_ids`` that may be in a compared pair of its group (``compared_in_group``): one
    compared across documents, or one whose document holds another claim of its group. The mark depends on the
    claim's own document alone, so it is worked out again for the documents whose claims changed group."""
    cols = t.claims.c
    for chunk in _chunks(sorted(set(document_ids))):
        rows = c.execute(
            select(cols.id, cols.document_id, cols.claim_group, cols.compared_across).where(cols.document_id.in_(chunk))
        ).all()
        together = Counter((row.document_id, row.claim_group) for row in rows if row.claim_group is not None)
        marks = {
            row.id: row.compared_across is not False or together[(row.document_id, row.claim_group)] > 1 for row in rows
        }
        for mark in (True, False):
            ids = sorted(claim_id for claim_id, marked in marks.items() if marked is mark)
            for part in _chunks(ids):
                c.execute(update(t.claims).where(cols.id.in_(part)).values(compared_in_group=mark))


def _forget_claim_comparisons(c: Connection, document_id: int) -> None:
    """Before a document's claims change: the groups they were compared in lose their contradictions and are
    compared again (their claims become ungrouped), and the events its denials concern are pending."""
    cols = t.claims.c
    groups = sorted(
        set(c.scalars(select(cols.claim_group).where(cols.document_id == document_id, cols.claim_group.is_not(None))))
    )
    for chunk in _chunks(groups):
        c.execute(delete(t.contradictions).where(t.contradictions.c.claim_group.in_(chunk)))
        c.execute(update(t.claims).where(cols.claim_group.in_(chunk)).values(claim_group=None))
    concerned = c.scalars(select(cols.concerns).where(cols.document_id == document_id, cols.concerns.is_not(None)))
    _mark_denied_events(c, list(concerned))
    ours = select(cols.id).where(cols.document_id == document_id)
    c.execute(delete(t.claim_terms).where(t.claim_terms.c.claim_id.in_(ours)))
    c.execute(delete(t.claim_term_pairs).where(t.claim_term_pairs.c.claim_id.in_(ours)))


def _mark_denied_events(c: Connection, mention_ids: Sequence[str | None]) -> None:
    """The events of reports a denial concerns are pending (their denial contradictions change)."""
    ids = sorted({m for m in mention_ids if m})
    for chunk in _chunks(ids):
        query = select(t.mentions.c.event_id).where(t.mentions.c.id.in_(chunk), t.mentions.c.event_id.is_not(None))
        _mark_pending(c, list(c.scalars(query)))


def _mark_pending(c: Connection, event_ids: Sequence[str]) -> None:
    """Events whose denial contradictions are to be worked out again; one already pending stays so (another
    writer may have marked it meanwhile)."""
    wanted = [{"event_id": e} for e in sorted(set(event_ids))]
    if not wanted:
        return
    c.execute(_mark_pending_statement(c.dialect.name), wanted)


@functools.cache
def _mark_pending_statement(dialect: str) -> Any:
    dialect_insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    return dialect_insert(t.contradiction_pending).on_conflict_do_nothing()


def claim_index_values(claim: Claim) -> tuple[str | None, list[str]]:
    """The topic key and the subject words a claim is found by (resolve.claims.topic_key, subject_terms)."""
    from sitrep.resolve.claims import subject_terms, topic_key
    from sitrep.resolve.config import load_config

    return (topic_key(claim.topic) if claim.topic else None), sorted(subject_terms(claim, load_config()))


def claim_compared_across(claim: Claim) -> bool:
    """The claim may be set against other documents' claims of its group (resolve.claims.comparable_with_others)."""
    from sitrep.resolve.claims import comparable_with_others
    from sitrep.resolve.config import load_config

    return comparable_with_others(claim, load_config())


def _insert_claims(c: Connection, document_id: int, claims: Sequence[Claim]) -> None:
    """A document's claims with their subject words and pairs of words, three statements for all of them (not
    three for each claim: a document holds a few dozen)."""
    if not claims:
        return
    c.execute(insert(t.claims), [_claim_row(document_id, claim) for claim in claims])
    terms = [row for claim in claims for row in _claim_term_rows(claim)]
    if terms:
        c.execute(insert(t.claim_terms), terms)
    pairs = [row for claim in claims for row in _claim_pairs_of(claim)]
    if pairs:
        c.execute(insert(t.claim_term_pairs), pairs)


def _claim_term_rows(claim: Claim) -> list[dict[str, Any]]:
    """A claim's subject words as rows of ``claim_terms``."""
    key, terms = claim_index_values(claim)
    size = len(terms)
    return [{"claim_id": claim.id, "term": term, "topical": key is not None, "size": size} for term in terms]


def claim_pair_rows(claim_id: str, terms: Sequence[str], topical: bool) -> list[dict[str, Any]]:
    """A claim's pairs of subject words as rows of ``claim_term_pairs``."""
    from sitrep.resolve.claims import word_pairs

    size = len(terms)
    return [{"claim_id": claim_id, "pair": pair, "topical": topical, "size": size} for pair in word_pairs(terms)]


def _claim_pairs_of(claim: Claim) -> list[dict[str, Any]]:
    key, terms = claim_index_values(claim)
    return claim_pair_rows(claim.id, terms, key is not None)


def _reaching_words(word_sets: Iterable[Sequence[str]], untopical: bool) -> list[Any]:
    """Selections of the ids of claims whose subject words may reach the similarity threshold with one of
    ``word_sets`` (resolve.claims.same_quantity; only those without a topic if ``untopical``): those sharing a
    pair of its words, of a size that may reach it (``size_reach``), and those sharing one word, among claims
    short enough for one to do (``one_word_reach``). Exact: every claim that reaches it is among them."""
    from sitrep.resolve.claims import one_word_reach, size_reach, word_pairs
    from sitrep.resolve.config import load_config

    threshold = load_config().claim_similarity_threshold
    singles: dict[int, set[str]] = {}  # the most words a claim may have -> the words it is looked up by
    pairs: dict[tuple[int, int], set[str]] = {}  # the fewest and most words -> the pairs
    for words in word_sets:
        distinct = sorted(set(words))
        if not distinct:
            continue
        if (most := one_word_reach(len(distinct), threshold)) > 0:
            singles.setdefault(most, set()).update(distinct)
        if len(distinct) > 1:
            pairs.setdefault(size_reach(len(distinct), threshold), set()).update(word_pairs(distinct))
    terms, term_pairs = t.claim_terms.c, t.claim_term_pairs.c
    # Both values named when either will do, so that the index's third column (the size) bounds the range read.
    topical = [False] if untopical else [False, True]
    selections: list[Any] = []
    for most, wanted in sorted(singles.items()):
        for chunk in _chunks(sorted(wanted)):
            selections.append(
                select(terms.claim_id).where(terms.term.in_(chunk), terms.topical.in_(topical), terms.size <= most)
            )
    for (low, high), wanted in sorted(pairs.items()):
        for chunk in _chunks(sorted(wanted)):
            selections.append(
                select(term_pairs.claim_id).where(
                    term_pairs.pair.in_(chunk), term_pairs.topical.in_(topical), term_pairs.size.between(low, high)
                )
            )
    return selections


def _claim_row(document_id: int, claim: Claim) -> dict[str, Any]:
    """A claim as a row of ``claims``, not yet compared (no group)."""
    q = claim.quantity
    return {
        "id": claim.id,
        "document_id": document_id,
        "topic": claim.topic or claim.subject,
        "subject": claim.subject,
        "scope": claim.scope,
        "modality": claim.modality,
        "low": q.low if q else None,
        "best": q.best if q else None,
        "high": q.high if q else None,
        "data": to_dict(claim),
        "topic_key": claim_index_values(claim)[0],
        "concerns": claim.concerns,
        "claim_group": None,
        "compared_across": claim_compared_across(claim),
    }


def _insert_mentions(c: Connection, document_id: int, mentions: Sequence[Mention]) -> None:
    """A document's reports with their places and sources, a few statements for all of them (not a few for each
    report): the places and sources not stored yet are added, in the order the reports name them."""
    if not mentions:
        return
    c.execute(insert(t.mentions), [_mention_row(document_id, m) for m in mentions])
    places = {pm.place.gazetteer_id: pm.place for m in mentions for pm in m.places if pm.place is not None}
    stored: set[str] = set()
    for chunk in _chunks(list(places)):
        stored.update(c.scalars(select(t.places.c.id).where(t.places.c.id.in_(chunk))))
    new_places = [_place_row(place) for gazetteer_id, place in places.items() if gazetteer_id not in stored]
    if new_places:
        dialect_insert = postgresql_insert if c.dialect.name == "postgresql" else sqlite_insert
        c.execute(dialect_insert(t.places).on_conflict_do_nothing(), new_places)  # another writer may add one too
    mention_places = [
        {
            "mention_id": m.id,
            "position": position,
            "place_id": pm.place.gazetteer_id if pm.place else None,
            "text": pm.text,
            "start": pm.span.start,
            "end": pm.span.end,
        }
        for m in mentions
        for position, pm in enumerate(m.places)
    ]
    if mention_places:
        c.execute(insert(t.mention_places), mention_places)
    source_ids = _source_ids(c, [(s.name, s.kind) for m in mentions for s in m.chain.sources])
    mention_sources = [
        {"mention_id": m.id, "position": position, "source_id": source_ids[(source.name, source.kind)]}
        for m in mentions
        for position, source in enumerate(m.chain.sources)
    ]
    if mention_sources:
        c.execute(insert(t.mention_sources), mention_sources)


def _mention_row(document_id: int, mention: Mention) -> dict[str, Any]:
    actor1, actor2 = mention.actor("actor1"), mention.actor("actor2")
    return {
        "id": mention.id,
        "document_id": document_id,
        "event_type": mention.event_type,
        "sub_event_type": mention.sub_event_type,
        "plover": mention.plover,
        "date_start": mention.date.start if mention.date else None,
        "date_end": mention.date.end if mention.date else None,
        "modality": mention.modality,
        "actor1": actor1.name if actor1 else None,
        "actor2": actor2.name if actor2 else None,
        "sentence_start": mention.sentence.start,
        "sentence_end": mention.sentence.end,
        "data": to_dict(mention),
    }


def _place_row(place: Place) -> dict[str, Any]:
    return {
        "id": place.gazetteer_id,
        "name": place.name,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "lat": place.lat,
        "lon": place.lon,
        "precision": place.precision,
    }


def _source_ids(c: Connection, named: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The id of each (name, kind) source, those not stored yet added in the order given (another writer may be
    adding the same one: then its row is the one found)."""
    wanted = list(dict.fromkeys(named))
    found = _stored_source_ids(c, wanted)
    missing = [source for source in wanted if source not in found]
    if missing:
        dialect_insert = postgresql_insert if c.dialect.name == "postgresql" else sqlite_insert
        for name, kind in missing:
            c.execute(dialect_insert(t.sources).values(name=name, kind=kind).on_conflict_do_nothing())
        found.update(_stored_source_ids(c, missing))
    return found


def _stored_source_ids(c: Connection, wanted: list[tuple[str, str]]) -> dict[tuple[str, str], int]:
    cols = t.sources.c
    found: dict[tuple[str, str], int] = {}
    for start in range(0, len(wanted), _IN_CHUNK // 2):
        chunk = wanted[start : start + _IN_CHUNK // 2]
        query = select(cols.id, cols.name, cols.kind).where(
            or_(*[and_(cols.name == n, cols.kind == k) for n, k in chunk])
        )
        found.update({(row.name, row.kind): row.id for row in c.execute(query)})
    return found


def grid_cell(lat: float, lon: float) -> int:
    """The grid cell (``CELL_DEGREES`` a side) a point lies in, as one integer."""
    return math.floor(lat / CELL_DEGREES) * 1000 + math.floor(lon / CELL_DEGREES)


def place_cell(lat: float | None, lon: float | None, precision: str | None) -> int:
    """The cell an event is filed under: its place's, or COARSE_CELL when it is country-wide or has none."""
    if lat is None or lon is None or precision in _COARSE_PRECISIONS:
        return COARSE_CELL
    return grid_cell(lat, lon)


def country_cell(country: str | None) -> int | None:
    """The cell of a country-wide event in ``country`` (a two-letter code), None for an unknown country."""
    code = (country or "").upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return None
    return COUNTRY_CELLS + (ord(code[0]) - ord("A")) * 26 + ord(code[1]) - ord("A")


def event_place_cell(event_: Event) -> int:
    """The cell an event is filed under: its first place's grid cell; if that is coarse (or there is none), the
    cell of the one country all its places lie in, else COARSE_CELL (offered to every mention)."""
    first = event_.places[0] if event_.places else None
    cell = place_cell(first.lat, first.lon, first.precision) if first else COARSE_CELL
    if cell != COARSE_CELL:
        return cell
    countries = {country_cell(p.country) for p in event_.places}
    only = countries.pop() if len(countries) == 1 else None
    return only if only is not None else COARSE_CELL


def date_span_class(start: dt.date | None, end: dt.date | None) -> int:
    """The class of a date's length: the first of SPAN_CLASS_DAYS it fits in, LONG_SPAN, or UNDATED."""
    if start is None or end is None:
        return UNDATED
    days = (end - start).days
    return next((i for i, most in enumerate(SPAN_CLASS_DAYS) if days <= most), LONG_SPAN)


def candidate_query(mention: Mention, types: list[str], window_days: int) -> Any:
    """Events of ``types`` in the mention's date window (or undated) and near one of its places (or coarse),
    newest first, at most _MAX_CANDIDATES: a UNION ALL of branches each read off one index range, because
    no index serves one OR of them. Holds what the one filter (type, dates overlap or undated, near or
    coarse) held; the index columns only narrow the rows read. The statement with its values bound (to show
    or explain it); ``candidate_statement`` gives the statement and its values apart."""
    statement, values = candidate_statement(mention, types, window_days)
    return statement.params(**values)


def candidate_statement(mention: Mention, types: list[str], window_days: int) -> tuple[Any, dict[str, Any]]:
    """The candidate query as a statement of one shape (how many places, dated or not, which coarse events) and
    the values for this mention: a statement is built once per shape, so SQLAlchemy compiles it once."""
    places = [pm.place for pm in mention.places if pm.place is not None]
    values: dict[str, Any] = _listed("types", types)
    coarse: Any = None
    cells: list[int] = []
    if places:
        for i, p in enumerate(places):
            values |= {
                f"lat_low{i}": p.lat - _NEAR_DEGREES,
                f"lat_high{i}": p.lat + _NEAR_DEGREES,
                f"lon_low{i}": p.lon - _NEAR_DEGREES,
                f"lon_high{i}": p.lon + _NEAR_DEGREES,
            }
        cells = sorted({cell for p in places for cell in _cells_near(p.lat, p.lon)})
        values |= _listed("cells", cells)
        coarse = coarse_cells(mention_places(mention))
        if coarse is not None:
            values |= _listed("coarse_cells", coarse)
    if mention.date:
        low = mention.date.start - dt.timedelta(days=window_days)
        high = mention.date.end + dt.timedelta(days=window_days)
        values |= {"low": low, "high": high}
        values |= {f"start_low{span}": low - dt.timedelta(days=most) for span, most in enumerate(SPAN_CLASS_DAYS)}
    shape = _candidate_shape(
        len(places), mention.date is not None, coarse is None, len(types), len(cells), len(coarse or [])
    )
    return shape, values


def _listed(name: str, items: Sequence[Any]) -> dict[str, Any]:
    """The values of a list bound one by one (``name0``, ``name1``...), as ``_in_listed`` names them."""
    return {f"{name}{i}": item for i, item in enumerate(items)}


def _in_listed(column: Any, name: str, count: int) -> Any:
    """``column IN (...)`` of ``count`` values bound one by one: a statement whose lists have fixed lengths is
    compiled once, where an expanding list is rewritten into the SQL text on every execution (that rewriting was
    a fifth of the candidate query's cost)."""
    return column.in_([bindparam(f"{name}{i}", type_=column.type) for i in range(count)])


@functools.cache
def _by_key(column: Any, key: Any) -> Any:
    """``SELECT column WHERE key = :key``, built once: the store's hottest reads are of one row by its key, and
    building the statement again for each cost more than running it."""
    return select(column).where(key == bindparam("key"))


@functools.cache
def _reports_of_event_statement() -> Any:
    """An event's reports (the event bound as ``key``), in id order."""
    cols = t.mentions.c
    return select(cols.id, _MENTION_JSON).where(cols.event_id == bindparam("key")).order_by(cols.id)


@functools.cache
def _update_event_statement() -> Any:
    """An event's row updated from the values given (``_event_row``'s columns), the event bound as ``event_key``."""
    return update(t.events).where(t.events.c.id == bindparam("event_key"))


@functools.cache
def _point_reports_statement(count: int) -> Any:
    """``count`` reports (bound as ``report0``...) pointed at the event bound as ``event_key``."""
    cols = t.mentions.c
    return (
        update(t.mentions)
        .where(_in_listed(cols.id, "report", count))
        .values(event_id=bindparam("event_key", type_=cols.event_id.type))
    )


@functools.cache
def _delete_event_contradictions_statement() -> Any:
    return delete(t.contradictions).where(t.contradictions.c.event_id == bindparam("event_key"))


def _padded(items: list[Any]) -> list[Any]:
    """``items`` made up to a power of two by repeating the last (an IN list means the same with a value twice), so
    that the statements of lists of any length are few, each compiled once."""
    return items + items[-1:] * ((1 << (len(items) - 1).bit_length()) - len(items))


@functools.cache
def _reports_of_events_statement(count: int) -> Any:
    """The reports of ``count`` events (bound as ``event0``...), in id order."""
    cols = t.mentions.c
    listed = _in_listed(cols.event_id, "event", count)
    return select(cols.event_id, cols.id, _MENTION_JSON).where(listed).order_by(cols.id)


def _candidate_statement_of(mention: Mention, window_days: int) -> tuple[Any, dict[str, Any]]:
    from sitrep.resolve.config import load_config
    from sitrep.resolve.store import compatible_types

    return candidate_statement(mention, sorted(compatible_types(mention.event_type, load_config())), window_days)


def coarse_cells(places: Sequence[Place]) -> list[int] | None:
    """The cells of the coarse events that may match a mention located at ``places``
    (resolve.similarity.mention_places): those of no single known country and the country-wide events of the
    places' countries; None for every coarse event (a place of no known country)."""
    cells = {country_cell(p.country) for p in places}
    if not places or None in cells:
        return None
    return [COARSE_CELL, *sorted(c for c in cells if c is not None)]


# The events table as the branches for a report placed in no known country read it: off the coarse events' own
# index (schema.py), which the statement names.
_COARSE_EVENTS = IndexedTable(t.events, "ix_events_coarse")


@functools.cache
def _candidate_shape(places: int, dated: bool, every_coarse: bool, types: int, cells: int, coarse: int) -> Any:
    cols = t.events.c
    where_places: list[tuple[Any, Any]] = [(cols, None)]  # no place: every cell
    if places:
        box = [
            and_(
                cols.lat.between(bindparam(f"lat_low{i}"), bindparam(f"lat_high{i}")),
                cols.lon.between(bindparam(f"lon_low{i}"), bindparam(f"lon_high{i}")),
            )
            for i in range(places)
        ]
        # Every coarse event: the bound as a literal, which the partial index's own condition must be seen to hold.
        every = _COARSE_EVENTS.c
        coarse_near = (
            (every, every.place_cell >= literal_column(str(COARSE_CELL)))
            if every_coarse
            else (cols, _in_listed(cols.place_cell, "coarse_cells", coarse))
        )
        where_places = [coarse_near, (cols, and_(_in_listed(cols.place_cell, "cells", cells), or_(*box)))]
    branches = [
        select(read.id, read.data, read.date_start).where(
            _in_listed(read.event_type, "types", types),
            *(condition for condition in (near, when) if condition is not None),
        )
        for read, near in where_places
        for when in _date_conditions(read, dated)
    ]
    # Materialised, so that each branch is read off its own index range before the candidates are ordered. Flattened
    # into the ordered, limited outer query, SQLite read every branch in date order instead, off the index of type
    # and date, which for the long and undated branches is every event of the type before the window's end: at 100k
    # stored documents 6.6x the work of these ranges for the same rows (benchmarks/README.md, session 17).
    both = (union_all(*branches) if len(branches) > 1 else branches[0]).cte("candidates").prefix_with("MATERIALIZED")
    return (
        # The JSON as text: Store._event decodes it only for an event it has not rebuilt from the same text.
        select(both.c.id, type_coerce(both.c.data, Text).label("data"), both.c.date_start)
        .order_by(both.c.date_start.desc(), both.c.id)
        .limit(_MAX_CANDIDATES)
    )


def _date_conditions(cols: Any, dated: bool) -> list[Any]:
    """The candidate query's conditions on date, one per branch: each class of date length whose events may
    overlap the window (bound as ``low`` and ``high``), and the undated; [None] (any date) for an undated report."""
    if not dated:
        return [None]
    low, high = bindparam("low", type_=Date), bindparam("high", type_=Date)
    conditions = [
        and_(
            cols.date_span == span,
            cols.date_start.between(bindparam(f"start_low{span}", type_=Date), high),
            cols.date_end >= low,
        )
        for span in range(len(SPAN_CLASS_DAYS))
    ]
    conditions.append(and_(cols.date_span == LONG_SPAN, cols.date_start <= high, cols.date_end >= low))
    conditions.append(cols.date_span == UNDATED)
    return conditions


def _cells_near(lat: float, lon: float) -> list[int]:
    """Every cell that the +-_NEAR_DEGREES box around a point touches."""
    lat_cells = range(
        math.floor((lat - _NEAR_DEGREES) / CELL_DEGREES), math.floor((lat + _NEAR_DEGREES) / CELL_DEGREES) + 1
    )
    lon_cells = range(
        math.floor((lon - _NEAR_DEGREES) / CELL_DEGREES), math.floor((lon + _NEAR_DEGREES) / CELL_DEGREES) + 1
    )
    return [y * 1000 + x for y in lat_cells for x in lon_cells]


def _event_row(event_: Event) -> dict[str, Any]:
    place = event_.places[0] if event_.places else None
    actor1 = next((a.name for a in event_.actors if a.role == "actor1"), None)
    actor2 = next((a.name for a in event_.actors if a.role == "actor2"), None)
    killed = next((f for f in event_.figures if f.kind == "killed"), None)
    searchable = [
        event_.event_type,
        event_.sub_event_type,
        actor1 or "",
        actor2 or "",
        *(p.name for p in event_.places),
        *(m.evidence.text if m.evidence else m.sentence.text for m in event_.mentions),
    ]
    stored = to_dict(dataclasses.replace(event_, mentions=[]))  # mentions live in their own table
    return {
        "event_type": event_.event_type,
        "sub_event_type": event_.sub_event_type,
        "plover": event_.plover,
        "date_start": event_.date.start if event_.date else None,
        "date_end": event_.date.end if event_.date else None,
        "date_precision": event_.date.precision if event_.date else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "place_cell": event_place_cell(event_),
        "date_span": date_span_class(event_.date.start, event_.date.end) if event_.date else UNDATED,
        "actor1": actor1,
        "actor2": actor2,
        "fatalities_low": killed.low if killed else None,
        "fatalities_best": killed.best if killed else None,
        "fatalities_high": killed.high if killed else None,
        "reports": len(event_.mentions),
        "search_text": " ".join(searchable).lower(),
        "data": stored,
        "updated_at": dt.datetime.now(dt.UTC),
    }


def contains_text(column: Any, needle: str) -> Any:
    """Case-insensitive substring test; the user's ``%`` and ``_`` are literal characters, not wildcards."""
    return func.lower(column).contains(needle.lower(), autoescape=True)


# A report's JSON as the driver gives it, undecoded where it is text (SQLite): resolution reads the same reports
# again and again under ``Store.mentions_remembered``, and decoding each copy cost more than rebuilding it once.
_MENTION_JSON = type_coerce(t.mentions.c.data, Text).label("data")
_CLAIM_JSON = type_coerce(t.claims.c.data, Text).label("data")
# Claims kept rebuilt by Store._grouped_claim: several country-wide groups' worth.
_GROUPED_CLAIMS_KEPT = 20_000

# The contradictions' listing order (``Store.contradictions_page``): events' entries first, by event, then the
# claims' by topic and group, each by kind and sides; the row id only between entries that agree on all of these.
_COLUMNS = t.contradictions.c
_LISTING_ORDER = (
    _COLUMNS.event_id.is_(None),
    _COLUMNS.event_id,
    _COLUMNS.claim_topic,
    _COLUMNS.claim_group,
    _COLUMNS.kind,
    _COLUMNS.subject,
    _COLUMNS.a,
    _COLUMNS.b,
    _COLUMNS.description,
    _COLUMNS.id,
)


def _json_value(data: Any) -> Any:
    """Stored JSON as SQLAlchemy's JSON type gives it: decoded (a driver such as psycopg may have done it)."""
    return json.loads(data) if isinstance(data, str) else data


def _event_from_row(data: Any) -> Event:
    return from_dict(Event, data)


def _filtered_events(query: Any, f: EventFilter) -> Any:
    cols = t.events.c
    if f.event_type:
        query = query.where(func.lower(cols.event_type) == f.event_type.lower())
    if f.actor:
        query = query.where(or_(contains_text(cols.actor1, f.actor), contains_text(cols.actor2, f.actor)))
    if f.country:
        query = query.where(cols.country == f.country.upper())
    if f.admin1:
        query = query.where(func.lower(cols.admin1) == f.admin1.lower())
    if f.since:
        query = query.where(cols.date_end >= f.since)
    if f.until:
        query = query.where(cols.date_start <= f.until)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        query = query.where(cols.lat.between(min_lat, max_lat), cols.lon.between(min_lon, max_lon))
    if f.text:
        query = query.where(contains_text(cols.search_text, f.text))
    if f.source:
        # Uncorrelated subqueries, computed once: the sources and outlets that match are few.
        by_chain = (
            select(t.mentions.c.event_id)
            .join(t.mention_sources, t.mention_sources.c.mention_id == t.mentions.c.id)
            .join(t.sources, t.sources.c.id == t.mention_sources.c.source_id)
            .where(contains_text(t.sources.c.name, f.source))
        )
        by_outlet = (
            select(t.mentions.c.event_id)
            .join(t.documents, t.documents.c.id == t.mentions.c.document_id)
            .where(contains_text(t.documents.c.outlet, f.source))
        )
        query = query.where(or_(cols.id.in_(by_chain), cols.id.in_(by_outlet)))
    if f.min_confidence > 0:
        query = query.where(_confident_enough(f.min_confidence))
    return query


def _confident_enough(threshold: float) -> Any:
    """The event's confidence (export/records.py `event_confidence`: its likeliest report of its type, else its
    likeliest report) is at least ``threshold``; a report stored before confidences were kept counts as 1."""
    m = t.mentions.c
    confidence = func.coalesce(m.data["confidence"].as_float(), 1.0)
    of_its_type = select(m.event_id).where(m.event_id == t.events.c.id, m.event_type == t.events.c.event_type)
    return or_(
        of_its_type.where(confidence >= threshold).exists(),
        and_(
            ~of_its_type.exists(),
            select(m.event_id).where(m.event_id == t.events.c.id, confidence >= threshold).exists(),
        ),
    )


def _ordered_page(query: Any, f: EventFilter) -> Any:
    """``query`` over events in ``f.sort`` order (ties by id), then ``f.offset`` and ``f.limit``."""
    cols = t.events.c
    order = {
        # NULLS LAST on both backends (PostgreSQL would put undated/uncounted events first).
        "date": [cols.date_start.desc().nulls_last(), cols.id],
        "-date": [cols.date_start.asc().nulls_last(), cols.id],
        "fatalities": [cols.fatalities_best.desc().nulls_last(), cols.id],
        "reports": [cols.reports.desc(), cols.id],
    }.get(f.sort, [cols.date_start.desc().nulls_last(), cols.id])
    query = query.order_by(*order).offset(f.offset)
    if f.limit is not None:
        query = query.limit(f.limit)
    return query


_SUMMARY_COLUMNS = (
    "id",
    "event_type",
    "sub_event_type",
    "date_start",
    "date_end",
    "date_precision",
    "country",
    "admin1",
    "location",
    "lat",
    "lon",
    "actor1",
    "actor2",
    "fatalities_best",
    "reports",
)


def _summary(row: RowMapping) -> EventSummary:
    return EventSummary(
        id=row["id"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        date_start=row["date_start"],
        date_end=row["date_end"],
        date_precision=row["date_precision"],
        country=row["country"],
        admin1=row["admin1"],
        location=row["location"],
        lat=row["lat"],
        lon=row["lon"],
        actor1=row["actor1"],
        actor2=row["actor2"],
        fatalities_best=row["fatalities_best"],
        reports=row["reports"],
    )
