"""Cleaning a DataFrame column with :class:`textclean.Cleaner`, in a vectorized pandas UDF.

The :class:`~textclean.Cleaner`, built on the driver, goes to the executors once: as a broadcast
variable on classic Spark, or inside the UDF (sent once per task, never per row) on Spark
Connect, which has no broadcasts. Each task cleans Arrow batches with it, so every row's output
equals ``textclean.clean(text, ...)`` with the same settings.
"""
from __future__ import annotations

import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd  # the spark extra's; textclean.spark checks it is installed before this import

from ..cleaner import Cleaner
from ..config import AUTO, CleanConfig
from ..errors import ConfigError, InputError

#: The type of the removed-spans column: :class:`textclean.Span` fields, reason as a string.
SPAN_TYPE = ("array<struct<start:int, end:int, block:int, reason:string, score:double, "
             "detector:string, evidence:string, block_text:string>>")
RESULT_TYPE = f"struct<text:string, removed:{SPAN_TYPE}, preset:string>"


@dataclass(frozen=True)
class _Shipped:
    """Stands in for a broadcast variable where there are none (Spark Connect)."""

    value: Any


def _ship(spark, value: Any):
    try:
        context = spark.sparkContext
    except Exception:  # Spark Connect: no SparkContext, so no broadcast variables
        return _Shipped(value)
    return context.broadcast(value)


def check_text_type(df, column: str, *, option: str = "text_col", binary: bool = False) -> None:
    """Refuse a ``column`` (given as ``option``) that holds no text: Spark casts an int to its
    bytes, which were then cleaned as text ('lleh' for 1819043176), or fails under ANSI casts."""
    from pyspark.sql.types import BinaryType, StringType

    kind = df.schema[column].dataType
    if not isinstance(kind, (StringType, BinaryType) if binary else StringType):
        raise ConfigError(f"column {column!r} is {kind.simpleString()}, not a string; choose another with {option}=")


def _text(data: bytes, column: str) -> str:
    """A row's text from its bytes; bytes that are not UTF-8 (``read.text`` and binary casts keep
    them) stop the job with an error saying where and how to replace them."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"column {column!r}: byte {data[exc.start]:#04x} at offset {exc.start} of the text beginning "
            f"{data[:60].decode('utf-8', 'replace')!r} is not UTF-8; replace such bytes with U+FFFD first: "
            f"F.decode(F.encode({column!r}, 'UTF-8'), 'UTF-8')") from None


def clean(df, text_col: str = "text", *, output_col: str = "clean_text", removed_col: str = "removed",
          preset_col: str = "preset", site_col: str | None = None, config: CleanConfig | None = None,
          preset: str | None = None, **overrides: Any):
    """``df`` with ``output_col`` (the cleaned text) and ``removed_col`` (the removed spans:
    start, end, block, reason, score, detector, evidence, block_text) added; with
    ``preset="auto"`` also ``preset_col``, the preset that cleaned the row (``page`` or ``default``).

    ``config``, ``preset`` and ``overrides`` are :class:`~textclean.Cleaner`'s, validated here
    on the driver; with ``templates=`` (a :class:`~textclean.templates.TemplateModel`),
    ``site_col`` names each row's site in it. A null text gives null outputs; a text holding
    bytes that are not UTF-8 stops the job with an :class:`~textclean.errors.InputError` that quotes it.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.functions import pandas_udf

    if text_col not in df.columns:
        raise ConfigError(f"column {text_col!r} is not in the DataFrame; its columns: {', '.join(df.columns)}")
    check_text_type(df, text_col, binary=True)  # UTF-8 bytes are text too
    added = (output_col, removed_col, preset_col) if preset == AUTO else (output_col, removed_col)
    for name in added:
        if name in df.columns:
            raise ConfigError(f"the DataFrame already has column {name!r}; choose another output_col/removed_col/preset_col")
    if site_col is not None:
        if site_col not in df.columns:
            raise ConfigError(f"column {site_col!r} (site_col) is not in the DataFrame; its columns: {', '.join(df.columns)}")
        check_text_type(df, site_col, option="site_col")
    # Built and validated here, on the driver; the executors get this very Cleaner.
    cleaner = Cleaner(config, preset=preset, **overrides)
    try:
        shipped = _ship(df.sparkSession, cleaner)
    except (pickle.PicklingError, AttributeError, TypeError) as exc:
        raise ConfigError(f"the Cleaner cannot go to Spark executors ({exc}); a detector must be a function "
                          "defined at the top of a module the executors can import, not a lambda or a nested "
                          "function") from exc

    @pandas_udf(RESULT_TYPE)
    def clean_texts(batches: Iterator[tuple[pd.Series, pd.Series]]) -> Iterator[pd.DataFrame]:
        cleaner = shipped.value
        for texts, sites in batches:
            results = [None if t is None else cleaner.clean(_text(t, text_col), site=s) for t, s in zip(texts, sites)]
            yield pd.DataFrame({
                "text": [None if r is None else r.text for r in results],
                "removed": [None if r is None else [s.to_dict() for s in r.removed] for r in results],
                "preset": [None if r is None else r.preset for r in results],
            })

    # Nondeterministic only so the optimizer runs the UDF once, not once per field read. The text
    # goes as bytes: Arrow cannot hand Python a string holding bytes that are not UTF-8.
    sites = F.col(f"`{site_col}`") if site_col is not None else F.lit(None).cast("string")
    result = clean_texts.asNondeterministic()(F.col(f"`{text_col}`").cast("binary"), sites)
    key = "__textclean_clean"
    df = df.withColumn(key, result).withColumn(output_col, F.col(f"{key}.text")).withColumn(removed_col, F.col(f"{key}.removed"))
    if preset == AUTO:
        df = df.withColumn(preset_col, F.col(f"{key}.preset"))
    return df.drop(key)
