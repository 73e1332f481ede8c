"""Claim contradictions are kept up to date document by document, and always equal comparing every claim afresh."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import select, text

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import AttributionChain, Claim, Mention, Quantity, Source, Span
from sitrep.pipeline import (
    IngestReport,
    PendingResolution,
    ProcessedDocument,
    all_claim_contradictions,
    ingest,
    record_document,
    refresh_claim_contradictions,
    resolve_pending,
)
from sitrep.store import Store
from sitrep.store import schema as t
from tests.resolve.resolve_fixtures import mention

EXAMPLES = Path(__file__).parents[2] / "examples"
_STARTS = itertools.count(0, 100)


def claim(
    claim_id: str,
    doc: str,
    subject: str,
    figure: int | None,
    source: str,
    *,
    topic: str = "",
    kind: str = "killed",
    modality: str = "asserted",
    concerns: str | None = None,
) -> Claim:
    start = next(_STARTS)
    return Claim(
        id=claim_id,
        doc=doc,
        subject=subject,
        scope=None,
        quantity=Quantity("people", figure, figure, figure, kind=kind) if figure is not None else None,
        sentence=Span(doc, start, start + 80),
        chain=AttributionChain([Source(source, "outlet")]),
        modality=modality,  # type: ignore[arg-type]
        topic=topic,
        concerns=concerns,
    )


def stored(store: Store, name: str, mentions: list[Mention], claims: list[Claim], text: str = "") -> None:
    document = build_document(text or f"Report {name}.", name, DocumentMeta(published=dt.date(2024, 3, 11)))
    report = IngestReport()
    record_document(store, document, report, lambda doc: ProcessedDocument(doc, mentions, claims))
    assert not report.failures, report.failures


def claim_rows(store: Store) -> list[str]:
    rows = [{k: v for k, v in dict(r).items() if k != "id"} for r in store.contradictions() if r["event_id"] is None]
    return sorted(json.dumps(r, sort_keys=True) for r in rows)


def afresh(store: Store) -> list[str]:
    _members, rows = all_claim_contradictions(store)
    return sorted(json.dumps(r, sort_keys=True) for r in rows)


TOLL = "toll:killed:idlib market"
# Each step is one document (a second step with a name already used is its new version): claims about one
# toll by topic, about troop numbers by subject words alone, and a denial of a report whose event later
# gains reports from another document.
STEPS: list[tuple[str, list[Mention], list[Claim]]] = [
    (
        "a",
        [mention("a-1", doc="a", killed=(12, 12, 12))],
        [claim("a-c1", "a", "people killed at the Idlib market", 12, "Outlet A", topic=TOLL)],
    ),
    (
        "b",
        [mention("b-1", doc="b", killed=(20, 20, 20))],
        [
            claim("b-c1", "b", "people killed at the Idlib market", 20, "Outlet B", topic=TOLL),
            claim("b-c2", "b", "soldiers deployed to the northern front", 3000, "Outlet B", kind="troops"),
            claim("b-deny", "b", "the strike", None, "the ministry", modality="denied", concerns="b-1"),
        ],
    ),
    (
        "c",
        [mention("c-1", doc="c", where="Mosul")],
        [claim("c-c1", "c", "soldiers deployed on the northern front", 5000, "Outlet C", kind="troops")],
    ),
    ("d", [mention("d-1", doc="d", killed=(20, 20, 20))], []),  # joins the event b's denial is about
    (
        "a",  # a new version: its toll now agrees with b's, and it denies d's report
        [mention("a-1v2", doc="a", killed=(20, 20, 20))],
        [
            claim("a-c1v2", "a", "people killed at the Idlib market", 20, "Outlet A", topic=TOLL),
            claim("a-deny", "a", "the strike", None, "the army", modality="denied", concerns="d-1"),
        ],
    ),
    ("c", [mention("c-1v2", doc="c", where="Mosul")], []),  # its troop claim withdrawn
]


def test_contradictions_after_each_document_equal_comparing_all_claims(store_url: str) -> None:
    store = Store.open(store_url)
    seen_any = False
    for version, (name, mentions, claims) in enumerate(STEPS):
        stored(store, name, mentions, claims, text=f"Report {name}, version {version}.")
        assert claim_rows(store) == afresh(store), f"after step {version} ({name})"
        seen_any = seen_any or bool(claim_rows(store))
    assert seen_any
    refresh_claim_contradictions(store, full=True)
    assert claim_rows(store) == afresh(store)
    store.close()


def test_a_disputed_toll_is_listed_once_both_reports_are_stored(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    for name, mentions, claims in STEPS[:2]:
        stored(store, name, mentions, claims)
    [toll] = [r for r in store.contradictions() if r["claim_topic"] == TOLL]
    assert toll["kind"] == "figure" and "12" in toll["description"] and "20" in toll["description"]
    for name, mentions, claims in STEPS[2:5]:  # the new version of the first report agrees with the second
        stored(store, name, mentions, claims, text=f"Report {name} again.")
    assert not [r for r in store.contradictions() if r["claim_topic"] == TOLL]
    store.close()


@pytest.mark.slow
def test_the_examples_ingested_one_by_one_give_the_contradictions_of_comparing_all_claims(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    for source in sorted(
        p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".html", ".jsonl") and p.name != "manifest.jsonl"
    ):
        ingest([str(source)], store)
        assert claim_rows(store) == afresh(store), source.name
    assert store.claims()
    store.close()


def test_a_store_made_before_incremental_contradictions_gets_them_on_open(store_url: str) -> None:
    store = Store.open(store_url)
    for version, (name, mentions, claims) in enumerate(STEPS[:4]):
        stored(store, name, mentions, claims, text=f"Report {name}, version {version}.")
    expected = claim_rows(store)
    with store.engine.begin() as c:  # as an older version left it: no claim groups, terms or pending events
        for index in (
            "ix_claims_topic_key",
            "ix_claims_concerns",
            "ix_claims_group",
            "ix_contradictions_claim_group",
            "ix_claims_group_document",
            "ix_claims_key_groups",
            "ix_claims_group_compared",
        ):
            c.execute(text(f"DROP INDEX {index}"))
        for table, column in (
            ("claims", "compared_in_group"),
            ("claims", "topic_key"),
            ("claims", "concerns"),
            ("claims", "claim_group"),
            ("claims", "compared_across"),
        ):
            c.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))
        c.execute(text("ALTER TABLE contradictions DROP COLUMN claim_group"))
        c.execute(text("DROP TABLE claim_terms"))
        c.execute(text("DROP TABLE contradiction_pending"))
        c.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version >= 3))
    store.close()

    reopened = Store.open(store_url)
    refresh_claim_contradictions(reopened)
    assert claim_rows(reopened) == expected
    name, mentions, claims = STEPS[4]  # and later documents are compared incrementally as usual
    stored(reopened, name, mentions, claims, text="Report a, version 4.")
    assert claim_rows(reopened) == afresh(reopened)
    reopened.close()


# Topics a randomly written article's claims take: a town's toll (spelt two ways), a country's toll (one group
# across thousands of articles, never disputed between them), a toll naming nobody, and claims with no topic,
# found by their subject words.
RANDOM_TOPICS = [
    ("toll:killed:idlib", "Idlib", "killed", "people killed in Idlib"),
    ("toll:killed:Idlib", "Idlib", "killed", "people killed in Idlib"),
    ("toll:killed:syria", "Syria", "killed", "people killed in Syria"),
    ("toll:killed:syria", "Syria", "killed", "civilians killed across Syria"),
    ("fight:unspecified actor", None, "count", "attacks by gunmen"),
    ("", None, "troops", "soldiers deployed to the northern front"),
    ("", None, "troops", "soldiers sent to the front"),
]


def random_article(rng: random.Random, name: str, version: int) -> list[Claim]:
    claims = []
    for i in range(rng.choice([1, 1, 2, 3])):
        topic, scope, kind, subject = rng.choice(RANDOM_TOPICS)
        figure = rng.choice([None, 10, 12, 40, 40])
        item = claim(
            f"{name}-v{version}-c{i}", name, subject, figure, rng.choice(["Outlet A", "Outlet B"]), topic=topic
        )
        item.scope = scope
        if item.quantity is not None:
            item.quantity.kind = kind
        claims.append(item)
    return claims


def test_claims_joining_large_groups_one_article_at_a_time_give_the_groups_of_comparing_all_claims(
    sqlite_url: str,
) -> None:
    rng = random.Random(7)
    store = Store.open(sqlite_url)
    names: list[str] = []
    for step in range(40):
        # mostly new articles; now and then a new version of an earlier one (its groups are compared again)
        name = rng.choice(names) if names and rng.random() < 0.15 else f"article-{step}"
        names.append(name)
        stored(store, name, [], random_article(rng, name, step), text=f"Article {name}, version {step}.")
        assert claim_rows(store) == afresh(store), f"after step {step} ({name})"
        members, _rows = all_claim_contradictions(store)
        with store.engine.connect() as c:
            grouped = {row[0]: row[1] for row in c.execute(select(t.claims.c.id, t.claims.c.claim_group))}
        assert grouped == members, f"after step {step} ({name})"
    assert claim_rows(store)
    store.close()


def test_a_store_from_before_migration_5_knows_which_claims_are_compared_across_articles(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    for version, (name, mentions, claims) in enumerate(STEPS[:3]):
        stored(store, name, mentions, claims, text=f"Report {name}, version {version}.")
    with store.engine.begin() as c:  # as version 4 left it: no column saying so, no indexes by group
        for index in (
            "ix_claims_group_document",
            "ix_claims_key_groups",
            "ix_claim_terms_untopical",
            "ix_claim_terms_reach",
        ):
            c.execute(text(f"DROP INDEX {index}"))
        c.execute(text("ALTER TABLE claims DROP COLUMN compared_across"))
        c.execute(text("ALTER TABLE claim_terms DROP COLUMN topical"))
        c.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == 5))
    store.close()

    reopened = Store.open(sqlite_url)
    with reopened.engine.connect() as c:
        across = {row[0]: row[1] for row in c.execute(select(t.claims.c.id, t.claims.c.compared_across))}
    # a particular place's toll is set against other articles'; claims with no topic only within their own
    assert across == {"a-c1": True, "b-c1": True, "b-c2": False, "b-deny": False, "c-c1": False}
    with reopened.engine.connect() as c:  # and their subject words whether the claim has a topic
        topical = {row[0] for row in c.execute(select(t.claim_terms.c.claim_id).where(t.claim_terms.c.topical))}
    assert topical == {"a-c1", "b-c1"}
    name, mentions, claims = STEPS[3]
    stored(reopened, name, mentions, claims, text="Report d.")
    assert claim_rows(reopened) == afresh(reopened)
    reopened.close()


def test_an_entry_keeps_every_position_of_its_topic(tmp_path: Path) -> None:
    """Three outlets give three tolls of one incident: the store lists the disagreement with all three sides
    (each with its sentence), not only the first two it compared."""
    from sitrep.api.views import contradiction_positions

    store = Store.open(f"sqlite:///{tmp_path / 'three.db'}")
    for number, (figure, source) in enumerate([(10, "AFP"), (20, "Reuters"), (30, "SANA")]):
        stored(
            store,
            f"toll-{number}.txt",
            [],
            [claim(f"c{number}", f"toll-{number}.txt", "killed", figure, source, topic=TOLL)],
        )
    rows = [dict(row) for row in store.contradictions() if row["event_id"] is None]
    assert rows, "the three tolls disagree"
    sides = {item for row in rows for _kind, a, b in row["pairs"] for item in (a, b)}
    assert sides == {"c0", "c1", "c2"}
    positions = contradiction_positions(store, rows)
    assert {p.report for entry in positions for p in entry} == {"c0", "c1", "c2"}


def listing(store: Store) -> list[dict[str, object]]:
    return [{k: v for k, v in dict(row).items() if k != "id"} for row in store.contradictions()]


def test_the_listing_is_the_same_whether_claims_were_compared_after_each_document_or_once(tmp_path: Path) -> None:
    """A ``--workers`` run compares claims after each partition, one process once at the end: the rows are written
    in another order, and the listing (``sitrep contradictions``, the API's pages) must not follow it."""
    each = Store.open(f"sqlite:///{tmp_path / 'each.db'}")
    for name, mentions, claims in STEPS[:4]:
        stored(each, name, mentions, claims)  # compared after each document
    once = Store.open(f"sqlite:///{tmp_path / 'once.db'}")
    pending, report = PendingResolution(), IngestReport()
    for name, mentions, claims in STEPS[:4]:
        document = build_document(f"Report {name}.", name, DocumentMeta(published=dt.date(2024, 3, 11)))
        record_document(once, document, report, lambda doc, m=mentions, c=claims: ProcessedDocument(doc, m, c), pending)
    resolve_pending(once, pending, report)
    refresh_claim_contradictions(once)  # compared once, at the end
    assert len(listing(each)) >= 3
    assert listing(each) == listing(once)
    total, page = each.contradictions_page(limit=2, offset=1)
    assert total == len(listing(each)) and [dict(r) for r in page] == [dict(r) for r in each.contradictions()[1:3]]
    each.close()
    once.close()


def test_a_claim_is_compared_by_the_words_that_can_make_it_one_quantity(store_url: str) -> None:
    """Claims without a topic that share only a common word with a longer subject are not read for it (one word
    of many cannot reach the similarity threshold); those sharing two words, or one with a short subject, are."""
    store = Store.open(store_url)
    stored(store, "p", [], [claim("p-c1", "p", "volunteers deployed on the northern front", 400, "Outlet P")])
    stored(store, "q", [], [claim("q-c1", "q", "volunteers trained at the old border camp", 900, "Outlet Q")])
    stored(store, "r", [], [claim("r-c1", "r", "volunteers", 50, "Outlet R")])
    found = {
        claim.id
        for _doc, claim, _group in store.claims_sharing_keys([], [], [["volunteer", "trained", "border", "camp"]])
    }
    assert found == {"q-c1"}  # p and r share one word only: one of four cannot reach the threshold
    found = {claim.id for _doc, claim, _group in store.claims_sharing_keys([], [], [["volunteer", "convoy"]])}
    assert found == {"r-c1"}  # one shared word of a two-word subject reaches a one-word one
    store.close()


def test_a_store_from_before_migration_7_finds_claims_by_pairs_of_words(sqlite_url: str) -> None:
    store = Store.open(sqlite_url)
    for version, (name, mentions, claims) in enumerate(STEPS[:3]):
        stored(store, name, mentions, claims, text=f"Report {name}, version {version}.")
    with store.engine.begin() as c:  # as version 6 left it: no pairs, no sizes
        c.execute(text("DROP INDEX ix_claim_terms_reach"))
        c.execute(text("DROP TABLE claim_term_pairs"))
        c.execute(text("ALTER TABLE claim_terms DROP COLUMN size"))
        c.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == 7))
    store.close()

    reopened = Store.open(sqlite_url)
    with reopened.engine.connect() as c:
        pairs = {
            row[0]
            for row in c.execute(select(t.claim_term_pairs.c.pair).where(t.claim_term_pairs.c.claim_id == "c-c1"))
        }
        sizes = set(c.scalars(select(t.claim_terms.c.size).where(t.claim_terms.c.claim_id == "c-c1")))
    assert "deployed soldier" in pairs and sizes == {4}  # soldier, deployed, northern, front
    name, mentions, claims = STEPS[3]
    stored(reopened, name, mentions, claims, text="Report d.")
    assert claim_rows(reopened) == afresh(reopened)
    reopened.close()


