"""A small realistic store for tests, demos and benchmarks, built through the Store API.

Events are invented but placed at real coordinates (Syria, Iraq, Ukraine,
Sudan, ...) with documents whose text holds each report's evidence sentence,
so every span points at real characters.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass

from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import (
    ActorRole,
    AttributionChain,
    Contradiction,
    DateInterval,
    Event,
    Figure,
    FramingTerm,
    Mention,
    Place,
    PlaceMention,
    Quantity,
    Source,
    Span,
)
from sitrep.store.database import Store


@dataclass(frozen=True)
class Report:
    """One outlet's sentence about an incident, with the words the spans point at."""

    outlet: str
    sentence: str
    chain: tuple[tuple[str, str], ...]  # (name, kind), originator first
    killed: int | None = None
    killed_text: str | None = None
    framing: tuple[tuple[str, str], ...] = ()  # (term, category)
    modality: str = "reported"


@dataclass(frozen=True)
class Incident:
    key: str
    event_type: str
    sub_event_type: str
    plover: str
    date: dt.date
    place: Place
    place_text: str
    actor1: tuple[str, str]
    actor2: tuple[str, str] | None
    reports: tuple[Report, ...]


def _place(gid: str, name: str, country: str, admin1: str, lat: float, lon: float, precision: str = "town") -> Place:
    return Place(gid, name, country, lat, lon, precision, admin1=admin1)  # type: ignore[arg-type]


SAMPLE_INCIDENTS: tuple[Incident, ...] = (
    Incident(
        "idlib-strike",
        "Explosions/Remote violence",
        "Air/drone strike",
        "ASSAULT",
        dt.date(2024, 3, 4),
        _place("geonames:169304", "Idlib", "SY", "Idlib", 35.93, 36.63),
        "Idlib",
        ("Military Forces of Russia", "External/Other forces"),
        ("Civilians", "Civilians"),
        (
            Report(
                "Syrian Observatory for Human Rights",
                "Russian warplanes struck a market in Idlib on Monday, killing 11 people, activists said.",
                (("activists", "unnamed"), ("Syrian Observatory for Human Rights", "publisher")),
                11,
                "11 people",
                (("massacre", "emotive"),),
            ),
            Report(
                "SANA",
                "Army air units hit terrorist positions in Idlib countryside, state media said.",
                (("SANA", "publisher"),),
                None,
                None,
                (("terrorist", "delegitimising"),),
            ),
        ),
    ),
    Incident(
        "deir-clash",
        "Battles",
        "Armed clash",
        "ASSAULT",
        dt.date(2024, 3, 10),
        _place("geonames:170794", "Deir ez-Zor", "SY", "Deir ez-Zor", 35.34, 40.14),
        "Deir ez-Zor",
        ("Syrian Democratic Forces", "Rebel groups"),
        ("Islamic State", "Rebel groups"),
        (
            Report(
                "Reuters",
                "SDF fighters clashed with Islamic State militants near Deir ez-Zor, killing four.",
                (("SDF spokesman", "official"), ("Reuters", "publisher")),
                4,
                "four",
            ),
        ),
    ),
    Incident(
        "ain-al-asad",
        "Explosions/Remote violence",
        "Air/drone strike",
        "ASSAULT",
        dt.date(2024, 4, 22),
        _place("sitrep:ain-al-asad", "Ain al-Asad Air Base", "IQ", "Al Anbar", 33.80, 42.44, "site"),
        "Ain al-Asad",
        ("Unidentified Armed Group", "Political militias"),
        ("Military Forces of the United States", "External/Other forces"),
        (
            Report(
                "The Cradle",
                "The Ain al-Asad base in Iraq was targeted with drones on 22 April.",
                (("The Cradle", "publisher"),),
                None,
                None,
                (),
                "asserted",
            ),
        ),
    ),
    Incident(
        "kharkiv-missile",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "ASSAULT",
        dt.date(2024, 5, 25),
        _place("geonames:706483", "Kharkiv", "UA", "Kharkivska", 49.99, 36.23),
        "Kharkiv",
        ("Military Forces of Russia", "External/Other forces"),
        ("Civilians", "Civilians"),
        (
            Report(
                "Kyiv Independent",
                "A Russian missile hit a hardware store in Kharkiv, killing 12 people.",
                (("regional governor", "official"), ("Kyiv Independent", "publisher")),
                12,
                "12 people",
            ),
            Report(
                "TASS",
                "Russian forces struck a Ukrainian military target in Kharkiv, killing two servicemen, "
                "the ministry said.",
                (("Russian defence ministry", "government"), ("TASS", "publisher")),
                2,
                "two servicemen",
            ),
        ),
    ),
    Incident(
        "el-fasher",
        "Battles",
        "Armed clash",
        "ASSAULT",
        dt.date(2024, 6, 8),
        _place("geonames:371148", "El Fasher", "SD", "North Darfur", 13.63, 25.35),
        "El Fasher",
        ("Rapid Support Forces", "Rebel groups"),
        ("Military Forces of Sudan", "State forces"),
        (
            Report(
                "Sudan Tribune",
                "The RSF attacked army positions in El Fasher, killing at least 20 people.",
                (("medical sources", "unnamed"), ("Sudan Tribune", "publisher")),
                20,
                "at least 20 people",
            ),
        ),
    ),
    Incident(
        "khartoum-protest",
        "Protests",
        "Peaceful protest",
        "PROTEST",
        dt.date(2024, 6, 15),
        _place("geonames:379252", "Khartoum", "SD", "Khartoum", 15.55, 32.53),
        "Khartoum",
        ("Protesters (Sudan)", "Protesters"),
        None,
        (
            Report(
                "Radio Dabanga",
                "Hundreds of protesters marched in Khartoum demanding an end to the war.",
                (("Radio Dabanga", "publisher"),),
                None,
                None,
                (),
                "asserted",
            ),
        ),
    ),
)


