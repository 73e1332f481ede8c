"""A trie alternation matches what the flat alternation, longest word first, matches."""

from __future__ import annotations

import re

import pytest

from sitrep.nlp.alternation import trie_alternation

WORDS = ["al", "al-qaeda", "al-qaeda in iraq", "is", "isis", "isil", "isis-k", "hts", "h.t.s", "rsf", "rsf (sudan)"]
TEXTS = [
    "ISIS-K and Al-Qaeda in Iraq, al-Qaeda in Syria and AL-QAEDA; isis's cells; Isil-linked; HTS, h.t.s. and H.T.S",
    "the RSF (Sudan) and the rsf (sudan side); alqaeda; is-is; is isis isil isi",
    "",
]


def _flat(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _trie(words: list[str]) -> str:
    return trie_alternation([re.escape(c) for c in w] for w in words)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("before", "after"), [(r"(?<![\w-])", r"(?![\w-])"), ("", ""), (r"\b", r"\b")])
def test_same_matches_as_the_flat_alternation(text: str, before: str, after: str) -> None:
    flat = re.compile(before + _flat(WORDS) + after, re.IGNORECASE)
    trie = re.compile(before + _trie(WORDS) + after, re.IGNORECASE)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_separator_pieces() -> None:
    separator = r"[\s\-]+"
    forms = [["s", "o", separator, "c", "a", "l", "l", "e", "d"], ["s", "o"]]
    pattern = re.compile(r"(?<!\w)" + trie_alternation(forms) + r"(?!\w)", re.IGNORECASE)
    found = [m.group(0) for m in pattern.finditer("the so-called, So  Called and so ")]
    assert found == ["so-called", "So  Called", "so"]


def test_no_words_is_the_empty_alternation() -> None:
    assert re.fullmatch(trie_alternation([]), "") is not None
