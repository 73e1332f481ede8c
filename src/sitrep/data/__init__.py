"""Dictionaries, lexicons and the ontology, shipped as data files (see PROVENANCE)."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent
_PACKAGE_DIR = DATA_DIR.parent
# libyaml's loader reads the same documents as the pure-Python one about ten times faster; PyYAML is built
# without it on some platforms.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# What a file's check depends on besides the file itself: the schemas and the vocabularies they use.
_SCHEMA_SOURCES = ("data/schemas.py", "data/ontology_types.py", "model.py")


def data_path(*parts: str) -> Path:
    return DATA_DIR.joinpath(*parts)


@functools.cache
def load_yaml(name: str) -> Any:
    """The data file ``name`` (a path under data/, e.g. "geo/scoring.yaml"), checked against its schema.

    The schema (sitrep.data.schemas) rejects unknown keys and names that the ontology lacks; a file that does not
    match raises DataFileError naming the file and the key path. Callers get the plain loaded data, read once per
    process.
    """
    content = data_path(name).read_bytes()
    loaded = yaml.load(content, Loader=_LOADER)
    marker = _checked_marker(name, content)
    if marker is None or not marker.exists():
        # Imported here: building the schemas costs about as much as reading every data file, so a process
        # whose files were checked before (same bytes, same schemas) skips it.
        from sitrep.data.schemas import validate

        validate(name, loaded)
        _remember(marker)
    return loaded


@functools.cache
def _schema_fingerprint() -> str:
    digest = hashlib.sha256()
    for source in _SCHEMA_SOURCES:
        digest.update(_PACKAGE_DIR.joinpath(source).read_bytes())
    return digest.hexdigest()


def _checked_marker(name: str, content: bytes) -> Path | None:
    """Where a passed check of this file's bytes under these schemas is recorded; None when checks are not kept.

    ``$SITREP_DATA_CHECKS`` names the folder (empty: check every time); the default is ~/.cache/sitrep/checked/.
    """
    folder = os.environ.get("SITREP_DATA_CHECKS", str(Path.home() / ".cache" / "sitrep" / "checked"))
    if not folder:
        return None
    digest = hashlib.sha256(_schema_fingerprint().encode() + name.encode() + b"\0" + content).hexdigest()
    return Path(folder) / digest


def _remember(marker: Path | None) -> None:
    if marker is None:
        return
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        marker.touch()
    except OSError:  # a read-only home: the check is simply made again next time
        pass


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
