"""Dictionaries, lexicons and the ontology, shipped as data files (see PROVENANCE)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent
# libyaml's loader reads the same documents as the pure-Python one about ten times faster; PyYAML is built
# without it on some platforms.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_path(*parts: str) -> Path:
    return DATA_DIR.joinpath(*parts)


@functools.cache
def load_yaml(name: str) -> Any:
    with data_path(name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)


class LexiconError(KeyError):
    """A word list a rule asks for is missing or malformed in its language's lexicon file."""


@functools.cache
def word_set(lang: str, topic: str, name: str) -> frozenset[str]:
    """The word list `name` of `data/<lang>/<topic>.yaml`: a language is data, so rules ask for words by name.

    Each entry of a lexicon file is `name: {doc: why these words, words: [...]}`; the doc states the
    general pattern the list serves. Words are lower-cased lemmas or forms, as the rule using them says.
    """
    path = data_path(lang, f"{topic}.yaml")
    if not path.is_file():
        raise LexiconError(f"{path}: no lexicon {topic!r} for language {lang!r}")
    entry = load_yaml(f"{lang}/{topic}.yaml").get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("words"), list):
        raise LexiconError(f"{path}: no word list {name!r} (an entry is {{doc: ..., words: [...]}})")
    return frozenset(str(word) for word in entry["words"])
