"""Shingles: the overlapping word or character n-grams of a normalized text, as 32-bit hashes.

Near-duplicate detection compares documents as *sets of shingles*. Each token is hashed once
with xxhash; the hash of an n-gram combines its tokens' hashes in numpy (a position-weighted
sum, then the MurmurHash3 finalizer, high 32 bits kept), so a whole batch of documents is
shingled with a few array operations. The definition is versioned by
:data:`SHINGLE_HASH_VERSION`: a saved index records it and refuses to mix versions.

>>> sh = Shingling(kind="word", size=3)
>>> shingle_set("The cat sat on the mat.", shingling=sh).size   # the cat sat / cat sat on / ...
4
>>> bool((shingle_set("THE CAT  sat on the mat", shingling=sh)
...       == shingle_set("The cat sat on the mat.", shingling=sh)).all())
True
>>> shingle_set("", shingling=sh).size
0
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import xxhash

from .errors import ConfigError
from .normalize import normalize

#: Bump when the shingle hash of any text changes; saved indexes record it.
#: 2: normalize drops format characters (soft hyphens, zero-width and direction marks).
SHINGLE_HASH_VERSION = 2

_MAX_SIZE = 32
# Odd 64-bit multipliers, one per position in the n-gram (golden-ratio based), so that
# "a b" and "b a" hash differently.
_POSITION_WEIGHTS = (
    np.uint64(0x9E3779B97F4A7C15) * (np.arange(1, _MAX_SIZE + 1, dtype=np.uint64) * np.uint64(2) + np.uint64(1))
)
_CHAR_SALT = np.uint64(0xD6E8FEB86659FD93)


@dataclass(frozen=True, slots=True)
class Shingling:
    """How a text becomes shingles: ``kind`` is ``"word"`` or ``"char"``, ``size`` the n.

    Words are the tokens of :func:`textclean.normalize.normalize`; characters are those of the
    normalized text, spaces included. A document shorter than ``size`` tokens has one shingle,
    all of its tokens; an empty one has none. ``mask_digits`` masks digit runs first, so pages
    that differ only in dates and counters look alike.

    >>> Shingling(kind="word", size=0)
    Traceback (most recent call last):
    ...
    textclean.errors.ConfigError: shingle size must be between 1 and 32, got 0; word shingles of 5 and character shingles of 9 are good defaults
    """

    kind: Literal["word", "char"] = "word"
    size: int = 5
    mask_digits: bool = False

    def __post_init__(self) -> None:
        if self.kind not in ("word", "char"):
            raise ConfigError(f"shingle kind must be 'word' or 'char', got {self.kind!r}")
        if not isinstance(self.size, int) or not 1 <= self.size <= _MAX_SIZE:
            raise ConfigError(
                f"shingle size must be between 1 and {_MAX_SIZE}, got {self.size!r}; "
                "word shingles of 5 and character shingles of 9 are good defaults"
            )

    def describe(self) -> str:
        """A stable one-word description recorded in saved indexes, e.g. ``word5`` or ``char9-digits``."""
        return f"{self.kind}{self.size}" + ("-digits" if self.mask_digits else "")


def fmix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finalizer on a ``uint64`` array (a bijection that mixes all bits)."""
    h = values ^ (values >> np.uint64(33))
    h = h * np.uint64(0xFF51AFD7ED558CCD)
    h = h ^ (h >> np.uint64(33))
    h = h * np.uint64(0xC4CEB9FE1A85EC53)
    return h ^ (h >> np.uint64(33))


def _char_hashes(text: str) -> np.ndarray:
    codes = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    return fmix64(codes ^ _CHAR_SALT)


