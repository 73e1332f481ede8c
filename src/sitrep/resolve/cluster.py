"""Incremental clustering: each new mention (or one document's group of reports of one incident) attaches to an
existing event, starts one, or merges two.

A match is judged on every report of the event, not only on its summary: a mention that cannot be the same
incident as one of the event's reports (another kind of act, another day, another place) stays out, so that A~B
and B~C never chain A and C into one event.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal

from sitrep.model import DateInterval, Event, Mention, Place
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.coreference import (
    anchoring_slip,
    coded_type,
    contains,
    distinct_places,
    distinct_written_places,
    named_weekdays,
    own_date,
    own_place_mentions,
    told_date,
    told_on_that_day,
)
from sitrep.resolve.coreference import load_rules as incident_rules
from sitrep.resolve.derive import derive_event, lead_reports, majority
from sitrep.resolve.scoring import match_score, type_score
from sitrep.resolve.similarity import best_place_score, date_score
from sitrep.resolve.store import CandidateSource

ResolutionAction = Literal["new", "attach", "merge"]

# Reports that tell an incident as done, in the text's own voice or a source's.
TOLD_AS_DONE = frozenset({"asserted", "reported"})


@dataclass(slots=True)
class Resolution:
    mention_id: str
    event_id: str
    action: ResolutionAction
    score: float
    merged_from: list[str] = field(default_factory=list)  # event ids absorbed into event_id (now redirects)


def event_id_for(mention: Mention) -> str:
    """Deterministic: the same first report always gives the same event id."""
    return "ev_" + hashlib.sha1(mention.id.encode("utf-8")).hexdigest()[:12]


def attach_threshold(mention: Mention, cfg: ResolveConfig) -> float:
    """Mentions without date and place must clear a higher bar: other evidence has to be strong."""
    has_place = any(pm.place is not None for pm in mention.places)
    if mention.date is None and not has_place:
        return cfg.attach_without_date_or_place
    return cfg.attach_threshold


def contradicts(mention: Mention, report: Mention, cfg: ResolveConfig) -> bool:
    """The two cannot report one incident: incompatible types, days apart (each dated as ``as_dated`` dates it),
    places apart, or each names its own town or village and they are not the same (see ``distinct_places``)."""
    if mention.doc == report.doc:
        return False  # one document's reports were grouped before resolution
    facts = incident_rules().facts_of_an_incident
    if (
        not type_score(mention.event_type, report.event_type, cfg)
        and not {mention.sub_event_type, report.sub_event_type} & facts
    ):
        return True
    mine, theirs = as_dated(mention, cfg), as_dated(report, cfg)
    if _dated(mine) and _dated(theirs) and not date_score(mine.date, theirs.date, cfg):  # type: ignore[arg-type]
        return True
    if _other_day(mention, report):
        return True
    if places_apart(_placed(mention), _placed(report), cfg):
        return True
    return distinct_places(mention, report)


def places_apart(mine: list[Place], theirs: list[Place], cfg: ResolveConfig) -> bool:
    """No place of one report can be a place of the other: each pair too far apart for their precisions, and
    neither holds the other (a town in the province the other names is one place however far the province's point)."""
    if best_place_score(mine, theirs, cfg) != 0.0:
        return False
    return not any(contains(a, b) or contains(b, a) for a in mine for b in theirs)


def _other_day(a: Mention, b: Mention) -> bool:
    """Each report's own sentence names the day ("on Tuesday", "on Wednesday"), and they are different days: different
    dates, or different weekdays however the reports' dates were anchored (one weekday each)."""
    day_a, day_b = own_date(a), own_date(b)
    if day_a is None or day_b is None:
        return False
    weekdays_a, weekdays_b = named_weekdays(day_a), named_weekdays(day_b)
    # weekday_of_the_telling: "IS on Monday claimed the blast" names the claim's day, not the act's.
    telling = told_on_that_day(day_a, a) or told_on_that_day(day_b, b)
    if len(weekdays_a) == len(weekdays_b) == 1 and weekdays_a != weekdays_b and not telling:
        return True
    # deictic_day_is_loose: "tonight" in a statement may be the night before the day another report names.
    return (
        day_a.precision == day_b.precision == "day" and not day_a.overlaps(day_b) and not anchoring_slip(day_a, day_b)
    )


def as_dated(mention: Mention, cfg: ResolveConfig) -> Mention:
    """The report as resolution dates it. restated_date_is_a_bound: a report that restates an incident told as known
    ("the recent chemical attack in Khan Shaikhoun") and whose date its own sentence does not give took the date of
    the sentences around it, those of a telling (a call "on Monday", a statement): the incident was that day or in the
    ``restated_reach_days`` before it, so it is dated so, roughly, for finding and judging the events it may join."""
    date = mention.date
    if not mention.restates or date is None or own_date(mention) is not None or told_date(mention) is None:
        return mention
    start = date.end - dt.timedelta(days=cfg.restated_reach_days)
    return dataclasses.replace(mention, date=DateInterval(start, date.end, "approximate", date.span))


def _dated(mention: Mention) -> bool:
    """The text dates the mention (not only the days before publication a report with no date is given): a date of
    any precision its text states ("between Monday and Wednesday", "in recent days"), not as a dateline, dates it
    too (text_dates_the_report), so a group with such a report never joins an event months away."""
    if mention.date is None:
        return False
    return mention.date.precision != "approximate" or told_date(mention) is not None


def _placed(mention: Mention) -> list[Place]:
    """The resolved places the mention's sentence names itself. province_locates_its_town: a province or country the
    sentence names beside a town in it ("al-Buseiri village in Homs province") only says where the town is; the town
    places the report, so the province's point does not bring another province's report within reach."""
    places = [pm.place for pm in own_place_mentions(mention) if pm.place is not None]
    return [p for p in places if not any(contains(p, town) for town in places)]


def _told_type(mentions: list[Mention]) -> str:
    """The type the reports' leads give (as an event derived from them would have)."""
    leads = lead_reports([m for m in mentions if m.modality != "denied"] or mentions)
    return coded_type((m.event_type for m in leads), majority(m.event_type for m in leads))


def _same_day(a: Mention, b: Mention) -> bool:
    """The text gives each report a day (not the days before publication an undated report gets), the same one."""
    day_a, day_b = a.date, b.date
    return (
        day_a is not None
        and day_b is not None
        and day_a.span is not None
        and day_b.span is not None
        and day_a.precision == day_b.precision == "day"
        and day_a.overlaps(day_b)
    )


def told_two_ways_apart(mentions: list[Mention], event: Event, cfg: ResolveConfig) -> bool:
    """The reports tell another type than the event, and no report of each gives the same day: two incidents, not
    one told two ways (``two_ways_need_the_day``; their places are compared as for any two reports)."""
    if not cfg.two_ways_need_the_day or not event.mentions:
        return False
    if not any(m.modality in TOLD_AS_DONE for m in mentions) or not any(
        m.modality in TOLD_AS_DONE for m in event.mentions
    ):
        return False  # a denial or a claim tells the incident in its own words
    if _told_type(mentions) == event.event_type:
        return False
    return not any(_same_day(m, report) for m in mentions for report in event.mentions)


def contradicts_a_report(mentions: list[Mention], event: Event, cfg: ResolveConfig) -> bool:
    """Some report of ``mentions`` cannot be one incident with some report of the event; or, judged on all of them,
    the two sides tell two types apart or name different villages as written."""
    if told_two_ways_apart(mentions, event, cfg):
        return True
    others = [m for m in event.mentions if all(m.doc != mine.doc for mine in mentions)]
    if others and distinct_written_places(mentions, others):
        return True
    return any(contradicts(m, report, cfg) for m in mentions for report in event.mentions)


def rank_candidates(mention: Mention, candidates: list[Event], cfg: ResolveConfig) -> list[tuple[float, Event]]:
    return rank_group_candidates([mention], candidates, cfg)


def rank_group_candidates(
    group: list[Mention], candidates: list[Event], cfg: ResolveConfig
) -> list[tuple[float, Event]]:
    """Candidates no report of the group contradicts, by the best score any report of the group gets."""
    scored = [
        (max(match_score(as_dated(m, cfg), event, cfg) for m in group), event)
        for event in candidates
        if not contradicts_a_report(group, event, cfg)
    ]
    return sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], s[1].id))


