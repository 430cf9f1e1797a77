"""``textclean learn``: a thin command over :func:`textclean.templates.learn_templates`."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import click

from . import io
from .errors import ConfigError, InputError, TextcleanError
from .io import STDIO
from .output import check_output_paths
from .template_learner import learn_templates, site_of
from .templates import TemplateModel, TemplateParams

_DEFAULTS = TemplateParams()


@click.command()
@click.argument("inputs", nargs=-1, metavar="PAGES.jsonl...")
@click.option("--group-key", default="host", show_default=True,
              help="Field naming each page's site; 'host' falls back to the host of the 'url' field.")
@click.option("--text-key", default="text", show_default=True, help="JSONL field holding the page text.")
@click.option("-o", "--output", required=True, help="Where to write the model (JSON); - is stdout.")
@click.option("--min-share", type=float, default=_DEFAULTS.min_share, show_default=True,
              help="A template line is on at least this share (0–1) of its site's pages ...")
@click.option("--min-pages", type=int, default=_DEFAULTS.min_pages, show_default=True,
              help="... and on at least this many pages.")
@click.option("--fuzzy-threshold", type=float, default=_DEFAULTS.fuzzy_threshold, show_default=True,
              help="rapidfuzz similarity (0–1) from which two lines are variants of one template line.")
@click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the inputs.")
def learn(inputs, group_key, text_key, output, min_share, min_pages, fuzzy_threshold, encoding) -> None:
    """Learn each site's template lines from PAGES.jsonl or WET files (or - for stdin) and write the model.

    Use it with `textclean clean PAGES.jsonl --templates MODEL --group-key KEY`.
    """
    try:
        params = TemplateParams(min_share=min_share, min_pages=min_pages, fuzzy_threshold=fuzzy_threshold)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        files = io.expand_inputs(inputs or (STDIO,))
        check_output_paths({"-o": output}, inputs=files)
        model = learn_templates(_fields(files, text_key, group_key, encoding), group_by=group_key, text_key=text_key,
                                params=params)
        if not model.sites:  # a model of nothing would clean nothing, silently
            raise InputError(f"{', '.join(files)}: no page with text to learn from")
        model.save(output)
    except TextcleanError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(_summary(model), err=True)


def _fields(files: list[str], text_key: str, group_key: str, encoding: str) -> Iterator[dict[str, Any]]:
    for path in files:
        for record in io.read_records([path], jsonl=True, text_key=text_key, encoding=encoding):
            try:
                site_of(record.fields, group_key)
            except InputError as exc:
                raise InputError(f"{record.where}: {exc}") from None
            yield record.fields


def _summary(model: TemplateModel) -> str:
    pages = sum(s.pages for s in model.sites.values())
    lines = sum(len(s.lines) for s in model.sites.values())
    sites = len(model.sites)
    return f"learn: {pages} pages of {sites} site{'s' * (sites != 1)}, {lines} template lines"
