"""Why source chains and contradictions disagree with gold: a developer's view of `sitrep eval`'s sources
field and contradiction scores (dev split only).

Sources: matches events exactly as `sitrep eval` does and, for every matched event whose chain differs from
the gold one, prints gold vs ours with the sentence that speaks for the event, grouped by which part of the
chain fails (originator, wire credit, publisher, extra or missing links).

Contradictions: every listed entry, marked right (both sides tell one gold disagreement) or not, then every
gold disagreement that no entry tells.

    .venv/bin/sitrep ingest evaluation/real/dev/corpus --db /tmp/dev.db -q
    .venv/bin/python evaluation/diagnose_sources.py evaluation/real/dev/gold --db sqlite:////tmp/dev.db \
        [--part sources|contradictions] [--only originator]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from sitrep.evaluate import (
    GoldMatch,
    OutletAliases,
    dedupe_names,
    dispute_passages,
    disputes_about,
    load_gold_claims,
    match_gold,
)
from sitrep.model import Mention


def chain_error(gold: list[str], ours: list[str]) -> str | None:
    """Which part of the chain is wrong, or None when it is right."""
    if gold == ours:
        return None
    if not ours:
        return "empty chain"
    if gold[-1:] != ours[-1:]:
        return "publisher"
    if gold[0] != ours[0]:
        if ours[0] in gold:
            return "originator missing"
        if gold[0] in ours:
            return "extra originator"
        return "originator"
    return "intermediary or wire"


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def tells(sentence: str, evidence: str) -> bool:
    """The sentence is the gold passage's (one holds the other's opening words)."""
    a, b = _words(sentence), _words(evidence)
    return bool(a and b) and (a[:60] in b or b[:60] in a)


def cause(gold: list[str], ours: list[str], same_sentence: bool, gold_report: list[str] | None) -> str:
    """The cause group of a wrong chain: the event speaks by another sentence than the gold passage (and whether
    that passage's own report has the right chain), or which part of the gold sentence's own chain fails."""
    if same_sentence:
        return f"same sentence: {chain_error(gold, ours)}"
    if gold_report is None:
        return "other report: the gold passage gave no report"
    error = chain_error(gold, gold_report)
    return "other report: the gold passage's report is right" if error is None else f"other report: {error}"


def print_sources(run: GoldMatch, only: str | None) -> None:
    docs, matched = run.documents, run.matched
    aliases = OutletAliases()
    kinds: Counter[str] = Counter()
    causes: Counter[str] = Counter()
    reports: dict[str, list[Mention]] = {}
    for mention in run.store.all_mentions():
        if mention.doc in docs:
            reports.setdefault(mention.doc, []).append(mention)

    def names(chain_names: list[str]) -> list[str]:
        return [aliases.canonical(s) or "" for s in dedupe_names(chain_names)]

    for ex, g in matched:
        ours_raw = dedupe_names(ex.mention.chain.names())
        ours = names(ours_raw)
        want = [aliases.canonical(s) or "" for s in g.get("sources", [])]
        kind = chain_error(want, ours)
        if kind is None:
            continue
        evidence = str(g.get("evidence", ""))
        own = next((m for m in reports.get(ex.doc, []) if tells(m.sentence.text, evidence)), None)
        why = cause(want, ours, tells(ex.mention.sentence.text, evidence), names(own.chain.names()) if own else None)
        kinds[kind] += 1
        causes[why] += 1
        if only and kind != only and why != only:
            continue
        print(f"[{why}] {ex.doc} {g.get('id')}")
        print(f"    gold: {' < '.join(g.get('sources', []))}  «{evidence[:150]}»")
        print(f"    ours: {' < '.join(ours_raw)}  «{ex.mention.sentence.text[:150]}»")
        if own is not None and own is not ex.mention:
            print(f"    gold passage's report: {' < '.join(dedupe_names(own.chain.names()))}")
    right = len(matched) - sum(kinds.values())
    print(f"\nsources right {right}/{len(matched)}")
    print(json.dumps(dict(kinds.most_common()), indent=1))
    print("by cause:")
    print(json.dumps(dict(causes.most_common()), indent=1))


def print_contradictions(run: GoldMatch) -> None:
    store, gold, checks, docs = run.store, run.gold, run.checks, run.documents
    gold_events = {g["id"]: g for g in gold if "id" in g}
    gold_claims = {str(c.get("id")): c for c in load_gold_claims(run.gold_dir)}
    disputes = [dispute_passages(item, gold_events, gold_claims) for item in checks.get("contradictions", [])]
    mentions = {m.id: m for m in store.all_mentions() if m.doc in docs}
    claims = {c.id: c for c in store.claims() if c.doc in docs}
    sentences = {i: (m.doc, m.sentence.text) for i, m in mentions.items()}
    sentences |= {i: (c.doc, c.sentence.text) for i, c in claims.items()}
    pairs_of = {(e.id, c.kind, c.a, c.b): c.pairs for e in store.full_events() for c in e.contradictions}
    hit: set[int] = set()
    listed = [row for row in store.contradictions() if row["a"] in sentences or row["b"] in sentences]
    for row in listed:
        pairs = pairs_of.get((row["event_id"], row["kind"], row["a"], row["b"])) or [(row["kind"], row["a"], row["b"])]
        shared = {
            k
            for _, a, b in pairs
            for k in disputes_about(sentences.get(a), disputes) & disputes_about(sentences.get(b), disputes)
        }
        hit |= shared
        mark = "RIGHT" if shared else "wrong"
        print(f"[{mark}] {row['kind']}: {row['description'][:220]}")
        for _, a, b in pairs[:3]:
            for side in (a, b):
                doc, text = sentences.get(side, ("?", "?"))
                print(f"      {doc}: «{text[:130]}»")
    print(f"\n{len([r for r in listed])} listed; gold disagreements told {len(hit)}/{len(disputes)}")
    for k, item in enumerate(checks.get("contradictions", [])):
        if k not in hit:
            print(f"  missed [{item.get('kind')}] {item.get('expect', '')[:200]}")
            print(f"      events {item.get('events', [])} claims {item.get('claims', [])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--part", choices=["sources", "contradictions"], default=None)
    parser.add_argument("--only", help="print only source errors of this kind")
    args = parser.parse_args()
    run = match_gold(args.gold_dir, args.db)
    if args.part in (None, "sources"):
        print_sources(run, args.only)
    if args.part in (None, "contradictions"):
        print_contradictions(run)


if __name__ == "__main__":
    main()
