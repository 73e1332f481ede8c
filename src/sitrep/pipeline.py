"""The whole job: read -> nlp -> extract -> geocode -> resolve -> store.

``process_document`` is the pure per-document part (it can run in a Dask
worker); ``ingest`` drives it over sources and writes to a store, one
document at a time, so one bad document never loses what was stored. The
documents are parsed a batch at a time (spaCy's ``nlp.pipe``, faster than one
``nlp(text)`` per document); extraction and geocoding stay per document. Resolution
(matching reports to events) follows the documents' canonical order, not the input's
(``resolve_pending``), so the same documents in any order give the same events.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc

from sitrep.extract import extract_document
from sitrep.extract.actors import fill_actor_countries, name_counted_victims, share_document_doers
from sitrep.extract.background import mark_background
from sitrep.extract.events import Extraction
from sitrep.extract.places import continuing_places
from sitrep.geo import Gazetteer
from sitrep.geo.document import geocode_document, keep_unknown_places, scope_claims
from sitrep.ingest.readers import ReadFailure, ReadOptions, read_sources
from sitrep.model import INHERITED_ROLE, Claim, Contradiction, Document, Event, Mention, PlaceMention
from sitrep.nlp import load_pipeline, parse_text
from sitrep.nlp.pipeline import PIECE_CHARS
from sitrep.resolve import derive_event, group_claims, resolve_group
from sitrep.resolve.claims import (
    Components,
    connected_groups,
    denials_of_reports,
    group_contradictions,
    same_quantity,
    specific_topic,
    topic_key,
)
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.contradictions import answer_set_aside_denials, incident_contradictions, one_incident
from sitrep.resolve.coreference import mark_headline, share_incident_places, split_by_place_figures
from sitrep.resolve.incident_gate import gate_incidents, incidents_as_events
from sitrep.resolve.similarity import mention_places
from sitrep.resolve.sources import share_headline_chains
from sitrep.store import Store, StoredDocument
from sitrep.store.database import CanonicalKey, TopicGroup, canonical_key, claim_index_values

STAGES = ("extract", "geocode", "resolve")
# Documents parsed together by ``nlp.pipe``: 15-20% faster than one at a time on this project's articles
# (``benchmarks/throughput.py``); larger batches gain nothing more and hold more parses in memory.
NLP_BATCH = 32
# An ingest resolves the documents it wrote after every this many of them (and at its end): all of them at once, in
# canonical order. More at once means fewer replays of the documents after the earliest of them; fewer means
# events show sooner and a stopped run leaves less to resolve again.
RESOLVE_EVERY = 500


@dataclass
class ProcessedDocument:
    document: Document
    mentions: list[Mention]
    claims: list[Claim]


@dataclass
class IngestReport:
    stored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    resumed: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    near_duplicates: list[tuple[str, str]] = field(default_factory=list)
    failures: list[ReadFailure] = field(default_factory=list)
    mentions: int = 0
    claims: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures


def process_document(
    document: Document, gazetteer: Gazetteer | None = None, parsed: Doc | None = None
) -> ProcessedDocument:
    """NLP (unless ``parsed`` is given), extraction and geocoding of one document; touches no database."""
    parsed = parsed if parsed is not None else parse_text(document.text)
    extraction = extract_document(document, parsed)
    lend_continuing_places(extraction, parsed, document)
    mark_background(extraction.mentions, document)
    mark_headline(extraction.mentions, document)
    gazetteer = gazetteer or Gazetteer.open()
    places = geocode_document(extraction, document.text, gazetteer, document.outlet)
    keep_fine_lent_places(extraction.mentions)
    split_reports_by_place(extraction)
    mentions = extraction.mentions
    name_counted_victims(mentions)
    share_document_doers(mentions)
    fill_actor_countries(mentions, places.country_of, gazetteer.country_name)
    share_incident_places(mentions)
    keep_unknown_places(extraction, places, gazetteer)
    scope_claims(extraction, places, gazetteer)
    gate_incidents(mentions, document)  # on the places as stored: the gate was trained on stored reports
    share_headline_chains(mentions, extraction.paragraph_of)  # on the places as stored, grouped as resolve will
    answer_set_aside_denials(extraction.claims, mentions)  # once the reports set aside as background are known
    return ProcessedDocument(document, mentions, extraction.claims)


def split_reports_by_place(extraction: Extraction) -> None:
    """a_figure_per_place (``resolve.coreference.split_by_place_figures``): a report whose sentence gives each of its
    places its own figure becomes one report per place, on the places as resolved; each part keeps its report's
    paragraph."""
    parts = split_by_place_figures(extraction.mentions)
    paragraph_of = extraction.paragraph_of
    for part in parts:
        if part.part_of in paragraph_of:
            paragraph_of.setdefault(part.id, paragraph_of[part.part_of])
    extraction.mentions = parts


def lend_continuing_places(extraction: Extraction, parsed: Doc, document: Document) -> None:
    """continuing_sentence_lends_its_place: a sentence that tells no act of its own but says where the act told
    right before it happened ("Jets struck a market. It happened near the town of X.") lends its places to the
    reports of the sentence before it, in the same paragraph (``extract.places.continuing_places``); they are
    geocoded as the reports' own places."""
    told: dict[int, list[Mention]] = {}
    for mention in extraction.mentions:
        told.setdefault(mention.sentence.end, []).append(mention)
    dateline = extraction.dateline.span if extraction.dateline else None
    for before, sentence in itertools.pairwise(parsed.sents):
        reports = told.get(before.end_char)
        gap = document.text[before.end_char : sentence.start_char]
        if not reports or sentence.end_char in told or gap.strip() or "\n\n" in gap:
            continue
        lent = continuing_places(sentence, document.name, dateline)
        for mention in reports:
            mention.places.extend(replace(pm) for pm in lent)


