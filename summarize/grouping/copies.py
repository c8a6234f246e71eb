"""Copies of one text: stable hashes of lines and words, Charikar's SimHash of a text's
shingles, and an index that finds an earlier fingerprint within a few bits (Manku, Jain &
Das Sarma 2007). Grouping uses them to know a republished story before comparing words."""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence

import numpy as np

from summarize.text.words import tokenize


def line_hashes(lines: Sequence[str]) -> np.ndarray:
    """A stable 32-bit hash of each line (CRC-32: only ever compared for equality)."""
    return np.fromiter((zlib.crc32(line.encode("utf-8", "surrogatepass")) for line in lines),
                       dtype=np.uint32, count=len(lines))


_WORD_HASHES: dict[str, int] = {}


def _word_hashes(words: Sequence[str]) -> np.ndarray:
    """A stable 64-bit hash of each word (Python's own `hash` changes from run to run)."""
    known = _WORD_HASHES
    if len(known) > 2_000_000:  # a long-lived process reading many languages
        known.clear()
    for word in set(words).difference(known):
        known[word] = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(),
                                     "little")
    return np.fromiter(map(known.__getitem__, words), dtype=np.uint64, count=len(words))


def simhash(words: Sequence[str]) -> int:
    """Charikar's 64-bit SimHash of a text's 3-word shingles, each counted once: copies of
    a text get fingerprints that differ in few bits. Shingles, not words: two articles
    on one story share most words, but only copies share most word sequences."""
    hashes = _word_hashes(list(words) + [""] * (3 - len(words)))
    with np.errstate(over="ignore"):  # multiplication modulo 2**64 is the point
        shingles = (hashes[:-2] * np.uint64(0x9E3779B97F4A7C15)
                    + hashes[1:-1] * np.uint64(0xC2B2AE3D27D4EB4F) + hashes[2:])
        # splitmix64's finalizer: every input bit moves every output bit
        shingles ^= shingles >> np.uint64(30)
        shingles *= np.uint64(0xBF58476D1CE4E5B9)
        shingles ^= shingles >> np.uint64(27)
        shingles *= np.uint64(0x94D049BB133111EB)
        shingles ^= shingles >> np.uint64(31)
    shingles = np.unique(shingles)
    bits = np.unpackbits(shingles.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1,
                         bitorder="little")  # column k: bit k
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > len(shingles)  # per bit, low first
    return int(np.packbits(majority, bitorder="little").view("<u8")[0])


def simhash_of(text: str) -> int:
    """The SimHash grouping gives a text."""
    return simhash(tokenize(text))


class CopyIndex:
    """Finds an earlier fingerprint within `bits` differing bits of a new one without
    comparing it with all of them (Manku, Jain & Das Sarma 2007): the 64 bits are cut
    into bits + 1 blocks, and two fingerprints that differ in at most `bits` bits agree
    on at least one whole block, so only those sharing a block are compared."""

    def __init__(self, bits: int, fingerprints: Sequence[int] = ()) -> None:
        self.bits = bits
        edges = [64 * k // (bits + 1) for k in range(bits + 2)]
        self.blocks = [(low, (1 << (high - low)) - 1) for low, high in zip(edges, edges[1:])]
        self.tables: list[dict[int, list[int]]] = [{} for _ in self.blocks]
        self.fingerprints: list[int] = []
        for fingerprint in fingerprints:
            self.add(fingerprint)

    def add(self, fingerprint: int) -> None:
        index = len(self.fingerprints)
        self.fingerprints.append(fingerprint)
        for table, (low, mask) in zip(self.tables, self.blocks):
            table.setdefault((fingerprint >> low) & mask, []).append(index)

    def closest(self, fingerprint: int) -> int | None:
        """The earliest of the nearest fingerprints within `bits`, or None."""
        candidates = set()
        for table, (low, mask) in zip(self.tables, self.blocks):
            candidates.update(table.get((fingerprint >> low) & mask, ()))
        found = [((self.fingerprints[c] ^ fingerprint).bit_count(), c) for c in candidates]
        best = min(found, default=None)
        return best[1] if best is not None and best[0] <= self.bits else None
