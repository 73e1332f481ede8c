"""Per-document time of resolution and storing as the store grows: 1k, 10k and 100k stored documents.

For each size a fresh SQLite store is seeded with synthetic documents (their reports, events and claims
written in bulk through the store's own row builders, not through NLP, so that 100k documents take minutes),
then the same fresh sample of real articles (``evaluation/real/dev/corpus``, parsed once beforehand) is
ingested into it. Printed per size: milliseconds per document of storing the document
and of ``pipeline.record_document`` on its extraction, the path ``sitrep ingest`` takes: storing the
document (``Store.add_document``: near-duplicate check included), writing its reports, ``resolve_pending``
(matching them to the stored events in canonical order) and the incremental claim contradictions; the sample
is given in canonical order and resolved one document at a time, so each is timed alone.
``process_document`` (NLP, extraction, geocoding; it never reads the store) is timed once and shown beside
them.

How the synthetic store resembles real data. Each seeded document has 2-5 reports (the dev corpus averages
7.6 reports and 1.3 claims per article, of which about a third are background or repeats) of ACLED types,
named actors from a pool of 300, town-precision places jittered about 30 km around real conflict spots
(one in ten country-wide), day dates; one report in five re-reports an earlier incident, so events have 1-4
reports from different documents. Each document has one or two claims: a toll for its town (a specific
topic), a country's toll (one group per country spanning thousands of documents, as "people killed in
Syria" does in real text) or, rarely, a claim with no topic. The store is a dense year: a fixed part (300
documents) lies around the sample's own reports (same places within 30 km, within 10 days of their dates, so
every store offers the sample the same near candidates); the rest of the store, which grows with the size,
is a dense year elsewhere in time (2005) or elsewhere in place (the sample's months, conflict spots more than
3.5 degrees from any of the sample's places), with many events per week per country (at 100k documents
about 150 reports per week per country). Every seeded document is published before the sample's first, as
when a crawl brings the day's articles into an archive: resolution then goes back no further than the
sample's own documents. The per-document time should stay flat (target: within 20% from 1k to 100k), because
the candidates come off indexes by type, place cell and date window.

``--dense N`` adds a store of N seeded events in one week in one country (the sample's most reported one,
around its reports' places and days), the dense week of a war's worst days: there every mention has the
most candidates it can have.

    .venv/bin/python benchmarks/resolve_curve.py [--sizes 1000 10000 100000] [--dense 10000] [--sample 20]
        [--dir /tmp] [--profile 30]

Timings on a shared machine are noisy: compare the sizes of one run, taken back to back. The CPU time of the
process (SQLite runs in it) is shown too: it moves less than the wall clock when other processes take the cores.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import hashlib
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert

from sitrep import pipeline
from sitrep.ingest.readers import ReadFailure, read_sources
from sitrep.model import (
    ActorRole,
    AttributionChain,
    Claim,
    DateInterval,
    Document,
    Event,
    Mention,
    Place,
    PlaceMention,
    Quantity,
    Source,
    Span,
    to_dict,
)
from sitrep.pipeline import IngestReport, ProcessedDocument, process_document, record_document
from sitrep.store import Store
from sitrep.store import schema as t
from sitrep.store.database import (
    _claim_pairs_of,
    _claim_row,
    _claim_term_rows,
    _event_row,
    _mention_row,
    canonical_key,
    claim_index_values,
    mark_compared_in_group,
    simhash_band_pairs,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "evaluation" / "real" / "dev" / "corpus"
NEAR_DOCUMENTS = 300
FAR_YEAR = dt.date(2005, 1, 1)
HOT_SPOTS = [  # (country, lat, lon) of conflict areas
    ("SY", 35.93, 36.63),
    ("SY", 35.34, 40.14),
    ("IQ", 36.34, 43.13),
    ("IQ", 33.80, 42.44),
    ("YE", 15.35, 44.21),
    ("YE", 13.58, 44.02),
    ("SD", 15.50, 32.56),
    ("SD", 13.63, 25.35),
    ("UA", 49.99, 36.23),
    ("UA", 47.10, 37.55),
    ("PS", 31.50, 34.47),
    ("LB", 33.27, 35.20),
    ("ML", 16.27, -0.04),
    ("BF", 12.37, -1.52),
    ("NE", 13.51, 2.11),
    ("CD", -1.68, 29.22),
    ("CD", 1.56, 30.25),
    ("MM", 21.97, 96.08),
    ("MM", 17.30, 96.48),
    ("SO", 2.05, 45.32),
    ("AF", 34.53, 69.17),
    ("NG", 11.85, 13.16),
    ("ET", 13.50, 39.47),
    ("MZ", -11.35, 40.35),
    ("HT", 18.54, -72.34),
]
COUNTRY_NAMES = {
    "SY": "Syria",
    "IQ": "Iraq",
    "YE": "Yemen",
    "SD": "Sudan",
    "UA": "Ukraine",
    "PS": "Palestine",
    "LB": "Lebanon",
    "ML": "Mali",
    "BF": "Burkina Faso",
    "NE": "Niger",
    "CD": "Democratic Republic of the Congo",
    "MM": "Myanmar",
    "SO": "Somalia",
    "AF": "Afghanistan",
    "NG": "Nigeria",
    "ET": "Ethiopia",
    "MZ": "Mozambique",
    "HT": "Haiti",
}
EVENT_TYPES = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]
ACTORS = [f"Armed group {i}" for i in range(300)] + ["Unidentified Armed Group", "Civilians"]
OUTLETS = [f"Outlet {i}" for i in range(80)]


@dataclass(frozen=True)
class Anchor:
    """Where and when one of the sample's reports is: the seeded near part lies around it."""

    day: dt.date
    country: str
    lat: float
    lon: float
    event_type: str


