"""Source view: per outlet and originator, what it reports alone, how its figures compare, its framing."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.extract.attribution import canonical_source, source_category
from sitrep.model import Event, Mention
from sitrep.resolve.similarity import effective_range


@dataclass(slots=True)
class SourceProfile:
    name: str
    kind: str  # "outlet" or the originator's SourceKind
    events: int
    sole_reporter: int  # events no other source of this kind reports
    highest_figure: int  # event figures where it gave the highest value (when reports disagree)
    lowest_figure: int
    framing_terms: int
    framing_per_report: float


def mention_sources(mention: Mention, outlets_by_doc: dict[str, str]) -> list[tuple[str, str]]:
    """(name, kind) of the outlet that published the report and, if different, who it attributes it to; each
    under one canonical name (the source table's, "SOHR" and "the Syrian Observatory" are one monitor), and a
    known originator under its category (monitor, state media, armed group ...)."""
    outlet = outlets_by_doc.get(mention.doc) or (mention.chain.sources[-1].name if mention.chain.sources else "")
    outlet = canonical_source(outlet) or outlet
    found = [(outlet, "outlet")] if outlet else []
    if len(mention.chain.sources) > 1:
        originator = mention.chain.sources[0]
        name = canonical_source(originator.name) or originator.name
        if name != outlet:
            found.append((name, source_category(name) or originator.kind))
    return found


@dataclass(slots=True)
class _Tally:
    events: set[str]
    sole: int = 0
    highest: int = 0
    lowest: int = 0
    framing: int = 0
    reports: int = 0


def _figure_extremes(event: Event, outlets_by_doc: dict[str, str], tallies: dict[tuple[str, str], _Tally]) -> None:
    by_id = {m.id: m for m in event.mentions}
    for figure in event.figures:
        values: dict[str, int] = {}
        for mention_id, quantity in figure.by_mention.items():
            bounds = effective_range(quantity.low, quantity.best, quantity.high)
            if bounds is not None:
                values[mention_id] = quantity.best if quantity.best is not None else bounds[0]
        if len(set(values.values())) < 2:
            continue  # everyone agrees: nobody is highest or lowest
        top, bottom = max(values.values()), min(values.values())
        credited: set[tuple[tuple[str, str], str]] = set()
        for mention_id, value in values.items():
            for key in mention_sources(by_id[mention_id], outlets_by_doc):
                if value == top and (key, "high") not in credited:
                    tallies[key].highest += 1
                    credited.add((key, "high"))
                if value == bottom and (key, "low") not in credited:
                    tallies[key].lowest += 1
                    credited.add((key, "low"))


def source_profiles(events: list[Event], outlets_by_doc: dict[str, str]) -> list[SourceProfile]:
    """One profile per outlet and originator, busiest first."""
    tallies: dict[tuple[str, str], _Tally] = {}
    for event in events:
        reporters: dict[str, set[str]] = {}
        for mention in event.mentions:
            for name, kind in mention_sources(mention, outlets_by_doc):
                tally = tallies.setdefault((name, kind), _Tally(set()))
                tally.events.add(event.id)
                tally.reports += 1
                tally.framing += len(mention.framing)
                reporters.setdefault("outlet" if kind == "outlet" else "originator", set()).add(name)
        for group, names in reporters.items():
            if len(names) == 1:
                (name,) = names
                for key in [k for k in tallies if k[0] == name and (k[1] == "outlet") == (group == "outlet")]:
                    if event.id in tallies[key].events:
                        tallies[key].sole += 1
        _figure_extremes(event, outlets_by_doc, tallies)
    profiles = [
        SourceProfile(
            name,
            kind,
            len(t.events),
            t.sole,
            t.highest,
            t.lowest,
            t.framing,
            round(t.framing / t.reports, 3) if t.reports else 0.0,
        )
        for (name, kind), t in tallies.items()
    ]
    return sorted(profiles, key=lambda p: (-p.events, p.name, p.kind))