def build_sample_store(store: Store, incidents: tuple[Incident, ...] = SAMPLE_INCIDENTS) -> list[str]:
    """Stores each report as a document and each incident as an event; returns the event ids."""
    return [_store_incident(store, incident) for incident in incidents]


def add_document_text(store: Store, name: str, outlet: str, published: dt.date, text: str) -> tuple[int, str]:
    """Stores a document; returns its id and its text as stored (normalised), which spans index into."""
    document = build_document(text, name, DocumentMeta(outlet=outlet, published=published, language="en"))
    return store.add_document(document).document_id, document.text


def _store_incident(store: Store, incident: Incident) -> str:
    mentions: list[Mention] = []
    for number, report in enumerate(incident.reports):
        name = f"{incident.key}-{number}.txt"
        text = f"{incident.place_text} report\n\n{report.sentence}\n\nRead more: other news."
        document_id, text = add_document_text(store, name, report.outlet, incident.date, text)
        mention = _mention(incident, report, name, text, f"{incident.key}-m{number}")
        store.replace_extraction(document_id, [mention], [])
        mentions.append(mention)
    event = Event(
        id=f"ev-{incident.key}",
        mentions=mentions,
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type,
        plover=incident.plover,
        date=mentions[0].date,
        places=[incident.place],
        actors=mentions[0].actors,
        figures=_figures(mentions),
        contradictions=_contradictions(mentions),
    )
    store.save_event(event, first_document=mentions[0].doc)
    return event.id


def _span(doc: str, text: str, part: str, within: int = 0) -> Span:
    start = text.index(part, within)
    return Span(doc, start, start + len(part), part)


def _mention(incident: Incident, report: Report, doc: str, text: str, mention_id: str) -> Mention:
    sentence = _span(doc, text, report.sentence)
    at = sentence.start
    actors = [ActorRole("actor1", incident.actor1[0], incident.actor1[1])]
    if incident.actor2:
        actors.append(ActorRole("actor2", incident.actor2[0], incident.actor2[1]))
    killed = None
    if report.killed is not None and report.killed_text:
        exact = None if "at least" in report.killed_text else report.killed  # "at least 20": low 20, no best
        killed = Quantity(
            "people", report.killed, exact, exact, _span(doc, text, report.killed_text, at), kind="killed"
        )
    return Mention(
        id=mention_id,
        doc=doc,
        sentence=sentence,
        trigger=sentence,
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type,
        plover=incident.plover,
        actors=actors,
        date=DateInterval(incident.date, incident.date, "day"),
        places=[PlaceMention(incident.place_text, _span(doc, text, incident.place_text, at), place=incident.place)],
        quantities=[killed] if killed else [],
        fatalities=killed,
        chain=AttributionChain([Source(n, k) for n, k in report.chain]),  # type: ignore[arg-type]
        modality=report.modality,  # type: ignore[arg-type]
        framing=[
            FramingTerm(term, category, _span(doc, text, term, at))
            for term, category in report.framing
            if term in report.sentence
        ],
        evidence=sentence,
    )


