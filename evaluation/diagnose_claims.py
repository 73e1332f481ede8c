"""Why gold claims are missed: a developer's view of `sitrep eval`'s "claims found", of the modality of the
reports the gold set codes as not plainly asserted, and of its contradictions (dev split only).

For every gold claim that `sitrep eval` does not match, prints the gold statement (figure, modality) beside
every claim and event report of ours from the same passage, under a verdict: nothing read from the passage,
a claim with another figure, a figure-less claim with another modality, and so on. Then every gold report
coded as not plainly asserted whose passage carries no report of ours with that modality. With
``--part contradictions``: every listed contradiction entry of the gold documents, marked as `sitrep eval` scores
it (OK when a pair it lists tells one gold disagreement), with where it was found, the gold disagreements its
reports touch and their sentences; then the gold disagreements no entry tells.

    .venv/bin/sitrep ingest evaluation/real/dev/corpus --db /tmp/dev.db -q
    .venv/bin/python evaluation/diagnose_claims.py evaluation/real/dev/gold --db sqlite:////tmp/dev.db \
        [--part claims|modality|contradictions] [--only VERDICT]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.evaluate import (
    GoldMatch,
    dispute_passages,
    disputes_about,
    figure_agrees,
    load_gold_claims,
    match_claims,
    match_gold,
    same_passage,
    told_by_reports,
)
from sitrep.model import Claim, Mention
from sitrep.store import Store


def _figure(quantity: Any) -> str:
    if quantity is None:
        return "-"
    if isinstance(quantity, dict):
        return f"{quantity.get('low')}/{quantity.get('best')}/{quantity.get('high')} {quantity.get('text', '')!r}"
    return f"{quantity.low}/{quantity.best}/{quantity.high} {quantity.unit!r}"


def verdict(gold: dict[str, Any], ours: list[Claim], mentions: list[Mention]) -> str:
    """Why no claim of ours from the gold claim's passage states it."""
    if not ours:
        return _event_report_only(gold, mentions) if mentions else "nothing read"
    if not gold.get("quantity"):
        if any(c.quantity is None for c in ours):
            return "figure-less claim, other modality"
        return "claims with figures only"
    if all(c.quantity is None for c in ours):
        return "figure-less claims only"
    return "claim with another figure"


def _event_report_only(gold: dict[str, Any], mentions: list[Mention]) -> str:
    """Why an event report of the passage does not state the gold claim: it carries the figure as its toll (the
    passage tells no gold incident, so the figure had to be a claim: a running or aggregate toll), it read no toll,
    or the gold claim has no figure."""
    quantity = gold.get("quantity")
    if not quantity:
        return "event report only, figure-less claim"
    if any(figure_agrees(quantity, m.fatalities) for m in mentions):
        return "event report only, its toll is the claim's figure"
    return "event report only, another toll or none"


def print_claims(run: GoldMatch, only: str | None) -> None:
    gold_claims = load_gold_claims(run.gold_dir)
    docs = {c["doc"] for c in gold_claims}
    ours = [c for c in run.store.claims() if c.doc in docs]
    mentions = _mentions(run.store, docs)
    found = match_claims(gold_claims, ours)
    found |= told_by_reports(gold_claims, found, run.gold, mentions)
    tally: Counter[str] = Counter()
    lines: list[str] = []
    for number, gold in enumerate(gold_claims):
        if str(gold.get("id", number)) in found:
            continue
        evidence = str(gold.get("evidence") or "")
        near = [c for c in ours if c.doc == gold["doc"] and same_passage(c.sentence.text, evidence)]
        told = [m for m in mentions if m.doc == gold["doc"] and same_passage(m.sentence.text, evidence)]
        why = verdict(gold, near, told)
        tally[why] += 1
        if only and why != only:
            continue
        lines.append(f"[{why}] {gold.get('id')} ({gold.get('modality')}, {_figure(gold.get('quantity'))})")
        lines.append(f"    gold: {evidence}")
        lines += [f"    claim: {c.modality} {_figure(c.quantity)} {c.subject!r} topic {c.topic!r}" for c in near]
        lines += [f"    report: {m.modality} {m.event_type} trigger {m.trigger.text!r}" for m in told]
    print(f"claims found {len(found)}/{len(gold_claims)}; missed by verdict:")
    for why, n in tally.most_common():
        print(f"  {n:4d}  {why}")
    print("\n".join(lines))


