"""Spark dedup equals the single process exactly: clusters, kept ids, duplicate records,
whatever the partitioning (1, 7, 64), long chains included."""
from __future__ import annotations

import pytest

from spark_corpus import SCHEMA, as_rows, corpus
from textclean.config import DedupConfig
from textclean.dedup import dedup_records
from textclean.errors import ConfigError, InputError
from textclean.shingles import jaccard, shingle_set

RECORDS = corpus(7)


def local_view(records, config: DedupConfig) -> dict[str, tuple]:
    """What the single process says of every document: (cluster_id, duplicate_of, similarity,
    containment, reason), cluster_id being the smallest id of the kept copy's cluster."""
    result = dedup_records(records, config=config)
    kept_of = {r.id: r.id for r in records}
    found = {d.id: d for d in result.duplicates}
    kept_of.update((d.id, d.duplicate_of) for d in result.duplicates)
    smallest: dict[str, str] = {}
    for doc_id, kept in kept_of.items():
        smallest[kept] = min(smallest.get(kept, doc_id), doc_id)
    view = {}
    for doc_id, kept in kept_of.items():
        d = found.get(doc_id)
        view[doc_id] = (smallest[kept], None, None, None, None) if d is None else (
            smallest[kept], d.duplicate_of, d.similarity, d.containment, d.reason)
    return view


def spark_view(frame) -> dict[str, tuple]:
    rows = frame.select("id", "cluster_id", "duplicate_of", "similarity", "containment", "reason").collect()
    return {r["id"]: (r["cluster_id"], r["duplicate_of"], r["similarity"], r["containment"], r["reason"]) for r in rows}


@pytest.fixture(scope="module")
def frame(spark):
    return spark.createDataFrame(as_rows(RECORDS), SCHEMA).cache()


@pytest.mark.parametrize("partitions", [1, 7, 64])
def test_same_clusters_keeps_and_records_as_one_process_in_any_partitioning(spark, frame, partitions):
    from textclean.spark import dedup

    expected = local_view(RECORDS, DedupConfig())
    got = spark_view(dedup(frame.repartition(partitions)))
    assert got == expected
    # The corpus does plant what naive one-hop grouping misses: a chain's ends share nothing.
    chain = [doc_id for doc_id, view in expected.items() if doc_id.endswith("-0-0") or doc_id.endswith("-0-29")]
    ends = [r.text for r in RECORDS if r.id in chain]
    assert jaccard(shingle_set(ends[0]), shingle_set(ends[1])) == 0.0
    assert expected[chain[0]][0] == expected[chain[1]][0]
    assert {view[4] for view in expected.values()} >= {"exact", "near_duplicate", "contained", "chained"}


@pytest.mark.parametrize("options", [{"keep": "first"}, {"keep": "latest:date", "threshold": 0.7},
                                     {"keep": "most_complete", "containment_threshold": None}])
def test_keep_policies_and_thresholds_as_one_process(spark, frame, options):
    from textclean.spark import dedup

    config = DedupConfig(**options)
    assert spark_view(dedup(frame.repartition(3), config=config)) == local_view(RECORDS, config)


def test_kept_only_returns_the_kept_rows_unchanged(spark, frame):
    from textclean.spark import dedup

    kept = dedup(frame, kept_only=True, keep="first")
    assert kept.columns == ["id", "text", "date"]
    expected = {r.id for r in dedup_records(RECORDS, config=DedupConfig(keep="first")).kept}
    assert {r["id"] for r in kept.collect()} == expected


def test_bad_input_says_what_to_fix(spark):
    from textclean.spark import dedup

    twice = spark.createDataFrame([("a", "one two"), ("a", "three four"), ("b", "x")], "id string, text string")
    with pytest.raises(InputError, match="document id 'a' appears 2 times; ids must be unique"):
        dedup(twice)
    with pytest.raises(ConfigError, match="column 'body' \\(text_col\\) is not in the DataFrame; its columns: id, text"):
        dedup(twice, text_col="body")
    with pytest.raises(ConfigError, match="unknown keep policy 'newest'"):
        dedup(twice, keep="newest")


@pytest.mark.parametrize("spark_3_5", [False, True])
def test_texts_that_are_not_utf8_are_named_not_a_python_traceback(spark, monkeypatch, spark_3_5):
    # spark.read.text, or binary cast to string, keeps such bytes; Arrow then fails inside the UDF.
    from pyspark.sql import functions as F

    if spark_3_5:  # no is_valid_utf8 before Spark 4: the check compares the bytes with their encoding
        monkeypatch.delattr(F, "is_valid_utf8", raising=False)

    from textclean.spark import dedup

    raw = spark.createDataFrame([("b", bytearray(b"caf\xe9 au lait")), ("a", bytearray("fine \ufffd text".encode())),
                                 ("c", bytearray(b"\xff\xfe"))], "id string, raw binary")
    frame = raw.select("id", F.col("raw").cast("string").alias("text"))
    with pytest.raises(InputError, match=r"2 texts in column 'text' hold bytes that are not UTF-8 \(the first: "
                                         r"document 'b'\); replace them with U\+FFFD first"):
        dedup(frame)
    fixed = frame.withColumn("text", F.decode(F.encode("text", "UTF-8"), "UTF-8"))  # the fix the error gives
    assert dedup(fixed).where("duplicate_of IS NULL").count() == 3
