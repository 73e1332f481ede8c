"""sitrep: news articles about armed conflict -> a sourced, geocoded, de-duplicated event database.

Library first; the ``sitrep`` command is a thin shell over these functions::

    from sitrep import Store, ingest
    store = Store.open("sitrep.db")
    report = ingest(["examples/"], store)
    for event in store.events():
        print(event.id, event.event_type, event.location)
"""

from __future__ import annotations

from typing import Any

__all__ = ["EventFilter", "ReadOptions", "Store", "ingest", "process_document"]


def __getattr__(name: str) -> Any:
    # Imported lazily: `import sitrep` should not load spaCy.
    if name in {"ingest", "process_document"}:
        from sitrep import pipeline

        return getattr(pipeline, name)
    if name in {"Store", "EventFilter"}:
        from sitrep import store

        return getattr(store, name)
    if name == "ReadOptions":
        from sitrep.ingest.readers import ReadOptions

        return ReadOptions
    raise AttributeError(name)
