"""sitrep: news articles about armed conflict -> a sourced, geocoded, de-duplicated event database.

Library first; the ``sitrep`` command is a thin shell over these functions::

    from sitrep import Store, ingest
    store = Store.open("sitrep.db")
    report = ingest(["examples/"], store)
    for event in store.events():
        print(event.id, event.event_type, event.location)
"""

from __future__ import annotations

import types
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


class _CallableIngest(types.ModuleType):
    """The ``sitrep.ingest`` package, callable as the one-call pipeline (``sitrep.pipeline.ingest``).

    Python binds a subpackage as its parent's attribute once it is imported, so after anything has imported
    the readers (``sitrep.ingest.readers``), ``sitrep.ingest`` is that package, not the function above; making
    the package callable keeps ``from sitrep import ingest; ingest(...)`` working in either order. It lives
    here, at the top, because the readers' stage must not import the pipeline that comes after it.
    """

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from sitrep.pipeline import ingest

        return ingest(*args, **kwargs)


def _make_ingest_package_callable() -> None:
    import importlib

    importlib.import_module("sitrep.ingest").__class__ = _CallableIngest


_make_ingest_package_callable()
