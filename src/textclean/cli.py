"""The `textclean` command: thin wrappers over the library.

Exit codes: 0 success, 1 bad input (the message names the file and line or record),
2 bad usage.
"""
from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click

from . import io, parallel
from .cleaner import Cleaner
from .config import AUTO, PRESETS
from .dedup_cli import dedup
from .errors import TextcleanError
from .io import STDIO, Record, Rejection
from .learn_cli import learn
from .output import atomic_output, check_output_paths, jsonl_line
from .template_learner import site_of
from .templates import TemplateModel
from .wet import is_wet_path


class _Commands(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MemoryError:  # raised anywhere (a worker's comes back through its future): no traceback
            raise click.ClickException("out of memory (a record too large for this machine?); run with fewer "
                                       "--jobs or more memory") from None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="textclean")
def main() -> None:
    """Clean scraped web text; every removal explained."""


def _parse_thresholds(_context, _param, values: tuple[str, ...]) -> dict[str, float]:
    thresholds = {}
    for value in values:
        reason, sep, score = value.partition("=")
        try:
            thresholds[reason.strip()] = float(score if sep else "no score")
        except ValueError:
            raise click.BadParameter(f"{value!r} is not REASON=SCORE (e.g. low_content=0.8)") from None
    return thresholds


def _cleaner(preset: str, thresholds: dict[str, float], templates: TemplateModel | None = None) -> Cleaner:
    """The Cleaner the options name (``auto``: one that picks page or default per document)."""
    try:
        return Cleaner(preset=preset, thresholds=thresholds, templates=templates)
    except TextcleanError as exc:
        raise click.UsageError(str(exc)) from exc


