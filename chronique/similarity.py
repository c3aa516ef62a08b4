"""Text fingerprints for duplicate detection: computed once per article at
extraction (and cached with it), compared across the corpus with LSH."""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from .text import fold

SHINGLE = 5
NUM_PERM = 64
SEED = 1
# One set of permutations for every fingerprint: datasketch would draw them per object.
SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def words_of(paragraphs) -> list[str]:
    return fold(" ".join(paragraphs)).split()


def shingles(words: list[str]) -> set[str]:
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def text_digest(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def fingerprint(words: list[str]) -> tuple[int, ...]:
    """MinHash signature of the text's 5-word shingles; empty for very short texts."""
    grams = shingles(words)
    if len(grams) < 10:
        return ()
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=_PERMUTATIONS, scheme=SCHEME)
    minhash.update_batch([g.encode() for g in sorted(grams)])
    return tuple(int(v) for v in minhash.hashvalues)


def as_minhash(signature: tuple[int, ...]) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        hashvalues=np.array(signature, dtype=np.uint64),
        permutations=_PERMUTATIONS,
        scheme=SCHEME,
    )
