"""Corpus dedup on Spark with textclean's own functions: the same clusters as ``DedupIndex``.

Stages (DataFrame API only):

1. **signatures** — per partition, in a pandas UDF: the normalized text's exact hash, the
   sorted distinct shingle hashes and the MinHash bands of :mod:`textclean.minhash`, cut with
   ``DedupConfig.bands_rows``; each band becomes a 64-bit bucket key (a hash of its index and
   values), and the band values themselves are kept for the exact check in stage 4.
2. **exact copies** — documents with the same exact hash are linked to the smallest id; only
   that representative enters LSH, as in the single process (a copy has its signature).
3. **candidates** — representatives sharing a bucket key; each pair once.
4. **verification** — the pair must share a band exactly (so a 64-bit key collision adds
   nothing: the candidates are datasketch's), then Jaccard ≥ ``threshold``, or containment ≥ ``containment_threshold`` with
   ``min_contained_shingles``, on the exact shingle sets (:mod:`textclean.shingles`).
5. **linked groups** — large-star / small-star (:mod:`.components`) over every verified link.
6. **keep** — per linked group, in a pandas UDF, :func:`textclean.clusters.kept_per_document`
   on its members (id, length, shingle count, keep field) and links gives each document its
   kept copy; a cluster's id is its smallest member id. Then similarity, containment and
   reason to the kept copy.

The single process verifies every earlier document sharing a band with each new one, so its
verified links are exactly these; union-find and large-star/small-star give the same linked
groups, and the same function makes their clusters from the documents and links alone. Hence
the same clusters, kept ids and duplicate records, whatever the order or the partitioning.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

import numpy as np
import pandas as pd  # the spark extra's; textclean.spark checks it is installed before this import

from ..config import DedupConfig
from ..clusters import SIMILAR, kept_per_document
from ..dedup import described, exact_hash, link_kind
from ..keep import KeepPolicy
from ..minhash import MinHasher
from ..shingles import distinct_per_document, fmix64, normalized_for, shingle_hashes_many
from ..store import StoredDoc

DOCS_SCHEMA = "id string, text string, keep_json string"
SIGNED_SCHEMA = ("id string, length long, size long, exact string, shingles binary, "
                 "bands binary, buckets array<long>, keep_json string")
_KEY_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
#: What :func:`annotate` adds per document.
ANNOTATION_SCHEMA = ("id string, cluster_id string, duplicate_of string, similarity double, "
                     "containment double, reason string")


def sign_batches(config: DedupConfig):
    """A ``mapInArrow`` function: (id, text, keep_json) batches to signed documents.

    Arrow arrays are built from numpy buffers: no Python object per shingle or band key.
    """
    hasher = MinHasher(num_perm=config.num_perm, seed=config.seed, shingling=config.shingling)
    bands, rows = config.bands_rows

    def sign(batches: Iterator) -> Iterator:
        import pyarrow as pa  # imported here: the function runs on the executors

        for batch in batches:
            texts = batch.column("text").to_pylist()
            n = len(texts)
            norm = [normalized_for(t, config.shingling) for t in texts]
            hashes, offsets = shingle_hashes_many(norm, shingling=config.shingling)
            sigs = hasher.signatures_from_hashes(hashes, offsets)
            sets = distinct_per_document(hashes, offsets)
            sizes = np.fromiter((s.size for s in sets), dtype=np.int64, count=n)
            set_offsets = np.zeros(n + 1, dtype=np.int32)
            np.cumsum(sizes * 4, out=set_offsets[1:])
            flat = np.concatenate(sets).astype("<u4") if n else np.empty(0, "<u4")
            shingles = pa.Array.from_buffers(pa.binary(), n, [None, pa.py_buffer(set_offsets.tobytes()),
                                                              pa.py_buffer(flat.tobytes())])
            banded = np.ascontiguousarray(sigs[:, : bands * rows])
            band_blobs = pa.FixedSizeBinaryArray.from_buffers(pa.binary(4 * bands * rows), n,
                                                              [None, pa.py_buffer(banded.tobytes())]).cast(pa.binary())
            buckets = pa.ListArray.from_arrays(pa.array(np.arange(0, n * bands + 1, bands, dtype=np.int32)),
                                               pa.array(bucket_keys(banded.reshape(n, bands, rows)).ravel()))
            yield pa.RecordBatch.from_arrays(
                [batch.column("id"), pa.array([len(t) for t in texts], pa.int64()), pa.array(sizes, pa.int64()),
                 pa.array([exact_hash(t) for t in norm], pa.string()), shingles, band_blobs, buckets,
                 batch.column("keep_json")],
                names=["id", "length", "size", "exact", "shingles", "bands", "buckets", "keep_json"])

    return sign


def bucket_keys(banded: np.ndarray) -> np.ndarray:
    """``(docs, bands)`` signed 64-bit keys of ``(docs, bands, rows)`` band values: a hash of
    the band's index and values (fmix64 chained), so one key column holds every band."""
    with np.errstate(over="ignore"):
        h = np.broadcast_to(np.arange(banded.shape[1], dtype=np.uint64) + np.uint64(1), banded.shape[:2]).copy()
        for j in range(banded.shape[2]):
            h = fmix64(h * _KEY_MULTIPLIER + banded[:, :, j].astype(np.uint64))
    return h.view(np.int64)


