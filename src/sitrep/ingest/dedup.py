"""Near-duplicate detection: 64-bit SimHash over word shingles.

Exact duplicates share a content hash; near duplicates (a republished wire
story with a changed headline or a trailing link) differ in a few bits.
"""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
# Measured on re-published wire copy: edits of a sentence or two stay within 6 bits.
NEAR_DUPLICATE_BITS = 6


def simhash(text: str) -> int:
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    weights = [0] * 64
    for shingle in shingles:
        value = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def is_near_duplicate(a: int, b: int) -> bool:
    return hamming(a, b) <= NEAR_DUPLICATE_BITS
