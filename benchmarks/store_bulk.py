"""Documents per second stored on SQLite and on PostgreSQL (documents, then two mentions each).

    .venv/bin/python benchmarks/store_bulk.py [--documents 500] [--postgres URL]

Without --postgres (or $SITREP_BENCH_POSTGRES_URL) a throw-away PostgreSQL server is started the way
the tests start it (tests/conftest.py: initdb + pg_ctl, fsync off), so the numbers show the schema and
query cost rather than disk flushes; a production server with fsync on will be slower per commit.
Texts are synthetic, distinct articles of ~300 words, so the near-duplicate index is exercised.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from local_postgres import postgres_url  # benchmarks/local_postgres.py

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import ActorRole, AttributionChain, DateInterval, Document, Mention, Place, PlaceMention, Source, Span
from sitrep.store import Store

REPO = Path(__file__).resolve().parents[1]
WORDS = [
    "army",
    "militia",
    "shelling",
    "killed",
    "wounded",
    "civilians",
    "town",
    "village",
    "market",
    "convoy",
    "drone",
    "strike",
    "airstrike",
    "fighters",
    "rebels",
    "police",
    "checkpoint",
    "officials",
    "said",
    "according",
    "residents",
    "hospital",
    "medics",
    "displaced",
    "camp",
    "border",
    "province",
    "district",
    "governor",
    "spokesman",
    "statement",
    "attack",
    "clashes",
    "overnight",
    "morning",
    "forces",
    "positions",
    "artillery",
    "rocket",
]
PLACE = Place("geonames:0", "Somewhere", "SY", 35.0, 38.0, "town", admin1="Raqqa")


def synthetic_article(rng: random.Random, number: int) -> Document:
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(60)) + "." for _ in range(5)]
    text = f"Report number {number}\n\n" + "\n\n".join(paragraphs)
    meta = DocumentMeta(outlet=f"Outlet {number % 17}", published=dt.date(2024, 1, 1) + dt.timedelta(number % 300))
    return build_document(text, f"bench/{number:06d}.txt", meta)


def mentions_for(document: Document) -> list[Mention]:
    sentence = Span(document.name, 0, 20, document.text[:20])
    return [
        Mention(
            id=f"{document.content_hash[:16]}-{i}",
            doc=document.name,
            sentence=sentence,
            trigger=sentence,
            event_type="Battles",
            sub_event_type="Armed clash",
            plover="FIGHT",
            actors=[ActorRole("actor1", "Army", "State forces")],
            date=DateInterval(
                document.published or dt.date(2024, 1, 1), document.published or dt.date(2024, 1, 1), "day"
            ),
            places=[PlaceMention("Somewhere", sentence, place=PLACE)],
            chain=AttributionChain([Source(f"source {i}", "unnamed")]),
        )
        for i in range(2)
    ]


def measure(url: str, articles: list[Document]) -> tuple[float, float]:
    """(documents/s for add_document, documents/s for add_document + replace_extraction)."""
    store = Store.open(url)
    half = len(articles) // 2
    started = time.perf_counter()
    for document in articles[:half]:
        store.add_document(document)
    documents_only = half / (time.perf_counter() - started)
    started = time.perf_counter()
    for document in articles[half:]:
        added = store.add_document(document)
        store.replace_extraction(added.document_id, mentions_for(document), [])
    with_mentions = (len(articles) - half) / (time.perf_counter() - started)
    store.close()
    return documents_only, with_mentions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--postgres", default=os.environ.get("SITREP_BENCH_POSTGRES_URL"))
    args = parser.parse_args()
    rng = random.Random(20240501)
    articles = [synthetic_article(rng, i) for i in range(args.documents)]
    print(f"{args.documents} synthetic documents (~{len(articles[0].text.split())} words each)")
    with tempfile.TemporaryDirectory() as folder:
        rows = [("sqlite", measure(f"sqlite:///{folder}/bench.db", articles))]
    with postgres_url(args.postgres) as url:
        if url is None:
            print("postgresql: skipped (no server binaries; pass --postgres URL)", file=sys.stderr)
        else:
            rows.append(("postgresql", measure(url, articles)))
    print(f"{'backend':<12}{'docs/s (documents only)':>26}{'docs/s (+2 mentions each)':>28}")
    for backend, (plain, with_mentions) in rows:
        print(f"{backend:<12}{plain:>26.1f}{with_mentions:>28.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
