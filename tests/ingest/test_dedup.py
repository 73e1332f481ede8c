"""SimHash fingerprints: each bit is set where most of the text's 4-word shingles' hashes set it."""

from __future__ import annotations

import hashlib
import random

from sitrep.ingest.dedup import _WORD, SHINGLE, simhash


def bit_by_bit(text: str) -> int:
    """The definition, one shingle and one bit at a time (the stored fingerprints were made this way)."""
    words = [w.lower() for w in _WORD.findall(text)]
    shingles = [" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    weights = [0] * 64
    for shingle in shingles:
        value = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


def test_fingerprints_are_those_the_definition_gives_so_stored_ones_stay_comparable() -> None:
    rng = random.Random(5)
    vocabulary = ["shelling", "hit", "the", "town", "of", "Kidal", "on", "Monday", "killing", "two", "civilians"]
    texts = ["", "one", "two words", "exactly four words here", "Ein Satz auf Deutsch, mit Umlauten: Größe."]
    texts += [" ".join(rng.choice(vocabulary) for _ in range(rng.randrange(60))) for _ in range(200)]
    assert [simhash(t) for t in texts] == [bit_by_bit(t) for t in texts]
