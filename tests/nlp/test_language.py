"""The language seam: a language is data (model package, lexicons, syntax labels), and an unknown one is named."""

from __future__ import annotations

import pytest

from sitrep.nlp import load_pipeline
from sitrep.nlp.language import UnsupportedLanguageError, language_settings, supported_languages
from sitrep.nlp.syntax import DEP, POS, Dependencies, SyntaxAdapterError, _section, syntax


def test_english_is_supported_and_names_its_model() -> None:
    assert "en" in supported_languages()
    assert language_settings("en").model_package


@pytest.mark.parametrize("lang", ["xx", "", "geo"])
def test_an_unsupported_language_is_an_error_naming_it(lang: str) -> None:
    with pytest.raises(UnsupportedLanguageError, match=repr(lang)):
        language_settings(lang)
    with pytest.raises(UnsupportedLanguageError, match=repr(lang)):
        load_pipeline(lang)


def test_rules_ask_for_roles_and_get_the_parsers_labels() -> None:
    doc = load_pipeline("en")("Gunmen attacked a village.")
    gunmen, attacked, _, village, _ = doc
    assert gunmen.dep_ in DEP.subject and village.dep_ in DEP.direct_object
    assert attacked.pos_ in POS.verb
    assert syntax("en").dep is DEP


def test_a_syntax_file_missing_a_role_or_naming_an_unknown_one_is_an_error() -> None:
    raw = {name: {"doc": "a role", "labels": ["x"]} for name in Dependencies.__dataclass_fields__}
    assert _section(Dependencies, raw, "syntax.yaml: dependencies").subject == frozenset({"x"})
    with pytest.raises(SyntaxAdapterError, match="missing \\['subject'\\]"):
        _section(Dependencies, {k: v for k, v in raw.items() if k != "subject"}, "syntax.yaml: dependencies")
    with pytest.raises(SyntaxAdapterError, match="unknown \\['subjekt'\\]"):
        _section(Dependencies, {**raw, "subjekt": {"doc": "typo", "labels": ["nsubj"]}}, "syntax.yaml")
    with pytest.raises(SyntaxAdapterError, match=r"syntax\.yaml\.subject"):
        _section(Dependencies, {**raw, "subject": {"labels": ["nsubj"]}}, "syntax.yaml")
