"""Readers: text, HTML, feeds, JSON Lines, WARC, files, folders and URLs -> Documents; exact and near duplicates.

``from sitrep import ingest`` is the library's one-call pipeline (``sitrep.pipeline.ingest``). Python binds a
package's subpackage as its attribute once the subpackage is imported, so after anything has imported this
package, ``sitrep.ingest`` is this module; calling it still runs the pipeline, so the documented call works
whatever was imported first.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallableIngest(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from sitrep.pipeline import ingest

        return ingest(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableIngest
