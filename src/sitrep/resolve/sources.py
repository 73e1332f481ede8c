"""Source view: per outlet and originator, what it reports alone, how its figures compare, its framing."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from sitrep.extract.attribution import canonical_source, listed_spelling, source_category
from sitrep.extract.quantities import effective_range
from sitrep.model import AttributionChain, Event, Mention
from sitrep.resolve.coreference import group_document_mentions


@dataclass(slots=True)
class SourceProfile:
    name: str
    kind: str  # its category when the source table knows it (wire, state_media, monitor ...), else "outlet" or
    # the originator's SourceKind
    events: int
    sole_reporter: int  # events no other outlet (or, as an originator, no other originator) reports
    highest_figure: int  # event figures where it gave the highest value (when reports disagree)
    lowest_figure: int
    framing_terms: int
    framing_per_report: float


def mention_sources(mention: Mention, outlets_by_doc: dict[str, str]) -> list[tuple[str, str]]:
    """(name, kind) of the outlet that published the report and, if different, who it attributes it to; each
    under one canonical name (the source table's, "SOHR" and "the Syrian Observatory" are one monitor), and a
    known originator under its category (monitor, state media, armed group ...)."""
    outlet = outlets_by_doc.get(mention.doc) or (mention.chain.sources[-1].name if mention.chain.sources else "")
    outlet = _one_name(outlet) if outlet else outlet
    found = [(outlet, "outlet")] if outlet else []
    if len(mention.chain.sources) > 1:
        originator = mention.chain.sources[0]
        name = _one_name(originator.name)
        if name != outlet:
            found.append((name, source_category(name) or originator.kind))
    return found


def _one_name(name: str) -> str:
    """A source's one listed name, also when written in another case ("Sana news agency" read as "Sana")."""
    spelled = listed_spelling(name)
    return canonical_source(name) or (spelled.name if spelled else name)


def names_its_source(chain: AttributionChain) -> bool:
    """Someone the text names stands behind the report (a source with a span in the text), not only the
    publisher and the story's wire credit."""
    return any(source.span is not None for source in chain.sources)


def share_headline_chains(mentions: list[Mention], paragraph_of: dict[str, int] | None = None) -> None:
    """Who says an incident is who the article says told it. A story's opening sums up what its sources then tell,
    and names none of them: a report from the title (see ``Mention.headline``), or from the sentences of the first
    paragraph before the first sentence that names a source, takes the chain of the story's first sentence about
    the same incident that names one, when that sentence is in the same paragraph ("Strikes kill 19 in Raqqa. Air
    strikes hit the town on Sunday. The Observatory said the strikes killed 19 ...").
    ``incident_told_by_its_source``: later in the story, a report that names no source takes the chain of the
    sentence right after it when that sentence names one about the same incident and gives no other toll (a
    section's lead before the sentence giving its source: "In Hama a bomb killed three. A source at the police told
    the agency the bomb went off in a car"). ``paragraph_of``: mention id -> paragraph number."""
    paragraphs = paragraph_of or {}
    named_from = min((m.sentence.start for m in mentions if names_its_source(m.chain)), default=None)
    if named_from is None:
        return
    for group in group_document_mentions([m for m in mentions if not m.background]):
        in_order = sorted(group, key=lambda m: m.sentence.start)
        first = next((m for m in in_order if not m.headline and names_its_source(m.chain)), None)
        if first is None:
            continue
        for mention in group:
            same_paragraph = paragraphs.get(mention.id) == paragraphs.get(first.id)
            opening = mention.headline or (mention.sentence.start < named_from and same_paragraph)
            if opening and not names_its_source(mention.chain) and _holds_the_lead(first.chain):
                mention.chain = AttributionChain(sources=list(first.chain.sources))
        body = [m for m in in_order if not m.headline]
        for earlier, later in reversed(list(itertools.pairwise(body))):  # a lead, told by the sentence after it
            if (
                _next_sentence(earlier, later, paragraphs)
                and names_its_source(later.chain)
                and not names_its_source(earlier.chain)
            ):
                earlier.chain = AttributionChain(sources=list(later.chain.sources))


def _holds_the_lead(chain: AttributionChain) -> bool:
    """A story's opening is told by the body, office or outlet that gives its facts, not by anonymous sources or
    witnesses the body goes on to quote for a detail ("a relative told AFP", "witnesses said the hall shook")."""
    return bool(chain.sources) and chain.sources[0].kind != "unnamed"


# Sentences this many characters apart or fewer follow each other (a space or a line break between them).
_SENTENCE_GAP = 2


def _next_sentence(earlier: Mention, later: Mention, paragraphs: dict[str, int]) -> bool:
    """``later``'s sentence is the one right after ``earlier``'s, in the same paragraph (or the same sentence), and
    the two tell no different tolls (a sentence giving another toll than its neighbour is another account of it, which
    contradictions set against the neighbour's)."""
    if paragraphs.get(earlier.id) != paragraphs.get(later.id) or _tolls_differ(earlier, later):
        return False
    gap = later.sentence.start - earlier.sentence.end
    return later.sentence.start == earlier.sentence.start or 0 <= gap <= _SENTENCE_GAP


def _tolls_differ(a: Mention, b: Mention) -> bool:
    """Both reports give a toll of the same kind, and not the same figure."""
    if a.fatalities is None or b.fatalities is None or a.fatalities.kind != b.fatalities.kind:
        return False
    return (a.fatalities.low, a.fatalities.best, a.fatalities.high) != (
        b.fatalities.low,
        b.fatalities.best,
        b.fatalities.high,
    )


@dataclass(slots=True)
class _Tally:
    events: set[str]
    kinds: list[str]  # the kinds it was seen as, in order
    sole: set[str]  # events it alone reports, among the outlets or among the originators
    highest: int = 0
    lowest: int = 0
    framing: int = 0
    reports: int = 0

    @property
    def kind(self) -> str:
        """Its category when the source table knows it, else "outlet" when it ever published, else the kind
        its first report gave it."""
        return "outlet" if "outlet" in self.kinds else self.kinds[0]


def _figure_extremes(
    event: Event, outlets_by_doc: dict[str, str], tallies: dict[str, _Tally], spelled: dict[str, str]
) -> None:
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
        credited: set[tuple[str, str]] = set()
        for mention_id, value in values.items():
            for written, _kind in mention_sources(by_id[mention_id], outlets_by_doc):
                name = spelled.get(written.casefold(), written)
                if value == top and (name, "high") not in credited:
                    tallies[name].highest += 1
                    credited.add((name, "high"))
                if value == bottom and (name, "low") not in credited:
                    tallies[name].lowest += 1
                    credited.add((name, "low"))


def source_profiles(events: list[Event], outlets_by_doc: dict[str, str]) -> list[SourceProfile]:
    """One profile per source, under its one canonical name ("SANA" as the publisher of one story and as the
    originator in another's chain is one row, of its category; a name the table lacks is one row however it is
    capitalised), busiest first."""
    tallies: dict[str, _Tally] = {}
    spelled: dict[str, str] = {}  # a name not in the source table, folded -> how it was first written
    for event in events:
        reporters: dict[str, set[str]] = {}
        for mention in event.mentions:
            for written, kind in mention_sources(mention, outlets_by_doc):
                name = spelled.setdefault(written.casefold(), written)  # "Defense Ministry" = "defense ministry"
                tally = tallies.setdefault(name, _Tally(set(), [], set()))
                tally.events.add(event.id)
                tally.kinds.append(kind)
                tally.reports += 1
                tally.framing += len(mention.framing)
                reporters.setdefault("outlet" if kind == "outlet" else "originator", set()).add(name)
        for names in reporters.values():
            if len(names) == 1:
                tallies[next(iter(names))].sole.add(event.id)
        _figure_extremes(event, outlets_by_doc, tallies, spelled)
    profiles = [
        SourceProfile(
            name,
            source_category(name) or t.kind,
            len(t.events),
            len(t.sole),
            t.highest,
            t.lowest,
            t.framing,
            round(t.framing / t.reports, 3) if t.reports else 0.0,
        )
        for name, t in tallies.items()
    ]
    return sorted(profiles, key=lambda p: (-p.events, p.name, p.kind))