def mergeable(absorbed: Event, target: Event, cfg: ResolveConfig) -> bool:
    """Two events merge only if none of one's reports is hard-incompatible (type, date, place) with the other or
    contradicts one of its reports."""
    return all(
        match_score(as_dated(m, cfg), target, cfg) > 0.0 for m in absorbed.mentions
    ) and not contradicts_a_report(absorbed.mentions, target, cfg)


def resolve_mention(mention: Mention, events: CandidateSource, cfg: ResolveConfig) -> Resolution:
    return resolve_group([mention], events, cfg)


def resolve_group(group: list[Mention], events: CandidateSource, cfg: ResolveConfig | None = None) -> Resolution:
    """Places one document's reports of one incident together: they attach to the best event none of them
    contradicts, merge events they all fit, or start an event named after the first of them."""
    cfg = cfg or load_config()
    lead = group[0]
    existing = events.event_of_mention(lead.id)
    if existing is not None:  # already resolved: re-ingesting changes nothing
        return Resolution(lead.id, existing, "attach", 1.0)
    candidates: dict[str, Event] = {}
    for mention in group:
        for event in events.candidate_events(as_dated(mention, cfg), cfg.candidate_window_days):
            candidates.setdefault(event.id, event)
    ranked = rank_group_candidates(group, [candidates[i] for i in sorted(candidates)], cfg)
    best_score = ranked[0][0] if ranked else 0.0
    if best_score < min(attach_threshold(m, cfg) for m in group):
        event = derive_event(event_id_for(lead), list(group), cfg)
        events.save_event(event)
        return Resolution(lead.id, event.id, "new", best_score)
    target = ranked[0][1]
    absorbed = [e for s, e in ranked[1:] if s >= cfg.merge_threshold and mergeable(e, target, cfg)]
    if best_score < cfg.merge_threshold:
        absorbed = []
    reports = target.mentions + [m for e in absorbed for m in e.mentions] + list(group)
    for event in absorbed:
        events.retire_event(event.id, into=target.id)
    events.save_event(derive_event(target.id, reports, cfg))
    action: ResolutionAction = "merge" if absorbed else "attach"
    return Resolution(lead.id, target.id, action, best_score, [e.id for e in absorbed])


def resolve_mentions(
    mentions: list[Mention], events: CandidateSource, cfg: ResolveConfig | None = None
) -> list[Resolution]:
    """Resolve new mentions one by one against the store (incremental: nothing else is re-clustered)."""
    cfg = cfg or load_config()
    return [resolve_mention(mention, events, cfg) for mention in mentions]
