"""``sitrep eval``: score a database, or a coded JSON Lines file, against gold files in the format of shared/gold.

Matching (gold/README.md): an extracted event matches a gold event when it comes from the same document,
has the same event type, its date interval overlaps the gold one, and its own headline place lies within
the gold location's tolerance (same country suffices for country/region/admin1 gold locations). Matching
is one-to-one, best score first. Event-type accuracy is measured on a relaxed matching that ignores the
type, else it would be 1 by construction.

What is scored is the record a user gets: each event as the JSON Lines export gives it (its type, sub-type, date,
actors, toll, quantities and headline place), once per document that reports it, with that document's own report's
sources and modality (the gold set codes each article's; the export lists each report's). Scoring a store and
scoring its export (``--events``) give the same figures.

The scorer is strict where leniency would flatter a coder:
- every document of the gold set counts, including those with no gold event (``*.documents.jsonl``), so
  events coded from background-only articles are false positives;
- an event is placed where its own headline place is, not anywhere any of its reports point;
- unknown fatalities (gold ``null``) are matched only by unknown, never by zero;
- each unmatched extraction is classed: a *duplicate* restates an incident already counted, *wrong* is the
  first extraction of an incident that no extraction matched (a type, date or place error), *background*
  reports no incident at all (its passage is none of the gold incidents' ``mentions``);
- claims match one to one, on the same statement and the same figure; a source's toll of one gold incident,
  coded as a claim, is also stated by our report of that passage whose fatalities give that figure (never a
  running toll: its passage tells no gold incident).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from sitrep.geo.distance import haversine_km
from sitrep.model import ActorRole, AttributionChain, DateInterval, Mention, Place, Quantity, Source, Span
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
# A passage is about a gold incident when one holds the other, or when they share this share of the shorter
# one's words (sentence splitters cut real text differently from a coder's quotes).
PASSAGE_WORD_SHARE = 0.6
PASSAGE_MIN_WORDS = 5
# The marker file of a held-out split: diagnosis tools refuse any path in a folder that holds it.
HELD_OUT_MARKER = "HELD_OUT"


@dataclass
class Extracted:
    """One extracted event as one document reports it: the event's exported fields on the report the export puts
    forward for that document (its sources, modality and sentence), and the event's headline place."""

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
    documents: int = 0
    duplicates: int = 0
    wrong: int = 0
    background: int = 0
    duplicate_rate: float = 0.0
    background_rate: float = 0.0
    incident_links: int = 0
    incident_links_kept: int = 0
    false_merges: int = 0
    furniture_events: list[str] = field(default_factory=list)
    framing_recall: float | None = None
    framing_missed: list[str] = field(default_factory=list)
    claims_gold: int = 0
    claims_found: int = 0
    contradictions_gold: int = 0
    contradictions_found: int = 0
    contradictions_listed: int = 0
    # Listed entries (one per event and field, or per claim topic) with a pair of positions that both tell one gold
    # disagreement (by passage: the sentences of its incident or claims); precision is their share of the entries
    # listed, recall the share of gold disagreements some entry tells.
    contradictions_correct: int = 0
    contradictions_precision: float = 0.0
    contradictions_recall: float = 0.0
    # Reports the gold set codes as not plainly asserted (denied, planned, feared, ...): how many of them our
    # report of the same passage gives the same modality.
    modality_unasserted_gold: int = 0
    modality_unasserted_right: int = 0
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_held_out(path: Path) -> bool:
    """``path`` lies in a held-out (test) split: scored by ``sitrep eval``, never diagnosed or tuned on."""
    path = path.resolve()
    return any((folder / HELD_OUT_MARKER).exists() for folder in (path, *path.parents))


def refuse_held_out(paths: Iterable[Path]) -> None:
    """Stop a diagnosis tool (exit status 2) when it is pointed at a held-out split."""
    for path in paths:
        if is_held_out(path):
            raise SystemExit(f"{path}: held-out test split; diagnose on the dev split only (sitrep eval scores it)")


