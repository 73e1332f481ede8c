"""Why each duplicate was kept apart: the within-article evidence that split a restatement from its incident.

``sitrep eval`` calls an unmatched extraction a *duplicate* when its sentence is a passage of a gold incident that
another of our events already matched. For each duplicate this names, for the document's report of the duplicate
event that comes latest among its first reports, the evidence ``coreference.group_document_mentions`` had against the
incident our matched event tells in that document: the first of ``other_incident``'s checks that fires against one
of its reports (another mode, another kind of act, another day, another country, doers of two sides, places in
conflict, distinct towns, distinct quarters), or that its place lies far from where the incident's reports were
placed, or that the sentence turns to another incident ("Elsewhere, ..."); "no evidence" when it could have joined (it
joined a later incident, or the headline's rule placed it); "one group" when the grouping joined them and resolution
split them.

With ``--joins``, the other direction: each *wrong join*, a gold incident we missed whose own sentences (those that
tell no other gold incident) are reports of an event of ours that matched another gold incident of the same
document, by the rule of the grouping that joined the later of the two reports (``group_document_mentions``'s
``joined_by``: shares_place, continues, no_evidence_against, restated_near, judged_one, headline), or "one
sentence tells both", or "resolution merged" when the grouping kept them apart.

    python evaluation/clustering/duplicates.py GOLD --db sqlite:///DB [--show] [--joins]

Development halves only; never the test split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.evaluate import (  # noqa: E402
    classify_unmatched,
    gold_passages,
    match_gold,
    same_passage,
)
from sitrep.model import INHERITED_ROLE, Mention  # noqa: E402
from sitrep.resolve import coreference as co  # noqa: E402
from sitrep.store import Store  # noqa: E402


def evidence_against(mention: Mention, group: list[Mention]) -> str:
    """The first check of the grouping that keeps ``mention`` out of ``group``, by its rule's name."""
    rules = co.load_rules()
    for other in group:
        if (mention.modality in rules.unrealised_modalities) != (other.modality in rules.unrealised_modalities):
            return "another mode"
    for other in group:
        if co._kinds_differ(mention, other, rules):
            toll = " (toll)" if co.tells_a_toll(mention) or co.tells_a_toll(other) else ""
            return f"another kind{toll}: {mention.event_type} / {other.event_type}"
    for other in group:
        if co.other_incident(mention, other, rules, kinds=False):
            date_a, date_b = co.told_date(mention), co.told_date(other)
            if (
                (co.own_date(mention) is not None or co.own_date(other) is not None)
                and date_a is not None
                and date_b is not None
                and not date_a.overlaps(date_b)
                and not co.anchoring_slip(date_a, date_b)
                and not co._told_the_day_after(mention, other, date_a, date_b)
            ):
                return "another day"
            countries_a, countries_b = co._countries(mention), co._countries(other)
            if countries_a and countries_b and not countries_a & countries_b:
                return "another country"
            if co.doers_of_two_sides(mention, other, rules):
                return "doers_of_two_sides"
            if co.places_conflict(mention, other):
                return "places_conflict"
            if co.distinct_towns(mention, other):
                return "towns_not_their_province"
            if co.distinct_quarters(mention, other):
                return "distinct_quarters"
            return "other"
    if co._placed_elsewhere(mention, group):
        return "placed elsewhere"
    if co._turns_to_another(mention, rules):
        return "turns to another"
    if co.tells_a_further_act(mention):
        return "also_another_act"
    if co.tells_a_sequel(mention):
        return "sequel_act"
    return "no evidence"


def describe(mention: Mention) -> str:
    places = ", ".join(
        f"{pm.text}{'' if pm.place is None else '=' + pm.place.name + '/' + pm.place.precision}"
        + ("(ctx)" if pm.role == INHERITED_ROLE else "")
        for pm in mention.places
    )
    date = co.told_date(mention)
    day = f"{date.start}..{date.end}{' own' if co.own_date(mention) else ''}" if date else "-"
    toll = f" killed {mention.fatalities.best}" if mention.fatalities is not None else ""
    return (
        f"{mention.event_type}/{mention.sub_event_type} [{mention.trigger.text}]{toll} {day} | {places}"
        f"{' | restates' if mention.restates else ''}{' | headline' if mention.headline else ''}"
        f" «{(mention.sentence.text or '')[:160]}»"
    )


def _tells(mention: Mention, g: dict[str, Any]) -> bool:
    return any(same_passage(mention.sentence.text or "", p) for p in gold_passages(g))


