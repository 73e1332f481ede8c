"""Persistence: one schema for SQLite (default) and PostgreSQL, with versioned migrations."""

from sitrep.store.database import AddResult, EventFilter, EventSummary, Store, StoredDocument, database_url

__all__ = ["AddResult", "EventFilter", "EventSummary", "Store", "StoredDocument", "database_url"]
