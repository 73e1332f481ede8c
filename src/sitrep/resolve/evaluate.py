"""Clustering evaluation: B-cubed precision/recall/F1 and contradiction precision/recall.

Reads ``reports.jsonl`` (one report per line with its gold coding and gold ``incident``) and
``contradictions.jsonl`` from a folder, builds one Mention per report from the gold coding (so clustering
is measured on its own, not the extractor), resolves them incrementally in publication order, and scores.

    python -m sitrep.resolve.evaluate evaluation/clustering [-o scores.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.model import (
    ActorRole,
    AttributionChain,
    DateInterval,
    Mention,
    Place,
    PlaceMention,
    Quantity,
    Source,
    Span,
)
from sitrep.resolve.cluster import resolve_mentions
from sitrep.resolve.config import ResolveConfig, load_config
from sitrep.resolve.store import InMemoryEvents


@dataclass(slots=True)
class ClusteringScores:
    reports: int
    incidents: int
    events: int
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    contradiction_precision: float
    contradiction_recall: float
    contradiction_f1: float
    gold_contradictions: int
    predicted_contradictions: int
    ms_per_mention: float


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def report_date(report: dict[str, Any]) -> DateInterval | None:
    raw = report.get("date") or {}
    start, end = _date(raw.get("start")), _date(raw.get("end") or raw.get("start"))
    if start is None or end is None:
        return None
    return DateInterval(start, max(start, end), raw.get("precision") or "day")


def report_places(report: dict[str, Any], doc: str) -> list[PlaceMention]:
    raw = report.get("place") or {}
    if raw.get("lat") is None or raw.get("lon") is None:
        return []
    name = str(raw.get("name") or "")
    place = Place(name, name, raw.get("country"), float(raw["lat"]), float(raw["lon"]), "town")
    return [PlaceMention(name, _whole(doc, name), place=place)]


def _whole(doc: str, text: str) -> Span:
    return Span(doc, 0, len(text), text)


def report_actors(report: dict[str, Any]) -> list[ActorRole]:
    return [ActorRole(role, str(report[role]), "") for role in ("actor1", "actor2") if report.get(role)]


def report_fatalities(report: dict[str, Any]) -> Quantity | None:
    raw = report.get("fatalities")
    if not raw:
        return None
    return Quantity("people", raw.get("low"), raw.get("best"), raw.get("high"), kind="killed")


def report_to_mention(report: dict[str, Any]) -> Mention:
    """One Mention from a report's gold coding; the whole text stands as its sentence."""
    doc, text = str(report["id"]), str(report.get("text") or "")
    outlet = str(report.get("outlet") or doc)
    return Mention(
        id=doc,
        doc=doc,
        sentence=_whole(doc, text),
        trigger=_whole(doc, ""),
        event_type=str(report.get("event_type") or ""),
        sub_event_type=str(report.get("sub_event_type") or ""),
        plover=str(report.get("plover") or ""),
        actors=report_actors(report),
        date=report_date(report),
        places=report_places(report, doc),
        fatalities=report_fatalities(report),
        chain=AttributionChain([Source(outlet, "outlet")]),
        modality=report.get("modality") or "asserted",
    )


