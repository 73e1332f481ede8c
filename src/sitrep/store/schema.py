"""The database schema, one definition for SQLite and PostgreSQL.

Rows keep the fields that queries filter and sort on as columns (indexed);
the full object each row stands for (a Mention with all its spans, an Event
with its figures) is kept beside them as JSON, so nothing extracted is lost.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
    func,
)

metadata = MetaData()

# The place cell of a country- or region-wide event, or one with no place, which is offered to every report; a
# country-wide event of one known country is filed above it, under that country's cell (store.database.country_cell).
COARSE_CELL = 1_000_000

schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("outlet", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("language", String(8)),
    Column("text", Text, nullable=False),
    Column("paragraphs", JSON, nullable=False),
    Column("origin", Text),
    Column("simhash", String(16), nullable=False),
    Column("near_duplicate_of", Integer, ForeignKey("documents.id", ondelete="SET NULL")),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extracted_at", DateTime(timezone=True)),
    Index("ix_documents_name", "name"),
    Index("ix_documents_published", "published"),
    Index("ix_documents_outlet", "outlet"),
)

# SimHash split into 8-bit bands: two texts within 6 differing bits share at least 2 of 8 bands. Since
# migration 4 each row is one pair of bands (band: the pair's number 0-27, value: the two bands' 16 bits).
document_bands = Table(
    "document_bands",
    metadata,
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("value", Integer, nullable=False),
    Index("ix_document_bands_value", "band", "value"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text),
    Column("plover", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("date_precision", String(16)),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("location", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", String(16)),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("reports", Integer, nullable=False, server_default="0"),
    Column("first_document_id", Integer, ForeignKey("documents.id", ondelete="SET NULL")),
    Column("search_text", Text, nullable=False, server_default=""),  # lower-cased evidence, places, actors
    Column("data", JSON, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # Where resolution looks for candidates (see database.candidate_cell and date_span_class): the grid cell of
    # the event's place (COARSE_CELL for a country-wide or placeless event) and the class of its date's length
    # (UNDATED for none), so the candidate query reads one short index range per class instead of every
    # earlier event of the type.
    Column("place_cell", Integer),
    Column("date_span", Integer),
    Index("ix_events_type_date", "event_type", "date_start"),
    Index("ix_events_date_end", "date_end"),
    Index("ix_events_country", "country"),
    Index("ix_events_latlon", "lat", "lon"),
    Index("ix_events_candidates_cell", "event_type", "place_cell", "date_span", "date_start"),
    Index("ix_events_candidates", "event_type", "date_span", "date_start"),
)
# The coarse events alone (cells from COARSE_CELL up: country-wide, region-wide or placeless), which a report placed in
# no known country is offered in its window whatever their country. Read off ix_events_candidates, that branch reads
# every event of the type in the window, placed or not; its query names this index (store.indexed), since SQLite
# without statistics rates the two alike.
_COARSE = events.c.place_cell >= COARSE_CELL
Index(
    "ix_events_coarse",
    events.c.event_type,
    events.c.date_span,
    events.c.date_start,
    sqlite_where=_COARSE,
    postgresql_where=_COARSE,
)

# The event list reads its default order (newest first, undated last, ties by id) straight off an index,
# whole or within one type, instead of sorting every matching event per page. SQLite puts NULLs last in a
# descending index already and rejects NULLS LAST there; PostgreSQL needs it spelt out to use the index.
_DATE_DESCENDING = (("sqlite", events.c.date_start.desc()), ("postgresql", events.c.date_start.desc().nulls_last()))
for _dialect, _date_desc in _DATE_DESCENDING:
    Index(f"ix_events_date_id_{_dialect}", _date_desc, events.c.id).ddl_if(dialect=_dialect)
    # The type filter is case-insensitive (lower(event_type) = ?), so the index is on the same expression.
    Index(f"ix_events_type_date_id_{_dialect}", func.lower(events.c.event_type), _date_desc, events.c.id).ddl_if(
        dialect=_dialect
    )

# Merged event ids keep leading somewhere.
event_redirects = Table(
    "event_redirects",
    metadata,
    Column("old_id", String(32), primary_key=True),
    Column("new_id", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("event_id", String(32), ForeignKey("events.id", ondelete="SET NULL")),
    Column("event_type", Text, nullable=False),
    Column("sub_event_type", Text),
    Column("plover", Text),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("modality", String(16), nullable=False),
    Column("actor1", Text),
    Column("actor2", Text),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    Index("ix_mentions_document", "document_id"),
    Index("ix_mentions_event", "event_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("topic", Text, nullable=False),
    Column("subject", Text, nullable=False),
    Column("scope", Text),
    Column("modality", String(16), nullable=False),
    Column("low", BigInteger),
    Column("best", BigInteger),
    Column("high", BigInteger),
    Column("data", JSON, nullable=False),
    # For incremental claim contradictions (pipeline.refresh_claim_contradictions): the topic spelled one way,
    # the report a denial is about, and the group of claims about one quantity this claim was last compared in
    # (NULL: not compared since it or its group changed).
    Column("topic_key", Text),
    Column("concerns", String(64)),
    Column("claim_group", String(64)),
    # The claim may be set against other documents' claims of its group (resolve.claims.comparable_with_others);
    # a group's other claims are compared only within their document. NULL (not known): treated as true.
    Column("compared_across", Boolean),
    # The claim may be in a compared pair of its group: compared across documents, or its document holds another
    # claim of the group (``database.mark_compared_in_group``, kept as groups change). NULL: not worked out, read.
    Column("compared_in_group", Boolean),
    Index("ix_claims_document", "document_id"),
    Index("ix_claims_topic", "topic"),
    Index("ix_claims_topic_key", "topic_key"),
    Index("ix_claims_concerns", "concerns"),
    Index("ix_claims_group", "claim_group"),
    # A group's members by document, and the groups of a topic key with their first and last documents, read
    # off the index alone (pipeline.refresh_claim_contradictions never reads a whole group's claims).
    Index("ix_claims_group_document", "claim_group", "document_id", "compared_across"),
    Index("ix_claims_key_groups", "topic_key", "topic", "claim_group", "document_id"),
    Index("ix_claims_group_compared", "claim_group", "compared_in_group"),
)

# The words of each claim's subject (resolve.claims.subject_terms): claims without a topic are compared with
# those sharing a word.
claim_terms = Table(
    "claim_terms",
    metadata,
    Column("claim_id", String(64), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("term", Text, primary_key=True),
    # The claim has a topic: a claim with a topic is compared by its subject words only with claims without one,
    # so it looks up only those (a word such as "killed" is shared by most claims of a large store).
    Column("topical", Boolean, nullable=False, server_default=false()),
    # How many subject words the claim has: a word shared with a claim is looked up only among claims short
    # enough for one shared word to reach the similarity threshold (resolve.claims.one_word_reach).
    Column("size", Integer),
    Index("ix_claim_terms_term", "term"),
    Index("ix_claim_terms_untopical", "term", "topical"),
    Index("ix_claim_terms_reach", "term", "topical", "size"),
)

# Every two subject words of each claim (resolve.claims.word_pairs): two claims similar enough to be one quantity
# share two words unless both are short, so a claim's neighbours are read by pairs, never by a word most share.
claim_term_pairs = Table(
    "claim_term_pairs",
    metadata,
    Column("claim_id", String(64), ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    Column("pair", Text, primary_key=True),
    Column("topical", Boolean, nullable=False, server_default=false()),
    Column("size", Integer, nullable=False),
    Index("ix_claim_term_pairs_reach", "pair", "topical", "size"),
)

# Events whose denial contradictions must be worked out again (their reports, or the denials of them, changed).
contradiction_pending = Table(
    "contradiction_pending",
    metadata,
    Column("event_id", String(32), primary_key=True),
)

places = Table(
    "places",
    metadata,
    Column("id", Text, primary_key=True),  # gazetteer id: "geonames:170794", "sitrep:ain-al-asad"
    Column("name", Text, nullable=False),
    Column("country", String(2)),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("precision", String(16), nullable=False),
)

mention_places = Table(
    "mention_places",
    metadata,
    Column("mention_id", String(64), ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("place_id", Text, ForeignKey("places.id")),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    UniqueConstraint("name", "kind", name="uq_sources_name_kind"),
)

mention_sources = Table(
    "mention_sources",
    metadata,
    Column("mention_id", String(64), ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),  # 0 = originator
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Index("ix_mention_sources_source", "source_id"),
)

contradictions = Table(
    "contradictions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("subject", Text, nullable=False),
    Column("description", Text, nullable=False),
    Column("a", String(64), nullable=False),
    Column("b", String(64), nullable=False),
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE")),
    Column("claim_topic", Text),
    # The claim group (or "event:ID" for denials of an event's report) a claim contradiction came from.
    Column("claim_group", String(64)),
    # Every pair of reports or claims that take a side in the entry, as [kind, a, b] (a and b above are the
    # first): one entry per field or topic lists all its positions. Null in rows written before version 6.
    Column("pairs", JSON),
    Index("ix_contradictions_event", "event_id"),
    Index("ix_contradictions_claim_group", "claim_group"),
)