def extracted_events(store: Store) -> list[Extracted]:
    """One record per (event, document), the event as the JSON Lines export gives it (``sitrep export --format
    jsonl``): the event's own type, sub-type, date, actors, fatalities and quantities, placed at its headline place
    (the first location the export gives, else the first place that document's reports name); and, since the gold
    set codes each article's own sources and the export lists each report's, the sources, modality and sentence of
    the document's report the export puts forward for it (its earliest, ``first_report``)."""
    from sitrep.export.jsonl import event_quantities
    from sitrep.export.records import event_records, first_report, killed_figure
    from sitrep.store.database import EventFilter

    records: list[Extracted] = []
    for record in event_records(store, EventFilter()):
        event = record.event
        figure = killed_figure(event)
        fatalities = Quantity("people", figure.low, figure.best, figure.high, kind="killed") if figure else None
        quantities = event_quantities(record)
        for doc in record.documents:
            speaker = first_report(event, doc)
            if speaker is None:
                continue
            own = next((mention_places(m)[:1] for m in event.mentions if m.doc == doc and mention_places(m)), [])
            mention = replace(
                speaker,
                event_type=event.event_type,
                sub_event_type=event.sub_event_type,
                plover=event.plover,
                actors=list(event.actors),
                date=event.date,
                quantities=list(quantities),
                fatalities=fatalities,
            )
            records.append(Extracted(event.id, doc, mention, list(event.places[:1]) or own))
    return records


def records_from_jsonl(path: Path) -> list[Extracted]:
    """Coded events in the JSON Lines export's shape (any coder's output), one record per reporting document, with
    that document's own sources and modality where the line lists its reports (as :func:`extracted_events`)."""
    records: list[Extracted] = []
    for number, row in enumerate(load_jsonl(path)):
        event_id = str(row.get("id") or f"line{number + 1}")
        docs = row.get("docs") or [row["doc"]]
        date = row.get("date") or {}
        interval = (
            DateInterval(
                dt.date.fromisoformat(date["start"]), dt.date.fromisoformat(date["end"]), date.get("precision") or "day"
            )
            if date.get("start") and date.get("end")
            else None
        )
        places = [
            Place(
                f"{path.name}:{number}",
                loc.get("name") or "",
                loc.get("country"),
                float(loc["lat"]),
                float(loc["lon"]),
                loc.get("precision") or "town",
                admin1=loc.get("admin1"),
            )
            for loc in row.get("locations") or []
            if loc.get("lat") is not None and loc.get("lon") is not None
        ]
        actors = [ActorRole(role, row[role], "") for role in ("actor1", "assoc_actor1", "actor2") if row.get(role)]
        quantities = [
            Quantity(q.get("unit") or "", q.get("low"), q.get("best"), q.get("high"), kind=q.get("kind") or "count")
            for q in row.get("quantities") or []
        ]
        fatalities = row.get("fatalities")
        sub = row.get("sub_event_type")
        for doc in docs:
            said = _document_report(row, doc, first=doc == docs[0])
            evidence = str(said.get("evidence") or "")
            span = Span(doc, 0, len(evidence), evidence)
            mention = Mention(
                f"{event_id}:{doc}",
                doc,
                span,
                span,
                row.get("event_type") or "",
                (sub[0] if isinstance(sub, list) and sub else sub) or "",
                "",
                actors=actors,
                date=interval,
                quantities=quantities,
                fatalities=Quantity("people", fatalities, fatalities, fatalities, kind="killed")
                if isinstance(fatalities, int)
                else None,
                chain=AttributionChain([Source(name, "outlet") for name in said.get("sources") or []]),
                modality=said.get("modality") or "asserted",
            )
            records.append(Extracted(event_id, doc, mention, places[:1]))
    return records