def test_a_topic_keys_groups_are_found_with_their_first_and_last_documents(store_url: str) -> None:
    """``topic_groups`` skips through a key's groups on the index; it must give what grouping the key's claims
    gives: each (topic as written, group) with its first and last document, for keys of one and of several topics
    and groups, and nothing for a key no claim has."""
    rng = random.Random(11)
    store = Store.open(store_url)
    for step in range(30):
        name = f"article-{step}"
        stored(store, name, [], random_article(rng, name, step), text=f"Article {name}, version {step}.")
    cols = t.claims.c
    with store.engine.connect() as c:
        rows = list(c.execute(select(cols.topic_key, cols.topic, cols.claim_group, cols.document_id)))
    expected: dict[tuple[str, str, str], list[int]] = {}
    for key, topic, group, document in rows:
        if key and group is not None:
            expected.setdefault((key, topic, group), []).append(document)
    keys = {key for key, _topic, _group in expected} | {"toll:killed:nowhere"}
    found = {(g.topic_key, g.topic, g.group): (g.first_document, g.last_document) for g in store.topic_groups(keys)}
    assert found == {k: (min(docs), max(docs)) for k, docs in expected.items()}
    assert len({(key, topic) for key, topic, _group in expected}) > len({key for key, _t, _g in expected})
    store.close()


