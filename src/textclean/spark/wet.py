"""WET files (Common Crawl's page text) on Spark: one task per file, one row per page.

Each executor reads whole files with :func:`textclean.wet.iter_wet`, so a record has the same
fields and id as on the local engine. The files must be readable at the same path from every
executor (local mode, or a filesystem the cluster shares); a WET file is a natural task, as
Common Crawl cuts its crawls into files of about 40,000 pages.
"""
from __future__ import annotations

import json
import os
import urllib.parse
from collections.abc import Iterator, Sequence

import pandas as pd

from ..errors import InputError
from ..io import ReadStats
from ..output import jsonl_line
from ..wet import WET_FIELDS, check_field, iter_wet

#: ``textclean dedup --engine spark``'s parsed rows: order (file, pos), id, text, keep policy
#: value, the JSONL line written for the record, an error (the first of its file), and how many
#: undecodable byte sequences ``errors="replace"`` replaced.
LINES_SCHEMA = ("pos long, file string, id string, text string, keep_json string, line string, error string, "
                "replaced long")
_COLUMNS = ["pos", "file", "id", "text", "keep_json", "line", "error", "replaced"]
_ROWS_PER_BATCH = 1000


def wet_lines(spark, paths: Sequence[str], *, text_key: str, id_key: str | None, keep_field: str | None,
              errors: str = "strict"):
    """The records of the WET files ``paths`` as :data:`LINES_SCHEMA` rows, one Spark task per
    file; a record's id is its ``WARC-Record-ID`` or its ``id_key`` field, as on the local engine."""
    check_field(id_key, "--id-key")
    check_field(keep_field, "the keep policy's field")
    paths = list(paths)
    return spark.range(0, len(paths), 1, len(paths)).mapInPandas(
        _reader(paths, text_key, id_key, keep_field, errors), LINES_SCHEMA)


def read_wet(spark, paths: Sequence[str], *, text_col: str = "text", errors: str = "strict"):
    """A DataFrame of the pages in the WET files ``paths``: ``url``, ``date``, ``warc_record_id``
    and the text (column ``text_col``), ready for :func:`textclean.spark.clean` and
    :func:`textclean.spark.dedup`. ``errors="replace"`` substitutes U+FFFD for bytes that are not
    UTF-8. A cut-off record or a file that is not WET raises :class:`InputError` naming it."""
    from pyspark.sql import functions as F

    paths = list(paths)
    lines = wet_lines(spark, paths, text_key=text_col, id_key=None, keep_field=None,
                      errors=errors).localCheckpoint(eager=True)
    raise_first_error(lines, paths)
    schema = ", ".join(f"`{name}` string" for name in (*WET_FIELDS, text_col))
    return lines.select(F.from_json("line", schema).alias("r")).select("r.*")


def raise_first_error(lines, paths: Sequence[str]) -> None:
    """Raise the first error of :data:`LINES_SCHEMA` rows as :class:`InputError`: first in the
    order of ``paths``, as the local engine reads them, then within its file."""
    from pyspark.sql import functions as F

    firsts = (lines.where(F.col("error").isNotNull()).groupBy("file")
              .agg(F.min_by("error", "pos").alias("error"), F.min("pos").alias("pos")).collect())
    if firsts:
        rank = {os.path.abspath(p): i for i, p in enumerate(paths)}
        first = min(firsts, key=lambda row: (rank.get(local_path(row["file"]), len(paths)), row["file"], row["pos"]))
        raise InputError(first["error"])


def local_path(file: str) -> str:
    """A Spark file name (``file:///a%20b/c.jsonl``, or a plain path) as an absolute local path."""
    parts = urllib.parse.urlsplit(file)
    return os.path.abspath(urllib.parse.unquote(parts.path) if parts.scheme == "file" else file)


def _reader(paths: list[str], text_key: str, id_key: str | None, keep_field: str | None, errors: str):
    """A ``mapInPandas`` function: file numbers to the rows of those files, in batches."""

    def read(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for pdf in batches:
            for index in pdf["id"]:
                rows = []
                for row in _rows(paths[index], text_key, id_key, keep_field, errors):
                    rows.append(row)
                    if len(rows) == _ROWS_PER_BATCH:
                        yield pd.DataFrame(rows, columns=_COLUMNS)
                        rows = []
                yield pd.DataFrame(rows, columns=_COLUMNS)

    return read


def _rows(path: str, text_key: str, id_key: str | None, keep_field: str | None, errors: str) -> Iterator[tuple]:
    """One row per record of ``path``; the file's first error ends it, as a row of its own."""
    number = 0
    stats = ReadStats()
    try:
        for record in iter_wet(path, text_key=text_key, id_key=id_key, errors=errors, stats=stats):
            number = record.line
            fields = record.fields
            keep = json.dumps({keep_field: fields.get(keep_field)}) if keep_field else None
            replaced, stats.replaced = stats.replaced, 0
            yield number, path, record.id, record.text, keep, jsonl_line(fields), None, replaced
    except InputError as exc:
        yield number + 1, path, None, None, None, "", str(exc), 0