def _document_report(row: dict[str, Any], doc: str, first: bool) -> dict[str, Any]:
    """What a line says of one of its documents: that document's first listed report (the export lists each
    report's sources, modality and evidence), else, for the line's first document, the line's own fields."""
    own = next((r for r in row.get("reports") or [] if isinstance(r, dict) and r.get("doc") == doc), None)
    if own is not None:
        return own
    return row if first else {}


def gold_interval(gold: dict[str, Any]) -> tuple[dt.date, dt.date]:
    return dt.date.fromisoformat(gold["date"]["start"]), dt.date.fromisoformat(gold["date"]["end"])


def date_overlaps(ex: Extracted, gold: dict[str, Any]) -> bool:
    if ex.mention.date is None:
        return False
    start, end = gold_interval(gold)
    return ex.mention.date.start <= end and start <= ex.mention.date.end


def location_countries(location: dict[str, Any]) -> set[str]:
    value = location.get("country")
    return set(value) if isinstance(value, list) else {value} if value else set()


def location_matches(place: Place, location: dict[str, Any]) -> bool:
    if location.get("precision") in COARSE or "lat" not in location:
        return place.country in location_countries(location)
    tolerance = float(location.get("tolerance_km", DEFAULT_TOLERANCE_KM))
    return haversine_km(place.lat, place.lon, location["lat"], location["lon"]) <= tolerance


def any_location_matches(ex: Extracted, gold: dict[str, Any]) -> bool:
    return any(location_matches(p, loc) for p in ex.places for loc in gold.get("locations", []))


def match_events(
    extracted: list[Extracted], gold: list[dict[str, Any]], compatible: Callable[[Extracted, dict[str, Any]], bool]
) -> list[tuple[Extracted, dict[str, Any]]]:
    """One-to-one, best score first (score: how many fields already agree, then whether our sentence is one of the
    gold event's passages, so that the match does not hang on the order the records come in)."""
    pairs = [
        (agreement(ex, g) + _tells(ex, g) / 2, i, j)
        for i, ex in enumerate(extracted)
        for j, g in enumerate(gold)
        if ex.doc == g["doc"] and compatible(ex, g)
    ]
    pairs.sort(key=lambda p: (-p[0], extracted[p[1]].event_id, extracted[p[1]].doc, p[2]))
    used_ex: set[int] = set()
    used_gold: set[int] = set()
    matched = []
    for _score, i, j in pairs:
        if i not in used_ex and j not in used_gold:
            used_ex.add(i)
            used_gold.add(j)
            matched.append((extracted[i], gold[j]))
    return matched


def strict_compatible(ex: Extracted, g: dict[str, Any]) -> bool:
    return ex.mention.event_type == g["event_type"] and date_overlaps(ex, g) and any_location_matches(ex, g)


def relaxed_compatible(ex: Extracted, g: dict[str, Any]) -> bool:
    return date_overlaps(ex, g) and any_location_matches(ex, g)


class AliasTable:
    def __init__(self, aliases: dict[str, list[str]]) -> None:
        self.table = {a.lower(): canonical for canonical, names in aliases.items() for a in [canonical, *names]}

    def canonical(self, name: str | None) -> str | None:
        if name is None:
            return None
        return self.table.get(name.lower(), name)


def fatalities_agree(ours: int | None, gold: dict[str, Any]) -> bool:
    """Unknown matches only unknown; a known toll matches the gold figure or any value within its stated bounds
    (an open "at least N" admits N only, as a coder would write it)."""
    figure = gold.get("fatalities")
    if figure is None:
        return ours is None
    if ours is None:
        return False
    bounds = gold.get("fatalities_range") or {}
    low: int = bounds["low"] if bounds.get("low") is not None else figure
    high: int = bounds["high"] if bounds.get("high") is not None else max(figure, bounds.get("best") or figure)
    return bool(ours == figure or low <= ours <= high)


def our_fatalities(mention: Mention) -> int | None:
    f = mention.fatalities
    if f is None:
        return None
    return f.best if f.best is not None else f.low


