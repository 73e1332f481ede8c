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
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.mark.usefixtures("collector")
def test_what_is_loaded_is_left_out_of_later_collections() -> None:
    gc.set_threshold(700, 10, 10)
    loaded = [[i] for i in range(1_000)]  # containers the collector would scan again in each full collection
    settle_collector()
    assert gc.get_freeze_count() >= len(loaded)
    assert gc.get_threshold() == (YOUNG_GENERATION, 10, 10)


@pytest.mark.usefixtures("collector")
@pytest.mark.parametrize("young", [0, 50_000])
def test_a_collector_switched_off_or_set_higher_is_left_so(young: int) -> None:
    gc.set_threshold(young, 10, 10)
    settle_collector()
    assert gc.get_threshold() == (young, 10, 10)
