"""sitrep's entity ruler sets the same entities as spaCy's."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language

from sitrep.nlp import components  # noqa: F401  (registers the factories)

PATTERNS: list[dict[str, Any]] = [
    {"label": "ORG", "pattern": [{"ORTH": "SDF"}], "id": "Syrian Democratic Forces"},
    {"label": "ORG", "pattern": [{"ORTH": "UN"}, {"ORTH": "OCHA"}], "id": "OCHA"},
    {"label": "GPE", "pattern": [{"ORTH": "UN"}], "id": "United Nations"},
    {"label": "ORG", "pattern": "Syrian Democratic Forces", "id": "Syrian Democratic Forces"},
    {"label": "ORG", "pattern": "al-Mayadeen", "id": "Al Mayadeen"},
    {"label": "FAC", "pattern": "Ain al-Assad", "id": "Ain al-Asad Air Base"},
    {"label": "FAC", "pattern": "Ain al-Assad air base", "id": "Ain al-Asad Air Base"},
    {"label": "ORG", "pattern": [{"ORTH": "Hamas"}], "id": "Hamas"},
    {"label": "NORP", "pattern": "hamas", "id": "Hamas supporters"},  # the same span as the token pattern
]
TEXTS = [
    "The SDF said UN OCHA staff left Ain al-Assad air base, Al-Mayadeen reported. The UN and the sdf denied it.",
    "Hamas fighters and HAMAS officials met the Syrian Democratic Forces near ain al-assad.",
    "Nothing here.",
]


def _pipeline(factory: str, patterns: list[dict[str, Any]]) -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(factory, config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


def _entities(nlp: Language, text: str) -> list[tuple[int, int, str, str]]:
    return [(e.start, e.end, e.label_, e.ent_id_) for e in nlp(text).ents]


@pytest.mark.parametrize(
    "patterns", [PATTERNS, [*PATTERNS, {"label": "ORG", "pattern": [{"LOWER": "hts"}], "id": "HTS"}]]
)
@pytest.mark.parametrize("text", TEXTS)
def test_same_entities_as_spacys_entity_ruler(patterns: list[dict[str, Any]], text: str) -> None:
    expected = _entities(_pipeline("entity_ruler", patterns), text)
    assert _entities(_pipeline("sitrep_entity_ruler", patterns), text) == expected


def test_removing_patterns() -> None:
    ours, spacys = _pipeline("sitrep_entity_ruler", PATTERNS), _pipeline("entity_ruler", PATTERNS)
    for nlp in (ours, spacys):
        nlp.get_pipe("sitrep_entity_ruler" if nlp is ours else "entity_ruler").remove("OCHA")  # type: ignore[attr-defined]
    assert _entities(ours, TEXTS[0]) == _entities(spacys, TEXTS[0])
