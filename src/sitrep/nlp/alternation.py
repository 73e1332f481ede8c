"""Regex alternations of long word lists, written as a trie.

``(?:al-qaeda|al-shabaab|...)`` with a thousand words makes the regex engine try every word at every position
of the text. Written as a trie (``al\\-(?:qaeda|shabaab)``) each character is tried once per branch. Where words
ending at one position compete, the trie tries the longer first, as an alternation sorted longest first does,
so the two patterns match the same text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_Trie = dict[str, "_Trie"]
_END = ""  # a word ends at this node


def trie_alternation(words: Iterable[Sequence[str]]) -> str:
    """A non-capturing alternation of ``words``, each a sequence of regex pieces (an escaped character, or a
    separator such as ``[\\s\\-]+``). No two pieces that follow the same prefix may match the same text (with
    ``re.IGNORECASE``: words in lower case), so that the text decides which branch is taken."""
    trie: _Trie = {}
    for word in words:
        node = trie
        for piece in word:
            node = node.setdefault(piece, {})
        node[_END] = {}

    def emit(node: _Trie) -> str:
        branches = [piece + emit(child) for piece, child in node.items() if piece != _END]
        if _END in node:
            branches.append("")  # last: the longer words through this node are tried first
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie) if trie else ""  # no words: the empty alternation


def word_alternation(words: Iterable[str]) -> str:
    """A non-capturing alternation of a short word list: longest first (so that "car bomb" is tried before "car"),
    each word escaped, a space in a word matching any whitespace. Long lists want ``trie_alternation``."""
    ordered = sorted(dict.fromkeys(str(w) for w in words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace("\\ ", "\\s+") for w in ordered) + ")"
