"""Build the development set's corpus and gold files from the authoring sources.

The articles and their coding are written in ``source/*.yaml`` (compact: place
keys, type abbreviations, the publisher appended to every attribution chain);
this script expands them into the same shapes as ``/work/shared/gold`` and
``/work/shared/corpus/seeds``:

    corpus/NNN_slug.txt, corpus/manifest.jsonl,
    gold/dev.events.jsonl, gold/dev.claims.jsonl, gold/dev.checks.json

Run from the repository root: ``.venv/bin/python evaluation/dev/build.py``.
Written for sitrep, MIT.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"

INVENTED_NOTE = "Invented article written for sitrep in the style of this outlet; not a real report."
EVENT_TYPES = {
    "BAT": "Battles",
    "ERV": "Explosions/Remote violence",
    "VAC": "Violence against civilians",
    "PRO": "Protests",
    "RIO": "Riots",
    "SD": "Strategic developments",
}
# PLOVER category used when an event does not name its own.
DEFAULT_PLOVER = {"BAT": ["ASSAULT"], "ERV": ["ASSAULT"], "VAC": ["ASSAULT"], "PRO": ["PROTEST"], "RIO": ["PROTEST"]}
# Gold tolerance when a place entry gives none: how far a system's point may be.
DEFAULT_TOLERANCE_KM = {"site": 10, "town": 15, "admin2": 50, "admin1": 120, "region": 150}


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def expand_place(key: str, places: dict[str, list[Any]]) -> dict[str, Any]:
    """A place key -> the gold location object (country/region precision carry no point unless given)."""
    if key not in places:
        raise KeyError(f"unknown place key {key!r}")
    name, admin1, country, lat, lon, precision, *rest = places[key]
    location: dict[str, Any] = {"name": name, "admin1": admin1, "country": country}
    if lat is not None:
        location["lat"] = lat
        location["lon"] = lon
        location["tolerance_km"] = rest[0] if rest else DEFAULT_TOLERANCE_KM[precision]
    location["precision"] = precision
    return location


def expand_quantity(raw: list[Any]) -> dict[str, Any]:
    """[unit, kind, low, best, high, text] -> a gold quantity."""
    unit, kind, low, best, high, text = raw
    return {"unit": unit, "kind": kind, "low": low, "best": best, "high": high, "text": text}


def expand_date(raw: Any) -> dict[str, str]:
    """A bare date is one day; otherwise [start, end, precision]."""
    if isinstance(raw, list):
        start, end, precision = raw
        return {"start": str(start), "end": str(end), "precision": precision}
    return {"start": str(raw), "end": str(raw), "precision": "day"}


def with_publisher(chain: list[str] | None, outlet: str) -> list[str]:
    """Attribution chains end with the publisher; the sources only write what comes before it."""
    names = list(chain or [])
    if not names or names[-1] != outlet:
        names.append(outlet)
    return names


def publisher_of(doc: dict[str, Any]) -> str:
    """The name chains end with: the outlet, or a shorter form of it ("Al Mayadeen" for "Al Mayadeen English")."""
    return str(doc.get("publisher") or doc["outlet"])


def expand_event(raw: dict[str, Any], doc: dict[str, Any], places: dict[str, list[Any]]) -> dict[str, Any]:
    abbreviation = raw["type"]
    event: dict[str, Any] = {
        "id": raw["id"],
        "doc": doc["file"],
        "event_type": EVENT_TYPES[abbreviation],
        "sub_event_type": raw["sub"],
        "plover": raw.get("plover") or DEFAULT_PLOVER[abbreviation],
        "date": expand_date(raw["date"]),
        "actor1": raw["a1"],
    }
    if raw.get("aa1"):
        event["assoc_actor1"] = raw["aa1"]
    event["actor2"] = raw.get("a2")
    if raw.get("aa2"):
        event["assoc_actor2"] = raw["aa2"]
    event["locations"] = [expand_place(key, places) for key in raw["loc"]]
    event["quantities"] = [expand_quantity(q) for q in raw.get("q", [])]
    event["fatalities"] = raw.get("fat")
    event["sources"] = with_publisher(raw.get("src"), publisher_of(doc))
    event["modality"] = raw.get("mod", "asserted")
    event["evidence"] = raw["ev"]
    return event


def expand_claim(raw: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    claim: dict[str, Any] = {"id": raw["id"], "doc": doc["file"], "subject": raw["subject"], "scope": raw.get("scope")}
    if raw.get("q"):
        low, best, high, text = raw["q"]
        claim["quantity"] = {"low": low, "best": best, "high": high, "text": text}
    for key in ("period_start", "period_end"):
        if raw.get(key):
            claim[key] = str(raw[key])
    claim["sources"] = with_publisher(raw.get("src"), publisher_of(doc))
    claim["modality"] = raw.get("mod", "asserted")
    claim["evidence"] = raw["ev"]
    return claim


def not_event_row(doc: dict[str, Any], raw: list[str]) -> dict[str, str]:
    """[text, why...]: an unquoted comma in the reason splits it in YAML, so the rest is joined back."""
    text, *why = raw
    return {"doc": doc["file"], "text": text, "why": ", ".join(why)}


def manifest_row(doc: dict[str, Any]) -> dict[str, Any]:
    row = {
        "file": doc["file"],
        "outlet": doc["outlet"],
        "published": str(doc["published"]),
        "language": "en",
        "title": doc["title"],
    }
    # The outlet names a reporting style; the text is invented and must never pass for the outlet's own.
    row["note"] = " ".join(filter(None, [INVENTED_NOTE, doc.get("note")]))
    return row


def document_text(doc: dict[str, Any]) -> str:
    """Paragraphs are lines; the file ends without a trailing newline, like the seeds."""
    return str(doc["text"]).strip("\n")


def load_documents() -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = []
    for path in sorted(SOURCE.glob("docs_*.yaml")):
        documents.extend(load_yaml(path))
    return sorted(documents, key=lambda d: d["file"])


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def build(out: Path = HERE) -> dict[str, int]:
    """Write corpus/ and gold/ under ``out`` (the dev set's own folder by default) and return counts."""
    places = load_yaml(SOURCE / "places.yaml")
    extra = load_yaml(SOURCE / "checks.yaml")
    documents = load_documents()
    corpus, gold = out / "corpus", out / "gold"
    corpus.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    for stale in corpus.glob("*.txt"):
        stale.unlink()
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    not_events: list[dict[str, Any]] = []
    for doc in documents:
        (corpus / doc["file"]).write_text(document_text(doc), encoding="utf-8")
        events.extend(expand_event(raw, doc, places) for raw in doc.get("events", []))
        claims.extend(expand_claim(raw, doc) for raw in doc.get("claims", []))
        not_events.extend(not_event_row(doc, raw) for raw in doc.get("not_events", []))
    write_jsonl(corpus / "manifest.jsonl", [manifest_row(doc) for doc in documents])
    write_jsonl(gold / "dev.events.jsonl", events)
    write_jsonl(gold / "dev.claims.jsonl", claims)
    checks = {
        "contradictions": extra["contradictions"],
        "same_incident": extra["same_incident"],
        "must_not_be_events": not_events,
        "framing_terms": extra["framing_terms"],
        "actor_aliases": extra["actor_aliases"],
        "place_aliases": extra["place_aliases"],
    }
    (gold / "dev.checks.json").write_text(json.dumps(checks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {"documents": len(documents), "events": len(events), "claims": len(claims), "not_events": len(not_events)}


if __name__ == "__main__":
    counts = build()
    print(" ".join(f"{key}={value}" for key, value in counts.items()), file=sys.stderr)
