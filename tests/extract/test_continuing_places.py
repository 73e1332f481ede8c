"""continuing_sentence_lends_its_place: a sentence that tells no act of its own but says where the act told just
before it happened lends its places to that act's reports; a sentence that tells something else lends nothing.
Invented sentences; the whole pipeline, since the lent places are geocoded as the reports' own."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.places import continuing_places
from sitrep.geo import Gazetteer
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.model import INHERITED_ROLE
from sitrep.nlp import parse_text
from sitrep.pipeline import process_document


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open()


def lent_to_the_first_report(text: str, gazetteer: Gazetteer) -> list[str]:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2024, 3, 14)))
    mentions = process_document(document, gazetteer).mentions
    assert mentions, text
    first = mentions[0]
    # the places of a later sentence it holds as its own, not the document's place it takes as context
    return [pm.text for pm in first.places if pm.span.start >= first.sentence.end and pm.role != INHERITED_ROLE]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Warplanes bombed a bakery on Monday, killing nine people. It happened near the town of Saraqib.", "Saraqib"),
        ("Gunmen stormed a checkpoint at dawn. The attack took place in the village of Anadan.", "Anadan"),
        (
            "Two soldiers were killed on Friday. The fighting pitted the army against rebels in Maarat al-Numan.",
            "Maarat",
        ),
    ],
)
def test_a_sentence_saying_where_the_act_took_place_lends_its_place(
    text: str, place: str, gazetteer: Gazetteer
) -> None:
    assert any(place in name for name in lent_to_the_first_report(text, gazetteer))


@pytest.mark.parametrize(
    "text",
    [
        # a new act, not the one told before ("a" attack, not "the")
        "Warplanes bombed a bakery on Monday, killing nine people. A protest took place in the town of Saraqib.",
        # a sentence about something else entirely
        "Warplanes bombed a bakery on Monday, killing nine people. The governor lives in the town of Saraqib.",
        # "that" of a relative clause points at its own noun, not at the act told before
        "Rebels handed over their weapons on Monday. They followed deals that took place earlier in Binnish.",
        # a country named besides says whose backing, not where the act was
        "Rebels shelled a checkpoint on Monday. The clashes pitted rebels backed by Qatar against the army.",
    ],
)
def test_a_sentence_telling_something_else_lends_nothing(text: str, gazetteer: Gazetteer) -> None:
    assert lent_to_the_first_report(text, gazetteer) == []


def test_only_a_sentence_pointing_back_at_the_act_is_read() -> None:
    doc = parse_text("The raid happened near Binnish. Elections happened in Binnish.")
    first, second = list(doc.sents)
    assert [pm.text for pm in continuing_places(first, "t.txt")] == ["Binnish"]
    assert continuing_places(second, "t.txt") == []
