"""Training the incident gate: the threshold it ships with is chosen on documents left out of the fit, pooled over
several partitions of them, so that it gates what a cue says in any article and nothing a model learned by heart."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.evaluation.scripts import load_script


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    return load_script("scripts/train_incident_gate.py")


def _incidents(trainer: ModuleType, cue: str, documents: int = 24) -> list[object]:
    """Four incidents after the lead in each document: one with ``cue`` (no news of its own in all but every
    sixth document), three without it (news, but in every fourth document one of them restates)."""
    rows = []
    for d in range(documents):
        rows.append(trainer.Example(f"doc{d}", ["bias", cue], label=int(d % 6 != 0), ruled=False))
        for k in range(3):
            rows.append(trainer.Example(f"doc{d}", ["bias"], label=int(k == 0 and d % 4 == 0), ruled=False))
    return rows


def test_a_cue_that_holds_in_every_document_is_gated_and_the_rest_kept(trainer: ModuleType) -> None:
    rows = _incidents(trainer, "restates")
    threshold = trainer.pooled_threshold(rows, 3.0)
    fitted = trainer.fit(rows)
    assert fitted.probabilities([trainer.Example("new", ["bias", "restates"], 1, False)])[0] >= threshold
    assert fitted.probabilities([trainer.Example("new", ["bias"], 0, False)])[0] < threshold


def test_cues_learned_by_heart_gate_nothing(trainer: ModuleType) -> None:
    # Each document's own name is its only cue: out of the fit it says nothing, so nothing is worth gating and the
    # most cautious threshold is kept.
    rows = [
        trainer.Example(f"doc{d}", ["bias", f"doc:{d}"], label=int(d % 3 == 0), ruled=False)
        for d in range(12)
        for _ in range(4)
    ]
    assert trainer.pooled_threshold(rows, 3.0) == trainer.THRESHOLDS[-1]


def test_the_threshold_does_not_hang_on_how_the_documents_are_named(trainer: ModuleType) -> None:
    # Renaming the documents changes which inner fold each falls in; the threshold is chosen on all partitions
    # pooled, so it lands on the same plateau.
    rows = _incidents(trainer, "restates")
    renamed = [trainer.Example(f"z{e.doc[::-1]}", e.features, e.label, e.ruled) for e in rows]
    assert abs(trainer.pooled_threshold(rows, 3.0) - trainer.pooled_threshold(renamed, 3.0)) <= 0.05


def test_news_lost_weighing_less_never_makes_the_gate_more_cautious(trainer: ModuleType) -> None:
    # The threshold trades no-news incidents caught against news lost at a cost. A quoted incident is no news in
    # four documents of five: worth gating when a lost news incident weighs one caught, not when it weighs four.
    rows = []
    for d in range(30):
        rows.append(trainer.Example(f"doc{d}", ["bias", "restates"], label=1, ruled=False))
        rows.append(trainer.Example(f"doc{d}", ["bias", "quoted"], label=int(d % 5 < 4), ruled=False))
        rows += [trainer.Example(f"doc{d}", ["bias"], label=0, ruled=False) for _ in range(2)]
    thresholds = [trainer.pooled_threshold(rows, cost) for cost in (4.0, 3.0, 2.0, 1.0)]
    assert thresholds == sorted(thresholds, reverse=True)
    quoted = trainer.fit(rows).probabilities([trainer.Example("new", ["bias", "quoted"], 1, False)])[0]
    assert thresholds[-1] <= quoted < thresholds[0]
