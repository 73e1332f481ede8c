"""The command-line contract: ingest, docs, show, exit codes, standard input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.store import Store
from sitrep.web.demo import build_sample_store

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
EXAMPLES = REPO / "examples"
needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="shared/corpus/seeds is not beside the repository")


def run(*args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sitrep", *args], input=input, capture_output=True, text=True, cwd=REPO, timeout=600
    )


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "seeds.db"
    result = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


@needs_seeds
def test_ingest_stores_both_seed_articles_with_manifest_metadata(seeded_db: Path) -> None:
    result = CliRunner().invoke(main, ["docs", "--db", str(seeded_db), "--json"])
    assert result.exit_code == 0
    rows = {r["name"]: r for r in map(json.loads, result.output.splitlines())}
    assert set(rows) == {"000_a2cd447e115c4542.txt", "001_e9f92b534f8fc71b.txt"}
    assert rows["000_a2cd447e115c4542.txt"]["outlet"] == "The Cradle"
    assert rows["001_e9f92b534f8fc71b.txt"]["published"] == "2024-02-03"


@needs_seeds
def test_show_marks_caption_link_and_responses_as_furniture(seeded_db: Path) -> None:
    second = CliRunner().invoke(main, ["show", "001_e9f92b534f8fc71b.txt", "--db", str(seeded_db)]).output
    assert "[caption] American soldiers patrol near a prison" in second
    assert "[link] Read more:" in second
    assert "[headline] US moving soldiers within Syria" in second
    first = CliRunner().invoke(main, ["show", "000_a2cd447e115c4542.txt", "--db", str(seeded_db)]).output
    assert "[comments] Responses" in first


@needs_seeds
def test_ingesting_the_same_articles_again_changes_nothing(seeded_db: Path) -> None:
    before = CliRunner().invoke(main, ["docs", "--db", str(seeded_db)]).output
    again = CliRunner().invoke(main, ["ingest", str(SEEDS), "--db", str(seeded_db), "-q"])
    assert again.exit_code == 0
    assert "2 skipped as duplicates" in again.output
    assert CliRunner().invoke(main, ["docs", "--db", str(seeded_db)]).output == before


def test_a_changed_article_becomes_a_new_version(tmp_path: Path) -> None:
    db = str(tmp_path / "v.db")
    article = tmp_path / "report.txt"
    article.write_text("Gunmen attacked a checkpoint near Kirkuk on Monday, killing two policemen, officials said.\n")
    assert (
        CliRunner().invoke(main, ["ingest", str(article), "--db", db, "--published", "2024-03-05", "-q"]).exit_code == 0
    )
    article.write_text("Gunmen attacked a checkpoint near Kirkuk on Monday, killing three policemen, officials said.\n")
    assert (
        CliRunner().invoke(main, ["ingest", str(article), "--db", db, "--published", "2024-03-05", "-q"]).exit_code == 0
    )
    listing = CliRunner().invoke(main, ["docs", "--db", db, "--json"]).output.splitlines()
    assert [json.loads(line)["version"] for line in listing] == [2]
    assert "three policemen" in CliRunner().invoke(main, ["show", "report.txt", "--db", db]).output


def test_bad_inputs_are_named_the_batch_goes_on_and_the_exit_status_is_1(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text("Protesters rallied in Khartoum on Sunday against the war, witnesses said.\n")
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("Des manifestants se sont rassemblés à Paris.".encode("latin-1"))
    (folder / "french.txt").write_text(
        "Les forces armées ont bombardé la ville dans la nuit de samedi, selon les habitants qui ont fui vers le sud."
    )
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(tmp_path / "b.db"), "-q"])
    assert result.exit_code == 1
    errors = result.output
    assert "empty.txt: empty" in errors
    assert "binary.txt: binary" in errors
    assert "latin1.txt: invalid UTF-8" in errors
    assert "french.txt: language" in errors
    assert "1 stored" in errors
    docs = CliRunner().invoke(main, ["docs", "--db", str(tmp_path / "b.db")]).output
    assert "good.txt" in docs


def test_a_huge_file_is_refused_by_name(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"The army said. " * (50 * 1024 * 1024 // 15))
    result = CliRunner().invoke(main, ["ingest", str(huge), "--db", str(tmp_path / "h.db"), "-q"])
    assert result.exit_code == 1
    assert "huge.txt: too large" in result.output


def test_standard_input_is_read_with_user_metadata(tmp_path: Path) -> None:
    db = str(tmp_path / "stdin.db")
    text = "Houthi forces fired two missiles at a cargo ship in the Red Sea on Tuesday, the US military said.\n"
    result = run(
        "ingest", "-", "--db", db, "--name", "wire-1", "--outlet", "Wire", "--published", "2024-01-10", input=text
    )
    assert result.returncode == 0, result.stderr
    shown = run("show", "wire-1", "--db", db).stdout
    assert "outlet:     Wire" in shown
    assert "published:  2024-01-10" in shown


def test_usage_errors_exit_with_2(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["ingest"]).exit_code == 2
    assert CliRunner().invoke(main, ["ingest", "x.txt", "--published", "yesterday"]).exit_code == 2


@pytest.mark.skipif(not EXAMPLES.exists(), reason="examples/ not present")
def test_the_readme_first_command_works_on_the_shipped_examples(tmp_path: Path) -> None:
    db = str(tmp_path / "examples.db")
    result = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    events = CliRunner().invoke(main, ["events", "--db", db]).output.splitlines()
    assert len(events) >= 5


def test_doctor_names_the_model_and_the_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["doctor", "--db", str(tmp_path / "d.db")])
    assert result.exit_code == 0, result.output
    assert "core_web_sm" in result.output and "3.8.0" in result.output
    assert "d.db" in result.output


@needs_seeds
def test_a_run_with_two_workers_stores_the_same_events_as_one_process(seeded_db: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "dask.db")
    result = run("ingest", str(SEEDS), "--db", db, "--workers", "2")
    assert result.returncode == 0, result.stderr
    one = CliRunner().invoke(main, ["events", "--db", str(seeded_db)]).output
    two = CliRunner().invoke(main, ["events", "--db", db]).output
    assert one.splitlines() and sorted(one.splitlines()) == sorted(two.splitlines())


def test_the_readme_library_example_runs_the_pipeline_whatever_was_imported_first(tmp_path: Path) -> None:
    from sitrep import Store, ingest  # Store first: importing it imports the sitrep.ingest package

    store = Store.open(str(tmp_path / "lib.db"))
    report = ingest([str(EXAMPLES / next(p.name for p in EXAMPLES.iterdir() if p.suffix == ".txt"))], store)
    assert report.ok and len(report.stored) == 1


def test_contradictions_lists_each_position_with_its_source_and_sentence(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "sample.db"))
    build_sample_store(store)
    store.close()
    lines = CliRunner().invoke(main, ["contradictions", "--db", str(tmp_path / "sample.db")]).output.splitlines()
    entry = next(i for i, line in enumerate(lines) if line.startswith("[figure]"))
    positions = [line for line in lines[entry + 1 :] if line.startswith("    ")]
    # Each side under the entry: its figure, who gives it, the document and the sentence it is given in.
    assert len(positions) >= 2 and all("«" in line and "[" in line for line in positions)
