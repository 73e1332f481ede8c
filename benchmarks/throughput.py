"""Words per second: the whole ingest + extract path beside the bare spaCy pipeline, in one run.

    .venv/bin/python benchmarks/throughput.py [--rounds 5] [FOLDER ...]
    .venv/bin/python benchmarks/throughput.py --whole-process [--rounds 3]   # processes, start-up included

Bare spaCy is the stock en_core_web_sm pipeline (all its components) over the
same texts with ``nlp.pipe``. The sitrep path reads and validates the files,
marks furniture, runs sitrep's pipeline (entity ruler and paragraph boundaries
added) and extracts mentions, claims, dates, figures, chains and framing.
Geocoding and storing are timed separately (they are not part of the target).

The two alternate, one pass over the corpus each per round, so that a machine
whose speed drifts (a shared host, CPU frequency) slows both alike; the ratio
reported is the median of the rounds'. The first round also runs with cold
caches (a sentence's date scan is cached, so later rounds over the same texts
are a little faster): its ratio is printed too.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import subprocess
import sys
import tempfile
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
    parser.add_argument("--rounds", type=int, default=5, help="alternating passes of each pipeline over the corpus")
    parser.add_argument(
        "--whole-process",
        action="store_true",
        help="time whole processes, start-up included: `sitrep ingest` (every stage, a fresh store) beside a "
        "Python process that loads bare spaCy and parses the same texts",
    )
    args = parser.parse_args()
    sources = [str(p) for p in args.sources]

    texts = [d.text for d in read_sources(sources) if isinstance(d, Document)]
    words = sum(len(t.split()) for t in texts)
    if args.whole_process:
        whole_process(sources, texts, words, args.rounds)
        return

    bare = importlib.import_module(MODEL_PACKAGE).load()
    ours = load_pipeline()
    list(bare.pipe(texts[:5]))
    list(ours.pipe(texts[:5]))  # warm both up (model weights, lazily loaded data)

    bare_times: list[float] = []
    ours_times: list[float] = []
    mentions = 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=32):
            pass
        bare_times.append(time.perf_counter() - start)

        start = time.perf_counter()
        read = [d for d in read_sources(sources) if isinstance(d, Document)]
        mentions = 0
        for document, parsed in zip(read, ours.pipe([d.text for d in read], batch_size=32), strict=True):
            mentions += len(extract_document(document, parsed).mentions)
        ours_times.append(time.perf_counter() - start)

    ratios = [b / o for b, o in zip(bare_times, ours_times, strict=True)]
    print(f"documents          {len(texts)} ({words:,} words, {len(args.sources)} folders), {args.rounds} rounds")
    print(f"bare spaCy         {words * args.rounds / sum(bare_times):,.0f} words/s ({sum(bare_times):.2f} s)")
    print(
        f"ingest + extract   {words * args.rounds / sum(ours_times):,.0f} words/s "
        f"({sum(ours_times):.2f} s, {mentions} mentions per round)"
    )
    print("rounds             " + " ".join(f"{r:.2f}" for r in ratios))
    print(
        f"ratio              {statistics.median(ratios):.2f} of bare spaCy's rate, median of the rounds "
        f"(first round, cold caches: {ratios[0]:.2f}; target >= 0.70)"
    )


# A process that does what bare spaCy needs to: start Python, load the model, parse the texts (read from stdin).
_BARE_PROCESS = (
    "import importlib, json, sys\n"
    f"nlp = importlib.import_module({MODEL_PACKAGE!r}).load()\n"
    "for _ in nlp.pipe(json.load(sys.stdin), batch_size=32):\n    pass\n"
)


def whole_process(sources: list[str], texts: list[str], words: int, rounds: int) -> None:
    """Words per second of one `sitrep ingest` process (every stage, start-up included, a fresh SQLite store)
    beside one process that loads bare spaCy and parses the same texts; alternating rounds, median ratio."""
    import json

    sitrep = str(Path(sys.executable).with_name("sitrep"))
    payload = json.dumps(texts)
    bare_times: list[float] = []
    ours_times: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", _BARE_PROCESS], input=payload, text=True, check=True)
        bare_times.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            subprocess.run([sitrep, "ingest", *sources, "--db", str(Path(tmp) / "t.db"), "-q"], check=False)
            ours_times.append(time.perf_counter() - start)
    ratios = [b / o for b, o in zip(bare_times, ours_times, strict=True)]
    print(f"documents          {len(texts)} ({words:,} words, {len(sources)} folders), {rounds} rounds of processes")
    print(f"bare spaCy process {words * rounds / sum(bare_times):,.0f} words/s ({sum(bare_times):.2f} s)")
    print(f"sitrep ingest      {words * rounds / sum(ours_times):,.0f} words/s ({sum(ours_times):.2f} s)")
    print("rounds             " + " ".join(f"{r:.2f}" for r in ratios))
    print(
        f"ratio              {statistics.median(ratios):.2f} of bare spaCy's rate, median of the rounds "
        "(target >= 0.70)"
    )


if __name__ == "__main__":
    main()