def publication_order(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(reports, key=lambda r: (str(r.get("published") or ""), str(r["id"])))


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 over items labelled in both mappings."""
    items = [i for i in gold if i in predicted]
    if not items:
        return 0.0, 0.0, 0.0
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for item in items:
        by_pred.setdefault(predicted[item], set()).add(item)
        by_gold.setdefault(gold[item], set()).add(item)
    precision = recall = 0.0
    for item in items:
        same_pred, same_gold = by_pred[predicted[item]], by_gold[gold[item]]
        both = len(same_pred & same_gold)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


ContradictionKey = tuple[str, frozenset[str]]
# The kinds a clustering set annotates; compatible "estimates" are shown to users but not annotated there.
ANNOTATED_KINDS = frozenset({"figure", "date", "denial"})


def contradiction_keys(rows: Iterable[tuple[str, str, str]]) -> set[ContradictionKey]:
    return {(kind, frozenset((a, b))) for kind, a, b in rows if a != b}


def precision_recall(predicted: set[ContradictionKey], gold: set[ContradictionKey]) -> tuple[float, float, float]:
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else (1.0 if not gold else 0.0)
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate_clustering(path: Path, cfg: ResolveConfig | None = None) -> ClusteringScores:
    """Score clustering and contradiction finding on the reports and contradictions in folder ``path``."""
    cfg = cfg or load_config()
    reports = publication_order(read_jsonl(path / "reports.jsonl"))
    contradictions_file = path / "contradictions.jsonl"
    gold_rows = read_jsonl(contradictions_file) if contradictions_file.exists() else []
    mentions = [report_to_mention(r) for r in reports]
    store = InMemoryEvents(cfg)
    started = time.perf_counter()
    resolve_mentions(mentions, store, cfg)
    elapsed_ms = (time.perf_counter() - started) * 1000
    predicted = {m.id: store.resolve_id(store.event_of_mention(m.id) or "") or "" for m in mentions}
    gold = {str(r["id"]): str(r["incident"]) for r in reports}
    precision, recall, f1 = bcubed(predicted, gold)
    gold_keys = contradiction_keys((str(g["kind"]), str(g["reports"][0]), str(g["reports"][1])) for g in gold_rows)
    found = contradiction_keys(
        # One entry per field lists its pairs of disagreeing reports; the set annotates pairs.
        pair
        for event in store
        for c in event.contradictions
        for pair in (c.pairs or [(c.kind, c.a, c.b)])
        if pair[0] in ANNOTATED_KINDS
    )
    c_precision, c_recall, c_f1 = precision_recall(found, gold_keys)
    return ClusteringScores(
        reports=len(reports),
        incidents=len(set(gold.values())),
        events=len(set(predicted.values())),
        bcubed_precision=round(precision, 4),
        bcubed_recall=round(recall, 4),
        bcubed_f1=round(f1, 4),
        contradiction_precision=round(c_precision, 4),
        contradiction_recall=round(c_recall, 4),
        contradiction_f1=round(c_f1, 4),
        gold_contradictions=len(gold_keys),
        predicted_contradictions=len(found),
        ms_per_mention=round(elapsed_ms / max(1, len(mentions)), 3),
    )


def without_text(cfg: ResolveConfig) -> ResolveConfig:
    """The same rules with text similarity switched off (to show what it adds)."""
    return dataclasses.replace(cfg, weights={**cfg.weights, "text": 0.0})


def format_table(rows: dict[str, ClusteringScores]) -> str:
    fields = [f.name for f in dataclasses.fields(ClusteringScores)]
    width = max(len(f) for f in fields)
    lines = [f"{'':<{width}}  " + "  ".join(f"{name:>14}" for name in rows)]
    for name in fields:
        lines.append(f"{name:<{width}}  " + "  ".join(f"{getattr(s, name)!s:>14}" for s in rows.values()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sitrep.resolve.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder with reports.jsonl and contradictions.jsonl")
    parser.add_argument("-o", "--out", type=Path, help="JSON file to write (default: FOLDER/resolve_scores.json)")
    args = parser.parse_args(argv)
    if not (args.folder / "reports.jsonl").exists():
        print(f"{args.folder}: no reports.jsonl", file=sys.stderr)
        return 2
    cfg = load_config()
    rows = {
        "with_text": evaluate_clustering(args.folder, cfg),
        "without_text": evaluate_clustering(args.folder, without_text(cfg)),
    }
    print(format_table(rows))
    out = args.out or args.folder / "resolve_scores.json"
    out.write_text(json.dumps({k: dataclasses.asdict(v) for k, v in rows.items()}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
