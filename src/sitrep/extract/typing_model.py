"""The event-type model: ACLED type and sub-type of a trigger in its sentence, with a calibrated probability.

A multinomial logistic regression over words of the sentence, word pairs, the trigger's word and the words around
it, the type of the first actor, and whether the report named a weapon before a sentence that names none. Words are
read lower-cased and without punctuation, so a headline in capitals, a sentence without commas and a sentence in
prose give the same features. One class, ``None``, stands for a trigger that reports no event (background, a demand,
a threat); its probability lowers the confidence of every type.

Trained by ``scripts/train_typing.py`` on the corpus described in ``evaluation/training/README.md``; the weights
and their meta (data, date, cross-validated scores, temperature) are ``data/models/typing.npz`` and
``data/models/typing.meta.json``. Nothing is fitted at run time.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from dataclasses import dataclass

import numpy as np

from sitrep.data import data_path

NOT_AN_EVENT = "None"
MODEL_FILE = ("models", "typing.npz")
META_FILE = ("models", "typing.meta.json")
_WORD = re.compile(r"[a-z]+|\d+")
_WINDOW = 4  # words either side of the trigger that are read as its own context


def label(event_type: str, sub_event_type: str) -> str:
    return f"{event_type}|{sub_event_type}"


def split_label(name: str) -> tuple[str, str]:
    event_type, _, sub = name.partition("|")
    return event_type, sub


def words(text: str) -> list[str]:
    """Lower-cased words and numbers (every number is "0": a toll's size says nothing of the type)."""
    return ["0" if w[0].isdigit() else w for w in _WORD.findall(text.lower())]


def features(
    sentence: str,
    trigger_start: int | None,
    trigger_lemma: str | None,
    actor1_type: str | None,
    earlier_weapon: str | None = None,
) -> list[str]:
    """The names of the features that fire for a trigger (at ``trigger_start`` in ``sentence``), or for the
    sentence alone when no trigger is given. ``earlier_weapon``: a sentence that names no weapon where an earlier
    sentence of the report did (extract/triggers.py `weapon_named_earlier`)."""
    tokens = words(sentence)
    found = {"bias"}
    found.update(f"w:{w}" for w in tokens)
    found.update(f"b:{a}_{b}" for a, b in itertools.pairwise(tokens))
    if trigger_start is not None and trigger_lemma:
        position = len(words(sentence[:trigger_start]))
        found.add(f"t:{trigger_lemma.lower()}")
        found.update(f"n:{w}" for w in tokens[max(0, position - _WINDOW) : position + _WINDOW + 1])
    if actor1_type:
        found.add(f"a:{actor1_type}")
    if earlier_weapon:
        found.add("c:weapon")
    return sorted(found)


@dataclass(frozen=True)
class TypingModel:
    labels: tuple[str, ...]
    index: dict[str, int]  # feature name -> row of weights
    weights: np.ndarray  # features x labels
    temperature: float
    convention_weight: float  # how much a convention of the rules weighs against the model (extract/triggers.py)
    lexicon_weight: float = 0.0  # how much a strong trigger's lexicon type weighs when no convention spoke
    weak_weight: float = 0.0  # how much a weak trigger's lexicon default ("were killed") weighs
    platt: tuple[float, float] = (1.0, 0.0)  # maps the type's probability to the chance that the type is right
    sub_type_by_model: bool = False  # the model names the sub-type the lexicon only defaults (extract/triggers.py)
    event_platt: tuple[float, float] = (1.0, 0.0)  # maps that chance to the chance that the stored event is right

    def confidence(self, type_probability: float) -> float:
        """The calibrated probability that the event a trigger gives, whose type the model gives
        ``type_probability``, is right: Platt scaling fitted on held-out real sentences (does the sentence report
        an event of that type? scripts/train_typing.py), then a second map fitted on whole pipeline runs out of
        sample (is the stored event, its type, date and place, right? scripts/calibrate_events.py)."""
        return _sigmoid_of_logit(_sigmoid_of_logit(type_probability, self.platt), self.event_platt)

    def probabilities(self, names: list[str]) -> dict[str, float]:
        """Calibrated probability of each label (``None`` included) for the features ``names``."""
        rows = [self.index[n] for n in names if n in self.index]
        scores = self.weights[rows].sum(axis=0) / self.temperature if rows else np.zeros(len(self.labels))
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return dict(zip(self.labels, (float(p) for p in scores), strict=True))


def _sigmoid_of_logit(p: float, ab: tuple[float, float]) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    a, b = ab
    return float(1 / (1 + np.exp(-(a * np.log(p / (1 - p)) + b))))


@functools.cache
def typing_model() -> TypingModel:
    meta = json.loads(data_path(*META_FILE).read_text(encoding="utf-8"))
    with np.load(data_path(*MODEL_FILE)) as stored:
        weights = stored["weights"].astype(np.float64)
        names = [str(n) for n in stored["features"]]
    return TypingModel(
        labels=tuple(meta["labels"]),
        index={name: i for i, name in enumerate(names)},
        weights=weights,
        temperature=float(meta["temperature"]),
        convention_weight=float(meta.get("convention_weight", 1.0)),
        lexicon_weight=float(meta.get("lexicon_weight", 0.0)),
        weak_weight=float(meta.get("weak_weight", 0.0)),
        platt=tuple(float(v) for v in meta.get("confidence_platt", (1.0, 0.0))),  # type: ignore[arg-type]
        sub_type_by_model=bool(meta.get("sub_type_by_model", False)),
        event_platt=tuple(float(v) for v in meta.get("event_platt", (1.0, 0.0))),  # type: ignore[arg-type]
    )


def type_probabilities(probabilities: dict[str, float]) -> dict[str, float]:
    """The probability of each event type, summed over its sub-types (``None`` kept apart)."""
    by_type: dict[str, float] = {}
    for name, p in probabilities.items():
        event_type = split_label(name)[0]
        by_type[event_type] = by_type.get(event_type, 0.0) + p
    return by_type
