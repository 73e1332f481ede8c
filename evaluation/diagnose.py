"""Why each gold event and claim was missed: a developer's view of `sitrep eval`.

For every unmatched gold event, look at the unmatched extractions of the same document and name
the first field that stops a match: no extraction at all, the type, the date, or the location.
Also prints every spurious extraction with the sentence it came from.

Then, for every gold claim `sitrep eval` does not find, says whether we made no claim from its
sentence or made one whose quantity (low/best) or modality fails evaluate.py's rule, with our
nearest claim (its subject and period are shown too, though the rule does not compare them).

    .venv/bin/sitrep ingest evaluation/dev/corpus --db sqlite:////tmp/dev.db -q
    .venv/bin/python evaluation/diagnose.py evaluation/dev/gold --db sqlite:////tmp/dev.db [--only location]

A location miss says whether the event holds the gold place among its places but headlines another (the choice of
the event's place) or has it nowhere (geocoding, or reports of another incident grouped with it).

With ``--reports``, a miss on the date, the type or the place also says which of the event's reports tell the gold
value (``report_cause``): a report of the same document, one of another document, one naming the place only as a
speaker's or another role's, or none (then the value was never extracted, and choosing among the reports cannot
help), and lists the event's reports, marking those that tell it (+) and the one whose date the event took (*).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from sitrep.evaluate import (
    Extracted,
    any_location_matches,
    date_overlaps,
    find_claim,
    gold_interval,
    load_gold_claims,
    load_jsonl,
    location_matches,
    match_gold,
)
from sitrep.model import Claim, Event, Mention
from sitrep.resolve.similarity import mention_places
from sitrep.store import Store

# The misses on a field of an extraction that tells the gold event, which --reports traces to the event's reports.
FIELD_MISSES = (
    "date",
    "type",
    "date and location",
    "location: another of its places headlines it",
    "location: none of its places",
)


def miss_reason(gold: dict[str, Any], candidates: list[Extracted]) -> tuple[str, Extracted | None]:
    """The nearest-miss extraction and the field it got wrong."""
    same_doc = [ex for ex in candidates if ex.doc == gold["doc"]]
    if not same_doc:
        return "no extraction left in document", None
    typed = [ex for ex in same_doc if ex.mention.event_type == gold["event_type"]]
    for ex in typed:
        if date_overlaps(ex, gold) and not any_location_matches(ex, gold):
            return "location", ex
    for ex in typed:
        if any_location_matches(ex, gold) and not date_overlaps(ex, gold):
            return "date", ex
    for ex in same_doc:
        if date_overlaps(ex, gold) and any_location_matches(ex, gold):
            return "type", ex
    if typed:
        return "date and location", typed[0]
    return "no extraction of this type", same_doc[0]


def location_cause(gold: dict[str, Any], ex: Extracted, store: Store) -> str:
    """Of a location miss: whether the event holds the gold place among its places and headlines another (the choice
    of the event's place, ``resolve.derive.derive_places``), or none of its places is there (geocoding or grouping)."""
    event = store.get_event(ex.event_id)
    places = event.places[1:] if event is not None else []
    if any(location_matches(p, loc) for p in places for loc in gold.get("locations", [])):
        return "location: another of its places headlines it"
    return "location: none of its places"


def tells_date(mention: Mention, gold: dict[str, Any]) -> bool:
    start, end = gold_interval(gold)
    return mention.date is not None and mention.date.start <= end and start <= mention.date.end


def names_place(mention: Mention, gold: dict[str, Any], as_event_place: bool) -> bool:
    """The report names a gold location: as where its event was (``mention_places``), or in any role."""
    places = mention_places(mention) if as_event_place else [pm.place for pm in mention.places if pm.place]
    return any(location_matches(p, loc) for p in places for loc in gold.get("locations", []))


def telling_reports(reason: str, gold: dict[str, Any], event: Event) -> list[Mention]:
    """The event's reports that tell the gold value of the field the miss is on."""
    if reason.startswith("date"):
        return [m for m in event.mentions if tells_date(m, gold)]
    if reason.startswith("type"):
        return [m for m in event.mentions if m.event_type == gold["event_type"]]
    return [m for m in event.mentions if names_place(m, gold, as_event_place=True)]


def report_cause(
    reason: str,
    gold: dict[str, Any],
    event: Event,
    article: list[tuple[Mention, str | None]] | None = None,
    text: str = "",
) -> str:
    """Which of the event's reports tell the gold value the event missed: whether choosing among them
    (``resolve.derive``) or extracting it (the earlier stages, or the grouping of reports) is at fault. Of a place
    no report of the event names, ``article`` (the document's reports) tells whether grouping put the report
    that names it in another event, or no report of the article names it (no trigger in its sentence, or gated)."""
    field = "location" if reason.startswith("location") else reason.split()[0]
    telling = telling_reports(field, gold, event)
    if field == "location" and not telling:
        if any(names_place(m, gold, as_event_place=False) for m in event.mentions):
            return "location: a report names it in another role (a speaker's, an origin)"
        return article_place_cause(gold, event, article or [], text)
    if not telling:
        return f"{field}: no report tells it"
    if field == "date" and not any(m.doc == gold["doc"] for m in telling):
        return "date: only another document's report tells it"
    return "location: a report names it as the event's place" if field == "location" else f"{field}: a report tells it"


def article_place_cause(
    gold: dict[str, Any], event: Event, article: list[tuple[Mention, str | None]], text: str = ""
) -> str:
    """Of a gold place no report of the event names: where in its article (reports with their events, the article's
    ``text``) one does, or a sentence right after a report's, with no report of its own, writes it (what
    ``extract.places.continuing_places`` may lend to that report)."""
    own = {m.id for m in event.mentions}
    naming = [e for m, e in article if m.id not in own and names_place(m, gold, as_event_place=False)]
    if any(naming):
        return "location: no report names it; another event of the article does (grouping)"
    if naming:
        return "location: no report names it; a report in no event does"
    if any(written_in(gold, m.sentence.text) for m, _ in article):
        return "location: no report names it; a report's sentence writes it, unread (places, geocoding)"
    if written_after_a_report(gold, [m for m, _ in article], text):
        return "location: no report names it; the sentence after a report's writes it, with no report of its own"
    return "location: no report names it; no report's sentence writes it"


# What ends a sentence in the article's text (one line break is a sentence boundary, as in ``sitrep.nlp``).
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")


def written_after_a_report(gold: dict[str, Any], reports: list[Mention], text: str) -> bool:
    """Whether the gold place's name is written in the sentence right after a report's sentence (no sentence end
    between that report's sentence and the name), a sentence no report was taken from."""
    ends = sorted({m.sentence.end for m in reports})
    starts = {m.sentence.start for m in reports}
    lowered = text.lower()
    for name in gold_place_names(gold):
        for found in re.finditer(re.escape(name), lowered):
            before = [end for end in ends if end <= found.start()]
            if not before:
                continue
            gap = text[before[-1] : found.start()]
            opened = before[-1] + len(gap) - len(gap.lstrip())
            if opened not in starts and not _SENTENCE_END.search(gap.strip()):
                return True
    return False


# Words of a gold location's name that say where around, not which place ("northern Idlib countryside").
_NOT_A_NAME = {"syria", "province", "countryside", "city", "town", "village", "eastern", "western", "northern"}
_NOT_A_NAME |= {"southern", "near", "east", "west", "north", "south", "of", "the", "and", "in"}


def gold_place_names(gold: dict[str, Any]) -> list[str]:
    """The names a gold location's coder wrote ("al-Waer, Homs", "Um Mayyal (Khanaser)"), each without its article
    and the words that only say where around: what an article that names the place writes."""
    names = []
    for loc in gold.get("locations", []):
        for part in re.split(r"[(),/]", str(loc.get("name") or "")):
            words = [w for w in part.lower().split() if w not in _NOT_A_NAME]
            name = re.sub(r"^(al|el|ad|ar|as|ash|at|az)-", "", " ".join(words))
            if len(name) > 3:
                names.append(name)
    return names


def written_in(gold: dict[str, Any], sentence: str) -> bool:
    """Whether the sentence writes one of the gold location's names (unread if no report's place is it)."""
    text = sentence.lower()
    return any(name in text for name in gold_place_names(gold))


def article_reports(store: Store, doc: str) -> list[tuple[Mention, str | None]]:
    """The document's stored reports, each with its event (None when grouping or a gate left it out of all)."""
    mentions = [m for m in store.all_mentions() if m.doc == doc]
    events = store.events_of_mentions([m.id for m in mentions])
    return [(m, events.get(m.id)) for m in mentions]


def article_text(store: Store, doc: str) -> str:
    """The stored text of the document (empty when it is not stored)."""
    stored = store.get_document(doc)
    return stored.document.text if stored is not None else ""


def describe_report(mention: Mention, marked: bool, chosen: bool) -> str:
    date = f"{mention.date.start}..{mention.date.end}" if mention.date else "no date"
    said = f"«{mention.date.span.text}»" if mention.date and mention.date.span else ""
    places = ", ".join(f"{pm.place.name if pm.place else pm.text}[{pm.role}]" for pm in mention.places) or "no place"
    mark = "+" if marked else "*" if chosen else " "
    sentence = mention.sentence.text[:80]
    return f"      {mark} {mention.doc} {mention.event_type} | {date} {said} | {places} | «{sentence}»"


def print_reports(reason: str, gold: dict[str, Any], event: Event) -> None:
    telling = {id(m) for m in telling_reports(reason, gold, event)}
    dated = event.date.span if event.date else None
    for mention in event.mentions:
        chosen = dated is not None and mention.date is not None and mention.date.span == dated
        print(describe_report(mention, id(mention) in telling, chosen))


def describe(ex: Extracted) -> str:
    m = ex.mention
    date = f"{m.date.start}..{m.date.end}" if m.date else "no date"
    places = ", ".join(f"{p.name} ({p.country})" for p in ex.places) or "no place"
    return f"{m.event_type} | {date} | {places} | «{m.sentence.text[:140]}»"


def claim_miss_reason(gold: dict[str, Any], ours: list[Claim]) -> tuple[str, Claim | None]:
    """Why `find_claim` finds no claim for a gold claim, and our claim nearest to it.

    Nearest: a claim from the sentence holding the gold evidence, else one with the gold's figure, else the
    document's claim closest in quantity.
    """
    same_doc = [c for c in ours if c.doc == gold["doc"]]
    if not same_doc:
        return "no claim in document", None
    evidence = " ".join(str(gold.get("evidence", "")).split())
    in_sentence = [c for c in same_doc if evidence and _overlaps(evidence, " ".join(c.sentence.text.split()))]
    quantity = gold.get("quantity")
    if quantity:
        wanted = (quantity.get("low"), quantity.get("best"))
        same_figure = [c for c in same_doc if c.quantity and (c.quantity.low, c.quantity.best) == wanted]
        if same_figure:  # only reachable if find_claim changes; kept so the section never lies
            return "matched?", same_figure[0]
        if not in_sentence:
            return "no claim from that sentence", _closest_figure(same_doc, quantity)
        with_figure = [c for c in in_sentence if c.quantity is not None]
        if not with_figure:
            return "claim there but no quantity", in_sentence[0]
        return "quantity", _closest_figure(with_figure, quantity)
    if not in_sentence:
        return "no claim from that sentence", next((c for c in same_doc if c.quantity is None), same_doc[0])
    bare = [c for c in in_sentence if c.quantity is None]
    if not bare:
        return "claim there but it has a quantity", in_sentence[0]
    return "modality", bare[0]


def _overlaps(evidence: str, sentence: str) -> bool:
    """Gold evidence is a phrase of a sentence, or (quoted across sentences) contains one."""
    return evidence in sentence or sentence in evidence


def _closest_figure(claims: list[Claim], quantity: dict[str, Any]) -> Claim:
    target = quantity.get("best") or quantity.get("low") or quantity.get("high") or 0

    def distance(claim: Claim) -> float:
        if claim.quantity is None:
            return float("inf")
        value = claim.quantity.best or claim.quantity.low or claim.quantity.high or 0
        return abs(value - target)

    return min(claims, key=distance)


def describe_claim(claim: Claim) -> str:
    q = claim.quantity
    figure = f"low {q.low} best {q.best} high {q.high} «{q.span.text if q.span else q.unit}»" if q else "no quantity"
    period = f"since {claim.period_start}" if claim.period_start else "no period"
    sources = " < ".join(claim.chain.names()) or "no source"
    return f"{claim.subject} | {figure} | {period} | {claim.modality} | {sources} | «{claim.sentence.text[:140]}»"


def describe_gold_claim(gold: dict[str, Any]) -> str:
    q = gold.get("quantity")
    figure = f"low {q.get('low')} best {q.get('best')} high {q.get('high')}" if q else "no quantity"
    period = f"since {gold['period_start']}" if gold.get("period_start") else "no period"
    sources = " < ".join(gold.get("sources", [])) or "no source"
    return f"{gold.get('subject')} | {figure} | {period} | {gold.get('modality')} | {sources}"


def print_claim_misses(gold_dir: Path, store: Store, only: str | None) -> None:
    gold_claims = load_gold_claims(gold_dir)
    if not gold_claims:
        return
    docs = {g["doc"] for path in sorted(gold_dir.glob("*.events.jsonl")) for g in load_jsonl(path)}
    ours = [c for c in store.claims() if c.doc in docs]  # the claims `sitrep eval` looks at
    reasons: Counter[str] = Counter()
    print(f"\nclaims: {sum(find_claim(g, ours) is not None for g in gold_claims)}/{len(gold_claims)} found")
    for gold in gold_claims:
        if find_claim(gold, ours) is not None:
            continue
        reason, nearest = claim_miss_reason(gold, ours)
        reasons[reason] += 1
        if only and reason != only:
            continue
        print(f"[claim: {reason}] {gold['doc']} {gold.get('id')}")
        print(f"    gold: {describe_gold_claim(gold)} | «{str(gold.get('evidence', ''))[:140]}»")
        if nearest is not None:
            print(f"    ours: {describe_claim(nearest)}")
    print("\n" + json.dumps(dict(reasons.most_common()), indent=1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("--db", required=True)
    parser.add_argument("--only", help="print only misses with this reason")
    parser.add_argument(
        "--reports", action="store_true", help="for date, type and place misses, which of the event's reports tell it"
    )
    args = parser.parse_args()
    run = match_gold(args.gold_dir, args.db)
    gold, store = run.gold, run.store
    used_gold = {id(g) for _, g in run.matched}
    # a miss is explained by, and "spurious" lists, our extractions on the documents that have gold events
    free = [ex for ex in run.unmatched() if ex.doc in run.event_documents()]
    reasons: Counter[str] = Counter()
    by_report: Counter[str] = Counter()
    for g in gold:
        if id(g) in used_gold:
            continue
        reason, nearest = miss_reason(g, free)
        if reason == "location" and nearest is not None:
            reason = location_cause(g, nearest, store)
        reasons[reason] += 1
        event = store.get_event(nearest.event_id) if args.reports and nearest is not None else None
        article = article_reports(store, g["doc"]) if event else []
        causes = (
            [report_cause(r, g, event, article, article_text(store, g["doc"])) for r in reason.split(" and ")]
            if event and reason in FIELD_MISSES
            else []
        )
        by_report.update(causes)
        if args.only and not reason.startswith(args.only):  # "location" lists both kinds of location miss
            continue
        locs = ", ".join(f"{loc.get('name')} ({loc.get('country')})" for loc in g.get("locations", []))
        dates = f"{g['date']['start']}..{g['date']['end']}"
        print(f"[{reason}] {g['doc']} {g.get('id')}: {g['event_type']} | {dates} | {locs}")
        print(f"    gold: «{g.get('evidence', '')[:140]}»")
        if nearest is not None:
            print(f"    ours: {describe(nearest)}")
        for cause in causes:
            print(f"    [{cause}]")
            if event is not None:
                print_reports(cause, g, event)
    if not args.only:
        print("\nspurious:")
        for ex in free:
            print(f"  {ex.doc}: {describe(ex)}")
    print("\n" + json.dumps(dict(reasons.most_common()), indent=1))
    if args.reports:
        print("by report:\n" + json.dumps(dict(by_report.most_common()), indent=1))
    print_claim_misses(args.gold_dir, store, args.only)


if __name__ == "__main__":
    main()
