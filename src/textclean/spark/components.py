"""Connected components of a large graph with the DataFrame API: large-star / small-star.

Kiveris et al., "Connected Components in MapReduce and Beyond" (SoCC 2014). Edges are kept
oriented from the larger id to the smaller (``a > b``). A round is one large-star step (each
node's larger neighbours are linked to the smallest id of its neighbourhood) and one
small-star step (each node and its smaller neighbours are linked to the smallest of them).
Both keep every component connected, and after O(log² n) rounds, long chains included, every
component is a star around its smallest id: the component id. Only joins and aggregations
are used (no GraphFrames, no RDDs: it also runs on Spark Connect), nothing is collected to
the driver, and each round's edges are checkpointed so the query plan stays short.
"""
from __future__ import annotations

from ..errors import TextcleanError

#: Rounds after which the loop gives up; chains of 10**6 nodes converge in about 25.
MAX_ROUNDS = 60


def connected_components(edges, *, src: str = "src", dst: str = "dst", max_rounds: int = MAX_ROUNDS):
    """``(id, component)`` for every node of ``edges`` (a DataFrame of string ids in ``src``,
    ``dst``), ``component`` being the smallest id of the node's component (string order).

    Nodes without edges do not appear; self-loops and repeated edges are harmless.
    """
    from pyspark.sql import functions as F

    a, b = F.col(src), F.col(dst)
    current = _cut(edges.select(F.greatest(a, b).alias("a"), F.least(a, b).alias("b"))
                   .where(F.col("a") != F.col("b")).distinct())
    for _ in range(max_rounds):
        current = _cut(_small_star(_large_star(current)))
        if _is_star_forest(current):
            break
    else:
        raise TextcleanError(f"connected components did not converge in {max_rounds} rounds; "
                             "raise max_rounds (this should not happen: please report the graph)")
    return (current.select(F.col("a").alias("id"), F.col("b").alias("component"))
            .unionByName(current.select(F.col("b").alias("id"), F.col("b").alias("component"))).distinct())


def _large_star(edges):
    """Link every neighbour ``v > u`` of each ``u`` to the smallest of ``u`` and its neighbours."""
    from pyspark.sql import functions as F

    both = edges.select(F.col("a").alias("u"), F.col("b").alias("v")).unionByName(
        edges.select(F.col("b").alias("u"), F.col("a").alias("v")))
    smallest = both.groupBy("u").agg(F.least(F.min("v"), F.col("u")).alias("m"))
    return (both.join(smallest, "u").where(F.col("v") > F.col("u"))
            .select(F.col("v").alias("a"), F.col("m").alias("b")).distinct())


def _small_star(edges):
    """Link every node and its smaller neighbours to the smallest of them."""
    from pyspark.sql import functions as F

    smallest = edges.groupBy("a").agg(F.min("b").alias("m"))
    neighbours = (edges.join(smallest, "a").where(F.col("b") != F.col("m"))
                  .select(F.col("b").alias("a"), F.col("m").alias("b")))
    return neighbours.unionByName(smallest.select("a", F.col("m").alias("b"))).distinct()


def _is_star_forest(edges) -> bool:
    """Every node has at most one parent, and no parent has a parent: each component is a star."""
    from pyspark.sql import functions as F

    parents = edges.select(F.col("b").alias("a")).distinct()
    two_parents = edges.groupBy("a").count().where(F.col("count") > 1).select("a")
    return two_parents.unionByName(edges.join(parents, "a").select("a")).isEmpty()


def _cut(df):
    """Materialize ``df`` on the executors and forget its lineage (plans grow with every round)."""
    return df.localCheckpoint(eager=True)
