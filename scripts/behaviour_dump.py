"""Ingests every evaluation corpus into a fresh store and writes what the pipeline made of it, canonically.

    python scripts/behaviour_dump.py OUT_DIR [--only NAME ...]

One folder per corpus under OUT_DIR, one sorted JSON Lines file per table (mentions with their places and
sources, claims, events, places, contradictions, redirects); store row ids and timestamps are replaced by
stable keys (a document by its name and content hash) so that two runs of the same code give identical
files. A refactor is behaviour-preserving when `diff -r BEFORE AFTER -x store.db` is empty. With
--keep-stores each corpus's store stays as OUT_DIR/NAME/store.db, for `sitrep eval` or the scorers.

The dump runs with PYTHONHASHSEED=0 (it restarts itself so): a few steps iterate over sets of strings, whose
order changes with the hash seed of each process, and would otherwise differ between two runs of the same code.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from sitrep.pipeline import ingest
from sitrep.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPORA: dict[str, str] = {
    "examples": "examples",
    "dev": "evaluation/dev/corpus",
    "real-dev": "evaluation/real/dev/corpus",
    "real-test": "evaluation/real/test/corpus",
    "one-incident": "evaluation/one_incident/reports.jsonl",
    "clustering": "evaluation/clustering/reports.jsonl",
}
# Columns that change from run to run (clock times, autoincrement keys) and say nothing about behaviour.
VOLATILE = {"updated_at", "ingested_at", "extracted_at", "applied_at", "at"}
TABLES: dict[str, str] = {
    "documents": "SELECT * FROM documents",
    "mentions": "SELECT * FROM mentions",
    "mention_places": "SELECT * FROM mention_places",
    "mention_sources": (
        "SELECT ms.mention_id, ms.position, s.name AS source, s.kind AS source_kind "
        "FROM mention_sources ms JOIN sources s ON s.id = ms.source_id"
    ),
    "claims": "SELECT * FROM claims",
    "events": "SELECT * FROM events",
    "event_redirects": "SELECT * FROM event_redirects",
    "places": "SELECT * FROM places",
    "contradictions": "SELECT * FROM contradictions",
}
DOCUMENT_KEYS = {"document_id", "first_document_id", "near_duplicate_of"}


def _canonical(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def dump_store(db_path: Path, out: Path) -> None:
    engine = create_engine(f"sqlite:///{db_path}")
    out.mkdir(parents=True, exist_ok=True)
    with engine.connect() as connection:
        document_key = {
            row.id: f"{row.name}#{row.content_hash[:12]}"
            for row in connection.execute(text("SELECT id, name, content_hash FROM documents"))
        }
        for table, query in TABLES.items():
            lines = []
            for row in connection.execute(text(query)).mappings():
                record = {}
                for column, value in row.items():
                    if column in VOLATILE or (column == "id" and table in {"documents", "contradictions"}):
                        continue
                    if column in DOCUMENT_KEYS and value is not None:
                        value = document_key.get(value, value)
                    if column == "origin" and isinstance(value, str):
                        value = value.removeprefix(f"{ROOT}/")  # the same file in another checkout
                    record[column] = _canonical(value)
                lines.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
            (out / f"{table}.jsonl").write_text("".join(f"{line}\n" for line in sorted(lines)), encoding="utf-8")
    engine.dispose()


def dump_corpus(source: Path, out: Path, keep_store: bool = False) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        db_path = (out / "store.db") if keep_store else Path(scratch) / "dump.db"
        out.mkdir(parents=True, exist_ok=True)
        db_path.unlink(missing_ok=True)
        store = Store.open(f"sqlite:///{db_path}")
        ingest([str(source)], store)
        dump_store(db_path, out)


def main(argv: Iterable[str] | None = None) -> None:
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--only", nargs="*", choices=sorted(CORPORA), help="dump these corpora only")
    parser.add_argument("--keep-stores", action="store_true", help="keep each corpus's store as OUT_DIR/NAME/store.db")
    args = parser.parse_args(list(argv) if argv is not None else None)
    for name, relative in CORPORA.items():
        if args.only and name not in args.only:
            continue
        print(f"{name}: {relative}", flush=True)
        dump_corpus(ROOT / relative, args.out_dir / name, args.keep_stores)


if __name__ == "__main__":
    main()