def wrong_joins(
    store: Store, gold: list[dict[str, Any]], matched: list[tuple[Any, dict[str, Any]]], show: bool
) -> None:
    """Counts the wrong joins (see the module docstring) by the grouping rule that made each."""
    gold_of = {(ex.event_id, ex.doc): g for ex, g in matched}
    found = {id(g) for _, g in matched}
    ids = {stored.document.name: stored.id for stored in store.documents()}
    causes: Counter[str] = Counter()
    for g in gold:
        if id(g) in found or g["doc"] not in ids:
            continue
        reports = [m for m in store.mentions_for_document(ids[g["doc"]]) if not m.background]
        event_of = {m.id: store.event_of_mention(m.id) for m in reports}
        hosted = [
            (m, h) for m in reports if _tells(m, g) and (h := gold_of.get((event_of[m.id], g["doc"]))) is not None
        ]
        if not hosted:
            continue
        own = [(m, h) for m, h in hosted if not _tells(m, h)]
        if not own:
            causes["one sentence tells both"] += 1
            continue
        mine, host = own[0]
        theirs = [m for m in reports if event_of[m.id] == event_of[mine.id] and _tells(m, host) and not _tells(m, g)]
        if not theirs:
            continue
        joined_by: dict[str, str] = {}
        groups = co.group_document_mentions(reports, joined_by)
        group_of = {m.id: i for i, group in enumerate(groups) for m in group}
        if group_of.get(mine.id) != group_of.get(theirs[0].id):
            cause = "resolution merged"
        else:
            later = mine if mine.sentence.start > theirs[0].sentence.start else theirs[0]
            cause = joined_by.get(later.id, "?")
        causes[cause] += 1
        if show:
            print(f"[{cause}] {g['doc']} {g['id']} joined to {host['id']}")
            print(f"    missed: {describe(mine)}")
            print(f"    host:   {describe(theirs[0])}")
    print(f"\nwrong joins: {sum(causes.values())}")
    for cause, n in causes.most_common():
        print(f"  {n:4d}  {cause}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--show", action="store_true", help="print each duplicate with the report it was kept from")
    parser.add_argument("--joins", action="store_true", help="count wrong joins instead, by the rule that joined them")
    args = parser.parse_args()
    run = match_gold(args.gold_dir, args.db)
    gold, store, matched = run.gold, run.store, run.matched
    if args.joins:
        wrong_joins(store, gold, matched, args.show)
        store.close()
        return
    unmatched = run.unmatched()
    verdicts = classify_unmatched(unmatched, gold, {id(g) for _, g in matched})
    first_of = {id(g): ex for ex, g in matched}
    ids = {stored.document.name: stored.id for stored in store.documents()}
    causes: Counter[str] = Counter()
    for ex in sorted(unmatched, key=lambda e: (e.doc, e.mention.sentence.start)):
        if verdicts.get(id(ex)) != "duplicate":
            continue
        text = ex.mention.sentence.text
        told = [g for g in gold if g["doc"] == ex.doc and any(same_passage(text, p) for p in gold_passages(g))]
        kept = next((first_of[id(g)] for g in told if id(g) in first_of), None)
        if kept is None or ex.doc not in ids:
            causes["matched by no extraction of ours (an earlier duplicate took it)"] += 1
            continue
        reports = [m for m in store.mentions_for_document(ids[ex.doc]) if not m.background]
        groups = co.group_document_mentions(reports)
        event_of = {m.id: store.event_of_mention(m.id) for m in reports}
        mine = [m for m in reports if event_of[m.id] == ex.event_id]
        theirs = [m for m in reports if event_of[m.id] == kept.event_id]
        if not mine or not theirs:
            causes["no report in this document"] += 1
            continue
        group_of = {m.id: i for i, g in enumerate(groups) for m in g}
        if {group_of.get(m.id) for m in mine} & {group_of.get(m.id) for m in theirs}:
            cause = "one group, split by resolution"
            later, earlier = mine[0], theirs
        else:
            # The group told later was kept from the one told earlier: its first report carried the evidence.
            if mine[0].sentence.start > theirs[0].sentence.start:
                later, earlier = mine[0], theirs
            else:
                later, earlier = theirs[0], mine
            cause = "headline placed" if later.headline else evidence_against(later, earlier)
        causes[cause] += 1
        if args.show:
            print(f"[{cause}] {ex.doc}")
            print(f"    later:   {describe(later)}")
            for m in earlier[:3]:
                print(f"    earlier: {describe(m)}")
    store.close()
    print(f"\nduplicates: {sum(causes.values())}")
    for cause, n in causes.most_common():
        print(f"  {n:4d}  {cause}")


if __name__ == "__main__":
    main()
