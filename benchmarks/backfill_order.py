"""What the order of arrival costs: the same articles resolved oldest first, newest first and shuffled.

``sitrep ingest`` keeps the store equal to resolving every document in canonical order (publication date, then
content hash; ``pipeline.resolve_pending``). An article that sorts before some already resolved sends the store
back to a cut before it, and every document from the cut on is resolved again. A live feed (oldest first) never
goes back; a backfill handed over newest first goes back over everything stored each time. This benchmark
measures that: the articles are parsed once, then stored and resolved into a fresh SQLite store in each order,
either one at a time (each resolved as it comes, as a feed) or in batches (``--batch``, as ``RESOLVE_EVERY``
does within one run). Printed per order: seconds spent storing and resolving, how many document resolutions
that took (each replay counts), and whether the events are the same as oldest first.

    .venv/bin/python benchmarks/backfill_order.py [--corpus evaluation/real/dev/corpus] [--sample 40] [--batch 1]

Timings on a shared machine are noisy: compare the orders of one run, taken back to back.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sitrep import pipeline
from sitrep.ingest.readers import ReadFailure, read_sources
from sitrep.model import Document, Mention
from sitrep.pipeline import IngestReport, PendingResolution, ProcessedDocument, process_documents
from sitrep.store import Store
from sitrep.store.database import canonical_key

ROOT = Path(__file__).resolve().parents[1]


def _given(item: ProcessedDocument) -> Callable[[Document], ProcessedDocument]:
    return lambda _document: item


def run(order: list[ProcessedDocument], path: Path, batch: int) -> tuple[float, int, set[frozenset[str]]]:
    """Seconds storing and resolving, document resolutions done, and the events (as their reports' ids)."""
    store = Store.open(str(path))
    resolved = 0
    resolve = pipeline.resolve_into_store

    def counted(store: Store, mentions: list[Mention]) -> None:
        nonlocal resolved
        resolved += 1
        resolve(store, mentions)

    pipeline.resolve_into_store = counted
    report, pending = IngestReport(), PendingResolution()
    started = time.perf_counter()
    try:
        for item in order:
            pipeline.record_document(store, item.document, report, _given(item), pending)
            if len(pending.documents) >= batch:
                pipeline.resolve_pending(store, pending, report)
        pipeline.resolve_pending(store, pending, report)
        pipeline.refresh_claim_contradictions(store)
    finally:
        pipeline.resolve_into_store = resolve
    seconds = time.perf_counter() - started
    events = {frozenset(m.id for m in event.mentions) for event in store.full_events()}
    store.close()
    return seconds, resolved, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "evaluation" / "real" / "dev" / "corpus")
    parser.add_argument("--sample", type=int, default=40, help="articles (0: all)")
    parser.add_argument("--batch", type=int, default=1, help="documents resolved together")
    args = parser.parse_args()
    documents = [d for d in read_sources([str(args.corpus)]) if not isinstance(d, ReadFailure)]
    if args.sample:
        documents = random.Random(20).sample(documents, min(args.sample, len(documents)))
    processed = [p for p in process_documents(documents) if isinstance(p, ProcessedDocument)]
    forward = sorted(processed, key=lambda p: canonical_key(p.document.published, p.document.content_hash))
    shuffled = random.Random(7).sample(forward, len(forward))
    orders = {"oldest first": forward, "newest first": forward[::-1], "shuffled": shuffled}
    print(f"{len(forward)} articles, {sum(len(p.mentions) for p in forward)} reports, batches of {args.batch}")
    print()
    print("| order | store + resolve s | document resolutions | vs oldest first | same events |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as directory:
        first: tuple[float, int, set[frozenset[str]]] | None = None
        for number, (name, order) in enumerate(orders.items()):
            seconds, resolved, events = run(order, Path(directory) / f"order-{number}.db", args.batch)
            first = first or (seconds, resolved, events)
            print(
                f"| {name} | {seconds:.1f} | {resolved:,} | {seconds / first[0]:.2f}x | "
                f"{'yes' if events == first[2] else 'NO'} |"
            )


if __name__ == "__main__":
    main()
