"""Loading a language's pipeline (English for now) with sitrep's entity ruler in front of ``ner``.

The stock model tags "Al Mayadeen" and "Ain al-Assad" as PERSON; the ruler,
fed from ``sitrep/data`` (actors, outlets, military sites), fixes that before
the statistical NER sees the text, since ``ner`` keeps entities already set.
"""

from __future__ import annotations

import functools
import gc
import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp import components as _components  # noqa: F401  (registers the components)
from sitrep.nlp.language import DEFAULT_LANGUAGE, language_settings
from sitrep.nlp.patterns import entity_ruler_patterns

# The English model package, as data/en/pipeline.yaml names it.
MODEL_PACKAGE = language_settings(DEFAULT_LANGUAGE).model_package
# Components the extractors use; the rest are not loaded.
DISABLED: tuple[str, ...] = ()
# Objects allocated between two collections of the young generation (``settle_collector``).
YOUNG_GENERATION = 10_000
# spaCy's parser and NER need about 1 GB of memory per 100,000 characters at once: a longer text is parsed in
# pieces cut at paragraph (else sentence, else word) ends and joined into one Doc, its offsets unchanged.
PIECE_CHARS = 100_000


@dataclass(frozen=True)
class ModelInfo:
    package: str
    name: str
    version: str
    spacy_version: str
    path: str
    components: tuple[str, ...]


@functools.cache
def load_pipeline(lang: str = DEFAULT_LANGUAGE) -> Language:
    """The shared pipeline of ``lang``: sentences, POS, lemmas, parse, entity ruler, NER.

    The model package comes from `data/<lang>/pipeline.yaml`; a language without one is an
    `UnsupportedLanguageError` naming it.
    """
    module: Any = importlib.import_module(language_settings(lang).model_package)
    nlp: Language = module.load(exclude=list(DISABLED))
    nlp.add_pipe("paragraph_boundaries", before="parser")
    ruler = nlp.add_pipe(
        "sitrep_entity_ruler", name="sitrep_entities", before="ner", config={"phrase_matcher_attr": "LOWER"}
    )
    ruler.add_patterns(entity_ruler_patterns())  # type: ignore[attr-defined]
    settle_collector()
    return nlp


def settle_collector() -> None:
    """Garbage collection for a process that parses: parsing and extraction make many short-lived containers, so
    the young generation is collected at ``YOUNG_GENERATION`` objects, not 700, and the model's objects are scanned
    far less often. On an ingest of 152 articles the collector's CPU went 1.24 -> 0.44 s (of 17-19 s). Freezing the
    model out of the collector (``gc.freeze``) saved a little more there but made full collections frequent in a
    process that then holds a large store's worth of objects (``benchmarks/resolve_curve.py`` at 100k documents: 3x
    the CPU per document): the collector's own rule, a full collection only when the long-lived objects have grown
    by a quarter, needs them counted. No result depends on when garbage is collected (nothing in sitrep finalises or
    holds weak references)."""
    young, middle, old = gc.get_threshold()
    if 0 < young < YOUNG_GENERATION:  # 0: the collector is off, and stays so
        gc.set_threshold(YOUNG_GENERATION, middle, old)


def parse_text(text: str, piece_chars: int = PIECE_CHARS) -> Doc:
    """The parsed text, however long (up to the readers' size limit), as one Doc with the text's own offsets."""
    nlp = load_pipeline()
    if len(text) <= piece_chars:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(text_pieces(text, piece_chars))), ensure_whitespace=False)


def text_pieces(text: str, size: int) -> list[str]:
    """Consecutive slices of ``text`` (joined they give it back) of at most ``size`` characters, each cut after a
    line break, else after a sentence end, else after a space, in its second half when there is one."""
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            floor = start + size // 2
            cut = max(text.rfind("\n", floor, end), -1)
            if cut < 0:
                cut = text.rfind(". ", floor, end - 1)
                cut = cut + 1 if cut >= 0 else text.rfind(" ", floor, end)
            end = cut + 1 if cut >= 0 else end
        pieces.append(text[start:end])
        start = end
    return pieces


def model_info() -> ModelInfo:
    module: Any = importlib.import_module(MODEL_PACKAGE)
    path = Path(module.__file__).parent
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    nlp = load_pipeline()
    return ModelInfo(
        package=MODEL_PACKAGE,
        name=f"{meta['lang']}_{meta['name']}",
        version=meta["version"],
        spacy_version=spacy.about.__version__,
        path=str(path),
        components=tuple(nlp.pipe_names),
    )