def share_a_band(a: bytes, b: bytes, bands: int) -> bool:
    """Whether two documents' band values are equal in at least one band: LSH's candidate rule."""
    return bool((np.frombuffer(a, np.uint32).reshape(bands, -1)
                 == np.frombuffer(b, np.uint32).reshape(bands, -1)).all(axis=1).any())


def _set(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4")


def verify_batches(config: DedupConfig):
    """A ``mapInPandas`` function: candidate pairs with both shingle sets and bands to verified
    links (src, dst, kind of link from src: :func:`textclean.dedup.link_kind`)."""
    bands = config.bands_rows[0]

    def verify(batches: Iterator) -> Iterator:
        for pdf in batches:
            kinds = pd.Series([link_kind(_set(x), _set(y), config) if share_a_band(ba, bb, bands) else None
                               for x, y, ba, bb in zip(pdf["sa"], pdf["sb"], pdf["ba"], pdf["bb"])], dtype=object)
            yield pdf[["src", "dst"]].assign(kind=kinds.values)[kinds.notna().values]

    return verify


def keep_groups(policy: KeepPolicy):
    """A Series-to-Series pandas UDF body: each linked group's members (arrays of id, length,
    size, keep_json) and links (arrays of src, dst, kind) to ``[kept copy, cluster id]`` of each
    member, in member order (a cluster's id: its smallest member id); one call per Arrow batch
    of groups."""

    def choose(ids: pd.Series, lengths: pd.Series, sizes: pd.Series, keeps: pd.Series,
               srcs: pd.Series, dsts: pd.Series, kinds: pd.Series) -> pd.Series:
        out = []
        for group in zip(ids, lengths, sizes, keeps, srcs, dsts, kinds):
            docs = {i: StoredDoc(i, int(n), int(s), "", _keep_value(policy, k)) for i, n, s, k in zip(*group[:4])}
            kept = kept_per_document(docs, zip(*group[4:]), policy)
            cluster_id: dict[str, str] = {}
            for doc_id, copy in kept.items():
                cluster_id[copy] = min(cluster_id.get(copy, doc_id), doc_id)
            out.append([[kept[i], cluster_id[kept[i]]] for i in group[0]])
        return pd.Series(out)

    return choose


def _keep_value(policy: KeepPolicy, keep_json: str | None):
    if policy.field is None or keep_json is None:
        return None
    return policy.value_of(json.loads(keep_json))


def describe_batches(config: DedupConfig):
    """A ``mapInPandas`` function: (document, kept copy) pairs to their duplicate records."""

    def describe(batches: Iterator) -> Iterator:
        for pdf in batches:
            rows = [described(_set(own), _set(kept), own_exact == kept_exact, config)
                    for own, kept, own_exact, kept_exact in zip(pdf["s_own"], pdf["s_kept"], pdf["e_own"], pdf["e_kept"])]
            yield pd.DataFrame({"id": pdf["id"], "cluster_id": pdf["cluster_id"], "duplicate_of": pdf["kept"],
                                "similarity": [r[0] for r in rows], "containment": [r[1] for r in rows],
                                "reason": [r[2] for r in rows]})

    return describe


def annotate(docs, config: DedupConfig):
    """``ANNOTATION_SCHEMA`` rows, one per document of ``docs`` (``DOCS_SCHEMA``: unique ids).

    The result is checkpointed (computed once, on the executors); nothing is collected.
    """
    from pyspark.sql import functions as F

    from .components import connected_components

    col = F.col
    signed = docs.mapInArrow(sign_batches(config), SIGNED_SCHEMA).persist()
    links = None
    try:
        # One representative per exact text (the smallest id), with its band keys.
        reps = signed.groupBy("exact").agg(F.min("id").alias("rep"), F.min_by("buckets", "id").alias("buckets"))
        exact_pairs = (signed.select("id", "exact").join(reps.select("exact", "rep"), "exact")
                       .where(col("id") != col("rep")).select(col("id").alias("src"), col("rep").alias("dst")))
        buckets = (reps.select(col("rep").alias("id"), F.explode("buckets").alias("key"))
                   .groupBy("key").agg(F.collect_set("id").alias("ids")).where(F.size("ids") > 1))
        pairs = (buckets.select(F.explode("ids").alias("src"), "ids")
                 .select("src", F.explode("ids").alias("dst")).where(col("src") < col("dst")).distinct())
        candidates = (
            pairs.join(signed.select(col("id").alias("src"), col("shingles").alias("sa"), col("bands").alias("ba")), "src")
            .join(signed.select(col("id").alias("dst"), col("shingles").alias("sb"), col("bands").alias("bb")), "dst"))
        near = candidates.mapInPandas(verify_batches(config), "src string, dst string, kind string")
        links = exact_pairs.withColumn("kind", F.lit(SIMILAR)).unionByName(near).persist()
        groups = connected_components(links)
        members = (signed.join(groups, "id").groupBy("component")
                   .agg(F.collect_list(F.struct("id", "length", "size", "keep_json")).alias("m")))
        group_links = (links.join(groups.select(col("id").alias("src"), "component"), "src").groupBy("component")
                       .agg(F.collect_list(F.struct("src", "dst", "kind")).alias("e")))
        choose = F.pandas_udf(keep_groups(KeepPolicy.parse(config.keep)), "array<array<string>>")
        clusters = (members.join(group_links, "component")
                    .select(col("m.id").alias("ids"), choose("m.id", "m.length", "m.size", "m.keep_json",
                                                              "e.src", "e.dst", "e.kind").alias("c"))
                    .select(F.posexplode("ids").alias("pos", "id"), "c")
                    .select("id", F.element_at("c", col("pos") + 1).alias("c"))
                    .select("id", col("c")[0].alias("kept"), col("c")[1].alias("cluster_id"))
                    .localCheckpoint(eager=True))  # once: the UDF's lineage would run again for each use
        removed = (clusters.where(col("id") != col("kept"))
                   .join(signed.select("id", col("shingles").alias("s_own"), col("exact").alias("e_own")), "id")
                   .join(signed.select(col("id").alias("kept"), col("shingles").alias("s_kept"),
                                       col("exact").alias("e_kept")), "kept"))
        described = removed.mapInPandas(describe_batches(config), ANNOTATION_SCHEMA)
        annotation = (signed.select("id").join(clusters.select("id", "cluster_id"), "id", "left")
                      .join(described.drop("cluster_id"), "id", "left")
                      .select("id", F.coalesce(col("cluster_id"), col("id")).alias("cluster_id"), "duplicate_of",
                              "similarity", "containment", "reason"))
        return annotation.localCheckpoint(eager=True)
    finally:
        signed.unpersist()
        if links is not None:
            links.unpersist()
