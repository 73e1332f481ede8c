"""Detection whatever the form of the report: headlines, nominal and passive clauses, capitals, no commas."""

from __future__ import annotations

import datetime as dt

from sitrep.extract import Extraction, extract_document
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.nlp import load_pipeline

VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def extract(text: str, published: str = "2023-05-20") -> Extraction:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date.fromisoformat(published)))
    return extract_document(document, load_pipeline()(document.text))


def types(text: str) -> list[str]:
    return [m.event_type for m in extract(text).mentions]


def test_a_headline_that_is_the_whole_report_gives_its_event() -> None:
    assert set(types("Warplanes pound villages west of the river port")) & VIOLENT


def test_a_headline_above_an_article_is_not_read_twice() -> None:
    text = (
        "Militants raid border post\n\n"
        "Militants attacked a border post near the northern crossing on Friday, killing two guards, officials said."
    )
    mentions = extract(text).mentions
    assert len(mentions) == 1 and mentions[0].sentence.start > 0
