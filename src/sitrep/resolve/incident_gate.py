"""Within one article, an incident the article only mentions in passing is no event: a learned gate over its incidents.

``coreference.group_document_mentions`` splits an article into the incidents it tells. Most are news; some are a
restatement the rules could not join to the incident it restates, or background no named rule
(``sitrep.extract.background``) covers. The gate reads each incident of the article as a whole, with cues that
hold in any article and name no war, place or outlet: where it stands (the lead, the first incident told, how many
the article tells), whether its sentences give a day or a place of their own, whether an incident told before it
could be the same one (compatible kind, no other place, a shared day), how sure the typing model was, and the
tense, time and history words of its sentences. When its chance of being no news of its own reaches the model's
threshold, the incident is either a restatement or background. A restatement (``learned_restatement``) is told of an
incident the article told before it from which nothing in it tells it apart (``restated_incident``): its reports
join that incident's event, so that the place, figures and sources only this telling gives are kept. An incident
that may restate none is background (``learned_incident``): its reports join no event.

The weights are trained by ``scripts/train_incident_gate.py`` on the real-text dev gold, cross-fitted (fitted on
two of the three dev parts, scored on the third; ``data/models/incident_gate.README.md``). Without the weight files
the gate is off.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from sitrep.data import data_path
from sitrep.extract.background import LogisticModel, bucket, logistic_from_files, model_features
from sitrep.model import Document, Mention
from sitrep.resolve import coreference as co

GATED = "learned_incident"  # no news and restates no incident told before it: background, joins no event
RESTATED = "learned_restatement"  # no news of its own, told of an earlier incident: joins that incident's event
_LEARNED = (GATED, RESTATED)
MODEL_FILE = ("models", "incident_gate.npz")
META_FILE = ("models", "incident_gate.meta.json")
# The report cues of the background gate an incident takes from its sentences: tense and aspect, time, history
# and speech words, years and quotes; not the report's own type, date or toll, which the incident cues give.
_REPORT_CUES = ("aux:", "after:", "near:", "cue:", "quoted", "year", "trig:")


def _could_be(group: list[Mention], earlier: list[Mention], rules: co.IncidentRules) -> bool:
    """Nothing in the group's first report says it is another incident than the earlier one's: a kind of act
    it may be, and no other place."""
    first = group[0]
    return all(not co.kinds_differ(first, m, rules) and not co.places_conflict(first, m) for m in earlier)


def _shares_day(group: list[Mention], incident: list[Mention]) -> bool:
    days = [d for m in incident if (d := co.told_date(m)) is not None]
    return any((d := co.told_date(m)) is not None and any(d.overlaps(e) for e in days) for m in group)


def _may_restate(group: list[Mention], incident: list[Mention], rules: co.IncidentRules) -> bool:
    """Nothing in any report of the group is evidence that it tells another incident than the earlier one's
    (another kind of act, mode, day, country, place, town or quarter: ``coreference.other_incident``)."""
    return not any(co.other_incident(mine, theirs, rules) for mine in group for theirs in incident)


def restated_incident(group: list[Mention], earlier: list[list[Mention]]) -> int | None:
    """restated_by_its_cues: the index of the incident told before that a gated incident restates, or None when it
    may restate none (background). It is one nothing in the group tells apart from (``_may_restate``), one told on
    a day it shares first; of those, the first told, since an article returns to its lead more than to any aside.
    The grouping put the two apart on a cue that is no evidence (the text moved on to another incident between
    them, or the group's place came from its context); a gated incident with evidence against every earlier one
    is background, whose place, day and figures would pull an event apart from its other reports."""
    rules = co.load_rules()
    could = [i for i, incident in enumerate(earlier) if _may_restate(group, incident, rules)]
    same_day = [i for i in could if _shares_day(group, earlier[i])]
    return next(iter(same_day or could), None)


def incident_features(group: list[Mention], earlier: list[list[Mention]], told: int, document: Document) -> list[str]:
    """The names of the cues that fire for one incident of an article (``group``, its reports), after the
    ``earlier`` incidents the article told, of ``told`` in all."""
    rules = co.load_rules()
    first = group[0]
    found = {"bias", f"type:{first.event_type}"}
    found.add("sentences:" + bucket(len({m.sentence.start for m in group}), (1, 2), ("1", "2", "3+")))
    found.add("index:" + bucket(len(earlier), (0, 1, 3), ("0", "1", "2-3", "4+")))
    found.add("incidents:" + bucket(told, (1, 3, 6), ("1", "2-3", "4-6", "7+")))
    if any(m.headline for m in group):
        found.add("headline")
    length = max(len(document.text), 1)
    found.add("pos:" + bucket(first.sentence.start / length, (0.1, 0.3, 0.6), ("lead", "early", "middle", "late")))
    own_day = any(co.own_date(m) is not None for m in group)
    own_place = any(co.own_place_mentions(m) for m in group)
    if own_day:
        found.add("own_day")
    if own_place:
        found.add("own_place")
    if not own_day and not own_place:
        found.add("nothing_own")
    tolls = [m.fatalities.best for m in group if m.fatalities is not None and m.fatalities.best is not None]
    found.add(
        "toll:"
        + ("none" if not tolls else bucket(max(tolls), (0, 9, 99, 999), ("0", "1-9", "10-99", "100-999", "1000+")))
    )
    if any(m.restates for m in group):
        found.add("restates")
    if all(m.modality != "asserted" for m in group):
        found.add("not_asserted")
    found.add("confidence:" + bucket(max(m.confidence for m in group), (0.3, 0.5, 0.7), ("low", "mid", "high", "top")))
    before = [m for incident in earlier for m in incident]
    if any(m.event_type == first.event_type for m in before):
        found.add("same_type_before")
    if any(not co.kinds_differ(first, m, rules) for m in before):
        found.add("kind_compatible_before")
    if before and all(co.places_conflict(first, m) for m in before):
        found.add("place_conflict_all_before")
    elif any(co.places_conflict(first, m) for m in before):
        found.add("place_conflict_before")
    date = co.told_date(first)
    if date is not None and any((d := co.told_date(m)) is not None and date.overlaps(d) for m in before):
        found.add("day_shared_before")
    if any(_could_be(group, incident, rules) for incident in earlier):
        found.add("could_be_before")
    if co.turns_to_another(first, rules):
        found.add("turns")
    for mention in group:
        found.update(f"any_{cue}" for cue in model_features(mention, document) if cue.startswith(_REPORT_CUES))
    return sorted(found)


def article_incidents(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """The incidents the gate reads: the groups of the reports no named rule calls background (reports it gated
    before count as reports, so that a store ingested with the gate trains as one ingested without)."""
    return co.group_document_mentions([m for m in mentions if not m.background or m.background in _LEARNED])


def incidents_as_events(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """The article's incidents as resolve places them, in document order: each incident the gate left as news with
    the reports of the restatements told of it (``restated_incident``, as the gate chose); background joins none."""
    incidents = article_incidents(mentions)
    events: list[list[Mention]] = []
    home: list[list[Mention] | None] = []  # the event each incident's reports joined, by its index
    for i, group in enumerate(incidents):
        marks = {m.background for m in group}
        if marks == {GATED}:
            home.append(None)
        elif marks == {RESTATED}:
            target = restated_incident(group, incidents[:i])
            joined = home[target] if target is not None else None
            if joined is not None:
                joined.extend(group)
            home.append(joined)
        else:
            event = list(group)
            events.append(event)
            home.append(event)
    return events


class IncidentGate(LogisticModel):
    """A logistic regression: the chance that an incident of an article is no news of its own."""


def gate_from_files(weights_file: Path, meta_file: Path) -> IncidentGate | None:
    """The gate stored at these paths, or None when there is none (every incident is then an event)."""
    parts = logistic_from_files(weights_file, meta_file)
    return IncidentGate(*parts) if parts else None


@functools.cache
def load_gate() -> IncidentGate | None:
    return gate_from_files(data_path(*MODEL_FILE), data_path(*META_FILE))


def gate_incidents(mentions: list[Mention], document: Document, gate: IncidentGate | None = None) -> None:
    """Marks the reports of each incident of the article the gate finds to be no news of its own: as a restatement
    (``learned_restatement``) when it may restate an incident told before it (``restated_incident``), else as
    background (``learned_incident``). The article's lead incident is never gated: an article tells at least its own
    news."""
    gate = gate or load_gate()
    if gate is None:
        return
    incidents = article_incidents(mentions)
    for i, group in enumerate(incidents):
        if i == 0:
            continue
        names = incident_features(group, incidents[:i], len(incidents), document)
        if gate.probability(names) >= gate.threshold:
            mark = GATED if restated_incident(group, incidents[:i]) is None else RESTATED
            for mention in group:
                mention.background = mark


def regate_incidents(mentions: list[Mention], document: Document, gate: IncidentGate | None) -> None:
    """Judges the article's incidents anew with ``gate`` (None: the gate off). The marks a gate set before are
    cleared first, so that reports stored with one gate read as if ingested with another: a refitted gate is
    cross-fitted on stores already ingested (``scripts/regate_incident_gate.py``). Named rules' marks stay."""
    for mention in mentions:
        if mention.background in _LEARNED:
            mention.background = ""
    if gate is not None:
        gate_incidents(mentions, document, gate)
