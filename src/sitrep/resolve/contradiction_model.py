"""Which disagreements an analyst keeps: a learned gate over the contradiction entries the rules find.

The rules (``sitrep.resolve.contradictions``, ``sitrep.resolve.claims``) list every comparison they can make: one
entry per event and field (or claim topic), with every pair of reports that disagree on it. Many entries are not
disagreements an analyst would cite: one outlet's update of its own toll, a figure that counts other victims, a
date that is when the story was written. The gate reads an entry as a whole, with cues that hold for any article
and name no war, place or outlet: the entry's kind and field, where it was found (one event, two events of one
incident, a denial, claims), how many pairs and positions it lists, whether its reports come from one article or
one outlet or one originator, how far apart they stand, the relative size of the figures and whether one is a bound
("at least") or round, whether one says the toll rose or was revised or gives a total of another scope, whether a
date was coded rather than read, and how sure the typing model was of the reports. When its chance of being no
disagreement reaches the model's threshold, the entry is not listed.

The weights are trained by ``scripts/train_contradictions.py`` on the real-text dev gold, cross-fitted (fitted on
one half, scored on the other; ``data/models/contradictions.README.md``, which says why none are shipped yet).
Without the weight files the gate is off and every entry the rules find is listed.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.data import data_path, word_set
from sitrep.extract.background import LogisticModel, bucket, logistic_from_files
from sitrep.extract.quantities import effective_range
from sitrep.model import Claim, Contradiction, Mention, Quantity

MODEL_FILE = ("models", "contradictions.npz")
META_FILE = ("models", "contradictions.meta.json")

Report = Mention | Claim
# Where an entry was found: one event's reports, two events told of one incident, a denial set against the report
# it denies, or a group of claims about one quantity.
ORIGINS = ("event", "incident", "denial", "claims")


def _lexicon(name: str) -> frozenset[str]:
    return word_set("en", "contradiction_model", name)


def _says(report: Report, cues: str) -> bool:
    lowered = " ".join(report.sentence.text.lower().split())
    return any(re.search(rf"\b{re.escape(cue)}\b", lowered) for cue in _lexicon(cues))


def _originator(report: Report) -> str:
    names = report.chain.names()
    return (names[0] if names else report.doc).casefold()


def _outlet(report: Report) -> str:
    """The outlet that published the report: the last of its chain, else its document."""
    names = report.chain.names()
    return (names[-1] if names else report.doc).casefold()


def _headline_value(q: Quantity | None) -> int | None:
    if q is None:
        return None
    return next((v for v in (q.best, q.low, q.high) if v is not None), None)


def _is_bound(q: Quantity) -> bool:
    bounds = effective_range(q.low, q.best, q.high)
    return q.best is None or (bounds is not None and bounds[0] != bounds[1])


@dataclass(frozen=True, slots=True)
class EntryContext:
    """What the gate reads of an entry besides its pairs: the reports (and claims) by id, their figures by field
    (an entry's subject: the figure kind or the claims' subject) and report id, and where the entry was found
    (:data:`ORIGINS`)."""

    reports: Mapping[str, Report]
    figures: Mapping[str, Mapping[str, Quantity]]
    origin: str


def _figure_features(found: set[str], values: list[Quantity]) -> None:
    heads = [v for q in values if (v := _headline_value(q)) is not None]
    if len(heads) < 2:
        found.add("figures:none")
        return
    low, high = max(min(heads), 1), max(max(heads), 1)
    found.add("ratio:" + bucket(high / low, (1.15, 1.5, 2.5), ("close", "near", "far", "very_far")))
    found.add("values:" + bucket(len(set(heads)), (2, 3), ("2", "3", "4+")))
    if any(_is_bound(q) for q in values):
        found.add("bound")
    if all(_is_bound(q) for q in values):
        found.add("all_bounds")
    round_values = [h % 10 == 0 and h >= 10 for h in heads]
    if any(round_values) and not all(round_values):
        found.add("round_vs_exact")
    if min(heads) == 0:
        found.add("zero")


def entry_features(entry: Contradiction, context: EntryContext) -> list[str]:
    """The names of the cues that fire for one entry (see the module docstring)."""
    pairs = entry.pairs or [(entry.kind, entry.a, entry.b)]
    reports = context.reports
    ids = [i for i in dict.fromkeys(i for _, a, b in pairs for i in (a, b)) if i in reports]
    found = {"bias", f"kind:{entry.kind}", f"origin:{context.origin}", f"origin_kind:{context.origin}:{entry.kind}"}
    subject = entry.subject if entry.subject in ("killed", "wounded", "date") else "other"
    found.add(f"field:{subject}")
    found.add("pairs:" + bucket(len(pairs), (1, 3), ("1", "2-3", "4+")))
    found.add("reports:" + bucket(len(ids), (2, 3, 5), ("2", "3", "4-5", "6+")))
    chosen = [reports[i] for i in ids]
    docs = {r.doc for r in chosen}
    found.add("articles:" + bucket(len(docs), (1, 2), ("1", "2", "3+")))
    outlets = {_outlet(r) for r in chosen}
    if len(docs) > 1 and len(outlets) == 1:
        found.add("one_outlet_several_articles")
    if len({_originator(r) for r in chosen}) == 1:
        found.add("one_originator")
    cross = [(a, b) for _, a, b in pairs if a in reports and b in reports and reports[a].doc != reports[b].doc]
    if len(cross) < len(pairs):
        found.add("pair_within_article")
        within = [
            abs(reports[a].sentence.start - reports[b].sentence.start)
            for _, a, b in pairs
            if a in reports and b in reports and reports[a].doc == reports[b].doc
        ]
        if within:
            found.add("gap:" + bucket(min(within), (0, 400, 1500), ("same", "near", "mid", "far")))
    if cross:
        found.add("pair_across_articles")
    if any(_says(r, "update_cues") for r in chosen):
        found.add("update_cue")
    if any(_says(r, "scope_cues") for r in chosen):
        found.add("scope_cue")
    mentions = [r for r in chosen if isinstance(r, Mention)]
    _report_features(found, mentions)
    if any(r.modality == "denied" for r in chosen):
        found.add("denied_report")
    if any(isinstance(r, Claim) for r in chosen):
        found.add("claim")
    if entry.kind in ("figure", "estimates"):
        figures = context.figures.get(entry.subject, {})
        _figure_features(found, [figures[i] for i in ids if i in figures])
    if entry.kind == "date":
        spans = [m.date.span for m in mentions if m.date is not None]
        if any(span is None for span in spans):
            found.add("date_coded")
    return sorted(found)


def _report_features(found: set[str], mentions: list[Mention]) -> None:
    """A headline among the entry's reports; how sure the typing model was of them."""
    if not mentions:
        return
    if any(m.headline for m in mentions):
        found.add("headline")
    found.add("confidence:" + bucket(min(m.confidence for m in mentions), (0.6, 0.85), ("low", "mid", "high")))