@dataclass
class Seed:
    documents: list[dict[str, object]] = field(default_factory=list)
    bands: list[dict[str, object]] = field(default_factory=list)
    mentions: list[tuple[str, Mention]] = field(default_factory=list)  # (document name, report)
    claims: list[tuple[str, Claim]] = field(default_factory=list)
    events: dict[str, list[Mention]] = field(default_factory=dict)


def sample_documents(count: int, corpus: Path = CORPUS) -> list[Document]:
    documents = [d for d in read_sources([str(corpus)]) if not isinstance(d, ReadFailure)]
    return random.Random(11).sample(documents, min(count, len(documents)))


def anchors_of(processed: list[ProcessedDocument]) -> list[Anchor]:
    found = []
    for item in processed:
        for m in item.mentions:
            place = next((pm.place for pm in m.places if pm.place is not None), None)
            if m.date is not None and place is not None and not m.background:
                found.append(Anchor(m.date.start, place.country or "", place.lat, place.lon, m.event_type))
    return found


def report(
    rng: random.Random, mention_id: str, doc: str, day: dt.date, spot: tuple[str, float, float], event_type: str
) -> Mention:
    country, lat, lon = spot
    coarse = rng.random() < 0.1
    lat, lon = (
        (lat, lon) if coarse else (round(lat + rng.uniform(-0.3, 0.3), 2), round(lon + rng.uniform(-0.3, 0.3), 2))
    )
    place = Place(
        f"seed:{lat:.2f},{lon:.2f}", "Country" if coarse else "Town", country, lat, lon, "country" if coarse else "town"
    )
    actor1, actor2 = rng.choice(ACTORS), rng.choice(ACTORS)
    text = f"{actor1} attacked {actor2} near the town on the day, killing several people"
    return Mention(
        id=mention_id,
        doc=doc,
        sentence=Span(doc, 0, len(text), text),
        trigger=Span(doc, 0, 8, text[:8]),
        event_type=event_type,
        sub_event_type="",
        plover="",
        actors=[ActorRole("actor1", actor1, ""), ActorRole("actor2", actor2, "")],
        date=DateInterval(day, day, "day"),
        places=[PlaceMention(place.name, Span(doc, 0, 0), place=place)],
        fatalities=Quantity("people", None, rng.randrange(0, 20), None, kind="killed"),
        chain=AttributionChain([Source(rng.choice(OUTLETS), "outlet")]),
        modality="reported",
    )