def field_agreement(ex: Extracted, g: dict[str, Any], actors: AliasTable, sources: AliasTable) -> dict[str, bool]:
    m = ex.mention
    a1, a2 = m.actor("actor1"), m.actor("actor2")
    start, end = gold_interval(g)
    return {
        "event_type": m.event_type == g["event_type"],
        "sub_event_type": m.sub_event_type in _as_list(g.get("sub_event_type")),
        "actor1": actors.canonical(a1.name if a1 else None) == actors.canonical(g.get("actor1")),
        "actor2": actors.canonical(a2.name if a2 else None) == actors.canonical(g.get("actor2")),
        "date": m.date is not None and abs((m.date.start - start).days) <= 1 and abs((m.date.end - end).days) <= 1,
        "location": any_location_matches(ex, g),
        "fatalities": fatalities_agree(our_fatalities(m), g),
        "quantities": _quantities_agree(m, g.get("quantities", [])),
        "sources": [sources.canonical(s) for s in dedupe_names(m.chain.names())]
        == [sources.canonical(s) for s in g.get("sources", [])],
        "modality": m.modality == g.get("modality", "asserted"),
    }


def dedupe_names(names: Iterable[str]) -> list[str]:
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


def agreement(ex: Extracted, g: dict[str, Any]) -> int:
    return sum(
        [
            ex.mention.event_type == g["event_type"],
            ex.mention.sub_event_type in _as_list(g.get("sub_event_type")),
            date_overlaps(ex, g),
        ]
    )


def _tells(ex: Extracted, g: dict[str, Any]) -> bool:
    """Our record's sentence is one of the gold event's passages."""
    text = ex.mention.sentence.text or (ex.mention.evidence.text if ex.mention.evidence else "")
    return any(same_passage(text, p) for p in gold_passages(g))


def _words(text: str) -> set[str]:
    """Content words: long enough that sharing them says something ("army", "killed", not "the", "on")."""
    return {w for w in re.findall(r"\w+", text.lower()) if len(w) > 3}


def same_passage(a: str, b: str) -> bool:
    """Two quotes of one passage: one holds the other, or they share most of the shorter one's words."""
    a, b = " ".join(a.split()), " ".join(b.split())
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    wa, wb = _words(a), _words(b)
    shorter = min(len(wa), len(wb))
    return shorter >= PASSAGE_MIN_WORDS and len(wa & wb) >= PASSAGE_WORD_SHARE * shorter


def gold_passages(g: dict[str, Any]) -> list[str]:
    return [str(m) for m in g.get("mentions") or []] or [str(g.get("evidence") or "")]


def classify_unmatched(
    unmatched: list[Extracted], gold: list[dict[str, Any]], matched_gold: set[int]
) -> dict[int, str]:
    """Each unmatched extraction (by id()) as duplicate, wrong or background; see the module docstring."""
    claimed = set(matched_gold)
    verdicts: dict[int, str] = {}
    for ex in sorted(unmatched, key=lambda e: (e.doc, e.mention.sentence.start)):
        text = ex.mention.sentence.text or (ex.mention.evidence.text if ex.mention.evidence else "")
        about = [g for g in gold if g["doc"] == ex.doc and any(same_passage(text, p) for p in gold_passages(g))]
        if not about and not any(g.get("mentions") for g in gold if g["doc"] == ex.doc):
            # A gold set that quotes only one evidence per event: an extraction compatible with an incident
            # already counted restates it.
            about = [g for g in gold if g["doc"] == ex.doc and id(g) in claimed and relaxed_compatible(ex, g)]
        if any(id(g) in claimed for g in about):
            verdicts[id(ex)] = "duplicate"
        elif about:
            verdicts[id(ex)] = "wrong"
            claimed.add(id(about[0]))
        else:
            verdicts[id(ex)] = "background"
    return verdicts


def _canonical_outlet(name: str) -> str:
    try:
        from sitrep.extract.attribution import canonical_source

        return canonical_source(name) or name
    except ImportError:
        return name


