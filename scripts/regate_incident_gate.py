"""Cross-fit a refitted incident gate in seconds on a store already ingested (data/models/incident_gate.README.md).

    python scripts/regate_incident_gate.py DB GATE_DIR [--threshold T]   # the gate in GATE_DIR (its threshold, or T)
    python scripts/regate_incident_gate.py DB --off                      # the gate off
    python scripts/regate_incident_gate.py DB GATE_DIR --rules [--without RULE ...]  # the named rules judged anew too
    then: sitrep eval GOLD --db DB

Every stored report is judged anew (``incident_gate.regate_incidents``: the marks a gate set before cleared, then
the gate given), its stored record rewritten, and resolution run again from scratch (``sitrep rerun resolve``). A
store ingested with no gate, re-gated with a gate, gives the figures of an ingest with that gate, in a twentieth of
the time: the way to score a gate fitted on other dev parts on a part's store. Development stores only.

With ``--rules`` every stored report is first judged anew by the checkout's named background rules
(``background.mark_background``), less any ``--without`` names ("history" is the date rule): no extract or geocode
step reads the marks, so a store re-marked so gives the figures of an ingest with those rules (the three dev parts
re-marked with the rules they were ingested with: every mark and every figure unchanged), in about ten seconds a
part. The way to measure a rule's net effect on each part: re-mark a copy of the part's store without it, and
compare ``sitrep eval`` with the store as ingested.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import update

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.extract.background import BackgroundRules, load_rules, mark_background, without_rules  # noqa: E402
from sitrep.model import to_dict  # noqa: E402
from sitrep.pipeline import rerun  # noqa: E402
from sitrep.resolve.incident_gate import (  # noqa: E402
    GATED,
    RESTATED,
    IncidentGate,
    gate_from_files,
    regate_incidents,
)
from sitrep.store import Store  # noqa: E402
from sitrep.store import schema as tables  # noqa: E402


def chosen_gate(folder: Path, threshold: float | None) -> IncidentGate:
    gate = gate_from_files(folder / "incident_gate.npz", folder / "incident_gate.meta.json")
    if gate is None:
        raise SystemExit(f"no incident gate in {folder}")
    return gate if threshold is None else IncidentGate(gate.index, gate.weights, threshold)


def regate_store(store: Store, gate: IncidentGate | None, rules: BackgroundRules | None = None) -> dict[str, int]:
    """Re-gates every stored report, first judged anew by ``rules`` when given; the number of reports left with each
    of the gate's marks."""
    counts = dict.fromkeys((GATED, RESTATED), 0)
    for stored in store.documents():
        mentions = store.mentions_for_document(stored.id)
        if rules is not None:
            mark_background(mentions, stored.document, rules)
        regate_incidents(mentions, stored.document, gate)
        with store.engine.begin() as connection:
            for mention in mentions:
                row = tables.mentions.c.id == mention.id
                connection.execute(update(tables.mentions).where(row).values(data=to_dict(mention)))
                if mention.background in counts:
                    counts[mention.background] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("db", help="a store (sqlite:///PATH or a SQLite path) into which a dev part was ingested")
    parser.add_argument("gate", type=Path, nargs="?", help="folder holding incident_gate.npz and .meta.json")
    parser.add_argument("--threshold", type=float, help="gate at this threshold instead of the meta's")
    parser.add_argument("--off", action="store_true", help="no gate: every incident is an event")
    parser.add_argument("--rules", action="store_true", help="judge the reports by the named rules anew first")
    parser.add_argument("--without", action="append", default=[], help="with --rules: leave this rule out (repeatable)")
    args = parser.parse_args()
    if args.off == (args.gate is not None):
        parser.error("give a gate folder or --off")
    if args.without and not args.rules:
        parser.error("--without needs --rules")
    gate = None if args.off else chosen_gate(args.gate, args.threshold)
    try:
        rules = without_rules(load_rules(), args.without) if args.rules else None
    except ValueError as exc:
        parser.error(str(exc))
    store = Store.open(args.db, create=False)
    try:
        print("re-gated:", regate_store(store, gate, rules))
        report = rerun(store, "resolve")
        print(f"resolved again: {len(report.resumed)} documents, {len(report.failures)} failures")
    finally:
        store.close()


if __name__ == "__main__":
    main()
