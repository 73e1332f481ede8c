"""Join the coders' batches, split the real-text set by incident into dev and test, write both.

    python evaluation/real/build.py

Articles are grouped into incident components: articles of one FA-KES dataset group (the dataset's own
incident key), and articles whose gold events share an ``incident`` key, are one component. Components are
dealt to dev and test in a seeded random order, FA-KES and Wikinews apart, so that about 2/3 of each goes to
dev. Every article of one incident therefore lies on one side. The assignment is written to split.json and
kept stable: a component already assigned there keeps its side when the batches change.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
SOURCE = HERE / "source"
SEED = 2026
DEV_SHARE = 2 / 3
HELD_OUT_NOTE = (
    "This is the held-out test split of the real-text gold set. Do not diagnose or tune on it: `sitrep eval`\n"
    "prints only its totals, and the diagnosis tools refuse it. Say in your note when you scored it.\n"
)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


class Components:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


Rows = list[dict[str, Any]]
Batches = tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], Rows, Rows, Rows]


def load_batches() -> Batches:
    """Every coder's batch joined: articles, documents, events, claims and checks."""
    articles = {row["file"]: row for row in load_jsonl(SOURCE / "articles.jsonl")}
    batches = sorted(p for p in SOURCE.glob("batch*") if p.is_dir())
    documents: dict[str, dict[str, Any]] = {}
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    for batch in batches:
        documents.update({d["file"]: d for d in load_jsonl(batch / "documents.jsonl")})
        events += load_jsonl(batch / "events.jsonl")
        claims += load_jsonl(batch / "claims.jsonl")
        if (batch / "checks.json").exists():
            checks.append(json.loads((batch / "checks.json").read_text(encoding="utf-8")))
    return articles, documents, events, claims, checks


def main() -> None:
    articles, documents, events, claims, checks = load_batches()
    coded = [name for name in articles if name in documents]

    parts = Components()
    for name in coded:
        parts.join(name, "group:" + articles[name]["dataset_group"])
    for e in events:
        parts.join(e["doc"], "incident:" + e["incident"])
    members: dict[str, list[str]] = {}
    for name in coded:
        members.setdefault(parts.find(name), []).append(name)
    components = {min(names): sorted(names) for names in members.values()}

    split_path = HERE / "split.json"
    previous = json.loads(split_path.read_text(encoding="utf-8")) if split_path.exists() else {}
    side_of_doc = {doc: entry["split"] for entry in previous.values() for doc in entry["docs"]}

    def kept_side(docs: list[str]) -> str | None:
        """The side an earlier build gave any of these articles (a component keeps it as it grows)."""
        return next((side_of_doc[d] for d in docs if d in side_of_doc), None)

    # A new incident key can join two components an earlier build put on different sides; keeping either side
    # would move articles across the split, so stop and name them (the coder gives one of the keys a new name).
    for docs in components.values():
        sides = {side_of_doc[d] for d in docs if d in side_of_doc}
        if len(sides) > 1:
            placed = ", ".join(f"{d} ({side_of_doc[d]})" for d in docs if d in side_of_doc)
            sys.exit(f"one incident component would join dev and test: {placed}")

    assignment: dict[str, dict[str, Any]] = {}
    for source in ("fakes", "wikinews"):
        keys = sorted(k for k in components if k.startswith(source))
        random.Random(SEED).shuffle(keys)
        total = sum(len(components[k]) for k in keys)
        # Count every component already on dev, including one whose first article is new (it was named after
        # its first article, so a new article that sorts first used to hide it and dev was undercounted).
        dev = sum(len(components[k]) for k in keys if kept_side(components[k]) == "dev")
        for key in keys:
            docs = components[key]
            side = kept_side(docs)
            if side is None:
                side = "dev" if dev + len(docs) <= round(DEV_SHARE * total) else "test"
                dev += len(docs) if side == "dev" else 0
            assignment[key] = {"split": side, "docs": docs}
    split_path.write_text(json.dumps(assignment, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    for side in ("dev", "test"):
        side_docs = {d for entry in assignment.values() if entry["split"] == side for d in entry["docs"]}
        write_split(HERE / side, sorted(side_docs), articles, documents, events, claims, checks)
        if side == "test":
            (HERE / side / "HELD_OUT").write_text(HELD_OUT_NOTE, encoding="utf-8")
        n_events = sum(1 for e in events if e["doc"] in side_docs)
        n_claims = sum(1 for c in claims if c["doc"] in side_docs)
        print(f"{side}: {len(side_docs)} articles, {n_events} events, {n_claims} claims")


def write_split(
    folder: Path,
    docs: list[str],
    articles: dict[str, dict[str, Any]],
    documents: dict[str, dict[str, Any]],
    events: list[dict[str, Any]],
    claims: list[dict[str, Any]],
    checks: list[dict[str, Any]],
) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    corpus, gold = folder / "corpus", folder / "gold"
    corpus.mkdir(parents=True)
    gold.mkdir(parents=True)
    wanted = set(docs)
    manifest = []
    for name in docs:
        shutil.copyfile(SOURCE / "articles" / name, corpus / name)
        meta = articles[name]
        row = {
            "file": name,
            "outlet": meta["outlet"],
            "published": documents[name]["published"],
            "language": "en",
            "title": meta["title"],
        }
        if meta.get("url"):
            row["url"] = meta["url"]
        manifest.append(row)
    (corpus / "manifest.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in manifest), encoding="utf-8"
    )

    def dump(rows: list[dict[str, Any]], path: Path) -> None:
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")

    dump([e for e in events if e["doc"] in wanted], gold / "real.events.jsonl")
    dump([c for c in claims if c["doc"] in wanted], gold / "real.claims.jsonl")
    dump(
        [
            {
                "doc": name,
                "published": documents[name]["published"],
                "about_conflict": documents[name].get("about_conflict", True),
            }
            for name in docs
        ],
        gold / "real.documents.jsonl",
    )
    ids = {r["id"] for r in events + claims if r["doc"] in wanted}
    merged: dict[str, Any] = {"contradictions": [], "must_not_be_events": [], "actor_aliases": {}}
    for item in checks:
        merged["contradictions"] += [
            c for c in item.get("contradictions", []) if set(c.get("events", []) + c.get("claims", [])) <= ids
        ]
        merged["must_not_be_events"] += [m for m in item.get("must_not_be_events", []) if m["doc"] in wanted]
        for name, forms in item.get("actor_aliases", {}).items():
            known = merged["actor_aliases"].setdefault(name, [])
            known += [f for f in forms if f not in known]
    (gold / "real.checks.json").write_text(json.dumps(merged, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