def load_gold(gold_dir: Path) -> tuple[list[dict[str, Any]], dict[str, Any], set[str]]:
    """Gold events, checks, and the documents the gold set covers (with or without events)."""
    gold = [e for path in sorted(gold_dir.glob("*.events.jsonl")) for e in load_jsonl(path)]
    checks: dict[str, Any] = {}
    for path in sorted(gold_dir.glob("*.checks.json")):
        checks.update(json.loads(path.read_text(encoding="utf-8")))
    documents = {g["doc"] for g in gold}
    for path in sorted(gold_dir.glob("*.documents.jsonl")):
        documents |= {row["doc"] for row in load_jsonl(path)}
    return gold, checks, documents


def load_gold_claims(gold_dir: Path) -> list[dict[str, Any]]:
    """The gold folder's claims, file by file in name order."""
    return [c for path in sorted(gold_dir.glob("*.claims.jsonl")) for c in load_jsonl(path)]


def events_on(store: Store, documents: Iterable[str]) -> list[Extracted]:
    """The store's events as each of these documents reports them (:func:`extracted_events`), for the tools that
    set them against one gold set."""
    wanted = set(documents)
    return [ex for ex in extracted_events(store) if ex.doc in wanted]


@dataclass(frozen=True)
class GoldMatch:
    """A store set against one development gold folder, its events matched as ``sitrep eval`` matches them: what
    every diagnosis tool starts from."""

    gold_dir: Path
    store: Store
    gold: list[dict[str, Any]]
    checks: dict[str, Any]
    documents: set[str]  # every document the gold folder covers, with or without gold events
    extracted: list[Extracted]  # the store's events as those documents report them
    matched: list[tuple[Extracted, dict[str, Any]]]

    def unmatched(self) -> list[Extracted]:
        """Our extractions on the gold documents that matched no gold event, in the order they were read."""
        used = {id(ex) for ex, _ in self.matched}
        return [ex for ex in self.extracted if id(ex) not in used]

    def event_documents(self) -> set[str]:
        """The documents with at least one gold event."""
        return {g["doc"] for g in self.gold}


def match_gold(
    gold_dir: Path,
    db: str,
    compatible: Callable[[Extracted, dict[str, Any]], bool] = strict_compatible,
) -> GoldMatch:
    """Open the store at ``db`` (never creating one) and match its events to the gold in ``gold_dir``; a held-out
    split is refused first (exit status 2), as a diagnosis tool must never read it."""
    refuse_held_out([gold_dir])
    gold, checks, documents = load_gold(gold_dir)
    store = Store.open(db, create=False)
    extracted = events_on(store, documents)
    return GoldMatch(gold_dir, store, gold, checks, documents, extracted, match_events(extracted, gold, compatible))


def evaluate_store(store: Store, gold_dir: Path) -> Scores:
    return evaluate_records(extracted_events(store), gold_dir, store)


def evaluate_records(records: list[Extracted], gold_dir: Path, store: Store | None = None) -> Scores:
    """Scores of ``records`` against the gold folder; the checks that need the stored claims, contradictions
    and documents (claims, contradictions, furniture, framing) run only when ``store`` is given."""
    gold, checks, gold_docs = load_gold(gold_dir)
    extracted = [ex for ex in records if ex.doc in gold_docs]
    actors = AliasTable(checks.get("actor_aliases", {}))
    matched = match_events(extracted, gold, strict_compatible)
    relaxed = match_events(extracted, gold, relaxed_compatible)
    counts = {f: 0 for f in FIELDS}
    for ex, g in matched:
        for name, ok in field_agreement(ex, g, actors, OutletAliases()).items():
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
    unmatched = [ex for ex in extracted if id(ex) not in matched_ex]
    verdicts = classify_unmatched(unmatched, gold, matched_gold)
    tally = {kind: sum(1 for v in verdicts.values() if v == kind) for kind in ("duplicate", "wrong", "background")}
    scores = Scores(
        gold_events=len(gold),
        extracted_events=len(extracted),
        matched=n,
        precision=precision,
        recall=recall,
        f1=f1,
        field_accuracy=accuracy,
        field_counts=counts,
        documents=len(gold_docs),
        duplicates=tally["duplicate"],
        wrong=tally["wrong"],
        background=tally["background"],
        duplicate_rate=tally["duplicate"] / len(extracted) if extracted else 0.0,
        background_rate=tally["background"] / len(extracted) if extracted else 0.0,
        misses=[f"{g['doc']}: {g.get('id', '?')} «{g.get('evidence', '')}»" for g in gold if id(g) not in matched_gold],
        spurious=[
            f"{ex.doc}: [{verdicts[id(ex)]}] {ex.mention.event_type} «{ex.mention.sentence.text[:120]}»"
            for ex in unmatched
        ],
    )
    _score_incident_links(gold, checks, matched, scores)
    event_of_gold = {g["id"]: ex.event_id for ex, g in matched if "id" in g}
    if store is not None:
        _score_checks(store, checks, gold_docs, scores, gold_dir, event_of_gold)
    return scores


