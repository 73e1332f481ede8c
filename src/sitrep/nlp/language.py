"""Languages sitrep reads: a language is a folder `data/<lang>/` whose `pipeline.yaml` names its parser model.

The folder also holds the language's lexicons (`<topic>.yaml`, read with `sitrep.data.word_set`) and the syntax
adapter's labels (`syntax.yaml`, read by `sitrep.nlp.syntax`); adding a language adds a folder, not code.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sitrep.data import DATA_DIR, data_path, load_yaml

DEFAULT_LANGUAGE = "en"


class UnsupportedLanguageError(ValueError):
    """A language sitrep has no `data/<lang>/pipeline.yaml` for."""


@dataclass(frozen=True)
class LanguageSettings:
    lang: str
    model_package: str  # the installed spaCy model package that parses the language


def supported_languages() -> tuple[str, ...]:
    """The languages with a `data/<lang>/pipeline.yaml`, sorted."""
    return tuple(sorted(path.parent.name for path in DATA_DIR.glob("*/pipeline.yaml")))


@functools.cache
def language_settings(lang: str = DEFAULT_LANGUAGE) -> LanguageSettings:
    """The settings of ``lang`` from its `pipeline.yaml`; an unsupported language is an error naming it."""
    if not lang or not data_path(lang, "pipeline.yaml").is_file():
        supported = ", ".join(supported_languages())
        raise UnsupportedLanguageError(f"language {lang!r} is not supported (supported: {supported})")
    raw = load_yaml(f"{lang}/pipeline.yaml")
    package = raw.get("model_package") if isinstance(raw, dict) else None
    if not isinstance(package, str) or not package:
        raise UnsupportedLanguageError(f"{data_path(lang, 'pipeline.yaml')}: no model_package for {lang!r}")
    return LanguageSettings(lang, package)
