from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.store.database import Store
from sitrep.web.demo import build_sample_store


@pytest.fixture
def sample_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(str(tmp_path / "sample.db"))
    build_sample_store(store)
    yield store
    store.close()


@pytest.fixture
def client(sample_store: Store) -> TestClient:
    return TestClient(create_app(sample_store))
