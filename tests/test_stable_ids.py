"""Event ids survive re-resolving and new versions of a document: an old id leads to the event now holding its
reports."""

from __future__ import annotations

import random
from pathlib import Path

from sitrep.ingest.readers import read_sources
from sitrep.model import Document, Event, to_dict
from sitrep.pipeline import IngestReport, ingest, process_document, record_document, redirect_by_reports, rerun
from sitrep.resolve import derive_event
from sitrep.store import Store
from tests.store.test_store import article, event, mention, stored_with_mentions


def test_an_event_id_gone_after_re_resolving_leads_to_the_event_holding_most_of_its_reports(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    doc = article()
    m1, m2, m3 = mention(doc, 1), mention(doc, 2), mention(doc, 3)
    stored_with_mentions(store, doc, [m1, m2, m3])
    store.save_event(event("ev-old", [m1, m2, m3]))
    before = store.event_memberships()
    store.clear_events()
    store.save_event(event("ev-new", [m1, m2]))  # re-resolved: most of the reports went here
    store.save_event(event("ev-other", [m3]))
    redirect_by_reports(store, before, "re-resolved")
    assert store.resolve_event_id("ev-old") == "ev-new"


def test_ids_survive_rerun_resolve_and_a_new_version_of_the_document(tmp_path: Path) -> None:
    store = Store.open(f"sqlite:///{tmp_path / 'v.db'}")
    first = tmp_path / "report.txt"
    first.write_text("Gunmen attacked a checkpoint near Kirkuk on Monday, killing two policemen, officials said.\n")
    assert ingest([str(first)], store).ok
    [old_id] = [e.id for e in store.events()]
    rerun(store, "resolve")
    assert store.resolve_event_id(old_id) is not None

    first.write_text("Gunmen attacked a checkpoint near Kirkuk on Monday, killing three policemen, officials said.\n")
    report = IngestReport()
    [document] = [d for d in read_sources([str(first)]) if isinstance(d, Document)]
    record_document(store, document, report, process_document)
    assert report.new_versions == ["report.txt"]
    current = store.resolve_event_id(old_id)
    assert current is not None
    event_ = store.get_event(old_id)
    assert event_ is not None and "three policemen" in event_.mentions[0].sentence.text


def test_rerun_resolve_gives_the_same_events_whatever_order_and_names_the_documents_came_in(tmp_path: Path) -> None:
    # The sample articles, handed over forward under one set of file names and backward under another (names
    # that sort in the order given): an ingest resolves as documents arrive, so the two stores may differ;
    # after `rerun resolve` both hold the events of the documents' own canonical order, under the same ids.
    examples = Path(__file__).resolve().parents[1] / "examples"
    articles = sorted(p for p in examples.iterdir() if p.suffix in {".txt", ".html"})
    memberships = []
    for label, order in (("forward", articles), ("backward", articles[::-1])):
        folder = tmp_path / label
        folder.mkdir()
        paths = []
        for number, article_path in enumerate(order):
            copy = folder / f"{number:03d}_{article_path.name}"
            copy.write_bytes(article_path.read_bytes())
            paths.append(str(copy))
        store = Store.open(f"sqlite:///{tmp_path / label}.db")
        assert ingest(paths, store).ok
        rerun(store, "resolve")
        memberships.append({event_id: frozenset(ids) for event_id, ids in store.event_memberships().items()})
    forward, backward = memberships
    assert len(forward) >= 10
    assert forward == backward


def _events(store: Store) -> dict[str, object]:
    """Every stored event with all its derived fields and its reports."""
    return {event_.id: to_dict(event_) for event_ in store.full_events()}


def _contradictions(store: Store) -> list[tuple[object, ...]]:
    return sorted(
        tuple(str(row[k]) for k in ("kind", "subject", "a", "b", "event_id", "claim_group"))
        for row in store.contradictions()
    )


def test_ingest_gives_the_same_events_whatever_order_the_documents_come_in(tmp_path: Path) -> None:
    # The sample articles forward, backward, shuffled, and in two runs with the later half first: each run resolves
    # in the documents' canonical order, and a run whose documents sort before stored ones resolves again from
    # there, so every store holds the same events under the same ids, with the same contradictions.
    examples = Path(__file__).resolve().parents[1] / "examples"
    articles = sorted(str(p) for p in examples.iterdir() if p.suffix in {".txt", ".html"})
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    half = len(articles) // 2
    outcomes = []
    for label, runs in (
        ("forward", [articles]),
        ("backward", [articles[::-1]]),
        ("shuffled", [shuffled]),
        ("later half first", [articles[half:], articles[:half]]),
    ):
        store = Store.open(f"sqlite:///{tmp_path / label}.db")
        for run in runs:
            assert ingest(run, store).ok
        outcomes.append((label, _events(store), _contradictions(store)))
    (_, events, contradictions), *others = outcomes
    assert len(events) >= 10
    for label, other_events, other_contradictions in others:
        assert other_events == events, label
        assert other_contradictions == contradictions, label


def test_rerun_resolve_leaves_every_event_as_ingest_stored_it(tmp_path: Path) -> None:
    # Re-resolving reads each event's reports back from the store, in the store's order, not the order the ingest
    # gathered them in: the events, every derived field and the contradictions stay as they were.
    examples = Path(__file__).resolve().parents[1] / "examples"
    store = Store.open(f"sqlite:///{tmp_path / 'r.db'}")
    assert ingest(sorted(str(p) for p in examples.iterdir() if p.suffix in {".txt", ".html"}), store).ok
    events, contradictions = _events(store), _contradictions(store)
    assert len(events) >= 10
    rerun(store, "resolve")
    assert _events(store) == events
    assert _contradictions(store) == contradictions


def test_each_stored_event_is_what_its_stored_reports_derive(tmp_path: Path) -> None:
    # A merge, a new version of a document or any later resolution derives an event again from the reports the
    # store gives back, in the store's order: that derivation must give the fields stored, or the event changes
    # with nothing new said about it.
    examples = Path(__file__).resolve().parents[1] / "examples"
    store = Store.open(f"sqlite:///{tmp_path / 'd.db'}")
    assert ingest(sorted(str(p) for p in examples.iterdir() if p.suffix in {".txt", ".html"}), store).ok
    stored = list(store.full_events())
    assert len(stored) >= 10
    for event_ in stored:
        assert _fields(derive_event(event_.id, event_.mentions)) == _fields(event_), event_.id


def _fields(event_: Event) -> dict[str, object]:
    """An event's derived fields and the ids of its reports (in any order)."""
    fields = {name: value for name, value in to_dict(event_).items() if name != "mentions"}
    return {**fields, "reports": sorted(m.id for m in event_.mentions)}
