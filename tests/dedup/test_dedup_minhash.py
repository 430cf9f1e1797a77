"""Signatures: bit-identical to datasketch's MinHash, and shingles behave as documented."""
from __future__ import annotations

import numpy as np
import pytest
from datasketch import LeanMinHash, MinHash, MinHashLSH
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean.errors import ConfigError
from textclean.minhash import MinHasher, choose_bands, collision_probability, minhash_signatures
from textclean.shingles import (
    Shingling,
    containment,
    jaccard,
    normalized_for,
    overlaps,
    shingle_hashes_many,
    shingle_set,
)

WORDS = ["alpha", "beta", "gamma", "delta", "épsilon", "zeta", "eta", "theta", "iota", "kappa"]
texts_strategy = st.lists(
    st.lists(st.sampled_from(WORDS), min_size=0, max_size=40).map(" ".join), min_size=1, max_size=8
)


def datasketch_rows(hashes, offsets, *, num_perm, seed):
    rows = []
    for i in range(offsets.size - 1):
        m = MinHash(num_perm=num_perm, seed=seed, scheme="affine32", hashfunc=int)
        for value in hashes[offsets[i] : offsets[i + 1]]:
            m.update(int(value))
        rows.append(m.hashvalues)
    return np.array(rows, dtype=np.uint32)


@pytest.mark.parametrize("shingling", [Shingling(kind="word", size=3), Shingling(kind="char", size=5)])
@pytest.mark.parametrize("num_perm,seed", [(128, 1), (64, 7), (256, 42)])
@settings(max_examples=25, deadline=None)
@given(texts=texts_strategy)
def test_rows_are_bit_identical_to_datasketch(texts, shingling, num_perm, seed):
    hasher = MinHasher(num_perm=num_perm, seed=seed, shingling=shingling)
    norm = [normalized_for(t, shingling) for t in texts]
    hashes, offsets = shingle_hashes_many(norm, shingling=shingling)
    ours = hasher.signatures(texts)
    assert ours.dtype == np.uint32
    np.testing.assert_array_equal(ours, datasketch_rows(hashes, offsets, num_perm=num_perm, seed=seed))


def test_rows_identical_across_block_boundaries():
    # Documents longer than the permutation block (32768 shingles) and many small ones.
    rng = np.random.default_rng(3)
    hashes = rng.integers(0, 2**32, size=80_000, dtype=np.uint64).astype(np.uint32)
    offsets = np.array([0, 10, 10, 40_000, 40_001, 79_000, 80_000], dtype=np.int64)
    hasher = MinHasher(num_perm=32, seed=5)
    np.testing.assert_array_equal(
        hasher.signatures_from_hashes(hashes, offsets), datasketch_rows(hashes, offsets, num_perm=32, seed=5)
    )


def test_empty_document_row_equals_datasketch_empty_minhash():
    row = MinHasher(num_perm=16).signatures([""])[0]
    np.testing.assert_array_equal(row, MinHash(num_perm=16, seed=1, scheme="affine32").hashvalues)


def test_rows_go_into_minhashlsh_as_lean_minhash():
    hasher = MinHasher(num_perm=128, seed=1)
    base = " ".join(f"w{i}" for i in range(300))
    sigs = hasher.signatures([base, base + " one more tail", "something else entirely different here"])
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    for key, row in zip("abc", sigs):
        lean = hasher.lean(row)
        assert isinstance(lean, LeanMinHash) and lean.scheme == "affine32"
        lsh.insert(key, lean)
    assert sorted(lsh.query(hasher.lean(sigs[0]))) == ["a", "b"]


def test_minhash_estimate_tracks_exact_jaccard():
    rng = np.random.default_rng(0)
    base = [f"t{i}" for i in rng.integers(0, 10**6, 400)]
    other = base[:300] + [f"u{i}" for i in range(100)]
    sh = Shingling(kind="word", size=1)
    a, b = shingle_set(" ".join(base), shingling=sh), shingle_set(" ".join(other), shingling=sh)
    sigs = minhash_signatures([" ".join(base), " ".join(other)], num_perm=256, shingling=sh)
    estimate = float(np.mean(sigs[0] == sigs[1]))
    assert abs(estimate - jaccard(a, b)) < 0.1


