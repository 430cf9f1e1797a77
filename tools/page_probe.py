"""Adapters for /work/shared/tools/devscore.py (``--python page_probe:FUNC``), for full-page mode.

    cd /work/shared/tools
    PYTHONPATH=/work/main/tools python devscore.py readability --input full --python page_probe:clean

- ``clean``: the ``page`` preset; ``clean_default``: the default preset; ``clean_auto``: what
  ``--preset auto`` does (page on documents that look like full-page dumps, default otherwise);
  ``clean_wrapped``: the page preset on the page hard-wrapped at 76 columns (lynx, html2text).
- ``trafilatura_text`` / ``justext_text``: the comparison in the README. Both tools read HTML,
  and the HTML is gone, so each line of the page's text becomes a ``<p>``: what they can do with
  the text alone. They need ``pip install trafilatura==2.3.1 justext==3.0.2 lxml_html_clean``
  (kept out of textclean's dependencies); jusText gets the stop list of the language whose stop
  words the page uses most.
"""
from __future__ import annotations

import html
import re
import textwrap
from functools import cache

_WORD = re.compile(r"\w+")


@cache
def _cleaner(preset: str):
    import textclean

    return textclean.Cleaner(preset=preset)


def clean(text: str) -> str:
    """The page preset's cleaned text."""
    return _cleaner("page").clean(text).text


def clean_default(text: str) -> str:
    """The default preset's cleaned text (for comparison)."""
    return _cleaner("default").clean(text).text


def clean_wrapped(text: str) -> str:
    """The page preset on the page hard-wrapped as lynx or html2text print it: each line wrapped
    at 76 columns, a blank line between lines (the score does not see line breaks)."""
    return clean("\n\n".join(textwrap.fill(line, 76) for line in text.split("\n")))


def clean_auto(text: str) -> str:
    """``--preset auto``: page on full-page dumps, default otherwise."""
    return _cleaner("auto").clean(text).text


def _as_html(text: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip())
    return f"<html><head><meta charset='utf-8'></head><body>\n{paragraphs}</body></html>"


def trafilatura_text(text: str) -> str:
    """trafilatura 2.3.1 (default settings) on the page's lines as paragraphs."""
    import trafilatura

    return trafilatura.extract(_as_html(text)) or ""


@cache
def _stoplists() -> dict[str, frozenset[str]]:
    import justext

    return {lang: justext.get_stoplist(lang) for lang in sorted(justext.get_stoplists())}


def justext_text(text: str) -> str:
    """jusText 3.0.2 (default settings) on the page's lines as paragraphs, stop list by majority."""
    import justext

    words = [w.lower() for w in _WORD.findall(text)]
    lists = _stoplists()
    language = max(lists, key=lambda lang: (sum(w in lists[lang] for w in words), lang == "English"))
    paragraphs = justext.justext(_as_html(text).encode("utf-8"), lists[language], encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
