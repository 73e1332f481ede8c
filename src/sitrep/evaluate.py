"""``sitrep eval``: score a database against gold files in the format of shared/gold.

Matching (gold/README.md): an extracted event matches a gold event when it
comes from the same document, has the same event type, its date interval
overlaps the gold one, and one of its locations lies within the gold
location's tolerance (same country suffices for country/region/admin1 gold
locations). Matching is one-to-one, best score first. Event-type accuracy is
measured on a relaxed matching that ignores the type, else it would be 1 by
construction.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sitrep.model import Mention, Place
from sitrep.resolve.similarity import mention_places
from sitrep.store import Store

DEFAULT_TOLERANCE_KM = 50.0
COARSE = {"country", "region", "admin1"}
FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "date",
    "location",
    "fatalities",
    "quantities",
    "sources",
    "modality",
)


@dataclass
class Extracted:
    """One extracted event as one document reports it."""

    event_id: str
    doc: str
    mention: Mention
    places: list[Place]


@dataclass
class Scores:
    gold_events: int
    extracted_events: int
    matched: int
    precision: float
    recall: float
    f1: float
    field_accuracy: dict[str, float]
    field_counts: dict[str, int]
    furniture_events: list[str] = field(default_factory=list)
    framing_recall: float | None = None
    framing_missed: list[str] = field(default_factory=list)
    claims_gold: int = 0
    claims_found: int = 0
    contradictions_gold: int = 0
    contradictions_found: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def extracted_events(store: Store) -> list[Extracted]:
    """One record per (event, document): the document's first report of the event, placed where any of the
    document's reports of it place it."""
    records: list[Extracted] = []
    for event in store.full_events():
        by_document: dict[str, list[Mention]] = {}
        # The document's report that agrees with the event's type, and then its earliest, speaks for it.
        for mention in sorted(event.mentions, key=lambda m: (m.event_type != event.event_type, m.sentence.start)):
            by_document.setdefault(mention.doc, []).append(mention)
        for doc, mentions in by_document.items():
            own = list({id(p): p for m in mentions for p in mention_places(m)}.values())
            records.append(Extracted(event.id, doc, mentions[0], own or list(event.places)))
    return records


def _interval(gold: dict[str, Any]) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(gold["date"]["start"]), dt.date.fromisoformat(gold["date"]["end"])


def date_overlaps(ex: Extracted, gold: dict[str, Any]) -> bool:
    if ex.mention.date is None:
        return False
    start, end = _interval(gold)
    return ex.mention.date.start <= end and start <= ex.mention.date.end


def _countries(location: dict[str, Any]) -> set[str]:
    value = location.get("country")
    return set(value) if isinstance(value, list) else {value} if value else set()


def location_matches(place: Place, location: dict[str, Any]) -> bool:
    if location.get("precision") in COARSE or "lat" not in location:
        return place.country in _countries(location)
    tolerance = float(location.get("tolerance_km", DEFAULT_TOLERANCE_KM))
    return haversine_km(place.lat, place.lon, location["lat"], location["lon"]) <= tolerance


def any_location_matches(ex: Extracted, gold: dict[str, Any]) -> bool:
    return any(location_matches(p, loc) for p in ex.places for loc in gold.get("locations", []))


def _match(
    extracted: list[Extracted], gold: list[dict[str, Any]], compatible: Callable[[Extracted, dict[str, Any]], bool]
) -> list[tuple[Extracted, dict[str, Any]]]:
    """One-to-one, best score first (score: how many fields already agree)."""
    pairs = [
        (_agreement(ex, g), i, j)
        for i, ex in enumerate(extracted)
        for j, g in enumerate(gold)
        if ex.doc == g["doc"] and compatible(ex, g)
    ]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_ex: set[int] = set()
    used_gold: set[int] = set()
    matched = []
    for _score, i, j in pairs:
        if i not in used_ex and j not in used_gold:
            used_ex.add(i)
            used_gold.add(j)
            matched.append((extracted[i], gold[j]))
    return matched


def _strict(ex: Extracted, g: dict[str, Any]) -> bool:
    return ex.mention.event_type == g["event_type"] and date_overlaps(ex, g) and any_location_matches(ex, g)


def _relaxed(ex: Extracted, g: dict[str, Any]) -> bool:
    return date_overlaps(ex, g) and any_location_matches(ex, g)


class AliasTable:
    def __init__(self, aliases: dict[str, list[str]]) -> None:
        self.table = {a.lower(): canonical for canonical, names in aliases.items() for a in [canonical, *names]}

    def canonical(self, name: str | None) -> str | None:
        if name is None:
            return None
        return self.table.get(name.lower(), name)


