"""Spark dedup against the single process on one synthetic corpus: wall time, ratio, equality.

    python tools/spark_bench.py --docs 200000 --master 'local[*]'

The corpus is ``benchmarks/dedup_synth.py``'s (Zipf words, every 10th document a planted
copy), written once to Parquet. The single process runs ``dedup_records`` on the records in
memory; Spark reads the Parquet file and runs ``textclean.spark.dedup`` until every
document is annotated and the kept rows are counted. Both answers are compared exactly
(kept ids, duplicate_of, similarity, containment, reason) and the figures printed as JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

from dedup_synth import corpus_bytes, make_corpus  # noqa: E402

from textclean.dedup import dedup_records  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200_000)
    parser.add_argument("--master", default="local[*]")
    parser.add_argument("--partitions", type=int, default=None, help="input partitions (default: Spark's)")
    parser.add_argument("--driver-memory", default="6g")
    parser.add_argument("--workdir", default="/tmp/textclean-spark-bench")
    parser.add_argument("--skip-local", action="store_true")
    args = parser.parse_args()

    import pyarrow as pa
    import pyarrow.parquet as pq

    t0 = time.perf_counter()
    records = make_corpus(args.docs)
    figures = {"docs": args.docs, "mb": round(corpus_bytes(records) / 1e6, 1), "cores": os.cpu_count(),
               "master": args.master, "generate_s": round(time.perf_counter() - t0, 1)}
    os.makedirs(args.workdir, exist_ok=True)
    source = os.path.join(args.workdir, f"corpus-{args.docs}.parquet")
    if not os.path.exists(source):
        pq.write_table(pa.table({"id": [r.id for r in records], "text": [r.text for r in records]}), source,
                       row_group_size=20_000)

    local = None
    if not args.skip_local:
        t0, c0 = time.perf_counter(), time.process_time()
        local = dedup_records(records)
        figures["local_s"] = round(time.perf_counter() - t0, 1)
        figures["local_cpu_s"] = round(time.process_time() - c0, 1)
        figures["local_kept"] = len(local.kept)
    del records

    from pyspark.sql import functions as F

    from textclean.spark import dedup, spark_session

    t0 = time.perf_counter()
    spark = spark_session(args.master, conf={"spark.driver.memory": args.driver_memory})
    spark.sparkContext.setLogLevel("ERROR")
    figures["spark_session_s"] = round(time.perf_counter() - t0, 1)
    t0 = time.perf_counter()
    frame = spark.read.parquet(source)
    if args.partitions:
        frame = frame.repartition(args.partitions)
    annotated = dedup(frame)
    kept = annotated.where(F.col("duplicate_of").isNull()).count()
    figures["spark_s"] = round(time.perf_counter() - t0, 1)
    figures["spark_kept"] = kept
    if local is not None:
        figures["ratio_spark_to_local"] = round(figures["spark_s"] / figures["local_s"], 2)
        rows = annotated.where(F.col("duplicate_of").isNotNull()).select(
            "id", "duplicate_of", "similarity", "containment", "reason").collect()
        got = sorted((r["id"], r["duplicate_of"], r["similarity"], r["containment"], r["reason"]) for r in rows)
        expected = sorted((d.id, d.duplicate_of, d.similarity, d.containment, d.reason) for d in local.duplicates)
        figures["equal"] = got == expected and kept == len(local.kept)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