def test_shingles_are_order_sensitive_and_normalized():
    sh = Shingling(kind="word", size=2)
    assert not np.array_equal(shingle_set("a b", shingling=sh), shingle_set("b a", shingling=sh))
    np.testing.assert_array_equal(shingle_set("A,  b!", shingling=sh), shingle_set("a b", shingling=sh))
    # A text shorter than the shingle size has exactly one shingle.
    assert shingle_set("only", shingling=Shingling(size=5)).size == 1


def test_char_shingles_count():
    assert shingle_set("abcdef", shingling=Shingling(kind="char", size=3)).size == 4


def test_shingle_hashes_are_pinned():
    # Pinned values: if one changes, bump SHINGLE_HASH_VERSION (saved indexes depend on them).
    word2 = Shingling(kind="word", size=2)
    char3 = Shingling(kind="char", size=3)
    assert shingle_hashes_many(["hello world"], shingling=word2)[0].tolist() == [1866153421]
    assert shingle_hashes_many(["abcd"], shingling=char3)[0].tolist() == [712351616, 3425204663]


def test_jaccard_and_containment():
    a = np.array([1, 2, 3, 4], np.uint32)
    b = np.array([3, 4, 5, 6, 7, 8], np.uint32)
    assert jaccard(a, b) == pytest.approx(2 / 8)
    assert containment(a, b) == 0.5
    assert containment(np.array([3, 4], np.uint32), b) == 1.0


@settings(max_examples=80, deadline=None)
@given(data=st.data(), many=st.booleans())
def test_overlaps_equal_one_intersection_per_candidate(data, many):
    # ``many`` crosses the size from which overlaps prefilters with a bitmap of low bits; values
    # from a narrow range make low-bit collisions common.
    top = data.draw(st.sampled_from([50, 1 << 17, 1 << 32]))
    unique = st.lists(st.integers(0, top - 1), unique=True, max_size=300).map(lambda v: np.array(sorted(v), np.uint32))
    a = data.draw(unique)
    others = data.draw(st.lists(unique, max_size=8))
    if many:
        rng = np.random.default_rng(len(a))
        others += [np.unique(rng.integers(0, top, 400)).astype(np.uint32) for _ in range(60)]
    expected = [np.intersect1d(a, o).size for o in others]
    assert overlaps(a, others).tolist() == expected


def test_choose_bands_meets_recall_and_errors_suggest_fix():
    bands, rows = choose_bands(0.8, 128, recall=0.99)
    assert bands * rows <= 128
    assert collision_probability(0.8, bands, rows) >= 0.99
    # One more row with the permutations left would miss the recall target.
    assert collision_probability(0.8, 128 // (rows + 1), rows + 1) < 0.99
    with pytest.raises(ConfigError, match="raise num_perm"):
        choose_bands(0.05, 8, recall=0.999999)


def test_bad_parameters_are_refused():
    with pytest.raises(ConfigError, match="num_perm"):
        MinHasher(num_perm=1)
    with pytest.raises(ConfigError, match="kind"):
        Shingling(kind="sentence")  # type: ignore[arg-type]


def reference_shingles(normalized: str, size: int) -> list[int]:
    """Slow, obvious: xxh3 of each token, position-weighted sum, MurmurHash3 fmix64, high half."""
    import xxhash

    mask = (1 << 64) - 1
    weights = [(0x9E3779B97F4A7C15 * (2 * (j + 1) + 1)) & mask for j in range(32)]

    def fmix(h):
        h ^= h >> 33
        h = (h * 0xFF51AFD7ED558CCD) & mask
        h ^= h >> 33
        h = (h * 0xC4CEB9FE1A85EC53) & mask
        return h ^ (h >> 33)

    toks = [xxhash.xxh3_64_intdigest(t.encode()) for t in normalized.split(" ")] if normalized else []
    grams = [toks[i : i + size] for i in range(len(toks) - size + 1)] or ([toks] if toks else [])
    return [fmix(sum(w * t for w, t in zip(weights, g)) & mask) >> 32 for g in grams]


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join), min_size=1, max_size=10),
       size=st.integers(1, 6))
def test_batch_shingles_equal_the_slow_reference(texts, size):
    hashes, offsets = shingle_hashes_many(texts, shingling=Shingling(size=size))
    for i, text in enumerate(texts):
        assert hashes[offsets[i] : offsets[i + 1]].tolist() == reference_shingles(text, size)
