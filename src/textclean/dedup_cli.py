"""``textclean dedup``: a thin command over :func:`textclean.dedup.dedup_records`.

The inputs are read twice, so that only ids stay in memory: once to index every record, once to
write the kept ones. Standard input is copied to an anonymous temporary file for the second read.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack

import click
import xxhash

from . import io, wet
from .config import DedupConfig
from .dedup import REASONS, DedupResult, dedup_records
from .errors import InputError, OutputError, TextcleanError
from .io import STDIO, Record, Rejection
from .keep import KeepPolicy
from .output import atomic_output, check_output_paths, jsonl_line
from .shingles import Shingling


def _records(files, text_key, id_key, encoding, errors, on_error, stats, rejected, stdin) -> Iterator[Record]:
    """The usable records; with --on-error skip the others go to ``rejected`` (a file or None)."""
    for item in io.read_records(files, jsonl=None, text_key=text_key, id_key=id_key, encoding=encoding,
                                errors=errors, on_error=on_error, stats=stats, stdin=stdin):
        if isinstance(item, Rejection):
            if rejected is not None:
                rejected.write(jsonl_line(item.to_dict()))
        else:
            yield item


def _stdin_copy():
    """Standard input copied to an anonymous temporary file (read twice; gone when closed)."""
    if sys.stdin is None:
        raise InputError("-: cannot read: standard input is closed")
    copy = tempfile.TemporaryFile()
    try:
        shutil.copyfileobj(sys.stdin.buffer, copy)
    except OSError as exc:
        copy.close()
        raise OutputError(f"cannot copy standard input to a temporary file in {tempfile.gettempdir()} "
                          f"({exc.strerror or exc}); set TMPDIR to a folder with room") from exc
    copy.seek(0)
    return copy


def _refuse_pipes(files: list[str]) -> None:
    """dedup reads its inputs twice: a pipe (``<(...)``, a FIFO) would give nothing, or block, the
    second time."""
    for path in files:
        if path != STDIO and not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError(f"{path}: a pipe or device, which dedup cannot read twice (it writes the kept records "
                             "on a second read): save it to a file, or give it as standard input (-)")


class _Digest:
    """What one read of the inputs gave, record by record, to compare the second read with."""

    def __init__(self) -> None:
        self._hash = xxhash.xxh3_128()

    def over(self, records: Iterator[Record]) -> Iterator[Record]:
        for record in records:
            self._hash.update(f"{len(record.id)}:{record.id}{len(record.text)}:".encode("utf-8", "surrogatepass"))
            self._hash.update(record.text.encode("utf-8", "surrogatepass"))
            yield record

    def value(self) -> bytes:
        return self._hash.digest()


def _progress():
    """A running count of indexed records on stderr (the total is not known before the end)."""
    done = 0

    def update(count: int) -> None:
        nonlocal done
        done += count
        click.echo(f"\rdedup: {done} records indexed", nl=False, err=True)
    return update


def _redis_gone() -> tuple[type[Exception], ...]:
    """The errors of a Redis server lost mid-run (none without the redis package)."""
    try:
        from redis.exceptions import ConnectionError, TimeoutError
    except ImportError:
        return ()
    return ConnectionError, TimeoutError


def _summary(result: DedupResult, total: int, index: str | None) -> str:
    reasons = Counter(d.reason for d in result.duplicates if d.id not in set(result.superseded))
    kept = len(result.kept_ids)
    parts = ", ".join(f"{reasons[r]} {r}" for r in REASONS if reasons[r])
    line = f"dedup: {total} documents, {kept} kept, {total - kept} removed" + (f" ({parts})" if parts else "")
    if result.superseded:
        line += f"; {len(result.superseded)} documents of earlier runs superseded"
    if result.reinstated:
        line += (f"; {len(result.reinstated)} documents of earlier runs kept again, not in these inputs "
                 "(run their inputs again to write them)")
    return line + (f"; index {index}" if index else "")


def _lsh_report(config: DedupConfig) -> str:
    bands, rows = config.bands_rows
    curve = ", ".join(f"{s:g}: {p:g}" for s, p in config.s_curve())
    return (f"LSH: {bands} bands x {rows} rows of {config.num_perm} permutations; "
            f"chance that a pair of Jaccard similarity s is compared: {curve}")


def _spark(inputs, output, clusters, config, text_key, id_key, index, master, on_error, encoding, errors) -> str:
    if encoding.replace("-", "").lower() != "utf8":
        raise click.ClickException("--engine spark reads UTF-8 only; --encoding is for the local engine")
    if index:
        raise click.ClickException("--engine spark dedups one corpus; --index and --redis are for the local engine")
    if on_error != "fail":
        raise click.ClickException("--engine spark stops at the first bad record; --on-error skip is for the local engine")
    from .spark.session import require_pyspark

    require_pyspark()
    from .spark.corpus import dedup_files

    return dedup_files(inputs, output=output, clusters=clusters, config=config, text_key=text_key,
                       id_key=id_key, master=master, errors=errors)


# From this share of all pairs, LSH is comparing documents that share text without being copies
# (pages of one site share menus and footers), and verification grows with the square of their number.
_CROWDED_SHARE, _CROWDED_FROM = 0.05, 100


def _candidates_report(pairs: int, documents: int) -> str:
    share = pairs / (documents * (documents - 1) / 2) if documents > 1 else 0.0
    line = (f"LSH: {pairs} candidate pairs verified, {pairs / max(documents, 1):.1f} per document "
            f"({share:.1%} of all pairs)")
    if documents >= _CROWDED_FROM and share >= _CROWDED_SHARE:
        line += ("; many documents share text without being copies (a site's menus and footers?): "
                 "clean them first (textclean clean --preset auto), or verification grows with the square")
    return line


def _as_line(record: Record, text_key: str) -> str:
    """A record as its JSONL line: every field of a JSONL or WET record, a text file's id and text."""
    return jsonl_line(record.fields or {"id": record.id, text_key: record.text})