class ContradictionModel(LogisticModel):
    """A logistic regression: the chance that an entry tells no disagreement an analyst keeps."""

    def keeps(self, entry: Contradiction, context: EntryContext) -> bool:
        return self.probability(entry_features(entry, context)) < self.threshold


def model_from_files(weights_file: Path, meta_file: Path) -> ContradictionModel | None:
    """The gate stored at these paths, or None when there is none (every entry is then listed)."""
    parts = logistic_from_files(weights_file, meta_file)
    return ContradictionModel(*parts) if parts else None


@functools.cache
def load_model() -> ContradictionModel | None:
    return model_from_files(data_path(*MODEL_FILE), data_path(*META_FILE))


# The trainer's hook: while set, every entry the rules find is handed to it with its context and listed, so that
# the training set holds every comparison the rules make, whatever a shipped gate would say.
_recorder: list[Callable[[Contradiction, EntryContext], None]] = []


@contextlib.contextmanager
def recording(record: Callable[[Contradiction, EntryContext], None]) -> Iterator[None]:
    """While in this block the gate is off and ``record`` sees every entry (``scripts/train_contradictions.py``)."""
    _recorder.append(record)
    try:
        yield
    finally:
        _recorder.remove(record)


def kept(entries: Sequence[Contradiction], context_of: Callable[[], EntryContext]) -> list[Contradiction]:
    """The entries the gate keeps (every one when there is no model). The context is built only when a gate or
    the trainer reads it, so that with no weights shipped resolution does no work for the gate."""
    model = None if _recorder else load_model()
    if not entries or (model is None and not _recorder):
        return list(entries)
    context = context_of()
    if model is None:  # the trainer records every entry
        for entry in entries:
            _recorder[-1](entry, context)
        return list(entries)
    return [entry for entry in entries if model.keeps(entry, context)]
