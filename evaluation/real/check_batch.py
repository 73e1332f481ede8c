"""Check one coder's batch of the real-text gold set: shapes, ontology names, verbatim quotes.

    python evaluation/real/check_batch.py evaluation/real/source/batch3

Prints every problem found (file, record id, what is wrong) and exits 1 if there is any.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
ONTOLOGY = yaml.safe_load((ROOT / "src/sitrep/data/ontology.yaml").read_text(encoding="utf-8"))["event_types"]
PLOVER = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "FIGHT",
}
PRECISIONS = {"day", "week", "part-of-month", "month", "approximate", "year"}
PLACE_PRECISIONS = {"site", "town", "admin2", "admin1", "country", "region"}
MODALITIES = {"asserted", "reported", "denied", "planned", "feared", "hypothetical"}
CONTRADICTION_KINDS = {"figure", "perpetrator", "denial", "date", "place", "weapon", "other"}
EVENT_KEYS = {
    "id",
    "doc",
    "incident",
    "event_type",
    "sub_event_type",
    "plover",
    "date",
    "actor1",
    "assoc_actor1",
    "actor2",
    "locations",
    "quantities",
    "fatalities",
    "fatalities_range",
    "sources",
    "modality",
    "evidence",
    "mentions",
    "note",
}
CLAIM_KEYS = {
    "id",
    "doc",
    "subject",
    "scope",
    "topic",
    "quantity",
    "period_start",
    "period_end",
    "sources",
    "modality",
    "evidence",
    "note",
}


def load_jsonl(path: Path, problems: list[str]) -> list[dict[str, Any]]:
    if not path.exists():
        problems.append(f"{path.name}: missing")
        return []
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as error:
                problems.append(f"{path.name}:{number}: not JSON ({error})")
    return rows


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def article_of(
    record: dict[str, Any], known: set[str], required: set[str], texts: dict[str, str], bad: Callable[[str], None]
) -> str | None:
    """The text of the record's article, after reporting unknown and missing keys; None (reported) when the
    record names no article of the batch."""
    for key in sorted(set(record) - known):
        bad(f"unknown key {key!r}")
    for key in sorted(required - set(record)):
        bad(f"missing key {key!r}")
    text = texts.get(record.get("doc", ""))
    if text is None:
        bad(f"doc {record.get('doc')!r} is not an article of this batch")
    return text


def check_event(e: dict[str, Any], texts: dict[str, str], where: str, problems: list[str]) -> None:
    def bad(message: str) -> None:
        problems.append(f"{where} {e.get('id')}: {message}")

    text = article_of(e, EVENT_KEYS, EVENT_KEYS - {"assoc_actor1", "note", "fatalities_range"}, texts, bad)
    if text is None:
        return
    subtypes = ONTOLOGY.get(e.get("event_type"))
    if subtypes is None:
        bad(f"event_type {e.get('event_type')!r} is not an ACLED type")
    else:
        sub = e.get("sub_event_type")
        if not isinstance(sub, list) or not sub or any(s not in subtypes for s in sub):
            bad(f"sub_event_type {sub!r} must be a non-empty list of sub-types of {e['event_type']}")
    if not isinstance(e.get("plover"), list) or any(p not in PLOVER for p in e.get("plover", [])):
        bad(f"plover {e.get('plover')!r} must be a list of PLOVER categories")
    date = e.get("date") or {}
    start, end = _date(date.get("start")), _date(date.get("end"))
    if start is None or end is None or start > end or date.get("precision") not in PRECISIONS:
        bad(f"date {date!r} needs ISO start <= end and a precision in {sorted(PRECISIONS)}")
    locations = e.get("locations")
    if not isinstance(locations, list) or not locations:
        bad("locations must be a non-empty list")
    else:
        for loc in locations:
            if not loc.get("name") or not loc.get("country"):
                bad(f"location {loc!r} needs name and country")
            if loc.get("precision") not in PLACE_PRECISIONS:
                bad(f"location {loc.get('name')!r} precision must be one of {sorted(PLACE_PRECISIONS)}")
            coarse = loc.get("precision") in {"country", "region", "admin1"}
            if not coarse and not all(isinstance(loc.get(k), (int, float)) for k in ("lat", "lon")):
                bad(f"location {loc.get('name')!r} needs numeric lat and lon")
    for q in e.get("quantities") or []:
        if not {"unit", "kind", "low", "best", "high", "text"} <= set(q):
            bad(f"quantity {q!r} needs unit, kind, low, best, high, text")
        elif q["text"] not in text:
            bad(f"quantity text {q['text']!r} is not in the article")
    fatalities = e.get("fatalities")
    if fatalities is not None and not isinstance(fatalities, int):
        bad("fatalities must be an integer or null")
    rng = e.get("fatalities_range")
    if rng is not None and (not isinstance(rng, dict) or set(rng) != {"low", "best", "high"}):
        bad("fatalities_range must be {low, best, high} or null")
    if not isinstance(e.get("sources"), list) or not e.get("sources"):
        bad("sources must be a non-empty list, publisher last")
    if e.get("modality") not in MODALITIES:
        bad(f"modality must be one of {sorted(MODALITIES)}")
    evidence = e.get("evidence") or ""
    if not evidence or evidence not in text:
        bad(f"evidence is not verbatim in the article: {evidence[:80]!r}")
    mentions = e.get("mentions")
    if not isinstance(mentions, list) or not mentions:
        bad("mentions must list the verbatim sentences that tell the incident")
    else:
        for m in mentions:
            if m not in text:
                bad(f"mention is not verbatim in the article: {m[:80]!r}")
    if not e.get("incident"):
        bad("incident key missing")


def check_claim(c: dict[str, Any], texts: dict[str, str], where: str, problems: list[str]) -> None:
    def bad(message: str) -> None:
        problems.append(f"{where} {c.get('id')}: {message}")

    required = {"id", "doc", "subject", "topic", "sources", "modality", "evidence"}
    text = article_of(c, CLAIM_KEYS, required, texts, bad)
    if text is None:
        return
    if (c.get("evidence") or "") not in text or not c.get("evidence"):
        bad(f"evidence is not verbatim in the article: {str(c.get('evidence'))[:80]!r}")
    q = c.get("quantity")
    if q is not None and not {"low", "best", "high", "text"} <= set(q):
        bad("quantity needs low, best, high, text (or null)")
    if c.get("modality") not in MODALITIES:
        bad(f"modality must be one of {sorted(MODALITIES)}")


def check(batch: Path) -> list[str]:
    problems: list[str] = []
    names = json.loads((HERE / "source" / "batches.json").read_text(encoding="utf-8"))[batch.name]
    texts = {n: (HERE / "source" / "articles" / n).read_text(encoding="utf-8") for n in names}
    documents = load_jsonl(batch / "documents.jsonl", problems)
    coded = {d.get("file") for d in documents}
    for name in names:
        if name not in coded:
            problems.append(f"documents.jsonl: {name} not listed")
    for d in documents:
        if _date(d.get("published")) is None:
            problems.append(f"documents.jsonl {d.get('file')}: published must be an ISO date")
        if d.get("published_basis") not in {"header", "text", "dataset"}:
            problems.append(f"documents.jsonl {d.get('file')}: published_basis must be header, text or dataset")
    events = load_jsonl(batch / "events.jsonl", problems)
    claims = load_jsonl(batch / "claims.jsonl", problems)
    ids = [r.get("id") for r in events + claims]
    for duplicate in {i for i in ids if ids.count(i) > 1}:
        problems.append(f"id {duplicate!r} used twice")
    for e in events:
        check_event(e, texts, "events.jsonl", problems)
    per_doc: dict[tuple[str, str], int] = {}
    for e in events:
        key = (e.get("doc", ""), e.get("incident", ""))
        per_doc[key] = per_doc.get(key, 0) + 1
    for (doc, incident), n in per_doc.items():
        if n > 1:
            problems.append(f"{doc}: incident {incident!r} coded {n} times in one article (one event per incident)")
    for c in claims:
        check_claim(c, texts, "claims.jsonl", problems)
    checks_path = batch / "checks.json"
    checks = json.loads(checks_path.read_text(encoding="utf-8")) if checks_path.exists() else {}
    if not checks_path.exists():
        problems.append("checks.json: missing")
    known = set(ids)
    for item in checks.get("contradictions", []):
        for ref in item.get("events", []) + item.get("claims", []):
            if ref not in known:
                problems.append(f"checks.json contradiction: unknown id {ref!r}")
        if item.get("kind") not in CONTRADICTION_KINDS:
            problems.append(f"checks.json contradiction {item}: kind must be one of {sorted(CONTRADICTION_KINDS)}")
    for item in checks.get("must_not_be_events", []):
        if (
            item.get("doc") not in texts
            or item.get("text", "") not in texts.get(item.get("doc"), "")
            or not item.get("text")
        ):
            problems.append(
                f"checks.json must_not_be_events: text not verbatim in {item.get('doc')}: "
                f"{str(item.get('text'))[:60]!r}"
            )
    aliases = checks.get("actor_aliases", {})
    for e in events:
        for role in ("actor1", "actor2", "assoc_actor1"):
            name = e.get(role)
            if name and name not in aliases:
                problems.append(f"checks.json actor_aliases: no entry for {name!r} ({e.get('id')})")
    return problems


if __name__ == "__main__":
    found = check(Path(sys.argv[1]))
    for p in found:
        print(p)
    print(f"{len(found)} problems")
    sys.exit(1 if found else 0)
