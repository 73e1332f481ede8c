"""A PostgreSQL server for the benchmarks: the URL given, or a throw-away local one started the way the
tests' fixtures start it (tests/conftest.py), or None where no server binaries are installed."""

from __future__ import annotations

import contextlib
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AUTO = "auto"


@contextlib.contextmanager
def postgres_url(given: str | None) -> Iterator[str | None]:
    """``given`` if it is a URL; with None or "auto", a fresh database on a local throw-away server."""
    if given and given != AUTO:
        yield given
        return
    spec = importlib.util.spec_from_file_location("sitrep_test_conftest", REPO / "tests" / "conftest.py")
    if spec is None or spec.loader is None:
        yield None
        return
    conftest = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = conftest  # dataclasses look their module up while the file executes
    spec.loader.exec_module(conftest)
    bin_dir = conftest.postgres_bin_dir()
    if bin_dir is None:
        yield None
        return
    with conftest.local_postgres(bin_dir) as server:
        yield server.url_for(server.create_database())
