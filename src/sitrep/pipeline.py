"""The whole job: read -> nlp -> extract -> geocode -> resolve -> store.

``process_document`` is the pure per-document part (it can run in a Dask
worker); ``ingest`` drives it over sources and writes to a store, one
document at a time, so one bad document never loses what was stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sitrep.extract import extract_document
from sitrep.extract.actors import fill_actor_countries
from sitrep.extract.background import mark_background
from sitrep.geo import Gazetteer
from sitrep.geo.document import geocode_document, keep_unknown_places, scope_claims
from sitrep.ingest.readers import ReadFailure, ReadOptions, read_sources
from sitrep.model import Claim, Document, Mention
from sitrep.nlp import parse_text
from sitrep.resolve import derive_event, group_claims, resolve_group
from sitrep.resolve.claims import denials_of_reports
from sitrep.resolve.coreference import group_document_mentions, mark_headline, share_incident_places
from sitrep.store import Store, StoredDocument

STAGES = ("extract", "geocode", "resolve")


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


def process_document(document: Document, gazetteer: Gazetteer | None = None) -> ProcessedDocument:
    """NLP, extraction and geocoding of one document; touches no database."""
    parsed = parse_text(document.text)
    extraction = extract_document(document, parsed)
    mark_background(extraction.mentions, document)
    mark_headline(extraction.mentions, document)
    gazetteer = gazetteer or Gazetteer.open()
    places = geocode_document(extraction, document.text, gazetteer)
    mentions = extraction.mentions
    fill_actor_countries(mentions, places.country_of, gazetteer.country_name)
    share_incident_places(mentions)
    keep_unknown_places(extraction, places, gazetteer)
    scope_claims(extraction, places, gazetteer)
    return ProcessedDocument(document, mentions, extraction.claims)


def ingest(
    sources: Iterable[str],
    store: Store,
    options: ReadOptions | None = None,
    extract: bool = True,
    on_progress: Callable[[str], None] | None = None,
) -> IngestReport:
    """Reads every source into the store; with ``extract`` runs the later stages too."""
    report = IngestReport()
    for item in read_sources(sources, options):
        if isinstance(item, ReadFailure):
            report.failures.append(item)
        else:
            _ingest_document(item, store, extract, report)
        if on_progress:
            on_progress(item.name)
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
    store: Store, documents: Iterable[StoredDocument], report: IngestReport, gazetteer: Gazetteer | None
) -> None:
    """Extracts each stored document again (with ``gazetteer``) or only resolves its stored mentions (without);
    ``report.resumed`` names those done, ``report.failures`` those that failed, and the others go on."""
    for stored in documents:
        try:
            if gazetteer is None:
                with store.resolution_lock():
                    resolve_into_store(store, store.mentions_for_document(stored.id))
            else:
                store_extraction(store, stored.id, process_document(stored.document, gazetteer))
            report.resumed.append(stored.document.name)
        except Exception as exc:  # one bad document never stops the batch
            report.failures.append(pipeline_failure(stored.document.name, exc))


def pipeline_failure(name: str, error: Exception) -> ReadFailure:
    """A document the pipeline failed on, named with the error, for the end-of-run report."""
    return ReadFailure(name, f"pipeline error: {type(error).__name__}: {error}")


def _ingest_document(document: Document, store: Store, extract: bool, report: IngestReport) -> None:
    record_document(store, document, report, process_document if extract else None)


def record_document(
    store: Store,
    document: Document,
    report: IngestReport,
    produce: Callable[[Document], ProcessedDocument] | None,
) -> None:
    """Stores one document (a new version replaces the old one's mentions) and, with ``produce``, its
    extraction; what happened goes into ``report``. Errors name the document and never stop the batch."""
    try:
        added = store.add_document(document)
        if added.status == "duplicate":
            if produce is None or added.extracted:
                report.duplicates.append(document.name)
                return
            # Stored by a run that stopped before its extraction finished: finish it now. Writing the
            # extraction replaces whatever part of it was written, so the result is that of an unbroken run.
            report.resumed.append(document.name)
        else:
            (report.new_versions if added.status == "new-version" else report.stored).append(document.name)
        if added.near_duplicate_of:
            report.near_duplicates.append((document.name, added.near_duplicate_of))
        earlier: dict[str, list[Mention]] = {}
        if added.superseded_id is not None:
            earlier = reports_by_event(store, store.mentions_for_document(added.superseded_id))
            rederive(store, store.remove_document_extraction(added.superseded_id))
        if produce is not None:
            processed = produce(document)
            store_extraction(store, added.document_id, processed)
            report.mentions += len(processed.mentions)
            report.claims += len(processed.claims)
            redirect_to_successors(store, earlier, processed.mentions, "new version of its document")
    except Exception as exc:  # one bad document never stops the batch
        report.failures.append(pipeline_failure(document.name, exc))


def store_extraction(store: Store, document_id: int, processed: ProcessedDocument) -> None:
    """Writes mentions and claims, then attaches the mentions to events (incrementally). Several processes may
    write into one store at once: each document's matching and writing holds the store's resolution lock."""
    with store.resolution_lock():
        touched = store.replace_extraction(document_id, processed.mentions, processed.claims)
        rederive(store, touched)
        resolve_into_store(store, processed.mentions)
        store.mark_extracted(document_id)


def resolve_into_store(store: Store, mentions: list[Mention]) -> None:
    """Attaches a document's mentions to events, creating or merging events as the resolver decides.

    The document's reports of one incident are placed together, judged on all of them. Background (a war's
    toll, history) joins no event.
    """
    for group in group_document_mentions([m for m in mentions if not m.background]):
        resolution = resolve_group(group, store)
        if any(store.event_of_mention(m.id) != resolution.event_id for m in group):  # resolved before, in part
            members = {m.id: m for m in [*store.mentions_for_event(resolution.event_id), *group]}
            store.save_event(derive_event(resolution.event_id, list(members.values())))


def rederive(store: Store, event_ids: Iterable[str]) -> None:
    """Events that lost mentions are derived again from what they have left, or removed."""
    for event_id in event_ids:
        remaining = store.mentions_for_event(event_id)
        if remaining:
            store.save_event(derive_event(event_id, remaining))
        else:
            store.delete_event(event_id, redirect_to=None, reason="no reports left")


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
    for event_id, mention_ids in before.items():
        now = Counter(e for e in (store.event_of_mention(m) for m in mention_ids) if e)
        if now:
            top = max(now.values())
            store.add_redirect(event_id, min(e for e, n in now.items() if n == top), reason)


def refresh_claim_contradictions(store: Store) -> None:
    rows = []
    claims = store.claims()
    for event_id, item in denials_of_reports(claims, _reports_denied(store, claims)):
        rows.append(
            {
                "kind": item.kind,
                "subject": item.subject,
                "description": item.description,
                "a": item.a,
                "b": item.b,
                "event_id": None,
                "claim_topic": f"denial of event {event_id}",
            }
        )
    for group in group_claims(claims):
        for item in group.contradictions:
            rows.append(
                {
                    "kind": item.kind,
                    "subject": item.subject or group.topic,
                    "description": item.description,
                    "a": item.a,
                    "b": item.b,
                    "event_id": None,
                    "claim_topic": group.topic,
                }
            )
    store.replace_claim_contradictions(rows)


def _reports_denied(store: Store, claims: list[Claim]) -> dict[str, tuple[str, Mention]]:
    """The reports that denials are about (``Claim.concerns``), with their events: a few lookups per denial."""
    found: dict[str, tuple[str, Mention]] = {}
    for claim in claims:
        if claim.modality != "denied" or not claim.concerns or claim.concerns in found:
            continue
        event_id = store.event_of_mention(claim.concerns)
        if event_id is None:
            continue
        report = next((m for m in store.mentions_for_event(event_id) if m.id == claim.concerns), None)
        if report is not None:
            found[claim.concerns] = (event_id, report)
    return found


def rerun(store: Store, stage: str) -> IngestReport:
    """Re-runs a stage on what is stored (after a lexicon or gazetteer change); ``resumed`` names the documents
    done, ``failures`` those that failed (each named; the others go on).

    ``extract`` and ``geocode`` redo each document from its stored text; ``resolve`` keeps the mentions
    and clusters them again from scratch, in the order the documents were stored; an event id that is gone
    then leads to the event holding most of its reports.
    """
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}")
    documents = store.documents()
    report = IngestReport()
    gazetteer = Gazetteer.open() if stage != "resolve" else None
    if stage == "resolve":
        before = store.event_memberships()
        store.clear_events()
    redo_documents(store, documents, report, gazetteer)
    if stage == "resolve":
        redirect_by_reports(store, before, "re-resolved")
    refresh_claim_contradictions(store)
    return report