def incident_of(gold: list[dict[str, Any]], checks: dict[str, Any]) -> dict[str, str]:
    """Gold event id -> incident key: the events' own ``incident`` or the checks' ``same_incident`` groups."""
    incident = {g["id"]: str(g.get("incident") or g["id"]) for g in gold if "id" in g}
    for number, group in enumerate(checks.get("same_incident", [])):
        for event_id in group.get("events", []):
            incident[event_id] = f"same_incident:{number}"
    return incident


def _score_incident_links(
    gold: list[dict[str, Any]], checks: dict[str, Any], matched: list[tuple[Extracted, dict[str, Any]]], scores: Scores
) -> None:
    """Cross-article links: gold events of different documents that report one incident should be one event
    (kept); matched events of different incidents should not (false merges)."""
    incident = incident_of(gold, checks)
    by_incident: dict[str, list[dict[str, Any]]] = {}
    for g in gold:
        if "id" in g:
            by_incident.setdefault(incident[g["id"]], []).append(g)
    event_of = {g["id"]: ex.event_id for ex, g in matched if "id" in g}
    for members in by_incident.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if a["doc"] != b["doc"]:
                    scores.incident_links += 1
                    scores.incident_links_kept += bool(event_of.get(a["id"])) and event_of.get(a["id"]) == event_of.get(
                        b["id"]
                    )
    pairs = [(ex, g) for ex, g in matched if "id" in g]
    for i, (ex_a, g_a) in enumerate(pairs):
        for ex_b, g_b in pairs[i + 1 :]:
            if ex_a.doc != ex_b.doc and ex_a.event_id == ex_b.event_id and incident[g_a["id"]] != incident[g_b["id"]]:
                scores.false_merges += 1


class OutletAliases(AliasTable):
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
    gold_claims = load_gold_claims(gold_dir)
    ours = [c for c in store.claims() if c.doc in gold_docs]
    found_ids = match_claims(gold_claims, ours)
    scores.claims_gold = len(gold_claims)
    scores.claims_found = len(found_ids) + len(
        told_by_reports(gold_claims, found_ids, load_gold(gold_dir)[0], mentions)
    )
    _score_unasserted(load_gold(gold_dir)[0], gold_claims, mentions, ours, scores)
    rows = store.contradictions()
    in_scope = {m.id for m in mentions} | {c.id for c in ours}
    listed = [row for row in rows if row["a"] in in_scope or row["b"] in in_scope]
    scores.contradictions_listed = len(listed)
    gold_events = {g["id"]: g for g in load_gold(gold_dir)[0] if "id" in g}
    gold_claim_of = {str(c.get("id")): c for c in gold_claims}
    sentences = {m.id: (m.doc, m.sentence.text) for m in mentions} | {c.id: (c.doc, c.sentence.text) for c in ours}
    disputes = [dispute_passages(item, gold_events, gold_claim_of) for item in checks.get("contradictions", [])]
    # An entry lists every pair of reports or claims that disagree on its field or topic: an event's are kept
    # with the stored event, the others' in the entry's row (its first pair only in rows of older stores).
    entry_pairs = {(event.id, c.kind, c.a, c.b): c.pairs for event in store.full_events() for c in event.contradictions}
    hit: set[int] = set()
    for row in listed:
        key = (row["event_id"], row["kind"], row["a"], row["b"])
        pairs = entry_pairs.get(key) or row["pairs"] or [(row["kind"], row["a"], row["b"])]
        shared = {
            k
            for _, a, b in pairs
            for k in disputes_about(sentences.get(a), disputes) & disputes_about(sentences.get(b), disputes)
        }
        scores.contradictions_correct += bool(shared)
        hit |= shared
    scores.contradictions_recall = len(hit) / len(disputes) if disputes else 0.0
    scores.contradictions_precision = scores.contradictions_correct / len(listed) if listed else 0.0
    stored_pairs = {frozenset((a, b)) for row in rows for _kind, a, b in row["pairs"] or [("", row["a"], row["b"])]}
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


