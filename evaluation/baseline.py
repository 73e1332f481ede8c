"""A plain keyword coder: the baseline every sitrep figure is compared with, on the same data.

Six rules, one per ACLED event type, tried in order on each sentence; the first whose keyword occurs gives
the sentence an event of that type. The event is placed at the sentence's first proper name that the
gazetteer knows by exactly that name (one after "in", "near", "at" or "on" first), dated to the publication
day or the two days before (news reports what happened since the last edition), given the number in front
of "killed"/"dead" as its fatalities, and published by the outlet. No actors, no incident logic: every
keyword sentence is an event. Writes the JSON Lines export's shape, so `sitrep eval GOLD --events FILE`
scores it like sitrep's own output.

    python evaluation/baseline.py evaluation/real/dev/corpus -o /tmp/kw.jsonl
    python evaluation/baseline.py headlines.jsonl -o /tmp/kw.jsonl      # records with id, text, published
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.extract.quantities import find_quantities
from sitrep.geo import Gazetteer

# (event type, sub-event type, keyword pattern): the order decides between types.
RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("Protests", "Peaceful protest", re.compile(r"\b(protest\w*|demonstrat\w*|rall(y|ies)|marche[sd])\b", re.I)),
    ("Riots", "Violent demonstration", re.compile(r"\b(riot\w*|mob|looters?)\b", re.I)),
    (
        "Explosions/Remote violence",
        "Air/drone strike",
        re.compile(
            r"\b(air ?strikes?|air ?raids?|warplanes?|bomb\w*|drones?|shell\w*|missiles?|rockets?|mortars?|"
            r"explosions?|blasts?|explosives?|IEDs?)\b",
            re.I,
        ),
    ),
    ("Battles", "Armed clash", re.compile(r"\b(clash\w*|fight\w*|battle\w*|ambush\w*|offensive|recaptur\w*)\b", re.I)),
    (
        "Violence against civilians",
        "Attack",
        re.compile(r"\b(kill\w*|shot|shoot\w*|stabb\w*|execut\w*|kidnap\w*|abduct\w*|massacre\w*|attack\w*)\b", re.I),
    ),
    (
        "Strategic developments",
        "Arrests",
        re.compile(r"\b(arrest\w*|detain\w*|seiz\w*|took control|ceasefire|truce|withdr[ae]w\w*)\b", re.I),
    ),
]
SUB_TYPES = [
    (re.compile(r"\b(shell\w*|mortars?|artillery|rockets?|missiles?)\b", re.I), "Shelling/artillery/missile attack"),
    (re.compile(r"\b(explosions?|blasts?|IEDs?|explosives?|car bomb\w*)\b", re.I), "Remote explosive/landmine/IED"),
]
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
NAME = re.compile(r"\b(?:in|near|at|on)?\s*((?:[A-Z][\w'\-]+)(?:\s+(?:al-|el-)?[A-Z][\w'\-]+){0,2})")
KILLED = re.compile(r"\b(kill\w*|dead|died|death)\b", re.I)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    for m in SENTENCE.finditer(text):
        if m.group().strip():
            yield m.start(), m.group().strip()


def place(sentence: str, gazetteer: Gazetteer) -> dict[str, Any] | None:
    names = [(m.group(0).split()[0].lower() in {"in", "near", "at", "on"}, m.group(1)) for m in NAME.finditer(sentence)]
    for _after_preposition, name in sorted(names, key=lambda n: not n[0]):
        for candidate in gazetteer.lookup(name, limit=1):
            if candidate.matched_name.lower() == name.lower():
                p = candidate.place
                return {
                    "name": p.name,
                    "country": p.country,
                    "admin1": p.admin1,
                    "lat": p.lat,
                    "lon": p.lon,
                    "precision": p.precision,
                }
    return None


def fatalities(sentence: str) -> int | None:
    if not KILLED.search(sentence):
        return None
    for q in find_quantities(sentence):
        value = q.best if q.best is not None else q.low
        if value is not None and q.unit not in {"years", "year", "days", "hours", "km", "kilometres"}:
            return value
    return None


def code_document(
    name: str, text: str, published: str | None, outlet: str | None, gazetteer: Gazetteer
) -> list[dict[str, Any]]:
    events = []
    for _start, sentence in sentences(text):
        for event_type, sub_type, pattern in RULES:
            if pattern.search(sentence):
                if event_type == "Explosions/Remote violence":
                    sub_type = next((s for p, s in SUB_TYPES if p.search(sentence)), sub_type)
                where = place(sentence, gazetteer)
                events.append(
                    {
                        "doc": name,
                        "docs": [name],
                        "event_type": event_type,
                        "sub_event_type": sub_type,
                        "date": _recent(published),
                        "locations": [where] if where else [],
                        "fatalities": fatalities(sentence),
                        "sources": [outlet] if outlet else [],
                        "modality": "asserted",
                        "evidence": sentence,
                    }
                )
                break
    return events


def _recent(published: str | None) -> dict[str, str] | None:
    if not published:
        return None
    day = dt.date.fromisoformat(published)
    return {"start": (day - dt.timedelta(days=2)).isoformat(), "end": published, "precision": "approximate"}


def documents(source: Path) -> Iterator[tuple[str, str, str | None, str | None]]:
    """(name, text, published, outlet) from a folder with manifest.jsonl or a JSON Lines file of records."""
    if source.is_dir():
        manifest = {}
        if (source / "manifest.jsonl").exists():
            for line in (source / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    manifest[row["file"]] = row
        for path in sorted(source.glob("*.txt")):
            meta = manifest.get(path.name, {})
            yield path.name, path.read_text(encoding="utf-8"), meta.get("published"), meta.get("outlet")
        return
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            yield str(row["id"]), row["text"], row.get("published"), row.get("outlet")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("-o", "--out", type=Path, required=True)
    args = parser.parse_args(argv)
    gazetteer = Gazetteer.open()
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for name, text, published, outlet in documents(args.source):
            for event in code_document(name, text, published, outlet, gazetteer):
                out.write(json.dumps(event, ensure_ascii=False) + "\n")
                count += 1
    print(f"{count} events -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
