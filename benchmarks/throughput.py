"""Words per second: sitrep beside the bare spaCy pipeline on the same texts.

    .venv/bin/python benchmarks/throughput.py [--rounds 5] [FOLDER ...]              # read + NLP + extract
    .venv/bin/python benchmarks/throughput.py --all-stages [--db postgres] [--rounds 3]  # + geocode, resolve, store
    .venv/bin/python benchmarks/throughput.py --whole-process [--workers 2] [--db postgres] [--rounds 3]

Bare spaCy is the stock en_core_web_sm pipeline (all its components) over the
same texts with ``nlp.pipe``. The sitrep path reads and validates the files,
marks furniture, runs sitrep's pipeline (entity ruler and paragraph boundaries
added) and extracts mentions, claims, dates, figures, chains and framing.
``--all-stages`` times the whole ``sitrep.pipeline.ingest`` (geocoding, event
resolution and a fresh store included) in a process whose model is loaded;
``--whole-process`` times whole ``sitrep ingest`` processes, start-up included,
beside a process that loads bare spaCy and parses the same texts.

The two alternate, one pass over the corpus each per round, so that a machine
whose speed drifts (a shared host, CPU frequency) slows both alike; the ratio
reported is the median of the rounds'. Each is reported by wall-clock time and
by CPU time (user + system, of every process of the run): on a shared machine
the CPU ratio is the one to trust for one process, while only the wall clock
shows what extra workers gain. The first round also runs with cold caches (a
sentence's date scan is cached, so later rounds over the same texts are a
little faster): its ratio is printed too.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.extract import extract_document
from sitrep.ingest.readers import read_sources
from sitrep.model import Document
from sitrep.nlp import MODEL_PACKAGE, load_pipeline
from sitrep.pipeline import ingest
from sitrep.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from local_postgres import postgres_url  # benchmarks/local_postgres.py

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
    parser.add_argument(
        "--all-stages",
        action="store_true",
        help="time sitrep.pipeline.ingest (every stage, a fresh store each round) in this process, model loaded",
    )
    parser.add_argument("--workers", type=int, default=1, help="with --whole-process: `sitrep ingest --workers N`")
    parser.add_argument(
        "--db", default="sqlite", help="the store: sqlite (a fresh file), postgres (a local throw-away server) or a URL"
    )
    args = parser.parse_args()
    sources = [str(p) for p in args.sources]

    texts = [d.text for d in read_sources(sources) if isinstance(d, Document)]
    words = sum(len(t.split()) for t in texts)
    if args.whole_process or args.all_stages:
        with stores(args.db, args.rounds) as urls:
            if args.whole_process:
                whole_process(sources, texts, words, urls, args.workers)
            else:
                all_stages(sources, texts, words, urls)
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


@contextlib.contextmanager
def stores(kind: str, rounds: int) -> Iterator[list[str]]:
    """One fresh, empty store per round: SQLite files, databases on a throw-away PostgreSQL, or a URL given
    (then the same store each round: use a fresh database per run)."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield [f"sqlite:///{Path(tmp) / f'round{r}.db'}" for r in range(rounds)]
    elif kind == "postgres":
        with contextlib.ExitStack() as stack:
            urls = [stack.enter_context(postgres_url(None)) for _ in range(rounds)]
            if None in urls:
                raise SystemExit("no PostgreSQL server binaries found; pass --db postgresql://...")
            yield [u for u in urls if u]
    else:
        yield [kind] * rounds


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Timings:
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def _report(label: str, texts: list[str], words: int, bare: Timings, ours: Timings, ours_label: str) -> None:
    rounds = len(bare.wall)
    print(f"documents          {len(texts)} ({words:,} words), {rounds} rounds {label}")
    for name, timings in (("bare spaCy", bare), (ours_label, ours)):
        print(
            f"{name:<18} {words * rounds / sum(timings.wall):,.0f} words/s wall ({sum(timings.wall):.1f} s), "
            f"{words * rounds / sum(timings.cpu):,.0f} words/s CPU ({sum(timings.cpu):.1f} s)"
        )
    for clock in ("wall", "cpu"):
        ratios = [b / o for b, o in zip(getattr(bare, clock), getattr(ours, clock), strict=True)]
        print(
            f"ratio ({clock:<4})       {statistics.median(ratios):.2f} of bare spaCy's rate, median of the rounds "
            f"({' '.join(f'{r:.2f}' for r in ratios)}; target >= 0.70)"
        )
    print(f"load average       {' '.join(f'{x:.1f}' for x in os.getloadavg())} (on {os.cpu_count()} cores)")


# Where an all-stages run spends its CPU: the pipeline's calls of each stage, timed from outside.
STAGE_CALLS = {
    "parse (spaCy + ruler)": ["parse_documents", "parse_text"],
    "extract": ["extract_document", "mark_background", "mark_headline", "share_incident_places"],
    "geocode": ["geocode_document", "fill_actor_countries", "scope_claims"],
    "store + resolve": ["write_extraction", "resolve_pending", "refresh_claim_contradictions"],
}


