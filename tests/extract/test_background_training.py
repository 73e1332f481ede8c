"""Training the background gate: the threshold a half ships with is chosen out of sample, so that a gate that only
learned its own documents by heart gates nothing in documents it has not seen."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.evaluation.scripts import load_script


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    return load_script("scripts/train_background.py")


def _memorisable(trainer: ModuleType, documents: int = 12) -> list[object]:
    """Reports whose only cue is their own document's name (a third of the documents are all background): what
    the cue says holds in its own document and nowhere else."""
    return [
        trainer.Example(f"doc{d}", ["bias", f"doc:{d}"], label=int(d % 3 == 0), ruled=False)
        for d in range(documents)
        for _ in range(4)
    ]


def test_inner_folds_keep_each_document_whole_and_use_every_report_once(trainer: ModuleType) -> None:
    rows = _memorisable(trainer)
    folds = trainer.inner_folds(rows, 4)
    assert sorted(r for fold in folds for r in fold) == list(range(len(rows)))
    for fold in folds:
        others = {rows[r].doc for f in folds if f is not fold for r in f}
        assert not others & {rows[r].doc for r in fold}


def test_a_gate_that_learned_its_documents_by_heart_gates_nothing_new(trainer: ModuleType) -> None:
    train = _memorisable(trainer)
    fitted = trainer.fit(train)
    in_sample = trainer.best_threshold(train, fitted.probabilities(train), 2.0)
    held_out = trainer.held_out_threshold(train, 2.0, 4)
    # On its own rows the memorised cues look like a signal: a threshold chosen there gates background reports
    # and promises a gain. Chosen on reports of documents left out of the fit, it finds none to gate and keeps the
    # most cautious threshold of its grid.
    caught_in_sample = trainer.gain(train, fitted.probabilities(train), in_sample, 2.0)[1]
    assert caught_in_sample > 0
    assert in_sample < held_out == 0.99
