"""Word lists are data: a rule asks for one by name, and a missing name is an error naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.data import LexiconError, data_path, load_yaml, word_set


def test_a_missing_lexicon_or_list_is_named() -> None:
    with pytest.raises(LexiconError, match="no lexicon 'nonexistent'"):
        word_set("en", "nonexistent", "anything")


# Beside the lexicons, a language folder holds its settings (pipeline.yaml) and its syntax adapter (syntax.yaml).
NOT_LEXICONS = {"pipeline.yaml", "syntax.yaml"}


@pytest.mark.parametrize(
    "path", sorted(p for p in data_path("en").glob("*.yaml") if p.name not in NOT_LEXICONS), ids=lambda p: p.name
)
def test_every_english_word_list_has_a_doc_and_words(path: Path) -> None:
    topic = path.stem
    entries = load_yaml(f"en/{topic}.yaml")
    assert entries, f"{path} has no word list"
    for name, entry in entries.items():
        assert set(entry) == {"doc", "words"}, f"{path}: {name} has keys {sorted(entry)}"
        assert str(entry["doc"]).strip(), f"{path}: {name} says nothing of why"
        assert word_set("en", topic, name), f"{path}: {name} is empty"
