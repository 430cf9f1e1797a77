"""Spark dedup against the single process, in one session on the same machine.

Run: ``pytest benchmarks/test_bench_spark.py --benchmark-enable -s`` (``-s`` shows the
figures). Enabled, it dedups 20,000 synthetic documents both ways (one round each: a Spark
run is long) and reports wall times and their ratio; disabled (the default) it runs once on
500 documents. The 200,000-document figures in the README come from
``python tools/spark_bench.py --docs 200000``. Skips without pyspark or Java.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import time

import pytest

from dedup_synth import make_corpus
from textclean.dedup import dedup_records

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None or shutil.which("java") is None,
    reason="needs the 'spark' extra and Java 17",
)


def test_spark_dedup_against_one_process(benchmark):
    from pyspark.sql import functions as F

    from textclean.spark import dedup, spark_session

    enabled = not getattr(benchmark, "disabled", True)
    records = make_corpus(20_000 if enabled else 500)
    spark = spark_session("local[*]", conf={"spark.driver.memory": "4g"})
    spark.sparkContext.setLogLevel("ERROR")
    frame = spark.createDataFrame([(r.id, r.text) for r in records], "id string, text string").cache()
    frame.count()

    start = time.perf_counter()
    local = dedup_records(records)
    local_s = time.perf_counter() - start

    def run():
        return dedup(frame).where(F.col("duplicate_of").isNull()).count()

    kept = benchmark.pedantic(run, rounds=1, iterations=1)
    spark_s = benchmark.stats.stats.median if enabled else float("nan")
    figures = {"docs": len(records), "local_s": round(local_s, 2), "spark_s": round(spark_s, 2),
               "ratio_spark_to_local": round(spark_s / local_s, 2)}
    benchmark.extra_info.update(figures)
    print("\n" + json.dumps(figures))
    assert kept == len(local.kept)
