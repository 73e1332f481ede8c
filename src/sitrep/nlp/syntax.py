"""Syntax adapter: the grammatical roles rules ask for by name, mapped to one parser's labels by data.

Rules test `token.dep_ in DEP.subject`, never `token.dep_ == "nsubj"`: the labels of each role (dependency
relations, parts of speech, fine tags, entity types) come from `data/<lang>/syntax.yaml`, so a language whose
parser labels differently is an entry there, not a rewrite of the rules. A role missing from the file, or a
name the code does not know, is an error naming the file.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from typing import Any, TypeVar

from sitrep.data import data_path, load_yaml
from sitrep.nlp.language import DEFAULT_LANGUAGE, language_settings


class SyntaxAdapterError(ValueError):
    """A language's syntax.yaml lacks a role the rules use, or names one they do not know."""


@dataclass(frozen=True)
class Dependencies:
    """Dependency roles: the labels a parse gives each grammatical relation."""

    root: frozenset[str]
    subject: frozenset[str]
    passive_subject: frozenset[str]
    direct_object: frozenset[str]
    dative: frozenset[str]
    attribute: frozenset[str]
    preposition: frozenset[str]
    prepositional_object: frozenset[str]
    prepositional_complement: frozenset[str]
    agent: frozenset[str]
    conjunct: frozenset[str]
    coordinator: frozenset[str]
    preconjunct: frozenset[str]
    clausal_modifier: frozenset[str]
    relative_clause: frozenset[str]
    open_complement: frozenset[str]
    clausal_complement: frozenset[str]
    adverbial_clause: frozenset[str]
    parataxis: frozenset[str]
    marker: frozenset[str]
    possessive: frozenset[str]
    apposition: frozenset[str]
    adjectival_modifier: frozenset[str]
    compound: frozenset[str]
    nominal_modifier: frozenset[str]
    noun_phrase_adverbial: frozenset[str]
    adverbial_modifier: frozenset[str]
    object_predicate: frozenset[str]
    adjectival_complement: frozenset[str]
    flat_name: frozenset[str]
    determiner: frozenset[str]
    predeterminer: frozenset[str]
    numeric_modifier: frozenset[str]
    quantifier_modifier: frozenset[str]
    case_marker: frozenset[str]
    auxiliary: frozenset[str]
    passive_auxiliary: frozenset[str]
    negation: frozenset[str]
    punctuation: frozenset[str]


@dataclass(frozen=True)
class PartsOfSpeech:
    """Parts of speech, as the tagger's coarse classes."""

    verb: frozenset[str]
    auxiliary: frozenset[str]
    noun: frozenset[str]
    proper_noun: frozenset[str]
    pronoun: frozenset[str]
    adjective: frozenset[str]
    adposition: frozenset[str]
    punctuation: frozenset[str]


@dataclass(frozen=True)
class Tags:
    """Fine-grained tags (number, tense) the rules ask for."""

    plural_noun: frozenset[str]
    present_verb: frozenset[str]
    past_participle: frozenset[str]
    gerund: frozenset[str]


@dataclass(frozen=True)
class EntityLabels:
    """Named-entity types."""

    person: frozenset[str]
    organisation: frozenset[str]
    nationality: frozenset[str]
    political_place: frozenset[str]
    place: frozenset[str]
    facility: frozenset[str]
    date: frozenset[str]
    time: frozenset[str]


@dataclass(frozen=True)
class Syntax:
    """One language's labels for every role, by kind."""

    dep: Dependencies
    pos: PartsOfSpeech
    tag: Tags
    ent: EntityLabels


_Section = TypeVar("_Section")
_SECTIONS: dict[str, type[Any]] = {
    "dep": Dependencies,
    "pos": PartsOfSpeech,
    "tag": Tags,
    "ent": EntityLabels,
}
_KEYS = {"dep": "dependencies", "pos": "parts_of_speech", "tag": "tags", "ent": "entities"}


def _section(cls: type[_Section], raw: object, where: str) -> _Section:
    if not isinstance(raw, dict):
        raise SyntaxAdapterError(f"{where}: expected a mapping of role names")
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    missing, unknown = sorted(fields - raw.keys()), sorted(raw.keys() - fields)
    if missing or unknown:
        raise SyntaxAdapterError(f"{where}: roles missing {missing}, unknown {unknown}")
    labels: dict[str, frozenset[str]] = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("labels"), list) or not entry.get("doc"):
            raise SyntaxAdapterError(f"{where}.{name}: an entry is {{doc: ..., labels: [...]}}")
        labels[name] = frozenset(str(label) for label in entry["labels"])
    return cls(**labels)


@functools.cache
def syntax(lang: str = DEFAULT_LANGUAGE) -> Syntax:
    """The labels of ``lang``'s parser for every role the rules use (an unsupported language is an error)."""
    language_settings(lang)
    path = data_path(lang, "syntax.yaml")
    if not path.is_file():
        raise SyntaxAdapterError(f"{path}: no syntax adapter for language {lang!r}")
    raw = load_yaml(f"{lang}/syntax.yaml")
    if not isinstance(raw, dict):
        raise SyntaxAdapterError(f"{path}: expected a mapping")
    return Syntax(
        **{attr: _section(cls, raw.get(_KEYS[attr]), f"{path}: {_KEYS[attr]}") for attr, cls in _SECTIONS.items()}
    )


ENGLISH = syntax("en")
DEP = ENGLISH.dep
POS = ENGLISH.pos
TAG = ENGLISH.tag
ENT = ENGLISH.ent