def claim(rng: random.Random, claim_id: str, doc: str, spot: tuple[str, float, float], town: str) -> Claim:
    figure = rng.randrange(1, 60)
    country = COUNTRY_NAMES.get(spot[0], town)
    roll = rng.random()
    if roll < 0.55:
        subject, scope, topic = f"people killed in {town}", town, f"toll:killed:{town.lower()}"
    elif roll < 0.97:
        subject, scope, topic = f"people killed in {country}", country, f"toll:killed:{country.lower()}"
    else:
        subject, scope, topic = f"fighters sent to {town}", None, ""
    return Claim(
        id=claim_id,
        doc=doc,
        subject=subject,
        scope=scope,
        quantity=Quantity("people", figure, figure, figure, kind="killed"),
        sentence=Span(doc, 100, 180),
        chain=AttributionChain([Source(rng.choice(OUTLETS), "outlet")]),
        topic=topic,
    )


def far_spots(anchors: list[Anchor]) -> list[tuple[str, float, float]]:
    return [
        s for s in HOT_SPOTS if all(abs(s[1] - a.lat) > 3.5 or abs(s[2] - a.lon) > 3.5 for a in anchors)
    ] or HOT_SPOTS


def seed_documents(rng: random.Random, size: int, anchors: list[Anchor], before: dt.date, dense: bool = False) -> Seed:
    """``size`` documents published before ``before``; with ``dense``, all of them in one week in one country
    (that of most of the anchors, about its anchors' places)."""
    seed = Seed()
    elsewhere = far_spots(anchors)
    first, last = min(a.day for a in anchors), max(a.day for a in anchors)
    country = Counter(a.country for a in anchors).most_common(1)[0][0]
    crowded = [a for a in anchors if a.country == country]
    week = sorted(a.day for a in crowded)[len(crowded) // 2] - dt.timedelta(days=3)
    recent: list[str] = []  # events a report may re-report (the last few hundred)
    for number in range(size):
        name = f"seed/{number:06d}.txt"
        if dense:
            anchor = rng.choice(crowded)
            day = week + dt.timedelta(days=rng.randrange(7))
            spot, types = (anchor.country, anchor.lat, anchor.lon), EVENT_TYPES
        elif number < min(NEAR_DOCUMENTS, size):
            anchor = rng.choice(anchors)
            day = anchor.day + dt.timedelta(days=rng.randrange(-10, 11))
            spot, types = (anchor.country, anchor.lat, anchor.lon), [anchor.event_type, rng.choice(EVENT_TYPES)]
        elif number % 2:
            day = FAR_YEAR + dt.timedelta(days=rng.randrange(365))
            spot, types = rng.choice(HOT_SPOTS), EVENT_TYPES
        else:
            day = first + dt.timedelta(days=rng.randrange(max((last - first).days, 1) + 180) - 90)
            spot, types = rng.choice(elsewhere), EVENT_TYPES
        fingerprint = rng.getrandbits(64)
        seed.documents.append(
            {
                "name": name,
                "content_hash": hashlib.sha256(name.encode()).hexdigest(),
                "version": 1,
                "outlet": rng.choice(OUTLETS),
                "published": min(day + dt.timedelta(days=1), before),
                "language": "en",
                "text": f"Synthetic report {number}.",
                "paragraphs": [],
                "simhash": f"{fingerprint:016x}",
                "ingested_at": dt.datetime.now(dt.UTC),
                "extracted_at": dt.datetime.now(dt.UTC),
            }
        )
        seed.bands += [{"doc": number, "band": b, "value": v} for b, v in simhash_band_pairs(fingerprint)]
        for i in range(rng.randrange(2, 6)):
            when = day + dt.timedelta(days=rng.randrange(-1, 1))
            m = report(rng, f"s{number}-{i}", name, when, spot, rng.choice(types))
            seed.mentions.append((name, m))
            if recent and rng.random() < 0.2:
                event_id = rng.choice(recent)
            else:
                event_id = f"ev_s{number}_{i}"
                recent.append(event_id)
                recent = recent[-300:]
            seed.events.setdefault(event_id, []).append(m)
        lead = seed.mentions[-1][1].places[0].place
        assert lead is not None
        town = f"Town {lead.lat:.1f},{lead.lon:.1f}"
        for i in range(rng.choice([1, 1, 2])):
            seed.claims.append((name, claim(rng, f"c{number}-{i}", name, spot, town)))
    return seed


def _span(span: Span) -> dict[str, object]:
    return {"doc": span.doc, "start": span.start, "end": span.end, "text": span.text}


_PARTS: dict[object, Any] = {}


def _part(key: object, build: object) -> Any:
    """A serialised part shared by many reports (an actor, an outlet's chain, a place, a date), built once."""
    if key not in _PARTS:
        _PARTS[key] = to_dict(build)
    return _PARTS[key]


def mention_data(m: Mention) -> dict[str, object]:
    """``to_dict(m)`` for the seeded reports, built from shared parts: to_dict on 300,000 reports would take
    most of the seeding time. Checked against to_dict on the first reports of each run."""
    place = m.places[0]
    data = {
        **_part("mention", m),
        "id": m.id,
        "doc": m.doc,
        "sentence": _span(m.sentence),
        "trigger": _span(m.trigger),
        "event_type": m.event_type,
        "actors": [_part(("actor", a.role, a.name), a) for a in m.actors],
        "date": _part(("date", m.date.start, m.date.end) if m.date else None, m.date),
        "places": [
            {**_part(("place", place.place.gazetteer_id if place.place else None), place), "span": _span(place.span)}
        ],
        "fatalities": _part(("fatalities", m.fatalities.best if m.fatalities else None), m.fatalities),
        "chain": _part(("chain", m.chain.sources[0].name), m.chain),
    }
    if len(_PARTS) < 50:
        assert data == to_dict(m), m.id
    return data


def write_seed(store: Store, seed: Seed) -> None:
    """Bulk inserts in the store's own row layout (database._event_row for events)."""
    with store.engine.begin() as c:
        ids: dict[str, int] = {}
        for start in range(0, len(seed.documents), 2000):
            for row in seed.documents[start : start + 2000]:
                ids[str(row["name"])] = int(c.execute(insert(t.documents).values(**row)).inserted_primary_key[0])  # type: ignore[index]
        c.execute(
            insert(t.document_bands),
            [
                {"document_id": ids[f"seed/{b['doc']:06d}.txt"], "band": b["band"], "value": b["value"]}
                for b in seed.bands
            ],
        )
        event_of = {m.id: event_id for event_id, members in seed.events.items() for m in members}
        rows = []
        for name, m in seed.mentions:  # the store's own row, its JSON built faster (mention_data)
            rows.append({**_mention_row(ids[name], m), "event_id": event_of[m.id], "data": mention_data(m)})
        events = []
        for event_id, members in seed.events.items():
            lead = members[0]
            event = Event(
                id=event_id,
                mentions=[],  # serialised apart (mention_data); the row's count and text are set below
                event_type=lead.event_type,
                sub_event_type=lead.sub_event_type,
                plover=lead.plover,
                date=lead.date,
                places=[pm.place for pm in lead.places if pm.place is not None],
                actors=list(lead.actors),
            )
            row = _event_row(event)
            row["reports"] = len(members)
            row["search_text"] = " ".join([str(row["search_text"]), *(m.sentence.text for m in members)]).lower()
            events.append({"id": event_id, "first_document_id": ids[members[0].doc], **row})
        for start in range(0, len(events), 5000):
            c.execute(insert(t.events), events[start : start + 5000])
        for start in range(0, len(rows), 5000):
            c.execute(insert(t.mentions), rows[start : start + 5000])
        claims: list[dict[str, Any]] = []
        terms: list[dict[str, Any]] = []
        pairs: list[dict[str, Any]] = []
        first_of_key: dict[str, str] = {}
        for name, item in seed.claims:
            key, _words = claim_index_values(item)
            # Seeded claims of one topic are one group, named by its first claim (as comparing them would find:
            # one topic key, a particular place); the few without a topic stand alone.
            group = first_of_key.setdefault(key, item.id) if key else item.id
            claims.append({**_claim_row(ids[name], item), "claim_group": group})
            terms += _claim_term_rows(item)
            pairs += _claim_pairs_of(item)
        for start in range(0, len(claims), 5000):
            c.execute(insert(t.claims), claims[start : start + 5000])
        for start in range(0, len(terms), 5000):
            c.execute(insert(t.claim_terms), terms[start : start + 5000])
        for start in range(0, len(pairs), 5000):
            c.execute(insert(t.claim_term_pairs), pairs[start : start + 5000])
        mark_compared_in_group(c, ids.values())


def measure(
    size: int,
    sample: list[ProcessedDocument],
    anchors: list[Anchor],
    directory: Path,
    profile: int = 0,
    dense: bool = False,
    keep_seed: bool = False,
    statements: int = 0,
) -> dict[str, Any]:
    label = f"dense-{size}" if dense else str(size)
    path = directory / f"curve-{label}.db"
    for old in directory.glob(f"curve-{label}.db*"):
        old.unlink()
    started = time.perf_counter()
    seeded_copy = directory / f"curve-{label}-seeded.db"
    if keep_seed and seeded_copy.exists():  # the same seed (fixed random state) kept from an earlier run
        shutil.copyfile(seeded_copy, path)
        store = Store.open(str(path))
    else:
        store = Store.open(str(path))
        dated = [item.document.published for item in sample if item.document.published is not None]
        before = min(dated, default=dt.date.max - dt.timedelta(days=1)) - dt.timedelta(days=1)
        write_seed(store, seed_documents(random.Random(size), size, anchors, before, dense))
        if keep_seed:
            store.close()
            shutil.copyfile(path, seeded_copy)
            store = Store.open(str(path))
    seeded = time.perf_counter() - started
    stats = store.stats()
    steps = VmSteps(store)
    recording, recording_cpu, comparing, stepped = [], [], [], []
    refresh = pipeline.refresh_claim_contradictions

    def timed_refresh(store: Store, full: bool = False) -> None:
        started = time.perf_counter()
        refresh(store, full)
        comparing.append((time.perf_counter() - started) * 1000)

    pipeline.refresh_claim_contradictions = timed_refresh
    profiler = cProfile.Profile()
    report = IngestReport()
    for item in sample:
        started, cpu, counted = time.perf_counter(), time.process_time(), steps.count
        if profile:
            profiler.enable()
        record_document(store, item.document, report, _given(item))
        profiler.disable()
        recording.append((time.perf_counter() - started) * 1000)
        recording_cpu.append((time.process_time() - cpu) * 1000)
        stepped.append(steps.count - counted)
    pipeline.refresh_claim_contradictions = refresh
    if report.failures or len(report.stored) != len(sample):
        sys.exit(f"the sample was not stored whole: {report.failures or report.duplicates}")
    if profile:
        print(f"\n{label} stored documents: record_document's {profile} costliest calls (cumulative)")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(profile)
    if statements:
        per_document = " ".join(f"{count * VM_STEPS_PER_CALL / 1000:.0f}" for count in sorted(stepped))
        total = sum(stepped) * VM_STEPS_PER_CALL / 1000
        print(f"\n{label} stored documents: SQLite steps (thousands), {total:.0f} in all; per document: {per_document}")
        print(f"{label} stored documents: SQLite steps (thousands) of the {statements} costliest statements")
        for name, count in steps.by_statement.most_common(statements):
            print(f"  {count * VM_STEPS_PER_CALL / 1000:9.0f}  {name}")
    store.close()
    return {
        "size": f"{size:,} in one week" if dense else f"{size:,}",
        "events": stats["events"],
        "mentions": stats["mentions"],
        "claims": stats["claims"],
        "seed_s": seeded,
        "record_ms": statistics.median(recording),
        "record_mean_ms": statistics.fmean(recording),
        "record_cpu_ms": statistics.median(recording_cpu),
        "claims_ms": statistics.median(comparing),
        "vm_steps": statistics.median(stepped) * VM_STEPS_PER_CALL,
    }


# SQLite calls the progress handler every this many virtual-machine instructions.
VM_STEPS_PER_CALL = 1000


class VmSteps:
    """SQLite virtual-machine instructions run on the store's connections (in units of ``VM_STEPS_PER_CALL``): the
    work of its queries (rows read, index steps), which no other process's load changes, unlike time. Each is also
    counted against the statement that ran it (``by_statement``), to tell which of them grows with the store."""

    def __init__(self, store: Store) -> None:
        self.count = 0
        self.by_statement: Counter[str] = Counter()
        self.statement = ""
        event.listen(store.engine, "checkout", self._watch)
        event.listen(store.engine, "before_cursor_execute", self._running)

    def _watch(self, dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        dbapi_connection.set_progress_handler(self._step, VM_STEPS_PER_CALL)

    def _running(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.statement = statement_label(statement)

    def _step(self) -> int:
        self.count += 1
        self.by_statement[self.statement] += 1
        return 0  # go on


def statement_label(statement: str) -> str:
    """A statement, short enough to name it in a table: its first words, its tables and the start of its condition
    (a query that lists many values differs only past that)."""
    words = " ".join(statement.split())
    head = " ".join(words.split(" ")[:2])
    tables, _, condition = words.partition(" FROM ")[2].partition(" WHERE ")
    return f"{head} ... FROM {tables[:50]} WHERE {condition[:70]}" if tables else words[:80]


def _given(item: ProcessedDocument) -> Callable[[Document], ProcessedDocument]:
    """The extraction made beforehand, as record_document asks for it."""
    return lambda _document: item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--sample", type=int, default=20, help="real articles ingested into each store")
    parser.add_argument("--dir", type=Path, default=None, help="where the stores are written (default: a temp dir)")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="the folder the sample is drawn from (default: the real dev corpus; a dev half keeps the articles "
        "nobody may read out of it)",
    )
    parser.add_argument(
        "--dense", type=int, default=0, metavar="EVENTS", help="also a store of about EVENTS events in one week"
    )
    parser.add_argument(
        "--keep-seed",
        action="store_true",
        help="keep each seeded store in --dir (curve-SIZE-seeded.db) and start from that copy when it is there",
    )
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="profile record_document; print its N costliest calls"
    )
    parser.add_argument(
        "--statements",
        type=int,
        default=0,
        metavar="N",
        help="print the N statements that took most SQLite steps over the sample, per size",
    )
    args = parser.parse_args()
    documents = sample_documents(args.sample, args.corpus)
    processed, nlp_ms = [], []
    for document in documents:
        started = time.perf_counter()
        processed.append(process_document(document))
        nlp_ms.append((time.perf_counter() - started) * 1000)
    # New articles in canonical order, as a crawl's day would be resolved: each is timed alone.
    processed.sort(key=lambda item: canonical_key(item.document.published, item.document.content_hash))
    anchors = anchors_of(processed)
    if not anchors:
        sys.exit("the sample has no dated, placed reports to seed around")
    nlp = statistics.median(nlp_ms)
    print(f"sample: {len(processed)} real articles, {sum(len(p.mentions) for p in processed)} reports")
    print(f"process_document (NLP, extraction, geocoding; store-independent): median {nlp:.0f} ms per article")
    print()
    print(
        "| stored documents | events | reports | claims | seeding s | "
        "record_document ms (median / mean) | of which claims ms | whole document ms | store part vs first | "
        "record_document CPU ms (median) | CPU vs first | SQLite steps, thousands (median) | steps vs first |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|", flush=True)
    stores = [(size, False) for size in args.sizes]
    if args.dense:  # about 2.8 events per seeded document (3.5 reports, one in five of an earlier event)
        stores.append((round(args.dense / 2.8), True))
    base = base_cpu = base_steps = 0.0
    with tempfile.TemporaryDirectory() as temporary:
        directory = args.dir or Path(temporary)
        # Not shown: the first store a process measures also pays one-off costs (the resolver's configuration,
        # compiled queries, the claim code's first use), which would inflate the first row.
        measure(100, processed[:5], anchors, directory)
        for size, dense in stores:  # each row as it is measured: the 100k store takes a while
            row = measure(size, processed, anchors, directory, args.profile, dense, args.keep_seed, args.statements)
            base, base_cpu = base or row["record_ms"], base_cpu or row["record_cpu_ms"]
            base_steps = base_steps or row["vm_steps"]
            print(
                f"| {row['size']} | {row['events']:,} | {row['mentions']:,} | {row['claims']:,} | "
                f"{row['seed_s']:.0f} | "
                f"{row['record_ms']:.0f} / {row['record_mean_ms']:.0f} | {row['claims_ms']:.0f} | "
                f"{nlp + row['record_ms']:.0f} | {row['record_ms'] / base:.2f} | "
                f"{row['record_cpu_ms']:.0f} | {row['record_cpu_ms'] / base_cpu:.2f} | "
                f"{row['vm_steps'] / 1000:.0f} | {row['vm_steps'] / base_steps:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