def dispute_passages(
    item: dict[str, Any], events: dict[str, dict[str, Any]], claims: dict[str, dict[str, Any]]
) -> list[tuple[str, str]]:
    """The passages (document, text) that tell a gold disagreement: its events' sentences and its claims'."""
    passages = [(events[e]["doc"], p) for e in item.get("events", []) if e in events for p in gold_passages(events[e])]
    passages += [
        (claims[c]["doc"], str(claims[c].get("evidence") or "")) for c in item.get("claims", []) if c in claims
    ]
    return passages


def disputes_about(sentence: tuple[str, str] | None, disputes: list[list[tuple[str, str]]]) -> set[int]:
    """Which gold disagreements a report's sentence tells (by passage, whatever our events matched)."""
    if sentence is None:
        return set()
    doc, text = sentence
    return {k for k, passages in enumerate(disputes) if any(d == doc and same_passage(text, p) for d, p in passages)}


def _score_unasserted(
    gold_events: list[dict[str, Any]],
    gold_claims: list[dict[str, Any]],
    mentions: list[Mention],
    claims: list[Any],
    scores: Scores,
) -> None:
    """Modality on the reports the gold set codes as not plainly asserted: right when a report of ours from the
    same passage (an event report or a claim) carries the gold modality."""
    for gold in [*gold_events, *gold_claims]:
        modality = gold.get("modality") or "asserted"
        if modality == "asserted":
            continue
        scores.modality_unasserted_gold += 1
        evidence = str(gold.get("evidence") or "")
        ours = [m.modality for m in mentions if m.doc == gold["doc"] and same_passage(m.sentence.text, evidence)]
        ours += [c.modality for c in claims if c.doc == gold["doc"] and same_passage(c.sentence.text, evidence)]
        scores.modality_unasserted_right += modality in ours


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


def claim_agrees(gold: dict[str, Any], claim: Any) -> bool:
    """Our claim states the gold claim: it comes from the same statement and gives the same figure (a value
    within the gold figure's bounds counts), or, for a claim with no figure, has none and the same modality."""
    if claim.doc != gold["doc"] or not same_passage(claim.sentence.text, str(gold.get("evidence") or "")):
        return False
    quantity = gold.get("quantity")
    if not quantity:
        return claim.quantity is None and claim.modality == gold.get("modality")
    return figure_agrees(quantity, claim.quantity)


def match_claims(gold_claims: list[dict[str, Any]], ours: list[Any]) -> dict[str, str]:
    """Gold claim id -> our claim id, one to one, in gold order."""
    used: set[str] = set()
    found: dict[str, str] = {}
    for number, gold in enumerate(gold_claims):
        claim = next((c for c in ours if str(c.id) not in used and claim_agrees(gold, c)), None)
        if claim is not None:
            used.add(str(claim.id))
            found[str(gold.get("id", number))] = str(claim.id)
    return found


