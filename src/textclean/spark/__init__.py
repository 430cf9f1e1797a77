"""textclean on Apache Spark: clean and dedup DataFrames with the same results as one process.

Needs the ``spark`` extra (``pip install 'textclean[spark]'``: pyspark, pandas, pyarrow) and
Java. Only the DataFrame API is used, so it also runs on Spark Connect.

- :func:`clean`: each row's text cleaned by :class:`textclean.Cleaner` in a vectorized
  (Arrow) pandas UDF; adds the cleaned text and the removed spans.
- :func:`dedup`: textclean's MinHash, LSH banding, exact verification, connected components
  (large-star / small-star), clusters and keep policy, as Spark stages; adds ``cluster_id`` (the
  smallest member id), ``duplicate_of``, ``similarity``, ``containment`` and ``reason``, the
  same as :func:`textclean.dedup_records` reports, whatever the partitioning.
- :func:`read_wet`: the pages of Common Crawl WET files as a DataFrame (url, date,
  warc_record_id, text), one task per file.
- :func:`spark_session`: a session (``local[*]`` by default) with the workers' Python set.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from ..config import DedupConfig
from ..errors import ConfigError, InputError
from ..keep import KeepPolicy
from .session import java_available, require_pyspark, spark_session

require_pyspark()  # a clear message naming the extra, before the imports that need it

from .clean_udf import check_text_type, clean  # noqa: E402
from .components import connected_components  # noqa: E402
from .wet import read_wet  # noqa: E402

__all__ = ["ANNOTATION_COLUMNS", "clean", "connected_components", "dedup", "java_available", "read_wet",
           "spark_session"]

#: The columns :func:`dedup` adds.
ANNOTATION_COLUMNS = ("cluster_id", "duplicate_of", "similarity", "containment", "reason")


def dedup(df, *, text_col: str = "text", id_col: str = "id", config: DedupConfig | None = None,
          kept_only: bool = False, **overrides: Any):
    """``df`` with :data:`ANNOTATION_COLUMNS` added (``duplicate_of`` and the rest null for kept
    rows), or only its kept rows, unchanged, when ``kept_only``.

    ``config`` and keyword ``overrides`` (``threshold=0.8``, ``keep="latest:date"``, ...) are
    :class:`~textclean.DedupConfig`'s. Ids (``id_col``, compared as strings) must be unique;
    ``text_col`` must be a string column without nulls. The annotation is computed here
    (a few Spark jobs) and checkpointed; the returned DataFrame joins it to ``df``, so ``df``
    is read again when used: cache it first if it is expensive to compute.
    """
    require_pyspark()
    from pyspark.sql import functions as F

    config = dataclasses.replace(config or DedupConfig(), **overrides) if overrides else (config or DedupConfig())
    policy = KeepPolicy.parse(config.keep)
    docs = documents(df, text_col=text_col, id_col=id_col, keep_field=policy.field)
    clash = [c for c in ANNOTATION_COLUMNS if c in df.columns]
    if clash:
        raise ConfigError(f"the DataFrame already has column {clash[0]!r}, which dedup adds; rename or drop it first")
    from .dedup_stages import annotate

    annotation = annotate(docs, config)
    key = "__textclean_id"
    joined = (df.withColumn(key, F.col(f"`{id_col}`").cast("string"))
              .join(annotation.withColumnRenamed("id", key), key, "left").drop(key))
    if kept_only:
        return joined.where(F.col("duplicate_of").isNull()).select(*[F.col(f"`{c}`") for c in df.columns])
    return joined


def documents(df, *, text_col: str, id_col: str, keep_field: str | None):
    """``(id, text, keep_json)`` of ``df``, checked: ids present and unique, texts strings."""
    from pyspark.sql import functions as F

    for name, what in ((text_col, "text_col"), (id_col, "id_col"), (keep_field, "the keep policy's field")):
        if name is not None and name not in df.columns:
            raise ConfigError(f"column {name!r} ({what}) is not in the DataFrame; its columns: {', '.join(df.columns)}")
    check_text_type(df, text_col)
    keep_json = (F.to_json(F.struct(_orderable(df, keep_field).alias(keep_field))) if keep_field
                 else F.lit(None).cast("string"))
    docs = df.select(F.col(f"`{id_col}`").cast("string").alias("id"), F.col(f"`{text_col}`").alias("text"),
                     keep_json.alias("keep_json"))
    check_documents(docs, text_col=text_col, id_col=id_col)
    return docs


def _orderable(df, name: str):
    """Column ``name`` as the keep policy can order it: a NaN or infinite float as null (to_json
    writes NaN as the string "NaN", which would outrank every number), as the local engine reads it."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import DoubleType, FloatType

    column = F.col(f"`{name}`")
    if not isinstance(df.schema[name].dataType, (DoubleType, FloatType)):
        return column
    return F.when(F.isnan(column) | column.isin(float("inf"), float("-inf")), None).otherwise(column)


def not_utf8(column: str):
    """Whether a string column's value holds bytes that are not UTF-8: Spark keeps them (from
    ``read.text``, or binary cast to string), and Arrow cannot hand such a string to Python."""
    from pyspark.sql import functions as F

    if hasattr(F, "is_valid_utf8"):  # Spark 4
        return ~F.is_valid_utf8(column)
    return F.col(column).cast("binary") != F.encode(column, "UTF-8")  # encoding replaces such bytes


def check_documents(docs, *, text_col: str = "text", id_col: str = "id") -> None:
    """Raise :class:`InputError` unless every row of ``docs`` (``id``, ``text``) has a text of
    UTF-8 and an id, and no id repeats (one Spark job; two when a check fails)."""
    from pyspark.sql import functions as F

    undecodable = not_utf8("text")
    counts = docs.agg(F.count(F.lit(1)).alias("rows"), F.count("id").alias("ids"),
                      F.countDistinct("id").alias("distinct"), F.count("text").alias("texts"),
                      F.count(F.when(undecodable, 1)).alias("undecodable")).first()
    if counts["ids"] < counts["rows"]:
        raise InputError(f"{counts['rows'] - counts['ids']} rows have no id in column {id_col!r}; "
                         "every document needs a unique id (choose it with id_col= or --id-key)")
    if counts["distinct"] < counts["ids"]:
        twice = docs.groupBy("id").count().where(F.col("count") > 1).orderBy("id").first()
        raise InputError(f"document id {twice['id']!r} appears {twice['count']} times; ids must be unique "
                         "(choose the id column with id_col= or --id-key)")
    if counts["texts"] < counts["rows"]:
        raise InputError(f"{counts['rows'] - counts['texts']} rows have a null text in column {text_col!r}; "
                         "drop them or fill them with empty strings first")
    if counts["undecodable"]:
        first = docs.where(undecodable).orderBy("id").first()["id"]
        raise InputError(f"{counts['undecodable']} texts in column {text_col!r} hold bytes that are not UTF-8 "
                         f"(the first: document {first!r}); replace them with U+FFFD first: "
                         f"F.decode(F.encode({text_col!r}, 'UTF-8'), 'UTF-8')")