def test_a_group_reads_only_its_claims_that_may_be_disputed_and_an_older_store_learns_which(
    sqlite_url: str,
) -> None:
    """Claims with no topic are compared only within their document: of a group, a new claim's comparison reads
    the two of one article and not a third article's lone one; a store from before migration 8 marks them so."""
    store = Store.open(sqlite_url)
    subject = "soldiers deployed to the northern front"
    stored(
        store, "m", [], [claim("m-c1", "m", subject, 3000, "Outlet M"), claim("m-c2", "m", subject, 4000, "Outlet M")]
    )
    stored(store, "n", [], [claim("n-c1", "n", subject, 5000, "Outlet N")])
    with store.engine.connect() as c:
        rows = c.execute(select(t.claims.c.id, t.claims.c.claim_group, t.claims.c.compared_in_group)).all()
    groups = {row.claim_group for row in rows}
    marked = {row.id: row.compared_in_group for row in rows}
    assert len(groups) == 1 and marked == {"m-c1": True, "m-c2": True, "n-c1": False}
    read = {claim.id for _doc, claim, _group in store.claims_compared_in_group(groups.pop(), [])}
    assert read == {"m-c1", "m-c2"}
    with store.engine.begin() as c:  # as version 7 left it
        c.execute(text("DROP INDEX ix_claims_group_compared"))
        c.execute(text("ALTER TABLE claims DROP COLUMN compared_in_group"))
        c.execute(t.schema_migrations.delete().where(t.schema_migrations.c.version == 8))
    store.close()
    reopened = Store.open(sqlite_url)
    with reopened.engine.connect() as c:
        again = {row[0]: row[1] for row in c.execute(select(t.claims.c.id, t.claims.c.compared_in_group))}
    assert again == marked
    reopened.close()


def test_a_claim_stored_again_with_another_figure_is_compared_with_its_new_figure(sqlite_url: str) -> None:
    """A group's claims are rebuilt from their stored JSON once and kept: a new version of an article whose claim keeps
    its id but changes its figure must be compared with the new figure when a later article joins the group."""
    store = Store.open(sqlite_url)
    subject, topic = "people killed in the country this year", "toll:killed:the country"

    def toll(claim_id: str, doc: str, figure: int) -> Claim:
        return claim(claim_id, doc, subject, figure, f"Outlet {doc}", topic=topic)

    stored(store, "p", [], [toll("p-c1", "p", 300), toll("p-c2", "p", 400)], text="Article p, first version.")
    stored(store, "q", [], [toll("q-c1", "q", 300)], text="Article q.")
    assert any("400" in row for row in claim_rows(store)) and claim_rows(store) == afresh(store)
    stored(store, "p", [], [toll("p-c1", "p", 300), toll("p-c2", "p", 350)], text="Article p, second version.")
    stored(store, "r", [], [toll("r-c1", "r", 300)], text="Article r.")
    assert claim_rows(store) == afresh(store)
    assert not any("400" in row for row in claim_rows(store))
    store.close()
