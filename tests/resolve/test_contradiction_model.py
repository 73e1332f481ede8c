"""The learned contradiction gate: without weights every entry the rules find is listed; with them, an entry the
model calls no disagreement is not; the trainer sees every entry; the cues read an entry as a whole."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from sitrep.model import Claim, Contradiction, Mention, Quantity, Span
from sitrep.resolve import contradiction_model
from sitrep.resolve.claims import group_contradictions
from sitrep.resolve.config import load_config
from sitrep.resolve.contradiction_model import (
    ContradictionModel,
    EntryContext,
    entry_features,
    model_from_files,
    recording,
)
from sitrep.resolve.contradictions import find_contradictions
from sitrep.resolve.derive import derive_event
from tests.resolve.resolve_fixtures import mention


def told(
    mention_id: str, text: str, figure: str, bounds: tuple[int | None, int | None, int | None], source: str
) -> Mention:
    report = mention(mention_id, text=text, sources=(source,))
    start = text.index(figure)
    span = Span(report.doc, start, start + len(figure), figure)
    report.fatalities = Quantity("people", *bounds, kind="killed", span=span)
    return report


def two_tolls() -> list[Mention]:
    return [
        told("a", "The strike killed 12 people, the monitor said.", "12 people", (12, 12, 12), "Monitor"),
        told("b", "Rescuers said 30 people were killed in the strike.", "30 people", (30, 30, 30), "Rescuers"),
    ]


def dropping(*features: str) -> ContradictionModel:
    """A model that calls an entry no disagreement exactly when one of ``features`` fires."""
    names = ["bias", *features]
    weights = np.array([-4.0] + [8.0] * len(features))
    return ContradictionModel({n: i for i, n in enumerate(names)}, weights, 0.5)


def test_without_weights_every_entry_the_rules_find_is_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contradiction_model, "load_model", lambda: None)
    event = derive_event("ev", two_tolls())
    assert [c.subject for c in event.contradictions] == ["killed"]


def test_an_entry_the_model_calls_no_disagreement_is_not_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contradiction_model, "load_model", lambda: dropping("ratio:far"))
    assert find_contradictions(derive_event("ev", two_tolls())) == []
    close = two_tolls()
    assert close[1].fatalities is not None
    close[1].fatalities.low = close[1].fatalities.best = close[1].fatalities.high = 14
    close[1].sentence = Span("doc-b", 0, 0, "Rescuers said 14 people were killed in the strike.")
    assert [c.subject for c in find_contradictions(derive_event("ev", close))] == ["killed"]


def test_the_trainer_sees_every_entry_whatever_the_model_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contradiction_model, "load_model", lambda: dropping("bias"))
    seen: list[tuple[Contradiction, EntryContext]] = []
    event = derive_event("ev", two_tolls())
    with recording(lambda entry, context: seen.append((entry, context))):
        listed = find_contradictions(event)
    assert [c.subject for c in listed] == ["killed"]
    assert [(entry.subject, context.origin) for entry, context in seen] == [("killed", "event")]
    assert find_contradictions(derive_event("ev", two_tolls())) == []  # the block over, the gate is on again


def test_cues_read_the_entry_as_a_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contradiction_model, "load_model", lambda: None)
    reports = two_tolls()
    event = derive_event("ev", reports)
    (entry,) = event.contradictions
    context = EntryContext(
        {m.id: m for m in reports}, {"killed": {m.id: m.fatalities for m in reports if m.fatalities}}, "event"
    )
    features = entry_features(entry, context)
    assert {"kind:figure", "origin:event", "field:killed", "articles:2", "pair_across_articles"} <= set(features)
    assert "ratio:far" in features  # 30 against 12
    assert "update_cue" not in features and "one_originator" not in features


def test_a_toll_told_as_risen_and_a_bound_are_cues() -> None:
    first = told(
        "a", "At least 12 people were killed, the monitor said.", "At least 12 people", (12, None, None), "Monitor"
    )
    later = told("b", "The monitor said the toll rose to 15 people.", "15 people", (15, 15, 15), "Monitor")
    entry = Contradiction("estimates", "", "a", "b", subject="killed")
    figures = {"killed": {m.id: m.fatalities for m in (first, later) if m.fatalities}}
    features = entry_features(entry, EntryContext({"a": first, "b": later}, figures, "event"))
    assert {"update_cue", "bound", "one_originator", "ratio:near"} <= set(features)


def test_claim_groups_pass_through_the_gate(monkeypatch: pytest.MonkeyPatch) -> None:
    def claim(claim_id: str, at: int, text: str, best: int, source: str) -> Claim:
        report = mention(claim_id, text=text, sources=(source,), doc="d")
        return Claim(
            claim_id,
            "d",
            "people killed",
            None,
            Quantity("people", best, best, best, kind="killed"),
            Span("d", at, at + len(text), text),
            chain=report.chain,
            topic="people killed in idlib",
        )

    group = [
        claim("c1", 0, "The monitor said 200 people were killed in the siege of the town.", 200, "Monitor"),
        claim("c2", 100, "Officials said 300 people were killed in the siege of the town.", 300, "Officials"),
    ]
    monkeypatch.setattr(contradiction_model, "load_model", lambda: None)
    ungated = group_contradictions(group, load_config())
    monkeypatch.setattr(contradiction_model, "load_model", lambda: dropping("origin:claims"))
    assert ungated and group_contradictions(group, load_config()) == []


def test_weights_are_read_from_their_files_and_none_without_them(tmp_path: Path) -> None:
    weights, meta = tmp_path / "gate.npz", tmp_path / "gate.meta.json"
    assert model_from_files(weights, meta) is None
    np.savez_compressed(weights, weights=np.array([-4.0, 8.0]))
    meta.write_text(json.dumps({"threshold": 0.5, "features": ["bias", "kind:date"]}), encoding="utf-8")
    model = model_from_files(weights, meta)
    assert model is not None
    context = EntryContext({}, {}, "event")
    assert model.keeps(Contradiction("figure", "", "a", "b"), context)
    assert not model.keeps(Contradiction("date", "", "a", "b"), context)