def told_by_reports(
    gold_claims: list[dict[str, Any]],
    found: dict[str, str],
    gold_events: list[dict[str, Any]],
    mentions: list[Mention],
) -> dict[str, str]:
    """Gold claim id -> our event report that states it, for the claims no claim of ours states: a source's toll
    of one incident ("at least 22 civilians were killed on Monday, the monitor said", coded as a claim so that the
    outlets' tolls can be compared) is what our report of that incident carries as its fatalities, with the same
    chain. Only when the claim's passage tells a gold incident (else the report is a false event, and a running
    toll must be a claim), and one to one."""
    used: set[str] = set()
    told: dict[str, str] = {}
    for number, gold in enumerate(gold_claims):
        key = str(gold.get("id", number))
        quantity = gold.get("quantity")
        evidence = str(gold.get("evidence") or "")
        if key in found or not quantity:
            continue
        if not any(
            g["doc"] == gold["doc"] and any(same_passage(p, evidence) for p in gold_passages(g)) for g in gold_events
        ):
            continue
        report = next(
            (
                m
                for m in mentions
                if m.id not in used
                and m.doc == gold["doc"]
                and same_passage(m.sentence.text, evidence)
                and figure_agrees(quantity, m.fatalities)
            ),
            None,
        )
        if report is not None:
            used.add(report.id)
            told[key] = report.id
    return told


def figure_agrees(gold: dict[str, Any], ours: Any) -> bool:
    """Our figure is the gold one, or lies within its bounds."""
    if ours is None:
        return False
    if (ours.low, ours.best) == (gold.get("low"), gold.get("best")):
        return True
    value = ours.best if ours.best is not None else ours.low
    bounds = [v for v in (gold.get("low"), gold.get("best"), gold.get("high")) if v is not None]
    return value is not None and bool(bounds) and min(bounds) <= value <= max(bounds)


def find_claim(gold: dict[str, Any], ours: list[Any]) -> str | None:
    """Our first claim that states ``gold`` (one gold claim looked at alone)."""
    return next((str(c.id) for c in ours if claim_agrees(gold, c)), None)


def format_scores(s: Scores, lists: bool = True) -> str:
    """The scores as a table; ``lists`` False leaves out every per-event line (for a held-out split)."""
    n = s.extracted_events or 1
    lines = [
        f"documents {s.documents}; events: gold {s.gold_events}, extracted {s.extracted_events}, matched {s.matched}",
        f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}",
        f"unmatched extractions: duplicates {s.duplicates} ({s.duplicate_rate:.3f} of extracted), "
        f"background {s.background} ({s.background_rate:.3f}), wrong type/date/place {s.wrong} ({s.wrong / n:.3f})",
        f"cross-article incident links kept {s.incident_links_kept}/{s.incident_links}; false merges {s.false_merges}",
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
        f"contradictions found: {s.contradictions_found}/{s.contradictions_gold} "
        f"({s.contradictions_listed} listed for these documents)"
    )
    if s.contradictions_gold or s.contradictions_listed:
        lines.append(
            f"contradictions precision {s.contradictions_precision:.3f} ({s.contradictions_correct}/"
            f"{s.contradictions_listed} listed entries tell a gold disagreement)  "
            f"recall {s.contradictions_recall:.3f}"
        )
    if s.modality_unasserted_gold:
        right, total = s.modality_unasserted_right, s.modality_unasserted_gold
        lines.append(f"modality right on reports not plainly asserted: {right}/{total} ({right / total:.3f})")
    lines.append(f"events from furniture or non-event text: {len(s.furniture_events)}")
    if not lists:
        return "\n".join(lines)
    lines += [f"  ! {x}" for x in s.furniture_events]
    if s.misses:
        lines.append("missed gold events:")
        lines += [f"  - {x}" for x in s.misses]
    if s.spurious:
        lines.append("extracted events with no gold match:")
        lines += [f"  + {x}" for x in s.spurious]
    return "\n".join(lines)