def field_agreement(ex: Extracted, g: dict[str, Any], actors: AliasTable, sources: AliasTable) -> dict[str, bool]:
    m = ex.mention
    a1, a2 = m.actor("actor1"), m.actor("actor2")
    gold_fat = g.get("fatalities") or 0
    our_fat = (m.fatalities.best or m.fatalities.low or 0) if m.fatalities else 0
    start, end = _interval(g)
    return {
        "event_type": m.event_type == g["event_type"],
        "sub_event_type": m.sub_event_type in _as_list(g.get("sub_event_type")),
        "actor1": actors.canonical(a1.name if a1 else None) == actors.canonical(g.get("actor1")),
        "actor2": actors.canonical(a2.name if a2 else None) == actors.canonical(g.get("actor2")),
        "date": m.date is not None and abs((m.date.start - start).days) <= 1 and abs((m.date.end - end).days) <= 1,
        "location": any_location_matches(ex, g),
        "fatalities": our_fat == gold_fat,
        "quantities": _quantities_agree(m, g.get("quantities", [])),
        "sources": [sources.canonical(s) for s in _dedupe(m.chain.names())]
        == [sources.canonical(s) for s in g.get("sources", [])],
        "modality": m.modality == g.get("modality", "asserted"),
    }


def _dedupe(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if not out or out[-1] != name:
            out.append(name)
    return out


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _quantities_agree(mention: Mention, gold: list[dict[str, Any]]) -> bool:
    ours = {(q.low, q.best, q.high) for q in mention.quantities}
    return all((q.get("low"), q.get("best"), q.get("high")) in ours for q in gold)


def _agreement(ex: Extracted, g: dict[str, Any]) -> int:
    return sum(
        [
            ex.mention.event_type == g["event_type"],
            ex.mention.sub_event_type in _as_list(g.get("sub_event_type")),
            date_overlaps(ex, g),
        ]
    )


def _canonical_outlet(name: str) -> str:
    try:
        from sitrep.extract.attribution import canonical_outlet

        return canonical_outlet(name) or name
    except ImportError:
        return name


def evaluate_store(store: Store, gold_dir: Path) -> Scores:
    gold = [e for path in sorted(gold_dir.glob("*.events.jsonl")) for e in load_jsonl(path)]
    checks: dict[str, Any] = {}
    for path in sorted(gold_dir.glob("*.checks.json")):
        checks.update(json.loads(path.read_text(encoding="utf-8")))
    gold_docs = {g["doc"] for g in gold}
    extracted = [ex for ex in extracted_events(store) if ex.doc in gold_docs]
    actors = AliasTable(checks.get("actor_aliases", {}))
    matched = _match(extracted, gold, _strict)
    relaxed = _match(extracted, gold, _relaxed)
    counts = {f: 0 for f in FIELDS}
    for ex, g in matched:
        for name, ok in field_agreement(ex, g, actors, _OutletAliases()).items():
            counts[name] += ok
    type_ok = sum(ex.mention.event_type == g["event_type"] for ex, g in relaxed)
    n = len(matched)
    accuracy = {f: (counts[f] / n if n else 0.0) for f in FIELDS}
    accuracy["event_type"] = type_ok / len(relaxed) if relaxed else 0.0
    precision = n / len(extracted) if extracted else 0.0
    recall = n / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    matched_gold = {id(g) for _, g in matched}
    matched_ex = {id(ex) for ex, _ in matched}
    scores = Scores(
        gold_events=len(gold),
        extracted_events=len(extracted),
        matched=n,
        precision=precision,
        recall=recall,
        f1=f1,
        field_accuracy=accuracy,
        field_counts=counts,
        misses=[f"{g['doc']}: {g.get('id', '?')} «{g.get('evidence', '')}»" for g in gold if id(g) not in matched_gold],
        spurious=[
            f"{ex.doc}: {ex.mention.event_type} «{ex.mention.sentence.text[:120]}»"
            for ex in extracted
            if id(ex) not in matched_ex
        ],
    )
    event_of_gold = {g["id"]: ex.event_id for ex, g in matched if "id" in g}
    _score_checks(store, checks, gold_docs, scores, gold_dir, event_of_gold)
    return scores


class _OutletAliases(AliasTable):
    """Source names compared through the outlet dictionary ("Al-Mayadeen" = "Al Mayadeen")."""

    def __init__(self) -> None:
        super().__init__({})

    def canonical(self, name: str | None) -> str | None:
        return None if name is None else _canonical_outlet(name).lower()


def _score_checks(
    store: Store,
    checks: dict[str, Any],
    gold_docs: set[str],
    scores: Scores,
    gold_dir: Path,
    event_of_gold: dict[str, str],
) -> None:
    mentions = [m for m in store.all_mentions() if m.doc in gold_docs]
    reports: dict[tuple[str, str], list[Mention]] = {}  # (event, document) -> the document's reports of it
    for event in store.full_events():
        for m in event.mentions:
            if m.doc in gold_docs:
                reports.setdefault((event.id, m.doc), []).append(m)
    for item in checks.get("must_not_be_events", []):
        text = item["text"]
        for (_, doc), own in reports.items():
            # An event counts against the text when every report of it in that document comes from the text: a
            # restatement that joined an event reported elsewhere in the article made no event of its own.
            if doc == item["doc"] and all(_comes_from(m, text) for m in own):
                scores.furniture_events.append(f"{doc}: «{text[:80]}»")
    expected = [t.lower() for t in checks.get("framing_terms", {}).get("expect_flagged", [])]
    if expected:
        claims = [c for c in store.claims() if c.doc in gold_docs]
        flagged = {f.term.lower() for m in mentions for f in m.framing} | {
            f.term.lower() for c in claims for f in c.framing
        }
        flagged |= _framing_in_documents(store, gold_docs)
        # A longer flagged phrase counts for the word it contains ("under the guise of" flags "guise").
        flagged_words = flagged | {word for term in flagged for word in term.split()}
        found = [t for t in expected if t in flagged_words]
        scores.framing_recall = len(found) / len(expected)
        scores.framing_missed = [t for t in expected if t not in flagged_words]
    gold_claims = [c for path in sorted(gold_dir.glob("*.claims.jsonl")) for c in load_jsonl(path)]
    ours = [c for c in store.claims() if c.doc in gold_docs]
    found_ids = {gc["id"]: _find_claim(gc, ours) for gc in gold_claims}
    scores.claims_gold = len(gold_claims)
    scores.claims_found = sum(1 for v in found_ids.values() if v is not None)
    rows = store.contradictions()
    stored_pairs = {frozenset((row["a"], row["b"])) for row in rows}
    contested_events = {row["event_id"] for row in rows if row["event_id"]}
    for item in checks.get("contradictions", []):
        scores.contradictions_gold += 1
        claim_ids = [found_ids.get(cid) for cid in item.get("claims", [])]
        event_ids = [event_of_gold.get(gid) for gid in item.get("events", [])]
        if not all(claim_ids) or not all(event_ids):
            continue
        if event_ids:
            # Reports of one incident that disagree: resolved into one event that shows the contradiction.
            if len(set(event_ids)) == 1 and event_ids[0] in contested_events:
                scores.contradictions_found += 1
        elif frozenset(claim_ids) in stored_pairs:
            scores.contradictions_found += 1


def _comes_from(mention: Mention, text: str) -> bool:
    """The mention's sentence lies inside ``text``, or ``text`` (a dateline, a caption) lies inside the
    sentence and holds the mention's trigger."""
    sentence = mention.sentence.text
    if sentence.strip() and sentence.strip() in text:
        return True
    at = sentence.find(text)
    if at < 0:
        return False
    start = mention.sentence.start + at
    return start <= mention.trigger.start and mention.trigger.end <= start + len(text)


def _framing_in_documents(store: Store, docs: set[str]) -> set[str]:
    """Framing terms anywhere in the documents' body text (not only in event sentences)."""
    from sitrep.extract.framing import find_framing

    terms: set[str] = set()
    for stored in store.documents():
        d = stored.document
        if d.name in docs:
            for p in d.paragraphs:
                if not p.is_furniture:
                    terms |= {f.term.lower() for f in find_framing(d.paragraph_text(p), d.name, p.start)}
    return terms


def _find_claim(gold: dict[str, Any], ours: list[Any]) -> str | None:
    quantity = gold.get("quantity")
    for claim in ours:
        if claim.doc != gold["doc"]:
            continue
        if quantity and claim.quantity:
            if (claim.quantity.low, claim.quantity.best) == (quantity.get("low"), quantity.get("best")):
                return str(claim.id)
        elif not quantity and claim.quantity is None and claim.modality == gold.get("modality"):
            return str(claim.id)
    return None


def format_scores(s: Scores) -> str:
    lines = [
        f"events: gold {s.gold_events}, extracted {s.extracted_events}, matched {s.matched}",
        f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
        "",
        f"{'field':<16}accuracy",
    ]
    lines += [f"{name:<16}{value:.3f}" for name, value in s.field_accuracy.items()]
    lines.append("")
    if s.framing_recall is not None:
        lines.append(
            f"framing terms flagged: {s.framing_recall:.3f}"
            + (f" (missed: {', '.join(s.framing_missed)})" if s.framing_missed else "")
        )
    lines.append(
        f"claims found: {s.claims_found}/{s.claims_gold}; "
        f"contradictions found: {s.contradictions_found}/{s.contradictions_gold}"
    )
    lines.append(f"events from furniture or non-event text: {len(s.furniture_events)}")
    lines += [f"  ! {x}" for x in s.furniture_events]
    if s.misses:
        lines.append("missed gold events:")
        lines += [f"  - {x}" for x in s.misses]
    if s.spurious:
        lines.append("extracted events with no gold match:")
        lines += [f"  + {x}" for x in s.spurious]
    return "\n".join(lines)
