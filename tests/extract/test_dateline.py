"""Datelines: where a report was filed, read from the start of its first paragraph."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract import extract_document
from sitrep.extract.dateline import find_dateline
from sitrep.ingest.document import DocumentMeta, build_document
from sitrep.nlp import load_pipeline


def dateline_of(text: str) -> str | None:
    document = build_document(text, "t.txt", DocumentMeta(outlet="Wire", published=dt.date(2025, 1, 29)))
    found = find_dateline(document)
    if found is None:
        return None
    place = found.place
    assert document.text[place.span.start : place.span.end] == place.text
    assert found.span.start <= place.span.start and place.span.end < found.span.end
    return place.text


@pytest.mark.parametrize(
    ("first_paragraph", "place"),
    [
        ("GOMA, Jan 29 (Reuters) - M23 rebels consolidated control of the city on Wednesday.", "GOMA"),
        ("QAMISHLI, Syria (North Press) – Two members of the Asayish were killed on Sunday.", "QAMISHLI"),
        ("Marib (Saba) - The army repelled an attack on Sunday.", "Marib"),
        ("KIRKUK, Iraq — Four people were killed on Saturday.", "KIRKUK"),
        ("MOSCOW, September 2. /TASS/. Units of the Battlegroup Center have liberated a village.", "MOSCOW"),
        ("(Nairobi, July 23, 2024) – Soldiers executed at least 20 men, Human Rights Watch said.", "Nairobi"),
        ("DEIR AL-BALAH, Gaza Strip (AP) — An airstrike hit a house.", "DEIR AL-BALAH"),
    ],
)
def test_datelines_in_wire_and_agency_styles(first_paragraph: str, place: str) -> None:
    text = f"Headline about the war\n\n{first_paragraph}\n\nMore text follows here."
    assert dateline_of(text) == place


@pytest.mark.parametrize(
    "first_paragraph",
    [
        "Israeli missiles hit military sites south of Damascus late on Tuesday, state media said.",
        "Gunmen killed 12 villagers in Borno state on Saturday - residents said the attack lasted hours.",
    ],
)
def test_an_ordinary_first_sentence_has_no_dateline(first_paragraph: str) -> None:
    assert dateline_of(f"Headline about the war\n\n{first_paragraph}") is None


def test_the_date_in_a_dateline_is_not_the_event_date() -> None:
    text = (
        "Attack in western Niger\n\n"
        "NIAMEY, June 27 (Reuters) - Twenty soldiers were killed on Tuesday when armed men attacked a "
        "military position near the town of Tera."
    )
    document = build_document(text, "t.txt", DocumentMeta(outlet="Reuters", published=dt.date(2024, 6, 27)))
    (mention,) = extract_document(document, load_pipeline()(document.text)).mentions
    assert mention.date is not None and mention.date.start == dt.date(2024, 6, 25)
