"""Why each cross-article incident link was lost: which check of resolution kept two reports of one incident apart.

``sitrep eval`` counts a *link* for every two gold events of different documents that report one incident, and keeps
it when our events matched to both are one event. For each link it does not keep, this names the first reason, judged
by the document published later (its reports of the incident against the event the earlier document's report is in,
as the store holds it now):

- ``not extracted``: one of the two gold events was matched by no event of ours (a recall miss, not clustering);
- ``not a candidate``: the store's candidate search (type, place cell, dates within the window) does not offer it;
- ``document reports once``: the event already holds another incident's report of the later document;
- ``told two ways apart``, ``written places differ`` (``distinct_written_places``), or a report pair's ``type``,
  ``date``, ``other day``, ``place`` (scores 0) or ``distinct places`` (``coreference.distinct_places``);
- ``below attach``: nothing contradicts, but the best report's score stays under the threshold (its components shown);
- ``would attach``: it clears the bar now (another candidate was preferred, or the event grew later).

Then it lists the false merges (two gold events of different documents and different incidents in one event of ours),
counted by the pair of incidents, so that one wrong join told by many documents reads as one cause.

    python evaluation/clustering/links.py GOLD --db sqlite:///DB [--show]

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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from duplicates import describe  # noqa: E402

from sitrep.evaluate import (  # noqa: E402
    incident_of,
    load_jsonl,
    match_gold,
)
from sitrep.model import Event, Mention  # noqa: E402
from sitrep.resolve import cluster  # noqa: E402
from sitrep.resolve import coreference as co  # noqa: E402
from sitrep.resolve.config import ResolveConfig, load_config  # noqa: E402
from sitrep.resolve.scoring import match_score, score_components, type_score  # noqa: E402
from sitrep.resolve.similarity import date_score  # noqa: E402
from sitrep.store import Store  # noqa: E402


def pair_reason(mention: Mention, report: Mention, cfg: ResolveConfig) -> str | None:
    """The first of ``cluster.contradicts``'s checks that fires for one report pair, by name."""
    if mention.doc == report.doc:
        return None
    facts = co.load_rules().facts_of_an_incident
    if (
        not type_score(mention.event_type, report.event_type, cfg)
        and not {mention.sub_event_type, report.sub_event_type} & facts
    ):
        return f"type: {mention.event_type} / {report.event_type}"
    mine, theirs = cluster.as_dated(mention, cfg), cluster.as_dated(report, cfg)
    if cluster._dated(mine) and cluster._dated(theirs) and not date_score(mine.date, theirs.date, cfg):  # type: ignore[arg-type]
        return "date"
    if cluster._other_day(mention, report):
        return "other day"
    if cluster.places_apart(cluster._placed(mention), cluster._placed(report), cfg):
        return "place"
    if co.distinct_places(mention, report):
        return "distinct places"
    return None


def reason(group: list[Mention], event: Event, store: Store, cfg: ResolveConfig) -> tuple[str, str]:
    """Why ``group`` (one document's reports of the incident) did not join ``event``, and a detail line."""
    offered = {e.id for m in group for e in store.candidate_events(m, cfg.candidate_window_days, reports=False)}
    if event.id not in offered:
        return "not a candidate", ""
    if any(m.doc == group[0].doc for m in event.mentions):
        return "document reports once", ""
    if cluster.told_two_ways_apart(group, event, cfg):
        return "told two ways apart", f"{cluster._told_type(group)} / {event.event_type}"
    others = [m for m in event.mentions if all(m.doc != mine.doc for mine in group)]
    if others and co.distinct_written_places(group, others):
        names = sorted(co._names_of_reports(group)[0]), sorted(co._names_of_reports(others)[0])
        return "written places differ", f"{names[0]} / {names[1]}"
    for m in group:
        for report in event.mentions:
            found = pair_reason(m, report, cfg)
            if found is not None:
                return found.split(":")[0], f"{found} | {describe(m)} || {describe(report)}"
    scored = [(match_score(m, event, cfg), m) for m in group]
    best, lead = max(scored, key=lambda s: s[0])
    components = {k: (None if v is None else round(v, 2)) for k, v in score_components(lead, event, cfg).items()}
    if best < cluster.attach_threshold(lead, cfg):
        return "below attach", f"{best:.2f} {components}"
    return "would attach", f"{best:.2f} {components}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--show", action="store_true", help="print each lost link with its detail")
    args = parser.parse_args()
    run = match_gold(args.gold_dir, args.db)
    cfg = load_config()
    gold, checks, store, matched = run.gold, run.checks, run.store, run.matched
    published = {
        row["doc"]: row.get("published", "")
        for path in sorted(args.gold_dir.glob("*.documents.jsonl"))
        for row in load_jsonl(path)
    }
    event_of = {g["id"]: ex.event_id for ex, g in matched if "id" in g}
    incident = incident_of(gold, checks)
    by_incident: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        if "id" in g:
            by_incident.setdefault(incident[g["id"]], []).append(g)
    causes: Counter[str] = Counter()
    for members in by_incident.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a["doc"] == b["doc"] or (event_of.get(a["id"]) and event_of.get(a["id"]) == event_of.get(b["id"])):
                    continue
                if not event_of.get(a["id"]) or not event_of.get(b["id"]):
                    causes["not extracted"] += 1
                    continue
                earlier, later = sorted((a, b), key=lambda g: (published.get(g["doc"], ""), g["doc"]))
                event = store.get_event(event_of[earlier["id"]])
                mine = store.get_event(event_of[later["id"]])
                if event is None or mine is None:
                    causes["event gone"] += 1
                    continue
                group = [m for m in mine.mentions if m.doc == later["doc"]] or mine.mentions
                cause, detail = reason(group, event, store, cfg)
                causes[cause] += 1
                if args.show:
                    print(f"[{cause}] {earlier['id']} ~ {later['id']}\n    {detail[:700]}")
    store.close()
    print(f"\nlost links: {sum(causes.values())}")
    for cause, n in causes.most_common():
        print(f"  {n:4d}  {cause}")
    merges = false_merges(matched, incident)
    print(f"\nfalse merges: {sum(merges.values())}")
    for (first, second), n in merges.most_common():
        print(f"  {n:4d}  {first} / {second}")


def false_merges(matched: list[tuple[Any, dict[str, Any]]], incident: dict[str, str]) -> Counter[tuple[str, str]]:
    """The false merges ``sitrep eval`` counts (matched gold events of different documents and incidents in one event
    of ours), by the pair of incidents they join."""
    pairs = [(ex, g) for ex, g in matched if "id" in g]
    found: Counter[tuple[str, str]] = Counter()
    for i, (ex_a, g_a) in enumerate(pairs):
        for ex_b, g_b in pairs[i + 1 :]:
            first, second = sorted((incident[g_a["id"]], incident[g_b["id"]]))
            if ex_a.doc != ex_b.doc and ex_a.event_id == ex_b.event_id and first != second:
                found[(first, second)] += 1
    return found


if __name__ == "__main__":
    main()
