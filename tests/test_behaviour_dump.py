"""scripts/behaviour_dump.py: what the pipeline makes of a corpus, dumped so that two runs of the same code agree."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("behaviour_dump", ROOT / "scripts" / "behaviour_dump.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_dumps_of_one_report_are_identical_and_hold_its_mentions(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "Gunmen attack checkpoint\nGunmen killed three soldiers at a checkpoint near Kirkuk on Monday, police said.\n",
        encoding="utf-8",
    )
    dump = load_script()
    dump.dump_corpus(report, tmp_path / "first")
    dump.dump_corpus(report, tmp_path / "second", keep_store=True)
    first = {p.name: p.read_text(encoding="utf-8") for p in sorted((tmp_path / "first").glob("*.jsonl"))}
    second = {p.name: p.read_text(encoding="utf-8") for p in sorted((tmp_path / "second").glob("*.jsonl"))}
    assert first == second
    assert (tmp_path / "second" / "store.db").is_file()
    mentions = [json.loads(line) for line in first["mentions.jsonl"].splitlines()]
    assert mentions and all(m["document_id"].startswith("report.txt#") for m in mentions)
    assert {"events.jsonl", "claims.jsonl", "mention_sources.jsonl"} <= set(first)
    assert "ingested_at" not in first["documents.jsonl"]