def keep_fine_lent_places(mentions: list[Mention], cfg: ResolveConfig | None = None) -> None:
    """A place lent by the sentence after a report's (``lend_continuing_places``) is kept only where it resolved as
    finely as a town (a town, district or site: ``event_place_fineness``): that sentence adds where exactly the act
    was; a country or province it names besides tells whose forces or which border ("backed by Qatar", "into
    Turkey"), not where."""
    fine = (cfg or load_config()).fine_precisions
    for mention in mentions:
        mention.places = [
            pm
            for pm in mention.places
            if not lent_by_a_later_sentence(pm, mention) or (pm.place is not None and pm.place.precision in fine)
        ]


def lent_by_a_later_sentence(place: PlaceMention, mention: Mention) -> bool:
    """A place the report holds as its own but a later sentence of its document wrote (``lend_continuing_places``),
    not one carried from its context."""
    return place.role != INHERITED_ROLE and place.span.doc == mention.doc and place.span.start >= mention.sentence.end


def parse_documents(documents: Sequence[Document]) -> list[Doc]:
    """Each document's parse, the same as ``parse_text`` gives; texts of ordinary length go through ``nlp.pipe``
    together. An error is raised for the whole batch (``process_documents`` then parses one at a time)."""
    short = [d.text for d in documents if len(d.text) <= PIECE_CHARS]
    batch = iter(load_pipeline().pipe(short, batch_size=NLP_BATCH))
    return [next(batch) if len(d.text) <= PIECE_CHARS else parse_text(d.text) for d in documents]


def process_documents(
    documents: Sequence[Document], gazetteer: Gazetteer | None = None
) -> list[ProcessedDocument | Exception]:
    """``process_document`` for each document, parsed as a batch: each result, or the error its document gave
    (one bad document never stops the others)."""
    try:
        parses: list[Doc | None] = list(parse_documents(documents))
    except Exception:  # one text the parser refuses: parse one at a time, so the error names that document
        parses = [None] * len(documents)
    gazetteer = gazetteer or Gazetteer.open()
    results: list[ProcessedDocument | Exception] = []
    for document, parsed in zip(documents, parses, strict=True):
        try:
            results.append(process_document(document, gazetteer, parsed))
        except Exception as exc:
            results.append(exc)
    return results


class _BatchParser:
    """Parses a chunk of read documents together, on demand: the first document that needs its parse has it
    made along with every later one of the chunk not parsed yet. A chunk of duplicates (a crawl read again) is
    never parsed; a duplicate after a new document in the same chunk is parsed for nothing."""

    def __init__(self, documents: list[Document]) -> None:
        self._waiting = documents
        self._parsed: dict[int, Doc] = {}

    def process(self, document: Document) -> ProcessedDocument:
        if id(document) not in self._parsed:
            later = self._waiting[next(i for i, d in enumerate(self._waiting) if d is document) :]
            try:
                self._parsed.update(zip(map(id, later), parse_documents(later), strict=True))
            except Exception:  # one of them the parser refuses: this one alone, so its error names it
                self._parsed[id(document)] = parse_text(document.text)
            self._waiting = [d for d in self._waiting if id(d) not in self._parsed]
        return process_document(document, parsed=self._parsed.pop(id(document)))


