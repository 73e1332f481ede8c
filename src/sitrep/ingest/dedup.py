"""Near-duplicate detection: 64-bit SimHash over word shingles.

Exact duplicates share a content hash; near duplicates (a republished wire
story with a changed headline or a trailing link) differ in a few bits.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 4
# Measured on re-published wire copy: edits of a sentence or two stay within 6 bits.
NEAR_DUPLICATE_BITS = 6


def simhash(text: str) -> int:
    """Each bit is set where more of the text's 4-word shingles' hashes have it set than not."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    digests = b"".join(hashlib.blake2b(shingle.encode(), digest_size=8).digest() for shingle in shingles)
    # One row of 64 bits per shingle, most significant first (the digest read as a big-endian number).
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(len(shingles), 64)
    majority = 2 * bits.sum(axis=0, dtype=np.int64) > len(shingles)
    return sum(1 << (63 - column) for column in np.flatnonzero(majority).tolist())


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def is_near_duplicate(a: int, b: int) -> bool:
    return hamming(a, b) <= NEAR_DUPLICATE_BITS