def _combine(hashes: np.ndarray, offsets: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """N-gram hashes of every document in a flat token-hash array; returns (hashes, offsets)."""
    lengths = np.diff(offsets)
    n_docs = lengths.size
    long_counts = np.maximum(lengths - size + 1, 0)
    short = np.flatnonzero((lengths > 0) & (lengths < size))
    counts = long_counts.copy()
    counts[short] = 1
    out_offsets = np.zeros(n_docs + 1, dtype=np.int64)
    np.cumsum(counts, out=out_offsets[1:])
    grams = np.empty(int(out_offsets[-1]), dtype=np.uint64)
    with np.errstate(over="ignore"):
        if hashes.size >= size:
            span = hashes.size - size + 1
            acc = hashes[:span] * _POSITION_WEIGHTS[0]
            for j in range(1, size):
                acc += hashes[j : j + span] * _POSITION_WEIGHTS[j]
            # The n-gram at position p is valid when it ends inside p's document.
            valid = np.arange(size, span + size) <= np.repeat(offsets[1:], lengths)[:span]
            if short.size == 0:
                grams = acc[valid]
            else:
                long_docs = np.repeat(np.arange(n_docs), long_counts)
                grams[out_offsets[long_docs] + (np.arange(long_docs.size) - (np.cumsum(long_counts) - long_counts)[long_docs])] = acc[valid]
        for d in short:  # a short document is one shingle of all its tokens
            part = hashes[offsets[d] : offsets[d + 1]]
            grams[out_offsets[d]] = np.sum(part * _POSITION_WEIGHTS[: part.size], dtype=np.uint64)
        mixed = fmix64(grams)
    return (mixed >> np.uint64(32)).astype(np.uint32), out_offsets


def normalized_for(text: str, shingling: Shingling) -> str:
    """The normalized text that ``shingling`` cuts into shingles."""
    return normalize(text, mask_digits=shingling.mask_digits)


def shingle_hashes_many(
    normalized_texts: Sequence[str], *, shingling: Shingling = Shingling()
) -> tuple[np.ndarray, np.ndarray]:
    """Shingle hashes of many *normalized* texts at once.

    Returns ``(hashes, offsets)``: document ``i`` has ``hashes[offsets[i]:offsets[i+1]]``
    (``uint32``, in text order, repeats kept; a MinHash does not care).
    """
    if shingling.kind == "word":
        # Normalized text has single spaces between tokens: count them per document, then split
        # the UTF-8 bytes of all documents at once (no str objects to encode one by one).
        counts = np.fromiter((t.count(" ") + 1 if t else 0 for t in normalized_texts), dtype=np.int64,
                             count=len(normalized_texts))
        tokens = " ".join([t for t in normalized_texts if t]).encode().split(b" ") if counts.any() else []
        flat = np.fromiter(map(xxhash.xxh3_64_intdigest, tokens), dtype=np.uint64, count=len(tokens))
    else:
        flat = _char_hashes("".join(normalized_texts))
        counts = np.fromiter((len(t) for t in normalized_texts), dtype=np.int64, count=len(normalized_texts))
    offsets = np.zeros(len(normalized_texts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return _combine(flat, offsets, shingling.size)


def distinct_per_document(hashes: np.ndarray, offsets: np.ndarray) -> list[np.ndarray]:
    """Each document's sorted distinct shingle hashes, with one sort for the whole batch."""
    doc = np.repeat(np.arange(offsets.size - 1, dtype=np.uint64), np.diff(offsets))
    keyed = np.sort((doc << np.uint64(32)) | hashes.astype(np.uint64))
    if keyed.size:
        keyed = keyed[np.concatenate(([True], keyed[1:] != keyed[:-1]))]
    bounds = np.searchsorted(keyed, np.arange(offsets.size, dtype=np.uint64) << np.uint64(32))
    values = (keyed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return [values[bounds[i] : bounds[i + 1]] for i in range(offsets.size - 1)]


def shingle_set(text: str, *, shingling: Shingling = Shingling()) -> np.ndarray:
    """The sorted, distinct shingle hashes of one raw text (normalized here)."""
    hashes, _ = shingle_hashes_many([normalized_for(text, shingling)], shingling=shingling)
    return np.unique(hashes)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted distinct shingle arrays (0–1; two empty sets: 1).

    >>> jaccard(np.array([1, 2, 3], np.uint32), np.array([2, 3, 4], np.uint32))
    0.5
    """
    if a.size == 0 and b.size == 0:
        return 1.0
    inter = np.intersect1d(a, b, assume_unique=True).size
    return inter / (a.size + b.size - inter)


# Candidate shingles from which a bitmap prefilter pays for its 64 KB.
_BITMAP_FROM = 1 << 14


def overlaps(a: np.ndarray, others: Sequence[np.ndarray]) -> np.ndarray:
    """How many shingles each of ``others`` shares with ``a`` (all sorted and distinct), in one
    vectorized pass: a document's LSH candidates are verified together.

    >>> overlaps(np.array([2, 3, 5], np.uint32), [np.array([1, 2, 3], np.uint32), np.array([], np.uint32)]).tolist()
    [2, 0]
    """
    sizes = np.fromiter((o.size for o in others), dtype=np.int64, count=len(others))
    if a.size == 0 or not sizes.sum():
        return np.zeros(len(others), dtype=np.int64)
    flat = np.concatenate(others)
    found = np.zeros(flat.size + 1, dtype=np.int64)
    if flat.size < _BITMAP_FROM:
        found[1:] = a[np.minimum(np.searchsorted(a, flat), a.size - 1)] == flat
    else:  # a bitmap of a's low 16 bits rules out most shingles with one lookup; the rest are searched
        bitmap = np.zeros(1 << 16, dtype=bool)
        bitmap[a & 0xFFFF] = True
        maybe = np.flatnonzero(bitmap[flat & 0xFFFF])
        near = flat[maybe]
        found[maybe + 1] = a[np.minimum(np.searchsorted(a, near), a.size - 1)] == near
    running = np.cumsum(found)
    ends = np.cumsum(sizes)
    return running[ends] - running[ends - sizes]


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of ``a``'s shingles found in ``b`` (0–1; an empty ``a``: 0).

    >>> containment(np.array([1, 2], np.uint32), np.array([1, 2, 3, 4], np.uint32))
    1.0
    """
    if a.size == 0:
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / a.size
