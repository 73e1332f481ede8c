"""A table read off a named index: ``FROM events INDEXED BY ix_...`` on SQLite, the plain table elsewhere.

SQLite's planner, without statistics (the store runs no ``ANALYZE``), rates two indexes with the same columns
constrained alike as equal, and then takes whichever its schema lists first, an order that varies from one store
to another. Where one of them is a partial index that reads a small part of the other's range, the statement names
it. SQLAlchemy renders no table hints for SQLite (``Select.with_hint`` is silent there), hence this element.
PostgreSQL plans from its statistics and gets the table as it is.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import TableClause
from sqlalchemy.sql.visitors import InternalTraversal


class IndexedTable(TableClause):
    """``table``'s columns, read off the index named ``index`` where the dialect can be told so (SQLite)."""

    _traverse_internals = [*TableClause._traverse_internals, ("index", InternalTraversal.dp_string)]  # noqa: RUF012  (as SQLAlchemy declares it)
    inherit_cache = True

    def __init__(self, table: Table, index: str) -> None:
        super().__init__(table.name, *(column(c.name, c.type) for c in table.c))
        self.index = index


@compiles(IndexedTable)
def _plain(element: IndexedTable, compiler: Any, **kw: Any) -> str:
    rendered: str = compiler.visit_table(element, **kw)
    return rendered


@compiles(IndexedTable, "sqlite")
def _indexed_by(element: IndexedTable, compiler: Any, **kw: Any) -> str:
    rendered: str = compiler.visit_table(element, **kw)
    return f"{rendered} INDEXED BY {element.index}" if kw.get("asfrom") else rendered
