"""Large-star / small-star connected components against a plain union-find."""
from __future__ import annotations

import random


def union_find_components(edges: list[tuple[str, str]]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for a, b in edges:
        if a == b:  # a self-loop alone makes no component
            continue
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {x: find(x) for x in parent}


def test_components_equal_union_find_on_chains_stars_and_random_edges(spark):
    from textclean.spark import connected_components

    rng = random.Random(3)
    names = [f"n{rng.randrange(10**9):09d}" for _ in range(600)]
    path = names[:300]  # a long chain with its smallest id somewhere in the middle
    edges = list(zip(path, path[1:]))
    edges += [(names[300], n) for n in names[301:350]]  # a star
    edges += [(rng.choice(names[350:]), rng.choice(names[350:])) for _ in range(200)]  # random, with self-loops
    edges += [(b, a) for a, b in edges[:20]]  # both directions
    frame = spark.createDataFrame(edges, "src string, dst string").repartition(5)
    got = {r["id"]: r["component"] for r in connected_components(frame).collect()}
    assert got == union_find_components(edges)


def test_bucket_keys_separate_bands_and_the_exact_check_restores_lsh_candidates():
    import numpy as np

    pytest = __import__("pytest")
    pytest.importorskip("pyspark")
    from textclean.spark.dedup_stages import bucket_keys, share_a_band

    same_values = np.array([[[1, 2, 3], [1, 2, 3]]], dtype=np.uint32)  # one document, two equal bands
    keys = bucket_keys(same_values)
    assert keys.shape == (1, 2) and keys[0, 0] != keys[0, 1]  # a band index is part of its key
    a = np.array([[1, 2], [3, 4], [5, 6]], dtype=np.uint32)
    b = np.array([[9, 2], [3, 4], [0, 0]], dtype=np.uint32)
    c = np.array([[1, 9], [9, 4], [5, 9]], dtype=np.uint32)
    assert share_a_band(a.tobytes(), b.tobytes(), 3)  # band 1 equal
    assert not share_a_band(a.tobytes(), c.tobytes(), 3)  # some values equal, no whole band
