"""Word lists are data: a rule asks for one by name, and a missing name is an error naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.data import LexiconError, data_path, load_yaml, word_set


def test_a_missing_lexicon_or_list_is_named() -> None:
    with pytest.raises(LexiconError, match="no lexicon 'nonexistent'"):
        word_set("en", "nonexistent", "anything")


@pytest.mark.parametrize("path", sorted(data_path("en").glob("*.yaml")), ids=lambda p: p.name)
def test_every_english_word_list_has_a_doc_and_words(path: Path) -> None:
    topic = path.stem
    entries = load_yaml(f"en/{topic}.yaml")
    assert entries, f"{path} has no word list"
    for name, entry in entries.items():
        assert set(entry) == {"doc", "words"}, f"{path}: {name} has keys {sorted(entry)}"
        assert str(entry["doc"]).strip(), f"{path}: {name} says nothing of why"
        assert word_set("en", topic, name), f"{path}: {name} is empty"
