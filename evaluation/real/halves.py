"""Split the dev side of the real-text set into parts by incident, to check that a change generalises.

    python evaluation/real/halves.py /tmp/halves            # writes the recorded parts: dev-a, dev-b and dev-new
    python evaluation/real/halves.py /tmp/halves --reshuffle  # new seeded halves of all of dev: dev-a and dev-b

A rule or model tuned while looking at dev can fit dev's sentences rather than the pattern it names. Tune on
``dev-a`` (diagnose there), then score ``dev-b`` without reading it: a change that gains on ``dev-a`` but not
on ``dev-b`` fits the articles, not the pattern. Each half keeps every article of one incident component (the
components of ``split.json``), dealt in a seeded random order so that each half holds about half the articles.
The halves are written like ``dev/`` (``corpus/`` with its manifest, ``gold/``) and are not kept in the
repository: regenerate them with this command.

The parts the sessions report on are recorded in ``parts.json`` (which articles each holds), because the seeded
split moves whenever dev grows: dev-a and dev-b were dealt from dev's first 305 articles, and dev-new holds the 160
articles added after them, which no session read before session 16. By default the recorded parts are written;
``--reshuffle`` deals new halves of today's dev instead.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from build import HERE, load_batches, write_split

SEED = 10
PARTS = HERE / "parts.json"


def halves() -> dict[str, list[str]]:
    """The dev articles of each half, components whole, in a seeded order."""
    assignment = json.loads((HERE / "split.json").read_text(encoding="utf-8"))
    components = sorted(entry["docs"] for entry in assignment.values() if entry["split"] == "dev")
    random.Random(SEED).shuffle(components)
    total = sum(len(docs) for docs in components)
    sides: dict[str, list[str]] = {"dev-a": [], "dev-b": []}
    for docs in components:
        side = "dev-a" if len(sides["dev-a"]) + len(docs) <= total / 2 else "dev-b"
        sides[side] += docs
    return {side: sorted(docs) for side, docs in sides.items()}


def recorded_parts() -> dict[str, list[str]]:
    """The dev articles of each part as the sessions used them (``parts.json``)."""
    parts: dict[str, list[str]] = json.loads(PARTS.read_text(encoding="utf-8"))["parts"]
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the parts (dev-a/, dev-b/, dev-new/) into")
    parser.add_argument("--reshuffle", action="store_true", help="deal new seeded halves of all of dev instead")
    args = parser.parse_args()
    articles, documents, events, claims, checks = load_batches()
    for side, docs in (halves() if args.reshuffle else recorded_parts()).items():
        write_split(args.out / side, docs, articles, documents, events, claims, checks)
        n_events = sum(1 for e in events if e["doc"] in set(docs))
        print(f"{side}: {len(docs)} articles, {n_events} events -> {args.out / side}")


if __name__ == "__main__":
    main()
