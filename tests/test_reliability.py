"""Nothing lost, nothing half-done: an interrupted ingest is finished by the next run (or `doctor --repair`),
a mistyped database is a usage error, long texts are parsed in pieces, and concurrent first use of a new
database works."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.nlp.pipeline import parse_text, text_pieces
from sitrep.store import Store

ARTICLES = {
    "a.txt": "Air strikes on the market in Saraqib killed eight civilians on Tuesday, the Observatory said.",
    "b.txt": "Hundreds of people protested in Khartoum on Monday against the military government.",
    "c.txt": "Militants attacked an army checkpoint near Gao on Sunday, killing four soldiers, officials said.",
    "d.txt": "A roadside bomb killed three policemen in Mogadishu on Wednesday, police said.",
    "e.txt": "Russian missiles struck Kharkiv on Thursday, killing two people, the regional governor said.",
    "f.txt": "Police arrested twelve protesters in Baghdad on Friday after clashes near Tahrir Square.",
}


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    manifest = [{"file": name, "outlet": "Wire", "published": "2024-05-10"} for name in ARTICLES]
    (folder / "manifest.jsonl").write_text("\n".join(json.dumps(m) for m in manifest), encoding="utf-8")
    return folder


def _events(db: str) -> list[tuple[object, ...]]:
    """What a user exports, without the ids (which may differ between runs)."""
    result = CliRunner().invoke(main, ["export", "--format", "jsonl", "--db", db])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return sorted(
        (tuple(r["docs"]), r["event_type"], json.dumps(r["date"]), r["fatalities"], len(r["locations"])) for r in rows
    )


def test_a_document_stored_but_not_extracted_is_finished_by_the_next_ingest(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    clean = str(tmp_path / "clean.db")
    assert CliRunner().invoke(main, ["ingest", str(corpus), "--db", clean, "-q"]).exit_code == 0
    broken = str(tmp_path / "broken.db")
    # An earlier run stored the documents and stopped before extracting them.
    assert CliRunner().invoke(main, ["ingest", str(corpus), "--db", broken, "-q", "--no-extract"]).exit_code == 0
    doctor = CliRunner().invoke(main, ["doctor", "--db", broken])
    assert "6 documents stored but not extracted" in doctor.output
    again = CliRunner().invoke(main, ["ingest", str(corpus), "--db", broken, "-q"])
    assert again.exit_code == 0 and "6 finished from an interrupted run" in again.output
    assert _events(broken) == _events(clean)
    assert "unfinished  none" in CliRunner().invoke(main, ["doctor", "--db", broken]).output


def test_doctor_repair_finishes_unfinished_documents(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus")
    db = str(tmp_path / "d.db")
    CliRunner().invoke(main, ["ingest", str(corpus), "--db", db, "-q", "--no-extract"])
    repaired = CliRunner().invoke(main, ["doctor", "--db", db, "--repair"])
    assert repaired.exit_code == 0 and "repaired    6 documents extracted" in repaired.output
    assert len(_events(db)) >= 5


KILL_CHAINS = 4
KILLS_PER_CHAIN = 5  # 20 kills in all, each at a seeded random point of a run


def _ingest_command(corpus: Path, db: str) -> list[str]:
    return [str(Path(sys.executable).parent / "sitrep"), "ingest", str(corpus), "--db", db, "-q"]


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[object, ...]], float]:
    """A corpus of many documents, the events of its uninterrupted ingest, and how long that ingest took."""
    folder = tmp_path_factory.mktemp("kills")
    corpus = folder / "corpus"
    corpus.mkdir()
    manifest = []
    for copy in range(5):
        for name, text in ARTICLES.items():
            # Distinct texts (another day each), so every document is extracted, not skipped as a copy.
            day = f"{copy + 1}" if copy else ""
            file = f"{copy}-{name}"
            (corpus / file).write_text(f"{text} Day {day or 'one'} of reporting.", encoding="utf-8")
            manifest.append({"file": file, "outlet": f"Wire {copy}", "published": f"2024-05-1{copy}"})
    (corpus / "manifest.jsonl").write_text("\n".join(json.dumps(m) for m in manifest), encoding="utf-8")
    clean = str(folder / "clean.db")
    started = time.monotonic()
    subprocess.run(_ingest_command(corpus, clean), check=True, capture_output=True)
    return corpus, _events(clean), time.monotonic() - started


@pytest.mark.parametrize("chain", range(KILL_CHAINS))
def test_an_ingest_killed_again_and_again_and_run_once_more_gives_the_clean_result(
    tmp_path: Path, chain: int, clean_run: tuple[Path, list[tuple[object, ...]], float]
) -> None:
    """Real processes killed with SIGKILL at random points of the run (model loading, parsing, writing), each
    rerun killed again; the run after the last kill must give exactly the uninterrupted run's events. The seed
    (printed on failure) makes the kill points reproducible."""
    corpus, clean_events, clean_seconds = clean_run
    seed = int(os.environ.get("SITREP_KILL_SEED", "20261206")) + chain
    rng = random.Random(seed)
    killed = str(tmp_path / "killed.db")
    command = _ingest_command(corpus, killed)
    for _ in range(KILLS_PER_CHAIN):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = rng.uniform(0.2, clean_seconds)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
    rerun = subprocess.run(command, capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, (seed, rerun.stderr)
    assert _events(killed) == clean_events, f"seed {seed}"
    doctor = CliRunner().invoke(main, ["doctor", "--db", killed])
    assert "unfinished  none" in doctor.output, (seed, doctor.output)


def test_reading_commands_refuse_a_database_that_does_not_exist(tmp_path: Path) -> None:
    missing = str(tmp_path / "mistyped.db")
    for command in (["events"], ["docs"], ["contradictions"], ["export"], ["rerun", "resolve"]):
        result = CliRunner().invoke(main, [*command, "--db", missing])
        assert result.exit_code == 2, (command, result.output)
        assert "no database at" in result.output
    assert not Path(missing).exists()


def _open_new(path: str) -> str:
    try:
        Store.open(path).close()
        return "ok"
    except Exception as exc:  # reported to the parent
        return f"{type(exc).__name__}: {exc}"


def test_several_processes_creating_one_new_database_all_succeed(tmp_path: Path) -> None:
    for attempt in range(3):
        path = str(tmp_path / f"new{attempt}.db")
        with multiprocessing.get_context("spawn").Pool(4) as pool:
            assert pool.map(_open_new, [path] * 4) == ["ok"] * 4


@pytest.mark.postgres
def test_several_processes_creating_one_new_postgres_schema_all_succeed(pg_url: str) -> None:
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert pool.map(_open_new, [pg_url] * 4) == ["ok"] * 4


def test_long_texts_are_cut_at_line_ends_into_pieces_that_give_the_text_back() -> None:
    text = "".join(f"Paragraph {i} says the army shelled the town.\n" for i in range(500))
    pieces = text_pieces(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 and p.endswith("\n") for p in pieces)
    unbroken = "word " * 1000
    assert "".join(text_pieces(unbroken, 700)) == unbroken


def test_a_text_parsed_in_pieces_keeps_its_offsets_and_entities() -> None:
    text = "".join(f"Rebels attacked Aleppo on day {i}, the Observatory said.\n" for i in range(60))
    whole, pieced = parse_text(text), parse_text(text, piece_chars=500)
    assert pieced.text == text
    # The same names at the same offsets (a statistical label may differ with less context around it).
    assert [(e.start_char, e.end_char) for e in pieced.ents] == [(e.start_char, e.end_char) for e in whole.ents]
    assert pieced.ents
    assert all(text[e.start_char : e.end_char] == e.text for e in pieced.ents)
    assert len(list(pieced.sents)) == len(list(whole.sents))