class StageClock:
    """CPU seconds spent in each stage's functions of ``sitrep.pipeline`` (a call inside another timed call
    counts once, for the outer one)."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(STAGE_CALLS, 0.0)
        self._inside = False

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        import sitrep.pipeline as pipeline

        originals = {name: getattr(pipeline, name) for names in STAGE_CALLS.values() for name in names}
        for stage, names in STAGE_CALLS.items():
            for name in names:
                setattr(pipeline, name, self._timed(stage, originals[name]))
        try:
            yield
        finally:
            for name, function in originals.items():
                setattr(pipeline, name, function)

    def _timed(self, stage: str, function: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._inside:
                return function(*args, **kwargs)
            self._inside, start = True, time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[stage] += time.process_time() - start
                self._inside = False

        return timed


def all_stages(sources: list[str], texts: list[str], words: int, urls: list[str]) -> None:
    """Every stage in this process, model and gazetteer loaded: `sitrep.pipeline.ingest` into a fresh store."""
    bare_nlp = importlib.import_module(MODEL_PACKAGE).load()
    list(bare_nlp.pipe(texts[:5]))
    with tempfile.TemporaryDirectory() as tmp:  # warm up: model, gazetteer, lexicons, typing model
        warm = Store.open(f"sqlite:///{Path(tmp) / 'warm.db'}")
        ingest(sources[:1], warm)
        warm.close()
    bare, ours, clock = Timings(), Timings(), StageClock()
    for url in urls:
        start, cpu = time.perf_counter(), time.process_time()
        for _ in bare_nlp.pipe(texts, batch_size=32):
            pass
        bare.wall.append(time.perf_counter() - start)
        bare.cpu.append(time.process_time() - cpu)
        store = Store.open(url)
        start, cpu = time.perf_counter(), time.process_time()
        with clock.installed():
            report = ingest(sources, store)
        ours.wall.append(time.perf_counter() - start)
        ours.cpu.append(time.process_time() - cpu)
        store.close()
    print(f"store              {urls[0].split(':')[0]}, {len(report.stored)} documents, {report.mentions} mentions")
    total = sum(ours.cpu)
    for stage, seconds in [*clock.seconds.items(), ("reading, the rest", total - sum(clock.seconds.values()))]:
        print(
            f"  {stage:<22} {seconds / total:5.1%} of sitrep's CPU "
            f"({1000 * seconds / len(texts) / len(urls):.0f} ms/doc)"
        )
    _report("in one process (start-up excluded)", texts, words, bare, ours, "sitrep, all stages")


def whole_process(sources: list[str], texts: list[str], words: int, urls: list[str], workers: int) -> None:
    """Words per second of `sitrep ingest` processes (every stage, start-up included, a fresh store) beside
    processes that load bare spaCy and parse the same texts; alternating rounds, median ratio. CPU time counts
    every process of the run (a Dask cluster's workers too)."""
    import json

    sitrep = str(Path(sys.executable).with_name("sitrep"))
    payload = json.dumps(texts)
    bare, ours = Timings(), Timings()
    for url in urls:
        start, cpu = time.perf_counter(), _children_cpu()
        subprocess.run([sys.executable, "-c", _BARE_PROCESS], input=payload, text=True, check=True)
        bare.wall.append(time.perf_counter() - start)
        bare.cpu.append(_children_cpu() - cpu)
        start, cpu = time.perf_counter(), _children_cpu()
        command = [sitrep, "ingest", *sources, "--db", url, "-q", "--workers", str(workers)]
        subprocess.run(command, check=False, stderr=subprocess.DEVNULL)
        ours.wall.append(time.perf_counter() - start)
        ours.cpu.append(_children_cpu() - cpu)
    label = f"of processes, start-up included; sitrep with {workers} worker(s), store {urls[0].split(':')[0]}"
    _report(label, texts, words, bare, ours, "sitrep ingest")
    start_up(sitrep, workers)


def start_up(sitrep: str, workers: int) -> None:
    """The start-up part of a whole process, apart: a process that loads bare spaCy and parses nothing, beside
    `sitrep ingest` of one short document (model, gazetteer and store opened, one document through every stage)
    into a fresh SQLite store."""
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([sys.executable, "-c", _BARE_PROCESS], input="[]", text=True, check=True)
    bare = (time.perf_counter() - start, _children_cpu() - cpu)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "one.txt").write_text("Two people were killed in shelling on a village on Monday, police said.\n")
        fresh = f"sqlite:///{Path(tmp) / 'start-up.db'}"
        start, cpu = time.perf_counter(), _children_cpu()
        command = [sitrep, "ingest", tmp, "--db", fresh, "-q", "--workers", str(workers)]
        subprocess.run(command, check=False, stderr=subprocess.DEVNULL)
        ours = (time.perf_counter() - start, _children_cpu() - cpu)
    print(
        f"start-up           bare spaCy loaded, nothing parsed: {bare[0]:.1f} s wall, {bare[1]:.1f} s CPU; "
        f"sitrep ingest of one short document: {ours[0]:.1f} s wall, {ours[1]:.1f} s CPU"
    )


if __name__ == "__main__":
    main()
