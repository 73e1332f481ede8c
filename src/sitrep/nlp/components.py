"""Pipeline components of sitrep's own, registered by name as spaCy does."""

from __future__ import annotations

import contextlib
import itertools
import warnings
from typing import Any, cast

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc

Match = tuple[int, int, int]  # (match id, start token, end token)
# Token attributes the tokenizer sets alone: phrase patterns matched on them need no other component.
_TOKENIZER_ATTRS = frozenset({None, "ORTH", "TEXT", "LOWER", "NORM"})


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break starts a new sentence: no sentence spans a headline, a caption and the body."""
    for previous, token in itertools.pairwise(doc):
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


class WordSequenceEntityRuler(EntityRuler):
    """spaCy's entity ruler, with its exact word-sequence token patterns (``[{"ORTH": "SDF"}]``) matched by a
    PhraseMatcher on ORTH: the Matcher tries every token pattern at every token, and with a few hundred
    case-sensitive aliases it took as long as the statistical NER. The entities set are the same: both find
    the same (pattern, start, end) matches, and the ruler ranks them by length and position alone unless two
    patterns match one span, which is left to spaCy's own ``match``."""

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        # spaCy makes each phrase pattern a Doc by running every component before the ruler (tagger, parser...)
        # over it; matched on a tokenizer attribute, the tokenizer alone gives the same Doc, in a fraction of
        # the start-up time (thousands of aliases).
        others = [name for name in self.nlp.pipe_names if name != self.name]
        needs_pipes = self.phrase_matcher_attr not in _TOKENIZER_ATTRS
        with contextlib.nullcontext() if needs_pipes else self.nlp.select_pipes(disable=others):
            super().add_patterns(patterns)
        self._index_word_sequences()

    def clear(self) -> None:
        super().clear()
        self._index_word_sequences()

    def remove(self, ent_id: str) -> None:
        super().remove(ent_id)
        self._index_word_sequences()

    def _index_word_sequences(self) -> None:
        self._sequences = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._only_sequences = True  # else the Matcher is needed for the other token patterns
        for label, token_patterns in self.token_patterns.items():
            for pattern in token_patterns:
                if pattern and all(set(spec) == {"ORTH"} and isinstance(spec["ORTH"], str) for spec in pattern):
                    self._sequences.add(label, [Doc(self.nlp.vocab, words=[spec["ORTH"] for spec in pattern])])
                else:
                    self._only_sequences = False

    def match(self, doc: Doc) -> list[Match]:
        if not self._only_sequences:
            return cast(list[Match], super().match(doc))
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            matches: list[Match] = [*self._sequences(doc), *self.phrase_matcher(doc)]
        final = {(match_id, start, end) for match_id, start, end in matches if start != end}
        if len({(start, end) for _, start, end in final}) < len(final):
            return cast(
                list[Match], super().match(doc)
            )  # two patterns on one span: the winner depends on spaCy's match order
        return sorted(final, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)


@Language.factory(
    "sitrep_entity_ruler",
    default_config={"phrase_matcher_attr": None, "overwrite_ents": False, "ent_id_sep": "||"},
)
def make_entity_ruler(
    nlp: Language, name: str, phrase_matcher_attr: str | None, overwrite_ents: bool, ent_id_sep: str
) -> WordSequenceEntityRuler:
    return WordSequenceEntityRuler(
        nlp, name, phrase_matcher_attr=phrase_matcher_attr, overwrite_ents=overwrite_ents, ent_id_sep=ent_id_sep
    )
