"""Fast MinHash signatures for many documents, bit-identical to datasketch's ``affine32`` scheme.

datasketch's ``MinHash.update`` hashes and permutes one value at a time. Here a whole batch of
shingle hashes is pre-mixed (MurmurHash3's 32-bit finalizer, as datasketch does) and run through
all ``num_perm`` affine permutations ``a * h + b mod 2**32`` as one numpy array; a segmented
minimum gives every document's row. A row is what ``datasketch.MinHash(num_perm, seed,
scheme="affine32", hashfunc=int)`` holds after ``update`` with the same shingle hashes, so rows
go straight into datasketch's ``MinHashLSH`` as :class:`~datasketch.LeanMinHash`.

>>> hasher = MinHasher(num_perm=64, seed=1)
>>> sigs = hasher.signatures(["the cat sat on the mat", "the cat sat on the mat", "a dog"])
>>> sigs.shape, sigs.dtype.name
((3, 64), 'uint32')
>>> bool((sigs[0] == sigs[1]).all()), bool((sigs[0] == sigs[2]).all())
(True, False)
>>> hasher.lean(sigs[0]).jaccard(hasher.lean(sigs[1]))
1.0
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash

from .errors import ConfigError, check_share
from .shingles import Shingling, normalized_for, shingle_hashes_many

#: The datasketch permutation scheme every signature uses; saved indexes record it.
SCHEME = "affine32"
_EMPTY = np.uint32(0xFFFFFFFF)
#: More permutations buy little recall and cost time and space linearly (128 is usual).
MAX_NUM_PERM = 1024
# Shingles per block of the permutation step: bounds the (block, num_perm) scratch array.
_BLOCK = 1 << 15


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


@dataclass(frozen=True)
class MinHasher:
    """Signatures with ``num_perm`` permutations from ``seed`` (datasketch's ``affine32`` ones).

    ``signatures(texts)`` normalizes and shingles raw texts; ``signatures_from_hashes`` takes
    shingle hashes already computed (flat array plus offsets). An empty document's row is all
    ``2**32 - 1``, as datasketch's empty MinHash.
    """

    num_perm: int = 128
    seed: int = 1
    shingling: Shingling = Shingling()
    _a: np.ndarray = field(init=False, repr=False, compare=False)
    _b: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.num_perm, int) or not 2 <= self.num_perm <= MAX_NUM_PERM:
            raise ConfigError(f"num_perm must be an integer from 2 to {MAX_NUM_PERM}, got {self.num_perm!r}; 128 is usual")
        if not isinstance(self.seed, int) or self.seed < 0:
            raise ConfigError(f"seed must be a non-negative integer, got {self.seed!r}")
        # The permutations are datasketch's own, so rows match its MinHash bit for bit.
        a, b = MinHash(num_perm=self.num_perm, seed=self.seed, scheme=SCHEME).permutations
        object.__setattr__(self, "_a", np.ascontiguousarray(a, dtype=np.uint32))
        object.__setattr__(self, "_b", np.ascontiguousarray(b, dtype=np.uint32))

    def signatures(self, texts: Sequence[str], *, normalized: bool = False) -> np.ndarray:
        """One ``uint32`` row of ``num_perm`` values per text (raw unless ``normalized``)."""
        if isinstance(texts, str):  # it would be signed character by character
            raise TypeError("signatures() takes a list of texts, not one str; e.g. [text]")
        norm = list(texts) if normalized else [normalized_for(t, self.shingling) for t in texts]
        hashes, offsets = shingle_hashes_many(norm, shingling=self.shingling)
        return self.signatures_from_hashes(hashes, offsets)

    def signatures_from_hashes(self, hashes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """Rows for documents whose shingle hashes are ``hashes[offsets[i]:offsets[i+1]]``."""
        hashes = np.asarray(hashes, dtype=np.uint32)
        offsets = np.asarray(offsets, dtype=np.int64)
        n_docs = offsets.size - 1
        out = np.full((n_docs, self.num_perm), _EMPTY, dtype=np.uint32)
        if hashes.size == 0:
            return out
        mixed = _fmix32(hashes)
        # Permutations along the first axis: the segmented minimum then runs over contiguous
        # memory, which is several times faster than reducing along axis 0.
        scratch = np.empty((self.num_perm, min(_BLOCK, mixed.size)), dtype=np.uint32)
        for start in range(0, mixed.size, _BLOCK):
            stop = min(start + _BLOCK, mixed.size)
            block = scratch[:, : stop - start]
            np.multiply(self._a[:, None], mixed[None, start:stop], out=block)
            np.add(block, self._b[:, None], out=block)
            # Segments of this block: its start plus every document start inside it.
            inner = offsets[(offsets > start) & (offsets < stop)]
            seg_starts = np.unique(np.concatenate(([start], inner)))
            docs = np.searchsorted(offsets, seg_starts, side="right") - 1
            mins = np.minimum.reduceat(block, seg_starts - start, axis=1).T
            out[docs] = np.minimum(out[docs], mins)
        return out

    def lean(self, row: np.ndarray) -> LeanMinHash:
        """A datasketch :class:`~datasketch.LeanMinHash` holding ``row``."""
        return LeanMinHash(seed=self.seed, hashvalues=row, scheme=SCHEME)


def minhash_signatures(
    texts: Sequence[str], *, num_perm: int = 128, seed: int = 1, shingling: Shingling = Shingling()
) -> np.ndarray:
    """Signatures of raw ``texts``: a ``(len(texts), num_perm)`` ``uint32`` array.

    A convenience for one call; build a :class:`MinHasher` once to sign many batches.

    >>> minhash_signatures(["one two three"], num_perm=16).shape
    (1, 16)
    """
    return MinHasher(num_perm=num_perm, seed=seed, shingling=shingling).signatures(texts)


def collision_probability(similarity: float, bands: int, rows: int) -> float:
    """Chance that two sets of Jaccard ``similarity`` share at least one LSH band.

    >>> round(collision_probability(0.8, 21, 6), 4)
    0.9983
    """
    return 1.0 - (1.0 - similarity**rows) ** bands


def choose_bands(
    threshold: float, num_perm: int, *, recall: float = 0.99, also: Sequence[tuple[float, float]] = ()
) -> tuple[int, int]:
    """``(bands, rows)`` with ``bands * rows <= num_perm`` that finds a pair at ``threshold``
    with probability at least ``recall`` (and a pair at each ``(similarity, recall)`` of
    ``also``), with as many rows as possible: the fewest false candidates.

    >>> choose_bands(0.8, 128, recall=0.99)
    (21, 6)
    >>> choose_bands(0.8, 128, recall=0.99, also=[(0.43, 0.9)])
    (42, 3)
    """
    targets = [(threshold, recall), *also]
    for similarity, chance in targets:
        check_share("threshold", similarity, zero=False)
        check_share("recall", chance, zero=False, one=False, usual=0.99)
    best: tuple[int, int] | None = None
    for rows in range(1, num_perm // 2 + 1):
        bands = num_perm // rows
        if bands >= 2 and all(collision_probability(s, bands, rows) >= c for s, c in targets):
            best = (bands, rows)
    if best is None:
        raise ConfigError(
            f"no banding of {num_perm} permutations reaches recall {recall} at similarity {threshold}"
            + (f" and {list(also)}" if also else "")
            + "; raise the threshold, or (in Python) raise num_perm or lower the recall target"
        )
    return best


def s_curve(bands: int, rows: int, *, points: Sequence[float] = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)) -> list[tuple[float, float]]:
    """``(similarity, probability of becoming a candidate)`` at each point: the LSH S-curve.

    >>> s_curve(21, 6, points=(0.5, 0.9))
    [(0.5, 0.2816), (0.9, 1.0)]
    """
    return [(s, round(collision_probability(s, bands, rows), 4)) for s in points]
