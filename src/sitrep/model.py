"""The objects that pass between pipeline stages.

Every value that comes from text keeps a :class:`Span` (document name and
character offsets), so any coded field can be traced back to the sentence it
came from. Stages exchange these dataclasses, never loose dicts.

``to_dict``/``from_dict`` give a JSON-safe form used by the store and the
exports; dates travel as ISO strings there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

# --- vocabularies -----------------------------------------------------------

ParagraphKind = Literal["body", "headline", "standfirst", "caption", "link", "comments", "byline"]
FURNITURE_KINDS: frozenset[str] = frozenset({"caption", "link", "comments", "byline"})

Modality = Literal["asserted", "reported", "denied", "planned", "feared", "hypothetical", "rumour"]
MODALITIES: tuple[str, ...] = typing.get_args(Modality)

DatePrecision = Literal["day", "week", "part-of-month", "month", "approximate", "year"]
DATE_PRECISIONS: tuple[str, ...] = typing.get_args(DatePrecision)

PlacePrecision = Literal["site", "town", "admin2", "admin1", "country", "region"]
PLACE_PRECISIONS: tuple[str, ...] = typing.get_args(PlacePrecision)

SourceKind = Literal["unnamed", "official", "outlet", "organisation", "government", "person", "publisher"]

ActorRoleName = Literal["actor1", "assoc_actor1", "actor2", "assoc_actor2"]


# --- text provenance --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A character range ``[start, end)`` in a document's text."""

    doc: str
    start: int
    end: int
    text: str = ""

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end} in {self.doc!r}")


# --- ingest -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a document; ``kind`` marks furniture instead of deleting it."""

    start: int
    end: int
    kind: ParagraphKind = "body"

    @property
    def is_furniture(self) -> bool:
        return self.kind in FURNITURE_KINDS


@dataclass(slots=True)
class Document:
    """An article as read from a source, before any NLP."""

    name: str
    content_hash: str
    text: str
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    origin: str | None = None  # where it was read from (path, URL, "-")

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for paragraph in self.paragraphs:
            if paragraph.start <= offset < paragraph.end:
                return paragraph
        return None

    def paragraph_text(self, paragraph: Paragraph) -> str:
        return self.text[paragraph.start : paragraph.end]


# --- extraction -------------------------------------------------------------


@dataclass(slots=True)
class Source:
    """Who says something: unnamed sources, an official, an outlet."""

    name: str
    kind: SourceKind
    span: Span | None = None


@dataclass(slots=True)
class AttributionChain:
    """Sources in order, originator first and publisher last."""

    sources: list[Source] = field(default_factory=list)

    def names(self) -> list[str]:
        return [s.name for s in self.sources]


@dataclass(slots=True)
class ActorRole:
    role: ActorRoleName
    name: str  # canonical name from the actor dictionary
    actor_type: str  # e.g. "State forces", "Rebel groups", "Civilians"
    span: Span | None = None


@dataclass(slots=True)
class DateInterval:
    start: dt.date
    end: dt.date
    precision: DatePrecision
    span: Span | None = None

    def overlaps(self, other: DateInterval) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def days(self) -> int:
        """How many days the interval covers, both ends included."""
        return (self.end - self.start).days + 1


@dataclass(slots=True)
class Quantity:
    """A figure with its bounds: "more than 120 trucks" -> low 121, best None."""

    unit: str
    low: int | None = None
    best: int | None = None
    high: int | None = None
    span: Span | None = None
    kind: str = "count"  # count | killed | wounded | missing | troops | attacks ...


@dataclass(slots=True)
class PlaceAlternative:
    """Another gazetteer entry the geocoder considered for a mention, with its score (lower than the chosen one)."""

    gazetteer_id: str
    name: str
    country: str | None
    lat: float
    lon: float
    precision: PlacePrecision
    score: float = 0.0


@dataclass(slots=True)
class Place:
    """A gazetteer entry a place mention was resolved to."""

    gazetteer_id: str
    name: str
    country: str | None
    lat: float
    lon: float
    precision: PlacePrecision
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # GeoNames feature code or curated site type
    score: float = 0.0
    # The next best candidates, best first; not part of a place's identity (two readings of one entry are equal).
    alternatives: list[PlaceAlternative] = field(default_factory=list, compare=False)


# Roles of a place mention. Extraction proposes ``candidate`` (a proper noun after a locative) and ``name`` (any
# other proper noun) for the geocoder to keep or drop; ``context`` is a place inherited from earlier text.
LOCATION_ROLE = "location"
CANDIDATE_ROLE = "candidate"
NAME_ROLE = "name"
INHERITED_ROLE = "context"


@dataclass(slots=True)
class PlaceMention:
    text: str
    span: Span
    role: str = LOCATION_ROLE  # location | origin | destination | context | candidate | name
    place: Place | None = None


@dataclass(slots=True)
class FramingTerm:
    term: str
    category: str  # e.g. delegitimising, emotive, euphemism
    span: Span
    # How the text uses it: "" (in its own voice), "quoted" (inside a quotation: the speaker's word), "negated"
    # ("they are not terrorists").
    context: str = ""