def _figures(mentions: list[Mention]) -> list[Figure]:
    killed = {m.id: m.fatalities for m in mentions if m.fatalities}
    if not killed:
        return []
    bests = [q.best for q in killed.values() if q.best is not None]
    lows = [q.low for q in killed.values() if q.low is not None]
    return [
        Figure(
            "killed",
            min(lows) if lows else None,
            min(bests) if bests else None,
            max(bests) if bests else None,
            {k: v for k, v in killed.items() if v is not None},
        )
    ]


def _contradictions(mentions: list[Mention]) -> list[Contradiction]:
    with_figures = [m for m in mentions if m.fatalities and m.fatalities.best is not None]
    found = []
    for a, b in itertools.pairwise(with_figures):
        if a.fatalities and b.fatalities and a.fatalities.best != b.fatalities.best:
            found.append(
                Contradiction("figure", f"killed: {a.fatalities.best} vs {b.fatalities.best}", a.id, b.id, "killed")
            )
    return found


# --- many events, for benchmarks --------------------------------------------

_BENCH_PLACES = [
    ("Aleppo", "SY", "Aleppo", 36.20, 37.16),
    ("Homs", "SY", "Homs", 34.73, 36.71),
    ("Mosul", "IQ", "Nineveh", 36.34, 43.13),
    ("Kirkuk", "IQ", "Kirkuk", 35.47, 44.39),
    ("Donetsk", "UA", "Donetska", 48.02, 37.80),
    ("Zaporizhzhia", "UA", "Zaporizka", 47.84, 35.14),
    ("Nyala", "SD", "South Darfur", 12.05, 24.88),
    ("Goma", "CD", "North Kivu", -1.68, 29.22),
    ("Gao", "ML", "Gao", 16.27, -0.04),
    ("Mogadishu", "SO", "Banadir", 2.04, 45.34),
    ("Khan Younis", "PS", "Gaza Strip", 31.34, 34.31),
    ("Myitkyina", "MM", "Kachin", 25.38, 97.40),
]
_BENCH_TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Arrests"),
]


def generate_events(store: Store, count: int, seed: int = 7) -> None:
    """``count`` events spread over a year and 12 places, one document per 50 events (fast to build)."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for batch in range(0, count, 50):
        lines, plans = [], []
        for i in range(batch, min(count, batch + 50)):
            name, country, admin1, lat, lon = rng.choice(_BENCH_PLACES)
            event_type, sub = rng.choice(_BENCH_TYPES)
            killed = rng.choice([None, 0, 1, 3, 8, 25])
            sentence = f"Event {i}: {sub.lower()} reported in {name}."
            lines.append(sentence)
            plans.append(
                (
                    i,
                    name,
                    country,
                    admin1,
                    lat + rng.uniform(-0.3, 0.3),
                    lon + rng.uniform(-0.3, 0.3),
                    event_type,
                    sub,
                    killed,
                    sentence,
                )
            )
        text = "\n\n".join(lines)
        doc = f"bench-{batch // 50}.txt"
        outlet = rng.choice(["Reuters", "AFP", "AP", "Al Jazeera"])
        document_id, text = add_document_text(store, doc, outlet, start, text)
        events = []
        for i, name, country, admin1, lat, lon, event_type, sub, killed, sentence in plans:
            place = _place(f"bench:{i}", name, country, admin1, lat, lon)
            date = start + dt.timedelta(days=rng.randrange(366))
            span = _span(doc, text, sentence)
            quantity = Quantity("people", killed, killed, killed, span, "killed") if killed is not None else None
            mention = Mention(
                id=f"bm{i}",
                doc=doc,
                sentence=span,
                trigger=span,
                event_type=event_type,
                sub_event_type=sub,
                plover="ASSAULT",
                date=DateInterval(date, date, "day"),
                places=[PlaceMention(name, _span(doc, text, name, span.start), place=place)],
                quantities=[quantity] if quantity else [],
                fatalities=quantity,
                chain=AttributionChain([Source("local sources", "unnamed")]),
                evidence=span,
            )
            figures = [Figure("killed", killed, killed, killed)] if killed is not None else []
            events.append(
                Event(
                    f"bev{i}",
                    [mention],
                    event_type,
                    sub,
                    "ASSAULT",
                    mention.date,
                    [place],
                    [ActorRole("actor1", "Unidentified Armed Group", "Political militias")],
                    figures,
                )
            )
        store.replace_extraction(document_id, [e.mentions[0] for e in events], [])
        for event in events:
            store.save_event(event, first_document=doc)
