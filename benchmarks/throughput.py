"""Words per second: the whole ingest + extract path beside the bare spaCy pipeline, in one run.

    .venv/bin/python benchmarks/throughput.py [--repeat 20] [FOLDER ...]

Bare spaCy is the stock en_core_web_sm pipeline (all its components) over the
same texts with ``nlp.pipe``. The sitrep path reads and validates the files,
marks furniture, runs sitrep's pipeline (entity ruler and paragraph boundaries
added) and extracts mentions, claims, dates, figures, chains and framing.
Geocoding and storing are timed separately (they are not part of the target).
"""

from __future__ import annotations

import argparse
import importlib
import time
from pathlib import Path

from sitrep.extract import extract_document
from sitrep.ingest.readers import read_sources
from sitrep.model import Document
from sitrep.nlp import MODEL_PACKAGE, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = [
    ROOT / "examples",
    ROOT / "evaluation" / "dev" / "corpus",
    ROOT.parent / "shared" / "corpus" / "seeds",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sources", nargs="*", type=Path, default=[p for p in DEFAULT_SOURCES if p.exists()])
    parser.add_argument("--repeat", type=int, default=10, help="read the corpus this many times")
    args = parser.parse_args()
    sources = [str(p) for p in args.sources] * args.repeat

    documents = [d for d in read_sources(sources) if isinstance(d, Document)]
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)

    bare = importlib.import_module(MODEL_PACKAGE).load()
    ours = load_pipeline()
    list(bare.pipe(texts[:5]))
    list(ours.pipe(texts[:5]))  # warm both up

    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in bare.pipe(texts, batch_size=32):
        pass
    bare_seconds, bare_cpu = time.perf_counter() - start, time.process_time() - cpu_start

    start, cpu_start = time.perf_counter(), time.process_time()
    read = [d for d in read_sources(sources) if isinstance(d, Document)]
    mentions = 0
    for document, parsed in zip(read, ours.pipe([d.text for d in read], batch_size=32), strict=True):
        mentions += len(extract_document(document, parsed).mentions)
    ours_seconds, ours_cpu = time.perf_counter() - start, time.process_time() - cpu_start

    print(f"documents          {len(documents)} ({words:,} words, {len(args.sources)} folders x {args.repeat})")
    print(f"bare spaCy         {words / bare_seconds:,.0f} words/s ({bare_seconds:.2f} s)")
    print(f"ingest + extract   {words / ours_seconds:,.0f} words/s ({ours_seconds:.2f} s, {mentions} mentions)")
    print(f"ratio              {bare_seconds / ours_seconds:.2f} of bare spaCy's rate (target >= 0.70)")
    # CPU time is steadier than wall time when other processes share the machine.
    print(f"ratio of CPU time  {bare_cpu / ours_cpu:.2f} (bare {bare_cpu:.2f} s, ours {ours_cpu:.2f} s)")


if __name__ == "__main__":
    main()
