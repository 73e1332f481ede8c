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
from collections import Counter
from pathlib import Path

from sitrep.evaluate import (
    _dedupe,
    _dispute_passages,
    _disputes_about,
    _match,
    _OutletAliases,
    _strict,
    events_on,
    load_gold,
    load_jsonl,
    refuse_held_out,
)
from sitrep.store import Store


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


def print_sources(gold_dir: Path, store: Store, only: str | None) -> None:
    gold, _checks, docs = load_gold(gold_dir)
    extracted = events_on(store, docs)
    aliases = _OutletAliases()
    kinds: Counter[str] = Counter()
    matched = _match(extracted, gold, _strict)
    for ex, g in matched:
        ours_raw = _dedupe(ex.mention.chain.names())
        ours = [aliases.canonical(s) or "" for s in ours_raw]
        want = [aliases.canonical(s) or "" for s in g.get("sources", [])]
        kind = chain_error(want, ours)
        if kind is None:
            continue
        kinds[kind] += 1
        if only and kind != only:
            continue
        print(f"[{kind}] {ex.doc} {g.get('id')}")
        print(f"    gold: {' < '.join(g.get('sources', []))}  «{str(g.get('evidence', ''))[:150]}»")
        print(f"    ours: {' < '.join(ours_raw)}  «{ex.mention.sentence.text[:150]}»")
    right = len(matched) - sum(kinds.values())
    print(f"\nsources right {right}/{len(matched)}")
    print(json.dumps(dict(kinds.most_common()), indent=1))


def print_contradictions(gold_dir: Path, store: Store) -> None:
    gold, checks, docs = load_gold(gold_dir)
    gold_events = {g["id"]: g for g in gold if "id" in g}
    gold_claims = {str(c.get("id")): c for path in sorted(gold_dir.glob("*.claims.jsonl")) for c in load_jsonl(path)}
    disputes = [_dispute_passages(item, gold_events, gold_claims) for item in checks.get("contradictions", [])]
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
            for k in _disputes_about(sentences.get(a), disputes) & _disputes_about(sentences.get(b), disputes)
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
    refuse_held_out([args.gold_dir])
    store = Store.open(args.db)
    if args.part in (None, "sources"):
        print_sources(args.gold_dir, store, args.only)
    if args.part in (None, "contradictions"):
        print_contradictions(args.gold_dir, store)


if __name__ == "__main__":
    main()