def _write_outputs(result: DedupResult, records: Iterator[Record], first_read: _Digest, output: str,
                   clusters: str | None, text_key: str) -> None:
    """The kept ``records`` (the inputs read again) to ``output``, and the removed ones to
    ``clusters``; neither appears unless both are whole, and only if the second read gave what
    the first did (``first_read``)."""
    kept = set(result.kept_ids)
    second_read = _Digest()
    with ExitStack() as stack:
        out = stack.enter_context(atomic_output(output))
        removed = stack.enter_context(atomic_output(clusters)) if clusters else None
        for record in second_read.over(records):
            if record.id in kept:
                out.write(_as_line(record, text_key))
        if second_read.value() != first_read.value():
            raise click.ClickException("the inputs changed while dedup read them (the second read, which writes "
                                       "the kept records, differs from the first); nothing written")
        for duplicate in result.duplicates if removed else ():
            removed.write(jsonl_line(duplicate.to_json()))


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", default=STDIO, show_default=True, help="Unique records (JSONL); - is stdout.")
@click.option("--clusters", default=None, help="One JSON record per removed document: id, duplicate_of, similarity, containment, reason.")
@click.option("--index", "index_path", default=None, help="SQLite index file: remembers documents across runs (created if absent).")
@click.option("--redis", "redis_url", default=None, help="Redis URL of an index shared by many workers (redis://host:port/db).")
@click.option("--threshold", type=click.FloatRange(0, 1, min_open=True), default=0.8, show_default=True,
              help="Jaccard similarity of shingle sets from which documents are near duplicates.")
@click.option("--containment", type=click.FloatRange(0, 1), default=0.9, show_default=True,
              help="Share of a shorter document's shingles inside a longer one that makes it a copy; 0 turns it off.")
@click.option("--keep", default="longest", show_default=True,
              help="Which copy stays: longest, first, most_complete, earliest:FIELD or latest:FIELD.")
@click.option("--shingles", type=click.Choice(["word", "char"]), default="word", show_default=True)
@click.option("--shingle-size", type=click.IntRange(1, 32), default=None, help="Shingle length (default 5 words or 9 characters).")
@click.option("--text-key", default="text", show_default=True, help="JSONL field holding the text.")
@click.option("--id-key", default=None, help="JSONL field holding the record id (default: file:line).")
@click.option("--encoding", default="utf-8", show_default=True)
@click.option("--errors", "decode_errors", type=click.Choice(["strict", "replace"]), default="strict", show_default=True)
@click.option("--on-error", type=click.Choice(["fail", "skip"]), default="fail", show_default=True,
              help="On a bad record or file: stop (exit 1), or skip it, count it and go on.")
