"""The source-phrase rules of attribution (cascade `attribution.phrase_sources`), each alone on an invented
sentence: who "it", "a resident", "spokesman Ali Hassan" or "an army statement" names as a source."""

from __future__ import annotations

import pytest

from sitrep.extract.attribution import PHRASE_SOURCES, _Phrase, _resolve_phrase
from sitrep.model import AttributionChain, Source
from sitrep.nlp import load_pipeline


def phrase(sentence: str, head: str, previous: AttributionChain | None = None) -> _Phrase:
    token = next(t for t in load_pipeline()(sentence) if t.text == head)
    return _Phrase(token, "t.txt", previous)


def answer(rule: str, sentence: str, head: str, previous: AttributionChain | None = None) -> list[tuple[str, str]]:
    sources = PHRASE_SOURCES.named()[rule](phrase(sentence, head, previous))
    assert sources is not None, f"{rule} does not apply to {head!r}"
    return [(s.name, s.kind) for s in sources]


@pytest.mark.parametrize(
    ("rule", "sentence", "head", "expected"),
    [
        ("pronoun", "Someone said the convoy was hit.", "Someone", []),
        ("partitive_whole", "One of the residents said the market was hit.", "One", [("residents", "unnamed")]),
        ("not_a_source", "The decision said nothing about the raid.", "decision", []),
        ("document_issuer", "An army statement said the convoy was hit.", "statement", [("army", "organisation")]),
        ("member_of_group", "A member of Hamas said the convoy was hit.", "member", [("Hamas", "organisation")]),
        (
            "outlet_reporter",
            "An Al Jazeera correspondent said the convoy was hit.",
            "correspondent",
            [("Al Jazeera", "outlet")],
        ),
        ("unnamed", "A source close to the talks said the convoy was hit.", "source", [("unnamed sources", "unnamed")]),
        ("witness", "A resident said the convoy was hit.", "resident", [("residents", "unnamed")]),
        (
            "witness",
            "A resident who spoke on condition of anonymity said the convoy was hit.",
            "resident",
            [("unnamed sources", "unnamed")],
        ),
        ("named_person", "Spokesman Ali Hassan said the convoy was hit.", "Hassan", [("Ali Hassan", "official")]),
        ("outlet", "Reuters reported that the convoy was hit.", "Reuters", [("Reuters", "outlet")]),
        ("official_title", "The governor said the convoy was hit.", "governor", [("governor", "official")]),
        (
            "named_entity",
            "The Karama Committee said the convoy was hit.",
            "Committee",
            [("Karama Committee", "organisation")],
        ),
    ],
)
def test_each_rule_names_the_source_of_its_pattern(
    rule: str, sentence: str, head: str, expected: list[tuple[str, str]]
) -> None:
    assert answer(rule, sentence, head) == expected
    # and the cascade, in its declared order, gives the same answer
    resolved = _resolve_phrase(phrase(sentence, head).head, "t.txt", None)
    assert [(s.name, s.kind) for s in resolved] == expected


def test_pronoun_it_is_the_source_of_the_statement_before_without_its_publisher() -> None:
    before = AttributionChain([Source("Ali Hassan", "official", None), Source("Wire", "publisher", None)])
    assert answer("pronoun", "It said the convoy was hit.", "It", before) == [("Ali Hassan", "official")]


@pytest.mark.parametrize(
    ("rule", "sentence", "head"),
    [
        ("pronoun", "A resident said the convoy was hit.", "resident"),
        ("witness", "The governor said the convoy was hit.", "governor"),
        ("named_person", "The governor said the convoy was hit.", "governor"),
        ("outlet", "A resident said the convoy was hit.", "resident"),
        ("official_title", "A resident said the convoy was hit.", "resident"),
    ],
)
def test_a_rule_outside_its_pattern_does_not_answer(rule: str, sentence: str, head: str) -> None:
    assert PHRASE_SOURCES.named()[rule](phrase(sentence, head)) is None
