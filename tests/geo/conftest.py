from __future__ import annotations

import pytest

from sitrep.geo import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    # Uses $SITREP_GAZETTEER or the user cache; builds the index (about a minute) if it is missing.
    return Gazetteer.open()
