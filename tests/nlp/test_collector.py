"""Loading the pipeline settles the garbage collector for a long parse (sitrep.nlp.pipeline.settle_collector)."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from sitrep.nlp.pipeline import YOUNG_GENERATION, settle_collector


@pytest.fixture
def collector() -> Iterator[None]:
    """The collector as the test found it, afterwards."""
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)


@pytest.mark.usefixtures("collector")
def test_the_young_generation_is_collected_less_often_and_nothing_is_frozen() -> None:
    # Frozen objects are not counted as long-lived, so the collector's quarter rule would let full collections run
    # often in a process that then holds many objects (a large store's resolution).
    gc.set_threshold(700, 10, 10)
    frozen = gc.get_freeze_count()
    settle_collector()
    assert gc.get_threshold() == (YOUNG_GENERATION, 10, 10)
    assert gc.get_freeze_count() == frozen


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("young", [0, 50_000])
def test_a_collector_switched_off_or_set_higher_is_left_so(young: int) -> None:
    gc.set_threshold(young, 10, 10)
    settle_collector()
    assert gc.get_threshold() == (young, 10, 10)
