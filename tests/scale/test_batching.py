"""Documents parsed in batches (``nlp.pipe``) give what one at a time gives; a one-JSONL job on two workers gives
the export one process gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep import pipeline
from sitrep.cli import main
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.ingest.readers import read_sources
from sitrep.model import Document, to_dict
from sitrep.pipeline import ProcessedDocument, ingest, process_document, process_documents
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[2]
REPORTS = {
    "north": "Clashes in the north\n\nRebels attacked an army post near the town of Kidal on Monday, killing three "
    "soldiers, the defence ministry said. The army said it repelled the attack.",
    "market": "Blast at a market\n\nA car bomb exploded at a market in Mogadishu on Saturday, killing at least eight "
    "people, police said. No group has claimed the attack.",
    "protest": "Protest in the capital\n\nThousands of people marched through Khartoum on Thursday to demand an end to "
    "the war, witnesses said. Police fired tear gas to disperse them.",
    "shelling": "Shelling of a city\n\nShelling killed two civilians in Kherson on Wednesday and damaged a hospital, "
    "the regional governor said.",
}


def documents() -> list[Document]:
    return [build_document(text, name, DocumentMeta()) for name, text in REPORTS.items()]


def extraction(result: ProcessedDocument | Exception) -> object:
    assert isinstance(result, ProcessedDocument), result
    return to_dict(result.mentions), to_dict(result.claims)


def test_a_batch_is_processed_as_each_document_alone_is() -> None:
    docs = documents()
    assert [extraction(r) for r in process_documents(docs)] == [extraction(process_document(d)) for d in docs]


def test_a_document_the_parser_refuses_is_named_and_the_others_are_processed(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = documents()
    real_parse = pipeline.parse_text

    def refuse_one(text: str) -> object:
        if text == REPORTS["market"]:
            raise ValueError("the parser refused this text")
        return real_parse(text)

    def refuse_batch(batch: object) -> object:
        raise ValueError("the parser refused one text of the batch")

    monkeypatch.setattr(pipeline, "parse_documents", refuse_batch)
    monkeypatch.setattr(pipeline, "parse_text", refuse_one)
    results = process_documents(docs)
    assert [isinstance(r, Exception) for r in results] == [False, True, False, False]
    assert "refused this text" in str(results[1])


def stored_events(url: str) -> tuple[dict[str, int], list[tuple[str, str, str]]]:
    store = Store.open(url)
    try:
        return store.stats(), [(e.id, e.event_type, str(e.date_start)) for e in store.events()]
    finally:
        store.close()


def test_one_process_ingest_stores_the_same_in_batches_as_one_document_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "zz-market-again.txt").write_text(REPORTS["market"], encoding="utf-8")  # a duplicate inside a batch
    outcomes = []
    for batch in (1, 3, 32):
        monkeypatch.setattr(pipeline, "NLP_BATCH", batch)
        url = f"sqlite:///{tmp_path / f'batch{batch}.db'}"
        store = Store.open(url)
        report = ingest([str(folder)], store)
        store.close()
        assert report.ok and report.duplicates == ["zz-market-again.txt"]
        outcomes.append(stored_events(url))
    assert outcomes[0][1], "the reports give events"
    assert outcomes[1] == outcomes[0] and outcomes[2] == outcomes[0]


def test_reading_a_stored_crawl_again_parses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    store = Store.open(f"sqlite:///{tmp_path / 'once.db'}")
    ingest([str(folder)], store)

    def no_parsing(batch: object) -> object:
        raise AssertionError("a stored document was parsed again")

    monkeypatch.setattr(pipeline, "parse_documents", no_parsing)
    again = ingest([str(folder)], store)
    store.close()
    assert sorted(again.duplicates) == sorted(f"{name}.txt" for name in REPORTS)


@pytest.mark.slow
def test_two_workers_on_one_json_lines_file_export_what_one_process_exports(tmp_path: Path) -> None:
    """The file is split by document over the workers; the exported events are identical, line for line."""
    feed = tmp_path / "wire.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for document in read_sources([str(ROOT / "examples")]):
            assert isinstance(document, Document)
            record = {"id": document.name, "text": document.text, "outlet": document.outlet}
            record["published"] = str(document.published) if document.published else None
            out.write(json.dumps(record) + "\n")
    runner = CliRunner()
    exports = []
    for workers in ("1", "2"):
        db = str(tmp_path / f"workers{workers}.db")
        result = runner.invoke(main, ["ingest", str(feed), "--db", db, "-q", "--workers", workers])
        assert result.exit_code == 0, result.output
        exported = runner.invoke(main, ["export", "--format", "jsonl", "--db", db])
        assert exported.exit_code == 0, exported.output
        exports.append(exported.stdout)
    assert exports[0].count("\n") > 5
    assert exports[1] == exports[0]