def _input_options(command):
    options = [
        click.argument("inputs", nargs=-1, metavar="INPUT..."),
        click.option("--jsonl", is_flag=True, help="Read JSONL records (automatic for .jsonl/.ndjson files)."),
        click.option("--text-key", default="text", show_default=True, help="JSONL field holding the text."),
        click.option("--id-key", default=None, help="JSONL field holding the record id (default: file:line)."),
        click.option("--preset", type=click.Choice(sorted([*PRESETS, AUTO])), default="default", show_default=True,
                     help="auto: the page preset on documents that look like full-page dumps, default on others."),
        click.option("--threshold", "thresholds", multiple=True, callback=_parse_thresholds, metavar="REASON=SCORE",
                     help="Drop a block for REASON only at this score or above (0 < SCORE <= 1; repeatable), e.g. "
                          "low_content=0.8 keeps more of a full page."),
        click.option("--templates", "templates_path", default=None, help="A site template model from `textclean learn`."),
        click.option("--group-key", default="host", show_default=True,
                     help="With --templates: the JSONL field naming each record's site ('host' falls back to the url's host)."),
        click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the inputs."),
        click.option("--errors", "decode_errors", type=click.Choice(["strict", "replace"]), default="strict",
                     show_default=True, help="On undecodable bytes: stop with an error, or substitute U+FFFD."),
        click.option("--on-error", type=click.Choice(["fail", "skip"]), default="fail", show_default=True,
                     help="On a bad record or file: stop (exit 1), or skip it, count it and go on."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@_input_options
@click.option("-o", "--output", default=STDIO, show_default=True,
              help="Output file, or a directory (one file per text input); - is stdout.")
@click.option("--report", default=None, help="Write one JSON record per document with its removed spans.")
@click.option("--rejected", default=None, help="With --on-error skip: write each skipped record and why, as JSONL.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=1, show_default=True,
              help="Worker processes; the output is the same, in the same order, for any number.")
def clean(inputs, preset, thresholds, templates_path, group_key, output, report, rejected, jobs, **reading) -> None:
    """Clean INPUT files, directories, globs or - (stdin): the article stays, the debris goes.

    Plain text is written as cleaned text; JSONL records are written back with the text
    field cleaned and every other field as it was. A summary goes to stderr when records
    were skipped or bytes replaced: records in = records out + rejected.
    """
    templates = _load_templates(templates_path)
    cleaner = _cleaner(preset, thresholds, templates)
    files = _expand(inputs)
    as_jsonl = _jsonl_mode(files, reading["jsonl"])
    to_directory = output != STDIO and (output.endswith(os.sep) or os.path.isdir(output))
    if not as_jsonl and len(files) > 1 and output != STDIO and not to_directory:
        raise click.UsageError("several text inputs need -o DIRECTORY (or stdout, or --jsonl)")
    outputs = {"--report": report, "--rejected": rejected}
    if to_directory and not as_jsonl:
        outputs.update((f"-o (for {f})", str(Path(output) / _relative_name(Path(f), inputs))) for f in files)
    else:
        outputs["-o"] = output
    stats = io.ReadStats()
    written = pages = 0
    try:
        check_output_paths(outputs, inputs=files, read={"--templates": templates_path})
        with ExitStack() as stack:
            report_fh = stack.enter_context(atomic_output(report)) if report else None
            rejected_fh = stack.enter_context(atomic_output(rejected)) if rejected else None
            out = None if to_directory and not as_jsonl else stack.enter_context(atomic_output(output))
            matched = Counter()
            items = _sited(_progress(_read(files, as_jsonl, stats, **reading)), templates, group_key,
                           reading["on_error"], stats, matched)
            spec = (preset, thresholds, templates_path, report is not None)
            for record, outcome in _cleaned(items, cleaner, spec, jobs):
                if isinstance(record, Rejection):
                    if rejected_fh is not None:
                        rejected_fh.write(jsonl_line(record.to_dict()))
                    continue
                text, entry, chose_page = outcome
                if out is None:
                    with atomic_output(str(Path(output) / _relative_name(Path(record.source), inputs))) as single:
                        single.write(_with_newline(text))
                elif as_jsonl:
                    out.write(jsonl_line({**record.fields, reading["text_key"]: text}))
                else:
                    out.write(_with_newline(text))
                if report_fh is not None:
                    report_fh.write(jsonl_line({"id": record.id, "source": record.source, "line": record.line, **entry}))
                written += 1
                pages += chose_page
    except TextcleanError as exc:  # an output that cannot be written, a worker that died
        raise click.ClickException(str(exc)) from exc
    if stats.rejected or stats.replaced or reading["on_error"] == "skip":
        click.echo(_summary(stats, written, rejected), err=True)
    if preset == AUTO:
        click.echo(f"textclean: --preset auto chose page for {pages} of {written} documents", err=True)
    if templates is not None:  # a --group-key the model was not learned with matches nothing, silently
        click.echo(f"textclean: --templates matched a site for {matched['site']} of {written} documents"
                   + ("" if matched["site"] or not written else
                      f"; none did: is --group-key the field the model was learned with? Its sites: "
                      f"{', '.join(list(templates.sites)[:3])}{', …' if len(templates.sites) > 3 else ''}"), err=True)


# Records per batch sent to a worker process with --jobs: enough to amortize the transfer.
_JOB_BATCH = 64
_WORKER: dict[str, Any] = {}


def _cleaned(items: Iterable[tuple[Record | Rejection, str | None]], cleaner, spec: tuple,
             jobs: int) -> Iterator[tuple[Record | Rejection, tuple | None]]:
    """Each item (with its site, :func:`_sited`) with its outcome (:func:`_clean_one`; None for a
    rejection), in input order.

    With ``jobs`` > 1 the records go in batches to worker processes, each of which builds its
    own cleaner from ``spec`` (preset, thresholds, templates path, whether a report is written).
    """
    want_report = spec[-1]
    if jobs == 1:
        for item, site in items:
            yield item, None if isinstance(item, Rejection) else _clean_one(cleaner, item.text, site, want_report)
        return
    batches = ((batch, [(r.text, site) for r, site in batch if not isinstance(r, Rejection)])
               for batch in parallel.batched(items, _JOB_BATCH))
    for batch, outcomes in parallel.ordered(batches, _clean_batch, jobs=jobs, initializer=_start_worker, initargs=spec):
        answers = iter(outcomes)
        for item, _ in batch:
            yield item, None if isinstance(item, Rejection) else next(answers)


def _clean_one(cleaner, text: str, site: str | None, want_report: bool) -> tuple[str, dict | None, bool]:
    """The cleaned text, the report entry (or None), and whether the page preset cleaned it."""
    result = cleaner.clean(text, site=site)
    entry = None
    if want_report:
        entry = result.to_dict()
        del entry["text"]
    return result.text, entry, result.preset == "page"


def _start_worker(preset: str, thresholds: dict[str, float], templates_path: str | None, want_report: bool) -> None:
    _WORKER.update(cleaner=_cleaner(preset, thresholds, _load_templates(templates_path)), want_report=want_report)


def _clean_batch(payload: list[tuple[str, str | None]]) -> list[tuple[str, dict | None, bool]]:
    return [_clean_one(_WORKER["cleaner"], text, site, _WORKER["want_report"]) for text, site in payload]


def _load_templates(path: str | None) -> TemplateModel | None:
    try:
        return TemplateModel.load(path) if path else None
    except TextcleanError as exc:
        raise click.ClickException(str(exc)) from exc


def _sited(items: Iterable[Record | Rejection], templates: TemplateModel | None, group_key: str, on_error: str,
           stats: io.ReadStats, matched: Counter | None = None) -> Iterator[tuple[Record | Rejection, str | None]]:
    """Each item with its site in the template model: its --group-key field (None without a
    model, and for plain text), counted in ``matched["site"]`` when the model has that site. A
    record without one stops the run or, when skipping, is rejected."""
    for item in items:
        if templates is None or isinstance(item, Rejection):
            yield item, None
            continue
        site = None
        if item.fields:
            try:
                site = site_of(item.fields, group_key)
            except TextcleanError as exc:
                if on_error == "fail":
                    raise click.ClickException(f"{item.where}: {exc}") from exc
                stats.rejected += 1
                yield Rejection(item.source, item.line, str(exc), jsonl_line(item.fields).rstrip("\n")), None
                continue
        if matched is not None:
            matched["site"] += templates.site_for(site) is not None
        yield item, site


def _summary(stats: io.ReadStats, written: int, rejected_path: str | None) -> str:
    parts = [f"{stats.records} records in", f"{written} written", f"{stats.rejected} rejected"]
    if stats.replaced:
        parts.append(f"{stats.replaced} undecodable byte sequences replaced")
    where = f" (see {rejected_path})" if rejected_path and stats.rejected else ""
    return "textclean: " + ", ".join(parts) + where


def _relative_name(path: Path, inputs: Sequence[str]) -> Path:
    """Where a text input's output goes inside an output directory."""
    roots = [Path(p) for p in inputs if os.path.isdir(p)]
    relative = next((path.relative_to(root) for root in roots if path.is_relative_to(root)), None)
    if relative is None:
        relative = Path(path.name if path.name != "<stdin>" else "stdin.txt")
    return relative.with_name(relative.name.removesuffix(".gz"))  # written uncompressed


@main.command()
@_input_options
def explain(inputs, preset, thresholds, templates_path, group_key, **reading) -> None:
    """Print, for each document, a table of its blocks: kept or dropped, and why. Removes nothing."""
    if sys.stdout is None:
        raise click.ClickException("stdout: cannot write: standard output is closed")
    if hasattr(sys.stdout, "reconfigure"):  # a terminal's encoding may lack characters of the text
        sys.stdout.reconfigure(errors="backslashreplace")
    templates = _load_templates(templates_path)
    cleaner = _cleaner(preset, thresholds, templates)
    files = _expand(inputs)
    as_jsonl = _jsonl_mode(files, reading["jsonl"])
    shown = 0
    stats = io.ReadStats()
    for record, site in _sited(_read(files, as_jsonl, stats, **reading), templates, group_key, reading["on_error"], stats):
        if isinstance(record, Rejection):
            click.echo(f"textclean: skipped {record.where}: {record.reason}", err=True)
            continue
        if shown:
            click.echo()
        result = cleaner.clean(record.text, site=site)
        click.echo(f"== {record.id}" + (f" (--preset auto chose {result.preset})" if preset == AUTO else ""))
        click.echo(result.explain())
        shown += 1


def _expand(inputs: Sequence[str]) -> list[str]:
    try:
        return io.expand_inputs(inputs or (STDIO,))
    except TextcleanError as exc:
        raise click.ClickException(str(exc)) from exc


def _jsonl_mode(files: Sequence[str], flag: bool) -> bool:
    """JSONL when asked, or when every named file is .jsonl/.ndjson or WET (stdin alone is text).
    Records and text files cannot share one output, so a mix of them is an error."""
    named = [f for f in files if f != STDIO]
    is_records = [io.is_jsonl_path(f) or is_wet_path(f) for f in named]
    if flag or not any(is_records):
        return flag
    if not all(is_records):
        raise click.UsageError(f"the inputs mix JSONL or WET files ({named[is_records.index(True)]}) with text files "
                               f"({named[is_records.index(False)]}): clean them in separate runs, or pass --jsonl to "
                               "read every file as JSONL")
    return True


def _read(files, as_jsonl, stats, *, jsonl, text_key, id_key, encoding, decode_errors, on_error) -> Iterator[Record | Rejection]:
    """Every record of every file, in order; input errors become `Error: …`, exit 1."""
    try:
        yield from io.read_records(files, jsonl=as_jsonl, text_key=text_key, id_key=id_key, encoding=encoding,
                                   errors=decode_errors, on_error=on_error, stats=stats)
    except TextcleanError as exc:
        raise click.ClickException(str(exc)) from exc


def _progress(records: Iterator[Record]) -> Iterator[Record]:
    """``records``, with a progress bar on stderr when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from records
        return
    with click.progressbar(records, label="cleaning", file=sys.stderr, show_pos=True) as bar:
        yield from bar


def _with_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


main.add_command(dedup)
main.add_command(learn)