def print_modality(run: GoldMatch) -> None:
    gold_events = run.gold
    gold_claims = load_gold_claims(run.gold_dir)
    docs = {g["doc"] for g in [*gold_events, *gold_claims]}
    ours = [c for c in run.store.claims() if c.doc in docs]
    mentions = _mentions(run.store, docs)
    print("\nreports not plainly asserted whose passage has no report of ours with the gold modality:")
    for gold in [*gold_events, *gold_claims]:
        modality = gold.get("modality") or "asserted"
        if modality == "asserted":
            continue
        evidence = str(gold.get("evidence") or "")
        found = [m.modality for m in mentions if m.doc == gold["doc"] and same_passage(m.sentence.text, evidence)]
        found += [c.modality for c in ours if c.doc == gold["doc"] and same_passage(c.sentence.text, evidence)]
        if modality not in found:
            print(f"  - {gold.get('id')} gold {modality}, ours {sorted(set(found)) or 'nothing'}: {evidence}")


def entry_origin(row: Any) -> str:
    """Where a stored entry was found: an event's reports, two events of one incident, a denial of a report, or a
    claim group."""
    group = str(row["claim_group"] or "")
    if row["event_id"] is not None:
        return "event"
    if str(row["claim_topic"] or "").startswith("one incident"):
        return "incident"
    return "denial" if group.startswith("event:") else "claims"


def print_contradictions(run: GoldMatch) -> None:
    store, gold, checks, docs = run.store, run.gold, run.checks, run.documents
    gold_claims = load_gold_claims(run.gold_dir)
    mentions = _mentions(store, docs)
    ours = [c for c in store.claims() if c.doc in docs]
    sentences = {m.id: (m.doc, m.sentence.text) for m in mentions} | {c.id: (c.doc, c.sentence.text) for c in ours}
    items = checks.get("contradictions", [])
    events = {g["id"]: g for g in gold if "id" in g}
    disputes = [dispute_passages(item, events, {str(c.get("id")): c for c in gold_claims}) for item in items]
    pairs_of = {(e.id, c.kind, c.a, c.b): c.pairs for e in store.full_events() for c in e.contradictions}
    listed = [row for row in store.contradictions() if row["a"] in sentences or row["b"] in sentences]
    told: set[int] = set()
    tally: Counter[str] = Counter()
    for row in listed:
        pairs = (
            pairs_of.get((row["event_id"], row["kind"], row["a"], row["b"]))
            or row["pairs"]
            or [(row["kind"], row["a"], row["b"])]
        )
        shared = {
            k
            for _, a, b in pairs
            for k in disputes_about(sentences.get(a), disputes) & disputes_about(sentences.get(b), disputes)
        }
        ids = list(dict.fromkeys(i for _, a, b in pairs for i in (a, b)))
        touched = set().union(*(disputes_about(sentences.get(i), disputes) for i in ids))
        told |= shared
        mark = "OK" if shared else "--"
        tally[f"{mark} {entry_origin(row)} {row['kind']}"] += 1
        print(f"[{mark}] {entry_origin(row)} {row['kind']} pairs {len(pairs)} touches {sorted(touched)}")
        print(f"    {row['description'][:300]}")
        for i in ids[:6]:
            doc, text = sentences.get(i, ("?", "?"))
            print(f"      {doc}: {' '.join(text.split())[:200]}")
    print(f"\nentries {len(listed)}; by verdict, origin and kind:")
    for key, n in tally.most_common():
        print(f"  {n:4d}  {key}")
    print("gold disagreements no entry tells:")
    for k, item in enumerate(items):
        if k not in told:
            print(f"  - {k} {item.get('kind')}: {item.get('expect')}")


def _mentions(store: Store, docs: set[str]) -> list[Mention]:
    """Every stored report of the documents, as `sitrep eval` reads them for modality."""
    return [m for m in store.all_mentions() if m.doc in docs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--part", choices=["claims", "modality", "contradictions"], default=None)
    parser.add_argument("--only", help="print only the missed claims of this verdict")
    args = parser.parse_args()
    run = match_gold(args.gold_dir, args.db)
    if args.part in (None, "claims"):
        print_claims(run, args.only)
    if args.part in (None, "modality"):
        print_modality(run)
    if args.part in (None, "contradictions"):
        print_contradictions(run)


if __name__ == "__main__":
    main()
