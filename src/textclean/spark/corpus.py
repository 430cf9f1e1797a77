"""``textclean dedup --engine spark``: JSONL, WET or Parquet files in, JSONL or Parquet out.

JSONL records are read as raw lines and written back unchanged (every field as it was, in
input order), as the local engine does; WET records become the local engine's JSONL records
(:mod:`textclean.spark.wet`); Parquet is read and written by Spark. An output
ending in ``.parquet`` is a Parquet directory written by Spark; any other output is one JSONL
file (or ``-``), streamed to the driver a partition at a time.
"""
from __future__ import annotations

import base64
import datetime
import decimal
import glob
import json
import math
import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from .. import io
from ..config import DedupConfig
from ..dedup import REASONS
from ..errors import ConfigError, InputError
from ..keep import KeepPolicy
from ..output import atomic_output, check_output_paths, jsonl_line
from ..wet import WET_FIELDS, is_wet_path
from .wet import LINES_SCHEMA, local_path, raise_first_error, wet_lines

PARQUET = ".parquet"


def is_parquet(path: str) -> bool:
    return path.rstrip("/").lower().endswith(PARQUET)


def _parse_lines(text_key: str, id_key: str, keep_field: str | None, decode_errors: str, names: dict[str, str]):
    """A ``mapInPandas`` function: raw JSONL lines (bytes) to (id, text, keep_json), or an error
    naming the file as ``names`` (absolute path to the name given) has it."""

    def parse(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for pdf in batches:
            ids, texts, keeps, errors, lines, replaced = [], [], [], [], [], []
            for file, raw in zip(pdf["file"], pdf["line"]):
                record_id = text = keep = None
                line, error = _decoded(raw, decode_errors)
                replaced.append(io.replaced_count(line, raw) if error is None else 0)
                if error is None:
                    try:
                        obj, text, record_id = io.parse_jsonl_line(line, text_key, id_key)
                    except InputError as exc:
                        error = str(exc)
                    else:
                        if record_id is None:
                            error = f"field {id_key!r} is missing; choose the id field with --id-key"
                        keep = json.dumps({keep_field: obj.get(keep_field)}) if keep_field else None
                        line = jsonl_line(obj)  # written back as the local engine writes it
                if error is not None:
                    error = f"{names.get(local_path(file), file)}: {error} (in the record {line[:80]!r})"
                ids.append(record_id)
                texts.append(text)
                keeps.append(keep)
                errors.append(error)
                lines.append(line)
            yield pd.DataFrame({"pos": pdf["pos"], "file": pdf["file"], "id": ids, "text": texts,
                                "keep_json": keeps, "line": lines, "error": errors, "replaced": replaced})

    return parse


def _decoded(raw: bytes, errors: str) -> tuple[str, str | None]:
    """A line's bytes as text, and the error for a byte that is not UTF-8 (``errors="strict"``;
    ``"replace"`` substitutes U+FFFD), worded as the local reader words it."""
    try:
        return raw.decode("utf-8", errors), None
    except UnicodeDecodeError as exc:
        return raw.decode("utf-8", "replace"), (f"byte {raw[exc.start]:#04x} at column {exc.start + 1} is not valid "
                                                "utf-8; pass --errors replace to substitute U+FFFD")


def _read_jsonl(spark, paths: Sequence[str], text_key: str, id_key: str, keep_field: str | None, errors: str):
    from pyspark.sql import functions as F

    # Lines travel as bytes: Spark keeps a byte that is not UTF-8 inside its string, and Arrow
    # cannot hand such a string to Python.
    # Blank lines go, as on the local engine (which strips ASCII whitespace, as Java's \s is).
    lines = (spark.read.text([_literal(p) for p in paths]).where(~F.col("value").rlike(r"^\s*$"))
             .select(F.monotonically_increasing_id().alias("pos"), F.input_file_name().alias("file"),
                     F.col("value").cast("binary").alias("line")))
    names = {os.path.abspath(p): p for p in paths}
    parsed = lines.mapInPandas(_parse_lines(text_key, id_key, keep_field, errors, names),
                               LINES_SCHEMA).localCheckpoint(eager=True)
    raise_first_error(parsed, paths)
    return parsed


def dedup_files(inputs: Sequence[str], *, output: str, clusters: str | None, config: DedupConfig,
                text_key: str, id_key: str | None, master: str, errors: str = "strict") -> str:
    """Deduplicate the records of ``inputs`` on Spark; returns the summary line. ``errors``:
    a byte that is not UTF-8 in a JSONL or WET file stops the run (``strict``) or becomes U+FFFD."""
    from pyspark.sql import functions as F

    from . import check_documents, dedup
    from .dedup_stages import annotate
    from .session import spark_session

    if io.STDIO in inputs:
        raise ConfigError("--engine spark reads files, not stdin; write the records to a JSONL or Parquet file")
    parquet = [p for p in inputs if is_parquet(p)]
    files = parquet if len(parquet) == len(inputs) else io.expand_inputs(inputs)
    missing = [p for p in parquet if not glob.has_magic(p) and "://" not in p and not os.path.exists(p)]
    if missing:
        raise ConfigError(f"{missing[0]}: no such file or directory")
    kind = _kind(files)
    if kind != "wet":  # WET files are opened by textclean's reader, not Hadoop's
        _check_hadoop_names(files)
    check_output_paths({"-o": output, "--clusters": clusters}, inputs=[*inputs, *files])
    if id_key is None and kind != "wet":
        raise ConfigError("--engine spark needs --id-key: the field holding each record's unique id")
    spark = spark_session(master)
    keep_field = KeepPolicy.parse(config.keep).field
    replaced = 0
    if kind == "parquet":
        frame = spark.read.parquet(*files)  # as given: 'shards/*.parquet' is Spark's to expand
        annotated = dedup(frame, text_col=text_key, id_col=id_key, config=config)
        annotation = annotated.select(F.col(f"`{id_key}`").cast("string").alias("id"), "cluster_id", "duplicate_of",
                                      "similarity", "containment", "reason")
        kept = annotated.where(F.col("duplicate_of").isNull()).select(*[F.col(f"`{c}`") for c in frame.columns])
        _write_rows(kept, output)
    else:
        if kind == "wet":
            parsed = wet_lines(spark, files, text_key=text_key, id_key=id_key, keep_field=keep_field,
                               errors=errors).localCheckpoint(eager=True)
            raise_first_error(parsed, files)
        else:
            parsed = _read_jsonl(spark, files, text_key, id_key, keep_field, errors)
        check_documents(parsed, text_col=text_key, id_col=id_key or "warc_record_id")
        if errors == "replace":
            replaced = parsed.agg(F.sum("replaced")).first()[0]
        annotation = annotate(parsed.select("id", "text", "keep_json"), config)
        kept = (parsed.join(annotation.where(F.col("duplicate_of").isNull()).select("id"), "id")
                .orderBy(_file_order(parsed, files), "file", "pos"))
        if is_parquet(output):
            schema = (", ".join(f"`{name}` string" for name in (*WET_FIELDS, text_key)) if kind == "wet"
                      else spark.read.json([_literal(p) for p in files]).schema)
            kept.select(F.from_json("line", schema).alias("r")).select("r.*").write.mode("overwrite").parquet(output)
        else:
            with atomic_output(output) as out:
                for row in kept.select("line").toLocalIterator():
                    out.write(row["line"])
    removed = annotation.where(F.col("duplicate_of").isNotNull()).orderBy("id")
    if clusters:
        columns = removed.select("id", "duplicate_of", "similarity", "containment", "reason")
        _write_rows(columns, clusters)
    reasons = Counter({row["reason"]: row["count"] for row in removed.groupBy("reason").count().collect()})
    total = annotation.count()
    n_removed = sum(reasons.values())
    parts = ", ".join(f"{reasons[r]} {r}" for r in REASONS if reasons[r])
    return (f"dedup: {total} documents, {total - n_removed} kept, {n_removed} removed"
            + (f" ({parts})" if parts else "") + (f"; {replaced} undecodable byte sequences replaced" if replaced else "")
            + f"; Spark {spark.version} on {master}")


def _file_order(parsed, paths: Sequence[str]):
    """A column giving each of ``parsed``'s rows its file's place among ``paths``, so outputs
    follow the inputs' order as on the local engine (Spark's file URIs sort otherwise)."""
    from pyspark.sql import functions as F

    rank = {os.path.abspath(p): i for i, p in enumerate(paths)}
    files = sorted(parsed.agg(F.collect_set("file")).first()[0])
    places = F.create_map(*[F.lit(v) for f in files for v in (f, rank.get(local_path(f), len(paths)))])
    return places[F.col("file")]


def _literal(path: str) -> str:
    """``path`` as Spark's readers take it literally: they expand glob characters again, so
    ``a[1].jsonl`` would read ``a1.jsonl`` (the paths here are already expanded)."""
    return re.sub(r"([\\\[\]{}*?])", r"\\\1", path)


def _check_hadoop_names(files: Sequence[str]) -> None:
    """Hadoop, which reads JSONL and Parquet for Spark, takes a ':' in a file's path for a URI
    scheme and fails deep in Java; say so up front."""
    named = [p for p in files if ":" in p and "://" not in p]
    if named:
        raise ConfigError(f"{named[0]}: Spark (Hadoop) cannot read a file whose path holds ':'; rename it, "
                          "or use --engine local")


def _kind(files: Sequence[str]) -> str:
    """``parquet``, ``jsonl`` or ``wet``: the one kind of file ``files`` are."""
    if not files:
        raise ConfigError("--engine spark found no input file to read")
    kinds = {"parquet" if is_parquet(p) else "wet" if is_wet_path(p) else "jsonl" if io.is_jsonl_path(p) else "text"
             for p in files}
    if len(kinds) > 1 or "text" in kinds:
        raise ConfigError("--engine spark takes JSONL files (.jsonl, .ndjson), WET files (.wet, .wet.gz) or Parquet "
                          "(.parquet), one kind at a time, and not plain text files")
    return kinds.pop()


def _write_rows(frame, path: str) -> None:
    """A DataFrame to a Parquet directory, or to one JSONL file (``-``: stdout) in its order."""
    if is_parquet(path):
        frame.write.mode("overwrite").parquet(path)
        return
    with atomic_output(path) as out:
        for row in frame.toLocalIterator():
            out.write(jsonl_line(_json_ready(row.asDict(recursive=True))))


def _json_ready(value: Any) -> Any:
    """A Parquet row's value as JSON can hold it: dates and times in ISO 8601, decimals as
    strings (exactly), bytes as base64; NaN and infinities, which JSON has not, as null."""
    if isinstance(value, dict):
        return {key: _json_ready(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_ready(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