@dataclass(slots=True)
class Mention:
    """One event as one sentence reports it."""

    id: str
    doc: str
    sentence: Span
    trigger: Span
    # An EventType and SubEventType of the ontology (sitrep.data.ontology_types), checked where they enter: the
    # ontology's schema and the typing model's labels (tests/test_data_files.py). Kept `str` because gold and stored
    # rows may carry "" (no type); `is_event_type` checks a value at such a boundary.
    event_type: str
    sub_event_type: str
    plover: str
    actors: list[ActorRole] = field(default_factory=list)
    date: DateInterval | None = None
    places: list[PlaceMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    fatalities: Quantity | None = None
    chain: AttributionChain = field(default_factory=AttributionChain)
    modality: Modality = "asserted"
    framing: list[FramingTerm] = field(default_factory=list)
    evidence: Span | None = None
    confidence: float = 1.0
    # The trigger is a definite description ("the strike", "its attack"): it restates an incident the
    # document has already reported, unless it is the document's first report of one.
    restates: bool = False
    # Not an incident but its background (a war's running toll, history, a habitual or ongoing state): the name
    # of the rule that said so (sitrep.extract.background); such a report joins no event, but for a restatement the
    # incident gate recognised (learned_restatement), which joins the event of the incident it restates.
    background: str = ""
    # The trigger lies in the document's title as the text opens with it ("Aleppo bomb blast kills six"): the report
    # sums up the article's lead incident (sitrep.resolve.coreference.mark_headline).
    headline: bool = False
    # The report is one place's part of a sentence that gives each of its places its own figure (a_figure_per_place):
    # the id of that sentence's report, shared by all its parts; parts of one sentence are distinct incidents
    # (sitrep.resolve.coreference.parts_of_one_sentence_apart). Empty for a report of a whole sentence.
    part_of: str = ""

    def actor(self, role: str) -> ActorRole | None:
        return next((a for a in self.actors if a.role == role), None)


@dataclass(slots=True)
class Claim:
    """A statement that is not one event: a count over a period, a troop level, an intention."""

    id: str
    doc: str
    subject: str
    scope: str | None
    quantity: Quantity | None
    sentence: Span
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    chain: AttributionChain = field(default_factory=AttributionChain)
    modality: Modality = "asserted"
    framing: list[FramingTerm] = field(default_factory=list)
    evidence: Span | None = None
    topic: str = ""  # normalised key for grouping claims about the same quantity
    # The report (mention id, same document) of the incident a denial or a claim of responsibility is about.
    concerns: str | None = None


# --- resolution -------------------------------------------------------------


@dataclass(slots=True)
class Figure:
    """One kind of figure for an event across its reports (UCDP-style low/best/high)."""

    kind: str
    low: int | None
    best: int | None
    high: int | None
    by_mention: dict[str, Quantity] = field(default_factory=dict)


@dataclass(slots=True)
class Contradiction:
    kind: str  # figure | estimates | date | denial | scope
    description: str
    a: str  # mention or claim id
    b: str
    subject: str = ""
    # Every pair of reports that disagree on this field, as (kind, a, b): one entry lists all positions.
    pairs: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """A resolved incident: its reports and the fields derived from them."""

    id: str
    mentions: list[Mention]
    event_type: str  # the majority of its reports' types: an EventType of the ontology (see Mention)
    sub_event_type: str
    plover: str
    date: DateInterval | None
    places: list[Place] = field(default_factory=list)
    actors: list[ActorRole] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)


# --- JSON-safe conversion ---------------------------------------------------

T = TypeVar("T")


def to_dict(obj: Any) -> Any:
    """Turn a model object (or list/dict of them) into JSON-safe data."""
    names = _field_names(obj.__class__)
    if names is not None:
        return {name: to_dict(getattr(obj, name)) for name in names}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    return obj


@functools.cache
def _field_names(tp: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (None for any other type), worked out once per type: the store
    converts thousands of reports, and ``dataclasses.fields`` rebuilds its answer on every call."""
    return tuple(f.name for f in dataclasses.fields(tp)) if dataclasses.is_dataclass(tp) else None


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a model object from :func:`to_dict` output."""
    convert: Converter = _converter(typing.cast(Any, cls))
    return typing.cast(T, convert(data))


Converter = typing.Callable[[Any], Any]


def _same(data: Any) -> Any:
    return data


@functools.cache
def _converter(tp: Any) -> Converter:
    """The function that rebuilds values of type ``tp`` (None stays None), with the type's structure worked out
    once per type: the store rebuilds thousands of reports a second, and asking ``typing`` about every value of
    every field each time was most of that cost."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _converter(args[0]) if len(args) == 1 else _same
    if origin is list:
        item = _converter(typing.get_args(tp)[0])
        return lambda data: None if data is None else [item(v) for v in data]
    if origin is dict:
        value = _converter(typing.get_args(tp)[1])
        return lambda data: None if data is None else {k: value(v) for k, v in data.items()}
    if tp is dt.date:
        return lambda data: dt.date.fromisoformat(data) if isinstance(data, str) else data
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_converter(tp)
    return _same


def _dataclass_converter(tp: type) -> Converter:
    fields: list[tuple[str, Converter]] = []  # filled on first use: a class may name itself in its fields

    def convert(data: Any) -> Any:
        if data is None:
            return None
        if not fields:
            fields.extend((name, _converter(hint)) for name, hint in _field_types(tp))
        return tp(**{name: build(data[name]) for name, build in fields if name in data})

    return convert


@functools.cache
def _field_types(tp: type) -> tuple[tuple[str, Any], ...]:
    """A dataclass's fields with their resolved types; resolving them is slow, so it is done once per class."""
    hints = typing.get_type_hints(tp)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(tp))