def ingest(
    sources: Iterable[str],
    store: Store,
    options: ReadOptions | None = None,
    extract: bool = True,
    on_progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Reads every source into the store; with ``extract`` runs the later stages too (parsing ``NLP_BATCH``
    documents at a time and storing each one's reports, then resolving them together in canonical order every
    ``RESOLVE_EVERY`` documents and at the end: ``resolve_pending``)."""
    report = IngestReport()
    pending = PendingResolution()
    items = iter(read_sources(sources, options))
    while chunk := list(itertools.islice(items, NLP_BATCH)):
        parser = _BatchParser([item for item in chunk if isinstance(item, Document)])
        for item in chunk:
            if isinstance(item, ReadFailure):
                report.failures.append(item)
            else:
                record_document(store, item, report, parser.process if extract else None, pending)
            if on_progress:
                on_progress(item.name)
        if len(pending.documents) >= RESOLVE_EVERY:
            resolve_pending(store, pending, report)
    resolve_pending(store, pending, report)
    if extract and (report.stored or report.new_versions or report.resumed):
        refresh_claim_contradictions(store)
    return report


def finish_unfinished(store: Store) -> IngestReport:
    """Extracts every stored document whose extraction never finished (``resumed`` names them).
    A failure names the document and the others go on."""
    report = IngestReport()
    redo_documents(store, store.unfinished_documents(), report, Gazetteer.open())
    if report.resumed:
        refresh_claim_contradictions(store)
    return report


def redo_documents(
    store: Store, documents: Iterable[StoredDocument], report: IngestReport, gazetteer: Gazetteer
) -> None:
    """Extracts each stored document again, then resolves the events again in canonical order
    (``resolve_pending``); ``report.resumed`` names those done, ``report.failures`` those that failed, and the
    others go on."""
    pending = PendingResolution()
    for stored in documents:
        try:
            processed = process_document(stored.document, gazetteer)
            with store.resolution_lock():  # its old reports may lie in events another writer is resolving
                pending.touched |= write_extraction(store, stored.id, processed)
            pending.documents[stored.id] = stored.document.name
            report.resumed.append(stored.document.name)
        except Exception as exc:  # one bad document never stops the batch
            report.failures.append(pipeline_failure(stored.document.name, exc))
    resolve_pending(store, pending, report)


def pipeline_failure(name: str, error: Exception) -> ReadFailure:
    """A document the pipeline failed on, named with the error, for the end-of-run report."""
    return ReadFailure(name, f"pipeline error: {type(error).__name__}: {error}")


@dataclass
class PendingResolution:
    """What an ingest wrote and has not yet matched to events: the documents whose reports are written (by id,
    with their names), the canonical keys of versions they replaced, the events that lost reports, and the
    reports each replaced version had in each event (for redirects once the new ones are resolved)."""

    documents: dict[int, str] = field(default_factory=dict)
    replaced: list[CanonicalKey] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    successors: list[tuple[dict[str, list[Mention]], list[Mention]]] = field(default_factory=list)
    # Documents stored and claimed whose extraction is not written yet (``register_document``): their claims
    # outlast the resolutions before it.
    waiting: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.documents or self.replaced or self.touched)


def record_document(
    store: Store,
    document: Document,
    report: IngestReport,
    produce: Callable[[Document], ProcessedDocument] | None,
    pending: PendingResolution | None = None,
) -> None:
    """Stores one document (a new version replaces the old one's mentions) and, with ``produce``, its
    extraction; what happened goes into ``report``. Errors name the document and never stop the batch. A document
    another writer of the store is extracting (``Store.claim_document``) is left to it and counted a duplicate.

    With ``pending`` the document's reports wait there to be resolved with the others (``resolve_pending``);
    without, they are resolved before this returns, as resolving every stored document in canonical order would
    place them."""
    own = pending is None
    pending = PendingResolution() if pending is None else pending
    registered = register_document(store, document, report, produce is not None, pending)
    if registered is not None and produce is not None:
        try:
            processed = produce(document)
        except Exception as exc:  # one bad document never stops the batch
            report.failures.append(pipeline_failure(document.name, exc))
        else:
            write_processed(store, registered, processed, report, pending)
    if own:
        resolve_pending(store, pending, report)
        if produce is not None:
            refresh_claim_contradictions(store)


@dataclass(frozen=True)
class Registered:
    """A stored document whose extraction this writer is to write (``write_processed``): its store id, whether
    an earlier run left part of an extraction, and the reports its replaced version had in each event."""

    document_id: int
    name: str
    resumed: bool
    earlier: dict[str, list[Mention]]


def register_document(
    store: Store, document: Document, report: IngestReport, extract: bool, pending: PendingResolution
) -> Registered | None:
    """The first half of ``record_document``: stores the document (a new version takes its old one's reports out
    of their events) and says, with ``extract``, whether this writer is to extract it (None: a duplicate, or
    another writer's). What happened goes into ``report``; an error names the document and gives None."""
    try:
        added = store.add_document(document)
        if added.status == "duplicate":
            if not extract or added.extracted or added.document_id in pending.documents:
                report.duplicates.append(document.name)
                return None
            if not store.claim_document(added.document_id) or store.is_extracted(added.document_id):
                # Another writer is extracting it now, or finished it since it was stored: it is theirs.
                report.duplicates.append(document.name)
                return None
            # Stored by a run that stopped before its extraction finished: finish it now. Writing the
            # extraction replaces whatever part of it was written, so the result is that of an unbroken run.
            report.resumed.append(document.name)
        elif extract and not store.claim_document(added.document_id):
            report.duplicates.append(document.name)  # another writer stored the same text at the same moment
            return None
        else:
            (report.new_versions if added.status == "new-version" else report.stored).append(document.name)
        if added.near_duplicate_of:
            report.near_duplicates.append((document.name, added.near_duplicate_of))
        earlier: dict[str, list[Mention]] = {}
        if added.superseded_id is not None:
            with store.resolution_lock():  # the old version's events change: not while another writer resolves
                earlier = reports_by_event(store, store.mentions_for_document(added.superseded_id))
                pending.replaced += store.document_keys([added.superseded_id]).values()
                pending.documents.pop(added.superseded_id, None)  # a version written earlier in this run
                pending.touched |= store.remove_document_extraction(added.superseded_id)
    except Exception as exc:  # one bad document never stops the batch
        report.failures.append(pipeline_failure(document.name, exc))
        return None
    if not extract:
        return None
    pending.waiting.add(added.document_id)
    return Registered(added.document_id, document.name, added.status == "duplicate", earlier)


def write_processed(
    store: Store, registered: Registered, processed: ProcessedDocument, report: IngestReport, pending: PendingResolution
) -> None:
    """The second half of ``record_document``: writes a registered document's extraction, to be resolved with
    the other pending documents. An error names the document and never stops the batch."""
    pending.waiting.discard(registered.document_id)
    try:
        if registered.resumed and store.has_extraction(registered.document_id):
            with store.resolution_lock():  # reports of a stopped run may already be in events
                pending.touched |= write_extraction(store, registered.document_id, processed)
        else:  # a new document: no event holds its reports yet, so writing them changes no event
            pending.touched |= write_extraction(store, registered.document_id, processed)
        pending.documents[registered.document_id] = registered.name
        report.mentions += len(processed.mentions)
        report.claims += len(processed.claims)
        if registered.earlier:
            pending.successors.append((registered.earlier, processed.mentions))
    except Exception as exc:  # one bad document never stops the batch
        report.failures.append(pipeline_failure(registered.name, exc))


def write_extraction(store: Store, document_id: int, processed: ProcessedDocument) -> set[str]:
    """Writes a document's mentions and claims in place of earlier ones, matching none to events yet; the events
    that lost reports (to be resolved again)."""
    return store.replace_extraction(document_id, processed.mentions, processed.claims)


def resolve_pending(store: Store, pending: PendingResolution, report: IngestReport) -> None:
    """Matches the pending documents' reports to events so that the store holds the events of resolving all its
    documents one by one in canonical order (:func:`canonical_order`), whatever order they arrived in.

    Resolution is incremental and greedy, so its result depends on the order; the canonical order makes it a
    function of the set of documents. Where every pending document sorts after those stored, that is plain
    incremental resolution. Where one sorts before some (a late article, a backfill, a batch in another order),
    the store goes back to a *cut*: the earliest canonical key such that no event holds reports of documents on
    both sides of it, found by moving the cut back to the earliest document of any event that straddles it. The
    events after the cut are removed, and every document from the cut on is resolved again in canonical order;
    the events before it are untouched, exactly as they stood when the document at the cut came. Event ids come
    from an event's first report, so an event found again keeps its id; an id that is gone leads to the event
    holding most of its reports. A document whose resolution fails is named in ``report`` and stays unfinished
    (``sitrep doctor --repair`` finishes it).

    Several writers (PostgreSQL): this holds the whole store's resolution lock, so one writer resolves at a time
    while the others go on parsing and extracting. A writer's replay also resolves the documents other writers
    have written and not resolved yet; each such writer goes back to its own earliest document when it resolves,
    so whoever resolves last leaves the events of all the documents in canonical order. Afterwards this writer
    lets go of the documents it claimed (``Store.claim_document``)."""
    try:
        _resolve_pending(store, pending, report)
    finally:
        store.release_documents(keep=pending.waiting)


def _resolve_pending(store: Store, pending: PendingResolution, report: IngestReport) -> None:
    if not pending:
        return
    with store.resolution_lock():
        cut = min(
            [
                *store.document_keys(pending.documents).values(),
                *pending.replaced,
                *store.document_keys(store.documents_of_events(pending.touched)).values(),
            ],
            default=None,
        )
        replay: dict[int, CanonicalKey] = {}
        events = set(pending.touched)
        while cut is not None:
            replay = store.documents_from(cut)
            events = store.events_of_documents(replay) | pending.touched
            straddling = store.document_keys(store.documents_of_events(events) - replay.keys()).values()
            earliest = min(straddling, default=None)
            if earliest is None or earliest >= cut:
                break
            cut = earliest
        before = store.event_memberships(events)
        for event_id in sorted(events):
            store.delete_event(event_id, redirect_to=None, reason="resolved again in canonical order")
        names = {**store.document_names(replay), **pending.documents}
        with store.mentions_remembered():  # under the whole store's lock, every report written
            for document_id in sorted(replay, key=lambda i: replay[i]):
                try:
                    resolve_into_store(store, store.mentions_for_document(document_id))
                    if document_id in pending.documents:
                        store.mark_extracted(document_id)
                except Exception as exc:  # one bad document never stops the batch
                    report.failures.append(pipeline_failure(names[document_id], exc))
        redirect_by_reports(store, before, "resolved again in canonical order")
        for earlier, now in pending.successors:
            redirect_to_successors(store, earlier, now, "new version of its document")
    pending.documents.clear()
    pending.replaced.clear()
    pending.touched.clear()
    pending.successors.clear()


def resolve_into_store(store: Store, mentions: list[Mention]) -> None:
    """Attaches a document's mentions to events, creating or merging events as the resolver decides.

    The document's reports of one incident are placed together, judged on all of them, with the reports of the
    restatements the incident gate joined to it. Background (a war's toll, history) joins no event.
    """
    for group in incidents_as_events(mentions):
        resolution = resolve_group(group, store)
        now = store.events_of_mentions([m.id for m in group])
        if any(now.get(m.id) != resolution.event_id for m in group):  # resolved before, in part
            members = {m.id: m for m in [*store.mentions_for_event(resolution.event_id), *group]}
            store.save_event(derive_event(resolution.event_id, list(members.values())))


def reports_by_event(store: Store, mentions: list[Mention]) -> dict[str, list[Mention]]:
    found: dict[str, list[Mention]] = {}
    for mention in mentions:
        event_id = store.event_of_mention(mention.id)
        if event_id:
            found.setdefault(event_id, []).append(mention)
    return found


def redirect_to_successors(store: Store, earlier: dict[str, list[Mention]], now: list[Mention], reason: str) -> None:
    """An event that lost its reports to a new version of their document leads to the event the new version's
    report of the same sentence (else of the same type) joined, so a bookmarked id keeps working."""
    for event_id, old_reports in earlier.items():
        sentences = {m.sentence.text for m in old_reports}
        types = {m.event_type for m in old_reports}
        successor = next((m for m in now if m.sentence.text in sentences), None) or next(
            (m for m in now if m.event_type in types), None
        )
        target = store.event_of_mention(successor.id) if successor is not None else None
        if target:
            store.add_redirect(event_id, target, reason)


def redirect_by_reports(store: Store, before: dict[str, list[str]], reason: str) -> None:
    """An event id gone after re-resolving leads to the event that now holds most of its reports."""
    where = store.events_of_mentions([m for ids in before.values() for m in ids])
    for event_id, mention_ids in before.items():
        now = Counter(e for e in (where.get(m) for m in mention_ids) if e)
        if now:
            top = max(now.values())
            store.add_redirect(event_id, min(e for e, n in now.items() if n == top), reason)


def refresh_claim_contradictions(store: Store, full: bool = False) -> None:
    """Brings the claim contradictions up to date: claims about one quantity set against each other, and denials
    against the report they deny.

    Incremental (the default): only the claims not compared since they or their group changed (a document's
    new claims, and the groups its old ones were in) are compared, with the claims that share a topic or a
    subject word with them, and only the events whose reports or denials changed are looked at again; the
    result is that of comparing all claims (``full``), at a cost that follows what changed, not the store.
    """
    cfg = load_config()
    if full or cfg.claim_similarity_threshold <= 0:  # with no threshold every two claims may be one quantity
        _refresh_all_claim_contradictions(store)
        return
    with store.resolution_lock():
        seeds = store.ungrouped_claims()
        if seeds:
            store.write_claim_groups(*_regroup_claims(store, seeds, cfg))
        lookup = IncidentLookup(store, cfg)
        rows = []
        with store.mentions_remembered():  # under the whole store's lock; no report is written here
            pending = _with_earlier_incidents(lookup, store.pending_denial_events())
            for event_id in pending:
                reports, denials = store.denials_of_event(event_id)
                found = {m.id: (event_id, m) for m in reports}
                rows += [_denial_row(event_id, item) for event_id, item in denials_of_reports(denials, found)]
                event = lookup.event(event_id) if reports else None
                if event is not None:
                    rows += _incident_rows(lookup, event)
        store.write_denial_contradictions(pending, rows)


def _refresh_all_claim_contradictions(store: Store) -> None:
    with store.resolution_lock():
        members, rows = all_claim_contradictions(store)
        store.replace_all_claim_contradictions(members, rows)


def all_claim_contradictions(store: Store) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Every claim set against every other it may be about the same quantity as, and every denial against the
    report it denies, worked out from the whole store: each claim's group, and the contradictions as rows."""
    claims = store.claims()
    cfg = load_config()
    rows = [_denial_row(e, item) for e, item in denials_of_reports(claims, _reports_denied(store, claims))]
    lookup = IncidentLookup(store, cfg)
    rows += [row for event in store.full_events() for row in _incident_rows(lookup, event)]
    members, group_rows = _claim_group_rows(claims, cfg)
    return members, rows + group_rows


# Reports of an event whose places and dates are looked up for other events of its incident: one per distinct
# place and date, this many at most (an event of many reports mostly repeats a few).
MAX_INCIDENT_PROBES = 6


def incident_siblings(store: Store, event: Event, cfg: ResolveConfig) -> list[Event]:
    """Stored events that may tell the same incident as ``event`` though the resolver kept them apart
    (``resolve.contradictions.one_incident``), in id order: looked up from the places and dates of its reports."""
    return IncidentLookup(store, cfg).siblings(event)


def _incident_probes(event: Event) -> list[Mention]:
    """The reports of ``event`` whose candidate events are its possible siblings: one per place and date, this many
    at most (``MAX_INCIDENT_PROBES``)."""
    probes: dict[tuple[Any, ...], Mention] = {}
    for mention in event.mentions:
        places = mention_places(mention)
        if mention.background or mention.date is None or not places:
            continue
        key = (mention.date.start, mention.date.end, tuple(sorted(p.gazetteer_id for p in places)))
        probes.setdefault(key, mention)
    return list(itertools.islice(probes.values(), MAX_INCIDENT_PROBES))


@dataclass
class IncidentLookup:
    """Events and their incident siblings, each read from the store once while nothing is written (one refresh
    of the claim contradictions asks for both twice per pending event)."""

    store: Store
    cfg: ResolveConfig
    events: dict[str, Event | None] = field(default_factory=dict)
    siblings_of: dict[str, list[Event]] = field(default_factory=dict)
    # A sibling is judged on the event's own fields (``one_incident``), so candidates are read without their
    # reports, and a sibling's reports are read once, when it is found.
    reported: dict[str, Event] = field(default_factory=dict)

    def event(self, event_id: str) -> Event | None:
        """The event under this id, None when it is gone (an id that redirects names another event)."""
        if event_id not in self.events:
            event = self.store.get_event(event_id)
            self.events[event_id] = event if event is not None and event.id == event_id else None
        return self.events[event_id]

    def read(self, event_ids: list[str]) -> None:
        """Reads the events under ``event_ids`` at once (``event`` then finds them), instead of one by one."""
        found = self.store.events_by_id(i for i in event_ids if i not in self.events)
        for event_id in event_ids:
            event = found.get(event_id)
            self.events.setdefault(event_id, event if event is not None and event.id == event_id else None)

    def siblings(self, event: Event) -> list[Event]:
        """``incident_siblings`` of ``event``, with their reports."""
        if event.id not in self.siblings_of:
            found: dict[str, Event] = {}
            for mention in _incident_probes(event):
                for candidate in self.store.candidate_events(mention, self.cfg.candidate_window_days, reports=False):
                    if candidate.id not in found and one_incident(event, candidate):
                        found[candidate.id] = self.reported.get(candidate.id, candidate)
            self.store.attach_reports([e for i, e in found.items() if i not in self.reported])
            self.reported.update(found)
            self.siblings_of[event.id] = [found[key] for key in sorted(found)]
        return self.siblings_of[event.id]


def _with_earlier_incidents(lookup: IncidentLookup, pending: list[str]) -> list[str]:
    """The pending events and the other events of their incidents that come before them by id, whose comparison
    with them is kept with the earlier one (see :func:`_incident_rows`)."""
    wanted = set(pending)
    lookup.read(pending)
    for event_id in pending:
        event = lookup.event(event_id)
        if event is not None:
            wanted |= {other.id for other in lookup.siblings(event) if other.id < event_id}
    return sorted(wanted)


def _incident_rows(lookup: IncidentLookup, event: Event) -> list[dict[str, Any]]:
    """Disagreements between an event and each later (by id) event of its incident, as rows kept with the
    event's denials (so worked out again whenever either changes)."""
    rows: list[dict[str, Any]] = []
    for other in lookup.siblings(event):
        if other.id <= event.id:
            continue
        for item in incident_contradictions(event, other):
            row = _denial_row(event.id, item)
            row["claim_topic"] = f"one incident told as events {event.id} and {other.id}"
            rows.append(row)
    return rows


StoredClaim = tuple[int, Claim, str | None]  # (document id, claim, its group or None)


def _regroup_claims(
    store: Store, seeds: list[StoredClaim], cfg: ResolveConfig
) -> tuple[set[str], dict[str, str], list[dict[str, Any]]]:
    """The claims not compared since they or their group changed (``seeds``, in store order) put into groups, as
    comparing every claim would: the groups whose contradictions are replaced, the claims that change group, and
    the new contradiction rows (for ``Store.write_claim_groups``).

    A seed joining one group that begins before it (a new article's toll joining "people killed in Syria") is
    compared with only the group's claims that may be in a compared pair, so that the cost stays that of the
    article, however large the group. Seeds that link groups, or come before one, regroup those groups whole.
    """
    keys = [claim_index_values(claim) for _doc, claim, _group in seeds]
    topic_keys = [key for key, _terms in keys if key]
    neighbours = store.claims_sharing_keys(
        topic_keys,
        [terms for key, terms in keys if key],
        [terms for key, terms in keys if not key],
        documents={claim.doc for _doc, claim, _group in seeds},
    )
    links = _groups_linked(seeds, neighbours, store.topic_groups(topic_keys), cfg)
    replaced: set[str] = set()
    moved: dict[str, str] = {}
    parts: list[tuple[tuple[int, str], list[dict[str, Any]]]] = []  # each component's rows, by its first claim
    for members, groups in _seed_components(seeds, links, cfg):
        replaced |= groups
        head = store.group_head(next(iter(groups))) if len(groups) == 1 else None
        first = (members[0][0], members[0][1].id)
        if head is not None and head[1].id in groups and head[1].topic and (head[0], head[1].id) < first:
            group = head[1].id  # the seeds join this group, named by its first claim as before
            compared = store.claims_compared_in_group(group, {doc for doc, _claim, _group in members})
            claims = sorted({c.id: (d, c) for d, c, _g in [*compared, *members]}.values(), key=_store_order)
            items = group_contradictions([claim for _doc, claim in claims], cfg)
            moved |= {claim.id: group for _doc, claim, _group in members}
            parts.append(((head[0], group), _contradiction_rows(group, head[1].topic, items)))
            continue
        claims_ = sorted([*members, *store.claims_in_groups(groups)], key=lambda item: (item[0], item[1].id))
        named, rows = _claim_group_rows([claim for _doc, claim, _group in claims_], cfg)
        moved |= {claim.id: named[claim.id] for _doc, claim, group in claims_ if group != named[claim.id]}
        parts.append(((claims_[0][0], claims_[0][1].id), rows))
    return replaced, moved, [row for _first, rows in sorted(parts, key=lambda part: part[0]) for row in rows]


def _store_order(item: tuple[int, Claim]) -> tuple[int, str]:
    return item[0], item[1].id


def _seed_components(
    seeds: list[StoredClaim], links: list[set[str]], cfg: ResolveConfig
) -> list[tuple[list[StoredClaim], set[str]]]:
    """The seeds that end up in one group together (linked to each other, or to one stored group), each set
    with the stored groups it joins, in store order."""
    index = {claim.id: i for i, (_doc, claim, _group) in enumerate(seeds)}
    joined: Components[int] = Components()
    for together in connected_groups([claim for _doc, claim, _group in seeds], cfg):
        for claim in together[1:]:
            joined.join(index[together[0].id], index[claim.id])
    by_group: dict[str, int] = {}
    for i, groups in enumerate(links):
        for group in groups:
            if group in by_group:
                joined.join(by_group[group], i)
            by_group[group] = i
    components: dict[int, tuple[list[StoredClaim], set[str]]] = {}
    for i, seed in enumerate(seeds):
        members, groups = components.setdefault(joined.root(i), ([], set()))
        members.append(seed)
        groups |= links[i]
    return list(components.values())


def _groups_linked(
    seeds: list[StoredClaim], neighbours: list[StoredClaim], topics: list[TopicGroup], cfg: ResolveConfig
) -> list[set[str]]:
    """For each of ``seeds``, the stored groups it is about the same quantity as (compared in store order, as a
    full comparison would): by ``neighbours`` compared claim by claim, and by the other documents' claims of
    its topic key in ``topics`` (a claim with a particular topic is linked to every later claim of its key,
    which a group's first and last document tell without reading its claims)."""
    by_key: dict[str, list[TopicGroup]] = {}
    for topic in topics:
        by_key.setdefault(topic.topic_key, []).append(topic)
    linked: list[set[str]] = []
    for doc_s, seed, _ in seeds:
        groups: set[str] = set()
        if seed.topic:
            seed_specific = specific_topic(seed.topic, cfg)
            for topic in by_key.get(topic_key(seed.topic), []):
                before = topic.first_document < doc_s and specific_topic(topic.topic, cfg)
                if before or (topic.last_document > doc_s and seed_specific):
                    groups.add(topic.group)
        for doc_n, neighbour, group in neighbours:
            if group is None or group in groups:
                continue
            first, second = (seed, neighbour) if (doc_s, seed.id) < (doc_n, neighbour.id) else (neighbour, seed)
            if same_quantity(first, second, cfg):
                groups.add(group)
        linked.append(groups)
    return linked


def _claim_group_rows(claims: list[Claim], cfg: ResolveConfig) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Each claim's group (named by its first claim) and the groups' contradictions as rows."""
    members: dict[str, str] = {}
    rows: list[dict[str, Any]] = []
    for group in group_claims(claims, cfg):
        key = group.claims[0].id
        members.update({claim.id: key for claim in group.claims})
        rows += _contradiction_rows(key, group.topic, group.contradictions)
    return members, rows


def _contradiction_rows(group: str, topic: str, items: list[Contradiction]) -> list[dict[str, Any]]:
    """A claim group's contradictions as rows of the store."""
    return [
        {
            "kind": item.kind,
            "subject": item.subject or topic,
            "description": item.description,
            "a": item.a,
            "b": item.b,
            "event_id": None,
            "claim_topic": topic,
            "claim_group": group,
            "pairs": _entry_pairs(item),
        }
        for item in items
    ]


def _denial_row(event_id: str, item: Contradiction) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "subject": item.subject,
        "description": item.description,
        "a": item.a,
        "b": item.b,
        "event_id": None,
        "claim_topic": f"denial of event {event_id}",
        "claim_group": f"event:{event_id}",
        "pairs": _entry_pairs(item),
    }


def _entry_pairs(item: Contradiction) -> list[list[str]]:
    """Every pair that takes a side in an entry, as stored: its first pair when it kept no others."""
    return [list(pair) for pair in item.pairs] or [[item.kind, item.a, item.b]]


def _reports_denied(store: Store, claims: list[Claim]) -> dict[str, tuple[str, Mention]]:
    """The reports that claims are about (``Claim.concerns``: a denial, or a second toll of the incident), with
    their events: a few lookups per claim."""
    found: dict[str, tuple[str, Mention]] = {}
    for claim in claims:
        if not claim.concerns or claim.concerns in found:
            continue
        event_id = store.event_of_mention(claim.concerns)
        if event_id is None:
            continue
        reports = store.mentions_for_event(event_id)
        if any(m.id == claim.concerns for m in reports):
            # the event's other reports too: a second toll told by one of them is compared among the event's figures
            found |= {m.id: (event_id, m) for m in reports if m.id not in found}
    return found


def canonical_order(documents: Iterable[StoredDocument]) -> list[StoredDocument]:
    """The order in which the documents' own content puts them: by publication date (undated last), then by
    content hash. Resolving in it makes the events a function of the set of documents, not of the order a crawl,
    a queue or a user handed them over in (file names differ between machines; content does not)."""
    return sorted(documents, key=lambda stored: canonical_key(stored.document.published, stored.document.content_hash))


def rerun(store: Store, stage: str) -> IngestReport:
    """Re-runs a stage on what is stored (after a lexicon or gazetteer change); ``resumed`` names the documents
    done, ``failures`` those that failed (each named; the others go on).

    ``extract`` and ``geocode`` redo each document from its stored text; ``resolve`` keeps the mentions
    and clusters them again from scratch, in the documents' canonical order (:func:`canonical_order`), so two
    stores holding the same documents, however they arrived, hold the same events after it; an event id that is
    gone then leads to the event holding most of its reports.
    """
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}")
    report = IngestReport()
    if stage != "resolve":
        redo_documents(store, store.documents(), report, Gazetteer.open())
    else:
        documents = canonical_order(store.documents())
        before = store.event_memberships()
        store.clear_events()
        # Resolving again from the earliest document replays every document (``resolve_pending``), extracted or not.
        pending = PendingResolution(
            replaced=[canonical_key(d.document.published, d.document.content_hash) for d in documents[:1]]
        )
        resolve_pending(store, pending, report)
        failed = {failure.name for failure in report.failures}
        report.resumed += [d.document.name for d in documents if d.document.name not in failed]
        redirect_by_reports(store, before, "re-resolved")
    refresh_claim_contradictions(store)
    return report
