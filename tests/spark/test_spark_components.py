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