@click.option("--rejected", default=None, help="With --on-error skip: write each skipped record and why, as JSONL.")
@click.option("-v", "--verbose", is_flag=True, help="Also print the LSH bands and rows, their S-curve and the candidate pairs verified on stderr.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="spark: run on Apache Spark (the 'spark' extra); JSONL, WET or Parquet in, JSONL or Parquet out; "
                   "--id-key required but for WET.")
@click.option("--master", default="local[*]", show_default=True, help="Spark master URL for --engine spark.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Processes computing shingles and signatures (local engine); the result is the same for any number.")
def dedup(inputs, output, clusters, index_path, redis_url, threshold, containment, keep, shingles, shingle_size,
          text_key, id_key, encoding, decode_errors, on_error, rejected, verbose, engine, master, jobs) -> None:
    """Remove duplicate and near-duplicate documents from INPUT files (JSONL, WET, text files, or - for JSONL on stdin).

    Records keep all their fields. Against an --index, documents seen in earlier runs count:
    a document seen before is removed, and a better copy now replaces an earlier one (the
    earlier one is listed in --clusters).
    """
    try:
        config = DedupConfig(
            threshold=threshold,
            containment_threshold=containment or None,
            keep=keep,
            shingling=Shingling(kind=shingles, size=shingle_size or (5 if shingles == "word" else 9)),
        )
        if verbose:
            click.echo(_lsh_report(config), err=True)
        if engine == "spark":
            click.echo(_spark(inputs, output, clusters, config, text_key, id_key, index_path or redis_url, master,
                              on_error, encoding, decode_errors), err=True)
            return
        if any(p.rstrip("/").lower().endswith(".parquet") for p in (*inputs, output, clusters or "")):
            raise click.ClickException("Parquet files need --engine spark")
        files = io.expand_inputs(inputs)
        _refuse_pipes(files)
        check_output_paths({"-o": output, "--clusters": clusters, "--rejected": rejected}, inputs=files,
                           read={"--index": index_path})
        if all(map(wet.is_wet_path, files)):  # a field no WET record has would rank every copy alike
            wet.check_field(KeepPolicy.parse(config.keep).field, "the keep policy's field")
        stats = io.ReadStats()
        with ExitStack() as stack:
            stdin = stack.enter_context(_stdin_copy()) if io.STDIO in files else None
            rejected_fh = stack.enter_context(atomic_output(rejected)) if rejected else None
            first_read = _Digest()
            records = first_read.over(_records(files, text_key, id_key, encoding, decode_errors, on_error, stats,
                                               rejected_fh, stdin))
            progress = _progress() if sys.stderr.isatty() else None

            def write(result: DedupResult) -> None:
                if progress:
                    click.echo(err=True)
                if stdin:
                    stdin.seek(0)
                again = _records(files, text_key, id_key, encoding, decode_errors, "skip", io.ReadStats(), None, stdin)
                _write_outputs(result, again, first_read, output, clusters, text_key)

            def reject(record: Record, reason: str) -> None:
                stats.rejected += 1
                if rejected_fh is not None:
                    raw = _as_line(record, text_key).rstrip("\n")
                    rejected_fh.write(jsonl_line(Rejection(record.source, record.line, reason, raw).to_dict()))

            result = dedup_records(records, config=config, path=index_path, redis_url=redis_url, progress=progress,
                                   hold_records=False, jobs=jobs, deliver=write,
                                   on_reject=reject if on_error == "skip" else None)
    except TextcleanError as exc:
        raise click.ClickException(str(exc)) from exc
    except _redis_gone() as exc:
        raise click.ClickException(f"Redis at {redis_url} stopped answering ({exc}); the batches it took stay "
                                   "indexed and nothing was written: run again once it is back") from exc
    except sqlite3.Error as exc:  # a full disk, an I/O error
        raise click.ClickException(f"the index {index_path} failed ({exc}); the batches before stay indexed and "
                                   "nothing was written: mend the cause and run again") from exc
    summary = _summary(result, stats.records - stats.rejected, index_path or redis_url)
    if verbose:
        click.echo(_candidates_report(result.candidates, stats.records - stats.rejected), err=True)
    if stats.replaced:
        summary += f"; {stats.replaced} undecodable byte sequences replaced"
    if stats.rejected or on_error == "skip":
        summary += f"; {stats.records} records in, {stats.rejected} rejected" + (f" (see {rejected})" if rejected else "")
    click.echo(summary, err=True)
